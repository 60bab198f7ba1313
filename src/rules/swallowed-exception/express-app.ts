/**
 * The Express app a server entry imports from the project's own module (held round 38,
 * mobiStay's `import app from "./app.js"; app.listen(PORT, () => log("running"))`): `app.ts` binds
 * `const app = express()` and exports it, so the entry's `listen` is Express's, whose callback
 * Express 5 hands a failed bind (held round 26's Express 5 rule).
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";
import type { RuleContext } from "../../engine/types";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";

/** `express()`. */
export function isExpressCall(e: ts.Expression | undefined): boolean {
  return !!e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "express";
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`: the export a statement makes, or undefined. */
function commonJsExport(st: ts.Statement): { name: string; value: ts.Expression } | undefined {
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = st.expression.left.getText();
  const m = /^(?:module\.exports|exports)(?:\.(\w+))?$/.exec(left);
  if (!m || (!m[1] && left === "exports")) return undefined;
  return { name: m[1] ?? "*", value: st.expression.right };
}

/**
 * Whether the module `sf` exports an Express app under `exported` (`"default"` for a default
 * import, `"*"` for a whole `require`, else a named export). Its top-level statements only.
 */
function exportsExpressApp(sf: ts.SourceFile, exported: string): boolean {
  const apps = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && isExpressCall(d.initializer)) apps.add(d.name.text);
  }
  const isApp = (e: ts.Expression): boolean => isExpressCall(e) || (ts.isIdentifier(e) && apps.has(e.text));
  for (const st of sf.statements) {
    // `export default app`, `export = app`.
    if (ts.isExportAssignment(st) && (exported === "default" || exported === "*") && isApp(st.expression)) return true;
    // `export const app = express()`.
    if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === exported && isExpressCall(d.initializer))) return true;
    // `export { app }`, `export { server as app }`, `export { app as default }`.
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      if (st.exportClause.elements.some((el) => el.name.text === exported && apps.has((el.propertyName ?? el.name).text))) return true;
    }
    const cjs = commonJsExport(st);
    if (!cjs) continue;
    // `module.exports = app` (whole, or the default of an ES import of it).
    if (cjs.name === "*" && (exported === "*" || exported === "default") && isApp(cjs.value)) return true;
    // `module.exports = { app }`, `module.exports.app = app`.
    if (cjs.name === "*" && ts.isObjectLiteralExpression(cjs.value)) {
      for (const p of cjs.value.properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === exported && apps.has(p.name.text)) return true;
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === exported && isApp(p.initializer)) return true;
      }
    }
    if (cjs.name === exported && isApp(cjs.value)) return true;
  }
  return false;
}

/** `name` is imported (or required) from a module of the project that exports an Express app under it. */
export function importsExpressApp(ctx: RuleContext, name: string): boolean {
  const b = importBindings(ctx.sourceFile).get(name);
  if (!b || b.kind === "namespace") return false;
  const files = projectFilesOf(ctx);
  const abs = files.resolve(ctx.path, b.spec);
  const sf = abs ? files.get(abs) : undefined;
  return !!sf && exportsExpressApp(sf, b.exported);
}
