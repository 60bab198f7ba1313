import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Conventions of the held round 21 labellers (issue 11, session 21) as hand-written analogues: a
// client a handler builds and never reads (tune Amorim95/lovable-immo-flow
// supabase/functions/verify-domain/index.ts:33), a helper whose every call nobody waits on (tune
// DDiscua/telegramBot logger/winston.ts:53), libraries with a bound of their own (grammY, rss-parser)
// or outside the defaults table (ConvexHttpClient, QStash, Deno's smtp, GramJS), a mongoose client
// judged at its connect call, and a browser-named factory in a module that imports next/headers.

const NEXT = { "package.json": '{ "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0" } }\n' };
const NODE = { "package.json": '{ "name": "bot", "dependencies": { "axios": "1.7.0", "winston": "3.13.0" } }\n' };
const FETCH_FIX = "global: { fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(10000) }) }";
const SUPABASE_TITLE = "Give supabase-js a fetch that aborts after 10000 ms";

const UNUSED_LOCAL = dedent`
  import { createClient } from "npm:@supabase/supabase-js@2";
  Deno.serve(async (req) => {
    const { domain } = await req.json();
    const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
    const res = await fetch(\`https://dns.example.net/resolve?name=\${domain}\`, { signal: AbortSignal.timeout(5000) });
    return new Response(JSON.stringify({ ok: res.ok }));
  });
`;

const TRANSPORT = (caller: string) => dedent`
  import axios from "axios";
  import Transport from "winston-transport";
  const shipLine = async (line: { level: string; message: string }) => {
    return axios.post("https://logs.example.com/v1/intake", [line]).catch((e) => console.log("ship failed", e));
  };
  export class ShipTransport extends Transport {
    log(line: { level: string; message: string }, done: () => void) {
      ${caller}
      done();
    }
  }
`;

const valid: (string | ValidCase)[] = [
  { code: UNUSED_LOCAL, filename: "supabase/functions/verify-domain/index.ts" },
  { code: TRANSPORT("shipLine(line);"), filename: "src/logger.ts", files: NODE },
  { code: TRANSPORT("void shipLine(line);"), filename: "src/logger.ts", files: NODE },
  // grammY's API client aborts each call after timeoutSeconds (500 s by default).
  { code: 'import { Bot } from "grammy";\nexport const bot = new Bot(process.env.BOT_TOKEN!);\nbot.command("start", (ctx) => ctx.reply("hi"));\nbot.start();\n', filename: "src/bot.ts" },
  // rss-parser: a timeout of its own (60 s when unset).
  { code: 'import Parser from "rss-parser";\nconst parser = new Parser({ timeout: 15000 });\nexport async function headlines(url: string) {\n  return (await parser.parseURL(url)).items;\n}\n', filename: "server/feeds.ts" },
  // Libraries outside the defaults table: not judged.
  { code: 'import { ConvexHttpClient } from "convex/browser";\nconst convex = new ConvexHttpClient(process.env.CONVEX_URL!);\nexport async function GET() { return Response.json(await convex.query("clients:list" as never, {})); }\n', filename: "app/api/clients/route.ts", files: NEXT },
  { code: 'import { Client } from "@upstash/qstash";\nconst qstash = new Client({ token: process.env.QSTASH_TOKEN! });\nexport async function POST() { return Response.json(await qstash.schedules.list()); }\n', filename: "app/api/admin/schedules/route.ts", files: NEXT },
  { code: 'import { SmtpClient } from "https://deno.land/x/smtp/mod.ts";\nDeno.serve(async () => {\n  const client = new SmtpClient();\n  await client.connectTLS({ hostname: "smtp.example.com", port: 465, username: "u", password: Deno.env.get("SMTP_PASS")! });\n  await client.send({ from: "a@example.com", to: "b@example.com", subject: "Reminder", content: "Soon" });\n  await client.close();\n  return new Response("sent");\n});\n', filename: "supabase/functions/send-reminders/index.ts" },
  { code: 'import { TelegramClient } from "telegram";\nimport { StringSession } from "telegram/sessions";\nexport const client = new TelegramClient(new StringSession(process.env.TG_SESSION), Number(process.env.TG_API_ID), process.env.TG_API_HASH!, { connectionRetries: 5 });\n', filename: "src/telegram/telegram.service.ts" },
  // mongoose: bounded by default (serverSelectionTimeoutMS 30 s), judged at the connect call.
  { code: 'const mongoose = require("mongoose");\nmongoose.connect(process.env.MONGO_URI).then(() => console.log("db up"));\n', filename: "src/db.js" },
];

