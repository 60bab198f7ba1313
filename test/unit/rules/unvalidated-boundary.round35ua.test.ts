import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 35 (retired to tune), session 32, developer ub32a. Hand-written rows.

// Joi projects: no Zod fix is offered, only the directive.
const DENO = { "deno.json": "{ \"imports\": { \"joi\": \"npm:joi@17\" } }\n" };
const FN = "supabase/functions/verify-invitation-token/index.ts";

// A token from the body looked up first through PostgREST (deal-flow verify-invitation-token:16,
// get-shared-document:20, accept-invitation:26, the lead's round-35 decisions, clean debatable): one row of a
// read filtered on a token column, the error and the miss ending the request before anything else uses it.
const TOKEN = (column: string, end: string, miss: string) => dedent`
  import { serve } from "https://deno.land/std@0.170.0/http/server.ts";
  serve(async (req: Request) => {
    const { token } = await req.json();
    if (!token) return new Response("Missing token", { status: 400 });
    const { data: invitation, error } = await supabase
      .from("deal_invitations")
      .select("id, deal_id, status")
      .eq("${column}", token)
      ${end};
    if (error) return new Response(JSON.stringify({ error: "Database error" }), { status: 500 });
    ${miss}
    await supabase.rpc("accept_invitation", { p_token: token });
    return Response.json(invitation);
  });
`;

// A Nuxt route's path segment (restoNextGen server/api/public/tenant/[slug].get.ts:4, labelled clean debatable):
// text as sent, matched as it is by a Prisma `String` field and looked up first (404 on a miss); a `getQuery`
// value may be an array and stays a use (round 35, labeller agree35b).
const NUXT = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"nuxt\": \"^3.0.0\", \"@prisma/client\": \"^5.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "prisma/schema.prisma": "model Tenant {\n  id   String @id @default(cuid())\n  slug String @unique\n  name String\n}\n",
};
const TENANT = (read: string) => dedent`
  export default defineEventHandler(async (event) => {
    const slug = ${read};
    if (!slug) throw createError({ statusCode: 400, statusMessage: "Tenant slug is required" });
    const tenant = await prisma.tenant.findFirst({ where: { slug }, include: { themeConfig: true } });
    if (!tenant) throw createError({ statusCode: 404, statusMessage: "Tenant not found" });
    return { tenant: { id: tenant.id, name: tenant.name } };
  });
`;

// An Express route id matched against a Mongoose model's `String` paths (BUP-Maintenance-HUB routes/issue.routes.js
// :72, :149, :201, :248, :380, :420, the lead's look-up-first decision, clean debatable): a malformed value matches
// no document, the miss answers 404, then the document found is changed. A read-only handler stays a use
// (ticketing-backend index.js:464, decided), as does a filter on an `ObjectId` path (a CastError) or an `_id`
// pushed with no shape test.
const MONGOOSE = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"mongoose\": \"^8.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "models/issue.model.js": dedent`
    const mongoose = require("mongoose");
    const issueSchema = new mongoose.Schema({
      issueId: { type: String, required: true },
      id: { type: String },
      title: String,
      reporter: { type: mongoose.Schema.Types.ObjectId, ref: "User" },
      upvotes: Number,
    });
    module.exports = mongoose.model("Issue", issueSchema);
  `,
};
const ROUTES = "routes/issue.routes.js";
const ISSUE = (filter: string, after: string) => dedent`
  const express = require("express");
  const router = express.Router();
  const Issue = require("../models/issue.model");
  router.post("/:id/vote", auth, async (req, res) => {
    const { id } = req.params;
    const issue = await Issue.findOne(${filter});
    if (!issue) {
      return res.status(404).json({ message: "Issue not found" });
    }
    ${after}
    res.json(issue);
  });
  module.exports = router;
`;
const OR_QUERY = (guard: string) => dedent`
  const express = require("express");
  const router = express.Router();
  const Issue = require("../models/issue.model");
  router.patch("/:id", auth, async (req, res) => {
    const { id } = req.params;
    const orQuery = [{ issueId: id }, { id: id }];
    ${guard}
    const issue = await Issue.findOne({ $or: orQuery });
    if (!issue) return res.status(404).json({ message: "Issue not found" });
    issue.upvotes = issue.upvotes + 1;
    await issue.save();
    res.json(issue);
  });
  module.exports = router;
