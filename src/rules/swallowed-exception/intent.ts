/**
 * What the code around a catch says it means, outside the catch itself: a comment right above
 * the `try` or at the only call of its function, the function's own answer for input it cannot
 * use, a lookup whose throw is its "not found", promises handed back to whoever awaits them.
 * Each predicate is a precision exemption: true only when the catch loses nothing a reader of the
 * code was not told about.
 */
import { ts } from "../../engine/ts";
import { looksUpNestProvider } from "./module-ref";
import { spellingSource } from "./spelling";
import type { RuleContext } from "../../engine/types";
import { accessesNamed, calleeName, exportListNames, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { findRefs } from "../unvalidated-boundary/ast";
import { constInitializer, isLogCallee, references } from "./analysis";
import { scopeOf } from "./scope";
import { throughDate, withoutCasts } from "./kept-input";
import { hookDeclaresOnError, type MutationProject } from "./mutation-hook";

// Words about what happens to a failure, in a `//` comment above a statement: "non-fatal on
// failure because Rust falls back", "best effort, don't fail if this fails". "Mirror to Rust" does
// not, nor "Fallback: …" (a label for what the try is, above a try nested in another catch). A
// step the comment calls optional, or one the setup "may have skipped", is best effort too.
const FAILURE_INTENT_RE = /\bnon[- ]?fatal\b|\bbest[- ]effort\b|\bfire[- ]and[- ]forget\b|\bignor(?:e|es|ed|ing)\b|\bswallow\w*|\bfall(?:s|ing)? back\b|\bon (?:error|failure)\b|\bdon'?t (?:fail|care|block)\b|\b(?:if|when) (?:it|this|that) fails\b|\bnot critical\b|\bnon[- ]?(?:critical|essential|blocking)\b|\bfailures? (?:does(?:n'?t| not)|do(?:n'?t| not)|won'?t|will not|can(?:'?t|not)|never) (?:affect|break|block|stop|fail|abort)\w*|\bmust(?:n'?t| not| never) (?:fail|flip|break|block|crash)\b|\bnever (?:fails?|breaks?|aborts?) (?:the|a|an|its|our)\b|\boptional\b|\bmay (?:have )?(?:skipped|not exist|be missing)\b|\b(?:do not|don'?t) want (?:it )?to (?:fail|throw|break|block|crash)\b|\bcatch and log\b|\baccept\w* (?:(?:a|the|some|this) )?(?:\w+ ){0,3}risk\b/i;

/** The text of the comments on the lines right above `node` (no blank line between), or "". */
function commentsRightAbove(ctx: RuleContext, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(ctx.text, node.getFullStart()) ?? [];
  let text = "";
  let next = node.getStart(ctx.sourceFile);
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i]!;
    // One line break at most between a comment and what follows it.
    if ((ctx.text.slice(r.end, next).match(/\n/g) ?? []).length > 1) break;
    const c = ctx.text.slice(r.pos, r.end);
    const body = c.startsWith("//") ? c.slice(2) : c.slice(2, -2);
    next = r.pos;
    // Our own directives and labels (`hardening-hints-ignore-next-line swallowed-exception`) and lint directives say nothing.
    if (/^[\s*]*(?:hardening-hints-|hh-expect:|eslint-|@ts-|prettier-ignore)/.test(body)) continue;
    text = `${body} ${text}`;
  }
  return text;
}

/**
 * `// Mirror to Rust. Non-fatal on failure because Rust falls back to its defaults.` right above
 * `try { await invoke(…) } catch (err) { log.warn(…) }`: the comment says why the failure stops there.
 * Also above the `if` or loop the statement is alone in (`// Best-effort: a failed bookkeeping write
 * must never fail auth.` above `if (stale) { await db.update(…).catch(() => {}); }`): a comment on
 * the condition or loop that holds only this work is about this work. Words that `ignore` matches
 * are not read (above an empty handler, "fire-and-forget" says only that nobody waits).
 */
