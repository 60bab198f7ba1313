import { ts } from "../../engine/ts";
import type { Fix, RuleContext, TextEdit } from "../../engine/types";
import { errorArgEdits, formatLogCall, resolveLogger, type LoggerInfo, type LogShape, type ResolvedLogger } from "../../fixes/logger";
import { isLogCall as isLoggerLevelCall } from "../../engine/fix-safety";
import { detectStyle, lineIndentAt, lineStartAt, quote, type FileStyle } from "../../fixes/text";
import { boundNames, calleeName, importBindings, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { BELOW_ERROR_LEVEL_RE, BUILTIN_ERRORS, classifyValue, isClientError, isLogCall, isNormalResponse, logCallOf, references, type Shape } from "./analysis";
import { guardReturns, isLibraryEventHook, loopSkipsFailedItems, returnsTheFunctionsDefault } from "./rethrow-contract";
import { contextIdentifiers, type Scope } from "./scope";
import { errorMakerOf, type ErrorMaker } from "./framework-error";
import { errorClassTakesCause, logCallTakes, logLineFits } from "./log-arity";
import { TreeMemo } from "../../engine/tree-memo";

/**
 * Fix builders. The policy (docs/rules/swallowed-exception.md, ARCHITECTURE.md): a `safe` fix
 * only adds information (a `{ cause }`, a log call through the project's logger that keeps what
 * an existing log line says, a binding), by insertions that keep every comment. Rethrowing,
 * passing the error on, answering 500, exiting or rejecting change behaviour: suggestions.
 */

export const REASON = "<reason>";

/** What fixes need to know, computed once per fix thunk. */
export interface FixEnv {
  ctx: RuleContext;
  style: FileStyle;
  /** The logger to call and the imports it needs; undefined when no log fix fits the project. */
  log: ResolvedLogger | undefined;
  scope: Scope;
}

const CONSOLE_LOGGER: LoggerInfo = { kind: "console", expr: "console", shape: "console", label: "console" };

/**
 * Edits that add `err` to an existing log call, in its logger's shape (errorArgEdits). Only on a
 * level method of `console` or of a receiver named as a logger (`logger.warn`, `this.logger.error`,
 * `req.log.info`), the calls the engine's fix-safety check reads as log calls: a bare `log(…)` or
 * `warn(…)` (a local function, a UI toast, a helper of fixed arity) or a `…Log` record writer
 * (`auditLog.info(action, id)`) may take the argument as something else. Undefined there, where
 * the error would fill a format string's unfilled placeholder, and where the project declares the
 * level method with parameters that do not take it (`error(message: string)`).
 */
export function addToLogCall(env: FixEnv, call: ts.CallExpression, err: string): TextEdit[] | undefined {
  if (!isLoggerLevelCall(call)) return undefined;
  const edits = errorArgEdits(call, err, env.log?.logger ?? CONSOLE_LOGGER, env.ctx.text);
  // A level method the project declares with parameters that cannot take the error (log-arity.ts).
  return edits && logCallTakes(env.ctx, call, edits) ? edits : undefined;
}

export function fixEnv(ctx: RuleContext, scope: Scope): FixEnv {
  const style = detectStyle(ctx.text);
  const log = resolveLogger({ sf: ctx.sourceFile, text: ctx.text, path: ctx.path, isModule: ctx.isModule, profile: ctx.profile, project: ctx.project, scope: { inClass: ownsThisLogger(ctx.text, scope), params: scope.allParams }, style });
  return { ctx, style, log, scope };
}

/**
 * `this.logger` (or `this.log`, whichever the logger detection reads) is the logger of the class
 * around the code: an instance member whose own class logs through it. A class beside it that does
 * (a second class of the file), a static member or a `function` callback has no such `this.logger`,
 * and `this.logger.error(…)` would throw from the catch.
 */
function ownsThisLogger(text: string, scope: Scope): boolean {
  const own = scope.thisClass?.getText();
  if (!scope.inClass || own === undefined) return false;
  return text.includes("this.logger.") ? own.includes("this.logger.") : own.includes("this.log.");
}

/** `getUser`, `notion.getPage`, `s3.send` (without `this.`): a call's callee as written, when it is a short name chain. */
function calleeText(call: ts.CallExpression): string | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  const parts: string[] = [];
  let e: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(e) && parts.length < 3) {
    parts.unshift(e.name.text);
    e = e.expression;
  }
  if (ts.isIdentifier(e)) parts.unshift(e.text);
  else if (e.kind !== ts.SyntaxKind.ThisKeyword) return name;
  const text = parts.join(".");
  return text.length <= 40 ? text : name;
}

/** The first call in a block, to say what failed. */
function firstCallName(node: ts.Node): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      found = calleeText(n);
      if (found) return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

// Names that say nothing about what failed: a log line "run failed" or "constructor failed" is vague.
const GENERIC_NAME_RE = /^(?:constructor|run|handle|handler|execute|exec|main|default|callback|cb|fn|process|start|init|task|job|action|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
// Calls that do not fail in practice, or only log: not candidates for what failed.
const NOT_FAILING_RE = /^(?:console|logger|log|Logger|Math|Number|String|Boolean|Object|Array|Date|parseInt$|parseFloat$|encodeURIComponent$|setTimeout$|clearTimeout$|resolve$)(?:\.|$)/;

/**
 * The calls of a try block that may be what failed, as written (`prisma.team.findUnique`): one
 * per call chain (its first call: `db.from("t").select()` is `db.from`), in order, without the
 * calls that answer the request, log, or do not fail in practice. Nested functions are left out.
 */
function failingCalls(block: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    // `res.status(401).json(…)` answers the request, from its first call on.
    if (ts.isCallExpression(n) && !chainsOnACall(n) && !isResponseCall(n)) {
      const text = calleeText(n);
      if (text && !NOT_FAILING_RE.test(text) && !out.includes(text)) out.push(text);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(block, visit);
  return out;
}

/** `a().b()`: the outer call of a chain, whose first call names it. */
function chainsOnACall(call: ts.CallExpression): boolean {
  let e: ts.Expression = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  e = e.expression;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  return ts.isCallExpression(e);
}

/** "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * The log message, which claims no more than it knows. One call could have failed (or the
 * handler's own call): "<call> failed in <function>" ("db.save failed" in `save`), "<call>
 * failed" without a function name. Several calls could have failed: the message does not pick
 * one; "<function> failed", or, when the function's name says nothing (`run`, `handle`,
 * `constructor`), the calls listed ("a or b failed in handle"), up to three; those of a batch
 * whose results are each a call's own (`eachOnItsOwn`, `Promise.allSettled`) are listed always.
 */
function messageFor(env: FixEnv, what: string | readonly string[], eachOnItsOwn = false): string {
  const name = env.scope.name;
  const generic = !!name && GENERIC_NAME_RE.test(name.replace(/^.*\./, ""));
  if (typeof what !== "string" && what.length > 1) {
    // A batch's rejection is one of its calls, not the function around it (`signIn failed` for a
    // failed analytics call of a sign-in that succeeded): up to three are named.
    if (name && !generic && !(eachOnItsOwn && what.length <= 3)) return quote(`${name} failed`, env.style.quote);
    if (what.length > 3) return quote(`${name ?? "operation"} failed`, env.style.quote);
    return quote(`${orList(what)} failed${name ? ` in ${name}` : ""}`, env.style.quote);
  }
  const one = typeof what === "string" ? what : (what[0] ?? "operation");
  if (!name) return quote(`${one} failed`, env.style.quote);
  if (one === "operation") return quote(`${name} failed`, env.style.quote);
  // `save` calling `db.save`: the call says it all.
  if (one.replace(/^.*\./, "") === name.replace(/^.*\./, "")) return quote(`${one} failed`, env.style.quote);
  return quote(`${one} failed in ${name}`, env.style.quote);
}

/** `err`, `error` or `caught`, whichever `text` does not use. */
export function freeName(text: string): string {
  for (const candidate of ["err", "error", "caught"]) if (!new RegExp(`\\b${candidate}\\b`).test(text)) return candidate;
  return "caughtError";
}

export interface Channel {
  /** Statement that passes the error on, without the semicolon. */
  statement: (err: string, q: '"' | "'") => string;
  title: string;
  /** Also log before passing on (the response path loses the error otherwise). */
  log: boolean;
}

/** How the surrounding code passes errors on, when it shows one: `next`, `cb`, `reject`, a response. */
export function channelOf(scope: Scope, text: string): Channel | undefined {
  const fn = scope.fn;
  if (!fn) return undefined;
  const params = scope.params;
  const last = params[params.length - 1];
  if (params.length >= 3 && last === "next") return { statement: (e) => `return next(${e})`, title: "Pass the error to next", log: false };
  // new Promise((resolve, reject) => { try … catch … })
  const p = fn.parent;
  if (params.length === 2 && p && ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === "Promise" && params[1]) {
    const reject = params[1];
    return { statement: (e) => `return ${reject}(${e})`, title: `Reject with the error`, log: false };
  }
  if (last && /^(?:cb|callback|done)$/.test(last) && params.length >= 2) return { statement: (e) => `return ${last}(${e})`, title: `Pass the error to ${last}`, log: false };
  const res = params[1];
  if ((params[0] === "req" || params[0] === "request") && (res === "res" || res === "response") && text.includes(`${res}.status(`)) {
    return { statement: (_e, q) => `return ${res}.status(500).json({ error: ${quote("Internal Server Error", q)} })`, title: "Log and respond with 500", log: true };
  }
  return undefined;
}

/** Block text `{ … }` holding `lines`, indented one unit deeper than `baseIndent`. */
export function blockOf(env: FixEnv, lines: readonly string[], baseIndent: string): string {
  const inner = baseIndent + env.style.indentUnit;
  return `{${env.style.eol}${lines.map((l) => inner + l).join(env.style.eol)}${env.style.eol}${baseIndent}}`;
}

/**
 * An `if`'s branch without braces (`if (error) log(error);`, also on a line of its own) made a block of
 * lines that holds it and then `lines`: the edit replaces the text from the condition's `)` to the
 * branch's end with `{ … }` (the `if`'s indentation, one unit deeper inside). Undefined when a comment
 * sits between the `)` and the branch, which the edit would swallow.
 */
export function bracedBranch(env: FixEnv, check: ts.IfStatement, lines: readonly string[]): TextEdit | undefined {
  const then = check.thenStatement;
  const paren = check.getChildren().find((c) => c.kind === ts.SyntaxKind.CloseParenToken);
  if (!paren || !/^\s*$/.test(env.ctx.text.slice(paren.getEnd(), then.getStart()))) return undefined;
  return { start: paren.getEnd(), end: then.getEnd(), text: ` ${blockOf(env, [then.getText(), ...lines], lineIndentAt(env.ctx.text, check.getStart()))}` };
}

function semi(env: FixEnv, stmt: string): string {
  return stmt + env.style.semi;
}

/** The log statement for `err` (with cheap context from `contextOf`), or undefined when no logger fits. */
function logLine(env: FixEnv, err: string, what: string | readonly string[], contextOf: ts.Node | undefined): string | undefined {
  if (!env.log) return undefined;
  const context = contextOf ? contextIdentifiers(contextOf, new Set([err])) : [];
  const call = fittingLogCall(env, messageFor(env, what), err, context, contextOf);
  return call === undefined ? undefined : semi(env, call);
}

const LOG_SHAPES: readonly LogShape[] = ["objectFirst", "messageFirst", "console"];

/**
 * The error-log call (no semicolon) through the file's logger, in its shape; where the project
 * declares the level method with parameters that call does not fit (log-arity.ts), in another
 * shape that fits (`logger.error("…", { err })` for a message-first method); else undefined.
 * `at` is where the call goes.
 */
export function fittingLogCall(env: FixEnv, message: string, err: string, context: readonly string[], at: ts.Node | undefined): string | undefined {
  const logger = env.log?.logger;
  if (!logger || !loggerBoundAt(env, at)) return undefined;
  for (const shape of [logger.shape, ...LOG_SHAPES.filter((x) => x !== logger.shape)]) {
    const call = formatLogCall({ ...logger, shape }, message, err, context);
    if (logLineFits(env.ctx, call, at)) return call;
  }
  return undefined;
}

/**
 * The logger's name is bound where the line runs. Code at the top level of the file runs while
 * the module loads: a logger declared below it (`const logger = pino()` after a top-level `try`,
 * or the `require` a fix adds after the file's last one) is still in its temporal dead zone
 * there (a `var` still `undefined`), and the log line would throw from the catch. Code inside a
 * function runs when called, after the module has loaded.
 */
function loggerBoundAt(env: FixEnv, at: ts.Node | undefined): boolean {
  if (!at || !env.log) return true;
  for (let p = at.parent; p; p = p.parent) if (isFunctionLike(p)) return true;
  const root = /^[A-Za-z_$][\w$]*/.exec(env.log.logger.expr)?.[0];
  if (!root || root === "console") return true;
  const pos = at.getStart();
  if (env.log.imports.some((e) => e.start > pos && /\brequire\s*\(/.test(e.text))) return false;
  return !env.ctx.sourceFile.statements.some((st) => st.getStart() > pos && declaresName(st, root));
}

/** A top-level `const`/`let`/`var` or class of the file that declares `name`. */
function declaresName(st: ts.Statement, name: string): boolean {
  if (ts.isClassDeclaration(st)) return st.name?.text === name;
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.some((d) => boundNames(d.name).includes(name));
}

function loggerLabel(env: FixEnv): string {
  return env.log?.logger.label ?? "console";
}

/** True when a line of `text` holds only whitespace before `pos`. */
function startsLine(text: string, pos: number): boolean {
  return text.slice(lineStartAt(text, pos), pos).trim() === "";
}

/**
 * Inserts statements at the top of a block (before its first statement, after its leading
 * comments), or before its closing brace when it holds only comments. Nothing is replaced.
 */
export function insertAtBlockStart(env: FixEnv, block: ts.Block, lines: readonly string[]): TextEdit {
  const text = env.ctx.text;
  const eol = env.style.eol;
  const open = block.getStart();
  const close = block.getEnd() - 1;
  const base = lineIndentAt(text, open);
  const inner = base + env.style.indentUnit;
  const first = block.statements[0];
  if (!text.slice(open, close).includes("\n")) {
    if (text.slice(open + 1, close).trim() === "") return { start: open + 1, end: close, text: `${eol}${lines.map((l) => inner + l).join(eol)}${eol}${base}` };
    // Statements joined on one line need a `;` even in a style without semicolons (`{ log(err); return x }`).
    return { start: open + 1, end: open + 1, text: ` ${lines.map((l) => (/[;}]$/.test(l) ? l : `${l};`)).join(" ")}` };
  }
  if (first) {
    const at = first.getStart();
    if (startsLine(text, at)) {
      const ind = lineIndentAt(text, at);
      return { start: at, end: at, text: `${lines.join(eol + ind)}${eol}${ind}` };
    }
    return { start: open + 1, end: open + 1, text: `${eol}${lines.map((l) => inner + l).join(eol)}` };
  }
  const closeLine = lineStartAt(text, close);
  if (startsLine(text, close)) return { start: closeLine, end: closeLine, text: `${lines.map((l) => inner + l).join(eol)}${eol}` };
  return { start: close, end: close, text: `${eol}${lines.map((l) => inner + l).join(eol)}${eol}${base}` };
}

/** Inserts statements after `stmt` on lines of their own, at its indentation. */
function insertAfter(env: FixEnv, stmt: ts.Node, lines: readonly string[]): TextEdit {
  const list = stmt.parent;
  // `{ log(e); }` on one line stays on one line.
  if (ts.isBlock(list) && !env.ctx.text.slice(list.getStart(), list.getEnd()).includes("\n")) return { start: stmt.getEnd(), end: stmt.getEnd(), text: ` ${lines.join(" ")}` };
  const ind = lineIndentAt(env.ctx.text, stmt.getStart());
  return { start: stmt.getEnd(), end: stmt.getEnd(), text: lines.map((l) => env.style.eol + ind + l).join("") };
}

/** Wraps a branch statement in a block that runs `lines` first: `if (err) return;` → `if (err) { log; return; }`. */
function wrapWithLines(env: FixEnv, stmt: ts.Statement, lines: readonly string[], base: string): TextEdit[] {
  if (ts.isBlock(stmt)) return [insertAtBlockStart(env, stmt, lines)];
  const inner = base + env.style.indentUnit;
  const eol = env.style.eol;
  return [
    { start: stmt.getStart(), end: stmt.getStart(), text: `{${eol}${lines.map((l) => inner + l).join(eol)}${eol}${inner}` },
    { start: stmt.getEnd(), end: stmt.getEnd(), text: `${eol}${base}}` },
  ];
}

function bindingOf(clause: ts.CatchClause): string | undefined {
  const d = clause.variableDeclaration;
  return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
}

/**
 * The catch's error name, and the edit that adds a binding to a binding-less catch: a name the
 * code from `within` (its try statement, or an enclosing catch) to the catch's end does not use.
 */
function ensureBinding(env: FixEnv, clause: ts.CatchClause, within: ts.Node = clause.parent): { err: string; edits: TextEdit[] } {
  const binding = bindingOf(clause);
  if (binding) return { err: binding, edits: [] };
  const err = freeName(env.ctx.text.slice(within.getStart(), clause.getEnd()));
  const at = clause.getStart() + "catch".length;
  return { err, edits: [{ start: at, end: at, text: ` (${err})` }] };
}

/** The catch clause this node sits in, within the same function. */
export function enclosingCatch(node: ts.Node): ts.CatchClause | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (ts.isCatchClause(p)) return p;
  }
  return undefined;
}

/** Statements that end a catch as if nothing failed: `return <default>`, `continue`, `break`, a default answer or assignment. */
function normalExit(block: ts.Block, shape: Shape | undefined): ts.Statement | undefined {
  const last = block.statements[block.statements.length - 1];
  if (!last) return undefined;
  if (ts.isReturnStatement(last) || ts.isContinueStatement(last) || ts.isBreakStatement(last)) return last;
  // `next()`, `done()` with no argument: the success path; the error is handed on in its place.
  if (ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) && last.expression.arguments.length === 0 && ts.isIdentifier(last.expression.expression) && /^(?:next|cb|callback|done)$/.test(last.expression.expression.text)) return last;
  if (shape?.kind === "default" && shape.value === last) return last;
  if (shape?.kind === "default" && ts.isExpressionStatement(last) && shape.value === last.expression) return last;
  return undefined;
}

