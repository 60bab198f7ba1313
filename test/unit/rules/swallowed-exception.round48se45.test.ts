import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 45 (retired held round 48's swallowed-exception misses):
// - a project log helper that also keeps the line in an in-memory log buffer (`logs.unshift(entry);
//   if (logs.length > 100) logs.pop();`, a control panel's recent-log view) is a log helper: a catch
//   that only calls it is log-only (the WhatsApp assistant's `addLog`);
// - Resend imported by a Deno or CDN specifier (`npm:resend@4.0.0`, `https://esm.sh/resend@2.0.0`)
//   is Resend: its `emails.send` resolves `{ data, error }` (before 1.0 it threw: `npm:resend@0.17` is not);
// - a catch that answers every failure of a try doing more than a credentials check with a fixed
//   401/403 (`throw new UnauthorizedException("Authentication failed")`), no log, no cause:
//   `rethrowWithoutCause` at low confidence (`authAnswer`).
const named = new Set(["logAndContinue", "resultErrorIgnored", "resultErrorLogOnly", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const panel = (buffer: string, extra = ""): string => dedent`
  const ${buffer}: string[] = [];

  export const addLog = (message: string) => {
    console.log(message);
    const entry = \`[\${new Date().toISOString()}] \${message}\`;
    ${buffer}.unshift(entry);
    if (${buffer}.length > 100) ${buffer}.pop();${extra}
  };
`;

const history = dedent`
  import { addLog } from "./controlPanel";
  import { fetchMessages } from "./chat";

  export async function prepareContext(chatId: string, list: string[]) {
    let messages: string[];
    try {
      messages = await fetchMessages(chatId);
    } catch (error) {
      addLog(\`Error retrieving messages: \${error}\`);
      return;
    }
    list.push(...messages);
  }
`;

const mail = (spec: string): string => dedent`
  import { Resend } from "${spec}";

  const resend = new Resend(Deno.env.get("RESEND_API_KEY"));

  export async function sendVerificationEmail(email: string, url: string): Promise<{ success: boolean; error?: string }> {
    try {
      await resend.emails.send({ from: "noreply@example.com", to: email, subject: "Verify", html: url });
      return { success: true };
    } catch (error) {
      console.error("Failed to send verification email:", error);
      return { success: false, error: "send failed" };
    }
  }
`;
const npmMail = mail("npm:resend@4.0.0");
const esmMail = mail("https://esm.sh/resend@2.0.0");
const oldMail = mail("npm:resend@0.17.2");

const guard = (tryBody: string, catchBody: string): string => dedent`
  import { Injectable, UnauthorizedException } from "@nestjs/common";
  import { PrismaService } from "./prisma.service";
  import { JwtService } from "@nestjs/jwt";

  @Injectable()
  export class SessionGuard {
    constructor(private readonly prisma: PrismaService, private readonly jwt: JwtService) {}

    async check(token: string) {
      try {
        ${tryBody}
      } catch (error) {
        ${catchBody}
      }
    }
  }
`;
const sessionLookup = guard(
  'const session = await this.prisma.session.findUnique({ where: { token } });\n      if (!session) throw new UnauthorizedException("Invalid session token");\n      return session.user;',
  'if (error instanceof UnauthorizedException) {\n        throw error;\n      }\n      throw new UnauthorizedException("Authentication failed");',
);
const onlyVerifies = guard(
  "return await this.jwt.verifyAsync(token);",
  'throw new UnauthorizedException("Invalid or expired token");',
);
const logged = guard(
  'const session = await this.prisma.session.findUnique({ where: { token } });\n      return session?.user;',
  'console.error("session lookup failed", error);\n      throw new UnauthorizedException("Authentication failed");',
);
const keepsText = guard(
  'const session = await this.prisma.session.findUnique({ where: { token } });\n      return session?.user;',
  "throw new UnauthorizedException((error as Error).message);",
);
const picksText = guard(
  'const res = await fetch("https://auth.example.com/login", { method: "POST", body: token });\n      return await res.json();',
  'const code = (error as { code?: string }).code;\n      if (code === "EMAIL_NOT_FOUND") {\n        throw new UnauthorizedException("Unknown e-mail");\n      }\n      throw new UnauthorizedException("Invalid e-mail or password");',
);

// The suggestions: Resend's `{ error }` thrown; the caught error kept as the 401's cause.
const throwsResult = (code: string): string => code.replace("    await resend", "    const { error: resultError } = await resend").replace("html: url });\n", "html: url });\n    if (resultError) throw resultError;\n");
const logsResult = (code: string): string => code.replace("    await resend", "    const { error: resultError } = await resend").replace("html: url });\n", "html: url });\n    if (resultError) console.error(\"e-mail send failed\", resultError);\n");
const withCause = (code: string, text: string): string => code.replace(`throw new UnauthorizedException("${text}");`, `throw new UnauthorizedException("${text}", { cause: error });`);

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log helper whose buffer is not named for logs (it may be shown as the answer)", code: history, filename: "src/messages.ts", files: { "src/controlPanel.ts": panel("failures") } },
    { name: "a log helper that also sends the line elsewhere is no log helper", code: history, filename: "src/messages.ts", files: { "src/controlPanel.ts": panel("logs", "\n    void fetch(\"https://hooks.example.com\", { method: \"POST\", body: entry });") } },
    { name: "Resend pinned before 1.0 threw on failure: the catch handles it", code: oldMail },
    { name: "a try that only verifies the token answers 401 rightly", code: onlyVerifies },
    { name: "a 401 after a log of the error: the client-error exemption", code: logged },
    { name: "a 401 that keeps the error's text", code: keepsText },
  ],
  invalid: [
    { name: "a log helper that keeps the line in an in-memory log buffer: log-only catch", code: history, filename: "src/messages.ts", files: { "src/controlPanel.ts": panel("logs") }, findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: [
        { title: "Rethrow the error", output: history.replace("    return;\n", "    throw error;\n") },
        { title: "Mark as intentionally ignored…", output: history.replace("  } catch (error) {\n", "  } catch (error) {\n    // Intentionally ignored: <reason>\n") },
      ] }], output: null },
    { name: "Resend by a Deno npm: specifier: the dropped error is reported", code: npmMail, findings: [{ case: "resultErrorIgnored", line: 7, column: 5, endColumn: 103, suggestions: [{ title: "Throw the error", output: throwsResult(npmMail) }] }], output: logsResult(npmMail) },
    { name: "Resend by an esm.sh URL: the dropped error is reported", code: esmMail, findings: [{ case: "resultErrorIgnored", line: 7, column: 5, endColumn: 103, suggestions: [{ title: "Throw the error", output: throwsResult(esmMail) }] }], output: logsResult(esmMail) },
    { name: "the same send whose error is only logged before the success answer", code: logsResult(npmMail), findings: [{ case: "resultErrorLogOnly", line: 7, column: 36, endLine: 8, endColumn: 21, suggestions: [{ title: "Throw the error after logging it", output: logsResult(npmMail).replace('if (resultError) console.error("e-mail send failed", resultError);', 'if (resultError) { console.error("e-mail send failed", resultError); throw resultError; }') }] }], output: null },
    { name: "a session lookup's every failure answered 401: low confidence", code: sessionLookup, findings: [{ case: "rethrowWithoutCause", line: 14, column: 7, endColumn: 20, severity: "info", confidence: "low", suggestions: [{ title: "Pass the caught error to UnauthorizedException as { cause }", output: withCause(sessionLookup, "Authentication failed") }] }], output: null },
    { name: "a login request's failure answered 401 whichever text the code picks: low confidence", code: picksText, findings: [{ case: "rethrowWithoutCause", line: 13, column: 7, endColumn: 20, severity: "info", confidence: "low", suggestions: [{ title: "Pass the caught error to UnauthorizedException as { cause }", output: withCause(picksText, "Invalid e-mail or password") }] }], output: null },
  ],
});
