import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on midday-ai/midday, measured unseen (issue 11). Hand-written analogues, not the project's code.

const HONO_PACKAGE = { "package.json": '{ "name": "api", "dependencies": { "hono": "^4.0.0", "@hono/zod-openapi": "^0.18.0" } }\n' };

// `@hono/zod-openapi`: the route's declared request parts are parsed before the handler runs.
const INLINE_ROUTE = dedent`
  import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
  import { HTTPException } from "hono/http-exception";
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      request: { params: z.object({ id: z.string().uuid() }).openapi("ProjectParams") },
      responses: { 200: { description: "ok" } },
    }),
    async (c) => {
      const id = c.req.param("id");
      return c.json(await db.project.findUnique({ where: { id } }));
    },
  );
`;

const listRoute = (query: string) => dedent`
  import { createRoute, OpenAPIHono, z, type RouteHandler } from "@hono/zod-openapi";
  import { HTTPException } from "hono/http-exception";
  const listQuery = z.object({ ${query} });
  const listRoute = createRoute({ method: "get", path: "/", request: { query: listQuery }, responses: {} });
  const list: RouteHandler<typeof listRoute> = async (c) => {
    const rows = await db.item.findMany({ where: { ownerId: c.req.query("owner") } });
    return c.json(rows);
  };
  export const app = new OpenAPIHono().openapi(listRoute, list);
`;

const IMPORTED_ROUTE = dedent`
  import { OpenAPIHono } from "@hono/zod-openapi";
  import { HTTPException } from "hono/http-exception";
  import { createNoteRoute } from "./notes.routes";
  const app = new OpenAPIHono();
  app.openapi(createNoteRoute, async (c) => {
    const body = await c.req.json();
    await db.note.create({ data: { title: body.title } });
    return c.json({ ok: true }, 201);
  });
`;

const notesRoutes = (request: string) => dedent`
  import { createRoute, z } from "@hono/zod-openapi";
  const NoteBody = z.object({ title: z.string().max(200) });
  export const createNoteRoute = createRoute({ method: "post", path: "/notes", ${request} responses: {} });
`;

const ALIAS_SCHEMA = (read: string) => dedent`
  import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
  import { HTTPException } from "hono/http-exception";
  import { teamParams } from "@api/schemas/team";
  const app = new OpenAPIHono();
  app.openapi(createRoute({ method: "delete", path: "/teams/{id}", request: { params: teamParams }, responses: {} }), async (c) => {
    await db.team.delete({ where: { id: ${read} } });
    return c.body(null, 204);
  });
`;

// A nested field of a response only compared with literals.
const statusCheck = (wrap: (body: string) => string) => dedent`
  export async function healthy(): Promise<boolean> {
    ${wrap(`const res = await fetch("https://status.example.com/api/v2/status.json");
    const data = (await res.json()) as StatusPage;
    return data.status.indicator === "none" || data.status.indicator === "minor";`)}
  }
`;
const IN_TRY = statusCheck((b) => `try {\n    ${b.replace(/\n/g, "\n  ")}\n  } catch {\n    return false;\n  }`);
const NO_TRY = statusCheck((b) => b);
// A project that validates with yup: the rule offers no Zod schema there.
const YUP_PACKAGE = { "package.json": '{ "name": "app", "dependencies": { "yup": "^1.4.0" } }\n' };

// A file the module writes itself, its path spelled through a helper on one side and path.join on the other.
const tokenStore = (written: string) => dedent`
  import * as fs from "node:fs";
  import * as os from "node:os";
  import * as path from "node:path";
  function configDir(): string {
    const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
    return path.join(base, "acme");
  }
  function ensureDir(): string {
    const dir = configDir();
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  const tokenFile = () => path.join(configDir(), "token.json");
  export function readToken(): string | undefined {
    const raw = fs.readFileSync(tokenFile(), "utf8");
    const saved = JSON.parse(raw);
    return saved.accessToken;
  }
  export function saveToken(accessToken: string): void {
    const dir = ensureDir();
    fs.writeFileSync(path.join(dir, "${written}"), JSON.stringify({ accessToken }));
  }
`;
const OTHER_FILE = tokenStore("session.json");

const NEXT_PACKAGE = { "package.json": '{ "name": "web", "dependencies": { "next": "^15.0.0", "yup": "^1.4.0" } }\n' };

