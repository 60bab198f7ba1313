/**
 * A log-only catch that leaves an optional value at the "none" the code already goes on without
 * (held round 37: org branding, a company name in an MCP resource, an optional summary image):
 *
 *   let org = null;
 *   if (orgId) { try { org = await getOrgBranding(db, orgId); } catch (e) { log(e); } }
 *   const orgName = org?.name || "Reliable Turf";
 *
 *   let companyName = null;
 *   try { const db = getDatabase(); if (db) { const rows = await db`…`; if (rows.length > 0) companyName = rows[0].name; } }
 *   catch (error) { logger.error("…", error.message); }
 *
 * The local is declared `null` (or `undefined`, or with no value) before the try, the try's only
 * work is to set it (locals, `if`s and log lines besides), and the catch leaves it unset. The value
 * is optional by the code's own reading: the function reaches the try's end, or skips the try, with
 * the local still unset and no failure at all (an `if` around the try without an `else`, an `if`
 * inside the try around every assignment, or a test of the answer right after it in the try:
 * `img = await makeImage(t); if (img?.bytes) log("made") else log("no image, text only")`). So the
 * catch answers what the function's own branch answers (round 25's same-answer decision, carried to a
 * local). Not where a later test of the local exits (`if (!user) return notFound()`: an outage read
 * as a miss, the KV-helper rule) or asks for its absence (`if (!deposit) log("not found")`: an anomaly,
 * not an option), nor where the try does other work (a write, a call kept for itself).
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike, topLevelFunction } from "../../engine/ast";
import { isLogStatement, references } from "./analysis";
import { awaitsIn } from "./intent";

function isNone(e: ts.Expression | undefined): boolean {
  return !e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/** `x = value` as a statement: the name assigned, else undefined. */
function assignedLocal(st: ts.Statement): string | undefined {
  if (!ts.isExpressionStatement(st)) return undefined;
  const e = st.expression;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) ? e.left.text : undefined;
}

/**
 * The try's statements only declare locals, log, branch, and assign `names` (collected); `guarded`
 * gets the names assigned inside an `if` of the try. False on anything else (a call kept for itself, a return).
 */
function onlySetsLocals(stmts: readonly ts.Statement[], names: Set<string>, top: Set<string>, inIf: boolean): boolean {
  for (const st of stmts) {
    if (ts.isVariableStatement(st) || isLogStatement(st)) continue;
    const name = assignedLocal(st);
    if (name) {
      names.add(name);
      if (!inIf) top.add(name);
      continue;
    }
    if (ts.isBlock(st)) {
      if (!onlySetsLocals(st.statements, names, top, inIf)) return false;
      continue;
    }
    if (ts.isIfStatement(st)) {
      const branches = [st.thenStatement, ...(st.elseStatement ? [st.elseStatement] : [])];
      if (!branches.every((b) => onlySetsLocals([b], names, top, true))) return false;
      continue;
    }
    return false;
  }
  return true;
}

/** `let org = null;` / `let org;` in `list` before `index`: the local starts unset. */
function declaredUnsetBefore(list: readonly ts.Statement[], index: number, name: string): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const st = list[i]!;
    if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Let) === 0) continue;
    const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
    if (d) return isNone(d.initializer);
  }
  return false;
}

/** The try tests `name` after its top-level assignment (`if (img?.bytes) … else …`): the call's answer may be none. */
function testedInTry(stmts: readonly ts.Statement[], name: string): boolean {
  const at = stmts.findIndex((s) => assignedLocal(s) === name);
  return at >= 0 && stmts.slice(at + 1).some((s) => ts.isIfStatement(s) && references(s.expression, name));
}

/** An `if` after the try whose test reads `name` and whose branch leaves (`if (!user) return 404`). */
function exitsOnIt(list: readonly ts.Statement[], from: number, name: string): boolean {
  const leaves = (n: ts.Node): boolean => ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isContinueStatement(n) || ts.isBreakStatement(n) || (!isFunctionLike(n) && (ts.forEachChild(n, leaves) ?? false));
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isIfStatement(n) && references(n.expression, name) && (leaves(n.thenStatement) || (n.elseStatement !== undefined && leaves(n.elseStatement)))) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return list.slice(from).some(visit);
}

