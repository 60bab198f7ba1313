import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { applyEdits, checkFix, syntaxErrorsInTouchedStatements } from "../../../src/engine/fix-invariants";
import type { TextEdit } from "../../../src/engine/types";
import { ts } from "../../../src/engine/ts";
import { parse, parseBare, parseDiagnostics, walk } from "../../../src/engine/walk";

/** A small seeded generator (mulberry32): the same edits on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What fixes insert, and what breaks syntax: openers without closers, closers without openers,
// unterminated strings, comments and templates, statements that merge with the next line.
const SNIPPETS = ["{", "}", "(", ")", "[", "]", "/*", "*/", "`", "'", '"', "//", "\n(x)", "\n[1].map(f)", "x\n", ";", "", " + ", "\nexport const q = 1;\n", "\nawait y;\n", "\nreturn 1;\n", "<div>", "</div>", "\nconst { a } = b;\n", "\ntry { f(); } catch (e) { throw new Error(\"x\", { cause: e }); }\n", "\nimport { z } from \"zod\";\n", "=>", "\n@Dec() ", "\nfunction f() {", "\n}\n", "if (a)", "else", "async ", "yield 1;", "\nlet x = await\n", "#x", "static ", "?.", "<T>"];

describe("engine: fix invariants", () => {
  const root = path.join(__dirname, "../../labelled");
  const files = fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f))
    .sort()
    .map((rel) => ({ file: path.join(root, rel), text: fs.readFileSync(path.join(root, rel), "utf8") }))
    .filter(({ file, text }) => parseDiagnostics(parseBare(file, text)).length === 0);

  it("re-parsing only the touched statements gives the same verdict as re-parsing the whole file", () => {
    assert.ok(files.length > 100, `found only ${files.length} clean labelled files`);
    const next = rng(20261121);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let broken = 0;
    let confirmations = 0;
    let fine = 0;
    const disagreements: string[] = [];
    for (const { file, text } of files) {
      const sf = parse(file, text);
      // Statement and member boundaries, at every depth, are where fixes insert most; random
      // offsets find the rest.
      const boundaries: number[] = [];
      walk(sf, (node) => {
        const list = ts.isBlock(node) || ts.isSourceFile(node) ? node.statements : ts.isClassLike(node) ? node.members : undefined;
        for (const el of list ?? []) boundaries.push(el.end, el.getStart(sf));
      });
      for (let round = 0; round < 40; round++) {
        const at = () => (next() < 0.5 && boundaries.length > 0 ? pick(boundaries) : Math.floor(next() * (text.length + 1)));
        const edits: TextEdit[] = [];
        const count = 1 + Math.floor(next() * 3);
        for (let k = 0; k < count; k++) {
          const start = at();
          const end = next() < 0.25 ? Math.min(text.length, start + Math.floor(next() * 40)) : start;
          edits.push({ start, end, text: pick(SNIPPETS) });
        }
        edits.sort((a, b) => a.start - b.start || a.end - b.end);
        if (edits.some((e, i) => i > 0 && edits[i - 1]!.end > e.start)) continue; // overlapping: refused earlier by checkFix
        const output = applyEdits(text, edits);
        if (output === text) continue;
        const whole = parseDiagnostics(parseBare(file, output)).length > 0;
        const sliced = syntaxErrorsInTouchedStatements(file, text, edits, sf) !== undefined;
        // A clean slice is trusted by checkFix, so it must never hide a broken file. A broken slice
        // is confirmed on the whole file; the test still counts how often that second parse is needed.
        if (sliced && !whole) confirmations++;
        if (!sliced && whole) disagreements.push(`${path.relative(root, file)} ${JSON.stringify(edits)}: whole file ${whole ? "breaks" : "parses"}, sliced ${sliced ? "breaks" : "parses"}`);
        if (whole) broken++;
        else fine++;
      }
    }
    assert.deepEqual(disagreements.slice(0, 5), [], `${disagreements.length} disagreements`);
    // Both verdicts occur often, so agreement means something.
    assert.ok(broken > 500 && fine > 500, `broken ${broken}, fine ${fine}`);
    assert.ok(confirmations < broken / 20, `a whole-file parse was needed ${confirmations} times for ${broken} broken outputs`);
  });

  // Each row broke an earlier version of the sliced check (found by random edits over the bench
  // corpus): the whole file breaks, so the slice must not say it parses.
  const BROKEN: { name: string; path: string; text: string; edits: (text: string) => TextEdit[] }[] = [
    { name: "a comment that swallows the block's own closing brace", path: "/a.js", text: "module.exports = function () {\n  return {\n    has () { return true }\n  }\n}\n", edits: (t) => [{ start: t.indexOf("true") + 4, end: t.indexOf("true") + 4, text: "//" }] },
    { name: "a declaration turned expression that now needs the line break it never had", path: "/a.js", text: "!function(e){\"use strict\";function t(e){return e}var n=t(e);return n}(this);\n", edits: (t) => [{ start: t.indexOf("function t"), end: t.indexOf("function t"), text: " + " }] },
    { name: "edits that close a function early and open a block that borrows the wrapper's brace", path: "/a.js", text: `(function (F) {\n${Array.from({ length: 12 }, (_, i) => `  F[F["A${i}"] = ${i}] = "A${i}";\n`).join("")}})(F || (F = {}));\n`, edits: (t) => [{ start: t.indexOf('F[F["A1"]'), end: t.indexOf('F[F["A1"]'), text: "}" }, { start: t.indexOf('F[F["A9"]'), end: t.indexOf('F[F["A9"]'), text: "{" }] },
    { name: "an export added far away makes a trailing `await` a keyword", path: "/a.ts", text: `const a = 1;\n${Array.from({ length: 10 }, (_, i) => `const b${i} = ${i};\n`).join("")}const z = 2;\n`, edits: (t) => [{ start: 0, end: 0, text: "export const q = 1;\n" }, { start: t.length, end: t.length, text: "let x = await\n" }] },
    { name: "a deletion that cuts the `export` keyword", path: "/a.ts", text: "export {};\n", edits: () => [{ start: 0, end: 0, text: "(" }, { start: 1, end: 1, text: "\nlet x = await\n" }, { start: 5, end: 11, text: "\nreturn 1;\n" }] },
  ];
  for (const row of BROKEN) {
    it(`a fix is rejected when the whole file breaks: ${row.name}`, () => {
      const sf = parse(row.path, row.text);
      assert.deepEqual(parseDiagnostics(sf), [], "the input parses");
      const edits = row.edits(row.text);
      assert.ok(parseDiagnostics(parseBare(row.path, applyEdits(row.text, edits))).length > 0, "the whole fixed file breaks");
      assert.notEqual(syntaxErrorsInTouchedStatements(row.path, row.text, edits, sf), undefined, "the sliced check must not say it parses");
      assert.match(checkFix(row.path, row.text, { title: "x", kind: "safe", edits }, 0, sf) ?? "", /new syntax error/);
    });
  }

  it("checkFix with the tree rejects a fix that breaks a statement far from the file's start, and accepts edits far apart that only parse together", () => {
    const middle = Array.from({ length: 8 }, (_, i) => `export function m${i}() {\n  return ${i};\n}\n`).join("\n");
    const text = `import x from "x";\n\nexport function a() {\n  return 1;\n}\n\n${middle}\nexport function b() {\n  try {\n    x();\n  } catch {}\n}\n`;
    const sf = parse("/f.ts", text);
    const at = text.indexOf("catch {}") + "catch {".length;
    assert.equal(checkFix("/f.ts", text, { title: "ok", kind: "safe", edits: [{ start: at, end: at, text: " throw new Error(\"x\"); " }] }, 0, sf), undefined);
    assert.match(checkFix("/f.ts", text, { title: "bad", kind: "safe", edits: [{ start: at, end: at, text: " throw new Error(\"x\"; " }] }, 0, sf) ?? "", /new syntax error/);
    // An unterminated template in the last statement runs to the end of the slice, not silently on.
    assert.match(checkFix("/f.ts", text, { title: "bad", kind: "safe", edits: [{ start: at, end: at, text: "`" }] }, 0, sf) ?? "", /new syntax error/);
    const a = text.indexOf("export function a");
    const b = text.indexOf("export function b");
    const wrap = { title: "wrap", kind: "safe" as const, edits: [{ start: a, end: a, text: "namespace N {\n" }, { start: text.length, end: text.length, text: "}\n" }] };
    assert.equal(syntaxErrorsInTouchedStatements("/f.ts", text, wrap.edits, sf), "1 in the edited statements"); // each slice alone is broken…
    assert.equal(checkFix("/f.ts", text, wrap, 0, sf), undefined); // …and the whole file says the fix is fine
    assert.ok(b > a);
    assert.equal(checkFix("/f.ts", text, { title: "noop", kind: "safe", edits: [{ start: at, end: at, text: "" }] }, 0, sf), "the fix does not change the text");
  });
});
