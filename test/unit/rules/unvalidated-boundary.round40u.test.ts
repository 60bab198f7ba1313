import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired held round 40, session 37, developer ub37: decided unvalidated-boundary errors as classes. Hand-written rows.

// 1. A session cookie only used as the key of a key-value cache (resuInstant `src/controllers/auth.controller.js:344`,
// `src/middlewares/auth.middleware.js:7`, decided clean): the token blacklist's `cache.set(token, "blacklisted")` and
// `cache.get(token)` look a string up, like the token handed to `jwt.verify`; a cookie in a database filter stays a use.
const EXPRESS_COOKIES = { "package.json": "{ \"name\": \"api\", \"type\": \"module\", \"dependencies\": { \"express\": \"^5.1.0\", \"cookie-parser\": \"^1.4.7\", \"ioredis\": \"^5.4.0\", \"jsonwebtoken\": \"^9.0.0\", \"mongoose\": \"^8.0.0\" } }\n" };

const cookieValid: ValidCase[] = [
  { name: "Express controller (JS): a cookie token only presence-tested and set as a cache key on logout", filename: "src/controllers/auth.controller.js", files: EXPRESS_COOKIES, code: dedent`
    import cacheInstance from "../services/cache.service.js";
    export const logoutController = async (req, res) => {
      try {
        let token = req.cookies.token;
        if (!token) {
          return res.status(404).json({ message: "token not found" });
        }
        await cacheInstance.set(token, "blacklisted");
        res.clearCookie("token");
        return res.status(200).json({ message: "logged out" });
      } catch (error) {
        return res.status(500).json({ message: "Internal server error" });
      }
    };
  ` },
  { name: "Express middleware (JS): a cookie token looked up in a Redis blacklist, then verified", filename: "src/middlewares/auth.middleware.js", files: EXPRESS_COOKIES, code: dedent`
    import jwt from "jsonwebtoken";
    import redis from "../services/redis.js";
    import UserModel from "../models/User.model.js";
    const authMiddleware = async (req, res, next) => {
      const token = req.cookies?.token;
      if (!token) return res.status(401).json({ message: "Token not found" });
      const isBlacklisted = await redis.get(token);
      if (isBlacklisted) return res.status(401).json({ message: "Token blacklisted" });
      const decoded = jwt.verify(token, process.env.JWT_SECRET);
      req.user = await UserModel.findById(decoded.id);
      next();
    };
    export default authMiddleware;
  ` },
  { name: "Express router (TS): a session id cookie read from a class's session cache", filename: "src/routes/session.ts", files: EXPRESS_COOKIES, code: dedent`
    import { Router, type Request, type Response } from "express";
    import type { Redis } from "ioredis";
    export class SessionRoutes {
      constructor(private readonly sessionCache: Redis) {}
      router(): Router {
        const r = Router();
        r.get("/me", async (req: Request, res: Response) => {
          const sid: string | undefined = req.cookies["sid"];
          if (!sid) return res.sendStatus(401);
          const userJson = await this.sessionCache.get(sid);
          if (!userJson) return res.sendStatus(401);
          await this.sessionCache.expire(sid, 3600);
          res.type("json").send(userJson);
        });
        return r;
      }
    }
  ` },
];

const COOKIE_FILTER = dedent`
  import express from "express";
  import cookieParser from "cookie-parser";
  import redis from "./redis.js";
  import Session from "./models/Session.js";
  const app = express();
  app.use(cookieParser());
  app.get("/me", async (req, res) => {
    const sid = req.cookies.sid;
    if (!sid) return res.sendStatus(401);
    await redis.expire(sid, 3600);
    const session = await Session.findOne({ sid });
    res.json(session);
  });
`;

const QUERY_KEY = dedent`
  import express from "express";
  import redis from "./redis.js";
  const app = express();
  app.get("/flag", async (req, res) => {
    const value = await redis.get(req.query.key);
    res.json({ value });
  });
`;

// The Zod fixes (suggestions): the cookie or query bag's schema parsed at the read.
const COOKIE_FILTER_FIXED = "import express from \"express\";\nimport cookieParser from \"cookie-parser\";\nimport redis from \"./redis.js\";\nimport Session from \"./models/Session.js\";\nimport { z } from \"zod\";\nconst app = express();\napp.use(cookieParser());\nconst GetMeCookies = z.object({ sid: z.string().optional() });\n\napp.get(\"/me\", async (req, res) => {\n  const parsed = GetMeCookies.safeParse(req.cookies);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const sid = parsed.data.sid;\n  if (!sid) return res.sendStatus(401);\n  await redis.expire(sid, 3600);\n  const session = await Session.findOne({ sid });\n  res.json(session);\n});\n";
const QUERY_KEY_FIXED = "import express from \"express\";\nimport redis from \"./redis.js\";\nimport { z } from \"zod\";\nconst app = express();\nconst GetFlagQuery = z.object({ key: z.string() });\n\napp.get(\"/flag\", async (req, res) => {\n  const parsed = GetFlagQuery.safeParse(req.query);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const value = await redis.get(parsed.data.key);\n  res.json({ value });\n});\n";

