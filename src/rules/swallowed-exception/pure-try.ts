import { ts } from "../../engine/ts";
import { importBindings as importsOf, isFunctionLikeDeclaration as isFunctionLike, topLevelFunction, type ImportBinding } from "../../engine/ast";
import { classMethod } from "./handled-inside";
import { signalRead } from "./signal-read";
import { isLogCallee } from "./analysis";
import { callsTheDocModel, isDocModelPackage } from "./doc-model";

/**
 * Whether the code a catch protects does I/O (network, database, file system, queue, external API,
 * child process, storage) or only computes on values the code already holds (a parse, a URL, a
 * date, string and array work). Conservative: an await, a promise, a `yield`, a call it cannot name
 * as pure, and a call to a function of the file it cannot see through within `depth` hops all
 * count as I/O. Functions of the same file (declarations, also in a block around the call, `const f =
 * () => …`, methods of the enclosing class called through `this`) are followed; a relatively imported one is followed when
 * the caller hands a reader of its module.
 */

// Global functions that compute only.
const PURE_GLOBALS = new Set([
  "parseInt", "parseFloat", "Number", "String", "Boolean", "BigInt", "Symbol", "isNaN", "isFinite",
  "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI", "escape", "unescape",
  "atob", "btoa", "structuredClone", "Array", "Object", "Date", "RegExp",
]);

// Namespaces whose every member computes only (`JSON.parse`, `Math.max`, `path.join`, `Buffer.from`).
const PURE_NAMESPACES = new Set([
  "JSON", "Math", "Number", "Object", "Array", "String", "Reflect", "Intl", "Buffer", "Date", "Symbol", "BigInt",
  "URL", "URLSearchParams", "path", "posix", "querystring", "qs", "util", "z", "Joi", "yup", "validator",
  "dayjs", "moment", "DateTime", "Duration", "_", "lodash", "Decimal", "Big", "semver", "YAML", "yaml",
  "jsYaml", "jsyaml", "Papa", "marked", "DOMPurify", "slugify", "cheerio", "jwt", "jose", "bs58",
  "TextEncoder", "TextDecoder", "Zod", "crypto", "Temporal",
]);

// Packages whose named and default imports compute only.
const PURE_PACKAGES_RE = /^(?:node:)?(?:path|url|querystring|util|string_decoder|punycode|crypto)$|^(?:zod|yup|joi|valibot|superstruct|ajv(?:\/.*)?|date-fns(?:\/.*)?|date-fns-tz|dayjs(?:\/.*)?|moment(?:-timezone)?|luxon|lodash(?:[./-].*)?|ramda|uuid|nanoid|qs|query-string|yaml|js-yaml|json5|papaparse|fast-xml-parser|jsonschema|marked|dompurify|isomorphic-dompurify|sanitize-html|he|slugify|validator(?:\/.*)?|libphonenumber-js(?:\/.*)?|decimal\.js|big\.js|bignumber\.js|semver(?:\/.*)?|ms|bytes|clsx|classnames|jsonwebtoken|jose|jwt-decode|cheerio|superjson|class-transformer|bs58|change-case|pluralize|deepmerge|fast-deep-equal|immer|cron-parser|zod-validation-error|@sinclair\/typebox(?:\/.*)?)$|^(?:jsr:)?@std\/(?:semver|path)(?:@[\w.^~-]+)?$/;

