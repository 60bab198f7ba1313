import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Conventions the held-21 labellers decided and the lead settled (session 22, issue 11), written
// into docs/rules/unvalidated-boundary.md. Hand-written analogues, not the repositories' code.

// Discord: a typed option (integer) and a string option declared with choices are checked by
// Discord; two free-text options of one command are one input, reported at the first that
// reaches a sink.
const DISCORD_OPTIONS = dedent`
  import { ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
  import { supabase } from "../db";
  export const data = new SlashCommandBuilder()
    .setName("tag")
    .addStringOption((o) => o.setName("kind").setRequired(true).addChoices({ name: "A", value: "a" }, { name: "B", value: "b" }))
    .addStringOption((o) => o.setName("label").setRequired(true))
    .addStringOption((o) => o.setName("note"))
    .addIntegerOption((o) => o.setName("slot").setMinValue(1));
  export async function execute(interaction: ChatInputCommandInteraction) {
    const kind = interaction.options.getString("kind", true);
    const slot = interaction.options.getInteger("slot");
    const label = interaction.options.getString("label", true);
    const note = interaction.options.getString("note");
    await supabase.from("tags").select("*").eq("kind", kind).eq("slot", slot);
    await supabase.from("tags").update({ note }).eq("label", label);
    await interaction.reply("ok");
  }
`;

// Only the typed and the choice options reach the database.
const DISCORD_TYPED_ONLY = dedent`
  import { ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
  import { supabase } from "../db";
  export const data = new SlashCommandBuilder()
    .setName("drop")
    .addStringOption((o) => o.setName("kind").addChoices({ name: "A", value: "a" }))
    .addIntegerOption((o) => o.setName("id").setRequired(true));
  export async function execute(interaction: ChatInputCommandInteraction) {
    const id = interaction.options.getInteger("id", true);
    const kind = interaction.options.getString("kind");
    await supabase.from("cards").delete().eq("id", id).eq("kind", kind);
    await interaction.reply("deleted");
  }
`;

// Discord's JSON form of a command: a string option with choices.
const DISCORD_JSON_CHOICES = dedent`
  import { ChatInputCommandInteraction } from "discord.js";
  import { db } from "../db";
  export const command = { name: "mode", options: [{ name: "level", type: 3, choices: [{ name: "Low", value: "low" }] }] };
  export async function execute(interaction: ChatInputCommandInteraction) {
    const level = interaction.options.getString("level", true);
    await db.settings.update({ where: { key: level }, data: { on: true } });
  }
`;

// A Netlify function (a Lambda event): the id cut from event.path is a route parameter, and the
// bodies read under different event.httpMethod branches are different inputs.
const NETLIFY_FN = dedent`
  import type { Handler } from "@netlify/functions";
  import { supabase } from "../../src/db";
  export const handler: Handler = async (event) => {
    if (event.httpMethod === "POST") {
      const body = JSON.parse(event.body || "{}");
      await supabase.from("notes").insert({ title: body.title });
      return { statusCode: 201, body: "" };
    }
    if (event.httpMethod === "PUT") {
      const id = event.path.split("/").pop();
      const patch = JSON.parse(event.body || "{}");
      await supabase.from("notes").update({ title: patch.title }).eq("id", id);
      return { statusCode: 200, body: "" };
    }
    return { statusCode: 405, body: "" };
  };
`;

// The same id checked against a pattern first.
const NETLIFY_CHECKED = dedent`
  import type { Handler } from "@netlify/functions";
  import { supabase } from "../../src/db";
  export const handler: Handler = async (event) => {
    const id = event.path.split("/").pop() ?? "";
    if (!/^[0-9a-f-]{36}$/.test(id)) return { statusCode: 400, body: "bad id" };
    await supabase.from("notes").delete().eq("id", id);
    return { statusCode: 204, body: "" };
  };
`;

