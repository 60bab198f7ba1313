import * as vscode from "vscode";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import type { Scheduler } from "./scheduler";
import { isAnalyzable } from "./uris";

const SKIP_TEXT: Record<string, string> = {
  tooLarge: "skipped: the file is larger than maxFileSizeKb",
  minified: "skipped: the file looks minified or generated",
  binary: "skipped: the file is binary",
  unreadable: "skipped: the file cannot be read",
  ignored: "the file is ignored by .hardeninghints.json",
  disabled: "disabled by hardeningHints.enable",
};

/** The active file's findings count; a click opens the Problems panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("hardeningHints.status", vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly scheduler: Scheduler) {
    this.item.name = "Hardening Hints";
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      scheduler.onDidPublish((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  /** Text shown now (host tests read it). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isAnalyzable(doc)) {
      this.item.hide();
      return;
    }
    const skipped = this.scheduler.state(doc.uri)?.skipped;
    if (skipped) {
      this.item.text = "$(shield) –";
      this.item.tooltip = `Hardening Hints: ${SKIP_TEXT[skipped] ?? skipped}`;
    } else {
      const n = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
      this.item.text = `$(shield) ${n}`;
      this.item.tooltip = `Hardening Hints: ${n === 0 ? "no findings" : `${n} finding${n === 1 ? "" : "s"}`} in this file. Click to open the Problems panel.`;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
