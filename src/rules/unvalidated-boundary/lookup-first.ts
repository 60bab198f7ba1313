import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { isLogCall } from "../../engine/fix-safety";
import { guardedControllerMethod } from "./global-guard";
import { ownClassMethod } from "./verifier";
import { climb, constInitializer, enclosingFunction, findRefs, isFunctionLike, leaves, nameText, unwrap, type FunctionLike } from "./ast";

/**
 * The lead decision of rounds 27, 29 and 30 (clean, debatable): an id whose first use is the lookup
 * of one row that must exist, the request ended on a miss, before anything else is done with it —
 * `const routine = await this.db.routine.findFirst({ where: { id, userId } }); if (!routine) throw new
 * NotFoundException()`, `const job = await jobStore.get(jobId); if (!job) return c.json(…, 404)`,
 * `const { data } = await supabase.from("t").select("id").eq("id", id).single(); if (error || !data)
 * return 404`, `env.DB.prepare("… WHERE slug = ?").bind(slug).first()`. Only a value the store holds
 * gets past the lookup, an allowlist for what follows. The flow asks at the value's first decisive
 * use, so an earlier write or other use is reported as before.
 */
export function lookedUpFirst(at: ts.CallExpression, value: ts.Node, text = false, helper = false, write = false, quiet = false): boolean {
  // `const { role } = await prisma.userTeam.findUniqueOrThrow({ where: { userId_teamId: { userId, teamId } } })` as a
  // statement of a `try` whose `catch` ends the request: the lookup's throw is its miss (see failCaught), and the filter
  // names the signed-in user (round 30's scope; production papermark's incoming-webhooks route, session 43).
  if (!helper && THROWS_ON_MISS.has(calleeName(at) ?? "")) return ownerScoped([at], value) && failCaught(at, true);
  const found = resultDeclaration(at, helper);
  if (!found) return false;
  const { decl, single, chain } = found;
  // A bound D1 parameter (`.prepare(sql).bind(slug).first()`) matches a row or none: round 29's rule, a write after it.
  const bound = chain.some((c) => calleeName(c) === "bind");
  const key = helper || keyLookup(at, value) || (text && textWhere(at, value)) || postgrestRow(at, value, chain);
  const scoped = bound || key || ownerScoped(chain, value);
  const names = resultNames(decl.name);
  if (!names) return false;
  const stmt = decl.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return false;
  const i = block.statements.indexOf(stmt);
  // The miss test follows at once, or after tests of the lookup's own error (`if (fetchError) throw …`) and
  // log lines (`logStep("Story query result", { story })`: held round 31, kid-story-magic export-pdf, labelled clean).
  const next = block.statements.slice(i + 1).filter((s) => !logLine(s));
  for (let k = 0; k < 3 && k < next.length; k++) {
    const s = next[k]!;
    if (!ts.isIfStatement(s)) return false;
    if (!endsRequest(s.thenStatement) && !(quiet && quietReturn(s.thenStatement))) return false;
    // A Deno KV entry is never null: its `value` is, on a miss (`if (!entry.value) throw new NotFoundError(…)`).
    const kvEntry = key && at.arguments[0] !== undefined && denoKvKey(unwrap(at.arguments[0]));
    const miss = missTest(s.expression, names.row) || (kvEntry && missTest(s.expression, `${names.row}.value`)) || (single && errorTest(s.expression, names.error));
    if (miss) return scoped && writesAfterIf(stmt, s.end, bound || write);
    // PostgREST's `.single()` answers an error when no row matches: `if (error) return 404` is the miss test.
    if (errorTest(s.expression, names.error)) continue;
    return false;
  }
  return false;
}

/** `return;`, `return null`, `return undefined`: a service method that gives its caller nothing. */
function quietReturn(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  if (!last || !ts.isReturnStatement(last)) return false;
  const e = last.expression && unwrap(last.expression);
  return !e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/**
 * The same decision for an entity object keyed by the value (the Cloudflare Workers template's
 * Durable Object entities, held round 33): `const entity = new ResidentEntity(c.env, id)`, then at
 * once `if (!(await entity.exists())) return notFound(c)`. A key of any text names one entry or
 * none, so the lookup cannot fail on a malformed value, and only a key the store holds gets past.
 */
export function existsCheckedFirst(created: ts.NewExpression): boolean {
  const d = created.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== created || !ts.isIdentifier(d.name) || (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) === 0) return false;
  const stmt = d.parent?.parent;
  const block = stmt?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return false;
  const next = block.statements.slice(block.statements.indexOf(stmt) + 1).find((s) => !logLine(s));
  if (!next || !ts.isIfStatement(next) || !endsRequest(next.thenStatement)) return false;
  const test = unwrap(next.expression);
  if (!ts.isPrefixUnaryExpression(test) || test.operator !== ts.SyntaxKind.ExclamationToken) return false;
  let probe = unwrap(test.operand);
  if (ts.isAwaitExpression(probe)) probe = unwrap(probe.expression);
  return ts.isCallExpression(probe) && probe.arguments.length === 0 && calleeName(probe) === "exists" && ts.isPropertyAccessExpression(probe.expression) && ts.isIdentifier(probe.expression.expression) && probe.expression.expression.text === d.name.text;
}

/**
 * The equality-filter decision's miss: the lookup of one row holding the call at `at` is bound to a
 * name and tested right after (`if (!row)`, `if (error || !row)`, log lines in between) with a branch
 * that ends the request, whatever it answers (`return NextResponse.json({ success: true })` too):
 * the handler answers its miss.
 */
