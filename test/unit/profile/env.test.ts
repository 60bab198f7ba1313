import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FsProjectHost, MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile, envExampleOf } from "../../../src/profile/detect";

function host(files: string[]): MemoryProjectHost {
  return new MemoryProjectHost(new Map(files.map((f) => [`/p/${f}`, "A=\n"])));
}

describe("profile: the env example file", () => {
  it("is a new .env.example at the root when the project has none", () => {
    assert.deepEqual(envExampleOf(host(["package.json"]), "/p"), { path: "/p/.env.example", exists: false });
  });

  for (const name of [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.local.example", "env.example"]) {
    it(`is the project's existing ${name}`, () => {
      assert.deepEqual(envExampleOf(host(["package.json", name]), "/p"), { path: `/p/${name}`, exists: true });
    });
  }

  it("prefers .env.example when the project has several templates", () => {
    assert.deepEqual(envExampleOf(host([".env.sample", ".env.example"]), "/p"), { path: "/p/.env.example", exists: true });
  });

  it("takes variant templates when none of the usual names exists: the first by name, the others in also", () => {
    assert.deepEqual(envExampleOf(host(["package.json", "env-example-relational", "env-example-document", "environment.ts", ".env"]), "/p"), { path: "/p/env-example-document", exists: true, also: ["/p/env-example-relational"] });
    assert.deepEqual(envExampleOf(host(["package.json", ".env.production.example"]), "/p"), { path: "/p/.env.production.example", exists: true });
    assert.deepEqual(envExampleOf(host(["package.json", ".env.example", "env-example-document"]), "/p"), { path: "/p/.env.example", exists: true });
  });

  it("is never .env.defaults, which dotenv-defaults loads at run time, nor .env itself", () => {
    assert.deepEqual(envExampleOf(host([".env.defaults", ".env"]), "/p"), { path: "/p/.env.example", exists: false });
  });

  it("looks only at the project root, not at a nested package's template", () => {
    assert.deepEqual(envExampleOf(host(["package.json", "packages/api/.env.sample"]), "/p"), { path: "/p/.env.example", exists: false });
  });

  it("does not take a folder named like a template", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-envdir-"));
    try {
      fs.mkdirSync(path.join(dir, ".env.example"));
      fs.writeFileSync(path.join(dir, ".env.sample"), "A=\n");
      assert.deepEqual(envExampleOf(new FsProjectHost(), dir), { path: path.join(dir, ".env.sample"), exists: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is what the computed profile carries", () => {
    assert.deepEqual(computeProfile(host(["package.json", ".env.sample"]), "/p", true).envExample, { path: "/p/.env.sample", exists: true });
  });
});
