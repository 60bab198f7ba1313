import { ts } from "../../../engine/ts";
import { findBinding, nameText, shortText, unwrap, type FunctionLike } from "../ast";
import type { CaseId, Channel, FileFacts, Source } from "../source";
import { isMedusaRoute, paramsSetBeforeHandler, requestFramework, routeCallOf, routeValidates } from "./express";
import { contextValidated } from "./context-validator";
import { fastifySchemaCovers } from "./fastify";
import { nextChannel } from "./next";

const PART_SUFFIX: Record<string, string> = { body: "Body", query: "Query", params: "Params", cookies: "Cookies" };

function secondParam(fn: FunctionLike): string | undefined {
  const p = fn.parameters[1];
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/**
 * `req.body` / `req.query` / `req.params` (Express, Next.js pages), `request.body|query|params`
 * (Fastify), `ctx.request.body`, `ctx.query`, `ctx.params` (Koa).
 */
export function requestPropertySource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  // `JSON.parse(req.rawBody)`: the body's own text (kept by a `verify` hook for a signature check), not a route param.
  const part = node.name.text === "rawBody" ? "body" : node.name.text;
  let base = unwrap(node.expression);
  let koaRequest = false;
  if (ts.isPropertyAccessExpression(base) && base.name.text === "request") {
    koaRequest = true;
    base = base.expression;
  }
  if (!ts.isIdentifier(base)) return undefined;
  // `req.body = …` in a middleware writes, it does not read.
  const parent = node.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return undefined;
  const binding = findBinding(base);
  if (!binding || binding.kind !== "param") return undefined;
  // Koa's context destructured in the handler's signature: `async ({ request, response }) => … request.body`.
  if (binding.element && !(koaRequest === false && nameText(binding.element.propertyName ?? binding.element.name) === "request" && binding.index === 0 && (part === "body" || part === "query"))) return undefined;
  if (binding.element) koaRequest = true;
  const fw = requestFramework(binding.fn, binding.index, facts);
  if (!fw) return undefined;
  const fn = binding.fn;
  let caseId: CaseId;
  let channel: Channel = { kind: "throw" };
  const second = secondParam(fn);
  if (koaRequest) {
    // koa-router puts the route params on the request as well: `ctx.request.params` is `ctx.params`.
    if (fw !== "koa" || (part !== "body" && part !== "query" && part !== "params")) return undefined;
    caseId = "koaRequest";
    // A destructured `{ request }` leaves no context to answer through: the fix throws.
    if (!binding.element) channel = { kind: "koa", ctx: base.text };
  } else if (fw === "koa") {
    if (part !== "query" && part !== "params") return undefined;
    caseId = "koaRequest";
    channel = { kind: "koa", ctx: base.text };
  } else if (fw === "express" && !facts.fastifyProject) {
    // cookie-parser's `req.cookies`: text the browser sends, like a query value (a `j:` prefix makes
    // it an object); `req.signedCookies` holds only values the server signed itself.
    if (part === "cookies" && noCookieParser(facts.dependencies)) return undefined;
    caseId = part === "body" ? "expressBody" : part === "query" || part === "cookies" ? "expressQuery" : "expressParams";
    if (second) channel = { kind: "express", res: second };
  } else if (part === "cookies") {
    return undefined;
  } else if (fw === "nextPages") {
    if (part === "params") return undefined;
    caseId = "nextPagesRequest";
    if (second) channel = { kind: "express", res: second };
  } else if ((fw === "nextApp" || fw === "web") && part === "params" && !koaRequest) {
    // Bun's file and `routes` router puts route params on the Request: `(req as BunRequest).params.id`.
    caseId = fw === "web" ? "webRequest" : "nextAppRequest";
    channel = nextChannel(facts);
  } else if (fw === "fastify" || (fw === "express" && facts.fastifyProject)) {
    caseId = "fastifyRequest";
    if (fastifySchemaCovers(fn, part)) return undefined;
    if (second) channel = { kind: "fastify", reply: second };
  } else return undefined;
  if (routeValidates(fn, sf, part, paramKeysRead(node)) || contextValidated(fn, node, part, base.text)) return undefined;
  if (part === "params" && paramsSetBeforeHandler(fn, paramKeysRead(node), sf)) return undefined;
  // A Medusa route module is its own registration (the file router); its middlewares validate into `req.validatedBody`.
  const elsewhere = caseId !== "nextPagesRequest" && caseId !== "nextAppRequest" && caseId !== "webRequest" && !routeCallOf(fn) && !isMedusaRoute(fn, facts);
  return {
    caseId,
    node,
    values: [node],
    kind: part === "body" ? "structured" : "bag",
    read: shortText(node, sf),
    handler: fn,
    channel,
    schemaSuffix: PART_SUFFIX[part] ?? "Input",
    dedupeKey: `${fn.pos}:${caseId}:${part}`,
    ...(elsewhere ? { registration: { ...registrationFor(caseId, part), fields: paramKeysRead(node) } } : {}),
  };
}

