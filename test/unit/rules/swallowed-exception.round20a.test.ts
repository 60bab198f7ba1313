import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 20 (issue 11; held round 19 retired to tune: hand-written analogues, no
// fetched code): a try that only logs values it reads; a URL parse returned; an error message built
// through two locals; shutdown steps of signal handlers registered in a loop, and of a Fastify
// onClose hook; logged cleanups before a failing exit; a chat message that says it failed in
// Spanish, sent by `enviarTexto`/`sendMessage`, or a module constant that says so; a `safe*`
// function that answers nothing; a helper named for sending the error notice; the raw input kept
// where the try keeps a field of its parse; a provider whose setting guard sits in the try; a
// request-body fallback read into several locals before its check; the wait for a promise whose
// rejection went to its owner. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchNoop", "promiseCatchLogOnly", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log line whose clause after a dash says what is used instead", code: dedent`
        let client: Redis | null = null;
        try {
          client = new Redis(process.env.REDIS_URL);
        } catch (e) {
          console.log("Redis no configurado – usando memoria local para sesiones.");
        }
      ` },
    { name: "a try that only logs values it reads, with a guard that picks the log line", code: dedent`
        async function onPaid(event: PaidEvent) {
          try {
            console.log("paid", event.reference);
            const orderId = event.meta?.orderId;
            if (!orderId) {
              console.error("no order id");
              return;
            }
            console.log("order paid", orderId, Object.keys(event));
          } catch (error) {
            console.error("could not log the payment", error);
          }
        }
      ` },
    { name: "a URL parse returned, its failure turned into an input error", code: dedent`
        export function serverUrl(raw: string) {
          try {
            return new URL(raw);
          } catch (_e) {
            throw new Error(\`Invalid server URL: \${raw}\`);
          }
        }
      ` },
    { name: "a new error whose message is built from the caught one through two locals", code: dedent`
        export async function call(path: string) {
          try {
            return await send(path);
          } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            const oneLine = text.replace(/\\s+/g, " ");
            throw new RequestError(\`Request to \${path} failed: \${oneLine}\`);
          }
        }
      ` },
    { name: "a close step of a shutdown handler registered for each signal of a list", code: dedent`
        export async function start() {
          const app = await listen();
          const stop = async () => {
            try {
              await app.close();
            } catch (closeError) {
              console.error("close failed", closeError);
            }
            process.exit(0);
          };
          ["SIGINT", "SIGTERM"].forEach((sig) => {
            process.once(sig, () => stop());
          });
        }
      ` },
    { name: "a close step of a Fastify onClose hook", code: dedent`
        export function register(app: App, server: Server) {
          app.addHook("onClose", async () => {
            try {
              await server.close();
            } catch (error) {
              app.log.warn({ err: error }, "server did not close cleanly");
            }
          });
        }
      ` },
    { name: "logged cleanups before the process exits with a failure", code: dedent`
        export async function boot() {
          let worker: Worker | undefined;
          let cache: Cache | undefined;
          try {
            worker = await startWorker();
            cache = await startCache();
          } catch (error) {
            console.error("boot failed", error);
            if (worker) {
              try {
                await worker.close();
              } catch (workerError) {
                console.error("worker close failed", workerError);
              }
            }
            if (cache) {
              try {
                await cache.close();
              } catch (cacheError) {
                console.error("cache close failed", cacheError);
              }
            }
            process.exit(1);
          }
        }
      ` },
    { name: "a Spanish chat message that says it failed, sent by enviarTexto", code: dedent`
        export async function confirmarPedido(to: string, pedido: Pedido) {
          try {
            await guardarPedido(pedido);
            await enviarTexto(to, "Pedido confirmado");
          } catch (error) {
            logger.error("no se guardó el pedido", error);
            await enviarTexto(to, "Hubo un error al procesar tu pedido.");
          }
        }
      ` },
    { name: "a Spanish apology that says it could not, sent by sendMessage", code: dedent`
        export async function enviarMenu(to: string) {
          try {
            const items = await Menu.find();
            await sendMessage(to, render(items));
          } catch (error) {
            logger.error("menu failed", error);
            await sendMessage(to, "Lo sentimos, no pudimos cargar el menú.");
          }
        }
      ` },
    { name: "a module constant that says it failed, answered as the message", code: dedent`
        const SIN_DATOS = "No se pudieron cargar los datos bancarios.";

        export async function datosBancarios() {
          try {
            const config = await getConfig();
            return config.transfer || SIN_DATOS;
          } catch (error) {
            logger.error("config failed", error);
            return SIN_DATOS;
          }
        }
      ` },
    { name: "a function named safe* that answers nothing, its catch falling off the end", code: dedent`
        export const safeSend = async (fn: Sender, ...args: unknown[]) => {
          try {
            await fn(...args);
          } catch (error) {
            console.error("safeSend failed", error);
          }
        };
      ` },
    { name: "a helper named for sending the error notice, whose send fails too", code: dedent`
        export async function sendErrorMessage(chatId: number, text: string) {
          try {
            await bot.sendMessage(chatId, text);
          } catch (error) {
            logError("could not send the error message", error);
          }
        }
      ` },
    { name: "the raw text kept where the try keeps a field of its parse", code: dedent`
        export function readSummary(content: string) {
          let summary = "";
          try {
            const parsed = JSON.parse(content);
            summary = parsed.summary || "";
          } catch {
            summary = content;
          }
          return summary;
        }
      ` },
    { name: "an optional provider whose setting guard sits in the try and answers what the catch answers", code: dedent`
        async function fromProvider(address: string) {
          try {
            const url = process.env.PROVIDER_URL;
            if (!url) return null;
            const res = await fetch(url, { method: "POST", body: address });
            return (await res.json()).estimate;
          } catch {
            return null;
          }
        }
      ` },
    { name: "a request-body fallback read into several locals, then checked with a 400", code: dedent`
        export async function POST(req: Request) {
          const payload = await req.json().catch(() => ({}));
          const kind = payload?.event || payload?.type;
          const id = payload?.packet_id || payload?.id;
          const lead = payload?.metadata?.lead;
          const role = payload?.metadata?.role;
          if (!id || !lead || !role) return Response.json({ error: "missing fields" }, { status: 400 });
          return Response.json(await handle(kind, id, lead, role));
        }
      ` },
    { name: "the wait for an in-flight promise whose rejection went to the caller it was returned to", code: dedent`
        export class Client {
          private pending: Promise<void> | null = null;

          connect() {
            const p = this.open();
            this.pending = p;
            return p;
          }

          async disconnect() {
            if (this.pending) {
              await this.pending.catch(() => {});
            }
            await this.close();
          }
        }
      ` },
  ],
  invalid: [
    {
      name: "a cache read under an UPPER_CASE key is no setting: its guard says nothing of the catch",
      code: dedent`
        export async function modelCache() {
          const cached = await getCache(CACHE_KEY);
          if (!cached) return null;
          try {
            const models = JSON.parse(cached) as Model[];
            lookup = buildLookup(models);
            return lookup;
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function modelCache() {
              const cached = await getCache(CACHE_KEY);
              if (!cached) return null;
              try {
                const models = JSON.parse(cached) as Model[];
                lookup = buildLookup(models);
                return lookup;
              } catch (err) {
                console.error("modelCache failed", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function modelCache() {
              const cached = await getCache(CACHE_KEY);
              if (!cached) return null;
              try {
                const models = JSON.parse(cached) as Model[];
                lookup = buildLookup(models);
                return lookup;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also awaits a lookup for its log line stays reported",
      code: dedent`
        async function onPaid(event: PaidEvent) {
          try {
            const order = await db.orders.find(event.meta?.orderId);
            console.log("order paid", order);
          } catch (error) {
            console.error("could not log the payment", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function onPaid(event: PaidEvent) {
              try {
                const order = await db.orders.find(event.meta?.orderId);
                console.log("order paid", order);
              } catch (error) {
                console.error("could not log the payment", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function onPaid(event: PaidEvent) {
              try {
                const order = await db.orders.find(event.meta?.orderId);
                console.log("order paid", order);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("could not log the payment", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL parse followed by a fetch: the new error drops the fetch's failure",
      code: dedent`
        export async function load(raw: string) {
          try {
            const u = new URL(raw);
            return await fetch(u);
          } catch (_e) {
            throw new Error(\`Invalid server URL: \${raw}\`);
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 5, column: 5, endLine: 5, endColumn: 15},
      ],
      output: dedent`
        export async function load(raw: string) {
          try {
            const u = new URL(raw);
            return await fetch(u);
          } catch (_e) {
            throw new Error(\`Invalid server URL: \${raw}\`, { cause: _e });
          }
        }
      `,
    },
    {
      name: "a close step of a handler registered for a list that is not signals stays reported",
      code: dedent`
        export async function start(events: string[]) {
          const app = await listen();
          const stop = async () => {
            try {
              await app.close();
            } catch (closeError) {
              console.error("close failed", closeError);
            }
            process.exit(0);
          };
          events.forEach((sig) => {
            process.once(sig, () => stop());
          });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 25, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function start(events: string[]) {
              const app = await listen();
              const stop = async () => {
                try {
                  await app.close();
                } catch (closeError) {
                  // Intentionally ignored: <reason>
                  console.error("close failed", closeError);
                }
                process.exit(0);
              };
              events.forEach((sig) => {
                process.once(sig, () => stop());
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an onClose hook that also flushes a queue stays reported",
      code: dedent`
        export function register(app: App, server: Server) {
          app.addHook("onClose", async () => {
            try {
              await queue.flush();
              await server.close();
            } catch (error) {
              app.log.warn({ err: error }, "server did not close cleanly");
            }
          });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function register(app: App, server: Server) {
              app.addHook("onClose", async () => {
                try {
                  await queue.flush();
                  await server.close();
                } catch (error) {
                  // Intentionally ignored: <reason>
                  app.log.warn({ err: error }, "server did not close cleanly");
                }
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a logged cleanup before an exit with code 0 stays reported",
      code: dedent`
        export async function finish(worker: Worker) {
          try {
            await worker.close();
          } catch (workerError) {
            console.error("worker close failed", workerError);
          }
          process.exit(0);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 24, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function finish(worker: Worker) {
              try {
                await worker.close();
              } catch (workerError) {
                // Intentionally ignored: <reason>
                console.error("worker close failed", workerError);
              }
              process.exit(0);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a chat message that does not say it failed stays reported",
      code: dedent`
        export async function confirmarPedido(to: string, pedido: Pedido) {
          try {
            await guardarPedido(pedido);
          } catch (error) {
            logger.error("no se guardó el pedido", error);
            await enviarTexto(to, "Pedido recibido");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function confirmarPedido(to: string, pedido: Pedido) {
              try {
                await guardarPedido(pedido);
              } catch (error) {
                logger.error("no se guardó el pedido", error);
                await enviarTexto(to, "Pedido recibido");
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function confirmarPedido(to: string, pedido: Pedido) {
              try {
                await guardarPedido(pedido);
              } catch (error) {
                // Intentionally ignored: <reason>
                logger.error("no se guardó el pedido", error);
                await enviarTexto(to, "Pedido recibido");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a safe* function whose try answers a value, its catch falling off the end, stays reported",
      code: dedent`
        export const safeGet = async (id: string) => {
          try {
            return await api.get(id);
          } catch (error) {
            console.error("safeGet failed", error);
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export const safeGet = async (id: string) => {
              try {
                return await api.get(id);
              } catch (error) {
                console.error("safeGet failed", error);
                throw error;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const safeGet = async (id: string) => {
              try {
                return await api.get(id);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("safeGet failed", error);
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a helper named for the error notice whose try also writes stays reported",
      code: dedent`
        export async function sendErrorMessage(chatId: number, text: string) {
          try {
            await db.errors.insert({ chatId, text });
            await bot.sendMessage(chatId, text);
          } catch (error) {
            logError("could not send the error message", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function sendErrorMessage(chatId: number, text: string) {
              try {
                await db.errors.insert({ chatId, text });
                await bot.sendMessage(chatId, text);
              } catch (error) {
                logError("could not send the error message", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function sendErrorMessage(chatId: number, text: string) {
              try {
                await db.errors.insert({ chatId, text });
                await bot.sendMessage(chatId, text);
              } catch (error) {
                // Intentionally ignored: <reason>
                logError("could not send the error message", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a made-up value where the try keeps a field of its parse stays reported",
      code: dedent`
        export function readSummary(content: string) {
          let summary = "";
          try {
            const parsed = JSON.parse(content);
            summary = parsed.summary || "";
          } catch {
            summary = "No summary";
          }
          return summary;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function readSummary(content: string) {
              let summary = "";
              try {
                const parsed = JSON.parse(content);
                summary = parsed.summary || "";
              } catch (err) {
                console.error("JSON.parse failed in readSummary", err);
                summary = "No summary";
              }
              return summary;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function readSummary(content: string) {
              let summary = "";
              try {
                const parsed = JSON.parse(content);
                summary = parsed.summary || "";
              } catch {
                // Intentionally ignored: <reason>
                summary = "No summary";
              }
              return summary;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a guard on the input inside the try says nothing of the catch",
      code: dedent`
        async function fromProvider(address: string) {
          try {
            if (!address) return null;
            const res = await fetch(PROVIDER, { method: "POST", body: address });
            return (await res.json()).estimate;
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            async function fromProvider(address: string) {
              try {
                if (!address) return null;
                const res = await fetch(PROVIDER, { method: "POST", body: address });
                return (await res.json()).estimate;
              } catch (err) {
                console.error("fetch failed in fromProvider", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function fromProvider(address: string) {
              try {
                if (!address) return null;
                const res = await fetch(PROVIDER, { method: "POST", body: address });
                return (await res.json()).estimate;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the wait for a promise nobody else is handed stays reported",
      code: dedent`
        export class Client {
          private pending: Promise<void> | null = null;

          start() {
            this.pending = this.open();
          }

          async disconnect() {
            if (this.pending) {
              await this.pending.catch(() => {});
            }
            await this.close();
          }
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 10, column: 32, endLine: 10, endColumn: 40, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export class Client {
              private pending: Promise<void> | null = null;

              start() {
                this.pending = this.open();
              }

              async disconnect() {
                if (this.pending) {
                  await this.pending.catch((err) => {
                    console.error("Client.disconnect failed", err);
                    throw err;
                  });
                }
                await this.close();
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Client {
              private pending: Promise<void> | null = null;

              start() {
                this.pending = this.open();
              }

              async disconnect() {
                if (this.pending) {
                  await this.pending.catch(() => {
                    // Intentionally ignored: <reason>
                  });
                }
                await this.close();
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export class Client {
          private pending: Promise<void> | null = null;

          start() {
            this.pending = this.open();
          }

          async disconnect() {
            if (this.pending) {
              await this.pending.catch((err) => {
                console.error("Client.disconnect failed", err);
              });
            }
            await this.close();
          }
        }
      `,
    },
    {
      name: "a log-only wait on an in-flight promise nobody else is handed stays reported",
      code: dedent`
        export async function stopAll(jobs: Job[]) {
          const draining = drain(jobs);
          await draining.catch((err) => console.warn("drain failed", err));
          return jobs.length;
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 24, endLine: 3, endColumn: 66, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function stopAll(jobs: Job[]) {
              const draining = drain(jobs);
              await draining.catch((err) => /* Intentionally ignored: <reason> */ console.warn("drain failed", err));
              return jobs.length;
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
