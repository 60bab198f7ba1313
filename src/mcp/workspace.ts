import * as fs from "node:fs";
import * as path from "node:path";

/** A wrong argument: the message goes back to the agent as the tool's error, as it is. */
export class ToolError extends Error {}

/** The folder an agent works in: every path it names is resolved against it and must stay inside it. */
export interface Workspace {
  /** Absolute. */
  root: string;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** `p` with symbolic links resolved as far as the path exists (a file to be created resolves through its folder). */
function realPathOf(p: string): string {
  const rest: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch (err: unknown) {
      void err; // not there (yet): resolve the parent
      const up = path.dirname(at);
      if (up === at) return p;
      rest.push(path.basename(at));
      at = up;
    }
  }
}

/**
 * The absolute path of a path the agent named (relative to the root, or absolute), refused when
 * it leaves the workspace, also through a symbolic link.
 */
export function insideWorkspace(ws: Workspace, p: string): string {
  const abs = path.resolve(ws.root, p);
  if (!isInside(ws.root, abs) || !isInside(realPathOf(ws.root), realPathOf(abs))) {
    throw new ToolError(`${p} is outside the workspace ${ws.root}; this server only reads and writes inside it`);
  }
  return abs;
}

/** A path as the agent sees it: relative to the root, with `/`. */
export function relativeTo(ws: Workspace, abs: string): string {
  return path.relative(ws.root, abs).split(path.sep).join("/") || ".";
}
