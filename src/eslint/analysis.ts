import * as path from "node:path";
import { allRules, analyze } from "../engine/analyze";
import { ConfigResolver } from "../engine/files";
import { isIgnored } from "../engine/config/load";
import { FsProjectHost } from "../engine/project-host";
import { unfixableOnDisk } from "../engine/source";
import type { AnalysisResult } from "../engine/types";
import { isAnalyzablePath } from "../engine/walk";

/** What the ESLint and oxlint rule contexts give us (both implement these members). */
export interface LintFile {
  /** The name rules see: a processor's virtual block (`README.md/0.ts`) has its own extension. */
  filename: string;
  /** The file on disk, whose folder picks `.hardeninghints.json` and the project profile. */
  physicalFilename: string;
  cwd: string;
  text: string;
}

/** ESLint's names for "no file name" (Linter.verify without one, stdin without --stdin-filename). */
const NO_NAME = new Set(["<input>", "<text>"]);

/**
 * The analyses of the last few files. ESLint (and oxlint) run every rule of one file before the
 * next file, so the N family rules of a file share one engine run: the first rule analyzes, the
 * others find the result here. Keyed by name and compared by text, so a `--fix` pass (same name,
 * new text) analyzes again. A few entries, not one: two Linter instances may interleave.
 */
const recent: { file: string; text: string; result: AnalysisResult }[] = [];
const RECENT_MAX = 4;
let runs = 0;

// One file-system host and config resolver per process, as the CLI keeps one per run: the
// project profile (package.json, logger, validator) and each folder's config are read once.
let host = new FsProjectHost();
const resolvers = new Map<string, ConfigResolver>();

/** Forgets cached configs, project profiles and analyses (tests; a long-running linter after config edits). */
export function resetCaches(): void {
  host = new FsProjectHost();
  resolvers.clear();
  recent.length = 0;
}

/** How many times the engine ran since the process started (tests check one run per file). */
export function engineRuns(): number {
  return runs;
}

/** The absolute path the engine analyzes, or undefined when it is not a TS/JS name. */
function analyzedPath(file: LintFile): string | undefined {
  // ESLint names a nameless text `<input>`: analyze it as JavaScript in the working folder.
  const name = NO_NAME.has(file.filename) ? "input.js" : file.filename;
  const abs = path.resolve(file.cwd, name);
  return isAnalyzablePath(abs) ? abs : undefined;
}

/**
 * The engine's result for the file being linted (fixes built), or undefined for a file the
 * engine does not analyze: not TS/JS, or ignored by `.hardeninghints.json`. A config file that
 * cannot be used throws, as the CLI exits 2 on it: ESLint then stops with the message.
 */
export function analysisOf(file: LintFile): AnalysisResult | undefined {
  const abs = analyzedPath(file);
  if (abs === undefined) return undefined;
  const hit = recent.find((r) => r.file === abs && r.text === file.text);
  if (hit) return hit.result;
  let resolver = resolvers.get(file.cwd);
  if (!resolver) resolvers.set(file.cwd, (resolver = new ConfigResolver(allRules, undefined, file.cwd)));
  const physical = NO_NAME.has(file.physicalFilename) ? abs : path.resolve(file.cwd, file.physicalFilename);
  const config = resolver.forFile(physical);
  const configError = resolver.problems.find((p) => p.kind === "configError");
  if (configError) throw new Error(`hardening-hints: ${configError.message}`);
  if (isIgnored(physical, config)) return undefined;
  // ESLint read the file with U+FFFD for bytes that are not UTF-8, and `--fix` would write them
  // back as U+FFFD: on such a file no fix is offered (ESLint has no place for the note itself).
  const unfixable = NO_NAME.has(file.physicalFilename) ? undefined : unfixableOnDisk(file.text, physical);
  const result = analyze({ path: abs, text: file.text, config, project: host, unfixable });
  runs++;
  recent.unshift({ file: abs, text: file.text, result });
  if (recent.length > RECENT_MAX) recent.pop();
  return result;
}
