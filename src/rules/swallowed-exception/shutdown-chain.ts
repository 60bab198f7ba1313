/**
 * Shutdown steps written as promise chains (issue 11, production teable), as OpenTelemetry's
 * getting-started guide writes them:
 *
 *   process.on("SIGTERM", () => {
 *     sdk.shutdown()
 *       .then(() => console.log("Tracing terminated"))
 *       .catch((error) => console.log("Error terminating tracing", error))
 *       .finally(() => process.exit(0));
 *   });
 *
 * The rejection handler (`.catch(log)` or the second argument of `.then(ok, log)`) logs, and the
 * signal handler ends the process either way: nobody is left to tell, as for the try form
 * (`shutdownStepLogged`).
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { shutsDownOnSignal } from "./no-caller";

/** The function a chain's call sits in, past the handlers passed to the chain's own links. */
function functionAround(call: ts.Node): ts.Node | undefined {
  let n: ts.Node | undefined = call.parent;
  while (n && !isFunctionLike(n)) n = n.parent;
  // `Promise.all(stops.map((stop) => stop().catch((e) => log(e))))`: a loop's callback is a step of the function around it.
  while (n && isLoopCallback(n)) {
    n = n.parent;
    while (n && !isFunctionLike(n)) n = n.parent;
  }
  return n;
}

/** `list.map((x) => …)`, `list.forEach((x) => { … })`: a callback run once per item. */
function isLoopCallback(fn: ts.Node): boolean {
  const p = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !!p && ts.isCallExpression(p) && p.arguments[0] === fn
    && ts.isPropertyAccessExpression(p.expression) && /^(?:map|forEach)$/.test(p.expression.name.text);
}

/**
 * `process.on("SIGTERM", () => { sdk.shutdown().then(ok, (e) => log(e)).finally(() => process.exit(0)); })`:
 * a logging rejection handler on a chain in a signal handler that exits the process (in the
 * chain's `.finally`, after it, or in a function only such handlers call).
 */
export function shutdownChainLogged(call: ts.CallExpression): boolean {
  const fn = functionAround(call);
  return !!fn && shutsDownOnSignal(fn);
}
