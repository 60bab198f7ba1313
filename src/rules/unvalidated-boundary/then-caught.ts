import { ts } from "../../engine/ts";
import { calleeName, chainedCall } from "../../engine/ast";
import { containsThrow, type FunctionLike } from "./ast";

/**
 * The promise form of a `try` whose `catch` answers without rethrowing: `fetch(url).then(async (res) => { const data =
 * await res.json(); if (data.success) … }).catch(() => toast.error("Something went wrong"))`. A read that throws in the
 * `.then` callback rejects the chain, and the `.catch` further down answers it like a failed request (session 43,
 * production papermark's retention-offer modal). `fn` is the `.then` callback; a `.catch` handler that rethrows, or a chain
 * with no `.catch` after the `.then`, leaves the throw to the caller.
 */
export function thenCaught(fn: FunctionLike): boolean {
  const then = fn.parent;
  if (!then || !ts.isCallExpression(then) || then.arguments[0] !== fn || calleeName(then) !== "then" || !ts.isPropertyAccessExpression(then.expression)) return false;
  // Up the chain: `.then(cb)` may be followed by more `.then(…)` and `.finally(…)` before the `.catch(handler)`.
  let cur: ts.Expression = then;
  for (let i = 0; i < 6; i++) {
    const call = chainedCall(cur);
    if (!call) return false;
    const name = calleeName(call);
    if (name === "catch") {
      const handler = call.arguments[0];
      if (!handler || (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler))) return false;
      return ts.isBlock(handler.body) ? !containsThrow(handler.body) : !ts.isCallExpression(handler.body) || calleeName(handler.body) !== "reject";
    }
    if (name !== "then" && name !== "finally") return false;
    cur = call;
  }
  return false;
}
