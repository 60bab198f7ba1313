import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 39, developer prodn39: production NodeBB (eval/production, seed 20261391), jsonParseExternal of files an
// installed package ships. An installed theme's theme.json read from `join(paths.nodeModules, theme, "theme.json")`
// (src/controllers/admin/themes.js:23) and a plugin's language files read by a helper whose every call hands it a
// path under node_modules or the project's public/ folder (src/meta/languages.js:133): the package manager wrote
// them, like a package's manifest. Hand-written analogues.

// NodeBB's style: CommonJS, a folder named for node_modules imported from a constants module.
const THEME = dedent`
  const path = require("path");
  const fs = require("fs");
  const { paths, themeNamePattern } = require("../../constants");
  exports.get = async function (req, res) {
    if (!themeNamePattern.test(req.params.theme)) throw new Error("[[error:invalid-data]]");
    const themeDir = path.join(paths.nodeModules, req.params.theme);
    let themeConfig = await fs.promises.readFile(path.join(themeDir, "theme.json"), "utf8");
    themeConfig = JSON.parse(themeConfig);
    res.sendFile(path.join(themeDir, themeConfig.screenshot));
  };
`;

const LANGUAGES = dedent`
  const path = require("path");
  const fs = require("fs");
  const { paths } = require("../constants");
  const coreLanguagesPath = path.join(paths.baseDir, "public/language");
  async function build(lang, namespace, plugins) {
    const translations = {};
    await assignFile(translations, path.join(coreLanguagesPath, lang, \`\${namespace}.json\`));
    for (const plugin of plugins) {
      const folder = path.join(paths.nodeModules, plugin.id, plugin.languages);
      await assignFile(translations, path.join(folder, lang, \`\${namespace}.json\`));
    }
    return translations;
  }
  async function assignFile(translations, file) {
    const fileData = await fs.promises.readFile(file, "utf8");
    Object.assign(translations, JSON.parse(fileData));
  }
  module.exports = { build };
`;

// Another style: an ES module in TypeScript, a literal node_modules part and a module resolution.
const ICONS = dedent`
  import { readFile } from "node:fs/promises";
  import { createRequire } from "node:module";
  import { dirname, join } from "node:path";
  const require = createRequire(import.meta.url);
  export async function iconUnicode(name: string, root: string) {
    const meta = JSON.parse(await readFile(join(dirname(require.resolve("@fortawesome/fontawesome-free")), "metadata", "icons.json"), "utf8"));
    const local = JSON.parse(await readFile(join(root, "node_modules", "@acme/icons", "icons.json"), "utf8"));
    return meta[name]?.unicode ?? local[name].unicode;
  }
`;

// Neighbours: a helper also handed a path from the request, and a join that climbs out of node_modules.
const MIXED = dedent`
  const path = require("path");
  const fs = require("fs");
  const { paths } = require("../constants");
  async function load(file) {
    return JSON.parse(await fs.promises.readFile(file, "utf8")).title;
  }
  exports.theme = (req) => load(path.join(paths.nodeModules, req.params.id, "theme.json"));
  exports.upload = (req) => load(path.join(paths.uploads, req.params.name));
  exports.config = () => JSON.parse(fs.readFileSync(path.join(paths.nodeModules, "..", "settings.json"), "utf8")).title;
`;

const valid: ValidCase[] = [
  { name: "jsonParseExternal: an installed theme's theme.json under paths.nodeModules", filename: "src/controllers/admin/themes.js", code: THEME },
  { name: "jsonParseExternal: a helper every call hands a plugin's or the public/ folder's language file", filename: "src/meta/languages.js", code: LANGUAGES },
  { name: "jsonParseExternal: another style, a literal node_modules part and a file beside a module resolution", filename: "src/icons.ts", code: ICONS },
];

const invalid: InvalidCase[] = [
  {
    name: "jsonParseExternal: a helper also handed an upload's path, and a join climbing out of node_modules",
    code: MIXED,
    filename: "src/pages.js",
    findings: [
      { case: "jsonParseExternal", line: 5, column: 10, endColumn: 62, suggestions: [mark(MIXED, "jsonParseExternal", 5)] },
      { case: "jsonParseExternal", line: 9, column: 24, endColumn: 112, suggestions: [mark(MIXED, "jsonParseExternal", 9)] },
    ],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
