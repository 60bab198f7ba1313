import { ts } from "../../engine/ts";
import { calleeName, importBindings, isFunctionLikeDeclaration, topLevelFunction } from "../../engine/ast";
import { callsDebugOnlyLogger } from "./debug-log";
import { TreeMemo } from "../../engine/tree-memo";
import { ownReturns } from "../unvalidated-boundary/ast";
import { handlesAWebhook, nestWebhookAck } from "./webhook-ack";
import { retriesUnderCap } from "./self-retry";
import { buildsFailureAnswer } from "./answer-builder";
import { showsFailureNotice } from "./ui-notice";

/**
 * Small, bounded classifiers over one catch block or one handler body. Nothing here walks
 * beyond the subtree it is given.
 */

const LOG_LEVELS = new Set(["error", "warn", "warning", "info", "log", "debug", "trace", "fatal", "verbose", "silly", "notice", "crit", "critical"]);
// Loggers of any name and case: `logger`, `Logger`, `LOGGER`, `log`, `appLogger`, `AuditLog`, `_logger`, `this.logger`, `req.log`,
// and Medusa's injected `this.logger_` (its services' trailing-underscore fields; held round 45's Resend provider).
const LOGGER_RECEIVER_RE = /^[_$]*(?:console|consola|signale|logger|log|logging|winston|pino|bunyan|debug|logService)_?$|^[_$]*[A-Za-z]\w*(?:Logger|Log|LOGGER|LOG|_logger|_log)$/;
const LOGGER_WORD_RE = /^[_$]*(?:logger|log|logging)$/i;

/** Log levels below error (`warn`, `info`, `debug`…): the author logged the failure as one to carry on from. */
export const BELOW_ERROR_LEVEL_RE = /^(?:warn|warning|info|debug|trace|verbose|notice|silly)$/;
// A logger handed back by a getter: `getLogger("db").error(e)`, `getConsoleLogFromContext(ctx).error(e)`
// (also by a function named `logger` or `log` itself: `logger().error(e)`).
const LOGGER_GETTER_RE = /^(?:get|use|create)\w*(?:Logger|Log)(?:(?:From|For)[A-Z]\w*)?$/;
const BARE_LOG_FNS = new Set(["log", "logError", "logWarn", "logWarning", "logger", "debug", "warn"]);
const NOOP_FNS = new Set(["noop", "identity"]);
const FAILURE_KEYS = new Set(["error", "errors", "err", "failed", "failure", "failures", "reason", "isError", "errorMessage", "errorCode"]);
const FALSE_MEANS_FAILURE = new Set(["ok", "success", "succeeded", "valid", "isValid", "allowed", "authorized", "healthy", "available", "ready", "exists"]);
// Flags named for whether the operation took place, a past participle: `fetched`, `sent`, `delivered`, `saved`.
// Also as the last word of a camelCase name (`emailSent`, `dataFetched`; not `consent` or `present`).
const OUTCOME_FLAG_RE = /^(?:fetched|loaded|sent|delivered|saved|uploaded|downloaded|imported|exported|synced|published|processed|completed)$|^[a-z]\w*(?:Fetched|Loaded|Sent|Delivered|Saved|Uploaded|Downloaded|Imported|Exported|Synced|Published|Processed|Completed)$/;
// Words that mark a string as an error message rather than a placeholder value.
const ERROR_WORDS_RE = /\b(?:invalid|error|errors|fail|failed|failure|unable|cannot|can't|could not|couldn't|did not|didn't|not (?:a )?valid|no valid|rejected|not found|denied|forbidden|unauthori[sz]ed|malformed|bad request|went wrong|broken|unavailable|not available|down|offline|unhealthy|degraded|disconnected|unreachable|erro|falha|falhou|erreur|fehler|fallo|no (?:se )?pud(?:e|o|imos|ieron)|n[ãa]o (?:foi poss[íi]vel|conseguimos|consegui)|technical (?:problem|issue|difficult(?:y|ies))|problema t[ée]cnico|probl[èe]me technique)\b|ошибк|не удалось|не получилось|خطأ|تعذر/i;
// A message that opens with a failure mark (`"❌ Erro ao buscar corridas."`, `"⚠️ …"`) says it failed in any language;
// also in angle brackets, a bot's house style (`"<❌> Activity logs channel is missing."`, held round 39).
const FAILURE_MARK_RE = /^[`'"]?\s*<?(?:❌|⛔|🚫|⚠|✖|❗)/u;

/**
 * `process.exit(1)`, also `exit(1)` with `import { exit } from "node:process"` (production capgo's
 * scripts, written for a lint config that forbids the global `process`): the call that ends the process.
 */
export function isProcessExit(call: ts.CallExpression): boolean {
  const e = call.expression;
  if (ts.isPropertyAccessExpression(e)) return e.name.text === "exit" && ts.isIdentifier(e.expression) && e.expression.text === "process";
  if (!ts.isIdentifier(e)) return false;
  const imp = importBindings(e.getSourceFile()).get(e.text);
  return imp !== undefined && imp.exported === "exit" && /^(?:node:)?process$/.test(imp.spec);
}

/** Whether a message (a literal's text, or its source with quotes) says that something failed. */
export function saysFailure(text: string): boolean {
  return ERROR_WORDS_RE.test(text) || FAILURE_MARK_RE.test(text);
}
const UI_FAILURE_CALL_RE = /^(?:set\w*(?:Error|Errors|Failed|Failure|Status|Invalid)|showError\w*|send\w*Error(?:Response|Message|Frame|Reply)?|notify\w*|toast\w*|alert|fail|reject\w*|deny|denied|\w+Denied|abort\w*|handleError\w*|reportError|onError|onFailure|flash|redirect|render|markFailed|markAsFailed|nack|retry|requeue|notFound|unauthorized|forbidden)$/;
// A chat reply that tells the user it failed: `ctx.reply("Error…")`, `interaction.editReply("Sorry, …")`.
// Also a project helper named for sending a message, `sendTelegramMessage(token, chatId, "Sorry, …")` (held round 25).
const CHAT_REPLY_RE = /^(?:reply|editReply|followUp|send\w*Message|sendText|sendTextMessage|answerCbQuery|respond|enviarTexto|enviarMensaje)$/;
// An apology opens a reply that says the request could not be done: "Sorry, …", "Lo sentimos, …".
const SORRY_RE = /\b(?:sorry|apologi[sz]e|apologies|lo sentimos|lo siento|desculpe|d[ée]sol[ée])\b|أعتذر|نعتذر|عذرا|عذراً/i;
// A message that opens with an apology: `"I'm sorry, I encountered an issue…"`, `"Sorry, …"`, `"Lo sentimos, …"`.
// Also "I apologize, …", "Apologies, …" and the Arabic "أعتذر، …" ("I apologize").
const OPENS_WITH_APOLOGY_RE = /^[`'"]\s*(?:\W{1,3}\s*)?(?:(?:(?:(?:I'?m|I am|We'?re|We are)\s+)?(?:sorry|lo sentimos|lo siento|desculpe|d[ée]sol[ée])|(?:I|We)\s+apologi[sz]e|(?:My\s+)?apologies)\b|أعتذر|نعتذر|عذرا)/i;
// A call that keeps its argument as data rather than telling anyone: `saveMessage(…)`, `insert(…)`, `push(…)`
// (`addBotMessage(…)`, `setReply(…)` show it).
const STORE_CALL_RE = /^(?:save|store|insert|create|upsert|cache|persist|record|write|push|unshift)(?:[A-Z]\w*)?$/;
const UI_FAILURE_RECEIVER_RE = /^(?:toast|notification|notifications|message|snackbar|enqueueSnackbar|flash|Alert|alert|swal|Swal|core)$/;

// A toast or banner of the page's own state: `setToast(t("error.unknown"))`, `showSnackbar("Upload failed")`.
const TOAST_SETTER_RE = /^(?:set|show|open|display)(?:Toast|Snackbar|Notice|Notification|Alert|Banner)$/;

/** A message that says it failed, as a literal or a translation key: `"Upload failed"`, `t("error.unknown")`. */
function saysItFailedToTheUser(a: ts.Expression): boolean {
  const key = ts.isCallExpression(a) && /^(?:t|translate|formatMessage|\$t)$/.test(calleeName(a) ?? "") ? a.arguments[0] : a;
  const m = key && messageOf(key);
  return m !== undefined && saysFailure(m.getText());
}

/**
 * `const message = "❌ Admin paneliga kirishda xato yuz berdi."; await send(chatId, message);`: the
 * initializer of a `const` of an enclosing block, declared before the call, that a message names
 * (held round 25: a failure reply through a local).
 */
export function constInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let p: ts.Node | undefined = id.parent; p && !isFunctionLikeDeclaration(p); p = p.parent) {
    if (!ts.isBlock(p)) continue;
    for (const st of p.statements) {
      if (st.getStart() >= id.getStart()) break;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
      if (d) return d.initializer;
    }
  }
  return undefined;
}

/** The literal a message starts with: `"…"`, `` `…${x}` ``, or the first part of `"❌ Failed.\n" + "Try again"`. */
function messageOf(a: ts.Expression): ts.StringLiteralLike | ts.TemplateExpression | undefined {
  let e = ts.isIdentifier(a) ? (constInitializer(a) ?? a) : a;
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) e = e.left;
  return ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) ? e : undefined;
}

/**
 * The text of a chat reply's argument: a message (see {@link messageOf}), or the `content`/`text` of a
 * message object (discord.js `interaction.reply({ content: "<❌> Channel is missing.", ephemeral: true })`,
 * held round 39).
 */
function replyMessageOf(a: ts.Expression): ts.StringLiteralLike | ts.TemplateExpression | undefined {
  const m = messageOf(a);
  if (m || !ts.isObjectLiteralExpression(a)) return m;
  for (const p of a.properties) if (ts.isPropertyAssignment(p) && /^(?:content|text)$/.test(p.name.getText())) return messageOf(p.initializer);
  return undefined;
}

function receiverName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return "this";
  return undefined;
}

// An error tracker's record of the error: Sentry's `captureException(err)`, `Sentry.captureMessage(…)`.
// Handing the error to a tracker passes it on (people are alerted), except where the catch then gives
// the caller a normal-looking answer: there it is a log line kept elsewhere (see `withTrackersAsLogs`).
const TRACKER_FNS = new Set(["captureException", "captureMessage"]);
const TRACKER_RECEIVER_RE = /^sentry$/i;
let trackersAsLogs = false;

/** Runs `f` with error-tracker calls counted as log calls. */
export function withTrackersAsLogs<T>(f: () => T): T {
  const was = trackersAsLogs;
  trackersAsLogs = true;
  try {
    return f();
  } finally {
    trackersAsLogs = was;
  }
}

function isTrackerCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return TRACKER_FNS.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && TRACKER_FNS.has(callee.name.text) && ts.isIdentifier(callee.expression) && TRACKER_RECEIVER_RE.test(callee.expression.text);
}

/** `console.error`, `logger.warn`, `this.logger.info`, `req.log.error`, `log(…)`. */
export function isLogCallee(callee: ts.Expression): boolean {
  if (trackersAsLogs && isTrackerCallee(callee)) return true;
  if (ts.isIdentifier(callee)) return BARE_LOG_FNS.has(callee.text) || isFileLogHelper(callee) || (importedLogHelpers.get(callee.getSourceFile())?.has(callee.text) ?? false);
  // `this.log("warn", …)`, `this.logError(…)`: the class's own log method, as a bare `log(…)`.
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && BARE_LOG_FNS.has(callee.name.text)) return true;
  if (!ts.isPropertyAccessExpression(callee) || !LOG_LEVELS.has(callee.name.text)) return false;
  if (ts.isCallExpression(callee.expression)) {
    const getter = callee.expression;
    // `logger().error(…)`, `log("db").warn(…)`: a module's logger handed back by a function named for it.
    if (ts.isIdentifier(getter.expression) && LOGGER_WORD_RE.test(getter.expression.text) && getter.arguments.length <= 1) return true;
    return LOGGER_GETTER_RE.test(calleeName(getter) ?? "");
  }
  const recv = receiverName(callee.expression);
  return recv !== undefined && (LOGGER_RECEIVER_RE.test(recv) || LOGGER_WORD_RE.test(recv));
}

// A helper's name that says it logs: `logStep`, `debugLog`, `logInfo`, `writeLog`.
const LOG_HELPER_NAME_RE = /log/i;
const logHelpers = new TreeMemo<ts.SourceFile, Map<string, boolean>>();

/**
 * `logStep("ERROR: Failed to update user plan", { error: e.message })` where the file declares
 * `const logStep = (step: string, details?: any) => { const detailsStr = details ? \` - ${JSON.stringify(details)}\` : "";
 * console.log(\`[STRIPE-WEBHOOK] ${step}${detailsStr}\`); }`: a top-level function of the file, named
 * for logging, whose whole body is log lines (and `const`s of their text, or `if`s around them). A
 * call of it is a log line, as `console.log` is (held round 31: a webhook's write errors only
 * `logStep`ped before the 200).
 */
function isFileLogHelper(callee: ts.Identifier): boolean {
  const sf = callee.getSourceFile();
  if (!sf || !LOG_HELPER_NAME_RE.test(callee.text)) return false;
  let known = logHelpers.get(sf);
  if (!known) logHelpers.set(sf, (known = new Map()));
  const cached = known.get(callee.text);
  if (cached !== undefined) return cached;
  // Settled as "no" first, so a helper that calls itself is not one.
  known.set(callee.text, false);
  const fn = topLevelFunction(callee.text, sf);
  const only = !!fn && onlyLogsBody(fn);
  known.set(callee.text, only);
  return only;
}

// Per file: the names its imports bind to a project module's log helper (imported-log.ts).
const importedLogHelpers = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/** Records `names` as calls of log helpers in `sf` (imported-log.ts reads the modules they come from). */
export function markImportedLogHelpers(sf: ts.SourceFile, names: readonly string[]): void {
  importedLogHelpers.set(sf, new Set(names));
}

/** A function whose whole body is log lines (and `const`s of their text, or `if`s around them), as {@link isFileLogHelper} reads one. */
export function onlyLogsBody(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  return !!body && (ts.isBlock(body) ? body.statements.length > 0 && body.statements.every(onlyLogs) && body.statements.some(logsSomething) : isLogCall(body));
}

/**
 * A statement of a log helper: a log line, a `const` of its text, an `if` (or block) of those, and
 * a write to an in-memory log buffer named for one (`logs.unshift(entry)`, `if (logs.length > 100)
 * logs.pop()`): a control panel's recent-log view, the same line kept for display (retired held
 * round 48's WhatsApp assistant, `addLog`).
 */
function onlyLogs(st: ts.Statement): boolean {
  if (ts.isExpressionStatement(st)) return isLogCall(st.expression) || isLogBufferWrite(st.expression);
  if (ts.isBlock(st)) return st.statements.every(onlyLogs);
  if (ts.isIfStatement(st)) return onlyLogs(st.thenStatement) && (!st.elseStatement || onlyLogs(st.elseStatement));
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && (!d.initializer || !containsFunction(d.initializer)));
  return false;
}

// An array of log lines by its name: `logs`, `logBuffer`, `recentLogs`, `LOG_ENTRIES`.
const LOG_BUFFER_RE = /^[_$]*(?:logs?|[a-z]\w*Logs?)(?:Buffer|Entries|Lines|History)?$|^[_$]*(?:LOGS?|[A-Z]\w*_LOGS?)(?:_BUFFER|_ENTRIES|_LINES|_HISTORY)?$/;
const BUFFER_METHODS = new Set(["push", "unshift", "pop", "shift", "splice"]);

/** `logs.unshift(entry)`, `logs.pop()`, `this.logs.push(line)`: a write to an array of log lines. */
function isLogBufferWrite(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || !ts.isPropertyAccessExpression(u.expression) || !BUFFER_METHODS.has(u.expression.name.text)) return false;
  const recv = u.expression.expression;
  const name = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword ? recv.name.text : undefined;
  return name !== undefined && LOG_BUFFER_RE.test(name);
}

function logsSomething(st: ts.Statement): boolean {
  if (ts.isExpressionStatement(st)) return isLogCall(st.expression);
  if (ts.isBlock(st)) return st.statements.some(logsSomething);
  if (ts.isIfStatement(st)) return logsSomething(st.thenStatement) || (!!st.elseStatement && logsSomething(st.elseStatement));
  return false;
}

function containsFunction(n: ts.Node): boolean {
  return isFunctionLikeDeclaration(n) || !!ts.forEachChild(n, (c) => (containsFunction(c) ? true : undefined));
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** `console.warn("skipped");` as a statement of its own. */
export function isLogStatement(st: ts.Statement): boolean {
  return ts.isExpressionStatement(st) && isLogCall(st.expression);
}

/**
 * The log call of `e`, under any `await`, parentheses, cast or `!` (`await logger.error(…)`): read
 * its arguments here, never off `e` itself, which may be the wrapper.
 */
export function logCallOf(e: ts.Expression): ts.CallExpression | undefined {
  let u = unwrap(e);
  // `void logger.error(…)`: the log's promise marked as not awaited (no-floating-promises), still a log line.
  if (ts.isVoidExpression(u)) u = unwrap(u.expression);
  return ts.isCallExpression(u) && isLogCallee(u.expression) ? u : undefined;
}

export function isLogCall(e: ts.Expression): boolean {
  return logCallOf(e) !== undefined;
}

/** `noop()`, `void 0`, `undefined;`, `err;` (silencing an unused variable). */
export function isNoopExpression(e: ts.Expression, errName?: string): boolean {
  const u = unwrap(e);
  if (ts.isVoidExpression(u)) return ts.isLiteralExpression(u.expression) || ts.isIdentifier(u.expression);
  if (ts.isIdentifier(u)) return u.text === "undefined" || u.text === errName;
  if (u.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isCallExpression(u) && u.arguments.length === 0) {
    const name = calleeName(u);
    if (name !== undefined && NOOP_FNS.has(name)) return true;
  }
  // `debugShippingRates("sync failed", err)`: the file's log helper that prints only under a debug flag.
  return callsDebugOnlyLogger(u);
}

/** An identifier or `_.noop`/`lodash.noop` passed in place of a function. */
export function isNoopReference(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return NOOP_FNS.has(e.text);
  return ts.isPropertyAccessExpression(e) && NOOP_FNS.has(e.name.text) && ts.isIdentifier(e.expression) && /^(?:_|lodash|R|utils?)$/.test(e.expression.text);
}

export type ValueKind = "default" | "bool" | "failure" | "unknown";

function isFailureLiteralProp(p: ts.ObjectLiteralElementLike): boolean {
  if (ts.isSpreadAssignment(p)) return false;
  const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
  if (name === undefined) return false;
  if (FAILURE_KEYS.has(name)) return true;
  if (!ts.isPropertyAssignment(p)) return false;
  const v = p.initializer;
  // `{ __parseError: true }`, `{ jsonError: true }`: a flag named for the error, set, that the value carries on.
  if (/^_*[a-z]\w*Error$/.test(name) && v.kind === ts.SyntaxKind.TrueKeyword) return true;
  // `{ isHealthy: false }`, `{ isOk: false }`: the `is…` form of the same flags.
  const flag = /^is[A-Z]/.test(name) ? name[2]!.toLowerCase() + name.slice(3) : name;
  if ((FALSE_MEANS_FAILURE.has(name) || FALSE_MEANS_FAILURE.has(flag)) && v.kind === ts.SyntaxKind.FalseKeyword) return true;
  // `{ fetched: false }`, `{ sent: false }`: a flag named for the operation's outcome says it did not happen (production karakeep).
  if (OUTCOME_FLAG_RE.test(flag) && v.kind === ts.SyntaxKind.FalseKeyword) return true;
  if ((name === "status" || name === "statusCode" || name === "code") && ts.isNumericLiteral(v) && Number(v.text) >= 400) return true;
  if (ts.isStringLiteralLike(v) && (saysFailure(v.text) || /^(?:deny|denied|rejected|error|failed|failure|invalid)$/i.test(v.text))) return true;
  // `{ content: \`⚠️ Automatische Eskalation für <@${id}> fehlgeschlagen.\` }`: a template whose own text says it.
  if (ts.isTemplateExpression(v) && saysFailure(templateText(v))) return true;
  // `text: lastContent + "\n\n(Note: This response may be incomplete due to a processing error.)"`:
  // the partial answer with a note appended that says it failed.
  if (ts.isBinaryExpression(v) && v.operatorToken.kind === ts.SyntaxKind.PlusToken && (name === "text" || name === "message" || name === "content") && appendsFailureNote(v)) return true;
  if (ts.isObjectLiteralExpression(v)) return v.properties.some(isFailureLiteralProp);
  if (ts.isCallExpression(v) && repliesWithFailure(v)) return true;
  // `{ response: responses.badRequestResponse("…") }`: answer-builder.ts.
  if (buildsFailureAnswer(v)) return true;
  return false;
}

/** The text a template opens with, before its first substitution: `` `⚠️ Failed for ${id}.` `` → `` `⚠️ Failed for `` (a long body that mentions a failure further on is not a failure notice). */
function templateText(t: ts.TemplateExpression): string {
  return "`" + t.head.text;
}

/** `partial + "(Note: … due to a processing error.)"`: a literal right operand of a `+` chain that says it failed. */
function appendsFailureNote(v: ts.BinaryExpression): boolean {
  for (let e: ts.Expression = v; ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken; e = e.left) {
    if (ts.isStringLiteralLike(e.right) && saysFailure(e.right.text)) return true;
  }
  return false;
}

/**
 * `{ text: generateFallbackResponse(speech) }`: a call of a function of the same file whose every
 * answer is a fixed message, one of which says it failed (`"Sorry, I had a technical problem…"`):
 * the reply tells the person, as the message written in place would.
 */
function repliesWithFailure(call: ts.CallExpression): boolean {
  if (!ts.isIdentifier(call.expression)) return false;
  const name = call.expression.text;
  const fn = call.getSourceFile().statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name && st.body !== undefined);
  if (!fn) return false;
  const answers: ts.Expression[] = [];
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || (n !== fn && isFunctionLikeDeclaration(n))) return;
    if (ts.isReturnStatement(n)) {
      if (n.expression && (ts.isStringLiteralLike(n.expression) || ts.isTemplateExpression(n.expression))) answers.push(n.expression);
      else other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body!);
  return !other && answers.some((a) => saysFailure(a.getText()));
}

