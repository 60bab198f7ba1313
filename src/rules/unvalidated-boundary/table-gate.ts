import { ts } from "../../engine/ts";
import { climb, constInitializer, findBinding, findRefs, scopeOf, unwrap } from "./ast";
import { requiredOnly } from "./required-field";

/**
 * `if (!prices[plan as keyof typeof prices]) throw new Error("Invalid plan")`: the request's key
 * looked up in a `const` object literal of the code's own (the module's or the handler's, only ever
 * read), the request ended when nothing is found. Only the table's keys get past (an inherited name
 * such as `constructor` finds a function, whose fields the code then reads as missing): an allowlist
 * for what follows (held round 31, kid-story-magic create-checkout, labelled clean; the docs' price map).
 */
export function tableGate(access: ts.ElementAccessExpression): boolean {
  const table = unwrap(access.expression);
  if (!ts.isIdentifier(table) || !ownTable(table)) return false;
  return requiredOnly(access) || requiredEntry(access);
}

/**
 * `const priceId = PRICE_IDS[planId]; if (!priceId) throw new Error("Unknown plan")`: the entry found held in
 * a `const` and required by the statement right after it, before anything reads it (held round 35,
 * deal-flow create-checkout:30, labelled clean; the docs' price map, the lead's decision of round 31).
 */
function requiredEntry(access: ts.ElementAccessExpression): boolean {
  const d = climb(access).parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== climb(access) || !ts.isIdentifier(d.name) || (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) === 0) return false;
  const stmt = d.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
  const next = block.statements[block.statements.indexOf(stmt) + 1];
  const first = findRefs(d.name.text, scopeOf(d), d.name.end)[0];
  return !!next && !!first && ts.isIfStatement(next) && first.pos >= next.expression.pos && first.end <= next.expression.end && requiredOnly(first);
}

/** A `const` object literal every reference of which is a read of one of its entries (`prices[plan]`, `prices.starter`). */
function ownTable(table: ts.Identifier): boolean {
  const b = findBinding(table);
  const init = constInitializer(table);
  if (b?.kind !== "var" || !init || !ts.isObjectLiteralExpression(unwrap(init))) return false;
  return findRefs(table.text, scopeOf(b.decl), b.decl.end).every((ref) => {
    const p = ref.parent;
    // `plan as keyof typeof prices`: a type names the table, it reads nothing.
    if (p && ts.isTypeQueryNode(p)) return true;
    if (!p || !((ts.isElementAccessExpression(p) || ts.isPropertyAccessExpression(p)) && p.expression === ref)) return false;
    const at = climb(p).parent;
    // Written, deleted or called (`LOADERS[id]()` runs whatever the key picks): not a table only read.
    if (!at) return true;
    if (ts.isBinaryExpression(at) && at.left === climb(p) && at.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && at.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
    return !ts.isDeleteExpression(at) && !(ts.isCallExpression(at) && at.expression === climb(p));
  });
}
