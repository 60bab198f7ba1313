import * as assert from "node:assert/strict";
import { allRules } from "../../../src/engine/analyze";
import { configForPath, parseConfigText } from "../../../src/engine/config/load";
import { effectiveSeverity, rowTexts, ruleRows, type CountedFinding, type RuleRow } from "../../../src/extension/rule-rows";
import { familyRules } from "../../../src/rules";

const FILE = "/p/.hardeninghints.json";

function configOf(json: unknown) {
  const loaded = parseConfigText(JSON.stringify(json), FILE, allRules);
  assert.deepEqual(loaded.problems, []);
  return loaded.config;
}

function rowOf(rows: RuleRow[], code: string): RuleRow {
  const row = rows.flatMap((r) => [r, ...(r.cases ?? [])]).find((r) => r.code === code);
  assert.ok(row, code);
  return row;
}

/** A row without its cases, for exact comparisons of a family row. */
function flat(row: RuleRow): Omit<RuleRow, "cases"> {
  const { cases: _cases, ...rest } = row;
  return rest;
}

const LEGACY = {
  rules: { "swallowed-exception/emptyCatch": "error" },
  overrides: [
    { files: ["src/legacy/**"], rules: { "swallowed-exception": "off" } },
    { files: ["test/**", "e2e/**"], rules: { "swallowed-exception/catchReturnsDefault": "warning", "swallowed-exception/emptyCatch": "info" } },
  ],
};

describe("extension/rule-rows: ruleRows", () => {
  it("without a config: every family and case at its declared severity, no folders, no counts", () => {
    const rows = ruleRows(familyRules, configOf({}), []);
    assert.deepEqual(rows.map((r) => r.code), ["hardcoded-secret", "swallowed-exception", "unbounded-call", "unvalidated-boundary"]);
    assert.deepEqual(flat(rowOf(rows, "swallowed-exception")), { code: "swallowed-exception", description: "Errors must not be caught and lost", count: 0, bySeverity: {}, severity: "warning", defaultSeverity: "warning", folders: [] });
    assert.deepEqual(rowOf(rows, "swallowed-exception/catchReturnsDefault"), {
      code: "swallowed-exception/catchReturnsDefault",
      description: "A catch-all that returns or assigns a default value",
      count: 0,
      bySeverity: {},
      severity: "info",
      defaultSeverity: "info",
      folders: [],
    });
    assert.ok(rows.flatMap((r) => [r, ...(r.cases ?? [])]).every((r) => r.folders.length === 0 && r.count === 0));
  });

  it("lists the override entries that set a case or its family, with the severity the case has there; the project severity comes from the top-level rules only", () => {
    const rows = ruleRows(familyRules, configOf(LEGACY), []);
    assert.deepEqual(rowOf(rows, "swallowed-exception/emptyCatch").severity, "error");
    assert.deepEqual(rowOf(rows, "swallowed-exception/emptyCatch").folders, [
      { files: ["src/legacy/**"], severity: "off" },
      { files: ["test/**", "e2e/**"], severity: "info" },
    ]);
    assert.deepEqual(rowOf(rows, "swallowed-exception/catchReturnsDefault").folders, [
      { files: ["src/legacy/**"], severity: "off" },
      { files: ["test/**", "e2e/**"], severity: "warning" },
    ]);
    // A case no entry names is still off where its family is.
    assert.deepEqual(rowOf(rows, "swallowed-exception/logAndContinue").folders, [{ files: ["src/legacy/**"], severity: "off" }]);
    assert.deepEqual(rowOf(rows, "swallowed-exception").folders, [
      { files: ["src/legacy/**"], severity: "off" },
      { files: ["test/**", "e2e/**"], cases: ["emptyCatch", "catchReturnsDefault"] },
    ]);
    assert.equal(rowOf(rows, "swallowed-exception").severity, "warning");
    assert.deepEqual(rowOf(rows, "hardcoded-secret").folders, []);
    assert.deepEqual(rowOf(rows, "hardcoded-secret/providerKey").folders, []);
  });

  it("the severity listed for a folder is the one the engine gives a file there", () => {
    const config = configOf(LEGACY);
    const rows = ruleRows(familyRules, config, []);
    const rule = familyRules.find((r) => r.id === "swallowed-exception")!;
    for (const [file, caseId] of [["/p/src/legacy/a.ts", "emptyCatch"], ["/p/test/a.ts", "emptyCatch"], ["/p/e2e/b.ts", "catchReturnsDefault"], ["/p/src/legacy/a.ts", "logAndContinue"]] as const) {
      const row = rowOf(rows, `swallowed-exception/${caseId}`);
      const listed = row.folders.find((f) => f.files.some((g) => file.startsWith(`/p/${g.slice(0, -2)}`)))!.severity;
      assert.equal(effectiveSeverity(configForPath(config, file).rules, rule, caseId), listed, `${caseId} in ${file}`);
    }
  });

  it("counts findings per case and per family by the severity they have in their own file", () => {
    const findings: CountedFinding[] = [
      { code: "swallowed-exception/emptyCatch", severity: "error" },
      { code: "swallowed-exception/emptyCatch", severity: "error" },
      { code: "swallowed-exception/emptyCatch", severity: "info" },
      { code: "swallowed-exception/catchReturnsDefault", severity: "warning" },
      { code: "hardcoded-secret/providerKey", severity: "error" },
    ];
    const rows = ruleRows(familyRules, configOf(LEGACY), findings);
    assert.deepEqual([rowOf(rows, "swallowed-exception/emptyCatch").count, rowOf(rows, "swallowed-exception/emptyCatch").bySeverity], [3, { error: 2, info: 1 }]);
    assert.deepEqual([rowOf(rows, "swallowed-exception").count, rowOf(rows, "swallowed-exception").bySeverity], [4, { error: 2, info: 1, warning: 1 }]);
    assert.deepEqual([rowOf(rows, "hardcoded-secret").count, rowOf(rows, "hardcoded-secret").bySeverity], [1, { error: 1 }]);
    assert.deepEqual([rowOf(rows, "unbounded-call").count, rowOf(rows, "unbounded-call").bySeverity], [0, {}]);
  });

  it("a family turned off at the top level is off, and so are its cases; a family whose cases are all off shows off", () => {
    const rows = ruleRows(familyRules, configOf({ rules: { "unbounded-call": "off", "swallowed-exception/emptyCatch": "warning" } }), []);
    assert.equal(rowOf(rows, "unbounded-call").severity, "off");
    assert.ok(rowOf(rows, "unbounded-call").cases!.every((c) => c.severity === "off"));
    const allOff = Object.fromEntries(Object.keys(familyRules.find((r) => r.id === "hardcoded-secret")!.cases).map((c) => [`hardcoded-secret/${c}`, "off"]));
    assert.equal(rowOf(ruleRows(familyRules, configOf({ rules: allOff }), []), "hardcoded-secret").severity, "off");
  });
});

