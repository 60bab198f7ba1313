import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { allRules } from "../../../src/engine/analyze";
import { findConfigFile, isIgnored, loadConfigFile, parseConfigText } from "../../../src/engine/config/load";
import { ConfigResolver } from "../../../src/engine/files";

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
    assert.match(errorOf('{ "ignore": "dist" }'), /^\/p\/\.hardeninghints\.json:1:3: ignore: expected an array of a string, got string "dist"$/);
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
      ["/p/legacy/x.ts", "/p/src/x.gen.ts", "/p/src/x.ts", "/p/node_modules/m/i.js", "/p/web/app.min.js", "/p/coverage/x.js"].map((f) => isIgnored(f, config)),
      [true, true, false, true, true, true],
    );
  });
});
