import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on the retired held round 14 (issue 11): hand-written analogues, not the
// repositories' code. Each class has its valid rows (the checked forms) and its invalid rows.

const SET_ASIDE_PREFIX = dedent`
  Deno.serve(async (req: Request) => {
    const url = new URL(req.url);
    const callId = url.searchParams.get("callId");
    if (!callId) return new Response("missing", { status: 400 });
    if (callId?.startsWith("test-")) return new Response("test ok");
    const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
    return Response.json(data);
  });
`;

const SET_ASIDE_LITERAL = dedent`
  import express from "express";
  const app = express();
  app.get("/orders/:id", async (req, res) => {
    const id = req.params.id;
    if (id === "demo") {
      return res.json(DEMO_ORDER);
    }
    res.json(await Order.findById(id));
  });
`;

const SET_ASIDE_SUFFIX = dedent`
  const http = require("node:http");
  const fs = require("node:fs");
  http.createServer((req, res) => {
    const name = new URL(req.url, "http://localhost").searchParams.get("file");
    if (name && name.endsWith(".tmp")) throw new Error("temporary files are not served");
    fs.createReadStream("public/" + name).pipe(res);
  });
`;

const BODY_READ_TWICE = dedent`
  Deno.serve(async (req: Request) => {
    try {
      const { callId, phone } = await req.json();
      await supabase.from("calls").insert({ id: callId, phone });
      return new Response("ok");
    } catch (error) {
      const { callId } = await req.json();
      await supabase.from("calls").update({ status: "failed" }).eq("id", callId);
      return new Response("failed", { status: 500 });
    }
  });
`;

const CHAINS_COVER_BODY = dedent`
  import { Router } from "express";
  import { body, validationResult } from "express-validator";
  const router = Router();
  const validate = (req, res, next) => {
    if (!validationResult(req).isEmpty()) return res.sendStatus(400);
    next();
  };
  router.put("/:userId/plan", [body("plan").isIn(["basic", "pro"])], validate, async (req, res) => {
    const { userId } = req.params;
    res.json(await User.updatePlan(userId, req.body.plan));
  });
`;

const STORE_WRAPPER_KEY = dedent`
  import { Router } from "express";
  const router = Router();
  router.get("/entry", async (req, res) => {
    const { url } = req.query;
    if (!url) return res.sendStatus(400);
    res.json({ exists: await cacheManager.exists(url) });
  });
`;

const TOKEN_STORED = dedent`
  import { Router } from "express";
  import jwt from "jsonwebtoken";
  const router = Router();
  router.post("/logout", async (req, res) => {
    const { refreshToken } = req.body;
    if (!refreshToken) return res.sendStatus(400);
    jwt.verify(refreshToken, process.env.REFRESH_SECRET);
    await db.query("DELETE FROM sessions WHERE token = $1", [refreshToken]);
    res.sendStatus(204);
  });
`;

const BODY_TO_MODEL = dedent`
  Deno.serve(async (req) => {
    const text = await req.json();
    const answer = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: text }],
    });
    return new Response(answer.choices[0].message.content);
  });
`;

const BODY_TO_SERVICE_NOT_PROXY = dedent`
  import express from "express";
  const app = express();
  app.post("/orders", async (req, res) => {
    const answer = await ordersApi.request({ method: "POST", url: "/orders", data: req.body });
    res.status(answer.status).json(answer.data);
  });
`;

const QUERIES_NAMESPACE = dedent`
  import * as resultQueries from "../queries/resultQueries.js";
  export const doesResultExist = async (ctx) => {
    const { resultId } = ctx.params;
    const result = await resultQueries.getOneResult({ resultId });
    if (!result) {
      ctx.status = 404;
      return "Result not found.";
    }
    return null;
  };
`;

const CHECK_FUNCTION_SINK = dedent`
  import * as studentQueries from "../queries/studentQueries.js";
  export const isStudentIdValid = async (ctx) => {
    const { studentId } = ctx.request.body;
    if (!(await studentQueries.findStudent({ studentId }))) return "Student not found.";
    return null;
  };
`;

