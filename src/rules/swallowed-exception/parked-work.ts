/**
 * A catch that parks the failed work for a retry (held round 36, tier2tickets-relay's ticket create):
 *
 *   try { const raw = await new GoreloClient(env).createTicket(cmd); … }
 *   catch (err) { await putPendingTicket(env.DB, haloId, JSON.stringify(cmd), nowIso()); breadcrumb(`… queued for retry`); }
 *
 * The catch hands the failed call's own input to another awaited call: the work is queued (or done
 * another way), which is the handling, not a swallow.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

/** `cmd`, or `JSON.stringify(cmd)`: the name an argument hands on. */
function handedName(a: ts.Expression): string | undefined {
  if (ts.isIdentifier(a)) return a.text;
  if (ts.isCallExpression(a) && a.expression.getText() === "JSON.stringify" && a.arguments[0] && ts.isIdentifier(a.arguments[0])) return a.arguments[0].text;
  return undefined;
}

/**
 * The catch's one other call (`extra`, awaited, a call the try does not make) takes a name, itself or
 * `JSON.stringify`'d, that an awaited call of the try takes as an argument, declared before the try:
 * the work that failed, handed on. A call given only the error or values the catch works out, and
 * the try's own call made again (a reply with a failure text to the same chat), are not one.
 */
export function parksTheFailedWork(tryStmt: ts.TryStatement, extra: ts.CallExpression): boolean {
  if (!ts.isAwaitExpression(extra.parent)) return false;
  const declaredInside = new Set<string>();
  const inputs = new Set<string>();
  const callee = extra.expression.getText();
  let sameCall = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n) || ts.isCatchClause(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) declaredInside.add(n.name.text);
    // The same call again (`sendMessage(chatId, failureText)` after `sendMessage(chatId, answer)`) is a reply, not the work parked.
    if (ts.isCallExpression(n) && n.expression.getText() === callee) sameCall = true;
    if (ts.isAwaitExpression(n) && ts.isCallExpression(n.expression)) for (const a of n.expression.arguments) if (ts.isIdentifier(a)) inputs.add(a.text);
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  if (sameCall) return false;
  const err = tryStmt.catchClause?.variableDeclaration?.name;
  const errName = err && ts.isIdentifier(err) ? err.text : undefined;
  return extra.arguments.some((a) => {
    const name = handedName(a);
    return name !== undefined && name !== errName && inputs.has(name) && !declaredInside.has(name);
  });
}
