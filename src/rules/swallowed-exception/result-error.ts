import { ts } from "../../engine/ts";
import { stateWriteLeavesItemPending } from "./success-count";
import { calleeName, enclosingLoop, importBindings, isFunctionLikeDeclaration, unparen as unparenthesized } from "../../engine/ast";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import type { Fix, RuleContext, TextEdit } from "../../engine/types";
import { lineIndentAt, quote } from "../../fixes/text";
import { claimsSuccess, hasExplainingComment, isLogCall, isNormalResponse, logCallOf, logsDeliberateFallback, references, sideJobIsPurpose, signalsFailure } from "./analysis";
import { addToLogCall, bracedBranch, fittingLogCall, fixEnv, type FixEnv } from "./fixes";
import { isLibraryEventHook, loopSkipsFailedItems } from "./rethrow-contract";
import { scopeOf } from "./scope";
import { loopThenClaimsCompletion } from "./script-run";
import { TreeMemo } from "../../engine/tree-memo";
import { handlesAWebhook } from "./webhook-ack";
import { claimsSent, isResendSend } from "./resend-result";

/**
 * Errors returned, not thrown: supabase-js resolves every query to `{ data, error }` and never
 * rejects (unless `.throwOnError()`), so a write whose result is dropped, or whose `error` is
 * never read, fails without anyone finding out. Reads that leave `error` out are not reported:
 * their `data` is null on failure, and the code's null check is usually the failure path.
 */

const TABLE_WRITES = new Set(["insert", "update", "upsert", "delete"]);
const STORAGE_WRITES = new Set(["upload", "update", "remove", "move", "copy", "uploadToSignedUrl"]);
const SUPABASE_NAME_RE = /supabase/i;
const SUPABASE_IMPORT_RE = /["'](?:npm:|jsr:|https:\/\/esm\.sh\/)?@supabase\/(?:supabase-js|ssr|auth-helpers-[\w-]+)/;
// `import { createServiceClient } from "@/lib/supabase-service"`, `import type { Db } from "../supabase/client"`:
// the project's own module that makes its Supabase client (a root named `service` or `admin`).
// Bounded runs: a line start that skips any run of blank lines, or an unbounded run after
// `import`, would backtrack quadratically on a long file of newlines or `import`s.
const SUPABASE_MODULE_RE = /^[ \t]*import\b[^;'"]{0,400}\bfrom[ \t]*["'][^"'\n]{0,200}supabase[^"'\n]{0,200}["']/im;

// An insert into a table that is itself a log: `webhook_logs`, `audit_log`, `activity_logs`, `audit_trail`,
// an activity feed (`binder_activity`, `user_activities`: held round 28; a bare `activities` table
// holds the app's own records, a run or a workout, and stays a write).
const LOG_TABLE_RE = /^insert into (?:(?:\w*[_-])?(?:logs?|history|audit(?:s|[_-]?(?:logs?|trail|events?))?)|\w+[_-]activit(?:y|ies))$|^insert into audit[_-]\w+$/i;

interface ResultCall {
  /** What it does, for the message and the log: `insert into profiles`, `rpc send_digest`. */
  what: string;
  /** The SDK whose result it is, when not supabase-js: Resend's `emails.send` (resend-result.ts). */
  sdk?: "resend";
  /**
   * `.then(cb)` or `.catch(cb)` after the write: what is awaited is the callback's answer, not
   * `{ data, error }` (a `.catch(err => console.log(err))` answers undefined, and destructuring it throws).
   */
  handed: boolean;
}

/** The method names of a call chain from its root, and the root expression. */
function chainOf(e: ts.Expression): { root: ts.Expression; links: { name: string; call?: ts.CallExpression }[] } {
  const links: { name: string; call?: ts.CallExpression }[] = [];
  let cur = e;
  for (;;) {
    if (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
      links.unshift({ name: cur.expression.name.text, call: cur });
      cur = cur.expression.expression;
    } else if (ts.isPropertyAccessExpression(cur)) {
      links.unshift({ name: cur.name.text });
      cur = cur.expression;
    } else if (ts.isParenthesizedExpression(cur) || ts.isAwaitExpression(cur) || ts.isNonNullExpression(cur)) {
      cur = cur.expression;
    } else break;
  }
  return { root: cur, links };
}

function rootLooksLikeSupabase(ctx: RuleContext, root: ts.Expression, links: readonly { name: string }[]): boolean {
  const text = ts.isCallExpression(root) ? root.expression.getText(ctx.sourceFile) : root.getText(ctx.sourceFile);
  if (SUPABASE_NAME_RE.test(text) || links.some((l) => SUPABASE_NAME_RE.test(l.name))) return true;
  return SUPABASE_IMPORT_RE.test(ctx.text) || SUPABASE_MODULE_RE.test(ctx.text) || importsSupabaseModule(ctx);
}

const supabaseModuleImports = new TreeMemo<ts.SourceFile, boolean>();

/**
 * `import { createClient } from "../_shared/client.ts"` (a Supabase Edge Function's shared module),
 * `import { db } from "@/lib/db"`: a module of the project whose name does not say Supabase but
 * which itself imports supabase-js (or a module whose specifier names Supabase). Its client is the
 * project's Supabase client under another name (held round 39, Dynamic-Capital/chatty-telly-bot).
 * One read of each imported module per file.
 */
function importsSupabaseModule(ctx: RuleContext): boolean {
  const sf = ctx.sourceFile;
  const known = supabaseModuleImports.get(sf);
  if (known !== undefined) return known;
  const files = projectFilesOf(ctx);
  const specs = new Set([...importBindings(sf).values()].map((b) => b.spec));
  let found = false;
  for (const spec of specs) {
    const abs = files.resolve(ctx.path.replace(/\\/g, "/"), spec);
    // Only its text is asked: no parse of a module nothing else reads.
    const text = abs === undefined ? undefined : files.text(abs);
    if (text !== undefined && (SUPABASE_IMPORT_RE.test(text) || SUPABASE_MODULE_RE.test(text))) {
      found = true;
      break;
    }
  }
  supabaseModuleImports.set(sf, found);
  return found;
}

function firstStringArg(call: ts.CallExpression | undefined): string | undefined {
  let a = call?.arguments[0];
  // `supabase.from("binder_activity" as any)`: a table the generated types do not know yet.
  while (a && (ts.isAsExpression(a) || ts.isParenthesizedExpression(a))) a = a.expression;
  return a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) ? a.text : undefined;
}

/** The supabase-js call an awaited expression makes, when it is one whose result carries its error. */
function resultCall(ctx: RuleContext, e: ts.Expression): ResultCall | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const { root, links } = chainOf(e);
  if (links.some((l) => l.name === "throwOnError")) return undefined;
  const names = links.map((l) => l.name);
  if (names.includes("auth")) return undefined;
  const from = links.findIndex((l) => l.name === "from" && l.call);
  let found: { what: string } | undefined;
  if (names[0] === "storage" && from > 0) {
    const op = links.slice(from + 1).find((l) => l.call && STORAGE_WRITES.has(l.name));
    if (op) found = { what: `storage ${op.name}${firstStringArg(links[from]!.call) ? ` in ${firstStringArg(links[from]!.call)}` : ""}` };
  } else if (from >= 0) {
    const op = links.slice(from + 1).find((l) => l.call && TABLE_WRITES.has(l.name));
    const table = firstStringArg(links[from]!.call);
    if (op) found = { what: `${op.name} ${op.name === "insert" || op.name === "upsert" ? "into" : "on"} ${table ?? "table"}` };
  } else {
    const rpc = links.find((l) => l.name === "rpc" && l.call);
    if (rpc) found = { what: `rpc ${firstStringArg(rpc.call) ?? "call"}` };
    const invoke = names[names.length - 2] === "functions" && names[names.length - 1] === "invoke" ? links[links.length - 1] : undefined;
    if (invoke) found = { what: `function ${firstStringArg(invoke.call) ?? "call"}` };
  }
  if (!found || !rootLooksLikeSupabase(ctx, root, links)) return undefined;
  return { ...found, handed: links.some((l) => l.call && (l.name === "then" || l.name === "catch")) };
}

