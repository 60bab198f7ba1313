import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 37 (retired to tune), session 34, developer ub34c: a chat message's value judged by where it goes,
// through the project's own modules (mehbayat/claude-telegram-bot text.ts:24, photo.ts:174, callback.ts:22):
// - kept in a field of an object whose class saves that field later (`session.conversationTitle = title`, the
//   session module's `saveSession()` writing it into the history file): a stored use (round 29);
// - callback data dispatched on a literal prefix (`startsWith("askuser:")`) and then cut apart: the prefix test
//   checks nothing of the piece that goes into a file path, and a lookup in another command's branch that
//   leaves (`if (data.startsWith("resume:")) { …; return; }`) decides that command only;
// - a project function named like a check that gives the text back (`checkInterrupt(text)` returning `text` or
//   `text.slice(1)`) is no validator, and the reassigned text is the same input;
// - a length test that only picks the text or its truncation (`t.length > 50 ? t.slice(0, 47) + "…" : t`) refuses nothing.
// Hand-written rows in grammY (as in the repository) and in another code shape: telegraf with a store class
// declared in the module itself and a `slice` cut.

const GRAMMY = { "package.json": "{ \"name\": \"bot\", \"dependencies\": { \"grammy\": \"^1.30.0\" } }\n" };
const TELEGRAF = { "package.json": "{ \"name\": \"bot\", \"dependencies\": { \"telegraf\": \"^4.16.0\" } }\n" };

// The project's session module: an exported instance whose save() writes the title (not the last message) to a file.
const SESSION = dedent`
  import { writeFileSync } from "fs";
  class ChatSession {
    title: string | null = null;
    lastMessage = "";
    save(): void {
      const entry = { title: this.title || "Untitled", at: Date.now() };
      const history: { sessions: object[] } = { sessions: [] };
      history.sessions.unshift(entry);
      writeFileSync("/var/bot/sessions.json", JSON.stringify(history));
    }
  }
  export const session = new ChatSession();
`;

const UTILS = dedent`
  export async function checkInterrupt(text: string): Promise<string> {
    if (!text || !text.startsWith("!")) {
      return text;
    }
    const stripped = text.slice(1).trimStart();
    return stripped;
  }
`;

const GRAMMY_FILES = { ...GRAMMY, "src/session.ts": SESSION, "src/utils.ts": UTILS };

const valid: ValidCase[] = [
  // Kept only in a field no method writes out (in memory, for a retry).
  { name: "grammY: chat text kept in a session field that is never saved", filename: "src/handlers/retry.ts", files: GRAMMY_FILES, code: dedent`
    import type { Context } from "grammy";
    import { session } from "../session";
    export async function handleRetry(ctx: Context): Promise<void> {
      const text = ctx.message?.text;
      if (!text) return;
      session.lastMessage = text;
      await ctx.reply("ok");
    }
  ` },
  // Callback data dispatched on a prefix and only compared with literals afterwards.
  { name: "grammY: callback data dispatched on a prefix, its pieces only compared", filename: "src/handlers/menu.ts", files: GRAMMY_FILES, code: dedent`
    import type { Context } from "grammy";
    export async function handleMenu(ctx: Context): Promise<void> {
      const data = ctx.callbackQuery?.data;
      if (!data || !data.startsWith("menu:")) return;
      const [, page] = data.split(":");
      await ctx.reply(page === "help" ? "Help" : "Home");
    }
  ` },
  // telegraf: a store class in the module whose save() writes only its own counters.
  { name: "telegraf: a text kept in a store field the store never writes out", filename: "src/bot.ts", files: TELEGRAF, code: dedent`
    import { Telegraf } from "telegraf";
    import * as fs from "fs";
    class Store {
      draft = "";
      count = 0;
      flush() {
        fs.writeFileSync("/var/bot/count.json", JSON.stringify({ count: this.count }));
      }
    }
    const store = new Store();
    const bot = new Telegraf(process.env.BOT_TOKEN!);
    bot.on("text", async (ctx) => {
      store.draft = ctx.message.text;
      await ctx.reply("noted");
    });
  ` },
];

/** The line (1-based) of `code` that holds `text`. */
function lineOf(code: string, text: string): number {
  return code.split("\n").findIndex((l) => l.includes(text)) + 1;
}

