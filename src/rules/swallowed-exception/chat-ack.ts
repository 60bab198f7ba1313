/**
 * Cosmetic chat acknowledgements: the typing indicator, an emoji reaction, the answer to a
 * button's callback query, suggested prompts. They fail when the query has expired, the bot is not
 * in the channel or the message is gone, and nothing else depends on them.
 */
import { ts } from "../../engine/ts";
import { bareExpression, containsAwait } from "../../engine/ast";
import { constInitializer, isLogCall, isLogStatement } from "./analysis";
import { isQuietLog } from "./probes";
import { ownCallCannotReject } from "./handled-inside";

// Telegram Bot API / grammY / Telegraf (`answerCallbackQuery`, `answerCbQuery`, `sendChatAction`,
// `setMessageReaction`, and `editMessageReplyMarkup` when it only clears the buttons), the Vercel chat SDK and discord.js typing indicators (`startTyping`,
// `sendTyping`), discord.js `message.react(…)`, Slack's assistant `setSuggestedPrompts`.
const CHAT_ACK_METHODS = new Set(["answerCallbackQuery", "answerCbQuery", "sendChatAction", "setMessageReaction", "startTyping", "sendTyping", "setSuggestedPrompts"]);
// A project helper that only shows the typing indicator: `sendTypingIndicator`, `showTyping`, `startTypingAction`.
const TYPING_HELPER_RE = /^(?:send|show|start|set)Typing(?:Indicator|Action|Status)?$/;
const MESSAGE_RECEIVER_RE = /^(?:message|msg|reply|sent|interaction)$|(?:Message|Msg)$/;

/**
 * `bot.answerCallbackQuery(id)`, `thread.startTyping("…")`, `slack.reactions.add({ name })` (Slack
 * Web API), `message.react("👍")`: a call that only acknowledges in the chat.
 */
export function isChatAck(call: ts.CallExpression): boolean {
  if (ts.isIdentifier(call.expression) && call.expression.text === "fetch") return callsAckMethod(call.arguments[0]);
  // `sendTypingIndicator(CONFIG, message.id)`: the project's own helper named for the typing indicator.
  if (ts.isIdentifier(call.expression) && TYPING_HELPER_RE.test(call.expression.text)) return true;
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  if (CHAT_ACK_METHODS.has(method)) return true;
  if (method === "editMessageReplyMarkup") return call.arguments.every(clearsMarkup);
  const recv = call.expression.expression;
  const recvName = ts.isIdentifier(recv) ? recv.text : ts.isPropertyAccessExpression(recv) ? recv.name.text : "";
  if (method === "add" && recvName === "reactions") return true;
  // discord.js `reaction.users.remove(client.user)`, `message.reactions.removeAll()`: taking a reaction back.
  if ((method === "remove" || method === "removeAll") && (/\breactions?\b/.test(recv.getText()) || heldReaction(recv))) return true;
  return method === "react" && MESSAGE_RECEIVER_RE.test(recvName);
}

// `https://api.telegram.org/bot${token}/sendChatAction`: a Bot API method as the URL's last path segment.
const ACK_URL_RE = new RegExp(`/(?:${[...CHAT_ACK_METHODS].join("|")})(?:[?\`'"]|$)`);

/**
 * `fetch(\`https://api.telegram.org/bot${token}/sendChatAction\`, …)`, also through a `const url` of
 * an enclosing block: the Bot API's acknowledgement called by hand (held round 25: Edge Functions
 * without a bot library).
 */
function callsAckMethod(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  const e = ts.isIdentifier(arg) ? constInitializer(arg) : arg;
  return e !== undefined && (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) && ACK_URL_RE.test(e.getText());
}

/** `pending.users` where `const pending = message.reactions.cache.get("⏳")` earlier in an enclosing block: a reaction. */
function heldReaction(recv: ts.Expression): boolean {
  let root = recv;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return false;
  const name = root.text;
  for (let n: ts.Node | undefined = recv.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return d.initializer !== undefined && /\.reactions\b/.test(d.initializer.getText());
    }
    if (ts.isFunctionLike(n.parent)) return false;
  }
  return false;
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
  const e = bareExpression(st.expression);
  return ts.isCallExpression(e) ? e : undefined;
}

