import { ts } from "../../engine/ts";

/**
 * `const errorMessage = e instanceof Error ? e.message : "Unknown error";` in a catch: a local that
 * only words the error for the log line after it. It is no work of the catch's own, so a comment
 * above it speaks of the whole catch, as a comment at its top does (production vendure
 * default-scheduler-strategy.ts:193: "This branch can be reached if the connection is closed and
 * then this method is called on the interval"). Every declaration's value may hold only names,
 * property reads, literals, templates, conditionals, `instanceof`/`typeof`/comparison/`??`/`||`
 * tests, and the calls `String(…)`, `JSON.stringify(…)`, `….toString()`.
 */
export function onlyWordsTheError(st: ts.Statement): boolean {
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.initializer !== undefined && wording(d.initializer));
}

function wording(e: ts.Node): boolean {
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    const allowed = (ts.isIdentifier(c) && c.text === "String") || (ts.isPropertyAccessExpression(c) && ((ts.isIdentifier(c.expression) && c.expression.text === "JSON" && c.name.text === "stringify") || c.name.text === "toString"));
    if (!allowed) return false;
  } else if (ts.isAwaitExpression(e) || ts.isNewExpression(e) || ts.isFunctionLike(e) || ts.isTaggedTemplateExpression(e) || ts.isYieldExpression(e)) return false;
  else if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  else if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  return ts.forEachChild(e, (c) => (wording(c) ? undefined : true)) === undefined;
}
