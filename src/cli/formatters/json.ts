import * as path from "node:path";
import type { AuditResult } from "../../engine/audit";

/** Machine-readable report: findings with positions, fixes and fingerprints, plus problems. */
export function formatJson(audit: AuditResult, version: string, shard?: { index: number; count: number; total: number }): string {
  const rel = (p: string) => path.relative(audit.root, p).split(path.sep).join("/");
  const findings = [];
  const problems = [...audit.problems];
  for (const r of [...audit.results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    problems.push(...r.problems);
    for (const f of r.findings) {
      findings.push({
        file: rel(r.path),
        line: f.loc.start.line,
        column: f.loc.start.column,
        endLine: f.loc.end.line,
        endColumn: f.loc.end.column,
        code: f.code,
        ruleId: f.ruleId,
        caseId: f.caseId,
        severity: f.severity,
        confidence: f.confidence ?? "high",
        ...(f.confidenceReason ? { confidenceReason: f.confidenceReason } : {}),
        message: f.message,
        docsUrl: f.docsUrl,
        fingerprint: f.fingerprint,
        related: f.related.map((x) => ({ message: x.message, file: x.file ? rel(x.file) : rel(r.path), line: x.loc?.start.line, column: x.loc?.start.column })),
        fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, isPreferred: x.isPreferred === true, edits: x.edits.map((e) => ({ file: rel(e.file ?? r.path), start: e.start, end: e.end, text: e.text, ...(e.create ? { create: true } : {}) })) })),
        ...(f.suppression ? { suppression: f.suppression } : {}),
      });
    }
  }
  const active = findings.filter((f) => !f.suppression);
  return (
    JSON.stringify(
      {
        tool: { name: "hardening-hints", version },
        summary: {
          files: audit.results.length,
          analyzed: audit.results.filter((r) => r.analyzed).length,
          errors: active.filter((f) => f.severity === "error").length,
          warnings: active.filter((f) => f.severity === "warning").length,
          info: active.filter((f) => f.severity === "info").length,
          suppressed: findings.length - active.length,
          cancelled: audit.cancelled,
        },
        ...(shard ? { shard } : {}),
        findings,
        problems: problems.map((p) => ({ ...p, ...(p.file ? { file: rel(p.file) } : {}) })),
      },
      null,
      2,
    ) + "\n"
  );
}
