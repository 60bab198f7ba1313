import rule from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// A convention of the held round 21 labellers (issue 11, session 21), as hand-written analogues:
// an edit that only clears a message's inline keyboard is a chat acknowledgement (tune
// fedesecco/gangyoo src/event.ts:496, v-kyrychenko/ka4-today-bot telegramMessagingService.ts:37).

const CLEAR = (edit: string) => dedent`
  export async function tidyButtons(ctx: Ctx) {
    if (!ctx.callbackQuery?.message) return;
    try {
      await ${edit};
    } catch (err) {
      console.warn("could not clear the buttons", err);
    }
  }
  type Ctx = { callbackQuery?: { message?: object }; editMessageReplyMarkup(o?: object): Promise<unknown> };
`;

const valid: (string | ValidCase)[] = [
  CLEAR("ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } })"),
  CLEAR("ctx.editMessageReplyMarkup()"),
  CLEAR("ctx.editMessageReplyMarkup(undefined)"),
  { code: 'export async function dropKeyboard(bot: Bot, chatId: number, messageId: number) {\n  try {\n    await bot.editMessageReplyMarkup({ inline_keyboard: [] }, { chat_id: chatId, message_id: messageId });\n  } catch (e) {\n    logError(`keyboard removal failed for ${chatId}`, e);\n  }\n}\n', filename: "src/telegram.ts" },
  { code: "export function clearButtons(api: Api, chatId: number, messageId: number) {\n  return api.editMessageReplyMarkup(chatId, messageId).catch(() => {});\n}\n", filename: "src/telegram.ts" },
];

const KEYBOARD = CLEAR("ctx.editMessageReplyMarkup({ reply_markup: nextKeyboard() })");

const invalid: InvalidCase[] = [
  {
    name: "an edit that sets a keyboard the user needs stays reported",
    code: KEYBOARD,
    findings: [{ case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [{ title: "Mark as intentionally ignored…", output: KEYBOARD.replace("  } catch (err) {\n", "  } catch (err) {\n    // Intentionally ignored: <reason>\n") }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
