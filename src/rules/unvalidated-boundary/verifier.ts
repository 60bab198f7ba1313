import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { accessesNamed, calleeName } from "../../engine/ast";
import { isLogCall } from "../../engine/fix-safety";
import { climb, enclosingFunction, findRefs, isConditionPosition, isFunctionLike, leaves, unwrap, type FunctionLike } from "./ast";
import { comparedWithDigest, isHashArg, isJwtVerifyArg, signedText } from "./token";

/** The function a call reaches: of its own module, a method of its own class, or imported from the project. */
export type CalleeOf = (call: ts.CallExpression) => FunctionLike | undefined;

/**
 * What a function of the project does with the value handed to it (the callee read, not its name):
 * - `signature`: every read of its parameter is a signature check of it (`jwt.verify(token, secret)`, jose's
 *   `jwtVerify`, an HMAC or a digest compared in constant time, `timingSafeEqual(Buffer.from(stored),
 *   Buffer.from(token))`), a presence test or a log line, or a hand-off to another such function (`return
 *   tokenService.verifyRefreshToken(token)`), or a comparison with a secret the deployment configures (`token.trim() ===
 *   process.env.VERIFY_TOKEN`, see comparedWithConfiguredSecret); a `typeof` test reads nothing of it; at least one check. Nothing of the value goes on (like the
 *   value handed straight to `jwt.verify`).
 * - `lookup`: its first read of the parameter is a bound parameter of a one-row lookup that matches any value
 *   as it is (a SQLite prepared statement, D1's `.bind(…)`, better-sqlite3's `.get(…)`, or a PostgREST `.eq`),
 *   and its answer on a miss is nothing (`if (!row) return null`, `return !!row`) or a throw: a verifier that
 *   looks the value up (`verifyEmailToken(token)`, `verifyTenantOwnership(db, userId, tenantId)`). The caller
 *   that ends the request on that empty answer has looked the value up first: only a value the store holds
 *   gets past (the look-up-first decision, read one hop into the helper).
 */
export type Verifier = "signature" | "lookup-throws" | "lookup";

const MAX_DEPTH = 3;

/** How the callee of `call` verifies the argument at `index`, if it does (see {@link Verifier}). */
export function verifierOf(call: ts.CallExpression, index: number, callee: CalleeOf, depth = 0): Verifier | undefined {
  if (depth > MAX_DEPTH || index < 0) return undefined;
  const fn = callee(call);
  if (!fn || depth > 0) return fn && readVerifier(fn, index, callee, depth);
  // Asked once per function and parameter at the top (every field read handed to the same callee asks again).
  const known = verifiers.get(fn);
  if (known?.has(index)) return known.get(index);
  const how = readVerifier(fn, index, callee, depth);
  let byIndex = known;
  if (!byIndex) verifiers.set(fn, (byIndex = new Map()));
  byIndex.set(index, how);
  return how;
}

const verifiers = new TreeMemo<FunctionLike, Map<number, Verifier | undefined>>();

/** How `fn` verifies its parameter at `index` (see {@link verifierOf}). */
function readVerifier(fn: FunctionLike, index: number, callee: CalleeOf, depth: number): Verifier | undefined {
  const param = fn.parameters[index];
  if (!fn.body || !param || !ts.isIdentifier(param.name) || param.dotDotDotToken) return undefined;
  const refs = findRefs(param.name.text, fn.body, fn.body.pos);
  if (refs.length === 0) return undefined;
  const looked = lookedUpIn(refs[0]!);
  if (looked) return looked;
  let checked = false;
  for (const ref of refs) {
    if (isJwtVerifyArg(ref) || isHashArg(ref) || signedText(ref) || comparedWithDigest(ref) || comparedWithConfiguredSecret(ref, fn.body)) checked = true;
    else if (isConditionPosition(climb(ref)) || logged(ref) || (ref.parent && ts.isTypeOfExpression(ref.parent))) continue;
    else {
      const top = climb(ref);
      const next = top.parent;
      if (!next || !ts.isCallExpression(next) || verifierOf(next, next.arguments.indexOf(top as ts.Expression), callee, depth + 1) !== "signature") return undefined;
      checked = true;
    }
  }
  return checked ? "signature" : undefined;
}

