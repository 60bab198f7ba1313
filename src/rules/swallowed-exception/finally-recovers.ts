import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";

/** The locals the block assigns (`success = await send(data)`), outside nested functions. */
function assignedIn(block: ts.Block): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) out.add(n.left.text);
    ts.forEachChild(n, visit);
  };
  visit(block);
  return out;
}

/** Whether the node calls anything but a log (outside nested functions). */
function doesWork(node: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isCallExpression(n) && !isLogCall(n)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/**
 * `let success = false; try { …; success = await flush(contents); } catch (e) { log(e); } finally {
 * if (!success) { appendToBuffer(contents); } }`: the try records that it worked in a flag declared
 * `false`, and the `finally` puts things back when the flag is still unset (a call that is not a
 * log). The failure is recovered where the try ends; the catch's log is extra. A `finally` that
 * only logs, or one that does not test the flag, leaves the catch reported.
 */
export function finallyRecovers(tryStmt: ts.TryStatement): boolean {
  const fin = tryStmt.finallyBlock;
  if (!fin) return false;
  const flags = assignedIn(tryStmt.tryBlock);
  const list = tryStmt.parent;
  if (!ts.isBlock(list)) return false;
  const declaredFalse = (name: string): boolean => list.statements.slice(0, list.statements.indexOf(tryStmt)).some((st) => ts.isVariableStatement(st)
    && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name && d.initializer?.kind === ts.SyntaxKind.FalseKeyword));
  return fin.statements.some((st) => {
    if (!ts.isIfStatement(st)) return false;
    const c = st.expression;
    return ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken && ts.isIdentifier(c.operand) && flags.has(c.operand.text) && declaredFalse(c.operand.text) && doesWork(st.thenStatement);
  });
}
