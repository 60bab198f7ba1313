import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer fc35: production mendableai/firecrawl (apps/api/src/__tests__/snips/v1/zdr.test.ts:17, :30).
// `stat` of a path whose result the try does not keep (`await stat("api.log")`) asks only whether the path is there,
// like the `access`/`exists` probes the docs exempt (held round 28): a catch that, besides log lines, skips the item or
// answers nothing is clean; a try that keeps the stats or does the work stays reported. Hand-written rows.
const named = new Set(["logAndContinue", "emptyCatch"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// An ESM script reading an optional log file (the firecrawl shape).
const LOGS = (probe: string): string => dedent`
  import { readFile, stat } from "node:fs/promises";

  export async function serverLogs(file: string): Promise<string[]> {
    try {
      ${probe}
    } catch (e) {
      console.warn(\`No \${file} file found\`);
      return [];
    }
    const text = await readFile(file, "utf8");
    return text.split("\\n").filter((line) => line.trim().length > 0);
  }
`;
// A CommonJS loop over plugin folders, skipping those without a manifest.
const PLUGINS = (probe: string): string => dedent`
  const fs = require("fs");
  const path = require("path");

  function loadPlugins(root) {
    const loaded = [];
    for (const name of fs.readdirSync(root)) {
      const manifest = path.join(root, name, "plugin.json");
      try {
        ${probe}
      } catch {
        continue;
      }
      loaded.push(require(manifest));
    }
    return loaded;
  }
  module.exports = { loadPlugins };
`;

const valid: ValidCase[] = [
  { name: "an awaited stat of an optional log file, warned and answered []", code: LOGS('await stat(file);'), filename: "scripts/logs.ts" },
  { name: "fs.statSync of a plugin's manifest, the plugin skipped when it is not there", code: PLUGINS("fs.statSync(manifest);"), filename: "src/plugins.js" },
  { name: "lstat of the same", code: PLUGINS("fs.lstatSync(manifest);"), filename: "src/plugins.js" },
];

const KEPT = LOGS("const info = await stat(file); if (info.size > 10_000_000) throw new Error(\"log too large\");");
const WORK = PLUGINS("fs.statSync(manifest); loaded.push(require(manifest));");

const invalid: InvalidCase[] = [
  {
    name: "a try that keeps the stats and tests them stays reported",
    code: KEPT,
    filename: "scripts/logs.ts",
    findings: [{ case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 14, suggestions: [{ title: "Mark as intentionally ignored…", output: KEPT.replace("  } catch (e) {\n", "  } catch (e) {\n    // Intentionally ignored: <reason>\n") }] }],
    output: KEPT.replace("file found`);", "file found`, e);"),
  },
  {
    name: "a try that probes and then does the work stays reported",
    code: WORK,
    filename: "src/plugins.js",
    findings: [{ case: "emptyCatch", line: 10, column: 13, endLine: 12, endColumn: 6, suggestions: [{ title: "Mark as intentionally ignored…", output: WORK.replace("    } catch {\n      continue;", "    } catch {\n      // Intentionally ignored: <reason>\n      continue;") }] }],
    output: WORK.replace("    } catch {\n", "    } catch (err) {\n      console.error(\"loadPlugins failed\", err);\n"),
  },
];

new RuleTester().run(narrowed, { valid, invalid });
