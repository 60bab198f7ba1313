/**
 * `logAndContinue` by design: a log-only catch whose carrying on is what the code around it
 * means, so two reviewers would not want it reported (issue 11, held round 16). Each predicate is
 * a precision exemption for one class, true only when the failure is not lost: the job was a log,
 * the step was optional, another way of doing the same job follows, the original error is still
 * answered, or "none" is the function's answer that its callers check.
 */
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { accessesNamed, calleeName, isFailedResponseTest, isFunctionLikeDeclaration as isFunctionLike, topLevelFunction } from "../../engine/ast";
import { findRefs } from "../unvalidated-boundary/ast";
import { classMethod } from "./handled-inside";
import { isLogCall, isLogStatement, references, saysFailure } from "./analysis";
import { functionName, scopeOf } from "./scope";
import { protectedRegionDoesIO } from "./pure-try";
import { WRITE_SQL_RE } from "./script-run";
import { callsInOtherModules } from "./other-modules";

/** True when the log-only catch `clause` carries on by design (see the module comment). */
export function carriesOnByDesign(ctx: RuleContext, clause: ts.CatchClause, errName: string | undefined): boolean {
  const tryStmt = clause.parent as ts.TryStatement;
  const block = clause.block;
  return tryOnlyWritesALog(tryStmt.tryBlock)
    || showsFailureOnScreen(tryStmt, block)
    || loadsAnEnvFile(tryStmt)
    || ensuresBeforeUse(tryStmt, block)
    || triesAnotherWayAfter(tryStmt, block)
    || logsSecondaryWhileAnswering(tryStmt, block, errName)
    || answersNoneByContract(ctx, clause, errName);
}

// ---------------------------------------------------------------------------------------------
// 1. Best-effort logging: the try writes a debug/log file, or only gathers what a log line prints.

const FS_WRITE_RE = /^(?:writeFile|writeFileSync|appendFile|appendFileSync|mkdir|mkdirSync|ensureDir|ensureDirSync|outputFile|outputFileSync|writeJson|writeJsonSync|outputJson|createWriteStream)$/;
const PURE_HELPER_RE = /^(?:join|resolve|dirname|basename|stringify|toISOString|toString|String|now|replace|slice)$/;
const LOG_WORD = new Set(["log", "logs", "debug", "trace", "diag", "diagnostics", "dump"]);

/**
 * `debugLogDir`, `"../logs"`, `openai_debug.json`: the words of the names and literals in `node`,
 * and of what a `const` of the try that it reads holds (`const dir = path.join(root, "logs")`).
 */
function namesALog(node: ts.Node, tryBlock: ts.Block): boolean {
  const texts = [node.getText()];
  for (const s of tryBlock.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && references(node, d.name.text)) texts.push(d.initializer.getText());
  }
  const words = texts.join(" ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => LOG_WORD.has(w));
}

/**
 * `try { await fs.mkdir(debugLogDir, { recursive: true }); await fs.writeFile(path.join(debugLogDir, f),
 * JSON.stringify(payload)); } catch (e) { console.warn("Failed to write debug log", e.message); }`:
 * every call writes a log or debug file (its path names a log), or builds that path or text; or the
 * try only gathers values for a log line and prints them (`const nets = networkInterfaces();
 * console.log("Network:", JSON.stringify(nets));`). The job was a log; the console line says it failed.
 */
function tryOnlyWritesALog(tryBlock: ts.Block): boolean {
  let writes = 0;
  let logs = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? "";
      const logged: boolean = isLogCall(n as ts.Expression);
      // What a log line's arguments compute (`Object.keys(parsed)`, `parsed.items?.length`) is part of the log.
      if (logged) {
        logs++;
        if (n.arguments.some((a) => protectedRegionDoesIO(a, { sf: tryBlock.getSourceFile() }))) other = true;
        return;
      }
      if (FS_WRITE_RE.test(name) && n.arguments[0] && namesALog(n.arguments[0], tryBlock)) writes++;
      else if (!PURE_HELPER_RE.test(name) && !gathersForALog(n, tryBlock)) other = true;
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) other = true;
    // `const deleted = await sql\`DELETE FROM events\`; console.log(deleted.count)`: the count is logged, the delete was the job.
    else if (ts.isTaggedTemplateExpression(n) && WRITE_SQL_RE.test(n.template.getText())) other = true;
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  if (other) return false;
  if (writes > 0) return true;
  // Only gathering: every statement is a log or a `const` read by the logs (or by another such `const`).
  return logs > 0 && tryBlock.statements.every((s) => (ts.isExpressionStatement(s) && isLogCall(s.expression)) || (ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => readOnlyByLogs(d, tryBlock))));
}

