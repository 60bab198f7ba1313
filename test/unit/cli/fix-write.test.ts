import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ts } from "ts-morph";
import { passesNote, writeSideFile } from "../../../src/cli/fix-files";
import { runCli } from "../../../src/cli/main";
import { decodeFile, encodeFile, readSnapshot, writeFileCarefully, type WriteFs } from "../../../src/cli/write";
import { fixAll } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { defineRule } from "../../../src/engine/define-rule";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import type { RuleModule } from "../../../src/engine/types";
import { settleRule } from "../engine/test-rule";

/** An unused directive: the engine's own safe fix removes the line. */
const DIRECTIVE = "// hardening-hints-ignore-next-line hardcoded-secret -- not a secret";

const tmpDirs: string[] = [];
function tmp(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-write-"));
  tmpDirs.push(dir);
  fs.mkdirSync(path.join(dir, ".git"));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Files in a folder other than the ones a test made: a temporary file left behind shows here. */
const listing = (dir: string) => fs.readdirSync(dir).sort();

async function cli(cwd: string, args: string[], writeFs?: WriteFs, rules?: readonly RuleModule[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["audit", ...args], { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false, writeFs, ...(rules ? { rules } : {}) });
  return { code, stdout, stderr };
}

/** node:fs with one call replaced, to inject a failure. */
function failing(name: "writeSync" | "renameSync", code: string): WriteFs {
  const fail = () => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };
  return { ...fs, [name]: name === "writeSync" ? (fd: number, data: Uint8Array) => (fs.writeSync(fd, data, 0, 3), fail()) : fail } as WriteFs;
}

