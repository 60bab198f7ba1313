import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production OpenPanel (eval/production, triaged blind), session 31, developer prod31: a static
// site's loader of its own content files, checked into its `content/` folder. Hand-written
// analogues, not the repository's code. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
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
  ],
  invalid: [
    { name: "neighbour: the same loader of a data folder stays reported", code: DATA_DIR, findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [rethrow(DATA_DIR), mark(DATA_DIR)] }], output: null },
    { name: "neighbour: a content loader that also calls out stays reported", code: FETCHES, findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 18, suggestions: [rethrow(FETCHES), mark(FETCHES)] }], output: null },
  ],
});