/**
 * Sails's (and Express 4's) `req.param("email")`, one value looked up in the route params, the body
 * and the query, and Sails's `req.allParams()`, all of them merged: the client's input like
 * `req.body` (a JSON body or qs can make a value an object: a Waterline criteria value becomes a
 * modifier). Read in an Express-style `(req, res)` handler (retired round 45:
 * pesto-students/n5-qbook-backend-kappa-5 `api/controllers/UsersController.js:15`, decided).
 */
export function paramCallSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const one = method === "param" && call.arguments.length >= 1 && call.arguments.length <= 2 && ts.isStringLiteralLike(call.arguments[0]!);
  if (!one && !(method === "allParams" && call.arguments.length === 0)) return undefined;
  const base = unwrap(callee.expression);
  if (!ts.isIdentifier(base)) return undefined;
  const binding = findBinding(base);
  if (!binding || binding.kind !== "param" || binding.element || binding.index !== 0) return undefined;
  if (requestFramework(binding.fn, 0, facts) !== "express" || facts.fastifyProject) return undefined;
  const fn = binding.fn;
  if (routeValidates(fn, sf, "body")) return undefined;
  const second = secondParam(fn);
  return {
    caseId: "expressBody",
    node: call,
    values: [call],
    kind: one ? "any" : "structured",
    read: shortText(call, sf),
    handler: fn,
    channel: second ? { kind: "express", res: second } : { kind: "throw" },
    schemaSuffix: "Params",
    // The handler's `req.param(…)` reads are one input, like the fields of `req.body`: reported once.
    dedupeKey: `${fn.pos}:expressBody:${one ? "param" : "allParams"}`,
  };
}

/** The route parameters a read names: `ctx.params.id`, `req.params["id"]`, `const { id, slug } = ctx.params`; none when read whole. */
export function paramKeysRead(node: ts.Expression): string[] {
  let top: ts.Node = node;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent))) top = top.parent;
  const p = top.parent;
  if (!p) return [];
  if (ts.isPropertyAccessExpression(p) && p.expression === top) return [p.name.text];
  if (ts.isElementAccessExpression(p) && p.expression === top && ts.isStringLiteralLike(p.argumentExpression)) return [p.argumentExpression.text];
  if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isObjectBindingPattern(p.name)) return bindingKeys(p.name);
  return [];
}

/** The keys an object pattern takes (`{ id, slug: s }` → id, slug); none when it has a rest or a computed key. */
function bindingKeys(pattern: ts.ObjectBindingPattern): string[] {
  const keys: string[] = [];
  for (const el of pattern.elements) {
    const k = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
    if (!k) return [];
    keys.push(k);
  }
  return keys;
}

/**
 * A handler that no route call of its module registers inline (a controller file): the route
 * that registers it elsewhere decides (see ../elsewhere.ts). A Fastify route's `schema` is
 * Fastify's own validation and usual there, so a Fastify handler is reported only when a
 * registration without one is found; when unsure, silent (like a NestJS DTO imported from
 * elsewhere). A Fastify project is told by its imports or, for `(req, res)` controllers, by its
 * dependencies.
 */
function registrationFor(caseId: CaseId, part: string): { part: string; confirm: boolean } {
  return { part, confirm: caseId === "fastifyRequest" };
}

/** `const { body, query } = ctx.request` in a Koa handler: each part destructured is a read of its own. */
export function koaRequestDestructured(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const out: Source[] = [];
  const base = unwrap(node.expression);
  if (node.name.text !== "request" || !ts.isIdentifier(base)) return out;
  let top: ts.Node = node;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent))) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isObjectBindingPattern(decl.name)) return out;
  const binding = findBinding(base);
  if (!binding || binding.kind !== "param" || binding.element || requestFramework(binding.fn, binding.index, facts) !== "koa") return out;
  const fn = binding.fn;
  for (const el of decl.name.elements) {
    const part = nameText(el.propertyName ?? el.name);
    if ((part !== "body" && part !== "query") || !ts.isIdentifier(el.name)) continue;
    if (routeValidates(fn, sf, part) || contextValidated(fn, el, part, base.text)) continue;
    out.push({
      caseId: "koaRequest",
      node: el,
      values: [el.name],
      kind: part === "body" ? "structured" : "bag",
      read: `${base.text}.request.${part}`,
      handler: fn,
      channel: { kind: "throw" },
      schemaSuffix: PART_SUFFIX[part] ?? "Input",
      dedupeKey: `${fn.pos}:koaRequest:${part}`,
      ...(!routeCallOf(fn) ? { registration: registrationFor("koaRequest", part) } : {}),
    });
  }
  return out;
}

