import { ts } from "../../engine/ts";
import { importBindings, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import type { RuleContext } from "../../engine/types";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { CLIENT_ERROR_CLASS_RE, isProcessExit, references, sideJobIsPurpose } from "./analysis";
import { readsSetting } from "./setting";
import { awaitsIn } from "./intent";
import { scopeOf } from "./scope";
import { TreeMemo } from "../../engine/tree-memo";

/**
 * Catches that answer what the code answers anyway, told by the try's shape: an optional part
 * switched on by a setting, a cache in front of the real work, a non-Error thrown value next to a
 * branch that keeps the error.
 */

/** A statement that leaves the catch: a return, a throw, a break or a continue (not inside a nested function). */
function leaves(stmts: readonly ts.Statement[]): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  stmts.forEach(visit);
  return found;
}

const squash = (n: ts.Node): string => n.getText().replace(/\s+/g, "");

/** `require("x")` or `import("x")` in the branch (not inside a nested function). */
function loadsAModule(branch: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === "require"))) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(branch);
  return found;
}

const DEV_ENV_RE = /^(?:development|dev|local)$/;

/** `process.env.NODE_ENV === "development"`: every environment name the condition compares with is a development one. */
function onlyInDevelopment(cond: ts.Expression): boolean {
  if (!/\bNODE_ENV\b/.test(cond.getText())) return false;
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n)) names.push(n.text);
    else if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) names.push("!");
    else ts.forEachChild(n, visit);
  };
  visit(cond);
  return names.length > 0 && names.every((t) => DEV_ENV_RE.test(t)) && !/!==?/.test(cond.getText());
}

/**
 * A condition that calls something other than an environment read: `fs.existsSync(DATA_FILE)` asks
 * the file system about a constant, it does not read a setting (`Deno.env.get("X")` does).
 */
function asksSomething(cond: ts.Expression): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && !/\benv\b/.test(n.expression.getText())) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(cond);
  return found;
}

/**
 * `try { if (process.env.NOVU_ENTERPRISE === "true") { const m = require("@acme/ee-billing"); … } }
 * catch (e) { log(e); }`: the try's one statement is a branch on a setting, and the catch goes on
 * where the try goes when the setting is off (it falls through, or returns what the statement after
 * the try returns). The optional-dependency case with the `if` inside the try.
 */
export function gatedLikeUnconfigured(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  const stmts = tryStmt.tryBlock.statements;
  const only = stmts[0];
  if (stmts.length !== 1 || !only || !ts.isIfStatement(only) || only.elseStatement || !readsSetting(only.expression) || asksSomething(only.expression)) return false;
  // The part is optional: a module it loads (`require("@acme/ee-billing")`, `await import(…)`), or
  // a convenience only development runs. A configured job (`if (API_KEY) await mailer.send(…)`) is not.
  if (!loadsAModule(only.thenStatement) && !onlyInDevelopment(only.expression)) return false;
  if (!leaves(block.statements)) return true;
  const last = block.statements[block.statements.length - 1];
  const container = tryStmt.parent;
  if (!last || !ts.isReturnStatement(last) || !ts.isBlock(container)) return false;
  const next = container.statements[container.statements.indexOf(tryStmt) + 1];
  return next !== undefined && ts.isReturnStatement(next) && squash(next) === squash(last) && !leaves(block.statements.slice(0, -1));
}

// A receiver that is a cache client: `cacheService`, `this.cache`, `redisCache`, `cacheManager`.
const CACHE_RECEIVER_RE = /cache/i;
// A service with a cache in front, `cachedSubscriptionService` (`withCache(service, redis)`): the call
// reaches the origin on a miss, so its failure is the origin's too, with no miss path behind it (the
// retired held round 39, summit-dev-ops/uvian `event-router.service.ts:352`, decided finding).
const CACHED_SERVICE_RE = /^cached(?=[A-Z_])/;
// Not a read or a write: a removal leaves a stale entry behind, which is a wrong answer.
const STALE_METHOD_RE = /^(?:del|invalidat|purg|evict|bust|clear|delet|remov|flush|reset|unlink|expire)/i;

/** `await cacheService.get(key)`, `await this.cache.set(key, v)`: a read or a write on a cache client. */
function isCacheCall(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const recv = e.expression.expression;
  const recvName = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) ? recv.name.text : "";
  return CACHE_RECEIVER_RE.test(recvName) && !CACHED_SERVICE_RE.test(recvName) && !STALE_METHOD_RE.test(e.expression.name.text);
}

