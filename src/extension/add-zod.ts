import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { loadEngine } from "./engine";

/** Options of `hardeningHints.addZod` for programmatic callers (the host tests never install anything). */
export interface AddZodOptions {
  /** Type the command into the terminal without running it. */
  execute?: boolean;
}

export interface AddZodResult {
  command: string;
  cwd: string;
  terminal: vscode.Terminal;
}

/** The folder of the nearest package.json at or above `dir`, else `fallback`. */
function packageDir(dir: string, fallback: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, "package.json"))) return at;
    if (path.dirname(at) === at) return fallback;
  }
}

/**
 * Adds zod with the project's package manager (from its lockfile) in a visible terminal, so the
 * user sees exactly what runs; never silently. Disabled in untrusted workspaces (package
 * managers run install scripts).
 */
export async function addZod(options: AddZodOptions = {}): Promise<AddZodResult | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage("Hardening Hints: open a folder to add zod to it.");
    return undefined;
  }
  const start = active && active.scheme === folder.uri.scheme ? path.dirname(active.fsPath) : folder.uri.fsPath;
  const cwd = packageDir(start, folder.uri.fsPath);
  const engine = loadEngine();
  const command = engine.zodInstallCommand(cwd, new engine.FsProjectHost());
  const terminal = vscode.window.createTerminal({ name: "Hardening Hints: add zod", cwd: folder.uri.with({ path: vscode.Uri.file(cwd).path }) });
  terminal.show();
  terminal.sendText(command, options.execute !== false);
  return { command, cwd, terminal };
}
