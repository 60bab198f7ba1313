import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlyBranch, noteWithLog } from "../../helpers/log-branch";

// Session 27's review (rv27) of the items session 26's review left; hand-written rows. This table
// declares only the cases its invalid rows name.
const named = new Set(["thenRejectionNoop", "promiseCatchLogOnly", "logAndContinue", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// `void console.error(…)` as a rejection handler: `void` only marks the log's value unused; it logs.
const THEN_VOID_LOG = dedent`
  export function refresh() {
    loadFeed().then((feed) => render(feed), () => void console.error("Failed to load feed"));
  }
`;
const CATCH_VOID_LOG = dedent`
  export function refresh() {
    loadFeed().catch(() => void console.error("Failed to load feed"));
  }
`;
const CATCH_VOID_LOG_WITH_ERROR = dedent`
  export function refresh() {
    loadFeed().catch((err) => void logger.error("Failed to load feed", err));
  }
`;
// The same in a catch block: a log line as much as `console.error("Failed to load feed")` is.
const BLOCK_VOID_LOG = dedent`
  export async function refresh() {
    try {
      render(await loadFeed());
    } catch {
      void console.error("Failed to load feed");
    }
  }
`;
// `void 0` is still nothing.
const THEN_VOID_ZERO = dedent`
  export function refresh() {
    loadFeed().then((feed) => render(feed), () => void 0);
  }
`;

const MARK = "/* Intentionally ignored: <reason> */ ";

// A handler awaiting its log line (item 5: the rebuilt handler of the rethrow suggestion dropped the `await`).
const AWAITED_HANDLER_LOG = dedent`
  import { logger } from "./logger";
  export async function reschedule(id: string) {
    const updated = await invoices.update(id);
    await job.remove().catch(async () => {
      await logger.error("Failed to remove job");
    });
    return updated;
  }
`;

// A supabase-js write whose error branch only logs (item 3: "Add error to the log call" is safe only
// on console or the project's logger, and never into a format string's placeholder).
const note = noteWithLog;
const TOAST_WARN = note('import { warn } from "@/lib/toast";', 'warn("Failed to save note");');
const LOCAL_LOG = note("function log(message: string) { status.textContent = message; }", 'log("Failed to save note");');
const AUDIT_LOG = note('import { auditLog } from "@/lib/audit";', 'auditLog.info("note.save.failed", note.id);');
const PROJECT_LOG = note('import { log } from "@/lib/logger";', 'log("Failed to save note");');
const PROJECT_LEVEL = note('import { log } from "@/lib/logger";', 'log.warn("Failed to save note");');
const TEMPLATE_FORMAT = note('import { track } from "@/lib/track";', "console.log(`Failed to save note ${note.id}: %s`);");
// The project's logger module: an object with level methods, exported as `log`.
const LOGGER_MODULE = { "src/lib/logger.ts": "export const log = Object.assign((message: string, ...rest: unknown[]) => console.log(message, ...rest), { error: console.error, warn: console.warn });\n" };

const branch = logOnlyBranch;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "a .then rejection handler that is `void console.error(…)` only logs: the error goes into the log call, not a second log",
      code: THEN_VOID_LOG,
      findings: [{ case: "thenRejectionNoop", line: 2, column: 43, endColumn: 90, suggestions: [{ title: "Mark as intentionally ignored…", output: THEN_VOID_LOG.replace("() => void", `() => ${MARK}void`) }] }],
      output: THEN_VOID_LOG.replace('() => void console.error("Failed to load feed")', '(err) => void console.error("Failed to load feed", err)'),
    },
    {
      name: "a .catch handler that is `void console.error(…)` is log-only (promiseCatchLogOnly), not a no-op",
      code: CATCH_VOID_LOG,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 20, endColumn: 67, suggestions: [{ title: "Mark as intentionally ignored…", output: CATCH_VOID_LOG.replace("() => void", `() => ${MARK}void`) }] }],
      output: CATCH_VOID_LOG.replace('() => void console.error("Failed to load feed")', '(err) => void console.error("Failed to load feed", err)'),
    },
    {
      name: "a .catch handler that is `void logger.error(…, err)` logs the error and resolves, as without the void",
      code: CATCH_VOID_LOG_WITH_ERROR,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 20, endColumn: 74, suggestions: [{ title: "Mark as intentionally ignored…", output: CATCH_VOID_LOG_WITH_ERROR.replace("(err) => void", `(err) => ${MARK}void`) }] }],
      output: null,
    },
    {
      name: "a catch whose only statement is `void console.error(…)` logs and carries on",
      code: BLOCK_VOID_LOG,
      findings: [
        {
          case: "logAndContinue",
          line: 4,
          column: 5,
          endColumn: 10,
          suggestions: [
            { title: "Rethrow the error", output: BLOCK_VOID_LOG.replace("} catch {", "} catch (err) {").replace('feed");\n', 'feed", err);\n    throw err;\n') },
            { title: "Mark as intentionally ignored…", output: BLOCK_VOID_LOG.replace("    void console", "    // Intentionally ignored: <reason>\n    void console") },
          ],
        },
      ],
      output: BLOCK_VOID_LOG.replace("} catch {", "} catch (err) {").replace('feed");', 'feed", err);'),
    },
    {
      name: "a .then rejection handler that is `void 0` stays a no-op, logged by the fix",
      code: THEN_VOID_ZERO,
      findings: [{ case: "thenRejectionNoop", line: 2, column: 43, endColumn: 55, suggestions: [{ title: "Mark as intentionally ignored…", output: THEN_VOID_ZERO.replace("() => void", `() => ${MARK}void`) }] }],
      output: THEN_VOID_ZERO.replace("() => void 0", '(err) => {\n    console.error("loadFeed failed in refresh", err);\n    return void 0;\n  }'),
    },
    {
      name: "a handler awaiting its log line keeps the await in the rethrow suggestion's rebuilt handler",
      code: AWAITED_HANDLER_LOG,
      findings: [
        {
          case: "promiseCatchLogOnly",
          line: 4,
          column: 28,
          endLine: 6,
          endColumn: 4,
          suggestions: [
            { title: "Rethrow in the handler after logging", output: AWAITED_HANDLER_LOG.replace("async () => {", "async (err) => {").replace('job");\n', 'job", err);\n    throw err;\n') },
            { title: "Mark as intentionally ignored…", output: AWAITED_HANDLER_LOG.replace("    await logger", "    // Intentionally ignored: <reason>\n    await logger") },
          ],
        },
      ],
      output: AWAITED_HANDLER_LOG.replace("async () => {", "async (err) => {").replace('job");', 'job", err);'),
    },
    branch("a bare warn() imported from a toast module is no logger: no safe fix", TOAST_WARN, null),
    branch("a bare log() the file declares (one parameter) is no logger: no safe fix", LOCAL_LOG, null),
    branch("a record writer named …Log (positional arguments) is no logger: no safe fix", AUDIT_LOG, null),
    // The engine's fix-safety check reads only a logger's level methods as log calls (it would demote this one).
    branch("even the project's logger called bare, imported from its module: no safe fix", PROJECT_LOG, null, LOGGER_MODULE),
    branch("the project's logger through a level method: the error is added", PROJECT_LEVEL, PROJECT_LEVEL.replace('log.warn("Failed to save note")', 'log.warn("Failed to save note", error)'), LOGGER_MODULE),
    branch("a template format string whose %s is left unfilled: the error would fill it, no safe fix", TEMPLATE_FORMAT, null),
  ],
});
