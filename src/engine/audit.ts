import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules, analyze } from "./analyze";
import { ConfigResolver, listSourceFiles } from "./files";
import { FsProjectHost } from "./project-host";
import { withoutSecretFixes } from "./redact";
import { decodeSource } from "./source";
import type { AnalysisResult, Finding, Fix, Problem, ProjectHost, RelatedLocation, ResolvedConfig, TextEdit } from "./types";

/** Files larger than this many bytes are not even read (a config limit applies below it). */
const HARD_READ_LIMIT = 64 * 1024 * 1024;

export interface AuditOptions {
  /** Folder that relative paths in reports are relative to (SARIF %SRCROOT%). */
  cwd: string;
  /** `--config FILE`: one config for every file instead of walking up. */
  configFile?: string;
  noIgnore?: boolean;
  /** Build fixes (SARIF and JSON carry them). */
  fixes?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  isCancelled?: () => boolean;
}

/** 1-based line and column (UTF-16 code units), as SARIF and text output show them. */
export interface Position {
  line: number;
  column: number;
}

export interface Located {
  start: Position;
  end: Position;
}

export type LocatedEdit = TextEdit & { loc?: Located };
export type LocatedFix = Omit<Fix, "edits"> & { edits: LocatedEdit[] };
export type LocatedFinding = Omit<Finding, "fixes" | "related"> & {
  loc: Located;
  fingerprint: string;
  related: (RelatedLocation & { loc?: Located })[];
  fixes: LocatedFix[];
};

/** A file's result with positions computed while its text is at hand, so the text can be dropped. */
export interface AuditedFile extends Omit<AnalysisResult, "findings"> {
  findings: LocatedFinding[];
}

export interface AuditResult {
  root: string;
  files: string[];
  results: AuditedFile[];
  /** Config errors and path errors (not per-file problems, which live in results). */
  problems: Problem[];
  durationMs: number;
  cancelled: boolean;
}

/** Line-start offsets of `text`, for offset → position conversion by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Adds positions and fingerprints to a result while its text is known. */
export function locate(result: AnalysisResult, text: string, root: string): AuditedFile {
  if (result.findings.length === 0) return { ...result, findings: [] };
  const starts = lineStarts(text);
  const loc = (r: { start: number; end: number }): Located => ({ start: positionAt(starts, r.start), end: positionAt(starts, r.end) });
  const prints = fingerprints(result, text, root);
  return {
    ...result,
    // JSON and SARIF carry fixes: none may carry a secret of this file (redact.ts).
    findings: withoutSecretFixes(result.findings, text).map((f, i) => ({
      ...f,
      loc: loc(f.range),
      fingerprint: prints[i]!,
      related: f.related.map((r) => (r.file === undefined ? { ...r, loc: loc(r.range) } : r)),
      fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.file === undefined ? { ...e, loc: loc(e) } : e)) })),
    })),
  };
}

/** Reads and analyzes one file: never throws. */
export function auditFile(file: string, resolver: ConfigResolver, project: ProjectHost, fixes: boolean, root: string): AuditedFile {
  const read = readSource(file, resolver.forFile(file));
  return read.ok ? auditBytes(file, read.bytes, resolver, project, fixes, root) : read.skipped;
}

