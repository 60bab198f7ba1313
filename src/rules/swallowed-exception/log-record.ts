import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { scopeOf } from "./scope";

/*
 * The try form of a failed write of log lines (production typebot: `saveClientLogsQuery` posting the
 * client's log lines to the server, its catch logging to the console), as for `sendLogs()` or
 * `appendLog(line).catch(…)` in a rejection handler: the job was a log, and there is nowhere else to
 * tell of it. Only a function named for shipping log lines (a write verb and `…Logs`): a `log…`
 * name (`logFailure`, `logConfigUpdatedEvent`) or a receiver named for a log (`featureRevisionLogs`)
 * often writes product data, a status or a history the user reads (production growthbook).
 */
const LOG_LINES_FN_RE = /^(?:save|send|write|post|push|ship|flush|persist|upload|store)\w*Logs(?:[A-Z]\w*)?$/;

// `const origin = getOrigin();`: a value prepared for the write, nothing awaited.
function prepares(st: ts.Statement): boolean {
  if (!ts.isVariableStatement(st)) return false;
  let waits = false;
  const visit = (n: ts.Node): void => {
    if (waits || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) waits = true;
    ts.forEachChild(n, visit);
  };
  visit(st);
  return !waits;
}

/**
 * `const saveClientLogs = async (…) => { try { const origin = getOrigin(); await http.post(url, …); }
 * catch (e) { console.log(e); } }`: the try is the whole body of a function named for shipping log
 * lines, and its one piece of work (after values prepared for it) is one call.
 */
export function tryOnlyShipsLogLines(tryStmt: ts.TryStatement): boolean {
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || body.statements.length !== 1 || !isFunctionLike(body.parent)) return false;
  const name = scopeOf(tryStmt).name?.replace(/^.*\./, "");
  if (!name) return false;
  const work = tryStmt.tryBlock.statements.filter((st) => !prepares(st));
  if (work.length !== 1 || !ts.isExpressionStatement(work[0]!)) return false;
  let e: ts.Expression = work[0].expression;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  return LOG_LINES_FN_RE.test(name) || (ERROR_RECORD_FN_RE.test(name) && writesErrorLogRow(e));
}

// A function named for recording a failure: `recordError`, `logFailure`, `saveErrorLog`.
const ERROR_RECORD_FN_RE = /^(?:record|log|save|store|write|persist|insert)\w*(?:Error|Failure)s?(?:Logs?)?$/;
// A table or model named for error rows: `prisma.errorLog`, `db.error_logs`, `"failure_logs"`.
const ERROR_LOG_NAME_RE = /^(?:error|failure)_?logs?$/i;
const ROW_WRITE_RE = /^(?:create|createMany|insert|insertOne|insertMany|add|upsert)$/;

/**
 * `prisma.errorLog.create({ data: { … } })`, `supabase.from("error_logs").insert(row)`: a write of one
 * row into a table kept for failures (retired held round 46's shopify-ship-by `recordError`, decided
 * clean): the job was a log, and there is nowhere else to tell of it.
 */
function writesErrorLogRow(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ROW_WRITE_RE.test(callee.name.text)) return false;
  const recv = callee.expression;
  if (ts.isPropertyAccessExpression(recv)) return ERROR_LOG_NAME_RE.test(recv.name.text);
  if (ts.isCallExpression(recv) && ts.isPropertyAccessExpression(recv.expression) && /^(?:from|table|collection)$/.test(recv.expression.name.text)) {
    const t = recv.arguments[0];
    return t !== undefined && ts.isStringLiteralLike(t) && ERROR_LOG_NAME_RE.test(t.text);
  }
  return false;
}
