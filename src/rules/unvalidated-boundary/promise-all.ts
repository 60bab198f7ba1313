import { ts } from "../../engine/ts";
import { calleeName, isPromiseAll } from "../../engine/ast";
import { climb, unwrap } from "./ast";

/**
 * The name an element of `Promise.all([…])` is bound to, by its place in the list:
 * `const [mcpRes, oidcRes] = await Promise.all([fetch(a).then((r) => r.json()), …])` binds the first
 * element to `mcpRes`; `Promise.all([…]).then(([mcp, oidc]) => …)` binds it to `mcp` (session 43,
 * retired round 46, rinfit-chat `auth.url.jsx:31`, `chat.jsx:580`). Undefined for a list held whole
 * (`const results = await Promise.all(…)`), a rest element or a nested pattern.
 */
export function promiseAllBinding(list: ts.ArrayLiteralExpression, element: ts.Node): ts.BindingElement | undefined {
  const all = list.parent;
  if (!all || !isPromiseAll(all) || all.arguments.length !== 1 || unwrap(all.arguments[0]!) !== list && all.arguments[0] !== list) return undefined;
  const index = list.elements.indexOf(element as ts.Expression);
  if (index < 0 || list.elements.slice(0, index).some(ts.isSpreadElement)) return undefined;
  const top = climb(all);
  const p = top.parent;
  let pattern: ts.BindingName | undefined;
  if (p && ts.isVariableDeclaration(p) && p.initializer === top) pattern = p.name;
  else if (p && ts.isPropertyAccessExpression(p) && p.expression === top && p.name.text === "then" && p.parent && ts.isCallExpression(p.parent) && calleeName(p.parent) === "then") {
    const cb = p.parent.arguments[0];
    if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) pattern = cb.parameters[0]?.name;
  }
  if (!pattern || !ts.isArrayBindingPattern(pattern)) return undefined;
  const bound = pattern.elements[index];
  return bound && ts.isBindingElement(bound) && !bound.dotDotDotToken && ts.isIdentifier(bound.name) ? bound : undefined;
}

/**
 * The array element a name destructured from `await Promise.all([…])` stands for:
 * `const [usersRes, pricesRes] = await Promise.all([fetch(a), fetch(b)])` binds `pricesRes` to `fetch(b)`.
 */
export function allElementOf(decl: ts.VariableDeclaration, element: ts.BindingElement): ts.Expression | undefined {
  if (!ts.isArrayBindingPattern(decl.name) || element.parent !== decl.name || element.dotDotDotToken) return undefined;
  const init = unwrap(decl.initializer!);
  if (!isPromiseAll(init) || init.arguments.length !== 1) return undefined;
  const list = unwrap(init.arguments[0]!);
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const item = list.elements[decl.name.elements.indexOf(element)];
  return item && !ts.isSpreadElement(item) && !ts.isOmittedExpression(item) ? item : undefined;
}
