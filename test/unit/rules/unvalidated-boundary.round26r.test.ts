import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 25, developer ub27 (issue 11): classes of unvalidated-boundary's misses and false positives
// on held round 26, retired to tune. Hand-written analogues, not the repositories' code.

// Next.js 13 synchronous `params` in the signature: presence-tested first, then used as a filter.
const SYNC_PARAMS_TESTED = dedent`
  import { NextResponse } from "next/server";
  import prisma from "@/lib/prisma";
  export async function GET(request: Request, { params }: { params: { id: string } }) {
    if (!params.id) return new NextResponse("id required", { status: 400 });
    const item = await prisma.item.findUnique({ where: { id: params.id } });
    return NextResponse.json(item);
  }
`;

// A helper declared inside the handler and handed the route param.
const LOCAL_HELPER = dedent`
  const express = require("express");
  const app = express();
  app.delete("/categories/:id", async (req, res) => {
    const deleteChildren = async (parentId) => {
      const children = await Category.find({ parentId });
      for (const c of children) await Category.deleteOne({ _id: c._id });
    };
    await deleteChildren(req.params.id);
    res.json({ ok: true });
  });
`;

// The parsed body sent whole as the JSON body of a fixed-method request to the app's own backend.
const BODY_SENT_WHOLE = dedent`
  import { NextRequest, NextResponse } from "next/server";
  const API = process.env.BACKEND_URL;
  export async function POST(req: NextRequest) {
    const body = await req.json();
    const res = await fetch(\`\${API}/teams\`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) return NextResponse.json({ error: res.status }, { status: res.status });
    return NextResponse.json(await res.json());
  }
`;

// The same body forwarded with the request's own method: a proxy.
const BODY_PROXIED = dedent`
  import { NextRequest, NextResponse } from "next/server";
  const API = process.env.BACKEND_URL;
  export async function POST(req: NextRequest) {
    const body = await req.json();
    const res = await fetch(\`\${API}/teams\`, { method: req.method, body: JSON.stringify(body) });
    return new NextResponse(await res.text(), { status: res.status });
  }
`;

// A proxy answering the upstream's reply with the upstream's own status.
const RELAY_WITH_STATUS = dedent`
  import { NextRequest, NextResponse } from "next/server";
  const API = process.env.BACKEND_URL;
  export async function GET(req: NextRequest) {
    const response = await fetch(\`\${API}/conversations\`, { headers: { authorization: req.headers.get("authorization") ?? "" } });
    const data = await response.json();
    return NextResponse.json(data, { status: response.status });
  }
`;

// The same through Express: res.status(response.status).json(data).
const RELAY_WITH_STATUS_EXPRESS = dedent`
  const express = require("express");
  const app = express();
  app.get("/api/plans", async (req, res) => {
    const response = await fetch(process.env.BILLING_URL + "/plans");
    const data = await response.json().catch(() => ({}));
    res.status(response.status).json(data);
  });
`;

// Relayed with a status of its own: an error body answered as the data.
const RELAY_OWN_STATUS = dedent`
  import { NextResponse } from "next/server";
  export async function GET() {
    const response = await fetch(\`\${process.env.BACKEND_URL}/conversations\`);
    const data = await response.json();
    return NextResponse.json(data, { status: 200 });
  }
`;

// Body credentials only compared with the server's own values (a middleware factory's consts, the environment).
const CREDENTIALS_COMPARED = dedent`
  export default function createAuth({ adminId }) {
    const expectedId = adminId || process.env.ADMIN_ID;
    return function authenticate(req, res, next) {
      const { adminId: providedId, adminPassword: providedPassword } = req.body || {};
      if (providedId === expectedId && providedPassword === process.env.ADMIN_PASSWORD) return next();
      return res.status(401).json({ error: "Invalid credentials" });
    };
  }
`;

// A body field compared with another value of the same request decides nothing: still stored.
const COMPARED_AND_STORED = dedent`
  const express = require("express");
  const app = express();
  const ADMIN = process.env.ADMIN_ID;
  app.post("/notes", async (req, res) => {
    const { owner, text } = req.body;
    if (owner === ADMIN) await Note.create({ owner, text });
    res.json({ ok: true });
  });
`;

