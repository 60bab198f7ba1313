// Project-wide control from where the problem is (issue 17): the "Turn off … for this project…"
// quick fix, the Set Rule Severity command, and the docs opened inside VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { abs, analyzed, api, applyAction, closeAll, codeValue, EXTENSION_ID, openFixture, ours, quickFixes, removeFixtures, sequenceOf, waitFor, writeFixture } from './helpers';

const DIR = 'tmp/project-control';
const CODE = ['export function f(g: () => void): void {', '  try {', '    g();', '  } catch (e) {}', '}', ''].join('\n');
const CONFIG_WITH_COMMENT = ['{', '  // Our project rules: keep this comment', '  "ignore": ["generated/**"]', '}', ''].join('\n');

describe('project control', () => {
  afterEach(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('"Turn off swallowed-exception/emptyCatch for this project…" edits the config in effect (comment kept), saves it, and the diagnostic disappears; undo restores it', async () => {
    writeFixture(`${DIR}/.hardeninghints.json`, CONFIG_WITH_COMMENT);
    const { doc } = await openFixture(`${DIR}/a.ts`, CODE);
    const d = ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch');
    assert.ok(d, 'the fixture has an emptyCatch finding');
    const actions = await quickFixes(doc, d);
    const turnOff = actions.find((a) => a.title === 'Turn off swallowed-exception/emptyCatch for this project…');
    assert.ok(turnOff, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    // It comes after the ignore actions and before the docs.
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf(turnOff.title) > titles.indexOf('Ignore swallowed-exception/emptyCatch for this file…'));
    assert.ok(titles.indexOf(turnOff.title) < titles.indexOf('Show documentation for swallowed-exception/emptyCatch'));
    await applyAction(turnOff);
    await waitFor(() => ours(doc.uri).every((x) => codeValue(x) !== 'swallowed-exception/emptyCatch'), 'the emptyCatch diagnostic to disappear');
    assert.equal(
      fs.readFileSync(abs(`${DIR}/.hardeninghints.json`), 'utf8'),
      ['{', '  // Our project rules: keep this comment', '  "ignore": ["generated/**"],', '  "rules": {', '    "swallowed-exception/emptyCatch": "off"', '  }', '}', ''].join('\n'),
    );
    // One undo in the config's editor reverts the edit; saving brings the finding back.
    const configDoc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(doc.uri, '..', '.hardeninghints.json'));
    await vscode.window.showTextDocument(configDoc);
    await vscode.commands.executeCommand('undo');
    assert.equal(configDoc.getText(), CONFIG_WITH_COMMENT);
    await configDoc.save();
    await waitFor(() => ours(doc.uri).some((x) => codeValue(x) === 'swallowed-exception/emptyCatch'), 'the emptyCatch diagnostic back after undo');
  });

  it('"Turn off swallowed-exception/emptyCatch for this folder…" adds an override for that folder ($schema and comment kept): the finding goes there, stays in another folder; undo restores', async () => {
    const config = ['{', '  "$schema": "./node_modules/hardening-hints/schemas/config.schema.json",', '  // Our project rules: keep this comment', '  "rules": { "swallowed-exception": "warning" }', '}', ''].join('\n');
    writeFixture(`${DIR}/folder/.hardeninghints.json`, config);
    const { doc: other } = await openFixture(`${DIR}/folder/src/other/b.ts`, CODE);
    const { doc } = await openFixture(`${DIR}/folder/src/legacy/a.ts`, CODE);
    const d = ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch');
    assert.ok(d, 'the fixture has an emptyCatch finding');
    const titles = (await quickFixes(doc, d)).map((a) => a.title);
    // The folder one sits between the ignore actions and the project one.
    const at = (t: string) => titles.indexOf(t);
    assert.deepEqual(
      [at('Ignore swallowed-exception/emptyCatch for this file…') + 1, at('Turn off swallowed-exception/emptyCatch for this project…') - 1],
      [at('Turn off swallowed-exception/emptyCatch for this folder…'), at('Turn off swallowed-exception/emptyCatch for this folder…')],
      `offered: ${titles.join(' | ')}`,
    );
    const folderOff = (await quickFixes(doc, d)).find((a) => a.title === 'Turn off swallowed-exception/emptyCatch for this folder…')!;
    const otherBefore = await sequenceOf(other.uri);
    await applyAction(folderOff);
    await waitFor(() => ours(doc.uri).every((x) => codeValue(x) !== 'swallowed-exception/emptyCatch'), 'the emptyCatch diagnostic to disappear in src/legacy');
    assert.equal(
      fs.readFileSync(abs(`${DIR}/folder/.hardeninghints.json`), 'utf8'),
      [
        '{',
        '  "$schema": "./node_modules/hardening-hints/schemas/config.schema.json",',
        '  // Our project rules: keep this comment',
        '  "rules": { "swallowed-exception": "warning" },',
        '  "overrides": [',
        '    {',
        '      "files": ["src/legacy/**"],',
        '      "rules": {',
        '        "swallowed-exception/emptyCatch": "off"',
        '      }',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    // The other folder was analysed again under the new config, and keeps its finding.
    await analyzed(other, otherBefore);
    assert.ok(ours(other.uri).some((x) => codeValue(x) === 'swallowed-exception/emptyCatch'), `src/other keeps emptyCatch; got ${ours(other.uri).map(codeValue).join(', ')}`);
    // One undo in the config's editor reverts the edit; saving brings the finding back in src/legacy.
    const configDoc = await vscode.workspace.openTextDocument(abs(`${DIR}/folder/.hardeninghints.json`));
    await vscode.window.showTextDocument(configDoc);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === configDoc.uri.toString(), 'the config editor to be active');
    await vscode.commands.executeCommand('undo');
    assert.equal(configDoc.getText(), config);
    await configDoc.save();
    await waitFor(() => ours(doc.uri).some((x) => codeValue(x) === 'swallowed-exception/emptyCatch'), 'the emptyCatch diagnostic back in src/legacy after undo');
  });

  it('"Turn off … for this folder…" is not offered for a file in the config\'s own folder', async () => {
    writeFixture(`${DIR}/rootfile/.hardeninghints.json`, '{}\n');
    const { doc } = await openFixture(`${DIR}/rootfile/a.ts`, CODE);
    const d = ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch');
    assert.ok(d, 'the fixture has an emptyCatch finding');
    const titles = (await quickFixes(doc, d)).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Turn off')), ['Turn off swallowed-exception/emptyCatch for this project…']);
  });

  it('"Set Rule Severity…" with arguments writes a family severity (error) and then a case (off)', async () => {
    // A folder of its own: the host may keep an earlier test's config document alive.
    writeFixture(`${DIR}/sev/.hardeninghints.json`, '{}\n');
    const { doc } = await openFixture(`${DIR}/sev/a.ts`, CODE);
    const config = vscode.Uri.joinPath(doc.uri, '..', '.hardeninghints.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('hardeningHints.setRuleSeverity', { code: 'swallowed-exception', severity: 'error', config });
    assert.equal(written?.toString(), config.toString());
    await waitFor(() => ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch')?.severity === vscode.DiagnosticSeverity.Error, 'emptyCatch at error');
    await vscode.commands.executeCommand('hardeningHints.setRuleSeverity', { code: 'swallowed-exception/emptyCatch', severity: 'off', config });
    await waitFor(() => ours(doc.uri).every((x) => codeValue(x) !== 'swallowed-exception/emptyCatch'), 'emptyCatch off');
    assert.deepEqual(JSON.parse(fs.readFileSync(abs(`${DIR}/sev/.hardeninghints.json`), 'utf8')), { rules: { 'swallowed-exception': 'error', 'swallowed-exception/emptyCatch': 'off' } });
  });

  it('"Set Rule Severity…" creates the config with $schema when the target does not exist', async () => {
    const { doc } = await openFixture(`${DIR}/sub/a.ts`, CODE);
    const config = vscode.Uri.joinPath(doc.uri, '..', '.hardeninghints.json');
    await vscode.commands.executeCommand('hardeningHints.setRuleSeverity', { code: 'swallowed-exception/emptyCatch', severity: 'off', config });
    assert.deepEqual(JSON.parse(fs.readFileSync(abs(`${DIR}/sub/.hardeninghints.json`), 'utf8')), {
      $schema: './node_modules/hardening-hints/schemas/config.schema.json',
      rules: { 'swallowed-exception/emptyCatch': 'off' },
    });
    await waitFor(() => ours(doc.uri).every((x) => codeValue(x) !== 'swallowed-exception/emptyCatch'), 'emptyCatch off in the new config');
  });
});

describe('docs inside VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAll();
    removeFixtures(DIR);
  });

  it("the diagnostic's code link is a link in the editor's URL scheme that opens the shipped docs at the case's anchor", async () => {
    const { doc } = await openFixture(`${DIR}/a.ts`, CODE);
    const d = ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch');
    assert.ok(d && typeof d.code === 'object', 'a diagnostic with a code link');
    const target = (d.code as { target: vscode.Uri }).target;
    // The hover and the Problems panel open code links without command rights: a command: URI would do nothing.
    assert.equal(target.scheme, vscode.env.uriScheme);
    assert.equal(target.authority, EXTENSION_ID);
    assert.equal(target.toString(true), `${vscode.env.uriScheme}://${EXTENSION_ID}/docs?code=swallowed-exception/emptyCatch`);
    // The workbench's opener hands such a link to the extension's URI handler, as a click in the hover does.
    await vscode.commands.executeCommand('vscode.open', target);
    const shown = await waitFor(() => (async () => (await api()).docs())(), 'the docs view');
    assert.equal(shown.code, 'swallowed-exception/emptyCatch');
    assert.ok(shown.file.path.endsWith('/docs/rules/swallowed-exception.md'), shown.file.toString());
    assert.equal(shown.anchor, 'emptycatch');
    assert.ok(shown.anchorFound, 'the rendered page has the heading id');
    assert.match(shown.html, /<h3[^>]*id="emptycatch"/);
    // The docs are rendered markdown (headings, code blocks), not text.
    assert.match(shown.html, /<pre[^>]*>[\s\S]*<code/);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await waitFor(() => tabs().some((t) => t.label === 'Hardening Hints: swallowed-exception/emptyCatch' && t.input instanceof vscode.TabInputWebview), () => `a docs tab; tabs: ${tabs().map((t) => t.label).join(', ')}`);
  });

  it('"Show documentation for …" opens the same view at another case, for every family', async () => {
    const { doc } = await openFixture(`${DIR}/a.ts`, CODE);
    const d = ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch')!;
    const docsAction = (await quickFixes(doc, d)).find((a) => a.title === 'Show documentation for swallowed-exception/emptyCatch');
    assert.ok(docsAction?.command, 'the docs action');
    await applyAction(docsAction);
    assert.equal((await api()).docs()?.anchor, 'emptycatch');
    for (const code of ['unvalidated-boundary', 'hardcoded-secret/privateKey', 'swallowed-exception/allSettledUnchecked']) {
      const shown = await vscode.commands.executeCommand<{ anchorFound: boolean; code: string; anchor?: string; html: string }>('hardeningHints.showDocs', code);
      assert.equal(shown?.code, code);
      if (!code.includes('/')) continue;
      assert.ok(shown.anchorFound, `${code}: anchor found`);
      // The case's own production consequence, rendered under its heading (issue 17).
      const section = shown.html.slice(shown.html.indexOf(`id="${shown.anchor}"`)).split(/<h[1-3]\b/)[0]!;
      assert.match(section, /<p><strong>Why it matters in production<\/strong>: \S/, `${code}: the production paragraph under the case`);
    }
  });
});