export function missAnswered(at: ts.CallExpression): boolean {
  if (failCaught(at)) return true;
  const found = resultDeclaration(at);
  const names = found && resultNames(found.decl.name);
  const stmt = found?.decl.parent?.parent;
  const block = stmt?.parent;
  if (!found || !names || !stmt || !ts.isVariableStatement(stmt) || !block || !ts.isBlock(block)) return false;
  // The three statements after it, log lines skipped (read one by one: a block of many lookups stays linear).
  for (let i = block.statements.indexOf(stmt) + 1, seen = 0; i < block.statements.length && seen < 3; i++) {
    const s = block.statements[i]!;
    if (logLine(s)) continue;
    seen++;
    if (!ts.isIfStatement(s) || !leaves(s.thenStatement)) return false;
    if (missTest(s.expression, names.row) || (found.single && errorTest(s.expression, names.error))) return true;
    // `if (offer) return res.send("OK"); return res.status(404)…`: the found branch ends, and so does the rest, the miss.
    if (!s.elseStatement && foundTest(s.expression, names.row) && leaves(block)) return true;
    if (!errorTest(s.expression, names.error)) return false;
  }
  return false;
}

/**
 * The same miss for TypeORM's `findOneOrFail`, which throws when no row matches (production overseerr, session 32):
 * `const sub = await repo.findOneOrFail({ where: { p256dh: req.params.key } })` as a statement of a `try`
 * whose `catch` ends the request, whatever it answers: its last statement returns or throws, or the `try`
 * is the handler's last statement and the `catch` ends by handing an error to `next(…)` or answering
 * through `res` (`next({ status: 404, message: 'User subscription not found.' })`). With `orThrow`, Prisma's
 * `findUniqueOrThrow`/`findFirstOrThrow` too (round 30's owner-scoped lookup, see lookedUpFirst).
 */
function failCaught(at: ts.CallExpression, orThrow = false): boolean {
  if (orThrow ? !THROWS_ON_MISS.has(calleeName(at) ?? "") : calleeName(at) !== "findOneOrFail") return false;
  let stmt: ts.Node = at;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !isFunctionLike(stmt.parent)) stmt = stmt.parent;
  const block = stmt.parent;
  const attempt = block?.parent;
  if (!block || !attempt || !ts.isTryStatement(attempt) || attempt.tryBlock !== block || !attempt.catchClause) return false;
  const answer = attempt.catchClause.block;
  const last = answer.statements[answer.statements.length - 1];
  if (!last) return false;
  if (leaves(answer)) return true;
  const fn = enclosingFunction(attempt);
  const body = fn?.body;
  if (!body || !ts.isBlock(body) || body.statements[body.statements.length - 1] !== attempt) return false;
  if (!ts.isExpressionStatement(last) || !ts.isCallExpression(last.expression)) return false;
  const call = last.expression;
  if (ts.isIdentifier(call.expression)) return call.expression.text === "next" && call.arguments.length > 0;
  return /^(?:json|send|end|sendStatus)$/.test(calleeName(call) ?? "") && /^res\b/.test(call.expression.getText());
}

/** Lookups of one row that throw when no row matches: TypeORM's `findOneOrFail`, Prisma's `findUniqueOrThrow` and `findFirstOrThrow`. */
const THROWS_ON_MISS = new Set(["findOneOrFail", "findUniqueOrThrow", "findFirstOrThrow"]);

/** `console.log(…)`, `logger.info(…)`, or a function of the code's own named for logging (`logStep(…)`, `log(…)`). */
function logLine(s: ts.Statement): boolean {
  if (!ts.isExpressionStatement(s) || !ts.isCallExpression(s.expression)) return false;
  const call = s.expression;
  return isLogCall(call as ts.Node) || (ts.isIdentifier(call.expression) && /^log(?:[A-Z]\w*)?$/.test(call.expression.text));
}

/** Lookups of one row (`findMany`, `find` and `select` without `.single()` answer lists, which are never falsy). */
const ONE_ROW = new Set(["findFirst", "findUnique", "findOne", "findOneBy", "findById", "findByPk", "first", "get", "single", "maybeSingle", "executeTakeFirst"]);
const MODIFIERS = new Set(["populate", "lean", "exec"]);
/** A chain that writes is no lookup (`.update(…).eq("id", id).select().single()`). */
const WRITES = /^(?:update\w*|delete\w*|create\w*|insert\w*|upsert\w*|run|destroy|remove|save|batch|set|put|del|rpc)$/;

/**
 * `const row = await <lookup>(…)` holding the call at `at`, followed up the chain
 * (`.from(t).select(…).eq("id", id).single()`, `.prepare(sql).bind(slug).first()`).
 */
function resultDeclaration(at: ts.CallExpression, oneRow = false): { decl: ts.VariableDeclaration; single: boolean; chain: ts.CallExpression[] } | undefined {
  let cur: ts.Node = at;
  const names: string[] = [calleeName(at) ?? ""];
  const chain: ts.CallExpression[] = [at];
  // The chain below the call (`supabase.from(t).update(row).eq(…)`): its methods count too.
  for (let e: ts.Node = at.expression; ; ) {
    if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) {
      names.push(calleeName(e) ?? "");
      chain.push(e);
      e = e.expression;
    } else break;
  }
  for (let i = 0; i < 10; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    if (ts.isPropertyAccessExpression(p) && p.expression === cur && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      cur = p.parent;
      chain.push(p.parent);
      names.push(p.name.text);
    } else if (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) cur = p;
    else break;
  }
  let call: ts.Expression = cur as ts.Expression;
  while (!ts.isCallExpression(call) && (ts.isAwaitExpression(call) || ts.isParenthesizedExpression(call) || ts.isAsExpression(call))) call = call.expression;
  const d = cur.parent;
  if (!ts.isCallExpression(call) || !d || !ts.isVariableDeclaration(d) || d.initializer !== cur) return undefined;
  // `User.findOne({ email }).populate("payments")`: Mongoose's modifiers keep the lookup's answer.
  let lookup: ts.CallExpression = call;
  while (MODIFIERS.has(calleeName(lookup) ?? "") && ts.isPropertyAccessExpression(lookup.expression) && ts.isCallExpression(lookup.expression.expression)) lookup = lookup.expression.expression;
  const last = calleeName(lookup) ?? "";
  if (!(oneRow || ONE_ROW.has(last)) || names.some((n) => WRITES.test(n))) return undefined;
  return { decl: d, single: last === "single", chain };
}

