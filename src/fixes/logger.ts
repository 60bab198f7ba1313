import * as path from "node:path";
import { ts } from "../engine/ts";
import type { ProjectHost, TextEdit } from "../engine/types";
import type { ProjectProfile } from "../profile/types";
import { addDefaultImport, addNamedImport, type ImportStyle } from "./imports";
import { TreeMemo } from "../engine/tree-memo";

/** Which logging library a call is written for; decides the call shape. */
export type LoggerKind = "pino" | "bunyan" | "winston" | "nest" | "local" | "console";

/**
 * How a structured error log is written:
 * - `objectFirst`: pino/bunyan, `logger.error({ err, id }, "msg")`;
 * - `messageFirst`: winston/Nest, `logger.error("msg", { err, id })`;
 * - `console`: `console.error("msg", { id }, err)`.
 */
export type LogShape = "objectFirst" | "messageFirst" | "console";

export interface LoggerInfo {
  kind: LoggerKind;
  /** The expression to call `.error` on: `logger`, `this.logger`, `request.log`, `console`. */
  expr: string;
  shape: LogShape;
  /** For fix titles (plain text, as the lightbulb menu shows it): "pino", "winston", "logger", "this.logger", "console". */
  label: string;
}

export interface LoggerScope {
  /** True when the code sits in a class member, where `this.logger` is reachable. */
  inClass?: boolean;
  /** Parameter names of the enclosing functions (for `req.log`, `ctx.log`, `fastify.log`). */
  params?: readonly string[];
  /** True for an import specifier that names the project's logger module (see {@link resolveLogger}). */
  isLoggerModule?: (specifier: string) => boolean;
}

const LOG_PACKAGES: Record<string, LoggerKind> = { pino: "pino", bunyan: "bunyan", winston: "winston", "@nestjs/common": "nest" };
// Names a logger is imported under. `log`/`Logger`/`LOGGER` are as often a plain function or a
// class: they count only when the file calls a level on them (`log.error(…)`).
const LOGGER_NAME_RE = /^(?:logger|log|Logger|LOGGER|[a-z]\w*Logger)$/;
const PROBED_NAMES = new Set(["log", "Logger", "LOGGER"]);
const LEVEL_PROBE = ["error(", "warn(", "info(", "debug(", "fatal("];

const CONSOLE: LoggerInfo = { kind: "console", expr: "console", shape: "console", label: "console" };

function moduleOf(node: ts.Expression | undefined): string | undefined {
  // require("x") or require("x")(…)
  if (!node) return undefined;
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require" && node.arguments.length === 1) {
    const arg = node.arguments[0]!;
    return ts.isStringLiteralLike(arg) ? arg.text : undefined;
  }
  return undefined;
}