export function commentAboveSaysSo(ctx: RuleContext, stmt: ts.Node, ignore?: RegExp): boolean {
  const says = (n: ts.Node): boolean => FAILURE_INTENT_RE.test(ignore ? commentsRightAbove(ctx, n).replace(ignore, " ") : commentsRightAbove(ctx, n));
  if (says(stmt)) return true;
  const p = stmt.parent;
  const holder = p && ts.isBlock(p) && p.statements.length === 1 ? p.parent : p;
  if (!holder) return false;
  const held = holder === p ? stmt : p;
  // `// … so swallow and log failures.` above `for (const r of results) { r.catch(log); }`: a loop whose body is only this.
  const guards = ts.isIfStatement(holder) ? holder.thenStatement === held : (ts.isForOfStatement(holder) || ts.isForInStatement(holder) || ts.isForStatement(holder) || ts.isWhileStatement(holder)) && holder.statement === held;
  return guards && says(holder);
}

/**
 * `// Clean up old files (best effort, don't fail if this fails)` above the one call of a private
 * method or a module-private function (`await this.cleanupOldFiles()`): the caller says the
 * function's failures are meant to stop inside it. Two calls, or a function others can call, do not count.
 */
export function onlyCallSaysBestEffort(ctx: RuleContext, node: ts.Node): boolean {
  const fn = scopeOf(node).fn;
  if (!fn || !fn.name || !ts.isIdentifier(fn.name)) return false;
  const name = fn.name.text;
  const flags = ts.getCombinedModifierFlags(fn as ts.Declaration);
  if (ts.isMethodDeclaration(fn)) {
    if (!(flags & ts.ModifierFlags.Private)) return false;
  } else if (!ts.isFunctionDeclaration(fn) || flags & ts.ModifierFlags.Export) return false;
  // The name's uses from the per-file indexes (a walk of the file per catch was quadratic): a method's
  // are `this.name`, a function's its bare name (not a property name); `export { name }` hands it on.
  const sf = ctx.sourceFile;
  const calls: ts.CallExpression[] = [];
  let other = false;
  const uses: readonly ts.Node[] = ts.isMethodDeclaration(fn) ? accessesNamed(sf, name).filter((a) => a.expression.kind === ts.SyntaxKind.ThisKeyword) : findRefs(name, sf, 0).filter((id) => id !== fn.name);
  if (!ts.isMethodDeclaration(fn) && exportListNames(sf).has(name)) other = true;
  for (const n of uses) {
    const call = n.parent;
    if (call && ts.isCallExpression(call) && call.expression === n) calls.push(call);
    else other = true; // handed on as a value: other callers
  }
  if (other || calls.length !== 1) return false;
  let stmt: ts.Node = calls[0]!;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent) && !isFunctionLike(stmt.parent)) stmt = stmt.parent;
  return FAILURE_INTENT_RE.test(commentsRightAbove(ctx, stmt));
}

/**
 * `const tree = parseTree(text); if (!tree) return text; try { return toJSON(tree); } catch { return text; }`:
 * the catch answers with the function's own input, as the function's guard on what it parsed
 * from that input does: one answer for "cannot use this input", and nothing is defaulted.
 * A guard on the input itself (`if (!raw) return raw`) says nothing of the catch.
 */
export function returnsInputLikeItsGuard(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[stmts.length - 1];
  if (stmts.length !== 1 || !exit || !ts.isReturnStatement(exit) || !exit.expression || !ts.isIdentifier(exit.expression)) return false;
  const input = exit.expression.text;
  const fn = scopeOf(clause).fn;
  if (!fn?.body || !ts.isBlock(fn.body) || !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === input)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const body = fn.body.statements;
  const at = body.indexOf(tryStmt);
  if (at === -1) return false;
  // Locals parsed from the input before the try (`const tree = parseTree(text, …)`), which the try reads.
  const parsed = new Set<string>();
  for (const st of body.slice(0, at)) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && ts.isAwaitExpression(d.initializer) ? d.initializer.expression : d.initializer;
        if (ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && init.arguments.some((a) => ts.isIdentifier(a) && a.text === input) && references(tryStmt.tryBlock, d.name.text)) parsed.add(d.name.text);
      }
      continue;
    }
    if (!ts.isIfStatement(st) || ![...parsed].some((l) => references(st.expression, l))) continue;
    const exits = ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
    if (exits.length === 1 && ts.isReturnStatement(exits[0]!) && exits[0]!.expression && ts.isIdentifier(exits[0]!.expression) && exits[0]!.expression.text === input) return true;
  }
  return false;
}

