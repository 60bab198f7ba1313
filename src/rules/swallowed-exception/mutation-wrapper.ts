import { ts } from "../../engine/ts";
import { awaitsIn, mutationShowsTheFailure } from "./intent";
import type { MutationProject } from "./mutation-hook";

/** `async () => { … }` itself, or handed to `useCallback(…)`: the function a `const` holds. */
function heldFunction(init: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (init && ts.isCallExpression(init) && /^(?:React\.)?useCallback$/.test(init.expression.getText())) init = init.arguments[0];
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** The function `name` names in a block or file around `at`, nearest first: a `function` or a `const` that holds one. */
function localFunction(at: ts.Node, name: string): ts.FunctionLikeDeclaration | undefined {
  for (let p = at.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return heldFunction(d.initializer);
    }
  }
  return undefined;
}

/**
 * `onStatusChange(enabled).catch(() => undefined)` where `const onStatusChange = async (enabled) => {
 * await setEnabled.mutateAsync({ … }); }` and `setEnabled = useMutation({ onError: trpcErrorToast })`
 * (production langfuse): a local async wrapper, of the component or the file, whose every `await` is a
 * mutation whose own `onError` tells the user, as `rejectionShownByMutations` reads the call itself
 * (mutation-batch.ts). TanStack Query runs `onError` before the promise rejects; the handler only keeps
 * the rejection from going unhandled. A wrapper that also awaits other work, or a mutation without
 * `onError`, stays reported.
 */
export function wrapperOnlyAwaitsMutations(catchCall: ts.CallExpression, project?: MutationProject): boolean {
  if (!ts.isPropertyAccessExpression(catchCall.expression)) return false;
  let src: ts.Expression = catchCall.expression.expression;
  while (ts.isParenthesizedExpression(src)) src = src.expression;
  if (!ts.isCallExpression(src) || !ts.isIdentifier(src.expression)) return false;
  const fn = localFunction(src, src.expression.text);
  if (!fn?.body || !ts.isBlock(fn.body) || !fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  const awaits = awaitsIn(fn.body);
  return awaits.length > 0 && awaits.every((a) => mutationShowsTheFailure(a.expression, project));
}