// cookie-parser's req.cookies: a source like a query value. Reaching a Mongo filter, it is a
// finding; only compared, or only handed to a JWT verifier, it is not.
const COOKIE_FILTER = dedent`
  import express from "express";
  import { Session } from "./models/Session";
  const router = express.Router();
  router.get("/me", async (req, res) => {
    const sid = req.cookies?.session;
    if (!sid) return res.status(401).end();
    const session = await Session.findOne({ sid });
    res.json({ user: session?.userId });
  });
  export default router;
`;

const COOKIE_VERIFIED = dedent`
  import express from "express";
  import jwt from "jsonwebtoken";
  const router = express.Router();
  router.get("/theme", (req, res) => {
    const dark = req.cookies.theme === "dark";
    const token = req.cookies.token;
    if (!token) return res.status(401).end();
    const claims = jwt.verify(token, process.env.JWT_SECRET!);
    res.json({ dark, claims });
  });
  export default router;
`;

// A page number worked out by arithmetic still offsets the PostgREST query it pages.
const RANGE_ARITHMETIC = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { supabase } from "@/lib/supabase";
  export async function GET(req: NextRequest) {
    const page = parseInt(req.nextUrl.searchParams.get("page") || "1");
    const from = (page - 1) * 20;
    const { data } = await supabase.from("posts").select("*").range(from, from + 19);
    return NextResponse.json(data);
  }
`;

// Worked out into a number that only filters, it is a number: not followed.
const ARITHMETIC_FILTER = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { supabase } from "@/lib/supabase";
  export async function GET(req: NextRequest) {
    const days = parseInt(req.nextUrl.searchParams.get("days") || "7");
    const since = Date.now() - days * 86400000;
    const { data } = await supabase.from("events").select("*").gte("ts", since).limit(50);
    return NextResponse.json(data);
  }
`;

// An axios reply read as text, a JSON prefix cut off, then parsed: the parse is the input, reported
// there once, not again as the reply.
const AXIOS_TEXT_PARSED = dedent`
  const axios = require("axios");
  async function trending(db) {
    const res = await axios.get("https://trends.example.com/api", { timeout: 5000 });
    const raw = typeof res.data === "string" ? res.data : JSON.stringify(res.data);
    const doc = JSON.parse(raw.replace(")]}'", "").trim());
    for (const story of doc.stories) await db.insert({ keyword: story.title });
  }
  module.exports = { trending };
`;

// A payment provider's reply after the ok test: a field picked by a literal allowlist, a field read
// through an optional link with a fallback, and a log line of the project's logging module, all only
// relayed in the answer.
const REPLY_RELAYED = dedent`
  import { jsonResponse } from "./utils";
  import { logPayment } from "./logger";
  export async function verify(sessionId, key, logger) {
    try {
      const res = await fetch("https://api.pay.example.com/v1/sessions/" + encodeURIComponent(sessionId), { headers: { Authorization: "Bearer " + key } });
      if (!res.ok) return jsonResponse({ error: "lookup failed" }, 400);
      const session = await res.json();
      logPayment(logger, "verified", { id: session.id });
      if (session.status !== "complete") return jsonResponse({ error: "not complete" }, 400);
      const plan = session.metadata?.plan === "basic" || session.metadata?.plan === "pro" ? session.metadata.plan : "pro";
      return jsonResponse({ plan, email: session.customer?.email || session.email });
    } catch {
      return jsonResponse({ error: "failed" }, 500);
    }
  }
`;

// The same reply's field stored: a use.
const REPLY_STORED = dedent`
  import { jsonResponse } from "./utils";
  export async function sync(db, key) {
    const res = await fetch("https://api.pay.example.com/v1/customer", { headers: { Authorization: "Bearer " + key } });
    if (!res.ok) return jsonResponse({ error: "lookup failed" }, 400);
    const customer = await res.json();
    await db.prepare("UPDATE users SET email = ? WHERE id = 1").bind(customer.email).run();
    return jsonResponse({ ok: true });
  }
`;

