import { ts } from "../../engine/ts";
import { readsName } from "../../engine/ast";
import { leaves } from "./ast";

/**
 * `name = …` as a statement of its own. With `derived`, not one whose new value is made from the old one
 * (`message = await checkInterrupt(message)`, `text = text.trim()`): the input goes on in it, transformed.
 */
function assigns(st: ts.Statement, name: string, derived = false): boolean {
  if (!ts.isExpressionStatement(st)) return false;
  const e = st.expression;
  if (!(ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) && e.left.text === name)) return false;
  return !derived || !readsName(e.right, name);
}

/**
 * `let event = req.body; try { event = stripe.webhooks.constructEvent(raw, sig, secret); } catch { return
 * res.status(400)…; }`: a `let` given the input, then given another value on every path that goes on (a
 * statement of the same block, or one of a `try`'s own statements whose `catch` leaves). Reads past that
 * point see the new value, not the input. Answers whether `ref` is such a read; a reassignment inside an
 * `if` (`if (secret) event = constructEvent(…)`) leaves the input on the other path, and so does a
 * `catch` that goes on. With `derived` (a message's text), a new value made from the old one is the input still.
 */
export function readsOverwrittenValue(decl: ts.VariableDeclaration, ref: ts.Node, derived = false): boolean {
  if (!ts.isIdentifier(decl.name) || (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Let) === 0) return false;
  const stmt = decl.parent.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
  const name = decl.name.text;
  const list = block.statements;
  for (let i = list.indexOf(stmt) + 1; i < list.length && list[i]!.pos < ref.pos; i++) {
    const st = list[i]!;
    if (assigns(st, name, derived)) return ref.pos >= st.end;
    if (!ts.isTryStatement(st) || !st.catchClause || !leaves(st.catchClause.block)) continue;
    const set = st.tryBlock.statements.find((s) => assigns(s, name));
    if (!set) continue;
    // Inside the catch the input may still be there; after the assignment in the try and after the try, it is not.
    return (ref.pos >= set.end && ref.end <= st.tryBlock.end) || ref.pos >= st.end;
  }
  return false;
}
