import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

/**
 * `this.moduleRef.get(AuditLogService, { strict: false })`: NestJS's `ModuleRef.get` looks a provider
 * up in the application's container, in memory, and throws when none is registered (session 43,
 * production Hexabot's `LocalAuthGuard`, whose audit-log services are optional). Like Prisma's
 * `findUniqueOrThrow`, its throw is the "not found" a check for an optional provider asks for. Only
 * `get` (not `resolve`, which builds a scoped provider and can fail in its constructor), on a receiver
 * named `moduleRef` (a parameter property, `this.moduleRef`, or a plain name), in a file that imports
 * `ModuleRef` from `@nestjs/core`.
 */
export function looksUpNestProvider(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "get" || call.arguments.length === 0) return false;
  const recv = callee.expression;
  const name = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword ? recv.name.text : undefined;
  if (name !== "moduleRef") return false;
  const imp = importBindings(call.getSourceFile()).get("ModuleRef");
  return imp !== undefined && imp.spec === "@nestjs/core" && imp.exported === "ModuleRef";
}
