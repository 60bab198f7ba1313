import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 29 (retired to tune), session 26, developer ub29. Hand-written rows.

// A controller declared through a wrapper call and gathered into an exported object (`const createOrder =
// catchAsync(async (req, res) => …)`, `export const OrderControllers = { createOrder }`; hassan-nahid
// simple-rest-api-payment, labelled clean): the route module's `OrderControllers.createOrder` is that
// handler, and the `validateRequest(createOrderSchema)` it runs first validates the body. The
// middleware the factory returns reads only `req.body`: a route parameter of the same handler stays input.
const JOI_PACKAGE = "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^5.0.0\", \"joi\": \"^17.0.0\" } }\n";
const ORDER_CONTROLLER = dedent`
  import { Request, Response } from "express";
  import { Order } from "./order.model";
  import { catchAsync } from "../../utils/catchAsync";

  const createOrder = catchAsync(async (req: Request, res: Response) => {
    const order = await Order.create(req.body);
    res.status(201).json(order);
  });

  const updateOrderStatus = catchAsync(async (req: Request, res: Response) => {
    const order = await Order.findByIdAndUpdate(req.params.id, { status: "paid" });
    res.json(order);
  });

  export const OrderControllers = { createOrder, updateOrderStatus };
`;
const CREATE_ONLY = ORDER_CONTROLLER.replace(/\n\nconst updateOrderStatus[\s\S]*?\}\);/, "").replace(", updateOrderStatus", "");
const VALIDATE_REQUEST = dedent`
  import { NextFunction, Request, Response } from "express";
  export const validateRequest = (schema: any) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      req.body = await schema.validateAsync(req.body);
      next();
    } catch (error) {
      next(error);
    }
  };
`;
const orderRoute = (create: string, update: string) => ({
  "package.json": JOI_PACKAGE,
  "src/app/middleware/validateRequest.ts": VALIDATE_REQUEST,
  "src/app/modules/order/order.route.ts": dedent`
    import { Router } from "express";
    import { validateRequest } from "../../middleware/validateRequest";
    import { OrderControllers } from "./order.controller";
    import { createOrderSchema, statusSchema } from "./order.validation";
    const router = Router();
    router.post("/", ${create}OrderControllers.createOrder);
    router.patch("/:id/status", ${update}OrderControllers.updateOrderStatus);
    export const OrderRoutes = router;
  `,
});
const ORDER_FILE = "src/app/modules/order/order.controller.ts";

// A body field coerced to a string and handed to a helper imported from the project that answers null
// unless its regex tests pass (`normalizeNigerianPhone(String(body?.phone ?? ""))`, 2closee
// appliance-aid-diagnostics send-phone-otp, labelled clean): checked there, as a same-module
// `safeInt(body.calories)` already was. A helper that only strips characters checks nothing.
const PHONE_HELPERS = dedent`
  export function normalizePhone(raw: string): string | null {
    const digits = (raw || "").replace(/[^\d+]/g, "").replace(/^\+/, "");
    if (!/^\d+$/.test(digits)) return null;
    const local = digits.startsWith("234") ? digits.slice(3) : digits;
    if (!/^[789]\d{9}$/.test(local)) return null;
    return \`+234\${local}\`;
  }
  export function stripPhone(raw: string): string {
    return raw.replace(/\s+/g, "");
  }
`;
const SEND_OTP = (helper: string) => dedent`
  import { ${helper} } from "../_shared/phone.ts";
  Deno.serve(async (req) => {
    const body = await req.json().catch(() => ({}));
    const phone = ${helper}(String(body?.phone ?? ""));
    if (!phone) return new Response("Enter a valid number", { status: 400 });
    await supabase.from("phone_verifications").insert({ phone });
    return new Response("sent");
  });
`;
const OTP_FILE = "supabase/functions/send-phone-otp/index.ts";
const OTP_FILES = { "supabase/functions/_shared/phone.ts": PHONE_HELPERS };
const STRIPPED = SEND_OTP("stripPhone");

