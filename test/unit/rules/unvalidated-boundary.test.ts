import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import rule from "../../../src/rules/unvalidated-boundary/rule";
import { typecheck } from "../../helpers/typecheck";
import { dedent, RuleTester, type ExpectedSuggestion, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

/** A project whose package.json declares zod: the Zod fix is safe and preferred there. */
const ZOD = { "package.json": '{ "name": "app", "dependencies": { "zod": "^3.23.8" } }\n' };
const MARK = "Mark as validated elsewhere…";

/** Placeholder for the "Mark as validated elsewhere…" suggestion, resolved against the case's code below. */
function mark(caseId: string, line: number): ExpectedSuggestion {
  return { title: MARK, output: `@@mark ${caseId} ${line}` };
}

/** The exact text the suggestion must produce: a directive with a reason placeholder above the read's line. */
function withDirective(code: string, caseId: string, line: number): string {
  const lines = code.split("\n");
  const indent = /^[ \t]*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line unvalidated-boundary/${caseId} -- <reason>`);
  return lines.join("\n");
}

function resolveMarks(c: InvalidCase): InvalidCase {
  return {
    ...c,
    findings: c.findings.map((f) => ({
      ...f,
      suggestions: f.suggestions?.map((s) => {
        const m = /^@@mark (\w+) (\d+)$/.exec(s.output);
        return m ? { title: s.title, output: withDirective(c.code, m[1]!, Number(m[2])) } : s;
      }),
    })),
  };
}

const valid: (string | ValidCase)[] = [
  // A response body parsed into the same variable it was read into (`data = JSON.parse(data)`): followed once, not forever (was a stack overflow).
  { code: dedent`
    function onEnd(res, resolve) {
      let data = "";
      res.on("data", (chunk) => { data += chunk; });
      res.on("end", () => { data = JSON.parse(data); resolve(data); });
    }
    module.exports = { onEnd };
  `, filename: "/project/src/get.js" },
  // Schema libraries
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const body = CreateUser.parse(req.body);
      await db.user.create({ data: body });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const result = CreateUser.safeParse(req.body);
      if (!result.success) return res.status(400).json(result.error);
      await db.user.create({ data: result.data });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const { success, data } = CreateUser.safeParse(req.body);
      if (!success) return res.sendStatus(400);
      await db.user.create({ data });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const user = await CreateUser.parseAsync(req.body);
      await db.user.create({ data: user });
    });
  `,
  dedent`
    import express from "express";
    import * as v from "valibot";
    const app = express();
    app.post("/users", async (req, res) => {
      const user = v.parse(UserSchema, req.body);
      await db.user.create({ data: user });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const { error, value } = userSchema.validate(req.body);
      if (error) return res.status(400).json({ error: error.message });
      await db.user.create({ data: value });
    });
  `,
  dedent`
    import express from "express";
    import { celebrate, Joi, Segments } from "celebrate";
    const app = express();
    app.post("/users", celebrate({ [Segments.BODY]: Joi.object({ name: Joi.string() }) }), async (req, res) => {
      await db.user.create({ data: { name: req.body.name } });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", async (req, res) => {
      const user = await userSchema.validate(req.body);
      await db.user.create({ data: { name: user.name } });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", (req, res) => {
      const user = userSchema.validateSync(req.body, { stripUnknown: true });
      db.user.create({ data: user });
    });
  `,
  dedent`
    import express from "express";
    import Ajv from "ajv";
    const ajv = new Ajv();
    const validateUser = ajv.compile(schema);
    const app = express();
    app.post("/users", async (req, res) => {
      if (!validateUser(req.body)) return res.status(400).json(validateUser.errors);
      await db.user.create({ data: { name: req.body.name } });
    });
  `,
  dedent`
    import express from "express";
    import { assert, create } from "superstruct";
    const app = express();
    app.post("/users", async (req, res) => {
      assert(req.body, User);
      await db.user.create({ data: { name: req.body.name } });
    });
    app.post("/teams", async (req, res) => {
      const team = create(req.body, Team);
      await db.team.create({ data: team });
    });
  `,
  dedent`
    import express from "express";
    import { isLeft } from "fp-ts/Either";
    const app = express();
    app.post("/users", async (req, res) => {
      const decoded = UserCodec.decode(req.body);
      if (isLeft(decoded)) return res.sendStatus(400);
      await db.user.create({ data: decoded.right });
    });
  `,
  dedent`
    import express from "express";
    import { Value } from "@sinclair/typebox/value";
    const app = express();
    app.post("/users", async (req, res) => {
      if (!Value.Check(UserType, req.body)) return res.sendStatus(400);
      await db.user.create({ data: { name: req.body.name } });
    });
  `,
  dedent`
    import express from "express";
    import { plainToInstance } from "class-transformer";
    import { validate } from "class-validator";
    const app = express();
    app.post("/users", async (req, res) => {
      const dto = plainToInstance(CreateUserDto, req.body);
      const errors = await validate(dto);
      if (errors.length > 0) return res.status(400).json(errors);
      await db.user.create({ data: { name: dto.name } });
    });
  `,
  // Framework validation
  dedent`
    import express from "express";
    import { body, validationResult } from "express-validator";
    const app = express();
    app.post("/users", body("email").isEmail(), async (req, res) => {
      const errors = validationResult(req);
      if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
      await db.user.create({ data: { email: req.body.email } });
    });
  `,
  dedent`
    import express from "express";
    import { checkSchema, matchedData } from "express-validator";
    const app = express();
    app.post("/users", checkSchema(userSchema), async (req, res) => {
      const data = matchedData(req);
      await db.user.create({ data: { email: req.body.email, ...data } });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/users", validateBody(CreateUser), async (req, res) => {
      await db.user.create({ data: { name: req.body.name } });
    });
  `,
  dedent`
    import Fastify from "fastify";
    const app = Fastify();
    app.post("/orders", { schema: { body: OrderBody } }, async (request, reply) => {
      await db.order.create({ data: { sku: request.body.sku } });
    });
    app.route({
      method: "GET",
      url: "/orders/:id",
      schema: { params: IdParams },
      handler: async (request) => db.order.findUnique({ where: { id: request.params.id } }),
    });
  `,
  dedent`
    import { initTRPC } from "@trpc/server";
    import { z } from "zod";
    const t = initTRPC.create();
    export const appRouter = t.router({
      createPost: t.procedure.input(z.object({ title: z.string() })).mutation(async ({ input }) => {
        return db.post.create({ data: { title: input.title } });
      }),
    });
  `,
  dedent`
    import { Hono } from "hono";
    import { zValidator } from "@hono/zod-validator";
    const app = new Hono();
    app.post("/posts", zValidator("json", PostSchema), async (c) => {
      const data = c.req.valid("json");
      await db.post.create({ data });
      return c.json({ ok: true });
    });
  `,
  dedent`
    import { Body, Controller, Param, ParseIntPipe, ParseUUIDPipe, Post, Get, ValidationPipe } from "@nestjs/common";
    import { IsString } from "class-validator";
    class CreateCatDto {
      @IsString()
      name!: string;
    }
    @Controller("cats")
    export class CatsController {
      constructor(private readonly catsService: CatsService) {}
      @Post()
      create(@Body() dto: CreateCatDto) {
        return this.catsService.create(dto);
      }
      @Get(":id")
      one(@Param("id", ParseIntPipe) id: number) {
        return this.catsService.findOne(id);
      }
      @Get("by-uuid/:uuid")
      byUuid(@Param("uuid", new ParseUUIDPipe()) uuid: string) {
        return this.catsService.findOne(uuid);
      }
      @Post("strict")
      strict(@Body(new ValidationPipe({ whitelist: true })) dto: CreateCatDto) {
        return this.catsService.create(dto);
      }
    }
  `,
  dedent`
    import { Body, Controller, Post } from "@nestjs/common";
    import { CreateCatDto } from "./dto/create-cat.dto";
    @Controller("cats")
    export class CatsController {
      constructor(private readonly catsService: CatsService) {}
      @Post()
      create(@Body() dto: CreateCatDto) {
        return this.catsService.create(dto);
      }
    }
  `,
  dedent`
    export const resolvers = {
      Mutation: {
        createPost: (_parent: unknown, args: { title: string }) => db.post.create({ data: { title: args.title } }),
      },
    };
  `,
  // User-written guards and checked scalars
  dedent`
    import express from "express";
    function isCreateUser(x: unknown): x is { name: string } {
      return typeof x === "object" && x !== null && typeof (x as { name?: unknown }).name === "string";
    }
    const app = express();
    app.post("/users", async (req, res) => {
      if (!isCreateUser(req.body)) return res.sendStatus(400);
      await db.user.create({ data: { name: req.body.name } });
    });
  `,
  dedent`
    import express from "express";
    function assertOrder(x: unknown): asserts x is { sku: string } {
      if (typeof x !== "object" || x === null) throw new Error("bad order");
    }
    const app = express();
    app.post("/orders", async (req, res) => {
      assertOrder(req.body);
      await db.order.create({ data: { sku: req.body.sku } });
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/users/:id", async (req, res) => {
      const id = Number(req.params.id);
      if (!Number.isInteger(id) || id < 1) return res.sendStatus(400);
      res.json(await db.user.findUnique({ where: { id } }));
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/files/:name", (req, res) => {
      const { name } = req.params;
      if (!/^[a-z0-9-]+\.pdf$/.test(name)) return res.sendStatus(400);
      res.sendFile(path.join(UPLOADS, name));
    });
  `,
  dedent`
    import express from "express";
    const SORTS = ["asc", "desc"];
    const app = express();
    app.get("/posts", async (req, res) => {
      const sort = req.query.sort;
      if (!SORTS.includes(sort)) return res.sendStatus(400);
      res.json(await db.post.findMany({ orderBy: { createdAt: sort } }));
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/search", async (req, res) => {
      const q = req.query.q;
      if (typeof q !== "string" || q.length > 100) return res.sendStatus(400);
      res.json(await db.post.findMany({ where: { title: q } }));
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/login", (req, res) => {
      const next = String(req.query.next ?? "/");
      if (!next.startsWith("/") || next.startsWith("//")) return res.redirect("/");
      res.redirect(next);
    });
  `,
  // Pass-through and non-sources
  dedent`
    import express from "express";
    const app = express();
    app.post("/proxy", async (req, res) => {
      const upstream = await fetch(UPSTREAM, { method: req.method, body: JSON.stringify(req.body) });
      res.status(upstream.status).send(await upstream.text());
    });
    app.post("/echo", (req, res) => {
      res.json(req.body);
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.post("/webhook", express.raw({ type: "application/json" }), (req, res) => {
      const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], secret);
      handle(event.type, event.data.object);
      res.end();
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/posts", async (req, res) => {
      const page = Number(req.query.page) || 1;
      logger.info(\`listing page \${page} for \${req.params.id}\`);
      res.json(await listPosts(page));
    });
  `,
  dedent`
    import express from "express";
    const app = express();
    app.use((req, res, next) => {
      req.body = sanitize(req.body);
      next();
    });
  `,
  dedent`
    const config = JSON.parse(process.env.APP_CONFIG ?? "{}");
    const flags = JSON.parse(process.argv[2] ?? "[]");
    const copy = JSON.parse(JSON.stringify(defaults));
    const literal = JSON.parse('{"a":1}');
    console.log(config.port, flags.length, copy.a, literal.a);
  `,
  dedent`
    async function getUser(id: string) {
      const user = await prisma.user.findUnique({ where: { id } });
      return user?.email;
    }
  `,
  dedent`
    async function loadUser(id: string) {
      const res = await fetch(\`/api/users/\${id}\`);
      return UserSchema.parse(await res.json());
    }
    async function loadTeam(id: string) {
      const res = await fetch(\`/api/teams/\${id}\`);
      const team = TeamSchema.parse(await res.json());
      return team.name;
    }
  `,
  dedent`
    async function readJson(req: Request) {
      return await req.json();
    }
  `,
  dedent`
    import fs from "node:fs";
    function loadConfig(file: string) {
      return JSON.parse(fs.readFileSync(file, "utf8"));
    }
    const config = ConfigSchema.parse(loadConfig("app.json"));
    server.listen(config.port);
  `,
  dedent`
    window.addEventListener("message", (event) => {
      if (event.origin !== ORIGIN) return;
      const msg = MessageSchema.parse(event.data);
      render(msg.html);
    });
  `,
  { code: dedent`
    import { readFileSync } from "fs";
    import { join } from "path";
    const pkg = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8"));
    export default { input: "src/index.ts", output: { file: pkg.exports.import } };
  `, name: "a build config reading the package's own package.json (hoppscotch)" },
  { code: dedent`
    import fs from "fs";
    import { fileURLToPath } from "url";
    const packageJsonPath = fileURLToPath(new URL("../package.json", import.meta.url));
    const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, "utf-8"));
    if (!satisfies(process.version, packageJson.engines.node)) process.exit(1);
  `, name: "a CLI entry reading its own package.json through a variable" },
  { code: dedent`
    const worker = new Worker(new URL("./sum.worker.ts", import.meta.url));
    worker.onmessage = (e) => { total.textContent = String(e.data.total); };
    worker.postMessage({ items });
  `, name: "the app's own dedicated worker answering the page (hoppscotch)" },
  { code: dedent`
    self.onmessage = (e) => {
      const total = e.data.items.reduce((sum, item) => sum + item.price, 0);
      self.postMessage({ total });
    };
  `, filename: "src/workers/sum.ts", name: "a dedicated worker's script hears only its own page" },
  { code: dedent`
    importScripts("lib.js");
    addEventListener("message", (event) => { postMessage(run(JSON.parse(event.data).code)); });
  `, name: "a worker script known by importScripts" },
  { code: dedent`
    import { parentPort } from "node:worker_threads";
    parentPort!.on("message", (msg) => { parentPort!.postMessage(hash(msg.data.file)); });
  `, name: "a Node worker thread's messages from its parent" },
  dedent`
    import { ipcMain } from "electron";
    ipcMain.handle("save", async (_event, payload) => {
      const note = NoteSchema.parse(payload);
      await fs.promises.writeFile(notePath(note.id), note.text);
    });
    ipcMain.on("ping", (event) => event.reply("pong"));
  `,
  dedent`
    export const handler = async (event) => {
      const body = BodySchema.parse(JSON.parse(event.body ?? "{}"));
      await ddb.put({ TableName: "t", Item: body });
      return { statusCode: 200, body: "" };
    };
  `,
  { code: dedent`
    import metrics from "../common/metrics";
    export async function main(event) {
      await metrics.call("get", { name: event.pathParameters.name });
      await dynamo.call(action, { Key: { orgId: event.pathParameters.orgId } });
      return { statusCode: 204, body: "" };
    }
  `, filename: "src/handlers/track.js", name: "a dispatch call is a database call only on a store named for it, with a literal client method (not metrics.call(\"get\"), not dynamo.call(action))" },
  dedent`
    const cached = JSON.parse(localStorage.getItem("cart") ?? "[]");
    const items = CartSchema.parse(cached);
    render(items.length);
  `,
  dedent`
    import express from "express";
    const app = express();
    app.get("/items/:id/open", (req, res) => {
      res.redirect(\`/items/\${req.params.id}\`);
    });
  `,
  dedent`
    import fs from "node:fs";
    const CACHE_FILE = "/tmp/tool-cache.json";
    export function readCache() {
      const cache = JSON.parse(fs.readFileSync(CACHE_FILE, "utf8"));
      return cache.releases;
    }
    export function writeCache(cache: unknown) {
      fs.writeFileSync(CACHE_FILE, JSON.stringify(cache));
    }
  `,
  dedent`
    import express from "express";
    import mongoose from "mongoose";
    const app = express();
    app.get("/notes/:id", async (req, res) => {
      if (!mongoose.isValidObjectId(req.params.id)) return res.sendStatus(400);
      res.json(await Note.findOne({ _id: req.params.id }));
    });
  `,
  dedent`
    import { Body, Controller, Post } from "@nestjs/common";
    import { ZodValidationPipe } from "nestjs-zod";
    @Controller("invites")
    export class InvitesController {
      constructor(private readonly invites: InvitesService) {}
      @Post()
      create(@Body(new ZodValidationPipe(InviteSchema)) invite: Invite) {
        return this.invites.create(invite);
      }
    }
  `,
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/users/:id", async (req, res) => {
      res.json(await db.user.findUnique({ where: { id: req.params.id } }));
    });
  `, filename: "test/users.test.ts", name: "test files are not analyzed" },
  // Real-code classes that are clean (issue 11 §2).
  { code: dedent`
    import express from "express";
    const app = express();
    app.post("/hook", express.raw({ type: "application/json" }), async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      await queue.add("hook", { raw });
      res.end();
    });
  `, name: "a raw Buffer body turned into text reads no field" },
  { code: dedent`
    export async function getJson(url: string) {
      const res = await fetch(url);
      return res.json().catch(() => null);
    }
  `, name: "res.json().catch(() => null) handed on unchanged" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.post("/hook", (req, res) => {
      console.log("hook", req.body.type, \`id=\${req.body.id}\`);
      res.sendStatus(200);
    });
  `, name: "a body only logged" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/echo", (req, res) => {
      const out = {};
      out.search = req.query.search;
      res.json(out);
    });
  `, name: "a query value written into a local object that is only answered back" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.post("/n", async (req, res) => {
      if (typeof req.body.name !== "string" || req.body.name.length > 50) return res.sendStatus(400);
      await db.user.create({ data: { name: req.body.name } });
      res.end();
    });
  `, name: "fields read only after typeof guards" },
  { code: dedent`
    import express from "express";
    import { z } from "zod";
    const Item = z.object({ sku: z.string() });
    const app = express();
    app.post("/items", async (req, res) => {
      const item = Item.parse(req.body.item);
      await db.item.create({ data: item });
      res.end();
    });
  `, name: "a Zod parse of the sub-field that is used" },
  { code: dedent`
    process.on("unhandledRejection", (reason) => {
      const info = JSON.parse(String(reason));
      console.error(info.message);
    });
  `, name: "the unhandledRejection reason is not a message payload" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/users/:id", async (req, res) => {
      const r = await fetch(\`https://api.example.com/users/\${req.params.id}\`);
      res.json(await r.json());
    });
  `, name: "a fetch URL with a fixed host keeps the request on that host" },
  { code: dedent`
    import { z } from "npm:zod@3.23.8";
    const Body = z.object({ email: z.string() });
    Deno.serve(async (req) => {
      const { email } = Body.parse(await req.json());
      await supabase.from("profiles").insert({ email });
      return new Response("ok");
    });
  `, name: "a Deno.serve handler that validates with Zod" },
  // Chat bots, hand-parsed URLs, destructured checks (issue 11, detection classes of session 11).
  { code: dedent`
    import { Telegraf } from "telegraf";
    const bot = new Telegraf(process.env.BOT_TOKEN!);
    bot.on("text", async (ctx) => {
      await db.user.upsert({ where: { tgId: ctx.from.id }, create: { tgId: ctx.from.id }, update: {} });
      await ctx.reply("You said: " + ctx.message.text);
    });
  `, name: "telegraf: the platform's own ids stored, the text only echoed" },
  { code: dedent`
    const { Client } = require("discord.js");
    const client = new Client({ intents: [] });
    client.on("messageCreate", async (message) => {
      if (!message.content.startsWith("!")) return;
      const command = client.commands.get(message.content.slice(1).trim());
      if (command) await command.execute(message);
    });
  `, filename: "src/bot.js", name: "discord.js: a command looked up in the client's own collection" },
  { code: dedent`
    import { Telegraf } from "telegraf";
    const bot = new Telegraf(process.env.BOT_TOKEN!);
    bot.on("text", async (ctx) => {
      return Address.create(ctx.message.text).fold(
        (err) => ctx.reply(err.message),
        (address) => db.order.update({ where: { chatId: ctx.chat.id }, data: { address: address.value } }),
      );
    });
  `, name: "a value object whose factory returns an Either (fold) checks the text" },
  { code: dedent`
    const http = require("http");
    http.createServer(async (req, res) => {
      const id = req.url.split("/")[3];
      if (!/^[a-f0-9]{24}$/.test(id)) return res.end("bad id");
      res.end(JSON.stringify(await Product.findById(id)));
    });
  `, filename: "src/server.js", name: "node:http: a path segment checked with a regex before the query" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/items/:id", async (req, res) => {
      if (req.query.mine) {
        const id = req.params.id;
        console.log("asked for", id);
      } else {
        const id = req.user.id;
        res.json(await db.item.findMany({ where: { ownerId: id } }));
      }
    });
  `, name: "two const declarations in sibling blocks are two variables" },
  { code: dedent`
    export async function upload(file: File) {
      const res = await fetch("/api/upload", { method: "POST", body: file });
      if (!res.ok) {
        const err = await res.json().catch(() => ({ error: "Upload failed" }));
        throw new Error(err.error || "Upload failed");
      }
      return res.status;
    }
  `, name: "an error body read only to word the error its branch throws" },
  { code: dedent`
    export async function start(monitorId: string, fail: (m: string) => void) {
      const res = await fetch("/api/onboarding/checks", { method: "POST", body: JSON.stringify({ monitorId }) });
      if (!res.ok || !res.body) {
        const json = (await res.json().catch(() => null)) as { error?: string } | null;
        fail(json?.error ?? \`Stream failed (\${res.status})\`);
        return;
      }
      return res.body.getReader();
    }
  `, name: "an error body read only to word the failure in a !res.ok || !res.body branch that returns" },
  { code: dedent`
    export async function discover(url: string) {
      const found: { server?: string; scopes: string[] } = { scopes: [] };
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return found;
      const data = (await res.json()) as { authorization_servers?: unknown; scopes_supported?: unknown };
      if (Array.isArray(data.authorization_servers)) {
        const first = data.authorization_servers.find((v): v is string => typeof v === "string");
        if (first) found.server = first;
      }
      if (Array.isArray(data.scopes_supported)) {
        found.scopes = data.scopes_supported.filter((v): v is string => typeof v === "string");
      }
      return found;
    }
  `, name: "response fields read only through Array.isArray and a typeof filter on their elements" },
  { code: dedent`
    export async function POST(req: Request): Promise<Response> {
      const { mode, providerId } = (await req.json()) as Record<string, unknown>;
      if (!mode || typeof mode !== "string") return new Response(null, { status: 400 });
      if (!["all", "oauth"].includes(mode)) return new Response(null, { status: 400 });
      return Response.json(await testConnections(mode, typeof providerId === "string" ? providerId : undefined));
    }
  `, name: "every destructured field decided by typeof or an allowlist before use" },
  { code: dedent`
    const express = require("express");
    const router = express.Router();
    router.post("/upload", upload.single("file"), (req, res) => {
      res.json({ received: req.file.originalname, size: req.file.size });
    });
    module.exports = router;
  `, filename: "src/routes/upload.js", name: "multer: the client's file name only answered back" },
  { code: dedent`
    module.exports.createPermission = async (req, res) => {
      const result = await Permission.store(req.body);
      return res.send({ success: true, data: result });
    };
  `, filename: "src/endpoints/permissions/permissions.controller.js", files: { "package.json": '{ "name": "api", "dependencies": { "fastify": "^4.26.0" } }\n' }, name: "a Fastify project's controller: the route and its schema are declared in another module" },
  { code: dedent`
    export async function createOrder(request, reply) {
      const order = await prisma.order.create({ data: request.body });
      return reply.code(201).send(order);
    }
  `, filename: "src/controllers/orders.js", name: "a (request, reply) controller registered elsewhere: its route schema is out of sight" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/events/:id", async (req, res) => {
      const id = +req.params.id;
      if (!Number.isInteger(id) || id < 1) return res.sendStatus(400);
      res.json(await prisma.event.findUnique({ where: { id } }));
    });
  `, name: "a route id coerced with unary plus and checked (Number.isInteger) before the query" },
  { code: dedent`
    export class ImageSearch {
      async search(q: string): Promise<string[]> {
        const response = await fetch("https://images.example.com/search?q=" + encodeURIComponent(q));
        return this.extractUrls(await response.json());
      }
      private extractUrls(raw: unknown): string[] {
        const payload = SearchResponse.parse(raw);
        return payload.images.map((item) => item.imageUrl);
      }
    }
  `, name: "a method of the same class that validates what it is handed (this.extractUrls(await response.json()))" },
  { code: dedent`
    fetch("data.json")
      .then((response) => response.json())
      .then((data) => {
        data.categories.forEach((c) => render(c.name));
      });
    async function menu() {
      const res = await fetch("/data/menu.json");
      const menu = await res.json();
      return menu.items.map((i) => i.title);
    }
  `, filename: "public/index.js", name: "a JSON file the site ships, fetched by a literal relative path (data.json, /data/menu.json), is no outside input" },
  { code: dedent`
    import { Update, Action, Ctx } from "nestjs-telegraf";
    import { Bot } from "grammy";
    const PICK = /^pick:(\d+)$/;
    @Update()
    export class PagesUpdate {
      @Action(/^pages:(4|6|8)$/)
      async pages(@Ctx() ctx) {
        await prisma.flow.update({ where: { id: ctx.from.id }, data: { pages: Number(ctx.match[1]) } });
      }
    }
    const bot = new Bot("");
    bot.callbackQuery(PICK, async (ctx) => {
      await prisma.item.findUnique({ where: { id: Number(ctx.match[1]) } });
    });
  `, filename: "src/telegram/pages.update.ts", name: "a trigger regex anchored at both ends with no wildcard pins ctx.match[n] (@Action(/^pages:(4|6|8)$/), a const /^pick:(\\d+)$/)" },
  { code: dedent`
    const { Bot } = require("grammy");
    const { updateSteamData } = require("../helpers/steamHelper");
    const bot = new Bot(process.env.TOKEN);
    bot.callbackQuery(/steam-(.+)/, async (ctx) => {
      await updateSteamData(ctx, \`https://playerdb.co/api/player/steam/\${ctx.match[1]}\`);
    });
  `, filename: "src/callback/steam.js", name: "a project helper named for more than one entity (updateSteamData) is no data call" },
  { code: dedent`
    const Router = require("koa-router");
    const authUtils = require("../auth/jwt");
    const router = new Router();
    router.get("users.show", "/", authUtils.GetUserID, async (ctx) => {
      ctx.body = await ctx.orm.User.findByPk(ctx.params.id);
    });
    router.post("lobby.create", "/", authUtils.GetUserID, async (ctx) => {
      const { id } = ctx.params;
      ctx.body = await ctx.orm.Lobby.create({ hostId: id, name: "lobby" });
    });
  `, name: "a route parameter the route path does not declare, behind a middleware, is the middleware's (a JWT user id in ctx.params.id)" },
  { code: dedent`
    import express from "express";
    const router = express.Router();
    router.get("/me", requireUser, async (req, res) => {
      const { params: { userId } } = req;
      res.json(await User.findById(userId));
    });
  `, name: "express: a nested destructuring of a parameter the path does not declare, behind a middleware" },
  { code: dedent`
    import express from "express";
    const app = express();
    app.get("/search", async (req, res) => {
      const { query: { page } } = req;
      res.json({ page });
    });
  `, name: "a query field destructured from the request and only echoed is no use" },
  { code: dedent`
    import Router from "@koa/router";
    const router = new Router();
    router.get("/items", async (ctx) => {
      const { body } = ctx;
      await Item.create({ name: body.name });
    });
  `, name: "koa: the context's own body is the response, not the request body" },
  { code: dedent`
    import axios from "axios";
    import fs from "node:fs";
    async function download(fileUrl: string, out: string) {
      const response = await axios.get(fileUrl, { responseType: "arraybuffer" });
      fs.writeFileSync(out, response.data);
      return response.data.byteLength;
    }
  `, name: "axios with a non-JSON responseType (arraybuffer, stream, text) gives bytes or text, not a parsed document" },
  { code: dedent`
    import type { APIGatewayProxyEvent } from "aws-lambda";
    export const handler = async (event: APIGatewayProxyEvent) => {
      const { body } = event;
      const input = TodoInput.parse(JSON.parse(body ?? "{}"));
      await ddb.put({ TableName: "todos", Item: input });
      return { statusCode: 201, body: "" };
    };
  `, name: "lambda: the event's body destructured and parsed with a schema before use" },
  { code: dedent`
    import Router from "@koa/router";
    const router = new Router();
    router.post("/upload", async (ctx) => {
      const { file } = ctx.request.files;
      console.log("uploaded", file.name);
      ctx.body = { name: file.name, size: file.size };
    });
  `, name: "koa-body: an upload's client name only logged and echoed is no use" },
  // ub17: a response destructured from Promise.all, parsed with a schema before use.
  { code: dedent`
    Deno.serve(async () => {
      const [modelsRes, pricesRes] = await Promise.all([fetch("https://api.example.com/models"), fetch(PRICES_URL)]);
      const prices = PriceList.parse(await pricesRes.json());
      await supabase.from("prices").insert(prices);
      return new Response(String(modelsRes.status));
    });
  `, filename: "supabase/functions/prices/index.ts", name: "a Promise.all fetch response validated with a schema" },
  // ub17: each branch of a dispatch on the action validates its own body.
  { code: dedent`
    Deno.serve(async (req) => {
      const action = new URL(req.url).searchParams.get("action");
      if (action === "create-user") {
        const input = CreateUser.parse(await req.json());
        await supabase.from("profiles").insert(input);
        return new Response("ok");
      }
      if (action === "delete-user") {
        const { id } = DeleteUser.parse(await req.json());
        await supabase.from("profiles").delete().eq("id", id);
        return new Response("ok");
      }
      return new Response("unknown", { status: 400 });
    });
  `, filename: "supabase/functions/admin/index.ts", name: "dispatch branches that each validate their body" },
  // ub17: an exported helper of a routes module handed the server's Request, validating it.
  { code: dedent`
    import { handleChat } from "@services/chat";
    export async function handleMessages(req: Request): Promise<Response> {
      const body = MessageRequest.parse(await req.json());
      return Response.json(await handleChat(body.messages));
    }
  `, filename: "routes/anthropic.ts", name: "an exported Request helper that validates the body" },
  // ub17: an exported function taking a Request that reads only its method and headers.
  { code: dedent`
    export function requiresAuth(req: Request): boolean {
      return req.method !== "GET" && !req.headers.get("authorization");
    }
  `, filename: "auth/middleware.ts", name: "an exported Request helper that reads no input" },
  // ub17: a JSON string inside another API's answer, parsed with a schema.
  { code: dedent`
    export async function pollTask(taskId: string) {
      const res = await fetch(\`https://api.example.com/tasks/\${taskId}\`);
      const task = TaskAnswer.parse(await res.json());
      const result = TaskResult.parse(JSON.parse(task.data.resultJson));
      return result.urls;
    }
  `, filename: "src/tasks.ts", name: "a JSON string field of an API answer parsed with a schema" },
  // ub17: a model's answer with its fences cut off, parsed with a schema.
  { code: dedent`
    export async function generateSql(model: GenerativeModel, prompt: string) {
      const result = await model.generateContent(prompt);
      const cleaned = result.response.text().replace(/\`\`\`json/g, "").trim();
      return SqlPlan.parse(JSON.parse(cleaned));
    }
  `, filename: "src/ai/sql.ts", name: "Gemini's answer parsed with a schema" },
  // ub17: a trimmed literal is not external text.
  { code: dedent`
    const DEFAULTS = '{ "retries": 3 } ';
    export const settings = JSON.parse(DEFAULTS.trim());
    console.log(settings.retries);
  `, filename: "src/settings.ts", name: "a trimmed literal parsed is not external" },
  // ub17: every field read again is decided: postId by typeof, the flag by a comparison with a literal (issue 11: appraisals-backend routes/description.js:14).
  dedent`
    const express = require("express");
    const router = express.Router();
    router.post("/enhance", async (req, res) => {
      const { postId, updateContent } = req.body;
      if (!postId || (typeof postId !== "string" && typeof postId !== "number")) return res.status(400).json({ error: "postId" });
      const text = await enhance(postId);
      if (updateContent === true) await wordpress.updatePost(String(postId), { content: text });
      res.json({ text });
    });
  `,
  // ub17: the same in a Web handler: a mode only compared with string literals.
  { code: dedent`
    Deno.serve(async (req) => {
      const { id, mode } = await req.json();
      if (typeof id !== "string") return new Response("id", { status: 400 });
      const full = mode === "full" || mode !== "short";
      return Response.json({ id, full });
    });
  `, filename: "supabase/functions/preview/index.ts", name: "ub17: a body field only compared with literals is decided" },
  // ub17: an upload stored under a name the server chose; the client's name only logged.
  { code: dedent`
    import { NextRequest, NextResponse } from "next/server";
    import { writeFile } from "fs/promises";
    import path from "path";
    export async function POST(request: NextRequest) {
      const formData = await request.formData();
      const file = formData.get("logo") as File | null;
      if (!file) return NextResponse.json({ error: "no file" }, { status: 400 });
      console.log("upload", file.name);
      await writeFile(path.join(process.cwd(), "public", "uploads", \`\${crypto.randomUUID()}.png\`), Buffer.from(await file.arrayBuffer()));
      return NextResponse.json({ ok: true });
    }
  `, filename: "app/api/logo/route.ts", name: "ub17: an upload stored under a server-chosen name" },
  // ub17: the client's extension checked against an allowlist before it names the stored object.
  { code: dedent`
    "use server";
    const EXTENSIONS = ["png", "jpg", "webp"];
    export async function uploadAvatar(formData: FormData) {
      const file = formData.get("avatar") as File;
      const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
      if (!EXTENSIONS.includes(ext)) throw new Error("unsupported image");
      await supabase.storage.from("avatars").upload(\`avatars/\${Date.now()}.\${ext}\`, file);
    }
  `, filename: "app/actions/avatar.ts", name: "ub17: an upload's extension allowlisted before it names the stored object" },
  // ub17: fields put into an object that only a log line takes, also through JSON.stringify, are logged.
  { code: dedent`
    Deno.serve(async (req) => {
      const data = await req.json();
      console.log("called with", { productId: data.productId, game: data.game });
      logger.info(JSON.stringify({ price: data.price, tags: [data.tag] }));
      return new Response("ok");
    });
  `, filename: "supabase/functions/market-price/index.ts", name: "ub17: body fields only logged inside an object literal" },
  // ub17: a chanfana route that reads its request through getValidatedData only.
  { code: dedent`
    import { OpenAPIRoute } from "chanfana";
    import { z } from "zod";
    export class CreateStudent extends OpenAPIRoute {
      schema = { request: { body: { content: { "application/json": { schema: z.object({ name: z.string() }) } } } } };
      async handle(c) {
        const data = await this.getValidatedData<typeof this.schema>();
        await c.env.DB.prepare("INSERT INTO students (name) VALUES (?)").bind(data.body.name).run();
        return c.json({ ok: true });
      }
    }
  `, filename: "src/endpoints/students/create.ts", name: "ub17: chanfana getValidatedData is the route's check" },
  // An id checked with isValidObjectId before its ObjectId cast into the query: validated (issue 11).
  dedent`
    import Router from "@koa/router";
    import mongoose from "mongoose";
    const router = new Router();
    router.get("/items/:id", async (ctx) => {
      const { id } = ctx.params;
      if (!mongoose.isValidObjectId(id)) ctx.throw(400, "bad id");
      ctx.body = await Item.findOne({ _id: new mongoose.Types.ObjectId(id) });
    });
  `,
  // An ObjectId cast of the middleware's user id, not the client's input.
  dedent`
    const mongoose = require("mongoose");
    const getMine = async (ctx) => {
      ctx.body = await Item.find({ owner: mongoose.Types.ObjectId(ctx.state.user.id) });
    };
    module.exports = { getMine };
  `,
  // koa-router's ctx.request.params checked before the lookup (issue 11).
  dedent`
    import Router from "@koa/router";
    import mongoose from "mongoose";
    const router = new Router();
    router.get("/users/:id", async (ctx) => {
      const { id } = ctx.request.params;
      if (!mongoose.isValidObjectId(id)) ctx.throw(400, "bad id");
      ctx.body = await User.findById(id);
    });
  `,
  // A node:http body parsed in a promise helper and validated by its caller (issue 11).
  dedent`
    const http = require("http");
    const { z } = require("zod");
    const Mail = z.object({ to: z.string().email(), text: z.string().max(2000) });
    const readJson = (req) => new Promise((resolve, reject) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => resolve(JSON.parse(body)));
      req.on("error", reject);
    });
    http.createServer(async (req, res) => {
      const mail = Mail.parse(await readJson(req));
      await mailer.send(mail);
      res.end("ok");
    }).listen(3000);
  `,
  // An axios response parsed in its .then callback (issue 11).
  dedent`
    import axios from "axios";
    import { z } from "zod";
    const Inbox = z.object({ items: z.array(z.object({ id: z.string() })) });
    export async function inbox(url: string) {
      const data = await axios.get(url).then((res) => Inbox.parse(res.data));
      return data.items.map((i) => i.id);
    }
  `,
  // A factory that returns axios.create() with the body parsed at the call (issue 11).
  dedent`
    import axios from "axios";
    import { z } from "zod";
    const Page = z.object({ results: z.array(z.object({ slug: z.string() })) });
    function api() {
      return axios.create({ baseURL: "https://shop.example.com/v1" });
    }
    export async function slugs() {
      const page = Page.parse((await api().get("/collections")).data);
      return page.results.map((r) => r.slug);
    }
  `,
];

const invalid: InvalidCase[] = [
    {
      name: "express body destructured into a DB call (usage schema, 400 channel)",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/users", async (req, res) => {
          const { name, age } = req.body;
          await db.user.create({ data: { name: name.trim(), age: age + 1 } });
          res.status(201).end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 25, endColumn: 33, suggestions: [{ title: "Validate req.body with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const PostUsersBody = z.object({ name: z.string(), age: z.number() });

            app.post("/users", async (req, res) => {
              const parsed = PostUsersBody.safeParse(req.body);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const { name, age } = parsed.data;
              await db.user.create({ data: { name: name.trim(), age: age + 1 } });
              res.status(201).end();
            });
          ` }, mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "express body cast to a same-file interface (declared-type schema)",
      code: dedent`
        import express from "express";
        interface CreateUser {
          email: string;
          age?: number;
          roles: Array<"admin" | "user">;
        }
        const app = express();
        app.post("/users", async (req, res) => {
          const input = req.body as CreateUser;
          await db.user.create({ data: { email: input.email.toLowerCase(), roles: input.roles } });
          res.sendStatus(201);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 9, column: 17, endColumn: 25, suggestions: [{ title: "Validate req.body with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            interface CreateUser {
              email: string;
              age?: number;
              roles: Array<"admin" | "user">;
            }
            const app = express();
            const CreateUserSchema = z.object({
              email: z.string(),
              age: z.number().optional(),
              roles: z.array(z.enum(["admin", "user"])),
            });

            app.post("/users", async (req, res) => {
              const parsed = CreateUserSchema.safeParse(req.body);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const input = parsed.data as CreateUser;
              await db.user.create({ data: { email: input.email.toLowerCase(), roles: input.roles } });
              res.sendStatus(201);
            });
          ` }, mark("expressBody", 9)] },
      ],
      output: null,
    },
    {
      name: "express body typed by an imported interface",
      code: dedent`
        import express from "express";
        import type { NewOrder } from "./types";
        const app = express();
        app.post("/orders", async (req, res) => {
          const order: NewOrder = req.body;
          await db.order.create({ data: { sku: order.sku, qty: order.qty } });
          res.sendStatus(201);
        });
      `,
      files: { ...ZOD, "src/types.ts": "export interface NewOrder {\n  sku: string;\n  qty: number;\n  note?: string | null;\n}\n" },
      findings: [
        { case: "expressBody", line: 5, column: 27, endColumn: 35, suggestions: [{ title: "Validate req.body with Zod", output: dedent`
            import express from "express";
            import type { NewOrder } from "./types";
            import { z } from "zod";
            const app = express();
            const NewOrderSchema = z.object({ sku: z.string(), qty: z.number(), note: z.string().nullish() });

            app.post("/orders", async (req, res) => {
              const parsed = NewOrderSchema.safeParse(req.body);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const order: NewOrder = parsed.data;
              await db.order.create({ data: { sku: order.sku, qty: order.qty } });
              res.sendStatus(201);
            });
          ` }, mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "express body passed whole to an ORM",
      code: dedent`
        import express from "express";
        const app = express();
        app.put("/profile", async (req, res) => {
          await User.findByIdAndUpdate(req.user.id, req.body);
          res.sendStatus(204);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 45, endColumn: 53, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "express body spread into another object",
      code: dedent`
        import express from "express";
        const app = express();
        app.patch("/settings", (req, res) => {
          settings = { ...settings, ...req.body };
          res.json(settings);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 32, endColumn: 40, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "express body assigned into another object",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/session/prefs", (req, res) => {
          req.session.prefs = req.body;
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 23, endColumn: 31, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "express body: ignored safeParse result does not count",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/notes", async (req, res) => {
          NoteSchema.safeParse(req.body);
          await db.note.create({ data: req.body });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 32, endColumn: 40, suggestions: [mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "express body: a truthiness check does not count",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/tags", async (req, res) => {
          if (!req.body) return res.sendStatus(400);
          await db.tag.create({ data: { label: req.body.label } });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 40, endColumn: 48, suggestions: [mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "express body: a one-field validator covers that field only (reported at the other field)",
      code: dedent`
        import express from "express";
        import { z } from "zod";
        const app = express();
        app.post("/invite", async (req, res) => {
          const email = z.string().email().parse(req.body.email);
          await db.invite.create({ data: { email, role: req.body.role } });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 6, column: 49, endColumn: 57, suggestions: [mark("expressBody", 6)] },
      ],
      output: null,
    },
    {
      name: "express body: a signature check is not a shape check",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/hook", async (req, res) => {
          if (!verifySignature(req.headers["x-sig"], req.rawBody)) return res.sendStatus(401);
          await db.event.create({ data: { kind: req.body.type } });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 41, endColumn: 49, suggestions: [mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "express-validator chains without validationResult do not count",
      code: dedent`
        import express from "express";
        import { body } from "express-validator";
        const app = express();
        app.post("/signup", body("email").isEmail(), async (req, res) => {
          await db.user.create({ data: { email: req.body.email } });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 41, endColumn: 49, suggestions: [mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "express query value used as a property key",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/label", (req, res) => {
          res.send(labels[req.query.lang]);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 4, column: 19, endColumn: 28, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetLabelQuery = z.object({ lang: z.string() });

            app.get("/label", (req, res) => {
              const parsed = GetLabelQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.send(labels[parsed.data.lang]);
            });
          ` }, mark("expressQuery", 4)] },
      ],
      output: null,
    },
    {
      name: "express query value in a DB filter",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/search", async (req, res) => {
          const { q } = req.query;
          res.json(await db.post.findMany({ where: { title: q } }));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 4, column: 17, endColumn: 26, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetSearchQuery = z.object({ q: z.string() });

            app.get("/search", async (req, res) => {
              const parsed = GetSearchQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const { q } = parsed.data;
              res.json(await db.post.findMany({ where: { title: q } }));
            });
          ` }, mark("expressQuery", 4)] },
      ],
      output: null,
    },
    {
      name: "express param: Number() without a check does not count",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/users/:id", async (req, res) => {
          res.json(await db.user.findUnique({ where: { id: Number(req.params.id) } }));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 4, column: 59, endColumn: 69, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetUsersParams = z.object({ id: z.string().optional() });

            app.get("/users/:id", async (req, res) => {
              const parsed = GetUsersParams.safeParse(req.params);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.json(await db.user.findUnique({ where: { id: Number(parsed.data.id) } }));
            });
          ` }, mark("expressParams", 4)] },
      ],
      output: null,
    },
    {
      name: "a route id coerced with unary plus (+id) and no check reaches the query (Order.findOne): reported like Number(id)",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/orders/:id", async (req, res) => {
          const { id } = req.params;
          res.json(await Order.findOne({ where: { id: +id } }));
        });
      `,
      findings: [
        { case: "expressParams", line: 4, column: 18, endColumn: 28, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
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
              const { id } = parsed.data;
              res.json(await Order.findOne({ where: { id: +id } }));
            });
          ` }, mark("expressParams", 4)] },
      ],
      output: null,
    },
    {
      name: "express param used as a file path",
      code: dedent`
        import express from "express";
        import path from "node:path";
        const app = express();
        app.get("/files/:name", (req, res) => {
          res.sendFile(path.join(__dirname, "uploads", req.params.name));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 5, column: 48, endColumn: 58, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import express from "express";
            import path from "node:path";
            import { z } from "zod";
            const app = express();
            const GetFilesParams = z.object({ name: z.string() });

            app.get("/files/:name", (req, res) => {
              const parsed = GetFilesParams.safeParse(req.params);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.sendFile(path.join(__dirname, "uploads", parsed.data.name));
            });
          ` }, mark("expressParams", 5)] },
      ],
      output: null,
    },
    {
      name: "CommonJS: the fix adds a require",
      code: dedent`
        const express = require("express");
        const router = express.Router();
        router.post("/items", async (req, res) => {
          const item = req.body;
          await Item.create({ title: item.title, price: item.price * 100 });
          res.end();
        });
        module.exports = router;
      `,
      filename: "src/routes.js",
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 16, endColumn: 24, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "an existing zod import is merged, single quotes and no semicolons kept",
      code: dedent`
        import express from 'express'
        import { ZodError } from 'zod'
        const app = express()
        app.post('/votes', async (req, res) => {
          const vote = req.body
          if (vote.score > 5) throw new ZodError([])
          await db.vote.create({ data: { score: vote.score } })
          res.end()
        })
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 16, endColumn: 24, suggestions: [{ title: "Validate req.body with Zod", output: dedent`
            import express from 'express'
            import { ZodError, z } from 'zod'
            const app = express()
            const PostVotesBody = z.object({ score: z.number() })

            app.post('/votes', async (req, res) => {
              const parsed = PostVotesBody.safeParse(req.body)
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues })
                return
              }
              const vote = parsed.data
              if (vote.score > 5) throw new ZodError([])
              await db.vote.create({ data: { score: vote.score } })
              res.end()
            })
          ` }, mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "zod not in package.json: the Zod fix is a suggestion that says so",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/ping", (req, res) => {
          res.json({ echo: req.body.message.length });
        });
      `,
      findings: [
        { case: "expressBody", line: 4, column: 20, endColumn: 28, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "request parts destructured in the parameter list",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/reset", async ({ body }, res) => {
          await db.user.update({ where: { email: body.email }, data: { resetAt: new Date() } });
          res.sendStatus(202);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 3, column: 29, endColumn: 33, suggestions: [mark("expressBody", 3)] },
      ],
      output: null,
    },
    {
      name: "a helper in the same file reads the body",
      code: dedent`
        import express from "express";
        function toItem(body: any) {
          return { name: body.name.trim(), sku: body.sku };
        }
        const app = express();
        app.post("/items", async (req, res) => {
          await Item.create(toItem(req.body));
          res.sendStatus(201);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 7, column: 28, endColumn: 36, suggestions: [mark("expressBody", 7)] },
      ],
      output: null,
    },
    {
      name: "an injected service is a sink",
      code: dedent`
        import type { Request, Response } from "express";
        export class ProjectController {
          constructor(private readonly projects: ProjectService) {}
          async show(req: Request, res: Response) {
            res.json(await this.projects.findById(req.params.id));
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 5, column: 43, endColumn: 53, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import type { Request, Response } from "express";
            import { z } from "zod";
            const ShowParams = z.object({ id: z.string() });

            export class ProjectController {
              constructor(private readonly projects: ProjectService) {}
              async show(req: Request, res: Response) {
                const parsed = ShowParams.safeParse(req.params);
                if (!parsed.success) {
                  res.status(400).json({ error: parsed.error.issues });
                  return;
                }
                res.json(await this.projects.findById(parsed.data.id));
              }
            }
          ` }, mark("expressParams", 5)] },
      ],
      output: null,
    },
    {
      name: "a top-level collection handle is a sink",
      code: dedent`
        import express from "express";
        const items = client.db("shop").collection("items");
        const app = express();
        app.get("/items/:sku", async (req, res) => {
          res.json(await items.findOne({ sku: req.params.sku }));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 5, column: 39, endColumn: 49, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const items = client.db("shop").collection("items");
            const app = express();
            const GetItemsParams = z.object({ sku: z.string() });

            app.get("/items/:sku", async (req, res) => {
              const parsed = GetItemsParams.safeParse(req.params);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.json(await items.findOne({ sku: parsed.data.sku }));
            });
          ` }, mark("expressParams", 5)] },
      ],
      output: null,
    },
    {
      name: "celebrate covers only the segments it names",
      code: dedent`
        import express from "express";
        import { celebrate, Joi, Segments } from "celebrate";
        const app = express();
        app.post("/orders/:id/cancel", celebrate({ [Segments.BODY]: Joi.object({ reason: Joi.string() }) }), async (req, res) => {
          await Order.updateOne({ _id: req.params.id }, { reason: req.body.reason });
          res.sendStatus(204);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 5, column: 32, endColumn: 42, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import express from "express";
            import { celebrate, Joi, Segments } from "celebrate";
            import { z } from "zod";
            const app = express();
            const PostOrdersCancelParams = z.object({ id: z.string() });

            app.post("/orders/:id/cancel", celebrate({ [Segments.BODY]: Joi.object({ reason: Joi.string() }) }), async (req, res) => {
              const parsed = PostOrdersCancelParams.safeParse(req.params);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              await Order.updateOne({ _id: parsed.data.id }, { reason: req.body.reason });
              res.sendStatus(204);
            });
          ` }, mark("expressParams", 5)] },
      ],
      output: null,
    },
    {
      name: "a fastify schema constant that covers only the body",
      code: dedent`
        const fp = require("fastify-plugin");
        const commentSchema = { body: { type: "object", properties: { text: { type: "string" } } } };
        module.exports = fp(async function comments(fastify) {
          fastify.post("/posts/:postId/comments", { schema: commentSchema }, async (request, reply) => {
            await fastify.db.comment.create({ data: { postId: request.params.postId, text: request.body.text } });
            return reply.code(201).send();
          });
        });
      `,
      filename: "src/plugin.js",
      files: ZOD,
      findings: [
        { case: "fastifyRequest", line: 5, column: 55, endColumn: 69, suggestions: [{ title: "Validate request.params with Zod", output: dedent`
            const fp = require("fastify-plugin");
            const { z } = require("zod");
            const commentSchema = { body: { type: "object", properties: { text: { type: "string" } } } };
            const PostPostsCommentsParams = z.object({ postId: z.string() });

            module.exports = fp(async function comments(fastify) {
              fastify.post("/posts/:postId/comments", { schema: commentSchema }, async (request, reply) => {
                const parsed = PostPostsCommentsParams.safeParse(request.params);
                if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues });
                await fastify.db.comment.create({ data: { postId: parsed.data.postId, text: request.body.text } });
                return reply.code(201).send();
              });
            });
          ` }, mark("fastifyRequest", 5)] },
      ],
      output: null,
    },
    {
      name: "koa-send with a raw route param",
      code: dedent`
        const Router = require("koa-router");
        const send = require("koa-send");
        const router = new Router();
        router.get("/assets/:name", async (ctx) => {
          await send(ctx, ctx.params.name, { root: "/srv/assets" });
        });
      `,
      filename: "src/assets.js",
      files: ZOD,
      findings: [
        { case: "koaRequest", line: 5, column: 19, endColumn: 29, suggestions: [{ title: "Validate ctx.params with Zod", output: dedent`
            const Router = require("koa-router");
            const send = require("koa-send");
            const { z } = require("zod");
            const router = new Router();
            const GetAssetsParams = z.object({ name: z.string() });

            router.get("/assets/:name", async (ctx) => {
              const parsed = GetAssetsParams.safeParse(ctx.params);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              await send(ctx, parsed.data.name, { root: "/srv/assets" });
            });
          ` }, mark("koaRequest", 5)] },
      ],
      output: null,
    },
    {
      name: "nest @Body() typed as an array of inline objects",
      code: dedent`
        import { Body, Controller, Post } from "@nestjs/common";
        @Controller("cats")
        export class CatsController {
          constructor(private readonly catsService: CatsService) {}
          @Post("bulk")
          bulk(@Body() cats: Array<{ name: string }>) {
            return Promise.all(cats.map((cat) => this.catsService.create(cat)));
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "nestDecorator", line: 6, column: 8, endColumn: 15, suggestions: [{ title: "Validate @Body() with Zod", output: dedent`
            import { Body, Controller, Post, BadRequestException } from "@nestjs/common";
            import { z } from "zod";
            const BulkBody = z.array(z.object({ name: z.string() }));

            @Controller("cats")
            export class CatsController {
              constructor(private readonly catsService: CatsService) {}
              @Post("bulk")
              bulk(@Body() rawCats: Array<{ name: string }>) {
                const parsed = BulkBody.safeParse(rawCats);
                if (!parsed.success) throw new BadRequestException(parsed.error.issues);
                const cats = parsed.data;
                return Promise.all(cats.map((cat) => this.catsService.create(cat)));
              }
            }
          ` }, mark("nestDecorator", 6)] },
      ],
      output: null,
    },
    {
      name: "D1 prepared statement bind is a DB sink",
      code: dedent`
        import { Hono } from "hono";
        const app = new Hono();
        app.get("/users/:handle", async (c) => {
          const user = await c.env.DB.prepare("SELECT * FROM users WHERE handle = ?").bind(c.req.param("handle")).first();
          return c.json(user);
        });
      `,
      files: ZOD,
      findings: [
        { case: "honoRequest", line: 4, column: 84, endColumn: 105, suggestions: [mark("honoRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "a raw query value as a redirect target",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/callback", (req, res) => {
          res.redirect(req.query.returnTo as string);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 4, column: 16, endColumn: 25, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetCallbackQuery = z.object({ returnTo: z.string().regex(/^\\/(?![\\/\\\\])/) });

            app.get("/callback", (req, res) => {
              const parsed = GetCallbackQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.redirect(parsed.data.returnTo as string);
            });
          ` }, mark("expressQuery", 4)] },
      ],
      output: null,
    },
    {
      name: "NATS message in a for-await loop",
      code: dedent`
        export async function run() {
          const sub = nc.subscribe("orders.created");
          for await (const msg of sub) {
            const order = JSON.parse(sc.decode(msg.data));
            await db.order.create({ data: { id: order.id } });
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 19, endColumn: 50, suggestions: [mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "Redis pub/sub message",
      code: dedent`
        subscriber.subscribe("cache:invalidate", async (message) => {
          const { keys } = JSON.parse(message);
          await cache.del(keys);
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 2, column: 20, endColumn: 39, suggestions: [mark("messagePayload", 2)] },
      ],
      output: null,
    },
    {
      name: "Object.entries over the body",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/settings", async (req, res) => {
          for (const [key, value] of Object.entries(req.body)) await db.setting.create({ data: { key, value: String(value) } });
          res.end();
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 45, endColumn: 53, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "a helper returns the parsed file; the caller's use counts",
      code: dedent`
        import fs from "node:fs";
        function loadConfig(file: string) {
          return JSON.parse(fs.readFileSync(file, "utf8"));
        }
        const config = loadConfig("app.json");
        server.listen(config.port);
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 3, column: 10, endColumn: 51, suggestions: [mark("jsonParseExternal", 3)] },
      ],
      output: null,
    },
    {
      name: "a file with its own z gets no Zod fix",
      code: dedent`
        import express from "express";
        import { z } from "./zoom";
        const app = express();
        app.post("/zoom", (req, res) => {
          res.json(z(req.body.level));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 5, column: 14, endColumn: 22, suggestions: [mark("expressBody", 5)] },
      ],
      output: null,
    },
    {
      name: "koa request body",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router();
        router.post("/items", async (ctx) => {
          const item = ctx.request.body;
          await Item.create({ name: item.name });
          ctx.status = 201;
        });
      `,
      files: ZOD,
      findings: [
        { case: "koaRequest", line: 4, column: 16, endColumn: 32, suggestions: [mark("koaRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "koa route param in a DB lookup",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router();
        router.get("/items/:id", async (ctx) => {
          ctx.body = await Item.findById(ctx.params.id);
        });
      `,
      files: ZOD,
      findings: [
        { case: "koaRequest", line: 4, column: 34, endColumn: 44, suggestions: [{ title: "Validate ctx.params with Zod", output: dedent`
            import Router from "@koa/router";
            import { z } from "zod";
            const router = new Router();
            const GetItemsParams = z.object({ id: z.string() });

            router.get("/items/:id", async (ctx) => {
              const parsed = GetItemsParams.safeParse(ctx.params);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              ctx.body = await Item.findById(parsed.data.id);
            });
          ` }, mark("koaRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "fastify body on a route without schema",
      code: dedent`
        import Fastify from "fastify";
        const app = Fastify();
        app.post("/orders", async (request, reply) => {
          const order = request.body;
          await db.order.create({ data: { sku: order.sku, qty: order.qty * 1 } });
          return reply.code(201).send();
        });
      `,
      files: ZOD,
      findings: [
        { case: "fastifyRequest", line: 4, column: 17, endColumn: 29, suggestions: [mark("fastifyRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "fastify schema that covers the query does not cover the body",
      code: dedent`
        import Fastify from "fastify";
        const app = Fastify();
        app.post("/orders", { schema: { querystring: Q } }, async (request, reply) => {
          await db.order.create({ data: request.body });
          return { ok: true };
        });
      `,
      files: ZOD,
      findings: [
        { case: "fastifyRequest", line: 4, column: 33, endColumn: 45, suggestions: [mark("fastifyRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "next pages API body",
      code: dedent`
        import type { NextApiRequest, NextApiResponse } from "next";
        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          await db.message.create({ data: { from: req.body.email, text: req.body.text } });
          res.status(200).json({ ok: true });
        }
      `,
      filename: "pages/api/contact.ts",
      files: ZOD,
      findings: [
        { case: "nextPagesRequest", line: 3, column: 43, endColumn: 51, suggestions: [mark("nextPagesRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "next pages API query in a DB call",
      code: dedent`
        import type { NextApiRequest, NextApiResponse } from "next";
        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          const post = await db.post.findUnique({ where: { slug: req.query.slug } });
          res.json(post);
        }
      `,
      filename: "pages/api/post.ts",
      files: ZOD,
      findings: [
        { case: "nextPagesRequest", line: 3, column: 58, endColumn: 67, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import type { NextApiRequest, NextApiResponse } from "next";
            import { z } from "zod";
            const QuerySchema = z.object({ slug: z.string() });

            export default async function handler(req: NextApiRequest, res: NextApiResponse) {
              const parsed = QuerySchema.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const post = await db.post.findUnique({ where: { slug: parsed.data.slug } });
              res.json(post);
            }
          ` }, mark("nextPagesRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "next app route request.json()",
      code: dedent`
        import { NextResponse } from "next/server";
        export async function POST(request: Request) {
          const body = await request.json();
          await db.comment.create({ data: { text: body.text.trim(), postId: body.postId } });
          return NextResponse.json({ ok: true }, { status: 201 });
        }
      `,
      filename: "app/api/comments/route.ts",
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 3, column: 22, endColumn: 36, suggestions: [mark("nextAppRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "a Next.js route handler under a test/ folder of its URL is a route, not a test file (app/api/debug/test/route.ts)",
      code: dedent`
        export async function POST(request: Request) {
          const body = await request.json();
          await db.comment.create({ data: { text: body.text.trim(), postId: body.postId } });
          return Response.json({ ok: true });
        }
      `,
      filename: "app/api/debug/test/route.ts",
      files: { "package.json": '{ "name": "app", "dependencies": { "next": "^15.0.0", "zod": "^3.23.8" } }\n' },
      findings: [
        { case: "nextAppRequest", line: 2, column: 22, endColumn: 36, suggestions: [mark("nextAppRequest", 2)] },
      ],
      output: null,
    },
    {
      name: "next app route formData()",
      code: dedent`
        export async function POST(request: Request) {
          const form = await request.formData();
          await db.upload.create({ data: { name: form.get("name") } });
          return new Response(null, { status: 204 });
        }
      `,
      filename: "app/api/upload/route.ts",
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 3, column: 42, endColumn: 58, suggestions: [{ title: 'Validate form.get("name") with Zod', output: dedent`
            import { z } from "zod";

            const PostNameField = z.string();

            export async function POST(request: Request) {
              const form = await request.formData();
              const parsed = PostNameField.safeParse(form.get("name"));
              if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
              await db.upload.create({ data: { name: parsed.data } });
              return new Response(null, { status: 204 });
            }
          ` }, mark("nextAppRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "next app route searchParams.get()",
      code: dedent`
        export async function GET(request: Request) {
          const { searchParams } = new URL(request.url);
          const rows = await db.post.findMany({ where: { tag: searchParams.get("tag") } });
          return Response.json(rows);
        }
      `,
      filename: "app/api/search/route.ts",
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 3, column: 55, endColumn: 78, suggestions: [mark("nextAppRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "next server action FormData field",
      code: dedent`
        "use server";
        export async function createPost(formData: FormData) {
          const title = formData.get("title") as string;
          await db.post.create({ data: { title } });
        }
      `,
      filename: "app/actions.ts",
      files: ZOD,
      findings: [
        { case: "nextServerAction", line: 2, column: 34, endColumn: 42, suggestions: [{ title: "Validate formData.get(\"title\") with Zod", output: dedent`
            "use server";
            import { z } from "zod";

            const CreatePostTitleField = z.string();

            export async function createPost(formData: FormData) {
              const title = CreatePostTitleField.parse(formData.get("title")) as string;
              await db.post.create({ data: { title } });
            }
          ` }, mark("nextServerAction", 2)] },
      ],
      output: null,
    },
    {
      name: "next server action Object.fromEntries(formData)",
      code: dedent`
        export async function updateProfile(formData: FormData) {
          "use server";
          const values = Object.fromEntries(formData);
          await db.profile.update({ where: { id: values.id }, data: values });
        }
      `,
      filename: "app/actions.ts",
      files: ZOD,
      findings: [
        { case: "nextServerAction", line: 3, column: 18, endColumn: 46, suggestions: [mark("nextServerAction", 3)] },
      ],
      output: null,
    },
    {
      name: "hono c.req.json()",
      code: dedent`
        import { Hono } from "hono";
        const app = new Hono();
        app.post("/posts", async (c) => {
          const body = await c.req.json();
          await db.post.create({ data: { title: body.title } });
          return c.json({ ok: true }, 201);
        });
      `,
      files: ZOD,
      findings: [
        { case: "honoRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark("honoRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "hono c.req.param() in a DB call",
      code: dedent`
        import { Hono } from "hono";
        const app = new Hono();
        app.delete("/posts/:id", async (c) => {
          await db.post.delete({ where: { id: c.req.param("id") } });
          return c.body(null, 204);
        });
      `,
      files: ZOD,
      findings: [
        { case: "honoRequest", line: 4, column: 39, endColumn: 56, suggestions: [mark("honoRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "nest @Body() with an interface type",
      code: dedent`
        import { Body, Controller, Post } from "@nestjs/common";
        interface CreateCat {
          name: string;
          age: number;
        }
        @Controller("cats")
        export class CatsController {
          constructor(private readonly catsService: CatsService) {}
          @Post()
          create(@Body() cat: CreateCat) {
            return this.catsService.create(cat);
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "nestDecorator", line: 10, column: 10, endColumn: 17, suggestions: [{ title: "Validate @Body() with Zod", output: dedent`
            import { Body, Controller, Post, BadRequestException } from "@nestjs/common";
            import { z } from "zod";
            interface CreateCat {
              name: string;
              age: number;
            }
            const CreateCatSchema = z.object({ name: z.string(), age: z.number() });

            @Controller("cats")
            export class CatsController {
              constructor(private readonly catsService: CatsService) {}
              @Post()
              create(@Body() rawCat: CreateCat) {
                const parsed = CreateCatSchema.safeParse(rawCat);
                if (!parsed.success) throw new BadRequestException(parsed.error.issues);
                const cat = parsed.data;
                return this.catsService.create(cat);
              }
            }
          ` }, mark("nestDecorator", 10)] },
      ],
      output: null,
    },
    {
      name: "nest @Param() without a pipe used in a repository lookup",
      code: dedent`
        import { Controller, Get, Param } from "@nestjs/common";
        @Controller("cats")
        export class CatsController {
          constructor(private readonly catsRepository: CatsRepository) {}
          @Get(":slug")
          one(@Param("slug") slug: string) {
            return this.catsRepository.findOne({ where: { slug } });
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "nestDecorator", line: 6, column: 7, endColumn: 21, suggestions: [{ title: "Validate @Param(\"slug\") with Zod", output: dedent`
            import { Controller, Get, Param, BadRequestException } from "@nestjs/common";
            import { z } from "zod";
            const OneParams = z.string();

            @Controller("cats")
            export class CatsController {
              constructor(private readonly catsRepository: CatsRepository) {}
              @Get(":slug")
              one(@Param("slug") rawSlug: string) {
                const parsed = OneParams.safeParse(rawSlug);
                if (!parsed.success) throw new BadRequestException(parsed.error.issues);
                const slug = parsed.data;
                return this.catsRepository.findOne({ where: { slug } });
              }
            }
          ` }, mark("nestDecorator", 6)] },
      ],
      output: null,
    },
    {
      name: "lambda JSON.parse(event.body)",
      code: dedent`
        import type { APIGatewayProxyEvent } from "aws-lambda";
        export const handler = async (event: APIGatewayProxyEvent) => {
          const input = JSON.parse(event.body ?? "{}");
          await ddb.put({ TableName: "todos", Item: { id: input.id, title: input.title } });
          return { statusCode: 201, body: "" };
        };
      `,
      files: ZOD,
      findings: [
        { case: "lambdaEvent", line: 3, column: 17, endColumn: 47, suggestions: [mark("lambdaEvent", 3)] },
      ],
      output: null,
    },
    {
      name: "lambda pathParameters in a DB key",
      code: dedent`
        import type { APIGatewayProxyEvent } from "aws-lambda";
        export async function handler(event: APIGatewayProxyEvent) {
          const item = await ddb.get({ TableName: "todos", Key: { id: event.pathParameters?.id } });
          return { statusCode: 200, body: JSON.stringify(item) };
        }
      `,
      files: ZOD,
      findings: [
        { case: "lambdaEvent", line: 3, column: 63, endColumn: 83, suggestions: [{ title: "Validate event.pathParameters with Zod", output: dedent`
            import type { APIGatewayProxyEvent } from "aws-lambda";
            import { z } from "zod";
            const ParamsSchema = z.object({ id: z.string() });

            export async function handler(event: APIGatewayProxyEvent) {
              const parsed = ParamsSchema.safeParse(event.pathParameters);
              if (!parsed.success) return { statusCode: 400, body: JSON.stringify({ error: parsed.error.issues }) };
              const item = await ddb.get({ TableName: "todos", Key: { id: parsed.data?.id } });
              return { statusCode: 200, body: JSON.stringify(item) };
            }
          ` }, mark("lambdaEvent", 3)] },
      ],
      output: null,
    },
    {
      name: "SQS record body",
      code: dedent`
        import type { SQSEvent } from "aws-lambda";
        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const job = JSON.parse(record.body);
            await db.job.create({ data: { kind: job.kind } });
          }
        };
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 17, endColumn: 40, suggestions: [mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "Kafka message value",
      code: dedent`
        consumer.run({
          eachMessage: async ({ message }) => {
            const evt = JSON.parse(message.value.toString());
            await db.audit.create({ data: { actor: evt.actor } });
          },
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 3, column: 17, endColumn: 53, suggestions: [mark("messagePayload", 3)] },
      ],
      output: null,
    },
    {
      name: "AMQP message content",
      code: dedent`
        channel.consume("emails", async (msg) => {
          const mail = JSON.parse(msg.content.toString());
          await mailer.send({ to: mail.to, subject: mail.subject });
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 2, column: 16, endColumn: 50, suggestions: [mark("messagePayload", 2)] },
      ],
      output: null,
    },
    {
      name: "ws message data",
      code: dedent`
        import { WebSocketServer } from "ws";
        const wss = new WebSocketServer({ port: 8080 });
        wss.on("connection", (ws) => {
          ws.on("message", async (data) => {
            const cmd = JSON.parse(data.toString());
            await db.command.create({ data: { op: cmd.op } });
          });
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 5, column: 17, endColumn: 44, suggestions: [mark("messagePayload", 5)] },
      ],
      output: null,
    },
    {
      name: "socket.io event payload",
      code: dedent`
        import { Server } from "socket.io";
        const io = new Server();
        io.on("connection", (socket) => {
          socket.on("chat:send", async (msg) => {
            await db.message.create({ data: { text: msg.text } });
          });
        });
      `,
      files: ZOD,
      findings: [
        // Reported at the handler's first read of the payload (session 33).
        { case: "messagePayload", line: 5, column: 45, endColumn: 48, suggestions: [mark("messagePayload", 5)] },
      ],
      output: null,
    },
    {
      name: "electron ipcMain argument used as a file path",
      code: dedent`
        import { ipcMain } from "electron";
        import fs from "node:fs/promises";
        ipcMain.handle("read-note", async (_event, file: string) => {
          return fs.readFile(file, "utf8");
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 3, column: 44, endColumn: 48, suggestions: [{ title: "Validate file with Zod", output: dedent`
            import { ipcMain } from "electron";
            import fs from "node:fs/promises";
            import { z } from "zod";
            const HandleReadNotePayload = z.string();

            ipcMain.handle("read-note", async (_event, rawFile: string) => {
              const file = HandleReadNotePayload.parse(rawFile);
              return fs.readFile(file, "utf8");
            });
          ` }, mark("messagePayload", 3)] },
      ],
      output: null,
    },
    {
      name: "browser extension runtime message",
      code: dedent`
        chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
          sendResponse(store[message.key]);
        });
      `,
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 1, column: 39, endColumn: 46, suggestions: [{ title: "Validate message with Zod", output: dedent`
            import { z } from "zod";

            const PayloadSchema = z.object({ key: z.string() });

            chrome.runtime.onMessage.addListener((rawMessage, sender, sendResponse) => {
              const message = PayloadSchema.parse(rawMessage);
              sendResponse(store[message.key]);
            });
          ` }, mark("messagePayload", 1)] },
      ],
      output: null,
    },
    {
      name: "window message event data, origin check is not validation",
      code: dedent`
        window.addEventListener("message", (event) => {
          if (event.origin !== "https://app.example.com") return;
          document.title = event.data.title;
        });
      `,
      files: ZOD,
      findings: [
        { case: "postMessageData", line: 3, column: 20, endColumn: 30, suggestions: [{ title: "Validate event.data with Zod", output: dedent`
            import { z } from "zod";

            const MessageSchema = z.object({ title: z.string() });

            window.addEventListener("message", (event) => {
              if (event.origin !== "https://app.example.com") return;
              document.title = MessageSchema.parse(event.data).title;
            });
          ` }, mark("postMessageData", 3)] },
      ],
      output: null,
    },
    {
      name: "self.onmessage in a page script (self is the window there)",
      code: dedent`
        self.onmessage = (e) => {
          const total = e.data.items.reduce((sum, item) => sum + item.price, 0);
          self.postMessage(total);
        };
      `,
      files: ZOD,
      findings: [
        { case: "postMessageData", line: 2, column: 17, endColumn: 23, suggestions: [{ title: "Validate e.data with Zod", output: dedent`
            import { z } from "zod";

            const OnmessageMessage = z.object({ items: z.array(z.object({ price: z.number() })) });

            self.onmessage = (e) => {
              const total = OnmessageMessage.parse(e.data).items.reduce((sum, item) => sum + item.price, 0);
              self.postMessage(total);
            };
          ` }, mark("postMessageData", 2)] },
      ],
      output: null,
    },
    {
      name: "fetch response json, a generic is not validation",
      code: dedent`
        async function loadUser(id: string) {
          const res = await fetch(\`https://api.example.com/users/\${id}\`);
          const user = await res.json();
          return \`\${user.firstName} \${user.lastName}\`;
        }
      `,
      files: ZOD,
      findings: [
        // A template prints numbers too: no type to infer for the names, so no schema of guesses.
        { case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark("fetchJson", 3)] },
      ],
      output: null,
    },
    {
      name: "(await fetch()).json() inline",
      code: dedent`
        async function rates() {
          const data = await (await fetch("https://api.example.com/rates")).json();
          return data.rates.map((r) => r.value * 100);
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 2, column: 22, endColumn: 75, suggestions: [{ title: "Validate (await fetch(\"https://api.example.com/r… with Zod", output: dedent`
            import { z } from "zod";

            const RatesResponse = z.object({ rates: z.array(z.object({ value: z.number() })) });

            async function rates() {
              const data = RatesResponse.parse(await (await fetch("https://api.example.com/rates")).json());
              return data.rates.map((r) => r.value * 100);
            }
          ` }, mark("fetchJson", 2)] },
      ],
      output: null,
    },
    {
      name: "an array field checked with Array.isArray whose elements are read by a filter without typeof is reported",
      code: dedent`
        export async function servers(url: string) {
          const res = await fetch(url);
          const data = (await res.json()) as { servers?: unknown };
          if (Array.isArray(data.servers)) {
            return data.servers.filter((v) => v.enabled);
          }
          return [];
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 3, column: 23, endColumn: 33, suggestions: [{ title: "Validate res.json() with Zod", output: dedent`
          import { z } from "zod";

          const ServersResponse = z.object({ servers: z.unknown().optional() });

          export async function servers(url: string) {
            const res = await fetch(url);
            const data = (ServersResponse.parse(await res.json())) as { servers?: unknown };
            if (Array.isArray(data.servers)) {
              return data.servers.filter((v) => v.enabled);
            }
            return [];
          }
        ` }, mark("fetchJson", 3)] },
      ],
      output: null,
    },
    {
      name: "a branch taken on !res.ok || another test lets a good body in: the body it returns is reported",
      code: dedent`
        async function load(refresh: boolean) {
          const res = await fetch("https://api.example.com/items");
          if (!res.ok || refresh) {
            const json = (await res.json()) as { items: string[] };
            return json.items;
          }
          return [];
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 4, column: 25, endColumn: 35, suggestions: [mark("fetchJson", 4)] },
      ],
      output: null,
    },
    {
      name: "fetch then-chain",
      code: dedent`
        fetch("/api/me")
          .then((r) => r.json())
          .then((me) => {
            greet(me.name);
          });
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 2, column: 16, endColumn: 24, suggestions: [mark("fetchJson", 2)] },
      ],
      output: null,
    },
    {
      name: "a response handed to a method of the same class (this.extractUrls(payload)) is followed there like a same-file helper",
      code: dedent`
        export class ImageSearch {
          async search(q: string): Promise<string[]> {
            const response = await fetch("https://images.example.com/search?q=" + encodeURIComponent(q));
            const payload = (await response.json()) as SearchResponse;
            return this.extractUrls(payload);
          }
          private extractUrls(payload: SearchResponse): string[] {
            return payload.images.map((item) => item.imageUrl);
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 4, column: 28, endColumn: 43, suggestions: [mark("fetchJson", 4)] },
      ],
      output: null,
    },
    {
      name: "a .json file on another host (a scheme) is remote input, unlike the site's own data.json",
      code: dedent`
        fetch("https://cdn.example.com/data.json")
          .then((r) => r.json())
          .then((data) => {
            render(data.categories);
          });
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 2, column: 16, endColumn: 24, suggestions: [mark("fetchJson", 2)] },
      ],
      output: null,
    },
    {
      name: "axios response data: reported at the first res.data read below the call (the body read, like await res.json())",
      code: dedent`
        import axios from "axios";
        async function weather(city: string) {
          const res = await axios.get(\`https://api.weather.test/\${city}\`);
          return res.data.current.temp;
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 4, column: 10, endColumn: 18, suggestions: [mark("fetchJson", 4)] },
      ],
      output: null,
    },
    {
      name: "JSON.parse of a file",
      code: dedent`
        import fs from "node:fs";
        const config = JSON.parse(fs.readFileSync("config.json", "utf8"));
        server.listen(config.port);
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 2, column: 16, endColumn: 66, suggestions: [mark("jsonParseExternal", 2)] },
      ],
      output: null,
    },
    {
      name: "JSON.parse of localStorage",
      code: dedent`
        const prefs = JSON.parse(localStorage.getItem("prefs") ?? "{}");
        applyTheme(prefs.theme);
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 1, column: 15, endColumn: 64, suggestions: [mark("jsonParseExternal", 1)] },
      ],
      output: null,
    },
    {
      name: "YAML parse of a file",
      code: dedent`
        import yaml from "yaml";
        import { readFileSync } from "node:fs";
        const doc = yaml.parse(readFileSync("pipeline.yml", "utf8"));
        for (const step of doc.steps) run(step);
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 3, column: 13, endColumn: 61, suggestions: [mark("jsonParseExternal", 3)] },
      ],
      output: null,
    },
    // Real-code classes (issue 11 §2, issue 12 §3): one short regression row each.
    {
      name: "Supabase Edge Function: Deno.serve body, zod from the deno.json import map",
      code: dedent`
        Deno.serve(async (req) => {
          const { email, name } = await req.json();
          const { error } = await supabase.from("profiles").insert({ email, name });
          return new Response(JSON.stringify({ ok: !error }), { status: error ? 500 : 200 });
        });
      `,
      filename: "supabase/functions/signup/index.ts",
      files: {"supabase/functions/signup/deno.json":"{ \"imports\": { \"zod\": \"npm:zod@3.23.8\" } }\n"},
      findings: [
        { case: "webRequest", line: 2, column: 33, endColumn: 43, suggestions: [mark("webRequest", 2)] },
      ],
      output: null,
    },
    {
      name: "Supabase Edge Function: std serve, no validator anywhere: the import is npm:zod",
      code: dedent`
        import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
        serve(async (req) => {
          const body = await req.json();
          await supabase.from("notes").insert({ text: body.text });
          return new Response("ok");
        });
      `,
      filename: "supabase/functions/notes/index.ts",
      findings: [
        { case: "webRequest", line: 3, column: 22, endColumn: 32, suggestions: [mark("webRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "a Deno file inside a Node project with zod: npm:zod pinned to the major",
      code: dedent`
        Deno.serve(async (req) => {
          const body = await req.json();
          await kv.set(["notes", body.id], body.text);
          return new Response("ok");
        });
      `,
      filename: "edge/notes.ts",
      files: ZOD,
      findings: [
        { case: "webRequest", line: 2, column: 22, endColumn: 32, suggestions: [mark("webRequest", 2)] },
      ],
      output: null,
    },
    {
      name: "Cloudflare Worker: export default { fetch(request, env) }",
      code: dedent`
        export default {
          async fetch(request: Request, env: Env): Promise<Response> {
            const payload = await request.json();
            await env.DB.prepare("INSERT INTO t (a) VALUES (?)").bind(payload.a).run();
            return new Response("ok");
          },
        };
        interface Env { DB: any }
      `,
      files: {"package.json":"{ \"name\": \"app\", \"dependencies\": { \"zod\": \"^4.1.0\" } }\n","wrangler.toml":"name = \"w\"\n"},
      findings: [
        { case: "webRequest", line: 3, column: 27, endColumn: 41, suggestions: [mark("webRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "Bun.serve: a search param built into SQL, and JSON.parse of req.text()",
      code: dedent`
        Bun.serve({
          async fetch(req) {
            const id = new URL(req.url).searchParams.get("id");
            const rows = await db.query("SELECT * FROM t WHERE id = " + id);
            const data = JSON.parse(await req.text());
            await db.insert(data.item);
            return Response.json(rows);
          },
        });
      `,
      files: ZOD,
      findings: [
        { case: "webRequest", line: 3, column: 16, endColumn: 55, suggestions: [mark("webRequest", 3)] },
        { case: "webRequest", line: 5, column: 18, endColumn: 46, suggestions: [mark("webRequest", 5)] },
      ],
      output: null,
    },
    {
      name: "another validator (valibot) in the project: no Zod fix is added beside it",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/users", async (req, res) => {
          await db.user.create({ data: { name: req.body.name } });
          res.end();
        });
      `,
      files: {"package.json":"{ \"name\": \"app\", \"dependencies\": { \"valibot\": \"^1.0.0\" } }\n"},
      findings: [
        { case: "expressBody", line: 4, column: 40, endColumn: 48, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "NestJS with ParseUUIDPipe elsewhere in the file: DTOs and pipes, no Zod",
      code: dedent`
        import { Controller, Get, Param, ParseUUIDPipe } from "@nestjs/common";
        @Controller("cats")
        export class CatsController {
          constructor(private readonly repo: CatsRepository) {}
          @Get(":id")
          one(@Param("id", ParseUUIDPipe) id: string) {
            return this.repo.findOne({ where: { id } });
          }
          @Get("by-slug/:slug")
          bySlug(@Param("slug") slug: string) {
            return this.repo.findOne({ where: { slug } });
          }
        }
      `,
      files: ZOD,
      findings: [
        { case: "nestDecorator", line: 10, column: 10, endColumn: 24, suggestions: [mark("nestDecorator", 10)] },
      ],
      output: null,
    },
    {
      name: "a (req, res) helper that returns a value: the parse throws, no 400 branch",
      code: dedent`
        export function ownerOf(req, res) {
          return db.user.findUnique({ where: { id: req.params.id } });
        }
      `,
      filename: "src/controllers/items.js",
      files: ZOD,
      findings: [
        { case: "expressParams", line: 2, column: 44, endColumn: 54, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import { z } from "zod";

            const OwnerOfParams = z.object({ id: z.string() });

            export function ownerOf(req, res) {
              return db.user.findUnique({ where: { id: OwnerOfParams.parse(req.params).id } });
            }
          ` }, mark("expressParams", 2)] },
      ],
      output: null,
    },
    {
      name: "query.limit || body.limit: optional, never boolean; numbers from a query are coerced",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/items", async (req, res) => {
          const limit = Number(req.query.limit || req.body.limit) || 20;
          const items = await db.item.findMany({ take: limit, skip: req.query.page * limit, where: { owner: req.query.owner } });
          res.json(items);
        });
      `,
      files: {"package.json":"{ \"name\": \"app\", \"dependencies\": { \"zod\": \"^4.1.0\" } }\n"},
      findings: [
        { case: "expressQuery", line: 4, column: 24, endColumn: 33, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetItemsQuery = z.object({
              limit: z.string().optional(),
              page: z.coerce.number(),
              owner: z.string(),
            });

            app.get("/items", async (req, res) => {
              const parsed = GetItemsQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const limit = Number(parsed.data.limit || req.body.limit) || 20;
              const items = await db.item.findMany({ take: limit, skip: parsed.data.page * limit, where: { owner: parsed.data.owner } });
              res.json(items);
            });
          ` }, mark("expressQuery", 4)] },
        { case: "expressBody", line: 4, column: 43, endColumn: 51, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "a message stored whole keeps its unknown keys (.passthrough() for zod 3)",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/events", async (req, res) => {
          const event = req.body;
          if (event.type === "ping") return res.end();
          await db.events.insertOne(event);
          res.sendStatus(202);
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressBody", line: 4, column: 17, endColumn: 25, suggestions: [{ title: "Validate req.body with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const PostEventsBody = z.object({ type: z.string() }).passthrough();

            app.post("/events", async (req, res) => {
              const parsed = PostEventsBody.safeParse(req.body);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const event = parsed.data;
              if (event.type === "ping") return res.end();
              await db.events.insertOne(event);
              res.sendStatus(202);
            });
          ` }, mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "Mongo $regex filter and .limit(parseInt(…)) from the query",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/search", async (req, res) => {
          res.json(await Product.find({ name: { $regex: req.query.q } }).limit(parseInt(req.query.limit)));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 4, column: 49, endColumn: 58, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetSearchQuery = z.object({ q: z.string(), limit: z.string() });

            app.get("/search", async (req, res) => {
              const parsed = GetSearchQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.json(await Product.find({ name: { $regex: parsed.data.q } }).limit(parseInt(parsed.data.limit)));
            });
          ` }, mark("expressQuery", 4)] },
      ],
      output: null,
    },
    {
      name: "an outbound URL from the query (SSRF)",
      code: dedent`
        import express from "express";
        const app = express();
        app.get("/proxy", async (req, res) => {
          const r = await fetch(req.query.url);
          res.send(await r.text());
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 4, column: 25, endColumn: 34, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { z } from "zod";
            const app = express();
            const GetProxyQuery = z.object({ url: z.string() });

            app.get("/proxy", async (req, res) => {
              const parsed = GetProxyQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              const r = await fetch(parsed.data.url);
              res.send(await r.text());
            });
          ` }, mark("expressQuery", 4)] },
      ],
      output: null,
    },
    {
      name: "await res.json() assigned to an outer let",
      code: dedent`
        let config: any;
        export async function load() {
          const res = await fetch("https://api.example.com/config");
          config = await res.json();
        }
        export function port() {
          return config.port;
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 4, column: 18, endColumn: 28, suggestions: [mark("fetchJson", 4)] },
      ],
      output: null,
    },
    {
      name: "JSON.parse of an LLM tool call's arguments",
      code: dedent`
        export async function runTool(call: { function: { arguments: string } }) {
          const args = JSON.parse(call.function.arguments);
          await db.order.create({ data: { sku: args.sku } });
        }
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 2, column: 16, endColumn: 51, suggestions: [mark("jsonParseExternal", 2)] },
      ],
      output: null,
    },
    {
      name: "a parse wrapped in another call: pick(JSON.parse(…))",
      code: dedent`
        import { readFileSync } from "node:fs";
        const settings = pick(JSON.parse(readFileSync("s.json", "utf8")), ["db"]);
        connect(settings.db.url);
      `,
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 2, column: 23, endColumn: 65, suggestions: [mark("jsonParseExternal", 2)] },
      ],
      output: null,
    },
    {
      name: "server action: an object argument handed to another module unparsed (an id alone is not reported)",
      code: dedent`
        "use server";
        import { createClient } from "@/lib/clients";
        export async function createClientAction(orgId: string, data: ClientForm) {
          await createClient(orgId, data);
        }
        interface ClientForm { name: string; email: string }
      `,
      files: ZOD,
      findings: [
        { case: "nextServerAction", line: 3, column: 57, endColumn: 61, suggestions: [{ title: "Validate data with Zod", output: dedent`
            "use server";
            import { createClient } from "@/lib/clients";
            import { z } from "zod";
            const ClientFormSchema = z.object({ name: z.string(), email: z.string() });

            export async function createClientAction(orgId: string, rawData: ClientForm) {
              const data = ClientFormSchema.parse(rawData);
              await createClient(orgId, data);
            }
            interface ClientForm { name: string; email: string }
          ` }, mark("nextServerAction", 3)] },
      ],
      output: null,
    },
    {
      name: "Supabase Edge Function: a search param used raw in a PostgREST filter",
      code: dedent`
        Deno.serve(async (req) => {
          const url = new URL(req.url);
          const widgetId = url.searchParams.get("widget_id");
          const { data } = await supabase.from("widgets").select("*").eq("id", widgetId).single();
          return Response.json(data);
        });
      `,
      filename: "supabase/functions/widget/index.ts",
      findings: [
        { case: "webRequest", line: 3, column: 20, endColumn: 53, suggestions: [mark("webRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "Bun route params on the Request into a function of the project's db module",
      code: dedent`
        import { getKeyById } from "db/index";
        type BunRequest = Request & { params: Record<string, string> };
        export async function GET(req: Request): Promise<Response> {
          const id = (req as BunRequest).params.id ?? "";
          return Response.json(await getKeyById(id));
        }
      `,
      filename: "routes/api/keys/[id]/index.ts",
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 4, column: 14, endColumn: 40, suggestions: [{ title: "Validate (req as BunRequest).params with Zod", output: dedent`
            import { getKeyById } from "db/index";
            import { z } from "zod";
            type BunRequest = Request & { params: Record<string, string> };
            const GetParams = z.object({ id: z.string().optional() });

            export async function GET(req: Request): Promise<Response> {
              const parsed = GetParams.safeParse((req as BunRequest).params);
              if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
              const id = parsed.data.id ?? "";
              return Response.json(await getKeyById(id));
            }
          ` }, mark("nextAppRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "the project's own validate(schema) middleware is reused on the route",
      code: dedent`
        import express from "express";
        import { validate } from "@/middleware/validate";
        import { CreateNote } from "@/schemas";
        const router = express();
        router.post("/notes", validate(CreateNote), async (req, res) => {
          res.json(await db.note.create({ data: req.body }));
        });
        router.put("/notes/:id/title", async (req, res) => {
          await db.note.update({ where: { id: req.params.id }, data: { title: req.body.title.trim() } });
          res.end();
        });
        export default router;
      `,
      files: ZOD,
      findings: [
        { case: "expressParams", line: 9, column: 39, endColumn: 49, suggestions: [{ title: "Validate req.params with Zod", output: dedent`
            import express from "express";
            import { validate } from "@/middleware/validate";
            import { CreateNote } from "@/schemas";
            import { z } from "zod";
            const router = express();
            router.post("/notes", validate(CreateNote), async (req, res) => {
              res.json(await db.note.create({ data: req.body }));
            });
            const PutNotesTitleParams = z.object({ id: z.string() });

            router.put("/notes/:id/title", async (req, res) => {
              const parsed = PutNotesTitleParams.safeParse(req.params);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              await db.note.update({ where: { id: parsed.data.id }, data: { title: req.body.title.trim() } });
              res.end();
            });
            export default router;
          ` }, mark("expressParams", 9)] },
        { case: "expressBody", line: 9, column: 71, endColumn: 79, suggestions: [{ title: "Validate req.body with validate() and a Zod schema", output: dedent`
            import express from "express";
            import { validate } from "@/middleware/validate";
            import { CreateNote } from "@/schemas";
            import { z } from "zod";
            const router = express();
            router.post("/notes", validate(CreateNote), async (req, res) => {
              res.json(await db.note.create({ data: req.body }));
            });
            const PutNotesTitleBody = z.object({ title: z.string() });

            router.put("/notes/:id/title", validate(PutNotesTitleBody), async (req, res) => {
              await db.note.update({ where: { id: req.params.id }, data: { title: req.body.title.trim() } });
              res.end();
            });
            export default router;
          ` }, mark("expressBody", 9)] },
      ],
      output: null,
    },
    {
      name: "node:http body read by hand (req.on(\"data\")) and JSON.parse-d into a model",
      code: dedent`
        const User = require("../models/userModel");
        const register = (req, res) => {
          let body = "";
          req.on("data", (chunk) => {
            body += chunk;
          });
          req.on("end", async () => {
            const data = JSON.parse(body);
            await new User(data).save();
            res.end();
          });
        };
        module.exports = { register };
      `,
      filename: "src/controllers/auth.js",
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 8, column: 18, endColumn: 34, suggestions: [mark("jsonParseExternal", 8)] },
      ],
      output: null,
    },
    {
      name: "a generic handler's lowercase model parameter: new model(document) stores the parsed body",
      code: dedent`
        async function createDocument(req, res, model) {
          let body = "";
          req.on("data", (chunk) => {
            body += chunk;
          });
          req.on("end", async () => {
            const document = JSON.parse(body);
            await new model(document).save();
            res.end();
          });
        }
        module.exports = { createDocument };
      `,
      filename: "src/controllers/queries.js",
      files: ZOD,
      findings: [
        { case: "jsonParseExternal", line: 7, column: 22, endColumn: 38, suggestions: [mark("jsonParseExternal", 7)] },
      ],
      output: null,
    },
    {
      name: "reads that end in the same unsafe use are one finding; the fix parses only the read it names",
      code: dedent`
        import { getUsage } from "@/lib/localDb";
        export async function GET(req: Request): Promise<Response> {
          const p = new URL(req.url).searchParams;
          const rows = await getUsage({ provider: p.get("provider") ?? undefined, model: p.get("model") ?? undefined });
          return Response.json(rows);
        }
      `,
      filename: "routes/api/usage.ts",
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 4, column: 43, endColumn: 60, suggestions: [{ title: "Validate p.get(\"provider\") with Zod", output: dedent`
            import { getUsage } from "@/lib/localDb";
            import { z } from "zod";
            const GetProviderParam = z.string().nullable();

            export async function GET(req: Request): Promise<Response> {
              const p = new URL(req.url).searchParams;
              const parsed = GetProviderParam.safeParse(p.get("provider"));
              if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
              const rows = await getUsage({ provider: parsed.data ?? undefined, model: p.get("model") ?? undefined });
              return Response.json(rows);
            }
          ` }, mark("nextAppRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "a model's own query static with a raw query value",
      code: dedent`
        import express from "express";
        import Collection from "@/models/collection";
        const app = express();
        app.get("/collections", async (req, res) => {
          res.json(await Collection.findAllCollections({ owner: req.user.id, search: req.query.search }));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 5, column: 78, endColumn: 87, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import Collection from "@/models/collection";
            import { z } from "zod";
            const app = express();
            const GetCollectionsQuery = z.object({ search: z.string() });

            app.get("/collections", async (req, res) => {
              const parsed = GetCollectionsQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.json(await Collection.findAllCollections({ owner: req.user.id, search: parsed.data.search }));
            });
          ` }, mark("expressQuery", 5)] },
      ],
      output: null,
    },
    {
      name: "a query value written into a local filter object that later reaches a model query",
      code: dedent`
        import express from "express";
        import Collection from "@/models/collection";
        const app = express();
        app.get("/collections", async (req, res) => {
          const filters: { owner: string; search?: string } = { owner: req.user.id };
          if (req.query.search) filters.search = req.query.search as string;
          res.json(await Collection.findAllCollections(filters));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 6, column: 42, endColumn: 51, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import Collection from "@/models/collection";
            import { z } from "zod";
            const app = express();
            const GetCollectionsQuery = z.object({ search: z.string().optional() });

            app.get("/collections", async (req, res) => {
              const filters: { owner: string; search?: string } = { owner: req.user.id };
              const parsed = GetCollectionsQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              if (req.query.search) filters.search = parsed.data.search as string;
              res.json(await Collection.findAllCollections(filters));
            });
          ` }, mark("expressQuery", 6)] },
      ],
      output: null,
    },
    {
      name: "a raw query value handed to a function imported from the project's service module",
      code: dedent`
        import express from "express";
        import { resolvePermissions } from "@/services/authorization";
        const app = express();
        app.get("/permissions", async (req, res) => {
          res.json(await resolvePermissions(req.user.id, req.query.teamId));
        });
      `,
      files: ZOD,
      findings: [
        { case: "expressQuery", line: 5, column: 50, endColumn: 59, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
            import express from "express";
            import { resolvePermissions } from "@/services/authorization";
            import { z } from "zod";
            const app = express();
            const GetPermissionsQuery = z.object({ teamId: z.string() });

            app.get("/permissions", async (req, res) => {
              const parsed = GetPermissionsQuery.safeParse(req.query);
              if (!parsed.success) {
                res.status(400).json({ error: parsed.error.issues });
                return;
              }
              res.json(await resolvePermissions(req.user.id, parsed.data.teamId));
            });
          ` }, mark("expressQuery", 5)] },
      ],
      output: null,
    },
    {
      name: "NestJS with class-validator in the project (ValidationPipe in main.ts): no Zod beside the DTOs",
      code: dedent`
        import { Body, Controller, Post } from "@nestjs/common";
        @Controller("cats")
        export class CatsController {
          constructor(private readonly cats: CatsService) {}
          @Post()
          create(@Body() body: Record<string, unknown>) {
            return this.cats.create({ name: String(body.name) });
          }
        }
      `,
      files: {"package.json":"{ \"name\": \"app\", \"dependencies\": { \"@nestjs/common\": \"^10.0.0\", \"class-validator\": \"^0.14.0\", \"zod\": \"^3.23.8\" } }\n"},
      findings: [
        { case: "nestDecorator", line: 6, column: 10, endColumn: 17, suggestions: [mark("nestDecorator", 6)] },
      ],
      output: null,
    },
    // Detection classes of session 11 (issue 11): chat bots, hand-parsed URLs, Koa/Fastify controller files, Serverless modules.
    {
      name: "telegraf: the text of a message stored in the database (issue 11: chat-bot input)",
      code: dedent`
        const { Telegraf } = require("telegraf");
        const bot = new Telegraf(process.env.BOT_TOKEN);
        bot.on("text", async (ctx) => {
          await db.task.create({ data: { title: ctx.message.text, chatId: ctx.chat.id } });
        });
      `,
      filename: "src/bot.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 41, endColumn: 57, suggestions: [{ title: "Validate ctx.message.text with Zod", output: dedent`
            const { Telegraf } = require("telegraf");
            const { z } = require("zod");
            const bot = new Telegraf(process.env.BOT_TOKEN);
            const OnText = z.string();

            bot.on("text", async (ctx) => {
              await db.task.create({ data: { title: OnText.parse(ctx.message.text), chatId: ctx.chat.id } });
            });
          ` }, mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "grammY: a command's argument (ctx.match) used as a query key",
      code: dedent`
        import { Bot } from "grammy";
        const bot = new Bot("");
        bot.command("profile", async (ctx) => {
          const name = ctx.match.trim();
          await ctx.reply(JSON.stringify(await prisma.user.findUnique({ where: { username: name } })));
        });
      `,
      filename: "src/bot.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 16, endColumn: 25, suggestions: [{ title: "Validate ctx.match with Zod", output: dedent`
            import { Bot } from "grammy";
            import { z } from "zod";
            const bot = new Bot("");
            const TextSchema = z.string();

            bot.command("profile", async (ctx) => {
              const name = TextSchema.parse(ctx.match).trim();
              await ctx.reply(JSON.stringify(await prisma.user.findUnique({ where: { username: name } })));
            });
          ` }, mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "grammY: a trigger regex with a wildcard group (/^topic:(.+)$/) pins nothing: ctx.match[1] stored is reported",
      code: dedent`
        import { Bot } from "grammy";
        const bot = new Bot("");
        bot.callbackQuery(/^topic:(.+)$/, async (ctx) => {
          await prisma.task.update({ where: { id: ctx.from.id }, data: { topic: ctx.match[1] } });
        });
      `,
      filename: "src/bot.js",
      findings: [
        { case: "messagePayload", line: 4, column: 73, endColumn: 82, suggestions: [mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "grammY conversation: the awaited message's text stored",
      code: dedent`
        import { createConversation } from "@grammyjs/conversations";
        export async function rename(conversation, ctx) {
          const { message } = await conversation.waitFor("message:text");
          await prisma.user.update({ where: { id: ctx.from.id }, data: { nick: message.text } });
        }
      `,
      filename: "src/conversations/rename.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 72, endColumn: 84, suggestions: [{ title: "Validate message.text with Zod", output: dedent`
            import { createConversation } from "@grammyjs/conversations";
            import { z } from "zod";
            const RenameText = z.string();

            export async function rename(conversation, ctx) {
              const { message } = await conversation.waitFor("message:text");
              await prisma.user.update({ where: { id: ctx.from.id }, data: { nick: RenameText.parse(message.text) } });
            }
          ` }, mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "node-telegram-bot-api: an onText capture group used as a file path",
      code: dedent`
        const TelegramBot = require("node-telegram-bot-api");
        const fs = require("fs");
        const bot = new TelegramBot(process.env.TOKEN, { polling: true });
        bot.onText(/\\/note (.+)/, (msg, match) => {
          fs.writeFileSync("notes/" + match[1], "");
        });
      `,
      filename: "src/bot.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 5, column: 31, endColumn: 39, suggestions: [{ title: "Validate match[1] with Zod", output: dedent`
            const TelegramBot = require("node-telegram-bot-api");
            const fs = require("fs");
            const { z } = require("zod");
            const bot = new TelegramBot(process.env.TOKEN, { polling: true });
            const TextSchema = z.string();

            bot.onText(/\\/note (.+)/, (msg, match) => {
              fs.writeFileSync("notes/" + TextSchema.parse(match[1]), "");
            });
          ` }, mark("messagePayload", 5)] },
      ],
      output: null,
    },
    {
      name: "telegraf: callback data used as a delete key",
      code: dedent`
        const { Telegraf } = require("telegraf");
        const bot = new Telegraf(process.env.BOT_TOKEN);
        bot.on("callback_query", async (ctx) => {
          await Task.deleteOne({ _id: ctx.callbackQuery.data });
          await ctx.answerCbQuery();
        });
      `,
      filename: "src/bot.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 31, endColumn: 53, suggestions: [{ title: "Validate ctx.callbackQuery.data with Zod", output: dedent`
            const { Telegraf } = require("telegraf");
            const { z } = require("zod");
            const bot = new Telegraf(process.env.BOT_TOKEN);
            const OnCallbackQueryText = z.string();

            bot.on("callback_query", async (ctx) => {
              await Task.deleteOne({ _id: OnCallbackQueryText.parse(ctx.callbackQuery.data) });
              await ctx.answerCbQuery();
            });
          ` }, mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "discord.js: a slash-command option concatenated into SQL",
      code: dedent`
        const { Client } = require("discord.js");
        const client = new Client({ intents: [] });
        client.on("interactionCreate", async (interaction) => {
          const name = interaction.options.getString("name");
          await db.query("SELECT * FROM players WHERE name = '" + name + "'");
        });
      `,
      filename: "src/bot.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 4, column: 16, endColumn: 53, suggestions: [{ title: "Validate interaction.options.getString(\"name\") with Zod", output: dedent`
            const { Client } = require("discord.js");
            const { z } = require("zod");
            const client = new Client({ intents: [] });
            const OnInteractionCreateNameText = z.string();

            client.on("interactionCreate", async (interaction) => {
              const name = OnInteractionCreateNameText.parse(interaction.options.getString("name"));
              await db.query("SELECT * FROM players WHERE name = '" + name + "'");
            });
          ` }, mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "node:http: a path segment cut from req.url handed to the project's getXById",
      code: dedent`
        const http = require("http");
        const { getProductById } = require("./controllers/products");
        http.createServer((req, res) => {
          if (req.method === "GET") {
            const id = req.url.split("/")[3];
            getProductById(req, res, id);
          }
        }).listen(3000);
      `,
      filename: "src/server.js",
      findings: [
        { case: "webRequest", line: 5, column: 16, endColumn: 23, suggestions: [mark("webRequest", 5)] },
      ],
      output: null,
    },
    {
      name: "node:http: url.parse(req.url, true).query as a Mongo filter",
      code: dedent`
        const url = require("url");
        const Product = require("../models/product");
        const search = async (req, res) => {
          const query = url.parse(req.url, true).query;
          res.end(JSON.stringify(await Product.find(query)));
        };
        module.exports = { search };
      `,
      filename: "src/controllers/queries.js",
      findings: [
        { case: "webRequest", line: 4, column: 17, endColumn: 47, suggestions: [{ title: "Validate url.parse(req.url, true).query with Zod (adds the zod dependency)", output: dedent`
            const url = require("url");
            const Product = require("../models/product");
            const { z } = require("zod");
            const SearchQuery = z.record(z.string(), z.string());

            const search = async (req, res) => {
              const query = SearchQuery.parse(url.parse(req.url, true).query);
              res.end(JSON.stringify(await Product.find(query)));
            };
            module.exports = { search };
          ` }, mark("webRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "Workers: a pathname segment bound into a D1 query",
      code: dedent`
        export default {
          async fetch(request: Request, env: Env): Promise<Response> {
            const url = new URL(request.url);
            const [, , id] = url.pathname.split("/");
            return Response.json(await env.DB.prepare("SELECT * FROM posts WHERE id = ?").bind(id).first());
          },
        };
      `,
      filename: "src/index.ts",
      files: ZOD,
      findings: [
        { case: "webRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark("webRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "Koa controller without a Koa import (ctx.body answers): ctx.request.body stored",
      code: dedent`
        const Student = require("../models/student");
        exports.add = async (ctx) => {
          const { name, grade } = ctx.request.body;
          ctx.body = await Student.create({ name, grade });
        };
      `,
      filename: "src/controllers/student.js",
      findings: [
        { case: "koaRequest", line: 3, column: 27, endColumn: 43, suggestions: [mark("koaRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "Fastify handler (req, reply) with fastify-postgres",
      code: dedent`
        module.exports = async function (fastify) {
          fastify.get("/users/:id", async (req, reply) => {
            const { rows } = await fastify.pg.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
            return rows[0];
          });
        };
      `,
      filename: "src/routes/users.js",
      findings: [
        { case: "fastifyRequest", line: 3, column: 83, endColumn: 93, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
            const { z } = require("zod");

            const GetUsersParams = z.object({ id: z.string() });

            module.exports = async function (fastify) {
              fastify.get("/users/:id", async (req, reply) => {
                const parsed = GetUsersParams.safeParse(req.params);
                if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues });
                const { rows } = await fastify.pg.query("SELECT * FROM users WHERE id = $1", [parsed.data.id]);
                return rows[0];
              });
            };
          ` }, mark("fastifyRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "Serverless module: module.exports.create = async (event) => JSON.parse(event.body)",
      code: dedent`
        const dynamoDb = new AWS.DynamoDB.DocumentClient();
        module.exports.create = async (event, context) => {
          const data = JSON.parse(event.body);
          await dynamoDb.put({ TableName: "todos", Item: { id: context.awsRequestId, text: data.text } }).promise();
          return { statusCode: 201, body: "" };
        };
      `,
      filename: "handler.js",
      findings: [
        { case: "lambdaEvent", line: 3, column: 16, endColumn: 38, suggestions: [mark("lambdaEvent", 3)] },
      ],
      output: null,
    },
    {
      name: "socket.io handlers in a module handed its io (no socket.io import)",
      code: dedent`
        module.exports = (io) => {
          io.on("connection", (socket) => {
            socket.on("join-room", async (data) => {
              await Room.updateOne({ _id: data.roomId }, { $push: { members: socket.id } });
              socket.emit("joined");
            });
          });
        };
      `,
      filename: "src/sockets.js",
      findings: [
        { case: "messagePayload", line: 4, column: 35, endColumn: 39, suggestions: [mark("messagePayload", 4)] },
      ],
      output: null,
    },
    {
      name: "JSON.parse(req.body) and req.body on one line are one input: one finding",
      code: dedent`
        import express from "express";
        const app = express();
        app.post("/hook", express.raw(), async (req, res) => {
          const event = typeof req.body === "string" ? JSON.parse(req.body) : req.body;
          await db.user.update({ where: { id: event.userId }, data: { plan: "pro" } });
          res.end();
        });
      `,
      filename: "src/hook.js",
      findings: [
        { case: "expressBody", line: 4, column: 48, endColumn: 68, suggestions: [mark("expressBody", 4)] },
      ],
      output: null,
    },
    {
      name: "server action: two parameters reaching one call are two inputs",
      code: dedent`
        "use server";
        import { updateClient } from "@/features/client/model/updateClient";
        export async function updateClientAction(
          clientId,
          data,
        ) {
          await updateClient(clientId, data);
        }
      `,
      filename: "src/actions.js",
      files: ZOD,
      findings: [
        { case: "nextServerAction", line: 4, column: 3, endColumn: 11, suggestions: [mark("nextServerAction", 4)] },
        { case: "nextServerAction", line: 5, column: 3, endColumn: 7, suggestions: [mark("nextServerAction", 5)] },
      ],
      output: null,
    },
    {
      name: "a destructured field not checked before a call is still a use of the body",
      code: dedent`
        declare function exchangeCode(mode: string, code: string): Promise<unknown>;
        export async function POST(req: Request): Promise<Response> {
          const { mode, code } = (await req.json()) as Record<string, unknown>;
          if (typeof mode !== "string") return new Response(null, { status: 400 });
          return Response.json(await exchangeCode(mode, code as string));
        }
      `,
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 3, column: 33, endColumn: 43, suggestions: [{ title: "Validate req.json() with Zod", output: dedent`
            import { z } from "zod";

            declare function exchangeCode(mode: string, code: string): Promise<unknown>;
            const PostBody = z.record(z.string(), z.unknown());

            export async function POST(req: Request): Promise<Response> {
              const parsed = PostBody.safeParse(await req.json());
              if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
              const { mode, code } = (parsed.data) as Record<string, unknown>;
              if (typeof mode !== "string") return new Response(null, { status: 400 });
              return Response.json(await exchangeCode(mode, code as string));
            }
          ` }, mark("nextAppRequest", 3)] },
      ],
      output: null,
    },
    {
      name: "a helper handed the route's Request (req: Request) reads its body; an asObjectRecord coercion hands it on",
      code: dedent`
        declare function asObjectRecord(v: unknown): Record<string, unknown> | null;
        declare function pollDeviceToken(code: string): Promise<unknown>;
        async function handlePoll(provider: string, req: Request): Promise<Response> {
          const body = asObjectRecord(await req.json()) ?? {};
          const { deviceCode } = body;
          if (!deviceCode) return Response.json({ error: "Missing deviceCode" }, { status: 400 });
          return Response.json(await pollDeviceToken(deviceCode as string));
        }
        export async function POST(req: Request): Promise<Response> {
          return handlePoll("qwen", req);
        }
      `,
      files: ZOD,
      findings: [
        { case: "webRequest", line: 4, column: 37, endColumn: 47, suggestions: [mark("webRequest", 4)] },
      ],
      output: null,
    },
    {
      name: "a route param and the body reaching one database call are two inputs",
      code: dedent`
        declare const db: any;
        type BunRequest = Request & { params: Record<string, string> };
        export async function PUT(req: Request): Promise<Response> {
          const id = (req as BunRequest).params.id ?? "";
          const body = await req.json();
          return Response.json(await db.node.update({ where: { id }, data: body }));
        }
      `,
      files: ZOD,
      findings: [
        { case: "nextAppRequest", line: 4, column: 14, endColumn: 40, suggestions: [{ title: "Validate (req as BunRequest).params with Zod", output: dedent`
            import { z } from "zod";

            declare const db: any;
            type BunRequest = Request & { params: Record<string, string> };
            const PutParams = z.object({ id: z.string().optional() });

            export async function PUT(req: Request): Promise<Response> {
              const parsed = PutParams.safeParse((req as BunRequest).params);
              if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
              const id = parsed.data.id ?? "";
              const body = await req.json();
              return Response.json(await db.node.update({ where: { id }, data: body }));
            }
          ` }, mark("nextAppRequest", 4)] },
        { case: "nextAppRequest", line: 5, column: 22, endColumn: 32, suggestions: [mark("nextAppRequest", 5)] },
      ],
      output: null,
    },
    {
      name: "Lambda handler exported at the end (module.exports = { updateUser }): JSON.parse(event.body) destructured into DynamoDB",
      code: dedent`
        const updateUser = async (event) => {
          const { nombre } = JSON.parse(event.body);
          await dynamoDb.update({ TableName: "users", Key: { id: "1" }, ExpressionAttributeValues: { ":n": nombre } }).promise();
          return { statusCode: 200, body: "" };
        };
        module.exports = { updateUser };
      `,
      filename: "src/updateUser.js",
      findings: [
        { case: "lambdaEvent", line: 2, column: 22, endColumn: 44, suggestions: [mark("lambdaEvent", 2)] },
      ],
      output: null,
    },
    {
      name: "middy's JSON body parser: event.body read as an object",
      code: dedent`
        const middy = require("@middy/core");
        const jsonBodyParser = require("@middy/http-json-body-parser");
        const create = async (event) => {
          const { title } = event.body;
          await ddb.put({ TableName: "todos", Item: { title } }).promise();
          return { statusCode: 201, body: "" };
        };
        module.exports.handler = middy(create).use(jsonBodyParser());
      `,
      filename: "src/create.js",
      findings: [
        { case: "lambdaEvent", line: 4, column: 21, endColumn: 31, suggestions: [mark("lambdaEvent", 4)] },
      ],
      output: null,
    },
    {
      name: "formidable: multipart fields destructured into a model",
      code: dedent`
        const formidable = require("formidable");
        const Product = require("../models/product");
        function addProduct(req, res) {
          const form = formidable({ keepExtensions: true });
          form.parse(req, async (err, fields, files) => {
            if (err) throw err;
            const { name, price } = fields;
            await new Product({ name, price }).save();
            res.end();
          });
        }
        module.exports = { addProduct };
      `,
      filename: "src/controllers/products.js",
      findings: [
        { case: "webRequest", line: 7, column: 29, endColumn: 35, suggestions: [mark("webRequest", 7)] },
      ],
      output: null,
    },
    {
      name: "multer: the client's file name used as a path",
      code: dedent`
        const express = require("express");
        const path = require("path");
        const fs = require("fs");
        const router = express.Router();
        router.post("/upload", upload.single("file"), (req, res) => {
          fs.renameSync(req.file.path, path.join(__dirname, "uploads", req.file.originalname));
          res.sendStatus(201);
        });
        module.exports = router;
      `,
      filename: "src/routes/upload.js",
      findings: [
        { case: "expressBody", line: 6, column: 64, endColumn: 85, suggestions: [{ title: "Validate req.file.originalname with Zod (adds the zod dependency)", output: dedent`
            const express = require("express");
            const path = require("path");
            const fs = require("fs");
            const { z } = require("zod");
            const router = express.Router();
            const PostUpload = z.string();

            router.post("/upload", upload.single("file"), (req, res) => {
              fs.renameSync(req.file.path, path.join(__dirname, "uploads", PostUpload.parse(req.file.originalname)));
              res.sendStatus(201);
            });
            module.exports = router;
          ` }, mark("expressBody", 6)] },
      ],
      output: null,
    },
    {
      name: "nestjs-telegraf: @Message(\"text\") and @Message() msg.text stored",
      code: dedent`
        import { Update, On, Ctx, Message } from "nestjs-telegraf";
        @Update()
        export class BotUpdate {
          @On("text")
          async onText(@Ctx() ctx, @Message("text") text) {
            await Task.create({ title: text, chatId: ctx.chat.id });
          }
          @On("photo")
          async onPhoto(@Message() msg) {
            await Photo.create({ caption: msg.caption });
          }
        }
      `,
      filename: "src/bot.update.js",
      files: ZOD,
      findings: [
        { case: "messagePayload", line: 5, column: 45, endColumn: 49, suggestions: [{ title: "Validate text with Zod", output: dedent`
            import { Update, On, Ctx, Message } from "nestjs-telegraf";
            import { z } from "zod";
            const OnText = z.string();

            @Update()
            export class BotUpdate {
              @On("text")
              async onText(@Ctx() ctx, @Message("text") rawText) {
                const text = OnText.parse(rawText);
                await Task.create({ title: text, chatId: ctx.chat.id });
              }
              @On("photo")
              async onPhoto(@Message() msg) {
                await Photo.create({ caption: msg.caption });
              }
            }
          ` }, mark("messagePayload", 5)] },
        { case: "messagePayload", line: 10, column: 35, endColumn: 46, suggestions: [{ title: "Validate msg.caption with Zod", output: dedent`
            import { Update, On, Ctx, Message } from "nestjs-telegraf";
            import { z } from "zod";
            const OnPhotoText = z.string();

            @Update()
            export class BotUpdate {
              @On("text")
              async onText(@Ctx() ctx, @Message("text") text) {
                await Task.create({ title: text, chatId: ctx.chat.id });
              }
              @On("photo")
              async onPhoto(@Message() msg) {
                await Photo.create({ caption: OnPhotoText.parse(msg.caption) });
              }
            }
          ` }, mark("messagePayload", 10)] },
      ],
      output: null,
    },
    {
      name: "koa: a route parameter the path declares stays input behind a middleware",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router();
        router.get("/users/:id", auth, async (ctx) => {
          ctx.body = await User.findByPk(ctx.params.id);
        });
      `,
      findings: [{ case: "koaRequest", line: 4, column: 34, endColumn: 44, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
            import Router from "@koa/router";
            import { z } from "zod";
            const router = new Router();
            const GetUsersParams = z.object({ id: z.string() });

            router.get("/users/:id", auth, async (ctx) => {
              const parsed = GetUsersParams.safeParse(ctx.params);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              ctx.body = await User.findByPk(parsed.data.id);
            });
          ` }, mark("koaRequest", 4)] }],
      output: null,
    },
    {
      name: "koa: a parameter the path does not declare, without a middleware before the handler, stays input",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router();
        router.get("/", async (ctx) => {
          ctx.body = await User.findByPk(ctx.params.id);
        });
      `,
      findings: [{ case: "koaRequest", line: 4, column: 34, endColumn: 44, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
            import Router from "@koa/router";
            import { z } from "zod";
            const router = new Router();
            const GetParams = z.object({ id: z.string() });

            router.get("/", async (ctx) => {
              const parsed = GetParams.safeParse(ctx.params);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              ctx.body = await User.findByPk(parsed.data.id);
            });
          ` }, mark("koaRequest", 4)] }],
      output: null,
    },
    {
      name: "koa: a router prefix that declares the parameter keeps it input",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router({ prefix: "/games/:id" });
        router.get("/", auth, async (ctx) => {
          ctx.body = await Game.findByPk(ctx.params.id);
        });
      `,
      findings: [{ case: "koaRequest", line: 4, column: 34, endColumn: 44, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
            import Router from "@koa/router";
            import { z } from "zod";
            const router = new Router({ prefix: "/games/:id" });
            const GetParams = z.object({ id: z.string() });

            router.get("/", auth, async (ctx) => {
              const parsed = GetParams.safeParse(ctx.params);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              ctx.body = await Game.findByPk(parsed.data.id);
            });
          ` }, mark("koaRequest", 4)] }],
      output: null,
    },
    {
      name: "express: request parts destructured from req in the body (nested and whole)",
      code: dedent`
        const User = require("../models/User");
        module.exports = {
          pm: async (req, res) => {
            const {
              query: { login },
            } = req;
            res.json(await User.findOne({ login }));
          },
          room: async (req, res) => {
            const { params: { roomId }, user } = req;
            res.json(await Room.findOne({ _id: roomId, user }));
          },
          list: async (req, res) => {
            const { query } = req;
            res.json(await Room.find({ name: query.name }));
          },
        };
      `,
      filename: "controllers/chat.js",
      findings: [
        { case: "expressQuery", line: 5, column: 7, endColumn: 23, suggestions: [mark("expressQuery", 5)] },
        { case: "expressParams", line: 10, column: 13, endColumn: 31, suggestions: [mark("expressParams", 10)] },
        { case: "expressQuery", line: 14, column: 13, endColumn: 18, suggestions: [mark("expressQuery", 14)] },
      ],
      output: null,
    },
    {
      name: "koa-body: the client's name for an upload joined into a write path, reported once for both reads",
      code: dedent`
        import Router from "@koa/router";
        import fs from "node:fs";
        import path from "node:path";
        const router = new Router();
        router.post("/upload", async (ctx) => {
          const { file } = ctx.request.files;
          fs.createWriteStream(path.join("static", file.name));
          await FileDao.add({ fileName: file.name });
        });
      `,
      findings: [{ case: "koaRequest", line: 7, column: 44, endColumn: 53, suggestions: [{ title: "Validate file.name with Zod (adds the zod dependency)", output: dedent`
            import Router from "@koa/router";
            import fs from "node:fs";
            import path from "node:path";
            import { z } from "zod";
            const router = new Router();
            const PostUpload = z.string();

            router.post("/upload", async (ctx) => {
              const { file } = ctx.request.files;
              fs.createWriteStream(path.join("static", PostUpload.parse(file.name)));
              await FileDao.add({ fileName: PostUpload.parse(file.name) });
            });
          ` }, mark("koaRequest", 7)] }],
      output: null,
    },
    {
      name: "a query value used as a key of a store named ...Redis",
      code: dedent`
        import Router from "@koa/router";
        const router = new Router();
        router.get("/captcha", async (ctx) => {
          const { username } = ctx.request.query;
          await captchaRedis.setex(username, 60, "abcd");
          ctx.body = "ok";
        });
      `,
      findings: [{ case: "koaRequest", line: 4, column: 24, endColumn: 41, suggestions: [{ title: "Validate ctx.request.query with Zod (adds the zod dependency)", output: dedent`
            import Router from "@koa/router";
            import { z } from "zod";
            const router = new Router();
            const GetCaptchaQuery = z.object({ username: z.string() });

            router.get("/captcha", async (ctx) => {
              const parsed = GetCaptchaQuery.safeParse(ctx.request.query);
              if (!parsed.success) {
                ctx.status = 400;
                ctx.body = { error: parsed.error.issues };
                return;
              }
              const { username } = parsed.data;
              await captchaRedis.setex(username, 60, "abcd");
              ctx.body = "ok";
            });
          ` }, mark("koaRequest", 4)] }],
      output: null,
    },
    {
      name: "lambda: a store's wrapper that names the DocumentClient method (dynamo.call(\"scan\", params)) is a database call",
      code: dedent`
        import dynamo from "../common/dynamo";
        export async function main(event) {
          const params = {
            TableName: "orgs",
            FilterExpression: "parentId = :parentId",
            ExpressionAttributeValues: { ":parentId": event.pathParameters.parentId },
          };
          const result = await dynamo.call("scan", params);
          return { statusCode: 200, body: JSON.stringify(result.Items) };
        }
      `,
      filename: "src/handlers/listByParentId.js",
      findings: [
        { case: "lambdaEvent", line: 6, column: 47, endColumn: 67, suggestions: [{ title: "Validate event.pathParameters with Zod (adds the zod dependency)", output: dedent`
            import dynamo from "../common/dynamo";
            import { z } from "zod";
            const MainParams = z.object({ parentId: z.string() });

            export async function main(event) {
              const parsed = MainParams.safeParse(event.pathParameters);
              if (!parsed.success) return { statusCode: 400, body: JSON.stringify({ error: parsed.error.issues }) };
              const params = {
                TableName: "orgs",
                FilterExpression: "parentId = :parentId",
                ExpressionAttributeValues: { ":parentId": parsed.data.parentId },
              };
              const result = await dynamo.call("scan", params);
              return { statusCode: 200, body: JSON.stringify(result.Items) };
            }
          ` }, mark("lambdaEvent", 6)] },
      ],
      output: null,
    },
    {
      name: "lambda: a path parameter written into the parsed body that is stored is reported too",
      code: dedent`
        import type { APIGatewayProxyEvent } from "aws-lambda";
        export const handler = async (event: APIGatewayProxyEvent) => {
          const data = JSON.parse(event.body ?? "{}");
          data.id = event.pathParameters?.id;
          await ddb.put({ TableName: "todos", Item: data });
          return { statusCode: 200, body: "" };
        };
      `,
      findings: [
        { case: "lambdaEvent", line: 3, column: 16, endColumn: 46, suggestions: [mark("lambdaEvent", 3)] },
        { case: "lambdaEvent", line: 4, column: 13, endColumn: 33, suggestions: [{ title: "Validate event.pathParameters with Zod (adds the zod dependency)", output: dedent`
            import type { APIGatewayProxyEvent } from "aws-lambda";
            import { z } from "zod";
            const ParamsSchema = z.object({ id: z.string() });

            export const handler = async (event: APIGatewayProxyEvent) => {
              const data = JSON.parse(event.body ?? "{}");
              const parsed = ParamsSchema.safeParse(event.pathParameters);
              if (!parsed.success) return { statusCode: 400, body: JSON.stringify({ error: parsed.error.issues }) };
              data.id = parsed.data?.id;
              await ddb.put({ TableName: "todos", Item: data });
              return { statusCode: 200, body: "" };
            };
          ` }, mark("lambdaEvent", 4)] },
      ],
      output: null,
    },
    {
      name: "axios response data destructured on the call's line: reported at the call",
      code: dedent`
        import axios from "axios";
        async function weather(city: string) {
          const { data } = await axios.get(\`https://api.weather.test/\${city}\`);
          return data.current.temp;
        }
      `,
      files: ZOD,
      findings: [
        { case: "fetchJson", line: 3, column: 26, endColumn: 71, suggestions: [mark("fetchJson", 3)] },
      ],
      output: null,
    },
    {
      name: "lambda: the event's parts destructured from the event are its body and parameters",
      code: dedent`
        exports.create = async (event) => {
          const { body, pathParameters: { id } } = event;
          const item = JSON.parse(body);
          await ddb.put({ TableName: "t", Item: item });
          await ddb.get({ TableName: "t", Key: { id } });
        };
      `,
      findings: [
        { case: "lambdaEvent", line: 2, column: 11, endColumn: 15, suggestions: [mark("lambdaEvent", 2)] },
        { case: "lambdaEvent", line: 2, column: 17, endColumn: 39, suggestions: [mark("lambdaEvent", 2)] },
      ],
      output: null,
    },
    {
      name: "lambda: a body parsed when it is a string and taken as is otherwise is one input, reported once",
      code: dedent`
        module.exports.create = async (event) => {
          const data = typeof event.body === "string" ? JSON.parse(event.body) : event.body;
          await ddb.put({ TableName: "t", Item: data });
        };
      `,
      findings: [{ case: "lambdaEvent", line: 2, column: 49, endColumn: 71, suggestions: [mark("lambdaEvent", 2)] }],
      output: null,
    },
  {
    // ub17: responses destructured from Promise.all are fetch responses (issue 11: prumo_ai update-llm-prices/index.ts:24).
    name: "Promise.all fetch responses read unchecked and stored",
    code: dedent`
      Deno.serve(async () => {
        const [modelsRes, pricesRes] = await Promise.all([
          fetch("https://api.example.com/v1/models"),
          fetch("https://prices.example.com/models.json"),
        ]);
        const prices = await pricesRes.json();
        const models = await modelsRes.json();
        for (const m of models.data) {
          await supabase.from("prices").insert({ model: m.id, cost: prices[m.id].input_cost * 1000 });
        }
        return new Response("ok");
      });
    `,
    filename: "supabase/functions/prices/index.ts",
    findings: [
      { case: "fetchJson", line: 6, column: 24, endColumn: 40, suggestions: [mark("fetchJson", 6)] },
      { case: "fetchJson", line: 7, column: 24, endColumn: 40, suggestions: [{ title: "Validate modelsRes.json() with Zod", output: dedent`
          import { z } from "npm:zod";

          const ModelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

          Deno.serve(async () => {
            const [modelsRes, pricesRes] = await Promise.all([
              fetch("https://api.example.com/v1/models"),
              fetch("https://prices.example.com/models.json"),
            ]);
            const prices = await pricesRes.json();
            const models = ModelsSchema.parse(await modelsRes.json());
            for (const m of models.data) {
              await supabase.from("prices").insert({ model: m.id, cost: prices[m.id].input_cost * 1000 });
            }
            return new Response("ok");
          });
        ` }, mark("fetchJson", 7)] },
    ],
    output: null,
  },
  {
    // ub17: each branch of a dispatch on a literal reads its own body (issue 11: prumo_ai admin-actions/index.ts:130/157).
    name: "Deno.serve: bodies read in two branches of an action dispatch are two inputs",
    code: dedent`
      Deno.serve(async (req) => {
        const action = new URL(req.url).searchParams.get("action");
        if (action === "create-user") {
          const { email, role } = await req.json();
          if (!email) throw new Error("email required");
          await supabase.from("profiles").insert({ email, role });
          return new Response("ok");
        }
        if (action === "delete-user") {
          const { id } = await req.json();
          if (!id) throw new Error("id required");
          await supabase.from("profiles").delete().eq("id", id);
          return new Response("ok");
        }
        return new Response("unknown", { status: 400 });
      });
    `,
    filename: "supabase/functions/admin/index.ts",
    findings: [
      { case: "webRequest", line: 4, column: 35, endColumn: 45, suggestions: [mark("webRequest", 4)] },
      { case: "webRequest", line: 10, column: 26, endColumn: 36, suggestions: [mark("webRequest", 10)] },
    ],
    output: null,
  },
  {
    // ub17: the same in a Workers switch on the path; a catch reading the body again stays one input.
    name: "Workers: bodies read in two cases of a switch on the path are two inputs, a re-read in a catch is not",
    code: dedent`
      export default {
        async fetch(request: Request, env: Env): Promise<Response> {
          switch (new URL(request.url).pathname) {
            case "/notes": {
              let note;
              try {
                note = await request.json();
              } catch {
                note = await request.json();
              }
              await env.DB.prepare("INSERT INTO notes (title) VALUES (?)").bind(note.title).run();
              return new Response("ok");
            }
            case "/tags": {
              const tag = await request.json();
              await env.KV.put(tag.name, tag.color);
              return new Response("ok");
            }
          }
          return new Response("not found", { status: 404 });
        },
      };
    `,
    filename: "src/index.ts",
    findings: [
      { case: "webRequest", line: 7, column: 24, endColumn: 38, suggestions: [mark("webRequest", 7)] },
      { case: "webRequest", line: 15, column: 27, endColumn: 41, suggestions: [mark("webRequest", 15)] },
    ],
    output: null,
  },
  {
    // ub17: an exported helper of a routes module takes the server's Request (issue 11: aicarousel routes/openai.ts:35).
    name: "Bun: an exported routes helper's req.json() checked only with Array.isArray, elements read",
    code: dedent`
      import { handleChat } from "../services/chat";
      export async function handleChatCompletions(req: Request): Promise<Response> {
        const body = (await req.json()) as ChatRequest;
        if (!body.messages || !Array.isArray(body.messages)) return Response.json({ error: "messages" }, { status: 400 });
        const messages = body.messages.map((m) => ({ role: m.role, content: m.content }));
        return Response.json(await handleChat(messages));
      }
    `,
    filename: "routes/openai.ts",
    findings: [
      { case: "webRequest", line: 3, column: 23, endColumn: 33, suggestions: [mark("webRequest", 3)] },
    ],
    output: null,
  },
  {
    // ub17: a tsconfig-paths alias of the services folder is the project's service module (issue 11: aicarousel index.ts:93).
    name: "Bun.serve: a body handed whole to a function imported through an @services/ alias",
    code: dedent`
      import { handleChat } from "@services/chat_handler.ts";
      Bun.serve({
        async fetch(req) {
          if (new URL(req.url).pathname === "/chat") return handleLegacyChat(req);
          return new Response("not found", { status: 404 });
        },
      });
      async function handleLegacyChat(req: Request): Promise<Response> {
        const messages = (await req.json()) as ChatMessage[];
        const result = await handleChat(messages);
        return new Response(result.text);
      }
    `,
    filename: "index.ts",
    findings: [
      { case: "webRequest", line: 9, column: 27, endColumn: 37, suggestions: [mark("webRequest", 9)] },
    ],
    output: null,
  },
  {
    // ub17: a JSON string field of another API's answer is network text (issue 11: viAIzer bot.js:682).
    name: "JSON.parse of a string field of a fetch answer, its list iterated",
    code: dedent`
      export async function pollTask(taskId: string, send: (u: string) => Promise<void>) {
        const res = await fetch(\`https://api.example.com/tasks/\${taskId}\`);
        const data = await res.json();
        if (data.code !== 200) throw new Error(data.msg);
        const taskData = data.data;
        const result = JSON.parse(taskData.resultJson);
        for (const url of result.resultUrls) await send(url);
      }
    `,
    filename: "src/tasks.ts",
    findings: [
      { case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark("fetchJson", 3)] },
      { case: "jsonParseExternal", line: 6, column: 18, endColumn: 49, suggestions: [mark("jsonParseExternal", 6)] },
    ],
    output: null,
  },
  {
    // ub17: Gemini's answer, fences cut off, returned to the route that runs it (issue 11: v0-ai-automotive-repair ai-search/route.ts:291).
    name: "Next.js: a Gemini answer parsed in a helper and its SQL run by the route",
    code: dedent`
      import { NextResponse } from "next/server";
      import pool from "@/lib/db";
      export async function GET() {
        const plan = await generateSql("overdue invoices");
        const rows = await pool.query(plan.sql, plan.params);
        return NextResponse.json(rows);
      }
      async function generateSql(question: string) {
        const result = await model.generateContent(question);
        const text = result.response.text();
        const cleaned = text.replace(/\`\`\`json\\n?/g, "").replace(/\`\`\`/g, "").trim();
        return JSON.parse(cleaned);
      }
    `,
    filename: "app/api/search/route.ts",
    findings: [
      { case: "jsonParseExternal", line: 12, column: 10, endColumn: 29, suggestions: [mark("jsonParseExternal", 12)] },
    ],
    output: null,
  },
  {
    // ub17: the OpenAI SDK's answer text (issue 11: appraisals-backend services/openai.js:284).
    name: "OpenAI SDK: the answer's content parsed and stored",
    code: dedent`
      const OpenAI = require("openai");
      const openai = new OpenAI();
      async function describe(postId, prompt) {
        const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] });
        const meta = JSON.parse(completion.choices[0].message.content);
        await db.posts.update({ where: { id: postId }, data: { title: meta.title, tags: meta.tags } });
      }
      module.exports = { describe };
    `,
    filename: "services/openai.js",
    findings: [
      { case: "jsonParseExternal", line: 5, column: 16, endColumn: 65, suggestions: [mark("jsonParseExternal", 5)] },
    ],
    output: null,
  },
  {
    // ub17: a flag only tested for truthiness is not decided (the comparison with a literal is).
    name: "Express: a destructured flag only tested for truthiness is no check",
    code: dedent`
      const express = require("express");
      const router = express.Router();
      router.post("/enhance", async (req, res) => {
        const { postId, updateContent } = req.body;
        if (typeof postId !== "string") return res.status(400).json({ error: "postId" });
        if (updateContent) await notify(postId);
        res.json({ ok: true });
      });
    `,
    filename: "routes/description.js",
    findings: [
      { case: "expressBody", line: 4, column: 37, endColumn: 45, suggestions: [mark("expressBody", 4)] },
    ],
    output: null,
  },
  {
    // ub17: the client's file name of a form upload names the written file (issue 11: v0-ai-automotive-repair app/api/settings/shop-logo/route.ts:9).
    name: "Next.js: an uploaded File's client extension kept in the file written under public/",
    code: dedent`
      import { NextRequest, NextResponse } from "next/server";
      import { writeFile } from "fs/promises";
      import path from "path";
      export async function POST(request: NextRequest) {
        const formData = await request.formData();
        const file = formData.get("logo") as File | null;
        if (!file || !["image/png", "image/jpeg"].includes(file.type)) return NextResponse.json({ error: "type" }, { status: 400 });
        const extension = file.name.split(".").pop()?.toLowerCase() || "png";
        const filename = \`logo-\${Date.now()}.\${extension}\`;
        await writeFile(path.join(process.cwd(), "public", "uploads", filename), Buffer.from(await file.arrayBuffer()));
        return NextResponse.json({ url: \`/uploads/\${filename}\` });
      }
    `,
    filename: "app/api/settings/logo/route.ts",
    findings: [
      { case: "nextAppRequest", line: 6, column: 16, endColumn: 36, suggestions: [mark("nextAppRequest", 6)] },
    ],
    output: null,
  },
  {
    // ub17: Supabase Storage names an object by its path (issue 11: v0-saas-facturation uploadLogo.action.ts:14).
    name: "server action: an uploaded File's client extension in a Supabase Storage path",
    code: dedent`
      "use server";
      export async function uploadLogoAction(formData: FormData) {
        const file = formData.get("logo") as File;
        if (!file) throw new Error("no file");
        const fileExt = file.name.split(".").pop();
        const { error } = await supabase.storage.from("logos").upload(\`org/logo-\${Date.now()}.\${fileExt}\`, file);
        if (error) throw error;
      }
    `,
    filename: "features/organization/actions/uploadLogo.action.ts",
    findings: [
      { case: "nextServerAction", line: 3, column: 16, endColumn: 36, suggestions: [mark("nextServerAction", 3)] },
    ],
    output: null,
  },
  {
    // ub17: the same in a Deno function, the client's whole name as the object path.
    name: "Supabase Edge Function: an uploaded File's client name as the Storage object path",
    code: dedent`
      Deno.serve(async (req) => {
        const form = await req.formData();
        const file = form.get("file");
        if (!(file instanceof File)) return new Response("no file", { status: 400 });
        await supabase.storage.from("docs").upload(file.name, file);
        return new Response("ok");
      });
    `,
    filename: "supabase/functions/upload/index.ts",
    findings: [
      { case: "webRequest", line: 3, column: 16, endColumn: 32, suggestions: [mark("webRequest", 3)] },
    ],
    output: null,
  },
  {
    // ub17: an object of body fields held in a name goes on wherever the name goes (logging it first changes nothing).
    name: "Deno: body fields put into a held object that is logged and stored",
    code: dedent`
      Deno.serve(async (req) => {
        const data = await req.json();
        const row = { productId: data.productId, price: data.price };
        console.log("saving", row);
        await supabase.from("prices").insert(row);
        return new Response("ok");
      });
    `,
    filename: "supabase/functions/market-price/index.ts",
    findings: [
      { case: "webRequest", line: 2, column: 22, endColumn: 32, suggestions: [mark("webRequest", 2)] },
    ],
    output: null,
  },
  {
    // ub17: chanfana's handle(c) with a raw c.req.raw.formData() read past the route schema (issue 11: mardasa-api-cf-workers src/endpoints/admin/uploadLogo.ts:44).
    name: "chanfana: an upload read from c.req.raw.formData(), its client extension in the R2 key",
    code: dedent`
      import { OpenAPIRoute } from "chanfana";
      export class UploadLogo extends OpenAPIRoute {
        async handle(c) {
          const formData = await c.req.raw.formData();
          const file = formData.get("file");
          if (!(file instanceof File)) return c.json({ error: "no file" }, 400);
          const ext = file.name.split(".").pop() ?? "png";
          await c.env.BUCKET.put(\`logos/\${Date.now()}.\${ext}\`, await file.arrayBuffer());
          return c.json({ ok: true });
        }
      }
    `,
    filename: "src/endpoints/admin/uploadLogo.ts",
    findings: [
      { case: "honoRequest", line: 4, column: 28, endColumn: 48, suggestions: [mark("honoRequest", 4)] },
    ],
    output: null,
  },
  {
    // ub17: Hono's c.req.raw is the Web Request: its body read by hand is the request body.
    name: "Hono: c.req.raw.json() stored unchecked",
    code: dedent`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/notes", async (c) => {
        const note = await c.req.raw.json();
        await c.env.DB.prepare("INSERT INTO notes (title) VALUES (?)").bind(note.title).run();
        return c.json({ ok: true });
      });
    `,
    filename: "src/index.ts",
    findings: [
      { case: "honoRequest", line: 4, column: 22, endColumn: 38, suggestions: [mark("honoRequest", 4)] },
    ],
    output: null,
  },
  {
    // A route param cast with mongoose.Types.ObjectId, then the query key: the cast checks nothing (a malformed id is a 500) (issue 11: imooc-api article.controller.js:40).
    name: "koa route param through an ObjectId cast into a query",
    code: dedent`
      import Router from "@koa/router";
      import mongoose from "mongoose";
      const router = new Router();
      router.get("/items/:id", async (ctx) => {
        const { id } = ctx.params;
        const oid = mongoose.Types.ObjectId(id);
        ctx.body = await Item.findOne({ _id: oid });
      });
    `,
    findings: [
      { case: "koaRequest", line: 5, column: 18, endColumn: 28, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
          import Router from "@koa/router";
          import mongoose from "mongoose";
          import { z } from "zod";
          const router = new Router();
          const GetItemsParams = z.object({ id: z.string() });

          router.get("/items/:id", async (ctx) => {
            const parsed = GetItemsParams.safeParse(ctx.params);
            if (!parsed.success) {
              ctx.status = 400;
              ctx.body = { error: parsed.error.issues };
              return;
            }
            const { id } = parsed.data;
            const oid = mongoose.Types.ObjectId(id);
            ctx.body = await Item.findOne({ _id: oid });
          });
        ` }, mark("koaRequest", 5)] },
    ],
    output: null,
  },
  {
    name: "express route param through new ObjectId into a collection query",
    code: dedent`
      import express from "express";
      import mongoose from "mongoose";
      const app = express();
      app.delete("/notes/:id", async (req, res) => {
        await db.collection("notes").deleteOne({ _id: new mongoose.Types.ObjectId(req.params.id) });
        res.sendStatus(204);
      });
    `,
    findings: [
      { case: "expressParams", line: 5, column: 77, endColumn: 87, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import mongoose from "mongoose";
          import { z } from "zod";
          const app = express();
          const DeleteNotesParams = z.object({ id: z.string() });

          app.delete("/notes/:id", async (req, res) => {
            const parsed = DeleteNotesParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            await db.collection("notes").deleteOne({ _id: new mongoose.Types.ObjectId(parsed.data.id) });
            res.sendStatus(204);
          });
        ` }, mark("expressParams", 5)] },
    ],
    output: null,
  },
  {
    // koa-router puts the route params on ctx.request too (issue 11: imooc-api userManage.controller.js:171).
    name: "koa ctx.request.params in an update filter",
    code: dedent`
      import Router from "@koa/router";
      const router = new Router();
      router.post("/users/:userId/role", async (ctx) => {
        const { userId } = ctx.request.params;
        await User.updateOne({ _id: userId }, { $set: { role: "member" } });
        ctx.body = { ok: true };
      });
    `,
    findings: [
      { case: "koaRequest", line: 4, column: 22, endColumn: 40, suggestions: [{ title: "Validate ctx.request.params with Zod (adds the zod dependency)", output: dedent`
          import Router from "@koa/router";
          import { z } from "zod";
          const router = new Router();
          const PostUsersRoleParams = z.object({ userId: z.string() });

          router.post("/users/:userId/role", async (ctx) => {
            const parsed = PostUsersRoleParams.safeParse(ctx.request.params);
            if (!parsed.success) {
              ctx.status = 400;
              ctx.body = { error: parsed.error.issues };
              return;
            }
            const { userId } = parsed.data;
            await User.updateOne({ _id: userId }, { $set: { role: "member" } });
            ctx.body = { ok: true };
          });
        ` }, mark("koaRequest", 4)] },
    ],
    output: null,
  },
  {
    // The parsed body resolved by a promise helper, used by its caller (issue 11: avanza-polanco-system email-proxy.cjs:40).
    name: "node:http body parsed in a promise helper, destructured by the caller",
    code: dedent`
      const http = require("http");
      function readJson(req) {
        return new Promise((resolve, reject) => {
          let body = "";
          req.on("data", (chunk) => (body += chunk));
          req.on("end", () => {
            try {
              resolve(JSON.parse(body));
            } catch (e) {
              reject(e);
            }
          });
        });
      }
      http.createServer(async (req, res) => {
        const { to, text } = await readJson(req);
        await mailer.send({ to, text });
        res.end("ok");
      }).listen(3000);
    `,
    findings: [
      { case: "jsonParseExternal", line: 8, column: 17, endColumn: 33, suggestions: [mark("jsonParseExternal", 8)] },
    ],
    output: null,
  },
  {
    name: "node:http body parsed in an arrow promise helper, read by the caller",
    code: dedent`
      const http = require("http");
      const readJson = (req) => new Promise((resolve) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => resolve(JSON.parse(body)));
      });
      http.createServer(async (req, res) => {
        const data = await readJson(req);
        await db.query("insert into notes (text) values ($1)", [data.text]);
        res.end("ok");
      }).listen(3000);
    `,
    findings: [
      { case: "jsonParseExternal", line: 5, column: 31, endColumn: 47, suggestions: [mark("jsonParseExternal", 5)] },
    ],
    output: null,
  },
  {
    // The body read in axios's .then callback, then used by the awaiting code (issue 11: reddex-v3 inbox.ts:28).
    name: "axios response data returned from a .then callback and read",
    code: dedent`
      import axios from "axios";
      export async function inbox(url: string) {
        const inbox = await axios
          .get(url)
          .then((res) => res.data);
        return inbox.items.map((i) => i.id);
      }
    `,
    findings: [
      { case: "fetchJson", line: 5, column: 20, endColumn: 28, suggestions: [mark("fetchJson", 5)] },
    ],
    output: null,
  },
  {
    // `.catch(…).then((res) => res)` hands the same response on (issue 11: reddex-v3 stories.ts:245).
    name: "axios response through catch and an identity then, data read below",
    code: dedent`
      import axios from "axios";
      export async function story(url: string) {
        const r = await axios.get(url).catch((e) => { throw new Error("fetch failed"); }).then((res) => res);
        const post = r.data[0].data;
        return prisma.post.create({ data: { title: post.title } });
      }
    `,
    findings: [
      { case: "fetchJson", line: 4, column: 16, endColumn: 22, suggestions: [mark("fetchJson", 4)] },
    ],
    output: null,
  },
  {
    // An instance from a method returning axios.create() (issue 11: reddex-v3 src/lib/storefront.ts:31).
    name: "axios instance from this.api(), data read below the call",
    code: dedent`
      import axios from "axios";
      export class Shop {
        constructor(private token: string) {}
        public async collections() {
          const query = await this.api().get("/collections");
          return query.data.results.filter((r: any) => r.slug !== "all");
        }
        private api() {
          return axios.create({ baseURL: "https://shop.example.com/v1", params: { token: this.token } });
        }
      }
    `,
    findings: [
      { case: "fetchJson", line: 6, column: 12, endColumn: 22, suggestions: [{ title: 'Validate this.api().get("/collections") with Zod (adds the zod dependency)', output: dedent`
          import axios from "axios";
          import { z } from "zod";
          const CollectionsCollectionsResponse = z.object({ results: z.array(z.object({ slug: z.string() })) });

          export class Shop {
            constructor(private token: string) {}
            public async collections() {
              const query = await this.api().get("/collections");
              return CollectionsCollectionsResponse.parse(query.data).results.filter((r: any) => r.slug !== "all");
            }
            private api() {
              return axios.create({ baseURL: "https://shop.example.com/v1", params: { token: this.token } });
            }
          }
        ` }, mark("fetchJson", 6)] },
    ],
    output: null,
  },
  {
    name: "axios instance from a file-level factory function",
    code: dedent`
      import axios from "axios";
      const client = () => 1;
      function api() {
        return axios.create({ baseURL: "https://shop.example.com/v1" });
      }
      export async function products(id: string) {
        const res = await api().get(\`/collections/\${id}/products\`);
        await db.products.insertMany(res.data.results);
      }
    `,
    findings: [
      { case: "fetchJson", line: 8, column: 32, endColumn: 40, suggestions: [mark("fetchJson", 8)] },
    ],
    output: null,
  },
  // The file-routed frameworks and Firebase callables (more in unvalidated-boundary.frameworks.test.ts).
  {
    name: "SvelteKit +server.js: the POST body into a database call (sveltekitRequest)",
    code: dedent`
      export async function POST({ request }) {
        const body = await request.json();
        await db.item.create({ data: { name: body.name } });
        return new Response(null, { status: 201 });
      }
    `,
    filename: "src/routes/api/items/+server.js",
    findings: [{ case: "sveltekitRequest", line: 2, column: 22, endColumn: 36, suggestions: [mark("sveltekitRequest", 2)] }],
    output: null,
  },
  {
    name: "Remix route action: the JSON body into a database call (remixRequest)",
    code: dedent`
      export async function action({ request }) {
        const body = await request.json();
        await db.item.create({ data: { name: body.name } });
        return null;
      }
    `,
    filename: "app/routes/items.jsx",
    findings: [{ case: "remixRequest", line: 2, column: 22, endColumn: 36, suggestions: [mark("remixRequest", 2)] }],
    output: null,
  },
  {
    name: "Astro endpoint: the JSON body into a database call (astroRequest)",
    code: dedent`
      import { db } from "astro:db";
      export const POST = async ({ request }) => {
        const body = await request.json();
        await db.item.create({ data: { name: body.name } });
        return new Response(null, { status: 201 });
      };
    `,
    filename: "src/pages/api/items.js",
    findings: [{ case: "astroRequest", line: 3, column: 22, endColumn: 36, suggestions: [mark("astroRequest", 3)] }],
    output: null,
  },
  {
    name: "Nuxt server route: readBody(event) into a database call (h3Event)",
    code: dedent`
      export default defineEventHandler(async (event) => {
        const body = await readBody(event);
        await db.item.create({ data: { name: body.name } });
        return { ok: true };
      });
    `,
    filename: "server/api/items.post.js",
    findings: [{ case: "h3Event", line: 2, column: 22, endColumn: 37, suggestions: [mark("h3Event", 2)] }],
    output: null,
  },
  {
    name: "Firebase callable: request.data into Firestore (firebaseCallable)",
    code: dedent`
      const { onCall } = require("firebase-functions/v2/https");
      exports.addItem = onCall(async (request) => {
        await db.collection("items").add({ name: request.data.name });
      });
    `,
    filename: "functions/index.js",
    findings: [{ case: "firebaseCallable", line: 3, column: 44, endColumn: 56, suggestions: [mark("firebaseCallable", 3)] }],
    output: null,
  },
  {
    name: "TanStack Start server function: identity inputValidator, data's id into a delete (tanstackServerFn)",
    code: dedent`
      import { createServerFn } from "@tanstack/react-start";
      export const removeItem = createServerFn({ method: "POST" })
        .inputValidator((data) => data)
        .handler(async ({ data }) => db.item.delete({ where: { id: data.id } }));
    `,
    filename: "src/lib/items.ts",
    findings: [{ case: "tanstackServerFn", line: 3, column: 20, endColumn: 24, suggestions: [mark("tanstackServerFn", 3)] }],
    output: null,
  },
];