// Methods that compute on the value they are called on, whatever it is (strings, arrays, regexes,
// dates, numbers, maps and sets, schemas, formatters).
const PURE_METHODS = new Set([
  "split", "slice", "substring", "substr", "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase",
  "toLocaleLowerCase", "toLocaleUpperCase", "replace", "replaceAll", "match", "matchAll", "search", "test",
  "indexOf", "lastIndexOf", "includes", "startsWith", "endsWith", "padStart", "padEnd", "charAt", "charCodeAt",
  "codePointAt", "normalize", "localeCompare", "concat", "join", "repeat", "at",
  "map", "filter", "reduce", "reduceRight", "forEach", "find", "findIndex", "findLast", "findLastIndex", "some",
  "every", "flat", "flatMap", "sort", "toSorted", "reverse", "toReversed", "push", "pop", "shift", "unshift",
  "splice", "fill", "keys", "values", "entries", "has", "add", "toString", "toFixed", "toPrecision",
  "toJSON", "toISOString", "toUTCString", "toDateString", "toTimeString", "toLocaleString", "toLocaleDateString",
  "toLocaleTimeString", "getTime", "getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes",
  "getSeconds", "getMilliseconds", "getUTCFullYear", "getUTCMonth", "getUTCDate", "getUTCDay", "getUTCHours",
  "getTimezoneOffset", "setFullYear", "setMonth", "setDate", "setHours", "setMinutes", "setSeconds", "setMilliseconds",
  "setUTCHours", "valueOf", "format", "formatToParts", "resolvedOptions", "parse", "safeParse", "stringify",
  "encode", "decode", "toBase64", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "bind",
  "assign", "freeze", "isValid", "isBefore", "isAfter", "diff", "subtract", "startOf", "endOf", "tz", "utc",
  "toDate", "toNumber", "toBuffer", "readUInt8", "readUInt16BE", "readUInt32BE", "readInt32LE", "subarray",
  "describe", "optional", "nullable", "default", "shape", "extend", "pick", "omit", "partial", "strict",
  // A GraphQL scalar's own parsers (`g.CalendarDay.parseValue(value)`): a value in, a value or a throw out.
  "parseValue", "parseLiteral",
]);

// Receivers whose `get`/`set`/`delete` work on memory (`map.get`, `url.searchParams.get`, `headers.get`).
const MEMORY_RECEIVER_RE = /(?:map|set|cache|params|searchParams|headers|query|formData|cookies|lookup|index|dict|registry|byId|seen|visited)$/i;

// Constructors that compute only.
const PURE_CONSTRUCTORS = new Set([
  "URL", "URLSearchParams", "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "Array", "Object", "Error",
  "TypeError", "RangeError", "SyntaxError", "TextEncoder", "TextDecoder", "Uint8Array", "Int8Array", "Uint16Array",
  "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "ArrayBuffer", "DataView", "Headers", "FormData",
  "Blob", "Response", "Request", "DOMParser", "Decimal", "Big", "BigNumber",
]);
const INTL_NAMESPACE = "Intl";

/** Reads a relatively imported binding: the module's source file and the name it exports it by. */
export type ImportedReader = (name: string) => { sf: ts.SourceFile; exported: string } | undefined;

export interface IoEnv {
  sf: ts.SourceFile;
  imported?: ImportedReader;
  /** Experiment: count a call it cannot name as I/O only when its name says I/O. */
  liberal?: boolean;
  /**
   * Names whose calls only compute here (a React component's state setters: they schedule a render),
   * also `name.method` for a method called on a local (`api.request` of a hook's result).
   */
  pure?: ReadonlySet<string>;
  /**
   * The project's own function of another module that a call names (`pageHelper.parsePath(p)` with
   * `const pageHelper = require("../helpers/page")`, `import { slugOf } from "./slug"`), to follow
   * like a function of the file; the call may be in that other module's tree.
   */
  importedCall?: (call: ts.CallExpression) => { fn: ts.FunctionLikeDeclaration; sf: ts.SourceFile } | undefined;
}

// Calls that do I/O by name, for the liberal reading: sync file system and child process, storage, sockets, queries.
const IO_NAME_RE = /Sync$|^(?:require|exec|execFile|spawn|fork|readFile|writeFile|appendFile|unlink|mkdir|rmdir|rm|stat|lstat|readdir|open|close|send|write|read|connect|query|request|fetch|post|put|patch|emit|publish|getItem|setItem|removeItem|run|prepare|all|transaction|then|catch|finally|listen|kill)$/;
const unknownCall = (w: Walk, name: string | undefined): boolean => w.env.liberal === true && name !== undefined && !IO_NAME_RE.test(name);


/** A top-level function of a file by name (`export default function` for "default"). */
function functionNamed(sf: ts.SourceFile, name: string): ts.FunctionLikeDeclaration | undefined {
  if (name !== "default") return topLevelFunction(name, sf);
  return sf.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) === true);
}

