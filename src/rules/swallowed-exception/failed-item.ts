import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { references } from "./analysis";
import { enclosingFunction } from "./scope";

/** Whether the try answers a value anywhere (a `return` with an expression outside nested functions). */
function answersAValue(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isReturnStatement(n) && n.expression) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}

/**
 * `names.map(async (name) => limit(async () => { try { await add(name); } catch (e) { log(e); return
 * name; } }))`: one item of a batch whose try answers nothing and whose catch logs its error and
 * answers the item itself, the `.map` callback's parameter; the batch's results are then the list
 * of the items that failed. Answers that `.map(…)` call (the callback may hand the work to a
 * wrapper such as a concurrency limiter, `limit(fn)`, `pRetry(fn)`, up to two of them), so the
 * caller checks that the function keeps those results (`results.filter(Boolean)`).
 */
export function failedItemMap(clause: ts.CatchClause, errName: string | undefined): ts.CallExpression | undefined {
  if (!errName || !references(clause.block, errName)) return undefined;
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isIdentifier(last.expression)) return undefined;
  const item = last.expression.text;
  if (answersAValue((clause.parent as ts.TryStatement).tryBlock)) return undefined;
  let fn = enclosingFunction(clause);
  for (let hops = 0; fn && hops <= 2; hops++) {
    const p = fn.parent;
    if (!p || !ts.isCallExpression(p) || !p.arguments.includes(fn as ts.Expression)) return undefined;
    if (ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "map") {
      const param = fn.parameters[0];
      return param && ts.isIdentifier(param.name) && param.name.text === item ? p : undefined;
    }
    // `limit(async () => …)` as the callback's body or the value its last statement returns.
    let at: ts.Node = p;
    while (ts.isAwaitExpression(at.parent) || ts.isParenthesizedExpression(at.parent)) at = at.parent;
    const outer = ts.isReturnStatement(at.parent) ? enclosingFunction(at.parent) : at.parent;
    if (!outer || !isFunctionLike(outer) || (ts.isReturnStatement(at.parent) && !(outer.body && ts.isBlock(outer.body) && outer.body.statements[outer.body.statements.length - 1] === at.parent)) || (!ts.isReturnStatement(at.parent) && outer.body !== at)) return undefined;
    fn = outer;
  }
  return undefined;
}
