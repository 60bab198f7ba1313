import { ts } from "../../../engine/ts";
import { findRefs } from "../ast";
import { decoratorName, mayCheck, type ModuleOf } from "./nest";

/**
 * A NestJS route value validated one step away: the controller hands it into a command object
 * (`GetUserCommand.create({ userId })`) whose class' static factory, its own or a base class'
 * (`BaseCommand.create`), runs class-validator (`validateSync`, `validate`, `validateOrReject`)
 * on the instance and throws, or parses the data with a schema (`Schema.parse(data)`). The value
 * counts as checked only when the command's field it lands in carries a decorator that checks
 * something (`@IsMongoId`, `@IsNumber`, `@IsIn`): presence decorators (`@IsDefined`,
 * `@IsNotEmpty`, `@IsOptional`) check nothing, and neither does `@IsString` on a path segment
 * (always a string).
 */

const MAX_HOPS = 4;
const PRESENCE = new Set(["IsDefined", "IsOptional", "IsNotEmpty", "ValidateIf", "Allow"]);
const CONVERSIONS = new Set(["Number", "String", "parseInt", "parseFloat", "Boolean"]);
const VALIDATE_RE = /\b(?:validateSync|validateOrReject|validate|transformAndValidateSync|transformAndValidate)\s*\(/;
const SCHEMA_PARSE_RE = /\.(?:parse|parseAsync)\s*\(/;

type Found = { cls: ts.ClassDeclaration; sf: ts.SourceFile };

/** The class `name` names in `sf`: declared there, imported from a project module, or re-exported by an index module. */
function findClass(name: string, sf: ts.SourceFile, moduleOf: ModuleOf, hops: number): Found | "unseen" | undefined {
  if (hops > MAX_HOPS) return "unseen";
  for (const st of sf.statements) {
    if (ts.isClassDeclaration(st) && st.name?.text === name) return { cls: st, sf };
    const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
    if (spec === undefined) continue;
    if (ts.isImportDeclaration(st)) {
      const b = st.importClause?.namedBindings;
      const el = b && ts.isNamedImports(b) ? b.elements.find((e) => e.name.text === name) : undefined;
      if (!el) continue;
      if (st.importClause!.isTypeOnly || el.isTypeOnly) return undefined;
      const other = moduleOf(spec, sf);
      return other ? findClass((el.propertyName ?? el.name).text, other, moduleOf, hops + 1) ?? "unseen" : "unseen";
    }
    const clause = (st as ts.ExportDeclaration).exportClause;
    const el = clause && ts.isNamedExports(clause) ? clause.elements.find((e) => e.name.text === name) : undefined;
    if (clause && !el) continue;
    const other = moduleOf(spec, sf);
    if (!other) {
      if (el) return "unseen";
      continue;
    }
    const r = findClass(el ? (el.propertyName ?? el.name).text : name, other, moduleOf, hops + 1);
    if (r) return r;
  }
  return undefined;
}

/** The class and its bases as far as the project shows them; `open` when a base cannot be seen (a package, a mixin). */
function lineage(start: Found, moduleOf: ModuleOf): { classes: Found[]; open: boolean } {
  const classes: Found[] = [start];
  for (let cur = start; classes.length <= MAX_HOPS; ) {
    const base = cur.cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base) return { classes, open: false };
    const next = ts.isIdentifier(base) ? findClass(base.text, cur.sf, moduleOf, 0) : "unseen";
    if (!next || next === "unseen") return { classes, open: true };
    classes.push((cur = next));
  }
  return { classes, open: true };
}

const isStatic = (m: ts.ClassElement): boolean => (ts.getModifiers(m as ts.MethodDeclaration) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);

/**
 * How the static factory `method` checks what it is given: "decorators" (class-validator on the
 * instance; also when it lives in a base the project does not show), "schema" (a schema parse of
 * the data), or undefined (a factory seen to check nothing).
 */
function factoryChecks(l: { classes: Found[]; open: boolean }, method: string): "decorators" | "schema" | undefined {
  for (const { cls, sf } of l.classes) {
    const m = cls.members.find((x): x is ts.MethodDeclaration => ts.isMethodDeclaration(x) && isStatic(x) && !!x.name && ts.isIdentifier(x.name) && x.name.text === method);
    if (!m) continue;
    const text = m.body?.getText(sf) ?? "";
    return VALIDATE_RE.test(text) ? "decorators" : SCHEMA_PARSE_RE.test(text) ? "schema" : undefined;
  }
  return l.open ? "decorators" : undefined;
}

/** True when the field's nearest declaration in the lineage has a decorator that checks a value like this one. */
function fieldChecked(l: { classes: Found[] }, field: string, pathSegment: boolean): boolean {
  for (const { cls } of l.classes) {
    const p = cls.members.find((x): x is ts.PropertyDeclaration => ts.isPropertyDeclaration(x) && !!x.name && (ts.isIdentifier(x.name) || ts.isStringLiteral(x.name)) && x.name.text === field);
    if (!p) continue;
    return (ts.getDecorators(p) ?? []).some((d) => {
      const n = decoratorName(d);
      return mayCheck(d) && !(n && PRESENCE.has(n)) && !(pathSegment && n === "IsString");
    });
  }
  return false;
}

/**
 * Where a read lands: the key of the object literal handed as the first argument of a static
 * call `X.m({...})`, through parentheses, casts, `a || b`, `a ?? b`, a ternary's branches and a
 * conversion (`days ? Number(days) : 32`); "test" for a ternary's condition.
 */
function landing(read: ts.Expression): { call: ts.CallExpression; key: string } | "test" | undefined {
  let e: ts.Node = read;
  for (let i = 0; i < 12; i++) {
    const p: ts.Node = e.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p)) e = p;
    else if (ts.isConditionalExpression(p)) {
      if (p.condition === e) return "test";
      e = p;
    } else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) e = p;
    else if (ts.isCallExpression(p) && p.arguments[0] === e && ts.isIdentifier(p.expression) && CONVERSIONS.has(p.expression.text)) e = p;
    else break;
  }
  const prop = ts.isShorthandPropertyAssignment(e) ? e : e.parent;
  if (!prop || !(ts.isShorthandPropertyAssignment(prop) || (ts.isPropertyAssignment(prop) && prop.initializer === e))) return undefined;
  if (!ts.isIdentifier(prop.name) && !ts.isStringLiteral(prop.name)) return undefined;
  const obj = prop.parent;
  const call = obj.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== obj || !ts.isPropertyAccessExpression(call.expression) || !ts.isIdentifier(call.expression.expression)) return undefined;
  return { call, key: prop.name.text };
}

