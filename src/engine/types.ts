import type { ts } from "ts-morph";
import type { ProjectProfile } from "../profile/types";

/** Severity as written in configuration. `off` never reaches a finding. */
export type Severity = "off" | "info" | "warning" | "error";
export type FindingSeverity = Exclude<Severity, "off">;

/**
 * How sure a rule is that a finding is a real problem. `low` marks a shape that is often a
 * matter of judgement on real code (the family's docs list them under "Confidence"): it is
 * reported one severity step lower than configured (error → warning, warning → info).
 */
export type Confidence = "high" | "low";

/** Offsets are UTF-16 code-unit offsets into the analyzed text (or into `file`'s text). */
export interface Range {
  start: number;
  end: number;
}

/**
 * One replacement. `file` is absent for the analyzed file; otherwise it is an absolute path
 * (for example the project's `.env.example`) and `start`/`end` are offsets into that file's
 * current text as read through the {@link ProjectHost}. `create` marks a file that does not
 * exist yet: then `start === end === 0` and `text` is the whole new file.
 */
export interface TextEdit extends Range {
  text: string;
  file?: string;
  create?: boolean;
  /**
   * A substring of `text` that the editor turns into a snippet placeholder (for example the
   * reason of an ignore directive). Surfaces without snippets insert `text` as it is.
   */
  placeholder?: string;
}

export type FixKind = "safe" | "suggestion";

export interface Fix {
  /** Imperative, sentence case, specific: "Rethrow with `{ cause }`". */
  title: string;
  kind: FixKind;
  edits: TextEdit[];
  /** At most one per finding; must be a safe fix. */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
  /** Absent for the analyzed file. */
  file?: string;
}

export interface Suppression {
  kind: "inSource" | "external";
  justification: string;
}

export interface Finding {
  /** Family id, e.g. `swallowed-exception`. */
  ruleId: string;
  /** Sub-case id, e.g. `emptyCatch`. */
  caseId: string;
  /** `ruleId/caseId`: used in diagnostics, directives, SARIF and docs anchors. */
  code: string;
  /** The effective severity: the configured one, one step lower for a low-confidence finding. */
  severity: FindingSeverity;
  /** Absent means `high`. */
  confidence?: Confidence;
  /** Why a finding has low confidence: a reason id listed in the family's docs ("Confidence"). */
  confidenceReason?: string;
  /** Already redacted: never holds a secret in full. */
  message: string;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Docs URL with the case anchor. */
  docsUrl: string;
  /** Present when an inline directive or the baseline silences the finding. */
  suppression?: Suppression;
}

export type ProblemKind =
  | "parseError"
  | "tooLarge"
  | "binary"
  | "notUtf8"
  | "minified"
  | "vendored"
  | "unreadable"
  | "ruleCrash"
  | "fixRejected"
  | "configError";

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** Absolute path of the file the problem is about, if any. */
  file?: string;
  ruleId?: string;
  range?: Range;
}

export interface AnalysisResult {
  path: string;
  findings: Finding[];
  problems: Problem[];
  /** False when the file was skipped (binary, too large, minified, vendored, unreadable). */
  analyzed: boolean;
}

/**
 * What a rule may learn about the project around the file, without touching the file system
 * itself. The CLI backs it with `fs`; tests back it with an in-memory map.
 */
export interface ProjectHost {
  /** Text of a file, or undefined when it does not exist or cannot be read. */
  readFile(absPath: string): string | undefined;
  fileExists(absPath: string): boolean;
  /**
   * Where `absPath` really lives once symbolic links are followed (a dangling link resolves to
   * its target), so a fix never writes through a link that leaves the project. Hosts without
   * links (in-memory ones) leave it out.
   */
  realPath?(absPath: string): string;
  /**
   * The names in a folder, or undefined when it cannot be listed. Optional: the project profile
   * uses it to probe only names that exist (a few listings instead of hundreds of failed opens).
   */
  listDir?(absPath: string): readonly string[] | undefined;
  /**
   * Told when a rule consults the project's importers index of `root` (src/profile/importers.ts):
   * the result may then depend on which other files import the analysed one. The CLI's `--cache`
   * keys such a result on the index's `edges()` (src/cli/cache.ts); other hosts need not implement it.
   */
  consultedImporters?(root: string, index: { edges(): string }): void;
}

