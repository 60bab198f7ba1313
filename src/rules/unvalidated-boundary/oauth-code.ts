import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { climb, findRefs, leavingIfBefore, nameText, unwrap } from "./ast";

/**
 * Held round 28's "an OAuth code or access token only sent to the provider's token endpoint is no use", as the rule reads
 * it for the authorization code (retired held round 39, ikusner13/lonely-chat `bot.tsx:65`, and work-99/Jtest-Backend
 * `auth.controller.ts:37`/`:142`, decided clean): the provider checks the code it issued and rejects any other value.
 * - `oauth2Client.getToken(code)` (google-auth-library), arctic's `twitch.validateAuthorizationCode(code)`, an SDK's
 *   `exchangeCodeForToken(s)(code)` / `exchangeCode(code)`: the code the call's first argument;
 * - `new URLSearchParams({ grant_type: "authorization_code", code, … })` or a JSON body with the same fields: the code a
 *   field of the token request itself.
 * The handler tests the code before (`if (!code) return 400`, `if (!code || typeof code !== "string")`): a request
 * without one is refused, not sent on (tavardanyan/parz `server.ts:59`, a node:http body parsed and its `code` sent on
 * untested, stays a decided finding); see {@link testedBefore}.
 */
export function oauthCodeExchanged(ref: ts.Node): boolean {
  const top = climb(ref);
  const p = top.parent;
  if (!p) return false;
  if (ts.isCallExpression(p) && p.arguments[0] === top) return CODE_EXCHANGE_RE.test(calleeName(p) ?? "") && (calleeName(p) !== "getToken" || ts.isPropertyAccessExpression(p.expression));
  const prop = ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === top) ? p : undefined;
  if (!prop || nameText(prop.name) !== "code" || !ts.isObjectLiteralExpression(prop.parent)) return false;
  return prop.parent.properties.some((q) => ts.isPropertyAssignment(q) && /^grant_?type$/i.test(nameText(q.name) ?? "") && ts.isStringLiteralLike(unwrap(q.initializer)) && (unwrap(q.initializer) as ts.StringLiteralLike).text === "authorization_code");
}

const CODE_EXCHANGE_RE = /^(?:getToken|validateAuthorizationCode|exchangeCodeForTokens?|exchangeCode|getTokenFromCode|exchangeAuthorizationCode)$/;

/**
 * An `if` with no `else` whose branch leaves, before `ref` in its function, tests the name `ref` reads (`if (!code) return …`,
 * `if (!(code && botName)) return c.html(…)`).
 */
export function testedBefore(ref: ts.Node): boolean {
  const id = unwrap(ref as ts.Expression);
  if (!ts.isIdentifier(id)) return false;
  return leavingIfBefore(climb(id), (st) => findRefs(id.text, st.expression, st.expression.pos).length > 0);
}
