/**
 * A cleanup whose failure is logged right before the code fails explicitly anyway: the caller is
 * told of the failure by the throw, and the cleanup's own error is in the log.
 */
import { ts } from "../../engine/ts";
import { references } from "./analysis";

/**
 * The statement after `stmt` is a `throw`; or `stmt` ends the `then` block of an `if` (without
 * `else`) whose next statement is a `throw`: `if (job) { await job.remove().catch(log); } throw
 * new TRPCError({ code: "NOT_FOUND" });`, where the cleanup runs only when there is something to
 * clean up and the throw follows either way.
 */
export function throwFollows(stmt: ts.Node): boolean {
  const body = stmt.parent;
  if (!body || !ts.isBlock(body)) return false;
  const at = body.statements.indexOf(stmt as ts.Statement);
  const next = body.statements[at + 1];
  if (next !== undefined) return ts.isThrowStatement(next);
  const branch = body.parent;
  return ts.isIfStatement(branch) && branch.thenStatement === body && !branch.elseStatement && throwFollows(branch);
}

/**
 * `await newJob.remove().catch((err) => logger.error("cleanup failed", { err })); throw new
 * TRPCError(…)`: the promise form of a logged cleanup before an explicit failure. The chain is a
 * statement of its own (its value unused), the handler reads its error, and a `throw` follows.
 */
export function rejectionLoggedBeforeThrow(stmt: ts.Node, handler: ts.Expression): boolean {
  if (!ts.isExpressionStatement(stmt) || (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler))) return false;
  const p0 = handler.parameters[0];
  return !!p0 && ts.isIdentifier(p0.name) && references(handler.body, p0.name.text) && throwFollows(stmt);
}
