import { ts } from "../../engine/ts";
import { functionName, isFunctionLike, type FunctionLike } from "./ast";

// `isFieldsValid`, `areSubjectCodesValid`, `validateSignup`, `checkEmail`, `ensureBody`.
const CHECK_NAME_RE = /^(?:is|are|has|validate|check|ensure|assert)[A-Z]/;

// Uses that only look at the input: the ones a check makes. A sink stays a use even there.
const LOOKING = new Set(["property read", "destructured", "iterated"]);

/**
 * A check of the request itself: a function named for checking (`isFieldsValid`, `validateBody`)
 * that answers with an error message when a test fails (`return "Invalid fields."`, a template, a
 * `ctx.throw(400, …)`), like the functions of a Koa validator chain or an express-validator custom
 * check. Its reads of the input are the validation: reading, destructuring or iterating the body
 * there is no use. What it hands to a database or a service is (`doesStudentExistById`).
 */
export function isCheckFunctionUse(fn: FunctionLike | undefined, why: string): boolean {
  if (!fn || !LOOKING.has(why)) return false;
  const name = functionName(fn);
  if (!name || !CHECK_NAME_RE.test(name) || !fn.body || !ts.isBlock(fn.body)) return false;
  let message = false;
  const visit = (n: ts.Node): void => {
    if (message || (isFunctionLike(n) && n !== fn)) return;
    if (ts.isReturnStatement(n) && n.expression && (ts.isStringLiteralLike(n.expression) || ts.isTemplateExpression(n.expression))) message = true;
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return message;
}
