import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 33, developer se33a: a send that answers like its own not-configured guard (the retired
// held round 36's bistro better-auth callbacks, the lead's decision from round 25's same-answer rule;
// hand-written analogues, no fetched code), also in a second shape: a class whose own `ready()`
// tells whether its SMS client was set up.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A better-auth callback: the guard `guard`, then the send whose catch logs.
const resetMail = (guard: string): string => dedent`
  import { emailService } from "./email-service";
  export const sendResetPassword = async ({ user, url }: { user: { email: string }; url: string }) => {
    ${guard}
    try {
      await emailService.sendPasswordReset({ to: user.email, resetLink: url });
    } catch (error) {
      logger.error({ error }, "Failed to send password reset email");
    }
  };
`;
const configuredGuard = 'if (!emailService.isConfigured()) {\n    logger.warn("Password reset disabled - email not configured");\n    return;\n  }';
const mailService = (test: string) => ({
  "src/email-service.ts": `import { resend } from "./email-client";\nexport class EmailService {\n  isConfigured(): boolean {\n    return ${test};\n  }\n  async sendPasswordReset(input: Reset) {\n    await resend!.emails.send(input);\n  }\n}\nexport const emailService = new EmailService();\n`,
});
const silentGuard = resetMail('if (!emailService.isConfigured()) {\n    return;\n  }');
const askingGuard = resetMail(configuredGuard);

// The second shape: an SMS notifier whose own `ready()` reads its client.
const sms = (after: string): string => dedent`
  export class SmsNotifier {
    private client: Twilio | undefined = process.env.TWILIO_SID ? twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN) : undefined;
    private ready(): boolean {
      return this.client !== undefined;
    }
    async notify(to: string, body: string) {
      if (!this.ready()) {
        console.warn("SMS disabled: no Twilio credentials");
        return;
      }
      try {
        await this.client!.messages.create({ to, from: FROM, body });
      } catch (err) {
        console.error("SMS send failed", err);
      }${after}
    }
  }
`;
const claimed = sms('\n    return "sent";');

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a send whose catch answers like the warned not-configured guard, the service's isConfigured read (held round 36)", code: resetMail(configuredGuard), files: mailService("!!resend") },
    { name: "a class whose own ready() reads its client, the catch falling off like the guard", code: sms("") },
  ],
  invalid: [
    {
      name: "a guard that returns without a word: nothing says the dependency is off",
      code: silentGuard,
      files: mailService("!!resend"),
      findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: [ignore(silentGuard, "  } catch (error) {", "    ")] }],
      output: null,
    },
    {
      name: "an isConfigured that calls out (a health request) is no test of what the service holds",
      code: askingGuard,
      files: mailService("pingResend()"),
      findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [ignore(askingGuard, "  } catch (error) {", "    ")] }],
      output: null,
    },
    {
      name: "the send then answers sent: the guard's silence is not the catch's answer",
      code: claimed,
      findings: [{ case: "logAndContinue", line: 13, column: 7, endColumn: 18, suggestions: [ignore(claimed, "    } catch (err) {", "      ")] }],
      output: null,
    },
  ],
});
