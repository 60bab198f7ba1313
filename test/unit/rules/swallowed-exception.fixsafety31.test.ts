import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 31's fix-safety review (fixrev31) of the safe fixes on production hedgedoc and Flowise and
// 15 tune repositories: a log line through a "logger" that is not one where the line runs, and a
// write's error bound under a name already declared. Each would throw, or not load, where the
// original code carried on. This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "resultErrorIgnored", "logAndContinue", "resultErrorLogOnly", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// pedrorostagno/baileys-starter src/handlers/messageHandler.ts: `createLogger` is the factory.
const FACTORY = dedent`
  import { createLogger } from "../logger";

  const logger = createLogger("MessageHandler");

  export async function handle(id: string) {
    try {
      await save(id);
    } catch (err) {}
  }
`;

// AnektrOn/catalystbeacon scripts/ensure-ajv-dist.js: a CommonJS script beside the app's ESM logger.
const SCRIPT = dedent`
  const fs = require("fs");

  try {
    fs.rmSync("tmp", { recursive: true });
  } catch (_) {}
`;

const REQUIRED = SCRIPT.replace('require("fs");', 'require("fs");\nconst { log } = require("../src/utils/logger");');

// `this.logger` belongs to Orders; Cache (an instance method, a static one) has none.
const CLASSES = dedent`
  export class Orders {
    constructor(private readonly logger: AppLogger) {}
    note() { this.logger.info("orders ready"); }
    load() {
      try { pull(); } catch (e) {}
    }
  }

  export class Cache {
    refresh() {
      try { pull(); } catch (e) {}
    }
    static warm() {
      try { pull(); } catch (e) {}
    }
  }
`;

const ORDERS_LOG = 'this.logger.error("pull failed in Orders.load", { err: e });';
const REFRESH_LOG = 'console.error("pull failed in Cache.refresh", e);';
const WARM_LOG = 'console.error("pull failed in Cache.warm", e);';
const IGNORED = "// Intentionally ignored: <reason>";

// A catch at the top level runs while the module loads, before `const logger = pino()` below it.
const EARLY = dedent`
  const fs = require("fs");
  const pino = require("pino");

  let cfg = {};
  try {
    cfg = JSON.parse(fs.readFileSync("cfg.json", "utf8"));
  } catch (e) {}
  const logger = pino();
  module.exports = { cfg, logger };
`;

// `error`, `insertError` and `resultError` are all taken: the fix binds `resultError2`, not a second `resultError`.
const TAKEN = dedent`
  import { supabase } from "./supabase";

  export async function save(row: Row, resultError: string | null) {
    if (resultError) console.error(resultError);
    const insertError = check(row);
    if (insertError) return insertError;
    await supabase.from("rows").insert(row);
    return null;
  }
`;

/** `code` with its `nth` empty `catch (name) {}` (from 0) opened to hold `lines`, at `indent`. */
const opened = (code: string, name: string, indent: string, lines: string[], nth = 0): string => {
  const parts = code.split(`catch (${name}) {}`);
  const block = `catch (${name}) {\n${lines.map((l) => `${indent}  ${l}\n`).join("")}${indent}}`;
  return parts.map((p, i) => (i === 0 ? p : `${i - 1 === nth ? block : `catch (${name}) {}`}${p}`)).join("");
};
const logged = (code: string, nth: number, line: string): string => opened(code, "e", "    ", [line], nth);

/** SCRIPT beside the logger module `logger`: its catch logs with `line` (through `label`), in `fixedBase` (SCRIPT, or with the require). */
function scriptRow(name: string, logger: string, fixedBase: string, line: string, label: string): InvalidCase {
  return {
    name,
    code: SCRIPT,
    filename: "scripts/clean.js",
    files: { "src/utils/logger.js": logger },
    findings: [{ case: "emptyCatch", line: 5, column: 13, endColumn: 15, suggestions: [
      { title: `Log with ${label} and rethrow`, output: opened(fixedBase, "_", "", [line, "throw _;"]) },
      { title: "Mark as intentionally ignored…", output: opened(SCRIPT, "_", "", [IGNORED]) },
    ] }],
    output: opened(fixedBase, "_", "", [line]),
  };
}

// romancp85/restaurante-whatsapp-bot src/config/redis.js: a "type": "module" app run by plain
// `node src/server.js`, the file's only import a package's.
const REDIS = dedent`
  import Redis from "ioredis";

  let client = null;
  export function connect(url) {
    try {
      client = new Redis(url);
    } catch (err) {}
  }
`;

// A built-in error's name the file binds to its own class: `{ cause }` would be one of its arguments.
const rethrow = (binding: string, thrown: string): string => dedent`
  ${binding}

  export async function load(id: string) {
    try {
      return await fetchUser(id);
    } catch (e) {
      throw ${thrown};
    }
  }
`;
const ALIASED = rethrow('import { HttpError as Error } from "./errors";', 'new Error("load failed")');
const LOCAL = rethrow("class TypeError { constructor(public status: number) {} }", "new TypeError(500)");

const REDIS_IMPORTED = REDIS.replace('"ioredis";\n', '"ioredis";\nimport logger from "../utils/logger.js";\n');

