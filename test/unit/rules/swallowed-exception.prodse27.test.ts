import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production teable (eval/production, seed 20261237), session 25, developer prodse27: shutdown
// steps and an error tracker's record the rule did not know in these forms. Hand-written analogues,
// no fetched code. This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchLogOnly", "promiseCatchNoop", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// OpenTelemetry's getting-started shutdown, with the exit in the chain's `.finally` or without one.
const otel = (end: string): string => dedent`
  process.on("SIGTERM", () => {
    sdk
      .shutdown()
      .then(() => console.log("Tracing terminated"))
      .catch((error) => console.log("Error terminating tracing", error))
      .finally(() => ${end});
  });
`;

// A NestJS shutdown hook that lets go of each agent of a list, or flushes each one.
const gateway = (step: string): string => dedent`
  export class WsGateway {
    onModuleDestroy() {
      try {
        this.agents?.map((agent) => agent?.${step}());
        this.shareDb.close();
      } catch (err) {
        this.logger.error("ws module close error", err);
      }
    }
  }
`;

// An error page's capture kept in a local, under the name Sentry's capture was imported as.
const capture = (from: string): string => dedent`
  import { captureException as sentryCaptureException } from "${from}";

  export const captureFailsafe = (err: Error): string | undefined => {
    let eventId: string | undefined;
    try {
      eventId = sentryCaptureException(err);
    } catch (e) {
      console.error("Could not send the error to Sentry", e);
    }
    return eventId;
  };
`;

// A NestJS listener and cron job, their decorator imported from the package that runs them or not.
const jobs = (from: string): string => dedent`
  import { Injectable, Logger } from "@nestjs/common";
  import { Cron } from "@nestjs/schedule";
  import { OnEvent } from "${from}";

  @Injectable()
  export class UserNameListener {
    private logger = new Logger(UserNameListener.name);

    @OnEvent("user.rename", { async: true })
    async updateUserName(user: { id: string; name: string }) {
      const fields = await this.fieldsOf(user.id);
      for (const field of fields) {
        try {
          await this.rename(field, user.name);
        } catch (e) {
          this.logger.error(e.message, e.stack);
        }
      }
      this.events.emit("user.rename.done", user);
    }

    @Cron("0 * * * *")
    async purgeExpired() {
      try {
        await this.sessions.purgeExpired();
      } catch (e) {
        this.logger.error("purge failed", e);
      }
    }
  }
`;

// A memo that pretty-prints a field of the selected event and shows it as it came when it is not JSON.
const traits = (kept: string): string => dedent`
  export function EventDetails({ selectedEvent }: { selectedEvent?: { traits: string; properties: string } }) {
    const formatted = useMemo(() => {
      if (selectedEvent?.traits) {
        try {
          return JSON.stringify(JSON.parse(selectedEvent.traits), null, 2);
        } catch (e) {
          return ${kept};
        }
      }
      return "";
    }, [selectedEvent?.traits]);
    return <pre>{formatted}</pre>;
  }
`;

// A subscription lookup that throws when nothing matches, its rejection answered "no" or after another link.
const subscription = (chain: string): string => dedent`
  export class CommentService {
    async getSubscribeDetail(tableId: string, recordId: string) {
      return await this.prisma.commentSubscription
        .findUniqueOrThrow({ where: { tableId_recordId: { tableId, recordId } } })${chain}
        .catch(() => {
          return null;
        });
    }
  }
`;

const chained = subscription(".then((row) => row.createdBy)");
const defaulted = traits("selectedEvent.properties");
const reported = capture("@sentry/nextjs").replace("captureException as", "sendReport as");

new RuleTester().run(narrowed, {
  valid: [
    otel("process.exit(0)"),
    dedent`
      process.on("SIGTERM", () => {
        otelSDK
          .shutdown()
          .then(
            () => console.log("SDK shut down successfully"),
            (err) => console.log("Error shutting down SDK", err),
          )
          .finally(() => process.exit(0));
      });
    `,
    gateway("close"),
    capture("@sentry/nextjs"),
    jobs("@nestjs/event-emitter"),
    { code: traits("selectedEvent.traits"), filename: "src/components/eventDetails.tsx" },
    subscription(""),
  ],
  invalid: [
    {
      name: "a shutdown chain in a signal handler that does not exit: reported",
      code: otel("server.close()"),
      findings: [
        {
          case: "promiseCatchLogOnly", line: 5, column: 12, endColumn: 70,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: otel("server.close()").replace(".catch((error) => ", ".catch((error) => /* Intentionally ignored: <reason> */ ") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a hook step that flushes each agent does other work: reported",
      code: gateway("flush"),
      findings: [
        {
          case: "logAndContinue", line: 6, column: 7, endColumn: 18,
          suggestions: [
            { title: "Rethrow the error", output: gateway("flush").replace('error", err);\n', 'error", err);\n      throw err;\n') },
            { title: "Mark as intentionally ignored…", output: gateway("flush").replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a call imported under another name is no capture: reported",
      code: reported,
      findings: [
        {
          case: "logAndContinue", line: 7, column: 5, endColumn: 14,
          suggestions: [
            { title: "Rethrow the error", output: reported.replace('Sentry", e);\n', 'Sentry", e);\n    throw e;\n') },
            { title: "Mark as intentionally ignored…", output: reported.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an OnEvent of another package registers no listener: reported",
      code: jobs("./events"),
      findings: [
        {
          case: "logAndContinue", line: 15, column: 9, endColumn: 18,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: jobs("./events").replace("      } catch (e) {\n        this.logger.error(e.message", "      } catch (e) {\n        // Intentionally ignored: <reason>\n        this.logger.error(e.message") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "another field of the event answered is a default: reported",
      code: defaulted,
      filename: "src/components/eventDetails.tsx",
      findings: [
        {
          case: "catchReturnsDefault", line: 6, column: 9, endColumn: 18,
          suggestions: [
            { title: "Log the error with console", output: defaulted.replace("} catch (e) {\n", '} catch (e) {\n        console.error("formatted failed", e);\n') },
            { title: "Mark as intentionally ignored…", output: defaulted.replace("} catch (e) {\n", "} catch (e) {\n        // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a throwing lookup with another link before the handler: reported",
      code: chained,
      findings: [
        {
          case: "promiseCatchNoop", line: 5, column: 14, endColumn: 8, endLine: 7,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: chained.replace(".catch(() => {\n", ".catch(() => {\n        // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: chained.replace(".catch(() => {\n", '.catch((err) => {\n        console.error("findUniqueOrThrow failed in CommentService.getSubscribeDetail", { tableId, recordId }, err);\n'),
    },
  ],
});
