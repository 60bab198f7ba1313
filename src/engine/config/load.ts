import * as fs from "node:fs";
import * as path from "node:path";
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { Minimatch } from "minimatch";
import type { Problem, ResolvedConfig, ResolvedOverride, ResolvedRuleConfig, RuleLayer, RuleModule, Severity } from "../types";
import { buildConfigSchema } from "./schema";
import { formatPath, validateAgainstSchema } from "./validate";
import { readRegularFile } from "../read-file";

export const CONFIG_FILE_NAME = ".hardeninghints.json";

/**
 * Always ignored, unless the CLI is run with --no-ignore: dependencies, build output, bundles, and
 * the files Yarn writes itself (its Plug'n'Play loader `.pnp.cjs` / `.pnp.loader.mjs` and the
 * `.yarn/` folder of releases, plugins and SDK shims), generated code nobody in the project wrote.
 */
export const DEFAULT_IGNORES = ["**/node_modules/**", "**/dist/**", "**/build/**", "**/out/**", "**/coverage/**", "**/.next/**", "**/.git/**", "**/*.min.js", "**/*.min.mjs", "**/*.bundle.js", "**/.pnp.cjs", "**/.pnp.js", "**/.pnp.loader.mjs", "**/.yarn/**"];

export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** A configuration is a few hundred bytes; anything over this is refused with a message. */
const CONFIG_MAX_BYTES = 1024 * 1024;
/** Deeper nesting than any valid configuration needs; checked before the (recursive) JSON parser runs. */
const CONFIG_MAX_DEPTH = 32;
/** Keys that would reach `Object.prototype` instead of the configuration. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Offset of the first bracket nested deeper than `max` (strings and comments skipped), or -1. Linear. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      const eol = text.indexOf("\n", i);
      i = eol === -1 ? text.length : eol;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === "{" || c === "[") {
      if (++depth > max) return i;
    } else if (c === "}" || c === "]") depth--;
  }
  return -1;
}

/** Defaults: every rule at its declared severities. */
export function defaultConfig(root: string): ResolvedConfig {
  return Object.freeze({ root, ignore: [...DEFAULT_IGNORES], maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB, requireDirectiveReason: true, reportUnusedDirectives: true, rules: {} });
}

/**
 * The config file in `dir` itself, if any. ENOENT is the normal case (no exception is built for
 * it); anything else (a symlink loop, EACCES) means the file is there but unreadable: it is
 * returned so that loading reports why, never silently.
 */
export function configFileIn(dir: string): string | undefined {
  const candidate = path.join(dir, CONFIG_FILE_NAME);
  try {
    // Anything there but a missing entry is returned (a folder, a FIFO), so loading says what it is.
    return fs.lstatSync(candidate, { throwIfNoEntry: false }) ? candidate : undefined;
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    // EACCES on lstat means the folder itself cannot be searched: there is no config to blame; the
    // listing reports the folder. Anything else (a symlink loop) is a config that cannot be read.
    return code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" ? undefined : candidate;
  }
}

/**
 * Finds the `.hardeninghints.json` that applies to a folder by walking up to the file system
 * root. Each folder is looked at once per finder: a folder's answer is its own file or its
 * parent's answer. The CLI keeps one finder per run, the editor one until a config changes.
 */
export class ConfigFileFinder {
  private readonly byDir = new Map<string, string | undefined>();

