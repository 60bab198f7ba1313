import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

interface Setting {
  order?: number;
  markdownDescription?: string;
  enumDescriptions?: string[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, Setting> } } };
const settings = Object.entries(pkg.contributes.configuration.properties);

/** The Settings editor's view of the extension (issue 17): a sensible order, units spelled out. */
describe("package.json settings as the Settings editor shows them", () => {
  it("every setting has its own order, and enable comes first", () => {
    const orders = settings.map(([, s]) => s.order);
    assert.deepEqual(settings.filter(([, s]) => typeof s.order !== "number").map(([k]) => k), [], "settings without an order sort after the others by name");
    assert.equal(new Set(orders).size, orders.length, "two settings share an order");
    const first = [...settings].sort((a, b) => a[1].order! - b[1].order!)[0]![0];
    assert.equal(first, "hardeningHints.enable");
  });

  it("units are written out: milliseconds and kilobytes (KB), no bare ms, KiB or Kb", () => {
    const bad = settings.flatMap(([k, s]) => [s.markdownDescription ?? "", ...(s.enumDescriptions ?? [])].filter((d) => /\b(?:ms|KiB|kb|Kb)\b/.test(d.replace(/`[^`]*`/g, ""))).map((d) => `${k}: ${d}`));
    assert.deepEqual(bad, []);
    assert.match(pkg.contributes.configuration.properties["hardeningHints.debounceMs"]!.markdownDescription!, /milliseconds/);
    assert.match(pkg.contributes.configuration.properties["hardeningHints.maxFileSizeKb"]!.markdownDescription!, /kilobytes \(KB/);
  });
});
