/**
 * A try that only copies and reads a parameter, whose catch answers that parameter as it came in
 * (production Flowise):
 *
 *   const getFeedbackTypeFilters = (filters: RatingType[]) => {
 *     try { const list = JSON.parse(JSON.stringify(filters)); if (list.includes(UP) && …) return [UP, DOWN]; … return undefined; }
 *     catch (e) { return filters; }
 *   };
 *
 * The try does no I/O, waits for nothing and reads no setting (pure-try.ts), and its only calls are
 * a deep copy of a value in hand (`JSON.parse(JSON.stringify(x))`, `structuredClone(x)`) and array or
 * string reads (`includes`, `filter`, `map`, `trim`…): only the copy can fail (a cycle), and the
 * catch hands the caller's value back unchanged. Nothing is made up: the caller gets what it gave.
 * A try that converts the input in a way that fails for bad input (`Intl.DateTimeFormat(undefined,
 * { timeZone: id })`, a parse of text, a URL: production rallly's time-zone helper answering the raw
 * id stays reported unless a doc says so), a function named for checking or cleaning its input, and
 * a catch that also does work stay reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";
import { withoutCasts } from "./kept-input";
import { emptyCatchOnlyComputes } from "./pure-try";
import { enclosingFunction, functionName } from "./scope";

// A function whose job is to check or clean its input: answering the raw input fails open.
const CHECKS_INPUT_RE = /sanitiz|saniti[sz]|escape|strip|clean|redact|mask|purif|encrypt|decrypt|hash|sign|verif|valid|auth|allow|permit|guard|check|assert|secure|safe/i;

// Array and string methods that only read the value they are called on.
const READ_METHODS = new Set([
  "includes", "indexOf", "lastIndexOf", "some", "every", "find", "findIndex", "filter", "map", "join", "slice",
  "concat", "flat", "at", "trim", "toLowerCase", "toUpperCase", "startsWith", "endsWith", "split", "keys", "values",
  "entries", "isArray",
]);

/** `JSON.parse(JSON.stringify(x))`, `JSON.stringify(x)` inside it, `structuredClone(x)`: a deep copy. */
function copies(c: ts.CallExpression): boolean {
  const callee = c.expression;
  if (ts.isIdentifier(callee)) return callee.text === "structuredClone";
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== "JSON") return false;
  if (callee.name.text === "parse") {
    const arg = c.arguments[0];
    return arg !== undefined && ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && ts.isIdentifier(arg.expression.expression) && arg.expression.expression.text === "JSON" && arg.expression.name.text === "stringify";
  }
  return callee.name.text === "stringify" && ts.isCallExpression(c.parent) && copies(c.parent);
}

/** Whether every call of the try is a deep copy or an array/string read, and there is a copy. */
function onlyCopiesAndReads(tryBlock: ts.Block): boolean {
  let copy = false;
  const visit = (n: ts.Node): boolean => {
    if (ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) return false;
    if (ts.isCallExpression(n)) {
      if (copies(n)) copy = true;
      else if (!(ts.isPropertyAccessExpression(n.expression) && READ_METHODS.has(n.expression.name.text))) return false;
    }
    return !(ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) ?? false);
  };
  return visit(tryBlock) && copy;
}

/** Whether `name` is assigned (or bumped) anywhere in `node`. */
function assigns(node: ts.Node, name: string): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left) && n.left.text === name) return true;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && ts.isIdentifier(n.operand) && n.operand.text === name && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/** Whether the try answers on its own: a `return` with a value outside nested functions. */
function tryAnswers(tryBlock: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isReturnStatement(n) && n.expression !== undefined) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(tryBlock);
}

/** See the module comment. */
export function pureTryAnswersTheInput(sf: ts.SourceFile, clause: ts.CatchClause): boolean {
  const tryStmt = clause.parent as ts.TryStatement;
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !stmts.slice(0, -1).every(isLogStatement)) return false;
  const kept = withoutCasts(last.expression);
  if (!ts.isIdentifier(kept)) return false;
  const fn = enclosingFunction(clause);
  if (!fn || !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === kept.text)) return false;
  if (CHECKS_INPUT_RE.test(functionName(fn) ?? "")) return false;
  const tryBlock = tryStmt.tryBlock;
  return tryAnswers(tryBlock) && !assigns(fn.body ?? tryBlock, kept.text) && onlyCopiesAndReads(tryBlock) && emptyCatchOnlyComputes(sf, tryStmt);
}
