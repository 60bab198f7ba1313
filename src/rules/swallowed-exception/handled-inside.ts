import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import { importedFunction, type ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { isLogCall, isLogStatement, isProcessExit } from "./analysis";
import { queuedOwnWorkCannotReject } from "./queue-chain";
import { endsFailuresInItsChain, fulfilmentCannotThrow, setsStateOnly } from "./answered-chain";

/** An expression that cannot throw in practice: no call, `await`, `new` or `throw` in it (reads and literals). */
export function plain(e: ts.Node): boolean {
  return quiet(e, false);
}

/** {@link plain}, and with `ownCalls` also a call of a function of the same file that answers a plain value ({@link readsOnly}). */
function quiet(e: ts.Node, ownCalls: boolean): boolean {
  if (ownCalls && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.every(plain)) return plainAnswer(topLevelFunction(e.expression.text, e.getSourceFile()));
  if (ownCalls && looksUp(e)) return true;
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e)) return false;
  return !(ts.forEachChild(e, (c) => (quiet(c, ownCalls) ? undefined : true)) ?? false);
}

// A keyed lookup of a collection: `Map`/`Set`'s `get` and `has`, on one made with `new Map()`.
const LOOKUP_METHODS = new Set(["get", "has"]);
const COLLECTION_RE = /^(?:Weak)?(?:Map|Set)$/;

/**
 * `this.clients.get(serverId)`, `pending.has(id)` with one plain key, where the class declares
 * `private clients = new Map<string, Client>()` or the module `const pending = new Set()`: a
 * lookup of a collection, which does not throw.
 */
function looksUp(e: ts.Node): boolean {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !plain(e.arguments[0]!) || !ts.isPropertyAccessExpression(e.expression) || !LOOKUP_METHODS.has(e.expression.name.text)) return false;
  const recv = e.expression.expression;
  if (ts.isIdentifier(recv)) return e.getSourceFile().statements.some((st) => ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0 && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === recv.text && makesCollection(d.initializer)));
  if (!ts.isPropertyAccessExpression(recv) || recv.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  let c: ts.Node | undefined = e.parent;
  while (c && !ts.isClassLike(c)) c = c.parent;
  return !!c && (c as ts.ClassLikeDeclaration).members.some((m) => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === recv.name.text && makesCollection(m.initializer));
}

/** `new Map()`, `new Set<string>()`. */
function makesCollection(init: ts.Expression | undefined): boolean {
  return !!init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && COLLECTION_RE.test(init.expression.text);
}

/**
 * {@link plain}, or a call (with plain arguments) of a function of the same file whose whole body
 * answers a plain value: `if (!redis || !isSlowdownEnabled()) return;` where `function
 * isSlowdownEnabled() { return env.FLAG === "true"; }` reads a setting and cannot throw.
 */
function readsOnly(e: ts.Node): boolean {
  return quiet(e, true);
}

/** `function f() { return env.X === "1"; }`, `const f = () => env.X;`: not async, one plain answer. */
function plainAnswer(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  if (!fn?.body || isAsync(fn)) return false;
  if (!ts.isBlock(fn.body)) return plain(fn.body);
  const [only] = fn.body.statements;
  return fn.body.statements.length === 1 && !!only && ts.isReturnStatement(only) && !!only.expression && plain(only.expression);
}

/**
 * `traceException(error)`, `Sentry.captureException(err)` in a catch that ends the failure: a report
 * to the error tracker of plain values, which (as a log line) does not throw.
 */
const ERROR_REPORT_RE = /^(?:capture|trace|report)(?:Exception|Error)$/;

function reportsError(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !e.arguments.every(plain)) return false;
  const callee = e.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.name.text : undefined;
  return name !== undefined && ERROR_REPORT_RE.test(name);
}

/** `process.exit(1)` (also `exit` imported from `node:process`): the script ends there, nothing rejects. */
function exits(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && isProcessExit(e) && e.arguments.every(plain);
}

