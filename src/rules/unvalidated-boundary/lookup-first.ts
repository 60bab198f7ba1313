import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { enclosingFunction, isFunctionLike, unwrap } from "./ast";

/**
 * The round-27 and round-29 lead decision (clean, debatable): a route id whose first use is the lookup
 * of one row that must exist, the request ended on a miss, before the handler writes —
 * `const category = await prisma.category.findUnique({ where: { id: parseInt(id) } }); if (!category)
 * return 404`, then `prisma.category.update(…)`; `env.DB.prepare("… WHERE slug = ?").bind(slug).first()`
 * before an insert. Only a value the store holds gets past the lookup, an allowlist for the writes that
 * follow. A read-only handler (the lookup answered) stays reported: the lookup is all it does.
 */
export function lookedUpFirst(at: ts.Node): boolean {
  const decl = resultDeclaration(at);
  if (!decl || !ts.isIdentifier(decl.name)) return false;
  const stmt = decl.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return false;
  const i = block.statements.indexOf(stmt);
  const miss = block.statements.slice(i + 1, i + 4).find((s) => ts.isIfStatement(s) && missTest(s.expression, decl.name.getText()) && exits(s.thenStatement));
  if (!miss) return false;
  const fn = enclosingFunction(stmt);
  return !!fn?.body && writesAfter(fn.body, miss.end);
}

const LOOKUPS = /^(?:find\w*|first|get|single|maybeSingle|findById)$/;

/** `const row = await <lookup>(…)` holding the call at `at` (through a chain: `.prepare(sql).bind(slug).first()`). */
function resultDeclaration(at: ts.Node): ts.VariableDeclaration | undefined {
  let cur: ts.Node = at;
  let bound = ts.isCallExpression(at) && calleeName(at) === "bind";
  for (let i = 0; i < 8; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    if (ts.isPropertyAccessExpression(p) && p.expression === cur && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      cur = p.parent;
      bound ||= p.name.text === "bind";
    }
    else if (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) cur = p;
    else break;
  }
  let call: ts.Expression = cur as ts.Expression;
  while (!ts.isCallExpression(call) && (ts.isAwaitExpression(call) || ts.isParenthesizedExpression(call) || ts.isAsExpression(call))) call = call.expression;
  const d = cur.parent;
  if (!bound || !ts.isCallExpression(call) || !LOOKUPS.test(calleeName(call) ?? "") || !d || !ts.isVariableDeclaration(d) || d.initializer !== cur) return undefined;
  return d;
}

/** `!row`, `!row || …`. */
function missTest(e: ts.Expression, name: string): boolean {
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return missTest(x.left, name);
  return ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken && unwrap(x.operand).getText() === name;
}

function exits(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

const WRITES = /^(?:update\w*|delete\w*|create\w*|insert\w*|upsert\w*|run|destroy|remove|save|batch)$/;

/** A call named for a write after `pos` in the handler (`prisma.category.update(…)`, D1's `.run()`), not in a nested function. */
function writesAfter(body: ts.Node, pos: number): boolean {
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit || (isFunctionLike(n) && n !== body.parent)) return;
    if (n.pos >= pos && ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && WRITES.test(n.expression.name.text)) hit = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return hit;
}
