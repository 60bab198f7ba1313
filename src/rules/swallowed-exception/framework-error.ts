/**
 * Error answers made by a call, not `new` (task from session 25's left items):
 *
 *   throw createError({ statusCode: 500, statusMessage: "Failed to load posts" });   // h3, Nuxt, Nitro
 *   throw createError(500, "Failed to load posts");                                  // http-errors
 *   throw error(500, "Failed to load post");                                         // SvelteKit
 *
 * In a catch they are a new error like `new HttpException(…)`: a server error (a 5xx, or none
 * given, which h3 answers as 500) drops the caught one unless it is logged with the error itself
 * first (rethrow.ts); a client status (4xx) is an explicit failure. A status the code computes
 * (also `{ statusCode }`, or options spread in with no status of their own) is not judged.
 */
import { ts } from "../../engine/ts";

const H3_ERROR_RE = /^(?:createError|createHttpError)$/;
const STATUS_FIELD_RE = /^(?:status|statusCode)$/;
// `import { error } from "@sveltejs/kit"`, also with other names beside it.
const KIT_ERROR_IMPORT_RE = /import\s*\{[^}]*\berror\b[^}]*\}\s*from\s*["']@sveltejs\/kit["']/;

/** `createError(…)`, `createHttpError(…)`, SvelteKit's `error(…)` (imported from `@sveltejs/kit`): a framework's error answer. */
export function frameworkErrorCall(e: ts.Expression): ts.CallExpression | undefined {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.arguments.length === 0) return undefined;
  const name = e.expression.text;
  if (H3_ERROR_RE.test(name)) return e;
  if (name === "error" && KIT_ERROR_IMPORT_RE.test(e.getSourceFile().text)) return e;
  return undefined;
}

/** The status the call gives: a number, `undefined` when it gives none (h3's 500), `NaN` when the code computes it. */
function statusOf(call: ts.CallExpression): number | undefined {
  const first = call.arguments[0]!;
  if (ts.isNumericLiteral(first)) return Number(first.text);
  if (ts.isObjectLiteralExpression(first)) {
    const p = first.properties.find((q) => (ts.isPropertyAssignment(q) || ts.isShorthandPropertyAssignment(q)) && ts.isIdentifier(q.name) && STATUS_FIELD_RE.test(q.name.text));
    // `{ ...PAYMENT_FAILED }` may bring a status of its own; `{ statusCode }` is a computed one.
    if (!p) return first.properties.some(ts.isSpreadAssignment) ? NaN : undefined;
    return ts.isPropertyAssignment(p) && ts.isNumericLiteral(p.initializer) ? Number(p.initializer.text) : NaN;
  }
  // SvelteKit's `error(status, …)` always takes its status first; a name there is computed.
  if (ts.isIdentifier(call.expression) && call.expression.text === "error") return NaN;
  return ts.isStringLiteralLike(first) ? undefined : NaN;
}

/** A server error the call answers: a 5xx status, or none given. */
export function answersServerError(call: ts.CallExpression): boolean {
  const s = statusOf(call);
  return s === undefined || (s >= 500 && s < 600);
}