/**
 * `try { await supabase.from("reports").update({ status: "processing" }).eq("id", id); } catch (e) {
 * log(e); }`: every statement of the try is an awaited supabase-js write whose result is dropped.
 * supabase-js never rejects, so the catch never runs; the dropped `error` is the finding
 * (`resultErrorIgnored`), reported at the call (held round 23's convention, round 26's label).
 */
export function onlyDroppedSupabaseWrites(ctx: RuleContext, tryBlock: ts.Block): boolean {
  return tryBlock.statements.length > 0 && tryBlock.statements.every((st) => ts.isExpressionStatement(st) && ts.isAwaitExpression(st.expression) && resultCall(ctx, st.expression.expression) !== undefined);
}

// Calls that answer a value and never throw on any input: `new Date()` (an invalid date is a
// value too), its ISO string when built from now, `Date.now()`, `Math.*` and the coercions.
const QUIET_CALL_RE = /^(?:Date\.now|Math\.\w+|String|Number|Boolean|crypto\.randomUUID)$/;

/** An expression that cannot throw: {@link plain} reads and literals, plus {@link QUIET_CALL_RE} calls and `new Date(…).getTime()`-free `new Date().toISOString()`. */
function quiet(e: ts.Node): boolean {
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === "Date" && (e.arguments ?? []).every(quiet);
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    // `new Date().toISOString()`: the current time is always a valid date (`new Date(x).toISOString()` throws for a bad x).
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "toISOString" && ts.isNewExpression(callee.expression) && (callee.expression.arguments ?? []).length === 0) return quiet(callee.expression);
    return QUIET_CALL_RE.test(callee.getText()) && e.arguments.every(quiet);
  }
  if (ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e) || isFunctionLikeDeclaration(e)) return false;
  return !(ts.forEachChild(e, (c) => (quiet(c) ? undefined : true)) ?? false);
}

// The client a module of the project (or supabase-js itself) builds: `createServiceClient()`,
// `createClient(url, key)`, `await createServerSupabase()`.
const FACTORY_NAME_RE = /^(?:create|get|make|new)\w*(?:Client|Supabase\w*|Admin)$/;

/** `createServiceClient()` imported from a module whose specifier names Supabase: it builds a client from settings, sending nothing. */
function supabaseFactoryCall(sf: ts.SourceFile, e: ts.Expression): boolean {
  const call = ts.isAwaitExpression(e) ? e.expression : e;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !FACTORY_NAME_RE.test(call.expression.text) || !call.arguments.every(quiet)) return false;
  const name = call.expression.text;
  return sf.statements.some((st) => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && /supabase/i.test(st.moduleSpecifier.text) && (st.importClause?.namedBindings !== undefined && ts.isNamedImports(st.importClause.namedBindings) ? st.importClause.namedBindings.elements.some((b) => b.name.text === name) : st.importClause?.name?.text === name));
}

// The links a supabase-js chain may start with: a table, a function, an RPC, auth, storage, a schema.
const CLIENT_LINKS = new Set(["from", "rpc", "auth", "storage", "functions", "schema"]);

/**
 * `await supabase.from("t").update(…).eq("id", id)`, `await supabase.storage.from("b").upload(…)`,
 * `await supabase.rpc(…)`, `await supabase.functions.invoke(…)`: a supabase-js call that resolves to
 * `{ data, error }` and never rejects (unless `.throwOnError()`), with arguments that cannot throw
 * either, and whose `error` the result cases judge at the call ({@link resultCall}). Not a read
 * (`select`) or an `auth` call: no case judges their error where it is returned, so a catch around
 * them is the only place their lost failure is reported (older rounds' labels, decided).
 */
function awaitsSupabaseResult(ctx: RuleContext, e: ts.Expression, reads = false): boolean {
  if (!ts.isAwaitExpression(e)) return false;
  let call: ts.Expression = e.expression;
  while (ts.isParenthesizedExpression(call)) call = call.expression;
  if (!ts.isCallExpression(call)) return false;
  const { root, links } = chainOf(call);
  const first = links.findIndex((l) => CLIENT_LINKS.has(l.name));
  if (first < 0 || links.some((l) => l.name === "throwOnError" || l.name === "then" || l.name === "catch" || l.name === "finally")) return false;
  // `Array.from(…)`, `Buffer.from(…)`: a global's static method, not a client.
  if (ts.isIdentifier(root) && /^[A-Z]/.test(root.text)) return false;
  if (!links.every((l) => !l.call || l.call.arguments.every(quiet))) return false;
  if (ts.isCallExpression(root) && !(ts.isIdentifier(root.expression) && root.arguments.every(quiet))) return false;
  if (reads) return links[first]!.name === "from" && links.some((l) => l.name === "select") && rootLooksLikeSupabase(ctx, root, links);
  return resultCall(ctx, call) !== undefined;
}

/**
 * `try { const supabase = createServiceClient(); const { error } = await supabase.from("installments")
 * .update({ status: "paid" }).eq("id", id); if (error) { console.error(…); } } catch (e) { log(e); }`:
 * a try whose only work that could fail is supabase-js writes, RPCs and function calls (which resolve
 * `{ data, error }` and do not reject), the client factory of a Supabase module (it builds a client from settings and sends
 * nothing), and local code that cannot throw (reads, literals, log lines of them, `if`s on them,
 * `return`s). Nothing reaches the catch; what is lost is the `error` each call returns, judged at the
 * call (`resultErrorIgnored`/`resultErrorLogOnly`; held round 30, nine catches labelled clean). A
 * `select` whose error the try reads counts too where the catch answers nothing (`catchAnswers` false:
 * it only logs and falls off the end, held round 35); a catch that answers a value (a made-up plan, a
 * `false` a script drops) stays judged, as do a read whose error the try does not read,
 * an `auth` call in the try, whose error no case judges at the call, a `throw` in the try (`if (error) throw error`), a call the rule cannot name, a reply's `json()` or
 * `new Date(x).toISOString()` keep the catch judged as usual.
 */
export function onlySupabaseResultsInTry(ctx: RuleContext, tryBlock: ts.Block, catchAnswers = true): boolean {
  let calls = 0;
  // The error each call returns is read in the try (`const { error } = await …; if (error) …`, or
  // `res.error` of a result kept whole): the failure is seen where it happens.
  const errorRead = (d: ts.VariableDeclaration): boolean => {
    if (ts.isIdentifier(d.name)) {
      const name = d.name.text;
      return references(tryBlock, name, (n) => n === d.name || !(ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n && n.parent.name.text === "error"));
    }
    if (!ts.isObjectBindingPattern(d.name)) return false;
    const el = d.name.elements.find((b) => ((b.propertyName ?? b.name) as ts.Node).getText() === "error");
    return el !== undefined && ts.isIdentifier(el.name) && references(tryBlock, el.name.text, (n) => n === el.name);
  };
  const ok = (s: ts.Statement): boolean => {
    if (ts.isBlock(s)) return s.statements.every(ok);
    if (ts.isEmptyStatement(s)) return true;
    if (ts.isIfStatement(s)) return (quiet(s.expression) || testsErrorMessage(s.expression)) && ok(s.thenStatement) && (!s.elseStatement || ok(s.elseStatement));
    if (ts.isVariableStatement(s)) {
      return s.declarationList.declarations.every((d) => {
        if (!d.initializer) return true;
        if (awaitsSupabaseResult(ctx, d.initializer)) return errorRead(d) && ++calls > 0;
        // `const { data, error: checkError } = await supabase.from("admin_users").select("id")` whose error the
        // try reads (`if (checkError) { log(…); return; }`): the read's failure is seen where it happens (held round 35).
        if (!catchAnswers && awaitsSupabaseResult(ctx, d.initializer, true)) return errorRead(d);
        return quiet(d.initializer) || supabaseFactoryCall(ctx.sourceFile, d.initializer);
      });
    }
    if (ts.isReturnStatement(s)) return !s.expression || quiet(s.expression);
    if (!ts.isExpressionStatement(s)) return false;
    const e = s.expression;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) return quiet(e.left) && quiet(e.right);
    return ts.isCallExpression(e) && isLogCall(e) && e.arguments.every(quiet);
  };
  return tryBlock.statements.every(ok) && calls > 0;
}

