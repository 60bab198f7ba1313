import { ts } from "../../../engine/ts";
import { findBinding, findRefs, isFunctionLike, nameText, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type CaseId, type Channel, type FileFacts, type Source } from "../source";
import { TreeMemo } from "../../../engine/tree-memo";

/**
 * File-routed frameworks whose handlers take one event object carrying a Web `Request`: SvelteKit
 * (`+server.ts` endpoints, form actions and server `load` in `+page.server.ts`/`+layout.server.ts`),
 * Remix and React Router 7 route modules (`action`/`loader` under `app/routes/`), and Astro
 * endpoints (`src/pages/**.ts`), and Cloudflare Pages Functions (`functions/**.ts` exporting `onRequest`,
 * `onRequestPost`…, whose context carries the `request` and the route's `params`). A handler is told by
 * its file's place and its export's name, never by a parameter's name: `({ request, params, url })` or
 * `(event)` then `event.request`.
 */
export type RouteModule = "sveltekit" | "remix" | "astro" | "pages" | "qwik";

export const ROUTE_MODULE_CASE: Record<RouteModule, CaseId> = { sveltekit: "sveltekitRequest", remix: "remixRequest", astro: "astroRequest", pages: "webRequest", qwik: "webRequest" };

// https://svelte.dev/docs/kit/routing: `+server.js` answers HTTP verbs; `+page.server.js` and `+layout.server.js` hold `load` (and `actions`).
const SVELTEKIT_ENDPOINT_RE = /(?:^|[\\/])\+server\.[cm]?[jt]s$/;
const SVELTEKIT_SERVER_RE = /(?:^|[\\/])\+(?:page|layout)\.server\.[cm]?[jt]s$/;
const SVELTEKIT_VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "fallback"]);

// https://remix.run/docs/en/main/file-conventions/routes and React Router 7's framework mode
// (`import type { Route } from "./+types/home"`); `.client` modules never run on the server.
const REMIX_ROUTE_RE = /(?:^|[\\/])app[\\/](?:routes[\\/].*|root)\.[cm]?[jt]sx?$/;
const CLIENT_MODULE_RE = /\.client\.[cm]?[jt]sx?$/;
const REMIX_EXPORTS = new Set(["action", "loader"]);
const TYPES_MODULE_RE = /(?:^|\/)\+types\//;

// https://docs.astro.build/en/guides/endpoints/: `src/pages/**/*.ts` exporting verbs (`ALL`; Astro 1–2 wrote them in lower case, `del` for DELETE).
const ASTRO_PAGE_RE = /(?:^|[\\/])src[\\/]pages[\\/].*\.[cm]?[jt]s$/;
const ASTRO_VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "ALL", "get", "post", "put", "patch", "del", "all"]);
const ASTRO_TYPES = /^(?:APIRoute|APIContext)\b/;

// https://developers.cloudflare.com/pages/functions/api-reference/: a module under the project's `functions/`
// folder answers a route with `onRequest` or a per-method `onRequestGet`, `onRequestPost`…, each handed an
// EventContext (`request`, `params`, `env`, `data`, `next`). Supabase's and Netlify's `functions/` folders are theirs.
const PAGES_FUNCTION_RE = /(?:^|[\\/])functions[\\/].*\.[cm]?[jt]s$/;
const OTHER_FUNCTIONS_RE = /(?:^|[\\/])(?:supabase|netlify)[\\/](?:edge-)?functions[\\/]/;
const PAGES_EXPORTS = /^onRequest(?:Get|Post|Put|Patch|Delete|Head|Options)?$/;

