import { ts } from "../../engine/ts";
import { ignoreLineEdit } from "../../engine/suppress";
import type { Fix, RuleContext, TextEdit } from "../../engine/types";
import { addNamedImport } from "../../fixes/imports";
import { detectStyle, lineIndentAt, lineStartAt, type FileStyle } from "../../fixes/text";
import { fileTypeResolver, optionalFromUsage, renderShape, schemaGaps, shapeFromType, shapeFromUsage, type Shape } from "../../fixes/zod-schema";
import { inErrorBranch, statusTestedAfter, validatedLater, zodDependencyMisfit } from "./fix-fit";
import { enclosingFunction, findRefs, functionName, isFunctionLike, isWrapper, scopeOf, unwrap, type FunctionLike } from "./ast";
import { routeCallOf } from "./frameworks/express";
import { storedScalar } from "./stored-field";
import { pagingBound } from "./paging-bound";
import { lambdaHandlerOf } from "./frameworks/lambda";
import { serverFnName } from "./frameworks/tanstack";
import type { Channel, FileFacts, Source } from "./source";

type Ctx = RuleContext<Record<string, never>>;

/** Fixes for one finding, both suggestions: "Validate with Zod" (when Zod fits the project) and "Mark as validated elsewhere…". */
export function buildFixes(ctx: Ctx, s: Source, facts: FileFacts): Fix[] {
  const out: Fix[] = [];
  const zod = zodFix(ctx, s, facts);
  if (zod) out.push(zod);
  const mark = markValidated(ctx, s);
  if (mark) out.push(mark);
  // On half-typed code the engine drops fixes that fail the fix invariants (analyze.ts checkedFixes).
  return out;
}

function markValidated(ctx: Ctx, s: Source): Fix | undefined {
  const edit = ignoreLineEdit(ctx.text, (s.reportAt ?? s.node).getStart(ctx.sourceFile), `unvalidated-boundary/${s.caseId}`, detectStyle(ctx.text).eol, ctx.sourceFile);
  return edit.text === "" ? undefined : { title: "Mark as validated elsewhere…", kind: "suggestion", edits: [edit] };
}

function pascal(words: string): string {
  return words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

function uniqueName(base: string, text: string): string {
  let name = base;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(text); i++) name = `${base}${i}`;
  return name;
}

/** The declared type of the read: `x as T`, `const v: T = x`, `json<T>()`, or the parameter's type. */
function declaredType(s: Source): ts.TypeNode | undefined {
  if (s.param) return s.param.type;
  // A TanStack Start identity validator `(data: T) => data`: its parameter's type.
  if (s.caseId === "tanstackServerFn" && s.replace && isFunctionLike(s.replace)) return s.replace.parameters[0]?.type;
  return declaredTypeOf(s.node);
}

function declaredTypeOf(node: ts.Node): ts.TypeNode | undefined {
  if (ts.isCallExpression(node) && node.typeArguments?.length === 1) return node.typeArguments[0];
  let top: ts.Node = node;
  while (top.parent && isWrapper(top.parent)) {
    top = top.parent;
    if ((ts.isAsExpression(top) || ts.isTypeAssertionExpression(top)) && top.type.kind !== ts.SyntaxKind.AnyKeyword && top.type.kind !== ts.SyntaxKind.UnknownKeyword) return top.type;
  }
  const p = top.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === top && p.type && p.type.kind !== ts.SyntaxKind.AnyKeyword) return p.type;
  return undefined;
}

function typeName(t: ts.TypeNode | undefined): string | undefined {
  if (t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && !t.typeArguments) return t.typeName.text;
  return undefined;
}

