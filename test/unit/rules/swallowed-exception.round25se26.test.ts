import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 24, developer se26 (issue 11; false positives and misses of the retired held
// round 25, with the lead's decisions on its conventions; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "rethrowWithoutCause", "promiseCatchNoop", "promiseCatchLogOnly", "resultErrorLogOnly", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A chat handler whose catch logs and sends the user the message held in a local `const`.
const adminHandler = (message: string): string => dedent`
      export class AdminHandler {
        private logger = new Logger(AdminHandler.name);

        constructor(
          private users: UserService,
          private telegram: TelegramService,
        ) {}

        handle() {
          const bot = this.telegram.bot();
          bot.onText(/\\/admin/, async (msg) => {
            const chatId = msg.chat.id;
            const telegramId = msg.from.id.toString();
            try {
              const user = await this.users.findByChatUser(telegramId);
              const language = user.language || 'en';
              if (!user.isAdmin) {
                const message = language === 'de' ? '❌ Nur für Admins.' : '❌ Admins only.';
                await this.telegram.sendMessage(chatId, message, {});
                return;
              }
              const message = language === 'de' ? '🛠 Willkommen!' : '🛠 Welcome to the admin panel!';
              await this.telegram.sendMessage(chatId, message, {
                reply_markup: adminKeyboard(language),
              });
            } catch (error) {
              this.logger.error(\`Error in admin: \${error.message}\`);
              const message = '${message}';
              await this.telegram.sendMessage(chatId, message, {});
            }
          });
        }
      }
    `;

// A lookup whose `if (error)` branch and catch both answer `answer`.
const lookup = (answer: string, ok: string): string => dedent`
  export async function lookup(db: Db, key: string) {
    try {
      const { data, error } = await db.from("items").select("id").eq("key", key).maybeSingle();
      if (error) {
        console.error("lookup failed", error);
        return ${answer};
      }
      return ${ok};
    } catch (err) {
      console.error("lookup threw", err);
      return ${answer};
    }
  }
`;
const rethrown = (code: string): string => code.replace(/console\.error\("lookup threw", err\);\n    return .*;/, 'console.error("lookup threw", err);\n    throw err;');
const marked = (code: string): string => code.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n");

// A notice e-mail helper under a `//` comment block that states (or not) its failure policy.
const notice = (policy: string): string => dedent`
  // Sends the e-mail for a notice already shown on the site.
  //
  // ${policy}
  // puede tumbar la acción que lo provocó.
  export async function enviarAviso(usuarioId: string, titulo: string) {
    try {
      await mailer.send({ to: await emailDe(usuarioId), subject: titulo });
    } catch (e) {
      console.error("[emails] No se pudo enviar el aviso:", e);
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a project's own InternalServerException thrown after a log of the error itself: the 500 answer", code: dedent`
      export class AuthController {
        refresh = async (req: Req, rep: Rep) => {
          try {
            const tokens = await issueTokens(req.cookies.refresh);
            return rep.send(tokens);
          } catch (error) {
            logger.error("Error refreshing token:", error);
            throw new InternalServerException("Error refreshing token");
          }
        };
      }
    ` },
    { name: "a chat handler's catch that logs and sends a failure message held in a local const", code: adminHandler("❌ Could not open the admin panel.") },
    { name: "a catch that logs and sends, through a helper named for sending a message, an apology", code: dedent`
      async function processMessage(token: string, chatId: number, text: string) {
        try {
          const answer = await model.reply(text);
          await sendTelegramMessage(token, chatId, answer);
          await history.save(chatId, answer);
        } catch (error) {
          console.error("Error processing message:", error);
          await sendTelegramMessage(token, chatId, "Sorry, I could not process your message. Please try again.");
        }
      }
    ` },
    { name: "the typing indicator called by hand: a fetch of the Bot API's sendChatAction, a log-only catch", code: dedent`
      export async function sendChatAction(botToken: string, chatId: number, action = "typing"): Promise<void> {
        const url = \`https://api.telegram.org/bot\${botToken}/sendChatAction\`;
        try {
          await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ chat_id: chatId, action }),
          });
        } catch (error) {
          console.error(\`Error sending chat action: \${error}\`);
        }
      }
    ` },
    { name: "a body read with a fallback after the block has left on the response's success: its failure branch", code: dedent`
      export class Api {
        async getJsonWithRetry<T>(path: string, maxAttempts = 4): Promise<T> {
          let lastStatus = 0;
          let lastBody = "";
          for (let attempt = 1; attempt <= maxAttempts; attempt++) {
            const res = await this.request(path);
            if (res.ok) return (await res.json()) as T;
            lastStatus = res.status;
            lastBody = await res.text().catch(() => "");
            if (res.status !== 429 && res.status < 500) break;
            await sleep(attempt * 500);
          }
          throw new ApiError(\`GET \${path} failed\`, lastStatus, lastBody);
        }
      }
    ` },
    { name: "a chain whose comment above says when the call throws and what runs then", code: dedent`
      export async function initSchema(db: D1Database): Promise<void> {
        // On a fresh database the meta table does not exist yet, so the read throws -> full init.
        const applied = await db
          .prepare("SELECT value FROM meta WHERE key = 'schema_version'")
          .first<{ value: string }>()
          .catch(() => null);
        if (applied?.value === SCHEMA_VERSION) return;
        await db.batch(createStatements(db));
      }
    ` },
    { name: "an insert into a history table, the function's job a log record, whose error is logged", code: dedent`
      async function logSubscriptionEvent(event: SubscriptionEvent) {
        const { error } = await supabase.from("subscription_history").insert({ user_id: event.userId, event_type: event.type });
        if (error) {
          console.error("Error logging subscription event:", error);
        }
      }
    ` },
    { name: "the same middleware handing every other error to next(err)", code: dedent`
      app.use((err, req, res, next) => {
        if (err instanceof SyntaxError && err.status === 400) {
          return res.status(400).json({ success: false, error: "Invalid JSON" });
        }
        next(err);
      });
    ` },
    { name: "a // comment block above the function stating in Spanish that it never throws (\"Nunca lanza\")", code: notice("Nunca lanza: si algo falla se registra y se sigue. Un correo no entregado no") },
  ],
  invalid: [
    {
      name: "sameAsErrorBranch: a log-only catch answering the null its own if (error) branch answers is low confidence (info)",
      code: lookup("null", "data?.id ?? null"),
      findings: [
        {
          case: "logAndContinue", line: 9, column: 5, endColumn: 16, confidence: "low", severity: "info",
          suggestions: [
            { title: "Rethrow the error", output: rethrown(lookup("null", "data?.id ?? null")) },
            { title: "Mark as intentionally ignored…", output: marked(lookup("null", "data?.id ?? null")) },
          ],
        },
      ],
      output: null,
    },
    {
      name: "sameAsErrorBranch's neighbour: a check failing open ({ allowed: true }) like its error branch stays high confidence (warning)",
      code: lookup("{ allowed: true }", "{ allowed: !data }"),
      findings: [
        {
          case: "logAndContinue", line: 9, column: 5, endColumn: 16, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Rethrow the error", output: rethrown(lookup("{ allowed: true }", "{ allowed: !data }")) },
            { title: "Mark as intentionally ignored…", output: marked(lookup("{ allowed: true }", "{ allowed: !data }")) },
          ],
        },
      ],
      output: null,
    },
    {
      name: "sameAsErrorBranch's neighbour: a null the try answers only for a missing value stays high confidence (warning)",
      code: dedent`
        export async function analyse(prompt: string) {
          try {
            const res = await llm.complete(prompt);
            const raw = res.choices[0]?.message?.content;
            if (!raw) return null;
            return JSON.parse(raw);
          } catch (err) {
            console.error("analysis failed", err);
            return null;
          }
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 7, column: 5, endColumn: 16, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Rethrow the error", output: "export async function analyse(prompt: string) {\n  try {\n    const res = await llm.complete(prompt);\n    const raw = res.choices[0]?.message?.content;\n    if (!raw) return null;\n    return JSON.parse(raw);\n  } catch (err) {\n    console.error(\"analysis failed\", err);\n    throw err;\n  }\n}\n" },
            { title: "Mark as intentionally ignored…", output: "export async function analyse(prompt: string) {\n  try {\n    const res = await llm.complete(prompt);\n    const raw = res.choices[0]?.message?.content;\n    if (!raw) return null;\n    return JSON.parse(raw);\n  } catch (err) {\n    // Intentionally ignored: <reason>\n    console.error(\"analysis failed\", err);\n    return null;\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a log-only check of a Supabase result is reported from the call to the if, also where a sibling block binds the same name",
      code: dedent`
        export async function setState(userId: string, state: string | null) {
          if (state === null) {
            const { error: updateError } = await supabase.from("states").delete().eq("user_id", userId);
            if (updateError) {
              console.error("clear failed", updateError);
            }
            return true;
          } else {
            const { error: updateError } = await supabase.from("states").upsert({ user_id: userId, state });
            if (updateError) {
              console.error("save failed", updateError);
            }
            return true;
          }
        }
      `,
      findings: [
        {
          case: "resultErrorLogOnly", line: 3, column: 36, endLine: 4, endColumn: 21,
          suggestions: [
            { title: "Throw the error after logging it", output: "export async function setState(userId: string, state: string | null) {\n  if (state === null) {\n    const { error: updateError } = await supabase.from(\"states\").delete().eq(\"user_id\", userId);\n    if (updateError) {\n      console.error(\"clear failed\", updateError);\n      throw updateError;\n    }\n    return true;\n  } else {\n    const { error: updateError } = await supabase.from(\"states\").upsert({ user_id: userId, state });\n    if (updateError) {\n      console.error(\"save failed\", updateError);\n    }\n    return true;\n  }\n}\n" },
          ],
        },
        {
          case: "resultErrorLogOnly", line: 9, column: 36, endLine: 10, endColumn: 21,
          suggestions: [
            { title: "Throw the error after logging it", output: "export async function setState(userId: string, state: string | null) {\n  if (state === null) {\n    const { error: updateError } = await supabase.from(\"states\").delete().eq(\"user_id\", userId);\n    if (updateError) {\n      console.error(\"clear failed\", updateError);\n    }\n    return true;\n  } else {\n    const { error: updateError } = await supabase.from(\"states\").upsert({ user_id: userId, state });\n    if (updateError) {\n      console.error(\"save failed\", updateError);\n      throw updateError;\n    }\n    return true;\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an outer catch around a loop whose body's own try ends every failure: only the inner catch is judged",
      code: dedent`
        export async function onReady(client: Client) {
          try {
            for (const [, guild] of client.guilds.cache) {
              try {
                await initGuild(guild);
              } catch (e) {
                logger.warn(\`Failed to initialize guild \${guild.name}\`, e);
              }
            }
          } catch (e) {
            logger.warn("Error during guild initialization", e);
          }
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 6, column: 9, endColumn: 18,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "export async function onReady(client: Client) {\n  try {\n    for (const [, guild] of client.guilds.cache) {\n      try {\n        await initGuild(guild);\n      } catch (e) {\n        // Intentionally ignored: <reason>\n        logger.warn(`Failed to initialize guild ${guild.name}`, e);\n      }\n    }\n  } catch (e) {\n    logger.warn(\"Error during guild initialization\", e);\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the same InternalServerException without a log of the error stays a rethrowWithoutCause",
      code: dedent`
        export class AuthController {
          refresh = async (req: Req, rep: Rep) => {
            try {
              const tokens = await issueTokens(req.cookies.refresh);
              return rep.send(tokens);
            } catch (error) {
              throw new InternalServerException("Error refreshing token");
            }
          };
        }
      `,
      findings: [
        {
          case: "rethrowWithoutCause", line: 6, column: 7, endColumn: 20,
          suggestions: [
            { title: "Pass the caught error to InternalServerException as { cause }", output: "export class AuthController {\n  refresh = async (req: Req, rep: Rep) => {\n    try {\n      const tokens = await issueTokens(req.cookies.refresh);\n      return rep.send(tokens);\n    } catch (error) {\n      throw new InternalServerException(\"Error refreshing token\", { cause: error });\n    }\n  };\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the same chat handler sending a local const that does not say it failed stays reported",
      code: adminHandler("Use /help to see the commands."),
      findings: [
        {
          case: "logAndContinue", line: 26, column: 9, endColumn: 22,
          suggestions: [
            { title: "Rethrow the error", output: adminHandler("Use /help to see the commands.").replace("message, {});\n      }", "message, {});\n        throw error;\n      }") },
            { title: "Mark as intentionally ignored…", output: adminHandler("Use /help to see the commands.").replace("} catch (error) {\n", "} catch (error) {\n        // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the same helper sending a message that does not say it failed stays reported",
      code: dedent`
        async function processMessage(token: string, chatId: number, text: string) {
          try {
            const answer = await model.reply(text);
            await sendTelegramMessage(token, chatId, answer);
            await history.save(chatId, answer);
          } catch (error) {
            console.error("Error processing message:", error);
            await sendTelegramMessage(token, chatId, "Here is a tip while you wait: try /help.");
          }
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 6, column: 5, endColumn: 18,
          suggestions: [
            { title: "Rethrow the error", output: "async function processMessage(token: string, chatId: number, text: string) {\n  try {\n    const answer = await model.reply(text);\n    await sendTelegramMessage(token, chatId, answer);\n    await history.save(chatId, answer);\n  } catch (error) {\n    console.error(\"Error processing message:\", error);\n    await sendTelegramMessage(token, chatId, \"Here is a tip while you wait: try /help.\");\n    throw error;\n  }\n}\n" },
            { title: "Mark as intentionally ignored…", output: "async function processMessage(token: string, chatId: number, text: string) {\n  try {\n    const answer = await model.reply(text);\n    await sendTelegramMessage(token, chatId, answer);\n    await history.save(chatId, answer);\n  } catch (error) {\n    // Intentionally ignored: <reason>\n    console.error(\"Error processing message:\", error);\n    await sendTelegramMessage(token, chatId, \"Here is a tip while you wait: try /help.\");\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a fetch of the Bot API's sendMessage is a message, not an acknowledgement: reported",
      code: dedent`
        export async function notifyChat(botToken: string, chatId: number, text: string): Promise<void> {
          const url = \`https://api.telegram.org/bot\${botToken}/sendMessage\`;
          try {
            await fetch(url, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ chat_id: chatId, text }),
            });
          } catch (error) {
            console.error(\`Error sending message: \${error}\`);
          }
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 9, column: 5, endColumn: 18,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "export async function notifyChat(botToken: string, chatId: number, text: string): Promise<void> {\n  const url = `https://api.telegram.org/bot${botToken}/sendMessage`;\n  try {\n    await fetch(url, {\n      method: \"POST\",\n      headers: { \"Content-Type\": \"application/json\" },\n      body: JSON.stringify({ chat_id: chatId, text }),\n    });\n  } catch (error) {\n    // Intentionally ignored: <reason>\n    console.error(`Error sending message: ${error}`);\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a body read after a success test that does not leave is not in a failure branch: reported",
      code: dedent`
        export class Api {
          async getJson<T>(path: string): Promise<T> {
            let lastBody = "";
            const res = await this.request(path);
            if (res.ok) console.log("fetched", path);
            lastBody = await res.text().catch(() => "");
            return JSON.parse(lastBody) as T;
          }
        }
      `,
      findings: [
        {
          case: "promiseCatchNoop", line: 6, column: 39, endColumn: 47,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "export class Api {\n  async getJson<T>(path: string): Promise<T> {\n    let lastBody = \"\";\n    const res = await this.request(path);\n    if (res.ok) console.log(\"fetched\", path);\n    lastBody = await res.text().catch(() => /* Intentionally ignored: <reason> */ \"\");\n    return JSON.parse(lastBody) as T;\n  }\n}\n" },
          ],
        },
      ],
      output: "export class Api {\n  async getJson<T>(path: string): Promise<T> {\n    let lastBody = \"\";\n    const res = await this.request(path);\n    if (res.ok) console.log(\"fetched\", path);\n    lastBody = await res.text().catch((err) => {\n      console.error(\"res.text failed in Api.getJson\", err);\n      return \"\";\n    });\n    return JSON.parse(lastBody) as T;\n  }\n}\n",
    },
    {
      name: "a comment above the chain that does not speak of its failure explains nothing: reported",
      code: dedent`
        export async function initSchema(db: D1Database): Promise<void> {
          // Fast path: already migrated to the current version.
          const applied = await db
            .prepare("SELECT value FROM meta WHERE key = 'schema_version'")
            .first<{ value: string }>()
            .catch(() => null);
          if (applied?.value === SCHEMA_VERSION) return;
          await db.batch(createStatements(db));
        }
      `,
      findings: [
        {
          case: "promiseCatchNoop", line: 6, column: 12, endColumn: 22,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "export async function initSchema(db: D1Database): Promise<void> {\n  // Fast path: already migrated to the current version.\n  const applied = await db\n    .prepare(\"SELECT value FROM meta WHERE key = 'schema_version'\")\n    .first<{ value: string }>()\n    .catch(() => /* Intentionally ignored: <reason> */ null);\n  if (applied?.value === SCHEMA_VERSION) return;\n  await db.batch(createStatements(db));\n}\n" },
          ],
        },
      ],
      output: "export async function initSchema(db: D1Database): Promise<void> {\n  // Fast path: already migrated to the current version.\n  const applied = await db\n    .prepare(\"SELECT value FROM meta WHERE key = 'schema_version'\")\n    .first<{ value: string }>()\n    .catch((err) => {\n      console.error(\"first failed in initSchema\", err);\n      return null;\n    });\n  if (applied?.value === SCHEMA_VERSION) return;\n  await db.batch(createStatements(db));\n}\n",
    },
    {
      name: "a log-only handler under a comment that says nothing of the failure: reported",
      code: dedent`
        export async function warmUp(url: string) {
          // Runs before the first request.
          await fetch(url).catch((err) => {
            console.warn("warm-up failed", err);
          });
          return true;
        }
      `,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 3, column: 26, endLine: 5, endColumn: 4,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "export async function warmUp(url: string) {\n  // Runs before the first request.\n  await fetch(url).catch((err) => {\n    // Intentionally ignored: <reason>\n    console.warn(\"warm-up failed\", err);\n  });\n  return true;\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an insert into a table that holds state, whose error is only logged: reported",
      code: dedent`
        async function saveSubscription(event: SubscriptionEvent) {
          const { error } = await supabase.from("subscriptions").insert({ user_id: event.userId, tier: event.tier });
          if (error) {
            console.error("Error saving subscription:", error);
          }
        }
      `,
      findings: [
        {
          case: "resultErrorLogOnly", line: 2, column: 21, endLine: 3, endColumn: 13,
          suggestions: [
            { title: "Throw the error after logging it", output: "async function saveSubscription(event: SubscriptionEvent) {\n  const { error } = await supabase.from(\"subscriptions\").insert({ user_id: event.userId, tier: event.tier });\n  if (error) {\n    console.error(\"Error saving subscription:\", error);\n    throw error;\n  }\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an Express error middleware that answers one error type and calls a bare next() for the rest",
      code: dedent`
        app.use((err, req, res, next) => {
          if (err instanceof SyntaxError && err.status === 400) {
            return res.status(400).json({ success: false, error: "Invalid JSON" });
          }
          next();
        });
      `,
      findings: [
        {
          case: "ignoredCallbackError", line: 1, column: 10, endColumn: 13,
          suggestions: [
            { title: "Pass the error to next", output: "app.use((err, req, res, next) => {\n  if (err instanceof SyntaxError && err.status === 400) {\n    return res.status(400).json({ success: false, error: \"Invalid JSON\" });\n  }\n  next(err);\n});\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the same block without the policy sentence: reported",
      code: notice("Un correo no entregado no"),
      findings: [
        {
          case: "logAndContinue", line: 8, column: 5, endColumn: 14,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: notice("Un correo no entregado no").replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
  ],
});