new RuleTester().run(rule, { valid, invalid: invalid.map(resolveMarks) });

/** Just enough of each framework's types for the fix outputs to be checked against the handlers' use. */
const AMBIENT = `
declare module "express" {
  export interface Request { body: any; query: any; params: any; headers: Record<string, string | undefined>; user: any; session: any; rawBody: any }
  export interface Response { redirect(url: string): void; status(code: number): Response; json(body: unknown): Response; send(body?: unknown): Response; end(): void; sendStatus(code: number): Response; sendFile(p: string): void }
  type Handler = (req: Request, res: Response, next: () => void) => unknown;
  interface Router { get(path: string, ...h: unknown[]): void; post(path: string, ...h: unknown[]): void; put(path: string, ...h: unknown[]): void; patch(path: string, ...h: unknown[]): void; delete(path: string, ...h: unknown[]): void }
  interface Routes { get(path: string, ...h: Handler[]): void; post(path: string, ...h: Handler[]): void; put(path: string, ...h: Handler[]): void; patch(path: string, ...h: Handler[]): void; delete(path: string, ...h: Handler[]): void }
  function express(): Routes;
  export default express;
}
declare module "express-validator" { export function body(field: string): { isEmail(): (req: unknown, res: unknown, next: () => void) => void } }
declare module "@koa/router" {
  interface Ctx { request: { body: any; query: any; files: any; params: any }; params: any; query: any; status: number; body: unknown }
  type H = (ctx: Ctx) => unknown;
  export default class Router {
    constructor(opts?: { prefix?: string });
    get(path: string, h: H): void;
    get(path: string, mw: unknown, h: H): void;
    post(path: string, h: H): void;
  }
}
declare module "fastify" {
  interface Req { body: unknown; query: unknown; params: unknown }
  interface Reply { code(n: number): Reply; send(b?: unknown): Reply }
  type H = (request: Req, reply: Reply) => unknown;
  interface App { post(path: string, h: H): void; post(path: string, opts: object, h: H): void }
  export default function Fastify(): App;
}
declare module "hono" {
  interface Context { env: any; req: { json(): Promise<any>; param(k: string): string; query(k?: string): any }; json(b: unknown, status?: number): Response; body(b: null, status: number): Response }
  type H = (c: Context) => unknown;
  export class Hono { post(path: string, h: H): void; get(path: string, h: H): void; delete(path: string, h: H): void }
}
declare module "next" {
  export interface NextApiRequest { body: any; query: Partial<Record<string, string | string[]>> }
  export interface NextApiResponse { status(n: number): NextApiResponse; json(b: unknown): void }
}
declare module "next/server" { export const NextResponse: { json(body: unknown, init?: { status?: number }): Response } }
declare module "aws-lambda" {
  export interface APIGatewayProxyEvent { body: string | null; pathParameters: Record<string, string | undefined> | null }
  export interface SQSEvent { Records: Array<{ body: string }> }
}
declare module "socket.io" {
  interface Socket { on(ev: string, fn: (...args: any[]) => unknown): void }
  export class Server { on(ev: "connection", fn: (socket: Socket) => void): void }
}
declare module "ws" {
  interface WS { on(ev: "message", fn: (data: { toString(): string }) => unknown): void }
  export class WebSocketServer { constructor(o: object); on(ev: "connection", fn: (ws: WS) => void): void }
}
declare module "electron" { export const ipcMain: { handle(ch: string, fn: (e: unknown, ...args: any[]) => unknown): void } }
declare module "axios" { const axios: { get<T = any>(u: string): Promise<{ data: T }>; create(config?: object): { get<T = any>(u: string): Promise<{ data: T }> } }; export default axios; }
declare module "celebrate" { export const celebrate: (o: object) => (req: unknown, res: unknown, next: () => void) => void; export const Joi: any; export const Segments: { BODY: "body"; PARAMS: "params"; QUERY: "query" } }
declare class ProjectService { findById(id: string): Promise<unknown> }
declare const client: any, Order: any;
declare const nc: { subscribe(subject: string): AsyncIterable<{ data: Uint8Array }> };
declare const sc: { decode(b: Uint8Array): string };
declare const subscriber: { subscribe(channel: string, fn: (message: string) => unknown): void };
// Usage inference cannot see a typed parameter in another module; the value stays z.unknown().
declare const cache: { del(keys: unknown): Promise<void> };
declare module "@nestjs/common" { export const Body: any, Controller: any, Get: any, Param: any, Post: any, Query: any; export class BadRequestException { constructor(response?: unknown) } }
declare class CatsService { create(cat: { name: string }): Promise<unknown> }
declare class CatsRepository { findOne(o: { where: { slug: string } }): Promise<unknown> }
declare module "yaml" { const yaml: { parse(s: string): any }; export default yaml; }
declare module "mongoose" { const mongoose: any; export default mongoose; }
declare const chrome: { runtime: { onMessage: { addListener(fn: (msg: any, sender: unknown, sendResponse: (r?: unknown) => void) => void): void } } };
declare const db: any, User: any, Item: any, Game: any, auth: any, FileDao: any, captchaRedis: any, ddb: any, mailer: any, labels: any, store: any;
declare let settings: any;
declare const consumer: { run(o: { eachMessage(p: { message: { value: { toString(): string } } }): Promise<void> }): void };
declare const channel: { consume(queue: string, fn: (msg: { content: { toString(): string } }) => unknown): void };
declare const greet: any, applyTheme: any, server: any, run: any, NoteSchema: any, Q: any, verifySignature: any;
declare const __dirname: string;
declare module "npm:zod" { export * from "zod"; }
declare module "npm:zod@3" { export * from "zod/v3"; }
declare module "https://deno.land/std@0.168.0/http/server.ts" { export function serve(h: (req: Request) => Response | Promise<Response>): void }
declare const Deno: { serve(h: (req: Request) => Response | Promise<Response>): void };
declare const Bun: { serve(o: { fetch(req: Request): Response | Promise<Response> }): void };
declare const supabase: any, kv: any, Product: any, pick: any, connect: any;
declare module "@/middleware/validate" { export function validate(schema: unknown): (req: unknown, res: unknown, next: () => void) => void }
declare module "@/schemas" { export const CreateNote: unknown }
declare module "@/lib/localDb" { export function getUsage(o: { provider?: string; model?: string }): Promise<unknown> }
declare module "@/models/collection" { export default class Collection { static findAllCollections(o: { owner: string; search?: string }): Promise<unknown> } }
declare module "@/services/authorization" { export function resolvePermissions(userId: string, teamId: string): Promise<unknown> }
declare module "db/index" { export function getKeyById(id: string): Promise<unknown> }
declare module "@/lib/clients" { export function createClient(orgId: string, data: { name: string; email: string }): Promise<void> }
`;

