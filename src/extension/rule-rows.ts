/**
 * The Rules view's model, free of the `vscode` module (unit-tested without a host): per family
 * and case, the project severity, the folder overrides that change it, and the findings counted
 * at the severity each has in its own file.
 */
import type { ResolvedConfig, RuleModule } from "../engine";
import type { RuleSeverity } from "./config-edit";

/** One `overrides` entry as a row sees it: its globs and what it sets for the row's code. */
export interface FolderSeverity {
  files: readonly string[];
  /** The severity the family or case has in those files (the project's rules, then this entry). */
  severity?: RuleSeverity;
  /** For a family row: the cases the entry sets while leaving the family's severity alone. */
  cases?: string[];
}

/** One row of the view: a family or one of its cases. */
export interface RuleRow {
  code: string;
  description: string;
  /** Findings in the Problems panel now (open files and the last workspace audit). */
  count: number;
  /** Those findings by the severity in effect in their own file (folder overrides applied). */
  bySeverity: Partial<Record<RuleSeverity, number>>;
  /** Severity under the project's top-level `rules` in `.hardeninghints.json` (what the toggle changes). */
  severity: RuleSeverity;
  /** Severity the rule declares (what "turn on" writes back). */
  defaultSeverity: RuleSeverity;
  /** The config's `overrides` entries that set this family or case, in file order (later ones win). */
  folders: FolderSeverity[];
  cases?: RuleRow[];
}

/** A finding in the Problems panel, with the severity in effect in its own file. */
export interface CountedFinding {
  code: string;
  severity: RuleSeverity;
}

/** The severity a case has under a resolved config (the engine's order: case, family, declared). */
export function effectiveSeverity(rules: ResolvedConfig["rules"], rule: RuleModule, caseId: string): RuleSeverity {
  const rc = rules[rule.id];
  return rc?.caseSeverity[caseId] ?? rc?.severity ?? rule.cases[caseId]?.severity ?? rule.severity;
}

/**
 * Every family with its cases. `config` is the project's configuration with its `overrides` not
 * applied (the top-level `rules` give the severity; each entry naming a code is listed);
 * `findings` are counted per code and per family, by their own severity.
 * @example ruleRows(rules, parseConfigText('{ "overrides": [{ "files": ["src/legacy/**"], "rules": { "swallowed-exception": "off" } }] }', …).config, [])
 * // swallowed-exception/emptyCatch: { severity: "warning", folders: [{ files: ["src/legacy/**"], severity: "off" }], … }
 */
export function ruleRows(rules: readonly RuleModule[], config: Pick<ResolvedConfig, "rules" | "overrides">, findings: readonly CountedFinding[]): RuleRow[] {
  const counts = new Map<string, Partial<Record<RuleSeverity, number>>>();
  const add = (code: string, severity: RuleSeverity) => {
    const by = counts.get(code) ?? {};
    by[severity] = (by[severity] ?? 0) + 1;
    counts.set(code, by);
  };
  for (const f of findings) {
    add(f.code, f.severity);
    add(f.code.split("/")[0]!, f.severity);
  }
  const counted = (code: string) => {
    const bySeverity = counts.get(code) ?? {};
    return { count: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity };
  };
  const overrides = config.overrides ?? [];
  return rules.map((rule) => {
    const rc = config.rules[rule.id];
    const cases = Object.entries(rule.cases).map(([id, meta]): RuleRow => {
      const severity = effectiveSeverity(config.rules, rule, id);
      // As the engine applies an entry: its case severity, else its family severity, else what the project has.
      const folders = overrides.flatMap((o) => {
        const layer = o.rules[rule.id];
        const set = layer?.caseSeverity[id] ?? layer?.severity;
        return set ? [{ files: o.files, severity: set }] : [];
      });
      const code = `${rule.id}/${id}`;
      return { code, description: meta.description, ...counted(code), severity, defaultSeverity: meta.severity ?? rule.severity, folders };
    });
    const severity: RuleSeverity = rc?.severity ?? (cases.every((c) => c.severity === "off") ? "off" : rule.severity);
    const folders = overrides.flatMap((o): FolderSeverity[] => {
      const layer = o.rules[rule.id];
      if (!layer) return [];
      if (layer.severity) return [{ files: o.files, severity: layer.severity }];
      const named = Object.keys(layer.caseSeverity);
      return named.length > 0 ? [{ files: o.files, cases: named }] : [];
    });
    return { code: rule.id, description: rule.docs.description, ...counted(rule.id), severity, defaultSeverity: rule.severity, folders, cases };
  });
}

/** `a/**`, `b/**`: globs as a reader sees them in the description. */
function globsText(files: readonly string[]): string {
  return files.join(", ");
}

/** What one entry does to the row, in a few words: "off in src/legacy/**", "2 cases changed in test/**". */
function folderText(f: FolderSeverity): string {
  if (f.severity) return `${f.severity} in ${globsText(f.files)}`;
  const n = f.cases?.length ?? 0;
  return `${n === 1 ? "1 case" : `${n} cases`} changed in ${globsText(f.files)}`;
}

/** A glob in a Markdown code span (a backtick in it would end the span early). */
function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** The severities of the counted findings, most severe first: "2 error, 1 off". */
function bySeverityText(by: RuleRow["bySeverity"]): string {
  return (["error", "warning", "info", "off"] as const).filter((s) => by[s]).map((s) => `${by[s]} ${s}`).join(", ");
}

/**
 * The tree item's texts. Description: the count, the project severity and, when folder overrides
 * change the row, what they set ("3 · error · off in src/legacy/**"; "changed in 3 folders" past
 * two). Tooltip (Markdown): the counts by the severity in effect in each file, the project and
 * default severities, every override entry, and that the inline toggle changes the project setting.
 * @example rowTexts(emptyCatchRow).description // "3 · error · off in src/legacy/**"
 */
export function rowTexts(row: RuleRow): { label: string; description: string; tooltip: string } {
  const label = row.cases ? row.code : row.code.split("/")[1]!;
  const changes = row.folders.length === 0 ? "" : row.folders.length <= 2 ? ` · ${row.folders.map(folderText).join("; ")}` : ` · changed in ${row.folders.length} folders`;
  const lines = [
    `**${row.code}**: ${row.description}`,
    `${row.count} in the Problems panel (open files and the last workspace audit)${row.count > 0 ? `, each at the severity in effect in its file: ${bySeverityText(row.bySeverity)}` : ""}.`,
    `Project severity: ${row.severity}${row.severity === row.defaultSeverity ? " (default)" : `, default ${row.defaultSeverity}`}.`,
  ];
  if (row.folders.length > 0) {
    const entries = row.folders.map((f) => `- ${f.files.map(code).join(", ")}: ${f.severity ?? `${f.cases!.join(", ")} changed`}`);
    lines.push(`Folder overrides (\`overrides\` in .hardeninghints.json; a later entry wins where globs overlap):\n\n${entries.join("\n")}`);
  }
  lines.push(`The inline toggle changes the project severity (\`rules\` in .hardeninghints.json)${row.folders.length > 0 ? "; the folder overrides stay as they are" : ""}.`);
  return { label, description: `${row.count} · ${row.severity}${changes}`, tooltip: lines.join("\n\n") };
}
