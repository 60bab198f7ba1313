/**
 * `hardening-hints trend`: the project's findings per family over past commits, read from git
 * objects only (never the working tree or the index), with what is new and what was fixed from
 * one period to the next.
 *
 * Each period is represented by the last commit of the first-parent line made before its end.
 * A commit's files are listed with `git ls-tree` and read with `git cat-file --batch`; the engine
 * analyzes their text with a {@link TreeHost} that serves that commit's tree, so the project
 * profile, the `.hardeninghints.json` files and the `.gitignore` files are that commit's own.
 * A file's result is reused when its blob id, its resolved configuration, its project profile and
 * every other file the rules read for it (by blob id) are unchanged: across twelve monthly
 * commits most blobs are the same, so a year costs little more than one audit plus the changes.
 */
import * as path from "node:path";
import { version as VERSION } from "../../package.json";
import { allRules, analyze } from "../engine/analyze";
import { fingerprints, locate } from "../engine/audit";
import { defaultConfig, isIgnored, parseConfigText, CONFIG_FILE_NAME, type LoadedConfig } from "../engine/config/load";
import { gitignored, parseGitignore, PRUNED_DIRS } from "../engine/files";
import { SIDE_FILE_MAX_BYTES } from "../engine/read-file";
import { decodeSource } from "../engine/source";
import type { Problem, ProjectHost, ResolvedConfig } from "../engine/types";
import { isAnalyzablePath } from "../engine/walk";
import { computeProfile, findProjectRoot } from "../profile/detect";
import type { ProjectProfile } from "../profile/types";
import { familyRules } from "../rules";
import { profileReadsHold, recordingProfile, type ProfileReads } from "./trend-profile";
import { commitAt, listTree, MAX_BLOB_BYTES, readBlobs, repositoryOf, resolveCommit, type CommitInfo, type TreeEntry } from "./trend-git";

export const FAMILIES: readonly string[] = familyRules.map((r) => r.id);

/** How long a period is: calendar months, weeks (from Monday) or days, in UTC. */
export interface Step {
  unit: "month" | "week" | "day";
  n: number;
}

export interface Period {
  /** `2026-01` for a month, the first day (`2026-01-05`) otherwise. */
  label: string;
  /** Seconds since the epoch; the period is [start, end). */
  start: number;
  end: number;
  /** False for the last period when it ends at `until` before its full length (the current month). */
  complete: boolean;
}

export interface TrendFinding {
  /** Relative to the repository's top folder, `/`-separated. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  caseId: string;
  code: string;
  severity: string;
  message: string;
  /** The baseline's fingerprint (src/cli/baseline.ts): path, code and the line with string contents masked. */
  fingerprint: string;
}

/** A file that was not analyzed (binary, too large, unreadable) or only on a recovered tree (a syntax error). */
export interface TrendProblem {
  file: string;
  kind: Problem["kind"];
  message: string;
}

export interface PeriodResult extends Period {
  commit: CommitInfo | undefined;
  counts: Record<string, number>;
  total: number;
  /** Against the previous period (the first one: against the state at `since`). */
  new: Record<string, number>;
  fixed: Record<string, number>;
  newFindings: TrendFinding[];
  fixedFindings: TrendFinding[];
  /** Findings whose file was renamed or moved (same line, same code): neither new nor fixed. */
  moved: number;
  files: number;
  problems: TrendProblem[];
  /** Every finding of the period's commit, with {@link TrendOptions.keepFindings}. */
  findings?: TrendFinding[];
}

export interface TrendReport {
  tool: { name: "hardening-hints"; version: string };
  /** The repository's top folder and the audited folder inside it (`""` for all of it). */
  top: string;
  prefix: string;
  rev: string;
  step: Step;
  since: number;
  until: number;
  /** The state at `since`, which the first period is compared with. */
  start: { commit: CommitInfo | undefined; counts: Record<string, number>; total: number };
  periods: PeriodResult[];
  stats: { commits: number; blobsAnalyzed: number; blobsReused: number; durationMs: number };
}

