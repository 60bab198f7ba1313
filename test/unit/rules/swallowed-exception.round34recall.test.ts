import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer serecall30 (tune round 34's recall misses; hand-written
// analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause"]);
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

const refused = mapped('error.code === "ECONNREFUSED"');
const targetClosed = mapped('error.message.includes("Target closed")');
const sdkBase = mapped("error instanceof Anthropic.APIError");

new RuleTester().run(narrowed, {
  valid: [
    { name: "an abort picked out and mapped to a clearer error, every other error rethrown", code: mapped('error.name === "AbortError"') },
    { name: "a timeout code picked out (ECONNABORTED): the new message says all it says", code: mapped('error.code === "ECONNABORTED"') },
    { name: "an SDK base class narrowed to one code picks out one error", code: mapped('error instanceof APIError && error.code === "insufficient_quota"') },
    { name: "an SDK's rate-limit class picks out one error", code: mapped("error instanceof Anthropic.RateLimitError") },
  ],
  invalid: [
    { name: "a refused connection mapped to a fixed message: the address that failed is lost", code: refused, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(refused) },
    { name: "a closed browser target mapped to a fixed message", code: targetClosed, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(targetClosed) },
    { name: "an SDK's base class (every API failure) mapped to a fixed message", code: sdkBase, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 18 }], output: withCause(sdkBase) },
  ],
});
