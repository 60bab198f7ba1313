import * as assert from "node:assert/strict";
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type { Linter as LinterType } from "eslint";
import { SAMPLE, SAMPLE_FIXED } from "../unit/eslint/sample";

// The npm package as a user gets it: `npm pack` (which runs prepack and prepare: bundles, types,
// notices), then the tarball installed OFFLINE into an empty project, with an empty npm cache
// and a registry that does not answer, so nothing can come from the network. Then the CLI
// through npx, the API, the ESLint plugin through ESLint and oxlint, and the types.
const REPO = path.resolve(__dirname, "../..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";
const OFFLINE = ["--offline", "--no-audit", "--no-fund", "--registry", "http://127.0.0.1:9/"];


// What the tarball may hold: the bundles, their types, the schema, docs and the manifest.
// No sources, tests, source maps, the extension or the .vsix.
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^dist\/(cli|engine|index|eslint)\.js$/, /^dist\/THIRD_PARTY_NOTICES\.txt$/, /^dist\/types\/[\w/.-]+\.d\.ts$/, /^schemas\/config\.schema\.json$/, /^docs\/(rules\/[\w-]+|eslint)\.md$/];
const REQUIRED = ["package.json", "dist/cli.js", "dist/engine.js", "dist/index.js", "dist/eslint.js", "dist/types/api/index.d.ts", "dist/types/eslint/index.d.ts", "dist/THIRD_PARTY_NOTICES.txt", "schemas/config.schema.json"];

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 240_000, env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: "false", ...env } });
  assert.equal(r.error, undefined, `${cmd} ${args.join(" ")}: ${String(r.error)}`);
  return r;
}

let tmp: string;
let cache: string;
let consumer: string;
let tarball: string;

