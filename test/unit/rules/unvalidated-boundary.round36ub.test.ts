import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33b. Hand-written rows.

// A "use server" data module over Drizzle (hotswapai src/db/queries.ts, the lead's round-36 decisions): an argument
// only compared with `eq` to a column the project's table keeps as text, in a read whose rows the action returns, is
// no use (round 25, clean debatable); a column that converts the value (an integer, a uuid: session 29's conversion
// rule), a write's filter, rows the action drops, and an argument only tested `!== ""` and stored stay uses.
const PG = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"drizzle-orm\": \"^0.36.0\", \"joi\": \"^17.0.0\" } }\n",
  "src/db/schema.ts": dedent`
    import { pgTable, integer, text, uuid } from "drizzle-orm/pg-core";
    export const conversations = pgTable("conversations", {
      id: integer().primaryKey().generatedAlwaysAsIdentity(),
      modelName: text("model_name").notNull(),
      userId: text("user_id"),
    });
    export const profiles = pgTable("profiles", {
      id: uuid().primaryKey().notNull(),
      firstName: text("first_name").notNull(),
    });
    export const apiKeys = pgTable("api_keys", {
      name: text().primaryKey().notNull(),
      userId: text("user_id").notNull(),
      providerId: integer("provider_id"),
    });
  `,
};
const QUERIES = "src/db/queries.ts";
const ACTION = (params: string, body: string) => dedent`
  "use server";
  import { drizzle } from "drizzle-orm/postgres-js";
  import { eq, and, exists } from "drizzle-orm";
  import { apiKeys, conversations, profiles } from "./schema";
  const db = drizzle(process.env.DATABASE_URL!);
  export async function action(${params}) {
    ${body}
  }
`;

// Another code shape (not the tune example's): sqlite-core columns declared by a callback, the relational query API,
// an arrow-function action with its own "use server", a mysql-core table in the same module.
const SQLITE = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"drizzle-orm\": \"^0.36.0\", \"joi\": \"^17.0.0\" } }\n",
};
const NOTES = (column: string, filter: string) => dedent`
  import { eq } from "drizzle-orm";
  import { sqliteTable } from "drizzle-orm/sqlite-core";
  import { db } from "@/lib/db";
  const notes = sqliteTable("notes", (t) => ({
    handle: t.integer().primaryKey(),
    slug: ${column},
  }));
  export const notesBySlug = async (slug: string) => {
    "use server";
    return db.query.notes.findMany({ where: ${filter} });
  };
`;
const SKUS = (column: string) => dedent`
  "use server";
  import { eq } from "drizzle-orm";
  import { mysqlTable, varchar, int } from "drizzle-orm/mysql-core";
  import { db } from "@/lib/db";
  const skus = mysqlTable("skus", { code: ${column}, stock: int("stock") });
  export async function stockFor(code: string) {
    const [row] = await db.select({ stock: skus.stock }).from(skus).where(eq(skus.code, code)).limit(1);
    return row?.stock ?? 0;
  }
`;

// The empty string sets aside one value: a presence test, not an allowlist, also for a Hono query value.
const HONO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const TAGS = (test: string) => dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/tags", async (c) => {
    const label = c.req.query("label");
    if (${test}) {
      await db.insert(tags).values({ label });
    }
    return c.json({ ok: true });
  });
`;

// A body field only put into the text of an AI SDK prompt (casasports-fitness app/api/plans/generate/route.ts:12, held
// round 28's prompt-text rule, labelled clean); a field handed as it is, or a call of another module named the same, stays a use.
const NEXT_AI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"ai\": \"^4.0.0\", \"@prisma/client\": \"^5.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const PLAN = (from: string, prompt: string) => dedent`
  import { NextResponse } from "next/server";
  import { openai } from "@ai-sdk/openai";
  import { generateText } from "${from}";
  export async function POST(req: Request) {
    const { goal } = await req.json();
    const { text } = await generateText({ model: openai("gpt-4o-mini"), system: "You are a coach.", prompt: ${prompt} });
    const plan = await prisma.trainingPlan.create({ data: { content: text } });
    return NextResponse.json({ plan });
  }
