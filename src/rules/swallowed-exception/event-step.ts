/**
 * A method of a class that only ever runs as the last step of one of the class's event callbacks
 * (production docmost file-task.processor.ts:142):
 *
 *   @OnWorkerEvent("failed")
 *   async onFailed(job: Job) {
 *     this.logger.error(`Error processing ${job.name} job. Reason: ${job.failedReason}`);
 *     if (job.name === QueueJob.IMPORT_TASK) await this.handleFailedImportJob(job);
 *     else if (job.name === QueueJob.PDF_EXPORT_TASK) await this.handleFailedExportJob(job);
 *   }
 *   private async handleFailedExportJob(job: Job) { try { await this.db.updateTable("fileTasks")… } catch (err) { this.logger.error(err); } }
 *
 * Every `this.handleFailedExportJob(…)` of the class is a statement that ends the callback (awaited
 * or not, through the branches of trailing `if`s), so the method's failure has nowhere to go but the
 * callback's, which has nobody to answer: the method is judged as a section of that callback. The
 * callbacks are those a decorator registers with the framework that runs them (decorated-job.ts), read
 * where the class declares them; a method a timer's arrow calls is not one (tune ltvmoon/gamehub24's
 * `setInterval(() => { this.flush(); })`, whose flush empties its buffer before the writes: a lost
 * batch, decided reported). A method also called elsewhere, whose answer is used, or followed by more
 * of the callback, keeps its own caller.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { thisRefs, within } from "./scheduled-singleton";

/** Methods being asked about (a method reached from itself through its callers is no step). */
const open = new Set<ts.Node>();

/** Whether the statement `st` is the last thing its function does, through trailing `if`/`else` branches: that function. */
function functionItEnds(st: ts.Statement): ts.FunctionLikeDeclaration | undefined {
  let cur: ts.Node = st;
  for (;;) {
    const p = cur.parent;
    if (!p) return undefined;
    if (ts.isIfStatement(p)) {
      cur = p;
      continue;
    }
    if (!ts.isBlock(p) || p.statements[p.statements.length - 1] !== cur) return undefined;
    const up = p.parent;
    if (isFunctionLike(up)) return up;
    if (!ts.isIfStatement(up) && !ts.isBlock(up)) return undefined;
    cur = up;
  }
}

/** Whether `fn` is a method of its class whose every call there is a statement ending an event callback `isBoundary` accepts. */
export function onlyEndsEventCallbacks(fn: ts.Node, isBoundary: (f: ts.Node) => boolean): boolean {
  if (!ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name) || !fn.body || !ts.isClassLike(fn.parent) || open.has(fn)) return false;
  const refs = thisRefs(fn.parent, fn.name.text).filter((r) => !within(r, fn));
  if (refs.length === 0) return false;
  open.add(fn);
  try {
    return refs.every((r) => {
      const call = r.parent;
      if (!ts.isCallExpression(call) || call.expression !== r) return false;
      const holder = ts.isAwaitExpression(call.parent) || ts.isVoidExpression(call.parent) ? call.parent : call;
      if (!ts.isExpressionStatement(holder.parent)) return false;
      const owner = functionItEnds(holder.parent);
      return owner !== undefined && owner !== fn && isBoundary(owner);
    });
  } finally {
    open.delete(fn);
  }
}

/**
 * `async function handleReaction(reaction, user) { …; try { await reporter.send(dm); } catch (e) {
 * log(e); } }` exported, and called only in the modules that import it, each call a statement that
 * ends a callback `isBoundary` accepts (`client.on("messageReactionAdd", async (r, u) => { await
 * handleReaction(r, u); })`), also through one wrapper callback that ends one (`… => { await
 * withRescue(async () => { await handleReaction(r, u); }, "handleReaction"); }`): the log-only try that
 * ends the function ends the event callback too, which has nobody to answer (the retired held round
 * 39, Acrellux/vctools `reportHandler.cjs:111`, decided clean: "log-only try ending the reaction event
 * handler"). `calls` are the function's calls in other modules, every one of them seen.
 */
export function endsEventCallbacksElsewhere(calls: readonly ts.CallExpression[], isBoundary: (f: ts.Node) => boolean): boolean {
  return calls.length > 0 && calls.every((call) => {
    const owner = statementEnds(call);
    if (!owner) return false;
    if (isBoundary(owner)) return true;
    // `withRescue(async () => { await handleReaction(r, u); }, "…")`: a wrapper callback whose own call ends one.
    const wrapper = owner.parent;
    return (ts.isArrowFunction(owner) || ts.isFunctionExpression(owner)) && ts.isCallExpression(wrapper) && wrapper.arguments.includes(owner) && (() => {
      const outer = statementEnds(wrapper);
      return outer !== undefined && isBoundary(outer);
    })();
  });
}

/** The function a call ends, when the call (awaited, under `void`, or not) is a statement that is its last step. */
function statementEnds(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const holder = ts.isAwaitExpression(call.parent) || ts.isVoidExpression(call.parent) ? call.parent : call;
  // `(member) => onJoin(member)`: an arrow whose whole body is the call.
  if (ts.isArrowFunction(holder.parent) && holder.parent.body === holder) return holder.parent;
  return ts.isExpressionStatement(holder.parent) ? functionItEnds(holder.parent) : undefined;
}