/**
 * `try { obj.example = JSON.parse(body); } catch { obj.example = body; }`: the catch assigns the
 * raw input to the place the try assigns its parsed form, so the reader gets what there was.
 * The input must not change in the try.
 */
export function assignsTheRawInput(tryBlock: ts.Block, value: ts.Node): boolean {
  const e = ts.isExpressionStatement(value) ? value.expression : value;
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const target = e.left.getText();
  // `details = { originalContext: row.context || "", … }`: the raw input kept in a field of the fallback.
  const kept = ts.isObjectLiteralExpression(e.right)
    ? e.right.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? [rawInput(p.initializer)] : ts.isShorthandPropertyAssignment(p) ? [p.name.text] : [])).filter((x): x is string => x !== undefined)
    : [rawInput(e.right)].filter((x): x is string => x !== undefined);
  if (kept.length === 0 || kept.includes(target)) return false;
  const roots = new Set(kept.map((k) => k.split(/[.?]/)[0]!));
  let same = false;
  let changed = false;
  // `const parsed = JSON.parse(content); summary = parsed.summary || "";`: a local holding the parsed input.
  const parsed: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = withoutCasts(ts.isAwaitExpression(n.initializer) ? n.initializer.expression : n.initializer);
      if ((ts.isCallExpression(init) || parsesWithNew(init)) && (init.arguments?.length ?? 0) >= 1 && kept.includes(rawInput(init.arguments![0]!) ?? "")) parsed.push(n.name.text);
      // `const params = new URLSearchParams(body); const freq = params.get("f.req");`: a read off the parse.
      else if (readOffParse(init, parsed)) parsed.push(n.name.text);
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === target && parsed.some((l) => references(n.right, l))) same = true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (ts.isIdentifier(n.left) && roots.has(n.left.text)) changed = true;
      let r = ts.isAwaitExpression(n.right) ? n.right.expression : n.right;
      // `payload = { ...JSON.parse(data.content) }`: a copy of what the call answers.
      if (ts.isObjectLiteralExpression(r) && r.properties.length === 1 && ts.isSpreadAssignment(r.properties[0]!)) r = r.properties[0].expression;
      // `node.attribs.href = new URL(url, base).toString()`: a field or a rendering of the input's conversion.
      const conv = conversionOf(r);
      if (n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === target && conv && keptInput(kept, throughDate(conv.arguments![0]!))) same = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return same && !changed;
}

/**
 * `try { settings._ = JSON.parse(settings._); } catch (err) { console.error(err); }`: the try's one
 * statement parses a value in hand in place (the same place read and assigned, a name or a chain of
 * field reads), so a failed parse leaves the raw input where it was, as a catch assigning it back
 * would (production NodeBB's settings form, session 39). A parse of another place, or more work in
 * the try, is judged as before.
 */
export function parsesInPlace(tryBlock: ts.Block): boolean {
  const only = tryBlock.statements.length === 1 ? tryBlock.statements[0]! : undefined;
  const e = only && ts.isExpressionStatement(only) ? only.expression : undefined;
  if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const call = withoutCasts(e.right);
  if (!ts.isCallExpression(call) || call.expression.getText() !== "JSON.parse" || call.arguments.length !== 1) return false;
  const place = (x: ts.Expression): boolean => ts.isIdentifier(x) || (ts.isPropertyAccessExpression(x) && place(x.expression)) || (ts.isElementAccessExpression(x) && place(x.expression) && (ts.isIdentifier(x.argumentExpression) || ts.isStringLiteralLike(x.argumentExpression)));
  const squash = (x: ts.Node) => x.getText().replace(/\s+/g, "");
  return place(e.left) && squash(e.left) === squash(withoutCasts(call.arguments[0]!));
}

// Classes that parse the text they are given: `new URLSearchParams(body)`, `new URL(href)`.
const PARSER_NEW_RE = /^(?:URL|URLSearchParams)$/;

