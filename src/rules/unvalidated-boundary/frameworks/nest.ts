import { ts } from "../../../engine/ts";
import { shortText, typeNameOf } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";
import { handedToValidatedCommand } from "./nest-command";

const PIPE_RE = /Pipe\b/;
const BUILTIN_TYPES = new Set(["Record", "Partial", "Object", "Array", "ReadonlyArray", "Pick", "Omit", "Required", "Readonly", "Map", "Set", "Promise"]);

/** The parsed module a relative import specifier names, when the project has it (through the `ProjectHost`). */
export type ModuleOf = (spec: string, from: ts.SourceFile) => ts.SourceFile | undefined;

// `@nestjs/mapped-types` / `@nestjs/swagger` helpers: the result validates what the classes they are given validate.
const MAPPED_TYPES = new Set(["PartialType", "PickType", "OmitType", "IntersectionType"]);
const MAX_HOPS = 3;

// Property decorators that document or reshape a field but check nothing: @nestjs/swagger's and class-transformer's.
const NOT_CHECKING = new Set(["ApiProperty", "ApiPropertyOptional", "ApiHideProperty", "ApiResponseProperty", "Type", "Expose", "Exclude", "Transform"]);

/** `IsString` for `@IsString()`, `@validator.IsString()` or `@IsString`. */
export function decoratorName(d: ts.Decorator): string | undefined {
  const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

/** The names of a node's decorators (`Controller` for `@Controller("users")`, `Public` for `@Public()`); none for a node that cannot have any. */
export function decoratorNames(n: ts.Node): string[] {
  return ts.canHaveDecorators(n) ? (ts.getDecorators(n) ?? []).map((d) => decoratorName(d) ?? "") : [];
}

/** A NestJS `@Controller` class: what its route methods return is the HTTP answer. */
export function isNestController(n: ts.Node): n is ts.ClassDeclaration {
  return ts.isClassDeclaration(n) && decoratorNames(n).includes("Controller");
}

/** A decorator that may check its property: any but the documenting and reshaping ones (`@IsString()`, a project's `@IsCpf()`). */
export function mayCheck(d: ts.Decorator): boolean {
  const name = decoratorName(d);
  return !name || !NOT_CHECKING.has(name);
}

/** True when a class has a property decorator that may check it (class-validator), or may have one through a base we cannot see. */
function classValidates(cls: ts.ClassDeclaration, sf: ts.SourceFile, moduleOf: ModuleOf | undefined, hops: number): boolean {
  if (cls.members.some((m) => ts.isPropertyDeclaration(m) && (ts.getDecorators(m) ?? []).some(mayCheck))) return true;
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return false;
  const base = ext.expression;
  // `extends PartialType(CreatePostDto)`: the base validates what CreatePostDto validates.
  if (ts.isCallExpression(base) && ts.isIdentifier(base.expression) && MAPPED_TYPES.has(base.expression.text)) {
    return base.arguments.some((a) => !ts.isIdentifier(a) || namedClassValidates(a.text, sf, moduleOf, hops + 1));
  }
  return !ts.isIdentifier(base) || namedClassValidates(base.text, sf, moduleOf, hops + 1);
}

/**
 * Whether the class (or type) named `name` in `sf` is one `ValidationPipe` checks: false for an
 * interface or type alias, a type-only import and a class without decorated properties (in this
 * module, or in the module a relative import names, following `extends` and the mapped types a
 * few hops); true when its origin cannot be seen (a package, a path alias): when unsure, do not report.
 */
function namedClassValidates(name: string, sf: ts.SourceFile, moduleOf: ModuleOf | undefined, hops: number): boolean {
  if (BUILTIN_TYPES.has(name)) return false;
  if (hops > MAX_HOPS) return true;
  for (const st of sf.statements) {
    // An enum is no class either: `@Query("status") status?: Status` checks nothing (held round 27).
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name.text === name) return false;
    if (ts.isClassDeclaration(st) && st.name?.text === name) return classValidates(st, sf, moduleOf, hops);
    if (ts.isImportDeclaration(st) && st.importClause) {
      const clause = st.importClause;
      const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      for (const el of named) {
        if (el.name.text !== name) continue;
        // `import type { X }` cannot be a runtime class: ValidationPipe has nothing to check.
        if (clause.isTypeOnly || el.isTypeOnly) return false;
        const other = ts.isStringLiteral(st.moduleSpecifier) && moduleOf ? moduleOf(st.moduleSpecifier.text, sf) : undefined;
        if (!other) return true;
        const exported = (el.propertyName ?? el.name).text;
        const cls = other.statements.find((o): o is ts.ClassDeclaration => ts.isClassDeclaration(o) && o.name?.text === exported);
        if (!cls && other.statements.some((o) => ts.isEnumDeclaration(o) && o.name.text === exported)) return false;
        return cls ? classValidates(cls, other, moduleOf, hops) : true;
      }
    }
  }
  // Unknown origin: the DTO may well be a validated class; when unsure, do not report.
  return true;
}

/** True when the DTO type is a class with property decorators (class-validator) or one whose module cannot be seen. */
function isValidatedDto(param: ts.ParameterDeclaration, sf: ts.SourceFile, moduleOf: ModuleOf | undefined): boolean {
  const t = param.type;
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName)) return false;
  return namedClassValidates(t.typeName.text, sf, moduleOf, 0);
}

/** `@Body()`, `@Query()`, `@Param()` on a NestJS controller parameter without validation. */
export function nestSource(dec: ts.Decorator, facts: FileFacts, sf: ts.SourceFile, moduleOf?: ModuleOf): Source | undefined {
  const call = dec.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const which = call.expression.text;
  if (which !== "Body" && which !== "Query" && which !== "Param") return undefined;
  if (!hasModule(facts, "@nestjs/common")) return undefined;
  const param = dec.parent;
  if (!param || !ts.isParameter(param) || !ts.isIdentifier(param.name)) return undefined;
  const method = param.parent;
  if (!method || !ts.isMethodDeclaration(method)) return undefined;
  // Any pipe argument (ValidationPipe, ParseIntPipe, ParseUUIDPipe, ZodValidationPipe) validates.
  if (call.arguments.some((a) => PIPE_RE.test(a.getText(sf)))) return undefined;
  const keyed = call.arguments.length > 0 && ts.isStringLiteral(call.arguments[0]!);
  const t = param.type;
  const primitive = t && (t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.NumberKeyword);
  if (!keyed && !primitive && isValidatedDto(param, sf, moduleOf)) return undefined;
  if (keyed && t && ts.isTypeReferenceNode(t) && typeNameOf(param) !== "Record" && isValidatedDto(param, sf, moduleOf)) return undefined;
  // `GetUserCommand.create({ userId })`: a command whose factory runs class-validator and whose field checks the value.
  if (handedToValidatedCommand(param, method, !keyed && !primitive, keyed && which === "Param", sf, moduleOf)) return undefined;
  const kind = keyed || primitive ? "scalar" : which === "Body" ? "structured" : "bag";
  return {
    caseId: "nestDecorator",
    node: dec,
    values: [param.name],
    kind,
    read: shortText(dec, sf),
    handler: method,
    channel: { kind: "throw" },
    param,
    schemaSuffix: which === "Body" ? "Body" : which === "Query" ? "Query" : "Params",
  };
}
