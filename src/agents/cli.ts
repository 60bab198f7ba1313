import * as fs from "node:fs";
import * as path from "node:path";
import { updateInstructions, type TargetOutcome, type TrendSummary } from "./instructions";
import { agentsTrend } from "./trend";

export interface AgentsIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const SAID: Record<TargetOutcome["state"], string> = {
  created: "created with the hardening-hints section",
  added: "section added at the end",
  updated: "section updated",
  current: "section is current",
  stale: "section is stale",
  missing: "has no hardening-hints section yet",
  skipped: "left alone",
  broken: "not changed",
};

/**
 * `hardening-hints agents [--check] [--root DIR]`. Exit 0: written, or (with `--check`) every
 * section current; 1: `--check` found a stale or missing section; 2: a folder, read or write
 * error, or markers that cannot be trusted.
 */
export async function runAgents(opts: { root?: string; check: boolean; trend?: TrendSummary }, io: AgentsIo): Promise<number> {
  const root = path.resolve(io.cwd, opts.root ?? ".");
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`hardening-hints: agents --root ${opts.root ?? "."} is not a folder\n`);
    return 2;
  }
  // What changed since last month, from git history (src/agents/trend.ts); none outside a repository's top folder.
  const result = await updateInstructions(root, { check: opts.check, trend: opts.trend ?? agentsTrend(root) });
  for (const o of result.outcomes) {
    const line = `${o.file}: ${SAID[o.state]}${o.detail ? ` (${o.detail})` : ""}\n`;
    if (o.state === "broken" || o.state === "stale" || o.state === "missing") io.stderr(line);
    else io.stdout(line);
  }
  if (!result.ok) return 2;
  if (opts.check && result.stale) {
    io.stderr("run `hardening-hints agents` to bring the agent instructions up to date\n");
    return 1;
  }
  return 0;
}
