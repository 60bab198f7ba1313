import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { dispatchBranchOf, enclosingFunction, findBinding, findRefs, functionName, hasDirective, isExportedFunction, isFunctionLike, ownReturns, receiverSegments, shortText, typeNameOf, unwrap, type FunctionLike } from "../ast";
import { hasModule, type CaseId, type Channel, type FileFacts, type Source } from "../source";
import { HTTP_EXPORTS, requestFramework } from "./express";
import { requestUrlObject, urlCase, urlChannel, type RequestUrl } from "./url";
import { eventPart, ROUTE_MODULE_CASE, routeModuleChannel } from "./file-routes";
import { importsFromProject } from "../elsewhere";

export function nextChannel(facts: FileFacts): Channel {
  return { kind: "next", response: hasModule(facts, "next/server") ? "NextResponse" : "Response" };
}

/**
 * The handler whose Web `Request` parameter `expr` is (a Next.js route handler or a Deno/Bun/Workers
 * server), or the `request` of a SvelteKit, Remix or Astro handler's event (then with its channel).
 */
export function webRequestHandler(expr: ts.Expression, facts: FileFacts): { fn: FunctionLike; caseId: CaseId; channel?: Channel } | undefined {
  const ev = eventPart(expr, facts);
  if (ev) return ev.part === "request" ? { fn: ev.fn, caseId: ROUTE_MODULE_CASE[ev.fw], channel: routeModuleChannel(ev.fn, ev.fw) } : undefined;
  const recv = unwrap(expr);
  if (!ts.isIdentifier(recv)) return undefined;
  const binding = findBinding(recv);
  if (!binding || binding.kind !== "param" || binding.element) return undefined;
  // The handler's first parameter, or a helper's `req: Request` (`handlePoll(provider, req)`).
  const helped = routeHelperRequest(binding.fn, binding.index, facts);
  if (helped) return helped;
  if (binding.index !== 0 && typeNameOf(binding.param) !== "Request") return undefined;
  const fw = requestFramework(binding.fn, binding.index, facts);
  if (fw === "nextApp") return { fn: binding.fn, caseId: "nextAppRequest" };
  if (fw === "web") return { fn: binding.fn, caseId: "webRequest" };
  return undefined;
}

/**
 * `async function handleChatRequest(request)` of a route module, not exported, that its `loader` and `action` call
 * with their own event's request (`export async function action({ request }) { return handleChatRequest(request); }`):
 * the helper reads the route's request, as the route would (session 43, retired round 46, rinfit-chat `chat.jsx:95`).
 * Every call of it in the module hands it such a request, at the parameter's place; one hop.
 */
function routeHelperRequest(fn: FunctionLike, index: number, facts: FileFacts): { fn: FunctionLike; caseId: CaseId; channel?: Channel } | undefined {
  if (!ts.isFunctionDeclaration(fn) || !fn.name || isExportedFunction(fn) || !fn.body) return undefined;
  const name = fn.name.text;
  let route: { fn: FunctionLike; caseId: CaseId; channel?: Channel } | undefined;
  for (const ref of findRefs(name, fn.getSourceFile(), 0)) {
    if (ref === fn.name) continue;
    const call = ref.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== ref) return undefined;
    const arg = call.arguments[index];
    const ev = arg ? eventPart(arg, facts) : undefined;
    if (!ev || ev.part !== "request") return undefined;
    route ??= { fn, caseId: ROUTE_MODULE_CASE[ev.fw], channel: routeModuleChannel(ev.fn, ev.fw) };
  }
  return route;
}

/** `await request.json()` / `request.formData()` in an app-router route handler or a Web `Request` server. */
export function nextAppBodySource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const h = webRequestHandler(callee.expression, facts);
  if (!h) return undefined;
  const method = callee.name.text;
  // A form read only field by field (`form.get("From")`): each field is a scalar input of its own (see formFieldSource).
  if (method === "formData" && readFieldByField(call)) return undefined;
  return {
    caseId: h.caseId,
    node: call,
    values: [call],
    kind: method === "json" ? "structured" : "bag",
    read: shortText(call, sf),
    handler: h.fn,
    channel: h.channel ?? nextChannel(facts),
    schemaSuffix: method === "json" ? "Body" : "Form",
    // A second `await req.json()` in the handler (a catch that reads the body again) is the same
    // input; one in another branch of a dispatch on a literal (`if (action === "delete-user")`) is another.
    dedupeKey: `${h.fn.pos}:${h.caseId}:${method}:${dispatchBranchOf(call, h.fn)}`,
  };
}

