/**
 * `npm run bench:worst`: the time per MB on the worst input of each class that was once
 * super-linear (test/helpers/superlinear.ts). Each input is grown to about 1 MB, timed three
 * times, and the best time is reported per MB with the input's real size. A measurement, not a
 * test: the scaling test (test/unit/robustness/scaling.test.ts) asserts the shape, this prints
 * the figures for the notes.
 */
import { SUPERLINEAR_CASES } from "../test/helpers/superlinear";

const TARGET_BYTES = 1024 * 1024;

function best(work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    work();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const rows: string[][] = [["class", "input", "best of 3", "per MB"]];
for (const c of SUPERLINEAR_CASES) {
  const probe = c.make(c.n);
  const n = Math.max(1, Math.round((c.n * TARGET_BYTES) / probe.bytes));
  const input = c.make(n);
  input.work(); // warm-up: JIT and caches
  const ms = best(input.work);
  const mb = input.bytes / TARGET_BYTES;
  rows.push([c.name, `${mb.toFixed(2)} MB`, `${ms.toFixed(0)} ms`, `${(ms / mb).toFixed(0)} ms/MB`]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
