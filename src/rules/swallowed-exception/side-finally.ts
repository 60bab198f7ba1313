/**
 * `p.finally(() => { memo = null; }).catch(() => {});` followed by `return p;` (production formbricks'
 * license fetch, session 42): a `.finally` whose callback only assigns plain values settles as `p`
 * does, so the handler after it is the docs' side handler on a promise the next statements hand on
 * (`primed.catch(() => {}); … return await primed;`): whoever awaits `p` still gets its rejection.
 */
import { ts } from "../../engine/ts";

/** No call, `await`, `new`, `throw` or tagged template: reads, literals and assignments of them. */
function plain(e: ts.Node): boolean {
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e) || ts.isThrowStatement(e)) return false;
  return !(ts.forEachChild(e, (c) => (plain(c) ? undefined : true)) ?? false);
}

/** The promise `p` of `p.finally(() => { memo = null; })`, whose callback cannot throw; else `recv` itself. */
export function throughPlainFinally(recv: ts.Expression): ts.Expression {
  if (!ts.isCallExpression(recv) || !ts.isPropertyAccessExpression(recv.expression) || recv.expression.name.text !== "finally" || recv.arguments.length !== 1) return recv;
  const cb = recv.arguments[0]!;
  if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || cb.parameters.length > 0 || !plain(cb.body)) return recv;
  return recv.expression.expression;
}
