import { ts } from "../../engine/ts";
import type { ImportBinding } from "../../engine/ast";

/**
 * `this.precision()` where the class declares `precision = input<number>()`, `formatOptions =
 * computed(() => …)`: calling an Angular signal reads its value (production ghostfolio
 * libs/ui/src/lib/value/value.component.ts: `this.value.toLocaleString(this.locale,
 * this.formatOptions())` in an empty catch, a display formatting). A `signal`/`input`/`model`/
 * `linkedSignal` read is a memory read; a `computed` runs its callback synchronously, so it is as pure
 * as that callback (the caller follows it). Only names imported from `@angular/core`.
 */
const SIGNAL_MAKERS = new Set(["signal", "input", "model", "linkedSignal", "computed"]);

export type SignalRead = { kind: "value" } | { kind: "computed"; fn: ts.FunctionLikeDeclaration };

/** The Angular signal `this.<name>` reads, from the class around `node`, or undefined. */
export function signalRead(node: ts.Node, name: string, imports: ReadonlyMap<string, ImportBinding>): SignalRead | undefined {
  let c: ts.Node | undefined = node.parent;
  while (c && !ts.isClassLike(c)) c = c.parent;
  if (!c) return undefined;
  for (const m of (c as ts.ClassLikeDeclaration).members) {
    if (!ts.isPropertyDeclaration(m) || !m.name || !ts.isIdentifier(m.name) || m.name.text !== name || !m.initializer) continue;
    const init = m.initializer;
    if (!ts.isCallExpression(init)) return undefined;
    // `input<number>()`, `input.required<string>()`, `computed(() => …)`.
    const callee = ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === "required" ? init.expression.expression : init.expression;
    if (!ts.isIdentifier(callee)) return undefined;
    const imp = imports.get(callee.text);
    if (!imp || imp.spec !== "@angular/core" || imp.kind !== "named") return undefined;
    const maker = imp.exported;
    if (!SIGNAL_MAKERS.has(maker)) return undefined;
    if (maker !== "computed") return { kind: "value" };
    const fn = init.arguments[0];
    return fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? { kind: "computed", fn } : undefined;
  }
  return undefined;
}
