/**
 * A chat reply that is itself the failure or refusal notice, chained with a rejection handler that
 * drops its error: `interaction.reply({ content: "❌ An error occurred…" }).catch(() => {})`, or an
 * autocomplete answered with no options (`interaction.respond([]).catch(() => {})`). When telling the
 * user fails too (the interaction has expired, the channel is gone), there is nobody left to tell
 * (held round 29, lead decision, debatable). The main answer's no-op catch stays reported.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { saysFailure } from "./analysis";

// discord.js `reply`/`editReply`/`followUp`/`respond`, Telegram `sendMessage`/`editMessageText`,
// Slack `chat.postMessage`/`postEphemeral` and Bolt's `say`, WhatsApp helpers `sendText…`.
const CHAT_NOTICE_RE = /^(?:reply\w*|editReply|followUp|respond|send\w*Message\w*|sendText\w*|editMessageText|postMessage|postEphemeral|say)$/;

/** The chat reply a rejection handler is chained on (`call` is the `.catch(…)`), with its method's name. */
function chatReplyOf(call: ts.CallExpression): { reply: ts.CallExpression; name: string } | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const reply = call.expression.expression;
  if (!ts.isCallExpression(reply)) return undefined;
  const name = calleeName(reply) ?? "";
  return CHAT_NOTICE_RE.test(name) ? { reply, name } : undefined;
}

/** `interaction.respond([])`: an autocomplete answered with no options, a guard's or a catch's "nothing". */
export function answersNoOptions(call: ts.CallExpression): boolean {
  const r = chatReplyOf(call);
  const a = r?.reply.arguments;
  return r?.name === "respond" && a!.length === 1 && ts.isArrayLiteralExpression(a![0]!) && (a![0] as ts.ArrayLiteralExpression).elements.length === 0;
}

/** The reply the handler is chained on says it failed where its message starts (reported at low confidence, `failureNotice`). */
export function repliesAFailureNotice(call: ts.CallExpression): boolean {
  const r = chatReplyOf(call);
  return r !== undefined && r.reply.arguments.some(opensWithFailure);
}

/**
 * A message whose text says it failed where it starts: `"❌ An error occurred…"`, `` `⚠️ Could not
 * save ${name}` `` (the text before the first substitution), the first operand of `"…" + more`, or the
 * `content`/`text` of a message object. Button labels and other strings further in (`"❌ Cancel"` in a
 * keyboard) are not the message.
 */
function opensWithFailure(a: ts.Expression): boolean {
  let e = a;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) e = e.left;
  if (ts.isStringLiteralLike(e)) return saysFailure(e.getText());
  if (ts.isTemplateExpression(e)) return saysFailure("`" + e.head.text);
  if (!ts.isObjectLiteralExpression(e)) return false;
  return e.properties.some((p) => ts.isPropertyAssignment(p) && /^(?:content|text)$/.test(p.name.getText()) && opensWithFailure(p.initializer));
}
