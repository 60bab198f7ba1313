/**
 * Cosmetic chat acknowledgements: the typing indicator, an emoji reaction, the answer to a
 * button's callback query, suggested prompts. They fail when the query has expired, the bot is not
 * in the channel or the message is gone, and nothing else depends on them.
 */
import { ts } from "../../engine/ts";
import { isLogCall } from "./analysis";
import { isQuietLog } from "./probes";

// Telegram Bot API / grammY / Telegraf (`answerCallbackQuery`, `answerCbQuery`, `sendChatAction`,
// `setMessageReaction`, and `editMessageReplyMarkup` when it only clears the buttons), the Vercel chat SDK and discord.js typing indicators (`startTyping`,
// `sendTyping`), discord.js `message.react(…)`, Slack's assistant `setSuggestedPrompts`.
const CHAT_ACK_METHODS = new Set(["answerCallbackQuery", "answerCbQuery", "sendChatAction", "setMessageReaction", "startTyping", "sendTyping", "setSuggestedPrompts"]);
const MESSAGE_RECEIVER_RE = /^(?:message|msg|reply|sent|interaction)$|(?:Message|Msg)$/;

/**
 * `bot.answerCallbackQuery(id)`, `thread.startTyping("…")`, `slack.reactions.add({ name })` (Slack
 * Web API), `message.react("👍")`: a call that only acknowledges in the chat.
 */
export function isChatAck(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  if (CHAT_ACK_METHODS.has(method)) return true;
  if (method === "editMessageReplyMarkup") return call.arguments.every(clearsMarkup);
  const recv = call.expression.expression;
  const recvName = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) ? recv.name.text : "";
  if (method === "add" && recvName === "reactions") return true;
  return method === "react" && MESSAGE_RECEIVER_RE.test(recvName);
}

/**
 * An argument of `editMessageReplyMarkup` that sets no keyboard: the chat and message ids, an
 * empty keyboard (`{ inline_keyboard: [] }`, `{ reply_markup: { inline_keyboard: [] } }`, `{}`),
 * `undefined`. With every argument such, the edit only clears the buttons of a message already
 * answered (grammY's `ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } })`, the
 * Bot API's edit with no `reply_markup`): tidying the chat. A keyboard built or passed in
 * (`Markup.inlineKeyboard(…)`, `keyboard`, a non-empty array) sets buttons the user needs.
 */
function clearsMarkup(arg: ts.Expression): boolean {
  let e = arg;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text === "undefined" || !/markup|keyboard|kb|buttons?$/i.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return !/markup|keyboard|buttons?$/i.test(e.name.text);
  if (ts.isNumericLiteral(e) || ts.isStringLiteralLike(e) || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isArrayLiteralExpression(e)) return e.elements.length === 0;
  if (!ts.isObjectLiteralExpression(e)) return false;
  return e.properties.every((p) => (ts.isPropertyAssignment(p) ? clearsMarkup(p.initializer) : ts.isShorthandPropertyAssignment(p) && clearsMarkup(p.name)));
}

/** The call of an expression statement, without `await`/`void`/parentheses. */
function statementCall(st: ts.Statement): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(st)) return undefined;
  let e = st.expression;
  while (ts.isAwaitExpression(e) || ts.isVoidExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isCallExpression(e) ? e : undefined;
}

/**
 * `try { await slack.reactions.add({ channel, timestamp, name: "white_check_mark" }); } catch (e) {
 * logger.debug("Failed to add reaction", e); }`: a log-only catch around a chat acknowledgement,
 * the try form of the `.catch` one. The try ends with the acknowledgement; anything before it
 * (`await ensureBotInChannel(…)`, `const slack = bot.getAdapter("slack")`) only prepares it, and
 * then only a log at a level meant to be off in production (`debug`, `trace`) says the failure is
 * expected. A try whose every call acknowledges may log at any level.
 */
export function tryOnlyAcksChat(clause: ts.CatchClause): boolean {
  const stmts = (clause.parent as ts.TryStatement).tryBlock.statements;
  const last = stmts[stmts.length - 1];
  const ack = last && statementCall(last);
  if (!ack || !isChatAck(ack)) return false;
  const logs = clause.block.statements;
  if (logs.length === 0 || !logs.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const before = stmts.slice(0, -1);
  if (before.every((st) => { const c = statementCall(st); return c !== undefined && isChatAck(c); })) return true;
  // Preparation: calls and locals only (nothing assigned outside the try), before a quiet log.
  return before.every((st) => ts.isVariableStatement(st) || statementCall(st) !== undefined) && logs.every(isQuietLog);
}
