/**
 * A condition that asks whether a dependency is set up (held round 36, bistro's better-auth callbacks):
 *
 *   if (!emailService.isConfigured()) { log.warn("Password reset disabled - email not configured"); return; }
 *   try { await emailService.sendPasswordReset(…); } catch (error) { getLogger().error({ error }, "…"); }
 *
 * where `isConfigured(): boolean { return !!resend; }` in the service's module. The method is read,
 * not its name: a call with no arguments of a function of the file, of the class (`this.ready()`), or
 * of a project module the file imports (a function, or a method of an exported instance), whose
 * body is one `return` of a test of values it holds: names, fields, `!`, `!!`, comparisons,
 * `Boolean(…)`, nothing called or awaited.
 */
import { ts } from "../../engine/ts";
import { topLevelFunction } from "../../engine/ast";
import type { RuleContext } from "../../engine/types";
import { importedFunction, importsFromProject } from "../unvalidated-boundary/elsewhere";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { isLogStatement } from "./analysis";

/** `!!resend`, `this.client !== null && Boolean(KEY)`: a test that calls and waits on nothing. */
function pureTest(e: ts.Expression): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || ts.isFunctionLike(n)) return false;
    if (ts.isCallExpression(n)) return ts.isIdentifier(n.expression) && n.expression.text === "Boolean" && n.arguments.every(visit);
    return ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) === undefined;
  };
  return visit(e);
}

/** `if (attempted && !ready) { logger.debug("not ready"); }`: an `if` on a pure test whose branches only log. */
function logsOnly(st: ts.Statement): boolean {
  if (isLogStatement(st)) return true;
  if (ts.isBlock(st)) return st.statements.every(logsOnly);
  return ts.isIfStatement(st) && pureTest(st.expression) && logsOnly(st.thenStatement) && (!st.elseStatement || logsOnly(st.elseStatement));
}

/**
 * The body of `fn` is one `return` of a {@link pureTest}, after `const`s that hold such tests and
 * `if`s that only log (`const available = client !== null && client.isReady; if (tried && !available)
 * logger.debug("…"); return available;`, session 34: the stats module's own availability check).
 */
function returnsPureTest(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  const body = fn?.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return pureTest(body);
  const last = body.statements[body.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !pureTest(last.expression)) return false;
  const constOfTest = (st: ts.Statement): boolean =>
    ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0 && st.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && !!d.initializer && pureTest(d.initializer));
  return body.statements.slice(0, -1).every((st) => constOfTest(st) || logsOnly(st));
}

/**
 * `!emailService.isConfigured()`, `!this.ready()`, `!isEnabled()`: see the module comment. `owned`:
 * only the dependency's own check, a method of the class or a function of the module that holds it
 * (a predicate of the file itself, `featureFlags.redis === true`, is a setting's business: cases.ts' asksASetting).
 */
export function asksAvailability(ctx: RuleContext, cond: ts.Expression, owned = false): boolean {
  let e = cond;
  while (ts.isPrefixUnaryExpression(e) || ts.isParenthesizedExpression(e)) e = ts.isPrefixUnaryExpression(e) ? e.operand : e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length > 0) return false;
  const sf = ctx.sourceFile;
  const callee = e.expression;
  // A module of the project by its specifier: relative, an alias, a package of the monorepo's workspace.
  const own = { file: ctx.path.replace(/\\/g, "/"), files: projectFilesOf(ctx) };
  if (ts.isIdentifier(callee) && !importsFromProject(sf, callee.text, undefined, own)) return !owned && returnsPureTest(topLevelFunction(callee.text, sf));
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = callee.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    const m = cls && (cls as ts.ClassLikeDeclaration).members.find((x): x is ts.MethodDeclaration => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === callee.name.text);
    return returnsPureTest(m);
  }
  const local = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
  if (!local || !importsFromProject(sf, local, undefined, own)) return false;
  const target = importedFunction(e, sf, own.file, own.files);
  return !!target && returnsPureTest(target.fn as ts.FunctionLikeDeclaration);
}
