import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement, localAssignment, signalsFailure } from "./analysis";
import { enclosingFunction, functionName } from "./scope";

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
  // Past the end of the block, the `if` it is the branch of (twice at most): `if (this.prefetch) { try { question =
  // await this.prefetch; } catch (e) { log(e); } this.prefetch = null; } if (!question) question = await fetchOne();`
  // (retired held round 44, Fibbage's PartyKit room, decided clean).
  let anchor: ts.Statement = tryStmt;
  for (let depth = 0; depth <= 2; depth++) {
    const list = anchor.parent;
    if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
    let i = list.statements.indexOf(anchor) + 1;
    while (i < list.statements.length && (isLogStatement(list.statements[i]!) || clearsAField(list.statements[i]!))) i++;
    const next = list.statements[i];
    if (next) return ts.isIfStatement(next) && testsUnset(next.expression, name) && assignsAValue(next.thenStatement, name);
    const around = list.parent;
    if (!ts.isBlock(list) || !ts.isIfStatement(around) || around.thenStatement !== list || around.elseStatement) return false;
    anchor = around;
  }
  return false;
}

/** `this.nextQuestionPromise = null;`: a field let go of, which reads nothing. */
function clearsAField(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(s.expression.left) && s.expression.left.expression.kind === ts.SyntaxKind.ThisKeyword && isNone(s.expression.right);
}

/** The value the statement assigns, by its text: `x = …` or `this.connection = …` (`await` and parentheses aside). */
function assignedRef(s: ts.Statement | undefined): string | undefined {
  if (!s || !ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = s.expression.left;
  if (ts.isIdentifier(left)) return left.text;
  if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) return `this.${left.name.text}`;
  return undefined;
}

/** `!ref` (parentheses aside), `ref` given by its text. */
function isNot(e: ts.Expression, ref: string): boolean {
  let c = e;
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  return ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken && c.operand.getText().replace(/\s+/g, "") === ref;
}

/** The operands of a chain of `&&` (or `||`), parentheses aside. */
function operands(e: ts.Expression, op: ts.SyntaxKind.AmpersandAmpersandToken | ts.SyntaxKind.BarBarToken): ts.Expression[] {
  let c = e;
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === op) return [...operands(c.left, op), ...operands(c.right, op)];
  return [c];
}

/** Whether `node` calls the function named `name` again (`this.emit(event)`, `connect()`), not inside a nested function. */
function callsAgain(node: ts.Node, name: string): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      if ((ts.isIdentifier(e) && e.text === name) || (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && e.name.text === name)) return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/**
 * A retry that waits for the value the try assigns (production Spacebar's connection set-up):
 * - a loop that runs while it is unset: `while (!this.connection) { try { this.connection = await
 *   amqp.connect(host); } catch (e) { log(e); await sleep(1000); } }`, where nothing but the value ends
 *   the loop, or a bounded one, `do { try { db = await source.initialize(); } catch (e) { log(e); } }
 *   while (!db && retries++ < 10)`, followed (within three statements) by a test of it unset that fails
 *   (`if (!db) throw new Error("Could not connect")`);
 * - a flag the try sets and the statement after it tests unset to call the same function again:
 *   `let ok = false; try { ok = channel.publish(…); } catch (e) { log(e); } if (!ok) { log(…); await this.emit(event); }`.
 * Log lines around the assignment do not matter. The failed attempt is tried again until it works, or fails there. A loop that also ends another way
 * without a failing test after it, or a flag whose test only logs, stays reported.
 */
export function retriedUntilSet(tryStmt: ts.TryStatement): boolean {
  // The try's last statement besides log lines (`console.log("Connected")` after the assignment).
  const work = tryStmt.tryBlock.statements.filter((st) => !isLogStatement(st));
  const ref = assignedRef(work[work.length - 1]);
  if (!ref) return false;
  const body = tryStmt.parent;
  const loop = ts.isBlock(body) ? body.parent : undefined;
  if (loop && (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) && loop.statement === body) {
    const ops = operands(loop.expression, ts.SyntaxKind.AmpersandAmpersandToken);
    if (!ops.some((o) => isNot(o, ref))) return false;
    if (ops.length === 1) return true;
    const list = loop.parent;
    if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
    const at = list.statements.indexOf(loop);
    return list.statements.slice(at + 1, at + 4).some((st) => ts.isIfStatement(st) && operands(st.expression, ts.SyntaxKind.BarBarToken).some((o) => isNot(o, ref)) && signalsFailure(st.thenStatement));
  }
  if (!ts.isBlock(body) && !ts.isSourceFile(body)) return false;
  const next = body.statements[body.statements.indexOf(tryStmt) + 1];
  const fn = enclosingFunction(tryStmt);
  const name = fn && functionName(fn);
  return !!next && !!name && ts.isIfStatement(next) && isNot(next.expression, ref) && callsAgain(next.thenStatement, name);
}