const FIELD_READS = new Set(["get", "getAll", "has"]);
const fieldByField = new WeakMap<ts.VariableDeclaration, boolean>();

/**
 * `const form = await request.formData()` whose every later reference reads one field by a literal
 * name (`form.get("From")`, `form.getAll("tags")`, `form.has("x")`): the form is a bag of scalars
 * read one by one, like a URL's `searchParams`. Computed once per declaration.
 */
function readFieldByField(call: ts.CallExpression): ts.VariableDeclaration | undefined {
  let top: ts.Node = call;
  while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent))) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return undefined;
  let only = fieldByField.get(decl);
  if (only === undefined) {
    const fn = enclosingFunction(decl);
    const refs = fn?.body ? findRefs(decl.name.text, fn.body, decl.end) : [];
    only = refs.length > 0 && refs.every((r) => {
      const p = r.parent;
      const c = p && ts.isPropertyAccessExpression(p) && p.expression === r && FIELD_READS.has(p.name.text) ? p.parent : undefined;
      return !!c && ts.isCallExpression(c) && c.expression === p && c.arguments.length === 1 && ts.isStringLiteralLike(c.arguments[0]!);
    });
    fieldByField.set(decl, only);
  }
  return only ? decl : undefined;
}

/**
 * `form.get("From")` of a route handler's `const form = await request.formData()` read field by
 * field: one form field, a scalar read at its own line (like `searchParams.get`); the form is still
 * one input, reported once, at the first field that is used unsafely.
 */
export function formFieldSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const recv = unwrap(callee.expression);
  if (!ts.isIdentifier(recv)) return undefined;
  const b = findBinding(recv);
  if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return undefined;
  const init = unwrap(b.decl.initializer);
  const read = ts.isAwaitExpression(init) ? unwrap(init.expression) : init;
  if (!ts.isCallExpression(read) || !ts.isPropertyAccessExpression(read.expression) || read.expression.name.text !== "formData" || read.arguments.length > 0) return undefined;
  const h = webRequestHandler(read.expression.expression, facts);
  const form = readFieldByField(read);
  if (!h || !form) return undefined;
  return { caseId: h.caseId, node: call, values: [call], kind: "scalar", read: shortText(call, sf), handler: h.fn, channel: h.channel ?? nextChannel(facts), schemaSuffix: "Field", onceKey: `${form.pos}:form` };
}

/** The handler whose request URL `searchParams` comes from: `new URL(request.url)`, `request.nextUrl`, `new URL(req.url, base)`. */
function isRouteSearchParams(expr: ts.Expression, facts: FileFacts, depth = 0): RequestUrl | undefined {
  const e = unwrap(expr);
  if (depth > 3) return undefined;
  if (ts.isPropertyAccessExpression(e) && e.name.text === "searchParams") return requestUrlObject(e.expression, facts, depth + 1);
  // `new URLSearchParams(url.searchParams)`: a copy of the request's query, the same values.
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "URLSearchParams" && e.arguments?.length === 1) return isRouteSearchParams(e.arguments[0]!, facts, depth);
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
  // A route handler of a `route.ts` under "use server" (`export async function POST(request: NextRequest)`):
  // its body and query are read as a route's. (An action elsewhere taking a `Request` stays an action:
  // a client may call it with a plain object in its place.)
  if (fn.parameters[0] === param && HTTP_EXPORTS.has(functionName(fn) ?? "") && /(?:^|[\\/])route\.[cm]?[jt]sx?$/.test(facts.path)) return undefined;
  const t = param.type;
  if (t && t.kind === ts.SyntaxKind.BooleanKeyword) return undefined;
  // A `number` is a type the client need not keep (`"abc"`, `{}`): a scalar that needs a real sink, as a string does;
  // a column that converts it (an integer, a uuid) fails on a malformed one (session 29's conversion rule).
  const scalar = !!t && (t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.NumberKeyword);
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

/**
 * A server action's argument destructured in its signature (`saveInvoiceAction({ invoiceId, values }:
 * SaveInvoiceInput)`): one input, like the same parameter named whole; each field is followed from its
 * binding, and the first unsafe use of any of them is reported on the pattern.
 */
