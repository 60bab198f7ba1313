import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 28, developer ub28a (tune part). Hand-written rows.

const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"joi\": \"^17.0.0\" } }\n" };

// An element of a parsed document tested for truthiness as part of its own check in the same condition
// (`if (translations[lang] && typeof translations[lang] === "string")`; Houman6460/OCUS-jub-hunter
// functions/lib/translation-service.ts:120, labelled clean): like `!body.values || typeof body.values !==
// "object"` for a field, the test cannot let a non-string through. Tested for truthiness alone, it can.
const TRANSLATIONS = (test: string) => dedent`
  import fs from "node:fs";
  const LANGS = ["en", "de", "fr"];
  export function loadTranslations(file: string) {
    const translations = JSON.parse(fs.readFileSync(file, "utf8"));
    const result: Record<string, string> = {};
    for (const lang of LANGS) {
      if (${test}) {
        result[lang] = translations[lang].trim();
      }
    }
    return result;
  }
`;
const TRUTHY_ONLY = TRANSLATIONS("translations[lang]");

// An error body read in the `else` of `if (res.ok)` (Clayton80024/onboardr
// process-payment-reminders/index.ts:152, labelled clean): only a failed response gets there, so the body is an
// error body, here only wording the answered error list. With another operand in the test (`res.ok && …`) an ok
// response gets into the `else` too.
const REMINDERS = (test: string) => dedent`
  Deno.serve(async (req) => {
    const errors: string[] = [];
    for (const id of ["a", "b"]) {
      const res = await fetch(\`https://api.example.com/remind/\${id}\`, { method: "POST" });
      const sent = res.headers.get("x-sent") === "1";
      if (${test}) {
        console.log("sent", id);
      } else {
        const errorData = await res.json();
        errors.push(\`\${id}: \${errorData.error || "Unknown error"}\`);
      }
    }
    return new Response(JSON.stringify({ errors }));
  });
`;
const REMINDERS_AND = REMINDERS("res.ok && sent");

// A model's JSON parsed and handed whole to other modules (TravisLovable/travis-wanderlust-guide
// src/lib/claude.ts:114, polarbaker/indaba-care-sa-deployment src/lib/ai.ts:223, sydykovkanat/sydykov
// src/openai/openai.service.ts:226, labelled findings): an exported function, or a public method of an exported
// class, that nothing in its own module calls returns it to its importers, reported once at the parse (the
// docs' "a model's JSON parsed in a shared service and returned"). Not exported, or called in its own module
// (judged at that call), it is not.
const RECOMMEND = (head: string, tail = "") => dedent`
  import { generateText } from "ai";
  ${head} async function recommendContent(prompt: string) {
    const { text } = await generateText({ model, prompt });
    try {
      return JSON.parse(text);
    } catch {
      return [];
    }
  }
  ${tail}
`;
const RECOMMEND_EXPORTED = RECOMMEND("export");
const FACTS = dedent`
  import OpenAI from "openai";
  const openai = new OpenAI();
  export class OpenaiService {
    async extractFacts(conversation: string) {
      const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: conversation }] });
      const content = completion.choices[0]?.message?.content;
      if (!content) return [];
      const facts = JSON.parse(content.trim());
      if (!Array.isArray(facts)) return [];
      return facts;
    }
  }
`;

// A user's chat text only sent on as the text of a message to the admin chat through the project's messaging
// service (RealCodeCrafter/shop-bot src/modules/telegram/handlers/help.handler.ts:39, labelled clean; round 25's
// decision: a user's text only relayed to the admin chat is no use), like `bot.sendMessage(chatId, text)`. Handed
// to another method of the service (one that may keep it), it stays a use.
const HELP = (method: string) => dedent`
  import TelegramBot from "node-telegram-bot-api";
  import { TelegramService } from "./telegram.service";
  const ADMIN_ID = "5661241603";
  export class HelpHandler {
    constructor(private telegramService: TelegramService) {}
    handle(bot: TelegramBot) {
      bot.on("message", async (msg) => {
        const text = msg.text;
        if (!text) return;
        const adminMessage = \`Help request from \${msg.from.id}: \${text}\`;
        await this.telegramService.${method}(ADMIN_ID, adminMessage);
      });
    }
  }
`;
const HELP_SAVED = HELP("saveMessage");