/**
 * `function readLength(pos) { … }` declared in a block around the call (a helper inside the try or its
 * function), also `const populateFlowNames = (data) => { … }` there (a React component's own helper).
 */
function blockFunctionNamed(call: ts.Node, name: string): ts.FunctionLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = call.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      const init = d?.initializer;
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
  }
  return undefined;
}

/** The identifier a property chain starts from: `a` for `a.b.c`, `a.b().c`. */
function rootOf(e: ts.Expression): ts.Expression {
  let cur = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur) || ts.isNonNullExpression(cur) || ts.isParenthesizedExpression(cur)) cur = cur.expression;
    else if (ts.isCallExpression(cur)) cur = cur.expression;
    else return cur;
  }
}

/** The name of the last link of a receiver: `searchParams` for `url.searchParams`, `cache` for `this.cache`. */
function lastName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

interface Walk {
  env: IoEnv;
  imports: ReadonlyMap<string, ImportBinding>;
  /** Functions already being followed (recursion). */
  open: Set<ts.Node>;
}

function callIsPure(call: ts.CallExpression, w: Walk, depth: number): boolean {
  const callee = call.expression;
  if (call.questionDotToken === undefined && callee.kind === ts.SyntaxKind.ImportKeyword) return false;
  // A log line: what it can lose is a log line (a debug print of an HMAC prefix, held round 26).
  if (isLogCallee(callee)) return true;
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    if (name === "require") return false;
    if (PURE_GLOBALS.has(name) || w.env.pure?.has(name) === true) return true;
    const local = functionNamed(w.env.sf, name) ?? blockFunctionNamed(call, name);
    if (local) return followPure(local, w, depth);
    // `const $ = cheerio.load(html); … $("html").attr("lang")`: a document query a compute-only library made.
    if (boundToPureCall(call, name, w)) return true;
    const imp = w.imports.get(name);
    if (imp) {
      if (PURE_PACKAGES_RE.test(imp.spec) || isDocModelPackage(imp.spec)) return true;
      const mod = w.env.imported?.(name);
      if (mod) {
        const fn = functionNamed(mod.sf, mod.exported);
        if (fn) return followPure(fn, { env: { sf: mod.sf, liberal: w.env.liberal }, imports: importsOf(mod.sf), open: w.open }, depth);
      }
      const other = followImported(call, w, depth);
      if (other !== undefined) return other;
    }
    return unknownCall(w, name);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const recv = callee.expression;
    if (recv.kind === ts.SyntaxKind.ThisKeyword) {
      const m = classMethod(call, method);
      if (m) return followPure(m, w, depth);
      // `this.precision()`, `this.formatOptions()`: an Angular signal read (a `computed` is as pure as its callback).
      const sig = call.arguments.length === 0 ? signalRead(call, method, w.imports) : undefined;
      if (sig) return sig.kind === "value" || followPure(sig.fn, w, depth);
      return unknownCall(w, method);
    }
    if (ts.isIdentifier(recv) && w.env.pure?.has(`${recv.text}.${method}`) === true) return true;
    const root = rootOf(recv);
    if (ts.isIdentifier(root)) {
      if (PURE_NAMESPACES.has(root.text)) return true;
      const imp = w.imports.get(root.text);
      if (imp && (PURE_PACKAGES_RE.test(imp.spec) || isDocModelPackage(imp.spec))) return true;
      // `$("html").attr("lang")` where `const $ = cheerio.load(html)`.
      if (boundToPureCall(call, root.text, w)) return true;
      // `schemaValidator.validate(doc, schema)` where `const schemaValidator = new Validator()` from `jsonschema`.
      if (root === recv && boundToPureInstance(call, root.text, w)) return true;
      // `pageHelper.parsePath(p)`: a member of a project module required whole.
      if (imp && root === recv) {
        const other = followImported(call, w, depth);
        if (other !== undefined) return other;
      }
    }
    // `editor.state.doc.resolve(p)`, `view.dispatch(tr)`: a rich-text editor's in-memory model (doc-model.ts).
    if (callsTheDocModel(callee, w.imports)) return true;
    if (method === "exec") return ts.isRegularExpressionLiteral(recv) || /(?:re|regex|regexp|pattern)$/i.test(lastName(recv) ?? "");
    if (method === "get" || method === "set" || method === "delete" || method === "clear") return MEMORY_RECEIVER_RE.test(lastName(recv) ?? "");
    if (method === "then" || method === "catch" || method === "finally") return false;
    return PURE_METHODS.has(method) || unknownCall(w, method);
  }
  return false;
}

