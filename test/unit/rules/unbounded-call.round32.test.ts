import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Held round 32 (retired to tune), session 30, developer uc30. Hand-written rows for the classes of
// round 32's unbounded-call lines and the rest of tune's decided ones.

// A Worker whose POST hands its work to ctx.waitUntil: the helpers only that work awaits are ended by the
// platform, also when a log line names the helper (khadum-webhook-final cloudflare-worker/src/worker.js,
// five fetches labelled clean). The same helper also awaited by the request stays reported.
const WORKER_PKG = '{ "name": "edge", "devDependencies": { "wrangler": "^3.80.0" } }';
const WORKER_FILES = { "package.json": WORKER_PKG, "wrangler.toml": 'name = "edge"\nmain = "src/worker.js"\n' };
const WORKER = (post: string) => dedent`
  export default {
    async fetch(request, env, ctx) {
      if (request.method === "POST") {
        ${post}
        return new Response("OK");
      }
      return new Response("Method Not Allowed", { status: 405 });
    },
  };
  async function handlePost(request, env) {
    try {
      const body = await request.json();
      await sendReply(env, body.from, "hi");
    } catch (err) {
      console.error("handlePost error:", err);
    }
  }
  async function sendReply(env, to, text) {
    await fetch(\`https://graph.facebook.com/v19.0/\${env.PHONE_ID}/messages\`, { method: "POST", body: JSON.stringify({ to, text }) });
  }
`;

// A deployed function named like a check script (Vercel's api/test-whatsapp.js answers
// /api/test-whatsapp: khadum-webhook-final, labelled a finding); a script of that name that exports
// no handler stays a manual check.
const TEST_ROUTE = (exported: string) => dedent`
  async function sendTest(to) {
    const response = await fetch("https://graph.facebook.com/v19.0/123/messages", { method: "POST", body: JSON.stringify({ to }) });
    return response.json();
  }
  ${exported}
`;
const VERCEL_HANDLER = "module.exports = async (req, res) => {\n  res.json(await sendTest(req.query.to));\n};";

// A fetch that names no network: a Blob URL made from bytes in memory, a data: URL
// (telegram-zendesk-bot src/zendesk/zendesk.service.ts:122, labelled clean).
const LOCAL_FETCH = (url: string) => dedent`
  export async function toBlob(buffer: Buffer, base64: string, mime: string) {
    const blobUrl = URL.createObjectURL(new Blob([buffer]));
    const res = await fetch(${url});
    return res.blob();
  }
`;

// A retry loop whose catch goes round for the failures it tests and rethrows the others: an exponential
// wait capped at an hour but no attempt cap (ai-bot-tg src/bot/autoRetry.ts:45, labelled a finding); the
// same under an attempt count is capped.
const AUTO_RETRY = (test: string) => dedent`
  import { HttpError } from "grammy";
  export async function call(prev: () => Promise<unknown>, pause: (s: number) => Promise<void>) {
    let backoff = 3;
    let tries = 0;
    for (;;) {
      try {
        return await prev();
      } catch (err) {
        if (${test}) {
          tries++;
          await pause(backoff);
          backoff = Math.min(3600, backoff * 2);
          continue;
        }
        throw err;
      }
    }
  }
`;

// A React Router 7 app's module that builds a pg pool through Prisma's adapter and imports a `.server`
// module (iridium app/lib/prisma.ts, labelled a finding): the server's, like a Remix app's.
const PRISMA = (envImport: string) => dedent`
  import { PrismaPg } from "@prisma/adapter-pg";
  ${envImport}
  export const adapter = new PrismaPg({ connectionString: env.DATABASE_URL });
`;
const PRISMA_FIXED = (envImport: string) => PRISMA(envImport).replace("env.DATABASE_URL }", "env.DATABASE_URL, connectionTimeoutMillis: 5000 }");
const VITE_REACT = { "react-dom": "19.0.0", react: "19.0.0", "@prisma/adapter-pg": "7.0.0" };
const RR7_PKG = JSON.stringify({ dependencies: { ...VITE_REACT, "@react-router/node": "7.0.0", "react-router": "7.0.0" }, devDependencies: { vite: "6.0.0" } });
const SPA_PKG = JSON.stringify({ dependencies: VITE_REACT, devDependencies: { vite: "6.0.0" } });