export class TrendUsageError extends Error {}

const MAX_PERIODS = 400;
const DAY = 86_400;

/** `month`, `week`, `day`, `N months`, `N weeks`, `N days` (singular or plural). */
export function parseEvery(text: string): Step {
  const m = /^\s*(?:(\d{1,3})\s*)?(month|week|day)s?\s*$/i.exec(text);
  const n = m?.[1] === undefined ? 1 : Number(m[1]);
  if (!m || n < 1) throw new TrendUsageError(`--every must be month, week or N days (or N weeks, N months), not "${text}"`);
  return { unit: m[2]!.toLowerCase() as Step["unit"], n };
}

function addSteps(t: number, unit: Step["unit"], n: number): number {
  if (unit === "day") return t + n * DAY;
  if (unit === "week") return t + 7 * n * DAY;
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000;
}

/** The start of `t`'s month, week (Monday) or day, in UTC. */
function floorTo(t: number, unit: Step["unit"]): number {
  const d = new Date(t * 1000);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000;
  return unit === "week" ? day - ((d.getUTCDay() + 6) % 7) * DAY : day;
}

/** A date (`2026-01-15`, ISO 8601 with a time) or a span back from `until` (`6 months`, `2 weeks ago`, `1 year`). */
export function parseSince(text: string, until: number): number {
  const rel = /^\s*(\d{1,4})\s*(year|month|week|day)s?(?:\s+ago)?\s*$/i.exec(text);
  if (rel) {
    const unit = rel[2]!.toLowerCase();
    const n = Number(rel[1]);
    return unit === "year" ? addSteps(until, "month", -12 * n) : addSteps(until, unit as Step["unit"], -n);
  }
  if (/^\d{4}-\d{2}(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const iso = text.trim().length === 7 ? `${text.trim()}-01` : text.trim();
    const t = Date.parse(/[T ]/.test(iso) ? iso : `${iso}T00:00:00Z`);
    if (!Number.isNaN(t)) return Math.floor(t / 1000);
  }
  throw new TrendUsageError(`--since must be a date (2026-01-15) or a span such as "6 months", not "${text}"`);
}

/** The periods from `since` (aligned to its month, week or day) up to `until`, the last one possibly partial. */
export function periodsOf(since: number, until: number, step: Step): Period[] {
  const periods: Period[] = [];
  for (let start = floorTo(since, step.unit); start < until; start = addSteps(start, step.unit, step.n)) {
    if (periods.length >= MAX_PERIODS) throw new TrendUsageError(`more than ${MAX_PERIODS} periods; choose a later --since or a longer --every`);
    const full = addSteps(start, step.unit, step.n);
    const d = new Date(start * 1000).toISOString();
    periods.push({ label: step.unit === "month" ? d.slice(0, 7) : d.slice(0, 10), start, end: Math.min(full, until), complete: full <= until });
  }
  return periods;
}

interface Cached {
  /** Other files the rules read for this one: path from the top → blob id, or null when absent. */
  deps: Map<string, string | null>;
  /** The profile the result was made with, and what the rules read of it. */
  profile: ProjectProfile;
  profileReads: ProfileReads;
  findings: (TrendFinding & { contentPrint: string })[];
  problems: TrendProblem[];
}

interface State {
  commit: CommitInfo | undefined;
  findings: (TrendFinding & { contentPrint: string })[];
  problems: TrendProblem[];
  /** Every path of the tree (to tell a renamed file from a changed one). */
  paths: ReadonlySet<string>;
  files: number;
}

/** Keys of folder listings among a recording's reads (no path starts with a NUL). */
const LISTING = "\u0000dir:";

const EMPTY_STATE: State = { commit: undefined, findings: [], problems: [], paths: new Set(), files: 0 };

/**
 * A {@link ProjectHost} that serves one commit's tree: a path's text is its blob's (symbolic links
 * inside the tree followed), a folder's listing its tree's names. Nothing outside the top folder
 * exists. While {@link recording}, it notes the blob id of every path read.
 */
export class TreeHost implements ProjectHost {
  private readonly dirs = new Map<string, string[]>();
  private reads: Map<string, string | null> | undefined;

  constructor(
    private readonly top: string,
    readonly entries: ReadonlyMap<string, TreeEntry>,
    private readonly text: (e: TreeEntry) => string | undefined,
  ) {
    for (const rel of entries.keys()) {
      let child = rel;
      for (;;) {
        const slash = child.lastIndexOf("/");
        const dir = slash === -1 ? "" : child.slice(0, slash);
        const names = this.dirs.get(dir);
        const name = child.slice(slash + 1);
        if (names) {
          if (names[names.length - 1] !== name) names.push(name);
          break; // its ancestors are listed already
        }
        this.dirs.set(dir, [name]);
        if (dir === "") break;
        child = dir;
      }
    }
  }

  /** `absPath` relative to the top, `/`-separated; undefined outside it. */
  relOf(absPath: string): string | undefined {
    const rel = path.relative(this.top, absPath);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join("/");
  }

  /** The blob at `rel`, a symbolic link inside the tree followed (a few hops at most). */
  private blobAt(rel: string): TreeEntry | undefined {
    let at = rel;
    for (let hop = 0; hop < 8; hop++) {
      const e = this.entries.get(at);
      if (!e || e.type !== "blob") return undefined;
      if (e.mode !== "120000") return e;
      const target = this.text(e);
      if (target === undefined || target.startsWith("/")) return undefined;
      at = path.posix.normalize(path.posix.join(path.posix.dirname(at), target));
      if (at.startsWith("../")) return undefined;
    }
    return undefined;
  }

  private lookup(absPath: string): TreeEntry | undefined {
    const rel = this.relOf(absPath);
    if (rel === undefined || rel === "") return undefined;
    const e = this.blobAt(rel);
    this.reads?.set(rel, e ? e.oid : null);
    return e;
  }

  readFile(absPath: string): string | undefined {
    const e = this.lookup(absPath);
    return e && e.size <= SIDE_FILE_MAX_BYTES ? this.text(e) : undefined;
  }

  fileExists(absPath: string): boolean {
    return this.lookup(absPath) !== undefined;
  }

  listDir(absPath: string): readonly string[] | undefined {
    const rel = this.relOf(absPath);
    const names = rel === undefined ? undefined : this.dirs.get(rel);
    if (rel !== undefined) this.reads?.set(`${LISTING}${rel}`, names ? names.join("/") : null);
    return names;
  }

  /** Whether every path and listing in `deps` (from {@link recording}) is the same in this tree. */
  holds(deps: ReadonlyMap<string, string | null>): boolean {
    for (const [key, was] of deps) {
      const now = key.startsWith(LISTING) ? (this.dirs.get(key.slice(LISTING.length))?.join("/") ?? null) : (this.blobAt(key)?.oid ?? null);
      if (now !== was) return false;
    }
    return true;
  }

  /** Runs `work`, returning its value and the blob id (or null) of every path read meanwhile, and the names of every folder listed. */
  recording<T>(work: () => T): { value: T; deps: Map<string, string | null> } {
    this.reads = new Map();
    try {
      return { value: work(), deps: this.reads };
    } finally {
      this.reads = undefined;
    }
  }
}

export interface TrendOptions {
  /** A folder inside a git work tree: the trend covers the files under it. */
  root: string;
  /** The line of history to follow (default HEAD). */
  rev?: string;
  /** `--since`: a date or a span (default 12 periods back, aligned). */
  since?: string;
  /** `--every` (default `month`). */
  every?: string;
  /** The end of the last period, seconds since the epoch (default now). */
  until?: number;
  /** Each period also lists every finding of its commit (`findings`), not only what changed. */
  keepFindings?: boolean;
}

/** The trend of `opts.root`'s repository. Throws {@link TrendUsageError} or a git error. */
export function computeTrend(opts: TrendOptions): TrendReport {
  const t0 = performance.now();
  const step = parseEvery(opts.every ?? "month");
  const until = opts.until ?? Math.floor(Date.now() / 1000);
  const since = opts.since !== undefined ? parseSince(opts.since, until) : addSteps(floorTo(until, step.unit), step.unit, -12 * step.n);
  if (since >= until) throw new TrendUsageError("--since must be before --until");
  const periods = periodsOf(since, until, step);
  const repo = repositoryOf(opts.root);
  const top = path.resolve(repo.top);
  const rev = opts.rev ?? "HEAD";
  const tip = resolveCommit(top, rev);
  const auditor = new CommitAuditor(top, repo.prefix, path.join(top, ...repo.prefix.split("/").filter(Boolean)));

  const startState = auditor.stateAt(commitAt(top, tip, periods[0]!.start));
  let prev = startState;
  const results: PeriodResult[] = [];
  for (const p of periods) {
    const state = auditor.stateAt(commitAt(top, tip, p.end));
    results.push({ ...p, ...compare(prev, state), ...(opts.keepFindings ? { findings: state.findings.map(strip) } : {}) });
    prev = state;
  }
  return {
    tool: { name: "hardening-hints", version: VERSION },
    top,
    prefix: repo.prefix,
    rev,
    step,
    since: periods[0]!.start,
    until,
    start: { commit: startState.commit, counts: countByFamily(startState.findings), total: startState.findings.length },
    periods: results,
    stats: { commits: auditor.commits, blobsAnalyzed: auditor.analyzed, blobsReused: auditor.reused, durationMs: performance.now() - t0 },
  };
}

function countByFamily(findings: readonly { ruleId: string }[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

const strip = ({ contentPrint, ...f }: TrendFinding & { contentPrint: string }): TrendFinding => (void contentPrint, f);

/**
 * What is new and what was fixed from `before` to `after`, matched by the baseline's fingerprints
 * (a multiset: two equal lines are two findings). A finding left over on each side whose file
 * disappeared (before) and appeared (after), with the same code and line, is a move: neither.
 */
function compare(before: State, after: State): Omit<PeriodResult, keyof Period> {
  const left = new Map<string, number>();
  for (const f of before.findings) left.set(f.fingerprint, (left.get(f.fingerprint) ?? 0) + 1);
  const added: State["findings"] = [];
  for (const f of after.findings) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) left.set(f.fingerprint, n - 1);
    else added.push(f);
  }
  const removed: State["findings"] = [];
  for (const f of [...before.findings].reverse()) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) {
      left.set(f.fingerprint, n - 1);
      removed.unshift(f);
    }
  }
  // Moves: the same code and line in a file that is gone and one that is new.
  const gone = new Map<string, number>();
  for (const f of removed) if (!after.paths.has(f.file)) gone.set(f.contentPrint, (gone.get(f.contentPrint) ?? 0) + 1);
  const movedPrints: string[] = [];
  const newFindings = added.filter((f) => {
    const n = before.paths.has(f.file) ? 0 : (gone.get(f.contentPrint) ?? 0);
    if (n === 0) return true;
    gone.set(f.contentPrint, n - 1);
    movedPrints.push(f.contentPrint);
    return false;
  });
  const used = new Map<string, number>();
  for (const p of movedPrints) used.set(p, (used.get(p) ?? 0) + 1);
  const fixedFindings = removed.filter((f) => {
    const n = after.paths.has(f.file) ? 0 : (used.get(f.contentPrint) ?? 0);
    if (n === 0) return true;
    used.set(f.contentPrint, n - 1);
    return false;
  });
  return {
    commit: after.commit,
    counts: countByFamily(after.findings),
    total: after.findings.length,
    new: countByFamily(newFindings),
    fixed: countByFamily(fixedFindings),
    newFindings: newFindings.map(strip),
    fixedFindings: fixedFindings.map(strip),
    moved: movedPrints.length,
    files: after.files,
    problems: after.problems,
  };
}