/** `error.message.includes("does not exist")`: a string test of a returned error's message, with literal arguments. */
function testsErrorMessage(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !/^(?:includes|startsWith|endsWith)$/.test(e.expression.name.text) || !e.arguments.every(ts.isStringLiteralLike)) return false;
  const recv = e.expression.expression;
  return ts.isPropertyAccessExpression(recv) && recv.name.text === "message" && ts.isIdentifier(recv.expression) && /err/i.test(recv.expression.text);
}

function unparen(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return p;
}

/** True when `name` is read anywhere in the function (or file) around `binding`, other than by the binding itself. */
function readElsewhere(binding: ts.BindingElement, name: string): boolean {
  const scope = scopeOf(binding).fn ?? binding.getSourceFile();
  return references(scope, name, (n) => n === binding);
}

const WAIT_CALL_RE = /^(?:setTimeout|sleep|delay|wait|resolve)$/;

/** `failed++`, `stats.errorCount += 1`: a counter named for failures goes up. */
function countsAFailure(n: ts.Node): boolean {
  let target: ts.Expression | undefined;
  if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken)) target = n.operand;
  else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isNumericLiteral(n.right)) target = n.left;
  const name = target && (ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined);
  return name !== undefined && /fail|err/i.test(name);
}

/**
 * The `if` whose condition is the test `id` stands in (`if (error)`, `if (!error) … else`), when its
 * branch for a set error acts on none of it: no exit (`return`, `throw`, `break`, `continue`) and no
 * call but a retry's wait (`if (error) {}`, `if (error) { last = error; await sleep(ms); }`), unless
 * the branch holds only a comment that explains it.
 */
function idleTestOf(id: ts.Identifier): boolean {
  let cond: ts.Node = id;
  while (cond.parent && !ts.isIfStatement(cond.parent) && (ts.isParenthesizedExpression(cond.parent) || ts.isPrefixUnaryExpression(cond.parent) || ts.isBinaryExpression(cond.parent))) cond = cond.parent;
  const test = cond.parent;
  if (test && ts.isIfStatement(test) && test.expression === cond && onlyCountsSuccess(test, id.text)) return true;
  if (!test || !ts.isIfStatement(test) || test.expression !== cond || !testsSet(cond as ts.Expression, id.text)) return false;
  // Any call acts (a log, `res.status(500)`, a toast), but a retry's wait (`setTimeout`, `sleep(ms)`) does not.
  const acts = (n: ts.Node): boolean => {
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n)) return true;
    if (ts.isCallExpression(n) && !WAIT_CALL_RE.test(calleeName(n) ?? "")) return true;
    // `if (updateError) { failed++; } else { updated++; }`: the failure is counted (held round 27), as `failures++` in a catch.
    if (countsAFailure(n)) return true;
    return ts.forEachChild(n, acts) ?? false;
  };
  if (acts(test.thenStatement)) return false;
  // `if (incErr) { // continue anyway }`: a branch that holds only a comment explaining the carry-on
  // (held round 27), as in a log-only branch; a retry's wait with a comment still acts on nothing.
  const then = test.thenStatement;
  return !(ts.isBlock(then) && then.statements.length === 0 && hasExplainingComment(id.getSourceFile().text, then.getStart(), then.getEnd()));
}

/**
 * `if (!error) updated++;` with no `else`: the error only decides whether a success is counted, and
 * the failure itself is never shown, only missing from the count (held round 23, debatable: a count
 * of successes is no handling; held round 35's lead decision). A branch that does more than count
 * (`if (!error) { rows.push(r); updated++; }`) uses the result, and an `else` may handle the failure.
 */
