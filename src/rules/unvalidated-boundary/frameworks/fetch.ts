import { ts } from "../../../engine/ts";
import { calleeName, isFailedResponseTest, isPassedResponseTest } from "../../../engine/ast";
import { findBinding, findRefs, isFunctionLike, leavingIfBefore, nameText, receiverSegments, scopeOf, shortText, unwrap, type FunctionLike } from "../ast";
import { injectedType } from "../sinks";
import { isAxiosCreate, type FileFacts, type Source } from "../source";
import { TreeMemo } from "../../../engine/tree-memo";
import { spreadUnresolved } from "./unresolved-spread";
import { allElementOf } from "../promise-all";

const FETCH_RE = /^(?:fetch|ky|got|fetchWithRetry|fetchWithTimeout|safeFetch|undiciFetch|nodeFetch)$/;
const AXIOS_METHODS = new Set(["get", "post", "put", "patch", "delete", "request", "head"]);

function isFetchCall(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (!ts.isCallExpression(x)) return false;
  const name = calleeName(x) ?? "";
  if (FETCH_RE.test(name)) return true;
  const recv = receiverSegments(x);
  return (recv[0] === "ky" || recv[0] === "got") && AXIOS_METHODS.has(name);
}

/** True when the expression is a `fetch` Response (`await fetch(u)`, a variable holding one, a `.then` parameter). */
export function isFetchResponse(expr: ts.Expression): boolean {
  return !!fetchCallOf(expr);
}

/** The `fetch(…)` call a Response comes from (see {@link fetchCallOf}). */
export function fetchCallOfResponse(expr: ts.Expression): ts.CallExpression | undefined {
  return fetchCallOf(expr);
}

/** The function of another module of the project a call reaches (`DiscordRequest(u)` imported from `./utils`), if any. */
export type ImportedFn = (call: ts.CallExpression) => FunctionLike | undefined;

/**
 * The `fetch(…)` call a Response comes from: the call itself, through a variable or a `.then`
 * parameter; with `imported`, also through a wrapper imported from another module of the project.
 */
function fetchCallOf(expr: ts.Expression, depth = 0, imported?: ImportedFn): ts.CallExpression | undefined {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && isFetchCall(e)) return e;
  const retried = ts.isCallExpression(e) ? retriedCall(e) : undefined;
  if (retried && isFetchCall(retried)) return retried;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && depth <= 2) return wrappedFetchOf(e.expression, depth + 1, imported);
  if (!ts.isIdentifier(e) || depth > 2) return undefined;
  const b = findBinding(e);
  if (!b) return undefined;
  if (b.kind === "var" && !b.element && b.decl.initializer) return fetchCallOf(b.decl.initializer, depth + 1, imported);
  if (b.kind === "var" && b.element && b.decl.initializer) {
    const el = allElementOf(b.decl, b.element);
    return el && fetchCallOf(el, depth + 1, imported);
  }
  if (b.kind === "param" && b.index === 0 && !b.element) {
    const call = b.fn.parent;
    if (call && ts.isCallExpression(call) && calleeName(call) === "then" && ts.isPropertyAccessExpression(call.expression)) {
      const x = unwrap(call.expression.expression);
      return ts.isCallExpression(x) && isFetchCall(x) ? x : undefined;
    }
  }
  return undefined;
}

// A retry helper under its usual names: `retryWithBackoff`, `withRetry`, `retry`, `pRetry`, `backoff`.
const RETRY_RE = /retry|backoff/i;

/**
 * `retryWithBackoff(async () => axios.post(u, body))`, `withRetry(() => fetch(u))`: the call the
 * callback handed to a retry helper returns (its arrow body or only `return`), which the helper
 * hands back once it succeeds.
 */