/** The row's name and, for a destructured PostgREST reply, the error's. */
function resultNames(name: ts.BindingName): { row: string; error?: string } | undefined {
  if (ts.isIdentifier(name)) return { row: name.text };
  // `const [row] = await db.select().from(t).where(…).limit(1)`: the first row of a list read.
  if (ts.isArrayBindingPattern(name)) {
    const first = name.elements[0];
    return first && ts.isBindingElement(first) && !first.dotDotDotToken && ts.isIdentifier(first.name) ? { row: first.name.text } : undefined;
  }
  if (!ts.isObjectBindingPattern(name)) return undefined;
  let row: string | undefined;
  let error: string | undefined;
  for (const el of name.elements) {
    const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "";
    if (!ts.isIdentifier(el.name)) continue;
    if (key === "data") row = el.name.text;
    else if (key === "error") error = el.name.text;
  }
  return row ? { row, error } : undefined;
}

/** `!row`, `row === null`, `!row || …`, `error || !row`; of a list read, `rows.length === 0`, `!rows.length`, `!rows[0]`. */
function missTest(e: ts.Expression, name: string | undefined): boolean {
  if (!name) return false;
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return missTest(x.left, name) || missTest(x.right, name);
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const t = unwrap(x.operand).getText();
    return t === name || t === `${name}.length` || t === `${name}[0]`;
  }
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.LessThanToken)) {
    const [a, b] = [unwrap(x.left), unwrap(x.right)];
    const empty = (n: ts.Expression) => ts.isNumericLiteral(n) && n.text === (x.operatorToken.kind === ts.SyntaxKind.LessThanToken ? "1" : "0");
    if (a.getText() === `${name}.length` && empty(b)) return true;
  }
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
    const [a, b] = [unwrap(x.left), unwrap(x.right)];
    const nothing = (n: ts.Expression) => n.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(n) && n.text === "undefined");
    return (a.getText() === name && nothing(b)) || (b.getText() === name && nothing(a));
  }
  return false;
}

/** `row`, `row !== null`: the lookup found a row. */
function foundTest(e: ts.Expression, name: string): boolean {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) return x.text === name;
  return ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || x.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken) && unwrap(x.left).getText() === name && unwrap(x.right).kind === ts.SyntaxKind.NullKeyword;
}

/** `error`, `error || …`: the lookup's own error tested. */
function errorTest(e: ts.Expression, name: string | undefined): boolean {
  if (!name) return false;
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return errorTest(x.left, name) || errorTest(x.right, name);
  return ts.isIdentifier(x) && x.text === name;
}

/** A miss answer that ends the request: a throw, `notFound()`, or a return of a refusal (a 4xx status, an error). */
function endsRequest(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  if (!last) return false;
  if (ts.isThrowStatement(last)) return true;
  if (ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) && /^(?:notFound|forbidden|unauthorized)$/.test(calleeName(last.expression) ?? "")) return true;
  if (ts.isReturnStatement(last) && !last.expression) return ts.isBlock(st) && answeredRefusal(st.statements[st.statements.length - 2]);
  return ts.isReturnStatement(last) && !!last.expression && REFUSAL.test(last.expression.getText());
}

/**
 * `res.status(403).json("You are not part of this team"); return;`: the refusal answered through the response in the
 * statement before a bare `return` (production papermark's pages API routes, session 43), the same refusal as `return
 * res.status(403)…`. A log line (`console.error(…); return;`) answers nothing.
 */
function answeredRefusal(st: ts.Statement | undefined): boolean {
  if (!st || !ts.isExpressionStatement(st)) return false;
  const call = unwrap(st.expression);
  if (!ts.isCallExpression(call) || isLogCall(call as ts.Node)) return false;
  let answers = false;
  for (let e: ts.Expression = call; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) {
    if (ts.isCallExpression(e) && /^(?:status|sendStatus|json|send|end)$/.test(calleeName(e) ?? "")) answers = true;
  }
  return answers && REFUSAL.test(call.getText());
}

const REFUSAL = /\b40[0-9]\b|not ?found|notFound|forbidden|unauthori[sz]ed|denied|\berror\b|success:\s*false/i;

/** Round 29's D1 rule (and the Mongoose text lookup) asks for a write after the lookup; the others do not (round 30: the lookup decides the id). */
function writesAfterIf(stmt: ts.Node, pos: number, bound: boolean): boolean {
  if (!bound) return true;
  const fn = enclosingFunction(stmt);
  return !!fn?.body && writesAfter(fn.body, pos);
}

const WRITE_CALLS = /^(?:update\w*|delete\w*|create\w*|insert\w*|upsert\w*|run|destroy|remove|save|batch)$/;
/** A function of the project named for a write (`revokeAllUserSession(db, user.id)`, `deleteGoal(id)`, `markGoalAsFailed(id)`). */
const WRITE_FUNCTION_RE = /^(?:update|delete|create|insert|upsert|destroy|remove|save|revoke|mark|set|soft[dD]elete|archive)[A-Z]\w*$/;

/** A call named for a write after `pos` in the function, not in a nested function. */
function writesAfter(body: ts.Node, pos: number): boolean {
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit || (isFunctionLike(n) && n !== body.parent)) return;
    if (n.pos >= pos && ts.isCallExpression(n) && (ts.isPropertyAccessExpression(n.expression) ? WRITE_CALLS.test(n.expression.name.text) : ts.isIdentifier(n.expression) && WRITE_FUNCTION_RE.test(n.expression.text))) hit = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return hit;
}

/**
 * `kv.get(\`job:${jobId}\`)`, `jobStore.get(jobId)` (a store the handler built around its namespace):
 * a key-value read of one key under the code's own prefix, which matches an entry or none. An object
 * store's `get` (`BUCKET.get(file)`, R2, S3) reads any object of the bucket by name: not one.
 */
