/**
 * The git plumbing `trend` needs, read from the object database only: `rev-parse`, `rev-list`,
 * `ls-tree` and `cat-file`. None of them reads or writes the working tree or the index (no
 * `git status`, which refreshes the index). git runs as a child process with an argument list,
 * never through a shell.
 */
import { execFileSync } from "node:child_process";

/** A blob over this size is never read into memory (the engine's own hard read limit). */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;
/** Blobs read by one `cat-file --batch` call, by their total size (several calls for more). */
const BATCH_BYTES = 32 * 1024 * 1024;

export class GitError extends Error {}

/** Runs git in `cwd`; its standard output, or a {@link GitError} with git's own message. */
function git(cwd: string, args: readonly string[], input?: string, maxBuffer = 64 * 1024 * 1024): Buffer {
  try {
    // GIT_OPTIONAL_LOCKS=0: no command here may take the index lock or refresh the index.
    return execFileSync("git", ["-c", "core.quotePath=off", ...args], { cwd, input, maxBuffer, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" }, windowsHide: true });
  } catch (err: unknown) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === "ENOENT") throw new GitError("git is not installed or not on PATH", { cause: err });
    const said = e.stderr?.toString("utf8").trim().split("\n")[0];
    throw new GitError(said || (err instanceof Error ? err.message : String(err)), { cause: err });
  }
}

/** The work tree's top folder and the path of `dir` inside it (`""` at the top, else ending in `/`). */
export function repositoryOf(dir: string): { top: string; prefix: string } {
  const [top, prefix] = git(dir, ["rev-parse", "--show-toplevel", "--show-prefix"]).toString("utf8").split("\n");
  if (!top) throw new GitError(`${dir} is not in a git work tree`);
  return { top, prefix: prefix ?? "" };
}

export interface CommitInfo {
  id: string;
  /** Committer date, seconds since the epoch. */
  time: number;
  subject: string;
}

/** The last commit of `rev`'s first-parent line made at or before `time` (seconds), or undefined. */
export function commitAt(top: string, rev: string, time: number): CommitInfo | undefined {
  const out = git(top, ["rev-list", "--first-parent", "-n", "1", `--before=${new Date(time * 1000).toISOString()}`, "--format=%ct %s", rev, "--"]).toString("utf8");
  // rev-list --format prints "commit <id>" then the formatted line.
  const m = /^commit ([0-9a-f]{40,64})\n(\d+) ?(.*)$/m.exec(out);
  return m ? { id: m[1]!, time: Number(m[2]), subject: m[3]! } : undefined;
}

/** `rev` as a commit id (it must name a commit). */
export function resolveCommit(top: string, rev: string): string {
  return git(top, ["rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`]).toString("utf8").trim();
}

export interface TreeEntry {
  /** `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule). */
  mode: string;
  type: "blob" | "commit" | "tree";
  oid: string;
  /** Bytes, or -1 for a submodule. */
  size: number;
}

/** Every entry of a commit's tree, recursively, by path from the top (`/`-separated). */
export function listTree(top: string, commit: string): Map<string, TreeEntry> {
  const out = git(top, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit], undefined, 1024 * 1024 * 1024);
  const entries = new Map<string, TreeEntry>();
  let at = 0;
  while (at < out.length) {
    const nul = out.indexOf(0, at);
    const end = nul === -1 ? out.length : nul;
    // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
    const line = out.toString("utf8", at, end);
    at = end + 1;
    const tab = line.indexOf("\t");
    const [mode, type, oid, size] = line.slice(0, tab).split(/ +/);
    if (tab === -1 || !mode || !oid || (type !== "blob" && type !== "commit" && type !== "tree")) continue;
    entries.set(line.slice(tab + 1), { mode, type, oid, size: size === "-" ? -1 : Number(size) });
  }
  return entries;
}

/**
 * Reads blobs by id through `git cat-file --batch`, in calls of at most {@link BATCH_BYTES}
 * (sizes from the tree listing). A blob git does not have is absent from the answer.
 */
export function readBlobs(top: string, blobs: readonly { oid: string; size: number }[]): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  let batch: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const out = git(top, ["cat-file", "--batch"], batch.join("\n") + "\n", bytes + batch.length * 128 + 1024);
    let at = 0;
    while (at < out.length) {
      const nl = out.indexOf(10, at);
      if (nl === -1) break;
      // "<oid> SP <type> SP <size> LF <contents> LF", or "<oid> SP missing LF"
      const [oid, type, size] = out.toString("utf8", at, nl).split(" ");
      at = nl + 1;
      if (type === "missing" || size === undefined) continue;
      const n = Number(size);
      if (type === "blob") found.set(oid!, out.subarray(at, at + n));
      at += n + 1;
    }
    batch = [];
    bytes = 0;
  };
  for (const b of blobs) {
    if (bytes + b.size > BATCH_BYTES) flush();
    batch.push(b.oid);
    bytes += Math.max(0, b.size);
  }
  flush();
  return found;
}
