import * as assert from "node:assert/strict";
import { containsAnyOf } from "../../../src/engine/text-scan";
import { bracketDepth, bracketsDeeperThan } from "../../../src/engine/walk";

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

  it("bracketsDeeperThan answers as bracketDepth(text, cap) > cap, counting opening brackets first", () => {
    const texts = ["", "f(a[b{c}])", "(".repeat(10), "(".repeat(11), "[".repeat(11), "{".repeat(11), "()".repeat(20), "([{".repeat(3) + ")]}".repeat(3), "(".repeat(6) + "[".repeat(5), "(".repeat(6) + "x".repeat(50) + "{".repeat(5), ")".repeat(30) + "(".repeat(11), "\u00e9(\u2026[~]\uffff)"];
    for (const t of texts) assert.equal(bracketsDeeperThan(t, 10), bracketDepth(t, 10) > 10, JSON.stringify(t));
  });
});
