import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 42, developer serec, from the tune part's false negatives (Bot360noscope/LiftFlow-PaySite
// server/webhookHandlers.ts:30, decided finding): a capped retry by recursion whose last catch only
// logs (held rounds 23/24, docs: logAndContinue). `if (retryCount < MAX) { log(…); await sleep(ms);
// return notify(…, retryCount + 1); }` with no else hands the work to the next attempt; after the
// last one the catch falls off its end and the caller is told it worked. The if is no handling of the
// error, whatever the function is called (a name like `notify…` is no failure notice here).
// Not judged: a retry whose catch then throws or answers a value (`return null`, which callers may
// turn into a failure answer as for a miss), a retry with no log line, a call of another function,
// and an if with an else.
// Also from the tune part (frogshead/playwright-crawlers src/utils.ts:69, decided finding): a busy mark
// cleared in the catch (`this.isProcessing = false`, `isSending`, `loading`) signals no failure, as
// held round 41's `this.isInitializing = false`: the work's success clears it too. `ok = false`, or a
// mark the catch sets rather than clears (`this.failed = true`), still does.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// LiftFlow-PaySite's plan sync, reduced: Express server, Stripe webhook handler's helper.
const NOTIFY = dedent`
  const MAX_RETRIES = 2;
  export async function notifyPlanUpdate(email: string, tier: string, retryCount = 0): Promise<void> {
    try {
      const response = await fetch("https://api.example.com/plan", { method: "POST", body: JSON.stringify({ email, tier }) });
      if (!response.ok) throw new Error(String(response.status));
    } catch (error: any) {
      console.error(\`Failed to notify for \${email}:\`, error.message);
      if (retryCount < MAX_RETRIES) {
        console.log(\`Retrying (\${retryCount + 1}/\${MAX_RETRIES})...\`);
        await new Promise((r) => setTimeout(r, 1000 * (retryCount + 1)));
        return notifyPlanUpdate(email, tier, retryCount + 1);
      }
    }
  }
`;

// Another style: a class method retrying through this, CommonJS, a sleep helper, a const delay.
const SEND = dedent`
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  class Mailer {
    async send(msg, attempt = 1) {
      try {
        await this.client.post("/send", msg);
      } catch (err) {
        this.logger.warn("send failed", err);
        if (attempt <= 3) {
          const wait = attempt * 500;
          await sleep(wait);
          return this.send(msg, attempt + 1);
        }
      }
    }
  }
  module.exports = { Mailer };
`;

// Neighbours: after the last attempt the catch rethrows, answers null, or has no log line.
const RETHROWS = NOTIFY.replace("return notifyPlanUpdate(email, tier, retryCount + 1);\n    }\n", "return notifyPlanUpdate(email, tier, retryCount + 1);\n    }\n    throw error;\n");
const ANSWERS_NULL = SEND.replace("return this.send(msg, attempt + 1);\n      }\n", "return this.send(msg, attempt + 1);\n      }\n      return null;\n");
const NO_LOG = SEND.replace('      this.logger.warn("send failed", err);\n', "");
// The if has an else: what the else does is judged as before (here it marks the job failed).
const WITH_ELSE = SEND.replace("return this.send(msg, attempt + 1);\n      }\n", "return this.send(msg, attempt + 1);\n      } else {\n        await this.markFailed(msg);\n      }\n");
// Another function's call is no retry of this one: the if is work the catch does, not judged.
const OTHER_CALL = SEND.replace("return this.send(msg, attempt + 1);", "return this.queue(msg, attempt + 1);");

// frogshead/playwright-crawlers' Telegram queue, reduced: a message that failed after its retries is dropped.
const QUEUE = dedent`
  export class TelegramQueue {
    private queue: string[] = [];
    private isProcessing = false;
    private async processQueue(): Promise<void> {
      const message = this.queue.shift()!;
      try {
        await this.sendWithRetry(message);
        this.isProcessing = false;
      } catch (error) {
        logger.error("Failed to send Telegram message after retries", { message, error });
        this.isProcessing = false;
      }
    }
    private async sendWithRetry(message: string): Promise<void> {}
  }
`;

// Another style: a Vue-like object, CommonJS, the mark named \`sending\`, the log through console.
const SENDING = dedent`
  module.exports = {
    data() { return { sending: false }; },
    methods: {
      async submit(form) {
        this.sending = true;
        try {
          await api.post("/orders", form);
          this.sending = false;
        } catch (err) {
          console.error("order failed", err);
          this.sending = false;
        }
      },
    },
  };
`;

// Neighbour: a flag named for the outcome still says it failed.
const OUTCOME = SENDING.replace('console.error("order failed", err);\n        this.sending = false;', 'console.error("order failed", err);\n        this.ok = false;');

const valid: ValidCase[] = [
  { name: "an outcome flag set to false signals the failure", filename: "src/order-form.js", code: OUTCOME },
  { name: "the last attempt's error rethrown", filename: "server/webhookHandlers.ts", code: RETHROWS },
  { name: "the last attempt answers null", filename: "src/mailer.js", code: ANSWERS_NULL },
  { name: "no log line beside the retry", filename: "src/mailer.js", code: NO_LOG },
  { name: "an else branch after the cap", filename: "src/mailer.js", code: WITH_ELSE },
  { name: "another method's call, not a retry", filename: "src/mailer.js", code: OTHER_CALL },
];

const invalid: InvalidCase[] = [
  { name: "a capped retry by recursion whose last catch only logs (LiftFlow-PaySite)", filename: "server/webhookHandlers.ts", code: NOTIFY, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 23, suggestions: [
    { title: "Mark as intentionally ignored…", output: NOTIFY.replace("} catch (error: any) {\n", "} catch (error: any) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "a method retrying through this, its last catch only warns", filename: "src/mailer.js", code: SEND, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 18, suggestions: [
    { title: "Mark as intentionally ignored…", output: SEND.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") },
  ] }], output: null },
];

invalid.push(
  { name: "a queue's busy mark cleared after a failed send (playwright-crawlers)", filename: "src/utils.ts", code: QUEUE, findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 20, suggestions: [
    { title: "Mark as intentionally ignored…", output: QUEUE.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "a form's sending mark cleared after a failed post", filename: "src/order-form.js", code: SENDING, findings: [{ case: "logAndContinue", line: 9, column: 9, endColumn: 20, suggestions: [
    { title: "Mark as intentionally ignored…", output: SENDING.replace("} catch (err) {\n", "} catch (err) {\n        // Intentionally ignored: <reason>\n") },
  ] }], output: null },
);

new RuleTester().run(narrowed, { valid, invalid });
