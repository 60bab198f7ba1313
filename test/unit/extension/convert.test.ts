import * as assert from "node:assert/strict";
import { auditSummary, DEFAULT_SETTINGS, docsTitle, ignoreFileTitle, ignoreLineTitle, LineIndex, normalizeSettings, orderFixes, severityNumber, SeverityNumber, turnOffFolderTitle, turnOffTitle } from "../../../src/extension/convert";

describe("extension/convert", () => {
  describe("normalizeSettings", () => {
    it("keeps valid values", () => {
      assert.deepEqual(normalizeSettings({ enable: false, run: "onSave", debounceMs: 50, maxFileSizeKb: 64, trace: "verbose" }), { enable: false, run: "onSave", debounceMs: 50, maxFileSizeKb: 64, trace: "verbose" });
    });
    it("falls back to defaults for unknown or mistyped values, and clamps numbers", () => {
      assert.deepEqual(normalizeSettings({ enable: "yes", run: "onsave", debounceMs: -5, maxFileSizeKb: Number.NaN, trace: 3 }), { ...DEFAULT_SETTINGS, debounceMs: 0 });
      assert.equal(normalizeSettings({ debounceMs: 1e9 }).debounceMs, 10_000);
      assert.equal(normalizeSettings({ maxFileSizeKb: 0 }).maxFileSizeKb, 1);
    });
  });

  it("maps severities to DiagnosticSeverity numbers", () => {
    assert.deepEqual([severityNumber("error"), severityNumber("warning"), severityNumber("info")], [SeverityNumber.Error, SeverityNumber.Warning, SeverityNumber.Information]);
    assert.deepEqual([SeverityNumber.Error, SeverityNumber.Warning, SeverityNumber.Information], [0, 1, 2]);
  });

  describe("LineIndex", () => {
    it("converts offsets for LF, CRLF and CR line breaks as VS Code does", () => {
      const index = new LineIndex("ab\ncd\r\nef\rgh");
      const at = (o: number) => { const p = index.positionAt(o); return `${p.line}:${p.character}`; };
      assert.deepEqual([0, 2, 3, 5, 7, 9, 10, 12].map(at), ["0:0", "0:2", "1:0", "1:2", "2:0", "2:2", "3:0", "3:2"]);
    });
    it("clamps out-of-range offsets", () => {
      const index = new LineIndex("a\nb");
      assert.deepEqual(index.positionAt(-3), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(99), { line: 1, character: 1 });
    });
  });

  it("orders fixes: preferred safe fix, other safe fixes, suggestions, stable within each", () => {
    const fixes = [
      { title: "s1", kind: "suggestion" as const },
      { title: "safe", kind: "safe" as const },
      { title: "s2", kind: "suggestion" as const },
      { title: "preferred", kind: "safe" as const, isPreferred: true },
    ];
    assert.deepEqual(orderFixes(fixes).map((f) => f.title), ["preferred", "safe", "s1", "s2"]);
  });

  it("a preferred suggestion comes first, before the safe fixes (the 500 answer of a handler's catch)", () => {
    const fixes = [
      { title: "log", kind: "safe" as const },
      { title: "respond", kind: "suggestion" as const, isPreferred: true },
      { title: "mark", kind: "suggestion" as const },
    ];
    assert.deepEqual(orderFixes(fixes).map((f) => f.title), ["respond", "log", "mark"]);
  });

  it("titles of the per-finding actions are plain text (the lightbulb shows backticks literally, issue 17)", () => {
    const code = "swallowed-exception/emptyCatch";
    assert.deepEqual([ignoreLineTitle(code), ignoreFileTitle(code), docsTitle(code)], [
      "Ignore swallowed-exception/emptyCatch for this line…",
      "Ignore swallowed-exception/emptyCatch for this file…",
      "Show documentation for swallowed-exception/emptyCatch",
    ]);
  });

  it("the turn-off titles are plain text: the folder one, then the project one (issue 17)", () => {
    const code = "swallowed-exception/emptyCatch";
    assert.deepEqual([turnOffFolderTitle(code), turnOffTitle(code)], ["Turn off swallowed-exception/emptyCatch for this folder…", "Turn off swallowed-exception/emptyCatch for this project…"]);
  });

  describe("auditSummary", () => {
    it("counts findings per family, files and time", () => {
      assert.equal(
        auditSummary({ codes: ["b/x", "a/y", "b/z"], filesWithFindings: 2, filesChecked: 9, durationMs: 1234, cancelled: false }),
        "Hardening Hints: 3 findings in 2 of 9 files (a: 1, b: 2) in 1.2 s",
      );
    });
    it("says so when there is nothing, and when it was cancelled", () => {
      assert.equal(auditSummary({ codes: [], filesWithFindings: 0, filesChecked: 1, durationMs: 40, cancelled: false }), "Hardening Hints: no findings in 1 file in 0.0 s");
      assert.equal(
        auditSummary({ codes: ["a/y"], filesWithFindings: 1, filesChecked: 3, durationMs: 100, cancelled: true }),
        "Hardening Hints: audit cancelled after 3 files in 0.1 s; 1 finding in 1 of 3 files (a: 1) so far",
      );
    });
  });
});
