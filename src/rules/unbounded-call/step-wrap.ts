import { ts } from "../../engine/ts";
import { unwrap } from "./ast";
import type { Binding } from "./libraries";

/**
 * A library function handed by reference to a durable-execution step that calls it with the
 * arguments after it: Inngest's `step.ai.wrap(id, fn, ...input)` and `step.run(id, fn, ...input)`
 * both run `fn(...input)` (`createStepRun` in inngest-js `InngestStepTools.ts`), so
 * `step.ai.wrap("summary", generateText, { model, prompt })` is a `generateText` call whose
 * options are the third argument. The step waits as long as the call does (round-25 convention:
 * reported on the `await step.ai.wrap(…)` line). `step.ai.infer` sends the request from Inngest's
 * servers, not from the function: no call of the project's own.
 */
export interface WrappedCall {
  /** The library member handed over (`generateText`). */
  member: string;
  /** The binding of the function handed over. */
  binding: Binding;
  /** The index, in the step call, of the argument the function receives first. */
  index: number;
}

/** `<x>.ai.wrap(id, fn, …)` or `<x>.run(id, fn, …)`, with `fn` a name bound to a library export. */
export function stepWrappedCall(call: ts.CallExpression, bindings: ReadonlyMap<string, Binding>): WrappedCall | undefined {
  const e = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(e) || call.arguments.length < 2) return undefined;
  const recv = unwrap(e.expression);
  const wraps = e.name.text === "wrap" && ts.isPropertyAccessExpression(recv) && recv.name.text === "ai" && ts.isIdentifier(unwrap(recv.expression));
  const runs = e.name.text === "run" && ts.isIdentifier(recv);
  if (!wraps && !runs) return undefined;
  const fn = unwrap(call.arguments[1]!);
  if (!ts.isIdentifier(fn)) return undefined;
  const binding = bindings.get(fn.text);
  if (!binding || binding.imported === "default" || binding.imported === "*") return undefined;
  return { member: binding.imported, binding, index: 2 };
}

/** `<x>.ai.wrap`: the callee the visitor keeps beside those on a name (`step.run` is one of those). */
export function isAiWrap(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === "wrap" && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "ai";
}
