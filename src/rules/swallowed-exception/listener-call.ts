/**
 * Listener isolation: a dispatcher that calls a callback it was handed (a subscriber of a list, a hook
 * held in a field) keeps the callback's failure from failing the dispatch, and logs it.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall, references, returnsAValue } from "./analysis";

// A hook held in a field: `this.onBytes`, `this.listener`, `this.callback`, `this.handler`.
const HOOK_FIELD_RE = /^(?:on[A-Z]\w*|\w*(?:[lL]istener|[cC]allback|[hH]andler|[hH]ook|[sS]ubscriber)s?)$/;

/** The callback a call invokes when it is one the code was handed, else undefined. */
function handedCallback(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  const callee = call.expression;
  // `this.onBytes(bytes)`: a hook held in a field.
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) return HOOK_FIELD_RE.test(callee.name.text);
  // `subscribers.forEach((callback) => { try { callback(message); } … })`: the item of a list of callbacks.
  if (!ts.isIdentifier(callee)) return false;
  const p = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] !== undefined && ts.isIdentifier(fn.parameters[0].name) && fn.parameters[0].name.text === callee.text
    && ts.isCallExpression(p) && p.arguments[0] === fn && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "forEach";
}

/**
 * `subscribers.forEach((callback) => { try { callback(message, channel); } catch (error) { log(error); } })`,
 * `try { const r = this.onBytes(bytes); … } catch (err) { log(err); }` in a method that answers nothing: a
 * log-only catch (that logs its error) whose try's one call is a callback the code was handed, the
 * item of a `forEach` over a list of callbacks or a hook held in a field (`this.on…`, `…Listener`,
 * `…Callback`, `…Handler`): the dispatcher must not fail because a listener did, and the listener's
 * failure is its owner's. Calls on what it answers (`result.catch(…)`) are not other work. A try that
 * calls anything else, or a function that answers a value, stays reported.
 */
export function isolatesAListener(clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !clause.block.statements.some((st) => ts.isExpressionStatement(st) && isLogCall(st.expression) && references(st.expression, errName))) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  let fn: ts.Node | undefined = tryStmt.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn) || !fn.body || !ts.isBlock(fn.body) || returnsAValue(fn.body)) return false;
  const owner = fn;
  let handed = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      if (handedCallback(n, owner)) handed++;
      else if (!(ts.isPropertyAccessExpression(n.expression) && /^(?:then|catch|finally)$/.test(n.expression.name.text)) && !isLogCall(n)) other = true;
    } else if (ts.isAwaitExpression(n) || ts.isNewExpression(n)) other = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return handed === 1 && !other;
}
