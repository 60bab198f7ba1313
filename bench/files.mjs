#!/usr/bin/env node
// Lists the benchmark's source files: `.js .jsx .mjs .cjs .ts .tsx .mts .cts`, without
// declaration files, in a deterministic order (by path relative to the root, compared by
// UTF-16 code unit, `/` as separator).
//
//   node bench/files.mjs                  the corpus tree (bench/corpus/tree/)
//   node bench/files.mjs ~/some/project   any folder (node_modules/ and .git/ are skipped)
//   node bench/files.mjs --quick          every Nth file (N = corpus.json quickEvery)
//   node bench/files.mjs --stats          counts instead of paths
//   --max-kb N / --max-line N             the size and minified-file filters (corpus.json)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.dirname(BENCH_DIR);
export const CORPUS_DIR = path.join(BENCH_DIR, "corpus");
/** Where install-corpus.mjs links the selected corpus files (outside any node_modules/). */
export const TREE_DIR = path.join(CORPUS_DIR, "tree");
export const PEERS_DIR = path.join(BENCH_DIR, ".peers");
export const BUILD_DIR = path.join(BENCH_DIR, ".build");

export const EXTENSIONS = [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"];
const SOURCE_RE = /\.(?:js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;
const DECLARATION_RE = /\.d\.(?:ts|mts|cts)$|\.d\.[^./\\]+\.ts$/;
/** Folders never entered when listing an arbitrary folder. */
export const SKIP_DIRS = new Set(["node_modules", ".git"]);

export function readCorpusConfig() {
  return JSON.parse(fs.readFileSync(path.join(BENCH_DIR, "corpus.json"), "utf8"));
}

export function isSourceName(name) {
  return SOURCE_RE.test(name) && !DECLARATION_RE.test(name);
}

/** `ts.ScriptKind` name for a path; the caller maps it onto the enum. */
export function scriptKindName(file) {
  if (file.endsWith(".tsx")) return "TSX";
  if (file.endsWith(".jsx")) return "JSX";
  if (/\.[mc]?ts$/.test(file)) return "TS";
  return "JS";
}

export function countLines(text) {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function longestLine(text) {
  let max = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > max) max = end - start;
    if (nl === -1) return max;
    start = nl + 1;
  }
}

/**
 * Why a file is left out, or undefined when it is kept. `text` is read lazily.
 * @param {{ maxKb?: number, maxLineLength?: number }} filters
 */
export function rejectReason(bytes, readText, filters) {
  if (filters.maxKb && bytes > filters.maxKb * 1024) return "tooLarge";
  if (filters.maxLineLength) {
    const text = readText();
    if (text.includes("\0")) return "binary";
    if (longestLine(text) > filters.maxLineLength) return "minified";
  }
  return undefined;
}

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Source files under `root`, sorted by relative path.
 * @returns {{ files: { path: string, rel: string, bytes: number }[], rejected: Record<string, number> }}
 */
export function listFiles(root, filters = {}) {
  root = path.resolve(root);
  const files = [];
  const rejected = {};
  const stack = [""];
  while (stack.length > 0) {
    const relDir = stack.pop();
    const dir = path.join(root, relDir);
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const dirs = [];
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) dirs.push(rel);
      } else if (entry.isFile() && isSourceName(entry.name)) {
        const abs = path.join(root, rel);
        const bytes = fs.statSync(abs).size;
        const reason = rejectReason(bytes, () => fs.readFileSync(abs, "utf8"), filters);
        if (reason) rejected[reason] = (rejected[reason] ?? 0) + 1;
        else files.push({ path: abs, rel, bytes });
      }
    }
    dirs.sort(byCodeUnit).reverse();
    stack.push(...dirs);
  }
  files.sort((a, b) => byCodeUnit(a.rel, b.rel));
  return { files, rejected };
}

/** Every `every`-th file (0, every, 2·every, …): the `--quick` subset. */
export function quickSubset(files, every) {
  return every > 1 ? files.filter((_, i) => i % every === 0) : files;
}

function parseArgs(argv) {
  const opts = { root: undefined, quick: false, stats: false, maxKb: undefined, maxLine: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") opts.quick = true;
    else if (a === "--stats") opts.stats = true;
    else if (a === "--max-kb") opts.maxKb = Number(argv[++i]);
    else if (a === "--max-line") opts.maxLine = Number(argv[++i]);
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.root = a;
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const opts = parseArgs(process.argv.slice(2));
  const config = readCorpusConfig();
  const root = path.resolve(opts.root ?? TREE_DIR);
  if (!fs.existsSync(root)) {
    console.error(`${root} does not exist${opts.root ? "" : ": run `node bench/install-corpus.mjs` first"}`);
    process.exit(1);
  }
  const filters = {
    maxKb: opts.maxKb ?? config.filters.maxKb,
    maxLineLength: opts.maxLine ?? config.filters.maxLineLength,
  };
  const listed = listFiles(root, filters);
  const files = opts.quick ? quickSubset(listed.files, config.quickEvery) : listed.files;
  if (opts.stats) {
    let bytes = 0;
    let lines = 0;
    const byExt = {};
    for (const f of files) {
      const text = fs.readFileSync(f.path, "utf8");
      bytes += f.bytes;
      lines += countLines(text);
      const ext = path.extname(f.rel);
      byExt[ext] = (byExt[ext] ?? 0) + 1;
    }
    console.log(JSON.stringify({ root, files: files.length, lines, bytes, byExt, rejected: listed.rejected }, null, 2));
  } else {
    process.stdout.write(files.map((f) => f.path).join("\n") + (files.length ? "\n" : ""));
  }
}
