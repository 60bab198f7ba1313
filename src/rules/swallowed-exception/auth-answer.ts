/**
 * A catch that answers every failure of its try as "not signed in" (retired held round 48,
 * flexrelat-api's NestJS auth service and precision-back's guard, debatable):
 *
 *   try {
 *     const session = await this.prisma.session.findUnique({ where: { token } });
 *     if (!session) throw new UnauthorizedException("Invalid session token");
 *     return true;
 *   } catch (error) {
 *     if (error instanceof UnauthorizedException) throw error;
 *     throw new UnauthorizedException("Authentication failed");
 *   }
 *
 * A client (4xx) error is an explicit failure, and the rule leaves it alone, but here the try's
 * own work is a lookup, a network call or a server-side write: a database outage, a provider's
 * 500 or a bug becomes the 401 (or 403), with no log and no cause. The catch reads the error at
 * most in a condition (an `instanceof` that rethrows the try's own 401s, a code picking one fixed
 * text over another) and logs nothing; its last statement throws the auth error with fixed text.
 * A try whose awaited calls only check the credentials (`jwt.verify`, `verifyIdToken`,
 * `verifySessionCookie`, Supabase's `auth.getUser(token)`) is answered rightly and is not one.
 * The labels of this shape are all debatable (earlier rounds called it an explicit 401, clean):
 * reported at low confidence (`authAnswer`).
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike, unwrap } from "../../engine/ast";
import { isLogCall } from "./analysis";

// `UnauthorizedException` (NestJS), `ForbiddenException`, `UnauthorizedError`, `ForbiddenError`.
const AUTH_ERROR_RE = /^(?:Unauthori[sz]ed|Forbidden)(?:Exception|Error)$/;
// `new HttpException("…", 401)`, `new HttpException("…", HttpStatus.UNAUTHORIZED)`.
const AUTH_STATUS_RE = /^(?:401|403|HttpStatus\.(?:UNAUTHORIZED|FORBIDDEN))$/;
// A credentials check: `verify`, `verifyAsync`, `verifyIdToken`, `verifySessionCookie`, `decode`.
const CREDENTIAL_CHECK_RE = /^(?:verify|decode)\w*$/i;

function isAuthError(e: ts.Expression): e is ts.NewExpression {
  if (!ts.isNewExpression(e)) return false;
  const name = calleeName(e);
  if (!name) return false;
  if (AUTH_ERROR_RE.test(name)) return true;
  return name === "HttpException" && (e.arguments ?? []).some((a) => AUTH_STATUS_RE.test(a.getText()));
}

/** `auth.getUser(token)`: Supabase's check of an access token. */
function checksCredentials(call: ts.CallExpression): boolean {
  const name = calleeName(call) ?? "";
  if (CREDENTIAL_CHECK_RE.test(name)) return true;
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  return name === "getUser" && call.arguments.length === 1 && recv !== undefined && ts.isPropertyAccessExpression(recv) && recv.name.text === "auth";
}

/** The try awaits something besides a credentials check: a lookup, a request, a write. */
function awaitsMoreThanACheck(tryBlock: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isAwaitExpression(n)) {
      const e = unwrap(n.expression);
      if (!ts.isCallExpression(e) || !checksCredentials(e)) return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(tryBlock);
}

/** A statement before the last throw: a `const` that reads no call, an `if` of those and throws, a throw. */
function onlyPicks(st: ts.Statement): boolean {
  if (ts.isThrowStatement(st)) return true;
  if (ts.isBlock(st)) return st.statements.every(onlyPicks);
  if (ts.isIfStatement(st)) return onlyPicks(st.thenStatement) && (!st.elseStatement || onlyPicks(st.elseStatement));
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.every((d) => !d.initializer || !containsCall(d.initializer));
  return false;
}

function containsCall(n: ts.Node): boolean {
  return ts.isCallExpression(n) || isFunctionLike(n) || (ts.forEachChild(n, (c) => (containsCall(c) ? true : undefined)) ?? false);
}

function isFixed(a: ts.Expression): boolean {
  return ts.isStringLiteralLike(a) || ts.isNumericLiteral(a) || (ts.isPropertyAccessExpression(a) && ts.isIdentifier(a.expression) && a.expression.text === "HttpStatus");
}

function logsAnything(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isCallExpression(n) && isLogCall(n)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}

/** The catch answers every failure of a try that does more than check credentials with a fixed-text auth error, logging nothing. */
export function answersAnyFailureAsAuth(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isThrowStatement(last) || !last.expression || !isAuthError(last.expression)) return false;
  // Fixed text: `new UnauthorizedException("Authentication failed")`, `new HttpException("…", HttpStatus.FORBIDDEN)`.
  if (!(last.expression.arguments ?? []).every(isFixed)) return false;
  if (!stmts.slice(0, -1).every(onlyPicks) || logsAnything(clause.block)) return false;
  return awaitsMoreThanACheck((clause.parent as ts.TryStatement).tryBlock);
}