/**
 * A try whose every `await` is a read or a write on a cache client (`await cacheService.get(key)`,
 * `await cacheService.set(key, JSON.stringify(response))`), in a function whose own job is not the
 * cache: the origin answers when the cache fails, whatever the log line says, and an empty catch falls
 * through to the miss path (the computation after the try).
 */
export function onlyAwaitsTheCache(tryStmt: ts.TryStatement): boolean {
  const awaits = awaitsIn(tryStmt.tryBlock);
  return awaits.length > 0 && awaits.every((a) => isCacheCall(a.expression)) && !sideJobIsPurpose(scopeOf(tryStmt).name);
}

// A read of one entry: `redis.get(key)`, `kv.hget(h, f)`, `store.getItem(k)`.
const ENTRY_READ_RE = /^(?:get|hget|hgetall|mget|getItem|getJSON|json\.get)$/i;
// A function whose job is a cache read: `_getCachedEmbedding`, `readCache`, `getFromCache`, `cacheGet`.
const CACHE_READ_FN_RE = /^_?(?:get|read|load|fetch|lookup)\w*Cache|^_?cache(?:d)?(?:Get|Read|Lookup)/i;

// A class whose job is a cache: `CacheService`, `ResponseCache`, `CacheManager`, `RedisCache`.
const CACHE_CLASS_RE = /^Cache|Cache(?:Service|Manager|Store|Client|Repository)?$/;
// A cache class's own read method: `RedisCache.get(key)` (held round 35, the lead keeping the first label).
const CACHE_CLASS_READ_RE = /^(?:get|read|lookup)$/;

/** Inside a class whose name says its job is a cache (`RedisCache`, `CacheService`). */
export function inCacheClass(n: ts.Node): boolean {
  let c: ts.Node | undefined = n.parent;
  while (c && !ts.isClassLike(c)) c = c.parent;
  const name = c && (c as ts.ClassLikeDeclaration).name?.text;
  return name !== undefined && CACHE_CLASS_RE.test(name);
}

/**
 * `async _getCachedEmbedding(hash) { try { const cached = await redis.get(key); return cached ?
 * JSON.parse(cached) : null; } catch { return null; } }`: a function named for a cache read whose try
 * awaits only entry reads, and whose catch answers the miss (`null`, `undefined`, a bare `return`):
 * the caller does the real work, as for a miss (held rounds 21 and 26, debatable). Also the `get`
 * (`read`, `lookup`) method of a cache's own class, and after log lines (held round 35).
 */
export function readsTheCacheAsMiss(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  const name = scopeOf(tryStmt).name?.replace(/^.*\./, "");
  if (!name || !(CACHE_READ_FN_RE.test(name) || (CACHE_CLASS_READ_RE.test(name) && inCacheClass(tryStmt)))) return false;
  const awaits = awaitsIn(tryStmt.tryBlock);
  const reads = (e: ts.Expression): boolean => ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ENTRY_READ_RE.test(e.expression.name.text);
  if (awaits.length === 0 || !awaits.every((a) => reads(a.expression))) return false;
  const last = block.statements[block.statements.length - 1];
  return last !== undefined && ts.isReturnStatement(last) && (!last.expression || /^(?:null|undefined)$/.test(last.expression.getText())) && !leaves(block.statements.slice(0, -1));
}

/** `e instanceof Error`. */
function testsForError(cond: ts.Expression, errName: string): boolean {
  // `if (error.message) throw new Error(error.message); else throw new Error("Error calling the API")`: the
  // `else` holds only values with no message to keep, as `new Error(error.message || "…")` (held round 41).
  if (ts.isPropertyAccessExpression(cond) && cond.name.text === "message" && ts.isIdentifier(cond.expression) && cond.expression.text === errName) return true;
  return ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(cond.left) && cond.left.text === errName && ts.isIdentifier(cond.right) && cond.right.text === "Error";
}

/**
 * `if (e instanceof Error) throw new DalException(e.message); else throw new DalException("An unknown
 * error occurred");`: the throw in the `else` holds only values that are no `Error` (no stack, no
 * cause to chain), and the branch for every real error keeps it. Likewise a test of the error's
 * message (`if (e.message) … else throw new X("…")`): the `else` has no message to keep. A test for anything else
 * (`isErrorWithWriteErrors(e)`) leaves real errors in the `else` and stays reported.
 */