function keyLookup(at: ts.CallExpression, value: ts.Node): boolean {
  const recv = at.expression;
  if (calleeName(at) !== "get" || at.arguments.length > 2 || !ts.isPropertyAccessExpression(recv)) return false;
  const key = at.arguments[0];
  if (!key || value.pos < key.pos || value.end > key.end) return false;
  const holder = unwrap(recv.expression);
  const name = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : "";
  if (!name || OBJECT_STORE_RE.test(name)) return false;
  const k = unwrap(key);
  if (ts.isTemplateExpression(k) && k.head.text.length > 0) return true;
  // Deno KV's key of parts under the code's own prefix (`kv.get(['workout_plan', planId])`): one entry or none.
  if (denoKvKey(k)) return true;
  if (ts.isBinaryExpression(k) && k.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteralLike(unwrap(k.left))) return true;
  return ts.isIdentifier(holder) && builtStore(holder);
}

const OBJECT_STORE_RE = /bucket|r2|s3|storage|blob|files?$|assets?$|uploads?$/i;

/** `['workout_plan', planId]`: a Deno KV key whose first part is the code's own literal prefix. */
function denoKvKey(k: ts.Node): boolean {
  const first = ts.isArrayLiteralExpression(k) && k.elements.length >= 2 ? unwrap(k.elements[0]!) : undefined;
  return !!first && ts.isStringLiteralLike(first) && first.text.length > 0;
}

/** `const jobStore = createJobStore(c.env.KV)`: a store the code made, whose `get` keys the namespace its own way. */
function builtStore(id: ts.Identifier): boolean {
  const found = constInitializer(id);
  const init = found && unwrap(found);
  return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && /^(?:create|make|get)\w*Store$/.test(init.expression.text);
}

/** A name of the signed-in user (or the account it acts for): `userId`, `user.id`, `session.user.id`, `ownerId`. */
const OWNER_RE = /^(?:(?:user|owner|author|creator|member|tenant|clerk_?user)(?:_?[iI]d)?|uid)$/i;

/**
 * The lookup is scoped to the signed-in user: besides the value, its filter names the user (`where: { id,
 * userId }`, `study: { userId }`, `.eq("id", id).eq("user_id", user.id)`). Only the user's own rows pass.
 */
export function ownerScoped(chain: readonly ts.CallExpression[], value?: ts.Node): boolean {
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit || (value && (n === value || (n.pos >= value.pos && n.end <= value.end)))) return;
    if (ts.isPropertyAssignment(n)) return visit(n.initializer);
    if (ts.isIdentifier(n) && OWNER_RE.test(n.text)) hit = true;
    else ts.forEachChild(n, visit);
  };
  for (const c of chain) for (const a of c.arguments) visit(a);
  return hit;
}

/**
 * The query `at` belongs to names the signed-in user somewhere in its chain (`findFirst({ where: { id:
 * studyId, userId } })`, `.eq("id", id).eq("user_id", user.id)`): an ownership check's lookup.
 */
export function queryNamesOwner(at: ts.CallExpression): boolean {
  let top: ts.Node = at;
  while (top.parent && ((ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top) || (ts.isCallExpression(top.parent) && top.parent.expression === top))) top = top.parent;
  const chain: ts.CallExpression[] = [];
  for (let e: ts.Node = top; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) if (ts.isCallExpression(e)) chain.push(e);
  return ownerScoped(chain);
}

/**
 * A column named for a token (`token`, `invitation_token`, `shareToken`): the random text a link or an
 * invitation carries, which the code only looks up. Other columns keep the earlier rounds' decided labels
 * (an unauthenticated function's `license_key`, a password or a row id raw in `.eq()` is a use).
 */
const TOKEN_COLUMN_RE = /^(?:\w+_)?token$|^[a-z]\w*Token$/;

/**
 * `supabase.from("deal_invitations").select("*").eq("invitation_token", token).single()`: a PostgREST
 * read of one row (`.single()`, `.maybeSingle()`) filtered on a token column by the value (held round 35,
 * the lead's decisions on deal-flow's invitation and share tokens, debatable: the session-30 equality
 * filter whose miss and error end the request, round 27's public token looked up first). supabase-js
 * puts any value into the URL as text, so a body's object or number matches no row or comes back as the
 * reply's `error`, never a throw: only a token the store holds gets past the miss test.
 */
function postgrestRow(at: ts.CallExpression, value: ts.Node, chain: readonly ts.CallExpression[]): boolean {
  const col = at.arguments[0] && unwrap(at.arguments[0]);
  if (calleeName(at) !== "eq" || at.arguments.length !== 2 || unwrap(at.arguments[1]!) !== value || !col || !ts.isStringLiteralLike(col) || !TOKEN_COLUMN_RE.test(col.text)) return false;
  const names = chain.map((c) => calleeName(c) ?? "");
  return names.includes("from") && names.includes("select") && (names.includes("single") || names.includes("maybeSingle"));
}

/** knex's equality filters: `.where(column, value)`, `.andWhere(…)`, the project's own `.whereEqualLowercase(…)`. */
const TEXT_WHERE_RE = /^(?:and)?where(?:Equal\w*)?$/i;
/** A column named for a key or a reference to one (`id`, `noteId`, `uuid`): a conversion, not text matched as it is. */
const KEY_COLUMN_RE = /(?:^|[._])(?:id|uuid|ID|UUID)$|[a-z](?:Id|Uuid|ID)$/;

/**
 * `.where(FieldNameUser.username, username)`, `.where({ alias })`: a knex equality filter on a text column
 * (not one named for a key) whose value is the text itself, matched as it is (the equality-filter decision).
 */
function textWhere(at: ts.CallExpression, value: ts.Node): boolean {
  if (ormTextWhere(at, value)) return true;
  if (!TEXT_WHERE_RE.test(calleeName(at) ?? "") || !ts.isPropertyAccessExpression(at.expression)) return false;
  const [a, b] = at.arguments.map(unwrap);
  if (at.arguments.length === 2 && b === value) return !!a && !KEY_COLUMN_RE.test(a.getText());
  if (at.arguments.length !== 1 || !a || !ts.isObjectLiteralExpression(a)) return false;
  const prop = a.properties.find((p) => (ts.isShorthandPropertyAssignment(p) && p.name === value) || (ts.isPropertyAssignment(p) && unwrap(p.initializer) === value));
  return !!prop?.name && !KEY_COLUMN_RE.test(prop.name.getText());
}

