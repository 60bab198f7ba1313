import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { withoutCasts } from "./kept-input";

// A message that says the value is not valid: "Must be a valid URL", "Expected a valid URL", "Invalid JSON".
const NOT_VALID_RE = /\b(?:invalid|not (?:a |an )?valid|must be (?:a |an )?valid|expected (?:a |an )?valid)\b/i;

function saysNotValid(e: ts.Expression | undefined): boolean {
  const u = e && withoutCasts(e);
  return !!u && ts.isStringLiteralLike(u) && NOT_VALID_RE.test(u.text);
}

// `null`, `undefined`, `true`, nothing, or a message: a validator's answers (`definition.optional ? null : "Must not be empty"`, `` `Invalid ${field}` ``).
function validatorAnswer(e: ts.Expression | undefined): boolean {
  if (!e) return true;
  const u = withoutCasts(e);
  if (u.kind === ts.SyntaxKind.NullKeyword || u.kind === ts.SyntaxKind.TrueKeyword || (ts.isIdentifier(u) && u.text === "undefined") || ts.isStringLiteralLike(u) || ts.isTemplateExpression(u)) return true;
  return ts.isConditionalExpression(u) && validatorAnswer(u.whenTrue) && validatorAnswer(u.whenFalse);
}

/**
 * `const validateUrl = (value: string) => { try { new URL(value); return undefined; } catch { return
 * "Expected a valid URL"; } }`: a validator, whose answers are "valid" (`null`, `undefined`, `true`,
 * nothing) or a message for the user, answering its "not valid" message when the parse of the value
 * throws. The message is the explicit failure: the user is told. Only where the try waits on nothing
 * (a parse or check of the value in hand) and the function's every other answer is a validator's.
 */
export function answersNotValidMessage(clause: ts.CatchClause, value: ts.Node): boolean {
  if (!ts.isReturnStatement(value) || !saysNotValid(value.expression)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  let fn: ts.Node | undefined = tryStmt.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  let waits = false;
  const visitTry = (n: ts.Node): void => {
    if (waits || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) waits = true;
    ts.forEachChild(n, visitTry);
  };
  visitTry(tryStmt.tryBlock);
  if (waits) return false;
  let others = 0;
  let bad = false;
  const visit = (n: ts.Node): void => {
    if (bad || (isFunctionLike(n) && n !== fn)) return;
    if (ts.isReturnStatement(n) && n !== value) {
      if (validatorAnswer(n.expression)) others++;
      else bad = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  // An arrow with an expression body answers no validator's answer.
  return !bad && others > 0;
}
