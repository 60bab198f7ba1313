import { ts } from "../../engine/ts";
import { defineRule } from "../../engine/define-rule";
import type { CaseMeta } from "../../engine/types";
import { checkAllSettled, checkCall, checkCatch, checkOnerror } from "./cases";
import { checkResultError } from "./result-error";
import { withConfidence } from "./confidence";
import { withoutTestCleanup } from "./test-cleanup";

/**
 * Errors caught and lost. Detection lives in ./cases.ts (one checker per node kind), the
 * classifiers in ./analysis.ts, fix builders in ./fixes.ts.
 */
const CASES = {
  emptyCatch: {
    message: "The catch{{where}} drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it.",
    fix: "safe",
    description: "An empty catch, or one whose only statements are no-ops",
  },
  logAndContinue: {
    message: "The catch{{where}} only logs the error and carries on: the caller thinks it worked. Rethrow it, or return an error the caller checks.",
    fix: "safe",
    description: "A catch that only logs, then falls through, continues or returns a normal value",
  },
  catchReturnsDefault: {
    message: "The catch{{where}} returns a default value instead of the error: the caller cannot tell a failure from a real result. Rethrow the error, or return a result that says it failed.",
    fix: "suggestion",
    severity: "info",
    description: "A catch-all that returns or assigns a default value",
  },
  rethrowWithoutCause: {
    message: "The {{error}} thrown in this catch replaces the original error: the logs show the new message but not what actually failed. Pass the caught error on as its cause.",
    fix: "safe",
    description: "A new error thrown from a catch without the caught error as its cause",
  },
  partialErrorCheck: {
    message: "The catch{{where}} handles one specific error and silently drops all the others: unexpected failures go unnoticed. Rethrow or log the errors it does not handle.",
    fix: "safe",
    description: "A check for a specific error that does not rethrow the others",
  },
  promiseCatchNoop: {
    message: "This .catch() handler drops the rejection: when the call fails, nobody finds out and the code carries on as if it worked. Log the error or rethrow it.",
    fix: "safe",
    description: "A promise `.catch` handler that is empty, a no-op or returns a constant",
  },
  promiseCatchLogOnly: {
    message: "This .catch() handler only logs the rejection and resolves: the caller thinks it worked. Rethrow the error, or return a value the caller checks.",
    fix: "safe",
    description: "A promise `.catch` handler that only logs",
  },
  thenRejectionNoop: {
    message: "The rejection handler of this .then() drops the error: when the call fails, nobody finds out. Log the error or rethrow it.",
    fix: "safe",
    description: "A `.then(onFulfilled, onRejected)` whose rejection handler drops or only logs the error",
  },
  ignoredCallbackError: {
    message: "The callback drops its error parameter {{name}}: when the operation fails, the code carries on as if it worked. Check {{name}} and pass it on or log it.",
    fix: "safe",
    description: "An error-first callback that never reads its error, or checks it and drops it",
  },
  noopCallback: {
    message: "The empty callback passed to {{callee}} drops its error: when {{callee}} fails, nobody finds out. Log the error in the callback.",
    fix: "safe",
    description: "A no-op passed as the callback of an error-first API",
  },
  emptyErrorHandler: {
    message: "This {{event}} handler drops the error: failures go unnoticed and the program carries on in a broken state. Log the error in the handler.",
    fix: "safe",
    description: "An empty or no-op `error`/`uncaughtException`/`unhandledRejection` handler, or one that resolves as if it succeeded",
  },
  allSettledUnchecked: {
    message: "The results of Promise.allSettled() are never read, so every rejection is lost: failures go unnoticed. Check each result's status and handle the rejected ones.",
    fix: "safe",
    description: "An awaited `Promise.allSettled()` whose results are never read",
  },
  resultErrorIgnored: {
    message: "The error of this {{sdk}} {{what}} is never read: {{lib}} returns errors instead of throwing them, so when it fails the code carries on as if it worked. Check error and log it or throw it.",
    fix: "safe",
    description: "A supabase-js write, RPC or Edge Function call, or a Resend e-mail send that is said to have gone, whose returned `error` is dropped or never read",
  },
  resultErrorLogOnly: {
    message: "The error of this {{sdk}} {{what}} is only logged, and the code carries on as if it worked: the caller and the user are told it succeeded. Throw the error or return a result that says it failed.",
    fix: "safe",
    description: "A supabase-js write, RPC or Edge Function call whose returned `error` is only logged before the code carries on",
  },
} satisfies Record<string, CaseMeta>;

export type CaseId = keyof typeof CASES;

export default defineRule<Record<string, never>, CaseId>({
  id: "swallowed-exception",
  docs: { description: "Errors must not be caught and lost" },
  severity: "warning",
  cases: CASES,
  create(rawCtx) {
    const ctx = withConfidence(withoutTestCleanup(rawCtx));
    return {
      [ts.SyntaxKind.CatchClause]: (node: ts.CatchClause) => checkCatch(ctx, node),
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => checkCall(ctx, node),
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => checkOnerror(ctx, node),
      [ts.SyntaxKind.AwaitExpression]: (node: ts.AwaitExpression) => {
        checkAllSettled(ctx, node);
        checkResultError(ctx, node);
      },
    };
  },
});