// https://qwik.dev/docs/endpoints/: a Qwik City route module (`src/routes/**/index.ts(x)`, `layout.tsx`, also
// named layouts `index@name.tsx`/`layout-name.tsx`, and `plugin@name.ts`) answers with `onGet`, `onPost`…,
// `onRequest`, each handed a RequestEvent (`request`, `params`, `url`, `query`, `parseBody()`). Told by the
// module's Qwik City import as well as its place (round 45: mhamrah/hamrah-web, labelled as webRequest).
const QWIK_ROUTE_RE = /(?:^|[\\/])src[\\/]routes[\\/](?:.*[\\/])?(?:index|layout|plugin)(?:[@!-][^\\/]*)?\.[cm]?[jt]sx?$/;
const QWIK_EXPORTS = /^on(?:Get|Post|Put|Patch|Delete|Head|Options|Request)$/;
const QWIK_MODULES = ["@builder.io/qwik-city", "@qwik.dev/router"];

// What each framework's event object holds that a client chose (Remix's args have no `url`).
const PARTS: Record<RouteModule, ReadonlySet<string>> = {
  sveltekit: new Set(["request", "url", "params"]),
  remix: new Set(["request", "params"]),
  astro: new Set(["request", "url", "params"]),
  pages: new Set(["request", "params"]),
  qwik: new Set(["request", "url", "params"]),
};

function hasExportKeyword(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `node` climbed out of parentheses, `satisfies` and `as` (`export const load = (async () => …) satisfies PageServerLoad`). */
function outer(node: ts.Node): ts.Node {
  let cur = node;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || ts.isSatisfiesExpression(cur.parent) || ts.isAsExpression(cur.parent))) cur = cur.parent;
  return cur;
}

/** The exported variable `node` initializes (`export const POST: RequestHandler = …`). */
function exportedVariable(node: ts.Node): ts.VariableDeclaration | undefined {
  const top = outer(node);
  const d = top.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== top || !ts.isIdentifier(d.name)) return undefined;
  const stmt = d.parent?.parent;
  return stmt && ts.isVariableStatement(stmt) && hasExportKeyword(stmt) ? d : undefined;
}

/** The name `fn` is exported under: `export function load`, `export const POST = async () => …`. */
function exportedName(fn: FunctionLike): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name && hasExportKeyword(fn) ? fn.name.text : undefined;
  const d = exportedVariable(fn);
  return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
}

/** A form action: a member of `export const actions = { default: async (event) => … }`. */
function isSvelteKitAction(fn: FunctionLike): boolean {
  const owner = ts.isMethodDeclaration(fn) ? fn : fn.parent && ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
  const obj = owner?.parent;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return false;
  const d = exportedVariable(obj);
  return !!d && ts.isIdentifier(d.name) && d.name.text === "actions";
}

/** The declared type of the export or of its first parameter (`APIRoute`, `RequestEvent`). */
function typeTexts(fn: FunctionLike): string[] {
  const out: string[] = [];
  const d = ts.isFunctionDeclaration(fn) ? undefined : exportedVariable(fn);
  if (d?.type) out.push(d.type.getText());
  const t = fn.parameters[0]?.type;
  if (t) out.push(t.getText());
  return out;
}

const kindOf = new TreeMemo<FunctionLike, RouteModule | null>();

/** Which file-routed framework `fn` is a handler of, from its module's path and its export. */
export function routeModuleOf(fn: FunctionLike, facts: FileFacts): RouteModule | undefined {
  let k = kindOf.get(fn);
  if (k === undefined) {
    k = (mayBeRouteModule(facts) && classify(fn, facts)) || null;
    kindOf.set(fn, k);
  }
  return k ?? undefined;
}

const routeModuleFile = new WeakMap<FileFacts, boolean>();

/**
 * Whether the module's place (or its `./+types/…` import) lets {@link classify} find a handler in it
 * at all, judged once per file: in every other module no event part is looked for, so the reads of
 * ordinary code skip the scope search.
 */
