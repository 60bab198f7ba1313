import * as assert from "node:assert/strict";
import type { AuditResult, LocatedFinding } from "../../../src/engine/audit";
import { lowered, messageWithConfidence, severityText } from "../../../src/engine/confidence";
import { toSarif } from "../../../src/engine/sarif";
import { formatJson } from "../../../src/cli/formatters/json";
import { formatText } from "../../../src/cli/formatters/text";

const at = { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } };

function finding(extra: Partial<LocatedFinding>): LocatedFinding {
  return { ruleId: "swallowed-exception", caseId: "emptyCatch", code: "swallowed-exception/emptyCatch", severity: "warning", message: "Empty catch", range: { start: 20, end: 24 }, loc: at, fingerprint: "fp", related: [], fixes: [], docsUrl: "docs/rules/swallowed-exception.md#emptycatch", ...extra };
}

function audit(findings: LocatedFinding[]): AuditResult {
  return { root: "/p", files: ["/p/a.ts"], results: [{ path: "/p/a.ts", findings, problems: [], analyzed: true }], problems: [], durationMs: 1, cancelled: false };
}

const low = finding({ severity: "info", confidence: "low", confidenceReason: "perItem" });
const high = finding({ range: { start: 40, end: 44 }, loc: { start: { line: 5, column: 1 }, end: { line: 5, column: 4 } }, fingerprint: "fp2" });

describe("engine: confidence", () => {
  it("lowers one step: error → warning, warning → info, info stays", () => {
    assert.deepEqual([lowered("error"), lowered("warning"), lowered("info")], ["warning", "info", "info"]);
  });

  it("labels a low-confidence finding's level and message; a high one is unchanged", () => {
    assert.deepEqual([severityText(low), severityText(high)], ["info (low confidence)", "warning"]);
    assert.deepEqual([messageWithConfidence(low), messageWithConfidence(high)], ["Empty catch (low confidence)", "Empty catch"]);
  });

  it("text: the level reads `info (low confidence)` and counts as info; --quiet leaves it out", () => {
    const text = formatText(audit([low, high]), { quiet: false });
    assert.match(text, /a\.ts:3:5 {2}info \(low confidence\) {2}Empty catch {2}swallowed-exception\/emptyCatch/);
    assert.match(text, /a\.ts:5:1 {2}warning {16}Empty catch/);
    assert.match(text, /2 problems \(0 errors, 1 warning, 1 info\)/);
    assert.match(formatText(audit([low]), { quiet: true }), /no problems/);
  });

  it("json: every finding carries its confidence, a low one its reason; the summary counts the lowered level", () => {
    const out = JSON.parse(formatJson(audit([low, high]), "0.0.0"));
    assert.deepEqual(
      out.findings.map((f: Record<string, unknown>) => [f.severity, f.confidence, f.confidenceReason]),
      [
        ["info", "low", "perItem"],
        ["warning", "high", undefined],
      ],
    );
    assert.deepEqual([out.summary.warnings, out.summary.info], [1, 1]);
  });

  it("SARIF: a low-confidence result has the lowered level (note) and its confidence in properties", () => {
    const results = toSarif(audit([low, high]), { version: "0.0.0" }).runs[0]!.results;
    assert.deepEqual(
      results.map((r) => [r.level, (r as { properties?: unknown }).properties]),
      [
        ["note", { confidence: "low", confidenceReason: "perItem" }],
        ["warning", undefined],
      ],
    );
  });
});
