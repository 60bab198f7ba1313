import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";
import { plain } from "./handled-inside";

// `localStorage`, `window.sessionStorage`: the browser's Web Storage.
const STORAGE_RE = /^(?:(?:window|globalThis|self)\.)?(?:localStorage|sessionStorage)$/;
// `typeof window === "undefined"`, `typeof localStorage === 'undefined'`: no storage here (the server).
const NO_STORAGE_RE = /^typeof\s+(?:window|localStorage|sessionStorage)\s*===?\s*["']undefined["']$/;
// A draft of the user's own text (held round 28: a draft read answered empty is a finding).
const DRAFT_RE = /draft|unsaved|autosave/i;

/** `localStorage.getItem(k)` (`read`) or `.setItem`/`.removeItem`/`.clear` (`write`) on Web Storage. */
function storageCall(call: ts.CallExpression): "read" | "write" | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !STORAGE_RE.test(callee.expression.getText())) return undefined;
  if (callee.name.text === "getItem" || callee.name.text === "key") return "read";
  return "write";
}

/** The try reads Web Storage, and writes none, awaits nothing and names no draft. */
function onlyReadsStorage(block: ts.Block): boolean {
  let reads = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) || ts.isNewExpression(n) || ts.isThrowStatement(n)) other = true;
    else if (ts.isCallExpression(n)) {
      const kind = storageCall(n);
      if (kind === "write" || (kind === "read" && DRAFT_RE.test(n.arguments.map((a) => a.getText()).join(" ")))) other = true;
      if (kind === "read") reads = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(block);
  return reads && !other;
}

const squash = (e: ts.Expression): string => e.getText().replace(/\s+/g, "");

/**
 * `if (typeof window === "undefined") return []; try { const v = localStorage.getItem(key); return v
 * ? JSON.parse(v) : []; } catch (e) { console.warn(e); return []; }`: a read of Web Storage (a display
 * preference, a filter, a cached value) whose catch, besides log lines, answers what the function
 * answers where there is no storage at all (its `typeof window === "undefined"` guard before the
 * try): storage that is denied or holds malformed JSON shows what an unset value shows, nothing is
 * lost (the display-preference exemption's reason, held round 21). A try that also writes storage,
 * awaits or builds anything, a catch with another answer, and a draft of the user's text (held round
 * 28) stay reported.
 */
export function readsStorageLikeNoStorage(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !plain(last.expression)) return false;
  if (!stmts.slice(0, -1).every(isLogStatement)) return false;
  const tryStmt = clause.parent;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || !isFunctionLike(body.parent)) return false;
  const fn = body.parent;
  if (fn.name && DRAFT_RE.test(fn.name.getText())) return false;
  if (ts.isVariableDeclaration(fn.parent) && DRAFT_RE.test(fn.parent.name.getText())) return false;
  if (!onlyReadsStorage(tryStmt.tryBlock)) return false;
  const answer = squash(last.expression);
  const before = body.statements.slice(0, body.statements.indexOf(tryStmt));
  return before.some((s) => ts.isIfStatement(s) && !s.elseStatement && NO_STORAGE_RE.test(s.expression.getText()) && guardAnswer(s.thenStatement) === answer);
}

/** `return X;` or `{ return X; }`: the text of X. */
function guardAnswer(s: ts.Statement): string | undefined {
  const only = ts.isBlock(s) && s.statements.length === 1 ? s.statements[0]! : s;
  return ts.isReturnStatement(only) && only.expression ? squash(only.expression) : undefined;
}
