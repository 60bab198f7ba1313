/**
 * `--cache` and git (src/cli/cache.ts): a commit changes the git index, which only the first file
 * to ask reads in a run; it must not pin that file's entry, and a file whose message depends on
 * whether git tracks it (a hard-coded secret: "rotate it") must be re-analysed when that changes.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../../src/cli/main";

const SECRET = 'export const stripe = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc" + '";\n';
const SWALLOW = "export function f() {\n  try {\n    g();\n  } catch (e) {}\n}\n";

async function cached(cwd: string) {
  let stdout = "";
  let stderr = "";
  const before = process.env.HH_DEBUG_CACHE;
  process.env.HH_DEBUG_CACHE = "1";
  try {
    await runCli(["audit", ".", "--cache", "--format", "json"], { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
  } finally {
    if (before === undefined) delete process.env.HH_DEBUG_CACHE;
    else process.env.HH_DEBUG_CACHE = before;
  }
  const m = /cache: (\d+) hits, (\d+) misses/.exec(stderr);
  assert.ok(m, stderr);
  const messages = (JSON.parse(stdout) as { findings: { file: string; message: string }[] }).findings.map((f) => `${f.file}: ${f.message}`);
  return { hits: Number(m[1]), misses: Number(m[2]), messages };
}

describe("cli: --cache in a git work tree", function () {
  this.timeout(60_000);
  let dir: string;
  const git = (...args: string[]) => assert.equal(spawnSync("git", args, { cwd: dir, encoding: "utf8" }).status, 0, `git ${args.join(" ")}`);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cache-git-"));
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "x" }');
    for (const i of [1, 2, 3]) fs.writeFileSync(path.join(dir, `src/a${i}.ts`), SWALLOW);
    fs.writeFileSync(path.join(dir, "src/key.ts"), SECRET);
    git("init", "-q");
    git("add", "package.json", "src/a1.ts", "src/a2.ts", "src/a3.ts");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a change of the git index re-analyses only the file whose result depends on it", async () => {
    const first = await cached(dir);
    assert.deepEqual([first.hits, first.misses], [0, 4]);
    const untracked = first.messages.find((m) => m.startsWith("src/key.ts"))!;
    assert.ok(!/Rotate it/.test(untracked), untracked);
    const again = await cached(dir);
    assert.deepEqual([again.hits, again.misses], [4, 0], "unchanged tree: every file from the cache");

    git("add", "src/key.ts"); // the secret is now in git: its message says to rotate it
    const second = await cached(dir);
    assert.deepEqual([second.hits, second.misses], [3, 1]);
    assert.match(second.messages.find((m) => m.startsWith("src/key.ts"))!, /Rotate it: it is in git history/);
    assert.deepEqual(second.messages.filter((m) => !m.startsWith("src/key.ts")), first.messages.filter((m) => !m.startsWith("src/key.ts")));

    fs.writeFileSync(path.join(dir, "src/b.ts"), "export const b = 2;\n");
    git("add", "src/b.ts"); // the index changes again; no cached result depends on b.ts
    const third = await cached(dir);
    assert.deepEqual([third.hits, third.misses], [4, 1], "only the new file is analysed");
  });
});
