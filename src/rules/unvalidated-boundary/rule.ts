import { persistedField } from "./persisted-field";
import { ts } from "../../engine/ts";
import { defineRule } from "../../engine/define-rule";
import { containsAnyOf } from "../../engine/text-scan";
import type { CaseMeta } from "../../engine/types";
import { climb, findRefs, isConditionPosition, isExportedFunction, isFunctionLike, listedInExport, nameText, onlyTested, scopeOf, type FunctionLike } from "./ast";
import { readsReplacedValue } from "./replaced";
import { printedOnly, SCRIPT_DIR_RE } from "./printed";
import { oauthCodeExchanged, testedBefore } from "./oauth-code";
import { buildFixes } from "./fix";
import { typeCheckedParam } from "./param-checker";
import { analyzeValue, decidesWhole, isLogCall, isTextParser, onlyCompared, paramOnlyPrompt, parameterFieldOutcome, parameterOutcome, topLevelFunctions, type FlowEnv, type ImportedOutcome, type Outcome } from "./flow";
import { nestGlobalAuthGuard } from "./global-guard";
import { lookedUpFirst, ownedLookupHelper, prismaServiceLooksUpFirst, serviceLooksUpFirst } from "./lookup-first";
import { botPropertySource, discordOptionSource, nestTelegrafSource, onTextSources } from "./frameworks/bots";
import { axiosSource, fetchJsonSource } from "./frameworks/fetch";
import { honoSource } from "./frameworks/hono";
import { lambdaBodySource, lambdaEventDestructured, lambdaParamsSource } from "./frameworks/lambda";
import { mcpToolArguments, messageParamSources, postMessageSource, queueMessageBodySource } from "./frameworks/messages";
import { diskStorageNameSource, fastifyUploadNameSource, formidableSource, koaUploadNameSource, uploadNameSource } from "./frameworks/multipart";
import { nestSource } from "./frameworks/nest";
import { formFieldSource, importedBodyReaderSource, nextAppBodySource, nextSearchParamSource, routeParamsBindingSources, routeParamsPropertySource, serverActionBindingSource, serverActionParamSource, serverActionSource } from "./frameworks/next";
import { parseSource } from "./frameworks/parse";
import { parseHelperSource } from "./frameworks/parse-helper";
import { credentialsAuthorizeSource } from "./frameworks/credentials";
import { destructuredRequestSources, koaRequestDestructured, paramCallSource, paramKeysRead, requestPropertySource, requestVarDestructured } from "./frameworks/request";
import { urlPathSource, urlQuerySource, urlSegmentSource } from "./frameworks/url";
import { collectFacts, type CaseId, type FileFacts, type Source } from "./source";
import { collectGuards, validatorKind, type GuardKind } from "./validators";
import { isCheckFunctionUse } from "./check-function";
import { ownClassMethod, signedBeforeParse } from "./verifier";
import { castErrorAnswered } from "./cast-error";
import { parseServerRowsRequest } from "./parse-rest";
import { callersOf } from "./callers";
import { mongooseTextField, prismaTextField } from "./stored-field";
import { drizzleSqliteTable, drizzleTextColumn } from "./drizzle-column";
import { importedFunction, importsFromProject, paramsAllowlistedBefore, partValidatedBefore, ProjectFiles, projectFilesOf, registrationsOf, type Registration } from "./elsewhere";
import { routeCallOf } from "./frameworks/express";
import { qwikParseBodySource, routeModuleParamsBindings, routeModuleParamsProperty } from "./frameworks/file-routes";
import { firebaseCallableData, firebaseCallableDestructured, firebaseCallableParam } from "./frameworks/firebase";
import { tanstackServerFnSource } from "./frameworks/tanstack";
import { h3ContextParams, h3ContextParamsDestructured, h3Source } from "./frameworks/h3";
import { importsTestRunner, isTestSupport } from "./test-support";
import { bodyReadsOf, openApiValidates, routeOperation, type FieldRead, type RouteOperation } from "./frameworks/openapi-validator";

// Inputs whose scalars stay a use when stored as a record's column value: a remote answer or a parsed
// document (nobody checked the text), a message, and a server action's argument (the docs report a
// stored string argument, with no Zod fix when the model states nothing).
const NOT_REQUEST_SCALARS: ReadonlySet<CaseId> = new Set<CaseId>(["fetchJson", "jsonParseExternal", "messagePayload", "postMessageData", "nextServerAction", "tanstackServerFn"]);
/** Inputs whose scalars are text as sent: route parameters, `URLSearchParams`, form fields (no `qs` objects or arrays). */
const TEXT_SCALARS: ReadonlySet<CaseId> = new Set<CaseId>(["expressParams", "nextAppRequest", "nextServerAction", "honoRequest", "webRequest", "sveltekitRequest", "remixRequest", "astroRequest", "lambdaEvent"]);

// Plain text (diagnostics do not render Markdown): what the input reaches, what can go wrong there, what to do.
// How many modules away an imported function is read for what it does with the value: a controller's injected service, and the
// service it delegates to (a facade handing the route id on, nest-langgraph-ai `agents.service.ts`, retired held round 41).
const MAX_IMPORT_HOPS = 2;

const MESSAGE = "{{read}} {{use}} without validation: {{effect}}. Validate it with a schema before using it.";

// Inserting validation changes behaviour (a request that passed now gets a 400 or a throw): every
// fix of this family is a suggestion, never applied by --fix or source.fixAll.
function c(description: string): CaseMeta {
  return { message: MESSAGE, fix: "suggestion", description };
}

const cases: Record<CaseId, CaseMeta> = {
  expressBody: c("Express `req.body` used before schema validation"),
  expressQuery: c("Express `req.query` (or `req.cookies`) value used raw as a query, key or path"),
  expressParams: c("Express `req.params` value used raw as a query, key or path"),
  koaRequest: c("Koa `ctx.request.body`, `ctx.query` or `ctx.params` used before validation"),
  fastifyRequest: c("Fastify `request.body`, `query` or `params` used on a route without a schema"),
  nextPagesRequest: c("Next.js pages API `req.body` or `req.query` used before validation"),
  nextAppRequest: c("Next.js route handler `request.json()`, `formData()` or `searchParams.get()` used before validation"),
  nextServerAction: c("Next.js server action `FormData` used before validation"),
  honoRequest: c("Hono `c.req.json()`, `query()` or `param()` used without a validator"),
  webRequest: c("Web `Request` body or search params in `Deno.serve`, Supabase Edge Functions, Cloudflare Workers or `Bun.serve` used before validation"),
  sveltekitRequest: c("SvelteKit `+server` handler, form action or server `load`: `request.json()`, `formData()`, `url.searchParams` or `params` used before validation"),
  remixRequest: c("Remix / React Router route `action` or `loader`: `request.json()`, `formData()`, search params or `params` used before validation"),
  astroRequest: c("Astro endpoint `request.json()`, `formData()`, `url.searchParams` or `params` used before validation"),
  h3Event: c("Nuxt / Nitro / h3 `readBody(event)`, `getQuery(event)` or `getRouterParam(event)` used before validation"),
  firebaseCallable: c("Firebase callable function `request.data` (`onCall`) used before validation"),
  tanstackServerFn: c("TanStack Start server function `data` used before validation (an identity `inputValidator`)"),
  nestDecorator: c("NestJS `@Body()`, `@Query()` or `@Param()` without a validated DTO or pipe"),
  lambdaEvent: c("AWS Lambda `event.body`, `queryStringParameters` or `pathParameters` used before validation"),
  messagePayload: c("Queue, socket, IPC or extension message payload used before validation"),
  postMessageData: c("`MessageEvent.data` from `postMessage` used before validation"),
  fetchJson: c("Remote `fetch`/axios response body used before validation"),
  jsonParseExternal: c("`JSON.parse`/YAML parse of file, storage or network text used before validation"),
};