/** Audits commits, one tree at a time, reusing the results of unchanged blobs across them. */
class CommitAuditor {
  private readonly results = new Map<string, Cached>();
  private readonly states = new Map<string, State>();
  /** Texts of the side files the rules and the profile read (manifests, configs), by blob id. */
  private readonly sideTexts = new Map<string, string | undefined>();
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private configCount = 0;
  /** The last profile computed per project root, with what it read. */
  private readonly profiles = new Map<string, { profile: ProjectProfile; deps: Map<string, string | null> }>();
  /** Every file without a config: one object, so its hash and compiled globs are shared. */
  private readonly fallback: ResolvedConfig;
  commits = 0;
  analyzed = 0;
  reused = 0;

  constructor(
    private readonly top: string,
    private readonly prefix: string,
    rootDir: string,
  ) {
    this.fallback = defaultConfig(rootDir);
  }

  stateAt(commit: CommitInfo | undefined): State {
    if (!commit) return EMPTY_STATE;
    let state = this.states.get(commit.id);
    if (!state) {
      state = this.audit(commit);
      this.states.set(commit.id, state);
    }
    return state;
  }

  private sideText(e: TreeEntry): string | undefined {
    if (this.sideTexts.has(e.oid)) return this.sideTexts.get(e.oid);
    const bytes = e.size <= SIDE_FILE_MAX_BYTES ? readBlobs(this.top, [e]).get(e.oid) : undefined;
    const raw = bytes?.toString("utf8");
    const text = raw !== undefined && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.sideTexts.set(e.oid, text);
    return text;
  }

