import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openFixture, removeFixtures } from './helpers';

const DIR = 'tmp/commands';

describe('commands', () => {
  after(async () => {
    await closeAll();
    removeFixtures(DIR);
  });

  it('"Add zod to the Project" types the package manager command into a visible terminal', async () => {
    await openFixture(`${DIR}/a.ts`, 'export const x = 1;\n');
    // execute: false types the command without running it: the test must not install anything.
    const result = await vscode.commands.executeCommand<{ command: string; cwd: string; terminal: vscode.Terminal }>('hardeningHints.addZod', { execute: false });
    try {
      assert.ok(result, 'the command resolved');
      // The fixture workspace has no package.json: the nearest is the repository's, with its package-lock.json.
      assert.equal(result.command, 'npm install zod');
      assert.ok(vscode.window.terminals.includes(result.terminal), 'the terminal is open');
      assert.equal(result.terminal.name, 'Hardening Hints: add zod');
    } finally {
      result?.terminal.dispose();
    }
  });

  it('"Show Output" opens the log channel', async () => {
    await vscode.commands.executeCommand('hardeningHints.showOutput');
  });
});