function retriedCall(call: ts.CallExpression): ts.CallExpression | undefined {
  if (!RETRY_RE.test(calleeName(call) ?? "")) return undefined;
  const cb = call.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as ts.ArrowFunction | ts.FunctionExpression | undefined;
  if (!cb) return undefined;
  let back: ts.Expression | undefined;
  if (!ts.isBlock(cb.body)) back = cb.body;
  else {
    const returns = cb.body.statements.filter(ts.isReturnStatement);
    back = cb.body.statements.length === 1 && returns.length === 1 ? returns[0]!.expression : undefined;
  }
  const x = back && unwrap(back);
  return x && ts.isCallExpression(x) ? x : undefined;
}

/**
 * A name holding an axios response: `const response = await axios.post(u, body)`, also handed back
 * by a retry helper (`await retryWithBackoff(async () => axios.post(u))`). Its `.data` is the remote body.
 */
export function isAxiosResponse(expr: ts.Expression): boolean {
  const id = unwrap(expr);
  if (!ts.isIdentifier(id)) return false;
  const b = findBinding(id);
  if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return false;
  const init = unwrap(b.decl.initializer);
  if (!ts.isCallExpression(init)) return false;
  const e = (retriedCall(init) ?? init).expression;
  if (ts.isIdentifier(e)) return e.text === "axios";
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "axios" && AXIOS_METHODS.has(e.name.text);
}

/** The retry helper's call around `top` when `top` is what its callback returns (see {@link retriedCall}). */
function retryAround(top: ts.Node): ts.CallExpression | undefined {
  let fn: ts.Node | undefined = top.parent;
  if (fn && ts.isReturnStatement(fn)) fn = fn.parent && ts.isBlock(fn.parent) ? fn.parent.parent : undefined;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const call = fn.parent;
  return call && ts.isCallExpression(call) && call.arguments.includes(fn) && retriedCall(call) === unwrap(top as ts.Expression) ? call : undefined;
}

/**
 * A same-module function whose every `return` hands back a fetch Response (a retry or timeout
 * wrapper under any name: `fetchComRetry(url)`, `callApi(path)`): the `fetch(…)` call inside it.
 * With `imported`, one imported from another module of the project too (`DiscordRequest(endpoint)`
 * from `./utils`), read there the same way, one hop.
 */
function wrappedFetchOf(callee: ts.Identifier, depth: number, imported?: ImportedFn): ts.CallExpression | undefined {
  const name = callee.text;
  let fn: ts.Node | undefined = callee.getSourceFile().statements.find((st) => ts.isFunctionDeclaration(st) && st.name?.text === name);
  if (!fn) {
    const b = findBinding(callee);
    fn = b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  }
  if (!fn && imported && ts.isCallExpression(callee.parent) && callee.parent.expression === callee) fn = imported(callee.parent);
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return fetchCallOf(fn.body, depth);
  const { returns, bare } = returnedValues(fn.body);
  // `return generateContent(retryCount + 1)` after a 429 (kycaine/wacapi `gemini.ts:97`): the wrapper's own retry
  // answers what its other returns do.
  const own = returns.filter((r) => !selfCall(r, name));
  if (bare || own.length === 0) return undefined;
  const calls = own.map((r) => fetchCallOf(r, depth));
  return calls.every((c) => c !== undefined) ? calls[0] : undefined;
}

/** What a function body's own `return`s hand back (not those of functions nested in it), and whether one returns nothing. */
function returnedValues(body: ts.Block): { returns: ts.Expression[]; bare: boolean } {
  const returns: ts.Expression[] = [];
  let bare = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) {
      if (n.expression) returns.push(n.expression);
      else bare = true;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return { returns, bare };
}

/** `generateContent(n + 1)`, `await generateContent(n + 1)`: a call of the function named `name` itself. */
function selfCall(e: ts.Expression, name: string): boolean {
  let x = unwrap(e);
  if (ts.isAwaitExpression(x)) x = unwrap(x.expression);
  return ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === name;
}

/**
 * True inside the failure branch of a response (`if (!res.ok) { …; throw … }`): an error body is
 * read there only to word the error the branch ends in, whatever its shape.
 */
