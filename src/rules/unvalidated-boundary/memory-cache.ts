import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";

/**
 * The names a file binds to the `memory-cache` module (`import cache from "memory-cache"`,
 * `const cache = require("memory-cache")`): the process's own in-memory store, memoized per file.
 */
const MEMORY_CACHE_NAMES = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

function memoryCacheNames(sf: ts.SourceFile): ReadonlySet<string> {
  const known = MEMORY_CACHE_NAMES.get(sf);
  if (known) return known;
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === "memory-cache") {
      const clause = st.importClause;
      if (clause?.name) names.add(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.add(clause.namedBindings.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" && init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]!) && init.arguments[0].text === "memory-cache") names.add(d.name.text);
      }
    }
  }
  MEMORY_CACHE_NAMES.set(sf, names);
  return names;
}

const MEMORY_CACHE_KEY_METHODS: ReadonlySet<string> = new Set(["get", "put", "del"]);

/**
 * `cache.get(`${tokenCacheKey}.${service}`)`, `cache.put(key, token, ttl)` with `cache` the `memory-cache`
 * module: a request value only the key of the process's in-memory store is looked up or files an entry the
 * server writes, no use (the docs: a request value used only as a key of an in-memory store of
 * server-written entries; production homepage's widget proxies). The entry's value is judged as before.
 */
export function memoryCacheKey(call: ts.CallExpression, arg: ts.Node): boolean {
  if (call.arguments[0] !== arg) return false;
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression) || !MEMORY_CACHE_KEY_METHODS.has(e.name.text)) return false;
  return memoryCacheNames(call.getSourceFile()).has(e.expression.text);
}
