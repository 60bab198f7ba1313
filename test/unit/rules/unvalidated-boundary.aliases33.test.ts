import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 33 (xmod33): the cross-module reads (a service the route hands its input to, a validation
// module) follow the project's own import aliases as TypeScript and Node resolve them: the nearest
// tsconfig/jsconfig `paths` (its relative `extends` followed) and `baseUrl`, and package.json
// `imports` (src/profile/aliases.ts, ProjectFiles.resolve). Before, only relative specifiers,
// `@/`/`~/` at the root or `src/`, and `$lib/` were followed, and these inputs were reported as
// never validated. Hand-written, in several frameworks and alias shapes.

// A service whose body validates its input before any use (the rbac-mern login shape).
const VALIDATING_SERVICE = dedent`
  import { validateLoginInput } from "./auth.validation.js";
  export async function login({ email, password }) {
    const validation = validateLoginInput({ email, password });
    if (!validation.isValid) throw new BadRequestError(validation.errors.join(" "));
    return User.findOne({ email: email.toLowerCase() });
  }
`;
// The same service that queries with the input first.
const QUERYING_SERVICE = dedent`
  export async function login(body) {
    const user = await User.findOne({ email: body.email });
    validateLoginInput(body);
    return user;
  }
`;

const expressController = (spec: string): string => dedent`
  import { login } from "${spec}";
  export async function loginController(req, res) {
    res.json(await login(req.body));
  }
`;

// A tsconfig whose `@server/*` is declared in a base config it extends (comments, trailing commas).
const EXTENDED_PATHS = {
  "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0" } }',
  "tsconfig.json": '{\n  // the server build\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist", },\n}',
  "tsconfig.base.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"], }, }, }',
};
const SERVER_CONTROLLER = expressController("@server/auth/auth.service");

// A Koa router with package.json subpath imports (`#services/*`) and a differently named service.
const KOA_IMPORTS = {
  "package.json": '{ "type": "module", "dependencies": { "koa": "^2.15.0", "@koa/router": "^12.0.0" }, "imports": { "#services/*": { "types": "./src/services/*.ts", "default": "./dist/services/*.js" } } }',
};
const KOA_ROUTE = dedent`
  import Router from "@koa/router";
  import { registerAccount } from "#services/accounts";
  const router = new Router();
  router.post("/accounts", async (ctx) => {
    ctx.body = await registerAccount(ctx.request.body);
  });
  export default router;
`;
const ACCOUNTS_SERVICE = (first: string): string => dedent`
  import { accountSchema } from "../schemas/account";
  export async function registerAccount(input: unknown) {
    ${first}
  }
`;

// A NestJS controller whose injected service is imported through `@/*` mapped to `./app/*` (not the root or src/).
const NEST_PATHS = {
  "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0" } }',
  "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./app/*"] } } }',
};
const NEST_CONTROLLER = dedent`
  import { Controller, Get, Query } from "@nestjs/common";
  import { ReportsService } from "@/reports/reports.service";
  @Controller("reports")
  export class ReportsController {
    constructor(private readonly reports: ReportsService) {}
    @Get()
    async list(@Query("days") days: string) {
      return this.reports.list(days);
    }
  }
`;
const REPORTS_SERVICE = (body: string): string => dedent`
  export class ReportsService {
    async list(daysRaw: string) {
      ${body}
    }
  }
`;


