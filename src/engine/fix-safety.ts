import { ts } from "./ts";
import { applyEdits, ownEdits } from "./fix-invariants";
import type { Fix } from "./types";
import { parse, parseDiagnostics } from "./walk";
import { TreeMemo } from "./tree-memo";

/**
 * The fix-safety policy (ARCHITECTURE.md, "Fix safety"): a `safe` fix only ADDS INFORMATION.
 * It may add a log call through a logger whose arguments only read values, an argument to an
 * existing log call, a `{ cause }` to `new XError(msg)`, a binding to a `catch` clause (or the
 * error parameter to a promise `.catch` handler), a comment or directive, an import of a logger.
 * Anything else (a `throw`, `return`, `break`, `continue`, `yield`, `await`, an exit, a call
 * that replaces an expression, a changed or removed expression, statement or comment, an edit to
 * another file) is a violation. The checker compares the syntax trees before and after the fix;
 * when in doubt it reports a violation.
 */

const LOG_METHODS = new Set(["error", "warn", "info", "debug", "log", "fatal", "trace"]);
/** Receivers that are loggers: `console`, `logger`, `log`, `Logger`, `appLogger`, `this.logger`, `req.log`. */
const LOGGER_NAME_RE = /^(?:console|log|logger|Logger|[a-z]\w*Logger|LOGGER)$/;
/** Packages and project modules a logger is imported from. */
const LOGGER_MODULE_RE = /^(?:pino|bunyan|winston|consola|loglevel|signale|tslog|roarr|@nestjs\/common)$|(?:^|[/\\])(?:log|logger|logging)(?:\.[cm]?[jt]s)?$/i;
/** Comments a safe fix may delete: the engine's own directives (an unused one is removed). */
const DIRECTIVE_COMMENT_RE = /^\/[/*]\s*hardening-hints-ignore/;
const REDACTED = "<redacted>";

/** A node in the tree after the fix is matched against one before; the two texts differ. */
interface Ctx {
  a: ts.SourceFile;
  b: ts.SourceFile;
  out: string[];
  removedComments: string[];
  addedComments: string[];
}

let scanner: ts.Scanner | undefined;

/** Non-trivia tokens (as text) and comments of `text[start, end)`; the range holds no literal. */
function scanGap(text: string, start: number, end: number, tokens: string[], comments: string[]): void {
  if (end <= start) return;
  scanner ??= ts.createScanner(ts.ScriptTarget.Latest, false);
  scanner.setText(text, start, end - start);
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText());
    else if (k !== ts.SyntaxKind.WhitespaceTrivia && k !== ts.SyntaxKind.NewLineTrivia) tokens.push(scanner.getTokenText());
  }
  scanner.setText(undefined);
}

type Item = ts.Node | ts.NodeArray<ts.Node>;

function itemsOf(n: ts.Node): Item[] {
  const out: Item[] = [];
  ts.forEachChild(
    n,
    (c) => {
      out.push(c);
      return undefined;
    },
    (arr) => {
      out.push(arr);
      return undefined;
    },
  );
  return out;
}

const isArray = (i: Item): i is ts.NodeArray<ts.Node> => Array.isArray(i);

/** Tokens and comments of a node outside its children (its own keywords and punctuation), leading trivia included. */
function skeleton(n: ts.Node, sf: ts.SourceFile, items: readonly Item[]): { tokens: string[]; comments: string[] } {
  const tokens: string[] = [];
  const comments: string[] = [];
  const text = sf.text;
  if (isLeaf(n)) {
    scanGap(text, n.pos, n.getStart(sf), tokens, comments);
    tokens.push(text.slice(n.getStart(sf), n.end));
    return { tokens, comments };
  }
  let at = n.pos;
  for (const it of items) {
    if (it.pos >= at) scanGap(text, at, it.pos, tokens, comments);
    tokens.push("\u0000");
    at = Math.max(at, it.end);
  }
  scanGap(text, at, n.end, tokens, comments);
  return { tokens, comments };
}

