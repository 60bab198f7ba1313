import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { ProjectHost, RuleContext } from "../../engine/types";
import type { ProjectProfile } from "../../profile/types";
import type { WorkspacePackages } from "../../profile/workspace";
import type { ImportersIndex } from "../../profile/importers";
import { constInitializer, findBinding, functionName, isFunctionLike, leaves, nameText, orOperands, returnedFunction, unwrap, type FunctionLike } from "./ast";
import { controllerName, holdersOf } from "./controller-names";
import { argsValidate, specValidates } from "./frameworks/express";
import { hooksLookUp, type ResolveFunction } from "./route-guards";
import { injectedType } from "./sinks";
import { optionsSelectSchema, schemaOptions } from "./schema-middleware";
import { TreeMemo } from "../../engine/tree-memo";
import { cachedFunction } from "./cached-function";
import { MAX_TEXT, NOT_SOURCE_RE, SCRIPT_RE } from "../../profile/importers";

/**
 * Validation that happens in another module of the project, read through the `ProjectHost` (the
 * way the fixes read a declared type's file; never the file system directly):
 * - the route that registers a controller's handler runs a validation middleware
 *   (`router.post("/x", validate(schema), ctrl.create)`, koa-joi-router `validate:`, a Fastify
 *   route `schema:`), see {@link registrationsOf};
 * - the input is handed to an imported function whose body validates it first (a service that
 *   starts with `validateLoginInput(body)`), see {@link importedFunction}.
 * Everything here is bounded: a few folder listings, files under 256 KB, parsed once per analysis.
 */

const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".jsx"];
const MAX_ROUTE_FILES = 60;

/** The `@/` and `~/` aliases of the project root (`@/lib/products`), when its configs declare none. */
const ALIAS_RE = /^[@~]\/(.+)$/;
/** Nuxt's `~~/` and `@@/` (the project's root folder). */
const ROOT_ALIAS_RE = /^(?:~~|@@)\/(.+)$/;

/** What ProjectFiles needs of the project profile: its root, its declared import aliases and its workspace's packages. */
export type ProjectAliases = Pick<ProjectProfile, "root" | "importAliases" | "workspacePackages" | "importers">;

/** Other modules of the project, parsed on demand and kept for one analysis. */
export class ProjectFiles {
  private readonly parsed = new Map<string, ts.SourceFile | undefined>();
  private readonly root: string | undefined;
  private readonly aliased = new Map<string, string | undefined>();
  private workspace: WorkspacePackages | null | undefined;

  /**
   * `self`: the analyzed file, which exists even when the host has not seen it yet (an unsaved editor buffer).
   * `profile`: the project's root and its import aliases (tsconfig `paths`, package `imports`).
   */
  constructor(readonly host: ProjectHost, private readonly self: string, private readonly profile?: ProjectAliases) {
    this.root = profile?.root.replace(/\\/g, "/");
  }

  /** The parsed file at `abs`, or undefined when it is absent, too large or not a script. */
  get(abs: string): ts.SourceFile | undefined {
    if (this.parsed.has(abs)) return this.parsed.get(abs);
    let sf: ts.SourceFile | undefined;
    const text = SCRIPT_RE.test(abs) ? this.host.readFile(abs) : undefined;
    if (text !== undefined && text.length <= MAX_TEXT) {
      const kind = /x$/.test(abs) ? (/\.tsx$/.test(abs) ? ts.ScriptKind.TSX : ts.ScriptKind.JSX) : /\.[cm]?ts$/.test(abs) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, kind);
    }
    this.parsed.set(abs, sf);
    return sf;
  }

  /** The text of the file at `abs` (its parsed tree's when it has been parsed), without parsing it; the same limits as {@link get}. */
  text(abs: string): string | undefined {
    if (this.parsed.has(abs)) return this.parsed.get(abs)?.text;
    const text = SCRIPT_RE.test(abs) ? this.host.readFile(abs) : undefined;
    return text !== undefined && text.length <= MAX_TEXT ? text : undefined;
  }

  /**
   * The file an import specifier names, if it exists: a relative one (`./auth.service.js` →
   * `auth.service.ts`); one of the project's declared aliases, as TypeScript and Node resolve them
   * (the nearest tsconfig's `paths`, then its `baseUrl`; package.json `imports` for `#lib/x`; see
   * src/profile/aliases.ts); then a package of the monorepo's workspace by its name (`@homarr/db`,
   * `@docmost/editor-ext/src/lib`: its `exports` or entry fields, a built entry's source; see
   * src/profile/workspace.ts), after the aliases as in TypeScript; else, where no `paths` key covers
   * it, the usual undeclared ones: `@/` and `~/` at the root or its `src/`, Nuxt's `~~/` and `@@/`
   * at the root, SvelteKit's `$lib/` (`src/lib`).
   */
  resolve(fromFile: string, spec: string): string | undefined {
    const from = fromFile.replace(/\\/g, "/");
    if (spec.startsWith("./") || spec.startsWith("../")) return this.existing(path.posix.join(path.posix.dirname(from), spec));
    if (spec.startsWith("/") || spec.includes(":")) return undefined;
    // A route module's imports are asked for again and again (one look-up per handler searched for).
    const key = `${path.posix.dirname(from)}\0${spec}`;
    if (this.aliased.has(key)) return this.aliased.get(key);
    const hit = this.aliasTarget(from, spec);
    this.aliased.set(key, hit);
    return hit;
  }

  private aliasTarget(from: string, spec: string): string | undefined {
    const declared = this.profile?.importAliases?.().resolve(from, spec);
    for (const c of declared?.candidates ?? []) {
      const hit = this.existing(c.replace(/\\/g, "/"));
      if (hit) return hit;
    }
    // The profile's answer is kept for this analysis: one touch of the manifests per file, then a map look-up per specifier.
    this.workspace ??= this.profile?.workspacePackages?.() ?? null;
    const pkg = this.workspace?.resolve(spec);
    for (const c of pkg ?? []) {
      const hit = this.existing(c);
      if (hit) return hit;
    }
    if (pkg || declared?.declared || !this.root) return undefined;
    const root = this.root;
    // SvelteKit's `$lib/server/openai` (its default `kit.files.lib`, `src/lib`).
    if (spec.startsWith("$lib/")) return this.existing(path.posix.join(root, "src/lib", spec.slice(5)));
    const top = ROOT_ALIAS_RE.exec(spec);
    if (top) return this.existing(path.posix.join(root, top[1]!));
    const alias = ALIAS_RE.exec(spec);
    if (!alias) return undefined;
    return this.existing(path.posix.join(root, alias[1]!)) ?? this.existing(path.posix.join(root, "src", alias[1]!));
  }

  private existing(base: string): string | undefined {
    const stem = base.replace(/\.(?:[cm]?js|jsx)$/, "");
    const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
    for (const c of candidates) if (SCRIPT_RE.test(c) && (c === this.self || this.host.fileExists(c))) return c;
    return undefined;
  }

  /** The analyzed file as parsed by the engine: a route module's chain names its functions (an unsaved buffer too). */
  adopt(abs: string, sf: ts.SourceFile): void {
    if (abs === this.self && !this.parsed.has(abs)) this.parsed.set(abs, sf);
  }

  list(dir: string): readonly string[] {
    return this.host.listDir?.(dir) ?? [];
  }

  /**
   * The project's importers index (src/profile/importers.ts), built with this resolution on the
   * first question; undefined without a profile. The analyzed file counts as existing (an unsaved
   * editor buffer, a test's in-memory project): on disk it always does, so the CLI's workers build
   * the same index whichever file asks first.
   */
  importers(): ImportersIndex | undefined {
    const profile = this.profile;
    if (!profile?.importers) return undefined;
    // Asked once per analysis: each question of the profile lists the walked folders again (`--cache`).
    if (this.index === undefined) {
      const resolver = new ProjectFiles(this.host, this.self, profile);
      this.index = profile.importers((from, spec) => resolver.resolve(from, spec));
    }
    return this.index;
  }
  private index: ImportersIndex | undefined;
  /** Facts about other modules kept for this analysis (callers.ts: how the project imports a module). */
  readonly memo = new Map<string, unknown>();
}

