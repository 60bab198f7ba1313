import { ts } from "../../engine/ts";
import { isLogCall, localAssignment, references } from "./analysis";
import { findRefs } from "../unvalidated-boundary/ast";

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

/** `0`, `false`, `"ok"`, `null`: a literal a flag can hold. */
function isFlagLiteral(e: ts.Expression): boolean {
  return ts.isNumericLiteral(e) || ts.isStringLiteralLike(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * `let exitCode = 0; await Promise.race([work.catch((err) => { exitCode = 1; logger.error(err); }),
 * shutdown]); … process.exit(exitCode);` (production karakeep apps/workers/index.ts:150): the
 * handler, besides log lines, sets a `let` of the enclosing block from the literal it was declared
 * with to another, and a later statement of that block reads it: the failure is recorded in the
 * flag, as a catch that sets an outcome flag records it. A flag nothing reads afterwards stays reported.
 */
export function handlerRecordsFailureInFlag(call: ts.CallExpression, handler: ts.Expression): boolean {
  if ((!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) || !ts.isBlock(handler.body)) return false;
  const want = onlyAssignmentBesideLogs(handler.body.statements, (a) => isFlagLiteral(a.value));
  if (!want) return false;
  const found = letDeclaredBefore(call, want.name, false);
  if (!found) return false;
  const init = found.decl.initializer;
  if (!init || !isFlagLiteral(init) || init.getText() === want.value.getText()) return false;
  return found.after.some((st) => references(st, want.name));
}

/**
 * `let pushinpayConfigured = false; try { registerGatewayFromEnv(); pushinpayConfigured = true; log(…); }
 * catch (err) { logger.warn({ err }, "… not configured"); }` and routes that answer 503 while the flag is
 * false (round 40, Bot-Elysia's module-load registration, clean): the try's last work sets a `let` of its
 * block or module, declared `false`, to `true`, the catch only logs, and the flag is read outside the
 * try (a later statement, or a function of the module): the failure is recorded in the flag, and what
 * reads it answers for it. A flag nothing reads stays reported.
 */
export function recordsSuccessInFlag(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (catchBlock.statements.length === 0 || !catchBlock.statements.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const work = tryStmt.tryBlock.statements.filter((st) => !(ts.isExpressionStatement(st) && isLogCall(st.expression)));
  const set = localAssignment(work[work.length - 1]);
  // `flag = true` for a `let flag = false`; or (courriersystem's optional Formspree service, tune, decided clean) a
  // service made with `new …` for a `let service = null`, which the code tests (`if (!formspreeSync) return res.status(503)…`).
  const made = !!set && ts.isNewExpression(set.value);
  if (!set || (set.value.kind !== ts.SyntaxKind.TrueKeyword && !made)) return false;
  const list = tryStmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  const at = list.statements.indexOf(tryStmt);
  const decl = list.statements.slice(0, at).find((st): st is ts.VariableStatement => ts.isVariableStatement(st) && !(st.declarationList.flags & ts.NodeFlags.Const) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === set.name));
  const d = decl?.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === set.name);
  if (!d || !d.initializer || d.initializer.kind !== (made ? ts.SyntaxKind.NullKeyword : ts.SyntaxKind.FalseKeyword)) return false;
  // A read outside the try: a later statement of the block, or (at module level) anywhere in the file; for a service, a test of it.
  return findRefs(set.name, list, 0).some((r) => r !== d.name && !(r.pos >= tryStmt.pos && r.end <= tryStmt.end) && !(ts.isBinaryExpression(r.parent) && r.parent.left === r && r.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) && (ts.isSourceFile(list) || r.pos > tryStmt.end) && (!made || testsPresence(r)));
}

/** `!service`, `if (service)`, `service ? … : …`, `service && …`: the reference is tested for being set. */
function testsPresence(r: ts.Identifier): boolean {
  const p = r.parent;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isIfStatement(p) && p.expression === r) return true;
  if (ts.isConditionalExpression(p) && p.condition === r) return true;
  return ts.isBinaryExpression(p) && p.left === r && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken);
}

// A local named for a process's or a step's status: `exitCode`, `localCode`, `rc`, `status`.
const CODE_NAME_RE = /(?:^|[a-z])(?:code|Code|status|Status)$|^(?:code|rc|status)$/;

/**
 * `let localCode = 0; for (const ext of this.extensions) { try { await ext.stop(); } catch (error) {
 * logger.error(…); localCode = 1; } } … return await this.exit(code !== 0 ? code : localCode);` (production
 * zigbee2mqtt's `Controller.stop`, triaged false): besides log lines the catch sets a `let` named for a
 * status code, declared `0` in a block around it, to another number, and a later statement of that block
 * reads it: the failure is kept in the exit code, as a promise handler's `exitCode = 1` is
 * ({@link handlerRecordsFailureInFlag}). A code nothing reads afterwards stays reported.
 */
export function catchRecordsExitCode(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  const want = onlyAssignmentBesideLogs(catchBlock.statements, (a) => ts.isNumericLiteral(a.value) && Number(a.value.text) !== 0 && CODE_NAME_RE.test(a.name));
  if (!want) return false;
  const found = letDeclaredBefore(tryStmt, want.name, true);
  if (!found) return false;
  const init = found.decl.initializer;
  if (!init || !ts.isNumericLiteral(init) || Number(init.text) !== 0) return false;
  return found.after.some((st) => references(st, want.name));
}

/**
 * The nearest `let`/`var` declaration of `name` in a statement list that holds `from` (or a statement above it)
 * before it, with the statements after that one; the search stops at the enclosing function when `inFunction`.
 */
function letDeclaredBefore(from: ts.Node, name: string, inFunction: boolean): { decl: ts.VariableDeclaration; after: readonly ts.Statement[] } | undefined {
  for (let p: ts.Node = from; p.parent && !(inFunction && ts.isFunctionLike(p)); p = p.parent) {
    const list = p.parent;
    if (!ts.isBlock(list) && !ts.isSourceFile(list)) continue;
    const at = list.statements.indexOf(p as ts.Statement);
    for (const st of list.statements.slice(0, at)) {
      if (!ts.isVariableStatement(st) || st.declarationList.flags & ts.NodeFlags.Const) continue;
      const decl = st.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (decl) return { decl, after: list.statements.slice(at + 1) };
    }
  }
  return undefined;
}

/** The one assignment to a local that `accept` takes, when every other statement is a log line. */
function onlyAssignmentBesideLogs(statements: readonly ts.Statement[], accept: (a: { name: string; value: ts.Expression }) => boolean): { name: string; value: ts.Expression } | undefined {
  let found: { name: string; value: ts.Expression } | undefined;
  for (const st of statements) {
    const a = localAssignment(st);
    if (a && !found && accept(a)) found = a;
    else if (!(ts.isExpressionStatement(st) && isLogCall(st.expression))) return undefined;
  }
  return found;
}
