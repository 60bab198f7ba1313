/**
 * A project's own mutation hook, called with no `onError` of the caller's, whose body hands one to the
 * mutation it makes (production docmost create-sso-provider.tsx:25, comment-list-item.tsx:69):
 *
 *   // queries/security-query.ts
 *   export function useCreateSsoProviderMutation() {
 *     return useMutation({ mutationFn: createSsoProvider, onError: (e) => notifications.show({ message: …, color: "red" }) });
 *   }
 *   // components/create-sso-provider.tsx
 *   const create = useCreateSsoProviderMutation();
 *   try { const p = await create.mutateAsync({ … }); setProvider(p); } catch (e) { console.error("Failed", e); }
 *
 * TanStack Query runs the mutation's `onError` before `mutateAsync` rejects, whichever module declares
 * it, so the user is told as when the option is handed in. The hook is read where it is declared: a
 * top-level function of the file, or one another module of the project exports (relative or `@/`
 * import); what it returns must be such a mutation (`useMutation(…)`, `trpc.x.y.useMutation(…)`, a
 * project hook handed `{ onError }`) on every path, one more hook deep at most. An `onError` that
 * only logs tells nobody and stays reported, as does a hook that returns anything else.
 */
import { ts } from "../../engine/ts";
import { calleeName, topLevelFunction } from "../../engine/ast";
import { ownReturns, unwrap } from "../unvalidated-boundary/ast";
import { importedFunction, type ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { isLogCall, isLogStatement } from "./analysis";

/** Where other modules of the project are read from. */
export interface MutationProject {
  files: ProjectFiles;
  path: string;
}

const HOOK_RE = /^use(?:Mutation$|[A-Z0-9])/;

/** `onError: (e) => toast.error(e.message)`, `onError() { … }`, a named handler: not empty, not only a log line. */
function handlerTells(p: ts.ObjectLiteralElementLike): boolean {
  if (ts.isShorthandPropertyAssignment(p)) return true;
  let body: ts.ConciseBody | undefined;
  if (ts.isMethodDeclaration(p)) body = p.body;
  else if (ts.isPropertyAssignment(p)) {
    const v = p.initializer;
    if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v)) return true;
    if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) body = v.body;
  }
  if (!body) return false;
  if (!ts.isBlock(body)) return !isLogCall(body);
  return body.statements.length > 0 && !body.statements.every(isLogStatement);
}

/** A call that hands an object literal with a telling `onError`. */
function handsOnError(call: ts.CallExpression): boolean {
  return call.arguments.some((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "onError" && handlerTells(p)));
}

/** What a function answers: an arrow's expression body, or each `return` of its own (not of nested functions). */
function answers(fn: ts.FunctionLikeDeclaration): ts.Expression[] | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  for (const r of ownReturns(body)) {
    if (!r.expression) return undefined;
    out.push(r.expression);
  }
  return out;
}

/** The function a hook call reaches: a top-level function of its file, or one a project module exports. */
function hookFunction(call: ts.CallExpression, project: MutationProject | undefined): { fn: ts.FunctionLikeDeclaration; path: string } | undefined {
  if (!ts.isIdentifier(call.expression)) return undefined;
  const sf = call.getSourceFile();
  const own = topLevelFunction(call.expression.text, sf);
  if (own) return { fn: own, path: project?.path ?? sf.fileName };
  if (!project) return undefined;
  const imported = importedFunction(call, sf, project.path, project.files);
  return imported ? { fn: imported.fn, path: imported.file } : undefined;
}

/** Whether `call` (`useCreateThing()`) is a project hook whose every answer is a mutation with a telling `onError`. */
export function hookDeclaresOnError(call: ts.CallExpression, project: MutationProject | undefined, depth = 2): boolean {
  if (depth <= 0 || !HOOK_RE.test(calleeName(call) ?? "") || calleeName(call) === "useMutation") return false;
  const hook = hookFunction(call, project);
  if (!hook) return false;
  const out = answers(hook.fn);
  if (!out || out.length === 0) return false;
  const inner = project ? { files: project.files, path: hook.path } : undefined;
  return out.every((e) => {
    const c = unwrap(e);
    if (!ts.isCallExpression(c) || !HOOK_RE.test(calleeName(c) ?? "")) return false;
    return handsOnError(c) || hookDeclaresOnError(c, inner, depth - 1);
  });
}