/** A call in a `const` whose names only the try's log lines (or the next such `const`) read: `const nets = networkInterfaces()`. */
function gathersForALog(call: ts.CallExpression, tryBlock: ts.Block): boolean {
  let n: ts.Node = call;
  while (n.parent && n.parent !== tryBlock && !ts.isVariableDeclaration(n)) n = n.parent;
  return ts.isVariableDeclaration(n) && !ts.isAwaitExpression(call.parent) && readOnlyByLogs(n, tryBlock);
}

function readOnlyByLogs(d: ts.VariableDeclaration, tryBlock: ts.Block): boolean {
  const names: string[] = [];
  const collect = (b: ts.BindingName): void => {
    if (ts.isIdentifier(b)) names.push(b.text);
    else for (const el of b.elements) if (!ts.isOmittedExpression(el)) collect(el.name);
  };
  collect(d.name);
  const stmt = d.parent.parent;
  const later = tryBlock.statements.slice(tryBlock.statements.indexOf(stmt as ts.Statement) + 1);
  return names.length > 0 && names.every((name) => {
    const readers = later.filter((s) => references(s, name));
    return readers.length > 0 && readers.every((s) => (ts.isExpressionStatement(s) && isLogCall(s.expression)) || (ts.isVariableStatement(s) && s.declarationList.declarations.every((x) => readOnlyByLogs(x, tryBlock))));
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Optional configuration: an .env file loaded if present; a setup step whose use follows.

const ENV_READ_CALL_RE = /^(?:existsSync|readFileSync|readFile|join|resolve|split|forEach|map|filter|trim|trimStart|trimEnd|startsWith|endsWith|includes|indexOf|slice|substring|replace|match|test|join|config|parse)$/;

/**
 * `try { if (fs.existsSync(envPath)) { for (const line of fs.readFileSync(envPath, "utf8").split("\n")) { …
 * process.env[key] = value; } } } catch (e) { console.warn("could not load .env", e.message); }`, or
 * `dotenv.config()`: an optional environment file. Every setting it would set is read, and its
 * absence checked, where it is used; dotenv itself carries on without the file.
 */
function loadsAnEnvFile(tryStmt: ts.TryStatement): boolean {
  const tryBlock = tryStmt.tryBlock;
  let setsEnv = false;
  let other = false;
  // `const envVars = {}; … envVars[key.trim()] = value.trim(); … return envVars;`: the file's keys kept
  // in a local instead, made in the try or before it in the function.
  const locals = new Set<string>();
  const before = ts.isBlock(tryStmt.parent) ? tryStmt.parent.statements.slice(0, tryStmt.parent.statements.indexOf(tryStmt)) : [];
  const declaredBefore = before.filter(ts.isVariableStatement).flatMap((v) => v.declarationList.declarations);
  let fillsLocal = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isObjectLiteralExpression(n.initializer) && n.initializer.properties.length === 0) locals.add(n.name.text);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left))) {
      if (/^process\.env\b/.test(n.left.expression.getText())) setsEnv = true;
      else if (ts.isIdentifier(n.left.expression) && locals.has(n.left.expression.text)) fillsLocal = true;
      else other = true;
    }
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? "";
      if (name === "config" && /dotenv/.test(n.expression.getText())) setsEnv = true;
      else if (!ENV_READ_CALL_RE.test(name) && !isLogCall(n)) other = true;
    }
    if (ts.isAwaitExpression(n)) other = true;
    ts.forEachChild(n, visit);
  };
  for (const d of declaredBefore) if (ts.isIdentifier(d.name) && d.initializer && ts.isObjectLiteralExpression(d.initializer) && d.initializer.properties.length === 0) locals.add(d.name.text);
  visit(tryBlock);
  // Only a file named `.env` (`path.join(__dirname, ".env")`, `".env.local"`, Wrangler's `.dev.vars`)
  // makes a local the settings: named in the try, or in a `const` before it that the try reads.
  const texts = [tryBlock.getText(), ...declaredBefore.filter((d) => ts.isIdentifier(d.name) && d.initializer && references(tryBlock, d.name.text)).map((d) => d.initializer!.getText())];
  const namesEnvFile = fillsLocal && texts.some((t) => /["'`](?:[^"'`]*\/)?\.(?:env(?:\.[\w.-]+)?|dev\.vars)["'`]/.test(t));
  return (setsEnv || namesEnvFile) && !other;
}

// `CREATE TABLE IF NOT EXISTS`, `CREATE INDEX IF NOT EXISTS`: idempotent schema setup.
const ENSURE_SQL_RE = /^\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|SCHEMA|EXTENSION|TYPE)\s+IF\s+NOT\s+EXISTS\b/i;
// `ensureDatabase()` (MikroORM's schema generator), `ensureIndexes()`, `ensureBucket(name)`: a store object made sure of.
const ENSURE_CALL_RE = /^(?:ensureDir|ensureDirSync|mkdirp|ensure(?:Database|Schema|Table|Index|Indexe|Collection|Bucket|Queue|Topic)s?)$/;

/** `db.run("CREATE TABLE IF NOT EXISTS …")`, `fs.mkdirSync(dir, { recursive: true })`, `ensureDir(dir)`, `ensureDatabase()`: a step that makes sure something exists. */
function isEnsureCall(n: ts.Node): boolean {
  const call = ts.isAwaitExpression(n) ? n.expression : n;
  if (!ts.isCallExpression(call)) return false;
  const name = calleeName(call) ?? "";
  const [first, second] = call.arguments;
  if (ENSURE_CALL_RE.test(name)) return true;
  if (/^mkdir(?:Sync)?$/.test(name)) return !!second && ts.isObjectLiteralExpression(second) && /\brecursive\s*:\s*true\b/.test(second.getText());
  return !!first && ts.isStringLiteralLike(first) && ENSURE_SQL_RE.test(first.text);
}

/**
 * `try { db.run("CREATE TABLE IF NOT EXISTS closures (…)"); } catch (e) { console.error(e.message); }`
 * followed by the inserts into that table: an idempotent setup step whose failure (most often
 * "already there") is logged, while the work right after it fails loudly if the thing is really
 * missing. The try is that one step; the function goes on after it.
 */
function ensuresBeforeUse(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  const stmts = tryStmt.tryBlock.statements;
  const only = stmts[0];
  if (stmts.length !== 1 || !only || !ts.isExpressionStatement(only) || !isEnsureCall(only.expression)) return false;
  if (block.statements.some((s) => ts.isReturnStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s))) return false;
  const list = tryStmt.parent;
  return ts.isBlock(list) && list.statements.indexOf(tryStmt) < list.statements.length - 1;
}

// ---------------------------------------------------------------------------------------------
// 3. Fallthrough: after the logged catch, the function does the same job another way.

/** The statement `node` is in, at the top level of the function body `body`, climbing out of `if` blocks only. */
function topStatement(node: ts.Statement, body: ts.Block): ts.Statement | undefined {
  let s: ts.Node = node;
  while (s.parent && s.parent !== body) {
    const p = s.parent;
    if (!(ts.isBlock(p) && ts.isIfStatement(p.parent)) && !ts.isIfStatement(p)) return undefined;
    s = p;
  }
  return s.parent === body ? (s as ts.Statement) : undefined;
}

/** `[]`, `{ items: [] }`, `"n/a"`, `0`, `null`: an answer written in place rather than obtained. */
function writtenInPlace(e: ts.Expression): boolean {
  let u = e;
  while (ts.isParenthesizedExpression(u) || ts.isAsExpression(u)) u = u.expression;
  if (ts.isArrayLiteralExpression(u)) return u.elements.every((el) => writtenInPlace(el));
  if (ts.isObjectLiteralExpression(u)) return u.properties.every((p) => ts.isPropertyAssignment(p) && writtenInPlace(p.initializer));
  if (ts.isIdentifier(u)) return u.text === "undefined";
  if (ts.isPrefixUnaryExpression(u)) return writtenInPlace(u.operand);
  return ts.isLiteralExpression(u) || [ts.SyntaxKind.NullKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword].includes(u.kind);
}

/** The name a returned value ends in: `result.accessToken` → `accessToken`, `token` → `token`. */
function trailingName(e: ts.Expression): string | undefined {
  let u = e;
  while (ts.isAwaitExpression(u) || ts.isParenthesizedExpression(u) || ts.isNonNullExpression(u)) u = u.expression;
  if (ts.isPropertyAccessExpression(u)) return u.name.text;
  if (ts.isIdentifier(u)) return u.text;
  return undefined;
}

/**
 * `if (accounts.length) { try { const r = await pca.acquireTokenSilent(…); return r.accessToken; } catch (e) {
 * log(e); } } … const d = await pca.acquireTokenByDeviceCode(…); return d.accessToken;`: the try answers
 * when its way works; when it fails the function goes on to another way of getting the same value
 * (the last statement returns the same name, `accessToken`, from work it waits on), whose own failure
 * reaches the caller. A made-up answer after the try (`return []`, `return defaults`) stays reported.
 */
function triesAnotherWayAfter(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (block.statements.some((s) => !ts.isExpressionStatement(s) || !isLogCall(s.expression))) return false;
  const tried = tryStmt.tryBlock.statements[tryStmt.tryBlock.statements.length - 1];
  if (!tried || !ts.isReturnStatement(tried) || !tried.expression) return false;
  const fn = scopeOf(tryStmt).fn;
  const body = fn?.body;
  if (!body || !ts.isBlock(body)) return false;
  const top = topStatement(tryStmt, body);
  if (!top) return false;
  const rest = body.statements.slice(body.statements.indexOf(top) + 1);
  const last = rest[rest.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || writtenInPlace(last.expression)) return false;
  const want = trailingName(tried.expression);
  if (!want || trailingName(last.expression) !== want) return false;
  // The other way waits on work of its own, outside any try: its failure is the caller's.
  const waits = (n: ts.Node): boolean => !isFunctionLike(n) && !ts.isTryStatement(n) && (ts.isAwaitExpression(n) || (ts.forEachChild(n, waits) ?? false));
  return rest.some(waits);
}

// ---------------------------------------------------------------------------------------------
// 4. A secondary failure while an error is being answered.

/** `(err, req, res, next) => …`: an Express error middleware, whose job is answering `err`. */
function errorMiddlewareError(fn: ts.Node | undefined): string | undefined {
  if (!fn || !isFunctionLike(fn)) return undefined;
  const ps = fn.parameters;
  const first = ps[0];
  return ps.length === 4 && first && ts.isIdentifier(first.name) && /^err(?:or)?$/.test(first.name.text) ? first.name.text : undefined;
}

function isLoop(n: ts.Node): boolean {
  return ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isForStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n);
}

/**
 * `catch (err) { … if (docId) { try { await markFailed(docId); } catch (e) { log(e); } } return
 * error500(err.message); }`, and the same in an error middleware (`app.use(async (err, req, res, next)
 * => { if (err) { try { await reportIssue(err); } catch (e) { log(e); } } res.status(500)… })`): a
 * second failure while the first is handled, logged with its error; the original is still answered
 * by a statement of the handler outside this try. The try sits in `if` blocks or loops of the
 * handler (production growthbook: one stuck item's event, logged in a loop of the rollback before
 * the throw that carries the original; a try directly in a catch is `logsSecondaryError`).
 */
function logsSecondaryWhileAnswering(tryStmt: ts.TryStatement, block: ts.Block, errName: string | undefined): boolean {
  if (!errName || !references(block, errName) || block.statements.some((s) => ts.isReturnStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s))) return false;
  let s: ts.Node = tryStmt;
  // Also one item's step of a loop of the handler (`for (const { emit } of pending) { try { await emit(); } catch (e) { log(e); } }`).
  while (s.parent && (ts.isIfStatement(s.parent) || isLoop(s.parent) || (ts.isBlock(s.parent) && (ts.isIfStatement(s.parent.parent) || isLoop(s.parent.parent))))) s = s.parent;
  const holder = s.parent;
  if (!holder || !ts.isBlock(holder) || s === tryStmt) return false;
  const owner = holder.parent;
  const decl = ts.isCatchClause(owner) ? owner.variableDeclaration : undefined;
  const outer = decl && ts.isIdentifier(decl.name) ? decl.name.text : errorMiddlewareError(owner);
  if (!outer) return false;
  const at = holder.statements.indexOf(s as ts.Statement);
  const after = holder.statements.slice(at + 1);
  // The original is answered after the try: a statement that reads it, or a local made from it.
  const locals = holder.statements.filter(ts.isVariableStatement).flatMap((v) => v.declarationList.declarations).filter((d) => ts.isIdentifier(d.name) && !!d.initializer && references(d.initializer, outer)).map((d) => (d.name as ts.Identifier).text);
  if (after.some((st) => references(st, outer) || locals.some((l) => references(st, l)))) return true;
  // …or logged with its error before a try that records it (`catch (err) { log.error({ err }, "…"); if
  // (!isFallback) { try { await markFailed(id, err.message); } catch (markErr) { log(markErr); } } }`:
  // held round 28, the queue row's status), or that an `if` on the original runs (`if (code ===
  // "messaging/registration-token-not-registered") { try { await removeToken(t); } catch (e) { log(e); } }`:
  // the clean-up the failure calls for, held round 45). A try that does neither, or that makes a call of
  // the failed try again (a retry after a rate limit), is another attempt at the job.
  const readsOriginal = (n: ts.Node): boolean => references(n, outer) || locals.some((l) => references(n, l));
  const gated = () => ts.isCatchClause(owner) && gatedOn(tryStmt, s, readsOriginal) && !repeatsACall(tryStmt.tryBlock, owner.parent.tryBlock);
  return (references(tryStmt.tryBlock, outer) || gated()) && holder.statements.slice(0, at).some((st) => isLogStatement(st) && readsOriginal(st));
}

/** The callees (`updateSlackMessage`, `admin.messaging().send`) of the calls under `n`, log lines and nested functions left out. */
function calleesIn(n: ts.Node, out: Set<string>): Set<string> {
  if (isFunctionLike(n)) return out;
  if (ts.isCallExpression(n) && !isLogCall(n)) out.add(n.expression.getText().replace(/\s+/g, ""));
  ts.forEachChild(n, (c) => void calleesIn(c, out));
  return out;
}

/** `retry` calls something `failed` called: the same work tried again. */
function repeatsACall(retry: ts.Block, failed: ts.Block): boolean {
  const before = calleesIn(failed, new Set());
  for (const c of calleesIn(retry, new Set())) if (before.has(c)) return true;
  return false;
}

/** An `if` between `tryStmt` and `top` (itself included) runs the try on a test that `reads`. */
function gatedOn(tryStmt: ts.TryStatement, top: ts.Node, reads: (n: ts.Node) => boolean): boolean {
  for (let n: ts.Node = tryStmt; n !== top; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.thenStatement === n && reads(p.expression)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 5. "None" is the function's answer, and its callers check it.

function noneValue(e: ts.Expression | undefined): string | undefined {
  if (!e) return "undefined";
  if (e.kind === ts.SyntaxKind.NullKeyword) return "null";
  if (ts.isIdentifier(e) && e.text === "undefined") return "undefined";
  return undefined;
}

/** `rows[0] || null`, `user ?? undefined`, `found ? user : null`, `null`: an answer that can be the "none". */
function canBeNone(e: ts.Expression, want: string): boolean {
  let u = e;
  while (ts.isParenthesizedExpression(u) || ts.isAwaitExpression(u)) u = u.expression;
  if (noneValue(u) === want) return true;
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.BarBarToken || u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return canBeNone(u.right, want);
  return ts.isConditionalExpression(u) && (canBeNone(u.whenTrue, want) || canBeNone(u.whenFalse, want));
}

// A lookup that answers `null` when nothing matches (Mongoose `findOne`/`findById`, Prisma
// `findUnique`/`findFirst`, Sequelize `findByPk`), unlike the `…OrThrow`/`…OrFail` forms.
const NULLABLE_LOOKUP_RE = /^(?:findOne|findOneBy|findById|findByPk|findUnique|findFirst)$/;

/** `await User.findOne({ id }).exec()`, `Message.findOne(q).then(…).catch(…)`: a nullable lookup, through its chain. */
function isNullableLookup(e: ts.Expression): boolean {
  let u = e;
  for (;;) {
    while (ts.isParenthesizedExpression(u) || ts.isAwaitExpression(u) || ts.isAsExpression(u)) u = u.expression;
    if (!ts.isCallExpression(u)) return false;
    if (NULLABLE_LOOKUP_RE.test(calleeName(u) ?? "")) return true;
    // D1's `db.prepare(q).bind(k).first()`, Knex's `knex("users").where(q).first()`: a query chain's first row or `null`.
    if (ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === "first" && u.arguments.length === 0 && ts.isCallExpression(u.expression.expression)) return true;
    if (!ts.isPropertyAccessExpression(u.expression)) return false;
    u = u.expression.expression;
  }
}

/**
 * `const user = await User.findOne({ telegramId }); return user;`: a returned value that is "none"
 * when nothing matches, read from a `const` of the try set from a nullable lookup (or the lookup itself).
 */
function lookupCanBeNone(e: ts.Expression, tryBlock: ts.Block): boolean {
  const u = ts.isAwaitExpression(e) ? e.expression : e;
  if (isNullableLookup(u)) return true;
  if (!ts.isIdentifier(u)) return false;
  return tryBlock.statements.some((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === u.text && !!d.initializer && isNullableLookup(d.initializer)));
}

/**
 * `if (!content) return null;` in the try: "none" for an absent value, unless its branch says that
 * something failed: a log line before it (`else { log("Failed to get tokens"); return null; }`), or
 * a test of a failed response or of an error (`if (!res.ok) return null`, `if (error) return null`).
 */
function noneForAbsent(ret: ts.ReturnStatement): boolean {
  const holder = ret.parent;
  if (ts.isBlock(holder) && holder.statements.some((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  // `if (rows.length > 0) { return rows[0].id; } return null;`: the "not found" the try falls to
  // after the branch that answers what it found (held round 22).
  if (ts.isBlock(holder) && ts.isTryStatement(holder.parent) && holder.parent.tryBlock === holder) {
    const prev = holder.statements[holder.statements.indexOf(ret) - 1];
    return !!prev && ts.isIfStatement(prev) && !prev.elseStatement && !isFailedResponseTest(prev.expression) && !/err|fail/i.test(prev.expression.getText()) && endsInReturn(prev.thenStatement);
  }
  const branch = ts.isBlock(holder) ? holder.parent : holder;
  if (!ts.isIfStatement(branch) || (branch.thenStatement !== ret && branch.thenStatement !== holder)) return false;
  const test = branch.expression;
  let failure = isFailedResponseTest(test) || failedAnswerTest(test);
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && /err|fail/i.test(n.text)) failure = true;
    ts.forEachChild(n, visit);
  };
  visit(test);
  return !failure;
}

/**
 * `!fileInfo.ok || !fileInfo.result`, `!data.success || !data.data`: a test of an API's answer whose
 * `ok`/`success` flag says it failed (Telegram's and Slack's `{ ok: false }`), or which lacks the
 * payload that flag promises; every operand a negated field of the same answer, one of them the flag.
 * Its "none" answers a failed call, not an absent value (round 40's tune twin, ai-1st's `getFileUrl`).
 */
function failedAnswerTest(e: ts.Expression): boolean {
  const operands: ts.Expression[] = [];
  const collect = (x: ts.Expression): void => {
    while (ts.isParenthesizedExpression(x)) x = x.expression;
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      collect(x.left);
      collect(x.right);
    } else operands.push(x);
  };
  collect(e);
  let receiver: string | undefined;
  let flag = false;
  for (const o of operands) {
    if (!ts.isPrefixUnaryExpression(o) || o.operator !== ts.SyntaxKind.ExclamationToken || !ts.isPropertyAccessExpression(o.operand)) return false;
    const r = o.operand.expression.getText();
    if (receiver !== undefined && r !== receiver) return false;
    receiver = r;
    if (/^(?:ok|success)$/.test(o.operand.name.text)) flag = true;
  }
  return flag;
}

/** A branch whose last statement (through nested `if`s and blocks) returns. */
function endsInReturn(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s)) return true;
  if (ts.isBlock(s)) { const last = s.statements[s.statements.length - 1]; return !!last && endsInReturn(last); }
  return false;
}

/** `if (…) { …; return null; }`, `else { log(…); return null; }`: a branch that ends in that "none". */
function branchReturns(s: ts.Statement | undefined, want: string): boolean {
  if (!s) return false;
  if (ts.isReturnStatement(s)) return noneValue(s.expression) === want;
  if (ts.isBlock(s)) return branchReturns(s.statements[s.statements.length - 1], want);
  return false;
}

/** The result of `call` is tested right after it: `const t = await f(); if (!t) …`, `r = f(); … r?.success`. */
function resultChecked(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const p = n.parent;
  let target: string | undefined;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) target = p.name.text;
  else if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) target = p.left.getText();
  if (!target) return false;
  let stmt: ts.Node = p!;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) stmt = stmt.parent;
  const list = stmt.parent as ts.Block | ts.SourceFile;
  const later = list.statements.slice(list.statements.indexOf(stmt as ts.Statement) + 1);
  const checks = (x: ts.Node): boolean => {
    if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken && x.operand.getText() === target) return true;
    if ((ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) && x.questionDotToken && x.expression.getText() === target) return true;
    if (ts.isIfStatement(x) && x.expression.getText() === target) return true;
    if (ts.isBinaryExpression(x) && [ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.QuestionQuestionToken].includes(x.operatorToken.kind) && x.left.getText() === target) return true;
    return ts.forEachChild(x, checks) ?? false;
  };
  return later.some(checks);
}

