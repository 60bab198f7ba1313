import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot, type AuditResult } from "./audit";

/**
 * The baseline file name the editor uses when `hardeningHints.baseline` is not set (the CLI takes
 * any name with `--baseline FILE`; the README and the CI recipes use this one).
 */
export const DEFAULT_BASELINE_FILE = ".hardening-hints-baseline.json";

/**
 * A baseline holds counts per file and fingerprint, never finding text: the fingerprint is a
 * hash of the code and the line with string contents replaced by their length (audit.ts).
 */
export interface Baseline {
  version: 1;
  files: Record<string, Record<string, { code: string; count: number }>>;
}

/** A file's key in the baseline: relative to its repository (the folder holding .git), like the fingerprints, else to the audit's root. */
export function baselineKey(file: string, root: string): string {
  return path.relative(repositoryRoot(path.dirname(file)) ?? root, file).split(path.sep).join("/");
}

/** Parses a baseline's text; throws a message naming `file` when it is not one. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err: unknown) {
    throw new Error(`${file}: the baseline is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const b = data as Partial<Baseline>;
  if (!b || b.version !== 1 || typeof b.files !== "object" || b.files === null) throw new Error(`${file}: not a Hardening Hints baseline (expected {"version": 1, "files": {...}})`);
  return b as Baseline;
}

/** Reads a baseline; a missing file is an empty baseline. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, files: {} };
    throw new Error(`${file}: cannot read the baseline (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseBaseline(text, file);
}

export function buildBaseline(audit: AuditResult): Baseline {
  const files: Baseline["files"] = {};
  for (const r of audit.results) {
    const rel = baselineKey(r.path, audit.root);
    for (const f of r.findings) {
      if (f.suppression) continue;
      const entry = (files[rel] ??= {});
      const e = (entry[f.fingerprint] ??= { code: f.code, count: 0 });
      e.count++;
    }
  }
  const sorted: Baseline["files"] = {};
  for (const k of Object.keys(files).sort()) sorted[k] = files[k]!;
  return { version: 1, files: sorted };
}

/** The baseline's text as the CLI's `--update-baseline` writes it. */
export function formatBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + "\n";
}

/**
 * Which of one file's findings the baseline covers, in order: each fingerprint covers as many
 * findings as its count, unsuppressed findings only. `fingerprints[i]` belongs to `findings[i]`.
 */
export function baselineMatches(findings: readonly { suppression?: unknown }[], fingerprints: readonly string[], entry: Baseline["files"][string] | undefined): boolean[] {
  if (!entry) return findings.map(() => false);
  const left = new Map(Object.entries(entry).map(([fp, e]) => [fp, e.count]));
  return findings.map((f, i) => {
    if (f.suppression) return false;
    const fp = fingerprints[i]!;
    const n = left.get(fp) ?? 0;
    if (n <= 0) return false;
    left.set(fp, n - 1);
    return true;
  });
}

/** Marks findings in the baseline as externally suppressed; returns how many matched. */
export function applyBaseline(audit: AuditResult, baseline: Baseline): number {
  let matched = 0;
  for (const r of audit.results) {
    const hits = baselineMatches(r.findings, r.findings.map((f) => f.fingerprint), baseline.files[baselineKey(r.path, audit.root)]);
    r.findings.forEach((f, i) => {
      if (!hits[i]) return;
      f.suppression = { kind: "external", justification: "in the baseline" };
      matched++;
    });
  }
  return matched;
}
