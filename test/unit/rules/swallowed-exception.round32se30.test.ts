import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer se30 (the retired held round 32, with its lead's decisions,
// and production capgo's sampled false findings; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A locale probe whose try answers `answer`.
const locale = (answer: string): string => dedent`
  export function canonicalLocale(tag: string) {
    try {
      return ${answer};
    } catch {
      return null;
    }
  }
`;

// A timestamp formatter with the guard `guard` before a try doing `work`.
const timestamp = (guard: string, work: string): string => dedent`
  export async function toIso(ts: number | null) {
    ${guard}
    try {
      return ${work};
    } catch {
      return null;
    }
  }
`;

// A version probe declaring \`decl\` before a try that assigns \`work\`.
const version = (decl: string, work: string): string => dedent`
  import { parse } from "@std/semver";
  export async function supportsV3(raw: string | undefined) {
    ${decl}
    try {
      coerced = ${work};
    } catch {
      coerced = undefined;
    }
    return coerced !== undefined && coerced.major >= 7;
  }
`;

// A model answer parsed in the try, the catch throwing \`message\`.
const modelJson = (read: string, message: string): string => dedent`
  export async function parseAnswer(content: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(${read});
    } catch {
      throw new Error(${message});
    }
    return parsed;
  }
`;

// A feed preview under the doc comment \`doc\`.
const preview = (doc: string): string => dedent`
  import { parseFeed } from "feedsmith";
  /** ${doc} */
  export function previewItems(text: string) {
    try {
      return parseFeed(text).items.slice(0, 3);
    } catch {
      return [];
    }
  }
`;

// A claims reader calling \`call\` on the auth client.
const claims = (call: string): string => dedent`
  export async function claimsOf(client: SupabaseClient, jwt: string) {
    try {
      const { data, error } = await client.auth.${call};
      if (error || !data?.claims) return null;
      return data.claims;
    } catch {
      return null;
    }
  }
`;

// The two suggestions of a catchReturnsDefault: a log line naming `what`, or the ignore comment.
const defaultFixes = (code: string, what: string) => [
  { title: "Log the error with console", output: code.replace("} catch {\n", `} catch (err) {\n    console.error("${what}", err);\n`) },
  { title: "Mark as intentionally ignored…", output: code.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
];
// The safe fix of a rethrowWithoutCause: the cause handed to the new error.
const withCause = (code: string, message: string): string => code.replace(`} catch {\n    throw new Error(${message});`, `} catch (err) {\n    throw new Error(${message}, { cause: err });`);

// A \`gh\` runner whose catch answers \`stderr\` as the failed run's text.
const gh = (stderr: string): string => dedent`
  import { spawnSync } from "node:child_process";
  export function runGh(args: string[]) {
    try {
      const result = spawnSync("gh", args, { encoding: "utf8" });
      return { status: result.status ?? 1, stderr: result.stderr ?? "" };
    } catch {
      return { status: 1, stderr: ${stderr} };
    }
  }
`;

// A fetcher whose catch maps axios errors, the last branch testing \`test\`, and rethrows the rest with their message.
const fetcher = (test: string): string => dedent`
  export async function fetchPage(url: string) {
    try {
      return await axios.get(url, { timeout: 10000 });
    } catch (error) {
      if (axios.isAxiosError(error)) {
        if (error.response?.status === 404) {
          throw new Error("Page not found - the URL may be incorrect");
        }
        if (${test}) {
          throw new Error("Server error - the website is unavailable");
        }
      }
      throw new Error(\`Failed to fetch: \${error instanceof Error ? error.message : "Unknown error"}\`);
    }
  }
`;

// A migration step whose catch counts the failure and stops the run when \`test\` holds.
const migrate = (test: string): string => dedent`
  export class Migrator {
    async migrateFile(id: string) {
      try {
        await this.copy(id);
      } catch (error) {
        console.error(\`Failed to migrate \${id}:\`, error.message);
        this.stats.consecutiveFailures++;
        if (${test}) {
          throw new Error(\`Migration stopped after \${MAX_FAILURES} consecutive failures\`);
        }
      }
    }
  }
`;

const defaultLocale = locale('Intl.getCanonicalLocales(tag)[0] ?? "en-US"');
const lookedUp = timestamp("if (!ts) return null;", "(await db.events.findFirst({ where: { ts } }))?.at ?? null");
const fetched = version("let coerced;", "raw ? parse(await fetchLatest(raw)) : undefined");
const fixedMessage = modelJson("content", '"AI returned invalid JSON"');
const readFromDisk = modelJson('await readFile(content, "utf8")', "`Invalid config file: ${content}`");
const undocumented = preview("Extracts a small, display-only sample of a feed.");
const session = claims("getSession()");
const silentGh = gh('""');
const anyResponse = fetcher("error.response");
const otherCount = migrate("this.stats.failed >= MAX_FAILURES");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a locale probe whose try answers `null` through `?? null` (capgo's Intl.getCanonicalLocales)", code: locale("Intl.getCanonicalLocales(tag)[0] ?? null") },
    { name: "a locale probe whose try answers `null` from a conditional", code: locale('tag ? Intl.getCanonicalLocales(tag)[0] : null') },
    { name: "date formatting whose function's own guard answers the same `null` before the try (held round 32)", code: timestamp("if (!ts) return null;", "new Date(ts * 1000).toISOString()") },
    { name: "a semver parse reset to the `undefined` a bare `let` holds (capgo)", code: version("let coerced;", "raw ? parse(raw) : undefined") },
    { name: "a parse whose new error says the value is invalid and carries it (held round 32)", code: modelJson("content", "`AI returned invalid JSON: ${content.slice(0, 200)}`") },
    { name: "a CSS selector check whose new error carries the selector", code: 'import * as cheerio from "cheerio";\nexport function validateSelector(selector: string, path: string): void {\n  try {\n    const $ = cheerio.load("<div></div>");\n    $(selector);\n  } catch {\n    throw new Error(`${path} contains an invalid CSS selector: "${selector}"`);\n  }\n}' },
    { name: "a doc comment naming the answer for invalid input (held round 32)", code: preview("Invalid feeds intentionally produce no preview.") },
    { name: "a claims verifier (supabase-js auth.getClaims) answering its own deny (capgo)", code: claims("getClaims(jwt)") },
    { name: "a status range (>= 500) picks out a kind of error, the rest rethrown with their message", code: fetcher("error.response?.status && error.response.status >= 500") },
    { name: "a circuit breaker: the counter the catch counts up reaches its limit (held round 32)", code: migrate("this.stats.consecutiveFailures >= MAX_FAILURES") },
    { name: "an explicit failure result whose message says the tool is not available (capgo)", code: gh('"`gh` command is not available in PATH."') },
  ],
  invalid: [
    { name: "neighbour: the try never answers `null` itself", code: defaultLocale, findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 10, suggestions: defaultFixes(defaultLocale, "Intl.getCanonicalLocales failed in canonicalLocale") }], output: null },
    { name: "neighbour: the same guard before a try that waits on a lookup", code: lookedUp, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: defaultFixes(lookedUp, "db.events.findFirst failed in toIso") }], output: null },
    { name: "neighbour: the version fetched in the try", code: fetched, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: defaultFixes(fetched, "supportsV3 failed") }], output: null },
    { name: "neighbour: a fixed message keeps nothing of the value (held round 28)", code: fixedMessage, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10 }], output: withCause(fixedMessage, '"AI returned invalid JSON"') },
    { name: "neighbour: the value read from disk in the try", code: readFromDisk, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10 }], output: withCause(readFromDisk, "`Invalid config file: ${content}`") },
    { name: "neighbour: a doc comment that names no failure", code: undocumented, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: defaultFixes(undocumented, "previewItems failed") }], output: null },
    { name: "neighbour: a truthiness test picks out no one error", code: anyResponse, findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 18 }], output: anyResponse.replace('unavailable");', 'unavailable", { cause: error });') },
    { name: "neighbour: a test of a count the catch does not count up", code: otherCount, findings: [{ case: "rethrowWithoutCause", line: 5, column: 7, endColumn: 20 }], output: otherCount.replace("consecutive failures`);", "consecutive failures`, { cause: error });") },
    { name: "neighbour: a failure result with an empty message", code: silentGh, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: defaultFixes(silentGh, "spawnSync failed in runGh") }], output: null },
    { name: "neighbour: a session read is no verifier", code: session, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: defaultFixes(session, "client.auth.getSession failed in claimsOf") }], output: null },
  ],
});
