import { blockRepeats } from "../../../src/rules/swallowed-exception/configured-job";
import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlySuggestions, narrowedTo } from "../../helpers/swallowed-suggestions";
import { strict as assert } from "node:assert";

// Classes from session 37, developer prodwiki37 (production requarks/wiki, triaged blind at
// 77b0efd2). Hand-written analogues, no fetched code. This table declares only the cases its
// invalid rows name.
const narrowed = narrowedTo(["logAndContinue"]);

const both = logOnlySuggestions;

// 1. A job module the scheduler loads by name from the project's configuration (Wiki.js's
// `server/jobs/*.js`, listed under `jobs:` in `server/app/data.yml`); `tail` ends its function.
const purge = (tail = ""): string => dedent`
  const fs = require("fs-extra");
  module.exports = async () => {
    WIKI.logger.info("Purging orphaned upload files...");
    try {
      const ls = await fs.readdir(uploadsPath);
      await Promise.all(ls.map((f) => fs.unlink(path.join(uploadsPath, f))));
    } catch (err) {
      WIKI.logger.error(err.message);
    }${tail}
  };
`;
const dataYml = (purgeBlock: string): Record<string, string> => ({
  "server/app/data.yml": `defaults:\n  port: 3000\njobs:\n  purgeUploads:\n${purgeBlock}\n  rebuildTree:\n    onInit: true\n    repeat: false\n`,
  "server/core/scheduler.js": "module.exports = { start() { for (const name of Object.keys(WIKI.data.jobs)) require(`../jobs/${_.kebabCase(name)}`)(); } };\n",
});
const purgeLog = "WIKI.logger.error(err.message);";
const purgeFinding = (code: string) => [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: both(code, purgeLog, "err", "    ") }];

// The same class in another style: an ES module's default export in `src/cron/`, listed in a JSON config with a cron expression.
const cleanup = dedent`
  import { db } from "../db";
  import { logger } from "../logger";
  export default async function refreshRates(): Promise<void> {
    try {
      const rates = await fetchRates();
      await db.rate.createMany({ data: rates });
    } catch (e) {
      logger.warn("rate refresh failed", e);
    }
  }
`;
const cronJson = (entry: string): Record<string, string> => ({ "config/jobs.json": `{\n  "jobs": {\n    "refresh-rates": { ${entry} }\n  }\n}\n` });
const cleanupLog = 'logger.warn("rate refresh failed", e);';
const cleanupFinding = [{ case: "logAndContinue", line: 7, column: 5, endColumn: 14, suggestions: [both(cleanup, cleanupLog, "e", "    ")[1]!] }];


describe("swallowed-exception (prodwiki37): a configured job's block repeats", () => {
  it("reads a YAML mapping's indented block and a JSON object's entries", () => {
    assert.equal(blockRepeats("jobs:\n  purgeUploads:\n    schedule: PT15M\n    repeat: true\n  other:\n    repeat: false\n", "purgeUploads", false), true);
    assert.equal(blockRepeats("jobs:\n  purgeUploads:\n    schedule: PT15M\n  other:\n    repeat: true\n", "purgeUploads", false), false);
    assert.equal(blockRepeats("jobs:\n  rebuildTree:\n    cron: '0 * * * *'\n    repeat: false\n", "rebuildTree", false), false);
    assert.equal(blockRepeats('{ "a": { "interval": "15m" }, "b": {} }', "a", true), true);
    assert.equal(blockRepeats('{ "a": { "runAt": "boot" }, "b": { "interval": "15m" } }', "a", true), false);
  });
});

new RuleTester().run(narrowed, {
  valid: [
    { name: "a job module under `jobs/` the config reruns every 15 minutes (`repeat: true`): the next tick purges again", code: purge(), filename: "server/jobs/purge-uploads.js", files: dataYml("    onInit: true\n    schedule: PT15M\n    repeat: true") },
    { name: "an ES module's default export under `cron/` a JSON config gives a cron expression", code: cleanup, filename: "src/cron/refresh-rates.ts", files: cronJson('"cron": "0 * * * *"') },
  ],
  invalid: [
    { name: "the job with no configuration in sight", code: purge(), filename: "server/jobs/purge-uploads.js", findings: purgeFinding(purge()), output: null },
    { name: "a configured job run once (`repeat: false`): no next tick", code: purge(), filename: "server/jobs/purge-uploads.js", files: dataYml("    onInit: true\n    repeat: false"), findings: purgeFinding(purge()), output: null },
    { name: "a job that answers a value: its caller reads it", code: purge("\n    return true;"), filename: "server/jobs/purge-uploads.js", files: dataYml("    schedule: PT15M\n    repeat: true"), findings: purgeFinding(purge("\n    return true;")), output: null },
    { name: "the same module outside a job folder", code: purge(), filename: "server/helpers/purge-uploads.js", files: { ...dataYml("    schedule: PT15M\n    repeat: true"), "server/jobs/x.js": "" }, findings: purgeFinding(purge()), output: null },
    { name: "a module that imports the job and awaits it: a caller to tell", code: cleanup, filename: "src/cron/refresh-rates.ts", files: { ...cronJson('"cron": "0 * * * *"'), "src/routes/admin.ts": 'import refreshRates from "../cron/refresh-rates";\nexport async function purge(req, res) { await refreshRates(); res.json({ ok: true }); }\n' }, findings: cleanupFinding, output: null },
    { name: "a JSON entry that only names when it first runs", code: cleanup, filename: "src/cron/refresh-rates.ts", files: cronJson('"runAt": "boot"'), findings: cleanupFinding, output: null },
  ],
});
