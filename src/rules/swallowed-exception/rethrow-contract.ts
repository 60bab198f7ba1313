/**
 * Where a rethrow suggestion breaks a contract the code around the swallow keeps (session-25 fix
 * review): a callback a library is told to call once something has happened, whose throw lands
 * in code we cannot see (R67), and a per-item loop whose other failure branches skip the item
 * (R40); and (session-26 review R64) a catch that returns the function's own literal default.
 * The findings stay; only the fixes that throw are not offered there.
 */
import { ts } from "../../engine/ts";
import { enclosingLoop, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";

// A hook told of an event: `onFinish`, `onSuccess`, `handleSCIMEvents`, `processEvent`, `messageListener`, `userEventHandler`.
const EVENT_HOOK_RE = /^on[A-Z0-9_]\w*$|^(?:handle|process|dispatch)\w*Events?$|\w(?:Listener|EventHandler)$/;

// Calls whose callback's throw the calling code sees: array iteration and promise chaining.
const VISIBLE_CALLER_RE = /^(?:map|flatMap|forEach|filter|reduce|reduceRight|some|every|find|findIndex|findLast|findLastIndex|sort|then|catch|finally|call|apply|bind)$/;

/** The name a function is known by where it is handed on: its declaration, its `const`, or its object key. */
function hookName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const p = fn.parent;
  if ((ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p)) && p.initializer === fn && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  return undefined;
}

/** Functions declared in the file under a name (`function f`, `const f = () => …`): calls of them are code we can see. */
function declaredFunctions(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name) out.add(n.name.text);
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) out.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * `call` runs code the file does not hold: its callee is a library's (`directorySyncController.requests.handle`,
 * `streamText`), not a function of this file, nor an array or promise method whose throw the caller sees.
 */
function isUnseenCall(call: ts.CallExpression, own: Set<string>): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return !own.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) return !VISIBLE_CALLER_RE.test(callee.name.text) && callee.expression.getText() !== "Promise";
  return false;
}

/** The call `expr` is handed to as an argument, directly or as a member of an object literal argument (`{ onFinish }`). */
function handedTo(expr: ts.Node): ts.CallExpression | undefined {
  let n = expr;
  if ((ts.isPropertyAssignment(n.parent) && n.parent.initializer === n) || ts.isShorthandPropertyAssignment(n.parent)) n = n.parent;
  if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n) || ts.isMethodDeclaration(n)) && ts.isObjectLiteralExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return p && ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression) ? p : undefined;
}

/**
 * `async function handleSCIMEvents(event) { try { … } catch (error) { console.error(…); } }` handed to
 * `directorySyncController.requests.handle(request, handleSCIMEvents)`, or `streamText({ …, onFinish:
 * async () => { try { await saveChat(…); } catch (e) { log(e); } } })`: an event hook (named for an
 * event, `on…`, `…Events`, `…Listener`) that the file hands to a library's call and never calls itself.
 * The library calls it once it has done its own work (Jackson stored the user, the stream ended);
 * a throw lands in its code, which may answer the request with a 500 that a retry meets as a 409
 * (session-25 review R67). A rethrow there is not a fix; the information-adding fixes are.
 */
export function isLibraryEventHook(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  if (!fn) return false;
  const name = hookName(fn);
  if (!name || !EVENT_HOOK_RE.test(name)) return false;
  const sf = fn.getSourceFile();
  const own = declaredFunctions(sf);
  if (!ts.isFunctionDeclaration(fn) && !ts.isVariableDeclaration(fn.parent)) {
    const call = handedTo(fn);
    return !!call && isUnseenCall(call, own);
  }
  // A declared function: every use of its name hands it to such a call, and nothing exports it.
  const decl = ts.isFunctionDeclaration(fn) ? fn : fn.parent.parent.parent;
  if (ts.canHaveModifiers(decl) && ts.getModifiers(decl)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  let handed = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === name && n !== fn.name && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      const call = handedTo(n);
      if (call && isUnseenCall(call, own)) handed++;
      else other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return handed > 0 && !other;
}

/** The loop a `continue` in `n` goes to: unlabelled, the innermost loop around it (within `stop`). */
function continuesLoop(cont: ts.ContinueStatement, loop: ts.IterationStatement): boolean {
  if (cont.label) return ts.isLabeledStatement(loop.parent) && loop.parent.label.text === cont.label.text;
  for (let p = cont.parent; p; p = p.parent) {
    if (ts.isIterationStatement(p, false)) return p === loop;
    if (isFunctionLike(p)) return false;
  }
  return false;
}

/** A branch that logs and skips to the next item: `if (!content) { console.error(…); continue; }`, `catch (e) { log(e); continue; }`. */
function logsAndSkips(branch: ts.Statement, loop: ts.IterationStatement): boolean {
  const list = ts.isBlock(branch) ? branch.statements : [branch];
  const last = list[list.length - 1];
  return !!last && ts.isContinueStatement(last) && continuesLoop(last, loop) && list.some((s) => ts.isExpressionStatement(s) && isLogCall(s.expression));
}

/**
 * `for (const row of rows) { if (!content) { console.error(…); continue; } … const { error } = await
 * update(…); if (error) { console.error(…); } }`: the innermost loop around `node` (in its function)
 * has another failure branch that logs and `continue`s, so the loop skips failed items by design.
 * A throw at `node` would end the loop at the first failure and leave the rest of the batch undone
 * (session-25 review R40).
 */
export function loopSkipsFailedItems(node: ts.Node): boolean {
  const loop = enclosingLoop(node);
  if (!loop) return false;
  const at = loop;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n === node || isFunctionLike(n)) return;
    if (ts.isIfStatement(n) && (logsAndSkips(n.thenStatement, at) || (!!n.elseStatement && logsAndSkips(n.elseStatement, at)))) found = true;
    else if (ts.isCatchClause(n) && logsAndSkips(n.block, at)) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(loop.statement, visit);
  return found;
}

