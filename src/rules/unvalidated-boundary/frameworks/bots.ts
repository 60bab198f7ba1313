import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { callOfArgument, enclosingFunction, findBinding, findRefs, isFunctionLike, receiverSegments, shortText, unwrap, type FunctionLike } from "../ast";
import { containsAnyOf } from "../../../engine/text-scan";
import { hasModule, type FileFacts, type Source } from "../source";
import { TreeMemo } from "../../../engine/tree-memo";

/**
 * Chat-bot input: what a user typed into Telegram (telegraf, grammY, node-telegram-bot-api,
 * nestjs-telegraf) or Discord (discord.js). Each value is a scalar: like a form field it is
 * reported only where it reaches a sink (a query or a stored record, a file path, a property
 * key, an outbound URL). Ids that the platform itself sets (`ctx.from.id`, `msg.chat.id`,
 * `message.author.id`) are not input.
 */
export const BOT_MODULES = ["telegraf", "grammy", "node-telegram-bot-api", "nestjs-telegraf", "discord.js", "@grammyjs", "gramio", "puregram", "telebot", "node-telegram-bot"] as const;
/** Calls that mark a bot module even when it imports no bot library (a handler file). */
export const BOT_MARKERS = ["ctx.reply(", "ctx.replyWithHTML(", "ctx.answerCbQuery(", "ctx.editMessageText(", "ctx.answerCallbackQuery(", "bot.sendMessage(", "interaction.reply(", "interaction.deferReply(", "message.reply("];
const hasBotMarker = containsAnyOf(BOT_MARKERS);

/** A chat-bot module: it imports a bot library or answers through one. Asked on first use (a whole-text read), then kept in the facts. */
export function isBotModule(facts: FileFacts): boolean {
  return (facts.bot ??= hasModule(facts, ...BOT_MODULES) || hasBotMarker(facts.text));
}

// `ctx.message.text`, `ctx.msg.caption`, `ctx.update.message.text`, `ctx.editedMessage.text`.
const MESSAGE_HOLDERS = new Set(["message", "msg", "editedMessage", "edited_message", "channelPost", "channel_post"]);
const TEXT_FIELDS = new Set(["text", "caption"]);
// `ctx.callbackQuery.data`, `ctx.update.callback_query.data`, `ctx.inlineQuery.query`.
const QUERY_HOLDERS = new Set(["callbackQuery", "callback_query", "inlineQuery", "inline_query"]);
// node-telegram-bot-api / discord.js event names whose first argument is the user's message.
const TEXT_EVENTS = new Set(["message", "text", "edited_message", "channel_post", "messageCreate", "message:text", "msg:text", "callback_query", "inline_query", "callback_query:data"]);
// Only text options: `getInteger`/`getNumber`/`getBoolean`/`getUser`… arrive typed (and within any
// `setMinValue`/`setMaxValue`) because Discord checks them against the command's declaration.
const OPTION_GETTERS = new Set(["getString", "getFocused"]);

/** grammY conversations: `const { message } = await conversation.waitFor("message:text")`, `const c = await conversation.wait()`. */
function conversationWait(decl: ts.VariableDeclaration): boolean {
  const init = decl.initializer && unwrap(decl.initializer);
  return !!init && ts.isCallExpression(init) && /^wait(?:For\w*|Until|Unless|From)?$/.test(calleeName(init) ?? "") && receiverSegments(init).length > 0;
}

/** The handler whose update the chain starts from (`ctx` in `ctx.message.text`), if any. */
function updateRoot(e: ts.Expression): FunctionLike | undefined {
  let cur = e;
  for (let i = 0; i < 4 && ts.isPropertyAccessExpression(cur); i++) cur = cur.expression;
  if (!ts.isIdentifier(cur)) return undefined;
  const b = findBinding(cur);
  if (b?.kind === "param" && !b.element) return b.fn;
  if (b?.kind === "var" && !b.element && conversationWait(b.decl)) return enclosingFunction(b.decl);
  return undefined;
}