/**
 * `try { await slack.reactions.add({ channel, timestamp, name: "white_check_mark" }); } catch (e) {
 * logger.debug("Failed to add reaction", e); }`: a log-only catch around a chat acknowledgement,
 * the try form of the `.catch` one. Log lines in the try are not work; an `if` whose body only
 * acknowledges (`if (reaction.me) await reaction.users.remove(bot)`) acknowledges, and so does a
 * call of the file's own helper that cannot reject (`await this.removeLoadingReaction(message)`,
 * whose own catch ends every failure). Locals set without an `await` and read only by
 * those acknowledgements (`const reaction = message.reactions.cache.find(…)`) prepare them. Anything else before the
 * last acknowledgement (`await ensureBotInChannel(…)`, `const slack = bot.getAdapter("slack")`)
 * only prepares it when a log at a level meant to be off in production (`debug`, `trace`) says
 * the failure is expected. A try whose every call acknowledges may log at any level.
 */
export function tryOnlyAcksChat(clause: ts.CatchClause): boolean {
  const logs = clause.block.statements;
  if (logs.length === 0 || !logs.every((st) => ts.isExpressionStatement(st) && isLogCall(st.expression))) return false;
  const stmts = (clause.parent as ts.TryStatement).tryBlock.statements.filter((st) => !isLogStatement(st));
  const last = stmts[stmts.length - 1];
  if (!last || !acks(last) || !stmts.some(acksInChat)) return false;
  const before = stmts.slice(0, -1);
  const acksOnly = before.filter((st) => !acks(st));
  if (acksOnly.every((st) => ts.isVariableStatement(st) && onlyReadByAcks(st, stmts))) return true;
  // Preparation: calls and locals only (nothing assigned outside the try), before a quiet log.
  return acksOnly.every((st) => ts.isVariableStatement(st) || statementCall(st) !== undefined) && logs.every(isQuietLog);
}

/** An acknowledging call, or an `if` around one: at least one statement of the try must be one. */
function acksInChat(st: ts.Statement): boolean {
  const call = statementCall(st);
  if (call) return isChatAck(call);
  return ts.isIfStatement(st) && acks(st) && (ts.isBlock(st.thenStatement) ? st.thenStatement.statements.some(acksInChat) : acksInChat(st.thenStatement));
}

/** A statement that only acknowledges: an acknowledging call, a call that cannot reject, or an `if` (no `else`) on a plain test whose body only does that. */
function acks(st: ts.Statement): boolean {
  if (ts.isIfStatement(st)) {
    if (st.elseStatement || !plainTest(st.expression)) return false;
    const body = ts.isBlock(st.thenStatement) ? st.thenStatement.statements.filter((x) => !isLogStatement(x)) : [st.thenStatement];
    return body.length > 0 && body.every(acks);
  }
  const call = statementCall(st);
  return call !== undefined && (isChatAck(call) || ownCallCannotReject(call));
}

/** `reaction && reaction.me`: reads and comparisons, no call. */
function plainTest(e: ts.Expression): boolean {
  if (ts.isCallExpression(e) || ts.isAwaitExpression(e) || ts.isNewExpression(e)) return false;
  return !(ts.forEachChild(e, (c) => (ts.isExpression(c) && !plainTest(c) ? true : undefined)) ?? false);
}

/** `const reaction = message.reactions.cache.find(…)` (nothing awaited) whose names are read only inside the acknowledging statements of the try. */
function onlyReadByAcks(decl: ts.VariableStatement, stmts: readonly ts.Statement[]): boolean {
  const names = decl.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) && !(d.initializer && containsAwait(d.initializer)) ? d.name.text : ""));
  if (names.includes("")) return false;
  const ackStmts = stmts.filter(acks);
  let read = false;
  let elsewhere = false;
  const visit = (n: ts.Node, inAck: boolean): void => {
    if (ts.isIdentifier(n) && names.includes(n.text) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      if (inAck) read = true;
      else elsewhere = true;
    }
    ts.forEachChild(n, (c) => visit(c, inAck));
  };
  for (const st of stmts) if (st !== decl) visit(st, ackStmts.includes(st));
  return read && !elsewhere;
}
