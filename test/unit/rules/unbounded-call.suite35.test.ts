import rule from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer fc35: production mendableai/firecrawl (apps/test-suite/utils/supabase.ts:25, triaged false): a
// monorepo's test package named `test-suite` (its own package.json, jest and load-test scripts) is test support, like
// `integration-tests/` and `e2e/`. Hand-written rows: the Supabase client of that package, an axios client in a
// `testsuite/` folder of another project, and a product folder that only contains the word, still reported.

const SUITE_PKG = '{ "name": "test-suite", "scripts": { "test:suite": "jest" }, "dependencies": { "@supabase/supabase-js": "^2.43.0", "jest": "^30.0.0" } }';
const SUPABASE = 'import { createClient } from "@supabase/supabase-js";\nexport const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_TOKEN!);\n';
const API_PKG = '{ "name": "api", "dependencies": { "axios": "^1.7.0", "express": "^4.21.0" } }';
const CLIENT = 'import axios from "axios";\nexport const api = axios.create({ baseURL: "http://localhost:3002" });\n';

const valid: ValidCase[] = [
  { name: "client: the Supabase client of a monorepo package named test-suite", filename: "apps/test-suite/utils/supabase.ts", files: { "apps/test-suite/package.json": SUITE_PKG }, code: SUPABASE },
  { name: "client: an axios client in a testsuite/ folder of the server's project", filename: "testsuite/helpers/api.ts", files: { "package.json": API_PKG }, code: CLIENT },
];

const invalid: InvalidCase[] = [
  {
    name: "client: a product folder whose name only contains the words stays reported",
    filename: "src/suite-tests-runner/client.ts",
    files: { "package.json": API_PKG },
    code: CLIENT,
    findings: [{ case: "client", line: 2, column: 20, endColumn: 32, suggestions: [{ title: "Set timeout to 10000 ms", output: 'import axios from "axios";\nexport const api = axios.create({ baseURL: "http://localhost:3002", timeout: 10000 });\n' }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
