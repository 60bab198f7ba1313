import { ts } from "../../engine/ts";
import { enclosingFunction } from "./ast";
import { fileLocalCalls, isFireAndForget } from "./calls";
import { privateMethodCalls } from "./private-method";

/**
 * Whether anyone waits on a call: followed up the file's own helpers, whose every call is known
 * (a function the file keeps to itself, a private method the class only calls on `this`).
 */

// How many helpers up a call is followed (the request's handler, its helper, the helper's helper…).
const MAX_HOPS = 3;
// A helper's own comment saying nobody waits on it: "Fire-and-forget (never throws)", "non-blocking".
const FORGOTTEN_DOC_RE = /\bfire[- ]and[- ]forget\b|\bnon-?blocking\b|\b(?:do not|don't|never) (?:be )?await(?:ed)?\b|\bnot awaited\b/i;

/** `Promise.race([fetch(u), timer])`, `withTimeout(fetch(u), ms)`: the caller bounds the wait. */
export function insideRaceOrWrapper(call: ts.Node): boolean {
  for (let p = call.parent; p; p = p.parent) {
    if (ts.isCallExpression(p) && p.expression !== call) {
      const callee = p.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      if (/timeout|deadline|^race$|^any$/i.test(name)) return true;
    }
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** The comment right above a function, its variable statement or its export: its documentation. */
function docOf(fn: ts.FunctionLikeDeclaration): string {
  let at: ts.Node = fn;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parent && ts.isVariableDeclaration(fn.parent)) at = fn.parent.parent?.parent ?? fn;
  const text = fn.getSourceFile().text;
  return (ts.getLeadingCommentRanges(text, at.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join("\n");
}

const cache = new WeakMap<ts.Node, boolean>();

/**
 * Nobody waits on what `fn` returns: its documentation says it is fired and forgotten, or every
 * call of it is a statement nobody waits on made inside a function (`notify(payload); cb(null);`;
 * a script's `main();` at the top level is no such call, the process waits for it), an argument of
 * a race against a timer (`Promise.race([this.callLLM(p), timeout])`), or made by a helper nobody
 * waits on in turn (`callSlackApi` awaited in `processMessage`, which the handler fires and forgets),
 * up to {@link MAX_HOPS} helpers up. A helper also awaited or returned anywhere else stays waited on.
 */
function nobodyWaitsOn(fn: ts.FunctionLikeDeclaration, hops: number, visiting: Set<ts.Node>): boolean {
  const known = cache.get(fn);
  if (known !== undefined) return known;
  // A recursion is waited on by its first call.
  if (visiting.has(fn)) return false;
  visiting.add(fn);
  const calls = ts.isMethodDeclaration(fn) ? privateMethodCalls(fn) : fileLocalCalls(fn);
  const v = FORGOTTEN_DOC_RE.test(docOf(fn)) || (calls !== undefined && calls.every((c) => {
    const caller = enclosingFunction(c);
    if (caller === undefined || caller === fn) return false;
    return isFireAndForget(c) || insideRaceOrWrapper(c) || (hops < MAX_HOPS && nobodyWaitsOn(caller, hops + 1, visiting));
  }));
  visiting.delete(fn);
  // Only the answer from the call's own helper is kept: one further up was cut short by the hops left.
  if (hops === 1) cache.set(fn, v);
  return v;
}

/** A call in a helper nobody waits on ({@link nobodyWaitsOn}): its wait holds no caller. */
export function nobodyWaits(call: ts.Node): boolean {
  const fn = enclosingFunction(call);
  return fn !== undefined && nobodyWaitsOn(fn, 1, new Set());
}
