import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// False classes of the novuhq/novu production audit (issue 11; eval/production/novuhq__novu.json), as
// hand-written analogues: axios-retry's `retryDelay` written as a method; `maxRetries: Infinity` on a
// reconnecting socket (reconnects need a delay, not a cap); a monorepo's test-support package; a Vite
// front end whose server framework is only a devDependency (a dev proxy); a fetch of a page-relative
// URL, which only a browser can run.

const valid: ValidCase[] = [
  {
    name: "axiosRetry whose retryDelay is written as a method (capped backoff)",
    code: dedent`
      import axios from "axios";
      import axiosRetry from "axios-retry";

      export function withRetries(client = axios, minDelay = 1, maxDelay = 30) {
        axiosRetry(client, {
          retries: 3,
          retryDelay(retryCount) {
            return Math.min(retryCount * minDelay, maxDelay) * 1000;
          },
        });
      }
    `,
  },
  {
    name: "maxRetries: Infinity on a reconnecting WebSocket's options: reconnects need a delay but no cap",
    code: dedent`
      import ws from "ws";
      import ReconnectingWebSocket from "reconnecting-websocket";

      export function connect(url: string) {
        return new ReconnectingWebSocket(url, [], { WebSocket: ws, connectionTimeout: 2000, maxRetries: Infinity });
      }
    `,
  },
  {
    name: "maxRetries: Infinity next to a reconnection delay",
    code: dedent`
      export const socketOptions = { minReconnectionDelay: 1000, maxReconnectionDelay: 10000, maxRetries: Infinity };
    `,
  },
  {
    name: "a monorepo's test-support package (libs/testing) posting to the local test server",
    filename: "libs/testing/src/notifications.service.ts",
    files: {"libs/testing/package.json":"{\"name\":\"@acme/testing\",\"dependencies\":{\"axios\":\"^1.7.0\"}}\n"},
    code: dedent`
      import axios from "axios";

      export async function triggerEvent(token: string, name: string) {
        await axios.post("http://127.0.0.1:1336/v1/events/trigger", { name }, { headers: { authorization: \`ApiKey \${token}\` } });
      }
    `,
  },
  {
    name: "a Vite dashboard's API client: express only in devDependencies (a dev proxy) does not make it a server",
    filename: "apps/dashboard/src/api/api.client.ts",
    files: {"apps/dashboard/package.json":"{\"name\":\"dashboard\",\"dependencies\":{\"react-dom\":\"^18.3.1\"},\"devDependencies\":{\"vite\":\"^5.4.1\",\"express\":\"^4.21.0\"}}\n"},
    code: dedent`
      import { API_HOSTNAME } from "../config";

      export async function request<T>(endpoint: string): Promise<T> {
        const response = await fetch(\`\${API_HOSTNAME}/v1\${endpoint}\`);
        return (await response.json()) as T;
      }
    `,
  },
  {
    name: "a console snippet in scripts/ that fetches a page-relative URL: only a browser can run it",
    filename: "scripts/saved-replies.js",
    code: dedent`
      function post(body) {
        return fetch("replies", { method: "POST", mode: "cors", credentials: "include", body });
      }
      module.exports = { post };
    `,
  },
];

const invalid: InvalidCase[] = [
      {
        name: "a retryDelay method that answers 0 is no delay: stays reported",
        code: dedent`
          import axios from "axios";
          import axiosRetry from "axios-retry";

          axiosRetry(axios, {
            retries: 3,
            retryDelay() {
              return 0;
            },
          });
        `,
        findings: [
          { case: "retry", line: 4, column: 1, endLine: 4, endColumn: 11, suggestions: [] },
        ],
        output: null,
      },
      {
        name: "maxRetries: Infinity with no reconnecting socket around it stays reported",
        code: dedent`
          import pRetry from "p-retry";

          export const run = (job: () => Promise<void>) => pRetry(job, { maxRetries: Infinity, connectionTimeout: 2000 });
        `,
        findings: [
          { case: "retry", line: 3, column: 64, endLine: 3, endColumn: 84, suggestions: [
            { title: "Retry at most 5 times", output: dedent`
              import pRetry from "p-retry";

              export const run = (job: () => Promise<void>) => pRetry(job, { maxRetries: 5, connectionTimeout: 2000 });
            ` },
          ] },
        ],
        output: null,
      },
      {
        name: "a Vite app whose express is a runtime dependency (it serves the API too) stays a server file",
        filename: "apps/dashboard/src/api/api.client.ts",
        files: {"apps/dashboard/package.json":"{\"name\":\"dashboard\",\"dependencies\":{\"react-dom\":\"^18.3.1\",\"express\":\"^4.21.0\"},\"devDependencies\":{\"vite\":\"^5.4.1\"}}\n"},
        code: dedent`
          import { API_HOSTNAME } from "../config";

          export async function request<T>(endpoint: string): Promise<T> {
            const response = await fetch(\`\${API_HOSTNAME}/v1\${endpoint}\`);
            return (await response.json()) as T;
          }
        `,
        findings: [
          { case: "call", line: 4, column: 26, endLine: 4, endColumn: 31, suggestions: [
            { title: "Abort after 10000 ms with AbortSignal.timeout", output: dedent`
              import { API_HOSTNAME } from "../config";

              export async function request<T>(endpoint: string): Promise<T> {
                const response = await fetch(\`\${API_HOSTNAME}/v1\${endpoint}\`, { signal: AbortSignal.timeout(10000) });
                return (await response.json()) as T;
              }
            ` },
          ] },
        ],
        output: null,
      },
      {
        name: "a package whose name only contains testing (libs/ab-testing) is product code",
        filename: "libs/ab-testing/src/client.ts",
        files: {"libs/ab-testing/package.json":"{\"name\":\"@acme/ab-testing\",\"dependencies\":{\"axios\":\"^1.7.0\"}}\n"},
        code: dedent`
          import axios from "axios";

          export async function assign(userId: string) {
            return (await axios.post("https://experiments.example.com/assign", { userId })).data;
          }
        `,
        findings: [
          { case: "call", line: 4, column: 17, endLine: 4, endColumn: 27, suggestions: [
            { title: "Set timeout to 10000 ms", output: dedent`
              import axios from "axios";

              export async function assign(userId: string) {
                return (await axios.post("https://experiments.example.com/assign", { userId }, { timeout: 10000 })).data;
              }
            ` },
          ] },
        ],
        output: null,
      },
      {
        name: "a script fetching an absolute URL stays reported",
        filename: "scripts/sync.js",
        code: dedent`
          async function sync() {
            const res = await fetch("https://api.example.com/replies");
            return res.json();
          }
          module.exports = { sync };
        `,
        findings: [
          { case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: [
            { title: "Abort after 10000 ms with AbortSignal.timeout", output: dedent`
              async function sync() {
                const res = await fetch("https://api.example.com/replies", { signal: AbortSignal.timeout(10000) });
                return res.json();
              }
              module.exports = { sync };
            ` },
          ] },
        ],
        output: null,
      },
];

// Only the cases the invalid rows name are declared (the family's main table exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