/** First existing call `expr.level(` in the text: `{`/identifier first → objectFirst, string first → messageFirst. */
function shapeFromUsage(text: string, expr: string, fallback: LogShape): LogShape {
  for (const level of LEVEL_PROBE) {
    const probe = `${expr}.${level}`;
    let at = text.indexOf(probe);
    while (at !== -1) {
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      // Not part of a longer name (`mylogger.error(`).
      if (!(before === 46 || (before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 95 || before === 36)) {
        let i = at + probe.length;
        while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
        const c = text[i];
        if (c === "{") return "objectFirst";
        if (c === '"' || c === "'" || c === "`") return "messageFirst";
      }
      at = text.indexOf(probe, at + probe.length);
    }
  }
  return fallback;
}

function labelOf(kind: LoggerKind, expr: string): string {
  return kind === "local" || kind === "nest" ? expr : kind;
}

function info(kind: LoggerKind, expr: string, text: string): LoggerInfo {
  // Nest's logger prints an Error argument but turns `{ err }` into `{"err":{}}`: pass the error itself.
  if (kind === "nest") return { kind, expr, shape: "console", label: labelOf(kind, expr) };
  const fallback: LogShape = kind === "winston" ? "messageFirst" : "objectFirst";
  const shape = kind === "pino" || kind === "bunyan" || kind === "winston" ? fallback : shapeFromUsage(text, expr, fallback);
  return { kind, expr, shape, label: labelOf(kind, expr) };
}

/**
 * Detects the logger a file already uses, from its top-level imports and declarations only
 * (no walk of the whole tree): a pino/bunyan/winston instance, a logger imported from the
 * project's own module, `this.logger` in a class, `request.log` in a Fastify handler, else console.
 *
 * @example detectLogger(sf, 'import pino from "pino";\nconst logger = pino();') → { kind: "pino", expr: "logger", shape: "objectFirst", label: "pino" }
 */
export function detectLogger(sf: ts.SourceFile, text: string, scope: LoggerScope = {}): LoggerInfo {
  // Package imports: local name → kind.
  const pkg = new Map<string, LoggerKind>();
  let instance: LoggerInfo | undefined;
  let imported: LoggerInfo | undefined;
  let nestLogger = false;

  const noteImportedLogger = (name: string, spec: string) => {
    if (imported || spec in LOG_PACKAGES) return;
    const fromModule = scope.isLoggerModule?.(spec) === true;
    if (!fromModule && !LOGGER_NAME_RE.test(name)) return;
    // A name the file calls (`const logger = createLogger("MessageHandler")`) is a factory or a
    // function, not a logger object: `createLogger.error(…)` would throw from the catch.
    if (isCalled(text, name)) return;
    if ((fromModule || PROBED_NAMES.has(name)) && !LEVEL_PROBE.some((level) => text.includes(`${name}.${level}`))) {
      // A default or `logger`-named import of the project's logger module is the logger even before its first call.
      if (!(fromModule && /^(?:logger|[a-z]\w*Logger)$/.test(name))) return;
    }
    imported = info("local", name, text);
  };

  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const spec = stmt.moduleSpecifier.text;
      const clause = stmt.importClause;
      if (!clause || clause.isTypeOnly) continue;
      const kind = LOG_PACKAGES[spec];
      const names: string[] = [];
      if (clause.name) names.push(clause.name.text);
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly) names.push(el.name.text);
      if (kind === "nest") {
        if (names.includes("Logger")) nestLogger = true;
        continue;
      }
      if (kind) for (const n of names) pkg.set(n, kind);
      else for (const n of names) noteImportedLogger(n, spec);
      continue;
    }
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      const init = decl.initializer;
      if (!init) continue;
      const spec = moduleOf(init);
      if (spec !== undefined) {
        const kind = LOG_PACKAGES[spec];
        if (ts.isIdentifier(decl.name)) {
          if (kind && kind !== "nest") pkg.set(decl.name.text, kind);
          else if (!kind) noteImportedLogger(decl.name.text, spec);
        } else if (ts.isObjectBindingPattern(decl.name)) {
          for (const el of decl.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            if (kind === "nest" && el.name.text === "Logger") nestLogger = true;
            else if (kind) pkg.set(el.name.text, kind);
            else noteImportedLogger(el.name.text, spec);
          }
        }
        continue;
      }
      if (instance || !ts.isIdentifier(decl.name)) continue;
      const name = decl.name.text;
      const kind = instanceKind(init, pkg);
      if (kind) instance = info(kind, name, text);
    }
  }

  // A class that carries its own logger (NestJS services) logs through it; `inClass` says the
  // code sits in an instance member of a class whose own code logs through `this.logger`/`this.log`.
  if (scope.inClass) {
    if (text.includes("this.logger.")) return info(nestLogger ? "nest" : "local", "this.logger", text);
    if (text.includes("this.log.")) return info("local", "this.log", text);
  }
  if (instance) return instance;
  if (imported) return imported;
  // Request- and app-scoped pino loggers: `req.log` (pino-http), `ctx.log` (koa-pino-logger), `request.log`/`fastify.log` (Fastify).
  for (const p of scope.params ?? []) {
    if (/^(?:req|request|ctx|context|fastify|app|server|instance)$/.test(p) && text.includes(`${p}.log.`)) return { kind: "pino", expr: `${p}.log`, shape: "objectFirst", label: `${p}.log` };
  }
  if (nestLogger && LEVEL_PROBE.some((level) => text.includes(`Logger.${level}`))) return { kind: "nest", expr: "Logger", shape: "console", label: "Logger" };
  return CONSOLE;
}

