import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 33 (retired to tune), session 31, developer ub31. Hand-written rows.

// A joi project: no Zod fix is offered, only the directive.
const HONO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const EXPRESS = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const WORKER = "worker/user-routes.ts";
const ROUTES = "server/routes/users.ts";

// The Cloudflare Workers template's Durable Object entities (Nagorik11/accessguard worker/user-routes.ts:122,
// :188, :241, :289 and InfoSecured/Live-Outage-Dashboard :176, :652, labelled clean by both labellers): the
// route id keys an entity whose `exists()` is tested at once, the miss answered 404. Look-up-first (rounds
// 27, 29, 30): a key of any text names one entry or none, and only a key the store holds gets past.
const ENTITY = (key: string, test: string) => dedent`
  import { Hono } from "hono";
  export function userRoutes(app: Hono<{ Bindings: Env }>) {
    app.put("/api/residents/:id", async (c) => {
      const entity = new ResidentEntity(c.env, ${key});
      ${test}
      const updated = await entity.mutate((s) => ({ ...s, status: "completed" }));
      return ok(c, updated);
    });
  }
`;

// A body handed whole to a write method of an entity the handler made (accessguard :316 `settings.patch(body)`,
// Live-Outage :267 `configEntity.save(body)`, decided findings): stored as sent, like `new Model(body)`.
const ENTITY_WRITE = (make: string, write: string) => dedent`
  import { Hono } from "hono";
  export function userRoutes(app: Hono<{ Bindings: Env }>) {
    app.post("/api/settings", async (c) => {
      const body = await c.req.json<Partial<Settings>>();
      const settings = ${make};
      await settings.${write}(body);
      return ok(c, await settings.getState());
    });
  }
`;

// The body spread into a log line's object (ajithalex2004/TRIPEXL-VER2 routes/auth.ts:141 and :275, reported
// there; the decided labels are at the reads below, :146 and :279): only logged, no use. The input is
// reported at its first read that is used.
const LOGGED = (rest: string) => dedent`
  router.post("/users", async (req, res) => {
    console.log("Received user creation request:", { ...req.body, password: "[REDACTED]" });
    ${rest}
    res.json({ ok: true });
  });
`;

// A client form's text field holding JSON, parsed: a document of its own inside the form, reported at its parse
// (Comprehensive-Training-App documents.ts:107, :108, a multer form; cms-portfolio projects/index.post.ts:68,
// an h3 multipart form; decided findings). The form's plain fields stay the body's input.
const MULTER = (parse: string) => dedent`
  router.post("/import", upload.single("file"), async (req, res) => {
    const { title, categoryIds } = req.body;
    const ids = ${parse};
    await db.insert(documents).values({ title });
    await db.insert(links).values(ids.map((id) => ({ categoryId: id })));
    res.json({ ok: true });
  });
`;
const H3 = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"nuxt\": \"^3.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const MULTIPART = (parse: string) => dedent`
  export default defineEventHandler(async (event) => {
    const form = await readMultipartFormData(event);
    if (!form) throw createError({ statusCode: 400 });
    const categoriesJson = form.find((f) => f.name === "categories")?.data?.toString();
    const ids = categoriesJson ? ${parse} : [];
    await supabase.from("projectCategory").insert(ids.map((id) => ({ category_id: id })));
    return { ok: true };
  });
`;

// A model's text read through optional links with a fallback the code writes as a template (marketing-chat-wizard
// fetch-reddit-posts:423, decided clean): a template is text whatever it holds, like a string literal.
const MODEL = (read: string) => dedent`
  export async function generateComment(prompt: string, productName: string): Promise<string> {
    const response = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    const data = await response.json();
    let comment = ${read} || \`Could not generate a comment for \${productName}\`;
    comment = comment.replace(/"/g, "'");
    return comment;
  }
`;

// The Workers template's client error report (InfoSecured/Live-Outage-Dashboard worker/index.ts:37, decided
// clean): one field of the body held in a local only required, the body otherwise only logged.
const REPORT = (rest: string) => dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/api/client-errors", async (c) => {
    try {
      const e = await c.req.json<ClientErrorReport>();
      if (!e.message) return c.json({ success: false, error: "Missing required fields" }, 400);
      console.error("[CLIENT ERROR]", JSON.stringify(e, null, 2));
      ${rest}
      return c.json({ success: true });
    } catch (error) {
      return c.json({ success: false, error: "Failed to process" }, 500);
    }
  });
`;

// A Fastify handler registered through a route table (SnailTDang/hackaithon-ec server/src/handlers/index.ts:
// `["GET", "/api/contract/:id", getContractHandler]`, each row handed to `fastify.route({ method, url, handler })`,
// decided findings at getContractHandler:7, saveResultsAnalystHandler:7, getAllContractsHandler:31,
// deepseekChatHandler:16): a row holds no schema, so the route has none.
const FASTIFY = (table: string) => ({
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"fastify\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "server/src/handlers/index.ts": table,
});
const TABLE = (row: string) => dedent`
  import type { RouteHandler, HTTPMethods } from "fastify";
  import getContractHandler from "./getContractHandler";
  import { saveResultsHandler } from "./saveResultsHandler";
  export type RouteTuple = [HTTPMethods, string, RouteHandler<any>];
  export const handlers: RouteTuple[] = [
    ${row},
  ];
