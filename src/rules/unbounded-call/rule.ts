import { isFunctionLikeDeclaration } from "../../engine/ast";
import { defineRule } from "../../engine/define-rule";
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import type { CaseMeta, ProjectHost, RuleContext, Visitors } from "../../engine/types";
import type { ProjectProfile } from "../../profile/types";
import { propName, unwrap } from "./ast";
import { isAiWrap } from "./step-wrap";
import { handedToBrowserCode } from "./browser-handoff";
import { FunctionProbe, hasDeliberateComment, isFireAndForget, judgeCall, judgeNestImport, neverUsed, type CallFinding } from "./calls";
import { insideRaceOrWrapper, nobodyWaits } from "./nobody-waits";
import { asksRelativeUrl, inBrowserCallback, inPageComponent, isNitroServerFile, isServerFile, isTestCode, projectPath } from "./context";
import { newFacts, noteAbort } from "./facts";
import { callFixes, DEFAULT_OPTIONS, retryFixes, type UnboundedCallOptions } from "./fixes";
import { bindImport, bindRequire, calleeOf, libraryOf } from "./libraries";
import { reexportedLibrary, relativeModuleText, type ResolveModule } from "./reexport";
import { ProjectFiles, projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { callersOf } from "../unvalidated-boundary/callers";
import { isFailureHandler, judgeAxiosRetry, judgeCallbackRetry, judgeFailurePath, judgeLoop, judgeRetrySetting, type RetryFinding, type RetryWhy } from "./retry";
import { handedToWaitUntil } from "./wait-until";
import { declaresOwnFetch, ownFetchModule } from "./local-fetch";

/**
 * Reads the project module a name is imported from, once per module. Made outside `create` so the
 * closure holds only these four values, not the file's whole rule scope (its AST among them).
 */
function importedTextReader(project: ProjectHost, path: string, named: ReadonlyMap<string, string>, defaults: ReadonlyMap<string, string>, resolve: ResolveModule): (name: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (name) => {
    const spec = named.get(name) ?? defaults.get(name);
    if (spec === undefined) return undefined;
    if (!texts.has(spec)) texts.set(spec, relativeModuleText(project, path, spec, resolve));
    return texts.get(spec);
  };
}

/**
 * Asks the profile whether the process this file runs in gets `axios.defaults.timeout` from another
 * module. Made outside `create`, like {@link importedTextReader}: a closure made inside holds the
 * file's whole rule scope. Session 39 made it inside, and the benchmark corpus's audit (`--jobs 1`,
 * `node --trace-gc`) went from 3 full garbage collections to 35 and from 0.8 s to 5 s in the collector.
 */
function axiosTimeoutAsker(profile: ProjectProfile, rel: string): () => boolean {
  const otherProcess = OTHER_PROCESS_RE.test(rel);
  return () => !otherProcess && profile.axiosDefaultsModule?.() !== undefined;
}

/**
 * The calls of one of this module's exports in the project's other modules (the importers index), or
 * undefined when some caller may not have been seen. Made outside `create` for the reason
 * {@link axiosTimeoutAsker} gives.
 */
function importerCallsOf(ctx: RuleContext<unknown>): (name: string) => ts.CallExpression[] | undefined {
  return (name) => {
    const found = callersOf(projectFilesOf(ctx), ctx.path, name);
    return found?.complete ? found.sites.map((s) => s.call) : undefined;
  };
}

/**
 * The project's resolver of a bare specifier that may name a module of the project (a tsconfig alias,
 * a monorepo's workspace package; not an outbound library's package), made outside `create` like
 * {@link importedTextReader}; its ProjectFiles made on the first question.
 */
function projectResolver(project: ProjectHost, path: string, profile: ProjectProfile): ResolveModule {
  const self = path.replace(/\\/g, "/");
  let files: ProjectFiles | undefined;
  return (spec) => (spec.startsWith(".") || spec.startsWith("/") || libraryOf(spec) !== undefined ? undefined : (files ??= new ProjectFiles(project, self, profile)).resolve(self, spec));
}

/**
 * Outbound calls that can wait forever, and retries that hammer. The walk collects facts and
 * candidates (./facts.ts); they are judged at the end of the file, so a default set or a
 * `require` further down still counts. Call judgement in ./calls.ts, retries in ./retry.ts,
 * fixes (all suggestions) in ./fixes.ts.
 */
const CASES = {
  call: {
    message: "This {{what}} call has no time limit: when the other service stalls, it waits forever and holds a connection and a worker. Give it a timeout.",
    fix: "suggestion",
    description: "An outbound request in server-side code whose wait has no bound (no timeout, no bounded or caller-owned signal)",
  },
  client: {
    message: "The client built by {{what}} has no time limit: when the other service stalls, every call through it waits forever. {{todo}}",
    fix: "suggestion",
    severity: "info",
    description: "A client, pool or instance built without a timeout (axios.create, pg Pool, AWS SDK v3 client, HttpModule, googleapis, supabase-js)",
  },
  retry: {
    message: "This retry {{why}}",
    fix: "suggestion",
    description: "A loop, recursion or retry-library setting that re-issues an outbound operation with no delay between attempts or with no cap",
  },
} satisfies Record<string, CaseMeta>;

export type CaseId = keyof typeof CASES;

// The end of the client message: what to do where the library has a timeout option.
// Queue libraries that need ioredis's `maxRetriesPerRequest: null` on their connections.
const BULL_DEPS = ["bullmq", "bull", "bee-queue"];
const CLIENT_TODO = "Set a timeout where it is built.";
/** A script, a test or a fixture runs in a process of its own: the server's `axios.defaults.timeout` is not set there. */
const OTHER_PROCESS_RE = /(?:^|\/)(?:scripts|test|tests|__tests__|__mocks__|e2e|fixtures?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;

// The rest of the message after "This retry": what it does, what goes wrong in production, what to do (plain text).
const WHY: Record<RetryWhy, string> = {
  noDelay: "tries again at once, with no delay between attempts: when the other service struggles, the burst of retries keeps it down. Wait between attempts, longer each time.",
  noCap: "has no cap: when the other service is down for good, it tries forever and never reports the failure. Give up after a few attempts.",
  noDelayNoCap: "tries again at once and forever: when the other service is down, it hammers it without end. Wait between attempts and give up after a few.",
  failureLoop: "loop goes round again at once after a failure: a lasting failure becomes a tight loop that floods the logs and the other service. Wait before the next round.",
};

const SETTING_KEYS = new Set(["retries", "maxRetries", "retry", "limit", "attempts", "maxAttempts", "retryLimit", "numOfAttempts", "retryAttempts", "reconnectTries", "forever", "maxRetriesPerRequest"]);

const positive = (description: string, dflt: number) => ({ type: "integer" as const, minimum: 1, default: dflt, description });

export default defineRule<UnboundedCallOptions, CaseId>({
  id: "unbounded-call",
  docs: { description: "Outbound calls must have a time limit, and retries a delay and a cap" },
  severity: "warning",
  cases: CASES,
  options: {
    schema: {
      type: "object",
      properties: {
        timeoutMs: positive("Milliseconds the fixes give an HTTP call or client (AbortSignal.timeout, axios/got/googleapis timeout, the AWS request handler).", DEFAULT_OPTIONS.timeoutMs),
        aiTimeoutMs: positive("Milliseconds the fixes give an AI SDK generateText/generateObject/embed call.", DEFAULT_OPTIONS.aiTimeoutMs),
        connectTimeoutMs: positive("Milliseconds the fixes give a connection attempt (pg connectionTimeoutMillis, the AWS connectionTimeout).", DEFAULT_OPTIONS.connectTimeoutMs),
        maxRetries: positive("The attempt cap the retry fixes add.", DEFAULT_OPTIONS.maxRetries),
        retryBaseDelayMs: positive("First delay of the exponential backoff the retry fixes add.", DEFAULT_OPTIONS.retryBaseDelayMs),
        retryMaxDelayMs: positive("Longest delay of that backoff (also the wait after a failed poll).", DEFAULT_OPTIONS.retryMaxDelayMs),
      },
      additionalProperties: false,
    },
    defaults: DEFAULT_OPTIONS,
  },
  create(ctx) {
    const facts = newFacts();
    const calls: Array<ts.CallExpression | ts.NewExpression> = [];
    const relativeImports = new Map<string, string>();
    const namedImports = new Map<string, string>();
    // A non-relative import (a tsconfig alias, a monorepo's workspace package) is resolved only when a judgement reads its module.
    const resolve = projectResolver(ctx.project, ctx.path, ctx.profile);
    facts.importedText = importedTextReader(ctx.project, ctx.path, namedImports, relativeImports, resolve);
    facts.projectAxiosTimeout = axiosTimeoutAsker(ctx.profile, projectPath(ctx));
    facts.importerCalls = importerCallsOf(ctx);
    const nestImports: ts.Identifier[] = [];
    const retries: RetryFinding[] = [];
    const settings: ts.PropertyAssignment[] = [];
    const loops: ts.IterationStatement[] = [];
    const failurePaths: Array<ts.CatchClause | ts.FunctionLikeDeclaration> = [];
    // Calls handed a function by name (`send(url, onDone)`): the name may be an error-first callback that asks again.
    const namedCallbacks: Array<[ts.CallExpression, ts.Identifier]> = [];
    // Offsets of every `await`, in walk (= source) order: a loop with none inside re-issues nothing.
    const awaits: number[] = [];
    const sf = ctx.sourceFile;
    const options = { ...DEFAULT_OPTIONS, ...ctx.options };
    const fx = { text: ctx.text, sf, facts, options, project: ctx.project, profile: ctx.profile };

    const reportCall = (f: CallFinding) => ctx.report({ case: f.case, node: f.node, data: f.case === "client" ? { what: f.what, todo: f.todo ?? CLIENT_TODO } : { what: f.what }, fixes: () => callFixes(f.site, f.node, fx) });
    const reportRetry = (r: RetryFinding, axiosRetryName?: string) =>
      ctx.report({ case: "retry", ...(r.range ? { range: r.range } : { node: r.node }), data: { why: WHY[r.why] }, fixes: () => retryFixes(r, fx, axiosRetryName) });
    const loop = (node: ts.IterationStatement) => {
      loops.push(node);
    };
    const hasAwaitWithin = (node: ts.Node) => {
      let lo = 0;
      let hi = awaits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (awaits[mid]! < node.pos) lo = mid + 1;
        else hi = mid;
      }
      return lo < awaits.length && awaits[lo]! < node.end;
    };

    const text = ctx.text;
    // Timeout defaults and retry settings are told by their nodes first. The text tests below
    // run only once a node they gate is met (and then once per file): a scan of the whole text
    // costs more than the few nodes most files have of each shape. (So are the loops: a file
    // without an await lists none, and its loops are judged by a search of an empty list.)
    let timeoutAssigned: boolean | undefined;
    let retryWords: boolean | undefined;
    const mentionsRetry = () => (retryWords ??= /retr|forever|attempts|HttpModule|reconnectTries/i.test(text));
    const visitors: Visitors = {
      [ts.SyntaxKind.ImportDeclaration]: (node: ts.ImportDeclaration) => {
        if (bindImport(node, facts.bindings, ctx.profile.importMap)) facts.fileWide.add("wrappedFetch");
        // `import http from "../utils/http"` (or `from "@acme/http"`, a package of the workspace): a project module that may hand out a library as it is.
        const name = node.importClause?.name;
        if (name && !node.importClause!.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier) && !node.moduleSpecifier.text.includes(":")) relativeImports.set(name.text, node.moduleSpecifier.text);
        // `import { BOT_CONFIG } from "./config/config"`: named values a judgement may read where they are made.
        const named = node.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && !node.importClause!.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier) && !node.moduleSpecifier.text.includes(":")) {
          for (const el of named.elements) if (!el.isTypeOnly) namedImports.set(el.name.text, node.moduleSpecifier.text);
        }
      },
      [ts.SyntaxKind.VariableDeclaration]: (node: ts.VariableDeclaration) => {
        bindRequire(node, facts.bindings);
        if (ts.isIdentifier(node.name)) facts.declarations.push(node);
      },
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => {
        noteAbort(node, facts);
        const e = node.expression;
        if (ts.isPropertyAccessExpression(e)) {
          const name = e.name.text;
          if (name === "options" && ts.isIdentifier(e.expression) && e.expression.text === "google" && /\btimeout\b/.test(node.getText(sf))) facts.fileWide.add("googleOptions");
        } else if (ts.isIdentifier(e) && e.text === "setGlobalDispatcher") facts.fileWide.add("globalDispatcher");
        if (ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) || isAiWrap(e)) calls.push(node);
        // `(generateObject as any)({ … })`: a cast around the callee calls the same function (retired held round 45, brainlens).
        else if (ts.isParenthesizedExpression(e)) {
          const inner = unwrap(e);
          if (ts.isIdentifier(inner) || (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.expression))) calls.push(node);
        }
        for (const a of node.arguments) {
          if (isFunctionLikeDeclaration(a) && isFailureHandler(a)) failurePaths.push(a);
          else if (ts.isIdentifier(a)) namedCallbacks.push([node, a]);
        }
      },
      [ts.SyntaxKind.CatchClause]: (node: ts.CatchClause) => failurePaths.push(node),
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => {
        calls.push(node);
      },
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => {
        if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(node.left) || node.left.name.text !== "timeout") return;
        if (!(timeoutAssigned ??= /\.timeout\s*=/.test(text))) return;
        const target = node.left.expression;
        // axios.defaults.timeout = 5000 / api.defaults.timeout = 5000 / config.timeout = 5000 (an interceptor)
        if (ts.isPropertyAccessExpression(target) && target.name.text === "defaults" && ts.isIdentifier(target.expression)) facts.defaultsTimeout.add(target.expression.text);
        else if (ts.isIdentifier(target) && /^(?:config|cfg|request|req|options)$/.test(target.text)) facts.fileWide.add("configTimeout");
      },
      [ts.SyntaxKind.PropertyAssignment]: (node: ts.PropertyAssignment) => {
        const key = propName(node.name);
        if (key === "imports" && ts.isArrayLiteralExpression(node.initializer)) {
          for (const el of node.initializer.elements) if (ts.isIdentifier(el) && el.text === "HttpModule" && mentionsRetry()) nestImports.push(el);
        } else if (key && SETTING_KEYS.has(key) && mentionsRetry()) settings.push(node);
      },
      // In the literal, never added later: a visitors object changed after it is made was kept by
      // V8 in its old generation, and with it every tree (the heap grew to 300 MB on the bench corpus).
      [ts.SyntaxKind.AwaitExpression]: (node: ts.AwaitExpression) => awaits.push(node.pos),
      [ts.SyntaxKind.WhileStatement]: loop,
      [ts.SyntaxKind.DoStatement]: loop,
      [ts.SyntaxKind.ForStatement]: loop,
      onFileExit,
    };
    return visitors;

    /** Binds the relative default imports a call uses whose module exports a library unchanged (once per name). */
    function bindReexports() {
      const used = new Set<string>();
      for (const call of calls) {
        const e = call.expression;
        const recv = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) ? e.expression : undefined;
        if (recv && relativeImports.has(recv.text) && !facts.bindings.has(recv.text)) used.add(recv.text);
      }
      for (const name of used) {
        const b = reexportedLibrary(ctx.project, ctx.path, relativeImports.get(name)!, resolve);
        if (b) facts.bindings.set(name, b);
      }
    }

    function onFileExit() {
      // Whether the file runs on a server: read lazily, most files call no outbound library at all.
      let serverFile: boolean | undefined;
      const server = () => (serverFile ??= isServerFile(ctx));
      let nitroFile: boolean | undefined;
      const nitro = () => (nitroFile ??= isNitroServerFile(ctx));
      const probe = new FunctionProbe(sf);
      const rel = projectPath(ctx);
      if (relativeImports.size > 0) bindReexports();
      const fetchSpec = namedImports.get("fetch");
      if (declaresOwnFetch(sf) || (fetchSpec !== undefined && ownFetchModule(relativeModuleText(ctx.project, ctx.path, fetchSpec, resolve) ?? ""))) facts.fileWide.add("localFetch");
      for (const call of calls) {
        const f = judgeCall(call, facts, server, ctx.profile.openaiMajor, ctx.profile.nodeFetchMajor, nitro);
        if (!f) continue;
        if (f.case === "call" && (probe.streamsOrRaces(call) || isFireAndForget(call) || inBrowserCallback(call) || inPageComponent(call, rel) || hasDeliberateComment(ctx.text, call, sf) || insideRaceOrWrapper(call) || insideTimedPromise(call))) continue;
        if (f.case === "call" && (asksRelativeUrl(call) || (text.includes("waitUntil") && handedToWaitUntil(call)) || nobodyWaits(call) || handedToBrowserCode(call))) continue;
        if (f.case === "client" && (hasDeliberateComment(ctx.text, call, sf) || neverUsed(call))) continue;
        reportCall(f);
      }
      for (const id of nestImports) {
        const f = judgeNestImport(id, facts, server);
        if (f) reportCall(f);
      }
      const deps = ctx.profile.dependencies;
      const tanstack = [...facts.bindings.values()].some((b) => b.lib === "tanstack");
      let bullSeen: boolean | undefined;
      const bull = () => (bullSeen ??= BULL_DEPS.some((d) => deps.has(d)) || /["'](?:bullmq|bull)["']/.test(ctx.text));
      for (const p of settings) {
        if (propName(p.name) === "maxRetriesPerRequest") {
          // ioredis waits for a reconnect forever with `null`; BullMQ requires exactly that on its connections.
          const ioredis = deps.has("ioredis") || [...facts.bindings.values()].some((b) => b.lib === "ioredis");
          // A monorepo's redis package serves the BullMQ of its siblings (packages/queue, apps/worker): the workspace is read last.
          if (ioredis && !bull() && unwrap(p.initializer).kind === ts.SyntaxKind.NullKeyword && server() && !hasDeliberateComment(ctx.text, p, sf) && !BULL_DEPS.some((d) => ctx.profile.workspaceDependencies?.().has(d))) {
            ctx.report({ case: "client", node: p, data: { what: "ioredis with maxRetriesPerRequest: null", todo: CLIENT_TODO }, fixes: () => retryFixes({ node: p, why: "noCap" }, fx) });
          }
          continue;
        }
        const r = judgeRetrySetting(p, tanstack);
        if (r && !hasDeliberateComment(ctx.text, p, sf)) retries.push(r);
      }
      // Only a name bound to axios-retry can call it: most files bind none, and skip the second pass over the calls.
      const axiosRetry = [...facts.bindings.values()].some((b) => b.lib === "axios-retry") && !isTestCode(ctx);
      for (const call of axiosRetry ? calls : []) {
        if (!ts.isCallExpression(call)) continue;
        const c = calleeOf(call.expression, facts.bindings);
        if (c?.lib === "axios-retry" && c.member === "" && ts.isIdentifier(call.expression)) {
          const r = judgeAxiosRetry(call);
          if (r) reportRetry(r, call.expression.text);
        }
      }
      for (const node of loops) {
        const r = hasAwaitWithin(node.statement) ? judgeLoop(node) : undefined;
        // Reported at the loop header: its keyword.
        if (r) retries.push({ ...r, range: { start: node.getStart(sf), end: node.getStart(sf) + (ts.isDoStatement(node) ? 2 : ts.isWhileStatement(node) ? 5 : 3) } });
      }
      for (const region of failurePaths) retries.push(...judgeFailurePath(region));
      // Only a file that tests an error by name can hold an error-first callback that asks again.
      if (namedCallbacks.length > 0 && /\bif\s*\(\s*!?\s*(?:err|error|e|er)\s*\)/i.test(text)) {
        const seen = new Set<ts.Node>();
        for (const [call, arg] of namedCallbacks) {
          const r = judgeCallbackRetry(call, arg);
          if (r && !seen.has(r.node)) {
            seen.add(r.node);
            retries.push(r);
          }
        }
      }
      // A retry in test code re-asks the app or the stub the suite started, and ends with the run: not reported.
      if (retries.length > 0 && isTestCode(ctx)) return;
      retries.sort((a, b) => (a.range?.start ?? a.node.getStart(sf)) - (b.range?.start ?? b.node.getStart(sf)));
      for (const r of retries) if (!hasDeliberateComment(ctx.text, r.node, sf)) reportRetry(r);
    }
  },
});