/** `params.get("f.req")`, `url.pathname`, `url.pathname.trim()`: a field or a method's answer read off a parsed local. */
function readOffParse(e: ts.Expression, parsed: readonly string[]): boolean {
  let u: ts.Expression = e;
  let steps = 0;
  while (ts.isCallExpression(u) || ts.isPropertyAccessExpression(u)) {
    u = ts.isCallExpression(u) ? u.expression : u.expression;
    steps++;
  }
  return steps > 0 && ts.isIdentifier(u) && parsed.includes(u.text);
}

/** `new URLSearchParams(body)`: a parse of its first argument made with `new`. */
function parsesWithNew(e: ts.Expression): e is ts.NewExpression {
  return ts.isNewExpression(e) && ts.isIdentifier(e.expression) && PARSER_NEW_RE.test(e.expression.text);
}

// Methods that only write a value out as text: `url.toString()`, `date.toISOString()`, `value.toJSON()`.
const WRITE_OUT_RE = /^(?:to\w*String|toJSON|valueOf)$/;

/**
 * `JSON.parse(body)`, `new URL(url, base).toString()`, `new URL(url).href`: the call (or `new`) that
 * converts an input, under fields of its result and methods that only write it out as text; else
 * undefined. Anything else called on the conversion (`.save()`) is work of its own.
 */
function conversionOf(e: ts.Expression): ts.CallExpression | ts.NewExpression | undefined {
  let u = withoutCasts(e);
  let peeled = false;
  for (;;) {
    if (ts.isPropertyAccessExpression(u) && !u.questionDotToken) u = withoutCasts(u.expression);
    else if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && WRITE_OUT_RE.test(u.expression.name.text)) u = withoutCasts(u.expression.expression);
    else break;
    peeled = true;
  }
  if (ts.isCallExpression(u) && u.arguments.length >= 1) return u;
  // A bare `new URL(url)` keeps an object, not the input written out: only under a field or `toString()`.
  return peeled && ts.isNewExpression(u) && u.arguments !== undefined && u.arguments.length >= 1 ? u : undefined;
}

/**
 * The input a parse reads or a fallback keeps, without a constant default: `body`,
 * `row.additional_context` for `row.additional_context || "{}"` (`??` alike); undefined for
 * anything else.
 */
const DECODE_RE = /^(?:atob|decodeURIComponent|decodeURI)$/;

/** Whether `arg` is one of the `kept` inputs, also with its spelling normalised in a `const` (`const trimmed = responseData.trim()`). */
function keptInput(kept: readonly string[], arg: ts.Expression): boolean {
  const source = spellingSource(withoutCasts(arg));
  return kept.includes(rawInput(arg) ?? "") || (source !== undefined && kept.includes(rawInput(source) ?? ""));
}

function rawInput(e: ts.Expression): string | undefined {
  // `translatable as any`: a cast changes no value (production vendure translate-entity.ts:100).
  let u = withoutCasts(e);
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && (ts.isStringLiteralLike(u.right) || ts.isNumericLiteral(u.right))) u = withoutCasts(u.left);
  // `JSON.parse(atob(state))`: the input decoded is still the input (a base64 or URI-encoded text).
  if (ts.isCallExpression(u) && u.arguments.length === 1 && DECODE_RE.test(u.expression.getText())) return rawInput(u.arguments[0]!);
  if (ts.isIdentifier(u)) return u.text === "undefined" ? undefined : u.text;
  if (ts.isPropertyAccessExpression(u) && !/\(/.test(u.getText())) return u.getText().replace(/\s+/g, "");
  return undefined;
}

/**
 * `try { const data = JSON.parse(json); return data?.info?.schema ?? null; } catch { return null; }`:
 * the try only parses (every call in it is `JSON.parse`), and the catch answers what the try
 * answers for an absent value (`?? null`, `|| null`, `return null`, an optional chain's `undefined`:
 * `return data?.passport?.user?.id` … `catch { return undefined; }`): malformed and absent are one answer.
 */
