/**
 * Functions with no caller to tell: a local function an event callback starts without waiting on
 * it (`const setup = async () => { try { … } catch (e) { log(e); } }; setup();`), and a
 * graceful-shutdown step of a signal handler that exits the process.
 */
import { ts } from "../../engine/ts";
import { calleeName, exportListNames, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall, references } from "./analysis";
import { releasesEachItem } from "./each-release";
import { findRefs } from "../unvalidated-boundary/ast";

/**
 * `const setup = async () => { … }; setup();` (also `void setup();`, `setup().then(done);`, or a function declaration)
 * in the body of a callback `isBoundary` accepts (a listener, a timer, a cron job): every call
 * of it there is a statement of its own, so nobody awaits its result and its failure reaches no
 * caller, as in the callback itself. A call that is awaited, returned, chained or assigned gives
 * the function a caller.
 */
export function startedUnawaitedFrom(fn: ts.Node, isBoundary: (f: ts.Node) => boolean): boolean {
  let name: string | undefined;
  let decl: ts.Node = fn;
  if (ts.isFunctionDeclaration(fn) && fn.name) name = fn.name.text;
  else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) && fn.parent.initializer === fn) {
    name = fn.parent.name.text;
    decl = fn.parent.parent.parent;
  }
  const block = decl.parent;
  if (!name || !block || !ts.isBlock(block) || !isFunctionLike(block.parent) || !isBoundary(block.parent)) return false;
  let started = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || n === fn) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) {
      let holder: ts.Node = n;
      // `setup().then(() => notify())`: chained without a rejection handler, still nobody is told.
      while (ts.isPropertyAccessExpression(holder.parent) && ts.isCallExpression(holder.parent.parent) && ((holder.parent.name.text === "then" && holder.parent.parent.arguments.length === 1) || holder.parent.name.text === "finally")) holder = holder.parent.parent;
      if (ts.isVoidExpression(holder.parent)) holder = holder.parent;
      if (ts.isExpressionStatement(holder.parent)) started++;
      else other = true;
    } else if (ts.isIdentifier(n) && n.text === name && !(ts.isCallExpression(n.parent) && n.parent.expression === n) && n.parent !== decl && !ts.isVariableDeclaration(n.parent) && !ts.isFunctionDeclaration(n.parent)) other = true;
    ts.forEachChild(n, visit);
  };
  block.statements.forEach(visit);
  return started > 0 && !other && references(block, name);
}

const onlyFromCallbacksCache = new WeakMap<ts.Node, boolean>();
const onlyFromCallbacksVisiting = new Set<ts.Node>();

/**
 * `async function cleanupOldSessions() { try { … } catch (e) { log(e); } }` that the module neither
 * exports nor hands on, and whose every call in the file is a statement of a callback `isBoundary`
 * accepts (`setInterval(async () => { await cleanupOldSessions(); }, MS)`, `cron.schedule("0 1 * * *",
 * () => { cleanupOldSlots(); })`, `setTimeout(() => { run().catch(log); }, 5000)`), one of them a
 * callback `repeats` accepts: a job of those timers, whose failure has nobody to reach but them;
 * the next tick runs it again. A call anywhere else (a route awaiting it, a chat listener that then
 * answers the user, a startup `await`, the name in `module.exports`) gives it a caller.
 */
export function calledOnlyFromCallbacks(fn: ts.Node, isBoundary: (f: ts.Node) => boolean, repeats: (f: ts.Node) => boolean): boolean {
  const cached = onlyFromCallbacksCache.get(fn);
  if (cached !== undefined) return cached;
  if (onlyFromCallbacksVisiting.has(fn)) return false;
  onlyFromCallbacksVisiting.add(fn);
  try {
    const answer = onlyFromCallbacks(fn, isBoundary, repeats);
    onlyFromCallbacksCache.set(fn, answer);
    return answer;
  } finally {
    onlyFromCallbacksVisiting.delete(fn);
  }
}

