import { ts } from "../../engine/ts";
import { unwrap } from "./ast";

/**
 * The size of a value tested present in the same expression (`data ? data.length : 0`,
 * `data && data.length`, `data?.length ?? 0`): it cannot crash and only a count (or `undefined`)
 * goes on; nothing of the value itself does. Other reads of the value are judged on their own.
 */
export function sizeOfPresent(p: ts.PropertyAccessExpression): boolean {
  if (p.name.text !== "length") return false;
  if (p.questionDotToken) return true;
  let use: ts.Node = p;
  while (use.parent && ts.isParenthesizedExpression(use.parent)) use = use.parent;
  let q = use.parent;
  if (!q) return false;
  // `extClass && extClass.length > 0`: the count only compared with a number, in the same test (production OpenSign).
  if (sizeCompared(q, use)) {
    use = q;
    while (use.parent && ts.isParenthesizedExpression(use.parent)) use = use.parent;
    q = use.parent;
    if (!q) return false;
  }
  const same = (e: ts.Expression): boolean => unwrap(e).getText() === unwrap(p.expression).getText();
  if (ts.isConditionalExpression(q) && q.whenTrue === use) return same(q.condition);
  return ts.isBinaryExpression(q) && q.right === use && q.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && same(q.left);
}

/** The comparisons a size is tested by (`<`, `>`, `<=`, `>=`, `===`, `!==`); flow.ts's lengthTested too. */
export const SIZE_COMPARISONS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
]);

/** `size > 0`, `0 < size`, `size === 1`: the size compared with a number literal, a boolean. */
function sizeCompared(q: ts.Node, size: ts.Node): boolean {
  if (!ts.isBinaryExpression(q) || !SIZE_COMPARISONS.has(q.operatorToken.kind)) return false;
  const other = q.left === size ? q.right : q.right === size ? q.left : undefined;
  return !!other && ts.isNumericLiteral(unwrap(other));
}