`;

// A plan looked up in the function's own price table, the entry held in a `const` and required right after
// (deal-flow create-checkout:30, labelled clean debatable; the docs' price map): only the table's keys get past.
const CHECKOUT = (between: string) => dedent`
  import { serve } from "https://deno.land/std@0.190.0/http/server.ts";
  const PRICE_IDS: Record<string, string> = { starter: "price_1", professional: "price_2" };
  serve(async (req) => {
    const { planId } = await req.json();
    const priceId = PRICE_IDS[planId];
    ${between}
    const session = await stripe.checkout.sessions.create({ line_items: [{ price: priceId, quantity: 1 }], metadata: { plan_id: planId } });
    return Response.json({ url: session.url });
  });
`;

// Delivery options read in the branch a type guard of the module chose for them (v0-community-marketplace
// offers/buy-now:28, payments/create-intent:26, decided clean), or handed through an optional link at a key the
// imported service's signature types `unknown` (payments/quote:17, decided clean: it normalises them itself).
const NEXT = (service: string) => ({
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "lib/services/payments.service.ts": service,
});
const QUOTE_SERVICE = (type: string) => dedent`
  export async function buildPaymentQuote(params: { offerId: string; deliveryMethod?: ${type} }) {
    const { offerId, deliveryMethod } = params;
    await db.from("quotes").insert({ offer_id: offerId, delivery_method: deliveryMethod });
    return { offerId };
  }
`;
const BUY_NOW = (guarded: string) => dedent`
  import { NextResponse } from "next/server";
  type DeliveryMethod = "shipping" | "in_person";
  function isDeliveryMethod(value: unknown): value is DeliveryMethod {
    return value === "shipping" || value === "in_person";
  }
  export async function POST(request: Request) {
    const body = await request.json();
    const deliveryMethod = ${guarded};
    await admin.from("offers").insert({ delivery_method: deliveryMethod });
    return NextResponse.json({ ok: true });
  }
`;
const QUOTE = (read: string) => dedent`
  import { NextResponse } from "next/server";
  import { buildPaymentQuote } from "../../../../lib/services/payments.service";
  export async function POST(request: Request) {
    const body = await request.json();
    const offerId = typeof body?.offerId === "string" && body.offerId.length < 64 ? body.offerId : "";
    const result = await buildPaymentQuote({ offerId, deliveryMethod: ${read} });
    return NextResponse.json({ ok: true, quote: result });
  }
`;

// Body text only put into a model's prompt (the docs' prompt-text rule; held round 35): through a conditional's
// branch held in a `const` that becomes a message's content (deal-flow explain-contract-clause:15, clean debatable),
// or handed to a function of the project whose `string` parameter (or a value made text first) only becomes a
// model's prompt, imported through SvelteKit's `$lib` (opusXX scrape/composer:7, vector/create:21,
// agents/query-maker:31, labelled clean). A client-held `messages` array handed whole stays a use (round 27;
// opusXX chat/json:5), and so does a function that stores what it is given.
const EXPLAIN = (test: string) => dedent`
  Deno.serve(async (req) => {
    const { selectedText, question } = await req.json();
    ${test}
    const userPrompt = question ? \`Contract text: \${selectedText}\n\nQuestion: \${question}\` : selectedText;
    const response = await fetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: \`Bearer \${key}\` },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: userPrompt }] }),
    });
    return new Response(await response.text());
  });
`;
const SVELTE = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@sveltejs/kit\": \"^2.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "src/lib/server/openai.ts": dedent`
    const extractComposer = async (text: string) => {
      return openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "Extract the composer." }, { role: "user", content: text }] });
    };
    const jsonChat = async (messages: AiMessage[]) => {
      return openai.chat.completions.create({ model: "gpt-4o", messages: messages, response_format: { type: "json_object" } });
    };
    const saveComposer = async (text: string) => {
      return db.from("composers").insert({ description: text }).select();
    };
    export { extractComposer, jsonChat, saveComposer };
  `,
};
const SCRAPE = (call: string) => dedent`
  import { json } from "@sveltejs/kit";
  import { extractComposer, jsonChat, saveComposer } from "$lib/server/openai";
  export async function POST({ request }) {
    const body = await request.json();
    const data = await ${call};
    return json({ data });
  }
