import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addToScore, corpusTable, isDebatable, countByCase, emptyScore, extractPresentBlobs, findMirror, matchFile, scoreRepo, summarise, sumScores, validateRepoLabels, type Label, type RepoLabels, type RepoResult, type SiteFinding } from "../../../scripts/measure-real";

const SE = "swallowed-exception";
const UB = "unvalidated-boundary";
const HS = "hardcoded-secret";
const UC = "unbounded-call";

const at = (family: string, line: number, endLine = line, code = `${family}/x`): SiteFinding => ({ family, code, line, endLine });
const label = (line: number, code: string, verdict: Label["verdict"] = "finding", note?: string): Label => ({ line, code, verdict, ...(note ? { note } : {}) });

function validFile(): Record<string, unknown> {
  return {
    repo: "acme/shop-api",
    commit: "0123456789abcdef0123456789abcdef01234567",
    part: "tune",
    stack: ["express"],
    aiBuilt: true,
    why: "small Express API, CLAUDE.md in the root",
    labelledAt: "2026-12-02T20:10:00Z",
    labeller: "eval-a",
    files: {
      "server/routes/users.js": [
        { line: 42, code: "swallowed-exception/emptyCatch", verdict: "finding", note: "DB error dropped" },
        { line: 57, code: "swallowed-exception", verdict: "clean" },
      ],
      "server/config.js": [],
    },
  };
}

describe("measure-real: label file validation", () => {
  it("accepts the documented shape and defaults `changes` to []", () => {
    const v = validateRepoLabels("acme__shop-api.json", validFile());
    assert.deepEqual(v.errors, []);
    assert.deepEqual(v.warnings, []);
    assert.equal(v.labels?.repo, "acme/shop-api");
    assert.deepEqual(v.labels?.changes, []);
    assert.equal(Object.keys(v.labels!.files).length, 2);
  });

  it("names the file and the path of each wrong field", () => {
    const bad = {
      ...validFile(),
      commit: "abc",
      part: "train",
      aiBuilt: "yes",
      labelledAt: "yesterday",
      extra: 1,
      files: {
        "/abs/path.js": [],
        "a/../b.js": [],
        "ok.js": [{ line: 0, code: "swallowed-exception", verdict: "finding" }, { line: 3, code: "sql-injection/raw", verdict: "maybe", case: "x" }, "oops"],
      },
      changes: [{ file: "ok.js", line: 3, code: "hardcoded-secret", change: "moved", reason: "", at: "now" }],
    };
    const v = validateRepoLabels("acme__shop-api.json", bad);
    assert.equal(v.labels, undefined);
    assert.deepEqual(v.errors, [
      'acme__shop-api.json: unknown key "extra" (allowed: repo, commit, part, stack, aiBuilt, why, labelledAt, labeller, families, rounds, files, changes, heldUntil)',
      'acme__shop-api.json.commit: expected 40 lower-case hex digits, got string "abc"',
      'acme__shop-api.json.part: expected "tune" or "held", got string "train"',
      'acme__shop-api.json.aiBuilt: expected true or false, got string "yes"',
      'acme__shop-api.json.labelledAt: expected an ISO time such as 2026-12-02T20:10:00Z, got string "yesterday"',
      'acme__shop-api.json.files["/abs/path.js"]: expected a path relative to the repository root with forward slashes',
      'acme__shop-api.json.files["a/../b.js"]: expected a path relative to the repository root with forward slashes',
      'acme__shop-api.json.files["ok.js"][0].line: expected an integer ≥ 1, got number 0',
      'acme__shop-api.json.files["ok.js"][1]: unknown key "case" (allowed: line, code, verdict, note)',
      'acme__shop-api.json.files["ok.js"][1].code: unknown family "sql-injection" (one of swallowed-exception, unvalidated-boundary, hardcoded-secret, unbounded-call)',
      'acme__shop-api.json.files["ok.js"][1].verdict: expected "finding" or "clean", got string "maybe"',
      'acme__shop-api.json.files["ok.js"][2]: expected an object, got string "oops"',
      'acme__shop-api.json.changes[0].change: expected one of "added", "removed", "verdict", "note", "line", got string "moved"',
      "acme__shop-api.json.changes[0].reason: must not be empty",
      'acme__shop-api.json.changes[0].at: expected an ISO time, got string "now"',
    ]);
  });

  it("requires every key but `changes`, and the file name to follow the repo", () => {
    const { why: _w, labeller: _l, ...rest } = validFile();
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", rest).errors, ['acme__shop-api.json: missing "why"', 'acme__shop-api.json: missing "labeller"']);
    assert.deepEqual(validateRepoLabels("acme__shop.json", validFile()).errors, ["acme__shop.json: the file for acme/shop-api must be named acme__shop-api.json"]);
    assert.deepEqual(validateRepoLabels("x.json", []).errors, ["x.json: expected a JSON object at the top, got an array"]);
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", { ...validFile(), files: {} }).errors, ["acme__shop-api.json.files: no file is listed"]);
  });

  it("accepts heldUntil on a tune repository only (a held one retired to tune says when)", () => {
    const note = "2026-12-03T12:50:00Z: last measured blind at 6173da8, then moved to tune";
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", { ...validFile(), heldUntil: note }).errors, []);
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", { ...validFile(), part: "held", heldUntil: note }).errors, ['acme__shop-api.json.heldUntil: only a tune repository was held until a date (this one is string "held")']);
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", { ...validFile(), heldUntil: 3 }).errors, ["acme__shop-api.json.heldUntil: expected a string, got number 3"]);
  });

  it("warns (without failing) on a case id the rule does not declare", () => {
    const cases = new Map([[SE, new Set(["emptyCatch"])]]);
    const file = validFile();
    (file.files as Record<string, Label[]>)["server/config.js"] = [label(3, `${SE}/madeUpCase`)];
    const v = validateRepoLabels("acme__shop-api.json", file, cases);
    assert.deepEqual(v.errors, []);
    assert.deepEqual(v.warnings, ['acme__shop-api.json.files["server/config.js"][0].code: "swallowed-exception/madeUpCase" is not a case the rule declares (matching uses the family only)']);
  });
});