/**
 * `const $ = cheerio.load(await res.text());` in a block around the call (production ghostfolio
 * manual.service.ts:326, `locale = $("html").attr("lang")` in an empty catch): a `const` bound to
 * the document query cheerio's `load` hands back, which reads the parsed page in memory. (Only
 * `load`: what other compute-only calls answer, `Object.assign({}, client)`, may hold I/O methods.)
 */
function boundToPureCall(call: ts.Node, name: string, w: Walk): boolean {
  for (let p: ts.Node | undefined = call.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (!d) continue;
      const init = d.initializer;
      if (!init || !ts.isCallExpression(init)) return false;
      const callee = init.expression;
      const root = ts.isPropertyAccessExpression(callee) && callee.name.text === "load" ? callee.expression : callee;
      if (!ts.isIdentifier(root)) return false;
      const imp = w.imports.get(root.text);
      return imp !== undefined && imp.spec === "cheerio" && (root !== callee || imp.exported === "load");
    }
  }
  return false;
}

/**
 * `const schemaValidator = new Validator();` (from `jsonschema`) in a block around the call or at the top
 * level of the file (session 43, production Hexabot's YAML editor): an object of a class a compute-only
 * package exports, whose methods work on values in memory as the class does (see {@link classOfPurePackage}).
 */
function boundToPureInstance(call: ts.Node, name: string, w: Walk): boolean {
  for (let p: ts.Node | undefined = call.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (!d) continue;
      const init = d.initializer;
      return init !== undefined && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && classOfPurePackage(init.expression.text, w.imports);
    }
  }
  return false;
}

function newIsPure(ne: ts.NewExpression, w: Walk): boolean {
  const c = ne.expression;
  if (ts.isIdentifier(c)) return PURE_CONSTRUCTORS.has(c.text) || /Error$/.test(c.text) || classOfPurePackage(c.text, w.imports) || (w.env.liberal === true && !/^(?:WebSocket|EventSource|Worker|XMLHttpRequest|Promise|Function)$/.test(c.text));
  if (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression)) return c.expression.text === INTL_NAMESPACE;
  return false;
}

/**
 * `new X509Certificate(pem)` with `import { X509Certificate } from "node:crypto"`, `new Decimal(x)` from
 * `decimal.js`: a class a compute-only package exports parses or holds a value in memory.
 */
function classOfPurePackage(name: string, imports: ReadonlyMap<string, ImportBinding>): boolean {
  const imp = imports.get(name);
  return imp !== undefined && PURE_PACKAGES_RE.test(imp.spec);
}

/** Whether `new C(…)` makes a value of a class a compute-only package exports (see {@link classOfPurePackage}). */
export function newOfPurePackage(ne: ts.NewExpression): boolean {
  return ts.isIdentifier(ne.expression) && classOfPurePackage(ne.expression.text, importsOf(ne.getSourceFile()));
}

/** Whether the project's own function of another module that `call` names only computes; undefined when none is found. */
function followImported(call: ts.CallExpression, w: Walk, depth: number): boolean | undefined {
  const target = w.env.importedCall?.(call);
  if (!target) return undefined;
  return followPure(target.fn, { env: { sf: target.sf, liberal: w.env.liberal, importedCall: w.env.importedCall }, imports: importsOf(target.sf), open: w.open }, depth);
}

function followPure(fn: ts.FunctionLikeDeclaration, w: Walk, depth: number): boolean {
  if (depth <= 0 || !fn.body) return w.env.liberal === true && fn.body !== undefined;
  if (w.open.has(fn)) return true;
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || fn.asteriskToken) return false;
  w.open.add(fn);
  try {
    return regionPure(fn.body, w, depth - 1);
  } finally {
    w.open.delete(fn);
  }
}