// One reader of the project's modules per analysed file, shared by every rule that looks into them
// (swallowed-exception's imported helpers, unvalidated-boundary's callees and registrations,
// unbounded-call's importers): a module several rules read is read and parsed once for the file.
const readers = new TreeMemo<ts.SourceFile, ProjectFiles>();

/** The analysed file's reader of the project's modules. */
export function projectFilesOf(ctx: RuleContext<unknown>): ProjectFiles {
  let files = readers.get(ctx.sourceFile);
  if (!files) readers.set(ctx.sourceFile, (files = new ProjectFiles(ctx.project, ctx.path.replace(/\\/g, "/"), ctx.profile)));
  return files;
}

// ---------------------------------------------------------------------------------------
// Route registrations in other modules

/** What the route modules that register a handler say about validation. */
export type Registration = "validated" | "unvalidated" | undefined;

/**
 * The registrations of an exported controller handler (`export async function create(req, res)`,
 * a static or instance method of the module's class, a method of its exported object) in the
 * project's route modules: the handler's own folder, its parent, the parent's `routes`,
 * `router`, `routers` and `api` folders (two levels of subfolders), the grandparent and its
 * `routes` and `router` folders (two levels as well). `validated` when one of them
 * validates `part` first, `unvalidated` when some are found and none does, undefined when none is found.
 */
export function registrationsOf(fn: FunctionLike, own: ts.SourceFile, file: string, files: ProjectFiles, part: string | undefined, fields: readonly string[] = []): Registration {
  const name = controllerName(fn);
  if (!name) return undefined;
  files.adopt(file.replace(/\\/g, "/"), own);
  // `export const OrderControllers = { createOrder }`: a route's `OrderControllers.createOrder` is the handler.
  const holders = holdersOf(own, name);
  const mineLocals = ownLocals(fn, name);
  for (const h of holders) mineLocals.set(h, "*");
  // The module itself may register the handler by name further down: `router.post("/", validate(s), create)`.
  const mine = registrationsIn(own, mineLocals, name, part, middlewareCovers(own, file, files), chainChecks(own, file, files, part, fields), fields, hooksGuard(own, file, files));
  if (mine || !files.host.listDir) return mine;
  const norm = file.replace(/\\/g, "/");
  const dir = path.posix.dirname(norm);
  const parent = path.posix.dirname(dir);
  const stem = path.posix.basename(norm).replace(/\.[^.]+$/, "");
  // How other modules name this one in their imports: `./userController`, `../controllers/user`, a folder's index.
  const needle = stem === "index" ? path.posix.basename(dir) : stem;
  const grand = path.posix.dirname(parent);
  const folders = [dir, parent];
  // A route folder and two levels of its subfolders (`src/routes/v1/payments/checkout.route.ts`).
  const withSubfolders = (f: string): void => {
    folders.push(f);
    for (const n of files.list(f)) {
      if (n.includes(".")) continue;
      folders.push(`${f}/${n}`);
      for (const m of files.list(`${f}/${n}`)) if (!m.includes(".")) folders.push(`${f}/${n}/${m}`);
    }
  };
  for (const sub of ["routes", "router", "routers", "api"]) withSubfolders(`${parent}/${sub}`);
  // `src/http/controllers/users.ts` registered by `src/routes.ts` or `src/routes/users.ts`.
  if (grand !== parent) {
    folders.push(grand);
    withSubfolders(`${grand}/routes`);
    withSubfolders(`${grand}/router`);
  }
  let found = false;
  let read = 0;
  for (const folder of new Set(folders)) {
    for (const n of files.list(folder)) {
      const abs = `${folder}/${n}`;
      if (abs === norm || !SCRIPT_RE.test(n) || NOT_SOURCE_RE.test(n)) continue;
      if (read++ >= MAX_ROUTE_FILES) return found ? "unvalidated" : undefined;
      const text = files.host.readFile(abs);
      if (!text || !text.includes(needle)) continue;
      const sf = files.get(abs);
      if (!sf) continue;
      const locals = importsOf(sf, abs, norm, files, defaultExported(fn, own) ? name : "*");
      if (locals.size === 0) continue;
      for (const [local, exported] of locals) if (holders.has(exported)) locals.set(local, "*");
      const r = registrationsIn(sf, locals, name, part, middlewareCovers(sf, abs, files), chainChecks(sf, abs, files, part, fields), fields, hooksGuard(sf, abs, files));
      if (r === "validated") return r;
      if (r === "unvalidated") found = true;
    }
  }
  return found ? "unvalidated" : undefined;
}