export function serverActionBindingSource(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const fn = param.parent;
  if (!ts.isObjectBindingPattern(param.name) || !isFunctionLike(fn) || !fn.body) return undefined;
  const body = ts.isBlock(fn.body) ? fn.body : undefined;
  if (!hasDirective(body, "use server") && !(facts.useServer && isExportedFunction(fn))) return undefined;
  if (HTTP_EXPORTS.has(functionName(fn) ?? "") && /(?:^|[\\/])route\.[cm]?[jt]sx?$/.test(facts.path)) return undefined;
  const names = param.name.elements.filter((e) => !e.dotDotDotToken && ts.isIdentifier(e.name)).map((e) => e.name);
  if (names.length === 0 || names.length !== param.name.elements.length) return undefined;
  return { caseId: "nextServerAction", node: param.name, values: names, kind: "any", read: shortText(param.name, sf), handler: fn, channel: { kind: "throw" }, schemaSuffix: "Input" };
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
  const at = formDataParamLine(call, recv);
  return { caseId: "nextServerAction", node: call, values: [call], kind: "scalar", read: shortText(call, sf), handler: fn, channel: { kind: "throw" }, schemaSuffix: "Field", ...at };
}

/**
 * Where a server action's `formData.get("type")` is reported: the action's argument, on its parameter line
 * (README's line rule: "a server action's argument: the line of its parameter"), once per action at the first
 * field used unsafely, as its fields are one input (retired held round 41, casasports-fitness
 * `app/(app)/profile/actions.ts:9`, `app/login/actions.ts:26`, decided; the round's clean labels sit there too). An
 * uploaded file (`formData.get("logo") as File`) stays at its read, where its name is taken (the multipart
 * convention, v0-saas-facturation `uploadLogo.action.ts:14`).
 */
function formDataParamLine(call: ts.CallExpression, recv: ts.Identifier): Pick<Source, "reportAt" | "onceKey"> {
  if (fileRead(call)) return {};
  const b = findBinding(recv);
  return b?.kind === "param" && !b.element ? { reportAt: b.param.name, onceKey: `${b.param.pos}:actionForm` } : {};
}

/** `formData.get("logo") as File`, also kept in a `const` typed `File`: an uploaded file's part. */
function fileRead(call: ts.CallExpression): boolean {
  let cur: ts.Node = call;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || ts.isAsExpression(cur.parent))) {
    cur = cur.parent;
    if (ts.isAsExpression(cur) && /^(?:File|Blob)\b/.test(cur.type.getText())) return true;
  }
  const p = cur.parent;
  return !!p && ts.isVariableDeclaration(p) && p.initializer === cur && !!p.type && /^(?:File|Blob)\b/.test(p.type.getText());
}

/**
 * The route handler (`export async function GET(req, { params })`) whose second parameter holds the
 * dynamic segments of an app-router `route.ts` (`app/api/items/[id]/route.ts`), when `param` is it.
 */
function routeParamsHandler(param: ts.ParameterDeclaration, facts: FileFacts): FunctionLike | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[1] !== param) return undefined;
  if (!/(?:^|[\\/])app[\\/](?:.*[\\/])?route\.[cm]?[jt]sx?$/.test(facts.path) || !/[\\/]\[/.test(facts.path)) return undefined;
  return HTTP_EXPORTS.has(functionName(fn) ?? "") && isExportedFunction(fn) ? fn : undefined;
}

function routeParamsSource(node: ts.Node, value: ts.Node, fn: FunctionLike, facts: FileFacts, sf: ts.SourceFile): Source {
  return {
    caseId: "nextAppRequest",
    node,
    values: [value],
    kind: "bag",
    read: shortText(node, sf),
    handler: fn,
    channel: nextChannel(facts),
    schemaSuffix: "Params",
    dedupeKey: `${fn.pos}:nextAppRequest:params`,
  };
}

/**
 * `{ params }` destructured in a route handler's signature: the dynamic segments of the URL, route
 * parameters. Each read in the handler (`await params`, `params.id`) is a read of that one input, like
 * `context.params` or Express `req.params`: reported at the first read used unsafely, so a presence
 * test first (`if (!params.id) return 400`) is not the place.
 */