`;

// The raw body handed, in one call, with a signature header's value (launchify subscription.controller.ts:195,
// decided clean): only a verification takes a signature. Stripe's own constructEvent is judged where its result
// replaces the body (round 28's fail-open rule).
const EXPRESS_JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const WEBHOOK = (header: string) => dedent`
  import { Request, Response } from "express";
  export const handleWebhook = async (req: Request, res: Response) => {
    const signature = ${header};
    if (!signature) return res.status(400).json({ error: "Missing Stripe signature" });
    const result = await stripeService.handleWebhookEvent(req.body, signature);
    res.json(result);
  };
`;

// A field presence-tested, then read only as a scalar check's argument and in the branch that check chose
// (BUP-Maintenance-HUB middleware/notification-middleware.js:56, unlabelled, read for the brief: clean).
const NOTIFY = (check: string) => dedent`
  const mongoose = require("mongoose");
  function isValidObjectId(id) {
    return mongoose.Types.ObjectId.isValid(id);
  }
  module.exports = {
    issueAssignment: async (req, res, next) => {
      if (res.locals.issue && req.body.technicianId) {
        if (${check}) {
          await notifyTechnicianAssignment(res.locals.issue, req.body.technicianId);
        }
      }
      next();
    },
  };
`;

// An R2 binding held as `r2` is an object store: a catch-all route param decoded and used raw as the object key
// serves any object of the bucket (opusXX src/routes/api/r2/[...key]/+server.ts:9, debatable finding; round 35's
// note 8). A key format-checked first is not.
const R2 = (check: string) => dedent`
  import { error, type RequestHandler } from "@sveltejs/kit";
  export const GET: RequestHandler = async ({ params, platform }) => {
    const key = decodeURIComponent(params.key);
    ${check}
    const r2 = platform?.env?.R2 as R2Bucket | undefined;
    if (!r2) throw error(500, "R2 binding not found");
    const object = await r2.get(key);
    if (!object) throw error(404, "not found");
    return new Response(JSON.stringify({ content: await object.text() }));
  };
`;

// A Stripe object read by the id the caller sent (the docs: an action's argument used as a Checkout session id is a
// use, debatable; held round 35, v0-community-marketplace app/actions/stripe.ts:283), unless the same value was
// looked up first in the app's own store, the miss ending the request (streamerstickprofinal
// worker/routes/checkout.ts:158, a re-read after the look-up-first at :152).
const SESSION_ACTION = dedent`
  "use server";
  import { stripe } from "@/lib/stripe";
  export async function checkSessionStatus(sessionId: string) {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    return { paymentStatus: session.payment_status, status: session.status };
  }
`;
const HONO_JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const SESSION_ROUTE = (lookup: string) => dedent`
  import { Hono } from "hono";
  export function checkoutRoutes(app: Hono<{ Bindings: Env }>) {
    app.get("/api/checkout/session/:sessionId", async (c) => {
      ${lookup}
      const stripe = new Stripe(c.env.STRIPE_SECRET_KEY);
      const session = await stripe.checkout.sessions.retrieve(c.req.param("sessionId"));
      return c.json({ paymentStatus: session.payment_status });
    });
  }
`;

// Body fields only tested with `typeof … !== "undefined"` (a presence test: any other value passes) and stored on
// the document found (BUP-Maintenance-HUB routes/issue.routes.js:396, decided finding); a `typeof … === "string"`
// test decides the type.
const PATCH_ISSUE = (test: string) => dedent`
  const express = require("express");
  const router = express.Router();
  const Issue = require("../models/issue.model");
  router.patch("/:id", auth, async (req, res) => {
    const issue = await Issue.findById(res.locals.issueId);
    if (${test}) issue.title = req.body.title;
    await issue.save();
    res.json(issue);
  });
  module.exports = router;