export function absentLikeAParse(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[0];
  if (stmts.length !== 1 || !exit || !ts.isReturnStatement(exit) || !exit.expression) return false;
  const want = exit.expression.getText().replace(/\s+/g, "");
  let parses = false;
  let other = false;
  let answers = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (isFunctionLike(n) || ts.isNewExpression(n) || ts.isAwaitExpression(n) || ts.isTaggedTemplateExpression(n)) {
      other = true;
      return;
    }
    if (ts.isCallExpression(n)) {
      if (n.expression.getText().replace(/\s+/g, "") === "JSON.parse") parses = true;
      else other = true;
    }
    if (ts.isReturnStatement(n) && n.expression) {
      const r = ts.isParenthesizedExpression(n.expression) ? n.expression.expression : n.expression;
      const alt = ts.isBinaryExpression(r) && (r.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || r.operatorToken.kind === ts.SyntaxKind.BarBarToken) ? r.right : r;
      if (alt.getText().replace(/\s+/g, "") === want) answers = true;
      // `return data?.passport?.user?.id`: an optional chain answers `undefined` when a link is absent.
      if (want === "undefined" && ts.isPropertyAccessExpression(r) && r.getText().includes("?.")) answers = true;
    }
    ts.forEachChild(n, visit);
  };
  visit((clause.parent as ts.TryStatement).tryBlock);
  return parses && !other && answers;
}

/**
 * `let body; try { body = JSON.parse(event.body || "{}"); } catch { body = {}; }`: the try's one
 * statement assigns a parse whose absent input falls back to a constant (`|| "{}"`, `?? "[]"`), and
 * the catch's one statement assigns that constant's value to the same place: malformed and absent
 * are one answer, and whatever checks the absent value (a required field answering 400) checks this one.
 */
export function assignsAbsentLikeAParse(clause: ts.CatchClause): boolean {
  const tryStmts = (clause.parent as ts.TryStatement).tryBlock.statements;
  const catchStmts = clause.block.statements;
  const assignOf = (s: ts.Statement | undefined): ts.BinaryExpression | undefined =>
    s && ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken ? s.expression : undefined;
  const inTry = tryStmts.length === 1 ? assignOf(tryStmts[0]) : undefined;
  const inCatch = catchStmts.length === 1 ? assignOf(catchStmts[0]) : undefined;
  if (!inTry || !inCatch || inTry.left.getText() !== inCatch.left.getText()) return false;
  const parse = inTry.right;
  if (!ts.isCallExpression(parse) || parse.expression.getText().replace(/\s+/g, "") !== "JSON.parse" || parse.arguments.length !== 1) return false;
  const arg = parse.arguments[0]!;
  if (!ts.isBinaryExpression(arg) || (arg.operatorToken.kind !== ts.SyntaxKind.BarBarToken && arg.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken)) return false;
  if (!ts.isStringLiteralLike(arg.right)) return false;
  return arg.right.text.replace(/\s+/g, "") === inCatch.right.getText().replace(/\s+/g, "");
}

// Lookups that throw when nothing matches: Prisma `findUniqueOrThrow`/`findFirstOrThrow`, `findOneOrFail`.
export const THROWING_LOOKUP_RE = /^find\w*Or(?:Throw|Fail)$/;
export const NONE_RE = /^(?:null|undefined|false|O\.none|Option\.none\(\)|E\.left\(.*\)|Either\.left\(.*\))$/s;

/**
 * `try { await prisma.collection.findFirstOrThrow({ where: { id, userUid } }); return O.some(true); }
 * catch { return O.none; }`: the lookup's throw is its "not found", the answer the check is
 * there to give; the catch answers "no" (`null`, `false`, `O.none`, `E.left(…)`). The lookup
 * must be the try's only call besides the answer's constructor (`O.some`, `E.right`) and what that
 * constructor is given (`O.some(this.cast(row))`, nothing awaited there).
 */
