/**
 * A failure path that points the client at the fallback endpoint before it tries again (issue 11, session 42,
 * production anything-llm's `EmbeddingRerankers/native/index.js`): `transformers.env.remoteHost = this.#fallbackHost`,
 * then `return await this.#getPreTrainedModel()`. The next attempt asks another host, as after `useFallbackHost()`
 * (the docs' "a failure path that moves to another credential or endpoint before it tries again"). The assigned
 * place is named for an endpoint (`remoteHost`, `baseURL`, `endpoint`) and the value for the alternative
 * (`fallbackHost`, `BACKUP_URL`, `secondaryEndpoint`); an assignment of anything else (`host = this.host`) is no move.
 */
import { isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";

// The place: a host, URL or endpoint setting (`remoteHost`, `baseURL`, `apiBase`, `endpoint`, `server`).
const ENDPOINT_NAME_RE = /(?:host|url|uri|endpoint|base|server|origin|region)$/i;
// The value: named for the alternative endpoint.
const ALTERNATIVE_NAME_RE = /^#?(?:fallback|backup|alternate|alternative|secondary|mirror)|^#?(?:FALLBACK|BACKUP|ALTERNATE|SECONDARY|MIRROR)_/;

/** The last name of an assignment target or value: `env.remoteHost` → `remoteHost`, `this.#fallbackHost` → `#fallbackHost`. */
function lastName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e) || ts.isPrivateIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isParenthesizedExpression(e)) return lastName(e.expression);
  return undefined;
}

/** True when `block` (a failure path, not entering nested functions) assigns an endpoint setting the fallback's value. */
export function pointsAtFallback(block: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionLikeDeclaration(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const place = lastName(n.left);
      const value = lastName(n.right);
      if (place && value && ENDPOINT_NAME_RE.test(place) && ALTERNATIVE_NAME_RE.test(value)) {
        found = true;
        return;
      }
    }
    n.forEachChild(walk);
  };
  walk(block);
  return found;
}
