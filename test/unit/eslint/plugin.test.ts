import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Linter as LinterType } from "eslint";
import { allRules, analyze } from "../../../src/engine/analyze";
import { bulkFixOf } from "../../../src/engine/apply-fixes";
import { messageWithConfidence } from "../../../src/engine/confidence";
import { defaultConfig } from "../../../src/engine/config/load";
import { FsProjectHost } from "../../../src/engine/project-host";
import { familyRules } from "../../../src/rules";
import plugin = require("../../../src/eslint");
import { engineRuns, resetCaches } from "../../../src/eslint/analysis";
import { SAMPLE, SAMPLE_FIXED, SAMPLE_PACKAGE_JSON } from "./sample";

/* eslint-disable @typescript-eslint/no-require-imports */
const ESLINTS: [string, typeof LinterType][] = [
  ["ESLint 10", require("eslint").Linter],
  ["ESLint 9", require("eslint9").Linter],
];
const PARSERS: [string, LinterType.Parser | undefined][] = [
  ["espree", undefined],
  ["@typescript-eslint/parser", require("@typescript-eslint/parser")],
];
/* eslint-enable @typescript-eslint/no-require-imports */


const FINDINGS = [
  ["hardening-hints/unvalidated-boundary", "expressBody", 4, 25, 4, 33, "req.body goes into a database call without validation: whatever the sender puts in it is written or queried as sent, wrong types and extra fields included. Validate it with a schema before using it."],
  ["hardening-hints/swallowed-exception", "emptyCatch", 7, 24, 7, 26, "The catch drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it."],
  ["hardening-hints/hardcoded-secret", "providerKey", 8, 50, 8, 96, "A 44-character HubSpot private app token is written in the code: anyone who can read the code can use it. Read it from an environment variable."],
];

function row(m: LinterType.LintMessage) {
  return [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn, m.message];
}

function applySuggestion(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

let project: string;
let file: string;

before(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "hh-eslint-"));
  fs.writeFileSync(path.join(project, "package.json"), SAMPLE_PACKAGE_JSON);
  file = path.join(project, "src", "users.ts");
});
after(() => fs.rmSync(project, { recursive: true, force: true }));
beforeEach(() => resetCaches());

for (const [eslintName, Linter] of ESLINTS) {
  for (const [parserName, parser] of PARSERS) {
    describe(`eslint plugin: ${eslintName} with ${parserName}`, () => {
      const config = (): LinterType.Config[] => [{ files: ["**/*.ts"], ...(parser ? { languageOptions: { parser } } : {}) }, plugin.configs.recommended];
      const lint = (text: string) => new Linter({ cwd: project }).verify(text, config(), { filename: file });

      it("reports each family's findings with the engine's case id, message and exact span", () => {
        assert.deepEqual(lint(SAMPLE).map(row), FINDINGS);
      });

      it("reports what the engine finds on the same text, one engine run for every family rule", () => {
        const before = engineRuns();
        const messages = lint(SAMPLE);
        assert.equal(engineRuns() - before, 1);
        const engine = analyze({ path: file, text: SAMPLE, config: defaultConfig(project), project: new FsProjectHost() });
        assert.deepEqual(
          messages.map((m) => [m.ruleId, m.messageId, m.message]),
          engine.findings.map((f) => [`hardening-hints/${f.ruleId}`, f.caseId, messageWithConfidence(f)]),
        );
      });

      it("--fix applies the safe fix only (the log line), never a suggestion", () => {
        const fixed = new Linter({ cwd: project }).verifyAndFix(SAMPLE, config(), { filename: file });
        assert.equal(fixed.output, SAMPLE_FIXED);
        // The catch now logs and goes on: the engine says so (logAndContinue), as after `audit --fix`.
        assert.deepEqual(fixed.messages.map((m) => m.messageId), ["expressBody", "logAndContinue", "providerKey"]);
      });

      it("offers the other fixes as suggestions; one that also edits .env.example is offered for this file and says so", () => {
        const messages = lint(SAMPLE);
        // Every fix but the bulk one, in the engine's order (which fixes exist is the rules' business).
        const engine = analyze({ path: file, text: SAMPLE, config: defaultConfig(project), project: new FsProjectHost() });
        assert.deepEqual(
          messages.map((m) => (m.suggestions ?? []).map((s) => s.desc)),
          engine.findings.map((f) => f.fixes.filter((x) => x !== bulkFixOf(f)).map((x) => (x.edits.some((e) => e.file) ? `${x.title} (this file only; .env.example is not edited)` : x.title))),
        );
        assert.deepEqual(messages[1]!.suggestions!.map((s) => s.desc), ["Mark as intentionally ignored…"]);
        assert.equal(messages[2]!.suggestions![0]!.desc, "Move secret to process.env.HUBSPOT_ACCESS_TOKEN (this file only; .env.example is not edited)");
        assert.equal(applySuggestion(SAMPLE, messages[1]!.suggestions![0]!.fix), SAMPLE.replace("catch (e) {}", "catch (e) {\n  // Intentionally ignored: <reason>\n}"));
        assert.equal(
          applySuggestion(SAMPLE, messages[2]!.suggestions![0]!.fix),
          SAMPLE.replace('"pat-na1-5b8e14f1-69f7-48ce-9e67-f515b795e6c8"', 'process.env.HUBSPOT_ACCESS_TOKEN ?? (() => { throw new Error("HUBSPOT_ACCESS_TOKEN is not set"); })()'),
        );
      });

      it("keeps the rule's level for a low-confidence finding (ESLint has no info level) and says so in its message", () => {
        const text = 'export function readPort(raw) {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n';
        const messages = lint(text);
        assert.deepEqual(messages.map((m) => [m.messageId, m.severity]), [["logAndContinue", 1]]);
        assert.match(messages[0]!.message, /carries on: the caller thinks it worked\..* \(low confidence\)$/);
      });

      it("honors ESLint's own disable comments", () => {
        const text = SAMPLE.replace("try {", "// eslint-disable-next-line hardening-hints/swallowed-exception -- test\ntry {");
        assert.deepEqual(lint(text).map((m) => m.messageId), ["expressBody", "providerKey"]);
      });

      it("honors our hardening-hints-ignore directives (the engine applies them)", () => {
        const text = SAMPLE.replace("try {", "// hardening-hints-ignore-next-line swallowed-exception -- test\ntry {");
        assert.deepEqual(lint(text).map((m) => m.messageId), ["expressBody", "providerKey"]);
      });
    });
  }
}