describe("measure-real: matching", () => {
  it("matches a label in [start - 1, end] of the same family, one-to-one", () => {
    const m = matchFile(
      [at(SE, 10, 14), at(UB, 20), at(HS, 30)],
      [label(9, SE), label(20, HS), label(31, HS), label(20, UB)],
    );
    assert.deepEqual(m.matched.map((p) => [p.finding.line, p.label.line, p.label.code]), [
      [10, 9, SE],
      [20, 20, UB],
    ]);
    assert.deepEqual(m.falsePositives.map((f) => f.finding.line), [30]); // label 31 is past the end line
    assert.deepEqual(m.falseNegatives.map((l) => [l.line, l.code]), [
      [20, HS],
      [31, HS],
    ]);
  });

  it("prefers the label nearest the finding's start", () => {
    const m = matchFile([at(SE, 10, 20)], [label(18, SE), label(9, SE), label(10, SE)]);
    assert.deepEqual(m.matched.map((p) => p.label.line), [10]);
    assert.deepEqual(m.falseNegatives.map((l) => l.line), [9, 18]);
  });

  it("finds the largest matching when the nearest choice would block another finding", () => {
    // Greedy nearest-first would give the finding at 10 the label at 10 and leave the finding
    // at 11 (window 10..11) with nothing: 1 TP. Augmenting paths give 2.
    const m = matchFile([at(SE, 10), at(SE, 11)], [label(9, SE), label(10, SE)]);
    assert.deepEqual(m.matched.map((p) => [p.finding.line, p.label.line]), [
      [10, 9],
      [11, 10],
    ]);
    assert.equal(m.falsePositives.length, 0);
    assert.equal(m.falseNegatives.length, 0);
  });

  it("never matches a clean label, and notes when a false positive sits on one", () => {
    const m = matchFile([at(SE, 5), at(SE, 40)], [label(5, SE, "clean", "rethrows"), label(5, UB)]);
    assert.equal(m.matched.length, 0);
    assert.deepEqual(m.falsePositives.map((f) => [f.finding.line, f.onClean?.note]), [
      [5, "rethrows"],
      [40, undefined],
    ]);
    assert.deepEqual(m.falseNegatives.map((l) => l.code), [UB]);
  });

  it("two findings on one line take two labels on that line, a third is a false positive", () => {
    const m = matchFile([at(HS, 7), at(HS, 7), at(HS, 7)], [label(7, `${HS}/awsKey`), label(7, HS)]);
    assert.equal(m.matched.length, 2);
    assert.equal(m.falsePositives.length, 1);
    assert.equal(m.falseNegatives.length, 0);
  });
});

