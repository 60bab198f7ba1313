import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// False-positive classes found on the tune corpus in session 21 (issue 11, held round 20 retired to
// tune): hand-written analogues, not the repositories' code. Each class has its valid and invalid rows.

// A route middleware that ends the request unless the route's id is one of the caller's own teams.
const TEAM_MIDDLEWARE = dedent`
  export async function requireTeamMember(req, res, next) {
    const { teamId } = req.params;
    const team = req.user.teams.find((t) => t.id === teamId);
    if (!team) {
      return res.status(403).json({ error: "not your team" });
    }
    req.team = team;
    next();
  }
`;

const TEAM_ROUTES = dedent`
  import { Router } from "express";
  import { requireTeamMember } from "./guards.js";
  import Board from "../models/Board.js";
  const router = Router();
  router.get("/:teamId/boards", requireTeamMember, async (req, res) => {
    const boards = await Board.find({ teamId: req.params.teamId });
    res.json(boards);
  });
  export default router;
`;

// The same route reading a second parameter the middleware never looks at.
const TEAM_BOARD = dedent`
  import { Router } from "express";
  import { requireTeamMember } from "./guards.js";
  import Board from "../models/Board.js";
  const router = Router();
  router.delete("/:teamId/boards/:boardId", requireTeamMember, async (req, res) => {
    await Board.deleteOne({ _id: req.params.boardId, teamId: req.params.teamId });
    res.sendStatus(204);
  });
  export default router;
`;

// A middleware of the module itself that only tests the id's presence: no allowlist.
const PRESENCE_ONLY = dedent`
  import { Router } from "express";
  import Board from "../models/Board.js";
  const router = Router();
  function needsId(req, res, next) {
    if (!req.params.id) return res.status(400).end();
    next();
  }
  router.get("/:id", needsId, async (req, res) => {
    res.json(await Board.findById(req.params.id));
  });
  export default router;
`;

// A same-module middleware with an allowlist of fixed regions.
const REGION_ROUTES = dedent`
  import { Router } from "express";
  import fs from "node:fs";
  const REGIONS = new Set(["eu", "us"]);
  const router = Router();
  function knownRegion(req, res, next) {
    if (!REGIONS.has(req.params.region)) throw new Error("unknown region");
    next();
  }
  router.get("/:region/report", knownRegion, (req, res) => {
    res.send(fs.readFileSync(\`reports/\${req.params.region}.csv\`, "utf8"));
  });
  export default router;
`;

// A route handler of a "use server" route module: the Request is no action argument.
const USE_SERVER_ROUTE = dedent`
  "use server";
  import { NextRequest } from "next/server";
  export async function POST(request: NextRequest) {
    const { id } = await request.json();
    await supabase.from("jobs").delete().eq("id", id);
    return Response.json({ ok: true });
  }
`;

// An action of an actions module that takes a Request: a client may send a plain object instead.
const REQUEST_ACTION = dedent`
  "use server";
  export async function completeSignIn(request: Request) {
    const url = new URL(request.url);
    await supabase.from("logins").insert({ code: url.searchParams.get("code") });
  }
`;

// A "use server" module's action with a plain argument stays an action.
const USE_SERVER_ACTION = dedent`
  "use server";
  export async function removeJob(job) {
    await supabase.from("jobs").delete().eq("id", job.id);
  }
`;

// Destructured body fields only presence-tested and logged.
const CONTACT = dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest) {
    const { name, message } = await request.json();
    if (!name || !message) {
      return NextResponse.json({ error: "name and message are required" }, { status: 400 });
    }
    console.log("contact form", { name, message });
    return NextResponse.json({ ok: true });
  }
`;

// The same fields, one of them stored after the presence test.
const CONTACT_STORED = dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest) {
    const { name, message } = await request.json();
    if (!name || !message) {
      return NextResponse.json({ error: "name and message are required" }, { status: 400 });
    }
    await supabase.from("messages").insert(message);
    return NextResponse.json({ ok: true });
  }
`;

// A model's text read with optional links and a fallback, parsed, and the parsed items stored.
const MODEL_TEXT_PARSED = dedent`
  export async function extractTags(text: string) {
    const res = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ text }) });
    if (!res.ok) throw new Error("model failed");
    const data = await res.json();
    const parsed = JSON.parse(data.choices?.[0]?.message?.content ?? "{}");
    await db.tags.insertMany(parsed.tags);
  }
`;

