/**
 * The caught error answered where the function answers a list (held round 36, meepletron's vector
 * search, decided):
 *
 *   try { const response = await index.query(q); return response.matches.filter(…).map((m) => ({ … })); }
 *   catch (err) { return err; }
 *
 * "Returned as data" hands an error on when the caller can tell it from an answer (`{ ok: false,
 * error }`, `[err, null]`, a value tested with `instanceof Error`). Here every answer of the try is a
 * list (an array literal, `Array.from(…)`, or a chain ending in `map`, `filter`, `flatMap`, `slice`,
 * `concat`, `sort`), and the catch answers the bare error in its place, with no log: a caller that
 * iterates, spreads or counts the answer gets an Error object (`for…of` throws "not iterable",
 * `.length` is `undefined`) and nobody learns what failed. A try that answers anything else (a
 * record, a number, `null`) is not judged (held round 21's labels: the error returned as data).
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

const LIST_METHOD_RE = /^(?:map|filter|flatMap|slice|concat|sort|reverse)$/;

/** `[…]`, `Array.from(x)`, `rows.filter(…).map(…)`: an expression whose value is a list. */
function isList(e: ts.Expression): boolean {
  let u = e;
  while (ts.isParenthesizedExpression(u) || ts.isAwaitExpression(u) || ts.isAsExpression(u) || ts.isNonNullExpression(u)) u = u.expression;
  if (ts.isArrayLiteralExpression(u)) return true;
  if (!ts.isCallExpression(u) || !ts.isPropertyAccessExpression(u.expression)) return false;
  if (u.expression.getText() === "Array.from" || u.expression.getText() === "Array.of") return true;
  return LIST_METHOD_RE.test(u.expression.name.text);
}

/** The try's `return` statements (not those of nested functions). */
function returnsOf(block: ts.Block): ts.ReturnStatement[] {
  const out: ts.ReturnStatement[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(block);
  return out;
}

/** The catch's one statement `return err;` (the caught error itself) where every answer of the try is a list: that return, or undefined. */
export function errorAnsweredAsList(clause: ts.CatchClause, errName: string | undefined): ts.ReturnStatement | undefined {
  const only = clause.block.statements.length === 1 ? clause.block.statements[0] : undefined;
  if (!errName || !only || !ts.isReturnStatement(only) || !only.expression || !ts.isIdentifier(only.expression) || only.expression.text !== errName) return undefined;
  const returns = returnsOf(clause.parent.tryBlock);
  return returns.length > 0 && returns.every((r) => r.expression !== undefined && isList(r.expression)) ? only : undefined;
}
