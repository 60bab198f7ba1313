import * as vscode from "vscode";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import type { Scheduler } from "./scheduler";
import { isAnalyzable } from "./uris";

const SKIP_TEXT: Record<string, string> = {
  tooLarge: "skipped: the file is larger than maxFileSizeKb",
  minified: "skipped: the file looks minified or generated",
  vendored: "skipped: a third-party file vendored into the project",
  binary: "skipped: the file is binary",
  unreadable: "skipped: the file cannot be read",
  ignored: "the file is ignored by .hardeninghints.json",
  disabled: "disabled by hardeningHints.enable",
};

/** What the status item says: the extension's state, not a copy of the Problems count. */
export type StatusState = "analysing" | "idle" | "error" | "skipped";

/**
 * The extension's state: analysing (a workspace audit or a pending analysis), idle, error (a
 * rule crash or a broken config: click for the log) or the file skipped (click for the log
 * line that says why). Idle opens the rules view.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("hardeningHints.status", vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private auditing = false;
  private current: StatusState = "idle";

  constructor(
    private readonly scheduler: Scheduler,
    private readonly hasError: () => boolean,
    /** Files skipped so far (too large, minified, binary): their log lines say why. */
    private readonly skippedCount: () => number,
    /** Findings the baseline hides, and the baseline file's name. */
    private readonly baseline: () => { hidden: number; file: string } = () => ({ hidden: 0, file: "" }),
  ) {
    this.item.name = "Hardening Hints";
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      scheduler.onDidPublish(() => this.update()),
    );
    this.update();
  }

  /** Text shown now (host tests read it). */
  get text(): string {
    return this.item.text;
  }

  get state(): StatusState {
    return this.current;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === "string" ? this.item.tooltip : (this.item.tooltip?.value ?? "");
  }

  /** The command a click runs: the log (analysing, error, skipped) or the rules view (idle). */
  get command(): string | undefined {
    return typeof this.item.command === "string" ? this.item.command : this.item.command?.command;
  }

  /** Set by the workspace audit while it runs. */
  setAuditing(on: boolean): void {
    this.auditing = on;
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!this.auditing && (!doc || !isAnalyzable(doc))) {
      this.item.hide();
      return;
    }
    const skipped = doc && isAnalyzable(doc) ? this.scheduler.state(doc.uri)?.skipped : undefined;
    if (this.auditing) {
      this.set("analysing", "$(sync~spin) Hardening Hints", "Hardening Hints: auditing the workspace", "hardeningHints.showOutput");
    } else if (this.hasError()) {
      this.set("error", "$(error) Hardening Hints", "Hardening Hints: a rule failed or .hardeninghints.json has an error. Click to show the log.", "hardeningHints.showOutput");
    } else if ((skipped && skipped !== "disabled" && skipped !== "ignored") || this.skippedCount() > 0) {
      const n = Math.max(1, this.skippedCount());
      const why = skipped && skipped !== "disabled" && skipped !== "ignored" ? `this file was ${SKIP_TEXT[skipped] ?? skipped}` : "the log says why";
      this.set("skipped", `$(shield) Hardening Hints: ${n} skipped`, `Hardening Hints: ${n} file${n === 1 ? "" : "s"} skipped; ${why}. Click to show the log.`, "hardeningHints.showOutput");
    } else {
      const n = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length : 0;
      const what = skipped === "disabled" ? SKIP_TEXT.disabled : `idle, ${n === 0 ? "no findings" : `${n} finding${n === 1 ? "" : "s"}`} in this file`;
      this.set("idle", "$(shield) Hardening Hints", `Hardening Hints: ${what}. Click to show the rules.`, "hardeningHints.showRules");
    }
    this.item.show();
  }

  private set(state: StatusState, text: string, tooltip: string, command: string): void {
    this.current = state;
    this.item.text = text;
    const { hidden, file } = this.baseline();
    // What the baseline hides is part of the state: nothing disappears without a word.
    this.item.tooltip = hidden > 0 ? `${tooltip}\n${hidden} existing finding${hidden === 1 ? "" : "s"} hidden by the baseline (${file}); "Hardening Hints: Clear Baseline" shows them again.` : tooltip;
    this.item.command = command;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
