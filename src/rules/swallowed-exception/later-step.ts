/**
 * Confidence shapes of session 44 (issue 11's policy: a shape whose tune findings fall mostly on
 * labels marked debatable is reported at `info`, docs "Confidence"):
 *
 *   async function finish(order) {
 *     await db.orders.update(order.id, { status: "paid" });   // the main work, awaited first
 *     try { await mailer.sendReceipt(order); } catch (err) { logger.error("receipt", err); }
 *   }                                                          // nothing after claims it or reads it
 *
 * `laterStep`: a step after the function's main work is done (an `await` in a statement before it),
 * whose failure is only logged (or dropped, for a fired-and-forgotten `.catch`), and after which
 * nothing claims it happened: no later statement reads a value the try declares or assigns, and
 * none says so (`success: true`, a text with "sent", "saved", "success", "completed", "done").
 *
 * `belowErrorLevel`: a log-only catch that falls through, whose log line is below error level
 * (`warn`, `info`, `debug`): the author judged the failure one to go on from.
 *
 * Detection is unchanged: these only read the reported site. What a block's statements hold is
 * computed once per block (factsOf), so many catches in one function stay linear.
 */
import { ts } from "../../engine/ts";
import { aboveBareWrappers, containsAwait, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { BELOW_ERROR_LEVEL_RE } from "./analysis";
import { enclosingFunction } from "./scope";

// A later statement that says the work happened: `success: true`, `"Email sent"`, `` `saved ${id}` ``.
const CLAIM_TEXT_RE = /\b(?:sent|saved|success|successful(?:ly)?|completed?|done)\b/i;
const CLAIM_KEY_RE = /^(?:success|ok|sent|saved)$/;

function claims(st: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && CLAIM_KEY_RE.test(n.name.text) && n.initializer.kind === ts.SyntaxKind.TrueKeyword) found = true;
    else if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && CLAIM_TEXT_RE.test(n.text)) found = true;
    else n.forEachChild(visit);
  };
  visit(st);
  return found;
}

/**
 * What a block's statements hold, computed once per block (a rule must not walk a function again
 * for each catch in it): whether any statement before index i awaits, whether any from index i on
 * claims the work happened, and the last statement index at which each name occurs.
 */
interface BlockFacts {
  awaitsBefore: boolean[];
  claimsFrom: boolean[];
  lastUse: Map<string, number>;
}

const blockFacts = new TreeMemo<ts.Block, BlockFacts>();

function factsOf(block: ts.Block): BlockFacts {
  let f = blockFacts.get(block);
  if (f) return f;
  const stmts = block.statements;
  const awaitsBefore: boolean[] = [];
  let seen = false;
  for (const st of stmts) {
    awaitsBefore.push(seen);
    seen ||= containsAwait(st);
  }
  const claimsFrom: boolean[] = new Array<boolean>(stmts.length + 1).fill(false);
  for (let i = stmts.length - 1; i >= 0; i--) claimsFrom[i] = claimsFrom[i + 1]! || claims(stmts[i]!);
  const lastUse = new Map<string, number>();
  stmts.forEach((st, i) => {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) lastUse.set(n.text, i);
      n.forEachChild(visit);
    };
    visit(st);
  });
  f = { awaitsBefore, claimsFrom, lastUse };
  blockFacts.set(block, f);
  return f;
}

/**
 * Whether, in `stmt`'s block and every block around it up to `fn`'s body, a statement before it
 * awaits, and whether one after it claims the work happened or names one of `names`. Nothing
 * awaited counts inside a catch block, the failure path.
 */
function around(stmt: ts.Statement, fn: ts.FunctionLikeDeclaration, names: readonly string[]): { awaitedBefore: boolean; toldAfter: boolean } {
  let awaitedBefore = false;
  let toldAfter = false;
  for (let n: ts.Node = stmt; n !== fn && n.parent; n = n.parent) {
    const p = n.parent;
    // A step in a catch block runs because the work failed: no main work is done before it.
    if (ts.isCatchClause(p)) return { awaitedBefore: false, toldAfter };
    if (ts.isBlock(p)) {
      const i = p.statements.indexOf(n as ts.Statement);
      const f = factsOf(p);
      awaitedBefore ||= f.awaitsBefore[i]!;
      toldAfter ||= f.claimsFrom[i + 1]! || names.some((name) => (f.lastUse.get(name) ?? -1) > i);
    }
    if (p === fn.body) break;
  }
  return { awaitedBefore, toldAfter };
}

/** Names the block declares or assigns (outside nested functions): what the try was to set. */
function setIn(block: ts.Block): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) names.push(n.name.text);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = n.left;
      if (ts.isIdentifier(left)) names.push(left.text);
      else if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) names.push(left.name.text);
    }
    n.forEachChild(visit);
  };
  visit(block);
  return names;
}

/** `laterStep` for a catch: the try waits, work was awaited before it, and nothing after claims or reads what it set. */
export function catchIsLaterStep(clause: ts.CatchClause): boolean {
  const tryStmt = clause.parent;
  if (clause.block.statements.some((s) => ts.isReturnStatement(s) && s.expression)) return false;
  if (!containsAwait(tryStmt.tryBlock)) return false;
  const fn = enclosingFunction(tryStmt);
  if (!fn) return false;
  const { awaitedBefore, toldAfter } = around(tryStmt, fn, setIn(tryStmt.tryBlock));
  return awaitedBefore && !toldAfter;
}

/** `laterStep` for a `.catch` handler: the call is a statement of its own, work was awaited before it, and nothing after claims it. */
export function handlerIsLaterStep(handler: ts.Node): boolean {
  const call = handler.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const stmt = aboveBareWrappers(call);
  if (!stmt || !ts.isExpressionStatement(stmt)) return false;
  const fn = enclosingFunction(stmt);
  if (!fn) return false;
  const { awaitedBefore, toldAfter } = around(stmt, fn, []);
  return awaitedBefore && !toldAfter;
}

/** `belowErrorLevel`: the catch logs below error level (`logger.warn(…)`) and returns nothing. */
export function logsBelowErrorLevel(clause: ts.CatchClause): boolean {
  if (clause.block.statements.some((s) => ts.isReturnStatement(s) && s.expression)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && BELOW_ERROR_LEVEL_RE.test(n.expression.name.text)) found = true;
    else n.forEachChild(visit);
  };
  visit(clause.block);
  return found;
}