// Cheap prefilter: files with none of these words cannot hold a source.
const PREFILTER = ["body", "query", "param", "req.path", "request.path", "originalUrl", "json", "parse", "data", "Body", "Query", "Param", "formData", "searchParams", "load", "ipcMain", "onMessage", "socket", "axios", "Parameters", "text", "content", "match", "payload", "getString", "getInteger", "getNumber", "url", "originalname", "files", "filename", "authorize"];
const hasPrefilterWord = containsAnyOf(PREFILTER);

// Manual check scripts named like tests (`final-test.js`, `test-etims.js`, `db-test.ts`): a person runs them and reads what they print.
const CHECK_SCRIPT_RE = /(?:^|\/)tests?[-_][^/]*$|[-_]tests?\.[cm]?[jt]sx?$/i;

/** Where the handler stands among the route's arguments (the middlewares before it run first); past the end when it is not one. */
function handlerIndex(route: ts.CallExpression, handler: ts.Node): number {
  const at = route.arguments.findIndex((a) => a === handler || a.pos >= handler.pos);
  return at < 0 ? route.arguments.length : at;
}

/** The request part a source's schema suffix stands for. */
const SUFFIX_PART: Record<string, string | undefined> = { Body: "body", Query: "query", Params: "params" };

const NOT_HANDING_ON = new Set(["Number", "String", "Boolean", "parseInt", "parseFloat", "isNaN", "revalidatePath", "revalidateTag", "JSON"]);

const USE_TEXT: Record<string, string> = {
  "property read": "property read",
  destructured: "destructured",
  spread: "spread into another object",
  "assigned into another object": "assigned into another object",
  iterated: "iterated",
  database: "passed to a database call",
  file: "used in a file-system call",
  service: "passed to a service call",
  redirect: "used as a redirect target",
  call: "passed to another function",
  "outbound URL": "used as an outbound request URL",
  "keyed query": "put unencoded into the query string of a keyed outbound request",
  "property key": "used as a property key",
  stored: "kept in the server's own state",
  saved: "kept in an object that is saved later",
  relayed: "relayed in the HTTP answer, its status never tested",
};

// What a use does, in the message ("req.body goes into a database call"): sinks say where, every other use is "is used".
const USE_VERB: Record<string, string> = {
  database: "goes into a database call",
  file: "goes into a file-system call",
  service: "is passed on to a service call",
  redirect: "is used as a redirect target",
  "outbound URL": "is used as the URL of an outbound request",
  "keyed query": "is put unencoded into the query string of an outbound request that carries the server's key",
  "property key": "is used as a property key",
  stored: "is kept in the server's own state",
  saved: "is kept in an object the app saves later",
};

// What goes wrong in production at that use.
const USE_EFFECT: Record<string, string> = {
  database: "whatever the sender puts in it is written or queried as sent, wrong types and extra fields included",
  file: "a crafted value can read or write files outside the intended folder",
  service: "whatever the sender puts in it is sent on, wrong types and extra fields included",
  redirect: "a crafted value can send your users to any site",
  "outbound URL": "a crafted value can make the server call any address, internal ones included",
  "keyed query": "a crafted value can add or override the request's parameters, sent with the server's credentials",
  "property key": "a crafted key such as __proto__ can change objects across the whole app",
  stored: "whatever the sender puts in it, forged fields included, is kept and handed to everyone who reads it later",
  saved: "whatever the sender writes is saved as sent and read back by the app later",
};
const GENERIC_EFFECT = "a missing field or a wrong type crashes the code or carries bad data further";