/** A column named for a date, a time or a number (`created_at`, `expiresAt`, `amount`): a conversion, not text. */
const NON_TEXT_COLUMN_RE = /(?:^|_)(?:at|on|date|time|amount|count|price|total|number|num|age)$|[a-z](?:At|On|Date|Time|Amount|Count|Price|Total|Number)$/;

/**
 * Sequelize's and TypeORM's lookup of one row by a text column, the value as it is: `findOne({ where: { public_code:
 * publicCode } })`, TypeORM's `findOneBy({ slug })` (the equality-filter decision of session 30, which names both; the
 * Nest service paragraph's knex filter in another ORM: flexrelat-api `documents.service.ts`, retired round 48, session 45).
 * Prisma has no `findOne`; a Mongoose filter (`findOne({ code })`, no `where`) stays a use, as do key, date and number columns.
 */
function ormTextWhere(at: ts.CallExpression, value: ts.Node): boolean {
  const name = calleeName(at);
  if ((name !== "findOne" && name !== "findOneBy") || at.arguments.length !== 1 || !ts.isPropertyAccessExpression(at.expression)) return false;
  const prop = value.parent;
  if (!prop || !(ts.isShorthandPropertyAssignment(prop) || (ts.isPropertyAssignment(prop) && unwrap(prop.initializer) === value))) return false;
  const column = nameText(prop.name);
  if (!column || KEY_COLUMN_RE.test(column) || NON_TEXT_COLUMN_RE.test(column)) return false;
  const filter = prop.parent;
  if (name === "findOneBy") return filter === unwrap(at.arguments[0]!);
  const where = filter.parent;
  return !!where && ts.isPropertyAssignment(where) && where.initializer === filter && nameText(where.name) === "where" && where.parent === unwrap(at.arguments[0]!);
}

/**
 * The service method a NestJS route string is handed to looks it up first (the look-up-first and
 * equality-filter decisions, one hop into an injected service): before anything else is done with the
 * parameter, a knex lookup of one row filters on it as text (`.whereEqualLowercase(FieldNameAlias.alias,
 * alias).first()`) and a miss throws (`if (note === undefined) throw new NotInDBError(…)`, a 404). Uses
 * before it may only ask a question of it (`this.aliasService.isAliasForbidden(alias)`) or log it.
 */
export function serviceLooksUpFirst(param: ts.ParameterDeclaration, fn: FunctionLike, depth = 0): boolean {
  if (!ts.isIdentifier(param.name) || !fn.body) return false;
  for (const ref of findRefs(param.name.text, fn.body, fn.body.pos)) {
    // Named in the message of a refusal (`throw new ForbiddenIdError(\`The alias '${alias}' is forbidden\`)`).
    if (inThrow(ref, fn)) continue;
    const top = climb(ref);
    // `.where({ username })`, `findOne({ where: { id: memberId } })`: the value a field of the filter object; a part of
    // a Deno KV key (`kv.get(['workout_plan', planId])`).
    const arg = top.parent && ts.isArrayLiteralExpression(top.parent) && denoKvKey(top.parent) ? top.parent : filterObject(top);
    const call = arg.parent;
    // `const category = await getCategoryById(kv, categoryId)`, a function of the same module (or a method of the same
    // class) that itself looks its parameter up first, a miss throwing (vball-training-tracker's `updateCategory`,
    // retired round 48, session 45): the value is looked up first one call down. One such hop.
    if (depth === 0 && arg === top && call && ts.isCallExpression(call) && call.arguments.includes(top as ts.Expression)) {
      const callee = sameModuleFunction(call, fn);
      const p = callee?.parameters[call.arguments.indexOf(top as ts.Expression)];
      if (callee && p && !p.dotDotDotToken && serviceLooksUpFirst(p, callee, depth + 1)) return true;
    }
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(arg as ts.Expression)) return false;
    if (lookedUpFirst(call, top, true)) return true;
    // `const user = await this.users.findOneBy({ id: userId }); if (!user) return null;`, the value never read
    // again: the service goes on with the row it found, or gives its caller nothing (held round 36, the lead's
    // look-up-first decision for Nest route ids, agree36d's notes 1 and 2).
    if (arg !== top && ONE_ROW.has(calleeName(call) ?? "") && lookedUpFirst(call, top, false, true, true, true) && !readAfter(param.name.text, call, fn)) return true;
    if (arg !== top) return false;
    // `const group = await this.getRawGroupByName(name)`, a method of the class that returns the lookup.
    if (helperLooksUp(call, call.arguments.indexOf(top as ts.Expression), fn) && lookedUpFirst(call, top, true, true)) return true;
    if (QUESTION_RE.test(calleeName(call) ?? "") || isLogCall(call as ts.Node)) continue;
    return false;
  }
  return false;
}

/** The function a call names in the module of `fn`: a top-level function declaration (`getCategoryById(kv, id)`), or a method of the class (`this.findOne(id)`, verifier.ts's ownClassMethod). */
function sameModuleFunction(call: ts.CallExpression, fn: FunctionLike): FunctionLike | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) {
    for (const st of fn.getSourceFile().statements) if (ts.isFunctionDeclaration(st) && st.name?.text === e.text && st.body) return st;
    return undefined;
  }
  return ownClassMethod(call);
}

/**
 * A method of another module that only returns the lookup of one row filtered by its parameter and by the
 * signed-in user (`findOwned(id, userId) { return this.proposals.findOne({ where: { id, user: { id: userId } } }) }`):
 * the caller that tests its answer and ends the request on a miss (`if (!prop) throw new BadRequestException()`)
 * has looked the value up first, scoped to the user (held round 36, upwork_avto_service proposals.controller.ts:34,
 * labelled clean debatable).
 */