/** How the handler's own module names it: the function itself, its class or object (`UserController.create`), an instance of the class. */
function ownLocals(fn: FunctionLike, name: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!ts.isMethodDeclaration(fn) && !(fn.parent && ts.isPropertyAssignment(fn.parent))) out.set(name, name);
  const holder = ts.isMethodDeclaration(fn) ? fn.parent : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
  if (holder && (ts.isClassDeclaration(holder) || ts.isClassExpression(holder)) && holder.name) out.set(holder.name.text, "*");
  // `app.post("/oauth/disconnect", this.handleDisconnect.bind(this))` in a method of the same class (held round 44's
  // claude-code-connect `src/linear/oauth/controller.ts`): `this` names the controller.
  if (holder && ts.isClassLike(holder)) out.set("this", "*");
  const decl = holder && (ts.isClassExpression(holder) || ts.isObjectLiteralExpression(holder)) ? holder.parent : undefined;
  if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) out.set(decl.name.text, "*");
  const sf = fn.getSourceFile();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && out.get(init.expression.text) === "*" && ts.isIdentifier(d.name)) out.set(d.name.text, "*");
    }
  }
  return out;
}

/**
 * Local names bound to the module `target` in `sf`: `"*"` for the module object (a default or
 * namespace import, `require`, `new Imported()`), else the exported name a local stands for.
 */
function importsOf(sf: ts.SourceFile, file: string, target: string, files: ProjectFiles, defaultAs = "*"): Map<string, string> {
  const out = new Map<string, string>();
  const isTarget = (spec: string) => files.resolve(file, spec) === target;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && isTarget(st.moduleSpecifier.text)) {
      if (st.importClause.name) out.set(st.importClause.name.text, defaultAs);
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.set(nb.name.text, "*");
      else if (nb) for (const el of nb.elements) out.set(el.name.text, el.propertyName?.text ?? el.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const spec = requireOf(d.initializer);
        if (spec === undefined || !isTarget(spec)) continue;
        if (ts.isIdentifier(d.name)) out.set(d.name.text, "*");
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) if (ts.isIdentifier(el.name)) out.set(el.name.text, nameText(el.propertyName ?? el.name) ?? el.name.text);
        }
      }
    }
  }
  // `const controller = new UserController()`: the instance stands for the module's class.
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && out.has(init.expression.text) && ts.isIdentifier(d.name)) out.set(d.name.text, "*");
    }
  }
  // `const teamController = wrapController(rawTeamController)`: a wrapper of the module's exports keeps their keys.
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && !out.has(d.name.text) && wrapsModule(unwrap(d.initializer), out)) out.set(d.name.text, "*");
    }
  }
  return out;
}

/**
 * An object that maps the module's exports to the same keys, each wrapped (`express-async-handler`
 * around every handler): a call handed the module object (`wrapController(raw)`, `mapValues(raw,
 * asyncHandler)`, `Object.fromEntries(Object.entries(raw).map(…))`), or an object literal whose
 * every key names the module's member of that name (`{ create: asyncHandler(raw.create) }`).
 * Its `teamController.postTeam` is the module's `postTeam` for the route.
 */
function wrapsModule(init: ts.Expression, locals: ReadonlyMap<string, string>): boolean {
  const isModule = (e: ts.Expression) => {
    const x = unwrap(e);
    return ts.isIdentifier(x) && locals.get(x.text) === "*";
  };
  if (ts.isObjectLiteralExpression(init)) {
    return init.properties.length > 0 && init.properties.every((p) => {
      const key = nameText(p.name);
      if (!key || !ts.isPropertyAssignment(p)) return false;
      let v = unwrap(p.initializer);
      if (ts.isCallExpression(v) && v.arguments.length >= 1) v = unwrap(v.arguments[0]!);
      return ts.isPropertyAccessExpression(v) && v.name.text === key && isModule(v.expression);
    });
  }
  if (!ts.isCallExpression(init)) return false;
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && n.arguments.some(isModule)) hit = true;
    else ts.forEachChild(n, visit);
  };
  visit(init);
  return hit;
}

/** `require("./x")`, `require("./x").default`, `await import("./x")`. */
function requireOf(init: ts.Expression | undefined): string | undefined {
  let e = init && unwrap(init);
  if (e && ts.isPropertyAccessExpression(e) && e.name.text === "default") e = unwrap(e.expression);
  if (e && ts.isCallExpression(e) && (e.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(e.expression) && e.expression.text === "require"))) {
    const a = e.arguments[0];
    if (a && ts.isStringLiteral(a)) return a.text;
  }
  return undefined;
}

/**
 * The handler is its module's default export (`export default async function getContractHandler(req, res)`,
 * or `export default getContractHandler` below it): a default import of the module is the handler itself.
 */
function defaultExported(fn: FunctionLike, own: ts.SourceFile): boolean {
  if (ts.isFunctionDeclaration(fn) && fn.parent === own) {
    const mods = ts.getModifiers(fn) ?? [];
    if (mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return true;
  }
  const name = functionName(fn);
  return !!name && own.statements.some((st) => ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression) && st.expression.text === name);
}

/** `["GET", "/api/contract/:id", getContractHandler]`: a route table's row, a method and a path literal before the handler. */
function routeRow(n: ts.ArrayLiteralExpression): ts.Expression | undefined {
  const [method, url, handler] = n.elements;
  if (n.elements.length !== 3 || !method || !url || !handler) return undefined;
  return ts.isStringLiteralLike(method) && HTTP_METHOD_RE.test(method.text) && ts.isStringLiteralLike(url) && url.text.startsWith("/") ? handler : undefined;
}

const HTTP_METHOD_RE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/** True when `e` names the handler: `create`, `ctrl.create`, `ctrl.create.bind(ctrl)`. */
function namesHandler(e: ts.Expression, locals: ReadonlyMap<string, string>, name: string): boolean {
  let x = unwrap(e);
  if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "bind") x = unwrap(x.expression.expression);
  if (ts.isIdentifier(x)) return locals.get(x.text) === name;
  if (ts.isPropertyAccessExpression(x) && x.name.text === name) {
    const recv = unwrap(x.expression);
    if (recv.kind === ts.SyntaxKind.ThisKeyword) return locals.get("this") === "*";
    return ts.isIdentifier(recv) && locals.get(recv.text) === "*";
  }
  return false;
}