// A field read through optional links (an element among them) into a local that a method of the same
// class only compares with configured values: nothing of the reply goes on.
const PRICE_COMPARED = dedent`
  export class Billing {
    constructor(env) { this.env = env; }
    planOf(priceId) {
      if (!priceId) return null;
      if (priceId === this.env.PRICE_BASIC) return { plan: "basic" };
      if (priceId === this.env.PRICE_PRO) return { plan: "pro" };
      return null;
    }
    async sync(subscriptionId, db) {
      let plan = "free";
      const res = await fetch("https://api.pay.example.com/v1/subscriptions/" + subscriptionId);
      if (res.ok) {
        const sub = await res.json();
        const priceId = sub.items?.data?.[0]?.price?.id;
        const found = this.planOf(priceId);
        if (found) plan = found.plan;
      }
      await db.prepare("UPDATE users SET plan = ?").bind(plan).run();
    }
  }
`;

// The same local handed to a method that stores it.
const PRICE_STORED = dedent`
  export class Billing {
    async remember(priceId, db) {
      await db.prepare("UPDATE users SET price = ?").bind(priceId).run();
    }
    async sync(subscriptionId, db) {
      const res = await fetch("https://api.pay.example.com/v1/subscriptions/" + subscriptionId);
      if (!res.ok) return;
      const sub = await res.json();
      const priceId = sub.items?.data?.[0]?.price?.id;
      await this.remember(priceId, db);
    }
  }
`;

// A login against the configured admin: the name only gets past when it equals the configured
// one, the password only goes to bcrypt.compare.
const ADMIN_LOGIN = dedent`
  const express = require("express");
  const bcrypt = require("bcryptjs");
  const config = require("../config");
  const router = express.Router();
  router.post("/login", async (req, res) => {
    const { username, password } = req.body;
    if (!username || !password) return res.status(400).json({ error: "missing" });
    if (username !== config.adminUsername) return res.status(401).json({ error: "denied" });
    if (!(await bcrypt.compare(password, config.adminPasswordHash))) return res.status(401).json({ error: "denied" });
    req.session.user = username;
    res.json({ ok: true });
  });
  module.exports = router;
`;

// Compared with another field of the same body: nothing of the server's decides it.
const FIELDS_COMPARED = dedent`
  const express = require("express");
  const router = express.Router();
  router.post("/signup", async (req, res) => {
    const { password, confirm } = req.body;
    if (password !== confirm) return res.status(400).json({ error: "mismatch" });
    req.session.pending = password;
    res.json({ ok: true });
  });
  module.exports = router;
`;

// An array body field whose every element is one of the server's values.
const ORDER_ALLOWLIST = dedent`
  const express = require("express");
  const { query } = require("../db");
  const PROVIDERS = ["openai", "anthropic", "gemini"];
  const router = express.Router();
  router.put("/order", async (req, res) => {
    const { order } = req.body;
    if (!Array.isArray(order) || !order.every((p) => PROVIDERS.includes(p))) return res.status(400).json({ error: "bad order" });
    const full = [...order, ...PROVIDERS.filter((p) => !order.includes(p))];
    await query("UPDATE settings SET value = $1 WHERE key = 'order'", [JSON.stringify(full)]);
    res.json({ order: full });
  });
  module.exports = router;
`;

// The body spread with the route id into the object a Zod schema parses: both checked there.
const SPREAD_PARSED = dedent`
  import express from "express";
  import { z } from "zod";
  import { storage } from "./storage";
  const NoteInput = z.object({ text: z.string().max(500), taskId: z.string().uuid() });
  const app = express();
  app.post("/api/tasks/:id/notes", async (req, res) => {
    const note = NoteInput.parse({ ...req.body, taskId: req.params.id });
    res.status(201).json(await storage.createNote(note));
  });
`;

// Spread into an object that is stored as it is: a use.
const SPREAD_STORED = dedent`
  import express from "express";
  import { storage } from "./storage";
  const app = express();
  app.post("/api/tasks/:id/notes", async (req, res) => {
    const note = { ...req.body, taskId: "fixed" };
    res.status(201).json(await storage.createNote(note));
  });
`;

