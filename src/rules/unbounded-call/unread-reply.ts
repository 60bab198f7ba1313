import { ts } from "../../engine/ts";
import { enclosingFunction } from "./ast";

// A call to the project's own route whose reply nobody reads (`await fetch(`${base}/api/revalidate?…`);`
// after the work is committed, review R26/R47 of session 22): when the route declares no
// `maxDuration`, how long it may take cannot be told, and a deadline can only turn a route that
// did its work into a thrown abort in the caller. No deadline fix is offered there; read only in
// the fix thunk.

/**
 * True when the value of `call` is never read: the call (awaited, voided or in parentheses) is a
 * statement of its own, or it initialises a local that nothing reads. A chain on it
 * (`.then(…)`, `.catch(…)`) or any other use reads it.
 */
export function replyUnread(call: ts.CallExpression | ts.NewExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isVoidExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (ts.isExpressionStatement(p)) return true;
  if (!ts.isVariableDeclaration(p) || p.initializer !== n || !ts.isIdentifier(p.name)) return false;
  const name = p.name;
  const scope: ts.Node = enclosingFunction(call) ?? call.getSourceFile();
  const read = (node: ts.Node): boolean => (ts.isIdentifier(node) && node !== name && node.text === name.text && !isPropertyName(node)) || (ts.forEachChild(node, read) ?? false);
  return !read(scope);
}

/** `x.res`, `{ res: 1 }`: a property of that name, not the local. */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id);
}
