/**
 * The app's own version read from its package.json, answered empty when it cannot be read
 * (production Flowise):
 *
 *   export const getAppVersion = async () => {
 *     const file = getPackageJsonPath(); if (!file) return "";
 *     try { return JSON.parse(await fs.promises.readFile(file, "utf8")).version; } catch (error) { return ""; }
 *   };
 *
 * A function named for a version (`getAppVersion`, `readVersion`, `packageVersion`) whose try answers
 * the `version` field of a `package.json` the function names, and whose catch (besides log lines)
 * answers an empty or placeholder version (`""`, `"unknown"`, `"0.0.0"`, `null`, `undefined`): the
 * version is a label for display and telemetry, and an empty one says it is not known. A version read
 * from elsewhere (a remote API, a database), or a catch that does more, stays reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";
import { enclosingFunction, functionName } from "./scope";

const VERSION_FN_RE = /^(?:get|read|load|resolve|find)?(?:App|Application|Package|Pkg|Current|Cli|Server|Project|Own)?Version$/i;
// `""`, `"unknown"`, `"0.0.0"`, `"N/A"`, `"dev"`: a version that says it is not known.
const NO_VERSION_RE = /^(?:|unknown|0\.0\.0|0\.0\.0-dev|n\/a|dev|development|-)$/i;

function noVersion(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e)) return NO_VERSION_RE.test(e.text);
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/** Whether the try answers a `.version` field: `return pkg.version`, `return JSON.parse(text).version`. */
function answersVersionField(tryBlock: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isReturnStatement(n) && n.expression) {
      let e = n.expression;
      while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
      return ts.isPropertyAccessExpression(e) && e.name.text === "version";
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(tryBlock);
}

/** Whether `fn` names a `package.json` in a string. */
function namesPackageJson(fn: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => (ts.isStringLiteralLike(n) && /(?:^|[/\\])package\.json$/.test(n.text)) || (ts.forEachChild(n, visit) ?? false);
  return visit(fn);
}

/** See the module comment. */
export function answersNoVersionForDisplay(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !noVersion(last.expression) || !stmts.slice(0, -1).every(isLogStatement)) return false;
  const fn = enclosingFunction(clause);
  if (!fn || !VERSION_FN_RE.test(functionName(fn) ?? "")) return false;
  return answersVersionField((clause.parent as ts.TryStatement).tryBlock) && namesPackageJson(fn);
}
