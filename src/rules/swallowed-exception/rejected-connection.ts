/**
 * An empty catch around closing a connection the code is giving up on (held round 29's teardown
 * reading, retired held round 43's StijnPrent/ai-voice-agent-backend, decided clean, debatable):
 *
 *   if (!callSid) { console.error(`❌ ${reason}.`); try { ws.close(1008, reason); } catch {} return; }
 *   } catch (err) { log(err); release(callSid); try { ws.close(1011, "Internal error"); } catch {} return; }
 *   ws.on("error", (err) => { console.error("WebSocket error:", err); try { ws.close(1011); } catch {} });
 *   try { socket.write("HTTP/1.1 404 Not Found\r\n\r\n"); } catch {} socket.destroy();
 *   try { await instance.destroy(); } catch {} throw err;
 *   try { server.close(); } catch {} process.exit(0);
 *
 * The connection is already failed or refused and the failure is told elsewhere (the log line before,
 * the error rethrown, the process ending): a close that fails as well has nothing left to undo. Known
 * by a try whose every statement closes (or, before the receiver's destroy, writes to) one receiver,
 * on a failure path: inside a catch, in an `error`/`close` listener, after an error or warning log
 * line in the same block, or right before the process exits; and nothing after it in the block but a
 * `return`, a `throw`, `process.exit(…)` or more such closes. A teardown the code then goes past
 * (opening a new client, answering the user) stays reported, and so does destroying a session (a
 * sign-out that must happen).
 */
import { ts } from "../../engine/ts";
import { bareExpression } from "../../engine/ast";
import { isLogStatement, isProcessExit, logCallOf } from "./analysis";
import { enclosingFunction } from "./scope";

// What closes a connection: `ws.close(1008, reason)`, `socket.destroy()`, `ws.terminate()`, `client.disconnect()`.
const CLOSE_RE = /^(?:close|destroy|terminate|end|disconnect|quit|abort|kill)$/;
// A log line that tells a failure: `console.error`, `logger.warn`, `log.fatal`.
const FAILURE_LEVEL_RE = /^(?:error|warn|warning|fatal|crit|critical)$/;
const FAILURE_EVENT_RE = /^(?:error|close|closed|disconnect|disconnected|end|timeout)$/;

/** The `recv.method(…)` call of a statement (under `await`, `void`), or undefined. */
function callOf(st: ts.Statement): { recv: string; method: string } | undefined {
  if (!ts.isExpressionStatement(st)) return undefined;
  const e = bareExpression(st.expression);
  if (!ts.isCallExpression(e)) return undefined;
  const callee = e.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  return { recv: callee.expression.getText().replace(/\?$/, ""), method: callee.name.text };
}

/** `ws.close(…)` on anything but a session (`req.session.destroy()` is a sign-out, not a connection). */
function closesConnection(st: ts.Statement): string | undefined {
  const c = callOf(st);
  return c && CLOSE_RE.test(c.method) && !/session/i.test(c.recv) ? c.recv : undefined;
}

/** `socket.write("HTTP/1.1 401 Unauthorized\\r\\n\\r\\n")`: an upgrade refused with an HTTP error status line. */
function refusesInHttp(st: ts.Statement): boolean {
  let e = (st as ts.ExpressionStatement).expression;
  while (ts.isAwaitExpression(e) || ts.isVoidExpression(e)) e = e.expression;
  const arg = ts.isCallExpression(e) ? e.arguments[0] : undefined;
  return !!arg && (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) && /^HTTP\/1\.[01] [45]\d\d/.test(arg.getText().slice(1));
}

/** The receivers the try closes (every statement a close, also under `if (client)`), or undefined. */
function closedReceivers(block: ts.Block, next: ts.Statement | undefined): string[] | undefined {
  const recvs: string[] = [];
  const visit = (st: ts.Statement): boolean => {
    if (ts.isBlock(st)) return st.statements.every(visit);
    if (ts.isIfStatement(st)) return !st.elseStatement && visit(st.thenStatement);
    const r = closesConnection(st);
    if (r) return recvs.push(r) > 0;
    // `try { socket.write("HTTP/1.1 404 …"); } catch {} socket.destroy();`: the answer of a refused connection.
    const c = callOf(st);
    const then = next && callOf(next);
    if (c && /^(?:write|end)$/.test(c.method) && refusesInHttp(st) && then && then.recv === c.recv && /^(?:destroy|end)$/.test(then.method)) return recvs.push(c.recv) > 0;
    return false;
  };
  return block.statements.length > 0 && block.statements.every(visit) ? recvs : undefined;
}

/** `try { x.close(); } catch {}` itself, with an empty catch. */
function isEmptyCloseTry(st: ts.Statement): boolean {
  return ts.isTryStatement(st) && !st.finallyBlock && !!st.catchClause && st.catchClause.block.statements.length === 0 && closedReceivers(st.tryBlock, undefined) !== undefined;
}

function exitsProcess(st: ts.Statement): boolean {
  return ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && isProcessExit(st.expression);
}

/** What may follow the teardown: `return;`, `throw err;`, `process.exit(1)`, the receiver's destroy, another empty-catch close. */
function endsAfter(rest: readonly ts.Statement[]): boolean {
  return rest.every((st, i) => (ts.isReturnStatement(st) && (!st.expression || st.expression.kind === ts.SyntaxKind.NullKeyword || st.expression.kind === ts.SyntaxKind.FalseKeyword))
    || ts.isThrowStatement(st) || exitsProcess(st) || isEmptyCloseTry(st) || (i === 0 && closesConnection(st) !== undefined && rest.length === 1) || isLogStatement(st));
}

/** `console.error(…)`, `logger.warn(…)`: a log line at a failure level. */
function logsFailure(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st)) return false;
  const call = logCallOf(st.expression);
  return !!call && ts.isPropertyAccessExpression(call.expression) && FAILURE_LEVEL_RE.test(call.expression.name.text);
}

/** The function is a listener of a failure event: `ws.on("error", (err) => …)`. */
function isFailureListener(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  const call = fn?.parent;
  if (!fn || !call || !ts.isCallExpression(call) || call.arguments[1] !== fn || !ts.isPropertyAccessExpression(call.expression)) return false;
  const ev = call.arguments[0];
  return /^(?:on|once|addListener|addEventListener)$/.test(call.expression.name.text) && !!ev && ts.isStringLiteralLike(ev) && FAILURE_EVENT_RE.test(ev.text);
}

/** True when the empty catch ends closing a connection the code is giving up on (see the module comment). */
export function closesFailedConnection(tryStmt: ts.TryStatement): boolean {
  const container = tryStmt.parent;
  if (!ts.isBlock(container) || tryStmt.finallyBlock) return false;
  const stmts = container.statements;
  const idx = stmts.indexOf(tryStmt);
  const rest = stmts.slice(idx + 1);
  if (!closedReceivers(tryStmt.tryBlock, rest[0]) || rest.length > 12 || !endsAfter(rest)) return false;
  // The few statements right before it (a block of many such closes stays linear).
  const before = stmts.slice(Math.max(0, idx - 4), idx);
  return ts.isCatchClause(container.parent) || isFailureListener(enclosingFunction(tryStmt)) || before.some(logsFailure)
    || rest.some((st) => ts.isThrowStatement(st) || exitsProcess(st)) || closedReceivers(tryStmt.tryBlock, undefined) === undefined;
}