export function deniesOnNotFound(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[0];
  if (stmts.length !== 1 || !exit || !ts.isReturnStatement(exit)) return false;
  if (exit.expression && !NONE_RE.test(exit.expression.getText().replace(/\s+/g, ""))) return false;
  let lookups = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (isFunctionLike(n)) {
      other = true;
      return;
    }
    if (ts.isCallExpression(n)) {
      if (THROWING_LOOKUP_RE.test(calleeName(n) ?? "") || looksUpNestProvider(n)) {
        lookups++;
        return; // its `where` is read, not run
      }
      if (!/^(?:O|E|Option|Either)\.(?:some|right|of)$/.test(n.expression.getText())) {
        other = true;
        return;
      }
      // `O.some(this.cast(row))`: a projection of the row found, inside the answer; nothing waited on there.
      if (!/\bawait\b|Or(?:Throw|Fail)\s*\(/.test(n.arguments.map((a) => a.getText()).join(" "))) return;
    }
    ts.forEachChild(n, visit);
  };
  visit((clause.parent as ts.TryStatement).tryBlock);
  return lookups === 1 && !other;
}

/**
 * `await Promise.allSettled(subs.map(async (s) => { …; try { await send(s); } catch (e) { log(e); throw e; } }))`:
 * each item ends in a try whose catch logs its own error, so every failure of the work it waits on
 * is logged where it happened; the settle only waits for the fan-out to finish.
 */
export function itemsLogTheirErrors(call: ts.CallExpression): boolean {
  // `const pushPromises = subs.map(async (s) => …); await Promise.allSettled(pushPromises);` (held round 26).
  const arg = call.arguments.length === 1 && call.arguments[0] && ts.isIdentifier(call.arguments[0]) ? constInitializer(call.arguments[0]) : call.arguments[0];
  if (call.arguments.length !== 1 || !arg || !ts.isCallExpression(arg) || calleeName(arg) !== "map") return false;
  const fn = arg.arguments[0];
  if (!fn || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) || !ts.isBlock(fn.body)) return false;
  const last = fn.body.statements[fn.body.statements.length - 1];
  const clause = last && ts.isTryStatement(last) ? last.catchClause : undefined;
  const err = clause?.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  if (!clause || !err) return false;
  // Nothing awaited before that try: the work that can fail waits inside it.
  const before = fn.body.statements.slice(0, -1);
  if (before.some((st) => /\bawait\b/.test(st.getText()))) return false;
  return clause.block.statements.some((st) => ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && isLogCallee(st.expression.expression) && st.expression.arguments.some((a) => references(a, err)));
}

/**
 * `await Promise.allSettled(pending)` where every promise pushed into `pending` is also handed
 * back to its caller (`pending.push(p); return p.finally(…)`): whoever got the promise sees its
 * rejection, and the settle only waits for them.
 */
export function settlesHandedBackPromises(ctx: RuleContext, call: ts.CallExpression): boolean {
  const arr = call.arguments[0];
  if (call.arguments.length !== 1 || !arr || !ts.isIdentifier(arr)) return false;
  const name = arr.text;
  let pushes = 0;
  let all = true;
  const visit = (n: ts.Node): void => {
    if (!all) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === name) {
      const method = n.expression.name.text;
      if (method === "push" || method === "unshift") {
        pushes++;
        const p = n.arguments[0];
        if (n.arguments.length !== 1 || !p || !ts.isIdentifier(p) || !handedBack(n, p.text)) all = false;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.sourceFile);
  return pushes > 0 && all;
}

/** The function around `at` returns `name`, or a chain on it (`return p.finally(…)`, `return p.then(…)`). */
function handedBack(at: ts.Node, name: string): boolean {
  let fn: ts.Node | undefined = at.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn) || !fn.body) return false;
  const body = fn.body;
  const returns = (e: ts.Expression): boolean => {
    if (ts.isIdentifier(e)) return e.text === name;
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^(?:then|finally|catch)$/.test(e.expression.name.text)) {
      // `p.catch(handler)` and `p.then(ok, handler)` hand back a promise that no longer rejects.
      const m = e.expression.name.text;
      return (m === "finally" || (m === "then" && e.arguments.length < 2)) && returns(e.expression.expression);
    }
    return false;
  };
  if (!ts.isBlock(body)) return returns(body);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (n !== body && isFunctionLike(n))) return;
    if (ts.isReturnStatement(n) && n.expression && returns(n.expression)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** The `await`s of a block, outside nested functions. */
export function awaitsIn(block: ts.Block): ts.AwaitExpression[] {
  const awaits: ts.AwaitExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) awaits.push(n);
    ts.forEachChild(n, visit);
  };
  visit(block);
  return awaits;
}

