/**
 * Special files around the sources: a FIFO or a symlink to a device where the engine expects a
 * .gitignore, package.json or tsconfig.json never blocks or grows without bound, and an explicit
 * FIFO given as a path gets a precise message and exit 2. Also: a config with a UTF-8 BOM is
 * read, and a bare-name ignore glob skips only the folders with that name.
 */
import * as assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readRegularFile } from "../../../src/engine/read-file";
import { FsProjectHost } from "../../../src/engine/project-host";
import { openTo, unprivilegedSpawn, type SpawnIdentity } from "../../helpers/unprivileged";

const REPO = path.resolve(__dirname, "../../..");
const CLI = path.join(REPO, "dist/cli.js");
const SWALLOW = "export function f() {\n  try { g(); } catch (e) {}\n}\n";

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

function run(cwd: string, args: string[], identity: SpawnIdentity = {}): Promise<Outcome> {
  if (!fs.existsSync(CLI)) assert.fail("dist/cli.js is missing: run `npm run build` first (npm test does)");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "audit", ...args], { cwd, ...identity });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    // A hang is the failure this suite looks for: kill it and say so, rather than time out mocha.
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-special-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const mkfifo = (p: string) => execFileSync("mkfifo", [p]);

/** Every folder the suites below make, removed once at the end. */
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const fresh = (files: Record<string, string>) => {
  const d = project(files);
  dirs.push(d);
  return d;
};

