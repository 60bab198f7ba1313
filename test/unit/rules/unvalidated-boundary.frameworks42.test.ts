import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired round 45 (session 42, developer ub42): sources of frameworks no earlier round had.
// Medusa 2's file-routed API routes (`src/api/**/route.ts`, `POST(req: MedusaRequest, res: MedusaResponse)`)
// hand Express's request: `req.body`, `req.params`, `req.query` are the express cases (round 45:
// bioteem/bioteem `backend/src/api/admin/products/[id]/subscription-plans/route.ts:7,18`, where the
// route was taken for a Next.js one); `req.validatedBody` is what `validateAndTransformBody` parsed.

const MEDUSA = { "package.json": "{ \"name\": \"backend\", \"dependencies\": { \"@medusajs/framework\": \"2.8.0\", \"@medusajs/medusa\": \"2.8.0\" } }\n" };

// bioteem's style: a typed admin route that writes the body to a module service.
const MEDUSA_PLAN = dedent`
  import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
  import { PLANS } from "../../../../modules/plans"

  export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
    const { name, currency } = req.body as { name: string; currency?: string }
    const plans = req.scope.resolve(PLANS)
    const plan = await plans.createPlans({ name, currency })
    return res.json({ plan })
  }
`;
// Another style: a JavaScript route module, untyped, reading the route param into a raw query.
const MEDUSA_JS = dedent`
  import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

  export async function GET(req, res) {
    const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const rows = await knex.raw("select * from review where product_id = '" + req.params.id + "'")
    res.json({ rows })
  }
`;
const MEDUSA_PLAN_FIXED = dedent`
  import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
  import { PLANS } from "../../../../modules/plans"
  import { z } from "zod"

  const PostBody = z.object({ name: z.string(), currency: z.string().optional() })

  export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
    const parsed = PostBody.safeParse(req.body)
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.issues })
      return
    }
    const { name, currency } = parsed.data as { name: string; currency?: string }
    const plans = req.scope.resolve(PLANS)
    const plan = await plans.createPlans({ name, currency })
    return res.json({ plan })
  }
`;
const MEDUSA_JS_FIXED = dedent`
  import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
  import { z } from "zod"

  const GetParams = z.object({ id: z.string() })

  export async function GET(req, res) {
    const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const parsed = GetParams.safeParse(req.params)
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.issues })
      return
    }
    const rows = await knex.raw("select * from review where product_id = '" + parsed.data.id + "'")
    res.json({ rows })
  }
`;
// The neighbour: the body as Medusa's middleware validated it.
const MEDUSA_VALIDATED = dedent`
  import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
  import { PLANS } from "../../../../modules/plans"

  export const POST = async (req: MedusaRequest<{ name: string }>, res: MedusaResponse) => {
    const { name } = req.validatedBody
    const plans = req.scope.resolve(PLANS)
    const plan = await plans.createPlans({ name })
    return res.json({ plan })
  }
`;

// MQTT (round 45: jrgleason/mqtt-ollama-presentation `apps/oracle/src/lib/mqtt/client.js:222`,
// `apps/zwave-mcp-server/src/mqtt-client.js:89`, decided): a broker is shared with devices and other clients,
// so a module that publishes JSON commands itself still hears what the others publish: no own-instances exception.
const MQTT_PKG = { "package.json": "{ \"name\": \"bridge\", \"type\": \"module\", \"dependencies\": { \"mqtt\": \"5.10.0\" } }\n" };
const MQTT_WRAPPER = dedent`
  import mqtt from "mqtt";

  const client = mqtt.connect(process.env.MQTT_URL);

  export function sendCommand(device, value) {
    client.publish(\`zwave/\${device}/set\`, JSON.stringify({ value }));
  }

  export function onDeviceState(device, callback) {
    client.subscribe(\`zwave/\${device}/#\`);
    client.on("message", (topic, message) => {
      const state = JSON.parse(message.toString());
      callback(state, topic);
    });
  }
`;
// Another style: a class whose listener hands the payload to a private handler that keeps it in a cache.
const MQTT_CACHE = dedent`
  import mqtt from "mqtt";

  export class SensorBridge {
    constructor(url) {
      this.cache = new Map();
      this.client = mqtt.connect(url);
      this.client.on("message", (topic, payload) => this._handleSensorMessage(topic, payload));
    }

    async publish(topic, message) {
      this.client.publish(topic, JSON.stringify(message));
    }

    _handleSensorMessage(topic, payload) {
      const reading = JSON.parse(payload.toString());
      this.cache.set(topic, { value: reading.value, unit: reading.unit });
    }
  }
`;
// The neighbour: the same wrapper over Redis pub/sub, where the module's own instances publish (unchanged).
const REDIS_WRAPPER = dedent`
  import Redis from "ioredis";

  const pub = new Redis(process.env.REDIS_URL);
  const sub = new Redis(process.env.REDIS_URL);

  export function sendCommand(device, value) {
    pub.publish(\`device:\${device}\`, JSON.stringify({ value }));
  }

  export function onDeviceState(device, callback) {
    sub.subscribe(\`device:\${device}\`);
    sub.on("message", (channel, message) => {
      const state = JSON.parse(message);
      callback(state, channel);
    });
  }
`;

