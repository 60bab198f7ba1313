import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34, developer ub34a: a raw body parsed only after its HMAC matched the request's signature, and round 29's
// D1 look-up-first rule through Drizzle on SQLite. Hand-written analogues of held round 37's decided false positives
// (Transaction_Demo's Razorpay webhook, nona's order routes; retired to tune), in other frameworks and shapes.

// Express with a raw body: the digest compared in constant time, a mismatch answered 401, then the JSON parsed.
const webhook = (onMismatch: string): string => dedent`
  const crypto = require("crypto");
  const Order = require("../models/order");
  exports.paddleHook = async (req, res) => {
    const raw = req.body;
    const digest = crypto.createHmac("sha256", process.env.PADDLE_SECRET).update(raw).digest("hex");
    if (!crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(String(req.get("paddle-signature"))))) ${onMismatch}
    const event = JSON.parse(raw.toString("utf8"));
    await Order.updateOne({ ref: event.data.ref }, { status: event.data.status });
    res.sendStatus(204);
  };
`;
const EXPRESS = { "package.json": '{ "dependencies": { "express": "^4.19.0", "mongoose": "^8.0.0", "joi": "^17.13.0" } }' };

// Next.js on D1 through Drizzle: the tables behind a barrel (`export * from "./schema"`).
const SCHEMA = (factory: string, core: string) => dedent`
  import { ${factory}, integer, text } from "drizzle-orm/${core}";
  export const projects = ${factory}("projects", { id: integer("id").primaryKey(), name: text("name") });
`;
const DB_FILES = (factory: string, core: string) => ({
  "package.json": '{ "dependencies": { "next": "^15.0.0", "drizzle-orm": "^0.36.0", "joi": "^17.13.0" } }',
  "db/index.ts": 'export * from "./schema";\nexport const db = {} as any;',
  "db/schema.ts": SCHEMA(factory, core),
});
const renameRoute = (write: string): string => dedent`
  import { NextResponse } from "next/server";
  import { and, eq } from "drizzle-orm";
  import { db, projects } from "@/db";
  export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
    const id = Number((await params).id);
    const [project] = await db.select().from(projects).where(and(eq(projects.id, id))).limit(1);
    if (!project) return NextResponse.json({ error: "not found" }, { status: 404 });
    ${write}
    return NextResponse.json({ ok: true });
  }
`;
const WRITE = 'await db.update(projects).set({ name: "renamed" }).where(eq(projects.id, project.id));';
const TSCONFIG = { "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }' };

const valid: ValidCase[] = [
  { name: "a raw body parsed after its HMAC matched the signature header in constant time, a mismatch answered 401", code: webhook("return res.sendStatus(401);"), filename: "src/controllers/paddle.js", files: EXPRESS },
  { name: "a Number()'d route id looked up first in a sqliteTable (behind a barrel), the miss answered 404, then a write", code: renameRoute(WRITE), filename: "app/api/projects/[id]/route.ts", files: { ...DB_FILES("sqliteTable", "sqlite-core"), ...TSCONFIG } },
];

const invalid: InvalidCase[] = [
  {
    name: "the mismatch only logged: the body parsed whatever its signature, reported",
    code: webhook('console.warn("bad signature");'),
    filename: "src/controllers/paddle.js",
    files: EXPRESS,
    findings: [{ case: "expressBody", line: 7, column: 17, endColumn: 49, suggestions: [mark(webhook('console.warn("bad signature");'), "expressBody", 7)] }],
    output: null,
  },
  {
    name: "the same lookup on a pgTable: Postgres rejects NaN for an integer (a 500), reported",
    code: renameRoute(WRITE),
    filename: "app/api/projects/[id]/route.ts",
    files: { ...DB_FILES("pgTable", "pg-core"), ...TSCONFIG },
    findings: [{ case: "nextAppRequest", line: 5, column: 28, endColumn: 34, suggestions: [mark(renameRoute(WRITE), "nextAppRequest", 5)] }],
    output: null,
  },
  {
    name: "a read-only handler on the sqliteTable: the filter answers the row, round 29 keeps it a use",
    code: renameRoute("console.log(project.name);"),
    filename: "app/api/projects/[id]/route.ts",
    files: { ...DB_FILES("sqliteTable", "sqlite-core"), ...TSCONFIG },
    findings: [{ case: "nextAppRequest", line: 5, column: 28, endColumn: 34, suggestions: [mark(renameRoute("console.log(project.name);"), "nextAppRequest", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
