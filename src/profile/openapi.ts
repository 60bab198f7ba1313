/**
 * The OpenAPI document an app-wide request validator checks every request against before the
 * routes run: express-openapi-validator's `app.use(OpenApiValidator.middleware({ apiSpec,
 * validateRequests: true }))` (production overseerr's `server/index.ts`, with `overseerr-api.yml`).
 * The validator answers 400 for a path or query parameter, or a JSON body, that does not match the
 * operation's declared schema, so a handler's read of a declared value reads a checked one.
 *
 * Read through the {@link ProjectHost}, once per project (the profile keeps the answer): the
 * mount is looked for in the project's entry modules (package.json `main`, the files its scripts
 * run, a fixed list of usual names), the document at the mount's `apiSpec` (a literal, a
 * `path.join(__dirname, …)`, a `const` of the module holding one), else among the YAML or JSON files
 * at the root or one folder below whose top level says `openapi:`/`swagger:`. A document over
 * {@link MAX_SPEC_CHARS}, or one that does not parse, is left out and said in `problems`; nothing
 * here throws.
 */
import * as path from "node:path";
import { load as loadYaml } from "js-yaml";
import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";
import { asObject, pathApi, readJson } from "./read-json";

/** A schema object of the document, its `$ref` followed. */
export type SchemaObject = Readonly<Record<string, unknown>>;

/** One operation of the document (a method of a path). */
export interface OpenApiOperation {
  /** The document's path key (`/media/{mediaId}`) and the lower-case method. */
  path: string;
  method: string;
  /** A path or query parameter's schema, when the operation (or its path) declares one of that name. */
  parameter(where: "path" | "query", name: string): SchemaObject | undefined;
  /** The JSON request body: its schema and whether the operation requires a body. */
  body?: { schema: SchemaObject; required: boolean };
  /** A schema of the same document with its `$ref` followed (undefined for an outside or a broken one). */
  resolve(schema: unknown): SchemaObject | undefined;
}

export interface OpenApiValidation {
  /** The module that mounts the validator, and the offset of the middleware's call there. */
  mountFile: string;
  mountAt: number;
  /** `validateRequests: { removeAdditional: "all" }`: body properties the schema does not declare are dropped. */
  removesAdditional: boolean;
  /** The documents read. */
  specFiles: readonly string[];
  /** Documents left out (too large, not parsed), one line each. */
  problems: readonly string[];
  /**
   * The operation a route reaches: `segments` are the Express path's (`:id` for a parameter);
   * `complete` when they start at the app (the validator's mount saw the whole path), else the
   * route's path under a prefix not seen, matched as the unique suffix of one document path.
   */
  operation(method: string, segments: readonly string[], complete: boolean): OpenApiOperation | undefined;
}

/** Documents larger than this are not read (overseerr's 6,500-line document is about 200 KB). */
export const MAX_SPEC_CHARS = 4 * 1024 * 1024;
const MAX_ENTRY_CHARS = 512 * 1024;
const MAX_SPECS = 4;
const VALIDATORS = ["express-openapi-validator"];
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// Where apps build their Express app (each a few probes, once per project).
const ENTRY_NAMES = ["server/index", "server/app", "server/server", "src/index", "src/app", "src/server", "src/main", "index", "app", "server", "src/server/index", "src/server/app", "src/api/index", "api/index", "src/app/index", "src/loaders/express", "src/config/express", "backend/index", "backend/src/index", "backend/src/app"];
const SOURCE_EXTS = [".ts", ".js", ".mts", ".mjs", ".cts", ".cjs"];
const SPEC_NAME_RE = /\.(?:ya?ml|json)$/i;
const SPEC_HINT_RE = /api|spec|swagger|openapi/i;

/**
 * The request validation of the project at `root`, when it depends on express-openapi-validator,
 * mounts it with request validation on, and its document is found and parses; else undefined.
 */
export function openApiValidationOf(project: ProjectHost, root: string, dependencies: ReadonlySet<string>): OpenApiValidation | undefined {
  if (!VALIDATORS.some((d) => dependencies.has(d))) return undefined;
  const mount = findMount(project, root);
  if (!mount) return undefined;
  const problems: string[] = [];
  const files = mount.spec !== undefined ? [mount.spec] : specFilesAt(project, root);
  const docs: Doc[] = [];
  for (const file of files.slice(0, MAX_SPECS)) {
    const doc = readSpec(project, file, problems);
    if (doc) docs.push(doc);
  }
  if (docs.length === 0) return undefined;
  const p = pathApi(root);
  return {
    mountFile: mount.file,
    mountAt: mount.at,
    removesAdditional: mount.removesAdditional,
    specFiles: docs.map((d) => p.relative(root, d.file)),
    problems,
    operation(method, segments, complete) {
      const found: OpenApiOperation[] = [];
      for (const d of docs) {
        const op = d.operation(method.toLowerCase(), segments, complete);
        if (op) found.push(op);
      }
      return found.length === 1 ? found[0] : undefined;
    },
  };
}