const moduleStringCache = new TreeMemo<ts.SourceFile, Map<string, string>>();

/** The file's top-level `const NAME = "…"` strings, read once per file. */
function moduleStrings(sf: ts.SourceFile | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!sf) return out;
  const cached = moduleStringCache.get(sf);
  if (cached) return cached;
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && ts.isStringLiteralLike(d.initializer)) out.set(d.name.text, d.initializer.text);
  }
  moduleStringCache.set(sf, out);
  return out;
}

/** Classifies a value a catch returns or assigns: a default/placeholder, a boolean, an explicit failure, or unknown. */
export function classifyValue(e: ts.Expression | undefined): ValueKind {
  if (!e) return "default";
  const u = unwrap(e);
  switch (u.kind) {
    case ts.SyntaxKind.NullKeyword:
      return "default";
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return "bool";
  }
  if (ts.isIdentifier(u)) {
    if (/err|fail|invalid/i.test(u.text)) return "failure";
    // `return DEFAULT_TRANSFER_MESSAGE`, a module constant whose text says it failed ("🚨 No se pudieron cargar los datos…").
    const text = moduleStrings(u.getSourceFile()).get(u.text);
    return text !== undefined && saysFailure(text) ? "failure" : "default";
  }
  if (ts.isVoidExpression(u)) return "default";
  if (ts.isNumericLiteral(u)) return "default";
  if (ts.isPrefixUnaryExpression(u)) return "failure"; // -1 and friends are sentinel failures
  // `return "I apologize, but I am having trouble…"`: a message that opens with an apology is written for a person.
  if (ts.isStringLiteralLike(u)) return saysFailure(u.text) || OPENS_WITH_APOLOGY_RE.test(u.getText()) ? "failure" : "default";
  if (ts.isArrayLiteralExpression(u)) {
    for (const el of u.elements) {
      const k = classifyValue(el as ts.Expression);
      if (k !== "default") return k === "bool" ? "unknown" : k;
    }
    return "default";
  }
  if (ts.isObjectLiteralExpression(u)) return u.properties.some(isFailureLiteralProp) ? "failure" : "default";
  if (ts.isPropertyAccessExpression(u)) return /err|fail|invalid/i.test(u.name.text) ? "failure" : "default";
  // `return pool[0]`: the first of a list the code had, a stand-in for the one it meant to pick.
  if (ts.isElementAccessExpression(u) && ts.isIdentifier(u.expression) && ts.isNumericLiteral(u.argumentExpression)) return /err|fail|invalid/i.test(u.expression.text) ? "failure" : "default";
  if (ts.isNewExpression(u) && (!u.arguments || u.arguments.length === 0) && ts.isIdentifier(u.expression) && /^(?:Map|Set|Array|Object|WeakMap)$/.test(u.expression.text)) return "default";
  return "unknown";
}

/** `f = E` as a statement: the local and the value (`sentDM = "True"`, `payment = await authorize(id)`). */
export function localAssignment(s: ts.Statement | undefined): { name: string; value: ts.Expression } | undefined {
  if (!s || !ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(s.expression.left)) return undefined;
  return { name: s.expression.left.text, value: s.expression.right };
}

/**
 * `{ success: true }`, `NextResponse.json({ ok: true, items })`, `new Response(JSON.stringify({ success: true }))`:
 * an answer that says the work succeeded, as it is or in the response it builds. With `madeUp`, it
 * must also carry data written out in place (`prices: { ounce: 2650 }`, a non-empty array): a bare
 * `{ ok: true }` only acknowledges.
 */
export function claimsSuccess(e: ts.Expression | undefined, madeUp = false): boolean {
  let v = e;
  while (v && !ts.isObjectLiteralExpression(v)) {
    if (ts.isParenthesizedExpression(v) || ts.isAsExpression(v) || ts.isSatisfiesExpression(v) || ts.isAwaitExpression(v)) v = v.expression;
    else if (ts.isCallExpression(v) || ts.isNewExpression(v)) v = v.arguments?.[0];
    else return false;
  }
  if (!v) return false;
  const props = v.properties.filter(ts.isPropertyAssignment);
  if (!props.some((p) => /^(?:ok|success|succeeded)$/.test(p.name.getText()) && p.initializer.kind === ts.SyntaxKind.TrueKeyword)) return false;
  return !madeUp || props.some((p) => (ts.isObjectLiteralExpression(p.initializer) && p.initializer.properties.length > 0) || (ts.isArrayLiteralExpression(p.initializer) && p.initializer.elements.length > 0));
}

/** `return x` anywhere in the function's own body: a caller may read the result. */
export function returnsAValue(body: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLikeDeclaration(n)) return;
    if (ts.isReturnStatement(n) && n.expression) found = true;
    else ts.forEachChild(n, visit);
  };
  body.statements.forEach(visit);
  return found;
}

/** `res.json()`, `req.text()`: a read of a whole reply's or request's body, with no arguments; the reply is `e.expression.expression`. */
export function isBodyRead(e: ts.Node): e is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && /^(?:json|text)$/.test(e.expression.name.text);
}

/** A `return`, `continue` or `break` in the block (outside nested functions). */
export function exitsEarly(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isReturnStatement(n) || ts.isContinueStatement(n) || ts.isBreakStatement(n)) return true;
    if (isFunctionLikeDeclaration(n)) return false;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}

