import { ts } from "../../engine/ts";
import { readsName } from "../../engine/ast";

/**
 * `if (err && typeof err === "object" && "message" in err) console.log(err.message)`: a test that the
 * caught value is an error-like object with something to log, as `err instanceof Error` is. It tells
 * no error from another, so it is no check for a specific error (a `partialErrorCheck`): the catch is
 * judged by what it does with every error (production typebot handleGetSheets.ts:54). Each operand of
 * an `&&` must be such a test: the value itself (`err`), `err != null` (also `!==`, `undefined`),
 * `typeof err === "object"`, `"message" in err` (`"stack"`), `err instanceof Error`, or a read of
 * `err.message`/`err.stack`.
 */
export function onlyTestsErrorShape(cond: ts.Expression, errName: string): boolean {
  const u = strip(cond);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return shapeOrOther(u.left, errName) && shapeOrOther(u.right, errName);
  if (isErr(u, errName)) return true;
  if (ts.isPropertyAccessExpression(u) && isErr(u.expression, errName)) return u.name.text === "message" || u.name.text === "stack";
  if (!ts.isBinaryExpression(u)) return false;
  const op = u.operatorToken.kind;
  if (op === ts.SyntaxKind.InstanceOfKeyword) return isErr(u.left, errName) && ts.isIdentifier(u.right) && u.right.text === "Error";
  if (op === ts.SyntaxKind.InKeyword) return isErr(u.right, errName) && ts.isStringLiteral(u.left) && (u.left.text === "message" || u.left.text === "stack");
  if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return isErr(u.left, errName) && isNullish(u.right);
  if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
    const typeOf = ts.isTypeOfExpression(u.left) ? u.left : undefined;
    return typeOf !== undefined && isErr(typeOf.expression, errName) && ts.isStringLiteral(u.right) && u.right.text === "object";
  }
  return false;
}

/**
 * An operand of an `&&` that is a shape test, or that does not read the caught value at all
 * (`if (logger && e) logger.error(e)`, production homepage's getServerSideProps: a test that the
 * logger is there tells no error from another either; session 45).
 */
function shapeOrOther(e: ts.Expression, errName: string): boolean {
  return onlyTestsErrorShape(e, errName) || !readsName(e, errName);
}

function strip(e: ts.Expression): ts.Expression {
  let u = e;
  while (ts.isParenthesizedExpression(u)) u = u.expression;
  return u;
}

function isErr(e: ts.Expression, errName: string): boolean {
  const u = strip(e);
  return ts.isIdentifier(u) && u.text === errName;
}

function isNullish(e: ts.Expression): boolean {
  const u = strip(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === "undefined");
}
