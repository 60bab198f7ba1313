/**
 * A function exported wrapped in a memoizing cache (issue 11, session 42, production formbricks):
 * `export const getOrganization = reactCache(async (organizationId) => { validateInputs([organizationId, ZId]); … })`
 * with `import { cache as reactCache } from "react"`, Next.js's `unstable_cache(fn, keys, options)`, lodash's
 * `memoize(fn)`. The wrapper calls the function with the caller's arguments (or answers an earlier
 * result for the same ones), so what the function does with its parameters is what the call does: a
 * first statement that validates them validates the call's input, and a query by them is the use.
 * Any other wrapper (`withAuth(fn)`, `action(fn)`) may change the arguments and is not looked through.
 */
import { ts } from "../../engine/ts";
import { isFunctionLike, unwrap, type FunctionLike } from "./ast";

/** Packages whose export `cache`/`unstable_cache`/`memoize` is a memoizing wrapper, by the name imported. */
const CACHE_EXPORTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["react", new Set(["cache"])],
  ["next/cache", new Set(["unstable_cache", "cache"])],
  ["lodash", new Set(["memoize"])],
  ["lodash/memoize", new Set(["default"])],
  ["lodash.memoize", new Set(["default"])],
  ["lodash-es", new Set(["memoize"])],
]);

/** True when `local` is bound at the top of `sf` by an import of one of the cache wrappers above. */
function importsCacheWrapper(sf: ts.SourceFile, local: string): boolean {
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause || st.importClause.isTypeOnly) continue;
    const names = CACHE_EXPORTS.get(st.moduleSpecifier.text);
    if (!names) continue;
    if (st.importClause.name?.text === local) return names.has("default");
    const nb = st.importClause.namedBindings;
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) if (el.name.text === local) return names.has((el.propertyName ?? el.name).text);
    }
  }
  return false;
}

/**
 * The function `node` wraps when it is a call of an imported cache wrapper whose first argument is a
 * function written there (`reactCache(async (id) => …)`, `unstable_cache(async (id) => …, ["key"])`);
 * otherwise `node` itself.
 */
export function cachedFunction(node: ts.Node, sf: ts.SourceFile): ts.Node {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.arguments.length === 0) return node;
  const inner = unwrap(node.arguments[0]!);
  if (!isFunctionLike(inner) || !importsCacheWrapper(sf, node.expression.text)) return node;
  return inner as FunctionLike;
}
