/**
 * Callbacks with no caller to tell beyond the timers, crons and listeners of cases.ts (issue 11,
 * production growthbook): a scheduler's repeating job, a debounced or throttled callback, a
 * base class's `on…` hook overridden to return `void`, and a fire-and-forget chain that ends in
 * `.finally(…)`.
 *
 *   agenda.define(JOB, async () => { for (const item of due) { try { … } catch (e) { log(e); } } });
 *   job.repeatEvery("5 minutes");                  // a repeating job: the next run retries
 *   debounce(async () => { try { await check(); } catch (e) { console.error(e); } }, 3000);
 *   void bump().then(apply).catch((e) => log(e)).finally(() => { inFlight = false; });
 *
 * Each answer is a test of one call and its callback; an Agenda `define` (rare) walks its file once
 * for the names of the jobs it repeats.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

/** The classes of cron libraries whose callback runs on every tick: croner's `new Cron(…)`, cron's `new CronJob(…)`. */
export const CRON_CLASSES: ReadonlySet<string> = new Set(["Cron", "CronJob"]);
/** Calls that run their callback again and again: `setInterval`, node-cron's `schedule`, node-schedule's `scheduleJob`. */
export const REPEATING_TIMERS: ReadonlySet<string> = new Set(["setInterval", "schedule", "scheduleJob"]);

const repeatedCache = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/**
 * The job names the file schedules to repeat: `const job = agenda.create(NAME, {}); job.repeatEvery("5 minutes")`
 * (the `job` declared in a block around the call) and `agenda.every("5 minutes", NAME)`. One walk per file, lazily.
 */
function repeatedJobNames(sf: ts.SourceFile): ReadonlySet<string> {
  const cached = repeatedCache.get(sf);
  if (cached) return cached;
  const out = new Set<string>();
  if (/\.(?:repeatEvery|every)\s*\(/.test(sf.text)) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const method = n.expression.name.text;
        const recv = n.expression.expression;
        if (method === "every" && n.arguments.length >= 2 && ts.isStringLiteralLike(n.arguments[0]!)) out.add(n.arguments[1]!.getText(sf));
        else if (method === "repeatEvery" && ts.isIdentifier(recv)) {
          const created = createdJobName(recv);
          if (created !== undefined) out.add(created);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  repeatedCache.set(sf, out);
  return out;
}

/** `job` in `job.repeatEvery(…)` declared as `const job = agenda.create(NAME, …)` in a block around it: `NAME`. */
function createdJobName(id: ts.Identifier): string | undefined {
  for (let b: ts.Node | undefined = id.parent; b; b = b.parent) {
    if (!ts.isBlock(b) && !ts.isSourceFile(b)) continue;
    for (const st of b.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== id.text || !d.initializer) continue;
        let e: ts.Expression = d.initializer;
        while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
        if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "create" || e.arguments.length === 0) return undefined;
        return e.arguments[0]!.getText();
      }
    }
  }
  return undefined;
}

/**
 * `agenda.define(NAME, fn)` (`fn` the last argument, after any options; inline or by name) where the
 * file schedules `NAME` to repeat (`const job = agenda.create(NAME, {}); job.repeatEvery("1 minute")`,
 * `agenda.every("5 minutes", NAME)`): the scheduler calls `fn` on every tick with nobody to
 * answer, like a cron, and the next tick runs it again. A job queued once (`job.schedule(new
 * Date())`) is not one: Agenda records its failure.
 */
export function definesRepeatingJob(call: ts.CallExpression, fn: ts.Node | undefined): boolean {
  if (fn === undefined || call.arguments.length < 2 || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "define") return false;
  if (call.arguments[call.arguments.length - 1] !== fn) return false;
  return repeatedJobNames(call.getSourceFile()).has(call.arguments[0]!.getText());
}

const DEBOUNCE_RE = /^(?:debounce|throttle)$/;

/**
 * The try ends a callback handed to lodash's `debounce`/`throttle` (or a look-alike of the same
 * name): a timer runs it later, with nobody to answer. The caller also checks that the callback
 * returns no value and that the try stores or sends nothing (a debounced save stays reported).
 */
export function endsDebouncedCallback(tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements[body.statements.length - 1] !== tryStmt) return false;
  const fn = body.parent;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const call = fn.parent;
  return ts.isCallExpression(call) && call.arguments[0] === fn && DEBOUNCE_RE.test(calleeName(call) ?? "");
}

/**
 * `void p.catch(log)` and `void p.catch(log).finally(() => { busy = false; })`: the chain is marked
 * fire-and-forget by `void`; a `.finally` after the catch only cleans up and passes the catch's
 * (handled) result on, so the log is still where the error ends.
 */
export function voidMarked(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isPropertyAccessExpression(n.parent) && n.parent.name.text === "finally" && ts.isCallExpression(n.parent.parent) && n.parent.parent.expression === n.parent) n = n.parent.parent;
  return ts.isVoidExpression(n.parent);
}

