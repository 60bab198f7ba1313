/**
 * A function's callers in the project's other modules (the importers index, see
 * src/profile/importers.ts and src/rules/unvalidated-boundary/callers.ts), for the decisions the docs
 * make by the caller:
 * - "every call tests the result" of a helper that logs and answers its "could not" `null`
 *   (carry-on.ts `answersNoneByContract`) reads the calls in the modules that import it when its
 *   own file has none;
 * - a notice helper (a service's `sendOtp`, named for an e-mail, an SMS, a notification or an OTP)
 *   whose catch a comment or a "[fallback]" log line explains is reported when its callers claim the
 *   notice went out (`"OTP sent successfully"`, `"check your email"`, `emailSent`), following a
 *   caller that only passes the call on (an `OtpService.sendOtp` between the auth service and the
 *   mailer) up to three modules; see {@link noticeClaimedByCallers}.
 */
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { accessesNamed, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { callersOf, type Callers } from "../unvalidated-boundary/callers";
import { findRefs } from "../unvalidated-boundary/ast";
import { NOTICE_CLAIM_RE } from "./own-trigger";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";
import { NOTICE_RE } from "./confidence";
import { scopeOf } from "./scope";

/** How other modules name a function: its top-level name (or `default`), and the member for a method of a class or object. */
export function exportedAs(fn: ts.FunctionLikeDeclaration): { name: string; member?: string } | undefined {
  const isDefault = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false);
  if (ts.isFunctionDeclaration(fn) && ts.isSourceFile(fn.parent)) return isDefault(fn) ? { name: "default" } : fn.name ? { name: fn.name.text } : undefined;
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) {
    const owner = fn.parent;
    // A method of a top-level class (`export class EmailService`, or a class the module exports an instance of).
    if (ts.isClassDeclaration(owner) && ts.isSourceFile(owner.parent)) return isDefault(owner) ? { name: "default", member: fn.name.text } : owner.name ? { name: owner.name.text, member: fn.name.text } : undefined;
    // `export const mailer = { async send() { … } }`
    if (ts.isObjectLiteralExpression(owner)) return objectHolder(owner, fn.name.text);
    return undefined;
  }
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const p = fn.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === fn && ts.isIdentifier(p.name) && ts.isVariableStatement(p.parent.parent) && ts.isSourceFile(p.parent.parent.parent)) return { name: p.name.text };
    if (ts.isPropertyAssignment(p) && p.initializer === fn && ts.isIdentifier(p.name) && ts.isObjectLiteralExpression(p.parent)) return objectHolder(p.parent, p.name.text);
    // `exports.sendOtp = async (…) => …`, `module.exports.sendOtp = …`
    if (ts.isBinaryExpression(p) && p.right === fn && ts.isPropertyAccessExpression(p.left) && /^(?:exports|module\.exports)$/.test(p.left.expression.getText())) return { name: p.left.name.text };
    if (ts.isExportAssignment(p)) return { name: "default" };
  }
  return undefined;
}

/** `const mailer = { … }` at the top level, or `module.exports = { … }` (its members are the module's names). */
function objectHolder(obj: ts.ObjectLiteralExpression, member: string): { name: string; member?: string } | undefined {
  const p = obj.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && ts.isVariableStatement(p.parent.parent) && ts.isSourceFile(p.parent.parent.parent)) return { name: p.name.text, member };
  if (ts.isBinaryExpression(p) && p.right === obj && p.left.getText() === "module.exports") return { name: member };
  if (ts.isExportAssignment(p)) return { name: "default", member };
  return undefined;
}

const memo = new TreeMemo<ts.Node, Callers | null>();

/** The calls of `fn` in the modules that import its file; undefined when it is not exported by a name or the project has no index. */
export function callsInOtherModules(ctx: RuleContext, fn: ts.FunctionLikeDeclaration): Callers | undefined {
  const known = memo.get(fn);
  if (known !== undefined) return known ?? undefined;
  const as = exportedAs(fn);
  const found = as ? callersOf(projectFilesOf(ctx), ctx.path.replace(/\\/g, "/"), as.name, as.member) : undefined;
  memo.set(fn, found ?? null);
  return found;
}

// `"OTP sent successfully"`, `"Please check your email for the OTP"`, `{ codeSent: true }`: besides NOTICE_CLAIM_RE's `notified`, `emailSent`, "e-mail sent".
const CODE_CLAIM_RE = /\b(?:otp|code|link|invit\w*|verification)s?\s+(?:was\s+|were\s+|has been\s+|have been\s+)?(?:sent|delivered)\b|\bcheck your (?:e-?mail|inbox|phone|messages)\b/i;