/**
 * True when a route argument is the handler or a wrapper that calls it (`async (ctx) => { await
 * ctrl.create(ctx) }`), or a call that wraps it (`asyncHandler(ctrl.create)`).
 */
function reachesHandler(arg: ts.Expression, locals: ReadonlyMap<string, string>, name: string): boolean {
  if (namesHandler(arg, locals, name)) return true;
  const fn = unwrap(arg);
  if (ts.isCallExpression(fn) && fn.arguments.length === 1 && namesHandler(fn.arguments[0]!, locals, name)) return true;
  if (!isFunctionLike(fn) || !fn.body) return false;
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit) return;
    if (ts.isCallExpression(n) && namesHandler(n.expression, locals, name)) hit = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return hit;
}

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "options", "head", "route", "on", "handle"]);

/** The registrations of the handler in one route module. */
function registrationsIn(sf: ts.SourceFile, locals: ReadonlyMap<string, string>, name: string, part: string | undefined, covers: (mw: ts.Expression, part: string, fields?: readonly string[]) => boolean, earlierCheck: (earlier: readonly ts.Expression[], handler?: boolean) => boolean | undefined, fields: readonly string[] = [], guarded: (hooks: readonly ts.Expression[]) => ReadonlySet<string> = () => new Set()): Registration {
  // `{ preHandler: [requireAuth, groupMemberGuard("id")] }`: route params the route's hooks look up first (route-guards.ts).
  const hooked = (spec: ts.ObjectLiteralExpression): boolean => {
    if (part !== "params" || fields.length === 0) return false;
    const hooks = spec.properties.flatMap((p) => {
      if (!ts.isPropertyAssignment(p) || !HOOK_KEYS.has(nameText(p.name) ?? "")) return [];
      const v = unwrap(p.initializer);
      return ts.isArrayLiteralExpression(v) ? [...v.elements] : [v];
    });
    if (hooks.length === 0) return false;
    const keys = guarded(hooks);
    return fields.every((f) => keys.has(f));
  };
  let found = false;
  let validated = false;
  const visit = (n: ts.Node): void => {
    if (validated) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ROUTE_METHODS.has(n.expression.name.text)) {
      const i = n.arguments.findIndex((a) => reachesHandler(a, locals, name));
      if (i >= 0) {
        found = true;
        // `validator([doesUserExistByNameAndAttach])` before the handler: a chain checks the fields its functions test.
        const chains = n.arguments.slice(0, i).flatMap((a) => chainOf(a) ?? []);
        const byChain = chains.length > 0 ? earlierCheck(chains, true) : undefined;
        if (byChain ?? (argsValidate(n.arguments, i, sf, part, covers, fields) || undeclaredParams(n.arguments[0], part, fields, sf))) validated = true;
        if (n.arguments.slice(0, i).some((a) => ts.isObjectLiteralExpression(a) && hooked(a))) validated = true;
      }
      // A function of a validator chain the route runs: `validator([isEmailValid, doesStudentExistByEmail])`.
      for (const a of i >= 0 ? [] : n.arguments) {
        const chain = chainOf(a);
        const j = chain ? chain.findIndex((e) => namesHandler(e, locals, name)) : -1;
        if (j < 0) continue;
        found = true;
        if (earlierCheck(chain!.slice(0, j))) validated = true;
      }
    }
    // A route table's row (`handlers.forEach(([method, url, handler]) => fastify.route({ method, url, handler }))`):
    // a method, a path and the handler, with no room for a schema (held round 33's retired tune, hackaithon-ec).
    if (ts.isArrayLiteralExpression(n)) {
      const handler = routeRow(n);
      if (handler && reachesHandler(handler, locals, name)) {
        found = true;
        // `["POST", "/api/contract/delete", deleteContractHandler]` reading `params.id`: no such parameter is ever set.
        if (undeclaredParams(n.elements[1], part, fields, sf)) validated = true;
      }
    }
    // `{ method: "POST", path: "/", validate: { body }, handler: ctrl.create }` (koa-joi-router, fastify.route).
    if (ts.isObjectLiteralExpression(n)) {
      const handler = n.properties.find((p) => nameText(p.name) === "handler");
      if (handler && ts.isPropertyAssignment(handler)) {
        const init = unwrap(handler.initializer);
        const items = ts.isArrayLiteralExpression(init) ? init.elements : [init];
        const i = items.findIndex((a) => reachesHandler(a, locals, name));
        if (i >= 0) {
          found = true;
          if (specValidates(n, part, true) || argsValidate(items, i, sf, part, covers, fields) || hooked(n)) validated = true;
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return validated ? "validated" : found ? "unvalidated" : undefined;
}

/**
 * `router.get("/permissions", getMyPermissions)` for a handler that reads `req.params.teamId`: a route
 * whose path declares none of the parameters read gives the client no way to set them (they are
 * `undefined`), in a module that neither merges a parent router's parameters (`mergeParams`) nor
 * declares a prefix.
 */
function undeclaredParams(path: ts.Expression | undefined, part: string | undefined, fields: readonly string[], sf: ts.SourceFile): boolean {
  if (part !== "params" || fields.length === 0 || !path || !(ts.isStringLiteral(path) || ts.isNoSubstitutionTemplateLiteral(path))) return false;
  if (/\bmergeParams\b|\bprefix\b/.test(sf.text)) return false;
  const declared = new Set(Array.from(path.text.matchAll(/:([A-Za-z_$][\w$]*)/g), (m) => m[1]!));
  return fields.every((f) => !declared.has(f));
}

/** The functions of a validator chain in a route's argument (`validator([isEmailValid, doesStudentExist])`), in order. */
function chainOf(arg: ts.Expression): readonly ts.Expression[] | undefined {
  const call = unwrap(arg);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return undefined;
  const list = unwrap(call.arguments[0]!);
  return ts.isArrayLiteralExpression(list) ? list.elements : undefined;
}

/**
 * Whether an earlier function of a validator chain checks every field the read takes: it reads
 * the field from the same part (`const { email } = ctx.request.body`) and returns an error
 * message when a test on it fails (`if (!isEmailPatternValid(email)) return "Invalid email."`).
 * A function that only reads the part whole (a field allowlist over `Object.keys(body)`) checks no field.
 */
function chainChecks(sf: ts.SourceFile, file: string, files: ProjectFiles, part: string | undefined, fields: readonly string[]): (earlier: readonly ts.Expression[], handler?: boolean) => boolean | undefined {
  // Undefined when the read takes no named fields (the part whole): the chain is judged by its name then.
  // For the route's handler, a field a chain function takes is that function's: checked there, or
  // reported there at its first raw use (`doesResultExistById`), not again in the handler.
  return (earlier, handler = false) => {
    if (!part || fields.length === 0) return undefined;
    const checked = new Set<string>();
    let functions = 0;
    for (const e of earlier) {
      const fn = calleeFunction(e, sf, file, files)?.fn ?? localFunction(sf, e);
      if (fn) functions++;
      for (const f of fn ? fieldsChecked(fn, part, handler) : []) checked.add(f);
    }
    // `featureAccess([!env.DISALLOW_REGISTRATION, env.MAIL_ENABLED])`: a list that names no function of the
    // project is no chain of checks (feature flags); the route is judged by its other middleware.
    if (earlier.length > 0 && functions === 0) return undefined;
    return fields.every((f) => checked.has(f));
  };
}

/** The fields of `part` a chain function takes from its context and tests before returning a message (`taken`: all it takes). */
function fieldsChecked(fn: FunctionLike, part: string, takenToo = false): Set<string> {
  const out = new Set<string>();
  const ctxParam = fn.parameters[0];
  if (!fn.body || !ctxParam || !ts.isIdentifier(ctxParam.name)) return out;
  const ctxName = ctxParam.name.text;
  const taken = new Set<string>();
  const tested: ts.IfStatement[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isObjectBindingPattern(n.name) && readsPart(n.initializer, ctxName, part)) {
      for (const el of n.name.elements) if (!el.dotDotDotToken && ts.isIdentifier(el.name) && (!el.propertyName || nameText(el.propertyName) === el.name.text)) taken.add(el.name.text);
    }
    if (ts.isIfStatement(n) && returnsMessage(n.thenStatement)) tested.push(n);
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  if (takenToo) return taken;
  for (const st of tested) {
    const mention = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && taken.has(n.text)) out.add(n.text);
      ts.forEachChild(n, mention);
    };
    mention(st.expression);
  }
  return out;
}

/** `ctx.request.body` (Koa's body), `ctx.params`, `ctx.query` for the part. */
function readsPart(e: ts.Expression, ctxName: string, part: string): boolean {
  const x = unwrap(e);
  if (!ts.isPropertyAccessExpression(x) || x.name.text !== part) return false;
  let base = unwrap(x.expression);
  if (ts.isPropertyAccessExpression(base) && base.name.text === "request") base = unwrap(base.expression);
  return ts.isIdentifier(base) && base.text === ctxName;
}

/** A branch that answers with an error message: `return "Invalid email."` (alone or after other statements). */
function returnsMessage(st: ts.Statement): boolean {
  const list = ts.isBlock(st) ? st.statements : [st];
  return list.some((s) => ts.isReturnStatement(s) && !!s.expression && (ts.isStringLiteralLike(unwrap(s.expression)) || ts.isTemplateExpression(unwrap(s.expression))));
}

/**
 * Whether a validation middleware named in a route (`validateCollection`, `validators.song`)
 * covers a request part: when its function can be found (in the module or one it imports, also a
 * whole CommonJS module that is the function, `const validateToken = require("../middlewares/auth")`)
 * and reads some parts of its request (`req.body`, `ctx.request.body`), only those, and of a part it
 * reads only by named fields (`req.query.token`), only those fields; a found function that reads no part
 * and never takes the request whole (`req[source]`, `validationResult(req)`) checks none: a token check
 * named `validateToken` that reads only the `Authorization` header (session 43, retired round 46, Swaggies
 * `wallet.controller.js:68`, `:130`, `:199`, decided findings). Otherwise (out of sight) it is trusted.
 */
function middlewareCovers(sf: ts.SourceFile, file: string, files: ProjectFiles): (mw: ts.Expression, part: string, fields?: readonly string[]) => boolean {
  return (mw, part, fields = []) => {
    // `validateRequest(createOrderSchema)`: the middleware is the function the factory returns.
    const x = unwrap(mw);
    const named = ts.isCallExpression(x) ? x.expression : mw;
    let fn = calleeFunction(named, sf, file, files)?.fn ?? localFunction(sf, named) ?? requiredFunction(named, sf, file, files);
    if (fn && ts.isCallExpression(x)) fn = returnedFunction(fn);
    const req = fn?.parameters[0];
    if (!fn?.body || !req || !ts.isIdentifier(req.name)) return true;
    const reqName = req.name.text;
    const read = new Map<string, Set<string> | "whole">();
    let whole = false;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && /^(?:body|query|params)$/.test(n.name.text)) {
        let base = unwrap(n.expression);
        if (ts.isPropertyAccessExpression(base) && base.name.text === "request") base = unwrap(base.expression);
        if (ts.isIdentifier(base) && base.text === reqName) {
          const up = n.parent;
          const field = ts.isPropertyAccessExpression(up) && up.expression === n ? up.name.text : undefined;
          const had = read.get(n.name.text);
          if (!field) read.set(n.name.text, "whole");
          else if (had !== "whole") read.set(n.name.text, (had ?? new Set()).add(field));
        }
      }
      // `req[source]`, `schema.validate(req)`, `validationResult(req)`: the request taken whole.
      if (ts.isIdentifier(n) && n.text === reqName && n.parent && ((ts.isElementAccessExpression(n.parent) && n.parent.expression === n) || ((ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent)) && !!n.parent.arguments?.includes(n)))) whole = true;
      ts.forEachChild(n, visit);
    };
    visit(fn.body);
    if (read.size === 0) return whole;
    const got = read.get(part);
    if (!got) return false;
    return got === "whole" || fields.length === 0 || fields.every((f) => got.has(f));
  };
}

