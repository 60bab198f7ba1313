import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 44, developer ub: the unvalidated-boundary errors of retired round 47 (its labels now tune).
// 1. A body field handed to a function of the project that only hashes it (sass_backend `authController.js:54`):
//    `authService.resetPassword(req.params.token, req.body.password)`, whose body only tests the password's presence and
//    hands it to `bcrypt.hash` (the token to `createHash("sha256").update(token)`, its digest looked up): only the digest
//    goes on, as for a field hashed in the handler (verifier.ts, read one hop into the callee).
// 2. The keys of a present body only counted (actual-mcp-server `httpServer.ts:402`): `req.body && Object.keys(req.body).length`
//    gives a number, no field's value; the JSON-RPC body is then handed whole to the MCP SDK's transport.
// 3. A raw body held in a `const` and parsed into a `let` (maludb `mcp.ts:845`): `msg = JSON.parse(typeof raw === "string" ?
//    raw : "")` in a `try` is the first use, reported at the parse, as for `const data = JSON.parse(raw)`.
// 5. Route ids only cast by Mongoose's `findById` where the project's Express error handler answers a `CastError` with a 400
//    (bakenshake `subscription.controller.js`, eight debatable clean labels): low confidence (`castErrorAnswered`, info).
// 6. A presence-tested body field only put into the literal of a model SDK's own request (apothecary
//    `identifySpecies/index.ts:20`): `openai.chat.completions.create({ messages: [… { image_url: { url: image_base64 } }] })`
//    is the image only handed to a model (held round 31's lead decision), as inside a `fetch`'s JSON body.
// 4. google-auth-library's `client.verifyIdToken({ idToken: token, audience })` (majolika-cms `google-token.ts:7`): the body's
//    token only presence-tested and handed as the ID token of the library's signature check goes nowhere.

const EXPRESS = { "package.json": '{ "dependencies": { "express": "^5.1.0", "@prisma/client": "^6.0.0", "bcryptjs": "^3.0.0", "joi": "^17.13.0" } }' };

const resetService = (store: string) => dedent`
  const prisma = require("../config/db");
  const bcrypt = require("bcryptjs");
  const crypto = require("crypto");
  const resetPassword = async (token, newPassword) => {
    if (!token || !newPassword) throw new Error("Token and new password are required");
    const hashed = crypto.createHash("sha256").update(token).digest("hex");
    const record = await prisma.passwordResetToken.findUnique({ where: { token: hashed } });
    if (!record) throw new Error("Token is invalid or has expired");
    ${store}
  };
  module.exports = { resetPassword };
`;
const HASHED = resetService('await prisma.user.update({ where: { id: record.userId }, data: { passwordHash: await bcrypt.hash(newPassword, 12) } });');
const STORED_RAW = resetService("await prisma.user.update({ where: { id: record.userId }, data: { legacyPassword: newPassword } });");

const RESET_CONTROLLER = dedent`
  const authService = require("../services/authService");
  const resetPassword = async (req, res) => {
    await authService.resetPassword(req.params.token, req.body.password);
    res.status(200).json({ status: "success" });
  };
  module.exports = { resetPassword };
`;

// The MCP Streamable HTTP route: the body's keys counted, its method compared, its id echoed, the body handed to the SDK.
const MCP_ROUTE = (count: string) => dedent`
  import express from "express";
  import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
  const app = express();
  app.use(express.json());
  app.post("/mcp", async (req, res) => {
    const payload = ${count} ? req.body : {};
    if (payload?.method !== "initialize") {
      res.status(400).json({ jsonrpc: "2.0", id: payload?.id ?? null, error: { code: -32000, message: "Missing session id" } });
      return;
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
`;
const MCP = { "package.json": '{ "dependencies": { "express": "^5.1.0", "@modelcontextprotocol/sdk": "^1.20.0", "joi": "^17.13.0" } }' };

// A guard that refuses an empty body before anything else: `!req.body ||` makes the count safe.
const EMPTY_REFUSED = dedent`
  import express from "express";
  const app = express();
  app.post("/ping", (req, res) => {
    if (!req.body || Object.keys(req.body).length === 0) return res.status(400).json({ error: "empty body" });
    res.json({ ok: true });
  });
`;
// The same count of a body defaulted to an empty object: no guard needed.
const EMPTY_DEFAULTED = dedent`
  import express from "express";
  const app = express();
  app.post("/ping", (req, res) => {
    if (Object.keys(req.body || {}).length === 0) return res.status(400).json({ error: "empty body" });
    res.json({ ok: true });
  });
`;
// The keys themselves iterated (each becomes a column name): a use, as before.
const KEYS_ITERATED = dedent`
  import express from "express";
  const app = express();
  const settings: Record<string, unknown> = {};
  app.post("/settings", (req, res) => {
    for (const key of Object.keys(req.body)) settings[key] = true;
    res.json({ ok: true });
  });
`;