/** The event a handler is registered for (`bot.on("message", fn)`), or undefined. */
function handlerEvent(fn: FunctionLike): string | undefined {
  const at = callOfArgument(fn);
  if (!at) return undefined;
  const ev = at.call.arguments[0];
  const name = calleeName(at.call);
  if (name === "onText") return "message";
  if (name !== "on" && name !== "once") return undefined;
  return ev && ts.isStringLiteral(ev) ? ev.text : undefined;
}

function make(node: ts.Node, value: ts.Node, fn: FunctionLike, sf: ts.SourceFile): Source {
  const read = shortText(value, sf);
  return {
    caseId: "messagePayload",
    node,
    values: [value],
    kind: "scalar",
    read,
    handler: fn,
    channel: { kind: "throw" },
    schemaSuffix: "Text",
    // No dedupe key: `message.content.startsWith("!")` tests a command prefix, it does not gate the later reads.
  };
}

/** `ctx.message.text`, `msg.text`, `ctx.callbackQuery.data`, `ctx.match[1]`, `ctx.payload`, `message.content`. */
export function botPropertySource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const field = node.name.text;
  const base = node.expression;
  // `req.body = …`, `ctx.message.text = …`: a write, not a read.
  const p = node.parent;
  if (p && ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return undefined;
  // The module question reads the whole text: asked once the read has a shape this function takes.
  if (TEXT_FIELDS.has(field) || field === "data" || field === "query") {
    const holders = field === "text" || field === "caption" ? MESSAGE_HOLDERS : QUERY_HOLDERS;
    if (field === "query" && !(ts.isPropertyAccessExpression(base) && (base.name.text === "inlineQuery" || base.name.text === "inline_query"))) return undefined;
    if (!isBotModule(facts)) return undefined;
    if (ts.isPropertyAccessExpression(base) && holders.has(base.name.text)) {
      const fn = updateRoot(base);
      return fn ? make(node, node, fn, sf) : undefined;
    }
    // node-telegram-bot-api: `bot.on("message", (msg) => msg.text)`, `bot.on("callback_query", (q) => q.data)`.
    if (ts.isIdentifier(base) && field !== "query") {
      const b = findBinding(base);
      if (b?.kind === "var" && b.element && MESSAGE_HOLDERS.has(base.text) && field !== "data" && conversationWait(b.decl)) {
        const fn = enclosingFunction(b.decl);
        return fn ? make(node, node, fn, sf) : undefined;
      }
      // nestjs-telegraf: `@Message() msg` holds the update's message.
      if (b?.kind === "param" && !b.element && field !== "data" && decoratorName(b.param) === "Message") return make(node, node, b.fn, sf);
      if (!b || b.kind !== "param" || b.element || b.index !== 0) return undefined;
      const ev = handlerEvent(b.fn);
      if (!ev || !TEXT_EVENTS.has(ev)) return undefined;
      if (field === "data" ? !ev.startsWith("callback_query") : ev.startsWith("callback_query") || ev.startsWith("inline_query")) return undefined;
      return make(node, node, b.fn, sf);
    }
    return undefined;
  }
  // discord.js: `client.on("messageCreate", (message) => message.content)`.
  if (field === "content" && ts.isIdentifier(base)) {
    if (!isBotModule(facts)) return undefined;
    const b = findBinding(base);
    if (!b || b.kind !== "param" || b.element || b.index !== 0) return undefined;
    const ev = handlerEvent(b.fn);
    return ev === "messageCreate" || ev === "message" ? make(node, node, b.fn, sf) : undefined;
  }
  // telegraf/grammY: `ctx.match[1]` (hears/action regex groups), grammY's `ctx.match` (the command's
  // argument text), telegraf's `ctx.payload`.
  if ((field === "match" || field === "payload") && ts.isIdentifier(base)) {
    if (!isBotModule(facts)) return undefined;
    const b = findBinding(base);
    if (!b || b.kind !== "param" || b.element || b.index !== 0) return undefined;
    const q = node.parent;
    if (field === "match" && q && ts.isElementAccessExpression(q) && q.expression === node) {
      // `@Action(/^pages:(4|6|8)$/)`: the trigger regex already checked the whole callback data.
      return pinnedTrigger(b.fn) ? undefined : make(node, q, b.fn, sf);
    }
    // telegraf's `ctx.match.input` (the RegExpExecArray's whole text: the callback data or message the trigger
    // matched, gHashTag/neuro-blogger-telegraf-bot `src/bot.ts:43`): the text, pinned only by an anchored trigger.
    if (field === "match" && q && ts.isPropertyAccessExpression(q) && q.expression === node && q.name.text === "input") {
      return pinnedTrigger(b.fn) ? undefined : make(node, q, b.fn, sf);
    }
    return make(node, node, b.fn, sf);
  }
  return undefined;
}

