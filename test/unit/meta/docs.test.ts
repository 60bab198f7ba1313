import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules, analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";

const DOCS = path.resolve(__dirname, "../../../docs/rules");

interface Example {
  caseId: string | undefined;
  lang: string;
  valid: boolean;
  code: string;
  line: number;
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
    const fence = /^```(ts|tsx|js|jsx|mjs|cjs)\s+(valid|invalid)\s*$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    const start = i + 1;
    for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
    out.push({ caseId, lang: fence[1]!, valid: fence[2] === "valid", code: body.join("\n") + "\n", line: start });
  }
  return out;
}

describe("meta: rule docs", () => {
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
        }
        assert.ok(examples.some((e) => e.valid), "no valid example at all");
      });

      it("every invalid example gives exactly one finding of its case, every valid example none", () => {
        const wrong: string[] = [];
        for (const ex of examplesOf(text)) {
          const r = analyze({ path: `/docs/src/example.${ex.lang}`, text: ex.code, config: defaultConfig("/docs"), project: new MemoryProjectHost(new Map([["/docs/package.json", "{}"]])), fixes: false });
          const mine = r.findings.filter((f) => f.ruleId === rule.id && !f.suppression);
          if (ex.valid && mine.length > 0) wrong.push(`line ${ex.line}: valid example has ${mine.map((f) => f.code).join(", ")}`);
          if (!ex.valid && (mine.length !== 1 || mine[0]!.caseId !== ex.caseId)) wrong.push(`line ${ex.line}: invalid example under ### ${ex.caseId} has [${mine.map((f) => f.code).join(", ")}]`);
        }
        assert.deepEqual(wrong, []);
      });
    });
  }
});
