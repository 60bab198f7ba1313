import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester } from "../../helpers/rule-tester";

// Session 34 (xmod34): a project module that hands out an outbound library as it is (halcyon-node-api's
// `utils/http.ts`, reexport.ts) is found in a monorepo's own workspace packages too: `import http from
// "@acme/http"`, a folder of the same pnpm or npm workspace resolved to its source (src/profile/workspace.ts,
// ProjectFiles.resolve). Before, only a relative import was read. Hand-written, in two workspace shapes.

// This table declares only the case its rows name.
const narrowed = { ...unboundedCall, cases: { call: unboundedCall.cases.call } } as typeof unboundedCall;

const AXIOS = "Set timeout to 10000 ms";
const axiosModule = (setup = "") => `import axios from "axios";\nimport axiosRetry from "axios-retry";\naxiosRetry(axios, { retries: 3 });\n${setup}export default axios;\n`;
// pnpm: packages/http's `exports` names its built entry (absent) by the `import` condition.
const PNPM = (setup = "") => ({
  "package.json": '{ "name": "acme", "private": true, "dependencies": { "axios": "^1.7.0", "@acme/http": "workspace:*" } }',
  "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
  "packages/http/package.json": '{ "name": "@acme/http", "exports": { ".": { "import": "./dist/index.mjs" } } }',
  "packages/http/src/index.ts": axiosModule(setup),
});
const PROVIDER = 'import http from "@acme/http";\nexport const getUser = (token: string) => http.get(`https://oauth2.example.com/tokeninfo?id_token=${token}`);\n';

// npm workspaces and got-like naming: `shared/net` (no exports, `main` without `./`), required whole by CommonJS.
const NPM = (setup = "") => ({
  "package.json": '{ "name": "mono", "workspaces": ["services/*", "shared/*"], "dependencies": { "axios": "^1.7.0", "net-kit": "*" } }',
  "shared/net/package.json": '{ "name": "net-kit", "main": "index.js" }',
  "shared/net/index.js": axiosModule(setup),
});
const WEBHOOK = 'import client from "net-kit";\nexport async function notify(url: string, payload: object) {\n  await client.post(url, payload);\n}\n';

new RuleTester().run(narrowed, {
  valid: [
    { name: "a pnpm workspace package that sets axios.defaults.timeout before handing it out", filename: "apps/api/src/google.ts", files: PNPM("axios.defaults.timeout = 5000;\n"), code: PROVIDER },
    { name: "an npm workspace package that sets an interceptor before handing it out", filename: "services/hooks/src/notify.ts", files: NPM("axios.interceptors.request.use((c) => c);\n"), code: WEBHOOK },
  ],
  invalid: [
    {
      name: "axios's default instance handed out by a pnpm workspace package (exports -> absent dist, read from src)",
      filename: "apps/api/src/google.ts",
      files: PNPM(),
      code: PROVIDER,
      findings: [{ case: "call", line: 2, column: 43, endColumn: 51, suggestions: [{ title: AXIOS, output: PROVIDER.replace("${token}`)", "${token}`, { timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "axios's default instance handed out by an npm workspace package (main without ./)",
      filename: "services/hooks/src/notify.ts",
      files: NPM(),
      code: WEBHOOK,
      findings: [{ case: "call", line: 3, column: 9, endColumn: 20, suggestions: [{ title: AXIOS, output: WEBHOOK.replace("payload);", "payload, { timeout: 10000 });") }] }],
      output: null,
    },
  ],
});