const cookieInvalid: InvalidCase[] = [
  { name: "Express: a cookie set as a cache key and also a Mongo filter stays a use", code: COOKIE_FILTER, filename: "src/app.js", files: EXPRESS_COOKIES, output: null, findings: [
    { case: "expressQuery", line: 8, column: 15, endColumn: 26, suggestions: [{ title: "Validate req.cookies with Zod (adds the zod dependency)", output: COOKIE_FILTER_FIXED }, mark(COOKIE_FILTER, "expressQuery", 8)] },
  ] },
  { name: "Express: a query value as a Redis key stays a use (only cookies are looked up as tokens)", code: QUERY_KEY, filename: "src/app.js", files: EXPRESS_COOKIES, output: null, findings: [
    { case: "expressQuery", line: 5, column: 33, endColumn: 42, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: QUERY_KEY_FIXED }, mark(QUERY_KEY, "expressQuery", 5)] },
  ] },
];

// 2. The model's answer cut out of its fences by a cleaner helper of the module that works on a local copy
// (`let cleaned = rawContent.trim(); cleaned = cleaned.replace(…); cleaned = cleaned.substring(first, last + 1);
// return cleaned.trim()`), parsed and returned with only presence checks (PaperTrail `app/openai.server.tsx:100`,
// decided finding): the helper gives back the same text, so the parse is the model's output.
const OPENAI = { "package.json": "{ \"name\": \"receipts\", \"dependencies\": { \"openai\": \"^4.70.0\", \"@anthropic-ai/sdk\": \"^0.30.0\", \"@prisma/client\": \"^5.0.0\" } }\n" };

const RECEIPT = dedent`
  import OpenAI from "openai";
  const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30000 });
  export interface ReceiptData {
    is_receipt: boolean;
    merchant_name: string;
    total: string;
    currency: string;
  }
  function cleanJsonResponse(rawContent: string): string {
    let cleaned = rawContent.trim();
    cleaned = cleaned.replace(/^\`\`\`json\\s*/, "");
    cleaned = cleaned.replace(/\\s*\`\`\`$/, "");
    const firstBrace = cleaned.indexOf("{");
    const lastBrace = cleaned.lastIndexOf("}");
    if (firstBrace !== -1 && lastBrace !== -1) {
      cleaned = cleaned.substring(firstBrace, lastBrace + 1);
    }
    cleaned = cleaned.replace(/,\\s*}/g, "}");
    return cleaned.trim();
  }
  async function extractImageData(url: string): Promise<ReceiptData> {
    const completion = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url } }] }],
    });
    const rawContent = completion.choices[0]?.message?.content?.trim() || "";
    const cleanedContent = cleanJsonResponse(rawContent);
    let extracted: ReceiptData;
    try {
      extracted = JSON.parse(cleanedContent);
    } catch (parseError) {
      throw new Error("Failed to parse receipt data", { cause: parseError });
    }
    if (typeof extracted.is_receipt !== "boolean") throw new Error("missing is_receipt");
    if (!extracted.merchant_name && !extracted.total) throw new Error("insufficient data");
    return extracted;
  }
  export { extractImageData };
`;

const CLAUDE_NOTES = dedent`
  const Anthropic = require("@anthropic-ai/sdk");
  const { PrismaClient } = require("@prisma/client");
  const anthropic = new Anthropic();
  const prisma = new PrismaClient();
  function unfence(text) {
    let body = text;
    body = body.replace(/\`\`\`(json)?/g, "");
    body = body.slice(body.indexOf("["), body.lastIndexOf("]") + 1);
    return body;
  }
  async function saveTasks(userId, notes) {
    const msg = await anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 1024, messages: [{ role: "user", content: notes }] });
    const tasks = JSON.parse(unfence(msg.content[0].text));
    for (const task of tasks) {
      await prisma.task.create({ data: { userId, ...task } });
    }
  }
  module.exports = { saveTasks };
`;

