/**
 * A log-only catch around a trigger of the project's own function (held round 37, rt-app's edge functions):
 *
 *   try {
 *     await fetch(`${supabaseUrl}/functions/v1/send-notification`, { method: "POST", headers, body });
 *   } catch (notifyErr) {
 *     console.error("Failed to trigger notification:", notifyErr);
 *   }
 *   return jsonResponse({ id: lead.id, status: "created" }, 201);
 *
 * The answer is dropped, so an error status of the called function is never read: the catch sees only
 * the transport failing, and the work itself runs in the project's own code, whose catch logs its own
 * failures. Where nothing after the try claims the notice went out, the trigger is best effort and its
 * logged failure is the handling (round 29's notification rule, carried to the caller's catch). The
 * target is read, not named: a Supabase Edge Function (`/functions/v1/<name>`) whose
 * `supabase/functions/<name>/index.ts` exists, or an API
 * route of the same app (`${APP_URL}/api/<path>`, `/api/<path>`) whose Next.js route module exists
 * (`app/api/<path>/route.ts`, `pages/api/<path>.ts`, also under `src/`), and that module holds a catch
 * that logs. A URL that names a host in its text (`https://api.example.com/…`) is someone else's.
 */
import * as path from "node:path";
import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import type { RuleContext } from "../../engine/types";
import { claimsSuccess, isLogStatement, references } from "./analysis";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { scopeOf } from "./scope";

// What an answer says when it claims a notice went out: "Contractor notified", `emailSent: true`.
export const NOTICE_CLAIM_RE = /\bnotified\b|\b(?:e-?mail|sms|notification|message)s?\s+(?:was\s+|were\s+|has been\s+)?sent\b|\w(?:Sent|Notified|Emailed)\b/i;

const EXTENSIONS = [".ts", ".js", ".mjs", ".tsx", ".jsx"];
const SUPABASE_FN_RE = /^\/functions\/v1\/([\w-]+)\/?$/;
const API_ROUTE_RE = /^\/api(\/[\w/-]+)$/;

/**
 * The literal text of a URL with its substitutions left out, when it starts at one (`${base}/api/x`)
 * or at `/` (a path of the page's own origin): the part that names the endpoint.
 */
function ownPathOf(url: ts.Expression): string | undefined {
  if (ts.isStringLiteral(url) || ts.isNoSubstitutionTemplateLiteral(url)) return url.text.startsWith("/") ? url.text.split("?")[0] : undefined;
  if (!ts.isTemplateExpression(url) || url.head.text !== "" || url.templateSpans.length !== 1) return undefined;
  const rest = url.templateSpans[0]!.literal.text;
  return rest.startsWith("/") ? rest.split("?")[0] : undefined;
}

/** The module files that would serve `pathText`, or undefined when it names no endpoint of the project. */
function endpointModules(ctx: RuleContext, pathText: string): string[] | undefined {
  const file = ctx.path.replace(/\\/g, "/");
  const fn = SUPABASE_FN_RE.exec(pathText);
  if (fn) return supabaseFunctionModules(ctx, fn[1]!);
  const api = API_ROUTE_RE.exec(pathText.replace(/\/$/, ""));
  if (!api || api[1]!.includes("//")) return undefined;
  const root = (ctx.profile.root ?? path.posix.dirname(file)).replace(/\\/g, "/");
  const out: string[] = [];
  for (const base of [root, `${root}/src`]) {
    for (const e of EXTENSIONS) out.push(`${base}/app/api${api[1]}/route${e}`, `${base}/pages/api${api[1]}${e}`, `${base}/pages/api${api[1]}/index${e}`);
  }
  return out;
}

/** `supabase/functions/<name>/index.ts`, from the functions folder the analysed file lives in, else the root's. */
function supabaseFunctionModules(ctx: RuleContext, name: string): string[] {
  const file = ctx.path.replace(/\\/g, "/");
  const at = file.lastIndexOf("/supabase/functions/");
  const dir = at >= 0 ? file.slice(0, at + "/supabase/functions".length) : `${(ctx.profile.root ?? "").replace(/\\/g, "/")}/supabase/functions`;
  return EXTENSIONS.map((e) => `${dir}/${name}/index${e}`);
}

/** The endpoint a dropped trigger calls: `fetch(url, init)` (`supabase.functions.invoke` resolves `{ error }`: resultErrorIgnored judges it). */
function triggeredModules(ctx: RuleContext, st: ts.Statement): string[] | undefined {
  if (!ts.isExpressionStatement(st)) return undefined;
  let e = st.expression;
  if (ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length === 0) return undefined;
  const callee = e.expression;
  const first = e.arguments[0]!;
  if (!ts.isIdentifier(callee) || callee.text !== "fetch") return undefined;
  const p = ownPathOf(first);
  return p === undefined ? undefined : endpointModules(ctx, p);
}

/** The first of `candidates` that exists, parsed, when it holds a catch that logs: the called function reports its own failures. */
function logsItsOwnFailures(ctx: RuleContext, candidates: readonly string[]): boolean {
  const files = projectFilesOf(ctx);
  const hit = candidates.find((c) => files.host.fileExists(c));
  const sf = hit ? files.get(hit) : undefined;
  if (!sf) return false;
  let logs = logsInACatch.get(sf);
  if (logs === undefined) {
    const visit = (n: ts.Node): boolean => (ts.isCatchClause(n) && n.block.statements.some(isLogStatement)) || (ts.forEachChild(n, visit) ?? false);
    logsInACatch.set(sf, (logs = visit(sf)));
  }
  return logs;
}

/** Whether a module holds a catch that logs, read once per module (every trigger of it asks the same). */
const logsInACatch = new TreeMemo<ts.SourceFile, boolean>();

/**
 * The try only fires triggers of the project's own functions with their answers dropped, the catch
 * only logs, the error included, and nothing after the try in the function claims a notice went out
 * (see the module comment).
 */
export function triggersOwnFunction(ctx: RuleContext, clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !references(clause.block, errName) || !clause.block.statements.every(isLogStatement)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const stmts = tryStmt.tryBlock.statements;
  if (stmts.length === 0) return false;
  for (const st of stmts) {
    const modules = triggeredModules(ctx, st);
    if (!modules || !logsItsOwnFailures(ctx, modules)) return false;
  }
  const fn = scopeOf(clause).fn;
  const body = fn && (fn as ts.FunctionLikeDeclaration).body;
  const end = body ? body.getEnd() : ctx.sourceFile.getEnd();
  if (NOTICE_CLAIM_RE.test(ctx.sourceFile.text.slice(tryStmt.getEnd(), end))) return false;
  // `return Response.json({ success: true, alerts_created: n })` after the try: the whole run, the notice too, said done.
  const claims = (n: ts.Node): boolean => n.getEnd() > tryStmt.getEnd() && ((ts.isObjectLiteralExpression(n) && n.pos >= tryStmt.getEnd() && claimsSuccess(n)) || (!isFunctionLike(n) && (ts.forEachChild(n, claims) ?? false)));
  return !(ts.forEachChild(body ?? ctx.sourceFile, claims) ?? false);
}