const prismaRow = (name: string, envImport: string, pkg: string): InvalidCase => ({
  name,
  code: PRISMA(envImport),
  filename: "app/lib/prisma.ts",
  files: { "package.json": pkg },
  findings: [{ case: "client", line: 3, column: 28, endLine: 3, endColumn: 36, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: PRISMA_FIXED(envImport) }] }],
  output: null,
});

// A pg Pool whose options a module of the project exports (Jtest-Backend src/config/db.ts:6, labelled a
// finding): that module is read; no fix, the options live there.
const POOL = 'import { Pool } from "pg";\nimport { DB_CONFIG } from "../utils/constants";\nexport const pool = new Pool(DB_CONFIG);\n';
const CONSTANTS = (extra: string) => `export const DB_CONFIG = {\n  host: process.env.DB_HOST,\n  password: process.env.DB_PASSWORD,${extra}\n};\n`;

// The Resend SDK built from a dynamic import (v0-video-analysis-project app/api/cron/trial-reminders/route.ts:21,
// labelled a finding).
const RESEND = dedent`
  export async function GET() {
    const key = process.env.RESEND_API_KEY;
    const resend = key ? new (await import("resend")).Resend(key) : null;
    if (resend) await resend.emails.send({ from: "a@acme.io", to: "b@acme.io", subject: "Hi", html: "<p>Hi</p>" });
    return Response.json({ ok: true });
  }
`;
const RESEND_MESSAGE = "The client built by Resend has no time limit: when the other service stalls, every call through it waits forever. It has no timeout option: give each call through it a deadline, a race against a timer.";

// A node-fetch call whose only bound is v2's `timeout` key, in a project that pins node-fetch 3, which dropped
// it (jewerly-magento-backend migrate-primestyle-files.js:306, labelled a finding, debatable).
const NODE_FETCH = 'import fetch from "node-fetch";\nexport async function download(url: string) {\n  const response = await fetch(url, { timeout: 30000 });\n  return response.arrayBuffer();\n}\n';
const nodeFetchPkg = (range: string) => `{ "dependencies": { "node-fetch": "${range}" } }`;

