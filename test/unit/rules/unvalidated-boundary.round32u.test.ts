import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 32 (retired to tune), session 30, developer ub30. Hand-written rows.

// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const ROUTE = "app/api/mentors/route.ts";

// A query value put raw into the query string of a PostgREST URL on a configured origin, sent with the
// service-role key in the headers (Mrfocused1/mentormatchmaking-backup mentors/route.ts:10, :11, decided
// findings; round 29's keyed-request rule with the key in a header): a `&` adds or overrides filters.
const DIRECT = (value: string, headers: string) => dedent`
  export async function GET(request: Request) {
    const search = new URL(request.url).searchParams.get("search");
    const base = process.env.SUPABASE_URL;
    const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
    const res = await fetch(\`\${base}/rest/v1/users?name=eq.\${${value}}\`, { headers: ${headers} });
    return Response.json(await res.json());
  }
`;

// The same parameter appended to a URL the handler built first, the headers held in a const.
const APPENDED = (append: string) => dedent`
  export async function GET(request: Request) {
    const search = new URL(request.url).searchParams.get("search");
    const base = process.env.SUPABASE_URL;
    const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
    const headers = { apikey: key, Authorization: \`Bearer \${key}\` };
    let queryUrl = \`\${base}/rest/v1/User?role=eq.MENTOR\`;
    if (search) {
      queryUrl += ${append};
    }
    const res = await fetch(queryUrl, { headers });
    return Response.json(await res.json());
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename: string): ValidCase {
  return { name, code, filename, files: JOI };
}

const valid: ValidCase[] = [
  ok("nextAppRequest: a query value in the query string of a request with no credential header", DIRECT("search", "{ accept: \"application/json\" }"), ROUTE),
  ok("nextAppRequest: the value encodeURIComponent'd into the keyed request", DIRECT("encodeURIComponent(search)", "{ apikey: key }"), ROUTE),
  ok("nextAppRequest: an appended parameter encoded", APPENDED("`&name=ilike.*${encodeURIComponent(search)}*`"), ROUTE),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, filename: string, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files: JOI, output: null };
}

const invalid: InvalidCase[] = [
  row("nextAppRequest: a query value raw in the query string of a request carrying the apikey header", DIRECT("search", "{ apikey: key }"), ROUTE, "nextAppRequest", 2, 18, 65),
  row("nextAppRequest: the same with the key as a Bearer token", DIRECT("search", "{ Authorization: `Bearer ${key}` }"), ROUTE, "nextAppRequest", 2, 18, 65),
  row("nextAppRequest: a raw parameter appended to a built URL sent with const headers", APPENDED("`&name=ilike.*${search}*`"), ROUTE, "nextAppRequest", 2, 18, 65),
];

runWithNamedCases(valid, invalid);
