// Noise handled like a grown-up linter (issue 17 items 3 and 5): the baseline offer after a large
// audit, copies and backups suggested for `ignore`, the Explorer decoration threshold, and the
// status item's states and clicks. Notification buttons are pressed the way a keyboard user does
// (`notification.acceptPrimaryAction` accepts the newest notification's first button).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditSummary } from '../../../src/extension/commands';
import { abs, api, closeAll, codeValue, folder, openFixture, ours, removeFixtures, uriOf, waitFor, writeFixture } from './helpers';

// Not under tmp/: the workspace's .gitignore keeps tmp/ out of the audit, and these must be audited.
const DIR = 'editor-noise';
const BASELINE = '.hardening-hints-baseline.json';
const CATCH = (name: string, binding = 'e') => [`export function ${name}(g: () => void): void {`, '  try {', '    g();', `  } catch (${binding}) {}`, '}', ''].join('\n');
const SETTINGS = ['baselineOfferThreshold', 'explorerDecorations'] as const;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('hardeningHints');
}

async function audit(options: Record<string, unknown> = {}): Promise<AuditSummary> {
  const summary = await vscode.commands.executeCommand<AuditSummary>('hardeningHints.auditWorkspace', { quiet: true, ...options });
  assert.ok(summary && !summary.cancelled, 'the audit completed');
  return summary;
}

/** Waits for an offer matching `pattern` (newer than `after` offers), then presses its first button. */
async function acceptOffer(pattern: RegExp, after: number): Promise<string> {
  const a = await api();
  const offer = await waitFor(() => a.prompts().slice(after).find((p) => pattern.test(p)), () => `an offer matching ${pattern}; offers: ${JSON.stringify(a.prompts())}`);
  await vscode.commands.executeCommand('notification.acceptPrimaryAction');
  return offer;
}

/** The repository's CLI (this file runs from dist/test/integration/suite/), run in the workspace; exit 1 means findings. */
function cli(args: string[]): void {
  try {
    execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', '..', 'cli.js'), ...args], { cwd: folder().uri.fsPath, stdio: 'pipe' });
  } catch (err: unknown) {
    if ((err as { status?: number }).status !== 1) throw err;
  }
}

const hasCatch = (uri: vscode.Uri) => ours(uri).some((d) => codeValue(d) === 'swallowed-exception/emptyCatch');

