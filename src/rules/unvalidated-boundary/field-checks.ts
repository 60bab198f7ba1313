import { ts } from "../../engine/ts";
import { accessesNamed, calleeName, isFailedResponseTest } from "../../engine/ast";
import { climb, enclosingFunction, findBinding, findRefs, isConditionPosition, isFunctionLike, leaves, nameText, scopeOf, unwrap } from "./ast";
import { onlyPresenceOrVerify } from "./token";
import { onlySuccessTest } from "./frameworks/fetch";

// Reads of a structured input's field that check it, or take nothing of it on (see fieldNotUsed
// in flow.ts). Found on the retired held round 15 (issue 11): a PIN only hashed, a presence test
// before a `typeof` or a regex of the same field, a key read into a `let` and `typeof`-checked.

/** The field's text with optional links made plain (`body?.pin` → `body.pin`), or undefined when too long to compare. */
export function fieldKey(e: ts.Node, sf: ts.SourceFile): string | undefined {
  const key = e.getText(sf).replace(/\?\./g, ".");
  return key.length > 80 || /[(\s]/.test(key) ? undefined : key;
}

/** `/^\d{4,8}$/.test(x)`, `PIN_RE.test(x)`: a regex literal's (or a named regex's) `test`, with `use` its argument. */
export function isRegexTest(q: ts.Node, use: ts.Node): boolean {
  if (!ts.isCallExpression(q) || q.arguments[0] !== use || calleeName(q) !== "test" || !ts.isPropertyAccessExpression(q.expression)) return false;
  const re = unwrap(q.expression.expression);
  return ts.isRegularExpressionLiteral(re) || (ts.isIdentifier(re) && /(?:RE|Re|Regex|REGEX|Regexp|RegExp|Pattern|PATTERN)$/.test(re.text));
}

/** `!x` (negated) or `x` (plain) operands of a chain of one operator, left to right. */
function operands(e: ts.Expression, op: ts.SyntaxKind, out: ts.Expression[]): ts.Expression[] {
  const x = ts.isParenthesizedExpression(e) ? e.expression : e;
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === op) {
    operands(x.left, op, out);
    operands(x.right, op, out);
  } else out.push(x);
  return out;
}

/**
 * True when `base` is tested for truthiness before `at` in the chain around it, so that a read of
 * its field there cannot crash: `!base || !base.x` (negated before `||`), `base && base.x`.
 */
function truthyBefore(base: string, at: ts.Node, sf: ts.SourceFile): boolean {
  let cur = at;
  for (let n = at.parent; n && (ts.isBinaryExpression(n) || ts.isParenthesizedExpression(n) || ts.isPrefixUnaryExpression(n)); cur = n, n = n.parent) {
    if (!ts.isBinaryExpression(n) || n.right !== cur) continue;
    const op = n.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.AmpersandAmpersandToken) continue;
    for (const o of operands(n.left, op, [])) {
      const negated = ts.isPrefixUnaryExpression(o) && o.operator === ts.SyntaxKind.ExclamationToken;
      if (negated !== (op === ts.SyntaxKind.BarBarToken)) continue;
      if (fieldKey(unwrap(negated ? (o as ts.PrefixUnaryExpression).operand : o), sf) === base) return true;
    }
  }
  return false;
}

/**
 * `req.body && Object.keys(req.body).length`, `if (!body || Object.keys(body).length === 0) return …`: the keys of an
 * input present by the test before it in the same chain, only counted. A number comes out, no field's value (round 47,
 * actual-mcp-server's JSON-RPC route, whose body then goes whole to the MCP SDK transport).
 */
