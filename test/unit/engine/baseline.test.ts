import * as assert from "node:assert/strict";
import { baselineMatches, formatBaseline, parseBaseline } from "../../../src/engine/baseline";

describe("engine/baseline", () => {
  const entry = { aaa: { code: "swallowed-exception/emptyCatch", count: 2 }, bbb: { code: "hardcoded-secret/providerKey", count: 1 } };

  it("covers as many findings per fingerprint as its count, in order", () => {
    const findings = [{}, {}, {}, {}];
    assert.deepEqual(baselineMatches(findings, ["aaa", "aaa", "aaa", "bbb"], entry), [true, true, false, true]);
  });

  it("never covers a finding already suppressed inline, nor anything without an entry", () => {
    assert.deepEqual(baselineMatches([{ suppression: { kind: "inSource" } }, {}], ["aaa", "aaa"], entry), [false, true]);
    assert.deepEqual(baselineMatches([{}], ["aaa"], undefined), [false]);
  });

  it("parses what it formats, and names the file when the text is not a baseline", () => {
    const b = { version: 1 as const, files: { "src/a.ts": entry } };
    assert.deepEqual(parseBaseline(formatBaseline(b), "b.json"), b);
    assert.throws(() => parseBaseline("{", "b.json"), /^Error: b\.json: the baseline is not valid JSON/);
    assert.throws(() => parseBaseline('{"version": 2, "files": {}}', "b.json"), /b\.json: not a Hardening Hints baseline/);
  });
});
