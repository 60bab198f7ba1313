/**
 * The request-body exemption of `promiseCatchNoop` (`const body = await req.json().catch(() =>
 * ({}))`) written as a try/catch (held round 35, decided clean):
 *
 *   let options: Options = {};
 *   try { const body = await req.json(); options = body || {}; } catch { }
 *   try { const text = await req.text(); options = text ? JSON.parse(text) : {}; } catch { options = {}; }
 *
 * A body that does not parse reads as an empty one, whose missing fields the handler must already
 * answer; the error only said that the client sent no JSON.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isBodyRead } from "./analysis";

const RECEIVER_RE = /^(?:req|request)$|\.req$/;

function isEmptyObject(e: ts.Expression | undefined): boolean {
  let u = e;
  while (u && (ts.isParenthesizedExpression(u) || ts.isAsExpression(u))) u = u.expression;
  return !!u && ts.isObjectLiteralExpression(u) && u.properties.length === 0;
}

/** `req.json()`, `request.text()`, `c.req.json()`: the request's body read. */
function isRequestBodyRead(n: ts.Node): boolean {
  return isBodyRead(n) && RECEIVER_RE.test(n.expression.expression.getText());
}

/**
 * The try reads the request body (its only wait), parses it at most (`JSON.parse`), and assigns
 * its locals and one name declared before it; that name starts as `{}`, and the catch is empty or
 * only sets it to `{}` again.
 */
export function readsRequestBodyAsEmpty(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  let reads = 0;
  let other = false;
  const targets = new Set<string>();
  const locals = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (isFunctionLike(n)) {
      other = true;
      return;
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) locals.add(n.name.text);
    if (ts.isAwaitExpression(n) && !isRequestBodyRead(n.expression)) other = true;
    if (ts.isCallExpression(n)) {
      if (isRequestBodyRead(n)) reads++;
      else if (n.expression.getText() !== "JSON.parse") other = true;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (ts.isIdentifier(n.left)) targets.add(n.left.text);
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  const outer = [...targets].filter((t) => !locals.has(t));
  if (other || reads !== 1 || outer.length !== 1) return false;
  const target = outer[0]!;
  // The catch: nothing, or `target = {}`.
  const resets = catchBlock.statements.every((st) => ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(st.expression.left) && st.expression.left.text === target && isEmptyObject(st.expression.right));
  if (!resets) return false;
  // `let options: Options = {};` before the try, in the same or an enclosing block.
  for (let n: ts.Node | undefined = tryStmt.parent; n && !isFunctionLike(n); n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st) || st.pos > tryStmt.pos) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === target);
      if (d) return isEmptyObject(d.initializer);
    }
  }
  return false;
}
