import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a mail send's failure turned into a client (4xx) error with no log
// and no cause (the retired held round 38's subscriber-nest `auth.service.ts`, the lead's decision,
// debatable; held round 29: a mail failure thrown as a 4xx is one). A bad key, an unverified
// domain or an outage of the mail API reads as the client's fault and leaves no trace.
// A 4xx around the client's own input stays unreported.
// This table declares only the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// NestJS (held round 38): the e-mail service's method names no mail; the message does.
const nest = (call: string, message: string): string => dedent`
  @Injectable()
  export class AuthService {
    async sendCode(email: string) {
      const code = this.generateCode();
      await this.codes.save({ email, code });
      try {
        await ${call};
      } catch {
        throw new BadRequestException("${message}");
      }
      return { success: true };
    }
  }
`;
const verification = nest("this.emailService.sendVerificationCode(email, code)", "Failed to send verification email");
const parse = nest("this.codes.parseCode(code)", "Invalid code");

// Fastify with nodemailer, hand-written: a project error class named for a 400.
const fastify = dedent`
  app.post("/invite", async (request) => {
    try {
      await transporter.sendMail({ to: request.body.email, subject: "You're invited", html });
    } catch (err) {
      throw new BadRequestError("Could not deliver the invitation");
    }
    return { ok: true };
  });
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a 4xx around a parse of the client's own code", code: parse, filename: "apps/api/src/auth.service.ts" },
  ],
  invalid: [
    { name: "a mail send's failure thrown as a bare BadRequestException (held round 38)", code: verification, filename: "apps/api/src/auth.service.ts", findings: [{ case: "rethrowWithoutCause", line: 8, column: 7, endColumn: 12, suggestions: [{ title: "Pass the caught error to BadRequestException as { cause }", output: verification.replace("} catch {", "} catch (err) {").replace('email");', 'email", { cause: err });') }] }], output: null },
    { name: "Fastify: nodemailer's failure thrown as a 400", code: fastify, filename: "src/routes/invite.ts", findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 16, suggestions: [{ title: "Pass the caught error to BadRequestError as { cause }", output: fastify.replace('invitation");', 'invitation", { cause: err });') }] }], output: null },
  ],
});
