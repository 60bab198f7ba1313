import * as path from "node:path";
import * as vscode from "vscode";
import type { BaselineService } from "./baseline";
import { ignoreEdit } from "./config-edit";
import { auditSummary } from "./convert";
import { rangeOfFile, toDiagnostic, type RangeOf } from "./diagnostics";
import { loadAudit, type AuditResult, type AuditedFile } from "./engine";
import { BASELINE_OFFER_ACTIONS, baselineOfferMessage, ignoreSuggestionMessage, nonSourceSuggestions, type DecorationThreshold, type IgnoreSuggestion } from "./noise";
import type { Reporter } from "./reporter";
import { configTargetOf, configWorkspaceEdit, saveConfig } from "./rule-config";
import { readNoiseSettings } from "./settings";
import type { Scheduler } from "./scheduler";
import { openDocumentOf, uriForPath } from "./uris";

/** Options of `hardeningHints.auditWorkspace` for programmatic callers (other extensions, host tests). */
export interface AuditCommandOptions {
  /** Cancels the audit like the notification's Cancel button. */
  token?: vscode.CancellationToken;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
  /** Skip the summary notification. */
  quiet?: boolean;
  /** Offer a baseline (large workspace) and suggest copies for `ignore` after the audit; default: unless quiet. */
  offers?: boolean;
}

/** The workspace-state key of "Don't ask again" on the baseline offer (per workspace). */
const NO_BASELINE_OFFER = "hardeningHints.baselineOffer.never";

/** Buttons of the ignore suggestion (host tests accept the first one with `notification.acceptPrimaryAction`). */
export const ADD_TO_IGNORE = "Add to ignore";

/** What `hardeningHints.auditWorkspace` resolves to. */
export interface AuditSummary {
  cancelled: boolean;
  files: number;
  total: number;
  findings: number;
  /** Findings the baseline covers (not counted above, not shown). */
  hidden: number;
  byFamily: Record<string, number>;
  durationMs: number;
  message: string;
}

/**
 * The workspace audit and its SARIF export. The audit runs the engine's `auditPaths` (the CLI's
 * own per-file function) in this thread; it yields between files, so progress and Cancel work.
 */
