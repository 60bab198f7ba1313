import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production OpenPanel (eval/production, triaged blind), session 31, developer prod31: a static
// site's loader of its own content files, checked into its `content/` folder; a URL parse held in a
// local whose fields the try answers, the path answered as given on failure; a base64 decode of a
// token, which never throws, answered as an invalid token; `getSafeJson`, whose name promises the
// fallback. Hand-written
// analogues, not the repository's code. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A page loader reading `folder` under the project's root, with `extra` after the parse.
const loader = (folder: string, extra = ""): string => dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";
  const contentDir = join(process.cwd(), ${folder});
  export async function getPageData(slug: string) {
    try {
      const fileContents = readFileSync(join(contentDir, \`\${slug}.json\`), "utf8");
      const data = JSON.parse(fileContents);${extra}
      return { ...data, url: \`/pages/\${slug}\` };
    } catch (error) {
      console.error(\`Error loading page data for \${slug}:\`, error);
      return null;
    }
  }
`;

const DATA_DIR = loader('"data", "pages"');
const FETCHES = loader('"content", "pages"', "\n      await fetch(data.webhook);");
// A display helper answering a page's path from a URL parse held in a local, `answer` on failure.
const pathOf = (answer: string, parse = "new URL(path)"): string => dedent`
  export function getPath(path: string, showDomain = false) {
    try {
      const url = ${parse};
      if (showDomain) {
        return url.hostname + url.pathname;
      }
      return url.pathname;
    } catch {
      return ${answer};
    }
  }
`;
const DEFAULT_PATH = pathOf('"/"');
const LOOKED_UP = pathOf("path", "routes.lookup(path)");
const logged = (code: string, message: string): { title: string; output: string } => ({ title: "Log the error with console", output: code.replace("catch {\n", `catch (err) {\n    console.error("${message}", { path }, err);\n`) });
const markBare = (code: string): { title: string; output: string } => ({ title: "Mark as intentionally ignored…", output: code.replace("catch {\n", "catch {\n    // Intentionally ignored: <reason>\n") });
// A token decoded from base64 with `decode`, a new error with `message` on failure.
const decodeToken = (decode: string, message: string): string => dedent`
  export function authenticate(token: string) {
    let decoded: string;
    try {
      decoded = ${decode};
    } catch {
      throw new Error("${message}");
    }
    return decoded.split(":");
  }
`;
const ATOB = decodeToken("atob(token)", "Invalid token encoding");
const OTHER_MESSAGE = decodeToken('Buffer.from(token, "base64").toString("utf-8")', "Failed to read the token");
const withCause = (code: string): string => code.replace("} catch {\n", "} catch (err) {\n").replace('");\n  }\n  return', '", { cause: err });\n  }\n  return');
// A JSON helper named `name` whose catch answers null.
const jsonHelper = (name: string): string => dedent`
  export function ${name}<T>(str: string): T | null {
    try {
      return JSON.parse(str);
    } catch (e) {
      return null;
    }
  }
`;
const UNSAFE_NAME = jsonHelper("getUnsafeJson");
const rethrow = (code: string): { title: string; output: string } => ({ title: "Rethrow the error", output: code.replace("    return null;\n", "    throw error;\n") });
const mark = (code: string): { title: string; output: string } => ({ title: "Mark as intentionally ignored…", output: code.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a page's JSON read from the site's content folder by its slug, logged and answered null", code: loader('"content", "pages"') },
    {
      name: "the content folder listed, ENOENT an empty list, anything else logged",
      code: dedent`
        import { readdirSync, readFileSync } from "node:fs";
        import { join } from "node:path";
        const contentDir = join(process.cwd(), "content", "features");
        export function loadFeatureSourceSync() {
          try {
            return readdirSync(contentDir)
              .filter((file) => file.endsWith(".json"))
              .map((file) => ({ ...JSON.parse(readFileSync(join(contentDir, file), "utf8")), slug: file.replace(".json", "") }));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
            console.error("Error loading feature source:", error);
            return [];
          }
        }
      `,
    },
    {
      name: "one content file that does not parse, logged and left out of the list",
      code: dedent`
        import fs from "node:fs";
        import path from "node:path";
        const contentDir = path.join(__dirname, "../../content/compare");
        export const pages = fs.readdirSync(contentDir).map((file) => {
          const fileContents = fs.readFileSync(path.join(contentDir, file), "utf8");
          try {
            return JSON.parse(fileContents);
          } catch (error) {
            console.error(\`Error parsing compare data for \${file}:\`, error);
            return null;
          }
        });
      `,
    },
    { name: "a URL parse held in a local, its fields joined or alone, the path answered as given on failure", code: pathOf("path") },
    { name: "a helper named getSafeJson (a verb, then Safe) answering null for text that is not JSON", code: jsonHelper("getSafeJson") },
    { name: "parseSafe… promises the fallback too", code: jsonHelper("parseSafeConfig") },
    { name: "a base64 decode of a token (which never throws) answered as an invalid token", code: decodeToken('Buffer.from(token, "base64").toString("utf-8")', "Invalid token encoding") },
  ],
  invalid: [
    { name: "neighbour: a helper whose name says nothing of safety stays reported", code: UNSAFE_NAME, findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 14, suggestions: [{ title: "Log the error with console", output: UNSAFE_NAME.replace("} catch (e) {\n", "} catch (e) {\n    console.error(\"JSON.parse failed in getUnsafeJson\", e);\n") }, { title: "Mark as intentionally ignored…", output: UNSAFE_NAME.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "neighbour: atob, which throws on a bad character, stays reported", code: ATOB, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10 }], output: withCause(ATOB) },
    { name: "neighbour: a decode whose new error does not say the input is invalid stays reported", code: OTHER_MESSAGE, findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10 }], output: withCause(OTHER_MESSAGE) },
    { name: "neighbour: a URL parse's catch answering a fixed default stays reported", code: DEFAULT_PATH, findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 10, suggestions: [logged(DEFAULT_PATH, "getPath failed"), markBare(DEFAULT_PATH)] }], output: null },
    { name: "neighbour: a local holding a lookup of the path, not a parse of it, stays reported", code: LOOKED_UP, findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 10, suggestions: [logged(LOOKED_UP, "routes.lookup failed in getPath"), markBare(LOOKED_UP)] }], output: null },
    { name: "neighbour: the same loader of a data folder stays reported", code: DATA_DIR, findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [rethrow(DATA_DIR), mark(DATA_DIR)] }], output: null },
    { name: "neighbour: a content loader that also calls out stays reported", code: FETCHES, findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 18, suggestions: [rethrow(FETCHES), mark(FETCHES)] }], output: null },
  ],
});