function onlyCountsSuccess(test: ts.IfStatement, name: string): boolean {
  const cond = test.expression;
  if (test.elseStatement || !ts.isPrefixUnaryExpression(cond) || cond.operator !== ts.SyntaxKind.ExclamationToken || !ts.isIdentifier(cond.operand) || cond.operand.text !== name) return false;
  const body = ts.isBlock(test.thenStatement) ? test.thenStatement.statements : [test.thenStatement];
  return body.length > 0 && body.every((st) => {
    if (!ts.isExpressionStatement(st)) return false;
    const e = st.expression;
    const target = (ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && e.operator === ts.SyntaxKind.PlusPlusToken ? e.operand : ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken ? e.left : undefined;
    return target !== undefined && !NOT_SUCCESS_COUNTER_RE.test(target.getText());
  });
}

/**
 * Whether `name` is really read in `scope`: not by `skip`, not by an assignment to it, not by an `if`
 * that tests it and does nothing with a failure (`if (fixError) {} else {}`), and, when it is only handed to a
 * local (`updateError = error`), whether that local is (one hop).
 */
function readsBeyondEmptyTests(scope: ts.Node, name: string, skip: ts.Node, hop = 0): boolean {
  let read = false;
  const visit = (n: ts.Node): void => {
    if (read || n === skip) return;
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      const p = n.parent;
      const assign = ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if ((assign && p.left === n) || (ts.isVariableDeclaration(p) && p.name === n) || (ts.isBindingElement(p) && (p.name === n || p.propertyName === n))) return;
      if (idleTestOf(n)) return;
      if (assign && p.right === n && ts.isIdentifier(p.left) && ts.isExpressionStatement(p.parent) && hop === 0) {
        // The local may outlive the block (`let lastError` before a retry loop): read it in the whole function.
        if (readsBeyondEmptyTests(scopeOf(n).fn ?? n.getSourceFile(), p.left.text, skip, 1)) read = true;
        return;
      }
      read = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return read;
}

/** `error`, `error !== null`, `error != null`, `!!error`: a test that the error is set. */
function testsSet(cond: ts.Expression, name: string): boolean {
  if (ts.isParenthesizedExpression(cond)) return testsSet(cond.expression, name);
  // `error && error.code !== "PGRST116"`: set, and not the one expected error (held round 26): every
  // other error goes to the branch.
  if (ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return testsSet(cond.left, name) && excludesOneCode(cond.right, name);
  if (ts.isIdentifier(cond)) return cond.text === name;
  // `error || !lead`: every error goes to the branch (held round 37, a webhook's lead insert).
  if (ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsSet(cond.left, name) || testsSet(cond.right, name);
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(cond.operand) && cond.operand.operator === ts.SyntaxKind.ExclamationToken) return testsSet(cond.operand.operand, name);
  if (ts.isBinaryExpression(cond) && (cond.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || cond.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) {
    return ts.isIdentifier(cond.left) && cond.left.text === name && (cond.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(cond.right) && cond.right.text === "undefined"));
  }
  return false;
}

/** `error.code !== "PGRST116"`: a test that the error is not one given code. */
function excludesOneCode(cond: ts.Expression, name: string): boolean {
  if (!ts.isBinaryExpression(cond) || (cond.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && cond.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsToken)) return false;
  const field = cond.left;
  return ts.isPropertyAccessExpression(field) && ts.isIdentifier(field.expression) && field.expression.text === name && field.name.text === "code" && ts.isStringLiteralLike(cond.right);
}

/**
 * The `if (error) { log(…) }` right after the call, when the error is only logged there (no exit,
 * no else, no other statement) and read nowhere else: the code carries on as if the write worked.
 */
function logOnlyCheck(stmt: ts.VariableStatement, binding: ts.BindingElement, name: string, successElse = false, oneCaseExits = false, skipAcked = false): ts.IfStatement | undefined {
  const list = stmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list) && !ts.isCaseClause(list) && !ts.isDefaultClause(list)) return undefined;
  const next = list.statements[list.statements.indexOf(stmt) + 1];
  // `else { }`: an empty branch does nothing, as no `else` (held round 35, a webhook's status update).
  const orElse = next && ts.isIfStatement(next) && next.elseStatement && !(ts.isBlock(next.elseStatement) && next.elseStatement.statements.length === 0) ? next.elseStatement : undefined;
  if (!next || !ts.isIfStatement(next) || (orElse && !(successElse && onlyLogs(orElse))) || !testsSet(next.expression, name)) return undefined;
  const then = next.thenStatement;
  const body = ts.isBlock(then) ? then.statements : [then];
  const logs = (s: ts.Statement): boolean => ts.isExpressionStatement(s) && isLogCall(s.expression);
  // `if (error) { log(…); continue; }` in a loop that then counts only its successes (`result.archived++`).
  // Or in a webhook that then answers its provider 2xx: the item is skipped and the event acknowledged.
  const skipsToCount = (s: ts.Statement): boolean => s === body[body.length - 1] && ts.isContinueStatement(s) && !s.label && (countsOnlySuccessesAfter(next) || (skipAcked && endsAnswering2xx(next)));
  if (body.length === 0 || !body.every((s) => logs(s) || skipsToCount(s) || (oneCaseExits && exitsOnOneCase(s, name))) || !body.some(logs)) return undefined;
  // `const` and `let` are block-scoped: another `const { error: updateError }` in a sibling block
  // (the other branch of an `if`) is another binding, and does not read this one.
  const decl = binding.parent.parent;
  const scope = ts.isVariableDeclaration(decl) && decl.parent.flags & ts.NodeFlags.BlockScoped ? (ts.isBlock(list) || ts.isSourceFile(list) ? list : list.parent) : (scopeOf(binding).fn ?? binding.getSourceFile());
  if (references(scope, name, (n) => n === binding || n === next)) return undefined;
  return next;
}

/**
 * `const { error } = await supabase.from("user_profiles").insert(row); if (error) { log(error); return
 * Response.json({ success: true, warning: error.message, data: { id, username } }); }`: the branch
 * answers, but answers that the write worked, with data made up (held round 38's lead decision,
 * debatable: the "branch that answers" exemption means a failure answer). Logs, then that return.
 */
function answersMadeUpSuccess(stmt: ts.VariableStatement, name: string): ts.IfStatement | undefined {
  const list = stmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return undefined;
  const next = list.statements[list.statements.indexOf(stmt) + 1];
  if (!next || !ts.isIfStatement(next) || next.elseStatement || !testsSet(next.expression, name) || !ts.isBlock(next.thenStatement)) return undefined;
  const body = next.thenStatement.statements;
  const last = body[body.length - 1];
  if (!last || !ts.isReturnStatement(last) || !claimsSuccess(last.expression, true) || body.length < 2) return undefined;
  return body.slice(0, -1).every((s) => ts.isExpressionStatement(s) && isLogCall(s.expression)) ? next : undefined;
}

// An RPC that runs the SQL it is given, one statement of a migration: `exec_sql`, `run_sql`, `execute_migration`.
const RUNS_SQL_RE = /^rpc \w*(?:sql|exec|migrat)/i;

// A counter named for failures, skips or attempts: the failure is counted, or every item is.
const NOT_SUCCESS_COUNTER_RE = /fail|err|skip|invalid|reject|attempt|processed|total|seen|checked/i;

/**
 * `for (const source of toArchive) { const { error } = await …insert(…); if (error) { log(…);
 * continue; } … result.archived++; }`: a later statement of the loop's body, reached whenever the
 * check falls through, counts the item as done (`x++`, `x += 1` on a counter declared outside the
 * loop), and the skipped failure is counted
 * nowhere, so the run's answer counts only its successes (held round 26's lead decision, the
 * successes-only rule carried to an error branch; held round 35).
 */
function countsOnlySuccessesAfter(check: ts.IfStatement): boolean {
  const loop = enclosingLoop(check);
  if (!loop) return false;
  const loopStart = loop.getStart();
  const counter = (st: ts.Statement): boolean => {
    if (!ts.isExpressionStatement(st)) return false;
    const n = st.expression;
    const target = ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n) ? (n.operator === ts.SyntaxKind.PlusPlusToken ? n.operand : undefined) : ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken ? n.left : undefined;
    return !!target && !NOT_SUCCESS_COUNTER_RE.test(target.getText()) && declaredBefore(target, loopStart);
  };
  // A later statement of the check's block, or of a block around it up to the loop's body: reached
  // whenever the check falls through (a count inside another branch counts another write's success).
  for (let at: ts.Node = check; at !== loop && at.parent; at = at.parent) {
    const list = at.parent;
    if (!ts.isBlock(list)) continue;
    if (list.statements.slice(list.statements.indexOf(at as ts.Statement) + 1).some(counter)) return true;
  }
  return false;
}

/** `result.archived`, `added`: a counter whose root name is declared before `pos` (outside the loop), not a local of the loop's body. */
function declaredBefore(target: ts.Expression, pos: number): boolean {
  let root: ts.Expression = target;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return root.kind === ts.SyntaxKind.ThisKeyword;
  const name = root.text;
  let found = false;
  const sf = target.getSourceFile();
  const visit = (n: ts.Node): void => {
    if (found || n.getStart() >= pos) return;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && ts.isIdentifier(n.name) && n.name.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/**
 * A comment in a log-only branch explains the carry-on, as in a catch; not one that leads a nested
 * `if` on one kind of failure (`// If exec_sql is missing, we are stuck.` above `if (…) return false;`),
 * which speaks of that case only.
 */
function branchExplained(ctx: RuleContext, then: ts.Statement): boolean {
  const nested = ts.isBlock(then) ? then.statements.filter(ts.isIfStatement) : [];
  let from = then.getStart();
  for (const n of nested) {
    if (hasExplainingComment(ctx.text, from, n.getFullStart())) return true;
    from = n.getEnd();
  }
  return hasExplainingComment(ctx.text, from, then.getEnd());
}

/**
 * `if (error.message.includes("function exec_sql() does not exist")) { console.error(…); return false; }`
 * inside a log-only branch: one kind of failure ends the run, every other one falls through.
 */
function exitsOnOneCase(s: ts.Statement, name: string): boolean {
  if (!ts.isIfStatement(s) || s.elseStatement || !references(s.expression, name)) return false;
  const body = ts.isBlock(s.thenStatement) ? s.thenStatement.statements : [s.thenStatement];
  const last = body[body.length - 1];
  return !!last && ts.isReturnStatement(last) && body.slice(0, -1).every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression));
}

/** `else { console.log("Payment record updated successfully"); }`: a success line, no other work. */
function onlyLogs(st: ts.Statement): boolean {
  const body = ts.isBlock(st) ? st.statements : [st];
  return body.length > 0 && body.every((s) => ts.isExpressionStatement(s) && isLogCall(s.expression));
}

/**
 * A webhook's handler (`app/api/webhooks/stripe/route.ts`, `supabase/functions/stripe-webhook/`):
 * its writes are what the provider's event asked for, and the provider, answered 200 whatever
 * happened, never sends the event again. There an `if (error) { log } else { log success }` on a
 * write loses the event as the `if` without `else` does (held rounds 21, 23/24, 28, 29 and 30
 * labelled it a finding in payment webhooks). Not where the write sits in a try whose catch
 * explains that the step must not fail the webhook (a best-effort calendar sync).
 */
