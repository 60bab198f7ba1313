import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { isFunctionLike, ownReturns, unwrap, type FunctionLike } from "./ast";

/**
 * `fetch(url).then((res) => { if (!res.ok) throw new Error(…); return res.json(); }).then((result) => setData(result.data))`:
 * the parameter of a `.then` callback whose promise is the `.then` of a callback that hands back, on every `return`, the
 * `json()` of a response it tested first. That callback threw on a failed status, so the value is the API's answer, as
 * past `if (!res.ok) throw …` in one function (production docmost `pdf-render-page.tsx:34`, session 45), where the chain
 * ends in a statement whose value nothing takes (`.catch(…)`, `.finally(…)` after it allowed): a chain awaited into a
 * name (`const { response } = await fetch(…).then(…).then((data) => ({ response: data }))`) hands the reply on, and its
 * callers judge it (production anything-llm `web-browsing.js:771`, a true finding, keeps its report). Answers the
 * `json()` calls the earlier callback returns, for the caller to judge each one's status where it is read; undefined
 * when the parameter is no such value.
 */
export function thenChainedJson(fn: FunctionLike, index: number): ts.CallExpression[] | undefined {
  if (index !== 0 || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const then = fn.parent;
  if (!then || !ts.isCallExpression(then) || then.arguments[0] !== fn || calleeName(then) !== "then" || !ts.isPropertyAccessExpression(then.expression)) return undefined;
  if (!chainDropped(then)) return undefined;
  const before = unwrap(then.expression.expression);
  if (!ts.isCallExpression(before) || calleeName(before) !== "then" || before.arguments.length !== 1) return undefined;
  const cb = before.arguments[0]!;
  if (!isFunctionLike(cb) || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !ts.isBlock(cb.body)) return undefined;
  const returns = ownReturns(cb.body);
  const out: ts.CallExpression[] = [];
  for (const r of returns) {
    let e = r.expression ? unwrap(r.expression) : undefined;
    if (e && ts.isAwaitExpression(e)) e = unwrap(e.expression);
    if (!e || !ts.isCallExpression(e) || calleeName(e) !== "json" || e.arguments.length !== 0) return undefined;
    out.push(e);
  }
  return out.length > 0 ? out : undefined;
}

/** The promise chain `call` is part of (`.then(…)`, `.catch(…)`, `.finally(…)` after it) ends in an expression statement. */
function chainDropped(call: ts.CallExpression): boolean {
  let cur: ts.Node = call;
  for (let i = 0; i < 8; i++) {
    const p = cur.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === cur && (p.name.text === "then" || p.name.text === "catch" || p.name.text === "finally") && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      cur = p.parent;
      continue;
    }
    return !!p && ts.isExpressionStatement(p);
  }
  return false;
}
