import * as fs from "node:fs";
import * as path from "node:path";
import { isMainThread, workerData } from "node:worker_threads";
import { version as VERSION } from "../../package.json";
import { auditBytes, auditFile, planAudit, readSource, type AuditedFile, type AuditResult } from "../engine/audit";
import { FsProjectHost } from "../engine/project-host";
import { toSarif } from "../engine/sarif";
import { USAGE, UsageError, parseArgs, type CliArgs } from "./args";
import { applyBaseline, buildBaseline, readBaseline } from "./baseline";
import { runFixes, type FixRunIo } from "./fix-files";
import { formatGitlab, type GitlabInput } from "./formatters/gitlab";
import { formatJson } from "./formatters/json";
import { formatText } from "./formatters/text";
import { auditInWorkers, coreCount, defaultJobs, type WorkerJob } from "./parallel";
import { printable } from "./escape";
import { runWorker } from "./worker";
import { AuditCache, RecordingHost } from "./cache";
import { inShard, mergeReports } from "./shard";

export interface CliIo extends FixRunIo {
  stderrIsTTY: boolean;
  /** Standard input, read whole (for `--stdin`). */
  readStdin?: () => Promise<Uint8Array>;
}

/** Below this many files, threads cost more than they save. */
const PARALLEL_THRESHOLD = 48;

function progressReporter(io: CliIo, quietOutput: boolean) {
  if (!io.stderrIsTTY || quietOutput) return undefined;
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / Math.max(1, total)) * width);
    io.stderr(`\r[${"=".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} files${done === total ? "\n" : ""}`);
  };
}

/**
 * The CLI: args → engine → formatter → exit code. 0: no error-level finding (within
 * --max-warnings); 1: error-level findings or too many warnings; 2: usage, config or internal error.
 */