// Scalars tested for presence, or defaulted, only sent on as fields of an outbound JSON body.
const FIELDS_SENT_ON = dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(req: NextRequest) {
    const { query, sessionToken } = await req.json();
    if (!query) return NextResponse.json({ error: "query required" }, { status: 400 });
    const res = await fetch("https://places.example.com/v1/autocomplete", {
      method: "POST",
      body: JSON.stringify({ input: query, sessionToken: sessionToken || undefined }),
    });
    return NextResponse.json({ ok: res.ok });
  }
`;

// A field neither tested nor defaulted may be an object forwarded whole.
const FIELD_FORWARDED_UNTESTED = dedent`
  import { NextRequest, NextResponse } from "next/server";
  const API = process.env.BACKEND_URL;
  export async function POST(req: NextRequest) {
    const { command, context } = await req.json();
    if (typeof command !== "string") return NextResponse.json({ error: "command required" }, { status: 400 });
    const res = await fetch(\`\${API}/api/search\`, { method: "POST", body: JSON.stringify({ command, context }) });
    return NextResponse.json({ ok: res.ok });
  }
`;

// A request's field tested for presence and only echoed back, read straight off the body.
const FIELD_TESTED_ECHOED = dedent`
  const express = require("express");
  const app = express();
  app.all("/webhook-test", (req, res) => {
    console.log("test hit", { id: req.body.webhook_id });
    if (req.body.webhook_id) {
      return res.status(200).json({ success: true, webhook_id: req.body.webhook_id });
    }
    res.status(200).json({ success: true, message: "no webhook_id" });
  });
`;

// A field only ever tested decides the handler's path.
const FIELD_ONLY_TESTED = dedent`
  const express = require("express");
  const app = express();
  app.post("/admin/run", async (req, res) => {
    if (req.body.skipAuth) {
      return res.json(await runJob());
    }
    res.status(401).end();
  });
`;

// A reply spread into the answer past the ok test, and in the failure branch with the upstream's status.
const REPLY_SPREAD_RELAYED = dedent`
  import { NextResponse } from "next/server";
  export async function POST() {
    const res = await fetch(\`\${process.env.BACKEND_URL}/reports\`, { method: "POST" });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) return NextResponse.json({ error: data?.detail ?? "failed", ...data }, { status: res.status });
    return NextResponse.json({ success: true, ...data });
  }
`;

// The same spread with no status test: an error body answered as a success.
const REPLY_SPREAD_UNTESTED = dedent`
  import { NextResponse } from "next/server";
  export async function POST() {
    const res = await fetch(\`\${process.env.BACKEND_URL}/reports\`, { method: "POST" });
    const data = await res.json();
    return NextResponse.json({ success: true, ...data });
  }
`;

// A new password size-tested and hashed, the current one bcrypt-compared: only digests go on.
const PASSWORD_SIZE_HASHED = dedent`
  const express = require("express");
  const bcrypt = require("bcryptjs");
  const app = express();
  app.put("/profile/password", async (req, res) => {
    const { currentPassword, newPassword } = req.body;
    if (!currentPassword || !newPassword) return res.status(400).json({ message: "required" });
    if (newPassword.length < 8) return res.status(400).json({ message: "too short" });
    const user = await User.findById(req.user.id).select("+password");
    if (!(await bcrypt.compare(currentPassword, user.password))) return res.status(400).json({ message: "wrong" });
    user.password = await bcrypt.hash(newPassword, 10);
    res.json({ ok: true });
  });
`;

// A size test decides nothing of what is then stored as sent.
const NAME_SIZE_STORED = dedent`
  const express = require("express");
  const app = express();
  app.post("/teams", async (req, res) => {
    const { name } = req.body;
    if (name.length > 40) return res.status(400).json({ message: "too long" });
    res.json(await Team.create({ name }));
  });
`;

// A signed webhook's raw body parsed after the HMAC check: the body, not a route param.
const RAW_BODY_PARSED = dedent`
  const express = require("express");
  const app = express();
  app.post("/shopify/orders", async (req, res) => {
    if (!verifyHmac(req.rawBody, req.get("X-Shopify-Hmac-Sha256"))) return res.status(401).end();
    const order = JSON.parse(req.rawBody.toString("utf8"));
    await Order.create({ shopifyId: order.id, email: order.email });
    res.status(200).end();
  });
`;

// `typeof` only in a log line checks nothing; the trimmed value goes on to a lookup.
const TYPEOF_LOGGED = dedent`
  const express = require("express");
  const { storage } = require("./storage");
  const app = express();
  app.post("/api/auth/login", async (req, res) => {
    const { username, password } = req.body;
    console.log("login attempt", { usernameType: typeof username, passwordLength: password?.length });
    if (!username || !password) return res.status(401).json({ message: "required" });
    const user = await storage.authenticateUser(username.trim(), password.trim());
    res.json({ ok: !!user });
  });
`;

// The same with the type tested.
const TYPEOF_TESTED = TYPEOF_LOGGED.replace("if (!username || !password)", 'if (typeof username !== "string" || typeof password !== "string")');

/**
 * The Express Zod fix's output: `zod` required after `importAfter`, the schema declared after `app`,
 * and `line` replaced by the parse, its 400 answer and `replacement` (reading `parsed.data`).
 */
function expressZodFix(code: string, importAfter: string, schema: string, input: string, line: string, replacement: string): string {
  const name = schema.slice(0, schema.indexOf(" "));
  return code
    .replace(importAfter, `${importAfter}const { z } = require("zod");\n`)
    .replace("const app = express();\n", `const app = express();\nconst ${schema};\n\n`)
    .replace(line, `  const parsed = ${name}.safeParse(${input});\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n${replacement}`);
}

// A callback id looked up in the server's own list, the handler ending when nothing matched.
const FOUND_IN_OWN_LIST = dedent`
  import { getAllProducts, getStockCount } from "../../collections/products.js";
  export async function productActions(ctx) {
    const productId = ctx.match[1];
    const products = await getAllProducts();
    const product = products.find((p) => p._id.toString() === productId);
    if (!product) return;
    await ctx.reply(\`\${product.name}: \${await getStockCount(productId)} in stock\`);
  }
`;

// The same id handed straight to a function of the collections module.
const COLLECTIONS_MODULE = dedent`
  import { toggleProduct } from "../../collections/products.js";
  export async function adminToggle(ctx) {
    const productId = ctx.match[1];
    const active = await toggleProduct(productId);
    await ctx.answerCallbackQuery({ text: active ? "on" : "off" });
  }
`;

// A debug middleware that only logs the body and its keys.
const BODY_KEYS_LOGGED = dedent`
  const express = require("express");
  const app = express();
  app.use("/api/webhook", (req, res, next) => {
    console.log("webhook body", { bodyType: typeof req.body, bodyKeys: Object.keys(req.body || {}), rawBody: req.body });
    next();
  });
`;

const valid: ValidCase[] = [
  { name: "express: a body and its Object.keys only logged", code: BODY_KEYS_LOGGED, filename: "src/server.js" },
  { name: "bot: callback data found in the server's own list before a lookup", code: FOUND_IN_OWN_LIST, filename: "src/bot/handlers/admin.js", files: { "package.json": '{ "dependencies": { "grammy": "1" } }' } },
  { name: "express: fields whose typeof is tested before the trimmed lookup", code: TYPEOF_TESTED, filename: "server/routes.js" },
  { name: "express: a new password only size-tested and hashed", code: PASSWORD_SIZE_HASHED, filename: "src/routes/user.js" },
  { name: "fetch: a reply spread into the answer past the ok test, or with the upstream's status", code: REPLY_SPREAD_RELAYED, filename: "app/api/reports/route.ts" },
  { name: "express: a body field tested for presence and only logged or echoed back", code: FIELD_TESTED_ECHOED, filename: "src/routes/webhook.js" },
  { name: "fetch: scalars tested for presence or defaulted, only fields of an outbound JSON body", code: FIELDS_SENT_ON, filename: "app/api/places/route.ts" },
  { name: "fetch: the body forwarded with the request's own method (a proxy)", code: BODY_PROXIED, filename: "app/api/teams/route.ts" },
  { name: "fetch: a reply answered with the upstream's own status", code: RELAY_WITH_STATUS, filename: "app/api/conversations/route.ts" },
  { name: "fetch: res.status(response.status).json(data) in Express", code: RELAY_WITH_STATUS_EXPRESS, filename: "src/server.js" },
  { name: "express: body credentials only compared with the server's own values", code: CREDENTIALS_COMPARED, filename: "src/middleware/auth.js" },
];

const invalid: InvalidCase[] = [
  {
    name: "next: synchronous params presence-tested, then a filter: reported at the filter",
    code: SYNC_PARAMS_TESTED,
    filename: "app/api/items/[id]/route.ts",
    findings: [
      {
        case: "nextAppRequest",
        line: 5,
        column: 60,
        endColumn: 66,
        suggestions: [
          {
            title: "Validate params with Zod (adds the zod dependency)",
            output: SYNC_PARAMS_TESTED.replace('import prisma from "@/lib/prisma";\n', 'import prisma from "@/lib/prisma";\nimport { z } from "zod";\nconst GetParams = z.object({ id: z.string().optional() });\n\n').replace(
              "  const item = await prisma.item.findUnique({ where: { id: params.id } });\n",
              "  const parsed = GetParams.safeParse(params);\n  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });\n  const item = await prisma.item.findUnique({ where: { id: parsed.data.id } });\n",
            ),
          },
          mark(SYNC_PARAMS_TESTED, "nextAppRequest", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "express: a route param handed to a helper declared in the handler",
    code: LOCAL_HELPER,
    filename: "src/routes/categories.js",
    findings: [
      {
        case: "expressParams",
        line: 8,
        column: 24,
        endColumn: 34,
        suggestions: [
          {
            title: "Validate req.params with Zod (adds the zod dependency)",
            output: expressZodFix(LOCAL_HELPER, 'require("express");\n', "DeleteCategoriesParams = z.object({ id: z.string() })", "req.params", "  await deleteChildren(req.params.id);\n", "  await deleteChildren(parsed.data.id);\n"),
          },
          mark(LOCAL_HELPER, "expressParams", 8),
        ],
      },
    ],
    output: null,
  },
  {
    name: "fetch: the body sent whole in a fixed-method POST",
    code: BODY_SENT_WHOLE,
    filename: "app/api/teams/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 22, endColumn: 32, suggestions: [mark(BODY_SENT_WHOLE, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "fetch: a reply relayed with a status of the code's own",
    code: RELAY_OWN_STATUS,
    filename: "app/api/conversations/route.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(RELAY_OWN_STATUS, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "fetch: a field neither tested nor defaulted forwarded in an outbound JSON body",
    code: FIELD_FORWARDED_UNTESTED,
    filename: "app/api/assistant/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 38, endColumn: 48, suggestions: [mark(FIELD_FORWARDED_UNTESTED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "express: a body field only ever tested for presence decides the path",
    code: FIELD_ONLY_TESTED,
    filename: "src/routes/admin.js",
    findings: [{ case: "expressBody", line: 4, column: 7, endColumn: 15, suggestions: [mark(FIELD_ONLY_TESTED, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "fetch: a reply spread into a success answer with no status test",
    code: REPLY_SPREAD_UNTESTED,
    filename: "app/api/reports/route.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(REPLY_SPREAD_UNTESTED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "express: a field size-tested, then stored as sent",
    code: NAME_SIZE_STORED,
    filename: "src/routes/teams.js",
    findings: [{ case: "expressBody", line: 4, column: 20, endColumn: 28, suggestions: [mark(NAME_SIZE_STORED, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "express: JSON.parse(req.rawBody) is the body",
    code: RAW_BODY_PARSED,
    filename: "src/webhooks/shopify.js",
    findings: [{ case: "expressBody", line: 5, column: 17, endColumn: 57, suggestions: [mark(RAW_BODY_PARSED, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "express: a typeof only logged is no check of the fields then trimmed into a lookup",
    code: TYPEOF_LOGGED,
    filename: "server/routes.js",
    findings: [
      {
        case: "expressBody",
        line: 5,
        column: 34,
        endColumn: 42,
        suggestions: [
          {
            title: "Validate req.body with Zod (adds the zod dependency)",
            output: expressZodFix(
              TYPEOF_LOGGED,
              'require("./storage");\n',
              "PostApiAuthLoginBody = z.object({ username: z.string().nullish(), password: z.string().nullish() })",
              "req.body",
              "  const { username, password } = req.body;\n",
              "  const { username, password } = parsed.data;\n",
            ),
          },
          mark(TYPEOF_LOGGED, "expressBody", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "bot: callback data handed to a function of a collections module",
    code: COLLECTIONS_MODULE,
    filename: "src/bot/handlers/admin.js",
    files: { "package.json": '{ "dependencies": { "grammy": "1" } }' },
    findings: [{ case: "messagePayload", line: 3, column: 21, endColumn: 30, suggestions: [mark(COLLECTIONS_MODULE, "messagePayload", 3)] }],
    output: null,
  },
  {
    name: "express: a field compared with a server value, then stored",
    code: COMPARED_AND_STORED,
    filename: "src/server.js",
    findings: [{ case: "expressBody", line: 5, column: 27, endColumn: 35, suggestions: [mark(COMPARED_AND_STORED, "expressBody", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
