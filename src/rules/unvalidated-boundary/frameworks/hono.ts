import { ts } from "../../../engine/ts";
import { findBinding, shortText, unwrap } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";
import { routeValidates } from "./express";
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

type ModuleOf = (spec: string, from: ts.SourceFile) => ts.SourceFile | undefined;

/** The key a bag read names: `c.req.param("id")` → `id`. */
function keyOf(call: ts.CallExpression): string | undefined {
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
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
  if (routeValidates(b.fn, sf)) return undefined;
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