// A helper returns a field of an ok-tested reply; its only caller relays it in the answer.
const HELPER_RELAYED = dedent`
  async function moveEvent(id: string, token: string): Promise<string> {
    const res = await fetch("https://calendar.example.com/v3/events/" + encodeURIComponent(id), { method: "PUT", headers: { Authorization: "Bearer " + token } });
    if (!res.ok) throw new Error("update failed: " + (await res.text()));
    const event = await res.json();
    return event.id;
  }
  Deno.serve(async () => {
    const eventId = await moveEvent("fixed-event", Deno.env.get("TOKEN") ?? "");
    console.log("moved", eventId);
    return new Response(JSON.stringify({ ok: true, eventId }), { headers: { "Content-Type": "application/json" } });
  });
`;

// The same helper whose result a caller stores.
const HELPER_STORED = dedent`
  import { supabase } from "./db.ts";
  async function moveEvent(id: string, token: string): Promise<string> {
    const res = await fetch("https://calendar.example.com/v3/events/" + encodeURIComponent(id), { method: "PUT", headers: { Authorization: "Bearer " + token } });
    if (!res.ok) throw new Error("update failed");
    const event = await res.json();
    return event.id;
  }
  Deno.serve(async () => {
    const eventId = await moveEvent("fixed-event", Deno.env.get("TOKEN") ?? "");
    await supabase.from("bookings").update({ calendar_event_id: eventId }).eq("id", 1);
    return new Response(JSON.stringify({ ok: true }));
  });
`;

// An app-router route handler's dynamic segment: a route parameter, used raw as a PostgREST filter
// (also where another filter scopes the query to the user).
const ROUTE_PARAMS = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
    const supabase = await createClient();
    const { data: { user } } = await supabase.auth.getUser();
    if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
    const { id } = await params;
    await supabase.from("notes").delete().eq("user_id", user.id).eq("id", id);
    return NextResponse.json({ ok: true });
  }
`;

// The same read through the context object.
const ROUTE_CONTEXT_PARAMS = dedent`
  import { NextResponse } from "next/server";
  import { db } from "@/lib/db";
  export async function GET(req: Request, context: { params: { slug: string } }) {
    const post = await db.post.findUnique({ where: { slug: context.params.slug } });
    return NextResponse.json(post);
  }
`;

// Awaited through the context (Next.js 15): reported; no schema fix, which would parse the promise.
const ROUTE_CONTEXT_AWAITED = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function PATCH(req: Request, context: { params: Promise<{ id: string }> }) {
    const { id } = await context.params;
    const supabase = await createClient();
    await supabase.from("leads").update({ archived: true }).eq("id", id);
    return NextResponse.json({ ok: true });
  }
`;

// Checked with a regex before the query.
const ROUTE_PARAMS_CHECKED = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
    const { id } = await params;
    if (!/^[0-9a-f-]{36}$/.test(id)) return NextResponse.json({ error: "bad id" }, { status: 400 });
    const supabase = await createClient();
    const { data } = await supabase.from("notes").select("*").eq("id", id).single();
    return NextResponse.json(data);
  }
`;

// A query value handed to a storage method of another module that never reads its parameter.
const STORAGE_MODULE = dedent`
  export class MemStorage {
    async getTrends(range: string): Promise<number[]> {
      return [1, 2, 3];
    }
    async getByRegion(region: string): Promise<unknown> {
      return db.collection("stats").findOne({ region });
    }
  }
  export const storage = new MemStorage();
`;
const UNREAD_PARAM = dedent`
  import express from "express";
  import { storage } from "./storage";
  const app = express();
  app.get("/api/trends", async (req, res) => {
    const range = (req.query.range as string) || "30d";
    res.json(await storage.getTrends(range));
  });
`;
const READ_PARAM = dedent`
  import express from "express";
  import { storage } from "./storage";
  const app = express();
  app.get("/api/stats", async (req, res) => {
    const region = req.query.region as string;
    res.json(await storage.getByRegion(region));
  });
