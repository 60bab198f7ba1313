import { ts } from "../../engine/ts";
import { isLogCall } from "./analysis";

/** An expression that cannot throw in practice: no call, `await`, `new` or `throw` in it (reads and literals). */
function plain(e: ts.Node): boolean {
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e)) return false;
  return !(ts.forEachChild(e, (c) => (plain(c) ? undefined : true)) ?? false);
}

/** `process.exit(1)`: the script ends there, nothing rejects. */
function exits(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && e.expression.getText() === "process.exit" && e.arguments.every(plain);
}

/**
 * A statement that cannot throw: a log line of plain values, `process.exit(…)`, a `return`, a
 * `const` or an assignment of a plain value, an `if` on a plain test, or a `try` whose catch cannot throw either.
 */
function cannotThrow(s: ts.Statement): boolean {
  if (ts.isBlock(s)) return s.statements.every(cannotThrow);
  if (ts.isExpressionStatement(s)) {
    const e = s.expression;
    // `process.exitCode = 1`
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return plain(e);
    return (isLogCall(e) && (e as ts.CallExpression).arguments.every(plain)) || exits(e);
  }
  if (ts.isReturnStatement(s)) return !s.expression || plain(s.expression);
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.every((d) => !d.initializer || plain(d.initializer));
  if (ts.isIfStatement(s)) return plain(s.expression) && cannotThrow(s.thenStatement) && (!s.elseStatement || cannotThrow(s.elseStatement));
  if (ts.isTryStatement(s)) {
    // The try's own failures end in its catch; the catch and the finally must not throw.
    if (!s.catchClause) return false;
    return cannotThrow(s.catchClause.block) && (!s.finallyBlock || cannotThrow(s.finallyBlock));
  }
  return ts.isEmptyStatement(s);
}

/** The body of `name` when it is declared in the file: `async function main() {…}`, `const main = async () => {…}`. */
function localFunctionBody(sf: ts.SourceFile, name: string): ts.Block | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st.body;
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && d.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return ts.isBlock(init.body) ? init.body : undefined;
    }
  }
  return undefined;
}

/**
 * `testBot().catch(console.error)` at the top level of a script, where `testBot` (declared in the
 * same file) cannot reject: every statement of its body is a log line, an exit, a plain `if` or
 * `const`, or a `try` whose catch handles the failure without throwing. The handler never sees an
 * error, so it drops none; the failure (if any) is judged at the inner catch. A body that calls
 * anything outside a `try` (`const tokens = await getTokens();`) may reject and stays reported, and so
 * does one whose catch answers the failure as a value (`return false`) that the top level drops.
 */
export function nothingRejectsInto(call: ts.CallExpression): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv || !ts.isCallExpression(recv) || !ts.isIdentifier(recv.expression) || !recv.arguments.every(plain)) return false;
  const body = localFunctionBody(call.getSourceFile(), recv.expression.text);
  return body !== undefined && body.statements.some(ts.isTryStatement) && body.statements.every(cannotThrow) && !answersTheFailure(body);
}

/**
 * `catch (error) { console.error(error.message); return false; }` in the body: the failure turned
 * into the function's answer, which `main().catch(…)` drops with the rest of the result: the
 * script exits 0 either way, so the failure is lost at the top level.
 */
function answersTheFailure(body: ts.Block): boolean {
  return body.statements.some((s) => ts.isTryStatement(s) && s.catchClause !== undefined && s.catchClause.block.statements.some((r) => ts.isReturnStatement(r) && r.expression !== undefined && !exits(r.expression)));
}