// `connection.sendRawTransaction(…)`, `axios.post(…)`, `db.insert(…)`, `prisma.user.update(…)`: an awaited call that changes something.
const WRITE_CALL_RE = /^(?:send\w*|post|put|patch|delete|del|remove\w*|create\w*|insert\w*|update\w*|upsert\w*|save\w*|write\w*|publish|execute|transfer\w*|swap\w*|charge\w*|pay\w*|refund\w*|mutate\w*|submit\w*)$/;

/**
 * The block awaits a write and then waits on something more (`await connection.sendRawTransaction(tx);
 * await connection.confirmTransaction(txid)`, a payment created and then the invoice updated): a
 * failure of the later step comes after the write is done, and the caller's "could not" ("Swap
 * failed") would be wrong.
 */
function writesThenGoesOn(block: ts.Block): boolean {
  let wrote = false;
  let after = false;
  const visit = (n: ts.Node): void => {
    if (after || isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
    if (!ts.isAwaitExpression(n)) return;
    let e: ts.Expression = n.expression;
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isCallExpression(e.expression.expression) && /^(?:then|catch|finally|exec|json|text)$/.test(e.expression.name.text)) e = e.expression.expression;
    if (wrote) after = true;
    else if (ts.isCallExpression(e) && (WRITE_CALL_RE.test(calleeName(e) ?? "") || e.arguments.some((a) => ts.isStringLiteralLike(a) && WRITE_SQL_RE.test(a.text)) || e.arguments.some(hasWriteMethod))) wrote = true;
  };
  visit(block);
  return after;
}

