import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile } from "../../../src/profile/detect";
import { ProjectFiles } from "../../../src/rules/unvalidated-boundary/elsewhere";

// The project's import aliases (src/profile/aliases.ts): the nearest tsconfig/jsconfig `paths` and
// `baseUrl`, its relative `extends` followed, package.json `imports`; read once per profile and
// used by every cross-module read through ProjectFiles.resolve.

function project(files: Record<string, string>, root = "/p") {
  const host = new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`${root}/${k}`, v])));
  const profile = computeProfile(host, root, true);
  return { host, profile, files: (self = `${root}/src/a.ts`) => new ProjectFiles(host, self, profile) };
}

describe("profile: import aliases (tsconfig paths, package imports)", () => {
  it("follows a relative extends two levels, with comments and trailing commas, paths relative to the declaring config's baseUrl", () => {
    const { files, profile } = project({
      "package.json": '{ "name": "api" }',
      "tsconfig.json": '{\n  // the app\n  "extends": "./tsconfig.app",\n  "compilerOptions": { "strict": true, },\n}',
      "tsconfig.app.json": '{ "extends": "../../tsconfig.base.json", /* aliases */ "compilerOptions": { "baseUrl": "./", "paths": { "@server/*": ["./server/*",], }, }, }',
      "server/lib/body.ts": "export function readBody() {}",
      "src/a.ts": "",
    }, "/repo/packages/p");
    assert.equal(files("/repo/packages/p/src/a.ts").resolve("/repo/packages/p/src/a.ts", "@server/lib/body"), "/repo/packages/p/server/lib/body.ts");
    // The missing base is said, not thrown.
    assert.deepEqual(profile.importAliases!().problems, ["/repo/tsconfig.base.json: not found (extended by a tsconfig); its import aliases are not used"]);
  });

  it("takes paths from a base config, relative to the base's folder when it sets no baseUrl", () => {
    const { files } = project({
      "package.json": "{}",
      "config/tsconfig.base.json": '{ "compilerOptions": { "paths": { "~~/*": ["../*"], "@app": ["../app/main.ts"] } } }',
      "tsconfig.json": '{ "extends": "./config/tsconfig.base.json" }',
      "shared/util.ts": "",
      "app/main.ts": "",
    });
    assert.equal(files().resolve("/p/src/a.ts", "~~/shared/util"), "/p/shared/util.ts");
    // An exact key, no `*`.
    assert.equal(files().resolve("/p/src/a.ts", "@app"), "/p/app/main.ts");
  });

  it("tries a key's targets in order, the longest matching prefix winning, and the `*` substituted", () => {
    const { files } = project({
      "package.json": "{}",
      "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./generated/*", "./app/*"], "@/lib/*": ["./packages/lib/src/*"] } } }',
      "app/services/user.service.ts": "",
      "generated/services/user.service.ts": "",
      "app/models/user.ts": "",
      "packages/lib/src/date.ts": "",
      "src/lib/date.ts": "",
    });
    const f = files();
    // First target that exists.
    assert.equal(f.resolve("/p/src/a.ts", "@/services/user.service"), "/p/generated/services/user.service.ts");
    assert.equal(f.resolve("/p/src/a.ts", "@/models/user"), "/p/app/models/user.ts");
    // `@/lib/*` is longer than `@/*`, whatever the key order.
    assert.equal(f.resolve("/p/src/a.ts", "@/lib/date"), "/p/packages/lib/src/date.ts");
    // A declared `@/*` that reaches no file is not guessed at the root or `src/`.
    assert.equal(f.resolve("/p/src/a.ts", "@/lib/nothing"), undefined);
  });

  it("reads a baseUrl-relative specifier only when the file exists, and leaves packages alone", () => {
    const { files } = project({
      "package.json": '{ "dependencies": { "express": "4" } }',
      "jsconfig.json": '{ "compilerOptions": { "baseUrl": "src" } }',
      "src/services/mail.js": "",
    });
    assert.equal(files().resolve("/p/src/a.ts", "services/mail"), "/p/src/services/mail.js");
    assert.equal(files().resolve("/p/src/a.ts", "services/none"), undefined);
    assert.equal(files().resolve("/p/src/a.ts", "express"), undefined);
  });

  it("uses the nearest config of the importing file (a nested package's own tsconfig)", () => {
    const { files } = project({
      "package.json": "{}",
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./web/*"] } } }',
      "server/tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      "server/src/db.ts": "",
      "web/db.ts": "",
    });
    assert.equal(files("/p/server/src/a.ts").resolve("/p/server/src/a.ts", "@/db"), "/p/server/src/db.ts");
    assert.equal(files("/p/web/a.ts").resolve("/p/web/a.ts", "@/db"), "/p/web/db.ts");
  });

  it("reads a solution-style tsconfig's references for paths (Vite's template)", () => {
    const { files } = project({
      "package.json": "{}",
      "tsconfig.json": '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
      "tsconfig.node.json": '{ "compilerOptions": { "composite": true } }',
      "tsconfig.app.json": '{ "compilerOptions": { "paths": { "@components/*": ["./src/ui/*"] } } }',
      "src/ui/button.tsx": "",
    });
    assert.equal(files().resolve("/p/src/a.ts", "@components/button"), "/p/src/ui/button.tsx");
  });

  it("resolves package.json imports: patterns, condition objects, the nearest manifest", () => {
    const { files } = project({
      "package.json": '{ "type": "module", "imports": { "#lib/*": "./src/lib/*.js", "#db": { "types": "./src/db/index.ts", "default": "./dist/db/index.js" }, "#missing/*": "./nowhere/*.js" } }',
      "src/lib/mailer.ts": "",
      "src/db/index.ts": "",
    });
    const f = files();
    assert.equal(f.resolve("/p/src/a.ts", "#lib/mailer"), "/p/src/lib/mailer.ts");
    assert.equal(f.resolve("/p/src/a.ts", "#db"), "/p/src/db/index.ts");
    assert.equal(f.resolve("/p/src/a.ts", "#missing/x"), undefined);
    assert.equal(f.resolve("/p/src/a.ts", "#other"), undefined);
  });

  it("leaves a malformed config out with a clear problem, keeping the undeclared @/ guess", () => {
    const { files, profile } = project({
      "package.json": "{}",
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./app/*"] } ',
      "src/lib/x.ts": "",
    });
    assert.equal(files().resolve("/p/src/a.ts", "@/lib/x"), "/p/src/lib/x.ts");
    const problems = profile.importAliases!().problems;
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^\/p\/tsconfig\.json: .*; its import aliases are not used$/);
  });

  it("keeps the undeclared aliases when no config declares paths: @/ and ~/ at the root or src/, ~~/ at the root, $lib/", () => {
    const { files } = project({ "package.json": "{}", "src/lib/x.ts": "", "utils/y.ts": "" });
    const f = files();
    assert.equal(f.resolve("/p/src/a.ts", "~/lib/x"), "/p/src/lib/x.ts");
    assert.equal(f.resolve("/p/src/a.ts", "~~/utils/y"), "/p/utils/y.ts");
    assert.equal(f.resolve("/p/src/a.ts", "$lib/x"), "/p/src/lib/x.ts");
    assert.equal(f.resolve("/p/src/a.ts", "lodash"), undefined);
  });

  it("reads each config once per profile", () => {
    const { host, profile } = project({
      "package.json": "{}",
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@x/*": ["./x/*"] } } }',
      "x/a.ts": "",
      "x/b.ts": "",
    });
    let reads = 0;
    const read = host.readFile.bind(host);
    host.readFile = (f: string) => {
      if (f.endsWith("tsconfig.json")) reads++;
      return read(f);
    };
    const f = new ProjectFiles(host, "/p/src/a.ts", profile);
    assert.equal(f.resolve("/p/src/a.ts", "@x/a"), "/p/x/a.ts");
    assert.equal(new ProjectFiles(host, "/p/src/b.ts", profile).resolve("/p/src/b.ts", "@x/b"), "/p/x/b.ts");
    assert.equal(reads, 1);
  });
});