// Fastify: a route-scoped content-type parser hands the raw text through; the handler parses it into a `let`.
const RAW_RPC = dedent`
  import Fastify from "fastify";
  import { pool } from "./db";
  const app = Fastify();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.post("/rpc", async (request, reply) => {
    const raw = request.body;
    let msg: unknown;
    try {
      msg = JSON.parse(typeof raw === "string" ? raw : "");
    } catch {
      return reply.code(400).send({ error: "Parse error" });
    }
    const m = msg as Record<string, unknown>;
    const rows = await pool.query("SELECT * FROM notes WHERE subject = $1", [String((m.params as any).subject)]);
    return reply.send(rows.rows);
  });
`;
const FASTIFY = { "package.json": '{ "dependencies": { "fastify": "^5.0.0", "pg": "^8.11.0", "joi": "^17.13.0" } }', "src/db.ts": 'import pg from "pg";\nexport const pool = new pg.Pool();\n' };

// Koa (Strapi): the Google ID token from the body only checked by google-auth-library.
const googleToken = (after: string) => dedent`
  import type { Context } from "koa";
  import { OAuth2Client } from "google-auth-library";
  export default () => ({
    async exchange(ctx: Context) {
      const { token } = ctx.request.body as { token?: string };
      if (!token) return ctx.throw(400, "Missing Google ID token");
      const client = new OAuth2Client(process.env.GOOGLE_CLIENT_ID);
      const ticket = await client.verifyIdToken({ idToken: token, audience: process.env.GOOGLE_CLIENT_ID });
      ${after}
    },
  });
`;
const GOOGLE_OK = googleToken("ctx.body = { email: ticket.getPayload()?.email };");
const GOOGLE_STORED = googleToken('await strapi.db.query("api::login.login").create({ data: { token } });');
const KOA = { "package.json": '{ "dependencies": { "koa": "^2.15.0", "google-auth-library": "^9.0.0", "joi": "^17.13.0" } }' };

// Express + Mongoose: a controller whose catch hands the error on, its route module, the app registering the error handler.
const castController = (find: string) => dedent`
  const Subscription = require("../models/Subscription");
  exports.getSubscription = async (req, res, next) => {
    try {
      const subscription = await ${find};
      if (!subscription) return res.status(404).json({ message: "Not found" });
      res.json(subscription);
    } catch (error) {
      next(error);
    }
  };
`;
const castProject = (status: number) => ({
  "package.json": '{ "dependencies": { "express": "^4.19.0", "mongoose": "^8.0.0", "joi": "^17.13.0" } }',
  "src/models/Subscription.js": 'const mongoose = require("mongoose");\nmodule.exports = mongoose.model("Subscription", new mongoose.Schema({ plan: String }));\n',
  "src/routes/subscription.routes.js": 'const router = require("express").Router();\nconst controller = require("../controllers/subscription.controller");\nrouter.get("/:id", controller.getSubscription);\nmodule.exports = router;\n',
  "src/middleware/errorHandler.js": `module.exports = (err, req, res, next) => {\n  if (err.name === "CastError") {\n    return res.status(${status}).json({ message: "Invalid ID format" });\n  }\n  res.status(500).json({ message: err.message });\n};\n`,
  "src/index.js": 'const express = require("express");\nconst errorHandler = require("./middleware/errorHandler");\nconst subscriptionRoutes = require("./routes/subscription.routes");\nconst app = express();\napp.use("/api/subscriptions", subscriptionRoutes);\napp.use(errorHandler);\napp.listen(3000);\n',
});
const CAST_BY_ID = castController("Subscription.findById(req.params.id)");
const CAST_BY_PLAN = castController("Subscription.findOne({ plan: req.params.id })");

// A Supabase Edge Function (Deno) sending the client's image to OpenAI's SDK.
const identify = (test: string) => dedent`
  import OpenAI from "npm:openai@4";
  const openai = new OpenAI({ apiKey: Deno.env.get("OPENAI_API_KEY") });
  Deno.serve(async (req) => {
    const { image_base64 } = await req.json();
    ${test}
    const completion = await openai.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: [{ type: "text", text: "Identify this plant." }, { type: "image_url", image_url: { url: image_base64 } }] }],
    });
    return new Response(completion.choices[0]?.message?.content ?? "{}");
  });
`;
const IDENTIFY_TESTED = identify('if (!image_base64) return new Response("Missing image_base64", { status: 400 });');
const IDENTIFY_UNTESTED = identify("console.log(\"identify\");");

// Express: the client's `userContent` taken as the message's content as it is (an array would be read as parts).
const AI_CONTENT = dedent`
  const OpenAI = require("openai");
  const openai = new OpenAI();
  exports.chat = async (req, res) => {
    const { userContent } = req.body;
    if (!userContent) return res.status(400).json({ error: "userContent is required" });
    const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: userContent }] });
    res.json({ reply: completion.choices[0]?.message?.content });
  };
`;

