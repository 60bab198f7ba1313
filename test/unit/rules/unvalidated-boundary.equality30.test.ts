import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// The equality-filter decision (the lead, session 29; held round 32 retired to tune), session 30, developer
// ub30. Hand-written rows: a route or query string the store matches as it is, only an equality filter of a
// read (scoped to the signed-in user, or one row whose miss ends the request), is no use; a lookup that
// converts the value first (a key or date column, a Mongoose filter, a Prisma `Int`) stays one.

// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"next\": \"14.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const PRISMA = {
  "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"joi\": \"^17.0.0\", \"@prisma/client\": \"^5.0.0\" } }\n",
  "prisma/schema.prisma": "model Ticket {\n  id    String @id @default(cuid())\n  code  String @unique\n  seat  Int    @unique\n}\n",
};
const EXPRESS = "routes/chat.js";
const NEXT = "app/api/users/route.ts";

// A route string bound as the second key of a statement whose filter also names the signed-in user
// (work-99/Jtest-Backend chat.controller, both labelled clean: a `varchar` session id).
const SCOPED = (sql: string) => dedent`
  const { pool } = require("../db");
  router.get("/conversations/:sessionId", async (req, res) => {
    const userId = req.user.id;
    const query = ${sql};
    const result = await pool.query(query, [userId, req.params.sessionId]);
    res.json({ messages: result.rows });
  });
`;

// A route token looked up as one row by knex, the miss answered (ujani-whatsapp-bot files.ts, labelled clean).
const TOKEN = (lookup: string) => dedent`
  const { db } = require("../db");
  router.get("/media/:token", async (req, res) => {
    const token = String(req.params.token || "").trim();
    if (!token) return res.status(400).end();
    const row = await ${lookup};
    if (!row) return res.status(404).end();
    res.json(row);
  });
`;

// A route code trimmed into a Sequelize lookup's `where`, 404 on a miss (examenBack-sw1 invitacionController:273).
const CODE = (column: string) => dedent`
  router.get("/invitations/:code", async (req, res) => {
    const { code } = req.params;
    const invitation = await Invitation.findOne({ where: { ${column}: code.trim() } });
    if (!invitation) {
      return res.status(404).json({ error: "not found" });
    }
    res.json(invitation);
  });
`;

// A query string as a PostgREST `.eq` of one row whose miss ends the request.
const EMAIL = (value: string, miss: string) => dedent`
  import { NextResponse } from "next/server";
  import { supabase } from "@/lib/supabase";
  export async function GET(request: Request) {
    const body = await request.json();
    const email = new URL(request.url).searchParams.get("email");
    const { data: user } = await supabase.from("users").select("*").eq("email", ${value}).single();
    ${miss}
    return NextResponse.json({ name: user.name, body });
  }
`;

// A D1 statement's bound slug, one row, the miss answered 404.
const SLUG = (sql: string) => dedent`
  export async function GET(request: Request, { params }: { params: { slug: string } }) {
    const row = await env.DB.prepare(${sql}).bind(params.slug).first();
    if (!row) return new Response("not found", { status: 404 });
    return Response.json(row);
  }
`;

// A Prisma lookup by a field the schema types.
const TICKET = (column: string) => dedent`
  import { prisma } from "@/lib/prisma";
  export async function GET(request: Request) {
    const value = new URL(request.url).searchParams.get("q");
    const ticket = await prisma.ticket.findUnique({ where: { ${column}: value } });
    if (!ticket) return Response.json({ error: "not found" }, { status: 404 });
    return Response.json(ticket);
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename: string, files: Record<string, string> = JOI): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("expressParams: a route string bound beside the owner in a SELECT", SCOPED("\"SELECT * FROM conversations WHERE user_id = $1 AND session_id = $2\""), EXPRESS),
  ok("expressParams: the same in a DELETE scoped to the owner", SCOPED("\"DELETE FROM conversations WHERE user_id = $1 AND session_id = $2\""), EXPRESS),
  ok("expressParams: a route token as knex's where of one row, the miss answered", TOKEN("db(\"media\").where({ token }).first()"), EXPRESS),
  ok("expressParams: a route code trimmed into a Sequelize where, 404 on a miss", CODE("code"), EXPRESS),
  ok("nextAppRequest: a query string as a PostgREST .eq of one row, the miss answered", EMAIL("email", "if (!user) return NextResponse.json({ success: true });"), NEXT),
  ok("nextAppRequest: a route slug bound in a D1 SELECT, 404 on a miss", SLUG("\"SELECT * FROM links WHERE slug = ?\""), "app/api/links/[slug]/route.ts"),
  ok("nextAppRequest: a Prisma String field the schema declares, 404 on a miss", TICKET("code"), "app/api/tickets/route.ts", PRISMA),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, filename: string, caseId: string, line: number, column: number, endColumn: number, files: Record<string, string> = JOI): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("expressParams: the route string beside the owner on the row's key (a uuid)", SCOPED("\"SELECT * FROM conversations WHERE user_id = $1 AND id = $2\""), EXPRESS, "expressParams", 5, 51, 61),
  row("expressParams: the route string beside the owner on a date column", SCOPED("\"SELECT * FROM entries WHERE user_id = $1 AND entry_date = $2\""), EXPRESS, "expressParams", 5, 51, 61),
  row("expressParams: a DELETE not scoped to the owner", SCOPED("\"DELETE FROM conversations WHERE session_id = $2 OR kind = $1\""), EXPRESS, "expressParams", 5, 51, 61),
  row("expressParams: the route token matched with LIKE", TOKEN("db.raw(\"SELECT * FROM media WHERE token LIKE ?\", [token])"), EXPRESS, "expressParams", 3, 24, 34),
  row("expressParams: a Mongoose filter (an operator object goes through)", TOKEN("Media.findOne({ token })"), EXPRESS, "expressParams", 3, 24, 34),
  row("expressParams: a Sequelize where on a key column", CODE("invitationId"), EXPRESS, "expressParams", 2, 20, 30),
  row("nextAppRequest: the .eq of a list read with no miss test", EMAIL("email", "const x = 1;"), NEXT, "nextAppRequest", 5, 17, 63),
  row("nextAppRequest: a body field in the same .eq (it may be an object)", EMAIL("body.email", "if (!user) return NextResponse.json({ success: true });"), NEXT, "nextAppRequest", 4, 22, 36),
  row("nextAppRequest: the route slug on the row's key in a D1 SELECT", SLUG("\"SELECT * FROM links WHERE id = ?\""), "app/api/links/[slug]/route.ts", "nextAppRequest", 2, 77, 83),
  row("nextAppRequest: a Prisma field the schema types Int", TICKET("seat"), "app/api/tickets/route.ts", "nextAppRequest", 3, 17, 59, PRISMA),
];

runWithNamedCases(valid, invalid);
