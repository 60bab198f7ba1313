import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { nameText, unwrap, type FunctionLike } from "../ast";

/**
 * `@hono/zod-openapi`: `app.openapi(route, handler)` parses the request parts its route declares
 * (`createRoute({ request: { params: z.object({ id: z.string().uuid() }), query, body } })`) before
 * the handler runs, answering 400 otherwise. A raw read of a declared part in the handler
 * (`c.req.param("id")` beside `c.req.valid("param")`) reads a value the schema has passed; a body only
 * when the route marks it `required` (else it is checked only under its Content-Type). A key the
 * schema does not declare (`c.req.query("sort")` under a query schema of `page` only) stays input.
 * The route may be inline, a `const` of the module, or imported from a relative module; a handler
 * declared apart is tied to its route by `app.openapi(route, handler)` or its
 * `RouteHandler<typeof route>` type.
 */

export type OpenApiPart = "params" | "query" | "json" | "form";
type ModuleOf = (spec: string, from: ts.SourceFile) => ts.SourceFile | undefined;
type Located = { e: ts.Expression; sf: ts.SourceFile };

const MAX_HOPS = 4;
const ROUTE_FACTORIES = new Set(["createRoute"]);

/** True when the zod-openapi route of `fn` declares `part` (and, when its schema is seen, `key`). */
export function openApiRouteDeclares(fn: FunctionLike, sf: ts.SourceFile, part: OpenApiPart, key: string | undefined, moduleOf: ModuleOf | undefined): boolean {
  const routeExpr = routeOfHandler(fn, sf);
  const route = routeExpr && routeConfig({ e: routeExpr, sf }, moduleOf, 0);
  if (!route) return false;
  const request = objectProp(route.e as ts.ObjectLiteralExpression, "request");
  const req = request && resolveObject({ e: request, sf: route.sf }, moduleOf, 0);
  // `request: sharedRequest` from a package: its query and params declared, unseen; a body's `required` unknown.
  if (!req) return !!request && part !== "json" && part !== "form";
  if (part === "json" || part === "form") return bodyDeclares(req, part, moduleOf);
  const schema = objectProp(req.e as ts.ObjectLiteralExpression, part === "params" ? "params" : "query");
  if (!schema || key === undefined) return !!schema;
  const keys = schemaKeys({ e: schema, sf: req.sf }, moduleOf, 0);
  if (keys !== "unseen") return keys.has(key);
  // An unseen params schema covers the segments the route's path names (`/{id}`).
  const path = objectProp(route.e as ts.ObjectLiteralExpression, "path");
  const p = path && unwrap(path);
  return part !== "params" || !p || !ts.isStringLiteralLike(p) || p.text.includes(`{${key}}`);
}

/** The route expression the handler is registered with. */
function routeOfHandler(fn: FunctionLike, sf: ts.SourceFile): ts.Expression | undefined {
  const call = fn.parent;
  if (call && ts.isCallExpression(call) && isOpenApiCall(call) && call.arguments.indexOf(fn as ts.Expression) >= 1) return call.arguments[0];
  // `const getTeam: RouteHandler<typeof getTeamRoute> = async (c) => …`, or registered by name.
  const decl = ts.isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const name = decl && ts.isIdentifier(decl.name) ? decl.name.text : ts.isFunctionDeclaration(fn) ? fn.name?.text : undefined;
  const typed = decl?.type && ts.isTypeReferenceNode(decl.type) ? decl.type.typeArguments?.[0] : undefined;
  if (typed && ts.isTypeQueryNode(typed) && ts.isIdentifier(typed.exprName)) return typed.exprName;
  return name ? registeredWith(name, sf) : undefined;
}

function isOpenApiCall(call: ts.CallExpression): boolean {
  return calleeName(call) === "openapi" && ts.isPropertyAccessExpression(call.expression) && call.arguments.length >= 2;
}

/** `app.openapi(route, name)` anywhere in the module: the route `name` is registered with. */
function registeredWith(name: string, sf: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && isOpenApiCall(n) && n.arguments.slice(1).some((a) => ts.isIdentifier(a) && a.text === name)) found = n.arguments[0];
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The route's configuration object: `createRoute({ … })`, an object literal, through a `const` or a relative import. */
function routeConfig(at: Located, moduleOf: ModuleOf | undefined, hops: number): Located | undefined {
  const e = unwrap(at.e);
  if (ts.isCallExpression(e) && ROUTE_FACTORIES.has(calleeName(e) ?? "") && e.arguments[0]) return resolveObject({ e: e.arguments[0], sf: at.sf }, moduleOf, hops);
  if (ts.isObjectLiteralExpression(e)) return { e, sf: at.sf };
  const next = ts.isIdentifier(e) ? declared(e.text, at.sf, moduleOf) : undefined;
  return next && hops < MAX_HOPS ? routeConfig(next, moduleOf, hops + 1) : undefined;
}