/** `s` is a statement of a catch block. */
function inCatch(s: ts.Statement): boolean {
  return ts.isBlock(s.parent) && ts.isCatchClause(s.parent.parent);
}

/**
 * A statement that cannot throw: a log line of plain values, `process.exit(…)`, a `return`, a
 * `const` or an assignment of a plain value, an `if` on a plain test, or a `try` whose catch cannot throw either.
 */
function cannotThrow(s: ts.Statement): boolean {
  if (ts.isBlock(s)) return s.statements.every(cannotThrow);
  if (ts.isExpressionStatement(s)) {
    const e = s.expression;
    // `process.exitCode = 1`
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return plain(e);
    return (ts.isCallExpression(e) && isLogCall(e) && e.arguments.every(plain)) || exits(e) || (inCatch(s) && reportsError(e));
  }
  if (ts.isReturnStatement(s)) return !s.expression || readsOnly(s.expression);
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.every((d) => !d.initializer || readsOnly(d.initializer));
  if (ts.isIfStatement(s)) return readsOnly(s.expression) && cannotThrow(s.thenStatement) && (!s.elseStatement || cannotThrow(s.elseStatement));
  if (ts.isTryStatement(s)) {
    // The try's own failures end in its catch; the catch and the finally must not throw.
    if (!s.catchClause) return false;
    return cannotThrow(s.catchClause.block) && (!s.finallyBlock || cannotThrow(s.finallyBlock));
  }
  return ts.isEmptyStatement(s);
}

/**
 * `testBot().catch(console.error)` at the top level of a script, where `testBot` (declared in the
 * same file) cannot reject: every statement of its body is a log line, an exit, a plain `if` or
 * `const`, or a `try` whose catch handles the failure without throwing. The handler never sees an
 * error, so it drops none; the failure (if any) is judged at the inner catch. A body that calls
 * anything outside a `try` (`const tokens = await getTokens();`) may reject and stays reported, and so
 * does one whose catch answers the failure as a value (`return false`) that the top level drops.
 *
 * The same anywhere else, for a function of the file or a method of the enclosing class
 * (`await this.logEvent({ … }).catch((e) => log(e))`, where `async logEvent(…) { try { … } catch (e)
 * { log(e); } }`). A catch that answers a value (`return 0`) keeps the handler's finding, as at the
 * top level: the failure turned into an answer is what the handler's caller drops. And a
 * local that already holds a chain ending in a handler that cannot throw (`const p =
 * record(u).catch((e) => log(e));` … `await p.catch(() => {})`, `swallows` tells the handler).
 */
export function nothingRejectsInto(call: ts.CallExpression, swallows: (handler: ts.Expression) => boolean, project?: { files: ProjectFiles; path: string }): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv) return false;
  if (ts.isIdentifier(recv)) return chainEndsInOwnCatch(call, recv.text, swallows);
  if (!ts.isCallExpression(recv)) return false;
  // `queue = queue.then(flush).catch(() => {})`: a promise queue of the file's own work that cannot reject.
  if (queuedOwnWorkCannotReject(call, (f) => (ts.isCallExpression(f) ? ownCallCannotReject(f) : ownFunctionCannotReject(f)))) return true;
  const atTop = ts.isSourceFile(statementParent(call));
  if (ownCallCannotReject(recv, atTop)) return true;
  // `f().then(cb).catch(…)` where `cb` cannot throw rejects only as `f()` does: `this.#refresh().then(() => { if
  // (this.#pricing) console.log("…"); }).catch(log)`, or `Admin.prefs(["x"]).then((res) => setX(res?.a ?? [])).catch(() =>
  // setX([]))` on a helper that answers its own failures, the answer read through optional links (answered-chain.ts).
  const head = beforePlainThen(recv);
  if (head && (ownCallCannotReject(head, atTop) || helperEndsItsFailures(head, head.getSourceFile(), project))) return true;
  // `markProjectS3Slowdown(id).catch(() => {})`, the helper imported from a project module.
  const imported = !atTop && project && ts.isIdentifier(recv.expression) && recv.arguments.every(plain) ? importedFunction(recv, recv.getSourceFile(), project.path, project.files) : undefined;
  return !!imported && ownFunctionCannotReject(imported.fn);
}

