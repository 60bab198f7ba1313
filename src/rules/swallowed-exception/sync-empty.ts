import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";

/**
 * Confidence of an `emptyCatch` (docs/rules/swallowed-exception.md, "Confidence", `syncTry`;
 * session 45, production samples): an empty catch whose try waits for nothing and touches nothing
 * outside the process. The empty catch's own convention (pure-try.ts) drops only a try it can
 * prove pure; one that calls something it cannot see through (`hljs.highlight(code)`,
 * `zodToJsonSchema(schema)`, `aesDecryptObject(cookie, key)`, `acceptLanguage(header, locales)`)
 * stays reported, one step lower: what it can catch is bad data or a bug in that work, not an
 * outage, and reviewers split on whether a dropped format error deserves a line.
 *
 * Not: an `await`, a `yield`, a `for await`, a `…Sync(` call, `require`/`import()`, Web Storage or
 * IndexedDB, a setting (`process.env`, `import.meta.env`), `process.…` calls, a call of a method
 * that reaches outside (`kill`, `destroy`, `emit`, `send`, `write`, `close`, `run`, `query`, …), or a
 * call named for work that changes something or reads from somewhere (`postInvoiceSent`,
 * `writeManifest`, `setActiveTab`, `read`, `loadMiddlewares`, `configService.get`, `findSavedKey`);
 * and every statement keeps or answers a value (see yieldsAValue): `try { g(); } catch {}` stays.
 */
const REACHES_OUT = new Set([
  "kill", "destroy", "emit", "send", "sendMessage", "write", "writeHead", "end", "close", "disconnect", "connect", "open", "listen",
  "unlink", "rm", "rmdir", "mkdir", "rename", "setItem", "removeItem", "getItem", "clear", "register", "exec", "execute",
  "spawn", "fork", "postMessage", "dispatchEvent", "publish", "flush", "run", "query", "prepare", "pipe", "terminate",
  "stop", "abort", "fetch", "request", "save", "insert", "upsert", "del",
]);
const STORAGE_RE = /^(?:localStorage|sessionStorage|indexedDB|caches|document|navigator|chrome|browser|process|Deno|Bun)$/;

export function emptyTryOnlyComputes(tryBlock: ts.Block): boolean {
  if (!tryBlock.statements.every(yieldsAValue)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) found = true;
    else if (ts.isMetaProperty(n)) found = true;
    else if (ts.isIdentifier(n) && STORAGE_RE.test(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found = true;
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || reachesOut(n))) found = true;
    else n.forEachChild(visit);
  };
  visit(tryBlock);
  return !found;
}

// A call named for work that changes something (`posting.postInvoiceSent(id, 1)` on a synchronous
// database, `writeManifest(dir, entries)`, `setActiveTab(id)`) or that reads from somewhere (`read()`,
// `loadMiddlewares()`, `configService.get("LOG_LEVELS")`, `findSavedKey(true)`): not a computation on
// values in hand, whatever it reaches.
const DOES_WORK_RE = /^(?:post|send|create|insert|update|upsert|save|write|delete|remove|add|put|publish|record|store|persist|set|append|notify|track|log|read|load|fetch|get|find|lookup|open|query|request|download|upload|exec|call|sync|connect)(?:[A-Z_$]|$)/;

function reachesOut(call: ts.CallExpression): boolean {
  const name = calleeName(call) ?? "";
  if (/Sync$/.test(name) || name === "require" || DOES_WORK_RE.test(name)) return true;
  const callee = call.expression;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return method !== undefined && REACHES_OUT.has(method);
}

const ASSIGNS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);

/**
 * The try computes a value and keeps or answers it: every statement declares a local, assigns one
 * (`schema = zodToJsonSchema(schema)`, `options.apikey ??= findSavedKey(true)`), returns, or is an `if`
 * of such statements. A call made for itself (`g();`, `validate(rule, value);`, `logger.add(t);`) is
 * work whose failure the empty catch hides, and stays at full confidence.
 */
function yieldsAValue(st: ts.Statement): boolean {
  if (ts.isVariableStatement(st) || ts.isReturnStatement(st) || ts.isEmptyStatement(st)) return true;
  if (ts.isBlock(st)) return st.statements.every(yieldsAValue);
  if (ts.isIfStatement(st)) return yieldsAValue(st.thenStatement) && (!st.elseStatement || yieldsAValue(st.elseStatement));
  if (!ts.isExpressionStatement(st)) return false;
  const e = st.expression;
  return ts.isBinaryExpression(e) && ASSIGNS.has(e.operatorToken.kind);
}
