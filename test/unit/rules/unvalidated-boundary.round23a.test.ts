import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 23 (issue 11): the classes of fetchJson's misses and false positives over the tune part
// (held round 22 retired), written into docs/rules/unvalidated-boundary.md. Hand-written
// analogues, not the repositories' code.

// An API client class holding an axios instance in a field assigned in the constructor.
const CLASS_FIELD_AXIOS = dedent`
  import axios, { AxiosInstance } from "axios";
  export class JobsClient {
    private client: AxiosInstance;
    constructor(key: string) {
      this.client = axios.create({ baseURL: "https://jobs.example.com", headers: { key } });
    }
    async start(prompt: string) {
      const response = await this.client.post("/jobs", { prompt });
      return { id: response.data.id, state: response.data.state };
    }
  }
`;

// The same, the instance a field initializer; another field (not made by axios.create) is no instance.
const CLASS_FIELD_INIT = dedent`
  import axios from "axios";
  import { http } from "./http";
  export class Pages {
    private api = axios.create({ baseURL: "https://pages.example.com" });
    private other = http;
    async title(id: string) {
      const res = await this.api.get(\`/pages/\${id}\`);
      const more = await this.other.get(\`/pages/\${id}\`);
      return [res.data.title, more.data.title];
    }
  }
`;

// A `let` declared empty, given an axios response in each branch: one input, read below.
const LET_AXIOS = dedent`
  import axios from "axios";
  export async function callSite(method: string, url: string, data: unknown) {
    let resp;
    if (method === "GET") {
      resp = await axios.get(url, { timeout: 5000 });
    } else {
      resp = await axios.post(url, data, { timeout: 5000 });
    }
    return resp.data.items.map((i: { id: string }) => i.id);
  }
`;

// A field that is not an axios instance: nothing to report.
const CLASS_FIELD_OTHER = dedent`
  import axios from "axios";
  import { makeClient } from "./client";
  export class Feed {
    private client = makeClient();
    ping() {
      return axios.isAxiosError(null);
    }
    async items() {
      const res = await this.client.get("/items");
      return res.data.items;
    }
  }
`;


// What a reply's fields reach (fetchJson): tested, logged, wording an error, or (status tested first)
// answered back is no use; handed back whole past a test, stored, or answered unchecked is.

// Status tested, success tested, the error field only words the thrown error.
const OK_SUCCESS_TESTED = dedent`
  import { logger } from "../lib/logger";
  export async function sendViaBot(url: string, to: string, text: string) {
    const response = await fetch(url, { method: "POST", body: JSON.stringify({ to, text }) });
    if (!response.ok) throw new Error(\`bot answered \${response.status}\`);
    const result = await response.json();
    if (!result.success) {
      logger.error("bot refused", result);
      throw new Error(result.error || "send failed");
    }
  }
`;

// Status tested, one field logged through an optional link, the reply returned to callers out of sight.
const OK_LOGGED_RETURNED = dedent`
  export async function postMessage(token: string, chatId: number, text: string): Promise<any> {
    const response = await fetch(\`https://api.telegram.org/bot\${token}/sendMessage\`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: chatId, text }),
    });
    if (!response.ok) throw new Error(\`Telegram \${response.status}\`);
    const result: any = await response.json();
    console.log("sent", { chatId, messageId: result.result?.message_id });
    return result;
  }
`;

// Status tested, fields relayed in the answer, some through arithmetic or a fallback.
const OK_RELAYED_ARITHMETIC = dedent`
  import { NextResponse } from "next/server";
  export async function GET() {
    const response = await fetch("https://metals.example.com/v1/XAU", { headers: { "x-key": process.env.METALS_KEY ?? "" } });
    if (!response.ok) return NextResponse.json({ error: "upstream" }, { status: 502 });
    const data = await response.json();
    return NextResponse.json({ ounce: data.price, gram: data.price / 31.1035, at: data.timestamp * 1000, currency: data.currency || "USD" });
  }
`;

// An element read through optional links into a local, presence-tested, its error wording the thrown error.
const OK_ELEMENT_LOCAL = dedent`
  export async function sendBatch(base: string, jid: string, body: string) {
    const response = await fetch(\`\${base}/trpc/send?batch=1\`, { method: "POST", body: JSON.stringify({ jid, body }) });
    if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
    const result = await response.json();
    const data = result[0]?.result?.data?.json;
    if (data && data.sent) {
      console.log(\`sent to \${jid}\`);
      return true;
    }
    throw new Error(data?.error ?? "send failed");
  }
`;