/** Base of the schema name: the handler's name or route (`createUser`, `app.post("/users")` → PostUsers). */
function handlerBase(s: Source, sf: ts.SourceFile): { base: string; fromVar?: boolean } {
  const fn = s.handler ?? enclosingFunction(s.node);
  if (fn) {
    const route = routeCallOf(fn);
    if (route && ts.isPropertyAccessExpression(route.expression)) {
      const path = route.arguments[0];
      const words = path && (ts.isStringLiteral(path) || ts.isNoSubstitutionTemplateLiteral(path)) ? path.text.split("/").filter((w) => w && !w.startsWith(":") && !w.startsWith("{")) : [];
      const verb = route.expression.name.text;
      return { base: pascal([verb === "del" ? "delete" : verb, ...words].join(" ")) };
    }
    const name = s.caseId === "tanstackServerFn" ? serverFnName(fn) : functionName(fn);
    if (name && name !== "handler" && name !== "default") return { base: pascal(name.length <= 7 && name === name.toUpperCase() ? name.toLowerCase() : name) };
  }
  // `const config = JSON.parse(…)`: name it after the variable.
  let top: ts.Node = s.node;
  while (top.parent && isWrapper(top.parent)) top = top.parent;
  const p = top.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { base: pascal(p.name.text), fromVar: true };
  void sf;
  return { base: "" };
}

/**
 * The schema for the read and its name. `typed`: the value is handed on whole to a declared type
 * the usage scan cannot see, so no schema inferred from usage can promise that type.
 */
function schemaShape(ctx: Ctx, s: Source): { shape: Shape; name: string; typed: boolean } {
  const t = declaredType(s);
  const hb = handlerBase(s, ctx.sourceFile);
  // `formData.get("title")`, `c.req.param("id")`: name the field.
  // A server action's parameter among others: name it too (`createCommunity(id, name, …)` → CreateCommunityNameInput).
  const key = ts.isCallExpression(s.node) && s.node.arguments[0] && ts.isStringLiteral(s.node.arguments[0])
    ? pascal(s.node.arguments[0].text)
    : s.caseId === "nextServerAction" && s.param && ts.isIdentifier(s.param.name) && (s.handler?.parameters.length ?? 0) > 1 ? pascal(s.param.name.text) : "";
  const base = hb.fromVar ? "" : hb.base + key;
  const suffix = base.endsWith(s.schemaSuffix) ? "" : s.schemaSuffix;
  const fallback = hb.fromVar ? `${hb.base}Schema` : base ? `${base}${suffix}` : `${s.schemaSuffix}Schema`;
  if (t) {
    const declared = shapeFromType(t, fileTypeResolver(ctx.sourceFile, ctx.path, ctx.project));
    const used = declared.t === "object" || declared.t === "string" ? shapeFromUsage([...s.values, ...(s.siblings ?? [])], s.kind).shape : undefined;
    const shape = used ? optionalFromUsage(declared, used) : declared;
    if (shape.t !== "unknown") {
      const tn = typeName(t);
      // Other reads use keys the declared type lacks (`req.query.domain` beside `as { teamId: string }`):
      // the schema would strip them, and `parsed.data.domain` would not type-check.
      const extra = shape.t === "object" && used?.t === "object" && used.props.some((u) => !shape.props.some((p) => p.key === u.key));
      return { shape, name: tn ? `${tn}Schema` : fallback, typed: extra };
    }
    // A type the fix cannot resolve (`Tables<"prices">`): the parsed value must still have it.
    if (s.param) return { shape, name: fallback, typed: true };
  }
  // `pageSize = 20`: the default says what the parameter holds.
  const init = s.param?.initializer;
  const prim = init && (ts.isNumericLiteral(init) ? "number" : ts.isStringLiteral(init) ? "string" : init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword ? "boolean" : undefined);
  if (prim) return { shape: { t: prim }, name: fallback, typed: false };
  const used = shapeFromUsage([...s.values, ...(s.siblings ?? []), ...(s.earlier ?? [])], s.kind);
  let shape = used.shape;
  if (s.kind === "scalar" && used.optional) shape = isGetCall(s.node) ? { t: "nullable", inner: shape } : shape;
  return { shape, name: fallback, typed: used.typed };
}

function isGetCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "get";
}

