import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzed, api, closeAll, codeValue, openFixture, ours, removeFixtures, sequenceOf, show, uriOf, waitFor } from './helpers';

const DIR = 'tmp/diagnostics';

// One finding per family; the expectations are exact (0-based line:character ranges).
const SOURCE_TEXT = [
  'import express from "express";',
  'const app = express();',
  'app.post("/pay", (req, res) => {',
  '  const { amount } = req.body;',
  '  try {',
  '    charge(amount);',
  '  } catch (e) {}',
  '  res.sendStatus(204);',
  '});',
  'declare function charge(n: number): void;',
  '',
].join('\n');

describe('diagnostics', () => {
  after(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('appear on open with exact ranges, codes, docs links and severities', async () => {
    const { doc } = await openFixture(`${DIR}/open.ts`, SOURCE_TEXT);
    const diags = ours(doc.uri);
    assert.deepEqual(diags.map(show), ['unvalidated-boundary/expressBody@3:21-3:29', 'swallowed-exception/emptyCatch@6:14-6:16']);
    for (const d of diags) {
      const code = d.code as { value: string; target: vscode.Uri };
      const [family, caseId] = code.value.split('/');
      // The link opens the shipped docs inside VS Code (project-control.test.ts follows it).
      assert.equal(code.target.toString(true), `${vscode.env.uriScheme}://hardening-hints.hardening-hints/docs?code=${family}/${caseId}`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    }
    // The boundary finding points at the first unvalidated use, elsewhere on the line (a use that is the read itself gets none).
    const related = diags[0]!.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => [r.message, r.location.uri.toString(), `${r.location.range.start.line}:${r.location.range.start.character}-${r.location.range.end.line}:${r.location.range.end.character}`]),
      [['First use without validation: destructured', doc.uri.toString(), '3:8-3:18']],
    );
    assert.equal(diags[1]!.relatedInformation, undefined);
    // The status item states the extension's state; the Problems count is VS Code's own.
    assert.match((await api()).statusText(), /^\$\(shield\) Hardening Hints/);
    assert.ok(['idle', 'skipped'].includes((await api()).statusState()), (await api()).statusState());
  });

  it('update on type (debounced) and a stale analysis never lands', async () => {
    // A debounce longer than a loaded machine takes between three edits (CI ran this with seven
    // other processes busy and saw two analyses at the default 300 ms). Set before the document
    // opens, so the re-analysis a settings change causes is over before the count starts.
    const config = vscode.workspace.getConfiguration('hardeningHints');
    await config.update('debounceMs', 2_000, vscode.ConfigurationTarget.Workspace);
    try {
      const { doc, editor } = await openFixture(`${DIR}/type.ts`, SOURCE_TEXT);
      const before = await sequenceOf(doc.uri);
      // Three quick edits: add a second empty catch, then break and restore the first one.
      await editor.edit((b) => b.insert(new vscode.Position(10, 0), 'try { charge(1); } catch {}\n'));
      await editor.edit((b) => b.insert(new vscode.Position(6, 15), ' /* nothing */ '));
      await editor.edit((b) => b.delete(new vscode.Range(6, 15, 6, 30)));
      const state = await analyzed(doc, before);
      assert.equal(state.version, doc.version, 'the published analysis is of the newest version');
      assert.deepEqual(ours(doc.uri).map(show), [
        'unvalidated-boundary/expressBody@3:21-3:29',
        'swallowed-exception/emptyCatch@6:14-6:16',
        'swallowed-exception/emptyCatch@10:25-10:27',
      ]);
      // Debounced: three edits in a row gave one analysis, not three.
      assert.equal(state.sequence, before + 1, 'one analysis for a burst of edits');
    } finally {
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('update on save', async () => {
    const { doc, editor } = await openFixture(`${DIR}/save.ts`, 'export function f(): void {\n  try {\n    save();\n  } catch {}\n}\n');
    assert.deepEqual(ours(doc.uri).map(codeValue), ['swallowed-exception/emptyCatch']);
    const config = vscode.workspace.getConfiguration('hardeningHints', doc.uri);
    await config.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    try {
      // Remove the try/catch: with run = onSave, nothing changes until the save.
      await editor.edit((b) => b.replace(new vscode.Range(1, 0, 4, 0), '  return;\n'));
      assert.deepEqual(ours(doc.uri).map(codeValue), ['swallowed-exception/emptyCatch'], 'not analyzed on type');
      const before = await sequenceOf(doc.uri);
      await doc.save();
      await analyzed(doc, before);
      assert.deepEqual(ours(doc.uri).map(codeValue), []);
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('follow hardeningHints.enable', async () => {
    const { doc } = await openFixture(`${DIR}/enable.ts`, SOURCE_TEXT);
    assert.equal(ours(doc.uri).length, 2);
    const config = vscode.workspace.getConfiguration('hardeningHints');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => ours(doc.uri).length === 0, 'diagnostics cleared when disabled');
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ours(doc.uri).length === 2, 'diagnostics back when enabled again');
  });

  it('are cleared when the document closes', async () => {
    const { doc } = await openFixture(`${DIR}/close.ts`, SOURCE_TEXT);
    assert.equal(ours(doc.uri).length, 2);
    await closeAll();
    await waitFor(() => ours(uriOf(`${DIR}/close.ts`)).length === 0, 'diagnostics cleared on close');
  });
});
