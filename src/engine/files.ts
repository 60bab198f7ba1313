import * as fs from "node:fs";
import * as path from "node:path";
import { Minimatch } from "minimatch";
import { ConfigFileFinder, configForPath, isIgnored, loadConfigFile, defaultConfig } from "./config/load";
import type { Problem, ResolvedConfig, RuleModule } from "./types";
import { isScannedJsonPath } from "./json-config";
import { isAnalyzablePath } from "./walk";
import { readRegularFile } from "./read-file";

/** A .gitignore larger than this is not read (git itself handles any size; ours must stay bounded). */
const GITIGNORE_MAX_BYTES = 256 * 1024;

/** Folders never descended into unless ignores are off (cheap early prune). */
export const PRUNED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);

interface GitignoreRule {
  matcher: Minimatch;
  negate: boolean;
  dirOnly: boolean;
  /** Folder holding the .gitignore (patterns are relative to it). */
  base: string;
}

/** Parses one .gitignore into rules (the subset that matters: globs, `!`, `/`-anchoring, trailing `/`). */
export function parseGitignore(text: string, base: string): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    // Trailing spaces are not part of a pattern unless escaped; trimmed by a loop (a `\s+$` regex backtracks quadratically).
    let end = line.length;
    while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t") && line[end - 2] !== "\\") end--;
    line = line.slice(0, end);
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith("/")) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    // A pattern with a slash (other than a trailing one) is relative to the .gitignore's folder.
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    const pattern = anchored ? line : `**/${line}`;
    try {
      // git has no brace expansion in .gitignore (`{a,b}` is literal there); expanding it here was
      // exponential in the number of groups (a 38 KB file took 15 s and 1.5 GB).
      rules.push({ matcher: new Minimatch(pattern, { dot: true, nobrace: true }), negate, dirOnly, base });
    } catch {
      // A line minimatch cannot read is skipped, as git skips lines it cannot parse.
    }
  }
  return rules;
}

/** Whether the rules of the .gitignore files above `absPath` ignore it (the last matching rule wins). */
export function gitignored(rules: readonly GitignoreRule[], absPath: string, isDir: boolean): boolean {
  let ignored = false;
  // One .gitignore's rules share their base and sit together: the path is made relative once per file of rules.
  let base: string | undefined;
  let rel = "";
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (r.base !== base) {
      base = r.base;
      rel = path.relative(base, absPath).split(path.sep).join("/");
    }
    if (rel.startsWith("..") || rel === "") continue;
    if (r.matcher.match(rel)) ignored = !r.negate;
  }
  return ignored;
}

/** The .gitignore rules of `dir`'s ancestors up to the repository root (the folder with .git). */
function ancestorGitignores(dir: string, problems: Problem[]): GitignoreRule[] {
  const chain: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    chain.push(at);
    if (fs.existsSync(path.join(at, ".git"))) break;
    const parent = path.dirname(at);
    if (parent === at) return []; // not in a git repository: .gitignore files above do not apply
    at = parent;
  }
  const rules: GitignoreRule[] = [];
  for (const d of chain.reverse().slice(0, -1)) rules.push(...readGitignore(d, problems));
  return rules;
}

function searchable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The rules of `dir`'s .gitignore; a FIFO, a symlink to a device or an oversized file is reported in `problems` and not used. */
function readGitignore(dir: string, problems: Problem[]): GitignoreRule[] {
  const file = path.join(dir, ".gitignore");
  const read = readRegularFile(file, GITIGNORE_MAX_BYTES);
  if (read.ok) return parseGitignore(read.text, dir);
  // No .gitignore here is the usual case; anything else is said, and the file is not used.
  // A folder that cannot be searched is reported once, by the listing that follows, not here too.
  if (read.code !== "ENOENT" && searchable(dir)) problems.push({ kind: "unreadable", file, message: `${file}: not used (${read.reason})` });
  return [];
}

/**
 * Resolves the configuration of each file by walking up from its folder, caching per folder
 * and per config file, so that the CLI and the editor read `.hardeninghints.json` identically.
 */
export class ConfigResolver {
  private readonly finder = new ConfigFileFinder();
  private readonly loaded = new Map<string, { config: ResolvedConfig; problems: Problem[] }>();
  private fallback: ResolvedConfig | undefined;
  readonly problems: Problem[] = [];