/** Nodes compared by their exact text: names, literals, template pieces, JSX text. */
function isLeaf(n: ts.Node): boolean {
  const k = n.kind;
  return (k >= ts.SyntaxKind.FirstLiteralToken && k <= ts.SyntaxKind.LastTemplateToken) || k === ts.SyntaxKind.JsxText || ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isToken(n);
}

/** Comments anywhere in a node's full text (its leading trivia included). */
function commentsIn(n: ts.Node, sf: ts.SourceFile, out: string[]): void {
  out.push(...skeleton(n, sf, itemsOf(n)).comments);
  if (isLeaf(n)) return;
  ts.forEachChild(n, (x) => {
    commentsIn(x, sf, out);
    return undefined;
  });
}

const snippet = (n: ts.Node, sf: ts.SourceFile) => {
  const t = n.getText(sf).replace(/\s+/g, " ");
  return `\`${t.length > 60 ? `${t.slice(0, 57)}...` : t}\``;
};

const HAZARD_KINDS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.ThrowStatement, "throw"],
  [ts.SyntaxKind.ReturnStatement, "return"],
  [ts.SyntaxKind.BreakStatement, "break"],
  [ts.SyntaxKind.ContinueStatement, "continue"],
  [ts.SyntaxKind.YieldExpression, "yield"],
  [ts.SyntaxKind.AwaitExpression, "await"],
]);

/** What a subtree does that a safe fix must not add, counted per kind. */
function hazards(n: ts.Node, sf: ts.SourceFile): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (x: ts.Node): void => {
    let h = HAZARD_KINDS.get(x.kind);
    if (!h && ts.isCallExpression(x)) {
      const callee = x.expression.getText(sf).replace(/\s+/g, "");
      if (callee === "process.exit" || callee === "Deno.exit") h = callee;
    }
    if (h) out.set(h, (out.get(h) ?? 0) + 1);
    ts.forEachChild(x, visit);
  };
  visit(n);
  return out;
}

/** The first hazard `b` has more of than `a` (undefined `a`: an added node). */
function addedHazard(a: ts.Node | undefined, b: ts.Node, ca: Ctx): string | undefined {
  const hb = hazards(b, ca.b);
  const ha = a ? hazards(a, ca.a) : new Map<string, number>();
  for (const [k, n] of hb) if (n > (ha.get(k) ?? 0)) return k;
  return undefined;
}

function reportChange(a: ts.Node, b: ts.Node, c: Ctx): void {
  const h = addedHazard(a, b, c);
  if (h) c.out.push(`adds \`${h}\`: ${snippet(a, c.a)} becomes ${snippet(b, c.b)}`);
  else if (ts.isCallExpression(b) || ts.isNewExpression(b)) c.out.push(`a call replaces an existing expression: ${snippet(a, c.a)} becomes ${snippet(b, c.b)}`);
  else c.out.push(`changes ${snippet(a, c.a)} to ${snippet(b, c.b)}`);
}

function reportAdded(b: ts.Node, c: Ctx): void {
  const h = addedHazard(undefined, b, c);
  if (h) c.out.push(`adds \`${h}\`: ${snippet(b, c.b)}`);
  else if (ts.isExpressionStatement(b) && isLogCall(b.expression)) c.out.push(`adds a log call whose arguments may do more than read values: ${snippet(b, c.b)}`);
  else c.out.push(`adds ${snippet(b, c.b)}, which is not a log call`);
}

/** A value a log argument may hold: names, literals, templates, property reads, object literals of those. */
export function isPureArgument(e: ts.Node): boolean {
  if (ts.isIdentifier(e) || ts.isPrivateIdentifier(e)) return true;
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
      return true;
  }
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isPureArgument(s.expression));
  if (ts.isPropertyAccessExpression(e)) return isPureArgument(e.expression);
  if (ts.isElementAccessExpression(e)) return isPureArgument(e.expression) && (ts.isStringLiteral(e.argumentExpression) || ts.isNumericLiteral(e.argumentExpression));
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) return isPureArgument(e.expression);
  if (ts.isObjectLiteralExpression(e)) return e.properties.every(isPureProperty);
  return false;
}

