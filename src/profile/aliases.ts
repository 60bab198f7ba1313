/**
 * The project's own import aliases, as TypeScript and Node resolve them: the `compilerOptions.paths`
 * and `baseUrl` of the nearest tsconfig.json or jsconfig.json (its relative `extends` followed, a
 * solution-style config's `references` read when it has no `paths` itself) and the package.json
 * `imports` (`#lib/*`) of the nearest manifest. Rules never read these files: they ask
 * `ProjectFiles.resolve` (src/rules/unvalidated-boundary/elsewhere.ts), which asks this.
 *
 * Read through the {@link ProjectHost}, each config once per profile (the nearest one per folder is
 * kept too). A config that does not parse, or an `extends` that names a missing file, is left out
 * and said in `problems`; nothing here throws.
 */
import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";
import { asObject, pathApi } from "./read-json";

/** How far up from a file's folder the nearest config is looked for (a package of a monorepo, then the repository's root). */
const MAX_UP = 10;
/** `extends` hops followed (a config, its base, the base's base). */
const MAX_EXTENDS = 3;
/** Configs of a solution-style tsconfig's `references` read for `paths`. */
const MAX_REFERENCES = 4;
const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"] as const;

/** One `paths` key (`@server/*`) with its targets, absolute (`/p/server/*`). */
interface PathPattern {
  prefix: string;
  /** The part after the `*`; undefined for an exact key (no `*`). */
  suffix: string | undefined;
  targets: readonly string[];
}

/** What a tsconfig (its `extends` merged) says about non-relative specifiers. */
interface CompilerAliases {
  patterns: readonly PathPattern[];
  /** Absolute `baseUrl`, when set. */
  baseUrl?: string;
}

/** A package.json `imports` map, its targets absolute. */
interface PackageImports {
  patterns: readonly PathPattern[];
}

/** The nearest config of a folder (undefined: none), and every path probed to find it. */
interface Nearest {
  found: string | undefined;
  probes: readonly string[];
}

/** What a config file gave (undefined: nothing usable) and the files read for it (its `extends` chain, references). */
interface Read<T> {
  value: T | undefined;
  inputs: readonly string[];
}

/** Where an alias sends a specifier: absolute candidates, to be tried in order with the usual extensions. */
export interface AliasTargets {
  /** Candidates from `paths` or package `imports`, then the `baseUrl` one. */
  candidates: readonly string[];
  /**
   * True when a `paths` key or an `imports` key matched: the project declares where the specifier
   * goes, so no guessed alias (`@/` at the root or `src/`) applies.
   */
  declared: boolean;
}

export interface ImportAliases {
  /** The targets of `spec` imported from `fromFile` (a non-relative specifier), or undefined when no alias of the project covers it. */
  resolve(fromFile: string, spec: string): AliasTargets | undefined;
  /** Configs that were left out (did not parse, an `extends` not found), one line each. */
  readonly problems: readonly string[];
}