function onlyFromCallbacks(fn: ts.Node, isBoundary: (f: ts.Node) => boolean, repeats: (f: ts.Node) => boolean): boolean {
  let name: ts.Identifier | undefined;
  let stmt: ts.Node = fn;
  if (ts.isFunctionDeclaration(fn) && fn.name) name = fn.name;
  else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) && fn.parent.initializer === fn) {
    name = fn.parent.name;
    stmt = fn.parent.parent.parent;
  }
  const sf = fn.getSourceFile();
  const scope = stmt.parent;
  if (!name || !scope) return false;
  // A function of the module, or (session 37) one declared in a function's body (`const tick = async () => { … }`
  // in `scheduleKeepAlive()`), whose references are all in that body.
  if (scope === sf) {
    if (ts.getCombinedModifierFlags(stmt as ts.Declaration) & ts.ModifierFlags.Export) return false;
  } else if (!ts.isBlock(scope) || !isFunctionLike(scope.parent)) return false;
  const text = name.text;
  let repeated = false;
  // The functions that set a repeating timer for it, and the functions that start it once besides (a first tick).
  const starters = new Set<ts.Node>();
  const firstTicks: ts.Node[] = [];
  // The file's references to the name, from its per-file index (a walk of the file per function was
  // quadratic in a file of many such jobs); `export { name }` hands it on.
  if (scope === sf && exportListNames(sf).has(text)) return false;
  for (const n of findRefs(text, scope, 0)) {
    if (n === name) continue;
    const caller = enclosingFunction(n);
    const p = n.parent;
    if (ts.isCallExpression(p) && p.expression === n && startedAsStatement(p)) {
      if (caller && isBoundary(caller)) {
        if (repeats(caller)) {
          repeated = true;
          starters.add(enclosingFunction(caller) ?? sf);
        }
        continue;
      }
      // `watcherCycle().catch(() => {});` beside `setInterval(() => { watcherCycle().catch(() => {}); }, 60_000)`:
      // the first tick, started and left like the later ones (held round 35); an awaited one at start-up has a caller.
      if (!awaitedCall(p)) {
        firstTicks.push(caller ?? sf);
        continue;
      }
    } else if (ts.isCallExpression(p) && p.expression !== n && p.arguments.includes(n as ts.Expression) && BY_NAME_TIMER_RE.test(calleeName(p) ?? "")) {
      // `setInterval(run, 5_000)`: handed by name to a timer.
      if (REPEATING_BY_NAME_RE.test(calleeName(p) ?? "")) {
        repeated = true;
        starters.add(enclosingFunction(p) ?? sf);
      }
      continue;
    }
    return false;
  }
  return repeated && firstTicks.every((c) => starters.has(c));
}

// Timers a function may be handed to by name (`setInterval(run, ms)`, `cron.schedule(EXPR, run)`), and the repeating ones.
const BY_NAME_TIMER_RE = /^(?:setInterval|setTimeout|schedule|scheduleJob)$/;
const REPEATING_BY_NAME_RE = /^(?:setInterval|schedule|scheduleJob)$/;

/** `await run()`, `await run().catch(log)`: a caller waits on it. */
function awaitedCall(call: ts.CallExpression): boolean {
  let holder: ts.Node = call;
  while (ts.isPropertyAccessExpression(holder.parent) && /^(?:then|catch|finally)$/.test(holder.parent.name.text) && ts.isCallExpression(holder.parent.parent)) holder = holder.parent.parent;
  return ts.isAwaitExpression(holder.parent);
}

/**
 * `run();`, `await run();`, `void run();`, `run().catch(log);`, and the body of an arrow
 * (`setInterval(() => tick(client), MS)`, whose timer drops what it answers): a call whose result
 * no expression takes.
 */
function startedAsStatement(call: ts.CallExpression): boolean {
  let holder: ts.Node = call;
  while (ts.isPropertyAccessExpression(holder.parent) && /^(?:then|catch|finally)$/.test(holder.parent.name.text) && ts.isCallExpression(holder.parent.parent)) holder = holder.parent.parent;
  while (ts.isAwaitExpression(holder.parent) || ts.isVoidExpression(holder.parent)) holder = holder.parent;
  return ts.isExpressionStatement(holder.parent) || (ts.isArrowFunction(holder.parent) && holder.parent.body === holder);
}

function enclosingFunction(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

const SIGNAL_RE = /^(?:SIGTERM|SIGINT|SIGHUP|SIGQUIT|SIGUSR2)$/;

/** `process.on("SIGTERM", cb)` / `process.once("SIGINT", cb)`: `call` registers a signal handler. */
function registersSignal(call: ts.Node): call is ts.CallExpression {
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !/^(?:on|once|addListener)$/.test(call.expression.name.text)) return false;
  const first = call.arguments[0];
  return call.expression.expression.getText() === "process" && !!first && (ts.isStringLiteralLike(first) ? SIGNAL_RE.test(first.text) : ts.isIdentifier(first) && namesSignals(first));
}

