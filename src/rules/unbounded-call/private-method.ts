import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";

/**
 * Every call of `fn` when it is a private method of a class (`private async request(…)`, or
 * `#request`) that the class uses only by calling it on `this` (`this.request(path, init)`), else
 * undefined. No code outside the class can call it, so these calls are all there are: the method
 * is the class's own helper, as a function the file keeps to itself is the file's (held round 25:
 * tier2tickets-relay's `GoreloClient.request`, whose every caller passes only method, headers and body).
 */
export function privateMethodCalls(fn: ts.FunctionLikeDeclaration): ts.CallExpression[] | undefined {
  if (!ts.isMethodDeclaration(fn) || !fn.body) return undefined;
  const cls = fn.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const hash = ts.isPrivateIdentifier(fn.name);
  if (!hash && !(ts.isIdentifier(fn.name) && ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Private)) return undefined;
  if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Static) return undefined;
  const name = fn.name.getText();
  // Overloads, or another member of that name: not one helper.
  if (cls.members.some((m) => m !== fn && m.name !== undefined && m.name.getText() === name)) return undefined;
  const calls: ts.CallExpression[] = [];
  let other = false;
  walk(cls, (n) => {
    if (other || !ts.isPropertyAccessExpression(n) || n.name.getText() !== name) return;
    const call = n.parent;
    if (n.expression.kind === ts.SyntaxKind.ThisKeyword && call && ts.isCallExpression(call) && call.expression === n) calls.push(call);
    // `this.request.bind(this)`, `other.request(…)`, a destructuring: used some other way.
    else other = true;
  });
  return !other && calls.length > 0 ? calls : undefined;
}