// Sails (and Express 4): `req.param("x")` looks a value up in the route params, the body and the query,
// `req.allParams()` merges them (round 45: pesto-students/n5-qbook-backend-kappa-5
// `api/controllers/UsersController.js:15`, decided). Reported once per handler, at the first read.
const SAILS_PKG = { "package.json": "{ \"name\": \"qbook\", \"dependencies\": { \"sails\": \"^1.5.0\", \"sails-mongo\": \"^2.0.0\" } }\n" };
const SAILS_LOGIN = dedent`
  module.exports = {
    login: async function (req, res) {
      const user = await Users.findOne({
        email: req.param("email"),
        googleAuthId: req.param("googleAuthId"),
      });
      if (!user) return res.notFound();
      return res.ok({ id: user.id });
    },
  };
`;
// Another style: an action that creates a record from every parameter at once.
const SAILS_CREATE = dedent`
  module.exports = {
    async create(req, res) {
      const pet = await Pet.create(req.allParams()).fetch();
      return res.json(pet);
    },
  };
`;
// The neighbour: the value type-checked and matched before the lookup.
const SAILS_CHECKED = dedent`
  const EMAIL_RE = /^[^@\\s]+@[^@\\s]+$/;
  module.exports = {
    login: async function (req, res) {
      const email = req.param("email");
      if (typeof email !== "string" || !EMAIL_RE.test(email)) return res.badRequest();
      const user = await Users.findOne({ email });
      return user ? res.ok({ id: user.id }) : res.notFound();
    },
  };
`;

