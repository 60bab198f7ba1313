/**
 * Resend's documented failure contract (held rounds 26 and 28, the docs' `resultErrorIgnored` gap,
 * round 41): `resend.emails.send(…)` resolves `{ data, error }` and does not throw for an API error,
 * so a send whose `error` nobody reads fails silently. Reported, as the labels decided (debatable),
 * where the code then says the e-mail went:
 *
 *   await resend.emails.send({ from, to, subject, html });
 *   return { success: true, provider: "resend" };          // or NextResponse.json({ success: true })
 *   emailSent = true;  sent++;  console.log("OTP email sent to", to);
 *   await supabase.from("email_log").insert({ … });       // the send recorded in a log table
 *
 * A send that nothing claims (a courtesy welcome e-mail before an answer that does not mention it, a
 * helper that ends with the send) is not reported: whether its callers claim it is theirs to say.
 * The client is known by the file's import of `resend` (`import { Resend } from "resend"`, `require("resend")`,
 * `npm:resend@4.0.0`, `https://esm.sh/resend@2.0.0`).
 */
import { ts } from "../../engine/ts";
import { importBindings, isFunctionLikeDeclaration as isFunctionLike, packageOf } from "../../engine/ast";
import { claimsSuccess, logCallOf } from "./analysis";
import { enclosingFunction } from "./scope";

// A name for the e-mail having gone: `emailSent`, `sent`, `delivered`, `notified`.
const SENT_NAME_RE = /sent|deliver|notified|emailed/i;
// A log line that says it went: "OTP email sent to", "delivered"; not "not sent", "failed".
const SENT_TEXT_RE = /\b(?:sent|delivered)\b/i;
const FAILED_TEXT_RE = /\bnot (?:sent|delivered)\b|fail|error|could ?n[o']t|unable/i;
// A table that records sends: `email_log`, `email_logs`, `sent_emails`, `notification_history`.
const SEND_LOG_TABLE_RE = /log|history|sent/i;

// A Deno or CDN specifier pinned to Resend before 1.0, whose `emails.send` still threw: `npm:resend@0.17.2`.
const PRE_RESULT_PIN_RE = /resend@[\^~v=]*0(?:\.|$|[^\d])/;

/**
 * `import { Resend } from "resend"`, also by a Deno or CDN specifier (`npm:resend@4.0.0`,
 * `https://esm.sh/resend@2.0.0`; retired held round 48's Deno backend): 1.0 and later resolve `{ data, error }`.
 */
function importsResend(sf: ts.SourceFile): boolean {
  for (const b of importBindings(sf).values()) if (b.spec === "resend" || (packageOf(b.spec) === "resend" && !PRE_RESULT_PIN_RE.test(b.spec))) return true;
  return false;
}

/** `await resend.emails.send(…)`, `await this.client.emails.send(…)`, `await getResend().emails.send(…)` in a file that imports `resend`. */
export function isResendSend(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "send") return false;
  const recv = e.expression.expression;
  return ts.isPropertyAccessExpression(recv) && recv.name.text === "emails" && importsResend(e.getSourceFile());
}

/** After the send, in its own function: an answer, a flag, a counter, a log line or a log-table write that says the e-mail went. */
export function claimsSent(send: ts.Node): boolean {
  const body = enclosingFunction(send)?.body;
  if (!body) return false;
  const after = send.getEnd();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (n.getStart() >= after) {
      if ((ts.isReturnStatement(n) || ts.isExpressionStatement(n)) && n.expression && claimsSuccess(n.expression)) found = true;
      else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.right.kind === ts.SyntaxKind.TrueKeyword && SENT_NAME_RE.test(n.left.getText())) found = true;
      else if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && n.operator === ts.SyntaxKind.PlusPlusToken && SENT_NAME_RE.test(n.operand.getText())) found = true;
      else if (ts.isCallExpression(n)) {
        const log = logCallOf(n);
        if (log === n && n.arguments.some((a) => (ts.isStringLiteralLike(a) || ts.isTemplateExpression(a)) && SENT_TEXT_RE.test(a.getText()) && !FAILED_TEXT_RE.test(a.getText()))) found = true;
        // `supabase.from("email_log").insert({ … })`
        if (ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "insert") {
          const from = n.expression.expression;
          const table = ts.isCallExpression(from) && ts.isPropertyAccessExpression(from.expression) && from.expression.name.text === "from" ? from.arguments[0] : undefined;
          if (table && ts.isStringLiteralLike(table) && SEND_LOG_TABLE_RE.test(table.text)) found = true;
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}