/** `{ method: "POST" }`: a request option that writes. */
function hasWriteMethod(a: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(a) && a.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === "method" && ts.isStringLiteralLike(p.initializer) && !/^(?:GET|HEAD)$/i.test(p.initializer.text));
}

// `res.status(404)`, `notFound()`, "Item not found": a miss answered as absent.
const NOT_FOUND_RE = /\b404\b|not[ _-]?found|notFound|does not exist|doesn't exist/i;

/** `const item = await getItem(id); if (!item) return res.status(404).json({ message: "Item not found" });`: the caller's branch on the "none" answers "not found". */
function missAnsweredAsNotFound(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const decl = n.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return false;
  const name = decl.name.text;
  let stmt: ts.Node = decl;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) stmt = stmt.parent;
  const list = stmt.parent as ts.Block | ts.SourceFile;
  const later = list.statements.slice(list.statements.indexOf(stmt as ts.Statement) + 1);
  return later.some((st) => ts.isIfStatement(st) && references(st.expression, name) && NOT_FOUND_RE.test(st.thenStatement.getText()));
}

/**
 * `if (!db.isAvailable()) { warn(…); return null; } try { … return rows[0]; } catch (error) {
 * console.error("Error creating user:", error.message); return null; }`: the catch logs its error and
 * answers the "none" (`null`, `undefined`) that is already the function's answer for "could not": a
 * guard before the try on a dependency or state (not on the function's input) returns it, or every call of the function in the file tests the result
 * (`const tokens = await getTokens(); if (!tokens) …`, `r?.success`). Callers handle "none" already.
 * A try that can answer "none" itself for an absent value (`return rows[0] || null`) stays reported:
 * there the catch makes "the database is down" read as "not found".
 */