/**
 * Decorators removed, so NestJS outputs type-check without `experimentalDecorators` (which the
 * shared type-check project does not enable); the schema is still checked against the method's use.
 */
function withoutDecorators(code: string): string {
  const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true);
  const ranges: Array<[number, number]> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isDecorator(n)) ranges.push([n.getStart(sf), n.getEnd()]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = code;
  for (const [a, b] of ranges.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + out.slice(b);
  return out;
}

describe("unvalidated-boundary: fix outputs type-check against the handlers' use", function () {
  this.timeout(120000);
  // Every TypeScript Zod suggestion of the table above, in one strict project with zod installed.
  const checked = invalid
    .filter((c) => !/\.jsx?$/.test(c.filename ?? ""))
    .flatMap((c) => c.findings.flatMap((f) => (f.suggestions ?? []).filter((x) => x.title.startsWith("Validate")).map((x) => ({ c, output: x.output }))));
  const files = (rewrite: (out: string) => string) => {
    const out: Record<string, string> = {};
    checked.forEach(({ c, output }, i) => {
      out[`out${i}.ts`] = rewrite(c.code.includes("@nestjs/common") ? withoutDecorators(output) : output);
    });
    out["types.ts"] = "export interface NewOrder {\n  sku: string;\n  qty: number;\n  note?: string | null;\n}\n";
    return out;
  };
  const named = (diagnostics: string[]) => diagnostics.map((d) => d.replace(/^out(\d+)\.ts/, (_, i: string) => `[${checked[Number(i)]!.c.name}]`));

  it(`type-checks ${checked.length} fix outputs with zod 4`, () => {
    assert.ok(checked.length > 30);
    assert.deepEqual(named(typecheck(files((o) => o), { ambient: AMBIENT })), []);
  });

  it("type-checks the same outputs with zod 3 (the form works with both majors)", () => {
    assert.deepEqual(named(typecheck(files((o) => o.replace(/from "zod"/g, 'from "zod/v3"').replace(/require\("zod"\)/g, 'require("zod/v3")')), { ambient: AMBIENT })), []);
  });
});