/** `formData.get("logo") as File`, or a value tested with `instanceof File`/`Blob`: an upload, not a text field. */
function isUpload(read: ts.Node): boolean {
  let top = read;
  while (top.parent && isWrapper(top.parent)) {
    top = top.parent;
    if ((ts.isAsExpression(top) || ts.isTypeAssertionExpression(top)) && /\b(?:File|Blob)\b/.test(top.type.getText())) return true;
  }
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || decl.initializer !== top) return false;
  const name = decl.name.text;
  return findRefs(name, scopeOf(decl), decl.end).some((r) => {
    const p = r.parent;
    return !!p && ts.isBinaryExpression(p) && p.left === r && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && /^(?:File|Blob)$/.test(p.right.getText());
  });
}

/**
 * A read whose type is already `string` (or `string | null`): `searchParams.get("x")`,
 * `headers.get("x")`, Hono's `c.req.param("id")`/`c.req.query("q")`. A plain `z.string()` there
 * checks nothing the type does not say (unlike `formData.get`, which may be a `File`).
 */
function readsString(node: ts.Node): boolean {
  // h3's `getRouterParam(event, "id")`: a string (or undefined).
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "getRouterParam") return true;
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.arguments.length !== 1) return false;
  const { name, expression: recv } = node.expression;
  const recvName = ts.isPropertyAccessExpression(recv) ? recv.name.text : ts.isIdentifier(recv) ? recv.text : "";
  if (name.text === "get") return /^(?:searchParams|headers|params)$/i.test(recvName);
  return (name.text === "param" || name.text === "query" || name.text === "header") && recvName === "req";
}

/** The read is awaited where it is read (`await params`, `await context.params`): a promise, not the value. */
function awaitedRead(node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node) && !ts.isIdentifier(node)) return false;
  let cur: ts.Node = node;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || ts.isAsExpression(cur.parent) || ts.isNonNullExpression(cur.parent))) cur = cur.parent;
  return !!cur.parent && ts.isAwaitExpression(cur.parent);
}

/** The statement holding `node` whose parent is a block of `fn` itself (no nested function between). */
function statementIn(node: ts.Node, fn: FunctionLike): ts.Statement | undefined {
  let cur: ts.Node = node;
  for (let p = node.parent; p; cur = p, p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (ts.isBlock(p) && ts.isStatement(cur)) {
      return enclosingFunction(cur) === fn ? cur : undefined;
    }
  }
  return undefined;
}

function failureLine(ch: Channel, p: string, style: FileStyle, indent: string): string | undefined {
  const { semi, eol, indentUnit: u } = style;
  const issues = `{ error: ${p}.error.issues }`;
  switch (ch.kind) {
    case "express":
      return `if (!${p}.success) {${eol}${indent}${u}${ch.res}.status(400).json(${issues})${semi}${eol}${indent}${u}return${semi}${eol}${indent}}`;
    case "fastify":
      return `if (!${p}.success) return ${ch.reply}.code(400).send(${issues})${semi}`;
    case "koa":
      return `if (!${p}.success) {${eol}${indent}${u}${ch.ctx}.status = 400${semi}${eol}${indent}${u}${ch.ctx}.body = ${issues}${semi}${eol}${indent}${u}return${semi}${eol}${indent}}`;
    case "next":
      return `if (!${p}.success) return ${ch.response}.json(${issues}, { status: 400 })${semi}`;
    case "hono":
      return `if (!${p}.success) return ${ch.c}.json(${issues}, 400)${semi}`;
    case "lambda":
      return `if (!${p}.success) return { statusCode: 400, body: JSON.stringify(${issues}) }${semi}`;
    case "fail":
      return `if (!${p}.success) return fail(400, ${issues})${semi}`;
    case "h3":
      return `if (!${p}.success) throw createError({ statusCode: 400, data: ${p}.error.issues })${semi}`;
    case "httpsError":
      return `if (!${p}.success) throw new ${ch.error}("invalid-argument", "Invalid data", ${p}.error.issues)${semi}`;
    case "throw":
      return undefined;
  }
}

