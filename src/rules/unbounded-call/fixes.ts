import { ts } from "../../engine/ts";
import type { Fix, ProjectHost, TextEdit } from "../../engine/types";
import type { ProjectProfile } from "../../profile/types";
import { detectStyle, lineIndentAt } from "../../fixes/text";
import { enclosingFunction, propName, prop, unwrap } from "./ast";
import type { Site } from "./calls";
import { isDownload, isGotDownload, statementToPrecede } from "./download";
import { declarationOf, type Facts } from "./facts";
import type { RetryFinding } from "./retry";
import { inAsyncFunction } from "./retry";
import { ownRoute } from "./route";
import { retriedOwnWrite } from "./retried-write";
import { replyUnread } from "./unread-reply";

/**
 * Fixes of this family. Every one is a `suggestion`: a bound changes behaviour under load (a call
 * that used to wait now fails), so none is applied in bulk. Each is written in the library's own
 * form, with the milliseconds from the rule's options.
 */

export interface UnboundedCallOptions {
  timeoutMs: number;
  aiTimeoutMs: number;
  connectTimeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

export const DEFAULT_OPTIONS: UnboundedCallOptions = { timeoutMs: 10000, aiTimeoutMs: 120000, connectTimeoutMs: 5000, maxRetries: 5, retryBaseDelayMs: 500, retryMaxDelayMs: 30000 };

interface FixContext {
  text: string;
  sf: ts.SourceFile;
  facts: Facts;
  options: UnboundedCallOptions;
  /** How the fixes read the project's route files (./route.ts). */
  project: ProjectHost;
  profile: ProjectProfile;
}

const suggestion = (title: string, edits: TextEdit[]): Fix[] => (edits.length > 0 ? [{ title, kind: "suggestion", edits }] : []);

/** Edits that add `member` (`key: value`) to an object literal, in its own layout. */
export function addProperty(obj: ts.ObjectLiteralExpression, member: string, fx: FixContext): TextEdit[] {
  const { text, sf } = fx;
  const props = obj.properties;
  const open = obj.getStart(sf);
  if (props.length === 0) return [{ start: open, end: obj.getEnd(), text: `{ ${member} }` }];
  const last = props[props.length - 1]!;
  const multiLine = text.slice(open, props[0]!.getStart(sf)).includes("\n");
  const trailingComma = props.hasTrailingComma;
  const at = trailingComma ? text.indexOf(",", last.getEnd()) + 1 : last.getEnd();
  if (multiLine) {
    const indent = lineIndentAt(text, last.getStart(sf));
    return [{ start: at, end: at, text: `${trailingComma ? "" : ","}${detectStyle(text).eol}${indent}${member}${trailingComma ? "," : ""}` }];
  }
  return [{ start: at, end: at, text: trailingComma ? ` ${member},` : `, ${member}` }];
}

/** Edits that put `value` as argument `index` of `call` (filling skipped ones with `undefined`), or merge `key: value` into an object there. */
function setOption(call: ts.CallExpression | ts.NewExpression, index: number, key: string, value: string, fx: FixContext, mergeSignal = false): TextEdit[] {
  const args = call.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const member = `${key}: ${value}`;
  const arg = args[index];
  if (arg) {
    const u = unwrap(arg);
    if (ts.isObjectLiteralExpression(u)) return mergeInto(u, key, value, fx, mergeSignal);
    if (ts.isIdentifier(u)) {
      const d = declarationOf(u.text, call, fx.facts);
      const init = d?.initializer ? unwrap(d.initializer) : undefined;
      if (init && ts.isObjectLiteralExpression(init) && prop(init, key)) return mergeInto(init, key, value, fx, mergeSignal);
      if (u.text === "undefined") return [{ start: arg.getStart(fx.sf), end: arg.getEnd(), text: `{ ${member} }` }];
    }
    return [{ start: arg.getStart(fx.sf), end: arg.getEnd(), text: `{ ...${arg.getText(fx.sf)}, ${member} }` }];
  }
  const fill = [...Array(Math.max(0, index - args.length)).keys()].map(() => "undefined");
  const parts = [...fill, `{ ${member} }`];
  if (args.length === 0) {
    const close = call.getEnd() - 1;
    const openParen = fx.text.lastIndexOf("(", close);
    if (openParen < call.expression.getEnd()) return [{ start: call.getEnd(), end: call.getEnd(), text: `(${parts.join(", ")})` }]; // new Pool
    return [{ start: close, end: close, text: parts.join(", ") }];
  }
  const last = args[args.length - 1]!;
  return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${parts.join(", ")}` }];
}

/** Sets `key` in an object literal; an existing signal is merged with the new one through `AbortSignal.any`. */
function mergeInto(obj: ts.ObjectLiteralExpression, key: string, value: string, fx: FixContext, mergeSignal: boolean): TextEdit[] {
  const existing = prop(obj, key);
  if (!existing) return addProperty(obj, `${key}: ${value}`, fx);
  const current = ts.isPropertyAssignment(existing) ? existing.initializer : ts.isShorthandPropertyAssignment(existing) ? existing.name : undefined;
  if (!current) return [];
  const u = unwrap(current);
  const empty = u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === "undefined") || ts.isNumericLiteral(u) || u.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(u) && u.text === "Infinity");
  const merged = mergeSignal && !empty ? `AbortSignal.any([${current.getText(fx.sf)}, ${value}])` : value;
  if (ts.isShorthandPropertyAssignment(existing)) return [{ start: existing.getStart(fx.sf), end: existing.getEnd(), text: `${key}: ${merged}` }];
  return [{ start: current.getStart(fx.sf), end: current.getEnd(), text: merged }];
}

/** The fixes of a `call` or `client` finding. */
export function callFixes(site: Site | undefined, node: ts.Node, fx: FixContext): Fix[] {
  const ms = fx.options.timeoutMs;
  if (site?.kind === "nest" || (!site && ts.isIdentifier(node) && node.text === "HttpModule")) {
    return suggestion(`Register HttpModule with a ${ms} ms timeout`, [{ start: node.getStart(fx.sf), end: node.getEnd(), text: `HttpModule.register({ timeout: ${ms} })` }]);
  }
  if (!site) return [];
  const { call, index } = site;
  switch (site.kind) {
    case "signal":
      if (site.fetch) return fetchFixes(call, index, fx);
      return suggestion(`Abort after ${ms} ms with AbortSignal.timeout`, setOption(call, index, "signal", `AbortSignal.timeout(${ms})`, fx, true));
    case "axios":
      return suggestion(`Set timeout to ${ms} ms`, setOption(call, index, "timeout", String(ms), fx));
    case "got":
      // got's `request` phase lasts until the body's end: a download gets the connect and the headers bounded instead.
      if (isGotDownload(call, fx.sf)) {
        const connect = fx.options.connectTimeoutMs;
        return suggestion(`Set got's timeout.connect to ${connect} ms and timeout.response to ${ms} ms (the headers; the download itself is not limited)`, setOption(call, index, "timeout", `{ connect: ${connect}, response: ${ms} }`, fx));
      }
      return suggestion(`Set got's timeout.request to ${ms} ms`, setOption(call, index, "timeout", `{ request: ${ms} }`, fx));
    case "ofetch":
      return suggestion(`Set ofetch's timeout to ${ms} ms`, setOption(call, index, "timeout", String(ms), fx));
    case "needle":
      return suggestion(`Set needle's response_timeout to ${ms} ms`, setOption(call, index, "response_timeout", String(ms), fx));
    case "request":
      return suggestion(`Set request's timeout to ${ms} ms`, setOption(call, index, "timeout", String(ms), fx));
    case "ai":
      return suggestion(`Abort after ${fx.options.aiTimeoutMs} ms with abortSignal`, setOption(call, index, "abortSignal", `AbortSignal.timeout(${fx.options.aiTimeoutMs})`, fx, true));
    case "pg":
      return suggestion(`Set connectionTimeoutMillis to ${fx.options.connectTimeoutMs} ms`, setOption(call, index, "connectionTimeoutMillis", String(fx.options.connectTimeoutMs), fx));
    case "aws":
      return suggestion(`Set the request handler's requestTimeout to ${ms} ms`, setOption(call, index, "requestHandler", `{ connectionTimeout: ${fx.options.connectTimeoutMs}, requestTimeout: ${ms} }`, fx));
    case "googleapis":
      return suggestion(`Set timeout to ${ms} ms`, setOption(call, index, "timeout", String(ms), fx));
    case "supabase":
      return suggestion(`Give supabase-js a fetch that aborts after ${ms} ms`, site.key === "options" ? helperSupabaseFetch(call, index, fx) : supabaseFetch(call, index, fx));
    case "openaiV3":
      return suggestion(`Set the axios timeout to ${ms} ms in baseOptions`, setOption(call, index, "baseOptions", `{ timeout: ${ms} }`, fx));
    case "superagent":
      return suggestion(`Add .timeout(${ms})`, [{ start: call.getEnd(), end: call.getEnd(), text: `.timeout(${ms})` }]);
    case "nodeHttp":
      return httpFix(call as ts.CallExpression, fx);
    default:
      return [];
  }
}

