// Shared helpers of the host suites: polling waits (never fixed sleeps), fixture files written
// under the workspace's git-ignored tmp/ folder, and access to the extension's read-only API.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HardeningHintsApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'hardening-hints.hardening-hints';
export const SOURCE = 'Hardening Hints';

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the host opened no workspace folder');
  return f;
}

/** Absolute path on the extension host's disk of a workspace-relative path. */
export function abs(rel: string): string {
  return path.join(folder().uri.fsPath, rel);
}

/** URI of a workspace-relative path, in the workspace's scheme (vscode-remote under code-server). */
export function uriOf(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
}

export async function api(): Promise<HardeningHintsApi> {
  const ext = vscode.extensions.getExtension<HardeningHintsApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the host`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Polls `probe` every 25 ms until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string | (() => string), timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err: unknown) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const text = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${text}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Our diagnostics of a URI (the TypeScript extension adds its own: filter by source). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeValue(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** `code@l:c-l:c` (0-based), compact and exact for assertions. */
export function show(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeValue(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Waits until the extension published an analysis of the document's current version after
 * sequence `after` (a state read before the action that should trigger it).
 */
export async function analyzed(doc: vscode.TextDocument, after = -1): Promise<NonNullable<ReturnType<HardeningHintsApi['state']>>> {
  const a = await api();
  return waitFor(
    () => {
      const s = a.state(doc.uri);
      return s && s.sequence > after && s.version === doc.version ? s : undefined;
    },
    () => `an analysis of ${doc.uri.fsPath} v${doc.version} (state: ${JSON.stringify(a.state(doc.uri))})`,
  );
}

export async function sequenceOf(uri: vscode.Uri): Promise<number> {
  return (await api()).state(uri)?.sequence ?? -1;
}

/** Writes a fixture file under the workspace (creating folders) and returns its URI. */
export function writeFixture(rel: string, text: string): vscode.Uri {
  const file = abs(rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return uriOf(rel);
}

/** Writes, opens and shows a fixture; resolves after its first analysis. */
export async function openFixture(rel: string, text: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = writeFixture(rel, text);
  const doc = await labelled('openTextDocument', () => Promise.resolve(vscode.workspace.openTextDocument(uri)));
  const editor = await labelled('showTextDocument', () => Promise.resolve(vscode.window.showTextDocument(doc, { preview: false })));
  await analyzed(doc);
  return { doc, editor };
}

/** Closes every editor without saving (reverting dirty ones), so no test leaves state behind. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (!vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

/** Removes a workspace-relative folder of runtime fixtures. */
export function removeFixtures(rel: string): void {
  fs.rmSync(abs(rel), { recursive: true, force: true });
}

/**
 * Quick fixes offered for exactly the diagnostic's range. The command does not hand back
 * `action.diagnostics`, so fixtures keep every other diagnostic (ours or TypeScript's) off
 * that range, and the assertions compare the whole list.
 */
export async function quickFixes(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return labelled('vscode.executeCodeActionProvider', async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? []);
}

/** Names the API call in an error (the host's own errors, such as "Canceled", say nothing of where). */
async function labelled<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err: unknown) {
    throw new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await labelled('workspace.applyEdit', () => Promise.resolve(vscode.workspace.applyEdit(action.edit!))), `applyEdit failed for "${action.title}"`);
  if (action.command) await labelled(action.command.command, () => Promise.resolve(vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []))));
}