export function inErrorBranch(node: ts.Node): boolean {
  let cur: ts.Node = node;
  for (let p = node.parent; p && !isFunctionLike(p); cur = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.elseStatement === cur && okTestOf(p.expression, node)) return true;
    if (!ts.isIfStatement(p) || p.thenStatement !== cur) continue;
    if (!isFailedResponseTest(p.expression)) return false;
    const body = ts.isBlock(p.thenStatement) ? p.thenStatement.statements : [p.thenStatement];
    const last = body[body.length - 1];
    if (!!last && (ts.isThrowStatement(last) || ts.isReturnStatement(last) || (ts.isTryStatement(last) && !!last.catchClause && exitsBlock(last.catchClause.block)) || switchExits(last) || callsThrower(last))) return true;
    return replacesResponse(p.thenStatement, node);
  }
  return false;
}

/** The failure branch around `node` ends in a call of the module's throwing function (see callsThrower). */
function endsByThrower(node: ts.Node): boolean {
  for (let p = node.parent; p && !isFunctionLike(p); p = p.parent) {
    if (!ts.isIfStatement(p) || !isFailedResponseTest(p.expression)) continue;
    const body = ts.isBlock(p.thenStatement) ? p.thenStatement.statements : [p.thenStatement];
    const last = body[body.length - 1];
    return !!last && callsThrower(last);
  }
  return false;
}

/**
 * `throwApiError(url, resp, body);` as the branch's last statement, where `throwApiError` is a function of the
 * module whose body ends in a `throw` and returns nowhere (production grist-core's `BaseAPI`, session 40): the
 * branch ends in the error that function throws, as if the `throw` were written there.
 */
function callsThrower(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st)) return false;
  let e = unwrap(st.expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const fn = throwers(st.getSourceFile()).get(e.expression.text);
  return !!fn;
}

function returnsSomewhere(n: ts.Node): boolean {
  return ts.forEachChild(n, (c) => (isFunctionLike(c) || ts.isClassLike(c) ? undefined : ts.isReturnStatement(c) || returnsSomewhere(c) ? true : undefined)) === true;
}

const THROWERS = new TreeMemo<ts.SourceFile, ReadonlyMap<string, ts.FunctionDeclaration>>();

/** The module's top-level functions that always throw: the last statement a `throw`, no `return` at their top level. */
function throwers(sf: ts.SourceFile): ReadonlyMap<string, ts.FunctionDeclaration> {
  let out = THROWERS.get(sf);
  if (out) return out;
  const found = new Map<string, ts.FunctionDeclaration>();
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name || !st.body) continue;
    const body = st.body.statements;
    const last = body[body.length - 1];
    if (last && ts.isThrowStatement(last) && !returnsSomewhere(st.body)) found.set(st.name.text, st);
  }
  out = found;
  THROWERS.set(sf, out);
  return out;
}

/**
 * `if (res.ok) { … } else { const err = await res.json(); errors.push(err.error || "failed") }`: the test is
 * the response's own `ok` and nothing else (an `&&` lets an ok response into the `else` too), so only a
 * failed response reaches the `else`, and its body is an error body whatever the branch does with it. A
 * comparison with one success status alone (`if (res.status === 200) { … } else { const { error } = await
 * res.json(); … }`, production dub's link builder, session 41) names the success the code expects the same way.
 */
function okTestOf(test: ts.Expression, read: ts.Node): boolean {
  const callee = ts.isCallExpression(read) ? read.expression : ts.isPropertyAccessExpression(read) ? read : undefined;
  const recv = callee && ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  return !!recv && ts.isIdentifier(recv) && onlySuccessTest(test, recv.text);
}

