import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { constInitializer, enclosingFunction, findBinding, findRefs, isFunctionLike, nameText, scopeOf, unwrap } from "./ast";
import { missAnswered, ownerScoped } from "./lookup-first";
import { drizzleOperatorsOf } from "./sinks";

/**
 * The equality-filter decision (the lead, session 29, reconciling round 29's read-only handler with
 * "a route value only used as an equality filter of a read is no use"): a value the store matches
 * as it is, so that a malformed or unexpected value matches no row and the handler answers its miss,
 * is no use there (debatable). Matched as it is (see {@link matchedAsItIs}):
 * - a supabase-js / PostgREST `.eq("email", email)` of a read (`.from(t).select(…)`, no write in the
 *   chain): PostgREST puts any value into the URL as text;
 * - a text value bound as a parameter of a `SELECT` (`.prepare("… WHERE slug = ?").bind(slug)`,
 *   `pool.query("SELECT … WHERE email = $1", [email])`, `` sql`SELECT … WHERE slug = ${slug}` ``), or of a
 *   `DELETE` whose filter also names the owner (`… WHERE user_id = $1 AND session_id = $2`), compared with `=`;
 * - a text value as a column of a lookup's filter object (`findOne({ where: { code } })`, knex
 *   `.where({ token }).first()`);
 * - a text value in a key-value read under the code's own prefix (`` kv.get(`job:${id}`) ``).
 * A column named for a row's own key (`id`, `_id`, `uuid`) is left out: it may be a `uuid` or an
 * integer (a Mongoose ObjectId, a Prisma `Int`), converted before it can match, where a malformed
 * value is an error (a 500), a use. The decided labels of earlier rounds keep a plain read filter
 * of a list a use; the rule takes the filter only where it is scoped to the signed-in user, or where
 * it looks up one row whose miss ends the request (see {@link equalityFiltered}).
 */
export function equalityFiltered(call: ts.CallExpression, arg: ts.Node, value: ts.Node, facts: FilterFacts = {}): boolean {
  // A Drizzle read (held round 36, hotswapai): taken for a server action's argument whose rows the action returns. A
  // route's value in a Drizzle lookup stays a use, as the decided labels of earlier rounds read it (zenportal's
  // `findFirst({ where: and(eq(clients.id, id), eq(clients.userId, userId)) })` on a text id, its miss answered 404),
  // unless a guarded route looks it up first before writes keyed by the row found (see lookup-first.ts drizzleLookedUpFirst).
  const drizzle = facts.action ? drizzleRead(call, arg, facts.drizzleText) : undefined;
  if (drizzle) return rowsReturned(drizzle);
  const how = matchedAsItIs(call, arg, value, facts.textField);
  if (!how) return false;
  if (how === "scoped") return true;
  const chain = chainCalls(call);
  return ownerScoped(chain, value) || missAnswered(call);
}

/** What the equality-filter test reads of the project and the input, beside the call. */
export interface FilterFacts {
  /** The project's Prisma schema on a model's field (see stored-field.ts `prismaTextField`). */
  textField?: TextField;
  /** The project's Drizzle tables on a column (see drizzle-column.ts). */
  drizzleText?: DrizzleText;
  /**
   * The value is a server action's argument (held round 25, held round 36's hotswapai): a read's filter whose rows
   * the action returns is no use (debatable): anyone may call the action, so which rows it answers is authorization.
   */
  action?: boolean;
}

/** Whether the Drizzle column a property read names (`conversations.userId`) is text matched as sent (see drizzle-column.ts). */
export type DrizzleText = (table: ts.Expression, column: string) => boolean | undefined;

/** Drizzle query-builder methods that write: `db.update(t).set(…).where(eq(…))` is no read. */
const DRIZZLE_WRITE_RE = /^(?:update|delete|insert|set|values|onConflictDoUpdate|onDuplicateKeyUpdate)$/;

/**
 * `db.select().from(conversations).where(and(eq(conversations.userId, userId), …))`, a subquery in `exists(…)`
 * included, and the relational `db.query.users.findFirst({ where: eq(users.email, email) })`: a Drizzle read whose
 * filter compares the value with `eq` to a column the project's table keeps as text. The outermost query.
 */
