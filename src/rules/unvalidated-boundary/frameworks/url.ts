import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { findBinding, findRefs, receiverSegments, scopeOf, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type CaseId, type Channel, type FileFacts, type Source } from "../source";
import { requestFramework, type RequestFramework } from "./express";
import { lambdaHandlerOf } from "./lambda";
import { eventPart, ROUTE_MODULE_CASE, routeModuleChannel, type RouteModule } from "./file-routes";

/**
 * Values cut by hand from an incoming request's URL, in any server: `req.url.split("/")[3]`
 * (node:http), `new URL(request.url).pathname.split("/")` (Workers, Deno, Bun),
 * `url.parse(req.url, true).query` and `new URL(req.url, base).searchParams` (node:http,
 * Express). A path segment or a query value is a scalar like a route parameter.
 */

export interface RequestUrl {
  fn: FunctionLike;
  fw: RequestFramework | RouteModule;
}

/** `req` when it is the incoming request of a handler (first parameter, or a `Request`-typed one, or a route module event's `request`). */
function incomingRequest(expr: ts.Expression, facts: FileFacts): RequestUrl | undefined {
  const ev = eventPart(expr, facts);
  if (ev) return ev.part === "request" ? { fn: ev.fn, fw: ev.fw } : undefined;
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return undefined;
  const b = findBinding(e);
  if (!b || b.kind !== "param" || b.element) return undefined;
  const fw = requestFramework(b.fn, b.index, facts);
  if (!fw || fw === "koa" || fw === "hono") return undefined;
  return { fn: b.fn, fw };
}

function isUrlParse(call: ts.CallExpression, facts: FileFacts): boolean {
  if (calleeName(call) !== "parse") return false;
  const recv = receiverSegments(call);
  if (recv.length === 1) return recv[0] === "url";
  return recv.length === 0 && hasModule(facts, "url", "node:url");
}

/** `new URL(req.url, base)`, `url.parse(req.url, true)`, `request.nextUrl`, or a variable holding one. */
export function requestUrlObject(expr: ts.Expression, facts: FileFacts, depth = 0): (RequestUrl & { parsed?: ts.CallExpression }) | undefined {
  const e = unwrap(expr);
  if (depth > 4) return undefined;
  // SvelteKit's and Astro's `url` (`({ url }) => url.searchParams.get("q")`, `event.url`): the request's URL, parsed.
  const ev = eventPart(e, facts);
  if (ev) return ev.part === "url" ? { fn: ev.fn, fw: ev.fw } : undefined;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "URL" && e.arguments?.[0]) return requestUrlString(e.arguments[0], facts, depth + 1, false);
  if (ts.isCallExpression(e) && isUrlParse(e, facts) && e.arguments[0]) {
    const r = requestUrlString(e.arguments[0], facts, depth + 1, false);
    return r && { ...r, parsed: e };
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === "nextUrl") return incomingRequest(e.expression, facts);
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    if (b && b.kind === "var" && b.decl.initializer && !b.element) return requestUrlObject(b.decl.initializer, facts, depth + 1);
  }
  return undefined;
}

/**
 * `req.url`, `url.pathname` of a request URL object, or a variable holding either. With
 * `path`, only a path (not the whole URL object) counts.
 */
export function requestUrlString(expr: ts.Expression, facts: FileFacts, depth = 0, path = true): RequestUrl | undefined {
  const e = unwrap(expr);
  if (depth > 4) return undefined;
  if (ts.isPropertyAccessExpression(e)) {
    if (e.name.text === "url") return incomingRequest(e.expression, facts);
    if (path && e.name.text === "pathname") return requestUrlObject(e.expression, facts, depth + 1);
    return undefined;
  }
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    if (b && b.kind === "var" && b.decl.initializer && !b.element) return requestUrlString(b.decl.initializer, facts, depth + 1, path);
    // `const { pathname } = new URL(req.url)`
    if (path && b && b.kind === "var" && b.element && b.decl.initializer && e.text === "pathname" && !b.element.propertyName) return requestUrlObject(b.decl.initializer, facts, depth + 1);
  }
  return undefined;
}