/** `res.ok` or `res.status === 200` (one success status) alone, of the response named `response`. */
export function onlySuccessTest(test: ts.Expression, response: string): boolean {
  const t = unwrap(test);
  if (ts.isPropertyAccessExpression(t)) return t.name.text === "ok" && ts.isIdentifier(unwrap(t.expression)) && (unwrap(t.expression) as ts.Identifier).text === response;
  if (!ts.isBinaryExpression(t) || (t.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && t.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) return false;
  return isPassedResponseTest(t, response);
}

/**
 * `if (res.status === 400) { const e = await res.json(); if (e.message?.includes("state")) res = await
 * fetch(other); }`: the branch replaces the failed response with another request's, so the failed
 * body only chose what to try next.
 */
function replacesResponse(branch: ts.Statement, read: ts.Node): boolean {
  const callee = ts.isCallExpression(read) ? read.expression : undefined;
  const recv = callee && ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (!recv || !ts.isIdentifier(recv)) return false;
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === recv.text) {
      const v = unwrap(n.right);
      return ts.isCallExpression(v) && isFetchCall(v);
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(branch);
}

/**
 * True below an `if (res.ok) { return … }` of the same response (no `else`), in the same or an
 * enclosing block: only a failed response gets there, and its body only words the failure.
 */
export function afterSuccessLeft(node: ts.Node, response: ts.Expression): boolean {
  const r = unwrap(response);
  if (!ts.isIdentifier(r)) return false;
  return leavingIfBefore(node, (st) => {
    const test = unwrap(st.expression);
    return ts.isPropertyAccessExpression(test) && test.name.text === "ok" && ts.isIdentifier(unwrap(test.expression)) && (unwrap(test.expression) as ts.Identifier).text === r.text;
  });
}

/**
 * `switch (response.status) { case 401: throw …; case 500: case 502: throw …; default: throw new ProviderError(errorMessage) }`:
 * a `default` clause, and every clause that has statements ending in a throw or a return.
 */
function switchExits(st: ts.Statement): boolean {
  if (!ts.isSwitchStatement(st)) return false;
  const clauses = st.caseBlock.clauses;
  if (!clauses.some(ts.isDefaultClause)) return false;
  return clauses.every((c, i) => {
    const last = c.statements[c.statements.length - 1];
    // An empty clause falls through to the next (`case 500: case 502:`); the last one may not be empty.
    if (!last) return i < clauses.length - 1;
    const end = ts.isBlock(last) ? last.statements[last.statements.length - 1] : last;
    return !!end && (ts.isThrowStatement(end) || ts.isReturnStatement(end));
  });
}

function exitsBlock(b: ts.Block): boolean {
  const last = b.statements[b.statements.length - 1];
  return !!last && (ts.isThrowStatement(last) || ts.isReturnStatement(last));
}

// A literal same-origin path to a `.json` file: no scheme, not `//host`, no query (`data.json`, `/data/menu.json`).
const STATIC_JSON_RE = /^(?![a-z][a-z\d+.-]*:|\/\/)[^?#:]*\.json$/i;

/**
 * The response of `fetch("data.json")`: a JSON file the site ships with itself, fetched by a
 * literal relative path (like an import of it), not input from elsewhere.
 */
function isStaticAsset(expr: ts.Expression): boolean {
  const u = fetchCallOf(expr)?.arguments[0];
  return !!u && ts.isStringLiteralLike(u) && STATIC_JSON_RE.test(u.text);
}

/**
 * `fetch(\`${SUPABASE_URL}/rest/v1/memories?…\`)`: the project's own database through its PostgREST
 * endpoint (the Supabase URL the function is configured with), rows the app wrote, like a
 * supabase-js select. Not input from elsewhere (debatable: another writer of the table would be).
 */
function ownPostgrestRows(expr: ts.Expression): boolean {
  const arg = fetchCallOf(expr)?.arguments[0];
  const u = arg && urlTemplate(unwrap(arg));
  if (!u || !ts.isTemplateExpression(u) || u.head.text !== "" || !u.templateSpans[0]!.literal.text.startsWith("/rest/v1/")) return false;
  const origin = unwrap(u.templateSpans[0]!.expression);
  const name = ts.isIdentifier(origin) ? origin.text : ts.isPropertyAccessExpression(origin) ? origin.name.text : "";
  // `CONFIG.supabase.url` (held round 32, khadum-webhook-final worker.js:140, labelled clean).
  const holder = ts.isPropertyAccessExpression(origin) ? unwrap(origin.expression) : undefined;
  const holderName = !holder ? "" : ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : "";
  return /^SUPABASE_URL$/i.test(name) || /^supabaseUrl$/.test(name) || (name === "url" && /^supabase$/i.test(holderName));
}

/**
 * The URL a fetch is handed: a template in the call, or a local holding one (`const url = \`…\``, a `let`
 * only appended to afterwards, `queryUrl += \`&name=…\``: held round 32, mentormatchmaking mentors/route.ts).
 */
function urlTemplate(u: ts.Expression): ts.Expression | undefined {
  if (!ts.isIdentifier(u)) return u;
  const b = findBinding(u);
  if (b?.kind !== "var" || b.element || !b.decl.initializer) return undefined;
  const list = b.decl.parent;
  if (!(ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const)) {
    // A `let` reassigned other than by `+=` may hold another URL by now.
    for (const ref of findRefs(u.text, scopeOf(list), b.decl.end)) {
      const p = ref.parent;
      if (p && ts.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return undefined;
    }
  }
  return unwrap(b.decl.initializer);
}

/**
 * `const storage = env.REMINDER_STORAGE.get(env.REMINDER_STORAGE.idFromName("default")); await storage.fetch(req)`: the
 * answer of a Durable Object of the project, through the stub its namespace binding hands out (`get` of an id made by
 * `idFromName`/`idFromString`/`newUniqueId`, or `getByName`): the app's own code answering from its own storage, not
 * input from elsewhere (retired held round 37, claude-code-reminder-bot `src/commands.ts:195`, `src/index.ts:103`,
 * labelled clean by both labellers).
 */
function durableObjectReply(expr: ts.Expression): boolean {
  const call = fetchCallOf(expr);
  const callee = call && unwrap(call.expression);
  if (!callee || !ts.isPropertyAccessExpression(callee) || callee.name.text !== "fetch") return false;
  return durableObjectStub(callee.expression, 0);
}

/** `ns.get(ns.idFromName(x))`, `ns.getByName(x)`, or a `const` holding one. */
function durableObjectStub(e: ts.Expression, depth: number): boolean {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) {
    const b = findBinding(x);
    return depth < 2 && b?.kind === "var" && !b.element && !!b.decl.initializer && (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const) !== 0 && durableObjectStub(b.decl.initializer, depth + 1);
  }
  if (!ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression)) return false;
  if (x.expression.name.text === "getByName") return x.arguments.length >= 1;
  return x.expression.name.text === "get" && x.arguments.length >= 1 && durableObjectId(x.arguments[0]!, 0);
}

/** `ns.idFromName(x)`, `ns.idFromString(x)`, `ns.newUniqueId()`, or a `const` holding one. */
function durableObjectId(e: ts.Expression, depth: number): boolean {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) {
    const b = findBinding(x);
    return depth < 2 && b?.kind === "var" && !b.element && !!b.decl.initializer && (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const) !== 0 && durableObjectId(b.decl.initializer, depth + 1);
  }
  return ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && /^(?:idFromName|idFromString|newUniqueId)$/.test(x.expression.name.text);
}

