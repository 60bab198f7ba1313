import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Classes from the production triage of medusajs/medusa (issue 11), as hand-written analogues:
// an axios client to the local test server in test support under integration-tests/.

const AXIOS_PKG = '{ "name": "integration-tests", "dependencies": { "axios": "^1.7.0", "express": "^4.21.0" } }';
const CLIENT = 'import axios from "axios";\nexport const api = axios.create({ baseURL: "http://localhost:9000" });\n';

// A shared HTTP helper whose init is built in the file and handed to a private helper under a
// property (ka4-today-bot src/shared/http/httpClient.ts:89): no caller can pass a signal.
const HELPER = (build: string, extra = "") => dedent`
  type Params = { url: string; requestInit: RequestInit; label: string };

  async function handleFetch({ url, requestInit, label }: Params): Promise<unknown> {
    const response = await fetch(url, requestInit);
    if (!response.ok) throw new Error(label);
    return response.json();
  }

  export async function httpRequest(path: string, method = "GET", body: string | null = null${extra}) {
    const { requestInit } = buildRequest(method, body);
    return handleFetch({ url: "https://api.example.com" + path, requestInit, label: "api" });
  }

  export function buildRequest(method: string, body: string | null) {
    ${build}
    return { requestInit, printable: body ?? "null" };
  }
`;
const NO_SIGNAL = HELPER("const requestInit: RequestInit = { method, headers: { accept: \"application/json\" }, ...(body ? { body } : {}) };");

const valid: ValidCase[] = [
  { name: "the built init carries a timeout signal", code: HELPER("const requestInit: RequestInit = { method, signal: AbortSignal.timeout(5000) };") },
  { name: "the built init spreads what the caller gave", code: HELPER("const requestInit: RequestInit = { method, ...init };", ", init: RequestInit = {}") },
  {
    name: "an exported helper's destructured init stays the caller's",
    code: dedent`
      export async function handleFetch({ url, requestInit }: { url: string; requestInit: RequestInit }) {
        return fetch(url, requestInit);
      }
    `,
  },
  { name: "a test server's client under integration-tests/ (integration-tests/environment-helpers/use-api.js:9)", filename: "integration-tests/environment-helpers/use-api.ts", files: { "integration-tests/package.json": AXIOS_PKG }, code: CLIENT },
  { name: "the same in a test package of its own inside integration-tests/", filename: "integration-tests/http/helpers/api.ts", files: { "integration-tests/http/package.json": AXIOS_PKG }, code: CLIENT },
  { name: "a mock server client under __fixtures__/", filename: "src/http/__fixtures__/client.ts", files: { "package.json": AXIOS_PKG }, code: CLIENT },
];

const invalid: InvalidCase[] = [
  {
    name: "a private helper's destructured init built in the file without a signal",
    code: NO_SIGNAL,
    findings: [{ case: "call", line: 4, column: 26, endColumn: 31, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: NO_SIGNAL.replace("fetch(url, requestInit)", "fetch(url, { ...requestInit, signal: AbortSignal.timeout(10000) })") }] }],
    output: null,
  },
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
