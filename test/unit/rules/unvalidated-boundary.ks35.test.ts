import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 35, developer ks35: production keystone's sampled false findings (eval/production, seed
// 20261351). Seed JSON checked in beside the seeding module and named from the package's root
// (`path.join(process.cwd(), "./src/seed/users.json")`), and a release script that reads
// `'.changeset/contributors.json'` and writes it back as `'./.changeset/contributors.json'`.
// Hand-written analogues, not the repository's code.

const SEED = dedent`
  import fs from "fs";
  import path from "path";
  export async function seedUsers(db: Db) {
    const raw = fs.readFileSync(path.join(process.cwd(), "./src/seed/users.json"), "utf-8");
    const users: any[] = JSON.parse(raw);
    await db.user.createMany({ data: users });
  }
`;
const SEED_FILES = { "examples/blog/server/package.json": "{}\n", "examples/blog/server/src/seed/users.json": "[]\n" };

// Another style: a CommonJS Prisma seed with node:process's \`cwd\`, the fixtures one folder below the module.
const PRISMA_SEED = dedent`
  const { readFileSync } = require("node:fs");
  const { resolve } = require("node:path");
  const { cwd } = require("node:process");
  async function main() {
    const products = JSON.parse(readFileSync(resolve(cwd(), "prisma/fixtures/products.json"), "utf8"));
    for (const p of products) await prisma.product.upsert({ where: { sku: p.sku }, create: p, update: p });
  }
  main();
`;
const PRISMA_FILES = { "prisma/fixtures/products.json": "[]\n" };

const CONTRIBUTORS = dedent`
  const { readFileSync, writeFileSync } = require("fs");
  async function release() {
    const previous = JSON.parse(readFileSync(".changeset/contributors.json").toString("utf-8"));
    const contributors = [...new Set([...previous, ...(await newAuthors())])];
    writeFileSync("./.changeset/contributors.json", JSON.stringify(contributors.sort(), null, 2) + "\\n");
    return contributors.map((c) => c.login);
  }
`;

// Another style: a Deno-flavoured ESM counter with template literals, read with \`./\`, written without.
const COUNTER = dedent`
  import { readFile, writeFile } from "node:fs/promises";
  export async function bump() {
    const state = JSON.parse(await readFile(\`./data/counter.json\`, "utf8"));
    state.count = state.count + 1;
    await writeFile("data/counter.json", JSON.stringify(state));
    return state.count;
  }
`;

// The settings a deployment drops next to the app: named from the working directory, not in the repository.
const RUNTIME_CONFIG = dedent`
  import fs from "fs";
  import path from "path";
  export function loadSettings() {
    const settings = JSON.parse(fs.readFileSync(path.join(process.cwd(), "config/settings.json"), "utf-8"));
    return settings.features.map((f: { name: string }) => f.name);
  }
`;

// A checked-in file of another folder of the package, above the module: not decided here, stays input (debatable).
const ABOVE = dedent`
  import fs from "fs";
  import path from "path";
  export function loadLabels() {
    const labels = JSON.parse(fs.readFileSync(path.join(process.cwd(), "locales/en.json"), "utf-8"));
    return labels.menu.map((l: { text: string }) => l.text);
  }
`;

// Another script's output at the repository's root, named from the working directory: input (held round 23).
const OTHER_SCRIPT = dedent`
  import { existsSync, readFileSync } from "node:fs";
  import { join } from "node:path";
  const resultPath = join(process.cwd(), "SIMULATION_RESULT.json");
  const result = existsSync(resultPath) ? JSON.parse(readFileSync(resultPath, "utf8")) : null;
  if (result) console.log(result.entities.project_id.toUpperCase());
`;

// Read from one file, a new document written to another: not the file it wrote.
const OTHER_FILE = dedent`
  import { readFile, writeFile } from "node:fs/promises";
  export async function bump() {
    const previous = JSON.parse(await readFile("./data/previous.json", "utf8"));
    await writeFile("data/counter.json", JSON.stringify({ count: previous.count + 1 }));
    return previous.count + 1;
  }
`;

const valid: ValidCase[] = [
  { name: "seed JSON beside the seeding module, named from the package's root", code: SEED, filename: "examples/blog/server/src/seed/index.ts", files: SEED_FILES },
  { name: "another style: a CommonJS Prisma seed, cwd() from node:process, fixtures below the module", code: PRISMA_SEED, filename: "prisma/seed.js", files: PRISMA_FILES },
  { name: "a file the script writes back, read without ./ and written with it", code: CONTRIBUTORS, filename: "scripts/prepare-release.js" },
  { name: "another style: a template literal with ./ read, a string written without", code: COUNTER, filename: "src/counter.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: a runtime file named from the working directory, not in the repository",
    code: RUNTIME_CONFIG,
    filename: "src/settings.ts",
    findings: [{ case: "jsonParseExternal", line: 4, column: 20, endColumn: 106, suggestions: [mark(RUNTIME_CONFIG, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "neighbour: a checked-in file of another folder, above the module",
    code: ABOVE,
    filename: "src/menu/labels.ts",
    files: { "locales/en.json": "{}\n" },
    findings: [{ case: "jsonParseExternal", line: 4, column: 18, endColumn: 99, suggestions: [mark(ABOVE, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "neighbour: another script's output beside the root package.json, named from the working directory",
    code: OTHER_SCRIPT,
    filename: "scripts/simulate-all.mjs",
    files: { "SIMULATION_RESULT.json": "{}\n" },
    findings: [
      {
        case: "jsonParseExternal",
        line: 4,
        column: 41,
        endColumn: 85,
        suggestions: [
          {
            title: 'Validate JSON.parse(readFileSync(resultPath, "ut… with Zod (adds the zod dependency)',
            output: dedent`
              import { existsSync, readFileSync } from "node:fs";
              import { join } from "node:path";
              import { z } from "zod";
              const resultPath = join(process.cwd(), "SIMULATION_RESULT.json");
              const DataSchema = z.object({ entities: z.object({ project_id: z.string() }) });

              const result = existsSync(resultPath) ? DataSchema.parse(JSON.parse(readFileSync(resultPath, "utf8"))) : null;
              if (result) console.log(result.entities.project_id.toUpperCase());
            `,
          },
          mark(OTHER_SCRIPT, "jsonParseExternal", 4),
        ],
      },
    ],
    output: null,
  },
  {
    name: "neighbour: read from one file, written to another",
    code: OTHER_FILE,
    filename: "src/counter.ts",
    findings: [
      {
        case: "jsonParseExternal",
        line: 3,
        column: 20,
        endColumn: 78,
        suggestions: [
          {
            title: 'Validate JSON.parse(await readFile("./data/previ… with Zod (adds the zod dependency)',
            output: dedent`
              import { readFile, writeFile } from "node:fs/promises";
              import { z } from "zod";
              const BumpData = z.object({ count: z.number() });

              export async function bump() {
                const previous = BumpData.parse(JSON.parse(await readFile("./data/previous.json", "utf8")));
                await writeFile("data/counter.json", JSON.stringify({ count: previous.count + 1 }));
                return previous.count + 1;
              }
            `,
          },
          mark(OTHER_FILE, "jsonParseExternal", 3),
        ],
      },
    ],
    output: null,
  },
];

describe("unvalidated-boundary: production keystone's file reads (ks35)", () => {
  runWithNamedCases(valid, invalid);
});
