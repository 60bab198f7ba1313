/**
 * A preload: a rejection handler on a load of code whose promise nobody keeps, where the same load is
 * made again for real (production homarr, session 34):
 *
 *   const loadMenu = () => import("./menu");
 *   const preloadMenu = () => void loadMenu().catch(() => undefined);
 *   const Menu = dynamic(() => loadMenu().then((m) => m.Menu));
 *
 * The loader answers a dynamic `import()` (or a `.then` of one, or a promise it memoises from one:
 * `if (memo) return memo; const p = import("./menu"); memo = p; return p;`), so the preload only
 * warms the module cache. The promise is dropped (a statement of its own, or under `void`) and the
 * file, or the loader's own module, calls the loader again where its answer is used (`use(loadMenu())`,
 * `dynamic(() => loadMenu()…)`, `await loadMenu()`): that real load fails again, with its cause, under
 * the page's error boundary. The preload's failure loses nothing the user would see. A loader whose
 * body is not read (a package's function), one that answers anything but a code load (`prime(id)`,
 * a fetch), or a loader no other code uses, stays reported.
 */
import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import { importedFunction, type ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { findRefs, unwrap } from "../unvalidated-boundary/ast";
import { TreeMemo } from "../../engine/tree-memo";

/** Whether `call` (`x.catch(h)` or `x.then(ok, h)`) is such a preload (see the module comment). */
export function preloadsCode(call: ts.CallExpression, project: { files: ProjectFiles; path: string }): boolean {
  if (!answerDropped(call)) return false;
  const load = baseLoad((call.expression as ts.PropertyAccessExpression).expression);
  if (!load) return false;
  const sf = call.getSourceFile();
  if (isImportCall(load)) {
    // `void import("./menu").catch(() => {})` beside `dynamic(() => import("./menu"))`.
    const spec = load.arguments[0];
    return spec !== undefined && ts.isStringLiteralLike(spec) && importsAgain(sf, spec.text, load);
  }
  if (!ts.isIdentifier(load.expression)) return false;
  const name = load.expression.text;
  const local = topLevelFunction(name, sf);
  const imported = local ? undefined : importedFunction(load, sf, project.path, project.files);
  const fn = local ?? imported?.fn;
  if (!fn || !answersCodeLoad(fn, 0)) return false;
  if (usedElsewhere(name, sf, call)) return true;
  // The loader's own module loads it for real: `use(loadModal())` beside `export const loadModal = …`.
  const fnName = imported && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : imported && ts.isFunctionDeclaration(fn) ? fn.name?.text : undefined;
  return imported !== undefined && fnName !== undefined && usedElsewhere(fnName, imported.sf, undefined);
}

/** The handler's chain answers nothing anyone keeps: a statement of its own, or `void …`. */
function answerDropped(call: ts.CallExpression): boolean {
  let p: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return ts.isExpressionStatement(p) || ts.isVoidExpression(p);
}

/** `loadMenu()` under `loadMenu().then((m) => m.Menu)`: the call a chain of success links starts from. */
function baseLoad(e: ts.Expression): ts.CallExpression | undefined {
  let cur = unwrap(e);
  for (let depth = 0; depth < 8 && ts.isCallExpression(cur); depth++) {
    const callee = cur.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "then" || cur.arguments.length !== 1) return cur;
    cur = unwrap(callee.expression);
  }
  return undefined;
}

function isImportCall(e: ts.Node): boolean {
  return ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.ImportKeyword;
}

/** Another `import("spec")` of the file, outside the preload's own. */
function importsAgain(sf: ts.SourceFile, spec: string, own: ts.CallExpression): boolean {
  const a = own.arguments[0];
  const mine = a && ts.isStringLiteralLike(a) && a.text === spec ? 1 : 0;
  return (importCounts(sf).get(spec) ?? 0) > mine;
}

const importCountsOf = new TreeMemo<ts.SourceFile, ReadonlyMap<string, number>>();

/** How many `import("spec")` calls the file makes of each literal specifier, read once per file. */
function importCounts(sf: ts.SourceFile): ReadonlyMap<string, number> {
  let out = importCountsOf.get(sf);
  if (out) return out;
  const counts = new Map<string, number>();
  const visit = (n: ts.Node): void => {
    if (isImportCall(n)) {
      const a = (n as ts.CallExpression).arguments[0];
      if (a && ts.isStringLiteralLike(a)) counts.set(a.text, (counts.get(a.text) ?? 0) + 1);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  importCountsOf.set(sf, (out = counts));
  return out;
}

/**
 * Every answer of `fn` is a code load (`import("./x")`, a `.then` of one, a local `const` holding
 * one, a call of a loader of the same module) or a bare name (a memo read: `if (memo) return memo`),
 * and at least one is a code load.
 */
function answersCodeLoad(fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  const body = fn.body;
  if (!body || depth > 2) return false;
  const answers: ts.Expression[] = [];
  if (!ts.isBlock(body)) answers.push(body as ts.Expression);
  else {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression) answers.push(n.expression);
      ts.forEachChild(n, visit);
    };
    visit(body);
  }
  let loads = 0;
  for (const a of answers) {
    if (isCodeLoad(a, fn, depth)) loads++;
    else if (!ts.isIdentifier(unwrap(a))) return false;
  }
  return loads > 0;
}

function isCodeLoad(e: ts.Expression, fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  const x = unwrap(e);
  if (isImportCall(x)) return true;
  if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "then") return isCodeLoad(x.expression.expression, fn, depth);
  if (ts.isCallExpression(x) && ts.isIdentifier(x.expression)) {
    const other = topLevelFunction(x.expression.text, fn.getSourceFile());
    return other !== undefined && other !== fn && answersCodeLoad(other, depth + 1);
  }
  if (ts.isIdentifier(x)) {
    // `const p = import("./menu"); … return p;`: a `const` of the loader itself.
    const init = constInit(x.text, fn);
    return init !== undefined && isCodeLoad(init, fn, depth);
  }
  return false;
}

/** The initializer of the `const name` declared in `fn`'s own body (not in a nested function). */
function constInit(name: string, fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  let out: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (out || (ts.isFunctionLike(n) && n !== fn)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer && ts.isVariableDeclarationList(n.parent) && n.parent.flags & ts.NodeFlags.Const) out = n.initializer;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}

/**
 * A reference to the loader `name` in `sf` outside `own` whose answer is used: not itself a dropped
 * chain ending in a handler (another preload), and not the loader's own declaration.
 */
function usedElsewhere(name: string, sf: ts.SourceFile, own: ts.Node | undefined): boolean {
  for (const id of findRefs(name, sf, 0)) {
    if (own && id.pos >= own.pos && id.end <= own.end) continue;
    if (ts.isCallExpression(id.parent) && id.parent.expression === id && droppedWithHandler(id.parent)) continue;
    if (ts.isExportSpecifier(id.parent)) continue;
    return true;
  }
  return false;
}

/** `loadMenu().catch(() => undefined)` dropped: the call is the start of a chain whose handler nobody keeps. */
function droppedWithHandler(start: ts.CallExpression): boolean {
  let cur: ts.Expression = start;
  for (let depth = 0; depth < 8; depth++) {
    const link = cur.parent;
    if (!ts.isPropertyAccessExpression(link) || link.expression !== cur || !ts.isCallExpression(link.parent)) return false;
    const next = link.parent;
    const name = link.name.text;
    if (name === "catch" || (name === "then" && next.arguments.length === 2)) return answerDropped(next);
    if (name !== "then") return false;
    cur = next;
  }
  return false;
}
