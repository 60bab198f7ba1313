import { ts } from "../../engine/ts";
import type { FunctionLike } from "./ast";
import type { ValueKind } from "./flow";
import { containsAnyOf } from "../../engine/text-scan";

export const CASE_IDS = [
  "expressBody", "expressQuery", "expressParams", "koaRequest", "fastifyRequest", "nextPagesRequest", "nextAppRequest", "nextServerAction",
  "honoRequest", "webRequest", "sveltekitRequest", "remixRequest", "astroRequest", "h3Event", "firebaseCallable", "tanstackServerFn", "nestDecorator", "lambdaEvent", "messagePayload", "postMessageData", "fetchJson", "jsonParseExternal",
] as const;
export type CaseId = (typeof CASE_IDS)[number];

/** Where the failure goes in the Zod fix: the framework's 400 response, or a throwing `parse`. */
export type Channel =
  | { kind: "express"; res: string }
  | { kind: "fastify"; reply: string }
  | { kind: "koa"; ctx: string }
  | { kind: "next"; response: "Response" | "NextResponse" }
  | { kind: "hono"; c: string }
  | { kind: "lambda" }
  // SvelteKit form actions answer a failed form with `fail(400, …)` (a Response is not an action's value).
  | { kind: "fail" }
  // h3 turns a thrown `createError({ statusCode: 400 })` into the answer; `from` when the file imports h3's functions.
  | { kind: "h3"; from?: string }
  // A Firebase callable answers a thrown `HttpsError("invalid-argument", …)` as a 400; `from` when it must be imported.
  | { kind: "httpsError"; error: string; from?: string }
  | { kind: "throw" };

/** One read of external input, found by a framework detector. */
export interface Source {
  caseId: CaseId;
  /** The node the finding is reported on (the read). */
  node: ts.Node;
  /**
   * Where the finding is reported when that is not `node`: an axios response held in a variable is
   * reported at its first `.data` read (the body read, like `await res.json()`), `node` stays the call.
   */
  reportAt?: ts.Node;
  /** Expressions holding the value; the flow analysis starts at each. */
  values: ts.Node[];
  kind: ValueKind;
  /** Short description of the read for the message, e.g. `req.body`. */
  read: string;
  /** The function whose `return` leaves the handler (for the fix's failure channel). */
  handler?: FunctionLike;
  channel: Channel;
  /** The expression the fix parses (defaults to `node` when it is an expression). */
  replace?: ts.Expression;
  /** A parameter that holds the input (NestJS, message handlers): the fix renames it. */
  param?: ts.ParameterDeclaration;
  /** Suffix of the generated schema name: Body, Query, Params, Payload, Response… */
  schemaSuffix: string;
  /** Sources with the same key in one handler are reported once (the first read). */
  dedupeKey?: string;
  /**
   * Field reads of one input with the same key are reported once, at the first field that is used
   * unsafely (`form.get("From")` of a form read field by field); unlike `dedupeKey`, a field
   * validated first decides nothing for the others.
   */
  onceKey?: string;
  /** Later reads with the same key: the fix parses once and replaces them too. */
  siblings?: ts.Node[];
  /** Earlier reads with the same key that decided nothing (`if (req.query.q)`): they shape the schema only. */
  earlier?: ts.Node[];
  /**
   * Input with no trusted caller at all (a server action's arguments): handing it to any other
   * function is a use, not only to a known sink.
   */
  strict?: boolean;
  /**
   * A request part read in a handler that no route call of this module registers inline (a
   * controller): the modules that register it are looked at (elsewhere.ts). `confirm`: report
   * only when a registration without validation is found (Fastify, whose routes declare schemas).
   * `fields`: the fields of the part the read takes (`const { email } = ctx.request.body`), for a
   * validator chain whose earlier function checks them.
   */
  registration?: { part: string; confirm: boolean; fields?: readonly string[] };
  /**
   * A `fetch` Response's text parsed (`JSON.parse(await res.text())`, `.catch(() => "")` on the read
   * too): the other API's reply as `res.json()` would give it, judged by the same rules (its fields
   * relayed, returned to callers), reported as jsonParseExternal at the parse.
   */
  reply?: true;
  /** Reported only where it reaches a file path (the request's own URL path: its other uses are routing). */
  fileOnly?: true;
  /**
   * A socket server's event payload: a read of it is no use, only what reaches a sink (a query, a file
   * path, a property key, the server's own store) or a destructuring that a missing payload throws in.
   */
  sinkOnly?: true;
  /**
   * A browser's socket.io client is listening (its page's own server speaking): what it keeps on `this`
   * or at the top of its module is the page's UI state, not a server's store (see FlowEnv.uiState).
   */
  uiState?: true;
}

/**
 * The input a handler receives as its parameter `param` (a message handler's payload, the sign-in body
 * of a credentials `authorize`): reported on the parameter, thrown on failure; the fix renames it.
 */
export function parameterSource(caseId: CaseId, handler: FunctionLike, param: ts.ParameterDeclaration & { name: ts.Identifier }, kind: ValueKind, schemaSuffix: string): Source {
  return { caseId, node: param.name, values: [param.name], kind, read: param.name.text, handler, channel: { kind: "throw" }, param, schemaSuffix };
}