/**
 * The fixes of a `fetch`. The deadline is the default one unless the URL is the project's own
 * route: then at least the route's `maxDuration` plus the default (the platform lets it run that
 * long), and none when its length cannot be told (a route that downloads a file before answering,
 * or a route we cannot pin down; one that writes, called from a job that retries, with no
 * `maxDuration`: the abort does not stop it and the retry repeats its writes; one with no
 * `maxDuration` whose reply nobody reads: the abort can only fail work it did). A download (the body read as a file) gets a bound on the wait
 * for the headers only: a total deadline would also cut off a large file's body.
 */
function fetchFixes(call: ts.CallExpression | ts.NewExpression, index: number, fx: FixContext): Fix[] {
  const base = fx.options.timeoutMs;
  let ms = base;
  let why = "";
  const route = ownRoute(call.arguments?.[0], fx.facts, fx.project, fx.profile);
  if (route?.kind === "ambiguous") return [];
  // The project's own route that writes, called from a job that retries, with no maxDuration to
  // stop it: an abort leaves the route running and the retry runs its writes again (review R27).
  if (route && route.maxDuration === undefined && retriedOwnWrite(call, fx.facts)) return [];
  // The project's own route with no maxDuration, whose reply nobody reads: a deadline can only
  // fail work the route did (review R26, R47).
  if (route && route.maxDuration === undefined && replyUnread(call)) return [];
  if (route?.maxDuration !== undefined) {
    ms = Math.max(base, route.maxDuration * 1000 + base);
    why = `the route's maxDuration of ${route.maxDuration} s plus ${base} ms`;
  } else if (route?.downloads) return [];
  if (isDownload(call, fx.sf)) {
    return suggestion(`Abort if no response headers arrive within ${ms} ms (${why ? `${why}; ` : ""}the download itself is not limited)`, headersOnly(call, index, ms, fx));
  }
  return suggestion(`Abort after ${ms} ms with AbortSignal.timeout${why ? ` (${why})` : ""}`, setOption(call, index, "signal", `AbortSignal.timeout(${ms})`, fx, true));
}