export function ownedLookupHelper(param: ts.ParameterDeclaration, fn: FunctionLike): boolean {
  const body = fn.body && ts.isBlock(fn.body) ? fn.body.statements : undefined;
  const last = body?.[body.length - 1];
  if (!ts.isIdentifier(param.name) || !last || !ts.isReturnStatement(last) || !last.expression || !body!.slice(0, -1).every(ts.isVariableStatement)) return false;
  let e = unwrap(last.expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ONE_ROW.has(calleeName(e) ?? "")) return false;
  const chain: ts.CallExpression[] = [];
  for (let c: ts.Expression = e; ts.isCallExpression(c) || ts.isPropertyAccessExpression(c); c = c.expression) {
    if (!ts.isCallExpression(c)) continue;
    if (WRITES.test(calleeName(c) ?? "")) return false;
    chain.push(c);
  }
  const refs = findRefs(param.name.text, fn.body!, fn.body!.pos);
  return refs.length > 0 && refs.every((r) => r.pos >= e.pos && r.end <= e.end && filterObject(climb(r)) !== climb(r)) && ownerScoped(chain, refs[0]);
}

/** The object literal of a call's filter holding the value (through nested objects: `{ where: { id } }`), or the value itself. */
export function filterObject(top: ts.Node): ts.Node {
  let arg = top;
  for (let i = 0; i < 4; i++) {
    const p = arg.parent;
    const field = p && (ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === arg)) ? p.parent : undefined;
    if (!field || !ts.isObjectLiteralExpression(field)) break;
    arg = field;
  }
  return arg;
}

/** The parameter is read again after the call (outside it). */
function readAfter(name: string, call: ts.CallExpression, fn: FunctionLike): boolean {
  return !!fn.body && findRefs(name, fn.body, call.end).length > 0;
}

/** A method named for a yes-or-no question (`isAliasForbidden`, `hasAccess`): it answers, it keeps nothing. */
const QUESTION_RE = /^(?:is|has)[A-Z]\w*$/;

function inThrow(n: ts.Node, fn: FunctionLike): boolean {
  for (let p = n.parent; p && p !== fn; p = p.parent) {
    if (ts.isThrowStatement(p)) return true;
    if (isFunctionLike(p)) return false;
  }
  return false;
}

/**
 * `this.getRawGroupByName(name)` where the class's method only returns a knex lookup of one row filtering
 * a text column on its parameter: `return await dbActor(TableGroup).select().where(FieldNameGroup.name, name).first()`.
 */
function helperLooksUp(call: ts.CallExpression, index: number, fn: FunctionLike): boolean {
  const callee = call.expression;
  if (index < 0 || !ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const cls = fn.parent;
  if (!cls || !ts.isClassLike(cls)) return false;
  const method = cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && nameOf(m) === callee.name.text);
  const param = method?.parameters[index];
  const body = method?.body?.statements;
  // Only declarations before it (`const dbActor = transaction ?? this.knex`); the parameter is read once, in the filter.
  const last = body?.[body.length - 1];
  if (!param || !ts.isIdentifier(param.name) || !last || !ts.isReturnStatement(last) || !last.expression || !body!.slice(0, -1).every(ts.isVariableStatement)) return false;
  let e = unwrap(last.expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ONE_ROW.has(calleeName(e) ?? "")) return false;
  const refs = findRefs(param.name.text, method!.body!, method!.body!.pos);
  for (let c: ts.Expression = e; ts.isCallExpression(c) || ts.isPropertyAccessExpression(c); c = c.expression) {
    if (ts.isCallExpression(c) && WRITES.test(calleeName(c) ?? "")) return false;
    if (ts.isCallExpression(c) && refs.some((r) => textWhere(c as ts.CallExpression, climb(r)))) return refs.length === 1;
  }
  return false;
}

function nameOf(m: ts.MethodDeclaration): string | undefined {
  return ts.isIdentifier(m.name) ? m.name.text : undefined;
}

/**
 * Round 29's D1 rule through Drizzle on SQLite: `const existing = await db.select().from(order).where(and(eq(order.id, id),
 * isNull(order.deletedAt))).limit(1); if (existing.length === 0) return notFound(c, …)`, then a write. SQLite binds any
 * value as it is (a `NaN` from `Number(param)` binds as `NULL` and matches no row), so only an id the store holds gets
 * past the miss test. `query` is the Drizzle read whose `eq` filter compares the value to a column of a `sqliteTable`
 * (equality-filter.ts `drizzleRead`, drizzle-column.ts). A read-only handler stays a use.
 */
export function drizzleSqliteLookedUpFirst(query: ts.CallExpression, value: ts.Node): boolean {
  // A `select` chain only: the relational `findFirst` of an unguarded route stays a use (zenportal's public report
  // token, a decided finding of the tune part; drizzleLookedUpFirst takes it behind a guard).
  return calleeName(query) !== "findFirst" && oneRowRead(query) && lookedUpFirst(query, value, false, true, true);
}

/** `….limit(1)`, `.get()`, the relational `db.query.t.findFirst(…)`: a Drizzle read of at most one row. */
function oneRowRead(query: ts.CallExpression): boolean {
  const names = chainNames(query);
  const last = names[names.length - 1];
  return last === "findFirst" || last === "get" || (last === "limit" && query.arguments.length === 1 && unwrap(query.arguments[0]!).getText() === "1");
}

/**
 * A Drizzle read of one row looked up first (retired held round 37, nona's user routes, the lead's look-up-first decision,
 * debatable): the value's first decisive use is `eq(column, value)` on a column the project's table keeps as text, in the
 * filter of `db.select(…).from(t).where(…).limit(1)` (`.get()`, the relational `db.query.t.findFirst({ where })`), the rows
 * bound and tested at once with a branch that ends the request (`if (rows.length === 0) return notFound(c)`), and a write
 * follows (round 29's D1 rule) in which the value keys nothing: the writes key on the row found (`.where(eq(user.id,
 * existing.id))`). A read that only answers the row, and a write filtered or named by the raw value
 * (`db.update(t).set(…).where(eq(t.id, id))`, `deleteGoal(id)`), keep it a use: the decided labels of earlier rounds.
 */
