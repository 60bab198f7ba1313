import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { callOfArgument, nameText, receiverSegments, type FunctionLike } from "../ast";
import type { FileFacts } from "../source";

// std's `serve` (Supabase Edge Functions before Deno.serve): https://deno.land/std/http/server.ts, jsr:@std/http.
const STD_HTTP_RE = /(?:^|[/@])std(?:@[^/]*)?\/http(?:\/|$)|^jsr:@std\/http|^https:\/\/deno\.land\/std[^/]*\/http\//;

// A module of a Supabase project's functions folder: `supabase/functions/<name>/index.ts`.
const EDGE_FUNCTION_RE = /(?:^|[\\/])supabase[\\/]functions[\\/]/;

// A Netlify function module (https://docs.netlify.com/functions/get-started/): `netlify/functions/<name>.js`,
// and Netlify Edge Functions (`netlify/edge-functions/`), whose default export answers a Web `Request`.
const NETLIFY_FUNCTION_RE = /(?:^|[\\/])netlify[\\/](?:edge-)?functions[\\/]/;

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

/**
 * A Netlify Functions v2 (or Edge Functions) handler: the module's default export, `export default
 * async (req, context) => …`, `export default async function handler(req)` or `export default handler`
 * for a function of the module. Its first parameter is a Web `Request`; a v1 handler is the named
 * `handler` export and takes a Lambda event (one written `(event, context)` is left to that reading).
 */
function isNetlifyDefaultExport(fn: FunctionLike, name: string | undefined, facts: FileFacts): boolean {
  if (!NETLIFY_FUNCTION_RE.test(facts.path)) return false;
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name) || /^(?:event|evt)$/i.test(first.name.text)) return false;
  if (ts.isFunctionDeclaration(fn)) {
    const mods = ts.getModifiers(fn);
    if (mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return true;
  }
  let cur: ts.Node = fn;
  while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  if (cur.parent && ts.isExportAssignment(cur.parent) && !cur.parent.isExportEquals) return true;
  if (!name) return false;
  return fn.getSourceFile().statements.some((st) => ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression) && st.expression.text === name);
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
 * `Deno.serve` or std's `serve` (Supabase Edge Functions), `Bun.serve({ fetch })`, the `fetch`
 * of a Cloudflare Workers module (`export default { fetch(request, env, ctx) }`), or the default
 * export of a Netlify function.
 */
export function isWebHandler(fn: FunctionLike, facts: FileFacts): boolean {
  const at = callOfArgument(fn);
  if (at) return isServeCall(at.call, facts) && at.index === at.call.arguments.length - 1;
  const name = ts.isFunctionDeclaration(fn) ? fn.name?.text : fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (name && servedByName(fn.getSourceFile(), name, facts)) return true;
  if (isNetlifyDefaultExport(fn, name, facts)) return true;
  const owner = ts.isMethodDeclaration(fn) ? fn : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  if (!owner || nameText(owner.name) !== "fetch") return false;
  const obj = owner.parent;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return false;
  const call = obj.parent;
  if (call && ts.isCallExpression(call) && call.arguments[0] === obj) return isServeCall(call, facts);
  return isDefaultExport(obj);
}
