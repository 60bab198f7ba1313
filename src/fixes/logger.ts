import { ts } from "../engine/ts";

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
  /** For fix titles: "pino", "winston", "`logger`", "console". */
  label: string;
}

export interface LoggerScope {
  /** True when the code sits in a class member, where `this.logger` is reachable. */
  inClass?: boolean;
  /** Parameter names of the enclosing functions (for `request.log` in Fastify handlers). */
  params?: readonly string[];
}

const LOG_PACKAGES: Record<string, LoggerKind> = { pino: "pino", bunyan: "bunyan", winston: "winston", "@nestjs/common": "nest" };
const LOGGER_NAME_RE = /^(?:logger|log|[a-z]\w*Logger)$/;
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
  return kind === "local" || kind === "nest" ? `\`${expr}\`` : kind;
}

function info(kind: LoggerKind, expr: string, text: string): LoggerInfo {
  const fallback: LogShape = kind === "winston" || kind === "nest" ? "messageFirst" : "objectFirst";
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
    if (imported || !LOGGER_NAME_RE.test(name) || spec in LOG_PACKAGES) return;
    // `log` is as often a plain function as a logger object: take it only when the file calls `log.error(…)` and co.
    if (name === "log" && !LEVEL_PROBE.some((level) => text.includes(`log.${level}`))) return;
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

  // A class that carries its own logger (NestJS services) logs through it.
  if (scope.inClass) {
    if (text.includes("this.logger.")) return info(nestLogger ? "nest" : "local", "this.logger", text);
    if (text.includes("this.log.")) return info("local", "this.log", text);
  }
  if (instance) return instance;
  if (imported) return imported;
  // Fastify/Koa-pino handlers carry a request-scoped pino logger.
  for (const p of scope.params ?? []) {
    if ((p === "request" || p === "req") && text.includes(`${p}.log.`)) return { kind: "pino", expr: `${p}.log`, shape: "objectFirst", label: `\`${p}.log\`` };
  }
  return CONSOLE;
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
