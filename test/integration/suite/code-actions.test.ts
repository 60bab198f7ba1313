import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abs, analyzed, applyAction, closeAll, codeValue, openFixture, ours, quickFixes, removeFixtures, sequenceOf, show, uriOf, waitFor } from './helpers';

const DIR = 'tmp/code-actions';
const REASON = '<reason>';

/**
 * One row per family. `fixes` lists every fix the engine offers for the finding, in menu order
 * (preferred safe fix first), with the exact document text after applying it. When a family
 * gains or changes a fix, this test fails and prints the actual title and text to paste here.
 * `otherFiles` gives the exact text of other files a fix touches (e.g. `.env.example`), by
 * workspace-relative path; undo must restore them too (a created file disappears again).
 */
interface FamilyRow {
  family: string;
  file: string;
  text: string;
  code: string;
  fixes: { title: string; output: string; preferred?: boolean; otherFiles?: Record<string, string> }[];
  ignoreLine: string;
  ignoreFile: string;
}

const lines = (...l: string[]) => l.join('\n');
// A made-up key, assembled so that this test file itself holds no key-shaped literal.
const KEY = ['sk', 'live', '51HxQ2eZvKYlo2CkT9mR4wPq'].join('_');

const ROWS: FamilyRow[] = [
  {
    family: 'swallowed-exception',
    file: 'swallowed.ts',
    text: lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {}', '  return undefined;', '}', ''),
    code: 'swallowed-exception/emptyCatch',
    fixes: [
      // The safe fix only adds information (a log line); the rethrow changes behaviour, so it is a suggestion.
      { title: 'Log the error with console', preferred: true, output: lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {', '    console.error("read failed in load", err);', '  }', '  return undefined;', '}', '') },
      { title: 'Log with console and rethrow', output: lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {', '    console.error("read failed in load", err);', '    throw err;', '  }', '  return undefined;', '}', '') },
      { title: 'Mark as intentionally ignored…', output: lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {', `    // Intentionally ignored: ${REASON}`, '  }', '  return undefined;', '}', '') },
    ],
    ignoreLine: lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', `  // hardening-hints-ignore-next-line swallowed-exception/emptyCatch -- ${REASON}`, '  } catch (err) {}', '  return undefined;', '}', ''),
    ignoreFile: lines(`/* hardening-hints-ignore-file swallowed-exception/emptyCatch -- ${REASON} */`, 'export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {}', '  return undefined;', '}', ''),
  },
  {
    family: 'unvalidated-boundary',
    file: 'boundary.ts',
    text: lines('import express from "express";', 'const app = express();', 'app.post("/users", (req, res) => {', '  res.json({ name: req.body.name.trim() });', '});', ''),
    code: 'unvalidated-boundary/expressBody',
    fixes: [
      {
        // A suggestion (parsing input changes behaviour): offered, never preferred or applied in bulk.
        title: 'Validate req.body with Zod',
        output: lines('import express from "express";', 'import { z } from "zod";', 'const app = express();', 'const PostUsersBody = z.object({ name: z.string() });', '', 'app.post("/users", (req, res) => {', '  const parsed = PostUsersBody.safeParse(req.body);', '  if (!parsed.success) {', '    res.status(400).json({ error: parsed.error.issues });', '    return;', '  }', '  res.json({ name: parsed.data.name.trim() });', '});', ''),
      },
      // "Mark as validated elsewhere…" (the rule's suggestion) makes the ignore-line edit: the menu shows it once, as "Ignore … for this line".
    ],
    ignoreLine: lines('import express from "express";', 'const app = express();', 'app.post("/users", (req, res) => {', `  // hardening-hints-ignore-next-line unvalidated-boundary/expressBody -- ${REASON}`, '  res.json({ name: req.body.name.trim() });', '});', ''),
    ignoreFile: lines(`/* hardening-hints-ignore-file unvalidated-boundary/expressBody -- ${REASON} */`, 'import express from "express";', 'const app = express();', 'app.post("/users", (req, res) => {', '  res.json({ name: req.body.name.trim() });', '});', ''),
  },
  {
    family: 'hardcoded-secret',
    file: 'secret.ts',
    text: lines(`export const stripe = "${KEY}";`, ''),
    code: 'hardcoded-secret/providerKey',
    fixes: [
      {
        // A suggestion: reading the environment instead of a literal changes behaviour.
        title: 'Move secret to process.env.STRIPE',
        output: lines('export const stripe = process.env.STRIPE ?? (() => { throw new Error("STRIPE is not set"); })();', ''),
        // Created next to the workspace's package.json, within the same undoable edit.
        otherFiles: { '.env.example': 'STRIPE=\n' },
      },
      {
        // Editor-only, never preferred: offered because the workspace's .gitignore ignores .env.
        title: 'Move secret to process.env.STRIPE and put its value in .env (ignored by git)',
        output: lines('export const stripe = process.env.STRIPE ?? (() => { throw new Error("STRIPE is not set"); })();', ''),
        otherFiles: { '.env.example': 'STRIPE=\n', '.env': `STRIPE=${KEY}\n` },
      },
      // "Mark as not a secret…" likewise appears once, as "Ignore … for this line".
    ],
    ignoreLine: lines(`// hardening-hints-ignore-next-line hardcoded-secret/providerKey -- ${REASON}`, `export const stripe = "${KEY}";`, ''),
    ignoreFile: lines(`/* hardening-hints-ignore-file hardcoded-secret/providerKey -- ${REASON} */`, `export const stripe = "${KEY}";`, ''),
  },
];

