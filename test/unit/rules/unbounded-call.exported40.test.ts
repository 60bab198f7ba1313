import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 43 (retired to tune), session 40, developer ub40: an exported fetch wrapper that spreads an
// optional `init` is reported at its raw call when every call of it, in its own module and in every
// importer the project's importers index finds, passes no init or one with no signal (held round 27's
// project-wrapper decision, the rule's file-local reading carried across modules).
// xringsupplyadmin/x-ringsupply-manager `src/server/api/coreforce/api_util.ts:54`, debatable. Rows in
// TypeScript as in the repository, and hand-made in JavaScript with an arrow helper and `fetch(url, init)`.

const PKG = { "package.json": '{ "name": "shop", "dependencies": { "next": "^15.0.0", "inngest": "^3.0.0" } }' };

const WRAPPER = dedent`
  const HEADERS = { Authorization: \`Bearer \${process.env.CF_TOKEN}\` };

  export async function makeApiRequest(action: string, params?: object, init?: RequestInit) {
    const url = new URL("https://cf.example.com/api.php");
    url.searchParams.set("method", action);
    return await fetch(url, {
      ...init,
      headers: { ...HEADERS, ...init?.headers },
    });
  }
`;

const JS_WRAPPER = dedent`
  export const getJson = async (url, init) => {
    const res = await fetch(url, init);
    return res.json();
  };
`;

const orders = (call: string) => ({ "src/server/orders.ts": `import { makeApiRequest } from "./api_util";\nexport async function listOrders() {\n  return ${call};\n}\n` });
const contacts = { "src/server/contacts.ts": 'import { makeApiRequest } from "./api_util";\nexport const listContacts = () => makeApiRequest("GetContacts", { limit: 50 });\n' };
const passedOn = { "src/server/hooks.ts": 'import { makeApiRequest } from "./api_util";\nexport const handlers = [makeApiRequest];\n' };
const jsCaller = (call: string) => ({ "src/jobs/sync.js": `import { getJson } from "../lib/http.js";\nexport async function sync() {\n  return ${call};\n}\n` });

const callOnly = { ...unboundedCall, cases: { call: unboundedCall.cases.call } } as typeof unboundedCall;
const ABORT = "Abort after 10000 ms with AbortSignal.timeout";

new RuleTester().run(callOnly, {
  valid: [
    { name: "a caller in another module passes a signal", code: WRAPPER, filename: "src/server/api_util.ts", files: { ...PKG, ...orders('makeApiRequest("GetOrders", {}, { signal: AbortSignal.timeout(5000) })'), ...contacts } },
    { name: "a caller passes options from elsewhere", code: WRAPPER, filename: "src/server/api_util.ts", files: { ...PKG, ...orders('makeApiRequest("GetOrders", {}, someInit)') } },
    { name: "an importer hands the wrapper on as a value", code: WRAPPER, filename: "src/server/api_util.ts", files: { ...PKG, ...orders('makeApiRequest("GetOrders")'), ...passedOn } },
    { name: "no other module calls it", code: WRAPPER, filename: "src/server/api_util.ts", files: PKG },
    { name: "every importer passes a page-relative path (the page's API client, tune Live-Outage-Dashboard)", code: 'export async function api<T>(path: string, init?: RequestInit): Promise<T> {\n  const res = await fetch(path, { headers: { "Content-Type": "application/json" }, ...init });\n  return (await res.json()) as T;\n}\n', filename: "src/lib/api-client.ts", files: { ...PKG, "src/hooks/use-items.ts": 'import { api } from "../lib/api-client";\nexport const load = (id: string) => api(`/api/items/${id}`);\nexport const list = () => api("/api/items");\n' } },
    { name: "JavaScript (hand-made): a caller passes a signal", code: JS_WRAPPER, filename: "src/lib/http.js", files: { ...PKG, ...jsCaller('getJson("https://api.example.com/items", { signal })') } },
  ],
  invalid: [
    {
      name: "an exported wrapper spreading an init no importer fills (round 43, x-ringsupply-manager)",
      code: WRAPPER,
      filename: "src/server/api_util.ts",
      files: { ...PKG, ...orders('makeApiRequest("GetOrders", { page: 1 }, { method: "POST" })'), ...contacts },
      findings: [{ case: "call", line: 6, column: 16, endColumn: 21, suggestions: [{ title: ABORT, output: WRAPPER.replace("...init?.headers },\n", "...init?.headers },\n    signal: AbortSignal.timeout(10000),\n") }] }],
      output: null,
    },
    {
      name: "JavaScript (hand-made): an exported arrow helper handing its init on, every importer passing none",
      code: JS_WRAPPER,
      filename: "src/lib/http.js",
      files: { ...PKG, ...jsCaller('getJson("https://api.example.com/items")') },
      findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: ABORT, output: JS_WRAPPER.replace("fetch(url, init)", "fetch(url, { ...init, signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
  ],
});
