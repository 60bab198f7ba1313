import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unifiedDiff } from "../../../src/cli/diff";

/** Runs git in `cwd`; throws with its stderr when it fails. */
function git(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

describe("cli: unified diff", () => {
  it("is empty for equal texts", () => assert.equal(unifiedDiff("a\n", "a\n", "a", "b"), ""));

  it("shows removals before additions with three lines of context", () => {
    const a = "1\n2\n3\n4\nold\n6\n7\n8\n9\n";
    const b = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n";
    assert.equal(unifiedDiff(a, b, "a/x.ts", "b/x.ts"), "--- a/x.ts\n+++ b/x.ts\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-old\n+new\n 6\n 7\n 8\n");
  });

  it("keeps CRLF line ends, with no made-up empty line at the end", () => {
    assert.equal(unifiedDiff("a\r\nb\r\n", "x\r\na\r\nb\r\n", "a", "b"), "--- a\n+++ b\n@@ -1,2 +1,3 @@\n+x\r\n a\r\n b\r\n");
  });

  it("marks a last line without a newline", () => {
    assert.equal(unifiedDiff("a\nb", "a\nc", "a/f", "b/f"), "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  });

  it("creates a file from /dev/null", () => {
    assert.equal(unifiedDiff("", "K=\n", "/dev/null", "b/.env.example"), "--- /dev/null\n+++ b/.env.example\n@@ -0,0 +1 @@\n+K=\n");
  });

  it("gives changes far apart hunks of their own", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}\n`).join("");
    const changed = lines.replace("l2\n", "L2\n").replace("l18\n", "L18\n");
    assert.equal(unifiedDiff(lines, changed, "a/m", "b/m"), "--- a/m\n+++ b/m\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n");
  });

  it("git apply --check accepts every diff, and git apply turns the old text into the new", function () {
    this.timeout(20_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-diff-"));
    try {
      assert.equal(git(dir, "init", "-q").status, 0);
      const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join("");
      const pairs: [string, string, string][] = [
        ["crlf.ts", "a\r\nb\r\nc\r\n", "a\r\nlog\r\nb\r\nc\r\n"],
        ["no-eol.ts", "a\nb", "a\nb\nc"],
        ["no-eol-both.ts", "x\ny\nz", "x\nY\nz"],
        ["far.ts", lines, lines.replace("line 2\n", "line 2\n// added\n").replace("line 28\n", "")],
        ["bom.ts", "\ufeffconst a = 1;\n", "\ufeff// c\nconst a = 1;\n"],
        ["start.ts", "first\nsecond\n", "second\n"],
        ["whole.ts", "only\n", "other\n"],
      ];
      for (const [name, before, after] of pairs) {
        fs.writeFileSync(path.join(dir, name), before);
        const patch = path.join(dir, `${name}.patch`);
        fs.writeFileSync(patch, unifiedDiff(before, after, `a/${name}`, `b/${name}`));
        const check = git(dir, "apply", "--check", patch);
        assert.equal(check.status, 0, `${name}: ${check.stderr}`);
        assert.equal(git(dir, "apply", patch).status, 0);
        assert.equal(fs.readFileSync(path.join(dir, name), "utf8"), after, name);
      }
      const created = path.join(dir, "new.patch");
      fs.writeFileSync(created, unifiedDiff("", "KEY=\n", "/dev/null", "b/.env.example"));
      assert.equal(git(dir, "apply", created).status, 0);
      assert.equal(fs.readFileSync(path.join(dir, ".env.example"), "utf8"), "KEY=\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