/**
 * The caller's side of a `lookup` verifier: the call's answer is bound to a name and the request ends when it
 * is empty (`const userId = await verifyPasswordResetToken(token); if (!userId) return { statusCode: 400, … }`),
 * or the call is itself the test (`if (!(await verifyOwnership(id))) return c.json(…, 403)`).
 */
export function answerTested(call: ts.CallExpression): boolean {
  let cur: ts.Node = call;
  while (cur.parent && (ts.isAwaitExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent))) cur = cur.parent;
  const p = cur.parent;
  if (p && ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) {
    const test = climb(p);
    return !!test.parent && ts.isIfStatement(test.parent) && test.parent.expression === test && leaves(test.parent.thenStatement);
  }
  const held = p && nextAfter(p, cur);
  return !!held?.next && ts.isIfStatement(held.next) && emptyTest(held.next.expression, held.name) && leaves(held.next.thenStatement);
}

/**
 * The first read of the parameter is a bound value of a one-row lookup (`const row = await db.prepare("… WHERE
 * token = ?").get(token)`, `.bind(tenantId, userId).first()`, `.from(t).select(…).eq("token", token).single()`)
 * whose miss the function answers with nothing or a throw before anything else.
 */
function lookedUpIn(ref: ts.Identifier): Verifier | undefined {
  const top = climb(ref);
  const at = top.parent;
  if (!at || !ts.isCallExpression(at) || !at.arguments.includes(top as ts.Expression) || !asItIs(at, top)) return undefined;
  // Up the chain to the statement: `await db.prepare(sql).bind(v).first()`.
  let cur: ts.Node = at;
  for (;;) {
    const p: ts.Node | undefined = cur.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === cur && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) cur = p.parent;
    else if (p && (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p))) cur = p;
    else break;
  }
  let last: ts.Expression = cur as ts.Expression;
  while (ts.isAwaitExpression(last) || ts.isParenthesizedExpression(last) || ts.isAsExpression(last)) last = last.expression;
  if (!ts.isCallExpression(last) || !ONE_ROW.has(calleeName(last) ?? "") || chainNames(last).some((n) => WRITES.test(n))) return undefined;
  const held = cur.parent && nextAfter(cur.parent, cur);
  const s = held?.next;
  if (!held || !s) return undefined;
  const row = held.name;
  // `return !!tenant`, `return Boolean(row)`, `return row !== null`: the answer is the lookup's verdict.
  if (ts.isReturnStatement(s) && s.expression && verdictOf(s.expression, row)) return "lookup";
  if (!ts.isIfStatement(s) || !emptyTest(s.expression, row)) return undefined;
  const end = ts.isBlock(s.thenStatement) ? s.thenStatement.statements[s.thenStatement.statements.length - 1] : s.thenStatement;
  if (end && ts.isThrowStatement(end)) return "lookup-throws";
  return end && ts.isReturnStatement(end) && (!end.expression || nothing(unwrap(end.expression))) ? "lookup" : undefined;
}

const ONE_ROW = new Set(["first", "get", "single", "maybeSingle"]);
const WRITES = /^(?:update\w*|delete\w*|insert\w*|upsert\w*|run|exec)$/;

/** The stores that match a bound value as it is: SQLite statements (D1, better-sqlite3, bun:sqlite) and PostgREST filters. */
function asItIs(at: ts.CallExpression, value: ts.Node): boolean {
  const names = chainNames(at);
  const name = calleeName(at) ?? "";
  if (names.includes("prepare") && (name === "bind" || ONE_ROW.has(name))) return placeholders(at);
  return name === "eq" && at.arguments[1] === value && names.includes("from") && names.includes("select");
}

