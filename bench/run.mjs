#!/usr/bin/env node
// The benchmark. `npm run bench` builds dist/ and runs this; it never asserts anything about
// time: it prints tables and writes bench/results/latest.json. See bench/README.md.
//
//   node bench/run.mjs [folder] [--quick] [--runs N] [--editor-files N] [--only floor,engine,editor,cli]
//                      [--no-peers] [--jobs1] [--timeout S] [--cache-runs N] [--cache-formats text,sarif]
//
// Sections: (a) parse floor, (b) engine, (d) editor path run in this process; (c) whole CLI
// runs ours, ESLint, secretlint and the floor as child processes.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  BENCH_DIR,
  BUILD_DIR,
  REPO_DIR,
  TREE_DIR,
  countLines,
  listFiles,
  quickSubset,
  readCorpusConfig,
} from "./files.mjs";
import { checkInstalled, ensureCorpus, ensurePeers } from "./install-corpus.mjs";
import { peerCommands, writePeerConfigs } from "./lib/peers.mjs";
import {
  TIME_BIN,
  fmtInt,
  fmtMb,
  fmtMiB,
  fmtMs,
  fmtX,
  machineInfo,
  median,
  now,
  runTimed,
  summary,
  table,
  tail,
} from "./lib/util.mjs";

const require = createRequire(import.meta.url);
const RESULTS_DIR = path.join(BENCH_DIR, "results");
const ENGINE_SRC = path.join(REPO_DIR, "src", "engine", "analyze.ts");
const ENGINE_ENTRY = path.join(REPO_DIR, "src", "engine", "index.ts");
const ENGINE_BUNDLE = path.join(BUILD_DIR, "engine.cjs");
const CLI = path.join(REPO_DIR, "dist", "cli.js");
const EXTENSION = path.join(REPO_DIR, "dist", "extension.js");
const SECTIONS = ["floor", "engine", "editor", "cli"];

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const o = { folder: undefined, quick: false, runs: 3, editorFiles: 100, editorReps: 3, only: new Set(SECTIONS), peers: true, jobs1: undefined, timeoutS: 600, cacheRuns: undefined, cacheFormats: ["text", "sarif"] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a number`);
      return n;
    };
    if (a === "--quick") o.quick = true;
    else if (a === "--runs") o.runs = Math.max(1, Math.round(num()));
    else if (a === "--editor-files") o.editorFiles = Math.round(num());
    else if (a === "--editor-reps") o.editorReps = Math.max(1, Math.round(num()));
    else if (a === "--only") o.only = new Set(String(argv[++i]).split(",").map((s) => s.trim()).filter((s) => SECTIONS.includes(s)));
    else if (a === "--no-peers") o.peers = false;
    else if (a === "--jobs1") o.jobs1 = true;
    else if (a === "--no-jobs1") o.jobs1 = false;
    else if (a === "--timeout") o.timeoutS = num();
    else if (a === "--cache-runs") o.cacheRuns = Math.round(num());
    else if (a === "--cache-formats") o.cacheFormats = String(argv[++i]).split(",").map((s) => s.trim()).filter((s) => s === "text" || s === "sarif");
    else if (a === "-h" || a === "--help") {
      console.log("usage: node bench/run.mjs [folder] [--quick] [--runs N] [--editor-files N] [--editor-reps N] [--only floor,engine,editor,cli] [--no-peers] [--jobs1|--no-jobs1] [--timeout S] [--cache-runs N] [--cache-formats text,sarif]");
      process.exit(0);
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else o.folder = a;
  }
  if (o.quick && !argv.includes("--runs")) o.runs = 1;
  if (o.jobs1 === undefined) o.jobs1 = false;
  o.cacheRuns ??= o.quick ? 1 : 3;
  return o;
}

const say = (s = "") => process.stdout.write(`${s}\n`);
const heading = (s) => say(`\n== ${s} ${"=".repeat(Math.max(0, 86 - s.length))}`);
const note = (s) => say(`   ${s}`);

// ---------------------------------------------------------------------------------------------
// Target files

/** Hard-links (or copies) `files` under `dir`, keeping their relative paths; cached by content key. */
function stage(files, dir) {
  const key = createHash("sha256").update(files.map((f) => `${f.path}\0${f.bytes}`).join("\n")).digest("hex").slice(0, 16);
  const stamp = path.join(dir, ".bench-stage");
  try {
    if (fs.readFileSync(stamp, "utf8") === key) return dir;
  } catch {
    /* rebuild */
  }
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const dst = path.join(dir, f.rel.split("/").map((s) => (s === "node_modules" ? "_node_modules" : s)).join("/"));
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    try {
      fs.linkSync(f.path, dst);
    } catch {
      fs.copyFileSync(f.path, dst);
    }
  }
  fs.writeFileSync(stamp, key);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// (a) floor

function floorPass(floor, files, texts) {
  const perFile = new Float64Array(files.length);
  let nodes = 0;
  const t0 = now();
  for (let i = 0; i < files.length; i++) {
    const s = now();
    nodes += floor.parseAndWalk(files[i].path, texts[i]);
    perFile[i] = now() - s;
  }
  return { ms: now() - t0, nodes, perFile };
}

/** Median run by total time; per-file times are the per-file medians across runs. */
function medianOfRuns(runs) {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[(sorted.length - 1) >> 1];
  const n = runs[0].perFile.length;
  const perFile = new Float64Array(n);
  const tmp = new Array(runs.length);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < runs.length; r++) tmp[r] = runs[r].perFile[i];
    perFile[i] = median(tmp);
  }
  const cpu = runs.map((r) => r.cpuMs).filter((x) => x !== undefined);
  return { ...mid, perFile, allMs: runs.map((r) => r.ms), cpuMs: cpu.length ? median(cpu) : undefined, allCpuMs: cpu };
}

// ---------------------------------------------------------------------------------------------
// (b) engine

async function loadEngine() {
  if (!fs.existsSync(ENGINE_SRC) || !fs.existsSync(ENGINE_ENTRY)) {
    return { error: `engine not built yet (${path.relative(REPO_DIR, fs.existsSync(ENGINE_SRC) ? ENGINE_ENTRY : ENGINE_SRC)} is missing)` };
  }
  try {
    const esbuild = require("esbuild");
    fs.mkdirSync(BUILD_DIR, { recursive: true });
    // Same settings as scripts/build.mjs, but ts-morph stays external so that the floor and
    // the engine run the very same TypeScript instance in this process.
    await esbuild.build({
      entryPoints: [ENGINE_ENTRY],
      outfile: ENGINE_BUNDLE,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      mainFields: ["module", "main"],
      external: ["ts-morph", "vscode"],
      logLevel: "silent",
      legalComments: "none",
    });
    const engine = require(ENGINE_BUNDLE);
    if (typeof engine.analyze !== "function" || typeof engine.defaultConfig !== "function") {
      return { error: "engine not built yet (src/engine/index.ts does not export analyze and defaultConfig)" };
    }
    return { engine };
  } catch (err) {
    return { error: `engine not built yet (${String(err?.message ?? err).split("\n")[0]})` };
  }
}

/** defaultConfig with every case of every family rule on (cases declared `off` become warnings). */
function allRulesConfig(engine, root) {
  const base = engine.defaultConfig(root);
  const families = engine.familyRules ?? [];
  const rules = { ...base.rules };
  let cases = 0;
  let turnedOn = 0;
  for (const rule of families) {
    const prev = rules[rule.id];
    const caseSeverity = { ...(prev?.caseSeverity ?? {}) };
    for (const [id, meta] of Object.entries(rule.cases)) {
      cases++;
      const effective = caseSeverity[id] ?? prev?.severity ?? meta.severity ?? rule.severity;
      if (effective === "off") {
        caseSeverity[id] = "warning";
        turnedOn++;
      }
    }
    if (prev || turnedOn) rules[rule.id] = { severity: prev?.severity === "off" ? undefined : prev?.severity, caseSeverity, options: prev?.options ?? structuredClone(rule.options?.defaults ?? {}) };
  }
  return { config: { ...base, rules }, families: families.map((r) => r.id), cases, turnedOn };
}

function fsHost(engine) {
  if (typeof engine.FsProjectHost === "function") return new engine.FsProjectHost();
  return {
    readFile: (p) => {
      try {
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    fileExists: (p) => fs.existsSync(p),
  };
}

function enginePass(engine, files, texts, config, project, fixes, timing) {
  const perFile = new Float64Array(files.length);
  const analyzedFlags = new Uint8Array(files.length);
  const counts = { findings: 0, analyzed: 0, problems: {}, fixes: 0, byRule: {} };
  const t0 = now();
  for (let i = 0; i < files.length; i++) {
    const s = now();
    const r = engine.analyze({ path: files[i].path, text: texts[i], config, project, fixes, timing });
    perFile[i] = now() - s;
    if (r.analyzed) {
      counts.analyzed++;
      analyzedFlags[i] = 1;
    }
    counts.findings += r.findings.length;
    for (const f of r.findings) {
      counts.byRule[f.code] = (counts.byRule[f.code] ?? 0) + 1;
      counts.fixes += f.fixes.length;
    }
    for (const p of r.problems) counts.problems[p.kind] = (counts.problems[p.kind] ?? 0) + 1;
  }
  return { ms: now() - t0, perFile, counts, analyzedFlags };
}

// ---------------------------------------------------------------------------------------------
// (d) editor path

function middleLineStart(text) {
  const mid = text.length >> 1;
  const before = text.lastIndexOf("\n", mid);
  return before === -1 ? mid : before + 1;
}

function repeatMs(reps, fn) {
  const times = [];
  for (let r = 0; r < reps; r++) {
    const t = now();
    fn();
    times.push(now() - t);
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = now();
  const config = readCorpusConfig();
  const results = { startedAt: new Date().toISOString(), options: { ...opts, only: [...opts.only] }, machine: machineInfo(), sections: {} };
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  heading("Machine");
  const m = results.machine;
  say(table(["what", "value"], [
    ["cpu", m.cpu],
    ["cores", String(m.cores)],
    ["memory", `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
    ["os", m.platform],
    ["node", m.node],
    ["typescript (ts-morph)", require("ts-morph").ts.version],
    ["load average at start", m.loadavg.join(" ")],
  ]));

  // ---- target files ------------------------------------------------------------------------
  let root;
  let corpusManifest;
  if (opts.folder) {
    root = path.resolve(opts.folder);
    if (!fs.existsSync(root)) throw new Error(`${root} does not exist`);
  } else {
    corpusManifest = ensureCorpus();
    root = TREE_DIR;
  }
  const listed = listFiles(root, config.filters);
  const files = opts.quick ? quickSubset(listed.files, config.quickEvery) : listed.files;
  if (files.length === 0) throw new Error(`no source files under ${root}`);
  const tRead = now();
  const texts = files.map((f) => fs.readFileSync(f.path, "utf8"));
  const readMs = now() - tRead;
  const lines = texts.reduce((s, t) => s + countLines(t), 0);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  // The folder the child processes walk: the corpus tree holds exactly `files`; a subset is staged.
  const isCorpus = !opts.folder;
  let cliRoot = root;
  // Next to the corpus tree (gitignored, excluded by tsconfig.json): the subset holds .ts files too.
  if (opts.quick) cliRoot = stage(files, path.join(path.dirname(TREE_DIR), "quick-tree"));
  const sameFilesForTools = isCorpus || opts.quick;
  const listFile = path.join(BUILD_DIR, "files.txt");
  fs.writeFileSync(listFile, files.map((f) => f.path).join("\n") + "\n");
  results.target = {
    root,
    cliRoot,
    quick: opts.quick,
    files: files.length,
    lines,
    bytes,
    rejected: listed.rejected,
    filters: config.filters,
    readMs,
  };

  heading(`Files${opts.quick ? ` (--quick: every ${config.quickEvery}th file)` : ""}`);
  say(table(["folder", "files", "lines", "size", "left out"], [[
    path.relative(process.cwd(), root) || ".",
    fmtInt(files.length),
    fmtInt(lines),
    fmtMb(bytes),
    Object.entries(listed.rejected).map(([k, v]) => `${v} ${k}`).join(", ") || "none",
  ]]));
  note(`filters: files over ${config.filters.maxKb} KB or with a line over ${config.filters.maxLineLength} characters are left out (generated bundles)`);
  if (corpusManifest) {
    const pinnedCheck = checkInstalled(path.dirname(TREE_DIR), config.corpus);
    results.corpus = { pinned: config.corpus, installed: pinnedCheck.installed, excluded: config.exclude, perPackage: corpusManifest.perPackage, transitive: corpusManifest.packages };
    const rows = Object.entries(config.corpus).map(([name, version]) => {
      const p = corpusManifest.perPackage[name] ?? { files: 0, lines: 0, bytes: 0 };
      return [name, version, pinnedCheck.installed[name] ?? "missing", fmtInt(p.files), fmtInt(p.lines), fmtMb(p.bytes)];
    });
    const pinnedNames = new Set(Object.keys(config.corpus));
    const deps = Object.entries(corpusManifest.perPackage).filter(([n]) => !pinnedNames.has(n));
    const sum = (k) => deps.reduce((s, [, p]) => s + p[k], 0);
    rows.push([`(${deps.length} dependencies)`, "", "", fmtInt(sum("files")), fmtInt(sum("lines")), fmtMb(sum("bytes"))]);
    say("");
    say(table(["corpus package", "pinned", "installed", "files", "lines", "size"], rows));
    note(`the whole corpus tree${opts.quick ? " (the run uses every " + config.quickEvery + "th file of it)" : ""}: ${Object.keys(corpusManifest.packages).length} packages installed`);
    note(`left out when the tree was built: ${Object.entries(corpusManifest.rejected).map(([k, v]) => `${v} ${k}`).join(", ")} (excluded by path: ${Object.keys(config.exclude).join(", ")})`);
  }

  const floor = require("./lib/floor.cjs");

  // ---- engine load (for b and d) -----------------------------------------------------------
  let engine;
  let engineConfig;
  let project;
  const engineLoad = opts.only.has("engine") || opts.only.has("editor") ? await loadEngine() : { error: "skipped" };
  if (engineLoad.engine) {
    engine = engineLoad.engine;
    engineConfig = allRulesConfig(engine, root);
    project = fsHost(engine);
  }

  // ---- (a) floor and (b) engine: interleaved rounds --------------------------------------
  // Each round runs the floor, then the engine without and with fixes, so that load from
  // other processes on the machine falls on all three alike; one warm-up round first.
  let floorResult;
  const modes = {};
  const wantFloor = opts.only.has("floor") || opts.only.has("engine");
  const wantEngine = opts.only.has("engine") && engine;
  if (wantFloor) {
    const kinds = [["floor", (f, t) => floorPass(floor, f, t)]];
    if (wantEngine) {
      for (const fixes of [false, true]) kinds.push([fixes ? "fixes" : "noFixes", (f, t) => enginePass(engine, f, t, engineConfig.config, project, fixes, undefined)]);
    }
    // The warm-up round (JIT, caches) goes over every 4th file only: it is not measured.
    const warmIdx = files.length > 400 ? files.map((_, i) => i).filter((i) => i % 4 === 0) : files.map((_, i) => i);
    const warmFiles = warmIdx.map((i) => files[i]);
    const warmTexts = warmIdx.map((i) => texts[i]);
    const runs = Object.fromEntries(kinds.map(([k]) => [k, []]));
    for (let round = 0; round <= opts.runs; round++) {
      process.stderr.write(`[bench] ${round === 0 ? "warm-up round" : `round ${round}/${opts.runs}`}: ${kinds.map(([k]) => k).join(", ")}\n`);
      for (const [k, fn] of kinds) {
        const c0 = process.cpuUsage();
        const r = round === 0 ? fn(warmFiles, warmTexts) : fn(files, texts);
        const c = process.cpuUsage(c0);
        r.cpuMs = (c.user + c.system) / 1000;
        if (round > 0) runs[k].push(r);
      }
    }
    for (const [k] of kinds) modes[k] = medianOfRuns(runs[k]);
    floorResult = modes.floor;
    heading(`(a) Parse floor: createSourceFile(setParentNodes) + one iterative walk, in process`);
    const mbps = bytes / 1e6 / (floorResult.ms / 1000);
    say(table(["files", "lines", "bytes", "nodes", "ms (median)", "runs (ms)", "cpu ms", "MB/s", "files/s"], [[
      fmtInt(files.length),
      fmtInt(lines),
      fmtInt(bytes),
      fmtInt(floorResult.nodes),
      fmtMs(floorResult.ms),
      floorResult.allMs.map((x) => x.toFixed(0)).join(" "),
      fmtMs(floorResult.cpuMs),
      mbps.toFixed(1),
      fmtInt(files.length / (floorResult.ms / 1000)),
    ]]));
    note(`files read into memory first (${fmtMs(readMs)} ms, not measured); one warm-up round over every 4th file, then the median of ${opts.runs} full runs (cpu ms: median of the runs' process CPU time, less sensitive to other load on the machine)`);
    results.sections.floor = { ms: floorResult.ms, runsMs: floorResult.allMs, cpuMs: floorResult.cpuMs, nodes: floorResult.nodes, files: files.length, lines, bytes, mbPerS: mbps };
  }

  if (opts.only.has("engine")) {
    heading("(b) Engine: analyze() with every rule on, in process");
    if (!engine) {
      say(`   ${engineLoad.error}`);
      results.sections.engine = { error: engineLoad.error };
    } else {
      const cfg = engineConfig.config;
      // The timing pass. Its floor share is estimated from CPU time (the floor's median CPU
      // over this pass's CPU), which holds up under other load better than wall time. Running
      // the floor per file alongside analyze() was tried: the engine's GC debt then lands in
      // the floor's allocations and the split comes out wrong.
      const timing = new Map();
      const c0 = process.cpuUsage();
      const timed = enginePass(engine, files, texts, cfg, project, false, timing);
      const c1 = process.cpuUsage(c0);
      timed.cpuMs = (c1.user + c1.system) / 1000;
      timed.floorMs = timed.ms * (floorResult.cpuMs / timed.cpuMs);
      const rows = [];
      const sectionOut = { rulesOn: engineConfig.families, cases: engineConfig.cases, casesTurnedOn: engineConfig.turnedOn, modes: {} };
      for (const [name, label] of [["noFixes", "fixes: false (CLI text, editor diagnostics)"], ["fixes", "fixes: true (CLI json/sarif, code actions)"]]) {
        const r = modes[name];
        const ratio = r.ms / floorResult.ms;
        const cpuRatio = r.cpuMs / floorResult.cpuMs;
        rows.push([label, fmtMs(r.ms), r.allMs.map((x) => x.toFixed(0)).join(" "), fmtX(ratio), fmtX(cpuRatio), fmtInt(files.length / (r.ms / 1000)), fmtInt(r.counts.analyzed), fmtInt(r.counts.findings), fmtInt(r.counts.fixes)]);
        sectionOut.modes[name] = { ms: r.ms, runsMs: r.allMs, cpuMs: r.cpuMs, ratioToFloor: ratio, cpuRatioToFloor: cpuRatio, filesPerS: files.length / (r.ms / 1000), analyzed: r.counts.analyzed, findings: r.counts.findings, fixes: r.counts.fixes, problems: r.counts.problems, findingsByCode: r.counts.byRule };
      }
      say(table(["mode", "ms (median)", "runs (ms)", "engine/floor", "cpu ratio", "files/s", "analyzed", "findings", "fixes"], rows));
      note(`floor: ${fmtMs(floorResult.ms)} ms; target engine/floor ≤ 1.25× (fixes: false): ${sectionOut.modes.noFixes.ratioToFloor <= 1.25 ? "met" : "not met"} by wall time, ${sectionOut.modes.noFixes.cpuRatioToFloor <= 1.25 ? "met" : "not met"} by CPU time. Rules on: ${engineConfig.families.join(", ")} (${engineConfig.cases} cases${engineConfig.turnedOn ? `, ${engineConfig.turnedOn} turned on from off` : ""})`);
      const problems = modes.noFixes.counts.problems;
      if (Object.keys(problems).length) note(`problems: ${Object.entries(problems).map(([k, v]) => `${v} ${k}`).join(", ")}`);
      const unanalyzed = files.length - modes.noFixes.counts.analyzed;
      if (unanalyzed > 0) {
        let eng = 0;
        let flo = 0;
        const r = modes.noFixes;
        r.perFile.forEach((ms, i) => {
          if (r.analyzedFlags[i]) {
            eng += ms;
            flo += floorResult.perFile[i];
          }
        });
        note(`${unanalyzed} files were skipped by the engine; over the analyzed files only, engine/floor = ${fmtX(eng / flo)}`);
        sectionOut.modes.noFixes.analyzedOnlyRatio = eng / flo;
      }

      // ESLint TIMING-style table.
      const entries = [...timing.entries()].sort((a, b) => b[1] - a[1]);
      const ruleTotal = entries.reduce((s, [, v]) => s + v, 0);
      say("");
      say(table(["Rule", "Time (ms)", "Relative", "of analyze()"], [
        ...entries.map(([k, v]) => [k, v.toFixed(3), `${((100 * v) / ruleTotal).toFixed(1)}%`, `${((100 * v) / timed.ms).toFixed(1)}%`]),
        ["(all rules)", ruleTotal.toFixed(3), "100.0%", `${((100 * ruleTotal) / timed.ms).toFixed(1)}%`],
        ["(outside rules: parse, walk, engine)", (timed.ms - ruleTotal).toFixed(3), "", `${((100 * (timed.ms - ruleTotal)) / timed.ms).toFixed(1)}%`],
        // The engine's own parse (no JSDoc, its own parent pass) can cost less than the floor's
        // createSourceFile(setParentNodes): then the floor cannot be subtracted from it.
        ...(timed.ms - ruleTotal >= timed.floorMs
          ? [
              ["  of which parse + walk (the floor, est. from CPU time)", timed.floorMs.toFixed(3), "", `${((100 * timed.floorMs) / timed.ms).toFixed(1)}%`],
              ["  of which the rest (directives, dispatch, setup, GC)", (timed.ms - ruleTotal - timed.floorMs).toFixed(3), "", `${((100 * (timed.ms - ruleTotal - timed.floorMs)) / timed.ms).toFixed(1)}%`],
            ]
          : []),
      ]));
      note(`from one extra fixes:false pass with the timing map on (${fmtMs(timed.ms)} ms; timing adds its own overhead, so the runs above go without it);`);
      if (timed.ms - ruleTotal >= timed.floorMs) note("the parse + walk row is that pass's time × (the floor's median CPU time / that pass's CPU time); the rest includes garbage collection");
      else note(`everything outside the rules took less than the floor's estimate (${fmtMs(timed.floorMs)} ms): the engine parses without JSDoc and sets parents in its own pass, which costs less than createSourceFile(setParentNodes)`);
      sectionOut.timing = { passMs: timed.ms, passCpuMs: timed.cpuMs, floorEstimateMs: timed.floorMs, rules: Object.fromEntries(entries), rulesTotalMs: ruleTotal };
      results.sections.engine = sectionOut;
    }
  }

  // ---- (d) editor path ---------------------------------------------------------------------
  if (opts.only.has("editor")) {
    heading(`(d) Editor path: the ${Math.min(opts.editorFiles, files.length)} largest files, one at a time`);
    const out = {};
    if (!engine) {
      say(`   ${engineLoad.error}`);
      out.error = engineLoad.error;
    } else {
      const { ts } = floor;
      const cfg = engineConfig.config;
      const idx = files.map((_, i) => i).sort((a, b) => files[b].bytes - files[a].bytes || (files[a].rel < files[b].rel ? -1 : 1)).slice(0, opts.editorFiles);
      const per = [];
      for (const i of idx) {
        const file = files[i].path;
        const text = texts[i];
        const pos = middleLineStart(text);
        const edited = `${text.slice(0, pos)} ${text.slice(pos)}`;
        const analyzeOnce = (t) => engine.analyze({ path: file, text: t, config: cfg, project, fixes: false });
        analyzeOnce(text); // warm this file's paths
        const parseMs = repeatMs(opts.editorReps, () => floor.parseAndWalk(file, text));
        const analyzeMs = repeatMs(opts.editorReps, () => analyzeOnce(text));
        const editAnalyzeMs = repeatMs(opts.editorReps, () => analyzeOnce(edited));
        const incTimes = [];
        for (let r = 0; r < opts.editorReps; r++) {
          const sf = floor.parse(file, text);
          const t = now();
          ts.updateSourceFile(sf, edited, { span: { start: pos, length: 0 }, newLength: 1 });
          incTimes.push(now() - t);
        }
        per.push({ rel: files[i].rel, bytes: files[i].bytes, parseMs, analyzeMs, editAnalyzeMs, incParseMs: median(incTimes) });
      }
      const col = (k) => per.map((p) => p[k]);
      const ratio = per.map((p) => p.analyzeMs / p.parseMs);
      const editRatio = per.map((p) => p.editAnalyzeMs / p.incParseMs);
      const s = {
        parse: summary(col("parseMs")),
        analyze: summary(col("analyzeMs")),
        ratio: summary(ratio),
        editAnalyze: summary(col("editAnalyzeMs")),
        incParse: summary(col("incParseMs")),
        editRatio: summary(editRatio),
      };
      const row = (label, x, f = fmtMs) => [label, f(x.p50), f(x.p95), f(x.max)];
      say(table(["per file", "p50", "p95", "max"], [
        row("parse + walk (floor), ms", s.parse),
        row("analyze(), ms", s.analyze),
        row("analyze / own parse", s.ratio, fmtX),
        row("analyze after a 1-char edit, ms", s.editAnalyze),
        row("incremental parse of that edit, ms", s.incParse),
        row("re-analyze / incremental parse", s.editRatio, fmtX),
      ]));
      const kb = per.map((p) => p.bytes / 1024);
      note(`files of ${Math.min(...kb).toFixed(0)}–${Math.max(...kb).toFixed(0)} KB; median of ${opts.editorReps} per file; fixes: false (diagnostics)`);
      note("edit: one space inserted at the start of the line nearest the middle; analyze() reparses the whole file (no incremental API), the floor uses ts.updateSourceFile");
      Object.assign(out, { files: per.length, reps: opts.editorReps, summary: s, perFile: per });
    }

    // Activation: require() of dist/extension.js with a stub vscode module.
    say("");
    if (!fs.existsSync(EXTENSION)) {
      say("   extension not built yet (dist/extension.js is missing)");
      out.activation = { error: "dist/extension.js is missing" };
    } else {
      out.activation = await activation();
    }
    results.sections.editor = out;
  }

  // ---- (c) whole CLI -----------------------------------------------------------------------
  if (opts.only.has("cli")) {
    heading("(c) Whole CLI: wall time and peak RSS, one child process each");
    results.sections.cli = await cliSection(opts, cliRoot, listFile, files.length, isCorpus || opts.quick, sameFilesForTools);
  }

  // ---- versions and results ----------------------------------------------------------------
  const peersInstalled = checkInstalled(path.join(BENCH_DIR, ".peers"), config.peers).installed;
  results.peers = { pinned: config.peers, installed: peersInstalled };
  heading("Versions");
  say(table(["peer tool", "pinned", "installed"], Object.entries(config.peers).map(([n, v]) => [n, v, peersInstalled[n] ?? "not installed"])));
  results.machine.loadavgAtEnd = machineInfo().loadavg;
  results.totalMs = now() - t0;
  const outFile = path.join(RESULTS_DIR, "latest.json");
  fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
  say(`\nload average at end: ${results.machine.loadavgAtEnd.join(" ")}; bench took ${(results.totalMs / 1000).toFixed(0)} s; results: ${path.relative(process.cwd(), outFile)}`);
}

