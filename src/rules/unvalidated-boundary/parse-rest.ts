import { ts } from "../../engine/ts";
import { findBinding, unwrap } from "./ast";

// A Parse Server REST path of the app's own rows: a class's objects (`/classes/contracts_Users?where=…`)
// or the signed-in user's own row (`/users/me`). Cloud functions (`/functions/…`) and files are not rows.
const PARSE_ROWS_PATH_RE = /(?:^|[/"'`}])(?:classes\/[\w$]|users\/me\b)/;
const PARSE_APP_ID_HEADER = "x-parse-application-id";

/** The expression a local `const`/`let` holding `e` was initialized with, or `e` itself. */
function resolved(e: ts.Expression): ts.Expression {
  const x = unwrap(e);
  if (!ts.isIdentifier(x)) return x;
  const b = findBinding(x);
  return b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : x;
}

function propertyNamed(o: ts.ObjectLiteralExpression, name: string, depth = 0): ts.ObjectLiteralElementLike | undefined {
  for (const p of o.properties) {
    // `{ ...parseAppKey, "X-Parse-Master-Key": masterKey }`: the properties of a local object spread in.
    if (!ts.isSpreadAssignment(p) || depth > 1) continue;
    const spread = resolved(p.expression);
    const found = ts.isObjectLiteralExpression(spread) ? propertyNamed(spread, name, depth + 1) : undefined;
    if (found) return found;
  }
  return o.properties.find((p) => {
    if (ts.isShorthandPropertyAssignment(p)) return p.name.text.toLowerCase() === name;
    if (!ts.isPropertyAssignment(p)) return false;
    const n = p.name;
    return (ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text.toLowerCase() === name;
  });
}

/** `{ headers: { "X-Parse-Application-Id": appId } }`, inline or through locals holding either object. */
function sendsParseAppId(config: ts.Expression): boolean {
  const o = resolved(config);
  if (!ts.isObjectLiteralExpression(o)) return false;
  const h = propertyNamed(o, "headers");
  const value = !h ? undefined : ts.isShorthandPropertyAssignment(h) ? h.name : ts.isPropertyAssignment(h) ? h.initializer : undefined;
  const headers = value && resolved(value);
  return !!headers && ts.isObjectLiteralExpression(headers) && !!propertyNamed(headers, PARSE_APP_ID_HEADER);
}

/**
 * `axios.get(\`${serverUrl}/classes/contracts_Users?where=…\`, { headers: { "X-Parse-Application-Id": appId, … } })`,
 * `axios.get(baseUrl + "users/me", { headers })`: a read of the app's own rows through its Parse Server's REST API
 * (the application id it sends names the app's own server), like the PostgREST own-rows exemption, but not
 * decided by the docs: reported at `info` with low confidence (production OpenSign).
 */
export function parseServerRowsRequest(call: ts.CallExpression): boolean {
  const url = call.arguments[0];
  if (!url || !PARSE_ROWS_PATH_RE.test(resolved(url).getText())) return false;
  return call.arguments.slice(1).some(sendsParseAppId);
}
