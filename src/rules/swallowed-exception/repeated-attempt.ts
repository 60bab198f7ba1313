import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

/** The call a statement makes whole: `return fn()`, `await page.goto(url);`, `return await load(id)` (not `load().catch(…)`). */
function statementCall(st: ts.Node): ts.CallExpression | undefined {
  let e = ts.isReturnStatement(st) ? st.expression : ts.isExpressionStatement(st) ? st.expression : undefined;
  while (e && (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
  return e && ts.isCallExpression(e) ? e : undefined;
}

/** The one call a try makes, as its one statement. */
function onlyCall(block: ts.Block): ts.CallExpression | undefined {
  return block.statements.length === 1 ? statementCall(block.statements[0]!) : undefined;
}

// Per function body (or file): the calls its statements make whole outside any try block of that body, by callee name,
// nested functions left out (a call whose promise has its own handler, `load().catch(…)`, is no repeat).
const UNPROTECTED = new TreeMemo<ts.Node, Map<string, ts.CallExpression[]>>();

function unprotectedCalls(body: ts.Node): Map<string, ts.CallExpression[]> {
  const known = UNPROTECTED.get(body);
  if (known) return known;
  const out = new Map<string, ts.CallExpression[]>();
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isTryStatement(n)) {
      // The try block is protected; its catch and finally blocks are not.
      if (n.catchClause) visit(n.catchClause.block);
      if (n.finallyBlock) visit(n.finallyBlock);
      return;
    }
    const call = statementCall(n);
    const name = call && calleeName(call);
    if (call && name !== undefined) {
      const list = out.get(name);
      if (list) list.push(call);
      else out.set(name, [call]);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  UNPROTECTED.set(body, out);
  return out;
}

const compact = (n: ts.Node) => n.getText().replace(/\s+/g, "");

/**
 * `for (let i = 0; i < max; i++) { try { return fn(); } catch {} await sleep(interval); } return fn();`,
 * `try { await page.goto(url); } catch {} try { await page.waitForSelector(…); } catch { await page.goto(url); }`
 * (production keystone's test helpers): a try whose one statement is a call, swallowed, that the same
 * function makes again later, the same call with the same arguments, outside any try of the function
 * (in a catch or after a check). An attempt that keeps failing fails there, with its error; one that
 * a later attempt makes good needed no report. A different call later, or the same call inside
 * another try, stays reported.
 */
export function attemptRepeatedUnprotected(tryStmt: ts.TryStatement): boolean {
  const call = onlyCall(tryStmt.tryBlock);
  const name = call && calleeName(call);
  if (!call || name === undefined) return false;
  let body: ts.Node | undefined = tryStmt.parent;
  while (body && !isFunctionLike(body) && !ts.isSourceFile(body)) body = body.parent;
  if (!body) return false;
  const scope = isFunctionLike(body) ? body.body : body;
  if (!scope) return false;
  const text = compact(call);
  // The calls are in source order: the first few of that name after the try are compared, never all of them.
  const calls = unprotectedCalls(scope).get(name) ?? [];
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid]!.pos < tryStmt.end) lo = mid + 1;
    else hi = mid;
  }
  return calls.slice(lo, lo + MAX_COMPARED).some((c) => compact(c) === text);
}

// A repeat sits near the attempt (after its loop, in the next check's catch).
const MAX_COMPARED = 8;
