import { ts } from "../../engine/ts";
import { signalsFailure } from "./analysis";
import { handlerAnswersNone } from "./per-row";

/**
 * `if (!(await fs.stat(builtConfigPath).catch(() => null))) { throw new Error('You need to run
 * "keystone build"'); }` (production keystone, session 45): the "none" a rejection handler answers is
 * tested in place by the `if` (negated, alone or as one side of `||`) whose branch fails explicitly
 * (a `throw`, a 4xx/5xx answer): the fallback value is turned into an explicit failure right away,
 * as `fallbackFeedsFailure` reads it for a local (`const stat = await fs.stat(p).catch(() => null);
 * if (!stat) throw …`). A test whose branch carries on (`if (!(await probe().catch(() => null)))
 * return;`) stays reported.
 */
export function fallbackTestedInline(call: ts.CallExpression, handler: ts.Expression): boolean {
  if (!handlerAnswersNone(handler)) return false;
  let value: ts.Node = call;
  while (ts.isAwaitExpression(value.parent) || ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isSatisfiesExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const not = value.parent;
  if (!ts.isPrefixUnaryExpression(not) || not.operator !== ts.SyntaxKind.ExclamationToken) return false;
  let test: ts.Node = not;
  while (ts.isParenthesizedExpression(test.parent) || (ts.isBinaryExpression(test.parent) && test.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) test = test.parent;
  const st = test.parent;
  return ts.isIfStatement(st) && st.expression === test && signalsFailure(st.thenStatement);
}
