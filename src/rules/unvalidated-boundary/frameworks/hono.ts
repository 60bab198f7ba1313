import { ts } from "../../../engine/ts";
import { findBinding, shortText, unwrap } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";
import { routeValidates } from "./express";

const STRUCTURED = new Set(["json", "parseBody"]);
const BAGS = new Set(["query", "queries", "param", "formData"]);

/** `await c.req.json()`, `c.req.parseBody()`, `c.req.query("q")`, `c.req.param("id")` in a Hono handler. */
export function honoSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const method = callee.name.text;
  if (!STRUCTURED.has(method) && !BAGS.has(method)) return undefined;
  const req = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(req) || req.name.text !== "req") return undefined;
  const c = unwrap(req.expression);
  if (!ts.isIdentifier(c) || !hasModule(facts, "hono")) return undefined;
  const b = findBinding(c);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  if (routeValidates(b.fn, sf)) return undefined;
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
