import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzed, api, closeAll, openFixture, ours, removeFixtures } from './helpers';

const DIR = 'tmp/skip';

describe('large, minified and binary files', () => {
  afterEach(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('skips a minified file with one quiet log line, and no diagnostics', async () => {
    const a = await api();
    const minified = 'function a(){try{b()}catch(e){}}var x=' + JSON.stringify('y'.repeat(6000)) + ';' + 'try{c()}catch(e){}'.repeat(200) + '\n';
    const started = Date.now();
    const { doc, editor } = await openFixture(`${DIR}/bundle.js`, minified);
    assert.equal(a.state(doc.uri)?.skipped, 'minified');
    assert.deepEqual(ours(doc.uri), []);
    // Typing re-checks the file but does not log again.
    const before = a.state(doc.uri)!.sequence;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
    await analyzed(doc, before);
    const lines = a.skipLines().filter((l) => l.includes('bundle.js'));
    assert.equal(lines.length, 1, `one log line, got ${JSON.stringify(lines)}`);
    assert.match(lines[0]!, /minified/);
    assert.ok(Date.now() - started < 10_000, 'no freeze');
    assert.equal(a.statusState(), 'skipped', 'the status item says files were skipped');
    assert.match(a.statusText(), /\d+ skipped/);
  });

  it('skips a file over hardeningHints.maxFileSizeKb', async () => {
    const config = vscode.workspace.getConfiguration('hardeningHints');
    await config.update('maxFileSizeKb', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const body = Array.from({ length: 120 }, (_, i) => `export function f${i}(g: () => void): void { try { g(); } catch (e) {} }`).join('\n');
      const { doc } = await openFixture(`${DIR}/large.ts`, body + '\n');
      assert.equal((await api()).state(doc.uri)?.skipped, 'tooLarge');
      assert.deepEqual(ours(doc.uri), []);
    } finally {
      await config.update('maxFileSizeKb', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
