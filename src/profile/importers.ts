import * as path from "node:path";
import type { ProjectHost } from "../engine/types";

/**
 * The project's importers index: for each source file of the project, the files that import it
 * (ESM `import … from`, `export … from`, a bare `import "x"`, `require("x")` and `import("x")` with a
 * literal). Rules use it to read the callers of an exported function in other modules
 * (src/rules/unvalidated-boundary/callers.ts); the engine otherwise only follows a file's own imports.
 *
 * Built once per project, on the first question, from a cheap text scan of each file's import
 * specifiers (no parse), resolved by the caller's resolver (the one `ProjectFiles.resolve` uses:
 * relative paths, tsconfig `paths`, package `imports`, workspace packages, `@/`, `~/`, `$lib/`), and
 * read through the {@link ProjectHost} only, so an editor's unsaved buffers and a test's in-memory
 * host are what it sees. Deterministic for one tree (folders are walked in sorted order), so each
 * CLI `--jobs` worker, which builds its own, gets the same index.
 *
 * Bounded: folders `node_modules`, `dist`, `build`, `out`, `coverage`, `.next` and every dot folder
 * are skipped, as are declaration and test files and files over 256 KB; at most {@link MAX_FILES}
 * files are read. Past the cap the index is `truncated`: the files not read may import anything,
 * so a question that needs every caller (`every caller tests it`, `no caller claims it`) must leave
 * the verdict as it is without the index (see `callersOf`).
 */

/** Files read at most; a project past it gets a `truncated` index (see above). */
export const MAX_IMPORTER_FILES = 20_000;
/** Larger source files are not read (generated bundles); `ProjectFiles` applies the same limit. */
export const MAX_TEXT = 256 * 1024;
/** A script of the project, by its name. */
export const SCRIPT_RE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Declarations and test files: no caller of a product module lives there. */
export const NOT_SOURCE_RE = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/;
const SKIPPED_DIR_RE = /^(?:node_modules|dist|build|out|coverage|bower_components|vendor)$|^\./;
/** `from "x"`, `import "x"`, `import("x")`, `require("x")`: the quoted specifier. */
const SPECIFIER_RE = /\b(?:from|import|require)\s*\(?\s*(["'])([^"'\n\r]{1,300})\1/g;

export type SpecifierResolver = (fromFile: string, spec: string) => string | undefined;

export interface ImportersIndex {
  /** The files that import `file` (`/`-separated absolute paths), in a stable order; empty when none does. */
  importersOf(file: string): readonly string[];
  /** More project files than {@link MAX_IMPORTER_FILES}: the files past the cap were not read. */
  readonly truncated: boolean;
  /** Every edge (importer → target) and `truncated`, as one stable text (the CLI's `--cache` keys on its hash); computed once. */
  edges(): string;
}

/** Builds the index of the project at `root` (see the module comment). */
export function importersIndexOf(host: ProjectHost, root: string, resolve: SpecifierResolver, maxFiles = MAX_IMPORTER_FILES): ImportersIndex & { folders: readonly string[] } {
  const byTarget = new Map<string, string[]>();
  const folders: string[] = [];
  let truncated = false;
  let read = 0;
  const norm = root.replace(/\\/g, "/").replace(/\/$/, "");
  if (host.listDir) {
    const queue = [norm];
    for (let i = 0; i < queue.length && !truncated; i++) {
      const dir = queue[i]!;
      folders.push(dir);
      const names = [...(host.listDir(dir) ?? [])].sort();
      for (const n of names) {
        const abs = `${dir}/${n}`;
        if (!SCRIPT_RE.test(n)) {
          // A folder is a name without an extension; hidden and build folders are skipped.
          if (!SKIPPED_DIR_RE.test(n) && !/\.\w{1,6}$/.test(n)) queue.push(abs);
          continue;
        }
        if (NOT_SOURCE_RE.test(n)) continue;
        if (read >= maxFiles) {
          truncated = true;
          break;
        }
        read++;
        const text = host.readFile(abs);
        if (text === undefined || text.length > MAX_TEXT) continue;
        const seen = new Set<string>();
        for (const m of text.matchAll(SPECIFIER_RE)) {
          const spec = m[2]!;
          if (seen.has(spec)) continue;
          seen.add(spec);
          const target = resolve(abs, spec);
          if (!target || target === abs) continue;
          const list = byTarget.get(target);
          if (!list) byTarget.set(target, [abs]);
          else if (list[list.length - 1] !== abs) list.push(abs);
        }
      }
    }
  }
  let edges: string | undefined;
  return {
    truncated,
    folders,
    edges(): string {
      // Targets in sorted order; each target's importers are in walk order, which is sorted already.
      return (edges ??= `${truncated}\n${[...byTarget.keys()].sort().map((t) => `${t}\0${byTarget.get(t)!.join("\0")}`).join("\n")}`);
    },
    importersOf(file: string): readonly string[] {
      return byTarget.get(path.posix.normalize(file.replace(/\\/g, "/"))) ?? [];
    },
  };
}