/**
 * `const validateToken = require("../middlewares/authMiddleware.js")` whose module is the function
 * (`module.exports = validateToken`): that function, in the project's own modules.
 */
function requiredFunction(e: ts.Expression, sf: ts.SourceFile, file: string, files: ProjectFiles): FunctionLike | undefined {
  const x = unwrap(e);
  const imp = ts.isIdentifier(x) ? importOf(sf, x.text) : undefined;
  if (!imp || imp.name !== "*" || !isProjectSpecifier(imp.spec)) return undefined;
  const target = files.resolve(file, imp.spec);
  const other = target && !NODE_MODULES_RE.test(target) ? files.get(target) : undefined;
  const fn = other && findExport(other, "default");
  return fn && isFunctionLike(fn) && fn.body ? fn : undefined;
}

/** Fastify's route hooks that run before the handler. */
const HOOK_KEYS = new Set(["preHandler", "preValidation", "onRequest"]);

/** The route params a route's hooks look up first, the hooks read where the module `file` (or one it imports) writes them. */
function hooksGuard(sf: ts.SourceFile, file: string, files: ProjectFiles): (hooks: readonly ts.Expression[]) => ReadonlySet<string> {
  const resolve: ResolveFunction = (callee, at) => {
    const imported = calleeFunction(callee, at.sf, at.file, files);
    if (imported) return imported;
    const fn = localFunction(at.sf, callee);
    return fn ? { fn, sf: at.sf, file: at.file } : undefined;
  };
  return (hooks) => hooksLookUp(hooks, { sf, file }, resolve);
}

