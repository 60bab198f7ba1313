import * as path from "node:path";
import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";

/** A JSON (or JSONC) manifest's top-level object; undefined for a missing file or any other value. */
export function readJson(project: ProjectHost, file: string): Record<string, unknown> | undefined {
  const raw = project.readFile(file);
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    // hardening-hints-ignore-next-line unvalidated-boundary/jsonParseExternal -- a manifest of any shape: only an object passes below, and every reader checks each field's type
    value = JSON.parse(raw); // the common case, and much faster than the tolerant reader below
  } catch (err: unknown) {
    void err;
    // JSONC (deno.jsonc, tsconfig): TypeScript's own tolerant reader, no eval.
    value = ts.parseConfigFileTextToJson(file, raw).config;
  }
  return asObject(value);
}

/** `value` when it is a plain object (not null, not an array), else undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The path module for a file name as the host spells it: win32 for a name with only backslashes. */
export function pathApi(file: string): path.PlatformPath {
  return file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
}

/**
 * A host that notes the files found through it, for a profile part computed once and kept
 * (`openApi()`, `workspaceDependencies()`): each later answer reads them again through the
 * profile's own host ({@link touchInputs}), so the CLI's `--cache` entry of every file that used
 * the answer lists them, not only the entry of the file that asked first.
 */
export class NotingHost implements ProjectHost {
  readonly found = new Set<string>();

  constructor(private readonly inner: ProjectHost) {}

  readFile(absPath: string): string | undefined {
    const text = this.inner.readFile(absPath);
    if (text !== undefined) this.found.add(absPath);
    return text;
  }

  fileExists(absPath: string): boolean {
    const there = this.inner.fileExists(absPath);
    if (there) this.found.add(absPath);
    return there;
  }

  listDir(absPath: string): readonly string[] | undefined {
    return this.inner.listDir?.(absPath);
  }
}

/** Reads `files` again through `project` (cached look-ups): see {@link NotingHost}. */
export function touchInputs(project: ProjectHost, files: Iterable<string>): void {
  for (const f of files) project.fileExists(f);
}