/** A workspace file's text as the editor sees it (open buffer first), or undefined when absent. */
function textOf(rel: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((x) => x.uri.fsPath === abs(rel));
  if (open && !open.isClosed) return open.getText();
  return fs.existsSync(abs(rel)) ? fs.readFileSync(abs(rel), 'utf8') : undefined;
}

/** URIs other than the document that the action's edit touches. */
function otherUris(action: vscode.CodeAction, doc: vscode.TextDocument): string[] {
  return [...new Set((action.edit?.entries() ?? []).map(([u]) => u.toString()).filter((u) => u !== doc.uri.toString()))];
}

async function undoTo(doc: vscode.TextDocument, text: string, what: string): Promise<void> {
  for (let i = 0; i < 5 && doc.getText() !== text; i++) await vscode.commands.executeCommand('undo');
  assert.equal(doc.getText(), text, `undo restores the original after "${what}"`);
}

async function findingOf(doc: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  const d = ours(doc.uri).find((x) => codeValue(x) === code);
  assert.ok(d, `${code} is reported in ${doc.uri.fsPath}; got ${ours(doc.uri).map(show).join(', ') || 'nothing'}`);
  return d;
}

describe('quick fixes', () => {
  afterEach(async () => {
    await closeAll();
  });
  after(() => {
    removeFixtures(DIR);
    fs.rmSync(abs('.env.example'), { force: true });
    fs.rmSync(abs('.env'), { force: true });
  });

  for (const row of ROWS) {
    describe(row.family, () => {
      it(`offers ${row.code}'s actions in the fixed order`, async () => {
        const { doc } = await openFixture(`${DIR}/${row.file}`, row.text);
        const d = await findingOf(doc, row.code);
        const actions = await quickFixes(doc, d);
        const expected = [...row.fixes.map((f) => f.title), `Ignore ${row.code} for this line…`, `Ignore ${row.code} for this file…`, `Turn off ${row.code} for this folder…`, `Turn off ${row.code} for this project…`, `Show documentation for ${row.code}`];
        const offered = actions.map((a) => a.title);
        if (JSON.stringify(offered) !== JSON.stringify(expected)) {
          // Print what the engine offers now, ready to paste into ROWS.
          const actual: string[] = [];
          for (const a of actions.slice(0, actions.length - 4)) {
            await applyAction(a);
            const others = otherUris(a, doc).map((u) => `${JSON.stringify(vscode.workspace.asRelativePath(vscode.Uri.parse(u)))}: ${JSON.stringify(textOf(vscode.workspace.asRelativePath(vscode.Uri.parse(u))))}`);
            actual.push(`{ title: ${JSON.stringify(a.title)}, output: ${JSON.stringify(doc.getText())}${a.isPreferred ? ', preferred: true' : ''}${others.length ? `, otherFiles: { ${others.join(', ')} }` : ''} }`);
            await undoTo(doc, row.text, a.title);
          }
          assert.fail(`${row.code}: offered ${JSON.stringify(offered)}, expected ${JSON.stringify(expected)}.\nActual fixes:\n${actual.join(',\n')}`);
        }
        assert.deepEqual(actions.map((a) => a.isPreferred === true), [...row.fixes.map((f) => f.preferred === true), false, false, false, false, false], 'isPreferred only on the preferred safe fix');
        for (const a of actions) assert.equal(a.kind?.value, 'quickfix');
        const docs = actions[actions.length - 1]!;
        // The docs open inside VS Code (shipped with the extension), at the case.
        assert.equal(docs.command?.command, 'hardeningHints.showDocs');
        assert.equal(docs.command?.arguments?.[0], row.code);
      });

      for (const fix of row.fixes) {
        it(`"${fix.title}" gives exactly the expected text and undo restores it`, async () => {
          const { doc } = await openFixture(`${DIR}/${row.file}`, row.text);
          const d = await findingOf(doc, row.code);
          const action = (await quickFixes(doc, d)).find((a) => a.title === fix.title);
          assert.ok(action, `"${fix.title}" is offered`);
          await applyAction(action);
          assert.equal(doc.getText(), fix.output);
          const before = new Map(Object.keys(fix.otherFiles ?? {}).map((rel) => [rel, textOf(rel)]));
          for (const [rel, text] of Object.entries(fix.otherFiles ?? {})) assert.equal(textOf(rel), text, `${rel} after "${fix.title}"`);
          assert.deepEqual(otherUris(action, doc).sort(), Object.keys(fix.otherFiles ?? {}).map((rel) => uriOf(rel).toString()).sort(), 'the fix touches exactly the expected other files');
          await undoTo(doc, row.text, fix.title);
          for (const [rel] of before) await waitFor(() => textOf(rel) === undefined || textOf(rel) === '', `undo to remove what "${fix.title}" added to ${rel}`);
        });
      }

      it('"Ignore … for this line" inserts the directive, selects the reason, and undo restores', async () => {
        const { doc, editor } = await openFixture(`${DIR}/${row.file}`, row.text);
        const d = await findingOf(doc, row.code);
        const action = (await quickFixes(doc, d)).find((a) => a.title.endsWith('for this line…'))!;
        await applyAction(action);
        assert.equal(doc.getText(), row.ignoreLine);
        assert.equal(doc.getText(editor.selection), REASON, 'the reason placeholder is selected for typing');
        await undoTo(doc, row.text, action.title);
      });

      it('"Ignore … for this file" inserts the directive at the top, and undo restores', async () => {
        const { doc } = await openFixture(`${DIR}/${row.file}`, row.text);
        const d = await findingOf(doc, row.code);
        const action = (await quickFixes(doc, d)).find((a) => a.title.endsWith('for this file…'))!;
        await applyAction(action);
        assert.equal(doc.getText(), row.ignoreFile);
        await undoTo(doc, row.text, action.title);
      });
    });
  }

  it('the ignore-line directive, once given a reason, silences the finding', async () => {
    const row = ROWS[0]!;
    const { doc, editor } = await openFixture(`${DIR}/silence.ts`, row.text);
    const d = await findingOf(doc, row.code);
    const action = (await quickFixes(doc, d)).find((a) => a.title.endsWith('for this line…'))!;
    const before = await sequenceOf(doc.uri);
    await applyAction(action);
    await editor.edit((b) => b.replace(editor.selection, 'the caller retries'));
    await analyzed(doc, before);
    assert.deepEqual(ours(doc.uri).map(show), [], 'no finding left, and no directive complaint');
  });

  it('ignoring a second code on a line merges into the existing directive', async () => {
    const text = lines(
      'import express from "express";',
      'const app = express();',
      'app.post("/x", (req, res) => {',
      '  // hardening-hints-ignore-next-line unvalidated-boundary/expressBody -- validated by the gateway',
      '  try { res.json(req.body.x); } catch {}',
      '});',
      '',
    );
    const { doc } = await openFixture(`${DIR}/merge.ts`, text);
    const d = await findingOf(doc, 'swallowed-exception/emptyCatch');
    const action = (await quickFixes(doc, d)).find((a) => a.title.endsWith('for this line…'))!;
    const before = await sequenceOf(doc.uri);
    await applyAction(action);
    assert.equal(doc.getText(), text.replace('unvalidated-boundary/expressBody --', 'unvalidated-boundary/expressBody, swallowed-exception/emptyCatch --'));
    await analyzed(doc, before);
    assert.deepEqual(ours(doc.uri).map(show), []);
  });

  it('ends the menu with "Fix all … in this file" when the file has more than one safe fix', async () => {
    const catchBlock = (message: string) => ['  } catch (err) {', `    console.error("${message}", err);`, '  }'];
    const text = lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', '  } catch (err) {}', '  return undefined;', '}', 'export function save(write: () => void): void {', '  try {', '    write();', '  } catch (err) {}', '}', '');
    const output = lines('export function load(read: () => string): string | undefined {', '  try {', '    return read();', ...catchBlock('read failed in load'), '  return undefined;', '}', 'export function save(write: () => void): void {', '  try {', '    write();', ...catchBlock('write failed in save'), '}', '');
    const { doc } = await openFixture(`${DIR}/two.ts`, text);
    const d = await findingOf(doc, 'swallowed-exception/emptyCatch');
    const actions = await quickFixes(doc, d);
    const last = actions[actions.length - 1]!;
    assert.equal(last.title, 'Fix all safe Hardening Hints problems in this file (2)');
    assert.equal(actions.filter((a) => a.title.startsWith('Fix all')).length, 1);
    await applyAction(last);
    assert.equal(doc.getText(), output);
    await undoTo(doc, text, last.title);
  });

  it('never builds a fix from a stale analysis: actions follow the current version', async () => {
    const row = ROWS[0]!;
    const preferred = row.fixes.find((f) => f.preferred);
    const config = vscode.workspace.getConfiguration('hardeningHints');
    // A long debounce keeps the diagnostics stale while the menu is asked for.
    await config.update('debounceMs', 10_000, vscode.ConfigurationTarget.Workspace);
    try {
      const { doc, editor } = await openFixture(`${DIR}/stale.ts`, row.text);
      const stale = await findingOf(doc, row.code);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// moved down\n'));
      const offered = (await quickFixes(doc, stale)).map((a) => a.title);
      assert.deepEqual(offered.filter((t) => t.includes(row.code) || row.fixes.some((f) => f.title === t)), [], 'no action from the stale diagnostic');
      const before = await sequenceOf(doc.uri);
      await doc.save(); // analyzes at once
      await analyzed(doc, before);
      const fresh = await findingOf(doc, row.code);
      assert.equal(fresh.range.start.line, stale.range.start.line + 1);
      if (preferred) {
        const action = (await quickFixes(doc, fresh)).find((a) => a.title === preferred.title);
        assert.ok(action, 'the fix is offered again on the current version');
        await applyAction(action);
        assert.equal(doc.getText(), `// moved down\n${preferred.output}`);
      }
    } finally {
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('editor.codeActionsOnSave runs source.fixAll.hardeningHints on save', async function () {
    const row = ROWS[0]!;
    const safe = row.fixes.find((f) => f.preferred);
    assert.ok(safe, `${row.code} needs a preferred safe fix for this test`);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'typescript' });
    await config.update('codeActionsOnSave', { 'source.fixAll.hardeningHints': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const { doc } = await openFixture(`${DIR}/on-save.ts`, row.text);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => doc.getText() === safe!.output && !doc.isDirty, () => `the saved file to hold the safe fix; it reads ${JSON.stringify(doc.getText())}`);
      assert.equal(fs.readFileSync(abs(`${DIR}/on-save.ts`), 'utf8'), safe!.output);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('source.fixAll.hardeningHints applies safe fixes only', async () => {
    const row = ROWS[0]!;
    const { doc } = await openFixture(`${DIR}/fix-all.ts`, row.text);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.hardeningHints')) ?? [];
    const ours = actions.filter((a) => a.kind?.value === 'source.fixAll.hardeningHints');
    const safe = ROWS[0]!.fixes.find((f) => f.preferred);
    if (!safe) {
      assert.deepEqual(ours, [], 'no safe fix for this finding, so no fix-all action');
      return;
    }
    assert.equal(ours.length, 1);
    await applyAction(ours[0]!);
    assert.equal(doc.getText(), safe.output);
    await undoTo(doc, row.text, 'fix all');
  });
});