function mayBeRouteModule(facts: FileFacts): boolean {
  let may = routeModuleFile.get(facts);
  if (may === undefined) {
    const path = facts.path;
    may = SVELTEKIT_ENDPOINT_RE.test(path) || SVELTEKIT_SERVER_RE.test(path) || ASTRO_PAGE_RE.test(path) || isPagesFunctionPath(path) || isQwikRoute(facts) || (!CLIENT_MODULE_RE.test(path) && (REMIX_ROUTE_RE.test(path) || [...facts.modules].some((m) => TYPES_MODULE_RE.test(m))));
    routeModuleFile.set(facts, may);
  }
  return may;
}

function isQwikRoute(facts: FileFacts): boolean {
  return QWIK_ROUTE_RE.test(facts.path) && hasModule(facts, ...QWIK_MODULES);
}

function isPagesFunctionPath(path: string): boolean {
  return PAGES_FUNCTION_RE.test(path) && !OTHER_FUNCTIONS_RE.test(path);
}

function classify(fn: FunctionLike, facts: FileFacts): RouteModule | undefined {
  const path = facts.path;
  if (fn.parameters.length === 0) return undefined;
  if (SVELTEKIT_ENDPOINT_RE.test(path)) return SVELTEKIT_VERBS.has(exportedName(fn) ?? "") ? "sveltekit" : undefined;
  if (SVELTEKIT_SERVER_RE.test(path)) return exportedName(fn) === "load" || isSvelteKitAction(fn) ? "sveltekit" : undefined;
  const name = exportedName(fn);
  if (!name) return undefined;
  if (QWIK_EXPORTS.test(name) && isQwikRoute(facts)) return "qwik";
  if (REMIX_EXPORTS.has(name) && !CLIENT_MODULE_RE.test(path) && (REMIX_ROUTE_RE.test(path) || [...facts.modules].some((m) => TYPES_MODULE_RE.test(m)))) return "remix";
  if (PAGES_EXPORTS.test(name) && isPagesFunctionPath(path)) return "pages";
  if (ASTRO_VERBS.has(name) && ASTRO_PAGE_RE.test(path)) {
    // `astro`, `astro/zod`, and Astro's virtual modules (`astro:db`, `astro:content`).
    const astro = hasModule(facts, "astro") || [...facts.modules].some((m) => m.startsWith("astro:")) || !!facts.dependencies?.has("astro") || typeTexts(fn).some((t) => ASTRO_TYPES.test(t));
    return astro ? "astro" : undefined;
  }
  return undefined;
}

export interface EventPart {
  fn: FunctionLike;
  fw: RouteModule;
  part: string;
}

/** The handler whose first parameter is the event `id` names (not destructured). */
function eventParam(id: ts.Expression, facts: FileFacts): { fn: FunctionLike; fw: RouteModule } | undefined {
  if (!ts.isIdentifier(id) || !mayBeRouteModule(facts)) return undefined;
  const b = findBinding(id);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const fw = routeModuleOf(b.fn, facts);
  return fw ? { fn: b.fn, fw } : undefined;
}

/**
 * The part of a route handler's event that `expr` reads: `event.request`, `request` destructured
 * in the signature (`({ request, params })`) or from the event in the body (`const { url } = event`).
 */
export function eventPart(expr: ts.Expression, facts: FileFacts): EventPart | undefined {
  if (!mayBeRouteModule(facts)) return undefined;
  const e = unwrap(expr);
  let found: { fn: FunctionLike; fw: RouteModule } | undefined;
  let part: string | undefined;
  if (ts.isPropertyAccessExpression(e)) {
    found = eventParam(unwrap(e.expression), facts);
    part = e.name.text;
  } else if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    const el = b && b.kind !== "forOf" ? b.element : undefined;
    if (!b || !el || el.dotDotDotToken || !ts.isIdentifier(el.name) || !ts.isObjectBindingPattern(el.parent)) return undefined;
    part = nameText(el.propertyName ?? el.name);
    if (b.kind === "param") {
      if (b.index !== 0 || el.parent !== b.param.name) return undefined;
      const fw = routeModuleOf(b.fn, facts);
      found = fw ? { fn: b.fn, fw } : undefined;
    } else if (b.kind === "var" && el.parent === b.decl.name && b.decl.initializer) {
      found = eventParam(unwrap(b.decl.initializer), facts);
    }
  }
  return found && part && PARTS[found.fw].has(part) ? { ...found, part } : undefined;
}

