import * as path from "node:path";
import * as vscode from "vscode";
import type { ConfigCache } from "./config-cache";
import { DIAGNOSTIC_SOURCE, codeOf } from "./diagnostics";
import { SHOW_DOCS_COMMAND } from "./docs-view";
import { loadEngine } from "./engine";
import { configTargetOf, setRuleSeverity } from "./rule-config";
import { effectiveSeverity, ruleRows, rowTexts, type CountedFinding, type RuleRow } from "./rule-rows";

export type { RuleRow } from "./rule-rows";

export const RULES_VIEW_ID = "hardeningHints.rules";
export const TURN_OFF_RULE_COMMAND = "hardeningHints.turnOffRule";
export const TURN_ON_RULE_COMMAND = "hardeningHints.turnOnRule";

/**
 * "Hardening Hints: Rules" in the Explorer: every family and case with its count, its project
 * severity and the folder overrides that change it, a click that opens its docs, and an inline
 * toggle that writes the project-level `rules` of `.hardeninghints.json` through the same
 * undoable edit as the "Turn off … for this project…" quick fix.
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
    const engine = loadEngine();
    const project = this.projectFile();
    const config = project ? this.configs.inEffect(project.file, project.root).config : engine.defaultConfig("/");
    // Each finding at the severity in effect in its own file (its config, with the overrides matching it).
    const findings: CountedFinding[] = [];
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      let rules: typeof config.rules | undefined;
      for (const d of diagnostics) {
        const code = d.source === DIAGNOSTIC_SOURCE ? codeOf(d) : undefined;
        const [family, caseId] = code?.split("/") ?? [];
        const rule = engine.familyRules.find((r) => r.id === family);
        if (!code || !rule || !caseId) continue;
        rules ??= uri.scheme === "file" ? this.configs.forFile(uri.fsPath, vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath), Number.MAX_SAFE_INTEGER).config.rules : config.rules;
        findings.push({ code, severity: effectiveSeverity(rules, rule, caseId) });
      }
    }
    return ruleRows(engine.familyRules, config, findings);
  }

  /** The tree item of a family or case, as the view shows it (undefined for an unknown code). */
  item(code: string): vscode.TreeItem | undefined {
    const row = this.rows().flatMap((r) => [r, ...(r.cases ?? [])]).find((r) => r.code === code);
    return row && this.getTreeItem(row);
  }

  getChildren(row?: RuleRow): RuleRow[] {
    return row ? (row.cases ?? []) : this.rows();
  }

  getTreeItem(row: RuleRow): vscode.TreeItem {
    const text = rowTexts(row);
    const item = new vscode.TreeItem(text.label, row.cases ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = row.code;
    item.description = text.description;
    item.tooltip = new vscode.MarkdownString(text.tooltip);
    item.contextValue = row.severity === "off" ? "rule.off" : "rule.on";
    item.iconPath = new vscode.ThemeIcon(row.severity === "off" ? "circle-slash" : row.severity === "error" ? "error" : row.severity === "warning" ? "warning" : "info");
    // A case's click opens its docs; a family's click expands it (a command would take the click).
    if (!row.cases) item.command = { title: "Show documentation", command: SHOW_DOCS_COMMAND, arguments: [row.code] };
    return item;
  }

  /** The inline toggle (also callable with a code): the project-level severity off, or back to the rule's default; folder overrides stay. */
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