const MAX_HOPS = 3;

/**
 * The notice helper `fn` (its catch logs and goes on) as its callers in other modules see it:
 * `claimed` when a statement after a call, in the caller's function, says the notice went out
 * (`notified`, `emailSent`, "OTP sent", "check your email"), also in the callers of a caller that
 * goes on after the call without saying anything (the claim is made further up, three modules at
 * most); `unclaimed` when every caller was seen and none makes such a claim; undefined when no
 * caller is known, some may be unseen, or the file itself calls it (a same-file caller is judged by
 * the rule's own reading).
 */
export function noticeClaimedByCallers(ctx: RuleContext, fn: ts.FunctionLikeDeclaration): "claimed" | "unclaimed" | undefined {
  const files = projectFilesOf(ctx);
  const callers = callsInOtherModules(ctx, fn);
  if (!callers || callers.sites.length === 0 || calledInItsFile(fn)) return undefined;
  const followed = new Set<ts.Node>([fn]);
  let complete = callers.complete;
  const claimedAt = (call: ts.CallExpression, hops: number): boolean => {
    const caller = enclosingFunction(call);
    const body = caller?.body;
    if (!caller || !body) return false;
    const sf = call.getSourceFile();
    const after = sf.text.slice(statementOf(call, body).getEnd(), body.getEnd());
    if (NOTICE_CLAIM_RE.test(after) || CODE_CLAIM_RE.test(after)) return true;
    // Each caller's own callers are read once (two calls in one function, a cycle of modules).
    if (hops >= MAX_HOPS || followed.has(caller)) return false;
    followed.add(caller);
    const up = callersOf(files, sf.fileName.replace(/\\/g, "/"), ...argsOf(caller));
    if (!up) return false;
    if (!up.complete) complete = false;
    return up.sites.some((s) => claimedAt(s.call, hops + 1));
  };
  if (callers.sites.some((s) => claimedAt(s.call, 1))) return "claimed";
  return complete ? "unclaimed" : undefined;
}

function argsOf(fn: ts.FunctionLikeDeclaration): [string, string?] {
  const as = exportedAs(fn);
  // A function no other module can name: an empty name finds no importer.
  return as ? [as.name, as.member] : [""];
}

function enclosingFunction(n: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p as ts.FunctionLikeDeclaration;
  return undefined;
}

/** The statement of `body` that holds `call` (the call's own statement in a block of the function). */
function statementOf(call: ts.Node, body: ts.Node): ts.Node {
  let n = call;
  while (n.parent && n.parent !== body && !(ts.isBlock(n.parent) && ts.isStatement(n))) n = n.parent;
  return n;
}

/** `sendOtp(…)`, `x.sendOtp(…)` in the function's own file (its reference and property-access indexes). */
function calledInItsFile(fn: ts.FunctionLikeDeclaration): boolean {
  const as = exportedAs(fn);
  if (!as) return false;
  const sf = fn.getSourceFile();
  const name = as.member ?? as.name;
  if (findRefs(name, sf, 0).some((id) => ts.isCallExpression(id.parent) && id.parent.expression === id)) return true;
  return accessesNamed(sf, name).some((a) => ts.isCallExpression(a.parent) && a.parent.expression === a);
}

// A notice to a person by its function's name, class included (`EmailService.sendOtp`, `sendNotification`, `notifyGuide`, `sendOtpSms`).
const NOTICE_HELPER_RE = /otp(?:$|[A-Z_])|OTP/;
// The function itself sends (`sendOtp`, `notifyGuide`, `deliverReceipt`, `emailInvoice`), not a log writer or lookup of the mail service (`logEmail`, `getTemplate`).
const SENDS_RE = /^(?:send|resend|notify|deliver|dispatch|email|mail|sms|text|push|alert)(?:$|[A-Z_])/;

/**
 * The catch's function is a notice helper (named for an e-mail, an SMS, a notification or an OTP)
 * that other modules call: its verdict by their claims (see {@link noticeClaimedByCallers}).
 */
export function noticeHelperVerdict(ctx: RuleContext, clause: ts.CatchClause): "claimed" | "unclaimed" | undefined {
  const scope = scopeOf(clause);
  if (!scope.fn || !scope.name || !SENDS_RE.test(scope.name.replace(/^.*\./, "")) || !(NOTICE_RE.test(scope.name) || NOTICE_HELPER_RE.test(scope.name))) return undefined;
  return noticeClaimedByCallers(ctx, scope.fn);
}
