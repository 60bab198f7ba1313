import * as nodeFs from "node:fs";
import * as path from "node:path";

/** How a file's bytes were encoded, so that fixed text is written back the same way. */
export interface FileEncoding {
  charset: "utf8" | "utf16le" | "utf16be";
  bom: boolean;
  /** `\r\n` when every line break of the file is CRLF, `\n` otherwise (LF, mixed or none: left as the text has them). */
  eol: "\n" | "\r\n";
}

export type DecodedFile = { ok: true; text: string; encoding: FileEncoding } | { ok: false; why: string };

function eolOf(text: string): "\n" | "\r\n" {
  const lf = text.split("\n").length - 1;
  return lf > 0 && text.split("\r\n").length - 1 === lf ? "\r\n" : "\n";
}

/** Decodes UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM; anything else is refused, never guessed at. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  let charset: FileEncoding["charset"] = "utf8";
  let bom = false;
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) [charset, bom, text] = ["utf16le", true, new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2))];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [charset, bom, text] = ["utf16be", true, new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2))];
    else {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      bom = text.charCodeAt(0) === 0xfeff;
      if (bom) text = text.slice(1);
    }
  } catch (err: unknown) {
    void err; // the decoder only says the bytes are invalid
    return { ok: false, why: `not valid ${charset === "utf8" ? "UTF-8" : "UTF-16"} (another encoding such as Latin-1?)` };
  }
  return { ok: true, text, encoding: { charset, bom, eol: eolOf(text) } };
}

/**
 * Encodes fixed text as the file was: same charset and BOM; in a CRLF file, line breaks a fix
 * inserted as a bare LF become CRLF.
 */
export function encodeFile(text: string, enc: FileEncoding): Buffer {
  const body = enc.eol === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
  const full = enc.bom ? `\ufeff${body}` : body;
  if (enc.charset === "utf8") return Buffer.from(full, "utf8");
  const le = Buffer.from(full, "utf16le");
  if (enc.charset === "utf16be") le.swap16();
  return le;
}

/** The text a file will hold once written (BOM and line endings as they will be): what a diff shows. */
export function textAsWritten(text: string, enc: FileEncoding): string {
  const body = enc.eol === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
  return enc.bom ? `\ufeff${body}` : body;
}

/** The file-system calls a write makes; tests inject failures (a full disk) through it. */
export type WriteFs = Pick<typeof nodeFs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync" | "fchmodSync" | "statSync" | "lstatSync" | "realpathSync" | "readFileSync">;

/** What a file looked like when it was read: a write is refused if it changed since. */
export interface ReadSnapshot {
  bytes: Uint8Array;
  mtimeMs: number;
  size: number;
}

export type WriteOutcome = { ok: true; written: string } | { ok: false; why: string };

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function errCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code === "ENOSPC" ? "no space left on the device" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : err instanceof Error ? err.message : String(err);
  return code && !why.includes(code) ? `${why} (${code})` : why;
}

/** Reads a file with what a later {@link writeFileCarefully} needs to detect a concurrent edit. */
export function readSnapshot(file: string, fs: Pick<WriteFs, "readFileSync" | "statSync"> = nodeFs): ReadSnapshot {
  const bytes = fs.readFileSync(file);
  const st = fs.statSync(file);
  return { bytes, mtimeMs: st.mtimeMs, size: st.size };
}

/**
 * Writes `data` to `file` the way a careful editor saves: never through a symbolic link whose
 * target leaves `root`; not when the file changed since `before` was read (the user's edit wins);
 * to a temporary file in the same folder, flushed to disk, given the file's mode, then renamed
 * over the file. On any failure (a full disk, a read-only file) the original is left as it was
 * and the temporary file removed. Returns the path written (the link's target for a link).
 */
export function writeFileCarefully(file: string, data: Uint8Array, opts: { root: string; before?: ReadSnapshot; fs?: WriteFs }): WriteOutcome {
  const fs = opts.fs ?? nodeFs;
  let target = file;
  let mode: number | undefined;
  try {
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) {
      try {
        target = fs.realpathSync(file);
      } catch (err: unknown) {
        void err;
        return { ok: false, why: "is a symbolic link to a file that does not exist" };
      }
      let root = opts.root;
      try {
        root = fs.realpathSync(opts.root);
      } catch (err: unknown) {
        void err; // a root that cannot be resolved is compared as given
      }
      if (!isInside(root, target)) return { ok: false, why: `is a symbolic link to ${target}, outside ${opts.root}` };
    }
    const st = fs.statSync(target, { throwIfNoEntry: false });
    if (st && !st.isFile()) return { ok: false, why: "is not a regular file" };
    // A read-only file is not replaced behind its owner's back (a rename would succeed).
    if (st && (st.mode & 0o200) === 0) return { ok: false, why: "is read-only" };
    if (opts.before) {
      if (!st) return { ok: false, why: "was deleted since it was read" };
      if (st.size !== opts.before.size || st.mtimeMs !== opts.before.mtimeMs || !Buffer.from(fs.readFileSync(target)).equals(Buffer.from(opts.before.bytes))) {
        return { ok: false, why: "changed since it was read; your edit is kept, run --fix again" };
      }
    }
    mode = st ? st.mode & 0o7777 : undefined;
  } catch (err: unknown) {
    return { ok: false, why: errCode(err) };
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.hh-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
    // The umask may have narrowed the mode given to open; the file keeps exactly its own.
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (err: unknown) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch (closeErr: unknown) {
        void closeErr; // already failing; the write error is what is reported
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch (unlinkErr: unknown) {
      void unlinkErr; // never created, or already gone
    }
    return { ok: false, why: errCode(err) };
  }
  // The rename is durable once the folder is flushed too; where folders cannot be opened (Windows) it already is enough.
  try {
    const dirFd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch (err: unknown) {
    void err; // the file is written; only the folder's flush was not possible
  }
  return { ok: true, written: target };
}
