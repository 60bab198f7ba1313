import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33b. Hand-written rows.

// A "use server" data module over Drizzle (hotswapai src/db/queries.ts, the lead's round-36 decisions): an argument
// only compared with `eq` to a column the project's table keeps as text, in a read whose rows the action returns, is
// no use (round 25, clean debatable); a column that converts the value (an integer, a uuid: session 29's conversion
// rule), a write's filter, rows the action drops, and an argument only tested `!== ""` and stored stay uses.
const PG = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"drizzle-orm\": \"^0.36.0\", \"joi\": \"^17.0.0\" } }\n",
  "src/db/schema.ts": dedent`
    import { pgTable, integer, text, uuid } from "drizzle-orm/pg-core";
    export const conversations = pgTable("conversations", {
      id: integer().primaryKey().generatedAlwaysAsIdentity(),
      modelName: text("model_name").notNull(),
      userId: text("user_id"),
    });
    export const profiles = pgTable("profiles", {
      id: uuid().primaryKey().notNull(),
      firstName: text("first_name").notNull(),
    });
    export const apiKeys = pgTable("api_keys", {
      name: text().primaryKey().notNull(),
      userId: text("user_id").notNull(),
      providerId: integer("provider_id"),
    });
  `,
};
const QUERIES = "src/db/queries.ts";
const ACTION = (params: string, body: string) => dedent`
  "use server";
  import { drizzle } from "drizzle-orm/postgres-js";
  import { eq, and, exists } from "drizzle-orm";
  import { apiKeys, conversations, profiles } from "./schema";
  const db = drizzle(process.env.DATABASE_URL!);
  export async function action(${params}) {
    ${body}
  }
`;

// Another code shape (not the tune example's): sqlite-core columns declared by a callback, the relational query API,
// an arrow-function action with its own "use server", a mysql-core table in the same module.
const SQLITE = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"drizzle-orm\": \"^0.36.0\", \"joi\": \"^17.0.0\" } }\n",
};
const NOTES = (column: string, filter: string) => dedent`
  import { eq } from "drizzle-orm";
  import { sqliteTable } from "drizzle-orm/sqlite-core";
  import { db } from "@/lib/db";
  const notes = sqliteTable("notes", (t) => ({
    handle: t.integer().primaryKey(),
    slug: ${column},
  }));
  export const notesBySlug = async (slug: string) => {
    "use server";
    return db.query.notes.findMany({ where: ${filter} });
  };
`;
const SKUS = (column: string) => dedent`
  "use server";
  import { eq } from "drizzle-orm";
  import { mysqlTable, varchar, int } from "drizzle-orm/mysql-core";
  import { db } from "@/lib/db";
  const skus = mysqlTable("skus", { code: ${column}, stock: int("stock") });
  export async function stockFor(code: string) {
    const [row] = await db.select({ stock: skus.stock }).from(skus).where(eq(skus.code, code)).limit(1);
    return row?.stock ?? 0;
  }
`;

// The empty string sets aside one value: a presence test, not an allowlist, also for a Hono query value.
const HONO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const TAGS = (test: string) => dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/tags", async (c) => {
    const label = c.req.query("label");
    if (${test}) {
      await db.insert(tags).values({ label });
    }
    return c.json({ ok: true });
  });
`;

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("nextServerAction: text columns as eq filters of a select the action returns", ACTION("modelName: string, userId: string", "return (await db.select().from(conversations).where(and(eq(conversations.modelName, modelName), eq(conversations.userId, userId)))).toReversed();"), QUERIES, PG),
  ok("nextServerAction: a text column's filter in an exists() subquery of a returned select", ACTION("userId: string", "const result = await db.select().from(conversations).where(exists(db.select({ n: apiKeys.name }).from(apiKeys).where(eq(apiKeys.userId, userId))));\n  return result;"), QUERIES, PG),
  ok("nextServerAction: rows bound to a name a return reads", ACTION("userId: string", "const rows = await db.select().from(apiKeys).where(eq(apiKeys.userId, userId));\n  return lookupSecret(rows[0].name);"), QUERIES, PG),
  ok("nextServerAction: sqlite text column of a callback table, relational findMany returned", NOTES("t.text()", "eq(notes.slug, slug)"), "app/notes/actions.ts", SQLITE),
  ok("nextServerAction: mysql varchar column, the row's field returned", SKUS("varchar(\"code\", { length: 32 })"), "app/skus/actions.ts", SQLITE),
  ok("honoRequest: a query value compared with a non-empty literal before it is stored", TAGS("label === \"urgent\""), "src/routes/tags.ts", HONO),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("nextServerAction: a number argument on an integer column", ACTION("conversationId: number", "return db.select().from(conversations).where(eq(conversations.id, conversationId));"), QUERIES, PG, "nextServerAction", 6, 30, 44),
  row("nextServerAction: a string argument on a uuid column", ACTION("userId: string", "return db.select({ firstName: profiles.firstName }).from(profiles).where(eq(profiles.id, userId));"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: a text column as an update's filter", ACTION("userId: string", "return db.update(conversations).set({ modelName: \"x\" }).where(eq(conversations.userId, userId));"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: a select whose rows the action drops", ACTION("userId: string", "await db.select().from(apiKeys).where(eq(apiKeys.userId, userId));\n  return { ok: true };"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: an argument only tested !== \"\" and stored", ACTION("userId: string", "if (userId !== \"\") {\n    return db.insert(apiKeys).values({ name: \"k\", userId: userId });\n  } else throw new Error(\"no user\");"), QUERIES, PG, "nextServerAction", 6, 30, 36),
  row("nextServerAction: sqlite text in json mode parses what it stores", NOTES("t.text({ mode: \"json\" })", "eq(notes.slug, slug)"), "app/notes/actions.ts", SQLITE, "nextServerAction", 8, 35, 39),
  row("nextServerAction: an integer column of the callback table", NOTES("t.text()", "eq(notes.handle, slug)"), "app/notes/actions.ts", SQLITE, "nextServerAction", 8, 35, 39),
  row("nextServerAction: a mysql int column", SKUS("int(\"code\")"), "app/skus/actions.ts", SQLITE, "nextServerAction", 6, 32, 36),
  row("honoRequest: a query value only tested !== \"\" and stored", TAGS("label !== \"\""), "src/routes/tags.ts", HONO, "honoRequest", 4, 17, 37),
];

runWithNamedCases(valid, invalid);