/** The function a failure line calls that the module may have to import: SvelteKit's `fail`, h3's `createError`, Firebase's `HttpsError`. */
function channelImport(ch: Channel): { from: string; name: string } | undefined {
  // A SvelteKit module imports `fail` itself; h3's functions are imported by hand only outside Nuxt's and Nitro's auto-imports.
  if (ch.kind === "fail") return { from: "@sveltejs/kit", name: "fail" };
  if (ch.kind === "h3" && ch.from) return { from: ch.from, name: "createError" };
  if (ch.kind === "httpsError" && ch.from) return { from: ch.from, name: ch.error };
  return undefined;
}

// Return types a handler may declare and still end with a 400 response.
const HANDLER_RETURN_RE = /^(?:void|any|unknown|Response|NextResponse|APIGatewayProxy\w*|Promise<\s*(?:void|any|unknown|Response|NextResponse|APIGatewayProxy\w*)\s*>)$/;

/** The `return <value>` statements of `fn` itself (not of nested functions). */
function ownValueReturns(fn: FunctionLike): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return out;
}

/**
 * True when the 400 branch fits `fn`: a request handler whose return value no caller reads as
 * data. A helper that takes `(req, res)` but returns a value of its own, or declares a return
 * type, gets the throwing `parse` instead (its callers would get `undefined`).
 */
function isRequestHandler(fn: FunctionLike, s: Source): boolean {
  if (fn.type && !HANDLER_RETURN_RE.test(fn.type.getText().replace(/\s+/g, ""))) return false;
  if (s.channel.kind === "lambda") {
    const first = fn.parameters[0];
    return !!first && ts.isIdentifier(first.name) && lambdaHandlerOf(first.name) === fn;
  }
  if (s.channel.kind !== "express") return true;
  if (routeCallOf(fn)) return true;
  const names = new Set([s.channel.res, "next"]);
  return ownValueReturns(fn).every((e) => {
    let x = unwrap(e);
    // `return errorhandler(error, res)`: a helper that answers through `res`.
    if (ts.isCallExpression(x) && x.arguments.some((a) => ts.isIdentifier(a) && names.has(a.text))) return true;
    while (ts.isCallExpression(x) || ts.isPropertyAccessExpression(x)) x = unwrap(x.expression);
    return ts.isIdentifier(x) && names.has(x.text);
  });
}

/** Zero-length edits at the same offset are merged so the fix never overlaps itself. */
function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    if (prev && prev.start === prev.end && e.start === e.end && prev.start === e.start) prev.text += e.text;
    else out.push({ ...e });
  }
  return out;
}

const ZOD_SPECIFIER_RE = /^(?:npm:|jsr:@\w+\/)?zod(?:@[^/]*)?(?:\/v[34])?$|^https:\/\/deno\.land\/x\/zod(?:@[^/]+)?\/mod\.ts$/;

/** The specifier of an import of zod the file already has (`zod`, `npm:zod@3.23.8`, a deno.land URL). */
function fileZodSpecifier(sf: ts.SourceFile): string | undefined {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && ZOD_SPECIFIER_RE.test(st.moduleSpecifier.text)) return st.moduleSpecifier.text;
  }
  return undefined;
}

/**
 * Where `z` comes from for this file, or undefined when no Zod fix fits the project: the file's
 * own zod import, else the profile's (an import-map key or `npm:zod` under Deno), else `zod`.
 * A project that validates with another library gets no Zod fix (no second validator added
 * silently), and NestJS code with class-validator or pipes keeps its DTOs.
 */