/**
 * `protected override onHeartbeat(): void { lock.touch(id).catch((e) => log.warn(e, "…")); }`: an
 * override of a base class's `on…` hook declared to return `void`. The base class calls it (from a
 * timer, an event) and can take no answer from it, so a failure logged there reaches no caller,
 * as in a timer callback; likewise an `on…` method of a class that implements a library's hook
 * interface (below). A hook that returns a promise (`async`, `: Promise<void>`) has a caller who may
 * await it.
 */
export function isOverriddenVoidHook(fn: ts.Node): boolean {
  if (!ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name) || !/^on[A-Z]/.test(fn.name.text)) return false;
  if (!fn.type || fn.type.kind !== ts.SyntaxKind.VoidKeyword) return false;
  const mods = ts.getModifiers(fn) ?? [];
  if (mods.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  return mods.some((m) => m.kind === ts.SyntaxKind.OverrideKeyword) || implementsHookInterface(fn.parent);
}

/**
 * `export class RoutingSpanProcessor implements SpanProcessor { onStart(span, ctx): void { … } }`: a
 * plain class (no decorator: not a framework component) that implements an interface, whose `on…`
 * methods declared `void` are the hooks that interface's library calls (an OpenTelemetry
 * SpanProcessor's `onStart`/`onEnd`), with no answer to take.
 */
function implementsHookInterface(cls: ts.Node): boolean {
  if (!ts.isClassDeclaration(cls) && !ts.isClassExpression(cls)) return false;
  if ((ts.getDecorators(cls) ?? []).length > 0) return false;
  return (cls.heritageClauses ?? []).some((h) => h.token === ts.SyntaxKind.ImplementsKeyword && h.types.length > 0);
}

// A wait on a timer: `await setTimeout(ms)` (node:timers/promises), `await sleep(ms)`, `await delay(ms)`,
// `await new Promise((r) => setTimeout(r, ms))`.
const WAIT_FN_RE = /^(?:setTimeout|sleep|delay|wait|waitFor)$/;

function waitsOnATimer(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isAwaitExpression(st.expression)) return false;
  const e = st.expression.expression;
  if (ts.isCallExpression(e)) return WAIT_FN_RE.test(ts.isIdentifier(e.expression) ? e.expression.text : ts.isPropertyAccessExpression(e.expression) ? e.expression.name.text : "");
  return ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Promise" && /\bsetTimeout\s*\(/.test(e.getText());
}

/**
 * `while (polling) { await setTimeout(interval); try { … reload … } catch (err) { log(err); } }`: one
 * round of a polling loop, a `while` on a flag (or `true`) whose body waits on a timer each round and
 * ends with the try (or has only the wait after it, or the catch waits): the next round tries again, as the next tick of
 * a `setInterval` does. A try that returns, a loop bounded by a count (a retry), or a round without
 * a wait stays reported.
 */
export function roundOfAPollingLoop(tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || !ts.isWhileStatement(body.parent)) return false;
  const cond = body.parent.expression;
  if (!(cond.kind === ts.SyntaxKind.TrueKeyword || ts.isIdentifier(cond) || (ts.isPropertyAccessExpression(cond) && cond.expression.kind === ts.SyntaxKind.ThisKeyword))) return false;
  const stmts = body.statements;
  const at = stmts.indexOf(tryStmt);
  // The wait after the try, or in the catch itself (`catch (e) { log(e); await sleep(ms); }`, production
  // karakeep importWorker.ts:152, whose try waits only when a round found nothing to do): a failed round
  // waits before the next one either way.
  const catchWaits = !!tryStmt.catchClause && tryStmt.catchClause.block.statements.some(waitsOnATimer);
  if (!stmts.slice(at + 1).every(waitsOnATimer) || !(stmts.some(waitsOnATimer) || catchWaits)) return false;
  const returns = (n: ts.Node): boolean => ts.isReturnStatement(n) || (!ts.isFunctionLike(n) && (ts.forEachChild(n, returns) ?? false));
  return !returns(tryStmt.tryBlock);
}

// A call that only tells that someone is still there: `registry.heartbeat(id)`, `session.keepAlive()`, `lock.touch(id)`.
const HEARTBEAT_RE = /^(?:heartbeat|sendHeartbeat|keepAlive|keepalive|touch|ping)$/;

/**
 * `setInterval(() => { res.write(":heartbeat\n\n"); registry.heartbeat(flowId, id).catch(() => {}); }, MS)`:
 * a heartbeat fired as a statement of its own in a `setInterval` callback (also inside a `try` or an `if`
 * there, not in a function nested in it). The next tick sends it again, and a missed one only lets the
 * entry expire (production Flowise's webhook listener registry).
 */