export function keysOnlyCounted(call: ts.CallExpression, arg: ts.Node, sf: ts.SourceFile): boolean {
  const given = call.arguments.length === 1 ? unwrap(call.arguments[0]!) : undefined;
  // `Object.keys(req.body || {}).length`: an empty object stands in for a missing body.
  const defaulted = !!given && ts.isBinaryExpression(given) && (given === arg || unwrap(given.left) === arg) && (given.operatorToken.kind === ts.SyntaxKind.BarBarToken || given.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && ts.isObjectLiteralExpression(unwrap(given.right));
  if (given !== arg && !defaulted) return false;
  const top = climb(call);
  const p = top.parent;
  if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== top || p.name.text !== "length") return false;
  const base = fieldKey(arg, sf);
  return defaulted || (!!base && truthyBefore(base, climb(p), sf));
}

/**
 * `if (!req.body || !req.body.Body || !req.body.Body.stkCallback) return …`: a truthiness test of
 * a field whose every object on the way is tested first in the same chain (or reached by `?.`)
 * cannot crash, and only decides a boolean. `end` is the chain's last link from `p` on, `test` the
 * condition operand it reads as (its `climb`).
 */
export function presenceChained(p: ts.PropertyAccessExpression, end: ts.PropertyAccessExpression, test: ts.Node, sf: ts.SourceFile): boolean {
  for (let a: ts.Expression = end; ; a = (a as ts.PropertyAccessExpression).expression) {
    if (!ts.isPropertyAccessExpression(a)) return false;
    if (!a.questionDotToken) {
      const base = fieldKey(a.expression, sf);
      if (!base || !truthyBefore(base, test, sf)) return false;
    }
    if (a === p) return true;
  }
}

/**
 * `if (!body.values || typeof body.values !== "object") return …`, `if (!body.pin ||
 * !/^\d{4,8}$/.test(body.pin)) return …`: a truthiness test of the field in the condition that
 * checks the field itself is part of that check.
 */
export function checkedInOwnCondition(use: ts.Node, p: ts.PropertyAccessExpression | ts.ElementAccessExpression, sf: ts.SourceFile): boolean {
  const key = fieldKey(p, sf);
  if (!key) return false;
  let cond: ts.Node = use;
  while (cond.parent && (ts.isBinaryExpression(cond.parent) || ts.isParenthesizedExpression(cond.parent) || ts.isPrefixUnaryExpression(cond.parent))) cond = cond.parent;
  const st = cond.parent;
  if (!st || !ts.isIfStatement(st) || st.expression !== cond) return false;
  const text = cond.getText(sf).replace(/\?\./g, ".");
  return text.includes(`typeof ${key}`) || text.includes(`.test(${key})`) || CHECK_METHODS.some((m) => text.includes(`.${m}(${key})`));
}

/**
 * `pin = body.pin` into a `let` declared outside (`let apiKey; try { apiKey = (await req.json()).apiKey } catch { … }`):
 * like `const apiKey = body.apiKey`, no use when the first decisive read of the variable from
 * there on is a check (`typeof apiKey !== "string"`), or there is none. `judge` is analyzeValue
 * on a read of the variable.
 */
export function assignedLetDecided(use: ts.Node, q: ts.BinaryExpression, judge: (ref: ts.Node) => { kind: string } | undefined): boolean {
  if (q.operatorToken.kind !== ts.SyntaxKind.EqualsToken || q.right !== use || !ts.isIdentifier(q.left)) return false;
  const b = findBinding(q.left);
  if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return false;
  for (const ref of findRefs(q.left.text, scopeOf(b.decl), q.end)) {
    const r = ref.parent;
    if (r && ts.isBinaryExpression(r) && r.left === ref && r.operatorToken.kind === ts.SyntaxKind.EqualsToken) continue;
    const o = judge(ref);
    if (o) return o.kind === "validated";
  }
  return true;
}

/**
 * `if (!body.pin) return …; const hash = await sha256Hex(body.pin)`: every read of the field in
 * its function tests its presence or hands it to a hash or a signature check, at least one: only
 * the digest goes on (see onlyPresenceOrVerify).
 */