`;
// Another shape: an Express route streaming the AI SDK's answer, the field in a template with other text.
const EXPRESS_AI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"ai\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const ESSAY = (prompt: string) => dedent`
  const express = require("express");
  const { streamText } = require("ai");
  const router = express.Router();
  router.post("/essay", async (req, res) => {
    const { topic, tone } = req.body;
    const result = streamText({ model: openai("gpt-4o"), prompt: ${prompt} });
    result.pipeTextStreamToResponse(res);
  });
  module.exports = router;
`;

// Fields taken through a checking helper the handler declares itself (meepletron app/api/user/profile/route.js:14,
// labelled clean): the helper is read like one of the module's own functions.
const NEXT_MONGO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"mongoose\": \"^8.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const PROFILE = (helper: string) => dedent`
  import User from "@/models/user";
  import { NextResponse } from "next/server";
  export async function PATCH(req) {
    const body = await req.json();
    const clean = ${helper};
    const username = clean(body.username);
    if (!username) return NextResponse.json({ message: "Username is required" }, { status: 400 });
    const updated = await User.findOneAndUpdate({ clerk_id: "me" }, { $set: { username } }, { new: true });
    return NextResponse.json({ data: updated });
  }
`;
// Another shape: a Hono handler with a function expression named otherwise.
const HONO_PG = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"pg\": \"^8.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const RENAME = (helper: string) => dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.put("/teams/:team", async (c) => {
    const payload = await c.req.json();
    const toLabel = ${helper};
    const label = toLabel(payload.label);
    await pool.query("UPDATE teams SET label = $1 WHERE owner = $2", [label, c.get("userId")]);
    return c.json({ ok: true });
  });
`;

// A copy of the request's query (`new URLSearchParams(url.searchParams)`, meepletron app/api/chat/route.js:330) holds the
// same values: its `.get()` is a query value.
const CHATS = dedent`
  import { NextResponse } from "next/server";
  export async function GET(req) {
    const url = new URL(req.url);
    const user_id = new URLSearchParams(url.searchParams).get("user_id");
    const user = await User.findOne({ clerk_id: user_id });
    if (!user) return NextResponse.json({ message: "user not found" }, { status: 404 });
    return NextResponse.json(await Chat.find({ user_id: user._id }));
  }
`;
// The copy kept in a local, of a URL kept in a local (meepletron app/api/search/route.js:10-11).
const SEARCH = dedent`
  import { NextResponse } from "next/server";
  export async function GET(req) {
    const url = new URL(req.url);
    const params = new URLSearchParams(url.searchParams);
    const limit = parseInt(params.get("limit"), 10) || 10;
    return NextResponse.json(await Boardgame.find({}).limit(limit).lean());
  }
`;
// Another shape: a Web Request handler keeping the copy in a local first.
const DENO = { "deno.json": "{ \"imports\": { \"joi\": \"npm:joi@17\" } }\n" };
const PURGE = dedent`
  Deno.serve(async (req: Request) => {
    const qs = new URLSearchParams(new URL(req.url).searchParams);
    const slug = qs.get("slug");
    await supabase.from("pages").delete().eq("slug", slug);
    return new Response("ok");
  });
`;

// The page's own API by a literal path, a field of its reply appended to React state with no status test (chasing-summer
// app/routes/chat.tsx:28, labelled clean): the component renders what it gets. Another host's reply, or the field stored, stays a use.
const REACT = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"react\": \"^18.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const CHAT_PAGE = (url: string, after: string) => dedent`
  import { useState } from "react";
  export default function ChatPage() {
    const [messages, setMessages] = useState([]);
    const send = async (input) => {
      const next = [...messages, { role: "user", content: input }];
      const res = await fetch(${url}, { method: "POST", body: JSON.stringify({ messages: next }) });
      const data = await res.json();
      ${after}
    };
    return <button onClick={() => send("hi")}>Send</button>;
  }
`;
// Another shape: the fetch inline in the json() receiver, an object literal handed to a setter named otherwise.
const SUMMARY = (url: string) => dedent`
  import { useState } from "react";
  export function Summary() {
    const [summary, setSummary] = useState(null);
    async function load() {
      const payload = await (await fetch(${url})).json();
      setSummary({ text: payload.summary, at: Date.now() });
    }
    return <div onClick={load}>{summary?.text}</div>;
  }
