import { ts } from "./ts";

/** Small questions about syntax that several rule families and the engine ask. */

/** The callee's last name: `a.b.c(…)` → "c", `f(…)` → "f"; undefined for other callees. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Every declaration with a function body: functions, arrows, methods, constructors, accessors. */
export function isFunctionLikeDeclaration(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

/**
 * `!res.ok`, or `!res.ok || !res.body`: a test that holds only for a failed response or one with no
 * body to read. Any other operand (`!res.ok || refresh`) lets a good response in. With `receiver`,
 * every operand must test that response (`res`).
 */
export function isFailedResponseTest(e: ts.Expression, receiver?: string): boolean {
  const negated: string[] = [];
  const bare = (x: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) ? bare(x.expression) : x);
  const collect = (x: ts.Expression): boolean => {
    const c = bare(x);
    if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.BarBarToken) return collect(c.left) && collect(c.right);
    if (!ts.isPrefixUnaryExpression(c) || c.operator !== ts.SyntaxKind.ExclamationToken) return false;
    const r = bare(c.operand);
    if (!ts.isPropertyAccessExpression(r) || (r.name.text !== "ok" && r.name.text !== "body")) return false;
    if (receiver !== undefined && r.expression.getText() !== receiver) return false;
    negated.push(r.name.text);
    return true;
  };
  return collect(e) && negated.includes("ok");
}
