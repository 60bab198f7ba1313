import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { abs, analyzed, applyAction, closeAll, codeValue, ours, quickFixes, removeFixtures, show, uriOf, waitFor } from './helpers';

const DIR = 'tmp/encoding';
const CODE = 'swallowed-exception/emptyCatch';

/**
 * A source file saved in Windows-1252: the `£` is the single byte 0xA3, not valid UTF-8. The host
 * decodes it as U+FFFD, so a fix saved through the buffer would overwrite that byte; the engine
 * (decodeSource, unfixableOnDisk) analyses it and offers no edit of the file.
 */
const BYTES = Buffer.concat([
  Buffer.from('export function price(read: () => string): string {\n  const label = "', 'ascii'),
  Buffer.from([0xa3]),
  Buffer.from('5";\n  try {\n    return read();\n  } catch (err) {}\n  return label;\n}\n', 'ascii'),
]);

/** URIs an action's edit touches (document edits and file operations alike). */
function touched(action: vscode.CodeAction): string[] {
  return [...new Set((action.edit?.entries() ?? []).map(([u]) => u.toString()))];
}

describe('a file that is not valid UTF-8', () => {
  const rel = `${DIR}/latin1.ts`;
  afterEach(async () => {
    await closeAll();
  });
  after(() => {
    removeFixtures(DIR);
  });

  it('reports the empty catch, offers no edit of the file (not even fix all), and leaves its bytes', async () => {
    const file = abs(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, BYTES);
    const doc = await vscode.workspace.openTextDocument(uriOf(rel));
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.ok(doc.getText().includes('"\ufffd5"'), `the host reads byte 0xA3 as U+FFFD; got ${JSON.stringify(doc.getText().split('\n')[1])}`);
    await analyzed(doc);
    const d = await waitFor(
      () => ours(doc.uri).find((x) => codeValue(x) === CODE),
      () => `${CODE} in ${rel}; got ${ours(doc.uri).map(show).join(', ') || 'nothing'}`,
    );
    assert.equal(show(d), `${CODE}@4:16-4:18`, "the finding sits on the catch's empty block");

    const actions = await quickFixes(doc, d);
    // As built (code-actions.ts): no rule fix, no ignore directive (both edit this file), and no
    // "Fix all"; turning the case off edits the configuration, and the docs open in the editor.
    assert.deepEqual(
      actions.map((a) => a.title),
      [`Turn off ${CODE} for this folder…`, `Turn off ${CODE} for this project…`, `Show documentation for ${CODE}`],
    );
    for (const a of actions) {
      assert.ok(!touched(a).includes(doc.uri.toString()), `"${a.title}" edits ${rel}`);
      assert.notEqual(a.isPreferred, true, `"${a.title}" is not preferred`);
    }

    // Fix all on save (`source.fixAll.hardeningHints`, which the extension contributes) has nothing to do.
    const fixAll = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.hardeningHints')) ?? [];
    assert.deepEqual(fixAll.map((a) => a.title), [], 'no fix-all action for the file');
    for (const a of fixAll) await applyAction(a);
    await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.hardeningHints', apply: 'ifSingle' });
    assert.equal(doc.isDirty, false, 'the buffer is unchanged');
    assert.ok(Buffer.from(fs.readFileSync(file)).equals(BYTES), 'the file on disk is byte-identical');
  });
});
