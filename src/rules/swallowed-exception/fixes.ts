import { ts } from "../../engine/ts";
import type { Fix, ProjectHost, RuleContext, TextEdit } from "../../engine/types";
import { detectLogger, formatLogCall, type LoggerInfo } from "../../fixes/logger";
import { detectStyle, lineIndentAt, quote, type FileStyle } from "../../fixes/text";
import { calleeName } from "../../engine/ast";
import { BUILTIN_ERRORS } from "./analysis";
import { contextIdentifiers, type Scope } from "./scope";

export const REASON = "<reason>";

/** What fixes need to know, computed once per fix thunk. */
export interface FixEnv {
  ctx: RuleContext;
  style: FileStyle;
  logger: LoggerInfo;
  scope: Scope;
}

export function fixEnv(ctx: RuleContext, scope: Scope): FixEnv {
  return { ctx, style: detectStyle(ctx.text), logger: detectLogger(ctx.sourceFile, ctx.text, { inClass: scope.inClass, params: scope.allParams }), scope };
}

/** Name of the first call in a block, to name the operation when the function has no name. */
function firstCallName(node: ts.Node): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      found = calleeName(n);
      if (found) return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function messageFor(env: FixEnv, fallback: string, existing?: string): string {
  return quote(existing ?? `${env.scope.name ?? fallback} failed`, env.style.quote);
}

/** First string literal argument of an existing log call: kept as the message of the new one. */
export function existingMessage(logs: readonly ts.CallExpression[]): string | undefined {
  for (const call of logs) for (const a of call.arguments) if (ts.isStringLiteralLike(a) && a.text.trim()) return a.text;
  return undefined;
}

/** Picks a binding name for a binding-less catch that the surrounding code does not use. */
export function freshErrorName(text: string, node: ts.Node): string {
  const around = text.slice(node.parent.getStart(), node.getEnd());
  for (const candidate of ["err", "error", "caught"]) if (!new RegExp(`\\b${candidate}\\b`).test(around)) return candidate;
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
  if (params.length >= 3 && last === "next") return { statement: (e) => `return next(${e})`, title: "Pass the error to `next`", log: false };
  // new Promise((resolve, reject) => { try … catch … })
  const p = fn.parent;
  if (params.length === 2 && p && ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === "Promise" && params[1]) {
    const reject = params[1];
    return { statement: (e) => `return ${reject}(${e})`, title: `Reject with the error`, log: false };
  }
  if (last && /^(?:cb|callback|done)$/.test(last) && params.length >= 2) return { statement: (e) => `return ${last}(${e})`, title: `Pass the error to \`${last}\``, log: false };
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

function semi(env: FixEnv, stmt: string): string {
  return stmt + env.style.semi;
}

function titleLogAndRethrow(env: FixEnv): string {
  return `Log with ${env.logger.label} and rethrow`;
}

/**
 * "Log with context and rethrow" or "Pass the error on" for a catch clause: replaces the
 * block (and adds a binding when there is none).
 */
export function catchHandleFixes(env: FixEnv, clause: ts.CatchClause, opts: { existing?: string; kind: "safe" | "suggestion" }): Fix[] {
  const { ctx } = env;
  const text = ctx.text;
  const binding = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  const err = binding ?? freshErrorName(text, clause);
  const edits: TextEdit[] = [];
  const catchStart = clause.getStart();
  if (!binding) edits.push({ start: catchStart + "catch".length, end: catchStart + "catch".length, text: ` (${err})` });
  const base = lineIndentAt(text, clause.block.getStart());
  const context = contextIdentifiers((clause.parent as ts.TryStatement).tryBlock, new Set([err]));
  const log = semi(env, formatLogCall(env.logger, messageFor(env, firstCallName((clause.parent as ts.TryStatement).tryBlock) ?? "operation", opts.existing), err, context));
  const channel = channelOf(env.scope, text);
  let lines: string[];
  let title: string;
  if (channel) {
    const stmt = channel.statement(err, env.style.quote);
    // Keep the log line a log-and-continue catch already had, now with the error and context.
    lines = channel.log || opts.existing !== undefined ? [log, semi(env, stmt)] : [semi(env, stmt)];
    title = channel.title;
  } else {
    lines = [log, semi(env, `throw ${err}`)];
    title = titleLogAndRethrow(env);
  }
  edits.push({ start: clause.block.getStart(), end: clause.block.getEnd(), text: blockOf(env, lines, base) });
  return [{ title, kind: opts.kind, isPreferred: opts.kind === "safe" ? true : undefined, edits }].map(stripUndefined);
}

function stripUndefined(f: Fix): Fix {
  if (f.isPreferred === undefined) delete f.isPreferred;
  return f;
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

/** Name of the handler's first parameter, or a fresh one. */
function handlerParam(fn: ts.Expression): string {
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name)) {
    const name = fn.parameters[0].name.text;
    if (!name.startsWith("_")) return name;
  }
  return "err";
}

