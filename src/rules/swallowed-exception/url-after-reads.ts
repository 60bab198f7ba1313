import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { parsedIntoLocal } from "./url-check";

// `String(x)`, `x.trim()`, `/^https?:\/\//i.test(x)`: work on a string that cannot fail in practice.
const COERCION_RE = /^(?:trim|trimStart|trimEnd|toLowerCase|toUpperCase|toString)$/;

/** An argument of the parse: reads, literals, templates, coercions and a regex literal's `.test(x)`. */
function pureArgument(n: ts.Node): boolean {
  if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || isFunctionLike(n)) return false;
  if (ts.isCallExpression(n)) {
    const c = n.expression;
    const ok = (ts.isIdentifier(c) && c.text === "String" && n.arguments.length === 1) || (ts.isPropertyAccessExpression(c) && ((COERCION_RE.test(c.name.text) && n.arguments.length === 0) || (c.name.text === "test" && ts.isRegularExpressionLiteral(c.expression) && n.arguments.length === 1)));
    if (!ok) return false;
  }
  return !(ts.forEachChild(n, (c) => (pureArgument(c) ? undefined : true)) ?? false);
}

/** `new URL(x, base)`, `URL.parse(x)` over pure arguments. */
function urlParse(e: ts.Expression): boolean {
  const named = (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "URL") || (ts.isCallExpression(e) && e.expression.getText() === "URL.parse");
  return named && ((e as ts.NewExpression | ts.CallExpression).arguments ?? []).every(pureArgument);
}

/** `n` names one of `names` (not as a property name). */
function mentions(n: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) return true;
  return ts.forEachChild(n, (c) => (mentions(c, names) ? true : undefined)) ?? false;
}

/** A read of the parse: no `await`, `new`, function or assignment; calls only on what `names` hold or `Boolean`. */
function readsTheParse(n: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || isFunctionLike(n)) return false;
  if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if (ts.isCallExpression(n) && !(ts.isPropertyAccessExpression(n.expression) && mentions(n.expression.expression, names))) return false;
  return !(ts.forEachChild(n, (c) => (ts.isIdentifier(c) ? undefined : readsTheParse(c, names) ? undefined : true)) ?? false);
}

/**
 * `let parsed: URL; try { parsed = new URL(current, base); } catch { return undefined; } const
 * segments = parsed.pathname.split("/").filter(Boolean); const viewId =
 * parsed.searchParams.get("viewId"); if (!segments.length || !viewId) return undefined;` (production
 * langfuse): the URL-parse convention's test right after the try, with `const`s between that only
 * read the parse (or each other) and a first `if` that tests them and takes the catch's very exit
 * (`want`): a URL that does not parse gets the answer of a URL without what the function looks for.
 * The parse's arguments may also pick a scheme with a regex literal's `test` (`/^https?:\/\//i.test(e)
 * ? e : \`https://${e}\``). Any other statement first, or another exit, stays reported.
 */
export function urlCheckedAfterItsReads(tryStmt: ts.TryStatement, want: string): boolean {
  const left = parsedIntoLocal(tryStmt, urlParse);
  const list = tryStmt.parent;
  if (!left || !ts.isBlock(list)) return false;
  const names = new Set([left.text]);
  for (const st of list.statements.slice(list.statements.indexOf(tryStmt) + 1)) {
    if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer || !mentions(d.initializer, names) || !readsTheParse(d.initializer, names)) return false;
        names.add(d.name.text);
      }
      continue;
    }
    if (!ts.isIfStatement(st) || st.elseStatement || !mentions(st.expression, names) || !readsTheParse(st.expression, names)) return false;
    const then = ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement;
    return then.getText().replace(/\s+/g, "") === want;
  }
  return false;
}
