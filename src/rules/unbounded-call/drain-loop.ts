import { ts } from "../../engine/ts";
import { unwrap } from "./ast";

/**
 * `while (pending.size > 0) { const { branch, result } = await raceNext(pending); pending.delete(branch); … }`: a loop
 * that runs while a collection of its own holds items and, every turn, takes one out of it (`delete`, `shift`, `pop`,
 * `splice`) as a statement of the loop's own block: each turn waits on what is left, another request, and the loop ends
 * when the collection is empty. An iteration loop (the docs' "pagination and iteration loops", a queue drain), not a retry
 * (session 43, production Hexabot's parallel `wait_any` executor). A loop that takes an item out only on some paths, or
 * runs on another condition, is judged as before.
 */
export function drainsOwnCollection(loop: ts.IterationStatement): boolean {
  if (!ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return false;
  const name = collectionTested(loop.expression);
  const body = loop.statement;
  if (!name || !ts.isBlock(body)) return false;
  return body.statements.some((st) => ts.isExpressionStatement(st) && takesOut(unwrap(st.expression), name))
    || body.statements.some((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => !!d.initializer && takesOut(unwrap(d.initializer), name)));
}

/** `pending.size > 0`, `queue.length`, `items.length !== 0`, `pending.size`: the name of the collection the condition tests for items. */
function collectionTested(cond: ts.Expression): string | undefined {
  let e = unwrap(cond);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const zero = unwrap(e.right);
    if (!ts.isNumericLiteral(zero) || zero.text !== "0" || (op !== ts.SyntaxKind.GreaterThanToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken)) return undefined;
    e = unwrap(e.left);
  }
  if (!ts.isPropertyAccessExpression(e) || (e.name.text !== "size" && e.name.text !== "length")) return undefined;
  const holder = unwrap(e.expression);
  return ts.isIdentifier(holder) ? holder.text : undefined;
}

const TAKE_OUT = new Set(["delete", "shift", "pop", "splice"]);

/** `pending.delete(branch)`, `queue.shift()`, `await`ed or not. */
function takesOut(e: ts.Expression, name: string): boolean {
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !TAKE_OUT.has(e.expression.name.text)) return false;
  const recv = unwrap(e.expression.expression);
  return ts.isIdentifier(recv) && recv.text === name;
}
