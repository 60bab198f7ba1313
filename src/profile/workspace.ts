import * as path from "node:path";
import type { ProjectHost } from "../engine/types";
import { readJson } from "./read-json";

/**
 * The dependency names of every package of the workspace around `root` (empty when `root` is in
 * none): OpenPanel's `packages/redis` builds the ioredis connections that `packages/queue` and
 * `apps/worker` hand to BullMQ, and only those siblings name bullmq. The workspace root is the
 * nearest folder at or above `root` (four levels at most) with a `pnpm-workspace.yaml` or a
 * package.json `workspaces`; its patterns are read as written (`apps/*`, `packages/**` to two
 * levels, a plain folder), each package's package.json once.
 */
export function workspaceDependencies(host: ProjectHost, root: string): ReadonlySet<string> {
  const names = new Set<string>();
  if (!host.listDir) return names;
  const p = path.posix;
  let dir = root.replace(/\\/g, "/");
  for (let up = 0; up <= 4; up++) {
    const patterns = workspacePatterns(host, dir);
    if (patterns) {
      for (const d of packageDirs(host, dir, patterns)) addDependencies(host, d, names);
      return names;
    }
    const parent = p.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return names;
}

/** The package patterns of a workspace root, or undefined when `dir` is none. */
function workspacePatterns(host: ProjectHost, dir: string): string[] | undefined {
  const yaml = host.readFile(path.posix.join(dir, "pnpm-workspace.yaml"));
  if (yaml !== undefined) {
    // The `packages:` list, line by line: its items, blank lines and comments, up to the next key.
    const lines = yaml.split("\n");
    const start = lines.findIndex((l) => /^packages:[ \t\r]*$/.test(l));
    const patterns: string[] = [];
    for (const line of start === -1 ? [] : lines.slice(start + 1)) {
      const t = line.trim();
      if (t === "" || t.startsWith("#")) continue;
      const item = /^-[ \t]*["']?([^"'\s#]+)/.exec(t);
      if (!item) break;
      patterns.push(item[1]!);
    }
    return patterns;
  }
  const ws = readJson(host, path.posix.join(dir, "package.json"))?.workspaces;
  const list = Array.isArray(ws) ? ws : ws !== null && typeof ws === "object" ? (ws as Record<string, unknown>).packages : undefined;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : undefined;
}

/** The folders a workspace's patterns name, the root's own included. */
function packageDirs(host: ProjectHost, root: string, patterns: readonly string[]): string[] {
  const p = path.posix;
  const dirs = [root];
  const children = (d: string) => (host.listDir!(d) ?? []).filter((n) => !n.startsWith(".") && n !== "node_modules").map((n) => p.join(d, n));
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    const m = /^(.*?)\/?(\*\*?)$/.exec(pattern);
    if (!m) {
      dirs.push(p.join(root, pattern));
      continue;
    }
    const base = p.join(root, m[1]!);
    const first = children(base);
    dirs.push(...first);
    if (m[2] === "**") for (const d of first) dirs.push(...children(d));
  }
  return dirs.slice(0, 400);
}

function addDependencies(host: ProjectHost, dir: string, names: Set<string>): void {
  const pkg = readJson(host, path.posix.join(dir, "package.json"));
  for (const key of ["dependencies", "devDependencies", "peerDependencies"]) {
    const deps = pkg?.[key];
    if (deps !== null && typeof deps === "object") for (const n of Object.keys(deps)) names.add(n);
  }
}