// A redirect under the origin a function returns (its every return an env read or a literal origin), then a path.
const callbackRoute = (origin: string, helper = "") => dedent`
  import { cookies } from "next/headers";
  import { type NextRequest, NextResponse } from "next/server";
  import { getBaseUrl, getReturnUrl } from "@/lib/urls";
  ${helper}
  export async function GET(req: NextRequest) {
    const requestUrl = new URL(req.url);
    const origin = ${origin};
    const code = requestUrl.searchParams.get("code");
    return NextResponse.redirect(\`\${origin}/verify?code=\${code}\`);
  }
`;
const APP_URL_HELPER = dedent`
  function appUrl() {
    if (process.env.NEXT_PUBLIC_APP_URL) return process.env.NEXT_PUBLIC_APP_URL;
    if (process.env.VERCEL_URL) return \`https://\${process.env.VERCEL_URL}\`;
    return "http://localhost:3000";
  }
`;
const RETURN_URL = callbackRoute("getReturnUrl()");

// A query value kept as a cookie's value.
const cookieRoute = (set: string) => dedent`
  import { cookies } from "next/headers";
  import { type NextRequest, NextResponse } from "next/server";
  import { Cookies } from "@/utils/constants";
  export async function GET(req: NextRequest) {
    const cookieStore = await cookies();
    const provider = new URL(req.url).searchParams.get("provider");
    if (provider) ${set};
    return NextResponse.json({ ok: true });
  }
`;
const COOKIE_NAMED_BY_INPUT = cookieRoute('cookieStore.set(provider, "1")');

// A query value used as a redirect's query string and as the key of a stored record: the message names the key.
const reconnectRoute = (first: string, second: string) => dedent`
  import { type NextRequest, NextResponse } from "next/server";
  import { updateConnection } from "@acme/supabase/mutations";
  export async function GET(req: NextRequest) {
    const id = new URL(req.url).searchParams.get("id");
    if (!id) return NextResponse.json({ error: "missing id" }, { status: 400 });
    ${first}
    ${second}
    return NextResponse.json({ ok: true });
  }
`;
const REDIRECT_THEN_KEY = reconnectRoute("if (new URL(req.url).searchParams.get(\"desktop\")) return NextResponse.redirect(\`\${process.env.APP_SCHEME}://settings?id=\${id}\`);", "await updateConnection(db, { id, status: \"connected\" });");
const KEY_ONLY = reconnectRoute("", "await updateConnection(db, { id, status: \"connected\" });");
const DB_MESSAGE = 'new URL(req.url).searchParams.get("id") goes into a database call without validation: whatever the sender puts in it is written or queried as sent, wrong types and extra fields included. Validate it with a schema before using it.';
const REDIRECT_MESSAGE = 'new URL(req.url).searchParams.get("id") is used as a redirect target without validation: a crafted value can send your users to any site. Validate it with a schema before using it.';
const REDIRECT_ONLY = reconnectRoute("if (new URL(req.url).searchParams.get(\"desktop\")) return NextResponse.redirect(\`\${process.env.APP_SCHEME}://settings?id=\${id}\`);", "");

const valid: ValidCase[] = [
  { name: "redirect origin: a same-module function whose every return is an env read or a literal origin", code: callbackRoute("appUrl()", APP_URL_HELPER), filename: "app/api/auth/callback/route.ts", files: NEXT_PACKAGE },
  { name: "redirect origin: an imported helper named for the app's origin (getBaseUrl())", code: callbackRoute("getBaseUrl()"), filename: "app/api/auth/callback/route.ts", files: NEXT_PACKAGE },
  { name: "cookie: a query value kept as the value of a cookie under a constant name", code: cookieRoute("cookieStore.set(Cookies.PreferredProvider, provider, { maxAge: 31536000 })"), filename: "app/api/auth/route.ts", files: NEXT_PACKAGE },
  { name: "cookie: under a literal name, through cookies() directly", code: cookieRoute('(await cookies()).set("preferred-provider", provider)'), filename: "app/api/auth/route.ts", files: NEXT_PACKAGE },
  { name: "own data: the path named through same-module helpers on the read and path.join(dir, name) on the write", code: tokenStore("token.json") },
  { name: "a nested response field only compared with literals in a try whose catch answers false (under an as cast)", code: IN_TRY },
  { name: "zod-openapi: c.req.param of a key the inline route's params schema declares", code: INLINE_ROUTE, files: HONO_PACKAGE },
  { name: "zod-openapi: a handler declared apart (RouteHandler<typeof route>), a query key the module's schema declares", code: listRoute("owner: z.string().uuid(), page: z.coerce.number()"), files: HONO_PACKAGE },
  {
    name: "zod-openapi: a route imported from a relative module that declares a JSON body",
    code: IMPORTED_ROUTE,
    filename: "src/notes.ts",
    files: { ...HONO_PACKAGE, "src/notes.routes.ts": notesRoutes('request: { body: { content: { "application/json": { schema: NoteBody } }, required: true } },') },
  },
  { name: "zod-openapi: a params schema from an aliased module (unseen) covers the segment the path names", code: ALIAS_SCHEMA('c.req.param("id")'), files: HONO_PACKAGE },
];

