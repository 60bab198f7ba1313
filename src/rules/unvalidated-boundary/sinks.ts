import { ts } from "../../engine/ts";
import { calleeName, importBindings } from "../../engine/ast";
import { constInitializer, findBinding, receiverSegments, unwrap } from "./ast";
import { isDataHandle } from "./source";
import { TreeMemo } from "../../engine/tree-memo";

// Database, ORM and key-value methods (Prisma, TypeORM, Sequelize, Mongoose, Knex, Drizzle, Redis, DynamoDB).
const DB_METHODS = new Set([
  "find", "findOne", "findMany", "findFirst", "findUnique", "findById", "findByPk", "findAll", "findBy", "findOneBy", "findAndCount",
  "findOrCreate", "findOneAndUpdate", "findByIdAndUpdate", "findByIdAndDelete", "findOneAndDelete", "findOneOrFail", "findFirstOrThrow", "findUniqueOrThrow",
  "create", "createMany", "bulkCreate", "insert", "insertOne", "insertMany", "update", "updateOne", "updateMany", "upsert", "replaceOne",
  "delete", "deleteOne", "deleteMany", "destroy", "remove", "save", "query", "execute", "raw", "where", "whereRaw", "andWhere", "orWhere",
  "aggregate", "count", "countDocuments", "bulkWrite", "increment", "decrement", "merge", "set", "get", "del", "hset", "hget", "hgetall",
  "put", "putItem", "getItem", "bind", "hdel", "hmget", "hmset", "hincrby", "smembers", "srem", "zrem", "lrem", "getdel", "mget", "mset", "setex", "exists", "getex", "setItem", "removeItem", "incr", "sadd", "zadd", "lpush", "rpush", "expire", "getDoc", "setDoc", "updateDoc", "add", "doc",
]);

// A wrapper's dispatch method (`dynamo.call("scan", params)`) and the DocumentClient actions it may name.
const DISPATCH = new Set(["call", "invoke"]);
const DYNAMO_ACTIONS = new Set(["scan", "batchGet", "batchWrite", "transactGet", "transactWrite"]);

// Static model methods on a PascalCase receiver (`User.findOne`, `Order.create`).
const MODEL_STATIC = new Set([
  "find", "findOne", "findById", "findByPk", "findAll", "findOrCreate", "findOneAndUpdate", "findByIdAndUpdate", "findByIdAndDelete", "findOneAndDelete",
  "create", "bulkCreate", "insertMany", "update", "updateOne", "updateMany", "upsert", "deleteOne", "deleteMany", "destroy", "countDocuments", "aggregate", "where", "query", "replaceOne",
]);