const modelInvalid: InvalidCase[] = [
  { name: "OpenAI (TS): a cleaner helper's local copy of the answer, parsed and returned after presence checks", code: RECEIPT, filename: "app/openai.server.ts", files: OPENAI, output: null, findings: [
    { case: "jsonParseExternal", line: 30, column: 17, endColumn: 43, suggestions: [mark(RECEIPT, "jsonParseExternal", 30)] },
  ] },
  { name: "Anthropic (CommonJS): a fence-cutting helper's local, parsed and spread into a Prisma create", code: CLAUDE_NOTES, filename: "src/tasks.js", files: OPENAI, output: null, findings: [
    { case: "jsonParseExternal", line: 13, column: 17, endColumn: 57, suggestions: [mark(CLAUDE_NOTES, "jsonParseExternal", 13)] },
  ] },
];

// 3. A fetch wrapper of the module that retries by calling itself (`if (response.status === 429 && retryCount < 2)
// return generateContent(retryCount + 1); return response;`, kycaine/wacapi `apps/worker/src/services/gemini.ts:97`,
// decided finding): its other returns are the Response, so the reply read from its answer is another host's reply.
const WORKER = { "package.json": "{ \"name\": \"worker\", \"dependencies\": { \"hono\": \"^4.6.0\" } }\n" };

const GEMINI = dedent`
  export class GeminiService {
    constructor(private apiKey: string) {}
    async generateResponse(prompt: string): Promise<string | null> {
      const url = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${this.apiKey}\`;
      const generateContent = async (retryCount = 0): Promise<Response> => {
        const response = await fetch(url, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text: prompt }] }] }), signal: AbortSignal.timeout(20000) });
        if (response.status === 429 && retryCount < 2) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          return generateContent(retryCount + 1);
        }
        return response;
      };
      const response = await generateContent();
      if (!response.ok) {
        return null;
      }
      const data = (await response.json()) as any;
      if (data.candidates && data.candidates.length > 0) {
        return data.candidates[0].content.parts[0].text.trim();
      }
      return null;
    }
  }
`;

const BILLING = dedent`
  async function postWithRetry(url, body, attempt = 0) {
    const res = await fetch(url, { method: "POST", body: JSON.stringify(body), signal: AbortSignal.timeout(10000) });
    if (res.status >= 500 && attempt < 3) return await postWithRetry(url, body, attempt + 1);
    return res;
  }
  async function createInvoice(db, order) {
    const res = await postWithRetry("https://billing.example.com/invoices", { amount: order.amount });
    if (!res.ok) throw new Error("billing failed");
    const invoice = await res.json();
    await db.invoice.create({ data: { orderId: order.id, externalId: invoice.id, total: invoice.total } });
  }
  module.exports = { createInvoice };
`;

// The Zod fix (a suggestion): a schema of the fields the code reads, parsed at the read.
const GEMINI_FIXED = [
  "import { z } from \"zod\";",
  "",
  "const GenerateResponse = z.object({",
  "  candidates: z.array(z.object({",
  "    content: z.object({ parts: z.array(z.object({ text: z.string() })) }),",
  "  })).nullish(),",
  "});",
  "",
  GEMINI.replace("(await response.json()) as any", "(GenerateResponse.parse(await response.json())) as any"),
].join("\n");

const retryInvalid: InvalidCase[] = [
  { name: "Workers (TS class): a local fetch wrapper retrying itself on 429, the candidates' text read", code: GEMINI, filename: "src/services/gemini.ts", files: WORKER, output: null, findings: [
    { case: "fetchJson", line: 17, column: 25, endColumn: 40, suggestions: [{ title: "Validate response.json() with Zod (adds the zod dependency)", output: GEMINI_FIXED }, mark(GEMINI, "fetchJson", 17)] },
  ] },
  { name: "Node (CommonJS): a function declaration retrying itself with await, its reply's fields stored", code: BILLING, filename: "src/billing.js", files: WORKER, output: null, findings: [
    { case: "fetchJson", line: 9, column: 25, endColumn: 35, suggestions: [mark(BILLING, "fetchJson", 9)] },
  ] },
];

