/**
 * Log-only catches around steps that are best effort by what they are (production Flowise):
 *
 *   private async cleanEmptyS3Folders(prefix: string) { try { …list, delete the empty marker, recurse… } catch (e) { log(e); } }
 *   if (hashNeedsUpgrade(user.credential, rounds)) { try { await save({ ...user, credential: getHash(pw) }); } catch (e) { log(e); } }
 *   if (schemaText) { try { …; return z.object(custom); } catch (e) { log(e); } }
 *   // Fallback to generic query params
 *   return z.object({ queryParams: z.record(z.string()).optional() });
 *
 * The first tidies away folders that are already empty after the real deletes: a failure leaves an
 * empty folder behind. The second upgrades a password hash that still verifies, on a successful
 * login: a failure keeps the old hash, and the next login tries again. The third falls through to
 * the answer the function gives when the optional input is not given at all, under a comment that
 * names it the fallback.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { exitsEarly, references } from "./analysis";
import { enclosingFunction, functionName } from "./scope";

// `cleanEmptyS3Folders`, `removeEmptyDirs`, `pruneEmptyDirectories`: a function that only tidies empty folders away.
const EMPTY_FOLDERS_FN_RE = /^(?:clean|cleanup|cleanUp|remove|delete|prune|purge)\w*Empty\w*(?:Folders?|Dirs?|Director(?:y|ies)|Prefix(?:es)?)$/;
// `hashNeedsUpgrade(hash, rounds)`, bcrypt-style `needsRehash(hash)`: the stored hash still verifies but is weaker than today's.
const REHASH_TEST_RE = /^(?:\w*[Nn]eeds?(?:Re[Hh]ash|Upgrade|Rehashing)|should(?:Re[Hh]ash|Upgrade\w*Hash))$/;
// `// Fallback to generic query params`, `// Fall back to the default body`.
const FALLBACK_NOTE_RE = /^\/\/ ?fall ?-?back\b/i;

/** A log-only catch (its error logged) ending a function that only tidies empty folders away and answers nothing. */
export function cleansEmptyFolders(clause: ts.CatchClause, errName: string | undefined): boolean {
  if (!errName || !references(clause.block, errName) || exitsEarly(clause.block)) return false;
  const fn = enclosingFunction(clause);
  if (!fn?.body || !ts.isBlock(fn.body) || !EMPTY_FOLDERS_FN_RE.test(functionName(fn) ?? "")) return false;
  const returnsValue = (n: ts.Node): boolean => (ts.isReturnStatement(n) && n.expression !== undefined) || (!ts.isFunctionLike(n) && (ts.forEachChild(n, returnsValue) ?? false));
  return fn.body.statements[fn.body.statements.length - 1] === clause.parent && !returnsValue(fn.body);
}

/** The try is the whole of an `if` (no `else`) that asks whether a stored hash needs an upgrade. */
export function upgradesAHashOpportunistically(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (exitsEarly(block)) return false;
  const then = tryStmt.parent;
  const guard = ts.isBlock(then) && then.statements.length === 1 ? then.parent : then;
  if (!ts.isIfStatement(guard) || guard.elseStatement || !ts.isCallExpression(guard.expression)) return false;
  return REHASH_TEST_RE.test(calleeName(guard.expression) ?? "");
}

/**
 * `if (param) { …; try { …; return custom; } catch (e) { log(e); } } // Fallback … return generic;`: the try
 * ends the `if` on an optional parameter, the catch only logs and falls through, and the statement after
 * the `if` is a `return` under a `// Fallback …` comment, which the function also reaches without the parameter.
 */
export function fallsToTheNamedFallback(ctx: { text: string; sourceFile: ts.SourceFile }, tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (exitsEarly(block)) return false;
  const then = tryStmt.parent;
  if (!ts.isBlock(then) || then.statements[then.statements.length - 1] !== tryStmt) return false;
  const guard = then.parent;
  if (!ts.isIfStatement(guard) || guard.elseStatement || !ts.isBlock(guard.parent)) return false;
  const fn = enclosingFunction(guard);
  const param = ts.isIdentifier(guard.expression) ? guard.expression.text : undefined;
  if (!fn || fn.body !== guard.parent || !param || !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === param && (p.questionToken !== undefined || p.initializer !== undefined || !p.type))) return false;
  const list = guard.parent.statements;
  const after = list[list.indexOf(guard) + 1];
  if (!after || !ts.isReturnStatement(after) || !after.expression) return false;
  const notes = ts.getLeadingCommentRanges(ctx.text, after.getFullStart()) ?? [];
  const last = notes[notes.length - 1];
  return last !== undefined && FALLBACK_NOTE_RE.test(ctx.text.slice(last.pos, last.end));
}
