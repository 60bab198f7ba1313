import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import { importedFunction, type ProjectFiles } from "../unvalidated-boundary/elsewhere";

// A setting that turns telemetry off: `CAPGO_DISABLE_TELEMETRY`, `DO_NOT_TRACK`, `ANALYTICS_ENABLED`, `POSTHOG_DISABLED`.
const TELEMETRY_SETTING_RE = /TELEMETRY|ANALYTICS|POSTHOG|DO_NOT_TRACK/i;

/**
 * `sendEvent(key, { event: "Bundle Deleted", … }).catch(() => {})`, where `sendEvent` (a function of
 * the file, or of the project module a relative import names) opens by returning, answering
 * nothing, when a telemetry setting turns it off (`if (isTruthy(env.CAPGO_DISABLE_TELEMETRY))
 * return;`: production capgo's CLI, every command): the project itself treats the call as
 * telemetry it may do without, which is best effort (held round 30's lead decision; held round
 * 32's popularity-tracking row, clean). A helper known only by its name (`track(…)`,
 * `analytics.page(…)`) stays reported, as the labelled sets say: nothing shows it is optional.
 */
export function pingsTelemetry(call: ts.CallExpression, project?: { files: ProjectFiles; path: string }): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv || !ts.isCallExpression(recv) || !ts.isIdentifier(recv.expression)) return false;
  const fn = topLevelFunction(recv.expression.text, recv.getSourceFile()) ?? (project ? importedFunction(recv, recv.getSourceFile(), project.path, project.files)?.fn : undefined);
  return fn !== undefined && offWithTelemetry(fn);
}

/** `if (isTruthy(env.CAPGO_DISABLE_TELEMETRY)) return;` among the function's first three statements. */
function offWithTelemetry(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return false;
  for (const st of body.statements.slice(0, 3)) {
    if (!ts.isIfStatement(st)) continue;
    const then = ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement;
    if (ts.isReturnStatement(then) && !then.expression && TELEMETRY_SETTING_RE.test(st.expression.getText())) return true;
  }
  return false;
}