/** True when `name` is read anywhere in `node` (property names and declarations excluded). */
export function references(node: ts.Node, name: string, skip?: (n: ts.Node) => boolean): boolean {
  const visit = (n: ts.Node): boolean => {
    if (skip?.(n)) return false;
    if (ts.isIdentifier(n)) {
      if (n.text !== name) return false;
      const p = n.parent;
      if (p && ts.isPropertyAccessExpression(p) && p.name === n) return false;
      if (p && (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name === n) return false;
      return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/** A numeric HTTP status literal ≥ 400, also via `HttpStatus.X` that is not a 2xx/3xx name. */
function isFailureStatus(e: ts.Expression | undefined): boolean {
  if (!e) return false;
  if (ts.isNumericLiteral(e)) return Number(e.text) >= 400;
  if (ts.isPropertyAccessExpression(e) && /^(?:HttpStatus|StatusCodes|HTTP_STATUS|httpStatus)$/.test(e.expression.getText())) return !/^(?:OK|CREATED|ACCEPTED|NO_CONTENT|MOVED|FOUND)/.test(e.name.text);
  return false;
}

// A write of an item's state: `updateStatus`, `setJobState`, `markAs`, `recordResult`, `update`.
const STATUS_WRITE_RE = /^(?:update|set|mark|record|save)(?:[A-Z]\w*)?$/;
// A status value that says it failed: `"failed"`, `"FAILED_TO_SEND"`, `"send_failed"`, `"error"`:
// a word of a snake or kebab name (split first: no nested quantifier to backtrack on).
const STATUS_NAME_RE = /^[a-z][a-z_-]*$/i;
const FAILURE_STATUS_WORD_RE = /^(?:failed|failure|error|errored)$/i;
function namesFailedState(text: string): boolean {
  return STATUS_NAME_RE.test(text) && text.split(/[_-]/).some((w) => FAILURE_STATUS_WORD_RE.test(w));
}
const STATUS_KEY_RE = /^(?:status|state|result|outcome)$/i;

/** A failure status given to a state write: the literal itself, or a `status` field at any depth of an object literal. */
function recordsFailureStatus(a: ts.Expression): boolean {
  if (ts.isStringLiteralLike(a)) return namesFailedState(a.text);
  if (!ts.isObjectLiteralExpression(a)) return false;
  return a.properties.some((p) => ts.isPropertyAssignment(p) && (ts.isObjectLiteralExpression(p.initializer)
    ? recordsFailureStatus(p.initializer)
    : STATUS_KEY_RE.test(p.name.getText()) && ts.isStringLiteralLike(p.initializer) && namesFailedState(p.initializer.text)));
}

/**
 * True when the subtree sends a failure somewhere: a throw, an HTTP 4xx/5xx response, a
 * non-zero exit, UI error state or a toast, a failure object, a rejection.
 */
export function signalsFailure(node: ts.Node, quietPages = false): boolean {
  const visit = (n: ts.Node): boolean => {
    // A webhook's 2xx answer tells the provider the event was handled, whatever its body says
    // (`res.status(200).json({ received: false })`, Nest's `return { received: false, error }`).
    if (ts.isReturnStatement(n) && nestWebhookAck(n)) return false;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && isNormalResponse(n) && handlesAWebhook(n)) return false;
    // `if (retryCount < MAX) return notifyPlanUpdate(email, retryCount + 1);`: the next attempt, whatever
    // the function is called, tells nobody of the failure; after the last one the catch goes on.
    if (ts.isIfStatement(n) && retriesUnderCap(n, isLogStatement)) return false;
    switch (n.kind) {
      case ts.SyntaxKind.ThrowStatement:
        return true;
      case ts.SyntaxKind.CallExpression: {
        const call = n as ts.CallExpression;
        const callee = call.expression;
        const name = calleeName(call);
        // What a log line says is not a failure sent anywhere.
        if (isLogCallee(callee)) return false;
        if (name !== undefined) {
          if ((name === "status" || name === "code" || name === "sendStatus" || name === "writeHead" || name === "send" || name === "json") && isFailureStatus(call.arguments[0])) return true;
          // Hono's `c.text("Bad request", 400)`, `c.json(body, 404)`, `c.body(null, 500)`: the status comes second.
          if ((name === "text" || name === "json" || name === "body" || name === "html") && call.arguments.slice(1).some(isFailureStatus)) return true;
          // `setImageLoadingState("error")`, `setStatus("failed")`: UI state set to a failure.
          if (/^set[A-Z]/.test(name) && call.arguments.some((a) => ts.isStringLiteralLike(a) && /^(?:error|errored|failed|failure|invalid)$/i.test(a.text))) return true;
          if (name === "exit" && isProcessExit(call)) {
            const a = call.arguments[0];
            if (!a || !(ts.isNumericLiteral(a) && a.text === "0")) return a !== undefined;
          }
          if (name === "throw" && ts.isPropertyAccessExpression(callee)) return true; // ctx.throw(…)
          if (UI_FAILURE_CALL_RE.test(name) && !(quietPages && (name === "redirect" || name === "render") && !call.arguments.some(namesFailurePage))) return true;
          // `await updateMessageStatus(id, "FAILED_TO_SEND")`, `jobs.update({ data: { status: "failed" } })`:
          // the failure is recorded where the item is kept, for whoever reads its status.
          if (STATUS_WRITE_RE.test(name) && call.arguments.some(recordsFailureStatus)) return true;
          // `reporter.failure(activity, "Failed to migrate the database …")`: a CLI reporter's failed step, told to the user.
          if (name === "failure" && ts.isPropertyAccessExpression(callee) && call.arguments.some((a) => { const m = messageOf(a); return m !== undefined && saysFailure(m.getText()); })) return true;
          if (TOAST_SETTER_RE.test(name) && call.arguments.length > 0 && saysItFailedToTheUser(call.arguments[0]!)) return true;
          // `showAlert("danger", t("something-went-wrong-mssg"))`, `setErrMsg(…)`, `setIsDownloading("certificate_err")` (ui-notice.ts).
          if (showsFailureNotice(call, name, saysFailure)) return true;
          // discord.js `interaction.respond([])`: an autocomplete's only failure answer is no options (held round 29).
          if (name === "respond" && call.arguments.length === 1 && ts.isArrayLiteralExpression(call.arguments[0]!) && (call.arguments[0] as ts.ArrayLiteralExpression).elements.length === 0) return true;
          if (CHAT_REPLY_RE.test(name) && call.arguments.some((a) => { const m = replyMessageOf(a); return m !== undefined && (saysFailure(m.getText()) || SORRY_RE.test(m.getText())); })) return true;
          // `await onChunk("I'm sorry, I encountered an issue… Please try again later.")`: an apology is
          // written for a person, so a call handing one on (a stream callback, a reply helper) tells the
          // user; not a write that keeps it as the result (`save…`, `insert…`, `push`).
          if (!STORE_CALL_RE.test(name) && call.arguments.some((a) => { const m = messageOf(a); return m !== undefined && OPENS_WITH_APOLOGY_RE.test(m.getText()); })) return true;
          // `statuses.push("⚠️ n8n: Unreachable")`: a failure written into a report the function sends on.
          if ((name === "push" || name === "unshift") && ts.isPropertyAccessExpression(callee) && listUse(callee) === undefined && call.arguments.some((a) => { const m = messageOf(a); return m !== undefined && saysFailure(m.getText()); })) return true;
          if (ts.isPropertyAccessExpression(callee) && (name === "error" || name === "warning" || name === "fail" || name === "setFailed")) {
            const recv = receiverName(callee.expression);
            if (recv && UI_FAILURE_RECEIVER_RE.test(recv)) return true;
          }
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const b = n as ts.BinaryExpression;
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(b.left)) {
          const prop = b.left.name.text;
          if (prop === "exitCode" && !(ts.isNumericLiteral(b.right) && b.right.text === "0")) return true;
          if ((prop === "status" || prop === "statusCode") && isFailureStatus(b.right)) return true;
        }
        // `ok = false`; not `this.isInitializing = false`, an in-progress mark ended as on success (held round 41).
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && b.right.kind === ts.SyntaxKind.FalseKeyword && !endsProgressMark(b.left)) return true;
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(b.left) && /err|fail|invalid/i.test(b.left.text)) return true;
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(b.left) && /err|fail|invalid/i.test(b.left.name.text)) return true;
        break;
      }
      case ts.SyntaxKind.PostfixUnaryExpression:
      case ts.SyntaxKind.PrefixUnaryExpression: {
        const u = n as ts.PostfixUnaryExpression | ts.PrefixUnaryExpression;
        const operand = u.operand;
        // `failures++`, `--retriesLeft`; not `!err`.
        if (u.operator !== ts.SyntaxKind.PlusPlusToken && u.operator !== ts.SyntaxKind.MinusMinusToken) break;
        if (operand && (ts.isIdentifier(operand) || ts.isPropertyAccessExpression(operand)) && /err|fail|skip|invalid|reject/i.test(operand.getText())) return true;
        break;
      }
      case ts.SyntaxKind.ObjectLiteralExpression:
        if ((n as ts.ObjectLiteralExpression).properties.some(isFailureLiteralProp)) return true;
        break;
      case ts.SyntaxKind.ReturnStatement: {
        const k = classifyValue((n as ts.ReturnStatement).expression);
        if (k === "failure" || k === "bool") return true;
        if (returnsErrorAnswer((n as ts.ReturnStatement).expression)) return true;
        if (returnsStatusTuple((n as ts.ReturnStatement).expression)) return true;
        break;
      }
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

// `"/error"`, `"/login?error=1"`, `"/err"`, `"failed"`: a page or view named for a failure.
const FAILURE_PAGE_RE = /(?:^|[/?=&_.-])(?:err|errors?|fail(?:ed|ure)?)(?:$|[/?=&_.-])/i;

/** `res.redirect("/err")`, `res.render("error", …)`, `res.render("login", { message: "Login failed" })`: an answer that names the failure. */
function namesFailurePage(a: ts.Expression): boolean {
  if (ts.isStringLiteralLike(a)) return FAILURE_PAGE_RE.test(a.text) || saysFailure(a.text);
  return saysFailure(a.getText());
}

// A mark that a connection, a start-up or a run of work is under way: `isInitializing`, `this.connecting`,
// `isReconnecting`; `this.isProcessing`, `isSending`, `loading` (session 42: a queue's busy mark, cleared
// on success too, frogshead/playwright-crawlers' Telegram queue).
const PROGRESS_MARK_RE = /^(?:is)?(?:initiali[sz]ing|connecting|reconnecting|starting|processing|loading|sending|saving|busy|running|fetching|submitting|syncing|polling|uploading|generating)$/i;

/** `this.isInitializing = false`: the end of an in-progress mark, set the same way once the work succeeds. */
function endsProgressMark(left: ts.Expression): boolean {
  const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
  return name !== undefined && PROGRESS_MARK_RE.test(name);
}

// The project's own answer builders for a failure: `err("type must be LOCK")` (a 400 by default), `badRequest(msg)`.
const ERROR_ANSWER_FN_RE = /^(?:err|error|errorResponse|jsonError|badRequest|clientError|httpError|apiError|fail(?:ure)?)$/;

// A helper named for building an error answer: `buildPathErrorMessage(value)`, `makeErrorResponse(req)`.
const ERROR_BUILDER_FN_RE = /^(?:build|make|create)\w*Error(?:Message|Response|Result)$/;

/**
 * `return [500, headers, ""]`: an HTTP answer as a tuple whose first element is an error status (400 to
 * 599) and no other number, what a caller reads as `[status, headers, body]` (production etherpad-lite's
 * Minify.ts:117; `[512, 1024]`, a size, is none).
 */
function returnsStatusTuple(e: ts.Expression | undefined): boolean {
  while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e))) e = e.expression;
  if (!e || !ts.isArrayLiteralExpression(e) || e.elements.length < 2) return false;
  const first = e.elements[0]!;
  // Not a pair of numbers (`[512, 1024]`, an image's size): the rest is the answer's headers and body.
  return ts.isNumericLiteral(first) && Number(first.text) >= 400 && Number(first.text) <= 599 && !e.elements.slice(1).some(ts.isNumericLiteral);
}

/** `return err("type must be LOCK, UNLOCK or PULSE")`: a failure answer built by a helper, given its message. */
function returnsErrorAnswer(e: ts.Expression | undefined): boolean {
  if (!e) return false;
  // `return responses.badRequestResponse("…")`: answer-builder.ts.
  if (buildsFailureAnswer(e)) return true;
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  // `return buildPathErrorMessage(value)`: a helper named for building the error answer says it whatever it is given.
  if (ERROR_BUILDER_FN_RE.test(e.expression.text)) return true;
  if (!ERROR_ANSWER_FN_RE.test(e.expression.text)) return false;
  return e.arguments.some((a) => messageOf(a) !== undefined);
}

// A type test of the error: `isAxiosError(err)`, `matchesCode(err)`.
const TESTS_THE_ERROR_RE = /^(?:is|has|matches|includes|test|startsWith|endsWith|instanceOf)(?:[A-Z_]|$)/;
// A question whether to go on: `shouldTryNextKey(err)`, `canRetry(err)`. It reads the error, it does
// not hand it on; nor does it test for one error (a `partialErrorCheck`).
const ASKS_WHETHER_TO_GO_ON_RE = /^(?:should|can)[A-Z_]/;

/**
 * A call that receives the error itself (not a type test such as `isAxiosError(err)`; with
 * `questions`, nor a question whether to go on such as `shouldTryNextKey(err)`).
 */
export function handsErrorToCall(node: ts.Node, errName: string, questions = false): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name && !TESTS_THE_ERROR_RE.test(name) && !(questions && ASKS_WHETHER_TO_GO_ON_RE.test(name)) && n.arguments.some((a) => ts.isIdentifier(a) && a.text === errName)) return true;
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(node);
}

/** Skips log-call statements and the conditions of `if`s: reading the error there does not handle it. */
function skipLogsAndConditions(n: ts.Node): boolean {
  if (ts.isExpressionStatement(n) && (isLogCall(n.expression) || callsDebugOnlyLogger(n.expression))) return true;
  return false;
}

/** `const msg = describe(err);` whose names are read only by log calls of the same block. */
function onlyLogged(stmt: ts.VariableStatement, errName: string): boolean {
  const list = stmt.parent;
  if (!ts.isBlock(list)) return false;
  const names: string[] = [];
  for (const d of stmt.declarationList.declarations) {
    if (!ts.isIdentifier(d.name)) return false;
    names.push(d.name.text);
  }
  if (!references(stmt, errName)) return false;
  return list.statements.every((s) => s === stmt || !names.some((n) => references(s, n)) || (ts.isExpressionStatement(s) && isLogCall(s.expression)) || acksTheProvider(s));
}

/**
 * `return { received: false, error: message }` from a Nest webhook handler, `return
 * res.status(200).json({ error: message })` in a webhook: the provider reads only the 2xx, so the
 * error in the body reaches no one (held rounds 33 and 37).
 */
function acksTheProvider(s: ts.Node): boolean {
  if (!ts.isReturnStatement(s) && !ts.isExpressionStatement(s)) return false;
  if (ts.isReturnStatement(s) && nestWebhookAck(s)) return true;
  const e = s.expression;
  return e !== undefined && isNormalResponse(e) && handlesAWebhook(e);
}

