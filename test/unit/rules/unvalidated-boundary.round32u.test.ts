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

// A body field trimmed only to test it for emptiness, then sent as a recipient (RbnHoodX/jewerly-magento-backend
// server.ts:447, a decided finding): `email.trim()` throws on a number or an object (a 500), as a trimmed
// length check does; a `typeof` test first decides it.
const EMAIL = (test: string) => dedent`
  app.post("/api/email/test", async (req, res) => {
    const { email } = req.body;
    const to = ${test} ? email : "test@example.com";
    res.json(await mailer.testEmail(to));
  });
`;

// The app's own rows through its PostgREST endpoint, the URL held in a local first (khadum-webhook-final
// worker.js:140, `CONFIG.supabase.url`; mentormatchmaking mentors/route.ts:38, a `let` only appended to):
// the own-rows exemption of a URL written in the call.
const ROWS = (url: string, between: string) => dedent`
  export async function loadHistory(phone: string, CONFIG: Config, supabaseUrl: string) {
    ${url}
    ${between}
    const res = await fetch(url, { headers: { apikey: CONFIG.supabase.key } });
    const rows = await res.json();
    return rows[0].conversation;
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename: string): ValidCase {
  return { name, code, filename, files: JOI };
}

const valid: ValidCase[] = [
  ok("nextAppRequest: a query value in the query string of a request with no credential header", DIRECT("search", "{ accept: \"application/json\" }"), ROUTE),
  ok("nextAppRequest: the value encodeURIComponent'd into the keyed request", DIRECT("encodeURIComponent(search)", "{ apikey: key }"), ROUTE),
  ok("expressBody: the field typeof-tested before its emptiness check", EMAIL("typeof email === \"string\" && email.trim() !== \"\""), "src/api/server.ts"),
  ok("fetchJson: own rows through a const URL on CONFIG.supabase.url", ROWS("const url = `${CONFIG.supabase.url}/rest/v1/chat_history?select=conversation`;", ""), "src/worker.ts"),
  ok("fetchJson: own rows through a let URL only appended to", ROWS("let url = `${supabaseUrl}/rest/v1/User?role=eq.MENTOR`;", "url += \"&order=createdAt.desc\";"), "src/worker.ts"),
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
  row("expressBody: a field trimmed only to compare it with the empty string", EMAIL("email && email.trim() !== \"\""), "src/api/server.ts", "expressBody", 2, 21, 29),
  row("expressBody: the same comparison written the other way round", EMAIL("email && \"\" !== email.trim()"), "src/api/server.ts", "expressBody", 2, 21, 29),
  row("fetchJson: the let URL replaced by another host's", ROWS("let url = `${supabaseUrl}/rest/v1/User?role=eq.MENTOR`;", "if (phone) url = CONFIG.backupUrl;"), "src/worker.ts", "fetchJson", 5, 22, 32),
  row("fetchJson: a URL on another configured host's url", ROWS("const url = `${CONFIG.api.url}/rest/v1/chat_history`;", ""), "src/worker.ts", "fetchJson", 5, 22, 32),
];

runWithNamedCases(valid, invalid);