/** The statement's SQL (`prepare("SELECT … WHERE token = ?")`) binds its values by placeholders. */
function placeholders(at: ts.CallExpression): boolean {
  for (let e: ts.Expression = at.expression; ts.isPropertyAccessExpression(e) || ts.isCallExpression(e); e = e.expression) {
    if (!ts.isCallExpression(e) || calleeName(e) !== "prepare") continue;
    const sql = e.arguments[0] && unwrap(e.arguments[0]);
    return !!sql && ts.isStringLiteralLike(sql) && /^\s*select\b/i.test(sql.text) && /(?:\?|\$\d|:\w)/.test(sql.text);
  }
  return false;
}

/** The method names of a call chain, from `at` down (`db.prepare(sql).bind(v)` → `bind`, `prepare`). */
function chainNames(at: ts.CallExpression): string[] {
  const out: string[] = [];
  for (let e: ts.Expression = at; ts.isPropertyAccessExpression(e) || ts.isCallExpression(e); e = e.expression) if (ts.isCallExpression(e)) out.push(calleeName(e) ?? "");
  return out;
}

/** `!row`, `!row || row.used`, `row === null`, `row == undefined`. */
function emptyTest(e: ts.Expression, name: string): boolean {
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return emptyTest(x.left, name) || emptyTest(x.right, name);
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) return isName(x.operand, name);
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
    return (isName(x.left, name) && nothing(unwrap(x.right))) || (isName(x.right, name) && nothing(unwrap(x.left)));
  }
  return false;
}

/** `!!row`, `Boolean(row)`, `row !== null`, `row != null`. */
function verdictOf(e: ts.Expression, name: string): boolean {
  const x = unwrap(e);
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = unwrap(x.operand);
    return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && isName(inner.operand, name);
  }
  if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === "Boolean") return x.arguments.length === 1 && isName(x.arguments[0]!, name);
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) {
    return (isName(x.left, name) && nothing(unwrap(x.right))) || (isName(x.right, name) && nothing(unwrap(x.left)));
  }
  return false;
}

function isName(e: ts.Expression, name: string): boolean {
  const x = unwrap(e);
  return ts.isIdentifier(x) && x.text === name;
}

/** `null`, `undefined`, `false`. */
function nothing(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/** The value is an argument of a log call (`console.error("bad token", token)`). */
// String normalizations a presented secret may go through before it is compared (`token.trim()`).
const NORMALIZERS = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "normalize"]);
// A setting of the deployment: `process.env.X`, Deno's and Bun's, a Worker's `env.X`, a config module's `config.x`.
const CONFIGURED_RE = /\b(?:process\.env|Bun\.env|import\.meta\.env)\b|\bDeno\.env\.get\(|^(?:this\.)?env\.[A-Z]/;
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/**
 * The parameter, as it is or normalized (`token.trim()`, also through a `const` of the function whose other
 * reads are tests), is compared with a secret the deployment configures (`process.env.WHATSAPP_VERIFY_TOKEN`,
 * directly or through a `const` of the function built from it): a shared secret the caller presents, checked.
 * Nothing of it goes on (held round 43: ai-voice-agent-backend's `isValidVerifyToken`, Meta's webhook handshake).
 */
function comparedWithConfiguredSecret(ref: ts.Node, body: ts.Node): boolean {
  let value = climb(ref);
  for (;;) {
    const p = value.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== value || !NORMALIZERS.has(p.name.text) || !p.parent || !ts.isCallExpression(p.parent) || p.parent.expression !== p) break;
    value = climb(p.parent);
  }
  const d = value.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== value) return comparedWithConfigured(value, body);
  if (!ts.isIdentifier(d.name) || !(d.parent.flags & ts.NodeFlags.Const)) return false;
  let compared = false;
  for (const r of findRefs(d.name.text, body, d.end)) {
    const top = climb(r);
    if (comparedWithConfigured(top, body)) compared = true;
    else if (!isConditionPosition(top) && !logged(r)) return false;
  }
  return compared;
}

