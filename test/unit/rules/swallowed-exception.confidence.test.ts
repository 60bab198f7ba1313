import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Confidence (docs/rules/swallowed-exception.md, "Confidence"; issue 11: a case that is often
// debatable stays at info): each low-confidence shape with its high-confidence neighbour. Hand-written
// rows, no fetched code. This table declares only the cases its rows name.
const named = new Set(["logAndContinue", "rethrowWithoutCause", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const ignored = "// Intentionally ignored: <reason>";

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "syncTry: a log-only catch around a parse of a string in hand is low confidence (info)",
      code: dedent`
        export function readPort(raw: string): number {
          try {
            return Number(JSON.parse(raw).port);
          } catch (err) {
            console.error("Could not read the port", err);
          }
          return 3000;
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 4, column: 5, endColumn: 16, confidence: "low", severity: "info",
          suggestions: [
            { title: "Rethrow the error", output: 'export function readPort(raw: string): number {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n    throw err;\n  }\n  return 3000;\n}\n' },
            { title: "Mark as intentionally ignored…", output: `export function readPort(raw: string): number {\n  try {\n    return Number(JSON.parse(raw).port);\n  } catch (err) {\n    ${ignored}\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n` },
          ],
        },
      ],
      output: null,
    },
    {
      name: "syncTry's neighbour: the same catch around a synchronous file read stays high confidence (warning)",
      code: dedent`
        import { readFileSync } from "node:fs";

        export function readPort(file: string): number {
          try {
            return Number(JSON.parse(readFileSync(file, "utf8")).port);
          } catch (err) {
            console.error("Could not read the port", err);
          }
          return 3000;
        }
      `,
      findings: [
        {
          case: "logAndContinue", line: 6, column: 5, endColumn: 16, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Rethrow the error", output: 'import { readFileSync } from "node:fs";\n\nexport function readPort(file: string): number {\n  try {\n    return Number(JSON.parse(readFileSync(file, "utf8")).port);\n  } catch (err) {\n    console.error("Could not read the port", err);\n    throw err;\n  }\n  return 3000;\n}\n' },
            { title: "Mark as intentionally ignored…", output: `import { readFileSync } from "node:fs";\n\nexport function readPort(file: string): number {\n  try {\n    return Number(JSON.parse(readFileSync(file, "utf8")).port);\n  } catch (err) {\n    ${ignored}\n    console.error("Could not read the port", err);\n  }\n  return 3000;\n}\n` },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a new error about the input after a parse stays high confidence (warning): the cause is lost whatever the try does",
      code: dedent`
        export function parseRules(text: string) {
          try {
            return JSON.parse(text);
          } catch {
            throw new Error("The rules are not valid JSON");
          }
        }
      `,
      findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 10, confidence: "high", severity: "warning" }],
      output: 'export function parseRules(text: string) {\n  try {\n    return JSON.parse(text);\n  } catch (err) {\n    throw new Error("The rules are not valid JSON", { cause: err });\n  }\n}\n',
    },
    {
      name: "syncTry's neighbour: a new error after an awaited request stays high confidence (warning)",
      code: dedent`
        export async function loadRules(url: string) {
          try {
            const res = await fetch(url);
            return await res.json();
          } catch {
            throw new Error("Could not load the rules");
          }
        }
      `,
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10, confidence: "high", severity: "warning" }],
      output: 'export async function loadRules(url: string) {\n  try {\n    const res = await fetch(url);\n    return await res.json();\n  } catch (err) {\n    throw new Error("Could not load the rules", { cause: err });\n  }\n}\n',
    },
    {
      name: "bodyReadFallback: a reply's body read whose failure becomes an empty object is low confidence (info)",
      code: dedent`
        export async function readOptions(res: Response) {
          const options = await res.json().catch(() => ({}));
          return { verbose: options.verbose === true };
        }
      `,
      findings: [
        {
          case: "promiseCatchNoop", line: 2, column: 42, endColumn: 52, confidence: "low", severity: "info",
          suggestions: [{ title: "Mark as intentionally ignored…", output: "export async function readOptions(res: Response) {\n  const options = await res.json().catch(() => /* Intentionally ignored: <reason> */ ({}));\n  return { verbose: options.verbose === true };\n}\n" }],
        },
      ],
      output: 'export async function readOptions(res: Response) {\n  const options = await res.json().catch((err) => {\n    console.error("res.json failed in readOptions", err);\n    return ({});\n  });\n  return { verbose: options.verbose === true };\n}\n',
    },
    {
      name: "bodyReadFallback: the same read whose handler logs and answers an empty object is low confidence (info)",
      code: dedent`
        export async function readOptions(req: Request) {
          const options = await req.json().catch((err) => {
            console.warn("Unreadable options body", err);
            return {};
          });
          return { verbose: options.verbose === true };
        }
      `,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 2, column: 42, endLine: 5, endColumn: 4, confidence: "low", severity: "info",
          suggestions: [{ title: "Mark as intentionally ignored…", output: `export async function readOptions(req: Request) {\n  const options = await req.json().catch((err) => {\n    ${ignored}\n    console.warn("Unreadable options body", err);\n    return {};\n  });\n  return { verbose: options.verbose === true };\n}\n` }],
        },
      ],
      output: null,
    },
    {
      name: "bodyReadFallback's neighbour: a request whose failure becomes null stays high confidence (warning)",
      code: dedent`
        export async function notify(url: string) {
          await fetch(url, { method: "POST" }).catch(() => null);
          return { sent: true };
        }
      `,
      findings: [
        {
          case: "promiseCatchNoop", line: 2, column: 46, endColumn: 56, confidence: "high", severity: "warning",
          suggestions: [{ title: "Mark as intentionally ignored…", output: 'export async function notify(url: string) {\n  await fetch(url, { method: "POST" }).catch(() => /* Intentionally ignored: <reason> */ null);\n  return { sent: true };\n}\n' }],
        },
      ],
      output: 'export async function notify(url: string) {\n  await fetch(url, { method: "POST" }).catch((err) => {\n    console.error("fetch failed in notify", err);\n    return null;\n  });\n  return { sent: true };\n}\n',
    },
  ],
});
