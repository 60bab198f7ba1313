#!/usr/bin/env node
// Runs the built CLI over a folder of real code nobody here wrote and reports what broke:
// files analysed, problems by kind, and every rule crash or rejected fix (a rule that offered
// a broken fix). Exit 0 when there are none, 1 when there are, 2 when it cannot run.
//
//   node scripts/corpus-crashes.mjs                 the bench corpus (bench/corpus/tree, else bench/corpus)
//   node scripts/corpus-crashes.mjs some/folder     any folder
//   --cli FILE     the CLI bundle to run (default dist/cli.js; copy it first if others rebuild)
//   --jobs N       passed to the CLI
//   --json FILE    also write the figures as JSON
//
// The CLI runs with `--no-ignore --format json`, so node_modules, dist and *.min.js inside the
// folder are analysed too: the point is to feed the rules code we did not choose.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function usage(message) {
  process.stderr.write(`corpus-crashes: ${message}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const opts = { cli: path.join(REPO, "dist/cli.js"), jobs: undefined, json: undefined, folder: undefined };
while (argv.length > 0) {
  const a = argv.shift();
  if (a === "--cli") opts.cli = path.resolve(argv.shift() ?? usage("--cli needs a file"));
  else if (a === "--jobs") opts.jobs = argv.shift() ?? usage("--jobs needs a number");
  else if (a === "--json") opts.json = path.resolve(argv.shift() ?? usage("--json needs a file"));
  else if (a.startsWith("-")) usage(`unknown option ${a}`);
  else opts.folder = path.resolve(a);
}

if (opts.folder === undefined) {
  // The curated tree is what the benchmark measures; the raw install also holds node_modules
  // copies of the same files.
  const tree = path.join(REPO, "bench/corpus/tree");
  const raw = path.join(REPO, "bench/corpus");
  opts.folder = fs.existsSync(tree) ? tree : raw;
  if (!fs.existsSync(opts.folder)) {
    usage("bench/corpus is missing. Install it with `node bench/install-corpus.mjs` (npm registry access needed), or pass a folder: node scripts/corpus-crashes.mjs <folder>");
  }
}
if (!fs.existsSync(opts.folder)) usage(`${opts.folder}: no such folder`);
if (!fs.existsSync(opts.cli)) usage(`${opts.cli} is missing: run \`node scripts/build.mjs\` first`);

const args = [opts.cli, "audit", opts.folder, "--no-ignore", "--format", "json"];
if (opts.jobs) args.push("--jobs", opts.jobs);

const t0 = performance.now();
const child = spawn(process.execPath, ["--max-old-space-size=8192", ...args], { cwd: opts.folder, stdio: ["ignore", "pipe", "pipe"] });
const out = [];
let stderrTail = "";
child.stdout.on("data", (b) => out.push(b));
child.stderr.on("data", (b) => {
  stderrTail = (stderrTail + b.toString("utf8")).slice(-20000);
});
const code = await new Promise((resolve) => child.on("close", (c, signal) => resolve(c ?? signal)));
const seconds = (performance.now() - t0) / 1000;

let report;
try {
  report = JSON.parse(Buffer.concat(out).toString("utf8"));
} catch (err) {
  process.stderr.write(`corpus-crashes: the CLI exited ${code} without a JSON report (${err instanceof Error ? err.message : String(err)})\n${stderrTail}\n`);
  process.exit(2);
}

const byKind = {};
for (const p of report.problems) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
const broken = report.problems.filter((p) => p.kind === "ruleCrash" || p.kind === "fixRejected");
const byRule = {};
for (const p of broken) {
  const key = `${p.kind} ${p.ruleId ?? "?"}`;
  byRule[key] = (byRule[key] ?? 0) + 1;
}
const findingsByRule = {};
for (const f of report.findings) findingsByRule[f.ruleId] = (findingsByRule[f.ruleId] ?? 0) + 1;

const figures = {
  folder: path.relative(REPO, opts.folder) || ".",
  cliExit: code,
  seconds: Math.round(seconds * 10) / 10,
  files: report.summary.files,
  analysed: report.summary.analyzed,
  findings: report.findings.length,
  findingsByRule,
  problemsByKind: byKind,
  ruleCrashes: byKind.ruleCrash ?? 0,
  fixRejected: byKind.fixRejected ?? 0,
  brokenByRule: byRule,
};

const lines = [
  `corpus-crashes: ${figures.folder}`,
  `  CLI exit ${code} in ${figures.seconds} s`,
  `  files ${figures.files}, analysed ${figures.analysed}, findings ${figures.findings}`,
  `  findings by rule: ${JSON.stringify(findingsByRule)}`,
  `  problems by kind: ${Object.keys(byKind).length === 0 ? "none" : Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(", ")}`,
  `  rule crashes ${figures.ruleCrashes}, rejected fixes ${figures.fixRejected}`,
];
for (const [key, n] of Object.entries(byRule)) lines.push(`    ${key}: ${n}`);
// The first few of each, with the file, so a crash can be reproduced straight away.
const shown = new Map();
for (const p of broken) {
  const key = `${p.kind} ${p.ruleId}`;
  if ((shown.get(key) ?? 0) >= 5) continue;
  shown.set(key, (shown.get(key) ?? 0) + 1);
  lines.push(`    - ${p.message}`);
}
process.stdout.write(lines.join("\n") + "\n");
if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ ...figures, broken: broken.map((p) => ({ kind: p.kind, ruleId: p.ruleId, file: p.file, message: p.message })) }, null, 2) + "\n");
process.exit(broken.length > 0 ? 1 : 0);