/** The log calls of a shape that do not pass the error yet; the first one gets it. */
function logsWithoutError(shape: Shape | undefined, err: string | undefined): ts.CallExpression[] | undefined {
  if (shape?.kind !== "log") return undefined;
  if (err && shape.logs.some((l) => references(l, err))) return [];
  return shape.logs;
}

/**
 * The safe fix of a catch that drops or only logs: add the error to its log line when the line
 * leaves it out, else log it through the project's logger. Undefined when the catch already
 * logs the error or no logger fits the project.
 */
export function catchLogFix(env: FixEnv, clause: ts.CatchClause, shape: Shape | undefined, kind: "safe" | "suggestion" = "safe"): Fix | undefined {
  const binding = ensureBinding(env, clause);
  const logs = logsWithoutError(shape, bindingOf(clause));
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  if (logs) {
    if (logs.length === 0) return undefined;
    const edits = addToLogCall(env, logs[0]!, binding.err);
    if (!edits) return undefined;
    return { title: `Add ${binding.err} to the log call`, kind, ...(kind === "safe" && !answerIsPreferred(env, clause, shape) ? { isPreferred: true } : {}), edits: [...binding.edits, ...edits] };
  }
  // A request left unanswered still hangs after a log line: only the 500 answer (a suggestion)
  // fixes it, so there is no safe fix to apply in bulk (review R70).
  if (kind === "safe" && answerIsPreferred(env, clause, shape)) return undefined;
  let line = logLine(env, binding.err, failingCalls(tryBlock), tryBlock);
  if (!line) return undefined;
  let title = `Log the error with ${loggerLabel(env)}`;
  if (expectsTheFailure(clause)) {
    // An expected failure that the function then answers with a client error: the 4xx says it all.
    if (answeredAsClientError(env, clause)) return undefined;
    // An expected failure (a bad token, a wrong id) is not an error in the logs.
    const expr = env.log!.logger.expr;
    const level = quietLevel(env);
    if (!level || !line.startsWith(`${expr}.error(`)) return undefined;
    line = `${expr}.${level}(${line.slice(`${expr}.error(`.length)}`;
    title = `Log the error as a ${level === "warn" ? "warning" : "note"} with ${loggerLabel(env)}`;
  }
  return { title, kind, ...(kind === "safe" ? { isPreferred: true } : {}), edits: [...env.log!.imports, ...binding.edits, insertAtBlockStart(env, clause.block, [line])] };
}

// What a catch answers when the failure is the caller's (a wrong id, a bad or expired token): not an outage.
// ("invalid …" answers are failure results already: such a catch is not reported.)
const EXPECTED_ANSWER_RE = /not[_\s-]?found|expired|unauthori[sz]ed|forbidden|denied|not[_\s-]?allowed|bad[_\s-]?request/i;
// Calls that fail on bad input by design: decoding or verifying a token the user sent.
const TOKEN_CHECK_RE = /^(?:decode|verify|jwtVerify)\w*$|Token$/;

/**
 * The catch handles a failure the caller caused, not an outage: it answers "not found" or
 * "forbidden" (`return { status: "not_found" }`), or its try only decodes or verifies a token
 * (`jwtService.decode(hash)`). Logging that at error level is noise.
 */
function expectsTheFailure(clause: ts.CatchClause): boolean {
  const calls = failingCalls((clause.parent as ts.TryStatement).tryBlock);
  if (calls.length > 0 && calls.every((c) => TOKEN_CHECK_RE.test(c.replace(/^.*\./, "")))) return true;
  let expected = false;
  const visit = (n: ts.Node): void => {
    if (expected || isFunctionLike(n)) return;
    if (ts.isStringLiteralLike(n) && EXPECTED_ANSWER_RE.test(n.text) && isAnswerPart(n)) expected = true;
    ts.forEachChild(n, visit);
  };
  visit(clause.block);
  return expected;
}

/**
 * The catch falls back (assigns) and the function later throws a client (4xx) error from an
 * `if` after the try (`catch { userId = undefined; }` … `if (!user) throw new
 * UnprocessableEntityException(…)`): the caller is told what happened; a log of the bad token
 * adds only noise.
 */
function answeredAsClientError(env: FixEnv, clause: ts.CatchClause): boolean {
  const assigns = clause.block.statements.some((st) => ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken);
  const body = env.scope.fn?.body;
  if (!assigns || !body || !ts.isBlock(body)) return false;
  const throwsClientError = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isThrowStatement(n) && n.expression && ts.isNewExpression(n.expression) && isClientError(n.expression)) return true;
    return ts.forEachChild(n, throwsClientError) ?? false;
  };
  return body.statements.some((st) => st.getStart() > clause.getEnd() && ts.isIfStatement(st) && throwsClientError(st.thenStatement));
}

/** A string inside what the catch returns or answers (not a log message). */
function isAnswerPart(n: ts.Node): boolean {
  for (let p = n.parent; p && !ts.isCatchClause(p); p = p.parent) {
    if (ts.isReturnStatement(p) || ts.isThrowStatement(p)) return true;
    if (ts.isCallExpression(p) && isResponseCall(p)) return true;
  }
  return false;
}

/** The level below error the project's logger has: `warn` (console, pino, winston, bunyan, Nest), or what a local logger is seen to use. */
function quietLevel(env: FixEnv): "warn" | "info" | undefined {
  const logger = env.log?.logger;
  if (!logger) return undefined;
  if (logger.kind !== "local") return "warn";
  if (env.ctx.text.includes(`${logger.expr}.warn(`)) return "warn";
  return env.ctx.text.includes(`${logger.expr}.info(`) ? "info" : undefined;
}


