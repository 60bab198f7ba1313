import { ts } from "../../../engine/ts";
import { dispatchBranchOf, enclosingFunction, findBinding, hasDirective, isExportedFunction, isFunctionLike, shortText, typeNameOf, unwrap, type FunctionLike } from "../ast";
import { hasModule, type Channel, type FileFacts, type Source } from "../source";
import { requestFramework } from "./express";
import { requestUrlObject, urlCase, urlChannel, type RequestUrl } from "./url";

export function nextChannel(facts: FileFacts): Channel {
  return { kind: "next", response: hasModule(facts, "next/server") ? "NextResponse" : "Response" };
}

/** The handler whose Web `Request` parameter `expr` is (a Next.js route handler or a Deno/Bun/Workers server). */
export function webRequestHandler(expr: ts.Expression, facts: FileFacts): { fn: FunctionLike; caseId: "nextAppRequest" | "webRequest" } | undefined {
  const recv = unwrap(expr);
  if (!ts.isIdentifier(recv)) return undefined;
  const binding = findBinding(recv);
  if (!binding || binding.kind !== "param" || binding.element) return undefined;
  // The handler's first parameter, or a helper's `req: Request` (`handlePoll(provider, req)`).
  if (binding.index !== 0 && typeNameOf(binding.param) !== "Request") return undefined;
  const fw = requestFramework(binding.fn, binding.index, facts);
  if (fw === "nextApp") return { fn: binding.fn, caseId: "nextAppRequest" };
  if (fw === "web") return { fn: binding.fn, caseId: "webRequest" };
  return undefined;
}

/** `await request.json()` / `request.formData()` in an app-router route handler or a Web `Request` server. */
export function nextAppBodySource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const h = webRequestHandler(callee.expression, facts);
  if (!h) return undefined;
  const method = callee.name.text;
  return {
    caseId: h.caseId,
    node: call,
    values: [call],
    kind: method === "json" ? "structured" : "bag",
    read: shortText(call, sf),
    handler: h.fn,
    channel: nextChannel(facts),
    schemaSuffix: method === "json" ? "Body" : "Form",
    // A second `await req.json()` in the handler (a catch that reads the body again) is the same
    // input; one in another branch of a dispatch on a literal (`if (action === "delete-user")`) is another.
    dedupeKey: `${h.fn.pos}:${h.caseId}:${method}:${dispatchBranchOf(call, h.fn)}`,
  };
}

/** The handler whose request URL `searchParams` comes from: `new URL(request.url)`, `request.nextUrl`, `new URL(req.url, base)`. */
function isRouteSearchParams(expr: ts.Expression, facts: FileFacts, depth = 0): RequestUrl | undefined {
  const e = unwrap(expr);
  if (depth > 3) return undefined;
  if (ts.isPropertyAccessExpression(e) && e.name.text === "searchParams") return requestUrlObject(e.expression, facts, depth + 1);
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    if (!b || b.kind !== "var" || !b.decl.initializer) return undefined;
    if (b.element) return requestUrlObject(b.decl.initializer, facts, depth + 1);
    return isRouteSearchParams(b.decl.initializer, facts, depth + 1);
  }
  return undefined;
}

/** `searchParams.get("q")` of a request URL: an app-router route handler, a Web server, or a node:http/Express handler. */
export function nextSearchParamSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const r = isRouteSearchParams(callee.expression, facts);
  if (!r) return undefined;
  return { caseId: urlCase(r.fw, facts, "query"), node: call, values: [call], kind: "scalar", read: shortText(call, sf), handler: r.fn, channel: urlChannel(r.fw, r.fn, facts), schemaSuffix: "Param" };
}

/** A server action: `"use server"` in the function or the file, and a `FormData` parameter. */
function serverActionOf(id: ts.Identifier, facts: FileFacts): FunctionLike | undefined {
  const b = findBinding(id);
  if (!b || b.kind !== "param" || b.element) return undefined;
  const typed = typeNameOf(b.param) === "FormData";
  if (!typed && id.text !== "formData") return undefined;
  const fn = b.fn;
  const body = fn.body && ts.isBlock(fn.body) ? fn.body : undefined;
  if (hasDirective(body, "use server")) return fn;
  if (facts.useServer && (isExportedFunction(fn) || enclosingFunction(fn) === undefined)) return fn;
  return undefined;
}

/**
 * A server action's own arguments (`createClientAction(data: ClientForm)`, `switchOrg(id: string)`):
 * the client sends them as it likes and a TypeScript type checks nothing at run time. `FormData`
 * parameters are read through `formData.get(…)` (see serverActionSource); `prevState` is the
 * action's own previous result.
 */
export function serverActionParamSource(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const fn = param.parent;
  if (!ts.isIdentifier(param.name) || param.dotDotDotToken || !isFunctionLike(fn) || !fn.body) return undefined;
  const name = param.name.text;
  if (typeNameOf(param) === "FormData" || (name === "formData" && !param.type) || /^(?:_|prevState$|previousState$|state$)/.test(name)) return undefined;
  const body = ts.isBlock(fn.body) ? fn.body : undefined;
  const action = hasDirective(body, "use server") || (facts.useServer && isExportedFunction(fn));
  if (!action) return undefined;
  const t = param.type;
  if (t && (t.kind === ts.SyntaxKind.BooleanKeyword || t.kind === ts.SyntaxKind.NumberKeyword)) return undefined;
  const scalar = !!t && t.kind === ts.SyntaxKind.StringKeyword;
  return {
    caseId: "nextServerAction",
    node: param.name,
    values: [param.name],
    kind: scalar ? "scalar" : "structured",
    read: name,
    handler: fn,
    channel: { kind: "throw" },
    param,
    schemaSuffix: "Input",
    // An object handed to any function is a use; an id needs a real sink (a query, a path).
    strict: !scalar,
  };
}

/** `formData.get("title")` or `Object.fromEntries(formData)` in a server action. */
export function serverActionSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  if (e.name.text === "fromEntries") {
    const arg = call.arguments[0];
    if (!ts.isIdentifier(e.expression) || e.expression.text !== "Object" || !arg || !ts.isIdentifier(unwrap(arg))) return undefined;
    const fn = serverActionOf(unwrap(arg) as ts.Identifier, facts);
    if (!fn) return undefined;
    return { caseId: "nextServerAction", node: call, values: [call], kind: "structured", read: shortText(call, sf), handler: fn, channel: { kind: "throw" }, schemaSuffix: "Form" };
  }
  const recv = unwrap(e.expression);
  if (!ts.isIdentifier(recv)) return undefined;
  const fn = serverActionOf(recv, facts);
  if (!fn) return undefined;
  return { caseId: "nextServerAction", node: call, values: [call], kind: "scalar", read: shortText(call, sf), handler: fn, channel: { kind: "throw" }, schemaSuffix: "Field" };
}
