import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 23 (issue 11; the logAndContinue false positives and misses of the retired
// held round 22, and the conventions its labellers decided where the docs were silent; hand-written
// analogues, no fetched code): a chat handler's last reply, a failure message sent as the reply,
// a nested section of an event callback, a failure status written to the item's record, an optional
// dependency whose catch falls through to its "not configured" answer, and a success claimed with
// made-up data under a comment, a lookup whose try falls to its own "not found", a note that only
// says a dropped chain is not waited on. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchNoop"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log-only catch around the reply to the handled message, as the handler's last step before a bare return", code: dedent`
        export const onMessage = async (message: ChatMessage) => {
          if (message.text.startsWith("/book")) {
            const answer = await bookings.create(message.from, message.text);
            try {
              await sendChatMessage(message.chatId, answer);
            } catch (err) {
              console.error("could not send the booking answer", err);
            }
            return;
          }
          await archive(message);
        };
      ` },
    { name: "a log-only catch around a denial reply in nested branches, followed by a bare return", code: dedent`
        async function handle(ctx: BotContext) {
          if (ctx.command === "admin") {
            if (!ctx.isOwner) {
              try {
                await ctx.reply("Only the owner may do this.");
              } catch (err) {
                log.warn("denial reply failed", err);
              }
              return;
            }
            await runAdmin(ctx);
          }
        }
      ` },
    { name: "a catch that puts a failure message into the reply the handler then sends", code: dedent`
        export async function onCommand(update: Update) {
          let text: string;
          try {
            text = await commands.run(update.message.text);
          } catch (err) {
            console.error("command failed", err);
            text = "Не удалось выполнить команду.";
          }
          await telegram.sendMessage({ chat_id: update.message.chat.id, text });
          return Response.json({ ok: true });
        }
      ` },
    { name: "a nested log-only section of a listener whose assignment nothing after it reads", code: dedent`
        client.on("messageCreate", async (message) => {
          const guild = await guilds.find(message.guildId);
          if (guild) {
            if (message.mentions.size > 0) {
              try {
                const row = await tracking.insert({ id: message.id, guild: guild.id });
                timers.schedule(row.id);
              } catch (error) {
                console.error("tracking insert failed", error);
              }
            }
          }
          await stats.bump(message.guildId);
        });
      ` },
    { name: "a per-item catch that writes a failure status to the item's record and logs", code: dedent`
        export async function sendDue(store: Store) {
          for (const job of await store.due()) {
            try {
              await deliver(job.to, job.body);
              await store.updateJobStatus(job.id, "SENT");
            } catch (error) {
              await store.updateJobStatus(job.id, "DELIVERY_FAILED");
              logger.error("delivery failed", error);
            }
          }
        }
      ` },
    { name: "a failure status nested in the data of an update", code: dedent`
        export async function runExport(id: string) {
          try {
            await exporter.run(id);
          } catch (error) {
            console.error("export failed", error);
            await prisma.exportJob.update({ where: { id }, data: { status: "failed" } });
          }
        }
      ` },
    { name: "an optional dependency whose catch falls through to the answer it gives when the setting is unset", code: dedent`
        export async function loadBanner(): Promise<string> {
          if (!process.env.REMOTE_CONFIG_URL) {
            return DEFAULT_BANNER;
          }
          try {
            const remote = await remoteConfig.get("banner");
            if (typeof remote === "string") return remote;
          } catch (error) {
            console.error("remote banner failed", error);
          }
          return DEFAULT_BANNER;
        }
      ` },
    { name: "a commented bare acknowledgement ({ ok: true }) still explains", code: dedent`
        app.post("/hook", async (req, res) => {
          try {
            await handleUpdate(req.body);
            res.json({ ok: true });
          } catch (error) {
            console.error("hook failed", error);
            // answer 200 anyway so the provider does not retry
            res.json({ ok: true });
          }
        });
      ` },
    { name: "a fire-and-forget note that also says why a failure does not matter explains a dropped chain", code: dedent`
        export async function answer(key: string, load: () => Promise<string>) {
          const fresh = await load();
          // fire-and-forget: a failed cache write only costs the next request a reload
          store.set(key, fresh).catch(() => {});
          return fresh;
        }
      ` },
    { name: "a fire-and-forget note above a chain whose handler logs the error explains it", code: dedent`
        export async function answer(key: string, load: () => Promise<string>) {
          const fresh = await load();
          // fire-and-forget, don't block the response
          store.set(key, fresh).catch((err) => console.warn("store write failed", err));
          return fresh;
        }
      ` },
  ],
  invalid: [
    {
      name: "a reply that is not the handler's last step: work follows it",
      code: dedent`
        export const onMessage = async (message: ChatMessage) => {
          try {
            await sendChatMessage(message.chatId, "Saved");
          } catch (err) {
            console.error("reply failed", err);
          }
          await audit.record(message.id);
        };
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const onMessage = async (message: ChatMessage) => {
              try {
                await sendChatMessage(message.chatId, "Saved");
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("reply failed", err);
              }
              await audit.record(message.id);
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a last send to someone other than the handled message's chat",
      code: dedent`
        export const onMessage = async (message: ChatMessage) => {
          await orders.place(message.text);
          try {
            await sendChatMessage(ADMIN_CHAT, "new order");
          } catch (err) {
            console.error("admin notice failed", err);
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export const onMessage = async (message: ChatMessage) => {
              await orders.place(message.text);
              try {
                await sendChatMessage(ADMIN_CHAT, "new order");
              } catch (err) {
                console.error("admin notice failed", err);
                throw err;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const onMessage = async (message: ChatMessage) => {
              await orders.place(message.text);
              try {
                await sendChatMessage(ADMIN_CHAT, "new order");
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("admin notice failed", err);
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that puts a message that does not say it failed into the reply",
      code: dedent`
        export async function onCommand(update: Update) {
          let text: string;
          try {
            text = await commands.run(update.message.text);
          } catch (err) {
            console.error("command failed", err);
            text = "Done.";
          }
          await telegram.sendMessage({ chat_id: update.message.chat.id, text });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function onCommand(update: Update) {
              let text: string;
              try {
                text = await commands.run(update.message.text);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("command failed", err);
                text = "Done.";
              }
              await telegram.sendMessage({ chat_id: update.message.chat.id, text });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a nested section of a listener whose assignment is read after it",
      code: dedent`
        client.on("messageCreate", async (message) => {
          let row;
          if (message.mentions.size > 0) {
            try {
              row = await tracking.insert({ id: message.id });
            } catch (error) {
              console.error("tracking insert failed", error);
            }
          }
          await notify(row);
        });
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            client.on("messageCreate", async (message) => {
              let row;
              if (message.mentions.size > 0) {
                try {
                  row = await tracking.insert({ id: message.id });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("tracking insert failed", error);
                }
              }
              await notify(row);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an optional dependency whose fall-through answer claims success",
      code: dedent`
        export async function submitFeedback(text: string) {
          await db.feedback.insert({ text });
          if (!env.SLACK_WEBHOOK_URL) {
            return { success: true };
          }
          try {
            await fetch(env.SLACK_WEBHOOK_URL, { method: "POST", body: text });
          } catch (err) {
            console.error("slack post failed", err);
          }
          return { success: true };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 5, endLine: 8, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function submitFeedback(text: string) {
              await db.feedback.insert({ text });
              if (!env.SLACK_WEBHOOK_URL) {
                return { success: true };
              }
              try {
                await fetch(env.SLACK_WEBHOOK_URL, { method: "POST", body: text });
              } catch (err) {
                console.error("slack post failed", err);
                throw err;
              }
              return { success: true };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function submitFeedback(text: string) {
              await db.feedback.insert({ text });
              if (!env.SLACK_WEBHOOK_URL) {
                return { success: true };
              }
              try {
                await fetch(env.SLACK_WEBHOOK_URL, { method: "POST", body: text });
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("slack post failed", err);
              }
              return { success: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a comment above a success answer with made-up data does not explain it",
      code: dedent`
        export async function GET() {
          try {
            const quote = await quotes.latest();
            return Response.json({ success: true, price: quote.price });
          } catch (error) {
            console.error("quote failed", error);
            // fallback data on error
            return Response.json({ success: true, source: "fallback", prices: { ounce: 2650 } });
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function GET() {
              try {
                const quote = await quotes.latest();
                return Response.json({ success: true, price: quote.price });
              } catch (error) {
                console.error("quote failed", error);
                // fallback data on error
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function GET() {
              try {
                const quote = await quotes.latest();
                return Response.json({ success: true, price: quote.price });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("quote failed", error);
                // fallback data on error
                return Response.json({ success: true, source: "fallback", prices: { ounce: 2650 } });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a lookup whose try falls to its own not-found null: callers that test it cannot tell an outage",
      code: dedent`
        export class Crm {
          async sync(user: User) {
            const pageId = await this.findPage(user.id);
            if (pageId) return this.update(pageId, user);
            return this.create(user);
          }

          private async findPage(id: string): Promise<string | null> {
            try {
              const res = await this.client.query({ id });
              if (res.results.length > 0) {
                return res.results[0].id;
              }
              return null;
            } catch (error) {
              console.error("page lookup failed", error);
              return null;
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 15, column: 7, endLine: 15, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Crm {
              async sync(user: User) {
                const pageId = await this.findPage(user.id);
                if (pageId) return this.update(pageId, user);
                return this.create(user);
              }

              private async findPage(id: string): Promise<string | null> {
                try {
                  const res = await this.client.query({ id });
                  if (res.results.length > 0) {
                    return res.results[0].id;
                  }
                  return null;
                } catch (error) {
                  console.error("page lookup failed", error);
                  throw error;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Crm {
              async sync(user: User) {
                const pageId = await this.findPage(user.id);
                if (pageId) return this.update(pageId, user);
                return this.create(user);
              }

              private async findPage(id: string): Promise<string | null> {
                try {
                  const res = await this.client.query({ id });
                  if (res.results.length > 0) {
                    return res.results[0].id;
                  }
                  return null;
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("page lookup failed", error);
                  return null;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a note that only says the chain is not waited on does not explain a handler that drops the error",
      code: dedent`
        export async function answer(key: string, load: () => Promise<string>) {
          const fresh = await load();
          // Store it (fire-and-forget, don't block the response)
          store.set(key, fresh).catch(() => {});
          return fresh;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 31, endLine: 4, endColumn: 39, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function answer(key: string, load: () => Promise<string>) {
              const fresh = await load();
              // Store it (fire-and-forget, don't block the response)
              store.set(key, fresh).catch(() => {
                // Intentionally ignored: <reason>
              });
              return fresh;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function answer(key: string, load: () => Promise<string>) {
          const fresh = await load();
          // Store it (fire-and-forget, don't block the response)
          store.set(key, fresh).catch((err) => {
            console.error("store.set failed in answer", { key }, err);
          });
          return fresh;
        }
      `,
    },
  ],
});
