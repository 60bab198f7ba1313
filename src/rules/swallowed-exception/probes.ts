import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { constInitializer, isLogCall, localAssignment, references } from "./analysis";
import { scopeOf } from "./scope";
import { spellingNormalised } from "./spelling";

/**
 * Catches whose failure is the answer the code asks for, told by the try's own shape: a capability
 * probe, a prefetch that cannot reject, a parse of the function's own input that falls through
 * like the try does. Each looks only at one try statement and its function.
 */

// A shell command run by the try: child_process `exec`/`execSync`/`execFile`/`spawnSync`, execa,
// a project's promisified or remote wrapper (`execAsync`, `execAsyncRemote`, `runCommand`).
const COMMAND_CALL_RE = /^(?:exec|spawn|execa)(?:[A-Z]\w*)?$|^run(?:Command|Cmd|Shell)\w*$/;
const QUIET_LOG_LEVEL_RE = /^(?:debug|trace|verbose|silly)$/;

/** `console.debug(…)`, `logger.trace(…)`, `debug(…)`: a log line meant to be off in production. */
export function isQuietLog(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st) || !isLogCall(st.expression)) return false;
  let e: ts.Expression = st.expression;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  const callee = (e as ts.CallExpression).expression;
  if (ts.isIdentifier(callee)) return callee.text === "debug";
  return ts.isPropertyAccessExpression(callee) && QUIET_LOG_LEVEL_RE.test(callee.name.text);
}

/** `let installed = false;`, `let version: string | undefined;`, `let count = 0;`: a local that starts at "no". */
function negativeStart(d: ts.VariableDeclaration): boolean {
  const i = d.initializer;
  if (!i) return true;
  return i.kind === ts.SyntaxKind.FalseKeyword || i.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(i) && i.text === "undefined") || (ts.isNumericLiteral(i) && i.text === "0") || (ts.isStringLiteralLike(i) && i.text === "");
}

/** Names the try assigns: `x = …`, `[a, b] = …`, `({ a } = …)`, outside nested functions. */
function assignedInTry(tryBlock: ts.Block): Set<string> {
  const out = new Set<string>();
  const targets = (t: ts.Expression): void => {
    if (ts.isIdentifier(t)) out.add(t.text);
    else if (ts.isArrayLiteralExpression(t)) t.elements.forEach((el) => targets(ts.isSpreadElement(el) ? el.expression : el));
    else if (ts.isObjectLiteralExpression(t)) for (const p of t.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
      else if (ts.isPropertyAssignment(p)) targets(p.initializer);
    }
    else if (ts.isParenthesizedExpression(t)) targets(t.expression);
  };
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) targets(n.left);
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return out;
}

/** Whether a block calls, outside nested functions, anything whose name matches (`execAsync(…)`, `localStorage.setItem(…)`). */
export function callsIn(block: ts.Block, re: RegExp): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && re.test(calleeName(n) ?? "")) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(block);
  return found;
}

/**
 * `let installed = false; try { const { stdout } = await execAsync("command -v nvidia-smi"); installed = !!stdout.trim(); }
 * catch (e) { console.debug("driver check:", e); } return { installed };`: a capability probe. The try runs a
 * shell command whose failing exit is the negative answer (`command -v`, `nvidia-smi`, `docker node inspect
 * self` fail where the thing is not there), the catch only logs at debug level (the author expects it), and
 * the function answers the locals the try sets, which still hold their "no" (`false`, `0`, `undefined`):
 * the analogue of the lookup whose throw is the "not found". A log at error level, a try that sets nothing
 * the function returns, or locals that start at a real default stay reported.
 */