// 4. A Hono webhook's raw body read as text and parsed (`const rawBody = await c.req.text(); … JSON.parse(rawBody)`,
// kycaine/wacapi `apps/worker/src/controllers/webhook.ts:60`, decided finding: the signature check runs only when
// `APP_SECRET` is set): the parse is the request's body, reported there like `await c.req.json()`.
const HONO_WEBHOOK = dedent`
  import type { Context } from "hono";
  import { verifySignature } from "../utils/crypto";
  type Bindings = { APP_SECRET?: string; DB: D1Database };
  export const handleWebhook = async (c: Context<{ Bindings: Bindings }>) => {
    const signature = c.req.header("x-hub-signature-256");
    const rawBody = await c.req.text();
    if (c.env.APP_SECRET) {
      if (!signature) return c.text("Forbidden", 403);
      const isValid = await verifySignature(c.env.APP_SECRET, signature, rawBody);
      if (!isValid) return c.text("Forbidden", 403);
    }
    const body = JSON.parse(rawBody);
    for (const entry of body.entry || []) {
      for (const message of entry.messages || []) {
        await c.env.DB.prepare("INSERT INTO chats (sender, text) VALUES (?, ?)").bind(message.from, message.text.body).run();
      }
    }
    return c.text("EVENT_RECEIVED", 200);
  };
`;

const HONO_INLINE = dedent`
  import { Hono } from "hono";
  const app = new Hono<{ Bindings: { KV: KVNamespace } }>();
  app.post("/events", async (c) => {
    const event = JSON.parse(await c.req.raw.text());
    await c.env.KV.put(\`event:\${event.id}\`, JSON.stringify(event.data));
    return c.text("ok");
  });
  export default app;
`;

const honoValid: ValidCase[] = [
  // The route's own validator checks the body: the text read is the validated body's.
  { name: "Hono: a text body parsed on a route whose validator checks the json", filename: "src/app.ts", files: WORKER, code: dedent`
    import { Hono } from "hono";
    import { zValidator } from "@hono/zod-validator";
    import { z } from "zod";
    const app = new Hono();
    app.post("/events", zValidator("json", z.object({ id: z.string() })), async (c) => {
      const event = JSON.parse(await c.req.text());
      return c.json({ id: event.id });
    });
    export default app;
  ` },
];

const honoInvalid: InvalidCase[] = [
  { name: "Hono controller: a webhook's raw text parsed after a signature check that runs only when a secret is set", code: HONO_WEBHOOK, filename: "src/controllers/webhook.ts", files: WORKER, output: null, findings: [
    { case: "honoRequest", line: 12, column: 16, endColumn: 35, suggestions: [mark(HONO_WEBHOOK, "honoRequest", 12)] },
  ] },
  { name: "Hono inline route: c.req.raw.text() parsed and keyed into KV", code: HONO_INLINE, filename: "src/index.ts", files: WORKER, output: null, findings: [
    { case: "honoRequest", line: 4, column: 17, endColumn: 51, suggestions: [mark(HONO_INLINE, "honoRequest", 4)] },
  ] },
];

// 5. A project function reached through a folder's barrel (`import { saveUserEmail } from "../../core/supabase"`,
// whose index only has `export * from "./saveUserEmail"`; gHashTag/neuro-blogger-telegraf-bot
// `src/scenes/emailWizard/index.ts:95`, decided finding): the function in the module the barrel names is read,
// as for a direct import, both ways: it stores the value, or it validates it.
const TELEGRAF_SUPABASE = {
  "package.json": "{ \"name\": \"bot\", \"dependencies\": { \"telegraf\": \"^4.16.0\", \"@supabase/supabase-js\": \"^2.45.0\" } }\n",
  "src/core/supabase/index.ts": dedent`
    import { createClient } from "@supabase/supabase-js";
    export const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);
    export * from "./saveUserEmail";
  `,
  "src/core/supabase/saveUserEmail.ts": dedent`
    import { supabase } from ".";
    export async function saveUserEmail(telegramId: string, email: string): Promise<void> {
      const { error } = await supabase.from("users").update({ email }).eq("telegram_id", telegramId);
      if (error) throw new Error("could not save the e-mail", { cause: error });
    }
  `,
};

const EMAIL_SCENE = dedent`
  import { Scenes } from "telegraf";
  import { saveUserEmail } from "../../core/supabase";
  export const emailWizard = new Scenes.BaseScene<Scenes.SceneContext>("emailWizard");
  emailWizard.hears(/@/, async (ctx) => {
    const email = ctx.message.text;
    await saveUserEmail(ctx.from.id.toString(), email);
    await ctx.reply("Your e-mail has been saved");
  });
`;

const EXPRESS_BARREL = {
  "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.21.0\", \"zod\": \"^3.23.0\", \"@prisma/client\": \"^5.0.0\" } }\n",
  "src/db.ts": "import { PrismaClient } from \"@prisma/client\";\nexport const prisma = new PrismaClient();\n",
  "src/services/index.ts": "export * from \"./user.service\";\n",
  "src/services/user.service.ts": dedent`
    import { z } from "zod";
    import { prisma } from "../db";
    const NewUser = z.object({ email: z.string().email(), name: z.string().max(80) });
    export async function createUser(input: unknown) {
      const data = NewUser.parse(input);
      return prisma.user.create({ data });
    }
  `,
};

