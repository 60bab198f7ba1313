import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ts } from "ts-morph";
import { analyze } from "../../../src/engine/analyze";
import { bulkFixOf, fixAll } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { defineRule } from "../../../src/engine/define-rule";
import { onFixSafetyCheck, type SafetyCheck } from "../../../src/engine/fix-safety";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import type { Finding, Fix } from "../../../src/engine/types";
import { checking } from "../../helpers/rule-tester";
// Every rule table and fixture folder, so that this test sees every fix they produce even when
// run alone (mocha loads each module once: in a full run these are the same suites).
import "../rules/hardcoded-secret.test";
import "../rules/hardcoded-secret.fixtures.test";
import "../rules/swallowed-exception.test";
import "../rules/swallowed-exception.fixtures.test";
import "../rules/unbounded-call.test";
import "../rules/unvalidated-boundary.test";
import "../rules/unvalidated-boundary.fixtures.test";

const REPO = path.resolve(__dirname, "../../..");

/** Every safe fix the engine checked while a rule table row or fixture ran, with the row's name. */
const seen: (SafetyCheck & { label: string })[] = [];
const stopListening = onFixSafetyCheck((check) => {
  if (checking.label !== undefined) seen.push({ ...check, label: checking.label });
});

describe("meta: fix safety (ARCHITECTURE.md, Fix safety)", () => {
  after(() => stopListening());

  it("every safe fix the rule tables and fixtures produce only adds information (none is demoted)", () => {
    // Not vacuous: the tables were loaded and the engine checked their safe fixes.
    assert.ok(seen.length > 0, "no safe fix was checked: are the rule tables loaded?");
    // One line per violating fix (first violation), deduplicated: the row, the case, the title.
    const bad = [...new Set(seen.filter((s) => s.violations.length > 0).map((s) => `${s.label} | ${s.code} | "${s.title}" | ${s.violations[0]}`))].sort();
    if (bad.length > 0) {
      const byFamily = new Map<string, number>();
      for (const line of bad) byFamily.set(line.split(" ")[0]!, (byFamily.get(line.split(" ")[0]!) ?? 0) + 1);
      console.log(`\n  ${bad.length} safe fix(es) break the policy (${[...byFamily].map(([f, n]) => `${f}: ${n}`).join(", ")}):\n${bad.map((l) => `    ${l}`).join("\n")}\n`);
    }
    assert.deepEqual(bad, [], "safe fixes that break the fix-safety policy (the engine demotes them to suggestions)");
  });

  describe("bulk paths apply only safe fixes", () => {
    const finding = (fixes: Fix[], suppressed = false): Finding => ({ ruleId: "r", caseId: "c", code: "r/c", severity: "warning", message: "m", range: { start: 0, end: 1 }, related: [], fixes, docsUrl: "", ...(suppressed ? { suppression: { kind: "inSource" as const, justification: "x" } } : {}) });
    const safe: Fix = { title: "safe", kind: "safe", edits: [{ start: 0, end: 0, text: "/* a */" }] };
    const preferredSafe: Fix = { ...safe, title: "preferred", isPreferred: true };
    const suggestion: Fix = { title: "suggestion", kind: "suggestion", edits: [{ start: 0, end: 1, text: "x" }] };

    it("bulkFixOf picks the preferred safe fix, else the first safe one, never a suggestion or a suppressed finding's fix", () => {
      assert.equal(bulkFixOf(finding([suggestion, safe, preferredSafe])), preferredSafe);
      assert.equal(bulkFixOf(finding([suggestion, safe])), safe);
      assert.equal(bulkFixOf(finding([suggestion])), undefined);
      assert.equal(bulkFixOf(finding([safe], true)), undefined);
    });

    // A rule that marks a behaviour change as safe: the engine demotes it, so fixAll leaves it.
    const liar = defineRule({
      id: "liar-rule",
      docs: { description: "offers a rethrow marked safe" },
      severity: "warning",
      cases: { swallowed: { message: "swallowed", fix: "safe", description: "an empty catch" } },
      create(ctx) {
        return {
          [ts.SyntaxKind.CatchClause](node: ts.CatchClause) {
            if (node.block.statements.length > 0) return;
            const at = node.block.getStart() + 1;
            ctx.report({ case: "swallowed", node: node.block, fixes: () => [{ title: "Rethrow", kind: "safe", isPreferred: true, edits: [{ start: at, end: at, text: " throw e; " }] }] });
          },
        };
      },
    });

    it("fixAll (used by the CLI's --fix and the tests) does not apply a safe-marked fix that breaks the policy", () => {
      const text = "try { f(); } catch (e) {}\n";
      const input = { path: "/p/a.ts", text, config: normalize({} as never, "/p", [liar]), project: new MemoryProjectHost(new Map()), rules: [liar] };
      const r = analyze(input);
      assert.deepEqual(r.findings[0]!.fixes.map((f) => [f.title, f.kind, f.isPreferred]), [["Rethrow", "suggestion", undefined]]);
      const fixed = fixAll(input, () => undefined);
      assert.deepEqual([fixed.output, fixed.fixed], [text, []]);
    });

    it("the CLI's --fix and the editor's source.fixAll choose fixes only through bulkFixOf / fixAll", () => {
      const cliFix = fs.readFileSync(path.join(REPO, "src/cli/fix-files.ts"), "utf8");
      const actions = fs.readFileSync(path.join(REPO, "src/extension/code-actions.ts"), "utf8");
      const fixAllSource = fs.readFileSync(path.join(REPO, "src/engine/apply-fixes.ts"), "utf8");
      // fixAll picks with bulkFixes → bulkFixOf; the CLI's fix path calls fixAll and picks no fix of its own.
      assert.match(fixAllSource, /const fix = bulkFixOf\(f\);/);
      assert.match(fixAllSource, /const chosen = bulkFixes\(result\.findings\);/);
      assert.match(cliFix, /fixAll\(\{ path: file/);
      assert.doesNotMatch(cliFix, /\.fixes\b|applyFixes/, "the CLI must not pick fixes from findings itself");
      // The editor's fix-all action applies what bulkFixOf chose, and nothing else reads kinds there.
      const method = /private fixAll\([\s\S]*?\n {2}\}\n/.exec(actions)?.[0] ?? "";
      assert.match(method, /engine\.bulkFixOf\(f\)/);
      assert.doesNotMatch(method, /\.fixes\b/);
    });
  });
});
