import { ts } from "../../../engine/ts";
import { importBindings } from "../../../engine/ast";
import { findBinding, findRefs, nameText, scopeOf, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";

/**
 * Nuxt 3, Nitro and h3 event handlers (`export default defineEventHandler(async (event) => …)`):
 * the request is read through h3's functions of the event, `readBody(event)`, `getQuery(event)`,
 * `getRouterParam(event, "id")`. Their validated forms (`readValidatedBody(event, Schema.parse)`,
 * `getValidatedQuery`, `getValidatedRouterParams`) are no source. https://h3.dev/guide/request
 */
const READS: Readonly<Record<string, { kind: Source["kind"]; suffix: string }>> = {
  readBody: { kind: "structured", suffix: "Body" },
  readFormData: { kind: "bag", suffix: "Form" },
  getQuery: { kind: "bag", suffix: "Query" },
  getRouterParams: { kind: "bag", suffix: "Params" },
  getRouterParam: { kind: "scalar", suffix: "Param" },
};

// Modules that export h3's functions: h3 itself, Nitro's and Nuxt's re-exports and auto-import aliases.
export const H3_MODULE_RE = /^(?:h3|nitropack(?:\/runtime)?|nitro(?:\/runtime)?|#imports|nuxt\/app)$/;
// Where Nuxt and Nitro auto-import h3 (no import written): `server/api`, `server/routes`, `server/middleware`, `server/utils`; Nitro's own `routes/`, `api/`.
const AUTO_IMPORT_RE = /(?:^|[\\/])server[\\/](?:api|routes|middleware|utils)[\\/]/;
const NITRO_ROUTE_RE = /(?:^|[\\/])(?:routes|api)[\\/]/;
const HANDLER_DEFINERS_RE = /\b(?:defineEventHandler|eventHandler|defineCachedEventHandler|defineWebSocketHandler)\(/;

/** The module declares `name` itself at its top level (a project helper named like h3's). */
export function declaresOwn(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some((st) => (ts.isFunctionDeclaration(st) && st.name?.text === name) || (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)));
}

/**
 * True when h3's function `name` is what the module calls: imported from h3 (or Nitro, Nuxt), or
 * auto-imported in a Nuxt or Nitro server file (a `server/api` module of a project that depends on
 * Nuxt, Nitro or h3, or one that defines its handler with `defineEventHandler`).
 */
function isH3Function(name: string, sf: ts.SourceFile, facts: FileFacts): boolean {
  // Any import of the name (a default import of a project helper too) says where it comes from.
  const from = importBindings(sf).get(name);
  if (from !== undefined) return from.kind === "named" && H3_MODULE_RE.test(from.spec);
  return !declaresOwn(sf, name) && autoImported(sf, facts);
}

const autoImportedFile = new WeakMap<ts.SourceFile, boolean>();

/** A Nuxt or Nitro server module, where h3's functions are in scope without an import (judged once per file: it reads the whole text). */
export function autoImported(sf: ts.SourceFile, facts: Pick<FileFacts, "path" | "dependencies">): boolean {
  let auto = autoImportedFile.get(sf);
  if (auto === undefined) autoImportedFile.set(sf, (auto = judgeAutoImported(sf, facts)));
  return auto;
}

function judgeAutoImported(sf: ts.SourceFile, facts: Pick<FileFacts, "path" | "dependencies">): boolean {
  const deps = facts.dependencies;
  const nitro = !!deps && (deps.has("nuxt") || deps.has("nitropack") || deps.has("nitro") || deps.has("h3"));
  if (AUTO_IMPORT_RE.test(facts.path)) return nitro || HANDLER_DEFINERS_RE.test(sf.text);
  return nitro && NITRO_ROUTE_RE.test(facts.path) && HANDLER_DEFINERS_RE.test(sf.text);
}

/** The h3 channel of the module: `createError` imported from h3 when the module imports h3's functions by hand. */
function h3Channel(facts: FileFacts): Source["channel"] {
  return hasModule(facts, "h3") ? { kind: "h3", from: "h3" } : { kind: "h3" };
}

// h3's reads that answer a Promise (https://h3.dev/guide/request): the body is what the Promise resolves to.
const ASYNC_READS = new Set(["readBody", "readFormData"]);

/**
 * `const body = readBody(event)` with no `await`, the local never awaited (nor `.then`, returned or
 * handed to a call): the local holds a Promise, so nothing of the client's body goes on (a Promise put
 * into an outbound JSON body is sent as `{}`). A bug, but no unvalidated input.
 */
function promiseNeverAwaited(call: ts.CallExpression, name: string): boolean {
  if (!ASYNC_READS.has(name)) return false;
  const top = outerCast(call);
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  return findRefs(decl.name.text, scopeOf(decl), decl.name.end).every((ref) => {
    const at = outerCast(ref);
    const p = at.parent;
    if (!p) return false;
    // `{ body }`, `{ body: body }` in an object literal: the Promise itself goes into the object.
    return ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === at);
  });
}

/** `x`, `(x)`, `x as T`, `x!` climbed to the outermost of those (not through an `await`). */
function outerCast(node: ts.Node): ts.Node {
  let at = node;
  while (at.parent && (ts.isParenthesizedExpression(at.parent) || ts.isAsExpression(at.parent) || ts.isNonNullExpression(at.parent) || ts.isSatisfiesExpression(at.parent) || ts.isTypeAssertionExpression(at.parent))) at = at.parent;
  return at;
}

/** `await readBody(event)`, `getQuery(event)`, `getRouterParam(event, "id")` of an h3 event handler's event. */
export function h3Source(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (!ts.isIdentifier(call.expression)) return undefined;
  const name = call.expression.text;
  const read = Object.hasOwn(READS, name) ? READS[name] : undefined;
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!read || !arg || !ts.isIdentifier(arg) || !isH3Function(name, sf, facts)) return undefined;
  const b = findBinding(arg);
  if (!b || b.kind !== "param" || b.element) return undefined;
  // A route param named by a literal is a key of its own (`getRouterParam(event, "id")`).
  const key = name === "getRouterParam" ? call.arguments[1] && ts.isStringLiteralLike(call.arguments[1]) ? call.arguments[1].text : undefined : "";
  if (key === undefined || promiseNeverAwaited(call, name)) return undefined;
  return {
    caseId: "h3Event",
    node: call,
    values: [call],
    kind: read.kind,
    read: shortText(call, sf),
    handler: b.fn,
    channel: h3Channel(facts),
    schemaSuffix: read.suffix,
    dedupeKey: `${b.fn.pos}:h3Event:${name}:${key}`,
  };
}