export function drizzleRead(call: ts.CallExpression, arg: ts.Node, text: DrizzleText | undefined): ts.CallExpression | undefined {
  const col = call.arguments[0] && unwrap(call.arguments[0]);
  if (!text || call.arguments[1] !== arg || !ts.isIdentifier(call.expression) || calleeName(call) !== "eq" || !drizzleOperatorsOf(call.getSourceFile()).has("eq")) return undefined;
  if (!col || !ts.isPropertyAccessExpression(col) || text(col.expression, col.name.text) !== true) return undefined;
  let query: ts.CallExpression | undefined;
  let cur: ts.Node = call;
  for (let i = 0; i < 16 && cur.parent; i++) {
    const p: ts.Node = cur.parent;
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
      const method = ts.isPropertyAccessExpression(p.expression) ? p.expression.name.text : undefined;
      if (method === "where") {
        const names = chainCalls(p).map((c) => calleeName(c) ?? "");
        if (!names.some((n) => /^select/.test(n)) || names.some((n) => DRIZZLE_WRITE_RE.test(n))) return undefined;
        cur = query = chainTop(p);
        continue;
      }
      // `and(…)`, `or(…)`, `exists(subquery)`: the filter goes on up.
      if (ts.isIdentifier(p.expression) && /^(?:and|or|exists)$/.test(p.expression.text)) {
        cur = p;
        continue;
      }
      break;
    }
    if (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p)) {
      cur = p;
      continue;
    }
    // `db.query.users.findFirst({ where: eq(users.email, email) })`
    const lookup = ts.isPropertyAssignment(p) && nameText(p.name) === "where" ? p.parent.parent : undefined;
    if (lookup && ts.isCallExpression(lookup) && /^find(?:First|Many)$/.test(calleeName(lookup) ?? "")) query = chainTop(lookup);
    break;
  }
  return query;
}

/** The whole chain a call sits in (`db.select().from(t).where(…)` from its `.where(…)`). */
function chainTop(call: ts.CallExpression): ts.CallExpression {
  let cur = call;
  for (let p = cur.parent; p && ts.isPropertyAccessExpression(p) && p.expression === cur && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p; p = cur.parent) cur = p.parent;
  return cur;
}

/**
 * The rows a query reads are the function's answer: the query returned (`return db.select()…`, `(await q).toReversed()`
 * returned), or bound to a name that a `return` of the same function reads (`return getApiKey(rows[0].name)`).
 */
function rowsReturned(query: ts.Expression): boolean {
  let cur: ts.Node = query;
  while (cur.parent && (ts.isAwaitExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent) || ts.isAsExpression(cur.parent) || ((ts.isPropertyAccessExpression(cur.parent) || ts.isElementAccessExpression(cur.parent) || ts.isCallExpression(cur.parent)) && cur.parent.expression === cur))) cur = cur.parent;
  const p = cur.parent;
  if (!p) return false;
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === cur)) return true;
  if (!ts.isVariableDeclaration(p) || p.initializer !== cur) return false;
  const fn = enclosingFunction(p);
  const returned = (ref: ts.Node): boolean => {
    for (let n: ts.Node | undefined = ref.parent; n && n !== fn; n = n.parent) if (ts.isReturnStatement(n)) return enclosingFunction(n) === fn;
    return false;
  };
  // `const rows = …`, `const [row] = …`, `const { data } = …`: any name bound of the rows.
  const names: string[] = [];
  const bind = (n: ts.BindingName): void => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  bind(p.name);
  return names.some((name) => findRefs(name, scopeOf(p), p.end).some(returned));
}

/**
 * How the store matches the value: `scoped` when the statement itself names the owner (a SQL
 * filter on `user_id`), `asIs` when it matches the value as text, undefined when it does not.
 * `arg` is the call's argument that holds `value` (the value itself, the array of bound values, a
 * filter object), known to be text (a route parameter, a `searchParams.get` value, a form field): a
 * body's field may be an object or a number, which the decided labels of earlier rounds keep a use.
 */