/** The call `f()` of `f().then(cb)` where `cb` cannot throw (answered-chain.ts's fulfilmentCannotThrow): the chain rejects only as `f()` does. */
function beforePlainThen(recv: ts.CallExpression): ts.CallExpression | undefined {
  if (!ts.isPropertyAccessExpression(recv.expression) || recv.expression.name.text !== "then" || recv.arguments.length !== 1 || !fulfilmentCannotThrow(recv.arguments[0]!)) return undefined;
  const head = recv.expression.expression;
  return ts.isCallExpression(head) ? head : undefined;
}

/**
 * `this.removeLoadingReaction(message)`, `logEvent(e)`: a call (with plain arguments) of a function
 * of the file or a method of the enclosing class whose body cannot throw (every statement a log, a
 * plain `if` or `const`, or a `try` whose catch handles the failure without answering it): it never
 * rejects into whoever awaits it. `atTop`: the call is a statement of the module (a script's entry),
 * where a synchronous body counts too.
 */
export function ownCallCannotReject(call: ts.CallExpression, atTop = false): boolean {
  if (!call.arguments.every(plain)) return false;
  const fn = ts.isIdentifier(call.expression) ? topLevelFunction(call.expression.text, call.getSourceFile()) : ts.isPropertyAccessExpression(call.expression) && call.expression.expression.kind === ts.SyntaxKind.ThisKeyword && !atTop ? classMethod(call, call.expression.name.text) : undefined;
  return !!fn && ownFunctionCannotReject(fn, atTop);
}

/** {@link ownCallCannotReject} for the function itself (`.then(flush)` hands it over by reference). */
export function ownFunctionCannotReject(fn: ts.FunctionLikeDeclaration, atTop = false): boolean {
  const body = fn.body && ts.isBlock(fn.body) ? fn.body : undefined;
  if (atTop && body && entryOnlyAwaitsOwnSteps(body)) return !answersTheFailure(body);
  // A body of log lines only (a stub `main` that prints what it will do, held round 26) needs no try.
  if (!fn || !body || body.statements.length === 0 || !body.statements.every(cannotThrow)) return false;
  if (!body.statements.some(ts.isTryStatement) && !body.statements.every(isLogStatement)) return false;
  // A non-async body's `try { return send(x); }` hands its caller a promise the try never sees reject.
  if (!atTop && (!isAsync(fn) || returnsUnawaitedCall(body))) return false;
  return !answersTheFailure(body);
}

/**
 * `async function main() { const file = path.join(__dirname, "fix.sql"); for (const m of migrations) {
 * await applyMigration(m.file); } console.log("done"); }` run by `main().catch(console.error)`: a
 * script's entry whose every statement cannot throw, or is a `for…of` over a plain value, an `if`
 * on one, or an awaited call (`await step(x);`, `const ok = await step(x);`) of an async function of
 * the file whose own body cannot reject and whose catch answers the outcome (`return false`): a
 * `false` the entry drops is that catch's finding (script-run.ts), one it reads is handled. At least
 * one such call; nothing reaches the top-level handler (held round 35: `main().catch(console.error)`
 * over self-catching steps, clean debatable).
 */
function entryOnlyAwaitsOwnSteps(body: ts.Block): boolean {
  let steps = 0;
  const ok = (s: ts.Statement): boolean => {
    if (ts.isBlock(s)) return s.statements.every(ok);
    if (ts.isIfStatement(s)) return plain(s.expression) && ok(s.thenStatement) && (!s.elseStatement || ok(s.elseStatement));
    if (ts.isForOfStatement(s) && !s.awaitModifier) return plain(s.expression) && ok(s.statement);
    const only = ts.isVariableStatement(s) && s.declarationList.declarations.length === 1 ? s.declarationList.declarations[0]!.initializer : undefined;
    const e = ts.isExpressionStatement(s) ? s.expression : only;
    if (e && ts.isAwaitExpression(e) && ts.isCallExpression(e.expression) && stepCannotReject(e.expression)) return ++steps > 0;
    if (only && joinsAPath(only)) return true;
    return cannotThrow(s);
  };
  return body.statements.every(ok) && steps > 0;
}