function answersNoneByContract(ctx: RuleContext, clause: ts.CatchClause, errName: string | undefined): boolean {
  const stmts = clause.block.statements;
  const exit = stmts[stmts.length - 1];
  if (!errName || !exit || !ts.isReturnStatement(exit) || stmts.length < 2) return false;
  const want = noneValue(exit.expression);
  if (!want || !stmts.slice(0, -1).every((s) => ts.isExpressionStatement(s) && isLogCall(s.expression)) || !references(clause.block, errName)) return false;
  const tryStmt = clause.parent as ts.TryStatement;
  const fn = scopeOf(clause).fn;
  const body = fn?.body;
  if (!fn || !body || !ts.isBlock(body)) return false;
  // The try returns a real value when it works, and never "none" for an absent one
  // (`return rows[0] || null`: then the catch's null says "not found" for "the database is down").
  let real = false;
  let absent = false;
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && want === "null" && n.expression && noneValue(n.expression) === want && noneForAbsent(n)) absent = true;
    if (ts.isReturnStatement(n) && n.expression && noneValue(n.expression) !== want) {
      if (canBeNone(n.expression, want) || (want === "null" && lookupCanBeNone(n.expression, tryStmt.tryBlock))) absent = true;
      else if (!writtenInPlace(n.expression)) real = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(tryStmt.tryBlock);
  if (!real || absent) return false;
  // A guard on the function's state or a dependency (`!this.db.isAvailable()`), not on its input:
  // `if (!id) return null` says nothing about what a failed lookup means.
  const params = fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : []));
  const at = body.statements.indexOf(tryStmt);
  if (body.statements.slice(0, Math.max(at, 0)).some((s) => ts.isIfStatement(s) && branchReturns(s.thenStatement, want) && !params.some((p) => references(s.expression, p)))) return true;
  const name = functionName(fn);
  if (!name || !/^\w+$/.test(name)) return false;
  // The calls of `name(…)` and `x.name(…)` in the file, from its reference and property-access indexes (a walk of the
  // file per catch was quadratic in a module of many such helpers).
  const calls: ts.CallExpression[] = [];
  for (const id of findRefs(name, ctx.sourceFile, 0)) if (ts.isCallExpression(id.parent) && id.parent.expression === id) calls.push(id.parent);
  for (const a of accessesNamed(ctx.sourceFile, name)) if (ts.isCallExpression(a.parent) && a.parent.expression === a) calls.push(a.parent);
  if (calls.length > 0) return calls.every(resultChecked);
  // With no call in the file, its calls in the modules that import it (a `services/weather.ts` helper whose
  // handlers test `if (!weather)`), when every one of them was seen (none handed on as a value, as a route's
  // handler), each testing the answer and not turning the miss into "not found" (a 404: there the outage reads as a miss).
  // Not where the try goes on after a write: a later failure leaves the work done behind a "could not".
  if (writesThenGoesOn(tryStmt.tryBlock)) return false;
  const cross = callsInOtherModules(ctx, fn);
  return cross !== undefined && cross.complete && cross.sites.length > 0 && cross.sites.every((s) => resultChecked(s.call) && !missAnsweredAsNotFound(s.call));
}

