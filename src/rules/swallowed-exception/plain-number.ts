/**
 * `parseInt(period)`, `Number(value)`, `parseFloat(raw, 10)`: a conversion of names and literals to
 * a number, which answers `NaN` for a value it cannot read and never throws (like `new Date(date)`,
 * an Invalid Date). A try whose only calls are these cannot throw, so its catch has nothing to lose
 * (the docs' "a try that cannot throw"; session 44, production uptime-kuma's `clearOldData`:
 * `try { parsedPeriod = parseInt(period); } catch (_) { log.warn(…); … }`). The arguments must be
 * names or literals: a property read (`req.query.limit`) or a call inside stays judged.
 */
import { ts } from "../../engine/ts";

// The global conversions (also `Number.parseInt`, `Number.parseFloat`) and number tests.
const GLOBAL_RE = /^(?:parseInt|parseFloat|Number|isNaN|isFinite)$/;
const NUMBER_METHOD_RE = /^(?:parseInt|parseFloat|isNaN|isFinite|isInteger|isSafeInteger)$/;

/** `parseInt(x)`, `Number.parseFloat(x)`, `Number.isNaN(n)` with names and literals for arguments. */
export function convertsToNumber(call: ts.CallExpression): boolean {
  const c = call.expression;
  const named = (ts.isIdentifier(c) && GLOBAL_RE.test(c.text))
    || (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === "Number" && NUMBER_METHOD_RE.test(c.name.text));
  return named && call.arguments.length > 0 && call.arguments.every((a) => ts.isIdentifier(a) || ts.isStringLiteralLike(a) || ts.isNumericLiteral(a));
}
