import * as path from "node:path";
import * as vscode from "vscode";
import { addZod } from "./add-zod";
import { updateAgentInstructions, UPDATE_AGENT_INSTRUCTIONS_COMMAND } from "./agent-instructions";
import { registerAgentTools, type McpProvider } from "./agent-tools";
import { DocumentAnalyzer } from "./analyzer";
import { BaselineService } from "./baseline";
import { HardeningCodeActions, SELECT_PLACEHOLDER_COMMAND } from "./code-actions";
import { AuditCommands } from "./commands";
import { ConfigCache } from "./config-cache";
import { LANGUAGE_IDS, severityNumber } from "./convert";
import { codeOfDocsUri, DocsView, SHOW_DOCS_COMMAND, type ShownDocs } from "./docs-view";
import { isEngineLoaded, loadEngine } from "./engine";
import { shownSeverity } from "./noise";
import { Reporter } from "./reporter";
import { RulesView, RULES_VIEW_ID, type RuleRow } from "./rules-view";
import { effectiveSeverity, ruleCodes, saveConfig, SAVE_CONFIG_COMMAND, setSeverityCommand, SET_SEVERITY_COMMAND, type SetSeverityArgs } from "./rule-config";
import { Scheduler, type DocumentState } from "./scheduler";
import { readNoiseSettings, SECTION } from "./settings";
import { StatusBar } from "./status-bar";

/** What `activate` returns: read-only views for other extensions and the host tests. */
export interface HardeningHintsApi {
  state(uri: vscode.Uri): DocumentState | undefined;
  onDidPublish: vscode.Event<vscode.Uri>;
  notifications(): readonly { kind: string; message: string }[];
  skipLines(): readonly string[];
  isEngineLoaded(): boolean;
  statusText(): string;
  /** analysing, idle, error or skipped. */
  statusState(): string;
  /** Notifications that end a command (audit summary, SARIF written), newest last. */
  notices(): readonly string[];
  /** Bumped each time a `.hardeninghints.json` change was seen. */
  configGeneration(): number;
  /** The docs page the docs view shows, if it is open. */
  docs(): ShownDocs | undefined;
  /** The rows of the rules view (families with their cases). */
  rules(): RuleRow[];
  /** A row's tree item as the rules view renders it (label, description, tooltip). */
  ruleItem(code: string): vscode.TreeItem | undefined;
  /** The MCP server provider registered with VS Code (agent-tools.ts). */
  mcpProvider: McpProvider;
  /** Offers shown after an audit (baseline, ignore suggestions), newest last. */
  prompts(): readonly string[];
  /** The buttons an offer showed, in order. */
  promptButtons(message: string): readonly string[] | undefined;
  /** The status item's tooltip and the command a click runs. */
  statusTooltip(): string;
  statusCommand(): string | undefined;
  /** Findings the baseline hides in the files audited or analyzed since it was loaded. */
  baselineHidden(): number;
  /** Workspace audits whose progress notification is still open. */
  progressOpen(): number;
}