describe("npm package: pack, offline install into an empty project, use", function () {
  this.timeout(300_000);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hh-pack-"));
    cache = path.join(tmp, "empty-npm-cache");
    consumer = path.join(tmp, "consumer");
    fs.mkdirSync(path.join(consumer, "src"), { recursive: true });
    fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    fs.writeFileSync(path.join(consumer, "src", "users.ts"), SAMPLE);

    const t0 = performance.now();
    const packed = run(NPM, ["pack", "--json", "--pack-destination", tmp], REPO);
    assert.equal(packed.status, 0, packed.stderr);
    // The lifecycle scripts print to stdout before npm's JSON.
    const info = (JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[])[0]!;
    tarball = path.join(tmp, info.filename);
    const t1 = performance.now();
    const installed = run(NPM, ["install", ...OFFLINE, tarball], consumer);
    assert.equal(installed.status, 0, installed.stderr);
    // Figures for the notes (never asserted: timing belongs to the benchmark).
    console.log(`      tarball ${(info.size / 1e6).toFixed(2)} MB (${(info.unpackedSize / 1e6).toFixed(1)} MB unpacked, ${info.files.length} files); pack ${Math.round(t1 - t0)} ms, offline install ${Math.round(performance.now() - t1)} ms`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("the tarball holds the bundles, types, schema and docs, and nothing else", () => {
    const list = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
    assert.deepEqual(list.filter((f) => !ALLOWED.some((re) => re.test(f))), []);
    assert.deepEqual(REQUIRED.filter((f) => !list.includes(f)), []);
  });

  it("carries the licenses of what the bundles include, TypeScript's among them", () => {
    const notices = fs.readFileSync(path.join(consumer, "node_modules", "hardening-hints", "dist", "THIRD_PARTY_NOTICES.txt"), "utf8");
    assert.match(notices, /^typescript, as bundled by @ts-morph\/common \(Apache-2\.0\)$/m);
    assert.match(notices, /^minimatch@[\d.]+ \(BlueOak-1\.0\.0\)$/m);
  });

  it("installs with no other package: the empty project has hardening-hints alone", () => {
    assert.deepEqual(fs.readdirSync(path.join(consumer, "node_modules")).filter((n) => !n.startsWith(".")), ["hardening-hints"]);
  });

  it("`npx hardening-hints audit .` prints the findings and exits 1 (an error-level finding)", () => {
    const r = run(NPX, ["--no-install", "hardening-hints", "audit", "."], consumer);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.split("\n").filter((l) => l.startsWith("src/")), [
      "src/users.ts:4:25  warning  req.body goes into a database call without validation: whatever the sender puts in it is written or queried as sent, wrong types and extra fields included. Validate it with a schema before using it.  unvalidated-boundary/expressBody",
      "src/users.ts:7:24  warning  The catch drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it.  swallowed-exception/emptyCatch",
      "src/users.ts:8:50  error    A 44-character HubSpot private app token is written in the code: anyone who can read the code can use it. Read it from an environment variable.  hardcoded-secret/providerKey",
    ]);
  });

  it("`--format sarif` writes SARIF 2.1.0 with the package's version and the three results", () => {
    const r = run(NPX, ["--no-install", "hardening-hints", "audit", ".", "--format", "sarif"], consumer);
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, "2.1.0");
    assert.equal(sarif.runs[0].tool.driver.version, require(path.join(REPO, "package.json")).version); // eslint-disable-line @typescript-eslint/no-require-imports
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ["unvalidated-boundary/expressBody", "src/users.ts", 4],
        ["swallowed-exception/emptyCatch", "src/users.ts", 7],
        ["hardcoded-secret/providerKey", "src/users.ts", 8],
      ],
    );
  });

  it("exports the API and the config schema", () => {
    const req = createRequire(path.join(consumer, "package.json"));
    const api = req("hardening-hints");
    const text = fs.readFileSync(path.join(consumer, "src", "users.ts"), "utf8");
    const result = api.analyze({ path: path.join(consumer, "src", "users.ts"), text, config: api.defaultConfig(consumer), project: new api.FsProjectHost() });
    assert.deepEqual(result.findings.map((f: { code: string }) => f.code), ["unvalidated-boundary/expressBody", "swallowed-exception/emptyCatch", "hardcoded-secret/providerKey"]);
    assert.equal(api.fixAll({ path: path.join(consumer, "src", "users.ts"), text, config: api.defaultConfig(consumer), project: new api.FsProjectHost() }, () => undefined).output, SAMPLE_FIXED);
    assert.deepEqual(req("hardening-hints/schema.json"), api.configSchema());
    assert.equal(api.__internal, undefined, "the engine's internal module table is not part of the API");
  });

  it("ES modules import the API by name and the plugin as the default export", () => {
    const script = 'import { analyze, toSarif } from "hardening-hints"; import plugin from "hardening-hints/eslint"; console.log(typeof analyze, typeof toSarif, Object.keys(plugin.configs).join());';
    const r = run(process.execPath, ["--input-type=module", "-e", script], consumer);
    assert.equal(r.stdout.trim(), "function function recommended", r.stderr);
  });

  it("`hardening-hints/eslint` runs under ESLint (this repository's ESLint 10) with the same findings", () => {
    const plugin = createRequire(path.join(consumer, "package.json"))("hardening-hints/eslint");
    const { Linter } = require("eslint") as typeof import("eslint"); // eslint-disable-line @typescript-eslint/no-require-imports
    const config: LinterType.Config[] = [{ files: ["**/*.ts"] }, plugin.configs.recommended];
    const messages = new Linter({ cwd: consumer }).verify(SAMPLE, config, { filename: path.join(consumer, "src", "users.ts") });
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.messageId, m.line]),
      [
        ["hardening-hints/unvalidated-boundary", "expressBody", 4],
        ["hardening-hints/swallowed-exception", "emptyCatch", 7],
        ["hardening-hints/hardcoded-secret", "providerKey", 8],
      ],
    );
  });

  it("`hardening-hints/eslint` runs as an oxlint JS plugin by its package name", () => {
    fs.writeFileSync(path.join(consumer, ".oxlintrc.json"), JSON.stringify({ jsPlugins: ["hardening-hints/eslint"], categories: { correctness: "off" }, rules: { "hardening-hints/swallowed-exception": "warn" } }));
    const r = run(process.execPath, [path.join(REPO, "node_modules", "oxlint", "bin", "oxlint"), "-c", ".oxlintrc.json", "-f", "json", "src/users.ts"], consumer);
    assert.ok(r.stdout.startsWith("{"), r.stdout + r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).diagnostics.map((d: { code: string; labels: { span: { line: number } }[] }) => [d.code, d.labels[0]!.span.line]),
      [["hardening-hints(swallowed-exception)", 7]],
    );
  });

  it("its types check in a strict TypeScript project (node16 and node10 resolution)", () => {
    // A project that type-checks against us has TypeScript (and, for the plugin, ESLint): link this repository's.
    for (const dep of ["typescript", "eslint", "@types/node"]) {
      fs.mkdirSync(path.dirname(path.join(consumer, "node_modules", dep)), { recursive: true });
      fs.symlinkSync(path.join(REPO, "node_modules", dep), path.join(consumer, "node_modules", dep), "junction");
    }
    fs.writeFileSync(
      path.join(consumer, "check.ts"),
      `import { analyze, defaultConfig, fixAll, MemoryProjectHost, type Finding } from "hardening-hints";
import plugin = require("hardening-hints/eslint");
const config = defaultConfig("/p");
const findings: Finding[] = analyze({ path: "/p/a.ts", text: "try { f(); } catch (e) {}", config, project: new MemoryProjectHost() }).findings;
const output: string = fixAll({ path: "/p/a.ts", text: "", config, project: new MemoryProjectHost() }, () => undefined).output;
const recommended: string | undefined = plugin.configs.recommended.name;
export { findings, output, recommended };
`,
    );
    const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
    // Declarations checked in full once (skipLibCheck false: an import the package does not ship fails); node10 only resolves differently.
    for (const resolution of [["--module", "node16", "--moduleResolution", "node16", "--skipLibCheck", "false"], ["--module", "commonjs", "--moduleResolution", "node10", "--ignoreDeprecations", "6.0", "--skipLibCheck", "true"]]) {
      const r = run(process.execPath, [tsc, "--noEmit", "--strict", "--types", "node", "--target", "es2022", ...resolution, "check.ts"], consumer);
      assert.equal(r.status, 0, `${resolution.join(" ")}\n${r.stdout}${r.stderr}`);
    }
  });
});