export async function runCli(argv: readonly string[], io: CliIo, script?: string): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err: unknown) {
    if (err instanceof UsageError) {
      io.stderr(`hardening-hints: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.command === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.command === "version") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (args.command === "mcp") {
    const root = path.resolve(io.cwd, args.root ?? ".");
    if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      io.stderr(`hardening-hints: mcp --root ${args.root ?? "."} is not a folder\n`);
      return 2;
    }
    // Loaded only here: an audit never evaluates the MCP SDK. stdout now carries JSON-RPC only.
    await (await import("../mcp/server")).serveMcp({ root });
    return 0;
  }
  if (args.command === "merge") return runMerge(args, io);
  if (args.command === "agents") return (await import("../agents/cli")).runAgents({ root: args.root, check: args.check === true }, io);
  if (args.command === "trend") return (await import("../agents/trend-cli")).runTrend(args.trendArgv ?? [], io);
  if (args.command === "hook") return (await import("../agents/hook")).runHookCommand(args.agent as "claude-code" | "cursor", io);
  if (args.command === "init") return (await import("../agents/init")).runInit(args.agent as "claude-code" | "cursor" | "copilot", path.resolve(io.cwd, args.root ?? "."), io);
  const t0 = performance.now();
  const wantFixes = args.format === "json" || args.format === "sarif";
  const opts = { cwd: io.cwd, configFile: args.config, noIgnore: args.noIgnore, fixes: wantFixes, onProgress: progressReporter(io, false) };
  const plan = planAudit(args.stdin ? [] : args.paths, opts);
  const stdinFile = args.stdin ? path.resolve(io.cwd, args.stdinFilename ?? "stdin.ts") : undefined;
  if (stdinFile) plan.files.push(stdinFile);
  // --shard i/n: this job's slice; the report says which, and how many files the whole list has.
  const shard = args.shard && { ...args.shard, total: plan.files.length };
  if (args.shard) plan.files.splice(0, plan.files.length, ...plan.files.filter((f) => inShard(f, io.cwd, args.shard!)));
  const configErrors = () => plan.resolver.problems.filter((p) => p.kind === "configError");
  // Resolve every file's config now (cached per folder): a broken one stops the run before any
  // report, so CI never reads "no problems" from a run that used the wrong settings.
  for (const f of plan.files) plan.resolver.forFile(f);
  if (configErrors().length > 0) {
    for (const p of configErrors()) io.stderr(`hardening-hints: ${printable(p.message)}\n`);
    return 2;
  }
  for (const p of plan.problems) io.stderr(`hardening-hints: ${printable(p.message)}\n`);
  // A path named on the command line that cannot be analyzed (missing, a FIFO, a device, not a
  // source file) is a usage error: CI must never read "no problems" from it.
  const named = new Set(args.paths.map((p) => path.resolve(io.cwd, p)));
  if (plan.problems.some((p) => p.kind === "unreadable" && named.has(p.file ?? ""))) return 2;

  // --fix / --fix-dry-run (src/cli/fix-files.ts): a file that could not be written fails the run (exit 2).
  let fixWriteFailed = false;
  if (args.fix || args.fixDryRun) {
    const { changed, fixedCount, failed } = runFixes(plan.files, { fix: args.fix }, plan.resolver, io);
    if (args.fixDryRun) {
      io.stderr(`${fixedCount} safe fix${fixedCount === 1 ? "" : "es"} would change ${changed.length} file${changed.length === 1 ? "" : "s"}; nothing was written\n`);
    } else io.stderr(`applied ${fixedCount} safe fix${fixedCount === 1 ? "" : "es"} in ${changed.length} file${changed.length === 1 ? "" : "s"}${failed > 0 ? `; ${failed} file${failed === 1 ? "" : "s"} could not be written (see above)` : ""}\n`);
    fixWriteFailed = failed > 0;
  }

  let results: AuditedFile[];
  // More threads than cores only costs memory: the count is capped at the cores.
  const jobs = Math.min(args.jobs ?? defaultJobs(), coreCount());
  const cache = args.cache ? AuditCache.load(path.resolve(io.cwd, args.cacheLocation ?? ".hardeninghints-cache"), (m) => io.stderr(`hardening-hints: warning: ${printable(m)}\n`)) : undefined;
  const host = cache ? new RecordingHost(new FsProjectHost()) : new FsProjectHost();
  // With --cache, an unchanged file's stored result is used; the others are analyzed as usual.
  const cached: (AuditedFile | undefined)[] = [];
  const keys: string[] = [];
  if (stdinFile) {
    const bytes = (await io.readStdin?.()) ?? new Uint8Array();
    results = [auditBytes(stdinFile, bytes, plan.resolver, host, wantFixes, io.cwd)];
  } else {
    if (cache) {
      for (const f of plan.files) {
        const read = readSource(f, plan.resolver.forFile(f));
        const key = read.ok ? AuditCache.key(f, read.bytes, plan.resolver.forFile(f), host, { version: VERSION, fixes: wantFixes, root: io.cwd }) : "";
        keys.push(key);
        cached.push(read.ok ? cache.get(f, key, host) : read.skipped);
      }
    }
    const todo = plan.files.filter((_, i) => cached[i] === undefined);
    // Test hook (test/unit/cli/ci.test.ts): how many files the cache answered.
    if (cache && process.env.HH_DEBUG_CACHE) io.stderr(`cache: ${plan.files.length - todo.length} hits, ${todo.length} misses\n`);
    const auditOne = (f: string): AuditedFile => {
      if (!(host instanceof RecordingHost)) return auditFile(f, plan.resolver, host, wantFixes, io.cwd);
      const { value, deps } = host.recording(() => auditFile(f, plan.resolver, host, wantFixes, io.cwd));
      return { ...value, cacheDeps: deps } as AuditedFile;
    };
    let fresh: AuditedFile[];
    if (script && script.endsWith(".js") && jobs > 1 && todo.length >= PARALLEL_THRESHOLD && !args.fixDryRun) {
      fresh = await auditInWorkers(script, todo, { ...opts, cache: cache !== undefined }, jobs, (batch) => batch.map(auditOne));
    } else {
      fresh = [];
      todo.forEach((f, i) => {
        fresh.push(auditOne(f));
        opts.onProgress?.(i + 1, todo.length);
      });
    }
    let next = 0;
    results = plan.files.map((f, i) => {
      const hit = cached[i];
      if (hit) return hit;
      const r = fresh[next++]!;
      const { cacheDeps, ...result } = r as AuditedFile & { cacheDeps?: Record<string, string | null> };
      if (cache && cacheDeps && keys[i]) cache.set(f, keys[i]!, cacheDeps, result, host);
      return result;
    });
    if (cache) {
      const failed = cache.save(plan.files);
      if (failed) io.stderr(`hardening-hints: warning: ${printable(failed)}\n`);
    }
  }
  const audit: AuditResult = { root: io.cwd, files: plan.files, results, problems: [...plan.resolver.problems], durationMs: performance.now() - t0, cancelled: false };

  if (args.baseline) {
    const baselinePath = path.resolve(io.cwd, args.baseline);
    try {
      if (args.updateBaseline) {
        const b = buildBaseline(audit);
        fs.writeFileSync(baselinePath, JSON.stringify(b, null, 2) + "\n");
        const n = Object.values(b.files).reduce((s, f) => s + Object.values(f).reduce((a, e) => a + e.count, 0), 0);
        io.stderr(`wrote ${n} finding(s) to the baseline ${args.baseline}\n`);
      }
      applyBaseline(audit, readBaseline(baselinePath));
    } catch (err: unknown) {
      io.stderr(`hardening-hints: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }

  const report =
    args.format === "sarif"
      ? JSON.stringify(toSarif(audit, { version: VERSION, shard }), null, 2) + "\n"
      : args.format === "json"
        ? formatJson(audit, VERSION, shard)
        : args.format === "gitlab"
          ? formatGitlab((JSON.parse(formatJson(audit, VERSION)) as { findings: GitlabInput[] }).findings)
          : formatText(audit, { quiet: args.quiet });
  if (args.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(io.cwd, args.output)), { recursive: true });
      fs.writeFileSync(path.resolve(io.cwd, args.output), report);
    } catch (err: unknown) {
      io.stderr(`hardening-hints: cannot write ${args.output} (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return 2;
    }
  } else io.stdout(report);

  // Per-file problems go to stderr; skipped files are listed, never silent (not even with --quiet,
  // which hides only the syntax errors of files whose recovered tree was analyzed).
  for (const r of results) for (const p of r.problems) if (!args.quiet || !r.analyzed || p.kind !== "parseError") io.stderr(`hardening-hints: ${p.kind}: ${printable(p.message)}\n`);
  const internal = results.some((r) => r.problems.some((p) => p.kind === "ruleCrash"));
  if (internal || fixWriteFailed) return 2;
  const failingSkips = results.filter((r) => !r.analyzed && (args.failOnSkipped === "any" || (args.failOnSkipped === "unparsable" && r.problems.some((p) => p.kind === "parseError"))));
  if (failingSkips.length > 0) {
    io.stderr(`hardening-hints: ${failingSkips.length} file${failingSkips.length === 1 ? "" : "s"} could not be analyzed (see above); the run fails (--fail-on-skipped ${args.failOnSkipped})\n`);
  }
  let errors = 0;
  let warnings = 0;
  for (const r of results)
    for (const f of r.findings) {
      if (f.suppression) continue;
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
    }
  if (errors > 0 || failingSkips.length > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr(`hardening-hints: ${warnings} warnings is more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** `hardening-hints merge FILE...`: the shards' reports joined into the report of the whole run. */
function runMerge(args: CliArgs, io: CliIo): number {
  const texts: string[] = [];
  for (const p of args.paths) {
    try {
      texts.push(fs.readFileSync(path.resolve(io.cwd, p), "utf8"));
    } catch (err: unknown) {
      io.stderr(`hardening-hints: merge: cannot read ${printable(p)} (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return 2;
    }
  }
  let merged: { format: "json" | "sarif"; text: string };
  try {
    merged = mergeReports(texts, args.paths);
  } catch (err: unknown) {
    io.stderr(`hardening-hints: merge: ${printable(err instanceof Error ? err.message : String(err))}\n`);
    return 2;
  }
  if ((args.format === "sarif" && merged.format !== "sarif") || (args.format === "gitlab" && merged.format !== "json")) {
    io.stderr(`hardening-hints: merge: the shards are ${merged.format.toUpperCase()} reports; --format ${args.format} cannot convert them${args.format === "gitlab" ? " (merge the shards' JSON reports)" : ""}\n`);
    return 2;
  }
  if (args.format === "gitlab") merged = { format: "json", text: formatGitlab((JSON.parse(merged.text) as { findings: GitlabInput[] }).findings) };
  if (args.output) fs.writeFileSync(path.resolve(io.cwd, args.output), merged.text);
  else io.stdout(merged.text);
  return 0;
}

/** Entry point of dist/cli.js: the main thread runs the CLI; a worker thread analyzes batches. */
export function main(): void {
  if (!isMainThread && (workerData as WorkerJob | undefined)?.hhWorker) {
    runWorker(workerData as WorkerJob);
    return;
  }
  // A reader that stops early (`| head -1`) closes the pipe: the rest of the report is dropped
  // quietly and the run still ends with the exit code its result deserves.
  let stdoutClosed = false;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    stdoutClosed = true;
  });
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (s) => {
      if (!stdoutClosed) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
  runCli(process.argv.slice(2), io, __filename).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`hardening-hints: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
