import { ts } from "../../engine/ts";
import { isLogCall } from "../../engine/fix-safety";
import { findRefs, isConditionPosition, isFunctionLike, scopeOf } from "./ast";

/** A folder of operator scripts: `scripts/set-webhook.ts`, `script/probe.mjs`, `bin/check.js`. */
export const SCRIPT_DIR_RE = /(?:^|\/)(?:scripts?|bin)\//;

/** Conversions that keep nothing: `JSON.stringify(…)`, `String(…)`, `Number(…)`, `new Date(…)`. */
const CONVERSION_RE = /^(?:JSON\.stringify|String|Number|Boolean|Date|Math\.\w+)$/;

/**
 * The docs' "read-only operator scripts whose replies are only printed are clean": the reply bound to a name
 * (`const infoJson = await infoRes.json()`) whose every read is printed (an argument of `console.log(…)` or of
 * a logger, inside a template or an expression there too), only tested (`if (infoJson.ok)`, `!body.length`), or
 * goes into another name (`const i = infoJson.result ?? {}`, `for (const hit of body)`) read the same way, two names
 * deep. Nothing of it is returned, stored, sent or handed to a function: the person running the script reads it.
 */
export function printedOnly(read: ts.Node): boolean {
  let top: ts.Node = read;
  while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent))) top = top.parent;
  const d = top.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== top || !ts.isIdentifier(d.name)) return false;
  return namePrinted(d, 0);
}

function namePrinted(decl: ts.VariableDeclaration, depth: number): boolean {
  if (!ts.isIdentifier(decl.name)) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.end);
  return refs.length > 0 && refs.every((ref) => refPrinted(ref, depth));
}

function refPrinted(ref: ts.Node, depth: number): boolean {
  // The read itself and what is read off it: `json.data`, `t.status.padEnd(12)`, `body.length`.
  let cur: ts.Node = ref;
  while (cur.parent && ((ts.isPropertyAccessExpression(cur.parent) || ts.isElementAccessExpression(cur.parent)) && cur.parent.expression === cur || (ts.isCallExpression(cur.parent) && cur.parent.expression === cur) || ts.isParenthesizedExpression(cur.parent) || ts.isNonNullExpression(cur.parent))) cur = cur.parent;
  if (isConditionPosition(cur)) return true;
  for (let c: ts.Node = cur, p: ts.Node | undefined = cur.parent; p && !ts.isStatement(p) && !isFunctionLike(p); c = p, p = p.parent) {
    if (ts.isCallExpression(p) && isLogCall(p)) return true;
    // `console.log(JSON.stringify(json.error ?? json, null, 2))`, `new Date(i.last_error_date * 1000).toISOString()`,
    // `${x}` in a printed template: a method of what was made of it, or a conversion, judged by where that goes.
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression !== c && !CONVERSION_RE.test(p.expression.getText())) return false;
    if (ts.isVariableDeclaration(p)) return depth < 2 && namePrinted(p, depth + 1);
  }
  const st = cur.parent;
  // `for (const hit of body) { console.log(…hit.lat…) }`
  if (st && ts.isForOfStatement(st) && st.expression === cur && ts.isVariableDeclarationList(st.initializer)) {
    const v = st.initializer.declarations[0];
    return !!v && depth < 2 && namePrinted(v, depth + 1);
  }
  return false;
}
