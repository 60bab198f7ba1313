/**
 * A new error whose message a project helper builds from the caught one, answering fixed text for
 * some statuses or codes (retired held round 43's griffinwork40/elevenlabs-voice-agent-mcp, the
 * lead's decision from held round 22's `throw classifyError(err)`, debatable):
 *
 *   catch (error) { throw new Error(handleElevenLabsError(error)); }
 *   function handleElevenLabsError(error: unknown): string {
 *     …; switch (error.response.status) { case 401: return "Invalid API key."; case 500: return "Server error. Try again."; … }
 *     if (error.code === "ECONNABORTED") return "Request timed out."; …
 *   }
 *
 * For those statuses the text says nothing of the error, and the error itself (its stack, the
 * response) is gone: the docs' rethrowWithoutCause. Known by the helper (a function of the file, or
 * one imported from a module of the project) taking the caught error as an argument, with a return
 * that reads nothing of it inside a `switch` or an `if` on a status or code read off it. A helper
 * that only falls back to fixed text for a thrown non-Error (`return "Unknown error"`) keeps the text
 * of every real error and is not one; nor is a new error given a `cause` (a second argument).
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike, topLevelFunction } from "../../engine/ast";
import type { RuleContext } from "../../engine/types";
import { TreeMemo } from "../../engine/tree-memo";
import { importedFunction, projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { references } from "./analysis";

// Per helper and parameter: whether it answers fixed text for some statuses (a helper many catches call is read once).
const lossy = new TreeMemo<ts.FunctionLikeDeclaration, Map<string, boolean>>();

// What a status or code test reads off the error: `.status`, `.statusCode`, `.code`, `.errno`.
const STATUS_FIELD_RE = /\.(?:status|statusCode|code|errno)\b/;

/** The helper a call reaches: a top-level function of the file, or one of a project module it imports (`importedFunction`). */
function helperOf(ctx: RuleContext, call: ts.CallExpression & { expression: ts.Identifier }): ts.FunctionLikeDeclaration | undefined {
  return topLevelFunction(call.expression.text, ctx.sourceFile) ?? importedFunction(call, ctx.sourceFile, ctx.path.replace(/\\/g, "/"), projectFilesOf(ctx))?.fn;
}

/** The parameter and the locals its body derives from it (`const status = error.response.status`), in source order. */
function derivedNames(fn: ts.FunctionLikeDeclaration, param: string): Set<string> {
  const names = new Set([param]);
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && [...names].some((x) => references(n.initializer!, x))) names.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return names;
}

/** A return of text that reads nothing of the error, under a `switch` or `if` on its status or code. */
function fixedTextForAStatus(fn: ts.FunctionLikeDeclaration, names: Set<string>): boolean {
  const readsError = (n: ts.Node): boolean => [...names].some((x) => references(n, x));
  const onStatus = (test: ts.Expression): boolean => readsError(test) && (STATUS_FIELD_RE.test(test.getText()) || (ts.isIdentifier(test) && /status|code/i.test(test.text)));
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !readsError(n.expression)) {
      for (let at: ts.Node = n.parent; at !== fn.body && !found; at = at.parent) {
        if (ts.isCaseClause(at) && onStatus(at.parent.parent.expression)) found = true;
        else if (ts.isIfStatement(at) && onStatus(at.expression)) found = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** `new Error(helper(err))` where the helper answers fixed text for some statuses (see the module comment). */
export function messageFromLossyHelper(ctx: RuleContext, ne: ts.Expression, errName: string): boolean {
  if (!ts.isNewExpression(ne) || (ne.arguments?.length ?? 0) !== 1) return false;
  const msg = ne.arguments![0]!;
  if (!ts.isCallExpression(msg) || !ts.isIdentifier(msg.expression)) return false;
  const at = msg.arguments.findIndex((a) => ts.isIdentifier(a) && a.text === errName);
  if (at < 0) return false;
  const fn = helperOf(ctx, msg as ts.CallExpression & { expression: ts.Identifier });
  const param = fn?.parameters[at]?.name;
  if (!fn || !param || !ts.isIdentifier(param)) return false;
  let known = lossy.get(fn);
  if (!known) lossy.set(fn, (known = new Map()));
  let answer = known.get(param.text);
  if (answer === undefined) known.set(param.text, (answer = fixedTextForAStatus(fn, derivedNames(fn, param.text))));
  return answer;
}
