import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";
import { emptyCatchOnlyComputes, newOfPurePackage } from "./pure-try";

// Values of the language the try may make (`new URL(s)`, `new TextDecoder()`); a thrown `new Error(…)` is the try's own check.
const VALUE_CLASSES = new Set(["URL", "URLSearchParams", "TextDecoder", "TextEncoder", "Uint8Array", "Date", "RegExp", "Map", "Set", "Array"]);

/** `null` or `undefined`: its text, else undefined. */
function noneText(e: ts.Expression): string | undefined {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (e.kind === ts.SyntaxKind.NullKeyword) return "null";
  return ts.isIdentifier(e) && e.text === "undefined" ? "undefined" : undefined;
}

/** `null`, `undefined` or nothing: the "none" a function answers; its text, else undefined. */
function noneOf(r: ts.ReturnStatement): string | undefined {
  return r.expression ? noneText(r.expression) : "undefined";
}

/**
 * Whether an answer offers `none` as one of its values: `none` itself, `x ?? none`, `x || none`,
 * `c ? x : none` (`return Intl.getCanonicalLocales(tag)[0] ?? null`).
 */
function offersNone(e: ts.Expression, none: string): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (noneText(e) === none) return true;
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return noneText(e.right) === none;
  return ts.isConditionalExpression(e) && (noneText(e.whenTrue) === none || noneText(e.whenFalse) === none);
}

/**
 * `if (!timestamp) return null; try { return new Date(timestamp * 1000).toISOString(); } catch { … return null; }`:
 * a guard of the function, in the block that holds the try and before it, answering the same "none".
 */
function guardAnswersNone(tryStmt: ts.TryStatement, none: string): boolean {
  const list = tryStmt.parent;
  if (!ts.isBlock(list) || !isFunctionLike(list.parent)) return false;
  const at = list.statements.indexOf(tryStmt);
  return list.statements.slice(0, at).some((st) => ts.isIfStatement(st) && !st.elseStatement && returnsNone(st.thenStatement, none));
}

function returnsNone(st: ts.Statement, none: string): boolean {
  const only = ts.isBlock(st) ? (st.statements.length === 1 ? st.statements[0] : undefined) : st;
  return only !== undefined && ts.isReturnStatement(only) && noneOf(only) === none;
}

/**
 * `try { const i = domain.indexOf("apis"); if (i === -1) return null; return domain.slice(i + 4) || null; }
 * catch { return null; }`: a try that only computes on values in hand (the emptyCatch convention's
 * test: string, array, number and JSON work, `new URL`, functions of the file that do only that; no
 * setting read) whose catch, besides log lines, answers "none" (`null`, `undefined`, nothing)
 * exactly as one of the try's own `return`s does, and which makes no object of a class beyond the
 * language's values (`new AppError(…)` in the try stays reported: production documenso, true). Malformed input gets the answer the function gives
 * for input without the thing it looks for; no outage can land there.
 */
export function pureTryAnswersNoneLikeItself(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements.filter((st) => !(ts.isExpressionStatement(st) && isLogCall(st.expression)));
  if (stmts.length !== 1 || !ts.isReturnStatement(stmts[0]!)) return false;
  const none = noneOf(stmts[0]);
  if (!none) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  let same = false;
  let builds = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && (noneOf(n) === none || (n.expression !== undefined && offersNone(n.expression, none)))) same = true;
    // `return new AppError(code, …)`: an object of a class whose constructor the rule does not read.
    // `new X509Certificate(pem)` from `node:crypto`: a value a compute-only package makes, as `new URL(s)`.
    if (ts.isNewExpression(n) && !ts.isThrowStatement(n.parent) && !(ts.isIdentifier(n.expression) && VALUE_CLASSES.has(n.expression.text)) && !newOfPurePackage(n)) builds = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return (same || guardAnswersNone(tryStmt, none)) && !builds && emptyCatchOnlyComputes(clause.getSourceFile(), tryStmt);
}