/**
 * True when the error variable is used for something other than logging or testing it:
 * passed on (`next(err)`, `reject(err)`), returned as data, stored (`lastError = err`).
 */
export function passesErrorOn(block: ts.Node, errName: string): boolean {
  const visit = (n: ts.Node): boolean => {
    if (skipLogsAndConditions(n)) return false;
    if (ts.isVariableStatement(n) && onlyLogged(n, errName)) return false;
    if (acksTheProvider(n)) return false;
    if (ts.isIfStatement(n)) return handsErrorToCall(n.expression, errName, true) || visit(n.thenStatement) || (n.elseStatement ? visit(n.elseStatement) : false);
    // `switch (err.response.status) { case 401: log(…); break; }`: the tested value, like an `if`'s condition.
    if (ts.isSwitchStatement(n)) return handsErrorToCall(n.expression, errName, true) || n.caseBlock.clauses.some((c) => c.statements.some(visit));
    if (ts.isExpressionStatement(n) && ts.isIdentifier(unwrap(n.expression))) return false;
    // `errors.push(\`GROQ: ${e.message}\`)` onto a list the function only logs: a log line kept for later.
    if (ts.isExpressionStatement(n) && pushesOntoLoggedList(n.expression)) return false;
    if (ts.isVoidExpression(n)) return false;
    if (ts.isIdentifier(n)) return references(n, errName);
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(block);
}

const RESPONSE_RECEIVER_RE = /^(?:res|response|reply|ctx)$/;
const RESPONSE_METHODS = new Set(["json", "send", "end", "status", "code", "sendStatus", "redirect", "render"]);

/** `JSON.stringify({ inserted: 0 })` as a web answer's body: the value it serialises. */
function stringifiedValue(e: ts.Expression): ts.Expression {
  const u = unwrap(e);
  return ts.isCallExpression(u) && u.arguments.length === 1 && u.expression.getText() === "JSON.stringify" ? u.arguments[0]! : e;
}

/**
 * `res.json([])`, `res.status(204).end()`, `reply.send({ items: [] })`: an HTTP answer that
 * reports success with a default body, the handler's way of returning a normal value.
 */
export function isNormalResponse(e: ts.Expression): boolean {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && (answersThroughSuccessHelper(u) || ownHelperAnswersNormally(u))) return true;
  // `NextResponse.json([])`, `Response.json({ items: [] })`, `c.json([])` (Hono), `new Response("[]")`: status < 300 or none.
  if ((ts.isCallExpression(u) || ts.isNewExpression(u)) && isWebResponse(u)) {
    const [body, init] = u.arguments ?? [];
    // No init (SvelteKit's `json({ status: 400, message })`, whose status is only in the body) is a 200 (rounds 33 and 37).
    const okStatus = init === undefined ? ts.isIdentifier(u.expression) : ts.isNumericLiteral(init) ? Number(init.text) < 300 : ts.isObjectLiteralExpression(init) ? init.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === "status" && ts.isNumericLiteral(p.initializer) && Number(p.initializer.text) < 300) : false;
    if (body && classifyValue(stringifiedValue(body)) !== "default") return okStatus && acksAWebhook(u);
    if (init && ts.isNumericLiteral(init)) return Number(init.text) < 300;
    if (init && ts.isObjectLiteralExpression(init)) return init.properties.every((p) => !(ts.isPropertyAssignment(p) && p.name.getText() === "status") || (ts.isNumericLiteral(p.initializer) && Number(p.initializer.text) < 300));
    return init === undefined;
  }
  let depth = 0;
  let okStatus = false;
  let text = false;
  while (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && depth++ < 4) {
    const method = u.expression.name.text;
    if (!RESPONSE_METHODS.has(method)) return false;
    for (const a of u.arguments) {
      if (ts.isNumericLiteral(a)) {
        if (Number(a.text) >= 300) return false;
        okStatus ||= method === "status" || method === "code" || method === "sendStatus";
      } else if (classifyValue(a) !== "default") text = true;
    }
    u = u.expression.expression;
  }
  if (text && !(okStatus && acksAWebhook(e))) return false;
  return depth > 0 && ts.isIdentifier(u) && RESPONSE_RECEIVER_RE.test(u.text);
}

/**
 * `return res.status(200).send("mp fetch error")` in a webhook's handler (`api/webhook.js`,
 * `supabase/functions/stripe-webhook/index.ts`, a file that checks a provider's signature: see
 * webhook-ack.ts): the provider reads only the status, and a 2xx tells it the event was handled, so
 * it never sends it again; the text in the body reaches no one (held round 33: a payment lookup
 * failure answered so, the paid order never recorded). Only with the 2xx written out.
 */
function acksAWebhook(n: ts.Node): boolean {
  return handlesAWebhook(n);
}

const helpersSeen = new Set<ts.Node>();

/**
 * `return twimlResponse("")` where the file declares `function twimlResponse(message) { … return new
 * Response(xml, { status: 200 }); }`: the file's own helper (a function or a top-level `const`
 * arrow, called by name) whose every `return` is a normal answer is one itself (held round 37: what
 * the provider sees is the helper's answer), unless the call hands it a failure status (`400`).
 */
function ownHelperAnswersNormally(call: ts.CallExpression): boolean {
  // `createResponse({ error }, 400)`: a status the caller hands the helper is its answer.
  if (!ts.isIdentifier(call.expression) || call.arguments.some((a) => ts.isNumericLiteral(a) && Number(a.text) >= 300)) return false;
  const fn = topLevelFunction(call.expression.text, call.getSourceFile());
  if (!fn?.body || helpersSeen.has(fn)) return false;
  helpersSeen.add(fn);
  try {
    if (!ts.isBlock(fn.body)) return isNormalResponse(fn.body);
    const answers = ownReturns(fn.body);
    return answers.length > 0 && answers.every((r) => r.expression !== undefined && isNormalResponse(r.expression));
  } finally {
    helpersSeen.delete(fn);
  }
}

// A project's success helper (`ok(c, data)`, `success(res, data)`): Cloudflare's Workers template
// defines `export const ok = (c, data) => c.json({ success: true, data })` beside `bad` and `notFound`.
const SUCCESS_HELPER_RE = /^(?:ok|success|sendSuccess|successResponse|jsonOk|okResponse)$/;

/**
 * `return ok(c, { items: [], next: null })` in a Hono handler: the helper answers 200 with the
 * data it is given, so a default there is a success answered for work that did not happen, as
 * `c.json({ items: [] })` (held round 33). The first argument is the handler's context or
 * response (`c`, `ctx`, `res`, `reply`); every other one a default or a status below 300.
 */
function answersThroughSuccessHelper(u: ts.CallExpression): boolean {
  if (!ts.isIdentifier(u.expression) || !SUCCESS_HELPER_RE.test(u.expression.text)) return false;
  const [recv, ...rest] = u.arguments;
  if (!recv || !ts.isIdentifier(recv) || !(recv.text === "c" || RESPONSE_RECEIVER_RE.test(recv.text)) || rest.length === 0) return false;
  return rest.every((a) => (ts.isNumericLiteral(a) ? Number(a.text) < 300 : classifyValue(a) === "default"));
}