/** The text of a replacement handler `(err) => { …lines }` at the handler's place. */
function handlerText(env: FixEnv, fn: ts.Expression, param: string, lines: string[]): string {
  const isAsync = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const annot = ctxIsTs(env) && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0]?.type ? `: ${fn.parameters[0].type.getText()}` : "";
  return `${isAsync ? "async " : ""}(${param}${annot}) => ${blockOf(env, lines, lineIndentAt(env.ctx.text, fn.getStart()))}`;
}

function ctxIsTs(env: FixEnv): boolean {
  return /\.[cm]?tsx?$/i.test(env.ctx.path);
}

/** "Handle the rejection": the handler logs with context and rethrows; at top level, sets a failing exit code. */
export function promiseHandlerFixes(env: FixEnv, call: ts.CallExpression, handler: ts.Expression): Fix[] {
  const param = handlerParam(handler);
  // `() => done()` / `() => resolve()`: the channel is right there, hand it the error.
  const channel = successChannel(handler, env.scope.allParams);
  if (channel) {
    const fixes: Fix[] = [{ title: `Pass the error to \`${channel}\``, kind: "safe", isPreferred: true, edits: [{ start: handler.getStart(), end: handler.getEnd(), text: `(${param}) => ${channel}(${param})` }] }];
    const mark = markIgnoredHandler(env, handler);
    if (mark) fixes.push(mark);
    return fixes;
  }
  const context = contextIdentifiers(call.expression, new Set([param]));
  const log = semi(env, formatLogCall(env.logger, messageFor(env, describeCall(call)), param, context));
  const topLevel = isTopLevelStatement(call) && !/\.[jt]sx$/i.test(env.ctx.path);
  const lines = topLevel ? [log, semi(env, "process.exitCode = 1")] : [log, semi(env, `throw ${param}`)];
  const title = topLevel ? `Log with ${env.logger.label} and set \`process.exitCode\`` : `Log with ${env.logger.label} and rethrow in the handler`;
  const fixes: Fix[] = [{ title, kind: "safe", isPreferred: true, edits: [{ start: handler.getStart(), end: handler.getEnd(), text: handlerText(env, handler, param, lines) }] }];
  const mark = markIgnoredHandler(env, handler);
  if (mark) fixes.push(mark);
  return fixes;
}

/** `done`/`cb`/`callback`/`next` called with no error, or `resolve` where `reject` is in scope. */
function successChannel(handler: ts.Expression, params: readonly string[]): string | undefined {
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return undefined;
  let expr: ts.Node | undefined = handler.body;
  if (ts.isBlock(handler.body)) {
    const only = handler.body.statements.length === 1 ? handler.body.statements[0] : undefined;
    expr = only && ts.isExpressionStatement(only) ? only.expression : undefined;
  }
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression)) return undefined;
  const name = expr.expression.text;
  if (/^(?:done|cb|callback|next)$/.test(name)) return name;
  if (name === "resolve" && params.includes("reject")) return "reject";
  return undefined;
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
      if (n && n !== "then" && n !== "catch" && n !== "finally") return n;
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else break;
  }
  return ts.isIdentifier(e) ? e.text : "operation";
}

/** Error listener fix: log the error (and exit for process-level events). */
export function errorHandlerFixes(env: FixEnv, handler: ts.Expression, event: string, rejectName: string | undefined, emitter?: string): Fix[] {
  const param = handlerParam(handler);
  const fixes: Fix[] = [];
  if (rejectName) {
    fixes.push({ title: `Reject with the error`, kind: "safe", isPreferred: true, edits: [{ start: handler.getStart(), end: handler.getEnd(), text: `(${param}) => ${rejectName}(${param})` }] });
  } else {
    const log = semi(env, formatLogCall(env.logger, quote(emitter && emitter !== "process" && event === "error" ? `${emitter} error` : event, env.style.quote), param, []));
    const processLevel = event === "uncaughtException" || event === "unhandledRejection";
    const lines = processLevel ? [log, semi(env, "process.exit(1)")] : [log];
    fixes.push({ title: processLevel ? `Log with ${env.logger.label} and exit` : `Log the error with ${env.logger.label}`, kind: "safe", isPreferred: true, edits: [{ start: handler.getStart(), end: handler.getEnd(), text: handlerText(env, handler, param, lines) }] });
  }
  const mark = markIgnoredHandler(env, handler);
  if (mark) fixes.push(mark);
  return fixes;
}