// A document's first element held in a local, one of its fields read into another local and checked there.
const ELEMENT_LOCAL = dedent`
  export async function loadTitle(): Promise<string> {
    const res = await fetch("https://catalog.example.org/items?limit=1");
    if (!res.ok) return "untitled";
    const json = await res.json();
    const first = json.items?.[0];
    const title = first?.title;
    if (typeof title === "string" && title.length < 200) return title;
    return "untitled";
  }
`;

// The same with only a truthiness test: whatever the field holds is returned.
const ELEMENT_LOCAL_TRUTHY = ELEMENT_LOCAL.replace('if (typeof title === "string" && title.length < 200) return title;', "if (title) return title;");

// Production classes (medusa): files a script writes itself through forms other than a bare JSON.stringify.
const PRETTY_WRITE_BACK = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  import toPrettyJson from "./to-pretty-json.js";
  export function dropStale(file: string) {
    const index = JSON.parse(readFileSync(file, "utf8"));
    for (const key of Object.keys(index)) if (index[key].stale) delete index[key];
    writeFileSync(file, toPrettyJson(index));
  }
`;

const PREFIXED_CONFIG = dedent`
  import fs from "node:fs";
  const CONFIG = "site/config.js";
  const PREFIX = "export default ";
  export function bumpVersion(version: string) {
    const old = JSON.parse(fs.readFileSync(CONFIG, "utf8").replace(PREFIX, ""));
    if (old.version === version) return;
    fs.writeFileSync(CONFIG, \`\${PREFIX}\${JSON.stringify({ ...old, version }, undefined, 2)}\n\`);
  }
`;

const MERGED_THROUGH_LET = dedent`
  import * as fs from "node:fs";
  export function mergeModel(file: string, modelJson: string) {
    let text = fs.readFileSync(file, "utf8");
    const all = JSON.parse(text);
    const model = JSON.parse(modelJson);
    all.models.push(model);
    text = JSON.stringify(all, undefined, 2);
    fs.writeFileSync(file, text);
  }
`;

// The same write back through a helper named for CSV: not JSON text.
const CSV_WRITE_BACK = PRETTY_WRITE_BACK.replace(/toPrettyJson/g, "toCsv").replace("to-pretty-json", "to-csv");

const MANIFEST_HELPER = dedent`
  const fs = require("fs");
  const { getPackageJsonPath } = require("./paths");
  exports.currentVersion = (name) => JSON.parse(fs.readFileSync(getPackageJsonPath(name), "utf-8")).version;
`;

// A Redis channel the class publishes JSON on itself, heard by its other instances.
const REDIS_FANOUT = dedent`
  import Redis from "ioredis";
  export class Broadcaster {
    constructor(private readonly pub: Redis, private readonly sub: Redis) {
      this.sub.on("message", async (_channel, message) => {
        const { origin, event } = JSON.parse(message);
        await this.deliver(event, origin);
      });
    }
    async broadcast(event: unknown) {
      await this.pub.publish("events", JSON.stringify({ origin: process.pid, event }));
    }
    async deliver(event: unknown, origin: number) {}
  }
`;

// The same listener in a module that publishes nothing.
const REDIS_LISTENER = dedent`
  import Redis from "ioredis";
  export class Listener {
    constructor(private readonly sub: Redis) {
      this.sub.on("message", async (_channel, message) => {
        const { origin, event } = JSON.parse(message);
        await this.deliver(event, origin);
      });
    }
    async deliver(event: unknown, origin: number) {}
  }
`;

// An action handing its id to a function of a module imported through the `@/` alias: read one hop away.
const PACK_ACTION = dedent`
  "use server";
  import { getPackById } from "@/lib/packs";
  export async function buyPack(packId: string) {
    const pack = getPackById(packId);
    if (!pack) throw new Error("unknown pack");
    return pack.price;
  }
`;

const PACKS_LIB = dedent`
  const PACKS = [{ id: "small", price: 5 }, { id: "large", price: 20 }];
  export function getPackById(id: string) {
    return PACKS.find((p) => p.id === id);
  }
`;

// The same module, its function now loading the pack from the database.
const PACKS_DB_LIB = dedent`
  import { db } from "./db";
  export async function getPackById(id: string) {
    return db.packs.findUnique({ where: { id } });
  }
`;

// A webhook's text handed to a helper that only puts it into a model's prompt.
const REPLY_ROUTE = dedent`
  import { NextRequest } from "next/server";
  import { draftReply } from "./agent";
  export async function POST(request: NextRequest) {
    const form = await request.formData();
    const said = form.get("SpeechResult") as string;
    const reply = await draftReply(said);
    return new Response(reply);
  }
`;

const AGENT_LIB = dedent`
  import OpenAI from "openai";
  const client = new OpenAI();
  export async function draftReply(said: string) {
    const res = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: \`The caller said: \${said}\` }],
    });
    return res.choices?.[0]?.message?.content ?? "";
  }
`;

// A controller that falls back to a route parameter its registration's path never declares.
const TEAM_CONTROLLER = dedent`
  import Membership from "../models/Membership.js";
  export async function listPermissions(req, res) {
    const teamId = req.params.teamId;
    const rows = await Membership.find({ team: teamId, user: req.user.id });
    res.json(rows);
  }
`;

const TEAM_FIX = dedent`
      import Membership from "../models/Membership.js";
      import { z } from "zod";
      const ListPermissionsParams = z.object({ teamId: z.string() });

      export async function listPermissions(req, res) {
        const parsed = ListPermissionsParams.safeParse(req.params);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        const teamId = parsed.data.teamId;
        const rows = await Membership.find({ team: teamId, user: req.user.id });
        res.json(rows);
      }
    `;

const teamRoutes = (path: string, extra = "") => dedent`
  import express from "express";
  import { listPermissions } from "./team.controller.js";
  const router = express.Router(${extra});
  router.get("${path}", listPermissions);
  export default router;
`;

// A body's field handed at a key of an object to an imported function that destructures that key and checks it.
const CLAIM_HANDLER = dedent`
  const { claimCode } = require("./_codes");
  exports.handler = async (event) => {
    const body = JSON.parse(event.body || "{}");
    const code = body.code || null;
    const result = await claimCode({ userId: event.requestContext.authorizer.sub, code });
    return { statusCode: result.ok ? 200 : 400, body: JSON.stringify(result) };
  };
`;

const CODES_CHECKED = dedent`
  const { query } = require("./_db");
  async function claimCode({ userId, code }) {
    const clean = String(code || "").trim().toUpperCase();
    if (!/^[A-Z0-9]{6}$/.test(clean)) return { ok: false };
    await query("update codes set user_id = $1 where code = $2", [userId, clean]);
    return { ok: true };
  }
  module.exports = { claimCode };
`;

const CODES_RAW = dedent`
  const { query } = require("./_db");
  async function claimCode({ userId, code }) {
    await query("update codes set user_id = $1 where code = $2", [userId, code]);
    return { ok: true };
  }
  module.exports = { claimCode };
`;

// An eval script reading the repository's dataset beside it.
const DATASET_EVAL = dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";
  const DATASETS = join(__dirname, "datasets");
  export function score(classify: (text: string) => string) {
    const examples = JSON.parse(readFileSync(join(DATASETS, "intents.json"), "utf-8"));
    let hits = 0;
    for (const ex of examples) if (classify(ex.text) === ex.intent) hits++;
    return hits / examples.length;
  }
`;

// A token a login script keeps above its folder: state written at run time, not shipped.
const TOKEN_FILE_READ = DATASET_EVAL.replace('join(__dirname, "datasets")', 'join(__dirname, "..")').replace('"intents.json"', '".login-token.json"');

// An action loading a static file of its own site: the origin is configured or empty (a path on the same site).
const OWN_SITE_FETCH = dedent`
  "use server";
  export async function loadLevel(level: string) {
    const res = await fetch(\`\${process.env.NEXT_PUBLIC_BASE_URL || ""}/levels/\${level}.json\`);
    if (!res.ok) throw new Error("no level");
    return res.status;
  }
`;

// The same empty origin in a redirect: a value starting with "/" makes "//host", another site.
const OWN_SITE_REDIRECT = dedent`
  import { redirect } from "next/navigation";
  export async function GET(request: Request) {
    const next = new URL(request.url).searchParams.get("next");
    redirect(\`\${process.env.NEXT_PUBLIC_BASE_URL || ""}/\${next}\`);
  }
`;

// The catalogue lookup ends the action when nothing matched; the id then filters a query.
const PACK_THEN_QUERY = dedent`
  "use server";
  import { getPackById } from "@/lib/packs";
  export async function ownsPack(packId: string) {
    const pack = getPackById(packId);
    if (!pack) throw new Error("unknown pack");
    const { data } = await supabase.from("purchases").select("id").eq("pack_id", packId);
    return data;
  }
`;

// The same lookup whose result nobody tests: any id goes on into the query.
const PACK_UNTESTED = PACK_THEN_QUERY.replace('  if (!pack) throw new Error("unknown pack");', "  console.log(pack);");

const valid: ValidCase[] = [
  {
    name: "middleware allowlist: an imported middleware ends the request unless the route id is one of the caller's teams",
    code: TEAM_ROUTES,
    filename: "src/api/boards.js",
    files: { "src/api/guards.js": TEAM_MIDDLEWARE },
  },
  {
    name: "middleware allowlist: a same-module middleware throws unless the region is in a fixed Set",
    code: REGION_ROUTES,
    filename: "src/api/reports.js",
  },
  {
    name: "use server route module: the exported POST's Request is read as a route handler's",
    code: dedent`
      "use server";
      import { NextRequest } from "next/server";
      export async function POST(request: NextRequest) {
        const { id } = await request.json();
        console.log("job", id);
        return Response.json({ ok: true });
      }
    `,
    filename: "app/api/jobs/route.ts",
  },
  {
    name: "destructured body fields only presence-tested and logged: nothing of the values goes on",
    code: CONTACT,
    filename: "app/api/contact/route.ts",
  },
  {
    name: "element local: a document's first element read through an optional link, its field checked in a local of its own",
    code: ELEMENT_LOCAL,
  },
  {
    name: "write back: a script writes the file it read through a helper named for JSON text",
    code: PRETTY_WRITE_BACK,
    filename: "scripts/drop-stale.ts",
  },
  {
    name: "write back: the JSON text written after a prefix in a template",
    code: PREFIXED_CONFIG,
    filename: "scripts/bump-version.ts",
  },
  {
    name: "write back: the parsed document stringified into a let that the write takes",
    code: MERGED_THROUGH_LET,
    filename: "scripts/merge-model.ts",
  },
  {
    name: "own manifest: a package.json named through a path helper named for it",
    code: MANIFEST_HELPER,
    filename: "cli/versions.js",
  },
  {
    name: "pub/sub: a Redis channel the class publishes JSON on itself",
    code: REDIS_FANOUT,
    filename: "src/broadcaster.ts",
  },
  {
    name: "path alias: an id only looked up in the module's constant list one hop away, through @/",
    code: PACK_ACTION,
    filename: "app/actions/packs.ts",
    files: { "lib/packs.ts": PACKS_LIB },
  },
  {
    name: "model prompt: a form's text that an imported helper only puts into the model's prompt (client.chat.completions.create is no database's create)",
    code: REPLY_ROUTE,
    filename: "app/api/voice/route.ts",
    files: { "app/api/voice/agent.ts": AGENT_LIB },
  },
  {
    name: "undeclared parameter: the registering route's path declares no :teamId",
    code: TEAM_CONTROLLER,
    filename: "src/team/team.controller.js",
    files: { "src/team/team.routes.js": teamRoutes("/permissions") },
  },
  {
    name: "destructured parameter: a field handed at its key to an imported function that checks that key first",
    code: CLAIM_HANDLER,
    filename: "netlify/functions/claim.js",
    files: { "netlify/functions/_codes.js": CODES_CHECKED },
  },
  {
    name: "beside the module: a dataset named by literals under the module's own folder ships with the code",
    code: DATASET_EVAL,
    filename: "evals/intents.eval.ts",
  },
  {
    name: "empty origin: an outbound URL under a configured origin or none stays on the server's own site",
    code: OWN_SITE_FETCH,
    filename: "lib/levels.ts",
  },
  {
    name: "catalogue lookup: an id found in the module's constant list before it filters a query",
    code: PACK_THEN_QUERY,
    filename: "app/actions/packs.ts",
    files: { "lib/packs.ts": PACKS_LIB },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "middleware allowlist: a second route parameter the middleware never looks at is still input",
    code: TEAM_BOARD,
    filename: "src/api/boards.js",
    files: { "src/api/guards.js": TEAM_MIDDLEWARE },
    findings: [{ case: "expressParams", line: 6, column: 32, endColumn: 42, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
      import { Router } from "express";
      import { requireTeamMember } from "./guards.js";
      import Board from "../models/Board.js";
      import { z } from "zod";
      const router = Router();
      const DeleteBoardsParams = z.object({ boardId: z.string(), teamId: z.string() });

      router.delete("/:teamId/boards/:boardId", requireTeamMember, async (req, res) => {
        const parsed = DeleteBoardsParams.safeParse(req.params);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        await Board.deleteOne({ _id: parsed.data.boardId, teamId: parsed.data.teamId });
        res.sendStatus(204);
      });
      export default router;
    ` }, mark(TEAM_BOARD, "expressParams", 6)] }],
    output: null,
  },
  {
    name: "middleware allowlist: a middleware that only tests the id's presence decides nothing",
    code: PRESENCE_ONLY,
    filename: "src/api/boards.js",
    findings: [{ case: "expressParams", line: 9, column: 33, endColumn: 43, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
      import { Router } from "express";
      import Board from "../models/Board.js";
      import { z } from "zod";
      const router = Router();
      function needsId(req, res, next) {
        if (!req.params.id) return res.status(400).end();
        next();
      }
      const GetParams = z.object({ id: z.string() });

      router.get("/:id", needsId, async (req, res) => {
        const parsed = GetParams.safeParse(req.params);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        res.json(await Board.findById(parsed.data.id));
      });
      export default router;
    ` }, mark(PRESENCE_ONLY, "expressParams", 9)] }],
    output: null,
  },
  {
    name: "use server route module: the route handler's body is reported once, as a route's (not also as an action argument)",
    code: USE_SERVER_ROUTE,
    filename: "app/api/jobs/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 38, suggestions: [mark(USE_SERVER_ROUTE, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "use server module: an action outside a route module that takes a Request stays an action",
    code: REQUEST_ACTION,
    filename: "app/auth/actions.ts",
    findings: [{ case: "nextServerAction", line: 2, column: 38, endColumn: 45, suggestions: [mark(REQUEST_ACTION, "nextServerAction", 2)] }],
    output: null,
  },
  {
    name: "use server module: a plain argument of an exported function stays an action's",
    code: USE_SERVER_ACTION,
    filename: "app/jobs/actions.ts",
    findings: [{ case: "nextServerAction", line: 2, column: 33, endColumn: 36, suggestions: [mark(USE_SERVER_ACTION, "nextServerAction", 2)] }],
    output: null,
  },
  {
    name: "destructured body fields presence-tested and then stored: the store is the use",
    code: CONTACT_STORED,
    filename: "app/api/contact/route.ts",
    findings: [{ case: "nextAppRequest", line: 3, column: 35, endColumn: 49, suggestions: [mark(CONTACT_STORED, "nextAppRequest", 3)] }],
    output: null,
  },
  {
    name: "model text: parsed and stored, reported once at the parse (not also as the completion's document)",
    code: MODEL_TEXT_PARSED,
    findings: [{ case: "jsonParseExternal", line: 5, column: 18, endColumn: 73, suggestions: [mark(MODEL_TEXT_PARSED, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "element local: a field only tested for truthiness goes back as it came",
    code: ELEMENT_LOCAL_TRUTHY,
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(ELEMENT_LOCAL_TRUTHY, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "write back: a helper named for CSV writes no JSON text",
    code: CSV_WRITE_BACK,
    filename: "scripts/drop-stale.ts",
    findings: [{ case: "jsonParseExternal", line: 4, column: 17, endColumn: 55, suggestions: [mark(CSV_WRITE_BACK, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "pub/sub: a listener in a module that publishes nothing hears whoever publishes",
    code: REDIS_LISTENER,
    filename: "src/listener.ts",
    findings: [{ case: "messagePayload", line: 5, column: 33, endColumn: 52, suggestions: [mark(REDIS_LISTENER, "messagePayload", 5)] }],
    output: null,
  },
  {
    name: "path alias: the same id loaded from the database one hop away is reported at the call",
    code: PACK_ACTION,
    filename: "app/actions/packs.ts",
    files: { "lib/packs.ts": PACKS_DB_LIB },
    findings: [{ case: "nextServerAction", line: 3, column: 31, endColumn: 37, suggestions: [{ title: "Validate packId with Zod (adds the zod dependency)", output: dedent`
      "use server";
      import { getPackById } from "@/lib/packs";
      import { z } from "zod";
      const BuyPackInput = z.string();

      export async function buyPack(rawPackId: string) {
        const packId = BuyPackInput.parse(rawPackId);
        const pack = getPackById(packId);
        if (!pack) throw new Error("unknown pack");
        return pack.price;
      }
    ` }, mark(PACK_ACTION, "nextServerAction", 3)] }],
    output: null,
  },
  {
    name: "undeclared parameter: a path that declares :teamId gives the client the value",
    code: TEAM_CONTROLLER,
    filename: "src/team/team.controller.js",
    files: { "src/team/team.routes.js": teamRoutes("/teams/:teamId/permissions") },
    findings: [{ case: "expressParams", line: 3, column: 18, endColumn: 28, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: TEAM_FIX }, mark(TEAM_CONTROLLER, "expressParams", 3)] }],
    output: null,
  },
  {
    name: "undeclared parameter: a router that merges its parent's parameters may have it",
    code: TEAM_CONTROLLER,
    filename: "src/team/team.controller.js",
    files: { "src/team/team.routes.js": teamRoutes("/permissions", "{ mergeParams: true }") },
    findings: [{ case: "expressParams", line: 3, column: 18, endColumn: 28, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: TEAM_FIX }, mark(TEAM_CONTROLLER, "expressParams", 3)] }],
    output: null,
  },
  {
    name: "destructured parameter: the same field written raw by the imported function is reported",
    code: CLAIM_HANDLER,
    filename: "netlify/functions/claim.js",
    files: { "netlify/functions/_codes.js": CODES_RAW },
    findings: [{ case: "lambdaEvent", line: 3, column: 16, endColumn: 46, suggestions: [mark(CLAIM_HANDLER, "lambdaEvent", 3)] }],
    output: null,
  },
  {
    name: "beside the module: a hidden token file above the module's folder is state written at run time",
    code: TOKEN_FILE_READ,
    filename: "evals/intents.eval.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 20, endColumn: 90, suggestions: [mark(TOKEN_FILE_READ, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "empty origin: in a redirect it lets '//host' through, still reported",
    code: OWN_SITE_REDIRECT,
    filename: "app/go/route.ts",
    findings: [{ case: "nextAppRequest", line: 3, column: 16, endColumn: 61, suggestions: [mark(OWN_SITE_REDIRECT, "nextAppRequest", 3)] }],
    output: null,
  },
  {
    name: "catalogue lookup: a result nobody tests for absence lets any id go on into the query",
    code: PACK_UNTESTED,
    filename: "app/actions/packs.ts",
    files: { "lib/packs.ts": PACKS_LIB },
    findings: [{ case: "nextServerAction", line: 3, column: 32, endColumn: 38, suggestions: [{ title: "Validate packId with Zod (adds the zod dependency)", output: dedent`
      "use server";
      import { getPackById } from "@/lib/packs";
      import { z } from "zod";
      const OwnsPackInput = z.string();

      export async function ownsPack(rawPackId: string) {
        const packId = OwnsPackInput.parse(rawPackId);
        const pack = getPackById(packId);
        console.log(pack);
        const { data } = await supabase.from("purchases").select("id").eq("pack_id", packId);
        return data;
      }
    ` }, mark(PACK_UNTESTED, "nextServerAction", 3)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 21 false-positive classes (ub21a)", () => {
  runWithNamedCases(valid, invalid);
});