// A singleton class whose own table a route's id is looked up in (production overseerr's
// `cacheManager.getCache(req.params.cacheId)` → `this.availableCaches[id]`): like a module's `const`
// table, a read of the class's object-literal property that nothing replaces or fills is left to the callee.
const REGISTRY = (extra = "", read = "return this.presets[id];") => dedent`
  class PresetRegistry {
    private readonly presets: Record<string, Preset> = {
      compact: { density: 1 },
      roomy: { density: 3 },
    };
    public get(id: string): Preset | undefined {
      ${read}
    }
    ${extra}
  }
  const presetRegistry = new PresetRegistry();
  export default presetRegistry;
`;
const PRESET_ROUTE = dedent`
  import { Router } from "express";
  import presetRegistry from "@/presets/registry";
  const router = Router();
  router.get("/presets/:presetId", (req, res) => {
    const preset = presetRegistry.get(req.params.presetId);
    if (!preset) return res.sendStatus(404);
    return res.json(preset);
  });
  export default router;
`;
const PRESET_FILES = (registry: string) => ({
  // A joi project: the only suggestion is the directive (no Zod fix).
  "package.json": '{ "dependencies": { "express": "^4.19.0", "joi": "^17.13.0" } }',
  "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./server/*"] } } }',
  "server/presets/registry.ts": registry,
});
// Koa, a plain object property and another naming: `this.table[kind]` read by a method.
const KOA_EXPORT = dedent`
  import Router from "@koa/router";
  import { exporters } from "#exporters";
  const router = new Router();
  router.get("/export/:kind", async (ctx) => {
    ctx.body = exporters.describe(ctx.params.kind);
  });
  export default router;
`;
const EXPORTERS = (body: string) => dedent`
  class Exporters {
    table = { csv: { mime: "text/csv" }, json: { mime: "application/json" } };
    describe(kind: string) {
      ${body}
    }
  }
  export const exporters = new Exporters();
`;
const KOA_EXPORT_FILES = (body: string) => ({
  "package.json": '{ "type": "module", "dependencies": { "koa": "^2.15.0", "@koa/router": "^12.0.0", "joi": "^17.13.0" }, "imports": { "#exporters": "./src/exporters.js" } }',
  "src/exporters.ts": EXPORTERS(body),
});


// A Next.js route whose "validate" helper sits behind a `paths` alias that names no package
// (`@server-lib/*`): the helper only size-checks and parses the request's text (round 22's class).
const NEXT_ROUTE = dedent`
  import { NextResponse } from "next/server";
  import { validateRequestBody } from "@server-lib/validation";
  export async function POST(request: Request) {
    const body = (await validateRequestBody(request)) as { title: string };
    await db.note.create({ data: { title: body.title } });
    return NextResponse.json({ ok: true });
  }
`;
const NEXT_FILES = (helper: string) => ({
  "package.json": '{ "dependencies": { "next": "^15.0.0", "joi": "^17.13.0" } }',
  "tsconfig.json": '{ "compilerOptions": { "paths": { "@server-lib/*": ["./server/lib/*"] } } }',
  "server/lib/validation.ts": helper,
});
const SIZE_ONLY_HELPER = dedent`
  export async function validateRequestBody(request: Request, maxSize = 1_000_000): Promise<unknown> {
    const length = Number(request.headers.get("Content-Length") ?? "0");
    if (length > maxSize) throw new Error("too large");
    return JSON.parse(await request.text());
  }
`;