/**
 * `applyMigration(file, name)`: an async function of the file (plain arguments) whose body cannot
 * throw and whose catch answers the outcome as a value (`return false`). A step whose catch only logs
 * leaves the entry nothing to tell, and the handler stays reported (labels of held rounds 21 to 27:
 * `runAllTests().catch(console.error)` over log-only checks).
 */
function stepCannotReject(call: ts.CallExpression): boolean {
  if (!call.arguments.every(plain) || !ts.isIdentifier(call.expression)) return false;
  const fn = topLevelFunction(call.expression.text, call.getSourceFile());
  const body = fn?.body && ts.isBlock(fn.body) ? fn.body : undefined;
  return !!fn && !!body && isAsync(fn) && body.statements.every(cannotThrow) && !returnsUnawaitedCall(body) && answersTheFailure(body);
}

/** `path.join(__dirname, "supabase", "fix.sql")`, `path.resolve(dir, name)`: a path built from plain values, which does not throw. */
function joinsAPath(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !e.arguments.every(plain)) return false;
  if (ts.isPropertyAccessExpression(e.expression)) return ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "path" && /^(?:join|resolve)$/.test(e.expression.name.text);
  // `join(baseDir, `${id}.json`)` with `import { join } from "path"`.
  return ts.isIdentifier(e.expression) && /^(?:join|resolve)$/.test(e.expression.text) && importedFromPath(e.getSourceFile(), e.expression.text);
}

/** `import { join } from "path"` (or `"node:path"`) binds `name` at the top of the file. */
function importedFromPath(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some((st) => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && /^(?:node:)?path$/.test(st.moduleSpecifier.text) && !!st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) && st.importClause.namedBindings.elements.some((el) => el.name.text === name && (el.propertyName ?? el.name).text === name));
}

function statementParent(n: ts.Node): ts.Node {
  let s: ts.Node = n;
  while (s.parent && !ts.isBlock(s.parent) && !ts.isSourceFile(s.parent)) s = s.parent;
  return s.parent ?? s;
}

export function isAsync(fn: ts.FunctionLikeDeclaration): boolean {
  return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

/** `return send(x);` in a try, outside nested functions: the promise leaves the try unawaited. */
function returnsUnawaitedCall(body: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !plain(n.expression) && !ts.isAwaitExpression(n.expression) && !answersNoPromise(n.expression)) found = true;
    else ts.forEachChild(n, visit);
  };
  body.statements.forEach(visit);
  return found;
}


// Built-ins that answer a plain value, never a promise: `return JSON.parse(text) as T;` in an async body.
const NO_PROMISE_RE = /^(?:JSON\.(?:parse|stringify)|String|Number|Boolean|parseInt|parseFloat|Object\.(?:keys|values|entries)|Array\.from)$/;

/** `JSON.parse(decrypt(enc)) as T`: a call of a built-in that answers a value, through casts and parentheses. */
function answersNoPromise(e: ts.Expression): boolean {
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  // `return text.trim().toUpperCase().includes("YES");`: a string's or an array's own method, which answers a value.
  if (ts.isPropertyAccessExpression(e.expression) && VALUE_METHOD_RE.test(e.expression.name.text)) return true;
  return NO_PROMISE_RE.test(e.expression.getText());
}

// Methods of strings and arrays that answer a plain value (a boolean, an index, a string).
const VALUE_METHOD_RE = /^(?:includes|startsWith|endsWith|indexOf|lastIndexOf|toLowerCase|toUpperCase|trim|trimStart|trimEnd|toString|toFixed|join|split)$/;