// Trigger decorators and registrations whose regex the update's text or callback data must match.
const TRIGGERS = new Set(["Action", "Hears", "action", "hears", "callbackQuery"]);

/**
 * The handler's trigger regex pins every group: anchored at both ends, with no wildcard
 * (`.`, `\S`, `\W`, `\D`, a negated class): `@Action(/^language:(uz|ru|en)$/)`,
 * `bot.action(/^item:(\d+)$/, fn)`. Then `ctx.match[n]` is one of the values the regex allows, like
 * a regex test. `/topic_(.+)/` pins nothing. A regex held in a module constant is followed.
 */
function pinnedTrigger(fn: FunctionLike): boolean {
  let arg: ts.Expression | undefined;
  if (ts.isMethodDeclaration(fn)) {
    for (const d of ts.getDecorators(fn) ?? []) {
      const c = d.expression;
      if (ts.isCallExpression(c) && ts.isIdentifier(c.expression) && TRIGGERS.has(c.expression.text)) arg = c.arguments[0];
    }
  } else {
    const at = callOfArgument(fn);
    if (at && TRIGGERS.has(calleeName(at.call) ?? "") && at.call.arguments[0] !== fn) arg = at.call.arguments[0];
  }
  if (arg && ts.isIdentifier(arg)) {
    const b = findBinding(arg);
    const init = b?.kind === "var" && !b.element && b.decl.parent.flags & ts.NodeFlags.Const ? b.decl.initializer : undefined;
    arg = init;
  }
  if (!arg || !ts.isRegularExpressionLiteral(arg)) return false;
  const src = arg.text.slice(1, arg.text.lastIndexOf("/"));
  if (!src.startsWith("^") || !src.endsWith("$") || src.endsWith("\\$")) return false;
  // Any unescaped `.`, or `\S`/`\W`/`\D`, or a negated class lets the group hold anything.
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") {
      if (/[SWD]/.test(src[i + 1] ?? "")) return false;
      i++;
      continue;
    }
    if (ch === "." || (ch === "[" && src[i + 1] === "^")) return false;
  }
  return /\(/.test(src);
}

/** node-telegram-bot-api `bot.onText(/\/note (.+)/, (msg, match) => …)`: each `match[n]` is the user's text. */
export function onTextSources(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const out: Source[] = [];
  if (!isBotModule(facts)) return out;
  const fn = call.arguments[1];
  if (!fn || !isFunctionLike(fn) || !fn.body) return out;
  const m = fn.parameters[1];
  if (!m || !ts.isIdentifier(m.name)) return out;
  for (const ref of findRefs(m.name.text, fn.body, fn.body.pos)) {
    const q = ref.parent;
    if (q && ts.isElementAccessExpression(q) && q.expression === ref) out.push(make(q, q, fn, sf));
  }
  return out;
}

