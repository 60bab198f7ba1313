/**
 * A development default that a production run never reaches (issue 11: medusa
 * packages/core/framework/src/config/config.ts:92):
 *
 *   if (!http.jwtSecret) {
 *     this.rejectErrors("http.jwtSecret not found");   // throws when isProduction, else warns
 *     http.jwtSecret = "supersecret";
 *   }
 *
 * The literal is assigned to a setting only inside `if (!setting)` (or `setting == null`), after a
 * statement of the same block that stops a production run: an `if` whose test reads production
 * (`isProduction`, `NODE_ENV === "production"`, not negated) and throws or exits, written there or
 * inside a function or method of the same file that the statement calls. The code already does what
 * the rule's production-only fix would write. The file's functions are indexed once, lazily.
 */
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";

const EXIT_RE = /^(?:process|Deno)\.exit$/;
const PRODUCTION_RE = /\bis_?prod(?:uction)?\b|#isProd(?:uction)?\b|["'`]prod(?:uction)?["'`]/i;

/** Function and method bodies of the file by name (`rejectErrors`, `#rejectErrors`, `const fail = () => …`). */
export type FunctionBodies = ReadonlyMap<string, readonly ts.Node[]>;

export function functionBodies(sf: ts.SourceFile): FunctionBodies {
  const out = new Map<string, ts.Node[]>();
  const add = (name: ts.Node | undefined, body: ts.Node | undefined) => {
    if (!name || !body || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return;
    const list = out.get(name.text) ?? [];
    list.push(body);
    out.set(name.text, list);
  };
  walk(sf, (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) add(n.name, n.body);
    else if (ts.isVariableDeclaration(n) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) add(n.name, n.initializer.body);
  });
  return out;
}

function strip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** `a?.b.c` and `a.b!.c` read the same setting. */
function settingText(e: ts.Expression): string {
  return strip(e).getText().replace(/\?\./g, ".").replace(/!/g, "").replace(/\s+/g, "");
}

/** `!x`, `x == null`, `x === undefined`: the test of an unset setting. */
function testsUnset(cond: ts.Expression, setting: string): boolean {
  const c = strip(cond);
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return settingText(c.operand) === setting;
  if (ts.isBinaryExpression(c) && (c.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken || c.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken)) {
    const other = c.right.getText();
    return settingText(c.left) === setting && (other === "null" || other === "undefined");
  }
  return false;
}

/** True when `n` sits in a function or class nested inside `root`. */
function nested(n: ts.Node, root: ts.Node): boolean {
  if (n === root) return false;
  for (let p = n.parent; p && p !== root; p = p.parent) if (ts.isFunctionLike(p) || ts.isClassLike(p)) return true;
  return false;
}

const refusing = new WeakMap<ts.Node, boolean>();

/** True when `root` holds, outside nested functions, `if (<production>) throw …` (or an exit). Memoised per node. */
function refusesInProduction(root: ts.Node): boolean {
  const known = refusing.get(root);
  if (known !== undefined) return known;
  // Collected first, then judged: the engine's walk is not re-entrant.
  const ifs: ts.IfStatement[] = [];
  walk(root, (n) => {
    if (ts.isIfStatement(n) && !nested(n, root)) ifs.push(n);
  });
  const found = ifs.some((n) => {
    const cond = strip(n.expression);
    // Not negated: `!isProduction` and `NODE_ENV !== "production"` refuse everywhere but production.
    const text = cond.getText();
    if (ts.isPrefixUnaryExpression(cond) || text.indexOf("!=") !== -1 || !PRODUCTION_RE.test(text)) return false;
    return stopsRun(n);
  });
  refusing.set(root, found);
  return found;
}

/** The called function's name: `this.rejectErrors(…)`, `this.#fail(…)`, `fail(…)`, awaited or not. */
function calledName(s: ts.Statement): string | undefined {
  if (!ts.isExpressionStatement(s)) return undefined;
  let e = strip(s.expression);
  if (ts.isAwaitExpression(e)) e = strip(e.expression);
  if (!ts.isCallExpression(e)) return undefined;
  const callee = e.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) return callee.name.text;
  return undefined;
}

