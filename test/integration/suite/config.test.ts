import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abs, analyzed, api, closeAll, codeValue, openFixture, ours, removeFixtures, sequenceOf, waitFor, writeFixture } from './helpers';

const DIR = 'tmp/config';
const CODE = lines('export function f(g: () => void): void {', '  try {', '    g();', '  } catch (e) {}', '}', '');

function lines(...l: string[]): string {
  return l.join('\n');
}

describe('configuration', () => {
  afterEach(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  // A committed folder, watched since start-up: the OS watcher may miss writes into a folder
  // created a moment before (seen with code-server's recursive watcher).
  const WATCHED = 'ignored-by-git/config-watch';
  const ORIGINAL_CONFIG = '{ "rules": { "swallowed-exception": "error" } }\n';

  it('re-analyzes when .hardeninghints.json changes on disk or is saved: severity from the file, and "off"', async () => {
    const configFile = abs(`${WATCHED}/.hardeninghints.json`);
    fs.writeFileSync(configFile, ORIGINAL_CONFIG);
    try {
      const { doc } = await openFixture(`${WATCHED}/a.ts`, CODE);
      assert.deepEqual(ours(doc.uri).map((d) => [codeValue(d), d.severity]), [['swallowed-exception/emptyCatch', vscode.DiagnosticSeverity.Error]]);

      const generation = (await api()).configGeneration();
      fs.writeFileSync(configFile, '{ "rules": { "swallowed-exception/emptyCatch": "info" } }\n');
      await waitFor(() => ours(doc.uri)[0]?.severity === vscode.DiagnosticSeverity.Information, 'severity info after the config changed on disk');
      assert.ok((await api()).configGeneration() > generation);

      // Saving the config from an editor applies it too.
      const configDoc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(doc.uri, '..', '.hardeninghints.json'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(configDoc.uri, new vscode.Range(0, 0, configDoc.lineCount, 0), '{ "rules": { "swallowed-exception": "off" } }\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await configDoc.save();
      await waitFor(() => ours(doc.uri).length === 0, 'no finding once the family is off');
    } finally {
      await closeAll();
      fs.writeFileSync(configFile, ORIGINAL_CONFIG);
      fs.rmSync(abs(`${WATCHED}/a.ts`), { force: true });
    }
  });

  it('a malformed .hardeninghints.json gives one message, no crash, and the defaults', async () => {
    const a = await api();
    const countBefore = a.notifications().filter((n) => n.kind === 'configError').length;
    writeFixture(`${DIR}/bad/.hardeninghints.json`, '{ "rules": { "swallowed-exception": "loud" }\n');
    const { doc, editor } = await openFixture(`${DIR}/bad/a.ts`, CODE);
    assert.deepEqual(ours(doc.uri).map(codeValue), ['swallowed-exception/emptyCatch'], 'analysis continues with the defaults');
    // Keystrokes re-analyze with the same broken config: still one message.
    for (let i = 0; i < 3; i++) {
      const before = await sequenceOf(doc.uri);
      await editor.edit((b) => b.insert(new vscode.Position(5, 0), `// edit ${i}\n`));
      await analyzed(doc, before);
    }
    const shown = a.notifications().filter((n) => n.kind === 'configError');
    // Once per kind per window: a malformed config seen earlier in this window already used the one message.
    assert.ok(shown.length <= 1, `at most one config message per window, got ${shown.length}`);
    if (countBefore === 0) {
      assert.equal(shown.length, 1);
      assert.match(shown[0]!.message, /\.hardeninghints\.json/);
    }
    assert.deepEqual(ours(doc.uri).map(codeValue), ['swallowed-exception/emptyCatch']);
  });
});

describe('.hardeninghints.json schema', () => {
  after(async () => {
    await closeAll();
    removeFixtures('tmp/schema');
  });

  it('is validated by the JSON language service through contributes.jsonValidation', async () => {
    const uri = writeFixture('tmp/schema/.hardeninghints.json', '{\n  "rules": { "swallowed-exception": "loud" }\n}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const problems = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source !== 'Hardening Hints');
        return d.length > 0 && d;
      },
      'a schema diagnostic from the JSON language service',
      30_000,
    );
    assert.equal(problems[0]!.range.start.line, 1, 'on the invalid severity');
  });
});
