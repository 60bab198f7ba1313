/**
 * Cron jobs and event listeners registered by a decorator (issue 11, production teable's
 * `@OnEvent(Events.USER_RENAME, { async: true }) async updateUserName(user) { for (…) { try { … }
 * catch (e) { this.logger.error(e.message, e.stack); } } }`): NestJS's scheduler and event emitter
 * call the method with nobody to answer, as `new Cron(expr, fn)` or `emitter.on(name, fn)` do, so it
 * is a cron or event callback by the docs. Known only when the decorator is imported from the
 * package that runs it: `@Cron`, `@Interval`, `@Timeout` from `@nestjs/schedule`, `@OnEvent` from
 * `@nestjs/event-emitter`. A queue processor (`@Process()` of `@nestjs/bull`) has a caller: the
 * queue marks the job failed when it throws.
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

const DECORATORS: Readonly<Record<string, RegExp>> = {
  "@nestjs/schedule": /^(?:Cron|Interval|Timeout)$/,
  "@nestjs/event-emitter": /^OnEvent$/,
};

/** `@Cron("0 * * * *") async handleCron() { … }`, `@OnEvent("user.rename") async onRename(u) { … }`: a decorated job or listener. */
export function isDecoratedJob(fn: ts.Node): boolean {
  if (!ts.isMethodDeclaration(fn)) return false;
  const decorators = ts.getDecorators(fn) ?? [];
  return decorators.some((d) => {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    if (!ts.isIdentifier(callee)) return false;
    const imp = importBindings(fn.getSourceFile()).get(callee.text);
    return imp?.kind === "named" && (DECORATORS[imp.spec]?.test(imp.exported) ?? false);
  });
}
