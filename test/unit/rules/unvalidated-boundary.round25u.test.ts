import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 23, developer ub25 (issue 11): classes of unvalidated-boundary's misses and decided false
// positives over the tune part (held rounds 23 and 24 retired), written into
// docs/rules/unvalidated-boundary.md. Hand-written analogues, not the repositories' code.

// A query value bound in a SQL tag (neon's, postgres.js's `sql`): a bound parameter, still the query's key.
const SQL_TAG_KEY = dedent`
  import { neon } from "@neondatabase/serverless";
  const sql = neon(process.env.DATABASE_URL!);
  export async function DELETE(request: Request) {
    const id = new URL(request.url).searchParams.get("ticket");
    if (!id) return Response.json({ error: "ticket required" }, { status: 400 });
    await sql\`DELETE FROM tickets WHERE id = \${id}\`;
    return Response.json({ ok: true });
  }
`;

// Another tag (a GraphQL document, styled markup) runs no query.
const OTHER_TAG = dedent`
  import { gql } from "graphql-tag";
  export async function GET(request: Request) {
    const id = new URL(request.url).searchParams.get("ticket");
    if (!id) return Response.json({ error: "ticket required" }, { status: 400 });
    return Response.json({ doc: gql\`query { ticket(id: "\${id}") { id } }\`.loc?.source.body.length });
  }
`;

// A Hono validator names the part it checks: the body, not the route param of the same route.
const HONO_TARGET_PARAM = dedent`
  import { Hono } from "hono";
  import { zValidator } from "@hono/zod-validator";
  import { and, eq } from "drizzle-orm";
  const app = new Hono();
  app.put("/:id", zValidator("json", NoteUpdate), async (c) => {
    const id = c.req.param("id");
    const rows = await db.update(notes).set(c.req.valid("json")).where(and(eq(notes.id, id), eq(notes.owner, c.get("user")))).returning();
    return c.json(rows[0]);
  });
`;

// The param validated by its own target: checked.
const HONO_TARGET_COVERED = dedent`
  import { Hono } from "hono";
  import { zValidator } from "@hono/zod-validator";
  import { eq } from "drizzle-orm";
  const app = new Hono();
  app.delete("/:id", zValidator("param", NoteParams), async (c) => {
    const id = c.req.param("id");
    await db.delete(notes).where(eq(notes.id, id));
    return c.json({ ok: true });
  });
`;

// The reply's own success flag tested by an exiting \`if\`, its error field wording the thrown error: no use.
const SUCCESS_FLAG_GATE = dedent`
  export async function postToChat(token: string, channel: string, text: string) {
    const response = await fetch("https://chat.example.com/api/chat.postMessage", {
      method: "POST",
      headers: { Authorization: \`Bearer \${token}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ channel, text }),
    });
    const result = await response.json();
    if (!result.ok) {
      throw new Error(\`chat error: \${result.error}\`);
    }
  }
`;

// Past the same gate, a field kept as the server's own state: a use.
const SUCCESS_FLAG_KEPT = dedent`
  export class Chat {
    private botId?: string;
    async whoAmI(token: string) {
      const response = await fetch("https://chat.example.com/api/auth.test", { headers: { Authorization: \`Bearer \${token}\` } });
      const result = await response.json();
      if (!result.ok) throw new Error(\`chat error: \${result.error}\`);
      this.botId = result.user_id;
      return this.botId;
    }
  }
`;

// A token reply's fields only printed, some through a date or a number made of them: no use.
const PRINTED_DATES = dedent`
  export async function showToken(url: string, form: string) {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form });
    if (!response.ok) return;
    const data = await response.json();
    console.log(\`token: \${data.access_token}\`);
    console.log(\`expires: \${new Date(data.expires_at * 1000).toLocaleString()}\`);
    const hours = Math.round((data.expires_at - data.issued_at) / 3600);
    console.log(\`valid for \${hours} hours\`);
  }
`;

// The same date built of a field, then stored: a use.
const STORED_DATE = dedent`
  import { db } from "./db";
  export async function saveToken(url: string, form: string) {
    const response = await fetch(url, { method: "POST", body: form });
    if (!response.ok) return;
    const data = await response.json();
    await db.tokens.insert({ expiresAt: new Date(data.expires_at * 1000).toISOString() });
  }
`;

// A method hands back the ok-tested reply whole; its callers only answer and log fields of it.
const HELPER_OK_WHOLE = dedent`
  import { jsonResponse } from "./http";
  export class Billing {
    async checkout(email: string) {
      let session;
      try {
        session = await this.createSession(email);
      } catch (err) {
        session = await this.createSession("");
      }
      console.log("checkout", session.id);
      return jsonResponse({ url: session.url });
    }
    async createSession(email: string) {
      const response = await fetch("https://pay.example.com/v1/sessions", { method: "POST", body: new URLSearchParams({ email }) });
      if (!response.ok) throw new Error(\`pay \${response.status}\`);
      return await response.json();
    }
  }
`;