`;

// A "validate" helper of another module that only size-checks and parses the request's text.
const SIZE_ONLY_MODULE = dedent`
  export async function validateRequestBody(request: Request, maxSize = 1_000_000): Promise<unknown> {
    const length = Number(request.headers.get("Content-Length") ?? "0");
    if (length > maxSize) throw new Error("too large");
    const text = await request.text();
    if (!text.trim()) return {};
    return JSON.parse(text);
  }
`;
const SIZE_ONLY_ROUTE = dedent`
  import { NextResponse } from "next/server";
  import { db } from "@/lib/db";
  import { validateRequestBody } from "./validation";
  export async function POST(request: Request) {
    const body = (await validateRequestBody(request)) as { title: string };
    await db.note.create({ data: { title: body.title } });
    return NextResponse.json({ ok: true });
  }
`;

// The same helper parsing with a schema: validation.
const SCHEMA_MODULE = dedent`
  import { z } from "zod";
  const Note = z.object({ title: z.string().max(200) });
  export async function validateRequestBody(request: Request) {
    const text = await request.text();
    return Note.parse(JSON.parse(text));
  }
`;

// A Hugging Face inference reply: its generated_text read through optional links with a text fallback.
const HF_TEXT = dedent`
  export async function complete(prompt: string, key: string): Promise<string> {
    const res = await fetch("https://api-inference.huggingface.co/models/some-model", { method: "POST", headers: { Authorization: "Bearer " + key }, body: JSON.stringify({ inputs: prompt }) });
    const data = await res.json();
    const text = Array.isArray(data) ? data[0]?.generated_text || "" : data?.generated_text || "";
    return text.trim();
  }
`;

// Without the optional link: a reply that is no array of objects crashes there.
const HF_TEXT_BARE = dedent`
  export async function complete(prompt: string, key: string): Promise<string> {
    const res = await fetch("https://api-inference.huggingface.co/models/some-model", { method: "POST", headers: { Authorization: "Bearer " + key }, body: JSON.stringify({ inputs: prompt }) });
    const data = await res.json();
    return data[0].generated_text.trim();
  }
