import { calleeName, isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { enclosingFunction, functionName, isNoLimit, propName, propValue, unwrap } from "./ast";
import { drainsOwnCollection } from "./drain-loop";
import { countsDown, walksAlternatives } from "./loop-variable";
import { syncOnlyTry } from "./parse-reask";
import { askedFirst, asksEachTurn } from "./prompt";
import { TreeMemo } from "../../engine/tree-memo";
import { pointsAtFallback } from "./switch-endpoint";
import { flagCapped } from "./flag-cap";
import { racesStartedWork } from "./race-started";

/**
 * The `retry` case: loops and recursions that re-issue an outbound operation with no delay
 * between attempts or with no cap, and retry-library settings that say the same.
 */

export type RetryWhy = "noDelay" | "noCap" | "noDelayNoCap" | "failureLoop";

export interface RetryFinding {
  node: ts.Node;
  range?: { start: number; end: number };
  why: RetryWhy;
  /** The try statement whose catch is the failure path (loops), or the catch/handler block (recursion). */
  tryStmt?: ts.TryStatement;
  loop?: ts.IterationStatement;
  /** The attempt counter of a `for` loop (`i`), when there is one. */
  counter?: string;
  /** The statement holding the recursive call (the delay goes before it). */
  recursiveStmt?: ts.Statement;
}

const DELAY_NAME_RE = /sleep|delay|backoff|^wait(?!For(?:Selector|Element|Navigation))|^pause|settimeout|snooze|throttle|retryAfter/i;
// MongoDB's transaction labels too: its docs retry a TransientTransactionError or an
// UnknownTransactionCommitResult at once (the driver's withTransaction does the same).
const CONFLICT_RE = /P2002|P2034|23505|40001|40P01|unique|conflict|duplicate|ER_DUP|optimistic|version|serializ|deadlock|WriteConflict|E11000|ConditionalCheckFailed|TransactionCanceled|TransientTransactionError|UnknownTransactionCommitResult/i;
const RECONNECT_RE = /connect|subscribe|listen|login|attach/i;
const ATTEMPT_RE = /attempt|retr|tries|try|count|tried|times/i;
// An equality test of the status against an error status (4xx, 5xx).
const ERROR_STATUS_TEST_RE = /\.status(?:Code)?\s*===?\s*[45]\d\d\b/;
const SUCCESS_TEST_RE = /\.ok\b|\.status(?:Code)?\s*(?:===?|<|>)|\bsuccess\b|\bok\b|\.done\b|\bready\b|\bcompleted?\b|\bsucceeded\b/;
// A 3xx answer's Location header: a loop that reads it follows redirects.
const LOCATION_READ_RE = /\.headers\.get\(\s*["']location["']\s*\)/i;
const IDEMPOTENCY_RE = /idempoten/i;
const REFRESH_FLAG_RE = /refresh|renew|reauth/i;
// A call that gets a new credential: `refreshAuthentication()`, `refreshToken()`, `renewSession()`, `reauthenticate()`.
const REFRESH_CALL_RE = /^(?:refresh|renew|reauth)(?:[A-Z_]|enticate|orize|$)/;
// A local port taken (`EADDRINUSE`): a server that listens on the next port repeats nothing outbound.
const LOCAL_BIND_RE = /\bEADDRINUSE\b/;
const PAGINATION_RE = /cursor|offset|page|\bnext\b|hasMore|\bskip\b|nextToken|continuationToken|startAfter|\blast\w*Id\b/i;

/** Visits descendants of `root` that run in the same function and loop iteration (not nested functions or loops). */
function forEachShallow(root: ts.Node, visit: (n: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    if (isFunctionLikeDeclaration(n) || ts.isIterationStatement(n, false) || ts.isClassLike(n)) return;
    n.forEachChild(walk);
  };
  root.forEachChild(walk);
}

/** True when `root` holds a delay: `await sleep(ms)`, `setTimeout(…)`, `await new Promise(r => setTimeout(r, ms))`. */
export function hasDelay(root: ts.Node): boolean {
  return containsCall(root, isDelayCall, true);
}

/** True when `root` (itself included) holds a call `test` accepts; nested functions are entered only with `intoFunctions`. */
function containsCall(root: ts.Node, test: (c: ts.CallExpression) => boolean, intoFunctions = false): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || (!intoFunctions && isFunctionLikeDeclaration(n))) return;
    if (ts.isCallExpression(n) && test(n)) found = true;
    else n.forEachChild(walk);
  };
  walk(root);
  return found;
}

// `timer(5000)`, `await utils.timeout(ms)`: a wait named for its clock, given a duration only (`timeout(fetch(u), ms)` wraps a call instead).
const CLOCK_NAME_RE = /^(?:timer|timeout)$/i;

function isDelayCall(n: ts.Node): boolean {
  if (!ts.isCallExpression(n)) return false;
  const name = calleeName(n);
  if (!name) return false;
  if (DELAY_NAME_RE.test(name)) return true;
  // Awaited (also through `await lastValueFrom(timer(ms))`): `AbortSignal.timeout(3000)` or `{ signal: timeout(ms) }` builds a signal and waits for nothing.
  if (CLOCK_NAME_RE.test(name)) return (ts.isAwaitExpression(n.parent) || (ts.isCallExpression(n.parent) && ts.isAwaitExpression(n.parent.parent))) && n.arguments.length === 1 && !ts.isCallExpression(n.arguments[0]!) && !ts.isAwaitExpression(n.arguments[0]!) && !isFunctionLikeDeclaration(n.arguments[0]!);
  return ts.isIdentifier(n.expression) && delayHelpers(n.getSourceFile()).has(name);
}

const delayHelperCache = new TreeMemo<ts.SourceFile, Set<string>>();

/**
 * Names the file binds to a wait: `import { setTimeout as pauseFor } from "node:timers/promises"`,
 * `const hold = promisify(setTimeout)`, `function hold(ms) { return new Promise((r) => setTimeout(r, ms)); }`.
 */
function delayHelpers(sf: ts.SourceFile): Set<string> {
  let names = delayHelperCache.get(sf);
  if (names) return names;
  names = new Set<string>();
  const setsTimer = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === "setTimeout") || (ts.isPropertyAccessExpression(n) && n.name.text === "setTimeout") || (ts.forEachChild(n, setsTimer) ?? false);
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && /^(?:node:)?timers\/promises$/.test(st.moduleSpecifier.text)) {
      const b = st.importClause?.namedBindings;
      if (b && ts.isNamedImports(b)) for (const el of b.elements) if ((el.propertyName ?? el.name).text === "setTimeout") names.add(el.name.text);
    } else if (ts.isFunctionDeclaration(st) && st.name && st.body && st.body.statements.length <= 3 && setsTimer(st.body)) {
      names.add(st.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        // Short helpers only: a function that merely schedules other work is no wait.
        if (ts.isIdentifier(d.name) && init && init.getText().length <= 200 && (ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isCallExpression(init)) && setsTimer(init)) names.add(d.name.text);
      }
    }
  }
  delayHelperCache.set(sf, names);
  return names;
}

/** An awaited call that is not a delay: the operation a retry re-issues. */
function hasOutboundAwait(root: ts.Node): boolean {
  let found = false;
  forEachShallow(root, (n) => {
    if (!found && ts.isAwaitExpression(n)) {
      const e = unwrap(n.expression);
      if (ts.isCallExpression(e) && !isDelayCall(e) && !readsStreamPart(e) && !racesStartedWork(e)) found = true;
    }
  });
  return found;
}