new RuleTester().run(unboundedCall, {
  valid: [
    { name: "call: a Worker's helpers reached only through waitUntil, a log line naming the helper", code: WORKER("ctx.waitUntil(handlePost(request.clone(), env));"), filename: "src/worker.js", files: WORKER_FILES },
    { name: "call: a check script named like a test that exports no handler", code: TEST_ROUTE("sendTest(process.argv[2]).then(console.log);"), filename: "scripts/test-whatsapp.js" },
    { name: "call: a fetch of a Blob URL made from a buffer", code: LOCAL_FETCH("URL.createObjectURL(new Blob([buffer]))"), filename: "src/zendesk.service.ts" },
    { name: "call: a fetch of a Blob URL held in a const", code: LOCAL_FETCH("blobUrl"), filename: "src/zendesk.service.ts" },
    { name: "call: a fetch of a data: URL", code: LOCAL_FETCH("`data:${mime};base64,${base64}`"), filename: "src/zendesk.service.ts" },
    { name: "retry: a catch that goes round under an attempt count, else rethrows", code: AUTO_RETRY("err instanceof HttpError && tries < 5"), filename: "src/bot/autoRetry.ts" },
    { name: "client: the same adapter in a Vite single-page app's module", code: PRISMA('import { env } from "./env";'), filename: "app/lib/prisma.ts", files: { "package.json": SPA_PKG } },
    { name: "call: a node-fetch 2 call bounded by its timeout key", code: NODE_FETCH, filename: "scripts/download.ts", files: { "package.json": nodeFetchPkg("^2.7.0") } },
    { name: "client: a pg Pool whose imported options set connectionTimeoutMillis", code: POOL, filename: "src/config/db.ts", files: { "src/utils/constants.ts": CONSTANTS("\n  connectionTimeoutMillis: 5000,") } },
  ],
  invalid: [
    {
      name: "call: the same helper when the request also awaits it",
      code: WORKER("ctx.waitUntil(handlePost(request.clone(), env));\n    await sendReply(env, \"ops\", \"received\");"),
      filename: "src/worker.js",
      files: WORKER_FILES,
      findings: [{ case: "call", line: 20, column: 9, endLine: 20, endColumn: 14, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: WORKER("ctx.waitUntil(handlePost(request.clone(), env));\n    await sendReply(env, \"ops\", \"received\");").replace("JSON.stringify({ to, text }) }", "JSON.stringify({ to, text }), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: a Vercel function named like a check script",
      code: TEST_ROUTE(VERCEL_HANDLER),
      filename: "api/test-whatsapp.js",
      findings: [{ case: "call", line: 2, column: 28, endLine: 2, endColumn: 33, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: TEST_ROUTE(VERCEL_HANDLER).replace("JSON.stringify({ to }) }", "JSON.stringify({ to }), signal: AbortSignal.timeout(10000) }") }] }],
      output: null,
    },
    {
      name: "call: a fetch of a URL held in a const that names the network",
      code: LOCAL_FETCH("blobUrl").replace("URL.createObjectURL(new Blob([buffer]))", "`https://files.example.com/${mime}`"),
      filename: "src/zendesk.service.ts",
      findings: [{ case: "call", line: 3, column: 21, endLine: 3, endColumn: 26, suggestions: [{ title: "Abort if no response headers arrive within 10000 ms (the download itself is not limited)", output: LOCAL_FETCH("blobUrl").replace("URL.createObjectURL(new Blob([buffer]))", "`https://files.example.com/${mime}`").replace("  const res = await fetch(blobUrl);", "  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 10000);\n  const res = await fetch(blobUrl, { signal: controller.signal }).finally(() => clearTimeout(timer));") }] }],
      output: null,
    },
    {
      name: "retry: a catch that goes round for the failures it tests, with no attempt cap",
      code: AUTO_RETRY("err instanceof HttpError"),
      filename: "src/bot/autoRetry.ts",
      findings: [{ case: "retry", line: 5, column: 3, endLine: 5, endColumn: 6, suggestions: [{ title: "Give up after 5 attempts", output: AUTO_RETRY("err instanceof HttpError").replace("  for (;;) {", "  let attempt = 0;\n  for (;;) {").replace("        continue;", "        if (++attempt >= 5) throw err;\n        continue;") }] }],
      output: null,
    },
    prismaRow("client: the adapter in a React Router 7 app", 'import { env } from "./env";', RR7_PKG),
    prismaRow("client: the adapter in a module that imports a .server module", 'import { env } from "~/lib/env.server";', SPA_PKG),
    {
      name: "client: a pg Pool whose imported options set no connect timeout",
      code: POOL,
      filename: "src/config/db.ts",
      files: { "src/utils/constants.ts": CONSTANTS("") },
      findings: [{ case: "client", line: 3, column: 25, endLine: 3, endColumn: 29, suggestions: [] }],
      output: null,
    },
    {
      name: "call: the same call where the manifest pins node-fetch 3",
      code: NODE_FETCH,
      filename: "scripts/download.ts",
      files: { "package.json": nodeFetchPkg("^3.3.2") },
      findings: [{ case: "call", line: 3, column: 26, endLine: 3, endColumn: 31, suggestions: [{ title: "Abort if no response headers arrive within 10000 ms (the download itself is not limited)", output: NODE_FETCH.replace("  const response = await fetch(url, { timeout: 30000 });", "  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 10000);\n  const response = await fetch(url, { timeout: 30000, signal: controller.signal }).finally(() => clearTimeout(timer));") }] }],
      output: null,
    },
    {
      name: "client: the Resend SDK built from a dynamic import",
      code: RESEND,
      filename: "app/api/cron/reminders/route.ts",
      findings: [{ case: "client", line: 3, column: 28, endLine: 3, endColumn: 59, message: RESEND_MESSAGE, suggestions: [] }],
      output: null,
    },
  ],
});
