import * as assert from "node:assert/strict";
import { detectIndentUnit } from "../../../src/fixes/text";

describe("fixes/text", () => {
  it("detectIndentUnit: the code's indentation, not the one space of a JSDoc block's continuation lines", () => {
    const text = "/**\n * Login page.\n * @route GET /login\n */\nexport const f = () => {\n    if (a) {\n        b();\n    }\n};\n";
    assert.equal(detectIndentUnit(text), "    ");
    assert.equal(detectIndentUnit("function f() {\n\t/*\n\t * tab-indented block comment\n\t */\n\treturn 1;\n}\n"), "\t");
    assert.equal(detectIndentUnit("const a = 1;\n"), "  ");
  });
});
