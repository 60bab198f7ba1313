/**
 * Experiment (session 22, se23x): splits swallowed-exception findings by whether the code the catch
 * protects does I/O (src/rules/swallowed-exception/pure-try.ts), on the tune part of eval/real
 * (TP/FP by the labels) and on the sampled findings of eval/production (verdict by the triage).
 *
 * Usage: npx tsx scripts/se-io-split.ts [--tune] [--prod] > rows.jsonl
 * One JSON row per finding: set, repo, file, line, code, verdict (tp/fp), debatable, group
 * (io / pure / async: a promise or callback handler, I/O by definition) and the liberal reading.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ts } from "../src/engine/ts";
import { ConfigResolver } from "../src/engine/files";
import { allRules } from "../src/engine/analyze";
import { auditFile } from "../src/engine/audit";
import { FsProjectHost } from "../src/engine/project-host";
import type { ProjectHost } from "../src/engine/types";
import { relativeModuleText } from "../src/rules/unbounded-call/reexport";
import { protectedRegionDoesIO, type ImportedReader } from "../src/rules/swallowed-exception/pure-try";
import { findMirror, isDebatable, loadLabelFiles, matchFile, type SiteFinding } from "./measure-real";

const FAMILY = "swallowed-exception";
const CATCH_CASES = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault", "rethrowWithoutCause", "partialErrorCheck"]);

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  return /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/** A module whose extension is unknown: as TS, else (JSX in it) as TSX. */
function parseEither(text: string): ts.SourceFile {
  const asTs = ts.createSourceFile("m.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return (asTs as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0 ? asTs : ts.createSourceFile("m.tsx", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

/** The try statement a catch-case finding on `line` belongs to. */
function tryAt(sf: ts.SourceFile, line: number): ts.TryStatement | undefined {
  let exact: ts.TryStatement | undefined;
  let inner: ts.TryStatement | undefined;
  let startsOn: ts.TryStatement | undefined;
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (n: ts.Node): void => {
    if (ts.isTryStatement(n) && n.catchClause) {
      const c = n.catchClause;
      if (lineOf(c.getStart(sf)) === line) exact = n;
      if (lineOf(c.getStart(sf)) <= line && lineOf(c.end) >= line) inner = n;
      if (lineOf(n.getStart(sf)) === line) startsOn ??= n;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return exact ?? inner ?? startsOn;
}

function importedReader(host: ProjectHost, file: string, sf: ts.SourceFile): ImportedReader {
  const specs = new Map<string, { spec: string; exported: string }>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
    const spec = st.moduleSpecifier.text;
    if (st.importClause.name) specs.set(st.importClause.name.text, { spec, exported: "default" });
    const nb = st.importClause.namedBindings;
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) specs.set(el.name.text, { spec, exported: (el.propertyName ?? el.name).text });
  }
  const cache = new Map<string, ts.SourceFile | undefined>();
  return (name) => {
    const s = specs.get(name);
    if (!s) return undefined;
    if (!cache.has(s.spec)) {
      const text = relativeModuleText(host, file, s.spec);
      cache.set(s.spec, text === undefined ? undefined : parseEither(text));
    }
    const m = cache.get(s.spec);
    return m ? { sf: m, exported: s.exported } : undefined;
  };
}

interface Row {
  set: "tune" | "prod";
  repo: string;
  file: string;
  line: number;
  code: string;
  verdict: "tp" | "fp";
  debatable: boolean;
  group: "io" | "pure" | "async" | "notFound";
  liberal: "io" | "pure" | "async" | "notFound";
  reason?: string;
}

function classify(host: ProjectHost, abs: string, text: string, line: number, code: string): Pick<Row, "group" | "liberal"> {
  const kase = code.split("/")[1]!;
  if (!CATCH_CASES.has(kase)) return { group: "async", liberal: "async" };
  const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, scriptKind(abs));
  const t = tryAt(sf, line);
  if (!t) return { group: kase === "rethrowWithoutCause" ? "async" : "notFound", liberal: kase === "rethrowWithoutCause" ? "async" : "notFound" };
  const imported = process.env.NOIMPORT ? undefined : importedReader(host, abs, sf);
  return {
    group: protectedRegionDoesIO(t.tryBlock, { sf, imported }) ? "io" : "pure",
    liberal: protectedRegionDoesIO(t.tryBlock, { sf, imported, liberal: true }) ? "io" : "pure",
  };
}

function tune(out: (r: Row) => void): void {
  const { labels } = loadLabelFiles();
  const host = new FsProjectHost();
  for (const l of labels.filter((x) => x.part === "tune")) {
    const root = path.join("/tmp/hh-real", l.repo.replace("/", "__"));
    if (!fs.existsSync(root) || !findMirror(l.repo)) {
      process.stderr.write(`skip ${l.repo}: not materialised\n`);
      continue;
    }
    const resolver = new ConfigResolver(allRules, undefined, root);
    for (const [rel, fileLabels] of Object.entries(l.files)) {
      const families: readonly string[] = l.fileFamilies[rel] ?? l.families;
      if (!families.includes(FAMILY)) continue;
      const abs = path.join(root, ...rel.split("/"));
      if (!fs.existsSync(abs)) continue;
      const audited = auditFile(abs, resolver, host, false, root);
      const found = audited.findings.filter((f) => families.includes(f.ruleId) && !f.suppression);
      const sites: SiteFinding[] = found.map((f) => ({ family: f.ruleId, code: f.code, line: f.loc.start.line, endLine: f.loc.end.line }));
      const match = matchFile(sites, fileLabels);
      const text = fs.readFileSync(abs, "utf8");
      const row = (f: SiteFinding, verdict: "tp" | "fp", debatable: boolean): void => {
        if (f.family !== FAMILY) return;
        out({ set: "tune", repo: l.repo, file: rel, line: f.line, code: f.code, verdict, debatable, ...classify(host, abs, text, f.line, f.code) });
      };
      for (const m of match.matched) row(m.finding, "tp", isDebatable(m.label));
      for (const fp of match.falsePositives) row(fp.finding, "fp", fp.onClean ? isDebatable(fp.onClean) : false);
    }
  }
}

/** A host reading one commit of a bare mirror. */
function gitHost(mirror: string, commit: string, root: string): ProjectHost {
  const files = new Set(execFileSync("git", ["--git-dir", mirror, "ls-tree", "-r", "--name-only", commit], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n").filter(Boolean));
  const rel = (abs: string): string => path.posix.relative(root, abs);
  return {
    fileExists: (abs) => files.has(rel(abs)),
    readFile: (abs) => {
      if (!files.has(rel(abs))) return undefined;
      try {
        return execFileSync("git", ["--git-dir", mirror, "cat-file", "-p", `${commit}:${rel(abs)}`], { encoding: "utf8", maxBuffer: 1 << 26 });
      } catch {
        return undefined;
      }
    },
  };
}

function prod(out: (r: Row) => void): void {
  const dir = path.resolve(__dirname, "../eval/production");
  const seen = new Map<string, Row>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const rec = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { repo: string; commit: string; sample: Record<string, { file: string; line: number; code: string; verdict?: string; debatable?: boolean; reason?: string }[]> };
    const mirror = findMirror(rec.repo);
    if (!mirror) {
      process.stderr.write(`skip ${rec.repo}: no mirror\n`);
      continue;
    }
    const root = `/prod/${rec.repo.replace("/", "__")}`;
    const host = gitHost(mirror, rec.commit, root);
    for (const s of rec.sample[FAMILY] ?? []) {
      if (s.verdict !== "true" && s.verdict !== "false") continue;
      const key = `${rec.repo}:${s.file}:${s.line}:${s.code}`;
      const abs = path.posix.join(root, s.file);
      const text = host.readFile(abs);
      if (text === undefined) continue;
      seen.set(key, { set: "prod", repo: rec.repo, file: s.file, line: s.line, code: s.code, verdict: s.verdict === "true" ? "tp" : "fp", debatable: s.debatable === true, reason: s.reason, ...classify(host, abs, text, s.line, s.code) });
    }
  }
  for (const r of seen.values()) out(r);
}

const args = process.argv.slice(2);
const emit = (r: Row): void => void process.stdout.write(JSON.stringify(r) + "\n");
if (args.length === 0 || args.includes("--tune")) tune(emit);
if (args.length === 0 || args.includes("--prod")) prod(emit);
