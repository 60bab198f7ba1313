import * as vscode from "vscode";
import { auditSummary } from "./convert";
import { rangeOfFile, toDiagnostic, type RangeOf } from "./diagnostics";
import { loadAudit, type AuditResult, type AuditedFile } from "./engine";
import type { Reporter } from "./reporter";
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
}

/** What `hardeningHints.auditWorkspace` resolves to. */
export interface AuditSummary {
  cancelled: boolean;
  files: number;
  total: number;
  findings: number;
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
  ) {}

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
        (progress, uiToken) => this.run(folder, progress, [uiToken, options.token], options.onProgress),
      );
    } finally {
      this.onBusy(false);
    }
    this.log.info(summary.message);
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
    this.publish(audit);
    if (!audit.cancelled) this.last = audit;
    const codes = audit.results.flatMap((r) => r.findings.filter((f) => !f.suppression).map((f) => f.code));
    const byFamily: Record<string, number> = {};
    for (const c of codes) byFamily[c.split("/")[0]!] = (byFamily[c.split("/")[0]!] ?? 0) + 1;
    const filesWithFindings = audit.results.filter((r) => r.findings.some((f) => !f.suppression)).length;
    const message = auditSummary({ codes, filesWithFindings, filesChecked: audit.results.length, durationMs: audit.durationMs, cancelled: audit.cancelled });
    return { cancelled: audit.cancelled, files: audit.results.length, total: audit.files.length, findings: codes.length, byFamily, durationMs: audit.durationMs, message };
  }

  /** Puts audit results in the Problems panel. Open documents are re-analyzed from their buffers instead. */
  private publish(audit: AuditResult): void {
    const seen = new Set<string>();
    for (const r of audit.results) {
      const doc = openDocumentOf(r.path);
      const uri = doc?.uri ?? uriForPath(r.path);
      seen.add(uri.toString());
      this.audited.add(uri.toString());
      if (doc) {
        this.scheduler.schedule(doc, "config");
        continue;
      }
      this.collection.set(uri, auditDiagnostics(r, uri));
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
function auditDiagnostics(r: AuditedFile, uri: vscode.Uri): vscode.Diagnostic[] {
  const fallback: RangeOf = rangeOfFile(r.path);
  return r.findings
    .filter((f) => !f.suppression)
    .map((f) => {
      const own = new vscode.Range(f.loc.start.line - 1, f.loc.start.column - 1, f.loc.end.line - 1, f.loc.end.column - 1);
      const rangeOf: RangeOf = (range, file) => {
        if (file !== undefined) return fallback(range, file);
        const rel = f.related.find((x) => x.file === undefined && x.range.start === range.start && x.range.end === range.end && x.loc);
        return rel?.loc ? new vscode.Range(rel.loc.start.line - 1, rel.loc.start.column - 1, rel.loc.end.line - 1, rel.loc.end.column - 1) : fallback(range);
      };
      return toDiagnostic({ ...f, fixes: [] }, uri, rangeOf, own);
    });
}
