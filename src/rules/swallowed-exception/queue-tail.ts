import { ts } from "../../engine/ts";
import { accessesNamed, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { constInitializer } from "./analysis";

/**
 * `const previous = socketData.webMessageQueue ?? Promise.resolve(); const next = previous.catch(() =>
 * undefined).then(() => dispatch(event)).catch((err) => { logger.error("…", err); }); socketData.webMessageQueue
 * = next;`: a per-socket queue whose tail field only ever holds a chain that ends in its own rejection handler
 * (session 43, production Hexabot's web channel). The tail cannot reject, so the no-op handler put on it
 * before the next link drops nothing: the docs' "a `.catch(() => {})` on a promise that already ends in its
 * own catch". The field must be assigned in the file, every time from a `const` whose chain's last link is a
 * `.catch` whose handler throws nothing; any other assignment keeps the handler reported.
 */
export function tailOfHandledQueue(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "catch" || !ts.isIdentifier(callee.expression)) return false;
  let init = constInitializer(callee.expression);
  while (init && ts.isParenthesizedExpression(init)) init = init.expression;
  if (!init || !ts.isBinaryExpression(init) || init.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken) return false;
  if (!resolvedPromise(init.right) || !ts.isPropertyAccessExpression(init.left)) return false;
  return onlyHandledTails(call.getSourceFile(), init.left.name.text);
}

/** `Promise.resolve()`: a promise that cannot reject. */
function resolvedPromise(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "resolve"
    && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "Promise";
}

/**
 * Whether the file assigns field `name` (`x.name = v`) at least once, and every time from a `const` whose chain ends
 * in its own handler. Read from the per-file property-access index (`accessesNamed`).
 */
function onlyHandledTails(sf: ts.SourceFile, name: string): boolean {
  let assigned = false;
  for (const a of accessesNamed(sf, name)) {
    const p = a.parent;
    if (!ts.isBinaryExpression(p) || p.left !== a || p.operatorToken.kind < ts.SyntaxKind.FirstAssignment || p.operatorToken.kind > ts.SyntaxKind.LastAssignment) continue;
    if (p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(p.right) || !endsInOwnHandler(constInitializer(p.right))) return false;
    assigned = true;
  }
  return assigned;
}

/** `a.then(f).catch((err) => { log(err); })`: a chain whose last link is a `.catch` with a handler that throws nothing. */
function endsInOwnHandler(e: ts.Expression | undefined): boolean {
  if (!e || !ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "catch") return false;
  const h = e.arguments[0];
  if (!h || !(ts.isArrowFunction(h) || ts.isFunctionExpression(h))) return false;
  let throws = false;
  const visit = (n: ts.Node): void => {
    if (throws || (n !== h && isFunctionLike(n))) return;
    if (ts.isThrowStatement(n)) throws = true;
    else ts.forEachChild(n, visit);
  };
  visit(h);
  return !throws;
}