export function drizzleLookedUpFirst(query: ts.CallExpression, value: ts.Node): boolean {
  if (!oneRowRead(query)) return false;
  const fn = enclosingFunction(query);
  if (!fn?.body || !gatedRoute(fn) || !lookedUpFirst(query, value, false, true, true)) return false;
  return !readsAfter(unwrap(value as ts.Expression), fn.body, query.end).some(keysWrite);
}

/** The reads of the value after `pos` in the function: its name's references, or the same read again (`req.params.handle`). */
function readsAfter(value: ts.Expression, body: ts.Node, pos: number): ts.Node[] {
  if (ts.isIdentifier(value)) return findRefs(value.text, body, pos);
  const text = value.getText();
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (n.end <= pos) return;
    if (n.pos >= pos && n.kind === value.kind && n.getText() === text) out.push(n);
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/**
 * A route handler registered behind a guard of its own (`app.delete("/:id", requirePermission(PERMISSION.USER_DELETE),
 * async (c) => …)`): a middleware between the path and the handler that is no validator (`zValidator("json", schema)`
 * checks the body, not the caller). Round 29's decision takes admin-only routes; an unauthenticated function's row id in
 * a lookup stays a use (the docs' held round 35 line, agree37c's note 2).
 */
function gatedRoute(fn: FunctionLike): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== fn || !ROUTE_METHOD_RE.test(calleeName(call) ?? "")) return false;
  return call.arguments.slice(1, -1).some((a) => {
    const m = unwrap(a);
    const name = ts.isCallExpression(m) ? calleeName(m) : ts.isIdentifier(m) ? m.text : undefined;
    return !!name && !/valid/i.test(name);
  });
}

const ROUTE_METHOD_RE = /^(?:get|post|put|patch|delete|all)$/;

/** The methods of a query chain, innermost first (`select`, `from`, `where`, `limit`). */
function chainNames(top: ts.CallExpression): string[] {
  const out: string[] = [];
  for (let e: ts.Expression = top; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) if (ts.isCallExpression(e)) out.unshift(calleeName(e) ?? "");
  return out;
}

/**
 * The reference keys a write: an argument of a function named for one (`deleteGoal(goalId)`), or inside the filter of a
 * chain that writes (`db.update(t).set(…).where(eq(t.publicId, id))`, through `and`/`eq`); a field of an object a call
 * stores (`logAudit(db, { resourceId: id })`) keys nothing.
 */
function keysWrite(ref: ts.Node): boolean {
  let cur: ts.Node = ref;
  for (let i = 0; i < 12 && cur.parent; i++) {
    const p: ts.Node = cur.parent;
    if (ts.isObjectLiteralElementLike(p) || ts.isObjectLiteralExpression(p) || isFunctionLike(p) || ts.isStatement(p)) return false;
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      if (ts.isIdentifier(p.expression) && WRITE_FUNCTION_RE.test(p.expression.text)) return true;
      const chain = [p];
      for (let e: ts.Expression = p.expression; ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = e.expression) if (ts.isCallExpression(e)) chain.push(e);
      if (chain.some((c) => WRITES.test(calleeName(c) ?? ""))) return true;
    }
    cur = p;
  }
  return false;
}

/**
 * Round 39's look-up-first decision through a service of another module (xfaci/lakapsul's Fastify controllers, decided
 * clean; the docs' "route id looked up first" with session 29's equality filter): a route parameter (a path segment,
 * always text) handed to a function of the project whose first use of it is a Prisma lookup of one row
 * (`prisma.booking.findUnique({ where: { id: bookingId } })`, `findFirst({ where: { OR: [{ id }, { username: id }] } })`)
 * on fields the project's schema keeps as text matched as sent (`String`, no `@db.Uuid`: a value the store does not hold
 * matches no row, none throws), the miss ending the request: the function tests the row and throws or refuses
 * (`if (!booking) throw new Error('BOOKING_NOT_FOUND')`), or it gives its caller nothing (`return null`, or it only
 * returns the lookup, `getById(id) { return prisma.booking.findUnique(…) }`) and the caller at `call` binds the answer
 * and ends the request on a miss (`if (!booking) return reply.status(404)…`). What is done with the value afterwards
 * (an update keyed by the row found) is then decided. `name` is the parameter's name in `fn` (or the name it destructures
 * the field into); `textField` reads the Prisma schema.
 */
export function prismaServiceLooksUpFirst(name: string, fn: FunctionLike, call: ts.CallExpression, index: number, textField: (model: string, field: string) => boolean | undefined, guardedApp = false): boolean {
  if (!fn.body || !ts.isBlock(fn.body) || index < 0) return false;
  // Log lines naming the value first (`this.logger.log(\`Updating patient ${patientId}\`)`) keep nothing of it, and a
  // comparison only asks a question of it (`if (viewerUserId === targetUserId) throw new BadRequestException(…)`, sunnsteel's
  // follow routes, retired round 48, session 45).
  const all = findRefs(name, fn.body, fn.body.pos).filter((r) => !inLogCall(r, fn));
  let asked = 0;
  while (asked < all.length && comparedOnly(all[asked]!)) asked++;
  const refs = all.slice(asked);
  const first = refs[0];
  if (!first) return false;
  const lookup = prismaOneRowLookup(first);
  if (!lookup) {
    // `const patient = await this.findOne(patientId)`, a method of the same class whose own first use of its parameter
    // is such a lookup with a miss that throws (`if (!patient) throw new NotFoundException(…)`): the value is looked up
    // first one call down (MigueLeft/precision-back's `updateClinicalInfo`, session 45), then written.
    const helper = ownLookupHelper(first, textField);
    return !!helper && refs.every((r) => r === first || r.pos > helper.end) && writesAfter(fn.body, helper.end) && signedInCaller(call, guardedApp);
  }
  const model = prismaModelOf(lookup);
  // Every read of the value inside the lookup keys a text field of its filter; none before it.
  const inside = refs.filter((r) => r.pos >= lookup.pos && r.end <= lookup.end);
  if (!model || !inside.every((r) => { const column = filterColumn(r, lookup); return !!column && textField(model, column) === true; })) return false;
  // Before a write (round 29: "looked up first (404 on a miss) before any write"; held round 36: the row found then
  // written): a read-only method answering the row stays a use, as do an unauthenticated route's ids (held round 35).
  if (!writesAfter(fn.body, lookup.end) || !signedInCaller(call, guardedApp)) return false;
  const top = climb(first);
  if (lookedUpFirst(lookup, top, false, true)) return true;
  return lookedUpFirst(lookup, top, false, true, false, true) && lookedUpFirst(call, call.arguments[index]!, false, true);
}

