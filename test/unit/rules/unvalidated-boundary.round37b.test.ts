import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired held round 37, session 34, developer ub34b. Hand-written rows.

// A Hono worker on D1 with Drizzle, its tables re-exported by a barrel (ohsemdomain/nona worker/db/index.ts).
const HONO = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"drizzle-orm\": \"^0.40.0\" } }\n",
  "worker/db/auth-schema.ts": "import { sqliteTable, text, integer } from \"drizzle-orm/sqlite-core\";\nexport const user = sqliteTable(\"user\", {\n  id: text(\"id\").primaryKey(),\n  publicId: text(\"public_id\").notNull().unique(),\n  name: text(\"name\").notNull(),\n  deletedAt: integer(\"deleted_at\"),\n});\n",
  "worker/db/index.ts": "import { drizzle } from \"drizzle-orm/d1\";\nexport function createDb(d1: D1Database) { return drizzle(d1); }\nexport * from \"./auth-schema\";\n",
};
// An Express API on Postgres with Drizzle, validating with Joi (no Zod fix offered; a hand-made row: another framework, a destructured first row, the table
// named through `export { members } from`).
const EXPRESS = {
  "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.0.0\", \"drizzle-orm\": \"^0.40.0\", \"pg\": \"^8.0.0\", \"joi\": \"^17.0.0\" } }\n",
  "src/db/tables/members.ts": "import { pgTable, serial, varchar } from \"drizzle-orm/pg-core\";\nexport const members = pgTable(\"members\", { id: serial(\"id\").primaryKey(), handle: varchar(\"handle\", { length: 40 }).notNull() });\n",
  "src/db/schema.ts": "export { members } from \"./tables/members\";\n",
};

// nona worker/route/user.ts:307: the publicId looked up first behind the route's permission guard, the soft delete
// keyed by the row found (labelled clean, debatable).
const SOFT_DELETE = (guard: string, where: string, after = "") => dedent`
  import { Hono } from "hono";
  import { eq, and, isNull } from "drizzle-orm";
  import { createDb, user } from "../db";
  import { requirePermission } from "../lib/permission";
  const app = new Hono<{ Bindings: Env }>();
  app.delete("/:id", ${guard}async (c) => {
    const db = createDb(c.env.DB);
    const publicId = c.req.param("id");
    const existing = await db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(and(eq(user.publicId, publicId), isNull(user.deletedAt)))
      .limit(1);
    if (existing.length === 0) {
      return c.json({ error: "User not found" }, 404);
    }
    await db.update(user).set({ deletedAt: Date.now() }).where(${where});
    c.executionCtx.waitUntil(logAudit(db, { action: "delete", resourceId: publicId }));${after}
    return c.json({ success: true });
  });
  export default app;
`;

// The Express shape: `const [member] = …limit(1)`, `if (!member) return 404`, the removal through a function of the project.
const REMOVE = (guard: string, key: string) => dedent`
  import { Router } from "express";
  import { eq } from "drizzle-orm";
  import { db } from "../db";
  import { members } from "../db/schema";
  import { requireAdmin } from "../auth";
  export const router = Router();
  router.delete("/members/:handle", ${guard}async (req, res) => {
    const [member] = await db.select().from(members).where(eq(members.handle, req.params.handle)).limit(1);
    if (!member) return res.status(404).json({ error: "No such member" });
    await removeMember(${key});
    res.status(204).end();
  });
`;

// A Worker reading its own Durable Object through the stub its namespace binding hands out (claude-code-reminder-bot
// src/commands.ts:195, labelled clean), and a hand-made one with another naming and the newer getByName.
const WORKERS = { "package.json": "{ \"name\": \"bot\", \"dependencies\": { \"joi\": \"^17.0.0\" }, \"devDependencies\": { \"wrangler\": \"^3.0.0\" } }\n", "wrangler.toml": "name = \"bot\"\nmain = \"src/index.ts\"\n" };
const REMINDERS = (stub: string) => dedent`
  export async function listReminders(env: Env, userId: string): Promise<string> {
    ${stub}
    const res = await storage.fetch(new Request(\`https://reminder-storage/reminders?userId=\${userId}\`));
    if (!res.ok) throw new Error("Failed to fetch reminders");
    const reminders = (await res.json()) as { id: string; message: string }[];
    return reminders.map((r) => \`\${r.id}: \${r.message}\`).join("\\n");
  }
`;
const BY_NAME = dedent`
  export default {
    async scheduled(_event: ScheduledEvent, env: Env): Promise<void> {
      const res = await env.ROOMS.getByName("lobby").fetch("https://rooms/due");
      const due = await res.json<{ room: string; count: number }[]>();
      for (const d of due) await env.QUEUE.send({ room: d.room, count: d.count });
    },
  };
`;