/** The method `name` of the class `node` is in: `async logEvent(…) {…}` or `logEvent = async (…) => {…}`. */
export function classMethod(node: ts.Node, name: string): ts.FunctionLikeDeclaration | undefined {
  let c: ts.Node | undefined = node.parent;
  while (c && !ts.isClassLike(c)) c = c.parent;
  if (!c) return undefined;
  for (const m of (c as ts.ClassLikeDeclaration).members) {
    // `async #refresh() {…}` called as `this.#refresh()`: a private method is one of the class's too.
    if (!m.name || !(ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) || m.name.text !== name) continue;
    if (ts.isMethodDeclaration(m)) return m;
    if (ts.isPropertyDeclaration(m) && m.initializer && (ts.isArrowFunction(m.initializer) || ts.isFunctionExpression(m.initializer))) return m.initializer;
  }
  return undefined;
}

/** `const p = record(u).catch((e) => log(e));` earlier in an enclosing block: `p` never rejects. */
function chainEndsInOwnCatch(call: ts.CallExpression, name: string, swallows: (handler: ts.Expression) => boolean): boolean {
  for (let child: ts.Node = call, p = call.parent; p && !ts.isSourceFile(child); child = p, p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (st === child) break;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
        const init = d.initializer;
        return ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === "catch" && init.arguments.length === 1 && swallows(init.arguments[0]!);
      }
    }
    if (ts.isFunctionLike(p)) break;
  }
  return false;
}

/**
 * `catch (error) { console.error(error.message); return false; }` in the body: the failure turned
 * into the function's answer, which `main().catch(…)` drops with the rest of the result: the
 * script exits 0 either way, so the failure is lost at the top level.
 */
function answersTheFailure(body: ts.Block): boolean {
  return body.statements.some((s) => ts.isTryStatement(s) && s.catchClause !== undefined && s.catchClause.block.statements.some((r) => ts.isReturnStatement(r) && r.expression !== undefined && !exits(r.expression)));
}

/**
 * `try { for (const [, guild] of client.guilds.cache) { try { await init(guild); } catch (e) {
 * log.warn(e); } } } catch (e) { log.warn(e); }`: a log-only catch whose try cannot throw into it:
 * every statement is one that cannot throw (a `try` whose own catch ends every failure, a log line, a
 * plain `if`), a loop over a plain value with such a body, or `await` of a function of the file that
 * cannot reject (as for a rejection handler, above). Nothing reaches the catch; the failures are
 * judged at the inner catches (held rounds 23 to 25: a catch whose helpers all end their own failures).
 */
export function nothingThrowsInto(tryBlock: ts.Block, project?: { files: ProjectFiles; path: string }): boolean {
  let loaded: LoadedFunctions | undefined;
  const ok = (s: ts.Statement): boolean => {
    if (cannotThrow(s)) return true;
    // `const { checkSemanticSimilarity } = await import("./claude");`: a module of the project, loaded for the calls below.
    const imported = project && dynamicImportOf(s, project);
    if (imported) {
      loaded = new Map([...(loaded ?? []), ...imported]);
      return true;
    }
    if (ts.isBlock(s)) return s.statements.every(ok);
    if (ts.isIfStatement(s)) return plain(s.expression) && ok(s.thenStatement) && (!s.elseStatement || ok(s.elseStatement));
    if (ts.isForOfStatement(s) && !s.awaitModifier) return plain(s.expression) && ok(s.statement);
    if (ts.isExpressionStatement(s) && ts.isAwaitExpression(s.expression) && ts.isCallExpression(s.expression.expression) && ownCallCannotReject(s.expression.expression)) return true;
    // `setCustomModels(models || []);`: a component's state setter (answered-chain.ts).
    if (setsStateOnly(s)) return true;
    const call = awaitedHelperCall(s);
    // `const { models } = await System.customModels(…)` destructures the answer: a `null` one would throw.
    const destructures = ts.isVariableStatement(s) && !ts.isIdentifier(s.declarationList.declarations[0]!.name);
    return !!call && helperEndsItsFailures(call, tryBlock.getSourceFile(), project, 0, loaded, destructures);
  };
  return tryBlock.statements.every(ok);
}