// A typed client helper handing the app's own API reply, fetched by a literal relative path, whole to the modules
// that import it (RobertP2705/v0-ai-agent-dashboard lib/swarm-client.ts:41/47, ftasenjo/v0-ai-contact-center-ui-2
// lib/twilio-client.ts and lib/vapi-client.ts, labelled findings, debatable; held rounds 25, 26 and 29). Another
// host's reply returned whole is judged by its callers (round 28), which this module does not hold.
const SWARM = (url: string) => dedent`
  export interface SwarmAgent { id: string; name: string }
  export async function getAgents(): Promise<SwarmAgent[]> {
    const res = await fetch(${url});
    if (!res.ok) throw new Error("Failed to fetch agents");
    return res.json();
  }
`;
const SWARM_OWN = SWARM("\"/api/agents\"");

const valid: ValidCase[] = [
  { name: "jsonParseExternal: an element's truthiness test that is part of its own typeof check", code: TRANSLATIONS("translations[lang] && typeof translations[lang] === \"string\""), filename: "src/translate.ts" },
  { name: "fetchJson: an error body read in the else of if (res.ok), only wording the answered errors", code: REMINDERS("res.ok"), filename: "supabase/functions/reminders/index.ts" },
  { name: "jsonParseExternal: a model's JSON returned by a function the module keeps to itself", code: RECOMMEND(""), filename: "src/lib/ai.ts" },
  { name: "jsonParseExternal: a model's JSON returned to a caller in the module that only logs it", code: RECOMMEND("export", "export async function logIt() { console.log(await recommendContent(\"x\")); }"), filename: "src/lib/ai.ts" },
  { name: "messagePayload: a user's chat text only sent on to the admin chat through the messaging service", code: HELP("sendMessage"), filename: "src/modules/telegram/handlers/help.handler.ts" },
  { name: "fetchJson: another host's reply returned whole by an exported helper (judged by its callers)", code: SWARM("\"https://api.example.com/agents\""), filename: "lib/swarm-client.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "jsonParseExternal: the element only tested for truthiness, then trimmed",
    code: TRUTHY_ONLY,
    filename: "src/translate.ts",
    findings: [{ case: "jsonParseExternal", line: 4, column: 24, endColumn: 65, suggestions: [mark(TRUTHY_ONLY, "jsonParseExternal", 4)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: the same read when an ok response can reach the else",
    code: REMINDERS_AND,
    filename: "supabase/functions/reminders/index.ts",
    findings: [{ case: "fetchJson", line: 9, column: 31, endColumn: 41, suggestions: [mark(REMINDERS_AND, "fetchJson", 9)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a model's JSON returned whole by an exported function",
    code: RECOMMEND_EXPORTED,
    filename: "src/lib/ai.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 12, endColumn: 28, suggestions: [mark(RECOMMEND_EXPORTED, "jsonParseExternal", 5)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a model's array returned whole by a method of an exported class",
    code: FACTS,
    filename: "src/openai/openai.service.ts",
    findings: [{ case: "jsonParseExternal", line: 8, column: 19, endColumn: 45, suggestions: [mark(FACTS, "jsonParseExternal", 8)] }],
    files: JOI,
    output: null,
  },
  {
    name: "messagePayload: the same text handed to another method of the service",
    code: HELP_SAVED,
    filename: "src/modules/telegram/handlers/help.handler.ts",
    findings: [{ case: "messagePayload", line: 8, column: 20, endColumn: 28, suggestions: [mark(HELP_SAVED, "messagePayload", 8)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: the app's own API reply returned whole by an exported client helper",
    code: SWARM_OWN,
    filename: "lib/swarm-client.ts",
    findings: [{ case: "fetchJson", line: 5, column: 10, endColumn: 20, suggestions: [mark(SWARM_OWN, "fetchJson", 5)] }],
    files: JOI,
    output: null,
  },
];

runWithNamedCases(valid, invalid);
