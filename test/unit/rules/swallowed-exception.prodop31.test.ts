import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production OpenPanel (eval/production, triaged blind), session 31, developer prod31: teardown
// steps before the process ends, and release calls whose rejection is logged. Hand-written
// analogues, not the repository's code. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A graceful shutdown exported to the entry point (whose signal handlers live in another module).
const shutdown = (step: string, end = "clearTimeout(forceExit);\n    process.exit(0);"): string => dedent`
  import { logger } from "./logger";
  export async function shutdown(app: App, forceExit: NodeJS.Timeout) {
    logger.info("Starting graceful shutdown");
    try {
      ${step}
    } catch (error) {
      logger.error({ err: error }, "Error during shutdown step");
    }
    ${end}
  }
`;

const FLUSH = shutdown("await queue.flush();");
const NO_EXIT = shutdown("await app.close();", 'logger.info("closed");');
const RESTARTED = dedent`
  export async function shutdown(app: App) {
    try {
      await app.close();
    } catch (error) {
      logger.error({ err: error }, "Error closing the server");
    }
    process.exit(0);
  }
  process.on("SIGTERM", () => shutdown(app));
  export const restart = async () => {
    await shutdown(app);
  };
`;
const RELEASE_NO_ERROR = dedent`
  export function reset(client: Client) {
    client.disconnect().catch(() => logger.warn("disconnect failed"));
  }
`;
const WORK_REJECTION = dedent`
  export function flushLater(client: Client) {
    client.flush().catch((err) => logger.warn({ err }, "flush failed"));
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a shutdown step that closes the server, before process.exit", code: shutdown('await app.close();\n      logger.info("Server closed");') },
    { name: "a shutdown step that disconnects through a project function named for it", code: shutdown("await disconnectKafka();") },
    { name: "a shutdown step that closes every queue and one more, under Promise.all", code: shutdown("await Promise.all([...queues.map((queue) => queue.close()), cronQueue.close()]);") },
    {
      name: "a shutdown step that quits each ready connection read through getters",
      code: shutdown("const conns = [getRedisCache(), getRedisPub()];\n      await Promise.all(conns.map(async (redis) => {\n        if (redis.status === \"ready\") {\n          await redis.quit();\n        }\n      }));"),
    },
    { name: "Prisma's $disconnect before process.exit", code: shutdown("await db.$disconnect();") },
    {
      name: "a class's shutdown method registered for signals, destroying the client before exiting with 0",
      code: dedent`
        export class Bot {
          start() {
            process.on("SIGINT", this.handleShutdown.bind(this));
            process.on("SIGTERM", this.handleShutdown.bind(this));
          }
          private async handleShutdown(signal: string): Promise<void> {
            logger.info(\`Received \${signal}\`);
            try {
              if (this.client) {
                await this.client.destroy();
                logger.info("Client disconnected");
              }
            } catch (error) {
              logger.error("Error during shutdown", {}, error as Error);
            }
            process.exit(0);
          }
        }
      `,
    },
    {
      name: "a broken producer's disconnect after a fatal error, its rejection logged with the error",
      code: dedent`
        const resetProducer = (broken: Producer): void => {
          producer = null;
          broken.disconnect().catch((err) => {
            logger.warn({ err }, "producer disconnect after fatal error failed");
          });
        };
      `,
    },
    {
      name: "each consumer's disconnect pushed into a task list, its rejection logged",
      code: dedent`
        export const disconnectAll = async (): Promise<void> => {
          const tasks: Promise<unknown>[] = [];
          for (const c of consumers) tasks.push(c.disconnect().catch((err) => logger.error({ err }, "consumer disconnect error")));
          await Promise.all(tasks);
        };
      `,
    },
    {
      name: "extra stop handlers of a signal handler that exits, each rejection logged in a map callback",
      code: dedent`
        async function exitHandler(signal: string) {
          await Promise.all([
            ...workers.map((worker) => worker.close()),
            ...extraStops.map((stop) => stop().catch((err) => logger.error({ err }, "extra stop handler error"))),
          ]);
          process.exit(0);
        }
        ["SIGTERM", "SIGINT"].forEach((evt) => {
          process.on(evt, () => {
            exitHandler(evt);
          });
        });
      `,
    },
  ],
  invalid: [
    { name: "neighbour: a shutdown step that flushes stays reported", code: FLUSH, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: FLUSH.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "neighbour: a release step of a function that does not end the process stays reported", code: NO_EXIT, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: NO_EXIT.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "neighbour: a shutdown function its module also awaits in a restart stays reported", code: RESTARTED, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: RESTARTED.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "neighbour: a release whose rejection handler drops the error stays reported", code: RELEASE_NO_ERROR, findings: [{ case: "promiseCatchLogOnly", line: 2, column: 29, endColumn: 67, suggestions: [{ title: "Mark as intentionally ignored…", output: RELEASE_NO_ERROR.replace("() => logger", "() => /* Intentionally ignored: <reason> */ logger") }] }], output: RELEASE_NO_ERROR.replace("(() => logger.warn(\"disconnect failed\"))", "((err) => logger.warn(\"disconnect failed\", err))") },
    { name: "neighbour: a rejection logged on a call that does other work stays reported", code: WORK_REJECTION, findings: [{ case: "promiseCatchLogOnly", line: 2, column: 24, endColumn: 69, suggestions: [{ title: "Mark as intentionally ignored…", output: WORK_REJECTION.replace("(err) => logger", "(err) => /* Intentionally ignored: <reason> */ logger") }] }], output: null },
  ],
});