`;

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("webRequest: a body token looked up by maybeSingle(), error and miss answered", TOKEN("invitation_token", ".maybeSingle()", "if (!invitation) return new Response(\"Not found\", { status: 404 });"), FN, DENO),
  ok("webRequest: a share token looked up by single(), the error its miss", TOKEN("token", ".single()", ""), FN, DENO),
  ok("h3Event: a route slug looked up first by a Prisma String field", TENANT("getRouterParam(event, \"slug\")"), "server/api/public/tenant/[slug].get.ts", NUXT),
  ok("expressParams: a route id matched on String paths, 404 on a miss, then saved", ISSUE("{ $or: [{ issueId: id }, { id: id }] }", "issue.upvotes = issue.upvotes + 1;\n  await issue.save();"), ROUTES, MONGOOSE),
  ok("expressParams: the same with one String path", ISSUE("{ issueId: id }", "await issue.save();"), ROUTES, MONGOOSE),
  ok("expressParams: an $or list held in a const, _id pushed under a 24-hex test", OR_QUERY("if (/^[a-fA-F0-9]{24}$/.test(id)) {\n    orQuery.push({ _id: id });\n  }"), ROUTES, MONGOOSE),
  ok("webRequest: a plan's price entry required right after its lookup", CHECKOUT("if (!priceId) throw new Error(`Unknown plan: ${planId}`);"), "supabase/functions/create-checkout/index.ts", DENO),
  ok("nextAppRequest: a field read in the branch its type guard chose", BUY_NOW("isDeliveryMethod(body?.deliveryMethod) ? body.deliveryMethod : \"in_person\""), "app/api/offers/buy-now/route.ts", NEXT("")),
  ok("nextAppRequest: a field handed through an optional link at a key the service types unknown", QUOTE("body?.deliveryMethod"), "app/api/payments/quote/route.ts", NEXT(QUOTE_SERVICE("unknown"))),
  ok("webRequest: presence-tested text through a conditional's branch into a model's message", EXPLAIN("if (!selectedText && !question) return new Response(\"No text\", { status: 400 });"), "supabase/functions/explain-contract-clause/index.ts", DENO),
  ok("sveltekitRequest: a body field handed to an imported function whose string parameter is only prompt text", SCRAPE("extractComposer(body.text)"), "src/routes/api/scrape/composer/+server.ts", SVELTE),
  ok("expressBody: the raw body handed with the stripe-signature header to the webhook service", WEBHOOK("req.headers[\"stripe-signature\"] as string"), "src/server/controllers/subscription.controller.ts", EXPRESS_JOI),
  ok("expressBody: a field presence-tested, then only ObjectId-checked and read in the checked branch", NOTIFY("isValidObjectId(req.body.technicianId)"), "middleware/notification-middleware.js", EXPRESS_JOI),
  ok("sveltekitRequest: an R2 object key format-checked first", R2("if (!/^[\\w-]+\\.md$/.test(key)) throw error(400, \"bad key\");"), "src/routes/api/r2/[...key]/+server.ts", SVELTE),
  ok("honoRequest: a session id looked up first in the app's store, then retrieved from Stripe", SESSION_ROUTE("const orderStore = createOrderStore(c.env.KV);\n    const order = await orderStore.get(c.req.param(\"sessionId\"));\n    if (!order) return c.json({ error: \"Order not found\" }, 404);"), "worker/routes/checkout.ts", HONO_JOI),
  ok("expressBody: a field typeof-tested as a string before it is stored", PATCH_ISSUE("typeof req.body.title === \"string\" && req.body.title.length < 200"), ROUTES, MONGOOSE),
  ok("sveltekitRequest: a body field appended to the prompt of messages handed to such a function", SCRAPE("jsonChat([{ role: \"user\", content: PROMPT + body.chatLog }])"), "src/routes/api/agents/query-maker/+server.ts", SVELTE),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("webRequest: a license key (not a token column) looked up the same way", TOKEN("license_key", ".maybeSingle()", "if (!invitation) return new Response(\"Not found\", { status: 404 });"), FN, DENO, "webRequest", 3, 27, 37),
  row("webRequest: a token filter of a list, no single()", TOKEN("invitation_token", ".limit(1)", "if (!invitation) return new Response(\"Not found\", { status: 404 });"), FN, DENO, "webRequest", 3, 27, 37),
  row("webRequest: the miss goes on", TOKEN("invitation_token", ".maybeSingle()", "if (!invitation) console.log(\"no invitation\");"), FN, DENO, "webRequest", 3, 27, 37),
  row("h3Event: a getQuery slug (an array possible) as the lookup key", TENANT("getQuery(event).slug as string"), "server/api/public/tenant/[slug].get.ts", NUXT, "h3Event", 2, 16, 31),
  row("expressParams: a read-only handler", ISSUE("{ $or: [{ issueId: id }, { id: id }] }", ""), ROUTES, MONGOOSE, "expressParams", 5, 18, 28),
  row("expressParams: an ObjectId path in the filter", ISSUE("{ $or: [{ issueId: id }, { reporter: id }] }", "await issue.save();"), ROUTES, MONGOOSE, "expressParams", 5, 18, 28),
  row("expressParams: an operator object in the filter", ISSUE("{ issueId: { $eq: id } }", "await issue.save();"), ROUTES, MONGOOSE, "expressParams", 5, 18, 28),
  row("expressParams: _id pushed with no shape test", OR_QUERY("orQuery.push({ _id: id });"), ROUTES, MONGOOSE, "expressParams", 5, 18, 28),
  row("webRequest: the price entry used with no test", CHECKOUT(""), "supabase/functions/create-checkout/index.ts", DENO, "webRequest", 4, 28, 38),
  row("webRequest: the price entry tested only after it is used", CHECKOUT("console.log(priceId);\n  if (!priceId) throw new Error(\"Unknown plan\");"), "supabase/functions/create-checkout/index.ts", DENO, "webRequest", 4, 28, 38),
  row("nextAppRequest: a field read in the branch another field's guard chose", BUY_NOW("isDeliveryMethod(body?.method) ? body.deliveryMethod : \"in_person\""), "app/api/offers/buy-now/route.ts", NEXT(""), "nextAppRequest", 7, 22, 36),
  row("nextAppRequest: a field the service types string and stores", QUOTE("body?.deliveryMethod"), "app/api/payments/quote/route.ts", NEXT(QUOTE_SERVICE("string")), "nextAppRequest", 4, 22, 36),
  row("nextAppRequest: a field read with no optional link", QUOTE("body.deliveryMethod"), "app/api/payments/quote/route.ts", NEXT(QUOTE_SERVICE("unknown")), "nextAppRequest", 4, 22, 36),
  row("expressBody: the raw body handed with another header's value", WEBHOOK("req.headers[\"x-request-id\"] as string"), "src/server/controllers/subscription.controller.ts", EXPRESS_JOI, "expressBody", 5, 57, 65),
  row("expressBody: the branch chosen by another field's check", NOTIFY("isValidObjectId(req.body.assigneeId)"), "middleware/notification-middleware.js", EXPRESS_JOI, "expressBody", 7, 29, 37),
  row("sveltekitRequest: a catch-all param used raw as an R2 object key", R2(""), "src/routes/api/r2/[...key]/+server.ts", SVELTE, "sveltekitRequest", 3, 34, 40),
  row("nextServerAction: an action's session id handed straight to Stripe's retrieve", SESSION_ACTION, "app/actions/stripe.ts", NEXT(""), "nextServerAction", 3, 42, 51),
  row("honoRequest: a route session id handed straight to Stripe's retrieve", SESSION_ROUTE(""), "worker/routes/checkout.ts", HONO_JOI, "honoRequest", 6, 61, 85),
  row("expressBody: a field only tested with typeof !== \"undefined\", then stored", PATCH_ISSUE("typeof req.body.title !== \"undefined\""), ROUTES, MONGOOSE, "expressBody", 6, 60, 68),
  row("webRequest: the same text with no presence test", EXPLAIN(""), "supabase/functions/explain-contract-clause/index.ts", DENO, "webRequest", 2, 46, 56),
  row("sveltekitRequest: a client's messages array handed whole to the model helper", SCRAPE("jsonChat(body.messages)"), "src/routes/api/chat/json/+server.ts", SVELTE, "sveltekitRequest", 4, 22, 36),
  row("sveltekitRequest: a body field handed to an imported function that stores it", SCRAPE("saveComposer(body.text)"), "src/routes/api/scrape/composer/+server.ts", SVELTE, "sveltekitRequest", 4, 22, 36),
];

runWithNamedCases(valid, invalid);
