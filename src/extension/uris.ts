import * as fs from "node:fs";
import * as vscode from "vscode";
import { LineIndex, LANGUAGE_IDS } from "./convert";

/** Schemes whose documents live on this extension host's file system (code-server and remotes use `vscode-remote`). */
const LOCAL_SCHEMES = new Set(["file", "vscode-remote"]);

/**
 * The URI of an absolute path on the extension host's file system, in the scheme of `like`
 * (or of the first workspace folder): a remote host must hand back `vscode-remote:` URIs.
 */
export function uriForPath(fsPath: string, like?: vscode.Uri): vscode.Uri {
  const base = like ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = vscode.Uri.file(fsPath);
  if (!base || base.scheme === "file") return file;
  return base.with({ path: file.path, query: "", fragment: "" });
}

/** True for TS/JS documents stored on this host's file system. */
export function isAnalyzable(doc: vscode.TextDocument): boolean {
  return LOCAL_SCHEMES.has(doc.uri.scheme) && LANGUAGE_IDS.includes(doc.languageId);
}

/** The open document of a path, if any (its buffer wins over the disk). */
export function openDocumentOf(fsPath: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => LOCAL_SCHEMES.has(d.uri.scheme) && d.uri.fsPath === fsPath);
}

/** Text of a file as the editor sees it: the open buffer, else the disk (BOM dropped, as VS Code does). */
export function readText(fsPath: string): string | undefined {
  const doc = openDocumentOf(fsPath);
  if (doc) return doc.getText();
  try {
    const text = fs.readFileSync(fsPath, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined; // absent or unreadable: callers treat it as "not there"
  }
}

/** Offset → Position for a file that may not be open. */
export function positionsOf(fsPath: string): ((offset: number) => vscode.Position) | undefined {
  const doc = openDocumentOf(fsPath);
  if (doc) return (o) => doc.positionAt(o);
  const text = readText(fsPath);
  if (text === undefined) return undefined;
  const index = new LineIndex(text);
  return (o) => {
    const p = index.positionAt(o);
    return new vscode.Position(p.line, p.character);
  };
}
