import { ts } from "../../engine/ts";
import type { RuleContext, RuleReport } from "../../engine/types";
import { calleeName } from "../../engine/ast";
import { classifyValue, references } from "./analysis";
import { answersLikeItsOwnBranch } from "./own-branch";
import { repliesAFailureNotice } from "./failure-notice";
import { routeFallsOffToFrameworkError } from "./route-fall-off";
import { droppedCleanupBeforeRethrow, emptyCleanupBeforeRethrow } from "./rethrown-cleanup";
import { catchIsLaterStep, handlerIsLaterStep, logsBelowErrorLevel } from "./later-step";
import { answersAnyFailureAsAuth } from "./auth-answer";
import { emptyTryOnlyComputes } from "./sync-empty";
import { answersNoneIntoLocal } from "./kept-none-handler";

/**
 * Confidence (docs/rules/swallowed-exception.md, "Confidence"): the shapes of a finding that
 * reviewers often call a matter of judgement are reported with `lowConfidence` and a reason id,
 * so the engine shows them one severity step lower. Detection is unchanged: this only reads the
 * reported site.
 */
export type LowConfidenceReason = "syncTry" | "bodyReadFallback" | "sameAsErrorBranch" | "notification" | "failureNotice" | "frameworkAnswers" | "cleanupBeforeRethrow" | "laterStep" | "belowErrorLevel" | "authAnswer" | "defaultKept";

/**
 * The deepest node whose span holds `pos`: a report's start (a catch header starts at `catch`). A list
 * of children (a file's statements, a switch's clauses) is searched by halves, its nodes being in
 * source order: a scan of each would make a file of n catches cost n² (robustness/scaling.test.ts).
 */
function nodeAt(sf: ts.SourceFile, pos: number): ts.Node {
  const holds = (c: ts.Node): ts.Node | undefined => (c.getStart(sf) <= pos && pos < c.getEnd() ? c : undefined);
  const inList = (list: ts.NodeArray<ts.Node>): ts.Node | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.getEnd() <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? holds(list[lo]!) : undefined;
  };
  let n: ts.Node = sf;
  for (;;) {
    const next: ts.Node | undefined = ts.forEachChild(n, holds, inList);
    if (!next) return n;
    n = next;
  }
}

function catchClauseOf(sf: ts.SourceFile, r: RuleReport): ts.CatchClause | undefined {
  const start = r.node ? r.node.getStart(sf) : r.range?.start;
  if (start === undefined) return undefined;
  for (let n: ts.Node | undefined = r.node ?? nodeAt(sf, start); n; n = n.parent) {
    if (ts.isCatchClause(n)) return n;
    if (ts.isBlock(n) && n.parent && ts.isCatchClause(n.parent)) return n.parent;
    if (n !== r.node) return undefined;
  }
  return undefined;
}

/**
 * The try waits for nothing and does no synchronous I/O (`readFileSync`, `execSync`): what it can
 * catch is bad data or a bug in the work it does, not an outage. Looser than pure-try.ts'
 * `protectedRegionDoesIO`, which must be sure before a finding is dropped: here a call the rule
 * cannot see through still counts as computation, since the finding stays (one level lower).
 */
function onlyComputes(tryBlock: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) found = true;
    else if (ts.isCallExpression(n) && /Sync$/.test(calleeName(n) ?? "")) found = true;
    else n.forEachChild(visit);
  };
  visit(tryBlock);
  return !found;
}

const BODY_READS = new Set(["json", "text", "formData"]);

/** `await req.json().catch(() => ({}))`: a body read whose failure becomes an empty value. */
function bodyReadFallback(handler: ts.Node): boolean {
  const call = handler.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "catch") return false;
  const read = call.expression.expression;
  if (!ts.isCallExpression(read) || !ts.isPropertyAccessExpression(read.expression) || !BODY_READS.has(read.expression.name.text) || read.arguments.length > 0) return false;
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  const body = handler.body;
  if (!ts.isBlock(body)) return classifyValue(body) === "default";
  const ret = body.statements.find(ts.isReturnStatement);
  return ret !== undefined && classifyValue(ret.expression) === "default";
}

// A notice to a person: an e-mail, a notification, an SMS (not a webhook to another system, whose
// loss is a lost event: `triggerWebhooks(…).catch(log)` stays at full confidence).
export const NOTICE_RE = /e-?mail|mail(?:er)?(?:$|[A-Z])|notif|sms(?:$|[A-Z])/i;

