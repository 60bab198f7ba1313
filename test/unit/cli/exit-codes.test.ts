/**
 * `--max-warnings` as docs/ci.md states it: -1 means no limit, info findings and findings the
 * baseline or a directive covers do not count, a value below -1 is a usage error (exit 2).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../../src/cli/main";

const EMPTY_CATCH = (name: string) => `export function ${name}() {\n  try {\n    return read();\n  } catch (e) {}\n}\n`;

async function cli(cwd: string, ...argv: string[]) {
  let stderr = "";
  const code = await runCli(["audit", ...argv], { cwd, stdout: () => undefined, stderr: (s) => (stderr += s), stderrIsTTY: false });
  return { code, stderr };
}

describe("cli: --max-warnings and the exit code", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const mk = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-exit-"));
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("-1 is no limit; a value below -1 is a usage error", async () => {
    const d = mk({ "src/a.ts": EMPTY_CATCH("a"), "src/b.ts": EMPTY_CATCH("b") });
    assert.equal((await cli(d, ".", "--max-warnings", "1")).code, 1);
    assert.equal((await cli(d, ".", "--max-warnings", "-1")).code, 0);
    const bad = await cli(d, ".", "--max-warnings", "-2");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings needs a whole number, not "-2"/);
  });

  it("info findings and baselined warnings do not count towards --max-warnings; a new warning does", async () => {
    const d = mk({ "src/a.ts": EMPTY_CATCH("a"), ".hardeninghints.json": '{ "rules": { "swallowed-exception": "info" } }' });
    assert.equal((await cli(d, ".", "--max-warnings", "0")).code, 0, "info only");
    fs.rmSync(path.join(d, ".hardeninghints.json"));
    assert.equal((await cli(d, ".", "--max-warnings", "0")).code, 1, "the same finding as a warning");
    assert.equal((await cli(d, ".", "--baseline", "base.json", "--update-baseline")).code, 0);
    assert.equal((await cli(d, ".", "--baseline", "base.json", "--max-warnings", "0")).code, 0, "baselined");
    fs.writeFileSync(path.join(d, "src/b.ts"), EMPTY_CATCH("b"));
    const r = await cli(d, ".", "--baseline", "base.json", "--max-warnings", "0");
    assert.equal(r.code, 1, "a new warning");
    assert.match(r.stderr, /1 warnings is more than --max-warnings 0/);
  });

  it("a low-confidence finding counts at its lowered level: info under the default, a warning when the family is an error", async () => {
    const parse = 'export function readPort(raw: string): number {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n';
    const d = mk({ "src/port.ts": parse });
    assert.equal((await cli(d, ".", "--max-warnings", "0")).code, 0, "info (low confidence) does not count");
    fs.writeFileSync(path.join(d, ".hardeninghints.json"), '{ "rules": { "swallowed-exception": "error" } }');
    const r = await cli(d, ".", "--max-warnings", "0");
    assert.equal(r.code, 1, "error lowered to a warning: over the limit, but not an error");
    assert.match(r.stderr, /1 warnings is more than --max-warnings 0/);
  });
});