  find(startDir: string): string | undefined {
    const pending: string[] = [];
    let at = path.resolve(startDir);
    let found: string | undefined;
    for (;;) {
      if (this.byDir.has(at)) {
        found = this.byDir.get(at);
        break;
      }
      pending.push(at);
      found = configFileIn(at);
      if (found) break;
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
    for (const d of pending) this.byDir.set(d, found);
    return found;
  }

  clear(): void {
    this.byDir.clear();
  }
}

/** Walks up from `startDir` to the file system root looking for `.hardeninghints.json`. */
export function findConfigFile(startDir: string): string | undefined {
  return new ConfigFileFinder().find(startDir);
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return `${line}:${offset - last}`;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Empty when the file is valid. A non-empty list means `config` holds the defaults. */
  problems: Problem[];
}

/**
 * Reads, validates and normalizes a config file. Never throws: an unreadable, malformed or
 * invalid file yields one precise `configError` problem (file:line:col, JSON path, expected)
 * and the defaults, so the extension can warn once and keep going while the CLI exits 2.
 */
export function loadConfigFile(file: string, rules: readonly RuleModule[]): LoadedConfig {
  const root = path.dirname(file);
  const fail = (message: string): LoadedConfig => ({ config: defaultConfig(root), problems: [{ kind: "configError", file, message }] });
  const read = readRegularFile(file, CONFIG_MAX_BYTES);
  if (!read.ok) return fail(read.code === "NOTFILE" ? `${file}: ${read.reason}, expected a JSON file` : `${file}: cannot read the configuration (${read.reason})`);
  return parseConfigText(read.text, file, rules);
}

/** As {@link loadConfigFile}, from text already read (tests, the editor's unsaved buffer). */
export function parseConfigText(text: string, file: string, rules: readonly RuleModule[]): LoadedConfig {
  const root = path.dirname(file);
  const fail = (message: string): LoadedConfig => ({ config: defaultConfig(root), problems: [{ kind: "configError", file, message }] });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 BOM, as editors on Windows write it
  if (text.trim() === "") return fail(`${file}: the configuration is empty; expected a JSON object such as {}`);
  const deep = tooDeepAt(text, CONFIG_MAX_DEPTH);
  if (deep !== -1) return fail(`${file}:${lineCol(text, deep)}: nested more than ${CONFIG_MAX_DEPTH} levels deep; a configuration needs at most 4`);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    if (!e) return fail(`${file}: the configuration is empty; expected a JSON object`);
    return fail(`${file}:${lineCol(text, e.offset)}: invalid JSON (${printParseErrorCode(e.error)})`);
  }
  const forbidden = forbiddenKey(tree);
  if (forbidden) return fail(`${file}:${lineCol(text, forbidden.offset)}: the key ${JSON.stringify(forbidden.value)} is not allowed`);
  const value = nodeValue(tree);
  const schema = buildConfigSchema(rules);
  const schemaErrors = validateAgainstSchema(value, schema);
  if (schemaErrors.length > 0) {
    const first = schemaErrors[0]!;
    const node = findNodeAtLocation(tree, first.path);
    const where = node ? `:${lineCol(text, node.parent?.type === "property" && typeof first.path[first.path.length - 1] === "string" ? node.parent.offset : node.offset)}` : "";
    const more = schemaErrors.length > 1 ? ` (and ${schemaErrors.length - 1} more)` : "";
    return fail(`${file}${where}: ${formatPath(first.path)}: ${first.message}${more}`);
  }
  const raw = value as RawConfig;
  const badGlob = checkGlobs(raw.ignore ?? []);
  if (badGlob) return fail(`${file}: ignore: ${badGlob}`);
  for (const [i, entry] of (raw.overrides ?? []).entries()) {
    const bad = checkGlobs(entry.files);
    if (bad) return fail(`${file}: overrides[${i}].files: ${bad}`);
  }
  return { config: normalize(raw, root, rules), problems: [] };
}

/** The first property key that is `__proto__`, `constructor` or `prototype`, at any depth. */
function forbiddenKey(node: import("jsonc-parser").Node): import("jsonc-parser").Node | undefined {
  for (const child of node.children ?? []) {
    if (node.type === "property" && child === node.children![0] && FORBIDDEN_KEYS.has(String(child.value))) return child;
    const found = forbiddenKey(child);
    if (found) return found;
  }
  return undefined;
}