function matchedAsItIs(call: ts.CallExpression, arg: ts.Node, value: ts.Node, textField?: TextField): "asIs" | "scoped" | undefined {
  const name = calleeName(call);
  if (name === "eq") return postgrestRead(call, arg) ? "asIs" : undefined;
  if (name === "bind") return boundRead(call, arg, value);
  if ((name === "query" || name === "execute") && call.arguments[1] === arg) return queriedRead(call, arg, value);
  if (name === "get") return prefixedKey(call, arg) ? "asIs" : undefined;
  return filterObject(call, arg, value, textField) ? "asIs" : undefined;
}

/** A row's own key, which may be a `uuid`, an integer or an ObjectId: `id`, `a.id`, `_id`, `uuid`. */
const KEY_COLUMN_RE = /^(?:_?id|uuid|pk)$/i;
/** A key or a reference to one (`user_id`, `departmentId`, `game_uuid`): as likely a `uuid` or an integer as text. */
const ID_COLUMN_RE = /^(?:_?id|uuid|pk)$|_id$|[a-z0-9]Id$|uuid$/i;
/** A column whose type converts text (a date, a time, a number): a malformed value is an error there. */
const TYPED_COLUMN_RE = /date|time|_at$|[a-z]At$|^(?:year|month|day|age|count|amount|price|qty|quantity|number|num|total|score|rating|version)$/i;
/** Chain methods that write (`.update(…).eq("id", id)`): not a read. */
const WRITE_RE = /^(?:update|delete|insert|upsert|rpc)$/;

/** `supabase.from("users").select("*").eq("email", email).single()`: a read filtered by a column's value as text. */
function postgrestRead(call: ts.CallExpression, arg: ts.Node): boolean {
  const col = call.arguments[0] && unwrap(call.arguments[0]);
  if (call.arguments[1] !== arg || !col || !ts.isStringLiteralLike(col) || ID_COLUMN_RE.test(col.text) || TYPED_COLUMN_RE.test(col.text)) return false;
  const names = chainCalls(call).map((c) => calleeName(c) ?? "");
  return names.includes("from") && names.includes("select") && !names.some((n) => WRITE_RE.test(n));
}

/** The calls of the chain `call` sits in, below and above it (`.from(t).select().eq(…).eq(…).single()`). */
function chainCalls(call: ts.CallExpression): ts.CallExpression[] {
  const out: ts.CallExpression[] = [call];
  let e: ts.Expression = call.expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) {
      out.push(e);
      e = e.expression;
    } else break;
  }
  // `let query = supabase.from("tasks").select("*").eq("user_id", user.id)`, then `query = query.eq("status", status)`:
  // a query built up in a name, every assignment of it extending its own chain.
  const built = ts.isIdentifier(e) ? builtQuery(e) : undefined;
  if (built) for (let b: ts.Expression = built; ts.isCallExpression(b) || ts.isPropertyAccessExpression(b); b = b.expression) if (ts.isCallExpression(b)) out.push(b);
  let cur: ts.Node = call;
  for (let i = 0; i < 20; i++) {
    const p = cur.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== cur || !p.parent || !ts.isCallExpression(p.parent) || p.parent.expression !== p) break;
    out.push(p.parent);
    cur = p.parent;
  }
  return out;
}

/** `db.prepare("SELECT … WHERE slug = ?").bind(slug).first()`: a D1 / better-sqlite3 statement's bound value. */
function boundRead(call: ts.CallExpression, arg: ts.Node, value: ts.Node): "asIs" | "scoped" | undefined {
  const recv = call.expression;
  if (!ts.isPropertyAccessExpression(recv)) return undefined;
  const prepare = unwrap(recv.expression);
  if (!ts.isCallExpression(prepare) || calleeName(prepare) !== "prepare" || arg !== value) return undefined;
  const index = call.arguments.indexOf(arg as ts.Expression);
  if (index < 0 || call.arguments.slice(0, index).some(ts.isSpreadElement)) return undefined;
  return sqlMatches(prepare.arguments[0], index, call.arguments);
}

/** `pool.query("SELECT … WHERE email = $1", [email])`, `conn.execute(sql, [slug])`: one of the bound values. */
function queriedRead(call: ts.CallExpression, arg: ts.Node, value: ts.Node): "asIs" | "scoped" | undefined {
  const list = unwrap(arg as ts.Expression);
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const index = list.elements.findIndex((e) => e === value || unwrap(e) === value);
  if (index < 0 || list.elements.slice(0, index).some(ts.isSpreadElement)) return undefined;
  return sqlMatches(call.arguments[0], index, list.elements);
}