/** The aliases seen from files of the project at `root`; configs are read on first use and kept. */
export function importAliasesOf(project: ProjectHost, root: string): ImportAliases {
  const p = pathApi(root);
  const problems: string[] = [];
  const nearestConfig = new Map<string, Nearest>();
  const nearestManifest = new Map<string, Nearest>();
  const compiler = new Map<string, Read<CompilerAliases>>();
  const imports = new Map<string, Read<PackageImports>>();

  /** The nearest of `names` at or above `dir`, remembered per folder on the way, with every name probed to find it. */
  const nearest = (dir: string, names: readonly string[], memo: Map<string, Nearest>): Nearest => {
    const walked: { dir: string; probes: string[] }[] = [];
    let tail: Nearest = { found: undefined, probes: [] };
    let d = dir;
    for (let i = 0; i < MAX_UP; i++) {
      const known = memo.get(d);
      if (known) {
        tail = known;
        break;
      }
      const probes = names.map((n) => p.join(d, n));
      walked.push({ dir: d, probes });
      const hit = probes.find((f) => project.fileExists(f));
      if (hit) {
        tail = { found: hit, probes: [] };
        break;
      }
      const up = p.dirname(d);
      if (up === d) break;
      d = up;
    }
    // Each folder's answer carries the probes from it up to the answer.
    for (let i = walked.length - 1; i >= 0; i--) {
      tail = { found: tail.found, probes: [...walked[i]!.probes, ...tail.probes] };
      memo.set(walked[i]!.dir, tail);
    }
    return tail;
  };

  const compilerOf = (file: string): Read<CompilerAliases> => {
    let r = compiler.get(file);
    if (!r) compiler.set(file, (r = readCompilerAliases(project, file, problems)));
    return r;
  };
  const importsOf = (file: string): Read<PackageImports> => {
    let r = imports.get(file);
    if (!r) imports.set(file, (r = readPackageImports(project, file, problems)));
    return r;
  };
  /**
   * The answer's inputs read again through the host (each a cached lookup): under the CLI's
   * `--cache` the analysed file's entry then lists them, so a changed or new config invalidates it
   * although this object read the config for another file first.
   */
  const touch = (inputs: readonly string[]): void => {
    for (const f of inputs) project.fileExists(f);
  };

  return {
    problems,
    resolve(fromFile, spec) {
      const dir = p.dirname(fromFile);
      if (spec.startsWith("#")) {
        const manifest = nearest(dir, ["package.json"], nearestManifest);
        touch(manifest.probes);
        const map = manifest.found ? importsOf(manifest.found) : undefined;
        if (map) touch(map.inputs);
        const targets = map?.value ? match(map.value.patterns, spec) : undefined;
        return targets ? { candidates: targets, declared: true } : undefined;
      }
      const config = nearest(dir, CONFIG_NAMES, nearestConfig);
      touch(config.probes);
      const read = config.found ? compilerOf(config.found) : undefined;
      if (read) touch(read.inputs);
      const c = read?.value;
      if (!c) return undefined;
      const fromPaths = match(c.patterns, spec);
      const candidates = [...(fromPaths ?? [])];
      // \`baseUrl\`: a non-relative specifier is also looked for under it (TypeScript tries it after \`paths\`).
      // Most such specifiers are packages (\`express\`): a folder listing rules them out before any probe.
      if (c.baseUrl !== undefined && underBaseUrl(project, c.baseUrl, spec)) candidates.push(p.join(c.baseUrl, spec));
      return candidates.length > 0 ? { candidates, declared: fromPaths !== undefined } : undefined;
    },
  };
}

/** The first segment of `spec` is a name in the `baseUrl` folder (or the host cannot list it: the probes answer). */
function underBaseUrl(project: ProjectHost, baseUrl: string, spec: string): boolean {
  const first = spec.split("/")[0]!;
  const names = project.listDir?.(baseUrl);
  return names === undefined || names.some((n) => n === first || n.startsWith(`${first}.`));
}

/**
 * The targets of the pattern that matches `spec`, `*` replaced by what it matched: an exact key
 * first, else the pattern with the longest prefix (TypeScript's `matchPatternOrExact`, Node's
 * pattern order for `imports`); undefined when none matches.
 */
function match(patterns: readonly PathPattern[], spec: string): string[] | undefined {
  let best: PathPattern | undefined;
  for (const pat of patterns) {
    if (pat.suffix === undefined) {
      if (pat.prefix === spec) return [...pat.targets];
      continue;
    }
    if (spec.length < pat.prefix.length + pat.suffix.length || !spec.startsWith(pat.prefix) || !spec.endsWith(pat.suffix)) continue;
    if (!best || pat.prefix.length > best.prefix.length) best = pat;
  }
  if (!best) return undefined;
  const star = spec.slice(best.prefix.length, spec.length - best.suffix!.length);
  return best.targets.map((t) => t.replace("*", star));
}

/** A JSON-with-comments file's top-level object; a file that does not parse is said in `problems`. */
function readConfig(project: ProjectHost, file: string, problems: string[]): Record<string, unknown> | undefined {
  const raw = project.readFile(file);
  if (raw === undefined) return undefined;
  // TypeScript's own tolerant reader (comments, trailing commas), no eval.
  const { config, error } = ts.parseConfigFileTextToJson(file, raw);
  if (error) {
    problems.push(`${file}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n").split("\n")[0]}; its import aliases are not used`);
    return undefined;
  }
  return asObject(config);
}

/**
 * A tsconfig's `paths` and `baseUrl`, its relative `extends` merged (the nearest definition wins;
 * `paths` relative to `baseUrl` when there is one, else to the config that declares them).
 */
