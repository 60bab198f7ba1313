import * as assert from "node:assert/strict";
import { applyEdits } from "jsonc-parser";
import { CONFIG_SCHEMA_REF, ignoreEdit, severityEdit } from "../../../src/extension/config-edit";

function apply(text: string | undefined, code: string, severity: "off" | "info" | "warning" | "error", eol = "\n"): string {
  const { edits } = severityEdit(text, code, severity, eol);
  return applyEdits(text ?? "", edits);
}

describe("extension/config-edit: severityEdit", () => {
  it("creates the file with $schema when it is missing", () => {
    const e = severityEdit(undefined, "swallowed-exception/emptyCatch", "off", "\n");
    assert.equal(e.create, true);
    assert.equal(apply(undefined, "swallowed-exception/emptyCatch", "off"), `{\n  "$schema": "${CONFIG_SCHEMA_REF}",\n  "rules": {\n    "swallowed-exception/emptyCatch": "off"\n  }\n}\n`);
  });

  it("fills an empty existing file (not a creation) with CRLF kept", () => {
    const e = severityEdit("  \r\n", "hardcoded-secret", "error", "\r\n");
    assert.equal(e.create, false);
    assert.equal(apply("  \r\n", "hardcoded-secret", "error", "\r\n"), `{\r\n  "$schema": "${CONFIG_SCHEMA_REF}",\r\n  "rules": {\r\n    "hardcoded-secret": "error"\r\n  }\r\n}\r\n`);
  });

  it("adds a rules object to a file with comments, keeping them", () => {
    const text = '{\n  // ours\n  "ignore": ["gen/**"] /* keep */\n}\n';
    assert.equal(apply(text, "swallowed-exception/emptyCatch", "off"), '{\n  // ours\n  "ignore": ["gen/**"], /* keep */\n  "rules": {\n    "swallowed-exception/emptyCatch": "off"\n  }\n}\n');
  });

  it("replaces an existing case severity in place", () => {
    const text = '{ "rules": { "swallowed-exception/emptyCatch": "warning", "x": "info" } }';
    assert.equal(apply(text, "swallowed-exception/emptyCatch", "off"), '{ "rules": { "swallowed-exception/emptyCatch": "off", "x": "info" } }');
  });

  it("keeps a family's options: only its severity changes", () => {
    const text = '{\n\t"rules": {\n\t\t"hardcoded-secret": { "severity": "warning", "allow": ["dev"] }\n\t}\n}\n';
    assert.equal(apply(text, "hardcoded-secret", "off"), '{\n\t"rules": {\n\t\t"hardcoded-secret": { "severity": "off", "allow": ["dev"] }\n\t}\n}\n');
  });

  it("adds severity to a family object without one, and a case beside an object family", () => {
    const text = '{ "rules": { "hardcoded-secret": { "allow": ["dev"] } } }';
    assert.deepEqual(JSON.parse(apply(text, "hardcoded-secret", "info")), { rules: { "hardcoded-secret": { allow: ["dev"], severity: "info" } } });
    assert.deepEqual(JSON.parse(apply(text, "hardcoded-secret/privateKey", "off")), { rules: { "hardcoded-secret": { allow: ["dev"] }, "hardcoded-secret/privateKey": "off" } });
  });

  it("uses the file's indentation (four spaces)", () => {
    const text = '{\n    "ignore": []\n}';
    assert.equal(apply(text, "a/b", "info"), '{\n    "ignore": [],\n    "rules": {\n        "a/b": "info"\n    }\n}');
  });

  it("opens up an empty object and extends a one-line object on its line", () => {
    assert.equal(apply("{}\n", "a/b", "off"), '{\n  "rules": {\n    "a/b": "off"\n  }\n}\n');
    assert.equal(apply('{ "ignore": [] }', "a/b", "off"), '{ "ignore": [], "rules": { "a/b": "off" } }');
    assert.equal(apply('{ "rules": { "x": "info" } }', "a/b", "off"), '{ "rules": { "x": "info", "a/b": "off" } }');
  });
});

describe("extension/config-edit: ignoreEdit", () => {
  const add = (text: string | undefined, globs: string[], eol = "\n") => {
    const e = ignoreEdit(text, globs, eol);
    return e && applyEdits(text ?? "", e.edits);
  };

  it("creates the file with $schema when it is missing", () => {
    assert.equal(ignoreEdit(undefined, ["old/**"], "\n")?.create, true);
    assert.equal(add(undefined, ["old/**", "src/a 2.ts"]), `{\n  "$schema": "${CONFIG_SCHEMA_REF}",\n  "ignore": [\n    "old/**",\n    "src/a 2.ts"\n  ]\n}\n`);
  });

  it("appends to a one-line list on its line, skipping globs already listed", () => {
    assert.equal(add('{ "ignore": ["a/**"] }', ["a/**", "old/**"]), '{ "ignore": ["a/**", "old/**"] }');
  });

  it("appends to a multi-line list; a comment after the last item stays on its line", () => {
    const text = '{\n  // ours\n  "ignore": [\n    "a/**" // generated\n  ]\n}\n';
    assert.equal(add(text, ["old/**"]), '{\n  // ours\n  "ignore": [\n    "a/**", // generated\n    "old/**"\n  ]\n}\n');
  });

  it("adds an ignore list after the other properties, in the file's indentation and EOL", () => {
    assert.equal(add('{\r\n\t"rules": {}\r\n}\r\n', ["old/**"], "\r\n"), '{\r\n\t"rules": {},\r\n\t"ignore": [\r\n\t\t"old/**"\r\n\t]\r\n}\r\n');
    assert.equal(add("{}", ["old/**"]), '{\n  "ignore": [\n    "old/**"\n  ]\n}');
  });

  it("returns undefined when every glob is already listed", () => {
    assert.equal(ignoreEdit('{ "ignore": ["old/**"] }', ["old/**"], "\n"), undefined);
  });
});
