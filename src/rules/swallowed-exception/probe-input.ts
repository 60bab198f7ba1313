import { ts } from "../../engine/ts";

/**
 * `if (!ctx.data.referrer) return "$direct"; try { return new URL(ctx.data.referrer).hostname; }
 * catch { return "$direct"; }` (production typebot trackPageView.ts:71, in an IIFE with no
 * parameters): the value a URL or JSON probe parses, which a guard before the try may test for
 * absence as well as a parameter. The texts of the first argument of each `new URL(…)`,
 * `URL.parse(…)`, `decodeURIComponent(…)` and `JSON.parse(…)` in the try (outside nested functions),
 * when it is a name or a chain of property reads.
 */
export function probedInputs(tryBlock: ts.Block): Set<string> {
  const found = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.arguments && n.arguments.length > 0 && isProbe(n.expression)) {
      const a = n.arguments[0]!;
      if (isReadChain(a)) found.add(a.getText().replace(/\s+/g, ""));
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return found;
}

function isProbe(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === "URL" || callee.text === "decodeURIComponent" || callee.text === "decodeURI";
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ((callee.expression.text === "URL" && callee.name.text === "parse") || (callee.expression.text === "JSON" && callee.name.text === "parse"));
}

function isReadChain(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return true;
  return ts.isPropertyAccessExpression(e) && isReadChain(e.expression);
}

/** `!x`, `x == null`, `x === undefined`, `x === ""`: a test that `x` (by its text) is missing. */
export function testsMissing(cond: ts.Expression, inputs: ReadonlySet<string>): boolean {
  let u = cond;
  while (ts.isParenthesizedExpression(u)) u = u.expression;
  const named = (e: ts.Expression): boolean => inputs.has(e.getText().replace(/\s+/g, ""));
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) return named(u.operand);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsMissing(u.left, inputs) || testsMissing(u.right, inputs);
  if (!ts.isBinaryExpression(u)) return false;
  const op = u.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsEqualsToken) return false;
  const r = u.right;
  const missing = r.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(r) && r.text === "undefined") || (ts.isStringLiteralLike(r) && r.text === "");
  return missing && named(u.left);
}
