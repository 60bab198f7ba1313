import * as assert from "node:assert/strict";
import { applyEdits } from "jsonc-parser";
import * as path from "node:path";
import { allRules } from "../../../src/engine/analyze";
import { configForPath, parseConfigText } from "../../../src/engine/config/load";
import { CONFIG_SCHEMA_REF, folderGlobOf, ignoreEdit, overrideOffEdit, severityEdit } from "../../../src/extension/config-edit";

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

describe("extension/config-edit: folder turn-off (overrides)", () => {
  const EC = "swallowed-exception/emptyCatch";
  const LEGACY = "src/legacy/**";
  /** The edited text, checked with the engine's loader: valid, and the code off in the folder (only). */
  function applyOff(text: string | undefined, glob = LEGACY, code = EC, eol = "\n"): string {
    const out = applyEdits(text ?? "", overrideOffEdit(text, glob, code, eol).edits);
    const loaded = parseConfigText(out, "/p/.hardeninghints.json", allRules);
    assert.deepEqual(loaded.problems, []);
    const [family, caseId] = code.split("/") as [string, string];
    const severity = (f: string) => {
      const rc = configForPath(loaded.config, f).rules[family]!;
      return rc.caseSeverity[caseId] ?? rc.severity;
    };
    assert.equal(severity(`/p/${glob.replace("/**", "")}/deep/x.ts`), "off");
    assert.notEqual(severity("/p/elsewhere/x.ts"), "off");
    return out;
  }

  it("the folder's glob is relative to the config, escaped; none at the config's own folder or outside it", () => {
    assert.deepEqual(
      [
        folderGlobOf("/p/.hardeninghints.json", "/p/src/legacy/a.ts"),
        folderGlobOf("/p/.hardeninghints.json", "/p/app/(auth)/[id]/page.tsx"),
        folderGlobOf("/p/.hardeninghints.json", "/p/#drafts/a+b/x.ts"),
        folderGlobOf("/p/.hardeninghints.json", "/p/a.ts"),
        folderGlobOf("/p/sub/.hardeninghints.json", "/p/a.ts"),
        folderGlobOf("/p/sub/.hardeninghints.json", "/p/sub..x/a.ts"),
        folderGlobOf("C:\\p\\.hardeninghints.json", "C:\\p\\src\\old\\a.ts", path.win32),
      ],
      ["src/legacy/**", "app/\\(auth\\)/\\[id\\]/**", "\\#drafts/a\\+b/**", undefined, undefined, undefined, "src/old/**"],
    );
  });

  it("creates the file with $schema and one override when it is missing", () => {
    assert.equal(overrideOffEdit(undefined, LEGACY, EC, "\n").create, true);
    assert.equal(
      applyOff(undefined),
      `{\n  "$schema": "${CONFIG_SCHEMA_REF}",\n  "overrides": [\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "swallowed-exception/emptyCatch": "off"\n      }\n    }\n  ]\n}\n`,
    );
  });

  it("adds overrides after the other properties, keeping $schema, comments, the indentation and CRLF", () => {
    const text = '{\r\n    "$schema": "./schema.json",\r\n    // ours\r\n    "rules": { "swallowed-exception": "error" } // keep\r\n}\r\n';
    assert.equal(
      applyOff(text, LEGACY, EC, "\r\n"),
      '{\r\n    "$schema": "./schema.json",\r\n    // ours\r\n    "rules": { "swallowed-exception": "error" }, // keep\r\n    "overrides": [\r\n        {\r\n            "files": ["src/legacy/**"],\r\n            "rules": {\r\n                "swallowed-exception/emptyCatch": "off"\r\n            }\r\n        }\r\n    ]\r\n}\r\n',
    );
  });

  it("a one-line file stays on one line", () => {
    assert.equal(applyOff('{ "ignore": ["gen/**"] }'), '{ "ignore": ["gen/**"], "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } }] }');
  });

  it("extends the entry for that folder: a new rule, or the code's severity replaced in place", () => {
    const text = '{\n  "overrides": [\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "hardcoded-secret": "off"\n      }\n    }\n  ]\n}\n';
    assert.equal(applyOff(text), '{\n  "overrides": [\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "hardcoded-secret": "off",\n        "swallowed-exception/emptyCatch": "off"\n      }\n    }\n  ]\n}\n');
    assert.equal(applyOff('{ "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "error" } }] }'), '{ "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } }] }');
  });

  it("gives the folder's entry a rules object when it has none", () => {
    assert.equal(applyOff('{ "overrides": [{ "files": ["src/legacy/**"] }] }'), '{ "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } }] }');
    assert.equal(
      applyOff('{\n  "overrides": [\n    {\n      "files": ["src/legacy/**"]\n    }\n  ]\n}\n'),
      '{\n  "overrides": [\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "swallowed-exception/emptyCatch": "off"\n      }\n    }\n  ]\n}\n',
    );
  });

  it("appends a new entry when no entry is for exactly that folder", () => {
    const text = '{\n  "overrides": [\n    { "files": ["src/legacy/**", "old/**"], "rules": { "hardcoded-secret": "off" } }\n  ]\n}\n';
    assert.equal(
      applyOff(text),
      '{\n  "overrides": [\n    { "files": ["src/legacy/**", "old/**"], "rules": { "hardcoded-secret": "off" } },\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "swallowed-exception/emptyCatch": "off"\n      }\n    }\n  ]\n}\n',
    );
    assert.equal(applyOff('{\n  "overrides": []\n}\n'), '{\n  "overrides": [\n    {\n      "files": ["src/legacy/**"],\n      "rules": {\n        "swallowed-exception/emptyCatch": "off"\n      }\n    }\n  ]\n}\n');
  });

  it("appends a new entry, which wins, when a later entry sets the code or its family", () => {
    const text = '{ "overrides": [{ "files": ["src/legacy/**"], "rules": {} }, { "files": ["src/**"], "rules": { "swallowed-exception": "error" } }] }';
    assert.equal(
      applyOff(text),
      '{ "overrides": [{ "files": ["src/legacy/**"], "rules": {} }, { "files": ["src/**"], "rules": { "swallowed-exception": "error" } }, { "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } }] }',
    );
    // A later entry about another family does not matter: the folder's own entry is extended.
    assert.equal(
      applyOff('{ "overrides": [{ "files": ["src/legacy/**"], "rules": {} }, { "files": ["src/**"], "rules": { "hardcoded-secret": "off" } }] }'),
      '{ "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } }, { "files": ["src/**"], "rules": { "hardcoded-secret": "off" } }] }',
    );
  });
});