/** A log call below error level (`console.warn`, `logger.info`, a bare `warn(…)`). */
function logsBelowError(logs: readonly ts.CallExpression[]): boolean {
  return logs.some((l) => {
    const c = l.expression;
    return ts.isPropertyAccessExpression(c) ? BELOW_ERROR_LEVEL_RE.test(c.name.text) : ts.isIdentifier(c) && BELOW_ERROR_LEVEL_RE.test(c.text);
  });
}

/**
 * UI code: a browser file, or a React component file outside the server folders. A rethrow there
 * reaches no caller, only the console as an uncaught error, and the user gets no feedback.
 */
export function isUiCode(env: FixEnv): boolean {
  const { path, text, profile } = env.ctx;
  if (profile.runtimeOf(path, text) === "browser") return true;
  if (!/\.[jt]sx$/i.test(path) || /(?:^|[\\/])(?:api|server|actions?)[\\/]|[\\/]route\.[jt]sx$/i.test(path)) return false;
  return /\bfrom[ \t]*["']react["']|^[ \t]*["']use client["']/m.test(text);
}

// The roots of an HTTP answer: `res.json(…)`, `reply.send(…)`, `ctx.body`, `c.json(…)`, `NextResponse.json(…)`.
const RESPONSE_ROOT_RE = /^(?:res|response|reply|ctx|c|NextResponse|Response)$/;

/** `res.status(200).json(…)`, `NextResponse.json(…)`: a call that answers the request. */
function isResponseCall(n: ts.Node): boolean {
  if (!ts.isCallExpression(n)) return false;
  let e: ts.Expression = n.expression;
  for (let depth = 0; depth < 8 && (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)); depth++) e = e.expression;
  return ts.isIdentifier(e) && RESPONSE_ROOT_RE.test(e.text);
}

/**
 * What a statement does: other work (a call, an `await`, other than answering), and whether it
 * gives a real answer (a response or a `return` of something other than a default such as
 * `null`, `[]` or `res.json([])`, which is the swallow itself, not a fallback).
 */
