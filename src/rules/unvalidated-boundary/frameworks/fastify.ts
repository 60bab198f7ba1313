import { ts } from "../../../engine/ts";
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
      let schema: ts.Expression | undefined;
      if (ts.isShorthandPropertyAssignment(prop)) schema = prop.name;
      else if (ts.isPropertyAssignment(prop)) schema = prop.initializer;
      else return true;
      // `{ schema: commentSchema }`: look the object up among the file's top-level constants.
      if (ts.isIdentifier(schema)) schema = topLevelObject(schema) ?? schema;
      if (!ts.isObjectLiteralExpression(schema)) return true; // a shared schema object: trust it
      const keys = PART_KEYS[part] ?? [part];
      return schema.properties.some((p) => keys.includes(nameText(p.name) ?? "") || ts.isSpreadAssignment(p));
    }
  }
  return false;
}

function topLevelObject(id: ts.Identifier): ts.Expression | undefined {
  const sf = id.getSourceFile();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer && ts.isObjectLiteralExpression(d.initializer)) return d.initializer;
    }
  }
  return undefined;
}