// The page's own API by a relative path: still input (the production triage keeps such reads as
// debatable findings; the round-22 labellers called them clean debatable).
const OWN_RELATIVE_AXIOS = dedent`
  import axios from "axios";
  export async function checkoutKey(): Promise<string> {
    const response = await axios.get("/api/checkout-config");
    return response.data.key;
  }
`;

// The reply answered back whole without its status tested: an error body goes back as the data.
const RELAYED_UNTESTED = dedent`
  export default async function handler(req: Request) {
    const { placeId } = Object.fromEntries(new URL(req.url).searchParams);
    const response = await fetch(\`https://maps.example.com/place?id=\${encodeURIComponent(placeId ?? "")}\`);
    const data = await response.json();
    return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
  }
`;

// A token endpoint's reply kept in a module-level variable: stored as the server's credentials.
const TOKEN_KEPT = dedent`
  let accessToken: string | undefined;
  export async function exchange(code: string) {
    const res = await fetch("https://oauth.example.com/token", { method: "POST", body: new URLSearchParams({ code }) });
    if (!res.ok) throw new Error(\`token exchange failed: \${res.status}\`);
    const tokens = await res.json();
    accessToken = tokens.access_token;
    console.log("logged in");
  }
  export function authHeader() {
    return { Authorization: \`Bearer \${accessToken}\` };
  }
`;

// Status never tested: a test on the body decides whether the code goes on (a null body crashes there).
const UNTESTED_GATE = dedent`
  export async function cityOf(cep: string) {
    const res = await fetch(\`https://viacep.example.com/ws/\${cep}/json/\`);
    const body = await res.json();
    if (body.erro) return null;
    return "found";
  }
`;

// The same app's API by an absolute URL: input like any other host's.
const ABSOLUTE_OWN_API = dedent`
  export async function loadTodos() {
    const response = await fetch("https://todo.example.com/api/todos");
    const result = await response.json();
    if (result.success) return result.data.map((t) => t.title);
    return [];
  }
`;

// A page's length compared with a number, then every element pushed on: a use.
const PAGES_PUSHED = dedent`
  export async function allPages(base: string, token: string) {
    const all: unknown[] = [];
    for (let page = 1; ; page++) {
      const res = await fetch(\`\${base}/items?page=\${page}\`, { headers: { Authorization: \`Bearer \${token}\` } });
      if (!res.ok) throw new Error(\`items: \${res.status}\`);
      const items = await res.json();
      if (items.length === 0) break;
      all.push(...items);
    }
    return all;
  }
`;

// A count read from the reply compared with a number decides the flow: a use (only a word or a flag decides nothing).
const COUNT_COMPARED = dedent`
  export async function assertEmpty(url: string) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(\`count failed: \${res.status}\`);
    const json = await res.json();
    const rows = json.data?.[0]?.n ?? 0;
    if (rows === 0) return;
    console.error(\`aborting: \${rows} rows already there\`);
    process.exit(2);
  }
`;

// An error body's message in an Error handed to a callback, not thrown: a use (debatable).
const ERROR_TO_CALLBACK = dedent`
  type Callback = (err: Error | null, info: { id: string } | null) => void;
  export function send(url: string, body: string, callback: Callback) {
    fetch(url, { method: "POST", body }).then((res) => {
      if (res.status >= 200 && res.status <= 299) return callback(null, { id: "" });
      res
        .json()
        .then((data) => callback(new Error(\`mail error: \${data.message}\`), null))
        .catch((err) => callback(err, null));
    });
  }
`;

// A body field used as a lookup key, then the body spread whole into an update: two harms, two findings.
const LOOKUP_THEN_SPREAD = dedent`
  import express from "express";
  import { User } from "./models/User";
  const app = express();
  app.post("/profile", async (req, res) => {
    const user = await User.findOne({ username: req.body.username });
    if (!user) return res.sendStatus(404);
    await User.updateOne({ _id: user._id }, { ...req.body });
    res.json({ ok: true });
  });
`;

