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
import { projectFilesOf } from "./log-arity";

/** `!!resend`, `this.client !== null && Boolean(KEY)`: a test that calls and waits on nothing. */
function pureTest(e: ts.Expression): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || ts.isFunctionLike(n)) return false;
    if (ts.isCallExpression(n)) return ts.isIdentifier(n.expression) && n.expression.text === "Boolean" && n.arguments.every(visit);
    return ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) === undefined;
  };
  return visit(e);
}

/** The body of `fn` is one `return` of a {@link pureTest}. */
function returnsPureTest(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  const body = fn?.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return pureTest(body);
  const only = body.statements.length === 1 ? body.statements[0] : undefined;
  return !!only && ts.isReturnStatement(only) && !!only.expression && pureTest(only.expression);
}

/** `!emailService.isConfigured()`, `!this.ready()`, `!isEnabled()`: see the module comment. */
export function asksAvailability(ctx: RuleContext, cond: ts.Expression): boolean {
  let e = cond;
  while (ts.isPrefixUnaryExpression(e) || ts.isParenthesizedExpression(e)) e = ts.isPrefixUnaryExpression(e) ? e.operand : e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length > 0) return false;
  const sf = ctx.sourceFile;
  const callee = e.expression;
  // A module of the project by its specifier: relative, an alias, a package of the monorepo's workspace.
  const own = { file: ctx.path.replace(/\\/g, "/"), files: projectFilesOf(ctx) };
  if (ts.isIdentifier(callee) && !importsFromProject(sf, callee.text, undefined, own)) return returnsPureTest(topLevelFunction(callee.text, sf));
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