/**
 * `await reader.read()` where `const reader = res.body.getReader()`: the next part of one answer's
 * body, read through a stream reader (the docs' "a body read through `getReader()`" is a stream):
 * a loop over such reads asks for nothing again, whatever its exit tests (`if (chunk.done) break`).
 */
function readsStreamPart(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "read" || !ts.isIdentifier(callee.expression)) return false;
  const name = callee.expression.text;
  const fn = enclosingFunction(call);
  const scope: ts.Node = fn?.body ?? call.getSourceFile();
  let reader = false;
  const visit = (n: ts.Node): void => {
    if (reader) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) {
      const init = unwrap(n.initializer);
      reader = ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === "getReader";
      return;
    }
    if (n !== scope && isFunctionLikeDeclaration(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return reader;
}

/**
 * The try block leaves the loop once the operation succeeds: a `return` or `break` among its own
 * statements, or under a success test (`if (res.ok) return res`). An exit under another test
 * (`if (batch.length === 0) break`) ends an iteration over pages, not a retry.
 */
function exitsOnSuccess(block: ts.Block, onlyTested = false): boolean {
  const isExit = (s: ts.Statement) => ts.isReturnStatement(s) || (ts.isBreakStatement(s) && !s.label);
  for (const s of block.statements) {
    if (isExit(s) && !onlyTested) return true;
    if (ts.isIfStatement(s) && isSuccessTest(s.expression)) {
      const then = s.thenStatement;
      if (isExit(then) || (ts.isBlock(then) && then.statements.some(isExit))) return true;
    }
  }
  return false;
}

/** `res.ok`, `res.status === 200`, `result.success`: a positive test of the operation's outcome. */
function isSuccessTest(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) return false;
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return isSuccessTest(u.left) || isSuccessTest(u.right);
  const text = u.getText();
  if (/!==?|\bfalse\b|\.length\b/.test(text)) return false;
  // `res.status === 429`, `=== 404`: an error status; a loop that stops there does not retry a failure
  // (a test driving the rate limiter until it answers 429; production rallly).
  if (ERROR_STATUS_TEST_RE.test(text)) return false;
  return SUCCESS_TEST_RE.test(text);
}

/**
 * A catch that leaves at its end but goes round first for the failures it tests (`if (err instanceof HttpError)
 * { await pause(backoff); continue; } throw err;`): the failures it lets through are retried, the others
 * rethrown (held round 31: ai-bot-tg's vendored auto-retry). A `continue` of this loop among its statements,
 * not one of a loop or a function inside it.
 */
function leavesWithoutGoingRound(block: ts.Block): boolean {
  return alwaysLeaves(block) && !goesRound(block);
}

function goesRound(root: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isIterationStatement(n, false)) return;
    if (ts.isContinueStatement(n) && !n.label) found = true;
    else n.forEachChild(visit);
  };
  root.forEachChild(visit);
  return found;
}

/** True when the block always leaves (its last statement throws, returns or breaks). */
function alwaysLeaves(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return !!last && (ts.isThrowStatement(last) || ts.isReturnStatement(last) || ts.isBreakStatement(last) || (ts.isExpressionStatement(last) && /^process\.exit\(/.test(last.expression.getText())));
}

/**
 * The block turns off the flag its loop runs on, among its own statements: `sigsFailed = true` in
 * the catch of `while (!sigsFailed)`, `running = false` in that of `while (running)`. The failure
 * ends the loop like a `break` (retired held round 30: roland-discord-bot's scratch_query.js,
 * paging signatures until a failure, "just proceed with what we have").
 */
function endsOwnCondition(loop: ts.IterationStatement, block: ts.Block): boolean {
  if (!ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return false;
  const cond = unwrap(loop.expression);
  const negated = ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken;
  const flag = negated ? unwrap((cond as ts.PrefixUnaryExpression).operand) : cond;
  if (!ts.isIdentifier(flag) && !(ts.isPropertyAccessExpression(flag) && flag.expression.kind === ts.SyntaxKind.ThisKeyword)) return false;
  const off = negated ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword;
  return block.statements.some((st) => {
    if (!ts.isExpressionStatement(st)) return false;
    const e = unwrap(st.expression);
    return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && e.left.getText() === flag.getText() && unwrap(e.right).kind === off;
  });
}

function hasRelational(e: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n)) {
      const k = n.operatorToken.kind;
      if (k === ts.SyntaxKind.LessThanToken || k === ts.SyntaxKind.LessThanEqualsToken || k === ts.SyntaxKind.GreaterThanToken || k === ts.SyntaxKind.GreaterThanEqualsToken) found = true;
      if ((k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken) && ATTEMPT_RE.test(n.getText())) found = true;
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && n.operator === ts.SyntaxKind.MinusMinusToken) found = true;
    if (!found) n.forEachChild(walk);
  };
  walk(e);
  return found;
}

/** The loop has an attempt limit: a counting condition, or a guarded exit on a count. */
// A cap kept by a retry strategy object or a budget: `maxAttempts`, `retriesLeft`, a retry token.
const CAP_NAME_RE = /\bmax(?:Attempts|Retries|Tries|RetryCount)\b|\b(?:retries|attempts|tries)(?:Left|Remaining)\b|\bremaining(?:Attempts|Retries)\b|\bretryToken\b/;

function isCapped(loop: ts.IterationStatement): boolean {
  if (CAP_NAME_RE.test(loop.statement.getText()) || countsDown(loop)) return true;
  if (ts.isForStatement(loop)) {
    if (loop.condition && loop.condition.kind !== ts.SyntaxKind.TrueKeyword && hasRelational(loop.condition)) return true;
  } else if ((ts.isWhileStatement(loop) || ts.isDoStatement(loop)) && hasRelational(loop.expression)) return true;
  // Locals the loop computes from the clock (`const pollDelay = delayFor(Date.now() - startedAt)`): an exit
  // that tests one is a deadline, however it compares (`if (pollDelay === 0) break;`).
  const timed = new Set<string>();
  if (CLOCK_READ_RE.test(loop.statement.getText())) {
    forEachShallow(loop.statement, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && CLOCK_READ_RE.test(n.initializer.getText())) timed.add(n.name.text);
    });
  }
  const readsClock = (e: ts.Expression) => timed.size > 0 && [...timed].some((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(e.getText()));
  let capped = false;
  forEachShallow(loop.statement, (n) => {
    // `meta.abort.throwIfAborted()` each turn, or `if (signal.aborted) break;`: the loop ends when the caller's signal
    // aborts, a deadline of the caller's (production firecrawl's RunPod status poll, session 45).
    if (!capped && ts.isExpressionStatement(n) && ts.isCallExpression(n.expression) && ts.isPropertyAccessExpression(n.expression.expression) && n.expression.expression.name.text === "throwIfAborted") capped = true;
    if (!capped && ts.isIfStatement(n) && ts.isPropertyAccessExpression(unwrap(n.expression)) && (unwrap(n.expression) as ts.PropertyAccessExpression).name.text === "aborted" && leavesLoop(n.thenStatement)) capped = true;
    if (!capped && ts.isIfStatement(n) && (hasRelational(n.expression) || readsClock(n.expression))) {
      const then = n.thenStatement;
      if (ts.isThrowStatement(then) || ts.isReturnStatement(then) || ts.isBreakStatement(then) || (ts.isBlock(then) && alwaysLeaves(then))) capped = true;
      // `if (attempt < max) { await sleep(d); continue; } throw err;`: the count lets it go round, the block then leaves.
      else if (!n.elseStatement && goesRound(n) && ts.isBlock(n.parent) && alwaysLeaves(n.parent)) capped = true;
    }
  });
  return capped;
}