function localFunction(sf: ts.SourceFile, e: ts.Expression): FunctionLike | undefined {
  const x = unwrap(e);
  if (!ts.isIdentifier(x)) return undefined;
  const v = localValue(sf, x);
  return v && isFunctionLike(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------
// Imported functions

/** A function of another module, with the file it lives in. */
export interface ImportedFunction {
  fn: FunctionLike;
  sf: ts.SourceFile;
  file: string;
  /** The function a memoizing cache wraps (`reactCache(async (id) => …)`), reached only when the caller asks (cached-function.ts). */
  cached?: boolean;
}

/**
 * The function a call in `sf` reaches in another module of the project: `login(body)` with
 * `import { login } from "./auth.service"`, `AuthService.login(body)` with a default or namespace
 * import (an exported class's static method, an exported object's method, or a named export),
 * `authService.login(body)` where the module exports an instance (`export default new AuthService()`).
 */
export function importedFunction(call: ts.CallExpression, sf: ts.SourceFile, file: string, files: ProjectFiles, throughCache = false): ImportedFunction | undefined {
  return calleeFunction(call.expression, sf, file, files, throughCache);
}

/** The function of another module that `e` (`login`, `AuthService.login`) names, see {@link importedFunction}. */
function calleeFunction(callee: ts.Expression, sf: ts.SourceFile, file: string, files: ProjectFiles, throughCache = false): ImportedFunction | undefined {
  const e = unwrap(callee);
  let local: string;
  let member: string | undefined;
  if (ts.isIdentifier(e)) local = e.text;
  else if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    local = e.expression.text;
    member = e.name.text;
  } else if (ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
    // An injected service: `this.adminService.getUsers(q)` with `private adminService: AdminService`.
    const cls = injectedType(e.expression, e.expression.name.text);
    if (!cls) return undefined;
    local = cls;
    member = e.name.text;
  } else return undefined;
  // `const roomManager = new RoomManager()` at the top of the module, the class imported from the project (an instance a
  // function builds for itself is not followed: its constructor's arguments may decide what the method does).
  if (member && ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && !importOf(sf, local)) local = instanceClass(e.expression) ?? local;
  const imp = importOf(sf, local);
  if (!imp) return undefined;
  const target = files.resolve(file, imp.spec);
  if (!target) return undefined;
  const other = files.get(target);
  if (!other) return undefined;
  if (imp.name !== "*" && !member && !findExport(other, imp.name)) {
    // `import { saveUserEmail } from "../../core/supabase"` where the folder's index only re-exports
    // (`export * from "./saveUserEmail"`): the function in the module the barrel names (the project's own
    // modules only: a package's barrel checked in under node_modules, drizzle-orm's `eq`, is no code of the project).
    const found = NODE_MODULES_RE.test(target) ? undefined : exportedValue(target, imp.name, files, 0);
    const node = found && (throughCache ? cachedFunction(found.node, found.sf) : found.node);
    return found && node && !NODE_MODULES_RE.test(found.file) && isFunctionLike(node) && node.body ? { fn: node, sf: found.sf, file: found.file, ...(node !== found.node ? { cached: true } : {}) } : undefined;
  }
  const found = imp.name === "*" ? (member ? findExport(other, member) ?? memberOf(findExport(other, "default"), member, other) : undefined) : member ? memberOf(findExport(other, imp.name), member, other) : findExport(other, imp.name);
  // `export const getOrganization = reactCache(async (id) => …)`: the function the cache wraps (cached-function.ts), when asked.
  const exported = found && (throughCache ? cachedFunction(found, other) : found);
  return exported && isFunctionLike(exported) && exported.body ? { fn: exported, sf: other, file: target, ...(exported !== found ? { cached: true } : {}) } : undefined;
}

const NODE_MODULES_RE = /[\\/]node_modules[\\/]/;

/** The class of the module's top-level `const` instance `id` names (`const store = new Store(…)`): the class's name. */
function instanceClass(id: ts.Identifier): string | undefined {
  const b = findBinding(id);
  if (b?.kind !== "var" || !ts.isSourceFile(b.decl.parent.parent.parent)) return undefined;
  const init = constInitializer(id);
  const made = init && unwrap(init);
  return made && ts.isNewExpression(made) && ts.isIdentifier(made.expression) ? made.expression.text : undefined;
}

/**
 * What another module of the project exports under the name `local` is imported as (`import { users } from "./schema"`):
 * the exported value (a variable's initializer, a function, a class) and its module; undefined for a package or a
 * namespace import.
 */
export function importedValue(local: string, sf: ts.SourceFile, file: string, files: ProjectFiles): { node: ts.Node; sf: ts.SourceFile } | undefined {
  const imp = importOf(sf, local);
  const target = imp && imp.name !== "*" ? files.resolve(file, imp.spec) : undefined;
  return target && imp ? exportedValue(target, imp.name, files, 0) : undefined;
}

/**
 * The value module `file` exports as `name`, through a barrel's re-exports (`export * from "./auth-schema"`,
 * `export { user } from "./auth-schema"`, `export { user as account } from …`), three modules deep at most.
 */
function exportedValue(file: string, name: string, files: ProjectFiles, depth: number): { node: ts.Node; sf: ts.SourceFile; file: string } | undefined {
  const other = files.get(file);
  if (!other) return undefined;
  const node = findExport(other, name);
  if (node) return { node, sf: other, file };
  if (depth >= 3 || name === "default") return undefined;
  for (const st of other.statements) {
    if (!ts.isExportDeclaration(st) || st.isTypeOnly || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    let inner: string | undefined = name;
    if (st.exportClause) {
      const el = ts.isNamedExports(st.exportClause) ? st.exportClause.elements.find((e) => !e.isTypeOnly && e.name.text === name) : undefined;
      inner = el ? (el.propertyName ?? el.name).text : undefined;
    }
    const next = inner !== undefined ? files.resolve(file, st.moduleSpecifier.text) : undefined;
    const found = next && inner !== undefined ? exportedValue(next, inner, files, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The import or require that binds `local` at the top of `sf`: its specifier and the exported name (`"*"`: the module). */
function importOf(sf: ts.SourceFile, local: string): { spec: string; name: string } | undefined {
  return topImports(sf).get(local);
}

/**
 * True when `local` is imported or required at the top of `sf` from a specifier that
 * {@link ProjectFiles.resolve} may follow: a relative one, one under the `@/`, `~/` or `#` aliases;
 * given the importing file and its ProjectFiles (`own`), any the resolver finds a module of the
 * project for (a tsconfig `paths` alias, a package of the monorepo's workspace such as `@homarr/db`);
 * or, given the project's `dependencies`, any that names no dependency (a tsconfig `paths` alias
 * such as `@server/lib/body`). Only then can a call of it reach a function of another module of the project.
 */
export function importsFromProject(sf: ts.SourceFile, local: string, dependencies?: ReadonlySet<string>, own?: { file: string; files: ProjectFiles }): boolean {
  const spec = topImports(sf).get(local)?.spec;
  if (spec === undefined) return false;
  if (isProjectSpecifier(spec)) return true;
  if (spec.includes(":")) return false;
  if (own && !NODE_BUILTIN_RE.test(spec.split("/")[0]!) && own.files.resolve(own.file, spec) !== undefined) return true;
  if (!dependencies) return false;
  const pkg = /^(?:@[^/]+\/)?[^/]+/.exec(spec)?.[0];
  return pkg !== undefined && !dependencies.has(pkg) && !NODE_BUILTIN_RE.test(pkg);
}

/** A specifier the project's own modules are named by, told by its text: relative, or under the `@/`, `~/`, `~~/`, `@@/` or `#` aliases. */
export function isProjectSpecifier(spec: string): boolean {
  return spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("#") || ALIAS_RE.test(spec) || ROOT_ALIAS_RE.test(spec);
}

// Node's own modules, imported without `node:` (`fs`, `path`): never an alias of the project.
const NODE_BUILTIN_RE = /^(?:assert|async_hooks|buffer|child_process|cluster|crypto|dgram|dns|events|fs|http|http2|https|net|os|path|perf_hooks|process|querystring|readline|stream|string_decoder|timers|tls|url|util|v8|vm|worker_threads|zlib)$/;

const IMPORTS = new TreeMemo<ts.SourceFile, Map<string, { spec: string; name: string }>>();

/**
 * Every name the top of `sf` imports or requires, the first binding of a name winning, read once
 * per file: a statement scan per call was linear in the module's size.
 */
function topImports(sf: ts.SourceFile): ReadonlyMap<string, { spec: string; name: string }> {
  let out = IMPORTS.get(sf);
  if (out) return out;
  out = new Map();
  const bind = (local: string, spec: string, name: string): void => void (out!.has(local) || out!.set(local, { spec, name }));
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && !st.importClause.isTypeOnly) {
      const spec = st.moduleSpecifier.text;
      if (st.importClause.name) bind(st.importClause.name.text, spec, "default");
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) bind(nb.name.text, spec, "*");
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) bind(el.name.text, spec, el.propertyName?.text ?? el.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const spec = requireOf(d.initializer);
        if (spec === undefined) continue;
        if (ts.isIdentifier(d.name)) bind(d.name.text, spec, "*");
        if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) bind(el.name.text, spec, nameText(el.propertyName ?? el.name) ?? el.name.text);
      }
    }
  }
  IMPORTS.set(sf, out);
  return out;
}

