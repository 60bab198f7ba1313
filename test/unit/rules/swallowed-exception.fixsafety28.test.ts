import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";
import { logOnlyBranch, noteWithLog } from "../../helpers/log-branch";

// Session 28's fix-safety review (fix28) of the fixes session 27 added or changed; hand-written
// rows. This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorLogOnly", "logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A supabase-js write whose error branch only logs ("Add error to the log call" adds the error as one
// more argument, which a format string's unfilled placeholder would take).
const note = noteWithLog;
const branch = logOnlyBranch;

/** `branch` whose safe fix adds `, error` as the log call's last argument. */
function errorAdded(name: string, code: string): InvalidCase {
  const log = /^ {4}(\S.*)\);$/m.exec(code.split("if (error) {\n")[1]!)![1]!;
  return branch(name, code, code.replace(`${log});`, `${log}, error);`));
}

// Placeholders written in a `+` concatenation, a template in parentheses or a cast, across two
// operands, or in a const of the file: the error would fill them.
const CONCAT_CSS = note("", 'console.error("Save of note " + note.id + " failed: %c");');
const PAREN_TEMPLATE = note("", "console.error((`Save of note ${note.id}` + ` failed after %d tries`) as string);");
const ACROSS_OPERANDS = note("", 'console.error("Saved " + note.progress + "%" + "done");');
const FILE_CONST = note('const SAVE_FAILED = "Save of note %s failed";', "console.error(SAVE_FAILED);");
const SPREAD_FIRST = note('const parts = ["Save of note %s failed"];', "console.error(...parts);");
const SPREAD_AFTER = note("", 'console.error("Save of note %s failed", ...note.tags);');
// Filled, escaped or no placeholder at all: the error is added.
const CONCAT_FILLED = note("", 'console.error("Save of note %s" + " failed", note.id);');
const CONCAT_PERCENT = note("", 'console.error("Save of note " + note.id + " failed at 100%");');
const CONCAT_ESCAPED = note("", 'console.error("Save at 100%" + "%s failed");');
const FILE_CONST_PLAIN = note('const SAVE_FAILED = "Save of note failed";', "console.error(SAVE_FAILED + ` (${note.id})`);");

// The same in a catch's log line and a rejection handler's.
const CATCH_CONCAT = dedent`
  export async function load(id: string) {
    try {
      return await fetchNote(id);
    } catch (err) {
      console.error("Load of note " + id + " failed: %o");
    }
  }
`;
const HANDLER_CONCAT = dedent`
  export function refresh(id: string) {
    fetchNote(id).catch(() => console.error("Refresh of %s" + " failed"));
  }
`;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    branch("a %c in a + concatenation is a placeholder the error would fill: no safe fix", CONCAT_CSS, null),
    branch("a %d in a template inside parentheses and a cast, joined by +: no safe fix", PAREN_TEMPLATE, null),
    branch('"%" + "done" is %d at run time: no safe fix', ACROSS_OPERANDS, null),
    branch("a const of the file holding the format string: its %s is unfilled, no safe fix", FILE_CONST, null),
    branch("a spread first may hold the format string: no safe fix", SPREAD_FIRST, null),
    branch("a spread after the format string fills an unknown number of placeholders (maybe none): no safe fix", SPREAD_AFTER, null),
    errorAdded("a concatenation whose %s the next argument fills: the error is added", CONCAT_FILLED),
    errorAdded('a "%" followed by ")" or the end is no placeholder: the error is added', CONCAT_PERCENT),
    errorAdded('"100%" + "%s" is an escaped percent sign and an "s": the error is added', CONCAT_ESCAPED),
    errorAdded("a const of the file with no placeholder, and a template substitution (not read): the error is added", FILE_CONST_PLAIN),
    {
      name: "a catch's log line with a %o in a + concatenation: no safe fix, the rethrow leaves the log call alone",
      code: CATCH_CONCAT,
      findings: [
        {
          case: "logAndContinue",
          line: 4,
          column: 5,
          endColumn: 16,
          suggestions: [
            { title: "Rethrow the error", output: CATCH_CONCAT.replace('%o");\n', '%o");\n    throw err;\n') },
            { title: "Mark as intentionally ignored…", output: CATCH_CONCAT.replace("    console", "    // Intentionally ignored: <reason>\n    console") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a rejection handler's log line with a %s in a + concatenation: no safe fix",
      code: HANDLER_CONCAT,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 23, endColumn: 71, suggestions: [{ title: "Mark as intentionally ignored…", output: HANDLER_CONCAT.replace("() => console", "() => /* Intentionally ignored: <reason> */ console") }] }],
      output: null,
    },
  ],
});