const CLOCK_READ_RE = /\b(?:Date\.now|performance\.now)\(\)/;

/** `throw …`, `return …`, `break`, or a block that always leaves. */
function leavesLoop(st: ts.Statement): boolean {
  return ts.isThrowStatement(st) || ts.isReturnStatement(st) || ts.isBreakStatement(st) || (ts.isBlock(st) && alwaysLeaves(st));
}

function isForever(loop: ts.IterationStatement): boolean {
  if (ts.isForStatement(loop)) return !loop.condition || loop.condition.kind === ts.SyntaxKind.TrueKeyword;
  if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) {
    const e = unwrap(loop.expression);
    if (e.kind === ts.SyntaxKind.TrueKeyword || (ts.isNumericLiteral(e) && e.text === "1")) return true;
    // while (!stopped) / while (this.running): a flag someone else clears, not a count.
    const flag = ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken ? unwrap(e.operand) : e;
    return ts.isIdentifier(flag) || (ts.isPropertyAccessExpression(flag) && flag.expression.kind === ts.SyntaxKind.ThisKeyword);
  }
  return false;
}

/**
 * The block takes the loop counter back a step and goes round: `page--; continue;` (also `--page`,
 * `page -= 1`), in a block of its own that does not leave after it.
 */
function stepsBack(block: ts.Block, counter: string): boolean {
  let found = false;
  forEachShallow(block, (n) => {
    if (found || !ts.isExpressionStatement(n) || !ts.isBlock(n.parent) || alwaysLeaves(n.parent)) return;
    const e = unwrap(n.expression);
    const operand = (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && e.operator === ts.SyntaxKind.MinusMinusToken ? e.operand : ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken ? e.left : undefined;
    if (operand && ts.isIdentifier(unwrap(operand)) && (unwrap(operand) as ts.Identifier).text === counter) found = true;
  });
  return found;
}

/** The block leaves under a count of its own: `if (++rateLimitHits > 5) throw err;`. */
function leavesOnCount(block: ts.Block): boolean {
  let found = false;
  forEachShallow(block, (n) => {
    if (found || !ts.isIfStatement(n) || !hasRelational(n.expression)) return;
    const then = n.thenStatement;
    found = ts.isThrowStatement(then) || ts.isReturnStatement(then) || ts.isBreakStatement(then) || (ts.isBlock(then) && alwaysLeaves(then));
  });
  return found;
}

function counterOf(loop: ts.IterationStatement): string | undefined {
  if (!ts.isForStatement(loop) || !loop.initializer || !ts.isVariableDeclarationList(loop.initializer)) return undefined;
  const d = loop.initializer.declarations[0];
  return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
}

function awaitedCalleeNames(root: ts.Node): string[] {
  const names: string[] = [];
  forEachShallow(root, (n) => {
    if (ts.isAwaitExpression(n)) {
      const e = unwrap(n.expression);
      if (ts.isCallExpression(e)) names.push(e.expression.getText());
    }
  });
  return names;
}

/** Judges a loop: a retry loop (try/catch that exits on success, or a status check) or a poll loop whose failure path spins. */
export function judgeLoop(loop: ts.IterationStatement): RetryFinding | undefined {
  if (ts.isForInStatement(loop) || ts.isForOfStatement(loop)) return undefined;
  // Each turn waits for a person at a prompt: a person decides every attempt (prompt.ts).
  if (asksEachTurn(loop)) return undefined;
  const body = loop.statement;
  const tries: ts.TryStatement[] = [];
  forEachShallow(body, (n) => {
    if (ts.isTryStatement(n) && n.catchClause) tries.push(n);
  });
  const capped = isCapped(loop);
  const delayed = hasDelay(body);
  const counter = counterOf(loop);
  // for (let i…) { try { await get(FIELDS[i]) } … }: each attempt asks something else, a fallback chain.
  const fallback = counter !== undefined && new RegExp(`\\[\\s*${counter}\\s*\\]`).test(body.getText());
  // for (let page = 2; page <= MAX_PAGES; page++) { try { await fetchPage(page); } catch { await sleep(5000); page--; continue; } }:
  // the catch steps the counter back, so the loop's own bound never counts those re-asks; only a cap of their
  // own stops them (held round 43: tcad-scraper's `tcad-api-client.ts:132`, debatable).
  if (counter !== undefined && !CAP_NAME_RE.test(body.getText())) {
    for (const t of tries) {
      const c = t.catchClause!.block;
      if (!hasOutboundAwait(t.tryBlock) || !stepsBack(c, counter) || leavesOnCount(c)) continue;
      return { node: loop, why: failureDelayed(body, t) ? "noCap" : "noDelayNoCap", tryStmt: t, loop, counter };
    }
  }
  for (const t of tries) {
    if (fallback || !hasOutboundAwait(t.tryBlock) || leavesWithoutGoingRound(t.catchClause!.block) || endsOwnCondition(loop, t.catchClause!.block) || switchesAlternative(t.catchClause!.block) || dropsFailedEndpoint(body, t) || walksAlternatives(loop, t)) continue;
    if (!exitsOnSuccess(t.tryBlock)) {
      // `if (res.status !== 429) return res;` then a wait for the rate limit: the answer is returned, and
      // only a 429 waits; a network error thrown by the call goes round again at once (held round 15 class).
      if (capped && delayed && returnsAnswer(t.tryBlock, body) && !failureDelayed(body, t)) return { node: loop, why: "noDelay", tryStmt: t, loop, counter };
      continue;
    }
    // A retry after a logical conflict needs no delay: capped, it is fine; uncapped, only the cap is missing.
    const conflict = !delayed && CONFLICT_RE.test(t.catchClause!.block.getText());
    if (conflict && capped) return undefined;
    if (conflict) return { node: loop, why: "noCap", tryStmt: t, loop, counter };
    // Reconnects need a delay, but no cap.
    if (delayed && !capped && awaitedCalleeNames(t.tryBlock).some((n) => RECONNECT_RE.test(n))) return undefined;
    // The only wait sits on the success path of the try (after the call, for a status it dislikes): a thrown failure does not wait.
    if (delayed && capped && !failureDelayed(body, t)) return { node: loop, why: "noDelay", tryStmt: t, loop, counter };
    const why: RetryWhy | undefined = !delayed && !capped ? "noDelayNoCap" : !delayed ? "noDelay" : !capped ? "noCap" : undefined;
    return why ? { node: loop, why, tryStmt: t, loop, counter } : undefined;
  }
  // for (hop = 0; hop <= MAX_REDIRECTS; hop++) { const res = await fetch(target, { redirect: "manual" }); …
  // target = res.headers.get("location") }: each pass asks where the last answer pointed, not again.
  const followsRedirects = capped && LOCATION_READ_RE.test(body.getText());
  if (tries.length === 0 && !delayed && !followsRedirects && hasOutboundAwait(body) && statusRetry(body) && !drainsOwnCollection(loop)) return { node: loop, why: capped ? "noDelay" : "noDelayNoCap", loop, counter };
  // while (true) { const r = await get(job); if (r.status === "completed") break; await sleep(3000); }: a status
  // poll with a delay but no cap and no deadline waits forever on a job that stays queued (held round 14 class).
  if (tries.length === 0 && delayed && !capped && isForever(loop) && hasOutboundAwait(body) && statusRetry(body)) return { node: loop, why: "noCap", loop, counter };
  // while (order.status !== "completed") { await sleep(1000); order = orders.get(id); }: a poll whose condition
  // is the status another service sets, with a delay but no cap and no deadline; when the reply never comes (a
  // broker down, a publish dropped), the caller waits forever (issue 11: tune nodejs-ecommerce-microservice).
  if (tries.length === 0 && delayed && !capped && pollsStatus(loop) && (hasOutboundAwait(body) || awaitsBefore(loop))) return { node: loop, why: "noCap", loop, counter };
  // while (file.state !== FileState.ACTIVE) { file = await client.files.get({ name }); }: the same poll with no delay
  // asks again at once, and forever when the state never comes (retired round 48, ai-whatsapp-assistant's
  // `src/utils/gemini.ts:343`): a loop that leaves only when a status check passes, with no delay.
  if (tries.length === 0 && !delayed && pollsStatus(loop) && hasOutboundAwait(body)) return { node: loop, why: capped ? "noDelay" : "noDelayNoCap", loop, counter };
  if (isForever(loop)) {
    for (const t of tries) {
      if (!hasOutboundAwait(t.tryBlock) || alwaysLeaves(t.catchClause!.block) || endsOwnCondition(loop, t.catchClause!.block) || hasDelay(t.catchClause!.block)) continue;
      if (t.finallyBlock && hasDelay(t.finallyBlock)) continue;
      // No delay at all: a consumer loop that blocks on its source, unless its source is an HTTP short poll.
      if (!hasDelay(t.tryBlock) && !shortPoll(t.tryBlock)) continue;
      if (delayedOutside(body, t)) continue;
      return { node: loop, why: "failureLoop", tryStmt: t, loop };
    }
  }
  return undefined;
}

/**
 * A failure thrown in the try of `t` waits before the next attempt: a delay in its catch or finally,
 * in the loop body outside it, or in the try before the first awaited call (it runs on every attempt).
 */
function failureDelayed(body: ts.Statement, t: ts.TryStatement): boolean {
  if (hasDelay(t.catchClause!.block) || (t.finallyBlock && hasDelay(t.finallyBlock)) || delayedOutside(body, t)) return true;
  for (const s of t.tryBlock.statements) {
    if (hasOutboundAwait(s)) return false;
    if (hasDelay(s)) return true;
  }
  return false;
}

/**
 * The try returns the awaited answer under a test of it (`const response = await fetch(u); if
 * (response.status !== 429) return response;`): it leaves with the result, not with a page.
 */
function returnsAnswer(block: ts.Block, body: ts.Statement): boolean {
  if (PAGINATION_RE.test(body.getText())) return false;
  const answers = new Set<string>();
  for (const s of block.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        let init = d.initializer;
        while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isNonNullExpression(init))) init = init.expression;
        if (ts.isIdentifier(d.name) && init && ts.isAwaitExpression(init) && ts.isCallExpression(unwrap(init)) && !isDelayCall(unwrap(init))) answers.add(d.name.text);
      }
    } else if (ts.isIfStatement(s) && answers.size > 0) {
      const then = s.thenStatement;
      const ret = ts.isReturnStatement(then) ? then : ts.isBlock(then) && then.statements.length === 1 && ts.isReturnStatement(then.statements[0]!) ? then.statements[0] : undefined;
      const value = ret?.expression ? unwrap(ret.expression) : undefined;
      if (value && ts.isIdentifier(value) && answers.has(value.text)) return true;
    }
  }
  return false;
}

