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
import { importBindings } from "../../engine/ast";
import type { RuleContext } from "../../engine/types";
import { autoImported, declaresOwn, H3_MODULE_RE } from "../unvalidated-boundary/frameworks/h3";

const STATUS_FIELD_RE = /^(?:status|statusCode)$/;
// Projects where Nuxt or Nitro auto-import `createError` (Nuxt also in its app code: composables, middleware, utils).
const AUTO_IMPORTING = ["nuxt", "nitropack", "nitro"];

/** Who makes the error: h3's `createError`, http-errors' default export, SvelteKit's `error`. */
export type ErrorMaker = "h3" | "httpErrors" | "kit";

/**
 * What the callee of `call` is, by its import: `createError` imported from h3 (or Nitro, Nuxt) or
 * auto-imported in a Nuxt or Nitro project (not imported, not declared in the file); http-errors'
 * default export under any name (`import createHttpError from "http-errors"`, `require`); SvelteKit's
 * `error`. A project helper named `createError` (imported from elsewhere or declared) is none.
 */
export function errorMakerOf(ctx: RuleContext, call: ts.CallExpression): ErrorMaker | undefined {
  return errorMakerIn(ctx.sourceFile, ctx.path, ctx.profile.dependencies, call);
}

/** {@link errorMakerOf} for a call in any module of the project (a project helper's body, error-helper.ts). */
export function errorMakerIn(sf: ts.SourceFile, file: string, deps: ReadonlySet<string>, call: ts.CallExpression): ErrorMaker | undefined {
  if (!ts.isIdentifier(call.expression)) return undefined;
  const name = call.expression.text;
  const b = importBindings(sf).get(name);
  if (b) {
    if (b.spec === "http-errors") return b.kind === "default" || (b.kind === "require" && b.exported === "*") ? "httpErrors" : undefined;
    if (b.kind === "named" && b.exported === "createError" && H3_MODULE_RE.test(b.spec)) return "h3";
    return b.kind === "named" && b.exported === "error" && b.spec === "@sveltejs/kit" ? "kit" : undefined;
  }
  if (name !== "createError" || declaresOwn(sf, name)) return undefined;
  return AUTO_IMPORTING.some((d) => deps.has(d)) || autoImported(sf, { path: file, dependencies: deps }) ? "h3" : undefined;
}

/** `createError(…)` of h3 or http-errors, SvelteKit's `error(…)`, by their imports (errorMakerOf): a framework's error answer. */
export function frameworkErrorCall(ctx: RuleContext, e: ts.Expression): ts.CallExpression | undefined {
  if (!ts.isCallExpression(e) || e.arguments.length === 0) return undefined;
  return errorMakerOf(ctx, e) ? e : undefined;
}

/**
 * The status the call gives: a number, `undefined` when it gives none (h3's 500), `NaN` when the code
 * computes it. `valueOf` reads a status that is no literal (a project helper's parameter bound to
 * what its caller gave, error-helper.ts); without it such a status is computed.
 */
export function statusIn(call: ts.CallExpression, maker: ErrorMaker, valueOf?: (e: ts.Expression) => number | undefined): number | undefined {
  const computed = (e: ts.Expression): number => (valueOf ? valueOf(e) ?? NaN : NaN);
  const first = call.arguments[0];
  if (!first) return undefined;
  if (ts.isNumericLiteral(first)) return Number(first.text);
  if (ts.isObjectLiteralExpression(first)) {
    const p = first.properties.find((q) => (ts.isPropertyAssignment(q) || ts.isShorthandPropertyAssignment(q)) && ts.isIdentifier(q.name) && STATUS_FIELD_RE.test(q.name.text));
    // `{ ...PAYMENT_FAILED }` may bring a status of its own; `{ statusCode }` is a computed one.
    if (!p) return first.properties.some(ts.isSpreadAssignment) ? NaN : undefined;
    if (ts.isShorthandPropertyAssignment(p)) return computed(p.name);
    if (!ts.isPropertyAssignment(p)) return NaN;
    return ts.isNumericLiteral(p.initializer) ? Number(p.initializer.text) : computed(p.initializer);
  }
  // SvelteKit's `error(status, …)` always takes its status first; a name there is computed.
  if (maker === "kit") return computed(first);
  return ts.isStringLiteralLike(first) ? undefined : computed(first);
}

/** A server error the call answers: a 5xx status, or none given. */
export function answersServerError(call: ts.CallExpression, maker: ErrorMaker): boolean {
  const s = statusIn(call, maker);
  return s === undefined || (s >= 500 && s < 600);
}
