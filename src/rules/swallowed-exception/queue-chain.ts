import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";

/** `Promise.resolve()` with no value or a plain one: a promise that is already fulfilled. */
function resolvedPromise(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && e.expression.getText() === "Promise.resolve" && e.arguments.length <= 1;
}

/**
 * `queue`, where every value the file gives the module's `let queue` is `Promise.resolve()` or a chain
 * ending in a `.catch(…)` (`queue = queue.then(work).catch(() => {})`, `call` among them): the queue
 * itself never rejects into the next link. Any other assignment (a bare `queue.then(work)`) may.
 */
function queueCannotReject(name: ts.Identifier, call: ts.CallExpression): boolean {
  const sf = call.getSourceFile();
  const decl = sf.statements.find((st): st is ts.VariableStatement => ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Let) !== 0 && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name.text));
  const init = decl?.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name.text)?.initializer;
  if (!init || !resolvedPromise(init)) return false;
  let ok = true;
  let assigned = false;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === name.text) {
      const v = n.right;
      const endsInCatch = ts.isCallExpression(v) && ts.isPropertyAccessExpression(v.expression) && v.expression.name.text === "catch";
      // Another link's handler that throws or rejects hands its failure on down the queue.
      const quiet = endsInCatch && v.arguments.length === 1 && !/\bthrow\b|reject/.test(v.arguments[0]!.getText());
      if (v !== call && !resolvedPromise(v) && !quiet) ok = false;
      if (v === call) assigned = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return ok && assigned;
}

/**
 * `writeQueue = writeQueue.then(writePendingClient).catch(() => {})` (a promise queue that runs writes one
 * after another): the `.catch` follows `.then(fn)` with `fn` the file's own function, passed by reference
 * or called alone in an arrow (`.then(() => flush())`), on a queue that never rejects (`queueCannotReject`).
 * `cannotReject` tells whether a call of that function can reject into its caller (its every failure
 * ended in its own `try`s); if it cannot, nothing reaches the handler (production linkwarden's query
 * persister).
 */
export function queuedOwnWorkCannotReject(call: ts.CallExpression, cannotReject: (fn: ts.CallExpression | ts.FunctionLikeDeclaration) => boolean): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv || !ts.isCallExpression(recv) || !ts.isPropertyAccessExpression(recv.expression) || recv.expression.name.text !== "then" || recv.arguments.length !== 1) return false;
  const queue = recv.expression.expression;
  if (!ts.isIdentifier(queue) || !ts.isBinaryExpression(call.parent) || call.parent.right !== call || !queueCannotReject(queue, call)) return false;
  const step = recv.arguments[0]!;
  if (ts.isIdentifier(step)) {
    const fn = topLevelFunction(step.text, call.getSourceFile());
    return !!fn && fn.parameters.length === 0 && cannotReject(fn);
  }
  if (ts.isArrowFunction(step) && step.parameters.length === 0 && ts.isCallExpression(step.body)) return cannotReject(step.body);
  return false;
}
