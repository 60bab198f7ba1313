import { ts } from "../../engine/ts";
import type { RuleContext, TextEdit } from "../../engine/types";
import { importBindings } from "../../engine/ast";
import { parse } from "../../engine/walk";
import { ProjectFiles, projectFilesOf } from "../unvalidated-boundary/elsewhere";

/**
 * Whether a safe log fix type-checks against the project's own logger: the error added to an
 * existing log call ("Add error to the log call", {@link logCallTakes}) or a new log line ("Log the
 * error with logger", {@link logLineFits}), where the project's code declares the level method: a
 * logger object, a class's instance or its static methods, a module's exported functions, in the
 * file or in a module of the project it imports (`import { logger } from "@/lib/logger"`). A level
 * method written with a fixed list of typed parameters (`error(message: string, context?:
 * LogContext)`) may not take one more argument, or a field its object type does not declare: the
 * fix would not type-check (or, untyped, the argument would be dropped), so it is not offered. A
 * logger whose declaration is not in the project (`console`, pino, winston, `this.logger`) is
 * taken to take it, as before. The same lookup reads a project error class's constructor for
 * "Pass the caught error to <Class> as { cause }" ({@link errorClassTakesCause}).
 */

/** Where the fix puts the error: one more argument at `index`, a new first argument, or a field of the object argument at `index`. */
type Slot = { kind: "append"; index: number } | { kind: "prepend" } | { kind: "field"; index: number };

type Signature = ts.SignatureDeclarationBase & { body?: ts.Node };

/** True unless the project declares the call's level method with parameters that cannot take the edits' error. */
export function logCallTakes(ctx: RuleContext, call: ts.CallExpression, edits: readonly TextEdit[]): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return true;
  const sigs = levelMethodSignatures(ctx, callee.expression.text, callee.name.text, callee.expression);
  if (!sigs) return true;
  const slot = slotOf(call, edits);
  return !!slot && sigs.some((s) => takes(s, slot, call.arguments.length));
}

/**
 * True unless the project declares the level method of a log line a fix writes (`logger.error("…",
 * { err })`) with parameters its arguments do not fit: a string message, an object of fields, the
 * error (`unknown` in a catch). `at` is where the line goes, for the names in scope there.
 */
export function logLineFits(ctx: RuleContext, line: string, at: ts.Node | undefined): boolean {
  const st = parse("line.ts", line).statements[0];
  const call = st && ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) ? st.expression : undefined;
  const callee = call?.expression;
  if (!call || !callee || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return true;
  const sigs = levelMethodSignatures(ctx, callee.expression.text, callee.name.text, at);
  return !sigs || sigs.some((sig) => fits(sig, call.arguments));
}

function fits(sig: Signature, args: readonly ts.Expression[]): boolean {
  if (readsArguments(sig)) return true;
  const params = ownParams(sig);
  const given = args.every((a, i) => {
    const p = paramAt(params, i);
    return !!p && isOpen(p, ts.isStringLiteralLike(a) || ts.isTemplateExpression(a) ? STRING_TYPE_RE : ts.isObjectLiteralExpression(a) ? OPEN_OBJECT_RE : OPEN_TYPE_RE);
  });
  // A parameter left out must be optional.
  return given && params.slice(args.length).every((p) => !!(p.questionToken || p.initializer || p.dotDotDotToken));
}

/** `function error() { console.error(...arguments) }` reads every argument, whatever its parameters. */
function readsArguments(sig: Signature): boolean {
  return !!sig.body && /\barguments\b/.test(sig.body.getText());
}

function ownParams(sig: Signature): ts.ParameterDeclaration[] {
  return sig.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === "this"));
}

function slotOf(call: ts.CallExpression, edits: readonly TextEdit[]): Slot | undefined {
  const args = call.arguments;
  const at = edits[edits.length - 1]?.start;
  if (at === undefined) return undefined;
  if (args.length === 0 || at === args[args.length - 1]!.getEnd()) return { kind: "append", index: args.length };
  if (at === args[0]!.getStart()) return { kind: "prepend" };
  const index = args.findIndex((a) => a.getStart() < at && at < a.getEnd());
  return index >= 0 ? { kind: "field", index } : undefined;
}