// The process's own crash events: like a signal's, their listeners have nobody to answer.
const CRASH_EVENT_RE = /^(?:uncaughtException|unhandledRejection)$/;

/**
 * `process.on("SIGTERM", cb)`, or `process.on("uncaughtException", cb)` / `process.on("unhandledRejection", cb)`:
 * `call` registers a listener the process itself calls as it goes down, with nobody to answer (held round 36:
 * a graceful shutdown started from the crash listeners as well as from the signal handlers).
 */
export function registersExitListener(call: ts.Node): call is ts.CallExpression {
  if (registersSignal(call)) return true;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !/^(?:on|once|addListener)$/.test(call.expression.name.text)) return false;
  const first = call.arguments[0];
  return call.expression.expression.getText() === "process" && !!first && ts.isStringLiteralLike(first) && CRASH_EVENT_RE.test(first.text);
}

/** Every element of an array literal is a signal's name: `["SIGINT", "SIGTERM"]`. */
function signalList(e: ts.Node): boolean {
  return ts.isArrayLiteralExpression(e) && e.elements.length > 0 && e.elements.every((el) => ts.isStringLiteralLike(el) && SIGNAL_RE.test(el.text));
}

/**
 * `["SIGINT", "SIGTERM"].forEach((signal) => process.once(signal, …))`, `for (const sig of ["SIGINT", "SIGTERM"])`:
 * the name is the item of a loop over a list of signals.
 */
function namesSignals(id: ts.Identifier): boolean {
  for (let n: ts.Node = id; n.parent; n = n.parent) {
    const p = n.parent;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parameters.length >= 1 && ts.isIdentifier(p.parameters[0]!.name) && p.parameters[0]!.name.text === id.text) {
      const call = p.parent;
      return ts.isCallExpression(call) && call.arguments[0] === p && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "forEach" && signalList(call.expression.expression);
    }
    if (ts.isForOfStatement(p) && ts.isVariableDeclarationList(p.initializer) && p.initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === id.text)) return signalList(p.expression);
    if (isFunctionLike(p)) return false;
  }
  return false;
}

