/**
 * A fire-and-forget wrapper (round 40, Kamesuta/discord-event-attendance's `nowait`, clean):
 *
 *   export function nowait(func) { return (...args) => { func(...args).catch((error) => { logger.error(error); }); }; }
 *   client.on(Events.VoiceStateUpdate, nowait(onVoiceStateUpdate));
 *
 * A higher-order function whose whole job is to run the function it is handed without waiting on
 * it: whoever wraps a function in it chose that nobody waits, and the log is where the error is
 * meant to end, as in `void p.catch(log)`.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

// A parameter that still has someone to answer (an HTTP request's `res`, Express's `next`): a
// wrapper that only logs there leaves the request hanging, and stays reported.
const ANSWERABLE_PARAM_RE = /^(?:req|request|res|response|reply|next|ctx|socket|ws)$/;

/**
 * `func(...args).catch(log)` as the only statement of a function that the function around it returns
 * (`return (...args) => { … }`, or its concise body), `func` a parameter of that outer function, and
 * no parameter of the inner one a request, response or `next`.
 */
export function firedByWrapper(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "catch") return false;
  const recv = call.expression.expression;
  if (!ts.isCallExpression(recv) || !ts.isIdentifier(recv.expression)) return false;
  let stmt: ts.Node = call;
  if (ts.isVoidExpression(stmt.parent)) stmt = stmt.parent;
  if (!ts.isExpressionStatement(stmt.parent) || !ts.isBlock(stmt.parent.parent) || stmt.parent.parent.statements.length !== 1) return false;
  const inner = stmt.parent.parent.parent;
  if (!ts.isArrowFunction(inner) && !ts.isFunctionExpression(inner)) return false;
  if (inner.parameters.some((p) => ts.isIdentifier(p.name) && ANSWERABLE_PARAM_RE.test(p.name.text))) return false;
  let outer: ts.Node | undefined;
  if (ts.isArrowFunction(inner.parent) && inner.parent.body === inner) outer = inner.parent;
  else if (ts.isReturnStatement(inner.parent)) {
    for (let p: ts.Node | undefined = inner.parent.parent; p; p = p.parent) {
      if (isFunctionLike(p)) {
        outer = p;
        break;
      }
    }
  }
  if (!outer || !isFunctionLike(outer)) return false;
  const name = recv.expression.text;
  return outer.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
}