const valid: ValidCase[] = [
  {
    name: "a body field handed to an imported service that only tests its presence and bcrypt-hashes it",
    code: RESET_CONTROLLER,
    filename: "src/controllers/authController.js",
    files: { ...EXPRESS, "src/services/authService.js": HASHED },
  },
  {
    name: "the keys of a present body only counted, the JSON-RPC body handed whole to the MCP SDK transport",
    code: MCP_ROUTE("req.body && Object.keys(req.body).length"),
    filename: "src/server.ts",
    files: MCP,
  },
  {
    name: "an empty body refused by a key count behind its presence test",
    code: EMPTY_REFUSED,
    filename: "src/server.ts",
    files: { "package.json": '{ "dependencies": { "express": "^5.1.0", "joi": "^17.13.0" } }' },
  },
  {
    name: "the keys of a body defaulted to an empty object only counted",
    code: EMPTY_DEFAULTED,
    filename: "src/server.ts",
    files: { "package.json": '{ "dependencies": { "express": "^5.1.0", "joi": "^17.13.0" } }' },
  },
  {
    name: "a body token only presence-tested and handed to verifyIdToken as its idToken",
    code: GOOGLE_OK,
    filename: "src/api/auth/controllers/google-token.ts",
    files: KOA,
  },
  {
    name: "a presence-tested body field only put into the messages of the model SDK's own request",
    code: IDENTIFY_TESTED,
    filename: "supabase/functions/identifySpecies/index.ts",
    files: { "package.json": null, "supabase/config.toml": '[functions.identifySpecies]\nverify_jwt = true\n' },
  },
];

const invalid: InvalidCase[] = [
  markedRow("the same service storing the password as sent: reported", RESET_CONTROLLER, "src/controllers/authController.js", { ...EXPRESS, "src/services/authService.js": STORED_RAW }, "expressBody", 3, 53, 61),
  markedRow("the keys counted with no presence test before: reported", MCP_ROUTE("Object.keys(req.body).length"), "src/server.ts", MCP, "expressBody", 6, 31, 39),
  markedRow("the keys iterated and made property keys: reported", KEYS_ITERATED, "src/server.ts", { "package.json": '{ "dependencies": { "express": "^5.1.0", "joi": "^17.13.0" } }' }, "expressBody", 5, 33, 41),
  markedRow("a raw body parsed into a let in a try, a field then a query value: reported at the parse", RAW_RPC, "src/server.ts", FASTIFY, "fastifyRequest", 9, 11, 57),
  markedRow("the same token also stored: reported", GOOGLE_STORED, "src/api/auth/controllers/google-token.ts", KOA, "koaRequest", 5, 23, 39),
  {
    name: "castErrorAnswered: a route id only cast by findById, the project's error handler answering a CastError with 400: info, low confidence",
    code: CAST_BY_ID,
    filename: "src/controllers/subscription.controller.js",
    files: castProject(400),
    findings: [{ case: "expressParams", line: 4, column: 54, endColumn: 64, confidence: "low", severity: "info", suggestions: [mark(CAST_BY_ID, "expressParams", 4)] }],
    output: null,
  },
  {
    name: "castErrorAnswered's neighbour: the handler answering the CastError with 500: warning",
    code: CAST_BY_ID,
    filename: "src/controllers/subscription.controller.js",
    files: castProject(500),
    findings: [{ case: "expressParams", line: 4, column: 54, endColumn: 64, confidence: "high", severity: "warning", suggestions: [mark(CAST_BY_ID, "expressParams", 4)] }],
    output: null,
  },
  {
    name: "castErrorAnswered's neighbour: the route id as a String path's value (no cast): warning",
    code: CAST_BY_PLAN,
    filename: "src/controllers/subscription.controller.js",
    files: castProject(400),
    findings: [{ case: "expressParams", line: 4, column: 61, endColumn: 71, confidence: "high", severity: "warning", suggestions: [mark(CAST_BY_PLAN, "expressParams", 4)] }],
    output: null,
  },
  { ...markedRow("the same field never tested: the destructuring reported", IDENTIFY_UNTESTED, "supabase/functions/identifySpecies/index.ts", {}, "webRequest", 4, 34, 44), files: { "package.json": null, "supabase/config.toml": '[functions.identifySpecies]\nverify_jwt = true\n' } },
  markedRow("a presence-tested field taken as a message's content as it is (held round 36): reported", AI_CONTENT, "src/controllers/ai.controller.js", { "package.json": '{ "dependencies": { "express": "^4.19.0", "openai": "^4.0.0", "joi": "^17.13.0" } }' }, "expressBody", 4, 27, 35),
];

runWithNamedCases(valid, invalid);