`;

// An action's object argument whose fields only go, in a literal, to supabase auth's credential check (hotswapai
// src/utils/actions.tsx:8, labelled clean): the provider judges them. Stored, or handed to another client, they stay a use.
const SUPA = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"@supabase/supabase-js\": \"^2.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const LOGIN = (hand: string) => dedent`
  "use server";
  import { createClient } from "@/utils/supabase/server";
  export async function login(formData: { email: string; password: string }) {
    const supabase = await createClient();
    const data = { email: formData.email, password: formData.password };
    const { error } = await ${hand}(data);
    if (error) return { success: false, error: error.message };
    return { success: true };
  }
`;
// Another shape: an Express route handing a literal of body fields straight to verifyOtp.
const EXPRESS_SUPA = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"@supabase/supabase-js\": \"^2.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const OTP = (hand: string) => dedent`
  const express = require("express");
  const router = express.Router();
  router.post("/otp", async (req, res) => {
    const { data, error } = await ${hand}({ email: req.body.email, token: req.body.code, type: "email" });
    if (error) return res.status(401).json({ error: error.message });
    res.json({ session: data.session });
  });
  module.exports = router;
`;

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("nextServerAction: text columns as eq filters of a select the action returns", ACTION("modelName: string, userId: string", "return (await db.select().from(conversations).where(and(eq(conversations.modelName, modelName), eq(conversations.userId, userId)))).toReversed();"), QUERIES, PG),
  ok("nextServerAction: a text column's filter in an exists() subquery of a returned select", ACTION("userId: string", "const result = await db.select().from(conversations).where(exists(db.select({ n: apiKeys.name }).from(apiKeys).where(eq(apiKeys.userId, userId))));\n  return result;"), QUERIES, PG),
  ok("nextServerAction: rows bound to a name a return reads", ACTION("userId: string", "const rows = await db.select().from(apiKeys).where(eq(apiKeys.userId, userId));\n  return lookupSecret(rows[0].name);"), QUERIES, PG),
  ok("nextServerAction: sqlite text column of a callback table, relational findMany returned", NOTES("t.text()", "eq(notes.slug, slug)"), "app/notes/actions.ts", SQLITE),
  ok("nextServerAction: mysql varchar column, the row's field returned", SKUS("varchar(\"code\", { length: 32 })"), "app/skus/actions.ts", SQLITE),
  ok("honoRequest: a query value compared with a non-empty literal before it is stored", TAGS("label === \"urgent\""), "src/routes/tags.ts", HONO),
  ok("nextAppRequest: a body field only in the text of an AI SDK prompt", PLAN("ai", "`Goal: ${goal}`"), "app/api/plans/generate/route.ts", NEXT_AI),
  ok("expressBody: body fields only in the text of an AI SDK streamText prompt", ESSAY("`Write a ${tone} essay about ${topic}.`"), "routes/essay.js", EXPRESS_AI),
  ok("nextAppRequest: a field taken through the handler's own typeof-checking helper", PROFILE("(v) => {\n    if (typeof v !== \"string\") return null;\n    const trimmed = v.trim();\n    return trimmed.length === 0 ? null : trimmed.slice(0, 100);\n  }"), "app/api/user/profile/route.js", NEXT_MONGO),
  ok("fetchJson: the page's own API reply's field appended to React state", CHAT_PAGE("\"/api/chat\"", "setMessages([...next, data.reply]);"), "app/routes/chat.tsx", REACT),
  ok("fetchJson: the page's own API reply's field in an object literal handed to a setter", SUMMARY("\"/api/summary\""), "src/Summary.tsx", REACT),
  ok("nextServerAction: an object argument's fields only in a literal handed to supabase auth", LOGIN("supabase.auth.signInWithPassword"), "src/utils/actions.tsx", SUPA),
  ok("expressBody: body fields only in a literal handed to supabase auth's verifyOtp", OTP("supabase.auth.verifyOtp"), "routes/otp.js", EXPRESS_SUPA),
  ok("honoRequest: a field taken through a function expression that throws on a non-string", RENAME("function (value) {\n      if (typeof value !== \"string\" || value.length > 40) throw new HTTPException(400);\n      return value;\n    }"), "src/routes/teams.ts", HONO_PG),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("nextServerAction: a number argument on an integer column", ACTION("conversationId: number", "return db.select().from(conversations).where(eq(conversations.id, conversationId));"), QUERIES, PG, "nextServerAction", 6, 30, 44),
  row("nextServerAction: a string argument on a uuid column", ACTION("userId: string", "return db.select({ firstName: profiles.firstName }).from(profiles).where(eq(profiles.id, userId));"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: a text column as an update's filter", ACTION("userId: string", "return db.update(conversations).set({ modelName: \"x\" }).where(eq(conversations.userId, userId));"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: a select whose rows the action drops", ACTION("userId: string", "await db.select().from(apiKeys).where(eq(apiKeys.userId, userId));\n  return { ok: true };"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: an argument only tested !== \"\" and stored", ACTION("userId: string", "if (userId !== \"\") {\n    return db.insert(apiKeys).values({ name: \"k\", userId: userId });\n  } else throw new Error(\"no user\");"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: sqlite text in json mode parses what it stores", NOTES("t.text({ mode: \"json\" })", "eq(notes.slug, slug)"), "app/notes/actions.ts", SQLITE, "nextServerAction", 8, 35, 39),
  row("nextServerAction: an integer column of the callback table", NOTES("t.text()", "eq(notes.handle, slug)"), "app/notes/actions.ts", SQLITE, "nextServerAction", 8, 35, 39),
  row("nextServerAction: a mysql int column", SKUS("int(\"code\")"), "app/skus/actions.ts", SQLITE, "nextServerAction", 6, 32, 36),
  row("honoRequest: a query value only tested !== \"\" and stored", TAGS("label !== \"\""), "src/routes/tags.ts", HONO, "honoRequest", 4, 17, 37),
  row("nextAppRequest: a body field handed to the prompt as it is", PLAN("ai", "goal"), "app/api/plans/generate/route.ts", NEXT_AI, "nextAppRequest", 5, 26, 36),
  row("nextAppRequest: generateText of the project's own module", PLAN("@/lib/llm", "`Goal: ${goal}`"), "app/api/plans/generate/route.ts", NEXT_AI, "nextAppRequest", 5, 26, 36),
  row("nextAppRequest: the handler's own helper checks nothing", PROFILE("(v) => v.slice(0, 100)"), "app/api/user/profile/route.js", NEXT_MONGO, "nextAppRequest", 4, 22, 32),
  row("honoRequest: a function expression that only trims", RENAME("function (value) {\n      return value.trim();\n    }"), "src/routes/teams.ts", HONO_PG, "honoRequest", 4, 25, 37),
  row("fetchJson: another host's reply appended to React state", CHAT_PAGE("\"https://api.example.com/chat\"", "setMessages([...next, data.reply]);"), "app/routes/chat.tsx", REACT, "fetchJson", 7, 24, 34),
  row("fetchJson: the page's own API reply's field stored in localStorage", CHAT_PAGE("\"/api/chat\"", "localStorage.setItem(\"last\", data.reply);"), "app/routes/chat.tsx", REACT, "fetchJson", 7, 24, 34),
  row("fetchJson: another host's reply in the object literal handed to a setter", SUMMARY("\"https://api.example.com/summary\""), "src/Summary.tsx", REACT, "fetchJson", 5, 27, 82),
  row("nextServerAction: the same literal inserted into a table", LOGIN("supabase.from(\"logins\").insert"), "src/utils/actions.tsx", SUPA, "nextServerAction", 3, 29, 37),
  row("nextServerAction: the same literal handed to a sign-in of another client", LOGIN("crm.signInWithPassword"), "src/utils/actions.tsx", SUPA, "nextServerAction", 3, 29, 37),
  row("expressBody: the literal handed to a table insert", OTP("supabase.from(\"otps\").insert"), "routes/otp.js", EXPRESS_SUPA, "expressBody", 4, 71, 79),
  row("nextAppRequest: a copy of the query's get() as a Mongo filter", CHATS, "app/api/chat/route.js", NEXT_MONGO, "nextAppRequest", 4, 19, 71),
  row("nextAppRequest: a copy in a local of a URL in a local, an uncapped parseInt paging a find", SEARCH, "app/api/search/route.js", NEXT_MONGO, "nextAppRequest", 5, 26, 45),
  row("webRequest: a copy kept in a local, its get() as a delete's filter", PURGE, "supabase/functions/purge/index.ts", DENO, "webRequest", 3, 16, 30),
];

runWithNamedCases(valid, invalid);