// The failure path moves to another credential or endpoint before trying again (`apiKeyManager.switchKey()`,
// `rotateApiKey()`, `useFallbackProvider()`): a fallback over alternatives, not the same request again.
const SWITCH_RE = /^(?:switch|rotate|cycle|failover)|^(?:use|get|pick|select|try)?(?:Next|Fallback|Backup|Alternate|Another)(?:Key|Token|Provider|Endpoint|Host|Url|Server|Model|Account|Credential|Client)|^next(?:Key|Token|Provider|Endpoint|Host|Url|Server|Model|Account|Credential|Client)/;

/** True when the failure path calls a function named for moving to the next alternative. */
function switchesAlternative(block: ts.Node): boolean {
  // Also `env.remoteHost = this.#fallbackHost` (switch-endpoint.ts).
  return containsCall(block, (c) => SWITCH_RE.test(calleeName(c) ?? "")) || pointsAtFallback(block);
}

// The failed endpoint taken out of the pool the next turn picks from: `removeWorker(id)`, `markHostDown(host)`.
const DROP_RE = /^(?:remove|evict|drop|exclude|blacklist|ban|mark\w*(?:Dead|Down|Unhealthy|Failed|Bad))(?:Dead|Failed|Bad)?(?:Worker|Server|Host|Endpoint|Node|Peer|Replica|Instance|Backend|Upstream)?s?$/;

/**
 * After the `try` in the loop's body, on the way round, the failed endpoint is dropped from the pool the next turn's
 * assignment picks from (`log.warn(…); await docWorkerMap.removeWorker(docStatus.docWorker.id);` after `docStatus =
 * await docWorkerMap.assignDocWorker(id)` at the top: production grist-core `app/server/lib/DocWorkerUtils.ts:98`,
 * session 41): each turn asks another worker, a fallback over a shrinking pool, not the same request again.
 */
function dropsFailedEndpoint(body: ts.Statement, t: ts.TryStatement): boolean {
  if (!ts.isBlock(body)) return false;
  const after = body.statements.slice(body.statements.indexOf(t) + 1);
  return after.some((st) => containsCall(st, (c) => {
    const name = calleeName(c) ?? "";
    return DROP_RE.test(name) && /[A-Z]/.test(name) && c.arguments.length > 0;
  }));
}

// A call that waits at the other end: Telegram's `getUpdates` with a `timeout`, `?wait=20`, a long poll.
const LONG_POLL_RE = /\btimeout\b|\bwait\w*|long[-_]?poll|\bhold\b|\bblock(?:ing)?\b/i;
const HTTP_CALL_RE = /^(?:fetch|axios|got|ky|request|superagent|needle)$|^(?:get|post|put|request|fetch)$/;

/**
 * The try asks an HTTP endpoint that answers at once (`http.post(\`https://api.telegram.org/bot${t}/getUpdates\`,
 * { offset })` with no `timeout`): nothing blocks, so a loop with no delay asks again at once, and after a
 * failure it spins. A long poll (a `timeout` or `wait` parameter) blocks at the other end.
 */