function zodImport(ctx: Ctx, s: Source): { specifier: string; installed: boolean; major?: number } | undefined {
  const v = ctx.profile.validator;
  const own = fileZodSpecifier(ctx.sourceFile);
  if (v && v.kind !== "zod" && !own) return undefined;
  // NestJS with class-validator (its ValidationPipe is usually global, in main.ts) or pipes in the file: the DTO is the remedy.
  if (s.caseId === "nestDecorator" && (ctx.profile.dependencies.has("class-validator") || /\b(?:ValidationPipe|Parse\w*Pipe)\b/.test(ctx.text))) return undefined;
  const deno = ctx.profile.runtimeOf(ctx.path, ctx.text) === "deno";
  if (own) return { specifier: own, installed: true, major: v?.major ?? (/@\^?3|\/v3$/.test(own) ? 3 : /@\^?4|\/v4$/.test(own) ? 4 : undefined) };
  // A Deno file in a Node project (supabase/functions/ next to a package.json): a bare `zod` does not resolve there.
  if (v && deno && ctx.profile.runtime !== "deno") return { specifier: v.major ? `npm:zod@${v.major}` : "npm:zod", installed: true, major: v.major };
  if (v) return { specifier: v.specifier, installed: true, major: v.major };
  // Deno resolves `npm:` specifiers without an install or an import map entry.
  return { specifier: deno ? "npm:zod" : "zod", installed: deno };
}

/** True when the file declares its own top-level `z` (not zod's): importing `z` would clash. */
function zTaken(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === "z") {
          const init = d.initializer;
          const fromZod = !!init && ts.isCallExpression(init) && init.arguments.some((a) => ts.isStringLiteral(a) && ZOD_SPECIFIER_RE.test(a.text));
          if (!fromZod) return true;
        }
      }
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === "z") return true;
    else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && !ZOD_SPECIFIER_RE.test(st.moduleSpecifier.text)) {
      const c = st.importClause;
      const nb = c?.namedBindings;
      if (c?.name?.text === "z" || (nb && ts.isNamespaceImport(nb) && nb.name.text === "z") || (nb && ts.isNamedImports(nb) && nb.elements.some((e) => e.name.text === "z"))) return true;
    }
  }
  return false;
}

/**
 * The name of the project's validation middleware when another route of the file uses it as
 * `validate(SomeSchema)` (one identifier argument: a schema, not options): `validate`,
 * `validateBody`, `validateRequest`.
 */
function projectMiddleware(sf: ts.SourceFile, own: ts.CallExpression): string | undefined {
  for (const st of sf.statements) {
    const call = ts.isExpressionStatement(st) ? st.expression : undefined;
    if (!call || !ts.isCallExpression(call) || call === own) continue;
    for (const arg of call.arguments) {
      if (!ts.isCallExpression(arg) || !ts.isIdentifier(arg.expression) || !/^validate(?:Body|Request|Schema)?$/.test(arg.expression.text)) continue;
      if (arg.arguments.length === 1 && ts.isIdentifier(arg.arguments[0]!)) return arg.expression.text;
    }
  }
  return undefined;
}

/**
 * The statement of `fn` before which `const parsed = …safeParse(…)` goes: the one holding the
 * read, or, when a later read the fix rewrites to `parsed.data` is in another branch
 * (`if (req.method === "GET") … else if (req.method === "POST")`), the statement holding them all,
 * so that `parsed` is in scope everywhere it is used.
 */
function insertionStatement(target: ts.Node, siblings: readonly ts.Node[], fn: FunctionLike, sf: ts.SourceFile): ts.Statement | undefined {
  const inScope = (stmt: ts.Statement) => siblings.every((sib) => sib.getStart(sf) >= stmt.getStart(sf) && sib.getEnd() <= stmt.parent.getEnd());
  let stmt = statementIn(target, fn);
  while (stmt && !inScope(stmt)) stmt = statementIn(stmt.parent, fn);
  return stmt;
}