// A reply's list decided with Array.isArray (through a cast or an optional link) into a local whose only
// later read is its length (daveestaaqui MahlerSignalsBot admin.ts:275/381, decided clean): only a count goes
// on. An element read of the same local stays a use.
const SNAPSHOT = (answer: string) => dedent`
  export async function signalsSnapshot(url: string) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(\`http_\${res.status}\`);
    const payload = (await res.json()) as unknown;
    let list: unknown[] = [];
    if (Array.isArray(payload)) {
      list = payload;
    } else if (payload && typeof payload === "object" && Array.isArray((payload as { signals?: unknown[] }).signals)) {
      list = (payload as { signals: unknown[] }).signals ?? [];
    }
    return { ok: true, ${answer} };
  }
`;
const PREVIEW = dedent`
  export async function previewSnapshot(url: string) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error("preview failed");
    const payload = (await res.json()) as { signals?: unknown[] };
    const list = Array.isArray(payload?.signals) ? payload.signals : [];
    return { ok: true, count: list.length };
  }
`;
const SNAPSHOT_FIRST = SNAPSHOT("count: list.length, first: list[0]");

// Express helpers of one route module (MahlerSignalsBot admin.ts:346 and stripe.ts:130, decided clean): a
// body's own key tested with `Object.prototype.hasOwnProperty.call(body, key)` and the element handed to a
// function of the module that checks its parameter first; an element read under a typeof test written
// with another cast than the read. The element handed to a function that stores it stays a use.
const DRY_RUN = (handler: string) => dedent`
  import express, { Request } from "express";
  const DRY_RUN_KEYS = ["dryRun", "dry_run"];
  function parseBooleanInput(value: unknown, fallback: boolean): boolean {
    if (typeof value === "boolean") return value;
    if (typeof value === "string") return ["1", "true", "yes"].includes(value.trim().toLowerCase());
    return fallback;
  }
  function saveFlag(value: unknown): boolean {
    db.flags.insert({ value });
    return true;
  }
  function resolveDryRun(req: Request, fallback = true): boolean {
    const body = req.body as Record<string, unknown> | undefined;
    if (body && typeof body === "object") {
      for (const key of DRY_RUN_KEYS) {
        if (Object.prototype.hasOwnProperty.call(body, key)) return ${handler}(body[key], fallback);
      }
    }
    return fallback;
  }
  const app = express();
  app.post("/admin/post-now", (req, res) => {
    res.json({ dryRun: resolveDryRun(req) });
  });
`;
const PLAN_PARAM = dedent`
  import express, { Request } from "express";
  function readPlanParam(req: Request): string | null {
    for (const key of ["tier", "plan"]) {
      const bodyValue = req.body && typeof (req.body as Record<string, unknown>)[key] === "string"
        ? String((req.body as Record<string, unknown>)[key])
        : null;
      if (bodyValue) return bodyValue;
    }
    return null;
  }
  const app = express();
  app.post("/checkout", async (req, res) => {
    const plan = readPlanParam(req);
    res.json({ plan: plan === "elite" ? "elite" : "pro" });
  });
`;
const DRY_RUN_STORED = DRY_RUN("saveFlag");

// A route id handed to an imported function that only reads it as a key of its module's own table
// (`return MOCK_THREADS[threadId] || null`; lucylow v0-ai-tldr-highlights insights/[threadId], labelled
// clean): a lookup left to the callee, like `AppCache.get(id)`. A table the function writes by that key
// takes the key on.
const MOCK_DATA = dedent`
  export const MOCK_THREADS: Record<string, { id: string; title: string }> = {
    "t-1": { id: "t-1", title: "Welcome" },
  };
  export function getMockThread(threadId: string) {
    return MOCK_THREADS[threadId] || null;
  }
  export function touchMockThread(threadId: string) {
    MOCK_THREADS[threadId] = { id: threadId, title: "touched" };
    return MOCK_THREADS[threadId];
  }
  const MOCK_LOADERS: Record<string, () => { id: string; title: string }> = {
    "t-1": () => MOCK_THREADS["t-1"],
  };
  export function loadMockThread(threadId: string) {
    return MOCK_LOADERS[threadId]();
  }
  export function dropMockThread(threadId: string) {
    delete MOCK_THREADS[threadId];
    return null;
  }
`;
const INSIGHTS = (fn: string) => dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { ${fn} } from "@/lib/mock-data";
  export async function GET(request: NextRequest, { params }: { params: { threadId: string } }) {
    const { threadId } = params;
    const thread = ${fn}(threadId);
    if (!thread) return NextResponse.json({ error: "Thread not found" }, { status: 404 });
    return NextResponse.json({ title: thread.title });
  }
