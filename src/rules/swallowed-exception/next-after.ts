/**
 * Next.js's `after(callback)` (issue 11, session 25, prodall28; production rallly): the framework
 * runs the callback once the response has been sent, with nobody left to answer, as a timer or an
 * event listener is run. So a log-only catch that ends the callback, or a log-only `.catch` that is
 * its whole work (its expression body or its last statement), has no caller to tell:
 *
 *   after(async () => { try { await prisma.instance.upsert(…); } catch (error) { logger.error({ error }, "…"); } });
 *   after(() => prisma.user.update({ … }).catch((error) => { logger.error({ error }, "…"); return null; }));
 *
 * Known only when `after` (or its former name `unstable_after`) is imported from `next/server`. A
 * log-only try nested inside the callback's work (a side sync to a billing provider inside its
 * `if`) is not its end and stays reported: the docs keep a silently failed side sync reported.
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

/** `after(async () => { … })` with `after` imported from `next/server`: the callback. */
export function isNextAfterCallback(fn: ts.Node | undefined): fn is ts.ArrowFunction | ts.FunctionExpression {
  if (!fn || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isIdentifier(call.expression)) return false;
  const imp = importBindings(fn.getSourceFile()).get(call.expression.text);
  return imp?.kind === "named" && imp.spec === "next/server" && (imp.exported === "after" || imp.exported === "unstable_after");
}

/** `stmt` ends an `after()` callback: its expression body, or the last statement of its block. */
export function endsNextAfterCallback(stmt: ts.Node, fn: ts.Node | undefined): boolean {
  if (!isNextAfterCallback(fn)) return false;
  const body = fn.body;
  return ts.isBlock(body) ? body.statements[body.statements.length - 1] === stmt : body === stmt;
}

/**
 * `const user = await prisma.user.update(…).catch((error) => { logger.error(…); return null; });` as a
 * statement of an `after()` callback's body, where every later read of `user` is behind a test of
 * it (`if (user && !user.isAnonymous) track(…)`): the callback's answer to the failure is to skip
 * what depends on the value, and nobody is left to tell (production rallly's session hook).
 */
export function guardedInNextAfterCallback(call: ts.CallExpression, handler: ts.Expression): boolean {
  if (!answersNothing(handler)) return false;
  let node: ts.Node = call;
  if (ts.isAwaitExpression(node.parent)) node = node.parent;
  const decl = node.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== node || !ts.isIdentifier(decl.name)) return false;
  const stmt = decl.parent.parent;
  if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const) || !ts.isBlock(stmt.parent) || !isNextAfterCallback(stmt.parent.parent)) return false;
  const name = decl.name.text;
  const body = stmt.parent.statements;
  let guarded = true;
  const visit = (n: ts.Node): void => {
    if (!guarded) return;
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !isGuarded(n, name)) guarded = false;
    else n.forEachChild(visit);
  };
  for (const st of body.slice(body.indexOf(stmt) + 1)) visit(st);
  return guarded;
}

/** A handler that answers `null`, `undefined` or nothing: the value is absent after a failure. */
function answersNothing(h: ts.Expression): boolean {
  if (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h)) return false;
  const absent = (e: ts.Expression | undefined): boolean => !e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined") || ts.isVoidExpression(e);
  if (!ts.isBlock(h.body)) return false;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok || (n !== h.body && (ts.isFunctionLike(n)))) return;
    if (ts.isReturnStatement(n) && !absent(n.expression)) ok = false;
    else n.forEachChild(visit);
  };
  visit(h.body);
  return ok;
}

/** `x` tested before it is read: `x && …` (the test or its right side), `if (x) …` / `if (x && …) …` (the test or its branch), `x?.field`. */
function isGuarded(ref: ts.Identifier, name: string): boolean {
  if (ts.isPropertyAccessExpression(ref.parent) && ref.parent.expression === ref && ref.parent.questionDotToken) return true;
  for (let n: ts.Node = ref; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && leadsWith(p.left, name) && (p.left === n || p.right === n)) return true;
    if (ts.isIfStatement(p) && leadsWith(p.expression, name) && (p.expression === n || p.thenStatement === n)) return true;
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** `x`, or `x && …` whose leftmost operand is `x`. */
function leadsWith(e: ts.Expression, name: string): boolean {
  let u = e;
  while (ts.isParenthesizedExpression(u)) u = u.expression;
  if (ts.isIdentifier(u)) return u.text === name;
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && leadsWith(u.left, name);
}