export function onlyPresenceOrHashed(p: ts.PropertyAccessExpression, sf: ts.SourceFile): boolean {
  const fn = enclosingFunction(p);
  const key = fieldKey(p, sf);
  if (!fn?.body || !key) return false;
  // The outermost reads of the same field (a read inside another is part of it).
  const reads: ts.Node[] = [];
  for (const n of accessesNamed(fn.body, p.name.text)) {
    const last = reads[reads.length - 1];
    if (fieldKey(n, sf) !== key || (last && n.pos >= last.pos && n.end <= last.end)) continue;
    reads.push(n);
  }
  return onlyPresenceOrVerify(reads);
}

const COERCE_FNS = new Set(["Number", "String", "parseInt", "parseFloat"]);
// What a string's own methods return: a string again (`String(x).trim().toLowerCase()`).
const STRING_RESULTS = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "normalize", "slice", "substring"]);

/**
 * `const id = Number(body.id)`, `const text = String(body.text || "").trim()`: the declaration of a
 * local holding a coerced copy of the field (`use` is the field read, `q` its parent), or undefined.
 * Like `const id = body.id`, the field is decided where the local is (a scalar from there on).
 */
export function coercedLocal(use: ts.Node, q: ts.Node): ts.VariableDeclaration | undefined {
  if (!ts.isCallExpression(q) || q.arguments[0] !== use || !ts.isIdentifier(q.expression) || !COERCE_FNS.has(q.expression.text)) return undefined;
  let cur = climb(q);
  for (let i = 0; i < 6; i++) {
    const p = cur.parent;
    // `parseFloat(String(first.lat))`: a coercion of the coercion is the field's coerced copy too.
    if (p && ts.isCallExpression(p) && p.arguments[0] === cur && ts.isIdentifier(p.expression) && COERCE_FNS.has(p.expression.text)) {
      cur = climb(p);
      continue;
    }
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== cur || !STRING_RESULTS.has(p.name.text) || !p.parent || !ts.isCallExpression(p.parent) || p.parent.expression !== p) break;
    cur = climb(p.parent);
  }
  const d = cur.parent;
  return d && ts.isVariableDeclaration(d) && d.initializer === cur && ts.isIdentifier(d.name) ? d : undefined;
}

/** `Number(q) || null`, `parseInt(q, 10) || 1`: a numeric coercion whose NaN (and 0) the code replaces with its own value. */
export function nanReplaced(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name !== "Number" && name !== "parseInt" && name !== "parseFloat") return false;
  let cur: ts.Node = call;
  while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  const p = cur.parent;
  return !!p && ts.isBinaryExpression(p) && p.left === cur && p.operatorToken.kind === ts.SyntaxKind.BarBarToken;
}

export const PAGING_CALLS = new Set(["limit", "skip", "offset", "take", "range"]);
export const PAGING_NAME_RE = /^(?:limit|skip|offset|take|first|last|page|pageSize|perPage|per_page|page_size|size|count|top)$/i;

/** The number sizes or offsets a query: `.limit(n)`, `take: n`, `const limit = …`. */
export function sizesQuery(call: ts.CallExpression, at: ts.Node): boolean {
  if (ts.isCallExpression(at) && PAGING_CALLS.has(calleeName(at) ?? "")) return true;
  const p = climb(call).parent;
  if (!p) return false;
  const name = ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p) ? nameText(p.name) : undefined;
  return !!name && PAGING_NAME_RE.test(name);
}

/**
 * `const json = await res.json(); if (!res.ok) { const msg = json.error_message || "failed"; …;
 * throw new Error(msg) }`: a field of a response's body read inside the failure branch of that
 * same response (a branch that ends in `throw` or `return`) only words the failure, although the
 * body was read before the test (what the success path does with the body is judged on its own).
 */