function comparedWithConfigured(value: ts.Node, body: ts.Node): boolean {
  const p = value.parent;
  if (!p || !ts.isBinaryExpression(p) || !EQUALITY.has(p.operatorToken.kind)) return false;
  const other = unwrap(p.left === value ? p.right : p.left);
  if (CONFIGURED_RE.test(other.getText())) return true;
  if (!ts.isIdentifier(other)) return false;
  // `const expected = (process.env.WHATSAPP_VERIFY_TOKEN || "").trim();` in the function.
  let configured = false;
  const visit = (n: ts.Node): void => {
    if (configured) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === other.text && n.initializer && n.parent.flags & ts.NodeFlags.Const) configured = CONFIGURED_RE.test(n.initializer.getText());
    else n.forEachChild(visit);
  };
  visit(body);
  return configured;
}

function logged(ref: ts.Node): boolean {
  const top = climb(ref);
  const p = top.parent;
  return !!p && ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression) && isLogCall(p);
}

function logLine(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && isLogCall(s.expression);
}

/** `this.validateToken(t)`: the method of the class around the call. */
export function ownClassMethod(call: ts.CallExpression): FunctionLike | undefined {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e) || e.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.Node | undefined = call.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of (cls as ts.ClassLikeDeclaration).members) if (ts.isMethodDeclaration(m) && m.body && ts.isIdentifier(m.name) && m.name.text === e.name.text) return m;
  return undefined;
}

/**
 * `const expected = crypto.createHmac("sha256", secret).update(body).digest("hex"); if (expected !== signature) return
 * res.status(401)…`: the raw body's HMAC compared with the value the request carries, the request ended on a mismatch,
 * right after (log lines aside). Only a body the provider signed gets past: what is parsed of it after is a signed
 * payload (the docs' hand-rolled HMAC check, held round 27's Slack body; held round 37's Razorpay webhook).
 * `call` is the `update(body)` of the HMAC.
 */
export function hmacGated(call: ts.CallExpression, arg: ts.Node): boolean {
  if (calleeName(call) !== "update" || call.arguments[0] !== arg || !ts.isPropertyAccessExpression(call.expression)) return false;
  const made = unwrap(call.expression.expression);
  if (!ts.isCallExpression(made) || calleeName(made) !== "createHmac") return false;
  // Up to the digest: `….update(body).digest("hex")`.
  const access = call.parent;
  const digest = access && ts.isPropertyAccessExpression(access) && access.name.text === "digest" && access.parent && ts.isCallExpression(access.parent) ? access.parent : undefined;
  if (!digest) return false;
  let top: ts.Node = digest;
  while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent))) top = top.parent;
  // `"sha256=" + createHmac(…).update(body).digest("hex")`: GitHub's prefix before the digest.
  const plus = top.parent;
  if (plus && ts.isBinaryExpression(plus) && plus.operatorToken.kind === ts.SyntaxKind.PlusToken && plus.right === top && ts.isStringLiteralLike(unwrap(plus.left))) top = plus;
  const held = top.parent && nextAfter(top.parent, top);
  const s = held?.next;
  return !!s && ts.isIfStatement(s) && !s.elseStatement && leaves(s.thenStatement) && mismatchTest(unwrap(s.expression), held.name);
}

/** `const sig = req.headers["x-signature"]`: a `const` of other names, whose values do not read `name`. */
function otherDeclaration(st: ts.Statement, name: string): boolean {
  if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) return false;
  return st.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.name.text !== name && !!d.initializer && findRefs(name, d.initializer, d.initializer.pos).length === 0);
}

/**
 * `d` is `const name = <value>` as a statement of a block: the name, and the statement after it (log lines skipped),
 * where the code tests what it holds.
 */
function nextAfter(d: ts.Node, value: ts.Node): { name: string; next: ts.Statement | undefined } | undefined {
  if (!ts.isVariableDeclaration(d) || d.initializer !== value || !ts.isIdentifier(d.name)) return undefined;
  const stmt = d.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return undefined;
  // (Also past the declaration of the value it is compared with: `const paystackSignature = req.headers["x-paystack-signature"]`.)
  const name = d.name.text;
  return { name, next: block.statements.slice(block.statements.indexOf(stmt) + 1).find((x) => !logLine(x) && !otherDeclaration(x, name)) };
}