const PAGING = new Set(["limit", "skip", "offset", "take", "sort"]);
const POSTGREST = new Set(["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "in", "is", "match", "filter", "or", "contains", "textSearch", "upsert", "insert", "update", "delete"]);

// Vercel Blob calls whose first argument is an object's pathname.
const VERCEL_BLOB_PATHS = new Set(["put", "copy"]);
// Supabase Storage calls that name an object by its path.
const STORAGE_OBJECT = new Set(["upload", "update", "download", "remove", "move", "copy", "createSignedUrl", "createSignedUploadUrl"]);

const FS_METHODS = new Set([
  "readFile", "readFileSync", "writeFile", "writeFileSync", "appendFile", "appendFileSync", "createReadStream", "createWriteStream", "unlink", "unlinkSync",
  "rm", "rmSync", "rmdir", "mkdir", "mkdirSync", "readdir", "readdirSync", "stat", "statSync", "lstat", "access", "existsSync", "open", "copyFile", "rename", "sendFile", "download",
]);

const DATA_RECEIVER_RE = /^(?:db|database|prisma|knex|sql|pool|conn|connection|redis|cache|kv|store|storage|localStorage|sessionStorage|collection|coll|repo|repository|model|em|entityManager|manager|dataSource|tx|trx|supabase|drizzle|kysely|mongo|mongoose|sequelize|dynamo|ddb|docClient|table|bucket|r2|s3|firestore|knexInstance|orm|client|pg|mysql|postgres|sqlite|mssql)$/i;
const DATA_SUFFIX_RE = /(?:Repo|Repository|Model|Store|Collection|Table|Dao|Db|DB|Cache|Storage|Client|Prisma|Redis)$/;
// A function named for what it does to stored data: `getOneResult`, `findStudent`, `updateSubject`.
const DATA_VERB_RE = /^(?:get|find|fetch|load|create|insert|update|upsert|delete|remove|destroy|save|count|search|list)[A-Z]/;
// An object named for the store it is: `storage` (the `IStorage` of many templates), `db`, `userRepository`, `orderDao`.
const STORE_OBJECT_RE = /^(?:storage|db|database|repo|repository|dao|dal)$|[a-z](?:Repo|Repository|Dao|Storage|Store)$/;
// A receiver whose first word names the store it wraps (`cacheManager`, `dbClient`, `redisConn`) takes a key;
// a whole body handed to such a wrapper may only be hashed into one, so only scalars count there.
const DATA_PREFIX_RE = /^(?:cache|db|redis|kv|mongo|dynamo|database|sqlite)[A-Z]/;
const SERVICE_SUFFIX_RE = /(?:Service|Services|Api|API|Gateway)$/;
/** A logging service a class is given (NestJS's `LoggerService`, a project's `AppLoggerService`): its log methods write log lines. */
const LOGGER_SERVICE_RE = /Log(?:ger|ging)Service$/;
const LOG_METHODS = new Set(["log", "error", "warn", "info", "debug", "verbose", "trace", "fatal"]);
const BUILT_SERVICE_RE = /.(?:Service|Api|API|Gateway|Client)$/;
const NOT_MODEL = new Set(["Object", "Array", "Promise", "JSON", "Math", "Number", "String", "Date", "Map", "Set", "Buffer", "URL", "Response", "NextResponse", "Reflect", "Intl", "Symbol", "Atomics", "Error", "Boolean", "BigInt", "Headers", "Request", "FormData", "URLSearchParams", "WeakMap", "WeakSet"]);
// `fs` under the names projects bind it to: `const fileSystem = require("fs")`, `import * as nodeFs from "node:fs"`.
const FS_RECEIVERS = new Set(["fs", "fsp", "promises", "fsPromises", "fse", "fsExtra", "fileSystem", "filesystem", "FileSystem", "nodeFs", "fsSync", "fsAsync", "fsPromise"]);

// A chat bot's update dispatcher: telegraf's and grammY's `bot.handleUpdate(update)`, node-telegram-bot-api's
// `bot.processUpdate(update)`, a project's `telegramBot.update(update)`, or a function named for it (`handleTelegramUpdate`).
const BOT_UPDATE_METHODS = new Set(["handleUpdate", "processUpdate", "update"]);
const BOT_RECEIVER_RE = /^(?:bot|[a-z]\w*Bot)$/;
const BOT_UPDATE_FN_RE = /^(?:handle|process)\w*(?:Telegram|Bot)\w*Update$/;

const DISCORD_MANAGERS = new Set(["members", "channels", "guilds", "roles", "users", "emojis", "messages", "threads", "stickers"]);
const BOT_COLLECTIONS = new Set(["commands", "slashCommands", "cooldowns", "aliases", "events", "buttons", "menus", "modals", "selectMenus"]);

// drizzle-orm's filter operators: `where(eq(users.id, id))` puts the value in the query.
const DRIZZLE_OPERATORS = new Set(["eq", "ne", "gt", "gte", "lt", "lte", "like", "ilike", "notLike", "notIlike", "inArray", "notInArray", "between", "notBetween", "arrayContains", "arrayContained", "arrayOverlaps"]);
const drizzleImports = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/** The local names the module imports drizzle-orm's filter operators under (`import { eq, and } from "drizzle-orm"`). */
export function drizzleOperatorsOf(sf: ts.SourceFile): ReadonlySet<string> {
  let out = drizzleImports.get(sf);
  if (out) return out;
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/^drizzle-orm(?:\/|$)/.test(st.moduleSpecifier.text)) continue;
    const b = st.importClause?.namedBindings;
    if (!b || !ts.isNamedImports(b)) continue;
    for (const el of b.elements) if (DRIZZLE_OPERATORS.has((el.propertyName ?? el.name).text)) names.add(el.name.text);
  }
  drizzleImports.set(sf, (out = names));
  return out;
}