export class AuditCommands {
  private last: AuditResult | undefined;
  private readonly audited = new Set<string>();

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly scheduler: Scheduler,
    private readonly reporter: Reporter,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
    /** Told when an audit starts and ends (the status item shows "analysing"). */
    private readonly onBusy: (busy: boolean) => void = () => undefined,
    /** The baseline and the workspace state that remembers "Don't ask again". */
    private readonly noise?: { baseline: BaselineService; state: vscode.Memento },
  ) {}

  /** Audits whose progress notification is open (its task has not settled); host tests read it. */
  private progressTasks = 0;
  get progressOpen(): number {
    return this.progressTasks;
  }

  /** Messages of the offers shown after an audit (baseline, ignore suggestions), newest last. */
  readonly prompts: string[] = [];
  /** The buttons each prompt showed, by message. */
  readonly promptButtons = new Map<string, readonly string[]>();
  /** Offers answered or shown this session: each is made once per session. */
  private baselineOffered = false;
  private readonly suggested = new Set<string>();

  /** Messages of the notifications that ended a command, newest last (host tests read them). */
  readonly notices: string[] = [];

  /** True when the URI's diagnostics came from a workspace audit (they stay when its editor closes). */
  isAudited(uri: vscode.Uri): boolean {
    return this.audited.has(uri.toString());
  }

  async auditWorkspace(options: AuditCommandOptions = {}): Promise<AuditSummary | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage("Hardening Hints: open a folder to audit it.");
      return undefined;
    }
    this.onBusy(true);
    let summary: AuditSummary;
    try {
      // The progress notification closes when `run` settles, also when it throws.
      summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: "Hardening Hints: auditing the workspace", cancellable: true },
        async (progress, uiToken) => {
          this.progressTasks++;
          try {
            return await this.run(folder, progress, [uiToken, options.token], options.onProgress);
          } finally {
            this.progressTasks--;
          }
        },
      );
    } finally {
      this.onBusy(false);
    }
    this.log.info(summary.message);
    if (!summary.cancelled && (options.offers ?? !options.quiet)) this.offer(summary);
    if (!options.quiet) {
      this.notices.push(summary.message);
      void Promise.resolve(vscode.window.showInformationMessage(summary.message, "Export SARIF")).then((choice) => {
        if (choice === "Export SARIF") return vscode.commands.executeCommand("hardeningHints.exportSarif");
        return undefined;
      });
    }
    return summary;
  }

  private async run(
    folder: vscode.WorkspaceFolder,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    tokens: (vscode.CancellationToken | undefined)[],
    onProgress: AuditCommandOptions["onProgress"],
  ): Promise<AuditSummary> {
    const { auditPaths } = loadAudit();
    const root = folder.uri.fsPath;
    // Every workspace folder is audited; SARIF paths are relative to the first one, as the CLI's are to its cwd.
    const paths = (vscode.workspace.workspaceFolders ?? [folder]).map((f) => f.uri.fsPath);
    const audit = await auditPaths(paths, {
      cwd: root,
      fixes: true, // SARIF carries fixes, as the CLI's does
      isCancelled: () => tokens.some((t) => t?.isCancellationRequested),
      onProgress: (done, total) => {
        progress.report({ message: `${done} of ${total} files`, increment: 100 / Math.max(1, total) });
        onProgress?.(done, total);
      },
    });
    this.reporter.report(audit.problems);
    for (const r of audit.results) this.reporter.report(r.problems);
    const covered = this.publish(audit);
    if (!audit.cancelled) this.last = audit;
    const codes = audit.results.flatMap((r) => r.findings.filter((f, i) => !f.suppression && !covered.get(r)?.[i]).map((f) => f.code));
    const hidden = [...covered.values()].reduce((n, c) => n + c.filter(Boolean).length, 0);
    const byFamily: Record<string, number> = {};
    for (const c of codes) byFamily[c.split("/")[0]!] = (byFamily[c.split("/")[0]!] ?? 0) + 1;
    const filesWithFindings = audit.results.filter((r) => r.findings.some((f, i) => !f.suppression && !covered.get(r)?.[i])).length;
    const summary = auditSummary({ codes, filesWithFindings, filesChecked: audit.results.length, durationMs: audit.durationMs, cancelled: audit.cancelled });
    const message = hidden > 0 ? `${summary} ${hidden} more in the baseline (${this.noise!.baseline.label()}) are not shown.` : summary;
    return { cancelled: audit.cancelled, files: audit.results.length, total: audit.files.length, findings: codes.length, hidden, byFamily, durationMs: audit.durationMs, message };
  }

  /**
   * Puts audit results in the Problems panel, without the findings the baseline covers (returned
   * per file). Open documents are re-analyzed from their buffers instead.
   */
  private publish(audit: AuditResult): Map<AuditedFile, boolean[]> {
    const seen = new Set<string>();
    const covered = new Map<AuditedFile, boolean[]>();
    for (const r of audit.results) {
      const doc = openDocumentOf(r.path);
      const uri = doc?.uri ?? uriForPath(r.path);
      seen.add(uri.toString());
      this.audited.add(uri.toString());
      const hits = this.noise?.baseline.covered(r.path, r.findings, () => r.findings.map((f) => f.fingerprint));
      if (hits) covered.set(r, hits);
      if (doc) {
        this.scheduler.schedule(doc, "config");
        continue;
      }
      this.collection.set(uri, auditDiagnostics(r, uri, hits, readNoiseSettings(uri).explorerDecorations));
    }
    // A file fixed since the previous audit must not keep its old findings.
    if (!audit.cancelled) {
      for (const key of [...this.audited]) {
        if (seen.has(key)) continue;
        this.audited.delete(key);
        const uri = vscode.Uri.parse(key);
        if (!openDocumentOf(uri.fsPath)) this.collection.delete(uri);
      }
    }
    return covered;
  }

  /** Shows the last audit's results again (the baseline or the decoration setting changed). */
  republish(): void {
    if (this.last) this.publish(this.last);
  }

  /** After an audit: copies and backups suggested for `ignore`, then the baseline offer for a large workspace. */
  private offer(summary: AuditSummary): void {
    const audit = this.last;
    if (!audit || !this.noise) return;
    const suggestions = this.ignoreSuggestions(audit);
    if (suggestions) void this.suggestIgnore(suggestions.config, suggestions.list);
    const threshold = readNoiseSettings().baselineOfferThreshold;
    const total = summary.findings;
    if (threshold === 0 || total <= threshold || this.baselineOffered || this.noise.baseline.exists() || this.noise.state.get(NO_BASELINE_OFFER) === true) return;
    this.baselineOffered = true;
    const message = baselineOfferMessage(total);
    const { record, later, never } = BASELINE_OFFER_ACTIONS;
    void Promise.resolve(this.ask(message, record, later, never)).then(async (choice) => {
      if (choice === record) await this.recordBaseline();
      else if (choice === never) await this.noise?.state.update(NO_BASELINE_OFFER, true);
    });
  }

  /** Audited files that look like copies, relative to the project config's folder (not yet suggested this session). */
  private ignoreSuggestions(audit: AuditResult): { config: vscode.Uri; list: IgnoreSuggestion[] } | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const config = configTargetOf(vscode.Uri.joinPath(folder.uri, "x.ts"));
    const base = path.dirname(config.fsPath);
    const rel = audit.files.map((f) => path.relative(base, f)).filter((r) => !r.startsWith("..") && !path.isAbsolute(r)).map((r) => r.split(path.sep).join("/"));
    const list = nonSourceSuggestions(rel).filter((s) => !this.suggested.has(s.glob));
    return list.length > 0 ? { config, list } : undefined;
  }

  /** Shows an offer (recorded with its buttons for the host tests) and resolves to the button chosen. */
  private ask(message: string, ...buttons: string[]): Thenable<string | undefined> {
    this.prompts.push(message);
    this.promptButtons.set(message, buttons);
    return vscode.window.showInformationMessage(message, ...buttons);
  }

  /** One notification listing the suggestions; "Add to ignore" adds them all, "Choose…" picks some. */
  private async suggestIgnore(config: vscode.Uri, list: IgnoreSuggestion[]): Promise<void> {
    for (const s of list) this.suggested.add(s.glob);
    const message = ignoreSuggestionMessage(list);
    const choice = await this.ask(message, ADD_TO_IGNORE, "Choose…", "Not now");
    let globs: string[] | undefined;
    if (choice === ADD_TO_IGNORE) globs = list.map((s) => s.glob);
    else if (choice === "Choose…") {
      const picked = await vscode.window.showQuickPick(
        list.map((s) => ({ label: s.glob, description: `${s.files} file${s.files === 1 ? "" : "s"}`, detail: s.reason, picked: true })),
        { canPickMany: true, title: `Hardening Hints: add to ignore in ${vscode.workspace.asRelativePath(config)}` },
      );
      globs = picked?.map((p) => p.label);
    }
    if (globs && globs.length > 0) await this.addToIgnore(config, globs);
  }

  /** Adds globs to the config's `ignore` as one undoable edit, then saves it (the engine reads the disk). */
  async addToIgnore(config: vscode.Uri, globs: readonly string[]): Promise<boolean> {
    const edit = configWorkspaceEdit(config, (text, eol) => ignoreEdit(text, globs, eol));
    if (!edit || !(await vscode.workspace.applyEdit(edit))) return false;
    await saveConfig(config);
    this.log.info(`added to ignore in ${config.fsPath}: ${globs.join(", ")}`);
    return true;
  }

  /** `Hardening Hints: Record Baseline`: today's findings (of the last complete audit, run first if needed) become the baseline. */
  async recordBaseline(): Promise<{ uri: vscode.Uri; findings: number } | undefined> {
    if (!this.noise) return undefined;
    if (!this.last) {
      const summary = await this.auditWorkspace({ quiet: true, offers: false });
      if (!summary || summary.cancelled || !this.last) return undefined;
    }
    const written = await this.noise.baseline.record(this.last);
    if (!written) return undefined;
    const message = `Hardening Hints: ${written.findings} existing findings recorded in ${vscode.workspace.asRelativePath(written.uri)}; only new ones are shown.`;
    this.notices.push(message);
    void Promise.resolve(vscode.window.showInformationMessage(message, "Open Baseline")).then((choice) => (choice === "Open Baseline" ? vscode.window.showTextDocument(written.uri) : undefined));
    return written;
  }

  /**
   * After a `.hardeninghints.json` change: the diagnostics an audit left on files that are not
   * open follow the new severities (a case turned off disappears) without a new audit.
   */
  applyConfig(severityOf: (file: string, code: string) => vscode.DiagnosticSeverity | "off" | undefined): void {
    for (const key of this.audited) {
      // Open documents too: their re-analysis (already scheduled) publishes over this.
      const uri = vscode.Uri.parse(key);
      const next: vscode.Diagnostic[] = [];
      for (const d of this.collection.get(uri) ?? []) {
        const code = typeof d.code === "object" && d.code !== null ? String(d.code.value) : undefined;
        const severity = code === undefined ? undefined : severityOf(uri.fsPath, code);
        if (severity === "off") continue;
        if (severity !== undefined) d.severity = severity;
        next.push(d);
      }
      this.collection.set(uri, next);
    }
  }

  /**
   * Writes the SARIF of the last complete audit (running one first if needed), exactly as
   * `hardening-hints audit --format sarif` writes it. `target` skips the save dialog.
   */
  async exportSarif(target?: string | vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.last) {
      const summary = await this.auditWorkspace({ quiet: true });
      if (!summary || summary.cancelled || !this.last) return undefined;
    }
    const audit: AuditResult = this.last;
    let uri: vscode.Uri | undefined = typeof target === "string" ? uriForPath(target) : target;
    if (!uri) {
      uri = await vscode.window.showSaveDialog({
        defaultUri: uriForPath(`${audit.root}/hardening-hints.sarif`),
        filters: { SARIF: ["sarif", "json"] },
        title: "Export Hardening Hints SARIF report",
      });
      if (!uri) return undefined;
    }
    const sarif = loadAudit().toSarif(audit, { version: this.version });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(sarif, null, 2)}\n`));
    this.log.info(`SARIF report written to ${uri.fsPath}`);
    const written = uri;
    const message = `Hardening Hints: SARIF report written to ${vscode.workspace.asRelativePath(uri)}`;
    this.notices.push(message);
    void Promise.resolve(vscode.window.showInformationMessage(message, "Open")).then((choice) => {
      if (choice === "Open") return vscode.window.showTextDocument(written);
      return undefined;
    });
    return uri;
  }
}

/** Diagnostics of an unopened file from its audit result (positions were computed by the audit). */
function auditDiagnostics(r: AuditedFile, uri: vscode.Uri, covered: readonly boolean[] | undefined, threshold: DecorationThreshold): vscode.Diagnostic[] {
  const fallback: RangeOf = rangeOfFile(r.path);
  return r.findings
    .filter((f, i) => !f.suppression && !covered?.[i])
    .map((f) => {
      const own = new vscode.Range(f.loc.start.line - 1, f.loc.start.column - 1, f.loc.end.line - 1, f.loc.end.column - 1);
      const rangeOf: RangeOf = (range, file) => {
        if (file !== undefined) return fallback(range, file);
        const rel = f.related.find((x) => x.file === undefined && x.range.start === range.start && x.range.end === range.end && x.loc);
        return rel?.loc ? new vscode.Range(rel.loc.start.line - 1, rel.loc.start.column - 1, rel.loc.end.line - 1, rel.loc.end.column - 1) : fallback(range);
      };
      return toDiagnostic({ ...f, fixes: [] }, uri, rangeOf, own, threshold);
    });
}
