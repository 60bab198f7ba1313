import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
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
  return handledTails(call.getSourceFile()).get(init.left.name.text) === true;
}

/** `Promise.resolve()`: a promise that cannot reject. */
function resolvedPromise(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "resolve"
    && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "Promise";
}

// A value that is no boolean: a TreeMemo, dropped with the file's trees (tree-memo.ts).
const TAILS = new TreeMemo<ts.SourceFile, ReadonlyMap<string, boolean>>();

/** Per field name assigned in the file (`x.tail = v`): whether every such assignment stores a handled chain. Memoized per file. */
function handledTails(sf: ts.SourceFile): ReadonlyMap<string, boolean> {
  let out = TAILS.get(sf);
  if (out) return out;
  const map = new Map<string, boolean>();
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isPropertyAccessExpression(n.left)) {
      const name = n.left.name.text;
      const ok = n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.right) && endsInOwnHandler(constInitializer(n.right));
      map.set(name, (map.get(name) ?? true) && ok);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  TAILS.set(sf, (out = map));
  return out;
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
