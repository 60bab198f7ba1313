import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules, analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { familyRules } from "../../../src/rules";

const DOCS = path.resolve(__dirname, "../../../docs/rules");

interface Example {
  caseId: string | undefined;
  lang: string;
  valid: boolean;
  code: string;
  line: number;
  /** The last non-blank line above the fence: the label a reader sees ("**Bad** (reported):"). */
  label: string;
  /** The file the example is analyzed as (`path=` in the info string), for frameworks told by the file's place. */
  path?: string;
}

/** The labels a reader sees above an example (the fence's info string is not rendered). Plain words: an emoji shows as a box where the editor's font has none. */
export const BAD_LABEL = /^\*\*Bad\*\* \(reported\)/;
export const GOOD_LABEL = /^\*\*Good\*\* \(not reported\)/;

/** What is wrong with an example's label, or undefined. */
export function labelProblem(e: Pick<Example, "valid" | "label">): string | undefined {
  if (e.valid) return GOOD_LABEL.test(e.label) ? undefined : "a valid example needs a **Good** (not reported) label above it";
  return BAD_LABEL.test(e.label) ? undefined : "an invalid example needs a **Bad** (reported) label above it";
}

/** The prose of the `### caseId` section (up to the next heading), fenced code left out. */
export function sectionProse(markdown: string, caseId: string): string | undefined {
  const m = new RegExp(`^###\\s+\`?${caseId}\`?\\s*$([\\s\\S]*?)(?=^##|(?![\\s\\S]))`, "m").exec(markdown);
  return m?.[1]!.replace(/^```[\s\S]*?^```/gm, "");
}

/** What is wrong with how a case section names its fix, given the case's declared capability. */
export function fixKindProblem(prose: string, declared: "safe" | "suggestion" | "none"): string | undefined {
  if (declared === "none") return /\bno fix\b|\bFix: none\b/i.test(prose) ? undefined : "declares no fix but the section does not say so";
  return /\bsafe\b|\bsuggestions?\b/i.test(prose) ? undefined : "does not say whether its fixes are safe or suggestions";
}

/** The production consequence a case section gives (issue 17): a paragraph "**Why it matters in production**: what breaks, for whom". */
const PRODUCTION = /^\*\*Why it matters in production\*\*: (\S[\s\S]*?)(?=\n\n|\n?$(?![\s\S]))/m;

/** The text of a case section's production paragraph (lines joined), or undefined. */
export function productionText(prose: string): string | undefined {
  return PRODUCTION.exec(prose)?.[1]!.replace(/\s*\n\s*/g, " ");
}

/** What is wrong with a case section's production paragraph: missing, or too short to say what breaks and for whom. */
export function productionProblem(prose: string): string | undefined {
  const text = productionText(prose);
  if (text === undefined) return "has no **Why it matters in production**: paragraph";
  return text.length >= 80 ? undefined : `its production consequence is ${text.length} characters; say what breaks and for whom`;
}

