import { ts } from "../../engine/ts";
import { calleeName, importBindings, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { BUILTIN_ERRORS, aliasesOf, isLogCall, isLogCallee, references } from "./analysis";

// An HTTP framework's error answer: Nest `HttpException`/`InternalServerErrorException` (also a
// project's own `InternalServerException`: held round 25), Hono
// `HTTPException`, `http-errors`' `HttpError`, tRPC `TRPCError`, oRPC `ORPCError`, `GraphQLError`,
// Firebase callable functions' `HttpsError` (`new HttpsError("internal", "…")`, also `functions.https.HttpsError`).
// A project's own domain class (`InternalError`, `IntegrationError`) travels on through other layers.
const HTTP_ANSWER_RE = /^(?:HttpException|HTTPException|HttpError|HTTPError|InternalServer(?:Error)?(?:Exception)?|ServiceUnavailable(?:Exception)?|BadGateway(?:Exception)?|GatewayTimeout(?:Exception)?|TRPCError|ORPCError|GraphQLError|HttpsError)$/;

// tRPC's and oRPC's names of the server-error statuses, as a project's own error class takes them for its `code`.
const SERVER_CODE_RE = /^(?:INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE|BAD_GATEWAY|GATEWAY_TIMEOUT)$/;

/**
 * An error given a server-error HTTP status in its options, `new RequestError({ code:
 * "storage.upload_error", status: 500 })`, or the tRPC name of one as its code, `new AppError({ code:
 * "INTERNAL_SERVER_ERROR", message })` (production rallly's server actions), or as an argument of its
 * own, `new AppError("Failed to upload file.", 500)`: the project's own class for an HTTP answer.
 */
function givenServerStatus(ne: ts.NewExpression | ts.CallExpression): boolean {
  // `new AppError("Failed to upload file.", 500, true, ErrorCodes.INTERNAL_ERROR)`, `new ApiError(500, "…")`: the status as an argument of its own (held round 27).
  if ((ne.arguments ?? []).some((a) => ts.isNumericLiteral(a) && /^5\d\d$/.test(a.text))) return true;
  const opts = ne.arguments?.[0];
  if (!opts || !ts.isObjectLiteralExpression(opts)) return false;
  return opts.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ((/^(?:status|statusCode|httpStatus)$/.test(p.name.text)
    && ts.isNumericLiteral(p.initializer) && /^5\d\d$/.test(p.initializer.text)) || (p.name.text === "code" && ts.isStringLiteralLike(p.initializer) && SERVER_CODE_RE.test(p.initializer.text))));
}

/**
 * The log call's arguments carry the error itself, not only its text: `console.error("…", err)`,
 * `logger.error({ err }, "…")`, `this.logger.error("…", err.stack)` (the stack holds the message
 * and where it failed). `err.message` alone loses where it failed.
 */
