import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found in session 21 (issue 11): the tool's own self-audit and the retired held round 20.
// Hand-written analogues, not the repositories' code.

// A cache class: the static factory reads the path it hands to the constructor, whose parameter
// property the instance writes back through the project's own atomic writer, as bytes.
const CACHE_CLASS = dedent`
  import * as fs from "node:fs";
  import { writeFileSafely } from "./io";
  interface Store { version: number; items: Record<string, string> }
  export class DiskCache {
    private constructor(readonly file: string, private items: Record<string, string>) {}
    static open(file: string): DiskCache {
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch {
        return new DiskCache(file, {});
      }
      const store = JSON.parse(text) as Store;
      return new DiskCache(file, Object.assign(Object.create(null), store.items));
    }
    save(): void {
      writeFileSafely(this.file, Buffer.from(JSON.stringify({ version: 1, items: this.items })));
    }
  }
`;

// The same with a field the constructor assigns, and fs's own writer.
const CACHE_FIELD = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  export class Counters {
    private path: string;
    private counts: Record<string, number>;
    constructor(path: string, counts: Record<string, number>) {
      this.path = path;
      this.counts = counts;
    }
    static load(path: string): Counters {
      const saved = JSON.parse(readFileSync(path, "utf8"));
      return new Counters(path, saved.counts);
    }
    bump(name: string): number {
      this.counts[name] = (this.counts[name] ?? 0) + 1;
      writeFileSync(this.path, JSON.stringify({ counts: this.counts }));
      return this.counts[name];
    }
  }
`;

// A webhook's update checked with a schema before the bot's dispatcher takes it.
const BOT_UPDATE_PARSED = dedent`
  import { Bot } from "grammy";
  import { z } from "zod";
  const Update = z.object({ update_id: z.number() }).passthrough();
  export default {
    async fetch(request: Request, env: { TOKEN: string }): Promise<Response> {
      const bot = new Bot(env.TOKEN);
      await bot.handleUpdate(Update.parse(await request.json()));
      return new Response("ok");
    },
  };
`;

// A body parsed behind a presence guard and only logged.
const GUARDED_PARSE_LOGGED = dedent`
  export const handler = async (event: { body?: string }) => {
    const update = event.body && JSON.parse(event.body);
    console.log("update received", update);
    return { statusCode: 200, body: "" };
  };
`;

// @nestjs/axios: the answer of the injected HttpService's axios instance checked with a schema.
const NEST_AXIOS_PARSED = dedent`
  import { Injectable } from "@nestjs/common";
  import { HttpService } from "@nestjs/axios";
  import { z } from "zod";
  const Rates = z.object({ rates: z.record(z.number()) });
  @Injectable()
  export class RatesService {
    constructor(private readonly http: HttpService) {}
    async euro(): Promise<number> {
      const res = await this.http.axiosRef.get("https://rates.example.com/latest");
      return Rates.parse(res.data).rates.EUR ?? 0;
    }
  }
`;

// A PostgREST query ordered by a column the code names; the client only picks the direction (compared with a literal).
const ORDER_FIXED_COLUMN = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient("https://x.supabase.co", "anon");
  export async function GET(request: NextRequest) {
    const dir = request.nextUrl.searchParams.get("dir");
    const { data } = await supabase.from("notes").select("*").order("created_at", { ascending: dir === "asc" });
    return NextResponse.json(data);
  }
`;

// The column checked against an allowlist first.
const ORDER_ALLOWLISTED = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient("https://x.supabase.co", "anon");
  const SORTABLE = ["created_at", "title"];
  export async function GET(request: NextRequest) {
    const sort = request.nextUrl.searchParams.get("sort") ?? "created_at";
    if (!SORTABLE.includes(sort)) return NextResponse.json({ error: "bad sort" }, { status: 400 });
    const { data } = await supabase.from("notes").select("*").order(sort);
    return NextResponse.json(data);
  }
`;

// Claude's JSON answer checked with a schema.
const CLAUDE_PARSED = dedent`
  import Anthropic from "@anthropic-ai/sdk";
  import { z } from "zod";
  const Tags = z.object({ tags: z.array(z.string()) });
  const anthropic = new Anthropic();
  export async function tagsOf(text: string): Promise<string[]> {
    const reply = await anthropic.messages.create({ model: "claude-x", max_tokens: 200, messages: [{ role: "user", content: text }] });
    const block = reply.content[0];
    if (block.type !== "text") return [];
    return Tags.parse(JSON.parse(block.text)).tags;
  }
