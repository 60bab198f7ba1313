import { ts } from "../../engine/ts";
import { claimsSuccess, references } from "./analysis";
import { enclosingFunction } from "./scope";

// A call that keeps what it is given: a supabase-js or ORM write, a store's `set`/`put`/`save`.
const STORE_METHOD_RE = /^(?:insert|insertMany|upsert|update|updateOne|create|createMany|save|set|put|add|write)$/;
// A call that hands each element of a list to its callback.
const EACH_METHOD_RE = /^(?:map|forEach|flatMap)$/;

/** A literal the code made up: an object of two or more fields holding some text, or a list of such objects. */
function madeUp(e: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(e)) return e.elements.length > 0 && e.elements.every((el) => ts.isObjectLiteralExpression(el) && madeUp(el));
  if (!ts.isObjectLiteralExpression(e) || e.properties.length < 2) return false;
  let text = false;
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) && n.text.trim() !== "") text = true;
    else n.forEachChild(visit);
  };
  visit(e);
  return text;
}

/**
 * `let analysis; try { analysis = JSON.parse(text); } catch (e) { log(e); // Fallback: a basic analysis
 * analysis = { overview: "Could not analyze product", audience: { segments: ["General audience"] } }; }`,
 * then `await supabase.from("analyses").insert({ overview: analysis.overview })` later in the function:
 * the catch replaces a failed parse with data it made up, and the function stores it as if the model
 * had answered it (held round 22: made-up data answered as success, also under a comment; held round
 * 33's lead: placeholders stored, debatable). A comment in the catch does not explain that away. The
 * store is a call named for keeping a value (`insert`, `upsert`, `update`, `create`, `save`, `set`)
 * that is handed the local, a value worked out from it, or an element of it in a `.map`/`.forEach`
 * callback. So is an answer that claims the work succeeded (`success: true`, `ok: true`) and carries
 * it, where the try is a write: `savedPost = { id: \`test-${Date.now()}\`, status: "draft" }` for a failed insert, then `return
 * NextResponse.json({ success: true, post: { id: savedPost.id } })` (held round 41, decided; held round
 * 22's made-up data answered as success). A literal that carries the caught error is not made up.
 */
export function storesMadeUpValue(clause: ts.CatchClause): boolean {
  const errName = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  const names = new Set<string>();
  for (const s of clause.block.statements) {
    if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(s.expression.left)) continue;
    const value = s.expression.right;
    if (madeUp(value) && !(errName && references(value, errName))) names.add(s.expression.left.text);
  }
  if (names.size === 0) return false;
  const tryStmt = clause.parent;
  const fn = enclosingFunction(tryStmt);
  if (!fn?.body) return false;
  const after = tryStmt.getEnd();
  // The stand-in replaces the result of a failed write (`savedPost = await prisma.blogPost.create(…)`), not a parse or a model's answer.
  const writes = ts.isTryStatement(tryStmt) && writesInTry(tryStmt.tryBlock);
  const named = (n: ts.Node): boolean => [...names].some((name) => references(n, name));
  let stored = false;
  const visit = (n: ts.Node): void => {
    if (stored) return;
    if (n.getEnd() > after && n.getStart() >= after) {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && named(n.initializer)) names.add(n.name.text);
      // `return NextResponse.json({ success: true, post: { id: savedPost.id } })`: answered as the work's success (held round 41).
      if (writes && (ts.isReturnStatement(n) || ts.isExpressionStatement(n)) && n.expression && claimsSuccess(n.expression) && named(n.expression)) stored = true;
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const method = n.expression.name.text;
        if (STORE_METHOD_RE.test(method) && n.arguments.some(named)) stored = true;
        const cb = n.arguments[0];
        if (EACH_METHOD_RE.test(method) && ts.isIdentifier(n.expression.expression) && names.has(n.expression.expression.text) && cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) {
          const p = cb.parameters[0]?.name;
          if (p && ts.isIdentifier(p)) names.add(p.text);
        }
      }
    }
    n.forEachChild(visit);
  };
  visit(fn.body);
  return stored;
}

/** The try holds a call named for keeping a value (`prisma.blogPost.create(…)`, `Order.create(…)`, `db.insert(…)`). */
function writesInTry(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isFunctionLike(n)) return false;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && STORE_METHOD_RE.test(n.expression.name.text)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}
