/**
 * Noise handling that needs no `vscode` module (unit-tested without a host): which audited files
 * look like copies rather than source, and how a finding's severity is shown under the
 * Explorer decoration threshold.
 */
import { escape } from "minimatch";

/** The engine's baseline file name (src/engine/baseline.ts), copied: the engine is loaded lazily. */
export const DEFAULT_BASELINE_FILE = ".hardening-hints-baseline.json";
/** Findings above which a first audit offers a baseline (`hardeningHints.baselineOfferThreshold`). */
export const DEFAULT_BASELINE_OFFER_THRESHOLD = 200;

/** A folder or file suggested for the config's `ignore`, with the audited files it covers. */
export interface IgnoreSuggestion {
  /** The glob to add, relative to the config's folder. */
  glob: string;
  /** Why it looks like a copy, for the notification and the quick pick. */
  reason: string;
  files: number;
}

/** Folder names that hold old copies, not source: backups, Finder/Explorer copies, sync conflicts. */
const COPY_FOLDER: readonly [RegExp, string][] = [
  [/^(backups?|bak|old)$/i, "a backup folder"],
  [/\.(bak|orig|old)$/i, "a backup folder"],
  [/^copy of /i, "a copy of a folder"],
  [/ - copy( \(\d+\))?$/i, "a copy of a folder"],
  [/ copy( \d+)?$/i, "a copy of a folder"],
  [/conflicted copy/i, "a sync conflict copy"],
];

/** File names (without the extension) of copies: sync conflicts, editor backups, merge leftovers. */
const COPY_FILE: readonly [RegExp, string][] = [
  [/conflicted copy/i, "a sync conflict copy"],
  [/\.(orig|bak|old)$/i, "a backup copy"],
  [/_(BACKUP|BASE|LOCAL|REMOTE)_\d+$/, "a merge tool leftover"],
  [/^copy of /i, "a copy of a file"],
  [/ - copy( \(\d+\))?$/i, "a copy of a file"],
  [/ copy( \d+)?$/i, "a copy of a file"],
];

/** `name 2`, `name (1)`: a duplicate only when `name` itself is beside it. */
const NUMBERED = /^(.+?)(?: \d+| \(\d+\))$/;

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
}

/**
 * Folders and files among `files` (paths relative to the config's folder, `/`-separated) that
 * are clearly not source: conflict copies (`app 2.js` beside `app.js`, "(conflicted copy)"),
 * backups (`*.orig.ts`, `backup/`, `bak/`, `old/`, `copy of …/`). A folder is suggested as
 * `folder/**`, a file by its own escaped path; most files first.
 * @example nonSourceSuggestions(["src/app.js", "src/app 2.js", "old/a.ts"])
 * // [{ glob: "old/**", reason: "a backup folder", files: 1 }, { glob: "src/app 2.js", reason: "a duplicate of app.js", files: 1 }]
 */
export function nonSourceSuggestions(files: readonly string[]): IgnoreSuggestion[] {
  const present = new Set(files);
  const folders = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  const found = new Map<string, IgnoreSuggestion>();
  const add = (glob: string, reason: string) => {
    const s = found.get(glob) ?? { glob, reason, files: 0 };
    s.files++;
    found.set(glob, s);
  };
  for (const file of files) {
    const parts = file.split("/");
    const folder = folderSuggestion(parts.slice(0, -1), folders);
    if (folder) {
      add(`${escape(folder.path)}/**`, folder.reason);
      continue;
    }
    const name = parts[parts.length - 1]!;
    const [stem, ext] = splitExt(name);
    const dir = parts.slice(0, -1).join("/");
    const sibling = (n: string) => present.has(dir ? `${dir}/${n}` : n);
    const numbered = NUMBERED.exec(stem);
    const reason = numbered && sibling(numbered[1]! + ext) ? `a duplicate of ${numbered[1]}${ext}` : COPY_FILE.find(([re]) => re.test(stem))?.[1];
    if (reason) add(escape(file), reason);
  }
  return [...found.values()].sort((a, b) => b.files - a.files || a.glob.localeCompare(b.glob));
}

/** The outermost folder of `dirs` that looks like a copy (a numbered one only beside its original). */
function folderSuggestion(dirs: readonly string[], folders: ReadonlySet<string>): { path: string; reason: string } | undefined {
  for (let i = 0; i < dirs.length; i++) {
    const name = dirs[i]!;
    const path = dirs.slice(0, i + 1).join("/");
    const named = COPY_FOLDER.find(([re]) => re.test(name));
    if (named) return { path, reason: named[1] };
    const numbered = NUMBERED.exec(name);
    if (numbered && folders.has([...dirs.slice(0, i), numbered[1]!].join("/"))) return { path, reason: `a duplicate of ${numbered[1]}/` };
  }
  return undefined;
}

/** The notification that lists the suggestions with their counts (the first three by name). */
export function ignoreSuggestionMessage(suggestions: readonly IgnoreSuggestion[]): string {
  const files = suggestions.reduce((n, s) => n + s.files, 0);
  const shown = suggestions.slice(0, 3).map((s) => `${s.glob} (${s.files})`);
  const more = suggestions.length > 3 ? ` and ${suggestions.length - 3} more` : "";
  return `Hardening Hints: ${files} audited file${files === 1 ? "" : "s"} look${files === 1 ? "s" : ""} like copies or backups, not source: ${shown.join(", ")}${more}. Add ${suggestions.length === 1 ? "it" : "them"} to ignore in .hardeninghints.json?`;
}

/** The baseline offer after a first audit of a large workspace. */
export function baselineOfferMessage(findings: number): string {
  return `Hardening Hints: ${findings} existing problems. Show only new ones? A baseline records today's findings (counts and fingerprints, no code) in a file the CLI reads too.`;
}

/**
 * The baseline offer's buttons, in order (the first is the primary one). Short, so that each reads
 * whole in a notification at its default width: "Record baseline" and "Don't ask again for this
 * workspace" were cut to "Record baseli…" and "Don't ask again for this workspa…" there.
 */
export const BASELINE_OFFER_ACTIONS = { record: "Show only new", later: "Not now", never: "Don't ask again" } as const;

/** Which findings may color files in the Explorer: VS Code decorates a file for each Error or Warning diagnostic. */
export type DecorationThreshold = "error" | "warning" | "off";
export const DECORATION_THRESHOLDS: readonly DecorationThreshold[] = ["error", "warning", "off"];

/**
 * The severity a finding is shown with in the editor. VS Code's Explorer colors a file (and its
 * folders) for every Error and Warning diagnostic and never for Information or Hint: a finding
 * below the threshold is shown as Information so that it stays out of the Explorer. The CLI,
 * SARIF and the rules view keep the configured severity.
 * @example shownSeverity("warning", "error") // "info"
 */
export function shownSeverity<S extends "error" | "warning" | "info">(severity: S, threshold: DecorationThreshold): S | "info" {
  if (severity === "info" || threshold === "warning") return severity;
  if (threshold === "off") return "info";
  return severity === "error" ? severity : "info";
}