/** The declared parameter an argument at `i` binds: its own, or the rest parameter's. */
function paramAt(params: readonly ts.ParameterDeclaration[], i: number): ts.ParameterDeclaration | undefined {
  const rest = params.findIndex((p) => p.dotDotDotToken);
  return rest >= 0 && i >= rest ? params[rest] : params[i];
}

const OPEN_TYPE_RE = /^(?:any|unknown)$/;
const OPEN_REST_RE = /^(?:(?:readonly\s+)?(?:any|unknown)\[\]|(?:Readonly)?Array<(?:any|unknown)>)$/;
const OPEN_OBJECT_RE = /^(?:any|unknown|object|Record<string,\s*(?:any|unknown)>|\{\s*\[\w+:\s*string\]:\s*(?:any|unknown);?\s*\})$/;

const STRING_TYPE_RE = /^(?:any|unknown|string)$/;

/** Any value fits (`re` for an object, a string): untyped (a JS file), `any`, `unknown`, or a union holding one of them. */
function isOpen(p: ts.ParameterDeclaration, re: RegExp): boolean {
  if (!p.type) return true;
  const parts = ts.isUnionTypeNode(p.type) ? p.type.types : [p.type];
  return parts.some((t) => (p.dotDotDotToken ? OPEN_REST_RE : re).test(t.getText().trim()) || (re === OPEN_OBJECT_RE && takesAnyField(t)));
}

/** `LogContext` where its file declares it with an index signature of `any` or `unknown` (`[key: string]: any`). */
function takesAnyField(t: ts.TypeNode): boolean {
  if (!ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName) || t.typeArguments) return false;
  const name = t.typeName.text;
  for (const st of t.getSourceFile().statements) {
    const members = ts.isInterfaceDeclaration(st) && st.name.text === name ? st.members : ts.isTypeAliasDeclaration(st) && st.name.text === name && ts.isTypeLiteralNode(st.type) ? st.type.members : undefined;
    if (members) return members.some((m) => ts.isIndexSignatureDeclaration(m) && !!m.type && /^(?:any|unknown)$/.test(m.type.getText()) && m.parameters[0]?.type?.getText() === "string");
  }
  return false;
}

function takes(sig: Signature, slot: Slot, given: number): boolean {
  if (readsArguments(sig)) return true;
  const params = ownParams(sig);
  if (slot.kind === "field") {
    const p = paramAt(params, slot.index);
    return !!p && !p.dotDotDotToken && isOpen(p, OPEN_OBJECT_RE);
  }
  // A new first argument moves every other one a place on: each must still fit.
  const from = slot.kind === "append" ? slot.index : 0;
  for (let i = from; i <= given; i++) {
    const p = paramAt(params, i);
    if (!p || !isOpen(p, i === 0 && slot.kind === "prepend" ? OPEN_OBJECT_RE : OPEN_TYPE_RE)) return false;
  }
  return true;
}

/**
 * Whether `new Name(…)` of a project error class takes `{ cause }` as its argument at `index` (the
 * "Pass the caught error to Name as { cause }" suggestion): its own constructor, or, when it has none,
 * its parent's, up to `extends Error` (message, options), which takes it where the project's Error
 * types take options (ES2022). True where the class is not to be seen (a package's, a class
 * expression, a parent the lookup cannot read), as before.
 */
export function errorClassTakesCause(ctx: RuleContext, name: string, index: number, at: ts.Node): boolean {
  const look = lookupFor(ctx);
  let found = bindingOf(look, ctx.sourceFile, name, at);
  for (let depth = 0; depth < 4; depth++) {
    if (!found || !("decl" in found) || !ts.isClassDeclaration(found.decl)) return true;
    const cls = found.decl;
    const ctors = overloads(cls.members.filter(ts.isConstructorDeclaration));
    if (ctors.length > 0) return ctors.some((c) => takesCauseAt(ownParams(c), index));
    const parent = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!parent || !ts.isIdentifier(parent)) return true;
    if (BUILTIN_ERROR_RE.test(parent.text) && !declarationIn(found.sf, parent.text) && !importBindings(found.sf).has(parent.text)) return index <= 1 && !ctx.profile.predatesEs2022;
    found = bindingOf(look, found.sf, parent.text);
  }
  return true;
}