/** The reference is an operand of an equality comparison (`a === b`, `a !== b`): a question asked of it, nothing kept. */
function comparedOnly(ref: ts.Node): boolean {
  const p = climb(ref).parent;
  if (!p || !ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
}

/** The reference is an argument of a log call (`this.logger.log(…)`, `console.info(…)`) inside `fn`. */
function inLogCall(ref: ts.Node, fn: FunctionLike): boolean {
  for (let p = ref.parent; p && p !== fn; p = p.parent) {
    if (ts.isCallExpression(p) && isLogCall(p as ts.Node)) return true;
    if (ts.isStatement(p) || isFunctionLike(p)) return false;
  }
  return false;
}

/**
 * `this.findOne(patientId)` holding `ref` as an argument, where the class's method `findOne(id)` first uses its parameter
 * (log lines aside) as the key of a Prisma lookup of one row on a text field, the row bound and a miss throwing: the call.
 */
function ownLookupHelper(ref: ts.Node, textField: (model: string, field: string) => boolean | undefined): ts.CallExpression | undefined {
  const top = climb(ref);
  const call = top.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(top as ts.Expression);
  const method = ownClassMethod(call);
  const param = method?.parameters[index];
  if (index < 0 || !method?.body || !param || !ts.isIdentifier(param.name)) return undefined;
  const first = findRefs(param.name.text, method.body, method.body.pos).find((r) => !inLogCall(r, method));
  const lookup = first && prismaOneRowLookup(first);
  const model = lookup && prismaModelOf(lookup);
  if (!first || !lookup || !model) return undefined;
  const column = filterColumn(first, lookup);
  return column && textField(model, column) === true && lookedUpFirst(lookup, climb(first), false, true) ? call : undefined;
}

/** `await request.jwtVerify()`, `if (!req.user) return res.status(401)…`, `@UseGuards(JwtAuthGuard)`: a handler only the signed-in reach. */
const SIGNED_IN_RE = /\bjwtVerify\s*\(|\bif\s*\(\s*!\s*(?:req|request|ctx\.state)\.user\s*\)/;

/**
 * The call's handler lets only a signed-in user reach it: a check before the call, a NestJS guard on the method or its
 * class, or (`guardedApp`, see global-guard.ts) the app's global sign-in guard on a controller method not marked public.
 */
function signedInCaller(call: ts.CallExpression, guardedApp: boolean): boolean {
  const fn = enclosingFunction(call);
  if (!fn?.body) return false;
  if (guardedApp && guardedControllerMethod(fn)) return true;
  const sf = call.getSourceFile();
  if (SIGNED_IN_RE.test(sf.text.slice(fn.body.getStart(sf), call.getStart(sf)))) return true;
  const guarded = (n: ts.Node): boolean => ts.canHaveDecorators(n) && (ts.getDecorators(n) ?? []).some((d) => ts.isCallExpression(d.expression) && calleeName(d.expression) === "UseGuards");
  return guarded(fn) || (!!fn.parent && ts.isClassLike(fn.parent) && guarded(fn.parent));
}

/** `prisma.<model>.findUnique(…)` / `findFirst(…)` (or `this.prisma.<model>`, `db.<model>`) holding the reference in its first argument. */
function prismaOneRowLookup(ref: ts.Node): ts.CallExpression | undefined {
  for (let p = ref.parent; p && !isFunctionLike(p) && !ts.isStatement(p); p = p.parent) {
    if (ts.isCallExpression(p)) {
      const arg = p.arguments[0];
      return /^find(?:Unique|First)$/.test(calleeName(p) ?? "") && arg && ref.pos >= arg.pos && ref.end <= arg.end && prismaModelOf(p) ? p : undefined;
    }
  }
  return undefined;
}

/** The model of `prisma.booking.findUnique`: `booking`. */
function prismaModelOf(lookup: ts.CallExpression): string | undefined {
  const recv = lookup.expression;
  return ts.isPropertyAccessExpression(recv) && ts.isPropertyAccessExpression(recv.expression) ? recv.expression.name.text : undefined;
}

/** The field a reference keys in the lookup's `where` (`{ where: { id } }`, through `OR`/`AND` lists); undefined for anything else. */
function filterColumn(ref: ts.Node, lookup: ts.CallExpression): string | undefined {
  const prop = ref.parent;
  if (!prop || !(ts.isShorthandPropertyAssignment(prop) || (ts.isPropertyAssignment(prop) && prop.initializer === ref))) return undefined;
  const column = nameText(prop.name);
  let obj: ts.Node = prop.parent;
  for (let i = 0; i < 6 && ts.isObjectLiteralExpression(obj); i++) {
    const holder: ts.Node = obj.parent;
    if (ts.isArrayLiteralExpression(holder) && ts.isPropertyAssignment(holder.parent) && /^(?:OR|AND)$/.test(nameText(holder.parent.name) ?? "")) {
      obj = holder.parent.parent;
      continue;
    }
    if (!ts.isPropertyAssignment(holder) || holder.initializer !== obj) return undefined;
    if (nameText(holder.name) === "where") return holder.parent === lookup.arguments[0] ? column : undefined;
    if (!/^(?:OR|AND)$/.test(nameText(holder.name) ?? "")) return undefined;
    obj = holder.parent;
  }
  return undefined;
}
