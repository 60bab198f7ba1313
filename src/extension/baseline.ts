import * as path from "node:path";
import * as vscode from "vscode";
import type { AnalysisResult } from "../engine";
import type { Baseline } from "../engine/baseline";
import { loadEngine, type AuditResult } from "./engine";
import { readNoiseSettings } from "./settings";
import { readText, uriForPath } from "./uris";

/**
 * The baseline the CLI reads with `--baseline` (src/engine/baseline.ts: counts per file and
 * fingerprint, no code), recorded and applied in the editor: findings it covers are not shown.
 * The file is `hardeningHints.baseline`, relative to the first workspace folder (the audit's root,
 * which fingerprints are relative to when there is no git repository).
 */
export class BaselineService implements vscode.Disposable {
  private loaded: { file: string; baseline: Baseline | undefined } | undefined;
  /** Findings hidden per file (absolute path), from the last audit or the file's last analysis. */
  private readonly hidden = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the baseline file or its setting changed: what is shown must be recomputed. */
  readonly onDidChange = this.changed.event;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.watch();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration("hardeningHints.baseline")) return;
        this.watch();
        this.invalidate();
      }),
    );
  }

  /** The baseline file's URI, or undefined without a workspace folder. */
  uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const setting = readNoiseSettings(folder.uri).baseline;
    return path.isAbsolute(setting) ? uriForPath(setting, folder.uri) : vscode.Uri.joinPath(folder.uri, ...setting.split(/[\\/]/));
  }

  /** The workspace-relative name shown to the user. */
  label(): string {
    const uri = this.uri();
    return uri ? vscode.workspace.asRelativePath(uri) : readNoiseSettings().baseline;
  }

  /** The baseline in effect, or undefined when there is none (a malformed file is logged and ignored). */
  current(): Baseline | undefined {
    const uri = this.uri();
    if (!uri) return undefined;
    if (this.loaded?.file === uri.fsPath) return this.loaded.baseline;
    const text = readText(uri.fsPath);
    let baseline: Baseline | undefined;
    if (text !== undefined) {
      try {
        baseline = loadEngine().parseBaseline(text, uri.fsPath);
      } catch (err: unknown) {
        this.log.error(`${err instanceof Error ? err.message : String(err)}; findings are shown as if there were no baseline`);
      }
    }
    this.loaded = { file: uri.fsPath, baseline };
    return baseline;
  }

  /**
   * Which findings of one file the baseline covers (all false without a baseline), and records
   * how many are hidden there. `fingerprints[i]` belongs to `findings[i]`.
   */
  covered(file: string, findings: readonly { suppression?: unknown }[], fingerprints: () => readonly string[]): boolean[] {
    const baseline = this.current();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const engine = loadEngine();
    const entry = baseline && folder ? baseline.files[engine.baselineKey(file, folder.uri.fsPath)] : undefined;
    const hits = entry ? engine.baselineMatches(findings, fingerprints(), entry) : findings.map(() => false);
    const n = hits.filter(Boolean).length;
    if (n > 0) this.hidden.set(file, n);
    else this.hidden.delete(file);
    return hits;
  }

  /** As {@link covered}, for an open document's analysis (fingerprints computed from its text). */
  coveredInDocument(doc: vscode.TextDocument, result: AnalysisResult): boolean[] {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(doc.uri.fsPath);
    return this.covered(doc.uri.fsPath, result.findings, () => loadEngine().fingerprints(result, doc.getText(), root));
  }

  /** Findings hidden by the baseline in the files audited or analyzed since it was loaded. */
  hiddenCount(): number {
    let n = 0;
    for (const c of this.hidden.values()) n += c;
    return n;
  }

  /** Records the audit's findings (inline-suppressed ones excepted) as the baseline, as `--update-baseline` does. */
  async record(audit: AuditResult): Promise<{ uri: vscode.Uri; findings: number } | undefined> {
    const uri = this.uri();
    if (!uri) return undefined;
    const engine = loadEngine();
    const baseline = engine.buildBaseline(audit);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(engine.formatBaseline(baseline)));
    const findings = Object.values(baseline.files).reduce((s, f) => s + Object.values(f).reduce((a, e) => a + e.count, 0), 0);
    this.log.info(`baseline of ${findings} finding(s) written to ${uri.fsPath}`);
    this.invalidate();
    return { uri, findings };
  }

  /** Deletes the baseline file; every finding is shown again. False when there was none. */
  async clear(): Promise<boolean> {
    const uri = this.uri();
    if (!uri || readText(uri.fsPath) === undefined) return false;
    await vscode.workspace.fs.delete(uri);
    this.log.info(`baseline ${uri.fsPath} deleted`);
    this.invalidate();
    return true;
  }

  exists(): boolean {
    const uri = this.uri();
    return uri !== undefined && readText(uri.fsPath) !== undefined;
  }

  private invalidate(): void {
    this.loaded = undefined;
    this.hidden.clear();
    this.changed.fire();
  }

  /** Watches the baseline file (edited by hand, by the CLI's --update-baseline, or by git). */
  private watch(): void {
    this.watcher?.dispose();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = this.uri();
    if (!folder || !uri) return;
    const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join("/");
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, rel));
    const onFile = () => this.invalidate();
    this.watcher.onDidChange(onFile);
    this.watcher.onDidCreate(onFile);
    this.watcher.onDidDelete(onFile);
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
