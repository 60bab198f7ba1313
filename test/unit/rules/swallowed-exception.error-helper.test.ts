import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// A project's own error helper thrown in a catch (held round 36 retired to tune, session 33:
// WilliamFontaine/nuxt-boilerplate's services, thirteen catches of `throw serverError(CODE, "Failed
// to …")`). The helper is read, not its name: found in the file, in a project module the file
// imports, or among the `server/utils` exports Nuxt and Nitro auto-import, and followed through at
// most two helpers to `new X(…)` or a framework's error call. A 5xx status (or none where the
// framework answers 500) drops the caught error like `createError({ statusCode: 500 })` would; a
// client status, a status the caller computes, or a helper given the caught error is not reported.
// No fix: the helper's parameters are its own (a `{ cause }` would land in its message or data).
// Hand-written analogues.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const NUXT = { "package.json": '{ "name": "boilerplate", "dependencies": { "nuxt": "^3.12.0" } }\n' };
// server/utils/response.ts: Nitro auto-imports its exports into every server module.
const UTILS = dedent`
  export function createApiError(statusCode: number, code: string, message?: string): never {
    throw createError({ statusCode, statusMessage: message ?? code, data: { code } });
  }

  export function serverError(code = "SERVER_INTERNAL", message?: string): never {
    return createApiError(HTTP_STATUS.INTERNAL_ERROR, code, message);
  }

  export function notFoundError(code = "NOT_FOUND", message?: string): never {
    return createApiError(HTTP_STATUS.NOT_FOUND, code, message);
  }

  export function wrapError(error: unknown, message: string): never {
    throw createError({ statusCode: 500, statusMessage: message, cause: error });
  }
`;
const service = (thrown: string, head = ""): string => dedent`
  ${head}
  export async function verifyEmail(token: string) {
    try {
      return await prisma.user.update({ where: { token }, data: { emailVerified: true } });
    } catch (error: unknown) {
      if (error && typeof error === "object" && "statusCode" in error) throw error;
      throw ${thrown};
    }
  }
`;
const NITRO_FILES = { ...NUXT, "server/utils/response.ts": UTILS };
const SERVER = service('serverError(ERROR_CODES.SERVER.DATABASE_ERROR, "Failed to verify email")');
const DIRECT = service('createApiError(HTTP_STATUS.INTERNAL_ERROR, "DATABASE_ERROR")');
const NOT_FOUND = service('notFoundError("TOKEN_NOT_FOUND")');
const COMPUTED = service("createApiError(status, \"DATABASE_ERROR\")");
const HANDS_ON = service("wrapError(error, \"Failed to verify email\")");
const GIVEN = service("serverError(\"DATABASE_ERROR\", String(error))");

// Express: a helper imported from the project, making its own error class with a status.
const EXPRESS_HELPERS = dedent`
  export class ApiError extends Error {
    constructor(readonly status: number, message: string) {
      super(message);
    }
  }
  export const internal = (message: string) => new ApiError(500, message);
  export const badRequest = (message: string) => new ApiError(400, message);
  export const failWith = (message: string) => { return { ok: false, message }; };
`;
const route = (thrown: string): string => dedent`
  import { internal, badRequest, failWith } from "../lib/errors";

  export async function createOrder(req, res, next) {
    try {
      res.json(await orders.create(req.validated));
    } catch (err) {
      next(${thrown});
    }
  }
`;
const thrownRoute = (thrown: string): string => route(thrown).replace(/next\((.*)\);/, "throw $1;");
const EXPRESS_FILES = { "src/lib/errors.ts": EXPRESS_HELPERS };
const INTERNAL = thrownRoute('internal("Order failed")');
const BAD_REQUEST = thrownRoute('badRequest("Order failed")');
const NOT_ERROR = thrownRoute('failWith("Order failed")');
// A helper of the same file.
const OWN = dedent`
  function dbError(message: string) {
    return new Error(\`Database error: \${message}\`);
  }

  export async function load(id: string) {
    try {
      return await db.orders.find(id);
    } catch (e) {
      throw dbError("load failed");
    }
  }
`;
// Outside a Nuxt project the unimported name reaches nothing.
const PLAIN_NODE = service('serverError("DATABASE_ERROR", "Failed to verify email")');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a helper making a client (404) error is an explicit failure", code: NOT_FOUND, filename: "server/services/auth.service.ts", files: NITRO_FILES },
    { name: "a helper given a status the caller computes is not judged", code: COMPUTED, filename: "server/services/auth.service.ts", files: NITRO_FILES },
    { name: "a helper handed the caught error keeps it", code: HANDS_ON, filename: "server/services/auth.service.ts", files: NITRO_FILES },
    { name: "a helper given the caught error's text", code: GIVEN, filename: "server/services/auth.service.ts", files: NITRO_FILES },
    { name: "an imported helper making a 400 error", code: BAD_REQUEST, filename: "src/routes/orders.ts", files: EXPRESS_FILES },
    { name: "an imported helper that returns no error", code: NOT_ERROR, filename: "src/routes/orders.ts", files: EXPRESS_FILES },
    { name: "an unimported name outside Nuxt and Nitro reaches no helper", code: PLAIN_NODE, filename: "server/services/auth.service.ts", files: { "server/utils/response.ts": UTILS } },
  ],
  invalid: [
    {
      name: "Nitro's auto-imported serverError, through createApiError to createError with a 500",
      code: SERVER,
      filename: "server/services/auth.service.ts",
      files: NITRO_FILES,
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 27 }],
      output: null,
    },
    {
      name: "the auto-imported createApiError given a server status by name",
      code: DIRECT,
      filename: "server/services/auth.service.ts",
      files: NITRO_FILES,
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 27 }],
      output: null,
    },
    {
      name: "an imported helper making its error class with a 500",
      code: INTERNAL,
      filename: "src/routes/orders.ts",
      files: EXPRESS_FILES,
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 16 }],
      output: null,
    },
    {
      name: "a helper of the same file making a built-in Error",
      code: OWN,
      filename: "src/orders.ts",
      findings: [{ case: "rethrowWithoutCause", line: 8, column: 5, endColumn: 14 }],
      output: null,
    },
  ],
});
