import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fixes (session 24, review R64, papermark `lib/trigger/dataroom-upload-notification.ts:174`),
// hand-written rows: a catch whose try has its own failure branch for the same operation that logs
// an error and ends without throwing (`if (!response.ok) { logger.error(…); return; }`) gets no
// rethrow: the function treats a failed send as done, and a rethrow would fail (and a retried task
// rerun) what its own code lets finish. The log fix is offered where the catch's log lacks the
// error; a failure branch that throws keeps the rethrow.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "the try's own failure branch logs and returns: no rethrow, only the mark (R64)",
      code: dedent`
        import { logger, task } from "@trigger.dev/sdk/v3";

        export const uploadDigest = task({
          id: "upload-digest",
          retry: { maxAttempts: 3 },
          run: async (payload: { dataroomId: string }) => {
            try {
              const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
              if (!response.ok) {
                logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                return;
              }
              const { message } = (await response.json()) as { message: string };
              logger.info("Upload digest sent", { message });
            } catch (error) {
              logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, error });
            }
          },
        });
      `,
      findings: [
        { case: "logAndContinue", line: 15, column: 7, endLine: 15, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { logger, task } from "@trigger.dev/sdk/v3";

            export const uploadDigest = task({
              id: "upload-digest",
              retry: { maxAttempts: 3 },
              run: async (payload: { dataroomId: string }) => {
                try {
                  const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
                  if (!response.ok) {
                    logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                    return;
                  }
                  const { message } = (await response.json()) as { message: string };
                  logger.info("Upload digest sent", { message });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, error });
                }
              },
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same, with a catch whose log leaves the error out: the error added to the log, the mark, no rethrow",
      code: dedent`
        import { logger, task } from "@trigger.dev/sdk/v3";

        export const uploadDigest = task({
          id: "upload-digest",
          retry: { maxAttempts: 3 },
          run: async (payload: { dataroomId: string }) => {
            try {
              const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
              if (!response.ok) {
                logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                return;
              }
              const { message } = (await response.json()) as { message: string };
              logger.info("Upload digest sent", { message });
            } catch (error) {
              logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId });
            }
          },
        });
      `,
      findings: [
        { case: "logAndContinue", line: 15, column: 7, endLine: 15, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { logger, task } from "@trigger.dev/sdk/v3";

            export const uploadDigest = task({
              id: "upload-digest",
              retry: { maxAttempts: 3 },
              run: async (payload: { dataroomId: string }) => {
                try {
                  const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
                  if (!response.ok) {
                    logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                    return;
                  }
                  const { message } = (await response.json()) as { message: string };
                  logger.info("Upload digest sent", { message });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId });
                }
              },
            });
          ` },
        ] },
      ],
      output: dedent`
        import { logger, task } from "@trigger.dev/sdk/v3";

        export const uploadDigest = task({
          id: "upload-digest",
          retry: { maxAttempts: 3 },
          run: async (payload: { dataroomId: string }) => {
            try {
              const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
              if (!response.ok) {
                logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                return;
              }
              const { message } = (await response.json()) as { message: string };
              logger.info("Upload digest sent", { message });
            } catch (error) {
              logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, err: error });
            }
          },
        });
      `,
    },
    {
      name: "a failure branch that throws: the rethrow stays",
      code: dedent`
        import { logger, task } from "@trigger.dev/sdk/v3";

        export const uploadDigest = task({
          id: "upload-digest",
          retry: { maxAttempts: 3 },
          run: async (payload: { dataroomId: string }) => {
            try {
              const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
              if (!response.ok) {
                logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                throw new Error("upload digest failed");
              }
              const { message } = (await response.json()) as { message: string };
              logger.info("Upload digest sent", { message });
            } catch (error) {
              logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, error });
            }
          },
        });
      `,
      findings: [
        { case: "logAndContinue", line: 15, column: 7, endLine: 15, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import { logger, task } from "@trigger.dev/sdk/v3";

            export const uploadDigest = task({
              id: "upload-digest",
              retry: { maxAttempts: 3 },
              run: async (payload: { dataroomId: string }) => {
                try {
                  const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
                  if (!response.ok) {
                    logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                    throw new Error("upload digest failed");
                  }
                  const { message } = (await response.json()) as { message: string };
                  logger.info("Upload digest sent", { message });
                } catch (error) {
                  logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, error });
                  throw error;
                }
              },
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { logger, task } from "@trigger.dev/sdk/v3";

            export const uploadDigest = task({
              id: "upload-digest",
              retry: { maxAttempts: 3 },
              run: async (payload: { dataroomId: string }) => {
                try {
                  const response = await fetch(\`\${process.env.BASE_URL}/api/jobs/upload-digest\`, { method: "POST", body: JSON.stringify(payload) });
                  if (!response.ok) {
                    logger.error("Failed to send the upload digest", { dataroomId: payload.dataroomId, error: await response.text() });
                    throw new Error("upload digest failed");
                  }
                  const { message } = (await response.json()) as { message: string };
                  logger.info("Upload digest sent", { message });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.error("Error sending the upload digest", { dataroomId: payload.dataroomId, error });
                }
              },
            });
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