function isWebResponse(u: ts.CallExpression | ts.NewExpression): boolean {
  const callee = u.expression;
  if (ts.isNewExpression(u)) return ts.isIdentifier(callee) && (callee.text === "Response" || callee.text === "NextResponse");
  // SvelteKit's `json(body)`, `text(body)` from `@sveltejs/kit`: a `Response`, 200 unless its init says otherwise.
  if (ts.isIdentifier(callee)) {
    const imp = importBindings(u.getSourceFile()).get(callee.text);
    return imp !== undefined && imp.spec === "@sveltejs/kit" && (imp.exported === "json" || imp.exported === "text");
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const recv = callee.expression.text;
  return ((recv === "NextResponse" || recv === "Response") && callee.name.text === "json") || (recv === "c" && (callee.name.text === "json" || callee.name.text === "text"));
}

// A log message that states the fallback is as good as a comment: "cache read failed, falling back";
// also a sentence of its own that opens with what is answered instead ("Unable to compute spam score.
// Set spam score to 0.", "… Consider spf as failed.", "Defaulting to en."); also what the failure
// turns off ("Web search will be disabled.", "… may not work properly."), what goes on with less
// ("…, posting text only"), and a tag that says the step is skipped (`ANCHOR_SKIPPED: …`).
const DELIBERATE_MESSAGE_RE = /(?<=[.;!?–—] )(?:set(?:ting)?|default(?:ing)?|assum(?:e|ing)|treat(?:ing)?|consider(?:ing)?|using|usando|utilizando) \w|(?<=[.;!?–—] )\w+ (?:without|sin|sem|sans|ohne|tanpa) \w|(?<=[,.;!?–—] )\w+ing(?: \w+){1,3} only\b|\b(?:expected (?:if|when|for|in|on|during|because|since|until|without)|(?:this|that|which) is expected|fall(?:ing)? ?back|using (?:the )?defaults?|ignor(?:e|ed|ing)|skip(?:ped|ping)?\b(?!\s*=)|best[- ]effort|non[- ]?(?:fatal|critical|blocking)|optional|(?:proceed|continu|run)(?:e|es|ed|s|ning|ing)? without|continu(?:e|es|ing)\b(?! to fail)|trying (?:the )?(?:next|another|alternatives?|other|fallback)|not (?:required|needed|critical|essential|fatal)|(?:will|would) be (?:disabled|unavailable|turned off)|(?:feature|functionality|features) (?:is |are |will be )?(?:disabled|unavailable|off)|(?:may|might|will|would) not (?:work|function|be available)|won'?t (?:work|be available))\b|(?<=[a-z0-9]_)skipp?(?:ed|ing)\b|(?<=[,.;!?–—] )proceed(?:ing)?(?: anyway)?\W*$/i;
// A log line that names a job which is best effort by nature: a cache read or write, an analytics
// or telemetry ping ("Cache retrieval error", "Analytics track failed"). Not an invalidation,
// nor an entry cleared, deleted or removed: a stale cache is a wrong answer.
const BEST_EFFORT_SUBJECT_RE = /\b(?:cach(?:e|ed|es|ing)|analytics|telemetry|prometheus)\b/i;
const NOT_BEST_EFFORT_RE = /invalidat|purg|evict|bust|clear|delet|remov/i;
// `warmCache`, `refreshCache`, `cacheUser`, `trackEvent`: the job is the function's purpose.
const SIDE_JOB_IS_PURPOSE_RE = /^(?:warm|prime|refresh|fill|populate|rebuild|seed|preload|update|write|set|save|store|sync|put)\w*Cache$|^cache(?:[A-Z]|$)/;
// `trackServerEvent`, `sendAnalytics`, `recordTelemetry`, `captureEvent`: a helper whose own job is
// an analytics ping, best effort by design (every caller relies on it never rejecting: held round
// 30's lead decision); not usage, cost or credit tracking, which bills. Also a metrics ping,
// `flushMetricsToCloudWatch`, `sendMetrics`, `reportQueueMetrics` (production langfuse).
// Also the set-up of a tracer, `getPhoenixTracer`, `createTracerProvider` (production Flowise): tracing that
// fails to start is tracing off, the traced work goes on.
const TELEMETRY_FN_RE = /^track(?:[A-Z]|$)|(?:Analytics|Telemetry)$|^capture\w*Event$|^(?:flush|send|push|publish|report|emit|export)\w*Metrics(?:[A-Z]\w*)?$|^(?:get|create|build|init|initiali[sz]e|setup|setUp|make|register)\w*Tracer(?:Provider)?$/;
const BILLED_RE = /usage|cost|credit|billing|token|quota|spend|invoice/i;

/** `trackServerEvent`, `sendAnalytics`: a function whose own job is an analytics or telemetry ping. */
export function isTelemetryHelper(fnName: string | undefined): boolean {
  const name = fnName?.replace(/^.*\./, "");
  return name !== undefined && TELEMETRY_FN_RE.test(name) && !BILLED_RE.test(name);
}

// A class whose own job is telemetry: `class OpenTelemetry implements IMetricsProvider`, `PhoenixTracer`,
// a Prometheus exporter's gauges (`class Prometheus`, `PrometheusExporter`; production uptime-kuma).
const TELEMETRY_CLASS_RE = /(?:Telemetry|Tracer|Tracing)$|^Prometheus(?:[A-Z]\w*)?$/;
// A module named for it, one word ahead at most: `telemetry.js`, `llm-tracing.ts`, `instanceTelemetry.js` (not a migration's `…_message_transport_telemetry`).
const TELEMETRY_MODULE_RE = /^(?:[a-z]+[-_.]?)?(?:telemetry|tracer|tracing|prometheus)$/i;

/** `module.exports = { … }`, `export default { … }`: the module's export, an object of its methods. */
function exportedObject(o: ts.ObjectLiteralExpression): boolean {
  let e: ts.Node = o.parent;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.parent;
  if (ts.isExportAssignment(e)) return !e.isExportEquals;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && e.right === o && e.left.getText() === "module.exports" && ts.isExpressionStatement(e.parent);
}

/**
 * Inside a class whose own job is telemetry or tracing (`OpenTelemetry`, `LangfuseTracer`), also in a
 * callback of one of its methods (`res.on("finish", …)` recording a request's duration): its counters,
 * gauges and endpoints are best effort by design, as a telemetry helper's (production Flowise's metrics
 * provider); not one named for usage, cost or credits, which bills.
 */
export function inTelemetryClass(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    // A module named for it whose export is an object of methods, the CommonJS form of such a class
    // (production Wiki.js's `server/core/telemetry.js`: `module.exports = { async sendInstanceEvent() { … } }`).
    if (ts.isObjectLiteralExpression(p) && exportedObject(p)) {
      const stem = p.getSourceFile().fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
      return TELEMETRY_MODULE_RE.test(stem) && !BILLED_RE.test(stem);
    }
    if (!ts.isClassDeclaration(p) && !ts.isClassExpression(p)) continue;
    const name = p.name?.text;
    return name !== undefined && TELEMETRY_CLASS_RE.test(name) && !BILLED_RE.test(name);
  }
  return false;
}

/** A log line about a failed cache invalidation, purge or deletion (`"Error deleting cache entry"`): a stale answer, reported everywhere. */
export function logsStaleCache(logs: readonly ts.CallExpression[]): boolean {
  return logs.some((call) => call.arguments.some((a) => (ts.isStringLiteralLike(a) || ts.isTemplateExpression(a)) && BEST_EFFORT_SUBJECT_RE.test(a.getText()) && NOT_BEST_EFFORT_RE.test(a.getText())));
}

/** `warmCache`, `cacheUser`, `trackEvent`: a function whose own job is the cache or the analytics. */
export function sideJobIsPurpose(fnName: string | undefined): boolean {
  return fnName !== undefined && SIDE_JOB_IS_PURPOSE_RE.test(fnName.replace(/^.*\./, ""));
}

/**
 * True when one of the log calls says in words that the fallback is deliberate, or names a
 * best-effort side job of a function whose own name does not make that job its purpose
 * (`warmCache` failing to write the cache has failed).
 */
// `"Skipped response tracking (might already exist)"`, `"may already be cancelled"`: a guess at the
// cause that the catch never tests, so any other failure (the database down) reads as that one
// (held rounds 22 and 24).
// What the failure turns off, when it is the app's check for a newer release of itself: "Overseerr
// can't check if it's on the latest version." (production overseerr's GitHub releases read,
// answered `[]`). An update check is optional by nature: the status route then answers "no update".
const UPDATE_CHECK_OFF_RE = /\b(?:can(?:'|no)?t|cannot|(?:is |are )?unable to|won'?t be able to|could(?:n'?t| not)) check (?:if|whether|for)\b[^.;]{0,40}\b(?:latest|newer|new version|updates?|up[- ]to[- ]date)\b/i;
const GUESSED_CAUSE_RE = /\b(?:might|may|probably|possibly|likely|perhaps)\b[^.;]{0,30}\b(?:already|exists?|duplicate)\b/i;

export function logsDeliberateFallback(logs: readonly ts.CallExpression[], fnName?: string): boolean {
  if (isTelemetryHelper(fnName)) return true;
  const purpose = sideJobIsPurpose(fnName) && !(logs[0] && inRequestMiddleware(logs[0]));
  const sideJob = (text: string) => BEST_EFFORT_SUBJECT_RE.test(text) && !NOT_BEST_EFFORT_RE.test(text) && !purpose;
  for (const call of logs) {
    for (const arg of call.arguments) {
      // `logger.error(new ErrorWithMetadata("… Will fall back to 'unknown'.", meta, { cause: error }))`: the message of an error made for the log line.
      const a = ts.isNewExpression(arg) && ts.isIdentifier(arg.expression) && /Error|Exception/.test(arg.expression.text) && arg.arguments?.[0] ? arg.arguments[0] : arg;
      if (!ts.isStringLiteralLike(a) && !ts.isTemplateExpression(a)) continue;
      const text = a.getText();
      if (GUESSED_CAUSE_RE.test(text)) continue;
      if (DELIBERATE_MESSAGE_RE.test(text) || UPDATE_CHECK_OFF_RE.test(text) || sideJob(text)) return true;
    }
  }
  return false;
}

/**
 * Inside a request middleware (`(req, res, next)`, Koa's `(ctx, next)`), also in a helper it
 * defines (`res.saveToCache = async (data) => …`): a cache there serves the request, which the
 * origin answers when the cache fails, so `cacheMiddleware` or `saveToCache` does not make the
 * cache its purpose.
 */
function inRequestMiddleware(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n) && !ts.isArrowFunction(n) && !ts.isMethodDeclaration(n)) continue;
    const names = n.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
    if (names.length >= 2 && names[names.length - 1] === "next" && /^(?:req|request|ctx|context)$/.test(names[0]!)) return true;
  }
  return false;
}

// Calls next to a log that hand a failure on: `next(createError(502))`, `failed.push(id)`.
const PASS_ON_RE = /^(?:next|cb|callback|done|reject|emit|fail|resolve)$/;
const SUCCESS_CONTINUATION_RE = /^(?:next|cb|callback|done)$/;
const FAILURE_LIST_RE = /fail|err|reject|skip|invalid|dead|retry|not_?done|undone|unprocessed|remaining|leftover/i;

/** A call next to a log that neither reads the error nor hands a failure on (a cleanup, a `close()`). */
function isSideCall(e: ts.Expression, errName: string | undefined): boolean {
  if (!ts.isCallExpression(e) || (errName && references(e, errName))) return false;
  const name = calleeName(e);
  // `next()`, `done()` with no argument carry on as if the work succeeded: they hand nothing on.
  if (!name || (PASS_ON_RE.test(name) && !(e.arguments.length === 0 && SUCCESS_CONTINUATION_RE.test(name)))) return false;
  const callee = e.expression;
  if (ts.isPropertyAccessExpression(callee) && FAILURE_LIST_RE.test(callee.expression.getText())) return false;
  // `notSent.push(id)` onto a list the function returns: the caller gets the failures.
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === "push" || callee.name.text === "add") && ts.isIdentifier(callee.expression) && returnedByFunction(e, callee.expression.text)) return false;
  return true;
}

/**
 * `errors.push(\`Gemini: ${e.message}\`)` onto a local list that the function only ever logs
 * (`console.warn("All providers failed, using mock data:", errors)`) and otherwise only pushes to:
 * a log line kept for later, not a failure list anyone is given (held round 21's labels: each step of
 * a provider chain that ends in a canned answer is a finding).
 */
function pushesOntoLoggedList(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const use = listUse(e.expression);
  return use === "unread" || (use === "logged" && FAILURE_LIST_RE.test(e.expression.expression.getText()));
}

/**
 * What a function does with a local list it pushes onto: `"logged"` when it only ever logs it
 * (`console.warn("All providers failed:", errors)`), `"unread"` when it never reads it at all
 * (`const results: string[] = []` … `results.push("Erro ao remover FK")`, then an answer that
 * leaves `results` out): a message pushed there reaches nobody, whatever the list is called.
 * Undefined when the list is returned, sent, passed on or read.
 */
function listUse(callee: ts.PropertyAccessExpression): "logged" | "unread" | undefined {
  if (callee.name.text !== "push" || !ts.isIdentifier(callee.expression)) return undefined;
  const name = callee.expression.text;
  let fn: ts.Node | undefined = callee.parent;
  while (fn && !isFunctionLikeDeclaration(fn)) fn = fn.parent;
  const body = fn && (fn as ts.FunctionLikeDeclaration).body;
  if (!body || !ts.isBlock(body)) return undefined;
  let declared = false;
  let logged = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    // `const errors: string[] = [];` in this function's own body.
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) {
      declared = n.initializer !== undefined && ts.isArrayLiteralExpression(n.initializer) && n.initializer.elements.length === 0;
      if (!declared) other = true;
      return;
    }
    if (ts.isCallExpression(n) && isLogCall(n)) {
      if (n.arguments.some((a) => references(a, name))) logged = true;
      return;
    }
    if (ts.isIdentifier(n) && n.text === name) {
      const p = n.parent;
      const pushes = ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text === "push" && ts.isCallExpression(p.parent) && p.parent.expression === p && ts.isExpressionStatement(p.parent.parent);
      if (!pushes) other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  if (!declared || other) return undefined;
  return logged ? "logged" : "unread";
}