/** "Check `err`": `if (err) return cb(err);` when a callback is in scope, else log and return. */
export function callbackFixes(env: FixEnv, fn: ts.ArrowFunction | ts.FunctionExpression, errName: string, call: ts.CallExpression, droppingIf: ts.IfStatement | undefined): Fix[] {
  if (!ts.isBlock(fn.body)) return [];
  const outer = env.scope.params;
  const last = outer[outer.length - 1];
  const channel = last && /^(?:cb|callback|done|next|reject)$/.test(last) ? last : undefined;
  const context = contextIdentifiers(call, new Set([errName]));
  const text = env.ctx.text;
  const body = fn.body;
  const fixes: Fix[] = [];
  const baseIndent = lineIndentAt(text, droppingIf ? droppingIf.getStart() : body.getStart());
  let handled: string;
  let title: string;
  if (channel) {
    handled = semi(env, `return ${channel}(${errName})`);
    title = `Check \`${errName}\` and pass it to \`${channel}\``;
  } else {
    const log = semi(env, formatLogCall(env.logger, messageFor(env, describeCall(call), `${describeCall(call)} failed`), errName, context));
    handled = blockOf(env, [log, semi(env, "return")], droppingIf ? baseIndent : baseIndent + env.style.indentUnit);
    title = `Check \`${errName}\`, log it with ${env.logger.label} and return`;
  }
  if (droppingIf) {
    fixes.push({ title, kind: "safe", isPreferred: true, edits: [{ start: droppingIf.thenStatement.getStart(), end: droppingIf.thenStatement.getEnd(), text: handled }] });
  } else {
    const inner = baseIndent + env.style.indentUnit;
    const sameLine = !text.slice(body.getStart(), body.getEnd()).includes("\n");
    if (sameLine) {
      // `(err) => {}` or `(err) => { use(); }`: rebuild the block on several lines.
      const rest = body.statements.map((s) => s.getText());
      const lines = [`if (${errName}) ${channel ? handled : blockOf(env, [semi(env, formatLogCall(env.logger, messageFor(env, describeCall(call), `${describeCall(call)} failed`), errName, context)), semi(env, "return")], baseIndent + env.style.indentUnit)}`, ...rest];
      fixes.push({ title, kind: "safe", isPreferred: true, edits: [{ start: body.getStart(), end: body.getEnd(), text: blockOf(env, lines, baseIndent) }] });
    } else {
      fixes.push({ title, kind: "safe", isPreferred: true, edits: [{ start: body.getStart() + 1, end: body.getStart() + 1, text: `${env.style.eol}${inner}if (${errName}) ${handled}` }] });
    }
  }
  return fixes;
}

/** Replaces a no-op callback with one that logs its error. */
export function noopCallbackFixes(env: FixEnv, call: ts.CallExpression, cb: ts.Expression): Fix[] {
  const context = contextIdentifiers(call, new Set(["err"]));
  const what = describeCall(call);
  const log = semi(env, formatLogCall(env.logger, messageFor(env, what, `${what} failed`), "err", context));
  const base = lineIndentAt(env.ctx.text, cb.getStart());
  const text = `(err) => ${blockOf(env, [`if (err) ${log}`], base)}`;
  return [{ title: `Log the callback error with ${env.logger.label}`, kind: "safe", isPreferred: true, edits: [{ start: cb.getStart(), end: cb.getEnd(), text }] }];
}

/** Where `Error` takes no options object: the nearest tsconfig targets (and types) before ES2022. */
export function predatesEs2022(project: ProjectHost, filePath: string): boolean {
  let dir = filePath.replace(/[\\/][^\\/]*$/, "");
  for (let i = 0; i < 12 && dir; i++) {
    for (const name of ["tsconfig.json", "jsconfig.json"]) {
      const file = `${dir}/${name}`;
      const raw = project.readFile(file);
      if (raw === undefined) continue;
      const parsed = ts.parseConfigFileTextToJson(file, raw);
      const opts = (parsed.config?.compilerOptions ?? {}) as { target?: unknown; lib?: unknown };
      const modern = (v: string) => /^es(?:next|20(?:2[2-9]|[3-9]\d))/i.test(v);
      const libs = Array.isArray(opts.lib) ? opts.lib.filter((l): l is string => typeof l === "string") : undefined;
      if (libs && libs.some(modern)) return false;
      if (libs) return true;
      if (typeof opts.target === "string") return !modern(opts.target);
      return false;
    }
    const up = dir.replace(/[\\/][^\\/]*$/, "");
    if (up === dir) break;
    dir = up;
  }
  return false;
}

