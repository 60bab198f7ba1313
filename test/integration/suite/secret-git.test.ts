import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abs, analyzed, applyAction, closeAll, codeValue, ours, quickFixes, uriOf, waitFor } from './helpers';

// Committed (force-added under a git-ignored folder, so the workspace audit skips it): git tracks it.
const FILE = 'ignored-by-git/tracked-secret.ts';
const KEY = ['sk', 'live', '51HxQ2eZvKYlo2CkT9mR4wPq'].join('_');
const MOVE = 'Move secret to process.env.STRIPE';

function textOf(rel: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((x) => x.uri.fsPath === abs(rel) && !x.isClosed);
  if (open) return open.getText();
  return fs.existsSync(abs(rel)) ? fs.readFileSync(abs(rel), 'utf8') : undefined;
}

describe('hardcoded-secret in the editor: git history and .env', () => {
  afterEach(async () => {
    await closeAll();
    for (const f of ['.env', '.env.example']) fs.rmSync(abs(f), { force: true });
  });

  it('warns that a tracked file keeps the secret in git history, and offers .env (never preferred) because git ignores it', async () => {
    const original = fs.readFileSync(abs(FILE), 'utf8');
    assert.equal(original, `export const stripe = "${KEY}";\n`);
    const doc = await vscode.workspace.openTextDocument(uriOf(FILE));
    await vscode.window.showTextDocument(doc, { preview: false });
    await analyzed(doc);
    const d = await waitFor(() => ours(doc.uri).find((x) => codeValue(x) === 'hardcoded-secret/providerKey'), 'the secret is reported');
    const actions = await quickFixes(doc, d);
    assert.deepEqual(actions.slice(0, 3).map((a) => [a.title, a.isPreferred === true]), [
      [`${MOVE} (the file is tracked by git: the secret is in its history, rotate it)`, false],
      [`${MOVE} and put its value in .env (ignored by git)`, false],
      ['Ignore hardcoded-secret/providerKey for this line…', false], // "Mark as not a secret…" makes this same edit: one entry
    ]);
    // The secret never appears in a title.
    for (const a of actions) assert.ok(!a.title.includes(KEY), a.title);

    await applyAction(actions[1]!);
    await waitFor(() => textOf('.env') === `STRIPE=${KEY}\n`, () => `.env holds the value; it holds ${JSON.stringify(textOf('.env'))}`);
    assert.equal(doc.getText(), 'export const stripe = process.env.STRIPE ?? (() => { throw new Error("STRIPE is not set"); })();\n');
    assert.equal(textOf('.env.example'), 'STRIPE=\n');
    for (let i = 0; i < 5 && doc.getText() !== original; i++) await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'undo restores the file');
  });

  it('offers no .env action for a file git does not track and a .env git does not ignore', async () => {
    // An untracked folder whose .gitignore re-includes .env: git neither tracks the file nor ignores .env.
    const dir = abs('src/secret-git-tmp');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/package.json`, '{ "name": "sub" }\n');
    fs.writeFileSync(`${dir}/.gitignore`, '!.env\n');
    fs.writeFileSync(`${dir}/a.ts`, `export const stripe = "${KEY}";\n`);
    try {
      const doc = await vscode.workspace.openTextDocument(uriOf('src/secret-git-tmp/a.ts'));
      await vscode.window.showTextDocument(doc, { preview: false });
      await analyzed(doc);
      const d = await waitFor(() => ours(doc.uri).find((x) => codeValue(x) === 'hardcoded-secret/providerKey'), 'the secret is reported');
      const titles = (await quickFixes(doc, d)).map((a) => a.title);
      assert.equal(titles[0], MOVE);
      assert.ok(!titles.some((t) => t.includes('.env (ignored by git)')), titles.join(' | '));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