// A tag that runs its template as SQL with the values bound: neon's, postgres.js's and @vercel/postgres's `sql`,
// Prisma's `$queryRaw`/`$executeRaw`, drizzle's `sql` fragment (also `db.sql`, `tx.$queryRaw`).
const SQL_TAG_RE = /^(?:sql|\$queryRaw|\$executeRaw|\$queryRawUnsafe|\$executeRawUnsafe)$/i;

/** True for `` sql`… ${id}` ``: a value in the template is a bound parameter of a query, the query's value as sent. */
export function isSqlTag(tagged: ts.TaggedTemplateExpression): boolean {
  const tag = unwrap(tagged.tag);
  if (ts.isIdentifier(tag)) return SQL_TAG_RE.test(tag.text);
  return ts.isPropertyAccessExpression(tag) && SQL_TAG_RE.test(tag.name.text);
}

/** An options object with a `root` among the call's arguments after the first (Express's `sendFile`). */
function hasRootOption(call: ts.CallExpression): boolean {
  return call.arguments.slice(1).some((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "root"));
}

const PATH_BUILDERS = new Set(["join", "resolve", "normalize"]);

/** `path.join(…)`, `path.resolve(…)`, `path.normalize(…)`. */
export function isPathBuilder(n: ts.Node): n is ts.CallExpression {
  if (!ts.isCallExpression(n) || !PATH_BUILDERS.has(calleeName(n) ?? "")) return false;
  const recv = receiverSegments(n);
  return recv.length === 1 && recv[0] === "path";
}

/**
 * `this.channelDownloadService.download(sourceRef, token, req)`, `attachmentService.download(att)`: a method of the
 * project's service named like Express's `res.download(path)`, judged as a service call (session 43, production Hexabot).
 */
function serviceReceiver(call: ts.CallExpression, recv: readonly string[]): boolean {
  if (recv.some((seg) => seg !== "this" && SERVICE_SUFFIX_RE.test(seg))) return true;
  const t = recv[0] === "this" && recv[1] ? injectedType(call, recv[1]) : undefined;
  return !!t && SERVICE_SUFFIX_RE.test(t);
}

/** What a sink does with the input, for the related-location message. */
export type SinkKind = "database" | "file" | "service" | "redirect";

/**
 * Classifies a call as a database/ORM/KV, file-system or service sink (or a redirect for
 * scalars), or returns undefined. Logging, `res.json` and `JSON.stringify` are not sinks.
 */