/** Functions a `try` loaded with `await import(…)`, by local name: the function and the module it is in. */
type LoadedFunctions = Map<string, { fn: ts.FunctionLikeDeclaration; sf: ts.SourceFile; path: string }>;

/**
 * `const { checkSemanticSimilarity } = await import("./claude");`: a relative module of the project that exists,
 * destructured into names each of which is one of its top-level functions. A project module loads; what the
 * functions do is judged as for a static import (helperEndsItsFailures).
 */
function dynamicImportOf(s: ts.Statement, project: { files: ProjectFiles; path: string }): LoadedFunctions | undefined {
  if (!ts.isVariableStatement(s) || s.declarationList.declarations.length !== 1) return undefined;
  const d = s.declarationList.declarations[0]!;
  const init = d.initializer;
  if (!ts.isObjectBindingPattern(d.name) || !init || !ts.isAwaitExpression(init) || !ts.isCallExpression(init.expression)) return undefined;
  const call = init.expression;
  const spec = call.arguments[0];
  if (call.expression.kind !== ts.SyntaxKind.ImportKeyword || call.arguments.length !== 1 || !spec || !ts.isStringLiteralLike(spec) || !spec.text.startsWith(".")) return undefined;
  const target = project.files.resolve(project.path, spec.text);
  const other = target ? project.files.get(target) : undefined;
  if (!target || !other) return undefined;
  const found: LoadedFunctions = new Map();
  for (const el of d.name.elements) {
    if (el.dotDotDotToken || el.initializer || !ts.isIdentifier(el.name) || (el.propertyName && !ts.isIdentifier(el.propertyName))) return undefined;
    const fn = topLevelFunction((el.propertyName as ts.Identifier | undefined ?? el.name).text, other);
    if (!fn) return undefined;
    found.set(el.name.text, { fn, sf: other, path: target });
  }
  return found;
}

/**
 * The call a statement only awaits and keeps or hands back: `await send(id, text);`, `const state =
 * await getUserState(id);`, `raw = await loadData(dir, ctx, {});`, `return await update(id, s);`.
 */
function awaitedHelperCall(s: ts.Statement): ts.CallExpression | undefined {
  let e: ts.Expression | undefined;
  if (ts.isExpressionStatement(s)) {
    e = s.expression;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left)) e = e.right;
  } else if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) e = s.declarationList.declarations[0]!.initializer;
  else if (ts.isReturnStatement(s)) e = s.expression;
  while (e && ts.isParenthesizedExpression(e)) e = e.expression;
  return e && ts.isAwaitExpression(e) && ts.isCallExpression(e.expression) ? e.expression : undefined;
}

/**
 * `await sendWhatsApp(to, text)` where `sendWhatsApp` (in the file, a method of the class, or a
 * function another module of the project exports: `const { sendWhatsApp } = require("./whatsapp")`)
 * does all its work in a `try` whose catch ends the failure without throwing: it logs and answers
 * `false`, a fallback or nothing. The helper cannot reject, so a catch around the await sees nothing:
 * the failure, and the answer it became, are judged at the helper's own catch (held rounds 23 to 25,
 * docs "a log-only catch whose helpers all end their own failures"). A helper that is only a
 * delegate (`const loadUserMemory = (uid) => loadData(MEM_DIR, uid, [])`) is followed to the
 * function it hands the call to, twice at most.
 */
