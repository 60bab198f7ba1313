import { ts } from "../../engine/ts";

/**
 * `const parseHttpUrl = (url: string) => { try { const u = new URL(url); if (u.protocol !== "http:" &&
 * u.protocol !== "https:") throw new Error(INVALID_URL); return u; } catch { throw new
 * Error(INVALID_URL); } }` (production typebot parseEmailAttachments.ts:90): the try parses a URL,
 * throws an error itself when the parse does not pass its tests, and returns the parse; the catch
 * throws that very error. "Invalid URL" is all the cause would say, as for a try that only parses
 * (the URL-parse convention): the catch answers a parse failure the way the try answers a URL it
 * will not take. The tests only read (no call); the catch is that one `throw`.
 */
export function urlCheckedLikeTheCatch(clause: ts.CatchClause, t: ts.ThrowStatement): boolean {
  if (clause.block.statements.length !== 1 || clause.block.statements[0] !== t || !t.expression) return false;
  const want = flat(t.expression);
  const stmts = (clause.parent as ts.TryStatement).tryBlock.statements;
  if (stmts.length < 3) return false;
  const first = stmts[0]!;
  if (!ts.isVariableStatement(first) || first.declarationList.declarations.length !== 1) return false;
  const d = first.declarationList.declarations[0]!;
  const init = d.initializer;
  if (!ts.isIdentifier(d.name) || !init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "URL" || (init.arguments ?? []).some(callsBeyondCoercion)) return false;
  const name = d.name.text;
  const last = stmts[stmts.length - 1]!;
  if (!ts.isReturnStatement(last) || !last.expression || !readsOf(last.expression, name)) return false;
  return stmts.slice(1, -1).every((st) => {
    if (!ts.isIfStatement(st) || st.elseStatement || callsIn(st.expression)) return false;
    const then = ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement;
    return ts.isThrowStatement(then) && !!then.expression && flat(then.expression) === want;
  });
}

function flat(n: ts.Node): string {
  return n.getText().replace(/\s+/g, "");
}

function callsIn(n: ts.Node): boolean {
  return ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isAwaitExpression(n) || (ts.forEachChild(n, callsIn) ?? false);
}

/** `u`, `u.href`: the parse or a field of it. */
function readsOf(e: ts.Expression, name: string): boolean {
  if (ts.isIdentifier(e)) return e.text === name;
  return ts.isPropertyAccessExpression(e) && readsOf(e.expression, name);
}

// `String(value || "").trim()`: coercions of a string that cannot fail in practice.
const STRING_COERCION_RE = /^(?:trim|trimStart|trimEnd|toLowerCase|toUpperCase|toString)$/;

/** A call, `new` or `await` in `n`, other than `String(x)` and a string's own `trim()`/`toLowerCase()` (held round 26). */
export function callsBeyondCoercion(n: ts.Node): boolean {
  if (ts.isCallExpression(n)) {
    const c = n.expression;
    const coerces = (ts.isIdentifier(c) && c.text === "String" && n.arguments.length === 1) || (ts.isPropertyAccessExpression(c) && STRING_COERCION_RE.test(c.name.text) && n.arguments.length === 0);
    if (!coerces) return true;
  } else if (ts.isNewExpression(n) || ts.isAwaitExpression(n)) return true;
  return ts.forEachChild(n, callsBeyondCoercion) ?? false;
}

/**
 * `let url: URL; try { url = new URL(raw); } catch { return undefined; } if (url.protocol !==
 * "http:" && url.protocol !== "https:") return undefined;` (production karakeep
 * metascraper-safe-favicon.ts:22, InstagramRenderer.tsx:15): the try only parses a URL into a local,
 * and the `if` right after it tests that parse and takes the catch's very exit (`want`, spacing
 * aside): a URL that does not parse gets the answer the function gives a URL it will not take.
 * Only for a "none" exit, which the caller checks (the caller of this predicate decides that).
 */
export function urlCheckedAfterTheTry(tryStmt: ts.TryStatement, want: string): boolean {
  const left = parsedIntoLocal(tryStmt, isUrlParse);
  const list = tryStmt.parent;
  if (!left || !ts.isBlock(list)) return false;
  const next = list.statements[list.statements.indexOf(tryStmt) + 1];
  if (!next || !ts.isIfStatement(next) || !mentions(next.expression, left.text)) return false;
  const then = ts.isBlock(next.thenStatement) && next.thenStatement.statements.length === 1 ? next.thenStatement.statements[0]! : next.thenStatement;
  return flat(then) === want;
}

/** `url = new URL(raw)` as the try's one statement (no `finally`), where `parses` accepts the right side: the local assigned. */
export function parsedIntoLocal(tryStmt: ts.TryStatement, parses: (e: ts.Expression) => boolean): ts.Identifier | undefined {
  const stmts = tryStmt.tryBlock.statements;
  const only = stmts.length === 1 && !tryStmt.finallyBlock ? stmts[0]! : undefined;
  if (!only || !ts.isExpressionStatement(only) || !ts.isBinaryExpression(only.expression) || only.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const { left, right } = only.expression;
  return ts.isIdentifier(left) && parses(right) ? left : undefined;
}

/** `new URL(x)`, `new URL(x, base)`, `URL.parse(x)` with arguments that only read values. */
function isUrlParse(e: ts.Expression): boolean {
  const callee = ts.isNewExpression(e) || ts.isCallExpression(e) ? e.expression : undefined;
  const named = !!callee && ((ts.isNewExpression(e) && ts.isIdentifier(callee) && callee.text === "URL") || (ts.isCallExpression(e) && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "URL" && callee.name.text === "parse"));
  return named && !((e as ts.NewExpression | ts.CallExpression).arguments ?? []).some(callsBeyondCoercion);
}

function mentions(n: ts.Node, name: string): boolean {
  if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) return true;
  return ts.forEachChild(n, (c) => (mentions(c, name) ? true : undefined)) ?? false;
}
