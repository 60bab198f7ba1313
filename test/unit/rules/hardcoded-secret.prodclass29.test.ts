import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production karakeep (eval/production, seed 20261239), session 26, developer prodclass29: Algolia
// DocSearch's key in a docs site's config (Docusaurus `themeConfig.algolia`, VitePress `search: {
// provider: "algolia" }`, `docsearch({…})`), a search-only key that runs in every visitor's browser.
// Hand-written analogues; every value is fabricated.

const DOCUSAURUS = dedent`
  const config = {
    themeConfig: {
      algolia: {
        appId: "Q2W4E6R8T0",
        apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f",
        indexName: "mydocs",
        contextualSearch: true,
      },
    },
  };
  export default config;
`;

// The same three keys with no DocSearch holder: an indexing script's client may hold the admin key.
const INDEXER = 'export const algoliaIndex = { appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs" };';

const valid: (string | ValidCase)[] = [
  { code: DOCUSAURUS, filename: "docs/docusaurus.config.ts" },
  // Docusaurus 1's DocSearch config has no appId.
  { code: 'module.exports = { themeConfig: { algolia: { apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs" } } };', filename: "website/docusaurus.config.js" },
  { code: 'export default { themeConfig: { search: { provider: "algolia", options: { appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs" } } } };', filename: "docs/.vitepress/config.ts" },
  { code: 'docsearch({ appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs", container: "#search" });', filename: "src/search.ts" },
  { code: 'const ALGOLIA: ThemeConfig["algolia"] = { appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs" };\nexport default ALGOLIA;', filename: "www/configs/algolia.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: appId, apiKey and indexName with no DocSearch holder",
    code: INDEXER,
    filename: "scripts/index-docs.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 1,
        column: 60,
        endColumn: 94,
        suggestions: [
          { title: "Move secret to process.env.ALGOLIA_INDEX_API_KEY", output: INDEXER.replace('"7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f"', 'process.env.ALGOLIA_INDEX_API_KEY ?? (() => { throw new Error("ALGOLIA_INDEX_API_KEY is not set"); })()') },
          { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${INDEXER}` },
        ],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
