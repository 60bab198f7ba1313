/**
 * A host that can list folders lets the profile probe only names that exist; the answers must be
 * the same as a host that cannot (which reads every candidate).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FsProjectHost } from "../../../src/engine/project-host";
import type { ProjectHost } from "../../../src/engine/types";
import { computeProfile } from "../../../src/profile/detect";

/** The same disk, without listings. */
class NoListing implements ProjectHost {
  private readonly inner = new FsProjectHost();
  readFile(p: string) {
    return this.inner.readFile(p);
  }
  fileExists(p: string) {
    return this.inner.fileExists(p);
  }
}

const PROJECTS: Record<string, Record<string, string>> = {
  "a logger module in src/lib": { "package.json": '{ "dependencies": { "pino": "9" } }', "src/lib/logger.ts": 'import pino from "pino";\nexport const logger = pino();\n', "src/a.ts": "" },
  "a logger/index module": { "package.json": "{}", "src/logger/index.ts": "export const log = { error() {}, info() {} };\n" },
  "no-console in .eslintrc.json and an .env.sample": { "package.json": "{}", ".eslintrc.json": '{ "rules": { "no-console": "error" } }', ".env.sample": "A=\n" },
  "Biome noConsole and a JSONC package.json": { "package.json": '{ /* c */ "name": "x", }', "biome.json": '{ "linter": { "rules": { "suspicious": { "noConsole": "error" } } } }' },
  "nothing but a manifest": { "package.json": '{ "type": "module" }' },
};

describe("profile: folder listings give the same answers as probing every name", () => {
  for (const [name, files] of Object.entries(PROJECTS)) {
    it(name, () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "hh-listing-"));
      try {
        for (const [rel, text] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
          fs.writeFileSync(path.join(root, rel), text);
        }
        const plain = (p: ReturnType<typeof computeProfile>) => JSON.stringify({ ...p, dependencies: [...p.dependencies] });
        const listed = computeProfile(new FsProjectHost(), root, true);
        assert.equal(plain(listed), plain(computeProfile(new NoListing(), root, true)));
        if (name.startsWith("a logger")) assert.ok(listed.logger, "the logger module is found through the listings");
        if (name.startsWith("no-console")) assert.deepEqual([listed.noConsole, path.basename(listed.envExample.path)], [true, ".env.sample"]);
        if (name.startsWith("Biome")) assert.equal(listed.noConsole, true);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
