// "Hardening Hints: Update Agent Instructions" in a real host: the palette command writes the
// same section as `hardening-hints agents` into AGENTS.md, a second run finds it current, and an
// AGENTS.md with unsaved changes is not written under the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abs, api, closeAll, uriOf } from './helpers';

const FILE = 'AGENTS.md';
const COMMAND = 'hardeningHints.updateAgentInstructions';

describe('palette: Update Agent Instructions', () => {
  before(async () => {
    await api();
    fs.rmSync(abs(FILE), { force: true });
  });
  after(async () => {
    await closeAll();
    fs.rmSync(abs(FILE), { force: true });
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
    // after()'s closeAll() reverts the unsaved edit (code-server has no workbench.action.revertFile).
  });
});
