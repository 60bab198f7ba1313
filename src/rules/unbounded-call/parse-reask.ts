import { isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";

/**
 * `try { return JSON.parse(content) as Skills; } catch { if (attempt < MAX) return extract(doc, text, attempt + 1); … }`:
 * the `try` awaits nothing, so its catch sees only a synchronous failure (the model's answer that does
 * not parse), never a failed request: the call again is one more request after a logical failure, not
 * a retry of a failing dependency (held round 28, banglahouse/resume_screener_backend
 * `skillExtractor.ts:190`, clean debatable by both labellers). Only with the attempts counted (`attempt + 1`).
 */
export function syncOnlyTry(clause: ts.CatchClause): boolean {
  const stmt = clause.parent;
  if (!ts.isTryStatement(stmt)) return false;
  let async = false;
  const walk = (n: ts.Node): void => {
    if (async || isFunctionLikeDeclaration(n)) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isForOfStatement(n) && !!n.awaitModifier) {
      async = true;
      return;
    }
    // `.then(…)` / `.catch(…)` chains settle later too.
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:then|catch|finally)$/.test(n.expression.name.text)) {
      async = true;
      return;
    }
    n.forEachChild(walk);
  };
  stmt.tryBlock.forEachChild(walk);
  return !async;
}