/** Fenced blocks whose info string is `<lang> valid` or `<lang> invalid`, with the `###` they sit under. */
export function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  let caseId: string | undefined;
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^###\s+`?([A-Za-z0-9]+)`?\s*$/.exec(line);
    if (h) caseId = h[1];
    else if (/^##\s/.test(line)) caseId = undefined;
    // `ts invalid path=src/routes/api/+server.ts`: a file-routed framework is told by the file's place.
    const fence = /^```(ts|tsx|js|jsx|mjs|cjs|json)\s+(valid|invalid)(?:\s+path=(\S+))?\s*$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    const start = i + 1;
    let above = i - 1;
    while (above >= 0 && lines[above]!.trim() === "") above--;
    const label = above >= 0 ? lines[above]! : "";
    for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
    out.push({ caseId, lang: fence[1]!, valid: fence[2] === "valid", code: body.join("\n") + "\n", line: start, label, path: fence[3] });
  }
  return out;
}

describe("meta: rule docs", () => {
  it("the label, section and fix-kind checks can fail", () => {
    assert.deepEqual(
      [{ valid: false, label: "**Bad** (reported):" }, { valid: true, label: "**Good** (not reported): the error is logged." }, { valid: true, label: "**Bad** (reported):" }, { valid: false, label: "Some prose." }].map(labelProblem),
      [undefined, undefined, "a valid example needs a **Good** (not reported) label above it", "an invalid example needs a **Bad** (reported) label above it"],
    );
    const md = "### a\n\nText.\n\n```ts invalid\nsafe\n```\n\nFix (suggestion): x.\n\n### b\n\nOther.\n## Options\n";
    assert.equal(sectionProse(md, "a")!.includes("Fix (suggestion)"), true);
    assert.equal(sectionProse(md, "a")!.includes("safe"), false);
    assert.equal(sectionProse(md, "b")!.trim(), "Other.");
    const why = "**Why it matters in production**: a failed payment write is reported as success;\nthe customer is charged twice on retry.";
    assert.deepEqual(
      [productionProblem(`Text.\n\n${why}\n\n**Bad** (reported):`), productionText(`${why}\n`), productionProblem("Text.\n\n**Why it matters in production**: data loss.\n"), productionProblem("Text.\n\n## Why it matters\n\nIt does.\n")],
      [undefined, "a failed payment write is reported as success; the customer is charged twice on retry.", "its production consequence is 10 characters; say what breaks and for whom", "has no **Why it matters in production**: paragraph"],
    );
    assert.deepEqual([fixKindProblem("Fix (safe): x.", "safe"), fixKindProblem("Fix: none; write it.", "none"), fixKindProblem("Fix: a schema.", "suggestion"), fixKindProblem("Fix (safe): x.", "none")], [undefined, undefined, "does not say whether its fixes are safe or suggestions", "declares no fix but the section does not say so"]);
  });

  for (const rule of allRules) {
    describe(`docs/rules/${rule.id}.md`, () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";

      it("exists, with the rule's description in its frontmatter", () => {
        assert.ok(text, `${file} is missing`);
        const fm = /^---\n([\s\S]*?)\n---/.exec(text);
        assert.ok(fm, "frontmatter missing");
        const desc = /^description:\s*"?(.*?)"?\s*$/m.exec(fm[1]!);
        assert.equal(desc?.[1], rule.docs.description);
      });

      it("has one ### section per case, named by the case id, with an invalid and a valid example", () => {
        const examples = examplesOf(text);
        for (const caseId of Object.keys(rule.cases)) {
          assert.match(text, new RegExp(`^###\\s+\`?${caseId}\`?\\s*$`, "m"), `no ### ${caseId} section`);
          assert.ok(examples.some((e) => e.caseId === caseId && !e.valid), `### ${caseId} has no \`\`\`ts invalid example`);
          assert.ok(examples.some((e) => e.caseId === caseId && e.valid), `### ${caseId} has no \`\`\`ts valid example`);
        }
        assert.ok(examples.some((e) => e.valid), "no valid example at all");
      });

      it("every example is labelled for a reader: **Bad** (reported) above an invalid one, **Good** (not reported) above a valid one (issue 17)", () => {
        const wrong = examplesOf(text).flatMap((e) => { const p = labelProblem(e); return p ? [`line ${e.line} (### ${e.caseId}): ${p}`] : []; });
        assert.deepEqual(wrong, []);
      });

      it("every case section says what its fix does and whether it is safe or a suggestion; the page says how to configure it", () => {
        const wrong = Object.entries(rule.cases).flatMap(([caseId, c]) => {
          const prose = sectionProse(text, caseId);
          const p = prose === undefined ? "no section" : fixKindProblem(prose, c.fix);
          return p ? [`### ${caseId}: ${p}`] : [];
        });
        assert.deepEqual(wrong, []);
        assert.match(text, /^## Options$/m, "no ## Options section (how to configure the rule and its cases)");
        if (familyRules.includes(rule)) assert.match(text, /^## Why it matters$/m, "no ## Why it matters section (what goes wrong in production)");
      });

      it("every case section says why it matters in production, in its own words (issue 17)", () => {
        const wrong = Object.keys(rule.cases).flatMap((caseId) => {
          const prose = sectionProse(text, caseId);
          const p = prose === undefined ? "no section" : productionProblem(prose);
          return p ? [`### ${caseId}: ${p}`] : [];
        });
        assert.deepEqual(wrong, []);
        const texts = Object.keys(rule.cases).map((caseId) => productionText(sectionProse(text, caseId) ?? ""));
        assert.deepEqual(texts.filter((t, i) => t !== undefined && texts.indexOf(t) !== i), [], "two cases share one production paragraph");
      });

      it("every invalid example gives exactly one finding of its case, every valid example none", () => {
        const wrong: string[] = [];
        for (const ex of examplesOf(text)) {
          const r = analyze({ path: ex.path ? `/docs/${ex.path}` : `/docs/src/example.${ex.lang}`, text: ex.code, config: defaultConfig("/docs"), project: new MemoryProjectHost(new Map([["/docs/package.json", "{}"]])), fixes: false });
          const mine = r.findings.filter((f) => f.ruleId === rule.id && !f.suppression);
          if (ex.valid && mine.length > 0) wrong.push(`line ${ex.line}: valid example has ${mine.map((f) => f.code).join(", ")}`);
          if (!ex.valid && (mine.length !== 1 || mine[0]!.caseId !== ex.caseId)) wrong.push(`line ${ex.line}: invalid example under ### ${ex.caseId} has [${mine.map((f) => f.code).join(", ")}]`);
        }
        assert.deepEqual(wrong, []);
      });
    });
  }
});