function isPureProperty(p: ts.Node): boolean {
  if (ts.isShorthandPropertyAssignment(p)) return !p.objectAssignmentInitializer;
  if (ts.isPropertyAssignment(p)) return !ts.isComputedPropertyName(p.name) && isPureArgument(p.initializer);
  return false;
}

/** `console.error(…)`, `logger.warn(…)`, `this.logger.info(…)`, `req.log.error(…)`, `Logger.error(…)`. */
export function isLogCall(e: ts.Node): e is ts.CallExpression {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  if (!LOG_METHODS.has(method)) return false;
  let recv: ts.Expression = e.expression.expression;
  if (ts.isPropertyAccessExpression(recv)) {
    // `this.logger`, `req.log`, `ctx.log`, `fastify.log`, `this.#logger`: one property read of a name or `this`.
    if (!ts.isIdentifier(recv.expression) && recv.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
    const name = recv.name.text.replace(/^#/, "");
    return LOGGER_NAME_RE.test(name) && name !== "console";
  }
  if (!ts.isIdentifier(recv)) return false;
  return LOGGER_NAME_RE.test(recv.text);
}

function isAllowedLogStatement(s: ts.Node): boolean {
  return ts.isExpressionStatement(s) && isLogCall(s.expression) && s.expression.arguments.every(isPureArgument);
}

/** A statement a safe fix may insert: a log call, a log guarded by a condition that only reads values, a logger import. */
function isAllowedStatement(s: ts.Node): boolean {
  if (isAllowedLogStatement(s)) return true;
  if (isGuardedLog(s)) return true;
  // `for (const result of settled) if (result.status === "rejected") logger.error(…)`: the log of
  // each rejection, over the array `Promise.allSettled` just gave (a plain array: iterating it
  // runs no code of the program).
  if (ts.isForOfStatement(s) && !s.awaitModifier && ts.isIdentifier(s.expression) && isSettledArray(s, s.expression.text)) {
    const init = s.initializer;
    const plainConst = ts.isVariableDeclarationList(init) && !!(init.flags & ts.NodeFlags.Const) && init.declarations.length === 1 && ts.isIdentifier(init.declarations[0]!.name) && !init.declarations[0]!.initializer;
    return plainConst && isGuardedLog(s.statement);
  }
  if (ts.isImportDeclaration(s) && ts.isSourceFile(s.parent)) {
    return !!s.importClause && ts.isStringLiteral(s.moduleSpecifier) && LOGGER_MODULE_RE.test(s.moduleSpecifier.text);
  }
  // The CommonJS form of the same import: `const logger = require("../lib/logger")` at the top
  // level. Loading the module runs it exactly as the `import` does, which the policy accepts.
  if (ts.isVariableStatement(s) && ts.isSourceFile(s.parent) && s.declarationList.declarations.length === 1) {
    const d = s.declarationList.declarations[0]!;
    const init = d.initializer;
    const req = init && ts.isPropertyAccessExpression(init) ? init.expression : init;
    return (
      (ts.isIdentifier(d.name) || ts.isObjectBindingPattern(d.name)) &&
      !!req &&
      ts.isCallExpression(req) &&
      ts.isIdentifier(req.expression) &&
      req.expression.text === "require" &&
      req.arguments.length === 1 &&
      ts.isStringLiteral(req.arguments[0]!) &&
      LOGGER_MODULE_RE.test(req.arguments[0].text)
    );
  }
  return false;
}

function isPureCondition(e: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return isPureCondition(e.operand);
  if (ts.isParenthesizedExpression(e)) return isPureCondition(e.expression);
  // A strict comparison of two reads converts nothing (no `valueOf`/`toString` runs).
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken)) return isPureCondition(e.left) && isPureCondition(e.right);
  return isPureArgument(e) && !ts.isObjectLiteralExpression(e);
}

