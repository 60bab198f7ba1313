import { ts } from "../../engine/ts";
import { unwrap } from "./ast";

/**
 * Loops whose condition is one variable, and what the body does to it (held round 25):
 * `while (retries) { … retries--; }` counts down to 0 and stops, a cap like `retries > 0`
 * (discordllmbot's `connect`); `while (attempt) { … catch { attempt = nextAttempt(…); } }` walks a
 * list of alternatives, each turn another request, like a `for…of` fallback (gorkie-slack's model
 * fallback in `renderTurn`).
 */

/** The variable a `while (x)` or `do … while (x)` tests, if its condition is only that name. */
function conditionVariable(loop: ts.IterationStatement): string | undefined {
  if (!ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return undefined;
  const e = unwrap(loop.expression);
  return ts.isIdentifier(e) ? e.text : undefined;
}

/** Visits `root` and its descendants that run in the same function (not nested functions). */
function forEachInFunction(root: ts.Node, visit: (n: ts.Node) => void): void {
  const go = (n: ts.Node): void => {
    visit(n);
    if (!ts.isFunctionLike(n)) n.forEachChild(go);
  };
  go(root);
}

function mentions(root: ts.Node, name: string): boolean {
  let found = false;
  forEachInFunction(root, (n) => {
    if (!found && ts.isIdentifier(n) && n.text === name) found = true;
  });
  return found;
}

/** `while (retries) { … retries--; }`: the body counts the tested variable down (`--`, `-= 1`, `= retries - 1`). */
export function countsDown(loop: ts.IterationStatement): boolean {
  const name = conditionVariable(loop);
  if (!name) return false;
  let found = false;
  const isName = (e: ts.Expression) => ts.isIdentifier(unwrap(e)) && (unwrap(e) as ts.Identifier).text === name;
  forEachInFunction(loop.statement, (n) => {
    if (found) return;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && n.operator === ts.SyntaxKind.MinusMinusToken && isName(n.operand)) found = true;
    else if (ts.isBinaryExpression(n) && isName(n.left)) {
      const op = n.operatorToken.kind;
      const r = unwrap(n.right);
      if (op === ts.SyntaxKind.MinusEqualsToken && ts.isNumericLiteral(r) && Number(r.text) > 0) found = true;
      else if (op === ts.SyntaxKind.EqualsToken && ts.isBinaryExpression(r) && r.operatorToken.kind === ts.SyntaxKind.MinusToken && isName(r.left) && ts.isNumericLiteral(unwrap(r.right)) && Number((unwrap(r.right) as ts.NumericLiteral).text) > 0) found = true;
    }
  });
  return found;
}

/**
 * `while (attempt) { const current = attempt; try { … current … } catch { attempt = next(…); } }`:
 * the failure path moves the tested variable to a value not computed from it (the next alternative,
 * or nothing, which ends the loop), and the try asks with that variable or a `const` copied from it.
 * A literal (`attempt = true`) or a value built from the variable itself (`n = n + 1`) is no move,
 * and the first value must come from a list (`let attempt = attempts[0]`, `queue.shift()`): a
 * `while (token)` whose catch fetches a new token asks the same service again, as often as it fails.
 */
export function walksAlternatives(loop: ts.IterationStatement, t: ts.TryStatement): boolean {
  const name = conditionVariable(loop);
  if (!name || !t.catchClause || !takenFromList(loop, name)) return false;
  let moved = false;
  forEachInFunction(t.catchClause.block, (n) => {
    if (moved || !ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const left = unwrap(n.left);
    if (!ts.isIdentifier(left) || left.text !== name) return;
    const r = unwrap(n.right);
    if (r.kind === ts.SyntaxKind.TrueKeyword || r.kind === ts.SyntaxKind.FalseKeyword || ts.isLiteralExpression(r) || mentions(r, name)) return;
    moved = true;
  });
  if (!moved) return false;
  // Names the try reads the alternative through: the variable, and `const current = attempt` copies.
  const names = new Set([name]);
  forEachInFunction(loop.statement, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isIdentifier(unwrap(n.initializer)) && (unwrap(n.initializer) as ts.Identifier).text === name) names.add(n.name.text);
  });
  return [...names].some((x) => mentions(t.tryBlock, x));
}

// `attempts[0]`, `endpoints.shift()`, `providers.find(…)`, `models.at(0)`: an element of a list.
const LIST_READ_RE = /^(?:shift|pop|find|at)$/;

/** The variable's declaration before the loop, in the same function, takes an element of a list. */
function takenFromList(loop: ts.IterationStatement, name: string): boolean {
  const block = loop.parent;
  if (!block || !ts.isBlock(block)) return false;
  for (const st of block.statements) {
    if (st === loop) break;
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
      const init = unwrap(d.initializer);
      if (ts.isElementAccessExpression(init)) return true;
      return ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && LIST_READ_RE.test(init.expression.name.text);
    }
  }
  return false;
}
