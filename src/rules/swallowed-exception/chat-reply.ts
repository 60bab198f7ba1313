/**
 * A chat handler's reply to the message it handles, as the handler's last step: when the reply
 * fails, the one to tell is the user the reply was for (held round 22, debatable). And a failure
 * message a catch puts in the reply the handler then sends: the user is told.
 */
import { ts } from "../../engine/ts";
import { calleeName, isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogCall, localAssignment, references, returnsAValue, saysFailure } from "./analysis";

// `ctx.reply(…)`, `bot.sendMessage(chatId, …)`, `sendMessageViaAPI(jid, …)`, `interaction.followUp(…)`.
const REPLY_CALL_RE = /^(?:reply\w*|send\w*Message\w*|sendText\w*|editMessageText|editReply|followUp|enviar(?:Texto|Mensaje|Mensagem)\w*)$/;
// The message a chat handler answers: a Baileys/Telegram `message`, grammY's `ctx`, discord.js `interaction`.
const CHAT_PARAM_RE = /^(?:message|msg|interaction|ctx)$/;

/** The chat parameters of the function around `node` (`message`, `ctx`, …), and that function. */
function chatHandlerOf(node: ts.Node): { fn: ts.FunctionLikeDeclaration; chat: string[] } | undefined {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !isFunctionLike(fn)) return undefined;
  const chat = fn.parameters.map((q) => (ts.isIdentifier(q.name) ? q.name.text : "")).filter((n) => CHAT_PARAM_RE.test(n));
  return chat.length > 0 ? { fn, chat } : undefined;
}

/** A call that replies in the chat of one of `chat`: the receiver or an argument reads it (`message.key.remoteJid`). */
function repliesTo(call: ts.CallExpression, chat: readonly string[]): boolean {
  if (!REPLY_CALL_RE.test(calleeName(call) ?? "")) return false;
  const on = ts.isPropertyAccessExpression(call.expression) ? [call.expression.expression, ...call.arguments] : call.arguments;
  return on.some((a) => chat.some((c) => references(a, c)));
}

/**
 * Nothing runs in the function after `stmt`: at each level up to the body, the statements after it
 * are none or begin with a bare `return;`, through `if`/`else` branches and the block of an outer
 * `try` (not through a loop, whose next item runs after it).
 */
function lastStepOf(stmt: ts.Statement, fn: ts.FunctionLikeDeclaration): boolean {
  let at: ts.Node = stmt;
  for (;;) {
    const list = at.parent;
    if (ts.isBlock(list)) {
      const rest = list.statements.slice(list.statements.indexOf(at as ts.Statement) + 1);
      if (rest.length > 0) return ts.isReturnStatement(rest[0]!) && !rest[0].expression;
      if (list === fn.body) return true;
      at = list;
    } else if (ts.isIfStatement(list) || (ts.isTryStatement(list) && list.tryBlock === at)) {
      at = list;
    } else return false;
  }
}

/**
 * `const handleMessage = async (message) => { …; try { await sendMessageViaAPI(message.key.remoteJid, reply); }
 * catch (e) { log(e); } return; }`: a log-only catch around the reply to the handled message (every
 * statement of the try a log or such a reply, through `if`s) that is the handler's last step, in a
 * handler that answers no value. The reply was the telling: when it fails, the user it was for
 * cannot be told either, and nothing after it depends on it. A try that also does other work, a
 * send to anyone else (`bot.sendMessage(adminId, …)`), or work after it, stays reported.
 */
export function repliesLastInChat(tryStmt: ts.TryStatement): boolean {
  const handler = chatHandlerOf(tryStmt);
  if (!handler || !handler.fn.body || !ts.isBlock(handler.fn.body) || returnsAValue(handler.fn.body)) return false;
  let replies = 0;
  const ok = (stmts: readonly ts.Statement[]): boolean => stmts.every((s) => {
    if (ts.isIfStatement(s)) return [s.thenStatement, s.elseStatement].every((b) => !b || ok(ts.isBlock(b) ? b.statements : [b]));
    if (!ts.isExpressionStatement(s)) return false;
    let e = s.expression;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    if (isLogCall(e)) return true;
    if (ts.isCallExpression(e) && repliesTo(e, handler.chat)) return (replies++, true);
    return false;
  });
  return ok(tryStmt.tryBlock.statements) && replies > 0 && lastStepOf(tryStmt, handler.fn);
}

/**
 * `try { text = await runCommand(cmd); } catch (err) { log(err); text = "Не удалось выполнить команду."; }
 * await bot.sendMessage({ chat_id, text });`: the catch puts a message that says it failed into a
 * local that a reply in the chat then sends (the next statements of the try's block): the user is
 * told. A message that does not say so (`text = "Done"`), or a local only logged, stays reported.
 */
export function repliesWithTheFailure(tryStmt: ts.TryStatement, catchBlock: ts.Block): boolean {
  const told = new Set<string>();
  for (const s of catchBlock.statements) {
    const a = localAssignment(s);
    if (a?.value && (ts.isStringLiteralLike(a.value) || ts.isTemplateExpression(a.value)) && saysFailure(a.value.getText())) told.add(a.name);
  }
  const list = tryStmt.parent;
  if (told.size === 0 || !ts.isBlock(list)) return false;
  const after = list.statements.slice(list.statements.indexOf(tryStmt) + 1);
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isCallExpression(n) && REPLY_CALL_RE.test(calleeName(n) ?? "") && n.arguments.some((a) => [...told].some((name) => references(a, name)))) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return after.some(visit);
}