const BODY_AS_FIELD = dedent`
  import Koa from "koa";
  import Router from "@koa/router";
  import { relay } from "./relay.js";
  const router = new Router();
  router.post("/message", async (ctx) => {
    const list = ctx.request.body || [];
    ctx.body = { data: await relay(list) };
  });
`;

const BODY_AS_FIELD_SAME_FILE = dedent`
  import express from "express";
  const app = express();
  app.post("/chat", async (req, res) => {
    const upstream = await fetch("https://relay.example.com/send", {
      method: "POST",
      body: JSON.stringify({ messages: req.body, key: process.env.RELAY_KEY }),
    });
    res.json(await upstream.text());
  });
`;

const MODEL_QUESTION = dedent`
  import { Router } from "express";
  import RefreshToken from "../models/refreshToken.js";
  import { verifyToken } from "../utils/jwt.js";
  const router = Router();
  router.post("/refresh", async (req, res) => {
    const { refreshToken } = req.body;
    if (!refreshToken) return res.sendStatus(400);
    verifyToken(refreshToken, "refresh");
    if (!(await RefreshToken.isValid(refreshToken))) return res.sendStatus(401);
    res.json({ ok: true });
  });
`;

const FS_ALIAS = dedent`
  const express = require("express");
  const fileSystem = require("fs");
  const app = express();
  app.get("/pictures/:id", (req, res) => {
    const filePath = "public/images/" + req.params.id;
    fileSystem.createReadStream(filePath).pipe(res);
  });
`;

const CHAIN_MODULES: Record<string, string> = {
  "src/validators/userValidators.js": dedent`
    import * as userQueries from "../queries/userQueries.js";
    export const doesUserExistByName = async (ctx) => {
      const { name } = ctx.query;
      if (typeof name !== "string" || !/^[a-z]+$/.test(name)) return "Invalid name.";
      const user = await userQueries.getOneUser({ name });
      if (!user) return "User not found.";
      return null;
    };
    export const doesResultExistById = async (ctx) => {
      const { resultId } = ctx.params;
      const result = await userQueries.getOneResult({ resultId });
      if (!result) return "Result not found.";
      ctx.state.result = result;
      return null;
    };
  `,
  "src/routers/users.js": dedent`
    import Router from "@koa/router";
    import validator from "../middleware/validator.js";
    import { doesUserExistByName, doesResultExistById } from "../validators/userValidators.js";
    import { listUsers, deleteResult } from "../controllers/userControllers.js";
    const router = new Router({ prefix: "/users" });
    router.get("/", validator([doesUserExistByName]), listUsers);
    router.delete("/results/:resultId", validator([doesResultExistById]), deleteResult);
    export default router;
  `,
};

const CHAIN_OTHER_FIELDS = dedent`
  import * as userQueries from "../queries/userQueries.js";
  export const listUsers = async (ctx) => {
    const sort = {};
    const { sortBy, sortOrder } = ctx.query;
    if (sortBy && sortOrder) sort[sortBy] = sortOrder === "desc" ? -1 : 1;
    ctx.body = await userQueries.getUsers({}, sort);
  };
`;

const HELPER_FIRST_PARAM = dedent`
  import { exchangeCode } from "../../lib/oauth";
  async function handleSocialExchange(req: Request): Promise<Response> {
    const { code, verifier } = await req.json();
    if (!code || !verifier) return Response.json({ error: "missing" }, { status: 400 });
    return Response.json(await exchangeCode(code, verifier));
  }
  export async function POST(req: Request): Promise<Response> {
    const action = new URL(req.url).searchParams.get("action");
    if (action === "social-exchange") return handleSocialExchange(req);
    return Response.json({ error: "unknown action" }, { status: 400 });
  }
`;

const DRIZZLE_INSERT = dedent`
  Bun.serve({
    async fetch(req) {
      const url = new URL(req.url);
      if (url.pathname === "/api/notes" && req.method === "POST") {
        const note = await req.json();
        await db.insert(notes).values(note);
        return new Response("created", { status: 201 });
      }
      return new Response("not found", { status: 404 });
    },
  });
`;

