import { ts } from "../../engine/ts";
import { isLogCall } from "./analysis";

/**
 * `try { value = name.split(".").reduce((a, k) => a[k], payload); } catch { value = null; }` and
 * `try { let r = obj; for (const k of path.split(".")) r = r[k]; return r; } catch (e) { log(e); return undefined; }`:
 * a property-path read. The try splits a path and reads one key after another, calls nothing but
 * string/array methods, waits on nothing, writes no property; the only throw is the `TypeError` of a
 * missing intermediate, i.e. "the path is absent", and the catch answers absent (`null`, `undefined`,
 * a bare `return`, optionally after a log) like a `?.` chain would. A try that also calls something
 * else (a fetch, a store read), writes along the path, or a catch that answers a made-up value stays reported.
 */
export function walksAPath(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (!catchBlock.statements.every(answersAbsent)) return false;
  let splits = 0;
  let computedReads = 0;
  let bad = false;
  const visit = (n: ts.Node): void => {
    if (bad) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isNewExpression(n) || ts.isThrowStatement(n) || ts.isTaggedTemplateExpression(n) || ts.isDeleteExpression(n)) {
      bad = true;
      return;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && !ts.isIdentifier(n.left)) {
      bad = true; // `obj[k] = v`: a write along the path
      return;
    }
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      if (!ts.isPropertyAccessExpression(e) || !PATH_METHOD_RE.test(e.name.text)) {
        bad = true;
        return;
      }
      if (e.name.text === "split") splits++;
    }
    if (ts.isElementAccessExpression(n) && !ts.isStringLiteralLike(n.argumentExpression) && !ts.isNumericLiteral(n.argumentExpression)) computedReads++;
    ts.forEachChild(n, visit);
  };
  tryStmt.tryBlock.statements.forEach(visit);
  return splits > 0 && computedReads > 0 && !bad;
}

// What a path walk calls: splitting the path and stepping through its keys.
const PATH_METHOD_RE = /^(?:split|reduce|trim|filter|slice|shift)$/;

function isAbsent(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined") || (ts.isVoidExpression(e) && ts.isNumericLiteral(e.expression));
}

/** `return;`, `return undefined;`, `return null;`, `value = null;`, or a log line. */
function answersAbsent(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st)) return !st.expression || isAbsent(st.expression);
  if (!ts.isExpressionStatement(st)) return false;
  const e = st.expression;
  if (isLogCall(e)) return true;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) && isAbsent(e.right);
}