// ---------------------------------------------------------------------------------------------

async function activation() {
  const child = path.join(BENCH_DIR, "lib", "activation-child.cjs");
  const once = async (bundle, mode) => {
    const r = await runTimed({ argv: [child, bundle, mode], cwd: REPO_DIR, timeoutMs: 60_000, stderrFile: path.join(BUILD_DIR, `activation-${mode}.err`) });
    try {
      return JSON.parse(r.stdout.trim().split("\n").pop());
    } catch {
      return { error: `activation child failed (exit ${r.exitCode}): ${tail(path.join(BUILD_DIR, `activation-${mode}.err`), 3)}` };
    }
  };
  const times = [];
  for (let i = 0; i < 3; i++) times.push(await once(EXTENSION, "time"));
  const probe = await once(EXTENSION, "probe");
  // Method check: a bundle that imports ts-morph eagerly must be reported as loading the parser.
  let control;
  try {
    const esbuild = require("esbuild");
    const entry = path.join(BUILD_DIR, "control-entry.mjs");
    fs.writeFileSync(entry, 'import { ts } from "ts-morph";\nexport const kind = ts.SyntaxKind.Identifier;\n');
    await esbuild.build({ entryPoints: [entry], outfile: path.join(BUILD_DIR, "control-eager.cjs"), bundle: true, platform: "node", format: "cjs", target: "node20", mainFields: ["module", "main"], logLevel: "silent" });
    control = await once(path.join(BUILD_DIR, "control-eager.cjs"), "probe");
  } catch (err) {
    control = { error: String(err?.message ?? err) };
  }
  const ok = times.filter((t) => !t.error);
  const bundleText = fs.readFileSync(EXTENSION, "utf8");
  const lazyWrapped = /var require_typescript = __commonJS\(/.test(bundleText);
  const res = {
    bundleBytes: Buffer.byteLength(bundleText),
    bundleContainsTypeScript: /\bcreateSourceFile\b/.test(bundleText),
    typeScriptWrappedLazily: lazyWrapped,
    requireMs: ok.length ? median(ok.map((t) => t.requireMs)) : NaN,
    requireRunsMs: ok.map((t) => t.requireMs),
    heapDeltaMb: ok.length ? median(ok.map((t) => t.heapDeltaMb)) : NaN,
    activateMs: ok.length ? median(ok.map((t) => t.activateMs ?? NaN)) : NaN,
    activateError: times[0]?.activateError,
    probe,
    control,
  };
  const loadedAfterRequire = probe.afterRequire?.loaded;
  const loadedAfterActivate = probe.afterActivate?.loaded;
  const controlOk = control?.afterRequire?.loaded === true;
  res.loadsParser = probe.error ? "unknown" : loadedAfterRequire || loadedAfterActivate ? "yes" : "no";
  res.methodCheck = controlOk ? "passed" : "FAILED";
  const yesNo = (b) => (b === undefined ? "-" : b ? "yes" : "no");
  say(table(["activation (dist/extension.js, stub vscode)", "value"], [
    ["bundle size", fmtMb(res.bundleBytes)],
    ["require() time, median of 3 processes", `${fmtMs(res.requireMs)} ms`],
    ["heap growth during require()", `${res.heapDeltaMb.toFixed(1)} MiB`],
    ["activate() with a stub context", res.activateError ? `threw: ${res.activateError}` : `${fmtMs(res.activateMs)} ms`],
    ["TypeScript evaluated after require()", yesNo(loadedAfterRequire)],
    ["TypeScript evaluated after activate()", yesNo(loadedAfterActivate)],
    ["activation loads parser", res.loadsParser],
  ]));
  note("how: V8 precise coverage in the child; TypeScript counts as evaluated when the bundle's wrapped module body");
  note("\"node_modules/@ts-morph/common/dist/typescript.js\" (or ts-morph's) ran, when TypeScript's `diag` ran ≥1000 times");
  note("(its diagnostics table is built at load), or when require.cache holds typescript / ts-morph.");
  note(`method check on an eager ts-morph bundle: ${res.methodCheck}${controlOk ? "" : ` (${JSON.stringify(control).slice(0, 200)})`}; bundle keeps TypeScript in a lazy __commonJS wrapper: ${yesNo(lazyWrapped)}`);
  if (probe.apiIsEngineLoaded !== undefined) note(`the extension's own isEngineLoaded() after activate(): ${probe.apiIsEngineLoaded}`);
  return res;
}

async function cliSection(opts, cliRoot, listFile, fileCount, noIgnore, sameFiles) {
  const out = { folder: cliRoot, timeBinary: TIME_BIN ?? null, runs: {} };
  const timeoutMs = opts.timeoutS * 1000;
  const tf = (name) => path.join(BUILD_DIR, `time-${name}.txt`);
  const ef = (name) => path.join(BUILD_DIR, `stderr-${name}.txt`);
  if (!TIME_BIN) note("/usr/bin/time not found (apt-get install -y time): each child reports its own peak RSS through bench/lib/rss-reporter.cjs");

  const jobs = [];
  // The floor as a process of its own: reads, parses and walks each file, keeps nothing.
  jobs.push({ name: "floor", label: "floor process (parse + walk)", argv: [path.join(BENCH_DIR, "lib", "floor-child.cjs"), listFile], cwd: REPO_DIR });
  const cliBuilt = fs.existsSync(CLI);
  let cliNote;
  let common;
  if (cliBuilt) {
    const cfgFile = path.join(BUILD_DIR, "hardeninghints.json");
    // `{}`: every rule at its defaults, whatever .hardeninghints.json the repo around holds.
    fs.writeFileSync(cfgFile, "{}\n");
    // `{}`-config and, for the corpus (under dist/ folders and a gitignored path), --no-ignore so
    // that every listed file is analysed.
    common = ["--config", cfgFile, ...(noIgnore ? ["--no-ignore"] : [])];
    // The command a CI job runs: text report and exit code. No fixes are built for text.
    jobs.push({ name: "ours", label: "ours: hardening-hints audit (text, the default)", argv: [CLI, "audit", cliRoot, ...common], cwd: cliRoot, textSummary: true });
    // JSON carries every fix, built and checked (as SARIF does): the costlier path.
    jobs.push({ name: "ours-json", label: "ours: hardening-hints audit --format json (fixes built and checked)", argv: [CLI, "audit", cliRoot, "--format", "json", "--output", path.join(BUILD_DIR, "ours.json"), ...common], cwd: cliRoot, output: path.join(BUILD_DIR, "ours.json") });
    if (opts.jobs1) jobs.push({ name: "ours-jobs1", label: "ours --format json --jobs 1 (one thread)", argv: [CLI, "audit", cliRoot, "--format", "json", "--output", path.join(BUILD_DIR, "ours-jobs1.json"), ...common, "--jobs", "1"], cwd: cliRoot, output: path.join(BUILD_DIR, "ours-jobs1.json") });
  } else {
    cliNote = "CLI not built yet (dist/cli.js is missing)";
  }
  let peerRules;
  if (opts.peers) {
    try {
      ensurePeers();
      peerRules = writePeerConfigs();
      const cmds = peerCommands(cliRoot, BUILD_DIR);
      jobs.push({ name: "eslint", label: "ESLint (typescript-eslint parser, no-empty, preserve-caught-error, no-secrets, security)", ...cmds.eslint });
      jobs.push({ name: "secretlint", label: "secretlint (preset-recommend)", ...cmds.secretlint });
    } catch (err) {
      note(`peers not available: ${String(err?.message ?? err)}`);
      out.peersError = String(err?.message ?? err);
    }
  }
  // The short runs next to each other (the machine's load drifts), ESLint's long run last.
  const ORDER = ["floor", "ours", "secretlint", "ours-json", "ours-jobs1", "eslint"];
  jobs.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  for (const job of jobs) {
    if (job.output) fs.rmSync(job.output, { force: true });
    process.stderr.write(`[bench] running ${job.name}…\n`);
    const r = await runTimed({ argv: job.argv, cwd: job.cwd, timeoutMs, stderrFile: ef(job.name), timeFile: tf(job.name) });
    const rec = { label: job.label, command: `node ${job.argv.map((a) => path.relative(REPO_DIR, a) || a).join(" ")}`, cwd: job.cwd, wallMs: r.wallMs, maxRssKb: r.maxRssKb, cpuMs: r.cpuMs, exitCode: r.exitCode, timedOut: r.timedOut };
    if (job.name === "floor") {
      try {
        const j = JSON.parse(r.stdout.trim().split("\n").pop());
        rec.files = j.files;
        rec.maxRssKb ??= j.maxRssKb;
        rec.selfReportedMaxRssKb = j.maxRssKb;
      } catch {
        rec.error = tail(ef(job.name));
      }
    } else if (job.textSummary) {
      // "✖ 777 problems (1 error, 672 warnings, 104 info) in 11267 files" or "✔ no problems in N files"
      const m = /(?:✖ (\d+) problems?.*|✔ no problems) in (\d+) files?/.exec(r.stdout ?? "");
      if (m) Object.assign(rec, { files: Number(m[2]), findings: Number(m[1] ?? 0) });
      else rec.error = tail(ef(job.name));
    } else if (job.output) {
      const counted = countOutput(job.name, job.output);
      if (counted) Object.assign(rec, counted);
      else rec.error = tail(ef(job.name));
      fs.rmSync(job.output, { force: true });
    }
    if (r.timedOut) rec.error = `timed out after ${opts.timeoutS} s`;
    out.runs[job.name] = rec;
  }
  const R = out.runs;
  const ours = R.ours;
  const rows = Object.entries(R).map(([name, r]) => [
    r.label,
    r.error && !Number.isFinite(r.files) ? "failed" : fmtInt(r.files),
    `${(r.wallMs / 1000).toFixed(2)} s`,
    r.cpuMs !== undefined ? `${(r.cpuMs / 1000).toFixed(2)} s` : "-",
    r.maxRssKb ? fmtMiB(r.maxRssKb * 1024) : "-",
    ours && name !== "ours" && !name.startsWith("ours") ? fmtX(r.wallMs / ours.wallMs) : "",
  ]);
  say(table(["process", "files", "wall", "cpu", "peak RSS", "time / ours"], rows));
  if (cliNote) say(`   ${cliNote}`);
  const ratios = {};
  if (ours && R.eslint) ratios.eslintOverOurs = R.eslint.wallMs / ours.wallMs;
  if (ours && R.secretlint) ratios.secretlintOverOurs = R.secretlint.wallMs / ours.wallMs;
  if (ours?.maxRssKb && R.floor?.maxRssKb) ratios.oursRssOverFloorRss = ours.maxRssKb / R.floor.maxRssKb;
  const json = R["ours-json"];
  if (json && R.eslint) ratios.eslintOverOursJson = R.eslint.wallMs / json.wallMs;
  if (json && R.secretlint) ratios.secretlintOverOursJson = R.secretlint.wallMs / json.wallMs;
  if (json?.maxRssKb && R.floor?.maxRssKb) ratios.oursJsonRssOverFloorRss = json.maxRssKb / R.floor.maxRssKb;
  if (ours && R.floor) ratios.oursOverFloor = ours.wallMs / R.floor.wallMs;
  if (R.secretlint && R.floor) ratios.secretlintOverFloor = R.secretlint.wallMs / R.floor.wallMs;
  if (R["ours-jobs1"]?.maxRssKb && R.floor?.maxRssKb) ratios.oursJobs1RssOverFloorRss = R["ours-jobs1"].maxRssKb / R.floor.maxRssKb;
  if (R["ours-jobs1"] && R.eslint) ratios.eslintOverOursJobs1 = R.eslint.wallMs / R["ours-jobs1"].wallMs;
  if (ours?.cpuMs && R.eslint?.cpuMs) ratios.eslintCpuOverOursCpu = R.eslint.cpuMs / ours.cpuMs;
  if (ours?.cpuMs && R.secretlint?.cpuMs) ratios.secretlintCpuOverOursCpu = R.secretlint.cpuMs / ours.cpuMs;
  out.ratios = ratios;
  if (ours) {
    say("");
    const met = (x, ok) => (Number.isFinite(x) ? (ok(x) ? "yes" : "no") : "-");
    say(table(["ratio", "value", "target", "met"], [
      ["ESLint wall / ours", fmtX(ratios.eslintOverOurs), "≥ 10×", met(ratios.eslintOverOurs, (x) => x >= 10)],
      ["secretlint wall / ours", fmtX(ratios.secretlintOverOurs), "≥ 1× (no slower)", met(ratios.secretlintOverOurs, (x) => x >= 1)],
      ["ours peak RSS / floor process peak RSS", fmtX(ratios.oursRssOverFloorRss), "≤ 1.5×", met(ratios.oursRssOverFloorRss, (x) => x <= 1.5)],
      ["ESLint wall / ours --format json", fmtX(ratios.eslintOverOursJson), "(fixes built and checked)", ""],
      ["secretlint wall / ours --format json", fmtX(ratios.secretlintOverOursJson), "(fixes built and checked)", ""],
      ["ours --format json peak RSS / floor process peak RSS", fmtX(ratios.oursJsonRssOverFloorRss), "(fixes built and checked)", ""],
      ["ours wall / floor process wall", fmtX(ratios.oursOverFloor), "(what parsing alone costs)", ""],
      ["secretlint wall / floor process wall", fmtX(ratios.secretlintOverFloor), "(< 1×: the text scan beats any parse)", ""],
      ...(R["ours-jobs1"]
        ? [
            ["ESLint wall / ours --jobs 1", fmtX(ratios.eslintOverOursJobs1), "(single thread each)", ""],
            ["ours --jobs 1 peak RSS / floor process peak RSS", fmtX(ratios.oursJobs1RssOverFloorRss), "(one thread, like the floor)", ""],
          ]
        : []),
      ...(ratios.eslintCpuOverOursCpu ? [["ESLint CPU time / ours CPU time (all threads)", fmtX(ratios.eslintCpuOverOursCpu), "(steadier under load)", ""]] : []),
      ...(ratios.secretlintCpuOverOursCpu ? [["secretlint CPU time / ours CPU time (all threads)", fmtX(ratios.secretlintCpuOverOursCpu), "(steadier under load)", ""]] : []),
    ].filter((row) => row[1] !== "-")));
  }
  note(`folder: ${path.relative(process.cwd(), cliRoot) || "."}${sameFiles ? ` (exactly the ${fmtInt(fileCount)} listed files)` : " (each tool applies its own default ignores)"}; wall = spawn to exit, peak RSS from ${TIME_BIN ? "/usr/bin/time -v" : "the child itself (process.resourceUsage().maxRSS)"}`);
  note("ours runs with its default --jobs: one thread on two cores or fewer, else cores − 1 worker threads (at most 4); ESLint and secretlint run single-threaded as configured by default");
  if (ours?.exitCode === 2) note(`ours exited 2: ${tail(ef("ours"), 2)}`);
  if (peerRules) {
    out.eslintRules = peerRules;
    note(`ESLint rules: ${[...peerRules.core, ...peerRules.noSecrets].join(", ")} + ${peerRules.security.length} eslint-plugin-security recommended${peerRules.preserveCaughtError ? "" : " (preserve-caught-error is not in this ESLint)"}`);
  }
  if (common && opts.cacheRuns > 0 && opts.cacheFormats.length > 0) out.cache = await cacheSection(opts, cliRoot, common, R);
  return out;
}

/**
 * `--cache`: per format, `opts.cacheRuns` rounds of a cold run (no cache file) followed at once by
 * a warm run (the cache it wrote, the tree unchanged). Cold and warm of one round meet the same
 * load; the figures are the medians over the rounds, with their range.
 */
async function cacheSection(opts, cliRoot, common, peerRuns) {
  heading("(c2) Whole CLI with --cache: cold (empty cache) and warm (unchanged tree)");
  const out = {};
  const rows = [];
  for (const format of opts.cacheFormats) {
    const cacheFile = path.join(BUILD_DIR, `cache-${format}`);
    const report = path.join(BUILD_DIR, `cache-${format}.out`);
    const argv = [CLI, "audit", cliRoot, "--cache", "--cache-location", cacheFile, ...(format === "text" ? [] : ["--format", format, "--output", report]), ...common];
    const rounds = [];
    for (let round = 1; round <= opts.cacheRuns; round++) {
      fs.rmSync(cacheFile, { force: true });
      const pair = {};
      for (const phase of ["cold", "warm"]) {
        process.stderr.write(`[bench] --cache ${format} round ${round}/${opts.cacheRuns}: ${phase}…\n`);
        const name = `cache-${format}-${phase}`;
        const r = await runTimed({ argv, cwd: cliRoot, env: { HH_DEBUG_CACHE: "1" }, timeoutMs: opts.timeoutS * 1000, stderrFile: path.join(BUILD_DIR, `stderr-${name}.txt`), timeFile: path.join(BUILD_DIR, `time-${name}.txt`) });
        const stats = /cache: (\d+) hits, (\d+) misses/.exec(fs.readFileSync(path.join(BUILD_DIR, `stderr-${name}.txt`), "utf8"));
        // The report itself, to check that the warm run says exactly what the cold one said.
        const said = format === "text" ? (r.stdout ?? "") : fs.existsSync(report) ? fs.readFileSync(report, "utf8").replace(/"(?:startTimeUtc|endTimeUtc|durationMs)":\s*[^,\n}]+/g, "") : "";
        pair[phase] = { wallMs: r.wallMs, cpuMs: r.cpuMs, maxRssKb: r.maxRssKb, exitCode: r.exitCode, timedOut: r.timedOut, hits: stats ? Number(stats[1]) : undefined, misses: stats ? Number(stats[2]) : undefined, said: createHash("sha256").update(said).digest("hex").slice(0, 16) };
        fs.rmSync(report, { force: true });
      }
      pair.cacheBytes = fs.statSync(cacheFile, { throwIfNoEntry: false })?.size;
      pair.sameReport = pair.cold.said === pair.warm.said;
      rounds.push(pair);
    }
    const med = (phase, k) => median(rounds.map((p) => p[phase][k]).filter(Number.isFinite));
    const range = (phase) => {
      const w = rounds.map((p) => p[phase].wallMs);
      return rounds.length > 1 ? ` (${(Math.min(...w) / 1000).toFixed(2)}–${(Math.max(...w) / 1000).toFixed(2)})` : "";
    };
    const f = {
      rounds,
      coldWallMs: med("cold", "wallMs"),
      warmWallMs: med("warm", "wallMs"),
      coldCpuMs: med("cold", "cpuMs"),
      warmCpuMs: med("warm", "cpuMs"),
      roundRatios: rounds.map((p) => p.cold.wallMs / p.warm.wallMs),
      sameReport: rounds.every((p) => p.sameReport),
      warmAllHits: rounds.every((p) => p.warm.misses === 0),
    };
    f.coldOverWarm = f.coldWallMs / f.warmWallMs;
    f.cpuColdOverWarm = f.coldCpuMs / f.warmCpuMs;
    out[format] = f;
    const ratioRange = rounds.length > 1 ? ` (rounds ${fmtX(Math.min(...f.roundRatios))}–${fmtX(Math.max(...f.roundRatios))})` : "";
    const label = format === "text" ? "audit --cache (text)" : `audit --cache --format ${format}`;
    rows.push([`${label}: cold`, `${(f.coldWallMs / 1000).toFixed(2)} s${range("cold")}`, Number.isFinite(f.coldCpuMs) ? `${(f.coldCpuMs / 1000).toFixed(2)} s` : "-", fmtMiB(med("cold", "maxRssKb") * 1024), ""]);
    rows.push([`${label}: warm`, `${(f.warmWallMs / 1000).toFixed(2)} s${range("warm")}`, Number.isFinite(f.warmCpuMs) ? `${(f.warmCpuMs / 1000).toFixed(2)} s` : "-", fmtMiB(med("warm", "maxRssKb") * 1024), `${fmtX(f.coldOverWarm)}${ratioRange}, cpu ${fmtX(f.cpuColdOverWarm)}; ${f.coldOverWarm >= 5 ? "≥ 5×: met" : "≥ 5×: not met"}`]);
  }
  // The peers ran on the same folder without a cache of theirs: the warm run next to them.
  for (const [name, r] of Object.entries(peerRuns)) if (name === "eslint" || name === "secretlint") rows.push([`${r.label.split(" (")[0]} (no cache)`, `${(r.wallMs / 1000).toFixed(2)} s`, r.cpuMs !== undefined ? `${(r.cpuMs / 1000).toFixed(2)} s` : "-", r.maxRssKb ? fmtMiB(r.maxRssKb * 1024) : "-", out.text ? `${fmtX(r.wallMs / out.text.warmWallMs)} our warm text run` : ""]);
  say(table(["process", `wall (median of ${opts.cacheRuns}${opts.cacheRuns > 1 ? ", range" : ""})`, "cpu", "peak RSS", "cold / warm"], rows));
  for (const [format, f] of Object.entries(out)) {
    const first = f.rounds[0];
    note(`${format}: cache file ${fmtMb(first.cacheBytes)}; warm run ${f.warmAllHits ? "answered every file from the cache" : `missed files (${f.rounds.map((p) => p.warm.misses).join(", ")})`}; its report ${f.sameReport ? "equals" : "DIFFERS from"} the cold run's`);
  }
  note("cold = no cache file (the run analyses every file and writes the cache); warm = the run right after it on the unchanged tree (target: cold / warm ≥ 5×)");
  return out;
}

/** Files and findings from a tool's JSON report. */
function countOutput(name, file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (name.startsWith("ours")) return { files: data.summary?.files, summary: data.summary, findings: data.findings?.length, problems: countBy(data.problems ?? [], (p) => p.kind) };
  if (!Array.isArray(data)) return undefined;
  if (name === "eslint") {
    const byRule = {};
    let fatal = 0;
    for (const f of data) {
      fatal += f.fatalErrorCount ?? 0;
      for (const m of f.messages) if (m.ruleId) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    }
    return { files: data.length, findings: Object.values(byRule).reduce((a, b) => a + b, 0), findingsByRule: byRule, fatalParseErrors: fatal };
  }
  return { files: data.length, findings: data.reduce((s, f) => s + (f.messages?.length ?? 0), 0) };
}

function countBy(list, key) {
  const out = {};
  for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