// "Pass the caught error to createError as cause" (session 27's suggestion for h3's and http-errors'
// createError): an Express route whose catch hands on http-errors' error, and a Nitro handler
// whose catch throws h3's.
const causeOnly = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => id === "rethrowWithoutCause")) } as typeof swallowedException;
const route = (made: string): string => dedent`
  import createHttpError from "http-errors";

  router.post("/pay", async (req, res, next) => {
    try {
      res.json(await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }));
    } catch (error) {
      next(${made});
    }
  });
`;
const nitro = (made: string): string => dedent`
  export default defineEventHandler(async (event) => {
    try {
      return await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    } catch (error) {
      throw ${made};
    }
  });
`;
// A trailing comma after the message: the cause object goes after the message, not after the comma.
const TRAILING_COMMA = route('createHttpError(502, "Payment provider failed",)');
// Properties that may hold a cause of their own: spread in, or under a computed name.
const SPREAD_PROPS = route('createHttpError(502, "Payment provider failed", { expose: false, ...PROVIDER })');
const COMPUTED_PROPS = route('createHttpError(502, "Payment provider failed", { [field]: "stripe" })');
const COMPUTED_CAUSE = nitro('createError({ statusCode: 502, ["cause"]: "upstream" })');
// A computed name that is another literal is no cause.
const COMPUTED_OTHER = route('createHttpError(502, "Payment provider failed", { ["provider"]: "stripe" })');

const causeRow = (name: string, code: string, filename: string, output?: string): InvalidCase => ({
  name,
  code,
  filename,
  findings: [{ case: "rethrowWithoutCause", ...(filename.startsWith("server/") ? { line: 4, column: 5, endColumn: 18 } : { line: 6, column: 5, endColumn: 18 }), ...(output ? { suggestions: [{ title: `Pass the caught error to ${filename.startsWith("server/") ? "createError" : "createHttpError"} as cause`, output }] } : {}) }],
  output: null,
});

new RuleTester().run(causeOnly, {
  valid: [],
  invalid: [
    causeRow("http-errors' createError with a trailing comma: the cause object follows the message", TRAILING_COMMA, "src/routes/pay.ts", TRAILING_COMMA.replace('failed",)', 'failed", { cause: error },)')),
    causeRow("http-errors' properties with a spread, which may hold a cause: no fix", SPREAD_PROPS, "src/routes/pay.ts"),
    causeRow("http-errors' properties with a computed name, which may be cause: no fix", COMPUTED_PROPS, "src/routes/pay.ts"),
    causeRow('h3\'s createError with ["cause"] of its own: no fix', COMPUTED_CAUSE, "server/api/pay.post.ts"),
    causeRow('a computed name that is another literal (["provider"]): the cause joins the properties', COMPUTED_OTHER, "src/routes/pay.ts", COMPUTED_OTHER.replace('"stripe" }', '"stripe", cause: error }')),
  ],
});

// "Add err to the log call" where the project declares the level method (log-arity.ts): an
// argument (or a field) its parameters do not take would not type-check, or be dropped.
const loggerCatch = (head: string, logLine: string): string => dedent`
  ${head}

  export async function loadFeed(id: string) {
    try {
      return await fetchFeed(id);
    } catch (err) {
      ${logLine}
    }
  }
`;

/** A catch that only logs through `logLine`; `fixed`: the log line with the error added, or none. */
function caughtRow(name: string, head: string, logLine: string, files: Record<string, string>, fixed?: string): InvalidCase {
  const code = loggerCatch(head, logLine);
  const after = fixed ?? logLine;
  return {
    name,
    code,
    files,
    findings: [
      {
        case: "logAndContinue",
        line: code.split("\n").findIndex((l) => l.includes("} catch (err) {")) + 1,
        column: 5,
        endColumn: 16,
        suggestions: [
          // A warning is no failure the caller must hear of: no rethrow offered there.
          ...(logLine.includes(".error(") ? [{ title: "Rethrow the error", output: code.replace(`${logLine}\n`, `${after}\n    throw err;\n`) }] : []),
          { title: "Mark as intentionally ignored…", output: code.replace(`    ${logLine}`, `    // Intentionally ignored: <reason>\n    ${logLine}`) },
        ],
      },
    ],
    output: fixed ? code.replace(logLine, fixed) : null,
  };
}

