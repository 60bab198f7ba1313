import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 44 (hsuc), production false findings: a call nobody waits on, written as a statement whose chain has a
// `.then(…)` handler that answers nobody (hedgedoc's start-up PROPFIND probe in a constructor, `fetch(…).then((r) => {
// if (!r.ok) throw … }).catch(…)`; firecrawl's customer webhook `axios.post(…).then((res) => logWebhook(…)).catch(…)`).
// The handler only logs, records or checks the answer, so the chain is as fired and forgotten as
// `fetch(u).catch(() => {})`. A handler that answers someone, by calling or assigning through a parameter of a function
// around the chain (`res.json(data)`, `cb(null, r)`, `resolve(r)`), or given by name, keeps the call reported; so does a
// script that runs its own `main()` (spacebar's stress script: its process waits for every request still open).

const FILES = { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0", "axios": "^1.7.0" } }\n' };

// hedgedoc's style: a Nest-like service whose constructor probes the storage once.
const PROBE = `export class WebdavBackend {
  private baseUrl: string;
  constructor(connectionString: string) {
    this.baseUrl = new URL(connectionString).toString();
    fetch(this.baseUrl, { method: "PROPFIND", headers: { Depth: "0" } })
      .then((response) => {
        if (!response.ok) {
          throw new Error(\`Can't access \${this.baseUrl}\`);
        }
      })
      .catch(() => {
        throw new Error(\`Can't access \${this.baseUrl}\`);
      });
  }
}
`;
// firecrawl's style: the webhook post logged on both paths, its outcome read by nobody.
const WEBHOOK = `import axios from "axios";
import { logger, logWebhook } from "./log";

export async function callWebhook(teamId: string, url: string, data: unknown) {
  axios
    .post(url, { type: "crawl.page", data }, { headers: { "Content-Type": "application/json" } })
    .then((res) => {
      logWebhook({ success: res.status < 300, teamId, url, statusCode: res.status });
    })
    .catch((error) => {
      logger.error("Failed to send webhook", { error });
      logWebhook({ success: false, teamId, url });
    });
}
`;
// A cache warmed in the background: the second handler stores the answer for later readers.
const WARM = `let rates: unknown;

export function warmRates() {
  fetch("https://api.frankfurter.app/latest")
    .then((r) => r.json())
    .then((data) => {
      rates = data;
    })
    .catch(() => {});
}
`;
// An Express handler that answers with the chain's result.
const ANSWER = `import express from "express";
const app = express();
app.get("/rates", (req, res) => {
  fetch("https://api.frankfurter.app/latest")
    .then((r) => r.json())
    .then((data) => res.json(data))
    .catch(() => res.status(502).end());
});
`;
// A callback API built on the chain: the caller waits for cb.
const CALLBACK = `import axios from "axios";
export function loadProfile(id: string, cb: (err: Error | null, p?: unknown) => void) {
  axios.get(\`https://api.acme.io/profiles/\${id}\`).then((r) => cb(null, r.data)).catch(cb);
}
`;
// A promise settled from the handler.
const SETTLE = `export function ping(url: string) {
  return new Promise((resolve) => {
    fetch(url).then((r) => resolve(r.ok)).catch(() => resolve(false));
  });
}
`;
// A handler given by name: its body is not read.
const NAMED = `import { onRates } from "./rates";
export function refresh() {
  fetch("https://api.frankfurter.app/latest").then(onRates).catch(() => {});
}
`;

// spacebar's stress script: the same chain in a file that runs its own main(); the process waits for the requests.
const STRESS = `const endpoint = process.env.API || "http://localhost:3001";

async function main() {
  for (let i = 0; i < 50; i++) {
    fetch(\`\${endpoint}/api/auth/register\`, { method: "POST", body: JSON.stringify({ username: \`test\${i}\` }) }).then(() => {});
    console.log(i);
  }
}

main().then(() => {});
`;

const valid: ValidCase[] = [
  { name: "a constructor's probe whose .then only checks the status", code: PROBE, filename: "src/media/webdav-backend.ts", files: FILES },
  { name: "a webhook post whose .then only logs", code: WEBHOOK, filename: "src/services/webhook.ts", files: FILES },
  { name: "a background fetch whose .then stores the answer in the module", code: WARM, filename: "src/rates.ts", files: FILES },
];

const invalid: InvalidCase[] = [
  { name: "a handler answers the request with the chain's result", code: ANSWER, filename: "src/server.ts", files: FILES, output: null, findings: [{ case: "call", line: 4, column: 3, endColumn: 8, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: ANSWER.replace('fetch("https://api.frankfurter.app/latest")', 'fetch("https://api.frankfurter.app/latest", { signal: AbortSignal.timeout(10000) })') }] }] },
  { name: "a .then handler calls the caller's callback", code: CALLBACK, filename: "src/profile.ts", files: FILES, output: null, findings: [{ case: "call", line: 3, column: 3, endColumn: 12, suggestions: [{ title: "Set timeout to 10000 ms", output: CALLBACK.replace("/profiles/${id}`)", "/profiles/${id}`, { timeout: 10000 })") }] }] },
  { name: "a .then handler settles the promise returned", code: SETTLE, filename: "src/ping.ts", files: FILES, output: null, findings: [{ case: "call", line: 3, column: 5, endColumn: 10, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: SETTLE.replace("fetch(url)", "fetch(url, { signal: AbortSignal.timeout(10000) })") }] }] },
  { name: "a script that runs its own main(): its process waits for the chain", code: STRESS, filename: "scripts/stress/users.js", files: FILES, output: null, findings: [{ case: "call", line: 5, column: 5, endColumn: 10, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: STRESS.replace("JSON.stringify({ username: `test${i}` }) }", "JSON.stringify({ username: `test${i}` }), signal: AbortSignal.timeout(10000) }") }] }] },
  { name: "a .then handler given by name", code: NAMED, filename: "src/refresh.ts", files: FILES, output: null, findings: [{ case: "call", line: 3, column: 3, endColumn: 8, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: NAMED.replace('fetch("https://api.frankfurter.app/latest")', 'fetch("https://api.frankfurter.app/latest", { signal: AbortSignal.timeout(10000) })') }] }] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