/** `expected !== signature`, `signature != expected`, `!timingSafeEqual(Buffer.from(expected), Buffer.from(sig))`, or one operand of an `||`. */
function mismatchTest(e: ts.Expression, name: string): boolean {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) return mismatchTest(unwrap(e.left), name) || mismatchTest(unwrap(e.right), name);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) {
    const [a, b] = [unwrap(e.left), unwrap(e.right)];
    return (isName(a, name) && !ts.isLiteralExpression(b)) || (isName(b, name) && !ts.isLiteralExpression(a));
  }
  if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return false;
  const c = unwrap(e.operand);
  if (!ts.isCallExpression(c) || calleeName(c) !== "timingSafeEqual") return false;
  const holds = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === name) || ts.forEachChild(n, holds) === true;
  return c.arguments.some(holds);
}

/**
 * `const body = await c.req.text(); const isValid = await verifyGitHubSignature(body, signature, secret); if (!isValid)
 * return c.json(…, 401); const payload = JSON.parse(body)`: the raw text handed, before its parse, to a function of the
 * project that checks its signature (every read of the parameter an HMAC or digest check, see {@link verifierOf}) whose
 * answer ends the request when it fails, or the text's own HMAC compared at once (see {@link hmacGated}). Only a body the
 * provider signed gets past: what is parsed of it is a signed payload (round 27's decision; held round 44's linear-agent
 * `src/handlers/github-webhook.ts:38`, decided clean). The check has to run on every path: a statement of a block the
 * parse is in (`if (secret) { … }` around it leaves the unsigned body on the other path, retired held round 40's
 * wacapi webhook, decided finding).
 */
export function signedBeforeParse(parse: ts.CallExpression, callee: CalleeOf | undefined): boolean {
  const text = parse.arguments[0] && unwrap(parse.arguments[0]);
  if (!text) return false;
  const fn = enclosingFunction(parse);
  if (!fn?.body) return false;
  // `JSON.parse(req.body)` of a raw body whose HMAC `createHmac(…).update(req.body)` matched the signature first (retired
  // round 46, Payflow-api `PaystackController.js:19`, clean, debatable): the same read of the request, as for a local.
  const reads = ts.isIdentifier(text) ? findRefs(text.text, fn.body, fn.body.pos) : ts.isPropertyAccessExpression(text) && ts.isIdentifier(text.expression) ? accessesNamed(fn.body, text.name.text).filter((a) => ts.isIdentifier(a.expression) && a.expression.text === (text.expression as ts.Identifier).text) : [];
  for (const ref of reads) {
    if (ref.pos >= text.pos) break;
    const top = climb(ref);
    const call = top.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(top as ts.Expression) || !alwaysRunsBefore(call, parse)) continue;
    if (hmacGated(call, top)) return true;
    if (callee && verifierOf(call, call.arguments.indexOf(top as ts.Expression), callee) === "signature" && answerTested(call)) return true;
  }
  return false;
}

const SHORT_CIRCUITS = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/** The statement holding `call` is one of a block that holds `later` too, before it: it runs on every path to it. */
function alwaysRunsBefore(call: ts.Node, later: ts.Node): boolean {
  let st: ts.Node = call;
  while (st.parent && !ts.isBlock(st.parent)) {
    if (ts.isIfStatement(st.parent) || ts.isConditionalExpression(st.parent) || isFunctionLike(st.parent)) return false;
    if (ts.isBinaryExpression(st.parent) && st.parent.right === st && SHORT_CIRCUITS.has(st.parent.operatorToken.kind)) return false;
    st = st.parent;
  }
  const block = st.parent;
  return !!block && later.pos >= block.pos && later.end <= block.end && st.end <= later.pos;
}
