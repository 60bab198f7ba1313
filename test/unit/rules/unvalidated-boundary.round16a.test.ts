import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on the retired held round 15 (issue 11): hand-written analogues, not the
// repositories' code. Each class has its valid rows (the checked forms) and its invalid rows.

const NEST_PACKAGE = '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }';

// A controller whose DTOs live in their own modules (the Nest CLI layout).
const ORDERS_CONTROLLER = dedent`
  import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from "@nestjs/common";
  import { OrdersService } from "./orders.service";
  import { CreateOrderDto } from "./dto/create-order.dto";
  import { UpdateOrderDto } from "./dto/update-order.dto";
  @Controller("orders")
  export class OrdersController {
    constructor(private readonly orders: OrdersService) {}
    @Post()
    create(@Body() dto: CreateOrderDto) {
      return this.orders.create(dto);
    }
    @Patch(":id")
    update(@Param("id", ParseUUIDPipe) id: string, @Body() dto: UpdateOrderDto) {
      return this.orders.update(id, dto);
    }
  }
`;

const ORDERS_SERVICE = dedent`
  export class OrdersService {
    constructor(private readonly repo: Repository<Order>) {}
    create(dto) {
      return this.repo.save(this.repo.create(dto));
    }
    update(id: string, dto) {
      return this.repo.update(id, dto);
    }
  }
`;

const PLAIN_CREATE = dedent`
  export class CreateOrderDto {
    customerId: string;
    quantity: number;
    note?: string;
  }
`;

const DECORATED_CREATE = dedent`
  import { IsInt, IsOptional, IsString, Min } from "class-validator";
  export class CreateOrderDto {
    @IsString()
    customerId: string;
    @IsInt()
    @Min(1)
    quantity: number;
    @IsOptional()
    @IsString()
    note?: string;
  }
`;

const PARTIAL_UPDATE = (pkg: string) => dedent`
  import { PartialType } from "${pkg}";
  import { CreateOrderDto } from "./create-order.dto";
  export class UpdateOrderDto extends PartialType(CreateOrderDto) {}
`;

const ordersFiles = (create: string, update = PARTIAL_UPDATE("@nestjs/mapped-types")): Record<string, string> => ({
  "package.json": NEST_PACKAGE,
  "src/orders/orders.service.ts": ORDERS_SERVICE,
  "src/orders/dto/create-order.dto.ts": create,
  "src/orders/dto/update-order.dto.ts": update,
});

// A DTO extending a base class of another module (a shared pagination or audit base).
const EXTENDS_CONTROLLER = dedent`
  import { Body, Controller, Post } from "@nestjs/common";
  import { NotesService } from "./notes.service";
  import { CreateNoteDto } from "./create-note.dto";
  @Controller("notes")
  export class NotesController {
    constructor(private readonly notes: NotesService) {}
    @Post()
    create(@Body() dto: CreateNoteDto) {
      return this.notes.create(dto);
    }
  }
`;

const notesFiles = (dto: string, base: string): Record<string, string> => ({
  "package.json": NEST_PACKAGE,
  "src/notes/notes.service.ts": dedent`
    export class NotesService {
      constructor(private readonly repo: Repository<Note>) {}
      create(dto) {
        return this.repo.save(dto);
      }
    }
  `,
  "src/notes/create-note.dto.ts": dto,
  "src/notes/base.dto.ts": base,
});

const NOTE_DTO = dedent`
  import { BaseDto as Base } from "./base.dto";
  export class CreateNoteDto extends Base {
    text: string;
  }
`;

// JSON.parse of what an AWS SDK v3 call answered: a model's output, an S3 object written by another service.
const BEDROCK_EMBED = dedent`
  import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
  const client = new BedrockRuntimeClient({});
  export async function embed(text: string): Promise<number[]> {
    const response = await client.send(new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify({ inputText: text }) }));
    const out = JSON.parse(new TextDecoder().decode(response.body)) as { embedding: number[] };
    if (!out.embedding) throw new Error("no embedding");
    return out.embedding;
  }
`;

