/**
 * Two reads of a reply's body whose no-op `.catch` loses nothing the code goes by (held round 35,
 * decided clean, debatable):
 *
 *   fetch(url).then(async (res) => ({ shop, success: res.ok, data: res.ok ? await res.json().catch(() => null) : await res.text() }))
 *   await res2.text().catch(() => {}); // Consume body to avoid leak
 *   return res2.ok;
 *
 * In the first, success is told by the status in a field of its own, and an ok reply whose body
 * does not parse only leaves the details empty. In the second, the body is drained, never used:
 * its read only frees the connection, and the answer is the status.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { enclosingFunction } from "./scope";

const BODY_READ_RE = /^(?:json|text|arrayBuffer|blob)$/;

/** `res` of `res.json().catch(…)`: the response whose body the `.catch` is on. */
function bodyReadReceiver(call: ts.CallExpression): string | undefined {
  const read = (call.expression as ts.PropertyAccessExpression).expression;
  if (!ts.isCallExpression(read) || read.arguments.length > 0 || !ts.isPropertyAccessExpression(read.expression) || !BODY_READ_RE.test(read.expression.name.text)) return undefined;
  const recv = read.expression.expression;
  return ts.isIdentifier(recv) ? recv.text : undefined;
}

/** `() => null`, `() => undefined`, `() => ({})`, `() => {}`. */
function answersNothing(handler: ts.Expression): boolean {
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  const body = handler.body;
  if (ts.isBlock(body)) return body.statements.length === 0;
  let u: ts.Expression = body;
  while (ts.isParenthesizedExpression(u)) u = u.expression;
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === "undefined") || (ts.isObjectLiteralExpression(u) && u.properties.length === 0);
}

/** The expression the `.catch` call's value is, through `await` and parentheses. */
function valueOf(call: ts.CallExpression): ts.Expression {
  let v: ts.Expression = call;
  while (ts.isAwaitExpression(v.parent) || ts.isParenthesizedExpression(v.parent)) v = v.parent;
  return v;
}

/**
 * `{ success: res.ok, data: res.ok ? await res.json().catch(() => null) : await res.text() }`: the
 * read is the ok branch of a test of `res.ok`, the field's value in an object whose other field
 * answers `res.ok` itself.
 */
export function okBodyOnlyInDetails(call: ts.CallExpression, handler: ts.Expression): boolean {
  const res = bodyReadReceiver(call);
  if (!res || !answersNothing(handler)) return false;
  const v = valueOf(call);
  const cond = v.parent;
  if (!ts.isConditionalExpression(cond) || cond.whenTrue !== v || cond.condition.getText() !== `${res}.ok`) return false;
  const field = cond.parent;
  if (!ts.isPropertyAssignment(field) || !ts.isObjectLiteralExpression(field.parent)) return false;
  return field.parent.properties.some((p) => p !== field && ts.isPropertyAssignment(p) && p.initializer.getText() === `${res}.ok`);
}

/**
 * `await res2.text().catch(() => {});` as a statement of its own, in a function that reads the
 * response's `ok` or `status`: the body drained, its value never used.
 */
export function drainsUnusedBody(call: ts.CallExpression, handler: ts.Expression): boolean {
  const res = bodyReadReceiver(call);
  if (!res || !answersNothing(handler) || !ts.isExpressionStatement(valueOf(call).parent)) return false;
  const fn = enclosingFunction(call);
  if (!fn?.body) return false;
  let readsStatus = false;
  const visit = (n: ts.Node): void => {
    if (readsStatus || (isFunctionLike(n) && n !== fn)) return;
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === res && (n.name.text === "ok" || n.name.text === "status")) readsStatus = true;
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return readsStatus;
}
