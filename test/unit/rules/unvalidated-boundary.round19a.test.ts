import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Request-input classes found on the tune corpus in session 19 (issue 11): hand-written analogues,
// not the repositories' code. Each class has its valid rows (the checked forms) and its invalid rows.

// A Mongo collection handle the handler takes itself, under a name that says nothing of a store.
const HOSTS_REGISTER = dedent`
  module.exports = function (fastify, opts, done) {
    fastify.post("/register", async (req, reply) => {
      const hosts = fastify.mongo.db.collection("hosts");
      const host = req.body;
      host.created = new Date();
      await hosts.insertOne(host);
      return reply.send({ ok: true });
    });
    done();
  };
`;

const STATS_SET = dedent`
  module.exports = function (fastify, opts, done) {
    fastify.post("/stats", async (req, reply) => {
      const statColl = fastify.mongo.db.collection("stats");
      await statColl.updateOne({ owner: req.user.id }, { $set: req.body }, { upsert: true });
      return reply.send({ ok: true });
    });
    done();
  };
`;

// @fastify/multipart: the client's name for the upload.
const FASTIFY_UPLOAD = dedent`
  const path = require("path");
  const fs = require("fs");
  const fastify = require("fastify")();
  fastify.register(require("@fastify/multipart"));
  fastify.post("/upload", async (req, reply) => {
    const data = await req.file();
    const target = path.join(__dirname, "uploads", data.filename);
    await pump(data.file, fs.createWriteStream(target));
    return { ok: true };
  });
`;

const FASTIFY_UPLOADS_LOOP = dedent`
  import Fastify from "fastify";
  import fs from "node:fs";
  const app = Fastify();
  app.post("/uploads", async (request, reply) => {
    for await (const part of request.files()) {
      await pump(part.file, fs.createWriteStream(\`./uploads/\${part.filename}\`));
    }
    return reply.send({ ok: true });
  });
`;

// Netlify/Lambda handlers that coerce each field into a local and check the local.
const COERCED_UNCHECKED = dedent`
  const { query } = require("./_db");
  exports.handler = async (event) => {
    const body = JSON.parse(event.body || "{}");
    const id = Number(body.id);
    await query("delete from entries where id = $1", [id]);
    return { statusCode: 204 };
  };
`;

const CLAMP_ONLY = dedent`
  const { query } = require("./_db");
  function clampStr(s, max = 300) {
    return String(s).slice(0, max);
  }
  exports.handler = async (event) => {
    const body = JSON.parse(event.body || "{}");
    const note = clampStr(body.note);
    await query("insert into notes(text) values ($1)", [note]);
    return { statusCode: 201 };
  };
`;

// A payment signature check: the fields only go into the HMAC's text and the comparison (and a log line).
const HMAC_STORED = dedent`
  import crypto from "crypto";
  export async function POST(req: Request) {
    const { orderId, paymentId, signature } = await req.json();
    const expected = crypto.createHmac("sha256", process.env.KEY!).update(orderId + "|" + paymentId).digest("hex");
    if (expected !== signature) return Response.json({ error: "bad signature" }, { status: 400 });
    await db.payment.create({ data: { orderId, paymentId } });
    return Response.json({ ok: true });
  }
`;

// A Worker that dispatches on method and path: each branch reads its own request body.
const WORKER_ROUTES = dedent`
  export default {
    async fetch(request: Request, env: Env) {
      const url = new URL(request.url);
      if (request.method === "POST" && url.pathname === "/subscriptions") {
        const body = await request.json();
        await db.createSubscription(body.repo);
        return new Response("created", { status: 201 });
      }
      if (request.method === "POST" && url.pathname === "/connect") {
        const body = await request.json();
        if (!body.user_id || !body.chat_id) return new Response("missing", { status: 400 });
        await db.createUser(body.user_id, body.chat_id);
        return new Response("ok");
      }
      return new Response("not found", { status: 404 });
    },
  };
`;

