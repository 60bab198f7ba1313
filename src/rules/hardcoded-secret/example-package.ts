import * as path from "node:path";
import type { ProjectHost } from "../../engine/types";

/** Folders of sample code: what the project shows its users, not what it deploys. */
export const EXAMPLE_DIR_RE = /\/(?:examples?|samples?|demos?)\//i;
/** A file named as sample code: `example.ts`, `example_v1.js`, `examples-watcher.ts`, `config.example.ts` (paths are short). */
export const EXAMPLE_FILE_RE = /(?:^|\/)(?:examples?(?:[-_.][\w.-]*)?|[\w-]+\.example)\.[cm]?[jt]sx?$/i;
const EXAMPLE_NAME_RE = /^(?:examples?|samples?|demos?)$/i;
const MANIFESTS = ["package.json", "deno.json", "deno.jsonc", "pnpm-workspace.yaml"] as const;

/**
 * A package of its own inside a folder of examples of an enclosing project
 * (`examples/testing/package.json`, `examples/next-app/server/package.json` of keystone, where the
 * repository's package.json sits beside `examples/`): still an example, though its folder
 * conventions are judged below its own package.json. The examples folder must lie within three
 * levels above the package and hold a manifest beside it, so a project checked out under a folder
 * of that name (`~/examples/my-app/`) is not one: nothing encloses it.
 */
export function inExamplePackage(root: string, host: ProjectHost): boolean {
  const p = path.posix;
  let dir = root.replace(/\\/g, "/").replace(/\/$/, "");
  for (let up = 0; up < 3; up++) {
    const parent = p.dirname(dir);
    if (parent === dir) return false;
    if (EXAMPLE_NAME_RE.test(p.basename(parent))) {
      const outer = p.dirname(parent);
      return outer !== parent && MANIFESTS.some((m) => host.fileExists(p.join(outer, m)));
    }
    dir = parent;
  }
  return false;
}
