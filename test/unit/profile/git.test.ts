import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { isTracked } from "../../../src/profile/git";
import { gitIndex } from "../../helpers/git-index";

/** A host holding a repository at /repo whose index lists `paths` (decoded as FsProjectHost decodes it). */
function repo(index: Buffer | undefined, extra: [string, string][] = []): MemoryProjectHost {
  const files = new Map<string, string>([["/repo/.git/HEAD", "ref: refs/heads/main\n"], ...extra]);
  if (index) files.set("/repo/.git/index", index.toString("utf8"));
  return new MemoryProjectHost(files);
}

describe("profile: git tracking from the index", () => {
  const long = `src/${"deeply-nested-folder/".repeat(7)}config.ts`; // 157 bytes: a length byte of 128+
  const host = repo(gitIndex(["package.json", "src/config.ts", "src/é-secret.ts", long, "lib/src/a.ts"]));

  it("answers true for an entry of the index, at any depth and name length", () => {
    assert.equal(isTracked(host, "/repo/src/config.ts"), true);
    assert.equal(isTracked(host, "/repo/package.json"), true);
    assert.equal(isTracked(host, "/repo/src/é-secret.ts"), true);
    assert.equal(isTracked(host, `/repo/${long}`), true);
  });

  it("answers false for a file the index does not list, even when a tracked path ends with its path", () => {
    assert.equal(isTracked(host, "/repo/src/new.ts"), false);
    assert.equal(isTracked(host, "/repo/src/a.ts"), false); // only lib/src/a.ts is tracked
    assert.equal(isTracked(host, "/repo/config.ts"), false);
  });

  it("reads index v3 entries with extended flags", () => {
    const v3 = repo(gitIndex(["src/a.ts", "src/b.ts"], 3, ["src/b.ts"]));
    assert.equal(isTracked(v3, "/repo/src/a.ts"), true);
    assert.equal(isTracked(v3, "/repo/src/b.ts"), true);
    assert.equal(isTracked(v3, "/repo/src/c.ts"), false);
  });

  it("follows a .git file to its git dir (worktrees, submodules)", () => {
    const files = new Map<string, string>([
      ["/repo/app/.git", "gitdir: ../.git/worktrees/app\n"],
      ["/repo/.git/worktrees/app/HEAD", "ref: refs/heads/feature\n"],
      ["/repo/.git/worktrees/app/index", gitIndex(["src/x.ts"]).toString("utf8")],
    ]);
    assert.equal(isTracked(new MemoryProjectHost(files), "/repo/app/src/x.ts"), true);
    assert.equal(isTracked(new MemoryProjectHost(files), "/repo/app/src/y.ts"), false);
  });

  it("answers false outside a work tree, and undefined when the index cannot be read", () => {
    assert.equal(isTracked(new MemoryProjectHost(new Map([["/p/package.json", "{}"]])), "/p/src/a.ts"), false);
    assert.equal(isTracked(repo(undefined), "/repo/src/a.ts"), undefined);
    assert.equal(isTracked(repo(gitIndex(["src/a.ts"], 4)), "/repo/src/a.ts"), undefined);
  });
});