/**
 * What `name` is exported as in `sf` (`"default"` for the default export): a function, a class,
 * an object literal or a `new X()` expression, followed through one local name.
 */
function findExport(sf: ts.SourceFile, name: string): ts.Node | undefined {
  const exported = (st: ts.Statement) => !!ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (st: ts.Statement) => !!ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const st of sf.statements) {
    // An overload's signature (`export function optIntegerParam(p: any, name: string): number | undefined;`): the implementation
    // follows (a declaration with no body, an ambient one too, has nothing to read).
    if (ts.isFunctionDeclaration(st) && !st.body) continue;
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && exported(st) && (name === "default" ? isDefault(st) : st.name?.text === name && !isDefault(st))) return st;
    if (ts.isVariableStatement(st) && exported(st) && name !== "default") {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return unwrap(d.initializer);
    }
    if (ts.isExportAssignment(st) && (name === "default" || st.isExportEquals)) {
      const v = localValue(sf, st.expression);
      if (name === "default") return v;
      const m = v && memberOf(v, name, sf);
      if (m) return m;
    }
    // `exports.create = …`, `module.exports.create = …`, `module.exports = { create }`, `module.exports = router`.
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = st.expression.left;
      const right = st.expression.right;
      const isModuleExports = (x: ts.Expression) => ts.isPropertyAccessExpression(x) && x.name.text === "exports" && ts.isIdentifier(x.expression) && x.expression.text === "module";
      if (isModuleExports(left)) {
        const v = localValue(sf, right);
        if (name === "default") return v;
        const m = v && memberOf(v, name, sf);
        if (m) return m;
      } else if (ts.isPropertyAccessExpression(left) && left.name.text === name && ((ts.isIdentifier(left.expression) && left.expression.text === "exports") || isModuleExports(left.expression))) {
        return localValue(sf, right);
      }
    }
    // `export { create }`, `export { AuthService as default }`.
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (el.name.text === name) return localValue(sf, el.propertyName ?? el.name);
    }
  }
  return undefined;
}

/** A top-level function, class or variable initializer named by `e` (one hop), or `e` itself. */
function localValue(sf: ts.SourceFile, e: ts.Expression | ts.Identifier): ts.Node | undefined {
  const x = unwrap(e as ts.Expression);
  if (!ts.isIdentifier(x)) return x;
  for (const st of sf.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === x.text) return st;
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === x.text && d.initializer) return unwrap(d.initializer);
  }
  return undefined;
}

