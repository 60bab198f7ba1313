import rule from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Classes from the production triage of medusajs/medusa (issue 11), as hand-written analogues:
// an axios client to the local test server in test support under integration-tests/.

const AXIOS_PKG = '{ "name": "integration-tests", "dependencies": { "axios": "^1.7.0", "express": "^4.21.0" } }';
const CLIENT = 'import axios from "axios";\nexport const api = axios.create({ baseURL: "http://localhost:9000" });\n';

const valid: ValidCase[] = [
  { name: "a test server's client under integration-tests/ (integration-tests/environment-helpers/use-api.js:9)", filename: "integration-tests/environment-helpers/use-api.ts", files: { "integration-tests/package.json": AXIOS_PKG }, code: CLIENT },
  { name: "the same in a test package of its own inside integration-tests/", filename: "integration-tests/http/helpers/api.ts", files: { "integration-tests/http/package.json": AXIOS_PKG }, code: CLIENT },
  { name: "a mock server client under __fixtures__/", filename: "src/http/__fixtures__/client.ts", files: { "package.json": AXIOS_PKG }, code: CLIENT },
];

const invalid: InvalidCase[] = [
  {
    name: "a product folder that only contains the word stays reported",
    filename: "src/ab-tests-service/client.ts",
    files: { "package.json": AXIOS_PKG },
    code: CLIENT,
    findings: [{ case: "client", line: 2, column: 20, endColumn: 32, suggestions: [{ title: "Set timeout to 10000 ms", output: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "http://localhost:9000", timeout: 10000 });\n' }] }],
    output: null,
  },
];

// Only the cases the invalid rows name are declared (unbounded-call.test.ts exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
