/**
 * Linear time on the inputs that were once super-linear (issue: "Linear time on every input").
 * Each case builds an input of size n and 2n and compares the best of three timings: a linear
 * algorithm takes about twice as long on twice the input, a quadratic one four times. The sizes
 * are chosen so that the old quadratic or cubic code took seconds at n, while the linear code
 * takes milliseconds; the ratio bound (3) leaves room for a noisy machine. This is a scaling
 * check, not a speed target: absolute times are never asserted (those belong to `npm run bench`).
 */
import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { fingerprints, maskStrings } from "../../../src/engine/audit";
import { defaultConfig } from "../../../src/engine/config/load";
import { parseGitignore } from "../../../src/engine/files";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { listsName } from "../../../src/rules/hardcoded-secret/env-fix";

function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** t(2n) / t(n), with a floor of 1 ms on t(n) so that timer noise on tiny times cannot fail it. */
function ratio(make: (n: number) => () => void, n: number): { ratio: number; t1: number; t2: number } {
  make(n)(); // warm-up: JIT and caches
  const t1 = best(make(n));
  const t2 = best(make(2 * n));
  return { ratio: t2 / Math.max(t1, 1), t1, t2 };
}

const config = defaultConfig("/p");
const run = (text: string, fixes = false) => () => {
  analyze({ path: "/p/src/a.ts", text, config, project: new MemoryProjectHost(), fixes });
};

const CASES: Array<{ name: string; n: number; make: (n: number) => () => void }> = [
  {
    name: "fingerprints of lines full of `\"\\`",
    n: 20_000,
    make: (n) => {
      const line = `x = ${'"\\'.repeat(n)}`;
      return () => void maskStrings(line);
    },
  },
  {
    name: "a block comment full of directive lines",
    n: 1_500,
    make: (n) => run(`/*\n${"  hardening-hints-ignore-next-line swallowed-exception -- r\n".repeat(n)}*/\nexport {};\n`),
  },
  {
    name: "thousands of ignore-line directives",
    n: 1_000,
    make: (n) => run(Array.from({ length: n }, (_, i) => `try { f${i}(); } catch (e) {} // hardening-hints-ignore-line swallowed-exception -- ok`).join("\n")),
  },
  {
    name: "JSON output: thousands of findings with fixes in one file",
    n: 150,
    make: (n) => run(Array.from({ length: n }, (_, i) => `export function f${i}() {\n  try {\n    g();\n  } catch (e) {}\n}`).join("\n"), true),
  },
  {
    name: "the env example lookup on a file of blank lines",
    n: 200_000,
    make: (n) => {
      const text = `${"\n".repeat(n)}OTHER=1\n`;
      return () => void listsName(text, "STRIPE_SECRET_KEY");
    },
  },
  {
    name: "a .gitignore of brace patterns",
    n: 4_000,
    make: (n) => {
      const text = Array.from({ length: n }, (_, i) => `{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}/x${i}`).join("\n");
      return () => void parseGitignore(text, "/r");
    },
  },
];

describe("robustness: linear time", function () {
  this.timeout(300_000);
  for (const c of CASES) {
    it(`${c.name}: twice the input takes about twice the time`, () => {
      const r = ratio(c.make, c.n);
      assert.ok(r.ratio < 3, `t(${c.n}) = ${r.t1.toFixed(1)} ms, t(${2 * c.n}) = ${r.t2.toFixed(1)} ms: ratio ${r.ratio.toFixed(2)} (quadratic is 4)`);
    });
  }

  it("fingerprints tell two different secrets of the same length apart", () => {
    const a = 'const k = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc" + '";\n';
    const b = 'const k = "sk_live_' + "9fQ2mZx7LpR4vKw8TnB3yHs6" + '";\n';
    const f = (text: string) => fingerprints(analyze({ path: "/p/src/a.ts", text, config, project: new MemoryProjectHost(), fixes: false }), text, "/p");
    const [fa, fb] = [f(a), f(b)];
    assert.equal(fa.length, 1);
    assert.notDeepEqual(fa, fb);
  });
});
