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

const valid: ValidCase[] = [
  { name: "sql tag: a tag that runs no query", code: OTHER_TAG, filename: "app/api/tickets/route.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "sql tag: a query value bound as the delete key",
    code: SQL_TAG_KEY,
    filename: "app/api/tickets/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 14, endColumn: 61, suggestions: [mark(SQL_TAG_KEY, "nextAppRequest", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
