/**
 * A connection's own "lost" listener that opens it again (held round 41, ktyudha/hono-bot-wa):
 *
 *   this.client.on("disconnected", async (reason) => {
 *     this.client = this.createClient(); this.initializeEvents();
 *     try { await this.client.initialize(); } catch (err) { logger.error("reinitialize failed:", err); }
 *   });
 *
 * The listener has nobody to answer, but a failed reopen leaves the client disconnected and every
 * later message lost, as a start-up failure does: the docs' reconnect method fired from its
 * connection's `error`/`end`/`close` callbacks (production nango's PgEventEmitter), written inline.
 * Known by the event (`disconnect`, `disconnected`, `close`, `end`, `error`) and a call in the try
 * that opens the listener's own emitter again (`this.client.initialize()`, `socket.connect()`) or
 * is named for reconnecting (`this.reconnect()`, `resubscribe()`).
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { enclosingFunction } from "./scope";
import { RECONNECT_RE } from "./unawaited-method";

const LOST_EVENT_RE = /^(?:disconnect(?:ed)?|close|closed|end|error)$/;
// What opens a connection again: on the emitter itself, or a call named for reconnecting.
const OPEN_RE = /^(?:initiali[sz]e|init|connect|open|start|login|launch|listen|subscribe)$/;

/** The try sits in a `lost` listener of an emitter and (re)opens it. */
export function reopensLostConnection(tryStmt: ts.TryStatement): boolean {
  const fn = enclosingFunction(tryStmt);
  const call = fn?.parent;
  if (!fn || !call || !ts.isCallExpression(call) || call.arguments[1] !== fn || !ts.isPropertyAccessExpression(call.expression)) return false;
  if (!/^(?:on|once|addListener)$/.test(call.expression.name.text)) return false;
  const ev = call.arguments[0];
  if (!ev || !ts.isStringLiteralLike(ev) || !LOST_EVENT_RE.test(ev.text)) return false;
  const emitter = call.expression.expression.getText();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? "";
      if (RECONNECT_RE.test(name) && !/^connection/i.test(name)) found = true;
      else if (OPEN_RE.test(name) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText() === emitter) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return found;
}
