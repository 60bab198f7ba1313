import * as path from "node:path";
import * as vscode from "vscode";
import type { ConfigCache } from "./config-cache";
import type { RuleSeverity } from "./config-edit";
import { DIAGNOSTIC_SOURCE, codeOf } from "./diagnostics";
import { SHOW_DOCS_COMMAND } from "./docs-view";
import { loadEngine } from "./engine";
import { configTargetOf, effectiveSeverity, setRuleSeverity } from "./rule-config";
import { readSettings } from "./settings";

export const RULES_VIEW_ID = "hardeningHints.rules";
export const TURN_OFF_RULE_COMMAND = "hardeningHints.turnOffRule";
export const TURN_ON_RULE_COMMAND = "hardeningHints.turnOnRule";

/** One row of the view: a family or one of its cases. */
export interface RuleRow {
  code: string;
  description: string;
  /** Findings in the Problems panel now (open files and the last workspace audit). */
  count: number;
  /** Severity in effect under the project's `.hardeninghints.json`. */
  severity: RuleSeverity;
  /** Severity the rule declares (what "turn on" writes back). */
  defaultSeverity: RuleSeverity;
  cases?: RuleRow[];
}

/**
 * "Hardening Hints: Rules" in the Explorer: every family and case with its count, its
 * severity, a click that opens its docs, and an inline toggle that writes `.hardeninghints.json`
 * through the same undoable edit as the "Turn off … for this project…" quick fix.
 */
export class RulesView implements vscode.TreeDataProvider<RuleRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RuleRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private visible = false;

  constructor(private readonly configs: ConfigCache) {
    const view = vscode.window.createTreeView(RULES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.visible = view.visible;
    this.subscriptions.push(
      view,
      this.changed,
      view.onDidChangeVisibility((e) => {
        this.visible = e.visible;
        if (e.visible) this.refresh();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.visible && this.refresh()),
      vscode.commands.registerCommand(TURN_OFF_RULE_COMMAND, (row: unknown) => this.toggle(row, false)),
      vscode.commands.registerCommand(TURN_ON_RULE_COMMAND, (row: unknown) => this.toggle(row, true)),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The project's config: the one in effect for the first workspace folder (or a new one there). */
  private projectFile(): { file: string; root: string; uri: vscode.Uri } | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? { root: folder.uri.fsPath, file: path.join(folder.uri.fsPath, "index.ts"), uri: vscode.Uri.joinPath(folder.uri, "index.ts") } : undefined;
  }

  /** Every family with its cases, as the view shows them. */
  rows(): RuleRow[] {
    const counts = new Map<string, number>();
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) {
        const code = d.source === DIAGNOSTIC_SOURCE ? codeOf(d) : undefined;
        if (!code) continue;
        counts.set(code, (counts.get(code) ?? 0) + 1);
        const family = code.split("/")[0]!;
        counts.set(family, (counts.get(family) ?? 0) + 1);
      }
    }
    const project = this.projectFile();
    const rules = project ? this.configs.forFile(project.file, project.root, readSettings(project.uri).maxFileSizeKb).config.rules : {};
    return loadEngine().familyRules.map((rule) => {
      const rc = rules[rule.id];
      const cases = Object.entries(rule.cases).map(([id, meta]) => {
        const defaultSeverity = meta.severity ?? rule.severity;
        const severity = effectiveSeverity(rules, rule, id);
        const code = `${rule.id}/${id}`;
        return { code, description: meta.description, count: counts.get(code) ?? 0, severity, defaultSeverity };
      });
      const familySeverity: RuleSeverity = rc?.severity ?? (cases.every((c) => c.severity === "off") ? "off" : rule.severity);
      return { code: rule.id, description: rule.docs.description, count: counts.get(rule.id) ?? 0, severity: familySeverity, defaultSeverity: rule.severity, cases };
    });
  }

  getChildren(row?: RuleRow): RuleRow[] {
    return row ? (row.cases ?? []) : this.rows();
  }

  getTreeItem(row: RuleRow): vscode.TreeItem {
    const label = row.cases ? row.code : row.code.split("/")[1]!;
    const item = new vscode.TreeItem(label, row.cases ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = row.code;
    item.description = `${row.count} · ${row.severity}`;
    item.tooltip = new vscode.MarkdownString(`**${row.code}**: ${row.description}\n\n${row.count} in the Problems panel (open files and the last workspace audit). Severity: ${row.severity}${row.severity === row.defaultSeverity ? " (default)" : `, default ${row.defaultSeverity}`}.`);
    item.contextValue = row.severity === "off" ? "rule.off" : "rule.on";
    item.iconPath = new vscode.ThemeIcon(row.severity === "off" ? "circle-slash" : row.severity === "error" ? "error" : row.severity === "warning" ? "warning" : "info");
    // A case's click opens its docs; a family's click expands it (a command would take the click).
    if (!row.cases) item.command = { title: "Show documentation", command: SHOW_DOCS_COMMAND, arguments: [row.code] };
    return item;
  }

  /** The inline toggle (also callable with a code): off, or back to the rule's default severity. */
  async toggle(row: unknown, on: boolean): Promise<vscode.Uri | undefined> {
    const code = typeof row === "string" ? row : typeof row === "object" && row !== null && typeof (row as RuleRow).code === "string" ? (row as RuleRow).code : undefined;
    const project = this.projectFile();
    if (!code || !project) return undefined;
    const found = this.rows().flatMap((r) => [r, ...(r.cases ?? [])]).find((r) => r.code === code);
    if (!found) return undefined;
    const written = await setRuleSeverity(configTargetOf(project.uri), code, on ? found.defaultSeverity : "off");
    this.refresh();
    return written;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