/** Wires things up only: no parsing, no file scan and no engine load happen here. */
export function activate(context: vscode.ExtensionContext): HardeningHintsApi {
  const log = vscode.window.createOutputChannel("Hardening Hints", { log: true });
  const collection = vscode.languages.createDiagnosticCollection("hardeningHints");
  const reporter = new Reporter(log);
  const configs = new ConfigCache();
  const analyzer = new DocumentAnalyzer(configs, reporter);
  // The audit and the scheduler need each other: audited URIs keep their diagnostics on close.
  let audit: AuditCommands | undefined;
  const scheduler = new Scheduler(analyzer, collection, reporter, log, (uri) => audit?.isAudited(uri) ?? false);
  // The baseline the CLI reads with --baseline: the findings it covers are not shown (baseline.ts).
  const baseline = new BaselineService(log);
  scheduler.covered = (doc, result) => baseline.coveredInDocument(doc, result);
  const statusBar = new StatusBar(
    scheduler,
    () => reporter.notifications.some((n) => n.kind === "ruleCrash") || activeConfigBroken(configs),
    () => reporter.skipLines.length,
    () => ({ hidden: baseline.hiddenCount(), file: baseline.label() }),
  );
  audit = new AuditCommands(collection, scheduler, reporter, log, String(context.extension.packageJSON.version), (busy) => statusBar.setAuditing(busy), { baseline, state: context.workspaceState });
  const commands = audit;
  const docsView = new DocsView(context.extensionUri);
  const rulesView = new RulesView(configs);
  const selector = LANGUAGE_IDS.flatMap((language) => [{ language, scheme: "file" }, { language, scheme: "vscode-remote" }]);
  const onConfigFile = (uri: vscode.Uri) => {
    log.info(`configuration changed: ${uri.fsPath}`);
    configs.invalidate();
    scheduler.scheduleAll("config");
    commands.applyConfig((file, code) => auditedSeverity(configs, file, code));
    rulesView.refresh();
  };
  const watcher = vscode.workspace.createFileSystemWatcher("**/.hardeninghints.json");

  context.subscriptions.push(
    log,
    analyzer,
    collection,
    scheduler,
    baseline,
    statusBar,
    docsView,
    rulesView,
    watcher,
    vscode.commands.registerCommand("hardeningHints.showRules", () => vscode.commands.executeCommand(`${RULES_VIEW_ID}.focus`)),
    vscode.languages.registerCodeActionsProvider(selector, new HardeningCodeActions(analyzer), HardeningCodeActions.metadata),
    vscode.commands.registerCommand("hardeningHints.auditWorkspace", (options?: unknown) => commands.auditWorkspace(isObject(options) ? options : {})),
    vscode.commands.registerCommand("hardeningHints.exportSarif", (target?: unknown) => commands.exportSarif(typeof target === "string" || target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand("hardeningHints.showOutput", () => log.show()),
    vscode.commands.registerCommand("hardeningHints.recordBaseline", () => commands.recordBaseline()),
    vscode.commands.registerCommand("hardeningHints.clearBaseline", () => baseline.clear()),
    baseline.onDidChange(() => {
      scheduler.scheduleAll("config");
      commands.republish();
      statusBar.update();
    }),
    vscode.commands.registerCommand("hardeningHints.addZod", (options?: unknown) => addZod(isObject(options) ? options : {})),
    vscode.commands.registerCommand(UPDATE_AGENT_INSTRUCTIONS_COMMAND, updateAgentInstructions),
    vscode.commands.registerCommand(SELECT_PLACEHOLDER_COMMAND, selectPlaceholder),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, async (code?: unknown) => {
      const pick = typeof code === "string" ? code : (await vscode.window.showQuickPick(ruleCodes().map((r) => ({ label: r.code, detail: r.description })), { title: "Hardening Hints: documentation of…" }))?.label;
      return pick ? docsView.show(pick) : undefined;
    }),
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        const code = codeOfDocsUri(uri);
        if (code) void docsView.show(code);
      },
    }),
    vscode.commands.registerCommand(SET_SEVERITY_COMMAND, (args?: unknown) => setSeverityCommand(isObject(args) ? (args as SetSeverityArgs) : {})),
    vscode.commands.registerCommand(SAVE_CONFIG_COMMAND, (uri: unknown) => uri instanceof vscode.Uri && saveConfig(uri)),
    vscode.workspace.onDidOpenTextDocument((doc) => scheduler.schedule(doc, "open")),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) scheduler.schedule(e.document, "change");
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.path.endsWith("/.hardeninghints.json")) onConfigFile(doc.uri);
      else scheduler.schedule(doc, "save");
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => scheduler.close(doc.uri)),
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !isInTab(uri)) scheduler.close(uri);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) scheduler.ensure(editor.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      scheduler.scheduleAll("config");
      // The audit's diagnostics of unopened files follow hardeningHints.explorerDecorations too.
      if (e.affectsConfiguration(`${SECTION}.explorerDecorations`)) commands.republish();
    }),
    watcher.onDidChange(onConfigFile),
    watcher.onDidCreate(onConfigFile),
    watcher.onDidDelete(onConfigFile),
  );
  // The language-model tools and the MCP server for coding agents (agent-tools.ts).
  const agentTools = registerAgentTools(context);
  context.subscriptions.push(...agentTools.disposables);
  // Documents already open when the extension activated (restored editors).
  scheduler.scheduleAll("open");

  return {
    state: (uri) => scheduler.state(uri),
    onDidPublish: scheduler.onDidPublish,
    notifications: () => reporter.notifications,
    skipLines: () => reporter.skipLines,
    isEngineLoaded,
    statusText: () => statusBar.text,
    statusState: () => statusBar.state,
    notices: () => commands.notices,
    configGeneration: () => configs.version,
    docs: () => docsView.shown,
    rules: () => rulesView.rows(),
    ruleItem: (code) => rulesView.item(code),
    mcpProvider: agentTools.mcpProvider,
    prompts: () => commands.prompts,
    promptButtons: (message) => commands.promptButtons.get(message),
    statusTooltip: () => statusBar.tooltip,
    statusCommand: () => statusBar.command,
    baselineHidden: () => baseline.hiddenCount(),
    progressOpen: () => commands.progressOpen,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** True while some tab still shows the URI (text or diff). */
function isInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => (t.input instanceof vscode.TabInputText && t.input.uri.toString() === key) || (t.input instanceof vscode.TabInputTextDiff && (t.input.modified.toString() === key || t.input.original.toString() === key))),
  );
}

/** The severity a finding of `code` in `file` has under the config now in effect, as a DiagnosticSeverity. */
function auditedSeverity(configs: ConfigCache, file: string, code: string): vscode.DiagnosticSeverity | "off" | undefined {
  const [family, caseId] = code.split("/");
  const rule = loadEngine().allRules.find((r) => r.id === family);
  if (!rule || !caseId) return undefined;
  const folder = vscode.workspace.workspaceFolders?.find((f) => file.startsWith(f.uri.fsPath + path.sep));
  const { config } = configs.forFile(file, folder ? folder.uri.fsPath : path.dirname(file), Number.MAX_SAFE_INTEGER);
  // A file the config now ignores (a glob added from the ignore suggestion) shows nothing.
  if (loadEngine().isIgnored(file, config)) return "off";
  const severity = effectiveSeverity(config.rules, rule, caseId);
  return severity === "off" ? "off" : (severityNumber(shownSeverity(severity, readNoiseSettings().explorerDecorations)) as number as vscode.DiagnosticSeverity);
}

/** True when the active file's `.hardeninghints.json` has an error (the defaults are in use). */
function activeConfigBroken(configs: ConfigCache): boolean {
  const doc = vscode.window.activeTextEditor?.document;
  // Never loads the engine for the status item: before the first analysis there is nothing to say.
  if (!doc || !isEngineLoaded() || doc.uri.scheme === "untitled") return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  return configs.forFile(doc.uri.fsPath, folder ? folder.uri.fsPath : path.dirname(doc.uri.fsPath), Number.MAX_SAFE_INTEGER).problems.length > 0;
}

function isObject(v: unknown): v is Record<string, never> {
  return typeof v === "object" && v !== null;
}

/** Selects `length` characters at `offset` in the document's editor (the `<reason>` of a new directive). */
async function selectPlaceholder(uri: vscode.Uri, offset: number, length: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (!editor) return;
  const start = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(start, editor.document.positionAt(offset + length));
  editor.revealRange(new vscode.Range(start, start));
}