export function sinkKind(call: ts.CallExpression | ts.NewExpression, scalar: boolean, handles?: ReadonlySet<string>, services?: ReadonlySet<string>): SinkKind | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  if (ts.isNewExpression(call)) {
    if (/^(?:Put|Update|Delete|Get|Query|Scan|BatchWrite|BatchGet|TransactWrite|TransactGet)(?:Item|Object|Items)?Command$/.test(name)) return "database";
    // S3 operations that name an object by Bucket and Key (multipart uploads, copies, batch deletes): the store's own key.
    if (/^(?:CreateMultipartUpload|UploadPart|CompleteMultipartUpload|AbortMultipartUpload|CopyObject|DeleteObjects)Command$/.test(name)) return "database";
    // `new Model(data)`, and a generic handler's `model` parameter: `new model(document)`.
    if (/(?:Model|Entity)$/.test(name) || name === "model") return "database";
    // `new User(data)` with `User` from the project's models (see collectFacts).
    if (ts.isIdentifier(call.expression) && handles?.has(name)) return "database";
    return undefined;
  }
  const e = call.expression;
  if (ts.isIdentifier(e)) {
    if (FS_METHODS.has(name) && name !== "open" && name !== "download") return "file";
    if (scalar && name === "redirect") return "redirect";
    // koa-send: send(ctx, path)
    if (name === "send" && call.arguments.length >= 2 && ts.isIdentifier(call.arguments[0]!) && call.arguments[0].text === "ctx") return "file";
    // A function imported from the project's data-access module (see collectFacts).
    if (handles?.has(name) && !/^[A-Z]/.test(name)) return "database";
    // `db.select().from(users).where(eq(users.id, id))`: the operator builds the query's filter.
    if (scalar && drizzleOperatorsOf(call.getSourceFile()).has(name)) return "database";
    // A function imported from the project's service module (see collectFacts).
    if (services?.has(name) && !/^[A-Z]/.test(name)) return "service";
    // A webhook's update handed whole to the bot's dispatcher: `handleTelegramBotUpdate(update, env)`.
    if (!scalar && BOT_UPDATE_FN_RE.test(name)) return "service";
    // Vercel Blob: an object's pathname in the store (`put(file.name, file, { access: "public" })`), like a Storage path.
    if (scalar && isBlobPathCall(call)) return "file";
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const recv = heldQueryBuilder(e.expression) ?? receiverSegments(call);
  // A parsed body handed whole to an AI model call (`content: body`): a string was expected. A
  // text in its prompt is what the call exists to send (`client.chat.completions.create`: no database's `create`).
  if (isModelCall(name, recv)) return scalar ? undefined : "service";
  // `bot.handleUpdate(update)`: the bot acts on every field of the update as if the platform had sent it.
  if (!scalar && recv.length >= 1 && (BOT_UPDATE_FN_RE.test(name) || (BOT_UPDATE_METHODS.has(name) && BOT_RECEIVER_RE.test(recv[recv.length - 1]!)))) return "service";
  const root = recv[0];
  // discord.js collections hold the bot's own objects: `client.commands.get(name)`, `guild.members.cache.get(id)`.
  if (recv.some((s, i) => s === "cache" && i > 0 && DISCORD_MANAGERS.has(recv[i - 1]!))) return undefined;
  if (root === "client" && recv.length === 2 && BOT_COLLECTIONS.has(recv[1]!)) return undefined;
  if (recv.some((s) => FS_RECEIVERS.has(s)) && FS_METHODS.has(name)) return "file";
  // (The data `Bun.write` writes counts, like `fs.writeFile`'s.)
  if (isBunFileCall(call)) return "file";
  if (scalar && isPathBuilder(call)) return "file";
  // `res.sendFile(name, { root: "public" })`: send refuses a path that leaves its root (403).
  if ((name === "sendFile" || name === "download") && recv.length >= 1 && !serviceReceiver(call, recv)) return hasRootOption(call) ? undefined : "file";
  if (scalar && name === "redirect" && recv.length >= 1) return "redirect";
  for (const seg of recv) {
    if (seg === "this") continue;
    if (SERVICE_SUFFIX_RE.test(seg)) return "service";
  }
  // `this.projects.findById(id)` where the class declares `projects: ProjectService`.
  if (root === "this" && recv[1]) {
    const t = injectedType(call, recv[1]);
    // `this.logger.log("Download request", name)` with `logger: LoggerService`: the project's logger, a log line.
    if (t && LOGGER_SERVICE_RE.test(t) && LOG_METHODS.has(name)) return undefined;
    if (t && SERVICE_SUFFIX_RE.test(t)) return "service";
    if (t && (DATA_SUFFIX_RE.test(t) || /^(?:Repository|Model|PrismaClient|Pool|Redis|Collection|Knex)$/.test(t))) return "database";
  }
  // Supabase Storage: an object's path in a bucket (`supabase.storage.from("logos").upload(path, file)`).
  if (scalar && STORAGE_OBJECT.has(name) && recv.includes("storage") && recv.includes("from")) return "file";
  // supabase-js / PostgREST filters: `supabase.from("t").select().eq("id", id)`, `.rpc("fn", { id })`.
  if (POSTGREST.has(name) && recv.includes("from") && recv.length >= 2) return "database";
  if (name === "rpc" && recv.length >= 1 && DATA_RECEIVER_RE.test(recv[0]!)) return "database";
  // `Product.find(q).skip(parseInt(req.query.skip)).limit(…)`: paging a query is part of the query.
  if (scalar && PAGING.has(name) && recv.length >= 2 && recv.slice(1).some((s) => DB_METHODS.has(s) && s !== "get" && s !== "set")) return "database";
  // `supabase.from("t").select("*").order("ts").limit(limit)`: so is paging a PostgREST query, and ordering it by a column the client names (`.order(sortBy)`).
  const orderedBy = name === "order" && !!call.arguments[0] && !ts.isStringLiteralLike(call.arguments[0]);
  if (scalar && (PAGING.has(name) || name === "range" || orderedBy) && recv.includes("from") && recv.length >= 2 && !NOT_MODEL.has(recv[0]!)) return "database";
  if (DB_METHODS.has(name)) {
    if (root && handles?.has(root)) return "database";
    for (const seg of recv) {
      if (seg === "this") continue;
      if (DATA_RECEIVER_RE.test(seg) || DATA_SUFFIX_RE.test(seg) || (scalar && DATA_PREFIX_RE.test(seg))) return "database";
    }
    if (root && /^[A-Z][a-z]/.test(root) && !NOT_MODEL.has(root) && MODEL_STATIC.has(name)) return "database";
    // A handle the handler takes itself: `const hostColl = fastify.mongo.db.collection("hosts"); hostColl.insertOne(doc)`.
    if (!scalar && recv.length === 1 && isLocalDataHandle(e.expression)) return "database";
  }
  // An entity object the handler made (`const settings = new SettingsEntity(c.env, "global")`), written through
  // its own methods: `settings.patch(body)`, `configEntity.save(body)` store what they are given.
  if (!scalar && recv.length === 1 && ENTITY_WRITES.has(name) && isLocalEntity(e.expression)) return "database";
  // A function of the project's data-access module imported whole: `resultQueries.getOneResult({ resultId })`.
  if (recv.length === 1 && root && /^[a-z]/.test(root) && handles?.has(root) && DATA_VERB_RE.test(name)) return "database";
  // Drizzle's and Kysely's inserts: `db.insert(notes).values(note)`, `db.insertInto("notes").values(note)`.
  if (name === "values" && root && recv.some((s) => s === "insert" || s === "insertInto") && (DATA_RECEIVER_RE.test(root) || DATA_SUFFIX_RE.test(root) || handles?.has(root) || (root === "this" && !!recv[1] && DATA_RECEIVER_RE.test(recv[1])))) return "database";
  // A store's wrapper that names the client method in its first argument: `dynamo.call("get", params)`.
  if (DISPATCH.has(name) && recv.length === 1 && root && (DATA_RECEIVER_RE.test(root) || DATA_SUFFIX_RE.test(root) || handles?.has(root))) {
    const action = call.arguments[0];
    if (action && ts.isStringLiteralLike(action) && (DB_METHODS.has(action.text) || DYNAMO_ACTIONS.has(action.text))) return "database";
  }
  // A model's own query statics (`Collection.findAllCollections(filters)`, `User.findByEmail(email)`).
  if (recv.length === 1 && /^[A-Z][a-z]/.test(root ?? "") && !NOT_MODEL.has(root!) && (handles?.has(root!) || /^(?:find|get|update|delete|remove|count|search)[A-Z]\w*$/.test(name))) {
    if (/^(?:find|get|update|delete|remove|count|search|create|insert|upsert)/.test(name)) return "database";
    // Prisma-style: prisma.user.create / db.user.findMany / this.prisma.post.update
  }
  return undefined;
}

