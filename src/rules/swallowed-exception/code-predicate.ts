/**
 * A family test of the caught error given the one code it picks out: `isPrismaKnownRequestError(error,
 * PrismaErrorType.RecordNotFound)`, `isErrorCode(err, "P2025")`. The family alone (`isAxiosError(e)`,
 * `isPrismaKnownRequestError(error)`) picks out no one error; given a code it tests that code, as
 * `e instanceof APIError && e.code === "insufficient_quota"` does, so a branch under it maps one expected
 * error (production formbricks: a Prisma "record not found" mapped to `ResourceNotFoundError` while
 * every other error is rethrown; session 42).
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";

// A predicate about an error or its code: `isPrismaKnownRequestError`, `isErrorCode`, `isDbErrorCode`.
const CODE_PREDICATE_RE = /^is[A-Z]\w*(?:Error|Exception|Code)\w*$/;

/** `PrismaErrorType.RecordNotFound`, `Codes.Db.UNIQUE`, `"P2025"`, `404`: a constant that names one code. */
function namesOneCode(e: ts.Expression, errName: string): boolean {
  if (ts.isStringLiteralLike(e)) return e.text.length > 0;
  if (ts.isNumericLiteral(e)) return true;
  if (!ts.isPropertyAccessExpression(e)) return false;
  let root: ts.Expression = e;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  // A field of the error itself (`err.code`) names no constant.
  return ts.isIdentifier(root) && root.text !== errName;
}

/** `isPrismaKnownRequestError(error, PrismaErrorType.RecordNotFound)`: the caught error first, then one code. */
export function testsOneCodeOf(call: ts.CallExpression, errName: string): boolean {
  if (call.arguments.length !== 2 || !CODE_PREDICATE_RE.test(calleeName(call) ?? "")) return false;
  const [err, code] = call.arguments;
  return ts.isIdentifier(err!) && err.text === errName && namesOneCode(code!, errName);
}
