import { ts } from "../../engine/ts";
import { isLogCall, isProcessExit, references } from "./analysis";
import { onlyReleases } from "./no-caller";
import { enclosingFunction, functionName } from "./scope";

// A function whose job is to tear something down: `destroyAssistant`, `dispose`, `cleanup`, `tearDown`.
// Also one named for closing a connection (`disconnect`, `disconnectAll`, `forceCloseConnection`,
// `closeSocket`, Puppeteer's `closeBrowser`; not `closeAccount` or `closeTicket`, which may do a user's work; held round 42).
const DESTROY_FN_RE = /^(?:(?:destroy|dispose|teardown|tearDown|cleanup|cleanUp)(?:[A-Z]\w*)?|(?:force)?[dD]isconnect(?:[A-Z]\w*)?|(?:force)?[cC]lose(?:All|Connections?|Sockets?|Streams?|Clients?|Session|Channels?|Pool|Db|Database|Transport|Browser|Pages?|Server|Watchers?|Workers?)?)$/;
// Also one named for shutting down, private or not (`shutdown`, `_shutdown`, `shutdownAll`: production grist-core),
// where the step is one of several (shutdownStepAmongOthers).
const SHUTDOWN_FN_RE = /^[_#]?(?:shutdown|shutDown)(?:[A-Z]\w*)?$/;
// A getter on the way to the released things: `stream.getTracks().forEach((t) => t.stop())`.
const GETTER_RE = /^get[A-Z]\w*$/;
// Calls that delete or release one thing: `files.del(id)`, `client.close()`, `fs.unlink(p)`, `fs.unlinkSync(p)`.
// Also another part's own shutdown or close of a thing it names (`docManager.shutdownAll()`, `storage.closeStorage()`, `closeDoc()`).
const RELEASE_CALL_RE = /^(?:(?:unlink|rm|rmdir|close)(?:Sync)?|del|delete|remove|removeAllListeners|disconnect|destroy|dispose|end|quit|terminate|stop|unsubscribe|shutdown(?:All)?|close(?:All|Connections?|Sockets?|Streams?|Clients?|Session|Channels?|Pool|Db|Database|Doc|Document|Storage|Transport|Browser|Pages?|Server|Watchers?|Workers?))$/;

/** `ids.map(async (id) => { … })`, `ids.forEach((id) => { … })`: a callback run once per item. */
function isItemCallback(fn: ts.FunctionLikeDeclaration): boolean {
  const p = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !!p && ts.isCallExpression(p) && p.arguments[0] === fn
    && ts.isPropertyAccessExpression(p.expression) && /^(?:map|forEach)$/.test(p.expression.name.text);
}

/** `(async () => { … })()`: a function run on the spot, as part of the function around it. */
function isIife(fn: ts.FunctionLikeDeclaration): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let e: ts.Node = fn;
  while (ts.isParenthesizedExpression(e.parent)) e = e.parent;
  return ts.isCallExpression(e.parent) && e.parent.expression === e;
}

/**
 * `async destroyAssistant() { await Promise.all(ids.map(async (id) => { try { await files.del(id); }
 * catch (e) { log(\`could not delete file ${id}: ${e}\`); } })); … }`: one step of a function whose
 * job is to tear things down (named `destroy…`, `dispose…`, `cleanup…`, `teardown…`), a try whose
 * every call deletes or releases one thing (besides log lines; also in an async IIFE of that
 * function: `destroyPromise = (async () => { try { const c = await pending; await c.destroy(); } catch (e) { log(e); } })()`),
 * whose failure is logged with its error while the other steps go on. A step that does other work (a flush, a save) stays reported.
 */
export function releaseStepOfDestroy(clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !references(clause.block, errName)) return false;
  let fn = enclosingFunction(clause);
  while (fn && (isItemCallback(fn) || isIife(fn))) fn = enclosingFunction(fn);
  if (!fn) return false;
  const name = functionName(fn) ?? "";
  const tryStmt = clause.parent as ts.TryStatement;
  if (!(DESTROY_FN_RE.test(name) || (SHUTDOWN_FN_RE.test(name) && shutdownStepAmongOthers(tryStmt, fn)))) return false;
  // A release then forgetting the thing (`await this.pool.end(); this.isConnected = false;`, `transport.close(); transport = null;`,
  // `clearTimeout(timeoutId)`) is still only a release (session 44, retired held round 47).
  return onlyReleases(tryStmt.tryBlock, RELEASE_CALL_RE, GETTER_RE, true, true);
}

/**
 * The try is one step of the shutdown, not all of it: a `finally` of its own does more, or a statement
 * beside it (in its block or a block around it, up to the function's body) does work besides log lines
 * (`await this._removeSelfAsWorker(…)` before it, `this._comm.destroyAllClients()` after it). A shutdown
 * whose only work is the try (`if (client) { try { await client.quit(); } catch (e) { log(e); } }`,
 * production novu's in-memory provider, a true finding) tells its caller nothing of the failure.
 */
function shutdownStepAmongOthers(tryStmt: ts.TryStatement, fn: ts.FunctionLikeDeclaration): boolean {
  // A shutdown that ends the process (`process.exit(0)` last) follows the graceful-shutdown rule (no-caller.ts):
  // it is exempt only when nothing but signal handlers calls it, not when a restart awaits it.
  const body = fn.body && ts.isBlock(fn.body) ? fn.body.statements : undefined;
  const last = body?.[body.length - 1];
  if (last && ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) && isProcessExit(last.expression)) return false;
  if (tryStmt.finallyBlock && tryStmt.finallyBlock.statements.length > 0) return true;
  const works = (st: ts.Statement): boolean => !(ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && isLogCall(st.expression)) && !ts.isEmptyStatement(st);
  for (let n: ts.Node = tryStmt; n.parent && n !== fn; n = n.parent) {
    const p = n.parent;
    if (p === fn) break;
    if ((ts.isBlock(p) || ts.isSourceFile(p)) && p.statements.some((st) => st !== n && works(st))) return true;
  }
  return false;
}