/** `if (<reads>) log(…)` or `if (<reads>) { log(…); … }`, with no else. */
function isGuardedLog(s: ts.Node): boolean {
  if (!ts.isIfStatement(s) || s.elseStatement || !isPureCondition(s.expression)) return false;
  const then = s.thenStatement;
  return ts.isBlock(then) ? then.statements.length > 0 && then.statements.every(isAllowedLogStatement) : isAllowedLogStatement(then);
}

/** The statement just before `s` declares `name` as `const name = await Promise.allSettled(…)`. */
function isSettledArray(s: ts.Statement, name: string): boolean {
  const list = s.parent && STATEMENT_LISTS.has(s.parent.kind) ? (s.parent as ts.Block).statements : undefined;
  const prev = list?.[list.indexOf(s) - 1];
  if (!prev || !ts.isVariableStatement(prev) || !(prev.declarationList.flags & ts.NodeFlags.Const) || prev.declarationList.declarations.length !== 1) return false;
  const d = prev.declarationList.declarations[0]!;
  let init = d.initializer;
  if (init && ts.isAwaitExpression(init)) init = init.expression;
  return ts.isIdentifier(d.name) && d.name.text === name && !!init && ts.isCallExpression(init) && init.expression.getText() === "Promise.allSettled";
}

const STATEMENT_LISTS = new Set([ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleBlock, ts.SyntaxKind.CaseClause, ts.SyntaxKind.DefaultClause]);

/** `new XError(msg)` → `new XError(msg, { cause: e })`. */
function isCauseAddition(a: ts.NewExpression, b: ts.NewExpression): boolean {
  const name = ts.isIdentifier(b.expression) ? b.expression.text : ts.isPropertyAccessExpression(b.expression) ? b.expression.name.text : "";
  if (!/Error$/.test(name) || a.arguments?.length !== 1 || b.arguments?.length !== 2) return false;
  const opt = b.arguments[1]!;
  if (!ts.isObjectLiteralExpression(opt) || opt.properties.length !== 1) return false;
  const p = opt.properties[0]!;
  if (ts.isShorthandPropertyAssignment(p)) return p.name.text === "cause" && !p.objectAssignmentInitializer;
  return ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "cause" && isPureArgument(p.initializer) && !ts.isObjectLiteralExpression(p.initializer);
}

/** The handler of `.catch(h)` or `.then(_, h)`: gaining its error parameter is the promise form of a catch binding. */
function isPromiseHandler(fn: ts.Node): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const m = call.expression.name.text;
  return (m === "catch" && call.arguments.length === 1 && call.arguments[0] === fn) || (m === "then" && call.arguments.length === 2 && call.arguments[1] === fn);
}

function sameText(a: ts.Node, ta: string, b: ts.Node, tb: string): boolean {
  return a.kind === b.kind && a.end - a.pos === b.end - b.pos && ta.slice(a.pos, a.end) === tb.slice(b.pos, b.end);
}

function trimmedSame(a: ts.Node, b: ts.Node, c: Ctx): boolean {
  return a.kind === b.kind && a.getText(c.a) === b.getText(c.b);
}

/** Statement lists: `b` is `a` with allowed statements inserted; matched elements are compared. */
function compareStatements(a: readonly ts.Node[], b: readonly ts.Node[], c: Ctx): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && trimmedSame(a[i]!, b[j]!, c)) {
      compare(a[i]!, b[j]!, c);
      i++;
      j++;
      continue;
    }
    // Statements inserted before the next unchanged one.
    let k = j;
    if (i < a.length) while (k < b.length && !trimmedSame(a[i]!, b[k]!, c)) k++;
    if (i < a.length && k < b.length) {
      for (; j < k; j++) added(b[j]!, c);
      continue;
    }
    if (i < a.length && j < b.length) {
      // The same statement, changed in place, unless the change breaks the policy and the
      // statement is one a fix may insert (then the old one comes later or was removed).
      const trial: Ctx = { ...c, out: [], removedComments: [], addedComments: [] };
      compare(a[i]!, b[j]!, trial);
      if (trial.out.length === 0 || !isAllowedStatement(b[j]!) || a[i]!.kind === b[j]!.kind) {
        c.out.push(...trial.out);
        c.removedComments.push(...trial.removedComments);
        c.addedComments.push(...trial.addedComments);
        i++;
        j++;
        continue;
      }
    }
    if (j < b.length && isAllowedStatement(b[j]!)) {
      added(b[j]!, c);
      j++;
      continue;
    }
    if (i < a.length) {
      c.out.push(`removes ${snippet(a[i]!, c.a)}`);
      i++;
      continue;
    }
    added(b[j]!, c);
    j++;
  }
}

