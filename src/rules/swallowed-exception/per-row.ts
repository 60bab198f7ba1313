/**
 * Per-row enrichment in a `Promise.all` map, its failure answered "none" (`null`, `undefined`) for
 * that one row (held round 24, debatable; production homarr, session 34):
 *
 *   const rows = await Promise.all(systems.map(async (system) => {
 *     const details = await api.details(system.id).catch((error) => { logger.warn("…", { error }); return null; });
 *     return toRow(system, details);
 *   }));
 *
 * The rows come from a list in hand; one row's extra (details, a proxied image) fails and that row is
 * built without it, the others go on. The failed value is held by a `const` the callback's answer is
 * built from, or set straight into a field of the row (`item.posterUrl = await proxy(url).catch(() =>
 * undefined)`, `url: await proxy(url).catch(…)` in the object the callback answers). A made-up value
 * (`return []`, `return 0`), a map whose answer is not handed to `Promise.all`/`Promise.allSettled`,
 * or a value kept elsewhere stays reported.
 */
import { ts } from "../../engine/ts";
import { accessesNamed, exportListNames, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { findRefs, unwrap } from "../unvalidated-boundary/ast";
import { isLogCall } from "./analysis";

/** `null`, `undefined`, `void 0`: the "none" a row's missing extra reads as. */
export function isNone(e: ts.Expression): boolean {
  const x = unwrap(e);
  return x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined") || ts.isVoidExpression(x);
}

/**
 * Whether a rejection handler answers "none": `() => null`, `(e) => logger.warn(e)` (a log line's
 * `undefined`), `(e) => { log(e); return undefined; }`, a body with no value returned. A concise body
 * that calls anything else (`() => fromCache(id)`) answers that call's value.
 */
export function handlerAnswersNone(h: ts.Expression): boolean {
  if (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h)) return false;
  if (!ts.isBlock(h.body)) return isNone(h.body) || isLogCall(unwrap(h.body));
  let valued = false;
  const visit = (n: ts.Node): void => {
    if (valued || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !isNone(n.expression)) valued = true;
    ts.forEachChild(n, visit);
  };
  visit(h.body);
  return !valued;
}

/** See the module comment: `value` (a chain or a call) answers one row's extra inside a `Promise.all` map. */
export function enrichesRowInAllMap(value: ts.Expression): boolean {
  let e: ts.Node = value;
  while (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent)) e = e.parent;
  const fn = rowCallback(e);
  if (!fn) return false;
  const p = e.parent;
  // `item.posterUrl = await proxy(url)…`: a field of the row.
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === e) return ts.isPropertyAccessExpression(p.left) || ts.isElementAccessExpression(p.left);
  // `{ mediaKey, url: await proxy(url)… }` answered by the callback.
  if (ts.isPropertyAssignment(p) && p.initializer === e) return answered(p.parent, fn);
  // `const details = await api.details(id)…;` then `return toRow(system, details)`.
  if (ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name) && ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) {
    const name = p.name.text;
    return findRefs(name, fn.body!, p.getEnd()).some((ref) => answered(ref, fn));
  }
  return false;
}

/** The async callback of `list.map(cb)` handed to `Promise.all(…)` (or `allSettled`) that `node` runs in. */
function rowCallback(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return undefined;
  const map = fn.parent;
  if (!ts.isCallExpression(map) || map.arguments[0] !== fn || !ts.isPropertyAccessExpression(map.expression) || map.expression.name.text !== "map") return undefined;
  let outer: ts.Node = map.parent;
  while (ts.isParenthesizedExpression(outer) || ts.isAsExpression(outer)) outer = outer.parent;
  if (!ts.isCallExpression(outer) || !outer.arguments.some((a) => unwrap(a) === map)) return undefined;
  const callee = outer.expression;
  return ts.isPropertyAccessExpression(callee) && /^(?:all|allSettled)$/.test(callee.name.text) && ts.isIdentifier(callee.expression) && callee.expression.text === "Promise" ? fn : undefined;
}

/** Whether `node` is (part of) what the callback answers: inside its `return` or its concise body, not in a nested function. */
function answered(node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  for (let n: ts.Node = node; n !== fn; n = n.parent) {
    if (n.parent === fn && !ts.isBlock(n)) return true;
    if (ts.isReturnStatement(n)) return true;
    if (isFunctionLike(n) || ts.isBlock(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/**
 * `private async proxyImageAsync(url) { try { return await proxy.create(url); } catch { return null; } }`
 * whose every call in the file fills one row's field in a `Promise.all` map (`stream.posterUrl = await
 * this.proxyImageAsync(url)`): the catch answers "none" (besides log lines) to rows only, as above. A
 * helper also called elsewhere (its answer kept, returned, tested) stays reported.
 */
export function helperAnswersNoneToRows(clause: ts.CatchClause, isLog: (s: ts.Statement) => boolean): boolean {
  const rest = clause.block.statements.filter((s) => !isLog(s));
  const last = rest[rest.length - 1];
  if (rest.length !== 1 || !last || !ts.isReturnStatement(last) || (last.expression && !isNone(last.expression))) return false;
  let fn: ts.Node | undefined = clause.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn)) return false;
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (!name) return false;
  // Every use of the name in the file (the per-file reference and property-access indexes, not a walk per catch):
  // each a call that fills one row of a `Promise.all` map. A name handed on in an export list has callers unseen.
  const sf = fn.getSourceFile();
  if (exportListNames(sf).has(name)) return false;
  const uses: ts.Node[] = [...findRefs(name, sf, 0), ...accessesNamed(sf, name).map((a) => a.name)];
  let calls = 0;
  for (const n of uses) {
    const p = n.parent;
    const call = ts.isCallExpression(p) && p.expression === n ? p : ts.isPropertyAccessExpression(p) && p.name === n && p.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
    if (!call || !enrichesRowInAllMap(call)) return false;
    calls++;
  }
  return calls > 0;
}