/**
 * A controller whose timer is cleared once `fetch` resolves, that is once the headers are in:
 * `const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), ms);`
 * before the statement, the signal in the call, `.finally(() => clearTimeout(timer))` after it.
 * None where two statements cannot go right before the call (inside a condition or an arrow's
 * expression body), or where the signal goes into an options object declared before them.
 */
function headersOnly(call: ts.CallExpression | ts.NewExpression, index: number, ms: number, fx: FixContext): TextEdit[] {
  const stmt = statementToPrecede(call);
  if (!stmt) return [];
  const at = stmt.getStart(fx.sf);
  const scope = enclosingFunction(call) ?? fx.sf;
  const controller = freshName("controller", scope);
  const timer = freshName("timer", scope);
  const signal = setOption(call, index, "signal", `${controller}.signal`, fx, true);
  if (signal.length === 0 || signal.some((e) => e.start < at)) return [];
  const { semi, eol } = detectStyle(fx.text);
  const setup = insertBefore(at, [`const ${controller} = new AbortController()${semi}`, `const ${timer} = setTimeout(() => ${controller}.abort(), ${ms})${semi}`], fx);
  if (!fx.profile.predatesEs2018) return [setup, ...signal, { start: call.getEnd(), end: call.getEnd(), text: `.finally(() => clearTimeout(${timer}))` }];
  // A TypeScript lib below ES2018 has no Promise.prototype.finally: clear the timer on the next line,
  // where the statement awaits the call itself (`const res = await fetch(…);`).
  if (!awaitsCallItself(call, stmt)) return [];
  const ownLine = /^[ \t]*(?:\r?\n|$)/.test(fx.text.slice(stmt.getEnd()));
  const clear = `clearTimeout(${timer})${semi}`;
  return [setup, ...signal, { start: stmt.getEnd(), end: stmt.getEnd(), text: ownLine ? `${eol}${lineIndentAt(fx.text, at)}${clear}` : ` ${clear}` }];
}