// A fetched reply read as text and parsed (`JSON.parse(await res.text())`, the read behind `.catch(() => "")`)
// is the other API's reply as `res.json()` gives it, judged by the same rules (round 45: bioteem/bioteem
// `backend/src/api/admin/orders/[id]/freightcom/rates/route.ts:59`, `shipments/route.ts:46` decided
// findings; `shipments/[shipment_id]/route.ts:34`, only echoed to the admin, clean).
const EXPRESS_PKG = { "package.json": "{ \"name\": \"ship\", \"dependencies\": { \"express\": \"^4.19.0\" } }\n" };
const CARRIER_HELPER = `async function carrierRequest(path, body) {
  const res = await fetch(\`https://api.carrier.example\${path}\`, {
    method: body ? "POST" : "GET",
    headers: { "Content-Type": "application/json", Authorization: process.env.CARRIER_KEY },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(20000),
  });
  const text = await res.text().catch(() => "");
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new Error(\`Carrier \${res.status}\`);
  return json ?? { raw: text };
}
`;
// The reply's id interpolated into the next request's path.
const CARRIER_RATES = `import express from "express";
const router = express.Router();

${CARRIER_HELPER}
router.post("/rates", async (req, res) => {
  const quote = await carrierRequest("/rate", { services: ["ground"] });
  const rates = await carrierRequest(\`/rate/\${quote.request_id}\`);
  res.json({ rates });
});

export default router;
`;
// Another style: an exported function whose parsed reply's tracking URL is stored.
const CARRIER_STORE = dedent`
  import { db } from "./db";

  export async function bookShipment(orderId) {
    const res = await fetch("https://api.carrier.example/shipment", { method: "POST", signal: AbortSignal.timeout(20000) });
    const raw = await res.text();
    if (!res.ok) throw new Error(\`Carrier \${res.status}\`);
    const shipment = JSON.parse(raw);
    await db.order.update({ where: { id: orderId }, data: { trackingUrl: shipment.tracking_url } });
  }
`;
// The neighbour: the helper's reply only echoed to the caller in the answer.
const CARRIER_ECHO = `import express from "express";
const router = express.Router();

${CARRIER_HELPER}
router.get("/shipments/:id", async (req, res) => {
  const data = await carrierRequest("/shipment/current");
  const shipment = data?.shipment ?? data;
  res.status(200).json({ shipment });
});

export default router;
`;
// Another style of the neighbour: the text read plainly, the helper returning the parse past its ok test.
const CARRIER_ECHO_PLAIN = dedent`
  import express from "express";
  const router = express.Router();

  async function carrierGet(path) {
    const res = await fetch(\`https://api.carrier.example\${path}\`, { signal: AbortSignal.timeout(20000) });
    const text = await res.text();
    if (!res.ok) throw new Error(\`Carrier \${res.status}: \${text.slice(0, 200)}\`);
    return JSON.parse(text);
  }

  router.get("/tracking/:id", async (req, res) => {
    const data = await carrierGet("/tracking/current");
    res.json({ events: data?.events ?? data });
  });

  export default router;
`;
// An exported client function handing the parsed reply to the modules that import it, like \`return res.json()\`.
const TOKEN_CLIENT = dedent`
  export async function exchangeCode(code) {
    const res = await fetch("https://auth.example.com/oauth/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code, grant_type: "authorization_code" }).toString(),
      signal: AbortSignal.timeout(10000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(\`oauth/token \${res.status}: \${text.slice(0, 800)}\`);
    return JSON.parse(text);
  }
`;

// Strapi controllers are Koa: \`const id = Number(ctx.params.id); if (!id) return ctx.badRequest(…)\` answers \`NaN\` (and 0)
// before the number is used, a NaN check (round 45: milanmartis/majolika-cms
// \`src/api/event-session/controllers/event-session.ts:301\`, decided clean); with no check (\`:173\`) it stays a use.
const STRAPI_PKG = { "package.json": "{ \"name\": \"cms\", \"dependencies\": { \"@strapi/strapi\": \"5.12.0\" } }\n" };
const STRAPI_CHECKED = dedent`
  import { factories } from "@strapi/strapi";

  export default factories.createCoreController("api::event-session.event-session", ({ strapi }) => ({
    async productCalendar(ctx) {
      const productId = Number(ctx.params.productId);
      if (!productId) return ctx.badRequest("Invalid productId");
      const sessions = await strapi.entityService.findMany("api::event-session.event-session", {
        filters: { product: { id: { $eq: productId } } },
      });
      ctx.body = { data: sessions };
    },
  }));
`;
// Another style: Express, \`parseInt\` with the falsy test.
const EXPRESS_CHECKED = dedent`
  import express from "express";
  import { db } from "./db.js";
  const router = express.Router();

  router.delete("/messages/:msgId", async (req, res) => {
    const msgId = parseInt(req.params.msgId, 10);
    if (!msgId) return res.status(400).json({ error: "Invalid message ID." });
    await db.message.delete({ where: { id: msgId } });
    res.status(204).end();
  });

  export default router;
`;
// The neighbour: the number made with no check goes into the lookup.
const STRAPI_UNCHECKED = dedent`
  import { factories } from "@strapi/strapi";

  export default factories.createCoreController("api::event-session.event-session", ({ strapi }) => ({
    async findOneWithCapacity(ctx) {
      const id = Number(ctx.params.id);
      const session = await strapi.entityService.findOne("api::event-session.event-session", id, { populate: ["product"] });
      ctx.body = { data: session };
    },
  }));
`;
const STRAPI_UNCHECKED_FIXED = dedent`
  import { factories } from "@strapi/strapi";
  import { z } from "zod";

  const FindOneWithCapacityParams = z.object({ id: z.string().optional() });

  export default factories.createCoreController("api::event-session.event-session", ({ strapi }) => ({
    async findOneWithCapacity(ctx) {
      const parsed = FindOneWithCapacityParams.safeParse(ctx.params);
      if (!parsed.success) {
        ctx.status = 400;
        ctx.body = { error: parsed.error.issues };
        return;
      }
      const id = Number(parsed.data.id);
      const session = await strapi.entityService.findOne("api::event-session.event-session", id, { populate: ["product"] });
      ctx.body = { data: session };
    },
  }));
`;

