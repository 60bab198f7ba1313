/**
 * Adversarial files, each through the engine (decodeSource + analyze, every rule family on)
 * and through the built CLI on a temporary folder: each gives its documented problem, or is
 * analyzed with exact ranges, and nothing crashes, hangs (mocha's timeout and the spawn
 * timeout bound every case) or prints a stack trace.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig, normalize } from "../../../src/engine/config/load";
import { applyEdits } from "../../../src/engine/fix-invariants";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { decodeSource } from "../../../src/engine/source";
import type { AnalysisResult, ProblemKind, ResolvedConfig } from "../../../src/engine/types";
import { familyRules } from "../../../src/rules";
import { lfOffset, withEol } from "../../helpers/generate";

const REPO = path.resolve(__dirname, "../../..");
const BUILT_CLI = path.join(REPO, "dist/cli.js");
/**
 * A private copy of the bundle and the engine bundle it requires (its workers run the same
 * file), so a rebuild of dist/ by someone else in the same tree cannot pull it away mid-suite.
 */
let CLI = BUILT_CLI;
function copyCli(): string {
  if (!fs.existsSync(BUILT_CLI)) assert.fail("dist/cli.js is missing: run `npm run build` first (npm test does)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cli-copy-"));
  fs.copyFileSync(BUILT_CLI, path.join(dir, "cli.js"));
  fs.copyFileSync(path.join(REPO, "dist/engine.js"), path.join(dir, "engine.js"));
  return path.join(dir, "cli.js");
}
const ROOT = "/project";

/** Code with findings of each family and safe fixes, used for the encoding and EOL twins. */
const FINDINGS_SOURCE = [
  `import express from "express";`,
  `const app = express();`,
  `export function load() {`,
  `  try {`,
  `    return read();`,
  `  } catch (e) {}`,
  `}`,
  `export async function save(x) {`,
  `  try {`,
  `    await write(x);`,
  `  } catch (err) {`,
  `    console.error(err);`,
  `  }`,
  `}`,
  `fetchUser().catch(() => {});`,
  `app.post("/users", (req, res) => {`,
  `  db.insert(req.body.name);`,
  `  res.send("ok");`,
  `});`,
  `// hardening-hints-ignore-next-line hardcoded-secret -- not a secret`,
  `export const stripe = "sk_live_${"4eC39HqLyjWDarjtT1zdp7dc"}";`,
  `const résumé = "naïve 😀";`,
  ``,
].join("\n");

function engine(file: string, bytes: Uint8Array, config: ResolvedConfig = defaultConfig(ROOT)): AnalysisResult & { text?: string } {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { path: file, findings: [], problems: [decoded.problem], analyzed: false };
  const result = analyze({ path: file, text: decoded.text, config, project: new MemoryProjectHost(), rules: familyRules, unfixable: decoded.unfixable });
  return { ...result, text: decoded.text };
}

const kinds = (r: { problems: { kind: ProblemKind }[] }) => r.problems.map((p) => p.kind);
function assertNoCrash(r: AnalysisResult): void {
  const bad = r.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected");
  assert.deepEqual(bad, [], `rule crashes or rejected fixes on ${r.path}`);
}

/** Multi-line so the file is not mistaken for minified code: the nesting is what is tested. */
function nested(open: string, close: string, depth: number, core = "1"): string {
  return `export const deep = ${`${open}\n`.repeat(depth)}${core}${`\n${close}`.repeat(depth)};\n`;
}

function minifiedBundle(bytes: number): string {
  const unit = `var a${"x"}=function(b){try{return b()}catch(c){}},d=JSON.parse(e.body),k="sk_live_abcdefghijklmnop";`;
  return `!function(){${unit.repeat(Math.ceil(bytes / unit.length))}}();`;
}

