import { ts } from "../../../engine/ts";
import { findBinding, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";
import { routeCallOf, routeValidates } from "./express";
import { openApiRouteDeclares, type OpenApiPart } from "./zod-openapi";

const STRUCTURED = new Set(["json", "parseBody"]);
const BAGS = new Set(["query", "queries", "param", "formData"]);
// The zod-openapi route part each read takes its value from.
const OPENAPI_PART: Record<string, OpenApiPart> = { json: "json", parseBody: "form", formData: "form", query: "query", queries: "query", param: "params" };

// What a Web Request reads its body with (`c.req.raw.json()`, `c.req.raw.formData()`).
const RAW_READS = new Set(["json", "formData"]);

/**
 * chanfana's `class X extends OpenAPIRoute { async handle(c) { … } }`: a Hono context whose route
 * schema is checked only through `this.getValidatedData()`; a raw `c.req` read passes it by.
 */
function chanfanaHandler(fn: ts.Node, facts: FileFacts): boolean {
  if (!hasModule(facts, "chanfana") || !ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name) || fn.name.text !== "handle") return false;
  const cls = fn.parent;
  return ts.isClassLike(cls) && !!cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword && h.types.some((t) => /^OpenAPIRoute$/.test(t.expression.getText())));
}

// The validator target (`zValidator("json", …)`, `validator("param", …)`) that checks each read's part.
const VALIDATOR_TARGET: Record<string, string> = { json: "json", parseBody: "form", formData: "form", query: "query", queries: "query", param: "param" };
const VALIDATOR_RE = /^(?:validator|[a-z]\w*Validator)$/;

/**
 * The parts the route's Hono validators check, when each names its target (`zValidator("json",
 * CreateSchema)`: the body, not `c.req.param("id")`); undefined when the route has none or one
 * names no literal target (then the route is judged by its middleware's name, as before).
 */
function validatorTargets(fn: FunctionLike): ReadonlySet<string> | undefined {
  const route = routeCallOf(fn);
  if (!route) return undefined;
  const targets = new Set<string>();
  for (const arg of route.arguments) {
    if (arg === fn || arg.pos >= fn.pos) break;
    if (!ts.isCallExpression(arg)) continue;
    const callee = unwrap(arg.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name || !VALIDATOR_RE.test(name)) continue;
    const target = arg.arguments[0];
    if (!target || !ts.isStringLiteralLike(target)) return undefined;
    targets.add(target.text);
  }
  return targets.size > 0 ? targets : undefined;
}

type ModuleOf = (spec: string, from: ts.SourceFile) => ts.SourceFile | undefined;

/** The key a bag read names: `c.req.param("id")` → `id`. */
function keyOf(call: ts.CallExpression): string | undefined {
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

/**
 * `c.req` (or `c.req.raw`) of a Hono handler whose body is read as text (`JSON.parse(await c.req.text())`,
 * a webhook's raw body kept for its signature check): the handler and its context, when no validator of the
 * route checks the body (kycaine/wacapi `apps/worker/src/controllers/webhook.ts:60`, retired held round 40).
 */
export function honoTextRequest(reqExpr: ts.Expression, facts: FileFacts, sf: ts.SourceFile): { fn: FunctionLike; c: string } | undefined {
  let req = unwrap(reqExpr);
  if (ts.isPropertyAccessExpression(req) && req.name.text === "raw") req = unwrap(req.expression);
  if (!ts.isPropertyAccessExpression(req) || req.name.text !== "req") return undefined;
  const c = unwrap(req.expression);
  if (!ts.isIdentifier(c)) return undefined;
  const b = findBinding(c);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element || !hasModule(facts, "hono")) return undefined;
  const targets = validatorTargets(b.fn);
  if (targets ? targets.has("json") : routeValidates(b.fn, sf)) return undefined;
  return { fn: b.fn, c: c.text };
}

/** `await c.req.json()`, `c.req.parseBody()`, `c.req.query("q")`, `c.req.param("id")` in a Hono handler. */
export function honoSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile, moduleOf?: ModuleOf): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const method = callee.name.text;
  if (!STRUCTURED.has(method) && !BAGS.has(method)) return undefined;
  let req = unwrap(callee.expression);
  // `c.req.raw.formData()`: the Web Request under Hono's, read by hand.
  if (ts.isPropertyAccessExpression(req) && req.name.text === "raw" && RAW_READS.has(method)) req = unwrap(req.expression);
  if (!ts.isPropertyAccessExpression(req) || req.name.text !== "req") return undefined;
  const c = unwrap(req.expression);
  if (!ts.isIdentifier(c)) return undefined;
  const b = findBinding(c);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  if (!hasModule(facts, "hono") && !chanfanaHandler(b.fn, facts)) return undefined;
  const targets = validatorTargets(b.fn);
  if (targets ? targets.has(VALIDATOR_TARGET[method]!) : routeValidates(b.fn, sf)) return undefined;
  if (openApiRouteDeclares(b.fn, sf, OPENAPI_PART[method]!, keyOf(call), moduleOf)) return undefined;
  const kind = STRUCTURED.has(method) ? "structured" : call.arguments.length > 0 ? "scalar" : "bag";
  return {
    caseId: "honoRequest",
    node: call,
    values: [call],
    kind,
    read: shortText(call, sf),
    handler: b.fn,
    channel: { kind: "hono", c: c.text },
    schemaSuffix: method === "json" || method === "parseBody" ? "Body" : method === "param" ? "Params" : "Query",
  };
}
