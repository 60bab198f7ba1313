import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { enclosingFunction, findBinding, isFunctionLike, unwrap } from "./ast";

// A socket server's payload is judged by where it goes (messagePayload, `sinkOnly`): besides the
// family's sinks, a value the server keeps in its own long-lived state is stored, like a row.

/** Methods that keep a value in a collection, and the argument that is the value (`set(key, value)`). */
const KEEPS: ReadonlyMap<string, number> = new Map([
  ["push", -1],
  ["unshift", -1],
  ["add", 0],
  ["set", 1],
]);

/**
 * The root of `e` (`this.data.reports`, `globalChatHistory`) lives as long as the server: `this` (an
 * instance's field), or a name bound at the top of its module. A handler's locals and parameters die
 * with the event.
 */
export function longLived(e: ts.Expression): boolean {
  let x = unwrap(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isNonNullExpression(x)) x = unwrap(x.expression);
  if (x.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (!ts.isIdentifier(x)) return false;
  const b = findBinding(x);
  return b?.kind === "var" && !enclosingFunction(b.decl);
}

/**
 * `globalChatHistory.push(message)`, `this.buffer.push(message)`, `this.rooms.set(id, room)`: the value
 * `arg` is kept in a collection the server holds (a key of `set` only picks an entry).
 */
export function keptBy(call: ts.CallExpression, arg: ts.Node): boolean {
  const name = calleeName(call);
  const at = name === undefined ? undefined : KEEPS.get(name);
  if (at === undefined || !ts.isPropertyAccessExpression(call.expression)) return false;
  const index = call.arguments.indexOf(arg as ts.Expression);
  if (index < 0 || (at >= 0 && index !== at)) return false;
  return longLived(call.expression.expression);
}

/** `node` runs inside the `try` block of a statement of its own function (a throw there is caught). */
export function insideTry(node: ts.Node): boolean {
  for (let cur: ts.Node = node, p = node.parent; p && !isFunctionLike(p); cur = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.tryBlock === cur) return true;
  }
  return false;
}
