import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditSummary } from '../../../src/extension/commands';
import { closeAll, folder, ours, show, uriOf, waitFor } from './helpers';

// Committed fixtures: src/unopened/* are never opened by any test; generated/ is ignored by
// .hardeninghints.json and ignored-by-git/ by the workspace's .gitignore.
const EXPECTED: Record<string, string[]> = {
  'src/sample.ts': ['swallowed-exception/emptyCatch@6:14-6:16'],
  'src/unopened/jobs.ts': ['swallowed-exception/emptyCatch@4:16-4:18'],
  'src/unopened/routes.js': ['unvalidated-boundary/expressBody@5:19-5:27'],
};

function isOpen(rel: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uriOf(rel).toString());
}

describe('workspace audit', () => {
  before(closeAll);

  it('reports findings of unopened files in the Problems panel, honoring config ignores and .gitignore', async () => {
    const summary = await vscode.commands.executeCommand<AuditSummary>('hardeningHints.auditWorkspace', { quiet: true });
    assert.ok(summary && !summary.cancelled, 'the audit completed');
    for (const [rel, expected] of Object.entries(EXPECTED)) {
      assert.equal(isOpen(rel), false, `${rel} must stay unopened`);
      assert.deepEqual(ours(uriOf(rel)).map(show), expected, rel);
    }
    for (const rel of ['generated/client.ts', 'ignored-by-git/scratch.ts']) assert.deepEqual(ours(uriOf(rel)), [], `${rel} is ignored`);
    assert.equal(summary.findings, 3);
    assert.deepEqual(summary.byFamily, { 'swallowed-exception': 2, 'unvalidated-boundary': 1 });
    assert.equal(summary.files, summary.total);
    assert.match(summary.message, /3 findings in 3 of \d+ files \(swallowed-exception: 2, unvalidated-boundary: 1\) in \d+\.\d s/);
  });

  it('keeps audit results when an audited file is opened and closed', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('src/unopened/jobs.ts'));
    await vscode.window.showTextDocument(doc);
    await closeAll();
    // The live analysis replaced the audit's diagnostics while open; they must not vanish on close.
    await waitFor(() => !vscode.workspace.textDocuments.includes(doc) || doc.isClosed, 'the document to close', 5000).catch(() => undefined);
    assert.deepEqual(ours(uriOf('src/unopened/jobs.ts')).map(show), EXPECTED['src/unopened/jobs.ts']);
  });

  it('can be cancelled', async () => {
    const cts = new vscode.CancellationTokenSource();
    let progressCalls = 0;
    const summary = await vscode.commands.executeCommand<AuditSummary>('hardeningHints.auditWorkspace', {
      quiet: true,
      token: cts.token,
      onProgress: (done: number) => {
        progressCalls++;
        if (done === 1) cts.cancel();
      },
    });
    assert.ok(summary.cancelled, 'the summary says cancelled');
    assert.equal(summary.files, 1, 'no file was analyzed after the cancel');
    assert.ok(summary.total > 1);
    assert.equal(progressCalls, 1);
    assert.match(summary.message, /cancelled/);
  });

  it('exports SARIF equal to the CLI’s', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-sarif-'));
    try {
      const fromEditor = path.join(out, 'editor.sarif');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('hardeningHints.exportSarif', fromEditor);
      assert.ok(uri, 'exportSarif returned the written file');
      const fromCli = path.join(out, 'cli.sarif');
      // The repository's CLI (this file runs from dist/test/integration/suite/): the .vsix ships no CLI.
      const cli = path.resolve(__dirname, '..', '..', '..', 'cli.js');
      // `audit` exits 1 when there are error-level findings; the report is written either way.
      try {
        execFileSync(process.execPath, [cli, 'audit', '.', '--format', 'sarif', '--output', fromCli], { cwd: folder().uri.fsPath, stdio: 'pipe' });
      } catch (err: unknown) {
        if ((err as { status?: number }).status !== 1) throw err;
      }
      const editorText = fs.readFileSync(fromEditor, 'utf8');
      const cliText = fs.readFileSync(fromCli, 'utf8');
      // No invocation timestamps exist in our SARIF, so the files must be identical.
      assert.deepEqual(JSON.parse(editorText), JSON.parse(cliText));
      assert.equal(editorText, cliText);
      const results = JSON.parse(editorText).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      assert.deepEqual(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.ruleId}`), [
        'src/sample.ts swallowed-exception/emptyCatch',
        'src/unopened/jobs.ts swallowed-exception/emptyCatch',
        'src/unopened/routes.js unvalidated-boundary/expressBody',
      ]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
