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
import { calleeName } from "../../engine/ast";

// Error-tracker calls that only record: `Sentry.captureException(e)`, `captureMessage`, breadcrumbs.
export const TRACKER_CALL_RE = /^(?:captureException|captureMessage|captureEvent|addBreadcrumb)$/;

/** `sentryCaptureException` of `import { captureException as sentryCaptureException } from "…"`: the imported name. */
function importedAs(id: ts.Identifier): string | undefined {
  for (const st of id.getSourceFile().statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings || !ts.isNamedImports(st.importClause.namedBindings)) continue;
    for (const el of st.importClause.namedBindings.elements) if (el.name.text === id.text) return (el.propertyName ?? el.name).text;
  }
  return undefined;
}

/** A call that records with an error tracker: by its name, or the name it was imported under. */
function isTrackerCall(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e)) return false;
  if (TRACKER_CALL_RE.test(calleeName(e) ?? "")) return true;
  return ts.isIdentifier(e.expression) && TRACKER_CALL_RE.test(importedAs(e.expression) ?? "");
}

/** `captureException(e)`, `sentryCaptureException(e)` (an import alias), `eventId = captureException(e)` into a plain name. */
export function recordsWithTracker(e: ts.Expression): boolean {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left)) return isTrackerCall(e.right);
  return isTrackerCall(e);
}
