// "Hardening Hints: Update Agent Instructions" in a real host: the palette command writes the
// same section as `hardening-hints agents` into AGENTS.md, a second run finds it current, and an
// AGENTS.md with unsaved changes is not written under the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abs, api, closeAll, uriOf, waitFor } from './helpers';

const FILE = 'AGENTS.md';
const COMMAND = 'hardeningHints.updateAgentInstructions';

describe('palette: Update Agent Instructions', () => {
  before(async () => {
    await api();
    fs.rmSync(abs(FILE), { force: true });
  });
  after(async () => {
    await cleanOpenCopy();
    await closeAll();
    fs.rmSync(abs(FILE), { force: true });
    // A dirty AGENTS.md left open is written back by a later save or close prompt, after the file
    // was deleted here: the workspace then holds an AGENTS.md after the run.
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.uri.fsPath === abs(FILE) && d.isDirty).map((d) => d.uri.toString()), [], 'a dirty AGENTS.md is still open');
  });

  it('creates AGENTS.md with the marked section, then finds it current', async () => {
    const first = await vscode.commands.executeCommand<string>(COMMAND);
    assert.equal(first, 'Hardening Hints: agent instructions updated: AGENTS.md (created).');
    const text = fs.readFileSync(abs(FILE), 'utf8');
    assert.match(text, /^<!-- hardening-hints:begin -->\n[^\n]*\n## Errors, input and secrets\n/);
    assert.ok(text.endsWith('<!-- hardening-hints:end -->\n'), text);
    assert.match(text, /^- swallowed-exception: \d+ \(errors swallowed\)$/m);
    const second = await vscode.commands.executeCommand<string>(COMMAND);
    assert.equal(second, 'Hardening Hints: the agent instructions are current: AGENTS.md (current).');
    assert.equal(fs.readFileSync(abs(FILE), 'utf8'), text);
  });

  it('leaves an AGENTS.md with unsaved changes alone', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(FILE));
    const editor = await vscode.window.showTextDocument(doc);
    const before = fs.readFileSync(abs(FILE), 'utf8');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Our own note.\n'));
    assert.ok(doc.isDirty);
    const message = await vscode.commands.executeCommand<string>(COMMAND);
    assert.equal(message, 'Hardening Hints: save AGENTS.md first; the agent instructions were not updated.');
    assert.equal(fs.readFileSync(abs(FILE), 'utf8'), before);
    await cleanOpenCopy();
    assert.ok(!doc.isDirty, 'the edit is taken back');
    assert.equal(fs.readFileSync(abs(FILE), 'utf8'), before);
  });
});

/**
 * Takes back an unsaved edit of the open AGENTS.md without depending on focus: the disk text goes
 * back into the buffer and is saved (the same bytes), so the document is clean. Reverting through
 * the active editor (closeAll's revertAndCloseActiveEditor) missed it when another editor had
 * focus, and a later close saved the edit into a new AGENTS.md after after() had deleted it.
 */
async function cleanOpenCopy(): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === abs(FILE));
  if (!doc?.isDirty || !fs.existsSync(abs(FILE))) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), fs.readFileSync(abs(FILE), 'utf8'));
  assert.ok(await vscode.workspace.applyEdit(edit), 'the editor took the edit back');
  // The buffer now equals the file; saving writes the same bytes and clears the dirty flag.
  if (doc.isDirty) await doc.save();
  await waitFor(() => !doc.isDirty, 'AGENTS.md to be clean');
}