export function throwsForNonError(t: ts.ThrowStatement, errName: string): boolean {
  for (let n: ts.Node = t; n.parent && !isFunctionLike(n.parent) && !ts.isCatchClause(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.elseStatement === n && testsForError(p.expression, errName)) return throwsTheError(p.thenStatement, errName);
  }
  // `if (e instanceof Error) { throw new Error("Query failed: " + e.message); } throw new Error("Query
  // failed");`: the same without the `else`, the branch always throwing (held round 26).
  const list = t.parent;
  if (!ts.isBlock(list) || !ts.isCatchClause(list.parent)) return false;
  return list.statements.slice(0, list.statements.indexOf(t)).some((st) => ts.isIfStatement(st) && !st.elseStatement && testsForError(st.expression, errName) && endsInThrowOf(st.thenStatement, errName));
}

function throwsTheError(branch: ts.Statement, errName: string): boolean {
  let keeps = false;
  const visit = (m: ts.Node): void => {
    if (keeps || isFunctionLike(m)) return;
    if (ts.isThrowStatement(m) && m.expression && references(m.expression, errName)) keeps = true;
    else ts.forEachChild(m, visit);
  };
  visit(branch);
  return keeps;
}

/** `throw new X(e.message)`, or a block whose last statement is one: the branch never falls through. */
function endsInThrowOf(branch: ts.Statement, errName: string): boolean {
  const last = ts.isBlock(branch) ? branch.statements[branch.statements.length - 1] : branch;
  return last !== undefined && ts.isThrowStatement(last) && !!last.expression && references(last.expression, errName);
}

/**
 * `catch (_) {}` then `return false;` right after the try: the catch answers `false`, the boolean
 * answer a caller must check anyway (`isInMercurialRepository()` whose command fails outside a repository).
 */
export function fallsToReturnFalse(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  const container = tryStmt.parent;
  if (leaves(block.statements) || tryStmt.finallyBlock || !ts.isBlock(container)) return false;
  const next = container.statements[container.statements.indexOf(tryStmt) + 1];
  return next !== undefined && ts.isReturnStatement(next) && next.expression?.kind === ts.SyntaxKind.FalseKeyword;
}

/** The class `extends` of a class declaration: `class ApiException extends BadRequestException {}` → `BadRequestException`. */
function baseName(cls: ts.ClassDeclaration): string | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return ext && ts.isIdentifier(ext) ? ext.text : ext && ts.isPropertyAccessExpression(ext) ? ext.name.text : undefined;
}

/**
 * The first named import of `name` (`import { X as name } from "./errors"`): the module it
 * resolves to in the project (undefined for a package or an unread file) and the name it is
 * exported under there. Undefined when no named import binds `name`.
 */
function importedBinding(ctx: RuleContext, name: string): { file: ts.SourceFile | undefined; name: string } | undefined {
  const b = importBindings(ctx.sourceFile).get(name);
  if (b?.kind !== "named") return undefined;
  const files = projectFilesOf(ctx);
  const abs = files.resolve(ctx.path, b.spec);
  return { file: abs ? files.get(abs) : undefined, name: b.exported };
}

/**
 * `throw new ApiException("…")` where the project declares `class ApiException extends
 * BadRequestException {}`, in this file or in the module a relative import names: a client (4xx)
 * error, like the base it extends.
 */
export function extendsClientError(ctx: RuleContext, ne: ts.NewExpression): boolean {
  if (!ts.isIdentifier(ne.expression)) return false;
  const name = ne.expression.text;
  const classIn = (sf: ts.SourceFile, n: string) => sf.statements.find((st): st is ts.ClassDeclaration => ts.isClassDeclaration(st) && st.name?.text === n);
  const local = classIn(ctx.sourceFile, name);
  if (local) return CLIENT_ERROR_CLASS_RE.test(baseName(local) ?? "");
  const imported = importedBinding(ctx, name);
  if (!imported) return false;
  const cls = imported.file && classIn(imported.file, imported.name);
  return !!cls && CLIENT_ERROR_CLASS_RE.test(baseName(cls) ?? "");
}

/** `process.exit(1)` (not `exit(0)`) anywhere in `fn`'s body: the method ends the process. */
function exitsTheProcess(fn: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && isProcessExit(n) && !(n.arguments[0] && ts.isNumericLiteral(n.arguments[0]) && n.arguments[0].text === "0")) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