function added(s: ts.Node, c: Ctx): void {
  if (isAllowedStatement(s)) commentsIn(s, c.b, c.addedComments);
  else reportAdded(s, c);
}

/** Compares two nodes that sit in the same place; records violations and the comments of changed parts. */
function compare(a: ts.Node, b: ts.Node, c: Ctx): void {
  if (sameText(a, c.a.text, b, c.b.text)) return;
  // A statement wrapped in a block, with log calls around it (`if (x) return;` → `if (x) { log(); return; }`).
  if (ts.isBlock(b) && !ts.isBlock(a) && isStatementLike(a)) {
    commentsOutside(b, c.b, c.addedComments);
    compareStatements([a], b.statements, c);
    return;
  }
  // An arrow's expression body turned into a block that logs, then returns the same expression.
  // A body that was a block already is compared statement by statement below (its `return x`
  // is not the expression body `x`).
  if (ts.isBlock(b) && !ts.isBlock(a) && a.parent && ts.isArrowFunction(a.parent) && a.parent.body === a) {
    const rest = b.statements.filter((s) => !isAllowedStatement(s));
    const ret = rest.length === 1 && ts.isReturnStatement(rest[0]!) ? rest[0]!.expression : undefined;
    if (ret) {
      for (const s of b.statements) if (s !== rest[0]) commentsIn(s, c.b, c.addedComments);
      commentsOutside(b, c.b, c.addedComments);
      commentsOutside(rest[0]!, c.b, c.addedComments);
      compare(a, ret, c);
      return;
    }
  }
  // A dropped value given a binding (`await f();` → `const { error } = await f();`): the value is
  // computed as before, and the binding only reads its properties, as a log argument may.
  if (ts.isExpressionStatement(a) && ts.isVariableStatement(b)) {
    const d = addedBinding(b, c);
    if (d?.initializer) {
      commentsOutside(b, c.b, c.addedComments);
      commentsOutside(b.declarationList, c.b, c.addedComments);
      compare(a.expression, d.initializer, c);
      return;
    }
  }
  if (a.kind !== b.kind) {
    reportChange(a, b, c);
    return;
  }
  if (ts.isCatchClause(a) && ts.isCatchClause(b) && !a.variableDeclaration && b.variableDeclaration) {
    commentsOutside(a, c.a, c.removedComments);
    commentsOutside(b, c.b, c.addedComments);
    if (!ts.isIdentifier(b.variableDeclaration.name) || b.variableDeclaration.type || b.variableDeclaration.initializer) c.out.push(`adds a catch binding that is not a plain name: ${snippet(b.variableDeclaration, c.b)}`);
    compare(a.block, b.block, c);
    return;
  }
  if ((ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && (ts.isArrowFunction(b) || ts.isFunctionExpression(b)) && a.parameters.length === 0 && b.parameters.length === 1 && isPromiseHandler(a)) {
    commentsOutside(a, c.a, c.removedComments);
    commentsOutside(b, c.b, c.addedComments);
    const p = b.parameters[0]!;
    if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken) c.out.push(`adds a handler parameter that is not a plain name: ${snippet(p, c.b)}`);
    compareArrays(a.modifiers ?? [], b.modifiers ?? [], a, b, c);
    compare(a.body, b.body, c);
    return;
  }
  const ia = itemsOf(a);
  const ib = itemsOf(b);
  const sa = skeleton(a, c.a, ia);
  const sb = skeleton(b, c.b, ib);
  c.removedComments.push(...sa.comments);
  c.addedComments.push(...sb.comments);
  if (ia.length !== ib.length || sa.tokens.join(" ") !== sb.tokens.join(" ") || ia.some((x, k) => isArray(x) !== isArray(ib[k]!))) {
    reportChange(a, b, c);
    return;
  }
  for (let k = 0; k < ia.length; k++) {
    const x = ia[k]!;
    const y = ib[k]!;
    if (isArray(x)) compareArrays(x, y as ts.NodeArray<ts.Node>, a, b, c);
    else compare(x, y as ts.Node, c);
  }
}

