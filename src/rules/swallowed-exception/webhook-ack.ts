/**
 * What a webhook's provider sees (held rounds 21, 33 and 37): the provider reads only the status of
 * the answer, and a 2xx tells it the event was handled, so it never sends it again. A catch (or a
 * result's error branch) that only logs and then answers 2xx loses the event for good:
 *
 *   Deno.serve(async (req) => { try { …insert… } catch (err) { console.error(err); return twiml(""); } });
 *   function twiml(message: string) { return new Response(xml, { status: 200 }); }
 *
 *   @Controller("webhooks") class PspWebhookController { @Post("stripe") @HttpCode(200) async handle(…) {
 *     try { … } catch (error) { this.logger.error(…); return { received: false, error: message }; } } }
 *
 * How the handler is known to be a webhook: a path segment that names one (`stripe-webhook/index.ts`,
 * `api/webhooks/`), a provider's signature check or subscription handshake in the file (Stripe's
 * `constructEvent`, Twilio's `X-Twilio-Signature`, Meta's `hub.challenge`, Svix, Shopify's HMAC
 * header, a shared `x-webhook-secret`), or a route whose path names one (Nest's
 * `@Controller("webhooks")`/`@Post("webhook")`, `app.post("/webhooks/paddle", handler)` in Express,
 * Hono or Fastify).
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

// A provider's signature check or subscription handshake, in any runtime.
const PROVIDER_CHECK_RE = /\.webhooks\.constructEvent(?:Async)?\s*\(|\bconstructWebhookEvent\s*\(|["'`]hub\.(?:challenge|verify_token)["'`]|["'`]x-twilio-signature["'`]|\btwilio\.validateRequest\s*\(|["'`]stripe-signature["'`]|["'`]svix-signature["'`]|["'`]webhook-signature["'`]|["'`]x-hub-signature(?:-256)?["'`]|["'`]x-shopify-hmac-sha256["'`]|["'`]x-webhook-secret["'`]|["'`]x-signature-ed25519["'`]|\bverifyWebhook\w*\s*\(/i;
const WEBHOOK_RE = /webhook/i;
// Route registrations (`app.post(path, handler)`, `router.get(…)`): a provider posts to a POST (or `all`) route.
const ROUTE_METHOD_RE = /^(?:get|post|put|patch|delete|all)$/;
// Nest's route decorators, whose method's return value is the answer (2xx unless it throws).
const NEST_ROUTE_RE = /^(?:Post|Put|Patch|Get|Delete|All)$/;
const NEST_POST_RE = /^(?:Post|All)$/;
// A route that manages the app's webhook rather than receiving one: `telegram/setup-webhook`, `webhook-info`.
const MANAGES_WEBHOOK_RE = /(?:set|setup|register|delete|remove|get|test|list|create|update|configure)[-_]?webhook|webhooks?[-_]?(?:info|status|setup|test|config)/i;

/** `/webhooks/stripe`, `stripe/webhook`: a route path a provider posts to. */
function routeNamesWebhook(path: string): boolean {
  return WEBHOOK_RE.test(path) && !MANAGES_WEBHOOK_RE.test(path);
}

const checksInFile = new TreeMemo<ts.SourceFile, boolean>();

function checksAProvider(sf: ts.SourceFile): boolean {
  let known = checksInFile.get(sf);
  if (known === undefined) checksInFile.set(sf, (known = PROVIDER_CHECK_RE.test(sf.text)));
  return known;
}

/** The first argument of a decorator `@name("…")` on `node`, when it is a string. */
function decoratorPath(node: ts.HasDecorators, name: RegExp): string | undefined {
  for (const d of ts.getDecorators(node) ?? []) {
    const e = d.expression;
    if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || !name.test(e.expression.text)) continue;
    const a = e.arguments[0];
    return a && ts.isStringLiteralLike(a) ? a.text : "";
  }
  return undefined;
}

/**
 * True when `n` sits in a webhook's handler: by its file's path; else, inside a route handler (a Nest
 * method with a route decorator, a function handed to `app.post(path, …)`), by that route alone (a
 * POST whose path names a webhook, or a provider check in the handler's own text: another route of
 * the same controller is no webhook); outside any route (`Deno.serve`, a helper of the module), by a
 * provider check anywhere in the file.
 */
export function handlesAWebhook(n: ts.Node): boolean {
  const sf = n.getSourceFile();
  if (sf.fileName.split(/[\\/]/).slice(-4).some((seg) => WEBHOOK_RE.test(seg))) return true;
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isMethodDeclaration(p) && decoratorPath(p, NEST_ROUTE_RE) !== undefined) {
      if (decoratorPath(p, NEST_POST_RE) === undefined) return false;
      const cls = p.parent;
      return routeNamesWebhook(decoratorPath(p, NEST_POST_RE)!) || (ts.isClassDeclaration(cls) && routeNamesWebhook(decoratorPath(cls, /^Controller$/) ?? "")) || PROVIDER_CHECK_RE.test(p.getText(sf));
    }
    if (isFunctionLike(p) && p.parent && ts.isCallExpression(p.parent) && p.parent.arguments.includes(p as ts.Expression)) {
      const route = p.parent;
      const path = route.arguments[0];
      if (!path || !ts.isStringLiteralLike(path) || !ROUTE_METHOD_RE.test(calleeName(route) ?? "")) continue;
      return (/^(?:post|all)$/.test(calleeName(route)!) && routeNamesWebhook(path.text)) || PROVIDER_CHECK_RE.test(p.getText(sf));
    }
  }
  return checksAProvider(sf);
}

/**
 * `return { received: false, error: message }` from a Nest route handler (a method with `@Post(…)`
 * and no `@Res()` parameter) of a webhook: Nest answers the returned object with a 2xx status (201,
 * or the `@HttpCode(200)` given), whatever the object says.
 */
export function nestWebhookAck(ret: ts.ReturnStatement): boolean {
  let e = ret.expression;
  while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e))) e = e.expression;
  if (!e || !ts.isObjectLiteralExpression(e)) return false;
  let fn: ts.Node | undefined = ret.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !ts.isMethodDeclaration(fn) || decoratorPath(fn, NEST_ROUTE_RE) === undefined) return false;
  if (fn.parameters.some((p) => decoratorPath(p, /^(?:Res|Response)$/) !== undefined)) return false;
  return handlesAWebhook(ret);
}