/** Facts about the file gathered once, before the walk, from its top-level statements. */
export interface FileFacts {
  modules: Set<string>;
  /** Local names bound to `axios.create(...)`. */
  axiosInstances: Set<string>;
  /** Top-level names bound to a database/collection/client handle (`const items = db.collection("items")`). */
  dataHandles: Set<string>;
  /** Functions imported from the project's service modules (`import { can } from "./authorization.service.js"`). */
  serviceFns: Set<string>;
  useServer: boolean;
  isModule: boolean;
  path: string;
  /** The file's text, for the questions below that read it whole. */
  text: string;
  /** Memo of `isBotModule` (frameworks/bots.ts); undefined until asked. */
  bot: boolean | undefined;
  /** Memo of {@link isKoaish}; undefined until asked. */
  koaish: boolean | undefined;
  /** Memo of {@link isSocketish}; undefined until asked. */
  socketish: boolean | undefined;
  /** A browser's socket.io client (frameworks/messages.ts), asked on the first `socket.on` of a socket.io-client file, then kept. */
  browserSocket?: boolean;
  /** The project depends on Fastify and not on Express (from the profile): `(req, res)` handlers are Fastify's. */
  fastifyProject: boolean;
  /** The project's dependencies (from the profile), set by the rule: a file-routed framework is told by them too. */
  dependencies?: ReadonlySet<string>;
  /** The function of another module of the project a call reaches (`postMsg(arr)` imported from `./fetch.js`), set by the rule. */
  imported?: (call: ts.CallExpression) => FunctionLike | undefined;
  /** True when the top of the file imports `local` from a module of the project, the resolver asked for a bare specifier (an alias, a workspace package), set by the rule. */
  fromProject?: (local: string) => boolean;
  /** The project's files by absolute path, and its root (the package's own checked-in files, see parse.ts). */
  fileExists?: (abs: string) => boolean;
  root?: string;
}

export function hasModule(facts: FileFacts, ...names: string[]): boolean {
  for (const n of names) {
    if (facts.modules.has(n)) return true;
    for (const m of facts.modules) if (m.startsWith(`${n}/`)) return true;
  }
  return false;
}

function requireTarget(init: ts.Expression | undefined): string | undefined {
  let e = init;
  while (e && (ts.isPropertyAccessExpression(e) || ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
  if (e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && (e.expression.text === "require" || e.expression.text === "import")) {
    const a = e.arguments[0];
    if (a && ts.isStringLiteral(a)) return a.text;
  }
  return undefined;
}

/**
 * Imports, requires and axios instances from the top level only (cheap).
 * `resolves`: the project's resolver for a bare specifier (a tsconfig alias, a package of the
 * monorepo's workspace: ProjectFiles.resolve), asked only for an import whose names or module
 * already read as data access; a relative or `@/`, `~/` one is the project's by its text.
 */
export function collectFacts(sf: ts.SourceFile, path: string, isModule: boolean, resolves?: (spec: string) => boolean): FileFacts {
  const own = (spec: string): boolean => PROJECT_MODULE_RE.test(spec) || (resolves?.(spec) ?? false);
  const facts: FileFacts = { modules: new Set(), axiosInstances: new Set(), dataHandles: new Set(), serviceFns: new Set(), useServer: false, isModule, path, text: sf.text, bot: undefined, koaish: undefined, socketish: undefined, fastifyProject: false };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      facts.modules.add(st.moduleSpecifier.text);
      // `import { getUserById } from "db/index.ts"`: the project's data-access functions are database calls.
      const nb = st.importClause?.namedBindings;
      // A password's hashing or check from the database package's crypto module (`import { hashPassword, verifyPassword }
      // from "@cap/database/crypto"`: production Cap) reads or writes no row.
      if (DATA_MODULE_RE.test(st.moduleSpecifier.text) && nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!PASSWORD_HASH_FN_RE.test((el.propertyName ?? el.name).text)) facts.dataHandles.add(el.name.text);
      // `import * as resultQueries from "../queries/resultQueries.js"`: the module's functions are database calls.
      if (nb && ts.isNamespaceImport(nb) && DATA_MODULE_RE.test(st.moduleSpecifier.text) && own(st.moduleSpecifier.text)) facts.dataHandles.add(nb.name.text);
      else if (SERVICE_MODULE_RE.test(st.moduleSpecifier.text) && nb && ts.isNamedImports(nb)) for (const el of nb.elements) facts.serviceFns.add(el.name.text);
      // `import { getUserById, deleteTask } from "./tasks"`: the project's own functions named for what they do to stored data.
      if (nb && ts.isNamedImports(nb) && nb.elements.some((el) => DATA_FN_RE.test(el.name.text)) && own(st.moduleSpecifier.text)) for (const el of nb.elements) if (DATA_FN_RE.test(el.name.text)) facts.dataHandles.add(el.name.text);
      const def = st.importClause?.name;
      if (def && MODEL_MODULE_RE.test(st.moduleSpecifier.text) && /^[A-Z]/.test(def.text)) facts.dataHandles.add(def.text);
    }
    else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      facts.modules.add(st.moduleReference.expression.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const m = requireTarget(d.initializer);
        if (m) facts.modules.add(m);
        // `const User = require("../models/userModel")`: a model class; `new User(data)` stores data.
        if (m && MODEL_MODULE_RE.test(m) && ts.isIdentifier(d.name) && /^[A-Z]/.test(d.name.text)) facts.dataHandles.add(d.name.text);
        if (m && ts.isObjectBindingPattern(d.name) && own(m)) {
          // `const { query } = require("./_db")`: like `import { query } from "./_db"`, the data-access module's functions.
          const data = DATA_MODULE_RE.test(m);
          for (const el of d.name.elements) if (ts.isIdentifier(el.name) && (data || DATA_FN_RE.test(el.name.text))) facts.dataHandles.add(el.name.text);
        }
        const init = d.initializer;
        if (init && ts.isIdentifier(d.name) && isDataHandle(init)) facts.dataHandles.add(d.name.text);
        if (init && isAxiosCreate(init) && ts.isIdentifier(d.name)) facts.axiosInstances.add(d.name.text);
      }
    } else if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression) && st.expression.text === "use server") facts.useServer = true;
  }
  return facts;
}