`;
const INSIGHTS_FILES = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"joi\": \"17.0.0\" } }\n", "lib/mock-data.ts": MOCK_DATA };
const INSIGHTS_FILE = "app/api/insights/[threadId]/route.ts";
const TOUCHED = INSIGHTS("touchMockThread");
// A table entry the key picks and calls (`"constructor"`, `"toString"` are keys too), or deletes, is no lookup (review rv26).
const CALLED = INSIGHTS("loadMockThread");
const DROPPED = INSIGHTS("dropMockThread");

// A body secret only compared with a `const` of the handler holding the configured key (with a literal
// fallback: `process.env.ADMIN_SECRET_KEY || "change-me"`, satyam-svg ludo_backend paymentController.js:87,
// labelled clean): only the server's value gets past, as for a const declared outside the handler. A const
// holding another value of the request decides nothing.
const ADMIN_SECRET = (expected: string) => dedent`
  const express = require("express");
  const app = express();
  app.post("/admin/deposits", async (req, res) => {
    const secretKey = req.headers["x-secret-key"] || req.body.secretKey;
    const ADMIN_SECRET_KEY = ${expected};
    if (!secretKey) return res.status(401).json({ error: "Secret key is required" });
    if (secretKey !== ADMIN_SECRET_KEY) return res.status(403).json({ error: "Invalid secret key" });
    await db.audit.create({ data: { key: secretKey } });
    res.json(await db.deposit.findMany({ where: { status: "PENDING" } }));
  });
`;
const SECRET_FROM_QUERY = ADMIN_SECRET("req.query.expected || \"change-me\"");

// A route id whose first use is a D1 lookup with the id bound as a parameter, the request ended on a miss,
// before the handler writes (ebar0n cf-worker-church-platform volunteer-events/[id]/register, the round-27
// and round-29 lead decision: clean, debatable): a bound string matches a row or nothing, and only an id the
// table holds gets to the insert. A read-only handler (the row answered) and a lookup the value can fail
// (Prisma's `parseInt(id)`, a Mongo cast) stay reported.
const REGISTER = (after: string) => dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
    const { env } = getCloudflareContext();
    const { id: eventId } = await params;
    const event = await env.DB.prepare("SELECT * FROM VolunteerEvent WHERE id = ? AND isActive = 1").bind(eventId).first();
    if (!event) {
      return NextResponse.json({ error: "Event not found" }, { status: 404 });
    }
    ${after}
  }
`;
const REGISTER_READ_ONLY = REGISTER("return NextResponse.json(event);");
const NEXT_JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"15.0.0\", \"joi\": \"17.0.0\" } }\n" };
const REGISTER_FILE = "src/app/api/volunteer-events/[id]/register/route.ts";

// A Next.js route handler that hands its own request, with a callback, to a wrapper imported from the
// project (`withTurnstileProtection(request, async (req) => …)`; ebar0n cf-worker-church-platform
// enrollments/create and member routes, labelled findings): the callback's `req` is that request.
const PROTECTED = (use: string) => dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { withTurnstileProtection } from "@/lib/turnstile";
  export async function POST(request: NextRequest) {
    return withTurnstileProtection(request, async (req) => {
      const body = await req.json();
      ${use}
      return NextResponse.json({ ok: true });
    });
  }