/** An owner column in a statement's filter: `user_id = $1`, `"userId" = ?`. */
const OWNER_COLUMN_RE = /\b(?:user|owner|author|member|tenant)_?id"?\s*=/i;

/**
 * The statement is a `SELECT` (or a `DELETE` whose filter also names the owner) and the value's
 * placeholder (`$n`, or the n-th `?`) is compared with `=` to a column not named for the row's key.
 * `scoped` when the filter also names the owner through another placeholder.
 */
function sqlMatches(sqlArg: ts.Expression | undefined, index: number, bound: readonly ts.Expression[]): "asIs" | "scoped" | undefined {
  const sql = sqlText(sqlArg);
  if (sql === undefined) return undefined;
  const owned = OWNER_COLUMN_RE.test(sql) && bound.length > 1;
  if (!/^\s*(?:select|with)\b/i.test(sql) && !(owned && /^\s*delete\s+from\b/i.test(sql))) return undefined;
  let at = sql.search(new RegExp(`\\$${index + 1}(?!\\d)`));
  if (at < 0) {
    for (let i = 0, seen = -1; i < sql.length; i++) {
      if (sql[i] === "?" && ++seen === index) {
        at = i;
        break;
      }
    }
  }
  const bare = at > 0 ? columnBefore(sql.slice(0, at)) : "";
  // A statement scoped to the owner matches its other key as the labels of round 32 read it (a `varchar`
  // session id); elsewhere a column named for a key may be a `uuid` or an integer.
  const scoped = owned && !OWNER_COLUMN_RE.test(`${bare}=`);
  if (!bare || (scoped ? KEY_COLUMN_RE : ID_COLUMN_RE).test(bare) || TYPED_COLUMN_RE.test(bare)) return undefined;
  return scoped ? "scoped" : "asIs";
}

/**
 * The column an `=` at the end of `sql` compares (`WHERE a.session_id = ` → `session_id`), or "" when the
 * text does not end in a plain `=` (`<=`, `!=`, `LIKE`). Scanned by hand: a regex anchored at the end
 * backtracks over long text.
 */