// ---------------------------------------------------------------------------------------------
// 6. A screen of an interactive command-line tool.

// `await pressEnter()`, `await confirm(…)`, `rl.question(…)`: the tool waits for the person at the screen.
const PROMPT_CALL_RE = /^(?:pressEnter|pressAnyKey|waitFor(?:Enter|Key|Input)|prompt|ask|confirm|question)$/;

/** The text of the string and template parts in `node`, also inside nested calls (`color("✗ Error", red)`). */
function literalText(node: ts.Node): string {
  let text = "";
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) text += `${n.text} `;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return text;
}

/**
 * `try { await migrate(); console.log("Migrations: ✓ up to date"); } catch { console.log("Migrations: ✗
 * Error"); }` in a function that then waits for the person at the screen (`await pressEnter()`): a
 * status screen of an interactive tool, where the printed failure is the UI's failure state and the
 * tool goes on running (no exit code to get wrong). The catch is log lines that say it failed. A
 * one-off script that prints its failure and exits 0 stays reported.
 */
function showsFailureOnScreen(tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (block.statements.length === 0 || !block.statements.every((s) => ts.isExpressionStatement(s) && isLogCall(s.expression) && saysFailure(literalText(s.expression)))) return false;
  const fn = scopeOf(tryStmt).fn;
  const body = fn?.body;
  if (!fn || !body || !ts.isBlock(body)) return false;
  let prompts = false;
  const visit = (n: ts.Node): void => {
    if (prompts || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) && n.getStart() > tryStmt.getEnd() && ts.isCallExpression(n.expression) && PROMPT_CALL_RE.test(calleeName(n.expression) ?? "")) prompts = true;
    ts.forEachChild(n, visit);
  };
  body.statements.forEach(visit);
  return prompts || promptsAgainAfter(tryStmt, tryStmt) || everyCallPromptsAgain(fn);
}

