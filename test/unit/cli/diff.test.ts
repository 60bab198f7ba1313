import * as assert from "node:assert/strict";
import { unifiedDiff } from "../../../src/cli/diff";

describe("cli: unified diff", () => {
  it("is empty for equal texts", () => assert.equal(unifiedDiff("a\n", "a\n", "a", "b"), ""));

  it("shows removals before additions with three lines of context", () => {
    const a = "1\n2\n3\n4\nold\n6\n7\n8\n9\n";
    const b = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n";
    assert.equal(unifiedDiff(a, b, "a/x.ts", "b/x.ts"), "--- a/x.ts\n+++ b/x.ts\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-old\n+new\n 6\n 7\n 8\n");
  });

  it("handles insertions at the start and CRLF lines", () => {
    assert.equal(unifiedDiff("a\r\nb\r\n", "x\r\na\r\nb\r\n", "a", "b"), "--- a\n+++ b\n@@ -1,3 +1,4 @@\n+x\n a\n b\n \n");
  });
});