/** discord.js `interaction.options.getString("name")`: a slash-command option the user typed. */
export function discordOptionSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (!isBotModule(facts) || !OPTION_GETTERS.has(calleeName(call) ?? "")) return undefined;
  const recv = receiverSegments(call);
  if (recv[recv.length - 1] !== "options") return undefined;
  const e = call.expression as ts.PropertyAccessExpression;
  const fn = updateRoot(e.expression);
  if (!fn) return undefined;
  const key = call.arguments[0];
  if (calleeName(call) === "getString" && key && ts.isStringLiteralLike(key) && choiceOptions(sf).has(key.text)) return undefined;
  // The options of one command are one input: reported once per handler, at the first that reaches a sink.
  return { ...make(call, call, fn, sf), onceKey: `${fn.pos}:options` };
}

const choiceOptionsOf = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/**
 * The string options a slash command of the module declares with choices: Discord accepts only
 * those values, an allowlist. Builder form (`.addStringOption((o) => o.setName("type").addChoices(…))`)
 * or JSON form (`{ name: "type", type: 3, choices: [...] }`).
 */
function choiceOptions(sf: ts.SourceFile): ReadonlySet<string> {
  let out = choiceOptionsOf.get(sf);
  if (out) return out;
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && (calleeName(n) === "addChoices" || calleeName(n) === "setChoices")) {
      for (let e: ts.Expression = n.expression; ts.isPropertyAccessExpression(e) && ts.isCallExpression(e.expression); e = e.expression.expression) {
        const c = e.expression;
        const arg = c.arguments[0];
        if (calleeName(c) === "setName" && arg && ts.isStringLiteralLike(arg)) names.add(arg.text);
      }
    } else if (ts.isObjectLiteralExpression(n)) {
      let name: string | undefined;
      let choices = false;
      for (const p of n.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
        if (p.name.text === "name" && ts.isStringLiteralLike(p.initializer)) name = p.initializer.text;
        if (p.name.text === "choices" && ts.isArrayLiteralExpression(p.initializer) && p.initializer.elements.length > 0) choices = true;
      }
      if (name && choices) names.add(name);
    }
    ts.forEachChild(n, visit);
  };
  if (sf.text.includes("hoices")) visit(sf);
  out = names;
  choiceOptionsOf.set(sf, out);
  return out;
}

function decoratorName(param: ts.ParameterDeclaration): string | undefined {
  const dec = ts.canHaveDecorators(param) ? ts.getDecorators(param)?.[0] : undefined;
  const e = dec && ts.isCallExpression(dec.expression) ? dec.expression.expression : undefined;
  return e && ts.isIdentifier(e) ? e.text : undefined;
}

/** nestjs-telegraf `@Message("text") text: string`: the text the user sent, as a parameter. */
export function nestTelegrafSource(dec: ts.Decorator, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const call = dec.expression;
  if (!isBotModule(facts) || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "Message") return undefined;
  const key = call.arguments[0];
  if (!key || !ts.isStringLiteral(key) || !TEXT_FIELDS.has(key.text)) return undefined;
  const param = dec.parent;
  if (!ts.isParameter(param) || !ts.isIdentifier(param.name) || !isFunctionLike(param.parent)) return undefined;
  return { ...make(param.name, param.name, param.parent, sf), param };
}

const CHAT_SENDS = new Set(["sendMessage", "sendText", "sendTextMessage"]);

/**
 * `this.telegramService.sendMessage(adminTelegramId, adminMessage)`: a chat message's text sent on as the
 * text of another chat message (to the admin chat) through the project's messaging service is relayed, not
 * kept: like `bot.sendMessage(chatId, text)`. The chat id (the first argument) still counts.
 */
export function chatTextRelayed(call: ts.CallExpression, arg: ts.Node): boolean {
  const name = calleeName(call);
  if (!name || !CHAT_SENDS.has(name) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const at = call.arguments.indexOf(arg as ts.Expression);
  return at >= 1 && receiverSegments(call).some((s) => /(?:telegram|bot|chat|whatsapp|discord|slack|messenger)/i.test(s));
}