/** `x`, `x?.a`, `x?.a?.b`: the reference, through optional reads, up to the expression a reader sees. */
function throughOptionalReads(ref: ts.Expression): ts.Expression {
  let e: ts.Expression = ref;
  for (;;) {
    const p = e.parent;
    if (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) e = p;
    else if (ts.isPropertyAccessExpression(p) && p.expression === e && (p.questionDotToken !== undefined || e !== ref)) e = p;
    else if (ts.isElementAccessExpression(p) && p.expression === e && p.questionDotToken !== undefined) e = p;
    else return e;
  }
}

/** `x` or `x?.a` as the whole test of `cond`, also under `&&`: true when the value is there. */
function testsPresent(cond: ts.Expression, name: string): boolean {
  let c = cond;
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return testsPresent(c.left, name) || testsPresent(c.right, name);
  const base = (e: ts.Expression): ts.Expression => (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? base(e.expression) : e);
  const b = base(c);
  return ts.isIdentifier(b) && b.text === name;
}

/** A use only reached when the value is there: the `then` of `if (x)`, the first branch of `x ? … : …`. */
function guardedByPresence(ref: ts.Node, name: string, stop: ts.Node): boolean {
  for (let n: ts.Node = ref; n.parent && n !== stop; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.thenStatement === n && testsPresent(p.expression, name)) return true;
    if (ts.isConditionalExpression(p) && p.whenTrue === n && testsPresent(p.condition, name)) return true;
  }
  return false;
}

/** `org?.name || "Default"`, `a?.b ?? env || "x"`: the chain of defaults above `e` ends in a text written out. */
function defaultsToText(e: ts.Expression): boolean {
  let top: ts.Expression = e;
  while (ts.isBinaryExpression(top.parent) && top.parent.left === top && (top.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || top.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) top = top.parent;
  if (top === e) return false;
  let last = (top as ts.BinaryExpression).right;
  while (ts.isParenthesizedExpression(last)) last = last.expression;
  return ts.isStringLiteralLike(last) || ts.isTemplateExpression(last);
}

/** Inside `JSON.stringify({ … })`, through object literals only: the value becomes answer text. */
function stringifiedField(e: ts.Expression): boolean {
  let n: ts.Node = e.parent;
  if (!ts.isShorthandPropertyAssignment(n) && !(ts.isPropertyAssignment(n) && n.initializer === e)) return false;
  for (n = n.parent; ts.isObjectLiteralExpression(n) || ts.isPropertyAssignment(n); n = n.parent) {
    const p = n.parent;
    if (ts.isObjectLiteralExpression(n) && ts.isCallExpression(p) && p.expression.getText() === "JSON.stringify") return true;
  }
  return false;
}

/**
 * What `ref` (a read of the optional local `name`) does with a missing value is what the code does
 * without it: a test, a text default, a template, answer text, a use only when it is there, or a
 * parameter of a function of the file read only so (`depth` calls deep).
 */
function readsAsOptional(ref: ts.Identifier, name: string, scope: ts.Node, depth: number): boolean {
  if (guardedByPresence(ref, name, scope)) return true;
  const e = throughOptionalReads(ref);
  const p = e.parent;
  if (defaultsToText(e) || ts.isTemplateSpan(p) || stringifiedField(e)) return true;
  if (ts.isConditionalExpression(p) && p.condition === e) return true;
  // `if (org) { …branded… }`: a test that it is there; `if (!deposit) log("not found")` treats its absence as an anomaly.
  for (let n: ts.Node = e; n.parent && n !== scope; n = n.parent) if (ts.isIfStatement(n.parent) && n.parent.expression === n) return testsPresent(n.parent.expression, name);
  if (depth > 0 && ts.isCallExpression(p) && p.expression !== e && ts.isIdentifier(p.expression)) {
    const fn = topLevelFunction(p.expression.text, ref.getSourceFile());
    const param = fn?.parameters[p.arguments.indexOf(e)];
    if (!fn?.body || !param || !ts.isIdentifier(param.name)) return false;
    const pname = param.name.text;
    return refsOf(fn.body, pname).every((r) => readsAsOptional(r, pname, fn.body!, depth - 1));
  }
  return false;
}

function refsOf(node: ts.Node, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n) && !ts.isVariableDeclaration(n.parent) && !ts.isParameter(n.parent)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** Every read of `name` after the try treats it as optional (see {@link readsAsOptional}), and there is one. */
function onlyReadAsOptional(list: readonly ts.Statement[], from: number, name: string, scope: ts.Node): boolean {
  const refs = list.slice(from).flatMap((s) => refsOf(s, name));
  return refs.length > 0 && refs.every((r) => readsAsOptional(r, name, scope, 1));
}

/** See the module comment. */
export function leavesOptionalUnset(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (block.statements.length === 0 || !block.statements.every(isLogStatement)) return false;
  const names = new Set<string>();
  const top = new Set<string>();
  const stmts = tryStmt.tryBlock.statements;
  // A lookup: the try waits on something (a parse of the request's own field that fails drops the caller's input).
  if (!onlySetsLocals(stmts, names, top, false) || names.size === 0 || awaitsIn(tryStmt.tryBlock).length === 0) return false;
  // The try alone in an `if` with no `else`: skipped, it leaves the locals unset too.
  const holder = tryStmt.parent;
  const onlyInIf = ts.isBlock(holder) && holder.statements.length === 1 && ts.isIfStatement(holder.parent) && !holder.parent.elseStatement;
  const outer = onlyInIf ? (holder.parent as ts.IfStatement).parent : holder;
  const at = onlyInIf ? holder.parent : tryStmt;
  if (!ts.isBlock(outer) && !ts.isSourceFile(outer)) return false;
  const list = outer.statements;
  const index = list.indexOf(at as ts.Statement);
  for (const name of names) {
    if (!declaredUnsetBefore(list, index, name)) return false;
    if (!onlyInIf && top.has(name) && !testedInTry(stmts, name)) return false;
    if (exitsOnIt(list, index + 1, name) || !onlyReadAsOptional(list, index + 1, name, outer)) return false;
  }
  return true;
}

/** `const lines: string[] = [];`, `lines.push(…)`, a log line, or a `for…of` of those: work on values the try declares. */
function buildsLocally(st: ts.Statement, locals: Set<string>): boolean {
  if (isLogStatement(st)) return true;
  if (ts.isVariableStatement(st)) {
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) locals.add(d.name.text);
    return true;
  }
  if (ts.isExpressionStatement(st) && ts.isCallExpression(st.expression)) {
    const callee = st.expression.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === "push" && ts.isIdentifier(callee.expression) && locals.has(callee.expression.text);
  }
  if (ts.isForOfStatement(st)) return ts.isBlock(st.statement) ? st.statement.statements.every((s) => buildsLocally(s, locals)) : buildsLocally(st.statement, locals);
  return false;
}

