import { ts } from "../../engine/ts";
import { statusClass } from "../../engine/ast";
import { withoutCasts } from "./kept-input";
import { claimsSuccess, signalsFailure } from "./analysis";

/**
 * `return response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ … })`, `return res.status(500).send(…)`,
 * `return new Response(msg, { status: 503 })`, `return NextResponse.json(body, { status: 500 })`,
 * `return c.json(body, 502)`: a statement that answers the request with an error status. A catch that
 * logs its error and falls through to it tells the caller of the failure as a throw right after would
 * (production ghostfolio health.controller.ts:65, an AI health check answering 503).
 */

/** A status of 400 to 599: a literal, or a status enum's member named for one (`HttpStatus.SERVICE_UNAVAILABLE`, `HttpStatusCode.BadGateway`). */
function errorStatus(e: ts.Expression): boolean {
  return statusClass(withoutCasts(e)) === "failure";
}

/** `{ status: 503 }`: an options object whose status is an error. */
function errorOptions(e: ts.Expression | undefined): boolean {
  const u = e && withoutCasts(e);
  return u !== undefined && ts.isObjectLiteralExpression(u) && u.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === "status" && errorStatus(p.initializer));
}

/** Whether `s` returns an answer with an error status (see above). */
export function answersWithErrorStatus(s: ts.Statement): boolean {
  if (!ts.isReturnStatement(s) || !s.expression) return false;
  let e = withoutCasts(s.expression);
  if (ts.isAwaitExpression(e)) e = withoutCasts(e.expression);
  // `new Response(msg, { status: 503 })`.
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === "Response" && errorOptions(e.arguments?.[1]);
  // Down the call chain: `res.status(503).json(…)`, `NextResponse.json(body, { status: 500 })`, `c.json(body, 502)`.
  for (let cur: ts.Expression = e; ts.isCallExpression(cur); ) {
    const callee = cur.expression;
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const name = callee.name.text;
    if ((name === "status" || name === "sendStatus") && cur.arguments.length === 1 && errorStatus(cur.arguments[0]!)) return true;
    if ((name === "json" || name === "text" || name === "body") && cur.arguments.length === 2 && (errorStatus(cur.arguments[1]!) || errorOptions(cur.arguments[1]))) return true;
    cur = withoutCasts(callee.expression);
  }
  return false;
}

/**
 * `try { …; return { success: true }; } catch (err) { console.log(err); } return { success: false, error: true };`:
 * the try's last statement answers the caller (a `return` or a `throw`), so the `return` right after
 * it runs only when the try failed, and it answers a failure as data: a failure object (`{ success:
 * false }`, `{ ok: false }`, `{ error: "…" }`), SvelteKit's `fail(400, { … })` or `json({ status: 500,
 * message })`, `false`, or an error status. A catch that logs its error and falls through to it answers the
 * failure as one with that `return` inside it would (held round 42, SvelteKit form actions, decided
 * clean). A webhook's 2xx answer is no failure answer (`signalsFailure`), nor one that claims
 * success; a try that can fall through on success, or a `return` of anything else, stays reported.
 */
export function answersFailureAfterTry(tryStmt: ts.TryStatement): boolean {
  const list = tryStmt.parent;
  if (tryStmt.finallyBlock || !ts.isBlock(list)) return false;
  const next = list.statements[list.statements.indexOf(tryStmt) + 1];
  if (!next || !ts.isReturnStatement(next) || !next.expression) return false;
  const stmts = tryStmt.tryBlock.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !(ts.isReturnStatement(last) || ts.isThrowStatement(last))) return false;
  // `return { success: true, error: false }`: a key named for an error does not make a claim of success a failure answer;
  // nor is `return true` one (a ProseMirror plugin state's default, production docmost trailing-node.ts).
  if (next.expression.kind === ts.SyntaxKind.TrueKeyword) return false;
  return answersWithErrorStatus(next) || (signalsFailure(next) && !claimsSuccess(next.expression));
}