/** True when `literal` is a default assigned to an unset setting after a statement that stops a production run. */
export function assignedAfterProductionRefusal(literal: ts.Node, bodies: () => FunctionBodies): boolean {
  const assign = literal.parent;
  if (!assign || !ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assign.right !== literal) return false;
  const stmt = assign.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isExpressionStatement(stmt) || !block || !ts.isBlock(block) || !ts.isIfStatement(block.parent) || block.parent.thenStatement !== block) return false;
  if (!testsUnset(block.parent.expression, settingText(assign.left))) return false;
  for (const s of block.statements) {
    if (s === stmt) return false;
    if (ts.isIfStatement(s) && refusesInProduction(s)) return true;
    const name = calledName(s);
    if (name !== undefined && (bodies().get(name) ?? []).some(refusesInProduction)) return true;
  }
  return false;
}

/** `!process.env.X`, or `X` itself, inside `a && b` chains: whether `cond` requires `setting` unset. */
function conjunctsUnset(cond: ts.Expression, setting: string): boolean {
  const c = strip(cond);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return conjunctsUnset(c.left, setting) || conjunctsUnset(c.right, setting);
  return testsUnset(c, setting);
}

/** `NODE_ENV === "production"`, `isProduction`: a test that holds in production only (not negated, no `||`). */
function isProductionTest(cond: ts.Expression): boolean {
  const c = strip(cond);
  const text = c.getText();
  return !ts.isPrefixUnaryExpression(c) && !/!=|\|\||&&/.test(text) && PRODUCTION_RE.test(text);
}

/** A production test among the `&&` terms of `cond`. */
function conjunctsProduction(cond: ts.Expression): boolean {
  const c = strip(cond);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return conjunctsProduction(c.left) || conjunctsProduction(c.right);
  return isProductionTest(c);
}

/** The `if`'s own branch stops the run: a `throw` or an exit, not inside a nested function. */
function stopsRun(n: ts.IfStatement): boolean {
  const inside: ts.Node[] = [];
  walk(n.thenStatement, (m) => {
    if (ts.isThrowStatement(m) || (ts.isCallExpression(m) && EXIT_RE.test(m.expression.getText()))) inside.push(m);
  });
  return inside.some((m) => !nested(m, n.thenStatement));
}

/**
 * `if (!process.env.SESSION_SECRET && process.env.NODE_ENV === "production") throw …;` in a
 * statement list before the one holding `process.env.SESSION_SECRET || "dev-…"` (held round 28,
 * chatai): a production run without the variable stopped before the fallback is read, so the
 * literal only runs outside production, as the rule's production-only fix would write it.
 */
export function requiredInProductionBefore(literal: ts.Node): boolean {
  const or = literal.parent;
  if (!or || !ts.isBinaryExpression(or) || or.right !== literal) return false;
  const setting = settingText(or.left);
  if (!setting.startsWith("process.env.")) return false;
  for (let n: ts.Node = or; n.parent; n = n.parent) {
    const list = ts.isSourceFile(n.parent) || ts.isBlock(n.parent) ? n.parent.statements : undefined;
    if (!list) continue;
    for (const s of list) {
      if (s === n) break;
      if (ts.isIfStatement(s) && conjunctsUnset(s.expression, setting) && conjunctsProduction(s.expression) && stopsRun(s)) return true;
    }
  }
  return false;
}

// A test that a run is not production: `NODE_ENV === "development"`, `isDev`, `import.meta.env.DEV`.
const DEVELOPMENT_RE = /\bis_?dev(?:elopment)?\b|["'`]dev(?:elopment)?["'`]|\bimport\.meta\.env\.DEV\b/i;

/** Whether `cond` holds only outside production (`!isProduction`, `NODE_ENV !== "production"`, `isDev`, one of its `&&` terms). */
function holdsOutsideProduction(cond: ts.Expression): boolean {
  const c = strip(cond);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return holdsOutsideProduction(c.left) || holdsOutsideProduction(c.right);
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return isProductionTest(c.operand);
  const text = c.getText();
  if (/\|\||&&/.test(text)) return false;
  if (ts.isBinaryExpression(c) && (c.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || c.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) return PRODUCTION_RE.test(text) && /NODE_ENV|\benv\b|MODE/.test(text);
  return DEVELOPMENT_RE.test(text) && text.indexOf("!=") === -1;
}

/**
 * `if (process.env.NODE_ENV === "production") { … } else { … "postgresql://postgres:postgres@…" }`,
 * `if (!isProduction) { … }`: the literal sits in a branch that only a run outside production
 * takes (held rounds 26 and 28), within its function.
 */
export function onlyOutsideProduction(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return false;
    if (ts.isIfStatement(p) && ((p.thenStatement === n && holdsOutsideProduction(p.expression)) || (p.elseStatement === n && isProductionTest(p.expression)))) return true;
  }
  return false;
}
