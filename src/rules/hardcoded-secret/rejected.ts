/**
 * Values the code itself refuses (issue 11, held round 14): a startup check that compares a
 * secret setting with a literal and fails on a match,
 *
 *   secret: process.env.JWT_SECRET || "change-this",
 *   …
 *   if (!config.jwt.secret || config.jwt.secret === "change-this") errors.push("JWT_SECRET must be set");
 *   if (errors.length > 0) throw new Error(errors.join(", "));
 *
 * The fallback cannot reach production (the app stops on it) and the compared literal is a value
 * the secret must not have, never a credential: knowing it grants nothing. Only a positive
 * equality (`===`, `==`) under `&&`/`||` counts, whose `if` throws, exits or collects an error
 * that a later test of the same list throws or exits on; `password !== "hunter2"` followed by a
 * throw is a login check, a credential. The comparison may also be kept in a `const` flag that
 * such an `if` tests (held round 16: `const usingDefaultCreds = password === "…"`, then
 * `if (isProductionRun && usingDefaultCreds) process.exit(…)`). The file is walked once, lazily,
 * only when a candidate literal needs the answer.
 */
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { normalizeName } from "./names";

/** Literal text → normalised names of the settings compared with it in a check that fails on a match. */
export type RejectedValues = ReadonlyMap<string, ReadonlySet<string>>;

const EXIT_RE = /^(?:process|Deno)\.exit$/;

/** Names a read of a setting answers to: `config.jwt.secret` → `secret`, `process.env.JWT_SECRET` → `jwtsecret`, `Deno.env.get("X")` → `x`. */
function readNameOf(e: ts.Expression): string | undefined {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return normalizeName(e.text);
  if (ts.isPropertyAccessExpression(e)) return normalizeName(e.name.text);
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return normalizeName(e.argumentExpression.text);
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0]!) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "get") {
    return normalizeName(e.arguments[0].text);
  }
  return undefined;
}

/** True when `n` sits in a function or class nested inside `root`: what it does is not what `root` does. */
function nested(n: ts.Node, root: ts.Node): boolean {
  if (n === root) return false;
  for (let p = n.parent; p && p !== root; p = p.parent) if (ts.isFunctionLike(p) || ts.isClassLike(p)) return true;
  return false;
}

/** The nodes below `root` (iterative: deep nesting cannot overflow the stack). */
function nodesOf(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  walk(root, (n) => out.push(n));
  return out;
}

/** True when the statement stops the program: a `throw`, or `process.exit(…)`/`Deno.exit(…)`, not inside a nested function. */
function stops(s: ts.Node): boolean {
  return nodesOf(s).some((n) => (ts.isThrowStatement(n) || (ts.isCallExpression(n) && EXIT_RE.test(n.expression.getText()))) && !nested(n, s));
}

/** Identifiers the statement pushes onto: `errors.push("…")` → `errors`. */
function pushedLists(s: ts.Node): string[] {
  const out: string[] = [];
  for (const n of nodesOf(s)) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "push" && ts.isIdentifier(n.expression.expression) && !nested(n, s)) out.push(n.expression.expression.text);
  }
  return out;
}

/** The body an `if` sits in: its function, else the file. */
function scopeOf(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
  return n.getSourceFile();
}

/** True when a later `if` in the same scope tests `list` and stops: `if (errors.length > 0) throw …`. */
function listStops(list: string, after: ts.IfStatement): boolean {
  const re = new RegExp(`(?<![\\w$.])${list.replace(/\$/g, "\\$")}(?![\\w$])`);
  const scope = scopeOf(after);
  return nodesOf(scope).some((n) => ts.isIfStatement(n) && n.pos >= after.end && !nested(n, scope) && re.test(n.expression.getText()) && stops(n.thenStatement));
}

/** True when the `if`'s branch taken on a match stops the program, directly or through an error list. */
function fails(stmt: ts.IfStatement): boolean {
  return stops(stmt.thenStatement) || pushedLists(stmt.thenStatement).some((list) => listStops(list, stmt));
}

/** Every `read === "literal"` in an `if` condition (under `&&`, `||` and parentheses only) whose branch fails on a match. */
export function rejectedValues(sf: ts.SourceFile): RejectedValues {
  const out = new Map<string, Set<string>>();
  const equalities: ts.BinaryExpression[] = [];
  const ifs: ts.IfStatement[] = [];
  walk(sf, (n) => {
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) equalities.push(n);
    else if (ts.isIfStatement(n)) ifs.push(n);
  });
  const add = (literal: string, read: string) => {
    let names = out.get(literal);
    if (!names) out.set(literal, (names = new Set()));
    names.add(read);
  };
  // `const usingDefault = password === "…"`, then `if (isProduction && usingDefault) process.exit(…)`: the flag → its comparisons.
  const flags = new Map<string, { literal: string; read: string }[]>();
  for (const n of equalities) {
    const literal = ts.isStringLiteralLike(n.right) ? n.right : ts.isStringLiteralLike(n.left) ? n.left : undefined;
    const read = literal === undefined ? undefined : readNameOf(literal === n.right ? n.left : n.right);
    if (literal === undefined || read === undefined) continue;
    const top = conditionTop(n);
    const stmt = top.parent;
    if (stmt && ts.isVariableDeclaration(stmt) && stmt.initializer === top && ts.isIdentifier(stmt.name) && ts.isVariableDeclarationList(stmt.parent) && (stmt.parent.flags & ts.NodeFlags.Const) !== 0) {
      const list = flags.get(stmt.name.text) ?? [];
      list.push({ literal: literal.text, read });
      flags.set(stmt.name.text, list);
    }
    if (!stmt || !ts.isIfStatement(stmt) || stmt.expression !== top || !fails(stmt)) continue;
    add(literal.text, read);
  }
  if (flags.size > 0) {
    for (const stmt of ifs) {
      const tested = flagsTested(stmt.expression).filter((f) => flags.has(f));
      if (tested.length === 0 || !fails(stmt)) continue;
      for (const f of tested) for (const c of flags.get(f)!) add(c.literal, c.read);
    }
  }
  return out;
}

/** The outermost condition around `n` through `&&`, `||` and parentheses only. */
function conditionTop(n: ts.Node): ts.Node {
  let top = n;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || (ts.isBinaryExpression(top.parent) && (top.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || top.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)))) top = top.parent;
  return top;
}

/** Identifiers an `if` condition tests as they are (under `&&`, `||` and parentheses; a negated one is not). */
function flagsTested(e: ts.Expression): string[] {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return [e.text];
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return [...flagsTested(e.left), ...flagsTested(e.right)];
  return [];
}

/** True when `value` is rejected by a check on a setting named one of `names` (normalised on the way). */
export function isRejected(rejected: RejectedValues, value: string, names: readonly (string | undefined)[]): boolean {
  const compared = rejected.get(value);
  if (!compared) return false;
  return names.some((n) => n !== undefined && compared.has(normalizeName(n)));
}
