/**
 * A file-system probe of an optional path (held rounds 26 and 28, zipbot's extension loader):
 *
 *   try { await access(join(dir, "seed.ts")); } catch { continue; }
 *   try { entries = await readdir(EXTENSIONS, { withFileTypes: true }); } catch { log.info("No extensions directory found"); return; }
 *
 * `access` has no job but telling whether the path is there, nor has a `stat` whose result the try does not keep
 * (`await stat("api.log")`, production firecrawl); a `readdir` of a folder that may not
 * exist answers "nothing there" by its failure. The catch only logs (or nothing) and skips the item
 * or leaves the function with nothing (`continue`, a bare `return`, `return null`/`undefined`/`false`/`[]`).
 * A try that does more, or a catch that goes on with other work, stays reported.
 */
import { ts } from "../../engine/ts";
import { isLogStatement } from "./analysis";

const ACCESS_RE = /^(?:access|accessSync|exists|stat|statSync|lstat|lstatSync)$/;
const LIST_RE = /^(?:readdir|readdirSync)$/;

function strip(e: ts.Expression): ts.Expression {
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** `access(p)`, `fs.access(p)`, `fs.promises.access(p)`, `fsp.readdir(dir)`: the call's name when it matches `re`. */
function fsCall(e: ts.Expression, re: RegExp): boolean {
  const c = strip(e);
  if (!ts.isCallExpression(c) || c.arguments.length === 0) return false;
  const callee = c.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && re.test(name);
}

/** The try's one statement probes a path: `await access(p);`, or `entries = await readdir(dir)` into an outer local. */
function probesAPath(tryBlock: ts.Block): boolean {
  if (tryBlock.statements.length !== 1) return false;
  const st = tryBlock.statements[0]!;
  if (!ts.isExpressionStatement(st)) return false;
  const e = st.expression;
  if (fsCall(e, ACCESS_RE)) return true;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) && fsCall(e.right, LIST_RE);
}

/** `continue;`, `return;`, `return null`/`undefined`/`false`/`[]`: skip the item, or nothing to answer. */
function skipsOrAnswersNothing(st: ts.Statement): boolean {
  if (ts.isContinueStatement(st)) return !st.label;
  if (!ts.isReturnStatement(st)) return false;
  const e = st.expression;
  if (!e) return true;
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(e) && e.text === "undefined") return true;
  return ts.isArrayLiteralExpression(e) && e.elements.length === 0;
}

/** True when the try only probes an optional path and the catch, besides log lines, skips or answers nothing. */
export function probesAnOptionalPath(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  if (!probesAPath(tryStmt.tryBlock)) return false;
  const stmts = catchBlock.statements;
  const last = stmts[stmts.length - 1];
  return last !== undefined && skipsOrAnswersNothing(last) && stmts.slice(0, -1).every(isLogStatement);
}
