import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'hardening-hints.hardening-hints';

describe('extension host smoke', () => {
  it('knows the extension under test and the UI kind', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not known to the host`);
    assert.equal(extension.packageJSON.name, 'hardening-hints');
    assert.ok(vscode.env.uiKind === vscode.UIKind.Web || vscode.env.uiKind === vscode.UIKind.Desktop);
  });

  it('runs the extension from the source tree or the installed .vsix', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // Set by scripts/host/run-host-tests.mjs --vsix; the other runs load the repo as a development extension.
    if (process.env.HH_HOST_EXTENSION_FROM === 'vsix') {
      assert.match(extension.extensionUri.path, /\/extensions\/hardening-hints\.hardening-hints-[^/]+$/);
    } else {
      // This file is dist/test/integration/suite/smoke.test.js inside the repo.
      const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
      assert.equal(extension.extensionUri.path, vscode.Uri.file(repoRoot).path);
    }
  });

  it('opened the fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    // code-server serves it as vscode-remote://127.0.0.1:PORT/…, desktop as file://…
    assert.ok(
      folders[0].uri.path.endsWith('/test/integration/workspace'),
      `unexpected workspace folder ${folders[0].uri.toString()}`,
    );
    const found = await vscode.workspace.findFiles('src/sample.ts');
    assert.equal(found.length, 1, 'src/sample.ts is in the fixture workspace');
  });
});