/** `await res.json()` / `(await fetch(u)).json()` on a fetch response. */
export function fetchJsonSource(call: ts.CallExpression, sf: ts.SourceFile, imported?: ImportedFn): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  // `{ success: true, ...res.json() }`: a promise spread, no field of the body goes anywhere (unresolved-spread.ts).
  if (spreadUnresolved(call) || !fetchCallOf(callee.expression, 0, imported) || inErrorBranch(call) || afterSuccessLeft(call, callee.expression) || isStaticAsset(callee.expression) || ownPostgrestRows(callee.expression) || durableObjectReply(callee.expression)) return undefined;
  return { caseId: "fetchJson", node: call, values: [call], kind: "structured", read: shortText(call, sf), channel: { kind: "throw" }, schemaSuffix: "Response" };
}

/**
 * A request config asking for bytes or text (`responseType: "arraybuffer"`, stream, blob, text):
 * the object literal itself, or a local variable initialised with one (`const config = { …,
 * responseType: "arraybuffer" }; axios(config)`).
 */
function rawResponseConfig(arg: ts.Expression): boolean {
  let a = unwrap(arg);
  if (ts.isIdentifier(a)) {
    const b = findBinding(a);
    if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return false;
    a = unwrap(b.decl.initializer);
  }
  return ts.isObjectLiteralExpression(a) && a.properties.some((p) => ts.isPropertyAssignment(p) && nameText(p.name) === "responseType" && ts.isStringLiteralLike(p.initializer) && p.initializer.text !== "json");
}