/** `const res = await fetch(…);`, `res = await fetch(…);`, `await fetch(…);`: the statement ends once the call has resolved. */
function awaitsCallItself(call: ts.Node, stmt: ts.Statement): boolean {
  const a = call.parent;
  if (!a || !ts.isAwaitExpression(a)) return false;
  const p = a.parent;
  if (ts.isExpressionStatement(p) && p === stmt) return true;
  if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === a && p.parent === stmt) return true;
  return !!p && ts.isVariableDeclaration(p) && p.initializer === a && ts.isVariableDeclarationList(p.parent) && p.parent.parent === stmt && p.parent.declarations.length === 1;
}

/**
 * supabase-js `global.fetch` bounded by `AbortSignal.timeout`, merged into an existing `global` object (its
 * `headers`, e.g. the caller's Authorization, are kept). No fix when `global` already has a `fetch`, or when
 * `global` (or the options, or a spread in them) is not a literal we can see: adding ours could drop theirs.
 * In TypeScript the arrow's parameters are typed: `@supabase/ssr` gives them no contextual type (TS7006).
 */
function supabaseFetch(call: ts.CallExpression | ts.NewExpression, index: number, fx: FixContext): TextEdit[] {
  const member = boundedFetchMember(fx);
  const arg = call.arguments?.[index];
  let options: ts.ObjectLiteralExpression | undefined;
  if (arg) {
    const u = unwrap(arg);
    const init = ts.isIdentifier(u) ? declarationOf(u.text, call, fx.facts)?.initializer : undefined;
    options = ts.isObjectLiteralExpression(u) ? u : init && ts.isObjectLiteralExpression(unwrap(init)) ? (unwrap(init) as ts.ObjectLiteralExpression) : undefined;
    if (!options && !(ts.isIdentifier(u) && u.text === "undefined")) return [];
  }
  const global = options && prop(options, "global");
  if (!global) return options?.properties.some(ts.isSpreadAssignment) ? [] : setOption(call, index, "global", `{ ${member} }`, fx);
  const value = ts.isPropertyAssignment(global) ? unwrap(global.initializer) : undefined;
  if (!value || !ts.isObjectLiteralExpression(value) || prop(value, "fetch") || value.properties.some(ts.isSpreadAssignment)) return [];
  return addProperty(value, member, fx);
}

/** `fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(ms) })`, typed in TypeScript. */
function boundedFetchMember(fx: FixContext): string {
  const params = /\.[cm]?tsx?$/i.test(fx.sf.fileName) ? "input: Parameters<typeof fetch>[0], init?: RequestInit" : "input, init";
  return `fetch: (${params}) => fetch(input, { ...init, signal: AbortSignal.timeout(${fx.options.timeoutMs}) })`;
}

/**
 * `createSupabaseServerClient({ supabaseUrl, supabaseKey, event })` (@supabase/auth-helpers-sveltekit): supabase-js's
 * options are the argument's `options`, whose `global` the helper spreads over its own `event.fetch`. Added when the
 * argument has none; no fix when `options` is there but not a literal holding no `global` we could extend.
 */
function helperSupabaseFetch(call: ts.CallExpression | ts.NewExpression, index: number, fx: FixContext): TextEdit[] {
  const arg = call.arguments?.[index];
  const holder = arg ? unwrap(arg) : undefined;
  if (!holder || !ts.isObjectLiteralExpression(holder)) return [];
  const member = boundedFetchMember(fx);
  const options = prop(holder, "options");
  if (!options) return addProperty(holder, `options: { global: { ${member} } }`, fx);
  const value = ts.isPropertyAssignment(options) ? unwrap(options.initializer) : undefined;
  if (!value || !ts.isObjectLiteralExpression(value) || prop(value, "global") || value.properties.some(ts.isSpreadAssignment)) return [];
  return addProperty(value, `global: { ${member} }`, fx);
}

