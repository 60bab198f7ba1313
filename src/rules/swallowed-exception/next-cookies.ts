/**
 * A try that only writes cookies through Next.js's cookie store (held round 41, tfcm's Lucia
 * `validateRequest`; round 35's `@supabase/ssr` `setAll` template without its comment):
 *
 *   try {
 *     if (session && session.fresh) {
 *       const sessionCookie = await lucia.createSessionCookie(session.id);
 *       cookies().set(sessionCookie.name, sessionCookie.value, sessionCookie.attributes);
 *     }
 *   } catch {}
 *
 * Next.js's `cookies().set` throws when called while a Server Component renders (it works only in
 * a Server Action or Route Handler), and Lucia's and Supabase's documented helpers catch exactly
 * that: the middleware or the next action sets the cookie. The store is `cookies()` imported from
 * `next/headers`, called in place or kept in a `const` (`const cookieStore = await cookies()`);
 * the try holds only its `set`/`delete` calls (also in a `forEach` callback), `if`s, and `const`s
 * built in place or by a `create…Cookie` call. Anything else in the try keeps the catch judged.
 */
import { ts } from "../../engine/ts";
import { bareExpression, calleeName, importBindings, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

const stores = new TreeMemo<ts.SourceFile, Set<string>>();

/** The local names of Next.js's `cookies` and of the consts that hold its store, per file. */
function cookieNames(sf: ts.SourceFile): Set<string> {
  const known = stores.get(sf);
  if (known) return known;
  const names = new Set<string>();
  for (const [local, b] of importBindings(sf)) if (b.spec === "next/headers" && b.exported === "cookies") names.add(local);
  if (names.size > 0) {
    const fns = new Set(names);
    const visit = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        let e: ts.Expression = n.initializer;
        while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
        if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && fns.has(e.expression.text)) names.add(n.name.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  stores.set(sf, names);
  return names;
}

/** `cookies().set(…)`, `(await cookies()).delete(…)`, `cookieStore.set(…)`. */
function setsACookie(e: ts.Expression, names: Set<string>): boolean {
  e = bareExpression(e);
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !/^(?:set|delete)$/.test(e.expression.name.text)) return false;
  let store: ts.Expression = e.expression.expression;
  while (ts.isAwaitExpression(store) || ts.isParenthesizedExpression(store)) store = store.expression;
  if (ts.isIdentifier(store)) return names.has(store.text);
  return ts.isCallExpression(store) && ts.isIdentifier(store.expression) && names.has(store.expression.text);
}

/** No call but a `create…Cookie` one: `sessionCookie.name`, `session && session.fresh`, `await lucia.createSessionCookie(id)`. */
function builtInPlace(e: ts.Node): boolean {
  if (isFunctionLike(e)) return false;
  if (ts.isCallExpression(e) && !/^create\w*Cookie$/.test(calleeName(e) ?? "")) return false;
  return !(ts.forEachChild(e, (c) => (builtInPlace(c) ? undefined : true)) ?? false);
}

function onlyCookieWrites(st: ts.Statement, names: Set<string>, seen: { sets: number }): boolean {
  if (ts.isBlock(st)) return st.statements.every((s) => onlyCookieWrites(s, names, seen));
  if (ts.isIfStatement(st)) return builtInPlace(st.expression) && onlyCookieWrites(st.thenStatement, names, seen) && (!st.elseStatement || onlyCookieWrites(st.elseStatement, names, seen));
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.every((d) => !d.initializer || builtInPlace(d.initializer));
  if (!ts.isExpressionStatement(st)) return false;
  const e = st.expression;
  if (setsACookie(e, names)) return ++seen.sets > 0;
  // `cookiesToSet.forEach(({ name, value, options }) => cookieStore.set(name, value, options))`
  if (ts.isCallExpression(e) && calleeName(e) === "forEach" && e.arguments.length === 1) {
    const cb = e.arguments[0]!;
    if (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb)) return false;
    if (!ts.isBlock(cb.body)) return setsACookie(cb.body, names) && ++seen.sets > 0;
    return cb.body.statements.every((s) => onlyCookieWrites(s, names, seen));
  }
  return false;
}

/** The try only writes cookies through Next.js's cookie store (see above). */
export function onlySetsNextCookies(tryBlock: ts.Block): boolean {
  const names = cookieNames(tryBlock.getSourceFile());
  if (names.size === 0) return false;
  const seen = { sets: 0 };
  return tryBlock.statements.every((s) => onlyCookieWrites(s, names, seen)) && seen.sets > 0;
}
