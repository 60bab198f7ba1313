import { readRegularFile } from "./read-file";
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
    if (text === undefined) {
      // Absent, unreadable, not a regular file (a FIFO, a device) or over the cap: rules treat all as "not there".
      const read = readRegularFile(absPath);
      text = read.ok ? read.text : undefined;
    }
    this.cache.set(absPath, text);
    return text;
  }

  fileExists(absPath: string): boolean {
    return this.readFile(absPath) !== undefined;
  }

  invalidate(absPath: string): void {
    this.cache.delete(absPath);
  }
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
}
