/**
 * A teardown step that releases each item of a list (issue 11, production teable's
 * `onModuleDestroy() { try { this.agents?.map((agent) => agent?.close()); this.shareDb.close(); … }
 * catch (err) { this.logger.error(…); } }`): the loop lets go of things as a `close()` call does,
 * so `onlyReleases` counts it as a release.
 */
import { ts } from "../../engine/ts";
import { bareExpression } from "../../engine/ast";
import { isLogStatement, references } from "./analysis";

/** `try { x.stop(); } catch (err) { log(err); }`: the one call of a try whose catch only logs its error. */
function loggedRelease(st: ts.Statement): ts.Expression | undefined {
  if (!ts.isTryStatement(st) || st.finallyBlock || !st.catchClause) return undefined;
  const decl = st.catchClause.variableDeclaration;
  const logs = st.catchClause.block.statements;
  const only = st.tryBlock.statements.length === 1 ? st.tryBlock.statements[0]! : undefined;
  if (!decl || !ts.isIdentifier(decl.name) || logs.length === 0 || !logs.every(isLogStatement) || !references(st.catchClause.block, decl.name.text)) return undefined;
  return only && ts.isExpressionStatement(only) ? only.expression : undefined;
}

/**
 * `this.agents?.map((agent) => agent?.close())`, `clients.forEach((c) => { c.disconnect(); })`: a
 * loop whose callback's every call releases its item (a name `release` accepts), with at least one.
 */
export function releasesEachItem(call: ts.CallExpression, release: RegExp): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || !/^(?:map|forEach)$/.test(call.expression.name.text) || call.arguments.length !== 1) return false;
  const cb = call.arguments[0]!;
  if (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb)) return false;
  const item = cb.parameters[0]?.name;
  if (!item || !ts.isIdentifier(item) || cb.parameters.length !== 1) return false;
  const exprs: ts.Expression[] = [];
  if (ts.isBlock(cb.body)) {
    for (const st of cb.body.statements) {
      // `(track) => { try { track.stop(); } catch (err) { console.warn(…, err); } }`: each release
      // guarded on its own, its failure logged with its error, the others still let go.
      const guarded = loggedRelease(st);
      if (guarded) {
        exprs.push(guarded);
        continue;
      }
      if (!ts.isExpressionStatement(st)) return false;
      exprs.push(st.expression);
    }
  } else exprs.push(cb.body);
  return exprs.length > 0 && exprs.every((expr) => {
    const e = bareExpression(expr);
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !release.test(e.expression.name.text)) return false;
    // The item itself is released (`agent?.close()`), not something else.
    const recv = e.expression.expression;
    return ts.isIdentifier(recv) && recv.text === item.text;
  });
}
