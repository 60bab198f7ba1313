import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot, type AuditResult } from "../engine/audit";

/** A file's key in the baseline: relative to its repository (the folder holding .git), like the fingerprints, else to the audit's root. */
function keyOf(file: string, root: string): string {
  return path.relative(repositoryRoot(path.dirname(file)) ?? root, file).split(path.sep).join("/");
}

/**
 * A baseline holds counts per file and fingerprint, never finding text: the fingerprint is a
 * hash of the code and the line with string contents replaced by their length (audit.ts).
 */
export interface Baseline {
  version: 1;
  files: Record<string, Record<string, { code: string; count: number }>>;
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, files: {} };
    throw new Error(`${file}: cannot read the baseline (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
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

export function buildBaseline(audit: AuditResult): Baseline {
  const files: Baseline["files"] = {};
  for (const r of audit.results) {
    const rel = keyOf(r.path, audit.root);
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

/** Marks findings in the baseline as externally suppressed; returns how many matched. */
export function applyBaseline(audit: AuditResult, baseline: Baseline): number {
  let matched = 0;
  for (const r of audit.results) {
    const rel = keyOf(r.path, audit.root);
    const entry = baseline.files[rel];
    if (!entry) continue;
    const left = new Map(Object.entries(entry).map(([fp, e]) => [fp, e.count]));
    for (const f of r.findings) {
      if (f.suppression) continue;
      const n = left.get(f.fingerprint) ?? 0;
      if (n > 0) {
        left.set(f.fingerprint, n - 1);
        f.suppression = { kind: "external", justification: "in the baseline" };
        matched++;
      }
    }
  }
  return matched;
}
