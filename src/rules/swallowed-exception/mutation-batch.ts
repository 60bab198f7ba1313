import { ts } from "../../engine/ts";
import { constInitializer } from "./analysis";
import { mutationShowsTheFailure } from "./intent";
import type { MutationProject } from "./mutation-hook";

/** `.then(ok)` and `.finally(f)` pass a rejection on unchanged: the link below them is where it comes from. */
function rejectionSource(e: ts.Expression): ts.Expression {
  for (;;) {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return e;
    const m = e.expression.name.text;
    if ((m === "then" && e.arguments.length === 1) || m === "finally") e = e.expression.expression;
    else return e;
  }
}

/** `items.map((x) => mutateAsync(…))`, also through a `const` that holds it. */
function mapsToMutations(arr: ts.Expression, project?: MutationProject): boolean {
  const m = ts.isIdentifier(arr) ? constInitializer(arr) : arr;
  if (!m || !ts.isCallExpression(m) || !ts.isPropertyAccessExpression(m.expression) || m.expression.name.text !== "map") return false;
  const cb = m.arguments[0];
  if (!cb || (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb))) return false;
  let body: ts.Node = cb.body;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    if (!only || !ts.isReturnStatement(only) || !only.expression) return false;
    body = only.expression;
  }
  return mutationShowsTheFailure(body as ts.Expression, project);
}

/**
 * The rejection a `.catch(…)` handles comes from mutations whose own `onError` tells the user:
 * `save.mutateAsync(v)`, or `Promise.all(suggestions.map((s) => mutateAsync(s)))` (production
 * karakeep TagDuplicationDetention.tsx:88, whose `.catch(() => ({}))` only keeps the rejection from
 * going unhandled), through `.then(onDone)` and `.finally(…)` links. TanStack Query runs `onError`
 * before the promise rejects; `Promise.all` rejects with one of those already-told failures.
 */
export function rejectionShownByMutations(catchCall: ts.CallExpression, project?: MutationProject): boolean {
  if (!ts.isPropertyAccessExpression(catchCall.expression)) return false;
  const src = rejectionSource(catchCall.expression.expression);
  if (mutationShowsTheFailure(src, project)) return true;
  if (!ts.isCallExpression(src) || !/^Promise\.(?:all|allSettled)$/.test(src.expression.getText()) || src.arguments.length !== 1) return false;
  return mapsToMutations(src.arguments[0]!, project);
}
