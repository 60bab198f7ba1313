import { ts } from "../../engine/ts";
import { isFunctionLike, unwrap } from "./ast";

/**
 * The read with casts, parentheses and non-null marks taken off and optional links made plain
 * (`(payload as Feed)?.signals` → `payload.signals`, `(req.body as Record<string, unknown>)[key]` →
 * `req.body[key]`): guards written with another cast than the read they decide still name it.
 */
export function bareKey(e: ts.Node): string | undefined {
  const x = unwrap(e as ts.Expression);
  if (ts.isIdentifier(x)) return x.text;
  if (ts.isPropertyAccessExpression(x)) {
    const base = bareKey(x.expression);
    return base && `${base}.${x.name.text}`;
  }
  if (ts.isElementAccessExpression(x)) {
    const base = bareKey(x.expression);
    const k = unwrap(x.argumentExpression);
    const key = ts.isIdentifier(k) ? k.text : ts.isStringLiteralLike(k) ? JSON.stringify(k.text) : undefined;
    return base && key && `${base}[${key}]`;
  }
  return undefined;
}

/**
 * `typeof (req.body as Record<string, unknown>)[key] === "string" ? String((req.body as Record<string, unknown>)[key]) : null`:
 * a read where a `typeof` test of the same value, compared with a literal, has decided (a conditional's
 * true branch, the right of `&&`, an `if`'s then branch).
 */
export function typeofDecidedBare(read: ts.Node): boolean {
  const key = bareKey(read);
  return !!key && decidedBy(read, (cond) => typeofTests(cond, key));
}

/** `read` where `holds` is true of a test that must pass to get there: a conditional's true branch, an `if`'s then branch, the right of `&&`. */
export function decidedBy(read: ts.Node, holds: (cond: ts.Expression) => boolean): boolean {
  let cur: ts.Node = read;
  for (let n = read.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isConditionalExpression(n) && n.whenTrue === cur && holds(n.condition)) return true;
    if (ts.isIfStatement(n) && n.thenStatement === cur && holds(n.expression)) return true;
    if (ts.isBinaryExpression(n) && n.right === cur && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && holds(n.left)) return true;
  }
  return false;
}

/** `typeof <key> === "string"` (or `==`), alone or in an `&&` chain. */
function typeofTests(cond: ts.Expression, key: string): boolean {
  const c = unwrap(cond);
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return typeofTests(c.left, key) || typeofTests(c.right, key);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const l = unwrap(c.left);
  return ts.isTypeOfExpression(l) && ts.isStringLiteral(unwrap(c.right)) && bareKey(l.expression) === key;
}
