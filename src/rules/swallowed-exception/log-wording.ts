import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement, references } from "./analysis";

/**
 * `const message = error instanceof Error ? error.message : "Invalid JSON response";` in a catch whose log
 * line is its only reader (`logger.warn(\`parse failed for ${url}\`, { error: message })`): a `const` that
 * only words the log line, so part of it (session 43, production Hexabot's HTTP request action). Its
 * initializer calls nothing and waits on nothing (field reads, tests, a conditional, templates).
 */
export function onlyWordsALogLine(st: ts.Statement, block: ts.Block): boolean {
  if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const) || st.declarationList.declarations.length !== 1) return false;
  const d = st.declarationList.declarations[0]!;
  if (!ts.isIdentifier(d.name) || !d.initializer) return false;
  let computes = false;
  const visit = (n: ts.Node): void => {
    if (computes) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isAwaitExpression(n) || ts.isTaggedTemplateExpression(n) || isFunctionLike(n)) computes = true;
    else ts.forEachChild(n, visit);
  };
  visit(d.initializer);
  if (computes) return false;
  const name = d.name.text;
  const readers = block.statements.filter((x) => x !== st && references(x, name));
  return readers.length > 0 && readers.every(isLogStatement);
}
