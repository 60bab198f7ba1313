import { isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { enclosingFunction } from "./ast";
import { fileLocalCalls } from "./calls";

/**
 * Work handed to a serverless runtime's `waitUntil`: the platform ends it after the response
 * (Cloudflare Workers: "cancellation will be delayed until the promise has completed or until an
 * additional 30 seconds have elapsed, whichever happens first"; Vercel and Netlify at the
 * function's time limit), and no request waits for it. Not in a Durable Object, where
 * `waitUntil` has no effect and the object lives as long as its I/O.
 */

const CHAIN_RE = /^(?:then|catch|finally)$/;
/** Whether every call of a file-local helper is handed to waitUntil, per helper. */
const helperHanded = new WeakMap<ts.FunctionLikeDeclaration, boolean>();
const COMBINATOR_RE = /^(?:all|allSettled|race|any)$/;

/** True when `call` (or the promise it builds) reaches a `waitUntil(…)` argument. */
export function handedToWaitUntil(call: ts.CallExpression | ts.NewExpression): boolean {
  return reachesWaitUntil(call, 2);
}

function reachesWaitUntil(node: ts.Node, helperDepth: number): boolean {
  let cur: ts.Node = node;
  for (let i = 0; i < 64; i++) {
    const p = cur.parent;
    if (!p || ts.isSourceFile(p)) return false;
    if (ts.isCallExpression(p) && p.expression !== cur) {
      if (isWaitUntil(p)) return !inDurableObject(p);
      // `Promise.all([fetch(a), fetch(b)])`, a `.then(…)` callback: the combined promise carries this one.
      if (isCombinator(p) || isChainCallback(p, cur)) {
        cur = p;
        continue;
      }
      return false;
    }
    // `fetch(u).then(…)`: the chain's promise settles after this one.
    if (ts.isPropertyAccessExpression(p) && p.expression === cur && CHAIN_RE.test(p.name.text) && p.parent && ts.isCallExpression(p.parent)) {
      cur = p.parent;
      continue;
    }
    // `const p = fetch(u)` holds the promise; `const r = await fetch(u)` waits in this function, walked on up.
    if (ts.isVariableDeclaration(p) && p.initializer === cur && !ts.isAwaitExpression(cur)) return ts.isIdentifier(p.name) && namePassedToWaitUntil(p.name.text, p);
    if (isFunctionLikeDeclaration(p)) {
      const fn = p;
      const q = fn.parent;
      // `(async () => { await fetch(u); })()`: the call's promise is the function's.
      let outer: ts.Node = fn;
      while (outer.parent && ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
      if (outer.parent && ts.isCallExpression(outer.parent) && outer.parent.expression === outer) {
        cur = outer.parent;
        continue;
      }
      if (q && ts.isCallExpression(q) && q.arguments.includes(fn as ts.Expression)) {
        cur = fn;
        continue;
      }
      // A helper of the file's own whose every call is handed to waitUntil (`ctx.waitUntil(notify(env))`).
      if (helperDepth === 0 || !(ts.isFunctionDeclaration(fn) || (q !== undefined && ts.isVariableDeclaration(q)))) return false;
      // Once per helper: every call site of a file-local helper is found by a walk of the whole file.
      let handed = helperHanded.get(fn);
      if (handed === undefined) {
        // Its uses are read in the code: a log line naming the helper ("handlePost error:") is none.
        const calls = fileLocalCalls(fn, "code");
        handed = calls !== undefined && calls.every((c) => reachesWaitUntil(c, helperDepth - 1));
        helperHanded.set(fn, handed);
      }
      return handed;
    }
    cur = p;
  }
  return false;
}

/** `ctx.waitUntil(…)`, `event.waitUntil(…)`, or the imported `waitUntil(…)` (`cloudflare:workers`, `@vercel/functions`). */
function isWaitUntil(call: ts.CallExpression): boolean {
  const e = call.expression;
  return (ts.isIdentifier(e) && e.text === "waitUntil") || (ts.isPropertyAccessExpression(e) && e.name.text === "waitUntil");
}

function isCombinator(call: ts.CallExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Promise" && COMBINATOR_RE.test(e.name.text);
}

/** `p.then(() => fetch(u))`: the callback's promise is part of the chain's. */
function isChainCallback(call: ts.CallExpression, arg: ts.Node): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && CHAIN_RE.test(e.name.text) && call.arguments.includes(arg as ts.Expression);
}

/** `const p = fetch(u); ctx.waitUntil(p);`, in the same function. */
function namePassedToWaitUntil(name: string, decl: ts.Node): boolean {
  const scope = enclosingFunction(decl) ?? decl.getSourceFile();
  const n = name.replace(/\$/g, "\\$");
  return new RegExp(`\\bwaitUntil\\(\\s*${n}\\s*\\)`).test(scope.getText());
}

/** A Durable Object class: `extends DurableObject`, or a constructor taking a `DurableObjectState`. */
function inDurableObject(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (!ts.isClassLike(p)) continue;
    if (p.heritageClauses?.some((h) => h.types.some((t) => /\bDurableObject\b/.test(t.expression.getText())))) return true;
    const ctor = p.members.find(ts.isConstructorDeclaration);
    if (ctor?.parameters.some((q) => q.type !== undefined && /\bDurableObjectState\b/.test(q.type.getText()))) return true;
  }
  return false;
}
