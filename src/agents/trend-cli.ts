/**
 * `hardening-hints trend [--since DATE|SPAN] [--every month|week|N days] [--until DATE] [--rev REV]
 * [--root DIR] [--format text|json] [--output FILE] [--html FILE]`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { printable } from "../cli/escape";
import { writeFileCarefully } from "../cli/write";
import { computeTrend, parseEvery, parseSince, trendLines, TrendUsageError, type TrendOptions } from "./trend";
import { GitError } from "./trend-git";
import { trendHtml } from "./trend-html";
import { formatTrendText } from "./trend-text";

export const TREND_USAGE = `Usage: hardening-hints trend [--since DATE|SPAN] [--every month|week|N days] [options]

Audits past commits from git objects (the working tree and the index are not touched) and prints
the findings per family per period, with what is new and what was fixed since the period before.

Options:
  --since DATE|SPAN   first period: a date (2026-01-15) or a span back ("6 months", "8 weeks");
                      default 12 periods back
  --every STEP        month (default), week, N days (or N weeks, N months)
  --until DATE        end of the last period (default now)
  --rev REV           the history to follow, first parent only (default HEAD)
  --root DIR          a folder of the repository; only files under it count (default .)
  --format text|json  output format (default text)
  --output FILE       write the report to FILE instead of stdout
  --html FILE         also write a self-contained HTML page with a chart`;

export interface TrendArgs {
  options: Omit<TrendOptions, "root">;
  root: string;
  format: "text" | "json";
  output?: string;
  html?: string;
}

export interface TrendIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Parses the arguments after `trend`. Throws TrendUsageError with a precise message. */
export function parseTrendArgs(argv: readonly string[]): TrendArgs {
  const out: TrendArgs = { options: {}, root: ".", format: "text" };
  const rest = [...argv];
  while (rest.length > 0) {
    const raw = rest.shift()!;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq === -1 ? raw : raw.slice(0, eq);
    const value = (): string => {
      const v = eq === -1 ? rest.shift() : raw.slice(eq + 1);
      if (v === undefined || v === "" || (eq === -1 && v.startsWith("--"))) throw new TrendUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--since":
        out.options.since = value();
        parseSince(out.options.since, 0); // said now, with the usage
        break;
      case "--every":
        out.options.every = value();
        parseEvery(out.options.every);
        break;
      case "--until": {
        const v = value();
        out.options.until = parseSince(v, Math.floor(Date.now() / 1000));
        break;
      }
      case "--rev":
        out.options.rev = value();
        break;
      case "--root":
        out.root = value();
        break;
      case "--format": {
        const f = value();
        if (f !== "text" && f !== "json") throw new TrendUsageError(`--format must be text or json, not "${f}"`);
        out.format = f;
        break;
      }
      case "--output":
      case "-o":
        out.output = value();
        break;
      case "--html":
        out.html = value();
        break;
      default:
        throw new TrendUsageError(flag.startsWith("-") ? `trend: unknown option ${flag}` : `trend takes no paths (use --root DIR), not "${flag}"`);
    }
  }
  return out;
}

/** Writes `text` to `file` atomically (a temporary file renamed over it); the reason on failure. */
function writeReport(file: string, text: string): string | undefined {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err: unknown) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
  const done = writeFileCarefully(file, Buffer.from(text, "utf8"), { root: path.dirname(file) });
  return done.ok ? undefined : done.why;
}

/** The `trend` command: 0 when the report was made, 2 on a usage, git or write error. */
export function runTrend(argv: readonly string[], io: TrendIo): number {
  if (argv.includes("-h") || argv.includes("--help")) {
    io.stdout(`${TREND_USAGE}\n`);
    return 0;
  }
  let args: TrendArgs;
  try {
    args = parseTrendArgs(argv);
  } catch (err: unknown) {
    if (!(err instanceof TrendUsageError)) throw err;
    io.stderr(`hardening-hints: ${err.message}\n\n${TREND_USAGE}\n`);
    return 2;
  }
  const root = path.resolve(io.cwd, args.root);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`hardening-hints: trend --root ${printable(args.root)} is not a folder\n`);
    return 2;
  }
  let report;
  try {
    report = computeTrend({ ...args.options, root });
  } catch (err: unknown) {
    if (!(err instanceof TrendUsageError) && !(err instanceof GitError)) throw err;
    io.stderr(`hardening-hints: trend: ${printable(err.message)}\n`);
    return 2;
  }
  const lines = trendLines(report);
  const text = args.format === "json" ? JSON.stringify({ ...report, lines }, null, 2) + "\n" : formatTrendText(report, lines);
  if (args.output) {
    const failed = writeReport(path.resolve(io.cwd, args.output), text);
    if (failed) {
      io.stderr(`hardening-hints: cannot write ${printable(args.output)} (${printable(failed)})\n`);
      return 2;
    }
  } else io.stdout(text);
  if (args.html) {
    const failed = writeReport(path.resolve(io.cwd, args.html), trendHtml(report, lines));
    if (failed) {
      io.stderr(`hardening-hints: cannot write ${printable(args.html)} (${printable(failed)})\n`);
      return 2;
    }
  }
  const s = report.stats;
  io.stderr(`trend: ${s.commits} commit${s.commits === 1 ? "" : "s"} read, ${s.blobsAnalyzed} blob${s.blobsAnalyzed === 1 ? "" : "s"} analyzed, ${s.blobsReused} reused (unchanged blob, config and profile) in ${(s.durationMs / 1000).toFixed(1)} s\n`);
  return 0;
}
