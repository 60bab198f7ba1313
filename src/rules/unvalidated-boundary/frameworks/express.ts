import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { TreeMemo } from "../../../engine/tree-memo";
import { callOfArgument, enclosingFunction, functionName, isExportedFunction, nameText, typeNameOf, type FunctionLike } from "../ast";
import { hasModule, isKoaish, type FileFacts } from "../source";
import { KOA_MODULES } from "./koa";
import { isWebHandler } from "./web";
import { routeModuleOf } from "./file-routes";
import { isFirebaseRequestHandler } from "./firebase";

/** The web framework a request-handler parameter belongs to. */
export type RequestFramework = "express" | "fastify" | "koa" | "hono" | "nextPages" | "nextApp" | "web";

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "use", "options", "head", "route", "on", "handle"]);
export const HTTP_EXPORTS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** The route registration call a handler is passed to (`app.post("/x", mw, handler)`), if any. */
export function routeCallOf(fn: FunctionLike): ts.CallExpression | undefined {
  const at = callOfArgument(fn);
  if (at) {
    const name = calleeName(at.call);
    if (name && ROUTE_METHODS.has(name) && ts.isPropertyAccessExpression(at.call.expression)) return at.call;
    return undefined;
  }
  // fastify.route({ handler }) / { handler(request, reply) {} }
  const p = ts.isMethodDeclaration(fn) ? fn.parent : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
  if (p && ts.isObjectLiteralExpression(p) && functionName(fn) === "handler") {
    const call = p.parent;
    if (call && ts.isCallExpression(call) && calleeName(call) === "route") return call;
  }
  return undefined;
}

/**
 * `socket.on("editMonitor", (monitor, callback) => …)`, `emitter.on("message", …)`: `on` with an event name
 * that is neither Node's `"request"` nor an HTTP method (Hono's `app.on("PURGE", "/cache", …)`) registers a
 * listener, not a route, even in a module that imports express (production uptime-kuma's `server.js`, whose
 * socket payload's `monitor.body` was taken for `req.body`).
 */
function namesOtherEvent(call: ts.CallExpression): boolean {
  const first = call.arguments[0];
  return !!first && ts.isStringLiteralLike(first) && first.text !== "request" && !/^[A-Z]+$/.test(first.text);
}

/** Medusa's request types (`@medusajs/framework/http`, `@medusajs/medusa`): Express requests with Medusa's scope. */
const MEDUSA_REQUEST_RE = /^(?:Authenticated)?Medusa(?:Store|Admin)?Request$/;
const MEDUSA_MODULES = ["@medusajs/framework", "@medusajs/medusa"];
/** A route module of Medusa 2's file router: `src/api/<path>/route.{ts,js}`. */
const MEDUSA_ROUTE_FILE_RE = /(?:^|[\\/])src[\\/]api[\\/](?:.+[\\/])?route\.[cm]?[jt]s$/;

/**
 * A Medusa 2 API route: a function whose first parameter is typed with Medusa's request type, or an
 * exported HTTP-method function (`export const POST = async (req, res) => …`) of a route module
 * under `src/api/` in a module that imports Medusa.
 */
export function isMedusaRoute(fn: FunctionLike, facts: FileFacts): boolean {
  const param = fn.parameters[0];
  if (!param) return false;
  const type = typeNameOf(param);
  if (type && MEDUSA_REQUEST_RE.test(type)) return true;
  return hasModule(facts, ...MEDUSA_MODULES) && MEDUSA_ROUTE_FILE_RE.test(facts.path) && HTTP_EXPORTS.has(functionName(fn) ?? "") && isExportedFunction(fn);
}

