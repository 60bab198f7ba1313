import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement, localAssignment, signalsFailure } from "./analysis";

function isNone(e: ts.Expression | undefined): boolean {
  return !e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/** `!x`, `x == null`, `x === undefined`, or such an operand of `||`: the test holds when `x` was never set. */
function testsUnset(c: ts.Expression, name: string): boolean {
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return ts.isIdentifier(c.operand) && c.operand.text === name;
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) return testsUnset(c.left, name) || testsUnset(c.right, name);
  if (op !== ts.SyntaxKind.EqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsEqualsToken) return false;
  return (ts.isIdentifier(c.left) && c.left.text === name && isNone(c.right)) || (ts.isIdentifier(c.right) && c.right.text === name && isNone(c.left));
}

/**
 * `let payment; try { payment = await authorize(id); } catch (e) { log(e); } … if (!payment) throw
 * new PaymentError(…)`: the catch logs and leaves the local unset (declared without a value, or
 * `null`/`undefined`), and one of the next three statements turns "unset" into an explicit failure.
 * The try's last statement is the assignment. The checked fallback of the docs, left unassigned
 * rather than assigned `null` in the catch. A local that is only used, or a check that only logs,
 * stays reported.
 */
export function unsetLocalFeedsFailure(tryStmt: ts.TryStatement): boolean {
  const a = localAssignment(tryStmt.tryBlock.statements[tryStmt.tryBlock.statements.length - 1]);
  if (!a) return false;
  const name = a.name;
  // `if (!deposit && orderId) { try { deposit = await byOrder(orderId); } catch (e) { log(e); } }`: a
  // second lookup, the whole of an `if`, judged from that `if` (held round 26).
  let anchor: ts.Statement = tryStmt;
  for (let p = anchor.parent; ts.isBlock(p) && p.statements.length === 1 && ts.isIfStatement(p.parent) && p.parent.thenStatement === p && !p.parent.elseStatement; p = anchor.parent) anchor = p.parent;
  const list = anchor.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  const idx = list.statements.indexOf(anchor);
  // Declared unset in the same block, before the try.
  const declared = list.statements.slice(0, idx).some((st) => ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Let) !== 0 && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name && isNone(d.initializer)));
  if (!declared) return false;
  for (let i = idx + 1; i < list.statements.length && i <= idx + 3; i++) {
    const st = list.statements[i]!;
    if (ts.isIfStatement(st) && testsUnset(st.expression, name) && signalsFailure(st.thenStatement)) return true;
  }
  return false;
}

/** Whether `node` assigns `name` a value that is not "none" (not inside a nested function). */
function assignsAValue(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === name && !isNone(n.right)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * `let message; try { message = await queue.receive(); } catch (e) { log(e); message = null; }
 * if (!message) { … message = await readDirectly(); … }`: the catch logs and leaves the local
 * unset, and the statement after the try (past log lines) tests it unset and gets it another way:
 * the same job done another way (the docs' fallback that does the work, debatable). A test that
 * only goes on without it, or a branch that never sets it, stays reported.
 */
export function unsetLocalTriedAnotherWay(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  const assigned = tryStmt.tryBlock.statements.map(localAssignment).find((a) => a !== undefined && !isNone(a.value));
  if (!assigned) return false;
  const name = assigned.name;
  if (!catchBlock.statements.every((s) => isLogStatement(s) || (localAssignment(s)?.name === name && isNone(localAssignment(s)!.value)))) return false;
  const list = tryStmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  let i = list.statements.indexOf(tryStmt) + 1;
  while (i < list.statements.length && isLogStatement(list.statements[i]!)) i++;
  const next = list.statements[i];
  return next !== undefined && ts.isIfStatement(next) && testsUnset(next.expression, name) && assignsAValue(next.thenStatement, name);
}