/** A file's bytes, or the result that says why it is not analyzed (too large, unreadable): never throws. */
export function readSource(file: string, config: ResolvedConfig): { ok: true; bytes: Buffer } | { ok: false; skipped: AuditedFile } {
  let fd: number | undefined;
  try {
    // One open, one fstat for the size check, then read: no second path lookup per file.
    fd = fs.openSync(file, "r");
    const size = fs.fstatSync(fd).size;
    if (size > HARD_READ_LIMIT || size > config.maxFileSizeKb * 1024 * 4) {
      const kb = Math.ceil(size / 1024);
      return { ok: false, skipped: { path: file, findings: [], analyzed: false, problems: [{ kind: "tooLarge", file, message: `${file}: skipped, ${kb} KB is over the ${config.maxFileSizeKb} KB limit (maxFileSizeKb)` }] } };
    }
    return { ok: true, bytes: fs.readFileSync(fd) };
  } catch (err: unknown) {
    return { ok: false, skipped: { path: file, findings: [], analyzed: false, problems: [{ kind: "unreadable", file, message: `${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }] } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Analyzes a file's bytes (read from disk, or given on standard input as `file`): never throws. */
export function auditBytes(file: string, bytes: Uint8Array, resolver: ConfigResolver, project: ProjectHost, fixes: boolean, root: string): AuditedFile {
  const config = resolver.forFile(file);
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { path: file, findings: [], analyzed: false, problems: [decoded.problem] };
  return locate(analyze({ path: file, text: decoded.text, config, project, fixes, unfixable: decoded.unfixable }), decoded.text, root);
}

/** Lists the files and the config resolver for an audit (shared by the serial and parallel runners). */
export function planAudit(paths: readonly string[], opts: AuditOptions): { files: string[]; resolver: ConfigResolver; problems: Problem[] } {
  const resolver = new ConfigResolver(allRules, opts.configFile ? path.resolve(opts.cwd, opts.configFile) : undefined, opts.cwd);
  if (opts.configFile) resolver.forFile(path.resolve(opts.cwd, opts.configFile)); // load now: a bad --config is reported even with no files
  const listed = listSourceFiles(paths.map((p) => path.resolve(opts.cwd, p)), { noIgnore: opts.noIgnore, resolver });
  return { files: listed.files, resolver, problems: listed.problems };
}

/**
 * Audits paths in this thread, yielding to the event loop between files so a host can show
 * progress and cancel. The CLI runs the same `auditFile` in worker threads (cli/parallel.ts).
 */
export async function auditPaths(paths: readonly string[], opts: AuditOptions): Promise<AuditResult> {
  const t0 = performance.now();
  const { files, resolver, problems } = planAudit(paths, opts);
  const project = new FsProjectHost();
  const results: AuditedFile[] = [];
  let cancelled = false;
  for (let i = 0; i < files.length; i++) {
    if (opts.isCancelled?.()) {
      cancelled = true;
      break;
    }
    results.push(auditFile(files[i]!, resolver, project, opts.fixes ?? true, opts.cwd));
    opts.onProgress?.(i + 1, files.length, files[i]!);
    if (i % 8 === 7) await new Promise((r) => setImmediate(r));
  }
  return { root: opts.cwd, files, results, problems: [...resolver.problems, ...problems], durationMs: performance.now() - t0, cancelled };
}

const repoRoots = new Map<string, string | undefined>();

/** The nearest folder at or above `dir` that holds `.git` (a folder or a worktree file), cached per folder. */
export function repositoryRoot(dir: string): string | undefined {
  const pending: string[] = [];
  let at = dir;
  let found: string | undefined;
  for (;;) {
    if (repoRoots.has(at)) {
      found = repoRoots.get(at);
      break;
    }
    pending.push(at);
    if (fs.existsSync(path.join(at, ".git"))) {
      found = at;
      break;
    }
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of pending) repoRoots.set(d, found);
  return found;
}

/**
 * The line with each string literal's contents replaced by its length (`<str:12>`), in one pass:
 * an unterminated literal keeps the rest of the line as it is. (A backtracking regex for this was
 * quadratic on lines full of `"\`.)
 */
export function maskStrings(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    const q = line[i]!;
    if (q !== '"' && q !== "'" && q !== "`") {
      const next = nextQuote(line, i);
      out += line.slice(i, next);
      i = next;
      continue;
    }
    let j = i + 1;
    while (j < line.length && line[j] !== q) j += line[j] === "\\" ? 2 : 1;
    if (j >= line.length) return out + line.slice(i);
    out += `<str:${j + 1 - i}>`;
    i = j + 1;
  }
  return out;
}

function nextQuote(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === "'" || c === "`") return i;
  }
  return line.length;
}

/**
 * A fingerprint that survives line shifts and holds no secret: the relative path, the code,
 * the finding's line with every string literal's contents replaced by its length, and the
 * occurrence index of that (code, line) in the file.
 */
export function fingerprints(result: AnalysisResult, text: string, root: string): string[] {
  // Relative to the repository (the folder holding .git), so a baseline made in one working
  // directory still matches when CI runs from another; `root` only where there is no repository.
  const rel = path.relative(repositoryRoot(path.dirname(result.path)) ?? root, result.path).split(path.sep).join("/");
  const seen = new Map<string, number>();
  return result.findings.map((f: Finding) => {
    const lineStart = text.lastIndexOf("\n", f.range.start - 1) + 1;
    const nl = text.indexOf("\n", f.range.start);
    const line = maskStrings(text.slice(lineStart, nl === -1 ? text.length : nl))
      .replace(/\s+/g, " ")
      .trim();
    // Lengths alone would let the baseline hide a different secret of the same length: a secret's
    // own text goes into the (one-way) hash too, never into the report.
    const own = f.ruleId === "hardcoded-secret" ? `\u0000${text.slice(f.range.start, f.range.end)}` : "";
    const key = `${rel}\u0000${f.code}\u0000${line}${own}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash("sha256").update(`${key}\u0000${n}`).digest("hex").slice(0, 32);
  });
}