describe("cli: writing fixed files (src/cli/write.ts)", () => {
  after(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe("encodings", () => {
    const cases: [string, Buffer, { charset: string; bom: boolean; eol: string }][] = [
      ["UTF-8", Buffer.from("a\nb\n"), { charset: "utf8", bom: false, eol: "\n" }],
      ["UTF-8 with BOM, CRLF", Buffer.from("\ufeffa\r\nb\r\n"), { charset: "utf8", bom: true, eol: "\r\n" }],
      ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("é\r\n", "utf16le")]), { charset: "utf16le", bom: true, eol: "\r\n" }],
      ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("é\n", "utf16le").swap16()]), { charset: "utf16be", bom: true, eol: "\n" }],
      ["mixed line ends", Buffer.from("a\r\nb\n"), { charset: "utf8", bom: false, eol: "\n" }],
    ];
    for (const [name, bytes, encoding] of cases) {
      it(`${name}: decoded and encoded back byte for byte`, () => {
        const d = decodeFile(bytes);
        assert.ok(d.ok);
        assert.deepEqual(d.encoding, encoding);
        assert.deepEqual(encodeFile(d.text, d.encoding), bytes);
      });
    }

    it("a line a fix inserts with LF into a CRLF file is written with CRLF", () => {
      const d = decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\r\nb\r\n", "utf16le")]));
      assert.ok(d.ok);
      assert.deepEqual(encodeFile("a\r\n// added\nb\r\n", d.encoding), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\r\n// added\r\nb\r\n", "utf16le")]));
    });

    it("Latin-1 (not valid UTF-8) is refused, never guessed at", () => {
      assert.deepEqual(decodeFile(Buffer.from([0x4b, 0x3d, 0xe9, 0x0a])), { ok: false, why: "not valid UTF-8 (another encoding such as Latin-1?)" });
    });
  });

  describe("writeFileCarefully", () => {
    it("replaces the file through a temporary file, keeping its mode, and leaves nothing behind", () => {
      const dir = tmp({ "a.ts": "old\n" });
      const file = path.join(dir, "a.ts");
      fs.chmodSync(file, 0o640);
      const before = readSnapshot(file);
      assert.deepEqual(writeFileCarefully(file, Buffer.from("new\n"), { root: dir, before }), { ok: true, written: file });
      assert.equal(fs.readFileSync(file, "utf8"), "new\n");
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(listing(dir), [".git", "a.ts"]);
    });

    it("refuses a file that changed since it was read: the user's edit is kept", () => {
      const dir = tmp({ "a.ts": "old\n" });
      const file = path.join(dir, "a.ts");
      const before = readSnapshot(file);
      fs.writeFileSync(file, "mine\n"); // same size, new content
      assert.deepEqual(writeFileCarefully(file, Buffer.from("new\n"), { root: dir, before }), { ok: false, why: "changed since it was read; your edit is kept, run --fix again" });
      assert.equal(fs.readFileSync(file, "utf8"), "mine\n");
    });

    it("refuses a read-only file", () => {
      const dir = tmp({ "a.ts": "old\n" });
      const file = path.join(dir, "a.ts");
      fs.chmodSync(file, 0o444);
      assert.deepEqual(writeFileCarefully(file, Buffer.from("new\n"), { root: dir, before: readSnapshot(file) }), { ok: false, why: "is read-only" });
      assert.equal(fs.readFileSync(file, "utf8"), "old\n");
    });

    it("writes a symbolic link's target inside the root (the link stays a link), never one outside it", () => {
      const outside = tmp({ ".env.example": "SECRET=\n" });
      const dir = tmp({ "real/.env.example": "A=\n" });
      fs.symlinkSync(path.join(dir, "real/.env.example"), path.join(dir, ".env.example"));
      fs.symlinkSync(path.join(outside, ".env.example"), path.join(dir, "other.env"));
      const inside = path.join(dir, ".env.example");
      assert.deepEqual(writeFileCarefully(inside, Buffer.from("A=\nB=\n"), { root: dir, before: readSnapshot(inside) }), { ok: true, written: fs.realpathSync(path.join(dir, "real/.env.example")) });
      assert.ok(fs.lstatSync(inside).isSymbolicLink());
      assert.equal(fs.readFileSync(inside, "utf8"), "A=\nB=\n");
      const out = writeFileCarefully(path.join(dir, "other.env"), Buffer.from("X=\n"), { root: dir });
      assert.deepEqual(out, { ok: false, why: `is a symbolic link to ${fs.realpathSync(path.join(outside, ".env.example"))}, outside ${dir}` });
      assert.equal(fs.readFileSync(path.join(outside, ".env.example"), "utf8"), "SECRET=\n");
    });

    it("a full disk during the write leaves the original intact and no temporary file", () => {
      const dir = tmp({ "a.ts": "original\n" });
      const file = path.join(dir, "a.ts");
      const r = writeFileCarefully(file, Buffer.from("a much longer fixed text\n"), { root: dir, before: readSnapshot(file), fs: failing("writeSync", "ENOSPC") });
      assert.deepEqual(r, { ok: false, why: "no space left on the device (ENOSPC)" });
      assert.equal(fs.readFileSync(file, "utf8"), "original\n");
      assert.deepEqual(listing(dir), [".git", "a.ts"]);
    });

    it("a failed rename leaves the original intact and no temporary file", () => {
      const dir = tmp({ "a.ts": "original\n" });
      const file = path.join(dir, "a.ts");
      assert.deepEqual(writeFileCarefully(file, Buffer.from("fixed\n"), { root: dir, before: readSnapshot(file), fs: failing("renameSync", "EACCES") }), { ok: false, why: "permission denied (EACCES)" });
      assert.equal(fs.readFileSync(file, "utf8"), "original\n");
      assert.deepEqual(listing(dir), [".git", "a.ts"]);
    });
  });

  describe("edits to another file (writeSideFile)", () => {
    const edit = (file: string, start: number, text: string, create = false) => [{ file, start, end: start, text, ...(create ? { create } : {}) }];

    it("a Latin-1 .env.example is left byte for byte, and the reason is given", () => {
      const latin1 = Buffer.from([0x23, 0x20, 0x63, 0x6c, 0xe9, 0x0a, 0x41, 0x3d, 0x0a]); // "# clé\nA=\n" in Latin-1
      const dir = tmp({ ".env.example": latin1 });
      const file = path.join(dir, ".env.example");
      assert.equal(writeSideFile(file, edit(file, 9, "B=\n"), dir, {}), "not valid UTF-8 (another encoding such as Latin-1?); left unchanged");
      assert.deepEqual(fs.readFileSync(file), latin1);
    });

    it("edits a UTF-8 CRLF file keeping CRLF, creates a new one, and refuses one outside the root or a file created meanwhile", () => {
      const dir = tmp({ ".env.example": "A=\r\n" });
      const file = path.join(dir, ".env.example");
      assert.equal(writeSideFile(file, edit(file, 4, "B=\n"), dir, {}), undefined);
      assert.equal(fs.readFileSync(file, "utf8"), "A=\r\nB=\r\n");
      const created = path.join(dir, "config/.env.sample");
      assert.equal(writeSideFile(created, edit(created, 0, "C=\n", true), dir, {}), undefined);
      assert.equal(fs.readFileSync(created, "utf8"), "C=\n");
      assert.equal(writeSideFile(created, edit(created, 0, "D=\n", true), dir, {}), "already exists");
      const outside = path.join(path.dirname(dir), ".env.example");
      assert.equal(writeSideFile(outside, edit(outside, 0, "X=\n", true), dir, {}), `is outside ${dir}`);
      assert.equal(fs.existsSync(outside), false);
    });
  });

  describe("fix passes", () => {
    // A rule whose safe fix never clears its finding: the passes cannot reach a fixed point.
    const endless = defineRule({
      id: "endless-rule",
      docs: { description: "always offers a comment" },
      severity: "warning",
      cases: { again: { message: "again", fix: "safe", description: "again" } },
      create(ctx) {
        return {
          [ts.SyntaxKind.SourceFile](node: ts.SourceFile) {
            ctx.report({ case: "again", range: { start: 0, end: 1 }, fixes: () => [{ title: "Add a comment", kind: "safe", edits: [{ start: node.end, end: node.end, text: "// again\n" }] }] });
          },
        };
      },
    });

    it("say where they stopped: the pass limit, with the safe fixes left", () => {
      const r = fixAll({ path: "/p/a.ts", text: "x;\n", config: normalize({} as never, "/p", [endless]), project: new MemoryProjectHost(), rules: [endless] }, () => undefined, 3);
      assert.deepEqual([r.output, r.passes, r.converged, r.stop, r.left], ["x;\n// again\n// again\n// again\n", 3, false, "passLimit", 1]);
      assert.equal(passesNote(r), "; stopped after 3 passes with 1 safe fix left (run --fix again)");
      assert.equal(passesNote({ stop: "fixedPoint", passes: 2, left: 0 }), "");
    });
  });

  describe("hardening-hints audit --fix / --fix-dry-run", function () {
    this.timeout(60_000);

    it("keeps UTF-16 LE with BOM and CRLF, and a UTF-8 BOM", async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${DIRECTIVE}\r\nexport const x = "é";\r\n`, "utf16le")]);
      const dir = tmp({ "src/wide.ts": utf16, "src/bom.ts": `\ufeff${DIRECTIVE}\nexport const y = 1;\n` });
      const r = await cli(dir, ["--fix"]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(fs.readFileSync(path.join(dir, "src/wide.ts")), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export const x = "é";\r\n', "utf16le")]));
      assert.equal(fs.readFileSync(path.join(dir, "src/bom.ts"), "utf8"), "\ufeffexport const y = 1;\n");
      assert.equal(r.stderr, "fixed 1 in src/bom.ts: ignore-directive/unusedDirective\nfixed 1 in src/wide.ts: ignore-directive/unusedDirective\napplied 2 safe fixes in 2 files\n");
    });

    it("a Windows-1252 file: its findings are reported, --fix leaves it byte for byte and says why", async () => {
      // A `£` saved in Windows-1252 is byte 0xA3, not UTF-8; both findings have a safe fix.
      const source = `${DIRECTIVE}\nexport const price = "£5";\nexport function load() {\n  try {\n    return read();\n  } catch (e) {}\n}\n`;
      const cp1252 = Buffer.from(source, "latin1");
      const dir = tmp({ "src/price.ts": cp1252, "src/twin.ts": source });
      const file = path.join(dir, "src/price.ts");
      const byte = Buffer.byteLength(`${DIRECTIVE}\nexport const price = "`);
      const note = `hardening-hints: notUtf8: ${file}: not valid UTF-8 at byte ${byte}: analysed, fixes not offered\n`;
      const r = await cli(dir, ["--fix", "src/price.ts", "src/twin.ts"]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(fs.readFileSync(file), cp1252);
      assert.notEqual(fs.readFileSync(path.join(dir, "src/twin.ts"), "utf8"), source, "the UTF-8 twin is fixed");
      assert.equal(r.stderr, `fixed 2 in src/twin.ts: ignore-directive/unusedDirective, swallowed-exception/emptyCatch\napplied 2 safe fixes in 1 file\n${note}`);
      assert.deepEqual(listing(path.join(dir, "src")), ["price.ts", "twin.ts"]);
      // The finding is there, at the column an editor shows (the invalid byte is one character).
      const json = await cli(dir, ["--format", "json", "src/price.ts"]);
      const report = JSON.parse(json.stdout) as { findings: { code: string; line: number; column: number; fixes: unknown[] }[]; problems: { kind: string }[] };
      assert.deepEqual(
        report.findings.map((f) => [f.code, f.line, f.column, f.fixes.length]),
        [
          ["ignore-directive/unusedDirective", 1, 1, 0],
          ["swallowed-exception/emptyCatch", 6, 15, 0],
        ],
      );
      assert.deepEqual(report.problems.map((p) => p.kind), ["notUtf8"]);
      assert.equal(json.stderr, note);
    });

    it("goes on past a file it cannot write, says which and why, and exits 2", async () => {
      const dir = tmp({ "src/a.ts": `${DIRECTIVE}\nexport const a = 1;\n`, "src/b.ts": `${DIRECTIVE}\nexport const b = 1;\n` });
      fs.chmodSync(path.join(dir, "src/a.ts"), 0o444);
      const r = await cli(dir, ["--fix"]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^not fixed: src\/a\.ts: is read-only; 1 safe fix not applied \(ignore-directive\/unusedDirective\)\nfixed 1 in src\/b\.ts: ignore-directive\/unusedDirective\napplied 1 safe fix in 1 file; 1 file could not be written \(see above\)\n/);
      assert.equal(fs.readFileSync(path.join(dir, "src/a.ts"), "utf8"), `${DIRECTIVE}\nexport const a = 1;\n`);
      assert.equal(fs.readFileSync(path.join(dir, "src/b.ts"), "utf8"), "export const b = 1;\n");
    });

    it("a full disk: the file is intact, the run says so and exits 2", async () => {
      const dir = tmp({ "src/a.ts": `${DIRECTIVE}\nexport const a = 1;\n` });
      const r = await cli(dir, ["--fix"], failing("writeSync", "ENOSPC"));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^not fixed: src\/a\.ts: no space left on the device \(ENOSPC\); 1 safe fix not applied/);
      assert.equal(fs.readFileSync(path.join(dir, "src/a.ts"), "utf8"), `${DIRECTIVE}\nexport const a = 1;\n`);
      assert.deepEqual(listing(path.join(dir, "src")), ["a.ts"]);
    });

    it("an edit saved while --fix runs is kept, not overwritten", async () => {
      const dir = tmp({ "src/a.ts": `${DIRECTIVE}\nexport const a = 1;\n` });
      const file = path.join(dir, "src/a.ts");
      // The user saves just before the write: the first look at the file before writing it.
      const racing = { ...fs, lstatSync: ((p: string, o?: fs.StatSyncOptions) => (p === file && fs.writeFileSync(file, "export const a = 2; // mine\n"), fs.lstatSync(p, o))) as typeof fs.lstatSync } as WriteFs;
      const r = await cli(dir, ["--fix"], racing);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^not fixed: src\/a\.ts: changed since it was read; your edit is kept, run --fix again; 1 safe fix not applied/);
      assert.equal(fs.readFileSync(file, "utf8"), "export const a = 2; // mine\n");
    });

    it("two safe fixes that redeclare a name together: the file is written with the first, the second is left out and said why", async () => {
      const text = "export async function copy(a: P[], b: P[]) {\n  await Promise.allSettled(a);\n  await Promise.allSettled(b);\n}\n";
      const dir = tmp({ "src/copy.ts": text });
      const r = await cli(dir, ["--fix", "--format", "json", "--output", "report.json"], undefined, [settleRule]);
      assert.equal(fs.readFileSync(path.join(dir, "src/copy.ts"), "utf8"), 'export async function copy(a: P[], b: P[]) {\n  const settled = await Promise.allSettled(a);\n  for (const result of settled) if (result.status === "rejected") console.error(result.reason);\n  await Promise.allSettled(b);\n}\n');
      assert.equal(r.stderr, `left out: src/copy.ts:4: settle-rule/unread "Log the rejected ones": with the other safe fixes of the file it gives TS2451 Cannot redeclare block-scoped variable 'settled'.; the finding stays reported, fix it on its own\nfixed 1 in src/copy.ts: settle-rule/unread\napplied 1 safe fix in 1 file\n`);
    });

    it("the real allSettled fixes of two batches in one block: both applied, under settled and settled2", async () => {
      const text = "export async function copy(a: Promise<void>[], b: Promise<void>[]) {\n  await Promise.allSettled(a);\n  await Promise.allSettled(b);\n}\n";
      const dir = tmp({ "src/copy.ts": text });
      const r = await cli(dir, ["--fix", "--format", "json", "--output", "report.json"]);
      const out = fs.readFileSync(path.join(dir, "src/copy.ts"), "utf8");
      assert.match(out, /const settled = await Promise\.allSettled\(a\);[^]*const settled2 = await Promise\.allSettled\(b\);/);
      assert.equal(r.stderr, "fixed 2 in src/copy.ts: swallowed-exception/allSettledUnchecked\napplied 2 safe fixes in 1 file\n");
    });

    it("--fix-dry-run prints a diff that git apply accepts and that gives what --fix writes; nothing is written", async () => {
      const files = { "src/crlf.ts": `${DIRECTIVE}\r\nexport const a = 1;\r\n`, "src/no-eol.ts": `export const b = 1;\n${DIRECTIVE}\nexport const c = 2;`, "src/clean.ts": "export const d = 1;\n" };
      const dry = tmp(files);
      const r = await cli(dry, ["--fix-dry-run", "--format", "json", "--output", "report.json"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, "2 safe fixes would change 2 files; nothing was written\n");
      for (const [rel, text] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(dry, rel), "utf8"), text, `${rel} was written by a dry run`);
      fs.writeFileSync(path.join(dry, "fix.patch"), r.stdout);
      const check = spawnSync("git", ["apply", "--check", "fix.patch"], { cwd: dry, encoding: "utf8" });
      assert.equal(check.status, 0, check.stderr);
      assert.equal(spawnSync("git", ["apply", "fix.patch"], { cwd: dry }).status, 0);
      const fixed = tmp(files);
      assert.equal((await cli(fixed, ["--fix"])).code, 0);
      for (const rel of Object.keys(files)) assert.deepEqual(fs.readFileSync(path.join(dry, rel)), fs.readFileSync(path.join(fixed, rel)), rel);
    });

    it("--fix-dry-run masks a secret on a removed line, and says the diff cannot then be applied", async () => {
      const key = ["sk", "live", "ZoDMOsPrQ4b94QnuRYSbd38o"].join("_");
      const dir = tmp({ "src/a.ts": `// old key: ${key}\nexport const x = 1;\n` });
      const r = await cli(dir, ["--fix-dry-run", "--format", "json", "--output", "report.json"]);
      assert.equal(r.stdout, "--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,2 +1,2 @@\n-// old key: `…` (32 chars)\n+// old key: <redacted>\n export const x = 1;\n");
      assert.equal(r.stderr, "src/a.ts: the diff masks a secret, so git apply cannot apply it; run --fix instead\n1 safe fix would change 1 file; nothing was written\n");
    });
  });
});
