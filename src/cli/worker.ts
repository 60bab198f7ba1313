import * as path from "node:path";
import { parentPort } from "node:worker_threads";
import { allRules } from "../engine/analyze";
import { auditFile } from "../engine/audit";
import { ConfigResolver } from "../engine/files";
import { FsProjectHost } from "../engine/project-host";
import type { WorkerJob } from "./parallel";

/** Worker side of cli/parallel.ts: analyze each batch of files and post located results back. */
export function runWorker(job: WorkerJob): void {
  const resolver = new ConfigResolver(allRules, job.configFile ? path.resolve(job.cwd, job.configFile) : undefined, job.cwd);
  const project = new FsProjectHost();
  parentPort!.on("message", (msg: { start: number; files: string[] }) => {
    const results = msg.files.map((f) => auditFile(f, resolver, project, job.fixes, job.cwd));
    parentPort!.postMessage({ start: msg.start, results });
  });
}
