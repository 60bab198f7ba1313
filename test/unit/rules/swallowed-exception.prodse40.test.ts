import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

const named = new Set(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly", "rethrowWithoutCause", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Session 40, developer prodse40: production zigbee2mqtt, etherpad-lite and grist-core, triaged blind.
// - A step of a function named for shutting down (`shutdown`, `_shutdown`, `shutdownAll`), a try whose
//   every call releases one thing (another part's `shutdownAll()`, `closeStorage()`, `closeDoc()`), its
//   error logged while the rest of the teardown goes on (grist-core FlexServer.ts:2553, DocManager.ts:478,
//   DocComm.ts:153), while other steps go on. A step that does other work (a flush), or a shutdown whose only
//   work is the try (novu's in-memory provider, a true finding), stays reported.
// - A keep-alive ping held by a name for it (`const ping = () => $.ajax(…).catch(() => {})`) that a
//   `setInterval` of the same block runs (etherpad-lite pad.ts:321, timeslider.ts:116): the next tick
//   sends it again. Another name, or a ping nothing repeats, stays reported.
// - http-errors' classes (`new createHTTPError.InternalError(…)`) thrown after a log of the error's stack
//   through a renamed `const errCaused = err as ErrorCaused` (`errCaused.stack || errCaused.toString()`):
//   the HTTP-answer rule (etherpad-lite openapi.ts:634, RestAPI.ts:1469). A log of the message alone stays.
// - A command's callback whose error shares one test with an empty-output test (`if (error || hash ===
//   "") resolve("unknown")`: zigbee2mqtt index.js:62). An error test of its own stays reported.
// - An HTTP answer as a `[status, headers, body]` tuple with an error status (etherpad-lite Minify.ts:117):
//   a failure answer the caller reads. A pair of numbers (an image's size) is no status tuple.

// grist-core's style: a TypeScript class whose private `_shutdown` releases other parts in turn.
const SHUTDOWN = dedent`
  import log from "./log";
  export class FlexServer {
    private async _shutdown(): Promise<void> {
      await this._removeSelfAsWorker();
      try {
        await this._docManager.shutdownAll();
      } catch (err) {
        log.error("FlexServer shutdown problem", err);
      }
      this._comm?.destroyAllClients();
    }
  }
  export class DocManager {
    public async shutdownAll() {
      await this.shutdownDocs();
      try {
        await this.storageManager.closeStorage();
      } catch (err) {
        log.error("DocManager had problem shutting down storage: %s", err.message);
      }
      this._inRecovery.clear();
    }
  }
`;

// Another style: a CommonJS module's plain `shutdown` releasing Redis and a pool, no process.exit.
const SHUTDOWN_JS = dedent`
  async function shutdown(redis, pool) {
    try {
      await redis.quit();
    } catch (e) {
      console.warn("redis quit failed", e);
    }
    try {
      await pool.closeAll();
    } catch (e) {
      console.warn("pool close failed", e);
    }
  }
  module.exports = { shutdown };
`;

// Neighbour: the shutdown's step flushes a queue, other work.
const SHUTDOWN_FLUSH = dedent`
  export class Worker {
    async shutdown() {
      try {
        await this.queue.flush();
      } catch (err) {
        console.error("flush failed", err);
      }
    }
  }
`;

// Neighbour: a shutdown whose only work is the try (production novu's in-memory provider, a true finding).
const SHUTDOWN_ONLY = dedent`
  export class InMemoryProviderService {
    public async shutdown(): Promise<void> {
      if (this.client) {
        try {
          await this.client.quit();
        } catch (error) {
          Logger.warn(error, "In-memory provider service shutdown has failed");
        }
      }
    }
  }
`;

// etherpad-lite's style: a jQuery ping held by a name and run by setInterval.
const PING = dedent`
  const handleClientVars = (message) => {
    window.clientVars = message.data;
    if (window.clientVars.sessionRefreshInterval) {
      const ping =
          () => $.ajax('../../_extendExpressSessionLifetime', {method: 'PUT'}).catch(() => {});
      setInterval(ping, window.clientVars.sessionRefreshInterval);
    }
  };
`;

// Another style: a TypeScript class holding the timer, the ping a fetch.
const KEEP_ALIVE = dedent`
  export class Session {
    private timer?: ReturnType<typeof setInterval>;
    start(): void {
      const keepAlive = () => fetch("/api/session/touch", { method: "POST" }).catch(() => {});
      this.timer = setInterval(keepAlive, 60_000);
    }
  }
`;

// Neighbours: a save on the interval, and a ping run once.
const SAVE_TICK = dedent`
  export function autosave(doc: { id: string }) {
    const save = () => fetch("/api/save", { method: "PUT", body: doc.id }).catch(() => {});
    setInterval(save, 5000);
  }
`;
const PING_ONCE = dedent`
  export function greet() {
    const ping = () => fetch("/api/ping").catch(() => {});
    ping();
  }
`;

// etherpad-lite's style: http-errors' classes after a log of the renamed error's stack.
const HTTP_ERRORS = dedent`
  import createHTTPError from "http-errors";
  import { logger } from "./log";
  type ErrorCaused = Error & { cause?: unknown };
  export async function handle(apiHandler: { handle(f: string): Promise<unknown> }, funcName: string) {
    try {
      return await apiHandler.handle(funcName);
    } catch (err) {
      const errCaused = err as ErrorCaused;
      if (createHTTPError.isHttpError(err)) {
        throw err;
      } else if (errCaused.name === "apierror") {
        throw new createHTTPError.BadRequest(errCaused.message);
      } else {
        logger.error(errCaused.stack || errCaused.toString());
        throw new createHTTPError.InternalError("internal error");
      }
    }
  }
`;

// Another style: CommonJS Express, a 507 by its http-errors class after a log of the error.
const HTTP_ERRORS_JS = dedent`
  const createError = require("http-errors");
  exports.upload = async function upload(store, file) {
    try {
      return await store.put(file);
    } catch (e) {
      console.error("upload failed", e);
      throw new createError.InsufficientStorage("disk full");
    }
  };
`;

// Neighbour: only the message is logged, the stack is lost.
const HTTP_MESSAGE = dedent`
  import createHTTPError from "http-errors";
  export async function handle(work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (err) {
      const errCaused = err as Error;
      console.error(errCaused.message);
      throw new createHTTPError.InternalError("internal error");
    }
  }
`;

// zigbee2mqtt's style: the version probe answers "unknown" for a failed and an empty `git rev-parse`.
const PROBE = dedent`
  const { exec } = require("child_process");
  async function currentHash() {
    return await new Promise((resolve) => {
      exec("git rev-parse --short=8 HEAD", (error, stdout) => {
        const commitHash = stdout.trim();

        if (error || commitHash === "") {
          resolve("unknown");
        } else {
          resolve(commitHash);
        }
      });
    });
  }
  module.exports = { currentHash };
`;

// Another style: TypeScript, `execFile` into an outer variable, the fallback a file.
const PROBE_TS = dedent`
  import { execFile } from "node:child_process";
  import fs from "node:fs";
  export function revision(done: (rev: string) => void): void {
    let rev = "";
    execFile("git", ["rev-parse", "HEAD"], (err, out) => {
      rev = out.trim();
      if (err || !rev) {
        rev = fs.existsSync(".hash") ? fs.readFileSync(".hash", "utf8") : "unknown";
      }
      done(rev);
    });
  }
`;

// Neighbour: the error shares its test with something other than empty output.
const PROBE_OWN = dedent`
  const { exec } = require("child_process");
  function currentHash(resolve) {
    exec("git rev-parse HEAD", (error, stdout) => {
      if (error || stdout.startsWith("fatal")) {
        resolve("unknown");
      } else {
        resolve(stdout.trim());
      }
    });
  }
  module.exports = { currentHash };
`;

// etherpad-lite's style: each location's request answered as a 500 tuple when it fails.
const TUPLE = dedent`
  const requestURIs = (locations, method, headers, callback) => {
    Promise.all(locations.map(async (loc) => {
      try {
        return await requestURI(loc, method, headers);
      } catch (err) {
        logger.debug(\`requestURI(\${loc}) failed: \${err.stack || err}\`);
        return [500, headers, ''];
      }
    })).then((responses) => callback(responses.map((x) => x[0])));
  };
  module.exports = { requestURIs };
`;

// Another style: a typed \`[status, body]\` answer of a fetch helper, 502 on failure.
const TUPLE_TS = dedent`
  export async function fetchPage(url: string): Promise<[number, string]> {
    try {
      const r = await fetch(url);
      return [r.status, await r.text()];
    } catch (e) {
      console.warn("fetch failed", e);
      return [502, ""];
    }
  }
`;

// Neighbour: a default size, two numbers.
const SIZE = dedent`
  export async function imageSize(url: string): Promise<[number, number]> {
    try {
      return await probe(url);
    } catch (e) {
      console.warn("probe failed", e);
      return [512, 1024];
    }
  }
`;

const valid: ValidCase[] = [
  { name: "logAndContinue: grist-core's _shutdown and shutdownAll release other parts, logging each failure", filename: "app/server/lib/FlexServer.ts", code: SHUTDOWN },
  { name: "logAndContinue: another style, a CommonJS shutdown releasing Redis and a pool", filename: "lib/shutdown.js", code: SHUTDOWN_JS },
  { name: "promiseCatchNoop: etherpad's session ping held by name and run by setInterval", filename: "src/static/js/timeslider.js", code: PING },
  { name: "promiseCatchNoop: another style, a class's keepAlive on an interval it keeps", filename: "src/session.ts", code: KEEP_ALIVE },
  { name: "rethrowWithoutCause: http-errors' class thrown after logging the renamed error's stack", filename: "src/node/handler/RestAPI.ts", code: HTTP_ERRORS },
  { name: "rethrowWithoutCause: another style, CommonJS http-errors' 507 class after a log of the error", filename: "routes/upload.js", code: HTTP_ERRORS_JS },
  { name: "ignoredCallbackError: a failed and an empty git rev-parse both answer unknown", filename: "index.js", code: PROBE },
  { name: "ignoredCallbackError: another style, execFile into an outer variable with a file fallback", filename: "src/revision.ts", code: PROBE_TS },
  { name: "logAndContinue: etherpad's failed request answered as a [500, headers, body] tuple", filename: "src/node/utils/Minify.js", code: TUPLE },
  { name: "logAndContinue: another style, a typed [status, body] answer of 502", filename: "src/fetch-page.ts", code: TUPLE_TS },
];

const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });
const markHandler = (code: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") });
const rethrowHandler = (code: string, what: string) => ({ title: "Rethrow in the handler after logging", output: code.replace(".catch(() => {});", `.catch((err) => {\n    console.error("fetch failed in ${what}", err);\n    throw err;\n  });`) });
// The safe fix of a dropped rejection: the handler logs it.
const logged = (code: string, what: string) => code.replace(".catch(() => {});", `.catch((err) => {\n    console.error("fetch failed in ${what}", err);\n  });`);

const invalid: InvalidCase[] = [
  { name: "logAndContinue: a shutdown step that flushes a queue stays reported", filename: "src/worker.ts", code: SHUTDOWN_FLUSH, findings: [{ case: "logAndContinue", line: 5, column: 7, endColumn: 18, suggestions: [{ title: "Rethrow the error", output: SHUTDOWN_FLUSH.replace("err);\n", "err);\n      throw err;\n") }, mark(SHUTDOWN_FLUSH, "} catch (err) {", "      ")] }], output: null },
  { name: "logAndContinue: a shutdown whose only work is the try stays reported", filename: "src/in-memory-provider.service.ts", code: SHUTDOWN_ONLY, findings: [{ case: "logAndContinue", line: 6, column: 9, endColumn: 22, suggestions: [mark(SHUTDOWN_ONLY, "} catch (error) {", "        ")] }], output: null },
  { name: "promiseCatchNoop: a save on the interval stays reported", filename: "src/autosave.ts", code: SAVE_TICK, findings: [{ case: "promiseCatchNoop", line: 2, column: 80, endColumn: 88, suggestions: [rethrowHandler(SAVE_TICK, "save"), markHandler(SAVE_TICK)] }], output: logged(SAVE_TICK, "save") },
  { name: "promiseCatchNoop: a ping run once stays reported", filename: "src/greet.ts", code: PING_ONCE, findings: [{ case: "promiseCatchNoop", line: 2, column: 47, endColumn: 55, suggestions: [rethrowHandler(PING_ONCE, "ping"), markHandler(PING_ONCE)] }], output: logged(PING_ONCE, "ping") },
  { name: "promiseCatchLogOnly: the same ping run once, its rejection logged, stays reported", filename: "src/greet.ts", code: logged(PING_ONCE, "ping"), findings: [{ case: "promiseCatchLogOnly", line: 2, column: 47, endLine: 4, endColumn: 4, suggestions: [
    { title: "Rethrow in the handler after logging", output: rethrowHandler(PING_ONCE, "ping").output },
    { title: "Mark as intentionally ignored…", output: logged(PING_ONCE, "ping").replace(".catch((err) => {", ".catch((err) => {\n    // Intentionally ignored: <reason>") },
  ] }], output: null },
  { name: "logAndContinue: a default size of two numbers is no status tuple", filename: "src/size.ts", code: SIZE, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 14, suggestions: [mark(SIZE, "} catch (e) {", "    ")] }], output: null },
  { name: "rethrowWithoutCause: a log of the message alone stays reported", filename: "src/handle.ts", code: HTTP_MESSAGE, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 16, suggestions: [] }], output: null },
  { name: "ignoredCallbackError: the error beside a test that is not of empty output stays reported", filename: "index.js", code: PROBE_OWN, findings: [{ case: "ignoredCallbackError", line: 3, column: 31, endColumn: 36, suggestions: [] }], output: PROBE_OWN.replace("    if (error ||", '    if (error) console.error("exec failed in currentHash", error);\n    if (error ||') },
];

new RuleTester().run(narrowed, { valid, invalid });
