import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile } from "../../../src/profile/detect";
import { ProjectFiles } from "../../../src/rules/unvalidated-boundary/elsewhere";

// A monorepo's own workspace packages (src/profile/workspace.ts): `import { db } from "@homarr/db"`
// names a folder of the same repository, resolved as Node and TypeScript resolve it for source, and
// answered by ProjectFiles.resolve after the import aliases.

function project(files: Record<string, string>, root = "/r/apps/web") {
  const host = new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`/r/${k}`, v])));
  const profile = computeProfile(host, root, true);
  return { host, profile, files: (self = `${root}/src/a.ts`) => new ProjectFiles(host, self, profile) };
}

describe("profile: workspace packages (pnpm and npm workspaces)", () => {
  it("resolves a pnpm workspace's packages by name: exports with conditions, a subpath pattern, a dist-only target's source", () => {
    const { files, profile } = project({
      "package.json": '{ "name": "root", "private": true }',
      "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n  - tooling/**\n",
      "apps/web/package.json": '{ "name": "@acme/web", "dependencies": { "@acme/db": "workspace:*" } }',
      "apps/web/src/a.ts": "",
      // `exports` with conditions: the types condition's `.d.ts` names the built file, whose source is under src/.
      "packages/db/package.json": '{ "name": "@acme/db", "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" }, "./schema": "./src/schema/index.ts", "./lib/*": "./src/lib/*.ts" } }',
      "packages/db/src/index.ts": "export const db = {};",
      "packages/db/src/schema/index.ts": "",
      "packages/db/src/lib/pool.ts": "",
      "packages/db/src/secret.ts": "",
      // No exports: `main` names a built file that is absent, so src/ is tried.
      "packages/log/package.json": '{ "name": "@acme/log", "main": "./dist/index.js" }',
      "packages/log/src/index.ts": "",
      // No entry fields at all: src/index.ts.
      "tooling/cfg/eslint/package.json": '{ "name": "@acme/eslint-config" }',
      "tooling/cfg/eslint/index.js": "",
    });
    const f = files();
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/db"), "/r/packages/db/src/index.ts");
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/db/schema"), "/r/packages/db/src/schema/index.ts");
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/db/lib/pool"), "/r/packages/db/src/lib/pool.ts");
    // A subpath the exports map does not list is not reachable, as in Node.
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/db/secret"), undefined);
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/log"), "/r/packages/log/src/index.ts");
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "@acme/eslint-config"), "/r/tooling/cfg/eslint/index.js");
    // A package of the registry is none of the workspace's.
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "express"), undefined);
    assert.deepEqual([...profile.workspacePackages!().names].sort(), ["@acme/db", "@acme/eslint-config", "@acme/log", "@acme/web", "root"]);
    assert.deepEqual(profile.workspacePackages!().problems, []);
  });

  it("reads an npm workspaces list, an unscoped name with a subpath, a built target kept when it exists, and says a malformed manifest", () => {
    const { files, profile } = project({
      "package.json": '{ "name": "mono", "workspaces": ["server", "shared/*"] }',
      "server/package.json": '{ "name": "server", "types": "src/main.ts" }',
      "server/src/main.ts": "",
      "apps/web/src/a.ts": "",
      "shared/utils/package.json": '{ "name": "utils", "module": "./esm/index.mjs" }',
      "shared/utils/esm/index.mjs": "",
      "shared/utils/errors.ts": "",
      "shared/broken/package.json": '{ "name": "broken", ',
      "shared/broken/index.ts": "",
    });
    const f = files();
    // A `types` field without `./` is relative to the package all the same.
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "server"), "/r/server/src/main.ts");
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "utils"), "/r/shared/utils/esm/index.mjs");
    // No exports map: a subpath is a file of the package.
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "utils/errors"), "/r/shared/utils/errors.ts");
    assert.equal(f.resolve("/r/apps/web/src/a.ts", "broken"), undefined);
    assert.equal(profile.workspacePackages!().problems.length, 1);
    assert.match(profile.workspacePackages!().problems[0]!, /^\/r\/shared\/broken\/package\.json: .*; its package is not resolved$/);
  });

  it("lets a declared alias win over a workspace package of the same name, and reads each manifest once per profile", () => {
    const files = {
      "package.json": '{ "workspaces": ["packages/*", "apps/*"] }',
      "apps/web/package.json": '{ "name": "web" }',
      "apps/web/tsconfig.json": '{ "compilerOptions": { "paths": { "@acme/ui": ["./src/ui-shim.ts"] } } }',
      "apps/web/src/ui-shim.ts": "",
      "apps/web/src/a.ts": "",
      "packages/ui/package.json": '{ "name": "@acme/ui", "exports": "./src/index.tsx" }',
      "packages/ui/src/index.tsx": "",
      "packages/api/package.json": '{ "name": "@acme/api", "exports": { "import": "./src/index.ts" } }',
      "packages/api/src/index.ts": "",
    };
    const host = new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`/r/${k}`, v])));
    let reads = 0;
    const read = host.readFile.bind(host);
    host.readFile = (file: string) => {
      if (file === "/r/packages/api/package.json") reads++;
      return read(file);
    };
    // Read with the profile (a file's first bare specifier does not make every manifest its input).
    const profile = computeProfile(host, "/r/apps/web", true);
    assert.equal(reads, 1);
    assert.equal(new ProjectFiles(host, "/r/apps/web/src/a.ts", profile).resolve("/r/apps/web/src/a.ts", "@acme/ui"), "/r/apps/web/src/ui-shim.ts");
    assert.equal(new ProjectFiles(host, "/r/apps/web/src/a.ts", profile).resolve("/r/apps/web/src/a.ts", "@acme/api"), "/r/packages/api/src/index.ts");
    assert.equal(new ProjectFiles(host, "/r/apps/web/src/b.ts", profile).resolve("/r/apps/web/src/b.ts", "@acme/api"), "/r/packages/api/src/index.ts");
    assert.equal(reads, 1);
  });

  it("answers nothing outside a workspace", () => {
    const { files, profile } = project({ "apps/web/package.json": '{ "name": "web", "dependencies": { "lib": "1.0.0" } }', "apps/web/src/a.ts": "" });
    assert.equal(files().resolve("/r/apps/web/src/a.ts", "web"), undefined);
    assert.deepEqual(profile.workspacePackages!().names, []);
  });
});