/** `toast.promise(p, { loading, success, error })` (sonner, react-hot-toast, react-toastify): the toast shows `p`'s failure. */
function toastsFailureOf(st: ts.Statement, name: string): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) return false;
  const call = st.expression;
  const [p, options] = call.arguments;
  if (call.expression.getText() !== "toast.promise" || !p || !ts.isIdentifier(p) || p.text !== name) return false;
  return !!options && ts.isObjectLiteralExpression(options) && options.properties.some((o) => o.name !== undefined && ts.isIdentifier(o.name) && o.name.text === "error");
}

/**
 * `const promise = onSubmit(values); toast.promise(promise, { loading, success, error }); try {
 * await promise; } catch (e) { console.error(e); }`: the toast's `error` already shows the user
 * the failure; the catch only keeps the awaited rejection from going unhandled. The promise must
 * be the try's only `await`, and the toast (with its `error` option) must come before it, in the
 * try or right around it; a toast without `error`, or more awaited work in the try, stays reported.
 */
export function toastShowsTheFailure(tryStmt: ts.TryStatement): boolean {
  const stmts = tryStmt.tryBlock.statements;
  const awaits = awaitsIn(tryStmt.tryBlock);
  const only = awaits[0];
  if (awaits.length !== 1 || !only || !ts.isIdentifier(only.expression)) return false;
  const name = only.expression.text;
  const at = stmts.findIndex((s) => s === only.parent || (ts.isVariableDeclaration(only.parent) && s === only.parent.parent.parent));
  if (at === -1) return false;
  if (stmts.slice(0, at).some((s) => toastsFailureOf(s, name))) return true;
  const outer = tryStmt.parent;
  if (!ts.isBlock(outer)) return false;
  return outer.statements.slice(0, outer.statements.indexOf(tryStmt)).some((s) => toastsFailureOf(s, name));
}

/** A function value with something in it: `(e) => toast.error(e.message)`, `onError() { … }`, or a named handler. */
function doesSomething(p: ts.ObjectLiteralElementLike): boolean {
  if (ts.isShorthandPropertyAssignment(p)) return true;
  if (ts.isMethodDeclaration(p)) return !!p.body && p.body.statements.length > 0;
  if (!ts.isPropertyAssignment(p)) return false;
  const v = p.initializer;
  if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v)) return true;
  if (!ts.isArrowFunction(v) && !ts.isFunctionExpression(v)) return false;
  return !ts.isBlock(v.body) || v.body.statements.length > 0;
}

/** `useMutation({ mutationFn, onError: (e) => toast.error(…) })`, `trpc.x.y.useMutation({ onError })`: a mutation that answers its own failure. */
function isMutationWithOnError(init: ts.Expression | undefined, project?: MutationProject): boolean {
  // `useMutation({ onError })`, also a project's own mutation hook handed the options (`useMergeTag({ onError })`,
  // production karakeep): the result's `mutateAsync` makes it a mutation.
  if (!init || !ts.isCallExpression(init) || !/^use(?:Mutation$|[A-Z0-9])/.test(calleeName(init) ?? "")) return false;
  if (init.arguments.some((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "onError" && doesSomething(p)))) return true;
  // `useCreateSsoProviderMutation()` whose own body makes `useMutation({ onError })` (mutation-hook.ts).
  return hookDeclaresOnError(init, project);
}

/** The declaration of `name` in a block or file around `at`, nearest first. */
function declarationOf(at: ts.Node, name: string): ts.VariableDeclaration | undefined {
  for (let p = at.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return d;
        if (ts.isObjectBindingPattern(d.name) && d.name.elements.some((el) => ts.isIdentifier(el.name) && el.name.text === name)) return d;
      }
    }
  }
  return undefined;
}

/**
 * `rollback.mutateAsync(id)` (or `mutateAsync(id)` destructured) where `rollback = useMutation({ …,
 * onError: () => toast.error("Rollback failed") })`: TanStack Query runs the mutation's own `onError`
 * before the promise rejects, so the user is already told; a log-only catch around the call only
 * keeps the rejection from going unhandled. A mutation without `onError` (or an empty one) stays reported.
 */
