/**
 * An error tracker's record in a try whose job was a log (issue 11, production teable's `_error.tsx`
 * from a Next.js template):
 *
 *   import { captureException as sentryCaptureException } from "@sentry/nextjs";
 *   try { browserSentryErrorId = sentryCaptureException(err); }
 *   catch (e) { console.error(`Couldn't send error to sentry, reason ${…}`); }
 *
 * The capture is known by its name or by the name it was imported under, and keeping the event id
 * it answers in a variable is still only the record.
 */
import { ts } from "../../engine/ts";
import { calleeName, importBindings } from "../../engine/ast";

// Error-tracker calls that only record: `Sentry.captureException(e)`, `captureMessage`, breadcrumbs.
const TRACKER_CALL_RE = /^(?:captureException|captureMessage|captureEvent|addBreadcrumb)$/;

/** A call that records with an error tracker: by its name, or the name it was imported under. */
function isTrackerCall(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e)) return false;
  if (TRACKER_CALL_RE.test(calleeName(e) ?? "")) return true;
  // `import { captureException as sentryCaptureException } from "@sentry/nextjs"`: the name it is exported by.
  const imp = ts.isIdentifier(e.expression) ? importBindings(e.getSourceFile()).get(e.expression.text) : undefined;
  return imp?.kind === "named" && TRACKER_CALL_RE.test(imp.exported);
}

/** `captureException(e)`, `sentryCaptureException(e)` (an import alias), `eventId = captureException(e)` into a plain name. */
export function recordsWithTracker(e: ts.Expression): boolean {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left)) return isTrackerCall(e.right);
  return isTrackerCall(e);
}
