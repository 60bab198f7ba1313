import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production OpenPanel (eval/production, seed 20261244), session 30, developer ucfetch30. Two classes
// sampled false: a `fetch` that is a stage of the project's own query engine (`import { fetch } from
// './fetch'`, packages/db/src/engine/index.ts:44 and :63), and ioredis `maxRetriesPerRequest: null` in
// the redis package of a monorepo whose bullmq dependency is in sibling packages (packages/redis/redis.ts:105
// and :120; bullmq in packages/queue and apps/worker). Hand-written rows.

const SERVER = '{ "name": "db", "dependencies": { "express": "^4.19.0" } }\n';

// The chart engine: `fetch` imported from its own stage module.
const ENGINE = dedent`
  import { fetch } from "./fetch";
  import { plan } from "./plan";
  export async function executeChart(input: { projectId: string }) {
    const executionPlan = await plan(input);
    return fetch(executionPlan);
  }
`;
// The stage: ClickHouse queries, no HTTP.
const STAGE = dedent`
  import { chQuery } from "../clickhouse/client";
  export async function fetch(plan: { sql: string }) {
    return chQuery(plan.sql);
  }
`;
// A wrapper module of the project that declares its own `fetch` over node-fetch, or over the global fetch.
const NODE_FETCH_WRAPPER = dedent`
  import nodeFetch from "node-fetch";
  export async function fetch(url: string, init: Record<string, unknown> = {}) {
    return nodeFetch(url, init);
  }
`;
const GLOBAL_WRAPPER = dedent`
  export const fetch = (url: string, init: RequestInit = {}) => globalThis.fetch(url, { ...init, headers: { "x-app": "op" } });
`;
// A module that re-exports a fetch package under the name.
const REEXPORT = 'export { fetch } from "undici";\n';

// The file's own `fetch`, declared at the top level.
const OWN_DECL = dedent`
  import { chQuery } from "./clickhouse";
  async function fetch(sql: string) {
    return chQuery(sql);
  }
  export const load = () => fetch("select 1");
`;
const OWN_ARROW = dedent`
  import { chQuery } from "./clickhouse";
  const fetch = async (sql: string) => chQuery(sql);
  export const load = () => fetch("select 1");
`;
// The platform fetch called beside a file-level `const fetch` that is no function (kept).
const ALIAS = dedent`
  const fetch = globalThis.fetch;
  export const load = (u: string) => fetch(u);
`;
const URL_CALL = dedent`
  import { fetch } from "./http";
  export const load = (u: string) => fetch(u);
`;

// packages/redis of a pnpm workspace; bullmq in packages/queue (and apps/worker), or nowhere.
const REDIS = 'import Redis from "ioredis";\nexport const queueConnection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null, enableOfflineQueue: true });\n';
const REDIS_PKG = '{ "name": "@op/redis", "dependencies": { "ioredis": "5.8.2" } }\n';
const WORKSPACE = { "package.json": '{ "name": "@op/root", "private": true }\n', "pnpm-workspace.yaml": 'packages:\n  - "apps/*"\n  - "packages/**"\n\ncatalog:\n  zod: ^4.1.8\n', "packages/redis/package.json": REDIS_PKG };
const QUEUE_PKG = '{ "name": "@op/queue", "dependencies": { "@op/redis": "workspace:*", "bullmq": "^5.8.7" } }\n';
const WORKER_PKG = '{ "name": "worker", "dependencies": { "bullmq": "^5.8.7", "express": "^4.19.0" } }\n';
const NPM_WORKSPACES = { "package.json": '{ "name": "root", "private": true, "workspaces": { "packages": ["services/*"] } }\n', "services/redis/package.json": REDIS_PKG };

const ABORT = "Abort after 10000 ms with AbortSignal.timeout";
const bounded = (code: string) => code.replace("fetch(u)", "fetch(u, { signal: AbortSignal.timeout(10000) })");
const FIXED_REDIS = REDIS.replace("maxRetriesPerRequest: null", "maxRetriesPerRequest: 20");

// This table declares only the cases its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call" || id === "client")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a fetch imported from the project's own query stage", code: ENGINE, filename: "packages/db/src/engine/index.ts", files: { "package.json": SERVER, "packages/db/src/engine/fetch.ts": STAGE } },
    { name: "a fetch the file declares as a function of its own", code: OWN_DECL, filename: "src/load.ts", files: { "package.json": SERVER } },
    { name: "a fetch the file declares as an arrow of its own", code: OWN_ARROW, filename: "src/load.ts", files: { "package.json": SERVER } },
    { name: "ioredis null in the redis package of a pnpm workspace whose queue package depends on bullmq", code: REDIS, filename: "packages/redis/redis.ts", files: { ...WORKSPACE, "packages/queue/package.json": QUEUE_PKG } },
    { name: "ioredis null where an app of the workspace depends on bullmq", code: REDIS, filename: "packages/redis/redis.ts", files: { ...WORKSPACE, "apps/worker/package.json": WORKER_PKG } },
    { name: "ioredis null in an npm workspace (workspaces.packages) with bullmq in a sibling", code: REDIS, filename: "services/redis/index.ts", files: { ...NPM_WORKSPACES, "services/queue/package.json": QUEUE_PKG } },
  ],
  invalid: [
    { name: "a project wrapper that declares fetch over node-fetch stays a fetch", code: URL_CALL, filename: "src/load.ts", files: { "package.json": SERVER, "src/http.ts": NODE_FETCH_WRAPPER }, findings: [{ case: "call", line: 2, column: 36, endColumn: 41, suggestions: [{ title: ABORT, output: bounded(URL_CALL) }] }], output: null },
    { name: "a project wrapper that declares fetch over the global fetch stays a fetch", code: URL_CALL, filename: "src/load.ts", files: { "package.json": SERVER, "src/http.ts": GLOBAL_WRAPPER }, findings: [{ case: "call", line: 2, column: 36, endColumn: 41, suggestions: [{ title: ABORT, output: bounded(URL_CALL) }] }], output: null },
    { name: "a project module that re-exports undici's fetch stays a fetch", code: URL_CALL, filename: "src/load.ts", files: { "package.json": SERVER, "src/http.ts": REEXPORT }, findings: [{ case: "call", line: 2, column: 36, endColumn: 41, suggestions: [{ title: ABORT, output: bounded(URL_CALL) }] }], output: null },
    { name: "a file-level const bound to the global fetch stays a fetch", code: ALIAS, filename: "src/load.ts", files: { "package.json": SERVER }, findings: [{ case: "call", line: 2, column: 36, endColumn: 41, suggestions: [{ title: ABORT, output: bounded(ALIAS) }] }], output: null },
    {
      name: "ioredis null in a workspace where no package depends on a queue library",
      code: REDIS,
      filename: "packages/redis/redis.ts",
      files: { ...WORKSPACE, "apps/worker/package.json": '{ "name": "worker", "dependencies": { "express": "^4.19.0" } }\n' },
      findings: [{ case: "client", line: 2, column: 68, endColumn: 94, suggestions: [{ title: "Set maxRetriesPerRequest to 20 (the ioredis default)", output: FIXED_REDIS }] }],
      output: null,
    },
  ],
});