/** True when some other read of the same key declares a type of its own (`req.query as { teamId: string; id: string }`): one schema would strip its keys. */
function siblingTypesDiffer(s: Source, t: ts.TypeNode | undefined, sf: ts.SourceFile): boolean {
  const own = t?.getText(sf).replace(/\s+/g, "");
  return (s.siblings ?? []).some((sib) => {
    const other = declaredTypeOf(sib);
    return other !== undefined && other.getText(sf).replace(/\s+/g, "") !== own;
  });
}

/** Start of the top-level statement holding `node`, with its leading comments. */
function topLevelStart(node: ts.Node, sf: ts.SourceFile): number {
  let top: ts.Node = node;
  while (top.parent && !ts.isSourceFile(top.parent)) top = top.parent;
  const comments = ts.getLeadingCommentRanges(sf.text, top.pos);
  return comments && comments.length > 0 ? comments[0]!.pos : top.getStart(sf);
}

/**
 * A schema the file already has for the declared type `T`: the `X` of `type T = z.infer<typeof X>`
 * (or `z.input`/`z.output`), else `TSchema`/`tSchema` declared before the read or imported by name.
 */
function existingSchema(t: ts.TypeNode | undefined, node: ts.Node, sf: ts.SourceFile): string | undefined {
  const name = typeName(t);
  if (!name) return undefined;
  const before = topLevelStart(node, sf);
  const names = new Set([`${name}Schema`, `${name[0]!.toLowerCase()}${name.slice(1)}Schema`]);
  for (const st of sf.statements) {
    if (ts.isTypeAliasDeclaration(st) && st.name.text === name) {
      const m = /^z\.(?:infer|input|output)<typeof([A-Za-z_$][\w$]*)>$/.exec(st.type.getText(sf).replace(/\s+/g, ""));
      if (m) names.add(m[1]!);
    }
  }
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && st.getEnd() <= before) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && names.has(d.name.text) && d.initializer) return d.name.text;
    }
    const nb = ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly ? st.importClause?.namedBindings : undefined;
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly && names.has(el.name.text)) return el.name.text;
  }
  return undefined;
}