/** `app.post("/x", async ({ body, params }, res) => …)`: request parts destructured in the parameter list. */
export function destructuredRequestSources(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const out: Source[] = [];
  const fn = param.parent;
  if (!ts.isObjectBindingPattern(param.name) || !fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn))) return out;
  if (fn.parameters[0] !== param) return out;
  let fw = requestFramework(fn, 0, facts);
  if (fw === "express" && facts.fastifyProject) fw = "fastify";
  if (fw !== "express" && fw !== "fastify" && fw !== "nextPages" && fw !== "koa") return out;
  if (routeValidates(fn, sf)) return out;
  const elsewhere = !routeCallOf(fn);
  for (const el of param.name.elements) {
    const part = nameText(el.propertyName ?? el.name);
    if ((part !== "body" && part !== "query" && part !== "params") || !ts.isIdentifier(el.name)) continue;
    // Koa's body is on `ctx.request` (`{ request }`, see requestPropertySource); `{ params, query }` are the context's own.
    if (fw === "koa" && part === "body") continue;
    if (fw === "fastify" && fastifySchemaCovers(fn, part)) continue;
    out.push(destructuredPart(fw, part, el, [el.name], part === "body" ? "structured" : "bag", el.name.text, fn, elsewhere));
  }
  return out;
}

/**
 * Request parts destructured from the handler's request in its body: `const { query } = req`,
 * `const { query: { login } } = req`, `const { params: { roomId }, user } = req` (Koa: `const
 * { params, query } = ctx`). A part bound whole is read like `req.query`; a nested pattern's
 * names are its fields (scalars of a query or the route, any value of a body).
 */
export function requestVarDestructured(decl: ts.VariableDeclaration, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const out: Source[] = [];
  if (!ts.isObjectBindingPattern(decl.name) || !decl.initializer) return out;
  const base = unwrap(decl.initializer);
  if (!ts.isIdentifier(base)) return out;
  const binding = findBinding(base);
  if (!binding || binding.kind !== "param" || binding.element || binding.index !== 0) return out;
  const fn = binding.fn;
  let fw = requestFramework(fn, 0, facts);
  if (fw === "express" && facts.fastifyProject) fw = "fastify";
  if (fw !== "express" && fw !== "fastify" && fw !== "nextPages" && fw !== "koa") return out;
  const elsewhere = !routeCallOf(fn);
  for (const el of decl.name.elements) {
    if (el.dotDotDotToken) continue;
    const part = nameText(el.propertyName ?? el.name);
    if (part !== "body" && part !== "query" && part !== "params") continue;
    // Koa's `ctx.body` is the response; its request body is on `ctx.request`.
    if ((fw === "koa" && part === "body") || (fw === "nextPages" && part === "params")) continue;
    let values: ts.Identifier[];
    let kind: Source["kind"];
    if (ts.isIdentifier(el.name)) {
      values = [el.name];
      kind = part === "body" ? "structured" : "bag";
    } else if (ts.isObjectBindingPattern(el.name) && el.name.elements.every((e) => !e.dotDotDotToken && ts.isIdentifier(e.name))) {
      values = el.name.elements.map((e) => e.name as ts.Identifier);
      kind = part === "body" ? "any" : "scalar";
      if (part === "params" && paramsSetBeforeHandler(fn, bindingKeys(el.name), sf)) continue;
    } else continue;
    if (values.length === 0 || routeValidates(fn, sf, part) || contextValidated(fn, el, part, base.text)) continue;
    if (fw === "fastify" && fastifySchemaCovers(fn, part)) continue;
    out.push(destructuredPart(fw, part, el, values, kind, `${base.text}.${part}`, fn, elsewhere));
  }
  return out;
}

/** A request part destructured in a handler (its parameter list or its body), reported at the binding. */
function destructuredPart(fw: "express" | "fastify" | "nextPages" | "koa", part: string, el: ts.BindingElement, values: ts.Identifier[], kind: Source["kind"], read: string, fn: FunctionLike, elsewhere: boolean): Source {
  const caseId: CaseId = fw === "fastify" ? "fastifyRequest" : fw === "nextPages" ? "nextPagesRequest" : fw === "koa" ? "koaRequest" : part === "body" ? "expressBody" : part === "query" ? "expressQuery" : "expressParams";
  return {
    caseId,
    node: el,
    values,
    kind,
    read,
    handler: fn,
    channel: { kind: "throw" },
    schemaSuffix: PART_SUFFIX[part] ?? "Input",
    dedupeKey: `${fn.pos}:${caseId}:${part}`,
    ...(elsewhere && caseId !== "nextPagesRequest" ? { registration: registrationFor(caseId, part) } : {}),
  };
}

/**
 * An Express project whose manifest names no cookie middleware (cookie-parser, or any package named
 * for cookies): nothing sets `req.cookies`, which stays `undefined` whatever the browser sends (held
 * round 28, ujani-whatsapp-bot `sessionAuth.ts:7`, labelled clean: no source). An unknown manifest
 * keeps the read a source.
 */
function noCookieParser(deps: ReadonlySet<string> | undefined): boolean {
  if (!deps || deps.size === 0 || !deps.has("express")) return false;
  for (const d of deps) if (/cookie/i.test(d)) return false;
  return true;
}