/** The name a function is declared under (`function f`, `const f = () => …`), if any. */
function declaredName(fn: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

/**
 * `const shutdown = async (signal) => { … process.exit(0); }; process.on("SIGTERM", () => shutdown("SIGTERM"));`:
 * a signal handler (registered directly, by name, or called only from handlers, the process's crash
 * listeners among them: `process.on("uncaughtException", (e) => { log(e); shutdown("crash"); })`) that
 * ends the process.
 */
export function shutsDownOnSignal(fn: ts.Node): boolean {
  if (!isFunctionLike(fn) || !fn.body || !/\bprocess\.exit\s*\(/.test(fn.body.getText())) return false;
  if (registersExitListener(fn.parent) && fn.parent.arguments[1] === fn) return true;
  const name = declaredName(fn);
  if (!name) return false;
  let inHandler = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || n === fn) return;
    if (ts.isIdentifier(n) && n.text === name && n.parent !== fn && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      // `process.on("SIGTERM", shutdown)`, or `shutdown("SIGTERM")` inside such a handler.
      let p: ts.Node | undefined = n.parent;
      while (p && !registersExitListener(p)) p = p.parent;
      if (p) inHandler++;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.getSourceFile());
  return inHandler > 0 && !other;
}

/**
 * `process.on("SIGTERM", () => shutdown("SIGTERM"))` … `const shutdown = async () => { const done =
 * (async () => { try { await worker.close(); await db.end(); } catch (e) { log(e); } })(); await
 * Promise.race([done, timeout]); process.exit(0); }`: a graceful-shutdown step whose failure is
 * logged while the process exits anyway: no caller to tell, nothing left to carry on. The try sits
 * in the handler or in an async IIFE it runs; the handler calls `process.exit`.
 */
export function shutdownStepLogged(clause: ts.CatchClause): boolean {
  let fn: ts.Node | undefined = clause.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  // `(async () => { … })()`: an IIFE runs as part of the function around it.
  while (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
    let call: ts.Node = fn.parent;
    while (ts.isParenthesizedExpression(call)) call = call.parent;
    // `server.close(async () => { try { await pool.end(); } catch (e) { log(e); } process.exit(0); })`:
    // a close callback of the handler that itself ends the process is a step of the handler.
    const exitingCallback = ts.isCallExpression(call) && call.arguments.includes(fn) && !!fn.body && /\bprocess\.exit\s*\(/.test(fn.body.getText());
    if (!ts.isCallExpression(call) || (withoutParens(call.expression) !== fn && !exitingCallback)) break;
    let up: ts.Node | undefined = call.parent;
    while (up && !isFunctionLike(up)) up = up.parent;
    fn = up;
  }
  return !!fn && shutsDownOnSignal(fn);
}

function withoutParens(e: ts.Expression): ts.Expression {
  let u = e;
  while (ts.isParenthesizedExpression(u)) u = u.expression;
  return u;
}

// A framework's shutdown hook: Fastify's `addHook("onClose", …)`, NestJS's `onModuleDestroy()`.
const CLOSE_HOOK_EVENT_RE = /^(?:onClose|preClose)$/;
const CLOSE_HOOK_METHOD_RE = /^(?:onModuleDestroy|beforeApplicationShutdown|onApplicationShutdown)$/;
// Calls that release something: `close()`, `disconnect()`, `quit()`, `end()`, `destroy()`.
const TEARDOWN_CALL_RE = /^(?:close|disconnect|quit|end|destroy|terminate|stop|shutdown|unsubscribe|removeAllListeners|dispose|catch|finally)$/;

/**
 * `app.addHook("onClose", async () => { try { await mcpServer.close(); } catch (error) { log(error); } })`:
 * a teardown step of a shutdown hook, whose every call releases something (`close()`,
 * `disconnect()`, a settled wait `connect.catch(() => {})`): the server is going away, and a
 * throw would only skip the steps after it. A hook that does other work (a final flush or save) stays reported.
 */
export function teardownInCloseHook(clause: ts.CatchClause): boolean {
  let fn: ts.Node | undefined = clause.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  // `await Promise.allSettled(entries.map(async ([id, entry]) => { try { await entry.client.close(); } catch (e) { log } }))`:
  // each item's step is a step of the hook (session 43, production Hexabot's MCP client pool).
  while (fn && eachItemCallback(fn)) {
    fn = fn.parent;
    while (fn && !isFunctionLike(fn)) fn = fn.parent;
  }
  if (!fn) return false;
  const inHook = ts.isMethodDeclaration(fn)
    ? ts.isIdentifier(fn.name) && CLOSE_HOOK_METHOD_RE.test(fn.name.text)
    : ts.isCallExpression(fn.parent) && fn.parent.arguments[1] === fn && ts.isPropertyAccessExpression(fn.parent.expression) && fn.parent.expression.name.text === "addHook"
      && ts.isStringLiteralLike(fn.parent.arguments[0]!) && CLOSE_HOOK_EVENT_RE.test((fn.parent.arguments[0] as ts.StringLiteralLike).text);
  return inHook && onlyReleases((clause.parent as ts.TryStatement).tryBlock, TEARDOWN_CALL_RE);
}

/** `items.map(async (x) => { … })`, `items.forEach((x) => { … })`: a callback run once per item. */
function eachItemCallback(fn: ts.Node): boolean {
  const p = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !!p && ts.isCallExpression(p) && p.arguments[0] === fn
    && ts.isPropertyAccessExpression(p.expression) && /^(?:map|forEach)$/.test(p.expression.name.text);
}

const CLEAR_TIMER_RE = /^(?:clearTimeout|clearInterval|clearImmediate)$/;

/**
 * `transport = null`, `this.isConnected = false`, `timeoutId = undefined`: a name or an own property
 * set to an empty constant (`null`, `undefined`, `false`, `0`), the state reset after a release.
 */
function resetsState(b: ts.BinaryExpression): boolean {
  if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const left = b.left;
  const own = ts.isIdentifier(left) || (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword);
  const r = b.right;
  const empty = r.kind === ts.SyntaxKind.NullKeyword || r.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(r) && r.text === "undefined") || (ts.isNumericLiteral(r) && r.text === "0");
  return own && empty;
}

/** `node.port.onmessage = null`, `ws.onclose = undefined`: an event handler taken off, part of letting the thing go. */
function detachesHandler(b: ts.BinaryExpression): boolean {
  if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(b.left) || !/^on[a-z]+$/.test(b.left.name.text)) return false;
  return b.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(b.right) && b.right.text === "undefined");
}

/**
 * Whether the block's every call is a method named by `release` (`client.close()`, `files.del(id)`),
 * with at least one such call (besides log lines, with `logs`) and no construction or assignment (outside nested functions): a step
 * that only lets go of things. With `resets`, a reset of the released thing's state (`transport = null`, see resetsState) and a
 * cleared timer (`clearTimeout(id)`, which counts as a release) belong to the step too. Shared by the shutdown hook's steps above, the `destroy…`
 * function's steps (destroy-step.ts) and an effect's clean-up steps (teardown-step.ts), each with
 * its own list of release names.
 */
