import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 33 (xmod33): the project modules swallowed-exception reads (a project's own error helper
// thrown in a catch, error-helper.ts; an error class's constructor for the { cause } suggestion,
// log-arity.ts) are found through the project's import aliases as TypeScript and Node resolve them:
// the nearest tsconfig's `paths` (its relative `extends` followed) and package.json `imports`
// (src/profile/aliases.ts, ProjectFiles.resolve). Before, such an import reached nothing: the
// helper's 500 went unseen, and the suggestion assumed the class takes `{ cause }`. Hand-written,
// in several frameworks and alias shapes. This table declares only the case its rows name.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Express: helpers of the project making its error class with a status, under `@http/*` declared in an extended base config.
const HTTP_ERRORS = dedent`
  export class ApiError extends Error {
    constructor(readonly status: number, message: string) {
      super(message);
    }
  }
  export const internal = (message: string) => new ApiError(500, message);
  export const badRequest = (message: string) => new ApiError(400, message);
`;
const EXTENDED_PATHS = {
  "package.json": '{ "name": "shop", "dependencies": { "express": "^4.19.0" } }',
  "tsconfig.json": '{\n  "extends": "./tsconfig.base.json", // shared options\n  "compilerOptions": { "outDir": "dist", },\n}',
  "tsconfig.base.json": '{ "compilerOptions": { "baseUrl": "./src", "paths": { "@http/*": ["http/*"], }, }, }',
  "src/http/errors.ts": HTTP_ERRORS,
};
const route = (thrown: string): string => dedent`
  import { internal, badRequest } from "@http/errors";

  export async function createOrder(req, res) {
    try {
      res.json(await orders.create(req.validated));
    } catch (err) {
      throw ${thrown};
    }
  }
`;
const INTERNAL = route('internal("Order failed")');
const BAD_REQUEST = route('badRequest("Order failed")');

// Fastify-shaped plugin with package.json subpath imports and other names: `#problems` -> a 503 error.
const PROBLEMS = {
  "package.json": '{ "type": "module", "dependencies": { "fastify": "^4.28.0" }, "imports": { "#problems": "./lib/problems.js" } }',
  "lib/problems.ts": dedent`
    export class HttpError extends Error {
      constructor(public statusCode: number, detail: string) {
        super(detail);
      }
    }
    export function unavailable(detail: string) {
      return new HttpError(503, detail);
    }
  `,
};
const PLUGIN = dedent`
  import { unavailable } from "#problems";

  export default async function inventory(app) {
    app.get("/stock/:sku", async (request) => {
      try {
        return await warehouse.stock(request.params.sku);
      } catch (failure) {
        throw unavailable("Warehouse unreachable");
      }
    });
  }
`;

// A monorepo package whose `@shared/*` maps outside the package: the error class takes only a message.
const SHARED = {
  "package.json": '{ "name": "@acme/api" }',
  "tsconfig.json": '{ "compilerOptions": { "paths": { "@shared/*": ["../shared/src/*"] } } }',
  "../shared/src/errors.ts": "export class DomainError extends Error {\n  constructor(message: string) {\n    super(message);\n  }\n}\n",
};
const LOAD = dedent`
  import { DomainError } from "@shared/errors";

  export async function loadUser(id: string) {
    try {
      return await fetchUser(id);
    } catch (err) {
      throw new DomainError("Load of user failed");
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a helper reached through an extended config's paths alias making a client (400) error", code: BAD_REQUEST, filename: "src/routes/orders.ts", files: EXTENDED_PATHS },
  ],
  invalid: [
    {
      name: "a helper reached through an extended config's paths alias (baseUrl ./src) making a 500",
      code: INTERNAL,
      filename: "src/routes/orders.ts",
      files: EXTENDED_PATHS,
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 16 }],
      output: null,
    },
    {
      name: "a Fastify plugin's helper reached through package.json imports making a 503",
      code: PLUGIN,
      filename: "routes/inventory.ts",
      files: PROBLEMS,
      findings: [{ case: "rethrowWithoutCause", line: 7, column: 7, endColumn: 22 }],
      output: null,
    },
    {
      name: "an error class reached through a paths alias outside the package takes only a message: no { cause } suggestion",
      code: LOAD,
      filename: "src/users.ts",
      files: SHARED,
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 16 }],
      output: null,
    },
  ],
});