function shortPoll(block: ts.Block): boolean {
  let found = false;
  forEachShallow(block, (n) => {
    if (found || !ts.isAwaitExpression(n)) return;
    const c = unwrap(n.expression);
    if (!ts.isCallExpression(c) || isDelayCall(c)) return;
    const name = calleeName(c);
    const url = c.arguments[0];
    if (!name || !HTTP_CALL_RE.test(name) || !url || !(ts.isStringLiteralLike(url) || ts.isTemplateExpression(url)) || !/^https?:\/\//.test(url.getText().slice(1))) return;
    if (!LONG_POLL_RE.test(c.getText())) found = true;
  });
  return found;
}

// A state the other side reaches when it is done, or one it leaves when it is.
const DONE_STATE_RE = /^(?:completed?|done|finished|ready|succeeded|success|successful|processed|fulfilled|resolved|paid|approved|delivered|active)$/i;
// The run state of a component that loops until stopped (`this.status === "running"`).
const RUN_STATE_RE = /^(?:running|started)$/i;
const WAITING_STATE_RE = /^(?:pending|processing|queued|running|in[_-]?progress|waiting|started|created|submitted|starting)$/i;

/**
 * `while (order.status !== "completed")`, `do … while (job.state === "pending")`: the loop's own
 * condition waits for a status word (`status`, `state`, `phase` of something) to change.
 */
function pollsStatus(loop: ts.IterationStatement): boolean {
  if (!ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return false;
  const e = unwrap(loop.expression);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return waitsForDoneFlag(loop, unwrap(e.operand));
  // `while (run.status !== "completed" && run.status !== "requires_action")`: the poll ends on any of the words it
  // names (retired round 48, ai-whatsapp-assistant's `src/utils/assistant.ts:142`, an OpenAI run polled each second);
  // `while (job.state === "queued" || job.state === "running")` waits while any holds. Every term is such a test, and one
  // of them names a word the rule knows; the others may be the service's own (`requires_action`).
  const terms = statusTerms(e);
  if (!terms) return false;
  return terms.some((t) => t.known);
}

/** The terms of a status poll's condition, each read by `statusTest`: one test, or a chain of `&&` (negated) or `||` (equal). */
function statusTerms(e: ts.Expression): { known: boolean }[] | undefined {
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const parts: ts.Expression[] = [];
    const op = e.operatorToken.kind;
    const flatten = (x: ts.Expression): void => {
      const u = unwrap(x);
      if (ts.isBinaryExpression(u) && u.operatorToken.kind === op) {
        flatten(u.left);
        flatten(u.right);
      } else parts.push(u);
    };
    flatten(e);
    const tests = parts.map((x) => statusTest(x));
    if (tests.some((t) => !t || t.negated !== (op === ts.SyntaxKind.AmpersandAmpersandToken))) return undefined;
    return tests as { known: boolean }[];
  }
  const t = statusTest(e);
  return t ? [t] : undefined;
}

/**
 * `order.status !== "completed"`, `response.state !== FileState.ACTIVE` (an enum member names the word: retired round
 * 48, ai-whatsapp-assistant's `src/utils/gemini.ts:343`, a Gemini file polled until it is active): a test of a status
 * word (`status`, `state`, `phase` of something), `known` when the word is one the poll waits for.
 */
function statusTest(x: ts.Expression): { negated: boolean; known: boolean } | undefined {
  const e = unwrap(x);
  if (!ts.isBinaryExpression(e)) return undefined;
  const k = e.operatorToken.kind;
  const negated = k === ts.SyntaxKind.ExclamationEqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken;
  if (!negated && k !== ts.SyntaxKind.EqualsEqualsEqualsToken && k !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  const left = unwrap(e.left);
  const right = unwrap(e.right);
  const wordOf = (w: ts.Expression): string | undefined => (ts.isStringLiteralLike(w) ? w.text : ts.isPropertyAccessExpression(w) && ts.isIdentifier(w.expression) && /^[A-Z]/.test(w.expression.text) ? w.name.text : undefined);
  const rightWord = wordOf(right);
  const leftWord = rightWord === undefined ? wordOf(left) : undefined;
  const [subject, word] = rightWord !== undefined ? [left, rightWord] : leftWord !== undefined ? [right, leftWord] : [undefined, ""];
  if (!subject) return undefined;
  const name = ts.isPropertyAccessExpression(subject) ? subject.name.text : ts.isIdentifier(subject) ? subject.text : "";
  if (!/(?:^|[a-z_])(?:status|state|phase)$/i.test(name)) return undefined;
  // while (this.status === "running"): the object's own run state, which its stop() clears; a worker's
  // main loop for the process's life, not a reply another service sets (production nango tasks/lib/processor.ts:97).
  if (!negated && ts.isPropertyAccessExpression(subject) && subject.expression.kind === ts.SyntaxKind.ThisKeyword && RUN_STATE_RE.test(word)) return undefined;
  return { negated, known: negated ? DONE_STATE_RE.test(word) : WAITING_STATE_RE.test(word) };
}

// The flag a long-running operation sets when it ends (Google's `operation.done`, `job.isComplete`).
const DONE_FLAG_RE = /^(?:is)?(?:done|complete|completed|finished|ready)$/i;

/**
 * `while (!operation.done) { await sleep(5000); operation = await ai.operations.getVideosOperation({ operation }); }`:
 * the loop waits for a flag of the operation another service sets (held round 44's provadoria `server/gemini.ts:210`,
 * a Gemini video operation). Not a stream or iterator read, whose `done` ends the parts of one answer
 * (`res = await it.next()`, `await reader.read()`).
 */
function waitsForDoneFlag(loop: ts.IterationStatement, operand: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(operand) || !DONE_FLAG_RE.test(operand.name.text)) return false;
  let reads = false;
  forEachShallow(loop.statement, (n) => {
    if (!reads && ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && (n.expression.name.text === "next" || n.expression.name.text === "read")) reads = true;
  });
  return !reads;
}

/** The function around `loop` awaits an operation before it (`await broker.publish(…)`): what the poll waits on. */
function awaitsBefore(loop: ts.IterationStatement): boolean {
  const fn = enclosingFunction(loop);
  if (!fn?.body) return false;
  let found = false;
  forEachShallow(fn.body, (n) => {
    if (!found && n.end <= loop.getStart() && ts.isAwaitExpression(n)) {
      const e = unwrap(n.expression);
      if (ts.isCallExpression(e) && !isDelayCall(e)) found = true;
    }
  });
  return found;
}

/** A delay in the loop body outside the try statement `t` (before or after it). */
function delayedOutside(body: ts.Statement, t: ts.TryStatement): boolean {
  const statements = ts.isBlock(body) ? body.statements : [body];
  return statements.some((s) => s !== t && !(t.pos >= s.pos && t.end <= s.end) && hasDelay(s));
}

/** `const r = await fetch(…); if (r.ok) return …;` with no pagination state: a retry by status. */
function statusRetry(body: ts.Statement): boolean {
  return ts.isBlock(body) && !PAGINATION_RE.test(body.getText()) && exitsOnSuccess(body, true) && !carriesStateForward(body) && !renewsIdempotencyKey(body);
}

/**
 * `idempotencyKey = \`${base}:retry:${n}\`; session = await stripe.checkout.sessions.create(params, {
 * idempotencyKey });`: each turn sends its call under a new idempotency key. With the same key the
 * provider answers the same request again; with a new one it is another operation (a new session
 * after the last one came back expired), not a retry of the one before (Stripe, idempotent requests).
 */
function renewsIdempotencyKey(body: ts.Block): boolean {
  let key: string | undefined;
  forEachShallow(body, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && IDEMPOTENCY_RE.test(n.left.text)) key = n.left.text;
  });
  if (key === undefined) return false;
  const named = new RegExp(`(?<![\\w$.])${key.replace(/\$/g, "\\$")}(?![\\w$])`);
  return containsCall(body, (c) => !isDelayCall(c) && c.arguments.some((a) => named.test(a.getText())));
}

/**
 * `const step = await finalize(token, state); if (step.status === "completed") return …; state =
 * step.state;`: each turn hands the state the last answer gave to the next call, whole (a resumable
 * upload's next batch, a multi-step publish): progress, not the same request again, whatever the
 * state is named. A poll that passes only a field of it (`get(job.id)`) asks the same again.
 */
