import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall, references } from "./analysis";
import { withoutCasts } from "./kept-input";

// A parse of a value: `JSON.parse(s)`, `PhoneParser.parse(s)`, `parseISO(s)`, `decodeURIComponent(s)`,
// and the parsers made with `new`: `new URL(s)`, `new UAParser(s)`, `new SemVer(s)`, `new RegExp(s)`.
const PARSE_CALL_RE = /^(?:parse\w*|\w*Parse|decodeURI(?:Component)?)$/;
const PARSER_CLASS_RE = /^(?:URL|URLSearchParams|RegExp|SemVer|\w*Parser)$/;

/** The value a parse reads (`s` in `new UAParser(s).getResult()`, `JSON.parse(s) as T`), if the expression is one. */
function parsedInput(e: ts.Expression): ts.Identifier | undefined {
  let u = withoutCasts(e);
  // `new UAParser(s).getResult()`: a read of what the parser made.
  if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && (ts.isNewExpression(u.expression.expression) || ts.isCallExpression(u.expression.expression)) && u.arguments.length === 0) u = u.expression.expression;
  const isParse = ts.isNewExpression(u) ? ts.isIdentifier(u.expression) && PARSER_CLASS_RE.test(u.expression.text) : ts.isCallExpression(u) && PARSE_CALL_RE.test(calleeName(u) ?? "");
  const arg = isParse ? (u as ts.CallExpression | ts.NewExpression).arguments?.[0] : undefined;
  return arg && ts.isIdentifier(arg) ? arg : undefined;
}

/** `if (!s) return;`, `if (!s) { return undefined; }`: a guard answering "none" for a missing value. */
function answersNoneFor(st: ts.Statement, name: string): boolean {
  if (!ts.isIfStatement(st) || st.elseStatement || !references(st.expression, name)) return false;
  const then = ts.isBlock(st.thenStatement) && st.thenStatement.statements.length === 1 ? st.thenStatement.statements[0]! : st.thenStatement;
  if (!ts.isReturnStatement(then)) return false;
  const v = then.expression;
  return !v || (ts.isIdentifier(v) && v.text === "undefined");
}

/**
 * `if (!sampleCode) return; try { return JSON.parse(sampleCode); } catch {}`, and `if (!ua) return;
 * try { return new UAParser(ua).getResult(); } catch {}` in an IIFE: the try is the function's last
 * statement and only returns a parse of a value, and its catch (empty, or a log) falls off the end,
 * answering `undefined` like the function's own guard on that value when it is missing. A parse
 * probe whose "none" is reached by falling off rather than by `return undefined`. A try that waits
 * on anything, does more than the parse, or without such a guard, stays reported.
 */
