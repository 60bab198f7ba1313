import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { FsProjectHost } from "../../../src/engine/project-host";
import { directiveRule } from "../../../src/engine/suppress";
import { isAnalyzablePath } from "../../../src/engine/walk";
import { familyRules } from "../../../src/rules";

const REPO = path.resolve(__dirname, "../../..");
// Every labelled file: the labelled sets and the fixture folders of each family.
const ROOTS = [path.join(REPO, "test/labelled"), path.join(REPO, "test/fixtures")];

/** Markdown that VS Code's Problems panel, hovers and the CLI's text would show literally. */
const MARKDOWN_RE = /`|\*\*|\]\(|^#|<\/?[a-z]+>/;

/**
 * The verbs a "what to do" starts with. A message ends with what to do when its last sentence
 * starts with one, or has a clause that does (after ": ", ", ", "; " or " or "): "Rotate it: it
 * is in git history.", "Browser code ships it to every visitor: move it to the server."
 */
const TODO_VERBS = ["Add", "Check", "Delete", "Fix", "Give", "Handle", "Log", "Move", "Pass", "Read", "Remove", "Rethrow", "Return", "Rotate", "Set", "Validate", "Wait"];
const TODO_RE = new RegExp(`(?:^|: |, |; | or )(?:${TODO_VERBS.join("|")})\\b`, "i");

/** The last sentence: sentences end at ". " before a capital letter (".catch()", "req.body" do not). */
function lastSentence(message: string): string {
  return message.split(/(?<=\.) (?=[A-Z])/).at(-1)!;
}

/** What is wrong with one message, or undefined: no Markdown, one or two sentences… ending with what to do. */
function problemOf(message: string): string | undefined {
  if (MARKDOWN_RE.test(message)) return "Markdown";
  if (!message.endsWith(".")) return "no final period";
  if (!TODO_RE.test(lastSentence(message))) return "does not end with what to do";
  return undefined;
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : isAnalyzablePath(e.name) ? [path.join(dir, e.name)] : []));
}

describe("meta: every message is plain text that ends with what to do (issue 17)", function () {
  this.timeout(120_000);
  const rules = [...familyRules, directiveRule];

  it("the checks can fail", () => {
    assert.deepEqual(
      ["The `catch` in `f` drops the error", "The catch drops the error", "The catch drops the error: nobody finds out.", "**Bold**. Log it.", "Read [the docs](x). Log it."].map(problemOf),
      ["Markdown", "no final period", "does not end with what to do", "Markdown", "Markdown"],
    );
    assert.deepEqual(["A key is written in the code. Rotate it: it is in git history.", "It ships to every visitor: move it to the server.", "Rethrow it, or return an error the caller checks.", "A crafted key such as __proto__ can change objects. Validate it."].map(problemOf), [undefined, undefined, undefined, undefined]);
  });

  it("no message template of any rule holds Markdown", () => {
    const bad = rules.flatMap((r) => Object.entries(r.cases).filter(([, c]) => MARKDOWN_RE.test(c.message)).map(([id, c]) => `${r.id}/${id}: ${c.message}`));
    assert.deepEqual(bad, []);
  });

  it("every message of every finding on the labelled files: plain text, ending with what to do; related messages plain text", () => {
    const host = new FsProjectHost();
    const bad: string[] = [];
    const seen = new Map<string, number>();
    for (const root of ROOTS) {
      for (const file of files(root)) {
        const config = defaultConfig(root);
        const r = analyze({ path: file, text: fs.readFileSync(file, "utf8"), config: { ...config, ignore: [] }, project: host, fixes: false });
        for (const f of r.findings) {
          seen.set(f.ruleId, (seen.get(f.ruleId) ?? 0) + 1);
          const problem = problemOf(f.message);
          if (problem) bad.push(`${path.relative(REPO, file)} ${f.code} (${problem}): ${f.message}`);
          for (const x of f.related) if (MARKDOWN_RE.test(x.message)) bad.push(`${path.relative(REPO, file)} ${f.code} related (Markdown): ${x.message}`);
        }
      }
    }
    // Every family is exercised, so a family whose messages regress cannot pass unseen.
    for (const r of familyRules) assert.ok((seen.get(r.id) ?? 0) >= 20, `${r.id}: only ${seen.get(r.id) ?? 0} findings on the labelled files`);
    assert.deepEqual(bad, []);
  });
});
