import { ts } from "../../engine/ts";
import { nameText } from "./ast";

/**
 * `{ method: req.method, url: req.originalUrl, data: req.body }`: the request's body forwarded
 * whole as the body of an outbound request that also takes the request's own method, a proxy.
 * The upstream judges what it is sent; the handler reads nothing of it.
 */
export function forwardedByProxy(prop: ts.PropertyAssignment, value: ts.Node): boolean {
  const key = nameText(prop.name);
  if ((key !== "data" && key !== "body") || !ts.isPropertyAccessExpression(value) || !ts.isIdentifier(value.expression)) return false;
  const req = value.expression.text;
  const obj = prop.parent;
  return obj.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) || nameText(p.name) !== "method") return false;
    const v = p.initializer;
    return ts.isPropertyAccessExpression(v) && v.name.text === "method" && ts.isIdentifier(v.expression) && v.expression.text === req;
  });
}
