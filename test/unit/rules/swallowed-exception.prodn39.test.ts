import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 39, developer prodn39: production NodeBB (src/database/redis/main.js:84, triaged false). A catch whose
// only check is `if (err && err.message !== "ERR no such key") throw err;` rethrows every error but the one it
// expects: the presence test of the caught value lets only a thrown `null` by. A presence test of a field
// (`err.code && err.code !== "ENOENT"`) drops every error with no code, and stays reported.
const named = new Set(["partialErrorCheck"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// NodeBB's style: a CommonJS database adapter.
const REDIS = dedent`
  module.exports.rename = async function (client, cache, oldKey, newKey) {
    try {
      await client.rename(oldKey, newKey);
    } catch (err) {
      if (err && err.message !== 'ERR no such key') {
        throw err;
      }
    }
    cache.del([oldKey, newKey]);
  };
`;

// Another style: TypeScript, fs/promises, the presence test compared with null, the throw on one line.
const MKDIR = dedent`
  import { mkdir } from "node:fs/promises";
  export async function ensureDir(dir: string): Promise<void> {
    try {
      await mkdir(dir);
    } catch (e: any) {
      if (e && e.code !== "EEXIST") throw e;
    }
  }
`;

const FIELD = dedent`
  import { unlink } from "node:fs/promises";
  export async function remove(file: string): Promise<void> {
    try {
      await unlink(file);
    } catch (e: any) {
      if (e.code && e.code !== "ENOENT") throw e;
    }
  }
`;

const valid: ValidCase[] = [
  { name: "partialErrorCheck: `err && err.message !== …` rethrows every other error (NodeBB's redis rename)", filename: "src/database/redis/main.js", code: REDIS },
  { name: "partialErrorCheck: another style, `e && e.code !== 'EEXIST'` on one line in TypeScript", filename: "src/lib/dirs.ts", code: MKDIR },
];

const invalid: InvalidCase[] = [
  {
    name: "partialErrorCheck: a presence test of a field drops every error with no code",
    filename: "src/lib/files.ts",
    code: FIELD,
    findings: [
      {
        case: "partialErrorCheck",
        line: 5,
        column: 5,
        endColumn: 19,
        suggestions: [
          { title: "Rethrow the errors the check does not expect", output: FIELD.replace('throw e;\n  }', 'throw e;\n    throw e;\n  }') },
          { title: "Mark as intentionally ignored…", output: FIELD.replace("    if (e.code &&", "    // Intentionally ignored: <reason>\n    if (e.code &&") },
        ],
      },
    ],
    output: FIELD.replace('throw e;\n  }', 'throw e;\n    console.error("unlink failed in remove", { file }, e);\n  }'),
  },
];

new RuleTester().run(narrowed, { valid, invalid });
