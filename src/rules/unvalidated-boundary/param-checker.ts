import { ts } from "../../engine/ts";
import { isFunctionLike, orOperands, unwrap, type FunctionLike } from "./ast";

/**
 * A project's parameter checker (`stringParam(req.params.docId, "docId")`, `optIntegerParam(body.workspaceId,
 * "workspaceId")`, production grist-core's requestUtils, session 40): a function of the module or of an imported one
 * whose parameter is type-tested before any other use, a wrong type thrown, so what it returns is of that type. Its
 * top-level statements are read in order:
 * - `if (p === undefined) { return p; }`, `if (p === null || p === undefined) { throw … }`: the absence let through or
 *   refused, nothing read;
 * - `if (typeof p !== "string") { throw … }` (also in an `||` with such absence tests): checked;
 * - `if (typeof p === "boolean") { return p; }`, then only `if`s that return a literal (`if (isAffirmative(p)) return
 *   true;`) and a `throw` last: checked (every value that comes out is the checker's own or of the tested type);
 * - `return stringParam(p, name)`: checked when that function of the same module is such a checker (two hops at most);
 * - `if (typeof p !== "string") return "";` (also `return null`, a number, a boolean): a wrong type answered with a
 *   literal of the helper's own, so what comes out is that literal or of the tested type: checked (OrkaChat's Lambda
 *   handlers' `safeString(v)`, held round 44); as an expression body the same, `(v) => typeof v === "string" ?
 *   v.trim() : ""` (or the test negated, the literal first).
 * Any other statement first, and it is no checker: its first use of the parameter is judged as before.
 */
export function typeCheckedParam(fn: FunctionLike, index: number, functions: ReadonlyMap<string, FunctionLike>, depth = 0): boolean {
  const param = fn.parameters[index];
  if (!param || !ts.isIdentifier(param.name) || param.dotDotDotToken || !fn.body) return false;
  const p = param.name.text;
  if (!ts.isBlock(fn.body)) return typedConditional(unwrap(fn.body), p);
  const sts = fn.body.statements;
  let typed = false;
  for (let i = 0; i < sts.length; i++) {
    const st = sts[i]!;
    if (typed) {
      if (ts.isIfStatement(st) && !st.elseStatement && returnsLiteral(st.thenStatement)) continue;
      return i === sts.length - 1 && ts.isThrowStatement(st);
    }
    if (ts.isIfStatement(st) && !st.elseStatement) {
      const ops = orOperands(st.expression);
      if (ops.every((o) => absenceTest(o, p))) {
        if (endsInThrow(st.thenStatement) || returnsAbsence(st.thenStatement, p)) continue;
        return false;
      }
      if (ops.some((o) => typeofTest(o, p, false)) && ops.every((o) => typeofTest(o, p, false) || absenceTest(o, p))) return endsInThrow(st.thenStatement) || returnsLiteral(st.thenStatement);
      if (ops.length === 1 && typeofTest(ops[0]!, p, true) && returnsName(st.thenStatement, p)) {
        typed = true;
        continue;
      }
      return false;
    }
    if (ts.isReturnStatement(st) && st.expression && depth < 2) {
      const call = unwrap(st.expression);
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
      const at = call.arguments.findIndex((a) => ts.isIdentifier(a) && a.text === p);
      const other = functions.get(call.expression.text);
      return at >= 0 && !!other && other !== fn && isFunctionLike(other) && typeCheckedParam(other, at, functions, depth + 1);
    }
    return false;
  }
  return false;
}

/** `typeof p === "string" ? p.trim() : ""`, `typeof p !== "string" ? null : p`: the wrong type answered with a literal. */
function typedConditional(e: ts.Expression, p: string): boolean {
  if (!ts.isConditionalExpression(e)) return false;
  const test = unwrap(e.condition);
  return (typeofTest(test, p, true) && literalValue(e.whenFalse)) || (typeofTest(test, p, false) && literalValue(e.whenTrue));
}

const isName = (e: ts.Expression, p: string): boolean => ts.isIdentifier(unwrap(e)) && (unwrap(e) as ts.Identifier).text === p;
const isAbsent = (e: ts.Expression): boolean => unwrap(e).kind === ts.SyntaxKind.NullKeyword || isName(e, "undefined");

const EQUALS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken]);
const NOT_EQUALS = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `p === undefined`, `p == null`, `null === p`. */
function absenceTest(o: ts.Expression, p: string): boolean {
  return ts.isBinaryExpression(o) && EQUALS.has(o.operatorToken.kind) && ((isName(o.left, p) && isAbsent(o.right)) || (isName(o.right, p) && isAbsent(o.left)));
}

/** `typeof p !== "string"` (`equal` false) or `typeof p === "boolean"` (`equal` true). */
function typeofTest(o: ts.Expression, p: string, equal: boolean): boolean {
  if (!ts.isBinaryExpression(o) || !(equal ? EQUALS : NOT_EQUALS).has(o.operatorToken.kind)) return false;
  const side = (a: ts.Expression, b: ts.Expression) => ts.isTypeOfExpression(unwrap(a)) && isName((unwrap(a) as ts.TypeOfExpression).expression, p) && ts.isStringLiteral(unwrap(b));
  return side(o.left, o.right) || side(o.right, o.left);
}

function lastOf(st: ts.Statement): ts.Statement | undefined {
  return ts.isBlock(st) ? (st.statements.length === 1 ? st.statements[0] : undefined) : st;
}

function endsInThrow(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && ts.isThrowStatement(last);
}

/** `{ return p; }`, `{ return; }`, `{ return undefined; }`: the branch only lets the absent value through. */
function returnsAbsence(st: ts.Statement, p: string): boolean {
  const r = lastOf(st);
  return !!r && ts.isReturnStatement(r) && (!r.expression || isName(r.expression, p) || isAbsent(r.expression));
}

function returnsName(st: ts.Statement, p: string): boolean {
  const r = lastOf(st);
  return !!r && ts.isReturnStatement(r) && !!r.expression && isName(r.expression, p);
}

/** `{ return true; }`, `return 0`, `return "x"`, `return null`. */
function returnsLiteral(st: ts.Statement): boolean {
  const r = lastOf(st);
  return !!r && ts.isReturnStatement(r) && !!r.expression && literalValue(r.expression);
}

function literalValue(e: ts.Expression): boolean {
  const x = unwrap(e);
  return x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword || x.kind === ts.SyntaxKind.NullKeyword || ts.isNumericLiteral(x) || ts.isStringLiteral(x);
}
