import { ts } from "../../engine/ts";
import { leaves } from "./ast";

/**
 * True when `test` (a `x.startsWith("test-")` or `x === "demo"` in condition position) only sets
 * some values aside: it holds for them and the `if` it decides leaves the function for them
 * (`if (callId.startsWith("test-")) return new Response("ok")`), so every other value goes on
 * below it unchecked. Negated (`!x.startsWith("/")`, `x !== "a"`), the values that go on are the
 * ones the test holds for: a check. A test of a `?:`, a loop, or an `if` whose branch does not
 * leave, or that uses the value for more than a log line (`if (x === "a") { return load(x) }`),
 * checks the value where it is used.
 */
export function setsAsideOnly(test: ts.Node, value: ts.Node, isLog: (call: ts.CallExpression) => boolean): boolean {
  let positive = true;
  let cur = test;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (ts.isParenthesizedExpression(p)) continue;
    if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) {
      positive = !positive;
      continue;
    }
    if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) continue;
    return ts.isIfStatement(p) && p.expression === cur && positive && !p.elseStatement && leaves(p.thenStatement) && onlyLogged(p.thenStatement, value.getText(), isLog);
  }
  return false;
}

/** A `!==`/`!=` comparison holds for the values other than the literal: the `if` over it is negated. */
export function isNegatedEquality(e: ts.BinaryExpression): boolean {
  return e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken;
}

/** Every read of the value in the branch (`text`) is an argument of a log call, or there is none. */
function onlyLogged(branch: ts.Node, text: string, isLog: (call: ts.CallExpression) => boolean): boolean {
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if ((ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && n.getText() === text) {
      let cur: ts.Node = n;
      while (cur.parent && (ts.isTemplateSpan(cur.parent) || ts.isTemplateExpression(cur.parent) || ts.isShorthandPropertyAssignment(cur.parent) || ts.isPropertyAssignment(cur.parent) || ts.isObjectLiteralExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent))) cur = cur.parent;
      const call = cur.parent;
      ok = !!call && ts.isCallExpression(call) && call.arguments.includes(cur as ts.Expression) && isLog(call);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(branch);
  return ok;
}
