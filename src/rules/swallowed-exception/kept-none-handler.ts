import { ts } from "../../engine/ts";

/**
 * Confidence of a `promiseCatchNoop` (docs/rules/swallowed-exception.md, "Confidence",
 * `defaultKept`; session 45, production samples): `const entries = await fs.readdir(dir).catch(() =>
 * null);`, `workspace = await lookup(id).catch(() => undefined);`: a rejection handler that answers
 * "none" (`null`, `undefined`, `void 0`, an empty array, or nothing: `() => {}`), whose chain's value
 * a local of the function keeps. It is `catchReturnsDefault` written as a promise chain (a catch that
 * answers a default, reported at `info` as often deliberate): the code goes on with "none", and
 * whether an outage read as a miss deserves its own answer is what reviewers split on. A fallback
 * with content (`() => ({ models: [] })`, `() => -1`, `() => req.body.baseUrl`), a chain returned or
 * handed on, and one that is a statement of its own stay as they are; so does a database lookup
 * (`await prisma.order.findFirst(…).catch(() => null)`, `User.findOne(…)`), whose outage read as a
 * miss is the documented finding (the KV-helper rule: tune's Stripe webhook skipping a refund).
 */
export function answersNoneIntoLocal(handler: ts.Node): boolean {
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  if (!answersNone(handler)) return false;
  const call = handler.parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "catch" || call.arguments[0] !== handler) return false;
  if (looksUpADatabase(call.expression.expression)) return false;
  let e: ts.Node = call;
  while (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent) || ts.isSatisfiesExpression(e.parent)) e = e.parent;
  const p = e.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === e) return ts.isIdentifier(p.name);
  return ts.isBinaryExpression(p) && p.right === e && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left) && ts.isExpressionStatement(p.parent);
}

function answersNone(h: ts.ArrowFunction | ts.FunctionExpression): boolean {
  if (!ts.isBlock(h.body)) return isNone(h.body);
  const body = h.body.statements;
  if (body.length === 0) return true;
  const only = body[0]!;
  return body.length === 1 && ts.isReturnStatement(only) && (!only.expression || isNone(only.expression));
}

function isNone(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e)) return e.text === "undefined";
  if (ts.isVoidExpression(e)) return ts.isNumericLiteral(e.expression);
  return ts.isArrayLiteralExpression(e) && e.elements.length === 0;
}

// Receivers of a database or key-value store: Prisma, Drizzle, Knex, Supabase, Redis, a pool, a transaction.
const DB_ROOT_RE = /^(?:prisma|db|database|knex|sql|supabase|drizzle|mongoose|redis|kv|pool|tx|trx|em|entityManager|repository|repo)$/i;
// An ORM model's read (`User.findOne(…)`, `Order.findByPk(id)`).
const MODEL_READ_RE = /^(?:find|findOne|findFirst|findUnique|findMany|findAll|findById|findByPk|aggregate|count)$/;

/** The chain before `.catch` starts at a database receiver (`prisma.order.findFirst(…)`, `this.db.select()…`) or reads an ORM model. */
function looksUpADatabase(e: ts.Expression): boolean {
  for (let n: ts.Node = e; ; ) {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isPropertyAccessExpression(callee) && MODEL_READ_RE.test(callee.name.text) && ts.isIdentifier(callee.expression) && /^[A-Z]/.test(callee.expression.text)) return true;
      n = callee;
    } else if (ts.isPropertyAccessExpression(n)) {
      if (n.expression.kind === ts.SyntaxKind.ThisKeyword) return DB_ROOT_RE.test(n.name.text);
      n = n.expression;
    } else if (ts.isElementAccessExpression(n) || ts.isNonNullExpression(n) || ts.isParenthesizedExpression(n)) n = n.expression;
    else return ts.isIdentifier(n) && DB_ROOT_RE.test(n.text);
  }
}