describe('editor noise', () => {
  const ROOT_CONFIG = '.hardeninghints.json';
  let original = '';
  before(() => {
    original = fs.readFileSync(abs(ROOT_CONFIG), 'utf8');
  });
  afterEach(async () => {
    await closeAll();
    for (const key of SETTINGS) await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(abs(BASELINE), { force: true });
    fs.writeFileSync(abs(ROOT_CONFIG), original);
    removeFixtures(DIR);
  });

  it('a large audit offers a baseline; "Show only new" writes the file the CLI writes, hides its findings (counted in the status tooltip), new ones still show; Clear Baseline shows them again', async () => {
    const a = await api();
    await settings().update('baselineOfferThreshold', 2, vscode.ConfigurationTarget.Workspace);
    const { doc, editor } = await openFixture(`${DIR}/live.ts`, CATCH('live'));
    assert.ok(hasCatch(doc.uri), 'the open file has a finding');
    const offers = a.prompts().length;
    const first = await audit({ offers: true });
    assert.ok(first.findings > 2, `more than the threshold: ${first.findings}`);
    assert.equal(first.hidden, 0);
    const offer = await acceptOffer(/existing problems/, offers);
    assert.equal(offer.split('.')[0], `Hardening Hints: ${first.findings} existing problems`);
    // Short labels, each read whole in the notification; the primary one records the baseline.
    assert.deepEqual(a.promptButtons(offer), ['Show only new', 'Not now', "Don't ask again"]);

    // The notice comes once the file is written.
    const recorded = new RegExp(`^Hardening Hints: ${first.findings} existing findings recorded in ${BASELINE.replace(/\./g, '\\.')}; only new ones are shown\\.$`);
    await waitFor(() => a.notices().some((n) => recorded.test(n)), () => `the recorded notice; notices: ${JSON.stringify(a.notices())}`);
    // Byte for byte what `hardening-hints audit --baseline FILE --update-baseline` writes.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-baseline-'));
    try {
      cli(['audit', '.', '--baseline', path.join(out, 'cli.json'), '--update-baseline']);
      assert.equal(fs.readFileSync(abs(BASELINE), 'utf8'), fs.readFileSync(path.join(out, 'cli.json'), 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    await waitFor(() => !hasCatch(doc.uri) && !hasCatch(uriOf('src/unopened/jobs.ts')), 'the baselined findings to be hidden (open and unopened files)');
    await waitFor(() => a.baselineHidden() >= first.findings && /existing findings? hidden by the baseline \(\.hardening-hints-baseline\.json\)/.test(a.statusTooltip()), () => `hidden count in the tooltip: ${a.baselineHidden()} / ${a.statusTooltip()}`);

    // A new finding in the same file is shown; the baselined one (its line moved) stays hidden. (A
    // fingerprint is the line's text and its occurrence in the file, so the new catch reads differently.)
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), CATCH('fresh', 'err')));
    await waitFor(() => ours(doc.uri).filter((d) => codeValue(d) === 'swallowed-exception/emptyCatch').map((d) => d.range.start.line).join() === '3', () => `only the new finding (line 3): ${ours(doc.uri).map((d) => d.range.start.line).join()}`);
    const again = await audit({ offers: true });
    assert.equal(again.hidden, first.findings);
    assert.match(again.message, /more in the baseline \(\.hardening-hints-baseline\.json\) are not shown\.$/);
    assert.equal(a.prompts().slice(offers).filter((p) => /existing problems/.test(p)).length, 1, 'one offer, and none once a baseline exists');

    assert.equal(await vscode.commands.executeCommand('hardeningHints.clearBaseline'), true);
    assert.equal(fs.existsSync(abs(BASELINE)), false);
    await waitFor(() => hasCatch(uriOf('src/unopened/jobs.ts')) && ours(doc.uri).length === 2, 'every finding shown again');
    assert.doesNotMatch(a.statusTooltip(), /baseline/);
  });

  it('copies and backups are suggested for ignore with their counts; "Add to ignore" writes the project config as one undoable edit and their findings leave the Problems panel', async () => {
    const a = await api();
    writeFixture(`${DIR}/old/legacy.ts`, CATCH('legacy'));
    writeFixture(`${DIR}/old/more.ts`, CATCH('more'));
    writeFixture(`${DIR}/app.ts`, CATCH('app'));
    writeFixture(`${DIR}/app 2.ts`, CATCH('app'));
    const offers = a.prompts().length;
    await audit({ offers: true });
    for (const rel of ['old/legacy.ts', 'app 2.ts', 'app.ts']) assert.ok(hasCatch(uriOf(`${DIR}/${rel}`)), `${rel} has its finding before`);
    // The config open in an editor before the edit, so that its model (and the undo stack the
    // edit lands on) lives until the undo below: a model VS Code disposed and reloaded in between
    // has no undo stack (one CI run in two on a fresh clone).
    const configDoc = await vscode.workspace.openTextDocument(uriOf(ROOT_CONFIG));
    await vscode.window.showTextDocument(configDoc, { preview: false });
    const offer = await acceptOffer(/look like copies or backups/, offers);
    assert.equal(offer, `Hardening Hints: 3 audited files look like copies or backups, not source: ${DIR}/old/** (2), ${DIR}/app 2.ts (1). Add them to ignore in .hardeninghints.json?`);
    const expected = original.replace('"ignore": ["generated/**"]', `"ignore": ["generated/**", "${DIR}/old/**", "${DIR}/app 2.ts"]`);
    assert.notEqual(expected, original);
    await waitFor(() => fs.readFileSync(abs(ROOT_CONFIG), 'utf8') === expected, () => `the config on disk: ${fs.readFileSync(abs(ROOT_CONFIG), 'utf8')}`);
    await waitFor(() => !hasCatch(uriOf(`${DIR}/old/legacy.ts`)) && !hasCatch(uriOf(`${DIR}/app 2.ts`)), 'the ignored files to leave the Problems panel');
    assert.ok(hasCatch(uriOf(`${DIR}/app.ts`)), 'the original keeps its finding');
    // The next audit lists them no more, and nothing is suggested again.
    const before = a.prompts().length;
    await audit({ offers: true });
    assert.deepEqual(a.prompts().slice(before), []);
    assert.equal(hasCatch(uriOf(`${DIR}/old/legacy.ts`)), false);
    // One undo in the config's editor reverts the edit.
    await vscode.window.showTextDocument(configDoc);
    // 'undo' goes to the focused editor widget. In code-server the DOM focus can still sit in the
    // notification the offer was accepted from after the editor became active, and then 'undo'
    // does nothing (one CI run in three). So focus the editor group and, while the text is still
    // the edited one, ask again: the config's undo stack holds only the ignore edit, so a second
    // undo can never take more than that one edit back (checked: the text must be the original).
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === configDoc.uri.toString(), 'the config editor is active');
    assert.equal(configDoc.getText(), expected, 'the config editor shows the edit before the undo');
    // Close the notifications first, so that no toast keeps the focus (the failure seen in CI
    // even after three attempts, on a machine busy with other work).
    await vscode.commands.executeCommand('notifications.clearAll');
    for (let attempt = 0; attempt < 5 && configDoc.getText() !== original; attempt++) {
      await vscode.window.showTextDocument(configDoc, { preserveFocus: false });
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => configDoc.getText() !== expected, 'the undo to land', 5000).catch(() => undefined);
    }
    await waitFor(() => configDoc.getText() === original, 'one undo reverts the ignore edit');
    assert.equal(configDoc.getText(), original);
    await configDoc.save();
  });

  it('hardeningHints.explorerDecorations: below the threshold a finding is shown at Information level (VS Code colors the Explorer for Error and Warning only), in open and audited files', async () => {
    const key = ['sk', 'live', '51HxQ2eZvKYlo2CkT9mR4wPq'].join('_');
    const { doc: warn } = await openFixture(`${DIR}/warn.ts`, CATCH('warn'));
    const { doc: err } = await openFixture(`${DIR}/err.ts`, `export const stripe = "${key}";\n`);
    await audit();
    const severity = (uri: vscode.Uri) => ours(uri).map((d) => vscode.DiagnosticSeverity[d.severity]).join();
    const unopened = uriOf('src/unopened/jobs.ts');
    const expect = async (setting: string | undefined, w: string, e: string) => {
      await settings().update('explorerDecorations', setting, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => severity(warn.uri) === w && severity(unopened) === w && severity(err.uri) === e, () => `${setting}: warn.ts ${severity(warn.uri)}, jobs.ts ${severity(unopened)}, err.ts ${severity(err.uri)}`);
    };
    await expect(undefined, 'Warning', 'Error');
    await expect('error', 'Information', 'Error');
    await expect('off', 'Information', 'Information');
    await expect('warning', 'Warning', 'Error');
  });

  it('a fix that creates a file (.env.example) is undone together with its code edit by one undo, every time', async () => {
    const key = ['sk', 'live', '51HxQ2eZvKYlo2CkT9mR4wPq'].join('_');
    writeFixture(`${DIR}/proj/package.json`, '{ "name": "proj", "private": true }\n');
    const text = `export const stripe = "${key}";\n`;
    const { doc } = await openFixture(`${DIR}/proj/secret.ts`, text);
    const example = abs(`${DIR}/proj/.env.example`);
    for (let round = 1; round <= 3; round++) {
      const d = await waitFor(() => ours(doc.uri).find((x) => codeValue(x) === 'hardcoded-secret/providerKey'), `round ${round}: the secret finding`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const move = actions.find((x) => x.title === 'Move secret to process.env.STRIPE');
      assert.ok(move?.edit, `round ${round}: offered: ${actions.map((x) => x.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      assert.notEqual(doc.getText(), text);
      assert.equal(fs.existsSync(example), true, `round ${round}: .env.example created`);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), text, `round ${round}: the code edit is undone`);
      await waitFor(() => !fs.existsSync(example), () => `round ${round}: .env.example removed by the same undo (on disk: ${JSON.stringify(fs.existsSync(example) ? fs.readFileSync(example, 'utf8') : null)})`, 5000);
    }
  });

  it('the status item states idle (click: rules view), error for a broken config (click: log), analysing during an audit with its progress notification closed when the run ends, also when cancelled', async () => {
    const a = await api();
    await openFixture(`${DIR}/ok.ts`, CATCH('ok'));
    await waitFor(() => a.statusState() === 'idle', () => `idle, not ${a.statusState()}`);
    assert.equal(a.statusCommand(), 'hardeningHints.showRules');
    assert.match(a.statusTooltip(), /idle, 1 finding in this file\. Click to show the rules\./);

    writeFixture(`${DIR}/broken/.hardeninghints.json`, '{ "rules": ');
    await openFixture(`${DIR}/broken/b.ts`, CATCH('b'));
    await waitFor(() => a.statusState() === 'error', () => `error, not ${a.statusState()}`);
    assert.equal(a.statusCommand(), 'hardeningHints.showOutput');
    writeFixture(`${DIR}/broken/.hardeninghints.json`, '{}\n');
    await waitFor(() => a.statusState() === 'idle', () => `idle once the config is fixed, not ${a.statusState()}`);

    const seen = new Set<string>();
    await audit({ onProgress: () => seen.add(`${a.statusState()} ${a.statusCommand()} progress=${a.progressOpen()}`) });
    assert.deepEqual([...seen], ['analysing hardeningHints.showOutput progress=1']);
    assert.equal(a.progressOpen(), 0);
    const cts = new vscode.CancellationTokenSource();
    const cancelled = await vscode.commands.executeCommand<AuditSummary>('hardeningHints.auditWorkspace', { quiet: true, token: cts.token, onProgress: () => cts.cancel() });
    assert.ok(cancelled.cancelled);
    assert.equal(a.progressOpen(), 0);
    assert.equal(a.statusState(), 'idle');
  });
});
