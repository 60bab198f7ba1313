import { ts } from "../../../engine/ts";
import { shortText, typeNameOf } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";

const PIPE_RE = /Pipe\b/;
const BUILTIN_TYPES = new Set(["Record", "Partial", "Object", "Array", "ReadonlyArray", "Pick", "Omit", "Required", "Readonly", "Map", "Set", "Promise"]);

/** True when the DTO type is a class with property decorators (class-validator) or an imported value. */
function isValidatedDto(param: ts.ParameterDeclaration, sf: ts.SourceFile): boolean {
  const t = param.type;
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName)) return false;
  const name = t.typeName.text;
  // Built-in generics and containers: nothing for ValidationPipe to instantiate and check.
  if (BUILTIN_TYPES.has(name)) return false;
  for (const st of sf.statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name) return false;
    if (ts.isClassDeclaration(st) && st.name?.text === name) {
      return st.members.some((m) => ts.isPropertyDeclaration(m) && (ts.getDecorators(m)?.length ?? 0) > 0);
    }
    if (ts.isImportDeclaration(st) && st.importClause) {
      const clause = st.importClause;
      const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      for (const el of named) {
        if (el.name.text !== name) continue;
        // `import type { X }` cannot be a runtime class: ValidationPipe has nothing to check.
        return !(clause.isTypeOnly || el.isTypeOnly);
      }
    }
  }
  // Unknown origin: the DTO may well be a validated class; when unsure, do not report.
  return true;
}

/** `@Body()`, `@Query()`, `@Param()` on a NestJS controller parameter without validation. */
export function nestSource(dec: ts.Decorator, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
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
  if (!keyed && !primitive && isValidatedDto(param, sf)) return undefined;
  if (keyed && t && ts.isTypeReferenceNode(t) && typeNameOf(param) !== "Record" && isValidatedDto(param, sf)) return undefined;
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