/** True when `text` holds `name` as a whole word (a binding the fix adds must not shadow anything there). */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(text);
}

/** `name` or `prop: name`, with no default or rest, where `name` is new to the code around the change. */
function isPlainNewElement(e: ts.BindingElement, c: Ctx): boolean {
  if (e.dotDotDotToken || e.initializer || !ts.isIdentifier(e.name)) return false;
  if (e.propertyName && !ts.isIdentifier(e.propertyName)) return false;
  return !mentions(c.a.text, e.name.text);
}

/** The one `const` declaration of `b` when it binds a new name or a pattern of new plain names. */
function addedBinding(b: ts.VariableStatement, c: Ctx): ts.VariableDeclaration | undefined {
  const list = b.declarationList;
  if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1 || b.modifiers?.length) return undefined;
  const d = list.declarations[0]!;
  if (d.type || d.exclamationToken) return undefined;
  if (ts.isIdentifier(d.name)) return mentions(c.a.text, d.name.text) ? undefined : d;
  if (ts.isObjectBindingPattern(d.name) && d.name.elements.length > 0 && d.name.elements.every((e) => isPlainNewElement(e, c))) return d;
  return undefined;
}

function isStatementLike(n: ts.Node): boolean {
  return ts.isStatement(n) && !!n.parent && !STATEMENT_LISTS.has(n.parent.kind);
}

/** Comments in a node's own gaps (not in its children). */
function commentsOutside(n: ts.Node, sf: ts.SourceFile, out: string[]): void {
  out.push(...skeleton(n, sf, itemsOf(n)).comments);
}

function compareArrays(x: readonly ts.Node[], y: readonly ts.Node[], pa: ts.Node, pb: ts.Node, c: Ctx): void {
  if (STATEMENT_LISTS.has(pa.kind) && x === (pa as { statements?: unknown }).statements) {
    compareStatements(x, y, c);
    return;
  }
  // A logger added to an existing import: `import { Injectable, Logger } from "@nestjs/common"`.
  if (ts.isNamedImports(pa) && y.length > x.length) {
    const extra = y.filter((s) => !x.some((o) => trimmedSame(o, s, c)));
    if (extra.length === y.length - x.length && extra.every((s) => ts.isImportSpecifier(s) && !s.isTypeOnly && LOGGER_NAME_RE.test(s.name.text))) {
      const kept = y.filter((s) => !extra.includes(s));
      x.forEach((o, k) => compare(o, kept[k]!, c));
      return;
    }
  }
  // A plain name added to an object binding pattern (`{ data }` → `{ data, error }`).
  if (ts.isObjectBindingPattern(pa) && ts.isObjectBindingPattern(pb) && y.length === x.length + 1) {
    x.forEach((o, k) => compare(o, y[k]!, c));
    const e = y[x.length] as ts.BindingElement;
    if (!isPlainNewElement(e, c)) c.out.push(`adds a binding that is not a new plain name: ${snippet(e, c.b)}`);
    return;
  }
  const isArgs = (ts.isCallExpression(pa) || ts.isNewExpression(pa)) && x === pa.arguments;
  // Arguments added to a log call, anywhere (`logger.warn({ err }, "msg")`), or fields added to an
  // object literal passed to one (`{ postId }` → `{ postId, err: e }`): the old ones keep their order.
  const logFields = ts.isObjectLiteralExpression(pb) && !!pb.parent && isLogCall(pb.parent) && (pb.parent as ts.CallExpression).arguments.includes(pb as ts.Expression);
  if (((isArgs && isLogCall(pb)) || logFields) && y.length > x.length) {
    const kept: number[] = [];
    for (let k = 0, m = 0; k < x.length && m < y.length; m++) if (trimmedSame(x[k]!, y[m]!, c)) kept[k++] = m;
    if (kept.length === x.length) {
      x.forEach((o, k) => compare(o, y[kept[k]!]!, c));
      for (const e of y.filter((_, m) => !kept.includes(m))) {
        const pure = logFields ? isPureProperty(e) : isPureArgument(e);
        if (!pure) c.out.push(`adds a log argument that may do more than read a value: ${snippet(e, c.b)}`);
        commentsIn(e, c.b, c.addedComments);
      }
      return;
    }
  }
  if (isArgs && y.length > x.length) {
    const appended = y.slice(x.length);
    x.forEach((o, k) => compare(o, y[k]!, c));
    if (ts.isCallExpression(pb) && isLogCall(pb)) {
      for (const e of appended) if (!isPureArgument(e)) c.out.push(`adds a log argument that may do more than read a value: ${snippet(e, c.b)}`);
    } else if (!(ts.isNewExpression(pa) && ts.isNewExpression(pb) && isCauseAddition(pa, pb))) {
      c.out.push(`adds an argument to a call that is not a log call: ${snippet(pb, c.b)}`);
    }
    for (const e of appended) commentsIn(e, c.b, c.addedComments);
    return;
  }
  if (x.length !== y.length) {
    c.out.push(`changes ${snippet(pa, c.a)} to ${snippet(pb, c.b)}`);
    return;
  }
  x.forEach((o, k) => compare(o, y[k]!, c));
}