function logsTheErrorItself(call: ts.CallExpression, names: ReadonlySet<string>): boolean {
  const carries = (a: ts.Expression): boolean => {
    if (ts.isIdentifier(a)) return names.has(a.text);
    if (ts.isPropertyAccessExpression(a)) return a.name.text === "stack" && ts.isIdentifier(a.expression) && names.has(a.expression.text);
    // `errCaused.stack || errCaused.toString()`: the stack, with a fallback for a thrown non-error.
    if (ts.isBinaryExpression(a) && (a.operatorToken.kind === ts.SyntaxKind.BarBarToken || a.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return carries(a.left);
    if (ts.isObjectLiteralExpression(a)) {
      return a.properties.some((p) => (ts.isShorthandPropertyAssignment(p) && names.has(p.name.text)) || (ts.isPropertyAssignment(p) && carries(p.initializer)));
    }
    return false;
  };
  return call.arguments.some(carries);
}

/**
 * `new createHTTPError.InternalServerError("internal error")`: a class of http-errors' default export
 * (`import createHTTPError from "http-errors"`, `const createError = require("http-errors")`), its
 * error answers by status name, read by the import, not the member's spelling.
 */
function httpErrorsClass(ne: ts.NewExpression | ts.CallExpression): boolean {
  const e = ne.expression;
  if (!ts.isNewExpression(ne) || !ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const b = importBindings(ne.getSourceFile()).get(e.expression.text);
  return !!b && b.spec === "http-errors" && (b.kind === "default" || (b.kind === "require" && b.exported === "*"));
}

/**
 * `catch (error) { console.error("Error creating Mentor", error); throw new HttpException("Error
 * creating Mentor", HttpStatus.INTERNAL_SERVER_ERROR); }`: the error is logged with its stack where
 * it is caught, and the new error is only the HTTP answer (a 500 whose body must not show the cause).
 * Nothing is lost; so with a project's error class given a 5xx status (`givenServerStatus`). A domain error (`new InternalError("Failed to create user")`) goes on through
 * other layers that log it again without its cause, and a log of the message alone loses the stack:
 * both stay reported.
 */
export function answersAfterLoggingTheError(block: ts.Block, t: ts.ThrowStatement, ne: ts.NewExpression | ts.CallExpression, errName: string): boolean {
  // A call other than `Error(…)` is a framework's error answer (framework-error.ts, by its import:
  // h3's or http-errors' `createError`, SvelteKit's `error(500, …)`), an HTTP answer too.
  const frameworkAnswer = ts.isCallExpression(ne) && !BUILTIN_ERRORS.has(calleeName(ne) ?? "");
  if (!frameworkAnswer && !HTTP_ANSWER_RE.test(calleeName(ne) ?? "") && !givenServerStatus(ne) && !httpErrorsClass(ne)) return false;
  const names = new Set(aliasesOf(block, errName));
  const end = t.getStart();
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n) || n.getStart() >= end) return false;
    if (ts.isCallExpression(n) && isLogCall(n) && logsTheErrorItself(n, names)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}

/**
 * `try { return JSON.parse(text); } catch (first) { try { return JSON.parse(repair(text)); } catch
 * { throw new Error(\`JSON parse failed: ${first.message}\`); } }`: the inner try does again what the
 * outer one did (the same call), so its error is the same failure a second time; the new error keeps
 * the first one, which is all there is to say.
 */
export function retriesTheOuterTry(clause: ts.CatchClause, outer: ts.CatchClause): boolean {
  const callees = (block: ts.Block): Set<string> => {
    const out = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (isFunctionLike(n)) return;
      if (ts.isCallExpression(n) && !isLogCallee(n.expression)) out.add(n.expression.getText());
      ts.forEachChild(n, visit);
    };
    visit(block);
    return out;
  };
  const first = callees((outer.parent as ts.TryStatement).tryBlock);
  for (const c of callees((clause.parent as ts.TryStatement).tryBlock)) if (first.has(c)) return true;
  return false;
}

/**
 * `try { …; await next(); } catch { throw new HTTPException(401, …); }` in a Hono or Koa
 * middleware: the try holds the rest of the request (every handler after this one), so a database
 * failure or a bug downstream is answered as a client error and dropped. The client-error
 * exemption does not fit there; the new error still loses the cause.
 */
export function wrapsTheNextHandler(clause: ts.CatchClause): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isAwaitExpression(n) || ts.isReturnStatement(n)) {
      const e = n.expression;
      if (e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "next") return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit((clause.parent as ts.TryStatement).tryBlock);
}

// A mail send by its callee's name: `sendVerificationEmail`, `sendMail`, `resend.emails.send`, `mailer.sendEmail`.
const MAIL_SEND_RE = /^send\w*(?:E?mail|Mails?)\w*$|^(?:emails\.send|sendMail)$/;

/**
 * `try { await this.emailService.sendVerificationCode(email, code); } catch { throw new
 * BadRequestException("Failed to send verification email"); }`: a mail send's failure (an outside
 * API: a bad key, an unverified domain, an outage) turned into a client (4xx) error with no log and
 * no cause (held round 29: a mail failure thrown as a 4xx is one; held round 38, subscriber-nest,
 * debatable). The try's only statement sends mail, by the callee's name or, when that names no
 * mail, by the thrown message's words ("send … email"); the catch reads nothing of the error.
 */
export function mailFailureAsClientError(clause: ts.CatchClause, thrown: ts.Expression | undefined, errName: string | undefined): boolean {
  const statements = (clause.parent as ts.TryStatement).tryBlock.statements;
  if (statements.length !== 1 || (errName && references(clause.block, errName))) return false;
  const only = statements[0]!;
  let e: ts.Expression | undefined = ts.isExpressionStatement(only) ? only.expression : undefined;
  if (e && ts.isAwaitExpression(e)) e = e.expression;
  if (!e || !ts.isCallExpression(e)) return false;
  const callee = e.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
  const full = ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) ? `${callee.expression.name.text}.${name}` : name;
  if (MAIL_SEND_RE.test(name) || MAIL_SEND_RE.test(full)) return true;
  if (!/^send/.test(name) || !thrown || !(ts.isNewExpression(thrown) || ts.isCallExpression(thrown))) return false;
  const message = thrown.arguments?.[0];
  return !!message && ts.isStringLiteralLike(message) && /\bsend\b.*\be-?mail\b/i.test(message.text);
}