interface Mount {
  file: string;
  at: number;
  /** The document's file, when `apiSpec` names one the profile can work out. */
  spec?: string;
  removesAdditional: boolean;
}

/** The entry modules to look at: package.json `main`, the source files its scripts name, the usual names. */
function entryFiles(project: ProjectHost, root: string): string[] {
  const p = pathApi(root);
  const pkg = readJson(project, p.join(root, "package.json"));
  const rels: string[] = [];
  if (typeof pkg?.main === "string") rels.push(pkg.main);
  for (const script of Object.values(asObject(pkg?.scripts) ?? {})) {
    if (typeof script !== "string") continue;
    for (const m of script.matchAll(/(?:^|[\s=])\.?\/?([\w@./-]+\.[cm]?[jt]s)(?=$|[\s;&|])/g)) rels.push(m[1]!);
  }
  const out = new Set<string>();
  for (const rel of rels.slice(0, 24)) out.add(p.join(root, rel));
  const names = project.listDir?.(root);
  for (const name of ENTRY_NAMES) {
    const top = name.split("/")[0]!;
    if (names && !names.includes(top) && !SOURCE_EXTS.some((e) => names.includes(top + e))) continue;
    for (const ext of SOURCE_EXTS) out.add(p.join(root, name + ext));
  }
  return [...out];
}

/** The module that mounts the validator with request validation on, and what its options say. */
function findMount(project: ProjectHost, root: string): Mount | undefined {
  for (const file of entryFiles(project, root)) {
    if (!project.fileExists(file)) continue;
    const text = project.readFile(file);
    if (text === undefined || text.length > MAX_ENTRY_CHARS || !VALIDATORS.some((v) => text.includes(v))) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
    const found = mountIn(sf, file, root);
    if (found !== undefined) return found === "off" ? undefined : found;
  }
  return undefined;
}

