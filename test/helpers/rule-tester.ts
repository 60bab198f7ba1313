import * as assert from "node:assert/strict";
import * as path from "node:path";
import { analyze, type AnalyzeInput } from "../../src/engine/analyze";
import { applyFixes, fixAll } from "../../src/engine/apply-fixes";
import { normalize } from "../../src/engine/config/load";
import { applyEdits } from "../../src/engine/fix-invariants";
import { MemoryProjectHost } from "../../src/engine/project-host";
import type { AnalysisResult, Confidence, Finding, FindingSeverity, RuleModule, TextEdit } from "../../src/engine/types";

/** Root of the in-memory project every test case lives in. */
export const PROJECT_ROOT = "/project";
const DEFAULT_FILENAME = "src/file.ts";
const DEFAULT_FILES: Record<string, string> = { "package.json": '{ "name": "fixture", "version": "1.0.0" }\n' };

export interface ValidCase {
  code: string;
  /** Relative to the project root; its extension picks the script kind. Default `src/file.ts`. */
  filename?: string;
  options?: Record<string, unknown>;
  /** Other project files (relative path → text). `package.json` exists by default; `null` leaves a file out (a project with no manifest). */
  files?: Record<string, string | null>;
  name?: string;
}

export interface ExpectedSuggestion {
  title: string;
  /** The file after applying this one suggestion alone. */
  output: string;
}

