import * as assert from "node:assert/strict";
import { mayHaveIdentifier } from "../../../src/engine/ast";
import { looksMinified } from "../../../src/engine/source";
import { containsAnyOf } from "../../../src/engine/text-scan";
import { ts } from "../../../src/engine/ts";
import { bracketDepth, bracketsDeeperThan, clearListedTree, linkTree, NodeList, parseBare, setListedTree, walk, walkKinds } from "../../../src/engine/walk";

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

  it("looksMinified: large, the average over 300, and the longest line over 2,000 or under a twentieth spaces; counting stops once the average cannot pass 300", () => {
    const line = (n: number) => "x".repeat(n);
    const spaced = (n: number) => "xxx ".repeat(n / 4);
    const cases: Array<[string, boolean]> = [
      [line(5000), true],
      [line(3000), false], // under 4,096 characters
      [`${line(2001)}\n${line(2001)}\n${line(2001)}`, true],
      [`${spaced(2000)}\n${spaced(2000)}\n${spaced(2000)}`, false], // no line over 2,000, and spaced like code people write
      [`${line(2000)}\n${line(2000)}\n${line(2000)}`, true], // no line over 2,000, but no spaces: packed statements
      // Closure Compiler's output cut at about 500 characters (diff-match-patch in Wiki.js's client/libs/).
      [Array.from({ length: 12 }, () => "a.prototype.f=function(b,c){var d=this.g(b);if(null==d)return c;".repeat(8)).join("\n"), true],
      // Hand-written long lines (a table of strings, a JSX line of classes) keep their spaces.
      [Array.from({ length: 12 }, () => 'const row = { label: "Some prose here", value: f(a, b) }; '.repeat(8)).join("\n"), false],
      [Array.from({ length: 12 }, () => '<div className="flex items-center gap-2 px-4 py-2 text-sm">{x}</div>'.repeat(7)).join("\n"), false],
      [`${line(4100)}\n${"a\n".repeat(10)}`, true], // 12 lines, 4,121 characters: average 343
      [`${line(4100)}\n${"a\n".repeat(20)}`, false], // 22 lines, 4,141 characters: average 188
      [`${"a\n".repeat(20)}${line(4100)}`, false], // the long line after the count stopped: 21 lines, average 197
      [`${"a\n".repeat(5)}${line(4100)}`, true], // 6 lines, average 685
    ];
    for (const [t, want] of cases) assert.equal(looksMinified(t), want, `${t.length} characters, ${t.split("\n").length} lines`);
  });
});

describe("engine: shared tree questions", () => {
  const code = "const a = jwt.sign(x, K); obj.delete(); \\u0073ecret(); this.#p; const s = 'verify' + `t${u}`; new Keygrip([a]); f(g(h(1)));";
  const parsed = () => parseBare("/p/a.ts", code);

  it("mayHaveIdentifier: a name some identifier of the parsed file has (escaped ones by their value), not one only in a string; true for a tree without the parser's map", () => {
    const sf = parsed();
    assert.deepEqual(["jwt", "sign", "delete", "secret", "Keygrip", "#p", "verify", "t", "zzz"].map((n) => mayHaveIdentifier(sf, n)), [true, true, true, true, true, true, false, false, false]);
    const bare = { ...sf, identifiers: undefined } as unknown as ts.SourceFile;
    assert.equal(mayHaveIdentifier(bare, "zzz"), true);
  });

  it("walkKinds visits the nodes of the kinds asked, in walk's order, from the engine's list while it holds them, else by a walk", () => {
    const kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression];
    const byWalk = (sf: ts.SourceFile, ks: readonly ts.SyntaxKind[]) => {
      const out: ts.Node[] = [];
      walk(sf, (n) => {
        if (ks.includes(n.kind)) out.push(n);
      });
      return out;
    };
    const collect = (sf: ts.SourceFile, ks: readonly ts.SyntaxKind[]) => {
      const out: ts.Node[] = [];
      walkKinds(sf, ks, (n) => out.push(n));
      return out;
    };
    const sf = parsed();
    const listedKinds = new Uint8Array(ts.SyntaxKind.Count);
    listedKinds[ts.SyntaxKind.CallExpression] = listedKinds[ts.SyntaxKind.NewExpression] = listedKinds[ts.SyntaxKind.BinaryExpression] = 1;
    const list = new NodeList();
    linkTree(sf, list, listedKinds);
    assert.equal(list.length, 8, "the list holds only the listed kinds: six calls, one new, one +");
    const expected = byWalk(sf, kinds);
    assert.deepEqual(expected.map((n) => n.getText(sf).slice(0, 8)), ["jwt.sign", "obj.dele", "\\u0073ec", "new Keyg", "f(g(h(1)", "g(h(1))", "h(1)"]);
    // Without the list: a walk.
    assert.deepEqual(collect(sf, kinds), expected);
    setListedTree(sf, list, listedKinds);
    try {
      // From the list: the same nodes, in the same order; nothing else in the list is visited.
      assert.deepEqual(collect(sf, kinds), expected);
      // A tree that is not the listed one, or a kind the list leaves out: walked.
      const other = parsed();
      assert.deepEqual(collect(other, kinds).map((n) => n.pos), expected.map((n) => n.pos));
      assert.deepEqual(collect(sf, [ts.SyntaxKind.Identifier]).length, byWalk(sf, [ts.SyntaxKind.Identifier]).length);
      // The list is what is read: a node taken out of it is not visited (the walk would have).
      const saved = list.nodes.slice(0, list.length);
      list.clear();
      for (const n of saved) if (n!.kind !== ts.SyntaxKind.NewExpression) list.add(n!);
      assert.deepEqual(collect(sf, kinds), expected.filter((n) => n.kind !== ts.SyntaxKind.NewExpression));
    } finally {
      clearListedTree();
    }
    assert.deepEqual(collect(sf, kinds), expected);
  });
});
