import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes that recur across session 25's production records (issue 11; false findings seen in two
// or more codebases; hand-written analogues, no fetched code): a display formatter that answers the
// value it was given when the rendering fails, a validator whose catch answers its "not valid"
// message, a pure try whose catch answers "none" like one of its own returns; and the try form of
// a failed write of log lines. This table declares only the cases its
// invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    // The input answered as it came.
    { name: "an answer object of one shape: the input where the try puts its pretty-printed parse", code: dedent`
        export function pretty(body: string): { text: string; json: boolean } {
          try {
            const value = JSON.parse(body);
            return { text: JSON.stringify(value, null, 2), json: true };
          } catch {
            return { text: body, json: false };
          }
        }
      ` },
    { name: "a double-encoded parse re-parsed before it is printed, the input answered in the catch's object", code: dedent`
        export const asCode = (raw: string) => {
          try {
            let value = JSON.parse(raw);
            if (typeof value === "string") value = JSON.parse(value);
            return { language: "json", source: JSON.stringify(value, null, 2) };
          } catch {
            return { language: "text", source: raw };
          }
        };
      ` },
    { name: "a nested catch that answers the outer parse, the outer catch the input", code: dedent`
        export function showResult(output: string): string {
          try {
            const first = JSON.parse(output) as unknown;
            if (typeof first === "string") {
              try {
                return prettyPrint(JSON.parse(first));
              } catch {
                return first;
              }
            }
            return prettyPrint(first);
          } catch {
            return output;
          }
        }
      ` },
    { name: "an Intl display name, else the code it was given", code: dedent`
        export function regionLabel(region: string, lang: string): string {
          try {
            return new Intl.DisplayNames([lang], { type: "region" }).of(region) ?? region;
          } catch {
            return region;
          }
        }
      ` },
    // The try form of a failed write of log lines.
    { name: "the whole body of a function named for shipping log lines, its catch logging to the console", code: dedent`
        export const uploadSessionLogs = async (sessionId: string, lines: string[]) => {
          try {
            const origin = currentOrigin();
            await http.post(\`/sessions/\${sessionId}/logs\`, { json: { lines }, headers: { origin } });
          } catch (err) {
            console.log(err);
          }
        };
      ` },
    // A validator's "not valid" message.
    { name: "a validator whose catch answers the message that the value is not a valid URL", code: dedent`
        export const checkLink = (value: string) => {
          try {
            new URL(value);
            return undefined;
          } catch {
            return "Expected a valid URL";
          }
        };
      ` },
    { name: "a field validator that answers messages or null, its URL parse answered as not valid", code: dedent`
        export function urlRule(required: boolean) {
          return (value: string): string | null => {
            if (!value) return required ? "Required" : null;
            let scheme: string;
            try {
              scheme = new URL(value).protocol;
            } catch {
              return "Must be a valid URL";
            }
            if (scheme !== "https:") return "Must use https";
            return null;
          };
        }
      ` },
    // A pure try whose catch answers "none" like one of its own returns.
    { name: "string work on the input that answers null when the marker is missing, the catch null too", code: dedent`
        export function suffixAfter(host: string): string | null {
          try {
            const at = host.indexOf("api.");
            if (at === -1) return null;
            const rest = host.substring(at + 4).split("/")[0];
            return rest || null;
          } catch {
            return null;
          }
        }
      ` },
    { name: "a byte parser with a helper declared in the try, answering null for a missing tag; the catch logs and answers null", code: dedent`
        export const firstName = (pem: string): string | null => {
          try {
            const text = atob(pem.replace(/\s+/g, ""));
            const bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
            function lengthAt(pos: number): number {
              return bytes[pos]! & 0x7f;
            }
            if (bytes[0] !== 0x30) return null;
            const size = lengthAt(1);
            return new TextDecoder().decode(bytes.slice(2, 2 + size));
          } catch (error) {
            console.error("could not read the name", error);
            return null;
          }
        };
      ` },
  ],
  invalid: [
    {
      name: "an answer object with a field computed from the parse besides the input's: the catch defaults it",
      code: dedent`
        export function pretty(body: string) {
          try {
            const value = JSON.parse(body);
            return { text: JSON.stringify(value, null, 2), size: countKeys(value) };
          } catch {
            return { text: body, size: 0 };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function pretty(body: string) {
              try {
                const value = JSON.parse(body);
                return { text: JSON.stringify(value, null, 2), size: countKeys(value) };
              } catch (err) {
                console.error("pretty failed", err);
                return { text: body, size: 0 };
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function pretty(body: string) {
              try {
                const value = JSON.parse(body);
                return { text: JSON.stringify(value, null, 2), size: countKeys(value) };
              } catch {
                // Intentionally ignored: <reason>
                return { text: body, size: 0 };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log… method that writes a status, not log lines: stays reported",
      code: dedent`
        export class Hooks {
          async logFailure(hook: Hook): Promise<void> {
            try {
              await this.store.update(hook.id, { lastFailure: new Date() });
            } catch (err) {
              console.error("could not record the failure", err);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Hooks {
              async logFailure(hook: Hook): Promise<void> {
                try {
                  await this.store.update(hook.id, { lastFailure: new Date() });
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("could not record the failure", err);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a function named for shipping log lines that also writes a record first: stays reported",
      code: dedent`
        export async function saveRunLogs(runId: string, lines: string[]) {
          try {
            await db.runs.update(runId, { finishedAt: new Date() });
            await http.post(\`/runs/\${runId}/logs\`, { json: { lines } });
          } catch (err) {
            console.error("saving the run failed", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function saveRunLogs(runId: string, lines: string[]) {
              try {
                await db.runs.update(runId, { finishedAt: new Date() });
                await http.post(\`/runs/\${runId}/logs\`, { json: { lines } });
              } catch (err) {
                console.error("saving the run failed", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function saveRunLogs(runId: string, lines: string[]) {
              try {
                await db.runs.update(runId, { finishedAt: new Date() });
                await http.post(\`/runs/\${runId}/logs\`, { json: { lines } });
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("saving the run failed", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a validator that awaits a request: an outage answered as not valid",
      code: dedent`
        export const checkLink = async (value: string) => {
          try {
            await fetch(value, { method: "HEAD" });
            return null;
          } catch {
            return "Must be a valid URL";
          }
        };
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export const checkLink = async (value: string) => {
              try {
                await fetch(value, { method: "HEAD" });
                return null;
              } catch (err) {
                console.error("fetch failed in checkLink", err);
                return "Must be a valid URL";
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const checkLink = async (value: string) => {
              try {
                await fetch(value, { method: "HEAD" });
                return null;
              } catch {
                // Intentionally ignored: <reason>
                return "Must be a valid URL";
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a stored value read in the try: the null from the catch can be a storage failure",
      code: dedent`
        export function regionOf(host: string): string | null {
          try {
            const raw = localStorage.getItem("region:" + host);
            if (!raw) return null;
            return JSON.parse(raw).region;
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function regionOf(host: string): string | null {
              try {
                const raw = localStorage.getItem("region:" + host);
                if (!raw) return null;
                return JSON.parse(raw).region;
              } catch (err) {
                console.error("regionOf failed", { host }, err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function regionOf(host: string): string | null {
              try {
                const raw = localStorage.getItem("region:" + host);
                if (!raw) return null;
                return JSON.parse(raw).region;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a pure try that never answers null itself: the catch's null is a default",
      code: dedent`
        export function majorOf(version: string): number | null {
          try {
            const [major] = version.split(".");
            return parseInt(major!, 10);
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function majorOf(version: string): number | null {
              try {
                const [major] = version.split(".");
                return parseInt(major!, 10);
              } catch (err) {
                console.error("version.split failed in majorOf", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function majorOf(version: string): number | null {
              try {
                const [major] = version.split(".");
                return parseInt(major!, 10);
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a pure try that builds an object of the project's own class: its null stays a default",
      code: dedent`
        export class Failure {
          static fromJson(value: unknown): Failure | null {
            try {
              const parsed = FailureSchema.safeParse(value);
              if (!parsed.success) return null;
              return new Failure(parsed.data.code, parsed.data.message);
            } catch {
              return null;
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 7, endLine: 7, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            export class Failure {
              static fromJson(value: unknown): Failure | null {
                try {
                  const parsed = FailureSchema.safeParse(value);
                  if (!parsed.success) return null;
                  return new Failure(parsed.data.code, parsed.data.message);
                } catch (err) {
                  console.error("FailureSchema.safeParse failed in Failure.fromJson", err);
                  return null;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Failure {
              static fromJson(value: unknown): Failure | null {
                try {
                  const parsed = FailureSchema.safeParse(value);
                  if (!parsed.success) return null;
                  return new Failure(parsed.data.code, parsed.data.message);
                } catch {
                  // Intentionally ignored: <reason>
                  return null;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
