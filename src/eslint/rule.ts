import type { Rule } from "eslint";
import * as path from "node:path";
import { bulkFixOf } from "../engine/apply-fixes";
import { messageWithConfidence } from "../engine/confidence";
import type { Finding, Fix, RuleModule, TextEdit } from "../engine/types";
import { analysisOf } from "./analysis";

type EslintFixer = Parameters<NonNullable<Rule.ReportDescriptorOptions["fix"]>>[0];

/** Our fix's edits to the linted file as an ESLint fix function (offsets into `sourceCode.text`, the text the engine analyzed). */
function toFixFunction(edits: readonly TextEdit[]): Rule.ReportFixer {
  return (fixer: EslintFixer) => edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text));
}

/** Files other than the linted one that a fix edits or creates (`.env.example`): ESLint cannot write them. */
function otherFiles(fix: Fix): string[] {
  return [...new Set(fix.edits.flatMap((e) => (e.file === undefined ? [] : [path.basename(e.file)])))];
}

/**
 * A suggestion for each fix but the bulk one. A fix that also edits another file is offered
 * for this file's part only, and says so: "Move secret to `process.env.X` (this file only;
 * .env.example is not edited)".
 */
function suggestionOf(fix: Fix): Rule.SuggestionReportDescriptor | undefined {
  const own = fix.edits.filter((e) => e.file === undefined);
  if (own.length === 0) return undefined;
  const others = otherFiles(fix);
  const desc = others.length ? `${fix.title} (this file only; ${others.join(", ")} is not edited)` : fix.title;
  return { desc, fix: toFixFunction(own) };
}

/**
 * The fix-safety policy in ESLint terms: the fix "fix all" would apply (the preferred safe
 * fix, else the first safe one) becomes the report's `fix`, so `eslint --fix` applies exactly
 * what `hardening-hints audit --fix` applies; every other fix is a suggestion, never applied
 * in bulk.
 */
function fixesOf(finding: Finding, fixable: boolean): Pick<Rule.ReportDescriptorOptions, "fix" | "suggest"> {
  // A bulk fix that also edits another file is not applied: `--fix` would do half of it.
  const bulk = fixable ? bulkFixOf(finding) : undefined;
  const fix = bulk && otherFiles(bulk).length === 0 ? toFixFunction(bulk.edits) : undefined;
  const suggest: Rule.SuggestionReportDescriptor[] = [];
  for (const f of finding.fixes) {
    const s = f === bulk && fix ? undefined : suggestionOf(f);
    if (s) suggest.push(s);
  }
  return { ...(fix ? { fix } : {}), ...(suggest.length ? { suggest } : {}) };
}

/**
 * One family as an ESLint rule (also an oxlint JS plugin rule). It detects nothing itself: the
 * engine analyzes `sourceCode.text` once per file (shared by the family rules, see analysis.ts)
 * and the rule reports that family's findings, minus those our own directives silence.
 */
export function eslintRuleFor(family: RuleModule): Rule.RuleModule {
  const cases = Object.values(family.cases);
  const fixable = cases.some((c) => c.fix === "safe");
  return {
    meta: {
      type: "problem",
      docs: { description: family.docs.description, url: family.docs.url, recommended: true },
      ...(fixable ? { fixable: "code" as const } : {}),
      hasSuggestions: cases.some((c) => c.fix !== "none"),
      schema: [],
      // The engine fills its message templates; messageId is the case id (`emptyCatch`).
      messages: Object.fromEntries(Object.keys(family.cases).map((caseId) => [caseId, "{{message}}"])),
    },
    create(context) {
      return {
        Program() {
          const { sourceCode } = context;
          const result = analysisOf({ filename: context.filename, physicalFilename: context.physicalFilename, cwd: context.cwd, text: sourceCode.text });
          for (const finding of result?.findings ?? []) {
            if (finding.ruleId !== family.id || finding.suppression) continue;
            context.report({
              messageId: finding.caseId,
              data: { message: messageWithConfidence(finding) },
              loc: { start: sourceCode.getLocFromIndex(finding.range.start), end: sourceCode.getLocFromIndex(finding.range.end) },
              ...fixesOf(finding, fixable),
            });
          }
        },
      };
    },
  };
}