export default defineRule<Record<string, never>, CaseId>({
  id: "unvalidated-boundary",
  docs: { description: "External input must be validated with a schema before use" },
  severity: "warning",
  cases,
  create(ctx) {
    let active = false;
    let serverFile = false;
    let facts: FileFacts;
    let sources: Source[] = [];
    let guards: Map<string, GuardKind> | undefined;
    let files: ProjectFiles | undefined;
    /** importsFromProject per local name, for this file (see fromProject). */
    const importedFromProject = new Map<string, boolean>();
    let registrations: Map<string, Registration> | undefined;
    let textFields: Map<string, boolean | undefined> | undefined;
    let globalGuard: boolean | undefined;
    /** env.callersElsewhere per method of this file. */
    const methodCallers = new Map<ts.MethodDeclaration, ts.CallExpression[] | undefined>();
    let mongooseFields: Map<string, boolean | undefined> | undefined;
    let functions: Map<string, FunctionLike> | undefined;
    let operations: Map<FunctionLike, RouteOperation | undefined> | undefined;
    let bodyReads: Map<string, FieldRead[] | "whole" | undefined> | undefined;

    const add = (s: Source | undefined) => {
      if (s) sources.push(s);
    };
    /** A read that goes straight into `JSON.parse` is reported at the parse (see parseSource). */
    const feedsParser = (node: ts.Node) => {
      const top = climb(node);
      const p = top.parent;
      if (p && ts.isCallExpression(p) && isTextParser(p)) return true;
      // `JSON.parse(event.data.toString())`
      if (p && ts.isPropertyAccessExpression(p) && p.name.text === "toString") {
        const q = climb(p.parent ?? p).parent;
        return !!q && ts.isCallExpression(q) && isTextParser(q);
      }
      return false;
    };

    // Other modules of the project, read once per analysis and shared with the other rules (projectFilesOf).
    const projectFiles = () => projectFilesOf(ctx);

    /** Top-level functions of the other modules a verifier is read in, once per module. */
    const moduleFunctions = new Map<ts.SourceFile, ReadonlyMap<string, FunctionLike>>();
    const otherModuleFunctions = (sf: ts.SourceFile): ReadonlyMap<string, FunctionLike> => {
      if (!moduleFunctions.has(sf)) moduleFunctions.set(sf, topLevelFunctions(sf));
      return moduleFunctions.get(sf)!;
    };
    const env: FlowEnv = {
      sf: ctx.sourceFile,
      // A method, not a getter. With `get guards()` in this per-file literal (which V8 builds in
      // dictionary mode, with a fresh accessor pair each time) every file's syntax tree survived
      // young-generation collections: scavenges copied ~6 MB each instead of under 1 MB and GC
      // time doubled on the benchmark corpus. Measured, not explained down to V8's internals.
      guards() {
        return (guards ??= collectGuards(ctx.sourceFile));
      },
      functions() {
        return (functions ??= topLevelFunctions(ctx.sourceFile));
      },
      promptParam(call, index, texted) {
        const own = ts.isIdentifier(call.expression) ? env.functions().get(call.expression.text) : undefined;
        const fn = own ?? importedFunction(call, ctx.sourceFile, ctx.path, (files ??= projectFiles()))?.fn;
        const param = fn?.parameters[index];
        return !!param && (texted || param.type?.kind === ts.SyntaxKind.StringKeyword) && paramOnlyPrompt(param);
      },
      callee(call) {
        const sf = call.getSourceFile();
        const own = sf === ctx.sourceFile ? env.functions() : otherModuleFunctions(sf);
        if (ts.isIdentifier(call.expression) && own.has(call.expression.text)) return own.get(call.expression.text);
        return ownClassMethod(call) ?? importedFunction(call, sf, sf === ctx.sourceFile ? ctx.path : sf.fileName, (files ??= projectFiles()))?.fn;
      },
      imported: (call, index, kind, key) => importedAt(ctx.sourceFile, ctx.path, 0)(call, index, kind, key),
      calleeOf(call) {
        const own = ts.isIdentifier(call.expression) ? env.functions().get(call.expression.text) : undefined;
        return own ?? importedFunction(call, ctx.sourceFile, ctx.path, (files ??= projectFiles()))?.fn;
      },
      callersElsewhere(method) {
        // A method of an exported class of this file, not called in its own class: its callers in other modules, all seen;
        // asked once per method and file (each field of its returned object asks again).
        if (methodCallers.has(method)) return methodCallers.get(method);
        const cls = method.parent;
        const name = ts.isIdentifier(method.name) ? method.name.text : undefined;
        let out: ts.CallExpression[] | undefined;
        if (name && method.getSourceFile() === ctx.sourceFile && ts.isClassDeclaration(cls) && cls.name && (ts.getModifiers(cls) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && !cls.getText(ctx.sourceFile).includes(`this.${name}`)) {
          const found = callersOf((files ??= projectFiles()), ctx.path, cls.name.text, name);
          out = found?.complete ? found.sites.map((site) => site.call) : undefined;
        }
        methodCallers.set(method, out);
        return out;
      },
      persistedField(target, field) {
        return persistedField(target, field, ctx.sourceFile, ctx.path, () => (files ??= projectFiles()));
      },
      depth: 0,
    };

    /**
     * What an imported function does with the value handed to it, read in its module (`fromSf`, `fromFile`: the module
     * the call is in), `depth` hops from the file analysed.
     */
    function importedAt(fromSf: ts.SourceFile, fromFile: string, depth: number): NonNullable<FlowEnv["imported"]> {
      return (call, index, kind, key) => {
        // Through a memoizing cache too (`reactCache(async (id) => …)`, cached-function.ts), for its validation only:
        // a use found there is left as the call was judged before (formbricks' `resolveClientApiIds`, a one-row lookup two functions away).
        const target = importedFunction(call, fromSf, fromFile, (files ??= projectFiles()), true);
        const param = target?.fn.parameters[index];
        if (!target || !param || param.dotDotDotToken) return undefined;
        const keep = (o: ImportedOutcome): ImportedOutcome => (target.cached && o?.kind === "unsafe" ? undefined : o);
        // The other module's own analysis: its validators, helpers, database handles and services.
        const facts = collectFacts(target.sf, target.file, true, resolvesIn(target.file));
        let otherGuards: Map<string, GuardKind> | undefined;
        let otherFunctions: Map<string, FunctionLike> | undefined;
        const inner: FlowEnv = {
          sf: target.sf,
          guards: () => (otherGuards ??= collectGuards(target.sf)),
          functions: () => (otherFunctions ??= topLevelFunctions(target.sf)),
          handles: facts.dataHandles,
          services: facts.serviceFns,
          textScalars: env.textScalars,
          textField: env.textField,
          sinkOnly: env.sinkOnly,
          message: env.message,
          drizzleText: env.drizzleText,
          depth: depth + 1,
          // Delegated on (a facade service handing the value to another injected service): one more hop.
          ...(depth + 1 < MAX_IMPORT_HOPS ? { imported: importedAt(target.sf, target.file, depth + 1) } : {}),
        };
        // A value the callee's own signature types `unknown` (`deliveryMethod?: unknown` of `params: { … }`): TypeScript makes it
        // narrow the value before any use, as a reply returned as `Promise<unknown>` leaves the check to every reader.
        if (declaredUnknown(param, key)) return { kind: "compared" };
        // A route parameter the function looks up first in a Prisma lookup of one row on a text field (round 39, see prismaServiceLooksUpFirst).
        const local = kind === "scalar" && env.routeText ? (key === undefined ? (ts.isIdentifier(param.name) ? param.name.text : undefined) : destructuredAs(param, key, target.fn)) : undefined;
        if (local && prismaServiceLooksUpFirst(local, target.fn, call, index, textField, guardedApp())) return { kind: "validated" };
        // A field handed at `key` of an object literal: judged by the parameter's own binding of it, when it destructures one.
        if (key !== undefined) return ts.isObjectBindingPattern(param.name) ? keep(parameterFieldOutcome(param, key, kind, inner)) : undefined;
        const paramRefs = ts.isIdentifier(param.name) && target.fn.body ? findRefs(param.name.text, target.fn.body, target.fn.body.pos) : undefined;
        // `storage.getTrends(timeRange)` where the method never reads `timeRange`: nothing of the value goes on.
        if (paramRefs?.length === 0) return { kind: "compared" };
        // `getGoogleTokens(code)` whose every use of it is the provider's code exchange (`oauth2Client.getToken(code)`, oauth-code.ts).
        if (kind !== "structured" && paramRefs && testedBefore(call.arguments[index]!) && paramRefs.every(oauthCodeExchanged)) return { kind: "validated" };
        // `optStringParam(body.documentName, "documentName")`: a parameter checker of the project (see param-checker.ts).
        if (typeCheckedParam(target.fn, index, inner.functions())) return { kind: "validated" };
        const o = parameterOutcome(param, kind, inner);
        // A NestJS route string the injected service looks up first, a miss thrown (see serviceLooksUpFirst).
        if (o?.kind !== "validated" && kind === "scalar" && env.routeText && serviceLooksUpFirst(param, target.fn)) return { kind: "validated" };
        // Handed to a method that only returns the user's own row for it, the miss ending the request here.
        if (o?.kind !== "validated" && kind === "scalar" && env.routeText && ownedLookupHelper(param, target.fn) && lookedUpFirst(call, call.arguments[index]!, false, true)) return { kind: "validated" };
        // Only compared there (`CreditsPack.find((p) => p.id === id)`): whatever its shape, nothing of the value goes on.
        return !o && kind !== "bag" && onlyCompared(param, inner) ? { kind: "compared" } : keep(o);
      };
    }

    /** The module a relative import of `from` names (a DTO class's file), parsed once per analysis. */
    const moduleOf = (spec: string, from: ts.SourceFile): ts.SourceFile | undefined => {
      files ??= projectFiles();
      const abs = files.resolve(from === ctx.sourceFile ? ctx.path : from.fileName, spec);
      return abs ? files.get(abs) : undefined;
    };

    /** The function of another module of the project a call reaches (a fetch wrapper imported from `./utils`). */
    const importedFn = (call: ts.CallExpression): FunctionLike | undefined => importedFunction(call, ctx.sourceFile, ctx.path, (files ??= projectFiles()))?.fn;

    /** A bare specifier `from` imports names a module of the project (an alias, a workspace package), asked through ProjectFiles.resolve. */
    const resolvesIn = (from: string) => (spec: string): boolean => !spec.includes(":") && (files ??= projectFiles()).resolve(from.replace(/\\/g, "/"), spec) !== undefined;

    /** `local` is imported from a module of the project: relative, an alias, a package of the monorepo's workspace (see importsFromProject). */
    // Answered once per name and file: every call of an imported function asked again, and a bare
    // specifier is resolved through the project's aliases and workspace each time.
    const fromProject = (local: string): boolean => {
      let answer = importedFromProject.get(local);
      if (answer === undefined) {
        answer = importsFromProject(ctx.sourceFile, local, ctx.profile.dependencies, { file: ctx.path.replace(/\\/g, "/"), files: (files ??= projectFiles()) });
        importedFromProject.set(local, answer);
      }
      return answer;
    };

    /** The first call a strict input is handed to (not a log, not a validator): `createClient(data)`. */
    const handedOn = (s: Source): Outcome => {
      const id = s.values[0];
      if (!id || !ts.isIdentifier(id) || !s.handler?.body) return undefined;
      for (const ref of findRefs(id.text, s.handler.body, s.handler.body.pos)) {
        const top = climb(ref);
        const call = top.parent;
        const callee = call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : "";
        // Same-file helpers were followed by the flow analysis; conversions and cache calls take anything.
        if (callee && (env.functions().has(callee) || NOT_HANDING_ON.has(callee))) continue;
        if (call && ts.isCallExpression(call) && call.arguments.includes(top as ts.Expression) && !isLogCall(call) && !validatorKind(call, top, env.guards())) {
          return { kind: "unsafe", at: call, why: "call" };
        }
      }
      return undefined;
    };

    /**
     * False when the route registering the source's handler validates its part first; for a
     * Fastify handler (whose routes usually declare a `schema`), also when no registration is found.
     */
    const registeredSafely = (s: Source): boolean => {
      const { part, confirm, fields = [] } = s.registration!;
      const key = `${s.handler!.pos}:${part}:${fields.join(",")}`;
      registrations ??= new Map();
      if (!registrations.has(key)) registrations.set(key, registrationsOf(s.handler!, ctx.sourceFile, ctx.path, (files ??= projectFiles()), part, fields));
      const r = registrations.get(key);
      return r === "unvalidated" || (r === undefined && !confirm);
    };

    /**
     * Whether the calls of `fn` in this module are all its callers: a function the module does not export, or an
     * exported handler no route module registers (elsewhere.ts).
     */
    const calledOnlyHere = (s: Source, fn: FunctionLike): boolean => {
      if (!isExportedFunction(fn) && !listedInExport(fn)) return true;
      if (!s.registration || s.handler !== fn) return false;
      const { part, fields = [] } = s.registration;
      const key = `${fn.pos}:${part}:${fields.join(",")}`;
      registrations ??= new Map();
      if (!registrations.has(key)) registrations.set(key, registrationsOf(fn, ctx.sourceFile, ctx.path, (files ??= projectFiles()), part, fields));
      return registrations.get(key) === undefined;
    };

    /** A route parameter read (`req.params.id`, `const { id } = req.params`) that a middleware run before the handler allowlists. */
    const allowlistedParam = (s: Source): boolean => {
      const route = s.schemaSuffix === "Params" && s.handler ? routeCallOf(s.handler) : undefined;
      if (!route) return false;
      const n = s.node;
      const keys = ts.isBindingElement(n) ? (ts.isObjectBindingPattern(n.name) ? n.name.elements.map((e) => nameText(e.propertyName ?? e.name) ?? "") : []) : paramKeysRead(n as ts.Expression);
      return paramsAllowlistedBefore(route, handlerIndex(route, s.handler!), keys.filter(Boolean), ctx.sourceFile, ctx.path, (files ??= projectFiles()));
    };

    /** A request part the project's own middleware factory validates before the handler: `route({ requestBody: "GuildUpdateSchema" })`. */
    const middlewareValidatedPart = (s: Source): boolean => {
      const part = SUFFIX_PART[s.schemaSuffix];
      const route = part && s.handler && (s.caseId === "expressBody" || s.caseId === "expressQuery" || s.caseId === "expressParams") ? routeCallOf(s.handler) : undefined;
      if (!route || !part) return false;
      return partValidatedBefore(route, handlerIndex(route, s.handler!), part, ctx.sourceFile, ctx.path, (files ??= projectFiles()));
    };

    /** True when another read of the same input, between `s` and its first unsafe use `at`, is validated whole. */
    const validatedBefore = (s: Source, at: ts.Node): boolean => {
      const use = at.getStart(ctx.sourceFile);
      return sources.some((x) => x !== s && x.dedupeKey === s.dedupeKey && x.read === s.read && x.node.pos > s.node.end && x.node.end <= use && outcomeOf(x)?.kind === "validated");
    };

    /** The NestJS app holding this file registers a global sign-in guard (see global-guard.ts), read once per file. */
    const guardedApp = (): boolean => (globalGuard ??= nestGlobalAuthGuard(ctx.path, ctx.profile.root, ctx.project));
    /** The project's Prisma schema on a field's type, read once per field and file (see equality-filter.ts). */
    const textField = (model: string, field: string): boolean | undefined => {
      const key = `${model}.${field}`;
      textFields ??= new Map();
      if (!textFields.has(key)) textFields.set(key, prismaTextField(model, field, ctx.project, ctx.profile));
      return textFields.get(key);
    };
    /** A Drizzle table defined with `sqliteTable`, read once per table expression (see drizzle-column.ts). */
    const sqliteTables = new Map<string, boolean>();
    const sqliteTable = (table: ts.Expression): boolean => {
      const sf = table.getSourceFile();
      const key = `${sf.fileName}:${table.getText(sf)}`;
      if (!sqliteTables.has(key)) sqliteTables.set(key, drizzleSqliteTable(table, sf, sf === ctx.sourceFile ? ctx.path : sf.fileName, () => (files ??= projectFiles())) === true);
      return sqliteTables.get(key)!;
    };
    /** The project's Drizzle table on a column's type, read once per table and column and file (see drizzle-column.ts). */
    const drizzleText = (table: ts.Expression, column: string): boolean | undefined => {
      const sf = table.getSourceFile();
      const key = `${sf.fileName}:${table.getText(sf)}.${column}`;
      textFields ??= new Map();
      if (!textFields.has(key)) textFields.set(key, drizzleTextColumn(table, column, sf, sf === ctx.sourceFile ? ctx.path : sf.fileName, () => (files ??= projectFiles())));
      return textFields.get(key);
    };
    /**
     * The app-wide OpenAPI validator (see frameworks/openapi-validator.ts) has checked what an Express
     * read takes, for the use found: the operation of the handler's route, asked once per handler.
     */
    const openApiChecked = (s: Source, o: { at: ts.Node; why: string }): boolean => {
      if ((s.caseId !== "expressBody" && s.caseId !== "expressParams" && s.caseId !== "expressQuery") || !s.handler) return false;
      const api = ctx.profile.openApi?.();
      if (!api) return false;
      operations ??= new Map();
      if (!operations.has(s.handler)) operations.set(s.handler, routeOperation(s.handler, ctx.sourceFile, ctx.path.replace(/\\/g, "/"), api, (files ??= projectFiles())));
      const ro = operations.get(s.handler);
      // Every read of the body in the handler, gathered once per input (a handler may read it thousands of times).
      const body = () => {
        const key = s.dedupeKey ?? `${s.node.pos}`;
        bodyReads ??= new Map();
        if (!bodyReads.has(key)) bodyReads.set(key, bodyReadsOf(s.dedupeKey ? sources.filter((x) => x.dedupeKey === s.dedupeKey) : [s], importedFn));
        return bodyReads.get(key);
      };
      return !!ro && openApiValidates(s, o, ro, body);
    };
    /** A Mongoose model's path as a plain `String`, read once per model and path and file (see equality-filter.ts). */
    const mongooseText = (model: string, field: string): boolean | undefined => {
      const key = `${model}.${field}`;
      mongooseFields ??= new Map();
      if (!mongooseFields.has(key)) mongooseFields.set(key, mongooseTextField(model, field, ctx.sourceFile, ctx.path, ctx.project, ctx.profile));
      return mongooseFields.get(key);
    };
    /**
     * `const { title, content } = body; const suc = createPostInput.safeParse(body); if (!suc.success) return …;` then
     * `create({ data: { title } })`: the input held in `refs`' variable is handed whole to a validator before its first
     * unsafe use `at` (held round 36, new-medium-pro blog.ts:95, user.ts:72, labelled clean debatable: nothing reaches
     * a sink until the check has passed).
     */
    const validatedBeforeUse = (refs: readonly ts.Identifier[], at: ts.Node, kind: Source["kind"]): boolean => {
      const use = at.getStart(ctx.sourceFile);
      for (const ref of refs) {
        if (ref.end > use) break;
        const top = climb(ref);
        const call = top.parent;
        if (!call || !ts.isCallExpression(call) || !call.arguments.includes(top as ts.Expression) || !validatorKind(call, top, env.guards())) continue;
        if (analyzeValue(ref, kind, env)?.kind === "validated") return true;
      }
      return false;
    };
    const parsedOnItsOwn = (call: ts.CallExpression) => parseSource(call, facts, ctx.sourceFile)?.caseId === "jsonParseExternal";
    const outcomeOf = (s: Source): Outcome => {
      let best: Outcome;
      env.requestScalars = !NOT_REQUEST_SCALARS.has(s.caseId);
      // An h3 route param (`getRouterParam(event, "slug")`, `event.context.params`) is a path segment, text as
      // sent; its body and `getQuery` values may be objects or arrays.
      env.textScalars = TEXT_SCALARS.has(s.caseId) || (s.caseId === "h3Event" && (s.schemaSuffix === "Param" || s.schemaSuffix === "Params"));
      env.textField = env.textScalars ? textField : undefined;
      env.drizzleText = env.textScalars ? drizzleText : undefined;
      env.action = s.caseId === "nextServerAction";
      env.mongooseText = env.textScalars ? mongooseText : undefined;
      env.textFacts = { textField, drizzleText, mongooseText };
      env.sqliteTable = sqliteTable;
      // `@Param('alias') alias: string` with no pipe: a path segment, always a string.
      // A Fastify route's `request.params` (no schema): path segments, always text.
      env.routeText = env.textScalars || (s.caseId === "nestDecorator" && s.kind === "scalar" && s.read.startsWith("@Param(")) || (s.caseId === "fastifyRequest" && !!s.dedupeKey?.endsWith(":params"));
      // (A form's text field, `form.get("payload")`, parsed: the document is an input of its own, reported at its parse.)
      env.parsedOnItsOwn = s.caseId === "fetchJson" || (s.schemaSuffix === "Field" && !!s.onceKey?.endsWith(":form")) ? parsedOnItsOwn : undefined;
      env.remoteReply = s.caseId === "fetchJson" || !!s.reply;
      env.message = s.caseId === "messagePayload";
      env.cookie = s.caseId === "expressQuery" && !!s.dedupeKey?.endsWith(":cookies");
      env.sinkOnly = !!s.sinkOnly;
      env.uiState = !!s.uiState;
      env.parsedText = s.caseId === "jsonParseExternal" && !s.reply;
      // `JSON.parse(body)` of a request's raw text whose signature a check before it verified, on every path: signed.
      if (!env.parsedText && !env.remoteReply && ts.isCallExpression(s.node) && isTextParser(s.node) && signedBeforeParse(s.node, env.callee)) return { kind: "validated" };
      for (const v of s.values) {
        let o: Outcome;
        const p = v.parent;
        if (ts.isIdentifier(v) && p && (ts.isBindingElement(p) || ts.isParameter(p) || ts.isVariableDeclaration(p)) && p.name === v) {
          const scope = ts.isParameter(p) && isFunctionLike(p.parent) ? p.parent.body ?? p.parent : scopeOf(p);
          const refs = findRefs(v.text, scope, v.end);
          for (const ref of refs) {
            const r = analyzeValue(ref, s.kind, env);
            if (r && decidesWhole(ref, r, env)) {
              o = r;
              // A v1 callable's `data` read field by field (`data.imageUrl` type-checked, `data.voiceId` not): reported at
              // the read whose field goes on unchecked, not at the first read (retired round 45, wikiwands
              // `generateVideo.ts:166`, decided); a presence test (`if (!data.x)`) is no such read.
              if (r.kind === "unsafe" && s.caseId === "firebaseCallable" && s.param && fieldRead(ref) && !onlyTested(ref)) s.reportAt = ref;
              break;
            }
          }
          if (o?.kind === "unsafe" && validatedBeforeUse(refs, o.at, s.kind)) o = { kind: "validated" };
        } else {
          o = analyzeValue(v, s.kind, env);
          // `const body = await c.req.json()`: the variable the read is held in.
          const d = climb(v).parent;
          if (o?.kind === "unsafe" && d && ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && validatedBeforeUse(findRefs(d.name.text, scopeOf(d), d.name.end), o.at, s.kind)) o = { kind: "validated" };
        }
        if (o?.kind === "unsafe" && (!best || best.kind !== "unsafe" || o.at.pos < best.at.pos)) best = o;
        else if (o && !best) best = o;
      }
      return best ?? (s.strict ? handedOn(s) : undefined);
    };

    return {
      onFile() {
        sources = [];
        guards = undefined;
        functions = undefined;
        files = undefined;
        importedFromProject.clear();
        registrations = undefined;
        textFields = undefined;
        operations = undefined;
        bodyReads = undefined;
        mongooseFields = undefined;
        const text = ctx.text;
        // Test code and test support (test-support.ts) fake requests and messages on purpose.
        const testCode = ctx.isTestFile || isTestSupport(ctx.path) || importsTestRunner(text);
        active = !testCode && hasPrefilterWord(text);
        serverFile = text.includes("use server");
        if (serverFile && !testCode) active = true;
        if (active) {
          facts = collectFacts(ctx.sourceFile, ctx.path, ctx.isModule, resolvesIn(ctx.path));
          const deps = ctx.profile.dependencies;
          facts.fastifyProject = deps.has("fastify") && !deps.has("express");
          facts.dependencies = deps;
          facts.imported = importedFn;
          facts.fromProject = fromProject;
          // Bound, not an arrow: an arrow made here captures this rule's whole closure scope, and
          // with it an audit of the benchmark corpus peaked about 70 MB higher (340 -> 271 MB,
          // session 23; the same findings).
          facts.fileExists = ctx.project.fileExists.bind(ctx.project);
          facts.root = ctx.profile.root;
          env.handles = facts.dataHandles;
          env.services = facts.serviceFns;
        }
      },
      [ts.SyntaxKind.PropertyAccessExpression](node: ts.PropertyAccessExpression) {
        if (!active) return;
        const name = node.name.text;
        switch (name) {
          case "body":
          case "query":
          case "params":
          case "cookies": {
            const s = requestPropertySource(node, facts, ctx.sourceFile) ?? (name === "params" ? routeParamsPropertySource(node, facts, ctx.sourceFile) ?? routeModuleParamsProperty(node, facts, ctx.sourceFile) ?? h3ContextParams(node, facts, ctx.sourceFile) : undefined);
            if (s && !feedsParser(node)) sources.push(s);
            else if (name === "body" && !s && !feedsParser(node)) add(lambdaBodySource(node, ctx.sourceFile) ?? queueMessageBodySource(node, ctx.sourceFile));
            else if (name === "query" && !s) add(urlQuerySource(node, facts, ctx.sourceFile) ?? botPropertySource(node, facts, ctx.sourceFile));
            return;
          }
          case "request":
            for (const s of koaRequestDestructured(node, facts, ctx.sourceFile)) sources.push(s);
            return;
          case "url":
          case "path":
          case "originalUrl":
          case "pathname":
            add(urlPathSource(node, facts, ctx.sourceFile));
            return;
          case "originalname":
            add(uploadNameSource(node, facts, ctx.sourceFile) ?? diskStorageNameSource(node, facts, ctx.sourceFile));
            return;
          case "filename":
            add(fastifyUploadNameSource(node, facts, ctx.sourceFile));
            return;
          case "name":
          case "originalFilename":
            add(koaUploadNameSource(node, facts, ctx.sourceFile));
            return;
          case "text":
          case "caption":
          case "content":
          case "match":
          case "payload":
            if (!feedsParser(node)) add(botPropertySource(node, facts, ctx.sourceFile));
            return;
          case "arguments":
            add(mcpToolArguments(node, facts, ctx.sourceFile));
            return;
          case "queryStringParameters":
          case "pathParameters":
          case "multiValueQueryStringParameters":
            add(lambdaParamsSource(node, ctx.sourceFile));
            return;
          case "data":
            if (!feedsParser(node)) add(firebaseCallableData(node, facts, ctx.sourceFile) ?? postMessageSource(node, ctx.sourceFile) ?? botPropertySource(node, facts, ctx.sourceFile));
            return;
          default:
            return;
        }
      },
      [ts.SyntaxKind.CallExpression](node: ts.CallExpression) {
        if (!active) return;
        const e = node.expression;
        if (ts.isIdentifier(e)) {
          if (e.text === "axios") add(axiosSource(node, facts, ctx.sourceFile));
          else if (node.arguments.length > 0) add(h3Source(node, facts, ctx.sourceFile) ?? importedBodyReaderSource(node, facts, ctx.sourceFile) ?? parseHelperSource(node, facts, ctx.sourceFile) ?? axiosSource(node, facts, ctx.sourceFile));
          return;
        }
        if (!ts.isPropertyAccessExpression(e)) return;
        switch (e.name.text) {
          case "json":
            if (node.arguments.length > 0) return;
            add(honoSource(node, facts, ctx.sourceFile, moduleOf) ?? nextAppBodySource(node, facts, ctx.sourceFile) ?? fetchJsonSource(node, ctx.sourceFile, facts.imported));
            return;
          case "formData":
            add(honoSource(node, facts, ctx.sourceFile, moduleOf) ?? nextAppBodySource(node, facts, ctx.sourceFile));
            return;
          case "parseBody":
            add(honoSource(node, facts, ctx.sourceFile, moduleOf) ?? qwikParseBodySource(node, facts, ctx.sourceFile));
            return;
          case "queries":
            add(honoSource(node, facts, ctx.sourceFile, moduleOf));
            return;
          case "param":
            add(honoSource(node, facts, ctx.sourceFile, moduleOf) ?? paramCallSource(node, facts, ctx.sourceFile));
            return;
          case "allParams":
            add(paramCallSource(node, facts, ctx.sourceFile));
            return;
          case "query":
            add(honoSource(node, facts, ctx.sourceFile, moduleOf));
            return;
          case "get":
            if (node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
              add(nextSearchParamSource(node, facts, ctx.sourceFile) ?? serverActionSource(node, facts, ctx.sourceFile) ?? formFieldSource(node, facts, ctx.sourceFile));
            }
            add(axiosSource(node, facts, ctx.sourceFile));
            return;
          case "post":
          case "put":
          case "patch":
          case "delete":
          case "request":
            add(axiosSource(node, facts, ctx.sourceFile));
            return;
          case "fromEntries":
            add(serverActionSource(node, facts, ctx.sourceFile));
            return;
          case "parse":
          case "load":
            if (isTextParser(node)) add(parseSource(node, facts, ctx.sourceFile));
            else if (e.name.text === "parse") add(formidableSource(node, facts, ctx.sourceFile));
            return;
          case "split":
            add(urlSegmentSource(node, facts, ctx.sourceFile));
            return;
          case "onText":
            for (const s of onTextSources(node, facts, ctx.sourceFile)) sources.push(s);
            return;
          case "getString":
          case "getInteger":
          case "getNumber":
          case "getFocused":
            add(discordOptionSource(node, facts, ctx.sourceFile));
            return;
          case "on":
          case "once":
          case "handle":
          case "handleOnce":
          case "addListener":
            for (const s of messageParamSources(node, facts, ctx.sourceFile)) sources.push(s);
            return;
          default:
            return;
        }
      },
      [ts.SyntaxKind.Parameter](node: ts.ParameterDeclaration) {
        if (!active) return;
        if (node.name.kind === ts.SyntaxKind.Identifier) {
          if (serverFile) add(serverActionParamSource(node, facts, ctx.sourceFile));
          add(firebaseCallableParam(node, facts, ctx.sourceFile) ?? credentialsAuthorizeSource(node, facts, ctx.sourceFile) ?? tanstackServerFnSource(node, facts, ctx.sourceFile));
          return;
        }
        if (node.name.kind !== ts.SyntaxKind.ObjectBindingPattern) return;
        if (serverFile) add(serverActionBindingSource(node, facts, ctx.sourceFile));
        for (const s of destructuredRequestSources(node, facts, ctx.sourceFile)) sources.push(s);
        for (const s of routeParamsBindingSources(node, facts, ctx.sourceFile)) sources.push(s);
        for (const s of routeModuleParamsBindings(node, facts, ctx.sourceFile)) sources.push(s);
        add(firebaseCallableParam(node, facts, ctx.sourceFile));
      },
      [ts.SyntaxKind.VariableDeclaration](node: ts.VariableDeclaration) {
        if (!active || node.name.kind !== ts.SyntaxKind.ObjectBindingPattern) return;
        for (const s of requestVarDestructured(node, facts, ctx.sourceFile)) sources.push(s);
        for (const s of lambdaEventDestructured(node, ctx.sourceFile)) sources.push(s);
        add(h3ContextParamsDestructured(node, facts, ctx.sourceFile));
        add(firebaseCallableDestructured(node, facts, ctx.sourceFile));
      },
      [ts.SyntaxKind.Decorator](node: ts.Decorator) {
        if (!active) return;
        add(nestSource(node, facts, ctx.sourceFile, moduleOf) ?? nestTelegrafSource(node, facts, ctx.sourceFile));
      },
      onFileExit() {
        if (!active || sources.length === 0) return;
        // A check script's calls of other APIs (no request handled in it): their answers are printed for the person running it.
        if (CHECK_SCRIPT_RE.test(ctx.path) && sources.every((s) => s.caseId === "fetchJson" || s.caseId === "jsonParseExternal")) {
          sources = [];
          return;
        }
        const done = new Set<string>();
        const seen = new Set<ts.Node>();
        const sinks = new Map<ts.Node, Set<string>>();
        // Inputs reported for a field's use (`findOne({ username: req.body.username })`): a later spread of
        // the same input whole into a call (`createUser({ ...req.body })`) is a second harm, reported once more.
        const fieldReported = new Set<string>();
        let byNode: Map<ts.Node, Source> | undefined;
        sources.sort((a, b) => a.node.pos - b.node.pos);
        for (const s of sources) {
          const spreadAgain = !!s.dedupeKey && fieldReported.has(s.dedupeKey) && spreadWhole(s.node);
          if (spreadAgain) fieldReported.delete(s.dedupeKey!);
          else if (seen.has(s.node) || (s.dedupeKey && done.has(s.dedupeKey)) || (s.onceKey && done.has(s.onceKey))) continue;
          seen.add(s.node);
          // `req.body.query` after `req.body = searchRequestSchema.parse(req.body)`: the validated value, not the input.
          if (ts.isPropertyAccessExpression(s.node) && readsReplacedValue(s.node, env.guards(), (fn) => calledOnlyHere(s, fn))) continue;
          // `router.get("/:id", requireGuildAdmin, …)`: only ids of the caller's own list get here.
          if (allowlistedParam(s)) continue;
          // `router.post("/", route({ requestBody: "GuildUpdateSchema" }), handler)`: the project's middleware validated the body.
          if (middlewareValidatedPart(s)) continue;
          const o = outcomeOf(s);
          // Declared in the document the app-wide OpenAPI validator checks requests against: each read judged on its own.
          if (o?.kind === "unsafe" && openApiChecked(s, o)) continue;
          // `const { name, email } = req.body; const { isValid } = validateRegisterInput(req.body); if (!isValid) …`:
          // a later read validated whole before the first unsafe use validates the input.
          if (o?.kind === "unsafe" && s.dedupeKey && validatedBefore(s, o.at)) {
            done.add(s.dedupeKey);
            continue;
          }
          // A handler registered elsewhere (a controller): the route that registers it may validate first.
          if (o?.kind === "unsafe" && s.registration && s.handler && !registeredSafely(s)) {
            if (s.dedupeKey) done.add(s.dedupeKey);
            continue;
          }
          // An operator script's reply only printed for the person running it (see printed.ts).
          if (o?.kind === "unsafe" && (s.caseId === "fetchJson" || s.caseId === "jsonParseExternal") && SCRIPT_DIR_RE.test(ctx.path) && printedOnly(s.node)) continue;
          // A guard or assertion on the first read gates the later reads of the same input.
          if (o?.kind === "validated" && s.dedupeKey) done.add(s.dedupeKey);
          if (!o || o.kind !== "unsafe") continue;
          // The request's own URL path routes the request everywhere else: only a file path built from it counts.
          if (s.fileOnly && o.why !== "file") continue;
          // `isFieldsValid(ctx)` reading the body to answer "Invalid fields.": the check itself.
          if (isCheckFunctionUse(s.handler, o.why)) continue;
          // Reads that end in the same unsafe use (`getUsage({ a: p.get("a"), b: p.get("b") })`) are one finding.
          // Two parameters (`updateClient(clientId, data)`), or a body and a route param, are two
          // inputs, not two reads of one.
          // Two requests' replies are two inputs too (the OAuth token reply and the profile fetched with its token, both
          // stored by one upsert: held round 42, auto-ecom-api `mercadolibre.ts:70`, `:79`).
          const input = s.caseId === "fetchJson" ? `${s.caseId}:${s.node.pos}` : `${s.caseId}:${s.schemaSuffix}`;
          if (!s.dedupeKey && !s.param && sinks.get(o.at)?.has(input)) continue;
          if (!sinks.has(o.at)) sinks.set(o.at, new Set());
          sinks.get(o.at)!.add(input);
          if (s.onceKey) done.add(s.onceKey);
          if (s.dedupeKey && !spreadAgain && isFieldUse(s.node, o.at)) fieldReported.add(s.dedupeKey);
          if (s.dedupeKey) {
            done.add(s.dedupeKey);
            // Siblings are the same read (`req.body` again), not another key of the same query.
            const same = sources.filter((o) => o !== s && o.dedupeKey === s.dedupeKey && o.read === s.read);
            s.siblings = same.filter((o) => o.node.pos > s.node.pos).map((o) => o.node);
            s.earlier = same.filter((o) => o.node.pos < s.node.pos && onlyTested(o.node)).map((o) => o.node);
          }
          const use = USE_TEXT[o.why] ?? o.why;
          const at = { start: o.at.getStart(ctx.sourceFile), end: o.at.getEnd() };
          // At the later read the use's name is declared from, when this read is only its fallback (see fallbackRead).
          s.reportAt ??= fallbackRead(s, o.at, (byNode ??= new Map(sources.map((x) => [x.node, x]))));
          // Related information only where it points somewhere else: not at a use that is the read itself (req.body.name).
          const reported = s.reportAt ?? s.node;
          const elsewhere = at.end <= reported.getStart(ctx.sourceFile) || at.start >= reported.getEnd();
          ctx.report({
            case: s.caseId,
            node: reported,
            // Source text may hold template literals: no backtick reaches a plain-text message.
            data: { read: s.read.replace(/`/g, "'"), use: USE_VERB[o.why] ?? "is used", effect: USE_EFFECT[o.why] ?? GENERIC_EFFECT },
            ...(elsewhere ? { related: [{ message: `First use without validation: ${use}`, range: at }] } : {}),
            // A route id only cast by Mongoose, the project answering the cast's error with a 400 (cast-error.ts): debatable.
            ...(s.caseId === "expressParams" && o.why === "database" && castErrorAnswered(s.node, o.at, ctx.path, () => (files ??= projectFiles())) ? { lowConfidence: "castErrorAnswered" } : {}),
            // The app's own rows read through its Parse Server's REST API (parse-rest.ts): debatable, like the PostgREST exemption.
            ...(s.caseId === "fetchJson" && ts.isCallExpression(s.node) && parseServerRowsRequest(s.node) ? { lowConfidence: "parseServerRows" } : {}),
            fixes: () => buildFixes(ctx, s, facts),
          });
        }
        sources = [];
      },
    };
  },
});

/** `{ ...req.body, password }`: the input spread whole into an object literal. */
function spreadWhole(read: ts.Node): boolean {
  const p = read.parent;
  return !!p && ts.isSpreadAssignment(p) && p.expression === read;
}

/** The use is of one field of the input (`req.body.username` inside the sink), not of the input whole. */
function isFieldUse(read: ts.Node, at: ts.Node): boolean {
  const p = read.parent;
  return !!p && ts.isPropertyAccessExpression(p) && p.expression === read && at.pos <= p.pos && p.end <= at.end;
}

/**
 * The field `key` of the parameter is declared `unknown` in the callee's signature: `params: { deliveryMethod?:
 * unknown }` (held round 35, v0-community-marketplace `payments/quote:17`, decided clean: "delivery
 * options handed as unknown to a service that normalises them").
 */
function declaredUnknown(param: ts.ParameterDeclaration, key: string | undefined): boolean {
  const type = param.type;
  // (A whole parameter typed `unknown` is often handed back cast, `asObjectRecord(value: unknown)`: not left to the callee.)
  if (!type || key === undefined || !ts.isTypeLiteralNode(type)) return false;
  const member = type.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && nameText(m.name) === key);
  return member?.type?.kind === ts.SyntaxKind.UnknownKeyword;
}

/** The name `fn` gives the field `key` of its parameter `param`: `const { threadId, content } = payload` at the top of its body. */
function destructuredAs(param: ts.ParameterDeclaration, key: string, fn: FunctionLike): string | undefined {
  if (!ts.isIdentifier(param.name) || !fn.body || !ts.isBlock(fn.body)) return undefined;
  for (const st of fn.body.statements) {
    if (!ts.isVariableStatement(st)) return undefined;
    for (const d of st.declarationList.declarations) {
      if (!d.initializer || !ts.isIdentifier(d.initializer) || d.initializer.text !== param.name.text || !ts.isObjectBindingPattern(d.name)) continue;
      const el = d.name.elements.find((e) => !e.dotDotDotToken && nameText(e.propertyName ?? e.name) === key);
      return el && ts.isIdentifier(el.name) ? el.name.text : undefined;
    }
  }
  return undefined;
}

/** `data.voiceId`, `data?.cursor`, `data["name"]`: the reference reads one field of the value. */
function fieldRead(ref: ts.Node): boolean {
  const p = ref.parent;
  return !!p && (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === ref;
}

/**
 * `const state = c.req.query("state"); const botName = c.req.query("botName") || state?.split(":")[1]`, then
 * `storage.bots[botName] = …`: the first read of the input reaches the use only as the fallback of a later read of the
 * same input that the use's name is declared from. The finding goes to that declaration's read (the line that names
 * the value the use takes, ikusner13/lonely-chat `bot.tsx:67`, decided), not to the earlier read it falls back to.
 * Read through the name's references and each declaration's initializer, not the file's list of reads.
 */
function fallbackRead(s: Source, at: ts.Node, byNode: ReadonlyMap<ts.Node, Source>): ts.Node | undefined {
  // `const body = event.body || "{}"`, then `JSON.parse(body)`: the raw text behind a text fallback of the code's own, held the
  // same (vwilson317/bolt-ccc `cloudflare-upload.ts:151`, retired held round 41, decided: the parse is the first use).
  const fb = s.node.parent;
  const held = fb && ts.isBinaryExpression(fb) && fb.left === s.node && (fb.operatorToken.kind === ts.SyntaxKind.BarBarToken || fb.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && ts.isStringLiteralLike(fb.right) ? fb : s.node;
  const own = held.parent;
  if (!own || !ts.isVariableDeclaration(own) || own.initializer !== held || !ts.isIdentifier(own.name)) return undefined;
  for (const ref of findRefs(own.name.text, scopeOf(own), own.end)) {
    let d: ts.Node | undefined = ref.parent;
    while (d && !ts.isVariableDeclaration(d) && !ts.isStatement(d) && !isFunctionLike(d)) d = d.parent;
    const init = d && ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) ? d.initializer : undefined;
    // The use reads the declared name, and another read of the same input stands in the same initializer.
    if (!init || !ts.isVariableDeclaration(d!) || findRefs((d.name as ts.Identifier).text, at, at.pos).length === 0) continue;
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      const t = byNode.get(n);
      if (t && t !== s && t.caseId === s.caseId && t.schemaSuffix === s.schemaSuffix && t.dedupeKey === s.dedupeKey) found = n;
      else ts.forEachChild(n, visit);
    };
    visit(init);
    if (found) return found;
  }
  return onlyParsed(own.name.text, scopeOf(own), own.end);
}

/**
 * `const raw = request.body; let msg; try { msg = JSON.parse(typeof raw === "string" ? raw : "") } catch { … }`: every
 * read of the held raw text is inside one parse, which a name is declared or assigned from: the parse is the first use
 * (maludb `mcp.ts:845`, retired held round 47), as for `const data = JSON.parse(raw)`.
 */
function onlyParsed(name: string, scope: ts.Node, after: number): ts.CallExpression | undefined {
  const refs = findRefs(name, scope, after);
  let parse: ts.CallExpression | undefined;
  for (const ref of refs) {
    let d: ts.Node | undefined = ref.parent;
    while (d && !ts.isVariableDeclaration(d) && !ts.isStatement(d) && !isFunctionLike(d)) d = d.parent;
    const given = d && ts.isExpressionStatement(d) && ts.isBinaryExpression(d.expression) && d.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(d.expression.left) ? d.expression.right : undefined;
    const init = given ?? (d && ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) ? d.initializer : undefined);
    const p = init && parsedIn(init);
    const arg = p?.arguments[0];
    if (!p || !arg || ref.pos < arg.pos || ref.end > arg.end || (parse && parse !== p)) return undefined;
    parse = p;
  }
  return parse;
}

/** `JSON.parse(text)` as the whole of an initializer, through `as`, parentheses and `await`. */
function parsedIn(init: ts.Expression): ts.CallExpression | undefined {
  let e = init;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isAwaitExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && isTextParser(e) ? e : undefined;
}