/**
 * The Zod fix of a read `read` on line `line`: `import { z } from "zod"` after the module's imports, the schema
 * `const name = z.string();` and a blank line above the statement at `before`, the read wrapped in `name.parse(…)`.
 */
function zodFix(code: string, read: string, name: string, line: number, before: number): { title: string; output: string } {
  const lines = code.split("\n");
  lines[line - 1] = lines[line - 1]!.replace(read, `${name}.parse(${read})`);
  lines.splice(before - 1, 0, `const ${name} = z.string();`, "");
  const lastImport = lines.reduce((at, l, i) => (l.startsWith("import ") ? i : at), -1);
  lines.splice(lastImport + 1, 0, "import { z } from \"zod\";");
  return { title: `Validate ${read} with Zod (adds the zod dependency)`, output: lines.join("\n") };
}

function row(name: string, code: string, files: Record<string, string>, filename: string, line: number, column: number, endColumn: number, fix?: { title: string; output: string }): InvalidCase {
  return { name, code, filename, files, findings: [{ case: "messagePayload", line, column, endColumn, suggestions: [...(fix ? [fix] : []), mark(code, "messagePayload", line)] }], output: null };
}

const TEXT = dedent`
  import type { Context } from "grammy";
  import { session } from "../session";
  import { checkInterrupt } from "../utils";
  export async function handleText(ctx: Context): Promise<void> {
    let message = ctx.message?.text;
    if (!message) return;
    message = await checkInterrupt(message);
    if (!message.trim()) return;
    session.lastMessage = message;
    if (!session.title) {
      const title = message.length > 50 ? message.slice(0, 47) + "..." : message;
      session.title = title;
    }
    await ctx.reply("ok");
  }
`;

const CALLBACK = dedent`
  import type { Context } from "grammy";
  import { session } from "../session";
  export async function handleCallback(ctx: Context): Promise<void> {
    const callbackData = ctx.callbackQuery?.data;
    if (!callbackData) return;
    if (callbackData.startsWith("resume:")) {
      const id = callbackData.replace("resume:", "");
      if (id !== session.title) return;
      await ctx.reply("resumed");
      return;
    }
    if (!callbackData.startsWith("askuser:")) return;
    const parts = callbackData.split(":");
    const requestId = parts[1]!;
    const requestFile = \`/tmp/ask-user-\${requestId}.json\`;
    const file = Bun.file(requestFile);
    await ctx.reply(await file.text());
  }
`;

const TELEGRAF_STORE = dedent`
  import { Telegraf } from "telegraf";
  import { promises as fsp } from "fs";
  class Drafts {
    heading = "";
    async persist() {
      await fsp.writeFile("/var/bot/drafts.json", JSON.stringify([this.heading]));
    }
  }
  const drafts = new Drafts();
  const bot = new Telegraf(process.env.BOT_TOKEN!);
  bot.on("text", async (ctx) => {
    const heading = ctx.message.text;
    drafts.heading = heading.length > 80 ? heading.slice(0, 80) : heading;
    await ctx.reply("saved");
  });
  bot.action(/^del:.+$/, async (ctx) => {
    const data = ctx.callbackQuery.data;
    if (!data.startsWith("del:")) return;
    const name = data.slice("del:".length);
    await fsp.unlink(\`/var/bot/notes/\${name}.json\`);
    await ctx.answerCbQuery();
  });
`;

// Held round 37's ask_user_mcp/server.ts:69: the low-level MCP `Server` does not check a tool's arguments against
// the `inputSchema` it lists, so they are judged like a socket payload, by where they go; serialized whole or field
// by field (`JSON.stringify(requestData)`) into a file written (`Bun.write`, `fs.promises.writeFile`), they are a use.
const MCP = { "package.json": "{ \"name\": \"ask\", \"dependencies\": { \"@modelcontextprotocol/sdk\": \"^1.0.0\" } }\n" };

const ASK_SERVER = dedent`
  import { Server } from "@modelcontextprotocol/sdk/server/index.js";
  import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
  const server = new Server({ name: "ask-user", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name !== "ask_user") throw new Error("Unknown tool");
    const args = request.params.arguments as { question?: string; options?: string[] };
    const question = args.question || "";
    const options = args.options || [];
    if (!question || options.length < 2) throw new Error("question and options required");
    const id = crypto.randomUUID().slice(0, 8);
    const requestData = { request_id: id, question, options, status: "pending" };
    await Bun.write(\`/tmp/ask-user-\${id}.json\`, JSON.stringify(requestData, null, 2));
    return { content: [{ type: "text", text: "sent" }] };
  });
`;

