/**
 * A probe answered with a fallback, the same client called next (production overseerr's settings
 * test routes):
 *
 *   const urlBase = await radarr.getSystemStatus().then((value) => value.urlBase).catch(() => req.body.baseUrl);
 *   const profiles = await radarr.getProfiles();
 *
 * The status read only refines a value the code already has (the URL base the user gave); an
 * outage of the server does not hide behind it, since the next awaited call on the same client
 * fails the same way and reaches the function's own error path. What the fallback answers for is
 * the probe alone failing (an older server without that endpoint). Known when the handler takes no
 * error and answers a value the code already holds (a name or a property read: `req.body.baseUrl`;
 * a made-up literal such as `0` or `[]` stays reported), the chain starts at a call on a local name (`radarr.getSystemStatus()`),
 * its answer is held by a `const` of a block, and a later statement of that block awaits another call
 * on the same name, outside a nested function or `try` and not itself settled with a `.catch`.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

/** `await client.probe().then(pick).catch(() => given)` followed by `await client.next()` in the same block. */
export function probeBeforeSameClient(call: ts.CallExpression, handler: ts.Expression): boolean {
  if (!ts.isArrowFunction(handler) || handler.parameters.length > 0 || !heldValue(handler.body)) return false;
  // Down the chain to its first call: `radarr.getSystemStatus()`.
  let root: ts.Expression = (call.expression as ts.PropertyAccessExpression).expression;
  while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && /^(?:then|finally)$/.test(root.expression.name.text)) root = root.expression.expression;
  if (!ts.isCallExpression(root) || !ts.isPropertyAccessExpression(root.expression) || !ts.isIdentifier(root.expression.expression)) return false;
  const client = root.expression.expression.text;
  // `const urlBase = await <chain>;` as a statement of a block.
  const awaited = call.parent;
  const decl = ts.isAwaitExpression(awaited) ? awaited.parent : undefined;
  const stmt = decl && ts.isVariableDeclaration(decl) && decl.initializer === awaited ? decl.parent.parent : undefined;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return false;
  const later = block.statements.slice(block.statements.indexOf(stmt) + 1);
  return later.some((st) => awaitsCallOn(st, client));
}

/** `await client.m(…)` in `st`, outside nested functions and tries, and not settled by a `.catch` of its own. */
function awaitsCallOn(st: ts.Node, client: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n) || ts.isTryStatement(n)) return;
    if (ts.isAwaitExpression(n) && ts.isCallExpression(n.expression) && ts.isPropertyAccessExpression(n.expression.expression)) {
      const callee = n.expression.expression;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === client) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(st);
  return found;
}

/** `req.body.baseUrl`, `fallbackUrl`: a value read from something the code holds. */
function heldValue(e: ts.ConciseBody): boolean {
  let u: ts.Node = e;
  while (ts.isPropertyAccessExpression(u)) u = u.expression;
  return (ts.isPropertyAccessExpression(e) && ts.isIdentifier(u)) || (ts.isIdentifier(e) && e.text !== "undefined");
}
