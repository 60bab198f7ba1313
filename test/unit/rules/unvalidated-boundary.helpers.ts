import rule from "../../../src/rules/unvalidated-boundary/rule";
import { RuleTester, type ExpectedSuggestion, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

/** The "Mark as validated elsewhere…" suggestion every finding of this family offers: a directive above the read's line. */
export function mark(code: string, caseId: string, line: number): ExpectedSuggestion {
  const lines = code.split("\n");
  lines.splice(line - 1, 0, `${/^[ \t]*/.exec(lines[line - 1]!)![0]}// hardening-hints-ignore-next-line unvalidated-boundary/${caseId} -- <reason>`);
  return { title: "Mark as validated elsewhere…", output: lines.join("\n") };
}

/**
 * Runs a table of this family with only the cases its invalid rows name declared
 * (unvalidated-boundary.test.ts exercises every case): a row that reports any other case fails,
 * since the engine stops a rule that reports an undeclared case.
 */
export function runWithNamedCases(valid: ValidCase[], invalid: InvalidCase[]): void {
  const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
  const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
  new RuleTester().run(narrowed, { valid, invalid });
}

/** An invalid row with one finding of `caseId` that offers only the "Mark as validated elsewhere…" suggestion. */
export function markedRow(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, files, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], output: null };
}
