#!/usr/bin/env node
// Installs the pinned benchmark corpus (bench/corpus.json `corpus`) into bench/corpus/ and
// links the selected source files into bench/corpus/tree/, outside any node_modules/ folder,
// so that every tool (ours, ESLint, secretlint) walks the very same files with its own
// defaults. Idempotent: does nothing when the pinned versions are installed and the tree
// was built from the same corpus.json.
//
//   node bench/install-corpus.mjs           corpus + tree
//   node bench/install-corpus.mjs --peers   also the peer tools (ESLint, secretlint) into bench/.peers/
//   node bench/install-corpus.mjs --force   reinstall and relink
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CORPUS_DIR,
  PEERS_DIR,
  TREE_DIR,
  countLines,
  isSourceName,
  readCorpusConfig,
  rejectReason,
} from "./files.mjs";

const MANIFEST = path.join(CORPUS_DIR, "tree.json");

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Versions of `pins` found in `prefix`/node_modules, and the ones that differ. */
export function checkInstalled(prefix, pins) {
  const installed = {};
  const missing = [];
  for (const [name, version] of Object.entries(pins)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(prefix, "node_modules", name, "package.json"), "utf8"));
      installed[name] = pkg.version;
      if (pkg.version !== version) missing.push(`${name}@${version} (found ${pkg.version})`);
    } catch {
      missing.push(`${name}@${version}`);
    }
  }
  return { installed, missing };
}

function npmInstall(prefix, pins, before) {
  fs.mkdirSync(prefix, { recursive: true });
  const specs = Object.entries(pins).map(([n, v]) => `${n}@${v}`);
  const args = ["install", "--prefix", prefix, "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"];
  if (before) args.push(`--before=${before}`);
  log(`npm ${args.join(" ")} ${specs.join(" ")}`);
  // All packages in one command: a later `--no-save` install would prune the earlier ones.
  const r = spawnSync("npm", [...args, ...specs], { stdio: ["ignore", "inherit", "inherit"], cwd: prefix });
  if (r.status !== 0) throw new Error(`npm install into ${prefix} failed (exit ${r.status})`);
}