export function heartbeatPerTick(call: ts.CallExpression): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv || !ts.isCallExpression(recv)) return false;
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isVoidExpression(n.parent)) n = n.parent;
  if (!HEARTBEAT_RE.test(calleeName(recv) ?? "")) return namedPingOnInterval(n);
  if (!ts.isExpressionStatement(n.parent)) return false;
  for (let p: ts.Node | undefined = n.parent.parent; p; p = p.parent) {
    if (!ts.isFunctionLike(p)) continue;
    const timer = p.parent;
    return (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && ts.isCallExpression(timer) && timer.arguments[0] === p && calleeName(timer) === "setInterval";
  }
  return false;
}

/**
 * `const ping = () => $.ajax(url, { method: "PUT" }).catch(() => {}); setInterval(ping, ms);`: the
 * arrow is the heartbeat, named for it (`ping`, `heartbeat`, `keepAlive`, `touch`), its body the
 * chain, and a statement of the same block runs it by that name on a `setInterval` (also held:
 * `const timer = setInterval(ping, ms)`, `this.timer = setInterval(ping, ms)`). As with a heartbeat
 * call in the timer's own callback, the next tick sends it again (production etherpad-lite's
 * session-lifetime ping). Any other name, or a name not run by a `setInterval`, stays reported.
 */
function namedPingOnInterval(chain: ts.Node): boolean {
  const fn = chain.parent;
  if (!ts.isArrowFunction(fn) || fn.body !== chain) return false;
  const decl = fn.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== fn || !ts.isIdentifier(decl.name) || !HEARTBEAT_RE.test(decl.name.text)) return false;
  const stmt = decl.parent.parent;
  const block = stmt.parent;
  if (!ts.isVariableStatement(stmt) || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
  const name = decl.name.text;
  return block.statements.some((st) => {
    let e: ts.Expression | undefined = ts.isExpressionStatement(st) ? st.expression
      : ts.isVariableStatement(st) && st.declarationList.declarations.length === 1 ? st.declarationList.declarations[0]!.initializer : undefined;
    if (e && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) e = e.right;
    const arg = e && ts.isCallExpression(e) && calleeName(e) === "setInterval" ? e.arguments[0] : undefined;
    return !!arg && ts.isIdentifier(arg) && arg.text === name;
  });
}

/** `(err) => console.error("…", err)`, `(e) => { logger.warn(e); }`: a handler whose only statements are log calls. */
function onlyLogs(h: ts.Expression | undefined, isLog: (e: ts.Expression) => boolean): boolean {
  if (!h || (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h))) return false;
  if (!ts.isBlock(h.body)) return isLog(h.body);
  return h.body.statements.length > 0 && h.body.statements.every((st) => ts.isExpressionStatement(st) && isLog(st.expression));
}

/** `work().catch(log)` as a statement: the callee's name of the `.catch`'s receiver call. */
function caughtCallee(call: ts.CallExpression): string | undefined {
  const recv = ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "catch" ? call.expression.expression : undefined;
  return recv && ts.isCallExpression(recv) ? calleeName(recv) : undefined;
}

const REPEAT_RE = /^(?:cron\.)?schedule$|^setInterval$|^(?:\w+\.)?(?:every|repeatEvery)$/;

/**
 * `setTimeout(() => { console.log("initial run…"); runFetchCycle().catch((err) => log(err)); }, 3000)`
 * beside `cron.schedule(expr, () => { runFetchCycle().catch((err) => log(err)); })` in the same
 * function: the first tick at start-up handled as every tick after it (held round 35, clean
 * debatable; held rounds 23 and 24's finding was a first tick whose interval ticks notify). The
 * timer's callback holds only log lines besides it, and the repeating callback a log-only `.catch`
 * on a call of the same name.
 */
export function firstTickLikeItsInterval(call: ts.CallExpression, isLog: (e: ts.Expression) => boolean): boolean {
  const name = caughtCallee(call);
  const stmt = call.parent;
  if (!name || !ts.isExpressionStatement(stmt) || !ts.isBlock(stmt.parent)) return false;
  const cb = stmt.parent.parent;
  const timer = cb.parent;
  if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !ts.isCallExpression(timer) || timer.arguments[0] !== cb || !/^set(?:Timeout|Immediate)$/.test(calleeName(timer) ?? "")) return false;
  if (!stmt.parent.statements.every((st) => st === stmt || (ts.isExpressionStatement(st) && isLog(st.expression)))) return false;
  let scope: ts.Node = timer;
  while (scope.parent && !ts.isBlock(scope.parent)) scope = scope.parent;
  const body = scope.parent;
  if (!body || !ts.isBlock(body)) return false;
  let alike = false;
  const visit = (n: ts.Node): void => {
    if (alike) return;
    if (ts.isCallExpression(n) && n !== timer && REPEAT_RE.test(calleeName(n) ?? "")) {
      const repeated = n.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      const findAlike = (m: ts.Node): void => {
        if (ts.isCallExpression(m) && caughtCallee(m) === name && onlyLogs(m.arguments[0], isLog)) alike = true;
        else ts.forEachChild(m, findAlike);
      };
      if (repeated) findAlike(repeated);
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return alike && onlyLogs(call.arguments[0], isLog);
}