describe("measure-real: scores", () => {
  const labels = [label(9, `${SE}/emptyCatch`), label(20, UB), label(25, UB, "clean"), label(31, HS), label(50, SE, "clean")];
  const findings = [at(SE, 10, 12, `${SE}/logAndContinue`), at(UB, 20, 20, `${UB}/expressBody`), at(UB, 25), at(HS, 60)];

  it("counts TP, FP, FN, labels and case differences per family and in total", () => {
    const match = matchFile(findings, labels);
    const se = emptyScore();
    const ub = emptyScore();
    const hs = emptyScore();
    const all = emptyScore();
    addToScore(se, labels, match, SE);
    addToScore(ub, labels, match, UB);
    addToScore(hs, labels, match, HS);
    addToScore(all, labels, match);
    assert.deepEqual(se, { labels: 2, findingLabels: 1, cleanLabels: 1, findings: 1, tp: 1, fp: 0, fn: 0, fpOnClean: 0, caseDiffers: 1, precision: 1, recall: 1 });
    assert.deepEqual(ub, { labels: 2, findingLabels: 1, cleanLabels: 1, findings: 2, tp: 1, fp: 1, fn: 0, fpOnClean: 1, caseDiffers: 0, precision: 0.5, recall: 1 });
    assert.deepEqual(hs, { labels: 1, findingLabels: 1, cleanLabels: 0, findings: 1, tp: 0, fp: 1, fn: 1, fpOnClean: 0, caseDiffers: 0, precision: 0, recall: 0 });
    assert.deepEqual(all, { labels: 5, findingLabels: 3, cleanLabels: 2, findings: 4, tp: 2, fp: 2, fn: 1, fpOnClean: 1, caseDiffers: 1, precision: 0.5, recall: 2 / 3 });
    assert.deepEqual(sumScores([se, ub, hs]), all);
  });

  it("leaves debatable labels out on both sides when only decided labels are scored", () => {
    const note = (l: Label, n: string): Label => ({ ...l, note: n });
    const labels = [
      note(label(9, SE), "debatable: best-effort step"), // matched: neither TP nor a label
      label(20, SE), // matched: TP
      note(label(30, SE, "clean"), "Debatable, the SDK validates"), // a finding on it: not an FP
      note(label(40, SE, "clean"), "handled: rethrows"), // a finding on it: FP
      note(label(50, SE), "debatable: log-only"), // missed: not an FN
      note(label(60, SE), "not debatable: dropped"), // missed: FN (a negated word does not count)
    ];
    const findings = [at(SE, 9), at(SE, 20), at(SE, 30), at(SE, 40), at(SE, 70)];
    const match = matchFile(findings, labels);
    const strict = emptyScore();
    const decided = emptyScore();
    addToScore(strict, labels, match, SE);
    addToScore(decided, labels, match, SE, true);
    assert.deepEqual(strict, { labels: 6, findingLabels: 4, cleanLabels: 2, findings: 5, tp: 2, fp: 3, fn: 2, fpOnClean: 2, caseDiffers: 0, precision: 0.4, recall: 0.5 });
    assert.deepEqual(decided, { labels: 3, findingLabels: 2, cleanLabels: 1, findings: 3, tp: 1, fp: 2, fn: 1, fpOnClean: 1, caseDiffers: 0, precision: 1 / 3, recall: 0.5 });
    assert.deepEqual(labels.map(isDebatable), [true, false, true, false, true, false]);
  });

  it("reads a debatable mark anywhere in the note, unless it is negated", () => {
    const notes = [
      "display-label fallback (debatable)",
      "scheduled job's catch logs (debatable: the next run retries)",
      "else prints success. Debatable (else only logs success)",
      "a dropped write, not debatable",
      "a dropped write (non-debatable)",
      "never debatable here, but debatable elsewhere",
      "debatable only as a name",
      "a plain clean note",
    ];
    assert.deepEqual(notes.map((n) => isDebatable({ ...label(1, SE), note: n })), [true, true, true, false, false, true, true, false]);
  });

  it("leaves precision and recall undefined (null) when nothing was found or labelled", () => {
    const s = emptyScore();
    addToScore(s, [label(3, SE, "clean")], matchFile([], [label(3, SE, "clean")]), SE);
    assert.equal(s.precision, null);
    assert.equal(s.recall, null);
    assert.equal(s.labels, 1);
  });

  it("summarises per part and overall over scored repositories, and by case over the tune part only", () => {
    const repo = (name: string, part: "tune" | "held", status: RepoResult["status"], tp: number, fp: number, fn: number): RepoResult => {
      const byFamily: Record<string, ReturnType<typeof emptyScore>> = { [SE]: emptyScore(), [UB]: emptyScore(), [HS]: emptyScore() };
      byFamily[SE] = { ...emptyScore(), labels: tp + fn + 1, findingLabels: tp + fn, cleanLabels: 1, findings: tp + fp, tp, fp, fn };
      const fixes = { [SE]: { findingsWithSafe: tp, safe: tp, suggestion: 2 * tp }, [UB]: { findingsWithSafe: 0, safe: 0, suggestion: 0 }, [HS]: { findingsWithSafe: 0, safe: 0, suggestion: 0 } };
      const byFamilyDecided = { ...byFamily, [SE]: { ...byFamily[SE]!, tp: tp - 1 > 0 ? tp - 1 : 0 } };
      return { repo: name, part, commit: "0".repeat(40), status, files: 1, byFamily, byFamilyDecided, fixes, falsePositives: [], falseNegatives: [], caseDiffers: [], tpByCode: { [`${SE}/emptyCatch`]: tp }, labelsByCode: { [`${SE}/emptyCatch`]: { finding: tp + fn, clean: 1 } }, problems: [] };
    };
    const s = summarise([repo("a/a", "tune", "scored", 3, 1, 1), repo("b/b", "held", "scored", 1, 0, 3), repo("c/c", "tune", "not fetched", 9, 9, 9)]);
    assert.deepEqual([s.scores.tune[SE]!.tp, s.scores.tune[SE]!.fp, s.scores.tune[SE]!.fn, s.scores.tune[SE]!.precision, s.scores.tune[SE]!.recall], [3, 1, 1, 0.75, 0.75]);
    assert.deepEqual([s.scores.held.all!.tp, s.scores.held.all!.fn, s.scores.held.all!.recall], [1, 3, 0.25]);
    assert.deepEqual([s.scores.all.all!.labels, s.scores.all.all!.findings, s.scores.all.all!.precision, s.scores.all.all!.recall], [10, 5, 0.8, 0.5]);
    assert.deepEqual(s.scores.all[UB], emptyScore());
    assert.deepEqual([s.decided.tune[SE]!.tp, s.decided.held[SE]!.tp, s.decided.all.all!.tp], [2, 0, 2]); // summed from byFamilyDecided, not byFamily
    assert.deepEqual(s.byCase, { [`${SE}/emptyCatch`]: { findingLabels: 4, cleanLabels: 1, tp: 3, fp: 0, fn: 0, precision: 1, recall: 1 } });
    assert.deepEqual(s.scores.all[UC], emptyScore()); // a family no repository is labelled for: no labels, nothing found
    assert.deepEqual(s.repos.map((r) => [r.repo, r.status]), [
      ["a/a", "scored"],
      ["b/b", "scored"],
      ["c/c", "not fetched"],
    ]);
  });
});