`;

// The project's own rows through its PostgREST endpoint: the app's own data, like a supabase-js select.
const OWN_ROWS = dedent`
  const SUPABASE_URL = Deno.env.get("SUPABASE_URL")!;
  const KEY = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!;
  export async function notesOf(userId: string) {
    const res = await fetch(\`\${SUPABASE_URL}/rest/v1/notes?user_id=eq.\${encodeURIComponent(userId)}&select=id,text\`, { headers: { apikey: KEY } });
    if (!res.ok) return [];
    const rows = await res.json();
    return rows.map((r: { text: string }) => r.text);
  }
`;

// Another host's REST API: input.
const OTHER_ROWS = dedent`
  const API_URL = Deno.env.get("PARTNER_URL")!;
  export async function notesOf(userId: string) {
    const res = await fetch(\`\${API_URL}/rest/v1/notes?user_id=eq.\${encodeURIComponent(userId)}\`);
    if (!res.ok) return [];
    const rows = await res.json();
    return rows.map((r: { text: string }) => r.text);
  }
`;

const valid: ValidCase[] = [
  { name: "discord: integer and choice options reach a query: Discord checked them", code: DISCORD_TYPED_ONLY, filename: "src/commands/drop.ts" },
  { name: "discord: a string option with choices in the command's JSON form", code: DISCORD_JSON_CHOICES, filename: "src/commands/mode.ts" },
  { name: "netlify: an id cut from event.path and checked with a regex", code: NETLIFY_CHECKED, filename: "netlify/functions/notes.ts" },
  { name: "cookie: only compared, or only handed to jwt.verify", code: COOKIE_VERIFIED, filename: "src/routes/theme.ts" },
  { name: "paging: a number worked out from a query value that only filters", code: ARITHMETIC_FILTER, filename: "app/api/events/route.ts" },
  { name: "reply: a price id read through optional links only compared by a method of the class", code: PRICE_COMPARED, filename: "api/src/billing.js" },
  { name: "spread: the body spread with the route id into the object a schema parses", code: SPREAD_PARSED, filename: "server/routes.ts" },
  { name: "reply: a field an ok-tested helper returns, only relayed by its caller", code: HELPER_RELAYED, filename: "supabase/functions/sync/index.ts" },
  { name: "next: a route segment checked with a regex before the query", code: ROUTE_PARAMS_CHECKED, filename: "app/api/notes/[id]/route.ts" },
  { name: "storage: a query value handed to a method that never reads it", code: UNREAD_PARAM, filename: "server/routes.ts", files: { "server/storage.ts": STORAGE_MODULE } },
  { name: "validation: an imported validateRequestBody that parses with a schema", code: SIZE_ONLY_ROUTE, filename: "app/api/notes/route.ts", files: { "app/api/notes/validation.ts": SCHEMA_MODULE } },
  { name: "model text: Hugging Face generated_text through optional links with a fallback", code: HF_TEXT, filename: "lib/ai.ts" },
  { name: "own rows: the project's PostgREST endpoint under its Supabase URL", code: OWN_ROWS, filename: "supabase/functions/notes/index.ts" },
  { name: "login: a name compared with the configured one before it is kept, a password only hashed", code: ADMIN_LOGIN, filename: "server/routes/auth.js" },
  { name: "allowlist: every element of an array field in the server's list", code: ORDER_ALLOWLIST, filename: "server/routes/keys.js" },
  { name: "reply: fields after the ok test only relayed, picked by a literal allowlist, or logged through the project's logger", code: REPLY_RELAYED, filename: "api/src/verify.js" },
];

const invalid: InvalidCase[] = [
  {
    name: "discord: the free-text options of one command are one input, reported at the first that reaches a sink",
    code: DISCORD_OPTIONS,
    filename: "src/commands/tag.ts",
    findings: [
      {
        case: "messagePayload",
        line: 12,
        column: 17,
        endColumn: 61,
        suggestions: [
          {
            title: 'Validate interaction.options.getString("label", … with Zod (adds the zod dependency)',
            output: dedent`
              import { ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
              import { supabase } from "../db";
              import { z } from "zod";
              export const data = new SlashCommandBuilder()
                .setName("tag")
                .addStringOption((o) => o.setName("kind").setRequired(true).addChoices({ name: "A", value: "a" }, { name: "B", value: "b" }))
                .addStringOption((o) => o.setName("label").setRequired(true))
                .addStringOption((o) => o.setName("note"))
                .addIntegerOption((o) => o.setName("slot").setMinValue(1));
              const ExecuteLabelText = z.string();

              export async function execute(interaction: ChatInputCommandInteraction) {
                const kind = interaction.options.getString("kind", true);
                const slot = interaction.options.getInteger("slot");
                const label = ExecuteLabelText.parse(interaction.options.getString("label", true));
                const note = interaction.options.getString("note");
                await supabase.from("tags").select("*").eq("kind", kind).eq("slot", slot);
                await supabase.from("tags").update({ note }).eq("label", label);
                await interaction.reply("ok");
              }
            `,
          },
          mark(DISCORD_OPTIONS, "messagePayload", 12),
        ],
      },
    ],
    output: null,
  },
  {
    name: "netlify: bodies of two httpMethod branches are two inputs; an id cut from event.path is a route parameter",
    code: NETLIFY_FN,
    filename: "netlify/functions/notes.ts",
    findings: [
      { case: "lambdaEvent", line: 5, column: 18, endColumn: 48, suggestions: [mark(NETLIFY_FN, "lambdaEvent", 5)] },
      { case: "lambdaEvent", line: 10, column: 16, endColumn: 26, suggestions: [mark(NETLIFY_FN, "lambdaEvent", 10)] },
      { case: "lambdaEvent", line: 11, column: 19, endColumn: 49, suggestions: [mark(NETLIFY_FN, "lambdaEvent", 11)] },
    ],
    output: null,
  },
  {
    name: "paging: a page number worked out by arithmetic offsets the .range of the query",
    code: RANGE_ARITHMETIC,
    filename: "app/api/posts/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 25, endColumn: 61, suggestions: [mark(RANGE_ARITHMETIC, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "axios: a reply read as text and parsed is reported at the parse",
    code: AXIOS_TEXT_PARSED,
    filename: "server/trends.js",
    findings: [{ case: "jsonParseExternal", line: 5, column: 15, endColumn: 57, suggestions: [mark(AXIOS_TEXT_PARSED, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "reply: a field of the reply after the ok test written to the database",
    code: REPLY_STORED,
    filename: "api/src/sync.js",
    findings: [{ case: "fetchJson", line: 5, column: 26, endColumn: 36, suggestions: [mark(REPLY_STORED, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "reply: a price id read through optional links handed to a method that stores it",
    code: PRICE_STORED,
    filename: "api/src/billing.js",
    findings: [{ case: "fetchJson", line: 8, column: 23, endColumn: 33, suggestions: [mark(PRICE_STORED, "fetchJson", 8)] }],
    output: null,
  },
  {
    name: "login: a field compared with another field of the body is not checked",
    code: FIELDS_COMPARED,
    filename: "server/routes/signup.js",
    findings: [{ case: "expressBody", line: 4, column: 33, endColumn: 41, suggestions: [mark(FIELDS_COMPARED, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "spread: the body spread into an object that is stored",
    code: SPREAD_STORED,
    filename: "server/routes.ts",
    findings: [{ case: "expressBody", line: 5, column: 21, endColumn: 29, suggestions: [mark(SPREAD_STORED, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "reply: a field an ok-tested helper returns, stored by its caller",
    code: HELPER_STORED,
    filename: "supabase/functions/sync/index.ts",
    findings: [{ case: "fetchJson", line: 5, column: 23, endColumn: 33, suggestions: [mark(HELPER_STORED, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "next: a route segment used raw as a PostgREST filter, also beside a filter scoping to the user",
    code: ROUTE_PARAMS,
    filename: "app/api/notes/[id]/route.ts",
    findings: [{ case: "nextAppRequest", line: 7, column: 24, endColumn: 30, suggestions: [mark(ROUTE_PARAMS, "nextAppRequest", 7)] }],
    output: null,
  },
  {
    name: "next: a route segment read through the handler's context",
    code: ROUTE_CONTEXT_PARAMS,
    filename: "app/api/posts/[slug]/route.ts",
    findings: [
      {
        case: "nextAppRequest",
        line: 4,
        column: 58,
        endColumn: 72,
        suggestions: [
          {
            title: "Validate context.params with Zod (adds the zod dependency)",
            output: dedent`
              import { NextResponse } from "next/server";
              import { db } from "@/lib/db";
              import { z } from "zod";
              const GetParams = z.object({ slug: z.string() });

              export async function GET(req: Request, context: { params: { slug: string } }) {
                const parsed = GetParams.safeParse(context.params);
                if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
                const post = await db.post.findUnique({ where: { slug: parsed.data.slug } });
                return NextResponse.json(post);
              }
            `,
          },
          mark(ROUTE_CONTEXT_PARAMS, "nextAppRequest", 4),
        ],
      },
    ],
    output: null,
  },
  {
    name: "next: a route segment awaited through the context",
    code: ROUTE_CONTEXT_AWAITED,
    filename: "app/api/leads/[id]/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 38, suggestions: [mark(ROUTE_CONTEXT_AWAITED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "storage: a query value handed to a method that queries with it",
    code: READ_PARAM,
    filename: "server/routes.ts",
    files: { "server/storage.ts": STORAGE_MODULE },
    findings: [
      {
        case: "expressQuery",
        line: 5,
        column: 18,
        endColumn: 27,
        suggestions: [
          {
            title: "Validate req.query with Zod (adds the zod dependency)",
            output: dedent`
              import express from "express";
              import { storage } from "./storage";
              import { z } from "zod";
              const app = express();
              const GetApiStatsQuery = z.object({ region: z.string() });

              app.get("/api/stats", async (req, res) => {
                const parsed = GetApiStatsQuery.safeParse(req.query);
                if (!parsed.success) {
                  res.status(400).json({ error: parsed.error.issues });
                  return;
                }
                const region = parsed.data.region as string;
                res.json(await storage.getByRegion(region));
              });
            `,
          },
          mark(READ_PARAM, "expressQuery", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "validation: an imported validateRequestBody that only checks the size reads the body",
    code: SIZE_ONLY_ROUTE,
    filename: "app/api/notes/route.ts",
    files: { "app/api/notes/validation.ts": SIZE_ONLY_MODULE },
    findings: [
      {
        case: "nextAppRequest",
        line: 5,
        column: 23,
        endColumn: 51,
        suggestions: [
          {
            title: "Validate validateRequestBody(request) with Zod (adds the zod dependency)",
            output: dedent`
              import { NextResponse } from "next/server";
              import { db } from "@/lib/db";
              import { validateRequestBody } from "./validation";
              import { z } from "zod";
              const PostBody = z.object({ title: z.string() });

              export async function POST(request: Request) {
                const parsed = PostBody.safeParse(await validateRequestBody(request));
                if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
                const body = (parsed.data) as { title: string };
                await db.note.create({ data: { title: body.title } });
                return NextResponse.json({ ok: true });
              }
            `,
          },
          mark(SIZE_ONLY_ROUTE, "nextAppRequest", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "model text: Hugging Face generated_text read without optional links",
    code: HF_TEXT_BARE,
    filename: "lib/ai.ts",
    findings: [
      {
        case: "fetchJson",
        line: 3,
        column: 22,
        endColumn: 32,
        suggestions: [
          {
            title: "Validate res.json() with Zod (adds the zod dependency)",
            output: dedent`
              import { z } from "zod";

              const CompleteResponse = z.array(z.object({ generated_text: z.string() }));

              export async function complete(prompt: string, key: string): Promise<string> {
                const res = await fetch("https://api-inference.huggingface.co/models/some-model", { method: "POST", headers: { Authorization: "Bearer " + key }, body: JSON.stringify({ inputs: prompt }) });
                const data = CompleteResponse.parse(await res.json());
                return data[0].generated_text.trim();
              }
            `,
          },
          mark(HF_TEXT_BARE, "fetchJson", 3),
        ],
      },
    ],
    output: null,
  },
  {
    name: "own rows: a REST endpoint under another configured host",
    code: OTHER_ROWS,
    filename: "supabase/functions/notes/index.ts",
    findings: [{ case: "fetchJson", line: 5, column: 22, endColumn: 32, suggestions: [mark(OTHER_ROWS, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "cookie: a session cookie used raw as a Mongo filter value",
    code: COOKIE_FILTER,
    filename: "src/routes/me.ts",
    findings: [
      {
        case: "expressQuery",
        line: 5,
        column: 15,
        endColumn: 26,
        suggestions: [
          {
            title: "Validate req.cookies with Zod (adds the zod dependency)",
            output: dedent`
              import express from "express";
              import { Session } from "./models/Session";
              import { z } from "zod";
              const router = express.Router();
              const GetMeCookies = z.object({ session: z.string().optional() });

              router.get("/me", async (req, res) => {
                const parsed = GetMeCookies.safeParse(req.cookies);
                if (!parsed.success) {
                  res.status(400).json({ error: parsed.error.issues });
                  return;
                }
                const sid = parsed.data?.session;
                if (!sid) return res.status(401).end();
                const session = await Session.findOne({ sid });
                res.json({ user: session?.userId });
              });
              export default router;
            `,
          },
          mark(COOKIE_FILTER, "expressQuery", 5),
        ],
      },
    ],
    output: null,
  },
];

describe("unvalidated-boundary: session 22 conventions (ub22)", () => {
  runWithNamedCases(valid, invalid);
});
