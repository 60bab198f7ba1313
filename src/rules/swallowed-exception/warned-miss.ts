/**
 * A lookup whose rejection is answered `null`, and whose `null` the very next statement tests and
 * turns into a warning and an exit, or an assertion that throws: `const member = msg.member ??
 * (await guild.members.fetch(id).catch(() => null)); if (!member) { console.warn("could not resolve
 * the member"); return; }`, `const target = await fetchMember(id).catch(() => null);
 * assertMember(target);` (held round 29, lead decision, debatable). What is lost is the difference
 * between "not there" and "the lookup failed"; the miss itself is logged or thrown where it happens.
 * A silent return, or a test further on, stays reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";

/** True when the `.catch(() => null)` chained on by `call` is tested by the next statement (see the module comment). */
export function missWarnedNext(call: ts.CallExpression): boolean {
  const bound = boundLocal(call);
  if (!bound) return false;
  const block = bound.stmt.parent;
  if (!ts.isBlock(block)) return false;
  const next = block.statements[block.statements.indexOf(bound.stmt) + 1];
  if (!next) return false;
  if (ts.isIfStatement(next)) return !next.elseStatement && testsMissing(next.expression, bound.name) && warnsAndLeaves(next.thenStatement);
  return assertsIt(next, bound.name);
}

/** `const x = (await lookup().catch(() => null))`, also as the right side of `a ?? …` / `a || …`: the local the fallback lands in. */
function boundLocal(call: ts.CallExpression): { name: string; stmt: ts.VariableStatement } | undefined {
  let value: ts.Node = call;
  for (;;) {
    const p: ts.Node = value.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) value = p;
    else if (ts.isBinaryExpression(p) && p.right === value && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) value = p;
    else break;
  }
  const d = value.parent;
  if (!ts.isVariableDeclaration(d) || d.initializer !== value || !ts.isIdentifier(d.name)) return undefined;
  const stmt = d.parent.parent;
  return ts.isVariableStatement(stmt) ? { name: d.name.text, stmt } : undefined;
}

/** `!member`, `member === null`, `member == null`, `!member || …`. */
function testsMissing(e: ts.Expression, name: string): boolean {
  if (ts.isParenthesizedExpression(e)) return testsMissing(e.expression, name);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return ts.isIdentifier(e.operand) && e.operand.text === name;
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) return testsMissing(e.left, name);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  return ts.isIdentifier(e.left) && e.left.text === name && (e.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e.right) && e.right.text === "undefined"));
}

/** `{ console.warn("…"); return; }`: only log lines, at least one, then a `return`/`continue`/`break`/`throw`. */
function warnsAndLeaves(st: ts.Statement): boolean {
  const list = ts.isBlock(st) ? st.statements : [st];
  const last = list[list.length - 1];
  if (!last || !(ts.isReturnStatement(last) || ts.isContinueStatement(last) || ts.isBreakStatement(last) || ts.isThrowStatement(last))) return false;
  const before = list.slice(0, -1);
  return before.length > 0 && before.every(isLogStatement);
}

/** `assertMember(target);`: a call, with the local as its first argument, of a function of the file declared `asserts x is T`. */
function assertsIt(st: ts.Statement, name: string): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) return false;
  const c = st.expression;
  const arg = c.arguments[0];
  if (!ts.isIdentifier(c.expression) || !arg || !ts.isIdentifier(arg) || arg.text !== name) return false;
  const fn = c.expression.text;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isFunctionDeclaration(n) && n.name?.text === fn && n.type && ts.isTypePredicateNode(n.type) && n.type.assertsModifier && n.body) found = throwsIn(n.body);
    else if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(st.getSourceFile());
  return found;
}

function throwsIn(n: ts.Node): boolean {
  return ts.isThrowStatement(n) || (!isFunctionLike(n) && (ts.forEachChild(n, throwsIn) ?? false));
}

/** `x`, `x && …`: a test that `name` is there. */
function testsPresent(e: ts.Expression, name: string): boolean {
  if (ts.isParenthesizedExpression(e)) return testsPresent(e.expression, name);
  if (ts.isIdentifier(e)) return e.text === name;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && testsPresent(e.left, name);
}

/**
 * The try/catch form (held round 35, the lead's decision keeping round 29's warn-and-return):
 * `let submitterId = null; if (…) { … } else if (issue.submitterEmail) { try { const user = await
 * User.findOne({ email }); if (user) submitterId = user._id; } catch (err) { console.error(…, err); } }`
 * then `if (!submitterId) { console.warn("no user, notification not created"); return null; }` (or
 * `if (submitterId) { … } else { console.warn(…); }`). The try only sets one `let` declared before it
 * (as `null`, `undefined` or nothing); the catch only logs; and the statement after the try (after
 * the `if` chain it ends) is the function's own warning for that value missing.
 */
export function lookupMissWarnedNext(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (!catchBlock.statements.every(isLogStatement)) return false;
  const set = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) set.add(ts.isIdentifier(n.left) ? n.left.text : "");
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  const name = [...set][0];
  if (set.size !== 1 || !name) return false;
  // Out of the `if … else if …` chain the try ends: the statement after it.
  let at: ts.Statement = tryStmt;
  for (;;) {
    const block = at.parent;
    const branch = ts.isBlock(block) && block.statements[block.statements.length - 1] === at ? block.parent : undefined;
    if (branch && ts.isIfStatement(branch)) {
      let top: ts.IfStatement = branch;
      while (ts.isIfStatement(top.parent) && top.parent.elseStatement === top) top = top.parent;
      at = top;
      continue;
    }
    break;
  }
  const block = at.parent;
  if (!ts.isBlock(block)) return false;
  const declared = block.statements.slice(0, block.statements.indexOf(at)).some((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name && (!d.initializer || d.initializer.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(d.initializer) && d.initializer.text === "undefined"))));
  const next = block.statements[block.statements.indexOf(at) + 1];
  if (!declared || !next || !ts.isIfStatement(next)) return false;
  if (testsMissing(next.expression, name)) return !next.elseStatement && warnsAndLeaves(next.thenStatement);
  const orElse = next.elseStatement;
  return testsPresent(next.expression, name) && orElse !== undefined && (ts.isBlock(orElse) ? orElse.statements.length > 0 && orElse.statements.every(isLogStatement) : isLogStatement(orElse));
}
