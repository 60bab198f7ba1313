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
  if (!name || !LOG_LINES_FN_RE.test(name)) return false;
  const work = tryStmt.tryBlock.statements.filter((st) => !prepares(st));
  if (work.length !== 1 || !ts.isExpressionStatement(work[0]!)) return false;
  let e: ts.Expression = work[0].expression;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isCallExpression(e);
}
