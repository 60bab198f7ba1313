import * as path from "node:path";
import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { TreeMemo } from "../../../engine/tree-memo";
import type { OpenApiOperation, OpenApiValidation, SchemaObject } from "../../../profile";
import { pathSegments } from "../../../profile/openapi";
import { findRefs, isConditionPosition, isWrapper, nameText, scopeOf, type FunctionLike } from "../ast";
import type { ProjectFiles } from "../elsewhere";
import type { Source } from "../source";
import { routeCallOf } from "./express";
import { paramKeysRead } from "./request";
import { PAGING_CALLS, PAGING_NAME_RE } from "../field-checks";

/**
 * Reads an app-wide OpenAPI request validator has checked (express-openapi-validator, see
 * src/profile/openapi.ts): the rule asks the profile for the operation of a handler's route and
 * counts a read validated where the document declares the value with a type that closes its use
 * (production overseerr, whose `server/index.ts` mounts the validator before every `/api/v1` router).
 *
 * The route's path is the handler's own (`router.post("/:id/:status", …)`) under the prefixes its
 * router is mounted at where the rule can see them: a `use` of the same module, then the modules
 * that import it among its folder's `index`, the parent folder's `index` and the validator's module
 * (`router.use("/media", mediaRoutes)`, `server.use("/api/v1", routes)`). Seen up to the validator's
 * module, the whole path is matched (a router mounted before the validator is not validated);
 * otherwise the route's path is matched as the unique suffix of one document path.
 */

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
const MAX_MOUNT_HOPS = 6;
const MAX_SCHEMA_DEPTH = 8;

/** The operation of a handler's route, and the Express names of its path parameters mapped to the document's. */
export interface RouteOperation {
  op: OpenApiOperation;
  /** `:id` of `/:id/:status` → `mediaId` of `/media/{mediaId}/{status}`. */
  paramName: ReadonlyMap<string, string>;
  removesAdditional: boolean;
}

/** The document's operation for the route that registers `fn` in its own module, when the profile has a validator. */
export function routeOperation(fn: FunctionLike, sf: ts.SourceFile, file: string, api: OpenApiValidation, files: ProjectFiles): RouteOperation | undefined {
  const route = routeCallOf(fn);
  const method = route ? calleeName(route) : undefined;
  const first = route?.arguments[0];
  if (!route || !method || !ROUTE_METHODS.has(method) || !first || !ts.isStringLiteralLike(first) || !ts.isPropertyAccessExpression(route.expression)) return undefined;
  const receiver = route.expression.expression;
  const own = pathSegments(first.text);
  if (!own || !ts.isIdentifier(receiver)) return undefined;
  const chain = mountChain(sf, file, receiver.text, route.getStart(sf), api, files);
  if (!chain) return undefined;
  const full = [...chain.segments, ...own];
  const op = api.operation(method, full, chain.complete);
  const docSegs = op && pathSegments(op.path);
  if (!op || !docSegs) return undefined;
  // Aligned from the end: the route's last segment is the document path's last.
  const paramName = new Map<string, string>();
  for (let i = 1; i <= Math.min(full.length, docSegs.length); i++) {
    const a = full[full.length - i]!;
    const b = docSegs[docSegs.length - i]!;
    if (a.startsWith(":") && b.startsWith(":")) paramName.set(a.slice(1), b.slice(1));
  }
  return { op, paramName, removesAdditional: api.removesAdditional };
}

interface Chain {
  segments: string[];
  complete: boolean;
}

/** One `x.use("/prefix", …, router)` of `name` in a module: the router it is mounted on, its prefix, where. */
interface Mounted {
  on: string;
  prefix: string[];
  at: number;
}

// The mounts of each name, per module: every handler of a routes module climbs the same chain.
const mountsMemo = new TreeMemo<ts.SourceFile, Map<string, Mounted[] | undefined>>();

