import { ts } from "../../engine/ts";
import { statusClass } from "../../engine/ast";
import { withoutCasts } from "./kept-input";

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
