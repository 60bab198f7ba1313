import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34 (xmod34): the cross-module reads (a service the route hands its input to, a request
// helper the route calls) follow a monorepo's own workspace packages (`@acme/auth`, a folder of the
// same pnpm or npm workspace) to their source as Node and TypeScript resolve them (`exports` and its
// conditions, `./*` patterns, entry fields, a built entry's source under src/: src/profile/workspace.ts,
// ProjectFiles.resolve). Before, such an import reached nothing: a package the manifest lists
// (`"workspace:*"`) was taken for a registry package. Hand-written, in two workspace shapes.

// A service whose body validates its input before any use, and one that queries with it first.
const VALIDATING_SERVICE = dedent`
  import { loginSchema } from "./schemas";
  export async function login(input: unknown) {
    const { email, password } = loginSchema.parse(input);
    return users.findOne({ email: email.toLowerCase(), password });
  }
`;
const QUERYING_SERVICE = dedent`
  export async function login(body) {
    const user = await users.findOne({ email: body.email });
    return user;
  }
`;
const CONTROLLER = dedent`
  import { login } from "@acme/auth";
  export async function loginController(req, res) {
    res.json(await login(req.body));
  }
`;
// pnpm: the package's `exports` names its built entry (absent) by the `types` and `default` conditions.
const PNPM = (service: string) => ({
  "package.json": '{ "name": "acme", "private": true, "dependencies": { "express": "^4.19.0", "zod": "^3.23.0", "@acme/auth": "workspace:*" } }',
  "pnpm-workspace.yaml": "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n",
  "apps/api/package.json": '{ "name": "@acme/api", "dependencies": { "@acme/auth": "workspace:*" } }',
  "packages/auth/package.json": '{ "name": "@acme/auth", "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } } }',
  "packages/auth/src/index.ts": service,
  "packages/auth/src/schemas.ts": 'import { z } from "zod";\nexport const loginSchema = z.object({ email: z.string().email(), password: z.string().min(8) });\n',
});

// npm workspaces, a Next.js route and a subpath pattern (`@acme/server-lib/*` -> `./src/*.ts`): the
// "validate" helper only size-checks and parses the request's text (round 22's class), or parses it with a schema.
const NEXT_ROUTE = dedent`
  import { NextResponse } from "next/server";
  import { checkedPayload } from "@acme/server-lib/validation";
  export async function PUT(req: Request) {
    const input = (await checkedPayload(req)) as { label: string };
    await prisma.bookmark.update({ where: { id: 1 }, data: { label: input.label } });
    return NextResponse.json({ saved: true });
  }
`;
const NPM = (helper: string) => ({
  "package.json": '{ "name": "notes", "workspaces": ["apps/*", "libs/*"], "dependencies": { "next": "^15.0.0", "joi": "^17.13.0", "@acme/server-lib": "*" } }',
  "libs/server-lib/package.json": '{ "name": "@acme/server-lib", "exports": { "./*": { "types": "./src/*.ts", "default": "./dist/*.js" } } }',
  "libs/server-lib/src/validation.ts": helper,
});
const SIZE_ONLY_HELPER = dedent`
  export async function checkedPayload(req: Request, limit = 64_000): Promise<unknown> {
    const raw = await req.text();
    if (raw.length > limit) throw new Error("payload over the limit");
    return JSON.parse(raw);
  }
`;

// A Koa check function that looks a body field up through a data-access module imported whole from a
// workspace package's subpath (`@acme/db/queries`, pnpm `exports` `./*`): the module's functions are database calls.
const CHECK_FUNCTION = (spec: string): string => dedent`
  import * as studentQueries from "${spec}";
  export const isStudentIdValid = async (ctx) => {
    const { studentId } = ctx.request.body;
    if (!(await studentQueries.findStudent({ studentId }))) return "Student not found.";
    return null;
  };
`;
const DB_PACKAGE = {
  "package.json": '{ "name": "school", "private": true, "dependencies": { "koa": "^2.15.0", "@acme/db": "workspace:*", "@vendor/queries": "^2.0.0" } }',
  "pnpm-workspace.yaml": "packages:\n  - api\n  - packages/*\n",
  "packages/db/package.json": '{ "name": "@acme/db", "exports": { "./*": "./src/*.js" } }',
  "packages/db/src/queries.js": "export const findStudent = ({ studentId }) => pool.query(\"select * from students where id = $1\", [studentId]);\n",
};

const valid: ValidCase[] = [
  {
    name: "a namespace import of a registry package whose path reads as queries is no module of the project: not a database call",
    code: CHECK_FUNCTION("@vendor/queries"),
    filename: "api/src/validators/studentValidators.js",
    files: DB_PACKAGE,
  },
  {
    name: "an Express controller's body handed to a pnpm workspace package's service (exports -> absent dist, read from src) that parses it with a schema first",
    code: CONTROLLER,
    filename: "apps/api/src/auth.controller.ts",
    files: PNPM(VALIDATING_SERVICE),
  },
  {
    name: "an npm workspace package's helper behind a subpath pattern that is not read: nothing reported at its call",
    code: NEXT_ROUTE,
    filename: "apps/web/app/api/notes/route.ts",
    files: NPM(SIZE_ONLY_HELPER.replace("return JSON.parse(raw);", "return bookmarkSchema.validateAsync(JSON.parse(raw));")),
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a body field looked up through a workspace package's data-access module imported whole: the lookup is a use",
    code: CHECK_FUNCTION("@acme/db/queries"),
    filename: "api/src/validators/studentValidators.js",
    files: DB_PACKAGE,
    findings: [{ case: "koaRequest", line: 3, column: 25, endColumn: 41, suggestions: [mark(CHECK_FUNCTION("@acme/db/queries"), "koaRequest", 3)] }],
    output: null,
  },
  {
    name: "the pnpm workspace package's service queries with the body first: reported",
    code: CONTROLLER,
    filename: "apps/api/src/auth.controller.ts",
    files: PNPM(QUERYING_SERVICE),
    findings: [{ case: "expressBody", line: 3, column: 24, endColumn: 32, suggestions: [mark(CONTROLLER, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "a Next.js route's body read by an npm workspace package's helper that only size-checks and parses it: reported at the call",
    code: NEXT_ROUTE,
    filename: "apps/web/app/api/notes/route.ts",
    files: NPM(SIZE_ONLY_HELPER),
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 43, suggestions: [mark(NEXT_ROUTE, "nextAppRequest", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
