import { ts } from "../../engine/ts";
import { isLogCall, localAssignment, references } from "./analysis";

/** `!x` and `x`: one is the negation of the other. */
function negates(a: ts.Expression, b: ts.Expression): boolean {
  const text = (e: ts.Expression): string => e.getText().replace(/\s+/g, "");
  return ts.isPrefixUnaryExpression(a) && a.operator === ts.SyntaxKind.ExclamationToken && text(a.operand) === text(b);
}

/**
 * `let pass = false; try { expect(v).to.include(m); pass = !isNegated; } catch { pass = isNegated; }
 * results.push({ status: pass ? "pass" : "fail" })`: the try ends by setting a local to a value and
 * the catch (besides logs) sets it to that value's negation, and the local is read after the try:
 * the outcome is recorded in the flag, like a flag set to two literals.
 */
export function recordsOutcomeAsNegation(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  const ok = localAssignment(tryStmt.tryBlock.statements[tryStmt.tryBlock.statements.length - 1]);
  if (!ok) return false;
  let failed: ts.Expression | undefined;
  for (const st of catchBlock.statements) {
    const a = localAssignment(st);
    if (a && a.name === ok.name && !failed) failed = a.value;
    else if (!(ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  }
  if (!failed || !(negates(ok.value, failed) || negates(failed, ok.value))) return false;
  const list = tryStmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  return list.statements.slice(list.statements.indexOf(tryStmt) + 1).some((st) => references(st, ok.name));
}
