/**
 * A `.catch` on a method of the class whose body only works on the class's in-memory maps
 * (production Flowise):
 *
 *   private readonly listeners: Map<string, Map<string, NodeJS.Timeout>> = new Map()
 *   async unregister(flowId: string, id: string): Promise<void> {
 *     const inner = this.listeners.get(flowId); if (!inner) return;
 *     const handle = inner.get(id); if (handle) clearTimeout(handle);
 *     inner.delete(id); if (inner.size === 0) this.listeners.delete(flowId);
 *   }
 *   … setTimeout(() => { this.unregister(flowId, id).catch(() => {}); }, this.ttlMs)
 *
 * Every statement of the async method reads or changes a `Map`/`Set` field of the class (or a
 * collection one of them holds) or clears a timer: nothing in it waits or does I/O, so the promise
 * it answers never rejects and the handler drops nothing (as for a helper that ends its own
 * failures, handled-inside.ts). A method that awaits, calls anything else, or works on a field that
 * is not declared a `Map`/`Set` (a Redis client's `get`/`del`) stays reported.
 */
import { ts } from "../../engine/ts";
import { classMethod, plain } from "./handled-inside";

const COLLECTION_METHODS = new Set(["get", "has", "set", "delete", "add", "clear", "keys", "values", "entries"]);
const TIMER_CLEARS = new Set(["clearTimeout", "clearInterval"]);
// `Map<string, Map<string, Timeout>>`: a field's type that is a collection (of collections).
const COLLECTION_TYPE_RE = /^(?:ReadonlyMap|Map|Set|ReadonlySet|WeakMap|WeakSet)\s*</;
const NESTED_TYPE_RE = /^(?:ReadonlyMap|Map)\s*<[^,<>]+,\s*(?:Map|Set)\s*</;

/** The class's field named `name`: whether it is a collection, and whether it holds collections. */
function fieldKind(cls: ts.ClassLikeDeclaration, name: string): "flat" | "nested" | undefined {
  for (const m of cls.members) {
    if (!ts.isPropertyDeclaration(m) || !ts.isIdentifier(m.name) || m.name.text !== name) continue;
    const type = m.type?.getText() ?? "";
    if (NESTED_TYPE_RE.test(type)) return "nested";
    if (COLLECTION_TYPE_RE.test(type)) return "flat";
    const init = m.initializer;
    if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && /^(?:Weak)?(?:Map|Set)$/.test(init.expression.text)) return "flat";
    return undefined;
  }
  return undefined;
}

/** Whether the method's body only works on in-memory collections (see the module comment). */
function worksOnMemoryOnly(fn: ts.FunctionLikeDeclaration, cls: ts.ClassLikeDeclaration): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.statements.length === 0) return false;
  // Locals that hold a collection: `const inner = this.listeners.get(flowId)` of a nested field.
  const locals = new Set<string>();
  const collection = (e: ts.Expression): "flat" | "nested" | undefined => {
    if (ts.isIdentifier(e)) return locals.has(e.text) ? "flat" : undefined;
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return fieldKind(cls, e.name.text);
    return undefined;
  };
  const quietCall = (c: ts.CallExpression): boolean => {
    if (!c.arguments.every(plain)) return false;
    if (ts.isIdentifier(c.expression)) return TIMER_CLEARS.has(c.expression.text);
    return ts.isPropertyAccessExpression(c.expression) && COLLECTION_METHODS.has(c.expression.name.text) && collection(c.expression.expression) !== undefined;
  };
  const expr = (e: ts.Node): boolean => {
    if (ts.isCallExpression(e)) return quietCall(e);
    if (ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e) || ts.isYieldExpression(e) || ts.isFunctionLike(e)) return false;
    return !(ts.forEachChild(e, (c) => (expr(c) ? undefined : true)) ?? false);
  };
  const stmt = (s: ts.Statement): boolean => {
    if (ts.isBlock(s)) return s.statements.every(stmt);
    if (ts.isExpressionStatement(s)) return expr(s.expression);
    if (ts.isReturnStatement(s)) return !s.expression || expr(s.expression);
    if (ts.isIfStatement(s)) return expr(s.expression) && stmt(s.thenStatement) && (!s.elseStatement || stmt(s.elseStatement));
    if (ts.isVariableStatement(s)) {
      return s.declarationList.declarations.every((d) => {
        if (!d.initializer || !expr(d.initializer)) return false;
        const init = d.initializer;
        // `const inner = this.listeners.get(flowId)` where `listeners` holds maps: `inner` is one.
        if (ts.isIdentifier(d.name) && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === "get" && collection(init.expression.expression) === "nested") locals.add(d.name.text);
        return true;
      });
    }
    return false;
  };
  return body.statements.every(stmt);
}

/** `this.unregister(a, b).catch(() => {})` where `unregister` is an async method of the class that only works on memory. */
export function memoryMethodCannotReject(call: ts.CallExpression): boolean {
  const link = call.expression;
  if (!ts.isPropertyAccessExpression(link) || link.name.text !== "catch") return false;
  const recv = link.expression;
  if (!ts.isCallExpression(recv) || !ts.isPropertyAccessExpression(recv.expression) || recv.expression.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const fn = classMethod(recv, recv.expression.name.text);
  if (!fn || (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) === 0 || !recv.arguments.every(plain)) return false;
  let cls: ts.Node | undefined = fn.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  return !!cls && worksOnMemoryOnly(fn, cls as ts.ClassLikeDeclaration);
}
