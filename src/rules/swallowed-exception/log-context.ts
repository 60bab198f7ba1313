import { ts } from "../../engine/ts";

// A logger's or error tracker's context setters: nestjs-pino `assign`, `setContext`, pino `setBindings`,
// log4js `addContext`, Sentry's and a Sentry scope's `setTag(s)`/`setUser`/`setExtra(s)`/`setContext`.
const CONTEXT_METHOD_RE = /^(?:assign|setContext|setBindings|addContext|setTags?|setUser|setExtras?)$/;
// The receiver's own name: `logger`, `this.logger`, `this.appLogger`, `log`, `Sentry`, `scope`.
const CONTEXT_RECEIVER_RE = /^(?:log|sentry|scope)$|logger$/i;

/**
 * `this.logger?.assign({ transactionId, jobId })`, `Sentry.setUser({ id })`, `scope.setTag("job", id)`:
 * a call that only sets the fields later log lines or error reports carry; also the error tracker's
 * own set-up, `Sentry.init({ dsn, … })`. A try made only of such calls does a log's job; losing it
 * loses log context or error reports, never a result.
 */
export function setsLogContext(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const recv = callee.expression;
  const name = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) ? recv.name.text : "";
  if (callee.name.text === "init") return /^sentry$/i.test(name);
  return CONTEXT_METHOD_RE.test(callee.name.text) && CONTEXT_RECEIVER_RE.test(name);
}
