import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

/**
 * A name the file binds to the whole `memory-cache` module (`import cache from "memory-cache"`,
 * `import * as cache from "memory-cache"`, `const cache = require("memory-cache")`): the process's own
 * in-memory store. The file's import bindings are the engine's, gathered once per file.
 */
function isMemoryCache(sf: ts.SourceFile, name: string): boolean {
  const b = importBindings(sf).get(name);
  return b?.spec === "memory-cache" && b.kind !== "named" && (b.kind !== "require" || b.exported === "*");
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
  return isMemoryCache(call.getSourceFile(), e.expression.text);
}
