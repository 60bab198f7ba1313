import * as os from "node:os";
import { Worker } from "node:worker_threads";
import type { AuditedFile, AuditOptions } from "../engine/audit";

export interface WorkerJob {
  hhWorker: true;
  configFile?: string;
  cwd: string;
  fixes: boolean;
  /** `--cache`: each result carries the other files its analysis read (src/cli/cache.ts). */
  cache?: boolean;
}

/**
 * Worker threads to use. On two cores or fewer, one thread: measured on the 11k-file bench
 * corpus, two workers were no faster there (each pays its own JIT warm-up) and doubled peak
 * memory. Above that, one worker per core but one (the main thread lists files and writes
 * output), at most 4.
 */
export function defaultJobs(): number {
  const cores = coreCount();
  return cores <= 2 ? 1 : Math.min(4, cores - 1);
}

/** The cores this process may use; `--jobs` is capped at it. */
export function coreCount(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/**
 * Workers get the main thread's stack (V8's default, about 984 KB), so that input nested deep
 * enough to exhaust it fails the same way on `--jobs 1` and `--jobs 4`. (The engine's own depth
 * limits stop all known cases first; this keeps the rest consistent too.)
 */
const MAIN_THREAD_STACK_MB = 0.96;

/**
 * Analyzes files in worker threads running this same bundle. Files are handed out in small
 * batches as workers free up (streamed: a worker never holds more than one batch), and results
 * come back already located, so no text crosses threads.
 */
export async function auditInWorkers(script: string, files: readonly string[], opts: AuditOptions & { cache?: boolean }, jobs: number, inThisThread: (files: string[]) => AuditedFile[]): Promise<AuditedFile[]> {
  const results: AuditedFile[] = new Array(files.length);
  const BATCH = 16;
  let next = 0;
  let done = 0;
  const job: WorkerJob = { hhWorker: true, configFile: opts.configFile, cwd: opts.cwd, fixes: opts.fixes ?? true, cache: opts.cache };
  const store = (start: number, batch: AuditedFile[]) => {
    batch.forEach((r, i) => {
      results[start + i] = r;
      done++;
      opts.onProgress?.(done, files.length, r.path);
    });
  };
  const workers = Array.from({ length: Math.min(jobs, Math.ceil(files.length / BATCH)) }, () => new Worker(script, { workerData: job, resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let inFlight: { start: number; files: string[] } | undefined;
            let settled = false;
            const finish = (err?: Error) => {
              if (settled) return;
              settled = true;
              if (err) reject(err);
              else resolve();
            };
            const feed = () => {
              if (next >= files.length || opts.isCancelled?.()) {
                inFlight = undefined;
                finish();
                return;
              }
              const start = next;
              const batch = files.slice(start, Math.min(files.length, start + BATCH));
              next += batch.length;
              inFlight = { start, files: batch };
              w.postMessage(inFlight);
            };
            // A worker that dies hands its batch, and the files not yet handed out, back to this
            // thread: a file is never lost because of a worker.
            const recover = (err: Error) => {
              if (settled) return;
              try {
                if (inFlight) store(inFlight.start, inThisThread(inFlight.files));
                inFlight = undefined;
                while (next < files.length && !opts.isCancelled?.()) {
                  const start = next;
                  const batch = files.slice(start, Math.min(files.length, start + BATCH));
                  next += batch.length;
                  store(start, inThisThread(batch));
                }
                finish();
              } catch (again: unknown) {
                finish(again instanceof Error ? again : err);
              }
            };
            w.on("message", (msg: { start: number; results: AuditedFile[] }) => {
              store(msg.start, msg.results);
              feed();
            });
            w.on("error", recover);
            w.on("exit", (code) => (code === 0 || settled ? finish() : recover(new Error(`worker exited with code ${code}`))));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.filter((r) => r !== undefined);
}