const TEXT_THEN = dedent`
  export async function ask() {
    const text = await fetch("https://relay.example.com/send").then((r) => r.text());
    const data = JSON.parse(text);
    return data.choices[0].message.content;
  }
`;

const TEXT_HELPER = dedent`
  const relay = (list) => fetch("https://relay.example.com/send", { method: "POST" }).then((r) => r.text());
  export async function ask(list) {
    return relay(list).then((res) => {
      const data = JSON.parse(res);
      return data.choices[0].message.content;
    });
  }
`;

const valid: ValidCase[] = [
  {
    name: "a prefix test whose failing values leave (a negated startsWith) checks the value that goes on",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const callId = new URL(req.url).searchParams.get("callId");
        if (!callId || !callId.startsWith("call_")) return new Response("bad id", { status: 400 });
        const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
        return Response.json(data);
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
  {
    name: "a literal comparison whose other values leave (!==) is an allowlist of one",
    code: dedent`
      import express from "express";
      const app = express();
      app.get("/orders/:id", async (req, res) => {
        const id = req.params.id;
        if (id !== "latest") return res.sendStatus(400);
        res.json(await Order.findById(id));
      });
    `,
  },
  {
    name: "a prefix test whose branch uses the value (no exit) checks it there",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const callId = new URL(req.url).searchParams.get("callId");
        if (callId?.startsWith("call_")) {
          const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
          return Response.json(data);
        }
        return new Response("bad id", { status: 400 });
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
  {
    name: "the body read again in the catch of a handler that validates it: one input, validated",
    code: dedent`
      Deno.serve(async (req: Request) => {
        try {
          const body = CallBody.parse(await req.json());
          await supabase.from("calls").insert(body);
          return new Response("ok");
        } catch (error) {
          const { callId } = await req.json();
          await supabase.from("calls").update({ status: "failed" }).eq("id", callId);
          return new Response("failed", { status: 500 });
        }
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
  {
    name: "express-validator chains that name the route parameter cover it (param(\"id\") before validate)",
    code: dedent`
      import { Router } from "express";
      import { param, validationResult } from "express-validator";
      const router = Router();
      const validate = (req, res, next) => {
        if (!validationResult(req).isEmpty()) return res.sendStatus(400);
        next();
      };
      router.delete("/:userId", [param("userId").isUUID()], validate, async (req, res) => {
        res.json(await User.deleteOne({ id: req.params.userId }));
      });
    `,
  },
  {
    name: "a check() chain covers every part of the request",
    code: dedent`
      import { Router } from "express";
      import { check, validationResult } from "express-validator";
      const router = Router();
      const validate = (req, res, next) => {
        if (!validationResult(req).isEmpty()) return res.sendStatus(400);
        next();
      };
      router.delete("/:userId", [check("userId").isUUID()], validate, async (req, res) => {
        res.json(await User.deleteOne({ id: req.params.userId }));
      });
    `,
  },
  {
    name: "a whole body handed to a store wrapper (cacheManager) may only be hashed into a key: not reported",
    code: dedent`
      export async function cacheMiddleware(req, res, next) {
        const hit = await cacheManager.get(req.originalUrl, req.body);
        if (hit) return res.json(hit);
        next();
      }
    `,
    filename: "src/middleware/cache.js",
    files: { "package.json": '{ "name": "app", "dependencies": { "express": "^4.0.0" } }\n' },
  },
  {
    name: "a token from the body only tested and verified (jwt.verify, verifyToken): the payload is what goes on",
    code: dedent`
      import { Router } from "express";
      import jwt from "jsonwebtoken";
      import { verifyAccessToken } from "../utils/jwt.js";
      const router = Router();
      router.post("/validate", async (req, res) => {
        const { token } = req.body;
        if (!token) return res.status(400).json({ error: "token required" });
        const { id } = jwt.verify(token, process.env.JWT_SECRET);
        res.json(await User.findById(id));
      });
      router.post("/introspect", async (req, res) => {
        const { accessToken } = req.body;
        const payload = verifyAccessToken(accessToken);
        res.json(await User.findById(payload.sub));
      });
    `,
  },
  {
    name: "a proxy: the request's body forwarded whole with its own method (axios data, fetch body)",
    code: dedent`
      import express from "express";
      import axios from "axios";
      const app = express();
      app.use("/api", async (req, res) => {
        const upstream = await proxyService.makeRequest({ method: req.method, url: req.originalUrl, data: req.body });
        res.status(upstream.status).send(upstream.data);
      });
      app.use("/v2", async (req, res) => {
        const upstream = await axios({ method: req.method, url: TARGET + req.url, data: req.body, responseType: "stream" });
        upstream.data.pipe(res);
      });
    `,
  },
  {
    name: "a Telegram user's text sent to a model is what the bot is for: not reported",
    code: dedent`
      import { Bot } from "grammy";
      const bot = new Bot(process.env.BOT_TOKEN);
      bot.on("message:text", async (ctx) => {
        const answer = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: ctx.message.text }] });
        await ctx.reply(answer.choices[0].message.content ?? "");
      });
    `,
  },
  {
    name: "a validated body handed to a model",
    code: dedent`
      Deno.serve(async (req) => {
        const { text } = Prompt.parse(await req.json());
        const answer = await anthropic.messages.create({ model: "claude", max_tokens: 512, messages: [{ role: "user", content: text }] });
        return Response.json(answer);
      });
    `,
    filename: "supabase/functions/ask/index.ts",
  },
  {
    name: "a check function of a Koa chain reading the body to answer with a message: the check itself",
    code: dedent`
      export const isFieldsValid = async (ctx) => {
        const { body } = ctx.request;
        const { Marks } = body;
        if (Marks && Marks.length > 10) return "At most 10 marks.";
        const invalid = Object.keys(body).filter((f) => !ALLOWED.includes(f));
        if (invalid.length) return \`Invalid fields: \${invalid.join(", ")}.\`;
        return null;
      };
      export const areMarksValid = (ctx) => {
        const { Marks } = ctx.request.body;
        if (!Array.isArray(Marks)) return "Marks should be an array.";
        if (Marks.some((m) => typeof m.marks !== "number")) return "Marks should be numbers.";
        return null;
      };
    `,
    filename: "api/src/validators/resultValidators.js",
  },
  {
    name: "a function of a module that is no data-access module, imported whole: not a database call",
    code: dedent`
      import * as format from "../utils/format.js";
      export const show = async (ctx) => {
        const { name } = ctx.params;
        ctx.body = format.getLabel(name);
      };
    `,
    filename: "api/src/controllers/labels.js",
  },
  {
    name: "the body forwarded whole with the request's own method (JSON.stringify(req.body)) is a proxy's forwarding",
    code: dedent`
      import express from "express";
      const app = express();
      app.post("/hook", async (req, res) => {
        await fetch(process.env.HOOK_URL, { method: req.method, body: JSON.stringify(req.body) });
        res.sendStatus(202);
      });
    `,
  },
  {
    name: "isValid of a schema (not a model of the project) with its result checked is a check",
    code: dedent`
      import { Router } from "express";
      import { TokenShape } from "../schemas/token.js";
      const router = Router();
      router.post("/refresh", async (req, res) => {
        const { refreshToken } = req.body;
        if (!TokenShape.isValid(refreshToken)) return res.sendStatus(400);
        res.json(await Session.findOne({ where: { token: refreshToken } }));
      });
    `,
  },
  {
    name: "fs under another name with the file name checked first",
    code: dedent`
      const express = require("express");
      const fileSystem = require("fs");
      const app = express();
      app.get("/pictures/:id", (req, res) => {
        if (!/^[a-z0-9]+\\.jpg$/.test(req.params.id)) return res.sendStatus(400);
        fileSystem.createReadStream("public/images/" + req.params.id).pipe(res);
      });
    `,
    filename: "src/server.js",
  },
  {
    name: "a handler behind a validator chain whose function takes the same field (checked or reported there): not again in the handler",
    code: dedent`
      import * as userQueries from "../queries/userQueries.js";
      export const deleteResult = async (ctx) => {
        const { resultId } = ctx.params;
        await userQueries.deleteResult({ resultId });
        ctx.status = 204;
      };
    `,
    filename: "src/controllers/userControllers.js",
    files: CHAIN_MODULES,
  },
  {
    name: "a function taking a Request first that no handler hands its request: not a route's input",
    code: dedent`
      async function readCached(req: Request): Promise<unknown> {
        const hit = await cache.match(req);
        return hit ? hit.json() : null;
      }
      export async function warm(): Promise<void> {
        const data = await readCached(new Request("https://api.example.com/config"));
        console.log(data);
      }
    `,
    filename: "lib/cache.ts",
  },
  {
    name: "a Drizzle insert of a parsed body",
    code: dedent`
      Bun.serve({
        async fetch(req) {
          const note = NoteInput.parse(await req.json());
          await db.insert(notes).values(note);
          return new Response("created", { status: 201 });
        },
      });
    `,
    filename: "server.ts",
  },
  {
    name: "JSON.parse of what a same-module promise resolves to when that is a literal: not external",
    code: dedent`
      const defaults = () => Promise.resolve("{}").then((t) => t);
      function template() {
        return Promise.resolve('{"retries": 3}');
      }
      export async function load() {
        const a = await defaults().then((t) => JSON.parse(t));
        const b = await template().then((t) => JSON.parse(t));
        return a.retries ?? b.retries;
      }
    `,
    filename: "src/config.js",
  },
];