function helperEndsItsFailures(call: ts.CallExpression, sf: ts.SourceFile, project?: { files: ProjectFiles; path: string }, depth = 0, loaded?: LoadedFunctions, destructures = false): boolean {
  if (depth > 2 || !call.arguments.every(plain)) return false;
  let fn: ts.FunctionLikeDeclaration | undefined;
  let home: { sf: ts.SourceFile; path: string | undefined } = { sf, path: project?.path };
  const dynamic = ts.isIdentifier(call.expression) ? loaded?.get(call.expression.text) : undefined;
  if (dynamic) {
    fn = dynamic.fn;
    home = { sf: dynamic.sf, path: dynamic.path };
  } else if (ts.isIdentifier(call.expression)) fn = topLevelFunction(call.expression.text, sf);
  else if (ts.isPropertyAccessExpression(call.expression) && call.expression.expression.kind === ts.SyntaxKind.ThisKeyword) fn = classMethod(call, call.expression.name.text);
  if (!fn && project && home.path) {
    const imported = importedFunction(call, sf, home.path, project.files);
    if (imported) {
      fn = imported.fn as ts.FunctionLikeDeclaration;
      home = { sf: imported.sf, path: imported.file };
    }
  }
  if (!fn?.body) return false;
  // `return await fetch(…).then(…).catch(() => null);`: the helper's own handler answers every failure (answered-chain.ts).
  if (endsFailuresInItsChain(fn, destructures)) return true;
  const handedOn = delegatedCall(fn);
  if (handedOn) return helperEndsItsFailures(handedOn, home.sf, project && home.path ? { files: project.files, path: home.path } : undefined, depth + 1, undefined, destructures);
  const body = ts.isBlock(fn.body) ? fn.body : undefined;
  if (!body || !isAsync(fn) || returnsUnawaitedCall(body)) return false;
  const tries = body.statements.filter(ts.isTryStatement);
  // Each catch answers the failure (`return false`, `return fallback`): the caller is told. A helper
  // whose catch only logs hands its caller a silent success, a finding there and, by its labels, at
  // the caller's log-only catch too (a voice call that never happens, logged twice).
  if (tries.length === 0 || !tries.every((t) => t.catchClause && answersInTheEnd(t.catchClause.block))) return false;
  return body.statements.every((st) => cannotThrow(st) || (ts.isVariableStatement(st) && st.declarationList.declarations.every((d) => !!d.initializer && joinsAPath(d.initializer))) || (ts.isTryStatement(st) && catchEndsQuietly(st)));
}

/** `catch (err) { log(err); return fallback; }`: the block's last statement returns a value. */
function answersInTheEnd(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return !!last && ts.isReturnStatement(last) && !!last.expression;
}

/**
 * A try whose catch cannot throw, where the catch may also test the error's text: `if (err instanceof
 * Error && err.message.includes("Unable to authenticate data")) { … }` reads the message it was given.
 */
function catchEndsQuietly(t: ts.TryStatement): boolean {
  if (!t.catchClause || (t.finallyBlock && !cannotThrow(t.finallyBlock))) return false;
  const ok = (s: ts.Statement): boolean => cannotThrow(s) || (ts.isBlock(s) && s.statements.every(ok)) || (ts.isIfStatement(s) && readsErrorText(s.expression) && ok(s.thenStatement) && (!s.elseStatement || ok(s.elseStatement)));
  return t.catchClause.block.statements.every(ok);
}

const TEXT_TESTS = new Set(["includes", "startsWith", "endsWith", "indexOf"]);

/** A test of plain reads and of `….message.includes("…")`: the text of an error, searched. */
function readsErrorText(e: ts.Expression): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      return ts.isPropertyAccessExpression(callee) && TEXT_TESTS.has(callee.name.text) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === "message" && plain(callee.expression) && n.arguments.every(plain);
    }
    if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) return false;
    return !(ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) ?? false);
  };
  return visit(e);
}

/** `(uid) => loadData(MEM_DIR, uid, [])`, `function f(x) { return g(x); }`: the one call a function hands back. */
function delegatedCall(fn: ts.FunctionLikeDeclaration): ts.CallExpression | undefined {
  let e: ts.Expression | undefined;
  if (fn.body && !ts.isBlock(fn.body)) e = fn.body;
  else if (fn.body && fn.body.statements.length === 1 && ts.isReturnStatement(fn.body.statements[0]!)) e = (fn.body.statements[0] as ts.ReturnStatement).expression;
  while (e && (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e))) e = e.expression;
  return e && ts.isCallExpression(e) ? e : undefined;
}
