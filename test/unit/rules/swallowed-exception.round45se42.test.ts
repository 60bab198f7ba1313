import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Retired held round 45, session 42, developer se42: the classes behind its swallowed-exception
// errors that the docs decide (hand-written analogues, no fetched code). A malformed queue message
// skipped like the empty-value guard above it; the clean-up a failure's code calls for, logged in
// the failure path; `allSettled` over promises that each carry their own handler (an empty batch
// filled by `push`, a `map` callback that returns handled promises or plain values); a numbered
// step heading over Express 5's `app.listen`; Medusa's `this.logger_` as a logger.
const named = new Set(["logAndContinue", "allSettledUnchecked", "ignoredCallbackError", "resultErrorIgnored", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Kafka handler: an empty value and a malformed one are both logged and skipped.
const consumer = (guard: string): string => dedent`
  import { logger } from "./logger";
  import { saveJourney } from "./db";

  export class JourneyHandler {
    async handle(message: { topic: string; value?: Buffer }): Promise<void> {
      ${guard}
      let payload: unknown;
      try {
        payload = JSON.parse(message.value.toString());
      } catch (parseError) {
        logger.error("Failed to parse message payload", { error: String(parseError), topic: message.topic });
        return;
      }
      await saveJourney(payload);
    }
  }
`;
const guarded = consumer('if (!message.value) {\n  logger.error("Empty message value received", { topic: message.topic });\n  return;\n}');
const unguarded = consumer('logger.info("Message received", { topic: message.topic });');

// An FCM send whose failure, when its code says the token is gone, removes that token.
const pushSender = (test: string, step = "await FcmToken.updateMany({}, { $pull: { token } });"): string => dedent`
  import admin from "firebase-admin";
  import { FcmToken } from "./models";

  export async function sendPush(token: string, message: object): Promise<boolean> {
    try {
      await admin.messaging().send({ ...message, token });
      return true;
    } catch (error) {
      const errorCode = error.code;
      console.error("Error sending push notification:", errorCode || error.message);
      if (${test}) {
        try {
          ${step}
        } catch (dbErr) {
          console.error("Failed to clean up stale FCM token:", dbErr.message);
        }
      }
      return false;
    }
  }
`;
const byCode = pushSender('errorCode === "messaging/registration-token-not-registered"');
const byFlag = pushSender("token.length > 0");
// The same test of the code, but the try sends again: another attempt at the job.
const resent = pushSender('errorCode === "messaging/server-unavailable"', "await admin.messaging().send({ ...message, token });");

// An alert cron: each push carries its own handler.
const alerts = (tail: string): string => dedent`
  import { sendEmail, recordResult } from "./notify";

  export async function notifyAll(recipients: string[]) {
    const promises: Promise<void>[] = [];
    for (const to of recipients) {
      promises.push(
        sendEmail(to)
          .then(() => recordResult(to, true))
          .catch(async (err) => {
            // One address failing must not stop the others; its result stays unrecorded.
            console.warn("Failed to send email to", to, err);
          }),
      );
    }
    ${tail}
    await Promise.allSettled(promises);
  }
`;
const pushedOnly = alerts("");
const handedOn = alerts("collectMore(promises);");
const unhandledPush = alerts("promises.push(sendEmail(\"admin@example.com\"));");

// A daily summary: the map answers a handled send, or null when there is no address.
const summary = (send: string): string => dedent`
  import { sendAdminEmail } from "./mail";

  export async function sendSummary(admins: { email?: string }[], text: string) {
    const emailPromises = admins.map((admin) => {
      const email = admin.email;
      if (email) {
        return ${send};
      }
      return null;
    });
    await Promise.allSettled(emailPromises);
  }
`;
const handledSends = summary('sendAdminEmail(email, text).catch((error) => {\n      // One admin missing the summary must not stop the others.\n      console.error("Failed to send email to", email, error);\n      return null;\n    })');
const bareSends = summary("sendAdminEmail(email, text)");

// Express 5: a numbered step heading says no more than "start the server".
const server = (heading: string): string => dedent`
  import express from "express";
  const app = express();

  export async function start() {
    ${heading}
    app.listen(process.env.PORT, () => {
      console.log("Service is running");
    });
  }
`;
const express5 = { "package.json": '{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "^5.1.0" } }\n' };
const stepHeading = server("// ✅ STEP 4: Start the HTTP server.");
const reasoned = server("// A failed bind crashes the process through the unhandled error event, as intended.");

// A Medusa notification provider: its injected logger is `this.logger_`.
const medusaResend = dedent`
  import { Resend } from "resend";

  export class ResendNotificationService {
    protected logger_: { log(msg: string): void };
    protected resend: Resend;

    async send(notification: { to: string; template: string }) {
      await this.resend.emails.send({ from: "shop@example.com", to: notification.to, subject: notification.template, html: "" });
      this.logger_.log(\`Successfully sent "\${notification.template}" email to \${notification.to}\`);
      return {};
    }
  }
`;
const medusaLogged = medusaResend.replace("    await this.resend", "    const { error } = await this.resend").replace('html: "" });\n', 'html: "" });\n    if (error) console.error("e-mail send failed", error);\n');

// A Medusa subscriber: the event bus calls the default export for `order.placed`; nobody waits on it.
const subscriber = (config: string): string => dedent`
  import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
  import { Modules } from "@medusajs/framework/utils";

  export default async function orderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
    const notifications = container.resolve(Modules.NOTIFICATION);
    try {
      await notifications.createNotifications({ to: data.id, channel: "email", template: "order-placed" });
    } catch (error) {
      console.error("Error sending order confirmation notification:", error);
    }
  }
  ${config}
`;
const medusaSubscriber = subscriber('\nexport const config: SubscriberConfig = {\n  event: "order.placed",\n};');
const noConfig = subscriber("");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a malformed message skipped like the empty-value guard above", code: guarded },
    { name: "the stale-token clean-up the failure's code calls for, logged in the failure path", code: byCode },
    { name: "an empty batch filled only by pushes that carry their own handler", code: pushedOnly },
    { name: "a map callback that returns handled sends or null", code: handledSends },
    { name: "Express 5 listen under a comment that gives a reason", code: reasoned, files: express5 },
    { name: "a log-only catch ending a Medusa subscriber", code: medusaSubscriber },
  ],
  invalid: [
    { name: "a malformed message skipped with no such guard: reported", code: unguarded, findings: [{
        case: "logAndContinue", line: 10, column: 7, endColumn: 25,
        suggestions: [
          { title: "Rethrow the error", output: unguarded.replace("topic: message.topic });\n      return;", "topic: message.topic });\n      throw parseError;") },
          { title: "Mark as intentionally ignored…", output: unguarded.replace("} catch (parseError) {\n", "} catch (parseError) {\n      // Intentionally ignored: <reason>\n") },
        ],
      }], output: null },
    { name: "a clean-up not run on a test of the failure: reported", code: byFlag, findings: [{
        case: "logAndContinue", line: 14, column: 9, endColumn: 22,
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: byFlag.replace("stale FCM token:\", dbErr.message);\n", "stale FCM token:\", dbErr.message);\n        throw new AggregateError([error, dbErr], \"sendPush failed twice\");\n") },
          { title: "Mark as intentionally ignored…", output: byFlag.replace("} catch (dbErr) {\n", "} catch (dbErr) {\n        // Intentionally ignored: <reason>\n") },
        ],
      }], output: null },
    { name: "a retry of the failed send under a test of the failure's code: reported", code: resent,
      findings: [{
        case: "logAndContinue", line: 14, column: 9, endColumn: 22,
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: resent.replace("stale FCM token:\", dbErr.message);\n", "stale FCM token:\", dbErr.message);\n        throw new AggregateError([error, dbErr], \"sendPush failed twice\");\n") },
          { title: "Mark as intentionally ignored…", output: resent.replace("} catch (dbErr) {\n", "} catch (dbErr) {\n        // Intentionally ignored: <reason>\n") },
        ],
      }], output: null },
    { name: "an empty batch handed elsewhere: reported", code: handedOn, findings: [{ case: "allSettledUnchecked", line: 16, column: 3, endColumn: 37 }], output: null },
    { name: "an empty batch with a push without a handler: reported", code: unhandledPush, findings: [{ case: "allSettledUnchecked", line: 16, column: 3, endColumn: 37 }], output: null },
    { name: "a map callback that returns a bare send: reported", code: bareSends, findings: [{
        case: "allSettledUnchecked", line: 11, column: 3, endColumn: 42,
        suggestions: [
          { title: "Throw the first rejection after all settle", output: bareSends.replace("await Promise.allSettled(emailPromises);", "const settled = await Promise.allSettled(emailPromises);\n  for (const result of settled) if (result.status === \"rejected\") throw result.reason;") },
        ],
      }],
      output: bareSends.replace("await Promise.allSettled(emailPromises);", "const settled = await Promise.allSettled(emailPromises);\n  for (const result of settled) if (result.status === \"rejected\") console.error(\"sendSummary failed\", result.reason);"), },
    { name: "Express 5 listen under a numbered step heading: reported", code: stepHeading, files: express5, findings: [{
        case: "ignoredCallbackError", line: 6, column: 32, endColumn: 37,
        suggestions: [
          { title: "Log err with console", output: stepHeading.replace("() => {\n", "(err) => {\n    if (err) console.error(\"app.listen failed in start\", err);\n") },
          { title: "Check err, log it with console and return", output: stepHeading.replace("() => {\n", "(err) => {\n    if (err) {\n      console.error(\"app.listen failed in start\", err);\n      return;\n    }\n") },
        ],
      }], output: null },
    { name: "a Resend send logged as sent through Medusa's logger_: reported", code: medusaResend, findings: [{
        case: "resultErrorIgnored", line: 8, column: 5, endColumn: 127,
        suggestions: [
          { title: "Throw the error", output: medusaResend.replace("    await this.resend", "    const { error } = await this.resend").replace("html: \"\" });\n", "html: \"\" });\n    if (error) throw error;\n") },
        ],
      }],
      output: medusaResend.replace("    await this.resend", "    const { error } = await this.resend").replace("html: \"\" });\n", "html: \"\" });\n    if (error) console.error(\"e-mail send failed\", error);\n"), },
    { name: "the same handler in a module with no subscriber config: reported", code: noConfig,
      findings: [{
        case: "logAndContinue", line: 8, column: 5, endColumn: 18,
        suggestions: [{ title: "Mark as intentionally ignored…", output: noConfig.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") }],
      }], output: null },
    { name: "the same send whose error is only logged before the success line: reported", code: medusaLogged, findings: [{
        case: "resultErrorLogOnly", line: 8, column: 23, endLine: 9, endColumn: 15,
        suggestions: [{ title: "Throw the error after logging it", output: medusaLogged.replace('if (error) console.error("e-mail send failed", error);', 'if (error) { console.error("e-mail send failed", error); throw error; }') }],
      }], output: null },
  ],
});
