import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

/**
 * Where a function runs once per item of a batch, by name: the `.map` calls of the file that hand
 * it each item (`files.map(parseFile)`, `files.map(async (f, i) => parseFile(f, i))`), and the
 * functions that call it and answer "none" when it does (`const c = await getConfig(f); if (!c)
 * return null;`), which may be such items themselves. Built once per file.
 */
interface ByName {
  maps: ts.CallExpression[];
  checkedBy: ts.FunctionLikeDeclaration[];
}

const INDEX = new TreeMemo<ts.SourceFile, Map<string, ByName>>();

function strip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  return e;
}

/** `parseFile(…)`, `await parseFile(…)`: the name of the plain function called. */
function calledName(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  e = strip(e);
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : undefined;
}

/** The function a `.map` argument runs for each item: its name, or the one its callback only calls. */
function itemFunctionName(arg: ts.Expression): string | undefined {
  if (ts.isIdentifier(arg)) return arg.text;
  if (!ts.isArrowFunction(arg) && !ts.isFunctionExpression(arg)) return undefined;
  if (!ts.isBlock(arg.body)) return calledName(arg.body);
  const only = arg.body.statements.length === 1 ? arg.body.statements[0] : undefined;
  return only && ts.isReturnStatement(only) ? calledName(only.expression) : undefined;
}

function isNone(e: ts.Expression | undefined): boolean {
  return !!e && (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined"));
}

/** `if (!c) return null;` / `if (!c) { return null }`. */
function answersNoneWhenFalsy(st: ts.Statement | undefined, name: string): boolean {
  if (!st || !ts.isIfStatement(st) || st.elseStatement) return false;
  const c = st.expression;
  if (!ts.isPrefixUnaryExpression(c) || c.operator !== ts.SyntaxKind.ExclamationToken || !ts.isIdentifier(c.operand) || c.operand.text !== name) return false;
  let then: ts.Statement = st.thenStatement;
  if (ts.isBlock(then) && then.statements.length === 1) then = then.statements[0];
  return ts.isReturnStatement(then) && isNone(then.expression);
}

function indexOf(sf: ts.SourceFile): Map<string, ByName> {
  let idx = INDEX.get(sf);
  if (idx) return idx;
  const made = new Map<string, ByName>();
  const entry = (name: string): ByName => {
    let e = made.get(name);
    if (!e) made.set(name, (e = { maps: [], checkedBy: [] }));
    return e;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "map" && n.arguments[0]) {
      const name = itemFunctionName(n.arguments[0]);
      if (name) entry(name).maps.push(n);
    }
    if (ts.isBlock(n) && n.parent && isFunctionLike(n.parent)) {
      const fn = n.parent;
      n.statements.forEach((st, i) => {
        if (!ts.isVariableStatement(st) || st.declarationList.declarations.length !== 1) return;
        const d = st.declarationList.declarations[0];
        const name = calledName(d.initializer);
        if (name && ts.isIdentifier(d.name) && answersNoneWhenFalsy(n.statements[i + 1], d.name.text)) entry(name).checkedBy.push(fn);
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  INDEX.set(sf, made);
  return made;
}

/** `async function parseFile(…)`, `const parseFile = async (…) => …`: the function's own name. */
function ownName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  const p = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && p && ts.isVariableDeclaration(p) && p.initializer === fn && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/**
 * The `.map(…)` calls that run `fn` once per item: `fn` written as the callback, or named in the
 * file's `.map` calls (`files.map(parseFile)`, `files.map((f) => parseFile(f))`), or, one hop
 * further, a function that answers "none" when `fn` does and is such an item itself.
 */
export function itemMapsOf(fn: ts.FunctionLikeDeclaration, hops = 1): ts.CallExpression[] {
  const p = fn.parent;
  if (p && ts.isCallExpression(p) && p.arguments[0] === fn && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "map") return [p];
  const name = ownName(fn);
  if (!name) return [];
  const e = indexOf(fn.getSourceFile()).get(name);
  if (!e) return [];
  const out = [...e.maps];
  if (hops > 0) for (const g of e.checkedBy) if (g !== fn) out.push(...itemMapsOf(g, hops - 1));
  return out;
}

/** `null`, `undefined`, or an object literal of only those (`{ link: null, form: null }`). */
export function isNoneAnswer(v: ts.Expression | undefined): boolean {
  if (!v || isNone(v)) return true;
  return ts.isObjectLiteralExpression(v) && v.properties.length > 0 && v.properties.every((p) => ts.isPropertyAssignment(p) && isNone(p.initializer));
}

/**
 * `results.filter(…)`, `results.map((c) => c.link).filter(Boolean)`: a filter whose receiver is
 * the results, directly or through `.map`/`.flatMap` projections (with `projected`, through at least one:
 * an item answered as an object of `null`s is dropped only field by field).
 */
export function filtersResults(call: ts.CallExpression, results: string, projected: boolean): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "filter") return false;
  let r: ts.Expression = call.expression.expression;
  let hops = 0;
  for (; ts.isCallExpression(r) && ts.isPropertyAccessExpression(r.expression) && /^(?:map|flatMap)$/.test(r.expression.name.text); hops++) r = r.expression.expression;
  return ts.isIdentifier(r) && r.text === results && (!projected || hops > 0);
}
