import * as path from "node:path";
import type { AuditResult } from "../../engine/audit";
import { severityText } from "../../engine/confidence";
import { printable } from "../escape";

/**
 * ESLint-stylish-like text: one line per finding, `file:line:col  severity  message  code`
 * (a low-confidence finding's severity reads `info (low confidence)`),
 * then a summary. Suppressed findings are not shown.
 */
export function formatText(audit: AuditResult, opts: { quiet: boolean }): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  const rows: string[][] = [];
  for (const r of [...audit.results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const rel = path.relative(audit.root, r.path).split(path.sep).join("/") || r.path;
    for (const f of r.findings) {
      if (f.suppression) continue;
      if (opts.quiet && f.severity !== "error") continue;
      counts[f.severity]++;
      rows.push([`${printable(rel)}:${f.loc.start.line}:${f.loc.start.column}`, severityText(f), printable(f.message), f.code]);
    }
  }
  const w0 = Math.max(0, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(0, ...rows.map((r) => r[1]!.length));
  for (const r of rows) lines.push(`${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]}  ${r[3]}`);
  const total = counts.error + counts.warning + counts.info;
  const analyzed = audit.results.filter((r) => r.analyzed).length;
  const skipped = audit.results.length - analyzed;
  if (lines.length > 0) lines.push("");
  lines.push(
    `${total === 0 ? (skipped ? "⚠ no problems found" : "✔ no problems") : `✖ ${total} problem${total === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info)`} in ${analyzed} file${analyzed === 1 ? "" : "s"}${skipped ? `, ${skipped} skipped` : ""}${audit.cancelled ? " (cancelled)" : ""}`,
  );
  return lines.join("\n") + "\n";
}