const ONE_MB = 1_000_000;
const CASES: Record<string, () => Buffer> = {
  "bundle.js": () => Buffer.from(minifiedBundle(5 * 1024 * 1024)),
  "long-string.ts": () => Buffer.from(`export const s = "${"sk_live_".repeat(8)}${"a".repeat(ONE_MB)}";\n`),
  "long-template.ts": () => Buffer.from(`export const t = \`\n${`sk_live_${"A".repeat(90)}!\n`.repeat(ONE_MB / 100)}\`;\n`),
  "parens.ts": () => Buffer.from(nested("(", ")", 10_000)),
  "arrays.js": () => Buffer.from(nested("[", "]", 10_000)),
  "invalid-utf8.ts": () => Buffer.concat([Buffer.from("export const a = '"), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from("';\n")]),
  // High bytes without a NUL: a third of them not UTF-8, far over the share a text file has.
  "not-text.js": () => Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 | ((i * 131) & 0x7f))),
  "image.js": () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 4000 }, (_, i) => (i * 131) & 0xff)]),
  "utf16le.ts": () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FINDINGS_SOURCE, "utf16le")]),
  "utf16be.ts": () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(FINDINGS_SOURCE, "utf16le").swap16()]),
  "utf8bom.ts": () => Buffer.from("\ufeff" + FINDINGS_SOURCE),
  "lf.ts": () => Buffer.from(FINDINGS_SOURCE),
  "crlf.ts": () => Buffer.from(FINDINGS_SOURCE.replace(/\n/g, "\r\n")),
  "mixed.ts": () => Buffer.from(withEol(FINDINGS_SOURCE, "mixed")),
  "empty.ts": () => Buffer.alloc(0),
  "shebang.js": () => Buffer.from("#!/usr/bin/env node"),
  "shebang-nl.mjs": () => Buffer.from("#!/usr/bin/env node\n"),
};
const bytesOf = new Map<string, Buffer>();
const get = (name: string) => {
  let b = bytesOf.get(name);
  if (!b) bytesOf.set(name, (b = CASES[name]!()));
  return b;
};

