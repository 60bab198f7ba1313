import { ts } from "ts-morph";
import { nameText, type FunctionLike } from "../ast";
import { routeCallOf } from "./express";

const PART_KEYS: Record<string, string[]> = { body: ["body"], query: ["querystring", "query"], params: ["params"] };

/** True when the Fastify route declares a `schema` covering this part of the request. */
export function fastifySchemaCovers(fn: FunctionLike, part: string): boolean {
  const route = routeCallOf(fn);
  if (!route) return false;
  for (const arg of route.arguments) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    for (const prop of arg.properties) {
      if (nameText(prop.name) !== "schema") continue;
      if (ts.isShorthandPropertyAssignment(prop)) return true;
      if (!ts.isPropertyAssignment(prop)) return true;
      const schema = prop.initializer;
      if (!ts.isObjectLiteralExpression(schema)) return true; // a shared schema object: trust it
      const keys = PART_KEYS[part] ?? [part];
      return schema.properties.some((p) => keys.includes(nameText(p.name) ?? "") || ts.isSpreadAssignment(p));
    }
  }
  return false;
}
