import * as path from "node:path";
import type { ProjectHost } from "../engine/types";
import { computeProfile, findProjectRoot } from "./detect";
import type { ProjectProfile } from "./types";

/** Files whose change invalidates the profile of the root they sit in (an OpenAPI document: see openapi.ts). */
const PROFILE_INPUTS = /(?:^|[\\/])(?:package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|deno\.jsonc?|import_map\.json|tsconfig(?:\.[\w-]+)?\.json|jsconfig\.json|\.hardeninghints\.json|\.eslintrc(?:\.\w+)?|eslint\.config\.\w+|biome\.jsonc?|wrangler\.(?:toml|jsonc?)|\.env\.\w+|\.?env[.-][\w.-]*(?:example|sample|template|dist)[\w.-]*|(?:[Ll]ogger|[Ll]og|[Ll]ogging)\.[cm]?[jt]s|[Ll]ogger[\\/]index\.[cm]?[jt]s|[^\\/]*(?:api|API|Api|spec|swagger)[^\\/]*\.(?:ya?ml|json))$/;

const SOURCE_RE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * One profile per project root, computed on first use. The CLI keeps one cache for a run; the
 * editor calls {@link ProfileCache.invalidate} when a manifest, lockfile or config changes.
 */
export class ProfileCache {
  private readonly byRoot = new Map<string, ProjectProfile>();
  private readonly rootOfDir = new Map<string, string | undefined>();

  constructor(private readonly project: ProjectHost) {}

  /** The profile of the project holding `file` (an absolute path). */
  get(file: string): ProjectProfile {
    const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
    const dir = p.dirname(file);
    let root: string | undefined;
    if (this.rootOfDir.has(dir)) root = this.rootOfDir.get(dir);
    else {
      root = findProjectRoot(this.project, file);
      this.rootOfDir.set(dir, root);
    }
    const key = root ?? dir;
    let profile = this.byRoot.get(key);
    if (!profile) {
      profile = computeProfile(this.project, key, root !== undefined);
      this.byRoot.set(key, profile);
    }
    return profile;
  }

  /** Drops what a change to `file` may make stale; true when something was dropped. */
  invalidate(file: string): boolean {
    if (!PROFILE_INPUTS.test(file)) {
      // A source file added, changed or removed may change who imports what: the importers index is built again on the next question.
      if (SOURCE_RE.test(file))
        for (const profile of this.byRoot.values()) {
          profile.forgetImporters?.();
          profile.forgetAxiosDefaults?.(file);
        }
      return false;
    }
    this.byRoot.clear();
    this.rootOfDir.clear();
    return true;
  }
}

const caches = new WeakMap<ProjectHost, ProfileCache>();

/** The cache that belongs to one {@link ProjectHost} (one per CLI run, one per editor session). */
export function profileCacheFor(project: ProjectHost): ProfileCache {
  let cache = caches.get(project);
  if (!cache) {
    cache = new ProfileCache(project);
    caches.set(project, cache);
  }
  return cache;
}