  private abs(rel: string): string {
    return path.join(this.top, ...rel.split("/"));
  }

  /** A small id per configuration object (one per config file and blob id, so stable across commits). */
  private configId(config: ResolvedConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = ++this.configCount));
    return id;
  }

  /**
   * The profile of the project holding `abs` in this commit: the same object as in an earlier
   * commit when nothing the profile read (manifests, configs, folder listings) changed, so that a
   * result made with it is reused without further checks.
   */
  private profileOf(abs: string, host: TreeHost, rootOfDir: Map<string, string | undefined>): ProjectProfile {
    const dir = path.dirname(abs);
    if (!rootOfDir.has(dir)) rootOfDir.set(dir, findProjectRoot(host, abs));
    const root = rootOfDir.get(dir);
    const key = root ?? dir;
    const known = this.profiles.get(key);
    if (known && host.holds(known.deps)) return known.profile;
    const { value: profile, deps } = host.recording(() => computeProfile(host, key, root !== undefined));
    this.profiles.set(key, { profile, deps });
    return profile;
  }

  private audit(commit: CommitInfo): State {
    this.commits++;
    const entries = listTree(this.top, commit.id);
    const host = new TreeHost(this.top, entries, (e) => this.sideText(e));
    const problems: TrendProblem[] = [];
    const configOf = this.configResolver(entries, problems);
    const ignored = this.ignoreChecker(entries, configOf);
    const rootOfDir = new Map<string, string | undefined>();

    type Job = { rel: string; abs: string; entry: TreeEntry; config: ResolvedConfig; profile: ProjectProfile; key: string; check?: Cached };
    const todo: Job[] = [];
    const done = new Map<string, Cached>();
    for (const [rel, entry] of entries) {
      // Regular files only: a symbolic link is not followed, as the folder walk of `audit` does not.
      if (entry.type !== "blob" || entry.mode === "120000" || !rel.startsWith(this.prefix)) continue;
      const abs = this.abs(rel);
      if (!isAnalyzablePath(abs) || ignored(rel)) continue;
      const config = configOf(rel);
      const profile = this.profileOf(abs, host, rootOfDir);
      const key = `${rel}\u0000${this.configId(config)}\u0000${entry.oid}`;
      const hit = this.results.get(key);
      const holds = hit && host.holds(hit.deps) ? (hit.profile === profile ? true : profileReadsHold(hit.profileReads, profile)) : false;
      if (holds === true) {
        this.reused++;
        done.set(rel, hit!);
      } else if (entry.size > MAX_BLOB_BYTES || entry.size > config.maxFileSizeKb * 1024 * 4) {
        const kb = Math.ceil(entry.size / 1024);
        done.set(rel, { deps: new Map(), profile, profileReads: new Map(), findings: [], problems: [{ file: rel, kind: "tooLarge", message: `skipped, ${kb} KB is over the ${config.maxFileSizeKb} KB limit (maxFileSizeKb)` }] });
      } else todo.push({ rel, abs, entry, config, profile, key, check: holds === "text" ? hit : undefined });
    }
    // One read for the blobs to analyze and those whose runtime answers need their text to be checked.
    const blobs = readBlobs(this.top, todo.map((t) => t.entry));
    for (const t of todo) {
      const bytes = blobs.get(t.entry.oid);
      if (t.check && bytes !== undefined) {
        const decoded = decodeSource(bytes, t.abs);
        if (decoded.ok && profileReadsHold(t.check.profileReads, t.profile, decoded.text) === true) {
          this.reused++;
          done.set(t.rel, t.check);
          continue;
        }
      }
      const result = bytes === undefined ? { deps: new Map(), profile: t.profile, profileReads: new Map(), findings: [], problems: [{ file: t.rel, kind: "unreadable" as const, message: `blob ${t.entry.oid} cannot be read` }] } : this.analyzeBlob(t.rel, t.abs, bytes, t.config, t.profile, host);
      this.analyzed++;
      this.results.set(t.key, result);
      done.set(t.rel, result);
    }
    const findings: State["findings"] = [];
    for (const rel of [...done.keys()].sort()) {
      findings.push(...done.get(rel)!.findings);
      problems.push(...done.get(rel)!.problems);
    }
    return { commit, findings, problems, paths: new Set(entries.keys()), files: done.size };
  }

  private analyzeBlob(rel: string, abs: string, bytes: Buffer, config: ResolvedConfig, profile: ProjectProfile, host: TreeHost): Cached {
    const decoded = decodeSource(bytes, abs);
    if (!decoded.ok) return { deps: new Map(), profile, profileReads: new Map(), findings: [], problems: [this.problemOf(rel, abs, decoded.problem)] };
    const text = decoded.text;
    const profileReads: ProfileReads = new Map();
    const { value: result, deps } = host.recording(() => analyze({ path: abs, text, config, project: host, profile: recordingProfile(profile, profileReads, text), fixes: false }));
    const located = locate(result, text, this.top);
    const families = new Set(FAMILIES);
    // The same prints without the path: a renamed file's findings match by these.
    const contentPrints = fingerprints({ ...result, path: path.join(this.top, "\u0000") }, text, this.top);
    const findings = located.findings.flatMap((f, i) =>
      f.suppression || !families.has(f.ruleId) ? [] : [{ file: rel, line: f.loc.start.line, column: f.loc.start.column, ruleId: f.ruleId, caseId: f.caseId, code: f.code, severity: f.severity, message: f.message, fingerprint: f.fingerprint, contentPrint: contentPrints[i]! }],
    );
    deps.delete(rel);
    return { deps, profile, profileReads, findings, problems: result.problems.map((p) => this.problemOf(rel, abs, p)) };
  }

  /** A problem with the path in its message relative to the top, as the table shows files. */
  private problemOf(rel: string, abs: string, p: Problem): TrendProblem {
    const message = p.message.startsWith(abs) ? p.message.slice(abs.length).replace(/^:\s*/, "") : p.message;
    return { file: rel, kind: p.kind, message };
  }

  /** Each file's configuration: the nearest `.hardeninghints.json` of this commit at or above its folder. */
  private configResolver(entries: ReadonlyMap<string, TreeEntry>, problems: TrendProblem[]): (rel: string) => ResolvedConfig {
    const byDir = new Map<string, ResolvedConfig>();
    const reported = new Set<string>();
    const forDir = (dir: string): ResolvedConfig => {
      let config = byDir.get(dir);
      if (config) return config;
      const rel = dir === "" ? CONFIG_FILE_NAME : `${dir}/${CONFIG_FILE_NAME}`;
      const e = entries.get(rel);
      if (e) {
        const key = `${rel}\u0000${e.oid}`;
        let loaded = this.configs.get(key);
        if (!loaded) {
          const text = e.type === "blob" && e.mode !== "120000" ? this.sideText(e) : undefined;
          const abs = this.abs(rel);
          loaded = text === undefined ? { config: defaultConfig(path.dirname(abs)), problems: [{ kind: "configError", file: abs, message: `${abs}: not a readable file` }] } : parseConfigText(text, abs, allRules);
          this.configs.set(key, loaded);
        }
        if (!reported.has(rel)) {
          reported.add(rel);
          for (const p of loaded.problems) problems.push(this.problemOf(rel, this.abs(rel), p));
        }
        config = loaded.config;
      } else config = dir === "" ? this.fallback : forDir(dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "");
      byDir.set(dir, config);
      return config;
    };
    return (rel) => forDir(rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "");
  }

  /**
   * Whether a file is ignored as `audit` would ignore it in that commit's checkout: under a pruned
   * folder (node_modules, .git), by a `.gitignore` of the commit, or by a configuration's globs
   * (the built-in ones included). Folders at or above the audited root are not judged.
   */
  private ignoreChecker(entries: ReadonlyMap<string, TreeEntry>, configOf: (rel: string) => ResolvedConfig): (rel: string) => boolean {
    type Rules = ReturnType<typeof parseGitignore>;
    const rulesByDir = new Map<string, Rules>();
    const rulesOf = (dir: string): Rules => {
      let rules = rulesByDir.get(dir);
      if (rules) return rules;
      const parent = dir === "" ? [] : rulesOf(dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "");
      const e = entries.get(dir === "" ? ".gitignore" : `${dir}/.gitignore`);
      const text = e && e.type === "blob" && e.size <= 256 * 1024 ? this.sideText(e) : undefined;
      rules = text === undefined ? parent : [...parent, ...parseGitignore(text, this.abs(dir))];
      rulesByDir.set(dir, rules);
      return rules;
    };
    const rootDepth = this.prefix.split("/").filter(Boolean).length;
    const dirVerdicts = new Map<string, boolean>();
    const dirIgnored = (dir: string): boolean => {
      if (dir.split("/").length <= rootDepth || dir === "") return false;
      let verdict = dirVerdicts.get(dir);
      if (verdict !== undefined) return verdict;
      const slash = dir.lastIndexOf("/");
      const parent = slash === -1 ? "" : dir.slice(0, slash);
      const abs = this.abs(dir);
      // As files.ts dirIgnored: a glob matching the folder itself or every path inside it.
      const probe = `${abs}/\u0000`;
      const config = configOf(`${dir}/\u0000`);
      verdict = dirIgnored(parent) || PRUNED_DIRS.has(dir.slice(slash + 1)) || gitignored(rulesOf(parent), abs, true) || isIgnored(abs, config) || isIgnored(probe, config);
      dirVerdicts.set(dir, verdict);
      return verdict;
    };
    return (rel) => {
      const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
      const abs = this.abs(rel);
      return dirIgnored(dir) || gitignored(rulesOf(dir), abs, false) || isIgnored(abs, configOf(rel));
    };
  }
}

