import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Server-side classes from the unkeyed/unkey production audit (issue 11, hand-written analogues):
// a second failure logged while the code fails explicitly anyway, a fallback checked after the
// `if` it was assigned in, a URL-state parser whose only throws are its own format checks, and a
// logger whose failed write to the tracker is logged to the console. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a cleanup failure logged right before an explicit throw: the caller is told of the failure",
      code: dedent`
        export async function subscribe(stripe: Stripe, params: Params) {
          const sub = await stripe.subscriptions.create(params);
          if (sub.status !== "active") {
            try {
              await stripe.subscriptions.cancel(sub.id);
            } catch (cancelErr) {
              console.error("could not cancel", sub.id, cancelErr);
            }
            throw new BillingError("subscription is not active: " + sub.id);
          }
          return sub;
        }
      `,
    },
    {
      name: "a release whose rejection is logged in a catch that rethrows its own error",
      code: dedent`
        export async function claimAndRun(job: Job) {
          await claim(job.id);
          try {
            await run(job);
          } catch (err) {
            await release(job.id).catch((releaseErr) => {
              logger.error("release failed", { id: job.id, releaseErr });
            });
            throw err;
          }
        }
      `,
    },
    {
      name: "a token minted inside an if whose null is answered with a 500 right after that if",
      code: dedent`
        export async function proxy(req: Request, session: Session) {
          let token: string | null | undefined = session.token;
          if (!token) {
            const user = await loadUser(session.userId);
            token = await mintToken(user).catch((error) => {
              console.error("mint failed", { error });
              return null;
            });
          }
          if (!token) {
            return Response.json({ error: "not configured" }, { status: 500 });
          }
          return forward(req, token);
        }
      `,
    },
    {
      name: "a URL-state parser whose only throws are its own format checks answers like its guard",
      code: dedent`
        export const parseAsSort = () => ({
          parse: (str: string | null) => {
            if (!str) return null;
            try {
              return str.split(",").map((item) => {
                const [column, direction] = item.split(":");
                if (direction !== "asc" && direction !== "desc") throw new Error("Invalid direction");
                return { column, direction };
              });
            } catch {
              return null;
            }
          },
        });
      `,
    },
    {
      name: "a failed write to the error tracker's logger, logged to the console: the job was a log",
      code: dedent`
        export function logRequest(message: string, attributes: Record<string, unknown>) {
          try {
            if (Sentry?.logger && typeof Sentry.logger.info === "function") {
              Sentry.logger.info(message, attributes);
            }
          } catch (error) {
            console.error("Failed to log to Sentry:", error, { message, attributes });
          }
        }
      `,
    },
    {
      name: "a failed captureException, logged to the console",
      code: dedent`
        export function report(err: unknown) {
          try {
            Sentry.captureException(err);
          } catch (trackerError) {
            console.warn("could not report", trackerError);
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: "a try that logs and also records something else is reported",
      code: dedent`
        export async function logAndStore(message: string, db: Db) {
          try {
            logger.info(message);
            await db.insert(events).values({ message });
          } catch (error) {
            console.error("Failed to record event:", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function logAndStore(message: string, db: Db) {
              try {
                logger.info(message);
                await db.insert(events).values({ message });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Failed to record event:", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same parser without a guard answering null is reported",
      code: dedent`
        export function parseSort(str: string) {
          try {
            return str.split(",").map((item) => {
              const [column, direction] = item.split(":");
              if (direction !== "asc" && direction !== "desc") throw new Error("Invalid direction");
              return { column, direction };
            });
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function parseSort(str: string) {
              try {
                return str.split(",").map((item) => {
                  const [column, direction] = item.split(":");
                  if (direction !== "asc" && direction !== "desc") throw new Error("Invalid direction");
                  return { column, direction };
                });
              } catch (err) {
                console.error("str.split failed in parseSort", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function parseSort(str: string) {
              try {
                return str.split(",").map((item) => {
                  const [column, direction] = item.split(":");
                  if (direction !== "asc" && direction !== "desc") throw new Error("Invalid direction");
                  return { column, direction };
                });
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
      name: "a parser whose try also calls out (a lookup that can fail otherwise) is reported",
      code: dedent`
        export function parseColumns(str: string | null) {
          if (!str) return [];
          try {
            return str.split(",").map((name) => {
              if (!name) throw new Error("Empty column");
              return lookupColumn(name);
            });
          } catch {
            return [];
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function parseColumns(str: string | null) {
              if (!str) return [];
              try {
                return str.split(",").map((name) => {
                  if (!name) throw new Error("Empty column");
                  return lookupColumn(name);
                });
              } catch (err) {
                console.error("str.split failed in parseColumns", err);
                return [];
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function parseColumns(str: string | null) {
              if (!str) return [];
              try {
                return str.split(",").map((name) => {
                  if (!name) throw new Error("Empty column");
                  return lookupColumn(name);
                });
              } catch {
                // Intentionally ignored: <reason>
                return [];
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a cleanup failure logged when the code goes on normally is reported",
      code: dedent`
        export async function subscribe(stripe: Stripe, params: Params) {
          const sub = await stripe.subscriptions.create(params);
          try {
            await stripe.subscriptions.cancel(sub.id);
          } catch (cancelErr) {
            console.error("could not cancel", sub.id, cancelErr);
          }
          return sub;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 22, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function subscribe(stripe: Stripe, params: Params) {
              const sub = await stripe.subscriptions.create(params);
              try {
                await stripe.subscriptions.cancel(sub.id);
              } catch (cancelErr) {
                console.error("could not cancel", sub.id, cancelErr);
                throw cancelErr;
              }
              return sub;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function subscribe(stripe: Stripe, params: Params) {
              const sub = await stripe.subscriptions.create(params);
              try {
                await stripe.subscriptions.cancel(sub.id);
              } catch (cancelErr) {
                // Intentionally ignored: <reason>
                console.error("could not cancel", sub.id, cancelErr);
              }
              return sub;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that returns before the throw after the try is reported",
      code: dedent`
        export async function subscribe(stripe: Stripe, sub: Sub) {
          if (sub.status !== "active") {
            try {
              await stripe.subscriptions.cancel(sub.id);
            } catch (cancelErr) {
              console.error("could not cancel", cancelErr);
              return;
            }
            throw new BillingError("subscription is not active");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 24, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function subscribe(stripe: Stripe, sub: Sub) {
              if (sub.status !== "active") {
                try {
                  await stripe.subscriptions.cancel(sub.id);
                } catch (cancelErr) {
                  console.error("could not cancel", cancelErr);
                  throw cancelErr;
                }
                throw new BillingError("subscription is not active");
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function subscribe(stripe: Stripe, sub: Sub) {
              if (sub.status !== "active") {
                try {
                  await stripe.subscriptions.cancel(sub.id);
                } catch (cancelErr) {
                  // Intentionally ignored: <reason>
                  console.error("could not cancel", cancelErr);
                  return;
                }
                throw new BillingError("subscription is not active");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a rejection logged in a catch that never reads its own error is reported",
      code: dedent`
        export async function runWithBackup(job: Job) {
          try {
            await run(job);
          } catch (err) {
            await runBackup(job).catch((backupErr) => {
              logger.error("backup failed", { backupErr });
            });
          }
        }
      `,
      findings: [
        // The backup's error is a secondary one (session 22, fix safety): no rethrow of it.
        { case: "promiseCatchLogOnly", line: 5, column: 32, endLine: 7, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function runWithBackup(job: Job) {
              try {
                await run(job);
              } catch (err) {
                await runBackup(job).catch((backupErr) => {
                  // Intentionally ignored: <reason>
                  logger.error("backup failed", { backupErr });
                });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a fallback assigned in an if and never checked after it is reported",
      code: dedent`
        export async function proxy(req: Request, session: Session) {
          let token: string | null | undefined = session.token;
          if (!token) {
            token = await mintToken(session.userId).catch((error) => {
              console.error("mint failed", { error });
              return null;
            });
          }
          return forward(req, token);
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 51, endLine: 7, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function proxy(req: Request, session: Session) {
              let token: string | null | undefined = session.token;
              if (!token) {
                token = await mintToken(session.userId).catch((error) => {
                  // Intentionally ignored: <reason>
                  console.error("mint failed", { error });
                  return null;
                });
              }
              return forward(req, token);
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