/**
 * A PostgREST query builder held in a local (`let query = supabase.from("tasks").select("*")`, then
 * `query = query.eq("status", status)`): the segments of the chain it was built with
 * (`["supabase", "from", "select"]`), so that its filters and paging are read as the chain's own.
 * The chain must name a table by a literal (`from("tasks")`), which `Array.from(x)` does not.
 */
function heldQueryBuilder(recv: ts.Expression): string[] | undefined {
  const id = unwrap(recv);
  if (!ts.isIdentifier(id)) return undefined;
  const b = findBinding(id);
  if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return undefined;
  const init = unwrap(b.decl.initializer);
  if (!ts.isCallExpression(init)) return undefined;
  let tableNamed = false;
  for (let c: ts.Expression = init, i = 0; ts.isCallExpression(c) && ts.isPropertyAccessExpression(c.expression) && i < 12; c = unwrap(c.expression.expression), i++) {
    if (c.expression.name.text === "from" && c.arguments[0] && ts.isStringLiteralLike(c.arguments[0])) tableNamed = true;
  }
  const segs = [...receiverSegments(init), calleeName(init) ?? ""];
  return tableNamed && segs.length >= 2 && !NOT_MODEL.has(segs[0]!) ? segs : undefined;
}

/** The content of a Supabase Storage write (`file` of `storage.from("b").upload(path, file)`, `update`): bytes stored, not a path. */
export function isStorageContentArg(call: ts.CallExpression | ts.NewExpression, arg: ts.Node): boolean {
  if (!ts.isCallExpression(call) || call.arguments[0] === arg) return false;
  const name = calleeName(call);
  if (name !== "upload" && name !== "update") return false;
  const recv = receiverSegments(call);
  return recv.includes("storage") && recv.includes("from");
}

