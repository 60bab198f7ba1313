import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { allRules, analyze } from "../../../src/engine/analyze";
import { FsProjectHost } from "../../../src/engine/project-host";
import { configForPath, findConfigFile, isIgnored, loadConfigFile, parseConfigText } from "../../../src/engine/config/load";
import { ConfigResolver } from "../../../src/engine/files";
import { Minimatch } from "minimatch";

const FILE = "/p/.hardeninghints.json";

function errorOf(text: string): string {
  const r = parseConfigText(text, FILE, allRules);
  assert.equal(r.problems.length, 1, "expected exactly one problem");
  assert.equal(r.problems[0]!.kind, "configError");
  return r.problems[0]!.message;
}

describe("engine: configuration", () => {
  it("reads JSON with comments and trailing commas, and normalizes severities and options", () => {
    const r = parseConfigText('{\n  // project rules\n  "ignore": ["legacy/**"],\n  "rules": { "hardcoded-secret": { "severity": "warning" }, "swallowed-exception": "off", },\n}', FILE, allRules);
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.rules["hardcoded-secret"]!.severity, "warning");
    assert.equal(r.config.rules["swallowed-exception"]!.severity, "off");
    assert.ok(r.config.ignore.includes("legacy/**") && r.config.ignore.includes("**/node_modules/**"));
    assert.ok(Object.isFrozen(r.config));
  });

  it("malformed JSON: file, line and column", () => {
    assert.equal(errorOf('{\n  "rules": {\n    "x": \n  }\n}'), "/p/.hardeninghints.json:4:3: invalid JSON (ValueExpected)");
  });

  it("wrong type: JSON path and what was expected", () => {
    assert.match(errorOf('{ "ignore": "dist" }'), /^\/p\/\.hardeninghints\.json:1:3: ignore: expected an array of strings, got string "dist"$/);
    assert.match(errorOf('{ "rules": { "swallowed-exception": "loud" } }'), /rules\.swallowed-exception: expected one of "off", "info", "warning", "error"/);
  });

  it("unknown rule or option names the property and the known ones", () => {
    assert.match(errorOf('{ "rules": { "no-such-rule": "error" } }'), /rules\.no-such-rule: unknown property "no-such-rule" \(see schemas\/config\.schema\.json for the known names\)$/);
    assert.match(errorOf('{ "rules": { "swallowed-exceptions": "error" } }'), /unknown property "swallowed-exceptions" \(did you mean "swallowed-exception"\?\)$/);
    assert.match(errorOf('{ "colour": 1 }'), /colour: unknown property "colour"/);
  });

  it("bad globs and empty files", () => {
    assert.match(errorOf('{ "ignore": ["!keep/**"] }'), /negated globs are not supported/);
    assert.match(errorOf(""), /the configuration is empty/);
  });

  it("a directory or a missing file where a file was expected", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cfg-"));
    try {
      const asDir = path.join(dir, ".hardeninghints.json");
      fs.mkdirSync(asDir);
      assert.match(loadConfigFile(asDir, allRules).problems[0]!.message, /is a directory, expected a JSON file/);
      assert.match(loadConfigFile(path.join(dir, "missing.json"), allRules).problems[0]!.message, /cannot read the configuration \(file not found\)/);
      // Unreadable: a symlink loop fails for root too (permission bits do not stop root).
      const loop = path.join(dir, "loop.json");
      fs.symlinkSync(loop, loop);
      assert.match(loadConfigFile(loop, allRules).problems[0]!.message, /cannot read the configuration/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds the config by walking up from the file's folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cfg-"));
    try {
      fs.mkdirSync(path.join(dir, "a/b/c"), { recursive: true });
      fs.writeFileSync(path.join(dir, "a/.hardeninghints.json"), "{}");
      assert.equal(findConfigFile(path.join(dir, "a/b/c")), path.join(dir, "a/.hardeninghints.json"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the resolver caches per folder without mixing up siblings, parents and folders with no config", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cfg-"));
    try {
      for (const d of ["a/b/c", "a/d", "e/f"]) fs.mkdirSync(path.join(dir, d), { recursive: true });
      fs.writeFileSync(path.join(dir, "a/.hardeninghints.json"), '{ "ignore": ["x/**"] }');
      fs.writeFileSync(path.join(dir, "a/b/.hardeninghints.json"), "{}");
      assert.equal(findConfigFile(dir), undefined, `a ${os.tmpdir()} with no .hardeninghints.json above it`);
      const r = new ConfigResolver(allRules, undefined, dir);
      const at = (f: string) => r.configFileFor(path.join(dir, f));
      // Deepest first, so that the cache is filled from below, then the folders above and beside.
      assert.deepEqual(
        ["a/b/c/x.ts", "a/b/x.ts", "a/d/x.ts", "a/x.ts", "e/f/x.ts", "e/x.ts", "a/b/c/y.ts"].map(at),
        [path.join(dir, "a/b/.hardeninghints.json"), path.join(dir, "a/b/.hardeninghints.json"), path.join(dir, "a/.hardeninghints.json"), path.join(dir, "a/.hardeninghints.json"), undefined, undefined, path.join(dir, "a/b/.hardeninghints.json")],
      );
      // Files without a config share one default object (its ignore globs compile once).
      assert.equal(r.forFile(path.join(dir, "e/f/x.ts")), r.forFile(path.join(dir, "e/x.ts")));
      assert.equal(r.forFile(path.join(dir, "e/x.ts")).root, dir);
      assert.equal(r.forFile(path.join(dir, "a/d/x.ts")).root, path.join(dir, "a"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ignore globs are relative to the config's folder; built-in ignores apply", () => {
    const { config } = parseConfigText('{ "ignore": ["legacy/**", "*.gen.ts"] }', FILE, allRules);
    assert.deepEqual(
      ["/p/legacy/x.ts", "/p/src/x.gen.ts", "/p/src/x.ts", "/p/node_modules/m/i.js", "/p/web/app.min.js", "/p/coverage/x.js", "/p/.pnp.cjs", "/p/web/.pnp.loader.mjs", "/p/.yarn/releases/yarn-4.1.0.cjs", "/p/src/pnp.ts", "/p/src/yarn/x.ts"].map((f) => isIgnored(f, config)),
      [true, true, false, true, true, true, true, true, true, false, false],
    );
  });
  it("an ignore glob answers as Minimatch does, the text its matches must hold tested first", () => {
    const globs = ["**/dist/**", "**/*.min.js", "legacy/**", "*.gen.ts", "src/**/gen/*.ts", "**/a/b/**", "x?.ts", "build/", "{lib,out}/**", "[ab]/*.ts", "!keep/**", "src/@types/**", "**/.next/**", "#dist", "!**/dist/**"];
    const paths = ["/p/dist", "/p/dist/a.js", "/p/src/dist/a.js", "/p/distx/a.js", "/p/a.min.js", "/p/x/a.min.jsx", "/p/legacy/x.ts", "/p/src/legacy/x.ts", "/p/src/x.gen.ts", "/p/src/a/gen/y.ts", "/p/src/gen/y.ts", "/p/a/b", "/p/a/b/c.ts", "/p/ab/c.ts", "/p/x1.ts", "/p/sub/x1.ts", "/p/build/y.ts", "/p/lib/y.ts", "/p/out/y.ts", "/p/a/y.ts", "/p/keep/y.ts", "/p/other/y.ts", "/p/src/@types/y.ts", "/p/.next/y.js", "/q/dist/a.js", "/q/a.min.js"];
    const config = parseConfigText("{}", FILE, allRules).config;
    for (const glob of globs) {
      const one = { ...config, ignore: [glob] };
      const m = new Minimatch(glob, { dot: true, matchBase: !glob.includes("/") });
      for (const f of paths) {
        const rel = path.posix.relative("/p", f);
        const want = rel.startsWith("../") ? m.pattern.startsWith("**/") && m.match(f) : m.match(rel);
        assert.equal(isIgnored(f, one), want, `${glob} on ${f}`);
      }
    }
  });
  describe("overrides", () => {
    const EC = "swallowed-exception/emptyCatch";
    /** The severity each path gets for `code` (case, then family, then the declared default), as analyze() reads it. */
    function severities(configText: string, code: string, files: readonly string[]): string[] {
      const r = parseConfigText(configText, FILE, allRules);
      assert.deepEqual(r.problems, []);
      const [family, caseId] = code.split("/") as [string, string];
      const rule = allRules.find((x) => x.id === family)!;
      return files.map((f) => {
        const rc = configForPath(r.config, f).rules[family]!;
        return rc.caseSeverity[caseId] ?? rc.severity ?? rule.cases[caseId]!.severity ?? rule.severity;
      });
    }

    it("apply to the files their globs match, relative to the config's folder, after the top-level rules", () => {
      const text = JSON.stringify({ rules: { [EC]: "error" }, overrides: [{ files: ["src/legacy/**"], rules: { [EC]: "off" } }] });
      assert.deepEqual(severities(text, EC, ["/p/src/legacy/a.ts", "/p/src/legacy/deep/b.ts", "/p/src/a.ts", "/p/legacy/a.ts", "/q/src/legacy/a.ts"]), ["off", "off", "error", "error", "error"]);
    });

    it("later entries win; a glob without a slash matches file names at any depth", () => {
      const text = JSON.stringify({
        overrides: [
          { files: ["src/**"], rules: { [EC]: "off" } },
          { files: ["*.test.ts"], rules: { [EC]: "info" } },
          { files: ["src/keep/**"], rules: { [EC]: "error" } },
        ],
      });
      assert.deepEqual(severities(text, EC, ["/p/src/a.ts", "/p/src/a.test.ts", "/p/src/keep/a.test.ts", "/p/lib/a.test.ts", "/p/lib/a.ts"]), ["off", "info", "error", "info", "warning"]);
    });

    it("within one entry a case beats its family; an entry's family severity replaces the cases set before it", () => {
      const text = JSON.stringify({
        rules: { [EC]: "error", "swallowed-exception/logAndContinue": "error" },
        overrides: [
          { files: ["test/**"], rules: { "swallowed-exception": "off" } },
          { files: ["test/e2e/**"], rules: { "swallowed-exception": "off", [EC]: "warning" } },
        ],
      });
      assert.deepEqual(severities(text, EC, ["/p/src/a.ts", "/p/test/a.ts", "/p/test/e2e/a.ts"]), ["error", "off", "warning"]);
      assert.deepEqual(severities(text, "swallowed-exception/logAndContinue", ["/p/src/a.ts", "/p/test/a.ts", "/p/test/e2e/a.ts"]), ["error", "off", "off"]);
    });

    it("rule options merge key by key; a family object without severity keeps the severity", () => {
      const { config } = parseConfigText(JSON.stringify({ rules: { "hardcoded-secret": { severity: "error", allow: ["a"] } }, overrides: [{ files: ["fixtures/**"], rules: { "hardcoded-secret": { allow: ["b"] } } }] }), FILE, allRules);
      assert.deepEqual(configForPath(config, "/p/fixtures/x.ts").rules["hardcoded-secret"], { severity: "error", caseSeverity: {}, options: { allow: ["b"] } });
      assert.deepEqual(configForPath(config, "/p/src/x.ts").rules["hardcoded-secret"], { severity: "error", caseSeverity: {}, options: { allow: ["a"] } });
    });

    it("one frozen object per set of matching entries, the config itself when none matches; applying twice changes nothing", () => {
      const { config } = parseConfigText(JSON.stringify({ overrides: [{ files: ["a/**"], rules: { [EC]: "off" } }] }), FILE, allRules);
      const a = configForPath(config, "/p/a/x.ts");
      assert.equal(configForPath(config, "/p/a/y/z.ts"), a);
      assert.equal(configForPath(config, "/p/b/x.ts"), config);
      assert.equal(configForPath(a, "/p/a/x.ts"), a);
      assert.ok(Object.isFrozen(a) && Object.isFrozen(a.rules));
      assert.deepEqual(a.overrides, []);
      assert.equal(a.root, "/p");
    });

    it("analyze() and the resolver honour them: the finding goes in the matched folder only", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-ovr-"));
      try {
        fs.writeFileSync(path.join(dir, ".hardeninghints.json"), JSON.stringify({ overrides: [{ files: ["legacy/**"], rules: { [EC]: "off" } }] }));
        const code = "try { f(); } catch (e) {}\n";
        const resolver = new ConfigResolver(allRules, undefined, dir);
        const host = new FsProjectHost();
        const codes = (f: string, config = resolver.forFile(f)) => analyze({ path: f, text: code, config, project: host, fixes: false }).findings.map((x) => x.code);
        assert.deepEqual(codes(path.join(dir, "legacy/a.ts")), []);
        assert.deepEqual(codes(path.join(dir, "src/a.ts")), [EC]);
        // A config as loaded, before any path is known (the editor's cache): analyze() applies the overrides itself.
        const loaded = loadConfigFile(path.join(dir, ".hardeninghints.json"), allRules).config;
        assert.deepEqual(codes(path.join(dir, "legacy/a.ts"), loaded), []);
        assert.deepEqual(codes(path.join(dir, "src/a.ts"), loaded), [EC]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("a family turned off in one folder stays on elsewhere, whichever file of one loaded config comes first (the enabled rules are kept per configuration)", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-ovr-"));
      try {
        fs.writeFileSync(path.join(dir, ".hardeninghints.json"), JSON.stringify({ overrides: [{ files: ["legacy/**"], rules: { "swallowed-exception": "off" } }] }));
        const code = "try { f(); } catch (e) {}\n";
        const host = new FsProjectHost();
        const loaded = loadConfigFile(path.join(dir, ".hardeninghints.json"), allRules).config;
        const codes = (f: string) => analyze({ path: path.join(dir, f), text: code, config: loaded, project: host, fixes: false }).findings.map((x) => x.code);
        assert.deepEqual([codes("legacy/a.ts"), codes("src/a.ts"), codes("legacy/b.ts"), codes("src/b.ts")], [[], [EC], [], [EC]]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("malformed entries: one message with the JSON path and what was expected", () => {
      const rows: [string, string][] = [
        ['{ "overrides": {} }', "/p/.hardeninghints.json:1:3: overrides: expected an array of objects, got object {}"],
        ['{ "overrides": [{ "rules": {} }] }', '/p/.hardeninghints.json:1:17: overrides[0]: missing property "files"'],
        ['{ "overrides": [{ "files": "src/**", "rules": {} }] }', '/p/.hardeninghints.json:1:19: overrides[0].files: expected an array of strings, got string "src/**"'],
        ['{ "overrides": [{ "files": [3] }] }', "/p/.hardeninghints.json:1:29: overrides[0].files[0]: expected a string, got integer 3"],
        ['{ "overrides": [{ "files": [] }] }', "/p/.hardeninghints.json:1:19: overrides[0].files: expected at least one item, got an empty array"],
        ['{ "overrides": [{ "files": ["a/**"], "rules": { "swallowed-exception/emptyCatchh": "off" } }] }', '/p/.hardeninghints.json:1:49: overrides[0].rules.swallowed-exception/emptyCatchh: unknown property "swallowed-exception/emptyCatchh" (did you mean "swallowed-exception/emptyCatch"?)'],
        ['{ "overrides": [{ "files": ["a/**"], "rules": { "swallowed-exception": "disabled" } }] }', '/p/.hardeninghints.json:1:49: overrides[0].rules.swallowed-exception: expected one of "off", "info", "warning", "error" or an object, got string "disabled"'],
        ['{ "overrides": [{ "files": ["a/**"], "rule": {} }] }', '/p/.hardeninghints.json:1:38: overrides[0].rule: unknown property "rule" (expected one of files, rules)'],
        ['{ "overrides": [{ "files": ["a/**"] }, { "files": ["!b/**"] }] }', "/p/.hardeninghints.json: overrides[1].files: negated globs are not supported (!b/**); list the paths you mean instead"],
        ['{ "overrides": [{ "files": [" "] }] }', "/p/.hardeninghints.json: overrides[0].files: an empty glob matches nothing"],
      ];
      assert.deepEqual(rows.map(([text]) => errorOf(text)), rows.map(([, message]) => message));
    });
  });
});