/**
 * True when every use of a route parameter (`@Param("id") id`, or each `body.field` read of a
 * whole `@Body() body`) puts it into a command whose static factory validates it and whose
 * field checks it (see the file comment).
 */
export function handedToValidatedCommand(param: ts.ParameterDeclaration, method: ts.MethodDeclaration, whole: boolean, pathSegment: boolean, sf: ts.SourceFile, moduleOf: ModuleOf | undefined): boolean {
  if (!moduleOf || !method.body || !ts.isIdentifier(param.name)) return false;
  const refs = findRefs(param.name.text, method.body, method.body.pos);
  let landed = 0;
  for (const ref of refs) {
    let read: ts.Expression = ref;
    if (whole) {
      if (!ts.isPropertyAccessExpression(ref.parent) || ref.parent.expression !== ref) return false;
      read = ref.parent;
    }
    const at = landing(read);
    if (at === "test") continue;
    if (!at) return false;
    const target = findClass((at.call.expression as ts.PropertyAccessExpression).expression.getText(sf), sf, moduleOf, 0);
    if (!target || target === "unseen") return false;
    const l = lineage(target, moduleOf);
    const how = factoryChecks(l, (at.call.expression as ts.PropertyAccessExpression).name.text);
    if (!how || (how === "decorators" && !fieldChecked(l, at.key, pathSegment))) return false;
    landed++;
  }
  return landed > 0;
}