export function routeParamsBindingSources(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source[] {
  if (!ts.isObjectBindingPattern(param.name)) return [];
  const fn = routeParamsHandler(param, facts);
  const el = fn && param.name.elements.find((e) => !e.dotDotDotToken && (e.propertyName ? e.propertyName.getText(sf) : e.name.getText(sf)) === "params");
  if (!fn || !el || !ts.isIdentifier(el.name) || !fn.body) return [];
  return findRefs(el.name.text, fn.body, fn.body.pos).map((ref) => ({ ...routeParamsSource(ref, ref, fn, facts, sf), read: "params" }));
}

/** `context.params` of a route handler's second parameter. */
export function routeParamsPropertySource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const base = unwrap(node.expression);
  if (node.name.text !== "params" || !ts.isIdentifier(base)) return undefined;
  const b = findBinding(base);
  if (!b || b.kind !== "param" || b.element) return undefined;
  const fn = routeParamsHandler(b.param, facts);
  return fn ? routeParamsSource(node, node, fn, facts, sf) : undefined;
}

/**
 * `await validateRequestBody(request, maxSize)` where the imported function (a module of the project)
 * only size-checks and parses its request parameter: every return is `JSON.parse` of the request's
 * text (or `await req.json()`), or an empty literal. Its name says "validate", its body checks no
 * field: what it returns is the request's body, read at this call.
 */
export function importedBodyReaderSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const arg = call.arguments[0];
  if (!ts.isIdentifier(call.expression) || !arg || !facts.imported) return undefined;
  // Only a function imported from the project can be followed (facts.imported); most calls name
  // a local, a global or a package's export, and the handler search below walks scopes.
  if (!(facts.fromProject?.(call.expression.text) ?? importsFromProject(sf, call.expression.text, facts.dependencies))) return undefined;
  const h = webRequestHandler(arg, facts);
  if (!h) return undefined;
  const fn = facts.imported(call);
  if (!fn || !fn.body || !ts.isBlock(fn.body) || !fn.parameters[0] || !ts.isIdentifier(fn.parameters[0].name)) return undefined;
  if (!readsBodyOnly(fn, fn.parameters[0].name.text)) return undefined;
  return {
    caseId: h.caseId,
    node: call,
    values: [call],
    kind: "structured",
    read: shortText(call, sf),
    handler: h.fn,
    channel: h.channel ?? nextChannel(facts),
    schemaSuffix: "Body",
    dedupeKey: `${h.fn.pos}:${h.caseId}:json:${dispatchBranchOf(call, h.fn)}`,
  };
}

/** Every return of `fn` is the parsed text of its request parameter `req`, or an empty object/array literal. */
function readsBodyOnly(fn: FunctionLike, req: string): boolean {
  const returns = ownReturns(fn.body as ts.Block);
  let parsed = false;
  for (const r of returns) {
    const e = r.expression && unwrap(r.expression);
    if (!e) return false;
    if ((ts.isObjectLiteralExpression(e) && e.properties.length === 0) || (ts.isArrayLiteralExpression(e) && e.elements.length === 0)) continue;
    if (!ts.isCallExpression(e)) return false;
    const text = calleeName(e) === "parse" && receiverSegments(e).join(".") === "JSON" ? e.arguments[0] : undefined;
    if (!(text ? requestText(text, req) : requestJson(e, req))) return false;
    parsed = true;
  }
  return parsed;
}

/** `await req.json()`. */
function requestJson(e: ts.Expression, req: string): boolean {
  const x = unwrap(e);
  return ts.isCallExpression(x) && calleeName(x) === "json" && ts.isPropertyAccessExpression(x.expression) && ts.isIdentifier(unwrap(x.expression.expression)) && (unwrap(x.expression.expression) as ts.Identifier).text === req;
}

/** `text` (a `const` holding `await req.text()`), or the call itself. */
function requestText(e: ts.Expression, req: string): boolean {
  let x = unwrap(e);
  if (ts.isIdentifier(x)) {
    const b = findBinding(x);
    if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return false;
    x = unwrap(b.decl.initializer);
  }
  return ts.isCallExpression(x) && calleeName(x) === "text" && ts.isPropertyAccessExpression(x.expression) && ts.isIdentifier(unwrap(x.expression.expression)) && (unwrap(x.expression.expression) as ts.Identifier).text === req;
}