describe("robustness: adversarial files", function () {
  this.timeout(60_000);

  describe("through the engine", () => {
    const at = (name: string) => `${ROOT}/src/${name}`;

    it("a 5 MB minified bundle is tooLarge; with the size limit lifted it is minified", () => {
      const big = get("bundle.js");
      assert.ok(big.length >= 5 * 1024 * 1024);
      assert.deepEqual(kinds(engine(at("bundle.js"), big)), ["tooLarge"]);
      const lifted = normalize({ maxFileSizeKb: 100_000 }, ROOT, familyRules);
      assert.deepEqual(kinds(engine(at("bundle.js"), big, lifted)), ["minified"]);
    });

    it("a 1 MB single-line string literal is skipped as minified, quickly", () => {
      const r = engine(at("long-string.ts"), get("long-string.ts"));
      assert.deepEqual(kinds(r), ["minified"]);
    });

    it("a 1 MB multi-line template of key-shaped near misses is analyzed without hanging", () => {
      const r = engine(at("long-template.ts"), get("long-template.ts"));
      assertNoCrash(r);
      assert.equal(r.analyzed, true, JSON.stringify(r.problems));
    });

    for (const name of ["parens.ts", "arrays.js"]) {
      it(`10,000 nested ${name.startsWith("parens") ? "parentheses" : "arrays"}: no stack overflow, analyzed or a parseError`, () => {
        const r = engine(at(name), get(name));
        assertNoCrash(r);
        assert.ok(r.analyzed || kinds(r).includes("parseError"), JSON.stringify(r.problems));
      });
    }

    // Nested try/catch stays at 300: checkFix re-parses the statement list holding a fix's edits,
    // and for a nested catch that list holds every deeper level, so cost grows with findings × depth.
    it("10,000 nested blocks, 3,000 nested ifs, 300 nested try/catch and 1,000 nested arrows: no crash", () => {
      const cases = [
        `${"{\n".repeat(10_000)}x();\n${"}\n".repeat(10_000)}`,
        `${"try {\n".repeat(300)}f();\n${"} catch (e) {}\n".repeat(300)}`,
        `export const f = ${"async () =>\n".repeat(1000)}g().catch(() => {});\n`,
        `${"if (a) {\n".repeat(3000)}JSON.parse(req.body);\n${"}\n".repeat(3000)}`,
      ];
      for (const text of cases) assertNoCrash(engine(at("nest.ts"), Buffer.from(text)));
    });

    it("a few bytes that are not UTF-8 in a .ts file: analysed, one notUtf8 problem naming the first byte, no fix", () => {
      const r = engine(at("invalid-utf8.ts"), get("invalid-utf8.ts"));
      assert.equal(r.analyzed, true);
      assert.deepEqual(kinds(r), ["notUtf8"]);
      assert.equal(r.problems[0]!.message, `${at("invalid-utf8.ts")}: not valid UTF-8 at byte 18: analysed, fixes not offered`);
      assert.equal(r.text, "export const a = '\ufffd(\ufffd\ufffd\ufffd';\n");
    });

    it("high bytes without a NUL, mostly not UTF-8, are a binary problem naming UTF-8", () => {
      const r = engine(at("not-text.js"), get("not-text.js"));
      assert.deepEqual(kinds(r), ["binary"]);
      assert.match(r.problems[0]!.message, /skipped, not valid UTF-8 \(\d+ of 4000 bytes invalid, the first at byte 0/);
    });

    it("a binary file named .js is a binary problem", () => {
      const r = engine(at("image.js"), get("image.js"));
      assert.deepEqual(kinds(r), ["binary"]);
      assert.match(r.problems[0]!.message, /binary content/);
    });

    for (const name of ["utf16le.ts", "utf16be.ts", "utf8bom.ts"]) {
      it(`${name}: decoded and analyzed, with the same findings and ranges as the plain UTF-8 twin`, () => {
        const r = engine(at(name), get(name));
        const plain = engine(at(name), get("lf.ts"));
        assertNoCrash(r);
        assert.equal(r.text, FINDINGS_SOURCE, "the BOM is dropped and the text decoded exactly");
        assert.ok(plain.findings.length > 0, "the twin has findings, so this can fail");
        assert.deepEqual(
          r.findings.map((f) => [f.code, f.range.start, f.range.end]),
          plain.findings.map((f) => [f.code, f.range.start, f.range.end]),
        );
      });
    }

    for (const name of ["crlf.ts", "mixed.ts"]) {
      it(`${name}: findings at the LF twin's offsets, and every fix gives the LF fix's output`, () => {
        const lf = engine(at("lf.ts"), get("lf.ts"));
        const r = engine(at(name), get(name));
        const text = r.text!;
        assertNoCrash(r);
        assert.ok(lf.findings.length > 0);
        const map = (s: number) => lfOffset(text, s);
        assert.deepEqual(
          r.findings.map((f) => [f.code, map(f.range.start), map(f.range.end)]),
          lf.findings.map((f) => [f.code, f.range.start, f.range.end]),
        );
        const norm = (s: string) => s.replace(/\r\n/g, "\n");
        for (let i = 0; i < r.findings.length; i++) {
          const mine = r.findings[i]!;
          const twin = lf.findings[i]!;
          assert.deepEqual(mine.fixes.map((f) => f.title), twin.fixes.map((f) => f.title), mine.code);
          mine.fixes.forEach((fix, j) => {
            const own = fix.edits.filter((e) => e.file === undefined);
            const twinOwn = twin.fixes[j]!.edits.filter((e) => e.file === undefined);
            assert.equal(norm(applyEdits(text, own)), norm(applyEdits(lf.text!, twinOwn)), `${mine.code}: "${fix.title}" differs from the LF twin`);
          });
        }
      });
    }

    it("a CRLF file's fixes insert CRLF line breaks, never a bare LF", () => {
      const r = engine(at("crlf.ts"), get("crlf.ts"));
      const bare = /(?<!\r)\n/;
      const offenders = r.findings.flatMap((f) => f.fixes.filter((fix) => fix.edits.some((e) => e.file === undefined && bare.test(e.text))).map((fix) => `${f.code}: "${fix.title}"`));
      assert.deepEqual(offenders, [], "fixes that write \\n into a CRLF file");
    });

    it("an empty file and a shebang-only file are analyzed with no problem", () => {
      for (const name of ["empty.ts", "shebang.js", "shebang-nl.mjs"]) {
        const r = engine(at(name), get(name));
        assert.deepEqual([r.analyzed, r.problems, r.findings.length], [true, [], 0], name);
      }
    });
  });

  describe("through the built CLI", function () {
    let dir: string;
    let report: { summary: { files: number; analyzed: number }; findings: { file: string; line: number; column: number; endLine: number; endColumn: number; code: string }[]; problems: { kind: string; file?: string; message: string }[] };
    let stderr: string;

    before(function () {
      CLI = copyCli();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-adversarial-"));
      for (const name of Object.keys(CASES)) fs.writeFileSync(path.join(dir, name), get(name));
      const r = spawnSync(process.execPath, [CLI, "audit", ".", "--no-ignore", "--format", "json"], { cwd: dir, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.error, undefined, `the CLI did not finish: ${r.error?.message}`);
      stderr = r.stderr;
      // 0 or 1 (findings at error level are fine here); 2 would mean a crash or a config error.
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      report = JSON.parse(r.stdout);
    });
    after(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      if (CLI !== BUILT_CLI) fs.rmSync(path.dirname(CLI), { recursive: true, force: true });
    });

    const problemsOf = (name: string) => report.problems.filter((p) => p.file === name).map((p) => p.kind);

    it("analyzes every file, crashes on none, prints no stack trace", () => {
      assert.equal(report.summary.files, Object.keys(CASES).length);
      assert.deepEqual(report.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected"), []);
      assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
    });

    it("reports the documented problem for each adversarial file", () => {
      // The CLI refuses files over 4× maxFileSizeKb before reading them; then the engine gate.
      assert.ok(["tooLarge", "minified"].includes(problemsOf("bundle.js")[0]!), JSON.stringify(problemsOf("bundle.js")));
      assert.deepEqual(problemsOf("long-string.ts"), ["minified"]);
      assert.deepEqual(problemsOf("invalid-utf8.ts"), ["notUtf8"]);
      assert.deepEqual(problemsOf("not-text.js"), ["binary"]);
      assert.deepEqual(problemsOf("image.js"), ["binary"]);
      for (const name of ["parens.ts", "arrays.js"]) assert.ok(problemsOf(name).every((k) => k === "parseError"), `${name}: ${problemsOf(name)}`);
      for (const name of ["empty.ts", "shebang.js", "shebang-nl.mjs", "long-template.ts", "utf16le.ts", "utf16be.ts", "crlf.ts", "mixed.ts"]) assert.deepEqual(problemsOf(name), [], name);
      // stderr lists skipped files: never silent.
      assert.match(stderr, /notUtf8: .*invalid-utf8\.ts: not valid UTF-8 at byte 18: analysed, fixes not offered/);
      assert.match(stderr, /binary: .*not-text\.js: skipped, not valid UTF-8/);
      assert.match(stderr, /minified: .*long-string\.ts/);
    });

    it("UTF-16, BOM, CRLF and mixed-EOL files get the same lines and columns as the LF file", () => {
      const at = (name: string) => report.findings.filter((f) => f.file === name).map((f) => [f.code, f.line, f.column, f.endLine, f.endColumn]);
      const lf = at("lf.ts");
      assert.ok(lf.length > 0);
      for (const name of ["utf16le.ts", "utf16be.ts", "utf8bom.ts", "crlf.ts", "mixed.ts"]) assert.deepEqual(at(name), lf, name);
    });

    it("--fix never turns code that parses into code that does not (directive inside a block comment)", () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), "hh-fixparse-"));
      try {
        const text = "/* see /* hardening-hints-ignore-file hardcoded-secret -- fixture */\nexport const a = 1;\n";
        fs.writeFileSync(path.join(d, "a.ts"), text);
        const r = spawnSync(process.execPath, [CLI, "audit", ".", "--fix"], { cwd: d, encoding: "utf8", timeout: 60_000 });
        assert.doesNotMatch(r.stderr, /parseError/, `the fixed file no longer parses:\n${JSON.stringify(fs.readFileSync(path.join(d, "a.ts"), "utf8"))}`);
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    });

    it("--fix on a CRLF file keeps every line break CRLF and leaves nothing more to fix", () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), "hh-crlf-"));
      try {
        fs.writeFileSync(path.join(d, "crlf.ts"), get("crlf.ts"));
        const r = spawnSync(process.execPath, [CLI, "audit", ".", "--fix"], { cwd: d, encoding: "utf8", timeout: 60_000 });
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
        const out = fs.readFileSync(path.join(d, "crlf.ts"), "utf8");
        assert.notEqual(out, get("crlf.ts").toString("utf8"), "some safe fix applied");
        assert.doesNotMatch(out, /(?<!\r)\n/, `a bare LF was written into a CRLF file:\n${JSON.stringify(out)}`);
        const again = spawnSync(process.execPath, [CLI, "audit", ".", "--fix-dry-run"], { cwd: d, encoding: "utf8", timeout: 60_000 });
        assert.match(again.stderr, /^0 safe fixes would change/m);
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    });
  });
});
