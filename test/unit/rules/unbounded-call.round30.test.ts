import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 30 (retired to tune), session 27, developer ucs27. Hand-written rows.

// A Stripe Apps UI extension runs in the dashboard's sandboxed frame (ijn-kruso/stripeworker's
// stripeworker-ui, labelled clean): its package is the browser's, whatever its folders are called.
const UI_EXTENSION = '{ "name": "ui", "dependencies": { "@stripe/ui-extension-sdk": "^8.10.0", "react": "17.0.2", "stripe": "^14.0.0" } }';
const API_CALL = 'export async function startExport(accountId: string) {\n  const res = await fetch("https://api.example.com/export/start", { method: "POST", body: JSON.stringify({ accountId }) });\n  return res.json();\n}\n';

// A script's own fetch helper that hands its init on unchanged, every call passing options without a
// signal (codestudio-live-test-wednesday scripts/force-test-users.mjs:37, labelled a finding).
const HELPER = (exported: string, call: string) => dedent`
  ${exported}async function fetchJson(url, options) {
    const response = await fetch(url, options);
    return response.json();
  }
  export async function listUsers(base) {
    return ${call};
  }
`;

// This table declares only the cases its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "call: a Stripe Apps UI extension's API module (browser)", code: API_CALL, filename: "src/api.ts", files: { "package.json": UI_EXTENSION } },
    { name: "call: a package with a stripe-app.json and React (browser)", code: API_CALL, filename: "src/api.ts", files: { "package.json": '{ "dependencies": { "react": "17.0.2" } }', "stripe-app.json": '{ "id": "com.example.app" }' } },
    { name: "call: an exported fetch helper stays the caller's", code: HELPER("export ", 'fetchJson(`${base}/users`, { method: "GET" })'), filename: "scripts/users.mjs" },
    { name: "call: a helper one caller gives a signal", code: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", signal: AbortSignal.timeout(5000) })'), filename: "scripts/users.mjs" },
    { name: "call: a helper called with options from elsewhere", code: HELPER("", "fetchJson(`${base}/users`, base.init)"), filename: "scripts/users.mjs" },
  ],
  invalid: [
    {
      name: "call: the same module in a Hono backend",
      code: API_CALL,
      filename: "src/api.ts",
      files: { "package.json": '{ "dependencies": { "hono": "4.0.0", "@stripe/ui-extension-sdk": "^8.10.0" } }' },
      findings: [{ case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: API_CALL.replace("{ accountId }) }", "{ accountId }), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: a file-local fetch helper whose every call passes options without a signal",
      code: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", headers: { apikey: "k" } })'),
      filename: "scripts/users.mjs",
      findings: [{ case: "call", line: 2, column: 26, endLine: 2, endColumn: 31, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: HELPER("", 'fetchJson(`${base}/users`, { method: "GET", headers: { apikey: "k" } })').replace("fetch(url, options)", "fetch(url, { ...options, signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
  ],
});