/** Which framework a handler's first parameter comes from, or undefined when unsure. */
export function requestFramework(fn: FunctionLike, index: number, facts: FileFacts): RequestFramework | undefined {
  const param = fn.parameters[index];
  if (!param) return undefined;
  // A SvelteKit, Remix or Astro handler takes an event, not a request (see file-routes.ts).
  if (index === 0 && routeModuleOf(fn, facts)) return undefined;
  // Firebase's `onRequest((req, res) => …)` hands Express's request and response.
  if (index === 0 && isFirebaseRequestHandler(fn, facts)) return "express";
  // Medusa 2's file-routed API routes (`src/api/**/route.ts`, `GET(req: MedusaRequest, res: MedusaResponse)`)
  // hand Express's request and response (Medusa's request type extends Express's).
  if (index === 0 && isMedusaRoute(fn, facts)) return "express";
  if (index === 0 && isWebHandler(fn, facts)) return "web";
  // `return withTurnstileProtection(request, async (req) => { … await req.json() … })`: the handler's own request, handed on.
  const handedOn = index === 0 ? requestOfCaller(fn, facts) : undefined;
  if (handedOn) return handedOn;
  const type = typeNameOf(param);
  switch (type) {
    case "NextApiRequest":
      return "nextPages";
    case "NextRequest":
      return "nextApp";
    case "FastifyRequest":
      return "fastify";
    case "Context":
    case "ParameterizedContext":
    case "RouterContext":
    case "DefaultContext":
      return hasModule(facts, "hono") ? "hono" : hasModule(facts, ...KOA_MODULES) ? "koa" : undefined;
    case "Request":
      if (hasModule(facts, "express")) return "express";
      if (HTTP_EXPORTS.has(functionName(fn) ?? "") || hasModule(facts, "next")) return "nextApp";
      // A helper handed the Web `Request` of a route module (`handlePoll(provider, req: Request)`).
      if (index > 0 && !hasModule(facts, "koa", "fastify", "@koa/router")) return "web";
      // `handleKiroSocialExchange(req: Request)` that a handler of the module hands its own request (`return handleX(req)`).
      if (index === 0 && !hasModule(facts, "koa", "fastify", "@koa/router") && handedTheRequest(fn, facts)) return "web";
      // `export async function handleMessages(req: Request)` of a routes module that a server elsewhere hands its request.
      if (index === 0 && !hasModule(facts, "koa", "fastify", "@koa/router") && isExportedFunction(fn)) return "web";
      return undefined;
    default:
      break;
  }
  if (index !== 0) return undefined;
  const route = routeCallOf(fn);
  const first = nameText(param.name);
  const second = fn.parameters[1] ? nameText(fn.parameters[1].name) : undefined;
  if (route) {
    // A listener (`socket.on("editMonitor", (monitor, callback) => …)`), not a route: its payload is no request.
    if (calleeName(route) === "on" && namesOtherEvent(route)) return undefined;
    if (hasModule(facts, "fastify", "fastify-plugin") || second === "reply") return "fastify";
    if (hasModule(facts, "hono")) return "hono";
    if (hasModule(facts, ...KOA_MODULES)) return "koa";
    if (hasModule(facts, "express") || first === "req" || first === "request") return "express";
    return undefined;
  }
  const name = functionName(fn) ?? "";
  if (HTTP_EXPORTS.has(name) && isExportedFunction(fn)) return "nextApp";
  if (hasModule(facts, "next") && isExportedFunction(fn) && (first === "req" || first === "request")) return "nextPages";
  if ((first === "req" || first === "request") && (second === "res" || second === "response")) {
    if (/[\\/]pages[\\/]api[\\/]/.test(facts.path)) return "nextPages";
    return "express";
  }
  // Fastify handlers in controller files: `(request, reply)`, `(req, reply)`.
  if (second === "reply" && (first === "request" || first === "req")) return "fastify";
  // Koa controllers often import nothing from Koa: they answer through `ctx.body`/`ctx.status` (facts.koaish).
  if (first === "ctx" && (hasModule(facts, ...KOA_MODULES) || second === "next" || isKoaish(facts))) return "koa";
  return undefined;
}

/**
 * The framework of the request a Next.js route handler (or a Web `Request` handler) hands, with a
 * callback, to a wrapper of its module's imports (`withTurnstileProtection(request, async (req) => …)`,
 * `withAuth(req, (req) => …)`): the callback's first parameter is that request, handed back.
 */
