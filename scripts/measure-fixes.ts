/**
 * The real-project fix check (issue 12): for each app in eval/fixes/manifest.json, apply every
 * offered fix one at a time and type-check the project before and after. A measurement, not a
 * CI test: it needs the fetched mirrors and the npm registry.
 *
 *   npx tsx scripts/measure-fixes.ts [--limit N] [--seed S] [--only owner/name]
 *                                    [--review N] [--no-tsc] [--no-install] [--no-cli-baseline]
 *                                    [--out FILE] [--merge a.json,b.json]
 *
 * - The tree is materialised from the mirror (/work/.mirror/<owner>+<name>/repo, made by the
 *   search tool's `fetch`) at the pinned commit into /tmp/hh-fixes/<owner>__<name>, outside the
 *   repository. Dependencies are installed there with install scripts off, once per commit.
 * - The project's own TypeScript (else typescript@5 installed under /tmp/hh-fixes/_typescript)
 *   runs the manifest's tsc command once for the baseline figure; the per-fix check uses that
 *   TypeScript's language service on the project's tsconfig: after a fix, only the changed
 *   files' snapshots change, and the diagnostics of the changed files and of the files that
 *   import them are compared with the same files' diagnostics before (keyed by file, code and
 *   message, so line shifts are tolerated).
 * - `--limit N` checks a seeded sample of N fixes per family per project, spread over the fix
 *   titles (every fix is still counted as offered). `--review N` writes a seeded sample of N
 *   offered fixes that change code (directive-only "Mark as …" fixes left out), spread over the
 *   families, fix titles and repos, as before/after snippets to /tmp/hh-fixes/review.md (never into the repository).
 * - `--no-cli-baseline` skips the separate tsc run (the language service still takes each
 *   compared file's errors before the fix). `--only a/b,c/d --out part.json` runs some projects;
 *   `--merge part1.json,part2.json` sums such parts (run side by side) into --out.
 * Results go to eval/fixes/results.json (counts, titles, locations and first error messages;
 * no code).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import { allRules, analyze } from "../src/engine/analyze";
import { applyFixes } from "../src/engine/apply-fixes";
import { applyEdits } from "../src/engine/fix-invariants";
import { ConfigResolver, listSourceFiles } from "../src/engine/files";
import { FsProjectHost } from "../src/engine/project-host";
import type { Finding, Fix, TextEdit } from "../src/engine/types";
// The seeded mulberry32 generator the robustness tests use: the same seed gives the same sequence everywhere.
import { rng } from "../test/helpers/generate";

const REPO_ROOT = path.resolve(__dirname, "..");
const WORK = "/tmp/hh-fixes";
const MIRRORS = "/work/.mirror";
const FALLBACK_TS = path.join(WORK, "_typescript");

interface ManifestEntry {
  repo: string;
  commit: string;
  subfolder?: string;
  framework: string;
  install: string;
  tsc: string;
  /** Fixes checked per family in this project, when lower than --limit (large projects). */
  limit?: number;
  notes?: string;
}