const S3_ITEMS = dedent`
  import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
  const s3 = new S3Client({});
  export async function importItems(key: string) {
    const command = new GetObjectCommand({ Bucket: BUCKET, Key: key });
    const res = await s3.send(command);
    const items = JSON.parse(await res.Body!.transformToString());
    for (const item of items) await index.upsert({ id: item.id, values: item.vector });
  }
`;

const LAMBDA_INVOKE = dedent`
  const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
  const lambda = new LambdaClient({});
  async function price(order) {
    const result = await lambda.send(new InvokeCommand({ FunctionName: "pricing", Payload: JSON.stringify(order) }));
    const quote = JSON.parse(Buffer.from(result.Payload).toString());
    return db.quotes.insert({ orderId: order.id, total: quote.total });
  }
`;

// A route param coerced (`Number()` alone: NaN goes on) or raw, used as a drizzle-orm filter.
const HONO_DRIZZLE = dedent`
  import { Hono } from "hono";
  import { and, eq } from "drizzle-orm";
  const app = new Hono();
  app.get("/users/:id", async (c) => {
    const db = drizzle(c.env.DB);
    const id = Number(c.req.param("id"));
    const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return c.json(user);
  });
  app.delete("/teams/:team/pins/:pin", async (c) => {
    const db = drizzle(c.env.DB);
    await db.delete(pins).where(and(eq(pins.teamId, c.req.param("team")), eq(pins.id, parseInt(c.req.param("pin")))));
    return c.body(null, 204);
  });
`;

const EXPRESS_DRIZZLE = dedent`
  import express from "express";
  import { eq as equals, ilike } from "drizzle-orm";
  const app = express();
  app.get("/projects/:id", async (req, res) => {
    const project = await db.query.projects.findFirst({ where: equals(projects.id, Number(req.params.id)) });
    res.json(project);
  });
  app.get("/tags", async (req, res) => {
    res.json(await db.select().from(tags).where(ilike(tags.name, req.query.q)));
  });
`;

// A decoded param as a storage object key; fs-extra's ensureDir makes a folder, it checks nothing.
const HONO_DECODED_KEY = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.get("/images/:key", async (c) => {
    const key = decodeURIComponent(c.req.param("key"));
    const { data } = await supabase.storage.from("images").download(key);
    return new Response(data);
  });
`;

const ENSURE_DIR = dedent`
  import express from "express";
  import { ensureDir, writeFile } from "fs-extra";
  const app = express();
  app.put("/notes/:folder", async (req, res) => {
    const dir = "notes/" + req.params.folder;
    await ensureDir(dir);
    await writeFile(dir + "/note.txt", "…");
    res.sendStatus(204);
  });
`;

// The project's storage object (the `IStorage` of many templates, a repository, a DAO) from a path alias.
const STORAGE_ROUTES = dedent`
  import express from "express";
  import { storage } from "@/server/storage";
  const app = express();
  app.get("/orders/:id", async (req, res) => {
    const { id } = req.params;
    if (!id) return res.status(400).json({ message: "id required" });
    res.json(await storage.getOrder(id));
  });
`;

const KOA_DAO = dedent`
  import Router from "@koa/router";
  const router = new Router();
  class TaskController {
    constructor(private readonly taskDao: TaskDao) {}
    async remove(ctx) {
      await this.taskDao.deleteTask(ctx.params.id);
      ctx.status = 204;
    }
  }
  router.delete("/tasks/:id", (ctx) => controller.remove(ctx));