/** The case a hand-parsed URL value of this framework is reported under. */
export function urlCase(fw: RequestUrl["fw"], facts: FileFacts, part: "query" | "params"): CaseId {
  switch (fw) {
    case "sveltekit":
    case "remix":
    case "astro":
    case "pages":
      return ROUTE_MODULE_CASE[fw];
    case "web":
      return "webRequest";
    case "nextApp":
      return "nextAppRequest";
    case "nextPages":
      return "nextPagesRequest";
    case "fastify":
      return "fastifyRequest";
    default:
      // Express's own request, or a bare node:http server (whose `(req, res)` handlers look alike).
      if (!hasModule(facts, "express")) return "webRequest";
      return part === "query" ? "expressQuery" : "expressParams";
  }
}

/** The 400 channel of a handler found through its request URL. */
export function urlChannel(fw: RequestUrl["fw"], fn: FunctionLike, facts: FileFacts): Channel {
  if (fw === "sveltekit" || fw === "remix" || fw === "astro" || fw === "pages") return routeModuleChannel(fn, fw);
  if (fw === "web" || fw === "nextApp") return { kind: "next", response: hasModule(facts, "next/server") ? "NextResponse" : "Response" };
  const res = fn.parameters[1];
  if (res && ts.isIdentifier(res.name)) {
    if (fw === "fastify") return { kind: "fastify", reply: res.name.text };
    // A bare node:http `res` has no `status().json()`: the fix throws there.
    if ((fw === "express" && hasModule(facts, "express")) || fw === "nextPages") return { kind: "express", res: res.name.text };
  }
  return { kind: "throw" };
}

/** The pieces a `.split()` of a path hands on: `parts[2]`, `.pop()`, `const [, , id] = …`. */
function splitPieces(split: ts.CallExpression): ts.Node[] {
  let top: ts.Node = split;
  // `.split("/").filter(Boolean)`
  const f = top.parent;
  if (f && ts.isPropertyAccessExpression(f) && f.name.text === "filter" && f.parent && ts.isCallExpression(f.parent)) top = f.parent;
  const piece = (n: ts.Node): ts.Node | undefined => {
    const p = n.parent;
    if (!p) return undefined;
    if (ts.isElementAccessExpression(p) && p.expression === n) return p;
    if (ts.isPropertyAccessExpression(p) && p.expression === n && (p.name.text === "pop" || p.name.text === "at" || p.name.text === "shift") && p.parent && ts.isCallExpression(p.parent)) return p.parent;
    return undefined;
  };
  const direct = piece(top);
  if (direct) return [direct];
  const d = top.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== top) return [];
  if (ts.isArrayBindingPattern(d.name)) {
    const out: ts.Node[] = [];
    for (const el of d.name.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name) && !el.dotDotDotToken) out.push(el.name);
    return out;
  }
  if (!ts.isIdentifier(d.name)) return [];
  const out: ts.Node[] = [];
  for (const ref of findRefs(d.name.text, scopeOf(d), d.name.end)) {
    const p = piece(ref);
    if (p) out.push(p);
  }
  return out;
}

/** `req.url.split("/")[3]`, `url.pathname.split("/")`, `path.split("/").pop()`: path segments of the request. */
export function urlSegmentSource(split: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = split.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const lambda = lambdaPath(callee.expression);
  if (lambda) {
    const pieces = splitPieces(split);
    if (pieces.length === 0) return undefined;
    return { caseId: "lambdaEvent", node: callee.expression, values: pieces, kind: "scalar", read: shortText(split, sf), handler: lambda, channel: { kind: "lambda" }, schemaSuffix: "Param" };
  }
  const r = requestUrlString(callee.expression, facts);
  if (!r) return undefined;
  const values = splitPieces(split);
  if (values.length === 0) return undefined;
  return {
    caseId: urlCase(r.fw, facts, "params"),
    node: callee.expression,
    values,
    kind: "scalar",
    read: shortText(split, sf),
    handler: r.fn,
    channel: urlChannel(r.fw, r.fn, facts),
    schemaSuffix: "Param",
  };
}