function carriesStateForward(body: ts.Block): boolean {
  const answers = new Set<string>();
  const carried = new Set<string>();
  const passedWhole = new Set<string>();
  forEachShallow(body, (n) => {
    // `const step = await finalize(…)`, also `const r = cond ? await a(s) : s`: a name bound to an answer in this turn.
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && hasOutboundAwait(n)) answers.add(n.name.text);
    if (ts.isAwaitExpression(n)) {
      const c = unwrap(n.expression);
      if (ts.isCallExpression(c) && !isDelayCall(c)) for (const a of c.arguments) if (ts.isIdentifier(a)) passedWhole.add(a.text);
    }
  });
  forEachShallow(body, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(n.left)) return;
    const v = unwrap(n.right);
    if (ts.isPropertyAccessExpression(v) && ts.isIdentifier(v.expression) && answers.has(v.expression.text)) carried.add(n.left.text);
  });
  return [...carried].some((x) => passedWhole.has(x));
}

/**
 * `.catch(() => checkNext(port + 1))` in `function checkNext(port) { …; server.listen(port, "localhost", …) }`: the failure
 * path asks for the next port of a local listen, like a server that listens again on the next port when its own is
 * taken (production grist-core's `getAvailablePort`, session 40, no `EADDRINUSE` test but a `port > lastPort` cap).
 */
function listensOnNextPort(owner: ts.FunctionLikeDeclaration, body: ts.Node, name: string): boolean {
  const param = owner.parameters.find((p) => ts.isIdentifier(p.name) && /port$/i.test(p.name.text));
  if (!param || !ts.isIdentifier(param.name) || !owner.body) return false;
  const port = param.name.text;
  const nextCall = containsCall(body, (c) => calleeName(c) === name && c.arguments.some((a) => {
    const x = unwrap(a);
    return ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isIdentifier(x.left) && x.left.text === port && ts.isNumericLiteral(x.right);
  }));
  return nextCall && containsCall(owner.body, (c) => calleeName(c) === "listen" && c.arguments.some((a) => ts.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === port), true);
}

/**
 * A function that calls itself again from its own failure path with no delay: in its `catch`, in a
 * `.catch(…)` handler, or in an `error`/`close` listener (`connect()` → fails → `connect()`).
 * `region` is the catch clause or the handler; the walk collects them, so each is read once.
 */
export function judgeFailurePath(region: ts.CatchClause | ts.FunctionLikeDeclaration): RetryFinding[] {
  const root = ts.isCatchClause(region) ? region.block : region;
  const body = ts.isCatchClause(region) ? region.block : region.body;
  const owner = enclosingFunction(region);
  const name = owner ? functionName(owner) : undefined;
  if (!name || !body || !mentions(body, name) || hasDelay(body) || dropsQueueHead(body) || switchesAlternative(body) || LOCAL_BIND_RE.test(body.getText()) || (owner && listensOnNextPort(owner, body, name))) return [];
  if (owner?.body && takesQueueHeadBefore(owner.body, region)) return [];
  if (owner && onlyListens(owner)) return [];
  // `await new Promise((r) => setTimeout(r, delay))` before the `try`: every entry waits first, the recursive one too.
  if (owner && waitsOnEntry(owner, region)) return [];
  // A capped retry after a logical conflict needs no delay, as in loops: `commit(retries - 1)` when the error is a conflict.
  const conflict = CONFLICT_RE.test(body.getText());
  // `await this.authManager.refreshAuthentication(); return this.run(action, retryCount + 1)` under `retryCount === 0`:
  // one more call with a new credential, capped, like one second call after refreshing an expired token.
  const refreshes = containsCall(body, (c) => REFRESH_CALL_RE.test(calleeName(c) ?? ""));
  // A catch of a `try` that awaits nothing sees a parse failure, not a failed request (parse-reask.ts).
  const parseOnly = ts.isCatchClause(region) && syncOnlyTry(region);
  const member = owner !== undefined && isMemberFunction(owner);
  const found: RetryFinding[] = [];
  const walk = (n: ts.Node): void => {
    if (isFunctionLikeDeclaration(n) || ts.isCatchClause(n) || ts.isClassLike(n)) return;
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      // A method is called through `this`: a bare call of its name inside it is another function's (`labelMessage(…)`
      // imported by the class whose `labelMessage` method calls it; production inbox-zero's `email/google.ts`).
      const callee = ts.isIdentifier(e) ? (member ? undefined : e.text) : ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword ? e.name.text : undefined;
      // Uncapped, a conflict retry lacks only a cap (no fix: the cap needs a new parameter).
      if (callee === name && sameRequest(n, owner!) && !nextItem(n, owner!) && !(conflict && countsAttempts(n)) && !forcesRefresh(n, owner!) && !flagCapped(n, root, owner!) && !(refreshes && countedUnderCap(n, root)) && !(parseOnly && countsAttempts(n)) && !askedFirst(n, root)) found.push(conflict ? { node: n, why: "noCap" } : { node: n, why: "noDelay", recursiveStmt: statementIn(n, root) });
    }
    n.forEachChild(walk);
  };
  walk(body);
  // One finding per failure path, at its first re-issue: the branches of one handler (`switch (reason)` with a
  // `start()` in each case) are one retry, reported once.
  return found.slice(0, 1);
}

/**
 * `private initializeEvents() { this.client.on("qr", …); this.client.on("disconnected", async () => { …; this.client =
 * this.createClient(); this.initializeEvents(); … }); … }`: the function only registers listeners, so calling it again
 * from one of them asks nothing of anyone (tune hono-bot-wa's `src/services/whatsapp.service.ts:87`, labelled clean): a
 * retry re-issues an outbound operation, and what the listener then calls (`this.client.initialize()`) is judged where
 * it is.
 */
function onlyListens(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.statements.length === 0) return false;
  return body.statements.every((st) => {
    if (!ts.isExpressionStatement(st)) return false;
    const e = unwrap(st.expression);
    return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && LISTEN_RE.test(e.expression.name.text);
  });
}

const LISTEN_RE = /^(?:on|once|addListener|addEventListener|prependListener|prependOnceListener)$/;

/** A method, accessor or a function stored as a class or object property: its name is no binding inside its body. */
function isMemberFunction(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isMethodDeclaration(fn) || ts.isAccessor(fn)) return true;
  const p = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && p !== undefined && (ts.isPropertyDeclaration(p) || ts.isPropertyAssignment(p)) && p.initializer === fn && !(ts.isFunctionExpression(fn) && fn.name !== undefined);
}

/**
 * The function awaits a delay in a statement of its own body before the one holding the failure path
 * (`const delay = Math.min(1000 * 2 ** (attempts - 1), 30000); await new Promise((r) => setTimeout(r, delay));
 * try { await mongoose.connect(uri) } catch { … attemptReconnect() }`): the call from the failure path enters
 * the function again and waits there before the next attempt (retired held round 37, checkout's
 * `backend/src/lib/db.ts:72`, labelled clean).
 */
function waitsOnEntry(owner: ts.FunctionLikeDeclaration, region: ts.Node): boolean {
  const body = owner.body;
  if (!body || !ts.isBlock(body)) return false;
  for (const st of body.statements) {
    if (st.pos <= region.pos && region.end <= st.end) return false;
    if (ts.isExpressionStatement(st) && ts.isAwaitExpression(st.expression) && hasDelay(st.expression)) return true;
  }
  return false;
}

/**
 * True when the text of `node` holds `name` (or a `\u` escape, which can spell any name): a call
 * by that name cannot be in a body whose text lacks it. Most failure paths call nothing of the kind,
 * and this read is cheaper than the walks that would find nothing.
 */
function mentions(node: ts.Node, name: string): boolean {
  const text = node.getSourceFile().text.slice(node.pos, node.end);
  return text.includes(name) || text.includes("\\u");
}

/**
 * The failure path takes the failed item off a queue before calling itself (`queue.shift();
 * processQueue()`): a drain that moves on to the next item, not a retry of the same request.
 */