// A rates helper whose reply array is chosen among checked candidates and mapped field by field through String() and
// Number() (reefcultures lib/shipengine.ts:91, labelled clean debatable: held rounds 26 and 29), and a hand-made axios
// search helper of the same kind.
const NEXT_APP = { "package.json": "{ \"name\": \"shop\", \"dependencies\": { \"next\": \"^15.0.0\", \"axios\": \"^1.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const RATES = (carrier: string) => dedent`
  export async function getRates(body: string) {
    const res = await fetch("https://api.shipstation.com/v2/rates", { method: "POST", body });
    if (!res.ok) throw new Error(\`rates failed: \${res.status}\`);
    const data = await res.json();
    const arr: any[] = Array.isArray(data) ? data : Array.isArray(data?.rates) ? data.rates : [];
    return arr
      .map((r) => {
        const amount = Number(r.shipmentCost ?? r.amount);
        if (!Number.isFinite(amount)) return null;
        return { carrier: ${carrier}, amount, days: r.deliveryDays != null ? Number(r.deliveryDays) : undefined };
      })
      .filter(Boolean);
  }
`;
const SEARCH = (label: string) => dedent`
  import axios from "axios";
  export async function searchBooks(q: string) {
    const resp = await axios.get("https://books.example.com/search", { params: { q }, timeout: 5000 });
    const results = Array.isArray(resp.data?.results) ? resp.data.results : [];
    return results.map((it: any) => ({ id: String(it.id ?? ""), label: ${label} }));
  }
`;

const ROW_KEY = "eq(user.id, existing[0].id)";
const RAW_KEY = "eq(user.publicId, publicId)";

const valid: ValidCase[] = [
  { name: "honoRequest: a text publicId looked up first behind the route's guard, the write keyed by the row found", code: SOFT_DELETE("requirePermission(\"user:delete\"), ", ROW_KEY), filename: "worker/route/user.ts", files: HONO },
  // On a sqliteTable the value is clean without the guard and with a write keyed by it too (round 29's D1 rule,
  // lookup-first.ts drizzleSqliteLookedUpFirst: SQLite binds any value as it is, so past the miss test it is an id the store
  // holds; who may ask is authorization).
  { name: "honoRequest: the same route with no guard, on a sqliteTable (round 29's D1 rule)", code: SOFT_DELETE("", ROW_KEY), filename: "worker/route/user.ts", files: HONO },
  { name: "honoRequest: the write keyed by the raw publicId, on a sqliteTable (round 29's D1 rule)", code: SOFT_DELETE("requirePermission(\"user:delete\"), ", RAW_KEY), filename: "worker/route/user.ts", files: HONO },
  { name: "expressParams: a varchar handle looked up first behind requireAdmin, removed by the row's own id", code: REMOVE("requireAdmin, ", "member.id"), filename: "src/routes/members.ts", files: EXPRESS },
  { name: "fetchJson: the app's own Durable Object answer through a stub from idFromName", code: REMINDERS("const id = env.REMINDER_STORAGE.idFromName(\"default\");\n  const storage = env.REMINDER_STORAGE.get(id);"), filename: "src/commands.ts", files: WORKERS },
  { name: "fetchJson: a Durable Object stub from getByName, read and queued", code: BY_NAME, filename: "src/index.ts", files: WORKERS },
  { name: "fetchJson: a checked reply array chosen among candidates, mapped through String() and Number()", code: RATES("String(r.carrierCode ?? r.carrier ?? \"carrier\")"), filename: "lib/shipengine.ts", files: NEXT_APP },
  { name: "fetchJson: an axios reply's checked results mapped through String()", code: SEARCH("String(it.title ?? it.name ?? \"untitled\")"), filename: "lib/books.ts", files: NEXT_APP },
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  // Look-up-first on Postgres: no guard, or a write keyed by the raw value.
  row("expressParams: the removal named by the raw handle", REMOVE("requireAdmin, ", "req.params.handle"), "src/routes/members.ts", EXPRESS, "expressParams", 8, 77, 87),
  row("expressParams: the same lookup on a route with no guard", REMOVE("", "member.id"), "src/routes/members.ts", EXPRESS, "expressParams", 8, 77, 87),
  // Durable Objects: only a namespace's stub of an id it made.
  row("fetchJson: a service binding's fetch is another Worker, no Durable Object stub", REMINDERS("const storage = env.STORAGE_SERVICE;"), "src/commands.ts", WORKERS, "fetchJson", 5, 28, 38),
  row("fetchJson: a stub from get of a value that is no Durable Object id", REMINDERS("const storage = env.REMINDER_STORAGE.get(userId);"), "src/commands.ts", WORKERS, "fetchJson", 5, 28, 38),
  // Checked reply arrays: a field that goes on as it came (the rates helper, then the search helper).
  ...(
    [
      ["rates", RATES("r.carrierCode"), "lib/shipengine.ts", 22, 32],
      ["search", SEARCH("it.title"), "lib/books.ts", 33, 42],
    ] as const
  ).map(([what, code, file, from, to]) => row(`fetchJson: the same ${what} with a field returned as it came`, code, file, NEXT_APP, "fetchJson", 4, from, to)),
];

runWithNamedCases(valid, invalid);