const BUILTIN_ERROR_RE = /^(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError)$/;
const CAUSE_OPTIONS_RE = /^(?:any|unknown|object|ErrorOptions|Record<string,\s*(?:any|unknown)>|Partial<ErrorOptions>)$/;
const CAUSE_REST_RE = /^(?:(?:readonly\s+)?(?:any|unknown)\[\]|(?:Readonly)?Array<(?:any|unknown)>|ConstructorParameters<typeof Error>)$/;

/** The parameter at `index` takes `{ cause }`, and any before it that the fix fills with `undefined` takes that. */
function takesCauseAt(params: readonly ts.ParameterDeclaration[], index: number): boolean {
  const p = paramAt(params, index);
  if (!p) return false;
  if (p.dotDotDotToken) return !p.type || CAUSE_REST_RE.test(p.type.getText().trim());
  if (p.type) return typeTakesCause(p.type);
  // Untyped in TypeScript, a default gives the type (`code = "INTERNAL"` is a string; `options = {}` takes any object).
  const init = p.initializer;
  return !init || /\.[cm]?jsx?$/.test(p.getSourceFile().fileName) || (ts.isObjectLiteralExpression(init) && (init.properties.length === 0 || init.properties.some((x) => !!x.name && ts.isIdentifier(x.name) && x.name.text === "cause")));
}

/** A type `{ cause }` fits: open, ErrorOptions, or an object type (written out, or declared in its file) with a `cause` member. */
function typeTakesCause(t: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(t) || ts.isIntersectionTypeNode(t)) return t.types.some(typeTakesCause);
  if (ts.isParenthesizedTypeNode(t)) return typeTakesCause(t.type);
  if (CAUSE_OPTIONS_RE.test(t.getText().trim())) return true;
  if (ts.isTypeLiteralNode(t)) return hasCause(t.members);
  if (!ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName)) return false;
  const name = t.typeName.text;
  for (const st of t.getSourceFile().statements) {
    if (ts.isInterfaceDeclaration(st) && st.name.text === name) return hasCause(st.members) || !!st.heritageClauses?.some((h) => h.types.some((x) => x.expression.getText() === "ErrorOptions"));
    if (ts.isTypeAliasDeclaration(st) && st.name.text === name) return typeTakesCause(st.type);
  }
  return false;
}

function hasCause(members: ts.NodeArray<ts.TypeElement>): boolean {
  return members.some((m) => !!m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === "cause");
}

/** Where names are looked up: the analysed file, and the project's modules its imports name (read once each). */
interface Lookup {
  ctx: RuleContext;
  files: ProjectFiles;
}

function lookupFor(ctx: RuleContext): Lookup {
  return { ctx, files: projectFilesOf(ctx) };
}

/**
 * The declarations of `recv.method` of a log call when the project writes them; undefined when
 * they are not to be seen (a package's logger, a property of `this`, a value the code computes).
 */
function levelMethodSignatures(ctx: RuleContext, recv: string, method: string, at: ts.Node | undefined): Signature[] | undefined {
  if (recv === "console") return undefined;
  const look = lookupFor(ctx);
  const found = bindingOf(look, ctx.sourceFile, recv, at);
  // `import * as log from "./log"`: `log.error` is the module's exported function `error`.
  if (found && "module" in found) return functionSignatures(found.module, method);
  return found ? methodOf(look, found.decl, method, found.sf, 0) : undefined;
}

type Decl = ts.Expression | ts.ClassDeclaration;
type Found = { decl: Decl; sf: ts.SourceFile } | { module: ts.SourceFile };

/** What `name` stands for in `sf`: its own declaration, or the export of a project module it imports (not a package's). */
function bindingOf(look: Lookup, sf: ts.SourceFile, name: string, at?: ts.Node): Found | undefined {
  const own = declarationIn(sf, name, at);
  if (own) return { decl: own, sf };
  const b = importBindings(sf).get(name);
  if (!b || b.kind === "require") return undefined;
  const abs = look.files.resolve(sf === look.ctx.sourceFile ? look.ctx.path : sf.fileName, b.spec);
  const mod = abs ? look.files.get(abs) : undefined;
  if (!mod) return undefined;
  if (b.kind === "namespace") return { module: mod };
  const decl = exportedDeclaration(mod, b.exported);
  return decl ? { decl, sf: mod } : undefined;
}