function nodeValue(node: import("jsonc-parser").Node): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function checkGlobs(globs: readonly string[]): string | undefined {
  for (const g of globs) {
    if (g.trim() === "") return "an empty glob matches nothing";
    if (g.startsWith("!")) return `negated globs are not supported (${g}); list the paths you mean instead`;
    try {
      new Minimatch(g);
    } catch (err: unknown) {
      return `invalid glob ${JSON.stringify(g)}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return undefined;
}

type RawRules = Record<string, Severity | ({ severity?: Severity } & Record<string, unknown>)>;

interface RawConfig {
  ignore?: string[];
  maxFileSizeKb?: number;
  requireDirectiveReason?: boolean;
  reportUnusedDirectives?: boolean;
  rules?: RawRules;
  overrides?: { files: string[]; rules?: RawRules }[];
}

/** What one `rules` object sets, per family it names (families it does not name are absent). */
function layerOf(raw: RawRules | undefined, rules: readonly RuleModule[]): Record<string, RuleLayer> {
  const out: Record<string, RuleLayer> = {};
  if (!raw) return out;
  for (const rule of rules) {
    const layer: RuleLayer = { caseSeverity: {}, options: {} };
    let named = false;
    const entry = raw[rule.id];
    if (typeof entry === "string") layer.severity = entry;
    else if (entry && typeof entry === "object") {
      const { severity, ...options } = entry;
      if (severity) layer.severity = severity;
      Object.assign(layer.options, options);
    }
    if (entry !== undefined) named = true;
    for (const caseId of Object.keys(rule.cases)) {
      const sev = raw[`${rule.id}/${caseId}`];
      if (typeof sev === "string") {
        layer.caseSeverity[caseId] = sev;
        named = true;
      }
    }
    if (named) out[rule.id] = layer;
  }
  return out;
}

/**
 * `layer` applied over `base`: what the layer names wins, options merge key by key. Within one
 * layer a case beats its family; a family severity in a later layer (an override) also replaces
 * the case severities of the layers before it, so that `"swallowed-exception": "off"` for
 * `test/**` turns off every case there, including one the top-level rules raised.
 */
function applyLayer(base: ResolvedRuleConfig, layer: RuleLayer): ResolvedRuleConfig {
  const out: ResolvedRuleConfig = {
    caseSeverity: layer.severity ? { ...layer.caseSeverity } : { ...base.caseSeverity, ...layer.caseSeverity },
    options: { ...base.options, ...layer.options },
  };
  const severity = layer.severity ?? base.severity;
  if (severity) out.severity = severity;
  return Object.freeze(out);
}

/** Normalizes once into a frozen, fully defaulted object. */
export function normalize(raw: RawConfig, root: string, rules: readonly RuleModule[]): ResolvedConfig {
  const resolved: Record<string, ResolvedRuleConfig> = {};
  const top = layerOf(raw.rules, rules);
  for (const rule of rules) {
    const defaults: ResolvedRuleConfig = { caseSeverity: {}, options: { ...(rule.options.defaults as Record<string, unknown>) } };
    const layer = top[rule.id];
    resolved[rule.id] = layer ? applyLayer(defaults, layer) : Object.freeze(defaults);
  }
  const overrides: ResolvedOverride[] = (raw.overrides ?? []).map((o) => Object.freeze({ files: Object.freeze([...o.files]), rules: Object.freeze(layerOf(o.rules, rules)) }));
  return Object.freeze({
    root,
    ignore: [...DEFAULT_IGNORES, ...(raw.ignore ?? [])],
    maxFileSizeKb: raw.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB,
    requireDirectiveReason: raw.requireDirectiveReason ?? true,
    reportUnusedDirectives: raw.reportUnusedDirectives ?? true,
    rules: Object.freeze(resolved),
    ...(overrides.length > 0 ? { overrides: Object.freeze(overrides) } : {}),
  });
}

/** Compiled globs, as `ignore` and `overrides[].files` match them. */
function compile(globs: readonly string[]): Minimatch[] {
  return globs.map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes("/") }));
}