export function probesACapability(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (catchBlock.statements.length === 0 || !catchBlock.statements.every(isQuietLog)) return false;
  if (!callsIn(tryStmt.tryBlock, COMMAND_CALL_RE)) return false;
  const fn = scopeOf(tryStmt).fn;
  const body = fn?.body;
  if (!body || !ts.isBlock(body)) return false;
  const assigned = assignedInTry(tryStmt.tryBlock);
  if (assigned.size === 0) return false;
  // Every local the try sets starts at "no" in the function's body.
  const starts = new Map<string, boolean>();
  const visitDecls = (n: ts.Node): void => {
    if (n !== body && isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && ts.isVariableDeclarationList(n.parent) && n.parent.flags & ts.NodeFlags.Let) starts.set(n.name.text, negativeStart(n));
    ts.forEachChild(n, visitDecls);
  };
  visitDecls(body);
  if (![...assigned].every((name) => starts.get(name) === true)) return false;
  // …and the function answers them after the try.
  let answered = false;
  const visitReturns = (n: ts.Node): void => {
    if (answered || (n !== body && isFunctionLike(n))) return;
    if (ts.isReturnStatement(n) && n.expression && n.getStart() > tryStmt.getEnd() && [...assigned].some((name) => references(n.expression!, name))) answered = true;
    ts.forEachChild(n, visitReturns);
  };
  visitReturns(body);
  return answered;
}

// TanStack Query's `queryClient.prefetchQuery`/`prefetchInfiniteQuery` and tRPC's server-side helpers'
// `helpers.x.y.prefetch()` never reject: a failed query is kept in the cache for the client to fetch again.
const PREFETCH_RE = /^(?:prefetch|prefetchQuery|prefetchInfiniteQuery)$/;
// What a getServerSideProps builds its answer with, none of which rejects: `helpers.dehydrate()`, `dehydrate(queryClient)`.
const DEHYDRATE_RE = /^dehydrate$/;

/**
 * `try { await helpers.user.get.prefetch(); return { props: { trpcState: helpers.dehydrate() } }; } catch { return { props: {} }; }`:
 * every `await` in the try is a prefetch, which never rejects, and the try calls nothing else but
 * `dehydrate`: no failure of the query can reach the catch; the page's client query fetches again
 * and reports its own failure. A `fetch()` or `fetchQuery()` (they throw) in the try stays reported.
 */
export function tryOnlyPrefetches(tryBlock: ts.Block): boolean {
  let prefetches = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? "";
      if (PREFETCH_RE.test(name)) {
        prefetches++;
        n.arguments.forEach(visit);
        return;
      }
      if (!DEHYDRATE_RE.test(name)) {
        other = true;
        return;
      }
    } else if (ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n) || ts.isYieldExpression(n) || ts.isThrowStatement(n)) {
      other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return prefetches > 0 && !other;
}

/**
 * `try { const issues = JSON.parse(err.message); if (Array.isArray(issues)) return issues.map(…).join(", "); } catch {}
 * return err.message;`: a `JSON.parse` of the function's own input in a try that waits on nothing, calls
 * nothing but the parse and array/string methods on what it parsed, sets nothing outside itself, and falls
 * through when the parsed value is not the expected shape; the catch (empty or a log) falls through to the
 * same statement, so malformed and unexpected get the one answer after the try (the `JSON.parse` probe,
 * reached by falling through rather than by a `return`). Likewise `new RegExp(…)` of the input, also
 * through a `const` of the try computed from it (`const m = str.match(…); if (m) return new
 * RegExp(m[2], m[3]);`). A try that assigns a local read later, reads
 * stored data (`localStorage.getItem`), or cannot fall through stays reported.
 */