/** Comments the fix deleted or changed, beyond the engine's own directives and secrets masked in place. */
function deletedComments(removed: string[], addedIn: string[]): string[] {
  const pool = new Map<string, number>();
  for (const t of addedIn) pool.set(t, (pool.get(t) ?? 0) + 1);
  const missing: string[] = [];
  for (const t of removed) {
    const n = pool.get(t) ?? 0;
    if (n > 0) pool.set(t, n - 1);
    else missing.push(t);
  }
  return missing.filter((t) => {
    if (DIRECTIVE_COMMENT_RE.test(t)) return false;
    // A secret masked inside a comment: the rest of the comment is kept around `<redacted>`.
    const masked = [...pool.keys()].find((d) => (pool.get(d) ?? 0) > 0 && d.includes(REDACTED) && d.split(REDACTED).length === 2 && t.startsWith(d.split(REDACTED)[0]!) && t.endsWith(d.split(REDACTED)[1]!) && t.length > d.length - REDACTED.length);
    if (masked) {
      pool.set(masked, pool.get(masked)! - 1);
      return false;
    }
    return true;
  });
}

/**
 * The top-level statements around the edited range [p, endA) of `a` (the edits' own bounds: the
 * text outside them is the same in both), with a neighbour on each side. Taken from the edits, not
 * by comparing the two texts, which cost a scan of the whole file per fix (a file with thousands of
 * fixes was quadratic).
 */
function changedSlice(a: string, sf: ts.SourceFile, p: number, endA: number): { from: number; toA: number } {
  const st = sf.statements;
  // Binary searches: the first statement ending at or after p, the last starting at or before endA.
  let lo = 0;
  let hi = st.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st[mid]!.end < p) lo = mid + 1;
    else hi = mid;
  }
  let l = 0;
  let r = st.length;
  while (l < r) {
    const mid = (l + r) >> 1;
    if (st[mid]!.pos > endA) r = mid;
    else l = mid + 1;
  }
  const last = l - 1;
  const from = lo - 1 <= 0 ? 0 : st[lo - 1]!.pos;
  const toA = last + 1 >= st.length - 1 ? a.length : st[last + 1]!.end;
  return { from, toA };
}

/**
 * The tree of `text.slice(from, to)`, the original side of a comparison. Safe fixes of one file
 * often touch the same statements (the empty catches of one large statement): with the file's tree
 * at hand, the last slice parsed for that tree is kept and reused, so that they share one parse
 * (one entry per file tree, dropped with it). A slice that is the whole file is the file's tree.
 */