describe("extension/rule-rows: rowTexts", () => {
  const findings: CountedFinding[] = [
    { code: "swallowed-exception/emptyCatch", severity: "error" },
    { code: "swallowed-exception/emptyCatch", severity: "error" },
    { code: "swallowed-exception/emptyCatch", severity: "info" },
  ];

  it("a case with folder overrides: the description names them, the tooltip lists them and says the toggle changes the project setting only", () => {
    const texts = rowTexts(rowOf(ruleRows(familyRules, configOf(LEGACY), findings), "swallowed-exception/emptyCatch"));
    assert.deepEqual(texts, {
      label: "emptyCatch",
      description: "3 · error · off in src/legacy/**; info in test/**, e2e/**",
      tooltip: [
        "**swallowed-exception/emptyCatch**: An empty catch, or one whose only statements are no-ops",
        "3 in the Problems panel (open files and the last workspace audit), each at the severity in effect in its file: 2 error, 1 info.",
        "Project severity: error, default warning.",
        "Folder overrides (`overrides` in .hardeninghints.json; a later entry wins where globs overlap):\n\n- `src/legacy/**`: off\n- `test/**`, `e2e/**`: info",
        "The inline toggle changes the project severity (`rules` in .hardeninghints.json); the folder overrides stay as they are.",
      ].join("\n\n"),
    });
  });

  it("a family whose cases an entry changes says how many; a row without overrides says only the count and severity", () => {
    const rows = ruleRows(familyRules, configOf(LEGACY), findings);
    assert.equal(rowTexts(rowOf(rows, "swallowed-exception")).description, "3 · warning · off in src/legacy/**; 2 cases changed in test/**, e2e/**");
    assert.match(rowTexts(rowOf(rows, "swallowed-exception")).tooltip, /^- `test\/\*\*`, `e2e\/\*\*`: emptyCatch, catchReturnsDefault changed$/m);
    const plain = rowTexts(rowOf(rows, "hardcoded-secret/providerKey"));
    assert.deepEqual([plain.label, plain.description], ["providerKey", "0 · error"]);
    assert.equal(
      plain.tooltip.split("\n\n").slice(1).join("\n\n"),
      ["0 in the Problems panel (open files and the last workspace audit).", "Project severity: error (default).", "The inline toggle changes the project severity (`rules` in .hardeninghints.json)."].join("\n\n"),
    );
  });

  it("past two entries the description counts the folders; a glob holding a backtick stays one code span", () => {
    const config = configOf({
      overrides: [
        { files: ["a/**"], rules: { "unbounded-call/call": "off" } },
        { files: ["b/**"], rules: { "unbounded-call/call": "info" } },
        { files: ["c`d/**"], rules: { "unbounded-call": "error" } },
      ],
    });
    const texts = rowTexts(rowOf(ruleRows(familyRules, config, []), "unbounded-call/call"));
    assert.equal(texts.description, "0 · warning · changed in 3 folders");
    assert.match(texts.tooltip, /^- `a\/\*\*`: off\n- `b\/\*\*`: info\n- `` c`d\/\*\* ``: error$/m);
  });
});
