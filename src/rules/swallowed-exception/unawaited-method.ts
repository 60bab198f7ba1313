/**
 * A method its class only starts without waiting (production overseerr's Radarr client):
 *
 *   public async addMovie(options) { …; if (options.searchNow) { this.searchMovie(response.data.id); } return response.data; }
 *   public async searchMovie(movieId: number): Promise<void> {
 *     logger.info("Executing movie search command", { movieId });
 *     try { await this.runCommand("MoviesSearch", { movieIds: [movieId] }); } catch (e) { logger.error("…", { errorMessage: e.message, movieId }); }
 *   }
 *
 * The follow-up is fired and forgotten: a rethrow would reach no caller, only the process's
 * unhandled-rejection handler, so the log is the handling, as for a local function an event callback
 * starts (no-caller.ts). Known when the log-only try ends the method, the method answers no value,
 * every `this.searchMovie` of the class is a call statement that does not wait, and no call of it in
 * the module or the scripts of its folder and their ancestors (scheduled-singleton.ts's bounded look)
 * is awaited, returned, assigned or chained: such a caller depends on it and would not be told.
 * A method its class never calls counts when the job modules a nearby scheduler imports (those
 * that import the file) start it the same way: production overseerr's `refreshToken` job, imported
 * by `server/job/schedule.ts`, fires `new PlexTvAPI(token).pingToken();` for each user and the next
 * run pings again.
 * A notice to a person (`sendIssueCommentNotification`, `…Email`) stays under the notification rule
 * (held round 26: a log-only catch around a notification after the main work is reported), and a
 * method the constructor starts is the object's start-up (held rounds 23 and 24: start-up failures
 * only logged are reported). So is a method that (re)opens the object's own connection, fired from
 * its connection's `error`/`end` callbacks (production nango's PgEventEmitter: `private async
 * reconnect() { try { await retryWithBackoff(() => this.connect(), …); } catch (err) { logger.error(…); } }`):
 * when it gives up the object stays disconnected and every later event is lost, a start-up again.
 */
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { accessesNamed, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { jobModulesUsing, nearbyScripts, thisRefs, within } from "./scheduled-singleton";
import { returnsAValue } from "./analysis";
import { isAsync } from "./handled-inside";
import { NOTICE_RE } from "./confidence";

/** The log-only `tryStmt` ends a method that its class only fires and forgets, and no caller nearby waits on it. */
export function endsFiredAndForgottenMethod(ctx: RuleContext, tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements[body.statements.length - 1] !== tryStmt) return false;
  const method = body.parent;
  // Async: a synchronous method's throw would reach the statement that called it.
  if (!ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || !ts.isClassLike(method.parent) || !isAsync(method) || answersValue(method)) return false;
  const name = method.name.text;
  if (NOTICE_RE.test(name) || RECONNECT_RE.test(name)) return false;
  let started = 0;
  for (const n of thisRefs(method.parent, name)) {
    if (within(n, method) || !firedAndForgotten(n) || inConstructor(n)) return false;
    started++;
  }
  // No call in its class: the job modules a nearby scheduler imports may start it (`plexTvApi.pingToken();`).
  if (started === 0) started = startsInJobModules(ctx, name);
  if (started <= 0) return false;
  // Calls through an instance, in the module and nearby: `await radarr.searchMovie(id)` gives it a caller.
  if (waitedOn(ctx.sourceFile, name, method.parent)) return false;
  const files = projectFilesOf(ctx);
  const self = ctx.path.replace(/\\/g, "/");
  for (const abs of nearbyScripts(files, self, ctx.profile.root, [], (text) => text.includes(`.${name}(`))) {
    const sf = files.get(abs);
    if (!sf || waitedOn(sf, name)) return false;
  }
  return true;
}

/** The object's own connection (re)opened: `reconnect`, `connect`, `resubscribe`, `restartListener`. */
export const RECONNECT_RE = /^(?:re)?connect|^re(?:subscribe|listen|start|open|init)/i;

/**
 * How many `x.name(…)` statements the job modules near the file hold (scheduled-singleton.ts's
 * jobModulesUsing), or -1 when one of their calls waits on it.
 */
function startsInJobModules(ctx: RuleContext, name: string): number {
  let n = 0;
  for (const sf of jobModulesUsing(ctx, (text) => text.includes(`.${name}(`))) {
    if (waitedOn(sf, name)) return -1;
    for (const node of accessesNamed(sf, name)) if (node.expression.kind !== ts.SyntaxKind.ThisKeyword && firedAndForgotten(node)) n++;
  }
  return n;
}

function inConstructor(n: ts.Node): boolean {
  let p = n.parent;
  while (p && !isFunctionLike(p)) p = p.parent;
  return !!p && ts.isConstructorDeclaration(p);
}

/** `this.searchMovie(id);` or `void this.searchMovie(id);` as a statement: nobody waits on it. */
function firedAndForgotten(ref: ts.PropertyAccessExpression): boolean {
  const call = ref.parent;
  if (!ts.isCallExpression(call) || call.expression !== ref) return false;
  const holder = ts.isVoidExpression(call.parent) ? call.parent : call;
  return ts.isExpressionStatement(holder.parent);
}

/** A `x.name(…)` call in `sf` (outside `skip`) that is awaited, returned, assigned or chained. */
function waitedOn(sf: ts.SourceFile, name: string, skip?: ts.Node): boolean {
  return accessesNamed(sf, name).some(
    (n) => (!skip || !within(n, skip)) && ts.isCallExpression(n.parent) && n.parent.expression === n && n.expression.kind !== ts.SyntaxKind.ThisKeyword && !firedAndForgotten(n),
  );
}

/** A `return value;` in the method (outside nested functions), or a declared answer other than `void`/`Promise<void>`. */
function answersValue(method: ts.MethodDeclaration): boolean {
  const t = method.type?.getText().replace(/\s+/g, "");
  if (t !== undefined && t !== "void" && t !== "Promise<void>") return true;
  return !!method.body && returnsAValue(method.body);
}