`;

// A fetch wrapper of another module of the project: every return hands back the fetch Response.
const API_UTILS = dedent`
  export async function apiRequest(endpoint, options = {}) {
    const res = await fetch("https://api.example.com/" + endpoint, options);
    if (!res.ok) throw new Error("request failed: " + res.status);
    return res;
  }
  export async function cachedRequest(endpoint) {
    const hit = CACHE.get(endpoint);
    if (hit) return new Response(hit);
    return fetch("https://api.example.com/" + endpoint);
  }
  const CACHE = new Map();
`;

// The wrapper's body checked with a schema.
const IMPORTED_WRAPPER_PARSED = dedent`
  import { z } from "zod";
  import { apiRequest } from "../utils.js";
  const Channels = z.array(z.object({ id: z.string(), name: z.string() }));
  export async function channelNames(guildId) {
    const res = await apiRequest(\`guilds/\${guildId}/channels\`);
    return Channels.parse(await res.json()).map((c) => c.name);
  }
`;

// A wrapper that may answer from a cache is no fetch Response (the docs), imported or not.
const IMPORTED_CACHED = dedent`
  import { cachedRequest } from "../utils.js";
  export async function channelNames(guildId) {
    const res = await cachedRequest(\`guilds/\${guildId}/channels\`);
    const channels = await res.json();
    return channels.map((c) => c.name);
  }
`;

// A Cloudflare Queues consumer that checks each message's body with a schema.
const QUEUE_PARSED = dedent`
  import { z } from "zod";
  const Job = z.object({ userId: z.string() });
  export default {
    async queue(batch: MessageBatch<unknown>, env: { DB: D1Database }): Promise<void> {
      for (const message of batch.messages) {
        const job = Job.parse(message.body);
        await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(job.userId).run();
        message.ack();
      }
    },
  };
`;

// Chat messages read from the app's own rows are no queue: the loop is not over a consumer's batch.
const ROWS_LOOP = dedent`
  export async function digest(db: { all(sql: string): Promise<{ body: string }[]> }, store: { put(k: string, v: string): Promise<void> }) {
    const messages = await db.all("SELECT body FROM messages");
    for (const message of messages) await store.put(message.body, "seen");
  }
`;

// A relay of another module that resolves to a fetch response's text, and one that resolves to a literal.
const RELAY_MODULE = dedent`
  export const relay = (messages = []) =>
    fetch("https://relay.example.com/send", { method: "POST", body: JSON.stringify({ messages }) }).then((response) => response.text());
  export const cannedReply = () => Promise.resolve('{"choices":[]}');
`;

// The imported relay's text parsed with a schema.
const RELAY_PARSED = dedent`
  import { z } from "zod";
  import { relay } from "./relay.js";
  const Reply = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })) });
  export async function answer(messages) {
    return relay(messages).then((text) => Reply.parse(JSON.parse(text)).choices[0]?.message.content ?? "");
  }
`;

// An imported helper that resolves to its own literal: no input.
const CANNED_PARSED = dedent`
  import { cannedReply } from "./relay.js";
  export async function answer() {
    return cannedReply().then((text) => JSON.parse(text).choices.length);
  }
`;

// A helper that hands its callback its own literal text: no input.
const CALLBACK_LITERAL = dedent`
  function withDefaults(cb: (text: string) => void) {
    cb('{"theme":"dark"}');
  }
  export function load(apply: (theme: string) => void) {
    withDefaults((text) => {
      const prefs = JSON.parse(text);
      apply(prefs.theme);
    });
  }
`;

const valid: ValidCase[] = [
  { name: "a cache file read by a static factory and written by the instance at the path handed to its constructor", code: CACHE_CLASS, filename: "src/cache.ts" },
  { name: "the same with a field the constructor assigns from its parameter", code: CACHE_FIELD, filename: "src/counters.ts" },
  { name: "a webhook update parsed with a schema before the bot's dispatcher takes it", code: BOT_UPDATE_PARSED, filename: "src/worker.ts" },
  { name: "a body parsed behind a presence guard and only logged", code: GUARDED_PARSE_LOGGED, filename: "src/handler.ts" },
  { name: "@nestjs/axios: the axiosRef answer parsed with a schema", code: NEST_AXIOS_PARSED, filename: "src/rates.service.ts" },
  { name: "postgrest: ordered by a column the code names, the direction compared with a literal", code: ORDER_FIXED_COLUMN, filename: "app/api/notes/route.ts" },
  { name: "postgrest: ordered by a column checked against an allowlist", code: ORDER_ALLOWLISTED, filename: "app/api/notes/route.ts" },
  { name: "llm: Claude's JSON answer parsed with a schema", code: CLAUDE_PARSED, filename: "src/lib/tags.ts" },
  { name: "queue: a Cloudflare Queues message body parsed with a schema", code: QUEUE_PARSED, filename: "src/consumer.ts" },
  { name: "queue: a loop over the app's own rows named messages is no consumer", code: ROWS_LOOP, filename: "src/digest.ts" },
  { name: "relay: the text of an imported relay parsed with a schema", code: RELAY_PARSED, filename: "server/answer.js", files: { "server/relay.js": RELAY_MODULE } },
  { name: "relay: an imported helper resolving to its own literal is no input", code: CANNED_PARSED, filename: "server/answer.js", files: { "server/relay.js": RELAY_MODULE } },
  { name: "callback: a helper that hands its callback its own literal", code: CALLBACK_LITERAL, filename: "src/prefs.ts" },
  { name: "fetch: the body of an imported fetch wrapper parsed with a schema", code: IMPORTED_WRAPPER_PARSED, filename: "src/api/guilds.js", files: { "src/utils.js": API_UTILS } },
  { name: "fetch: an imported wrapper that may answer from a cache is no fetch Response", code: IMPORTED_CACHED, filename: "src/api/guilds.js", files: { "src/utils.js": API_UTILS } },
];

// The factory reads one path and hands the constructor another: the file read is not the one written.
const OTHER_PATH = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  export class Counters {
    constructor(readonly path: string, private counts: Record<string, number>) {}
    static importFrom(source: string, target: string): Counters {
      const saved = JSON.parse(readFileSync(source, "utf8"));
      return new Counters(target, saved.counts);
    }
    save(): void {
      writeFileSync(this.path, JSON.stringify({ counts: this.counts }));
    }
  }
`;

// A webhook's update handed whole to a function named for the bot's dispatcher, from another module.
const BOT_UPDATE_FN = dedent`
  import { Hono } from "hono";
  import { handleBotUpdate } from "./bot/dispatch";
  const app = new Hono();
  app.post("/hook", async (c) => {
    const update = await c.req.json();
    await handleBotUpdate(update, c.env);
    return c.text("ok");
  });
  export default app;
`;

// grammY's dispatcher in a Worker: the bot acts on every field as if Telegram had sent it.
const BOT_HANDLE_UPDATE = dedent`
  import { Bot } from "grammy";
  export default {
    async fetch(request: Request, env: { TOKEN: string }): Promise<Response> {
      const bot = new Bot(env.TOKEN);
      const update = await request.json();
      await bot.handleUpdate(update);
      return new Response("ok");
    },
  };
`;

// A Lambda body parsed behind a presence guard and handed to the project's bot wrapper.
const GUARDED_PARSE_BOT = dedent`
  import { ChatBot } from "./chat-bot";
  const chatBot = new ChatBot(process.env.TOKEN ?? "");
  export const handler = async (event: { body?: string }) => {
    const update = event.body && JSON.parse(event.body);
    await chatBot.update(update);
    return { statusCode: 200, body: "" };
  };
`;

// @nestjs/axios: the injected HttpService's axios instance answers an axios response; its data is the other API's body.
const NEST_AXIOS_REF = dedent`
  import { Injectable } from "@nestjs/common";
  import { HttpService } from "@nestjs/axios";
  @Injectable()
  export class ShowsService {
    constructor(private readonly http: HttpService) {}
    async titles(term: string): Promise<string[]> {
      const response = await this.http.axiosRef.get("https://shows.example.com/search", { params: { term } });
      return response.data.items.map((i: { title: string }) => i.title);
    }
  }
`;

// The Observable form: firstValueFrom(this.httpService.get(u)) resolves to the same response.
const NEST_HTTP_OBSERVABLE = dedent`
  import { Injectable } from "@nestjs/common";
  import { HttpService } from "@nestjs/axios";
  import { firstValueFrom } from "rxjs";
  @Injectable()
  export class ShowsService {
    constructor(private readonly httpService: HttpService) {}
    async count(): Promise<number> {
      const { data } = await firstValueFrom(this.httpService.get("https://shows.example.com/stats"));
      return data.total * 2;
    }
  }
`;

// A PostgREST query held in a let, ordered by the column the client names.
const ORDER_BY_QUERY = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient("https://x.supabase.co", "service");
  export async function GET(request: NextRequest) {
    const sort = request.nextUrl.searchParams.get("sort") || "created_at";
    let query = supabase.from("events").select("id, title");
    query = query.order(sort, { ascending: false });
    const { data } = await query;
    return NextResponse.json(data);
  }
`;

// Claude's answer: the text of the first content block of anthropic.messages.create(…) is model output.
const CLAUDE_TEXT = dedent`
  import Anthropic from "@anthropic-ai/sdk";
  const anthropic = new Anthropic();
  export async function tagsOf(text: string): Promise<string[]> {
    const reply = await anthropic.messages.create({ model: "claude-x", max_tokens: 200, messages: [{ role: "user", content: text }] });
    const block = reply.content[0];
    if (block.type !== "text") return [];
    const parsed = JSON.parse(block.text.trim());
    return parsed.tags.map((t: string) => t.toLowerCase());
  }
`;

// The body of a fetch wrapper imported from another module, read by index after Promise.all.
const IMPORTED_WRAPPER = dedent`
  import { apiRequest } from "../utils.js";
  export async function guildDetails(guildId) {
    const [channelsRes, rolesRes] = await Promise.all([apiRequest(\`guilds/\${guildId}/channels\`), apiRequest(\`guilds/\${guildId}/roles\`)]);
    const channels = await channelsRes.json();
    const roles = await rolesRes.json();
    return { channels: channels.map((c) => c.name), roles: roles.length };
  }
`;

// A Cloudflare Queues consumer: each message's body arrives deserialized, any shape, and is handed to a same-file function.
const QUEUE_CONSUMER = dedent`
  export default {
    async queue(batch: MessageBatch<{ userId: string }>, env: { DB: D1Database }): Promise<void> {
      for (const message of batch.messages) {
        await expire(message.body, env.DB);
        message.ack();
      }
    },
  };
  async function expire(job: { userId: string }, db: D1Database) {
    const { userId } = job;
    await db.prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId).run();
  }
`;

// A relay imported from another module resolves to a fetch response's text: the parse is network text.
const RELAY_IMPORTED = dedent`
  import { relay } from "./relay.js";
  export async function answer(messages) {
    return relay(messages).then((text) => {
      const reply = JSON.parse(text);
      return reply.choices[0].message.content;
    });
  }
`;

// A helper of another module reads a response by hand and hands the text to the callback it is given.
const STREAM_HELPER = dedent`
  import https from "https";
  export default function ask(prompt: string, cb: (text: string) => void) {
    let body = "";
    const req = https.request({ hostname: "llm.example.com", path: "/v1/chat", method: "POST" }, (response) => {
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => cb(body));
    });
    req.end(JSON.stringify({ prompt }));
  }
`;

// The callback parses the text the imported helper hands it: network text.
const CALLBACK_IMPORTED = dedent`
  import ask from "./ask";
  export function summarize(topic: string, done: (s: string) => void) {
    ask(\`Summarize \${topic}\`, (text) => {
      const reply = JSON.parse(text);
      done(reply.choices[0].message.content);
    });
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "a factory that reads one path and constructs the instance with another",
    code: OTHER_PATH,
    filename: "src/counters.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 19, endColumn: 59, suggestions: [mark(OTHER_PATH, "jsonParseExternal", 5)] }],
    output: null,
  },
  { name: "@nestjs/axios: this.http.axiosRef.get(u), the body read below the call", code: NEST_AXIOS_REF, filename: "src/shows.service.ts", findings: [{ case: "fetchJson", line: 8, column: 12, endColumn: 25, suggestions: [mark(NEST_AXIOS_REF, "fetchJson", 8)] }], output: null },
  { name: "@nestjs/axios: firstValueFrom(this.httpService.get(u)), data destructured", code: NEST_HTTP_OBSERVABLE, filename: "src/shows.service.ts", findings: [{ case: "fetchJson", line: 8, column: 43, endColumn: 98, suggestions: [mark(NEST_HTTP_OBSERVABLE, "fetchJson", 8)] }], output: null },
  { name: "postgrest: a held query ordered by the column a query value names", code: ORDER_BY_QUERY, filename: "app/api/events/route.ts", findings: [{ case: "nextAppRequest", line: 5, column: 16, endColumn: 56, suggestions: [mark(ORDER_BY_QUERY, "nextAppRequest", 5)] }], output: null },
  {
    name: "llm: JSON.parse of the text of Claude's first content block",
    code: CLAUDE_TEXT,
    filename: "src/lib/tags.ts",
    findings: [{ case: "jsonParseExternal", line: 7, column: 18, endColumn: 47, suggestions: [{ title: "Validate JSON.parse(block.text.trim()) with Zod (adds the zod dependency)", output: dedent`
        import Anthropic from "@anthropic-ai/sdk";
        import { z } from "zod";
        const anthropic = new Anthropic();
        const TagsOfData = z.object({ tags: z.array(z.string()) });

        export async function tagsOf(text: string): Promise<string[]> {
          const reply = await anthropic.messages.create({ model: "claude-x", max_tokens: 200, messages: [{ role: "user", content: text }] });
          const block = reply.content[0];
          if (block.type !== "text") return [];
          const parsed = TagsOfData.parse(JSON.parse(block.text.trim()));
          return parsed.tags.map((t: string) => t.toLowerCase());
        }
      ` }, mark(CLAUDE_TEXT, "jsonParseExternal", 7)] }],
    output: null,
  },
  { name: "queue: a Cloudflare Queues message body handed to a same-file function that queries with it", code: QUEUE_CONSUMER, filename: "src/consumer.ts", findings: [{ case: "messagePayload", line: 4, column: 20, endColumn: 32, suggestions: [mark(QUEUE_CONSUMER, "messagePayload", 4)] }], output: null },
  { name: "relay: JSON.parse of the text an imported relay resolves to", code: RELAY_IMPORTED, filename: "server/answer.js", files: { "server/relay.js": RELAY_MODULE }, findings: [{ case: "jsonParseExternal", line: 4, column: 19, endColumn: 35, suggestions: [mark(RELAY_IMPORTED, "jsonParseExternal", 4)] }], output: null },
  { name: "callback: JSON.parse of the text an imported helper hands to the callback", code: CALLBACK_IMPORTED, filename: "src/summarize.ts", files: { "src/ask.ts": STREAM_HELPER }, findings: [{ case: "jsonParseExternal", line: 4, column: 19, endColumn: 35, suggestions: [mark(CALLBACK_IMPORTED, "jsonParseExternal", 4)] }], output: null },
  {
    name: "fetch: the body of a fetch wrapper imported from another module",
    code: IMPORTED_WRAPPER,
    filename: "src/api/guilds.js",
    files: { "src/utils.js": API_UTILS },
    findings: [
      { case: "fetchJson", line: 4, column: 26, endColumn: 44, suggestions: [mark(IMPORTED_WRAPPER, "fetchJson", 4)] },
      { case: "fetchJson", line: 5, column: 23, endColumn: 38, suggestions: [mark(IMPORTED_WRAPPER, "fetchJson", 5)] },
    ],
    output: null,
  },
  { name: "bot: a webhook update handed whole to a function named for the bot's dispatcher", code: BOT_UPDATE_FN, filename: "src/routes/hook.ts", findings: [{ case: "honoRequest", line: 5, column: 24, endColumn: 36, suggestions: [mark(BOT_UPDATE_FN, "honoRequest", 5)] }], output: null },
  { name: "bot: a webhook update handed whole to grammY's bot.handleUpdate", code: BOT_HANDLE_UPDATE, filename: "src/worker.ts", findings: [{ case: "webRequest", line: 5, column: 26, endColumn: 40, suggestions: [mark(BOT_HANDLE_UPDATE, "webRequest", 5)] }], output: null },
  { name: "bot: a body parsed behind a presence guard, handed to the project's bot wrapper", code: GUARDED_PARSE_BOT, filename: "src/handler.ts", findings: [{ case: "lambdaEvent", line: 4, column: 32, endColumn: 54, suggestions: [mark(GUARDED_PARSE_BOT, "lambdaEvent", 4)] }], output: null },
];

describe("unvalidated-boundary: session 21 classes (ub21b)", () => {
  runWithNamedCases(valid, invalid);
});
