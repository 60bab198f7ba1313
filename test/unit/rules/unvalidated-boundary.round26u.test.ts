import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 24, developer ub26 (issue 11): classes of unvalidated-boundary's misses and false positives
// on held round 25, retired to tune, written into docs/rules/unvalidated-boundary.md. Hand-written
// analogues, not the repositories' code.

// A Netlify Functions v2 handler: the module's default export takes a Web Request.
const NETLIFY_V2 = dedent`
  import { getUserPlan } from "./db.js";
  export default async (req, context) => {
    const { userId } = await req.json();
    if (!userId) return new Response("userId required", { status: 400 });
    return Response.json(await getUserPlan(userId));
  };
`;

// The same export declared as a function and exported by name at the end.
const NETLIFY_V2_NAMED = dedent`
  import { getUserPlan } from "./db.js";
  async function handler(request) {
    const userId = new URL(request.url).searchParams.get("user");
    return Response.json(await getUserPlan(userId));
  }
  export default handler;
`;

// A default export outside a Netlify functions folder answers no request the rule knows.
const DEFAULT_EXPORT_ELSEWHERE = NETLIFY_V2;

// A v1 handler written as a default export (\`(event, context)\`): no Web Request.
const NETLIFY_EVENT_DEFAULT = dedent`
  import { getUserPlan } from "./db.js";
  export default async function handler(event, context) {
    const { userId } = await event.json();
    return Response.json(await getUserPlan(userId));
  }
`;

// The reply's own success flag tested and answered in a try whose catch answers false: no use.
const OK_FLAG_ANSWERED = dedent`
  export async function sendMessage(token: string, chatId: number, text: string): Promise<boolean> {
    try {
      const response = await fetch(\`https://api.telegram.org/bot\${token}/sendMessage\`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ chat_id: chatId, text }),
      });
      const result = await response.json();
      if (!result.ok) console.error("Telegram API error:", result);
      return result.ok;
    } catch (error) {
      console.error("sendMessage failed", error);
      return false;
    }
  }
`;

// Without the try, a reply that is no object crashes where nothing expects it.
const OK_FLAG_NO_TRY = dedent`
  export async function sendMessage(token: string, chatId: number, text: string): Promise<boolean> {
    const response = await fetch(\`https://api.telegram.org/bot\${token}/sendMessage\`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: chatId, text }),
    });
    const result = await response.json();
    return result.ok;
  }
`;

// A body field read into a local (with a literal fallback) and only compared with literals.
const ACTION_COMPARED = dedent`
  Deno.serve(async (req) => {
    const body = await req.json();
    const action = body.action || "process";
    if (action === "reset") {
      await supabase.from("settings").update({ offset: 0 }).eq("key", "poll");
      return new Response("reset");
    }
    return new Response("ok");
  });
`;

// The same local used as a query filter: a use.
const ACTION_FILTER = dedent`
  Deno.serve(async (req) => {
    const body = await req.json();
    const mode = body.mode || "fast";
    const { data } = await supabase.from("jobs").select("*").eq("mode", mode);
    return Response.json(data);
  });
`;

// A chat text split by hand into pieces, each stored: the pieces are the message's values.
const SPLIT_PIECES_STORED = dedent`
  import TelegramBot from "node-telegram-bot-api";
  const bot = new TelegramBot(process.env.TOKEN!, { polling: true });
  bot.on("message", async (msg) => {
    const parts = msg.text.split(";");
    if (parts.length < 3) return;
    const [name, price, imageUrl] = parts;
    await productRepository.save({ name: name.trim(), price: parseFloat(price), imageUrl });
  });
`;

// Pieces only compared with literals: nothing of the text goes on.
const SPLIT_PIECES_COMPARED = dedent`
  import TelegramBot from "node-telegram-bot-api";
  const bot = new TelegramBot(process.env.TOKEN!, { polling: true });
  bot.on("message", async (msg) => {
    const [command, arg] = msg.text.split(" ");
    if (command === "/stats" && arg === "today") await bot.sendMessage(msg.chat.id, await todayStats());
  });
`;

// A Fastify controller whose handler is a class field (\`public create = async (req, rep) => …\`), registered
// by a route module without a schema: the field's name ties it to its registration.
const FIELD_CONTROLLER = dedent`
  import type { FastifyReply, FastifyRequest } from "fastify";
  class OrdersController {
    public create = async (req: FastifyRequest, rep: FastifyReply) => {
      const order = await prisma.order.create({ data: req.body });
      return rep.code(201).send(order);
    };
  }
  export default new OrdersController();
`;

// A Fastify controller registered two folders below the parent's routes folder (a versioned tree).
const HOOKS_CONTROLLER = dedent`
  export async function stripeEvent(request, reply) {
    await prisma.event.create({ data: request.body });
    return reply.code(204).send();
  }
`;

const hookRoutes = (options: string): string => dedent`
  const { stripeEvent } = require("../../../controllers/hooks.controller");
  module.exports = async function (fastify) {
    fastify.post("/stripe", ${options}stripeEvent);
  };
`;

const fieldRoutes = (options: string): string => dedent`
  import ordersController from "../../controllers/orders.controller";
  export default async function ordersRoutes(fastify) {
    fastify.post("/orders", ${options}ordersController.create);
  }
`;

// Vercel Blob: the uploaded File's name as the object's pathname.
const BLOB_NAME = dedent`
  import { put } from "@vercel/blob";
  export async function POST(request: Request) {
    const formData = await request.formData();
    const file = formData.get("file") as File;
    if (!file) return Response.json({ error: "No file" }, { status: 400 });
    const blob = await put(file.name, file, { access: "public", addRandomSuffix: true });
    return Response.json({ url: blob.url });
  }
`;