function dropsQueueHead(body: ts.Node): boolean {
  return containsCall(body, takesFromQueue);
}

/** `queue.shift()`, `jobs.pop()`, `q.dequeue()`: takes an item off a queue. */
function takesFromQueue(c: ts.CallExpression): boolean {
  return c.arguments.length === 0 && ts.isPropertyAccessExpression(c.expression) && /^(?:shift|pop|dequeue)$/.test(c.expression.name.text);
}

/**
 * The function takes the next item off a queue before the `try` whose catch calls it again
 * (`const job = queue.shift();` … `catch (e) { job.resolve({ ok: false }); dispatch(); }`), or before
 * the `.catch(…)` handler that does (a concurrency limiter's `const item = queue.shift(); …
 * .then(item.fn).catch((e) => { active--; item.reject(e); runNext(); })`: production Cap): the
 * item that failed is already off the queue, so the call is the drain's next turn, not a retry.
 */
function takesQueueHeadBefore(fnBody: ts.Node, clause: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || n.pos >= clause.pos || isFunctionLikeDeclaration(n)) return;
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isIdentifier(n.name)) {
      const c = unwrap(n.initializer);
      if (ts.isCallExpression(c) && takesFromQueue(c)) found = true;
    }
    n.forEachChild(walk);
  };
  fnBody.forEachChild(walk);
  return found;
}

/**
 * The recursive call turns on a parameter named for a credential refresh that the function reads
 * (`return this.checkAnalytics(org, id, date, true)` with `forceRefresh = false`, under `if (expired ||
 * forceRefresh) { token = await refresh(…) }`): the next attempt runs with a new token, another request,
 * like a failure path that rotates its credential first.
 */
function forcesRefresh(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  return call.arguments.some((a, i) => {
    const param = fn.parameters[i]?.name;
    if (unwrap(a).kind !== ts.SyntaxKind.TrueKeyword || !param || !ts.isIdentifier(param) || !REFRESH_FLAG_RE.test(param.text) || !fn.body) return false;
    const read = new RegExp(`(?<![\\w$.])${param.text.replace(/\$/g, "\\$")}(?![\\w$])`);
    return read.test(fn.body.getText());
  });
}

/**
 * The recursive call counts its attempts (`retryCount + 1`) under an `if` of the failure path that
 * compares that count (`retryCount === 0`, `attempt < MAX`): the attempts are capped.
 */
function countedUnderCap(call: ts.CallExpression, root: ts.Node): boolean {
  const counted = new Set<string>();
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.PlusToken || u.operatorToken.kind === ts.SyntaxKind.MinusToken) && ts.isNumericLiteral(unwrap(u.right)) && ts.isIdentifier(unwrap(u.left))) counted.add((unwrap(u.left) as ts.Identifier).text);
  }
  if (counted.size === 0) return false;
  for (let p: ts.Node | undefined = call.parent; p && p !== root.parent; p = p.parent) {
    if (!ts.isIfStatement(p) || call.pos < p.thenStatement.pos || call.end > p.thenStatement.end) continue;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && COMPARISONS.has(n.operatorToken.kind) && [n.left, n.right].some((side) => ts.isIdentifier(unwrap(side)) && counted.has((unwrap(side) as ts.Identifier).text))) found = true;
      n.forEachChild(visit);
    };
    visit(p.expression);
    if (found) return true;
  }
  return false;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

/**
 * `processNextFile(index + 1)` in `const processNextFile = async (index) => { const key = fileKeys[index]; … }`: the
 * argument counted up is the parameter the function reads a list's element with, so the call asks for the next item,
 * not the same one again (production pingvin-share's zip of a share's files, session 45: its stream's `end` and `error`
 * listeners and its catch all move on to `index + 1`). Iteration by index, like a loop that picks a different request
 * by index each turn. A table of waits read by the count (`DELAYS[attempt]`) is no list of items.
 */
function nextItem(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body) return false;
  const counted = new Set<string>();
  call.arguments.forEach((a, i) => {
    const u = unwrap(a);
    const param = fn.parameters[i]?.name;
    if (!param || !ts.isIdentifier(param) || !ts.isBinaryExpression(u) || u.operatorToken.kind !== ts.SyntaxKind.PlusToken || !ts.isNumericLiteral(unwrap(u.right))) return;
    const left = unwrap(u.left);
    if (ts.isIdentifier(left) && left.text === param.text) counted.add(param.text);
  });
  if (counted.size === 0) return false;
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isElementAccessExpression(n)) {
      const arg = unwrap(n.argumentExpression);
      const list = unwrap(n.expression);
      const listName = ts.isIdentifier(list) ? list.text : ts.isPropertyAccessExpression(list) ? list.name.text : "";
      if (ts.isIdentifier(arg) && counted.has(arg.text) && !WAIT_TABLE_RE.test(listName)) found = true;
    }
    n.forEachChild(walk);
  };
  walk(fn.body);
  return found;
}

// A table of waits or attempt settings read by the attempt count: `DELAYS[attempt]`, `backoffMs[retry]`.
const WAIT_TABLE_RE = /delay|backoff|wait|interval|timeout|sleep|pause|retr|attempt/i;

/** The recursive call counts its attempts: an argument is a name plus or minus a number (`retries - 1`). */
function countsAttempts(call: ts.CallExpression): boolean {
  return call.arguments.some((a) => {
    const u = unwrap(a);
    return ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.PlusToken || u.operatorToken.kind === ts.SyntaxKind.MinusToken) && ts.isIdentifier(unwrap(u.left)) && ts.isNumericLiteral(unwrap(u.right));
  });
}

/**
 * The recursive call asks the same thing again: each argument is the parameter in its place, maybe
 * counted up or down (`retry(url, attempt + 1)`). `resolve(rest)` with a computed tail is a fallback chain.
 */
function sameRequest(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  return call.arguments.every((a, i) => {
    const param = fn.parameters[i]?.name;
    const paramName = param && ts.isIdentifier(param) ? param.text : undefined;
    let u = unwrap(a);
    if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.PlusToken || u.operatorToken.kind === ts.SyntaxKind.MinusToken) && ts.isNumericLiteral(unwrap(u.right))) u = unwrap(u.left);
    if ((ts.isPrefixUnaryExpression(u) || ts.isPostfixUnaryExpression(u)) && ts.isIdentifier(u.operand)) u = u.operand;
    return ts.isIdentifier(u) ? u.text === paramName || !paramName : !ts.isArrayLiteralExpression(u) && !ts.isCallExpression(u);
  });
}

/** True for a function passed as a `.catch(…)` handler or an `error`/`close`/`end`/`disconnect` listener. */
export function isFailureHandler(fn: ts.FunctionLikeDeclaration): boolean {
  const p = fn.parent;
  if (!p || !ts.isCallExpression(p) || !p.arguments.includes(fn as ts.Expression)) return false;
  const name = calleeName(p);
  if (name === "catch") return true;
  // Baileys (WhatsApp bots): `sock.ev.on("connection.update", ({ connection }) => { if (connection === "close") start(); })`.
  if ((name === "on" || name === "once" || name === "addListener" || name === "addEventListener") && p.arguments[0] && ts.isStringLiteralLike(p.arguments[0])) return /^(?:error|close|end|disconnect(?:ed)?|connection\.update)$/.test(p.arguments[0].text);
  return false;
}

function statementIn(node: ts.Node, root: ts.Node): ts.Statement | undefined {
  let last: ts.Node = node;
  for (let p = node.parent; p && p !== root; p = p.parent) {
    if (ts.isBlock(p) && ts.isStatement(last)) return last;
    last = p;
  }
  return ts.isStatement(last) ? last : undefined;
}

