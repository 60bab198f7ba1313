/**
 * The verdict (exit code, findings, skipped files) does not depend on --jobs or --format, on
 * inputs that once overflowed the stack on one thread and not in a worker, or in JSON mode (which
 * builds fixes) and not in text mode: a 3,000-long `.then()` chain, 5,000 nested brackets,
 * 30,000 `!` and 20,000 nested `?:`.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";

const CLI = path.resolve(__dirname, "../../../dist/cli.js");

describe("robustness: the same verdict however the CLI runs", function () {
  this.timeout(300_000);
  let dir = "";
  before(() => {
    if (!fs.existsSync(CLI)) assert.fail("dist/cli.js is missing: run `npm run build` first (npm test does)");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-verdict-"));
    fs.mkdirSync(path.join(dir, "src"));
    const put = (name: string, text: string) => fs.writeFileSync(path.join(dir, "src", name), text);
    // Line breaks keep these from looking minified: only the nesting is extreme.
    put("chain.ts", `export const p = load()${"\n  .then((x) => x)".repeat(3000)};\n`);
    put("brackets.ts", `export const a =\n${"[\n".repeat(5000)}1${"\n]".repeat(5000)};\n`);
    put("bang.ts", `export const a =\n${"!\n".repeat(30_000)}x;\n`);
    put("ternary.ts", `export const a =\n${"x ? 1 :\n".repeat(20_000)}0;\n`);
    // Enough files for the CLI to use worker threads when asked.
    for (let i = 0; i < 60; i++) put(`f${String(i).padStart(2, "0")}.ts`, "export function f() {\n  try { g(); } catch (e) {}\n}\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runs = [["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--jobs", "2"], ["--jobs", "2", "--format", "json"], ["--jobs", "1", "--format", "sarif"]];
  it("exit code and skipped files agree across formats and thread counts", () => {
    const outcomes = runs.map((args) => {
      const r = spawnSync(process.execPath, [CLI, "audit", ".", ...args], { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      const skipped = [...r.stderr.matchAll(/parseError: \S*src\/(\w+\.ts): (.*)$/gm)].map((m) => `${m[1]}: ${m[2]!.replace(/\d+ levels/, "N levels")}`).sort();
      return { args: args.join(" "), code: r.status, skipped };
    });
    for (const o of outcomes) assert.deepEqual({ code: o.code, skipped: o.skipped }, { code: outcomes[0]!.code, skipped: outcomes[0]!.skipped }, `${o.args} differs from ${outcomes[0]!.args}`);
    assert.equal(outcomes[0]!.code, 1, "files that cannot be analyzed fail the run by default");
    assert.deepEqual(outcomes[0]!.skipped.map((s) => s.split(":")[0]), ["bang.ts", "brackets.ts", "chain.ts", "ternary.ts"]);
  });
});

describe("robustness: a file that cannot be parsed still gets the secret scan", () => {
  it("a live key above 800 nested parentheses is reported (masked), and the file is a parse problem", () => {
    const key = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");
    const text = `const stripe = "${key}";\nexport const a =\n${"(\n".repeat(800)}1${"\n)".repeat(800)};\n`;
    const r = analyze({ path: "/p/src/a.ts", text, config: defaultConfig("/p"), project: new MemoryProjectHost() });
    assert.equal(r.analyzed, false);
    assert.deepEqual(r.problems.map((p) => p.kind), ["parseError"]);
    assert.deepEqual(r.findings.map((f) => [f.code, text.slice(f.range.start, f.range.end) === key, f.message.includes(key)]), [["hardcoded-secret/providerKey", true, false]]);
  });
});
