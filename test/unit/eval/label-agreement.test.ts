import * as assert from "node:assert/strict";
import { addAgreement, agreementFigures, emptyAgreement, inPart, type Agreement } from "../../../scripts/label-agreement";
import { validateRepoLabels, type RepoLabels } from "../../../scripts/measure-real";

function labels(files: Record<string, unknown>, families = ["swallowed-exception", "unvalidated-boundary", "hardcoded-secret", "unbounded-call"]): RepoLabels {
  const v = validateRepoLabels("acme__api.json", { repo: "acme/api", commit: "0123456789abcdef0123456789abcdef01234567", part: "held", stack: ["express"], aiBuilt: true, why: "x", labelledAt: "2026-12-03T19:00:00Z", labeller: "a", families, files });
  assert.deepEqual(v.errors, []);
  return v.labels!;
}

const SE = "swallowed-exception";
const f = (line: number, code = `${SE}/logAndContinue`) => ({ line, code, verdict: "finding" });
const c = (line: number, code = SE) => ({ line, code, verdict: "clean" });

describe("label-agreement: two labellings of the same files", () => {
  it("pairs sites at most one line apart, nearest first, and counts each verdict pair once", () => {
    const first = labels({ "a.js": [f(10), f(20), c(30), f(40), c(50)], "only-first.js": [f(5)] });
    const second = labels({ "a.js": [f(11), c(20), f(30), c(51), f(60)], "only-second.js": [f(5)] });
    const by = new Map<string, Agreement>();
    addAgreement(first, second, by);
    // 10~11 both finding; 20 first-only; 30 second-only; 40 unmatched finding of the first;
    // 50~51 both clean; 60 unmatched finding of the second; files only one labelled are left out.
    assert.deepEqual(by.get(SE), { bothFinding: 1, firstOnly: 1, secondOnly: 1, bothClean: 1, firstUnmatched: 1, secondUnmatched: 1 });
  });

  it("leaves out, when asked, every site either labeller called debatable", () => {
    const d = (x: { line: number; code: string; verdict: string }) => ({ ...x, note: "debatable: best-effort" });
    const first = labels({ "a.js": [d(f(10)), f(20), c(30), f(40), d(f(50))] });
    const second = labels({ "a.js": [f(10), d(c(20)), f(30), c(40), d(f(60))] });
    const all = new Map<string, Agreement>();
    const decided = new Map<string, Agreement>();
    addAgreement(first, second, all);
    addAgreement(first, second, decided, true);
    assert.deepEqual(all.get(SE), { bothFinding: 1, firstOnly: 2, secondOnly: 1, bothClean: 0, firstUnmatched: 1, secondUnmatched: 1 });
    // 10 (debatable first), 20 (debatable second), 50 and 60 (debatable, unmatched) left out.
    assert.deepEqual(decided.get(SE), { bothFinding: 0, firstOnly: 1, secondOnly: 1, bothClean: 0, firstUnmatched: 0, secondUnmatched: 0 });
  });

  it("scores the second labelling as a tool against the first, with Cohen's kappa on co-labelled sites", () => {
    const s: Agreement = { ...emptyAgreement(), bothFinding: 8, firstOnly: 2, secondOnly: 2, bothClean: 8, firstUnmatched: 0, secondUnmatched: 2 };
    const r = agreementFigures(s);
    assert.equal(r.precision, 8 / 12);
    assert.equal(r.recall, 8 / 10);
    assert.equal(r.sites, 20);
    // observed 0.8, chance 0.5: kappa 0.6
    assert.ok(Math.abs(r.kappa - 0.6) < 1e-12, String(r.kappa));
  });

  it("compares only the families both labellings cover in a file", () => {
    const first = labels({ "a.js": [f(1), f(3, "unvalidated-boundary/expressBody")] });
    const second = labels({ "a.js": { families: [SE], labels: [c(1)] } });
    const by = new Map<string, Agreement>();
    addAgreement(first, second, by);
    assert.deepEqual([...by.keys()], [SE]);
    assert.deepEqual(by.get(SE), { ...emptyAgreement(), firstOnly: 1 });
  });

  it("leaves a figure undefined when nothing was found or wanted", () => {
    const r = agreementFigures(emptyAgreement());
    assert.ok(Number.isNaN(r.precision) && Number.isNaN(r.recall) && Number.isNaN(r.kappa));
  });

  it("keeps the pairs whose first labelling is in the part asked for (a retired slice is tune)", () => {
    const held = labels({ "a.js": [f(1)] });
    const tune = { ...held, part: "tune" as const };
    const pairs = [{ name: "h", first: held }, { name: "t", first: tune }];
    assert.deepEqual(inPart(pairs, "held").map((p) => p.name), ["h"]);
    assert.deepEqual(inPart(pairs, "tune").map((p) => p.name), ["t"]);
    assert.deepEqual(inPart(pairs, undefined).map((p) => p.name), ["h", "t"]);
  });
});
