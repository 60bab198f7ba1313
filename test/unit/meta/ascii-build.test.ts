import * as assert from "node:assert/strict";

// scripts/build/ascii.mjs rewrites the regex literals and comments of the source it bundles in
// ASCII; the rewritten literal must be the same pattern, with and without the `u` flag.
describe("build: ASCII source (scripts/build/ascii.mjs)", () => {
  let ascii: typeof import("../../../scripts/build/ascii.mjs");
  before(async () => {
    ascii = await import("../../../scripts/build/ascii.mjs");
  });

  const rows: Array<[literal: string, escaped: string, probes: string[]]> = [
    ["/\\.\\.\\.|\u2026/g", "/\\.\\.\\.|\\u2026/g", ["wait\u2026", "wait...", "wait"]],
    ["/[.:!?\u2026\u3002]$/u", "/[.:!?\\u2026\\u3002]$/u", ["done\u3002", "done\u2026", "done"]],
    ["/^(?:\u274c|\ud83d\udeab)/u", "/^(?:\\u274c|\\ud83d\\udeab)/u", ["\ud83d\udeab no", "\u274c no", "\ud83d no", "no"]],
    ["/[\ud83d\udeab]/", "/[\\ud83d\\udeab]/", ["\ud83d", "\udeab", "x"]],
    ["/[\ud83d\udeab]/u", "/[\\ud83d\\udeab]/u", ["\ud83d\udeab", "\ud83d", "x"]],
    ["/\u043e\u0448\u0438\u0431\u043a/i", "/\\u043e\\u0448\\u0438\\u0431\\u043a/i", ["\u041e\u0428\u0418\u0411\u041a\u0410", "\u043e\u0448\u0438\u0431\u043a\u0430", "error"]],
    // An identity escape of a non-ASCII character (legal without `u`) loses its backslash; an escaped backslash does not.
    ["/a\\\u2026/", "/a\\u2026/", ["a\u2026", "a\\\u2026"]],
    ["/a\\\\\u2026/", "/a\\\\\\u2026/", ["a\\\u2026", "a\u2026"]],
  ];
  for (const [literal, escaped, probes] of rows) {
    it(`${literal} -> ${escaped}`, () => {
      assert.equal(ascii.escapeRegexLiteral(literal), escaped);
      const a = eval(literal) as RegExp;
      const b = eval(escaped) as RegExp;
      for (const p of probes) assert.deepEqual(b.exec(p), a.exec(p), JSON.stringify(p));
    });
  }

  it("escapes regex literals and comments, leaves strings and templates to esbuild", () => {
    const src = 'const a = "\u2026"; // \u2192 next\nconst b = /\u2026/; /* \u00e9 */ const c = `\u2026`;\n';
    assert.equal(ascii.asciiSource(src, "x.ts"), 'const a = "\u2026"; // \\u2192 next\nconst b = /\\u2026/; /* \\u00e9 */ const c = `\u2026`;\n');
  });
});