export function parseFallsThroughLikeTheTry(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (!catchBlock.statements.every((st) => (ts.isExpressionStatement(st) && isLogCall(st.expression)) || takesTheFallThroughExit(tryStmt, catchBlock, st))) return false;
  const fn = scopeOf(tryStmt).fn;
  if (!fn || !ts.isBlock(tryStmt.parent)) return false;
  const params = fn.parameters.map((q) => (ts.isIdentifier(q.name) ? q.name.text : "")).filter(Boolean);
  const tryBlock = tryStmt.tryBlock;
  const last = tryBlock.statements[tryBlock.statements.length - 1];
  // The try's own fall-through: its last statement is an `if` (or an `else if` chain) without a final `else`
  // (the "not that shape" path), each branch ending in a `return` or (session 37) in setting one local.
  if (!last || !ts.isIfStatement(last)) return false;
  const branchEnds: ts.Statement[] = [];
  for (let st: ts.Statement | undefined = last; st; ) {
    if (!ts.isIfStatement(st)) return false;
    // Its last statement besides log lines (`statusLabel = parsed.text; console.log("✅ Extracted", statusLabel);`).
    const work = ts.isBlock(st.thenStatement) ? st.thenStatement.statements.filter((x) => !(ts.isExpressionStatement(x) && isLogCall(x.expression))) : [st.thenStatement];
    const then = work[work.length - 1];
    if (!then) return false;
    branchEnds.push(then);
    st = st.elseStatement;
  }
  const set = new Set<string>();
  for (const end of branchEnds) {
    if (ts.isReturnStatement(end)) continue;
    const a = localAssignment(end);
    if (!a) return false;
    set.add(a.name);
  }
  // `statusLabel = parsed.label.text` in a branch: what follows the try tests the local (`if (!statusLabel) { … return …; }`),
  // so malformed and unexpected both reach that answer. Otherwise something must follow the try in its block, or the
  // function's end answers `undefined` for both.
  if (set.size > 1) return false;
  if (set.size === 1) {
    const next = statementAfter(tryStmt);
    const name = [...set][0]!;
    if (!next || !ts.isIfStatement(next) || !testsUnset(next.expression, name)) return false;
  } else if (!statementAfter(tryStmt)) return false;
  let parses = 0;
  let bad = false;
  // `const m = str.match(/^\/(.*)\/(\w*)$/)`: locals of the try computed from the input.
  const derived = new Set(params);
  const fromInput = (e: ts.Expression): boolean => [...derived].some((p) => references(e, p)) || (ts.isIdentifier(e) && valueInHand(e, fn));
  const visit = (n: ts.Node): void => {
    if (bad) return;
    if (isFunctionLike(n)) return; // a `.map((x) => x.message)` callback: computed from the parse
    // `console.log("🔍 Parsed string value:", parsed)`: a log line of the try, no work; the branch's own setting of the local.
    if (ts.isExpressionStatement(n) && (isLogCall(n.expression) || branchEnds.includes(n))) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && fromInput(n.initializer)) derived.add(n.name.text);
    // `new RegExp(m[2], m[3])` of the input: a regex probe, like the parse.
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "RegExp" && n.arguments?.[0] && fromInput(n.arguments[0])) {
      parses++;
      n.arguments.forEach(visit);
      return;
    }
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isNewExpression(n) || ts.isThrowStatement(n)) {
      bad = true;
      return;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      bad = true;
      return;
    }
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "JSON" && e.name.text === "parse") {
        const arg = n.arguments[0];
        if (!arg || !fromInput(arg)) {
          bad = true;
          return;
        }
        parses++;
      } else if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Array" && e.name.text === "isArray") {
        // a shape test on the parsed value
      } else if (!(ts.isPropertyAccessExpression(e) && PURE_METHOD_RE.test(e.name.text))) {
        bad = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  tryBlock.statements.forEach(visit);
  return parses > 0 && !bad;
}

/**
 * `const { columnId, value } = payload.event;` in the function around `id`: a name bound by a `const` whose
 * initializer only reads values in hand (names and property reads, no call, no `await`).
 */
function valueInHand(id: ts.Identifier, fn: ts.Node): boolean {
  for (let p: ts.Node | undefined = id.parent; p && p !== fn; p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (st.pos >= id.pos) break;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) {
        if (!d.initializer || !bindsName(d.name, id.text)) continue;
        let e: ts.Expression = d.initializer;
        // `const trimmed = body.trim();`: the input's spelling normalised (session 43), as for an `Intl` rendering.
        while (ts.isPropertyAccessExpression(e) || spellingNormalised(e)) e = ts.isCallExpression(e) ? e.expression.expression : e.expression;
        return ts.isIdentifier(e);
      }
    }
  }
  return false;
}

function bindsName(b: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(b)) return b.text === name;
  return b.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, name));
}

/**
 * `catch { return body; }` right before the try's own `return body;`: the catch's one statement besides
 * log lines is a `return` of a name, written as the statement after the try is (session 43, production
 * Hexabot's `parseRequestBody`). It leaves as the try's fall-through does, so it is the catch that
 * falls through to that statement. A `return` of anything else (a literal, a call) stays a default.
 */
