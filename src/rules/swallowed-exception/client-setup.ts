/**
 * An optional client's setup: `if (GEMINI_API_KEY) { try { genAI = new GoogleGenerativeAI(KEY); }
 * catch (e) { warn(e); } } else { warn("not configured"); }`. A failed construction leaves the client
 * unset, the state the unconfigured branch leaves it in, and the code that uses it already answers
 * for that state (held round 27, debatable).
 */
import { ts } from "../../engine/ts";
import { calleeName, containsAwait } from "../../engine/ast";
import { isLogStatement } from "./analysis";
import { readsSetting } from "./setting";

/** `genAI`, `this.client`: the target of an assignment statement. */
function targetOf(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return e.getText();
  return undefined;
}

function isNone(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

function assignment(s: ts.Statement): { target: string; value: ts.Expression } | undefined {
  if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = targetOf(s.expression.left);
  return target ? { target, value: s.expression.right } : undefined;
}

// A factory that builds a client: `createClient(url, key)`, `createSupabaseBrowserInstance()`.
// Also a database package's own client factory: postgres.js's `postgres(url)`, Drizzle's `drizzle(url)` (session 37).
const CONSTRUCTOR_FN_RE = /^(?:create|make|build)[A-Z]\w*(?:Client|Instance|Pool|Connection)$|^createClient$|^(?:postgres|drizzle)$/;

// A value that names where the settings come from: `this.configService.redisDb`, `require("x")`.
const CONFIG_SOURCE_RE = /\b(?:config|configService|settings|env)\b|\brequire\s*\(/i;

/** The condition asks whether something is configured: a setting, or a `const` of the file read from one. */
function asksConfigured(cond: ts.Expression, consts: ReadonlyMap<string, ts.Expression>): boolean {
  if (readsSetting(cond)) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n)) {
      const init = consts.get(n.text);
      if (init && (readsSetting(init) || CONFIG_SOURCE_RE.test(init.getText()))) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return found;
}

/** `const` declarations with an initializer, of the file and of the blocks around `node`. */
function constsAround(node: ts.Node): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  const add = (st: ts.Statement): void => {
    if (!ts.isVariableStatement(st)) return;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, d.initializer);
  };
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) if (ts.isBlock(p) || ts.isSourceFile(p)) p.statements.forEach(add);
  return out;
}

/** `if (!url) { warn("not configured"); return; }`: a branch that leaves with no client (logs, then a bare return or `return null`/the client). */
function leavesUnset(s: ts.Statement, targets: ReadonlySet<string>): boolean {
  const stmts = ts.isBlock(s) ? s.statements : [s];
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last)) return false;
  const v = last.expression;
  if (v && !isNone(v) && !targets.has(v.getText())) return false;
  return stmts.slice(0, -1).every(isLogStatement);
}

/**
 * An `if`/`else if` chain without a final `else`, each condition asking whether something is configured,
 * each branch only assigning built clients (`sql = postgres(url, opts)`) besides log lines: the targets, else undefined.
 */
function buildsPerSetting(s: ts.Statement, consts: ReadonlyMap<string, ts.Expression>): string[] | undefined {
  const out: string[] = [];
  for (let st: ts.Statement | undefined = s; st; st = st.elseStatement) {
    if (!ts.isIfStatement(st) || !asksConfigured(st.expression, consts)) return undefined;
    const body = ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
    let built = false;
    for (const b of body) {
      if (isLogStatement(b)) continue;
      const a = assignment(b);
      if (!a || !(ts.isNewExpression(a.value) || (ts.isCallExpression(a.value) && CONSTRUCTOR_FN_RE.test(calleeName(a.value) ?? "")))) return undefined;
      out.push(a.target);
      built = true;
    }
    if (!built) return undefined;
  }
  return out;
}

/**
 * The try only builds the client: assignments of a `new …`/call to the client (and what is made from
 * it), `const`s, listener registrations on it, logs, and a guard that leaves unset; nothing awaited.
 * The catch only logs and sets the client back to `null`. And a branch of the setup leaves the
 * client unset when it is not configured: an enclosing `if` on a setting (its `else`, or none,
 * leaves it unset), or a guard on a setting before the construction that returns.
 */
export function setupLeftUnsetLikeUnconfigured(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (containsAwait(tryStmt.tryBlock)) return false;
  const targets = new Set<string>();
  let builds = false;
  let guarded = false;
  const consts = constsAround(tryStmt.tryBlock.statements[0] ?? tryStmt);
  for (const s of tryStmt.tryBlock.statements) {
    if (isLogStatement(s)) continue;
    const a = assignment(s);
    if (a) {
      if (!ts.isNewExpression(a.value) && !ts.isCallExpression(a.value)) return false;
      if (ts.isNewExpression(a.value) || (ts.isCallExpression(a.value) && CONSTRUCTOR_FN_RE.test(calleeName(a.value) ?? ""))) builds = true;
      targets.add(a.target);
      continue;
    }
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
      continue;
    }
    if (ts.isIfStatement(s) && !s.elseStatement && targets.size === 0 && asksConfigured(s.expression, consts) && leavesUnset(s.thenStatement, targets)) {
      guarded = true;
      continue;
    }
    // `if (env.DATABASE_URL) { sql = postgres(env.DATABASE_URL); } else if (env.DB_HOST) { sql = postgres({ … }); }`: one
    // build per way of configuring it; without a final `else`, the unconfigured path leaves it unset (round 40's tune twin).
    const chain = buildsPerSetting(s, consts);
    if (chain) {
      chain.forEach((t) => targets.add(t));
      builds = true;
      guarded = true;
      continue;
    }
    // `if (sql && isDevMode) console.error("connected")`: a log line.
    if (ts.isIfStatement(s) && !s.elseStatement && (ts.isBlock(s.thenStatement) ? s.thenStatement.statements.every(isLogStatement) : isLogStatement(s.thenStatement))) continue;
    // `this.client.on("error", (err) => …)`: a listener registered on the client just built.
    if (ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && ts.isPropertyAccessExpression(s.expression.expression) && targets.has(s.expression.expression.expression.getText())) continue;
    return false;
  }
  if (!builds) return false;
  for (const s of block.statements) {
    if (isLogStatement(s) || ts.isVariableStatement(s)) continue;
    const a = assignment(s);
    if (a && targets.has(a.target) && isNone(a.value)) continue;
    return false;
  }
  if (guarded) return true;
  // `if (KEY) { try { … } catch { … } } else { warn(…) }`: the try is the `if`'s whole work.
  const holder = tryStmt.parent;
  const branch = ts.isBlock(holder) && holder.statements.every((s) => s === tryStmt || isLogStatement(s)) ? holder : undefined;
  const ifStmt = branch?.parent;
  if (ifStmt && ts.isIfStatement(ifStmt) && ifStmt.thenStatement === branch && asksConfigured(ifStmt.expression, constsAround(ifStmt))) {
    const other = ifStmt.elseStatement;
    return !other || (ts.isBlock(other) ? other.statements : [other]).every(isLogStatement);
  }
  // `if (openai || !OpenAI) return openai; if (!OPENAI_API_KEY) return null; try { openai = new OpenAI(…) }`: a guard before the try.
  if (!ts.isBlock(holder)) return false;
  const before = holder.statements.slice(0, holder.statements.indexOf(tryStmt));
  const outer = constsAround(tryStmt);
  return before.some((s) => ts.isIfStatement(s) && !s.elseStatement && asksConfigured(s.expression, outer) && leavesUnset(s.thenStatement, targets));
}
