/**
 * A timer tick whose work is gated on a "pending" flag that the work clears only once it succeeded
 * (production docmost excalidraw-view.tsx:166):
 *
 *   const saveData = useCallback(async () => { … await uploadFile(file); …; isDirtyRef.current = false; }, deps);
 *   setInterval(() => { if (isDirtyRef.current && !isSavingRef.current) saveData(false).catch(() => {}); }, 30_000);
 *
 * A failed save leaves the flag set, so the next tick tries again, and whatever reads the flag (an
 * "unsaved changes" prompt) still sees the work pending: nothing is lost, it is late. Read here: the
 * tick is a function handed to `setInterval` (or a `useInterval`-style hook); the call it drops (a
 * `.catch` handler, or a try whose catch only logs or is empty) is to a function of the same scope
 * (a `function`, or a `const` holding one, also through `useCallback`) that stays inside an `if`
 * testing the flag as true (alone or as one `&&` term); that function's body sets the same flag to
 * `false` (or `0`, `""`) after its first `await`, outside any `catch` and `finally`, and nowhere else. A
 * function that clears the flag before its work, or in a `finally`, drops the work for good and stays
 * reported, as does a tick without such a flag.
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

// Timers that call their callback again and again.
const REPEATING_RE = /^(?:setInterval|useInterval)$/;

/** The function a tick hands to `setInterval(fn, ms)` (or `useInterval(fn, ms)`) that holds `n`, if any. */
function tickAround(n: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (!isFunctionLike(p)) continue;
    const call = p.parent;
    return call && ts.isCallExpression(call) && call.arguments[0] === p && REPEATING_RE.test(calleeName(call) ?? "") ? p : undefined;
  }
  return undefined;
}

/** The flags an `if` condition tests as true: `a && !b` → `a`; `x.current` → `x.current`. */
function testedTrue(cond: ts.Expression, out: string[]): void {
  let e = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    testedTrue(e.left, out);
    testedTrue(e.right, out);
  } else if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) out.push(e.getText().replace(/\s+/g, ""));
}

/** The flags the `if`s between `n` and the tick test as true, `n` in their `then` branch. */
function gatingFlags(n: ts.Node, tick: ts.Node): string[] {
  const out: string[] = [];
  for (let cur: ts.Node = n; cur.parent && cur !== tick; cur = cur.parent) {
    const p = cur.parent;
    if (ts.isIfStatement(p) && p.thenStatement === cur) testedTrue(p.expression, out);
  }
  return out;
}

/** `name` as a `function` or a `const` holding a function (also `useCallback(fn, deps)`) in a block around `at`. */
function localFunction(at: ts.Node, name: string): ts.FunctionLikeDeclaration | undefined {
  for (let p = at.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
      if (!ts.isVariableStatement(st)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      let init = d?.initializer;
      if (init && ts.isCallExpression(init) && calleeName(init) === "useCallback") init = init.arguments[0];
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
      if (d) return undefined;
    }
  }
  return undefined;
}

const isCleared = (e: ts.Expression): boolean => e.kind === ts.SyntaxKind.FalseKeyword || (ts.isNumericLiteral(e) && e.text === "0") || (ts.isStringLiteral(e) && e.text === "");

/** Whether `fn` clears `flag` only after its first `await`, outside `catch` and `finally`, and nowhere else. */
function clearsOnSuccess(fn: ts.FunctionLikeDeclaration, flag: string): boolean {
  if (!fn.body || !ts.isBlock(fn.body)) return false;
  let firstAwait = -1;
  let good = false;
  let bad = false;
  const visit = (n: ts.Node, guarded: boolean): void => {
    if (bad || (n !== fn.body && isFunctionLike(n))) return;
    if (ts.isAwaitExpression(n) && firstAwait === -1) firstAwait = n.getStart();
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText().replace(/\s+/g, "") === flag) {
      if (!isCleared(n.right)) return;
      if (guarded || firstAwait === -1 || n.getStart() < firstAwait) bad = true;
      else good = true;
    }
    if (ts.isTryStatement(n)) {
      visit(n.tryBlock, guarded);
      if (n.catchClause) visit(n.catchClause, true);
      if (n.finallyBlock) visit(n.finallyBlock, true);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, guarded));
  };
  visit(fn.body, false);
  return good && !bad;
}

/** Whether `work` (`saveData(false)`) is retried by the next tick of the timer around it (see the module comment). */
function retriedWork(work: ts.Expression, at: ts.Node): boolean {
  let e = work;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const tick = tickAround(at);
  if (!tick) return false;
  const flags = gatingFlags(at, tick);
  if (flags.length === 0) return false;
  const fn = localFunction(tick, e.expression.text);
  return fn !== undefined && flags.some((f) => clearsOnSuccess(fn, f));
}

/** `saveData(false).catch(() => {})` in such a tick. */
export function rejectionRetriedByNextTick(catchCall: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(catchCall.expression)) return false;
  return ts.isExpressionStatement(catchCall.parent) && retriedWork(catchCall.expression.expression, catchCall);
}

/** `try { await saveData(); } catch (e) { log(e); }` in such a tick: the try's one statement is the work. */
export function tryRetriedByNextTick(tryStmt: ts.TryStatement): boolean {
  const stmts = tryStmt.tryBlock.statements;
  const only = stmts.length === 1 ? stmts[0] : undefined;
  return !!only && ts.isExpressionStatement(only) && retriedWork(only.expression, tryStmt);
}
