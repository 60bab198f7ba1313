import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired held round 39, session 36, developer ub36: its decided unvalidated-boundary errors as classes. Hand-written rows.

// 1. A route parameter looked up first through a service of another module (xfaci/lakapsul booking.controller.ts:67,
// forum.controller.ts:64, decided clean): a signed-in route's path segment handed to a function of the project whose first
// use of it is a Prisma lookup of one row on a field the schema keeps as text, the miss thrown, then a write.
const FASTIFY_PRISMA = {
  "package.json": "{ \"name\": \"api\", \"dependencies\": { \"fastify\": \"^5.0.0\", \"@fastify/jwt\": \"^9.0.0\", \"@prisma/client\": \"^5.0.0\" } }\n",
  "prisma/schema.prisma": "model Booking {\n  id      String @id @default(cuid())\n  status  String\n}\n\nmodel Slot {\n  id      String @id @default(uuid()) @db.Uuid\n  status  String\n}\n",
};
const BOOKING_CONTROLLER = (auth: string) => dedent`
  import { FastifyReply, FastifyRequest } from "fastify";
  import { bookingService } from "../services/booking.service";
  export const updateBookingStatus = async (request: FastifyRequest, reply: FastifyReply) => {
    ${auth}
    const { id } = request.params as { id: string };
    const booking = await bookingService.updateStatus(id, "CONFIRMED");
    reply.send({ success: true, booking });
  };
`;
const BOOKING_SERVICE = (model: string, after: string) => ({
  ...FASTIFY_PRISMA,
  "src/routes/booking.routes.ts": dedent`
    import { FastifyInstance } from "fastify";
    import { updateBookingStatus } from "../controllers/booking.controller";
    export async function bookingRoutes(fastify: FastifyInstance) {
      fastify.patch("/bookings/:id/status", updateBookingStatus);
    }
  `,
  "src/services/booking.service.ts": dedent`
    import { prisma } from "../lib/prisma";
    export const bookingService = {
      async updateStatus(bookingId: string, status: string) {
        const booking = await prisma.${model}.findUnique({ where: { id: bookingId } });
        if (!booking) {
          throw new Error("BOOKING_NOT_FOUND");
        }
        ${after}
      },
    };
  `,
});
const UPDATE = "return prisma.booking.update({ where: { id: bookingId }, data: { status } });";
// The same class in Express, the key handed as a field of an object the service destructures (forum.controller.ts:64's shape).
const EXPRESS_PRISMA = {
  "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.0.0\", \"@prisma/client\": \"^5.0.0\" } }\n",
  "prisma/schema.prisma": "model Thread {\n  id       String  @id @default(cuid())\n  isLocked Boolean @default(false)\n}\n",
  "src/services/forum.ts": dedent`
    import { prisma } from "../db";
    export async function createPost(authorId: string, payload: { threadId: string; content: string }) {
      const { threadId, content } = payload;
      const thread = await prisma.thread.findUnique({ where: { id: threadId } });
      if (!thread) throw new Error("THREAD_NOT_FOUND");
      return prisma.post.create({ data: { threadId, authorId, content } });
    }
  `,
};
const POSTS_ROUTE = (auth: string) => dedent`
  import { Router } from "express";
  import { createPost } from "../services/forum";
  const router = Router();
  router.post("/threads/:id/posts", async (req, res) => {
    ${auth}
    const post = await createPost(req.user.id, { threadId: req.params.id, content: "(draft)" });
    res.status(201).json(post);
  });
  export default router;
`;

// 2. A later read the use's name is declared from, falling back to an earlier read of the same input (ikusner13/lonely-chat
// bot.tsx:67, decided finding; :66's OAuth code clean): the finding goes to the line that names the key.
const HONO = { "package.json": "{ \"name\": \"auth\", \"dependencies\": { \"hono\": \"^4.0.0\" } }\n" };
const CALLBACK = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  const storage: { bots: Record<string, unknown> } = { bots: {} };
  app.get("/callback", async (c) => {
    const state = c.req.query("state");
    const botName = c.req.query("botName") || state?.split(":")[1];
    if (!botName) return c.text("missing", 400);
    storage.bots[botName] = { savedAt: Date.now() };
    return c.text("ok");
  });