export function fallsOffLikeItsGuard(clause: ts.CatchClause): boolean {
  if (!clause.block.statements.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const body = tryStmt.parent;
  if (tryStmt.finallyBlock || !ts.isBlock(body) || !isFunctionLike(body.parent) || body.statements[body.statements.length - 1] !== tryStmt) return false;
  const only = tryStmt.tryBlock.statements.length === 1 ? tryStmt.tryBlock.statements[0]! : undefined;
  const input = only && ts.isReturnStatement(only) && only.expression ? parsedInput(only.expression) : undefined;
  if (!input) return false;
  return body.statements.slice(0, -1).some((st) => answersNoneFor(st, input.text));
}

// A synchronous command run for its output: `execSync("lsof -ti :3000")`, `execFileSync`, `spawnSync`.
const SYNC_COMMAND_RE = /^(?:execSync|execFileSync|spawnSync)$/;

/**
 * `let pids; try { pids = execSync(\`lsof -ti :${port}\`).trim(); } catch { return; } if (!pids) return;`:
 * a synchronous command whose output the try keeps in a local, whose catch answers what the guard right
 * after the try answers for empty output (a command such as `lsof` or `grep` exits non-zero when it
 * finds nothing). "Nothing found" and "the command failed" get one answer, as the function chose for
 * an empty result. A catch with another answer, or no such guard, stays reported.
 */
export function commandProbeLikeItsEmptyGuard(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[stmts.length - 1];
  if (!exit || !ts.isReturnStatement(exit) || !stmts.slice(0, -1).every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const list = tryStmt.parent;
  const only = tryStmt.tryBlock.statements.length === 1 ? tryStmt.tryBlock.statements[0]! : undefined;
  if (tryStmt.finallyBlock || !ts.isBlock(list) || !only || !ts.isExpressionStatement(only)) return false;
  const a = only.expression;
  if (!ts.isBinaryExpression(a) || a.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(a.left)) return false;
  // `execSync(…).toString().trim()`: the command, read through string methods.
  let call: ts.Expression = a.right;
  while (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /^(?:trim|toString|split)$/.test(call.expression.name.text)) call = call.expression.expression;
  if (!ts.isCallExpression(call) || !SYNC_COMMAND_RE.test(calleeName(call) ?? "")) return false;
  const next = list.statements[list.statements.indexOf(tryStmt) + 1];
  if (!next || !ts.isIfStatement(next) || next.elseStatement || !references(next.expression, a.left.text)) return false;
  const then = ts.isBlock(next.thenStatement) && next.thenStatement.statements.length === 1 ? next.thenStatement.statements[0]! : next.thenStatement;
  return ts.isReturnStatement(then) && (then.expression?.getText() ?? "") === (exit.expression?.getText() ?? "");
}

// A look-up of a program on the PATH: `which git`, `command -v ffmpeg`, Windows' `where node`. It exits
// non-zero when the program is not there, so its failure is the answer "not installed".
const PATH_LOOKUP_RE = /^(?:which|command\s+-v|where(?:\.exe)?)\s+\S/;

/** `execSync(\`which ${cmd}\`, …)`, `execFileSync("which", [cmd])`: a synchronous look-up of a program on the PATH. */
function looksUpOnPath(e: ts.Expression): boolean {
  const call = withoutCasts(e);
  if (!ts.isCallExpression(call) || !SYNC_COMMAND_RE.test(calleeName(call) ?? "")) return false;
  const first = call.arguments[0];
  if (!first) return false;
  const text = ts.isStringLiteralLike(first) ? first.text : ts.isTemplateExpression(first) ? first.head.text + "x" : undefined;
  if (text === undefined) return false;
  if (PATH_LOOKUP_RE.test(text)) return true;
  // `execFileSync("which", [cmd])`: the program and its name apart.
  return /^(?:which|where(?:\.exe)?)$/.test(text) && call.arguments[1] !== undefined && ts.isArrayLiteralExpression(call.arguments[1]);
}

/** `const { execSync } = await import("child_process")`, `require("node:child_process")`: the module the look-up needs, loaded. */
function loadsChildProcess(st: ts.Statement): boolean {
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.every((d) => {
    let init = d.initializer && withoutCasts(d.initializer);
    if (init && ts.isAwaitExpression(init)) init = withoutCasts(init.expression);
    return !!init && ts.isCallExpression(init) && (init.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(init.expression) && init.expression.text === "require"))
      && init.arguments.length === 1 && ts.isStringLiteralLike(init.arguments[0]!) && /^(?:node:)?child_process$/.test(init.arguments[0].text);
  });
}

/**
 * `try { execSync(\`which ${cmd}\`, { stdio: "ignore" }); console.log(\`✅ '${cmd}' found\`); } catch {
 * console.log(\`⚠️ Warning: '${cmd}' not found in PATH.\`); }`: a probe whose only work is looking a
 * program up on the PATH (`which`, `command -v`, `where`), which exits non-zero when the program is not
 * there, and whose catch only logs: the catch is the "not installed" branch of the probe, said to
 * whoever runs it, not a failure lost (held round 42, Sherem/gen-mr's editor set-up, decided clean).
 * A try that does anything else (runs the program, saves) stays reported.
 */
export function probesPathLookup(clause: ts.CatchClause): boolean {
  if (clause.block.statements.length === 0 || !clause.block.statements.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  let lookups = 0;
  for (const st of tryStmt.tryBlock.statements) {
    if (loadsChildProcess(st)) continue;
    if (!ts.isExpressionStatement(st)) return false;
    if (isLogCall(st.expression)) continue;
    if (!looksUpOnPath(st.expression)) return false;
    lookups++;
  }
  return lookups > 0;
}

/** `message.value`, `msg?.content`: the dotted text of a read, `?.` as `.`, or undefined for anything else. */
function readPath(e: ts.Expression): string | undefined {
  const u = withoutCasts(e);
  if (ts.isIdentifier(u)) return u.text;
  if (!ts.isPropertyAccessExpression(u) || !ts.isIdentifier(u.name)) return undefined;
  const head = readPath(u.expression);
  return head === undefined ? undefined : `${head}.${u.name.text}`;
}

/** `message.value.toString()`, `String(msg.content)`, `raw.trim()`: the read a parse's text comes from. */
function textSource(e: ts.Expression): string | undefined {
  let u = withoutCasts(e);
  for (;;) {
    if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && /^(?:toString|trim)$/.test(u.expression.name.text) && u.arguments.length <= 1) u = withoutCasts(u.expression.expression);
    else if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === "String" && u.arguments.length === 1) u = withoutCasts(u.arguments[0]!);
    else return readPath(u);
  }
}

