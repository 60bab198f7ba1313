/**
 * Browser conveniences whose failure the page already shows by their absence (production Flowise):
 *
 *   navigator.clipboard.writeText(value).then(() => setCopied(true)).catch((err) => console.warn("Copy failed:", err));
 *   navigator.serviceWorker.ready.then((registration) => registration.unregister()).catch((error) => console.error(error.message));
 *
 * The first confirms the copy ("Copied!") only when the write succeeds: the user who sees no
 * confirmation knows it did not happen, and the log keeps why. The second registers or unregisters
 * a service worker (Create React App's `serviceWorker.js`): offline caching is an enhancement the
 * page works without, and there is no caller to tell. A copy with no confirmation on success (the
 * user is told nothing either way), and a logging handler on any other chain, stay reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

/** `navigator.clipboard` or `window.navigator.clipboard` (also with `?.`) at the start of `e`. */
function startsWith(e: ts.Expression, api: "clipboard" | "serviceWorker"): boolean {
  let c: ts.Expression = e;
  while (ts.isPropertyAccessExpression(c) || ts.isCallExpression(c) || ts.isNonNullExpression(c) || ts.isParenthesizedExpression(c)) {
    if (ts.isPropertyAccessExpression(c) && c.name.text === api) {
      const nav = c.expression;
      return (ts.isIdentifier(nav) && nav.text === "navigator") || (ts.isPropertyAccessExpression(nav) && nav.name.text === "navigator" && ts.isIdentifier(nav.expression) && nav.expression.text === "window");
    }
    c = ts.isCallExpression(c) ? c.expression : (c as ts.PropertyAccessExpression).expression;
  }
  return false;
}

/** A success callback that confirms in the UI: it calls a state setter (`setCopied(true)`, `setCopyStatus("copied")`). */
function confirms(cb: ts.Expression | undefined): boolean {
  return !!cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && callsSetter(cb.body);
}

/** Whether `node` calls a state setter with one argument (`setCopied(true)`), outside nested functions. */
function callsSetter(node: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^set[A-Z]\w*$/.test(n.expression.text) && n.arguments.length === 1) return true;
    if (n !== node && isFunctionLike(n)) return false;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/**
 * `navigator.clipboard.writeText(v).then(() => setCopied(true)).catch(log)`: the `.catch` call ends a
 * chain whose one `.then` confirms the copy in the UI.
 */
export function copyConfirmedOnSuccess(call: ts.CallExpression): boolean {
  const link = call.expression;
  if (!ts.isPropertyAccessExpression(link) || link.name.text !== "catch") return false;
  const then = link.expression;
  if (!ts.isCallExpression(then) || !ts.isPropertyAccessExpression(then.expression) || then.expression.name.text !== "then" || then.arguments.length !== 1) return false;
  const write = then.expression.expression;
  if (!ts.isCallExpression(write) || !ts.isPropertyAccessExpression(write.expression) || !/^write(?:Text)?$/.test(write.expression.name.text)) return false;
  return startsWith(write.expression.expression, "clipboard") && confirms(then.arguments[0]);
}

/**
 * `try { await navigator.clipboard.writeText(text); setCopied(true); } catch (e) { log(e); }`: the try
 * form of {@link copyConfirmedOnSuccess}, the write followed by a state setter.
 */
export function tryConfirmsCopy(tryBlock: ts.Block): boolean {
  const [first, ...rest] = tryBlock.statements;
  if (!first || !ts.isExpressionStatement(first) || rest.length === 0) return false;
  let e = first.expression;
  if (ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !/^write(?:Text)?$/.test(e.expression.name.text) || !startsWith(e.expression.expression, "clipboard")) return false;
  return rest.some(callsSetter);
}

/** `navigator.serviceWorker.register(url).then(…).catch(log)`, `navigator.serviceWorker.ready.then(…).catch(log)`. */
export function serviceWorkerStep(call: ts.CallExpression): boolean {
  return startsWith(call.expression, "serviceWorker");
}