/**
 * An instance from a factory of the same file that returns `axios.create(…)`: `this.api().get(u)`
 * (a method of the enclosing class) or `api().get(u)` (a function declared in the file).
 */
function madeByAxiosCreate(recv: ts.Expression, sf: ts.SourceFile): boolean {
  if (!ts.isCallExpression(recv) || recv.arguments.length > 0) return false;
  const callee = recv.expression;
  let fn: ts.FunctionLikeDeclaration | undefined;
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = recv.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    fn = cls && ts.isClassLike(cls) ? cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && nameText(m.name) === callee.name.text) : undefined;
  } else if (ts.isIdentifier(callee)) {
    fn = sf.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === callee.text);
  }
  const body = fn?.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isAxiosCreate(unwrap(body as ts.Expression));
  const last = body.statements[body.statements.length - 1];
  return body.statements.length === 1 && !!last && ts.isReturnStatement(last) && !!last.expression && isAxiosCreate(unwrap(last.expression));
}

const classAxiosFields = new TreeMemo<ts.ClassLikeDeclaration, ReadonlySet<string>>();

/**
 * `this.client.get(u)` where the enclosing class holds an axios instance in that field: declared with
 * `axios.create(…)` as its initializer, or assigned one in the constructor (`this.client = axios.create(…)`).
 */
function classFieldAxios(recv: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(recv) || recv.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  let cls: ts.Node | undefined = recv.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return false;
  let fields = classAxiosFields.get(cls);
  if (!fields) {
    const names = new Set<string>();
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.initializer && isAxiosCreate(unwrap(m.initializer))) names.add(nameText(m.name) ?? "");
      if (!ts.isConstructorDeclaration(m) || !m.body) continue;
      for (const st of m.body.statements) {
        const x = ts.isExpressionStatement(st) ? st.expression : undefined;
        if (x && ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(x.left) && x.left.expression.kind === ts.SyntaxKind.ThisKeyword && isAxiosCreate(unwrap(x.right))) names.add(x.left.name.text);
      }
    }
    names.delete("");
    fields = names;
    classAxiosFields.set(cls, fields);
  }
  return fields.has(recv.name.text);
}

/**
 * @nestjs/axios's `HttpService` injected into the class (`constructor(private readonly http: HttpService)`):
 * `this.http.axiosRef` is its axios instance ("axios": `this.http.axiosRef.get(u)` answers an axios
 * response), and `this.http.get(u)` an Observable of one ("observable": `await firstValueFrom(…)`).
 */
function nestHttpCall(recv: ts.Expression): "axios" | "observable" | undefined {
  const service = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && injectedType(e, e.name.text) === "HttpService";
  if (ts.isPropertyAccessExpression(recv) && recv.name.text === "axiosRef") return service(unwrap(recv.expression)) ? "axios" : undefined;
  return service(recv) ? "observable" : undefined;
}

