/**
 * Facts computed once per syntax tree (a file's import bindings, a class's `this.x()` calls), kept
 * for one analysis and dropped when it ends.
 *
 * Not a module-level `WeakMap`: such a map lives in V8's old generation, and its young collector
 * keeps a value recorded there alive for as long as the next full collection is away, even once
 * the key is garbage. A value that points back into its tree (a node, a list of nodes) kept the
 * whole tree alive through every young collection, so that trees of files long analyzed were
 * promoted to the old generation, which then grew to the process's peak (measured on the
 * benchmark corpus: 254 MB promoted in one run against the parse floor's 32 MB). The map here is
 * made on first use within an analysis, so it is young itself, and {@link dropTreeMemos} (called
 * when `analyze()` returns) lets it go with its trees.
 *
 * Same interface as a `WeakMap` for what the rules use. Outside an analysis (a test calling a
 * helper directly) a memo keeps its entries until the next analysis ends, with `WeakMap` keys.
 */
export class TreeMemo<K extends object, V> {
  private map: WeakMap<K, V> | undefined;

  constructor() {
    memos.push(this as TreeMemo<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.map?.get(key);
  }

  has(key: K): boolean {
    return this.map?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    (this.map ??= new WeakMap()).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map?.delete(key) ?? false;
  }

  /** Forgets every entry (the analysis that made them has ended). */
  drop(): void {
    this.map = undefined;
  }
}

const memos: TreeMemo<object, unknown>[] = [];

/** Drops every memo's entries: `analyze()` calls it as it returns, so no tree outlives its analysis through a memo. */
export function dropTreeMemos(): void {
  for (let i = 0; i < memos.length; i++) memos[i]!.drop();
}