`;
const PROTECTED_STORED = PROTECTED("await db.enrollment.create({ data: { childName: body.childName } });");

const valid: ValidCase[] = [
  { name: "next: a callback handed the route's own request parses its body with a schema", code: PROTECTED("const input = EnrollmentBody.parse(body);\n    await db.enrollment.create({ data: input });"), filename: "src/app/api/enrollments/create/route.ts", files: NEXT_JOI },
  { name: "next: a route id looked up first as a bound D1 parameter, 404 on a miss, before an insert", code: REGISTER("await env.DB.prepare(\"INSERT INTO VolunteerRegistration (volunteerEventId) VALUES (?)\").bind(event.id).run();\n  return NextResponse.json({ ok: true });"), filename: REGISTER_FILE, files: NEXT_JOI },
  { name: "express: a body secret compared with a handler const of the configured key", code: ADMIN_SECRET("process.env.ADMIN_SECRET_KEY || \"change-me\""), filename: "controllers/paymentController.js" },
  { name: "next: a route id only read as a key of the imported module's own table", code: INSIGHTS("getMockThread"), filename: INSIGHTS_FILE, files: INSIGHTS_FILES },
  { name: "express: an own-key test of the body, the element handed to a module function that checks it first", code: DRY_RUN("parseBooleanInput"), filename: "src/web/routes/admin.ts" },
  { name: "express: a body element read under a typeof test written with another cast", code: PLAN_PARAM, filename: "src/web/routes/stripe.ts" },
  { name: "fetchJson: a reply array-checked through a cast into a let only counted", code: SNAPSHOT("count: list.length"), filename: "src/web/admin.ts" },
  { name: "fetchJson: a reply field array-checked through an optional link into a const only counted", code: PREVIEW, filename: "src/web/admin.ts" },
  { name: "web: a string-coerced field handed to an imported helper that answers null unless its regex tests pass", code: SEND_OTP("normalizePhone"), filename: OTP_FILE, files: OTP_FILES },
  { name: "express: a wrapped controller in an exported object, its route validates the body", code: CREATE_ONLY, filename: ORDER_FILE, files: orderRoute("validateRequest(createOrderSchema), ", "") },
];

const invalid: InvalidCase[] = [
  {
    name: "express: a wrapped controller in an exported object, its route validates nothing",
    code: ORDER_CONTROLLER,
    filename: ORDER_FILE,
    files: orderRoute("", "validateRequest(statusSchema), "),
    findings: [
      { case: "expressBody", line: 6, column: 36, endColumn: 44, suggestions: [mark(ORDER_CONTROLLER, "expressBody", 6)] },
      // The factory's middleware reads only req.body: the route's :id is not validated.
      { case: "expressParams", line: 11, column: 47, endColumn: 57, suggestions: [mark(ORDER_CONTROLLER, "expressParams", 11)] },
    ],
    output: null,
  },
  {
    name: "web: the same field handed to an imported helper that only strips characters",
    code: STRIPPED,
    filename: OTP_FILE,
    files: OTP_FILES,
    findings: [{ case: "webRequest", line: 3, column: 22, endColumn: 32, suggestions: [mark(STRIPPED, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "fetchJson: the same list with an element read",
    code: SNAPSHOT_FIRST,
    filename: "src/web/admin.ts",
    findings: [{ case: "fetchJson", line: 4, column: 26, endColumn: 36, suggestions: [mark(SNAPSHOT_FIRST, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "express: the same element handed to a module function that stores it",
    code: DRY_RUN_STORED,
    filename: "src/web/routes/admin.ts",
    // A joi project: no Zod fix is offered, only the directive.
    files: { "package.json": JOI_PACKAGE },
    findings: [{ case: "expressBody", line: 13, column: 16, endColumn: 24, suggestions: [mark(DRY_RUN_STORED, "expressBody", 13)] }],
    output: null,
  },
  {
    name: "next: the same id written as a key of that table",
    code: TOUCHED,
    filename: INSIGHTS_FILE,
    files: INSIGHTS_FILES,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 30, suggestions: [mark(TOUCHED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "next: the same id picking a table entry that is called",
    code: CALLED,
    filename: INSIGHTS_FILE,
    files: INSIGHTS_FILES,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 30, suggestions: [mark(CALLED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "next: the same id deleting a table entry",
    code: DROPPED,
    filename: INSIGHTS_FILE,
    files: INSIGHTS_FILES,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 30, suggestions: [mark(DROPPED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "express: the same secret compared with a const holding another request value",
    code: SECRET_FROM_QUERY,
    filename: "controllers/paymentController.js",
    files: { "package.json": JOI_PACKAGE },
    findings: [
      { case: "expressBody", line: 4, column: 52, endColumn: 60, suggestions: [mark(SECRET_FROM_QUERY, "expressBody", 4)] },
    ],
    output: null,
  },
  {
    name: "next: the same D1 lookup in a read-only handler",
    code: REGISTER_READ_ONLY,
    filename: REGISTER_FILE,
    files: NEXT_JOI,
    findings: [{ case: "nextAppRequest", line: 4, column: 33, endColumn: 39, suggestions: [mark(REGISTER_READ_ONLY, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "next: a callback handed the route's own request stores a field of its body",
    code: PROTECTED_STORED,
    filename: "src/app/api/enrollments/create/route.ts",
    files: NEXT_JOI,
    findings: [{ case: "nextAppRequest", line: 5, column: 24, endColumn: 34, suggestions: [mark(PROTECTED_STORED, "nextAppRequest", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