const NOUNS: Record<string, [string, string]> = {
  "swallowed-exception": ["swallowed exception", "swallowed exceptions"],
  "unvalidated-boundary": ["unvalidated input", "unvalidated inputs"],
  "hardcoded-secret": ["hard-coded secret", "hard-coded secrets"],
  "unbounded-call": ["unbounded call", "unbounded calls"],
};

/** "3 swallowed exceptions", "1 hard-coded secret". */
export function countOf(family: string, n: number): string {
  const [one, many] = NOUNS[family] ?? [`${family} finding`, `${family} findings`];
  return `${n} ${n === 1 ? one : many}`;
}

/** The folder a finding is grouped under: its file's folder, at most two levels deep (`src/jobs`). */
export function topFolder(file: string): string {
  const parts = file.split("/").slice(0, -1);
  return parts.length === 0 ? "the top folder" : parts.slice(0, 2).join("/");
}

/** How the last period is named in a sentence: "since last month", or "in 2026-11" for a closed one. */
function whenOf(report: TrendReport, p: PeriodResult): string {
  if (p.complete) return `in ${p.label}`;
  const unit = report.step.n === 1 ? report.step.unit : undefined;
  return unit ? `since last ${unit}` : `since ${new Date(p.start * 1000).toISOString().slice(0, 10)}`;
}