describe('rules view', () => {
  const ROOT_CONFIG = '.hardeninghints.json';
  let original = '';
  before(() => {
    original = fs.readFileSync(abs(ROOT_CONFIG), 'utf8');
  });
  after(async () => {
    await closeAll();
    fs.writeFileSync(abs(ROOT_CONFIG), original);
    removeFixtures(DIR);
  });

  it('lists every family and case with its count and severity; the inline toggle writes the project config and back', async () => {
    const { doc } = await openFixture(`${DIR}/v.ts`, CODE);
    // An audit puts the unopened files' findings in the Problems panel: the toggle must reach them too.
    await vscode.commands.executeCommand('hardeningHints.auditWorkspace', { quiet: true });
    await vscode.commands.executeCommand('hardeningHints.showRules');
    const a = await api();
    const row = () => a.rules().flatMap((r) => r.cases ?? []).find((r) => r.code === 'swallowed-exception/emptyCatch');
    assert.deepEqual(a.rules().map((r) => r.code).sort(), ['hardcoded-secret', 'swallowed-exception', 'unbounded-call', 'unvalidated-boundary']);
    assert.ok(a.rules().every((r) => (r.cases?.length ?? 0) > 0), 'each family lists its cases');
    const before = await waitFor(() => (row()?.count ?? 0) >= 3 && row(), () => `a count for emptyCatch in this file and two unopened ones: ${JSON.stringify(row())}`);
    assert.equal(before.severity, before.defaultSeverity);
    assert.notEqual(before.severity, 'off');

    await vscode.commands.executeCommand('hardeningHints.turnOffRule', before);
    await waitFor(() => ours(doc.uri).every((x) => codeValue(x) !== 'swallowed-exception/emptyCatch'), 'emptyCatch gone after the toggle');
    // Files under a nearer .hardeninghints.json of their own (another suite's fixture) keep their finding.
    const elsewhere = () => vscode.languages.getDiagnostics().filter(([u, ds]) => ds.some((x) => x.source === 'Hardening Hints' && codeValue(x) === 'swallowed-exception/emptyCatch')).map(([u]) => u.fsPath);
    const nested = (file: string) => fs.existsSync(path.join(path.dirname(file), '.hardeninghints.json')) && path.dirname(file) !== abs('.');
    await waitFor(() => row()?.severity === 'off' && elsewhere().every(nested) && row()?.count === elsewhere().length, () => `row off, findings only under nested configs: ${JSON.stringify(row())}; still in: ${elsewhere().join(', ')}`);
    assert.deepEqual(JSON.parse(fs.readFileSync(abs(ROOT_CONFIG), 'utf8')).rules, { 'swallowed-exception/emptyCatch': 'off' });

    await vscode.commands.executeCommand('hardeningHints.turnOnRule', 'swallowed-exception/emptyCatch');
    await waitFor(() => ours(doc.uri).some((x) => codeValue(x) === 'swallowed-exception/emptyCatch'), 'emptyCatch back after turning it on');
    assert.equal(row()?.severity, before.defaultSeverity);
  });

  it('a case with folder overrides says so (description, tooltip) and counts findings at their own file\'s severity; "Turn off … for this folder…" changes the item; the toggle changes only the project setting', async () => {
    const strictGlob = `${DIR}/strict/**`;
    const legacyGlob = `${DIR}/legacy/**`;
    const config = JSON.stringify({ ignore: ['generated/**'], overrides: [{ files: [strictGlob], rules: { 'swallowed-exception/emptyCatch': 'error' } }] }, null, 2) + '\n';
    fs.writeFileSync(abs(ROOT_CONFIG), config);
    // An earlier suite opened the root config: VS Code reloads that document from disk on its own
    // time. A quick fix built on the stale text would be saved over a newer file (a save conflict).
    const stale = () => vscode.workspace.textDocuments.filter((d) => d.uri.fsPath === abs(ROOT_CONFIG) && d.getText() !== config);
    await waitFor(() => stale().length === 0, () => `the open root config reloaded from disk: ${stale().map((d) => d.getText()).join(' | ')}`);
    const { doc: strict } = await openFixture(`${DIR}/strict/a.ts`, CODE);
    const { doc: legacy } = await openFixture(`${DIR}/legacy/b.ts`, CODE);
    const a = await api();
    const row = () => a.rules().flatMap((r) => r.cases ?? []).find((r) => r.code === 'swallowed-exception/emptyCatch');
    const item = () => a.ruleItem('swallowed-exception/emptyCatch');
    const tooltip = () => (item()?.tooltip as vscode.MarkdownString | undefined)?.value ?? '';
    const emptyCatch = (doc: vscode.TextDocument) => ours(doc.uri).find((x) => codeValue(x) === 'swallowed-exception/emptyCatch');
    await waitFor(() => emptyCatch(strict)?.severity === vscode.DiagnosticSeverity.Error && emptyCatch(legacy)?.severity === vscode.DiagnosticSeverity.Warning, 'emptyCatch an error in strict/, a warning in legacy/');
    // The view counts every emptyCatch in the Problems panel (earlier suites leave theirs, some under
    // nested configs): its error count is the panel's, and strict/a.ts is one of them.
    const panelErrors = () => vscode.languages.getDiagnostics().flatMap(([uri]) => ours(uri)).filter((d) => codeValue(d) === 'swallowed-exception/emptyCatch' && d.severity === vscode.DiagnosticSeverity.Error).length;
    await waitFor(() => item()?.description === `${row()?.count} · warning · error in ${strictGlob}` && (row()?.bySeverity.error ?? 0) >= 1 && row()?.bySeverity.error === panelErrors() && (row()?.bySeverity.warning ?? 0) >= 1, () => `the item names the override: ${item()?.description} ${JSON.stringify(row())} (panel errors ${panelErrors()})`);
    assert.match(tooltip(), new RegExp(`^- \`${strictGlob.replace(/[/*]/g, '\\$&')}\`: error$`, 'm'));
    assert.match(tooltip(), new RegExp(`each at the severity in effect in its file: ${row()?.bySeverity.error} error, \\d+ warning\\.`));
    assert.match(tooltip(), /The inline toggle changes the project severity \(`rules` in \.hardeninghints\.json\); the folder overrides stay as they are\.$/);

    const folderOff = (await quickFixes(legacy, emptyCatch(legacy)!)).find((x) => x.title === 'Turn off swallowed-exception/emptyCatch for this folder…');
    assert.ok(folderOff, 'the folder quick fix is offered');
    await applyAction(folderOff);
    await waitFor(() => !emptyCatch(legacy), 'emptyCatch gone in legacy/');
    assert.deepEqual(JSON.parse(fs.readFileSync(abs(ROOT_CONFIG), 'utf8')).overrides.map((o: { files: string[] }) => o.files), [[strictGlob], [legacyGlob]]);
    await waitFor(() => item()?.description === `${row()?.count} · warning · error in ${strictGlob}; off in ${legacyGlob}`, () => `the item names both overrides: ${item()?.description}`);
    assert.match(tooltip(), new RegExp(`^- \`${legacyGlob.replace(/[/*]/g, '\\$&')}\`: off$`, 'm'));

    // The toggle turns the case off at the project level; the strict/ override still wins there.
    await vscode.commands.executeCommand('hardeningHints.turnOffRule', row());
    await waitFor(() => row()?.severity === 'off' && item()?.contextValue === 'rule.off', 'the row off at the project level');
    assert.deepEqual(JSON.parse(fs.readFileSync(abs(ROOT_CONFIG), 'utf8')).rules, { 'swallowed-exception/emptyCatch': 'off' });
    await waitFor(() => item()?.description === `${row()?.count} · off · error in ${strictGlob}; off in ${legacyGlob}` && emptyCatch(strict)?.severity === vscode.DiagnosticSeverity.Error, () => `strict/ keeps its error: ${item()?.description}`);
  });
});

describe('status item and export notification', () => {
  after(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('the status item says "analysing" during a workspace audit and not after; Export SARIF ends with a notification', async () => {
    await openFixture(`${DIR}/s.ts`, CODE);
    const a = await api();
    const seen = new Set<string>();
    const summary = await vscode.commands.executeCommand<{ cancelled: boolean }>('hardeningHints.auditWorkspace', { quiet: true, onProgress: () => seen.add(a.statusState()) });
    assert.equal(summary?.cancelled, false);
    assert.deepEqual([...seen], ['analysing']);
    assert.notEqual(a.statusState(), 'analysing');
    assert.doesNotMatch(a.statusText(), /sync~spin/);

    const target = abs(`${DIR}/report.sarif`);
    const written = await vscode.commands.executeCommand<vscode.Uri>('hardeningHints.exportSarif', target);
    assert.ok(written && fs.existsSync(target), 'the SARIF file is written');
    assert.equal(a.notices().at(-1), 'Hardening Hints: SARIF report written to tmp/project-control/report.sarif');
  });
});