// Held round 26 (session 25): with a fixed method the handler decides the request and sends the body on.
const FORWARDED_FIXED_POST = dedent`
  import express from "express";
  const app = express();
  app.post("/hook", async (req, res) => {
    await fetch(process.env.HOOK_URL, { method: "POST", body: JSON.stringify(req.body) });
    res.sendStatus(202);
  });
`;

const invalid: InvalidCase[] = [
  {
    name: "the body forwarded whole as the JSON body of a fixed-method POST is passed on to a service",
    code: FORWARDED_FIXED_POST,
    findings: [{ case: "expressBody", line: 4, column: 76, endColumn: 84, suggestions: [mark(FORWARDED_FIXED_POST, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "a prefix test that returns for the test ids sets them aside: the other ids go on unchecked",
    code: SET_ASIDE_PREFIX,
    filename: "supabase/functions/status/index.ts",
    findings: [{ case: "webRequest", line: 3, column: 18, endColumn: 48, suggestions: [mark(SET_ASIDE_PREFIX, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "a literal comparison that returns for one demo value checks nothing about the others",
    code: SET_ASIDE_LITERAL,
    findings: [
      { case: "expressParams", line: 4, column: 14, endColumn: 24, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const GetOrdersParams = z.object({ id: z.string() });

          app.get("/orders/:id", async (req, res) => {
            const parsed = GetOrdersParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const id = parsed.data.id;
            if (id === "demo") {
              return res.json(DEMO_ORDER);
            }
            res.json(await Order.findById(id));
          });
        ` }, mark(SET_ASIDE_LITERAL, "expressParams", 4)] },
    ],
    output: null,
  },
  {
    name: "a suffix test that throws for one kind of name leaves every other name a path",
    code: SET_ASIDE_SUFFIX,
    filename: "server.js",
    findings: [{ case: "webRequest", line: 4, column: 16, endColumn: 77, suggestions: [mark(SET_ASIDE_SUFFIX, "webRequest", 4)] }],
    output: null,
  },
  {
    name: "the body read again in a catch is the same input: reported once, at the first read",
    code: BODY_READ_TWICE,
    filename: "supabase/functions/initiate/index.ts",
    findings: [{ case: "webRequest", line: 3, column: 37, endColumn: 47, suggestions: [mark(BODY_READ_TWICE, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "express-validator chains of the body only: the route parameter stays input behind validate",
    code: CHAINS_COVER_BODY,
    files: { "package.json": '{ "name": "app", "dependencies": { "express": "^4.21.0", "express-validator": "^7.2.0" } }\n' },
    findings: [{ case: "expressParams", line: 9, column: 22, endColumn: 32, suggestions: [mark(CHAINS_COVER_BODY, "expressParams", 9)] }],
    output: null,
  },
  {
    name: "a query value used as the key of a store wrapper named cacheManager",
    code: STORE_WRAPPER_KEY,
    findings: [
      { case: "expressQuery", line: 4, column: 19, endColumn: 28, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
          import { Router } from "express";
          import { z } from "zod";
          const router = Router();
          const GetEntryQuery = z.object({ url: z.string().optional() });

          router.get("/entry", async (req, res) => {
            const parsed = GetEntryQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { url } = parsed.data;
            if (!url) return res.sendStatus(400);
            res.json({ exists: await cacheManager.exists(url) });
          });
        ` }, mark(STORE_WRAPPER_KEY, "expressQuery", 4)] },
    ],
    output: null,
  },
  {
    name: "a token verified, then looked up in the database: the lookup is a use",
    code: TOKEN_STORED,
    findings: [{ case: "expressBody", line: 5, column: 28, endColumn: 36, suggestions: [mark(TOKEN_STORED, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "a parsed body handed whole to an AI model call as the message content",
    code: BODY_TO_MODEL,
    filename: "supabase/functions/prefill/index.ts",
    findings: [{ case: "webRequest", line: 2, column: 22, endColumn: 32, suggestions: [mark(BODY_TO_MODEL, "webRequest", 2)] }],
    output: null,
  },
  {
    name: "a body sent on with a fixed method is no proxy: the handler decides the request",
    code: BODY_TO_SERVICE_NOT_PROXY,
    findings: [{ case: "expressBody", line: 4, column: 82, endColumn: 90, suggestions: [mark(BODY_TO_SERVICE_NOT_PROXY, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "a route parameter handed to a function of the data-access module imported whole (import * as resultQueries)",
    code: QUERIES_NAMESPACE,
    filename: "api/src/validators/resultValidators.js",
    findings: [
      { case: "koaRequest", line: 3, column: 24, endColumn: 34, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
          import * as resultQueries from "../queries/resultQueries.js";
          import { z } from "zod";
          const DoesResultExistParams = z.object({ resultId: z.string() });

          export const doesResultExist = async (ctx) => {
            const parsed = DoesResultExistParams.safeParse(ctx.params);
            if (!parsed.success) {
              ctx.status = 400;
              ctx.body = { error: parsed.error.issues };
              return;
            }
            const { resultId } = parsed.data;
            const result = await resultQueries.getOneResult({ resultId });
            if (!result) {
              ctx.status = 404;
              return "Result not found.";
            }
            return null;
          };
        ` }, mark(QUERIES_NAMESPACE, "koaRequest", 3)] },
    ],
    output: null,
  },
  {
    name: "a check function that looks a body field up in the database: the lookup is a use",
    code: CHECK_FUNCTION_SINK,
    filename: "api/src/validators/studentValidators.js",
    findings: [{ case: "koaRequest", line: 3, column: 25, endColumn: 41, suggestions: [mark(CHECK_FUNCTION_SINK, "koaRequest", 3)] }],
    output: null,
  },
  {
    name: "the body put as one field of an outbound request's JSON body: passed on to a service",
    code: BODY_AS_FIELD_SAME_FILE,
    findings: [{ case: "expressBody", line: 6, column: 38, endColumn: 46, suggestions: [mark(BODY_AS_FIELD_SAME_FILE, "expressBody", 6)] }],
    output: null,
  },
  {
    name: "the same, one hop away: an imported helper puts its argument into the request it sends",
    code: BODY_AS_FIELD,
    filename: "server/index.js",
    files: {
      "server/relay.js": dedent`
        export const relay = (list = []) =>
          fetch("https://relay.example.com/send", { method: "POST", body: JSON.stringify({ message: list, key: process.env.RELAY_KEY }) }).then((r) => r.text());
      `,
    },
    findings: [{ case: "koaRequest", line: 6, column: 16, endColumn: 32, suggestions: [mark(BODY_AS_FIELD, "koaRequest", 6)] }],
    output: null,
  },
  {
    name: "a model's question about its rows (RefreshToken.isValid(token)) looks the token up: a database call, after the signature check too",
    code: MODEL_QUESTION,
    findings: [{ case: "expressBody", line: 6, column: 28, endColumn: 36, suggestions: [mark(MODEL_QUESTION, "expressBody", 6)] }],
    output: null,
  },
  {
    name: "fs bound to another name (const fileSystem = require(\"fs\")): a route parameter joined into the path it reads",
    code: FS_ALIAS,
    filename: "src/server.js",
    findings: [
      { case: "expressParams", line: 5, column: 39, endColumn: 49, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
          const express = require("express");
          const fileSystem = require("fs");
          const { z } = require("zod");
          const app = express();
          const GetPicturesParams = z.object({ id: z.string() });

          app.get("/pictures/:id", (req, res) => {
            const parsed = GetPicturesParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const filePath = "public/images/" + parsed.data.id;
            fileSystem.createReadStream(filePath).pipe(res);
          });
        ` }, mark(FS_ALIAS, "expressParams", 5)] },
    ],
    output: null,
  },
  {
    name: "a handler behind a validator chain that checks other fields of the query: its own fields stay input",
    code: CHAIN_OTHER_FIELDS,
    filename: "src/controllers/userControllers.js",
    files: CHAIN_MODULES,
    findings: [
      { case: "koaRequest", line: 4, column: 33, endColumn: 42, suggestions: [{ title: "Validate ctx.query with Zod (adds the zod dependency)", output: dedent`
          import * as userQueries from "../queries/userQueries.js";
          import { z } from "zod";
          const ListUsersQuery = z.object({ sortBy: z.string().optional(), sortOrder: z.string().optional() });

          export const listUsers = async (ctx) => {
            const sort = {};
            const parsed = ListUsersQuery.safeParse(ctx.query);
            if (!parsed.success) {
              ctx.status = 400;
              ctx.body = { error: parsed.error.issues };
              return;
            }
            const { sortBy, sortOrder } = parsed.data;
            if (sortBy && sortOrder) sort[sortBy] = sortOrder === "desc" ? -1 : 1;
            ctx.body = await userQueries.getUsers({}, sort);
          };
        ` }, mark(CHAIN_OTHER_FIELDS, "koaRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "a helper whose first parameter is the request a route export hands it (return handleX(req))",
    code: HELPER_FIRST_PARAM,
    filename: "routes/api/oauth/index.ts",
    findings: [{ case: "webRequest", line: 3, column: 36, endColumn: 46, suggestions: [mark(HELPER_FIRST_PARAM, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "a body inserted with Drizzle (db.insert(table).values(body)) in a Bun server",
    code: DRIZZLE_INSERT,
    filename: "server.ts",
    findings: [{ case: "webRequest", line: 5, column: 26, endColumn: 36, suggestions: [mark(DRIZZLE_INSERT, "webRequest", 5)] }],
    output: null,
  },
  {
    name: "JSON.parse of a response's text read in a then callback (fetch(u).then((r) => r.text()))",
    code: TEXT_THEN,
    filename: "server/ask.js",
    findings: [{ case: "jsonParseExternal", line: 3, column: 16, endColumn: 32, suggestions: [mark(TEXT_THEN, "jsonParseExternal", 3)] }],
    output: null,
  },
  {
    name: "JSON.parse in the then of a same-module helper that resolves to a response's text",
    code: TEXT_HELPER,
    filename: "server/ask.js",
    findings: [{ case: "jsonParseExternal", line: 4, column: 18, endColumn: 33, suggestions: [mark(TEXT_HELPER, "jsonParseExternal", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
