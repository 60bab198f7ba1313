import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { AuditedFile } from "../engine/audit";
import type { ProjectHost, ResolvedConfig } from "../engine/types";
import { profileCacheFor } from "../profile/cache";
import { isTracked } from "../profile/git";
import { ProjectFiles } from "../rules/unvalidated-boundary/elsewhere";
import { writeFileCarefully } from "./write";

/**
 * `--cache`: results of unchanged files are reused across runs. A file's entry is keyed by
 *  - its bytes,
 *  - its resolved configuration,
 *  - the tool version, the output mode (with or without fixes) and the report root,
 *  - the project profile the rules read for it (runtime, module system, dependencies, logger,
 *    validator, env example file, `no-console`, the TypeScript target);
 * and it lists every other file the rules read while analysing it (an `.env.example`, a logger
 * module, a module of the project a cross-module read followed), each with a hash of what was read
 * then, and every folder they listed (where route modules are searched for), with a hash of its names. The profile's parts read on a rule's first question (the import aliases' tsconfig and
 * package.json, the OpenAPI document, the workspace manifests) are read again through the host for
 * each file that uses them, so they are listed for every such file, not only the first to ask.
 * A result that consulted the project's importers index (which files import the analysed one:
 * src/profile/importers.ts) also lists a hash of the index's edges; the index is built once per run
 * by whichever file asks first, so a later file reads no other file's text through it, and an
 * existing file that starts importing a module (no folder changes) must still be seen. A run checks
 * such an entry against the index it builds anyway (once per project root).
 * Any difference is a miss. A cache that cannot
 * be read or has the wrong shape is rebuilt with a warning, never trusted.
 */
// 2: findings carry `confidence` and the lowered severity of a low-confidence finding.
// 3: entries list the folders listed while analysing, by a hash of their names.
// 4: entries that consulted the importers index list its edges' hash.
const FORMAT = 4;
/** How a folder listing is keyed among an entry's `deps` (no file path holds a NUL). */
const LISTING = "\0listing:";
/** How the importers index of a project root is keyed among an entry's `deps`: → hash of its edges. */
const IMPORTERS = "\0importers:";

interface Entry {
  key: string;
  /** Other files read while analysing this one: path → hash of the text then, or null when absent; {@link LISTING} + folder → hash of its names. */
  deps: Record<string, string | null>;
  result: AuditedFile;
  /** Whether git tracked the file, for a result with a hardcoded-secret finding (its message says to rotate a committed secret); null: unknown. */
  tracked?: boolean | null;
}

interface CacheFile {
  format: typeof FORMAT;
  entries: Record<string, Entry>;
}

const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A stable text for a profile or a config: sets and maps as sorted arrays, functions left out. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Set) return [...(v as Set<unknown>)].sort();
    if (v instanceof Map) return [...(v as Map<unknown, unknown>)].sort();
    if (typeof v === "function") return undefined;
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** Configs and profiles are shared objects (one per folder, one per project): each is hashed once. */
const hashes = new WeakMap<object, string>();
function hashOf(value: object): string {
  let h = hashes.get(value);
  if (h === undefined) {
    h = sha(stable(value));
    hashes.set(value, h);
  }
  return h;
}

/**
 * A host that notes every file the rules read through it, so a cache entry knows what else its
 * result depends on. One instance serves the whole run (the project profile is cached per host).
 */
export class RecordingHost implements ProjectHost {
  private reads: Map<string, string | undefined> | undefined;
  private listings: Map<string, readonly string[] | undefined> | undefined;
  private importers: Map<string, { edges(): string }> | undefined;

  constructor(private readonly inner: ProjectHost) {}

  readFile(absPath: string): string | undefined {
    const text = this.inner.readFile(absPath);
    this.reads?.set(absPath, text);
    return text;
  }

  fileExists(absPath: string): boolean {
    return this.readFile(absPath) !== undefined;
  }

  realPath(absPath: string): string {
    return this.inner.realPath ? this.inner.realPath(absPath) : absPath;
  }

  listDir(absPath: string): readonly string[] | undefined {
    if (!this.inner.listDir) return undefined;
    const names = this.inner.listDir(absPath);
    // A route module added to a folder the rules searched (unvalidated-boundary's registrations) changes their answer.
    this.listings?.set(absPath, names);
    return names;
  }

  consultedImporters(root: string, index: { edges(): string }): void {
    this.importers?.set(root, index);
  }

  /** Runs `work` and returns its result with the files read meanwhile, hashed. */
  recording<T>(work: () => T): { value: T; deps: Record<string, string | null> } {
    this.reads = new Map();
    this.listings = new Map();
    this.importers = new Map();
    try {
      const value = work();
      const deps: Record<string, string | null> = {};
      // The git index is read once per run, by whichever file asks first, and changes with every
      // commit: it is no one file's input. What a result takes from it is checked per entry (`tracked`).
      for (const [p, text] of this.reads) if (!GIT_PATH.test(p)) deps[p] = text === undefined ? null : sha(text);
      for (const [p, names] of this.listings) if (!GIT_PATH.test(p)) deps[LISTING + p] = listingHash(names);
      for (const [root, index] of this.importers) deps[IMPORTERS + root] = edgesHash(index);
      return { value, deps };
    } finally {
      this.reads = undefined;
      this.listings = undefined;
      this.importers = undefined;
    }
  }
}

export interface KeyParts {
  version: string;
  fixes: boolean;
  root: string;
}

export class AuditCache {
  private entries: Record<string, Entry>;
  private dirty = false;
  /** The importers index's edges hash per project root, as this run sees it (computed once). */
  private readonly edgesNow = new Map<string, string | null>();