/** Retry-library settings with no cap (`retries: Infinity`, `forever: true`, TanStack `retry: true`). */
export function judgeRetrySetting(p: ts.PropertyAssignment, tanstack: boolean): RetryFinding | undefined {
  const key = propName(p.name);
  if (!key || !ts.isObjectLiteralExpression(p.parent)) return undefined;
  const obj = p.parent;
  const deadline = ["maxRetryTime", "maxElapsedTime", "deadline", "maxRetryDuration"].some((k) => propValue(obj, k) !== undefined);
  const v = unwrap(p.initializer);
  const inRetryObject = ts.isPropertyAssignment(obj.parent) && /retry/i.test(propName(obj.parent.name) ?? "");
  if (key === "limit" && !inRetryObject) return undefined;
  // A reconnecting socket's options (reconnecting-websocket's `WebSocket`, `minReconnectionDelay`;
  // `reconnectInterval`): reconnects need a delay but no cap, and these clients wait between them.
  const reconnects = obj.properties.some((q) => q !== p && q.name !== undefined && /^WebSocket$|reconnect/i.test(propName(q.name as ts.PropertyName) ?? ""));
  if (/^(?:retries|maxRetries|retry|limit|attempts|maxAttempts|retryLimit|numOfAttempts|retryAttempts|reconnectTries)$/.test(key) && isInfinite(v) && !deadline && !reconnects) return { node: p, why: "noCap" };
  if (key === "forever" && v.kind === ts.SyntaxKind.TrueKeyword && !deadline) return { node: p, why: "noCap" };
  if (key === "retry" && tanstack && v.kind === ts.SyntaxKind.TrueKeyword) return { node: p, why: "noCap" };
  return undefined;
}

function isInfinite(v: ts.Expression): boolean {
  if (ts.isIdentifier(v)) return v.text === "Infinity";
  return ts.isPropertyAccessExpression(v) && isNoLimit(v);
}

/** `retryDelay() { return 0; }`: a method whose one statement answers no delay. */
function returnsOnlyZero(m: ts.MethodDeclaration): boolean {
  const only = m.body?.statements.length === 1 ? m.body.statements[0] : undefined;
  return !!only && ts.isReturnStatement(only) && !!only.expression && ts.isNumericLiteral(only.expression) && Number(only.expression.text) === 0;
}

/** `axiosRetry(client, { retries: 3 })` with no `retryDelay`: axios-retry's default is no delay. */
export function judgeAxiosRetry(call: ts.CallExpression): RetryFinding | undefined {
  const opts = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (opts && !ts.isObjectLiteralExpression(opts)) return undefined;
  if (opts && opts.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
  const delay = opts ? propValue(opts, "retryDelay") : undefined;
  // `retryDelay(count) { return backoff(count) * 1000; }`: the delay written as a method.
  if (opts && opts.properties.some((p) => ts.isMethodDeclaration(p) && propName(p.name) === "retryDelay" && !returnsOnlyZero(p))) return undefined;
  if (delay) {
    const d = unwrap(delay);
    const noDelay = (ts.isPropertyAccessExpression(d) && d.name.text === "noDelay") || ((ts.isArrowFunction(d) || ts.isFunctionExpression(d)) && ts.isNumericLiteral(d.body as ts.Node) && Number((d.body as ts.NumericLiteral).text) === 0);
    if (!noDelay) return undefined;
  }
  const retries = opts ? propValue(opts, "retries") : undefined;
  if (retries && ts.isNumericLiteral(unwrap(retries)) && Number((unwrap(retries) as ts.NumericLiteral).text) === 0) return undefined;
  return { node: call.expression, why: "noDelay" };
}

/** True for `enclosingFunction(node)` being async (a delay can be awaited there). */
export function inAsyncFunction(node: ts.Node): boolean {
  const fn = enclosingFunction(node);
  return !!fn && !!ts.getModifiers(fn as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

// The first parameter of an error-first callback: `(err) => …`, `function (error, res) { … }`.
const ERROR_PARAM_RE = /^(?:err|error|e|er)$/i;

/** The function `name` is bound to in a block around `at`: `const name = (err) => …`, `function name(err) { … }`. */
function declaredFunction(name: string, at: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = at.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
        const init = unwrap(d.initializer);
        return ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : undefined;
      }
    }
  }
  return undefined;
}

/**
 * `call` runs only when `param` holds an error, inside `body`: in the `then` of `if (err)`, the `else` of `if (!err)`,
 * or after an `if (!err) return …;` of the same block (the callback's early exit on success).
 */
function onErrorBranch(call: ts.Node, body: ts.Node, param: string): boolean {
  const bare = (e: ts.Expression) => ts.isIdentifier(unwrap(e)) && (unwrap(e) as ts.Identifier).text === param;
  const negated = (e: ts.Expression) => {
    const u = unwrap(e);
    return ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && bare(u.operand);
  };
  const leaves = (st: ts.Statement): boolean => ts.isReturnStatement(st) || ts.isThrowStatement(st) || (ts.isBlock(st) && st.statements.length > 0 && leaves(st.statements[st.statements.length - 1]!));
  let child: ts.Node = call;
  for (let p = call.parent; p && p !== body.parent; child = p, p = p.parent) {
    if (ts.isIfStatement(p)) {
      if (child === p.thenStatement && bare(p.expression)) return true;
      if (child === p.elseStatement && negated(p.expression)) return true;
    } else if (ts.isBlock(p) || ts.isSourceFile(p)) {
      for (const st of p.statements) {
        if (st === child) break;
        if (ts.isIfStatement(st) && !st.elseStatement && negated(st.expression) && leaves(st.thenStatement)) return true;
      }
    }
  }
  return false;
}

/**
 * A request whose error-first callback asks again at once: `function req(t) { …; self._baseRequest(url, errorCallback,
 * t); }` with `const errorCallback = (err) => { if (err) { …; req(lastTimeout); } else resolve(); }` (retired held round
 * 46, Webhook_Registry's `utils/post.ts:86`). The callback is the request's failure path, as a `.catch(…)` handler is,
 * and it calls the function that sent the request again with no delay. `call` hands the callback, named by `arg`, to
 * the request; the function around `call` must be named, the callback declared in a block around it with an error
 * first parameter, and its call of that function under a test of the error. Reported at the first such call.
 */
export function judgeCallbackRetry(call: ts.CallExpression, arg: ts.Identifier): RetryFinding | undefined {
  const owner = enclosingFunction(call);
  const name = owner ? functionName(owner) : undefined;
  if (!owner || !name || isMemberFunction(owner)) return undefined;
  const cb = declaredFunction(arg.text, call);
  const param = cb?.parameters[0]?.name;
  if (!cb?.body || cb === owner || (cb.pos <= call.pos && call.end <= cb.end) || !param || !ts.isIdentifier(param) || !ERROR_PARAM_RE.test(param.text)) return undefined;
  const body = cb.body;
  if (!mentions(body, name) || hasDelay(body) || dropsQueueHead(body) || switchesAlternative(body) || LOCAL_BIND_RE.test(body.getText())) return undefined;
  let found: ts.CallExpression | undefined;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionLikeDeclaration(n) || ts.isClassLike(n)) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name && onErrorBranch(n, body, param.text)) {
      found = n;
      return;
    }
    n.forEachChild(walk);
  };
  body.forEachChild(walk);
  return found ? { node: found, why: "noDelay", recursiveStmt: statementIn(found, body) } : undefined;
}
