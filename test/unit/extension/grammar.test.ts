import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

// The injection grammar's regexes use only syntax that Oniguruma and JavaScript read alike,
// so they can be exercised here; the editor's rendering is checked in the browser check.
const root = path.resolve(__dirname, "../../..");
const grammar = JSON.parse(fs.readFileSync(path.join(root, "syntaxes/directive.injection.json"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

describe("syntaxes/directive.injection.json", () => {
  it("is contributed for TS/JS comments under its scope name", () => {
    const entry = pkg.contributes.grammars.find((g: { path: string }) => g.path === "./syntaxes/directive.injection.json");
    assert.ok(entry);
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.deepEqual(entry.injectTo, ["source.ts", "source.tsx", "source.js", "source.js.jsx"]);
    assert.match(grammar.injectionSelector, /comment\.line\.double-slash/);
    assert.match(grammar.injectionSelector, /comment\.block/);
  });

  it("marks the directive keyword, the codes and the reason", () => {
    const d = grammar.repository.directive;
    const begin = new RegExp(d.begin);
    const [reason, code] = d.patterns as { match: string }[];
    const line = " hardening-hints-ignore-next-line swallowed-exception/emptyCatch, hardcoded-secret -- retried by the caller";
    assert.equal(begin.exec(line)?.[1], "hardening-hints-ignore-next-line");
    for (const kind of ["hardening-hints-ignore", "hardening-hints-ignore-line", "hardening-hints-ignore-file"]) assert.equal(begin.exec(` ${kind} x`)?.[1], kind);
    assert.equal(begin.exec(" hardening-hints-ignored"), null, "a longer word is not a directive");
    const rest = line.slice(line.indexOf("swallowed"));
    assert.deepEqual(rest.slice(0, rest.indexOf("--")).match(new RegExp(code!.match, "g")), ["swallowed-exception/emptyCatch", "hardcoded-secret"]);
    assert.equal(new RegExp(reason!.match).exec(rest)?.[2], " retried by the caller");
  });
});