/** The `fatal` method of `class C` in `sf`, if it ends the process. */
function classFatalExits(sf: ts.SourceFile, cls: string): boolean {
  const c = sf.statements.find((st): st is ts.ClassDeclaration => ts.isClassDeclaration(st) && st.name?.text === cls);
  const m = c?.members.find((x) => x.name !== undefined && ts.isIdentifier(x.name) && x.name.text === "fatal");
  return m !== undefined && exitsTheProcess(m);
}

/** `const log = new ConsoleLog()` (ConsoleLog declared in `sf`) or `const log = { fatal(m) { …; process.exit(1); } }` in `sf`. */
function loggerFatalExits(sf: ts.SourceFile, name: string): boolean {
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
      const init = d.initializer;
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression)) return classFatalExits(sf, init.expression.text);
      if (ts.isObjectLiteralExpression(init)) {
        const p = init.properties.find((x) => x.name !== undefined && ts.isIdentifier(x.name) && x.name.text === "fatal");
        return p !== undefined && exitsTheProcess(p);
      }
      return false;
    }
  }
  return false;
}

/**
 * `consoleLog.fatal(error)` in a catch, where the project's own logger ends the process in `fatal`
 * (`class ConsoleLog { fatal(…) { this.error(…); process.exit(1); } }`): an exit, not a swallow. Only
 * where the logger is declared in this file or in the module a relative import names, the
 * class in that same module; a logger from a package is not read.
 */
export function callsAnExitingFatal(ctx: RuleContext, block: ts.Block): boolean {
  if (callsAnExitingHelper(ctx, block)) return true;
  const call = block.statements.map((s) => (ts.isExpressionStatement(s) ? s.expression : undefined)).find((e): e is ts.CallExpression => e !== undefined && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "fatal" && ts.isIdentifier(e.expression.expression));
  if (!call) return false;
  const name = ((call.expression as ts.PropertyAccessExpression).expression as ts.Identifier).text;
  if (loggerFatalExits(ctx.sourceFile, name)) return true;
  const imported = importedBinding(ctx, name);
  return imported?.file !== undefined && loggerFatalExits(imported.file, imported.name);
}

// Per file: the names of its top-level functions whose last statement ends the process with a code that is not a literal 0.
const exitingHelpers = new TreeMemo<ts.SourceFile, Set<string>>();

/** `function shutdown(…) { …; process.exit(code); }` or `const shutdown = async (…) => { …; process.exit(1); }` named `name` in `sf`. */
function helperEndsProcess(sf: ts.SourceFile, name: string): boolean {
  let names = exitingHelpers.get(sf);
  if (!names) {
    names = new Set<string>();
    const ends = (fn: ts.FunctionLikeDeclaration): boolean => {
      const body = fn.body;
      const last = body && ts.isBlock(body) ? body.statements[body.statements.length - 1] : undefined;
      const exit = last && ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) ? last.expression : undefined;
      return exit !== undefined && isProcessExit(exit) && !(exit.arguments[0] && ts.isNumericLiteral(exit.arguments[0]) && exit.arguments[0].text === "0");
    };
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name && ends(st)) names.add(st.name.text);
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) && ends(d.initializer)) names.add(d.name.text);
      }
    }
    exitingHelpers.set(sf, names);
  }
  return names.has(name);
}

/**
 * `main().catch(async (error) => { console.error("FATAL:", error); await shutdown(1); })`, where
 * `shutdown` (declared in this file, or a named import of the module a relative import names) ends
 * with `process.exit(failed ? 1 : 0)`: the handler ends the process with its failure, like a
 * `process.exit(1)` of its own (production OpenPanel's e2e script, session 35). Called with a
 * literal `0`, or a helper whose last statement is not the exit, stays reported.
 */
function callsAnExitingHelper(ctx: RuleContext, block: ts.Block): boolean {
  for (const st of block.statements) {
    if (!ts.isExpressionStatement(st)) continue;
    const e = ts.isAwaitExpression(st.expression) ? st.expression.expression : st.expression;
    if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) continue;
    if (e.arguments.some((a) => ts.isNumericLiteral(a) && a.text === "0")) continue;
    const name = e.expression.text;
    if (helperEndsProcess(ctx.sourceFile, name)) return true;
    const imported = importedBinding(ctx, name);
    if (imported?.file && helperEndsProcess(imported.file, imported.name)) return true;
  }
  return false;
}
