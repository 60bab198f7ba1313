import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer serecall30 (tune round 34's recall misses; hand-written
// analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause", "logAndContinue", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A transcription client whose catch maps the error picked out by \`pick\` to a fixed message and rethrows the rest.
const mapped = (pick: string): string => dedent`
  export async function transcribe(form: FormData) {
    try {
      const res = await axios.post(\`\${API_URL}/transcribe\`, form, { timeout: 60000 });
      return res.data.text;
    } catch (error) {
      if (${pick}) {
        throw new Error("Transcription service unavailable");
      }
      throw error;
    }
  }
`;

// The bulk fix: the new error keeps the caught one as its cause.
const withCause = (code: string): string => code.replace('unavailable");', 'unavailable", { cause: error });');

// A migration runner whose catch logs the failed step and returns under the comment \`note\`.
const migrate = (note: string): string => dedent`
  export async function runMigrations(db: Database) {
    for (const m of pending) {
      try {
        await m.up(db);
        await markApplied(db, m.version);
      } catch (error) {
        console.error(\`Migration V\${m.version} failed:\`, error);
        // ${note}
        return;
      }
    }
  }
`;

const proposed = migrate("Optional: Rollback logic or exit process");
const couldNotify = migrate("Could notify the operator here");

// An e-mail helper whose template read callback drops its error, with \`note\` as a comment at \`where\`.
const template = (note: string, above: boolean): string => dedent`
  export const orderReceived = async (to: string, items: Item[]) => {
    fs.readFile(TEMPLATE_PATH, "utf8", async (err, data) => {
      ${above ? `// ${note}\n      ` : ""}if (err) {
        console.error("Error loading the email template");
        return;
      }
      ${above ? "" : `// ${note}\n      `}const html = data.replace("{{items}}", items.map(row).join(""));
      await sendEmail({ to, subject: "Order confirmation", html });
    });
  };
`;

const belowCheck = template("Map the order items to table rows", false);

const refused = mapped('error.code === "ECONNREFUSED"');
const targetClosed = mapped('error.message.includes("Target closed")');
const sdkBase = mapped("error instanceof Anthropic.APIError");

new RuleTester().run(narrowed, {
  valid: [
    { name: "an abort picked out and mapped to a clearer error, every other error rethrown", code: mapped('error.name === "AbortError"') },
    { name: "a timeout code picked out (ECONNABORTED): the new message says all it says", code: mapped('error.code === "ECONNABORTED"') },
    { name: "an SDK base class narrowed to one code picks out one error", code: mapped('error instanceof APIError && error.code === "insufficient_quota"') },
    { name: "an SDK's rate-limit class picks out one error", code: mapped("error instanceof Anthropic.RateLimitError") },
    { name: "a comment that says the step is optional explains the return", code: migrate("Optional: the table may not exist on older schemas") },
    { name: "`Could throw…` says why the try may fail: it explains (no proposed handling)", code: migrate("Could throw when the schema is older than the migration") },
    { name: "a comment that says why the runner goes on explains the return", code: migrate("Later migrations do not depend on this one, the next start retries it") },
    { name: "a comment above the error check explains the callback's handling of its error", code: template("A missing template only skips this courtesy mail", true) },
  ],
  invalid: [
    { name: "a comment below the error check speaks of the success path: the dropped read error stays one", code: belowCheck, findings: [{ case: "ignoredCallbackError", line: 2, column: 45, endColumn: 48 }], output: belowCheck.replace('template");', 'template", err);') },
    { name: "a handling proposed and not written (`Optional: Rollback logic or exit process`) explains nothing", code: proposed, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: proposed.replace("      return;\n", "      throw error;\n") },
      { title: "Mark as intentionally ignored…", output: proposed.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "`Could notify…` proposes a handling: no explanation", code: couldNotify, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: couldNotify.replace("      return;\n", "      throw error;\n") },
      { title: "Mark as intentionally ignored…", output: couldNotify.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a refused connection mapped to a fixed message: the address that failed is lost", code: refused, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(refused) },
    { name: "a closed browser target mapped to a fixed message", code: targetClosed, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(targetClosed) },
    { name: "an SDK's base class (every API failure) mapped to a fixed message", code: sdkBase, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(sdkBase) },
  ],
});
