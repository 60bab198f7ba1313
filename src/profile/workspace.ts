import * as path from "node:path";
import type { ProjectHost } from "../engine/types";
import { ts } from "../engine/ts";
import { asObject, readJson } from "./read-json";

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

/** Folders a package's built files are written to, whose sources are under `src/` (`dist/index.js` → `src/index.ts`). */
const BUILD_DIR_RE = /^(?:dist|build|lib|out)\/(?:(?:esm|cjs|es|mjs|types)\/)?/;
/** Conditions of an `exports` target read for source, in order (TypeScript's for types first, then Node's for an import). */
const CONDITIONS = ["types", "typings", "source", "import", "module", "node", "default", "require"];

/** A package of the workspace: its folder and what its package.json says of its entry points. */
interface WorkspacePackage {
  dir: string;
  exports: unknown;
  fields: readonly string[];
}

/** The workspace's own packages by name (`@homarr/db` → `packages/db`), and where their specifiers lead. */
export interface WorkspacePackages {
  /**
   * The absolute candidates for `spec` (`@homarr/db`, `@homarr/db/schema`) when it names a package of
   * the workspace, in the order they are to be tried (each with the usual extensions); undefined when
   * it names none.
   */
  resolve(spec: string): readonly string[] | undefined;
  /** The package names, for a test or a profile dump. */
  readonly names: readonly string[];
  /** Package manifests that were left out (did not parse), one line each. */
  readonly problems: readonly string[];
}

/**
 * The packages of the workspace around `root` (see {@link workspaceDependencies} for how it is found),
 * by their package.json `name`: a monorepo's `import { db } from "@homarr/db"` names a folder of the
 * same repository, resolved as Node and TypeScript resolve it for source (`exports` with its
 * `types`/`import`/`default` conditions and `./*` patterns, else `types`, `module`, `main`, else
 * `src/index` and `index`; a built target such as `dist/index.js` tried under `src/` too).
 * Each package.json is read once; one that does not parse is said in `problems`; nothing throws.
 */
export function workspacePackagesOf(host: ProjectHost, root: string): WorkspacePackages {
  const byName = new Map<string, WorkspacePackage>();
  const problems: string[] = [];
  const p = path.posix;
  let dir = root.replace(/\\/g, "/");
  for (let up = 0; host.listDir && up <= 4; up++) {
    const patterns = workspacePatterns(host, dir);
    if (patterns) {
      for (const d of packageDirs(host, dir, patterns)) {
        const file = p.join(d, "package.json");
        const raw = host.readFile(file);
        if (raw === undefined) continue;
        const { config, error } = ts.parseConfigFileTextToJson(file, raw);
        if (error) {
          problems.push(`${file}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n").split("\n")[0]}; its package is not resolved`);
          continue;
        }
        const pkg = asObject(config);
        const name = pkg?.name;
        if (typeof name !== "string" || name === "" || byName.has(name)) continue;
        const fields = ["types", "typings", "module", "main"].map((k) => pkg![k]).filter((v): v is string => typeof v === "string");
        byName.set(name, { dir: d, exports: pkg!.exports, fields });
      }
      break;
    }
    const parent = p.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return {
    names: [...byName.keys()],
    problems,
    resolve(spec) {
      if (byName.size === 0 || spec.startsWith(".") || spec.startsWith("/")) return undefined;
      const segs = spec.split("/");
      const name = spec.startsWith("@") ? segs.slice(0, 2).join("/") : segs[0]!;
      const pkg = byName.get(name);
      if (!pkg) return undefined;
      const sub = spec.length > name.length ? `.${spec.slice(name.length)}` : ".";
      return entryCandidates(pkg, sub);
    },
  };
}

/** The candidates of subpath `sub` (`.`, `./schema`) of a package, absolute, each built target followed by its source. */
function entryCandidates(pkg: WorkspacePackage, sub: string): string[] {
  const p = path.posix;
  let targets: string[];
  const exp = pkg.exports;
  if (exp !== undefined && exp !== null) {
    targets = exportTargets(exp, sub);
  } else if (sub === ".") {
    // An entry field may omit the `./` (`"main": "dist/index.js"`); an `exports` target may not.
    targets = [...pkg.fields.map((f) => (f.startsWith("./") ? f : `./${f}`)), "./src/index", "./index"];
  } else {
    targets = [sub, `./src/${sub.slice(2)}`];
  }
  const out: string[] = [];
  for (const t of targets) {
    if (!t.startsWith("./")) continue;
    const rel = p.normalize(t.slice(2)).replace(/\.d\.([cm]?)ts$/, ".$1js");
    if (rel.startsWith("..")) continue;
    out.push(p.join(pkg.dir, rel));
    if (BUILD_DIR_RE.test(rel)) out.push(p.join(pkg.dir, rel.replace(BUILD_DIR_RE, "src/")));
  }
  return [...new Set(out)];
}

/** The targets `exports` gives subpath `sub`: a string or condition object for `.`, else a subpath map's exact key or its longest `*` pattern. */
function exportTargets(exp: unknown, sub: string): string[] {
  const map = asObject(exp);
  const subpaths = map && Object.keys(map).some((k) => k.startsWith("."));
  if (!subpaths) return sub === "." ? conditionTargets(exp, 0) : [];
  if (sub in map!) return conditionTargets(map![sub], 0);
  let best: { prefix: string; suffix: string; value: unknown } | undefined;
  for (const [key, value] of Object.entries(map!)) {
    const star = key.indexOf("*");
    if (star < 0 || star !== key.lastIndexOf("*")) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (sub.length < prefix.length + suffix.length || !sub.startsWith(prefix) || !sub.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix.length) best = { prefix, suffix, value };
  }
  if (!best) return [];
  const star = sub.slice(best.prefix.length, sub.length - best.suffix.length);
  return conditionTargets(best.value, 0).map((t) => t.split("*").join(star));
}

/** A target's strings in the order they are tried: itself, an array's items, a condition object's values by {@link CONDITIONS}. */
function conditionTargets(value: unknown, depth: number): string[] {
  if (typeof value === "string") return [value];
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => conditionTargets(v, depth + 1));
  const o = asObject(value);
  if (!o) return [];
  const keys = Object.keys(o).sort((a, b) => rank(a) - rank(b));
  return keys.flatMap((k) => conditionTargets(o[k], depth + 1));
}

function rank(condition: string): number {
  const i = CONDITIONS.indexOf(condition);
  return i < 0 ? CONDITIONS.length : i;
}