const FACTORY_FIXED = opened(FACTORY, "err", "  ", ['console.error("save failed in handle", { id }, err);']);
const TAKEN_FIXED = TAKEN.replace('await supabase.from("rows").insert(row);', 'const { error: resultError2 } = await supabase.from("rows").insert(row);\n  if (resultError2) console.error("insert into rows failed", resultError2);');

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "an imported logger factory the file calls is not the logger: the log line goes to console",
      code: FACTORY,
      filename: "src/handlers/message.ts",
      findings: [{ case: "emptyCatch", line: 8, column: 17, endColumn: 19, suggestions: [
        { title: "Log with console and rethrow", output: opened(FACTORY, "err", "  ", ['console.error("save failed in handle", { id }, err);', "throw err;"]) },
        { title: "Mark as intentionally ignored…", output: opened(FACTORY, "err", "  ", ["// Intentionally ignored: <reason>"]) },
      ] }],
      output: FACTORY_FIXED,
    },
    scriptRow("a CommonJS script does not require a logger module written with export: console", "export const log = { error: (...args) => console.error(...args) };\n", SCRIPT, 'console.error("fs.rmSync failed", _);', "console"),
    scriptRow("a CommonJS logger module is still required by a CommonJS script", "module.exports = { log: { error: (...args) => console.error(...args) } };\n", REQUIRED, 'log.error("fs.rmSync failed", { err: _ });', "log"),
    {
      name: "this.logger only in the class that logs through it, not in another class of the file nor a static method",
      code: CLASSES,
      filename: "src/orders.ts",
      findings: [
        { case: "emptyCatch", line: 5, column: 31, endColumn: 33, suggestions: [
          { title: "Log with this.logger and rethrow", output: opened(CLASSES, "e", "    ", [ORDERS_LOG, "throw e;"], 0) },
          { title: "Mark as intentionally ignored…", output: logged(CLASSES, 0, IGNORED) },
        ] },
        { case: "emptyCatch", line: 11, column: 31, endColumn: 33, suggestions: [
          { title: "Log with console and rethrow", output: opened(CLASSES, "e", "    ", [REFRESH_LOG, "throw e;"], 1) },
          { title: "Mark as intentionally ignored…", output: logged(CLASSES, 1, IGNORED) },
        ] },
        { case: "emptyCatch", line: 14, column: 31, endColumn: 33, suggestions: [
          { title: "Log with console and rethrow", output: opened(CLASSES, "e", "    ", [WARM_LOG, "throw e;"], 2) },
          { title: "Mark as intentionally ignored…", output: logged(CLASSES, 2, IGNORED) },
        ] },
      ],
      output: logged(logged(logged(CLASSES, 2, WARM_LOG), 1, REFRESH_LOG), 0, ORDERS_LOG),
    },
    {
      name: "a top-level catch above the logger's declaration: no safe log fix (the line would throw a ReferenceError while the module loads)",
      code: EARLY,
      filename: "src/config.js",
      files: { "package.json": '{ "dependencies": { "pino": "^9" } }' },
      findings: [{ case: "emptyCatch", line: 7, column: 13, endColumn: 15, suggestions: [
        { title: "Mark as intentionally ignored…", output: opened(EARLY, "e", "", ["// Intentionally ignored: <reason>"]) },
      ] }],
      output: null,
    },
    {
      name: "a write's error is bound under a name the function does not declare yet",
      code: TAKEN,
      filename: "src/save.ts",
      findings: [{ case: "resultErrorIgnored", line: 7, column: 3, endColumn: 42, suggestions: [
        { title: "Throw the error", output: TAKEN.replace('await supabase.from("rows").insert(row);', 'const { error: resultError2 } = await supabase.from("rows").insert(row);\n  if (resultError2) throw resultError2;') },
      ] }],
      output: TAKEN_FIXED,
    },
    {
      name: "a JavaScript module of a type: module package imports the logger module with its extension",
      code: REDIS,
      filename: "src/config/redis.js",
      files: { "package.json": '{ "type": "module", "dependencies": { "ioredis": "^5" } }', "src/utils/logger.js": 'import pino from "pino";\nconst logger = pino();\nexport default logger;\n' },
      findings: [{ case: "emptyCatch", line: 7, column: 17, endColumn: 19, suggestions: [
        { title: "Log with logger and rethrow", output: opened(REDIS_IMPORTED, "err", "  ", ['logger.error({ err }, "connect failed");', "throw err;"]) },
        { title: "Mark as intentionally ignored…", output: opened(REDIS, "err", "  ", [IGNORED]) },
      ] }],
      output: opened(REDIS_IMPORTED, "err", "  ", ['logger.error({ err }, "connect failed");']),
    },
    {
      name: "new Error(…) where the file imports its own class as Error: no safe { cause }",
      code: ALIASED,
      filename: "src/users.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 14, suggestions: [
        { title: "Pass the caught error to Error as { cause }", output: ALIASED.replace('"load failed")', '"load failed", { cause: e })') },
      ] }],
      output: null,
    },
    {
      name: "new TypeError(500) of the file's own TypeError class, whose constructor takes a status: no { cause }",
      code: LOCAL,
      filename: "src/users.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 14, suggestions: [] }],
      output: null,
    },
    {
      name: "the fixed factory file: its catch logs and carries on, reported in its turn",
      code: FACTORY_FIXED,
      filename: "src/handlers/message.ts",
      findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 16, suggestions: [
        { title: "Rethrow the error", output: FACTORY_FIXED.replace("{ id }, err);\n", "{ id }, err);\n    throw err;\n") },
        { title: "Mark as intentionally ignored…", output: FACTORY_FIXED.replace("    console.error(", "    // Intentionally ignored: <reason>\n    console.error(") },
      ] }],
      output: null,
    },
    {
      name: "the fixed write: its log-only error branch is reported in its turn",
      code: TAKEN_FIXED,
      filename: "src/save.ts",
      findings: [{ case: "resultErrorLogOnly", line: 7, column: 35, endLine: 8, endColumn: 20, suggestions: [
        { title: "Throw the error after logging it", output: TAKEN_FIXED.replace('if (resultError2) console.error("insert into rows failed", resultError2);', 'if (resultError2) { console.error("insert into rows failed", resultError2); throw resultError2; }') },
      ] }],
      output: null,
    },
  ],
});