export function readInFailureBranch(p: ts.PropertyAccessExpression): boolean {
  const base = unwrap(p.expression);
  const b = ts.isIdentifier(base) ? findBinding(base) : undefined;
  if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return false;
  let init = unwrap(b.decl.initializer);
  // `await res.json().catch(() => ({}))`
  if (ts.isCallExpression(init) && calleeName(init) === "catch" && ts.isPropertyAccessExpression(init.expression)) init = unwrap(init.expression.expression);
  if (!ts.isCallExpression(init) || calleeName(init) !== "json" || !ts.isPropertyAccessExpression(init.expression)) return false;
  const response = unwrap(init.expression.expression);
  if (!ts.isIdentifier(response)) return false;
  let cur: ts.Node = p;
  for (let n = p.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    // The `else` of `if (res.ok)` (or of one success status alone): only a failed response gets there; like the
    // failure branch below, it must end (`setProfile(data.user)` there keeps a field: production linkwarden, a use).
    if (ts.isIfStatement(n) && n.elseStatement === cur && onlySuccessTest(n.expression, response.text)) return leaves(n.elseStatement);
    if (!ts.isIfStatement(n) || n.thenStatement !== cur || !isFailedResponseTest(n.expression, response.text)) continue;
    return leaves(n.thenStatement);
  }
  return false;
}

// Scalar checks by method: `validator.isEmail(x)`, `ROLES.includes(x)`, `ALLOWED.has(x)`, `Number.isInteger(x)`.
const CHECK_METHODS = ["isEmail", "isUUID", "isURL", "isInt", "isAlphanumeric", "isMongoId", "isValidObjectId", "isMobilePhone", "isInteger", "isSafeInteger", "isFinite", "includes", "has"];
const CHECK_METHOD_SET = new Set(CHECK_METHODS);
// A function named for an allowlist test of its argument: `isAllowedOrigin(url)`, `isTrustedHost(h)`.
const ALLOWLIST_CHECK = "is(?:Allowed|Trusted|Whitelisted|Allowlisted)[A-Z][\\w$]*";
const ALLOWLIST_CHECK_RE = new RegExp(`^${ALLOWLIST_CHECK}$`);

/** `validator.isEmail(body.email)`, `ROLES.includes(body.role)`, `isAllowedOrigin(body.url)` in a condition: a check of the field, like a regex test. */
export function isCheckMethodArg(q: ts.Node, use: ts.Node): boolean {
  if (!ts.isCallExpression(q) || q.arguments[0] !== use || !isConditionPosition(climb(q))) return false;
  return ts.isPropertyAccessExpression(q.expression) ? CHECK_METHOD_SET.has(q.expression.name.text) || ALLOWLIST_CHECK_RE.test(q.expression.name.text) : ALLOWLIST_CHECK_RE.test(calleeName(q) ?? "");
}

/**
 * `if (!validator.isEmail(body.email)) return …`, `if (!ROLES.includes(body.role)) throw …`: an
 * exiting `if` (no `else`) before the read, in its block or an enclosing one, whose condition holds
 * the negated check of the same field: only values the check accepts get to the read. Not negated
 * (`if (BLOCKED.includes(body.role)) return`), it only sets some values aside.
 */
export function negatedCheckBefore(p: ts.PropertyAccessExpression, sf: ts.SourceFile): boolean {
  const key = fieldKey(p, sf);
  if (!key) return false;
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Also a function named for an allowlist (`isAllowedSyncUXOrigin(json.applyUrl as string)`, production dub, session 41).
  const re = new RegExp(`!\\s*(?:[\\w$]+\\.)*(?:${CHECK_METHODS.join("|")}|${ALLOWLIST_CHECK})\\(${esc}(?:\\s+as\\s+[\\w$.]+)?\\)`);
  let cur: ts.Node = p;
  for (let n = p.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st.pos >= cur.pos) break;
      if (!ts.isIfStatement(st) || st.elseStatement) continue;
      if (leaves(st.thenStatement) && re.test(st.expression.getText(sf).replace(/\?\./g, "."))) return true;
    }
  }
  return false;
}