/**
 * A race written by hand: the call sits in a `new Promise((resolve, reject) => …)` executor that
 * first arms `setTimeout(() => reject(new Error("timed out")), ms)`. The promise the caller awaits
 * settles by the timer at the latest, like `Promise.race` against one (issue 11, held round 14).
 * A timer armed after the call, or one that settles nothing, bounds nothing.
 */
function insideTimedPromise(call: ts.Node): boolean {
  let fn: ts.Node | undefined = call.parent;
  while (fn && !isFunctionLikeDeclaration(fn)) fn = fn.parent;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length === 0) return false;
  const promise = fn.parent;
  if (!promise || !ts.isNewExpression(promise) || !ts.isIdentifier(promise.expression) || promise.expression.text !== "Promise" || promise.arguments?.[0] !== fn) return false;
  const settle = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : "")).filter((n) => n !== "");
  const settles = new RegExp(`(?<![\\w$.])(?:${settle.map((n) => n.replace(/\$/g, "\\$")).join("|")})\\s*\\(`);
  let armed = false;
  walk(fn.body, (n) => {
    if (armed || n.end > call.getStart() || !ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== "setTimeout" || n.arguments.length < 2) return;
    const cb = n.arguments[0]!;
    if ((ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && settles.test(cb.body.getText())) armed = true;
  });
  return armed;
}