/**
 * Text every path a glob matches holds: its longest run of plain characters, slashes at either
 * end left out (the default `dist` glob matches the folder `dist` itself). Only for globs whose
 * only magic is `*` and `?`, each of which stands for characters of the path; "" (no test) for any
 * other glob.
 */
function requiredText(glob: string): string {
  if (/[[\]{}()!+@\\#]/.test(glob)) return "";
  let best = "";
  for (const piece of glob.split(/[*?]+/)) {
    const t = piece.replace(/^\/+|\/+$/g, "");
    if (t.length > best.length) best = t;
  }
  return best;
}

const requiredTexts = new WeakMap<Minimatch, string>();

/** `m.match(p)`, answered false at once when `p` lacks the text every match holds (most paths, for most globs). */
function matchesGlob(m: Minimatch, p: string): boolean {
  let need = requiredTexts.get(m);
  // (A negated glob matches what its text does not: no test. Minimatch keeps its pattern without the `!`.)
  if (need === undefined) requiredTexts.set(m, (need = m.negate || m.comment ? "" : requiredText(m.pattern)));
  return (need === "" || p.includes(need)) && m.match(p);
}

/** True when `absPath` matches one of `matchers`, relative to `root`. */
function matchesUnder(absPath: string, root: string, matchers: readonly Minimatch[]): boolean {
  const rel = path.relative(root, absPath).split(path.sep).join("/");
  if (rel.startsWith("../")) {
    // Outside the config root: only the ** globs can apply.
    const abs = absPath.split(path.sep).join("/");
    return matchers.some((m) => m.pattern.startsWith("**/") && matchesGlob(m, abs));
  }
  return matchers.some((m) => matchesGlob(m, rel));
}

const matcherCache = new WeakMap<ResolvedConfig, Minimatch[]>();

/** True when `absPath` matches one of the config's ignore globs (relative to the config root). */
export function isIgnored(absPath: string, config: ResolvedConfig): boolean {
  let matchers = matcherCache.get(config);
  if (!matchers) {
    matchers = compile(config.ignore);
    matcherCache.set(config, matchers);
  }
  return matchesUnder(absPath, config.root, matchers);
}

const overrideMatchers = new WeakMap<ResolvedOverride, Minimatch[]>();
/** Per config, the configs derived for each set of matching overrides (keyed by their indexes). */
const derivedCache = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();

/**
 * The configuration of one file: `config` with the `overrides` entries whose globs match
 * `absPath` applied in order, after the top-level rules (later entries win). The same object
 * for every file the same entries match (and `config` itself when none does), so caches keyed
 * by the config keep working. The result has no overrides left: applying it again is a no-op.
 * @example configForPath(parseConfigText('{ "overrides": [{ "files": ["legacy/**"], "rules": { "swallowed-exception": "off" } }] }', "/p/.hardeninghints.json", allRules).config, "/p/legacy/a.ts").rules["swallowed-exception"].severity // "off"
 */
export function configForPath(config: ResolvedConfig, absPath: string): ResolvedConfig {
  const overrides = config.overrides;
  if (!overrides || overrides.length === 0) return config;
  const matched: number[] = [];
  overrides.forEach((o, i) => {
    let matchers = overrideMatchers.get(o);
    if (!matchers) overrideMatchers.set(o, (matchers = compile(o.files)));
    if (matchesUnder(absPath, config.root, matchers)) matched.push(i);
  });
  if (matched.length === 0) return config;
  let byKey = derivedCache.get(config);
  if (!byKey) derivedCache.set(config, (byKey = new Map()));
  const key = matched.join(",");
  let derived = byKey.get(key);
  if (!derived) {
    const rules = { ...config.rules };
    for (const i of matched) {
      for (const [id, layer] of Object.entries(overrides[i]!.rules)) rules[id] = applyLayer(rules[id] ?? { caseSeverity: {}, options: {} }, layer);
    }
    derived = Object.freeze({ ...config, rules: Object.freeze(rules), overrides: [] });
    byKey.set(key, derived);
  }
  return derived;
}
