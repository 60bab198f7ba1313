import { ts } from "../../engine/ts";
import { enclosingLoop } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { unwrap } from "./ast";

/**
 * `await Promise.race([...pending.map((x) => x.promise), new Promise((_, reject) => setTimeout(() => reject(…), ms))])`:
 * a race over work already started, and timers; the await asks nothing of its own, so a loop that goes round to
 * race what is left re-issues no call (session 44, production firecrawl's engine waterfall in `scrapeURL/index.ts`,
 * which drops the failed engine's promise and races the rest against the scrape's deadline). An element that starts
 * work (`fetch(u)`, `scrape(engine)`, `pending.map((e) => scrape(e))`) keeps it an outbound call.
 */
export function racesStartedWork(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== "Promise") return false;
  if (!/^(?:race|any)$/.test(callee.name.text) || call.arguments.length !== 1) return false;
  const arr = unwrap(call.arguments[0]!);
  if (!ts.isArrayLiteralExpression(arr) || arr.elements.length === 0) return false;
  // A loop that goes round while work is pending (`while`, `do`, `for`), not a `for…of` over a list.
  const loop = enclosingLoop(call);
  if (!loop || ts.isForInStatement(loop) || ts.isForOfStatement(loop)) return false;
  let picked = false;
  for (const el of arr.elements) {
    const e = unwrap(ts.isSpreadElement(el) ? el.expression : el);
    if (isTimer(e)) continue;
    // `...(more ? [timer] : [])`: a timer or nothing.
    if (ts.isConditionalExpression(e) && [e.whenTrue, e.whenFalse].every((a) => timersOnly(unwrap(a)))) continue;
    if (ts.isCallExpression(e) && picksStarted(e, loop)) {
      picked = true;
      continue;
    }
    return false;
  }
  return picked;
}

function isTimer(e: ts.Expression): boolean {
  return ts.isNewExpression(e) && timerPromise(e);
}

function timersOnly(e: ts.Expression): boolean {
  return ts.isArrayLiteralExpression(e) && e.elements.every((x) => isTimer(unwrap(x)));
}

/**
 * `pending.map((x) => x.promise)` where `pending` is declared before the loop: fields of what the collection holds,
 * work started before the loop went round.
 */
function picksStarted(call: ts.CallExpression, loop: ts.IterationStatement): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "map" || call.arguments.length !== 1) return false;
  const fn = unwrap(call.arguments[0]!);
  if (!ts.isArrowFunction(fn) || ts.isBlock(fn.body) || !ts.isPropertyAccessExpression(unwrap(fn.body))) return false;
  const receiver = unwrap(callee.expression);
  if (!ts.isIdentifier(receiver)) return false;
  return !declaredInLoop(loop).has(receiver.text);
}

// The names each loop declares, gathered once per loop (a walk of the loop for every race in it, asked again for each
// of the loop's tries, was quadratic).
const loopDeclarations = new TreeMemo<ts.IterationStatement, ReadonlySet<string>>();

/** The names a `const`/`let`/`var` inside the loop declares: a collection built on each turn. */
function declaredInLoop(loop: ts.IterationStatement): ReadonlySet<string> {
  let names = loopDeclarations.get(loop);
  if (names) return names;
  const found = new Set<string>();
  const stack: ts.Node[] = [loop];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (ts.isVariableDeclaration(x) && ts.isIdentifier(x.name)) found.add(x.name.text);
    x.forEachChild((c) => void stack.push(c));
  }
  loopDeclarations.set(loop, (names = found));
  return names;
}

/** `new Promise((resolve, reject) => { setTimeout(…) })`: an executor that only sets a timer, no request. */
function timerPromise(n: ts.NewExpression): boolean {
  if (!ts.isIdentifier(n.expression) || n.expression.text !== "Promise" || n.arguments?.length !== 1) return false;
  const fn = unwrap(n.arguments[0]!);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const statements: readonly ts.Node[] = ts.isBlock(fn.body) ? fn.body.statements : [fn.body];
  return statements.length > 0 && statements.every((st) => {
    const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : ts.isExpression(st as ts.Expression) ? unwrap(st as ts.Expression) : undefined;
    return e !== undefined && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "setTimeout";
  });
}
