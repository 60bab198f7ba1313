import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { climb, findBinding, findRefs, receiverSegments, scopeOf, unwrap } from "./ast";
import { bareKey, decidedBy } from "./cast-guards";

/**
 * A read of an input that `Array.isArray` has decided and that the code only counts:
 * `const list = Array.isArray(payload?.signals) ? payload.signals : []`, or `if (… &&
 * Array.isArray((payload as { signals?: unknown[] }).signals)) list = (payload as { signals: unknown[] }).signals ?? []`,
 * where every later read of `list` is `list.length`. Only a count goes on, as with
 * `repos.length` read in place; an element read, the list returned or handed on is a use.
 */
export function arrayOnlyCounted(read: ts.Expression): boolean {
  const key = bareKey(read);
  if (!key || !decidedBy(read, (cond) => assertsArray(cond, key))) return false;
  let top = climb(read);
  const c = top.parent;
  if (c && ts.isConditionalExpression(c) && c.whenTrue === top && isEmptyArray(c.whenFalse)) top = climb(c);
  const d = top.parent;
  let decl: ts.VariableDeclaration | undefined;
  if (d && ts.isVariableDeclaration(d) && d.initializer === top && ts.isIdentifier(d.name)) decl = d;
  else if (d && ts.isBinaryExpression(d) && d.right === top && d.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(d.left)) {
    const b = findBinding(d.left);
    if (b?.kind === "var" && !b.element) decl = b.decl;
  }
  if (!decl || !ts.isIdentifier(decl.name)) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.some(lengthRead) && refs.every((r) => lengthRead(r) || assignedTo(r));
}

/** True where `cond` holds only if `Array.isArray(<key>)` does: the call, or an `&&` chain holding it. */
function assertsArray(cond: ts.Expression, key: string): boolean {
  const c = unwrap(cond);
  if (ts.isCallExpression(c)) return calleeName(c) === "isArray" && receiverSegments(c).join(".") === "Array" && !!c.arguments[0] && bareKey(c.arguments[0]) === key;
  return ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && (assertsArray(c.left, key) || assertsArray(c.right, key));
}

function isEmptyArray(e: ts.Expression): boolean {
  const x = unwrap(e);
  return ts.isArrayLiteralExpression(x) && x.elements.length === 0;
}

/** `list.length`. */
function lengthRead(ref: ts.Identifier): boolean {
  const p = ref.parent;
  return !!p && ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === "length";
}

/** `list = …`: the local given another value. */
function assignedTo(ref: ts.Identifier): boolean {
  const p = ref.parent;
  return !!p && ts.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}
