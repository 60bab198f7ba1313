/**
 * A diagnostic check whose only effect is a warning (held round 41, matanew1/nest-langgraph-ai's
 * Qdrant start-up, decided clean):
 *
 *   try {
 *     const info = await client.getCollection(name);
 *     const size = getVectorSizeFromCollectionInfo(info);
 *     if (typeof size === "number" && size !== expected) logger.warn(`vector size mismatch: …`);
 *   } catch (err) { logger.warn(`collection info check failed: ${err.message}`); }
 *
 * Everything the try does is read values into its own `const`s (calls named for reading:
 * `getCollection`, `readConfig`, `describeTable`, `countRows`, `stat`, plain expressions) and warn
 * (`warn`/`error` level) under `if`s those values decide. A failure loses that warning and nothing
 * else, and the catch logs it. A try that assigns anything outside it, returns, stores, sends (a
 * bare `get`/`fetch`/`query` is a request), prints unconditionally (a script's results) or calls a
 * function not named for reading is work and stays judged.
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall } from "./analysis";

// A call named for reading or checking: `getCollection`, `fetchLatestVersion`, `stat`, `describeTable`, `countRows`.
// A bare `get`/`query`/`fetch` is a request (`axios.get(setWebhookUrl)`), not counted.
const READ_CALL_RE = /^(?:(?:get|read|find|list|describe|count|inspect|lookup)[A-Z_]\w*|stat|lstat|parse\w*|compute\w*|calc\w*)$/;
// Plain built-ins on values: `String(x)`, `Object.keys(x)`, `x.toLowerCase()`, `arr.includes(y)`.
const PLAIN_CALL_RE = /^(?:String|Number|Boolean|keys|values|entries|includes|toLowerCase|toUpperCase|trim|join|map|filter|some|every|find|length|toString|toFixed|stringify|startsWith|endsWith|slice|isArray)$/;

/** An expression that only reads: property reads, literals, operators and calls named for reading. */
function onlyReads(e: ts.Node): boolean {
  if (isFunctionLike(e)) return false;
  if (ts.isCallExpression(e)) {
    const name = calleeName(e) ?? "";
    if (!READ_CALL_RE.test(name) && !PLAIN_CALL_RE.test(name)) return false;
  }
  if (ts.isNewExpression(e) || ts.isDeleteExpression(e)) return false;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  return !(ts.forEachChild(e, (c) => (onlyReads(c) ? undefined : true)) ?? false);
}

// A warning: `logger.warn(…)`, `console.error(…)`; a plain `console.log` of results is a script's output.
const WARNING_RE = /^(?:warn|warning|error)$/;

/** Statements that only warn, through `if`s whose conditions only read. */
function onlyWarns(st: ts.Statement): boolean {
  if (ts.isBlock(st)) return st.statements.every(onlyWarns);
  if (ts.isExpressionStatement(st)) return isLogCall(st.expression) && ts.isCallExpression(st.expression) && WARNING_RE.test(calleeName(st.expression) ?? "") && st.expression.getChildren().every(onlyReadsOrLiteral);
  if (ts.isIfStatement(st)) return onlyReads(st.expression) && onlyWarns(st.thenStatement) && (!st.elseStatement || onlyWarns(st.elseStatement));
  return false;
}

function onlyReadsOrLiteral(n: ts.Node): boolean {
  return n.kind === ts.SyntaxKind.SyntaxList ? n.getChildren().every(onlyReadsOrLiteral) : ts.isToken(n) || ts.isIdentifier(n) || ts.isPropertyAccessExpression(n) || onlyReads(n);
}

/** The try reads values and only logs about them, with at least one log line and one read that waits or calls. */
export function tryOnlyWarns(tryBlock: ts.Block): boolean {
  let logs = 0;
  let reads = 0;
  for (const st of tryBlock.statements) {
    if (ts.isVariableStatement(st)) {
      if (!(st.declarationList.flags & ts.NodeFlags.BlockScoped)) return false;
      if (!st.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.initializer !== undefined && onlyReads(d.initializer))) return false;
      reads++;
      continue;
    }
    // Only a warning on a condition the reads decide: an unconditional line is the try's output.
    if (!ts.isIfStatement(st) || !onlyWarns(st)) return false;
    logs++;
  }
  return logs > 0 && reads > 0;
}