/** An object literal, also through a `const` or a relative import. */
function resolveObject(at: Located, moduleOf: ModuleOf | undefined, hops: number): Located | undefined {
  const e = unwrap(at.e);
  if (ts.isObjectLiteralExpression(e)) return { e, sf: at.sf };
  const next = ts.isIdentifier(e) ? declared(e.text, at.sf, moduleOf) : undefined;
  return next && hops < MAX_HOPS ? resolveObject(next, moduleOf, hops + 1) : undefined;
}

/**
 * `body: { content: { "application/json": { schema } }, required: true }`: a JSON body for `c.req.json()`,
 * a form for `parseBody()`. A body not `required` is checked only when the request's Content-Type names
 * it; `c.req.json()` parses any other request unchecked.
 */
function bodyDeclares(req: Located, part: "json" | "form", moduleOf: ModuleOf | undefined): boolean {
  const body = objectProp(req.e as ts.ObjectLiteralExpression, "body");
  const b = body && resolveObject({ e: body, sf: req.sf }, moduleOf, 0);
  const required = b && objectProp(b.e as ts.ObjectLiteralExpression, "required");
  if (!b || !required || unwrap(required).kind !== ts.SyntaxKind.TrueKeyword) return false;
  const content = objectProp(b.e as ts.ObjectLiteralExpression, "content");
  const c = content && unwrap(content);
  if (!c || !ts.isObjectLiteralExpression(c)) return true; // declared, unseen
  const want = part === "json" ? /json/i : /form/i;
  return c.properties.some((p) => want.test(nameText(p.name) ?? ""));
}

/** The keys a Zod object schema declares, or "unseen" (a package's schema, a spread, a union). */
function schemaKeys(at: Located, moduleOf: ModuleOf | undefined, hops: number): Set<string> | "unseen" {
  if (hops > MAX_HOPS) return "unseen";
  const e = unwrap(at.e);
  if (ts.isIdentifier(e)) {
    const next = declared(e.text, at.sf, moduleOf);
    return next ? schemaKeys(next, moduleOf, hops + 1) : "unseen";
  }
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return "unseen";
  const method = e.expression.name.text;
  const arg = e.arguments[0] && unwrap(e.arguments[0]);
  const literalKeys = (o: ts.Expression | undefined): Set<string> | "unseen" => {
    if (!o || !ts.isObjectLiteralExpression(o) || o.properties.some((p) => !p.name || nameText(p.name) === undefined)) return "unseen";
    return new Set(o.properties.map((p) => nameText(p.name!)!));
  };
  if (method === "object" || method === "strictObject" || method === "looseObject") return literalKeys(arg);
  if (method === "pick") return literalKeys(arg);
  const base = schemaKeys({ e: e.expression.expression, sf: at.sf }, moduleOf, hops + 1);
  if (base === "unseen") return base;
  if (method === "extend" || method === "merge") {
    const more = method === "extend" ? literalKeys(arg) : arg ? schemaKeys({ e: arg, sf: at.sf }, moduleOf, hops + 1) : "unseen";
    return more === "unseen" ? more : new Set([...base, ...more]);
  }
  if (method === "omit") {
    const less = literalKeys(arg);
    return less === "unseen" ? base : new Set([...base].filter((k) => !less.has(k)));
  }
  // `.openapi("Params")`, `.strict()`, `.partial()`, `.describe(…)`: the same keys.
  return base;
}

/** The initializer of the module's top-level `const name`, or of the export a relative import names. */
function declared(name: string, sf: ts.SourceFile, moduleOf: ModuleOf | undefined): Located | undefined {
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return { e: d.initializer, sf };
    } else if (ts.isImportDeclaration(st) && moduleOf && ts.isStringLiteral(st.moduleSpecifier) && !st.importClause?.isTypeOnly) {
      const nb = st.importClause?.namedBindings;
      const el = nb && ts.isNamedImports(nb) ? nb.elements.find((x) => x.name.text === name) : undefined;
      if (!el) continue;
      const other = moduleOf(st.moduleSpecifier.text, sf);
      if (!other) return undefined;
      const exported = (el.propertyName ?? el.name).text;
      for (const s of other.statements) {
        if (!ts.isVariableStatement(s)) continue;
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === exported && d.initializer) return { e: d.initializer, sf: other };
      }
      return undefined;
    }
  }
  return undefined;
}

function objectProp(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (nameText(p.name) !== key) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}
