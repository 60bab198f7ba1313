import * as vscode from "vscode";
import type { Problem, ProblemKind } from "../engine";

/** A notification the reporter showed (kept for the host tests, which cannot see toasts). */
export interface ShownNotification {
  kind: ProblemKind;
  message: string;
}

const SKIP_KINDS = new Set<ProblemKind>(["tooLarge", "binary", "minified", "vendored"]);
const MAX_REMEMBERED = 2000;

/**
 * Decides how loud each engine problem is (STYLE B8): everything goes to the log once, at most
 * one notification per kind per window, nothing loud for syntax errors while typing, and one
 * quiet line for a skipped file.
 */
export class Reporter {
  private readonly notifiedKinds = new Set<ProblemKind>();
  private readonly logged = new Set<string>();
  readonly notifications: ShownNotification[] = [];
  readonly skipLines: string[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Reports the problems of one analysis (or of a config load). */
  report(problems: readonly Problem[]): void {
    for (const p of problems) {
      const key = `${p.kind}\u0000${p.file ?? ""}\u0000${p.message}`;
      if (this.logged.has(key)) continue;
      if (this.logged.size > MAX_REMEMBERED) this.logged.clear();
      this.logged.add(key);
      switch (p.kind) {
        case "parseError":
          this.log.debug(p.message); // half-typed code: never loud
          break;
        case "tooLarge":
        case "binary":
        case "minified":
        case "vendored":
          this.skipLines.push(p.message);
          this.log.info(p.message);
          break;
        case "configError":
          this.log.error(`${p.message}; using the default configuration until it is fixed`);
          this.notifyOnce(p, `Hardening Hints: ${p.message}. The defaults are used until it is fixed.`, p.file ? "Open Config" : undefined);
          break;
        case "ruleCrash":
          this.log.error(p.message);
          this.notifyOnce(p, `Hardening Hints: a rule failed (${p.ruleId ?? "unknown rule"}); the other rules keep running. Details are in the log.`);
          break;
        default:
          this.log.warn(p.message);
      }
    }
  }

  /** Forgets a file's skip line so that it is logged again if the file is skipped again later. */
  forgetSkips(file: string): void {
    for (const key of this.logged) {
      const [kind, f] = key.split("\u0000");
      if (f === file && SKIP_KINDS.has(kind as ProblemKind)) this.logged.delete(key);
    }
  }

  private notifyOnce(p: Problem, text: string, openLabel?: string): void {
    if (this.notifiedKinds.has(p.kind)) return;
    this.notifiedKinds.add(p.kind);
    this.notifications.push({ kind: p.kind, message: text });
    const buttons = openLabel ? [openLabel, "Show Log"] : ["Show Log"];
    const show = p.kind === "configError" ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void Promise.resolve(show(text, ...buttons)).then(async (choice) => {
      if (choice === "Show Log") this.log.show();
      else if (choice === openLabel && p.file) await vscode.window.showTextDocument(vscode.Uri.file(p.file));
    });
  }
}