export interface ExpectedFinding {
  case: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  /** Exact message, when the test cares about the wording or the redaction. */
  message?: string;
  /** The finding's confidence (absent on the finding means `high`), when the test cares. */
  confidence?: Confidence;
  /** The effective severity (one step lower for a low-confidence finding), when the test cares. */
  severity?: FindingSeverity;
  /** Every suggestion fix of this finding, exact and in order. Required when it has any. */
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The file after applying all safe fixes (ESLint-style passes); null: no safe fix applies. */
  output: string | null;
  /** Other files after applying all safe fixes (relative path → exact text). */
  outputFiles?: Record<string, string>;
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

function toAbs(rel: string): string {
  return path.posix.join(PROJECT_ROOT, rel);
}

function hostFor(c: ValidCase): MemoryProjectHost {
  const files = new Map<string, string>();
  for (const [rel, text] of Object.entries({ ...DEFAULT_FILES, ...(c.files ?? {}) })) if (text !== null) files.set(toAbs(rel), text);
  return new MemoryProjectHost(files);
}

function inputFor(rule: RuleModule, c: ValidCase, host: MemoryProjectHost): AnalyzeInput {
  const raw = c.options ? { rules: { [rule.id]: c.options as Record<string, unknown> } } : {};
  const config = normalize(raw as never, PROJECT_ROOT, [rule]);
  return { path: toAbs(c.filename ?? DEFAULT_FILENAME), text: c.code, config, project: host, rules: [rule] };
}

/** Problems that mean the rule or its fixes are broken (a parse error in a test input is allowed). */
function assertNoBrokenRule(result: AnalysisResult): void {
  const broken = result.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected");
  assert.deepEqual(broken.map((p) => p.message), [], "the rule crashed or offered an invalid fix");
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Renders a finding in the shape of an ExpectedFinding, for readable diffs. */
function actualOf(f: Finding, text: string, withMessage: boolean, want?: ExpectedFinding): Record<string, unknown> {
  const s = lineCol(text, f.range.start);
  const e = lineCol(text, f.range.end);
  const out: Record<string, unknown> = { case: f.caseId, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (withMessage) out.message = f.message;
  if (want?.confidence !== undefined) out.confidence = f.confidence ?? "high";
  if (want?.severity !== undefined) out.severity = f.severity;
  return out;
}

function applyOtherFiles(host: MemoryProjectHost) {
  return (edits: TextEdit[]) => {
    const byFile = new Map<string, TextEdit[]>();
    for (const e of edits) byFile.set(e.file!, [...(byFile.get(e.file!) ?? []), e]);
    for (const [file, list] of byFile) {
      const current = list.some((e) => e.create) ? "" : host.readFile(file) ?? "";
      host.files.set(file, applyEdits(current, list.map((e) => ({ ...e, file: undefined }))));
    }
  };
}

/** The table row or fixture being checked, for the fix-safety meta test to name the fixes it sees. */
export const checking: { label?: string } = {};

/** Every fix title a table row or fixture produced, with the row's name (for the fix-title meta test). */
export const producedTitles: { label: string; code: string; title: string }[] = [];

/** Records the titles of every fix of `findings` under the row being checked. */
export function recordTitles(findings: readonly Finding[]): void {
  for (const f of findings) for (const x of f.fixes) producedTitles.push({ label: checking.label ?? "?", code: f.code, title: x.title });
}

/** Runs `check` with `checking.label` set to `label`. */
export function underLabel(label: string, check: () => void): void {
  checking.label = label;
  try {
    check();
  } finally {
    checking.label = undefined;
  }
}

function caseKey(c: ValidCase): string {
  return JSON.stringify([c.code, c.filename ?? DEFAULT_FILENAME, c.options ?? null, c.files ?? null]);
}

/**
 * Table-driven rule tests, in the spirit of ESLint's and typescript-eslint's RuleTester: one
 * mocha `it` per case, exact findings and fix outputs, and loud refusals of tables that
 * cannot fail (duplicates, output equal to the input, cases no test exercises).
 */
export class RuleTester {
  /** Refuses tables that cannot fail: duplicate cases, and invalid cases without findings. */
  static validateTable(rule: RuleModule, tests: RuleTests): void {
    const seen = new Set<string>();
    for (const raw of [...tests.valid, ...tests.invalid]) {
      const c = typeof raw === "string" ? { code: raw } : raw;
      const key = caseKey(c);
      if (seen.has(key)) throw new Error(`duplicate test case in ${rule.id}: ${c.code.slice(0, 80)}`);
      seen.add(key);
    }
  }

  /** Declared cases that no invalid test exercises, and exercised cases that are not declared. */
  static caseCoverage(rule: RuleModule, tests: RuleTests): { missing: string[]; unknown: string[] } {
    const exercised = new Set(tests.invalid.flatMap((t) => t.findings.map((f) => f.case)));
    return { missing: Object.keys(rule.cases).filter((k) => !exercised.has(k)), unknown: [...exercised].filter((k) => !(k in rule.cases)) };
  }

  run(rule: RuleModule, tests: RuleTests): void {
    RuleTester.validateTable(rule, tests);
    describe(rule.id, () => {
      describe("valid", () => {
        for (const raw of tests.valid) {
          const c = typeof raw === "string" ? { code: raw } : raw;
          const name = c.name ?? c.code.trim().split("\n")[0]!.slice(0, 100);
          it(name, () => underLabel(`${rule.id} valid › ${name}`, () => this.checkValid(rule, c)));
        }
      });

      describe("invalid", () => {
        for (const c of tests.invalid) {
          const name = c.name ?? c.code.trim().split("\n")[0]!.slice(0, 100);
          it(name, () => underLabel(`${rule.id} invalid › ${name}`, () => this.checkInvalid(rule, c)));
        }
      });

      it("has an invalid test for every declared case", () => {
        const { missing, unknown } = RuleTester.caseCoverage(rule, tests);
        assert.deepEqual(missing, [], `cases of ${rule.id} that no invalid test exercises`);
        assert.deepEqual(unknown, [], `tests name cases ${rule.id} does not declare`);
      });
    });
  }

  /** Asserts one valid case; throws an AssertionError when the rule reports anything. */
  checkValid(rule: RuleModule, c: ValidCase): void {
    const result = analyze(inputFor(rule, c, hostFor(c)));
    assertNoBrokenRule(result);
    assert.deepEqual(result.findings.filter((f) => !f.suppression).map((f) => actualOf(f, c.code, true)), [], "expected no findings");
  }

  /** Asserts one invalid case; throws an AssertionError on any difference. */
  checkInvalid(rule: RuleModule, c: InvalidCase): void {
    assert.ok(c.findings.length > 0, "an invalid case must expect at least one finding");
    if (c.output !== null) assert.notEqual(c.output, c.code, "output equals code: use output: null when no safe fix applies");
    const host = hostFor(c);
    const input = inputFor(rule, c, host);
    const result = analyze(input);
    assertNoBrokenRule(result);
    recordTitles(result.findings);
    const active = result.findings.filter((f) => !f.suppression);

    const expected = c.findings.map((e) => {
      const out: Record<string, unknown> = { case: e.case, line: e.line, column: e.column, endLine: e.endLine ?? e.line, endColumn: e.endColumn };
      if (e.message !== undefined) out.message = e.message;
      if (e.confidence !== undefined) out.confidence = e.confidence;
      if (e.severity !== undefined) out.severity = e.severity;
      return out;
    });
    const actual = active.map((f, i) => actualOf(f, c.code, c.findings[i]?.message !== undefined, c.findings[i]));
    assert.deepEqual(actual, expected, "findings differ");

    // Suggestions: every one is listed, each applied alone gives the exact output.
    active.forEach((f, i) => {
      const suggestions = f.fixes.filter((x) => x.kind === "suggestion");
      const want = c.findings[i]!.suggestions;
      if (suggestions.length > 0 && want === undefined) {
        assert.fail(`finding ${i + 1} (${f.code}) offers suggestions ${JSON.stringify(suggestions.map((s) => s.title))}; list them in the test`);
      }
      const got = suggestions.map((s) => ({ title: s.title, output: applyFixes(c.code, [s]).output }));
      assert.deepEqual(got, want ?? [], `suggestions of finding ${i + 1} differ`);
      for (const s of got) assert.notEqual(s.output, c.code, `suggestion "${s.title}" does not change the code`);
    });

    const fixHost = hostFor(c);
    const fixed = fixAll({ ...input, project: fixHost }, applyOtherFiles(fixHost));
    assert.ok(fixed.converged, "applying safe fixes did not converge within the pass limit");
    assert.deepEqual(fixed.dropped, [], "safe fixes left out: applied together they break the file");
    assert.equal(fixed.output, c.output ?? c.code, c.output === null ? "expected no safe fix to apply" : "output after safe fixes differs");
    if (c.outputFiles) {
      for (const [rel, text] of Object.entries(c.outputFiles)) assert.equal(fixHost.readFile(toAbs(rel)), text, `${rel} after safe fixes differs`);
    }
    if (c.output !== null) {
      // A fix must clear what it fixed: re-running finds none of the fixed cases' findings left.
      const after = analyze({ ...input, text: fixed.output, project: fixHost });
      assertNoBrokenRule(after);
      const left = after.findings.filter((f) => !f.suppression && fixed.fixed.includes(f.code) && f.fixes.some((x) => x.kind === "safe"));
      assert.deepEqual(left.map((f) => actualOf(f, fixed.output, true)), [], "safe fixes left fixable findings behind");
    }
  }
}

/** Strips the common indentation and the first and last blank lines of a template literal. */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").replace(/\n[ \t]*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n") + "\n";
}
