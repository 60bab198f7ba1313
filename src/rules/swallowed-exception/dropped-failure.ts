/**
 * A helper's failure answer that its callers drop (held rounds 23 and 24: "helper catches that turn
 * errors into `{ success: false }` their callers drop", reported; round 40's Stripe webhook
 * `updateMondayPreAuthStatus`, a decided finding):
 *
 *   async function updateMondayPreAuthStatus(jobId, intent) {
 *     try { …; return { success: true }; } catch (error) { console.error("❌ …", error); return { success: false, error: error.message }; }
 *   }
 *   await updateMondayPreAuthStatus(jobId, paymentIntent);   // its only call: the answer is dropped
 *
 * The `{ success: false }` says the work failed, but nobody reads it: the failure ends in the log
 * line, as in a log-only catch. A caller that reads the answer (`const r = await update(…); if
 * (!r.success) …`), an export, or the name handed on keeps it a failure answer (not reported).
 */
import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import { shapeOf, type Shape } from "./analysis";
import { enclosingFunction } from "./scope";
import { findRefs } from "../unvalidated-boundary/ast";

/** `{ success: false, … }`, `{ ok: false }`: an object answer whose outcome field is `false`. */
function failureObject(e: ts.Expression | undefined): boolean {
  if (!e || !ts.isObjectLiteralExpression(e)) return false;
  return e.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && /^(?:success|ok)$/.test(p.name.text) && p.initializer.kind === ts.SyntaxKind.FalseKeyword);
}

/** The name a top-level function is declared under (`function f`, `const f = async () => …`). */
function declaredName(fn: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
}

/**
 * The catch, besides log lines, returns a failure object, in a top-level function of the file that
 * is not exported, whose every use in the file is a call made as a statement of its own: the shape of
 * the catch without that return (`log`), else undefined.
 */
export function failureObjectDropped(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !failureObject(last.expression) || stmts.length < 2) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  if (rest?.kind !== "log") return undefined;
  const fn = enclosingFunction(clause);
  const name = fn && declaredName(fn);
  const sf = clause.getSourceFile();
  if (!fn || !name || topLevelFunction(name, sf) !== fn) return undefined;
  const decl = ts.isFunctionDeclaration(fn) ? fn : fn.parent.parent.parent;
  if (ts.getCombinedModifierFlags(decl as ts.Declaration) & ts.ModifierFlags.Export) return undefined;
  // The file's references to the name, from its per-file index: each a call whose answer no expression takes.
  let dropped = 0;
  for (const ref of findRefs(name, sf, 0)) {
    if (ts.isVariableDeclaration(ref.parent) || (ts.isFunctionDeclaration(ref.parent) && ref.parent.name === ref)) continue;
    const call = ref.parent;
    if (!ts.isCallExpression(call) || call.expression !== ref) return undefined;
    const holder = ts.isAwaitExpression(call.parent) ? call.parent : call;
    if (!ts.isExpressionStatement(holder.parent)) return undefined;
    dropped++;
  }
  return dropped > 0 ? rest : undefined;
}

// `app.use`, `router.get`, …: Express-style registrations whose handlers' answers the framework ignores.
const ROUTE_METHOD_RE = /^(?:use|get|post|put|patch|delete|all)$/;

/**
 * `app.use(path, async function (req, res, next) { try { … } catch (err) { console.log(err); return err } next() })`
 * (retired held round 46's kaam-feathers, debatable finding): Express ignores what a middleware
 * returns, so the error handed back reaches nobody, `next` is never called and the request hangs.
 * Only a function of `(req, res, next)` passed straight to a registration, whose catch logs and then
 * returns the caught error: the shape of the catch without that return (`log`).
 */
export function middlewareReturnDropped(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!errName || !last || !ts.isReturnStatement(last) || !last.expression || !ts.isIdentifier(last.expression) || last.expression.text !== errName || stmts.length < 2) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  if (rest?.kind !== "log") return undefined;
  const fn = enclosingFunction(clause);
  if (!fn || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) || fn.parameters.length !== 3) return undefined;
  const next = fn.parameters[2]!.name;
  if (!ts.isIdentifier(next) || next.text !== "next") return undefined;
  const call = fn.parent;
  return ts.isCallExpression(call) && call.arguments.includes(fn) && ts.isPropertyAccessExpression(call.expression) && ROUTE_METHOD_RE.test(call.expression.name.text) ? rest : undefined;
}