// The Zod fix (a suggestion): the arguments' object schema from the cast's type, parsed at the read.
const ASK_SERVER_FIXED = ASK_SERVER.split("\n").flatMap((l, i) => {
  if (i === 1) return [l, "import { z } from \"zod\";"];
  if (i === 2) return [l, "const ArgsSchema = z.object({", "  question: z.string().optional(),", "  options: z.array(z.string()).optional(),", "});", ""];
  return [l.replace("const args = request.params.arguments as", "const args = ArgsSchema.parse(request.params.arguments) as")];
}).join("\n");

const NOTES_SERVER = dedent`
  const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
  const { CallToolRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
  const fs = require("fs");
  const srv = new Server({ name: "notes", version: "0.1.0" }, { capabilities: { tools: {} } });
  srv.setRequestHandler(CallToolRequestSchema, async (req) => {
    const input = req.params.arguments;
    await fs.promises.writeFile("/var/notes/latest.json", JSON.stringify({ title: input.title, body: input.body }));
    return { content: [{ type: "text", text: "saved" }] };
  });
`;

const mcpValid: ValidCase[] = [
  // Only forwarded to another API and answered as text (round 27: a stdio tool's arguments only forwarded are no use).
  { name: "MCP low-level Server: arguments only sent on to an API and echoed", filename: "src/server.ts", files: MCP, code: dedent`
    import { Server } from "@modelcontextprotocol/sdk/server/index.js";
    import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
    const server = new Server({ name: "search", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const args = request.params.arguments as { query?: string };
      const res = await fetch("https://api.example.com/search", { method: "POST", body: JSON.stringify({ q: args.query }) });
      return { content: [{ type: "text", text: \`\${args.query}: \${res.status}\` }] };
    });
  ` },
];

const invalid: InvalidCase[] = [
  row("grammY: the owner's text, through a pass-through check and a truncation, saved as the session title", TEXT, GRAMMY_FILES, "src/handlers/text.ts", 5, 17, 34, zodFix(TEXT, "ctx.message?.text", "HandleText", 5, 4)),
  row("grammY: callback data dispatched on a prefix then split into a Bun.file path", CALLBACK, GRAMMY_FILES, "src/handlers/callback.ts", 4, 24, 47, zodFix(CALLBACK, "ctx.callbackQuery?.data", "HandleCallbackText", 4, 3)),
  { name: "telegraf: a text saved through a module store's field and a prefix-cut callback into an unlink", code: TELEGRAF_STORE, filename: "src/bot.ts", files: TELEGRAF, output: null, findings: [
    { case: "messagePayload", line: lineOf(TELEGRAF_STORE, "ctx.message.text"), column: 19, endColumn: 35, suggestions: [zodFix(TELEGRAF_STORE, "ctx.message.text", "OnText", lineOf(TELEGRAF_STORE, "ctx.message.text"), lineOf(TELEGRAF_STORE, "bot.on(")), mark(TELEGRAF_STORE, "messagePayload", lineOf(TELEGRAF_STORE, "ctx.message.text"))] },
    { case: "messagePayload", line: lineOf(TELEGRAF_STORE, "ctx.callbackQuery.data"), column: 16, endColumn: 38, suggestions: [zodFix(TELEGRAF_STORE, "ctx.callbackQuery.data", "DataSchema", lineOf(TELEGRAF_STORE, "ctx.callbackQuery.data"), lineOf(TELEGRAF_STORE, "bot.action(")), mark(TELEGRAF_STORE, "messagePayload", lineOf(TELEGRAF_STORE, "ctx.callbackQuery.data"))] },
  ] },
  row("MCP low-level Server: tool arguments serialized field by field into a file Bun.write writes", ASK_SERVER, MCP, "src/server.ts", 6, 16, 40, { title: "Validate request.params.arguments with Zod (adds the zod dependency)", output: ASK_SERVER_FIXED }),
  row("MCP low-level Server (CommonJS): arguments serialized into a file fs.promises.writeFile writes", NOTES_SERVER, MCP, "src/notes.js", 6, 17, 37),
];

describe("unvalidated-boundary: message payloads followed through the project's modules (round 37)", () => {
  runWithNamedCases([...valid, ...mcpValid], invalid);
});