/** `const req = http.request(…);` → a timeout whose handler destroys the request, right after it. */
function httpFix(call: ts.CallExpression, fx: FixContext): Fix[] {
  const decl = call.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.parent?.parent || !ts.isVariableStatement(decl.parent.parent)) return [];
  const stmt = decl.parent.parent;
  const { eol, quote, semi } = detectStyle(fx.text);
  const name = decl.name.text;
  const indent = lineIndentAt(fx.text, stmt.getStart(fx.sf));
  const line = `${name}.setTimeout(${fx.options.timeoutMs}, () => ${name}.destroy(new Error(${quote}Request timed out${quote})))${semi}`;
  return suggestion(`Destroy the request after ${fx.options.timeoutMs} ms without a response`, [{ start: stmt.getEnd(), end: stmt.getEnd(), text: `${eol}${indent}${line}` }]);
}

/** Inserts statements before the one at `at`: each on its own line when that one starts a line, else on the same line. */
function insertBefore(at: number, statements: string | readonly string[], fx: FixContext): TextEdit {
  const ownLine = /^[ \t]*$/.test(fx.text.slice(fx.text.lastIndexOf("\n", at - 1) + 1, at));
  const sep = ownLine ? `${detectStyle(fx.text).eol}${lineIndentAt(fx.text, at)}` : " ";
  return { start: at, end: at, text: (typeof statements === "string" ? [statements] : statements).map((st) => `${st}${sep}`).join("") };
}