// A v1 callable's \`data\` read field by field: reported at the read whose field goes on unchecked, not at the first
// field read (round 45: ccisjuly/wikiwands-cloud-functions \`functions/src/generateVideo.ts:166\`, decided).
const FUNCTIONS_PKG = { "package.json": "{ \"name\": \"functions\", \"dependencies\": { \"firebase-functions\": \"^4.9.0\", \"firebase-admin\": \"^12.0.0\" } }\n" };
const CALLABLE_V1 = dedent`
  import * as functions from "firebase-functions";
  import * as admin from "firebase-admin";

  export const generateVideo = functions.https.onCall(async (data, context) => {
    if (!context.auth) throw new functions.https.HttpsError("unauthenticated", "login required");
    if (!data.imageUrl || typeof data.imageUrl !== "string") throw new functions.https.HttpsError("invalid-argument", "imageUrl");
    if (!data.script || typeof data.script !== "string") throw new functions.https.HttpsError("invalid-argument", "script");
    const voiceId = data.voiceId || "default-voice";
    await admin.firestore().collection("video_tasks").add({ uid: context.auth.uid, voiceId: voiceId.trim(), script: data.script, imageUrl: data.imageUrl });
    return { ok: true };
  });
`;
const CALLABLE_V1_FIXED = dedent`
  import * as functions from "firebase-functions";
  import * as admin from "firebase-admin";
  import { z } from "zod";

  const DataSchema = z.object({
    imageUrl: z.string().nullish(),
    script: z.string().nullish(),
    voiceId: z.string().nullish(),
  });

  export const generateVideo = functions.https.onCall(async (rawData, context) => {
    const data = DataSchema.parse(rawData);
    if (!context.auth) throw new functions.https.HttpsError("unauthenticated", "login required");
    if (!data.imageUrl || typeof data.imageUrl !== "string") throw new functions.https.HttpsError("invalid-argument", "imageUrl");
    if (!data.script || typeof data.script !== "string") throw new functions.https.HttpsError("invalid-argument", "script");
    const voiceId = data.voiceId || "default-voice";
    await admin.firestore().collection("video_tasks").add({ uid: context.auth.uid, voiceId: voiceId.trim(), script: data.script, imageUrl: data.imageUrl });
    return { ok: true };
  });
`;
// The neighbour: every field the callable stores type-checked.
const CALLABLE_V1_CHECKED = CALLABLE_V1.replace('  const voiceId = data.voiceId || "default-voice";\n', '  if (data.voiceId !== undefined && typeof data.voiceId !== "string") throw new functions.https.HttpsError("invalid-argument", "voiceId");\n  const voiceId = data.voiceId || "default-voice";\n');