describe("measure-real: counts by case", () => {
  it("counts TP and FP by the finding's code and FN by the label's code, skipping repositories not scored", () => {
    const base = { part: "tune" as const, commit: "0".repeat(40), files: 1, byFamily: {}, byFamilyDecided: {}, fixes: {}, caseDiffers: [], labelsByCode: {}, problems: [] };
    const site = (code: string) => ({ repo: "a/a", file: "x.ts", line: 1, code });
    const results: RepoResult[] = [
      { ...base, repo: "a/a", status: "scored", tpByCode: { [`${UB}/expressBody`]: 2 }, labelsByCode: { [UB]: { finding: 2, clean: 3 }, [`${UB}/expressBody`]: { finding: 2, clean: 0 } }, falsePositives: [site(`${UB}/expressBody`), site(`${SE}/logAndContinue`)], falseNegatives: [site(UB), site(UB)] },
      { ...base, repo: "b/b", status: "not fetched", tpByCode: { [`${UB}/expressBody`]: 9 }, falsePositives: [site(HS)], falseNegatives: [] },
    ];
    assert.deepEqual(countByCase(results), {
      [`${SE}/logAndContinue`]: { findingLabels: 0, cleanLabels: 0, tp: 0, fp: 1, fn: 0, precision: 0, recall: null },
      [UB]: { findingLabels: 2, cleanLabels: 3, tp: 0, fp: 0, fn: 2, precision: null, recall: 0 },
      [`${UB}/expressBody`]: { findingLabels: 2, cleanLabels: 0, tp: 2, fp: 1, fn: 0, precision: 2 / 3, recall: 1 },
    });
  });
});

