/**
 * Promises that cannot reject, so nothing reaches the handler around them:
 * - `await this.pendingWrite` where every value the class gives the field is one that cannot reject:
 *   `Promise.resolve()` or a chain ending in a rejection handler that answers a plain value
 *   (`this.pendingWrite = operation.then(() => undefined, () => undefined)`, `x.catch(() => {})`);
 * - TanStack Query's `queryClient.prefetchQuery(…)` / `prefetchInfiniteQuery(…)`, which never reject
 *   (a failed query is kept in the cache), and `Promise.all([…])` of them.
 * Field assignments are found through the per-file property-access index (`accessesNamed`).
 */
import { ts } from "../../engine/ts";
import { accessesNamed, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { plain } from "./handled-inside";

/** `() => undefined`, `() => {}`, `() => null`: a handler that answers a plain value and throws nothing. */
function quietHandler(h: ts.Expression | undefined): boolean {
  if (!h || (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h))) return false;
  if (!ts.isBlock(h.body)) return plain(h.body);
  return h.body.statements.every((s) => ts.isReturnStatement(s) ? !s.expression || plain(s.expression) : false);
}

/** A promise that cannot reject: `Promise.resolve()` of a plain value, `p.then(a, quiet)`, `p.catch(quiet)`. */
function settled(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  if (e.expression.expression.getText() === "Promise" && method === "resolve") return e.arguments.length === 0 || (e.arguments.length === 1 && plain(e.arguments[0]!));
  // The success handler of `.then(ok, quiet)` may throw; only a plain one counts.
  if (method === "then") return e.arguments.length === 2 && quietHandler(e.arguments[0]) && quietHandler(e.arguments[1]);
  return method === "catch" && e.arguments.length === 1 && quietHandler(e.arguments[0]);
}

/**
 * `this.pendingWrite`, a field of the enclosing class declared with a value that cannot reject and
 * given only such values anywhere in the class (`this.pendingWrite = op.then(() => undefined, () => undefined)`).
 */
export function fieldCannotReject(e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e) || e.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const name = e.name.text;
  let cls: ts.Node | undefined = e.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return false;
  const decl = (cls as ts.ClassLikeDeclaration).members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
  if (!decl?.initializer || !settled(decl.initializer)) return false;
  for (const a of accessesNamed(cls, name)) {
    if (a.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const p = a.parent;
    if (ts.isBinaryExpression(p) && p.left === a && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !settled(p.right)) return false;
    }
    // `delete this.pendingWrite`, `[this.pendingWrite] = …`: the field given something else.
    if (ts.isDeleteExpression(p) || ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p)) return false;
  }
  return true;
}

/**
 * `try { await this.pendingWrite; } catch {}`: a try whose every statement awaits a promise that
 * cannot reject (a settled field, TanStack prefetches). Nothing reaches the catch.
 */
export function tryOnlyAwaitsSettled(tryBlock: ts.Block): boolean {
  return tryBlock.statements.length > 0 && tryBlock.statements.every((s) => ts.isExpressionStatement(s) && ts.isAwaitExpression(s.expression) && (fieldCannotReject(s.expression.expression) || onlyPrefetchesQueries(s.expression.expression)));
}

const PREFETCH_QUERY_RE = /^(?:prefetchQuery|prefetchInfiniteQuery)$/;

/** `queryClient.prefetchQuery({…})`, or `Promise.all([…])` / `Promise.allSettled` of such calls only. */
export function onlyPrefetchesQueries(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  if (ts.isPropertyAccessExpression(e.expression) && PREFETCH_QUERY_RE.test(e.expression.name.text)) return e.arguments.every((a) => !containsAwaitOrCall(a));
  const name = e.expression.getText();
  if (name !== "Promise.all" && name !== "Promise.allSettled") return false;
  const [arr] = e.arguments;
  return e.arguments.length === 1 && !!arr && ts.isArrayLiteralExpression(arr) && arr.elements.length > 0 && arr.elements.every((x) => !ts.isSpreadElement(x) && onlyPrefetchesQueries(x));
}

/** The options of a prefetch: plain values and spread query options (`{ ...listScreens, staleTime: MS }`), no call that could throw first. */
function containsAwaitOrCall(n: ts.Node): boolean {
  let found = false;
  const visit = (c: ts.Node): void => {
    if (found || isFunctionLike(c)) return; // `queryFn: () => fetch(…)` runs inside the prefetch, which catches its failure
    if (ts.isCallExpression(c) || ts.isAwaitExpression(c) || ts.isNewExpression(c)) found = true;
    else ts.forEachChild(c, visit);
  };
  visit(n);
  return found;
}