/** `x.then(cb)` / `x.catch(cb)` with `x` as the receiver: the link's call. */
function chainLink(top: ts.Node, name: string): { call: ts.CallExpression } | undefined {
  const q = top.parent;
  if (!q || !ts.isPropertyAccessExpression(q) || q.expression !== top || q.name.text !== name) return undefined;
  return q.parent && ts.isCallExpression(q.parent) && q.parent.expression === q ? { call: q.parent } : undefined;
}

/** The response's `data` in a callback: `res.data` reads of an identifier parameter. */
function responseData(name: ts.BindingName, body: ts.Node, values: ts.Node[]): void {
  if (!ts.isIdentifier(name)) return;
  for (const ref of findRefs(name.text, body, body.pos)) {
    const q = ref.parent;
    if (q && ts.isPropertyAccessExpression(q) && q.expression === ref && q.name.text === "data") values.push(q);
  }
}

/** True when `call` itself is an axios request (`axios(cfg)`, `axios.get(u)`, an `axios.create()` instance's). */
function isAxiosRequest(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): boolean {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text === "axios" && facts.modules.has("axios");
  if (!ts.isPropertyAccessExpression(e) || !AXIOS_METHODS.has(e.name.text)) return false;
  if (ts.isIdentifier(e.expression)) return e.expression.text === "axios" || facts.axiosInstances.has(e.expression.text);
  return facts.modules.has("axios") && (madeByAxiosCreate(unwrap(e.expression), sf) || classFieldAxios(unwrap(e.expression)));
}

const axiosWrappers = new TreeMemo<ts.SourceFile, Map<string, FunctionLike | boolean>>();

/**
 * A function of the module's top level whose every `return` hands back an axios request's response
 * (`async function makeRequestWithRetry(url, config) { try { return await axios.get(url, config); } catch … }`,
 * its own retry call aside): `await makeRequestWithRetry(u, cfg)` holds that response, and its `.data` is the
 * remote body, as for a fetch wrapper (held round 42, auto-ecom-api `tinyerp-sync.worker.ts:115`, `:135`).
 * The module's top-level functions are listed once per file; each is judged on its first call.
 */
function wrapsAxios(callee: ts.Identifier, facts: FileFacts, sf: ts.SourceFile): boolean {
  let fns = axiosWrappers.get(sf);
  if (!fns) {
    fns = new Map();
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name && st.body) fns.set(st.name.text, st);
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const init = d.initializer ? unwrap(d.initializer) : undefined;
          if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) fns.set(d.name.text, init);
        }
      }
    }
    axiosWrappers.set(sf, fns);
  }
  const fn = fns.get(callee.text);
  if (typeof fn === "boolean" || fn === undefined) return fn === true;
  const name = callee.text;
  const { returns, bare } = !fn.body ? { returns: [], bare: true } : ts.isBlock(fn.body) ? returnedValues(fn.body) : { returns: [fn.body], bare: false };
  const own = returns.filter((r) => !selfCall(r, name));
  const wraps = !bare && own.length > 0 && own.every((r) => {
    const x = unwrap(r);
    return ts.isCallExpression(x) && isAxiosRequest(x, facts, sf) && !x.arguments.some(rawResponseConfig);
  });
  fns.set(name, wraps);
  return wraps;
}

