/**
 * A cleanup whose failure is logged right before the code fails explicitly anyway: the caller is
 * told of the failure by the throw, and the cleanup's own error is in the log.
 */
import { ts } from "../../engine/ts";
import { isLogCall, isProcessExit, references } from "./analysis";
import { answersWithErrorStatus } from "./failure-answer";

/**
 * The statement after `stmt` is a `throw`; or `stmt` ends the `then` block of an `if` (without
 * `else`) whose next statement is a `throw`: `if (job) { await job.remove().catch(log); } throw
 * new TRPCError({ code: "NOT_FOUND" });`, where the cleanup runs only when there is something to
 * clean up and the throw follows either way.
 */
export function throwFollows(stmt: ts.Node): boolean {
  const body = stmt.parent;
  if (!body || !ts.isBlock(body)) return false;
  let at = body.statements.indexOf(stmt as ts.Statement) + 1;
  // `if (sensorApp) { try { await sensorApp.close(); } catch (e) { log(e); } } process.exit(1);`: other
  // cleanups logged the same way may come first.
  while (at < body.statements.length && loggedCleanup(body.statements[at]!)) at++;
  const next = body.statements[at];
  if (next !== undefined) return ts.isThrowStatement(next) || exitsWithFailure(next) || answersWithErrorStatus(next);
  const branch = body.parent;
  return ts.isIfStatement(branch) && branch.thenStatement === body && !branch.elseStatement && throwFollows(branch);
}

/** `process.exit(1);`: the process ends with a failure code. */
function exitsWithFailure(s: ts.Statement): boolean {
  if (!ts.isExpressionStatement(s) || !ts.isCallExpression(s.expression)) return false;
  const call = s.expression;
  const code = call.arguments[0];
  return isProcessExit(call) && code !== undefined && !(ts.isNumericLiteral(code) && code.text === "0");
}

/**
 * `try { await x.close(); } catch (e) { log(e); }`, alone or as the whole of an `if` without `else`:
 * another cleanup whose failure is logged with its error and falls through.
 */
function loggedCleanup(s: ts.Statement): boolean {
  if (ts.isIfStatement(s)) return !s.elseStatement && (ts.isBlock(s.thenStatement) ? s.thenStatement.statements.length > 0 && s.thenStatement.statements.every(loggedCleanup) : loggedCleanup(s.thenStatement));
  if (!ts.isTryStatement(s) || !s.catchClause || s.finallyBlock) return false;
  const decl = s.catchClause.variableDeclaration;
  const stmts = s.catchClause.block.statements;
  return !!decl && ts.isIdentifier(decl.name) && stmts.length > 0 && stmts.every((x) => ts.isExpressionStatement(x) && isLogCall(x.expression)) && references(s.catchClause.block, decl.name.text);
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
