import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { thisRefs, within } from "./scheduled-singleton";

/**
 * A job runner's own record of a promise it keeps for its callers (production Wiki.js's scheduler):
 *
 *   class Job {
 *     constructor() { this.finished = Promise.resolve(); }
 *     async invoke(data) {
 *       try { this.finished = require(`../jobs/${this.name}`)(data); await this.finished; }
 *       catch (err) { WIKI.logger.warn(err); }
 *       if (this.repeat) this.enqueue(data); else this.stop().catch(() => {});
 *     }
 *     async stop() { clearTimeout(this.timeout); return this.finished; }
 *   }
 *   // elsewhere: const job = await scheduler.registerJob({ name }); await job.finished;
 *
 * The try's only wait is the promise it has just kept on the object: whoever needs the outcome
 * awaits that field (`await job.finished`) and still gets the rejection; the catch only records it
 * for the runner. Only where every `await` of the try (outside nested functions) is `await this.F`,
 * `this.F` is assigned in the try before it, and another member of the class reads `this.F` (the
 * constructor's first value, a method that returns it). Also `this.stop().catch(() => {})` after
 * such a try in the same method, `stop` a method of the class whose last statement returns
 * `this.F`: it drops that same rejection, already recorded.
 */
export function awaitsKeptPromise(tryBlock: ts.Block): boolean {
  return keptField(tryBlock) !== undefined;
}

// Each try's answer, asked once: a method's `.catch(() => {})` calls ask about every earlier try.
const kept = new TreeMemo<ts.Block, string | null>();

/** The field `F` of a try whose every wait is `await this.F`, kept there in the try and read elsewhere in the class. */
function keptField(tryBlock: ts.Block): string | undefined {
  if (kept.has(tryBlock)) return kept.get(tryBlock) ?? undefined;
  const field = keptFieldOf(tryBlock);
  kept.set(tryBlock, field ?? null);
  return field;
}

function keptFieldOf(tryBlock: ts.Block): string | undefined {
  let method: ts.Node | undefined = tryBlock.parent;
  while (method && !isFunctionLike(method)) method = method.parent;
  if (!method || !ts.isMethodDeclaration(method) || !ts.isClassLike(method.parent)) return undefined;
  const cls = method.parent;
  const awaited: ts.AwaitExpression[] = [];
  const assigned = new Map<string, number>(); // field → first assignment's position
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) awaited.push(n);
    if (ts.isForOfStatement(n) && n.awaitModifier) ok = false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.expression.kind === ts.SyntaxKind.ThisKeyword && !assigned.has(n.left.name.text)) assigned.set(n.left.name.text, n.pos);
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  if (!ok || awaited.length === 0) return undefined;
  const names = new Set(awaited.map((a) => (ts.isPropertyAccessExpression(a.expression) && a.expression.expression.kind === ts.SyntaxKind.ThisKeyword ? a.expression.name.text : "")));
  const field = names.size === 1 ? [...names][0]! : "";
  const at = assigned.get(field);
  if (!field || at === undefined || awaited.some((a) => a.pos < at)) return undefined;
  const refs = thisRefs(cls, field);
  const own = method;
  // Kept for others: another member of the class reads it.
  return refs.some((r) => !within(r, own)) ? field : undefined;
}

/**
 * `this.stop().catch(() => {})` in a method whose earlier try awaited the kept `this.F` (see above),
 * `stop` returning `this.F` as its last statement: the same rejection, already recorded.
 */
export function dropsKeptRejection(call: ts.CallExpression): boolean {
  const target = call.expression;
  if (!ts.isPropertyAccessExpression(target) || !ts.isCallExpression(target.expression)) return false;
  const inner = target.expression.expression;
  if (!ts.isPropertyAccessExpression(inner) || inner.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  let method: ts.Node | undefined = call.parent;
  while (method && !isFunctionLike(method)) method = method.parent;
  if (!method || !ts.isMethodDeclaration(method) || !ts.isClassLike(method.parent) || !method.body) return false;
  const cls = method.parent;
  const callee = cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === inner.name.text);
  const last = callee?.body?.statements[callee.body.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isPropertyAccessExpression(last.expression) || last.expression.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const field = last.expression.name.text;
  // An earlier statement of the method: a try awaiting the kept `this.F` under its catch.
  return method.body.statements.some((st) => st.end <= call.pos && ts.isTryStatement(st) && !!st.catchClause && keptField(st.tryBlock) === field);
}
