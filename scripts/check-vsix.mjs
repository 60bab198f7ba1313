// Checks that a packaged .vsix holds exactly what .vscodeignore should leave in: the manifest,
// docs, the extension and engine bundles, the CLI bundle (the MCP server the extension provides
// to agents runs it), the third-party notices, the config schema, the grammar and the icon.
// Nothing else (no sources, tests, node_modules, source maps, the npm-only index/eslint bundles).
import { execFileSync } from "node:child_process";

const vsix = process.argv[2];
if (!vsix) {
  console.error("usage: node scripts/check-vsix.mjs FILE.vsix");
  process.exit(2);
}
const list = execFileSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", vsix], { encoding: "utf8" })
  .split("\n")
  .filter(Boolean)
  .sort();
const allowed = [/^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/, /^extension\/package\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt)?$/i, /^extension\/dist\/extension\.js$/, /^extension\/dist\/engine\.js$/, /^extension\/dist\/cli\.js$/, /^extension\/dist\/THIRD_PARTY_NOTICES\.txt$/, /^extension\/schemas\/config\.schema\.json$/, /^extension\/syntaxes\/[\w.-]+\.json$/, /^extension\/media\/icon\.png$/, /^extension\/docs\/rules\/[\w-]+\.md$/];
const required = ["extension/package.json", "extension/dist/extension.js", "extension/dist/engine.js", "extension/dist/cli.js", "extension/dist/THIRD_PARTY_NOTICES.txt", "extension/schemas/config.schema.json", "extension/media/icon.png", "extension/docs/rules/swallowed-exception.md", "extension/docs/rules/unvalidated-boundary.md", "extension/docs/rules/hardcoded-secret.md", "extension/docs/rules/unbounded-call.md"];
const unexpected = list.filter((f) => !allowed.some((re) => re.test(f)));
const missing = required.filter((f) => !list.includes(f));
console.log(`${vsix}: ${list.length} entries\n  ${list.join("\n  ")}`);
if (unexpected.length || missing.length || !list.some((f) => /^extension\/syntaxes\//.test(f))) {
  if (unexpected.length) console.error(`unexpected entries:\n  ${unexpected.join("\n  ")}`);
  if (missing.length) console.error(`missing entries:\n  ${missing.join("\n  ")}`);
  if (!list.some((f) => /^extension\/syntaxes\//.test(f))) console.error("missing the injection grammar under syntaxes/");
  process.exit(1);
}
console.log("check-vsix: contents are as .vscodeignore intends");
