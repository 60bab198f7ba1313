import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";
import { plain } from "./handled-inside";

// `localStorage`, `window.sessionStorage`: the browser's Web Storage; `storage`, a project's wrapper of it
// with the same `getItem`/`setItem` methods (NodeBB's `public/src/modules/storage`).
const STORAGE_RE = /^(?:(?:window|globalThis|self)\.)?(?:localStorage|sessionStorage)$|^storage$/;
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
  const tryStmt = clause.parent;
  const body = tryStmt.parent;
  if (!ts.isBlock(body) || !isFunctionLike(body.parent)) return false;
  // `useEffect(() => { if (typeof window === "undefined") return; try { if (localStorage.getItem(K) === "true")
  // setOn(true); } catch (e) { log(e); } }, [])`: a log-only catch at the end of the function answers nothing,
  // as its bare `return;` guard does (production Cap's recorder preferences, session 36).
  const fallsOff = stmts.length > 0 && stmts.every(isLogStatement) && body.statements[body.statements.length - 1] === tryStmt;
  if (!fallsOff && (!last || !ts.isReturnStatement(last) || !last.expression || !plain(last.expression))) return false;
  if (!fallsOff && !stmts.slice(0, -1).every(isLogStatement)) return false;
  const fn = body.parent;
  if (fn.name && DRAFT_RE.test(fn.name.getText())) return false;
  if (ts.isVariableDeclaration(fn.parent) && DRAFT_RE.test(fn.parent.name.getText())) return false;
  if (!onlyReadsStorage(tryStmt.tryBlock)) return false;
  const answer = fallsOff ? "" : squash((last as ts.ReturnStatement).expression!);
  // `try { return JSON.parse(storage.getItem(K) || "{}"); } catch (e) { log(e); return {}; }`: the catch answers
  // what an unset key answers (production NodeBB's search preferences, session 39).
  if (!fallsOff && unsetAnswer(tryStmt.tryBlock) === answer) return true;
  const before = body.statements.slice(0, body.statements.indexOf(tryStmt));
  return before.some((s) => ts.isIfStatement(s) && !s.elseStatement && NO_STORAGE_RE.test(s.expression.getText()) && guardAnswer(s.thenStatement) === answer);
}

/**
 * What a try of one `return` of a storage read answers for an unset key: `null` for `return
 * storage.getItem(K)`, the fallback's text for `return JSON.parse(localStorage.getItem(K) || "[]")`
 * (also `??`). Undefined for any other try.
 */
function unsetAnswer(block: ts.Block): string | undefined {
  const only = block.statements.length === 1 ? block.statements[0]! : undefined;
  if (!only || !ts.isReturnStatement(only) || !only.expression) return undefined;
  let e = only.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const isRead = (x: ts.Expression) => ts.isCallExpression(x) && storageCall(x) === "read" && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "getItem";
  if (isRead(e)) return "null";
  if (!ts.isCallExpression(e) || e.expression.getText() !== "JSON.parse" || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0]!;
  if (!ts.isBinaryExpression(arg) || (arg.operatorToken.kind !== ts.SyntaxKind.BarBarToken && arg.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken)) return undefined;
  return isRead(arg.left) && ts.isStringLiteralLike(arg.right) ? arg.right.text.replace(/\s+/g, "") : undefined;
}

/** `return X;` or `{ return X; }`: the text of X (`""` for a bare `return;`). */
function guardAnswer(s: ts.Statement): string | undefined {
  const only = ts.isBlock(s) && s.statements.length === 1 ? s.statements[0]! : s;
  return ts.isReturnStatement(only) ? (only.expression ? squash(only.expression) : "") : undefined;
}

// Pure reads and string work a clean-up loop does around its removals.
const PURE_METHOD_RE = /^(?:keys|forEach|split|trim|trimStart|trimEnd|replace|includes|startsWith|endsWith|toUTCString|toGMTString|filter|map|some|every|indexOf|slice|substring|toLowerCase|join|key)$/;
// A cookie written to expire: `name=;expires=Thu, 01 Jan 1970 …`, `max-age=0`.
const EXPIRES_RE = /expires=|max-age=0/i;

/**
 * `try { localStorage.removeItem(CACHE_KEY); } catch (e) { log(e); }`, and a loop that expires every
 * cookie (`` document.cookie = `${name}=;expires=Thu, 01 Jan 1970 …` ``): a try whose only effects
 * clear the browser's own state (Web Storage `removeItem`/`clear`, a cookie written to expire), with
 * string work and loops around them, awaiting nothing and calling nothing else. It fails only where
 * storage or cookies are denied, where nothing could be read back either; a log-only catch there
 * loses nothing (held round 33, decided clean). A try that also reads, parses, writes a value or
 * calls a helper stays judged as before.
 */
export function onlyClearsBrowserState(block: ts.Block): boolean {
  let clears = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isThrowStatement(n) || (ts.isNewExpression(n) && n.expression.getText() !== "Date")) other = true;
    else if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const kind = storageCall(n);
      if (kind === "write" && ts.isPropertyAccessExpression(callee) && (callee.name.text === "removeItem" || callee.name.text === "clear")) clears = true;
      else if (!ts.isPropertyAccessExpression(callee) || !PURE_METHOD_RE.test(callee.name.text) || kind !== undefined) other = true;
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (n.left.getText() === "document.cookie" && EXPIRES_RE.test(n.right.getText())) clears = true;
      else if (!ts.isIdentifier(n.left)) other = true;
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstCompoundAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastCompoundAssignment && !ts.isIdentifier(n.left)) other = true;
    ts.forEachChild(n, visit);
  };
  visit(block);
  return clears && !other;
}
