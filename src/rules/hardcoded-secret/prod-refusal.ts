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

/**
 * `if (configured) return configured; if (isProduction) throw …; return "local-quote-secret";` in a
 * function that hands out a secret: the literal is returned only after a statement of the same or an
 * enclosing statement list of its function that stops a production run (written there or in a
 * function of the file it calls), or only in a branch a run outside production takes. The same shape as
 * `assignedAfterProductionRefusal`'s, for a returned default.
 */
export function returnedAfterProductionRefusal(literal: ts.Node, bodies: () => FunctionBodies): boolean {
  const ret = literal.parent;
  if (!ret || !ts.isReturnStatement(ret) || ret.expression !== literal) return false;
  if (onlyOutsideProduction(ret)) return true;
  for (let n: ts.Node = ret; n.parent && !ts.isFunctionLike(n.parent); n = n.parent) {
    if (!ts.isBlock(n.parent)) continue;
    for (const s of n.parent.statements) {
      if (s === n) break;
      if (ts.isIfStatement(s) && refusesInProduction(s)) return true;
      const name = calledName(s);
      if (name !== undefined && (bodies().get(name) ?? []).some(refusesInProduction)) return true;
    }
  }
  return false;
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

// Where a run's environment is read, by its last name: `process.env.NODE_ENV`, `APP_ENV`, `VERCEL_ENV`,
// `ENVIRONMENT`, `import.meta.env.MODE`, a local `env`, `config.nodeEnv`, Express's `app.get("env")`.
const ENV_NAME_RE = /^(?:[A-Z][A-Z0-9]*_)?ENV(?:IRONMENT)?$|^MODE$|^(?:node|app)?[eE]nv(?:ironment)?$/;
// A flag named for the environment: `isDev`, `isDevelopment`, `IS_DEV`, React Native's `__DEV__`.
const DEV_FLAG_RE = /^(?:is_?dev(?:elopment)?(?:_?mode)?|__DEV__)$/i;
const PROD_FLAG_RE = /^(?:is_?prod(?:uction)?(?:_?mode)?|#isProd(?:uction)?)$/i;

/** The last name `e` reads: `isDev`, `config.isDev`, `this.#isProd`, `isDevelopment()`, `process.env["NODE_ENV"]`. */
function lastName(e: ts.Expression): string | undefined {
  const u = strip(e);
  if (ts.isIdentifier(u) || ts.isPrivateIdentifier(u)) return u.text;
  if (ts.isPropertyAccessExpression(u)) return u.name.text;
  if (ts.isElementAccessExpression(u) && ts.isStringLiteralLike(u.argumentExpression)) return u.argumentExpression.text;
  // `isDevelopment()`, `app.get("env")`, `Deno.env.get("APP_ENV")`.
  if (ts.isCallExpression(u)) {
    const arg = u.arguments[0];
    if (u.arguments.length === 0) return lastName(u.expression);
    return u.arguments.length === 1 && arg && ts.isStringLiteralLike(arg) && lastName(u.expression) === "get" ? arg.text : undefined;
  }
  return undefined;
}

/** `NODE_ENV === "development"` (`values` the literals, `equal` the operator's sense): a read of the environment compared with a literal. */
function comparesEnvironment(c: ts.Expression, values: RegExp, equal: boolean): boolean {
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (equal ? !eq : !ne) return false;
  const [l, r] = [strip(c.left), strip(c.right)];
  const lit = ts.isStringLiteralLike(r) ? r : ts.isStringLiteralLike(l) ? l : undefined;
  const read = lit === r ? l : r;
  const name = lit && lastName(read);
  return lit !== undefined && values.test(lit.text) && name !== undefined && ENV_NAME_RE.test(name);
}

/** A test that holds in production only, written as one: `isProduction`, `import.meta.env.PROD`, `NODE_ENV === "production"`. */
function testsProductionStrictly(cond: ts.Expression): boolean {
  const c = strip(cond);
  const name = ts.isBinaryExpression(c) ? undefined : lastName(c);
  if (name !== undefined && (PROD_FLAG_RE.test(name) || (name === "PROD" && /^import\.meta\.env\.PROD$/.test(c.getText())))) return true;
  return comparesEnvironment(c, /^prod(?:uction)?$/, true);
}

/**
 * Whether `cond` holds only outside production: a real environment test, `NODE_ENV === "development"`
 * (`ENV`, `APP_ENV`, `"dev"`), `NODE_ENV !== "production"`, `!isProduction`, `isDev`, `__DEV__`,
 * `import.meta.env.DEV`, or one of its `&&` terms. Not any text that holds "dev" (`role === "dev"`,
 * `host.includes("dev")`, `opts.isDev === false`).
 */
function holdsOutsideProduction(cond: ts.Expression): boolean {
  const c = strip(cond);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return holdsOutsideProduction(c.left) || holdsOutsideProduction(c.right);
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return testsProductionStrictly(c.operand);
  if (ts.isBinaryExpression(c)) return comparesEnvironment(c, /^dev(?:elopment)?$/, true) || comparesEnvironment(c, /^prod(?:uction)?$/, false);
  const name = lastName(c);
  return name !== undefined && (DEV_FLAG_RE.test(name) || (name === "DEV" && /^import\.meta\.env\.DEV$/.test(c.getText())));
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
    if (ts.isIfStatement(p) && ((p.thenStatement === n && holdsOutsideProduction(p.expression)) || (p.elseStatement === n && testsProductionStrictly(p.expression)))) return true;
  }
  return false;
}