/** What `name` is declared as at `at`: a `const`/`let` initializer or a class, in an enclosing block or the file. */
function declarationIn(sf: ts.SourceFile, name: string, at?: ts.Node): Decl | undefined {
  const lists: (readonly ts.Statement[])[] = [];
  for (let p: ts.Node | undefined = at?.parent; p; p = p.parent) if (ts.isBlock(p) || ts.isModuleBlock(p)) lists.push(p.statements);
  lists.push(sf.statements);
  for (const list of lists) {
    for (const st of list) {
      if (ts.isClassDeclaration(st) && st.name?.text === name) return st;
      if (!ts.isVariableStatement(st)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return d.initializer;
    }
  }
  return undefined;
}

/** The module's export `name` (`"default"` for its default export), declared in the module itself. */
function exportedDeclaration(mod: ts.SourceFile, name: string): Decl | undefined {
  for (const st of mod.statements) {
    if (name === "default" && ts.isExportAssignment(st) && !st.isExportEquals) return ts.isIdentifier(st.expression) ? declarationIn(mod, st.expression.text) : st.expression;
    if (name === "default" && ts.isClassDeclaration(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return st;
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const el = st.exportClause.elements.find((e) => e.name.text === name);
      if (el) return declarationIn(mod, (el.propertyName ?? el.name).text);
    }
  }
  if (name === "default") return undefined;
  const exported = mod.statements.some((st) => (ts.isVariableStatement(st) || ts.isClassDeclaration(st)) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && (ts.isClassDeclaration(st) ? st.name?.text === name : st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)));
  return exported ? declarationIn(mod, name) : undefined;
}

/** The signatures of `method` on the value `decl` declares (an object literal, `new C()`, a class's statics). */
function methodOf(look: Lookup, decl: Decl, method: string, sf: ts.SourceFile, depth: number): Signature[] | undefined {
  if (ts.isClassDeclaration(decl)) return classMethod(decl, method, true);
  const e = bare(decl);
  if (depth >= 3) return undefined;
  if (ts.isIdentifier(e)) {
    const next = bindingOf(look, sf, e.text);
    return next && "decl" in next ? methodOf(look, next.decl, method, next.sf, depth + 1) : undefined;
  }
  // `new Logger("poller")`, the class declared in the file or in the project module it imports.
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const cls = bindingOf(look, sf, e.expression.text);
    return cls && "decl" in cls && ts.isClassDeclaration(cls.decl) ? classMethod(cls.decl, method, false) : undefined;
  }
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  // A spread may bring (or replace) the method: not followed.
  if (e.properties.some(ts.isSpreadAssignment)) return undefined;
  const p = e.properties.find((x) => x.name && (ts.isIdentifier(x.name) || ts.isStringLiteral(x.name)) && x.name.text === method);
  if (!p) return undefined;
  if (ts.isMethodDeclaration(p)) return [p];
  if (ts.isPropertyAssignment(p)) return fnOf(p.initializer);
  if (ts.isShorthandPropertyAssignment(p)) return functionSignatures(sf, method);
  return undefined;
}

/** `(x)`, `x as T`, `x satisfies T`: the value written inside. */
function bare(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function fnOf(init: ts.Expression): Signature[] | undefined {
  const e = bare(init);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? [e] : undefined;
}

/** A class's method `name` (its overloads when it has any); undefined when the class extends another, which may declare it. */
function classMethod(cls: ts.ClassDeclaration, name: string, isStatic: boolean): Signature[] | undefined {
  const members = cls.members.filter((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name && !!ts.getModifiers(m as ts.HasModifiers)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) === isStatic);
  const methods = members.filter(ts.isMethodDeclaration);
  if (methods.length > 0) return overloads(methods);
  const prop = members.find(ts.isPropertyDeclaration);
  if (prop?.initializer) return fnOf(prop.initializer);
  return undefined;
}

/** The module's top-level function `name` (its overloads when it has any), or a `const name = (…) => …`. */
function functionSignatures(sf: ts.SourceFile, name: string): Signature[] | undefined {
  const fns = sf.statements.filter((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name);
  if (fns.length > 0) return overloads(fns);
  const init = declarationIn(sf, name);
  return init && !ts.isClassDeclaration(init) ? fnOf(init) : undefined;
}

/** Callers see a function's overloads, not its implementation's signature. */
function overloads<T extends ts.MethodDeclaration | ts.FunctionDeclaration | ts.ConstructorDeclaration>(decls: T[]): T[] {
  const heads = decls.filter((d) => !d.body);
  return heads.length > 0 ? heads : decls;
}