function mountsOf(sf: ts.SourceFile, name: string): Mounted[] | undefined {
  let byName = mountsMemo.get(sf);
  if (!byName) mountsMemo.set(sf, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, findMounts(sf, name));
  return byName.get(name);
}

function findMounts(sf: ts.SourceFile, name: string): Mounted[] | undefined {
  const out: Mounted[] = [];
  let unknown = false;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && calleeName(n) === "use" && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression)) {
      const at = n.arguments.findIndex((a) => ts.isIdentifier(a) && a.text === name);
      if (at >= 0) {
        const first = n.arguments[0]!;
        const prefix = ts.isStringLiteralLike(first) ? pathSegments(first.text) : at === 0 ? [] : undefined;
        if (prefix) out.push({ on: n.expression.expression.text, prefix, at: n.getStart(sf) });
        else unknown = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return unknown ? undefined : out;
}

/** The local names `candidate` imports `target` under (default, named, or a `require`). */
function importedNames(candidate: ts.SourceFile, target: string, files: ProjectFiles): string[] {
  const names: string[] = [];
  const names_of = (spec: string): boolean => importsFile(files, candidate.fileName, spec, target);
  for (const st of candidate.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && !st.importClause.isTypeOnly && names_of(st.moduleSpecifier.text)) {
      if (st.importClause.name) names.push(st.importClause.name.text);
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) names.push(el.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" && init.arguments[0] && ts.isStringLiteral(init.arguments[0]) && names_of(init.arguments[0].text)) names.push(d.name.text);
      }
    }
  }
  return names;
}

/**
 * True when `spec`, imported in `from`, names `target`: a relative path or a `@/`/`~/` alias the
 * project files resolve, or a path alias of the project's own (`@server/routes` for
 * `server/routes/index.ts`: its first segment names a folder of the target's path, the rest ends it).
 */