function takesTheFallThroughExit(tryStmt: ts.TryStatement, catchBlock: ts.Block, st: ts.Statement): boolean {
  if (!ts.isReturnStatement(st) || !st.expression || !ts.isIdentifier(st.expression)) return false;
  const bound = (catchBlock.parent as ts.CatchClause).variableDeclaration?.name;
  if (bound && ts.isIdentifier(bound) && bound.text === st.expression.text) return false;
  if (catchBlock.statements.filter((x) => !(ts.isExpressionStatement(x) && isLogCall(x.expression))).length !== 1) return false;
  const next = statementAfter(tryStmt);
  return next !== undefined && ts.isReturnStatement(next) && next.expression !== undefined && ts.isIdentifier(next.expression) && next.expression.text === st.expression.text;
}

/** The statement run after `st` when it completes: the next one of its block, leaving blocks of an `if` it ends. */
function statementAfter(st: ts.Statement): ts.Statement | undefined {
  let n: ts.Statement = st;
  for (;;) {
    const list = n.parent;
    if (!ts.isBlock(list)) return undefined;
    const at = list.statements.indexOf(n);
    if (at < list.statements.length - 1) return list.statements[at + 1];
    if (!ts.isIfStatement(list.parent)) return undefined;
    n = list.parent;
  }
}

/** `!name`, `name == null`, `name === null`, `name === undefined`: a test that `name` was never set. */
function testsUnset(e: ts.Expression, name: string): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return ts.isIdentifier(e.operand) && e.operand.text === name;
  if (!ts.isBinaryExpression(e) || ![ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken].includes(e.operatorToken.kind)) return false;
  const none = (x: ts.Expression): boolean => x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
  return ts.isIdentifier(e.left) && e.left.text === name && none(e.right);
}

// Array and string methods that only compute from their receiver.
const PURE_METHOD_RE = /^(?:map|filter|join|slice|concat|flat|flatMap|find|some|every|includes|indexOf|trim|trimStart|trimEnd|split|toLowerCase|toUpperCase|toString|at|reduce|match|startsWith|endsWith)$/;

/** `.compact()` (lodash), `.filter(Boolean)`, `.filter((x) => x !== null)`, `.filter((x) => !!x)`: a link that drops the `null`s. */
function dropsNulls(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name === "compact") return call.arguments.length === 0;
  if (name !== "filter" || call.arguments.length !== 1) return false;
  const a = call.arguments[0]!;
  if (ts.isIdentifier(a)) return a.text === "Boolean";
  if (!ts.isArrowFunction(a) || a.parameters.length !== 1 || !ts.isIdentifier(a.parameters[0]!.name)) return false;
  const p = a.parameters[0]!.name.text;
  let e: ts.Node = a.body;
  if (ts.isBlock(e)) {
    const only = e.statements.length === 1 ? e.statements[0] : undefined;
    if (!only || !ts.isReturnStatement(only) || !only.expression) return false;
    e = only.expression;
  }
  if (ts.isIdentifier(e)) return e.text === p;
  if (ts.isPrefixUnaryExpression(e) && ts.isPrefixUnaryExpression(e.operand)) return ts.isIdentifier(e.operand.operand) && e.operand.operand.text === p;
  if (!ts.isBinaryExpression(e) || ![ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(e.operatorToken.kind)) return false;
  const none = (x: ts.Expression): boolean => x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
  return (ts.isIdentifier(e.left) && e.left.text === p && none(e.right)) || (ts.isIdentifier(e.right) && e.right.text === p && none(e.left));
}

/**
 * `lines.filter((l) => l.trim().startsWith("{")).map((line) => { try { return JSON.parse(line); } catch (e) { log(e); return null; } }).compact()`:
 * a `JSON.parse` probe that is a `.map` callback's whole body, parsing the callback's item and waiting on
 * nothing, whose catch answers `null` (or `undefined`) which the next link of the chain drops (`.compact()`,
 * `.filter(Boolean)`), after an earlier `.filter` of the same chain that drops items the same way (also one
 * ending the initializer of the `const` the chain starts from: `const lines = text.split("\n").filter((l) =>
 * l.trim());` … `lines.map(…)`, held round 36): the chain's form of the loop's `continue` next to an earlier
 * `if (!line.trim()) continue;`. Without the earlier filter, or when the next link keeps the `null`s, it
 * stays reported.
 */