/** `put(pathname, body)` / `copy(from, pathname)` of Vercel Blob (`import { put } from "@vercel/blob"`): its first argument names the object. */
export function isBlobPathCall(call: ts.CallExpression | ts.NewExpression): boolean {
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
  const b = importBindings(call.getSourceFile()).get(call.expression.text);
  return b?.spec === "@vercel/blob" && VERCEL_BLOB_PATHS.has(b.exported);
}

/** Bun's file API, `Bun.file(path)` and `Bun.write(path, data)`: a file-system call, like `fs.readFile`/`fs.writeFile`. */
export function isBunFileCall(call: ts.CallExpression | ts.NewExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Bun" && (e.name.text === "file" || e.name.text === "write");
}

/**
 * `const hdm = new HDMClient({ ip }); hdm.printReceipt(data)` (or `new AccountService().saveAccount(dto)`):
 * a method of an object the module builds from the project's own client or service class (`…Client`, `…Service`, `…Api`, `…Gateway`, declared
 * in the file or imported by a relative or alias path): an object that talks to another system.
 */
export function isBuiltServiceCall(call: ts.CallExpression): boolean {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  const id = unwrap(e.expression);
  // Also built in place: `new AccountService().saveAccount(dto)`.
  const init = ts.isNewExpression(id) ? id : ts.isIdentifier(id) ? constInitializer(id) : undefined;
  const made = init && unwrap(init);
  if (!made || !ts.isNewExpression(made) || !ts.isIdentifier(made.expression)) return false;
  const cls = made.expression.text;
  return BUILT_SERVICE_RE.test(cls) && projectClass(cls, call.getSourceFile());
}