function whatItDoes(node: ts.Node): { work: boolean; answers: boolean } {
  const out = { work: false, answers: false };
  const visit = (n: ts.Node): void => {
    if (out.work && out.answers) return;
    if (ts.isReturnStatement(n) && n.expression && classifyValue(n.expression) !== "default" && !isNormalResponse(n.expression)) out.answers = true;
    if (isResponseCall(n)) out.answers ||= !isNormalResponse(n as ts.CallExpression);
    else if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isAwaitExpression(n)) out.work = true;
    if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/**
 * The code goes on after the try: more work follows it in its function, another answer follows
 * a try that answers itself (a fallback answer), or the try sits in a loop (the next item). The
 * catch is then a step that may fail, not the end of the operation, and a rethrow stops what was
 * meant to go on. A success answer after a try that does not answer is not a fallback: that is
 * the swallow a 500 fixes.
 */
function carriesOnAfter(tryStmt: ts.TryStatement): boolean {
  const tryAnswers = whatItDoes(tryStmt.tryBlock).answers;
  let n: ts.Node = tryStmt;
  for (let depth = 0; depth < 64 && n.parent; depth++) {
    const p = n.parent;
    if (isFunctionLike(p)) return false;
    if (ts.isIterationStatement(p, false)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const list = p.statements;
      for (const s of list.slice(list.indexOf(n as ts.Statement) + 1)) {
        const does = whatItDoes(s);
        if (does.work || (does.answers && tryAnswers)) return true;
      }
      if (ts.isSourceFile(p)) return false;
    }
    n = p;
  }
  return false;
}

/** `return res.status(200).json({ isAccessible: false, … })`: the callee text and the keys set to `false` (a negative answer). */
function negativeAnswer(s: ts.Node): { callee: string; falseKeys: string[] } | undefined {
  if (!ts.isReturnStatement(s) || !s.expression || !ts.isCallExpression(s.expression)) return undefined;
  const arg = s.expression.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  const falseKeys = arg.properties.filter((p) => ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.FalseKeyword).map((p) => p.name!.getText());
  return falseKeys.length > 0 ? { callee: s.expression.expression.getText().replace(/\s+/g, ""), falseKeys } : undefined;
}

/**
 * The catch gives the negative answer one of the function's own `if` branches gives
 * (`if (!pageId) return res.status(200).json({ isAccessible: false })`): that answer is the
 * endpoint's contract for "could not", not an error hidden as a success.
 */
function answersLikeABranch(clause: ts.CatchClause, exit: ts.Statement, fn: ts.Node | undefined): boolean {
  const want = negativeAnswer(exit);
  const body = fn && (fn as ts.FunctionLikeDeclaration).body;
  if (!want || !body) return false;
  let same = false;
  const visit = (n: ts.Node): void => {
    if (same || n === clause || isFunctionLike(n)) return;
    if (ts.isIfStatement(n)) {
      for (const branch of [n.thenStatement, n.elseStatement]) {
        for (const s of branch ? (ts.isBlock(branch) ? branch.statements : [branch]) : []) {
          const got = negativeAnswer(s);
          if (got && got.callee === want.callee && got.falseKeys.some((k) => want.falseKeys.includes(k))) same = true;
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return same;
}

// Names of notifications and other best-effort side effects (`sendViewerInvitation`: a sent invitation).
const NOTIFICATION_RE = /e-?mail|mail(?:er)?(?:$|[A-Z.])|notif|slack|webhook|analytics|telemetry|track(?:Event|$)|(?:^|\.)identify(?:User)?$|(?:^|\.)send\w*invit/i;

/** The function sends a notification (its name, or the first call of the try or chain, says so). */
function isNotification(fnName: string | undefined, first: string | undefined): boolean {
  if (fnName && NOTIFICATION_RE.test(fnName.replace(/^.*\./, ""))) return true;
  return first !== undefined && NOTIFICATION_RE.test(first);
}

/**
 * Whether a reviewer would merge a rethrow (or a 500, `next(err)`…) in place of this catch's
 * carrying on. Not when the carrying on is plainly meant: UI code, a log below error level, a
 * fallback assigned in the catch, a negative answer the function also gives, a loop over items,
 * a best-effort step (`isBestEffortStep`), or more work after the try that the rethrow would skip.
 */
function rethrowFits(env: FixEnv, clause: ts.CatchClause, shape: Shape | undefined, channel: Channel | undefined): boolean {
  if (isUiCode(env)) return false;
  // A request or callback left unanswered hangs: its channel fits whatever the log level.
  if (!channel && shape?.kind === "log" && logsBelowError(shape.logs)) return false;
  // A best-effort side effect (an e-mail, a Slack message, a webhook, analytics): every caller
  // would start failing when the notification does.
  if (!channel && isNotification(env.scope.name, firstCallName((clause.parent as ts.TryStatement).tryBlock))) return false;
  if (!channel && isBestEffortFunction(env)) return false;
  const block = clause.block;
  const assigns = block.statements.some((s) => ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken);
  if (assigns) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const exit = normalExit(block, shape);
  if (exit && (ts.isContinueStatement(exit) || ts.isBreakStatement(exit))) return false;
  if (exit && answersLikeABranch(clause, exit, env.scope.fn)) return false;
  if (exit && ts.isReturnStatement(exit) && returnsTheContractValue(env, clause, exit)) return false;
  if (isBestEffortStep(env, tryStmt)) return false;
  // A loop whose other failure branches log and skip the item: a throw would end the batch.
  if (loopSkipsFailedItems(clause)) return false;
  if (!channel && failureBranchLogsAndEnds(tryStmt.tryBlock)) return false;
  if (!exit || !ts.isReturnStatement(exit)) return !carriesOnAfter(tryStmt);
  return true;
}

/** A branch that logs at error level and ends the function with a bare `return`, throwing nothing. */
function logsAndEnds(branch: ts.Statement): boolean {
  const list = ts.isBlock(branch) ? branch.statements : [branch];
  const last = list[list.length - 1];
  if (!last || !ts.isReturnStatement(last) || (last.expression && !(ts.isIdentifier(last.expression) && last.expression.text === "undefined"))) return false;
  const logs: ts.CallExpression[] = [];
  for (const s of list) {
    const log = ts.isExpressionStatement(s) ? logCallOf(s.expression) : undefined;
    if (log) logs.push(log);
  }
  if (!logs.some((l) => !logsBelowError([l]))) return false;
  let throws = false;
  const visit = (n: ts.Node): void => {
    if (throws || isFunctionLike(n)) return;
    if (ts.isThrowStatement(n)) throws = true;
    else ts.forEachChild(n, visit);
  };
  visit(branch);
  return !throws;
}

/**
 * The try's own failure branch logs an error and ends without throwing (`if (!response.ok) {
 * logger.error("Failed to send …"); return; }`): the function treats the failed operation as
 * done, so a rethrow from its catch would fail, and a retried task rerun, work its own code lets
 * finish (papermark `dataroom-upload-notification.ts`, session-24 review R64).
 */
function failureBranchLogsAndEnds(tryBlock: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isIfStatement(n) && (logsAndEnds(n.thenStatement) || (!!n.elseStatement && logsAndEnds(n.elseStatement)))) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(tryBlock, visit);
  return found;
}

// The project's own log helper (`log`, `logError`, `sendLogs`): it must never throw, or every catch that logs through it fails with it.
const LOG_HELPER_RE = /^(?:log|logs|logger)(?:[A-Z]\w*)?$|^(?:send|write|post|emit|push|ship|flush)Logs?(?:[A-Z]\w*)?$/;

/**
 * A function that is best effort by what it is: the project's own log helper (`export const log
 * = async (…) => { try { await post(webhook, …) } catch {} }`), or a handler in a library's
 * `events` object (NextAuth's `events: { signIn: async (message) => … }`), which is told of a
 * sign-in after it happened: a throw there only skips what the handler does after it.
 */
function isBestEffortFunction(env: FixEnv): boolean {
  const name = env.scope.name?.replace(/^.*\./, "");
  if (name && LOG_HELPER_RE.test(name)) return true;
  const fn = env.scope.fn;
  if (!fn) return false;
  // An event hook the file hands to a library's call (session-25 review R67).
  if (isLibraryEventHook(fn)) return true;
  const holder = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
  const object = holder?.parent;
  if (!object || !ts.isObjectLiteralExpression(object)) return false;
  const prop = object.parent;
  return ts.isPropertyAssignment(prop) && prop.initializer === object && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) && prop.name.text === "events";
}

/** `null`, `undefined`, `false` or nothing: the value a caller checks for "could not"; its text, or undefined for any other value. */
function couldNotValue(exit: ts.ReturnStatement): string | undefined {
  const e = exit.expression;
  if (!e) return "undefined";
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return e.getText();
  if (ts.isIdentifier(e) && e.text === "undefined") return "undefined";
  return undefined;
}

/** The block returns a value on success (`return await db.find(id)`), not only ends: the function's answer is "a value, or nothing". */
function returnsAValue(block: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !couldNotValue(n)) found = true;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/**
 * The catch returns the value the function's contract gives for "could not" (`null`,
 * `undefined`, `false`, a bare `return`) where its try returns a real value, which callers
 * already check: a guard of the same function returns it before the try (`if (!customer)
 * return;` … `catch { return; }`), or a catch of another function in the module logs and returns
 * it too (`getDocumentInfo`, `getLinkInfo`: helpers that log and return null). Or it returns a
 * literal the function gives as its default (`returnsTheFunctionsDefault`: `?? 1`). A rethrow
 * breaks that contract for every caller.
 */
function returnsTheContractValue(env: FixEnv, clause: ts.CatchClause, exit: ts.ReturnStatement): boolean {
  const want = couldNotValue(exit);
  const fn = env.scope.fn;
  const valued = returnsAValue((clause.parent as ts.TryStatement).tryBlock);
  // A literal default (`return 1`) the function's guard or final `?? 1` also gives (review R64).
  if (fn && returnsTheFunctionsDefault(fn, clause, exit, valued)) return true;
  if (!want || !fn || !valued) return false;
  if (guardReturns(fn, clause).some((r) => couldNotValue(r) === want)) return true;
  if (clause.block.statements.length < 2) return false;
  let sibling = false;
  const visit = (n: ts.Node): void => {
    if (sibling || n === fn) return;
    if (ts.isCatchClause(n) && n.block.statements.length >= 2) {
      const last = n.block.statements[n.block.statements.length - 1]!;
      if (ts.isReturnStatement(last) && couldNotValue(last) === want) sibling = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(env.ctx.sourceFile);
  return sibling;
}

// `localStorage.getItem(…)`: Web Storage throws where storage is disabled (private mode, a third-party frame) or full.
const WEB_STORAGE_RE = /^(?:(?:window|globalThis|self)\.)?(?:localStorage|sessionStorage)\./;
// A folder of one-off scripts (one path segment): `scripts`, `.install-scripts`, `build-scripts`.
const SCRIPTS_DIR_RE = /^\.?(?:[\w-]*[-_])?scripts?$/i;

/**
 * A step that is best-effort by its shape, where a rethrow stops what was meant to go on: a try
 * whose every call is on Web Storage (a wrapper that falls back when storage is unavailable),
 * one item of a batch (`Promise.all(items.map(async (item) => { try … }))`: the rethrow rejects
 * the batch while the other items go on), or a helper of a one-off script (the script's entry,
 * `main`, or its top level still gets the rethrow).
 */
function isBestEffortStep(env: FixEnv, tryStmt: ts.TryStatement): boolean {
  const calls = failingCalls(tryStmt.tryBlock);
  if (calls.length > 0 && calls.every((c) => WEB_STORAGE_RE.test(c))) return true;
  const fn = env.scope.fn;
  if (fn && isBatchItem(fn)) return true;
  const name = env.scope.name?.replace(/^.*\./, "");
  if (!fn || !name || GENERIC_NAME_RE.test(name)) return false;
  return inScriptsFolder(env.ctx);
}

/** The file sits in a folder of one-off scripts inside the project (a project in someone's `~/scripts` is no script). */
export function inScriptsFolder(ctx: RuleContext): boolean {
  const { path } = ctx;
  const root = ctx.profile.root.replace(/[\\/]$/, "");
  const rel = path.startsWith(`${root}/`) || path.startsWith(`${root}\\`) ? path.slice(root.length + 1) : "";
  return rel.split(/[\\/]/).slice(0, -1).some((dir) => SCRIPTS_DIR_RE.test(dir));
}

// A server started in the file: the process keeps serving after a failed step, whatever its exit code.
const STARTS_SERVER_RE = /\.listen\s*\(|\bcreateServer\s*\(|\b(?:Bun|Deno)\.serve\s*\(/;

/**
 * The call is a statement at the top level of a script, where `process.exitCode` is what tells
 * the shell it failed: a file that exports nothing (no `export`, no `module.exports`/`exports.x`,
 * so nothing imports it for a value) and starts no server but in the chain (one its own `.then`
 * or the function it calls starts is the start that failed), and that runs as a script: a shebang,
 * a scripts folder, `process.argv` or `process.exit` read in it, or the chain starts from a call
 * of a function (`main()`, `seed()`), not from a method of a client (`mongoose.connect(…)` in a
 * module the server imports, review R67). When unsure, it is no script.
 */
function isScriptTopLevel(env: FixEnv, call: ts.CallExpression): boolean {
  if (!isTopLevelStatement(call) || /\.[jt]sx$/i.test(env.ctx.path)) return false;
  const { sourceFile: sf, text } = env.ctx;
  let entry = false;
  for (let e: ts.Expression = call; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) {
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) entry = true;
  }
  // A server the chain itself starts (`connect().then(() => app.listen(…)).catch(…)`, or a
  // function such as `startServer` of `startServer().catch(…)`) is the start that failed; one a
  // top-level statement starts keeps serving. A declared function starts nothing until called.
  const chainStatement = chainTop(call).parent;
  const startsServer = (st: ts.Statement): boolean => st !== chainStatement && !declaresFunction(st) && STARTS_SERVER_RE.test(st.getText());
  if (sf.statements.some((st) => exportsSomething(st) || startsServer(st))) return false;
  return entry || text.startsWith("#!") || inScriptsFolder(env.ctx) || /\bprocess\.(?:argv|exit)\b/.test(text);
}

/** `function start() {…}` or `const start = async () => {…}`. */
function declaresFunction(st: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(st)) return true;
  return ts.isVariableStatement(st) && st.declarationList.declarations.every((d) => !!d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)));
}

/** An ES module export or a CommonJS `module.exports = …` / `exports.x = …` statement. */
function exportsSomething(st: ts.Statement): boolean {
  if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) return true;
  if (ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  let target: ts.Expression = st.expression.left;
  while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
  return ts.isIdentifier(target) && (target.text === "exports" || (target.text === "module" && /^module\s*\.\s*exports\b/.test(st.expression.left.getText())));
}

/** `Promise.all(…)`, `Promise.allSettled(…)`: a batch of operations. */
function isBatchCall(n: ts.Node | undefined): n is ts.CallExpression {
  return !!n && ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === "Promise" && /^(?:all|allSettled|any|race)$/.test(n.expression.name.text);
}

/** The expression is handed to a batch: an element of `Promise.all([…])`, or its argument (`Promise.all(items.map(…))`). */
function feedsBatch(e: ts.Node): boolean {
  let n = e;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return isBatchCall(p) || (!!p && ts.isArrayLiteralExpression(p) && isBatchCall(p.parent));
}

/** A function run once per item of a batch: the `.map` callback given to `Promise.all`, or an async IIFE in its array. */
function isBatchItem(fn: ts.Node): boolean {
  const p = fn.parent;
  if (!p) return false;
  if (ts.isCallExpression(p) && p.arguments[0] === fn && ts.isPropertyAccessExpression(p.expression) && /^(?:map|flatMap)$/.test(p.expression.name.text)) return feedsBatch(p);
  return ts.isParenthesizedExpression(p) && !!p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p && feedsBatch(p.parent);
}

/**
 * Suggestions that hand the error on: log (when the catch does not) and rethrow, or the
 * channel the surrounding code uses (`next(err)`, `cb(err)`, `reject(err)`, a 500 answer). The
 * normal exit (`return null`, `continue`, a default answer) is replaced; comments stay. Not
 * offered in a catch nested inside another catch, where a rethrow would replace the original
 * error: there the suggestion is an `AggregateError` of both.
 */
export function catchRethrowFixes(env: FixEnv, clause: ts.CatchClause, shape: Shape | undefined): Fix[] {
  const text = env.ctx.text;
  const outer = enclosingCatch(clause);
  // A nested catch's new binding must not shadow the outer error the AggregateError names.
  const binding = ensureBinding(env, clause, outer);
  const err = binding.err;
  const block = clause.block;
  if (outer) {
    const outerErr = bindingOf(outer);
    // `catch (err) { … catch (err) {} }`: the outer error cannot be named from inside.
    if (!outerErr || outerErr === err || env.ctx.profile.predatesEs2022) return [];
    const stmt = semi(env, `throw new AggregateError([${outerErr}, ${err}], ${quote(`${env.scope.name ?? "cleanup"} failed twice`, env.style.quote)})`);
    const exit = normalExit(block, shape);
    const edits = exit ? [{ start: exit.getStart(), end: exit.getEnd(), text: stmt }] : [block.statements.length ? insertAfter(env, block.statements[block.statements.length - 1]!, [stmt]) : insertAtBlockStart(env, block, [stmt])];
    return [{ title: "Throw both errors as an AggregateError", kind: "suggestion", edits: [...binding.edits, ...edits] }];
  }
  const channel = channelOf(env.scope, text);
  if (!rethrowFits(env, clause, shape, channel)) return [];
  const stmt = semi(env, channel ? channel.statement(err, env.style.quote) : `throw ${err}`);
  const logs = logsWithoutError(shape, bindingOf(clause));
  const edits: TextEdit[] = [...binding.edits];
  const lines: string[] = [];
  const wantsLog = !channel || channel.log;
  if (logs && logs.length > 0) {
    const more = addToLogCall(env, logs[0]!, err);
    if (more) edits.push(...more);
  } else if (!logs && wantsLog) {
    const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
    const line = logLine(env, err, failingCalls(tryBlock), tryBlock);
    if (line) {
      lines.push(line);
      edits.push(...env.log!.imports);
    }
  }
  const exit = normalExit(block, shape);
  if (exit && exit === block.statements[0] && lines.length > 0) {
    const ind = lineIndentAt(text, exit.getStart());
    edits.push({ start: exit.getStart(), end: exit.getEnd(), text: [...lines, stmt].join(env.style.eol + ind) });
  } else {
    if (lines.length > 0) edits.push(insertAtBlockStart(env, block, lines));
    if (exit) edits.push({ start: exit.getStart(), end: exit.getEnd(), text: stmt });
    else if (block.statements.length > 0) edits.push(insertAfter(env, block.statements[block.statements.length - 1]!, [stmt]));
    else if (lines.length === 0) edits.push(insertAtBlockStart(env, block, [stmt]));
    else edits[edits.length - 1] = insertAtBlockStart(env, block, [...lines, stmt]);
  }
  const title = channel ? channel.title : lines.length > 0 ? `Log with ${loggerLabel(env)} and rethrow` : "Rethrow the error";
  return [{ title, kind: "suggestion", ...(answerIsPreferred(env, clause, shape) ? { isPreferred: true } : {}), edits }];
}

/** A statement that answers the request: a response call (`res.status(200).json(…)`) anywhere in it, outside nested functions. */
function respondsIn(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (isResponseCall(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * After the try, nothing on the catch's path answers the request: no later statement of the
 * enclosing blocks up to the function responds, and the try is in no loop (`if (req.method ===
 * "PATCH") { try { …answers… } catch {} } else if …`: a failed PATCH gets no answer at all).
 */
function nothingAnswersAfter(tryStmt: ts.TryStatement): boolean {
  let n: ts.Node = tryStmt;
  for (let depth = 0; depth < 64 && n.parent; depth++) {
    const p = n.parent;
    if (isFunctionLike(p)) return true;
    if (ts.isIterationStatement(p, false)) return false;
    if (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const list = p.statements;
      if (list.slice(list.indexOf(n as ts.Statement) + 1).some(respondsIn)) return false;
    }
    if (ts.isSourceFile(p)) return false;
    n = p;
  }
  return false;
}

/**
 * The 500 answer is the preferred action of a handler's catch: the handler answers through
 * `res.status(…)`, its try answers the request, the catch drops or only logs the error, and
 * nothing answers after it, so the failed request hangs. The safe log stays the bulk fix, but
 * a reviewer asks for the answer.
 */
function answerIsPreferred(env: FixEnv, clause: ts.CatchClause, shape: Shape | undefined): boolean {
  if (shape && shape.kind !== "empty" && shape.kind !== "log") return false;
  if (enclosingCatch(clause) || respondsIn(clause.block)) return false;
  const channel = channelOf(env.scope, env.ctx.text);
  if (!channel?.log || !rethrowFits(env, clause, shape, channel)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  return respondsIn(tryStmt.tryBlock) && nothingAnswersAfter(tryStmt);
}

/** "Mark as intentionally ignored…": a comment with a reason placeholder at the top of a block. */
export function markIgnoredInBlock(env: FixEnv, block: ts.Block): Fix {
  const text = env.ctx.text;
  const open = block.getStart();
  const comment = `Intentionally ignored: ${REASON}`;
  const sameLine = !text.slice(open, block.getEnd()).includes("\n");
  let edit: TextEdit;
  if (block.statements.length === 0 && sameLine) {
    edit = { start: open, end: block.getEnd(), text: blockOf(env, [`// ${comment}`], lineIndentAt(text, open)), placeholder: REASON };
  } else if (sameLine) {
    edit = { start: open + 1, end: open + 1, text: ` /* ${comment} */`, placeholder: REASON };
  } else {
    const inner = lineIndentAt(text, open) + env.style.indentUnit;
    edit = { start: open + 1, end: open + 1, text: `${env.style.eol}${inner}// ${comment}`, placeholder: REASON };
  }
  return { title: "Mark as intentionally ignored…", kind: "suggestion", edits: [edit] };
}

/** The same for an expression-bodied arrow: `() => /* Intentionally ignored: <reason> *\/ null`. */
export function markIgnoredHandler(env: FixEnv, fn: ts.Expression): Fix | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  if (ts.isBlock(fn.body)) return markIgnoredInBlock(env, fn.body);
  const at = fn.body.getStart();
  return { title: "Mark as intentionally ignored…", kind: "suggestion", edits: [{ start: at, end: at, text: `/* Intentionally ignored: ${REASON} */ `, placeholder: REASON }] };
}

type FnExpr = ts.ArrowFunction | ts.FunctionExpression;

function isFnExpr(e: ts.Node): e is FnExpr {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** The handler's error parameter, and the edit that adds one (`() =>` → `(err) =>`). */
function handlerParam(fn: FnExpr): { name: string; edits: TextEdit[]; added: boolean } {
  const p0 = fn.parameters[0];
  if (p0 && ts.isIdentifier(p0.name)) return { name: p0.name.text, edits: [], added: false };
  const at = fn.parameters.pos;
  // A name the handler does not read already (an outer `err` must not be shadowed).
  const name = freeName(fn.getText());
  return { name, edits: [{ start: at, end: at, text: name }], added: true };
}

/**
 * Edits that make a handler log its error first, keeping what it did: statements inserted at
 * the top of a block body; an expression body becomes `{ log; return <expression>; }`.
 */
function logInHandler(env: FixEnv, fn: FnExpr, line: string): TextEdit[] {
  const body = fn.body;
  if (ts.isBlock(body)) return [insertAtBlockStart(env, body, [line])];
  const text = env.ctx.text;
  const base = lineIndentAt(text, fn.getStart());
  const inner = base + env.style.indentUnit;
  const eol = env.style.eol;
  // `() => ({})`: the parentheses stay around the returned object.
  return [
    { start: body.getStart(), end: body.getStart(), text: `{${eol}${inner}${line}${eol}${inner}return ` },
    { start: body.getEnd(), end: body.getEnd(), text: `${env.style.semi}${eol}${base}}` },
  ];
}

/** The log calls a handler body makes, when it only logs. */
function handlerLogs(fn: FnExpr, isLog: (e: ts.Expression) => ts.CallExpression | undefined): ts.CallExpression[] {
  const body = fn.body;
  if (!ts.isBlock(body)) return [isLog(body)].filter((c): c is ts.CallExpression => c !== undefined);
  return body.statements.flatMap((s) => (ts.isExpressionStatement(s) ? [isLog(s.expression)].filter((c): c is ts.CallExpression => c !== undefined) : []));
}

/**
 * The log fix of a rejection or error handler: add the error to its log call, or log it first.
 * `safe` when the handler already has its parameter or is a promise handler (the error
 * parameter of `.catch(() => …)` is its binding); otherwise a suggestion.
 */
export function handlerLogFix(env: FixEnv, fn: ts.Expression, what: string, contextOf: ts.Node | undefined, isLog: (e: ts.Expression) => ts.CallExpression | undefined, paramMaySafelyBeAdded: boolean): Fix | undefined {
  if (!isFnExpr(fn)) {
    // `noop` / `_.noop`: replacing the reference is a suggestion.
    const isNoop = ts.isIdentifier(fn) || (ts.isPropertyAccessExpression(fn) && /^(?:noop|identity)$/.test(fn.name.text));
    const line = isNoop ? logLine(env, "err", what, contextOf) : undefined;
    if (!line) return undefined;
    return { title: `Log the error with ${loggerLabel(env)}`, kind: "suggestion", edits: [...env.log!.imports, { start: fn.getStart(), end: fn.getEnd(), text: `(err) => ${blockOf(env, [line], lineIndentAt(env.ctx.text, fn.getStart()))}` }] };
  }
  const param = handlerParam(fn);
  const kind = param.added && !paramMaySafelyBeAdded ? "suggestion" : "safe";
  const pref = kind === "safe" ? { isPreferred: true } : {};
  const logs = handlerLogs(fn, isLog);
  if (logs.length > 0) {
    if (!param.added && logs.some((l) => references(l, param.name))) return undefined;
    const edits = addToLogCall(env, logs[0]!, param.name);
    return edits ? { title: `Add ${param.name} to the log call`, kind, ...pref, edits: [...param.edits, ...edits] } : undefined;
  }
  const line = logLine(env, param.name, what, contextOf);
  if (!line) return undefined;
  return { title: `Log the error with ${loggerLabel(env)}`, kind, ...pref, edits: [...env.log!.imports, ...param.edits, ...logInHandler(env, fn, line)] };
}

/** The text of a replacement handler `(err) => { …lines }` at the handler's place. */
function handlerText(env: FixEnv, fn: ts.Expression, param: string, lines: string[]): string {
  const isAsync = isFnExpr(fn) && fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const annot = ctxIsTs(env) && isFnExpr(fn) && fn.parameters[0]?.type ? `: ${fn.parameters[0].type.getText()}` : "";
  return `${isAsync ? "async " : ""}(${param}${annot}) => ${blockOf(env, lines, lineIndentAt(env.ctx.text, fn.getStart()))}`;
}

function ctxIsTs(env: FixEnv): boolean {
  return /\.[cm]?tsx?$/i.test(env.ctx.path);
}

/** Every comment between a handler body's statements (or before its expression body), one line each. */
function handlerComments(text: string, body: ts.ConciseBody): string[] {
  if (!ts.isBlock(body)) return commentLines(text, body.pos, false);
  return [...body.statements.flatMap((s) => commentLines(text, s.pos, false)), ...commentLines(text, body.statements.end, false)];
}

/** The statements a handler runs, as text, with the error added to its first log call when missing. */
function handlerStatements(env: FixEnv, fn: ts.Expression, param: string, isLog: (e: ts.Expression) => ts.CallExpression | undefined, what: string, contextOf: ts.Node): string[] {
  const text = env.ctx.text;
  // The log line as written (`await logger.error(…)`, `void console.error(…)`), the error added to its call.
  const withError = (line: ts.Expression, call: ts.CallExpression): string => {
    if (references(call, param)) return line.getText();
    const edits = addToLogCall(env, call, param) ?? [];
    let out = line.getText();
    const base = line.getStart();
    for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - base) + e.text + out.slice(e.end - base);
    return out;
  };
  if (!isFnExpr(fn)) {
    // `.catch(console.error)`: the reference logs the error.
    const callee = ts.isCallExpression(fn) ? fn.expression.getText().replace(/\.bind$/, "") : fn.getText();
    return ts.isPropertyAccessExpression(fn) || ts.isCallExpression(fn) ? [semi(env, `${callee}(${param})`)] : [logLine(env, param, what, contextOf) ?? semi(env, `console.error(${param})`)];
  }
  const body = fn.body;
  if (!ts.isBlock(body)) {
    const out = commentLines(text, body.pos, false);
    const log = isLog(body);
    if (log) return [...out, semi(env, withError(body, log))];
    const line = logLine(env, param, what, contextOf);
    return line ? [line, ...out] : out;
  }
  const out: string[] = [];
  let logged = false;
  // Every comment stays, in its place: a statement dropped (`return;`) leaves its comments behind.
  let kept = false;
  for (const s of body.statements) {
    out.push(...commentLines(text, s.pos, kept, out));
    kept = false;
    if (ts.isReturnStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) continue;
    kept = true;
    const line = ts.isExpressionStatement(s) ? s.expression : undefined;
    const log = line && isLog(line);
    if (line && log) {
      out.push(logged ? s.getText() : semi(env, withError(line, log)));
      logged = true;
      continue;
    }
    out.push(s.getText());
  }
  out.push(...commentLines(text, body.statements.end, kept, out));
  if (!logged) {
    const line = logLine(env, param, what, contextOf);
    if (line) out.unshift(line);
  }
  return out;
}

/**
 * The comments in the trivia at `pos`, one line each. A comment on the line where the previous
 * kept statement ends (`done(); // why`) is appended to that statement's line in `out` instead.
 */
function commentLines(text: string, pos: number, afterKept: boolean, out: string[] = []): string[] {
  const lines: string[] = [];
  for (const r of ts.getTrailingCommentRanges(text, pos) ?? []) {
    const comment = text.slice(r.pos, r.end);
    if (afterKept && out.length > 0) out[out.length - 1] += ` ${comment}`;
    else lines.push(comment);
  }
  for (const r of ts.getLeadingCommentRanges(text, pos) ?? []) lines.push(text.slice(r.pos, r.end));
  return lines;
}

/** The handler resolves to a value (`() => ({})`, `() => null`, `return []`): a fallback someone reads. */
function handlerReturnsValue(fn: ts.Expression, isLog: (e: ts.Expression) => ts.CallExpression | undefined): boolean {
  if (!isFnExpr(fn)) return false;
  if (!ts.isBlock(fn.body)) return !isLog(fn.body) && !ts.isVoidExpression(fn.body) && !(ts.isIdentifier(fn.body) && fn.body.text === "undefined");
  return fn.body.statements.some((s) => ts.isReturnStatement(s) && s.expression !== undefined);
}

/** The chain's outcome is read (awaited, returned, assigned, passed on), so a rethrow reaches a caller instead of becoming an unhandled rejection. */
function chainConsumed(call: ts.CallExpression): boolean {
  const e = chainTop(call);
  return !!e.parent && !ts.isExpressionStatement(e.parent) && !ts.isVoidExpression(e.parent);
}

/** The whole chain a call is part of: `load().then(f).catch(h)` from any of its calls. */
function chainTop(call: ts.CallExpression): ts.Node {
  let e: ts.Node = call;
  while (e.parent && (ts.isPropertyAccessExpression(e.parent) || (ts.isCallExpression(e.parent) && e.parent.expression === e) || ts.isParenthesizedExpression(e.parent))) e = e.parent;
  return e;
}

/**
 * A rethrow in a rejection handler fits only where someone hears of it and nothing relies on the
 * handler's value: not in UI code, not after a log below error level, not in place of a fallback
 * value, not on a fire-and-forget chain (an unhandled rejection), not in a function (or on a
 * call) that sends a notification: its callers would all start failing with it; not on one item
 * of a batch.
 */
function handlerRethrowFits(env: FixEnv, call: ts.CallExpression, handler: ts.Expression, isLog: (e: ts.Expression) => ts.CallExpression | undefined): boolean {
  if (isUiCode(env) || !chainConsumed(call) || handlerReturnsValue(handler, isLog)) return false;
  if (isNotification(env.scope.name, describeCall(call)) || isBestEffortFunction(env)) return false;
  // One item of a batch: the rethrow rejects `Promise.all` while the other items go on.
  if (feedsBatch(chainTop(call)) || (env.scope.fn && isBatchItem(env.scope.fn))) return false;
  if (loopSkipsFailedItems(call)) return false;
  const logs = isFnExpr(handler) ? handlerLogs(handler, isLog) : [];
  if (ts.isPropertyAccessExpression(handler) && BELOW_ERROR_LEVEL_RE.test(handler.name.text)) return false;
  return !logsBelowError(logs);
}

/**
 * Fixes of a `.catch`/`.then` rejection handler that drops or only logs: the safe one logs the
 * error (or adds it to the handler's log call); suggestions rethrow in the handler (at the top
 * level of a script: set `process.exitCode`), hand the error to `done`/`reject`, or mark it.
 * On a chain inside a catch block (at any depth, not across a function boundary) the handler's
 * error is a secondary one: a rethrow or hand-off would replace the original, so it is only logged.
 */
export function promiseHandlerFixes(env: FixEnv, call: ts.CallExpression, handler: ts.Expression, isLog: (e: ts.Expression) => ts.CallExpression | undefined): Fix[] {
  const fixes: Fix[] = [];
  const what = describeCall(call);
  const safe = handlerLogFix(env, handler, what, call.expression, isLog, true);
  if (safe) fixes.push(safe);
  const param = isFnExpr(handler) ? handlerParam(handler).name : "err";
  // `() => done()` / `() => resolve()`: the channel is right there, hand it the error.
  const channel = successChannel(env, handler);
  // Inside a catch block (`catch (err) { await markFailed(id).catch(() => {}); throw err; }`) the
  // handler's error is secondary: handed on, it would replace the original, so it is only logged.
  const secondary = enclosingCatch(call) !== undefined;
  if (secondary) {
    // Neither a rethrow nor a hand-off to `done`/`reject`.
  } else if (channel) {
    fixes.push({ title: `Pass the error to ${channel.name}`, kind: "suggestion", edits: [...channel.edits, { start: handler.getStart(), end: handler.getEnd(), text: `(${param}) => ${channel.name}(${param})` }] });
  } else {
    const topLevel = isScriptTopLevel(env, call);
    if (topLevel || handlerRethrowFits(env, call, handler, isLog)) {
      const lines = handlerStatements(env, handler, param, isLog, what, call.expression);
      lines.push(semi(env, topLevel ? "process.exitCode = 1" : `throw ${param}`));
      const title = topLevel ? "Set process.exitCode after logging" : "Rethrow in the handler after logging";
      fixes.push({ title, kind: "suggestion", edits: [{ start: handler.getStart(), end: handler.getEnd(), text: handlerText(env, handler, param, lines) }] });
    }
  }
  const mark = markIgnoredHandler(env, handler);
  if (mark) fixes.push(mark);
  return fixes;
}

/**
 * `done`/`cb`/`callback`/`next` called with no error, `resolve` where `reject` is in scope, or a
 * parameter of the executor whose promise the handler settles (`.catch(() => ok(null))` in `(ok, fail)`).
 */
function successChannel(env: FixEnv, handler: ts.Expression): { name: string; edits: TextEdit[] } | undefined {
  if (!isFnExpr(handler)) return undefined;
  let expr: ts.Node | undefined = handler.body;
  if (ts.isBlock(handler.body)) {
    const only = handler.body.statements.length === 1 ? handler.body.statements[0] : undefined;
    expr = only && ts.isExpressionStatement(only) ? only.expression : undefined;
  }
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression)) return undefined;
  const name = expr.expression.text;
  if (/^(?:done|cb|callback|next)$/.test(name)) return { name, edits: [] };
  if (name === "resolve" && env.scope.allParams.includes("reject")) return { name: "reject", edits: [] };
  const settle = executorReject(env, handler);
  return settle && settle.name !== name ? settle : undefined;
}

function isTopLevelStatement(call: ts.Node): boolean {
  let n = call;
  while (n.parent && (ts.isCallExpression(n.parent) || ts.isPropertyAccessExpression(n.parent))) n = n.parent;
  return !!n.parent && ts.isExpressionStatement(n.parent) && ts.isSourceFile(n.parent.parent);
}

/** `fetchUser(…).catch` → "fetchUser"; used when there is no enclosing function name. */
export function describeCall(call: ts.CallExpression): string {
  let e: ts.Expression = call;
  for (let depth = 0; depth < 20; depth++) {
    if (ts.isCallExpression(e)) {
      const n = calleeName(e);
      if (n && n !== "then" && n !== "catch" && n !== "finally") return calleeText(e) ?? n;
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else break;
  }
  return ts.isIdentifier(e) ? e.text : "operation";
}

/**
 * Error listener fixes: the safe one logs the error; suggestions reject with it (a listener that
 * resolves inside a promise executor) or log and exit (process-level events).
 */
export function errorHandlerFixes(env: FixEnv, handler: ts.Expression, event: string, resolves: boolean, isLog: (e: ts.Expression) => ts.CallExpression | undefined, emitter?: string): Fix[] {
  const fixes: Fix[] = [];
  const what = emitter && emitter !== "process" && event === "error" ? `${emitter} error` : event;
  const safe = handlerLogFix(env, handler, what, undefined, isLog, false);
  if (safe) {
    // The message names the event, not an operation that failed.
    for (const e of safe.edits) e.text = e.text.replace(messageFor(env, what), quote(what, env.style.quote));
    fixes.push(safe);
  }
  const param = isFnExpr(handler) ? handlerParam(handler).name : "err";
  // A listener that resolves: `reject` in scope, or the reject of the executor whose promise it settles (`(ok, fail)`).
  const reject = !resolves ? undefined : env.scope.allParams.includes("reject") ? { name: "reject", edits: [] } : isFnExpr(handler) ? executorReject(env, handler) : undefined;
  if (reject) {
    fixes.push({ title: `Reject with the error`, kind: "suggestion", edits: [...reject.edits, { start: handler.getStart(), end: handler.getEnd(), text: `(${param}) => ${reject.name}(${param})` }] });
  } else if (event === "uncaughtException" || event === "unhandledRejection") {
    const line = env.log ? semi(env, formatLogCall(env.log.logger, quote(what, env.style.quote), param, [])) : undefined;
    // The handler's statements are replaced; its comments stay.
    const comments = isFnExpr(handler) ? handlerComments(env.ctx.text, handler.body) : [];
    fixes.push({ title: `Log with ${loggerLabel(env)} and exit`, kind: "suggestion", edits: [...(line ? env.log!.imports : []), { start: handler.getStart(), end: handler.getEnd(), text: handlerText(env, handler, param, [...comments, ...(line ? [line] : []), semi(env, "process.exit(1)")]) }] });
  }
  const mark = markIgnoredHandler(env, handler);
  if (mark) fixes.push(mark);
  return fixes;
}

/**
 * Error-first callback fixes. Safe: log `err` when set (`if (err) logger.error(…)` at the top,
 * or a log inside `if (err) return;`), which changes nothing else. Suggestions: pass it to the
 * enclosing `cb`/`done`/`next`/`reject`, or log and return.
 */
export function callbackFixes(env: FixEnv, fn: FnExpr, errName: string, call: ts.CallExpression, errCheck: ts.IfStatement | undefined, paramAdded: boolean): Fix[] {
  const fixes: Fix[] = [];
  const text = env.ctx.text;
  const what = describeCall(call);
  const kind = paramAdded ? "suggestion" : "safe";
  const pref = kind === "safe" ? { isPreferred: true } : {};
  const paramEdits: TextEdit[] = paramAdded ? [{ start: fn.parameters.pos, end: fn.parameters.pos, text: errName }] : [];
  // `if (err) { console.log("Sending email failed:"); } else { … }`: the callback already branches on
  // the error and logs there; that log line gains the error, and no second check is added beside it.
  const branchLog = errCheck ? statementLogs(errCheck.thenStatement)[0] : undefined;
  // `if (err) { console.log(err); } console.log("server running")`: the check logs the error and
  // falls through to the success path; only leaving there fixes it, which changes control flow.
  if (errCheck && branchLog && references(branchLog, errName)) {
    if (errCheck.elseStatement) return [];
    if (calleeName(call) !== "listen" && settlesOuter(fn)) return [];
    const then = errCheck.thenStatement;
    const kept = (ts.isBlock(then) ? then.statements : [then]).map((st) => st.getText(env.ctx.sourceFile));
    const leave = calleeName(call) === "listen" ? semi(env, "process.exit(1)") : semi(env, "return");
    return [{ title: calleeName(call) === "listen" ? "Exit after logging the failed listen" : `Return after logging ${errName}`, kind: "suggestion", edits: [{ start: then.getStart(), end: then.getEnd(), text: blockOf(env, [...kept, leave], lineIndentAt(text, errCheck.getStart())) }] }];
  }
  if (branchLog) {
    const edits = addToLogCall(env, branchLog, errName);
    return edits ? [{ title: `Add ${errName} to the log call`, kind, ...pref, edits: [...paramEdits, ...edits] }] : [];
  }
  const line = logLine(env, errName, what, call);
  if (line) {
    const edits: TextEdit[] = errCheck
      ? wrapWithLines(env, errCheck.thenStatement, [line], lineIndentAt(text, errCheck.getStart()))
      : logInHandler(env, fn, `if (${errName}) ${line}`);
    fixes.push({ title: `Log ${errName} with ${loggerLabel(env)}`, kind, ...pref, edits: [...env.log!.imports, ...paramEdits, ...edits] });
  }
  // With an else, the existing check already decides where the callback goes on.
  if (errCheck?.elseStatement) return fixes;
  // `new Promise((ok, fail) => exec(cmd, (err, out) => ok(out.trim())))`: the callback settles the
  // promise, so its error rejects it (by the executor's own names, at any depth, a concise body too).
  const settle = errCheck || references(fn.body, errName) ? undefined : executorReject(env, fn);
  if (!ts.isBlock(fn.body)) {
    if (settle) fixes.push({ title: `Check ${errName} and pass it to ${settle.name}`, kind: "suggestion", edits: [...paramEdits, ...settle.edits, ...logInHandler(env, fn, semi(env, `if (${errName}) return ${settle.name}(${errName})`))] });
    return fixes;
  }
  const outer = env.scope.params;
  const last = outer[outer.length - 1];
  const channel = settle?.name ?? (last && /^(?:cb|callback|done|next|reject)$/.test(last) ? last : undefined);
  const body = fn.body;
  const baseIndent = lineIndentAt(text, errCheck ? errCheck.getStart() : body.getStart());
  let handled: string;
  let title: string;
  if (channel) {
    handled = semi(env, `return ${channel}(${errName})`);
    title = `Check ${errName} and pass it to ${channel}`;
  } else if (line && !settlesOuter(fn)) {
    handled = blockOf(env, [line, semi(env, "return")], errCheck ? baseIndent : baseIndent + env.style.indentUnit);
    title = `Check ${errName}, log it with ${loggerLabel(env)} and return`;
  } else return fixes;
  const imports = channel ? [...(settle?.edits ?? [])] : env.log!.imports;
  if (errCheck) {
    fixes.push({ title, kind: "suggestion", edits: [...imports, { start: errCheck.thenStatement.getStart(), end: errCheck.thenStatement.getEnd(), text: handled }] });
  } else {
    fixes.push({ title, kind: "suggestion", edits: [...imports, ...paramEdits, insertAtBlockStart(env, body, [`if (${errName}) ${handled}`])] });
  }
  return fixes;
}

// An enclosing function's continuation by its name (`function currentHash(resolve)`, `(rev, done) => …`).
const CONTINUATION_RE = /^(?:resolve|reject|res|rej|done|cb|callback|next|finish|complete)$/;

/**
 * The callback settles something outside it that waits for it: it calls (anywhere in its body) a
 * parameter of an enclosing `new Promise` executor (`resolve`, `reject`, by any name) or an enclosing
 * function's continuation (`resolve`, `done`). An early `return` on the error would skip that call and
 * leave the promise, or the caller, waiting for ever (`exec(cmd, (error, stdout) => { resolve(stdout.trim()
 * || "unknown") })`), so "log it and return" is no fix there. One walk of the callback's own body.
 */
function settlesOuter(fn: FnExpr): boolean {
  const waiting = new Set<string>();
  for (let p: ts.Node | undefined = fn.parent; p; p = p.parent) {
    if (!isFunctionLike(p)) continue;
    const executor = ts.isNewExpression(p.parent) && ts.isIdentifier(p.parent.expression) && p.parent.expression.text === "Promise" && p.parent.arguments?.[0] === p;
    for (const prm of p.parameters) if (ts.isIdentifier(prm.name) && (executor || CONTINUATION_RE.test(prm.name.text))) waiting.add(prm.name.text);
  }
  if (waiting.size === 0) return false;
  // The callback's own parameters shadow the outer names.
  for (const prm of fn.parameters) if (ts.isIdentifier(prm.name)) waiting.delete(prm.name.text);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && waiting.has(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

/**
 * The reject function of the `new Promise` executor whose promise the callback settles: the
 * nearest enclosing executor, one of whose parameters the callback calls (`ok(out.trim())`), named
 * as the executor names its second parameter (`(res, rej)`, `(ok, fail)`). An executor with its
 * `resolve` alone gains a `reject` (`(resolve) =>` → `(resolve, reject) =>`) where the name is free
 * in it. Undefined where a function between them, or the callback, rebinds the name.
 */
function executorReject(env: FixEnv, fn: FnExpr): { name: string; edits: TextEdit[] } | undefined {
  const between: string[] = [];
  let executor: FnExpr | undefined;
  for (let p: ts.Node = fn; ; p = p.parent) {
    if (!p.parent || ts.isSourceFile(p)) return undefined;
    if (!isFunctionLike(p)) continue;
    const np = p.parent;
    if (p !== fn && isFnExpr(p) && ts.isNewExpression(np) && ts.isIdentifier(np.expression) && np.expression.text === "Promise" && np.arguments?.[0] === p) {
      executor = p;
      break;
    }
    for (const prm of p.parameters) between.push(...boundNames(prm.name));
  }
  const params = executor.parameters;
  if (params.length === 0 || params.length > 2 || !params.every((prm) => ts.isIdentifier(prm.name))) return undefined;
  const names = params.map((prm) => (prm.name as ts.Identifier).text);
  // The callback settles this promise: it calls one of the executor's parameters, not rebound on the way.
  let settles = false;
  const visit = (n: ts.Node): void => {
    if (settles) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && names.includes(n.expression.text) && !between.includes(n.expression.text)) settles = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn.body);
  if (!settles) return undefined;
  if (names.length === 2) return between.includes(names[1]!) ? undefined : { name: names[1]!, edits: [] };
  // Only `resolve`: add `reject` where nothing in the executor spells it.
  if (/\breject\b/.test(executor.getText()) || between.includes("reject")) return undefined;
  const only = params[0]!;
  const parenthesized = !ts.isArrowFunction(executor) || env.ctx.text.slice(executor.getStart(), only.getStart()).includes("(");
  const edits: TextEdit[] = parenthesized
    ? [{ start: only.getEnd(), end: only.getEnd(), text: ", reject" }]
    : [{ start: only.getStart(), end: only.getStart(), text: "(" }, { start: only.getEnd(), end: only.getEnd(), text: ", reject)" }];
  return { name: "reject", edits };
}

/** The log calls a branch makes as statements of its own (`if (err) console.log("…")` or its block). */
function statementLogs(stmt: ts.Statement): ts.CallExpression[] {
  const list = ts.isBlock(stmt) ? stmt.statements : [stmt];
  const out: ts.CallExpression[] = [];
  for (const s of list) if (ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && isLogCall(s.expression)) out.push(s.expression);
  return out;
}

/** Fixes for a no-op passed as an error-first callback: log its error (a suggestion: the callback gains a parameter). */
export function noopCallbackFixes(env: FixEnv, call: ts.CallExpression, cb: ts.Expression): Fix[] {
  const what = describeCall(call);
  const line = logLine(env, "err", what, call);
  if (!line) return [];
  if (isFnExpr(cb) && ts.isBlock(cb.body) && cb.parameters.length === 0) {
    return [{ title: `Log the callback error with ${loggerLabel(env)}`, kind: "suggestion", edits: [...env.log!.imports, { start: cb.parameters.pos, end: cb.parameters.pos, text: "err" }, insertAtBlockStart(env, cb.body, [`if (err) ${line}`])] }];
  }
  const base = lineIndentAt(env.ctx.text, cb.getStart());
  return [{ title: `Log the callback error with ${loggerLabel(env)}`, kind: "suggestion", edits: [...env.log!.imports, { start: cb.getStart(), end: cb.getEnd(), text: `(err) => ${blockOf(env, [`if (err) ${line}`], base)}` }] }];
}

/**
 * "Rethrow with `{ cause }`" on `new X(msg)` / `X(msg)` / `next(new X(msg))`. Safe for a built-in
 * error constructed with `new` and one argument where the project's Error types take options
 * (ES2022); a suggestion otherwise (`Object.assign` before ES2022, custom classes, call form).
 */
export function causeFixes(env: FixEnv, errName: string | undefined, clauseOrFn: ts.CatchClause | FnExpr, ne: ts.NewExpression | ts.CallExpression): Fix[] {
  const args = ne.arguments ?? ts.factory.createNodeArray();
  const maker = ts.isCallExpression(ne) ? errorMakerOf(env.ctx, ne) : undefined;
  const framework = maker && calleeName(ne);
  // SvelteKit's `error(500, …)` takes no cause, nor does a project helper whose parameters are its own
  // (`serverError(code, message)`, error-helper.ts): the ignore actions are all there is.
  if (maker === "kit") return [];
  if (ts.isCallExpression(ne) && !maker && !(ts.isIdentifier(ne.expression) && BUILTIN_ERRORS.has(ne.expression.text))) return [];
  if ((args.length > 1 && framework === undefined) || args.some((a) => ts.isSpreadElement(a))) return [];
  const edits: TextEdit[] = [];
  let err = errName;
  if (!err) {
    if (ts.isCatchClause(clauseOrFn)) {
      const b = ensureBinding(env, clauseOrFn);
      err = b.err;
      edits.push(...b.edits);
    } else {
      const p = handlerParam(clauseOrFn);
      err = p.name;
      edits.push(...p.edits);
    }
  }
  const name = calleeName(ne) ?? "Error";
  // A built-in's name the file binds itself (`import { HttpError as Error }`, `class TypeError`) is
  // a project class: `{ cause }` would fill one of its own parameters (a status), or not type-check.
  const builtin = BUILTIN_ERRORS.has(name) && ts.isIdentifier(ne.expression) && !fileBinds(env.ctx.sourceFile, name);
  const causeProp = err === "cause" ? "cause" : `cause: ${err}`;
  if (builtin && env.ctx.profile.predatesEs2022) {
    edits.push({ start: ne.getStart(), end: ne.getStart(), text: "Object.assign(" });
    edits.push({ start: ne.getEnd(), end: ne.getEnd(), text: `, { ${causeProp} })` });
    return [{ title: "Rethrow with cause via Object.assign (target predates ES2022)", kind: "suggestion", edits }];
  }
  if (framework) {
    const added = frameworkCauseEdit(maker!, args, causeProp);
    if (!added) return [];
    return [{ title: `Pass the caught error to ${framework} as cause`, kind: "suggestion", edits: [...edits, added] }];
  }
  // http-errors' named classes (`new createHttpError.InternalServerError(msg)`, `new NotFound(msg)`)
  // take a message alone: `{ cause }` would be dropped without a word. The factory makes the same
  // class from its status and sets its properties object on the error.
  if (ts.isNewExpression(ne) && httpErrorsClass(ne.expression)) {
    const factory = httpErrorsFactoryCall(ne, causeProp);
    return factory ? [{ title: `Make it with ${factory.name}(${factory.status}, …) and pass the caught error as cause`, kind: "suggestion", edits: [...edits, factory.edit] }] : [];
  }
  const hasParens = ne.arguments !== undefined;
  if (!hasParens) edits.push({ start: ne.getEnd(), end: ne.getEnd(), text: `(undefined, { ${causeProp} })` });
  else if (args.length === 1) edits.push({ start: args[0]!.getEnd(), end: args[0]!.getEnd(), text: `, { ${causeProp} }` });
  else edits.push({ start: args.end, end: args.end, text: `undefined, { ${causeProp} }` });
  if (builtin) return [{ title: "Rethrow with { cause }", kind: ts.isNewExpression(ne) && args.length === 1 ? "safe" : "suggestion", ...(ts.isNewExpression(ne) && args.length === 1 ? { isPreferred: true } : {}), edits }];
  // A project class whose constructor has no parameter left for `{ cause }` (`constructor(message:
  // string)`) would not type-check with it (log-arity.ts).
  if (ts.isNewExpression(ne) && ts.isIdentifier(ne.expression) && !errorClassTakesCause(env.ctx, name, 1, ne)) return [];
  return [{ title: `Pass the caught error to ${name} as { cause }`, kind: "suggestion", edits }];
}

/** http-errors' named classes by their status (`createError.NotFound` is `createError[404]`), as http-errors 1.8 and 2 name them. */
const HTTP_ERRORS_STATUS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    BadRequest: 400, Unauthorized: 401, PaymentRequired: 402, Forbidden: 403, NotFound: 404, MethodNotAllowed: 405, NotAcceptable: 406,
    ProxyAuthenticationRequired: 407, RequestTimeout: 408, Conflict: 409, Gone: 410, LengthRequired: 411, PreconditionFailed: 412,
    PayloadTooLarge: 413, URITooLong: 414, UnsupportedMediaType: 415, RangeNotSatisfiable: 416, ExpectationFailed: 417, ImATeapot: 418,
    MisdirectedRequest: 421, UnprocessableEntity: 422, Locked: 423, FailedDependency: 424, TooEarly: 425, UpgradeRequired: 426,
    PreconditionRequired: 428, TooManyRequests: 429, RequestHeaderFieldsTooLarge: 431, UnavailableForLegalReasons: 451,
    InternalServerError: 500, NotImplemented: 501, BadGateway: 502, ServiceUnavailable: 503, GatewayTimeout: 504,
    HTTPVersionNotSupported: 505, VariantAlsoNegotiates: 506, InsufficientStorage: 507, LoopDetected: 508, BandwidthLimitExceeded: 509,
    NotExtended: 510, NetworkAuthenticationRequired: 511,
  }),
);

/**
 * `new createError.BadGateway("upstream failed")` → `createError(502, "upstream failed", { cause: e })`:
 * http-errors' factory makes `new createError[502](msg)`, the same class with the same status,
 * `expose`, message and name, then copies its properties object onto it. Through the file's own
 * default binding of http-errors (`import createError from`, `const createError = require(…)`; a
 * namespace import is not callable under esModuleInterop or in ESM); with a class it names
 * (`TooEarly`, not a made-up `InternalError`) and no argument or one that is a string by its
 * syntax: the factory reads its arguments by type and throws on `undefined`.
 */
function httpErrorsFactoryCall(ne: ts.NewExpression, causeProp: string): { name: string; status: number; edit: TextEdit } | undefined {
  const callee = ne.expression;
  const className = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? importBindings(callee.getSourceFile()).get(callee.text)?.exported : undefined;
  const status = className ? HTTP_ERRORS_STATUS.get(className) : undefined;
  if (status === undefined) return undefined;
  let factory: string | undefined;
  for (const [local, b] of importBindings(ne.getSourceFile())) {
    if (b.spec === "http-errors" && (b.kind === "default" || (b.kind === "require" && b.exported === "*"))) {
      factory = local;
      break;
    }
  }
  if (!factory || (ts.isPropertyAccessExpression(callee) && !(ts.isIdentifier(callee.expression) && callee.expression.text === factory))) return undefined;
  const args = ne.arguments ?? [];
  if (args.length > 1 || (args.length === 1 && !isStringBySyntax(args[0]!))) return undefined;
  const message = args.length === 1 ? `${args[0]!.getText()}, ` : "";
  return { name: factory, status, edit: { start: ne.getStart(), end: ne.getEnd(), text: `${factory}(${status}, ${message}{ ${causeProp} })` } };
}

/** A string whatever its operands: a string literal, a template, a `+` with a string literal or template on one side. */
function isStringBySyntax(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) return true;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && (isStringBySyntax(e.left) || isStringBySyntax(e.right));
}

/**
 * A class of http-errors by its import: a member of its default export (`import createHttpError from
 * "http-errors"`, `const createError = require("http-errors")`) or a name imported from it
 * (`import { NotFound } from "http-errors"`, `const { NotFound } = require("http-errors")`).
 */
function httpErrorsClass(callee: ts.Expression): boolean {
  const bindings = importBindings(callee.getSourceFile());
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const b = bindings.get(callee.expression.text);
    return !!b && b.spec === "http-errors" && (b.kind === "default" || b.kind === "namespace" || (b.kind === "require" && b.exported === "*"));
  }
  if (!ts.isIdentifier(callee)) return false;
  const b = bindings.get(callee.text);
  return !!b && b.spec === "http-errors" && (b.kind === "named" || (b.kind === "require" && b.exported !== "*")) && b.exported !== "default";
}

/** Names the file declares anywhere (imports, classes, functions, variables, parameters), once per file. */
function fileBinds(sf: ts.SourceFile, name: string): boolean {
  let names = fileNames.get(sf);
  if (!names) {
    const found = new Set<string>();
    const add = (n: ts.BindingName | undefined): void => {
      if (n) for (const b of boundNames(n)) found.add(b);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isImportClause(n) || ts.isImportSpecifier(n) || ts.isNamespaceImport(n) || ts.isImportEqualsDeclaration(n)) add(n.name);
      else if (ts.isClassLike(n) || ts.isFunctionDeclaration(n) || ts.isEnumDeclaration(n)) add(n.name);
      else if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) add(n.name);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    fileNames.set(sf, (names = found));
  }
  return names.has(name);
}

const fileNames = new TreeMemo<ts.SourceFile, Set<string>>();

/**
 * Where `cause` goes in a framework's error call. h3's `createError({ statusCode: 500, … })` keeps
 * it from its one input object. http-errors' `createError(500, "…", props)` reads its arguments by
 * type, and its last object is the properties it sets on the error: `cause` joins that object, or a
 * new one after the status and message; with an argument of a type not written out (`props`, a
 * call) a new object might replace it, so none is offered.
 */
function frameworkCauseEdit(maker: ErrorMaker, args: ts.NodeArray<ts.Expression>, causeProp: string): TextEdit | undefined {
  const objects = args.filter(ts.isObjectLiteralExpression);
  // A `cause` of its own (`{ cause: "upstream" }`, `["cause"]`), or maybe one (`...base`, `[key]`): a second one would replace it.
  if (objects.some((o) => o.properties.some(mayBeCause))) return undefined;
  if (maker === "h3") return args.length === 1 && objects.length === 1 ? intoObjectLiteral(objects[0]!, causeProp) : undefined;
  if (!args.every((a, i) => (i === 0 && ts.isNumericLiteral(a)) || ts.isStringLiteralLike(a) || ts.isTemplateExpression(a) || ts.isObjectLiteralExpression(a))) return undefined;
  const props = objects[objects.length - 1];
  if (props) return intoObjectLiteral(props, causeProp);
  // After the last argument, not at the list's end: `createError(500, "Upstream failed",)` keeps its comma.
  const last = args[args.length - 1];
  return last ? { start: last.getEnd(), end: last.getEnd(), text: `, { ${causeProp} }` } : { start: args.pos, end: args.pos, text: `{ ${causeProp} }` };
}

/** A property that is, or may be, `cause`: named so, a spread, or a computed name that is not another literal. */
function mayBeCause(p: ts.ObjectLiteralElementLike): boolean {
  if (ts.isSpreadAssignment(p)) return true;
  if (!p.name) return false;
  if (ts.isComputedPropertyName(p.name)) return ts.isStringLiteralLike(p.name.expression) ? p.name.expression.text === "cause" : !ts.isNumericLiteral(p.name.expression);
  return (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === "cause";
}

/** `, cause: e` after an object literal's last property (or into `{}`). */
function intoObjectLiteral(o: ts.ObjectLiteralExpression, prop: string): TextEdit {
  const props = o.properties;
  const at = props.hasTrailingComma ? props.end : props.length > 0 ? props[props.length - 1]!.getEnd() : o.getStart() + 1;
  return { start: at, end: at, text: props.length > 0 && !props.hasTrailingComma ? `, ${prop}` : ` ${prop} ` };
}

/**
 * A rethrow in a catch nested inside another catch replaces the outer error. Suggestions: log
 * the secondary error instead of throwing it (the outer catch goes on with the original), or
 * throw both as an `AggregateError`.
 */
export function secondaryErrorFixes(env: FixEnv, thrown: ts.ThrowStatement, innerErr: string, outerErr: string): Fix[] {
  const fixes: Fix[] = [];
  const line = env.log ? semi(env, formatLogCall(env.log.logger, quote(`${env.scope.name ?? "cleanup"}: a second error while handling the first`, env.style.quote), innerErr, [])) : undefined;
  if (line) fixes.push({ title: `Log ${innerErr} and keep the original error`, kind: "suggestion", edits: [...env.log!.imports, { start: thrown.getStart(), end: thrown.getEnd(), text: line }] });
  if (!env.ctx.profile.predatesEs2022) {
    fixes.push({ title: "Throw both errors as an AggregateError", kind: "suggestion", edits: [{ start: thrown.getStart(), end: thrown.getEnd(), text: semi(env, `throw new AggregateError([${outerErr}, ${innerErr}], ${quote(`${env.scope.name ?? "cleanup"} failed twice`, env.style.quote)})`) }] });
  }
  return fixes;
}

// Operations that change something outside the process: a throw after them leaves them done, and a retry does them again.
const WRITE_RE = /^(?:create|insert|update|upsert|delete|destroy|remove|save|send|put|post|patch|write|copy|duplicate|add|set|publish|enqueue|upload|move|rename|transfer|charge|refund|invite|notify|email|mail)(?:[A-Z_\d]|$)/i;

/** The calls a batch runs, as written (`mailer.send` in `users.map((u) => mailer.send(u))`), callbacks included, without the array's own methods. */
function batchCalls(batch: ts.CallExpression): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const text = calleeText(n);
      const last = text?.replace(/^.*\./, "");
      if (text && last && !/^(?:map|flatMap|filter|slice|concat|from)$/.test(last) && !NOT_FAILING_RE.test(text) && !out.includes(text)) out.push(text);
    }
    ts.forEachChild(n, visit);
  };
  for (const a of batch.arguments) visit(a);
  return out;
}

