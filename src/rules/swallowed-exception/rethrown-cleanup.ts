/**
 * A dropped clean-up step on the way to rethrowing the original error, reported at low confidence
 * (`cleanupBeforeRethrow`, docs "Confidence"; session 44):
 *
 *   } catch (err) { await sandbox.stop().catch(() => undefined); throw err; }
 *   } catch (err) { try { fs.unlinkSync(tmp); } catch {} throw err; }
 *   } catch (error) { if (item?.size === 0) { await client.api(path).delete().catch(() => undefined); } throw error; }
 *
 * Often a matter of judgement: the caller is told of the failure by the rethrown error, which a
 * second error from the clean-up would replace (held round 29's "the original error goes on"; the
 * production samples of nango, inbox-zero and anything-llm call it clean, debatable), while a failed
 * clean-up leaves a stray temp folder or process behind unseen (held rounds 21 and 41; tune's
 * transcoding pipeline labels it a finding, debatable). Known by a step whose every call removes or
 * stops one thing (`unlink`, `rm`, `rmdir`, `remove`, `delete`, `stop`, `kill`, `terminate`,
 * `dispose`, `cleanup`), directly in a catch's block or in a plain `if` of it, with nothing after it
 * up to the end of the catch but log lines, more such steps and, last, `throw <the caught error>`
 * unchanged. A step the code goes past (answering, retrying, `return`), a new error thrown in place
 * of the caught one, and a rollback of stored work (`update`, `save`, `insert`) keep full confidence.
 */
import { ts } from "../../engine/ts";
import { aboveBareWrappers, bareExpression as bare, calleeName } from "../../engine/ast";
import { isLogStatement } from "./analysis";

// What removes or stops one thing the failed work left behind.
const CLEANUP_RE = /^(?:unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|remove|removeSync|delete|deleteFile|deleteObject|stop|kill|terminate|dispose|cleanup|cleanUp)$/;

/** `fs.unlinkSync(tmp)`, `sandbox.stop()`, `client.api(path).delete()`, `unlink(tmp)`: a call named for removing or stopping. */
function removes(e: ts.Expression): boolean {
  const u = bare(e);
  if (!ts.isCallExpression(u)) return false;
  const name = calleeName(u);
  return name !== undefined && CLEANUP_RE.test(name);
}

/** A handler that drops the rejection: `() => undefined`, `() => {}`, `() => null`, `noop`-free literal forms only. */
function dropsIt(h: ts.Expression | undefined): boolean {
  if (!h || !(ts.isArrowFunction(h) || ts.isFunctionExpression(h)) || h.parameters.length > 1) return false;
  const body = h.body;
  if (ts.isBlock(body)) return body.statements.length === 0;
  const b = bare(body);
  return b.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(b) && b.text === "undefined") || ts.isVoidExpression(body);
}

/** `await x.stop().catch(() => undefined);`: a clean-up call whose rejection is dropped, as a statement. */
function droppedCleanupStatement(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st)) return false;
  const u = bare(st.expression);
  if (!ts.isCallExpression(u) || !ts.isPropertyAccessExpression(u.expression) || u.expression.name.text !== "catch") return false;
  return dropsIt(u.arguments[0]) && removes(u.expression.expression);
}

/** `try { fs.unlinkSync(tmp); } catch {}`: a try whose every statement removes or stops, with an empty catch. */
function emptyCleanupTry(st: ts.Statement): boolean {
  return ts.isTryStatement(st) && !st.finallyBlock && !!st.catchClause && st.catchClause.block.statements.length === 0 && cleanupOnly(st.tryBlock);
}

/** Every statement of the block removes or stops one thing (also under a plain `if` with no `else`). */
function cleanupOnly(block: ts.Block): boolean {
  const step = (st: ts.Statement): boolean => {
    if (ts.isBlock(st)) return st.statements.length > 0 && st.statements.every(step);
    if (ts.isIfStatement(st)) return !st.elseStatement && step(st.thenStatement);
    return ts.isExpressionStatement(st) && removes(st.expression);
  };
  return block.statements.length > 0 && block.statements.every(step);
}

/** What may come after the step on the way to the rethrow: log lines and more dropped clean-ups. */
function passes(st: ts.Statement): boolean {
  return isLogStatement(st) || droppedCleanupStatement(st) || emptyCleanupTry(st);
}

/**
 * From `st` up to the catch's block, nothing but log lines and more such steps follows it, and the
 * catch's block ends with `throw <its error>`. `st` sits directly in the catch's block or in the
 * `then` block of a plain `if` there.
 */
function rethrownAfter(st: ts.Statement): boolean {
  let cur: ts.Node = st;
  for (let depth = 0; depth < 4; depth++) {
    const container: ts.Node = cur.parent;
    if (!ts.isBlock(container)) return false;
    const stmts = container.statements;
    const rest = stmts.slice(stmts.indexOf(cur as ts.Statement) + 1);
    const clause = container.parent;
    if (ts.isCatchClause(clause)) {
      const name = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
      const last = rest[rest.length - 1];
      return name !== undefined && rest.length <= 12 && !!last && ts.isThrowStatement(last) && !!last.expression && ts.isIdentifier(last.expression) && last.expression.text === name
        && rest.slice(0, -1).every(passes);
    }
    // Inside `if (item?.size === 0) { … }` of the catch: the rest of that block only passes, then up.
    if (!rest.every(passes)) return false;
    const owner = container.parent;
    if (!ts.isIfStatement(owner) || owner.thenStatement !== container || owner.elseStatement) return false;
    cur = owner;
  }
  return false;
}

/** The try of an empty catch is a clean-up step before the original error is rethrown (see the module comment). */
export function emptyCleanupBeforeRethrow(tryStmt: ts.TryStatement): boolean {
  return emptyCleanupTry(tryStmt) && rethrownAfter(tryStmt);
}

/** `await sandbox.stop().catch(() => undefined); throw err;` in a catch (see the module comment). */
export function droppedCleanupBeforeRethrow(call: ts.CallExpression): boolean {
  const parent = aboveBareWrappers(call);
  return !!parent && ts.isExpressionStatement(parent) && droppedCleanupStatement(parent) && rethrownAfter(parent);
}
