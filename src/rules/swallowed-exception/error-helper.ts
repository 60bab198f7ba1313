/**
 * A project's own error helper thrown in a catch (held round 36, retired to tune in session 33:
 * WilliamFontaine/nuxt-boilerplate's services, thirteen catches):
 *
 *   } catch (error) {
 *     if (error && typeof error === "object" && "statusCode" in error) throw error;
 *     throw serverError(ERROR_CODES.SERVER.DATABASE_ERROR, "Failed to verify email");
 *   }
 *
 * where `serverError(code, message)` (server/utils, auto-imported by Nitro) returns
 * `createApiError(HTTP_STATUS.INTERNAL_ERROR, code, message)`, which throws h3's
 * `createError({ statusCode, … })`. The helper makes a new server error exactly as `new
 * HttpException(…, 500)` or `createError({ statusCode: 500 })` written in the catch would: the
 * caught error is gone. It is known by reading the helper, not by its name: the call's function is
 * found in the file, in a project module it imports, or among the `server/utils` exports that Nuxt
 * and Nitro auto-import, and followed through at most two helpers to `new X(…)` or a framework's
 * error call (framework-error.ts). The status is read through the helper's parameters (the
 * argument given, else the parameter's default); a 5xx, or none where the framework answers 500,
 * is a server error. A client status (4xx), one the code computes, a helper that hands the caught
 * error on, or one that returns anything but an error is not judged.
 */
import { ts } from "../../engine/ts";
import { importBindings, topLevelFunction } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import type { RuleContext } from "../../engine/types";
import { autoImported } from "../unvalidated-boundary/frameworks/h3";
import { unwrap } from "../unvalidated-boundary/ast";
import { importedFunction } from "../unvalidated-boundary/elsewhere";
import type { ProjectFiles } from "../unvalidated-boundary/elsewhere";
import { BUILTIN_ERRORS } from "./analysis";
import { errorMakerIn, statusIn } from "./framework-error";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";

const MAX_DEPTH = 2;
// Nitro's and Nuxt's auto-imported server helpers (the top level of `server/utils`).
const NITRO_UTILS = "server/utils";
const NITRO_DEPS = ["nuxt", "nitropack", "nitro"];
const SCRIPT_RE = /\.(?:[cm]?[jt]s)$/;
const SERVER_NAME_RE = /(?:^|_)(?:INTERNAL|SERVER_ERROR|SERVICE_UNAVAILABLE|BAD_GATEWAY|GATEWAY_TIMEOUT|NOT_IMPLEMENTED|UNAVAILABLE)(?:_|$)/i;
const SERVER_CAMEL_RE = /^(?:internal(?:Server)?(?:Error)?|serverError|serviceUnavailable|badGateway|gatewayTimeout|notImplemented)$/;
const ERROR_CLASS_RE = /(?:Error|Exception|Failure)$/;

interface Helper {
  fn: ts.FunctionLikeDeclaration;
  sf: ts.SourceFile;
  file: string;
}

/** Each call's verdict, judged once (a catch's throws are looked at by several checks). */
const VERDICTS = new TreeMemo<ts.CallExpression, boolean>();

/**
 * `throw serverError(…)` where `serverError` is the project's own function making a server error
 * (see the module comment): the call, as a new error that drops the caught one, or undefined.
 */
export function projectErrorHelperCall(ctx: RuleContext, e: ts.Expression): ts.CallExpression | undefined {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  let verdict = VERDICTS.get(e);
  if (verdict === undefined) {
    const files = projectFilesOf(ctx);
    const helper = helperOf(ctx, ctx.sourceFile, ctx.path.replace(/\\/g, "/"), e, files);
    const bindings = new Map<string, ts.Expression>();
    verdict = !!helper && makesServerError(ctx, helper, bindArguments(helper.fn, e.arguments, bindings), files, 1);
    VERDICTS.set(e, verdict);
  }
  return verdict ? e : undefined;
}

/** The function a call of `name(…)` in `sf` reaches: the file's own, an imported project module's, or a Nitro auto-imported helper's. */
function helperOf(ctx: RuleContext, sf: ts.SourceFile, file: string, call: ts.CallExpression, files: ProjectFiles): Helper | undefined {
  const name = (call.expression as ts.Identifier).text;
  const own = topLevelFunction(name, sf);
  if (own) return own.body ? { fn: own, sf, file } : undefined;
  if (importBindings(sf).has(name)) {
    const imported = importedFunction(call, sf, file, files);
    return imported ? { fn: imported.fn, sf: imported.sf, file: imported.file } : undefined;
  }
  const root = ctx.profile.root?.replace(/\\/g, "/");
  if (!root || !nitroServerModule(ctx, sf, file, root)) return undefined;
  const dir = `${root}/${NITRO_UTILS}`;
  for (const entry of files.list(dir)) {
    if (!SCRIPT_RE.test(entry) || /\.d\.[cm]?ts$/.test(entry)) continue;
    const other = files.get(`${dir}/${entry}`);
    const fn = other && topLevelFunction(name, other);
    if (fn?.body && exported(fn)) return { fn, sf: other!, file: `${dir}/${entry}` };
  }
  return undefined;
}

/** A module Nitro compiles with its auto-imports: any module under a Nuxt or Nitro project's `server/`, or one h3's rules call auto-imported. */
function nitroServerModule(ctx: RuleContext, sf: ts.SourceFile, file: string, root: string): boolean {
  const deps = ctx.profile.dependencies;
  if (NITRO_DEPS.some((d) => deps.has(d)) && file.startsWith(`${root}/server/`)) return true;
  return autoImported(sf, { path: file, dependencies: deps });
}

