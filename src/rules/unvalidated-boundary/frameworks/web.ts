import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { callOfArgument, nameText, receiverSegments, type FunctionLike } from "../ast";
import type { FileFacts } from "../source";

// std's `serve` (Supabase Edge Functions before Deno.serve): https://deno.land/std/http/server.ts, jsr:@std/http.
const STD_HTTP_RE = /(?:^|[/@])std(?:@[^/]*)?\/http(?:\/|$)|^jsr:@std\/http|^https:\/\/deno\.land\/std[^/]*\/http\//;

// A module of a Supabase project's functions folder: `supabase/functions/<name>/index.ts`.
const EDGE_FUNCTION_RE = /(?:^|[\\/])supabase[\\/]functions[\\/]/;

function isServeCall(call: ts.CallExpression, facts: FileFacts): boolean {
  const name = calleeName(call);
  if (name !== "serve") return false;
  const recv = receiverSegments(call);
  if (recv.length === 1 && (recv[0] === "Deno" || recv[0] === "Bun")) return true;
  if (recv.length > 0 || !ts.isIdentifier(call.expression)) return false;
  for (const m of facts.modules) if (STD_HTTP_RE.test(m)) return true;
  // A Supabase Edge Function's `serve(handler)` under any origin: a project wrapper, a global, or a
  // stub the module declares where the std import was (`function serve(h) { throw … }`).
  return EDGE_FUNCTION_RE.test(facts.path);
}

/** `export default { fetch }`, `export default { … } satisfies ExportedHandler<Env>`. */
function isDefaultExport(obj: ts.ObjectLiteralExpression): boolean {
  let cur: ts.Node = obj;
  while (cur.parent && (ts.isSatisfiesExpression(cur.parent) || ts.isAsExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent))) cur = cur.parent;
  return !!cur.parent && ts.isExportAssignment(cur.parent) && !cur.parent.isExportEquals;
}

/** `Deno.serve(handler)` / `serve(handler)` at the top level, for a handler declared by name. */
function servedByName(sf: ts.SourceFile, name: string, facts: FileFacts): boolean {
  for (const st of sf.statements) {
    let e = ts.isExpressionStatement(st) ? st.expression : undefined;
    while (e && ts.isAwaitExpression(e)) e = e.expression;
    if (!e || !ts.isCallExpression(e) || !isServeCall(e, facts)) continue;
    const last = e.arguments[e.arguments.length - 1];
    if (last && ts.isIdentifier(last) && last.text === name) return true;
  }
  return false;
}

/**
 * True when `fn` answers Web `Request`s and its first parameter is one: a handler passed to
 * `Deno.serve` or std's `serve` (Supabase Edge Functions), `Bun.serve({ fetch })`, or the `fetch`
 * of a Cloudflare Workers module (`export default { fetch(request, env, ctx) }`).
 */
export function isWebHandler(fn: FunctionLike, facts: FileFacts): boolean {
  const at = callOfArgument(fn);
  if (at) return isServeCall(at.call, facts) && at.index === at.call.arguments.length - 1;
  const name = ts.isFunctionDeclaration(fn) ? fn.name?.text : fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (name && servedByName(fn.getSourceFile(), name, facts)) return true;
  const owner = ts.isMethodDeclaration(fn) ? fn : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  if (!owner || nameText(owner.name) !== "fetch") return false;
  const obj = owner.parent;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return false;
  const call = obj.parent;
  if (call && ts.isCallExpression(call) && call.arguments[0] === obj) return isServeCall(call, facts);
  return isDefaultExport(obj);
}
