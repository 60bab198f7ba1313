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
