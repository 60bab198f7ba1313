import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer ks35: production keystone's sampled false finding (eval/production, seed
// 20261351): a second test suite in `tests2/`, a package of its own beside the repository's
// package.json, whose harness builds the database clients the tests use. Hand-written analogues.

const PG_HARNESS = dedent`
  import { Pool } from "pg";

  export function testPool(url: string) {
    return new Pool({ connectionString: url });
  }
`;

// Another style: an axios call in a CommonJS helper of a \`test1/\` folder (no package of its own).
const AXIOS_HELPER = dedent`
  const axios = require("axios");

  async function seedUser(name) {
    const res = await axios.post("http://127.0.0.1:4000/users", { name });
    return res.data.id;
  }
  module.exports = { seedUser };
`;

const ROOT = { "package.json": '{ "name": "repo", "private": true }\n' };

const valid: ValidCase[] = [
  {
    name: "a test suite package named tests2 beside the repository's package.json",
    code: PG_HARNESS,
    filename: "tests2/utils.ts",
    files: { ...ROOT, "tests2/package.json": '{ "name": "@acme/node-tests", "private": true, "devDependencies": { "pg": "^8.11.0" } }\n' },
  },
  {
    name: "a test-utils package at the repository's root (a pnpm workspace)",
    code: PG_HARNESS,
    filename: "test-utils/src/db.ts",
    files: { "package.json": '{ "name": "repo" }\n', "pnpm-workspace.yaml": "packages:\n  - test-utils\n", "test-utils/package.json": '{ "name": "@acme/test-utils", "dependencies": { "pg": "^8.11.0" } }\n' },
  },
  {
    name: "another style: a CommonJS axios helper in a test1/ folder of the project",
    code: AXIOS_HELPER,
    filename: "test1/helpers.js",
    files: { "package.json": '{ "name": "api", "dependencies": { "axios": "^1.7.0", "express": "^4.19.0" } }\n' },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: the same harness checked out on its own in a folder named tests2 (nothing above it)",
    code: PG_HARNESS,
    filename: "home/tests2/src/db.ts",
    files: { "home/tests2/package.json": '{ "name": "tests2", "dependencies": { "pg": "^8.11.0" } }\n' },
    findings: [{ case: "client", line: 4, column: 14, endColumn: 18, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: PG_HARNESS.replace("{ connectionString: url }", "{ connectionString: url, connectionTimeoutMillis: 5000 }") }] }],
    output: null,
  },
  {
    name: "neighbour: a folder whose name only starts with test (testimonials/) is the product",
    code: AXIOS_HELPER,
    filename: "testimonials/helpers.js",
    files: { "package.json": '{ "name": "api", "dependencies": { "axios": "^1.7.0", "express": "^4.19.0" } }\n' },
    findings: [{ case: "call", line: 4, column: 21, endColumn: 31, suggestions: [{ title: "Set timeout to 10000 ms", output: AXIOS_HELPER.replace("{ name });", "{ name }, { timeout: 10000 });") }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