// nango's false classes (production triage): a body value used as a key only behind Object.hasOwn on the same map.
const OWN_KEY_GUARD = dedent`
  import express from "express";
  const METHOD_BY_TYPE = { totp: "app", sms: "phone" } as const;
  const app = express();
  app.post("/mfa/verify", (req, res) => {
    const type = req.body?.type;
    const method = type && Object.hasOwn(METHOD_BY_TYPE, type) ? METHOD_BY_TYPE[type as keyof typeof METHOD_BY_TYPE] : undefined;
    console.log("mfa", { method });
    res.sendStatus(204);
  });
`;

// The same lookup with no own-key guard: a property key.
const KEY_UNGUARDED = dedent`
  import express from "express";
  const LABELS: Record<string, string> = { a: "Alpha", b: "Beta" };
  const app = express();
  app.get("/label", (req, res) => {
    const key = String(req.query.key);
    res.json({ label: LABELS[key] });
  });
`;

// A window message whose field only gates the handler, the message read nowhere past the gate (the event handed to a helper that reads its origin).
const MESSAGE_GATE_ONLY = dedent`
  export function listen(allowedOrigin: string) {
    const ack = (evt: MessageEvent) => {
      (evt.source as Window | null)?.postMessage({ type: "ack" }, evt.origin);
    };
    window.addEventListener("message", (evt: MessageEvent) => {
      if (evt.data?.type !== "oauth_done") return;
      if (evt.origin !== allowedOrigin) return;
      ack(evt);
    });
  }
`;

// The same gate, the message read again below it: the gate lets the message on.
const MESSAGE_GATE_THEN_READ = dedent`
  export function listen(allowedOrigin: string, show: (m: string) => void) {
    window.addEventListener("message", (evt: MessageEvent) => {
      if (evt.data?.type !== "oauth_error") return;
      if (evt.origin !== allowedOrigin) return;
      localStorage.setItem("last-error", evt.data.payload.message);
      show("failed");
    });
  }
`;

// The package's own checked-in YAML, one folder above the module (its package root), and a script reading
// a checked-in file of the repository by a path from the root: files that ship with the code.
const PACKAGE_YAML = dedent`
  import fs from "node:fs";
  import path from "node:path";
  import yaml from "js-yaml";
  const pkgRoot = path.join(__filename, "../../");
  export function loadProviders() {
    const file = path.join(pkgRoot, "providers.yaml");
    const entries = yaml.load(fs.readFileSync(file).toString()) as Record<string, { name: string }>;
    return Object.keys(entries).map((k) => entries[k].name);
  }
`;
const REPO_FILE_SCRIPT = dedent`
  import fs from "node:fs/promises";
  import yaml from "js-yaml";
  const providersPath = "packages/providers/providers.yaml";
  const providers = yaml.load(await fs.readFile(providersPath, "utf8")) as Record<string, { docs: string }>;
  for (const [name, p] of Object.entries(providers)) console.log(name, p.docs);
`;
const PACKAGE_FILES = {
  "packages/providers/package.json": '{ "name": "providers" }\n',
  "packages/providers/providers.yaml": "github:\n  name: GitHub\n",
  "scripts/package.json": '{ "name": "scripts" }\n',
};

// A checked-in file deeper in a folder above the module (not beside a package.json): still input (debatable).
const DEEP_ABOVE = dedent`
  import { readFileSync } from "node:fs";
  import { dirname, join } from "node:path";
  import { fileURLToPath } from "node:url";
  const __dirname = dirname(fileURLToPath(import.meta.url));
  const en = JSON.parse(readFileSync(join(__dirname, "..", "locales", "en.json"), "utf8"));
  for (const [k, v] of Object.entries(en)) console.log(k, v.length);
`;

// A webhook's fields only logged, through optional links and fallbacks, or as fields of a destructured part
// read into a log line's text: nothing of the body goes on.
const FIELDS_ONLY_LOGGED = dedent`
  import { Router, type Request, type Response } from "express";
  const router = Router();
  router.post("/webhook", async (req: Request, res: Response) => {
    const update = req.body;
    console.log("update", { id: update.update_id, text: update.message?.text, from: update.message?.from?.id || update.callback_query?.from?.id });
    res.json({ ok: true });
  });
  router.post("/paid", async (req: Request, res: Response) => {
    const { event, object } = req.body;
    if (event === "payment.succeeded") console.log(\`paid \${object.id} for \${object.metadata?.user}\`);
    res.json({ ok: true });
  });
  export default router;
`;

