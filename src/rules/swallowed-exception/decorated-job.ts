/**
 * Cron jobs and event listeners registered by a decorator (issue 11, production teable's
 * `@OnEvent(Events.USER_RENAME, { async: true }) async updateUserName(user) { for (…) { try { … }
 * catch (e) { this.logger.error(e.message, e.stack); } } }`): NestJS's scheduler and event emitter
 * call the method with nobody to answer, as `new Cron(expr, fn)` or `emitter.on(name, fn)` do, so it
 * is a cron or event callback by the docs. Known only when the decorator is imported from the
 * package that runs it: `@Cron`, `@Interval`, `@Timeout` from `@nestjs/schedule`, `@OnEvent` from
 * `@nestjs/event-emitter`, a worker's or queue's event listener (`@OnWorkerEvent`, `@OnQueueEvent` of
 * `@nestjs/bullmq`, `@OnQueueFailed()`… of `@nestjs/bull`). A queue processor (`@Process()` of
 * `@nestjs/bull`, a `WorkerHost`'s `process`) has a caller: the queue marks the job failed when it throws.
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

const DECORATORS: Readonly<Record<string, RegExp>> = {
  "@nestjs/schedule": /^(?:Cron|Interval|Timeout)$/,
  "@nestjs/event-emitter": /^OnEvent$/,
  // A queue worker's or queue's event listener (`@OnWorkerEvent("failed")`, `@OnQueueFailed()`): BullMQ
  // and Bull emit the event and wait for nobody; the job's own `process` is not one of these.
  "@nestjs/bullmq": /^(?:OnWorkerEvent|OnQueueEvent)$/,
  "@nestjs/bull": /^OnQueue(?:Event|Active|Completed|Failed|Error|Stalled|Progress|Paused|Resumed|Cleaned|Drained|Removed|Waiting)$/,
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
