/**
 * A Next.js App Router route handler whose last statement is a try that answers the request, and
 * whose catch logs the error and falls off the end: `export async function GET() { try { …; return
 * NextResponse.json(books); } catch (error) { console.error("Error fetching books", error); } }`.
 * The handler then returns nothing, and Next.js answers the request itself with a 500 ("No response
 * is returned from route handler"): the caller gets a failure, if not one the route words, and the
 * error is in the log. Held round 29's lead decided it clean (debatable) where its first labels
 * called it a finding: it is reported at low confidence (`frameworkAnswers`). A catch that drops
 * the error, or a try followed by more work, is not this shape.
 */
import { ts } from "../../engine/ts";
import { isLogStatement, references } from "./analysis";

const METHOD_RE = /^(?:GET|POST|PUT|PATCH|DELETE)$/;

/** True for the log-only `clause` of such a route handler in the file at `path` (see the module comment). */
export function routeFallsOffToFrameworkError(path: string, clause: ts.CatchClause): boolean {
  const errName = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  if (!errName || !isAppRouteFile(path)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  if (tryStmt.finallyBlock) return false;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements[body.statements.length - 1] !== tryStmt) return false;
  const fn = body.parent;
  if (!isExportedMethodHandler(fn) || fn.body !== body) return false;
  const logs = clause.block.statements;
  if (logs.length === 0 || !logs.every(isLogStatement) || !logs.some((st) => references(st, errName))) return false;
  return answersInTry(tryStmt.tryBlock);
}

function isAppRouteFile(path: string): boolean {
  const segs = path.replace(/\\/g, "/").split("/");
  return /^route\.[cm]?[jt]sx?$/.test(segs.pop() ?? "") && segs.includes("app");
}

/** `export async function GET(req) { … }`, `export const POST = async (req) => { … }`. */
function isExportedMethodHandler(fn: ts.Node): fn is ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression {
  if (ts.isFunctionDeclaration(fn)) return !!fn.name && METHOD_RE.test(fn.name.text) && !!fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const d = fn.parent;
  if (!ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !METHOD_RE.test(d.name.text)) return false;
  const stmt = d.parent.parent;
  return ts.isVariableStatement(stmt) && !!stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** A `return <value>` of the try itself (not of a function inside it): the handler answers there. */
function answersInTry(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isFunctionLike(n)) return false;
    if (ts.isReturnStatement(n) && n.expression) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}
