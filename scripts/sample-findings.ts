/**
 * Seeded random sample of a CLI audit's findings, per family, for hand triage of precision on a
 * large production codebase (eval/production/README.md describes the method).
 *
 * Usage:
 *   npx tsx src/cli/index.ts audit <tree> --format json > audit.json
 *   npx tsx scripts/sample-findings.ts --audit audit.json --tree <tree> [--seed 20261202]
 *                                      [--per-family 50] [--repo owner/name --commit <sha>]
 *                                      [--triage triage.json] [--out eval/production/x.json]
 *
 * The audit's finding paths are made relative to <tree>. Lines of TS/JS analysed are counted over
 * the files the audit lists (planAudit, the same enumeration as the CLI), split into test and
 * non-test files. Per family, findings are sorted by (file, line, column, code), shuffled with a
 * seeded mulberry32 Fisher-Yates shuffle, and the first N are the sample, so the same audit and
 * seed give the same sample. With --triage (a JSON object "file:line:code" → { verdict, reason }),
 * the verdicts are merged in and precision per family is computed over the triaged entries.
 * Output: the eval/production record (no code excerpts: file, line, code, verdict, reason only).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planAudit } from "../src/engine/audit";
import { isTestFile } from "../src/engine/analyze";
// The seeded mulberry32 generator the robustness tests use: the same seed gives the same sequence everywhere.
import { rng } from "../test/helpers/generate";

const FAMILIES = ["swallowed-exception", "unvalidated-boundary", "hardcoded-secret", "unbounded-call"] as const;

interface AuditFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  ruleId: string;
  severity: string;
}

interface Triage {
  verdict: "true" | "false";
  reason: string;
  /** True when the verdict follows the docs' convention but a senior reviewer could argue the other way. */
  debatable?: boolean;
}

interface SampleEntry {
  file: string;
  line: number;
  code: string;
  severity: string;
  verdict: "true" | "false" | null;
  reason: string;
  debatable?: boolean;
}

/** The first `n` items of a seeded Fisher-Yates shuffle of `items` (which must already be in a canonical order). */
export function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const copy = [...items];
  const rand = rng(seed).next;
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function countLines(files: readonly string[], tree: string): { lines: number; testLines: number; files: number; testFiles: number } {
  let lines = 0;
  let testLines = 0;
  let testFiles = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    const n = text.length === 0 ? 0 : text.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(text) ? 1 : 0);
    if (isTestFile(f, tree)) {
      testLines += n;
      testFiles++;
    } else lines += n;
  }
  return { lines: lines + testLines, testLines, files: files.length, testFiles };
}

function main(argv: string[]): void {
  const auditPath = arg(argv, "--audit");
  const treeArg = arg(argv, "--tree");
  if (!auditPath || !treeArg) throw new Error("usage: sample-findings.ts --audit <json> --tree <dir> [--seed N] [--per-family N] [--repo o/n --commit sha] [--triage f] [--out f]");
  const tree = path.resolve(treeArg);
  const seed = Number(arg(argv, "--seed") ?? 20261202);
  const perFamily = Number(arg(argv, "--per-family") ?? 50);
  const auditCwd = path.resolve(arg(argv, "--audit-cwd") ?? process.cwd());
  const audit = JSON.parse(fs.readFileSync(auditPath, "utf8")) as { findings: AuditFinding[]; summary: Record<string, unknown> };
  const triage: Record<string, Triage> = arg(argv, "--triage") ? JSON.parse(fs.readFileSync(arg(argv, "--triage")!, "utf8")) : {};

  const { files } = planAudit([tree], { cwd: tree });
  const counted = countLines(files, tree);
  const rel = (f: string) => path.relative(tree, path.resolve(auditCwd, f)).split(path.sep).join("/");
  const findings = audit.findings
    .map((f) => ({ ...f, file: rel(f.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));

  const perFamilyOut: Record<string, unknown> = {};
  const sample: Record<string, SampleEntry[]> = {};
  FAMILIES.forEach((family, i) => {
    const all = findings.filter((f) => f.ruleId === family);
    const inTests = all.filter((f) => isTestFile(path.join(tree, f.file), tree)).length;
    const picked = seededSample(all, perFamily, seed + i);
    const entries = picked.map((f): SampleEntry => {
      const t = triage[`${f.file}:${f.line}:${f.code}`];
      const entry: SampleEntry = { file: f.file, line: f.line, code: f.code, severity: f.severity, verdict: t?.verdict ?? null, reason: t?.reason ?? "" };
      if (t?.debatable) entry.debatable = true;
      return entry;
    });
    const judged = entries.filter((e) => e.verdict !== null);
    const truePos = judged.filter((e) => e.verdict === "true").length;
    const byCase: Record<string, number> = {};
    for (const f of all) byCase[f.code] = (byCase[f.code] ?? 0) + 1;
    perFamilyOut[family] = {
      findings: all.length,
      inTestFiles: inTests,
      per1kLines: counted.lines === 0 ? 0 : Math.round((all.length / counted.lines) * 1000 * 1000) / 1000,
      byCase,
      sampleSize: entries.length,
      triaged: judged.length,
      truePositives: truePos,
      // Verdicts that follow the docs' convention but a reviewer could argue the other way.
      debatableTrue: judged.filter((e) => e.verdict === "true" && e.debatable).length,
      debatableFalse: judged.filter((e) => e.verdict === "false" && e.debatable).length,
      precision: judged.length === 0 ? null : Math.round((truePos / judged.length) * 1000) / 1000,
    };
    sample[family] = entries;
  });

  const record = {
    repo: arg(argv, "--repo") ?? path.basename(tree),
    commit: arg(argv, "--commit") ?? null,
    tool: arg(argv, "--tool-commit") ?? null,
    seed,
    perFamilyLimit: perFamily,
    filesAnalysed: counted.files,
    testFiles: counted.testFiles,
    lines: counted.lines,
    testLines: counted.testLines,
    families: perFamilyOut,
    sample,
  };
  const out = JSON.stringify(record, null, 2) + "\n";
  const outPath = arg(argv, "--out");
  if (outPath) fs.writeFileSync(outPath, out);
  else process.stdout.write(out);
}

if (require.main === module) main(process.argv.slice(2));