`;

// 3. A query string as the `.eq` filter of a PostgREST read built up in a `let`, whose declared chain names the
// signed-in user (360tft/CoachReflect app/api/tasks/route.ts:17, decided clean).
const NEXT = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"@supabase/supabase-js\": \"^2.0.0\" } }\n" };
const TASKS = (owner: string) => dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function GET(request: Request) {
    const supabase = await createClient();
    const { data: { user } } = await supabase.auth.getUser();
    if (!user) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
    const { searchParams } = new URL(request.url);
    const status = searchParams.get("status");
    let query = supabase.from("tasks").select("*")${owner}.order("created_at");
    if (status) {
      query = query.eq("status", status);
    }
    const { data: tasks } = await query;
    return NextResponse.json(tasks);
  }
`;

// 4. A model's JSON answer parsed with its fences cut off (21leahcimhtiek-oss/roastmycode stream/route.ts:103, 360tft/CoachReflect
// image/analyze/route.ts:166, decided findings): the text a project helper hands its callback, put together from the
// streamed deltas; Gemini's `result.response` read through a name.
const STREAM_HELPER = {
  ...NEXT,
  "lib/openrouter/client.ts": dedent`
    export async function streamReview(code: string, onComplete: (full: string) => void) {
      const response = await fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", body: JSON.stringify({ code, stream: true }) });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let fullText = "";
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const line of decoder.decode(value).split("\\n")) {
          try {
            const parsed = JSON.parse(line.slice(6));
            const text = parsed.choices?.[0]?.delta?.content ?? "";
            if (text) fullText += text;
          } catch {
            continue;
          }
        }
      }
      onComplete(fullText);
    }
  `,
};
const STREAM_ROUTE = dedent`
  import { streamReview } from "@/lib/openrouter/client";
  import { db } from "@/lib/db";
  export async function POST(request: Request) {
    const code = "const a = 1;";
    await streamReview(code, async (complete) => {
      const clean = complete.replace(/^\`\`\`json\\n?/, "").replace(/\\n?\`\`\`$/, "").trim();
      const parsed = JSON.parse(clean);
      await db.reviews.update({ issues: parsed.issues, summary: parsed.summary });
    });
    return new Response("ok");
  }
`;
const GEMINI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@google/generative-ai\": \"^0.21.0\" } }\n" };
const GEMINI_ROUTE = dedent`
  import { GoogleGenerativeAI } from "@google/generative-ai";
  const model = new GoogleGenerativeAI(process.env.GEMINI_KEY!).getGenerativeModel({ model: "gemini-2.0-flash" });
  export async function analyze(prompt: string, save: (a: unknown) => Promise<void>) {
    const result = await model.generateContent(prompt);
    const response = result.response;
    const textContent = response.text();
    let jsonText = textContent.trim();
    if (jsonText.startsWith("\`\`\`json")) jsonText = jsonText.slice(7);
    const analysis = JSON.parse(jsonText.trim());
    await save(analysis);
    return analysis;
  }
`;

// 5. An error body read in the failure branch that a `switch` on the status ends in every clause (thesunwave/telegram_history_bot
// openai-provider.ts:222, decided clean): it only words the thrown error.
const PROVIDER = (last: string) => dedent`
  export async function complete(body: unknown): Promise<unknown> {
    const response = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(body) });
    if (!response.ok) {
      let errorMessage = \`OpenAI API error: \${response.status}\`;
      try {
        const errorBody = await response.json();
        if (errorBody.error && errorBody.error.message) errorMessage = \`OpenAI API error: \${errorBody.error.message}\`;
      } catch {
        // keep the status text
      }
      switch (response.status) {
        case 401:
          throw new Error("Invalid OpenAI API key");
        case 500:
        case 502:
          throw new Error("OpenAI server error");
        ${last}
      }
    }
    return response.text();
  }
`;

// 6. An operator script's reply only tested and printed (Dynamic-Capital/chatty-telly-bot scripts/set-webhook.ts:54,
// decided clean; the docs' "read-only operator scripts whose replies are only printed").
const SCRIPT = (extra: string) => dedent`
  const token = process.env.TELEGRAM_BOT_TOKEN;
  const infoRes = await fetch(\`https://api.telegram.org/bot\${token}/getWebhookInfo\`);
  const infoJson = await infoRes.json();
  if (infoJson.ok) {
    const i = infoJson.result ?? {};
    console.log("Webhook URL:", i.url || "(none)");
    console.log("Pending updates:", i.pending_update_count ?? 0);
    const ts = i.last_error_date ? new Date(i.last_error_date * 1000).toISOString() : "";
    if (i.last_error_message) console.log("Last error:", i.last_error_message, ts);
    ${extra}
  } else {
    console.warn("Could not fetch getWebhookInfo:", infoJson);
  }
`;

