import { ts } from "./ts";

/**
 * Pre-order walk over every node, iterative so that 10,000 nested parentheses cannot overflow
 * the stack. The stack array is reused across calls: no allocation per node.
 */
const stack: ts.Node[] = [];
let pending = 0;
/** The node whose children `link` is pushing. */
let linkParent: ts.Node | undefined;
function push(child: ts.Node): undefined {
  stack.push(child);
  pending++;
  return undefined; // forEachChild stops on a truthy return
}

/** Visits every node below and including `root`, parents before children, children in source order. */
export function walk(root: ts.Node, visit: (node: ts.Node) => void): void {
  preorder(root, visit, undefined, push);
}

/** The file the engine is dispatching, with its node list (pre-order, only the kinds `kinds` marks). */
let listed: { root: ts.Node; list: NodeList; kinds: Uint8Array } | undefined;

/** Set by the engine while the rules' visitors and hooks run on `root`; cleared as they end. */
export function setListedTree(root: ts.Node, list: NodeList, kinds: Uint8Array): void {
  listed = { root, list, kinds };
}
export function clearListedTree(): void {
  listed = undefined;
}

/**
 * Calls `visit` on every node below and including `root` whose kind is one of `kinds`, in the
 * order of {@link walk}. While the engine analyzes `root` and lists those kinds for its
 * visitors, this reads that list (a third of the tree) instead of walking the whole tree.
 */
export function walkKinds(root: ts.Node, kinds: readonly ts.SyntaxKind[], visit: (node: ts.Node) => void): void {
  const l = listed;
  if (l !== undefined && l.root === root && kinds.every((k) => l.kinds[k] === 1)) {
    for (let i = 0, all = l.list.nodes; i < l.list.length; i++) {
      const node = all[i]!;
      if (kinds.includes(node.kind)) visit(node);
    }
    return;
  }
  walk(root, (node) => {
    if (kinds.includes(node.kind)) visit(node);
  });
}

/** Depth of each node on `stack` (parallel to it), and the deepest seen by the last pass. */
const depths: number[] = [];
let deepest = 0;

/**
 * The nodes of one parse in pre-order: `nodes[0 .. length)`. The array keeps its size from file to
 * file: emptied with `length = 0`, V8 gave its backing store back and the next file grew it again,
 * the largest allocation of the engine outside the parser. {@link NodeList.clear} empties its
 * slots instead, so that no tree outlives its analysis.
 */
export class NodeList {
  readonly nodes: Array<ts.Node | undefined> = [];
  length = 0;

  add(node: ts.Node): void {
    this.nodes[this.length++] = node;
  }

  clear(): void {
    this.nodes.fill(undefined, 0, this.length);
    this.length = 0;
  }
}

/**
 * The one iterative pre-order loop: `child` pushes (and may link) each child of the node popped.
 * `out` lists the nodes whose kind `kinds` marks (every node without `kinds`).
 */
function preorder(root: ts.Node, visit: ((node: ts.Node) => void) | undefined, out: NodeList | undefined, child: (c: ts.Node) => undefined, kinds?: Uint8Array): number {
  const base = stack.length;
  stack.push(root);
  depths.length = base;
  depths.push(0);
  deepest = 0;
  try {
    while (stack.length > base) {
      const node = stack.pop()!;
      const depth = depths.pop()! + 1;
      if (depth > deepest) deepest = depth;
      visit?.(node);
      if (out !== undefined && (kinds === undefined || kinds[node.kind] === 1)) out.add(node);
      linkParent = node;
      pending = 0;
      ts.forEachChild(node, child);
      for (let k = 0; k < pending; k++) depths.push(depth);
      // Children were pushed in source order; reverse them so the first child pops first.
      for (let i = stack.length - pending, j = stack.length - 1; i < j; i++, j--) {
        const t = stack[i]!;
        stack[i] = stack[j]!;
        stack[j] = t;
      }
    }
    return deepest;
  } finally {
    stack.length = base;
    depths.length = base;
    // Hold no node past the pass: the last parent would keep the whole tree (and its text) alive
    // into the next file's parse, long enough for the young collector to promote it.
    linkParent = undefined;
  }
}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
  ".jsx": ts.ScriptKind.JSX,
};

export const SOURCE_EXTENSIONS = Object.keys(SCRIPT_KINDS);