// `bot`, `koaish` and `socketish` each read the whole text, and most files never ask: each is
// answered on first use and kept in the facts (isBotModule in frameworks/bots.ts, the two below). (Plain fields and functions, not getters: a getter
// pair in this per-file literal cost about a second of CPU on the benchmark corpus, in GC.)

/** A Koa module without a Koa import (a controller file): it answers through `ctx.body`/`ctx.status`. */
export function isKoaish(facts: FileFacts): boolean {
  return (facts.koaish ??= !hasModule(facts, "hono") && hasKoaMarker(facts.text));
}

/** A socket.io module without a socket.io import (`module.exports = (io) => …`): `socket.on(…)` and `.emit(…)`. */
export function isSocketish(facts: FileFacts): boolean {
  return (facts.socketish ??= facts.text.includes("socket.on(") && facts.text.includes(".emit("));
}

const hasKoaMarker = containsAnyOf(["ctx.request.", "ctx.body =", "ctx.status ="]);

// `hashPassword`, `verifyPassword`, `comparePasswords`, `hashPin`: a password's hashing or check, named so.
const PASSWORD_HASH_FN_RE = /^(?:hash|verify|compare|check)(?:Password|Passphrase|Pin|Secret)s?$/;
const DATA_MODULE_RE = /(?:^|[/@])_?(?:[a-z]*(?:db|Db|DB)|database|repositor(?:y|ies)|prisma|dal|queries|mutations|collections(?=\/)|data-access)(?:[/.]|$)/;

/** `./authorization.service.js`, `../services/users`, `@/services/auth.service`, and a `paths` alias or subpath import: `@services/chat`, `#services/chat`. */
const SERVICE_MODULE_RE = /^(?:(?:\.|[@~](?=\/)).*(?:[/.][a-z]*[sS]ervices?|\/services\/[\w.-]+)(?:\.[cm]?[jt]s)?|[@#]services\/[\w./-]+)$/;

/** A module of the project itself: `./x`, `../x`, `@/x`, `~/x`. */
const PROJECT_MODULE_RE = /^(?:\.{1,2}\/|[@~]\/)/;
/**
 * `getUserById`, `findPostBySlug`, `deleteTask`, `updateUser`: a function named for what it does
 * to stored data (a verb and one entity; `updateSteamData` or `deleteMessageLater` say less).
 */
const DATA_FN_RE = /^(?:get|find|fetch|load|delete|remove|destroy|update)[A-Z]\w*By[A-Z]\w*$|^(?:delete|remove|destroy|update)[A-Z][a-z]+$/;

const MODEL_MODULE_RE = /(?:^|\/)models?(?:\/|$)/;

const HANDLE_CALLS = new Set(["collection", "model", "getRepository", "getCollection", "table", "createClient", "knex", "drizzle", "Datastore"]);
const HANDLE_CLASSES = /^(?:PrismaClient|Pool|Client|Redis|Sequelize|Knex|MongoClient|DataSource|Firestore|DynamoDBClient|DynamoDBDocumentClient|Kysely)$/;

/** `db.collection("items")`, `mongoose.model(…)`, `new PrismaClient()`, `new Pool()`, `createClient()`. */
export function isDataHandle(init: ts.Expression): boolean {
  let e = init;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && HANDLE_CLASSES.test(e.expression.text);
  if (!ts.isCallExpression(e)) return false;
  const callee = e.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  return HANDLE_CALLS.has(name);
}

/** `axios.create(…)`: an axios instance. */
export function isAxiosCreate(c: ts.Expression): boolean {
  return ts.isCallExpression(c) && ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === "create" && ts.isIdentifier(c.expression.expression) && c.expression.expression.text === "axios";
}