// Production growthbook (tool at f2a9fa6): node-fetch v2's timeout through the project's fetch wrapper,
// a drain that took the failed job off its queue before the try, a poll whose exit reads the clock.
const WRAPPED = (init: string) => `import { fetch } from "back-end/src/util/http.util";\nexport async function verifyKey(url: string, key: string) {\n  return fetch(url, { headers: { authorization: key }${init} });\n}\n`;
const DRAIN = dedent`
  const queue: Array<{ payload: object; resolve(r: object): void }> = [];
  function dispatch(worker: { send(p: object): void }) {
    if (!queue.length) return;
    const job = queue.shift();
    if (!job) return;
    try {
      worker.send(job.payload);
    } catch (e) {
      job.resolve({ ok: false, error: String(e) });
      dispatch(worker);
    }
  }
`;
const POLL = (exit: string) => dedent`
  function pollDelayMs(elapsed: number) {
    return elapsed < 600_000 ? 5_000 : 0;
  }
  export async function waitForRun(api: { get(id: string): Promise<{ status: string }> }, id: string, startedAt: number) {
    let run = await api.get(id);
    while (run.status === "running") {
      const wait = pollDelayMs(${exit});
      if (wait === 0) break;
      await new Promise((r) => setTimeout(r, wait));
      run = await api.get(id);
    }
    return run;
  }
`;
valid.push(
  { code: WRAPPED(", timeout: 10000"), filename: "src/services/keys.ts" },
  { code: DRAIN, filename: "src/sandbox/pool.ts" },
  { code: POLL("Date.now() - startedAt"), filename: "src/services/runs.ts" },
);

const HEADERS_MODULE = dedent`
  import { createClient } from "@supabase/supabase-js";
  import { cookies } from "next/headers";
  export async function readSession() {
    return (await cookies()).get("sb-session")?.value;
  }
  /** Client-side Supabase client: use this in client components. */
  export function createClientSupabaseClient() {
    return createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { auth: { persistSession: true } });
  }
`;
const UNUSED_MODULE = dedent`
  import { createClient } from "npm:@supabase/supabase-js@2";
  const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
  Deno.serve(async () => new Response("ok"));
`;
const AWAITED_TOO = TRANSPORT("shipLine(line);").replace("    done();", "    done();\n  }\n  async flush(line: { level: string; message: string }) {\n    await shipLine(line);");
const SCRIPT = 'const axios = require("axios");\nasync function main() {\n  const { data } = await axios.get("https://api.example.com/export");\n  console.log(data.length);\n}\nmain();\n';

const NO_INIT = WRAPPED("");
const NO_CLOCK = POLL("0");
const SAME_JOB = DRAIN.replace("const job = queue.shift();", "const job = queue[0];");

const invalid: InvalidCase[] = [
  {
    name: "a poll whose exit reads no clock has no deadline",
    code: NO_CLOCK,
    findings: [{ case: "retry", line: 6, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: NO_CLOCK.replace("  while (", "  let attempt = 0;\n  while (").replace("    run = await api.get(id);\n  }", "    run = await api.get(id);\n    if (++attempt >= 5) throw new Error(\"Gave up after 5 attempts\");\n  }") }] }],
    output: null,
  },
  {
    name: "a drain that calls itself for the job still at the head retries it",
    code: SAME_JOB,
    findings: [{ case: "retry", line: 10, column: 5, endColumn: 21, suggestions: [{ title: "Try again after 5000 ms", output: SAME_JOB.replace("    dispatch(worker);", "    setTimeout(() => dispatch(worker), 5000);") }] }],
    output: null,
  },
  {
    name: "the project's fetch wrapper with no timeout stays reported",
    code: NO_INIT,
    filename: "src/services/keys.ts",
    findings: [{ case: "call", line: 3, column: 10, endColumn: 15, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: NO_INIT.replace("authorization: key } }", "authorization: key }, signal: AbortSignal.timeout(10000) }") }] }],
    output: null,
  },
  {
    name: "a browser-named factory in a module that imports next/headers is server code",
    code: HEADERS_MODULE,
    filename: "lib/supabase.ts",
    files: NEXT,
    findings: [{ case: "client", line: 8, column: 10, endColumn: 22, suggestions: [{ title: SUPABASE_TITLE, output: HEADERS_MODULE.replace("{ auth: { persistSession: true } }", `{ auth: { persistSession: true }, ${FETCH_FIX} }`) }] }],
    output: null,
  },
  {
    name: "a client of the module's setup is judged where it is built, used or not",
    code: UNUSED_MODULE,
    filename: "supabase/functions/get-products/index.ts",
    findings: [{ case: "client", line: 2, column: 18, endColumn: 30, suggestions: [{ title: SUPABASE_TITLE, output: UNUSED_MODULE.replace('Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!)', `Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!, { ${FETCH_FIX} })`) }] }],
    output: null,
  },
  {
    name: "a helper also awaited stays reported",
    code: AWAITED_TOO,
    filename: "src/logger.ts",
    files: NODE,
    findings: [{ case: "call", line: 4, column: 10, endColumn: 20, suggestions: [{ title: "Set timeout to 10000 ms", output: AWAITED_TOO.replace("[line])", "[line], { timeout: 10000 })") }] }],
    output: null,
  },
  {
    name: "a script's main() at the top level is waited for by the process",
    code: SCRIPT,
    filename: "scripts/export.js",
    findings: [{ case: "call", line: 3, column: 26, endColumn: 35, suggestions: [{ title: "Set timeout to 10000 ms", output: SCRIPT.replace('"https://api.example.com/export")', '"https://api.example.com/export", { timeout: 10000 })') }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
