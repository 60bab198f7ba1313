import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { SAMPLE, SAMPLE_FIXED, SAMPLE_PACKAGE_JSON } from "./sample";

// The same plugin module as an oxlint JS plugin (`jsPlugins` in .oxlintrc.json), run by the
// pinned oxlint devDependency on a fixture project. oxlint loads JavaScript, so the plugin is
// bundled from src/ here as the build bundles dist/eslint.js (with the engine inside).
const REPO = path.resolve(__dirname, "../../..");
const OXLINT = path.join(REPO, "node_modules", "oxlint", "bin", "oxlint");


interface OxDiagnostic {
  message: string;
  code: string;
  severity: string;
  filename: string;
  labels: { span: { line: number; column: number; length: number } }[];
}

let dir: string;

function oxlint(...args: string[]): { diagnostics: OxDiagnostic[]; status: number | null } {
  const run = spawnSync(process.execPath, [OXLINT, "-c", ".oxlintrc.json", ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  assert.equal(run.error, undefined);
  if (args.includes("json") && !run.stdout.startsWith("{")) assert.fail(`oxlint: ${run.stdout}${run.stderr}`);
  const json = args.includes("json") ? (JSON.parse(run.stdout) as { diagnostics: OxDiagnostic[] }) : { diagnostics: [] };
  return { diagnostics: json.diagnostics, status: run.status };
}

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(dir, name), text);
}

describe("oxlint JS plugin (oxlint 1.95)", function () {
  this.timeout(60_000);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-oxlint-"));
    const pluginFile = path.join(dir, "plugin", "hardening-hints-eslint.js");
    await esbuild.build({ absWorkingDir: REPO, entryPoints: ["src/eslint/index.ts"], outfile: pluginFile, bundle: true, platform: "node", format: "cjs", target: "node20", mainFields: ["module", "main"], alias: { "ts-morph": "./scripts/build/ts-only.cjs" }, logLevel: "warning" });
    write("package.json", SAMPLE_PACKAGE_JSON);
    write(
      ".oxlintrc.json",
      JSON.stringify({
        jsPlugins: [pluginFile],
        categories: { correctness: "off" },
        rules: { "hardening-hints/swallowed-exception": "warn", "hardening-hints/hardcoded-secret": "error", "hardening-hints/unvalidated-boundary": "warn" },
      }),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // One oxlint run for the findings and the disable comments (each run loads the plugin: seconds).
  const DISABLES = [
    ["eslint-disable-next-line", "// eslint-disable-next-line hardening-hints/swallowed-exception -- test"],
    ["oxlint-disable-next-line", "// oxlint-disable-next-line hardening-hints/swallowed-exception -- test"],
    ["our hardening-hints-ignore-next-line", "// hardening-hints-ignore-next-line swallowed-exception -- test"],
  ];
  let lint: { diagnostics: OxDiagnostic[]; status: number | null };
  before(() => {
    write("users.ts", SAMPLE);
    DISABLES.forEach(([, comment], i) => write(`disabled${i}.ts`, SAMPLE.replace("try {", `${comment}\ntry {`)));
    lint = oxlint("-f", "json", "users.ts", ...DISABLES.map((_, i) => `disabled${i}.ts`));
  });
  const diagnosticsOf = (file: string) => lint.diagnostics.filter((d) => d.filename === file);

  it("reports each family's findings with the engine's messages and spans", () => {
    assert.equal(lint.status, 1);
    const rows = diagnosticsOf("users.ts").map((d) => [d.code, d.severity, d.labels[0]!.span.line, d.labels[0]!.span.column, d.labels[0]!.span.length, d.message]).sort((a, b) => Number(a[2]) - Number(b[2]));
    assert.deepEqual(rows, [
      ["hardening-hints(unvalidated-boundary)", "warning", 4, 25, 8, "req.body goes into a database call without validation: whatever the sender puts in it is written or queried as sent, wrong types and extra fields included. Validate it with a schema before using it."],
      ["hardening-hints(swallowed-exception)", "warning", 7, 24, 2, "The catch drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it."],
      ["hardening-hints(hardcoded-secret)", "error", 8, 50, 46, "A 44-character HubSpot private app token is written in the code: anyone who can read the code can use it. Read it from an environment variable."],
    ]);
  });

  DISABLES.forEach(([name], i) => {
    it(`honors ${name}`, () => {
      assert.deepEqual(diagnosticsOf(`disabled${i}.ts`).map((d) => d.code).sort(), ["hardening-hints(hardcoded-secret)", "hardening-hints(unvalidated-boundary)"]);
    });
  });

  it("--fix applies the safe fix only", () => {
    write("fix.ts", SAMPLE);
    oxlint("--fix", "fix.ts");
    assert.equal(fs.readFileSync(path.join(dir, "fix.ts"), "utf8"), SAMPLE_FIXED);
  });
});
