// The agent surfaces in a real host: the language-model tools (vscode.lm) and the MCP server
// provider, whose definition is started here exactly as VS Code would start it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { api, closeAll, folder, openFixture, removeFixtures, waitFor, writeFixture } from './helpers';

const DIR = 'tmp/agent-tools';
const NAMES = ['hardeningHints_audit', 'hardeningHints_explain', 'hardeningHints_fixes', 'hardeningHints_rules'];
const EMPTY_CATCH = 'export function save(orderId: string) {\n  try {\n    db.save(orderId);\n  } catch (e) {}\n}\ndeclare const db: { save(id: string): void };\n';
// src/sample.ts: the workspace's stable fixture, with one empty catch at 7:15.
const SAMPLE_FINDING = { file: 'src/sample.ts', line: 7, column: 15, code: 'swallowed-exception/emptyCatch', severity: 'warning' };

async function invoke(name: string, input: object): Promise<any> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
  return JSON.parse(text);
}

const brief = (f: any) => ({ file: f.file, line: f.line, column: f.column, code: f.code, severity: f.severity });

describe('agent tools: language-model tools and the MCP server provider', () => {
  before(async () => {
    await api();
  });
  after(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('registers the four tools in vscode.lm.tools, with the schemas of package.json', async () => {
    const ours = await waitFor(() => {
      const found = vscode.lm.tools.filter((t) => t.name.startsWith('hardeningHints_'));
      return found.length === NAMES.length && found;
    }, () => `our ${NAMES.length} tools in vscode.lm.tools (it has ${vscode.lm.tools.map((t) => t.name).join(', ') || 'none'})`);
    assert.deepEqual(ours.map((t) => t.name).sort(), NAMES);
    const declared = vscode.extensions.getExtension('hardening-hints.hardening-hints')!.packageJSON.contributes.languageModelTools;
    for (const t of ours) {
      const d = declared.find((x: any) => x.name === t.name);
      assert.deepEqual(t.inputSchema, d.inputSchema, t.name);
      assert.deepEqual([...t.tags], d.tags, t.name);
    }
  });

  it('invokeTool audit returns the findings of a fixture', async () => {
    const out = await invoke('hardeningHints_audit', { paths: ['src/sample.ts'] });
    assert.equal(out.root, folder().uri.fsPath);
    assert.deepEqual(out.findings.map(brief), [SAMPLE_FINDING]);
    assert.equal(out.findings[0].docsUrl, 'https://github.com/hardening-hints/hardening-hints/blob/main/docs/rules/swallowed-exception.md#emptycatch');
    assert.deepEqual(
      out.findings[0].fixes.map((x: any) => [x.kind, x.preferred]),
      [
        ['safe', true],
        ['suggestion', false],
        ['suggestion', false],
      ],
    );
  });

  it('invokeTool audit of an open file with unsaved changes audits the buffer', async () => {
    const { doc, editor } = await openFixture(`${DIR}/dirty.ts`, 'export const x = 1;\n');
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), EMPTY_CATCH));
    assert.ok(doc.isDirty);
    const out = await invoke('hardeningHints_audit', { paths: [`${DIR}/dirty.ts`] });
    assert.deepEqual(out.findings.map(brief), [{ file: `${DIR}/dirty.ts`, line: 5, column: 15, code: 'swallowed-exception/emptyCatch', severity: 'warning' }]);
  });

  it('invokeTool explain and rules read the docs shipped with the extension and the project configuration', async () => {
    const e = await invoke('hardeningHints_explain', { code: 'swallowed-exception/emptyCatch' });
    assert.match(e.docs, /^### emptyCatch\n/);
    assert.deepEqual(e.project.severity, { 'swallowed-exception/emptyCatch': { project: 'warning', default: 'warning' } });
    assert.equal(e.project.configFile, '.hardeninghints.json');
    const r = await invoke('hardeningHints_rules', {});
    assert.equal(r.configFile, '.hardeninghints.json');
    for (const id of ['hardcoded-secret', 'swallowed-exception', 'unvalidated-boundary']) {
      const family = r.families.find((f: any) => f.id === id);
      assert.ok(family?.enabled && family.cases.length > 0, id);
    }
  });

  it('invokeTool fixes with apply writes the fix as an undoable edit and saves it', async () => {
    const uri = writeFixture(`${DIR}/apply.ts`, EMPTY_CATCH);
    const listed = await invoke('hardeningHints_fixes', { path: `${DIR}/apply.ts` });
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), EMPTY_CATCH, 'listing writes nothing');
    assert.equal(listed.findings[0].fixes[0].title, 'Log the error with console');
    const applied = await invoke('hardeningHints_fixes', { path: `${DIR}/apply.ts`, line: 4, apply: true });
    assert.deepEqual(applied.applied, { title: 'Log the error with console', kind: 'safe' });
    const expected = EMPTY_CATCH.replace('catch (e) {}', 'catch (e) {\n    console.error("db.save failed", { orderId }, e);\n  }');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
    assert.ok(doc && !doc.isDirty, 'the document is saved');
    // The user can take it back like any edit.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === EMPTY_CATCH, () => `undo to restore the text, it is:\n${doc.getText()}`);
  });

  it('a wrong argument or a path outside the workspace is an error the agent can read', async () => {
    await assert.rejects(invoke('hardeningHints_explain', { code: 'no-such-rule' }), /no rule family or case "no-such-rule"/);
    await assert.rejects(invoke('hardeningHints_fixes', { path: '../outside.ts', apply: true }), /is outside the workspace/);
  });

  it('the MCP provider gives one server per folder: this extension\'s dist/cli.js, which serves the tools', async function () {
    const provider = (await api()).mcpProvider;
    const defs = provider.provideMcpServerDefinitions();
    const ext = vscode.extensions.getExtension('hardening-hints.hardening-hints')!;
    assert.equal(defs.length, 1);
    const d = defs[0]!;
    assert.equal(d.label, 'Hardening Hints');
    assert.equal(d.command, process.execPath);
    assert.deepEqual(d.args, [path.join(ext.extensionUri.fsPath, 'dist', 'cli.js'), 'mcp', '--root', folder().uri.fsPath]);
    assert.equal(d.version, ext.packageJSON.version);
    assert.ok(fs.existsSync(d.args[0]!), `${d.args[0]} is shipped`);
    // Start it as VS Code does and speak MCP to it.
    const env = Object.fromEntries(Object.entries({ ...process.env, ...d.env }).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const transport = new StdioClientTransport({ command: d.command, args: d.args, env, cwd: d.cwd?.fsPath, stderr: 'pipe' });
    const client = new Client({ name: 'host-test', version: '0' });
    await client.connect(transport);
    try {
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name), ['audit', 'explain', 'fixes', 'rules']);
      const r = await client.callTool({ name: 'audit', arguments: { paths: ['src/sample.ts'] } });
      assert.deepEqual(JSON.parse((r.content as { text: string }[])[0]!.text).findings.map(brief), [SAMPLE_FINDING]);
    } finally {
      await client.close();
    }
  });
});