// A pathname of the server's own, the File only its content.
const BLOB_OWN_NAME = BLOB_NAME.replace("put(file.name, file,", "put(`uploads/${crypto.randomUUID()}`, file,");

const valid: ValidCase[] = [
  { name: "netlify: a default export outside the functions folder", code: DEFAULT_EXPORT_ELSEWHERE, filename: "src/quota.js" },
  { name: "netlify: a default export taking an event", code: NETLIFY_EVENT_DEFAULT, filename: "netlify/functions/quota.js" },
  { name: "reply: its success flag tested and answered in a try whose catch answers false", code: OK_FLAG_ANSWERED, filename: "src/telegram.ts" },
  { name: "body: a field read into a local with a literal fallback, only compared with literals", code: ACTION_COMPARED, filename: "supabase/functions/poll/index.ts" },
  { name: "chat: pieces of a split text only compared with literals", code: SPLIT_PIECES_COMPARED, filename: "src/bot.ts" },
  {
    name: "fastify: a class-field handler whose route declares a body schema",
    code: FIELD_CONTROLLER,
    filename: "src/controllers/orders.controller.ts",
    files: { "src/routes/v1/orders.route.ts": fieldRoutes('{ schema: { body: { type: "object", required: ["sku"] } } }, ') },
  },
  { name: "blob: a pathname of the server's own", code: BLOB_OWN_NAME, filename: "app/api/upload/route.ts" },
  { name: "blob: a put of the project's own", code: BLOB_NAME.replace('"@vercel/blob"', '"@/lib/kv"'), filename: "app/api/upload/route.ts" },
  {
    name: "fastify: a controller whose versioned route module declares a body schema",
    code: HOOKS_CONTROLLER,
    filename: "src/controllers/hooks.controller.js",
    files: { "src/routes/v1/webhooks/stripe.js": hookRoutes('{ schema: { body: { type: "object", required: ["id"] } } }, ') },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "netlify: the v2 default export's body reaches a lookup",
    code: NETLIFY_V2,
    filename: "netlify/functions/quota.js",
    findings: [{ case: "webRequest", line: 3, column: 28, endColumn: 38, suggestions: [mark(NETLIFY_V2, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "netlify: a function exported by name at the end, its query value a lookup key",
    code: NETLIFY_V2_NAMED,
    filename: "netlify/edge-functions/plan.js",
    findings: [{ case: "webRequest", line: 3, column: 18, endColumn: 63, suggestions: [mark(NETLIFY_V2_NAMED, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "reply: its success flag returned with no try around the read",
    code: OK_FLAG_NO_TRY,
    filename: "src/telegram.ts",
    findings: [{ case: "fetchJson", line: 7, column: 24, endColumn: 39, suggestions: [mark(OK_FLAG_NO_TRY, "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "body: a field read into a local with a literal fallback, then a query filter",
    code: ACTION_FILTER,
    filename: "supabase/functions/jobs/index.ts",
    findings: [
      {
        case: "webRequest",
        line: 2,
        column: 22,
        endColumn: 32,
        suggestions: [
          {
            title: "Validate req.json() with Zod",
            output: 'import { z } from "npm:zod";\n\nconst BodySchema = z.object({ mode: z.string().nullish() });\n\n' + ACTION_FILTER.replace(
              "  const body = await req.json();\n",
              "  const parsed = BodySchema.safeParse(await req.json());\n  if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });\n  const body = parsed.data;\n",
            ),
          },
          mark(ACTION_FILTER, "webRequest", 2),
        ],
      },
    ],
    output: null,
  },
  {
    name: "chat: a text split by hand, its pieces stored",
    code: SPLIT_PIECES_STORED,
    filename: "src/bot.ts",
    findings: [
      {
        case: "messagePayload",
        line: 4,
        column: 17,
        endColumn: 25,
        suggestions: [
          {
            title: "Validate msg.text with Zod (adds the zod dependency)",
            output: SPLIT_PIECES_STORED.replace('import TelegramBot from "node-telegram-bot-api";\n', 'import TelegramBot from "node-telegram-bot-api";\nimport { z } from "zod";\n')
              .replace("{ polling: true });\n", "{ polling: true });\nconst OnMessageText = z.string();\n\n")
              .replace("const parts = msg.text.split", "const parts = OnMessageText.parse(msg.text).split"),
          },
          mark(SPLIT_PIECES_STORED, "messagePayload", 4),
        ],
      },
    ],
    output: null,
  },
  {
    name: "fastify: a class-field handler registered without a schema",
    code: FIELD_CONTROLLER,
    filename: "src/controllers/orders.controller.ts",
    files: { "src/routes/v1/orders.route.ts": fieldRoutes("") },
    findings: [{ case: "fastifyRequest", line: 4, column: 53, endColumn: 61, suggestions: [mark(FIELD_CONTROLLER, "fastifyRequest", 4)] }],
    output: null,
  },
  {
    name: "fastify: a controller registered without a schema by a versioned route module",
    code: HOOKS_CONTROLLER,
    filename: "src/controllers/hooks.controller.js",
    files: { "src/routes/v1/webhooks/stripe.js": hookRoutes("") },
    findings: [{ case: "fastifyRequest", line: 2, column: 37, endColumn: 49, suggestions: [mark(HOOKS_CONTROLLER, "fastifyRequest", 2)] }],
    output: null,
  },
  {
    name: "blob: the uploaded File's name as the object's pathname",
    code: BLOB_NAME,
    filename: "app/api/upload/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 16, endColumn: 36, suggestions: [mark(BLOB_NAME, "nextAppRequest", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