// Qwik City route modules (\`src/routes/**/index.ts\` exporting \`onPost: RequestHandler\`): \`event.parseBody()\`,
// \`event.request.json()\` and the request's text (also of \`event.request.clone()\`) are the client's body, webRequest
// (round 45: mhamrah/hamrah-web \`src/routes/api/auth/native/index.ts:44\`, \`…/discoverable/verify/index.ts:17\`, decided).
const QWIK_PKG = { "package.json": "{ \"name\": \"web\", \"dependencies\": { \"@builder.io/qwik\": \"^1.9.0\", \"@builder.io/qwik-city\": \"^1.9.0\" } }\n" };
const QWIK_NATIVE = dedent`
  import type { RequestHandler } from "@builder.io/qwik-city";
  import { createUser } from "~/lib/users";

  export const onPost: RequestHandler = async (event) => {
    const body = (await event.parseBody()) as { email: string; name?: string };
    const user = await createUser({ email: body.email, name: body.name });
    event.json(200, { id: user.id });
  };
`;
const QWIK_NATIVE_FIXED = dedent`
  import type { RequestHandler } from "@builder.io/qwik-city";
  import { createUser } from "~/lib/users";
  import { z } from "zod";

  const OnPostBody = z.object({ email: z.string(), name: z.string().optional() });

  export const onPost: RequestHandler = async (event) => {
    const body = (OnPostBody.parse(await event.parseBody())) as { email: string; name?: string };
    const user = await createUser({ email: body.email, name: body.name });
    event.json(200, { id: user.id });
  };
`;
// Another style: the body's text read from a clone and parsed, a field put into the own API's path.
const QWIK_VERIFY = dedent`
  import type { RequestHandler } from "@builder.io/qwik-city";

  export const onPost: RequestHandler = async (event) => {
    const raw = await event.request.clone().text();
    const body = JSON.parse(raw || "{}");
    const res = await event.platform.env.AUTH_API.fetch(\`https://api/challenges/\${body.challengeId}\`);
    event.json(res.status, await res.json());
  };
`;
// The neighbour: the parsed body checked by a schema first.
const QWIK_CHECKED = dedent`
  import type { RequestHandler } from "@builder.io/qwik-city";
  import { z } from "zod";
  import { createUser } from "~/lib/users";

  const NativeAuth = z.object({ email: z.string().email(), name: z.string().max(100).optional() });

  export const onPost: RequestHandler = async (event) => {
    const body = NativeAuth.parse(await event.parseBody());
    const user = await createUser({ email: body.email, name: body.name });
    event.json(200, { id: user.id });
  };
`;

// amqplib: a request/reply module that sends JSON requests and replies itself (\`sendToQueue(q, Buffer.from(JSON.stringify(…)),
// { correlationId, replyTo })\`) parses its own instances' payloads (round 45: WeronzTech/heavens-ms-rabbitmq
// \`libs/common/rabbitMq.js:300\`, decided clean); a consumer that only forwards to another service's queue still hears its sender.
const AMQP_PKG = { "package.json": "{ \"name\": \"svc\", \"dependencies\": { \"amqplib\": \"^0.10.4\" } }\n" };
const AMQP_RPC = dedent`
  import amqp from "amqplib";

  let channel;
  const pending = new Map();

  export async function sendRPCRequest(queueName, data) {
    const correlationId = crypto.randomUUID();
    return new Promise((resolve) => {
      pending.set(correlationId, resolve);
      channel.sendToQueue(queueName, Buffer.from(JSON.stringify(data)), { correlationId, replyTo: "amq.rabbitmq.reply-to" });
    });
  }

  export async function listenForRequests(queueName, handler) {
    channel.consume(queueName, async (msg) => {
      const { correlationId, replyTo } = msg.properties;
      const requestData = JSON.parse(msg.content.toString());
      const response = await handler(requestData);
      channel.sendToQueue(replyTo, Buffer.from(JSON.stringify(response)), { correlationId });
      channel.ack(msg);
    });
  }
`;
// The neighbour: an order service consuming another service's queue and forwarding to a third one.
const AMQP_FORWARD = dedent`
  import amqp from "amqplib";
  import { Order } from "./models/order.js";

  export async function start() {
    const connection = await amqp.connect(process.env.AMQP_URL);
    const channel = await connection.createChannel();
    await channel.assertQueue("orders");
    channel.consume("orders", async (data) => {
      const { products, username } = JSON.parse(data.content);
      const order = await new Order({ products, user: username }).save();
      channel.ack(data);
      channel.sendToQueue("products", Buffer.from(JSON.stringify({ orderId: order.id })));
    });
  }
`;

