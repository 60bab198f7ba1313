import * as assert from "node:assert/strict";
import { RuleTester, dedent, type InvalidCase } from "../../helpers/rule-tester";
import { testRule } from "../engine/test-rule";

const tester = new RuleTester();
const good: InvalidCase = {
  code: "const bad = 1;\n",
  findings: [{ case: "badName", line: 1, column: 7, endColumn: 10, message: "`bad` is a bad name" }],
  output: "const bad /* ok */ = 1;\n",
};

/** The tester must be able to fail: each wrong expectation below has to throw. */
describe("rule tester: it can fail", () => {
  it("accepts a correct invalid case and a correct valid case", () => {
    tester.checkInvalid(testRule, good);
    tester.checkValid(testRule, { code: "const fine = 1;\n" });
  });

  const wrong: [string, InvalidCase][] = [
    ["a wrong column", { ...good, findings: [{ ...good.findings[0]!, column: 8 }] }],
    ["a missing finding", { ...good, code: "const bad = bad;\n", output: "const bad /* ok */ = bad /* ok */;\n" }],
    ["an extra expected finding", { ...good, findings: [...good.findings, { case: "badName", line: 1, column: 1, endColumn: 2 }] }],
    ["a wrong message", { ...good, findings: [{ ...good.findings[0]!, message: "other" }] }],
    ["a wrong output", { ...good, output: "const fine = 1;\n" }],
    ["output equal to code", { ...good, output: "const bad = 1;\n" }],
    ["output null although a safe fix applies", { ...good, output: null }],
    ["unlisted suggestions", { code: "debugger;\n", findings: [{ case: "debuggerStmt", line: 1, column: 1, endColumn: 10 }], output: null }],
    ["a wrong suggestion output", { code: "debugger;\n", findings: [{ case: "debuggerStmt", line: 1, column: 1, endColumn: 10, suggestions: [{ title: "Remove it", output: "debugger;\n" }] }], output: null }],
    ["no expected finding", { code: "const bad = 1;\n", findings: [], output: null }],
  ];
  for (const [name, c] of wrong) {
    it(`refuses ${name}`, () => assert.throws(() => tester.checkInvalid(testRule, c)));
  }

  it("accepts exact suggestions", () => {
    tester.checkInvalid(testRule, { code: "debugger;\n", findings: [{ case: "debuggerStmt", line: 1, column: 1, endColumn: 10, suggestions: [{ title: "Remove it", output: "\n" }] }], output: null });
  });

  it("refuses a valid case with findings", () => assert.throws(() => tester.checkValid(testRule, { code: "bad;\n" })));

  it("refuses duplicate cases", () => {
    assert.throws(() => RuleTester.validateTable(testRule, { valid: ["x;\n", { code: "x;\n" }], invalid: [] }), /duplicate test case/);
  });

  it("finds declared cases that no invalid test exercises", () => {
    assert.deepEqual(RuleTester.caseCoverage(testRule, { valid: [], invalid: [good] }), { missing: ["debuggerStmt"], unknown: [] });
  });

  it("dedent strips common indentation", () => {
    assert.equal(dedent`
      a
        b
    `, "a\n  b\n");
  });
});