export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot).toLowerCase() : "";
}

/** Script kind from the file extension; `.d.ts` and unknown extensions are not analyzable. */
export function scriptKindOf(path: string): ts.ScriptKind | undefined {
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined;
  return SCRIPT_KINDS[extensionOf(path)];
}

export function isAnalyzablePath(path: string): boolean {
  return scriptKindOf(path) !== undefined;
}

/**
 * No rule reads JSDoc, so the parser skips it: `jsDocParsingMode` is what tsc and esbuild-style
 * tools use for the same reason. Comments stay in the text as trivia.
 */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

function link(child: ts.Node): undefined {
  (child as { parent: ts.Node }).parent = linkParent!;
  stack.push(child);
  pending++;
  return undefined;
}

/**
 * Sets every node's `parent` in one iterative pre-order pass and, when `out` is given, lists the
 * nodes in that order (only those of the kinds `kinds` marks, when given: the ones some rule
 * visits). This replaces `createSourceFile(…, setParentNodes: true)`, whose generic recursive
 * fix-up pass costs more than the whole walk; the engine's dispatch then runs over the list.
 */
export function linkTree(root: ts.Node, out?: NodeList, kinds?: Uint8Array): number {
  return preorder(root, undefined, out, link, kinds);
}

/** Lists the nodes below and including `root` whose kind `kinds` marks, in pre-order, into `out` (parents already set). */
export function listNodes(root: ts.Node, out: NodeList, kinds: Uint8Array): void {
  preorder(root, undefined, out, push, kinds);
}

/** How deep the tree of the last {@link parse} went (the source file is depth 1). */
export let lastTreeDepth = 0;

/**
 * Deepest bracket nesting (`(`, `[`, `{`) in the text, read in one pass without a parser
 * (strings and comments are not told apart: a cheap upper bound). Stops counting at `cap + 1`.
 */
export function bracketDepth(text: string, cap: number): number {
  let depth = 0;
  let max = 0;
  // One table lookup per character instead of six comparisons: this pass reads every file whole.
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 125) continue;
    const d = BRACKET[c]!;
    if (d === 0) continue;
    if (d > 0) {
      if (++depth > max && (max = depth) > cap) return max;
    } else if (depth > 0) depth--;
  }
  return max;
}

/**
 * Whether the text nests brackets deeper than `cap` (`bracketDepth(text, cap) > cap`). Nesting
 * needs an opening bracket per level, so a text with at most `cap` of them is answered by
 * `indexOf` scans that stop at the cap, faster than reading every character; most files are.
 */
export function bracketsDeeperThan(text: string, cap: number): boolean {
  let opens = 0;
  for (const open of OPENERS) {
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) {
      if (++opens > cap) return bracketDepth(text, cap) > cap;
    }
  }
  return false;
}

const OPENERS = ["(", "[", "{"] as const;

/** +1 for `(` `[` `{`, -1 for `)` `]` `}`, 0 for every other character up to `}` (125). */
const BRACKET = new Int8Array(126);
BRACKET[40] = BRACKET[91] = BRACKET[123] = 1;
BRACKET[41] = BRACKET[93] = BRACKET[125] = -1;

/** Parse without parent pointers: enough to read syntax errors (fix checks). */
export function parseBare(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKindOf(path) ?? ts.ScriptKind.TS);
}

/**
 * Parse once, with parent pointers, as every rule needs; `out` receives every node in pre-order
 * (only those of the kinds `kinds` marks, when given).
 */
export function parse(path: string, text: string, out?: NodeList, kinds?: Uint8Array): ts.SourceFile {
  const sf = parseBare(path, text);
  lastTreeDepth = linkTree(sf, out, kinds);
  return sf;
}

/** Syntax errors the parser recorded (the TS parser recovers, so the tree is still usable). */
export function parseDiagnostics(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** The deepest node whose full range (with leading trivia) holds `pos`; the file when none does. */
export function innermostNodeAt(sf: ts.SourceFile, pos: number): ts.Node {
  let node: ts.Node = sf;
  // Bounded like the walk: absurd nesting stops the descent rather than the analysis.
  for (let depth = 0; depth < 10_000; depth++) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= pos && pos < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) break;
    node = next;
  }
  return node;
}