// A query value inside an object put into a local filter object goes where that object goes (round 45:
// majolika-cms \`event-session.ts:202\`, \`:246\`, \`:304\`, \`:374\`, decided: Koa's qs can make it an object or an array).
const STRAPI_FEED = dedent`
  import { factories } from "@strapi/strapi";

  export default factories.createCoreController("api::event-session.event-session", ({ strapi }) => ({
    async icsFeed(ctx) {
      const { slug, type } = ctx.query as Record<string, string | undefined>;
      const filters: any = {};
      if (slug) filters.product = { slug: { $eq: slug } };
      if (type) filters.type = { $eq: type };
      const sessions = await strapi.entityService.findMany("api::event-session.event-session", { filters });
      ctx.body = sessions;
    },
  }));
`;
// Another style: Express and Mongoose, an unescaped \`$regex\` built into the query object.
const MONGOOSE_SEARCH = dedent`
  import { Coupon } from "../models/Coupon.js";

  export const getAllCoupons = async (req, res) => {
    const queryObject = {};
    const { status } = req.query;
    if (status) {
      queryObject.status = { $regex: \`\${status}\`, $options: "i" };
    }
    const coupons = await Coupon.find(queryObject).sort({ _id: -1 });
    res.send(coupons);
  };
`;
const STRAPI_FEED_FIXED = "import { factories } from \"@strapi/strapi\";\nimport { z } from \"zod\";\n\nconst IcsFeedQuery = z.record(z.string(), z.union([z.string(), z.undefined()]));\n\nexport default factories.createCoreController(\"api::event-session.event-session\", ({ strapi }) => ({\n  async icsFeed(ctx) {\n    const parsed = IcsFeedQuery.safeParse(ctx.query);\n    if (!parsed.success) {\n      ctx.status = 400;\n      ctx.body = { error: parsed.error.issues };\n      return;\n    }\n    const { slug, type } = parsed.data as Record<string, string | undefined>;\n    const filters: any = {};\n    if (slug) filters.product = { slug: { $eq: slug } };\n    if (type) filters.type = { $eq: type };\n    const sessions = await strapi.entityService.findMany(\"api::event-session.event-session\", { filters });\n    ctx.body = sessions;\n  },\n}));\n";
const MONGOOSE_SEARCH_FIXED = "import { Coupon } from \"../models/Coupon.js\";\nimport { z } from \"zod\";\n\nconst GetAllCouponsQuery = z.object({ status: z.string().optional() });\n\nexport const getAllCoupons = async (req, res) => {\n  const queryObject = {};\n  const parsed = GetAllCouponsQuery.safeParse(req.query);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const { status } = parsed.data;\n  if (status) {\n    queryObject.status = { $regex: `${status}`, $options: \"i\" };\n  }\n  const coupons = await Coupon.find(queryObject).sort({ _id: -1 });\n  res.send(coupons);\n};\n";
// The neighbour: the value allowlisted before it goes into the filter.
const STRAPI_FEED_CHECKED = dedent`
  import { factories } from "@strapi/strapi";

  const TYPES = ["workshop", "tour"];

  export default factories.createCoreController("api::event-session.event-session", ({ strapi }) => ({
    async icsFeed(ctx) {
      const { type } = ctx.query as Record<string, string | undefined>;
      if (type !== undefined && !TYPES.includes(type)) return ctx.badRequest("Invalid type");
      const filters: any = {};
      if (type) filters.type = { $eq: type };
      const sessions = await strapi.entityService.findMany("api::event-session.event-session", { filters });
      ctx.body = sessions;
    },
  }));
`;
// Another neighbour: a URL's search text nested in a Prisma string filter of a local \`where\` (round 27: compared as text).
const NEXT_SEARCH = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { prisma } from "@/lib/prisma";

  export async function GET(request: NextRequest) {
    const search = request.nextUrl.searchParams.get("search") || "";
    const where: any = { isPublished: true };
    if (search) {
      where.OR = [
        { title: { contains: search, mode: "insensitive" } },
        { author: { contains: search, mode: "insensitive" } },
      ];
    }
    const books = await prisma.book.findMany({ where, take: 12 });
    return NextResponse.json({ books });
  }