function answersAWebhook(ctx: RuleContext, stmt: ts.Node, byPath = true): boolean {
  if (byPath ? !ctx.path.split(/[\\/]/).slice(-4).some((seg) => /webhook/i.test(seg)) : !handlesAWebhook(stmt)) return false;
  for (let p: ts.Node = stmt; p.parent && !ts.isSourceFile(p.parent); p = p.parent) {
    const t = p.parent;
    if (ts.isTryStatement(t) && t.tryBlock === p && t.catchClause && hasExplainingComment(ctx.text, t.catchClause.block.getStart(), t.catchClause.block.getEnd())) return false;
  }
  return true;
}

/**
 * `return jsonResponse({ status: "received" }, 200);` as the last statement of the function around
 * `node`: what the provider sees once the loop is done (a normal answer, or a call given a 2xx status).
 */
function endsAnswering2xx(node: ts.Node): boolean {
  const fn = scopeOf(node).fn;
  const body = fn?.body && ts.isBlock(fn.body) ? fn.body.statements : undefined;
  const last = body?.[body.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return false;
  let e: ts.Expression = last.expression;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (isNormalResponse(e)) return true;
  const args = ts.isCallExpression(e) ? e.arguments : undefined;
  const status = args && args.length > 1 ? args[args.length - 1] : undefined;
  return !!status && ts.isNumericLiteral(status) && Number(status.text) >= 200 && Number(status.text) < 300;
}

/** The log calls of a log-only check (`logOnlyCheck`): its branch holds nothing else. */
function logCallsOf(check: ts.IfStatement): ts.CallExpression[] {
  const then = check.thenStatement;
  return (ts.isBlock(then) ? [...then.statements] : [then]).flatMap((s) => (ts.isExpressionStatement(s) ? [logCallOf(s.expression)].filter((c): c is ts.CallExpression => c !== undefined) : []));
}

/**
 * A throw at `node` breaks what the code around it keeps: an event hook a library calls (R67), or a
 * loop whose other failure branches skip the item (R40). Only the fixes that add information fit.
 */
function throwBreaksContract(env: FixEnv, node: ts.Node): boolean {
  return isLibraryEventHook(env.scope.fn) || loopSkipsFailedItems(node);
}

/**
 * Safe: `if (error) console.error("Failed to save note");` logs that the write failed but not why:
 * add the error to the log call (in the logger's own shape: pino's `{ err }` first), as a catch's
 * log line that leaves the error out gets. Undefined when a log line of the branch already reads it.
 */
function addErrorToLogFix(env: FixEnv, check: ts.IfStatement, name: string): Fix | undefined {
  const logs = logCallsOf(check);
  if (logs.length === 0 || logs.some((c) => references(c, name))) return undefined;
  const edits = addToLogCall(env, logs[0]!, name);
  return edits ? { title: `Add ${name} to the log call`, kind: "safe", isPreferred: true, edits } : undefined;
}

/** Suggestion: throw the error after the log line (`if (error) { log(error); throw error; }`). */
function throwAfterLogFix(env: FixEnv, check: ts.IfStatement, name: string): Fix | undefined {
  if (throwBreaksContract(env, check)) return undefined;
  const then = check.thenStatement;
  const semi = env.style.semi;
  if (ts.isBlock(then) && then.statements.length > 0) {
    const last = then.statements[then.statements.length - 1]!;
    // `if (error) { log(error); continue; }`: the throw takes the place of the skip.
    if (ts.isContinueStatement(last)) return { title: "Throw the error after logging it", kind: "suggestion", edits: [{ start: last.getStart(), end: last.getEnd(), text: `throw ${name}${semi || ";"}` }] };
    const ind = lineIndentAt(env.ctx.text, last.getStart());
    const oneLine = !env.ctx.text.slice(then.getStart(), then.getEnd()).includes("\n");
    return { title: "Throw the error after logging it", kind: "suggestion", edits: [{ start: last.getEnd(), end: last.getEnd(), text: oneLine ? ` throw ${name}${semi}` : `${env.style.eol}${ind}throw ${name}${semi}` }] };
  }
  // A branch without braces: on its own line, or in a style without semicolons, it becomes a block of
  // lines (two statements on one line need a `;` that style does not write; production capgo); on the
  // `if`'s line, one line.
  const statement = then.getText();
  const sameLine = !env.ctx.text.slice(check.expression.getEnd(), then.getStart()).includes("\n");
  if (!sameLine || semi === "") {
    const braced = bracedBranch(env, check, [`throw ${name}${semi}`]);
    return braced ? { title: "Throw the error after logging it", kind: "suggestion", edits: [braced] } : undefined;
  }
  const sep = statement.endsWith(";") ? " " : "; ";
  return { title: "Throw the error after logging it", kind: "suggestion", edits: [{ start: then.getStart(), end: then.getEnd(), text: `{ ${statement}${sep}throw ${name}${semi || ";"} }` }] };
}

/**
 * The name the fix binds the write's error to: `error`, else `<operation>Error` (`insertError`),
 * else `resultError`, `resultError2`…, the first one the function (or file) does not spell yet and
 * that no dropped write before it in the same function takes. Every fix `--fix`, `source.fixAll` or
 * ESLint's autofix applies together then declares its own name: two writes in one block each got
 * `const { error }`, a redeclaration (the CLI left one out; ESLint's autofix wrote it; session 31's
 * fix-safety review, Aloha-Card-Shop/bolt-tradeinapp `refresh-tcg-database/index.ts`).
 */
function errorNameFor(ctx: RuleContext, stmt: ts.Node): string {
  const fn = scopeOf(stmt).fn ?? stmt.getSourceFile();
  let names = errorNames.get(fn);
  if (!names) {
    // Once per function: a function of many dropped writes asks once per write.
    const text = fn.getText();
    const taken = new Set<string>();
    names = new Map();
    for (const site of droppedWrites(ctx, fn)) {
      const name = freeErrorName(text, site.what, taken);
      taken.add(name);
      names.set(site.stmt, name);
    }
    errorNames.set(fn, names);
  }
  return names.get(stmt) ?? freeErrorName(fn.getText(), "result", new Set(names.values()));
}

const errorNames = new TreeMemo<ts.Node, Map<ts.Node, string>>();

function freeErrorName(fnText: string, what: string, taken: ReadonlySet<string>): string {
  const op = what.split(" ")[0]!.replace(/^\w/, (c) => c.toLowerCase());
  const free = (name: string) => !taken.has(name) && !new RegExp(`\\b${name}\\b`).test(fnText);
  for (const name of ["error", `${op}Error`, "resultError"]) if (free(name)) return name;
  for (let n = 2; ; n++) if (free(`resultError${n}`)) return `resultError${n}`;
}

/**
 * The awaited supabase-js writes of a function (not of the functions inside it) whose fix binds a
 * new error name: dropped (`await supabase.from("t").insert(row);`) or destructured without
 * `error` (`const { data } = await …`), in the order of the code.
 */
function droppedWrites(ctx: RuleContext, fn: ts.Node): { stmt: ts.Node; what: string }[] {
  const out: { stmt: ts.Node; what: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (n !== fn && isFunctionLikeDeclaration(n)) return;
    if (ts.isAwaitExpression(n)) {
      const p = unparen(n);
      const call = resultCall(ctx, n.expression);
      if (call && ts.isExpressionStatement(p)) out.push({ stmt: p, what: call.what });
      else if (call && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name) && p.parent.parent && ts.isVariableStatement(p.parent.parent)) out.push({ stmt: p.parent.parent, what: call.what });
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}

function logStatement(env: FixEnv, err: string, what: string, at: ts.Node): string | undefined {
  const call = fittingLogCall(env, quote(`${what} failed`, env.style.quote), err, [], at);
  return call === undefined ? undefined : `if (${err}) ${call}${env.style.semi}`;
}

function throwStatement(env: FixEnv, err: string): string {
  return `if (${err}) throw ${err}${env.style.semi}`;
}

function after(env: FixEnv, stmt: ts.Statement, line: string): TextEdit {
  const ind = lineIndentAt(env.ctx.text, stmt.getStart());
  return { start: stmt.getEnd(), end: stmt.getEnd(), text: `${env.style.eol}${ind}${line}` };
}

function fixes(env: FixEnv, stmt: ts.Statement, err: string, what: string, bind: TextEdit[]): Fix[] {
  const out: Fix[] = [];
  const log = logStatement(env, err, what, stmt);
  if (log) out.push({ title: `Log the error with ${env.log!.logger.label}`, kind: "safe", isPreferred: true, edits: [...env.log!.imports, ...bind, after(env, stmt, log)] });
  if (!throwBreaksContract(env, stmt)) out.push({ title: "Throw the error", kind: "suggestion", edits: [...bind, after(env, stmt, throwStatement(env, err))] });
  return out;
}

/** The safe log fix alone: a throw would also end the fallback the code runs for its one expected error. */
function logOnlyFix(env: FixEnv, stmt: ts.Statement, err: string, what: string): Fix[] {
  const log = logStatement(env, err, what, stmt);
  return log ? [{ title: `Log the error with ${env.log!.logger.label}`, kind: "safe", isPreferred: true, edits: [...env.log!.imports, after(env, stmt, log)] }] : [];
}

// A notice to a person (`notifications`, `user_notifications`): best effort after the main work.
const NOTICE_TABLE_RE = /^(?:insert into|upsert into) \w*notif\w*$/i;

// A delivery of the notice itself: `sendSms(to, body)`, `sendEmail(…)`, `resend.emails.send(…)` (not a `send…Notifications` that writes the rows).
const DELIVERY_RE = /^send(?:[A-Z]\w*)?$/;

/**
 * `const { error } = await supabase.from("notifications").insert({ …, sent_at }); if (error) log(error)`
 * in a module whose own job is something else: it writes another table or delivers a message
 * (`sendSms`, `sendEmail`), and never reads the notice table back (`.from("notifications").select`).
 * The row is bookkeeping of that work (held round 37, rt-app's `logNotification`); a module whose only
 * write is the notice rows (a nudging cron) has them as its job, and a table the module selects from,
 * such as an already-sent dedupe set, is state (round 29).
 */
function noticeRowIsBookkeeping(ctx: RuleContext, what: string): boolean {
  const table = what.slice(what.lastIndexOf(" ") + 1);
  // One read of the file per notice table: every insert into it gets the same answer.
  let byTable = noticeBookkeeping.get(ctx.sourceFile);
  if (!byTable) noticeBookkeeping.set(ctx.sourceFile, (byTable = new Map()));
  let answer = byTable.get(table);
  if (answer === undefined) byTable.set(table, (answer = readNoticeTable(ctx.sourceFile, table)));
  return answer;
}

const noticeBookkeeping = new TreeMemo<ts.SourceFile, Map<string, boolean>>();

function readNoticeTable(sf: ts.SourceFile, table: string): boolean {
  let readBack = false;
  let otherWork = false;
  const visit = (n: ts.Node): void => {
    if (readBack) return;
    if (ts.isCallExpression(n)) {
      const name = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : ts.isIdentifier(n.expression) ? n.expression.text : "";
      if (DELIVERY_RE.test(name) && !/notif/i.test(name)) otherWork = true;
      const { links } = chainOf(n);
      const from = links.findIndex((l) => l.name === "from" && l.call);
      const t = from >= 0 ? firstStringArg(links[from]!.call) : undefined;
      if (t !== undefined && links[links.length - 1]?.call === n) {
        const ops = links.slice(from + 1).map((l) => l.name);
        if (t === table && ops.includes("select") && !ops.some((o) => TABLE_WRITES.has(o))) readBack = true;
        else if (t !== table && !/notif/i.test(t) && ops.some((o) => TABLE_WRITES.has(o))) otherWork = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return otherWork && !readBack;
}

/** Where a `const`/`let` declared by `stmt` can be read: its block, else the function or file. */
function blockScope(stmt: ts.VariableStatement, decl: ts.Node): ts.Node {
  const list = stmt.parent;
  if (stmt.declarationList.flags & ts.NodeFlags.BlockScoped) return ts.isCaseClause(list) || ts.isDefaultClause(list) ? list.parent : list;
  return scopeOf(decl).fn ?? decl.getSourceFile();
}

/**
 * `isMissingTableError(err, "t")`, `err.code === "42P01"`, `err.message.includes("column")`, and
 * `||` of them: a test that picks one kind of error (not a negated one, which takes all the others).
 */
function testsOneCase(t: ts.Expression, errText: string): boolean {
  t = unparenthesized(t);
  if (ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsOneCase(t.left, errText) && testsOneCase(t.right, errText);
  const mentions = t.getText().includes(errText);
  if (ts.isCallExpression(t)) return mentions;
  if (ts.isBinaryExpression(t) && (t.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || t.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) return mentions && (ts.isStringLiteralLike(t.right) || ts.isNumericLiteral(t.right));
  return false;
}

/**
 * `if (r.error && isMissingTableError(r.error, "financial_transactions")) { …legacy fallback… }`
 * and nothing else reads the error: the one expected failure (a table or column not there yet) is
 * handled, every other one is dropped as if the error were never bound (held round 30, labelled
 * findings on ledger writes). `whole`: the result is kept whole and its error read as `name.error`
 * (its other fields, `name.data`, may be read freely); a result used whole (returned, handed on) is read.
 */
function readOnlyForOneCase(scope: ts.Node, name: string, whole: boolean, decl: ts.Node): boolean {
  let tests = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === name && n !== decl && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      let e: ts.Expression = n;
      if (whole) {
        if (!ts.isPropertyAccessExpression(n.parent) || n.parent.expression !== n) {
          other = true;
          return;
        }
        if (n.parent.name.text !== "error") return;
        e = n.parent;
      }
      // The nearest `E && T` above this read that is an `if`'s whole test.
      const errText = e.getText();
      let cur: ts.Node = e;
      for (; cur.parent && !ts.isStatement(cur.parent); cur = cur.parent) {
        const p = cur.parent;
        if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && unparenthesized(p.left).getText() === errText) {
          let top: ts.Node = p;
          while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
          if (ts.isIfStatement(top.parent) && top.parent.expression === top && testsOneCase(p.right, errText)) {
            if (cur === p.left || unparenthesized(p.left) === e) tests++;
            return;
          }
        }
      }
      other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return !other && tests > 0;
}

/** The destructuring element that binds the error under `name`. */
function errorBinding(name: string): string {
  return name === "error" ? "error" : `error: ${name}`;
}

/**
 * `Promise.all([…])`, `Promise.all(list)` written as an array literal: its elements. Also a list
 * mapped in place, `Promise.all(recs.map((rec) => supabase.from("t").insert(rec)))`, and a `const`
 * of the same function read only there (`const inserts = recs.map(…); await Promise.all(inserts);`,
 * held round 33): the callback's answer, each element's call.
 */
function allElements(e: ts.Expression): readonly ts.Expression[] {
  if (!ts.isCallExpression(e) || e.expression.getText() !== "Promise.all") return [];
  let arr: ts.Expression | undefined = e.arguments[0];
  if (arr && ts.isIdentifier(arr)) arr = listOnlyAwaitedHere(arr);
  if (!arr) return [];
  if (ts.isArrayLiteralExpression(arr)) return arr.elements;
  const answer = mappedAnswer(arr);
  return answer ? [answer] : [];
}

/** `list.map((x) => call(x))`, or with a block that only returns it: the callback's answer. */
function mappedAnswer(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "map" || e.arguments.length !== 1) return undefined;
  const cb = e.arguments[0]!;
  if (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb)) return undefined;
  if (!ts.isBlock(cb.body)) return cb.body;
  const [only, ...more] = cb.body.statements;
  return only && more.length === 0 && ts.isReturnStatement(only) ? only.expression : undefined;
}

/** The initializer of the `const` `id` names, declared in the function of `id` and read nowhere else. */
function listOnlyAwaitedHere(id: ts.Identifier): ts.Expression | undefined {
  let fn: ts.Node | undefined = id.parent;
  while (fn && !isFunctionLikeDeclaration(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return undefined;
  let init: ts.Expression | undefined;
  let uses = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === id.text) {
      const list = n.parent;
      if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const && n.initializer) init = n.initializer;
      else uses += 2;
      if (n.initializer) visit(n.initializer);
      return;
    }
    if (ts.isIdentifier(n) && n.text === id.text) uses++;
    n.forEachChild(visit);
  };
  visit(fn);
  return uses === 1 ? init : undefined;
}

/**
 * `await Promise.all([supabase.functions.invoke("notify", …), cond ? supabase.from("t").insert(r) :
 * Promise.resolve()])` as a statement: every result is dropped with its error, as for one awaited
 * write; reported once, at the first such call. No fix: the results are an array of `{ error }` (or nothing) to bind and check one by one.
 */
function checkDroppedAll(ctx: RuleContext, e: ts.Expression): void {
  for (const el of allElements(e)) {
    let inner = el;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    const branches = ts.isConditionalExpression(inner) ? [inner.whenTrue, inner.whenFalse] : [inner];
    for (const b of branches) {
      const call = resultCall(ctx, b);
      // One finding for the statement, at its first such call: one dropped array of results.
      if (call && !writesACache(b, call.what)) return ctx.report({ case: "resultErrorIgnored", node: b, data: sdkData(call), fixes: () => [] });
    }
  }
}

// A write into a cache table (`cnpj_cache`, `page_cache`); not a delete, which leaves a stale entry.
const CACHE_WRITE_RE = /^(?:insert into|upsert into|update on) \w*cache\w*$/i;

/**
 * `await supabase.from("cnpj_cache").upsert(row)`: a write into a cache table, in a function whose
 * own job is not the cache, is best effort by nature (as a log line that names a cache); a failed
 * one costs the next request a lookup. A delete (a stale entry) stays reported, and so does a
 * write in `refreshCache`, `cacheUser`.
 */
function writesACache(node: ts.Node, what: string): boolean {
  return CACHE_WRITE_RE.test(what) && !sideJobIsPurpose(scopeOf(node).name);
}

/**
 * `try { await supabase.rpc("set_current_org", { id }); } catch (e) { // If the function doesn't
 * exist yet, that's okay; … }`: the call is the try's one statement and its catch holds a comment
 * that explains the carry-on. The author meant the call's failure to be tolerated; a result error
 * goes past the catch, but what is lost is the same carry-on, as for a comment in an `if (error)` branch.
 */
function catchExplainsTheOneCall(ctx: RuleContext, stmt: ts.ExpressionStatement): boolean {
  const block = stmt.parent;
  if (!ts.isBlock(block) || block.statements.length !== 1 || !ts.isTryStatement(block.parent) || block.parent.tryBlock !== block) return false;
  const clause = block.parent.catchClause;
  return clause !== undefined && hasExplainingComment(ctx.text, clause.block.getStart(), clause.block.getEnd());
}

/** Reports an awaited supabase-js write whose `{ error }` nobody reads. */
export function checkResultError(ctx: RuleContext, node: ts.AwaitExpression): void {
  const parent = unparen(node);
  if (!ts.isExpressionStatement(parent) && !ts.isVariableDeclaration(parent)) return;
  if (ts.isExpressionStatement(parent)) checkDroppedAll(ctx, node.expression);
  // `await resend.emails.send(…)` whose `{ error }` nobody reads, while the code says the e-mail went (resend-result.ts).
  const call = resultCall(ctx, node.expression) ?? (isResendSend(node.expression) && claimsSent(node) && !inLogOnlyTry(node) ? { what: "e-mail send", handed: false, sdk: "resend" as const } : undefined);
  if (!call || writesACache(node, call.what)) return;
  const report = (caseId: "resultErrorIgnored" | "resultErrorLogOnly", build: (env: FixEnv) => Fix[], check?: ts.IfStatement): void =>
    ctx.report({
      case: caseId,
      // A log-only check is part of the finding: from the call to the `if (error)` that only logs,
      // where the labels of held rounds 23 to 25 put it as often as on the call.
      ...(check ? { range: { start: node.getStart(), end: ctx.text.lastIndexOf(")", check.thenStatement.getStart()) + 1 } } : { node }),
      data: sdkData(call),
      fixes: () => build(fixEnv(ctx, scopeOf(node))),
    });
  if (ts.isExpressionStatement(parent)) {
    if (catchExplainsTheOneCall(ctx, parent)) return;
    report("resultErrorIgnored", (env) => {
      // Binding `{ error }` from a callback's answer would read the wrong value, or throw.
      if (call.handed) return [];
      const err = errorNameFor(ctx, parent);
      const bind: TextEdit = { start: parent.getStart(), end: parent.getStart(), text: `const { ${errorBinding(err)} } = ` };
      return fixes(env, parent, err, call.what, [bind]);
    });
    return;
  }
  const stmt = parent.parent?.parent;
  if (!stmt || !ts.isVariableStatement(stmt)) return;
  // `const result = await resend.emails.send(…); return { success: true, messageId: result.data?.id }`: only its data read.
  if (call.sdk === "resend" && ts.isIdentifier(parent.name)) {
    const name = parent.name.text;
    if (!readsErrorOrWhole(blockScope(stmt, parent.name), name, parent.name)) report("resultErrorIgnored", (env) => logOnlyFix(env, stmt, `${name}.error`, call.what));
    return;
  }
  // `const r = await supabase.from("ledger").update(…); if (r.error && isMissingTableError(r.error)) { … }`.
  if (ts.isIdentifier(parent.name)) {
    const name = parent.name.text;
    if (!NOTICE_TABLE_RE.test(call.what) && readOnlyForOneCase(blockScope(stmt, parent.name), name, true, parent.name)) report("resultErrorIgnored", (env) => logOnlyFix(env, stmt, `${name}.error`, call.what));
    return;
  }
  if (!ts.isObjectBindingPattern(parent.name)) return;
  const pattern = parent.name;
  if (pattern.elements.some((el) => el.dotDotDotToken)) return;
  const errEl = pattern.elements.find((el) => (el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "") === "error");
  if (errEl) {
    if (!ts.isIdentifier(errEl.name)) return;
    const bound = errEl.name.text;
    // Each statement of a migration (an RPC that runs SQL: `exec_sql`) only printed on failure, and the
    // script then says it completed (script-run.ts). A seed's inserts keep the `else` rule (a decided label).
    const claimsCompletion = RUNS_SQL_RE.test(call.what) && loopThenClaimsCompletion(stmt);
    // The `else` rule keeps the documented scope (a path that names a webhook); a skipped item is
    // judged by what the provider sees, in any webhook handler (webhook-ack.ts).
    const check = logOnlyCheck(stmt, errEl, bound, answersAWebhook(ctx, stmt) || claimsCompletion, claimsCompletion, answersAWebhook(ctx, stmt, false));
    // `if (error) { log(error); // Don't fail the request if the update fails }`: a comment in the
    // branch explains the carry-on, as in a catch.
    if (check && branchExplained(ctx, check.thenStatement)) return;
    // `const { error } = await supabase.from("webhook_logs").insert(entry); if (error) log(error)`:
    // the write was itself a log record (an audit trail, a log table); the log says it failed.
    if (check && LOG_TABLE_RE.test(call.what)) return;
    // `const { error } = await supabase.from("notifications").insert({ …, sent_at }); if (error) log(error)`:
    // bookkeeping of the module's own work (noticeRowIsBookkeeping).
    if (check && NOTICE_TABLE_RE.test(call.what) && noticeRowIsBookkeeping(ctx, call.what)) return;
    // `update({ completed: true })` of a row a scheduled job's loop read as pending: success-count.ts.
    if (check && call.what.startsWith("update on ") && stateWriteLeavesItemPending(stmt, call.what.slice("update on ".length), ctx.path)) return;
    // `if (resetError) console.warn("Error resetting stuck jobs (non-fatal):", resetError)`: the log
    // line says the failure is tolerated (held round 27), as it does in a catch.
    if (check && logsDeliberateFallback(logCallsOf(check))) return;
    const claims = check ? undefined : answersMadeUpSuccess(stmt, bound);
    if (claims && !branchExplained(ctx, claims.thenStatement)) {
      report("resultErrorLogOnly", () => [], claims);
      return;
    }
    if (check) report("resultErrorLogOnly", (env) => [addErrorToLogFix(env, check, bound), throwAfterLogFix(env, check, bound)].filter((f): f is Fix => f !== undefined), check);
    // `if (error && isMissingColumnError(error, "body")) { … }`: only one kind of failure is acted on.
    else if (!NOTICE_TABLE_RE.test(call.what) && ts.isIdentifier(errEl.name) && readOnlyForOneCase(blockScope(stmt, errEl), bound, false, errEl.name)) report("resultErrorIgnored", (env) => logOnlyFix(env, stmt, bound, call.what));
    // `if (error) {} else {}`, or `lastError = error` tested only so: the error is never acted on (held round 22).
    else if (!readElsewhere(errEl, bound) || !readsBeyondEmptyTests(stmt.parent, bound, errEl)) report("resultErrorIgnored", (env) => fixes(env, stmt, bound, call.what, []));
    return;
  }
  if (missingDataFails(stmt, pattern)) return;
  report("resultErrorIgnored", (env) => {
    if (call.handed) return [];
    const err = errorNameFor(ctx, stmt);
    const last = pattern.elements[pattern.elements.length - 1];
    const at = last ? last.getEnd() : pattern.getStart() + 1;
    const bind: TextEdit = { start: at, end: at, text: last ? `, ${errorBinding(err)}` : ` ${errorBinding(err)} ` };
    return fixes(env, stmt, err, call.what, [bind]);
  });
}

/** `return null`, `return undefined`, `return false`, `return;`: the function's "could not" answer. */
function answersNone(st: ts.Statement): boolean {
  if (!ts.isReturnStatement(st)) return false;
  const e = st.expression;
  return !e || e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/**
 * `const { data } = await supabase.from("profiles").insert(row).select().single(); if (!data) throw
 * new Error("Failed to create default profile");` (also `if (!data) return null;`): the write's
 * failure leaves `data` null, and the statement right after turns that into an explicit error or
 * the function's "could not" answer (held round 28, decided clean, debatable: the cause is lost,
 * the failure is not). A missing row skipped or replaced by a stand-in stays reported.
 */
function missingDataFails(stmt: ts.VariableStatement, pattern: ts.ObjectBindingPattern): boolean {
  const el = pattern.elements.find((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : "") === "data");
  if (!el || !ts.isIdentifier(el.name)) return false;
  const name = el.name.text;
  const list = stmt.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return false;
  const next = list.statements[list.statements.indexOf(stmt) + 1];
  if (next && readsRowIntoFailingCatch(stmt, next, name)) return true;
  if (!next || !ts.isIfStatement(next) || next.elseStatement) return false;
  const cond = next.expression;
  if (!ts.isPrefixUnaryExpression(cond) || cond.operator !== ts.SyntaxKind.ExclamationToken || !ts.isIdentifier(cond.operand) || cond.operand.text !== name) return false;
  const then = next.thenStatement;
  const first = ts.isBlock(then) ? (then.statements.length === 1 ? then.statements[0] : undefined) : then;
  return first !== undefined && (ts.isThrowStatement(first) || answersNone(first));
}

/** `row`, `row && paid`, `paid && row !== null`: a condition that holds only when `name` is there. */
function testsPresent(cond: ts.Expression, name: string): boolean {
  const e = unparenthesized(cond);
  if (ts.isIdentifier(e)) return e.text === name;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return testsPresent(e.left, name) || testsPresent(e.right, name);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) return ts.isIdentifier(e.left) && e.left.text === name && (e.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e.right) && e.right.text === "undefined"));
  return false;
}

/**
 * `const { data: request } = await supabase.from("requests").insert(row).select().single();
 * await sendEmail(…, \`…?request=${request.id}\`);` in a try whose catch answers a failure (a 500, a
 * throw): the statement right after reads a field of the row without `?.`, so a failed write
 * (`data` null) throws a `TypeError` there, before anything claims success, into the catch's failure
 * answer (held round 32's lead decision, clean, debatable: nothing carries on as if it worked).
 * A read through `?.`, a later statement, or a catch that only logs stays reported.
 */
function readsRowIntoFailingCatch(stmt: ts.Statement, next: ts.Statement, name: string): boolean {
  let reads = false;
  const visit = (n: ts.Node): void => {
    if (reads || isFunctionLikeDeclaration(n)) return;
    if (ts.isPropertyAccessExpression(n) && !n.questionDotToken && ts.isIdentifier(n.expression) && n.expression.text === name) reads = true;
    // `if (row && paid) { … row.id … }`, `row && row.id`, `row ? row.id : null`: a read behind a
    // test of the row never throws, so a failed write skips it as a `?.` read does (tune round 34).
    else if (ts.isIfStatement(n) && testsPresent(n.expression, name)) {
      visit(n.expression);
      if (n.elseStatement) visit(n.elseStatement);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && testsPresent(n.left, name)) visit(n.left);
    else if (ts.isConditionalExpression(n) && testsPresent(n.condition, name)) {
      visit(n.condition);
      visit(n.whenFalse);
    } else ts.forEachChild(n, visit);
  };
  visit(next);
  if (!reads) return false;
  for (let p: ts.Node = stmt; p.parent && !isFunctionLikeDeclaration(p.parent); p = p.parent) {
    const t = p.parent;
    if (ts.isTryStatement(t) && t.tryBlock === p) return t.catchClause !== undefined && signalsFailure(t.catchClause.block);
  }
  return false;
}

/**
 * `supabase.from("routes").update(patch).eq("id", id).then();`: a write fired with an empty `.then()`,
 * its result (and its `error`) dropped, with no comment saying it is meant (held round 28, debatable).
 */
export function checkBareThen(ctx: RuleContext, node: ts.CallExpression): void {
  const callee = node.expression;
  if (node.arguments.length !== 0 || !ts.isPropertyAccessExpression(callee) || callee.name.text !== "then") return;
  const stmt = unparen(node);
  if (!ts.isExpressionStatement(stmt)) return;
  const call = resultCall(ctx, callee.expression);
  if (!call || writesACache(node, call.what)) return;
  if ((ts.getLeadingCommentRanges(ctx.text, stmt.getFullStart()) ?? []).length > 0) return;
  ctx.report({ case: "resultErrorIgnored", node, data: sdkData(call), fixes: () => [] });
}

/** The message's words for the call's SDK. */
function sdkData(call: ResultCall): Record<string, string> {
  return call.sdk === "resend" ? { what: call.what, sdk: "Resend", lib: "the Resend SDK" } : { what: call.what, sdk: "Supabase", lib: "supabase-js" };
}

/** A read of `name.error`, or of the result whole (returned, handed on), in the scope. */
function readsErrorOrWhole(scope: ts.Node, name: string, decl: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      return !ts.isPropertyAccessExpression(n.parent) || n.parent.name.text === "error";
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(scope);
}

/**
 * The send is in a try whose catch only logs: that catch is reported for the failure already
 * (`try { await resend.emails.send(…); console.log("sent"); } catch (e) { console.error(e); }`), one finding for one lost failure.
 */
function inLogOnlyTry(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n && !isFunctionLikeDeclaration(n); n = n.parent) {
    if (ts.isBlock(n) && ts.isTryStatement(n.parent) && n.parent.tryBlock === n && n.parent.catchClause) {
      const c = n.parent.catchClause;
      return c.block.statements.length > 0 && c.block.statements.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression));
    }
  }
  return false;
}