/** Where a failed check goes: a 400 `Response` from an endpoint, `fail(400, …)` from a SvelteKit form action, a throw from `load`. */
export function routeModuleChannel(fn: FunctionLike, fw: RouteModule): Channel {
  // A Qwik City handler answers through the event (`event.json(400, …)`, `throw event.error(400, …)`), not a returned Response.
  if (fw === "qwik") return { kind: "throw" };
  if (fw !== "sveltekit") return { kind: "next", response: "Response" };
  if (isSvelteKitAction(fn)) return { kind: "fail" };
  return exportedName(fn) === "load" ? { kind: "throw" } : { kind: "next", response: "Response" };
}

function paramsSource(node: ts.Node, values: ts.Node[], kind: Source["kind"], read: string, fn: FunctionLike, fw: RouteModule): Source {
  const caseId = ROUTE_MODULE_CASE[fw];
  return { caseId, node, values, kind, read, handler: fn, channel: routeModuleChannel(fn, fw), schemaSuffix: "Params", dedupeKey: `${fn.pos}:${caseId}:params` };
}

/**
 * `{ params }` destructured from a route handler's event (`async ({ params }) => …`): the dynamic
 * segments of the route (`[id]`, `$id`), like Express `req.params`. Each read in the handler is a read
 * of that one input, reported at the first used unsafely (as Next.js `{ params }`); `{ params: { id } }`
 * binds the segments themselves.
 */
export function routeModuleParamsBindings(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const fn = param.parent;
  if (!ts.isObjectBindingPattern(param.name) || !fn || !isFunctionLike(fn) || fn.parameters[0] !== param || !fn.body) return [];
  const fw = routeModuleOf(fn, facts);
  const el = fw && param.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === "params");
  if (!fw || !el || !PARTS[fw].has("params")) return [];
  if (ts.isObjectBindingPattern(el.name)) {
    const names = el.name.elements.filter((e) => !e.dotDotDotToken && ts.isIdentifier(e.name)).map((e) => e.name as ts.Identifier);
    return names.length > 0 ? [paramsSource(el, names, "scalar", "params", fn, fw)] : [];
  }
  if (!ts.isIdentifier(el.name)) return [];
  return findRefs(el.name.text, fn.body, fn.body.pos).map((ref) => paramsSource(ref, [ref], "bag", shortText(ref, sf), fn, fw));
}

/** `event.params` of a route handler's event parameter. */
export function routeModuleParamsProperty(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (node.name.text !== "params") return undefined;
  const found = eventParam(unwrap(node.expression), facts);
  return found ? paramsSource(node, [node], "bag", shortText(node, sf), found.fn, found.fw) : undefined;
}

/**
 * `await event.parseBody()` in a Qwik City handler: the request's body as Qwik parsed it (JSON, or a form's
 * fields), any shape, like `request.json()` (round 45: mhamrah/hamrah-web `src/routes/api/auth/native/index.ts:44`, decided).
 */
export function qwikParseBodySource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "parseBody" || call.arguments.length !== 0) return undefined;
  const found = eventParam(unwrap(callee.expression), facts);
  if (!found || found.fw !== "qwik") return undefined;
  const caseId = ROUTE_MODULE_CASE.qwik;
  return { caseId, node: call, values: [call], kind: "structured", read: shortText(call, sf), handler: found.fn, channel: routeModuleChannel(found.fn, found.fw), schemaSuffix: "Body", dedupeKey: `${found.fn.pos}:${caseId}:body` };
}