interface Args {
  limit: number;
  seed: number;
  only?: string;
  review: number;
  tsc: boolean;
  install: boolean;
  out: string;
  outGiven: boolean;
  cliBaseline: boolean;
  merge: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { limit: 40, seed: 12, review: 0, tsc: true, install: true, out: path.join(REPO_ROOT, "eval/fixes/results.json"), outGiven: false, cliBaseline: true, merge: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--limit") args.limit = Number(next());
    else if (a === "--seed") args.seed = Number(next());
    else if (a === "--only") args.only = next();
    else if (a === "--review") args.review = Number(next());
    else if (a === "--no-tsc") args.tsc = false;
    else if (a === "--no-install") args.install = false;
    else if (a === "--out") {
      args.out = path.resolve(next());
      args.outGiven = true;
    } else if (a === "--no-cli-baseline") args.cliBaseline = false;
    else if (a === "--merge") args.merge = next().split(",").map((f) => path.resolve(f));
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const { int } = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// Materialise and install

function treeOf(entry: ManifestEntry): string {
  return path.join(WORK, entry.repo.replace("/", "__"));
}

function mirrorOf(entry: ManifestEntry): string {
  return path.join(MIRRORS, entry.repo.replace("/", "+"), "repo");
}

/** Extracts the pinned commit (again over an existing tree, so a crashed run leaves no edits behind). */
function materialise(entry: ManifestEntry): string | undefined {
  const mirror = mirrorOf(entry);
  if (!fs.existsSync(mirror)) {
    log(`  MIRROR MISSING: ${mirror} does not exist; fetch github:${entry.repo} with the search tool's fetch, then run again`);
    return undefined;
  }
  const tree = treeOf(entry);
  const marker = path.join(tree, ".hh-fixes-commit");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8").trim() !== entry.commit) fs.rmSync(tree, { recursive: true, force: true });
  fs.mkdirSync(tree, { recursive: true });
  const archive = execFileSync("git", ["--git-dir", mirror, "archive", entry.commit], { maxBuffer: 1 << 30 });
  execFileSync("tar", ["-x", "-C", tree], { input: archive, maxBuffer: 1 << 30 });
  fs.writeFileSync(marker, `${entry.commit}\n`);
  return tree;
}

function install(entry: ManifestEntry, projectDir: string, allowed: boolean): boolean {
  const nm = path.join(projectDir, "node_modules");
  const marker = path.join(nm, ".hh-fixes-installed");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8").trim() === entry.commit) return true;
  if (!allowed) {
    if (fs.existsSync(nm)) return true;
    log(`  no node_modules and --no-install: skipped`);
    return false;
  }
  if (!/--ignore-scripts\b/.test(entry.install)) throw new Error(`${entry.repo}: the install command must turn install scripts off (--ignore-scripts)`);
  log(`  installing: ${entry.install}`);
  const t0 = Date.now();
  const r = spawnSync(entry.install, { cwd: projectDir, shell: true, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) {
    log(`  install failed (${r.status}): ${(r.stderr ?? "").split("\n").slice(-5).join(" | ")}`);
    return false;
  }
  fs.writeFileSync(marker, `${entry.commit}\n`);
  log(`  installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return true;
}

/** The project's own typescript, else typescript@5 installed once under /tmp. */
function typescriptFor(projectDir: string): { ts: typeof TS; dir: string; own: boolean } {
  let dir: string | undefined;
  try {
    dir = path.dirname(require.resolve("typescript/package.json", { paths: [projectDir] }));
  } catch {
    dir = undefined;
  }
  const own = dir !== undefined && dir.startsWith(projectDir);
  if (!own) {
    dir = path.join(FALLBACK_TS, "node_modules", "typescript");
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(FALLBACK_TS, { recursive: true });
      execFileSync("npm", ["install", "--prefix", FALLBACK_TS, "--ignore-scripts", "--no-audit", "--no-fund", "typescript@5"], { stdio: "ignore" });
    }
  }
  return { ts: require(dir!) as typeof TS, dir: dir!, own };
}

/** Runs the manifest's tsc command with the resolved TypeScript; returns the error count it printed. */
function baselineTsc(entry: ManifestEntry, projectDir: string, tsDir: string): { errors: number; seconds: number } {
  const words = entry.tsc.split(/\s+/).filter(Boolean);
  const at = words.indexOf("tsc");
  if (at === -1) throw new Error(`${entry.repo}: the tsc command must run tsc`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(tsDir, "lib", "tsc.js"), ...words.slice(at + 1)], { cwd: projectDir, encoding: "utf8", maxBuffer: 1 << 28 });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const errors = (out.match(/error TS\d+:/g) ?? []).length;
  return { errors, seconds: Math.round((Date.now() - t0) / 100) / 10 };
}

function tsconfigOf(entry: ManifestEntry): string {
  const words = entry.tsc.split(/\s+/);
  const p = words.indexOf("-p") !== -1 ? words.indexOf("-p") : words.indexOf("--project");
  return p === -1 ? "tsconfig.json" : words[p + 1]!;
}

// ---------------------------------------------------------------------------------------------
// The type checker: a language service over the project's tsconfig

interface Diag {
  key: string;
  file: string;
  line: number;
  message: string;
}

export class Checker {
  private readonly versions = new Map<string, number>();
  private readonly ls: TS.LanguageService;
  private readonly options: TS.CompilerOptions;
  readonly rootFiles: Set<string>;
  private importers: Map<string, Set<string>> | undefined;
  private readonly baseline = new Map<string, Diag[]>();

  constructor(
    private readonly ts: typeof TS,
    private readonly projectDir: string,
    tsconfig: string,
  ) {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(projectDir, tsconfig), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, " "));
      },
    });
    if (!parsed) throw new Error(`cannot read ${tsconfig}`);
    this.options = parsed.options;
    this.rootFiles = new Set(parsed.fileNames.map((f) => path.resolve(f)));
    const host: TS.LanguageServiceHost = {
      getScriptFileNames: () => [...this.rootFiles],
      getScriptVersion: (f) => String(this.versions.get(path.resolve(f)) ?? 0),
      getScriptSnapshot: (f) => {
        const text = ts.sys.readFile(f);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => projectDir,
      getCompilationSettings: () => this.options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      getProjectReferences: () => parsed.projectReferences,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    this.ls = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /** The file's text changed on disk: the next diagnostics read it again. */
  touch(file: string): void {
    const abs = path.resolve(file);
    this.versions.set(abs, (this.versions.get(abs) ?? 0) + 1);
  }

  diagnostics(file: string): Diag[] {
    const ts = this.ts;
    const all = [...this.ls.getSyntacticDiagnostics(file), ...this.ls.getSemanticDiagnostics(file)];
    return all
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
        const rel = path.relative(this.projectDir, d.file?.fileName ?? file);
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return { key: `${rel}\u0000TS${d.code}\u0000${message}`, file: rel, line, message: `TS${d.code}: ${message}` };
      });
  }

  /** Diagnostics of the unchanged project (computed on first need, while every file is original). */
  baselineOf(file: string): Diag[] {
    let b = this.baseline.get(file);
    if (!b) {
      b = this.diagnostics(file);
      this.baseline.set(file, b);
    }
    return b;
  }

  /** Every file of the current program (declaration files of dependencies included). */
  programFiles(): Set<string> {
    return new Set((this.ls.getProgram()?.getSourceFiles() ?? []).map((f) => path.resolve(f.fileName)));
  }

  /** Project files that import `file` directly (module resolution as the project configures it). */
  importersOf(file: string): string[] {
    if (!this.importers) {
      const ts = this.ts;
      const map = new Map<string, Set<string>>();
      const cache = ts.createModuleResolutionCache(this.projectDir, (f) => f, this.options);
      for (const from of this.rootFiles) {
        const text = ts.sys.readFile(from);
        if (text === undefined) continue;
        for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
          const to = ts.resolveModuleName(imp.fileName, from, this.options, ts.sys, cache).resolvedModule?.resolvedFileName;
          if (!to) continue;
          const abs = path.resolve(to);
          if (!map.has(abs)) map.set(abs, new Set());
          map.get(abs)!.add(from);
        }
      }
      this.importers = map;
    }
    return [...(this.importers.get(path.resolve(file)) ?? [])];
  }
}

/** Errors in `after` that `before` does not have, as multisets keyed by file, code and message. */
export function newErrors(before: readonly Diag[], after: readonly Diag[]): Diag[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(d.key, (left.get(d.key) ?? 0) + 1);
  const out: Diag[] = [];
  for (const d of after) {
    const n = left.get(d.key) ?? 0;
    if (n > 0) left.set(d.key, n - 1);
    else out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Offered fixes

interface Offered {
  repo: string;
  file: string;
  /** Relative to the tree root (for reports). */
  rel: string;
  line: number;
  finding: Finding;
  fix: Fix;
  family: string;
  text: string;
}

/** A fix title with the project-specific parts (in backticks or quotes) blanked. */
export function titlePattern(title: string): string {
  return title.replace(/`[^`]*`/g, "`…`").replace(/"[^"]*"/g, '"…"').replace(/\d+/g, "N");
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function collectFixes(entry: ManifestEntry, tree: string, projectDir: string): { offered: Offered[]; files: number; findings: number; problems: number } {
  const resolver = new ConfigResolver(allRules, undefined, projectDir);
  const listed = listSourceFiles([projectDir], { resolver });
  const host = new FsProjectHost();
  const offered: Offered[] = [];
  let findings = 0;
  let problems = 0;
  for (const file of listed.files) {
    const text = fs.readFileSync(file, "utf8");
    const result = analyze({ path: file, text, config: resolver.forFile(file), project: host, fixes: true });
    problems += result.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected").length;
    for (const finding of result.findings) {
      if (finding.suppression) continue;
      findings++;
      const line = lineOf(text, finding.range.start);
      for (const fix of finding.fixes) offered.push({ repo: entry.repo, file, rel: path.relative(tree, file), line, finding, fix, family: finding.ruleId, text });
    }
  }
  return { offered, files: listed.files.length, findings, problems };
}

/** The whole new text of every file a fix writes (the analyzed file and e.g. `.env.example`). */
function plannedWrites(o: Offered): Map<string, string> {
  const applied = applyFixes(o.text, [o.fix]);
  const writes = new Map<string, string>();
  if (applied.output !== o.text) writes.set(o.file, applied.output);
  const byFile = new Map<string, TextEdit[]>();
  for (const e of applied.otherFileEdits) {
    if (!byFile.has(e.file!)) byFile.set(e.file!, []);
    byFile.get(e.file!)!.push(e);
  }
  for (const [file, edits] of byFile) {
    const before = edits.some((e) => e.create) || !fs.existsSync(file) ? "" : fs.readFileSync(file, "utf8");
    writes.set(file, applyEdits(before, edits.map((e) => ({ ...e, file: undefined }))));
  }
  return writes;
}

/** A symlink among the files a fix writes (a write would land outside the tree), if any. */
function symlinkAmong(files: Iterable<string>): string | undefined {
  for (const file of files) {
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return file;
    } catch {
      // absent: created by the fix
    }
  }
  return undefined;
}

/**
 * Dependencies that a fix adds to a package.json it writes (name → range), or that its title says
 * it adds (the editor's "Add zod to the Project" runs `npm install zod`: the latest version).
 */
function addedDependencies(writes: Map<string, string>, title: string): [string, string][] {
  const deps = (json: string): Record<string, string> => {
    const j = JSON.parse(json) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return { ...j.devDependencies, ...j.dependencies };
  };
  const out: [string, string][] = [];
  for (const [file, text] of writes) {
    if (path.basename(file) !== "package.json") continue;
    const before = fs.existsSync(file) ? deps(fs.readFileSync(file, "utf8")) : {};
    for (const [name, range] of Object.entries(deps(text))) if (!(name in before)) out.push([name, range]);
  }
  const said = /\badds the (\S+) dependency\b/.exec(title);
  if (said && !out.some(([n]) => n === said[1])) out.push([said[1]!, "latest"]);
  return out;
}

/**
 * Makes an added dependency resolvable from the project, as the install the fix asks for would:
 * installed once (scripts off) under /tmp/hh-fixes/_deps and linked into node_modules. Returns
 * the undo.
 */
function linkDependency(name: string, range: string, projectDir: string): () => void {
  const store = path.join(WORK, "_deps", `${name.replace("/", "+")}@${range.replace(/[^\w.^~-]/g, "_")}`);
  const installed = path.join(store, "node_modules", name);
  if (!fs.existsSync(installed)) {
    fs.mkdirSync(store, { recursive: true });
    execFileSync("npm", ["install", "--prefix", store, "--ignore-scripts", "--no-audit", "--no-fund", `${name}@${range}`], { stdio: "ignore" });
  }
  const target = path.join(projectDir, "node_modules", name);
  if (fs.existsSync(target)) return () => undefined;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(installed, target, "dir");
  return () => fs.unlinkSync(target);
}

/** Writes the files; the returned function puts every byte back (and removes created files), and says whether it did. */
function writeAll(writes: Map<string, string>): () => boolean {
  const originals = new Map<string, Buffer | null>();
  for (const file of writes.keys()) originals.set(file, fs.existsSync(file) ? fs.readFileSync(file) : null);
  for (const [file, text] of writes) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return () => {
    let exact = true;
    for (const [file, bytes] of originals) {
      if (bytes === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, bytes);
      exact &&= bytes === null ? !fs.existsSync(file) : fs.readFileSync(file).equals(bytes);
    }
    return exact;
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Outcome {
  repo: string;
  file: string;
  line: number;
  code: string;
  family: string;
  kind: Fix["kind"];
  title: string;
  pattern: string;
  /** ok | adds | unchecked (the file is outside the project's tsconfig) | refused */
  status: "ok" | "adds" | "unchecked" | "refused";
  error?: string;
  errorAt?: string;
  /** Dependencies the fix adds to package.json, installed for the check as the user would. */
  installed?: string;
}

interface Tally {
  offered: number;
  checked: number;
  ok: number;
  adds: number;
  unchecked: number;
}

const emptyTally = (): Tally => ({ offered: 0, checked: 0, ok: 0, adds: 0, unchecked: 0 });

function add(t: Tally, o: Outcome | undefined): void {
  t.offered++;
  if (!o) return;
  if (o.status === "unchecked") t.unchecked++;
  else {
    t.checked++;
    if (o.status === "ok") t.ok++;
    else t.adds++;
  }
}

function pct(n: number, d: number): string {
  return d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

interface Results {
  generatedAt: string;
  engineCommit: string;
  method: string;
  limitPerFamilyPerProject: number;
  seed: number;
  seconds: number;
  total: Tally;
  allButDirectiveOnly: Tally;
  byFamilyKind: Record<string, Tally>;
  byTitlePattern: (Tally & { pattern: string; family: string; kind: string })[];
  projects: Record<string, unknown>[];
  failures: Omit<Outcome, "pattern">[];
}

function printResults(r: Results): void {
  const row = (name: string, t: Tally) => [name, `${t.offered}`, `${t.checked}`, `${t.ok}`, `${t.adds}`, `${t.unchecked}`, pct(t.ok, t.checked)];
  const rows = [["family / kind", "offered", "checked", "type-check OK", "adds errors", "outside tsconfig", "OK rate"]];
  for (const [k, t] of Object.entries(r.byFamilyKind)) rows.push(row(k.replace("/", " / "), t));
  rows.push(row("all", r.total), row("all but directive-only", r.allButDirectiveOnly));
  process.stdout.write(`\n${table(rows)}\n\n`);
  const prow = [["family / kind / title pattern", "offered", "checked", "OK", "adds"]];
  for (const t of r.byTitlePattern) prow.push([`${t.family} / ${t.kind} / ${t.pattern}`, `${t.offered}`, `${t.checked}`, `${t.ok}`, `${t.adds}`]);
  process.stdout.write(`${table(prow)}\n\n`);
  for (const f of r.failures.slice(0, 40)) process.stdout.write(`FAIL ${f.repo} ${f.file}:${f.line} [${f.kind}] ${f.title}\n     ${f.errorAt ?? ""} ${f.error ?? ""}\n`);
}

/** Sums results of runs over disjoint sets of projects (for example two processes run side by side). */
function mergeResults(parts: readonly Results[]): Results {
  const sum = (ts: readonly Tally[]): Tally => ts.reduce((a, t) => ({ offered: a.offered + t.offered, checked: a.checked + t.checked, ok: a.ok + t.ok, adds: a.adds + t.adds, unchecked: a.unchecked + t.unchecked }), emptyTally());
  const byFamilyKind: Record<string, Tally> = {};
  for (const k of [...new Set(parts.flatMap((p) => Object.keys(p.byFamilyKind)))].sort()) byFamilyKind[k] = sum(parts.flatMap((p) => (p.byFamilyKind[k] ? [p.byFamilyKind[k]] : [])));
  const patterns = new Map<string, Results["byTitlePattern"][number]>();
  for (const t of parts.flatMap((p) => p.byTitlePattern)) {
    const k = `${t.family}\u0000${t.kind}\u0000${t.pattern}`;
    const prev = patterns.get(k);
    patterns.set(k, prev ? { ...prev, ...sum([prev, t]) } : t);
  }
  return {
    ...parts[0]!,
    generatedAt: new Date().toISOString(),
    engineCommit: [...new Set(parts.map((p) => p.engineCommit))].join("; "),
    seconds: Math.max(...parts.map((p) => p.seconds)),
    total: sum(parts.map((p) => p.total)),
    allButDirectiveOnly: sum(parts.map((p) => p.allButDirectiveOnly)),
    byFamilyKind,
    byTitlePattern: [...patterns].sort().map(([, t]) => t),
    projects: parts.flatMap((p) => p.projects),
    failures: parts.flatMap((p) => p.failures),
  };
}

// ---------------------------------------------------------------------------------------------
// Review sample

function editHash(o: Offered): string {
  return createHash("sha256")
    .update(JSON.stringify(o.fix.edits.map((e) => [e.file ? path.basename(e.file) : "", e.start - o.finding.range.start, e.end - o.finding.range.start, e.text])))
    .digest("hex")
    .slice(0, 12);
}

/** A directive-only fix ("Mark as …"): it adds a comment and nothing else. */
function isDirective(o: Offered): boolean {
  return /^(?:Mark as|Ignore) /.test(o.fix.title);
}

/**
 * The items in a seeded order that takes turns between the groups of the first key, and within
 * a group between the groups of the next key, and so on: a sample cut from its front is spread
 * over every key.
 */
export function spread<T>(items: readonly T[], keys: readonly ((item: T) => string)[], seed: number): T[] {
  const order = (list: readonly T[], level: number): T[] => {
    if (level === keys.length) return [...list];
    const groups = new Map<string, T[]>();
    for (const item of list) {
      const k = keys[level]!(item);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(item);
    }
    const queues = [...groups.keys()].sort().map((k) => order(groups.get(k)!, level + 1));
    const out: T[] = [];
    for (let i = 0; out.length < list.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
    return out;
  };
  return order(shuffled(items, seed), 0);
}

/** Offset where the 1-based line `line` starts (or the text's end). */
function lineStartOffset(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line && at !== -1; n++) at = text.indexOf("\n", at) + 1 || -1;
  return at === -1 ? text.length : at;
}

/** Before/after of each cluster of a fix's edits in the analyzed file (3 lines of context), and other files' edits. */
function snippet(o: Offered): string {
  const own = o.fix.edits.filter((e) => e.file === undefined).sort((x, y) => x.start - y.start);
  const out: string[] = [];
  const clusters: TextEdit[][] = [];
  for (const e of own) {
    const last = clusters.at(-1);
    if (last && lineOf(o.text, e.start) - lineOf(o.text, last.at(-1)!.end) <= 6) last.push(e);
    else clusters.push([e]);
  }
  for (const cluster of clusters) {
    const first = Math.max(1, lineOf(o.text, cluster[0]!.start) - 3);
    const last = lineOf(o.text, cluster.at(-1)!.end) + 3;
    const from = lineStartOffset(o.text, first);
    let to = lineStartOffset(o.text, last + 1);
    if (to > from && o.text[to - 1] === "\n") to--;
    const before = o.text.slice(from, to);
    const after = applyEdits(before, cluster.map((e) => ({ ...e, start: e.start - from, end: e.end - from })));
    out.push(`@@ line ${first}`, "before:", "```ts", before, "```", "after:", "```ts", after, "```");
  }
  for (const e of o.fix.edits.filter((x) => x.file !== undefined)) {
    out.push(`other file ${path.basename(e.file!)}${e.create ? " (created)" : ` at offset ${e.start}-${e.end}`}:`, "```", e.text, "```");
  }
  return out.join("\n");
}

interface PreviousReview {
  readonly title: string;
  readonly kind: string;
  readonly verdict: string;
  readonly reason: string;
}

/**
 * What an earlier review said about a byte-identical edit of the same file. The key leaves the
 * title out (titles get reworded while the edit stays the same), so a verdict read under another
 * title or kind says so: the reviewer decides whether the new wording changes it.
 */
function previouslyReviewed(prev: PreviousReview | undefined, o: Offered): string {
  if (!prev) return "";
  const same = prev.title === o.fix.title && prev.kind === o.fix.kind;
  return ` (reviewed before${same ? "" : ` as [${prev.kind}] ${prev.title}`}: ${prev.verdict}: ${prev.reason})`;
}

function writeReview(sample: readonly Offered[], previous: Map<string, PreviousReview>): void {
  const parts = [`# Review sample (${sample.length} fixes), ${new Date().toISOString()}\n`];
  sample.forEach((o, i) => {
    const h = editHash(o);
    const prev = previous.get(`${o.repo}\u0000${o.rel}\u0000${h}`);
    parts.push(
      `## R${i + 1}: ${o.repo} ${o.rel}:${o.line}`,
      `- code: ${o.finding.code} (${o.finding.severity})`,
      `- message: ${o.finding.message}`,
      `- fix: [${o.fix.kind}${o.fix.isPreferred ? ", preferred" : ""}] ${o.fix.title}`,
      `- editHash: ${h}${previouslyReviewed(prev, o)}`,
      "",
      snippet(o),
      "",
    );
  });
  fs.writeFileSync(path.join(WORK, "review.md"), parts.join("\n"));
  const index = sample.map((o, i) => ({ id: `R${i + 1}`, repo: o.repo, file: o.rel, line: o.line, code: o.finding.code, title: o.fix.title, kind: o.fix.kind, editHash: editHash(o) }));
  fs.writeFileSync(path.join(WORK, "review-index.json"), `${JSON.stringify(index, null, 2)}\n`);
  log(`review sample: ${path.join(WORK, "review.md")} (${sample.length} fixes; index in review-index.json)`);
}

// ---------------------------------------------------------------------------------------------

/** The engine measured: HEAD, and whether src/ had uncommitted changes (the working tree is what runs). */
function engineCommit(): string {
  try {
    const head = execFileSync("git", ["-C", REPO_ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", REPO_ROOT, "status", "--porcelain", "--", "src"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return "unknown";
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.merge.length > 0) {
    const merged = mergeResults(args.merge.map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Results));
    printResults(merged);
    fs.writeFileSync(args.out, `${JSON.stringify(merged, null, 2)}\n`);
    log(`results: ${path.relative(process.cwd(), args.out)}`);
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "eval/fixes/manifest.json"), "utf8")) as { projects: ManifestEntry[] };
  const entries = manifest.projects.filter((e) => !args.only || args.only.split(",").includes(e.repo));
  fs.mkdirSync(WORK, { recursive: true });
  const outcomes: Outcome[] = [];
  const allOffered: Offered[] = [];
  const projects: Record<string, unknown>[] = [];
  const t0 = Date.now();
  const engine = engineCommit();

  for (const entry of entries) {
    log(`${entry.repo}@${entry.commit.slice(0, 10)} (${entry.framework})`);
    const tree = materialise(entry);
    if (!tree) {
      projects.push({ repo: entry.repo, commit: entry.commit, skipped: "mirror missing" });
      continue;
    }
    const projectDir = path.join(tree, entry.subfolder ?? "");
    const tp = Date.now();
    const { offered, files, findings, problems } = collectFixes(entry, tree, projectDir);
    allOffered.push(...offered);
    log(`  ${files} files, ${findings} findings, ${offered.length} fixes offered`);
    const project: Record<string, unknown> = { repo: entry.repo, commit: entry.commit, framework: entry.framework, files, findings, offered: offered.length, engineProblems: problems };
    projects.push(project);
    if (!args.tsc || offered.length === 0) continue;
    if (!install(entry, projectDir, args.install)) {
      project.skipped = "install failed";
      continue;
    }
    const { ts, dir: tsDir, own } = typescriptFor(projectDir);
    project.typescript = `${ts.version}${own ? "" : " (not the project's own)"}`;
    if (args.cliBaseline) {
      const base = baselineTsc(entry, projectDir, tsDir);
      project.baselineTscErrors = base.errors;
      project.baselineTscSeconds = base.seconds;
      log(`  TypeScript ${ts.version}${own ? "" : " (fallback)"}; baseline \`${entry.tsc}\`: ${base.errors} errors in ${base.seconds} s`);
    }
    const checker = new Checker(ts, projectDir, tsconfigOf(entry));

    // A seeded sample of `limit` fixes per family.
    const byFamily = new Map<string, Offered[]>();
    for (const o of offered) {
      if (!byFamily.has(o.family)) byFamily.set(o.family, []);
      byFamily.get(o.family)!.push(o);
    }
    const sample = [...byFamily.values()].flatMap((list) => spread(list, [(o) => `${o.fix.kind} ${titlePattern(o.fix.title)}`], args.seed).slice(0, Math.min(args.limit, entry.limit ?? Infinity)));
    let done = 0;
    let notRestored = 0;
    let baseProgram: Set<string> | undefined;
    for (const o of sample) {
      const outcome: Outcome = { repo: o.repo, file: o.rel, line: o.line, code: o.finding.code, family: o.family, kind: o.fix.kind, title: o.fix.title, pattern: titlePattern(o.fix.title), status: "ok" };
      outcomes.push(outcome);
      const inProgram = checker.rootFiles.has(path.resolve(o.file));
      if (!inProgram) {
        outcome.status = "unchecked";
        continue;
      }
      const writes = plannedWrites(o);
      const link = symlinkAmong(writes.keys());
      if (link) {
        outcome.status = "refused";
        outcome.error = `writes through the symlink ${path.relative(tree, link)}`;
        continue;
      }
      // Compare the changed TypeScript files and their direct importers, before and after.
      const changedTs = [...writes.keys()].filter((f) => checker.rootFiles.has(path.resolve(f)));
      const watch = [...new Set(changedTs.flatMap((f) => [path.resolve(f), ...checker.importersOf(f)]))];
      const before = watch.flatMap((f) => checker.baselineOf(f));
      const filesBefore = (baseProgram ??= checker.programFiles());
      const deps = addedDependencies(writes, o.fix.title);
      const unlinks = deps.map(([name, range]) => linkDependency(name, range, projectDir));
      if (deps.length > 0) outcome.installed = deps.map(([n, r]) => `${n}@${r}`).join(" ");
      const restore = writeAll(writes);
      try {
        for (const f of changedTs) checker.touch(f);
        const after = watch.flatMap((f) => checker.diagnostics(f));
        // Files the fix brings into the program (an added dependency's declarations) are checked too.
        for (const f of checker.programFiles()) if (!filesBefore.has(f)) after.push(...checker.diagnostics(f));
        const added = newErrors(before, after);
        if (added.length > 0) {
          outcome.status = "adds";
          outcome.error = added[0]!.message;
          outcome.errorAt = `${added[0]!.file}:${added[0]!.line}`;
        }
      } finally {
        if (!restore()) notRestored++;
        for (const undo of unlinks) undo();
        for (const f of changedTs) checker.touch(f);
      }
      if (++done % 25 === 0) log(`  ${done}/${sample.length} checked`);
    }
    project.restoredExactly = notRestored === 0;
    project.sampled = sample.length;
    project.seconds = Math.round((Date.now() - tp) / 1000);
    log(`  ${sample.length} fixes checked in ${project.seconds} s; files restored exactly: ${notRestored === 0}`);
  }

  // Figures: every offered fix counts as offered; the sampled ones have an outcome.
  const outcomeOf = new Map<string, Outcome[]>();
  const keyOf = (repo: string, file: string, line: number, title: string) => `${repo}\u0000${file}\u0000${line}\u0000${title}`;
  for (const o of outcomes) {
    const k = keyOf(o.repo, o.file, o.line, o.title);
    if (!outcomeOf.has(k)) outcomeOf.set(k, []);
    outcomeOf.get(k)!.push(o);
  }
  const byFamilyKind = new Map<string, Tally>();
  const byPattern = new Map<string, Tally & { family: string; kind: string }>();
  const total = emptyTally();
  const codeFixes = emptyTally();
  for (const o of allOffered) {
    const out = outcomeOf.get(keyOf(o.repo, o.rel, o.line, o.fix.title))?.shift();
    const fk = `${o.family}\u0000${o.fix.kind}`;
    if (!byFamilyKind.has(fk)) byFamilyKind.set(fk, emptyTally());
    add(byFamilyKind.get(fk)!, out);
    const pk = `${o.family}\u0000${o.fix.kind}\u0000${titlePattern(o.fix.title)}`;
    if (!byPattern.has(pk)) byPattern.set(pk, { ...emptyTally(), family: o.family, kind: o.fix.kind });
    add(byPattern.get(pk)!, out);
    add(total, out);
    if (!isDirective(o)) add(codeFixes, out);
  }
  const failures = outcomes.filter((o) => o.status === "adds" || o.status === "refused");
  const results: Results = {
    generatedAt: new Date().toISOString(),
    engineCommit: engine,
    method: "TypeScript language service per fix (changed files and their direct importers, errors matched by file+code+message); baseline figure from the manifest's tsc command",
    limitPerFamilyPerProject: args.limit,
    seed: args.seed,
    seconds: Math.round((Date.now() - t0) / 1000),
    total,
    allButDirectiveOnly: codeFixes,
    byFamilyKind: Object.fromEntries([...byFamilyKind].sort().map(([k, t]) => [k.replace("\u0000", "/"), t])),
    byTitlePattern: [...byPattern].sort().map(([k, t]) => ({ pattern: k.split("\u0000")[2]!, ...t })),
    projects,
    failures: failures.map(({ pattern: _p, ...f }) => f),
  };
  printResults(results);
  if (args.tsc && (!args.only || args.outGiven)) {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
    log(`results: ${path.relative(process.cwd(), args.out)}`);
  }
  if (args.review > 0) {
    const previous = new Map<string, PreviousReview>();
    const file = path.join(REPO_ROOT, "eval/fixes/review.json");
    if (fs.existsSync(file)) {
      const prev = JSON.parse(fs.readFileSync(file, "utf8")) as { reviews?: (PreviousReview & { repo: string; file: string; editHash: string })[] };
      // The latest verdict on an edit wins: reviews are appended run after run.
      for (const r of prev.reviews ?? []) previous.set(`${r.repo}\u0000${r.file}\u0000${r.editHash}`, r);
    }
    writeReview(spread(allOffered.filter((o) => !isDirective(o)), [(o) => o.family, (o) => `${o.fix.kind} ${titlePattern(o.fix.title)}`, (o) => o.repo], args.seed).slice(0, args.review), previous);
  }
}

if (require.main === module) main();
