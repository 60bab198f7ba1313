import * as path from "node:path";
import * as vscode from "vscode";
import type { TargetOutcome } from "../agents/instructions";
import { loadEngine } from "./engine";
import { openDocumentOf, uriForPath } from "./uris";

/** `contributes.commands`: "Hardening Hints: Update Agent Instructions". */
export const UPDATE_AGENT_INSTRUCTIONS_COMMAND = "hardeningHints.updateAgentInstructions";

const LOCAL_SCHEMES = new Set(["file", "vscode-remote"]);

const SAID: Record<TargetOutcome["state"], string> = {
  created: "created",
  added: "section added",
  updated: "updated",
  current: "current",
  stale: "stale",
  missing: "missing",
  skipped: "left alone",
  broken: "not changed",
};

/**
 * The palette's `hardening-hints agents`: the same `updateInstructions` the CLI runs (loaded
 * with the engine), for one workspace folder. An instructions file with unsaved changes is
 * never written under the editor's feet: the user is asked to save it first. Resolves to the
 * message shown (the host test reads it), or undefined when nothing ran.
 */
export async function updateAgentInstructions(): Promise<string | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => LOCAL_SCHEMES.has(f.uri.scheme));
  if (folders.length === 0) {
    void vscode.window.showWarningMessage("Hardening Hints: open a folder to write its agent instructions (AGENTS.md).");
    return undefined;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: "Write the agent instructions of which folder?" });
  if (!folder) return undefined;
  const root = folder.uri.fsPath;
  const engine = loadEngine();
  const unsaved = engine.instructionTargets(root).filter((t) => openDocumentOf(path.join(root, ...t.file.split("/")))?.isDirty);
  if (unsaved.length > 0) {
    const message = `Hardening Hints: save ${unsaved.map((t) => t.file).join(", ")} first; the agent instructions were not updated.`;
    void vscode.window.showWarningMessage(message);
    return message;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Hardening Hints: updating the agent instructions", cancellable: true },
    (_progress, token) => engine.updateInstructions(root, { isCancelled: () => token.isCancellationRequested, trend: engine.agentsTrend(root) }),
  );
  if (result.outcomes.length === 0) return undefined; // cancelled during the audit
  const list = result.outcomes.map((o) => `${o.file} (${SAID[o.state]}${o.detail ? `: ${o.detail}` : ""})`).join(", ");
  if (!result.ok) {
    const message = `Hardening Hints: some agent instructions could not be updated: ${list}.`;
    void vscode.window.showWarningMessage(message);
    return message;
  }
  const changed = result.outcomes.filter((o) => o.state === "created" || o.state === "added" || o.state === "updated");
  const message = changed.length === 0 ? `Hardening Hints: the agent instructions are current: ${list}.` : `Hardening Hints: agent instructions updated: ${list}.`;
  const open = changed.length > 0 ? `Open ${changed[0]!.file}` : undefined;
  void vscode.window.showInformationMessage(message, ...(open ? [open] : [])).then(async (pick) => {
    if (pick === open) await vscode.window.showTextDocument(uriForPath(path.join(root, ...changed[0]!.file.split("/")), folder.uri));
  });
  return message;
}