/**
 * What changed in the last period of a trend, most first: new findings grouped by family and
 * folder (`4 new swallowed exceptions in src/jobs`), then what was fixed per family.
 */
export function trendChanges(report: TrendReport, max = 5): string[] {
  const last = report.periods[report.periods.length - 1];
  if (!last) return [];
  const groups = new Map<string, { family: string; folder: string; n: number }>();
  for (const f of last.newFindings) {
    const folder = topFolder(f.file);
    const g = groups.get(`${f.ruleId}\u0000${folder}`) ?? { family: f.ruleId, folder, n: 0 };
    g.n++;
    groups.set(`${f.ruleId}\u0000${folder}`, g);
  }
  const sorted = [...groups.values()].sort((a, b) => b.n - a.n || (a.family < b.family ? -1 : a.family > b.family ? 1 : a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  const lines = sorted.slice(0, max).map((g) => `${countOf(g.family, g.n).replace(/^(\d+) /, "$1 new ")} in ${g.folder}`);
  const fixed = FAMILIES.filter((f) => (last.fixed[f] ?? 0) > 0).map((f) => `${countOf(f, last.fixed[f]!)} fixed`);
  if (fixed.length > 0) lines.push(fixed.join(", "));
  if (lines.length === 0) lines.push("no new findings");
  return lines;
}

/** {@link trendChanges}, each line saying when: `since last month: 4 new swallowed exceptions in src/jobs`. */
export function trendLines(report: TrendReport, max = 5): string[] {
  const last = report.periods[report.periods.length - 1];
  return last ? trendChanges(report, max).map((line) => `${whenOf(report, last)}: ${line}`) : [];
}

/**
 * The trend for `hardening-hints agents`: what changed from the start of last month to HEAD, for
 * a folder at the top of a git work tree (a project folder inside another repository, such as a
 * test fixture, gets none). Undefined when there is no such history or git cannot read it.
 */
export function agentsTrend(root: string, now = Math.floor(Date.now() / 1000)): { since: string; lines: string[] } | undefined {
  const since = addSteps(floorTo(now, "month"), "month", -1);
  try {
    if (repositoryOf(root).prefix !== "") return undefined;
    // One period from the start of last month up to now: HEAD against the last commit before it.
    const report = computeTrend({ root, since: new Date(since * 1000).toISOString(), every: "2 months", until: now });
    if (!report.start.commit) return undefined; // no history before last month: nothing to compare with
    return { since: `the start of last month (${new Date(since * 1000).toISOString().slice(0, 10)})`, lines: trendChanges(report) };
  } catch (err: unknown) {
    void err; // not a repository, no git, no history: the section goes without a trend
    return undefined;
  }
}
