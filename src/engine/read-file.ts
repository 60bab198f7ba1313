import * as fs from "node:fs";

/** Default cap for the small files the engine reads around the sources (manifests, .gitignore, config). */
export const SIDE_FILE_MAX_BYTES = 4 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; code: "ENOENT" | "NOTFILE" | "TOOLARGE" | "ERROR"; reason: string };

/**
 * Reads a regular file as UTF-8 (a leading BOM removed), never blocking and never unbounded:
 * the file is opened non-blocking (a FIFO does not wait for a writer), checked with fstat on the
 * same descriptor to be a regular file (a symlink to /dev/zero or a device is refused), and read
 * only when it is at most `maxBytes`.
 */
export function readRegularFile(file: string, maxBytes = SIDE_FILE_MAX_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, code: "ENOENT", reason: "file not found" };
    if (code === "ENOTDIR") return { ok: false, code: "ENOENT", reason: "ENOTDIR: a folder in the path is a file" };
    if (code === "EISDIR") return { ok: false, code: "NOTFILE", reason: "is a directory" };
    return { ok: false, code: "ERROR", reason: code === "EACCES" ? "permission denied" : err instanceof Error ? err.message : String(err) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, code: "NOTFILE", reason: stat.isDirectory() ? "is a directory" : stat.isFIFO() ? "is a FIFO, not a regular file" : "is not a regular file" };
    if (stat.size > maxBytes) return { ok: false, code: "TOOLARGE", reason: `is ${stat.size} bytes, over the ${maxBytes}-byte limit` };
    const bytes = fs.readFileSync(fd);
    // The size can grow between fstat and read (a file being written): keep the cap.
    if (bytes.length > maxBytes) return { ok: false, code: "TOOLARGE", reason: `is over the ${maxBytes}-byte limit` };
    const text = bytes.toString("utf8");
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err: unknown) {
    return { ok: false, code: "ERROR", reason: err instanceof Error ? err.message : String(err) };
  } finally {
    fs.closeSync(fd);
  }
}
