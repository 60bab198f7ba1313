import { ts } from "../../engine/ts";
import { propValue, unwrap } from "./ast";
import { declarationOf, type Facts } from "./facts";

// A deadline on a call to the project's own route that writes (POST, PUT, PATCH, DELETE), made
// from a job that retries (issue 12, review R27): the abort does not stop the route, which goes
// on with its side effects (Stripe calls, a database update), and the job's next attempt runs
// them again beside the first. No deadline fix is offered there; read only in the fix thunk.

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The `method` of a fetch's options (a literal, or a variable declared in the file), upper-cased; "GET" when none is given. */
function methodOf(call: ts.CallExpression | ts.NewExpression, facts: Facts): string | undefined {
  let opts = call.arguments?.[1] ? unwrap(call.arguments[1]) : undefined;
  if (!opts) return "GET";
  if (ts.isIdentifier(opts)) opts = declarationOf(opts.text, opts, facts)?.initializer;
  if (!opts || !ts.isObjectLiteralExpression(opts)) return undefined;
  const m = propValue(opts, "method");
  if (!m) return opts.properties.some(ts.isSpreadAssignment) ? undefined : "GET";
  const u = unwrap(m);
  return ts.isStringLiteralLike(u) ? u.text.toUpperCase() : undefined;
}

/** A number greater than `than` (`maxAttempts: 3`). */
function countAbove(e: ts.Expression | undefined, than: number): boolean {
  const u = e ? unwrap(e) : undefined;
  return !!u && ts.isNumericLiteral(u) && Number(u.text) > than;
}

/**
 * The job around `node` retries: trigger.dev `task({ retry: { maxAttempts: 3 }, run })` (or
 * `schemaTask`), Inngest `createFunction({ retries: 3 }, …)`.
 */
function inRetryingJob(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (!ts.isCallExpression(p)) continue;
    const callee = p.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    const cfg = p.arguments[0] && ts.isObjectLiteralExpression(p.arguments[0]) ? p.arguments[0] : undefined;
    if (!cfg) continue;
    if (name === "task" || name === "schemaTask") {
      const retry = propValue(cfg, "retry");
      if (retry && ts.isObjectLiteralExpression(unwrap(retry)) && countAbove(propValue(unwrap(retry) as ts.ObjectLiteralExpression, "maxAttempts"), 1)) return true;
    }
    if (name === "createFunction" && countAbove(propValue(cfg, "retries"), 0)) return true;
  }
  return false;
}

/** True when `call` writes through the project's own route from a job that retries it. */
export function retriedOwnWrite(call: ts.CallExpression | ts.NewExpression, facts: Facts): boolean {
  const method = methodOf(call, facts);
  return method !== undefined && WRITES.has(method) && inRetryingJob(call);
}
