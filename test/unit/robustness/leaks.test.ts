/**
 * Leaks: analyzing many files, or one file edited many times (the keystroke path), must not
 * keep earlier files alive. Large files amplify a leak: a retained 32 KB source with its tree
 * costs about 1.6 MB, so 12 retained files would add about 20 MB, while the heap's noise after
 * a full GC stays under 1 MB. The bound (10 MB) sits between the two.
 */
import * as assert from "node:assert/strict";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { familyRules } from "../../../src/rules";
import { render, type ProgramSpec } from "../../helpers/generate";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
const BOUND_MB = 10;
const RUNS = 12;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * A ~32 KB file: mostly ordinary code, plus a dozen snippets with findings of every family (so
 * fixes and related data are built too, without the per-fix re-parse dominating the time).
 */
function bigFile(seed: number): string {
  const parts: ProgramSpec["parts"] = [];
  for (let i = 0; i < 12; i++) parts.push({ snippet: (seed + i * 7) % 40, seed: seed * 1000 + i, wrap: i % 8, depth: 0 });
  let filler = "";
  for (let i = 0; i < 250; i++) filler += `export function f${seed}_${i}(a: number, b: string) { const x = a + ${i}; if (x > 2) { return b.repeat(x); } return \`\${b}:\${x}\`; }\n`;
  return render({ ext: ".ts", imports: [0, 1, 2], parts, mutations: [], eol: "lf" }) + filler;
}

describe("robustness: no leaks across analyses", function () {
  this.timeout(120_000);
  const config = defaultConfig("/project");
  const run = (path: string, text: string) => analyze({ path, text, config, project: new MemoryProjectHost(), rules: familyRules });

  it(`${RUNS} distinct large files: heap growth under ${BOUND_MB} MB`, () => {
    const texts = Array.from({ length: 4 }, (_, i) => bigFile(i));
    assert.ok(texts[0]!.length > 30_000, `files are large enough to show a leak (${texts[0]!.length} chars)`);
    for (let i = 0; i < 4; i++) run(`/project/src/warm${i}.ts`, texts[i]!); // warm caches that are meant to stay
    const before = heapAfterGc();
    // Distinct paths and distinct texts (a trailing comment), as a workspace audit sees them.
    for (let i = 0; i < RUNS; i++) run(`/project/src/dir${i}/file${i}.ts`, `${texts[i % 4]!}// ${i}\n`);
    const grown = (heapAfterGc() - before) / MB;
    assert.ok(grown < BOUND_MB, `heap grew ${grown.toFixed(1)} MB over ${RUNS} files`);
  });

  it(`one file edited ${RUNS} times (the keystroke path): heap growth under ${BOUND_MB} MB`, () => {
    const base = bigFile(42);
    run("/project/src/edited.ts", base);
    const before = heapAfterGc();
    for (let i = 0; i < RUNS; i++) {
      const at = Math.floor((base.length * i) / RUNS);
      run("/project/src/edited.ts", base.slice(0, at) + " " + base.slice(at));
    }
    const grown = (heapAfterGc() - before) / MB;
    assert.ok(grown < BOUND_MB, `heap grew ${grown.toFixed(1)} MB over ${RUNS} edits`);
  });
});