function regionPure(region: ts.Node, w: Walk, depth: number): boolean {
  let pure = true;
  const visit = (n: ts.Node): void => {
    if (!pure) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
      pure = false;
      return;
    }
    if (ts.isCallExpression(n) && !callIsPure(n, w, depth)) {
      pure = false;
      return;
    }
    if (ts.isNewExpression(n) && !newIsPure(n, w)) {
      pure = false;
      return;
    }
    if (ts.isTaggedTemplateExpression(n)) {
      pure = false;
      return;
    }
    // A nested async function's body runs later, outside the try: it cannot throw into the catch.
    if (isFunctionLike(n) && n.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return;
    ts.forEachChild(n, visit);
  };
  visit(region);
  return pure;
}

/** Whether the region (a try block) does I/O, or may: see the module comment. */
export function protectedRegionDoesIO(region: ts.Node, env: IoEnv, depth = 2): boolean {
  return !regionPure(region, { env, imports: importsOf(env.sf), open: new Set() }, depth);
}

// A setting read: a typo in configuration that a catch hides is a deploy outage, not a format error.
const SETTING_RE = /\bprocess\.env\b|\bimport\.meta\.env\b|\bDeno\.env\b|\bBun\.env\b/;

/**
 * `let body = {}; try { body = JSON.parse(raw); } catch {}`: an empty catch whose try only
 * computes on values the code already holds (a parse, a URL, a date, string work; functions of the
 * file followed two calls deep) and reads no setting. Such a failure is a format error of data in
 * hand, not an outage; the docs' emptyCatch convention leaves it out (session 22 experiment: 1
 * true of 7 on the tune part and the production samples together).
 */
export function emptyCatchOnlyComputes(sf: ts.SourceFile, tryStmt: ts.TryStatement, importedCall?: IoEnv["importedCall"]): boolean {
  return !SETTING_RE.test(tryStmt.tryBlock.getText(sf)) && !protectedRegionDoesIO(tryStmt.tryBlock, { sf, importedCall });
}

/**
 * `try { const url = new URL(dbUrl); console.log(`host: ${url.hostname}`); if (url.password) { … warn … } }
 * catch (e) { console.error("Could not parse DATABASE_URL", e); }`: a try that only computes (as for
 * an empty catch) and whose only effect is log lines: it sets nothing outside itself (no assignment
 * to a name declared before it, no property write) and answers nothing. A failure loses a
 * diagnostic line, which its catch's own log replaces (held round 28, decided clean). With
 * `readsFiles` (a one-off script's file), synchronous file-system reads count as computing too:
 * `function analyzeBundleSize() { try { const files = fs.readdirSync(dir); … console.log(total); }
 * catch (e) { console.warn("Could not analyze bundle size:", e.message); } }` only reports (held
 * round 38, alwayz's deploy script, decided clean).
 */
// Synchronous file-system reads: in a one-off script's report step they change nothing (held round 38, alwayz's bundle-size report).
const FS_READS: ReadonlySet<string> = new Set([...["existsSync", "statSync", "lstatSync", "readdirSync", "readFileSync"].map((m) => `fs.${m}`), "process.cwd"]);

export function tryOnlyDiagnoses(sf: ts.SourceFile, tryStmt: ts.TryStatement, readsFiles = false): boolean {
  const block = tryStmt.tryBlock;
  const own = new Set<string>();
  let logs = 0;
  let effect = false;
  const visit = (n: ts.Node): void => {
    if (effect) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) own.add(n.name.text);
    if (ts.isReturnStatement(n) && n.expression) effect = true;
    else if (ts.isCallExpression(n) && isLogCallee(n.expression)) logs++;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && !(ts.isIdentifier(n.left) && own.has(n.left.text))) effect = true;
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) && !(ts.isIdentifier(n.operand) && own.has(n.operand.text))) effect = true;
    ts.forEachChild(n, visit);
  };
  visit(block);
  return logs > 0 && !effect && !protectedRegionDoesIO(block, { sf, pure: readsFiles ? FS_READS : undefined });
}