const valid: ValidCase[] = [
  {
    name: "an Express controller's body handed to a service through a tsconfig paths alias declared in an extended config, validated there first",
    code: SERVER_CONTROLLER,
    filename: "server/auth/auth.controller.ts",
    files: { ...EXTENDED_PATHS, "server/auth/auth.service.ts": VALIDATING_SERVICE },
  },
  {
    name: "a JavaScript project's jsconfig baseUrl-relative import of the validating service",
    code: expressController("modules/auth/auth.service"),
    filename: "src/modules/auth/auth.controller.js",
    files: { "package.json": '{ "dependencies": { "express": "^4.19.0" } }', "jsconfig.json": '{ "compilerOptions": { "baseUrl": "src" } }', "src/modules/auth/auth.service.js": VALIDATING_SERVICE },
  },
  {
    name: "a Koa route's body handed to a service through package.json imports (a condition object), parsed with a schema first",
    code: KOA_ROUTE,
    filename: "src/routes/accounts.ts",
    files: { ...KOA_IMPORTS, "src/services/accounts.ts": ACCOUNTS_SERVICE("const data = accountSchema.parse(input);\nreturn db.account.create({ data });") },
  },
  {
    name: "a NestJS injected service imported through @/* -> ./app/*, whose method checks the value first",
    code: NEST_CONTROLLER,
    filename: "app/reports/reports.controller.ts",
    files: { ...NEST_PATHS, "app/reports/reports.service.ts": REPORTS_SERVICE("const days = Number(daysRaw);\nif (!Number.isInteger(days) || days < 1 || days > 90) throw new BadRequestException(\"days\");\nreturn db.report.findMany({ where: { days } });") },
  },
  {
    name: "a declared @/* -> ./server/* is read, not the undeclared guess under src/ (which queries first)",
    code: expressController("@/auth/auth.service"),
    filename: "server/auth/auth.controller.ts",
    files: {
      "package.json": '{ "dependencies": { "express": "^4.19.0" } }',
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./server/*"] } } }',
      "server/auth/auth.service.ts": VALIDATING_SERVICE,
      "src/auth/auth.service.ts": QUERYING_SERVICE,
    },
  },
  { name: "a route id looked up in a singleton class's own object-literal table, reached through @/* -> ./server/*", code: PRESET_ROUTE, filename: "server/routes/presets.ts", files: PRESET_FILES(REGISTRY()) },
  { name: "the same class table reached by a relative import", code: PRESET_ROUTE.replace('"@/presets/registry"', '"../presets/registry"'), filename: "server/routes/presets.ts", files: PRESET_FILES(REGISTRY()) },
  { name: "a Koa route's kind read as a key of a class field table (package imports)", code: KOA_EXPORT, filename: "src/routes/export.ts", files: KOA_EXPORT_FILES("return this.table[kind] ?? null;") },
];

const invalid: InvalidCase[] = [
  {
    name: "the alias reaches a service that queries with the body before it validates it: still reported",
    code: SERVER_CONTROLLER,
    filename: "server/auth/auth.controller.ts",
    files: { ...EXTENDED_PATHS, "server/auth/auth.service.ts": QUERYING_SERVICE },
    findings: [{ case: "expressBody", line: 3, column: 24, endColumn: 32, suggestions: [mark(SERVER_CONTROLLER, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "a jsconfig baseUrl-relative import of a service that queries with the body first: reported",
    code: expressController("modules/auth/auth.service"),
    filename: "src/modules/auth/auth.controller.js",
    files: { "package.json": '{ "dependencies": { "express": "^4.19.0" } }', "jsconfig.json": '{ "compilerOptions": { "baseUrl": "src" } }', "src/modules/auth/auth.service.js": QUERYING_SERVICE },
    findings: [{ case: "expressBody", line: 3, column: 24, endColumn: 32, suggestions: [mark(expressController("modules/auth/auth.service"), "expressBody", 3)] }],
    output: null,
  },
  {
    name: "a Koa service reached through package imports that stores the body as given: reported",
    code: KOA_ROUTE,
    filename: "src/routes/accounts.ts",
    files: { ...KOA_IMPORTS, "src/services/accounts.ts": ACCOUNTS_SERVICE("return db.account.create({ data: input });") },
    findings: [{ case: "koaRequest", line: 5, column: 36, endColumn: 52, suggestions: [mark(KOA_ROUTE, "koaRequest", 5)] }],
    output: null,
  },
  {
    name: "a class table the class fills by key (`this.presets[id] = …`) is no fixed table: the lookup stays a use",
    code: PRESET_ROUTE,
    filename: "server/routes/presets.ts",
    files: PRESET_FILES(REGISTRY("public add(id: string, p: Preset) {\n  this.presets[id] = p;\n}")),
    findings: [{ case: "expressParams", line: 5, column: 37, endColumn: 47, suggestions: [mark(PRESET_ROUTE, "expressParams", 5)] }],
    output: null,
  },
  {
    name: "a class table entry the key picks and calls runs whatever the key names: a use",
    code: KOA_EXPORT,
    filename: "src/routes/export.ts",
    files: KOA_EXPORT_FILES("return this.table[kind]();"),
    findings: [{ case: "koaRequest", line: 5, column: 33, endColumn: 43, suggestions: [mark(KOA_EXPORT, "koaRequest", 5)] }],
    output: null,
  },
  {
    name: "a Next.js route's body read by a helper behind a paths alias that only size-checks and parses it: reported at the call",
    code: NEXT_ROUTE,
    filename: "app/api/notes/route.ts",
    files: NEXT_FILES(SIZE_ONLY_HELPER),
    findings: [{ case: "nextAppRequest", line: 4, column: 23, endColumn: 51, suggestions: [mark(NEXT_ROUTE, "nextAppRequest", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