export function onlyReleases(block: ts.Block, release: RegExp, through?: RegExp, logs = false, resets = false): boolean {
  let calls = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    // With `resets`, forgetting the released thing (`transport = null`, `this.isConnected = false`) is part of letting go.
    if (resets && ts.isBinaryExpression(n) && resetsState(n)) return;
    if (ts.isCallExpression(n)) {
      const name = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : undefined;
      // With `resets`, `clearTimeout(timeoutId)` stops a timer: a release.
      if (resets && ts.isIdentifier(n.expression) && CLEAR_TIMER_RE.test(n.expression.text)) {
        calls++;
        ts.forEachChild(n, visit);
        return;
      }
      // With `logs`, a log line of the step (`logger.info("Destroying the client")`) is no other work.
      if (logs && isLogCall(n)) return;
      // `if (fs.existsSync(TEMP_DIR)) fs.rmSync(TEMP_DIR, …)`: asking whether the thing is there is no other work.
      const bare = name ?? (ts.isIdentifier(n.expression) ? n.expression.text : undefined);
      if (bare === "existsSync") return;
      // `for (const f of fs.readdirSync(TEMP_DIR)) fs.unlinkSync(path.join(TEMP_DIR, f))`: listing the folder
      // being emptied and naming its entries is no other work either (held round 42's temp clean-up).
      if (bare === "readdirSync" || ((bare === "join" || bare === "resolve") && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === "path")) {
        ts.forEachChild(n, visit);
        return;
      }
      // `this.agents?.map((agent) => agent?.close())`: each item released (each-release.ts).
      if (releasesEachItem(n, release)) {
        calls++;
        visit(n.expression);
        return;
      }
      if (name !== undefined && release.test(name)) calls++;
      // `through`: accessors on the way to the released thing (`inst.getReplayer?.()?.destroy?.()`), no arguments.
      else if (!(through && name !== undefined && through.test(name) && n.arguments.length === 0)) other = true;
    } else if (ts.isNewExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && !detachesHandler(n))) other = true;
    ts.forEachChild(n, visit);
  };
  visit(block);
  return calls > 0 && !other;
}

/**
 * `async function verify(id) { try { const data = await read(id); log(\`${n} linked\`); return n; }
 * catch (e) { log(e); return 0; } }` declared in a function body whose every call of it is a
 * statement of its own (`await verify(id);`): the try only reads and logs what it read, and no
 * caller reads the answer, so a failure loses nothing but that log line.
 */
export function readOnlyForItsLog(tryStmt: ts.TryStatement, fn: ts.Node | undefined): boolean {
  if (!fn) return false;
  const stmts = tryStmt.tryBlock.statements;
  const last = stmts[stmts.length - 1];
  const reads = stmts.slice(0, -1);
  if (!last || !ts.isReturnStatement(last) || reads.length < 2) return false;
  if (!reads.every((s) => ts.isVariableStatement(s) || (ts.isExpressionStatement(s) && isLogCall(s.expression)))) return false;
  if (!reads.some((s) => ts.isExpressionStatement(s))) return false;
  const name = declaredName(fn);
  const decl = ts.isFunctionDeclaration(fn) ? fn : fn.parent?.parent?.parent;
  const block = decl?.parent;
  if (!name || !block || !ts.isBlock(block) || !isFunctionLike(block.parent)) return false;
  return everyCallDropsTheAnswer(block.statements, name, fn);
}

/**
 * Every use of `name` in `stmts`, outside `fn` (its own declaration) and other than a declaration of
 * the name, is a call made as a statement of its own (`await verify(id);`, `applyMigration();`), so
 * no caller reads the answer; and there is at least one.
 */
export function everyCallDropsTheAnswer(stmts: readonly ts.Node[], name: string, fn: ts.Node): boolean {
  let discarded = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || n === fn) return;
    if (ts.isIdentifier(n) && n.text === name && !ts.isVariableDeclaration(n.parent)) {
      const call = n.parent;
      const holder = ts.isCallExpression(call) && call.expression === n ? (ts.isAwaitExpression(call.parent) ? call.parent : call) : undefined;
      if (holder && ts.isExpressionStatement(holder.parent)) discarded++;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  stmts.forEach(visit);
  return discarded > 0 && !other;
}
