import { ts } from "../../engine/ts";
import { unwrap } from "./ast";

// Two shapes of an ok-tested reply's use that decide nothing of it (session 30, production capgo's
// Bento helper): a count compared with a number, and a helper whose other answer is its own `null`.

const RELATIONAL = new Set([ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken]);

/**
 * `res.failed > 0`, `0 < data.count`: a field compared with a number literal gives a boolean whatever
 * the field holds (`undefined > 0` is `false`), like a comparison with a literal under `===`.
 */
export function numberComparison(b: ts.BinaryExpression, cur: ts.Node): boolean {
  if (!RELATIONAL.has(b.operatorToken.kind)) return false;
  const other = unwrap(b.left === cur ? b.right : b.left);
  return ts.isNumericLiteral(other) || (ts.isPrefixUnaryExpression(other) && other.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(other.operand));
}

/** `return null`, `return undefined`, `return`: a helper's own answer before or instead of any request, no reply. */
export function ownNullReturn(r: ts.ReturnStatement): boolean {
  const e = r.expression && unwrap(r.expression);
  return !e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}