/** `export function serverError`, `export const serverError = (…) => …`. */
function exported(fn: ts.FunctionLikeDeclaration): boolean {
  const st = ts.isFunctionDeclaration(fn) ? fn : fn.parent?.parent?.parent;
  return !!st && (ts.isFunctionDeclaration(st) || ts.isVariableStatement(st)) && !!ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * The helper's parameters bound to what the call gives (an argument, resolved through the caller's
 * own bindings, else the parameter's default). A rest or destructured parameter binds nothing.
 */
function bindArguments(fn: ts.FunctionLikeDeclaration, args: readonly ts.Expression[], outer: ReadonlyMap<string, ts.Expression>): Map<string, ts.Expression> {
  const bound = new Map<string, ts.Expression>();
  fn.parameters.forEach((p, i) => {
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken) return;
    const given = args[i];
    const value = given ? resolved(given, outer) : p.initializer;
    if (value) bound.set(p.name.text, value);
  });
  return bound;
}

/** A parameter's name stands for what it was bound to (`status as any` too). */
function resolved(e: ts.Expression, bindings: ReadonlyMap<string, ts.Expression>): ts.Expression {
  const u = unwrap(e);
  return ts.isIdentifier(u) ? bindings.get(u.text) ?? u : u;
}

/** Every `return` and `throw` of the helper's own body (not of functions inside it), or its expression body. */
function exits(fn: ts.FunctionLikeDeclaration): ts.Expression[] | undefined {
  const body = fn.body!;
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  let bare = false;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) {
      if (n.expression) found.push(n.expression);
      else bare = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return bare || found.length === 0 ? undefined : found;
}

/** Every exit of the helper makes an error with a server status, and none hands on a parameter that could be the caught error. */
function makesServerError(ctx: RuleContext, helper: Helper, bindings: ReadonlyMap<string, ts.Expression>, files: ProjectFiles, depth: number): boolean {
  const ends = exits(helper.fn);
  if (!ends) return false;
  return ends.every((x) => {
    const e = unwrap(x);
    if (ts.isNewExpression(e)) return newServerError(e, bindings);
    if (!ts.isCallExpression(e)) return false;
    const maker = errorMakerIn(helper.sf, helper.file, ctx.profile.dependencies, e);
    if (maker) {
      const s = statusIn(e, maker, (v) => statusValue(resolved(v, bindings)));
      return s === undefined || (s >= 500 && s < 600);
    }
    if (depth >= MAX_DEPTH || !ts.isIdentifier(e.expression)) return false;
    const next = helperOf(ctx, helper.sf, helper.file, e, files);
    return !!next && next.fn !== helper.fn && makesServerError(ctx, next, bindArguments(next.fn, e.arguments, bindings), files, depth + 1);
  });
}

/**
 * `new Error(message)`, `new AppError(message, 500)`, `new ApiError(statusCode, …)` with a bound 5xx:
 * a server error. A 4xx is none; so is a project class given a value the helper's caller did not
 * fix (it may be the status).
 */
function newServerError(e: ts.NewExpression, bindings: ReadonlyMap<string, ts.Expression>): boolean {
  if (!ts.isIdentifier(e.expression) || !ERROR_CLASS_RE.test(e.expression.text)) return false;
  if (BUILTIN_ERRORS.has(e.expression.text)) return true;
  let status: number | undefined;
  let unknown = false;
  for (const a of e.arguments ?? []) {
    const v = resolved(a, bindings);
    if (ts.isObjectLiteralExpression(v)) {
      for (const p of v.properties) {
        if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) && /^(?:status|statusCode)$/.test(p.name.text)) {
          const s = statusValue(ts.isPropertyAssignment(p) ? resolved(p.initializer, bindings) : resolved(p.name, bindings));
          if (s === undefined || Number.isNaN(s)) return false;
          status = s;
        }
      }
      continue;
    }
    const s = statusValue(v);
    if (s === undefined) continue;
    if (Number.isNaN(s)) unknown = true;
    else status = s;
  }
  if (status === undefined) return !unknown;
  return status >= 500 && status < 600;
}

/**
 * A status an expression names: a number (`500`), a constant whose name says server error
 * (`HTTP_STATUS.INTERNAL_ERROR`, `StatusCodes.SERVICE_UNAVAILABLE`), 400 for any other status-like
 * constant, `undefined` for a value that is no status (a message), `NaN` for one the code computes.
 */
function statusValue(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isObjectLiteralExpression(e)) return undefined;
  const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : undefined;
  if (!name) return NaN;
  if (SERVER_NAME_RE.test(name) || SERVER_CAMEL_RE.test(name)) return 500;
  // A parameter left unbound that names a status (`statusCode`): the code's own.
  if (ts.isIdentifier(e) && /^(?:status|statusCode|httpStatus|httpCode)$/i.test(name)) return NaN;
  // `HttpStatus.NOT_FOUND`, `HTTP_STATUS.BAD_REQUEST`: a client status; `ERROR_CODES.SERVER.DATABASE_ERROR` is a code, no status.
  return ts.isPropertyAccessExpression(e) && /^(?:HttpStatus|HTTP_STATUS|StatusCodes?|httpStatus|Status)$/.test(e.expression.getText()) ? 400 : undefined;
}