// 7. An OAuth authorization code handed to the provider's code exchange (ikusner13/lonely-chat bot.tsx:65, work-99/Jtest-Backend
// auth.controller.ts:37, CorporateGuuu/nexustechhub discord/token/route.ts:5, decided clean; held round 28's token-endpoint rule).
const GOOGLE = {
  "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.0.0\", \"googleapis\": \"^140.0.0\" } }\n",
  "src/services/google.service.ts": dedent`
    import { google } from "googleapis";
    const oauth2Client = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, process.env.GOOGLE_REDIRECT_URI);
    export const getGoogleTokens = async (code: string) => {
      const { tokens } = await oauth2Client.getToken(code);
      return tokens;
    };
    export const saveCode = async (code: string) => {
      await db.codes.insert({ code });
    };
  `,
};
const GOOGLE_CALLBACK = (call: string) => dedent`
  import { Request, Response } from "express";
  import { getGoogleTokens, saveCode } from "../services/google.service";
  export const googleCallback = async (req: Request, res: Response): Promise<void> => {
    const { code } = req.query;
    if (!code) {
      res.status(400).json({ error: "Authorization code required" });
      return;
    }
    const tokens = await ${call}(code);
    res.json({ ok: !!tokens });
  };
`;
const DISCORD = (grant: string, test = "if (!code) return NextResponse.json({ error: \"Authorization code is required\" }, { status: 400 });") => dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest) {
    const { code } = await request.json();
    ${test}
    const tokenResponse = await fetch("https://discord.com/api/v10/oauth2/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: process.env.DISCORD_CLIENT_ID!, grant_type: "${grant}", code: code, redirect_uri: process.env.DISCORD_REDIRECT_URI! }),
    });
    return NextResponse.json({ ok: tokenResponse.ok });
  }
`;
const ARCTIC = dedent`
  import { Hono } from "hono";
  import { Twitch } from "arctic";
  const twitch = new Twitch(process.env.TWITCH_CLIENT_ID!, process.env.TWITCH_CLIENT_SECRET!, "http://localhost:8080/callback");
  const app = new Hono();
  app.get("/callback", async (c) => {
    const code = c.req.query("code");
    if (!code) return c.text("missing", 400);
    const tokens = await twitch.validateAuthorizationCode(code);
    return c.json({ expires: tokens.accessTokenExpiresAt().toISOString() });
  });
