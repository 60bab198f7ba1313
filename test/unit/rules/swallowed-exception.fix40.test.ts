import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

const named = new Set(["rethrowWithoutCause", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Session 40, developer fix40: two fixes that cannot be right.
// - "Pass the caught error to <Class> as { cause }" on http-errors' named classes (`new
//   createHTTPError.InternalServerError(msg)`, `new ServiceUnavailable(msg)`): their constructors take a
//   message alone, so `{ cause }` is dropped without a word. None is offered; the factory
//   `createError(502, msg, { cause })` sets its properties on the error and keeps its fix.
// - "Check error, log it and return" on a callback that settles a waiting promise or caller (`exec(cmd,
//   (error, stdout) => { resolve(stdout.trim() || "unknown") })`): the early return skips the `resolve`
//   and the promise never settles. Not offered there; kept where nothing waits on the callback.
//   (Session 41, fix41: such a callback is offered a rejection of the promise instead, and a class of
//   http-errors' default export the factory with its status: swallowed-exception.fix41.test.ts.)

// Koa's style: an ESM import of the default export, a 502 by its class after a log of the message.
const KOA_CLASS = dedent`
  import createError from "http-errors";
  export async function proxy(ctx, upstream) {
    try {
      ctx.body = await upstream.get(ctx.path);
    } catch (e) {
      console.error(e.message);
      throw new createError.BadGateway("upstream failed");
    }
  }
`;

// Another style: CommonJS, a class destructured from the require.
const NAMED_CLASS = dedent`
  const { ServiceUnavailable } = require("http-errors");
  exports.load = async function load(db, id) {
    try {
      return await db.find(id);
    } catch (e) {
      console.error(e.message);
      throw new ServiceUnavailable("database unavailable");
    }
  };
`;

// Neighbour: http-errors' factory sets the properties object on the error.
const FACTORY = dedent`
  import createError from "http-errors";
  export async function proxy(ctx, upstream) {
    try {
      ctx.body = await upstream.get(ctx.path);
    } catch (e) {
      console.error(e.message);
      throw createError(502, "upstream failed");
    }
  }
`;

// zigbee2mqtt's style as the brief gives it: the command's output resolves the executor's promise.
const EXEC_PROMISE = dedent`
  const { exec } = require("child_process");
  function currentHash() {
    return new Promise((resolve) => {
      exec("git rev-parse --short=8 HEAD", (error, stdout) => {
        resolve(stdout.trim() || "unknown");
      });
    });
  }
  module.exports = { currentHash };
`;

// Another style: TypeScript, execFile in an executor whose parameters have other names.
const EXECFILE_TS = dedent`
  import { execFile } from "node:child_process";
  export function branch(cwd: string): Promise<string> {
    return new Promise<string>((ok, fail) => {
      execFile("git", ["branch", "--show-current"], { cwd }, (err, out) => {
        ok(String(out).trim());
      });
    });
  }
`;

// Neighbour: nothing waits on the callback; returning on the error is right.
const CACHE = dedent`
  import fs from "node:fs";
  const cache = new Map<string, Buffer>();
  export function warm(path: string): void {
    fs.readFile(path, (err, data) => {
      cache.set(path, data);
    });
  }
`;

// A check that logs and falls through to the resolve: "Return after logging" would skip it too.
const LOGGED_RESOLVE = dedent`
  const fs = require("fs");
  function readConfig(path) {
    return new Promise((resolve) => {
      fs.readFile(path, "utf8", (err, text) => {
        if (err) {
          console.log(err);
        }
        resolve(text || "{}");
      });
    });
  }
  module.exports = { readConfig };
`;

const invalid: InvalidCase[] = [
  { name: "rethrowWithoutCause: Koa, http-errors' BadGateway class takes no { cause }", filename: "src/proxy.js", code: KOA_CLASS, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14, suggestions: [{ title: "Make it with createError(502, …) and pass the caught error as cause", output: KOA_CLASS.replace('new createError.BadGateway("upstream failed")', 'createError(502, "upstream failed", { cause: e })') }] }], output: null },
  { name: "rethrowWithoutCause: another style, a class destructured from require('http-errors')", filename: "routes/load.js", code: NAMED_CLASS, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14, suggestions: [] }], output: null },
  { name: "rethrowWithoutCause: neighbour, http-errors' factory keeps its cause fix", filename: "src/proxy.js", code: FACTORY, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14, suggestions: [{ title: "Pass the caught error to createError as cause", output: FACTORY.replace('"upstream failed")', '"upstream failed", { cause: e })') }] }], output: null },
  { name: "ignoredCallbackError: exec's callback resolves the executor's promise: no early return", filename: "index.js", code: EXEC_PROMISE, findings: [{ case: "ignoredCallbackError", line: 4, column: 43, endColumn: 48, suggestions: [{ title: "Check error and pass it to reject", output: EXEC_PROMISE.replace("(resolve) =>", "(resolve, reject) =>").replace("      resolve(", "      if (error) return reject(error);\n      resolve(") }] }], output: EXEC_PROMISE.replace("      resolve(", '      if (error) console.error("exec failed", error);\n      resolve(') },
  { name: "ignoredCallbackError: another style, execFile in an executor (ok, fail)", filename: "src/git.ts", code: EXECFILE_TS, findings: [{ case: "ignoredCallbackError", line: 4, column: 61, endColumn: 64, suggestions: [{ title: "Check err and pass it to fail", output: EXECFILE_TS.replace("      ok(", "      if (err) return fail(err);\n      ok(") }] }], output: EXECFILE_TS.replace("      ok(", '      if (err) console.error("execFile failed", err);\n      ok(') },
  { name: "ignoredCallbackError: neighbour, a callback nothing waits on keeps log and return", filename: "src/warm.ts", code: CACHE, findings: [{ case: "ignoredCallbackError", line: 4, column: 22, endColumn: 25, suggestions: [{ title: "Check err, log it with console and return", output: CACHE.replace("    cache.set(", '    if (err) {\n      console.error("fs.readFile failed in warm", { path }, err);\n      return;\n    }\n    cache.set(') }] }], output: CACHE.replace("    cache.set(", '    if (err) console.error("fs.readFile failed in warm", { path }, err);\n    cache.set(') },
  { name: "ignoredCallbackError: a logged error falling through to resolve gets no early return", filename: "lib/config.js", code: LOGGED_RESOLVE, findings: [{ case: "ignoredCallbackError", line: 4, column: 32, endColumn: 35, suggestions: [] }], output: null },
];

new RuleTester().run(narrowed, { valid: [], invalid });
