/**
 * `--format gitlab`: the GitLab Code Quality report (src/cli/formatters/gitlab.ts), from an audit
 * and from `merge` of the shards' JSON reports.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatGitlab } from "../../../src/cli/formatters/gitlab";
import { runCli } from "../../../src/cli/main";

const EMPTY_CATCH = "export function load() {\n  try {\n    return read();\n  } catch (e) {}\n}\n";
const IGNORED = "// hardening-hints-ignore-next-line swallowed-exception -- a cache miss is fine\ntry { f(); } catch {}\n";
const SECRET = 'export const stripe = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc" + '";\n';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
  return { code, stdout, stderr };
}

describe("cli: --format gitlab (GitLab Code Quality)", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-gitlab-"));
    const files: Record<string, string> = { "package.json": '{ "name": "gl" }', "src/a.ts": EMPTY_CATCH, "src/b.ts": IGNORED + SECRET, "src/c.ts": "export const ok = 1;\n" };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("maps the three severities and leaves suppressed findings out", () => {
    const out = formatGitlab([
      { file: "a.ts", line: 3, code: "x/info", severity: "info", message: "m1", fingerprint: "f1" },
      { file: "b/c.ts", line: 1, code: "x/warn", severity: "warning", message: "m2", fingerprint: "f2" },
      { file: "d.ts", line: 9, code: "x/err", severity: "error", message: "m3", fingerprint: "f3" },
      { file: "d.ts", line: 10, code: "x/err", severity: "error", message: "m4", fingerprint: "f4", suppression: { kind: "inSource" } },
    ]);
    const issue = (description: string, check: string, fp: string, severity: string, p: string, line: number) =>
      `  {\n    "description": "${description}",\n    "check_name": "${check}",\n    "fingerprint": "${fp}",\n    "severity": "${severity}",\n    "location": {\n      "path": "${p}",\n      "lines": {\n        "begin": ${line}\n      }\n    }\n  }`;
    assert.equal(out, `[\n${[issue("m1", "x/info", "f1", "info", "a.ts", 3), issue("m2", "x/warn", "f2", "minor", "b/c.ts", 1), issue("m3", "x/err", "f3", "major", "d.ts", 9)].join(",\n")}\n]\n`);
    assert.equal(formatGitlab([]), "[]\n");
  });

  it("audit --format gitlab: one issue per unsuppressed finding, with the JSON report's fingerprint and message; same exit code", async () => {
    const json = await cli(dir, "audit", ".", "--format", "json");
    const gitlab = await cli(dir, "audit", ".", "--format", "gitlab");
    const findings = (JSON.parse(json.stdout) as { findings: { file: string; code: string; message: string; fingerprint: string; suppression?: unknown }[] }).findings;
    const byCode = (code: string) => findings.find((f) => f.code === code)!;
    assert.equal(findings.filter((f) => f.suppression).length, 1, "the directive suppresses one finding");
    assert.deepEqual(JSON.parse(gitlab.stdout), [
      { description: byCode("swallowed-exception/emptyCatch").message, check_name: "swallowed-exception/emptyCatch", fingerprint: byCode("swallowed-exception/emptyCatch").fingerprint, severity: "minor", location: { path: "src/a.ts", lines: { begin: 4 } } },
      { description: byCode("hardcoded-secret/providerKey").message, check_name: "hardcoded-secret/providerKey", fingerprint: byCode("hardcoded-secret/providerKey").fingerprint, severity: "major", location: { path: "src/b.ts", lines: { begin: 3 } } },
    ]);
    assert.ok(!gitlab.stdout.includes("4eC39HqLyjWDarjtT1zdp7dc"), "no secret in the report");
    assert.equal(gitlab.code, 1);
    assert.equal(gitlab.code, json.code);
  });

  it("merge --format gitlab joins the shards' JSON reports into the unsharded report; SARIF shards are refused", async () => {
    const whole = await cli(dir, "audit", ".", "--format", "gitlab");
    for (const i of [1, 2]) {
      await cli(dir, "audit", ".", "--shard", `${i}/2`, "--format", "json", "--output", `out/s${i}.json`);
      await cli(dir, "audit", ".", "--shard", `${i}/2`, "--format", "sarif", "--output", `out/s${i}.sarif`);
    }
    const merged = await cli(dir, "merge", "out/s1.json", "out/s2.json", "--format", "gitlab");
    assert.deepEqual([merged.code, merged.stdout], [0, whole.stdout]);
    const refused = await cli(dir, "merge", "out/s1.sarif", "out/s2.sarif", "--format", "gitlab");
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /the shards are SARIF reports; --format gitlab cannot convert them \(merge the shards' JSON reports\)/);
  });

  it("--format accepts gitlab and names it when the value is wrong", async () => {
    const r = await cli(dir, "audit", ".", "--format", "codeclimate");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json, sarif or gitlab, not "codeclimate"/);
  });
});
