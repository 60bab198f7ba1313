import * as assert from "node:assert/strict";
import { enforceFixSafety, safetyViolations } from "../../../src/engine/fix-safety";
import type { Fix, TextEdit } from "../../../src/engine/types";

/** A file and a safe fix from a marked text: each `[[old→new]]` is one edit. */
function marked(text: string): { text: string; fix: Fix } {
  let before = "";
  const edits: TextEdit[] = [];
  let at = 0;
  for (const m of text.matchAll(/\[\[([\s\S]*?)→([\s\S]*?)\]\]/g)) {
    before += text.slice(at, m.index);
    edits.push({ start: before.length, end: before.length + m[1]!.length, text: m[2]! });
    before += m[1];
    at = m.index! + m[0].length;
  }
  return { text: before + text.slice(at), fix: { title: "fix", kind: "safe", edits } };
}

const violationsOf = (text: string) => {
  const m = marked(text);
  return safetyViolations(m.text, m.fix);
};

describe("engine: the fix-safety checker (safetyViolations)", () => {
  describe("allowed: the fix only adds information", () => {
    const allowed: [string, string][] = [
      ["a console log call in an empty catch", 'try { f(); } catch (e) {[[→ console.error("f failed", e); ]]}\n'],
      ["a logger call with an object of names, property reads and a template", 'try { f(); } catch (e) {[[→ logger.warn({ err: e, id: user.id, tag: `x${id}` }, "f failed"); ]]}\n'],
      ["this.logger, with a type assertion", 'class A { m() { try { f(); } catch (e) {[[→ this.logger.error("m failed", (e as Error).stack); ]]} } }\n'],
      ["req.log and a property read by literal index", 'try { f(); } catch (e) {[[→ req.log.error(e, ctx["id"]); ]]}\n'],
      ["an argument appended to an existing log call", 'try { f(); } catch (e) { console.error("failed"[[→, e]]); }\n'],
      ["an argument put first in an existing log call (pino shape)", 'try { f(); } catch (err) { logger.warn([[→{ err }, ]]"failed"); }\n'],
      ["a field added to an existing log call's object", 'try { f(); } catch (e) { logger.warn({ postId[[→, err: e]] }, "failed"); }\n'],
      ["a { cause } added to new Error(msg)", 'try { f(); } catch (e) { throw new Error("load failed"[[→, { cause: e }]]); }\n'],
      ["a shorthand { cause } added to a project error class", "try { f(); } catch (cause) { throw new AppError(msg[[→, { cause }]]); }\n"],
      ["a catch binding, then a log", "try { f(); } catch[[→ (e)]] {[[→ console.error(e); ]]}\n"],
      ["the error parameter of a promise .catch handler, then a log", "load().catch([[() => {}→(err) => { logger.error(err); }]]);\n"],
      ["the rejection handler of .then", "load().then(use, [[function () {}→function (err) { logger.error(err); }]]);\n"],
      ["a comment that explains an ignored error", "try { f(); } catch {[[→ // Intentionally ignored: cache miss\n]]}\n"],
      ["a comment in an empty catch that already has one", "try { f(); } catch {[[→ /* cache miss */]] // ignore\n}\n"],
      ["a CommonJS require of the project's logger module", '[[→const { logger } = require("./lib/logger");\n]]exports.f = function () { try { g(); } catch (e) {[[→ logger.error(e); ]]} };\n'],
      ["an import of the project's logger module", '[[→import { logger } from "./lib/logger";\n]]export function f() { try { g(); } catch (e) {[[→ logger.error(e); ]]} }\n'],
      ["Logger added to an existing @nestjs/common import", 'import { Injectable[[→, Logger]] } from "@nestjs/common";\n'],
      ["a log before a continue the code already had", "for (const x of xs) { try { f(x); } catch (e) {[[→ log.warn({ e, x });]] continue; } }\n"],
      ["a statement wrapped in a block to log before it", "function g(err: Error | null) { if (err) [[return;→{ logger.error(err); return; }]] }\n"],
      ["an arrow's expression body turned into a block that logs and returns it", "const h = (err: Error) => [[null→{ console.error(err); return null; }]];\n"],
      ["a handler `() => done()` turned into a block that logs and returns the same call", "p.then(() => done(), [[() => done()→(err) => {\n  console.error(err);\n  return done();\n}]]);\n"],
      // parse-server: a handler whose body was a block already is compared statement by statement.
      ["a log at the top of a promise handler whose block body returns a fallback", "p.catch([[() => {→(err) => { console.error(err);]] return { response: {} }; });\n"],
      ["a log in a handler nested in an arrow whose block body returns the chain", "p.then(() => {\n  return signUp().catch([[() => {}→(err) => { console.error(err); }]]).then(done);\n});\n"],
      ["the results of Promise.allSettled kept and each rejection logged", 'async function f() {\n  [[→const settled = ]]await Promise.allSettled(jobs);[[→\n  for (const result of settled) if (result.status === "rejected") console.error("jobs failed", result.reason);]]\n}\n'],
      ["a log guarded by a test that only reads the error", 'fs.readFile(p, (err, data) => {[[→\n  if (err) logger.error({ err }, "read failed");]]\n  use(data);\n});\n'],
      ["a binding for a dropped result, then a log guarded by its read", 'async function f() {\n  [[→const { error } = ]]await supabase.from("t").insert(row);[[→\n  if (error) console.error("insert failed", error);]]\n}\n'],
      ["a plain name added to an object binding pattern, then a log", 'async function f() {\n  const { data[[→, error: insertError]] } = await supabase.from("t").insert(row);[[→\n  if (insertError) logger.error({ err: insertError }, "insert failed");]]\n  return data;\n}\n'],
      ["the engine's own unused directive removed", "[[// hardening-hints-ignore-next-line swallowed-exception -- legacy\n→]]export const x = 1;\n"],
      ["a secret masked inside a comment", "// key: sk_live_[[abcdefghijklmnop→<redacted>]]\nexport const x = 1;\n"],
    ];
    for (const [name, text] of allowed) it(name, () => assert.deepEqual(violationsOf(text), []));
  });

  describe("refused: the fix changes behaviour or loses information", () => {
    const refused: [string, string, string[]][] = [
      ["a binding that shadows a name the code reads", 'async function f() {\n  let error = "";\n  [[→const { error } = ]]await save();\n  return error;\n}\n', ["changes `await save();` to `const { error } = await save();`"]],
      ["a binding with a default value", 'async function f() {\n  const { data[[→, error = fallback()]] } = await save();\n  return data;\n}\n', ["adds a binding that is not a new plain name: `error = fallback()`"]],
      ["a rethrow", "try { f(); } catch (e) {[[→ console.error(e); throw e; ]]}\n", ["adds `throw`: `throw e;`"]],
      ["an early return", "function g() { try { f(); } catch (e) {[[→ return null; ]]} }\n", ["adds `return`: `return null;`"]],
      ["a continue", "for (const x of xs) { try { f(x); } catch (e) {[[→ continue; ]]} }\n", ["adds `continue`: `continue;`"]],
      ["a break", "for (const x of xs) { try { f(x); } catch (e) {[[→ break; ]]} }\n", ["adds `break`: `break;`"]],
      ["an awaited log call", "async function g() { try { f(); } catch (e) {[[→ await logger.error(e); ]]} }\n", ["adds `await`: `await logger.error(e);`"]],
      ["a yield", "function* g() { try { f(); } catch (e) {[[→ yield e; ]]} }\n", ["adds `yield`: `yield e;`"]],
      ["process.exit in a handler", "main().catch((e) => {[[→ console.error(e); process.exit(1); ]]});\n", ["adds `process.exit`: `process.exit(1);`"]],
      ["Deno.exit", "try { f(); } catch (e) {[[→ Deno.exit(1); ]]}\n", ["adds `Deno.exit`: `Deno.exit(1);`"]],
      ["the fallback a promise handler's block body returns, changed", "p.catch([[() => { return { response: {} }; }→(err) => { console.error(err); return { response: err }; }]]);\n", ["changes `{}` to `err`"]],
      ["a return added to an arrow's block body", "const h = () => {[[→ console.error(e); return null;]] };\n", ["adds `return`: `return null;`"]],
      ["a loop over an array that Promise.allSettled did not just give", 'async function f(items: Item[]) {\n  await save(items);[[→\n  for (const item of items) if (item.status === "rejected") console.error("save failed", item);]]\n}\n', ['adds `for (const item of items) if (item.status === "rejected")...`, which is not a log call']],
      ["a loop over the settled results that throws", 'async function f() {\n  [[→const settled = ]]await Promise.allSettled(jobs);[[→\n  for (const result of settled) if (result.status === "rejected") throw result.reason;]]\n}\n', ['adds `throw`: `for (const result of settled) if (result.status === "reje...`']],
      ["a loose comparison in a log guard (it may run valueOf)", 'async function f() {\n  [[→const settled = ]]await Promise.allSettled(jobs);[[→\n  for (const result of settled) if (result.status == "rejected") console.error("jobs failed", result.reason);]]\n}\n', ['adds `for (const result of settled) if (result.status == "rejec...`, which is not a log call']],
      ["a literal replaced by an environment variable", 'const key = [["abc123"→process.env.KEY]];\n', ['changes `"abc123"` to `process.env.KEY`']],
      ["a literal replaced by a call", 'const key = [["abc123"→readKey()]];\n', ['a call replaces an existing expression: `"abc123"` becomes `readKey()`']],
      ["a no-op handler that now calls next", "p.catch([[() => {}→(e) => next(e)]]);\n", ["a call replaces an existing expression: `{}` becomes `next(e)`"]],
      ["a log argument that calls a function", 'try { f(); } catch (e) { console.error("failed"[[→, String(e)]]); }\n', ["adds a log argument that may do more than read a value: `String(e)`"]],
      ["a new log call whose template calls a method", "try { f(); } catch (e) {[[→ console.error(`failed: ${e.toString()}`); ]]}\n", ["adds a log call whose arguments may do more than read values: `console.error(`failed: ${e.toString()}`);`"]],
      ["a log call that assigns", "try { f(); } catch (e) {[[→ console.error((last = e)); ]]}\n", ["adds a log call whose arguments may do more than read values: `console.error((last = e));`"]],
      ["a call on something that is not a logger", "try { f(); } catch (e) {[[→ audit.error(e); ]]}\n", ["adds `audit.error(e);`, which is not a log call"]],
      ["an argument added to a call that is not a log call", 'try { f(); } catch (e) { report("failed"[[→, e]]); }\n', ['adds an argument to a call that is not a log call: `report("failed", e)`']],
      ["a comment replaced by a log call", "try { f(); } catch (e) { [[// ignore\n→console.error(e);\n]]}\n", ["deletes or changes the comment `// ignore`"]],
      ["a require of something that is not a logger", '[[→const { z } = require("zod");\n]]exports.x = 1;\n', ['adds `const { z } = require("zod");`, which is not a log call']],
      ["a logger made by a call, not required", '[[→const logger = require("pino")();\n]]exports.x = 1;\n', ['adds `const logger = require("pino")();`, which is not a log call']],
      ["an import that is not a logger", '[[→import { z } from "zod";\n]]export const x = 1;\n', ['adds `import { z } from "zod";`, which is not a log call']],
      ["a log message rewritten", 'try { f(); } catch (e) { console.error([["failed"→"work failed"]], e); }\n', ['changes `"failed"` to `"work failed"`']],
      ["a log field renamed", 'try { f(); } catch (error) { logger.warn({ [[error→err: error]] }, "failed"); }\n', ["changes `error` to `err: error`"]],
      ["a guarded log with an else branch", "fs.readFile(p, (err, data) => {[[→\n  if (err) logger.error(err); else use(data);]]\n});\n", ["adds `if (err) logger.error(err); else use(data);`, which is not a log call"]],
      ["Object.assign around the thrown error", 'try { f(); } catch (e) { throw [[new Error("x")→Object.assign(new Error("x"), { cause: e })]]; }\n', ['a call replaces an existing expression: `new Error("x")` becomes `Object.assign(new Error("x"), { cause: e })`']],
      ["a parameter added to a middleware (Express counts them)", "app.use((req, res[[→, next]]) => { res.end(); });\n", ["changes `(req, res) => { res.end(); }` to `(req, res, next) => { res.end(); }`"]],
      ["a cause with more than the error", 'try { f(); } catch (e) { throw new Error("x"[[→, { cause: e, code: 1 }]]); }\n', ['adds an argument to a call that is not a log call: `new Error("x", { cause: e, code: 1 })`']],
      ["an edit that breaks the syntax", "try { f(); } catch (e) {[[→ console.error(e ]]}\n", ["the fixed file has syntax errors"]],
      ["a file that does not parse", "try { f(); } catch (e) {[[→ console.error(e); ]]\n", ["the file has syntax errors, so the fix cannot be judged"]],
    ];
    for (const [name, text, want] of refused) it(name, () => assert.deepEqual(violationsOf(text), want));

    it("an edit to another file", () => {
      const fix: Fix = { title: "Move secret", kind: "safe", edits: [{ start: 0, end: 0, text: "KEY=\n", file: "/p/.env.example" }] };
      assert.deepEqual(safetyViolations('const key = "abc123";\n', fix), ["edits another file (.env.example)"]);
    });
  });

  describe("enforceFixSafety (the engine's demotion)", () => {
    it("keeps a safe fix that follows the policy, and any suggestion, as they are", () => {
      const m = marked("try { f(); } catch (e) {[[→ console.error(e); ]]}\n");
      const fix = { ...m.fix, isPreferred: true };
      assert.equal(enforceFixSafety(fix, m.text, "/p/a.ts", "r/c"), fix);
      const rethrow = marked("try { f(); } catch (e) {[[→ throw e; ]]}\n");
      const suggestion: Fix = { ...rethrow.fix, kind: "suggestion" };
      assert.equal(enforceFixSafety(suggestion, rethrow.text, "/p/a.ts", "r/c"), suggestion);
    });

    it("demotes a safe fix that breaks it to a suggestion that is not preferred", () => {
      const m = marked("try { f(); } catch (e) {[[→ throw e; ]]}\n");
      assert.deepEqual(enforceFixSafety({ ...m.fix, isPreferred: true }, m.text, "/p/a.ts", "r/c"), { title: "fix", kind: "suggestion", edits: m.fix.edits });
    });
  });
});
