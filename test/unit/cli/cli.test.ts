import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../../..");
const CLI = path.join(REPO, "dist/cli.js");

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary project folder from a map of relative paths to contents. */
function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cli-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const EMPTY_CATCH = "export function load() {\n  try {\n    return read();\n  } catch (e) {}\n}\n";
const UNUSED = "// hardening-hints-ignore-next-line hardcoded-secret -- not a secret\nexport const x = 1;\n";

describe("cli: the built dist/cli.js", function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const mk = (files: Record<string, string | Buffer>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  before(() => assert.ok(fs.existsSync(CLI), "dist/cli.js is missing: run `npm run build` first (npm test does)"));
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("exit 0 and a clean summary on clean code", () => {
    const r = run(mk({ "src/ok.ts": "export const add = (a: number, b: number) => a + b;\n" }), "audit", ".");
    assert.deepEqual([r.code, r.stdout], [0, "✔ no problems in 1 file\n"]);
  });

  it("text format: file:line:col  severity  message  code; warnings alone exit 0, over --max-warnings exit 1", () => {
    const d = mk({ "src/a.ts": EMPTY_CATCH });
    const r = run(d, "audit", "src");
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^src\/a\.ts:4:15  warning  .+  swallowed-exception\/\w+\n\n✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file\n$/);
    assert.equal(run(d, "audit", "src", "--max-warnings", "0").code, 1);
    assert.equal(run(d, "audit", "src", "--max-warnings", "1").code, 0);
  });

  it("exit 1 for error-level findings (severity from the config file)", () => {
    const d = mk({ "src/a.ts": EMPTY_CATCH, ".hardeninghints.json": '{ "rules": { "swallowed-exception": "error" } }' });
    const r = run(d, "audit");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /error/);
    assert.equal(run(d, "audit", "--quiet").code, 1);
  });

  it("overrides in .hardeninghints.json: a case turned off for a folder is not reported there, and still is elsewhere", () => {
    const config = { rules: { "swallowed-exception": "error" }, overrides: [{ files: ["src/legacy/**"], rules: { "swallowed-exception/emptyCatch": "off" } }] };
    const d = mk({ "src/legacy/old.ts": EMPTY_CATCH, "src/a.ts": EMPTY_CATCH, ".hardeninghints.json": JSON.stringify(config) });
    const r = run(d, "audit", "--format", "json");
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { summary: { files: number }; findings: { file: string; code: string; severity: string }[] };
    assert.equal(out.summary.files, 2);
    assert.deepEqual(out.findings.map((f) => [f.file, f.code, f.severity]), [["src/a.ts", "swallowed-exception/emptyCatch", "error"]]);
  });

  it("exit 2 with one precise message for a malformed config, a bad option, a missing path", () => {
    const bad = run(mk({ "a.ts": "x;\n", ".hardeninghints.json": '{ "rules": { "swallowed-exception": "loud" } }' }), "audit");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.hardeninghints\.json:1:\d+: rules\.swallowed-exception: expected one of "off", "info", "warning", "error"/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
    const opt = run(REPO, "audit", "--formt", "json");
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /unknown option --formt/);
    assert.equal(run(REPO, "audit", "--format", "xml").code, 2);
    const missing = run(mk({}), "audit", "nope");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope: no such file or folder/);
    const cfgDir = mk({ "a.ts": "x;\n", "conf/.keep": "" });
    const asDir = run(cfgDir, "audit", "--config", "conf");
    assert.equal(asDir.code, 2);
    assert.match(asDir.stderr, /is a directory, expected a JSON file/);
  });

  it("json format carries findings with positions, fixes and a summary", () => {
    const r = run(mk({ "a.ts": UNUSED }), "audit", "--format", "json");
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.summary, { files: 1, analyzed: 1, errors: 0, warnings: 1, info: 0, suppressed: 0, cancelled: false });
    assert.deepEqual(
      out.findings.map((f: { file: string; line: number; column: number; code: string; fixes: { title: string; edits: unknown[] }[] }) => [f.file, f.line, f.column, f.code, f.fixes.map((x) => x.title)]),
      [["a.ts", 1, 1, "ignore-directive/unusedDirective", ["Remove the unused directive"]]],
    );
  });

  it("SARIF 2.1.0: driver version and rules, ruleIndex, relative uri with uriBaseId, 1-based regions, fixes, empty results present", () => {
    const r = run(mk({ "src/a.ts": UNUSED }), "audit", "--format", "sarif");
    const sarif = JSON.parse(r.stdout);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
    const run0 = sarif.runs[0];
    assert.equal(sarif.version, "2.1.0");
    assert.equal(run0.tool.driver.version, pkg.version);
    const res = run0.results[0];
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.deepEqual(res.locations[0].physicalLocation, { artifactLocation: { uri: "src/a.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 69 } });
    assert.deepEqual(res.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { charOffset: 0, charLength: 69, startLine: 1, startColumn: 1, endLine: 2, endColumn: 1 }, insertedContent: { text: "" } });
    for (const rule of run0.tool.driver.rules) assert.ok(rule.id && rule.shortDescription.text && rule.helpUri && rule.defaultConfiguration.level, rule.id);
    const empty = JSON.parse(run(mk({ "ok.ts": "export {};\n" }), "audit", "--format", "sarif").stdout);
    assert.deepEqual(empty.runs[0].results, []);
    assert.equal(empty.runs[0].invocations[0].executionSuccessful, true);
  });

  it("SARIF emits suppressed findings with suppressions, and config errors as notifications", () => {
    const d = mk({ "a.ts": "// hardening-hints-ignore-next-line swallowed-exception -- optional cache\ntry { f(); } catch {}\n" });
    const res = JSON.parse(run(d, "audit", "--format", "sarif").stdout).runs[0].results;
    assert.deepEqual(res.map((x: { ruleId: string; suppressions?: unknown }) => [x.ruleId.split("/")[0], x.suppressions]), [["swallowed-exception", [{ kind: "inSource", justification: "optional cache" }]]]);
  });

  it("--output writes the report to a file", () => {
    const d = mk({ "a.ts": UNUSED });
    assert.equal(run(d, "audit", "--format", "sarif", "--output", "out/report.sarif").code, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(d, "out/report.sarif"), "utf8")).version, "2.1.0");
  });

  it("--fix-dry-run prints a unified diff and writes nothing; --fix applies safe fixes and reports them", () => {
    const d = mk({ "a.ts": UNUSED });
    const dry = run(d, "audit", "--fix-dry-run");
    assert.match(dry.stdout, /^--- a\/a\.ts\n\+\+\+ b\/a\.ts\n@@ -1,2 \+1 @@\n-\/\/ hardening-hints-ignore-next-line hardcoded-secret -- not a secret\n export const x = 1;\n[^ ]/);
    assert.equal(fs.readFileSync(path.join(d, "a.ts"), "utf8"), UNUSED);
    const fix = run(d, "audit", "--fix");
    assert.equal(fix.code, 0);
    assert.match(fix.stderr, /fixed 1 in a\.ts: ignore-directive\/unusedDirective/);
    assert.equal(fs.readFileSync(path.join(d, "a.ts"), "utf8"), "export const x = 1;\n");
    assert.match(fix.stdout, /no problems/);
  });

  it("--baseline with --update-baseline: old findings are silenced even after lines shift; new ones are reported", () => {
    const d = mk({ "src/a.ts": EMPTY_CATCH, ".hardeninghints.json": '{ "rules": { "swallowed-exception": "error" } }' });
    assert.equal(run(d, "audit", "--baseline", "hh-baseline.json", "--update-baseline").code, 0);
    const baseline = fs.readFileSync(path.join(d, "hh-baseline.json"), "utf8");
    assert.doesNotMatch(baseline, /read|catch/, "the baseline holds no source text");
    fs.writeFileSync(path.join(d, "src/a.ts"), "// moved down\n\n" + EMPTY_CATCH);
    assert.equal(run(d, "audit", "--baseline", "hh-baseline.json").code, 0);
    fs.appendFileSync(path.join(d, "src/a.ts"), "export function other() { try { g(); } catch {} }\n");
    const r = run(d, "audit", "--baseline", "hh-baseline.json");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^src\/a\.ts:8:46  error/);
    assert.match(run(d, "audit", "--baseline", "broken.json", "--format", "json").stdout + "", /"findings"/); // a missing baseline is empty
    fs.writeFileSync(path.join(d, "broken.json"), "{");
    assert.equal(run(d, "audit", "--baseline", "broken.json").code, 2);
  });

  it("a baseline made in one working directory still matches from another (fingerprints are repository-relative)", () => {
    const d = mk({ ".git/HEAD": "ref: refs/heads/main\n", "src/a.ts": EMPTY_CATCH });
    assert.equal(run(d, "audit", "src", "--baseline", "b.json", "--update-baseline").code, 0);
    const fromSub = run(path.join(d, "src"), "audit", ".", "--baseline", "../b.json", "--format", "json");
    assert.equal(fromSub.code, 0, fromSub.stderr);
    const findings = (JSON.parse(fromSub.stdout) as { findings: { suppression?: unknown }[] }).findings;
    assert.equal(findings.length, 1);
    assert.ok(findings[0]!.suppression, "the finding is silenced by the baseline made from the repository root");
  });

  it("respects .gitignore and the default ignores; --no-ignore turns them off", () => {
    const d = mk({ ".git/HEAD": "ref: refs/heads/main\n", ".gitignore": "generated/\n", "generated/a.ts": EMPTY_CATCH, "node_modules/m/index.js": EMPTY_CATCH, "src/b.ts": "export {};\n" });
    assert.match(run(d, "audit").stdout, /no problems in 1 file/);
    assert.match(run(d, "audit", "--no-ignore").stdout, /2 problems .* in 3 files/);
  });

  it("reports skipped files (binary, minified) on stderr, never silently, and keeps going", () => {
    const d = mk({ "bin.js": Buffer.from([0x00, 0x01, 0x02, 0x03]), "big.js": `var a=${"[1,2,3],".repeat(3000)}0;`, "ok.ts": "export {};\n" });
    const r = run(d, "audit");
    assert.equal(r.code, 0);
    assert.match(r.stderr, /binary: .*bin\.js: skipped, binary content/);
    assert.match(r.stderr, /minified: .*big\.js: skipped, looks minified/);
    assert.match(r.stdout, /in 1 file, 2 skipped/);
  });

  it("worker threads give exactly the same report as one thread", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`src/f${String(i).padStart(2, "0")}.ts`] = i % 3 === 0 ? EMPTY_CATCH : UNUSED;
    const d = mk(files);
    const one = run(d, "audit", "--format", "sarif", "--jobs", "1");
    const many = run(d, "audit", "--format", "sarif", "--jobs", "2");
    assert.equal(many.stdout, one.stdout);
    assert.equal(JSON.parse(one.stdout).runs[0].results.length, 60);
  });

  it("worker threads read other modules' callers the same way: the same findings on a two-module project", () => {
    // A notice helper whose catch a comment explains is a finding when its caller in another module
    // claims the code went out (session 35's importers index); each worker builds its own index.
    const files: Record<string, string> = {
      "package.json": '{ "name": "stay", "dependencies": { "express": "^4.19.0" } }',
      "src/z/services/mailer.ts": 'export class Mailer {\n  static async sendOtp(to: string, otp: string) {\n    try {\n      await transport.sendMail({ to, text: otp });\n    } catch (error) {\n      // Fallback for dev: the code is in the logs\n      console.error("Failed to send the OTP", error);\n    }\n  }\n}\n',
      "src/a/auth.service.ts": 'import { Mailer } from "../z/services/mailer";\nexport async function resendOtp(email: string) {\n  await Mailer.sendOtp(email, "123456");\n  return { message: "OTP sent successfully" };\n}\n',
    };
    for (let i = 0; i < 40; i++) files[`src/m/f${String(i).padStart(2, "0")}.ts`] = UNUSED;
    const d = mk(files);
    const one = run(d, "audit", "--format", "json", "--jobs", "1");
    const many = run(d, "audit", "--format", "json", "--jobs", "2");
    assert.equal(many.stdout, one.stdout);
    const found = JSON.parse(one.stdout).findings.filter((f: { file: string }) => f.file === "src/z/services/mailer.ts");
    assert.deepEqual(found.map((f: { line: number; code: string }) => `${f.line} ${f.code}`), ["5 swallowed-exception/logAndContinue"]);
  });

  it("no progress bar when stderr is not a TTY; --version prints the package version", () => {
    const r = run(mk({ "a.ts": "export {};\n" }), "audit");
    assert.equal(r.stderr, "");
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
    assert.equal(run(REPO, "--version").stdout, `${pkg.version}\n`);
  });
});
