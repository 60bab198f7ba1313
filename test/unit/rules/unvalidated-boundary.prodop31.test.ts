import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production OpenPanel (eval/production, triaged blind), session 31, developer prod31: a static
// site's own content files, checked into its `content/` folder and parsed at build. Hand-written
// analogues, not the repository's code.

const OUTSIDE_CONTENT = dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";
  const dataDir = join(process.cwd(), "data", "features");
  export function getFeature(slug: string) {
    const data = JSON.parse(readFileSync(join(dataDir, \`\${slug}.json\`), "utf8"));
    return { ...data, url: \`/features/\${slug}\` };
  }
`;

const CONTENT_SESSION = dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";
  export function getSession(id: string) {
    const data = JSON.parse(readFileSync(join(process.cwd(), "content", "sessions", \`\${id}.json\`), "utf8"));
    return { ...data, id };
  }
`;

const CONTENT_BY_VARIABLE = dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";
  export function getPage(root: string, slug: string) {
    const data = JSON.parse(readFileSync(join(root, "content", \`\${slug}.json\`), "utf8"));
    return { ...data, slug };
  }
`;

const SCRIPT_OUTSIDE_CONTENT = dedent`
  import { readFile, readdir } from "node:fs/promises";
  import { join } from "node:path";
  const dirPath = join(import.meta.dirname || __dirname);
  export async function analyze() {
    for (const file of await readdir(dirPath)) {
      const data = JSON.parse(await readFile(join(dirPath, file), "utf-8"));
      console.log(Object.keys(data).join("|"));
    }
  }
`;

const valid: ValidCase[] = [
  {
    name: "a page's JSON read from the site's content folder under the project root, by its slug",
    code: dedent`
      import { readFileSync } from "node:fs";
      import { join } from "node:path";
      const contentDir = join(process.cwd(), "content", "features");
      export async function getFeatureData(slug: string) {
        try {
          const filePath = join(contentDir, \`\${slug}.json\`);
          const data = JSON.parse(readFileSync(filePath, "utf8"));
          return { ...data, url: \`/features/\${slug}\` };
        } catch {
          return null;
        }
      }
    `,
  },
  {
    name: "every file listed from the content folder, parsed and spread into the page list",
    code: dedent`
      import { readdirSync, readFileSync } from "node:fs";
      import { join } from "node:path";
      const contentDir = join(process.cwd(), "content", "compare");
      export function loadCompareSource() {
        return readdirSync(contentDir).filter((f) => f.endsWith(".json")).map((file) => {
          const data = JSON.parse(readFileSync(join(contentDir, file), "utf8"));
          return { ...data, slug: file.replace(".json", "") };
        });
      }
    `,
  },
  {
    name: "the content folder named from the module's folder, above it, and as a template",
    code: dedent`
      import fs from "node:fs";
      import path from "node:path";
      const contentDir = path.join(__dirname, "../../content/compare");
      export const pages = fs.readdirSync(contentDir).map((file) => JSON.parse(fs.readFileSync(\`\${contentDir}/\${file}\`, "utf8")).title);
      export const home = JSON.parse(fs.readFileSync(\`\${__dirname}/content/home.json\`, "utf8")).sections;
    `,
  },
  {
    name: "a script in the content folder listing and parsing its neighbours",
    code: SCRIPT_OUTSIDE_CONTENT,
    filename: "apps/public/content/compare/ensure.ts",
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a folder not named content stays input",
    code: OUTSIDE_CONTENT,
    findings: [{ case: "jsonParseExternal", line: 5, column: 16, endColumn: 79, suggestions: [mark(OUTSIDE_CONTENT, "jsonParseExternal", 5)] }],
    output: null,
  },
  {
    name: "a content folder file named for run-time state stays input",
    code: CONTENT_SESSION,
    findings: [{ case: "jsonParseExternal", line: 4, column: 16, endColumn: 106, suggestions: [mark(CONTENT_SESSION, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "a content folder under a root the caller hands in stays input",
    code: CONTENT_BY_VARIABLE,
    findings: [{ case: "jsonParseExternal", line: 4, column: 16, endColumn: 87, suggestions: [mark(CONTENT_BY_VARIABLE, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "the same neighbour-listing script outside a content folder stays input",
    code: SCRIPT_OUTSIDE_CONTENT,
    filename: "scripts/analyze.ts",
    findings: [{ case: "jsonParseExternal", line: 6, column: 18, endColumn: 74, suggestions: [mark(SCRIPT_OUTSIDE_CONTENT, "jsonParseExternal", 6)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
