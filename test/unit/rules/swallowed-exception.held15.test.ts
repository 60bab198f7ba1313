import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from held round 15, retired to tune (issue 11; hand-written analogues, no fetched code):
// candidates tried in turn written out as tries one after another; a log line that says the run
// goes on ("continuing", "not required", "trying the next"); a try that cannot throw (it only builds
// a closure); a new error whose message local is assigned from the caught one; an insert into a log
// table; a write into a cache table; a JSON.parse probe answering the guard's empty value; a body
// fallback answered by the project's error helper (`return err("…")`); a fan-out that counts what
// worked and what failed and logs each failure's error; one item of a batch answered "none" and filtered out; a
// try whose only awaits have their own rejection handler;
// and, found where they were missed, a Supabase client made by the project's own module and an
// awaited `Promise.all` of Supabase calls whose results are dropped. This table declares only the
// cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault", "rethrowWithoutCause", "resultErrorIgnored", "resultErrorLogOnly", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "candidates written out one after another: each try answers when its candidate works, each catch logs and falls through, then a throw", code: dedent`
        export async function getToken(config: Config) {
          try {
            const res = await axios.post(\`\${config.url}/oauth/token\`, { grant_type: "client_credentials" }, { timeout: 10000 });
            const token = res.data.access_token;
            if (token) return token;
          } catch (error) {
            console.log("OAuth2 method failed");
          }
          try {
            const res = await axios.post(\`\${config.url}/auth/token\`, { user: config.user }, { timeout: 10000 });
            if (res.data.token) {
              return res.data.token;
            }
          } catch (error) {
            console.log("Direct auth failed");
          }
          throw new Error("All authentication methods failed");
        }
      ` },
    { name: "candidates one after another with a project logger, returning null when none works", code: dedent`
        export async function resolveAvatar(user: User) {
          try {
            return await gravatar.fetch(user.email);
          } catch (err) {
            logger.warn({ err }, "gravatar lookup failed");
          }
          try {
            return await github.avatarFor(user.login);
          } catch (err) {
            logger.warn({ err }, "github avatar lookup failed");
          }
          return null;
        }
      ` },
    { name: "a log line that says the step is optional and the run continues (continuing, not required, trying next)", code: dedent`
        export async function runChecks() {
          try {
            await health();
          } catch (error) {
            logWarning("Health check endpoint not available, continuing...");
          }
          try {
            await initializeDevice();
          } catch (error) {
            logWarning("Device initialization not required yet");
          }
          try {
            await primaryRegion.connect();
          } catch (error) {
            console.warn("Primary region unreachable, trying the next one");
          }
          await secondaryRegion.connect();
        }
      ` },
    { name: "a try that only builds a closure: nothing in it can throw, the call runs later outside it", code: dedent`
        export const getMe = (bot: Bot) => {
          try {
            const cache: { me?: string } = { me: undefined };
            return async () => {
              if (!cache.me) cache.me = (await bot.getMe()).username;
              return cache.me;
            };
          } catch (error) {
            console.log("getMe failed", error);
            return null;
          }
        };
      ` },
    { name: "a new error whose message comes from the caught one through a local assigned in branches", code: dedent`
        export async function createOrder(amount: number) {
          try {
            return await razorpay.orders.create({ amount });
          } catch (error: any) {
            let errorMessage = "Unknown error occurred";
            if (error.error?.description) {
              errorMessage = error.error.description;
            } else if (error.message) {
              errorMessage = error.message;
            }
            throw new Error(\`Failed to create payment order: \${errorMessage}\`);
          }
        }
      ` },
    { name: "an insert into a log table whose error is logged: the write was itself a log record", code: dedent`
        export async function handleWebhook(supabase: Client, payload: Payload) {
          await applyPayment(payload);
          const { error: logError } = await supabase.from("webhook_logs").insert({ event: payload.event, payload });
          if (logError) {
            console.error("Failed to record webhook:", logError);
          }
          const { error: auditError } = await supabase.from("audit_log").insert({ action: "payment", id: payload.id });
          if (auditError) console.error("audit insert failed", auditError);
          return { ok: true };
        }
      ` },
    { name: "a write into a cache table, in a function whose job is not the cache", code: dedent`
        export async function lookupCompany(supabase: Client, id: string) {
          const company = await fetchCompany(id);
          await supabase.from("company_cache").upsert({ id, data: company });
          return company;
        }
      ` },
    { name: "a JSON.parse probe whose catch answers the same empty value as the guard on a missing input", code: dedent`
        function parseCustomization(raw?: string): Record<string, unknown> {
          if (!raw) return {};
          try {
            return JSON.parse(raw);
          } catch (e) {
            console.error("Invalid customization JSON:", e);
            return {};
          }
        }
        function parseTags(raw?: string): string[] {
          if (!raw) return [];
          try {
            return JSON.parse(raw);
          } catch {
            return [];
          }
        }
      ` },
    { name: "a body parse fallback checked next and answered by the project's error helper", code: dedent`
        app.post("/api/commands", async (c) => {
          const body = await c.req.json<Body>().catch(() => ({}));
          if (!body.type || !["LOCK", "UNLOCK"].includes(body.type)) return err("type must be LOCK or UNLOCK");
          return ok(await queue(body.type));
        });
        app.post("/api/users", async (req, res) => {
          const input = await parseBody(req).catch(() => null);
          if (!input) return badRequest(res, "invalid JSON body");
          return res.json(await createUser(input));
        });
      ` },
    { name: "one item of a fan-out logged with its error while the function answers with the count of the items that worked and of those that failed (session 32: a count of successes alone is reported)", code: dedent`
        export async function syncPhotos(contacts: Contact[]) {
          let photosUpdated = 0;
          for (const contact of contacts) {
            try {
              const url = await fetchPhoto(contact.phone);
              await db.contacts.update(contact.id, { photo: url });
              photosUpdated++;
            } catch (err) {
              console.log(\`Photo fetch error for \${contact.phone}:\`, err);
            }
          }
          return { ok: true, photosUpdated, failed: contacts.length - photosUpdated };
        }
        export async function notifyAll(users: User[]) {
          let notified = 0;
          for (const user of users) {
            try {
              await sendPush(user.id);
            } catch (err) {
              logger.error({ err, userId: user.id }, "push failed");
              continue;
            }
            notified += 1;
          }
          return Response.json({ notified, failed: users.length - notified });
        }
      ` },
    { name: "a query builder's delete through a client from a module that is not Supabase is not a result-error call", code: dedent`
        import { db } from "./knex";
        export async function prune() {
          await db.from("sessions").delete().where("expires_at", "<", new Date());
        }
      ` },
    { name: "one item of a batch logged with its error and answered none, which the function filters out of what it returns", code: dedent`
        export async function loadImages(urls: string[]): Promise<string[]> {
          const images = await Promise.all(
            urls.map(async (url) => {
              try {
                return await fetchImageAsDataUrl(url);
              } catch (error) {
                const message = error instanceof Error ? error.message : "unknown";
                logger.warn(\`image \${url} failed: \${message}\`);
                return undefined;
              }
            }),
          );
          return images.filter((x): x is string => typeof x === "string");
        }
        export async function embedAll(articles: Article[]) {
          const vectors: Vector[] = [];
          const pending = articles.map(async (article) => {
            try {
              return { id: article.id, values: await embed(article.text) };
            } catch (err) {
              console.error("Failed to embed article", { id: article.id, err });
              return null;
            }
          });
          const settled = await Promise.allSettled(pending);
          settled.forEach((r) => {
            if (r.status === "fulfilled" && r.value) vectors.push(r.value);
          });
          return vectors;
        }
      ` },
  ],
  invalid: [
    {
      name: "candidates one after another followed by a made-up answer stay reported",
      code: dedent`
        export async function loadSlides(topic: string) {
          try {
            return await gemini.slides(topic);
          } catch (error) {
            console.warn("gemini failed", error);
          }
          try {
            return await openai.slides(topic);
          } catch (error) {
            console.warn("openai failed", error);
          }
          return fallbackSlides(topic);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadSlides(topic: string) {
              try {
                return await gemini.slides(topic);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.warn("gemini failed", error);
              }
              try {
                return await openai.slides(topic);
              } catch (error) {
                console.warn("openai failed", error);
              }
              return fallbackSlides(topic);
            }
          ` },
        ] },
        { case: "logAndContinue", line: 9, column: 5, endLine: 9, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadSlides(topic: string) {
              try {
                return await gemini.slides(topic);
              } catch (error) {
                console.warn("gemini failed", error);
              }
              try {
                return await openai.slides(topic);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.warn("openai failed", error);
              }
              return fallbackSlides(topic);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a single try followed by a throw, whose catch logs only a message, stays reported",
      code: dedent`
        export async function getToken(config: Config) {
          try {
            const res = await axios.post(config.url, {}, { timeout: 5000 });
            if (res.data.token) return res.data.token;
          } catch (error) {
            console.log("Token request failed");
          }
          await audit.record("token-miss");
          throw new Error("No token");
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function getToken(config: Config) {
              try {
                const res = await axios.post(config.url, {}, { timeout: 5000 });
                if (res.data.token) return res.data.token;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.log("Token request failed");
              }
              await audit.record("token-miss");
              throw new Error("No token");
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function getToken(config: Config) {
          try {
            const res = await axios.post(config.url, {}, { timeout: 5000 });
            if (res.data.token) return res.data.token;
          } catch (error) {
            console.log("Token request failed", error);
          }
          await audit.record("token-miss");
          throw new Error("No token");
        }
      `,
    },
    {
      name: "a log line that only says it failed stays reported (a word that holds \"continu\" is not \"continuing\")",
      code: dedent`
        export async function save(user: User) {
          try {
            await db.users.update(user);
          } catch (error) {
            console.error("Sync failed for a discontinued plan", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function save(user: User) {
              try {
                await db.users.update(user);
              } catch (error) {
                console.error("Sync failed for a discontinued plan", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function save(user: User) {
              try {
                await db.users.update(user);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Sync failed for a discontinued plan", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that builds a closure after a call that can throw stays reported",
      code: dedent`
        export const makeClient = (config: Config) => {
          try {
            const token = readToken(config);
            return async () => api.get(token);
          } catch (error) {
            console.log("makeClient failed", error);
            return null;
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export const makeClient = (config: Config) => {
              try {
                const token = readToken(config);
                return async () => api.get(token);
              } catch (error) {
                console.log("makeClient failed", error);
                throw error;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const makeClient = (config: Config) => {
              try {
                const token = readToken(config);
                return async () => api.get(token);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.log("makeClient failed", error);
                return null;
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a new error whose message local holds only a fixed text stays a rethrowWithoutCause",
      code: dedent`
        export async function createOrder(amount: number) {
          try {
            return await razorpay.orders.create({ amount });
          } catch (error) {
            let errorMessage = "Unknown error occurred";
            if (amount > 100) errorMessage = "Large order failed";
            throw new Error(\`Failed to create payment order: \${errorMessage}\`);
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 18 },
      ],
      output: dedent`
        export async function createOrder(amount: number) {
          try {
            return await razorpay.orders.create({ amount });
          } catch (error) {
            let errorMessage = "Unknown error occurred";
            if (amount > 100) errorMessage = "Large order failed";
            throw new Error(\`Failed to create payment order: \${errorMessage}\`, { cause: error });
          }
        }
      `,
    },
    {
      name: "an insert into a table that is not a log, whose error is only logged, stays reported",
      code: dedent`
        export async function report(supabase: Client, row: Row) {
          const { error } = await supabase.from("bug_reports").insert(row);
          if (error) {
            console.error("insert failed", error);
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 2, column: 21, endLine: 3, endColumn: 13, suggestions: [
          { title: "Throw the error after logging it", output: dedent`
            export async function report(supabase: Client, row: Row) {
              const { error } = await supabase.from("bug_reports").insert(row);
              if (error) {
                console.error("insert failed", error);
                throw error;
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a delete on a cache table stays reported (a stale entry)",
      code: dedent`
        export async function invalidate(supabase: Client, id: string) {
          await supabase.from("company_cache").delete().eq("id", id);
          return true;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 2, column: 3, endLine: 2, endColumn: 61, suggestions: [
          { title: "Throw the error", output: dedent`
            export async function invalidate(supabase: Client, id: string) {
              const { error } = await supabase.from("company_cache").delete().eq("id", id);
              if (error) throw error;
              return true;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function invalidate(supabase: Client, id: string) {
          const { error } = await supabase.from("company_cache").delete().eq("id", id);
          if (error) console.error("delete on company_cache failed", error);
          return true;
        }
      `,
    },
    {
      name: "a Supabase client made by the project's own module: its dropped delete is reported",
      code: dedent`
        import { createServiceClient } from "@/lib/supabase-service";
        export async function POST() {
          const service = createServiceClient();
          await service.from("connect_sessions").delete().lt("expires_at", new Date().toISOString());
          return Response.json({ ok: true });
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 4, column: 3, endLine: 4, endColumn: 93, suggestions: [
          { title: "Throw the error", output: dedent`
            import { createServiceClient } from "@/lib/supabase-service";
            export async function POST() {
              const service = createServiceClient();
              const { error } = await service.from("connect_sessions").delete().lt("expires_at", new Date().toISOString());
              if (error) throw error;
              return Response.json({ ok: true });
            }
          ` },
        ] },
      ],
      output: dedent`
        import { createServiceClient } from "@/lib/supabase-service";
        export async function POST() {
          const service = createServiceClient();
          const { error } = await service.from("connect_sessions").delete().lt("expires_at", new Date().toISOString());
          if (error) console.error("delete on connect_sessions failed", error);
          return Response.json({ ok: true });
        }
      `,
    },
    {
      name: "an awaited Promise.all of Supabase function calls whose results are dropped: one finding",
      code: dedent`
        export async function notify(supabase: Client, order: Order) {
          await Promise.all([
            supabase.functions.invoke("admin-operations", { body: { action: "notify", id: order.id } }),
            order.customerId ? supabase.functions.invoke("admin-operations", { body: { userId: order.customerId } }) : Promise.resolve(),
          ]);
          return true;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 3, column: 5, endLine: 3, endColumn: 96 },
      ],
      output: null,
    },
    {
      name: "a JSON.parse probe whose catch answers a non-empty default stays reported",
      code: dedent`
        function parseSettings(raw?: string) {
          if (!raw) return {};
          try {
            return JSON.parse(raw);
          } catch {
            return { theme: "dark" };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            function parseSettings(raw?: string) {
              if (!raw) return {};
              try {
                return JSON.parse(raw);
              } catch (err) {
                console.error("JSON.parse failed in parseSettings", err);
                return { theme: "dark" };
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function parseSettings(raw?: string) {
              if (!raw) return {};
              try {
                return JSON.parse(raw);
              } catch {
                // Intentionally ignored: <reason>
                return { theme: "dark" };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a fan-out whose catch is empty stays reported even when successes are counted",
      code: dedent`
        export async function retryAll(jobs: Job[]) {
          let retried = 0;
          for (const job of jobs) {
            try {
              await job.retry();
              retried++;
            } catch {}
          }
          return retried;
        }
      `,
      findings: [
        { case: "emptyCatch", line: 7, column: 13, endLine: 7, endColumn: 15, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function retryAll(jobs: Job[]) {
              let retried = 0;
              for (const job of jobs) {
                try {
                  await job.retry();
                  retried++;
                } catch {
                  // Intentionally ignored: <reason>
                }
              }
              return retried;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function retryAll(jobs: Job[]) {
          let retried = 0;
          for (const job of jobs) {
            try {
              await job.retry();
              retried++;
            } catch (err) {
              console.error("job.retry failed in retryAll", err);
            }
          }
          return retried;
        }
      `,
    },
    {
      name: "a counted failed cache deletion stays reported (a stale entry)",
      code: dedent`
        export async function revalidate(rows: Row[]) {
          let deleted = 0;
          for (const row of rows) {
            try {
              await cacheStore.delete(row.id);
              deleted++;
            } catch (error) {
              console.error(\`Error deleting cache entry \${row.id}:\`, error);
            }
          }
          return { success: true, deleted };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function revalidate(rows: Row[]) {
              let deleted = 0;
              for (const row of rows) {
                try {
                  await cacheStore.delete(row.id);
                  deleted++;
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error(\`Error deleting cache entry \${row.id}:\`, error);
                }
              }
              return { success: true, deleted };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also awaits work without its own handler stays reported",
      code: dedent`
        export async function confirm(ticket: Ticket) {
          try {
            await db.tickets.update(ticket.id, { confirmed: true });
            await fetch(\`\${API}/messages\`, { method: "POST" }).catch((e) => console.error("send failed", e));
          } catch (e) {
            console.error("confirm failed", e);
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 62, endLine: 4, endColumn: 100, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                await db.tickets.update(ticket.id, { confirmed: true });
                await fetch(\`\${API}/messages\`, { method: "POST" }).catch((e) => {
                  console.error("send failed", e);
                  throw e;
                });
              } catch (e) {
                console.error("confirm failed", e);
              }
              return { ok: true };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                await db.tickets.update(ticket.id, { confirmed: true });
                await fetch(\`\${API}/messages\`, { method: "POST" }).catch((e) => /* Intentionally ignored: <reason> */ console.error("send failed", e));
              } catch (e) {
                console.error("confirm failed", e);
              }
              return { ok: true };
            }
          ` },
        ] },
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                await db.tickets.update(ticket.id, { confirmed: true });
                await fetch(\`\${API}/messages\`, { method: "POST" }).catch((e) => console.error("send failed", e));
              } catch (e) {
                console.error("confirm failed", e);
                throw e;
              }
              return { ok: true };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                await db.tickets.update(ticket.id, { confirmed: true });
                await fetch(\`\${API}/messages\`, { method: "POST" }).catch((e) => console.error("send failed", e));
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error("confirm failed", e);
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try whose only await is a send with its own rejection handler: only that handler is reported, not the catch, which no rejection reaches",
      code: dedent`
        export async function confirm(ticket: Ticket) {
          try {
            const phone = ticket.phone.replace(/\\D/g, "");
            const message = \`Ticket #\${ticket.id} received\`;
            await fetch(\`\${API}/messages\`, { method: "POST", body: JSON.stringify({ phone, message }) })
              .catch((e) => console.error("WhatsApp confirmation error:", e));
          } catch (e) {
            console.error("Error building the confirmation:", e);
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 14, endLine: 6, endColumn: 69, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                const phone = ticket.phone.replace(/\\D/g, "");
                const message = \`Ticket #\${ticket.id} received\`;
                await fetch(\`\${API}/messages\`, { method: "POST", body: JSON.stringify({ phone, message }) })
                  .catch((e) => {
                    console.error("WhatsApp confirmation error:", e);
                    throw e;
                  });
              } catch (e) {
                console.error("Error building the confirmation:", e);
              }
              return { ok: true };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function confirm(ticket: Ticket) {
              try {
                const phone = ticket.phone.replace(/\\D/g, "");
                const message = \`Ticket #\${ticket.id} received\`;
                await fetch(\`\${API}/messages\`, { method: "POST", body: JSON.stringify({ phone, message }) })
                  .catch((e) => /* Intentionally ignored: <reason> */ console.error("WhatsApp confirmation error:", e));
              } catch (e) {
                console.error("Error building the confirmation:", e);
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a batch item answered null that the function returns with its nulls stays reported",
      code: dedent`
        export async function loadImages(urls: string[]) {
          const images = await Promise.all(
            urls.map(async (url) => {
              try {
                return await fetchImage(url);
              } catch (error) {
                console.warn("image failed", error);
                return null;
              }
            }),
          );
          return images;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 9, endLine: 6, endColumn: 22, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadImages(urls: string[]) {
              const images = await Promise.all(
                urls.map(async (url) => {
                  try {
                    return await fetchImage(url);
                  } catch (error) {
                    // Intentionally ignored: <reason>
                    console.warn("image failed", error);
                    return null;
                  }
                }),
              );
              return images;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a batch item answered with a made-up value stays reported, filter or not",
      code: dedent`
        export async function loadPrices(ids: string[]) {
          const prices = await Promise.all(
            ids.map(async (id) => {
              try {
                return await fetchPrice(id);
              } catch (error) {
                console.warn("price failed", error);
                return 0;
              }
            }),
          );
          return prices.filter((p) => p >= 0);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 9, endLine: 6, endColumn: 22, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadPrices(ids: string[]) {
              const prices = await Promise.all(
                ids.map(async (id) => {
                  try {
                    return await fetchPrice(id);
                  } catch (error) {
                    // Intentionally ignored: <reason>
                    console.warn("price failed", error);
                    return 0;
                  }
                }),
              );
              return prices.filter((p) => p >= 0);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a JSON.parse probe that goes on to build from what it parsed, answering the guard's empty value, stays reported",
      code: dedent`
        function headersFrom(config: string | null): Record<string, string> {
          if (!config) return {};
          try {
            const parsed = JSON.parse(config) as { headers?: { key: string; value: string }[] };
            const headers: Record<string, string> = {};
            for (const h of parsed.headers ?? []) headers[h.key] = h.value;
            return headers;
          } catch {
            return {};
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            function headersFrom(config: string | null): Record<string, string> {
              if (!config) return {};
              try {
                const parsed = JSON.parse(config) as { headers?: { key: string; value: string }[] };
                const headers: Record<string, string> = {};
                for (const h of parsed.headers ?? []) headers[h.key] = h.value;
                return headers;
              } catch (err) {
                console.error("JSON.parse failed in headersFrom", err);
                return {};
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function headersFrom(config: string | null): Record<string, string> {
              if (!config) return {};
              try {
                const parsed = JSON.parse(config) as { headers?: { key: string; value: string }[] };
                const headers: Record<string, string> = {};
                for (const h of parsed.headers ?? []) headers[h.key] = h.value;
                return headers;
              } catch {
                // Intentionally ignored: <reason>
                return {};
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
