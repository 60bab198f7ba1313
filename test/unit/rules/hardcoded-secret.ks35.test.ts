import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer ks35: production keystone's sampled false findings (eval/production,
// seed 20261351). Typed passwords in a test of `examples/testing/`, a package of its own inside the
// repository's `examples/` (the folder conventions were judged below that package.json only, so
// the examples exemption was lost), and the DocSearch key passed to the script-tag global
// `window.docsearch({ appId, apiKey, indexName })`. Hand-written analogues; every value is fabricated.
// This table declares only the case its rows name.
const narrowed = { ...rule, cases: { suspiciousName: rule.cases.suspiciousName } } as typeof rule;

const keystoneTest = dedent`
  test("creates a user", async () => {
    const person = await context.query.User.createOne({ data: { name: "Alice", password: "dont-use-me" } });
    assert.equal(person.name, "Alice");
  });
`;

// Another framework and style: an Express sample server two folders into \`samples/\`, CommonJS.
const expressSample = dedent`
  const users = [{ username: "demo", password: "not-a-real-pass" }];
  app.post("/login", (req, res) => res.json({ ok: users.some((u) => u.password === req.body.password) }));
`;

const docsearchGlobal = dedent`
  if (window.docsearch) {
    window.docsearch({ appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs", inputSelector: "#search" });
  }
`;
// A Vue component loading the same widget through \`globalThis\`.
const docsearchThis = 'onMounted(() => globalThis.docsearch({ appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs", container: "#search" }));';
// An admin client built through some other object's method: no DocSearch widget.
const adminClient = 'export const client = search.init({ appId: "Q2W4E6R8T0", apiKey: "7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f", indexName: "mydocs" });';

const valid: ValidCase[] = [
  { name: "a test in a package of its own under the project's examples/", code: keystoneTest, filename: "examples/testing/example-test.ts", files: { "examples/testing/package.json": "{}" } },
  { name: "another framework: an Express sample server two levels into samples/", code: expressSample, filename: "samples/express-login/server/app.js", files: { "samples/express-login/server/package.json": "{}" } },
  { name: "a demo package in a pnpm workspace whose root has only pnpm-workspace.yaml", code: keystoneTest, filename: "repo/demo/shop/src/seed.ts", files: { "repo/demo/shop/package.json": "{}", "repo/pnpm-workspace.yaml": "packages:\n  - demo/*\n" } },
  { name: "window.docsearch(…): the DocSearch global of the script tag", code: docsearchGlobal, filename: "docs/components/Header.tsx" },
  { name: "globalThis.docsearch(…) in a Vue component", code: docsearchThis, filename: "docs/components/Search.vue.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: the same test in a package outside any examples folder",
    code: keystoneTest,
    filename: "apps/accounts/src/user-flow.ts",
    files: { "apps/accounts/package.json": "{}" },
    findings: [
      {
        case: "suspiciousName",
        line: 2,
        column: 88,
        endColumn: 101,
        suggestions: [
          { title: "Move secret to process.env.PASSWORD", output: keystoneTest.replace('"dont-use-me"', 'process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })()') },
          { title: "Mark as not a secret…", output: keystoneTest.replace("  const person", "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  const person") },
        ],
      },
    ],
    output: null,
  },
  {
    name: "neighbour: a project checked out under a folder named examples, with nothing around it",
    code: expressSample,
    filename: "home/examples/express-login/app.js",
    files: { "home/examples/express-login/package.json": "{}" },
    findings: [{ case: "suspiciousName", line: 1, column: 46, endColumn: 63, suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: expressSample.replace('"not-a-real-pass"', 'process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${expressSample}` },
    ] }],
    output: null,
  },
  {
    name: "neighbour: an appId/apiKey/indexName object passed to another object's method",
    code: adminClient,
    filename: "scripts/index-docs.ts",
    findings: [{ case: "suspiciousName", line: 1, column: 66, endColumn: 100, suggestions: [
      { title: "Move secret to process.env.API_KEY", output: adminClient.replace('"7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2f"', 'process.env.API_KEY ?? (() => { throw new Error("API_KEY is not set"); })()') },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${adminClient}` },
    ] }],
    output: null,
  },
];

new RuleTester().run(narrowed, { valid, invalid });
