import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";
import { emptyCatchOnlyComputes } from "./pure-try";

// Values of the language the try may make (`new URL(s)`, `new TextDecoder()`); a thrown `new Error(…)` is the try's own check.
const VALUE_CLASSES = new Set(["URL", "URLSearchParams", "TextDecoder", "TextEncoder", "Uint8Array", "Date", "RegExp", "Map", "Set", "Array"]);

/** `null`, `undefined` or nothing: the "none" a function answers; its text, else undefined. */
function noneOf(r: ts.ReturnStatement): string | undefined {
  const e = r.expression;
  if (!e) return "undefined";
  if (e.kind === ts.SyntaxKind.NullKeyword) return "null";
  return ts.isIdentifier(e) && e.text === "undefined" ? "undefined" : undefined;
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
    if (ts.isReturnStatement(n) && noneOf(n) === none) same = true;
    // `return new AppError(code, …)`: an object of a class whose constructor the rule does not read.
    if (ts.isNewExpression(n) && !ts.isThrowStatement(n.parent) && !(ts.isIdentifier(n.expression) && VALUE_CLASSES.has(n.expression.text))) builds = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return same && !builds && emptyCatchOnlyComputes(clause.getSourceFile(), tryStmt);
}