`;

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("fastifyRequest: a signed-in route id looked up first by an imported service on a text id, then updated", BOOKING_CONTROLLER("await request.jwtVerify();"), "src/controllers/booking.controller.ts", BOOKING_SERVICE("booking", UPDATE)),
  ok("expressParams: a signed-in route id handed as a field the service destructures and looks up first", POSTS_ROUTE("if (!req.user) return res.status(401).json({ error: \"sign in\" });"), "src/routes/posts.ts", EXPRESS_PRISMA),
  ok("nextAppRequest: a query string filtering a read built up in a let scoped to the signed-in user", TASKS(".eq(\"user_id\", user.id)"), "app/api/tasks/route.ts", NEXT),
  ok("fetchJson: an error body that only words the error a status switch throws in every clause", PROVIDER("default:\n        throw new Error(errorMessage);"), "src/providers/openai.ts", {}),
  ok("fetchJson: an operator script's reply only tested and printed", SCRIPT(""), "scripts/set-webhook.ts", {}),
  ok("expressQuery: an OAuth code handed to a helper that only exchanges it with Google", GOOGLE_CALLBACK("getGoogleTokens"), "src/controllers/auth.controller.ts", GOOGLE),
  ok("nextAppRequest: an OAuth code only a field of the authorization_code token request", DISCORD("authorization_code"), "src/app/api/auth/discord/token/route.ts", NEXT),
  ok("honoRequest: an OAuth code handed to arctic's code exchange", ARCTIC, "src/routes/callback.ts", { "package.json": "{ \"name\": \"auth\", \"dependencies\": { \"hono\": \"^4.0.0\", \"arctic\": \"^3.0.0\" } }\n" }),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

/** The Fastify rows' two suggestions: the Zod check of `request.params` the fix offers first, then the directive. */
function fastifyRow(name: string, auth: string, files: Record<string, string>): InvalidCase {
  const code = BOOKING_CONTROLLER(auth);
  const zod = code
    .replace("\nexport const", "\nimport { z } from \"zod\";\nconst UpdateBookingStatusParams = z.object({ id: z.string() });\n\nexport const")
    .replace("  const { id } = request.params as { id: string };", "  const parsed = UpdateBookingStatusParams.safeParse(request.params);\n  if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues });\n  const { id } = parsed.data as { id: string };");
  const suggestions = [{ title: "Validate request.params with Zod (adds the zod dependency)", output: zod }, mark(code, "fastifyRequest", 5)];
  return { name, code, filename: "src/controllers/booking.controller.ts", findings: [{ case: "fastifyRequest", line: 5, column: 18, endColumn: 32, suggestions }], files, output: null };
}

/** The code handed to a helper that stores it: the Zod check of `req.query` the fix offers first, then the directive. */
function storedCodeRow(): InvalidCase {
  const code = GOOGLE_CALLBACK("saveCode");
  const zod = code
    .replace("\nexport const", "\nimport { z } from \"zod\";\nconst GoogleCallbackQuery = z.object({ code: z.string().optional() });\n\nexport const")
    .replace("  const { code } = req.query;", "  const parsed = GoogleCallbackQuery.safeParse(req.query);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const { code } = parsed.data;");
  const suggestions = [{ title: "Validate req.query with Zod (adds the zod dependency)", output: zod }, mark(code, "expressQuery", 4)];
  return { name: "expressQuery: the code stored by the helper", code, filename: "src/controllers/auth.controller.ts", findings: [{ case: "expressQuery", line: 4, column: 20, endColumn: 29, suggestions }], files: GOOGLE, output: null };
}

const invalid: InvalidCase[] = [
  fastifyRow("fastifyRequest: the route is open to anyone", "// public", BOOKING_SERVICE("booking", UPDATE)),
  fastifyRow("fastifyRequest: a read-only service answering the row", "await request.jwtVerify();", BOOKING_SERVICE("booking", "return booking;")),
  fastifyRow("fastifyRequest: a uuid column parses the value first", "await request.jwtVerify();", BOOKING_SERVICE("slot", UPDATE.replace("booking.update", "slot.update"))),
  row("honoRequest: the key's own read reported, not the state it falls back to", CALLBACK, "src/routes/bot.tsx", HONO, "honoRequest", 6, 19, 41),
  row("nextAppRequest: a let query that names no user", TASKS(""), "app/api/tasks/route.ts", NEXT, "nextAppRequest", 8, 18, 44),
  row("jsonParseExternal: a model's streamed answer handed to the callback, parsed and stored", STREAM_ROUTE, "app/api/review/stream/route.ts", STREAM_HELPER, "jsonParseExternal", 7, 20, 37),
  row("jsonParseExternal: Gemini's answer read through a name, parsed and stored", GEMINI_ROUTE, "lib/analyze.ts", GEMINI, "jsonParseExternal", 9, 20, 47),
  row("fetchJson: a status switch whose default goes on", PROVIDER("default:\n        console.warn(errorMessage);"), "src/providers/openai.ts", {}, "fetchJson", 6, 31, 46),
  row("fetchJson: the script stores a field of the reply", SCRIPT("await Deno.writeTextFile(\"webhook.txt\", i.url);"), "scripts/set-webhook.ts", {}, "fetchJson", 3, 24, 38),
  row("fetchJson: the same reply printed outside a scripts folder", SCRIPT(""), "src/webhook-info.ts", {}, "fetchJson", 3, 24, 38),
  storedCodeRow(),
  row("nextAppRequest: a code field of a request that is no code exchange", DISCORD("client_credentials"), "src/app/api/auth/discord/token/route.ts", NEXT, "nextAppRequest", 3, 26, 40),
  row("nextAppRequest: an OAuth code sent on to the token request untested", DISCORD("authorization_code", "// no test"), "src/app/api/auth/discord/token/route.ts", NEXT, "nextAppRequest", 3, 26, 40),
];

runWithNamedCases(valid, invalid);
