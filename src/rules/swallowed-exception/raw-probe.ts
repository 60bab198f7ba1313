/**
 * Two probes whose failure is an answer the code already gives (production Flowise):
 *
 *   const checkPaths = [path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")];
 *   for (const p of checkPaths) { try { const c = await fs.promises.readFile(p, "utf8"); return JSON.parse(c); } catch { continue; } }
 *   throw new Error("None of the package.json paths could be parsed");
 *
 *   if (text.startsWith("{") && text.endsWith("}")) { try { return parseJson(text); } catch (e) { return output; } }
 *   return output;
 *
 * The first tries candidate paths in turn, each built in place from literals, and the function
 * throws when none works: a candidate that is not there is the expected miss, and the loop's
 * failure reaches the caller. The second parses only text that looks like JSON and answers the raw
 * input as the function does for text that does not: "not JSON after all" gets the answer "not JSON" gets.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement, references } from "./analysis";
import { protectedRegionDoesIO } from "./pure-try";
import { enclosingFunction } from "./scope";

// `path.join(__dirname, "..", "package.json")`, `resolve(root, "config.json")`: a path built in place.
const PATH_BUILDER_RE = /^(?:path\.)?(?:join|resolve)$/;

function isPathLiteral(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e)) return true;
  if (!ts.isCallExpression(e) || !PATH_BUILDER_RE.test(e.expression.getText())) return false;
  return e.arguments.every((a) => ts.isStringLiteralLike(a) || (ts.isIdentifier(a) && /^(?:__dirname|__filename)$/.test(a.text)) || isPathLiteral(a));
}

/** The array literal a loop walks: inline, or a `const` of a block around the loop. */
function candidatesOf(loop: ts.ForOfStatement): ts.ArrayLiteralExpression | undefined {
  const e = loop.expression;
  if (ts.isArrayLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  for (let p: ts.Node | undefined = loop.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === e.text);
      if (d) return d.initializer && ts.isArrayLiteralExpression(d.initializer) ? d.initializer : undefined;
    }
  }
  return undefined;
}

/**
 * `for (const p of [join(dir, "a.json"), join(dir, "b.json")]) { try { …read p…; return …; } catch { continue; } }
 * throw new Error(…)`: the try is the loop's whole body and answers on success, the catch only logs or
 * goes on to the next candidate, the candidates are paths built from literals, and the statement after
 * the loop throws.
 */
export function triesCandidatePaths(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (!catchBlock.statements.every((st) => isLogStatement(st) || (ts.isContinueStatement(st) && !st.label))) return false;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements.length !== 1 || !ts.isForOfStatement(body.parent)) return false;
  const loop = body.parent;
  const item = loop.initializer;
  const decl = ts.isVariableDeclarationList(item) ? item.declarations[0] : undefined;
  if (!decl || !ts.isIdentifier(decl.name)) return false;
  const candidates = candidatesOf(loop);
  if (!candidates || candidates.elements.length < 2 || !candidates.elements.every(isPathLiteral)) return false;
  const last = tryStmt.tryBlock.statements[tryStmt.tryBlock.statements.length - 1];
  const picked = last && ts.isReturnStatement(last) && last.expression ? undefined : pickedAndBroken(last);
  if (!last || (picked === undefined && !(ts.isReturnStatement(last) && last.expression))) return false;
  const name = decl.name.text;
  let reads = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && n.arguments.some((a) => ts.isIdentifier(a) && a.text === name)) reads = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  const list = loop.parent;
  if (!reads || !ts.isBlock(list)) return false;
  const next = list.statements[list.statements.indexOf(loop) + 1];
  if (next === undefined) return false;
  if (picked === undefined) return ts.isThrowStatement(next);
  // `if (!executablePath) throw new Error("No Chrome installation found")`: none picked is the failure.
  const thrown = next && ts.isIfStatement(next) && !next.elseStatement ? (ts.isBlock(next.thenStatement) && next.thenStatement.statements.length === 1 ? next.thenStatement.statements[0] : next.thenStatement) : undefined;
  const test = next && ts.isIfStatement(next) ? next.expression : undefined;
  return !!thrown && ts.isThrowStatement(thrown) && !!test && ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken && ts.isIdentifier(test.operand) && test.operand.text === picked;
}

/**
 * `if (fs.existsSync(p)) { executablePath = p; break; }` as the try's last statement: the loop
 * keeps the first candidate that works in an outer local and stops. The local's name, else undefined.
 */
function pickedAndBroken(st: ts.Statement | undefined): string | undefined {
  if (!st || !ts.isIfStatement(st) || st.elseStatement || !ts.isBlock(st.thenStatement)) return undefined;
  const [assign, brk, ...rest] = st.thenStatement.statements;
  if (rest.length > 0 || !assign || !brk || !ts.isBreakStatement(brk) || brk.label || !ts.isExpressionStatement(assign)) return undefined;
  const e = assign.expression;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) ? e.left.text : undefined;
}

/**
 * `if (looksLikeJson) { try { return parse(text); } catch { return output; } } return output;`: the
 * try is the whole of an `if` (no `else`), waits on nothing, parses (a call named for a parse) the
 * function's input or a `const` computed from it, and the catch (besides log lines) answers the input
 * unchanged, as the statement after the `if` does. The input must not be assigned anywhere in the function.
 */
export function answersRawLikeNotParsed(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements.filter((st) => !isLogStatement(st));
  const exit = stmts[0];
  if (stmts.length !== 1 || !exit || !ts.isReturnStatement(exit) || !exit.expression || !ts.isIdentifier(exit.expression)) return false;
  const input = exit.expression.text;
  const fn = enclosingFunction(clause);
  if (!fn?.body || !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === input)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const thenBlock = tryStmt.parent;
  const guard = ts.isBlock(thenBlock) && thenBlock.statements.length === 1 ? thenBlock.parent : undefined;
  if (!guard || !ts.isIfStatement(guard) || guard.elseStatement || !ts.isBlock(guard.parent)) return false;
  const after = guard.parent.statements[guard.parent.statements.indexOf(guard) + 1];
  if (!after || !ts.isReturnStatement(after) || !after.expression || !ts.isIdentifier(after.expression) || after.expression.text !== input) return false;
  // The input as it came: never assigned in the function.
  let assigned = false;
  const findAssign = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left) && n.left.text === input) assigned = true;
    ts.forEachChild(n, findAssign);
  };
  findAssign(fn.body);
  if (assigned) return false;
  // `const trimmed = output.trim()` before the `if`: the input normalised.
  const fromInput = new Set([input]);
  for (const st of guard.parent.statements) {
    if (st === guard) break;
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && [...fromInput].some((x) => references(d.initializer!, x))) fromInput.add(d.name.text);
  }
  let parses = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && /parse/i.test(ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : n.expression.getText()) && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && fromInput.has(n.arguments[0].text)) parses = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return parses && !protectedRegionDoesIO(tryStmt.tryBlock, { sf: clause.getSourceFile() });
}