// SQL parameters gathered in a local array.
const PUSHED_LIMIT = dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { query } from "@/lib/db";
  export async function GET(request: NextRequest) {
    const searchParams = request.nextUrl.searchParams;
    const search = searchParams.get("search") || "";
    const limit = parseInt(searchParams.get("limit") || "50");
    const params: unknown[] = [];
    let sql = "SELECT * FROM customers";
    if (search) {
      sql += " WHERE name ILIKE $1";
      params.push(\`%\${search}%\`);
    }
    sql += \` LIMIT $\${params.length + 1}\`;
    params.push(limit);
    const result = await query(sql, params);
    return NextResponse.json(result.rows);
  }
`;

const valid: ValidCase[] = [
  {
    name: "mongo: a local collection handle given a field the handler checked with typeof",
    code: dedent`
      module.exports = function (fastify, opts, done) {
        fastify.post("/logs", async (req, reply) => {
          const logsColl = fastify.mongo.db.collection("logs");
          const { line } = req.body;
          if (typeof line !== "string" || line.length > 500) return reply.code(400).send();
          await logsColl.insertOne({ line, at: new Date() });
          return reply.send({ ok: true });
        });
        done();
      };
    `,
  },
  {
    name: "fastify multipart: the upload stored under a name the server chooses",
    code: dedent`
      const fs = require("fs");
      const crypto = require("crypto");
      const fastify = require("fastify")();
      fastify.post("/upload", async (req, reply) => {
        const data = await req.file();
        console.log("upload", data.filename);
        await pump(data.file, fs.createWriteStream(\`./uploads/\${crypto.randomUUID()}\`));
        return { ok: true };
      });
    `,
  },
  {
    name: "lambda: fields coerced into locals that a check decides (Number + isInteger, String().trim() + length)",
    code: dedent`
      const { query } = require("./_db");
      exports.handler = async (event) => {
        let body;
        try { body = JSON.parse(event.body || "{}"); } catch { body = {}; }
        const campaignId = Number(body.campaign_id);
        const text = String(body.response_text || "").trim();
        if (!Number.isInteger(campaignId) || campaignId <= 0) return { statusCode: 400, body: "campaign_id" };
        if (!text || text.length < 5) return { statusCode: 400, body: "text" };
        await query("insert into feedback(campaign_id, text) values ($1, $2)", [campaignId, text.slice(0, 3000)]);
        return { statusCode: 201 };
      };
    `,
  },
  {
    name: "lambda: a field handed to a helper of the module that checks its parameter first (Number + isFinite, else null)",
    code: dedent`
      const { query } = require("./_db");
      function safeInt(x) {
        if (x == null) return null;
        const n = Number(x);
        if (!Number.isFinite(n)) return null;
        return Math.round(n);
      }
      exports.handler = async (event) => {
        const body = JSON.parse(event.body || "{}");
        const calories = safeInt(body.calories);
        if (calories == null || calories < 0) return { statusCode: 400 };
        await query("update entries set calories = $1", [calories]);
        return { statusCode: 200 };
      };
    `,
  },
  {
    name: "hmac: fields only concatenated into the signed text, compared with the digest, and logged",
    code: dedent`
      import { NextResponse } from "next/server";
      import crypto from "crypto";
      export async function POST(req: Request) {
        const { orderId, paymentId, signature } = await req.json();
        if (!orderId || !paymentId || !signature) return NextResponse.json({ error: "missing" }, { status: 400 });
        const payload = orderId + "|" + paymentId;
        const expected = crypto.createHmac("sha256", process.env.KEY!).update(payload.toString()).digest("hex");
        if (expected === signature) {
          console.log("verified", { orderId, paymentId });
          return NextResponse.json({ ok: true });
        }
        console.warn("bad signature", { received: signature });
        return NextResponse.json({ error: "bad signature" }, { status: 400 });
      }
    `,
  },
  {
    name: "sql: a LIKE pattern built around a search value and bound as a parameter",
    code: dedent`
      import { NextRequest, NextResponse } from "next/server";
      import { query } from "@/lib/db";
      export async function GET(request: NextRequest) {
        const search = request.nextUrl.searchParams.get("q") || "";
        const params: unknown[] = [];
        if (search) params.push(\`%\${search}%\`);
        const result = await query(search ? "SELECT * FROM c WHERE name ILIKE $1" : "SELECT * FROM c", params);
        return NextResponse.json(result.rows);
      }
    `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "hmac: fields signed and compared, then stored as well",
    code: HMAC_STORED,
    findings: [{ case: "nextAppRequest", line: 3, column: 51, endColumn: 61, suggestions: [mark(HMAC_STORED, "nextAppRequest", 3)] }],
    output: null,
  },
  {
    name: "worker: bodies read in two method-and-path branches are two inputs",
    code: WORKER_ROUTES,
    findings: [
      { case: "webRequest", line: 5, column: 26, endColumn: 40, suggestions: [mark(WORKER_ROUTES, "webRequest", 5)] },
      { case: "webRequest", line: 10, column: 26, endColumn: 40, suggestions: [mark(WORKER_ROUTES, "webRequest", 10)] },
    ],
    output: null,
  },
  {
    name: "sql: a parseInt'd limit pushed into the parameter array of a query",
    code: PUSHED_LIMIT,
    findings: [{ case: "nextAppRequest", line: 6, column: 26, endColumn: 51, suggestions: [mark(PUSHED_LIMIT, "nextAppRequest", 6)] }],
    output: null,
  },
  {
    name: "lambda: a field coerced with Number() into a local that no check decides",
    code: COERCED_UNCHECKED,
    findings: [{ case: "lambdaEvent", line: 3, column: 16, endColumn: 46, suggestions: [mark(COERCED_UNCHECKED, "lambdaEvent", 3)] }],
    output: null,
  },
  {
    name: "lambda: a field handed to a helper of the module that only coerces it (String().slice)",
    code: CLAMP_ONLY,
    findings: [{ case: "lambdaEvent", line: 6, column: 16, endColumn: 46, suggestions: [mark(CLAMP_ONLY, "lambdaEvent", 6)] }],
    output: null,
  },
  {
    name: "mongo: the body inserted whole through a local collection handle (after a field is written into it)",
    code: HOSTS_REGISTER,
    findings: [{ case: "fastifyRequest", line: 4, column: 18, endColumn: 26, suggestions: [mark(HOSTS_REGISTER, "fastifyRequest", 4)] }],
    output: null,
  },
  {
    name: "mongo: the body as a whole $set through a local collection handle",
    code: STATS_SET,
    findings: [{ case: "fastifyRequest", line: 4, column: 62, endColumn: 70, suggestions: [mark(STATS_SET, "fastifyRequest", 4)] }],
    output: null,
  },
  {
    name: "fastify multipart: the client's file name joined into the written path",
    code: FASTIFY_UPLOAD,
    filename: "src/upload.js",
    findings: [{ case: "fastifyRequest", line: 7, column: 50, endColumn: 63, suggestions: [{ title: "Validate data.filename with Zod (adds the zod dependency)", output: dedent`
        const path = require("path");
        const fs = require("fs");
        const { z } = require("zod");
        const fastify = require("fastify")();
        fastify.register(require("@fastify/multipart"));
        const PostUpload = z.string();

        fastify.post("/upload", async (req, reply) => {
          const data = await req.file();
          const target = path.join(__dirname, "uploads", PostUpload.parse(data.filename));
          await pump(data.file, fs.createWriteStream(target));
          return { ok: true };
        });
      ` }, mark(FASTIFY_UPLOAD, "fastifyRequest", 7)] }],
    output: null,
  },
  {
    name: "fastify multipart: each part's file name in the written path (request.files())",
    code: FASTIFY_UPLOADS_LOOP,
    findings: [{ case: "fastifyRequest", line: 6, column: 61, endColumn: 74, suggestions: [{ title: "Validate part.filename with Zod (adds the zod dependency)", output: dedent`
        import Fastify from "fastify";
        import fs from "node:fs";
        import { z } from "zod";
        const app = Fastify();
        const PostUploadsUpload = z.string();

        app.post("/uploads", async (request, reply) => {
          for await (const part of request.files()) {
            await pump(part.file, fs.createWriteStream(\`./uploads/\${PostUploadsUpload.parse(part.filename)}\`));
          }
          return reply.send({ ok: true });
        });
      ` }, mark(FASTIFY_UPLOADS_LOOP, "fastifyRequest", 6)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 19 request-input classes", () => {
  runWithNamedCases(valid, invalid);
});
