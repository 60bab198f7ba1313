import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { receiverSegments } from "../ast";
import { pathKey } from "./path-key";
import { TreeMemo } from "../../../engine/tree-memo";

const STORAGE = new Set(["localStorage", "sessionStorage"]);

/** A `setItem` of this module: which Web Storage, the key as the module spells it, and the value written. */
export type StorageWrite = { storage: string; key: string; value: ts.Expression };

const writes = new TreeMemo<ts.SourceFile, readonly StorageWrite[]>();

/** The Web Storage area a `getItem`/`setItem` call is made on (`localStorage`, `window.sessionStorage`). */
export function storageOf(call: ts.CallExpression): string | undefined {
  return receiverSegments(call).find((r) => STORAGE.has(r));
}

/**
 * Every `localStorage.setItem(key, value)` / `sessionStorage.setItem(…)` of the module, anywhere in it,
 * with the key spelled as `pathKey` spells a file path (a `const` becomes its initializer), so that
 * `getItem(LS_KEY)` and `setItem(LS_KEY, …)`, or `getItem(storageKey(name))` and
 * `setItem(storageKey(name), …)`, name one entry.
 */
export function storageWrites(sf: ts.SourceFile): readonly StorageWrite[] {
  const known = writes.get(sf);
  if (known) return known;
  const out: StorageWrite[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && calleeName(n) === "setItem" && n.arguments.length === 2) {
      const storage = storageOf(n);
      const key = storage ? pathKey(n.arguments[0]) : undefined;
      if (storage && key) out.push({ storage, key, value: n.arguments[1]! });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  writes.set(sf, out);
  return out;
}

/**
 * A Web Storage entry the module itself writes as JSON text (`isJsonText` tells) under the key the
 * `getItem` names, in the same storage area: its own serialized state, like a file it writes itself.
 */
export function storageWrittenBySameFile(read: ts.CallExpression, isJsonText: (e: ts.Expression) => boolean): boolean {
  const storage = storageOf(read);
  const key = storage ? pathKey(read.arguments[0]) : undefined;
  return !!key && storageWrites(read.getSourceFile()).some((w) => w.storage === storage && w.key === key && isJsonText(w.value));
}