/**
 * A literal's value as a key (`1` and `1.0` alike, `"a"` and `'a'` alike), for the values a
 * function may give as its default: a number, a string, a boolean, `null`, `undefined`, `[]`, `{}`.
 */
function literalKey(expr: ts.Expression): string | undefined {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (ts.isNumericLiteral(e)) return `n:${Number(e.text)}`;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return `n:${-Number(e.operand.text)}`;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return `s:${e.text}`;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return e.getText();
  if (ts.isIdentifier(e) && e.text === "undefined") return "undefined";
  if (ts.isArrayLiteralExpression(e) && e.elements.length === 0) return "[]";
  if (ts.isObjectLiteralExpression(e) && e.properties.length === 0) return "{}";
  return undefined;
}

// Literal keys of empty values: zero, the empty string, `null`, `undefined`, `false`, `[]`, `{}`.
const EMPTY_KEYS = new Set(["n:0", "s:", "null", "undefined", "false", "[]", "{}"]);

/** The `??`/`||` default of a return (`return plan?.minQuantity ?? 1` → `1`), as a literal key. */
function defaultOf(r: ts.Statement | undefined): string | undefined {
  if (!r || !ts.isReturnStatement(r) || !r.expression) return undefined;
  let e = r.expression;
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  return op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken ? literalKey(e.right) : undefined;
}

/** The statement's last return, when it is a `return` or a block ending in one. */
function lastReturnOf(s: ts.Statement): ts.ReturnStatement | undefined {
  const last = ts.isBlock(s) ? s.statements[s.statements.length - 1] : s;
  return last && ts.isReturnStatement(last) ? last : undefined;
}

/** The returns of the function's guards: the `if` statements of its body before the catch (`if (!customer) return;`). */
export function guardReturns(fn: ts.FunctionLikeDeclaration, clause: ts.CatchClause): ts.ReturnStatement[] {
  const out: ts.ReturnStatement[] = [];
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return out;
  for (const s of body.statements) {
    if (s.getEnd() > clause.getStart()) break;
    const r = ts.isIfStatement(s) ? lastReturnOf(s.thenStatement) : undefined;
    if (r) out.push(r);
  }
  return out;
}

/**
 * `function getQuantityFromPriceId(priceId) { if (!priceId) return 1; try { return
 * plan?.minQuantity ?? 1; } catch (e) { log(e); return 1; } }`: the literal the catch returns is
 * the function's own default, which its guard (an `if` before the try, where the try returns a
 * value on success) or the `??`/`||` of its final return (the try's or the function's; not an
 * empty value) gives too, not a "could not" value hidden from the caller. A rethrow turns an input the
 * function defaults into a crash where every other path gives the default (session-26 fix review
 * R64: an unknown price id crashing the add-seat modal that calls it while rendering).
 */
export function returnsTheFunctionsDefault(fn: ts.FunctionLikeDeclaration, clause: ts.CatchClause, exit: ts.ReturnStatement, tryReturnsAValue: boolean): boolean {
  const want = exit.expression && literalKey(exit.expression);
  const body = fn.body;
  if (!want || !body || !ts.isBlock(body)) return false;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  const finals = [tryBlock.statements[tryBlock.statements.length - 1], body.statements[body.statements.length - 1]];
  // An empty value (`?? 0`, `?? null`, `|| []`) is also what "nothing found" or "nothing done"
  // looks like: alone it may hide the failure as nothing (a purge answering 0 purged), so only a
  // guard makes it the function's default.
  if (!EMPTY_KEYS.has(want) && finals.some((r) => defaultOf(r) === want)) return true;
  // A guard's value is a default only where the try gives a value of its own on success.
  return tryReturnsAValue && guardReturns(fn, clause).some((r) => !!r.expression && literalKey(r.expression) === want);
}