`;
const GET_CONTRACT = dedent`
  import { FastifyRequest, FastifyReply } from "fastify";
  export default async function getContractHandler(req: FastifyRequest, res: FastifyReply) {
    const contractId = (req.params as { id?: string }).id;
    const contract = await ContractModel.findById(contractId);
    return res.status(200).send({ contract });
  }
`;
const SAVE_RESULTS = dedent`
  import { FastifyRequest, FastifyReply } from "fastify";
  export async function saveResultsHandler(req: FastifyRequest, res: FastifyReply) {
    const { contractId, results } = req.body as { contractId: string; results: unknown };
    await ContractModel.findByIdAndUpdate(contractId, { results });
    return res.status(200).send({ ok: true });
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("honoRequest: the route id keys an entity whose exists() answers 404 first", ENTITY("c.req.param(\"id\")", "if (!(await entity.exists())) return notFound(c, \"Resident not found\");"), WORKER, HONO),
  ok("honoRequest: the same with a log line between and a thrown miss", ENTITY("c.req.param(\"id\")", "console.log(\"deliver\");\n    if (!await entity.exists()) throw new HTTPException(404);"), WORKER, HONO),
  ok("expressBody: the body only spread into a log line's object", LOGGED(""), ROUTES, EXPRESS),
  ok("jsonParseExternal: a multipart part's JSON checked by a schema", MULTIPART("CategoryIdsSchema.parse(JSON.parse(categoriesJson))"), "server/api/projects/index.post.ts", H3),
  ok("honoRequest: a field only required, the body only logged", REPORT(""), "worker/index.ts", HONO),
  ok("honoRequest: the same with fields logged one by one", REPORT("console.log(\"at\", e.url, e.timestamp);"), "worker/index.ts", HONO),
  ok("fastifyRequest: a handler no route table registers stays silent", GET_CONTRACT, "server/src/handlers/getContractHandler/index.ts", FASTIFY(TABLE("[\"POST\", \"/api/contract/save\", saveResultsHandler]"))),
  ok("fastifyRequest: a table row whose path declares no parameter the handler reads", GET_CONTRACT, "server/src/handlers/getContractHandler/index.ts", FASTIFY(TABLE("[\"POST\", \"/api/contract/delete\", getContractHandler]"))),
  ok("fetchJson: model text through optional links before a template fallback", MODEL("data.choices?.[0]?.message?.content"), "src/lib/comments.ts", EXPRESS),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("honoRequest: the entity written with no exists() test", ENTITY("c.req.param(\"id\")", ""), WORKER, HONO, "honoRequest", 4, 46, 63),
  row("honoRequest: exists() tested but the miss goes on", ENTITY("c.req.param(\"id\")", "if (!(await entity.exists())) console.log(\"creating\");"), WORKER, HONO, "honoRequest", 4, 46, 63),
  row("honoRequest: exists() of another entity", ENTITY("c.req.param(\"id\")", "if (!(await other.exists())) return notFound(c);"), WORKER, HONO, "honoRequest", 4, 46, 63),
  row("honoRequest: the body patched into an entity", ENTITY_WRITE("new SettingsEntity(c.env, \"global-settings\")", "patch"), WORKER, HONO, "honoRequest", 4, 24, 55),
  row("honoRequest: the body saved into an entity", ENTITY_WRITE("new ServiceNowConfigEntity(c.env)", "save"), WORKER, HONO, "honoRequest", 4, 24, 55),
  row("jsonParseExternal: a multipart part's JSON parsed and inserted", MULTIPART("JSON.parse(categoriesJson)"), "server/api/projects/index.post.ts", H3, "jsonParseExternal", 5, 32, 58),
  row("fetchJson: model text read through plain links before a template fallback", MODEL("data.choices[0].message.content"), "src/lib/comments.ts", EXPRESS, "fetchJson", 3, 22, 37),
  {
    name: "jsonParseExternal: a multer form's JSON field parsed and inserted, beside the body's own finding",
    code: MULTER("JSON.parse(categoryIds)"),
    filename: ROUTES,
    files: EXPRESS,
    output: null,
    findings: [
      { case: "expressBody", line: 2, column: 34, endColumn: 42, suggestions: [mark(MULTER("JSON.parse(categoryIds)"), "expressBody", 2)] },
      { case: "jsonParseExternal", line: 3, column: 15, endColumn: 38, suggestions: [mark(MULTER("JSON.parse(categoryIds)"), "jsonParseExternal", 3)] },
    ],
  },
  row("honoRequest: the required report also stored", REPORT("await db.insert(reports).values(e);"), "worker/index.ts", HONO, "honoRequest", 5, 21, 52),
  row("honoRequest: the report answered back whole", REPORT("return c.json(e);"), "worker/index.ts", HONO, "honoRequest", 5, 21, 52),
  row("fastifyRequest: a default-exported handler in a route table's row", GET_CONTRACT, "server/src/handlers/getContractHandler/index.ts", FASTIFY(TABLE("[\"GET\", \"/api/contract/:id\", getContractHandler]")), "fastifyRequest", 3, 23, 33),
  row("fastifyRequest: a named handler in a route table's row", SAVE_RESULTS, "server/src/handlers/saveResultsHandler/index.ts", FASTIFY(TABLE("[\"POST\", \"/api/contract/save\", saveResultsHandler]")), "fastifyRequest", 3, 35, 43),
  row("expressBody: logged, then destructured into a create", LOGGED("const { password, ...userData } = req.body;\n  await storage.createUser({ ...userData, password });"), ROUTES, EXPRESS, "expressBody", 3, 37, 45),
];

runWithNamedCases(valid, invalid);