const loggerFile = (text: string): Record<string, string> => ({ "src/lib/logger.ts": `${text}\n` });
const ONE_PARAM = loggerFile(dedent`
  export const logger = {
    error(message: string): void { console.error(message); },
  };
`);
const CONTEXT_PARAM = loggerFile(dedent`
  interface LogContext { feedId?: string }
  class AppLogger {
    error(message: string, context?: LogContext): void { console.error(message, context); }
    warn(message: string, error?: unknown): void { console.warn(message, error); }
  }
  export const logger = new AppLogger();
  export default logger;
`);
const REST_PARAM = loggerFile(dedent`
  export const logger = { error: (message: string, ...args: unknown[]) => console.error(message, ...args) };
`);
const OVERLOADED = loggerFile(dedent`
  export function error(tag: string, message: string, data?: unknown): void;
  export function error(ctx: object, tag: string, message: string, data?: unknown): void;
  export function error(...args: unknown[]): void { console.error(...args); }
  export function warn(message: string): void { console.warn(message); }
`);
const FIELDS = loggerFile(dedent`
  export const feedLogger = {
    error(fields: Record<string, unknown>, message?: string): void { console.error(fields, message); },
    warn(fields: { feedId: string }, message?: string): void { console.warn(fields, message); },
  };
`);
// A class of the project's logger module, instantiated in the file (the shape of a component logger).
const ERROR_TYPED = loggerFile(dedent`
  export class Logger {
    constructor(private component: string) {}
    error(message: string, error?: Error): void { console.error(this.component, message, error?.message); }
  }
`);

// "Log the error with logger" writes a new line through the project's logger: where the project
// declares its level method, the line must fit it (a message, an object of fields, the error).
const emptyCatch = (head: string): string => dedent`
  ${head}

  export async function loadFeed(id: string) {
    try {
      return await fetchFeed(id);
    } catch {}
  }
`;
const CONTEXT_LOGGER = loggerFile(dedent`
  interface LogContext { feedId?: string }
  export const logger = {
    error(message: string, context?: LogContext): void { console.error(message, context); },
  };
`);
const OPEN_CONTEXT_LOGGER = loggerFile(dedent`
  interface LogContext { [key: string]: any }
  export const logger = {
    error(message: string, context?: LogContext): void { console.error(message, context); },
  };
`);
const EMPTY = emptyCatch('import { logger } from "./lib/logger";');
const MARKED = EMPTY.replace("} catch {}", "} catch {\n    // Intentionally ignored: <reason>\n  }");
const LOGGED = (line: string) => EMPTY.replace("} catch {}", `} catch (err) {\n    ${line}\n  }`);
const catches = new Set(["emptyCatch", "logAndContinue"]);
const catchOnly = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => catches.has(id))) } as typeof swallowedException;

