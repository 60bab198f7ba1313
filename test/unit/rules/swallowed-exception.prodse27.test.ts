import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production teable (eval/production, seed 20261237), session 25, developer prodse27: shutdown
// steps and an error tracker's record the rule did not know in these forms. Hand-written analogues,
// no fetched code. This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchLogOnly", "logAndContinue"]);
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
  ],
});
