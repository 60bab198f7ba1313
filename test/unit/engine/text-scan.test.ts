import * as assert from "node:assert/strict";
import { containsAnyOf } from "../../../src/engine/text-scan";
import { bracketDepth } from "../../../src/engine/walk";

describe("engine: whole-text scans", () => {
  it("containsAnyOf answers as words.some((w) => text.includes(w)), regex characters in the words included", () => {
    const words = ["ctx.body =", "req.path", "a(b", "[x]", "$1", "a|b", "\\n", "*", "?"];
    const has = containsAnyOf(words);
    const texts = ["", "ctx.body = 1", "ctxXbody = 1", "reqXpath", "req.path", "a(b", "ab", "[x]", "x", "$1", "1", "a|b", "a", "b", "\\n", "\n", "*", "?", "nothing here"];
    for (const t of texts) assert.equal(has(t), words.some((w) => t.includes(w)), JSON.stringify(t));
    assert.equal(containsAnyOf([])("anything"), false);
  });

  it("bracketDepth counts ( [ { up and ) ] } down, stops past the cap, ignores a close with nothing open", () => {
    assert.equal(bracketDepth("", 10), 0);
    assert.equal(bracketDepth("f(a[b{c}])", 10), 3);
    assert.equal(bracketDepth(")))(((", 10), 3);
    assert.equal(bracketDepth("(".repeat(20), 10), 11);
    assert.equal(bracketDepth("\u00e9(\u2026[~]\uffff)", 10), 2);
  });
});
