import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 22 (issue 11; the false positives and negatives of the retired held round
// 21, and the conventions its labellers decided where the docs were silent; hand-written analogues,
// no fetched code): comments in any script, a promise that cannot reject, a batch ending a cron
// callback, a debug helper, a default language, a timer put away, a cache class, a list only
// logged, a fatal that exits; and rows that pin the conventions the rule already followed. This
// table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "promiseCatchNoop", "catchReturnsDefault", "emptyCatch", "ignoredCallbackError", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a comment in Cyrillic after the log line explains the carry-on like an English one", code: dedent`
        export async function showTyping(chatId: string) {
          try {
            await client.setTyping(chatId);
          } catch (error) {
            logger.error("typing indicator failed", error);
            // Не бросаем ошибку: индикатор набора не критичен
          }
        }
      ` },
    { name: "a log-only handler on a method of the class that cannot reject: its body is one try whose catch logs", code: dedent`
        export class Billing {
          async recordEvent(email: string, kind: string) {
            try {
              await this.db.insert("billing_audit", { email, kind });
            } catch (error) {
              // the audit trail is best effort
              console.error("audit write failed", error);
            }
          }

          async upgrade(email: string) {
            await this.db.update("users", { email, tier: "pro" });
            await this.recordEvent(email, "upgraded").catch((err) => console.error("event failed", err));
          }
        }
      ` },
    { name: "an empty handler on a local that already holds a chain ending in its own log-only handler", code: dedent`
        export async function answer(user: User, text: string) {
          // Usage is recorded best effort: a lost row costs one statistic.
          const usage = recordUsage(user.id, text.length).catch((err) => {
            console.error("usage not recorded", err);
          });
          if (runtime) runtime.waitUntil(usage);
          else await usage.catch(() => {});
          return reply(text);
        }
      ` },
    { name: "log-only clean-ups batched in a Worker's cron entry, as its last statement, each its own section", code: dedent`
        export default {
          async scheduled(event: ScheduledEvent, env: Env, ctx: ExecutionContext) {
            const db = env.DB;
            ctx.waitUntil(Promise.all([
              db.prepare("DELETE FROM sessions WHERE expires_at < datetime('now')").run().catch((err) => console.error("session purge failed", err)),
              db.prepare("DELETE FROM codes WHERE used = 1").run().catch((err) => console.error("code purge failed", err)),
            ]));
          },
        };
      ` },
    { name: "a log line that says the job proceeds after a comma: the default it keeps is deliberate", code: dedent`
        export async function runInactiveCheck(store: Store) {
          let enabled = true;
          try {
            enabled = (await store.get("automation_enabled")) !== false;
          } catch (error) {
            console.warn("Could not read the automation switch, proceeding");
          }
          if (!enabled) return { skipped: true };
          return await remindInactive(store);
        }
      ` },
    { name: "a (non-critical) note above the if that holds only the promise chain", code: dedent`
        export async function uploadImage(api: Api, image: Image) {
          const media = await api.post("/media", image.bytes);
          if (!media?.id) throw new Error("upload returned no id");
          // Set the alt text (non-critical)
          if (image.alt) {
            await api.post(\`/media/\${media.id}\`, { alt: image.alt }).catch(() => {});
          }
          return media.id;
        }
      ` },
    { name: "a note above the try that says its failure does not affect the work before it", code: dedent`
        export async function markProcessed(db: Db, eventId: string) {
          await db.run("UPDATE events SET processed = 1 WHERE id = ?", eventId);
          // Purge old events separately so a failure doesn't affect the update
          try {
            await db.run("DELETE FROM events WHERE processed_at < now() - interval '1 day'");
          } catch (error) {
            console.warn("event purge failed", error);
          }
        }
      ` },
    { name: "the module's header doc states its failure policy: failures are logged, never thrown", code: dedent`
        /**
         * Conversion events for the ads platform.
         * Failures are logged but never thrown: a failed ping must not break checkout.
         */
        import { post } from "./http";

        export async function trackPurchase(email: string, value: number) {
          try {
            await post(EVENTS_URL, { email, value });
          } catch (err) {
            console.error("conversion event failed", err);
          }
        }
      ` },
    { name: "a try whose one statement starts a dynamic import chain, unawaited: nothing of it reaches the catch", code: dedent`
        export async function notifyOwner(userId: string, note: Note) {
          try {
            import("./socket").then((socket) => {
              socket.default.sendTo(userId, note);
            });
          } catch (e) {
            console.error("socket notify failed", e);
          }
          return note;
        }
      ` },
    { name: "a debug helper that only prints what it reads and answers nothing: its log line is all it would give", code: dedent`
        export class Bookings {
          static async debugSchema(): Promise<void> {
            try {
              const rows = await db.from("bookings").select("*").limit(1);
              console.log("columns:", Object.keys(rows[0] ?? {}));
            } catch (error) {
              console.error("debugSchema failed", error);
            }
          }
        }
      ` },
    { name: "a language lookup whose failure answers the default language, as an unconfigured store does", code: dedent`
        export const negotiateLocale = async (chatId?: number) => {
          if (!store || !chatId) return DEFAULT_LANG;
          try {
            return await store.getLanguage(chatId);
          } catch (err) {
            console.error("language lookup failed", err);
            return DEFAULT_LANG;
          }
        };
      ` },
    { name: "in a cache's own class, a failed lookup logged and answered as a miss: the caller does the real work", code: dedent`
        export class ResponseCache {
          static async get(key: string): Promise<Cached | null> {
            try {
              return await kv.get(key);
            } catch (error) {
              console.error("Error reading the cache:", error);
              return null;
            }
          }
        }
      ` },
    { name: "a provider step that keeps its error in a list the function answers with: the caller is told", code: dedent`
        export async function writeCaption(photo: Photo) {
          const errors: string[] = [];
          try {
            return { caption: await vision.caption(photo), errors };
          } catch (error: any) {
            console.warn("vision failed:", error.message);
            errors.push(\`vision: \${error.message}\`);
          }
          return { caption: null, errors };
        }
      ` },
    { name: "the project's own logger whose fatal ends the process, imported by a relative path: an exit, not a swallow", files: {
        "src/log.ts": dedent`
          export class ConsoleLog {
            error(...args: unknown[]) {
              console.error(...args);
            }
            fatal(...args: unknown[]): never {
              this.error(...args);
              process.exit(1);
            }
          }
          export const consoleLog = new ConsoleLog();
        `,
      }, code: dedent`
        import { consoleLog } from "./log";

        export async function install(dir: string) {
          try {
            await downloadRelease(dir);
          } catch (error) {
            consoleLog.fatal(error);
          }
        }
      ` },
    { filename: "src/components/Chat.tsx", name: "a Firestore onSnapshot error listener inside a React effect that logs the error object (held round 21, debatable)", code: dedent`
        export function Chat({ userId }: { userId: string }) {
          const [messages, setMessages] = useState<Message[]>([]);
          useEffect(() => {
            const q = query(collection(db, \`users/\${userId}/messages\`), orderBy("at"));
            return onSnapshot(q, (snap) => setMessages(snap.docs.map((d) => d.data() as Message)), (error) => {
              console.error("message listener failed", error);
            });
          }, [userId]);
          return <List items={messages} />;
        }
      ` },
    { name: "a shutdown step in the close callback of a signal handler, which then ends the process", code: dedent`
        export function listen(app: App, pool: Pool) {
          const server = app.listen(3000);
          const shutdown = (signal: string) => {
            console.log(\`\${signal} received, closing\`);
            server.close(async () => {
              try {
                await pool.end();
              } catch (e) {
                console.error("pool close failed", e);
              }
              process.exit(0);
            });
          };
          process.on("SIGTERM", () => shutdown("SIGTERM"));
        }
      ` },
    { name: "a log-only catch ending a GramJS addEventHandler callback: no caller to tell", code: dedent`
        export function listen(client: TelegramClient, queue: Queue) {
          client.addEventHandler(async (event: NewMessageEvent) => {
            try {
              await queue.add("incoming", { chatId: event.chatId });
            } catch (error) {
              console.error("could not queue the message", error);
            }
          }, new NewMessage({}));
        }
      ` },
    { name: "a rejection handler that logs and does the chain's job another way on the same object", code: dedent`
        export function startSession(auth: Auth, token?: string) {
          if (token) {
            signInWithToken(auth, token).catch((error) => {
              console.error("token sign-in failed", error);
              signInAnonymously(auth);
            });
          }
        }
      ` },
    { name: "a no-op handler inside a function named for its fallback (a leading underscore too) that answers nothing", code: dedent`
        export class Connection {
          async _safeClose(client?: Client) {
            const closing: Promise<void>[] = [];
            if (client) closing.push(client.close().catch(() => {}));
            await Promise.all(closing);
          }
        }
      ` },
    { filename: "scripts/set-hook.ts", name: "a body read with a constant fallback that is only shown: in the thrown error's message and a log line", code: dedent`
        const res = await fetch(HOOK_URL, { method: "POST" });
        const payload = await res.json().catch(() => null);
        if (!res.ok) {
          throw new Error(\`setWebhook failed (\${res.status}): \${JSON.stringify(payload)}\`);
        }
        console.log("webhook set:", payload);
      ` },
    { name: "a comment above a promise chain that calls it opportunistic explains the dropped failure", code: dedent`
        export async function listImages(db: Db) {
          // opportunistic cleanup (ten at a time, to stay fast)
          purgeOldImages(db).catch(() => {});
          return await db.images.list();
        }
      ` },
  ],
  invalid: [
    {
      name: "a Cyrillic note that only says the catch logs explains nothing, as in English",
      code: dedent`
        export async function saveNote(id: string, text: string) {
          try {
            await db.notes.update(id, text);
          } catch (error) {
            // Логируем ошибку
            logger.error("note update failed", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function saveNote(id: string, text: string) {
              try {
                await db.notes.update(id, text);
              } catch (error) {
                // Логируем ошибку
                logger.error("note update failed", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function saveNote(id: string, text: string) {
              try {
                await db.notes.update(id, text);
              } catch (error) {
                // Intentionally ignored: <reason>
                // Логируем ошибку
                logger.error("note update failed", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a method of the class whose body may reject outside its try: its log-only handler stays reported",
      code: dedent`
        export class Billing {
          async recordEvent(email: string, kind: string) {
            await this.db.insert("billing_events", { email, kind });
            try {
              await this.db.insert("billing_audit", { email, kind });
            } catch (error) {
              console.error("audit write failed (non-fatal)", error);
            }
          }
        
          async upgrade(email: string) {
            await this.db.update("users", { email, tier: "pro" });
            await this.recordEvent(email, "upgraded").catch((err) => console.error("event failed", err));
          }
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 13, column: 53, endLine: 13, endColumn: 96, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export class Billing {
              async recordEvent(email: string, kind: string) {
                await this.db.insert("billing_events", { email, kind });
                try {
                  await this.db.insert("billing_audit", { email, kind });
                } catch (error) {
                  console.error("audit write failed (non-fatal)", error);
                }
              }

              async upgrade(email: string) {
                await this.db.update("users", { email, tier: "pro" });
                await this.recordEvent(email, "upgraded").catch((err) => {
                  console.error("event failed", err);
                  throw err;
                });
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Billing {
              async recordEvent(email: string, kind: string) {
                await this.db.insert("billing_events", { email, kind });
                try {
                  await this.db.insert("billing_audit", { email, kind });
                } catch (error) {
                  console.error("audit write failed (non-fatal)", error);
                }
              }

              async upgrade(email: string) {
                await this.db.update("users", { email, tier: "pro" });
                await this.recordEvent(email, "upgraded").catch((err) => /* Intentionally ignored: <reason> */ console.error("event failed", err));
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a batch of log-only clean-ups awaited in an ordinary function, which answers its caller a success: each stays reported",
      code: dedent`
        export async function purgeExpired(db: Db) {
          await Promise.all([
            db.run("DELETE FROM sessions WHERE expires_at < now()").catch((err) => console.error("session purge failed", err)),
            db.run("DELETE FROM codes WHERE used = 1").catch((err) => console.error("code purge failed", err)),
          ]);
          return { purged: true };
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 67, endLine: 3, endColumn: 118, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function purgeExpired(db: Db) {
              await Promise.all([
                db.run("DELETE FROM sessions WHERE expires_at < now()").catch((err) => /* Intentionally ignored: <reason> */ console.error("session purge failed", err)),
                db.run("DELETE FROM codes WHERE used = 1").catch((err) => console.error("code purge failed", err)),
              ]);
              return { purged: true };
            }
          ` },
        ] },
        { case: "promiseCatchLogOnly", line: 4, column: 54, endLine: 4, endColumn: 102, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function purgeExpired(db: Db) {
              await Promise.all([
                db.run("DELETE FROM sessions WHERE expires_at < now()").catch((err) => console.error("session purge failed", err)),
                db.run("DELETE FROM codes WHERE used = 1").catch((err) => /* Intentionally ignored: <reason> */ console.error("code purge failed", err)),
              ]);
              return { purged: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a module header that only mentions errors states no policy: the log-only catch stays reported",
      code: dedent`
        /**
         * Conversion events for the ads platform. Handles API errors.
         */
        import { post } from "./http";

        export async function reportPurchase(email: string, value: number) {
          try {
            await post(EVENTS_URL, { email, value });
          } catch (err) {
            console.error("conversion event failed", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 9, column: 5, endLine: 9, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            /**
             * Conversion events for the ads platform. Handles API errors.
             */
            import { post } from "./http";

            export async function reportPurchase(email: string, value: number) {
              try {
                await post(EVENTS_URL, { email, value });
              } catch (err) {
                console.error("conversion event failed", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            /**
             * Conversion events for the ads platform. Handles API errors.
             */
            import { post } from "./http";

            export async function reportPurchase(email: string, value: number) {
              try {
                await post(EVENTS_URL, { email, value });
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("conversion event failed", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a debug helper whose answer a caller reads: its made-up 0 stays reported",
      code: dedent`
        export async function debugCounts(db: Db) {
          try {
            const rows = await db.query("SELECT count(*) AS n FROM orders");
            console.log("orders:", rows[0].n);
            return rows[0].n;
          } catch (error) {
            console.error("debugCounts failed", error);
            return 0;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function debugCounts(db: Db) {
              try {
                const rows = await db.query("SELECT count(*) AS n FROM orders");
                console.log("orders:", rows[0].n);
                return rows[0].n;
              } catch (error) {
                console.error("debugCounts failed", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function debugCounts(db: Db) {
              try {
                const rows = await db.query("SELECT count(*) AS n FROM orders");
                console.log("orders:", rows[0].n);
                return rows[0].n;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("debugCounts failed", error);
                return 0;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that only puts its timer away and answers success, 'will sync later', with nothing to retry: a default",
      code: dedent`
        export async function syncContact(email: string) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 5000);
          try {
            const res = await fetch(CRM_URL, { method: "POST", body: JSON.stringify({ email }), signal: controller.signal });
            clearTimeout(timer);
            return { success: true, id: (await res.json()).id };
          } catch (error) {
            clearTimeout(timer);
            return { success: true, message: "saved - will sync when the connection is back" };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 18, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function syncContact(email: string) {
              const controller = new AbortController();
              const timer = setTimeout(() => controller.abort(), 5000);
              try {
                const res = await fetch(CRM_URL, { method: "POST", body: JSON.stringify({ email }), signal: controller.signal });
                clearTimeout(timer);
                return { success: true, id: (await res.json()).id };
              } catch (error) {
                console.error("syncContact failed", error);
                clearTimeout(timer);
                return { success: true, message: "saved - will sync when the connection is back" };
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function syncContact(email: string) {
              const controller = new AbortController();
              const timer = setTimeout(() => controller.abort(), 5000);
              try {
                const res = await fetch(CRM_URL, { method: "POST", body: JSON.stringify({ email }), signal: controller.signal });
                clearTimeout(timer);
                return { success: true, id: (await res.json()).id };
              } catch (error) {
                // Intentionally ignored: <reason>
                clearTimeout(timer);
                return { success: true, message: "saved - will sync when the connection is back" };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "in a cache's own class the cache is the job: a failed purge logged and answered 0 is its failure",
      code: dedent`
        export class ResponseCache {
          static async purgeExpired(): Promise<number> {
            try {
              const { data } = await db.rpc("purge_expired_cache");
              return data ?? 0;
            } catch (error) {
              console.error("Error purging the cache:", error);
              return 0;
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class ResponseCache {
              static async purgeExpired(): Promise<number> {
                try {
                  const { data } = await db.rpc("purge_expired_cache");
                  return data ?? 0;
                } catch (error) {
                  console.error("Error purging the cache:", error);
                  throw error;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class ResponseCache {
              static async purgeExpired(): Promise<number> {
                try {
                  const { data } = await db.rpc("purge_expired_cache");
                  return data ?? 0;
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("Error purging the cache:", error);
                  return 0;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a provider step that keeps its error in a list the function only logs, then answers a canned caption: the list is a log line",
      code: dedent`
        export async function writeCaption(photo: Photo): Promise<string> {
          const errors: string[] = [];
          try {
            return await vision.caption(photo);
          } catch (error: any) {
            console.warn("vision failed:", error.message);
            errors.push(\`vision: \${error.message}\`);
          }
          console.warn("all providers failed, using a canned caption:", errors);
          return "A beautiful moment";
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 23, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function writeCaption(photo: Photo): Promise<string> {
              const errors: string[] = [];
              try {
                return await vision.caption(photo);
              } catch (error: any) {
                // Intentionally ignored: <reason>
                console.warn("vision failed:", error.message);
                errors.push(\`vision: \${error.message}\`);
              }
              console.warn("all providers failed, using a canned caption:", errors);
              return "A beautiful moment";
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the project's logger from a module without a fatal that exits: the log-only catch stays reported",
      code: dedent`
        import { consoleLog } from "./log";

        export async function install(dir: string) {
          try {
            await downloadRelease(dir);
          } catch (error) {
            consoleLog.fatal(error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import { consoleLog } from "./log";

            export async function install(dir: string) {
              try {
                await downloadRelease(dir);
              } catch (error) {
                consoleLog.fatal(error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { consoleLog } from "./log";

            export async function install(dir: string) {
              try {
                await downloadRelease(dir);
              } catch (error) {
                // Intentionally ignored: <reason>
                consoleLog.fatal(error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a bare continue in a loop over fallback providers keeps no line of the provider's error (held round 21, debatable)",
      code: dedent`
        export async function complete(prompt: string, fallbacks: string[]) {
          for (const name of fallbacks) {
            try {
              return await PROVIDERS[name].call(prompt);
            } catch (_) { continue; }
          }
          throw new Error("no provider answered");
        }
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 17, endLine: 5, endColumn: 30, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function complete(prompt: string, fallbacks: string[]) {
              for (const name of fallbacks) {
                try {
                  return await PROVIDERS[name].call(prompt);
                } catch (_) { /* Intentionally ignored: <reason> */ continue; }
              }
              throw new Error("no provider answered");
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function complete(prompt: string, fallbacks: string[]) {
          for (const name of fallbacks) {
            try {
              return await PROVIDERS[name].call(prompt);
            } catch (_) { console.error("call failed in complete", { name }, _); continue; }
          }
          throw new Error("no provider answered");
        }
      `,
    },
    {
      name: "a sendFile callback that reads the error only to answer a 200 fallback for any failure (held round 21, debatable)",
      code: dedent`
        app.get("*", (req, res) => {
          res.sendFile(indexPath, (err) => {
            if (err) {
              res.status(200).json({ message: "API running; the frontend is not built yet" });
            }
          });
        });
      `,
      findings: [
        { case: "ignoredCallbackError", line: 2, column: 28, endLine: 2, endColumn: 31, suggestions: [
          { title: "Check err, log it with console and return", output: dedent`
            app.get("*", (req, res) => {
              res.sendFile(indexPath, (err) => {
                if (err) {
                  console.error("res.sendFile failed in GET *", err);
                  return;
                }
              });
            });
          ` },
        ] },
      ],
      output: dedent`
        app.get("*", (req, res) => {
          res.sendFile(indexPath, (err) => {
            if (err) {
              console.error("res.sendFile failed in GET *", err);
              res.status(200).json({ message: "API running; the frontend is not built yet" });
            }
          });
        });
      `,
    },
    {
      name: "a regex fallback parse whose own failure throws a new error without the parse error (held round 21, debatable)",
      code: dedent`
        export async function categorize(text: string) {
          const answer = await model.generate(text);
          try {
            return JSON.parse(answer);
          } catch (error) {
            const match = answer.match(/\\{[\\s\\S]*\\}/);
            if (!match) throw new Error("Could not parse the model's answer");
            return JSON.parse(match[0]);
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [

        ] },
      ],
      output: dedent`
        export async function categorize(text: string) {
          const answer = await model.generate(text);
          try {
            return JSON.parse(answer);
          } catch (error) {
            const match = answer.match(/\\{[\\s\\S]*\\}/);
            if (!match) throw new Error("Could not parse the model's answer", { cause: error });
            return JSON.parse(match[0]);
          }
        }
      `,
    },
    {
      name: "the same close callback in a function an HTTP route calls, not a signal handler: stays reported",
      code: dedent`
        export function listen(app: App, pool: Pool) {
          const server = app.listen(3000);
          const restart = () => {
            server.close(async () => {
              try {
                await pool.end();
              } catch (e) {
                console.error("pool close failed", e);
              }
              process.exit(0);
            });
          };
          app.post("/admin/restart", () => restart());
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 9, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function listen(app: App, pool: Pool) {
              const server = app.listen(3000);
              const restart = () => {
                server.close(async () => {
                  try {
                    await pool.end();
                  } catch (e) {
                    // Intentionally ignored: <reason>
                    console.error("pool close failed", e);
                  }
                  process.exit(0);
                });
              };
              app.post("/admin/restart", () => restart());
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a handler that logs and does other work on the same object: stays reported",
      code: dedent`
        export function startSession(auth: Auth, token: string) {
          signInWithToken(auth, token).catch((error) => {
            console.error("token sign-in failed", error);
            showWelcome(auth);
          });
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 38, endLine: 5, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function startSession(auth: Auth, token: string) {
              signInWithToken(auth, token).catch((error) => {
                // Intentionally ignored: <reason>
                console.error("token sign-in failed", error);
                showWelcome(auth);
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a safe-named function whose answer holds the handler's made-up value: stays reported",
      code: dedent`
        export async function safeLoadProfile(id: string) {
          const profile = await api.profile(id).catch(() => null);
          return { id, profile };
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 47, endLine: 2, endColumn: 57, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function safeLoadProfile(id: string) {
              const profile = await api.profile(id).catch(() => /* Intentionally ignored: <reason> */ null);
              return { id, profile };
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function safeLoadProfile(id: string) {
          const profile = await api.profile(id).catch((err) => {
            console.error("api.profile failed in safeLoadProfile", { id }, err);
            return null;
          });
          return { id, profile };
        }
      `,
    },
    {
      name: "the same fallback also answered to the caller: stays reported",
      code: dedent`
        export async function setHook(url: string) {
          const res = await fetch(url, { method: "POST" });
          const payload = await res.json().catch(() => null);
          console.log("webhook set:", payload);
          return payload;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 42, endLine: 3, endColumn: 52, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function setHook(url: string) {
              const res = await fetch(url, { method: "POST" });
              const payload = await res.json().catch(() => /* Intentionally ignored: <reason> */ null);
              console.log("webhook set:", payload);
              return payload;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function setHook(url: string) {
          const res = await fetch(url, { method: "POST" });
          const payload = await res.json().catch((err) => {
            console.error("res.json failed in setHook", err);
            return null;
          });
          console.log("webhook set:", payload);
          return payload;
        }
      `,
    },
    {
      name: "a comment above a promise chain that only says what the statement does explains nothing, as above a try",
      code: dedent`
        export async function seedTemplates(db: Db, templates: Template[]) {
          for (const t of templates) {
            // Make sure every template row carries its key
            await db.query("UPDATE templates SET key = $1 WHERE name = $2", [t.key, t.name]).catch(() => {});
          }
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 92, endLine: 4, endColumn: 100, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function seedTemplates(db: Db, templates: Template[]) {
              for (const t of templates) {
                // Make sure every template row carries its key
                await db.query("UPDATE templates SET key = $1 WHERE name = $2", [t.key, t.name]).catch((err) => {
                  console.error("db.query failed in seedTemplates", err);
                  throw err;
                });
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function seedTemplates(db: Db, templates: Template[]) {
              for (const t of templates) {
                // Make sure every template row carries its key
                await db.query("UPDATE templates SET key = $1 WHERE name = $2", [t.key, t.name]).catch(() => {
                  // Intentionally ignored: <reason>
                });
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function seedTemplates(db: Db, templates: Template[]) {
          for (const t of templates) {
            // Make sure every template row carries its key
            await db.query("UPDATE templates SET key = $1 WHERE name = $2", [t.key, t.name]).catch((err) => {
              console.error("db.query failed in seedTemplates", err);
            });
          }
        }
      `,
    },
    {
      name: "a D1 query chain's .first() answers null for no row: the catch's null makes an outage read as an unknown key",
      code: dedent`
        export class Accounts {
          async byLicense(key: string) {
            try {
              const user = await this.db.prepare("SELECT * FROM users WHERE license_key = ?").bind(key).first();
              return user;
            } catch (error) {
              console.error("license lookup failed", error);
              return null;
            }
          }

          async check(key: string) {
            const user = await this.byLicense(key);
            if (!user) throw new AuthError("not authenticated");
            return user;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Accounts {
              async byLicense(key: string) {
                try {
                  const user = await this.db.prepare("SELECT * FROM users WHERE license_key = ?").bind(key).first();
                  return user;
                } catch (error) {
                  console.error("license lookup failed", error);
                  throw error;
                }
              }

              async check(key: string) {
                const user = await this.byLicense(key);
                if (!user) throw new AuthError("not authenticated");
                return user;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Accounts {
              async byLicense(key: string) {
                try {
                  const user = await this.db.prepare("SELECT * FROM users WHERE license_key = ?").bind(key).first();
                  return user;
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("license lookup failed", error);
                  return null;
                }
              }

              async check(key: string) {
                const user = await this.byLicense(key);
                if (!user) throw new AuthError("not authenticated");
                return user;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