new RuleTester().run(catchOnly, {
  valid: [],
  invalid: [
    caughtRow("the project's logger object takes one parameter: no safe fix", 'import { logger } from "@/lib/logger";', 'logger.error("Failed to load feed");', ONE_PARAM),
    caughtRow("a class's level method whose second parameter is a context type: no safe fix", 'import { logger } from "./lib/logger";', 'logger.error("Failed to load feed");', CONTEXT_PARAM),
    caughtRow("the same class's method whose second parameter is unknown: the error is added", 'import appLogger from "./lib/logger";', 'appLogger.warn("Failed to load feed");', CONTEXT_PARAM, 'appLogger.warn("Failed to load feed", err);'),
    caughtRow("a rest parameter of unknown[]: the error is added", 'import { logger } from "./lib/logger";', 'logger.error("Failed to load feed");', REST_PARAM, 'logger.error("Failed to load feed", err);'),
    caughtRow("a module's overloaded function (import * as log) with a data parameter left: the error is added", 'import * as log from "./lib/logger";', 'log.error("feed", "Failed to load feed");', OVERLOADED, 'log.error("feed", "Failed to load feed", err);'),
    caughtRow("a module's function with one parameter (import * as log): no safe fix", 'import * as log from "./lib/logger";', 'log.warn("Failed to load feed");', OVERLOADED),
    caughtRow("an object-first level method whose fields are a Record<string, unknown>: the error joins them", 'import { feedLogger } from "./lib/logger";', 'feedLogger.error({ feedId: id }, "Failed to load feed");', FIELDS, 'feedLogger.error({ feedId: id, err }, "Failed to load feed");'),
    caughtRow("an object-first level method whose fields are a closed type: no safe fix", 'import { feedLogger } from "./lib/logger";', 'feedLogger.warn({ feedId: id }, "Failed to load feed");', FIELDS),
    caughtRow("an instance of the project's logger class whose error parameter is typed Error (the caught value is unknown): no safe fix", 'import { Logger } from "./lib/logger"; const logger = new Logger("feeds");', 'logger.error("Failed to load feed");', ERROR_TYPED),
    caughtRow("a logger object the file declares, one parameter: no safe fix", "const log = { error: (message: string) => console.error(message) };", 'log.error("Failed to load feed");', {}),
    caughtRow("a class's static level method with one parameter: no safe fix", "class Logger { static error(message: string) { console.error(message); } }", 'Logger.error("Failed to load feed");', {}),
    {
      name: "the project's logger takes a context of declared fields only: no log line (neither { err, id } in the context nor a third argument would type-check)",
      code: EMPTY,
      files: CONTEXT_LOGGER,
      findings: [{ case: "emptyCatch", line: 6, column: 11, endColumn: 13, suggestions: [{ title: "Rethrow the error", output: LOGGED("throw err;") }, { title: "Mark as intentionally ignored…", output: MARKED }] }],
      output: null,
    },
    {
      name: "the project's logger takes its message first and a context with an index signature of any: the line is written in that shape, { err, id } after the message",
      code: EMPTY,
      files: OPEN_CONTEXT_LOGGER,
      findings: [{ case: "emptyCatch", line: 6, column: 11, endColumn: 13, suggestions: [{ title: "Log with logger and rethrow", output: LOGGED('logger.error("fetchFeed failed in loadFeed", { err, id });\n    throw err;') }, { title: "Mark as intentionally ignored…", output: MARKED }] }],
      output: LOGGED('logger.error("fetchFeed failed in loadFeed", { err, id });'),
    },
  ],
});

// The log loop of an unread allSettled and the log line of resultErrorIgnored go through the same check.
const SETTLED = dedent`
  import { logger } from "./lib/logger";

  export async function notifyAll(subscriptions: Subscription[], payload: string) {
    const pushPromises = subscriptions.map((subscription) => fetch(subscription.endpoint, { method: "POST", body: payload }));
    await Promise.allSettled(pushPromises);
  }
`;
const DROPPED = dedent`
  import { logger } from "./lib/logger";

  export async function invalidate(supabase: Client, id: string) {
    await supabase.from("company_cache").delete().eq("id", id);
    return true;
  }
`;
const logsToo = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => ["allSettledUnchecked", "resultErrorIgnored", "resultErrorLogOnly"].includes(id))) } as typeof swallowedException;
const THROWN = DROPPED.replace("  await supabase", "  const { error } = await supabase").replace('"id", id);\n', '"id", id);\n  if (error) throw error;\n');
new RuleTester().run(logsToo, {
  valid: [],
  invalid: [
    {
      name: "an unread allSettled where the project's logger takes one parameter: no log loop",
      code: SETTLED,
      files: ONE_PARAM,
      findings: [{ case: "allSettledUnchecked", line: 5, column: 3, endColumn: 41, suggestions: [{ title: "Throw the first rejection after all settle", output: SETTLED.replace("  await Promise.allSettled(pushPromises);", '  const settled = await Promise.allSettled(pushPromises);\n  for (const result of settled) if (result.status === "rejected") throw result.reason;') }] }],
      output: null,
    },
    {
      name: "a dropped supabase-js error where the project's logger takes one parameter: no log line",
      code: DROPPED,
      files: ONE_PARAM,
      findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 61, suggestions: [{ title: "Throw the error", output: THROWN }] }],
      output: null,
    },
    {
      name: "a dropped supabase-js error where the project's logger takes its message first and open fields: the line in that shape",
      code: DROPPED,
      files: OPEN_CONTEXT_LOGGER,
      findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 61, suggestions: [{ title: "Throw the error", output: THROWN }] }],
      output: THROWN.replace("if (error) throw error;", 'if (error) logger.error("delete on company_cache failed", { err: error });'),
    },
    branch("a log line whose level method is the project's and takes one parameter (resultErrorLogOnly): no safe fix", note('import { logger } from "@/lib/logger";', 'logger.error("Failed to save note");'), null, ONE_PARAM),
  ],
});