function readCompilerAliases(project: ProjectHost, file: string, problems: string[]): Read<CompilerAliases> {
  const p = pathApi(file);
  const inputs: string[] = [];
  let paths: { value: Record<string, unknown>; dir: string } | undefined;
  let baseUrl: string | undefined;
  let references: string[] | undefined;
  const seen = new Set<string>();
  // The config, then its bases hop by hop (of an array, a later base wins in TypeScript: read last-first).
  let level = [file];
  for (let hop = 0; hop <= MAX_EXTENDS && level.length > 0; hop++) {
    const next: string[] = [];
    for (const f of level) {
      if (seen.has(f)) continue;
      seen.add(f);
      inputs.push(f);
      const json = readConfig(project, f, problems);
      if (!json) {
        if (f !== file && !project.fileExists(f)) problems.push(`${f}: not found (extended by a tsconfig); its import aliases are not used`);
        continue;
      }
      const dir = p.dirname(f);
      const opts = asObject(json.compilerOptions);
      const declared = asObject(opts?.paths);
      if (paths === undefined && declared) paths = { value: declared, dir };
      if (baseUrl === undefined && typeof opts?.baseUrl === "string") baseUrl = p.resolve(dir, opts.baseUrl);
      if (f === file && Array.isArray(json.references)) {
        references = json.references.map((r) => asObject(r)?.path).filter((r): r is string => typeof r === "string").map((r) => p.resolve(dir, r));
      }
      const ext = typeof json.extends === "string" ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === "string") : [];
      // Only a file of the project (`./tsconfig.base.json`, `../../tsconfig.json`): a package's preset sets no aliases of this project.
      for (const e of [...ext].reverse()) if (e.startsWith("./") || e.startsWith("../")) next.push(p.resolve(dir, /\.json$/i.test(e) ? e : `${e}.json`));
    }
    level = next;
  }
  // A solution-style config (`"files": [], "references": [{ "path": "./tsconfig.app.json" }]`, Vite's template): the first referenced config with `paths`.
  if (paths === undefined && references) {
    for (const r of references.slice(0, MAX_REFERENCES)) {
      const ref = readCompilerAliases(project, /\.json$/i.test(r) ? r : p.join(r, "tsconfig.json"), problems);
      inputs.push(...ref.inputs);
      if (ref.value && ref.value.patterns.length > 0) return { value: ref.value, inputs };
    }
  }
  if (paths === undefined && baseUrl === undefined) return { value: undefined, inputs };
  const base = baseUrl ?? paths!.dir;
  return { value: { patterns: paths ? patternsOf(paths.value, (t) => p.resolve(base, t)) : [], baseUrl }, inputs };
}

/** The package.json `imports` map (`"#lib/*": "./src/lib/*.js"`, condition objects, fallback arrays), targets absolute. */
function readPackageImports(project: ProjectHost, file: string, problems: string[]): Read<PackageImports> {
  const json = readConfig(project, file, problems);
  const map = asObject(json?.imports);
  if (!map) return { value: undefined, inputs: [file] };
  const p = pathApi(file);
  const dir = p.dirname(file);
  const keys = Object.fromEntries(Object.entries(map).filter(([k]) => k.startsWith("#")));
  return { value: { patterns: patternsOf(keys, (t) => (t.startsWith("./") ? p.resolve(dir, t) : undefined)) }, inputs: [file] };
}

/** Keys with at most one `*` and their string targets (a condition object's every target in order, an array's in order). */
function patternsOf(map: Record<string, unknown>, absolute: (target: string) => string | undefined): PathPattern[] {
  const out: PathPattern[] = [];
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star !== key.lastIndexOf("*")) continue;
    const targets = targetsOf(value, 0)
      .filter((t) => t.split("*").length <= 2)
      .map(absolute)
      .filter((t): t is string => t !== undefined);
    if (targets.length === 0) continue;
    out.push(star < 0 ? { prefix: key, suffix: undefined, targets } : { prefix: key.slice(0, star), suffix: key.slice(star + 1), targets });
  }
  return out;
}

/** The strings of a target: itself, an array's items, a condition object's values (`types`, `import`, `default`…), nested. */
function targetsOf(value: unknown, depth: number): string[] {
  if (typeof value === "string") return [value];
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => targetsOf(v, depth + 1));
  const o = asObject(value);
  return o ? Object.values(o).flatMap((v) => targetsOf(v, depth + 1)) : [];
}