/**
 * `sendAccountDeletionEmail(email).catch((err) => log("…", err));` as a statement of its own (or
 * under `void`): a notification fired and forgotten whose handler logs the error.
 */
export function notifiesInBackground(handler: ts.Node): boolean {
  const call = handler.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  let stmt: ts.Node = call.parent;
  while (ts.isVoidExpression(stmt) || ts.isParenthesizedExpression(stmt)) stmt = stmt.parent;
  if (!ts.isExpressionStatement(stmt)) return false;
  const sent = call.expression.expression;
  if (!ts.isCallExpression(sent) || !NOTICE_RE.test(calleeName(sent) ?? "")) return false;
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return true;
  const p = handler.parameters[0]?.name;
  return p !== undefined && ts.isIdentifier(p) && references(handler.body, p.text);
}

export function lowConfidenceOf(sf: ts.SourceFile, r: RuleReport): LowConfidenceReason | undefined {
  switch (r.case) {
    // rethrowWithoutCause only for a 401/403 answered for any failure (auth-answer.ts): a new error
    // that drops the cause loses the cause whatever the try does, and its sync-try sites were
    // mostly true, also on unseen code (docs, "Confidence").
    case "rethrowWithoutCause": {
      const clause = catchClauseOf(sf, r);
      return clause && answersAnyFailureAsAuth(clause) ? "authAnswer" : undefined;
    }
    case "logAndContinue": {
      const clause = catchClauseOf(sf, r);
      if (clause && onlyComputes(clause.parent.tryBlock)) return "syncTry";
      if (clause && routeFallsOffToFrameworkError(sf.fileName, clause)) return "frameworkAnswers";
      if (!clause) return undefined;
      if (answersLikeItsOwnBranch(clause)) return "sameAsErrorBranch";
      if (catchIsLaterStep(clause)) return "laterStep";
      return logsBelowErrorLevel(clause) ? "belowErrorLevel" : undefined;
    }
    case "catchReturnsDefault": {
      const clause = catchClauseOf(sf, r);
      return clause && answersLikeItsOwnBranch(clause) ? "sameAsErrorBranch" : undefined;
    }
    // `catch (err) { try { fs.unlinkSync(tmp); } catch {} throw err; }` (rethrown-cleanup.ts).
    case "emptyCatch": {
      const clause = catchClauseOf(sf, r);
      if (!clause) return undefined;
      if (emptyCleanupBeforeRethrow(clause.parent)) return "cleanupBeforeRethrow";
      // `try { schema = zodToJsonSchema(schema); } catch {}`: the try waits for nothing and reaches nothing outside (sync-empty.ts).
      return emptyTryOnlyComputes(clause.parent.tryBlock) ? "syncTry" : undefined;
    }
    case "promiseCatchNoop":
      if (r.node && bodyReadFallback(r.node)) return "bodyReadFallback";
      // `catch (err) { await sandbox.stop().catch(() => undefined); throw err; }` (rethrown-cleanup.ts).
      if (r.node?.parent && ts.isCallExpression(r.node.parent) && droppedCleanupBeforeRethrow(r.node.parent)) return "cleanupBeforeRethrow";
      if (r.node && r.node.parent && ts.isCallExpression(r.node.parent) && repliesAFailureNotice(r.node.parent)) return "failureNotice";
      // `const entries = await fs.readdir(dir).catch(() => null);`: catchReturnsDefault as a chain (kept-none-handler.ts).
      if (r.node && answersNoneIntoLocal(r.node)) return "defaultKept";
      return r.node && handlerIsLaterStep(r.node) ? "laterStep" : undefined;
    case "promiseCatchLogOnly":
      if (r.node && bodyReadFallback(r.node)) return "bodyReadFallback";
      if (r.node && notifiesInBackground(r.node)) return "notification";
      return r.node && handlerIsLaterStep(r.node) ? "laterStep" : undefined;
    default:
      return undefined;
  }
}

/** The rule's context with each report's confidence attached (see {@link lowConfidenceOf}). */
export function withConfidence<C extends RuleContext<any>>(ctx: C): C {
  const report = (r: RuleReport): void => {
    const reason = lowConfidenceOf(ctx.sourceFile, r);
    ctx.report(reason ? { ...r, lowConfidence: reason } : r);
  };
  // A plain copy, not `Object.create(ctx)` (see withoutTestCleanup).
  return { ...ctx, report };
}
