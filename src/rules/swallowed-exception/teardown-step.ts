/**
 * Teardown steps beyond destroy-step.ts (issue 11, production growthbook): the steps of a
 * function whose job is to let go of things, logged while the other steps go on.
 *
 *   destroy() { this._destroyCallbacks.forEach((cb) => { try { cb(); } catch (e) { console.error(e); } }); … }
 *   useEffect(() => { …; return () => { try { player.pause(); } catch (e) { console.debug(e); } … }; }, [events]);
 *
 * The first runs each registered clean-up callback (a list named for clean-up); the second is a
 * React effect's clean-up function, which React calls on unmount with nobody to answer, a try
 * whose every call releases or stops one thing. A step that does other work (a flush, a save, a
 * state update) stays reported.
 */
import { ts } from "../../engine/ts";
import { references } from "./analysis";
import { onlyReleases } from "./no-caller";
import { enclosingFunction } from "./scope";

// A list of clean-up callbacks: `_destroyCallbacks`, `cleanupFns`, `disposers`, `unsubscribers`, `teardowns`.
const CLEANUP_LIST_RE = /destroy|dispos|clean[-_]?up|teardown|tear[-_]?down|unsub|unlisten|finaliz/i;
// What a clean-up function lets go of or stops: `close()`, `destroy()`, Svelte's `$destroy()`, a player's `pause()`.
const CLEANUP_CALL_RE = /^\$?(?:destroy|dispose|close|disconnect|unsubscribe|unobserve|removeEventListener|removeListener|off|abort|cancel|pause|stop|terminate|end|quit|unmount|revokeObjectURL|clearTimeout|clearInterval|cancelAnimationFrame)$/;
// An accessor on the way to the released thing: `inst.getReplayer?.()?.destroy?.()`.
const GETTER_RE = /^get[A-Z]\w*$/;
const EFFECT_RE = /^(?:useEffect|useLayoutEffect|useInsertionEffect)$/;

/** True when the catch ends a teardown step this module knows (its error logged, `errName` used). */
export function teardownStepLogged(clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !references(clause.block, errName)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const fn = enclosingFunction(clause);
  if (!fn) return false;
  return runsCleanupCallback(fn, tryStmt.tryBlock) || (isEffectCleanup(fn) && onlyReleases(tryStmt.tryBlock, CLEANUP_CALL_RE, GETTER_RE)) || releasesLoopItem(tryStmt);
}

// What letting go of a loaded module, a connection or a worker is called (no arguments): not
// `cancel`, `end` or `stop(id)`, which may be a user's subscription or job.
const ITEM_RELEASE_RE = /^(?:dispose|destroy|close|disconnect|quit|terminate|unload)$/;

/**
 * `for (const mod of [...modules].reverse()) { if (!mod.dispose) continue; try { await mod.dispose(); }
 * catch (err) { console.error(\`${mod.name} dispose() failed: ${msg}\`); } }`: each item of a list let go
 * of in turn, the try only its release call, the others still let go (held round 35, decided clean:
 * a module's dispose() at reload or shutdown).
 */
function releasesLoopItem(tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  const loop = ts.isBlock(body) ? body.parent : undefined;
  if (!loop || !ts.isForOfStatement(loop) || !ts.isVariableDeclarationList(loop.initializer)) return false;
  const item = loop.initializer.declarations[0]?.name;
  const stmts = tryStmt.tryBlock.statements;
  if (!item || !ts.isIdentifier(item) || stmts.length !== 1 || !ts.isExpressionStatement(stmts[0]!)) return false;
  let e: ts.Expression = stmts[0].expression;
  while (ts.isAwaitExpression(e) || ts.isVoidExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length > 0 || !ts.isPropertyAccessExpression(e.expression)) return false;
  const recv = e.expression.expression;
  return ITEM_RELEASE_RE.test(e.expression.name.text) && ts.isIdentifier(recv) && recv.text === item.text;
}

/** `list.forEach((cb) => { try { cb(); } … })` over a list named for clean-up: the try only runs the item. */
function runsCleanupCallback(fn: ts.FunctionLikeDeclaration, block: ts.Block): boolean {
  const call = fn.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  if (!ts.isPropertyAccessExpression(call.expression) || !/^(?:forEach|map)$/.test(call.expression.name.text)) return false;
  const list = call.expression.expression;
  const listName = ts.isPropertyAccessExpression(list) ? list.name.text : ts.isIdentifier(list) ? list.text : "";
  const item = fn.parameters[0]?.name;
  if (!CLEANUP_LIST_RE.test(listName) || !item || !ts.isIdentifier(item) || block.statements.length !== 1) return false;
  const st = block.statements[0]!;
  let e = ts.isExpressionStatement(st) ? st.expression : undefined;
  while (e && (ts.isAwaitExpression(e) || ts.isVoidExpression(e))) e = e.expression;
  return !!e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === item.text;
}

/** `useEffect(() => { …; return () => { … }; })`: the function is the clean-up an effect returns. */
function isEffectCleanup(fn: ts.FunctionLikeDeclaration): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let holder: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
  if (!ts.isReturnStatement(holder)) return false;
  const effect = enclosingFunction(holder);
  const call = effect?.parent;
  if (!effect || !call || !ts.isCallExpression(call) || call.arguments[0] !== effect) return false;
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : "";
  return EFFECT_RE.test(callee);
}
