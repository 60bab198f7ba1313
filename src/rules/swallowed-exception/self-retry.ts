import { ts } from "../../engine/ts";
import { enclosingFunction, functionName } from "./scope";

// A wait before the next attempt: `sleep(ms)`, `delay(ms)`, `wait(ms)`, `setTimeout` promisified.
const WAIT_CALL_RE = /^(?:sleep|delay|wait|pause|backoff|timeout|setTimeout)$/i;

function unwrapExpr(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** `counter + 1` somewhere in the arguments: the name of the counter the next attempt is given. */
function advancedCounter(call: ts.CallExpression): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isNumericLiteral(n.right) && n.right.text === "1" && (ts.isIdentifier(n.left) || ts.isPropertyAccessExpression(n.left))) {
      found = n.left.getText();
      return;
    }
    ts.forEachChild(n, visit);
  };
  for (const a of call.arguments) visit(a);
  return found;
}

/**
 * `return notify(email, retryCount + 1)` inside `notify`, `return this.send(msg, attempt + 1)` inside
 * the method `send`: the function calling itself again with its attempt counter advanced (a retry by
 * recursion). The counter it advances, or undefined.
 */
export function selfRetryCounter(call: ts.CallExpression): string | undefined {
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  const name = functionName(fn);
  if (!name) return undefined;
  const callee = call.expression;
  const same = (ts.isIdentifier(callee) && callee.text === name)
    || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text === name);
  return same ? advancedCounter(call) : undefined;
}

/** `retryCount < MAX_RETRIES`, `attempt <= 3`, `MAX > tries`: the counter compared with its cap. */
function capsCounter(cond: ts.Expression, counter: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n)) {
      const k = n.operatorToken.kind;
      if ((k === ts.SyntaxKind.LessThanToken || k === ts.SyntaxKind.LessThanEqualsToken) && n.left.getText() === counter) found = true;
      if ((k === ts.SyntaxKind.GreaterThanToken || k === ts.SyntaxKind.GreaterThanEqualsToken) && n.right.getText() === counter) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return found;
}

/** `await sleep(ms)`, `await new Promise((r) => setTimeout(r, ms))`: a wait before the next attempt. */
function waits(st: ts.Statement): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isAwaitExpression(st.expression)) return false;
  const e = unwrapExpr(st.expression);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === "Promise";
  if (!ts.isCallExpression(e)) return false;
  const callee = e.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && WAIT_CALL_RE.test(name);
}

/**
 * `if (retryCount < MAX_RETRIES) { log(…); await sleep(ms); return notify(email, retryCount + 1); }`
 * with no else: a capped retry by recursion. Each attempt but the last hands the work to the next;
 * after the last one the catch goes on without it, so the if is no handling of the error (held
 * rounds 23/24: "a capped retry by recursion whose last catch only logs" is reported). Logs, waits
 * and `const`s may come before the return; `isLog` tells a log line.
 */
export function retriesUnderCap(s: ts.IfStatement, isLog: (st: ts.Statement) => boolean): boolean {
  if (s.elseStatement) return false;
  const body = ts.isBlock(s.thenStatement) ? s.thenStatement.statements : [s.thenStatement];
  const last = body[body.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return false;
  const call = unwrapExpr(last.expression);
  if (!ts.isCallExpression(call)) return false;
  const counter = selfRetryCounter(call);
  if (!counter || !capsCounter(s.expression, counter)) return false;
  return body.slice(0, -1).every((st) => isLog(st) || waits(st) || (ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0));
}
