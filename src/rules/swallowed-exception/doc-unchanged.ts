/**
 * A documented pass-through (issue 11, session 25, prodall28; production rallly's
 * `toRuntimeCanonicalIanaId`): the function's doc comment says which inputs come back unchanged
 * ("Unknown IDs are returned unchanged.", "otherwise the value is returned as is"), and its catch
 * answers exactly that, one of the function's own parameters, untouched:
 *
 *   /** Fold an IANA ID to this runtime's spelling. Unknown IDs are returned unchanged. *\/
 *   export function toRuntimeId(id: string): string {
 *     try { return Intl.DateTimeFormat(undefined, { timeZone: id }).resolvedOptions().timeZone; }
 *     catch { return id; }
 *   }
 *
 * The doc states the failure policy in the function's own terms, as the docs' "doc comment says so"
 * convention asks. A catch answering anything else (a constant, a field of the input) stays judged as before.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";

const UNCHANGED_RE = /\b(?:is|are|gets?|get) returned (?:unchanged|as[- ]is)\b|\breturns? (?:it|them|the (?:input|value|argument|id|string|name)) (?:unchanged|as[- ]is)\b|\bpass(?:es|ed)? (?:it |them )?through unchanged\b/i;

/** The function around `clause` whose catch answers one of its parameters as its doc comment says. */
export function docSaysInputUnchanged(text: string, clause: ts.CatchClause): boolean {
  const rest = clause.block.statements.filter((s) => !isLogStatement(s) && !ts.isEmptyStatement(s));
  const ret = rest[0];
  if (rest.length !== 1 || !ret || !ts.isReturnStatement(ret) || !ret.expression || !ts.isIdentifier(ret.expression)) return false;
  let fn: ts.Node | undefined = clause.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn)) return false;
  const name = ret.expression.text;
  if (!fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return false;
  // The parameter is not reassigned before the catch answers it.
  if (assigns(fn, name)) return false;
  // The doc comment of the declaration: the function's own, or the statement declaring the arrow.
  let holder: ts.Node = fn;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isVariableDeclarationList(fn.parent.parent)) holder = fn.parent.parent.parent;
  // `/** … */ export default (id) => …`: the doc sits before the `export default` that holds the arrow.
  if ((ts.isArrowFunction(holder) || ts.isFunctionExpression(holder)) && ts.isExportAssignment(holder.parent)) holder = holder.parent;
  return (ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? []).some((r) => text.startsWith("/**", r.pos) && UNCHANGED_RE.test(text.slice(r.pos, r.end).replace(/\*/g, " ").replace(/\s+/g, " ")));
}

function assigns(fn: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left) && n.left.text === name) found = true;
    else n.forEachChild(visit);
  };
  visit(fn);
  return found;
}
