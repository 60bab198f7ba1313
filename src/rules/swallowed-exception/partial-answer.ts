/**
 * An optional part answered empty, its callers using it only when it is there (production
 * overseerr's Pushover agent):
 *
 *   private async getImagePayload(url: string): Promise<Partial<PushoverImagePayload>> {
 *     try { …; return { attachment_base64, attachment_type }; } catch (e) { logger.error("Error getting image payload", { errorMessage: e.message }); return {}; }
 *   }
 *   const imagePayload = await this.getImagePayload(payload.image);
 *   if (imagePayload.attachment_base64 && imagePayload.attachment_type) { attachment_base64 = imagePayload.attachment_base64; … }
 *
 * The declared answer (`Partial<…>`) says any field may be missing, the catch answers none of them
 * (`{}`), and every caller in the file holds the answer in a `const` that it reads only in the
 * test of an `if` and in that `if`'s own branch: the notification goes out without the image, as
 * held round 28's optional enrichment answered empty. A caller that spreads or returns the answer,
 * or reads it outside such a test, keeps the catch reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";

const PARTIAL_RE = /^(?:Promise<)?Partial<[\s\S]+>>?$/;

/** The catch ends with `return {};` in a function declared to answer `Partial<…>`, whose every caller here uses the answer only behind a test of it. */
export function partialAnsweredEmptyToGuardedCallers(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isObjectLiteralExpression(last.expression) || last.expression.properties.length > 0) return false;
  let fn: ts.Node | undefined = tryStmt.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn) || !fn.type || !PARTIAL_RE.test(fn.type.getText().replace(/\s+/g, ""))) return false;
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  if (!name) return false;
  let callers = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (n !== fn?.name && ts.isIdentifier(n) && n.text === name && isCallee(n)) {
      if (guardedUse(n.parent.parent as ts.CallExpression)) callers++;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.getSourceFile());
  return callers > 0 && !other;
}

/** `name(…)` or `this.name(…)`: the callee of a call. */
function isCallee(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isCallExpression(p) && p.expression === id) return true;
  return ts.isPropertyAccessExpression(p) && p.name === id && p.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isCallExpression(p.parent) && p.parent.expression === p;
}

/** `const x = await call;` in a block, `x` read only in an `if`'s test and that `if`'s then-branch. */
function guardedUse(call: ts.CallExpression): boolean {
  const e = ts.isAwaitExpression(call.parent) ? call.parent : call;
  const decl = e.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== e || !ts.isIdentifier(decl.name) || !(decl.parent.flags & ts.NodeFlags.Const)) return false;
  const stmt = decl.parent.parent;
  const block = stmt.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return false;
  const name = decl.name.text;
  let reads = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) {
      if (insideTestedIf(n, name)) reads++;
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  block.statements.slice(block.statements.indexOf(stmt as ts.Statement)).forEach(visit);
  return reads > 0 && !other;
}

/** `n` is in the test of an `if` that reads `name`, or in the then-branch of such an `if`. */
function insideTestedIf(n: ts.Node, name: string): boolean {
  for (let c: ts.Node = n; c.parent; c = c.parent) {
    const p = c.parent;
    if (ts.isIfStatement(p) && (p.expression === c || p.thenStatement === c)) return readsName(p.expression, name);
    if (isFunctionLike(p)) return false;
  }
  return false;
}

function readsName(e: ts.Node, name: string): boolean {
  if (ts.isIdentifier(e) && e.text === name) return true;
  return ts.forEachChild(e, (c) => readsName(c, name) || undefined) ?? false;
}