const ALIAS_SLUG = ALIAS_SCHEMA('c.req.param("slug")');
const LIST_OTHER_KEY = listRoute("page: z.coerce.number()");
const IMPORTED_NO_REQUEST = notesRoutes("");
const IMPORTED_OPTIONAL_BODY = notesRoutes('request: { body: { content: { "application/json": { schema: NoteBody } } } },');

const invalid: InvalidCase[] = [
  {
    name: "both sinks: a redirect first, then the id as the key of a record a function of a mutations module updates: the message names the key",
    code: REDIRECT_THEN_KEY,
    filename: "app/api/reconnect/route.ts",
    files: NEXT_PACKAGE,
    findings: [{ case: "nextAppRequest", line: 4, column: 14, endColumn: 53, message: DB_MESSAGE, suggestions: [mark(REDIRECT_THEN_KEY, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "a function imported from a mutations module is a database call",
    code: KEY_ONLY,
    filename: "app/api/reconnect/route.ts",
    files: NEXT_PACKAGE,
    findings: [{ case: "nextAppRequest", line: 4, column: 14, endColumn: 53, message: DB_MESSAGE, suggestions: [mark(KEY_ONLY, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "a redirect alone stays worded as a redirect",
    code: REDIRECT_ONLY,
    filename: "app/api/reconnect/route.ts",
    files: NEXT_PACKAGE,
    findings: [{ case: "nextAppRequest", line: 4, column: 14, endColumn: 53, message: REDIRECT_MESSAGE, suggestions: [mark(REDIRECT_ONLY, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "redirect origin: an imported helper not named for the app's origin (getReturnUrl()) may return anything",
    code: RETURN_URL,
    filename: "app/api/auth/callback/route.ts",
    files: NEXT_PACKAGE,
    findings: [{ case: "nextAppRequest", line: 8, column: 16, endColumn: 51, suggestions: [mark(RETURN_URL, "nextAppRequest", 8)] }],
    output: null,
  },
  {
    name: "cookie: a cookie named by the input stays a use",
    code: COOKIE_NAMED_BY_INPUT,
    filename: "app/api/auth/route.ts",
    files: NEXT_PACKAGE,
    findings: [{ case: "nextAppRequest", line: 6, column: 20, endColumn: 65, suggestions: [mark(COOKIE_NAMED_BY_INPUT, "nextAppRequest", 6)] }],
    output: null,
  },
  {
    name: "own data: the module writes another file than the one it reads",
    code: OTHER_FILE,
    files: YUP_PACKAGE,
    findings: [{ case: "jsonParseExternal", line: 16, column: 17, endColumn: 32, suggestions: [mark(OTHER_FILE, "jsonParseExternal", 16)] }],
    output: null,
  },
  {
    name: "a nested response field compared with literals with no catch to end in: a null document crashes",
    code: NO_TRY,
    files: YUP_PACKAGE,
    findings: [{ case: "fetchJson", line: 3, column: 23, endColumn: 33, suggestions: [mark(NO_TRY, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "zod-openapi: a query key the route's schema does not declare stays input",
    code: LIST_OTHER_KEY,
    files: HONO_PACKAGE,
    findings: [{ case: "honoRequest", line: 6, column: 59, endColumn: 79, suggestions: [mark(LIST_OTHER_KEY, "honoRequest", 6)] }],
    output: null,
  },
  {
    name: "zod-openapi: an imported route that declares no request body",
    code: IMPORTED_ROUTE,
    filename: "src/notes.ts",
    files: { ...HONO_PACKAGE, "src/notes.routes.ts": IMPORTED_NO_REQUEST },
    findings: [{ case: "honoRequest", line: 6, column: 22, endColumn: 34, suggestions: [mark(IMPORTED_ROUTE, "honoRequest", 6)] }],
    output: null,
  },
  {
    name: "zod-openapi: a body the route does not mark required is checked only under its Content-Type; c.req.json() parses any request",
    code: IMPORTED_ROUTE,
    filename: "src/notes.ts",
    files: { ...HONO_PACKAGE, "src/notes.routes.ts": IMPORTED_OPTIONAL_BODY },
    findings: [{ case: "honoRequest", line: 6, column: 22, endColumn: 34, suggestions: [mark(IMPORTED_ROUTE, "honoRequest", 6)] }],
    output: null,
  },
  {
    name: "zod-openapi: an unseen params schema does not cover a segment the path does not name",
    code: ALIAS_SLUG,
    files: HONO_PACKAGE,
    findings: [{ case: "honoRequest", line: 6, column: 39, endColumn: 58, suggestions: [mark(ALIAS_SLUG, "honoRequest", 6)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
