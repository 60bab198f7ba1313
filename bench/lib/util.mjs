// Small helpers for bench/run.mjs: statistics, tables, machine facts, timed child processes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

export const now = () => performance.now();

export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export function summary(values) {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN };
}

export const fmtMs = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) : "-");
export const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "-");
export const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "-");
/** Sizes of files in MB (10^6 bytes), as npm and the corpus manifest count them. */
export const fmtMb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : "-");
/** Memory in MiB (2^20 bytes), as /usr/bin/time and process.resourceUsage() count it (KiB). */
export const fmtMiB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MiB` : "-");

/** Plain-text table; numeric-looking cells are right-aligned. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? "" : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,%×+ ]*(?:ms|MB|MiB|KB|s|\/s)?$/.test(String(r[i] ?? "")) && String(r[i] ?? "") !== ""));
  const line = (r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export const TIME_BIN = process.env.BENCH_NO_TIME_BIN ? undefined : ["/usr/bin/time", "/bin/time"].find((p) => fs.existsSync(p));
const RSS_REPORTER = fileURLToPath(new URL("./rss-reporter.cjs", import.meta.url));

/** Parses `/usr/bin/time -v` output. */
function parseTimeV(text) {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const sys = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return {
    maxRssKb: rss ? Number(rss[1]) : undefined,
    cpuMs: user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : undefined,
  };
}

/**
 * Runs `node ...argv` under `/usr/bin/time -v` (when present), measuring wall time here.
 * stdout is kept (up to 1 MB); stderr goes to `stderrFile`. Never rejects.
 */
export function runTimed({ argv, cwd, env, timeoutMs, stderrFile, timeFile }) {
  return new Promise((resolve) => {
    const useTime = Boolean(TIME_BIN && timeFile);
    // Without /usr/bin/time, a preloaded reporter writes the child's own peak RSS at exit.
    const useReporter = !useTime && Boolean(timeFile);
    const cmd = useTime ? TIME_BIN : process.execPath;
    const args = useTime ? ["-v", "-o", timeFile, process.execPath, ...argv] : useReporter ? ["--require", RSS_REPORTER, ...argv] : argv;
    if (useReporter) {
      env = { ...env, BENCH_RSS_FILE: timeFile };
      fs.rmSync(timeFile, { force: true });
    }
    const errFd = stderrFile ? fs.openSync(stderrFile, "w") : "ignore";
    const t0 = now();
    let child;
    try {
      child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", errFd] });
    } catch (err) {
      resolve({ ok: false, error: String(err), wallMs: NaN });
      return;
    }
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.length > 1 << 20) stdout = stdout.slice(-(1 << 19)); // keep the tail: summaries come last
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ ok: false, error: String(err), wallMs: now() - t0 });
    });
    child.on("close", (code, signal) => {
      const wallMs = now() - t0;
      clearTimeout(timer);
      if (typeof errFd === "number") fs.closeSync(errFd);
      let timeV = {};
      try {
        if (useTime) timeV = parseTimeV(fs.readFileSync(timeFile, "utf8"));
        else if (useReporter) timeV = JSON.parse(fs.readFileSync(timeFile, "utf8"));
      } catch {
        /* killed before it was written */
      }
      resolve({ ok: !timedOut && signal === null, exitCode: code, signal, timedOut, wallMs, stdout, ...timeV });
    });
  });
}

export function tail(file, lines = 5) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