const barrelValid: ValidCase[] = [
  { name: "Express: the body handed through a services barrel to a function that parses it with Zod", filename: "src/app.ts", files: EXPRESS_BARREL, code: dedent`
    import express from "express";
    import { createUser } from "./services";
    const app = express();
    app.use(express.json());
    app.post("/users", async (req, res) => {
      const user = await createUser(req.body);
      res.status(201).json(user);
    });
    export default app;
  ` },
];

/** The Zod fix (a suggestion) of a chat text: the import after line 2, a string schema after line 3, `read` parsed where it is read. */
function stringFix(code: string, schema: string, read: string): { title: string; output: string } {
  const output = code.split("\n").flatMap((l, i) => {
    if (i === 1) return [l, "import { z } from \"zod\";"];
    if (i === 2) return [l, `const ${schema} = z.string();`, ""];
    return [l.replace(read, `${schema}.parse(${read})`)];
  }).join("\n");
  return { title: `Validate ${read} with Zod (adds the zod dependency)`, output };
}

const barrelInvalid: InvalidCase[] = [
  { name: "telegraf scene: the typed text handed through a barrel to a function that stores it", code: EMAIL_SCENE, filename: "src/scenes/emailWizard/index.ts", files: TELEGRAF_SUPABASE, output: null, findings: [
    { case: "messagePayload", line: 5, column: 17, endColumn: 33, suggestions: [stringFix(EMAIL_SCENE, "EmailSchema", "ctx.message.text"), mark(EMAIL_SCENE, "messagePayload", 5)] },
  ] },
];

// 6. telegraf's `ctx.match.input` (the RegExpExecArray's whole text, gHashTag/neuro-blogger-telegraf-bot
// `src/bot.ts:43`: callback data matched by the unanchored `/^select_model_/` whose remainder is stored as the
// user's model): the callback data itself, like `ctx.match[0]`; an anchored trigger with no wildcard pins it.
const TELEGRAF_MODEL = {
  "package.json": "{ \"name\": \"bot\", \"dependencies\": { \"telegraf\": \"^4.16.0\", \"@supabase/supabase-js\": \"^2.45.0\" } }\n",
  "src/core/supabase.ts": dedent`
    import { createClient } from "@supabase/supabase-js";
    const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);
    export async function setModel(telegramId: string, model: string): Promise<void> {
      await supabase.from("users").update({ model }).eq("telegram_id", telegramId);
    }
  `,
};

const MODEL_ACTION = dedent`
  import { Telegraf } from "telegraf";
  import { setModel } from "./core/supabase";
  const bot = new Telegraf(process.env.BOT_TOKEN!);
  bot.action(/^select_model_/, async (ctx) => {
    const model = ctx.match.input.replace("select_model_", "");
    await setModel(ctx.from.id.toString(), model);
    await ctx.answerCbQuery();
  });
`;

const matchValid: ValidCase[] = [
  { name: "telegraf: ctx.match.input of an anchored trigger with no wildcard (one of the values it allows)", filename: "src/bot.ts", files: TELEGRAF_MODEL, code: dedent`
    import { Telegraf } from "telegraf";
    import { setModel } from "./core/supabase";
    const bot = new Telegraf(process.env.BOT_TOKEN!);
    bot.action(/^select_model_(gpt-4o|claude-3-5-sonnet)$/, async (ctx) => {
      const model = ctx.match.input.replace("select_model_", "");
      await setModel(ctx.from.id.toString(), model);
    });
  ` },
];

const matchInvalid: InvalidCase[] = [
  { name: "telegraf: ctx.match.input of an unanchored callback trigger stored as the user's model", code: MODEL_ACTION, filename: "src/bot.ts", files: TELEGRAF_MODEL, output: null, findings: [
    { case: "messagePayload", line: 5, column: 17, endColumn: 26, suggestions: [stringFix(MODEL_ACTION, "TextSchema", "ctx.match.input"), mark(MODEL_ACTION, "messagePayload", 5)] },
  ] },
];

describe("unvalidated-boundary: retired round 40's decided classes (session 37)", () => {
  runWithNamedCases([...cookieValid, ...honoValid, ...barrelValid, ...matchValid], [...cookieInvalid, ...modelInvalid, ...retryInvalid, ...honoInvalid, ...barrelInvalid, ...matchInvalid]);
});
