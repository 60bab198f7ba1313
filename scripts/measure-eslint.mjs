// Cost per file of the ESLint plugin next to the CLI's engine run, in one thread, on a sample of
// the benchmark corpus (`node bench/install-corpus.mjs` first; `npm run build` for dist/).
// Prints a table for docs/eslint.md (CPU time, so a busy machine skews it less). Measures, never asserts.
//   node scripts/measure-eslint.mjs [--every N] [--runs R]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const EVERY = arg("--every", 20);
const RUNS = arg("--runs", 3);

const all = execFileSync(process.execPath, [path.join(REPO, "bench/files.mjs")], { encoding: "utf8" }).split("\n").filter(Boolean);
const root = path.join(REPO, "bench/corpus/tree");
const api = require(path.join(REPO, "dist/index.js"));
const plugin = require(path.join(REPO, "dist/eslint.js"));
const { Linter } = require("eslint");
const tsParser = require("@typescript-eslint/parser");
const config = api.defaultConfig(root);
// Files the default ignores skip (dist/, build/…) are skipped by the CLI and the plugin alike.
const parseOnly = [{ files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"], languageOptions: { parser: tsParser } }];
const withPlugin = [...parseOnly, plugin.configs.recommended];
// ...and files ESLint cannot parse (it runs no rule there) are left out of every row.
const files = all
  .filter((f, i) => i % EVERY === 0 && !api.isIgnored(f, config))
  .map((f) => ({ file: f, text: readFileSync(f, "utf8") }))
  .filter((f) => !new Linter({ cwd: root }).verify(f.text, parseOnly, { filename: f.file }).some((m) => m.fatal));
const bytes = files.reduce((n, f) => n + f.text.length, 0);

/** CPU ms (user + system) of this process: less at the mercy of other processes than wall time. */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The least over RUNS of one pass over the sample, in CPU ms per file, each pass's runs interleaved with the others'. */
function perFile(passes) {
  for (const pass of passes) pass(); // warm-up: JIT, the project profiles, the parsers
  const best = passes.map(() => Infinity);
  for (let r = 0; r < RUNS; r++) {
    passes.forEach((pass, i) => {
      const t0 = cpuMs();
      pass();
      best[i] = Math.min(best[i], (cpuMs() - t0) / files.length);
    });
  }
  return best;
}

// One host for every pass, as the plugin keeps one per process: the project profiles (once per
// package root, in the CLI too) are computed in the warm-up, so the rows compare per-file work.
const project = new api.FsProjectHost();
const engine = (fixes) => () => {
  for (const f of files) api.analyze({ path: f.file, text: f.text, config, project, fixes });
};
const eslint = (configs) => () => {
  const linter = new Linter({ cwd: root });
  for (const f of files) linter.verify(f.text, configs, { filename: f.file });
};
const names = ["engine, no fixes (CLI text output)", "engine, fixes built (CLI JSON/SARIF; what the plugin runs)", "ESLint 10 + @typescript-eslint/parser, no rules", "ESLint 10 + parser + hardening-hints recommended"];
const rows = perFile([engine(false), engine(true), eslint(parseOnly), eslint(withPlugin)]).map((ms, i) => [names[i], ms]);
console.log(`${files.length} files (every ${EVERY}th of ${all.length} corpus files, not ignored, parsed by ESLint), ${(bytes / 1024).toFixed(0)} KiB; best of ${RUNS} interleaved runs; Node ${process.version}; load ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
console.log("| measure (one thread, in process) | CPU ms per file |\n| --- | ---: |");
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(2)} |`);
console.log(`| the plugin's own cost (row 4 - row 3) | ${(rows[3][1] - rows[2][1]).toFixed(2)} |`);
