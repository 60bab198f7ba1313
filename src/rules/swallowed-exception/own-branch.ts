import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement, isNormalResponse, references } from "./analysis";

/** The answer of a list of statements that only logs and returns: the returned text, `undefined` for a bare `return`. */
function answerOf(stmts: readonly ts.Statement[]): string | undefined {
  const rest = stmts.filter((s) => !isLogStatement(s) && !ts.isEmptyStatement(s));
  if (rest.length !== 1 || !ts.isReturnStatement(rest[0]!)) return undefined;
  const e = rest[0].expression;
  return e ? keyOf(e) : "undefined";
}

/**
 * A constant answer's text, spacing and quotes aside; undefined for one that calls, waits or builds
 * with `new`. A success answer of the handler (`c.json([])`, `ok(c, [])`) is the call around a
 * constant, and is keyed too.
 */
function keyOf(e: ts.Expression): string | undefined {
  let computes = false;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) || ts.isAwaitExpression(n) || ts.isNewExpression(n) || isFunctionLike(n)) computes = true;
    else n.forEachChild(visit);
  };
  if (ts.isCallExpression(e) && isNormalResponse(e)) e.arguments.forEach(visit);
  else visit(e);
  if (computes) return undefined;
  const text = e.getText().replace(/\s+/g, "").replace(/'/g, '"').replace(/,([}\]])/g, "$1");
  return text === "void0" ? "undefined" : text;
}

// A check that fails open: `{ allowed: true }`, `{ limited: false }` (lead decision, held round 25: logAndContinue, debatable).
const PASS_KEY_RE = /allow|permit|authori[sz]|access|valid|verified|granted/i;
const DENY_KEY_RE = /limit|block|exceed|den(?:y|ied)|ban|restrict|throttl|opt.?out|suspend|forbid/i;

function failsOpen(e: ts.Expression): boolean {
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (!ts.isObjectLiteralExpression(e)) return false;
  return e.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return false;
    const key = p.name.text;
    return (p.initializer.kind === ts.SyntaxKind.TrueKeyword && PASS_KEY_RE.test(key)) || (p.initializer.kind === ts.SyntaxKind.FalseKeyword && DENY_KEY_RE.test(key));
  });
}

// `if (error)`, `if (fetchError || !data)`, `if (!res.ok)`, `if (data.status !== 200 || !data.result)`,
// `if (!result.success)`: a test of a failure the try's own call reported.
const ERROR_NAME_RE = /^(?:err|error|\w+Error)$/;
const STATUS_FIELD_RE = /^(?:ok|status|statusCode|success)$/;

function testsAFailure(cond: ts.Expression): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isIdentifier(n) && ERROR_NAME_RE.test(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.expression !== n)) found = true;
    else if (ts.isPropertyAccessExpression(n) && (ERROR_NAME_RE.test(n.name.text) || STATUS_FIELD_RE.test(n.name.text))) found = true;
    else n.forEachChild(visit);
  };
  visit(cond);
  return found;
}

/** The then-branches of the `if`s in the try (not in functions it defines) that test a failure, each as a list of statements. */
function failureBranchesIn(tryBlock: ts.Block): (readonly ts.Statement[])[] {
  const out: (readonly ts.Statement[])[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isIfStatement(n) && testsAFailure(n.expression)) out.push(ts.isBlock(n.thenStatement) ? n.thenStatement.statements : [n.thenStatement]);
    n.forEachChild(visit);
  };
  visit(tryBlock);
  return out;
}

/**
 * `try { const { data, error } = await db.from("users").select("id").eq("tg", id).maybeSingle(); if
 * (error) { log(error); return null; } return data?.id ?? null; } catch (e) { log(e); return null; }`:
 * the catch (a log, or nothing) answers exactly the constant (`null`, `[]`, `false`, `""`, the same
 * fixed text) that a branch of the try answers for a failure its call reported (`if (error)`, `if
 * (!res.ok)`, `if (fetchError || !data)`). The caller already gets that answer for "could not" and
 * tests for it; the catch adds the failures the branch does not see (held round 25, lead decision:
 * clean, debatable). A check that fails open (`{ allowed: true }`, `{ limited: false }`, `true`)
 * stays reported (the same decision: logAndContinue, debatable), and so do an answer the try gives
 * only for a missing value (`if (!rawContent) return null`) and a function that falls off its end.
 */
export function answersLikeItsOwnBranch(clause: ts.CatchClause): boolean {
  const tryStmt = clause.parent as ts.TryStatement;
  const decl = clause.variableDeclaration;
  const errName = decl && ts.isIdentifier(decl.name) ? decl.name.text : undefined;
  if (tryStmt.finallyBlock) return false;
  const stmts = clause.block.statements;
  if (errName && stmts.some((s) => !isLogStatement(s) && references(s, errName))) return false;
  const rest = stmts.filter((s) => !isLogStatement(s) && !ts.isEmptyStatement(s));
  const ret = rest[0];
  if (rest.length !== 1 || !ret || !ts.isReturnStatement(ret) || !ret.expression || failsOpen(ret.expression)) return false;
  const key = keyOf(ret.expression);
  return key !== undefined && failureBranchesIn(tryStmt.tryBlock).some((b) => answerOf(b) === key);
}