/** True when the function around `node` returns `name` (or an object holding it). */
export function returnedByFunction(node: ts.Node, name: string): boolean {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !isFunctionLikeDeclaration(fn)) fn = fn.parent;
  if (!fn) return false;
  const visit = (n: ts.Node): boolean => {
    if (n !== fn && isFunctionLikeDeclaration(n)) return false;
    if (ts.isReturnStatement(n) && n.expression && references(n.expression, name)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(fn);
}

/**
 * `clearTimeout(timeoutId)`, `clearInterval(poll)`: the request's timer put away, which handles
 * nothing of the failure (`catch { clearTimeout(t); return { success: true }; }` is a default).
 */
function clearsATimer(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && (e.expression.text === "clearTimeout" || e.expression.text === "clearInterval") && e.arguments.length === 1;
}

// An in-memory mark that a request is running: `busy`, `inFlight`, `processingUsers`, `locks`.
const BUSY_MARK_RE = /^(?:busy|inFlight|inProgress|processing|running|locks?)(?:[A-Z]\w*)?$/;

/**
 * `busy.delete(userId)`: the mark that the user's request runs taken away, like a timer put away;
 * it handles nothing of the failure (held round 35: a failed placeholder reply whose catch only
 * clears the busy flag and returns drops the user's message silently, `emptyCatch`).
 */
function clearsABusyMark(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "delete" || e.arguments.length !== 1) return false;
  const recv = e.expression.expression;
  const name = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword ? recv.name.text : undefined;
  return name !== undefined && BUSY_MARK_RE.test(name);
}

/**
 * `"Checking status for complaint " + id + "… (in development)"`, `` `Status of ${id}: pending` ``:
 * a text put together from literal words and plain values (names, fields), none of them the caught
 * error, whose words do not say it failed. Like a bare string literal, it is a made-up answer the
 * caller shows as if the work had been done; a text that carries the error (`${err.message}`) or
 * a call's answer stays unjudged.
 */
function isMadeUpText(e: ts.Expression, errName: string | undefined): boolean {
  const u = unwrap(e);
  const parts: ts.Expression[] = [];
  if (ts.isTemplateExpression(u)) parts.push(...u.templateSpans.map((span) => span.expression));
  else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    let left: ts.Expression = u;
    while (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      parts.push(left.right);
      left = left.left;
    }
    parts.push(left);
  } else return false;
  let words = ts.isTemplateExpression(u) && /\w{2,}/u.test(u.head.text);
  for (const part of parts) {
    const p = unwrap(part);
    if (ts.isStringLiteralLike(p)) {
      words ||= /\w{2,}/u.test(p.text);
      continue;
    }
    let root: ts.Expression = p;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root) || root.text === errName || /err|fail|reason/i.test(root.text)) return false;
  }
  return words && !saysFailure(u.getText());
}

/** `index < keys.length - 1`, `err instanceof Error ? err.message : "unknown"`: no call, no await, no assignment. */
export function computesInPlace(e: ts.Node): boolean {
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) || ts.isTaggedTemplateExpression(e) || isFunctionLikeDeclaration(e)) return false;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  return !ts.forEachChild(e, (c) => !computesInPlace(c) || undefined);
}

export type Shape =
  | { kind: "empty" }
  | { kind: "log"; logs: ts.CallExpression[]; extra?: ts.CallExpression }
  | { kind: "default"; value: ts.Node };

/**
 * The shape of a block that neither rethrows nor passes the error on: only no-ops (`empty`),
 * log calls then a normal exit (`log`), or a default value returned or assigned (`default`).
 * Undefined when it does anything else: then we cannot tell and stay silent.
 */
export function shapeOf(statements: readonly ts.Statement[], errName?: string): Shape | undefined {
  const logs: ts.CallExpression[] = [];
  let value: ts.Node | undefined;
  // One more statement next to a log (a cleanup call, a `close()`, a message built into a local)
  // still leaves the failure unreported; two or more is work we do not judge.
  let extra = 0;
  let extraCall: ts.CallExpression | undefined;
  let retried = false;
  for (const s of statements) {
    if (ts.isEmptyStatement(s)) continue;
    // `const hasNextKey = index < keys.length - 1`: a value worked out in place, which does nothing.
    if (ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => d.initializer !== undefined && computesInPlace(d.initializer))) continue;
    if (ts.isVariableStatement(s) && extra === 0) {
      extra++;
      continue;
    }
    if (ts.isExpressionStatement(s)) {
      const e = s.expression;
      if (isNoopExpression(e, errName) || clearsATimer(e) || clearsABusyMark(e) || pushesOntoLoggedList(e)) continue;
      // `this.isInitializing = false`: a start-up mark ended, as the work's success ends it too.
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && e.right.kind === ts.SyntaxKind.FalseKeyword && endsProgressMark(e.left)) continue;
      const log = logCallOf(e);
      if (log) {
        logs.push(log);
        continue;
      }
      if (isNormalResponse(e)) {
        value ??= s;
        continue;
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isIdentifier(e.left) || ts.isPropertyAccessExpression(e.left))) {
        if (classifyValue(e.right) === "default" && !(ts.isIdentifier(e.right) && e.right.text === errName)) {
          value ??= e;
          continue;
        }
      }
      if (extra === 0 && isSideCall(unwrap(e), errName)) {
        extra++;
        extraCall = unwrap(e) as ts.CallExpression;
        continue;
      }
      return undefined;
    }
    if (ts.isContinueStatement(s) || ts.isBreakStatement(s)) continue;
    if (ts.isReturnStatement(s)) {
      if (!s.expression) continue;
      if (isNormalResponse(s.expression) || nestWebhookAck(s)) {
        value ??= s;
        continue;
      }
      if (classifyValue(s.expression) !== "default" && !isMadeUpText(s.expression, errName)) return undefined;
      if (ts.isIdentifier(unwrap(s.expression)) && (unwrap(s.expression) as ts.Identifier).text === errName) return undefined;
      value ??= s;
      continue;
    }
    // `if (retryCount < MAX) { await sleep(ms); return notify(email, retryCount + 1); }`: a capped
    // retry by recursion, after whose last attempt the catch goes on (self-retry.ts).
    if (ts.isIfStatement(s) && retriesUnderCap(s, isLogStatement)) {
      retried = true;
      continue;
    }
    if (ts.isIfStatement(s)) {
      // `if (e instanceof Error) console.error(e.message)`: judge both branches.
      for (const branch of [s.thenStatement, s.elseStatement]) {
        if (!branch) continue;
        const inner = shapeOf(ts.isBlock(branch) ? branch.statements : [branch], errName);
        if (!inner) return undefined;
        if (inner.kind === "log") logs.push(...inner.logs);
        if (inner.kind === "default") value ??= inner.value;
      }
      continue;
    }
    if (ts.isSwitchStatement(s)) {
      // `switch (e.response?.status) { case 429: log("rate limited"); break; default: log(e); }`: judge every clause.
      for (const clause of s.caseBlock.clauses) {
        if (clause.statements.length === 0) continue;
        const inner = shapeOf(clause.statements, errName);
        if (!inner) return undefined;
        if (inner.kind === "log") logs.push(...inner.logs);
        if (inner.kind === "default") value ??= inner.value;
      }
      continue;
    }
    if (ts.isBlock(s)) {
      const inner = shapeOf(s.statements, errName);
      if (!inner) return undefined;
      if (inner.kind === "log") logs.push(...inner.logs);
      if (inner.kind === "default") value ??= inner.value;
      continue;
    }
    return undefined;
  }
  // A retry with no log line, or one whose last attempt answers a value (`return null`, which the
  // callers may turn into a failure answer as they do for a miss): not judged. Only falling off is.
  if (retried && (logs.length === 0 || value !== undefined || extra > 0)) return undefined;
  if (logs.length > 0) return { kind: "log", logs, ...(extraCall ? { extra: extraCall } : {}) };
  if (extra > 0) return undefined;
  if (value) return { kind: "default", value };
  return { kind: "empty" };
}

// ---- comments -------------------------------------------------------------------------------