/** `axios.get(u)` (or an `axios.create()` instance): the response's `data` is the input. */
export function axiosSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const e = call.expression;
  const isAxios = isAxiosRequest(call, facts, sf) || (ts.isIdentifier(e) && e.text !== "axios" && facts.modules.has("axios") && wrapsAxios(e, facts, sf));
  const nest = !isAxios && ts.isPropertyAccessExpression(e) && AXIOS_METHODS.has(e.name.text) && facts.modules.has("@nestjs/axios") ? nestHttpCall(unwrap(e.expression)) : undefined;
  if (!isAxios && !nest) return undefined;
  // `{ responseType: "arraybuffer" }` (or stream, blob, text), inline or a local config object: bytes or text, not a parsed document.
  if (call.arguments.some(rawResponseConfig)) return undefined;
  let top: ts.Node = call;
  const values: ts.Node[] = [];
  for (;;) {
    while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent))) top = top.parent;
    // `await firstValueFrom(this.http.get(u))`: the Observable's one response.
    if (nest === "observable") {
      const p = top.parent;
      if (!p || !ts.isCallExpression(p) || p.arguments[0] !== top || !/^(?:firstValueFrom|lastValueFrom)$/.test(calleeName(p) ?? "")) return undefined;
      top = p;
      while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent))) top = top.parent;
    }
    // `await retryWithBackoff(async () => axios.post(u))`: the helper hands the same response back.
    const retry = retryAround(top);
    if (retry) { top = retry; continue; }
    // `axios.get(u).catch(…)`: the chain goes on with the response.
    const link = chainLink(top, "catch");
    if (link) { top = link.call; continue; }
    // `axios.get(u).then((res) => res)`: the same response, one step on.
    const then = chainLink(top, "then");
    const cb = then?.call.arguments[0];
    if (!then || !cb || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) break;
    const param = cb.parameters[0];
    if (param && ts.isIdentifier(param.name) && ts.isArrowFunction(cb) && ts.isIdentifier(cb.body) && cb.body.text === param.name.text) { top = then.call; continue; }
    // `axios.get(u).then((res) => res.data)`: the callback reads the response.
    if (param) responseData(param.name, cb.body, values);
    break;
  }
  const p = top.parent;
  let onceKey: string | undefined;
  if (p && ts.isPropertyAccessExpression(p) && p.name.text === "data") values.push(p);
  else if (p && ts.isVariableDeclaration(p) && p.initializer === top) {
    if (ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const prop = el.propertyName ?? el.name;
        if (ts.isIdentifier(prop) && prop.text === "data") values.push(el.name);
      }
    } else if (ts.isIdentifier(p.name)) {
      // `const res = await axios.get(u)`: only `res.data` is the remote input.
      for (const ref of findRefs(p.name.text, scopeOf(p), p.name.end)) {
        const q = ref.parent;
        if (q && ts.isPropertyAccessExpression(q) && q.expression === ref && q.name.text === "data") values.push(q);
      }
    }
  } else if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === top && ts.isIdentifier(p.left)) {
    // `let resp; if (…) resp = await axios.get(u); else resp = await axios.post(u, d); return resp.data`:
    // the `let` declared empty holds the response from here on; one input however many branches assign it.
    const b = findBinding(p.left);
    if (b?.kind !== "var" || b.element || b.decl.initializer) return undefined;
    for (const ref of findRefs(p.left.text, scopeOf(b.decl), p.end)) {
      const q = ref.parent;
      if (q && ts.isPropertyAccessExpression(q) && q.expression === ref && q.name.text === "data") values.push(q);
    }
    onceKey = `axios-let:${b.decl.pos}`;
  }
  if (values.length === 0) return undefined;
  // `const res = await axios.get(u)` … `res.data`: reported where the body is read, like `await res.json()`.
  // An error body read to word the failure (`if (res.status >= 400) throw new Error(res.data?.message)`) is not where the body is used.
  // (Every read in a failure branch that ends, `if (resp.status !== 200) { throwApiError(url, resp, resp.data); }` with
  // the function throwing: an error body only, like `await res.json()` read there; see inErrorBranch.)
  if (values.every((v) => inErrorBranch(v) && endsByThrower(v))) return undefined;
  const first = values.find((v) => !inErrorBranch(v)) ?? values[0]!;
  const below = ts.isPropertyAccessExpression(first) && sf.getLineAndCharacterOfPosition(first.getStart(sf)).line > sf.getLineAndCharacterOfPosition(call.getEnd()).line;
  return { caseId: "fetchJson", node: call, ...(below ? { reportAt: first } : {}), ...(onceKey ? { onceKey } : {}), values, kind: "structured", read: shortText(call, sf), channel: { kind: "throw" }, schemaSuffix: "Response" };
}