// The same helper without the status test: an error body would be answered as the session.
const HELPER_UNTESTED_WHOLE = dedent`
  import { jsonResponse } from "./http";
  export class Billing {
    async checkout(email: string) {
      const session = await this.createSession(email);
      return jsonResponse({ url: session.url });
    }
    async createSession(email: string) {
      const response = await fetch("https://pay.example.com/v1/sessions", { method: "POST", body: new URLSearchParams({ email }) });
      return await response.json();
    }
  }
`;

// A field of the ok-tested reply returned into a \`let\` the caller only answers.
const RETURNED_FIELD_LET = dedent`
  import { jsonResponse } from "./http";
  export class Portal {
    async open(customer: string, plan?: string) {
      let url;
      if (plan) url = await this.portalUrl(customer);
      else url = "https://billing.example.com/";
      return jsonResponse({ url });
    }
    async portalUrl(customer: string) {
      const response = await fetch("https://pay.example.com/v1/portal", { method: "POST", body: new URLSearchParams({ customer }) });
      if (!response.ok) throw new Error("portal failed");
      const portal = await response.json();
      return portal.url;
    }
  }
`;

// An ownership middleware: the body's id only compared with the authenticated user's, else 403.
const OWN_ID_ONLY = dedent`
  import express from "express";
  const router = express.Router();
  const ownClient = (req, res, next) => {
    const provided = req.body.clientId || req.query.clientId;
    if (provided && provided !== req.user.clientId) {
      return res.status(403).json({ error: "You can only access your own resources" });
    }
    next();
  };
  router.post("/reports", ownClient, (req, res) => res.json({ ok: true }));
  export default router;
`;

// Compared with another field of the request: no check; the id then looks a row up.
const OWN_ID_OTHER_FIELD = dedent`
  import express from "express";
  const router = express.Router();
  router.post("/reports", async (req, res) => {
    const provided = req.body.clientId;
    if (provided !== req.body.ownerId) return res.status(403).json({ error: "denied" });
    res.json(await Report.findOne({ clientId: provided }));
  });
  export default router;
`;

// A string method on the raw field before the length check: a number throws there first.
const TRIM_LENGTH = dedent`
  import Router from "@koa/router";
  const router = new Router();
  router.post("/notes", async (ctx) => {
    const { text } = ctx.request.body;
    if (!text || text.trim().length === 0) {
      ctx.status = 400;
      return;
    }
    ctx.body = await db.notes.insert({ text });
  });
  export default router;
`;

// The same check behind a typeof test of the field: decided.
const TRIM_LENGTH_TYPED = dedent`
  import Router from "@koa/router";
  const router = new Router();
  router.post("/notes", async (ctx) => {
    const { text } = ctx.request.body;
    if (typeof text !== "string" || text.trim().length === 0) {
      ctx.status = 400;
      return;
    }
    ctx.body = await db.notes.insert({ text });
  });
  export default router;
`;

// The AI SDK's answer cut out with a regex, parsed and spread into an upsert.
const AI_SDK_SPREAD = dedent`
  import { generateText } from "ai";
  export async function enrich(name: string) {
    const { text } = await generateText({ model: "acme/model-1", prompt: \`Describe \${name} as JSON\` });
    const m = text.match(/\\{[\\s\\S]*\\}/);
    if (!m) return null;
    const profile = JSON.parse(m[0]);
    return db.profiles.upsert({ name, ...profile });
  }
`;

// A \`generateText\` of the file's own (no AI SDK import): not a model's answer.
const OWN_GENERATE_TEXT = dedent`
  function generateText(opts: { prompt: string }) {
    return { text: JSON.stringify({ prompt: opts.prompt }) };
  }
  export function draft(name: string) {
    const { text } = generateText({ prompt: name });
    const doc = JSON.parse(text);
    return db.drafts.insert({ ...doc });
  }
`;

// A URL built on the query value with the site's origin as base: an absolute value replaces the base.
const URL_ON_VALUE = dedent`
  import { NextResponse, type NextRequest } from "next/server";
  export async function GET(request: NextRequest) {
    const url = new URL(request.url);
    const next = url.searchParams.get("next") || "/";
    return NextResponse.redirect(new URL(next, url.origin));
  }
`;

// The same URL whose host is allowlisted before the redirect.
const URL_HOST_ALLOWED = dedent`
  import { NextResponse, type NextRequest } from "next/server";
  const HOSTS = new Set(["app.example.com"]);
  export async function GET(request: NextRequest) {
    const url = new URL(request.url);
    const target = new URL(url.searchParams.get("next") || "/", url.origin);
    if (!HOSTS.has(target.hostname)) return NextResponse.json({ error: "blocked" }, { status: 400 });
    return NextResponse.redirect(target);
  }
`;

