import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { ignoreFileEdit, ignoreLineEdit } from "../../../src/engine/suppress";
import { applyEdits } from "../../../src/engine/fix-invariants";
import { testRule } from "./test-rule";

function run(text: string) {
  const r = analyze({ path: "/p/a.ts", text, config: defaultConfig("/p"), project: new MemoryProjectHost(), rules: [testRule] });
  return {
    active: r.findings.filter((f) => !f.suppression).map((f) => `${f.code}@${text.slice(0, f.range.start).split("\n").length}: ${f.message}`),
    suppressed: r.findings.filter((f) => f.suppression).map((f) => `${f.code}|${f.suppression!.kind}|${f.suppression!.justification}`),
    fixes: r.findings.filter((f) => !f.suppression).map((f) => f.fixes.map((x) => x.title)),
  };
}

describe("engine: inline directives", () => {
  it("ignore-next-line silences the next line only, for the named family", () => {
    const r = run("// hardening-hints-ignore-next-line test-rule -- legacy name kept for the API\nbad;\nbad;\n");
    assert.deepEqual(r.active, ["test-rule/badName@3: `bad` is a bad name"]);
    assert.deepEqual(r.suppressed, ["test-rule/badName|inSource|legacy name kept for the API"]);
  });

  it("ignore-line silences its own line; a case code matches only that case", () => {
    const r = run("bad; debugger; // hardening-hints-ignore-line test-rule/debuggerStmt -- kept for the demo\n");
    assert.deepEqual(r.active, ["test-rule/badName@1: `bad` is a bad name"]);
    assert.deepEqual(r.suppressed, ["test-rule/debuggerStmt|inSource|kept for the demo"]);
  });

  it("ignore-file silences the whole file; several codes are comma-separated", () => {
    const r = run("/* hardening-hints-ignore-file test-rule/badName, test-rule/debuggerStmt -- generated code */\nbad;\ndebugger;\n");
    assert.deepEqual([r.active, r.suppressed.length], [[], 2]);
  });

  it("reports a directive without a reason, and still applies it", () => {
    const r = run("// hardening-hints-ignore-next-line test-rule\nbad;\n");
    assert.deepEqual(r.active, ["ignore-directive/missingReason@1: This ignore directive gives no reason: nobody can tell later why the finding is silenced. Add one after the two dashes (-- reason)."]);
    assert.equal(r.suppressed.length, 1);
  });

  it("reports unused directives with a safe fix that removes them, and unknown codes", () => {
    const r = run("const ok = 1;\n// hardening-hints-ignore-next-line test-rule -- nothing here\nconst fine = 2;\n// hardening-hints-ignore-line nope/nothing -- typo\n");
    assert.deepEqual(r.active, [
      "ignore-directive/unusedDirective@2: This ignore directive for test-rule silences nothing: it would hide a real finding added here later. Remove it.",
      "ignore-directive/unknownCode@4: This ignore directive names nope/nothing, which is no rule or case of Hardening Hints, so it silences nothing. Fix the name or remove it.",
    ]);
    assert.deepEqual(r.fixes[0], ["Remove the unused directive"]);
  });

  it("does not read directive text inside strings or templates", () => {
    const r = run('const s = "// hardening-hints-ignore-next-line test-rule -- x";\nbad;\nconst t = `/* hardening-hints-ignore-file */`;\n');
    assert.deepEqual([r.active.length, r.suppressed.length], [1, 0]);
  });

  it("ignoreLineEdit inserts with the line's indentation and merges into an existing directive", () => {
    const text = "function f() {\n    bad;\n}\n";
    const e = ignoreLineEdit(text, text.indexOf("bad"), "test-rule/badName", "\n");
    const once = applyEdits(text, [e]);
    assert.equal(once, "function f() {\n    // hardening-hints-ignore-next-line test-rule/badName -- <reason>\n    bad;\n}\n");
    assert.equal(e.placeholder, "<reason>");
    const merged = applyEdits(once, [ignoreLineEdit(once, once.indexOf("bad;"), "other/code", "\n")]);
    assert.equal(merged, "function f() {\n    // hardening-hints-ignore-next-line test-rule/badName, other/code -- <reason>\n    bad;\n}\n");
  });

  it("ignoreLineEdit writes {/* … */} on a line among JSX children, // between a tag's attributes, and merges either", () => {
    const text = "const v = (\n  <div>\n    <A k={bad} />\n    <B\n      k={bad}\n    />\n  </div>\n);\n";
    const child = ignoreLineEdit(text, text.indexOf("bad"), "test-rule/badName", "\n", "/p/a.tsx");
    const once = applyEdits(text, [child]);
    assert.equal(once, "const v = (\n  <div>\n    {/* hardening-hints-ignore-next-line test-rule/badName -- <reason> */}\n    <A k={bad} />\n    <B\n      k={bad}\n    />\n  </div>\n);\n");
    const merged = applyEdits(once, [ignoreLineEdit(once, once.indexOf("{bad}"), "other/code", "\n", "/p/a.tsx")]);
    assert.equal(merged, "const v = (\n  <div>\n    {/* hardening-hints-ignore-next-line test-rule/badName, other/code -- <reason> */}\n    <A k={bad} />\n    <B\n      k={bad}\n    />\n  </div>\n);\n");
    const attr = applyEdits(text, [ignoreLineEdit(text, text.lastIndexOf("bad"), "test-rule/badName", "\n", "/p/a.tsx")]);
    assert.equal(attr, "const v = (\n  <div>\n    <A k={bad} />\n    <B\n      // hardening-hints-ignore-next-line test-rule/badName -- <reason>\n      k={bad}\n    />\n  </div>\n);\n");
    // Without the file's name (or in a .ts file) the line is a `//` comment, as before.
    assert.equal(ignoreLineEdit(text, text.indexOf("bad"), "test-rule/badName", "\n").text, "    // hardening-hints-ignore-next-line test-rule/badName -- <reason>\n");
    // The JSX form silences the next line like the `//` form.
    const r = analyze({ path: "/p/a.tsx", text: once.replace("<reason>", "a fixture"), config: defaultConfig("/p"), project: new MemoryProjectHost(), rules: [testRule] });
    const fixed = once.replace("<reason>", "a fixture");
    assert.deepEqual(r.findings.filter((f) => f.ruleId === "test-rule").map((f) => [fixed.slice(0, f.range.start).split("\n").length, f.suppression?.justification ?? null]), [[4, "a fixture"], [6, null]]);
  });

  it("ignoreFileEdit goes after a shebang", () => {
    const text = "#!/usr/bin/env node\nbad;\n";
    assert.equal(applyEdits(text, [ignoreFileEdit(text, "test-rule", "\n")]), "#!/usr/bin/env node\n/* hardening-hints-ignore-file test-rule -- <reason> */\nbad;\n");
  });
});

describe("engine: directives must open their comment", () => {
  it("prose or JSDoc that mentions a directive is not one", () => {
    const r = run("/**\n * Use `// hardening-hints-ignore-next-line <code> -- <reason>` to silence a finding.\n */\nbad;\n// see hardening-hints-ignore-line for details\n");
    assert.deepEqual([r.active, r.suppressed], [["test-rule/badName@4: `bad` is a bad name"], []]);
  });

  it("a block comment may hold the directive on its own line", () => {
    const r = run("/*\n * hardening-hints-ignore-file test-rule -- generated\n */\nbad;\n");
    assert.deepEqual([r.active, r.suppressed.length], [[], 1]);
  });
});
