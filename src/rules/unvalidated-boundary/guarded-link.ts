import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { isFunctionLike, leaves, orOperands, unwrap } from "./ast";

/**
 * A plain link read where a test of the same path already passed, so that it cannot crash: the
 * `.id` of `data.data.id` in `data?.data?.id ? String(data.data.id) : null`, in `if (res?.result) {
 * send(res.result.id) }`, right of `body.data?.id && body.data.id`, or below `if (!data?.data) return
 * null`. The test makes the path before the link (`data.data`) a truthy value, and a field read of a
 * truthy value gives that field or `undefined`, whatever its shape: the link reads as an optional one
 * (`data?.data?.id`), as TypeScript narrows it. Only tests of the path itself or of a longer path
 * through it (`data?.data?.id` decides `data.data` too), in a condition the read sits under in its own
 * function; an optional link (`?.`) is guarded by itself.
 */
export function linkGuarded(link: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  if (link.questionDotToken) return true;
  const path = accessPath(link.expression);
  if (!path) return false;
  let cur: ts.Node = link;
  for (let n = link.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isConditionalExpression(n) && n.whenTrue === cur && holdsIn(n.condition, path)) return true;
    if (ts.isIfStatement(n) && n.thenStatement === cur && holdsIn(n.expression, path)) return true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && n.right === cur && holdsIn(n.left, path)) return true;
  }
  // `if (!data?.data) return null;` (also one operand of an `||`), then `data.data.id` below it, in its block or an enclosing one.
  cur = link;
  for (let n = link.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    const passedAt = exitTests(n).get(path);
    if (passedAt !== undefined && passedAt <= cur.pos) return true;
  }
  return false;
}

const exitTestsOf = new TreeMemo<ts.Node, Map<string, number>>();

/**
 * For a block, each path (and each path it reads through) that an `if` with no `else` whose branch leaves tests
 * negated (`if (!data?.result?.id) return null`, also one operand of an `||`), with the end of the first such `if`:
 * below it, the path is truthy. Gathered once per block.
 */
function exitTests(block: ts.Block | ts.SourceFile): Map<string, number> {
  let out = exitTestsOf.get(block);
  if (out) return out;
  out = new Map();
  for (const st of block.statements) {
    if (!ts.isIfStatement(st) || st.elseStatement || !leaves(st.thenStatement)) continue;
    for (const o of orOperands(st.expression)) {
      if (!ts.isPrefixUnaryExpression(o) || o.operator !== ts.SyntaxKind.ExclamationToken) continue;
      for (const path of testedPaths(o.operand)) if (!out.has(path)) out.set(path, st.end);
    }
  }
  exitTestsOf.set(block, out);
  return out;
}

/** The paths a truthy test (see truthyTest) makes truthy: the tested one and each it reads through (`data.result.id`, `data.result`, `data`). */
function testedPaths(e: ts.Expression): string[] {
  let x = testedOperand(e);
  const out: string[] = [];
  for (let i = 0; x && i < 16; i++) {
    const path = accessPath(x);
    if (!path) break;
    out.push(path);
    x = ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) ? unwrap(x.expression) : undefined;
  }
  return out;
}

/** A condition, every operand of whose `&&` chain holds when it does, one of them testing `path` (see truthyTest). */
function holdsIn(cond: ts.Expression, path: string): boolean {
  const x = unwrap(cond);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return holdsIn(x.left, path) || holdsIn(x.right, path);
  return truthyTest(x, path);
}

/**
 * `data?.data?.id`, `!!data.data`, `data?.data?.status === "APPROVED"` (a literal no missing field equals):
 * the value of `path` is truthy where the test holds.
 */
function truthyTest(e: ts.Expression, path: string): boolean {
  const x = testedOperand(e);
  const tested = x && accessPath(x);
  return !!tested && (tested === path || tested.startsWith(path + ".") || tested.startsWith(path + "["));
}

/**
 * The value a truthy test tests: `data?.id` of `data?.id`, `!!data?.id`, `data?.status === "paid"` and
 * `Array.isArray(data.output)` (choice-story `text-generation.ts:51`, retired held round 41, decided clean:
 * a reply checked link by link before its text is returned); undefined for any other comparison.
 */
function testedOperand(e: ts.Expression): ts.Expression | undefined {
  let x = unwrap(e);
  while (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(unwrap(x.operand)) && (unwrap(x.operand) as ts.PrefixUnaryExpression).operator === ts.SyntaxKind.ExclamationToken) x = unwrap((unwrap(x.operand) as ts.PrefixUnaryExpression).operand);
  // `Array.isArray(data.output)`: an array is truthy.
  if (ts.isCallExpression(x) && x.arguments.length === 1 && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "isArray" && ts.isIdentifier(x.expression.expression) && x.expression.expression.text === "Array") return unwrap(x.arguments[0]!);
  if (!ts.isBinaryExpression(x)) return x;
  if (x.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && x.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  // A literal no missing field equals (a non-empty string, a non-zero number, `true`).
  const lit = (o: ts.Expression): boolean => {
    const u = unwrap(o);
    return (ts.isStringLiteralLike(u) && u.text !== "") || (ts.isNumericLiteral(u) && Number(u.text) !== 0) || u.kind === ts.SyntaxKind.TrueKeyword;
  };
  if (lit(x.right)) return unwrap(x.left);
  return lit(x.left) ? unwrap(x.right) : undefined;
}

/** `data?.data` → `data.data`, `rows[0].id` → `rows[0].id`: a chain of names, fields and literal elements, links written plain; otherwise undefined. */
function accessPath(e: ts.Expression): string | undefined {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) return x.text;
  if (x.kind === ts.SyntaxKind.ThisKeyword) return "this";
  if (ts.isPropertyAccessExpression(x)) {
    const base = accessPath(x.expression);
    return base && `${base}.${x.name.text}`;
  }
  if (ts.isElementAccessExpression(x) && (ts.isNumericLiteral(x.argumentExpression) || ts.isStringLiteralLike(x.argumentExpression))) {
    const base = accessPath(x.expression);
    return base && `${base}[${JSON.stringify(x.argumentExpression.text)}]`;
  }
  return undefined;
}