/** Log lines, then a bare `return;` (or `return undefined`): the item skipped with a word in the log. */
function logsAndSkips(st: ts.Statement): boolean {
  const stmts: readonly ts.Statement[] = ts.isBlock(st) ? st.statements : [st];
  const exit = stmts[stmts.length - 1];
  if (!exit || !ts.isReturnStatement(exit) || (exit.expression && !(ts.isIdentifier(exit.expression) && exit.expression.text === "undefined"))) return false;
  return stmts.slice(0, -1).every((s) => ts.isExpressionStatement(s) && isLogCall(s.expression));
}

/** `!message.value`, `!msg || !msg.content`: a test that the read at `path` is missing. */
function testsMissing(cond: ts.Expression, path: string): boolean {
  const u = withoutCasts(cond);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsMissing(u.left, path) || testsMissing(u.right, path);
  return ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && readPath(u.operand) === path;
}

/**
 * `if (!message.message.value) { log("Empty message value received", …); return; } let payload; try {
 * payload = JSON.parse(message.message.value.toString()); } catch (e) { log("Failed to parse message
 * payload", …); return; }` (held round 45's Kafka handlers, clean): the try only parses a value the
 * guard above tests for missing, and the catch, like that guard, logs and returns nothing. A missing
 * value and a malformed one get the one answer, the item skipped with a log line (a malformed
 * message no retry could parse). A try that does more than the parse, a catch that answers
 * something else, or no such guard, stays reported.
 */
export function parseSkipsLikeItsGuard(clause: ts.CatchClause): boolean {
  const tryStmt = clause.parent as ts.TryStatement;
  const list = tryStmt.parent;
  const only = tryStmt.tryBlock.statements.length === 1 ? tryStmt.tryBlock.statements[0]! : undefined;
  if (tryStmt.finallyBlock || !ts.isBlock(list) || !only || !logsAndSkips(clause.block)) return false;
  let parsed: ts.Expression | undefined;
  if (ts.isExpressionStatement(only) && ts.isBinaryExpression(only.expression) && only.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(only.expression.left)) parsed = only.expression.right;
  else if (ts.isVariableStatement(only) && only.declarationList.declarations.length === 1) parsed = only.declarationList.declarations[0]!.initializer;
  const call = parsed && withoutCasts(parsed);
  if (!call || !ts.isCallExpression(call) || call.arguments.length !== 1 || call.expression.getText() !== "JSON.parse") return false;
  const path = textSource(call.arguments[0]!);
  if (path === undefined) return false;
  return list.statements.slice(0, list.statements.indexOf(tryStmt)).some((st) => ts.isIfStatement(st) && !st.elseStatement && testsMissing(st.expression, path) && logsAndSkips(st.thenStatement));
}
