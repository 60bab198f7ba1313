import * as assert from "node:assert/strict";
import { FAMILIES, LABELLED_ROOT, measureFamily } from "../../../scripts/measure";

/**
 * Precision and recall on the labelled sets (test/labelled/<family>/), which are realistic
 * code kept apart from the unit tables. Deterministic: no timing involved.
 */
describe("meta: precision and recall on the labelled sets", function () {
  this.timeout(60_000);
  for (const family of FAMILIES) {
    it(`${family}: precision >= 0.95 and recall >= 0.90`, () => {
      const s = measureFamily(LABELLED_ROOT, family);
      const detail = [...s.falsePositives.map((f) => `FP ${f.file}:${f.line} ${f.code}`), ...s.falseNegatives.map((f) => `FN ${f.file}:${f.line} ${f.code}`)].join("\n");
      assert.ok(s.files > 0 && s.labels >= 50, `${family}: the labelled set is missing or too small (${s.files} files, ${s.labels} labels)`);
      assert.ok(s.precision >= 0.95, `${family}: precision ${s.precision.toFixed(3)} < 0.95\n${detail}`);
      assert.ok(s.recall >= 0.9, `${family}: recall ${s.recall.toFixed(3)} < 0.90\n${detail}`);
    });
  }
});
