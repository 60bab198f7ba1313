import * as path from "node:path";
import { parentPort } from "node:worker_threads";
import { allRules } from "../engine/analyze";
import { auditFile } from "../engine/audit";
import { ConfigResolver } from "../engine/files";
import { FsProjectHost } from "../engine/project-host";
import { RecordingHost } from "./cache";
import type { WorkerJob } from "./parallel";

/** Worker side of cli/parallel.ts: analyze each batch of files and post located results back. */
export function runWorker(job: WorkerJob): void {
  const resolver = new ConfigResolver(allRules, job.configFile ? path.resolve(job.cwd, job.configFile) : undefined, job.cwd);
  const fsHost = new FsProjectHost();
  const recorder = job.cache ? new RecordingHost(fsHost) : undefined;
  const one = (f: string) => {
    if (!recorder) return auditFile(f, resolver, fsHost, job.fixes, job.cwd);
    const { value, deps } = recorder.recording(() => auditFile(f, resolver, recorder, job.fixes, job.cwd));
    return { ...value, cacheDeps: deps };
  };
  parentPort!.on("message", (msg: { start: number; files: string[] }) => {
    const results = msg.files.map(one);
    parentPort!.postMessage({ start: msg.start, results });
  });
}