/** "Rethrow with `{ cause }`" on `new X(msg)`; safe for built-in errors, a suggestion otherwise. */
export function causeFixes(env: FixEnv, clause: ts.CatchClause, ne: ts.NewExpression): Fix[] {
  const args = ne.arguments ?? ts.factory.createNodeArray();
  if (args.length > 1 || args.some((a) => ts.isSpreadElement(a))) return [];
  const binding = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  const err = binding ?? freshErrorName(env.ctx.text, clause);
  const edits: TextEdit[] = [];
  if (!binding) {
    const at = clause.getStart() + "catch".length;
    edits.push({ start: at, end: at, text: ` (${err})` });
  }
  const name = calleeName(ne) ?? "Error";
  const builtin = BUILTIN_ERRORS.has(name) && ts.isIdentifier(ne.expression);
  const causeProp = err === "cause" ? "cause" : `cause: ${err}`;
  if (builtin && predatesEs2022(env.ctx.project, env.ctx.path)) {
    edits.push({ start: ne.getStart(), end: ne.getStart(), text: "Object.assign(" });
    edits.push({ start: ne.getEnd(), end: ne.getEnd(), text: `, { ${causeProp} })` });
    return [{ title: "Rethrow with `cause` via `Object.assign` (target predates ES2022)", kind: "safe", isPreferred: true, edits }];
  }
  const insertAt = args.length === 1 ? args[0]!.getEnd() : args.end;
  const hasParens = ne.arguments !== undefined;
  if (!hasParens) edits.push({ start: ne.getEnd(), end: ne.getEnd(), text: `(undefined, { ${causeProp} })` });
  else edits.push({ start: insertAt, end: insertAt, text: args.length === 1 ? `, { ${causeProp} }` : `undefined, { ${causeProp} }` });
  if (builtin) return [{ title: "Rethrow with `{ cause }`", kind: "safe", isPreferred: true, edits }];
  return [{ title: `Pass the caught error to \`${name}\` as \`{ cause }\``, kind: "suggestion", edits }];
}

/** Suggestion for `await Promise.allSettled(…)`: keep the results and throw the first rejection. */
export function allSettledFixes(env: FixEnv, stmt: ts.ExpressionStatement, awaitExpr: ts.AwaitExpression): Fix[] {
  const text = env.ctx.text;
  const fn = env.scope.fn;
  const scopeText = fn ? fn.getText() : text;
  if (/\bsettled\b|\bresult\b/.test(scopeText)) return [];
  const indent = lineIndentAt(text, stmt.getStart());
  const eol = env.style.eol;
  const out = `const settled = ${awaitExpr.getText()}${env.style.semi}${eol}${indent}for (const result of settled) if (result.status === ${quote("rejected", env.style.quote)}) throw result.reason${env.style.semi}`;
  return [{ title: "Throw the first rejection after all settle", kind: "suggestion", edits: [{ start: stmt.getStart(), end: stmt.getEnd(), text: out }] }];
}

/** "Rethrow the errors the check does not expect". */
export function partialCheckFixes(env: FixEnv, clause: ts.CatchClause, check: ts.IfStatement, errName: string): Fix[] {
  const text = env.ctx.text;
  const block = clause.block;
  const exits = (s: ts.Statement): boolean => {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
    if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!);
    return false;
  };
  const title = "Rethrow the errors the check does not expect";
  if (exits(check.thenStatement) && (!check.elseStatement || exits(check.elseStatement) === false)) {
    if (check.elseStatement) return [];
    const lastStmt = block.statements[block.statements.length - 1]!;
    const indent = lineIndentAt(text, lastStmt.getStart());
    if (lastStmt.getStart() === block.getStart() + 1 || !text.slice(block.getStart(), block.getEnd()).includes("\n")) return [];
    return [{ title, kind: "safe", isPreferred: true, edits: [{ start: lastStmt.getEnd(), end: lastStmt.getEnd(), text: `${env.style.eol}${indent}${semi(env, `throw ${errName}`)}` }] }];
  }
  if (check.elseStatement) return [];
  const indent = lineIndentAt(text, check.getStart());
  return [{ title, kind: "safe", isPreferred: true, edits: [{ start: check.thenStatement.getEnd(), end: check.thenStatement.getEnd(), text: ` else ${blockOf(env, [semi(env, `throw ${errName}`)], indent)}` }] }];
}
