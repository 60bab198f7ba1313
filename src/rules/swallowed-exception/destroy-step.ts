import { ts } from "../../engine/ts";
import { references } from "./analysis";
import { onlyReleases } from "./no-caller";
import { enclosingFunction, functionName } from "./scope";

// A function whose job is to tear something down: `destroyAssistant`, `dispose`, `cleanup`, `tearDown`.
// Also one named for closing a connection (`disconnect`, `disconnectAll`, `forceCloseConnection`,
// `closeSocket`, Puppeteer's `closeBrowser`; not `closeAccount` or `closeTicket`, which may do a user's work; held round 42).
const DESTROY_FN_RE = /^(?:(?:destroy|dispose|teardown|tearDown|cleanup|cleanUp)(?:[A-Z]\w*)?|(?:force)?[dD]isconnect(?:[A-Z]\w*)?|(?:force)?[cC]lose(?:All|Connections?|Sockets?|Streams?|Clients?|Session|Channels?|Pool|Db|Database|Transport|Browser|Pages?|Server|Watchers?|Workers?)?)$/;
// A getter on the way to the released things: `stream.getTracks().forEach((t) => t.stop())`.
const GETTER_RE = /^get[A-Z]\w*$/;
// Calls that delete or release one thing: `files.del(id)`, `client.close()`, `fs.unlink(p)`, `fs.unlinkSync(p)`.
const RELEASE_CALL_RE = /^(?:(?:unlink|rm|rmdir|close)(?:Sync)?|del|delete|remove|disconnect|destroy|dispose|end|quit|terminate|stop|unsubscribe)$/;

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
  if (!fn || !DESTROY_FN_RE.test(functionName(fn) ?? "")) return false;
  return onlyReleases((clause.parent as ts.TryStatement).tryBlock, RELEASE_CALL_RE, GETTER_RE, true);
}
