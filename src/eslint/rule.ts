import type { Rule } from "eslint";
import { bulkFixOf } from "../engine/apply-fixes";
import type { Finding, Fix, RuleModule } from "../engine/types";
import { analysisOf } from "./analysis";

type EslintFixer = Parameters<NonNullable<Rule.ReportDescriptorOptions["fix"]>>[0];

/**
 * Our fix as an ESLint fix function, or undefined when ESLint cannot express it: a fix that
 * edits or creates another file (`.env.example`) is offered by the CLI and the editor only.
 * Edits are offsets into `sourceCode.text`, the very text the engine analyzed.
 */
function toFixFunction(fix: Fix): Rule.ReportFixer | undefined {
  if (fix.edits.some((e) => e.file !== undefined || e.create)) return undefined;
  return (fixer: EslintFixer) => fix.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text));
}

/**
 * The fix-safety policy in ESLint terms: the fix "fix all" would apply (the preferred safe
 * fix, else the first safe one) becomes the report's `fix`, so `eslint --fix` applies exactly
 * what `hardening-hints audit --fix` applies; every other fix is a suggestion, never applied
 * in bulk.
 */
function fixesOf(finding: Finding, fixable: boolean): Pick<Rule.ReportDescriptorOptions, "fix" | "suggest"> {
  const bulk = fixable ? bulkFixOf(finding) : undefined;
  const fix = bulk && toFixFunction(bulk);
  const suggest: Rule.SuggestionReportDescriptor[] = [];
  for (const f of finding.fixes) {
    if (f === bulk) continue;
    const fn = toFixFunction(f);
    if (fn) suggest.push({ desc: f.title, fix: fn });
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
              data: { message: finding.message },
              loc: { start: sourceCode.getLocFromIndex(finding.range.start), end: sourceCode.getLocFromIndex(finding.range.end) },
              ...fixesOf(finding, fixable),
            });
          }
        },
      };
    },
  };
}
