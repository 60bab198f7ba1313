/**
 * A reply's body spread while still a promise (issue 11, session 42, production anything-llm's
 * `frontend/src/models/workspace.js`): `.then((res) => { …; return { success: true, ...res.json() }; })`. The
 * spread of a `Promise` copies its own enumerable properties, of which it has none: no field of the body reaches
 * the object or anything after it (a bug of its own, outside this family). `...(await res.json())` reads the body.
 */
import { ts } from "../../../engine/ts";

/** True when the `res.json()` call itself (not awaited) is the operand of a spread in an object or array literal. */
export function spreadUnresolved(call: ts.CallExpression): boolean {
  let top: ts.Node = call;
  while (top.parent && ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  return !!p && (ts.isSpreadAssignment(p) || ts.isSpreadElement(p)) && p.expression === top;
}
