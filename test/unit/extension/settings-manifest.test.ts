import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

interface Setting {
  order?: number;
  type?: string;
  default?: unknown;
  markdownDescription?: string;
  enumDescriptions?: string[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, Setting> } } };
const settings = Object.entries(pkg.contributes.configuration.properties);
const readme = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
const configSchema = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../schemas/config.schema.json"), "utf8")) as { properties: Record<string, { description?: string }> };

/** The rows of the README's settings table: setting and default, in the table's order. */
function readmeSettings(markdown: string): [string, string][] {
  const section = /^### Settings$([\s\S]*?)^##/m.exec(markdown)?.[1] ?? "";
  return [...section.matchAll(/^\| `(hardeningHints\.\w+)` \| `([^`]*)` \|/gm)].map((m) => [m[1]!, m[2]!]);
}

/** The Settings editor's view of the extension (issue 17): a sensible order, units spelled out. */
describe("package.json settings as the Settings editor shows them", () => {
  it("every setting has its own order, and enable comes first", () => {
    const orders = settings.map(([, s]) => s.order);
    assert.deepEqual(settings.filter(([, s]) => typeof s.order !== "number").map(([k]) => k), [], "settings without an order sort after the others by name");
    assert.equal(new Set(orders).size, orders.length, "two settings share an order");
    const first = [...settings].sort((a, b) => a[1].order! - b[1].order!)[0]![0];
    assert.equal(first, "hardeningHints.enable");
    // package.json lists them in that order too, so that a reader of the manifest sees what the Settings editor shows.
    assert.deepEqual(settings.map(([k]) => k), [...settings].sort((a, b) => a[1].order! - b[1].order!).map(([k]) => k));
  });

  it("the README's settings table lists every setting in the Settings editor's order, with its default", () => {
    assert.deepEqual(readmeSettings("### Settings\n\n| `hardeningHints.enable` | `true` | x |\n\n## Next\n"), [["hardeningHints.enable", "true"]]);
    const ordered = [...settings].sort((a, b) => a[1].order! - b[1].order!);
    assert.deepEqual(readmeSettings(readme), ordered.map(([k, s]) => [k, String(s.default)]));
  });

  it("units are written out: milliseconds and kilobytes (KB), no bare ms, KiB or Kb", () => {
    const bad = settings.flatMap(([k, s]) => [s.markdownDescription ?? "", ...(s.enumDescriptions ?? [])].filter((d) => /\b(?:ms|KiB|kb|Kb)\b/.test(d.replace(/`[^`]*`/g, ""))).map((d) => `${k}: ${d}`));
    assert.deepEqual(bad, []);
    assert.match(pkg.contributes.configuration.properties["hardeningHints.debounceMs"]!.markdownDescription!, /milliseconds/);
    assert.match(pkg.contributes.configuration.properties["hardeningHints.maxFileSizeKb"]!.markdownDescription!, /kilobytes \(KB/);
    // A size or a wait is a whole number of its unit, as the config's own maxFileSizeKb is.
    assert.deepEqual(settings.filter(([k]) => /(?:Kb|Ms)$/.test(k)).map(([k, s]) => [k, s.type]), [["hardeningHints.debounceMs", "integer"], ["hardeningHints.maxFileSizeKb", "integer"]]);
    // The config file's setting names its unit where VS Code shows it (hover and completion in .hardeninghints.json).
    assert.match(configSchema.properties.maxFileSizeKb!.description!, /in kilobytes \(KB; 1 KB is 1,024 characters of text\)/);
  });
});