function columnBefore(sql: string): string {
  let i = sql.length - 1;
  while (i >= 0 && /\s/.test(sql[i]!)) i--;
  if (sql[i] !== "=" || /[<>!=]/.test(sql[i - 1] ?? "")) return "";
  i--;
  while (i >= 0 && /\s/.test(sql[i]!)) i--;
  const end = i + 1;
  while (i >= 0 && /[\w."`]/.test(sql[i]!)) i--;
  return sql.slice(i + 1, end).replace(/["`]/g, "").split(".").pop() ?? "";
}

/** The text of a SQL argument: a literal, a template with no substitution, or a `const` holding one. */
function sqlText(e: ts.Expression | undefined): string | undefined {
  let x = e && unwrap(e);
  if (x && ts.isIdentifier(x)) {
    const init = constInitializer(x);
    x = init && unwrap(init);
  }
  return x && (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) ? x.text : undefined;
}

const OBJECT_STORE_RE = /bucket|r2|s3|storage|blob|files?$|assets?$|uploads?$/i;

/** `` kv.get(`session:${id}`) ``, `cache.get("job:" + id)`: a key-value read of one key under the code's own prefix. */
function prefixedKey(call: ts.CallExpression, arg: ts.Node): boolean {
  const recv = call.expression;
  if (call.arguments[0] !== arg || call.arguments.length > 2 || !ts.isPropertyAccessExpression(recv)) return false;
  const holder = unwrap(recv.expression);
  const name = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : "";
  if (!name || OBJECT_STORE_RE.test(name)) return false;
  const k = unwrap(arg as ts.Expression);
  if (ts.isTemplateExpression(k)) return k.head.text.length > 0;
  return ts.isBinaryExpression(k) && k.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteralLike(unwrap(k.left));
}

/**
 * `` sql`SELECT * FROM chats WHERE user_id = ${userId} AND session_id = ${sessionId}` ``: a tagged query's
 * bound value compared with `=` in a read whose filter also names the owner.
 */
export function sqlTagRead(tpl: ts.TemplateExpression, span: ts.TemplateSpan): boolean {
  const i = tpl.templateSpans.indexOf(span);
  const before = i === 0 ? tpl.head.text : tpl.templateSpans[i - 1]!.literal.text;
  const whole = [tpl.head.text, ...tpl.templateSpans.map((s) => s.literal.text)].join("?");
  const column = columnBefore(before);
  return i >= 0 && /^\s*(?:select|with)\b/i.test(tpl.head.text) && OWNER_COLUMN_RE.test(whole) && !!column && !KEY_COLUMN_RE.test(column) && !TYPED_COLUMN_RE.test(column) && !OWNER_COLUMN_RE.test(`${column}=`);
}

/** Whether a Prisma model's field is text the store matches as sent; undefined when the schema does not say. */
export type TextField = (model: string, field: string) => boolean | undefined;

/** Lookups of rows by a `where` object (Sequelize, Prisma, TypeORM's `findOne`/`findOneOrFail`), and knex's `where`. */
const FILTER_LOOKUPS = new Set(["findOne", "findFirst", "findUnique", "where", "findOneOrFail", "findOneBy"]);

/**
 * `findOne({ where: { code } })`, `findOne({ email })`, `db("t").where({ token }).first()`: the value
 * is a column's own value in the filter of a lookup (not an operator object, not the row's key).
 */
function filterObject(call: ts.CallExpression, arg: ts.Node, value: ts.Node, textField?: TextField): boolean {
  if (!FILTER_LOOKUPS.has(calleeName(call) ?? "") || call.arguments[0] !== arg) return false;
  const prop = value.parent;
  if (!prop || !(ts.isShorthandPropertyAssignment(prop) || (ts.isPropertyAssignment(prop) && prop.initializer === value))) return false;
  const column = nameText(prop.name) ?? "";
  if (!column || ID_COLUMN_RE.test(column) || TYPED_COLUMN_RE.test(column)) return false;
  // `prisma.user.findUnique({ where: { email } })`: where the schema says the field is not text as sent
  // (`Int`, `DateTime`, `@db.Uuid`, an enum), the value is parsed first. (A key named `id` stays a use even
  // as a `String @id @default(cuid())`: the decided and debatable labels of rounds 2x read a route id's
  // Prisma lookup as a use, round 32 once as look-up-first; the rule keeps the majority.)
  const recv = call.expression;
  const model = ts.isPropertyAccessExpression(recv) && ts.isPropertyAccessExpression(recv.expression) ? recv.expression.name.text : undefined;
  if (model && textField?.(model, column) === false) return false;
  const obj = prop.parent;
  // knex's `.where({ token })` and TypeORM's `findOneBy({ p256dh })`; a Mongoose filter (`findOne({ email })`) takes an operator object as sent.
  if (obj === unwrap(arg as ts.Expression)) return /^(?:where|findOneBy)$/.test(calleeName(call) ?? "");
  const where = obj.parent;
  return !!where && ts.isPropertyAssignment(where) && nameText(where.name) === "where" && where.parent === unwrap(arg as ts.Expression);
}

/** Whether a Mongoose model's path is a plain `String` (see stored-field.ts `mongooseTextField`). */
export type MongooseTextField = (model: string, field: string) => boolean | undefined;

/** A plain value of an equality match: a name, a property read, a literal (no operator object, no call). */
function plainValue(e: ts.Expression): boolean {
  const x = unwrap(e);
  return ts.isIdentifier(x) || ts.isPropertyAccessExpression(x) || ts.isStringLiteralLike(x) || ts.isNumericLiteral(x) || x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword;
}

/** `if (/^[a-f0-9]{24}$/.test(id))`, `if (isValidObjectId(id))`, `if (mongoose.Types.ObjectId.isValid(id))`: an ObjectId shape test. */
function objectIdGuarded(n: ts.Node): boolean {
  for (let p = n.parent; p && !isFunctionLike(p); p = p.parent) {
    if (!ts.isIfStatement(p) || p.thenStatement.pos > n.pos || p.thenStatement.end < n.end) continue;
    const test = unwrap(p.expression);
    if (ts.isCallExpression(test) && /^(?:test|isValid|isValidObjectId)$/.test(calleeName(test) ?? "")) return true;
  }
  return false;
}

/**
 * `Issue.findOne({ $or: [{ issueId: id }, { id }] })`: a Mongoose lookup of one document whose filter only
 * matches plain values on paths the model declares as `String`, in `$or`/`$and` lists too (an array literal,
 * or a `const` holding one, with what the code `push`es to it; an `_id` pushed only under an ObjectId
 * shape test). A route's text matches such a path as it is: a malformed value matches no document and
 * cannot throw (held round 35, BUP-Maintenance-HUB's issue routes, the lead's look-up-first decision). A
 * filter on an `ObjectId` path (cast: a CastError, a 500), an operator object, or a model the rule cannot
 * read stays a use.
 */
export function mongooseTextFilter(call: ts.CallExpression, textField: MongooseTextField): boolean {
  const recv = call.expression;
  if (calleeName(call) !== "findOne" || call.arguments.length !== 1 || !ts.isPropertyAccessExpression(recv) || !ts.isIdentifier(recv.expression) || !/^[A-Z]/.test(recv.expression.text)) return false;
  const model = recv.expression.text;
  let matched = 0;
  const filter = (e: ts.Expression, pushed: boolean): boolean => {
    let x = unwrap(e);
    if (ts.isIdentifier(x)) x = constInitializer(x) ?? x;
    if (!ts.isObjectLiteralExpression(x) || x.properties.length === 0) return false;
    return x.properties.every((p) => {
      if (ts.isShorthandPropertyAssignment(p)) return textField(model, p.name.text) === true && ++matched > 0;
      if (!ts.isPropertyAssignment(p)) return false;
      const key = nameText(p.name) ?? "";
      if (key === "$or" || key === "$and") return list(p.initializer);
      if (pushed && key === "_id" && plainValue(p.initializer) && objectIdGuarded(p)) return true;
      return plainValue(p.initializer) && textField(model, key) === true && ++matched > 0;
    });
  };
  const list = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (ts.isArrayLiteralExpression(x)) return x.elements.length > 0 && x.elements.every((el) => filter(el, false));
    if (!ts.isIdentifier(x)) return false;
    const init = constInitializer(x);
    const arr = init && unwrap(init);
    if (!arr || !ts.isArrayLiteralExpression(arr) || !arr.elements.every((el) => filter(el, false))) return false;
    // What the code adds to it before the lookup: `orQuery.push({ _id: id })`.
    const decl = arr.parent;
    for (const ref of findRefs(x.text, scopeOf(decl), decl.end)) {
      if (ref.pos >= call.pos) break;
      const read = ref.parent;
      const push = read?.parent;
      if (!read || !ts.isPropertyAccessExpression(read) || read.name.text !== "push" || !push || !ts.isCallExpression(push) || push.expression !== read) return false;
      if (!push.arguments.every((a) => filter(a, true))) return false;
    }
    return true;
  };
  return filter(call.arguments[0]!, false) && matched > 0;
}

/**
 * The chain a `let` query name was declared with, in the same function (`let query = supabase.from(t).select("*")…`),
 * when every later assignment of the name extends its own value (`query = query.eq(…)`), so the declared chain's
 * filters hold for every read of it; undefined otherwise.
 */
function builtQuery(id: ts.Identifier): ts.Expression | undefined {
  const b = findBinding(id);
  if (b?.kind !== "var" || !ts.isIdentifier(b.decl.name) || !b.decl.initializer || b.decl.pos > id.pos) return undefined;
  const init = unwrap(b.decl.initializer);
  if (!ts.isCallExpression(init)) return undefined;
  const fn = enclosingFunction(b.decl);
  if (!fn?.body || enclosingFunction(id) !== fn) return undefined;
  for (const ref of findRefs(id.text, fn.body, b.decl.end)) {
    const p = ref.parent;
    if (!p || !ts.isBinaryExpression(p) || p.left !== ref || p.operatorToken.kind < ts.SyntaxKind.FirstAssignment || p.operatorToken.kind > ts.SyntaxKind.LastAssignment) continue;
    let r = unwrap(p.right);
    if (ts.isAwaitExpression(r)) return undefined;
    while (ts.isCallExpression(r) || ts.isPropertyAccessExpression(r)) r = unwrap(r.expression);
    if (p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(r) || r.text !== id.text) return undefined;
  }
  return init;
}