/** The method `name` of a class, an object literal, or the class a `new X()` instance comes from. */
function memberOf(node: ts.Node | undefined, name: string, sf: ts.SourceFile): ts.Node | undefined {
  if (!node) return undefined;
  let n = node;
  if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) n = localValue(sf, n.expression) ?? n;
  if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) {
    for (const m of n.members) if (ts.isMethodDeclaration(m) && nameText(m.name) === name) return m;
    for (const m of n.members) if (ts.isPropertyDeclaration(m) && nameText(m.name) === name && m.initializer) return unwrap(m.initializer);
    return undefined;
  }
  if (ts.isObjectLiteralExpression(n)) {
    for (const p of n.properties) {
      if (nameText(p.name) !== name) continue;
      if (ts.isMethodDeclaration(p)) return p;
      if (ts.isPropertyAssignment(p)) return localValue(sf, p.initializer);
      if (ts.isShorthandPropertyAssignment(p)) return localValue(sf, p.name);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Route parameters decided by an earlier middleware

/**
 * True when a middleware the route runs before the handler (`router.get("/:id", requireGuildAdmin,
 * handler)`, a function of the module or of a relative module it imports) decides every route
 * parameter in `keys` by an allowlist: it reads the parameter and ends the request (`return
 * res.status(403)…`, a `throw`) unless the value is one of a list the server holds (`const guild =
 * req.session.guilds.find((g) => g.id === id); if (!guild) return …`, `if (!ids.includes(id))
 * return …`). Only values of that list get past it.
 */
export function paramsAllowlistedBefore(route: ts.CallExpression, at: number, keys: readonly string[], sf: ts.SourceFile, file: string, files: ProjectFiles): boolean {
  if (keys.length === 0) return false;
  const decided = new Set<string>();
  for (const arg of route.arguments.slice(0, at)) {
    const mw = unwrap(arg);
    if (!ts.isIdentifier(mw) && !ts.isPropertyAccessExpression(mw)) continue;
    const fn = calleeFunction(mw, sf, file, files)?.fn ?? localFunction(sf, mw);
    if (fn) for (const k of allowlistedParams(fn)) decided.add(k);
  }
  return keys.every((k) => decided.has(k));
}

/**
 * True when a middleware factory the route calls before the handler (`route({ requestBody: "GuildUpdateSchema" })`,
 * a function of the module or of a project module it imports) validates the request's `part` against the
 * schema one of the options it is given selects (see schema-middleware.ts).
 */
export function partValidatedBefore(route: ts.CallExpression, at: number, part: string, sf: ts.SourceFile, file: string, files: ProjectFiles): boolean {
  for (const arg of route.arguments.slice(0, at)) {
    const mw = unwrap(arg);
    if (!ts.isCallExpression(mw) || mw.arguments.length !== 1) continue;
    const opts = unwrap(mw.arguments[0]!);
    if (!ts.isObjectLiteralExpression(opts)) continue;
    const fn = calleeFunction(mw.expression, sf, file, files)?.fn ?? localFunction(sf, mw.expression);
    if (fn && optionsSelectSchema(opts, schemaOptions(fn, part))) return true;
  }
  return false;
}

/** The route parameters a middleware `(req, res, next)` / `(ctx, next)` ends the request for unless an allowlist lookup finds them. */
function allowlistedParams(fn: FunctionLike): Set<string> {
  const out = new Set<string>();
  const req = fn.parameters[0];
  if (!fn.body || !req || !ts.isIdentifier(req.name) || fn.parameters.length < 2) return out;
  const reqName = req.name.text;
  const isParams = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (!ts.isPropertyAccessExpression(x) || x.name.text !== "params") return false;
    let base = unwrap(x.expression);
    if (ts.isPropertyAccessExpression(base) && base.name.text === "request") base = unwrap(base.expression);
    return ts.isIdentifier(base) && base.text === reqName;
  };
  // Locals holding a parameter (`const { id } = req.params`, `const id = req.params.id`) and lookups (`const guild = list.find(…)`).
  const held = new Map<string, string>();
  const lookups = new Map<string, string>();
  const keyOf = (e: ts.Expression): string | undefined => {
    const x = unwrap(e);
    if (ts.isIdentifier(x)) return held.get(x.text);
    if (ts.isPropertyAccessExpression(x) && isParams(x.expression)) return x.name.text;
    if (ts.isElementAccessExpression(x) && isParams(x.expression) && ts.isStringLiteralLike(x.argumentExpression)) return x.argumentExpression.text;
    return undefined;
  };
  /** `list.find((g) => g.id === id)`, `list.some(…)`, `ids.includes(id)`, `allowed.has(id)`: the key it looks up in a list held in memory. */
  const lookupKey = (e: ts.Expression): string | undefined => {
    const x = unwrap(e);
    if (!ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression) || x.arguments.length !== 1) return undefined;
    const method = x.expression.name.text;
    const a = unwrap(x.arguments[0]!);
    if (method === "includes" || method === "has") return keyOf(a);
    if ((method !== "find" && method !== "some") || !ts.isArrowFunction(a) || !ts.isBinaryExpression(a.body)) return undefined;
    const op = a.body.operatorToken.kind;
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
    return keyOf(a.body.left) ?? keyOf(a.body.right);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) {
      if (ts.isObjectBindingPattern(n.name) && isParams(n.initializer)) {
        for (const el of n.name.elements) {
          const k = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
          if (k && ts.isIdentifier(el.name)) held.set(el.name.text, k);
        }
      } else if (ts.isIdentifier(n.name)) {
        const k = keyOf(n.initializer);
        if (k) held.set(n.name.text, k);
        const l = lookupKey(n.initializer);
        if (l) lookups.set(n.name.text, l);
      }
    }
    if (ts.isIfStatement(n) && leaves(n.thenStatement)) {
      for (const t of orOperands(n.expression)) {
        const x = unwrap(t);
        if (!ts.isPrefixUnaryExpression(x) || x.operator !== ts.SyntaxKind.ExclamationToken) continue;
        const inner = unwrap(x.operand);
        const k = ts.isIdentifier(inner) ? lookups.get(inner.text) : lookupKey(inner);
        if (k) out.add(k);
      }
    }
    if (n === fn.body || !isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return out;
}