/** `rl.question(…)` itself, or a function of the file (`promptUser()`, `this.showMenu()`) whose own body calls `rl.question(…)`. */
function asksAgain(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name === "question") return true;
  const callee = call.expression;
  const fn = ts.isIdentifier(callee) ? topLevelFunction(callee.text, call.getSourceFile()) : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword ? classMethod(call, callee.name.text) : undefined;
  if (!fn?.body) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "question") found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

/**
 * `rl.question("Arguments (JSON): ", (s) => { try { … } catch (e) { console.error("Invalid JSON:", e); }
 * setTimeout(() => this.showMenu(), 2000); })`: a statement after `stmt` in its block asks the person
 * at the prompt again (also through a timer's callback), so the printed failure is the loop's answer.
 */
function promptsAgainAfter(stmt: ts.Statement, after: ts.Node): boolean {
  const list = stmt.parent;
  if (!ts.isBlock(list)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && n.getStart() > after.getEnd() && asksAgain(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  list.statements.slice(list.statements.indexOf(stmt) + 1).forEach(visit);
  return found;
}

/**
 * `async function sendMessage(body) { try { await axios.post(…); } catch (e) { console.error("Error sending
 * message", e); } }`, whose every call is a statement followed by a new prompt (`await sendMessage(m);
 * promptUser();` in the `rl.question` callback): the interactive loop's step, as above.
 */
function everyCallPromptsAgain(fn: ts.FunctionLikeDeclaration): boolean {
  const name = functionName(fn)?.replace(/^.*\./, "");
  if (!name || !/^\w+$/.test(name)) return false;
  const calls: ts.CallExpression[] = [];
  const find = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if ((ts.isIdentifier(callee) && callee.text === name) || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text === name)) calls.push(n);
    }
    ts.forEachChild(n, find);
  };
  find(fn.getSourceFile());
  return calls.length > 0 && calls.every((c) => {
    let st: ts.Node = c.parent;
    if (ts.isAwaitExpression(st)) st = st.parent;
    return ts.isExpressionStatement(st) && promptsAgainAfter(st, st);
  });
}
