import * as fs from "node:fs";
import * as path from "node:path";
import type { ConfigFileFinder, Problem, ResolvedConfig } from "../engine";
import { loadEngine } from "./engine";

export interface EditorConfig {
  config: ResolvedConfig;
  /** The `.hardeninghints.json` in effect, if any. */
  file?: string;
  /** Problems of that file (a malformed config): the defaults are used meanwhile. */
  problems: readonly Problem[];
}

/**
 * `.hardeninghints.json` per folder, read through the engine's own loader so that the editor and
 * the CLI agree. Cached per folder and per file; the file watcher calls `invalidate`.
 */
export class ConfigCache {
  /** Made on first use: the engine is not loaded at activation. */
  private finder: ConfigFileFinder | undefined;
  /** One default config per root, as in the CLI's resolver, so its compiled ignore globs are reused. */
  private readonly defaults = new Map<string, ResolvedConfig>();
  private readonly loaded = new Map<string, { config: ResolvedConfig; problems: Problem[]; mtimeMs: number }>();
  /** The editor's `maxFileSizeKb` setting caps the project's limit; derived configs are cached so `isIgnored` keeps its matcher cache. */
  private readonly capped = new WeakMap<ResolvedConfig, Map<number, ResolvedConfig>>();
  private generation = 0;

  /** Bumped on every invalidation; analyses cached under an older generation are stale. */
  get version(): number {
    return this.generation;
  }

  invalidate(): void {
    this.finder?.clear();
    this.loaded.clear();
    this.generation++;
  }

  /** The configuration of a file (overrides applied); `fallbackRoot` anchors the defaults when there is no config file. */
  forFile(file: string, fallbackRoot: string, maxFileSizeKb: number): EditorConfig {
    const { config, file: configFile, problems } = this.inEffect(file, fallbackRoot);
    // The file's own configuration (the config's `overrides` that match it), as the CLI's resolver gives it.
    return { config: this.cap(loadEngine().configForPath(config, file), maxFileSizeKb), file: configFile, problems };
  }

  /**
   * The configuration in effect for `file` with its `overrides` still unapplied (the project's
   * top-level rules, and every folder entry): what the Rules view shows.
   */
  inEffect(file: string, fallbackRoot: string): EditorConfig {
    const engine = loadEngine();
    const configFile = (this.finder ??= new engine.ConfigFileFinder()).find(path.dirname(file));
    let entry = configFile ? this.loaded.get(configFile) : undefined;
    // One stat per analysis also catches changes the workspace watcher cannot see (a config in a parent folder).
    const mtimeMs = configFile ? mtimeOf(configFile) : 0;
    if (entry && entry.mtimeMs !== mtimeMs) {
      entry = undefined;
      this.generation++;
    }
    if (configFile && !entry) {
      entry = { ...engine.loadConfigFile(configFile, engine.allRules), mtimeMs };
      this.loaded.set(configFile, entry);
    }
    let base = entry?.config ?? this.defaults.get(fallbackRoot);
    if (!base) this.defaults.set(fallbackRoot, (base = engine.defaultConfig(fallbackRoot)));
    return { config: base, file: configFile, problems: entry?.problems ?? [] };
  }

  private cap(config: ResolvedConfig, maxFileSizeKb: number): ResolvedConfig {
    if (config.maxFileSizeKb <= maxFileSizeKb) return config;
    let byLimit = this.capped.get(config);
    if (!byLimit) this.capped.set(config, (byLimit = new Map()));
    let out = byLimit.get(maxFileSizeKb);
    if (!out) byLimit.set(maxFileSizeKb, (out = Object.freeze({ ...config, maxFileSizeKb })));
    return out;
  }
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1; // gone since it was found: the loader reports it
  }
}
