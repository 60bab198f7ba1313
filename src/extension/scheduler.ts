import * as vscode from "vscode";
import type { AnalysisResult, ProblemKind } from "../engine";
import type { DocumentAnalyzer } from "./analyzer";
import { rangeOfDocument, toDiagnostics } from "./diagnostics";
import type { Reporter } from "./reporter";
import { readNoiseSettings, readSettings } from "./settings";
import { isAnalyzable } from "./uris";

export type Trigger = "open" | "change" | "save" | "config";

/** What the last published analysis of a document was (status bar and host tests read it). */
export interface DocumentState {
  version: number;
  /** Unsuppressed findings published. */
  count: number;
  /** Set when the file was skipped (too large, minified, binary) or ignored by the config. */
  skipped?: ProblemKind | "ignored" | "disabled";
  /** Counts this document's publications, so a waiter can tell a new result from an old one. */
  sequence: number;
}

const SKIP_KINDS = new Set<ProblemKind>(["tooLarge", "binary", "minified", "vendored", "unreadable"]);

/**
 * When to analyze: debounced per document while typing, at once on open, save and config
 * change. A newer request cancels the older one, and a result whose document version has
 * moved on is dropped, so a stale analysis never lands on newer text.
 */
export class Scheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();
  private readonly states = new Map<string, DocumentState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were published or cleared. */
  readonly onDidPublish = this.changed.event;

  /** Which findings the baseline covers (not shown); set by activate (baseline.ts). */
  covered: ((doc: vscode.TextDocument, result: AnalysisResult) => boolean[]) | undefined;

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly collection: vscode.DiagnosticCollection,
    private readonly reporter: Reporter,
    private readonly log: vscode.LogOutputChannel,
    /** True for URIs whose diagnostics came from a workspace audit (kept on close). */
    private readonly isAudited: (uri: vscode.Uri) => boolean,
  ) {}

  state(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  schedule(doc: vscode.TextDocument, trigger: Trigger): void {
    if (!isAnalyzable(doc)) return;
    const settings = readSettings(doc.uri);
    if (!settings.enable) {
      this.cancel(doc.uri);
      this.publish(doc, [], "disabled");
      return;
    }
    if (trigger === "change" && settings.run === "onSave") return;
    const key = doc.uri.toString();
    this.cancel(doc.uri);
    const cts = new vscode.CancellationTokenSource();
    this.pending.set(key, cts);
    const delay = trigger === "change" ? settings.debounceMs : 0;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(doc, cts, trigger);
      }, delay),
    );
  }

  /** Re-analyzes every open TS/JS document (config or settings changed). */
  scheduleAll(trigger: Trigger): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, trigger);
  }

  /**
   * Cancels pending work; clears the diagnostics unless a workspace audit produced them.
   * Called when the document closes, and as soon as its last tab closes: the host keeps a
   * document it opened for an extension alive for minutes after its editor is gone.
   */
  close(uri: vscode.Uri): void {
    this.cancel(uri);
    this.analyzer.forget(uri);
    this.states.delete(uri.toString());
    this.reporter.forgetSkips(uri.fsPath);
    if (!this.isAudited(uri)) this.collection.delete(uri);
  }

  /** Analyzes a document shown again after its tab closed (it never closed, so no open event came). */
  ensure(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.states.has(key) && !this.pending.has(key)) this.schedule(doc, "open");
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    const cts = this.pending.get(key);
    if (cts) {
      cts.cancel();
      cts.dispose();
      this.pending.delete(key);
    }
  }

  private async run(doc: vscode.TextDocument, cts: vscode.CancellationTokenSource, trigger: Trigger): Promise<void> {
    const token = cts.token;
    // Yield once so that edits already queued cancel this run before it starts parsing.
    await new Promise((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested || doc.isClosed) return;
    const version = doc.version;
    const stale = () => token.isCancellationRequested || doc.isClosed || doc.version !== version;
    const t0 = performance.now();
    let analysis;
    try {
      analysis = this.analyzer.analyze(doc, { fixes: false, isCancelled: stale });
    } catch (err: unknown) {
      // The engine does not throw by contract; if it does, log it instead of failing the event loop.
      this.log.error(`analysis of ${doc.uri.fsPath} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return;
    } finally {
      if (this.pending.get(doc.uri.toString()) === cts) this.pending.delete(doc.uri.toString());
      cts.dispose();
    }
    if (stale()) {
      this.log.trace(`dropped a stale analysis of ${doc.uri.fsPath} (version ${version})`);
      return;
    }
    const result = analysis.result;
    if (readSettings(doc.uri).trace !== "off") {
      this.log.info(`analyzed ${doc.uri.fsPath} v${version} on ${trigger} in ${(performance.now() - t0).toFixed(1)} ms: ${result ? `${result.findings.length} finding(s)` : "ignored by the config"}`);
    }
    if (!result) return this.publish(doc, [], "ignored");
    if (!result.analyzed) {
      const skip = result.problems.find((p) => SKIP_KINDS.has(p.kind));
      // Not analyzed and not skipped means cancelled: keep what is shown.
      if (skip) this.publish(doc, [], skip.kind);
      return;
    }
    this.reporter.forgetSkips(doc.uri.fsPath);
    const covered = this.covered?.(doc, result);
    const findings = covered ? result.findings.filter((_, i) => !covered[i]) : result.findings;
    this.publish(doc, toDiagnostics(findings, doc.uri, rangeOfDocument(doc), readNoiseSettings(doc.uri).explorerDecorations));
  }

  private publish(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[], skipped?: DocumentState["skipped"]): void {
    this.collection.set(doc.uri, diagnostics);
    const key = doc.uri.toString();
    const sequence = (this.states.get(key)?.sequence ?? 0) + 1;
    this.states.set(key, { version: doc.version, count: diagnostics.length, skipped, sequence });
    this.changed.fire(doc.uri);
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.cancel(vscode.Uri.parse(key));
    this.changed.dispose();
  }
}
