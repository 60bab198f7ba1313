import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api } from './helpers';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

describe('activation', () => {
  it('activates without loading the engine while no TS/JS document is open', async function () {
    const openSource = vscode.workspace.textDocuments.some((d) => LANGUAGES.includes(d.languageId));
    if (openSource) {
      // A restored editor would rightly load the engine: the check needs a clean start. Say so in the report.
      this.test!.title += ' (SKIPPED: a TS/JS editor was restored at startup, so loading the engine was right)';
      this.skip();
    }
    const started = Date.now();
    const a = await api();
    assert.equal(a.isEngineLoaded(), false, 'activation must not load the engine (ts-morph, rules)');
    assert.ok(Date.now() - started < 5000, 'activation is quick');
  });

  it('declares the activation events, capabilities and contributions', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.deepEqual(pkg.activationEvents, [...LANGUAGES.map((l) => `onLanguage:${l}`), 'workspaceContains:.hardeninghints.json']);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
    const commands = pkg.contributes.commands.map((c: { command: string; category: string }) => `${c.category}: ${c.command}`);
    for (const id of ['auditWorkspace', 'exportSarif', 'showOutput']) assert.ok(commands.includes(`Hardening Hints: hardeningHints.${id}`), id);
    const props = pkg.contributes.configuration.properties;
    for (const key of ['enable', 'run', 'debounceMs', 'maxFileSizeKb', 'trace']) {
      const p = props[`hardeningHints.${key}`];
      assert.ok(p?.scope && p.markdownDescription, `hardeningHints.${key} has a scope and a markdownDescription`);
      if (p.enum) assert.equal(p.enumDescriptions?.length, p.enum.length, `hardeningHints.${key} describes each value`);
    }
  });

  it('registers its commands in the host', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['auditWorkspace', 'exportSarif', 'showOutput']) assert.ok(all.includes(`hardeningHints.${id}`), id);
  });
});