  constructor(
    private readonly rules: readonly RuleModule[],
    /** Use this file for every path (CLI `--config`). */
    private readonly fixedFile?: string,
    /** Root for defaults when no config file is found. */
    private readonly fallbackRoot: string = process.cwd(),
  ) {}

  configFileFor(absPath: string): string | undefined {
    return this.fixedFile ?? this.finder.find(path.dirname(absPath));
  }

  /** The configuration of `absPath`: its config file's, with the `overrides` that match it applied. */
  forFile(absPath: string): ResolvedConfig {
    const file = this.configFileFor(absPath);
    // One default object for every file without a config, so that its compiled ignore globs are reused.
    if (!file) return (this.fallback ??= defaultConfig(this.fallbackRoot));
    let entry = this.loaded.get(file);
    if (!entry) {
      entry = loadConfigFile(file, this.rules);
      this.loaded.set(file, entry);
      this.problems.push(...entry.problems);
    }
    return configForPath(entry.config, absPath);
  }
}

/**
 * A folder is skipped when a glob matches the folder itself (`legacy`, `**\/generated`) or every
 * path inside it (`legacy/**`). The probe child is a name no file can have, so a bare-name glob
 * such as `x` skips the folders named `x`, not every folder.
 */
function dirIgnored(abs: string, resolver: ConfigResolver): boolean {
  const probe = `${abs}/\u0000`;
  const config = resolver.forFile(probe);
  return isIgnored(abs, config) || isIgnored(probe, config);
}

export interface ListOptions {
  /** Turn off the built-in and configured ignores and .gitignore (CLI `--no-ignore`). */
  noIgnore?: boolean;
  resolver: ConfigResolver;
}

export interface ListedFiles {
  files: string[];
  /** Explicitly named files that cannot be analyzed, and roots that do not exist. */
  problems: Problem[];
}

/**
 * Every analyzable file under `roots` in a stable order, honoring the config's ignore globs
 * and `.gitignore`. Symbolic links are not followed (no cycles). A file named explicitly is
 * analyzed even if a glob ignores it, as ESLint does with a warning-free explicit path.
 */
export function listSourceFiles(roots: readonly string[], opts: ListOptions): ListedFiles {
  const out = new Set<string>();
  const problems: Problem[] = [];
  for (const rootArg of roots) {
    const root = path.resolve(rootArg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch (err: unknown) {
      problems.push({ kind: "unreadable", file: root, message: `${rootArg}: no such file or folder (${(err as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    if (stat.isFile()) {
      if (isAnalyzablePath(root) || isScannedJsonPath(root, path.dirname(root))) out.add(root);
      else problems.push({ kind: "unreadable", file: root, message: `${rootArg}: not a TS/JS source file (.ts .tsx .mts .cts .js .jsx .mjs .cjs)` });
      continue;
    }
    if (!stat.isDirectory()) {
      const what = stat.isFIFO() ? "a FIFO (named pipe)" : stat.isCharacterDevice() || stat.isBlockDevice() ? "a device" : stat.isSocket() ? "a socket" : "not a regular file";
      problems.push({ kind: "unreadable", file: root, message: `${rootArg}: is ${what}, not a source file or folder; not analyzed` });
      continue;
    }
    const stack: { dir: string; rules: GitignoreRule[] }[] = [{ dir: root, rules: opts.noIgnore ? [] : [...ancestorGitignores(root, problems), ...readGitignore(root, problems)] }];
    while (stack.length > 0) {
      const { dir, rules } = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (err: unknown) {
        problems.push({ kind: "unreadable", file: dir, message: `${dir}: cannot list folder (${(err as NodeJS.ErrnoException).code ?? "error"})` });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)); // reversed: the stack pops in order
      const files: string[] = [];
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!opts.noIgnore && (PRUNED_DIRS.has(e.name) || gitignored(rules, abs, true) || dirIgnored(abs, opts.resolver))) continue;
          stack.push({ dir: abs, rules: opts.noIgnore ? rules : [...rules, ...readGitignore(abs, problems)] });
        } else if (e.isFile() && (isAnalyzablePath(abs) || isScannedJsonPath(abs, root))) {
          if (!opts.noIgnore && (gitignored(rules, abs, false) || isIgnored(abs, opts.resolver.forFile(abs)))) continue;
          files.push(abs);
        }
      }
      for (const f of files.reverse()) out.add(f);
    }
  }
  return { files: [...out], problems };
}
