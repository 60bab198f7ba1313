import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 42 (hsuc): Nitro's and Nuxt's `$fetch` (ofetch), which held round 27 decided is a call finding (debatable: no
// default timeout) and the rule did not report: the six FNs of retired held round 45 (percentbet `server/api/featured.get.ts:3`,
// `polymarket.get.ts:10`; future-xplorer `server/utils/s3.ts:23`, `server/api/s3/images/urls.post.ts:12`; hpl-crm
// `services/fasttrakInit.ts:46`, `services/fasttrakRequest.ts:44`). The global `$fetch` is judged in Nitro's server code
// only: a module under `server/`, or one only such modules import; a relative URL is Nitro's in-process call to the app's
// own route. Its fix sets ofetch's own `timeout`. hpl-crm's options spread a local arrow's literal of headers
// (`...config(key, systemId)`): judged as that literal.

const NUXT = { "package.json": '{ "name": "app", "private": true, "type": "module", "dependencies": { "nuxt": "^4.2.1", "vue": "^3.5.0" } }' };

// percentbet's style: a Nitro event handler asking a public API.
const HANDLER = (options: string) => `export default defineEventHandler(async () => {
  return await $fetch("https://gamma-api.polymarket.com/events", { query: { active: true }${options} });
});
`;
// Another style: a server util in JavaScript, ofetch imported by name.
const UTIL = (options: string) => `import { ofetch } from "ofetch";
export async function download(url) {
  return await ofetch(url, { responseType: "blob"${options} });
}
`;
// hpl-crm's style: a service module only the server's routes import, its options spreading a local arrow's headers.
const SERVICE = (options: string) => `export async function fasttrakAuth(key: string, systemId: string) {
  const config = (k: string, id: string) => ({ headers: { "Partner-Access-Key": k, "System-Id": id } });
  return await $fetch("https://api.ifasttrak.com/partner/api/authentication", { method: "POST", ...config(key, systemId)${options} });
}
`;
const SERVICE_FILES = { ...NUXT, "server/api/reservations.get.ts": 'import { fasttrakAuth } from "~/services/fasttrakInit";\nexport default defineEventHandler(() => fasttrakAuth("k", "s"));\n' };
// The neighbours: a composable (the page runs it too), and the app's own route.
const COMPOSABLE = 'export const usePrices = () => $fetch("https://api.acme.io/prices");\n';
const OWN_ROUTE = 'export default defineEventHandler(() => $fetch("/api/prices"));\n';

const valid: ValidCase[] = [
  { name: "$fetch with ofetch's timeout", code: HANDLER(", timeout: 10000"), filename: "server/api/featured.get.ts", files: NUXT },
  { name: "ofetch with a signal (JS)", code: UTIL(", signal: AbortSignal.timeout(10000)"), filename: "server/utils/download.js", files: NUXT },
  { name: "the service with a timeout", code: SERVICE(", timeout: 10000"), filename: "services/fasttrakInit.ts", files: SERVICE_FILES },
  { name: "$fetch in a composable (the page runs it too)", code: COMPOSABLE, filename: "composables/usePrices.ts", files: NUXT },
  { name: "$fetch of the app's own route (Nitro calls it in process)", code: OWN_ROUTE, filename: "server/api/summary.get.ts", files: NUXT },
  { name: "a service module a page imports too", code: SERVICE(""), filename: "services/fasttrakInit.ts", files: { ...SERVICE_FILES, "pages/index.ts": 'import { fasttrakAuth } from "~/services/fasttrakInit";\nexport const x = fasttrakAuth;\n' } },
];

const invalid: InvalidCase[] = [
  { name: "$fetch in a Nitro handler with no timeout", code: HANDLER(""), filename: "server/api/featured.get.ts", files: NUXT, output: null, findings: [
    { case: "call", line: 2, column: 16, endColumn: 22, suggestions: [{ title: "Set ofetch's timeout to 10000 ms", output: HANDLER(", timeout: 10000") }] },
  ] },
  { name: "ofetch imported in a server util with no timeout (JS)", code: UTIL(""), filename: "server/utils/download.js", files: NUXT, output: null, findings: [
    { case: "call", line: 3, column: 16, endColumn: 22, suggestions: [{ title: "Set ofetch's timeout to 10000 ms", output: UTIL(", timeout: 10000") }] },
  ] },
  { name: "a service only the server imports, options spreading a local arrow's headers", code: SERVICE(""), filename: "services/fasttrakInit.ts", files: SERVICE_FILES, output: null, findings: [
    { case: "call", line: 3, column: 16, endColumn: 22, suggestions: [{ title: "Set ofetch's timeout to 10000 ms", output: SERVICE(", timeout: 10000") }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
