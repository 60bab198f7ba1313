import { readRegularFile } from "./read-file";
import { profileCacheFor } from "../profile/cache";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { ProjectHost } from "./types";

/**
 * File-system backed host with a small cache; `invalidate` after writing a file. `overlay`
 * answers first when given (the editor's open buffers).
 */
export class FsProjectHost implements ProjectHost {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly overlay?: (absPath: string) => string | undefined) {}

  readFile(absPath: string): string | undefined {
    if (this.cache.has(absPath)) return this.cache.get(absPath);
    let text = this.overlay?.(absPath);
    // Absent, unreadable, not a regular file (a FIFO, a device) or over the cap: rules treat all as "not there".
    // Most reads here are probes of names that are absent (manifests up the tree, env templates, a
    // module's extensions): a stat that answers "no entry" without an exception comes first, as a
    // failed open costs about ten times more (it builds an Error). Any other answer opens as before.
    if (text === undefined && !absent(absPath)) {
      const read = readRegularFile(absPath);
      text = read.ok ? read.text : undefined;
    }
    this.cache.set(absPath, text);
    return text;
  }

  fileExists(absPath: string): boolean {
    return this.readFile(absPath) !== undefined;
  }

  /** Forgets a file's text, and the project profile when the file is one of its inputs (a manifest, lockfile, config or logger module). */
  invalidate(absPath: string): void {
    this.cache.delete(absPath);
    this.listings.delete(nodePath.dirname(absPath));
    profileCacheFor(this).invalidate(absPath);
  }

  realPath(absPath: string): string {
    return realPathOf(absPath, 0);
  }

  private readonly listings = new Map<string, readonly string[] | undefined>();

  listDir(absPath: string): readonly string[] | undefined {
    if (this.listings.has(absPath)) return this.listings.get(absPath);
    let names: readonly string[] | undefined;
    try {
      names = fs.readdirSync(absPath);
    } catch (err: unknown) {
      void err; // absent or unreadable: nothing to probe there
    }
    this.listings.set(absPath, names);
    return names;
  }
}

/** True when nothing is at `absPath` (no entry): `readRegularFile` would fail there too. */
function absent(absPath: string): boolean {
  try {
    return fs.statSync(absPath, { throwIfNoEntry: false }) === undefined;
  } catch (err: unknown) {
    void err; // ENOTDIR, EACCES, …: the open below answers
    return false;
  }
}

/** Follows symbolic links, a dangling one included (it names where a write would land); bounded. */
function realPathOf(absPath: string, depth: number): string {
  let p = absPath;
  for (let hop = 0; hop < 40 && depth < 80; hop++) {
    try {
      return fs.realpathSync.native(p);
    } catch (err: unknown) {
      void err; // absent, or a dangling link: resolved by hand below
    }
    let target: string;
    try {
      target = fs.readlinkSync(p);
    } catch (err: unknown) {
      void err; // not a link: the folder may be one
      const dir = nodePath.dirname(p);
      return dir === p ? p : nodePath.join(realPathOf(dir, depth + 1), nodePath.basename(p));
    }
    p = nodePath.resolve(nodePath.dirname(p), target);
  }
  return p;
}

/** In-memory host for tests and for applying fixes to other files before writing them. */
export class MemoryProjectHost implements ProjectHost {
  constructor(readonly files: Map<string, string> = new Map()) {}

  readFile(absPath: string): string | undefined {
    return this.files.get(absPath);
  }

  fileExists(absPath: string): boolean {
    return this.files.has(absPath);
  }

  /** The names of the files and folders directly in `absPath` (from the paths of the files held). */
  listDir(absPath: string): readonly string[] | undefined {
    const prefix = absPath.endsWith("/") ? absPath : `${absPath}/`;
    const names = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split("/")[0]!);
    return names.size > 0 ? [...names].sort() : undefined;
  }
}
