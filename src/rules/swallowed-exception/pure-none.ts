import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";

// Calls that compute on values in hand: string, array, number, JSON and byte methods (not `exec`, `get`: a child process, a store).
const PURE_CALL_RE = /^(?:indexOf|lastIndexOf|includes|startsWith|endsWith|slice|substring|substr|split|replace|replaceAll|trim|trimStart|trimEnd|toLowerCase|toUpperCase|match|matchAll|test|charAt|charCodeAt|codePointAt|fromCharCode|padStart|padEnd|repeat|concat|join|map|filter|find|findIndex|findLast|findLastIndex|some|every|reduce|flat|flatMap|push|at|from|isArray|parse|stringify|decode|encode|toString|toFixed|parseInt|parseFloat|isNaN|isFinite|isInteger|atob|btoa|min|max|abs|floor|ceil|round|trunc|keys|values|entries)$/;
// Values made in hand: `new URL(s)`, `new Uint8Array(n)`, `new TextDecoder()`, a thrown `new Error(…)`.
const PURE_NEW = new Set(["URL", "URLSearchParams", "TextDecoder", "TextEncoder", "Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "Uint8Array", "Set", "Map", "Array"]);

/** `null`, `undefined` or nothing: the "none" a function answers; its text, else undefined. */
function noneOf(r: ts.ReturnStatement): string | undefined {
  const e = r.expression;
  if (!e) return "undefined";
  if (e.kind === ts.SyntaxKind.NullKeyword) return "null";
  return ts.isIdentifier(e) && e.text === "undefined" ? "undefined" : undefined;
}

/**
 * `try { const i = domain.indexOf("apis"); if (i === -1) return null; return domain.slice(i + 4) || null; }
 * catch { return null; }`: a try that only computes on values in hand (string, array, number, JSON
 * and byte methods, `new URL`/`TextDecoder`/`Uint8Array`, functions declared in the try; nothing
 * awaited, read or written) whose catch, besides log lines, answers "none" (`null`, `undefined`,
 * nothing) exactly as one of the try's own `return`s does. Malformed input gets the answer the
 * function gives for input without the thing it looks for; no outage can land there.
 */
export function pureTryAnswersNoneLikeItself(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements.filter((st) => !(ts.isExpressionStatement(st) && isLogCall(st.expression)));
  if (stmts.length !== 1 || !ts.isReturnStatement(stmts[0]!)) return false;
  const none = noneOf(stmts[0]);
  if (!none) return false;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  const local = new Set<string>();
  const declare = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name) local.add(n.name.text);
    ts.forEachChild(n, declare);
  };
  declare(tryBlock);
  let impure = false;
  let same = false;
  const visit = (n: ts.Node, inFn: boolean): void => {
    if (impure) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) impure = true;
    else if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      const own = ts.isIdentifier(n.expression) && local.has(n.expression.text);
      if (!own && !(name && PURE_CALL_RE.test(name))) impure = true;
    } else if (ts.isNewExpression(n) && !(ts.isIdentifier(n.expression) && PURE_NEW.has(n.expression.text))) impure = true;
    else if (ts.isTaggedTemplateExpression(n)) impure = true;
    if (!inFn && ts.isReturnStatement(n) && noneOf(n) === none) same = true;
    ts.forEachChild(n, (c) => visit(c, inFn || isFunctionLike(n)));
  };
  visit(tryBlock, false);
  return same && !impure;
}
