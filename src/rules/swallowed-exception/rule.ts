import { ts } from "../../engine/ts";
import { defineRule } from "../../engine/define-rule";
import type { CaseMeta } from "../../engine/types";
import { checkAllSettled, checkCall, checkCatch, checkOnerror } from "./cases";

/**
 * Errors caught and lost. Detection lives in ./cases.ts (one checker per node kind), the
 * classifiers in ./analysis.ts, fix builders in ./fixes.ts.
 */
const CASES = {
  emptyCatch: {
    message: "The `catch` in {{where}} drops the error without handling it",
    fix: "safe",
    description: "An empty catch, or one whose only statements are no-ops",
  },
  logAndContinue: {
    message: "The `catch` in {{where}} only logs the error and carries on as if nothing failed",
    fix: "safe",
    description: "A catch that only logs, then falls through, continues or returns a normal value",
  },
  catchReturnsDefault: {
    message: "The `catch` in {{where}} hides the error behind a default value",
    fix: "suggestion",
    severity: "info",
    description: "A catch-all that returns or assigns a default value",
  },
  rethrowWithoutCause: {
    message: "`{{error}}` thrown in this `catch` drops the original error",
    fix: "safe",
    description: "A new error thrown from a catch without the caught error as its cause",
  },
  partialErrorCheck: {
    message: "The `catch` in {{where}} checks for one specific error and silently drops all others",
    fix: "safe",
    description: "A check for a specific error that does not rethrow the others",
  },
  promiseCatchNoop: {
    message: "This `.catch()` handler drops the rejection",
    fix: "safe",
    description: "A promise `.catch` handler that is empty, a no-op or returns a constant",
  },
  promiseCatchLogOnly: {
    message: "This `.catch()` handler only logs the rejection and resolves as if nothing failed",
    fix: "safe",
    description: "A promise `.catch` handler that only logs",
  },
  thenRejectionNoop: {
    message: "The rejection handler of this `.then()` drops the error",
    fix: "safe",
    description: "A `.then(onFulfilled, onRejected)` whose rejection handler drops or only logs the error",
  },
  ignoredCallbackError: {
    message: "The callback ignores its error parameter `{{name}}`",
    fix: "safe",
    description: "An error-first callback that never reads its error, or checks it and drops it",
  },
  noopCallback: {
    message: "A no-op callback passed to `{{callee}}` drops its error",
    fix: "safe",
    description: "A no-op passed as the callback of an error-first API",
  },
  emptyErrorHandler: {
    message: "This `{{event}}` handler drops the error",
    fix: "safe",
    description: "An empty or no-op `error`/`uncaughtException`/`unhandledRejection` handler, or one that resolves as if it succeeded",
  },
  allSettledUnchecked: {
    message: "The results of `Promise.allSettled()` are never inspected, so its rejections are lost",
    fix: "suggestion",
    description: "An awaited `Promise.allSettled()` whose results are never read",
  },
} satisfies Record<string, CaseMeta>;

export type CaseId = keyof typeof CASES;

export default defineRule<Record<string, never>, CaseId>({
  id: "swallowed-exception",
  docs: { description: "Errors must not be caught and lost" },
  severity: "warning",
  cases: CASES,
  create(ctx) {
    return {
      [ts.SyntaxKind.CatchClause]: (node: ts.CatchClause) => checkCatch(ctx, node),
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => checkCall(ctx, node),
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => checkOnerror(ctx, node),
      [ts.SyntaxKind.AwaitExpression]: (node: ts.AwaitExpression) => checkAllSettled(ctx, node),
    };
  },
});