/** The function writes before the batch, or the batch writes: work a throw would leave committed. */
function commitsWork(env: FixEnv, stmt: ts.Statement, calls: readonly string[]): boolean {
  const isWrite = (c: string) => WRITE_RE.test(c.replace(/^.*\./, ""));
  if (calls.some(isWrite)) return true;
  const body = env.scope.fn?.body;
  if (!body || !ts.isBlock(body)) return false;
  return body.statements.some((s) => s.getEnd() <= stmt.getStart() && failingCalls(s).some(isWrite));
}

/** `await Promise.allSettled(…);`: a batch whose results are dropped. */
function isUnreadSettle(n: ts.Node): n is ts.ExpressionStatement {
  if (!ts.isExpressionStatement(n) || !ts.isAwaitExpression(n.expression)) return false;
  const call = n.expression.expression;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "allSettled" && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === "Promise";
}

/**
 * The name that keeps `stmt`'s results: `settled`, `settled2`, `settled3`… by the order of the
 * unread batches in the outermost function around it (or the file), skipping every name its code
 * already spells. Every fix `--fix` or `source.fixAll` applies together then declares its own
 * name, and none redeclares or shadows another (papermark `duplicate.ts`: two batches in one
 * block gave two `const settled`, TS2451).
 */
function settledName(stmt: ts.ExpressionStatement): string {
  let root: ts.Node = stmt.getSourceFile();
  for (let p: ts.Node | undefined = stmt.parent; p; p = p.parent) if (isFunctionLike(p)) root = p;
  const taken = new Set(root.getText().match(/\bsettled\d*\b/g) ?? []);
  const sites: ts.ExpressionStatement[] = [];
  const visit = (n: ts.Node): void => {
    if (isUnreadSettle(n)) sites.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  let n = 0;
  const next = (): string => {
    let name: string;
    do name = ++n === 1 ? "settled" : `settled${n}`;
    while (taken.has(name));
    return name;
  };
  for (const site of sites) {
    const name = next();
    if (site === stmt) return name;
  }
  return next();
}

/**
 * Fixes for `await Promise.allSettled(…)` whose results are never read. Safe: keep the results
 * and log each rejection (a loop that only logs). Suggestion: throw the first rejection, unless
 * the batch writes or the function wrote before it (created rows, sent messages): the throw
 * would answer an error for work that is done, and a retry would do it again.
 */
export function allSettledFixes(env: FixEnv, stmt: ts.ExpressionStatement, awaitExpr: ts.AwaitExpression): Fix[] {
  const text = env.ctx.text;
  const fn = env.scope.fn;
  const scopeText = fn ? fn.getText() : text;
  // The loop's own `result` would shadow one the function reads.
  if (/\bresult\b/.test(scopeText)) return [];
  const indent = lineIndentAt(text, stmt.getStart());
  const eol = env.style.eol;
  const q = env.style.quote;
  const name = settledName(stmt);
  const keep = `const ${name} = ${awaitExpr.getText()}${env.style.semi}${eol}${indent}for (const result of ${name}) if (result.status === ${quote("rejected", q)}) `;
  const calls = ts.isCallExpression(awaitExpr.expression) ? batchCalls(awaitExpr.expression) : [];
  const fixes: Fix[] = [];
  const call = fittingLogCall(env, messageFor(env, calls, true), "result.reason", [], stmt);
  if (env.log && call !== undefined) {
    const line = semi(env, call);
    fixes.push({ title: `Log the rejected ones with ${loggerLabel(env)}`, kind: "safe", isPreferred: true, edits: [...env.log.imports, { start: stmt.getStart(), end: stmt.getEnd(), text: keep + line }] });
  }
  // Tracking, analytics or a notification in the batch (`trackAnalytics(…)`), or a library's event handler: best effort, never thrown.
  const bestEffort = calls.some((c) => isNotification(undefined, c)) || isBestEffortFunction(env);
  if (!bestEffort && !commitsWork(env, stmt, calls)) fixes.push({ title: "Throw the first rejection after all settle", kind: "suggestion", edits: [{ start: stmt.getStart(), end: stmt.getEnd(), text: `${keep}throw result.reason${env.style.semi}` }] });
  return fixes;
}

/** True for `!==`/`!=`/`!(…)`: the branch of such a check is where the other errors go. */
function isNegatedCheck(cond: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(cond)) return isNegatedCheck(cond.expression);
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) return true;
  return ts.isBinaryExpression(cond) && (cond.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || cond.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken);
}