describe("measure-real: mirrors", () => {
  it("finds the bare git directory under <owner>+<name>, case-insensitively, and nothing for an absent repo", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hh-mirror-"));
    try {
      const git = path.join(root, "Acme+Shop", "repo");
      fs.mkdirSync(path.join(git, "objects"), { recursive: true });
      fs.writeFileSync(path.join(git, "HEAD"), "ref: refs/heads/main\n");
      assert.equal(findMirror("acme/shop", root), git);
      assert.equal(findMirror("Acme/Shop", root), git);
      assert.equal(findMirror("acme/other", root), undefined);
      assert.equal(findMirror("acme/shop", path.join(root, "absent")), undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("measure-real: families a file is labelled for", () => {
  it("defaults to the three original families, and takes a top-level list or a per-file object", () => {
    const plain = validateRepoLabels("acme__shop-api.json", validFile(), new Map());
    assert.deepEqual(plain.labels?.families, [SE, UB, HS]);
    assert.deepEqual(plain.labels?.fileFamilies, { "server/routes/users.js": [SE, UB, HS], "server/config.js": [SE, UB, HS] });
    const file = {
      ...validFile(),
      families: [SE, UB, HS, UC],
      rounds: [{ families: [UC], labelledAt: "2026-12-03T01:00:00Z", labeller: "uclab" }],
      files: {
        "server/routes/users.js": [label(42, `${SE}/emptyCatch`), label(44, `${UC}/call`, "finding", "fetch with no signal")],
        "server/api.js": { families: [UC], labels: [label(3, `${UC}/client`, "clean", "axios.create with timeout")] },
      },
    };
    const v = validateRepoLabels("acme__shop-api.json", file, new Map([[SE, new Set(["emptyCatch"])], [UC, new Set(["call"])]]));
    assert.deepEqual(v.errors, []);
    assert.deepEqual(v.warnings, ['acme__shop-api.json.files["server/api.js"][0].code: "unbounded-call/client" is not a case the rule declares (matching uses the family only)']);
    assert.deepEqual(v.labels?.fileFamilies, { "server/routes/users.js": [SE, UB, HS, UC], "server/api.js": [UC] });
    assert.deepEqual(v.labels?.files["server/api.js"], [label(3, `${UC}/client`, "clean", "axios.create with timeout")]);
    assert.deepEqual(v.labels?.rounds, [{ families: [UC], labelledAt: "2026-12-03T01:00:00Z", labeller: "uclab" }]);
  });

  it("rejects a label of a family its file is not labelled for, and wrong family lists", () => {
    const file = {
      ...validFile(),
      files: {
        "a.js": [label(4, `${UC}/call`)],
        "b.js": { families: [UC, UC], labels: [] },
        "c.js": { families: ["sql"], labels: [], extra: 1 },
        "d.js": { labels: [] },
      },
      rounds: [{ families: [], labelledAt: "soon" }],
    };
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", file, new Map()).errors, [
      "acme__shop-api.json.rounds[0].families: expected a non-empty array of families (swallowed-exception, unvalidated-boundary, hardcoded-secret, unbounded-call), got an array",
      'acme__shop-api.json.rounds[0].labelledAt: expected an ISO time such as 2026-12-02T20:10:00Z, got string "soon"',
      "acme__shop-api.json.rounds[0].labeller: expected a string, got nothing",
      'acme__shop-api.json.files["a.js"][0].code: family "unbounded-call" is not one this file is labelled for (swallowed-exception, unvalidated-boundary, hardcoded-secret); add it to "families", which makes the file exhaustive for it',
      'acme__shop-api.json.files["b.js"].families[1]: "unbounded-call" is listed twice',
      'acme__shop-api.json.files["c.js"]: unknown key "extra" (allowed: families, labels)',
      'acme__shop-api.json.files["c.js"].families[0]: unknown family string "sql" (one of swallowed-exception, unvalidated-boundary, hardcoded-secret, unbounded-call)',
      'acme__shop-api.json.files["d.js"]: missing "families"',
    ]);
    assert.deepEqual(validateRepoLabels("acme__shop-api.json", { ...validFile(), families: "all" }, new Map()).errors, [
      'acme__shop-api.json.families: expected a non-empty array of families (swallowed-exception, unvalidated-boundary, hardcoded-secret, unbounded-call), got string "all"',
    ]);
  });

  it("warns once per label file, not per label, when a family has no rule in the engine yet", () => {
    const file = { ...validFile(), families: [SE, UC], files: { "a.js": [label(1, `${UC}/call`), label(2, `${UC}/retry`, "clean")] } };
    const v = validateRepoLabels("acme__shop-api.json", file, new Map([[SE, new Set(["emptyCatch"])]]));
    assert.deepEqual(v.errors, []);
    assert.deepEqual(v.warnings, ['acme__shop-api.json: family "unbounded-call" has no rule in the engine yet; its labels are scored with no findings (recall 0)']);
  });

  it("shows the families and the unbounded-call labels in the corpus table", () => {
    const file = { ...validFile(), families: [SE, UC], files: { "a.js": [label(1, `${UC}/call`), label(2, `${UC}/retry`, "clean"), label(3, SE)], "b.js": { families: [HS], labels: [] } } };
    const v = validateRepoLabels("acme__shop-api.json", file, new Map());
    assert.deepEqual(corpusTable([v.labels!]).split("\n")[2], "| acme/shop-api | 0123456789ab | tune | express | yes | se, hs, uc | 2 | 3 (2 + 1) | 2 (1 + 1) |");
  });
});

describe("measure-real: scoring a repository from its mirror", () => {
  const git = (dir: string, ...args: string[]): string => execFileSync("git", ["-C", dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  let root: string;
  let commit: string;
  let mirrors: string;
  const configJson = ['{', '  "port": 3030,', '  "authentication": { "secret": "Zq8vR2mX7kP4wL9tN3bH6yC1fJ5sD0gA" }', '}', ''].join("\n");
  const source = ["export function load(read: () => string): string {", "  try {", "    return read();", "  } catch {}", "  const limit = 3;", "  return String(limit);", "}", ""].join("\n");

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hh-real-"));
    const work = path.join(root, "src");
    fs.mkdirSync(work);
    git(work, "init", "-q");
    fs.writeFileSync(path.join(work, "load.ts"), source);
    fs.writeFileSync(path.join(work, "big.bin"), "stands for a blob the snapshot lacks\n");
    fs.mkdirSync(path.join(work, "config"));
    fs.writeFileSync(path.join(work, "config", "default.json"), configJson);
    fs.writeFileSync(path.join(work, "items.json"), '{ "secret": "not a configuration file" }\n');
    git(work, "add", ".");
    git(work, "commit", "-q", "-m", "x");
    commit = git(work, "rev-parse", "HEAD");
    mirrors = path.join(root, "mirrors");
    fs.mkdirSync(path.join(mirrors, "acme+shop-api"), { recursive: true });
    // A local clone copies the loose objects; removing the blob of big.bin stands for a file the
    // fetch tool leaves out of a snapshot (4 MiB and more), which makes `git archive` fail.
    const bare = path.join(mirrors, "acme+shop-api", "repo");
    execFileSync("git", ["clone", "-q", "--bare", "--no-hardlinks", work, bare], { stdio: "ignore" });
    const blob = execFileSync("git", ["--git-dir", bare, "rev-parse", `${commit}:big.bin`], { encoding: "utf8" }).trim();
    fs.rmSync(path.join(bare, "objects", blob.slice(0, 2), blob.slice(2)));
    assert.throws(() => execFileSync("git", ["--git-dir", bare, "archive", commit], { stdio: "ignore" }));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const labels = (extra: Partial<RepoLabels>): RepoLabels => ({
    repo: "acme/shop-api",
    commit,
    part: "tune",
    stack: ["node"],
    aiBuilt: false,
    why: "test",
    labelledAt: "2026-12-03T01:00:00Z",
    labeller: "test",
    families: [SE, UB, HS],
    rounds: [],
    files: { "load.ts": [] },
    fileFamilies: { "load.ts": [SE, UB, HS] },
    changes: [],
    ...extra,
  });

  it("extracts the blobs the mirror holds when some are absent", () => {
    const dest = path.join(root, "extract");
    fs.mkdirSync(dest);
    extractPresentBlobs(path.join(mirrors, "acme+shop-api", "repo"), commit, dest);
    assert.deepEqual(fs.readdirSync(dest).sort(), ["config", "items.json", "load.ts"]);
    assert.equal(fs.readFileSync(path.join(dest, "load.ts"), "utf8"), source);
  });

  it("scores only the families a file is labelled for; a family without findings has recall 0", () => {
    const roots = { mirrors, work: path.join(root, "work") };
    const every = scoreRepo(labels({}), undefined, roots);
    assert.equal(every.status, "scored", every.message);
    assert.deepEqual([every.byFamily[SE]!.findings, every.byFamily[SE]!.fp], [1, 1]); // the empty catch, unlabelled
    const onlyUc = scoreRepo(labels({ families: [UC], files: { "load.ts": [label(5, `${UC}/call`, "finding", "stands for a site no rule reports")] }, fileFamilies: { "load.ts": [UC] } }), undefined, roots);
    assert.equal(onlyUc.status, "scored", onlyUc.message);
    assert.deepEqual(onlyUc.problems, []);
    assert.deepEqual(onlyUc.byFamily[SE], emptyScore()); // the empty catch is not scored: the file is not labelled for swallowed-exception
    assert.deepEqual([onlyUc.byFamily[UC]!.findingLabels, onlyUc.byFamily[UC]!.tp, onlyUc.byFamily[UC]!.fn, onlyUc.byFamily[UC]!.recall], [1, 0, 1, 0]);
    assert.deepEqual(onlyUc.labelsByCode, { [`${UC}/call`]: { finding: 1, clean: 0 } });
    assert.deepEqual(summarise([onlyUc]).byCase, { [`${UC}/call`]: { findingLabels: 1, cleanLabels: 0, tp: 0, fp: 0, fn: 1, precision: null, recall: 0 } });
  });

  it("scores the JSON configuration files the audit scans, and says why any other labelled file is not scored", () => {
    const roots = { mirrors, work: path.join(root, "work") };
    const files = { "config/default.json": [label(3, `${HS}/configFile`, "finding", "a committed signing secret")], "items.json": [label(1, HS, "clean", "data, not configuration")] };
    const scored = scoreRepo(labels({ families: [HS], files, fileFamilies: { "config/default.json": [HS], "items.json": [HS] } }), undefined, roots);
    assert.equal(scored.status, "scored", scored.message);
    assert.deepEqual([scored.files, scored.byFamily[HS]!.findingLabels, scored.byFamily[HS]!.tp, scored.byFamily[HS]!.fp, scored.byFamily[HS]!.fn], [1, 1, 1, 0, 0]);
    assert.deepEqual(scored.problems, ["items.json: neither a TS/JS source file nor a scanned JSON configuration file; its 1 labels are not scored"]);
  });

  it("--min-severity: findings below it do not count as findings; the labels stay", () => {
    const roots = { mirrors, work: path.join(root, "work") };
    const withLabel = labels({ files: { "load.ts": [label(4, `${SE}/emptyCatch`, "finding", "the empty catch")] } });
    const at = (min: "info" | "warning" | "error") => {
      const s = scoreRepo(withLabel, undefined, roots, min).byFamily[SE]!;
      return [s.findingLabels, s.findings, s.tp, s.fn];
    };
    assert.deepEqual(at("info"), [1, 1, 1, 0]);
    assert.deepEqual(at("warning"), [1, 1, 1, 0]); // emptyCatch is a warning
    assert.deepEqual(at("error"), [1, 0, 0, 1]);
  });
});
