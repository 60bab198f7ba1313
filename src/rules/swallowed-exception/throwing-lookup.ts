/**
 * The promise form of a lookup that throws when nothing matches (issue 11, production teable's
 * `getSubscribeDetail`):
 *
 *   return await this.prisma.commentSubscription.findUniqueOrThrow({ where: { … } }).catch(() => null);
 *
 * As in the try form (`deniesOnNotFound`), the lookup's throw is its "not found", and the handler
 * answers "no" (`null`, `undefined`, `false`, `O.none`). The handler must be on the lookup itself:
 * a chain with more links (`.then(render).catch(() => null)`) may reject for other reasons.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { NONE_RE, THROWING_LOOKUP_RE } from "./intent";

/** `prisma.x.findUniqueOrThrow(…).catch(() => null)`: a throwing lookup whose rejection handler answers "no". */
export function throwingLookupAnswersNone(call: ts.CallExpression, handler: ts.Expression): boolean {
  const recv = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!recv || !ts.isCallExpression(recv) || !THROWING_LOOKUP_RE.test(calleeName(recv) ?? "")) return false;
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  let answer: ts.Expression | undefined;
  if (ts.isBlock(handler.body)) {
    const only = handler.body.statements[0];
    if (handler.body.statements.length !== 1 || !only || !ts.isReturnStatement(only) || !only.expression) return false;
    answer = only.expression;
  } else answer = handler.body;
  return NONE_RE.test(answer.getText().replace(/\s+/g, ""));
}
