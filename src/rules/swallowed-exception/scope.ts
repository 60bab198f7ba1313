import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

/** Where a catch or handler sits: its function, that function's name and parameters. */
export interface Scope {
  fn: ts.FunctionLikeDeclaration | undefined;
  /** Readable name for messages and log lines: `loadUser`, `GET /users/:id`, `UserService.create`. */
  name: string | undefined;
  params: string[];
  /** Parameter names of every enclosing function, innermost first. */
  allParams: string[];
  inClass: boolean;
  /** The class whose instance `this` is here (an instance member, reached through arrows only). */
  thisClass?: ts.ClassLikeDeclaration;
}

export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

function nameText(n: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
  return undefined;
}

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "all", "head", "options", "route"]);

/** A name for a function: its own, its variable's, its property's, or the route it handles. */
export function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isGetAccessor(fn) || ts.isSetAccessor(fn)) && fn.name) {
    const own = nameText(fn.name);
    if (own) return own;
  }
  if (ts.isConstructorDeclaration(fn)) return "constructor";
  let node: ts.Node = fn;
  // Look through wrappers such as asyncHandler(async (req, res) => …) or useCallback(…, []).
  for (let depth = 0; depth < 3; depth++) {
    const p = node.parent;
    if (!p) return undefined;
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return nameText(p.name);
    // exports.handler = async (event) => …
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node) {
      return ts.isPropertyAccessExpression(p.left) ? p.left.name.text : ts.isIdentifier(p.left) ? p.left.text : undefined;
    }
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) {
      node = p;
      continue;
    }
    if (ts.isCallExpression(p)) {
      const callee = p.expression;
      const first = p.arguments[0];
      if (ts.isPropertyAccessExpression(callee) && ROUTE_METHODS.has(callee.name.text) && first && ts.isStringLiteralLike(first) && first !== node) {
        return `${callee.name.text.toUpperCase()} ${first.text}`;
      }
      node = p;
      continue;
    }
    return undefined;
  }
  return undefined;
}

export function scopeOf(node: ts.Node): Scope {
  const fn = enclosingFunction(node);
  const params = fn ? fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : "")) : [];
  const allParams: string[] = [];
  let inClass = false;
  let thisClass: ts.ClassLikeDeclaration | undefined;
  let crossedFunction = false;
  // A static member's `this` is the class itself, not an instance that carries a logger.
  const instanceMember = (m: ts.Node): boolean => ts.isClassLike(m.parent) && !(ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword));
  for (let f: ts.Node | undefined = fn; f; f = f.parent) {
    if (isFunctionLike(f)) {
      for (const p of f.parameters) if (ts.isIdentifier(p.name)) allParams.push(p.name.text);
      if (ts.isMethodDeclaration(f) || ts.isConstructorDeclaration(f) || ts.isGetAccessor(f) || ts.isSetAccessor(f)) {
        if (!crossedFunction) inClass = ts.isClassLike(f.parent);
        if (!crossedFunction && instanceMember(f)) thisClass = f.parent as ts.ClassLikeDeclaration;
        break;
      }
      // `this` changes meaning inside a function expression/declaration, not inside an arrow.
      if (!ts.isArrowFunction(f)) crossedFunction = true;
    }
    if (ts.isPropertyDeclaration(f) && !crossedFunction) {
      inClass = true;
      if (instanceMember(f)) thisClass = f.parent as ts.ClassLikeDeclaration;
      break;
    }
  }
  let name = fn ? functionName(fn) : undefined;
  if (name && fn && ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) && fn.parent.name) name = `${fn.parent.name.text}.${name}`;
  return { fn, name, params, allParams, inClass, ...(thisClass ? { thisClass } : {}) };
}

// Cheap-to-log values: identifiers, names, counts; never bodies, never secrets.
const CHEAP_NAME_RE = /^(?:id|ids|[a-z]\w*(?:Id|ID|Ids|Name|Count|Index|Number|No|Slug|Type|Kind|Code)|name|count|index|slug|attempt|attempts|page|limit|offset|retries|jobName|queue|topic|bucket|table|key|filePath|fileName|file|dir|path|port|host|region|locale|status|event|method|route|version)$/;
const SECRET_NAME_RE = /secret|token|passw|pwd|apikey|api_key|auth|credential|private|session|cookie|signature|salt|otp|pin$/i;

/**
 * Identifiers the try block reads that are cheap to log and still in scope in the catch:
 * call arguments, template spans and property values, not declared inside the try block.
 */
export function contextIdentifiers(tryBlock: ts.Node, exclude: ReadonlySet<string>, max = 3): string[] {
  const declared = new Set<string>();
  const used: string[] = [];
  const addBinding = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) declared.add(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) addBinding(n.name);
    else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) declared.add(n.name.text);
    else if (ts.isIdentifier(n)) {
      const p = n.parent;
      const valuePosition =
        (ts.isCallExpression(p) || ts.isNewExpression(p)) ? p.expression !== n :
        ts.isTemplateSpan(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === n) ||
        (ts.isElementAccessExpression(p) && p.argumentExpression === n) || (ts.isBinaryExpression(p) && p.right === n);
      if (valuePosition && !used.includes(n.text)) used.push(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return used.filter((u) => !declared.has(u) && !exclude.has(u) && CHEAP_NAME_RE.test(u) && !SECRET_NAME_RE.test(u)).slice(0, max);
}
