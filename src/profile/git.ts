/**
 * Whether git tracks a file, read from the repository's index through the {@link ProjectHost}
 * (never the file system, never a `git` process): a secret in a tracked file is in the history,
 * so moving it out of the file is not enough, it must be rotated. One read of the index per
 * repository and host; every lookup is a string search in it.
 */
import type { ProjectHost } from "../engine/types";
import { pathApi } from "./read-json";

/** `true` tracked, `false` not tracked (or not in a git work tree), `undefined` when the index cannot be read. */
export type Tracked = boolean | undefined;

interface Repo {
  /** The work tree's folder (holding `.git`), or undefined when the file is in none. */
  workTree: string | undefined;
  /** The index as the host decodes it (UTF-8), or undefined when it is unreadable or in a form we do not read. */
  index: string | undefined;
}

const repos = new WeakMap<ProjectHost, Map<string, Repo>>();

/** The git dir of a work tree rooted at `dir`: `.git/`, or the folder a `.git` file points to (worktrees, submodules). */
function gitDirAt(project: ProjectHost, dir: string): string | undefined {
  const p = pathApi(dir);
  const dotGit = p.join(dir, ".git");
  const link = project.readFile(dotGit);
  if (link !== undefined) {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(link);
    return m ? p.resolve(dir, m[1]!) : undefined;
  }
  return project.fileExists(p.join(dotGit, "HEAD")) ? dotGit : undefined;
}

function repoOf(project: ProjectHost, file: string): Repo {
  const p = pathApi(file);
  let byDir = repos.get(project);
  if (!byDir) repos.set(project, (byDir = new Map()));
  const seen: string[] = [];
  let dir = p.dirname(file);
  let repo: Repo | undefined;
  for (let i = 0; i < 64 && repo === undefined; i++) {
    repo = byDir.get(dir);
    if (repo) break;
    seen.push(dir);
    const gitDir = gitDirAt(project, dir);
    if (gitDir !== undefined) {
      // No index (nothing ever added, or over the host's size cap) is "cannot tell"; index v4 compresses paths: not read.
      const text = project.readFile(p.join(gitDir, "index"));
      repo = { workTree: dir, index: text !== undefined && text.startsWith("DIRC") && (text.charCodeAt(7) === 2 || text.charCodeAt(7) === 3) ? text : undefined };
      break;
    }
    const up = p.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  repo ??= { workTree: undefined, index: "" };
  for (const d of seen) byDir.set(d, repo);
  return repo;
}

/**
 * Whether git tracks `file` (an absolute path): its path, relative to the work tree, is an entry
 * of the index (`<flags><path>\0`, the flags' low byte being the path's length in bytes).
 *
 * @example isTracked(host, "/repo/src/config.ts") === true // after `git add src/config.ts`
 */
export function isTracked(project: ProjectHost, file: string): Tracked {
  const repo = repoOf(project, file);
  if (repo.workTree === undefined) return false;
  if (repo.index === undefined) return undefined;
  const p = pathApi(file);
  const rel = p.relative(repo.workTree, file).split(p.sep).join("/");
  if (rel === "" || rel.startsWith("../")) return false;
  const length = Buffer.byteLength(rel);
  const entry = `${rel}\0`;
  for (let at = repo.index.indexOf(entry); at !== -1; at = repo.index.indexOf(entry, at + 1)) {
    const before = repo.index.charCodeAt(at - 1);
    // The name length, or (names of 128+ bytes) a byte that UTF-8 cannot decode alone, or the
    // extended flags' low byte (skip-worktree, intent-to-add) of an index v3 entry.
    if (before === (length < 0x80 ? length : 0xfffd) || before === 0) return true;
  }
  return false;
}