/** Every package.json under node_modules (top level and nested), as name → version(s). */
export function installedPackages(prefix) {
  const out = {};
  const visit = (nm) => {
    let entries;
    try {
      entries = fs.readdirSync(nm, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith(".")) continue;
      const dirs = e.name.startsWith("@")
        ? fs.readdirSync(path.join(nm, e.name), { withFileTypes: true }).filter((s) => s.isDirectory()).map((s) => path.join(nm, e.name, s.name))
        : [path.join(nm, e.name)];
      for (const dir of dirs) {
        try {
          const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
          const list = (out[pkg.name] ??= []);
          if (!list.includes(pkg.version)) list.push(pkg.version);
        } catch {
          /* not a package */
        }
        visit(path.join(dir, "node_modules"));
      }
    }
  };
  visit(path.join(prefix, "node_modules"));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function treeKey(config) {
  const h = createHash("sha256");
  h.update(JSON.stringify([config.corpus, config.before, config.exclude, config.filters, 2]));
  return h.digest("hex").slice(0, 16);
}

function linkOrCopy(src, dst) {
  try {
    fs.linkSync(src, dst);
  } catch (e) {
    if (e.code === "EEXIST") return;
    fs.copyFileSync(src, dst);
  }
}

/**
 * Links the selected files of bench/corpus/node_modules into bench/corpus/tree/. Nested
 * `node_modules` segments become `_node_modules` so that no tool skips them by default.
 */
function buildTree(config) {
  const nmRoot = path.join(CORPUS_DIR, "node_modules");
  fs.rmSync(TREE_DIR, { recursive: true, force: true });
  fs.mkdirSync(TREE_DIR, { recursive: true });
  const excludes = Object.keys(config.exclude ?? {});
  const rejected = { excluded: 0 };
  const perPackage = {};
  let files = 0;
  let bytes = 0;
  let lines = 0;
  const made = new Set();
  const ensureDir = (d) => {
    if (!made.has(d)) {
      fs.mkdirSync(d, { recursive: true });
      made.add(d);
    }
  };
  const packageOf = (rel) => {
    const segs = rel.split("/");
    let i = segs.lastIndexOf("node_modules");
    const start = i === -1 ? 0 : i + 1;
    return segs[start].startsWith("@") ? `${segs[start]}/${segs[start + 1]}` : segs[start];
  };
  const stack = [""];
  while (stack.length) {
    const relDir = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(path.join(nmRoot, relDir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (!relDir && e.name.startsWith(".")) continue; // .bin, .package-lock.json
      if (e.isDirectory()) {
        if (e.name === ".bin") continue;
        stack.push(rel);
        continue;
      }
      if (!e.isFile()) continue;
      const isSource = isSourceName(e.name);
      if (!isSource && e.name !== "package.json") continue;
      if (excludes.some((x) => rel.startsWith(x))) {
        if (isSource) rejected.excluded++;
        continue;
      }
      const src = path.join(nmRoot, rel);
      const dstRel = rel.split("/").map((s) => (s === "node_modules" ? "_node_modules" : s)).join("/");
      const dst = path.join(TREE_DIR, dstRel);
      if (isSource) {
        const size = fs.statSync(src).size;
        let text;
        const read = () => (text ??= fs.readFileSync(src, "utf8"));
        const reason = rejectReason(size, read, config.filters);
        if (reason) {
          rejected[reason] = (rejected[reason] ?? 0) + 1;
          continue;
        }
        const n = countLines(read());
        files++;
        bytes += size;
        lines += n;
        const pkg = packageOf(rel);
        const p = (perPackage[pkg] ??= { files: 0, lines: 0, bytes: 0 });
        p.files++;
        p.lines += n;
        p.bytes += size;
      }
      ensureDir(path.dirname(dst));
      linkOrCopy(src, dst);
    }
  }
  return { files, lines, bytes, rejected, perPackage };
}

/** Installs the corpus if needed and (re)builds the tree. Returns the manifest. */
export function ensureCorpus({ force = false } = {}) {
  const config = readCorpusConfig();
  let { missing } = checkInstalled(CORPUS_DIR, config.corpus);
  let reinstalled = false;
  if (force || missing.length) {
    if (missing.length) log(`corpus: installing (${missing.length} of ${Object.keys(config.corpus).length} pinned packages missing or at another version)`);
    npmInstall(CORPUS_DIR, config.corpus, config.before);
    reinstalled = true;
    ({ missing } = checkInstalled(CORPUS_DIR, config.corpus));
    if (missing.length) throw new Error(`corpus still lacks ${missing.join(", ")} after npm install`);
  }
  const key = treeKey(config);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  } catch {
    manifest = undefined;
  }
  if (!reinstalled && manifest?.key === key && fs.existsSync(TREE_DIR)) return manifest;
  log("corpus: linking the selected files into bench/corpus/tree/");
  const t0 = performance.now();
  const stats = buildTree(config);
  manifest = {
    key,
    builtAt: new Date().toISOString(),
    pinned: config.corpus,
    ...stats,
    packages: installedPackages(CORPUS_DIR),
  };
  fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  log(`corpus: ${stats.files} files, ${stats.lines} lines, ${(stats.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return manifest;
}

/** Installs the peer tools into bench/.peers/ if needed. Returns their installed versions. */
export function ensurePeers({ force = false } = {}) {
  const config = readCorpusConfig();
  let { missing, installed } = checkInstalled(PEERS_DIR, config.peers);
  if (force || missing.length) {
    if (missing.length) log(`peers: installing ${missing.join(", ")}`);
    npmInstall(PEERS_DIR, config.peers, config.before);
    ({ missing, installed } = checkInstalled(PEERS_DIR, config.peers));
    if (missing.length) throw new Error(`bench/.peers still lacks ${missing.join(", ")} after npm install`);
  }
  return installed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  const force = args.has("--force");
  const m = ensureCorpus({ force });
  console.log(`corpus: ${m.files} files, ${m.lines} lines, ${(m.bytes / 1e6).toFixed(1)} MB (tree: ${path.relative(process.cwd(), TREE_DIR) || "."})`);
  if (args.has("--peers")) {
    const peers = ensurePeers({ force });
    console.log(`peers: ${Object.entries(peers).map(([n, v]) => `${n}@${v}`).join(" ")}`);
  }
}