/** A name (for an attempt counter, a controller) that the function does not use yet. */
function freshName(base: string, scope: ts.Node): string {
  const text = scope.getText();
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}${i + 1}`;
    if (!new RegExp(`\\b${name}\\b`).test(text)) return name;
  }
}

function backoff(attempt: string, fx: FixContext): string {
  const { retryBaseDelayMs: base, retryMaxDelayMs: max } = fx.options;
  return `await new Promise((resolve) => setTimeout(resolve, Math.min(${max}, ${base} * 2 ** ${attempt}) * (0.5 + Math.random() / 2)))`;
}

/** Inserts statements at the end of a block, before a trailing `continue`, one per line. */
function appendToBlock(block: ts.Block, lines: string[], fx: FixContext): TextEdit[] {
  const { eol, semi } = detectStyle(fx.text);
  const stmts = block.statements;
  const last = stmts[stmts.length - 1];
  const before = last && ts.isContinueStatement(last) ? last : undefined;
  if (before) {
    const indent = lineIndentAt(fx.text, before.getStart(fx.sf));
    return [{ start: before.getStart(fx.sf), end: before.getStart(fx.sf), text: lines.map((l) => `${l}${semi}${eol}${indent}`).join("") }];
  }
  const closeBrace = block.getEnd() - 1;
  const blockIndent = lineIndentAt(fx.text, block.getStart(fx.sf));
  const multiLine = fx.text.slice(block.getStart(fx.sf), closeBrace).includes("\n");
  if (!multiLine) {
    const at = last ? last.getEnd() : block.getStart(fx.sf) + 1;
    return [{ start: at, end: at, text: ` ${lines.map((l) => `${l}${semi}`).join(" ")}${last ? "" : " "}` }];
  }
  const indent = last ? lineIndentAt(fx.text, last.getStart(fx.sf)) : blockIndent + detectStyle(fx.text).indentUnit;
  const at = last ? last.getEnd() : block.getStart(fx.sf) + 1;
  return [{ start: at, end: at, text: lines.map((l) => `${eol}${indent}${l}${semi}`).join("") }];
}

/** The fixes of a `retry` finding. */
export function retryFixes(r: RetryFinding, fx: FixContext, axiosRetryName?: string): Fix[] {
  const { maxRetries } = fx.options;
  const n = r.node;
  if (ts.isPropertyAssignment(n)) {
    const key = propName(n.name);
    if (key === "maxRetriesPerRequest") return suggestion("Set maxRetriesPerRequest to 20 (the ioredis default)", [{ start: n.initializer.getStart(fx.sf), end: n.initializer.getEnd(), text: "20" }]);
    if (key === "forever") return suggestion(`Retry at most ${maxRetries} times`, [{ start: n.getStart(fx.sf), end: n.getEnd(), text: `retries: ${maxRetries}` }]);
    return suggestion(`Retry at most ${maxRetries} times`, [{ start: n.initializer.getStart(fx.sf), end: n.initializer.getEnd(), text: String(maxRetries) }]);
  }
  if (axiosRetryName && ts.isCallExpression(n.parent) && n.parent.expression === n) {
    const call = n.parent;
    return suggestion(`Wait between retries with ${axiosRetryName}.exponentialDelay`, setOption(call, 1, "retryDelay", `${axiosRetryName}.exponentialDelay`, fx));
  }
  if (r.recursiveStmt) return recursionFix(r, fx);
  if (!r.loop || !inAsyncFunction(r.loop)) return [];
  const fn = r.loop.parent ?? r.loop;
  let failure = r.tryStmt?.catchClause?.block ?? (ts.isBlock(r.loop.statement) ? r.loop.statement : undefined);
  if (!failure) return [];
  // A catch that rethrows at its end and goes round from a branch (`if (err instanceof HttpError) { …;
  // continue; } throw err;`): the cap and the wait go in that branch, before its `continue`; after the
  // `throw` they would never run. Another shape gets no fix.
  if (r.tryStmt && failure === r.tryStmt.catchClause?.block && leavesAtEnd(failure)) {
    const branch = failure.statements.find((s): s is ts.IfStatement => ts.isIfStatement(s) && ts.isBlock(s.thenStatement) && endsWithContinue(s.thenStatement));
    if (!branch) return [];
    failure = branch.thenStatement as ts.Block;
  }
  if (r.why === "failureLoop") {
    const { retryMaxDelayMs: max } = fx.options;
    return suggestion("Wait before polling again after a failure", appendToBlock(failure, [`await new Promise((resolve) => setTimeout(resolve, ${max} * (0.5 + Math.random() / 2)))`], fx));
  }
  const edits: TextEdit[] = [];
  let attempt = r.counter;
  const needsCounter = r.why !== "noDelay" || !attempt;
  if (needsCounter) {
    attempt = freshName("attempt", fn);
    const { eol, semi } = detectStyle(fx.text);
    const loopStart = r.loop.getStart(fx.sf);
    edits.push(insertBefore(loopStart, `let ${attempt} = 0${semi}`, fx));
  }
  const lines: string[] = [];
  if (r.why !== "noDelay") {
    const clause = r.tryStmt?.catchClause;
    let err = clause?.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
    if (clause && !clause.variableDeclaration) {
      err = "err";
      const brace = clause.block.getStart(fx.sf);
      edits.push({ start: brace, end: brace, text: "(err) " });
    }
    const q = detectStyle(fx.text).quote;
    lines.push(`if (++${attempt} >= ${maxRetries}) throw ${err ?? `new Error(${q}Gave up after ${maxRetries} attempts${q})`}`);
  } else if (needsCounter) {
    lines.push(`${attempt}++`);
  }
  if (r.why !== "noCap") lines.push(backoff(attempt!, fx));
  edits.push(...appendToBlock(failure, lines, fx));
  const title = r.why === "noCap" ? `Give up after ${maxRetries} attempts` : r.why === "noDelay" ? "Wait between attempts (capped exponential backoff with jitter)" : `Wait between attempts and give up after ${maxRetries}`;
  return suggestion(title, edits);
}

function recursionFix(r: RetryFinding, fx: FixContext): Fix[] {
  const stmt = r.recursiveStmt!;
  const { eol, semi } = detectStyle(fx.text);
  const ms = fx.options.retryMaxDelayMs / 6;
  if (inAsyncFunction(r.node)) {
    return suggestion(`Wait ${ms} ms before trying again`, [insertBefore(stmt.getStart(fx.sf), `await new Promise((resolve) => setTimeout(resolve, ${ms}))${semi}`, fx)]);
  }
  if (ts.isExpressionStatement(stmt) && stmt.expression === r.node) {
    return suggestion(`Try again after ${ms} ms`, [{ start: stmt.getStart(fx.sf), end: stmt.getEnd(), text: `setTimeout(() => ${r.node.getText(fx.sf)}, ${ms})${semi}` }]);
  }
  return [];
}

/** The block's last statement leaves it: a `throw` or a `return`. */
function leavesAtEnd(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return last !== undefined && (ts.isThrowStatement(last) || ts.isReturnStatement(last));
}

/** The block's last statement goes round its loop: an unlabelled `continue`. */
function endsWithContinue(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return last !== undefined && ts.isContinueStatement(last) && !last.label;
}
