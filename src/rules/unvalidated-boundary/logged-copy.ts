import { ts } from "../../engine/ts";
import { findRefs, scopeOf } from "./ast";

/**
 * `const body = Object.assign({}, req.body); log.logRequest({ method, url, headers, body })`, also `const body = {
 * ...req.body }`: a shallow copy of the input held in a `const` whose every read goes into a log line (alone, in a
 * log line's object, or in its text). Nothing of the copy goes on: logging it is no use, as the input spread straight
 * into a log line's object is none (production parse-server `PromiseRouter.js:141`, session 45). `copy` is the object
 * literal the input is spread into or the `Object.assign({}, …)` call; `isLog` names a log call (flow's isLogCall). A copy read
 * anywhere else stays a use.
 */
export function copyOnlyLogged(copy: ts.Expression, isLog: (call: ts.CallExpression) => boolean): boolean {
  let top: ts.Node = copy;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isSatisfiesExpression(top.parent))) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  if ((ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) === 0) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.length > 0 && refs.every((ref) => onlyInLogLine(ref, isLog));
}

/** `log.logRequest({ method, body })`, `` console.info(`copy ${body}`) ``: the read goes, in an object, array or text, only into a log call. */
function onlyInLogLine(ref: ts.Node, isLog: (call: ts.CallExpression) => boolean): boolean {
  let cur: ts.Node = ref;
  for (let i = 0; i < 12; i++) {
    const p = cur.parent;
    if (!p) return false;
    if (ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isParenthesizedExpression(p)) {
      cur = p;
      continue;
    }
    return ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression) && isLog(p);
  }
  return false;
}

/** `Object.assign({}, x)`: the copy starts as an empty object of the code's own. */
export function assignsIntoEmpty(call: ts.CallExpression): boolean {
  const target = call.arguments[0];
  return !!target && ts.isObjectLiteralExpression(target) && target.properties.length === 0;
}