function projectClass(name: string, sf: ts.SourceFile): boolean {
  return sf.statements.some((st) => {
    if (ts.isClassDeclaration(st)) return st.name?.text === name;
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/^(?:\.|[@~#]\/)/.test(st.moduleSpecifier.text)) return false;
    const clause = st.importClause;
    if (clause?.name?.text === name) return true;
    const nb = clause?.namedBindings;
    return !!nb && ts.isNamedImports(nb) && nb.elements.some((el) => el.name.text === name);
  });
}

const ENTITY_WRITES = new Set(["save", "patch", "mutate", "setState", "update", "insert", "create", "upsert", "set", "put"]);

/** `entity` of `const entity = new ResidentEntity(c.env, id)` (a class named for a model or an entity, as `new Model(data)`). */
function isLocalEntity(recv: ts.Expression): boolean {
  const id = unwrap(recv);
  if (!ts.isIdentifier(id)) return false;
  const init = constInitializer(id);
  const made = init && unwrap(init);
  return !!made && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && /[a-z](?:Model|Entity)$/.test(made.expression.text);
}

/** A `const` whose initializer is a database/collection handle (`const hosts = db.collection("hosts")`), wherever it is declared. */
function isLocalDataHandle(recv: ts.Expression): boolean {
  const id = unwrap(recv);
  if (!ts.isIdentifier(id)) return false;
  const init = constInitializer(id);
  return !!init && isDataHandle(init);
}

/**
 * A method named for stored data of the project's storage object, named for the store it is
 * (`storage.getPixTransaction(id)`, `db.updateTask(id, s)`, `this.userRepository.findByEmail(email)`),
 * whatever module it comes from. A value handed to it directly is a key or a record; a scalar inside
 * an object handed to it (`db.saveMessage({ text })`) is only a stored column value.
 */
export function isStoreMethodCall(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (!name || !ts.isPropertyAccessExpression(call.expression) || !DATA_VERB_RE.test(name)) return false;
  const recv = receiverSegments(call);
  const store = recv[0] === "this" && recv.length === 2 ? recv[1] : recv.length === 1 ? recv[0] : undefined;
  return !!store && STORE_OBJECT_RE.test(store);
}

// OpenAI-style `chat.completions.create`, `responses.create`, Anthropic's `messages.create`, Gemini's `generateContent`.
const MODEL_RESOURCES = new Set(["completions", "responses", "messages", "embeddings"]);

/** A call of an AI model client: `openai.chat.completions.create(…)`, `anthropic.messages.create(…)`, `model.generateContent(…)`. */
function isModelCall(name: string, recv: readonly string[]): boolean {
  if (name === "generateContent" || name === "generateContentStream") return recv.length >= 1;
  return name === "create" && recv.length >= 2 && MODEL_RESOURCES.has(recv[recv.length - 1]!) && recv.slice(0, -1).some((s) => /openai|anthropic|groq|mistral|deepseek|ai$|^chat$|^beta$/i.test(s));
}

/** `openai.chat.completions.create(…)`, `this.openai.completions.create(…)`, `model.generateContent(…)`. */
export function isModelCallExpr(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  return !!name && ts.isPropertyAccessExpression(call.expression) && isModelCall(name, receiverSegments(call));
}

/** The AI SDK's text and object calls (`import { generateText } from "ai"`): `generateText({ model, prompt })`. */
const AI_SDK_CALLS = new Set(["generateText", "streamText", "generateObject", "streamObject"]);

/** `generateText({ model: openai("gpt-4o"), prompt: \`Goal: ${goal}\` })`: a call of the AI SDK (the `ai` package) that prompts a model. */
export function isAiSdkCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const b = ts.isIdentifier(callee) ? importBindings(call.getSourceFile()).get(callee.text) : undefined;
  return !!b && b.spec === "ai" && AI_SDK_CALLS.has(b.exported);
}

/** Type name of a constructor parameter property or field of the enclosing class (`adminService: AdminService`). */
export function injectedType(node: ts.Node, member: string): string | undefined {
  let cls: ts.Node | undefined = node.parent;
  while (cls && !ts.isClassDeclaration(cls) && !ts.isClassExpression(cls)) cls = cls.parent;
  if (!cls) return undefined;
  const typeName = (t: ts.TypeNode | undefined) => (t && ts.isTypeReferenceNode(t) ? (ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text) : undefined);
  for (const m of (cls as ts.ClassDeclaration).members) {
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === member) return typeName(p.type);
    } else if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === member) return typeName(m.type);
    // A getter that hands out the service (tsyringe's `private get chat(): ChatService { return container.resolve(ChatService); }`,
    // or `return new ChatService()`): its declared type, else the class its one `return` resolves or builds.
    else if (ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === member) return typeName(m.type) ?? resolvedClass(m);
  }
  return undefined;
}

/** `return container.resolve(ChatService)`, `return new ChatService()`: the class a getter's only statement hands out. */
function resolvedClass(getter: ts.GetAccessorDeclaration): string | undefined {
  const only = getter.body?.statements.length === 1 ? getter.body.statements[0] : undefined;
  const e = only && ts.isReturnStatement(only) && only.expression ? unwrap(only.expression) : undefined;
  if (e && ts.isNewExpression(e) && ts.isIdentifier(e.expression)) return e.expression.text;
  const cls = e && ts.isCallExpression(e) && e.arguments.length === 1 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "resolve" ? unwrap(e.arguments[0]!) : undefined;
  return cls && ts.isIdentifier(cls) ? cls.text : undefined;
}
