import * as path from "node:path";

/**
 * `--shard i/n`: which slice of the file list a CI job audits. A file belongs to slice
 * (FNV-1a of its path relative to the working directory) mod n, so the slices are disjoint, cover
 * the whole list, do not depend on the machine or the listing order, and adding one file moves no
 * other file to another slice.
 */
export function inShard(file: string, cwd: string, shard: { index: number; count: number }): boolean {
  const rel = path.relative(cwd, file).split(path.sep).join("/");
  let h = 0x811c9dc5;
  for (let i = 0; i < rel.length; i++) {
    h ^= rel.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shard.count === shard.index - 1;
}

/** What a shard's report says about its slice (JSON `shard`, SARIF run `properties.shard`). */
export interface ShardInfo {
  index: number;
  count: number;
  /** Files in the whole (unsharded) list: the shards' file counts must add up to it. */
  total: number;
}

interface JsonReport {
  tool: { name: string; version: string };
  summary: Record<string, number | boolean>;
  shard?: ShardInfo;
  findings: { file: string; line: number; column: number; code: string }[];
  problems: unknown[];
}

interface SarifLog {
  runs: {
    tool: { driver: { version: string } };
    automationDetails?: { id: string };
    properties?: { shard?: ShardInfo };
    invocations: { executionSuccessful: boolean; toolConfigurationNotifications: unknown[]; toolExecutionNotifications: unknown[] }[];
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

/** Checks that the reports are the n shards of one run, each once: the merge then equals an unsharded run. */
function checkShards(infos: (ShardInfo | undefined)[], names: readonly string[], files: number[]): string | undefined {
  const missing = infos.findIndex((s) => s === undefined);
  if (missing !== -1) return `${names[missing]} is not the report of a sharded run (no shard information; run with --shard I/N)`;
  const all = infos as ShardInfo[];
  const { count, total } = all[0]!;
  const odd = all.findIndex((s) => s.count !== count || s.total !== total);
  if (odd !== -1) return `${names[odd]} is shard ${all[odd]!.index}/${all[odd]!.count} of ${all[odd]!.total} files, but ${names[0]} is of ${count} shards of ${total} files: not the same run`;
  const seen = new Map<number, string>();
  for (const [i, s] of all.entries()) {
    const other = seen.get(s.index);
    if (other) return `${names[i]} and ${other} are both shard ${s.index}/${count}`;
    seen.set(s.index, names[i]!);
  }
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (absent.length > 0) return `shard${absent.length === 1 ? "" : "s"} ${absent.map((i) => `${i}/${count}`).join(", ")} missing: the merge would not be the whole run`;
  const sum = files.reduce((a, b) => a + b, 0);
  if (sum !== total) return `the shards hold ${sum} files, but the run listed ${total}: the slices do not add up`;
  return undefined;
}

const uniq = <T>(items: T[]) => [...new Map(items.map((x) => [JSON.stringify(x), x])).values()];

/**
 * Joins the JSON or SARIF reports of the n shards of one run into the report an unsharded run
 * gives. Throws an Error with a precise message when they are not exactly those n shards.
 */
export function mergeReports(texts: readonly string[], names: readonly string[]): { format: "json" | "sarif"; text: string } {
  const parsed = texts.map((t, i) => {
    try {
      return JSON.parse(t) as Partial<JsonReport & SarifLog>;
    } catch (err: unknown) {
      throw new Error(`${names[i]}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  });
  const isSarif = (r: Partial<JsonReport & SarifLog>) => Array.isArray(r.runs);
  const kinds = new Set(parsed.map(isSarif));
  if (kinds.size > 1) throw new Error("the reports mix JSON and SARIF; merge one kind");
  if (isSarif(parsed[0]!)) {
    const logs = parsed as SarifLog[];
    const runs = logs.map((l, i) => {
      if (l.runs.length !== 1) throw new Error(`${names[i]}: expected one SARIF run, found ${l.runs.length}`);
      return l.runs[0]!;
    });
    const problem = checkShards(
      runs.map((r) => r.properties?.shard),
      names,
      runs.map((r) => (r.properties?.shard as (ShardInfo & { files?: number }) | undefined)?.files ?? 0),
    );
    if (problem) throw new Error(problem);
    const first = runs[0]!;
    const results = runs.flatMap((r) => r.results);
    const where = (x: (typeof results)[number]) => x.locations[0]!.physicalLocation;
    results.sort((a, b) => {
      const [pa, pb] = [where(a), where(b)];
      const ua = pa.artifactLocation.uri;
      const ub = pb.artifactLocation.uri;
      return (ua < ub ? -1 : ua > ub ? 1 : 0) || pa.region.startLine - pb.region.startLine || pa.region.startColumn - pb.region.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
    });
    const invocation = {
      executionSuccessful: runs.every((r) => r.invocations[0]!.executionSuccessful),
      toolConfigurationNotifications: uniq(runs.flatMap((r) => r.invocations[0]!.toolConfigurationNotifications)),
      toolExecutionNotifications: runs.flatMap((r) => r.invocations[0]!.toolExecutionNotifications),
    };
    const { automationDetails: _category, properties: _props, ...rest } = first;
    void _category;
    void _props;
    const merged = { ...(logs[0] as object), runs: [{ ...rest, invocations: [invocation], results }] };
    return { format: "sarif", text: JSON.stringify(merged, null, 2) + "\n" };
  }
  const reports = parsed as JsonReport[];
  const problem = checkShards(
    reports.map((r) => r.shard),
    names,
    reports.map((r) => Number(r.summary?.files ?? 0)),
  );
  if (problem) throw new Error(problem);
  const findings = reports.flatMap((r) => r.findings);
  // By file only, and stable: a file lives in one shard, which kept the engine's order within it.
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const summary: Record<string, number | boolean> = {};
  for (const r of reports)
    for (const [k, v] of Object.entries(r.summary)) summary[k] = typeof v === "boolean" ? summary[k] === true || v : Number(summary[k] ?? 0) + v;
  const { shard: _shard, ...head } = reports[0]!;
  void _shard;
  return { format: "json", text: JSON.stringify({ ...head, summary, findings, problems: uniq(reports.flatMap((r) => r.problems)) }, null, 2) + "\n" };
}
