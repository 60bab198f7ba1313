import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

const named = new Set(["rethrowWithoutCause", "ignoredCallbackError", "emptyErrorHandler", "thenRejectionNoop"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Session 41, developer fix41: the right fix where session 40 removed a wrong one.
// - A callback in a `new Promise` executor that settles the promise and drops its error: the error
//   rejects the promise (`if (err) return reject(err);` at the top), by the executor's own name for
//   its second parameter, at any depth and for a concise body too; an executor with `resolve` alone
//   gains `reject`. Not where the callback already reads the error, nor where it settles nothing.
//   The same for an error listener or a rejection handler that resolves (`s.on("error", () => done())`,
//   `.then(ok, () => ok())`): "Reject with the error" was offered only where a parameter was named `reject`.
// - http-errors' named classes: `new createError.BadGateway(msg)` becomes the factory's
//   `createError(502, msg, { cause: e })` (the same class, status, expose, message and name; the
//   properties object is copied onto the error), through the file's default binding of http-errors,
//   for a class it names and a message that is a string by its syntax. A suggestion: the copied
//   `cause` is an enumerable property (`JSON.stringify(err)`, `{ ...err }` show it).

// The tune part's style: CommonJS, a command's output resolves the promise in a concise callback.
const EXEC_CONCISE = dedent`
  const { exec } = require("child_process");
  function currentBranch() {
    return new Promise((resolve, reject) => {
      exec("git branch --show-current", (err, out) => resolve(out.trim()));
    });
  }
  module.exports = { currentBranch };
`;

// Another style: TypeScript, the executor's own names, the callback one function deeper.
const READ_NESTED_TS = dedent`
  import fs from "node:fs";
  export function readLater(path: string): Promise<Buffer> {
    return new Promise<Buffer>((res, rej) => {
      setImmediate(() => {
        fs.readFile(path, (err, data) => {
          res(data);
        });
      });
    });
  }
`;

// An executor with resolve alone, written without parentheses: it gains reject.
const STAT_NO_PARENS = dedent`
  const fs = require("fs");
  exports.size = (p) =>
    new Promise(resolve => {
      fs.stat(p, function (err, st) {
        resolve(st.size);
      });
    });
`;

// Neighbour: the callback settles nothing (the executor resolves at once); no rejection is offered.
const NOT_SETTLING = dedent`
  import fs from "node:fs";
  const cache = new Map<string, Buffer>();
  export function warm(path: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        fs.readFile(path, (err, data) => {
          cache.set(path, data);
        });
      }, 10);
      resolve();
    });
  }
`;

// Express's style: CommonJS require of http-errors, a class with no message, a catch with no binding.
const EXPRESS_NO_MESSAGE = dedent`
  const createError = require("http-errors");
  exports.show = async function show(req, res) {
    try {
      res.json(await req.db.find(req.params.id));
    } catch {
      console.error("lookup failed");
      throw new createError.ServiceUnavailable();
    }
  };
`;

// Another style: TypeScript ESM, a class imported by name beside the default export, a template message.
const NAMED_BESIDE_DEFAULT = dedent`
  import createHttpError, { InternalServerError } from "http-errors";
  export async function load(db: { get(id: string): Promise<unknown> }, id: string) {
    try {
      return await db.get(id);
    } catch (err) {
      console.error("load failed");
      throw new InternalServerError(\`could not load \${id}\`);
    }
  }
`;

// A namespace import only: calling it fails under esModuleInterop and in ESM, so no factory call.
const NAMESPACE_ONLY = NAMED_BESIDE_DEFAULT.replace('import createHttpError, { InternalServerError } from "http-errors";', 'import * as HttpErrors from "http-errors";').replace("new InternalServerError(`could not load ${id}`)", 'new HttpErrors.InternalServerError("could not load")');

// A message that may not be a string (the factory throws on undefined), and a class http-errors lacks.
const UNKNOWN_MESSAGE = dedent`
  import createError from "http-errors";
  export async function proxy(ctx, upstream, reason) {
    try {
      ctx.body = await upstream.get(ctx.path);
    } catch (e) {
      console.error("proxy failed");
      throw new createError.BadGateway(reason);
    }
  }
`;
const MADE_UP_CLASS = dedent`
  import createError from "http-errors";
  export async function proxy(ctx, upstream) {
    try {
      ctx.body = await upstream.get(ctx.path);
    } catch (e) {
      console.error("proxy failed");
      throw new createError.InternalError("internal error");
    }
  }
`;

// A stream's error listener resolves an executor that names its resolve `done` alone.
const STREAM_LISTENER = dedent`
  import fs from "node:fs";
  export function drain(path: string): Promise<void> {
    return new Promise<void>((done) => {
      const s = fs.createReadStream(path);
      s.on("end", () => done());
      s.on("error", () => done());
      s.resume();
    });
  }
`;

// Another style: a function executor (resolve, fail), a rejection handler of then() that resolves.
const THEN_HANDLER = dedent`
  exports.flush = function flush(queue) {
    return new Promise(function (resolve, fail) {
      queue.drain().then(resolve, () => resolve());
    });
  };
`;

const invalid: InvalidCase[] = [
  { name: "emptyErrorHandler: a stream's error listener resolves the executor's promise: reject, the executor gains reject", filename: "src/drain.ts", code: STREAM_LISTENER, findings: [{ case: "emptyErrorHandler", line: 6, column: 19, endColumn: 31, suggestions: [{ title: "Log the error with console", output: STREAM_LISTENER.replace('s.on("error", () => done());', 's.on("error", (err) => {\n      console.error("s error", err);\n      return done();\n    });') }, { title: "Reject with the error", output: STREAM_LISTENER.replace("((done) =>", "((done, reject) =>").replace('s.on("error", () => done());', 's.on("error", (err) => reject(err));') }, { title: "Mark as intentionally ignored…", output: STREAM_LISTENER.replace('s.on("error", () => done());', 's.on("error", () => /* Intentionally ignored: <reason> */ done());') }] }], output: null },
  { name: "thenRejectionNoop: another style, then()'s rejection handler resolves a function executor (resolve, fail)", filename: "lib/flush.js", code: THEN_HANDLER, findings: [{ case: "thenRejectionNoop", line: 3, column: 33, endColumn: 48, suggestions: [{ title: "Pass the error to fail", output: THEN_HANDLER.replace("() => resolve())", "(err) => fail(err))") }, { title: "Mark as intentionally ignored…", output: THEN_HANDLER.replace("() => resolve())", "() => /* Intentionally ignored: <reason> */ resolve())") }] }], output: THEN_HANDLER.replace("() => resolve())", '(err) => {\n      console.error("queue.drain failed", err);\n      return resolve();\n    })') },
  { name: "ignoredCallbackError: exec's concise callback resolves the executor's promise: reject with the error", filename: "lib/git.js", code: EXEC_CONCISE, findings: [{ case: "ignoredCallbackError", line: 4, column: 40, endColumn: 43, suggestions: [{ title: "Check err and pass it to reject", output: EXEC_CONCISE.replace("(err, out) => resolve(out.trim()));", "(err, out) => {\n      if (err) return reject(err);\n      return resolve(out.trim());\n    });") }] }], output: EXEC_CONCISE.replace("(err, out) => resolve(out.trim()));", '(err, out) => {\n      if (err) console.error("exec failed", err);\n      return resolve(out.trim());\n    });') },
  { name: "ignoredCallbackError: another style, a TypeScript executor (res, rej) one function up", filename: "src/read.ts", code: READ_NESTED_TS, findings: [{ case: "ignoredCallbackError", line: 5, column: 26, endColumn: 29, suggestions: [{ title: "Check err and pass it to rej", output: READ_NESTED_TS.replace("        res(data);", "        if (err) return rej(err);\n        res(data);") }] }], output: READ_NESTED_TS.replace("        res(data);", '        if (err) console.error("fs.readFile failed", { path }, err);\n        res(data);') },
  { name: "ignoredCallbackError: an executor with resolve alone gains reject", filename: "lib/size.js", code: STAT_NO_PARENS, findings: [{ case: "ignoredCallbackError", line: 4, column: 26, endColumn: 29, suggestions: [{ title: "Check err and pass it to reject", output: STAT_NO_PARENS.replace("new Promise(resolve =>", "new Promise((resolve, reject) =>").replace("      resolve(st.size);", "      if (err) return reject(err);\n      resolve(st.size);") }] }], output: STAT_NO_PARENS.replace("      resolve(st.size);", '      if (err) console.error("fs.stat failed", err);\n      resolve(st.size);') },
  { name: "ignoredCallbackError: neighbour, a callback that settles nothing is not offered a rejection", filename: "src/warm.ts", code: NOT_SETTLING, findings: [{ case: "ignoredCallbackError", line: 6, column: 26, endColumn: 29, suggestions: [{ title: "Check err, log it with console and return", output: NOT_SETTLING.replace("        cache.set(", '        if (err) {\n          console.error("fs.readFile failed", { path }, err);\n          return;\n        }\n        cache.set(') }] }], output: NOT_SETTLING.replace("        cache.set(", '        if (err) console.error("fs.readFile failed", { path }, err);\n        cache.set(') },
  { name: "rethrowWithoutCause: Express, http-errors' class with no message becomes the factory with its status", filename: "routes/show.js", code: EXPRESS_NO_MESSAGE, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10, suggestions: [{ title: "Make it with createError(503, …) and pass the caught error as cause", output: EXPRESS_NO_MESSAGE.replace("} catch {", "} catch (err) {").replace("new createError.ServiceUnavailable()", "createError(503, { cause: err })") }] }], output: null },
  { name: "rethrowWithoutCause: another style, a named class beside the default import, a template message", filename: "src/load.ts", code: NAMED_BESIDE_DEFAULT, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 16, suggestions: [{ title: "Make it with createHttpError(500, …) and pass the caught error as cause", output: NAMED_BESIDE_DEFAULT.replace("new InternalServerError(`could not load ${id}`)", "createHttpError(500, `could not load ${id}`, { cause: err })") }] }], output: null },
  { name: "rethrowWithoutCause: a namespace import only gets no factory call", filename: "src/load.ts", code: NAMESPACE_ONLY, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 16, suggestions: [] }], output: null },
  { name: "rethrowWithoutCause: a message of unknown type gets no factory call", filename: "src/proxy.js", code: UNKNOWN_MESSAGE, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14, suggestions: [] }], output: null },
  { name: "rethrowWithoutCause: a class http-errors lacks gets no factory call", filename: "src/proxy.js", code: MADE_UP_CLASS, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14, suggestions: [] }], output: null },
];

// What the fixes make is not reported: the callback rejects with its error, the factory carries the cause.
const valid = [
  { name: "ignoredCallbackError: the fixed callback rejects the executor's promise with its error", filename: "src/read.ts", code: READ_NESTED_TS.replace("        res(data);", "        if (err) return rej(err);\n        res(data);") },
  { name: "ignoredCallbackError: another style, a concise callback choosing between the executor's (ok, fail)", filename: "lib/read.js", code: dedent`
    const fs = require("fs");
    exports.read = (p) => new Promise((ok, fail) => fs.readFile(p, (err, d) => (err ? fail(err) : ok(d))));
  ` },
  { name: "rethrowWithoutCause: http-errors' factory with the cause", filename: "src/proxy.js", code: UNKNOWN_MESSAGE.replace("new createError.BadGateway(reason)", "createError(502, \"upstream failed\", { cause: e })") },
];

new RuleTester().run(narrowed, { valid, invalid });