const valid: ValidCase[] = [
  { name: "sql tag: a tag that runs no query", code: OTHER_TAG, filename: "app/api/tickets/route.ts" },
  { name: "hono: the param checked by a validator of its own target", code: HONO_TARGET_COVERED, filename: "src/routes/notes.ts" },
  { name: "reply: its success flag tested by an exiting if, the error field wording the error", code: SUCCESS_FLAG_GATE, filename: "src/services/chat.ts" },
  { name: "reply: fields printed through a date and a number made of them", code: PRINTED_DATES, filename: "scripts/show-token.js" },
  { name: "reply: handed back whole by an ok-testing method, its fields only answered and logged", code: HELPER_OK_WHOLE, filename: "src/billing.ts" },
  { name: "reply: a field returned into a let the caller only answers", code: RETURNED_FIELD_LET, filename: "src/portal.ts" },
  { name: "body: an id only compared with the authenticated user's, else 403", code: OWN_ID_ONLY, filename: "src/routes/reports.js" },
  { name: "body: a length check of the trimmed field behind its typeof test", code: TRIM_LENGTH_TYPED, filename: "src/routes/notes.js" },
  { name: "model: a generateText of the file's own is no model answer", code: OWN_GENERATE_TEXT, filename: "src/draft.ts" },
  { name: "redirect: a URL built on the value whose hostname is allowlisted first", code: URL_HOST_ALLOWED, filename: "app/auth/callback/route.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "sql tag: a query value bound as the delete key",
    code: SQL_TAG_KEY,
    filename: "app/api/tickets/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 14, endColumn: 61, suggestions: [mark(SQL_TAG_KEY, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "hono: a json validator leaves the route param input",
    code: HONO_TARGET_PARAM,
    filename: "src/routes/notes.ts",
    findings: [{ case: "honoRequest", line: 6, column: 14, endColumn: 31, suggestions: [mark(HONO_TARGET_PARAM, "honoRequest", 6)] }],
    output: null,
  },
  {
    name: "reply: past its success-flag gate, a field kept in the server's state",
    code: SUCCESS_FLAG_KEPT,
    filename: "src/services/chat.ts",
    findings: [{ case: "fetchJson", line: 5, column: 26, endColumn: 41, suggestions: [mark(SUCCESS_FLAG_KEPT, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "reply: a date made of a field, stored",
    code: STORED_DATE,
    filename: "src/token.ts",
    findings: [
      {
        case: "fetchJson",
        line: 5,
        column: 22,
        endColumn: 37,
        suggestions: [
          {
            title: "Validate response.json() with Zod (adds the zod dependency)",
            output: STORED_DATE.replace('import { db } from "./db";\n', 'import { db } from "./db";\nimport { z } from "zod";\nconst SaveTokenResponse = z.object({ expires_at: z.number() });\n\n').replace("const data = await response.json();", "const data = SaveTokenResponse.parse(await response.json());"),
          },
          mark(STORED_DATE, "fetchJson", 5),
        ],
      },
    ],
    output: null,
  },
  {
    name: "reply: handed back whole by a method that never tests the status",
    code: HELPER_UNTESTED_WHOLE,
    filename: "src/billing.ts",
    findings: [{ case: "fetchJson", line: 9, column: 18, endColumn: 33, suggestions: [mark(HELPER_UNTESTED_WHOLE, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "body: an id compared with another field of the request, then a lookup key",
    code: OWN_ID_OTHER_FIELD,
    filename: "src/routes/reports.js",
    findings: [{ case: "expressBody", line: 4, column: 20, endColumn: 28, suggestions: [mark(OWN_ID_OTHER_FIELD, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "body: a length check of the trimmed field, no typeof test",
    code: TRIM_LENGTH,
    filename: "src/routes/notes.js",
    findings: [
      {
        case: "koaRequest",
        line: 4,
        column: 20,
        endColumn: 36,
        suggestions: [
          {
            title: "Validate ctx.request.body with Zod (adds the zod dependency)",
            output: TRIM_LENGTH.replace('import Router from "@koa/router";\nconst router = new Router();\n', 'import Router from "@koa/router";\nimport { z } from "zod";\nconst router = new Router();\nconst PostNotesBody = z.object({ text: z.string().nullish() });\n\n').replace(
              "  const { text } = ctx.request.body;\n",
              "  const parsed = PostNotesBody.safeParse(ctx.request.body);\n  if (!parsed.success) {\n    ctx.status = 400;\n    ctx.body = { error: parsed.error.issues };\n    return;\n  }\n  const { text } = parsed.data;\n",
            ),
          },
          mark(TRIM_LENGTH, "koaRequest", 4),
        ],
      },
    ],
    output: null,
  },
  {
    name: "model: the AI SDK's text cut out with a regex, parsed and spread into an upsert",
    code: AI_SDK_SPREAD,
    filename: "src/enrich.ts",
    findings: [{ case: "jsonParseExternal", line: 6, column: 19, endColumn: 35, suggestions: [mark(AI_SDK_SPREAD, "jsonParseExternal", 6)] }],
    output: null,
  },
  {
    name: "redirect: a URL built on the query value with the origin as base",
    code: URL_ON_VALUE,
    filename: "app/auth/callback/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 16, endColumn: 44, suggestions: [mark(URL_ON_VALUE, "nextAppRequest", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