describe("eslint plugin: TypeScript syntax with @typescript-eslint/parser", () => {
  it("lints a typed file (ESLint 10)", () => {
    const { Linter } = require("eslint") as typeof import("eslint"); // eslint-disable-line @typescript-eslint/no-require-imports
    const config: LinterType.Config[] = [{ files: ["**/*.ts"], languageOptions: { parser: PARSERS[1]![1]! } }, plugin.configs.recommended];
    const text = "export function load(): number {\n  try { return read() as number; } catch (e: unknown) {}\n  return 0;\n}\n";
    const messages = new Linter({ cwd: project }).verify(text, config, { filename: file });
    assert.deepEqual(messages.map(row), [["hardening-hints/swallowed-exception", "emptyCatch", 2, 55, 2, 57, "The catch in load drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it."]]);
  });
});

describe("eslint plugin: rules, configs and project config", () => {
  const { Linter } = require("eslint") as typeof import("eslint"); // eslint-disable-line @typescript-eslint/no-require-imports

  it("has one rule per family of the engine's registry and ignore-directive, all in configs.recommended", () => {
    assert.deepEqual(Object.keys(plugin.rules), [...familyRules.map((r) => r.id), "ignore-directive"]);
    assert.deepEqual(
      plugin.configs.recommended.rules,
      Object.fromEntries(allRules.map((r) => [`hardening-hints/${r.id}`, r.severity === "error" ? "error" : "warn"])),
    );
    for (const family of allRules) {
      const meta = plugin.rules[family.id]!.meta!;
      assert.equal(meta.docs!.url, family.docs.url);
      assert.deepEqual(Object.keys(meta.messages!), Object.keys(family.cases));
      assert.equal(meta.fixable, Object.values(family.cases).some((c) => c.fix === "safe") ? "code" : undefined, family.id);
    }
  });

  it("reports our directives without a reason or silencing nothing (ignore-directive); --fix removes an unused one", () => {
    const text = "// hardening-hints-ignore-next-line swallowed-exception -- not needed\nconst a = 1;\n// hardening-hints-ignore-next-line swallowed-exception\ntry { f(); } catch (e) {}\n";
    const config = [{ files: ["**/*.ts"] }, plugin.configs.recommended];
    assert.deepEqual(new Linter({ cwd: project }).verify(text, config, { filename: file }).map(row), [
      ["hardening-hints/ignore-directive", "unusedDirective", 1, 1, 1, 70, "This ignore directive for swallowed-exception silences nothing: it would hide a real finding added here later. Remove it."],
      ["hardening-hints/ignore-directive", "missingReason", 3, 1, 3, 56, "This ignore directive gives no reason: nobody can tell later why the finding is silenced. Add one after the two dashes (-- reason)."],
    ]);
    assert.equal(new Linter({ cwd: project }).verifyAndFix(text, config, { filename: file }).output, text.slice(text.indexOf("const a")));
  });

  it("eslint --fix of two unread allSettled batches in one block declares settled and settled2, not one name twice (papermark duplicate.ts)", () => {
    const text = "export async function copy(a, b) {\n  await Promise.allSettled(a);\n  await Promise.allSettled(b);\n}\n";
    const config = [{ files: ["**/*.ts"] }, plugin.configs.recommended];
    const fixed = new Linter({ cwd: project }).verifyAndFix(text, config, { filename: file });
    assert.deepEqual([fixed.fixed, fixed.messages.filter((m) => m.fatal)], [true, []]);
    assert.equal(fixed.output.match(/const settled2? = await Promise\.allSettled\([ab]\);/g)?.join(" "), "const settled = await Promise.allSettled(a); const settled2 = await Promise.allSettled(b);");
  });

  it("eslint --fix of two dropped supabase-js writes in one block binds error and insertError, not const { error } twice (session 31, fixrev31)", () => {
    const text = 'import { supabase } from "./supabase";\nexport async function seed(a, b) {\n  await supabase.from("a").insert(a);\n  await supabase.from("b").insert(b);\n}\n';
    const config = [{ files: ["**/*.ts"] }, plugin.configs.recommended];
    const fixed = new Linter({ cwd: project }).verifyAndFix(text, config, { filename: file });
    assert.deepEqual([fixed.fixed, fixed.messages.filter((m) => m.fatal)], [true, []]);
    assert.deepEqual(fixed.output.match(/const \{ [\w: ]+ \} = await supabase\.from\("[ab]"\)/g), ['const { error } = await supabase.from("a")', 'const { error: insertError } = await supabase.from("b")']);
  });

  it("a file on disk that is not valid UTF-8: findings reported, no fix or suggestion (--fix would write U+FFFD over its bytes)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-eslint-latin1-"));
    try {
      const latin1 = path.join(dir, "price.ts");
      fs.writeFileSync(latin1, Buffer.from('export const price = "£5";\ntry { f(); } catch (e) {}\n', "latin1"));
      const text = fs.readFileSync(latin1, "utf8"); // as ESLint reads it: U+FFFD for the 0xA3 byte
      const config = [{ files: ["**/*.ts"] }, plugin.configs.recommended];
      const messages = new Linter({ cwd: dir }).verify(text, config, { filename: latin1 });
      assert.deepEqual(messages.map((m) => [m.messageId, m.line, m.column, m.fix, m.suggestions]), [["emptyCatch", 2, 24, undefined, undefined]]);
      assert.equal(new Linter({ cwd: dir }).verifyAndFix(text, config, { filename: latin1 }).fixed, false);
      // The same text in a UTF-8 file (a real U+FFFD) is fixed as usual.
      fs.writeFileSync(latin1, text);
      resetCaches();
      assert.equal(new Linter({ cwd: dir }).verifyAndFix(text, config, { filename: latin1 }).fixed, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the project's .hardeninghints.json: a case turned off there is not reported", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-eslint-config-"));
    try {
      fs.writeFileSync(path.join(dir, ".hardeninghints.json"), JSON.stringify({ rules: { "swallowed-exception/emptyCatch": "off" } }));
      const messages = new Linter({ cwd: dir }).verify(SAMPLE, [{ files: ["**/*.ts"] }, plugin.configs.recommended], { filename: path.join(dir, "a.ts") });
      assert.deepEqual(messages.map((m) => m.messageId), ["expressBody", "providerKey"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("honours the config's overrides: a case turned off for a folder is reported only outside it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-eslint-config-"));
    try {
      fs.writeFileSync(path.join(dir, ".hardeninghints.json"), JSON.stringify({ overrides: [{ files: ["legacy/**"], rules: { "swallowed-exception/emptyCatch": "off" } }] }));
      const ids = (file: string) => new Linter({ cwd: dir }).verify(SAMPLE, [{ files: ["**/*.ts"] }, plugin.configs.recommended], { filename: path.join(dir, file) }).map((m) => m.messageId);
      assert.deepEqual([ids("legacy/a.ts"), ids("src/a.ts")], [["expressBody", "providerKey"], ["expressBody", "emptyCatch", "providerKey"]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops with the config error, as the CLI exits 2, when .hardeninghints.json is invalid", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-eslint-config-"));
    try {
      fs.writeFileSync(path.join(dir, ".hardeninghints.json"), '{ "rules": { "swallowed-exception": "loud" } }');
      assert.throws(() => new Linter({ cwd: dir }).verify(SAMPLE, [{ files: ["**/*.ts"] }, plugin.configs.recommended], { filename: path.join(dir, "a.ts") }), /hardening-hints: .*hardeninghints\.json/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves a name the engine does not analyze alone (a processor's block, .vue)", () => {
    const messages = new Linter({ cwd: project }).verify(SAMPLE, [{ files: ["**/*.vue"] }, plugin.configs.recommended], { filename: path.join(project, "a.vue") });
    assert.deepEqual(messages, []);
  });
});
