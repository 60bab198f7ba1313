/**
 * The CLI asks V8 to collect the old generation sooner (src/cli/heap.ts), unless the user gave node
 * a growing factor. The peak RSS it saves is measured by the benchmark (`npm run bench`), not here.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { HEAP_GROWING_FLAG, tuneHeap } from "../../../src/cli/heap";

describe("cli: the V8 heap growing factor", () => {
  const rows: { name: string; execArgv: string[]; nodeOptions: string; set: string[] }[] = [
    { name: "nothing given: the flag is set", execArgv: [], nodeOptions: "", set: ["--heap-growing-percent=30"] },
    { name: "other node arguments: the flag is set", execArgv: ["--enable-source-maps", "--max-old-space-size=4096"], nodeOptions: "--no-warnings", set: ["--heap-growing-percent=30"] },
    { name: "the user's factor in node's arguments is kept", execArgv: ["--heap-growing-percent=80"], nodeOptions: "", set: [] },
    { name: "the user's factor in NODE_OPTIONS is kept", execArgv: [], nodeOptions: "--max-old-space-size=2048 --heap_growing_percent=5", set: [] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const set: string[] = [];
      const changed = tuneHeap({ execArgv: row.execArgv, nodeOptions: row.nodeOptions, setFlag: (flag) => set.push(flag) });
      assert.deepEqual(set, row.set);
      assert.equal(changed, row.set.length > 0);
    });
  }

  it("this node's V8 knows the flag (a node that dropped it warns on stderr)", () => {
    const run = spawnSync(process.execPath, [HEAP_GROWING_FLAG, "-e", "process.stdout.write('ok')"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "ok");
    assert.equal(run.stderr, "");
  });
});