const lastOriginalSlice = new TreeMemo<ts.SourceFile, { path: string; from: number; to: number; sf: ts.SourceFile }>();
function originalSlice(path: string, text: string, from: number, to: number, before: ts.SourceFile | undefined): ts.SourceFile {
  if (!before || before.text !== text) return parse(path, text.slice(from, to));
  if (from === 0 && to === text.length) return before;
  const last = lastOriginalSlice.get(before);
  if (last && last.path === path && last.from === from && last.to === to) return last.sf;
  const sf = parse(path, text.slice(from, to));
  lastOriginalSlice.set(before, { path, from, to, sf });
  return sf;
}

/**
 * Why a fix marked `safe` breaks the fix-safety policy: an empty list when it only adds
 * information. `before` is the file's tree (with parent pointers) when the caller has it.
 *
 * @example safetyViolations("try { f(); } catch {}\n", { title: "t", kind: "safe", edits: [{ start: 19, end: 19, text: " throw new Error();" }] })
 *   → ["adds `throw`: `throw new Error();`"]
 */
export function safetyViolations(text: string, fix: Fix, path = "/file.ts", before?: ts.SourceFile): string[] {
  const out: string[] = [];
  const others = [...new Set(fix.edits.filter((e) => e.file !== undefined).map((e) => e.file!))];
  for (const f of others) out.push(`edits another file (${f.replace(/^.*[\\/]/, "")})`);
  const own = ownEdits(fix);
  if (own.length === 0) return out;
  const whole = before ?? parse(path, text);
  if (parseDiagnostics(whole).length > 0) return [...out, "the file has syntax errors, so the fix cannot be judged"];
  // Only the top-level statements the change touches (and a neighbour on each side) are parsed
  // and compared: outside them the two texts are equal. A slice that does not parse alone is
  // judged on the whole file. The slice is edited on its own, so a fix costs its statements,
  // not the whole file (thousands of fixes in one file stay linear).
  const { from, toA } = changedSlice(text, whole, Math.min(...own.map((e) => e.start)), Math.max(...own.map((e) => e.end)));
  let sfA = originalSlice(path, text, from, toA, before);
  let sfB = parse(path, applyEdits(text.slice(from, toA), own.map((e) => ({ ...e, start: e.start - from, end: e.end - from }))));
  if (parseDiagnostics(sfA).length > 0 || parseDiagnostics(sfB).length > 0) [sfA, sfB] = [before ?? whole, parse(path, applyEdits(text, own))];
  if (parseDiagnostics(sfB).length > 0) return [...out, "the fixed file has syntax errors"];
  const c: Ctx = { a: sfA, b: sfB, out, removedComments: [], addedComments: [] };
  compare(sfA, sfB, c);
  for (const t of deletedComments(c.removedComments, c.addedComments)) out.push(`deletes or changes the comment \`${t.length > 60 ? `${t.slice(0, 57)}...` : t}\``);
  return out;
}

/** One safe fix the engine checked; it was demoted to a suggestion when `violations` is not empty. */
export interface SafetyCheck {
  path: string;
  code: string;
  title: string;
  violations: string[];
}

const listeners = new Set<(check: SafetyCheck) => void>();
/** How many safe fixes the engine demoted since the process started. */
export let demotionCount = 0;

/** Calls `listener` for every safe fix the engine checks until the returned function is called (the meta test listens). */
export function onFixSafetyCheck(listener: (check: SafetyCheck) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Defence in depth for the engine: a `safe` fix that breaks the policy is returned as a
 * suggestion (never applied in bulk); other fixes are returned as they are.
 */
export function enforceFixSafety(fix: Fix, text: string, path: string, code: string, sf?: ts.SourceFile): Fix {
  if (fix.kind !== "safe") return fix;
  const violations = safetyViolations(text, fix, path, sf);
  for (const l of listeners) l({ path, code, title: fix.title, violations });
  if (violations.length === 0) return fix;
  demotionCount++;
  const { isPreferred: _dropped, ...rest } = fix;
  return { ...rest, kind: "suggestion" };
}
