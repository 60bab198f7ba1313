import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34 (xmod34): the project modules swallowed-exception reads (a project's own error helper
// thrown in a catch; an imported function a catch calls that only logs) are found in a monorepo's
// own workspace packages too (`@acme/errors`, a package folder of the same pnpm or npm workspace,
// resolved through its `exports` or entry fields to its source: src/profile/workspace.ts,
// ProjectFiles.resolve). Before, such an import reached nothing. Hand-written, in two workspace
// shapes. This table declares only the cases its rows name.
const named = new Set(["rethrowWithoutCause", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A pnpm workspace: apps/api imports the error helpers of packages/errors, whose `exports` names the built file (absent) with its types.
const PNPM = (helper: string) => ({
  "package.json": '{ "name": "acme", "private": true, "dependencies": { "express": "^4.19.0", "@acme/errors": "workspace:*" } }',
  "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
  "apps/api/package.json": '{ "name": "@acme/api", "dependencies": { "@acme/errors": "workspace:*" } }',
  "packages/errors/package.json": '{ "name": "@acme/errors", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" } } }',
  "packages/errors/src/index.ts": dedent`
    export class ApiError extends Error {
      constructor(readonly status: number, message: string) {
        super(message);
      }
    }
    export const ${helper} = (message: string) => new ApiError(${helper === "internal" ? 500 : 400}, message);
  `,
});
const route = (helper: string): string => dedent`
  import { ${helper} } from "@acme/errors";

  export async function createOrder(req, res) {
    try {
      res.json(await orders.create(req.validated));
    } catch (err) {
      throw ${helper}("Order failed");
    }
  }
`;

// An npm workspace with other names: a job's catch calls the project's `reportFailure`, exported by
// `shared/telemetry` through `main` (no exports map), whose body only logs.
const NPM = (body: string) => ({
  "package.json": '{ "name": "mono", "workspaces": ["services/*", "shared/*"], "dependencies": { "telemetry": "*" } }',
  "shared/telemetry/package.json": '{ "name": "telemetry", "main": "lib/index.js" }',
  "shared/telemetry/src/index.ts": dedent`
    export function reportFailure(what: string, err: unknown) {
      ${body}
    }
  `,
});
const JOB = dedent`
  import { reportFailure } from "telemetry";

  export async function syncInvoices(queue) {
    for (const invoice of await queue.pending()) {
      try {
        await ledger.push(invoice);
      } catch (e) {
        reportFailure("ledger push", e);
      }
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a workspace package's helper making a client (400) error, resolved to its source", code: route("badRequest"), filename: "apps/api/src/orders.ts", files: PNPM("badRequest") },
    { name: "the workspace package's function the catch calls rethrows: not a log-only catch", code: JOB, filename: "services/billing/src/sync.ts", files: NPM("console.error(what, err);\nthrow err;") },
  ],
  invalid: [
    {
      name: "a workspace package's helper (exports -> absent dist, read from src) making a 500",
      code: route("internal"),
      filename: "apps/api/src/orders.ts",
      files: PNPM("internal"),
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 16 }],
      output: null,
    },
    {
      name: "the workspace package's function the catch calls only logs: the catch logs and goes on",
      code: JOB,
      filename: "services/billing/src/sync.ts",
      files: NPM("console.error(what, err);"),
      findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 16, suggestions: [
        { title: "Mark as intentionally ignored…", output: JOB.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
      ] }],
      output: null,
    },
  ],
});