  private constructor(
    readonly location: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  /** Loads the cache at `location`; a missing one is empty, a broken one is empty and said once. */
  static load(location: string, warn: (message: string) => void): AuditCache {
    let raw: string;
    try {
      raw = fs.readFileSync(location, "utf8");
    } catch (err: unknown) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") warn(`cache ${location} cannot be read (${code ?? String(err)}); it is rebuilt`);
      return new AuditCache(location, {});
    }
    try {
      const parsed = JSON.parse(raw) as Partial<CacheFile>;
      const ok = parsed && typeof parsed === "object" && parsed.format === FORMAT && parsed.entries && typeof parsed.entries === "object" && !Array.isArray(parsed.entries) && Object.values(parsed.entries).every(isEntry);
      if (ok) return new AuditCache(location, Object.assign(Object.create(null) as Record<string, Entry>, parsed.entries));
    } catch (err: unknown) {
      void err; // reported below, with the others
    }
    warn(`cache ${location} is corrupt or from another version; it is rebuilt`);
    const fresh = new AuditCache(location, {});
    fresh.dirty = true;
    return fresh;
  }

  /** The key of `file` as it is now. */
  static key(file: string, bytes: Uint8Array, config: ResolvedConfig, host: ProjectHost, parts: KeyParts): string {
    const profile = profileCacheFor(host).get(file);
    return sha(`${parts.version}\0${parts.fixes}\0${parts.root}\0${file}\0${hashOf(config)}\0${hashOf(profile)}\0${sha(bytes)}`);
  }

  /** The stored result, when the key matches and every other file it read is unchanged. */
  get(file: string, key: string, host: ProjectHost): AuditedFile | undefined {
    const e = this.entries[file];
    if (!e || e.key !== key) return undefined;
    for (const [dep, hash] of Object.entries(e.deps)) {
      if (dep.startsWith(IMPORTERS)) {
        if (this.currentEdges(file, dep.slice(IMPORTERS.length), host) !== hash) return undefined;
        continue;
      }
      if (dep.startsWith(LISTING)) {
        if (listingHash(host.listDir?.(dep.slice(LISTING.length))) !== hash) return undefined;
        continue;
      }
      const text = host.readFile(dep);
      if ((text === undefined ? null : sha(text)) !== hash) return undefined;
    }
    if (readsTracked(e.result) && e.tracked !== (isTracked(host, file) ?? null)) return undefined;
    return e.result;
  }

  /**
   * The hash of the importers index of `root` now: the index of the profile that holds `file`, built
   * as a rule builds it (src/rules/unvalidated-boundary/elsewhere.ts) and kept with the profile, so
   * the files analysed afterwards in this run use it; null when that profile has another root or no index.
   */
  private currentEdges(file: string, root: string, host: ProjectHost): string | null {
    let h = this.edgesNow.get(root);
    if (h === undefined) {
      const profile = profileCacheFor(host).get(file);
      const resolver = new ProjectFiles(host, file, profile);
      const index = profile.root === root ? profile.importers?.((from, spec) => resolver.resolve(from, spec)) : undefined;
      h = index ? edgesHash(index) : null;
      this.edgesNow.set(root, h);
    }
    return h;
  }

  set(file: string, key: string, deps: Record<string, string | null>, result: AuditedFile, host: ProjectHost): void {
    this.entries[file] = { key, deps, result, ...(readsTracked(result) ? { tracked: isTracked(host, file) ?? null } : {}) };
    this.dirty = true;
  }

  /** Keeps only the entries of `files` (so deleted files do not grow the cache) and writes it atomically. */
  save(files: readonly string[]): string | undefined {
    const keep = new Set(files);
    for (const f of Object.keys(this.entries))
      if (!keep.has(f)) {
        delete this.entries[f];
        this.dirty = true;
      }
    if (!this.dirty) return undefined;
    const data: CacheFile = { format: FORMAT, entries: this.entries };
    fs.mkdirSync(path.dirname(this.location), { recursive: true });
    const out = writeFileCarefully(this.location, Buffer.from(JSON.stringify(data)), { root: path.dirname(this.location) });
    return out.ok ? undefined : `cannot write the cache ${this.location}: ${out.why}`;
  }
}

/** One index's edges are hashed once, however many entries list them. */
const edgeHashes = new WeakMap<object, string>();
function edgesHash(index: { edges(): string }): string {
  let h = edgeHashes.get(index);
  if (h === undefined) {
    h = sha(index.edges());
    edgeHashes.set(index, h);
  }
  return h;
}

const GIT_PATH = /[\\/]\.git(?:[\\/]|$)/;

/**
 * The names of a folder the rules look for, as they saw them: its scripts and its subfolders (names
 * without a dot), sorted (a listing comes in the file system's order); null when it could not be
 * listed. Other names are left out, the cache file itself among them (written after the first run).
 */
function listingHash(names: readonly string[] | undefined): string | null {
  return names === undefined ? null : sha(names.filter((n) => LISTED_RE.test(n)).sort().join("\0"));
}
const LISTED_RE = /^[^.]+$|\.(?:[cm]?[jt]s|[jt]sx)$/;

/** A hardcoded-secret finding's message depends on whether git tracks the file (src/profile/git.ts). */
const readsTracked = (result: AuditedFile) => result.findings.some((f) => f.ruleId === "hardcoded-secret");

function isEntry(e: unknown): e is Entry {
  if (!e || typeof e !== "object") return false;
  const x = e as Partial<Entry>;
  return typeof x.key === "string" && !!x.deps && typeof x.deps === "object" && !!x.result && typeof x.result === "object" && Array.isArray(x.result.findings) && Array.isArray(x.result.problems) && typeof x.result.path === "string";
}