/** A `return`, `throw`, `continue` or `break`, or a block that ends with one. */
export function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!);
  return false;
}

/**
 * A check for specific errors that drops the others. Safe: log the others where they go (after
 * a check whose branch exits, or inside a negated check's branch). Suggestion: rethrow them.
 */
export function partialCheckFixes(env: FixEnv, clause: ts.CatchClause, check: ts.IfStatement, errName: string): Fix[] {
  const text = env.ctx.text;
  const block = clause.block;
  const fixes: Fix[] = [];
  if (check.elseStatement) return fixes;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  const line = logLine(env, errName, failingCalls(tryBlock), tryBlock);
  const negated = isNegatedCheck(check.expression);
  const indent = lineIndentAt(text, check.getStart());
  const multiLine = text.slice(block.getStart(), block.getEnd()).includes("\n");
  if (line && multiLine && !block.statements.slice(block.statements.indexOf(check) + 1).some((s) => references(s, errName))) {
    if (negated) fixes.push({ title: `Log the unexpected errors with ${loggerLabel(env)}`, kind: "safe", isPreferred: true, edits: [...env.log!.imports, ...wrapWithLines(env, check.thenStatement, [line], indent)] });
    else if (exits(check.thenStatement)) fixes.push({ title: `Log the unexpected errors with ${loggerLabel(env)}`, kind: "safe", isPreferred: true, edits: [...env.log!.imports, insertAfter(env, check, [line])] });
  }
  const rethrow = semi(env, `throw ${errName}`);
  const title = "Rethrow the errors the check does not expect";
  // A rethrow from UI code reaches no caller: the log above is the fix there.
  if (enclosingCatch(clause) || isUiCode(env)) return fixes;
  if (negated) {
    if (ts.isBlock(check.thenStatement) && check.thenStatement.statements.length > 0) fixes.push({ title, kind: "suggestion", edits: [insertAfter(env, check.thenStatement.statements[check.thenStatement.statements.length - 1]!, [rethrow])] });
    else if (!ts.isBlock(check.thenStatement)) {
      const braced = bracedBranch(env, check, [rethrow]);
      if (braced) fixes.push({ title, kind: "suggestion", edits: [braced] });
    }
    return fixes;
  }
  if (exits(check.thenStatement)) {
    if (!multiLine) return fixes;
    const lastStmt = block.statements[block.statements.length - 1]!;
    if (normalExit(block, undefined) && lastStmt !== check) fixes.push({ title, kind: "suggestion", edits: [{ start: lastStmt.getStart(), end: lastStmt.getEnd(), text: rethrow }] });
    else fixes.push({ title, kind: "suggestion", edits: [insertAfter(env, lastStmt, [rethrow])] });
    return fixes;
  }
  fixes.push({ title, kind: "suggestion", edits: [{ start: check.thenStatement.getEnd(), end: check.thenStatement.getEnd(), text: ` else ${blockOf(env, [rethrow], indent)}` }] });
  return fixes;
}