describe("robustness: special files", function () {
  this.timeout(120_000);

  describe("readRegularFile", () => {
    it("reads a regular file and drops a UTF-8 BOM", () => {
      const d = fresh({ "a.json": "\ufeff{}" });
      assert.deepEqual(readRegularFile(path.join(d, "a.json")), { ok: true, text: "{}" });
    });
    it("refuses a FIFO without blocking", () => {
      const d = fresh({});
      mkfifo(path.join(d, "p"));
      assert.deepEqual(readRegularFile(path.join(d, "p")), { ok: false, code: "NOTFILE", reason: "is a FIFO, not a regular file" });
    });
    it("refuses a symlink to /dev/zero (a device) without reading it", () => {
      const d = fresh({});
      fs.symlinkSync("/dev/zero", path.join(d, "z"));
      assert.deepEqual(readRegularFile(path.join(d, "z")), { ok: false, code: "NOTFILE", reason: "is not a regular file" });
    });
    it("refuses a file over the cap", () => {
      const d = fresh({ big: "x".repeat(2000) });
      assert.deepEqual(readRegularFile(path.join(d, "big"), 1000), { ok: false, code: "TOOLARGE", reason: "is 2000 bytes, over the 1000-byte limit" });
    });
    it("says a missing file is missing", () => {
      assert.equal(readRegularFile("/nonexistent/hh/x").ok, false);
    });
    it("FsProjectHost treats a FIFO package.json as absent", () => {
      const d = fresh({});
      mkfifo(path.join(d, "package.json"));
      assert.equal(new FsProjectHost().readFile(path.join(d, "package.json")), undefined);
    });
  });

  describe("the CLI", () => {
    for (const name of [".gitignore", "package.json", "tsconfig.json", ".env.example"]) {
      it(`a FIFO named ${name} does not hang the audit`, async () => {
        const d = fresh({ "src/a.ts": SWALLOW });
        fs.mkdirSync(path.join(d, ".git"));
        mkfifo(path.join(d, name));
        const o = await run(d, ["."]);
        assert.equal(o.killed, false, "the audit hung");
        assert.equal(o.code, 0, o.stderr);
        assert.match(o.stdout, /1 problem \(0 errors, 1 warning, 0 info\) in 1 file/);
        if (name === ".gitignore") assert.match(o.stderr, /\.gitignore: not used \(is a FIFO, not a regular file\)/);
      });
    }

    it("a committed .gitignore -> /dev/zero symlink is refused, not read", async () => {
      const d = fresh({ "src/a.ts": SWALLOW });
      fs.mkdirSync(path.join(d, ".git"));
      fs.symlinkSync("/dev/zero", path.join(d, ".gitignore"));
      const o = await run(d, ["."]);
      assert.equal(o.killed, false, "the audit hung");
      assert.match(o.stderr, /\.gitignore: not used \(is not a regular file\)/);
      assert.equal(o.code, 0, o.stderr);
    });

    it("an explicit FIFO path gets a precise message and exit 2", async () => {
      const d = fresh({});
      mkfifo(path.join(d, "pipe.ts"));
      const o = await run(d, ["pipe.ts"]);
      assert.equal(o.killed, false, "the audit hung");
      assert.equal(o.code, 2);
      assert.match(o.stderr, /pipe\.ts: is a FIFO \(named pipe\), not a source file or folder; not analyzed/);
      assert.doesNotMatch(o.stderr + o.stdout, /ENOTDIR|no problems/);
    });

    it("a config with a UTF-8 BOM is read", async () => {
      const d = fresh({ "src/a.ts": SWALLOW, ".hardeninghints.json": '\ufeff{ "rules": { "swallowed-exception": "error" } }' });
      const o = await run(d, ["."]);
      assert.equal(o.code, 1, o.stderr);
      assert.match(o.stdout, /1 problem \(1 error, 0 warnings, 0 info\)/);
    });

    it('ignore: ["x"] skips the folders named x, not every folder', async () => {
      const d = fresh({ "src/a.ts": SWALLOW, "src/x/b.ts": SWALLOW, "src/deep/x/c.ts": SWALLOW, "src/deep/d.ts": SWALLOW, ".hardeninghints.json": '{ "ignore": ["x"] }' });
      const o = await run(d, [".", "--format", "json"]);
      assert.equal(o.code, 0, o.stderr);
      const files = [...new Set((JSON.parse(o.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))].sort();
      assert.deepEqual(files, ["src/a.ts", "src/deep/d.ts"]);
    });
  });
});

describe("robustness: reports and arguments", function () {
  this.timeout(120_000);

  it("a file name with a newline and ANSI escapes cannot forge a report line", async () => {
    const evil = "x\n\u001b[32m✔ no problems in 9 files\u001b[0m\n.ts";
    const d = fresh({ [evil]: SWALLOW });
    const o = await run(d, ["."]);
    assert.equal(o.code, 0, o.stderr);
    assert.equal(o.stdout.split("\n").filter((l) => l.startsWith("✔")).length, 0, o.stdout);
    assert.match(o.stdout, /^x\\n\\x1b\[32m✔ no problems in 9 files\\x1b\[0m\\n\.ts:2:26 {2}warning/m);
  });

  for (const [args, message] of [
    [["--max-warnings", ""], /--max-warnings needs a whole number, not ""/],
    [["--max-warnings", " "], /--max-warnings needs a whole number, not " "/],
    [["--jobs", "1000"], /--jobs needs a whole number from 1 to 256, not "1000"/],
    [["--jobs", "0x2"], /--jobs needs a whole number from 1 to 256, not "0x2"/],
    [["--fail-on-skipped", "some"], /--fail-on-skipped must be unparsable, any or none, not "some"/],
  ] as const) {
    it(`${args.join(" ")} is a usage error (exit 2)`, async () => {
      const d = fresh({ "a.ts": SWALLOW });
      const o = await run(d, [".", ...args]);
      assert.equal(o.code, 2);
      assert.match(o.stderr, message);
    });
  }

  it("EPIPE on stdout (| head -1) ends quietly with the deserved exit code", async () => {
    const files: Record<string, string> = { ".hardeninghints.json": '{ "rules": { "swallowed-exception": "error" } }' };
    for (let i = 0; i < 200; i++) files[`src/f${i}.ts`] = SWALLOW;
    const d = fresh(files);
    const out = execFileSync("bash", ["-c", `node ${JSON.stringify(CLI)} audit . 2>err.txt | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: d }).toString().trim();
    assert.equal(out, "1");
    assert.doesNotMatch(fs.readFileSync(path.join(d, "err.txt"), "utf8"), /EPIPE|internal error|\n\s+at /);
  });

  it("a file the parser cannot handle fails the run by default, says so with --quiet, and passes with --fail-on-skipped none", async () => {
    // Short lines, so it is not taken for minified code: only the nesting is extreme.
    const deep = `export const a =\n${"(\n".repeat(30_000)}1${"\n)".repeat(30_000)};\n`;
    const d = fresh({ "deep.ts": deep, "ok.ts": "export {};\n" });
    const o = await run(d, [".", "--quiet"]);
    assert.equal(o.code, 1, o.stdout + o.stderr);
    assert.match(o.stderr, /parseError: .*deep\.ts/);
    assert.match(o.stderr, /1 file could not be analyzed \(see above\); the run fails \(--fail-on-skipped unparsable\)/);
    assert.match(o.stdout, /^⚠ no problems found in 1 file, 1 skipped\n$/);
    const none = await run(d, [".", "--fail-on-skipped", "none"]);
    assert.equal(none.code, 0, none.stderr);
  });
});

describe("robustness: folders and --config", function () {
  this.timeout(120_000);

  it("--config in a subfolder resolves its ignore globs from its own folder", async () => {
    const d = fresh({ "pkg/src/a.ts": SWALLOW, "pkg/legacy/b.ts": SWALLOW, "pkg/cfg.json": '{ "ignore": ["legacy/**"] }' });
    const o = await run(d, ["pkg", "--config", "pkg/cfg.json", "--format", "json"]);
    assert.equal(o.code, 0, o.stderr);
    assert.deepEqual([...new Set((JSON.parse(o.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))], ["pkg/src/a.ts"]);
  });

  it("one unreadable folder is reported and skipped; the rest is audited and no config is blamed", async function () {
    // As root, mode 000 does not stop reads: the CLI then runs as `nobody`, or the case is skipped loudly.
    const identity = unprivilegedSpawn(CLI);
    if (typeof identity === "string") {
      console.warn(`      SKIPPED: running as root and ${identity}`);
      this.skip();
    }
    const d = fresh({ "src/a.ts": SWALLOW, "locked/b.ts": SWALLOW });
    openTo(identity, d);
    fs.chmodSync(path.join(d, "locked"), 0o000);
    try {
      const o = await run(d, ["."], identity);
      assert.equal(o.code, 0, o.stderr);
      assert.match(o.stderr, /locked: cannot list folder \(EACCES\)/);
      assert.doesNotMatch(o.stderr, /hardeninghints\.json/);
      assert.match(o.stdout, /1 problem .* in 1 file/);
    } finally {
      fs.chmodSync(path.join(d, "locked"), 0o755);
    }
  });
});
