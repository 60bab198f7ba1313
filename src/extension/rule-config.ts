import * as path from "node:path";
import * as vscode from "vscode";
import { overrideOffEdit, RULE_SEVERITIES, severityEdit, type ConfigEdit, type RuleSeverity } from "./config-edit";
import { loadEngine } from "./engine";
export { effectiveSeverity } from "./rule-rows";
import { positionsOf, readText, uriForPath } from "./uris";

/** Sets a family's or case's severity in the project's `.hardeninghints.json`. */
export const SET_SEVERITY_COMMAND = "hardeningHints.setRuleSeverity";
/** Saves the config after a quick fix changed it, so the engine (which reads the disk) sees it. */
export const SAVE_CONFIG_COMMAND = "hardeningHints.saveConfig";

/**
 * The config file that governs `file`: the `.hardeninghints.json` in effect (nearest up the
 * folders, as the engine finds it), else a new one at the root of the file's workspace folder.
 */
export function configTargetOf(file: vscode.Uri): vscode.Uri {
  const found = new (loadEngine().ConfigFileFinder)().find(path.dirname(file.fsPath));
  if (found) return uriForPath(found, file);
  const folder = vscode.workspace.getWorkspaceFolder(file) ?? vscode.workspace.workspaceFolders?.[0];
  const root = folder ? folder.uri.fsPath : path.dirname(file.fsPath);
  return uriForPath(path.join(root, loadEngine().CONFIG_FILE_NAME), file);
}

/**
 * The undoable edit that sets `code`'s severity in `config`: created with `$schema` when missing,
 * else changed in place (comments and layout kept). Nothing is written until it is applied.
 */
export function severityWorkspaceEdit(config: vscode.Uri, code: string, severity: RuleSeverity): vscode.WorkspaceEdit {
  return configWorkspaceEdit(config, (text, eol) => severityEdit(text, code, severity, eol))!;
}

/**
 * The undoable edit that turns `code` off for the files under `glob` through the config's
 * `overrides` (an entry for that folder extended, else one added; the file created with
 * `$schema` when missing).
 */
export function folderOffWorkspaceEdit(config: vscode.Uri, glob: string, code: string): vscode.WorkspaceEdit {
  return configWorkspaceEdit(config, (text, eol) => overrideOffEdit(text, glob, code, eol))!;
}

/**
 * A config text edit (config-edit.ts) as one undoable WorkspaceEdit: the file is created within
 * it when missing. Undefined when `change` has nothing to do.
 */
export function configWorkspaceEdit(config: vscode.Uri, change: (text: string | undefined, eol: string) => ConfigEdit | undefined): vscode.WorkspaceEdit | undefined {
  const text = readText(config.fsPath);
  const planned = change(text, text?.includes("\r\n") ? "\r\n" : "\n");
  if (!planned) return undefined;
  const edit = new vscode.WorkspaceEdit();
  if (planned.create) {
    edit.createFile(config, { ignoreIfExists: true });
    edit.insert(config, new vscode.Position(0, 0), planned.edits[0]!.content);
    return edit;
  }
  const at = positionsOf(config.fsPath);
  if (!at) throw new Error(`${config.fsPath} cannot be read`);
  for (const e of planned.edits) edit.replace(config, new vscode.Range(at(e.offset), at(e.offset + e.length)), e.content);
  return edit;
}

/** Saves the config document the edit left dirty (the engine and the CLI read the file on disk). */
export async function saveConfig(config: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === config.toString());
  if (doc?.isDirty) await doc.save();
}

/** Applies and saves a severity change; resolves to the config's URI (undefined when refused). */
export async function setRuleSeverity(config: vscode.Uri, code: string, severity: RuleSeverity): Promise<vscode.Uri | undefined> {
  if (!(await vscode.workspace.applyEdit(severityWorkspaceEdit(config, code, severity)))) return undefined;
  await saveConfig(config);
  return config;
}

/** Every family and case the engine knows, families first, each followed by its cases. */
export function ruleCodes(): { code: string; description: string; severity: string }[] {
  const out: { code: string; description: string; severity: string }[] = [];
  for (const rule of loadEngine().familyRules) {
    out.push({ code: rule.id, description: rule.docs.description, severity: rule.severity });
    for (const [id, meta] of Object.entries(rule.cases)) out.push({ code: `${rule.id}/${id}`, description: meta.description, severity: meta.severity ?? rule.severity });
  }
  return out;
}

export interface SetSeverityArgs {
  code?: string;
  severity?: RuleSeverity;
  /** The config to change; default: the one governing the active editor's file, else the first folder's. */
  config?: vscode.Uri;
}

/** `Hardening Hints: Set Rule Severity…`: a quick pick of family/case, then of severity. Arguments skip the picks. */
export async function setSeverityCommand(args: SetSeverityArgs = {}): Promise<vscode.Uri | undefined> {
  const code =
    args.code ??
    (
      await vscode.window.showQuickPick(
        ruleCodes().map((r) => ({ label: r.code, description: `default: ${r.severity}`, detail: r.description })),
        { title: "Hardening Hints: Set Rule Severity (1/2)", placeHolder: "A rule family or one of its cases", matchOnDetail: true },
      )
    )?.label;
  if (!code) return undefined;
  const severity =
    args.severity ??
    ((await vscode.window.showQuickPick(RULE_SEVERITIES.map((s) => s), { title: `Hardening Hints: severity of ${code} (2/2)` })) as RuleSeverity | undefined);
  if (!severity || !RULE_SEVERITIES.includes(severity)) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const base = active && vscode.workspace.getWorkspaceFolder(active) ? active : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!args.config && !base) {
    void vscode.window.showInformationMessage("Hardening Hints: open a folder to configure its rules.");
    return undefined;
  }
  const config = args.config ?? configTargetOf(active && base === active ? active : vscode.Uri.joinPath(base!, "x.ts"));
  return setRuleSeverity(config, code, severity);
}
