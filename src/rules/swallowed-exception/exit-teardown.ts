/**
 * Teardown steps before the process ends, and release calls whose rejection is logged (issue 11,
 * session 31, production OpenPanel's graceful shutdown and Kafka producer):
 *
 *   export async function shutdown(app, signal, exitCode = 0) {
 *     try { await app.close(); logger.info("closed"); } catch (error) { logger.error({ err: error }, "…"); }
 *     try { await Promise.all(queues.map((q) => q.close())); } catch (error) { logger.error({ err: error }, "…"); }
 *     process.exit(exitCode);
 *   }
 *
 *   broken.disconnect().catch((err) => logger.warn({ err }, "disconnect after fatal error failed"));
 *
 * The first is a step of a shutdown function that ends the process (its last statement is
 * `process.exit(…)`), which its module calls only from signal handlers or not at all (the entry
 * point's handlers import it): as in a signal handler that exits (no-caller.ts), nobody is left to
 * tell, and a throw would only skip the steps after it.
 * The second lets go of a client: a failed `disconnect()`/`close()` leaves nothing to do but log it.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall, references } from "./analysis";
import { registersExitListener } from "./no-caller";

// What a shutdown step releases: `close()`, `disconnect()`, Prisma's `$disconnect()`, `quit()`.
const RELEASE_METHOD_RE = /^\$?(?:close|disconnect|quit|end|destroy|terminate|stop|shutdown|unsubscribe|dispose|unref|removeAllListeners)$/;
// A function of the project named for releasing something: `disconnectKafka()`, `closeDb()`, `stopWorkers()`.
const RELEASE_FN_RE = /^(?:close|disconnect|quit|destroy|terminate|stop|shutdown|dispose|teardown|tearDown)[A-Z]\w*$/;
// An accessor on the way to the released thing: `getRedisCache()`.
const GETTER_RE = /^get[A-Z]\w*$/;

function isProcessExit(st: ts.Statement | undefined): boolean {
  if (!st || !ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) return false;
  return st.expression.expression.getText().replace(/\s+/g, "") === "process.exit";
}

/** `Promise.all([...])`, `Promise.allSettled(…)`: waits on the releases it is given. */
function isPromiseCombinator(call: ts.CallExpression): boolean {
  const c = call.expression;
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === "Promise" && /^(?:all|allSettled)$/.test(c.name.text);
}

/** `list.map((x) => x.close())`, `list.forEach(async (x) => { if (x.status === "ready") await x.quit(); })`: a loop of releases. */
function releaseLoopCallback(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const c = call.expression;
  const cb = call.arguments[0];
  if (!ts.isPropertyAccessExpression(c) || !/^(?:map|forEach)$/.test(c.name.text) || call.arguments.length !== 1 || !cb) return undefined;
  return ts.isArrowFunction(cb) || ts.isFunctionExpression(cb) ? cb : undefined;
}

/**
 * Whether the block only lets go of things: every call, besides log lines, releases one thing
 * (`fastify.close()`, `db.$disconnect()`, `disconnectKafka()`), waits on such releases
 * (`Promise.all([...queues.map((q) => q.close()), cron.close()])`, the loop's callback held to the
 * same test) or reads an accessor on the way (`getRedisCache()`); no construction or assignment.
 */
export function onlyLetsGo(block: ts.Node): boolean {
  let releases = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    // A function other than a loop's callback (visited below through its body), a construction or an assignment is other work.
    other ||= isFunctionLike(n) || ts.isNewExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment);
    if (other || (ts.isCallExpression(n) && isLogCall(n))) return;
    const cb = ts.isCallExpression(n) ? releaseLoopCallback(n) : undefined;
    if (cb) {
      visit((n as ts.CallExpression).expression);
      if (cb.body) ts.forEachChild(cb.body, visit);
      return;
    }
    if (ts.isCallExpression(n)) {
      const c = n.expression;
      const name = ts.isPropertyAccessExpression(c) ? c.name.text : ts.isIdentifier(c) ? c.text : undefined;
      if (name !== undefined && ((ts.isPropertyAccessExpression(c) && RELEASE_METHOD_RE.test(name)) || (ts.isIdentifier(c) && RELEASE_FN_RE.test(name)))) releases++;
      else if (!isPromiseCombinator(n) && !(name !== undefined && GETTER_RE.test(name) && n.arguments.length === 0)) other = true;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(block, visit);
  return releases > 0 && !other;
}

// A function named for shutting the process down: `shutdown`, `gracefulShutdown`, `handleShutdown`.
const SHUTDOWN_FN_RE = /shutdown/i;

/** The name a function is declared under (`function f`, `const f = () => …`, a method `handleShutdown()`), if any. */
function declaredName(fn: ts.Node): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name;
  if (ts.isMethodDeclaration(fn)) return ts.isIdentifier(fn.name) ? fn.name : undefined;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name;
  return undefined;
}

/**
 * Whether the module calls the function only from signal handlers or crash listeners (`process.on("SIGTERM", () =>
 * shutdown(app, "SIGTERM"))`, `process.on("SIGINT", this.handleShutdown.bind(this))`), or not at all (it is exported to the entry point): no restart or
 * route of the module awaits it.
 */
function calledOnlyOnSignals(name: ts.Identifier): boolean {
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === name.text && n !== name && !ts.isExportSpecifier(n.parent)) {
      let p: ts.Node | undefined = n.parent;
      while (p && !registersExitListener(p)) p = p.parent;
      if (!p) other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(name.getSourceFile());
  return !other;
}

/**
 * `export async function shutdown(app, signal) { …; try { await db.$disconnect(); } catch (e) {
 * log(e); } …; process.exit(code); }`: a teardown step, a statement of a function named for
 * shutting down whose last statement is `process.exit(…)` and that its module calls only from
 * signal handlers (or not at all: the entry point's handlers import it), its error logged.
 */
export function releaseStepBeforeExit(clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !references(clause.block, errName)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || !isFunctionLike(body.parent)) return false;
  const name = declaredName(body.parent);
  if (!name || !SHUTDOWN_FN_RE.test(name.text) || !calledOnlyOnSignals(name)) return false;
  const last = body.statements[body.statements.length - 1];
  return isProcessExit(last) && onlyLetsGo(tryStmt.tryBlock);
}

/**
 * `producer.disconnect().catch((err) => log(err))`: a rejection handler that logs its error, on a
 * release call with no arguments (`disconnect()`, `close()`, `quit()`, `destroy()`) of a receiver
 * that is a name (`p`, `this.client`), not the answer of another call.
 */
export function releaseRejectionLogged(call: ts.CallExpression, handler: ts.Expression): boolean {
  const c = call.expression;
  if (!ts.isPropertyAccessExpression(c) || c.name.text !== "catch" || !ts.isCallExpression(c.expression)) return false;
  const released = c.expression;
  const rc = released.expression;
  if (!ts.isPropertyAccessExpression(rc) || released.arguments.length !== 0 || !RELEASE_METHOD_RE.test(rc.name.text)) return false;
  if (!ts.isIdentifier(rc.expression) && !ts.isPropertyAccessExpression(rc.expression)) return false;
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  const p = handler.parameters[0]?.name;
  return !!p && ts.isIdentifier(p) && references(handler.body, p.text);
}