`;

// A same-module retry wrapper around fetch, under a name of its own.
const RETRY_WRAPPER = dedent`
  async function buscarComRetry(url: string): Promise<Response> {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url);
      if (response.status !== 429) return response;
      await new Promise((r) => setTimeout(r, 2 ** i * 1000));
    }
    throw new Error("rate limited");
  }
  export async function lookupCompany(taxId: string) {
    const response = await buscarComRetry(\`https://registry.example.com/companies/\${taxId}\`);
    if (!response.ok) throw new Error(\`registry answered \${response.status}\`);
    const data = await response.json();
    return { name: data.legal_name, phone: data.phone.replace(/\\D/g, "") };
  }
`;

// A Supabase Edge Function whose serve() is a stub the module declares where the std import was.
const EDGE_STUB = dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
  serve(async (req) => {
    const { action, ...data } = await req.json();
    if (action === "updateProduct") {
      await supabase.from("products").update(data.product).eq("id", data.productId);
    }
    return new Response("ok");
  });
  function serve(handler: (req: Request) => Promise<Response>) {
    throw new Error("Function not implemented.");
  }
`;

// A query value put in an object the handler fills in either branch, read back as a filter.
const HELD_IN_LET = dedent`
  Deno.serve(async (req: Request) => {
    let lookup: { transactionId: string; action: string };
    if (req.method === "GET") {
      const url = new URL(req.url);
      const transactionId = url.searchParams.get("transactionId");
      if (!transactionId) return new Response("missing", { status: 400 });
      lookup = { transactionId, action: "check" };
    } else {
      lookup = { transactionId: "latest", action: "check" };
    }
    const { data } = await supabase.from("orders").select("*").eq("id", lookup.transactionId).single();
    return Response.json(data);
  });
`;

const HELD_FILTER = dedent`
  import express from "express";
  const app = express();
  app.get("/orders", async (req, res) => {
    let filter = {};
    if (req.query.status) filter = { status: req.query.status };
    res.json(await Order.find(filter));
  });
`;

// A DTO documented for Swagger (or reshaped by class-transformer) but checked by nothing.
const SWAGGER_DTO = dedent`
  import { ApiProperty, ApiPropertyOptional } from "@nestjs/swagger";
  import { Type } from "class-transformer";
  export class CreateInvoiceDto {
    @ApiProperty()
    customerId: string;
    @ApiPropertyOptional()
    @Type(() => Number)
    amount?: number;
  }
`;

const INVOICES_CONTROLLER = dedent`
  import { Body, Controller, Post } from "@nestjs/common";
  import { CreateInvoiceDto } from "./create-invoice.dto";
  @Controller("invoices")
  export class InvoicesController {
    constructor(private readonly invoices: InvoicesService) {}
    @Post()
    create(@Body() dto: CreateInvoiceDto) {
      return this.invoices.create(dto);
    }
  }
`;

const invoiceFiles = (dto: string): Record<string, string> => ({
  "package.json": NEST_PACKAGE,
  "src/invoices/create-invoice.dto.ts": dto,
});

// AWS SDK v2: the same answers through `.promise()`.
const S3_V2 = dedent`
  const AWS = require("aws-sdk");
  const s3 = new AWS.S3();
  exports.handler = async (event) => {
    const object = await s3.getObject({ Bucket: BUCKET, Key: "settings.json" }).promise();
    const settings = JSON.parse(object.Body.toString("utf-8"));
    await table.put({ Item: { id: settings.tenantId, plan: settings.plan } }).promise();
  };
`;

// The request's own URL path read whole, joined into a file path: '..' segments walk out of the folder.
const HTTP_STATIC = dedent`
    const http = require("node:http");
    const fs = require("node:fs");
    const path = require("node:path");
    http.createServer((req, res) => {
      if (req.url === "/health") return res.end("ok");
      fs.createReadStream(path.join(__dirname, "public", req.url === "/" ? "index.html" : req.url)).pipe(res);
    }).listen(3000);
  `;

const EXPRESS_STATIC = dedent`
    import express from "express";
    import path from "node:path";
    const app = express();
    app.get("*", (req, res) => {
      console.log(req.path);
      res.sendFile(path.join(__dirname, "public", req.path));
    });
  `;

const LEGACY_PATHNAME = dedent`
    const http = require("node:http");
    const url = require("node:url");
    const fs = require("node:fs");
    http.createServer((req, res) => {
      const parsed = url.parse(req.url);
      fs.readFile("static" + parsed.pathname, (err, data) => res.end(data));
    }).listen(3000);
  `;

const valid: ValidCase[] = [
  {
    name: "nest: a DTO module whose class has class-validator decorators, and a PartialType of it",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(DECORATED_CREATE),
  },
  {
    name: "nest: the swagger PartialType of a decorated class",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(DECORATED_CREATE, PARTIAL_UPDATE("@nestjs/swagger")),
  },
  {
    name: "nest: a DTO from a path alias or a package is not seen, so it is trusted",
    code: ORDERS_CONTROLLER.replace('"./dto/create-order.dto"', '"src/orders/dto/create-order.dto"').replace('"./dto/update-order.dto"', '"@app/contracts"'),
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(PLAIN_CREATE),
  },
  {
    name: "nest: an undecorated DTO that extends a decorated base class (renamed at the import)",
    code: EXTENDS_CONTROLLER,
    filename: "src/notes/notes.controller.ts",
    files: notesFiles(NOTE_DTO, dedent`
      import { IsUUID } from "class-validator";
      export class BaseDto {
        @IsUUID()
        authorId: string;
      }
    `),
  },
  {
    name: "nest: an undecorated DTO that extends a class of a package (unseen) is trusted",
    code: EXTENDS_CONTROLLER,
    filename: "src/notes/notes.controller.ts",
    files: notesFiles(NOTE_DTO.replace('"./base.dto"', '"@shared/dto"'), "export {};"),
  },
  {
    name: "aws sdk: a model's output parsed with a schema",
    code: BEDROCK_EMBED.replace("JSON.parse(new TextDecoder().decode(response.body)) as { embedding: number[] }", "EmbeddingSchema.parse(JSON.parse(new TextDecoder().decode(response.body)))"),
  },
  {
    name: "aws sdk: send() of something that is not an SDK command (a queue client, an Express response) is not an SDK answer",
    code: dedent`
      export async function relay(payload: string) {
        const response = await queue.send(payload);
        const out = JSON.parse(response.body);
        return out.id;
      }
      export function reply(res, value) {
        const sent = res.send(value);
        return JSON.parse(sent.body).ok;
      }
    `,
  },
  {
    name: "drizzle: a route param coerced and checked before the filter",
    code: dedent`
      import { Hono } from "hono";
      import { eq } from "drizzle-orm";
      const app = new Hono();
      app.get("/users/:id", async (c) => {
        const id = Number(c.req.param("id"));
        if (!Number.isInteger(id) || id < 1) return c.json({ error: "bad id" }, 400);
        const [user] = await db.select().from(users).where(eq(users.id, id));
        return c.json(user);
      });
    `,
  },
  {
    name: "drizzle: an eq that is not drizzle-orm's, and a filter on the session's user",
    code: dedent`
      import { Hono } from "hono";
      import { eq } from "lodash";
      import { eq as same } from "drizzle-orm";
      const app = new Hono();
      app.get("/me/:tab", async (c) => {
        const tab = c.req.param("tab");
        const home = eq(tab, "home");
        const [me] = await db.select().from(users).where(same(users.id, c.get("userId")));
        return c.json({ me, home });
      });
    `,
  },
  {
    name: "decoded key: checked with a pattern before the storage read",
    code: HONO_DECODED_KEY.replace("  const { data }", '  if (!/^[\\w-]+\\.jpg$/.test(key)) return c.text("bad key", 400);\n  const { data }'),
  },
  {
    name: "storage object: the id checked with a pattern first; another client's method named like a read is not a store; a query value stored as one column of a record is no key",
    code: dedent`
      import express from "express";
      import { storage } from "@/server/storage";
      const app = express();
      app.get("/orders/:id", async (req, res) => {
        const { id } = req.params;
        if (!/^[0-9a-f-]{36}$/.test(id)) return res.status(400).json({ message: "bad id" });
        res.json(await storage.getOrder(id));
      });
      app.get("/customers/:id", async (req, res) => {
        res.json(await billingClient.getCustomer(req.params.id));
      });
      app.get("/search", async (req, res) => {
        await storage.saveSearch({ term: String(req.query.q ?? ""), at: Date.now() });
        res.sendStatus(204);
      });
    `,
  },
  {
    name: "fetch wrapper: one that may answer from its cache is not a plain response",
    code: dedent`
      const cache = new Map<string, string>();
      async function cachedFetch(url: string): Promise<Response> {
        const hit = cache.get(url);
        if (hit) return new Response(hit);
        return fetch(url);
      }
      export async function lookup(id: string) {
        const data = await (await cachedFetch(\`https://api.example.com/items/\${id}\`)).json();
        return { name: data.name };
      }
    `,
  },
  {
    name: "serve stub: outside a Supabase functions folder a local serve() is the module's own",
    code: EDGE_STUB,
    filename: "scripts/admin.ts",
  },
  {
    name: "held object: the key read back is checked before the filter; another key is not the input",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const url = new URL(req.url);
        const lookup = { id: url.searchParams.get("id"), source: "web" };
        if (!isUuid(lookup.id)) return new Response("bad id", { status: 400 });
        const { data } = await supabase.from("orders").select("*").eq("id", lookup.id).eq("source", lookup.source);
        return Response.json(data);
      });
    `,
  },
  {
    name: "nest: a Swagger-documented DTO whose fields are also checked by class-validator",
    code: INVOICES_CONTROLLER,
    filename: "src/invoices/invoices.controller.ts",
    files: invoiceFiles(SWAGGER_DTO.replace("  @ApiProperty()\n  customerId", "  @ApiProperty()\n  @IsUUID()\n  customerId").replace('import { Type } from "class-transformer";', 'import { Type } from "class-transformer";\nimport { IsUUID } from "class-validator";')),
  },
  {
    name: "aws sdk v2: a .promise() of a call that is no read of a body",
    code: dedent`
      exports.handler = async () => {
        const sent = await sqs.sendMessage({ QueueUrl: QUEUE, MessageBody: "{}" }).promise();
        const echo = JSON.parse(sent.Body);
        return echo.id;
      };
    `,
  },
  {
    name: "url path: a path resolved from the request's path whose containment is tested before use",
    code: dedent`
    import express from "express";
    import path from "node:path";
    const app = express();
    const ROOT = path.resolve("public");
    app.get("*", (req, res) => {
      const file = path.resolve(ROOT, "." + req.path);
      if (!file.startsWith(ROOT + path.sep)) return res.sendStatus(403);
      res.sendFile(file);
    });
  `,
  },
  {
    name: "url path: sendFile with a root option refuses paths that leave it (a route param too)",
    code: dedent`
    import express from "express";
    const app = express();
    app.get("/files/:name", (req, res) => {
      res.sendFile(req.params.name, { root: "uploads" });
    });
  `,
  },
  {
    name: "url path: a guard against dot segments on the request's path, or a normalize that strips them",
    code: dedent`
      const http = require("node:http");
      const fs = require("node:fs");
      const path = require("node:path");
      http.createServer((req, res) => {
        if (req.url.includes("..")) return res.writeHead(400).end();
        fs.createReadStream(path.join(__dirname, "public", req.url)).pipe(res);
      }).listen(3000);
      http.createServer((req, res) => {
        const safe = path.normalize(req.url).replace(/^(\\.\\.[\\/\\\\])+/, "");
        fs.createReadStream(path.join(__dirname, "public", safe)).pipe(res);
      }).listen(3001);
    `,
  },
  {
    name: "url path: the WHATWG URL's pathname has its dot segments removed",
    code: dedent`
    Deno.serve(async (req: Request) => {
      const { pathname } = new URL(req.url);
      return new Response(await Deno.readFile("./dist" + pathname));
    });
  `,
  },
  {
    name: "url path: the request's URL only routes, keys a cache or is forwarded: no file path",
    code: dedent`
    const http = require("node:http");
    http.createServer(async (req, res) => {
      if (req.url.startsWith("/api")) return proxy(req, res);
      const cached = await cache.get(req.url);
      res.end(cached ?? await fetch(BACKEND + req.url).then((r) => r.text()));
    }).listen(3000);
  `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "nest: a DTO module whose class has no decorators: ValidationPipe checks nothing (and a PartialType of it)",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(PLAIN_CREATE),
    findings: [
      { case: "nestDecorator", line: 9, column: 10, endColumn: 17, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", 9)] },
      { case: "nestDecorator", line: 13, column: 50, endColumn: 57, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", 13)] },
    ],
    output: null,
  },
  {
    name: "nest: a decorated create DTO, but the update DTO is its own class without decorators",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(DECORATED_CREATE, dedent`
      export class UpdateOrderDto {
        quantity?: number;
        note?: string;
      }
    `),
    findings: [{ case: "nestDecorator", line: 13, column: 50, endColumn: 57, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", 13)] }],
    output: null,
  },
  {
    name: "nest: an undecorated DTO that extends an undecorated base class of the project",
    code: EXTENDS_CONTROLLER,
    filename: "src/notes/notes.controller.ts",
    files: notesFiles(NOTE_DTO, dedent`
      export class BaseDto {
        authorId: string;
      }
    `),
    findings: [{ case: "nestDecorator", line: 8, column: 10, endColumn: 17, suggestions: [mark(EXTENDS_CONTROLLER, "nestDecorator", 8)] }],
    output: null,
  },
  {
    name: "aws sdk: JSON.parse of a Bedrock InvokeModel body, only truthiness-tested and returned",
    code: BEDROCK_EMBED,
    findings: [{ case: "jsonParseExternal", line: 5, column: 15, endColumn: 66, suggestions: [{ title: "Validate JSON.parse(new TextDecoder().decode(res… with Zod (adds the zod dependency)", output: dedent`
        import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
        import { z } from "zod";
        const client = new BedrockRuntimeClient({});
        const EmbedData = z.object({ embedding: z.array(z.number()).optional() });

        export async function embed(text: string): Promise<number[]> {
          const response = await client.send(new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify({ inputText: text }) }));
          const out = EmbedData.parse(JSON.parse(new TextDecoder().decode(response.body))) as { embedding: number[] };
          if (!out.embedding) throw new Error("no embedding");
          return out.embedding;
        }
      ` }, mark(BEDROCK_EMBED, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "aws sdk: JSON.parse of an S3 object read through a command held in a const",
    code: S3_ITEMS,
    findings: [{ case: "jsonParseExternal", line: 6, column: 17, endColumn: 64, suggestions: [mark(S3_ITEMS, "jsonParseExternal", 6)] }],
    output: null,
  },
  {
    name: "aws sdk: JSON.parse of a Lambda Invoke Payload stored in the database",
    code: LAMBDA_INVOKE,
    findings: [{ case: "jsonParseExternal", line: 5, column: 17, endColumn: 67, suggestions: [mark(LAMBDA_INVOKE, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "drizzle: Hono params, Number() alone and raw, as select and delete filters (also inside and())",
    code: HONO_DRIZZLE,
    findings: [
      { case: "honoRequest", line: 6, column: 21, endColumn: 38, suggestions: [mark(HONO_DRIZZLE, "honoRequest", 6)] },
      { case: "honoRequest", line: 12, column: 51, endColumn: 70, suggestions: [mark(HONO_DRIZZLE, "honoRequest", 12)] },
      { case: "honoRequest", line: 12, column: 94, endColumn: 112, suggestions: [mark(HONO_DRIZZLE, "honoRequest", 12)] },
    ],
    output: null,
  },
  {
    name: "drizzle: Express params and query through a renamed eq and ilike",
    code: EXPRESS_DRIZZLE,
    findings: [
      { case: "expressParams", line: 5, column: 89, endColumn: 99, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { eq as equals, ilike } from "drizzle-orm";
          import { z } from "zod";
          const app = express();
          const GetProjectsParams = z.object({ id: z.string().optional() });

          app.get("/projects/:id", async (req, res) => {
            const parsed = GetProjectsParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const project = await db.query.projects.findFirst({ where: equals(projects.id, Number(parsed.data.id)) });
            res.json(project);
          });
          app.get("/tags", async (req, res) => {
            res.json(await db.select().from(tags).where(ilike(tags.name, req.query.q)));
          });
        ` }, mark(EXPRESS_DRIZZLE, "expressParams", 5)] },
      { case: "expressQuery", line: 9, column: 64, endColumn: 73, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { eq as equals, ilike } from "drizzle-orm";
          import { z } from "zod";
          const app = express();
          app.get("/projects/:id", async (req, res) => {
            const project = await db.query.projects.findFirst({ where: equals(projects.id, Number(req.params.id)) });
            res.json(project);
          });
          const GetTagsQuery = z.object({ q: z.string() });

          app.get("/tags", async (req, res) => {
            const parsed = GetTagsQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            res.json(await db.select().from(tags).where(ilike(tags.name, parsed.data.q)));
          });
        ` }, mark(EXPRESS_DRIZZLE, "expressQuery", 9)] },
    ],
    output: null,
  },
  {
    name: "decoded key: decodeURIComponent is no validator; the key reads any object of the bucket",
    code: HONO_DECODED_KEY,
    findings: [{ case: "honoRequest", line: 4, column: 34, endColumn: 52, suggestions: [mark(HONO_DECODED_KEY, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "fs-extra: ensureDir is no validator; the folder from the route goes on to writeFile",
    code: ENSURE_DIR,
    findings: [{ case: "expressParams", line: 5, column: 26, endColumn: 36, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
        import express from "express";
        import { ensureDir, writeFile } from "fs-extra";
        import { z } from "zod";
        const app = express();
        const PutNotesParams = z.object({ folder: z.string() });

        app.put("/notes/:folder", async (req, res) => {
          const parsed = PutNotesParams.safeParse(req.params);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          const dir = "notes/" + parsed.data.folder;
          await ensureDir(dir);
          await writeFile(dir + "/note.txt", "…");
          res.sendStatus(204);
        });
      ` }, mark(ENSURE_DIR, "expressParams", 5)] }],
    output: null,
  },
  {
    name: "storage object: a route param only truthiness-tested, used as the key of storage.getOrder",
    code: STORAGE_ROUTES,
    findings: [{ case: "expressParams", line: 5, column: 18, endColumn: 28, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
        import express from "express";
        import { storage } from "@/server/storage";
        import { z } from "zod";
        const app = express();
        const GetOrdersParams = z.object({ id: z.string().optional() });

        app.get("/orders/:id", async (req, res) => {
          const parsed = GetOrdersParams.safeParse(req.params);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          const { id } = parsed.data;
          if (!id) return res.status(400).json({ message: "id required" });
          res.json(await storage.getOrder(id));
        });
      ` }, mark(STORAGE_ROUTES, "expressParams", 5)] }],
    output: null,
  },
  {
    name: "storage object: an injected DAO's method named for stored data",
    code: KOA_DAO,
    findings: [{ case: "koaRequest", line: 6, column: 35, endColumn: 45, suggestions: [{ title: "Validate ctx.params with Zod (adds the zod dependency)", output: dedent`
        import Router from "@koa/router";
        import { z } from "zod";
        const router = new Router();
        const RemoveParams = z.object({ id: z.string() });

        class TaskController {
          constructor(private readonly taskDao: TaskDao) {}
          async remove(ctx) {
            const parsed = RemoveParams.safeParse(ctx.params);
            if (!parsed.success) {
              ctx.status = 400;
              ctx.body = { error: parsed.error.issues };
              return;
            }
            await this.taskDao.deleteTask(parsed.data.id);
            ctx.status = 204;
          }
        }
        router.delete("/tasks/:id", (ctx) => controller.remove(ctx));
      ` }, mark(KOA_DAO, "koaRequest", 6)] }],
    output: null,
  },
  {
    name: "fetch wrapper: the body of what a same-module retry wrapper returned, read into the result",
    code: RETRY_WRAPPER,
    findings: [{ case: "fetchJson", line: 12, column: 22, endColumn: 37, suggestions: [mark(RETRY_WRAPPER, "fetchJson", 12)] }],
    output: null,
  },
  {
    name: "serve stub: a Supabase Edge Function's handler passed to a serve() the module declares (the rest of the body kept by the schema)",
    code: EDGE_STUB,
    filename: "supabase/functions/admin-operations/index.ts",
    findings: [{ case: "webRequest", line: 4, column: 37, endColumn: 47, suggestions: [{ title: "Validate req.json() with Zod", output: dedent`
        import { createClient } from "@supabase/supabase-js";
        import { z } from "npm:zod";
        const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
        const BodySchema = z.object({ action: z.string() }).passthrough();

        serve(async (req) => {
          const parsed = BodySchema.safeParse(await req.json());
          if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
          const { action, ...data } = parsed.data;
          if (action === "updateProduct") {
            await supabase.from("products").update(data.product).eq("id", data.productId);
          }
          return new Response("ok");
        });
        function serve(handler: (req: Request) => Promise<Response>) {
          throw new Error("Function not implemented.");
        }
      ` }, mark(EDGE_STUB, "webRequest", 4)] }],
    output: null,
  },
  {
    name: "held object: a query value put in an object assigned to a let, read back as an .eq filter",
    code: HELD_IN_LET,
    findings: [{ case: "webRequest", line: 5, column: 27, endColumn: 64, suggestions: [mark(HELD_IN_LET, "webRequest", 5)] }],
    output: null,
  },
  {
    name: "held object: a query value in an object assigned to a let, handed whole to a model query",
    code: HELD_FILTER,
    findings: [{ case: "expressQuery", line: 5, column: 44, endColumn: 53, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
        import express from "express";
        import { z } from "zod";
        const app = express();
        const GetOrdersQuery = z.object({ status: z.string().optional() });

        app.get("/orders", async (req, res) => {
          let filter = {};
          const parsed = GetOrdersQuery.safeParse(req.query);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          if (req.query.status) filter = { status: parsed.data.status };
          res.json(await Order.find(filter));
        });
      ` }, mark(HELD_FILTER, "expressQuery", 5)] }],
    output: null,
  },
  {
    name: "nest: a DTO whose only decorators are Swagger's and class-transformer's: ValidationPipe checks nothing",
    code: INVOICES_CONTROLLER,
    filename: "src/invoices/invoices.controller.ts",
    files: invoiceFiles(SWAGGER_DTO),
    findings: [{ case: "nestDecorator", line: 7, column: 10, endColumn: 17, suggestions: [mark(INVOICES_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "aws sdk v2: JSON.parse of an S3 object read with getObject().promise()",
    code: S3_V2,
    findings: [{ case: "jsonParseExternal", line: 5, column: 20, endColumn: 61, suggestions: [mark(S3_V2, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "url path: node:http req.url joined under public/ and streamed",
    code: HTTP_STATIC,
    findings: [{ case: "webRequest", line: 6, column: 87, endColumn: 94, suggestions: [mark(HTTP_STATIC, "webRequest", 6)] }],
    output: null,
  },
  {
    name: "url path: Express req.path joined under public/ and sent (the log line is no use)",
    code: EXPRESS_STATIC,
    findings: [{ case: "expressParams", line: 6, column: 47, endColumn: 55, suggestions: [mark(EXPRESS_STATIC, "expressParams", 6)] }],
    output: null,
  },
  {
    name: "url path: the pathname of the legacy url.parse keeps dot segments",
    code: LEGACY_PATHNAME,
    findings: [{ case: "webRequest", line: 6, column: 26, endColumn: 41, suggestions: [mark(LEGACY_PATHNAME, "webRequest", 6)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
