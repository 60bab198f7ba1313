/**
 * An HTTP failure answer built by the project's response helpers (production formbricks, session 42):
 * `responses.badRequestResponse("Malformed JSON input")`, `payloadTooLargeResponse(…)`, and a builder
 * given an error status, `buildGatewayStatusResponse(400, "Invalid original request URI")`. The catch
 * that returns one (alone or as a field, `{ errorResponse: … }`, `{ response: … }`) answers the caller a
 * failure, as `res.status(400).json(…)` does: the docs' explicit failure answer.
 */
import { ts } from "../../engine/ts";

// Helpers named for one error status's answer: `badRequestResponse`, `notFoundResponse`, `internalServerErrorResponse`.
const STATUS_ANSWER_RE = /^(?:badRequest|unauthori[sz]ed|notAuthenticated|forbidden|notFound|methodNotAllowed|conflict|gone|payloadTooLarge|unsupportedMediaType|unprocessableEntity|tooManyRequests|internalServerError|serviceUnavailable|gatewayTimeout)(?:Response|Reply|Answer)$/;
// Helpers that build an answer from the status they are given: `buildGatewayStatusResponse(400, …)`, `jsonResponse(404, …)`.
const STATUS_BUILDER_RE = /(?:Response|Reply|Answer)$/;

function calleeLastName(call: ts.CallExpression): string | undefined {
  const c = call.expression;
  return ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.name) ? c.name.text : undefined;
}

/** `responses.badRequestResponse("…")`, `buildGatewayStatusResponse(400, "…")`: a failure answer made by a response helper. */
export function buildsFailureAnswer(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  const name = calleeLastName(e);
  if (!name) return false;
  if (STATUS_ANSWER_RE.test(name)) return true;
  const first = e.arguments[0];
  return STATUS_BUILDER_RE.test(name) && first !== undefined && ts.isNumericLiteral(first) && Number(first.text) >= 400 && Number(first.text) <= 599;
}
