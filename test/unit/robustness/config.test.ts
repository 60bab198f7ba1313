/**
 * Config robustness through the built CLI: each broken configuration gives one precise line
 * on stderr (file, position or JSON path, what was expected), exit code 2, and never a stack
 * trace. The CLI runs are started together in `before` and asserted one per case.
 */
import * as assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openTo, unprivilegedSpawn, type SpawnIdentity } from "../../helpers/unprivileged";

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
const CONFIG = ".hardeninghints.json";

interface Case {
  name: string;
  /** Writes the broken config into `dir` (which already holds a.ts). */
  setup(dir: string): void;
  args?: string[];
  /** The one stderr line about the config. */
  message: RegExp;
}

const write = (text: string | Buffer) => (dir: string) => fs.writeFileSync(path.join(dir, CONFIG), text);

const CASES: Case[] = [
  { name: "malformed JSON", setup: write('{ "rules": { "swallowed-exception": "error",\n  '), message: /\.hardeninghints\.json:2:3: invalid JSON \(\w+\)$/ },
  { name: "a trailing garbage token", setup: write('{ "rules": {} } x'), message: /\.hardeninghints\.json:1:17: invalid JSON \(\w+\)$/ },
  { name: "binary bytes instead of JSON", setup: write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff])), message: /\.hardeninghints\.json:1:1: invalid JSON \(\w+\)$/ },
  { name: "an empty file", setup: write(""), message: /\.hardeninghints\.json: the configuration is empty; expected a JSON object/ },
  { name: "an array at the root", setup: write("[]"), message: /\.hardeninghints\.json:1:1: \(root\): expected an object, got array/ },
  { name: "a wrong type (maxFileSizeKb as a string)", setup: write('{ "maxFileSizeKb": "big" }'), message: /\.hardeninghints\.json:1:3: maxFileSizeKb: expected an integer, got string "big"$/ },
  { name: "a wrong type (ignore as a string)", setup: write('{ "ignore": "dist" }'), message: /\.hardeninghints\.json:1:3: ignore: expected an array.*got string "dist"$/ },
  { name: "a wrong severity", setup: write('{ "rules": { "swallowed-exception": "loud" } }'), message: /rules\.swallowed-exception: expected one of "off", "info", "warning", "error"/ },
  { name: "an unknown rule", setup: write('{ "rules": { "no-such-rule": "error" } }'), message: /\.hardeninghints\.json:1:14: rules\.no-such-rule: unknown property "no-such-rule" \(see schemas\/config\.schema\.json for the known names\)$/ },
  { name: "an unknown case of a known rule", setup: write('{ "rules": { "swallowed-exception/noSuchCase": "warning" } }'), message: /rules\.swallowed-exception\/noSuchCase: unknown property/ },
  { name: "an unknown top-level key", setup: write('{ "ignores": ["dist/**"] }'), message: /:1:3: ignores: unknown property "ignores"/ },
  { name: "a negated glob", setup: write('{ "ignore": ["!dist/**"] }'), message: /ignore: negated globs are not supported \(!dist\/\*\*\)/ },
  { name: "an empty glob", setup: write('{ "ignore": ["src/**", " "] }'), message: /ignore: an empty glob matches nothing$/ },
  { name: "a glob minimatch refuses (over 64 KB)", setup: write(JSON.stringify({ ignore: ["a".repeat(70_000)] })), message: /ignore: invalid glob "a+": pattern is too long$/ },
  { name: "an invalid /regex/ in an option", setup: write('{ "rules": { "hardcoded-secret": { "allow": ["/(/"] } } }'), message: /rules\.hardcoded-secret\.allow\[0\]: invalid regular expression/ },
  {
    name: "--config naming a directory",
    setup: (dir) => fs.mkdirSync(path.join(dir, "somedir")),
    args: ["--config", "somedir"],
    message: /somedir: is a directory, expected a JSON file$/,
  },
  { name: "--config naming a missing file", setup: () => undefined, args: ["--config", "nope.json"], message: /nope\.json: cannot read the configuration \(file not found\)$/ },
  {
    name: "--config under a path whose parent is a file (ENOTDIR)",
    setup: () => undefined,
    args: ["--config", "a.ts/config.json"],
    message: /a\.ts\/config\.json: cannot read the configuration \(ENOTDIR/,
  },
  {
    // As root, permission bits do not stop reads, so "unreadable" is made with a symlink that
    // points at itself: stat and read both fail with ELOOP whoever runs the test.
    name: "--config naming an unreadable file (a symlink loop)",
    setup: (dir) => fs.symlinkSync(CONFIG, path.join(dir, CONFIG)),
    args: ["--config", CONFIG],
    message: /\.hardeninghints\.json: cannot read the configuration \(ELOOP/,
  },
  {
    name: "an unreadable config found by walking up (a symlink loop)",
    setup: (dir) => fs.symlinkSync(CONFIG, path.join(dir, CONFIG)),
    message: /\.hardeninghints\.json: cannot read the configuration \(ELOOP/,
  },
  { name: "a __proto__ key at the top", setup: write('{ "__proto__": { "rules": { "swallowed-exception": "bogus" } } }'), message: /\.hardeninghints\.json:1:3: the key "__proto__" is not allowed$/ },
  { name: "a __proto__ key under rules", setup: write('{ "rules": { "__proto__": { "swallowed-exception": "bogus" } } }'), message: /\.hardeninghints\.json:1:14: the key "__proto__" is not allowed$/ },
  { name: "a constructor key", setup: write('{ "constructor": {} }'), message: /\.hardeninghints\.json:1:3: the key "constructor" is not allowed$/ },
  { name: "maxFileSizeKb 0", setup: write('{ "maxFileSizeKb": 0 }'), message: /maxFileSizeKb: expected a number >= 1, got 0$/ },
  { name: "ignore as a number", setup: write('{ "ignore": 5 }'), message: /ignore: expected an array.*got integer 5$/ },
  { name: "nested 20,000 deep", setup: write('{"a":'.repeat(20_000) + "1" + "}".repeat(20_000)), message: /\.hardeninghints\.json:1:\d+: nested more than 32 levels deep/ },
  { name: "a folder named .hardeninghints.json found by walking up", setup: (dir) => fs.mkdirSync(path.join(dir, CONFIG)), message: /\.hardeninghints\.json: is a directory, expected a JSON file$/ },
  { name: "a FIFO named .hardeninghints.json", setup: (dir) => execFileSync("mkfifo", [path.join(dir, CONFIG)]), message: /\.hardeninghints\.json: is a FIFO, not a regular file, expected a JSON file$/ },
];

/** Permission bits only bite for a non-root user. */
const PERMISSION_CASE: Case = {
  name: "an unreadable config (mode 000)",
  setup: (dir) => {
    fs.writeFileSync(path.join(dir, CONFIG), "{}");
    fs.chmodSync(path.join(dir, CONFIG), 0o000);
  },
  message: /\.hardeninghints\.json: cannot read the configuration \(permission denied\)$/,
};

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(cwd: string, args: string[], identity: SpawnIdentity = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "audit", ".", ...args], { cwd, ...identity });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("robustness: broken configuration through the CLI", function () {
  this.timeout(120_000);
  const outcomes = new Map<string, Outcome>();
  const dirs: string[] = [];
  // As root the permission case runs the CLI as `nobody`; where that cannot work it is skipped loudly.
  let permission: SpawnIdentity | string = "not started";
  let all = CASES;

  before(async () => {
    CLI = copyCli();
    dirs.push(path.dirname(CLI));
    fs.chmodSync(path.dirname(CLI), 0o755);
    permission = unprivilegedSpawn(CLI);
    if (typeof permission !== "string") all = [...CASES, PERMISSION_CASE];
    const pending = [...all];
    const worker = async () => {
      for (let c = pending.shift(); c; c = pending.shift()) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-config-"));
        dirs.push(dir);
        fs.writeFileSync(path.join(dir, "a.ts"), "export function f() {\n  try { g(); } catch (e) {}\n}\n");
        c.setup(dir);
        const identity = c === PERMISSION_CASE && typeof permission !== "string" ? permission : {};
        openTo(identity, dir);
        outcomes.set(c.name, await runCli(dir, c.args ?? [], identity));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  });
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  for (const c of [...CASES, PERMISSION_CASE]) {
    it(`${c.name}: one precise line, exit 2, no stack trace`, function () {
      if (c === PERMISSION_CASE && typeof permission === "string") {
        console.warn(`      SKIPPED ${c.name}: running as root and ${permission}`);
        this.skip();
      }
      const o = outcomes.get(c.name)!;
      assert.doesNotMatch(o.stderr, /\n\s+at |internal error/, `stack trace or internal error:\n${o.stderr}`);
      const lines = o.stderr.split("\n").filter((l) => l.startsWith("hardening-hints:"));
      assert.equal(lines.length, 1, `exactly one message line expected, got:\n${o.stderr}`);
      assert.match(lines[0]!, c.message);
      assert.equal(o.code, 2, `exit code (stderr: ${o.stderr.trim()})`);
    });
  }
});