function zodFix(ctx: Ctx, s: Source, facts: FileFacts): Fix | undefined {
  // A URL path is a string already: what keeps it in its folder is a containment check, not a schema.
  if (s.fileOnly) return undefined;
  // `await context.params` (Next.js 15 hands a Promise): a schema would parse the promise, not the segments.
  if (awaitedRead(s.node)) return undefined;
  const { sourceFile: sf, text } = ctx;
  const zod = zodImport(ctx, s);
  if (!zod || zTaken(sf)) return undefined;
  // Adding a dependency the project cannot use (another validator, TypeScript < 5 for zod 4): no fix.
  if (!zod.installed && zodDependencyMisfit(ctx.profile)) return undefined;
  // An error body, a body read before the status is known, a value a schema of the project checks later.
  if (inErrorBranch(s.node) || statusTestedAfter(s, sf) || validatedLater(s, sf)) return undefined;
  if (!s.param && siblingTypesDiffer(s, declaredType(s), sf)) return undefined;
  // The project's own schema for the declared type (`type CreateUser = z.infer<typeof createUserSchema>`).
  const reused = zod.installed ? existingSchema(declaredType(s), s.node, sf) : undefined;
  const inferred = reused ? { shape: undefined, name: reused, typed: false } : schemaShape(ctx, s);
  const { name: rawName, typed } = inferred;
  let shape = inferred.shape;
  // A schema of `z.any()`/`z.unknown()` guesses validates nothing, and one inferred from usage
  // cannot promise the declared type the value is handed to (`setStatus(data)`).
  const gaps = shape ? schemaGaps(shape) : { leaves: 1, guesses: 0 };
  if (gaps.guesses > 0 || gaps.leaves === 0 || typed) return undefined;
  if (shape && readsString(s.node) && (shape.t === "string" || (shape.t === "nullable" && shape.inner.t === "string"))) return undefined;
  // An uploaded file (`formData.get("logo") as File`): a schema inferred from its use would be a string's.
  if (isGetCall(s.node) && isUpload(s.node)) return undefined;
  // A string parameter only stored as a Mongoose or Prisma field: they cast it already, so a bare
  // z.string() adds nothing (reviews R16, R28, R70). The model's own rules can; else no fix.
  let model: string | undefined;
  if (shape?.t === "string" && s.param && s.handler) {
    const stored = storedScalar(s.param, s.handler, sf, ctx.path, ctx.project, ctx.profile);
    if (stored?.kind === "castOnly") return undefined;
    if (stored?.kind === "rules") {
      const r = stored.rules;
      shape = r.values ? { t: "enum", values: r.values } : { t: "checkedString", trim: r.trim, min: r.min, max: r.max, regex: r.regex };
      model = stored.model;
    }
  }
  // A server action's page size or offset: a bare z.number() says only what its type says
  // (review R28); the bounds are what a caller could abuse (`.limit(1e9)`).
  const b = shape?.t === "number" && s.caseId === "nextServerAction" && s.param && s.handler ? pagingBound(s.param, s.handler) : undefined;
  if (b) shape = { t: "checkedNumber", int: b.int, min: b.min, max: b.max };
  const bounds = b?.says;
  const style = detectStyle(text);
  const edits: TextEdit[] = [];
  const extraImports: TextEdit[] = [];
  const schemaName = reused ?? uniqueName(rawName || "InputSchema", text);

  // The project's own `validate(schema)` middleware on other routes: put one on this route too.
  const route = s.caseId === "expressBody" && s.handler && zod.installed ? routeCallOf(s.handler) : undefined;
  const middleware = route && ctx.profile.validator?.kind === "zod" ? projectMiddleware(sf, route) : undefined;
  if (route && middleware && s.handler) {
    const at = s.handler.getStart(sf);
    edits.push({ start: at, end: at, text: `${middleware}(${schemaName}), ` });
  } else if (s.caseId === "tanstackServerFn") {
    // TanStack Start runs a Standard Schema given to `.inputValidator(…)` (Zod is one) and answers its failure:
    // the schema takes the identity function's place.
    if (!s.replace) return undefined;
    edits.push({ start: s.replace.getStart(sf), end: s.replace.getEnd(), text: schemaName });
  } else if (s.param) {
    const fn = s.handler;
    if (!fn || !fn.body || !ts.isBlock(fn.body) || !ts.isIdentifier(s.param.name)) return undefined;
    const name = s.param.name.text;
    const raw = uniqueName(`raw${name[0]!.toUpperCase()}${name.slice(1)}`, fn.getText(sf));
    const first = fn.body.statements[0];
    const indent = first ? lineIndentAt(text, first.getStart(sf)) : lineIndentAt(text, fn.getStart(sf)) + style.indentUnit;
    edits.push({ start: s.param.name.getStart(sf), end: s.param.name.getEnd(), text: raw });
    const open = fn.body.getStart(sf) + 1;
    if (s.caseId === "nestDecorator") {
      // NestJS turns a thrown BadRequestException into a 400; a ZodError would be a 500.
      const p = uniqueName("parsed", fn.getText(sf));
      const { eol, semi } = style;
      edits.push({
        start: open,
        end: open,
        text: `${eol}${indent}const ${p} = ${schemaName}.safeParse(${raw})${semi}${eol}${indent}if (!${p}.success) throw new BadRequestException(${p}.error.issues)${semi}${eol}${indent}const ${name} = ${p}.data${semi}`,
      });
      extraImports.push(...addNamedImport(text, sf, "@nestjs/common", "BadRequestException", { ...style, module: true }));
    } else {
      edits.push({ start: open, end: open, text: `${style.eol}${indent}const ${name} = ${schemaName}.parse(${raw})${style.semi}` });
    }
  } else {
    if (ts.isBindingElement(s.node)) return undefined; // destructured in the parameter list: no expression to parse
    let target: ts.Expression | undefined = ts.isExpression(s.node) ? s.node : undefined;
    // axios: parse the `data` the code reads.
    if (s.values.length === 1 && s.values[0] !== s.node && ts.isPropertyAccessExpression(s.values[0]!)) target = s.values[0];
    else if (s.values[0] !== s.node) return undefined;
    if (!target) return undefined;
    // FormData is not a plain object, and an un-awaited `.json()` is a promise: no schema fits there.
    if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === "formData") return undefined;
    if (target.parent && ts.isAwaitExpression(target.parent)) target = target.parent;
    else if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === "json") return undefined;
    const targetText = text.slice(target.getStart(sf), target.getEnd());
    const fn = s.handler;
    const stmt = fn && s.channel.kind !== "throw" && isRequestHandler(fn, s) ? insertionStatement(target, s.siblings ?? [], fn, sf) : undefined;
    const indent = stmt ? lineIndentAt(text, stmt.getStart(sf)) : "";
    const fail = stmt ? failureLine(s.channel, "PARSED", style, indent) : undefined;
    if (stmt && fail && fn) {
      const needed = channelImport(s.channel);
      if (needed) extraImports.push(...addNamedImport(text, sf, needed.from, needed.name, { ...style, module: true }));
      const p = uniqueName("parsed", fn.getText(sf));
      const at = lineStartAt(text, stmt.getStart(sf));
      edits.push({ start: at, end: at, text: `${indent}const ${p} = ${schemaName}.safeParse(${targetText})${style.semi}${style.eol}${indent}${fail.replace(/PARSED/g, p)}${style.eol}` });
      edits.push({ start: target.getStart(sf), end: target.getEnd(), text: `${p}.data` });
      for (const sib of s.siblings ?? []) if (sib.getStart(sf) > at) edits.push({ start: sib.getStart(sf), end: sib.getEnd(), text: `${p}.data` });
    } else {
      edits.push({ start: target.getStart(sf), end: target.getEnd(), text: `${schemaName}.parse(${targetText})` });
      for (const sib of s.siblings ?? []) edits.push({ start: sib.getStart(sf), end: sib.getEnd(), text: `${schemaName}.parse(${text.slice(sib.getStart(sf), sib.getEnd())})` });
    }
  }

  // The import goes first so that, at the same offset, it stays above the schema.
  const esm = facts.isModule || /\.(?:[cm]?ts|tsx)$/i.test(ctx.path);
  const zImport = shape ? addNamedImport(text, sf, zod.specifier, "z", { ...style, module: esm }) : [];
  // Two new imports at the top of a module without any (SvelteKit's `fail`, then `z`): one blank line after both, not after each.
  const last = extraImports[extraImports.length - 1];
  const next = zImport[0];
  if (last && next && last.start === last.end && next.start === next.end && last.start === next.start && last.text.endsWith(style.eol + style.eol)) last.text = last.text.slice(0, -style.eol.length);
  edits.unshift(...zImport);
  edits.unshift(...extraImports);

  // The named schema, at module level before the statement holding the read.
  if (shape) {
    const at = lineStartAt(text, topLevelStart(s.node, sf));
    const schemaText = `const ${schemaName} = ${renderShape(shape, { ...style, zodMajor: zod.major })}${style.semi}`;
    edits.push({ start: at, end: at, text: `${schemaText}${style.eol}${style.eol}` });
  }

  // Validation changes what the program accepts: a suggestion (the engine lets only safe fixes be preferred).
  // Titles are plain text (the lightbulb menu, the CLI): a template literal read shows its backticks as quotes, as the message does.
  const read = s.read.replace(/`/g, "'");
  return {
    title: reused ? `Validate ${read} with ${reused}` : middleware ? `Validate ${read} with ${middleware}() and a Zod schema` : `Validate ${read} with Zod${model ? ` as the ${model} model requires` : ""}${bounds ? ` as ${bounds}` : ""}${zod.installed ? "" : " (adds the zod dependency)"}`,
    kind: "suggestion",
    edits: mergeInsertions(edits),
  };
}