export function mutationShowsTheFailure(call: ts.Expression, project?: MutationProject): boolean {
  if (!ts.isCallExpression(call)) return false;
  const e = call.expression;
  if (ts.isPropertyAccessExpression(e) && e.name.text === "mutateAsync" && ts.isIdentifier(e.expression)) {
    const d = declarationOf(call, e.expression.text);
    return !!d && ts.isIdentifier(d.name) && isMutationWithOnError(d.initializer, project);
  }
  if (!ts.isIdentifier(e)) return false;
  const d = declarationOf(call, e.text);
  if (!d || !ts.isObjectBindingPattern(d.name)) return false;
  const el = d.name.elements.find((x) => ts.isIdentifier(x.name) && x.name.text === e.text);
  const prop = el && (el.propertyName ? (ts.isIdentifier(el.propertyName) ? el.propertyName.text : undefined) : e.text);
  return prop === "mutateAsync" && isMutationWithOnError(d.initializer, project);
}

/** `try { await save.mutateAsync(v); close(); } catch (e) { log(e); }`: every wait in the try is such a mutation. */
export function tryOnlyAwaitsMutations(tryStmt: ts.TryStatement, project?: MutationProject): boolean {
  const awaits = awaitsIn(tryStmt.tryBlock);
  return awaits.length > 0 && awaits.every((a) => mutationShowsTheFailure(a.expression, project));
}

/** An `if` above the try, in the same block, whose branch is one statement that `answers` accepts (`if (!x) return null;`). */
export function guardAnswersBefore(tryStmt: ts.TryStatement, answers: (s: ts.Statement) => boolean): boolean {
  const list = tryStmt.parent;
  if (!ts.isBlock(list)) return false;
  return list.statements.slice(0, list.statements.indexOf(tryStmt)).some((st) => {
    if (!ts.isIfStatement(st)) return false;
    const then = ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
    return then.length === 1 && answers(then[0]!);
  });
}

// Calls that only compute from a string or array: what a format check is made of.
const PURE_CALL_RE = /^(?:split|map|filter|trim|trimStart|trimEnd|includes|join|slice|substring|toLowerCase|toUpperCase|startsWith|endsWith|indexOf|some|every|find|findIndex|reduce|test|match|replace|replaceAll|padStart|at|charAt|parseInt|parseFloat|Number|String|Boolean|isNaN|isFinite|isInteger|from|keys|values|entries)$/;

/**
 * `parse(str) { if (!str) return null; try { return str.split(",").map((item) => { … if (!ok)
 * throw new Error("Invalid sort format"); … }); } catch { return null; } }` (a nuqs/URL-state
 * parser): the try waits on nothing, every call in it only computes from the input, and its only
 * throws are its own format checks; the catch gives the answer the function's guard above the
 * try gives for an unusable input. Nothing else can land there.
 */
export function rejectsLikeItsGuard(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[0];
  if (stmts.length !== 1 || !exit || !ts.isReturnStatement(exit) || !exit.expression) return false;
  const want = exit.expression.getText();
  const tryStmt = clause.parent as ts.TryStatement;
  const fn = scopeOf(clause).fn;
  if (!fn?.body || !ts.isBlock(fn.body) || tryStmt.parent !== fn.body) return false;
  if (!guardAnswersBefore(tryStmt, (s) => ts.isReturnStatement(s) && s.expression?.getText() === want)) return false;
  let throws = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isTaggedTemplateExpression(n)) other = true;
    else if (ts.isThrowStatement(n)) {
      const e = n.expression;
      if (e && ts.isNewExpression(e) && ts.isIdentifier(e.expression) && /Error$/.test(e.expression.text) && (e.arguments ?? []).every((a) => ts.isStringLiteralLike(a))) throws++;
      else other = true;
      return;
    } else if (ts.isNewExpression(n)) other = true;
    else if (ts.isCallExpression(n) && !PURE_CALL_RE.test(calleeName(n) ?? "")) other = true;
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  return throws > 0 && !other;
}