function requestOfCaller(fn: FunctionLike, facts: FileFacts): RequestFramework | undefined {
  const at = callOfArgument(fn);
  const caller = at && enclosingFunction(at.call);
  if (!at || !caller || at.index === 0 || fn.parameters.length > 2) return undefined;
  const own = caller.parameters[0];
  const first = at.call.arguments[0];
  if (!own || !ts.isIdentifier(own.name) || !first || !ts.isIdentifier(first) || first.text !== own.name.text) return undefined;
  const fw = requestFramework(caller, 0, facts);
  return fw === "nextApp" || fw === "web" ? fw : undefined;
}

// express-validator chain roots and common validation middlewares.
const EV_ROOTS = new Set(["body", "query", "param", "check", "checkSchema", "header", "cookie", "oneOf", "checkExact"]);
const VALIDATION_MIDDLEWARE_RE = /valid|celebrate|schema|zod|joi|yup/i;

/** A same-module function called with the request of a Web `Request` handler (a route export, `Deno.serve`'s, a helper's). */
function handedTheRequest(fn: FunctionLike, facts: FileFacts, depth = 0): boolean {
  const name = functionName(fn);
  const sf = fn.getSourceFile();
  if (!name || depth > 1 || !sf.text.includes(`${name}(`)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name && n.arguments[0] && ts.isIdentifier(n.arguments[0])) {
      const caller = enclosingFunction(n);
      const i = caller ? caller.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === (n.arguments[0] as ts.Identifier).text) : -1;
      if (caller && caller !== fn && i >= 0) {
        const fw = i === 0 && typeNameOf(caller.parameters[0]) === "Request" && !HTTP_EXPORTS.has(functionName(caller) ?? "") && !isWebHandler(caller, facts) ? (handedTheRequest(caller, facts, depth + 1) ? "web" : undefined) : requestFramework(caller, i, facts);
        if (fw === "web" || fw === "nextApp") found = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function chainRoot(e: ts.Expression): string | undefined {
  let cur = e;
  for (let i = 0; i < 30; i++) {
    if (ts.isCallExpression(cur)) cur = cur.expression;
    else if (ts.isPropertyAccessExpression(cur)) cur = cur.expression;
    else break;
  }
  return ts.isIdentifier(cur) ? cur.text : undefined;
}

// Whether a handler's body reads express-validator's result, once per handler: each request read of the
// handler asks, and a scan of the body's text per read was quadratic in a long handler.
const readsValidationResult = new TreeMemo<ts.Node, boolean>();

function readsValidationResultIn(fn: FunctionLike, sf: ts.SourceFile): boolean {
  const body = fn.body;
  if (!body) return false;
  let reads = readsValidationResult.get(body);
  if (reads === undefined) {
    reads = /\b(?:validationResult|matchedData)\s*\(/.test(body.getText(sf));
    readsValidationResult.set(body, reads);
  }
  return reads;
}

/**
 * The route call of a handler handed through a wrapper of its own (`app.post("/x", validateStrict(Body),
 * expressWrap(async (req, res) => …))`, `asyncHandler(fn)`): a call whose only argument is the handler,
 * itself an argument of the route (production grist-core's service-account routes, session 40).
 */
function wrappedRouteCallOf(fn: FunctionLike): ts.CallExpression | undefined {
  const at = callOfArgument(fn);
  if (!at || at.call.arguments.length !== 1) return undefined;
  const outer = callOfArgument(at.call);
  if (!outer || outer.index === 0) return undefined;
  const name = calleeName(outer.call);
  return name && ROUTE_METHODS.has(name) && ts.isPropertyAccessExpression(outer.call.expression) ? outer.call : undefined;
}

/**
 * True when the route validates before the handler runs: a validation middleware
 * (`validate(Schema)`, `celebrate(...)`, `zValidator(...)`), a route object's `validate:`
 * (koa-joi-router), or express-validator chains whose result the handler reads with
 * `validationResult`/`matchedData`.
 */
export function routeValidates(fn: FunctionLike, sf: ts.SourceFile, part?: string, fields: readonly string[] = []): boolean {
  const route = routeCallOf(fn) ?? wrappedRouteCallOf(fn);
  if (!route) return readsValidationResultIn(fn, sf);
  // (A wrapped handler's argument is the wrapper call around it: the middlewares before it ran first.)
  const at = route.arguments.findIndex((arg) => arg === fn || arg.pos >= fn.pos || (arg.pos <= fn.pos && arg.end >= fn.end));
  const count = at < 0 ? route.arguments.length : at;
  if (argsValidate(route.arguments, count, sf, part, undefined, fields)) return true;
  // `router.route({ method: "post", validate: { body }, handler: async (ctx) => … })`
  const spec = route.arguments[at];
  if (spec && ts.isObjectLiteralExpression(spec) && specValidates(spec, part, false)) return true;
  // The handler's own `validationResult(req)` answers the route's chains: of a part, the fields they name (`const { nombre,
  // email, password, rol } = req.body` behind `body("nombre")`, `body("email")`, `body("password")` uses `rol` as sent:
  // retired round 46, Week06 `routes/auth.js:38`, as a `validate` middleware after the chains does, retired held round 42).
  const items = route.arguments.slice(0, count).flatMap((a) => (ts.isArrayLiteralExpression(a) ? [...a.elements] : [a]));
  return readsValidationResultIn(fn, sf) && !chainsLeaveField(items, part, fields);
}

/**
 * True when every route parameter named in `keys` is one the route's own path does not declare
 * (`router.get("users.show", "/", authUtils.GetUserID, async (ctx) => … ctx.params.id)`), on a route
 * that runs a middleware before the handler: that middleware put the value there (a JWT
 * middleware's `ctx.params.id = payload.sub`), the client's path did not. A router prefix of the
 * module that declares it (`new Router({ prefix: "/games/:id" })`, `.prefix("/games/:id")`) keeps it input.
 */
export function paramsSetBeforeHandler(fn: FunctionLike, keys: readonly string[], sf: ts.SourceFile): boolean {
  if (keys.length === 0) return false;
  const route = routeCallOf(fn);
  if (!route) return false;
  const at = route.arguments.findIndex((arg) => arg === fn || arg.pos >= fn.pos);
  const before = route.arguments.slice(0, at < 0 ? route.arguments.length : at);
  const paths = before.filter((a): a is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a));
  // Koa's named routes put the name first: the path is the last string.
  const path = paths[paths.length - 1]?.text;
  if (path === undefined || before.length === paths.length) return false;
  const declared = new Set(Array.from(path.matchAll(/:([A-Za-z_$][\w$]*)/g), (m) => m[1]!));
  const prefixes = Array.from(sf.text.matchAll(/prefix\s*[:(]\s*["'`]([^"'`]*)["'`]/g), (m) => m[1]!).join(" ");
  return keys.every((k) => !declared.has(k) && !prefixes.includes(`:${k}`));
}

/**
 * True when one of the first `count` arguments of a route registration validates the request
 * part: a validation middleware (`validate(Schema)`, `validators.createUser`, `celebrate(…)`), or
 * an options object whose `schema` (Fastify) or `validate` (koa-joi-router) covers it.
 */
export function argsValidate(args: readonly ts.Expression[], count: number, sf: ts.SourceFile, part?: string, covers?: (middleware: ts.Expression, part: string, fields?: readonly string[]) => boolean, fields: readonly string[] = []): boolean {
  const chains = chainParts(args, count);
  const routeItems = args.slice(0, count).flatMap((a) => (ts.isArrayLiteralExpression(a) ? [...a.elements] : [a]));
  // With express-validator chains on the route, the bare middleware after them (`validate`,
  // `validateRequest`) answers their `validationResult`: it covers the parts the chains name, and of
  // those only the fields the chains name (also chains handed to it, `validate([body("email")…])`).
  const leaves = (it: ts.Expression) => fields.length > 0 && chainsLeaveField([...routeItems, ...(ts.isCallExpression(it) ? it.arguments.flatMap((a) => (ts.isArrayLiteralExpression(a) ? [...a.elements] : [a])) : [])], part, fields);
  const named = (it: ts.Expression) => (!part || !chains || chains === "all" || chains.has(part)) && (!part || !covers || covers(it, part, fields)) && !leaves(it);
  for (let i = 0; i < count && i < args.length; i++) {
    const arg = args[i]!;
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) continue;
    const items = ts.isArrayLiteralExpression(arg) ? arg.elements : [arg];
    for (const it of items) {
      const root = chainRoot(it);
      if (root && EV_ROOTS.has(root)) continue;
      if (ts.isCallExpression(it) && root === "celebrate" && part && !celebrateCovers(it, part)) continue;
      // `validateRequestMiddleware({ body: BodySchema })`: a schema per part covers the parts it names.
      if (ts.isCallExpression(it) && part && !partsCover(it, part)) continue;
      if (ts.isCallExpression(it) && root && VALIDATION_MIDDLEWARE_RE.test(root) && named(it)) return true;
      if (ts.isIdentifier(it) && VALIDATION_MIDDLEWARE_RE.test(it.text) && named(it)) return true;
      // `validators.createUser`, `userValidation.login`: a middleware taken from a validation module.
      if (ts.isPropertyAccessExpression(it) && VALIDATION_MIDDLEWARE_RE.test(it.getText(sf)) && named(it)) return true;
      if (ts.isCallExpression(it) && VALIDATION_MIDDLEWARE_RE.test(it.expression.getText(sf)) && named(it)) return true;
      if (ts.isObjectLiteralExpression(it) && specValidates(it, part, true)) return true;
    }
  }
  return false;
}

// The request part each express-validator chain root checks; `check`, `checkSchema`, `oneOf` check any.
const CHAIN_PARTS: Record<string, string | undefined> = { body: "body", query: "query", param: "params", header: "headers", cookie: "cookies" };

/** The parts the route's express-validator chains check (`body("email")`, `param("id")`), `"all"`, or undefined without chains. */
function chainParts(args: readonly ts.Expression[], count: number): Set<string> | "all" | undefined {
  let out: Set<string> | undefined;
  for (let i = 0; i < count && i < args.length; i++) {
    const arg = args[i]!;
    for (const it of ts.isArrayLiteralExpression(arg) ? arg.elements : [arg]) {
      const root = chainRoot(it);
      if (!root || !EV_ROOTS.has(root) || !ts.isCallExpression(it)) continue;
      const part = CHAIN_PARTS[root];
      if (!part) return "all";
      (out ??= new Set()).add(part);
    }
  }
  return out;
}

/** The chain's own call: `body("phone")` of `body("phone").isMobilePhone().withMessage("…")`. */
function chainHead(e: ts.Expression): ts.CallExpression | undefined {
  let cur: ts.Expression = e;
  for (let i = 0; i < 30; i++) {
    if (ts.isCallExpression(cur) && ts.isIdentifier(cur.expression)) return cur;
    if (ts.isCallExpression(cur) || ts.isPropertyAccessExpression(cur)) cur = cur.expression;
    else return undefined;
  }
  return undefined;
}

/**
 * True when the express-validator chains among `items` that check `part` each name their fields
 * (`body("name")`, `check(["email", "password"])`) and one of `fields`, the fields the handler reads, is
 * none of them: nothing checks it (held round 42, bakenshake `auth.controller.js:80`, decided: `phone`
 * read beside chains for name, email and password, then a Mongoose `$or` filter). A chain without a
 * literal field (`checkSchema`, `oneOf`, `body()` whole, a wildcard) may check any: false.
 */
function chainsLeaveField(items: readonly ts.Expression[], part: string | undefined, fields: readonly string[]): boolean {
  if (!part) return false;
  const named = new Set<string>();
  let any = false;
  for (const it of items) {
    const root = chainRoot(it);
    if (!root || !EV_ROOTS.has(root)) continue;
    const checks = CHAIN_PARTS[root];
    if (checks !== undefined && checks !== part) continue;
    const arg = chainHead(it)?.arguments[0];
    const names = arg && ts.isStringLiteralLike(arg) ? [arg.text] : arg && ts.isArrayLiteralExpression(arg) && arg.elements.every(ts.isStringLiteralLike) ? arg.elements.map((x) => (x as ts.StringLiteralLike).text) : undefined;
    if (!names || names.length === 0) return false;
    for (const n of names) {
      const top = n.split(/[.[]/)[0]!;
      if (top === "" || top.includes("*")) return false;
      named.add(top);
    }
    any = true;
  }
  return any && fields.some((f) => !named.has(f));
}

function topLevelObject(id: ts.Identifier): ts.ObjectLiteralExpression | undefined {
  for (const st of id.getSourceFile().statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer && ts.isObjectLiteralExpression(d.initializer)) return d.initializer;
    }
  }
  return undefined;
}

const SPEC_KEYS: Record<string, string[]> = { body: ["body"], query: ["querystring", "query"], params: ["params"] };

/**
 * A route options object that validates `part`: `validate: { body }` (koa-joi-router) and, when
 * `schema` counts (a Fastify options object in another module), `schema: { body }`; a schema held
 * in a variable is trusted. A `preValidation`/`preHandler` hook named for validation counts too.
 */
export function specValidates(obj: ts.ObjectLiteralExpression, part: string | undefined, schema: boolean): boolean {
  for (const prop of obj.properties) {
    const key = nameText(prop.name) ?? "";
    if (key === "validate" || key === "validator" || (schema && key === "schema")) {
      let value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
      // `{ schema: commentSchema }`: the object among the module's top-level constants.
      if (value && ts.isIdentifier(value)) value = topLevelObject(value) ?? value;
      if (!value || !ts.isObjectLiteralExpression(value) || !part) return true;
      const keys = SPEC_KEYS[part] ?? [part];
      if (value.properties.some((p) => keys.includes(nameText(p.name) ?? "") || ts.isSpreadAssignment(p))) return true;
      continue;
    }
    if ((key === "preValidation" || key === "preHandler" || key === "middleware" || key === "middlewares") && ts.isPropertyAssignment(prop) && VALIDATION_MIDDLEWARE_RE.test(prop.initializer.getText())) return true;
  }
  return false;
}

/** `celebrate({ [Segments.BODY]: … })` validates only the segments it names. */
const PART_KEYS: Record<string, string> = { body: "body", query: "query", querystring: "query", params: "params", param: "params", headers: "headers", cookies: "cookies" };

/**
 * False when a validation middleware is handed one object of schemas keyed by request part
 * (`validate({ body: CreateTeam })`, `validateRequestMiddleware({ params, query })`) and none of its
 * keys is `part`: it parses the parts it names and leaves the others as sent.
 */
function partsCover(call: ts.CallExpression, part: string): boolean {
  const arg = call.arguments.length === 1 ? call.arguments[0]! : undefined;
  if (!arg || !ts.isObjectLiteralExpression(arg) || arg.properties.length === 0) return true;
  const named = new Set<string>();
  for (const p of arg.properties) {
    const key = (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? PART_KEYS[p.name.text] : undefined;
    if (!key) return true;
    named.add(key);
  }
  return named.has(part);
}

function celebrateCovers(call: ts.CallExpression, part: string): boolean {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return true;
  const want = part === "body" ? "BODY" : part === "query" ? "QUERY" : "PARAMS";
  return arg.properties.some((p) => {
    const n = p.name;
    if (!n) return true;
    const text = ts.isComputedPropertyName(n) ? n.expression.getText() : n.getText();
    return text.toUpperCase().includes(want) || ts.isSpreadAssignment(p);
  });
}