/**
 * `form.find((f) => f.name === "categories")` of `const form = await readMultipartFormData(event)` in an
 * h3 module: one part of the client's multipart form (its `data` is the bytes the client sent).
 */
export function h3MultipartPart(e: ts.Expression, facts: FileFacts, sf: ts.SourceFile): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "find") return false;
  const form = unwrap(e.expression.expression);
  if (!ts.isIdentifier(form)) return false;
  const b = findBinding(form);
  let init = b?.kind === "var" && !b.element ? b.decl.initializer : undefined;
  if (init && ts.isAwaitExpression(unwrap(init))) init = (unwrap(init) as ts.AwaitExpression).expression;
  init = init && unwrap(init);
  return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "readMultipartFormData" && isH3Function("readMultipartFormData", sf, facts);
}

/** The handler whose event `ctx` is the `context` of (`event.context`), in an h3 module. */
function contextOf(ctx: ts.Expression, facts: FileFacts, sf: ts.SourceFile): FunctionLike | undefined {
  const c = unwrap(ctx);
  if (!ts.isPropertyAccessExpression(c) || c.name.text !== "context") return undefined;
  const ev = unwrap(c.expression);
  const b = ts.isIdentifier(ev) ? findBinding(ev) : undefined;
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  return hasModule(facts, "h3", "nitropack", "nitro") || autoImported(sf, facts) ? b.fn : undefined;
}

function contextParams(node: ts.Node, values: ts.Node[], fn: FunctionLike, facts: FileFacts, sf: ts.SourceFile, read: string): Source {
  return { caseId: "h3Event", node, values, kind: "bag", read, handler: fn, channel: h3Channel(facts), schemaSuffix: "Params", dedupeKey: `${fn.pos}:h3Event:getRouterParams:` };
}

/** `event.context.params` of an h3 handler (Nuxt 3 before `getRouterParam`): the route's params. */
export function h3ContextParams(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (node.name.text !== "params") return undefined;
  const fn = contextOf(node.expression, facts, sf);
  // `event.context.params = …` in a middleware writes them.
  const p = node.parent;
  if (!fn || (p && ts.isBinaryExpression(p) && p.left === node)) return undefined;
  return contextParams(node, [node], fn, facts, sf, shortText(node, sf));
}

/** `const { params } = event.context`: the same params, bound. */
export function h3ContextParamsDestructured(decl: ts.VariableDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (!ts.isObjectBindingPattern(decl.name) || !decl.initializer) return undefined;
  const el = decl.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === "params");
  const fn = el && ts.isIdentifier(el.name) ? contextOf(decl.initializer, facts, sf) : undefined;
  return fn && el ? contextParams(el, [el.name], fn, facts, sf, `${shortText(decl.initializer, sf)}.params`) : undefined;
}