function importsFile(files: ProjectFiles, from: string, spec: string, target: string): boolean {
  const resolved = files.resolve(from, spec);
  if (resolved !== undefined) return resolved === target;
  const m = /^[@~#]([\w-]*)\/(.+)$/.exec(spec);
  if (!m) return false;
  const stem = target.replace(/\\/g, "/").replace(/\.[cm]?[jt]sx?$/, "").replace(/\/index$/, "");
  const tail = m[2]!.replace(/\.[cm]?js$/, "").replace(/\/index$/, "");
  if (!stem.endsWith(`/${tail}`)) return false;
  return m[1] === "" || stem.slice(0, stem.length - tail.length).split("/").includes(m[1]!);
}

/**
 * The prefixes the router `name` of `file` is mounted under, up to the validator's module when the
 * chain gets there (`complete`); undefined when a router on the way is mounted before the validator,
 * or with a prefix the rule cannot read.
 */
function mountChain(sf: ts.SourceFile, file: string, name: string, at: number, api: OpenApiValidation, files: ProjectFiles): Chain | undefined {
  const segments: string[] = [];
  const seen = new Set<string>();
  const mountFile = api.mountFile.replace(/\\/g, "/");
  let curSf = sf;
  let curFile = file;
  let curName = name;
  let curAt = at;
  for (let hop = 0; hop < MAX_MOUNT_HOPS; hop++) {
    const key = `${curFile}#${curName}`;
    if (seen.has(key)) break;
    seen.add(key);
    const here = mountsOf(curSf, curName);
    // A prefix the rule cannot read, or two mounts: the path seen so far ends the route's path.
    if (!here || here.length > 1) return { segments, complete: false };
    if (here.length === 1) {
      segments.unshift(...here[0]!.prefix);
      curName = here[0]!.on;
      curAt = here[0]!.at;
      continue;
    }
    // Not mounted in its own module: the app itself where the validator is, or a router another module imports.
    if (curFile === mountFile) return curAt > api.mountAt ? { segments, complete: true } : undefined;
    const up = importerMount(curFile, api, files);
    if (!up) break;
    segments.unshift(...up.mount.prefix);
    curSf = up.sf;
    curFile = up.file;
    curName = up.mount.on;
    curAt = up.mount.at;
  }
  return { segments, complete: false };
}

/** The module that imports `file` and mounts what it imports (its folder's or the parent folder's `index`, or the validator's module). */
function importerMount(file: string, api: OpenApiValidation, files: ProjectFiles): { file: string; sf: ts.SourceFile; mount: Mounted } | undefined {
  const p = path.posix;
  const f = file.replace(/\\/g, "/");
  const dir = p.dirname(f);
  const isIndex = /^index\.[cm]?[jt]sx?$/.test(p.basename(f));
  const candidates: string[] = [];
  for (const d of isIndex ? [p.dirname(dir)] : [dir, p.dirname(dir)]) {
    for (const ext of [".ts", ".js", ".mjs", ".cjs", ".mts", ".cts"]) candidates.push(p.join(d, `index${ext}`));
  }
  candidates.push(api.mountFile.replace(/\\/g, "/"));
  for (const c of new Set(candidates)) {
    if (c === f) continue;
    const sf = files.get(c);
    if (!sf) continue;
    for (const local of importedNames(sf, f, files)) {
      const mounts = mountsOf(sf, local);
      if (mounts && mounts.length === 1) return { file: c, sf, mount: mounts[0]! };
    }
  }
  return undefined;
}

// Uses a length bound or a type alone does not close: the value still picks a file, a site or a key.
const PLACE_USES = new Set(["file", "redirect", "outbound URL", "keyed query", "property key"]);
// Formats that fix a value's text (a `uri` is any site: no redirect or outbound URL is closed by it).
const URL_FORMATS = new Set(["uri", "url", "iri", "uri-reference", "iri-reference", "uri-template", "hostname", "idn-hostname"]);

function types(schema: SchemaObject): string[] {
  const t = schema.type;
  return (Array.isArray(t) ? t : typeof t === "string" ? [t] : []).filter((x): x is string => typeof x === "string" && x !== "null");
}

/** Paging: a number without a `maximum` still sizes the query (`take`, `limit`, or a `.limit()`/`.take()` use). */
function unboundedPaging(schema: SchemaObject, key: string, at: ts.Node): boolean {
  if (typeof schema.maximum === "number") return false;
  return PAGING_NAME_RE.test(key) || (ts.isCallExpression(at) && PAGING_CALLS.has(calleeName(at) ?? ""));
}

/**
 * A scalar the document closes for its use: an `enum`/`const`, a number (not an unbounded page
 * size), a boolean, a string with a `pattern`, a `format` (not a URL's for a redirect or an
 * outbound URL) or a `maxLength` (not for a file, a URL or a key). A plain `type: string` says
 * nothing of a route parameter or a query value that the rule does not already know (they are text).
 */
function scalarCloses(schema: SchemaObject, key: string, why: string, at: ts.Node): boolean {
  if ((Array.isArray(schema.enum) && schema.enum.length > 0) || schema.const !== undefined) return true;
  const t = types(schema);
  if (t.length !== 1) return false;
  if (t[0] === "integer" || t[0] === "number") return !unboundedPaging(schema, key, at);
  if (t[0] === "boolean") return true;
  if (t[0] !== "string") return false;
  if (typeof schema.pattern === "string") return true;
  if (typeof schema.format === "string" && schema.format !== "" && schema.format !== "password" && schema.format !== "binary" && schema.format !== "byte") return !URL_FORMATS.has(schema.format) || (why !== "redirect" && why !== "outbound URL");
  return typeof schema.maxLength === "number" && !PLACE_USES.has(why);
}

/** True when the route's path or query parameters the read takes are all declared with a schema that closes the use. */
function parametersClose(s: Source, o: { at: ts.Node; why: string }, ro: RouteOperation): boolean {
  const where = s.schemaSuffix === "Params" ? "path" : s.schemaSuffix === "Query" ? "query" : undefined;
  if (!where || s.read.includes("cookies")) return false;
  const n = s.node;
  const keys = ts.isBindingElement(n) ? (ts.isObjectBindingPattern(n.name) && n.name.elements.every((e) => !e.dotDotDotToken) ? n.name.elements.map((e) => nameText(e.propertyName ?? e.name) ?? "") : []) : paramKeysRead(n as ts.Expression);
  if (keys.length === 0 || keys.includes("")) return false;
  return keys.every((k) => {
    const name = where === "path" ? ro.paramName.get(k) : k;
    const schema = name !== undefined ? ro.op.resolve(ro.op.parameter(where, name)) : undefined;
    return !!schema && scalarCloses(schema, k, o.why, o.at);
  });
}

/** One field of the body a read takes: its path (`options.webhookUrl`), and whether the code reads through it unguarded (`email.toLowerCase()`). */
export interface FieldRead {
  path: string[];
  deref: boolean;
}

/** The function of another module of the project a call reaches, when it can be read (ProjectFiles.resolve through the project's import aliases). */
export type CalleeOf = (call: ts.CallExpression) => FunctionLike | undefined;

/**
 * The fields a body read takes: `req.body.x.y`, `const { a, b } = req.body`, through a `const body = req.body` alias,
 * or those the project's function it is handed to whole reads of its parameter (`MediaRequest.request(req.body, user)`
 * reading `requestBody.mediaId`); "whole" when it is used as a whole.
 */
function bodyFieldReads(read: ts.Node, depth = 0, callee?: CalleeOf): FieldRead[] | "whole" {
  let cur: ts.Node = read;
  while (cur.parent && isWrapper(cur.parent) && !ts.isAwaitExpression(cur.parent)) cur = cur.parent;
  const p = cur.parent;
  if (!p) return "whole";
  if ((ts.isPropertyAccessExpression(p) && p.expression === cur) || (ts.isElementAccessExpression(p) && p.expression === cur && ts.isStringLiteralLike(p.argumentExpression))) {
    const names: string[] = [];
    const optional: boolean[] = [];
    let link: ts.Node = cur;
    for (;;) {
      let q = link.parent;
      while (q && isWrapper(q) && !ts.isAwaitExpression(q)) {
        link = q;
        q = q.parent;
      }
      if (q && ts.isPropertyAccessExpression(q) && q.expression === link) {
        names.push(q.name.text);
        optional.push(!!q.questionDotToken);
        link = q;
      } else if (q && ts.isElementAccessExpression(q) && q.expression === link && ts.isStringLiteralLike(q.argumentExpression)) {
        names.push(q.argumentExpression.text);
        optional.push(!!q.questionDotToken);
        link = q;
      } else break;
    }
    // `names[0]` is the field; the rest are its fields or its methods, told apart by the schema (see fieldCloses).
    return [{ path: names, deref: optional.slice(1).some((o) => !o) }];
  }
  if (ts.isVariableDeclaration(p) && p.initializer === cur) {
    if (ts.isObjectBindingPattern(p.name)) return bindingFields(p.name, []);
    if (ts.isIdentifier(p.name) && depth === 0 && ts.isVariableDeclarationList(p.parent) && p.parent.flags & ts.NodeFlags.Const) {
      const out: FieldRead[] = [];
      for (const ref of findRefs(p.name.text, scopeOf(p), p.end)) {
        const r = bodyFieldReads(ref, 1, callee);
        if (r === "whole") return r;
        out.push(...r);
      }
      return out;
    }
    return "whole";
  }
  // `if (!req.body)`: a presence test reads no field.
  if (isConditionPosition(cur)) return [];
  if (ts.isCallExpression(p) && depth < 2 && callee) return parameterFieldReads(p, cur, callee);
  return "whole";
}

/** The fields the called function reads of the parameter `arg` binds (one hop: its own further hand-offs count as whole). */
function parameterFieldReads(call: ts.CallExpression, arg: ts.Node, callee: CalleeOf): FieldRead[] | "whole" {
  const index = call.arguments.indexOf(arg as ts.Expression);
  const fn = index >= 0 ? callee(call) : undefined;
  const param = fn?.parameters[index];
  if (!fn?.body || !param || param.dotDotDotToken) return "whole";
  if (ts.isObjectBindingPattern(param.name)) return bindingFields(param.name, []);
  if (!ts.isIdentifier(param.name)) return "whole";
  const out: FieldRead[] = [];
  for (const ref of findRefs(param.name.text, fn.body, fn.body.pos)) {
    const r = bodyFieldReads(ref, 2);
    if (r === "whole") return r;
    out.push(...r);
  }
  return out;
}

function bindingFields(pattern: ts.ObjectBindingPattern, prefix: string[]): FieldRead[] | "whole" {
  const out: FieldRead[] = [];
  for (const el of pattern.elements) {
    const key = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
    if (key === undefined) return "whole";
    if (ts.isObjectBindingPattern(el.name)) {
      const inner = bindingFields(el.name, [...prefix, key]);
      if (inner === "whole") return inner;
      out.push(...inner);
    } else out.push({ path: [...prefix, key], deref: false });
  }
  return out;
}

function properties(schema: SchemaObject): Record<string, unknown> | undefined {
  const p = schema.properties;
  return p !== null && typeof p === "object" && !Array.isArray(p) ? (p as Record<string, unknown>) : undefined;
}

function isObjectSchema(schema: SchemaObject): boolean {
  const t = types(schema);
  return t.includes("object") || (t.length === 0 && (properties(schema) !== undefined || schema.additionalProperties !== undefined));
}

/**
 * A value the document types all through (what the triage counted checked): a scalar of a declared
 * type, an array of such items, an object whose declared properties are all such (or a map of
 * such values); for a use that picks a place (a file, a URL, a key), only a scalar that closes it.
 */
function valueCloses(schema: SchemaObject | undefined, key: string, why: string, at: ts.Node, resolve: (s: unknown) => SchemaObject | undefined, depth: number): boolean {
  if (!schema || depth > MAX_SCHEMA_DEPTH) return false;
  for (const k of ["oneOf", "anyOf"]) {
    const alts = schema[k];
    if (Array.isArray(alts)) return alts.length > 0 && alts.every((a) => valueCloses(resolve(a), key, why, at, resolve, depth + 1));
  }
  if (schema.allOf !== undefined) return false;
  if ((Array.isArray(schema.enum) && schema.enum.length > 0) || schema.const !== undefined) return true;
  const t = types(schema);
  if (t.length === 1 && t[0] !== "object" && t[0] !== "array") return t[0] === "string" && !PLACE_USES.has(why) ? true : scalarCloses(schema, key, why, at);
  if (PLACE_USES.has(why)) return false;
  if (t.length === 1 && t[0] === "array") return valueCloses(resolve(schema.items), key, why, at, resolve, depth + 1);
  if (!isObjectSchema(schema) || t.length > 1) return false;
  const props = properties(schema);
  const extra = schema.additionalProperties;
  if (props && Object.keys(props).length > 0) return Object.entries(props).every(([k, v]) => valueCloses(resolve(v), k, why, at, resolve, depth + 1)) && (extra === undefined || extra === false || extra === true || valueCloses(resolve(extra), key, why, at, resolve, depth + 1));
  return extra !== null && typeof extra === "object" && valueCloses(resolve(extra), key, why, at, resolve, depth + 1);
}

/**
 * A field of the body closed by the document: each step of its path a declared property of an
 * object (or a value of a typed map), the value at the end typed all through. A property the
 * code reads through unguarded (`body.email.toLowerCase()`) must be required, a missing one throws.
 */
function fieldCloses(body: { schema: SchemaObject; required: boolean }, read: FieldRead, why: string, at: ts.Node, resolve: (s: unknown) => SchemaObject | undefined): boolean {
  let schema: SchemaObject | undefined = body.schema;
  let required = body.required;
  for (let i = 0; i < read.path.length; i++) {
    if (!schema) return false;
    const name = read.path[i]!;
    if (i > 0 && !isObjectSchema(schema)) {
      // A method or a property of a scalar or an array (`email.toLowerCase()`, `ids.length`): the value itself is read.
      return (required || !read.deref) && valueCloses(schema, read.path[i - 1]!, why, at, resolve, 0);
    }
    if (!isObjectSchema(schema)) return false;
    // Reading a field of an object that may be missing throws.
    if (i > 0 && !required && read.deref) return false;
    const props = properties(schema);
    const own = props && Object.prototype.hasOwnProperty.call(props, name) ? props[name] : undefined;
    const extra: unknown = schema.additionalProperties;
    const next: SchemaObject | undefined = own !== undefined ? resolve(own) : extra !== null && typeof extra === "object" ? resolve(extra) : undefined;
    required = Array.isArray(schema.required) && schema.required.includes(name) && required;
    schema = next;
  }
  const last = read.path[read.path.length - 1];
  return last !== undefined && valueCloses(schema, last, why, at, resolve, 0);
}

/** The body read whole: closed only where no undeclared property gets through (`additionalProperties: false`, or `removeAdditional: "all"`). */
function wholeBodyCloses(body: { schema: SchemaObject; required: boolean }, ro: RouteOperation, why: string, at: ts.Node): boolean {
  const schema = body.schema;
  const props = properties(schema);
  if (!body.required || !props || Object.keys(props).length === 0 || (schema.additionalProperties !== false && !ro.removesAdditional)) return false;
  return valueCloses(schema, "", why, at, ro.op.resolve, 0);
}

/**
 * The fields every read of one body in a handler takes (`reads`: the sources of one input), each
 * path once; "whole" when one of them uses it whole, undefined when one is no `req.body` read.
 */
export function bodyReadsOf(reads: readonly Source[], callee?: CalleeOf): FieldRead[] | "whole" | undefined {
  const out = new Map<string, FieldRead>();
  let whole = false;
  for (const x of reads) {
    if (x.schemaSuffix !== "Body" || !ts.isPropertyAccessExpression(x.node) || x.node.name.text !== "body") return undefined;
    const fields = bodyFieldReads(x.node, 0, callee);
    if (fields === "whole") whole = true;
    else for (const f of fields) out.set(`${f.deref}:${f.path.join(".")}`, f);
  }
  return whole ? "whole" : [...out.values()];
}

/**
 * True when the app-wide OpenAPI validator has checked what the source's read takes, for the use
 * the flow found (`o`): path and query parameters by their declared schemas; the body by the
 * declared properties the code reads, over every read of it in the handler (`body`, see
 * {@link bodyReadsOf}): one read stored whole (`settings.radarr = [...settings.radarr, newRadarr]`
 * after `const newRadarr = req.body`) keeps undeclared properties as sent, whatever the others take.
 */
export function openApiValidates(s: Source, o: { at: ts.Node; why: string }, ro: RouteOperation, body: () => FieldRead[] | "whole" | undefined): boolean {
  if (s.caseId === "expressParams" || s.caseId === "expressQuery") return parametersClose(s, o, ro);
  const declared = ro.op.body;
  if (s.caseId !== "expressBody" || !declared) return false;
  const reads = body();
  if (reads === undefined) return false;
  if (reads === "whole") return wholeBodyCloses(declared, ro, o.why, o.at);
  // One verdict per input and kind of use (each read of a thousand-read handler asks the same).
  const key = `${o.why}:${ts.isCallExpression(o.at) && PAGING_CALLS.has(calleeName(o.at) ?? "")}`;
  let verdicts = verdictMemo.get(reads);
  if (!verdicts) verdictMemo.set(reads, (verdicts = new Map()));
  if (!verdicts.has(key)) verdicts.set(key, reads.every((r) => fieldCloses(declared, r, o.why, o.at, ro.op.resolve)));
  return verdicts.get(key)!;
}

const verdictMemo = new WeakMap<readonly FieldRead[], Map<string, boolean>>();