/** The text calls `name` itself (`name(`, `name?.(`), not only a method of it (`name.error(`). */
function isCalled(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*(?:\\?\\.)?\\(`).test(text);
}

function instanceKind(init: ts.Expression, pkg: Map<string, LoggerKind>): LoggerKind | undefined {
  let e = init;
  // pino(…).child(…), require("pino")(…)
  while (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const callee = e.expression;
    const spec = moduleOf(callee);
    if (spec && LOG_PACKAGES[spec] && LOG_PACKAGES[spec] !== "nest") return LOG_PACKAGES[spec];
    if (ts.isIdentifier(callee)) {
      const kind = pkg.get(callee.text);
      if (kind) return kind;
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const root = callee.expression;
      if (ts.isIdentifier(root) && pkg.has(root.text)) return pkg.get(root.text);
      e = root;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** Writes `name` or `key: name` for an object literal. */
function prop(key: string, value: string): string {
  return key === value ? key : `${key}: ${value}`;
}

/**
 * Builds a structured error-log call (no trailing semicolon) in the logger's own shape.
 *
 * @example formatLogCall(pinoInfo, '"loadUser failed"', "e", ["userId"]) → 'logger.error({ err: e, userId }, "loadUser failed")'
 */
export function formatLogCall(logger: LoggerInfo, message: string, errExpr: string, context: readonly string[]): string {
  const ctx = context.map((c) => prop(c, c));
  if (logger.shape === "console") {
    return ctx.length > 0 ? `${logger.expr}.error(${message}, { ${ctx.join(", ")} }, ${errExpr})` : `${logger.expr}.error(${message}, ${errExpr})`;
  }
  const obj = `{ ${[prop("err", errExpr), ...ctx].join(", ")} }`;
  return logger.shape === "objectFirst" ? `${logger.expr}.error(${obj}, ${message})` : `${logger.expr}.error(${message}, ${obj})`;
}

/** A logger to call from a fix, and the import edits that make it reachable in the file. */
export interface ResolvedLogger {
  logger: LoggerInfo;
  imports: TextEdit[];
}

export interface LoggerRequest {
  sf: ts.SourceFile;
  text: string;
  /** Absolute path of the file. */
  path: string;
  /** ESM syntax in the file (`import`), else CommonJS (`require`). */
  isModule: boolean;
  profile: ProjectProfile;
  /** Only to learn the extension of the logger module when the file writes extensions (Node ESM). */
  project: ProjectHost;
  scope: LoggerScope;
  style: Omit<ImportStyle, "module">;
}

const TS_FILE_RE = /\.[cm]?tsx?$/i;

function pathApi(file: string): path.PlatformPath {
  return file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
}

/** Relative specifiers of the file's imports and requires. */
function relativeSpecifiers(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) out.push(st.moduleSpecifier.text);
    else if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) {
      const spec = moduleOf(d.initializer);
      if (spec !== undefined) out.push(spec);
    }
  }
  return out.filter((s) => s.startsWith("."));
}

/** Matches specifiers that name the project's logger module: relative, `@/…`, `~/…` or `src/…` forms. */
function loggerModuleMatcher(file: string, profile: ProjectProfile): ((spec: string) => boolean) | undefined {
  const lp = profile.logger;
  if (!lp || lp.kind !== "module") return undefined;
  const p = pathApi(file);
  const target = p.join(profile.root, lp.from);
  const noSrc = lp.from.replace(/^src[\\/]/, "");
  return (spec) => {
    const bare = spec.replace(/\.[cm]?[jt]sx?$/, "").replace(/[\\/]index$/, "");
    if (bare.startsWith(".")) return p.join(p.dirname(file), bare) === target;
    const aliased = bare.replace(/^(?:@|~|#|src)\//, "");
    return aliased !== bare && (aliased === noSrc || aliased === lp.from);
  };
}

/**
 * The logger a fix should call in this file, in this order: the file's own (its imports and
 * instances, `this.logger`, `req.log`/`ctx.log`/`fastify.log`), then the project's logger module
 * (imported in the file's module style), NestJS's `Logger`, and `console`. Undefined when the
 * project lints `console` away and has no logger the file can reach: then no log fix is offered.
 * In browser files only the file's own logger or `console` is used (a server logger module does
 * not belong in a client bundle).
 */
export function resolveLogger(req: LoggerRequest): ResolvedLogger | undefined {
  // One answer per file and scope: a file with thousands of findings asks thousands of times, and
  // each detection reads the file's statements and text (that was quadratic).
  let perFile = resolved.get(req.sf);
  if (!perFile) resolved.set(req.sf, (perFile = new Map()));
  const key = JSON.stringify([req.scope, req.isModule, req.style]);
  if (perFile.has(key)) return perFile.get(key);
  const answer = resolveLoggerUncached(req);
  perFile.set(key, answer);
  return answer;
}

const resolved = new TreeMemo<ts.SourceFile, Map<string, ResolvedLogger | undefined>>();

function resolveLoggerUncached(req: LoggerRequest): ResolvedLogger | undefined {
  const { sf, text, profile } = req;
  const isLoggerModule = loggerModuleMatcher(req.path, profile);
  const own = detectLogger(sf, text, { ...req.scope, isLoggerModule });
  if (own.kind !== "console") return { logger: own, imports: [] };
  const fallback = profile.noConsole ? undefined : { logger: CONSOLE, imports: [] };
  if (profile.runtimeOf(req.path, text) !== "node" && profile.runtimeOf(req.path, text) !== "bun") return fallback;
  const lp = profile.logger;
  const isTs = TS_FILE_RE.test(req.path);
  const module = req.isModule || isTs || (profile.moduleSystem === "esm" && !/\brequire\s*\(/.test(text));
  const style: ImportStyle = { ...req.style, module };
  if (lp?.kind === "module") {
    // `require()` of a module written with `export` fails in Node (ERR_REQUIRE_ESM, or a syntax
    // error where the module is read as CommonJS) or hands back its namespace, not the logger:
    // the file's start, or its catch, would throw (a CommonJS script beside an ESM app's logger).
    if (!module && lp.esm) return fallback;
    const p = pathApi(req.path);
    const target = p.join(profile.root, lp.from);
    if (req.path.replace(/\.[cm]?[jt]sx?$/i, "") === target) return fallback;
    const local = lp.name === "default" ? "logger" : lp.name;
    // The name must be free in the file.
    if (new RegExp(`\\b${local}\\b`).test(text)) return fallback;
    let spec = p.relative(p.dirname(req.path), target).split(p.sep).join("/");
    if (!spec.startsWith(".")) spec = `./${spec}`;
    // Node's ESM loader resolves no relative specifier without its extension: a JavaScript module
    // of a `"type": "module"` package (or an `.mjs` file) names it even where the file's own imports
    // show none (an `import logger from "../utils/logger"` stopped the app at its start).
    const nodeEsm = module && !isTs && (profile.moduleSystem === "esm" || /\.mjs$/i.test(req.path));
    if (nodeEsm || relativeSpecifiers(sf).some((s) => /\.[cm]?[jt]s$/.test(s))) {
      const ext = isTs ? ".js" : [".js", ".mjs", ".cjs"].find((e) => req.project.fileExists(target + e));
      if (!ext) return fallback;
      spec += ext;
    }
    const imports = lp.name === "default" ? addDefaultImport(text, sf, spec, local, style) : addNamedImport(text, sf, spec, local, style);
    const shape = lp.shape === "console" ? "console" : shapeFromUsage(text, local, lp.shape);
    return { logger: { kind: "local", expr: local, shape, label: local }, imports };
  }
  if (lp?.kind === "nest" && isTs && !/\bLogger\b/.test(text)) {
    return { logger: { kind: "nest", expr: "Logger", shape: "console", label: "Logger" }, imports: addNamedImport(text, sf, "@nestjs/common", "Logger", style) };
  }
  return fallback;
}

/**
 * Edits that add the error to an existing log call that does not pass it, in the call's own
 * shape: `{ err }` into the object of an object-first call (or in front of its message), the
 * error as a last argument of a console-style call, `err` into a message-first call's field
 * object. The message and the existing fields stay as they are. Undefined when the call's shape
 * cannot take the error without changing what is there (a field named `err` already).
 *
 * @example errorArgEdits(call(`console.warn("touch failed")`), "e", consoleInfo) → [{ …, text: ", e" }]
 */
export function errorArgEdits(call: ts.CallExpression, errName: string, logger: LoggerInfo, text: string): TextEdit[] | undefined {
  const args = call.arguments;
  const callee = call.expression;
  const recv = ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : undefined;
  // Bare `log(…)` calls and console-like receivers take the error as one more argument.
  const shape: LogShape = recv === undefined || recv === "console" ? "console" : recv === logger.expr ? logger.shape : shapeFromUsage(text, recv, "console");
  const prop = errName === "err" ? "err" : `err: ${errName}`;
  const addTo = (obj: ts.ObjectLiteralExpression): TextEdit[] | undefined => {
    if (obj.properties.some((p) => p.name && ts.isIdentifier(p.name) && /^(?:err|error)$/.test(p.name.text))) return undefined;
    if (obj.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined;
    const last = obj.properties[obj.properties.length - 1];
    if (!last) return [{ start: obj.getStart() + 1, end: obj.getEnd() - 1, text: ` ${prop} ` }];
    return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${prop}` }];
  };
  if (args.length === 0) return [{ start: args.end, end: args.end, text: errName }];
  const first = args[0]!;
  if (shape === "objectFirst") {
    if (ts.isObjectLiteralExpression(first)) return addTo(first);
    if (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) return [{ start: first.getStart(), end: first.getStart(), text: `{ ${prop} }, ` }];
    return undefined;
  }
  const last = args[args.length - 1]!;
  if (shape === "messageFirst" && args.length === 2 && ts.isObjectLiteralExpression(last)) return addTo(last);
  // `console.error("Save of %s failed: %d", id)`: an argument added after a format string with a
  // placeholder left unfilled fills it (`%d` → NaN, `%c` → CSS) rather than logging the error.
  // A spread first (`console.error(...parts)`) may hold the format string itself.
  if (ts.isSpreadElement(first) || unfilledPlaceholders(first, args.slice(1))) return undefined;
  return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${errName}` }];
}

/**
 * True when the format string `format` holds more printf placeholders (`%s`, `%d`, `%o`, `%c`, …)
 * than the arguments after it (`given`) fill, or any where a spread makes their count unknown.
 * The text counted is the text written out (see {@link formatRuns}).
 */
function unfilledPlaceholders(format: ts.Expression, given: readonly ts.Expression[]): boolean {
  // `%%` is a literal percent sign, and fills nothing.
  const count = formatRuns(format).flatMap((t) => t.match(/%[%sdifjoOc]/g) ?? []).filter((m) => m !== "%%").length;
  return given.some(ts.isSpreadElement) ? count > 0 : count > given.length;
}

/**
 * The text of a format string as written in the code, in runs: a string, a template's literal parts,
 * the operands of a `+` (adjacent ones joined: `"50%" + "done"` is `%d` at run time), a `const` of
 * the file that holds one (`const FMT = "Save of %s failed"`). A value not written out (a name, a
 * call, a template's substitution) ends a run: what it holds is not read.
 *
 * @example formatRuns(expr(`"Save of " + id + " failed: %" + "c"`)) → ["Save of ", " failed: %c"]
 */
function formatRuns(format: ts.Expression): string[] {
  const pieces: (string | undefined)[] = [];
  const visit = (e: ts.Expression, depth: number): void => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    if (ts.isStringLiteralLike(e)) pieces.push(e.text);
    else if (ts.isTemplateExpression(e)) pieces.push(e.head.text, ...e.templateSpans.flatMap((sp) => [undefined, sp.literal.text]));
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      visit(e.left, depth);
      visit(e.right, depth);
    } else {
      const init = ts.isIdentifier(e) && depth < 4 ? fileConstInitializer(e) : undefined;
      if (init) visit(init, depth + 1);
      else pieces.push(undefined);
    }
  };
  visit(format, 0);
  const runs: string[] = [""];
  for (const p of pieces) {
    if (p === undefined) runs.push("");
    else runs[runs.length - 1] += p;
  }
  return runs;
}

/** The initializer of the `const` that `id` names, declared in a block around it or at the top of the file. */
function fileConstInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p) && !ts.isModuleBlock(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
      if (d) return d.initializer;
    }
  }
  return undefined;
}
