import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production check on langfuse (session 28, prodse28b): `markProjectS3Slowdown(id).catch(() => {})`
// where the helper, imported from a project module, ends all its own failures (a guard that reads a
// setting, then a try whose catch logs and traces the error). One hop: the helper's exported
// declaration in the module the import names; a helper that may still reject stays reported.

// This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const CALLER = dedent`
  import { markSlowdown } from "./tracking";

  export function onUploadError(projectId: string) {
    markSlowdown(projectId).catch(() => {});
  }
`;

/** The helper module, with `head` before its try and `handler` as its catch's body. */
function tracking(head: string, handler = 'logger.error("Failed to mark slowdown", { projectId, error });\n    traceException(error);', exportIt = true): string {
  return dedent`
    import { redis } from "./redis";
    import { logger, traceException } from "./logger";

    function isSlowdownEnabled(): boolean {
      return process.env.SLOWDOWN_ENABLED === "true";
    }

    ${exportIt ? "export " : ""}async function markSlowdown(projectId: string): Promise<void> {
      ${head}
      try {
        await redis.set(\`slowdown:\${projectId}\`, "1", "EX", 600);
      } catch (error) {
        ${handler}
      }
    }
  `;
}

const GUARD = "if (!redis || !isSlowdownEnabled()) return;";

function reported(name: string, files: Record<string, string>): InvalidCase {
  return {
    name,
    code: CALLER,
    files,
    findings: [
      {
        case: "promiseCatchNoop",
        line: 4,
        column: 33,
        endColumn: 41,
        suggestions: [{ title: "Mark as intentionally ignored…", output: CALLER.replace("catch(() => {});", "catch(() => {\n    // Intentionally ignored: <reason>\n  });") }],
      },
    ],
    output: CALLER.replace("catch(() => {});", 'catch((err) => {\n    console.error("markSlowdown failed in onUploadError", { projectId }, err);\n  });'),
  };
}

new RuleTester().run(narrowed, {
  valid: [
    { name: "an imported helper whose guard reads a setting and whose try's catch logs and traces: nothing rejects into the handler", code: CALLER, files: { "src/tracking.ts": tracking(GUARD) } },
    { name: "an imported helper that is all try, its catch a log line", code: CALLER, files: { "src/tracking.ts": tracking("", 'logger.warn("Failed to mark slowdown", error);') } },
    { name: "an arrow helper exported as a const", code: CALLER, files: { "src/tracking.ts": tracking(GUARD).replace("export async function markSlowdown(projectId: string): Promise<void> {", "export const markSlowdown = async (projectId: string): Promise<void> => {").replace(/}\n$/, "};\n") } },
    {
      name: "the same helper declared in the caller's own file (its guard's predicate of that file)",
      code: tracking(GUARD).replace('import { logger, traceException } from "./logger";', 'import { logger } from "./logger";\nimport * as Sentry from "@sentry/node";').replace("traceException(error);", "Sentry.captureException(error);") + "\nexport function onUploadError(projectId: string) {\n  markSlowdown(projectId).catch(() => {});\n}\n",
    },
  ],
  invalid: [
    reported("the helper awaits a call before its try: it may reject, stays reported", { "src/tracking.ts": tracking("await redis.ping();") }),
    reported("the guard calls a function that does more than read a value: stays reported", { "src/tracking.ts": tracking("if (!(await isReady())) return;") }),
    reported("the helper's catch rethrows: stays reported", { "src/tracking.ts": tracking(GUARD, "logger.error(error);\n    throw error;") }),
    reported("the helper's catch calls something that is neither a log nor an error report: stays reported", { "src/tracking.ts": tracking(GUARD, "logger.error(error);\n    await redis.del(projectId);") }),
    reported("the helper is not exported by the module the import names: stays reported", { "src/tracking.ts": tracking(GUARD, undefined, false) }),
    reported("the module is not in the project (a package's helper): stays reported", {}),
    {
      name: "a log-only handler on a helper that may reject: stays reported",
      code: CALLER.replace("catch(() => {});", "catch((err) => console.error(err));"),
      files: { "src/tracking.ts": tracking("await redis.ping();") },
      findings: [{ case: "promiseCatchLogOnly", line: 4, column: 33, endColumn: 60, suggestions: [{ title: "Mark as intentionally ignored…", output: CALLER.replace("catch(() => {});", "catch((err) => /* Intentionally ignored: <reason> */ console.error(err));") }] }],
      output: null,
    },
  ],
});