export function skipsItemLikeItsFilter(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  const exits = catchBlock.statements.filter((st) => !(ts.isExpressionStatement(st) && isLogCall(st.expression)));
  const exit = exits.length === 1 ? exits[0] : undefined;
  if (!exit || !ts.isReturnStatement(exit)) return false;
  const v = exit.expression;
  if (v && v.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(v) && v.text === "undefined")) return false;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements.length !== 1) return false;
  const cb = body.parent;
  if (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb)) return false;
  const map = cb.parent;
  if (!ts.isCallExpression(map) || map.arguments[0] !== cb || calleeName(map) !== "map" || !ts.isPropertyAccessExpression(map.expression)) return false;
  const item = cb.parameters[0];
  if (!item || !ts.isIdentifier(item.name)) return false;
  const itemName = item.name.text;
  // The try parses the item and does nothing else that waits or reads.
  let parses = false;
  let bad = false;
  const visit = (n: ts.Node): void => {
    if (bad || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) bad = true;
    else if (ts.isCallExpression(n)) {
      const e = n.expression;
      const isParse = ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "JSON" && e.name.text === "parse";
      if (isParse && n.arguments[0] && references(n.arguments[0], itemName)) parses = true;
      else if (!isParse && !(ts.isPropertyAccessExpression(e) && PURE_METHOD_RE.test(e.name.text))) bad = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  if (!parses || bad) return false;
  const link = map.parent;
  if (!ts.isPropertyAccessExpression(link) || !ts.isCallExpression(link.parent) || link.parent.expression !== link || !dropsNulls(link.parent)) return false;
  // An earlier `.filter(…)` of the same chain, also through the `const` the chain starts from
  // (`const lines = text.split("\n").filter((l) => l.trim());` … `lines.map(…).filter(…)`).
  let r: ts.Expression = map.expression.expression;
  if (ts.isIdentifier(r)) r = constInitializer(r) ?? r;
  for (; ts.isCallExpression(r) && ts.isPropertyAccessExpression(r.expression); r = r.expression.expression) {
    if (r.expression.name.text === "filter") return true;
  }
  return false;
}

// A project's own prefetch wrapper by its name: `prefetchForKindAsync`, `prefetchWidgets`, `prefetchBoardData`.
const PREFETCH_WRAPPER_RE = /^prefetch[A-Z_]/;
// The query client it is handed: `queryClient`, `client`, `qc`, or a call that makes one (`getQueryClient()`).
const QUERY_CLIENT_ARG_RE = /^(?:queryClient|qc|client)$|^(?:get|make|create)QueryClient\(\)$/;

/**
 * `prefetchForKindAsync(kind, queryClient, items).catch((error) => logger.error(…))` in a server
 * component that renders `dehydrate(queryClient)` (TanStack Query's server rendering: prefetch into
 * a query client, hand its cache to `<HydrationBoundary state={dehydrate(queryClient)}>`; production
 * homarr's board page, session 34): the project's prefetch wrapper, given the query client, only
 * fills the cache the client's queries read. A failure leaves those queries to fetch again in the
 * browser, where they show their own failure, as for TanStack's own `prefetchQuery` above. Only a
 * handler that logs (the cause is kept), a callee named `prefetch…`, an argument that is the query
 * client, and a module that calls `dehydrate(…)`.
 */
export function prefetchIntoDehydratedCache(call: ts.CallExpression): boolean {
  const recv = (call.expression as ts.PropertyAccessExpression).expression;
  if (!ts.isCallExpression(recv)) return false;
  const name = calleeName(recv) ?? "";
  if (!PREFETCH_WRAPPER_RE.test(name) || !recv.arguments.some((a) => QUERY_CLIENT_ARG_RE.test(a.getText()))) return false;
  let dehydrates = false;
  const visit = (n: ts.Node): void => {
    if (dehydrates) return;
    if (ts.isCallExpression(n) && DEHYDRATE_RE.test(calleeName(n) ?? "")) dehydrates = true;
    ts.forEachChild(n, visit);
  };
  visit(call.getSourceFile());
  return dehydrates;
}