/**
 * `try { const reactions = (await getReactions(p.id)) ?? []; if (reactions.length > 0) { const lines = [];
 * for (const r of reactions) lines.push(await describe(r)); p.message += `\n\nReactions:\n${lines.join("\n")}`; } }
 * catch (err) { log(err); }` (held round 37's Mattermost summary): an optional extra appended to a
 * field of a value from outside the try, as the try's last step under its own test that there is
 * something to add. A failure leaves the field as the test's "nothing to add" does; the work before
 * the append only builds values the try declares (locals, pushes into them, loops of those).
 */
export function appendsOptionalExtra(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (block.statements.length === 0 || !block.statements.every(isLogStatement) || awaitsIn(tryStmt.tryBlock).length === 0) return false;
  const locals = new Set<string>();
  const stmts = tryStmt.tryBlock.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isIfStatement(last) || last.elseStatement || !stmts.slice(0, -1).every((s) => buildsLocally(s, locals))) return false;
  const then = ts.isBlock(last.thenStatement) ? last.thenStatement.statements : [last.thenStatement];
  const append = then[then.length - 1];
  if (!append || !then.slice(0, -1).every((s) => buildsLocally(s, locals)) || !ts.isExpressionStatement(append)) return false;
  const e = append.expression;
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken || !ts.isPropertyAccessExpression(e.left)) return false;
  let root: ts.Expression = e.left;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  return ts.isIdentifier(root) && !locals.has(root.text) && (ts.isTemplateExpression(e.right) || ts.isStringLiteralLike(e.right));
}