/**
 * `event.path` / `event.rawPath` of a Lambda (or Netlify function) event, or a variable holding it:
 * a segment cut from it (`event.path.split("/").pop()`) is the route parameter API Gateway's
 * `pathParameters` would hold.
 */
function lambdaPath(expr: ts.Expression, depth = 0): FunctionLike | undefined {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && (e.name.text === "path" || e.name.text === "rawPath") && ts.isIdentifier(e.expression)) return lambdaHandlerOf(e.expression);
  if (ts.isIdentifier(e) && depth < 3) {
    const b = findBinding(e);
    if (b && b.kind === "var" && b.decl.initializer && !b.element) return lambdaPath(b.decl.initializer, depth + 1);
  }
  return undefined;
}

// The raw path of an incoming request: `req.url` (node:http), `req.path` and `req.originalUrl` (Express).
const RAW_PATHS = new Set(["url", "path", "originalUrl"]);

/**
 * The request's own URL path read whole (`req.url`, `req.path`, `req.originalUrl`, or the
 * `pathname` of the legacy `url.parse(req.url)`, which keeps `..` segments): joined into a file
 * path it walks out of the folder. Not the WHATWG `new URL(req.url).pathname`, which removes dot
 * segments, nor a read cut by `.split()` or parsed into a URL object (their own sources).
 */
export function urlPathSource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const field = node.name.text;
  let r: RequestUrl | undefined;
  if (RAW_PATHS.has(field)) {
    r = incomingRequest(node.expression, facts);
    if (r && field !== "url" && r.fw !== "express") return undefined;
  } else if (field === "pathname") {
    const o = requestUrlObject(node.expression, facts);
    r = o?.parsed ? o : undefined;
  }
  if (!r) return undefined;
  const p = node.parent;
  if (p && ts.isPropertyAccessExpression(p) && p.expression === node && p.name.text === "split") return undefined;
  if (p && (ts.isNewExpression(p) || (ts.isCallExpression(p) && isUrlParse(p, facts))) && p.arguments?.[0] === node) return undefined;
  if (dotSegmentsTested(r.fn, node)) return undefined;
  return {
    caseId: urlCase(r.fw, facts, "params"),
    node,
    values: [node],
    kind: "scalar",
    read: shortText(node, sf),
    handler: r.fn,
    channel: urlChannel(r.fw, r.fn, facts),
    schemaSuffix: "Path",
    fileOnly: true,
  };
}

/**
 * A handler that tests for `..` before the read (`if (req.url.includes("..")) return …`,
 * `/\.\./.test(pathname)`): it knows the path can climb out and decides it.
 */
function dotSegmentsTested(fn: FunctionLike, before: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.pos >= before.pos) return;
    if (ts.isCallExpression(n) && DOT_TESTS.has(calleeName(n) ?? "")) {
      const a = n.arguments[0];
      const lit = a && ts.isStringLiteralLike(a) ? a.text : undefined;
      const re = ts.isPropertyAccessExpression(n.expression) ? unwrap(n.expression.expression) : undefined;
      if (lit?.includes("..") || (re && ts.isRegularExpressionLiteral(re) && re.text.includes("\\.\\."))) found = true;
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}
const DOT_TESTS = new Set(["includes", "indexOf", "startsWith", "test"]);

/** `url.parse(req.url, true).query`: the query object of a node:http request. */
export function urlQuerySource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const r = requestUrlObject(node.expression, facts);
  if (!r?.parsed) return undefined;
  return {
    caseId: urlCase(r.fw, facts, "query"),
    node,
    values: [node],
    kind: "bag",
    read: shortText(node, sf),
    handler: r.fn,
    channel: urlChannel(r.fw, r.fn, facts),
    schemaSuffix: "Query",
  };
}