/** Per-case declaration. */
export interface CaseMeta {
  /** Message template with `{{name}}` placeholders, filled from the report's `data`. */
  message: string;
  /** What the case's fixes may be: `safe` fixes can be applied in bulk; `suggestion` never. */
  fix: "safe" | "suggestion" | "none";
  /** Overrides the rule's default severity for this case. */
  severity?: FindingSeverity;
  /** One line used in SARIF `shortDescription` and docs. */
  description: string;
}

/** A small JSON Schema subset that {@link validateAgainstSchema} understands. */
export interface JsonSchema {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  minimum?: number;
  minItems?: number;
  required?: readonly string[];
  format?: "regex-or-string" | "glob";
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

export interface RuleReport {
  case: string;
  /** Either a node (its trimmed range, without leading trivia) or an explicit range. */
  node?: ts.Node;
  range?: Range;
  data?: Record<string, string | number>;
  related?: RelatedLocation[];
  /** Fixes, or a thunk that builds them only when a surface asks for fixes. */
  fixes?: Fix[] | (() => Fix[]);
  /**
   * A reason id (listed in the family's docs, "Confidence") when the finding has low
   * confidence: it is then reported one severity step lower than configured.
   */
  lowConfidence?: string;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly path: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly options: Options;
  readonly project: ProjectHost;
  /** The project around the file: runtime, module system, logger, validator, env example file. */
  readonly profile: ProjectProfile;
  /** True for `*.test.*`, `*.spec.*`, `__tests__/` (or `__test__/`), `test/`, `tests/` paths. */
  readonly isTestFile: boolean;
  /** True for ESM syntax or `.mjs/.mts`; false for CommonJS (`require`) files. */
  readonly isModule: boolean;
  report(report: RuleReport): void;
}

/** Visitors keyed by `ts.SyntaxKind`, plus whole-file hooks. */
export type Visitors = {
  [kind: number]: ((node: any) => void) | undefined;
} & {
  /** Once per file, before the walk. */
  onFile?: () => void;
  /** Once per file, after the walk. */
  onFileExit?: () => void;
};

export interface RuleModule<Options = any, CaseId extends string = string> {
  id: string;
  docs: { description: string; url: string };
  severity: FindingSeverity;
  cases: Record<CaseId, CaseMeta>;
  options: { schema: JsonSchema; defaults: Options };
  create(ctx: RuleContext<Options>): Visitors;
  /**
   * Optional scan of the plain text, run instead of the visitors when the file cannot be parsed
   * or walked (absurd nesting): reports carry a `range`, never a node, and no fixes.
   */
  scanText?(text: string, report: (report: RuleReport) => void): void;
  /**
   * Optional scan of a JSON configuration file (json-config.ts says which): such files get no
   * syntax tree walk, only this; reports carry a `range`, never a node, and no fixes.
   */
  scanJson?(file: JsonFile<Options>, report: (report: RuleReport) => void): void;
}

/** A JSON file handed to {@link RuleModule.scanJson}. */
export interface JsonFile<Options = any> {
  path: string;
  text: string;
  options: Options;
  project: ProjectHost;
  /** The config root: folder conventions are judged below it. */
  root: string;
}

/** Severity and options after configuration is applied, per rule. */
export interface ResolvedRuleConfig {
  /** Family severity if set in config (else undefined: use per-case defaults). */
  severity?: Severity;
  caseSeverity: Record<string, Severity>;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Absolute path of the config file, or undefined when defaults are used. */
  file?: string;
  /** Folder that relative `ignore` globs are resolved against. */
  root: string;
  ignore: string[];
  maxFileSizeKb: number;
  requireDirectiveReason: boolean;
  reportUnusedDirectives: boolean;
  rules: Record<string, ResolvedRuleConfig>;
  /**
   * The `overrides` entries, in file order, still to be applied to each file they match
   * (`configForPath`). Empty or absent when there are none, or once applied.
   */
  overrides?: readonly ResolvedOverride[];
}

/** What one `rules` object sets for one family: only what it names (no defaults). */
export interface RuleLayer {
  severity?: Severity;
  caseSeverity: Record<string, Severity>;
  options: Record<string, unknown>;
}

/** One `overrides` entry: its globs (relative to the config's folder) and what its `rules` set, per family. */
export interface ResolvedOverride {
  files: readonly string[];
  rules: Readonly<Record<string, RuleLayer>>;
}