const valid: ValidCase[] = [
  { name: "class field: not made by axios.create", code: CLASS_FIELD_OTHER, filename: "src/feed.ts" },
  { name: "own file: the package's YAML one folder above the module", code: PACKAGE_YAML, filename: "packages/providers/lib/index.ts", files: PACKAGE_FILES },
  { name: "own file: a script reading a checked-in file of the repository from the root", code: REPO_FILE_SCRIPT, filename: "scripts/sync.ts", files: PACKAGE_FILES },
  { name: "body: fields only logged through optional links, fallbacks and a destructured part", code: FIELDS_ONLY_LOGGED, filename: "server/routes/webhook.ts" },
  { name: "key: behind Object.hasOwn on the same map (an allowlist)", code: OWN_KEY_GUARD, filename: "src/routes/mfa.ts" },
  { name: "message: a field only gates the handler, read nowhere past the gate", code: MESSAGE_GATE_ONLY, filename: "src/views/oauth.ts" },
  { name: "reply: status and success tested, the error field only words the thrown error", code: OK_SUCCESS_TESTED, filename: "src/jobs/send.ts" },
  { name: "reply: a field logged through an optional link, the reply returned whole", code: OK_LOGGED_RETURNED, filename: "src/lib/telegram.ts" },
  { name: "reply: fields relayed in the answer through arithmetic and a fallback", code: OK_RELAYED_ARITHMETIC, filename: "app/api/gold/route.ts" },
  { name: "reply: an element's field in a local, presence-tested, wording the error", code: OK_ELEMENT_LOCAL, filename: "src/send.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "class field: axios instance assigned in the constructor",
    code: CLASS_FIELD_AXIOS,
    filename: "src/jobs.ts",
    findings: [{ case: "fetchJson", line: 9, column: 18, endColumn: 31, suggestions: [mark(CLASS_FIELD_AXIOS, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "class field: axios instance as the field's initializer",
    code: CLASS_FIELD_INIT,
    filename: "src/pages.ts",
    findings: [{ case: "fetchJson", line: 9, column: 13, endColumn: 21, suggestions: [mark(CLASS_FIELD_INIT, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "let: one axios response assigned in two branches",
    code: LET_AXIOS,
    filename: "src/site.ts",
    findings: [{ case: "fetchJson", line: 9, column: 10, endColumn: 19, suggestions: [mark(LET_AXIOS, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "reply: answered back whole, its status never tested",
    code: RELAYED_UNTESTED,
    filename: "supabase/functions/place/index.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(RELAYED_UNTESTED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "reply: a token kept in a module-level variable",
    code: TOKEN_KEPT,
    filename: "src/auth.ts",
    findings: [{ case: "fetchJson", line: 5, column: 24, endColumn: 34, suggestions: [mark(TOKEN_KEPT, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "reply: status untested, a test on the body gates the code",
    code: UNTESTED_GATE,
    filename: "src/cep.ts",
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(UNTESTED_GATE, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "reply: a page's length compared with a number, its elements pushed on",
    code: PAGES_PUSHED,
    filename: "src/pages.ts",
    findings: [{ case: "fetchJson", line: 6, column: 25, endColumn: 35, suggestions: [mark(PAGES_PUSHED, "fetchJson", 6)] }],
    output: null,
  },
  {
    name: "reply: a count compared with a number",
    code: COUNT_COMPARED,
    filename: "scripts/backfill.ts",
    findings: [
      {
        case: "fetchJson",
        line: 4,
        column: 22,
        endColumn: 32,
        suggestions: [
          {
            title: "Validate res.json() with Zod (adds the zod dependency)",
            output: dedent`
              import { z } from "zod";

              const AssertEmptyResponse = z.object({ data: z.array(z.object({ n: z.number().nullish() })) });

              export async function assertEmpty(url: string) {
                const res = await fetch(url);
                if (!res.ok) throw new Error(\`count failed: \${res.status}\`);
                const json = AssertEmptyResponse.parse(await res.json());
                const rows = json.data?.[0]?.n ?? 0;
                if (rows === 0) return;
                console.error(\`aborting: \${rows} rows already there\`);
                process.exit(2);
              }
            `,
          },
          mark(COUNT_COMPARED, "fetchJson", 4),
        ],
      },
    ],
    output: null,
  },
  {
    name: "reply: an error body's message in an Error handed to a callback",
    code: ERROR_TO_CALLBACK,
    filename: "src/mail.ts",
    findings: [{ case: "fetchJson", line: 5, column: 5, endLine: 6, endColumn: 14, suggestions: [mark(ERROR_TO_CALLBACK, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "own API by a relative path: input (debatable)",
    code: OWN_RELATIVE_AXIOS,
    filename: "lib/checkout.ts",
    findings: [{ case: "fetchJson", line: 4, column: 10, endColumn: 23, suggestions: [mark(OWN_RELATIVE_AXIOS, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "own API by an absolute URL: input",
    code: ABSOLUTE_OWN_API,
    filename: "public/todos.js",
    findings: [{ case: "fetchJson", line: 3, column: 24, endColumn: 39, suggestions: [mark(ABSOLUTE_OWN_API, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "body: a field as a lookup key, then the body spread into an update (two findings)",
    code: LOOKUP_THEN_SPREAD,
    filename: "src/routes/profile.ts",
    findings: [
      { case: "expressBody", line: 5, column: 47, endColumn: 55, suggestions: [mark(LOOKUP_THEN_SPREAD, "expressBody", 5)] },
      { case: "expressBody", line: 7, column: 48, endColumn: 56, suggestions: [mark(LOOKUP_THEN_SPREAD, "expressBody", 7)] },
    ],
    output: null,
  },
  {
    name: "key: a lookup with no own-key guard",
    code: KEY_UNGUARDED,
    filename: "src/routes/label.ts",
    findings: [
      {
        case: "expressQuery",
        line: 5,
        column: 22,
        endColumn: 31,
        suggestions: [
          {
            title: "Validate req.query with Zod (adds the zod dependency)",
            output: dedent`
              import express from "express";
              import { z } from "zod";
              const LABELS: Record<string, string> = { a: "Alpha", b: "Beta" };
              const app = express();
              const GetLabelQuery = z.object({ key: z.string().optional() });

              app.get("/label", (req, res) => {
                const parsed = GetLabelQuery.safeParse(req.query);
                if (!parsed.success) {
                  res.status(400).json({ error: parsed.error.issues });
                  return;
                }
                const key = String(parsed.data.key);
                res.json({ label: LABELS[key] });
              });
            `,
          },
          mark(KEY_UNGUARDED, "expressQuery", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "message: the gate lets the message on, read again below",
    code: MESSAGE_GATE_THEN_READ,
    filename: "src/views/oauth.ts",
    findings: [{ case: "postMessageData", line: 3, column: 9, endColumn: 17, suggestions: [mark(MESSAGE_GATE_THEN_READ, "postMessageData", 3)] }],
    output: null,
  },
  {
    name: "own file: the same read where the project holds no such file (written at run time)",
    code: PACKAGE_YAML,
    filename: "packages/providers/lib/index.ts",
    files: { "packages/providers/package.json": '{ "name": "providers" }\n' },
    findings: [
      {
        case: "jsonParseExternal",
        line: 7,
        column: 19,
        endColumn: 62,
        suggestions: [
          {
            title: "Validate yaml.load(fs.readFileSync(file).toStrin… with Zod (adds the zod dependency)",
            output: dedent`
              import fs from "node:fs";
              import path from "node:path";
              import yaml from "js-yaml";
              import { z } from "zod";
              const pkgRoot = path.join(__filename, "../../");
              const LoadProvidersData = z.record(z.string(), z.object({ name: z.string() }));

              export function loadProviders() {
                const file = path.join(pkgRoot, "providers.yaml");
                const entries = LoadProvidersData.parse(yaml.load(fs.readFileSync(file).toString())) as Record<string, { name: string }>;
                return Object.keys(entries).map((k) => entries[k].name);
              }
            `,
          },
          mark(PACKAGE_YAML, "jsonParseExternal", 7),
        ],
      },
    ],
    output: null,
  },
  {
    name: "own file: a checked-in file deeper in a folder above the module stays input",
    code: DEEP_ABOVE,
    filename: "scripts/missing-messages.js",
    files: { "locales/en.json": "{}\n" },
    findings: [{ case: "jsonParseExternal", line: 5, column: 12, endColumn: 89, suggestions: [mark(DEEP_ABOVE, "jsonParseExternal", 5)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 23 fetchJson classes (ub23)", () => {
  runWithNamedCases(valid, invalid);
});