`;

const valid: ValidCase[] = [
  { name: "Next.js: search text nested in Prisma contains filters of a local where", code: NEXT_SEARCH, filename: "app/api/books/route.ts", files: { "package.json": "{ \"name\": \"web\", \"dependencies\": { \"next\": \"15.0.0\", \"@prisma/client\": \"^6.0.0\" } }\n" } },
  { name: "Strapi: a query value allowlisted before it goes into the filter object", code: STRAPI_FEED_CHECKED, filename: "src/api/event-session/controllers/event-session.ts", files: STRAPI_PKG },
  { name: "messagePayload: an amqplib request/reply module parses the requests and replies it sends itself", code: AMQP_RPC, filename: "libs/common/rabbitMq.js", files: AMQP_PKG },
  { name: "Qwik City: event.parseBody() parsed by a Zod schema", code: QWIK_CHECKED, filename: "src/routes/api/auth/native/index.ts", files: QWIK_PKG },
  { name: "firebaseCallable: a v1 callable whose stored fields are all type-checked", code: CALLABLE_V1_CHECKED, filename: "functions/src/generateVideo.ts", files: FUNCTIONS_PKG },
  { name: "Strapi: Number(ctx.params.x) answered 400 when falsy before the filter", code: STRAPI_CHECKED, filename: "src/api/event-session/controllers/event-session.ts", files: STRAPI_PKG },
  { name: "Express: another style, parseInt answered 400 when falsy before the delete", code: EXPRESS_CHECKED, filename: "src/routes/messages.js", files: EXPRESS_PKG },
  { name: "jsonParseExternal: another style, a helper's parsed text past its ok test only echoed", code: CARRIER_ECHO_PLAIN, filename: "src/routes/tracking.js", files: EXPRESS_PKG },
  { name: "jsonParseExternal: an exported client returning a reply parsed from its text (judged where it is used, like res.json())", code: TOKEN_CLIENT, filename: "src/lib/oauth-token.js", files: EXPRESS_PKG },
  { name: "jsonParseExternal: a fetched reply parsed from its text only echoed in the answer", code: CARRIER_ECHO, filename: "src/routes/shipments.js", files: EXPRESS_PKG },
  { name: "Sails: req.param typeof-checked and matched before the lookup", code: SAILS_CHECKED, filename: "api/controllers/UsersController.js", files: SAILS_PKG },
  { name: "messagePayload: a Redis pub/sub wrapper of a module that publishes JSON itself (own instances)", code: REDIS_WRAPPER, filename: "src/lib/bus.js", files: { "package.json": "{ \"name\": \"bridge\", \"dependencies\": { \"ioredis\": \"5.4.0\" } }\n" } },
  { name: "Medusa: req.validatedBody (validateAndTransformBody in middlewares.ts)", code: MEDUSA_VALIDATED, filename: "src/api/admin/plans/route.ts", files: MEDUSA },
];

const invalid: InvalidCase[] = [
  { name: "Strapi: query values inside objects put into a local filters object", code: STRAPI_FEED, filename: "src/api/event-session/controllers/event-session.ts", files: STRAPI_PKG, output: null, findings: [
    { case: "koaRequest", line: 5, column: 28, endColumn: 37, suggestions: [
      { title: "Validate ctx.query with Zod (adds the zod dependency)", output: STRAPI_FEED_FIXED },
      mark(STRAPI_FEED, "koaRequest", 5),
    ] },
  ] },
  { name: "Express: another style, a query value in a $regex put into the Mongoose query object", code: MONGOOSE_SEARCH, filename: "controller/couponController.js", files: EXPRESS_PKG, output: null, findings: [
    { case: "expressQuery", line: 5, column: 22, endColumn: 31, suggestions: [
      { title: "Validate req.query with Zod (adds the zod dependency)", output: MONGOOSE_SEARCH_FIXED },
      mark(MONGOOSE_SEARCH, "expressQuery", 5),
    ] },
  ] },
  markedRow("messagePayload: an amqplib consumer that forwards to another queue still hears its sender", AMQP_FORWARD, "order/src/app.js", AMQP_PKG, "messagePayload", 9, 36, 60),
  { name: "Qwik City: event.parseBody() handed to the user service", code: QWIK_NATIVE, filename: "src/routes/api/auth/native/index.ts", files: QWIK_PKG, output: null, findings: [
    { case: "webRequest", line: 5, column: 23, endColumn: 40, suggestions: [
      { title: "Validate event.parseBody() with Zod (adds the zod dependency)", output: QWIK_NATIVE_FIXED },
      mark(QWIK_NATIVE, "webRequest", 5),
    ] },
  ] },
  markedRow("Qwik City: another style, the request clone's text parsed and a field put into a path", QWIK_VERIFY, "src/routes/api/webauthn/verify/index.ts", QWIK_PKG, "webRequest", 5, 16, 39),
  { name: "firebaseCallable: a v1 callable reported at the unchecked field's read, not the first checked one", code: CALLABLE_V1, filename: "functions/src/generateVideo.ts", files: FUNCTIONS_PKG, output: null, findings: [
    { case: "firebaseCallable", line: 8, column: 19, endColumn: 23, suggestions: [
      { title: "Validate data with Zod (adds the zod dependency)", output: CALLABLE_V1_FIXED },
      mark(CALLABLE_V1, "firebaseCallable", 8),
    ] },
  ] },
  { name: "Strapi: Number(ctx.params.id) with no check into findOne stays a use", code: STRAPI_UNCHECKED, filename: "src/api/event-session/controllers/event-session.ts", files: STRAPI_PKG, output: null, findings: [
    { case: "koaRequest", line: 5, column: 23, endColumn: 33, suggestions: [
      { title: "Validate ctx.params with Zod (adds the zod dependency)", output: STRAPI_UNCHECKED_FIXED },
      mark(STRAPI_UNCHECKED, "koaRequest", 5),
    ] },
  ] },
  markedRow("jsonParseExternal: a reply read behind .catch(() => \"\"), parsed, its id put into the next path", CARRIER_RATES, "src/routes/rates.js", EXPRESS_PKG, "jsonParseExternal", 14, 19, 35),
  markedRow("jsonParseExternal: another style, a reply's text parsed and a field stored", CARRIER_STORE, "src/lib/carrier.js", EXPRESS_PKG, "jsonParseExternal", 7, 20, 35),
  markedRow("Sails: req.param values raw in a Waterline findOne, reported once", SAILS_LOGIN, "api/controllers/UsersController.js", SAILS_PKG, "expressBody", 4, 14, 32),
  markedRow("Sails: another style, req.allParams() created as a record", SAILS_CREATE, "api/controllers/PetController.js", SAILS_PKG, "expressBody", 3, 34, 49),
  markedRow("messagePayload: an MQTT wrapper that publishes JSON commands still hears the broker", MQTT_WRAPPER, "src/lib/mqtt/client.js", MQTT_PKG, "messagePayload", 12, 19, 49),
  markedRow("messagePayload: another style, an MQTT reading kept in the class's cache by a private handler", MQTT_CACHE, "src/mqtt-client.js", MQTT_PKG, "messagePayload", 15, 21, 51),
  { name: "Medusa: a typed route's req.body written to a module service", code: MEDUSA_PLAN, filename: "src/api/admin/plans/route.ts", files: MEDUSA, output: null, findings: [
    { case: "expressBody", line: 5, column: 30, endColumn: 38, suggestions: [
      { title: "Validate req.body with Zod (adds the zod dependency)", output: MEDUSA_PLAN_FIXED },
      mark(MEDUSA_PLAN, "expressBody", 5),
    ] },
  ] },
  { name: "Medusa: another style, an untyped JavaScript route's req.params in raw SQL", code: MEDUSA_JS, filename: "src/api/store/products/[id]/reviews/route.js", files: MEDUSA, output: null, findings: [
    { case: "expressParams", line: 5, column: 77, endColumn: 87, suggestions: [
      { title: "Validate req.params with Zod (adds the zod dependency)", output: MEDUSA_JS_FIXED },
      mark(MEDUSA_JS, "expressParams", 5),
    ] },
  ] },
];

describe("unvalidated-boundary: sources of round 45's frameworks (session 42)", () => {
  runWithNamedCases(valid, invalid);
});