const scanner = ts.createScanner(ts.ScriptTarget.Latest, false);
// Tokens after which a `/` divides; after anything else it starts a regular expression.
const ENDS_OPERAND = new Set<ts.SyntaxKind>([ts.SyntaxKind.Identifier, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.BigIntLiteral, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateTail, ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.ThisKeyword, ts.SyntaxKind.SuperKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword, ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken]);
// A comment that proposes what the catch could do: `Optional: rollback…`, `Could notify…`, `You could send this to…`, `Consider retrying`.
// Not a bare "could throw": `// Could throw in Safari private mode` says why the try may fail (review30).
const PROPOSED_HANDLING_RE = /^(?:optional(?:ly)?:?|(?:you |we )?could|consider)\s+(?:(?:add(?:ing)?|implement(?:ing)?)\s+)?(?:a |an |some )?(?:roll ?back|exit|retry|re-?throw|notify|alert|report|send|handle|show)/i;
// No letter or digit of any script: `// ---`, `/* */`. (`\W` would also take Cyrillic or CJK words,
// `// Не бросаем ошибку, это не критично`, for none.)
const NOT_AN_EXPLANATION_RE = /^[^\p{L}\p{N}]*$/u;
// `// Display error to user (e.g., "Failed to open payment…")`, `// Handle error`: the handling the
// catch still lacks, asked for in words: a to-do without the word (held round 32, decided finding).
const UNDONE_HANDLING_RE = /^(?:(?:display|show|notify|alert|tell|inform)\s+(?:an?\s+|the\s+)?(?:error|failure)\b|(?:notify|alert|tell|inform)\s+(?:the\s+)?user\b|handle\s+(?:the\s+|this\s+)?errors?(?:\s+(?:here|appropriately|gracefully|properly))?\s*\.?$)/i;
// `// setTimeout(connectDb, 5000);`, `// console.error(err)`, `// throw err;`: code commented out, which
// says what the catch once did, not why the failure may be lost.
const COMMENTED_CODE_RE = /^(?:(?:await|return|throw)\b.*|(?:const|let|var)\s+[\w$]+\s*=.*|[\w$.]+\s*\(.*\)|[\w$.[\]]+\s*=\s*.+);$|^[\w$]+\.[\w$.]*\(.*\)$/;
// `//req.logIn(user, function(err) {`: a call commented out at the line that opens its callback,
// the lines of its body left in (session 43, retired held round 46's sareeshoppingwebsite).
// Two linear tests: the call's head, and a line that ends by opening a callback.
const COMMENTED_CALL_HEAD_RE = /^[\w$]+\.[\w$.]*\(/;
const OPENS_CALLBACK_RE = /(?:function\s*[\w$]*\s*\([^()]*\)|\([^()]*\)\s*=>)\s*\{$/;
const commentsOutCallback = (words: string): boolean => words.length <= 200 && COMMENTED_CALL_HEAD_RE.test(words) && OPENS_CALLBACK_RE.test(words);
// `// Detailed error logging`, `// Log de depuración robusto`: a note that the catch logs, which
// it plainly does; it says nothing of why the code goes on. Words about the carry-on keep it an explanation.
const LOG_NOTE_RE = /\b(?:log|logs|logging|logged|loguea\w*|loguee\w*|logea\w*|depuraci[oó]n|diagnostics?)\b|логир|логгир|логу/i;
const CARRY_ON_RE = /ignor|best[- ]?effort|continu|skip|optional|fall(?:s|ing)? ?back|\bdon'?t\b|\bdo not\b|\bnot\b|\bno\b|non[- ]?|without|proceed|swallow|expect|\bmay\b|silent|default|empty|\bjust\b|\bonly\b|simply|move on|instead|\bkeep|carry|never|harmless|\bfine\b|\bok\b|okay|anyway|\beven\b|\bstill\b|throw|block|break|crash|stop|abort|fatal|critical|\bmust\b|should|retr(?:y|ies|ying)|later|handled|already|\bsolo\b|\bsin\b|contin[uú]a|(?:^|\s)(?:не|без)\s|продолж|игнор|пропуск/i;

// `//   this.logger.error(` … `//   );`: one line of a run of `//` lines, one a line.
const LINE_COMMENT_RE = /^[ \t]*\/\/(.*)$/;

/**
 * The `//` comment at `[at, to)` is a line of code commented out over several lines, within
 * `[from, until)`: the run of `//` lines around it, each alone on its line, reads as one
 * commented-out statement (`//   this.logger.error(` / `//     'Send failed',` / `//
 * error.message,` / `//   );`), which says what the catch once did, as a one-line one does.
 */
function inCommentedOutCall(text: string, at: number, to: number, from: number, until: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== "") return false;
  const lines: string[] = [];
  // Up to the first line of the run, then down to its last.
  let first = lineStart;
  while (first > from) {
    const prevStart = text.lastIndexOf("\n", first - 2) + 1;
    if (prevStart < from || !LINE_COMMENT_RE.test(text.slice(prevStart, first - 1).replace(/\r$/, ""))) break;
    first = prevStart;
  }
  let pos = first;
  while (pos < until) {
    let eol = text.indexOf("\n", pos);
    if (eol === -1 || eol > until) eol = until;
    const m = LINE_COMMENT_RE.exec(text.slice(pos, eol).replace(/\r$/, ""));
    if (!m) break;
    lines.push(m[1]!.trim());
    pos = eol + 1;
  }
  if (lines.length < 2 || pos <= to) return false;
  // Joined as written on one line: no space after `(` or before `)`, no trailing comma before it.
  let joined = lines[0]!;
  for (const line of lines.slice(1)) {
    if (line.startsWith(")") && joined.endsWith(",")) joined = joined.slice(0, -1);
    joined += joined.endsWith("(") || line.startsWith(")") ? line : ` ${line}`;
  }
  return COMMENTED_CODE_RE.test(joined);
}

/**
 * True when the range holds a comment that says the catch is deliberate: any words but a bare
 * TODO/FIXME/XXX (`// ignore` and `/* noop *\/` do say it), a lint directive without a reason,
 * code commented out, or our own labels and directives. In a catch or a handler, a note that it
 * logs says nothing more; above a statement (`aboveStatement`), a note that the statement logs
 * (`// Log the request asynchronously`) says its job is a log, and explains.
 */
export function hasExplainingComment(text: string, start: number, end: number, aboveStatement = false): boolean {
  const slice = text.slice(start, end);
  if (slice.indexOf("//") === -1 && slice.indexOf("/*") === -1) return false;
  scanner.setText(text, start, end - start);
  try {
    // The scanner has no parser to tell it that a `}` closes a `${…}` span: track the template
    // spans so that a comment after `` `…${id}…` `` is not read as template text.
    const spans: number[] = [];
    let depth = 0;
    let prev: ts.SyntaxKind = ts.SyntaxKind.OpenBraceToken;
    for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
      // Nor that a `/` after an operator starts a regular expression (`/\/*$/` holds no comment).
      if ((k === ts.SyntaxKind.SlashToken || k === ts.SyntaxKind.SlashEqualsToken) && !ENDS_OPERAND.has(prev)) k = scanner.reScanSlashToken();
      if (k !== ts.SyntaxKind.WhitespaceTrivia && k !== ts.SyntaxKind.NewLineTrivia && k !== ts.SyntaxKind.SingleLineCommentTrivia && k !== ts.SyntaxKind.MultiLineCommentTrivia) prev = k;
      if (k === ts.SyntaxKind.TemplateHead) spans.push(depth);
      else if (k === ts.SyntaxKind.OpenBraceToken) depth++;
      else if (k === ts.SyntaxKind.CloseBraceToken) {
        if (spans.length > 0 && spans[spans.length - 1] === depth) {
          if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) spans.pop();
        } else depth--;
      }
      if (k !== ts.SyntaxKind.SingleLineCommentTrivia && k !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
      const raw = scanner.getTokenText();
      const body = raw.startsWith("//") ? raw.slice(2) : raw.slice(2, -2);
      const words = body.replace(/^[\s*]+/, "").trimEnd();
      if (k === ts.SyntaxKind.SingleLineCommentTrivia && inCommentedOutCall(text, scanner.getTokenStart(), scanner.getTokenEnd(), start, end)) continue;
      if (/^(?:todo|fixme|xxx)\b/i.test(words) || UNDONE_HANDLING_RE.test(words)) continue;
      // A handling proposed and not written is a to-do too: `// Optional: Rollback logic or exit process`,
      // `// Could notify user here`, `// Optionally rethrow or handle as needed` (tune round 34).
      if (PROPOSED_HANDLING_RE.test(words)) continue;
      // A lint directive explains only when it carries a reason (`eslint-disable-line no-empty -- cache is optional`).
      if (/^(?:eslint-|@ts-|istanbul |c8 |prettier-ignore|jshint|jslint)/.test(words) && !/\s--\s*\w/.test(words)) continue;
      // Labels of the measured sets and our own directives explain nothing about the catch.
      if (/^(?:hh-expect:|hardening-hints-)/.test(words)) continue;
      if (NOT_AN_EXPLANATION_RE.test(words) || COMMENTED_CODE_RE.test(words) || commentsOutCallback(words) || (!aboveStatement && LOG_NOTE_RE.test(words) && !CARRY_ON_RE.test(words))) continue;
      return true;
    }
  } finally {
    scanner.setText(undefined);
  }
  return false;
}

// ---- client errors ------------------------------------------------------------------------

// `HttpForbiddenException`, `ApiNotFoundError`: a project's own class named for one 4xx status.
export const CLIENT_ERROR_CLASS_RE = /^(?:(?:Http|Api|App|Rest)(?=BadRequest|Unauthori[sz]ed|Forbidden|NotFound|Conflict|Gone|PayloadTooLarge|Unprocessable|TooManyRequests|NotAcceptable|MethodNotAllowed|PreconditionFailed|UnsupportedMediaType))?(?:BadRequest|Unauthori[sz]ed|Forbidden|NotFound|Conflict|Gone|PayloadTooLarge|Unprocessable|UnprocessableEntity|TooManyRequests|NotAcceptable|MethodNotAllowed|PreconditionFailed|UnsupportedMediaType|Validation|Invalid|UserInput|Input|Client|Usage|Argument|InvalidArgument|Auth|Authentication|Authorization|Permission|Zod|Parse|Schema)\w*$/;
const CLIENT_CODES_RE = /^(?:BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|PRECONDITION_FAILED|PAYLOAD_TOO_LARGE|UNPROCESSABLE_CONTENT|UNPROCESSABLE_ENTITY|TOO_MANY_REQUESTS|METHOD_NOT_SUPPORTED|TIMEOUT|CLIENT_CLOSED_REQUEST|PARSE_ERROR|GONE|NOT_ACCEPTABLE)$/;

// Whole `_`-separated words of a client (4xx) error code: `NOT_FOUND`, `OBJECT_NOT_FOUND`, `INVALID_CLASS_NAME`.
const CLIENT_CODE_WORDS = ["_NOT_FOUND_", "_BAD_REQUEST_", "_UNAUTHORIZED_", "_UNAUTHORISED_", "_FORBIDDEN_", "_CONFLICT_", "_ALREADY_EXISTS_", "_DUPLICATE_", "_INVALID_", "_VALIDATION_", "_NOT_ALLOWED_", "_TOO_MANY_REQUESTS_", "_UNPROCESSABLE_"];

function isClientCodeName(code: string): boolean {
  if (!/^[A-Z][A-Z0-9_]{0,79}$/.test(code)) return false;
  const padded = `_${code}_`;
  return CLIENT_CODE_WORDS.some((w) => padded.includes(w));
}

/** An error meant for the client (4xx): thrown from a catch it is an explicit failure, not a lost cause. */
export function isClientError(e: ts.NewExpression): boolean {
  const name = calleeName(e);
  if (!name) return false;
  if (CLIENT_ERROR_CLASS_RE.test(name)) return true;
  for (const a of e.arguments ?? []) {
    // `new AppError(AppErrorCode.NOT_FOUND)`, `new Parse.Error(Parse.Error.INVALID_CLASS_NAME, …)`.
    const code = ts.isPropertyAccessExpression(a) ? a.name.text : ts.isStringLiteralLike(a) && !BUILTIN_ERRORS.has(name) ? a.text : undefined;
    if (code && isClientCodeName(code)) return true;
    if (ts.isNumericLiteral(a) && Number(a.text) >= 400 && Number(a.text) < 500) return true;
    if (ts.isPropertyAccessExpression(a) && /^(?:HttpStatus|StatusCodes)$/.test(a.expression.getText()) && !/INTERNAL|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|NOT_IMPLEMENTED/.test(a.name.text)) return true;
    if (ts.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
        const v = p.initializer;
        if ((p.name.text === "status" || p.name.text === "statusCode") && ts.isNumericLiteral(v) && Number(v.text) < 500) return true;
        if (p.name.text === "code" && ts.isStringLiteralLike(v) && CLIENT_CODES_RE.test(v.text)) return true;
      }
    }
  }
  return false;
}

export const BUILTIN_ERRORS = new Set(["Error", "TypeError", "RangeError", "SyntaxError", "EvalError", "URIError", "ReferenceError"]);

/** The caught error and the consts that are it under a cast (`const err = e as Error`, `const e2 = e!`). */
export function aliasesOf(block: ts.Block, errName: string): string[] {
  const names = [errName];
  for (const st of block.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) {
      let e = d.initializer;
      while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e))) e = e.expression;
      if (e && ts.isIdentifier(e) && names.includes(e.text) && ts.isIdentifier(d.name)) names.push(d.name.text);
    }
  }
  return names;
}