/** The validator's options object in `sf` (`middleware({ apiSpec, … })`, `new OpenApiValidator({ apiSpec })`); "off" when it validates no request. */
function mountIn(sf: ts.SourceFile, file: string, root: string): Mount | "off" | undefined {
  let found: Mount | "off" | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.arguments?.length === 1 && ts.isObjectLiteralExpression(n.arguments[0]!)) {
      const opts = n.arguments[0] as ts.ObjectLiteralExpression;
      const prop = (key: string) => {
        for (const pr of opts.properties) {
          if (pr.name && (ts.isIdentifier(pr.name) || ts.isStringLiteral(pr.name)) && pr.name.text === key) return ts.isPropertyAssignment(pr) ? pr.initializer : ts.isShorthandPropertyAssignment(pr) ? pr.name : opts;
        }
        return undefined;
      };
      const apiSpec = prop("apiSpec");
      if (apiSpec) {
        found = mountOptions(apiSpec, prop("validateRequests"), prop("ignorePaths"), n, sf, file, root);
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function mountOptions(apiSpec: ts.Expression, validate: ts.Expression | undefined, ignorePaths: ts.Expression | undefined, call: ts.Node, sf: ts.SourceFile, file: string, root: string): Mount | "off" {
  // `ignorePaths` lets some requests by unchecked: which ones is a pattern the profile does not evaluate.
  if (ignorePaths) return "off";
  let removesAdditional = false;
  // express-openapi-validator validates requests unless told not to (`validateRequests: false`).
  if (validate) {
    if (validate.kind === ts.SyntaxKind.FalseKeyword) return "off";
    if (ts.isObjectLiteralExpression(validate)) {
      for (const pr of validate.properties) {
        if (!ts.isPropertyAssignment(pr) || !pr.name || !ts.isIdentifier(pr.name) || pr.name.text !== "removeAdditional") continue;
        removesAdditional = ts.isStringLiteral(pr.initializer) && pr.initializer.text === "all";
      }
    } else if (validate.kind !== ts.SyntaxKind.TrueKeyword) return "off";
  }
  const spec = pathValue(apiSpec, sf, file, root, 0);
  return { file, at: call.getStart(sf), removesAdditional, ...(spec !== undefined ? { spec } : {}) };
}

/** The file a path expression names: a literal (from the root, the process's folder), `path.join(__dirname, "../api.yml")`, a `const` holding one. */
function pathValue(e: ts.Expression, sf: ts.SourceFile, file: string, root: string, depth: number): string | undefined {
  const p = pathApi(root);
  const dir = p.dirname(file);
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  const part = (a: ts.Expression): string | undefined => {
    if (ts.isStringLiteralLike(a)) return a.text;
    if (ts.isIdentifier(a) && a.text === "__dirname") return dir;
    if (ts.isCallExpression(a) && a.expression.getText(sf).replace(/\s/g, "") === "process.cwd" && a.arguments.length === 0) return root;
    return undefined;
  };
  if (ts.isStringLiteralLike(e)) return p.resolve(root, e.text);
  if (ts.isTemplateExpression(e)) {
    let text = e.head.text;
    for (const span of e.templateSpans) {
      const v = part(span.expression);
      if (v === undefined) return undefined;
      text += v + span.literal.text;
    }
    return p.resolve(root, text);
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression.getText(sf).replace(/\s/g, "");
    const join = /(?:^|\.)join$/.test(callee);
    if (!join && !/(?:^|\.)resolve$/.test(callee)) return undefined;
    const parts: string[] = [];
    for (const a of e.arguments) {
      const v = part(a);
      if (v === undefined) return undefined;
      parts.push(v);
    }
    if (parts.length === 0) return undefined;
    return join ? p.resolve(root, p.join(...parts)) : p.resolve(root, ...parts);
  }
  if (ts.isIdentifier(e) && depth < 3) {
    let init: ts.Expression | undefined;
    const visit = (n: ts.Node): void => {
      if (init) return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === e.text && n.initializer && ts.isVariableDeclarationList(n.parent) && n.parent.flags & ts.NodeFlags.Const) init = n.initializer;
      else ts.forEachChild(n, visit);
    };
    visit(sf);
    return init ? pathValue(init, sf, file, root, depth + 1) : undefined;
  }
  return undefined;
}

/** YAML or JSON files at the root or one folder below, named like a document, whose top level says `openapi:` or `swagger:`. */
function specFilesAt(project: ProjectHost, root: string): string[] {
  const p = pathApi(root);
  const out: string[] = [];
  const dirs = [root];
  for (const name of project.listDir?.(root) ?? []) {
    if (!name.startsWith(".") && name !== "node_modules" && !SPEC_NAME_RE.test(name) && !/\.[\w]+$/.test(name)) dirs.push(p.join(root, name));
  }
  for (const dir of dirs.slice(0, 40)) {
    for (const name of project.listDir?.(dir) ?? []) {
      if (!SPEC_NAME_RE.test(name) || !SPEC_HINT_RE.test(name) || /^package(?:-lock)?\.json$|^tsconfig/.test(name)) continue;
      const file = p.join(dir, name);
      const text = project.readFile(file);
      if (text === undefined) continue;
      const head = text.slice(0, 4096);
      if (/\.json$/i.test(name) ? /^\s*\{[\s\S]*?"(?:openapi|swagger)"\s*:/.test(head) : /^(?:openapi|swagger)\s*:/m.test(head)) out.push(file);
      if (out.length >= MAX_SPECS) return out;
    }
  }
  return out;
}

interface Doc {
  file: string;
  operation(method: string, segments: readonly string[], complete: boolean): OpenApiOperation | undefined;
}

function readSpec(project: ProjectHost, file: string, problems: string[]): Doc | undefined {
  const text = project.readFile(file);
  if (text === undefined) {
    problems.push(`${file}: not found`);
    return undefined;
  }
  if (text.length > MAX_SPEC_CHARS) {
    problems.push(`${file}: over ${MAX_SPEC_CHARS / 1024 / 1024} MB, not read`);
    return undefined;
  }
  let value: unknown;
  try {
    // hardening-hints-ignore-next-line unvalidated-boundary/jsonParseExternal -- a document of any shape: every reader below checks each value's type
    value = /\.json$/i.test(file) ? JSON.parse(text) : loadYaml(text, { filename: file });
  } catch (err: unknown) {
    problems.push(`${file}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    return undefined;
  }
  const doc = asObject(value);
  if (!doc || (typeof doc.openapi !== "string" && typeof doc.swagger !== "string") || !asObject(doc.paths)) {
    problems.push(`${file}: no OpenAPI document (no \`openapi\`/\`swagger\` and \`paths\`)`);
    return undefined;
  }
  return documentOf(doc, file);
}

/** A JSON pointer of the same document (`#/components/schemas/User`); undefined for any other reference. */
function pointer(doc: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let cur: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    const r = asObject(cur);
    if (!r || !Object.prototype.hasOwnProperty.call(r, key)) return undefined;
    cur = r[key];
  }
  return cur;
}

/** The segments of a path: literals, and `:name` for a parameter (`{name}` in a document, `:name` in Express). */
export function pathSegments(route: string): string[] | undefined {
  const out: string[] = [];
  for (const seg of route.split("/")) {
    if (seg === "") continue;
    const doc = /^\{([^{}]+)\}$/.exec(seg);
    if (doc) out.push(`:${doc[1]}`);
    else if (/^:[\w$]+(?:\([^/]*\))?\??$/.test(seg)) out.push(`:${/^:([\w$]+)/.exec(seg)![1]}`);
    // A segment that is part parameter, or a pattern (`{id}.json`, `*`, `(.*)`): not matched.
    else if (/[{}*()?:+]/.test(seg)) return undefined;
    else out.push(seg);
  }
  return out;
}

function segmentsMatch(route: readonly string[], doc: readonly string[], offset: number): boolean {
  for (let i = 0; i < route.length; i++) {
    const a = route[i]!;
    const b = doc[offset + i]!;
    if (a.startsWith(":") !== b.startsWith(":") || (!a.startsWith(":") && a !== b)) return false;
  }
  return true;
}

function documentOf(doc: Record<string, unknown>, file: string): Doc {
  const resolve = (schema: unknown): SchemaObject | undefined => {
    let cur = schema;
    for (let hops = 0; hops < 16; hops++) {
      const r = asObject(cur);
      if (!r) return undefined;
      if (typeof r.$ref !== "string") return r;
      cur = pointer(doc, r.$ref);
    }
    return undefined;
  };
  // The base paths the validator strips: OpenAPI 3's `servers[].url` paths, Swagger 2's `basePath`.
  const bases: string[][] = [];
  for (const s of Array.isArray(doc.servers) ? doc.servers : []) {
    const url = asObject(s)?.url;
    if (typeof url !== "string") continue;
    const rest = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, "").replace(/^\{[^/]*\}/, "");
    const segs = pathSegments(rest);
    if (segs) bases.push(segs);
  }
  if (typeof doc.basePath === "string") bases.push(pathSegments(doc.basePath) ?? []);
  const paths = Object.entries(asObject(doc.paths) ?? {})
    .map(([key, item]) => ({ key, item: resolve(item), segs: pathSegments(key) }))
    .filter((x): x is { key: string; item: SchemaObject; segs: string[] } => !!x.item && !!x.segs);

  const operationAt = (key: string, item: SchemaObject, method: string): OpenApiOperation | undefined => {
    const op = resolve(item[method]);
    if (!op) return undefined;
    const params = new Map<string, SchemaObject>();
    let body: OpenApiOperation["body"];
    for (const list of [item.parameters, op.parameters]) {
      for (const raw of Array.isArray(list) ? list : []) {
        const prm = resolve(raw);
        if (!prm || typeof prm.name !== "string" || typeof prm.in !== "string") continue;
        if (prm.in === "body") {
          // Swagger 2's body parameter.
          const schema = resolve(prm.schema);
          body = schema ? { schema, required: prm.required === true } : undefined;
          continue;
        }
        // OpenAPI 3 puts the type in `schema`; Swagger 2 on the parameter itself.
        const schema = prm.schema !== undefined ? resolve(prm.schema) : prm;
        if (schema) params.set(`${prm.in}:${prm.name}`, schema);
      }
    }
    const rb = resolve(op.requestBody);
    const content = asObject(rb?.content);
    if (rb && content) {
      const types = Object.keys(content);
      // One JSON media type: what `express.json()` gives the handler is checked against it.
      const schema = types.length === 1 && /json/i.test(types[0]!) ? resolve(asObject(content[types[0]!])?.schema) : undefined;
      body = schema ? { schema, required: rb.required === true } : undefined;
    }
    return {
      path: key,
      method,
      parameter: (where, name) => params.get(`${where}:${name}`),
      ...(body ? { body } : {}),
      resolve,
    };
  };

  return {
    file,
    operation(method, segments, complete) {
      if (!METHODS.includes(method)) return undefined;
      const candidates = new Map<string, OpenApiOperation>();
      const consider = (key: string, item: SchemaObject) => {
        const op = operationAt(key, item, method);
        if (op) candidates.set(key, op);
      };
      if (complete) {
        // The whole path from the app: the document's paths under one of its base paths.
        for (const base of bases.length > 0 ? bases : [[]]) {
          if (base.length > segments.length || !segmentsMatch(base, segments, 0)) continue;
          const rest = segments.slice(base.length);
          for (const x of paths) if (x.segs.length === rest.length && segmentsMatch(rest, x.segs, 0)) consider(x.key, x.item);
        }
      } else if (segments.length > 0) {
        for (const x of paths) if (x.segs.length >= segments.length && segmentsMatch(segments, x.segs, x.segs.length - segments.length)) consider(x.key, x.item);
      }
      return candidates.size === 1 ? [...candidates.values()][0] : undefined;
    },
  };
}
