import { isFunctionLikeDeclaration, unwrap } from "../../engine/ast";
import { ts } from "../../engine/ts";

/** Small syntax questions of this family: option objects, names, the function around a node. */

// Parens, casts, `!`, `satisfies` and `await` stripped: the engine's, re-exported for this family's modules.
export { unwrap };

/** The text of a property name (`timeout`, `"timeout"`), or undefined for computed names. */
export function propName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The property `key` of an object literal (the last one wins, like at run time). */
export function prop(obj: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const p of obj.properties) if (!ts.isSpreadAssignment(p) && propName(p.name) === key) found = p;
  return found;
}

/** The value of property `key`: the initializer, or the identifier of a shorthand property. */
export function propValue(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  const p = prop(obj, key);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** True when the object literal spreads another object that may carry any key. */
export function hasSpread(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isSpreadAssignment(p));
}

/** `0`, `Infinity`, `false`, `null`, `undefined`, `-1`: values that set no limit. */
export function isNoLimit(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isNumericLiteral(u)) return Number(u.text) === 0;
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken) return true;
  if (u.kind === ts.SyntaxKind.FalseKeyword || u.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(u)) return u.text === "undefined" || u.text === "Infinity";
  if (ts.isPropertyAccessExpression(u)) return u.getText() === "Number.POSITIVE_INFINITY" || u.getText() === "Number.MAX_SAFE_INTEGER" || u.getText() === "Number.MAX_VALUE";
  return false;
}

/** The innermost function around `node` (not `node` itself). */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionLikeDeclaration(p)) return p;
  return undefined;
}

/** The name a function is known by: its own, its variable's, its property's or its method's. */
export function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  if (fn.name) return propName(fn.name as ts.PropertyName);
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p)) return propName(p.name);
  return undefined;
}

/**
 * True when the module text lets other files reach `name`: `export function name`, `export const
 * name`, `export { name }`, `export default name`, or a CommonJS export of it (`exports.name =`,
 * `module.exports = name`). A `module.exports = { name }` object uses the name as a value, which
 * every caller of this counts as a use other than a call.
 */
export function exportsName(name: string, text: string): boolean {
  const n = name.replace(/\$/g, "\\$");
  return new RegExp(`\\bexport\\s+(?:default\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var)\\s+${n}(?![\\w$])|\\bexport\\s*\\{[^}]*(?<![\\w$])${n}(?![\\w$])|\\bexport\\s+default\\s+${n}(?![\\w$])|\\bexports\\s*(?:\\.\\s*${n}(?![\\w$])|\\[\\s*["'\`]${n}["'\`])|\\bmodule\\.exports\\s*=\\s*${n}(?![\\w$])`).test(text);
}

/** True when `name` is bound by a parameter of `fn` (also inside a destructuring pattern). */
export function isParameterOf(fn: ts.FunctionLikeDeclaration, name: string): boolean {
  const inBinding = (b: ts.BindingName): boolean => {
    if (ts.isIdentifier(b)) return b.text === name;
    return b.elements.some((el) => !ts.isOmittedExpression(el) && inBinding(el.name));
  };
  return fn.parameters.some((p) => inBinding(p.name));
}

/** True when `name` is a parameter of any function around `node`. */
export function isParameterAround(node: ts.Node, name: string): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (isParameterOf(fn, name)) return true;
  return false;
}

/** Visits every descendant of `node`, not entering nested functions when `shallow`. */
export function forEachDescendant(node: ts.Node, visit: (n: ts.Node) => boolean | void, shallow = true): void {
  const walk = (n: ts.Node): void => {
    if (visit(n) === false) return;
    if (shallow && n !== node && isFunctionLikeDeclaration(n)) return;
    n.forEachChild(walk);
  };
  node.forEachChild(walk);
}

/** True when `node` or a node below it passes `test` (stops at the first); nested functions not entered when `shallow`. */
export function someNode(node: ts.Node, test: (n: ts.Node) => boolean, shallow = true): boolean {
  const walk = (n: ts.Node): boolean => test(n) || (!(shallow && n !== node && isFunctionLikeDeclaration(n)) && (n.forEachChild(walk) ?? false));
  return walk(node);
}

/** The statement that holds `node` (the node itself when it is one). */
export function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let p: ts.Node | undefined = node; p; p = p.parent) if (ts.isStatement(p) || ts.isClassElement(p)) return p as ts.Statement;
  return undefined;
}
