#!/usr/bin/env node
// Runs the same integration suite as run-host-tests.mjs, but in VS Code
// desktop through @vscode/test-electron, for machines that can download VS Code
// (a contributor's laptop). It cannot run on the offline project machines:
// the download fails with ENOTFOUND there; use `npm run test:host` instead.
//
//   node scripts/host/run-electron.mjs [--version 1.139.1|min|stable] [--vscode <executable>] [--grep <pattern>]
// --vscode (or HH_VSCODE_EXECUTABLE) uses an installed VS Code instead of downloading one.
//
// On Linux without a display, run it under `xvfb-run -a`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { CACHE_DIR, REPO_ROOT } from './host-env.mjs';

// Same VS Code as the pinned code-server, so both runners test one version.
const DEFAULT_VERSION = '1.139.1';

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: process.env.HH_VSCODE_VERSION ?? DEFAULT_VERSION },
    vscode: { type: 'string', default: process.env.HH_VSCODE_EXECUTABLE },
    grep: { type: 'string' },
  },
  strict: true,
});

if (process.env.HH_HOST_SKIP === '1') {
  const reason = process.env.HH_HOST_SKIP_REASON || 'HH_HOST_SKIP=1 is set';
  process.stdout.write(`\n!!!!!!!! SKIPPED host tests: ${reason} !!!!!!!!\n\n`);
  process.exit(0);
}

/** `min` tests the oldest VS Code the manifest accepts (engines.vscode). */
function resolveVersion(requested) {
  if (requested !== 'min') return requested;
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const match = /(\d+\.\d+\.\d+)/.exec(manifest.engines?.vscode ?? '');
  if (!match) throw new Error(`cannot read a minimum version from engines.vscode "${manifest.engines?.vscode}"`);
  return match[1];
}

const extensionTestsPath = path.join(REPO_ROOT, 'dist', 'test', 'integration', 'index.js');
const workspace = path.join(REPO_ROOT, 'test', 'integration', 'workspace');

async function main() {
  if (!existsSync(extensionTestsPath)) {
    console.error(`${path.relative(REPO_ROOT, extensionTestsPath)} is missing: run \`npm run build\` first`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('warning: no DISPLAY; VS Code desktop needs one (run under `xvfb-run -a`)');
  }
  const version = resolveVersion(values.version);
  try {
    return await runTests({
      ...(values.vscode ? { vscodeExecutablePath: path.resolve(values.vscode) } : { version }),
      cachePath: CACHE_DIR,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: values.grep ? { HH_HOST_GREP: values.grep } : {},
      // test-electron 3.x adds --disable-workspace-trust, --skip-welcome, --disable-updates and friends itself.
      launchArgs: [workspace, '--disable-telemetry'],
    });
  } catch (error) {
    // runTests rejects with TestRunFailedError when tests fail, and with a network error when VS Code cannot be downloaded.
    console.error(`run-electron: ${error?.message ?? error}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(error?.message))) {
      console.error('run-electron: VS Code desktop cannot be downloaded here; use `npm run test:host` (code-server) instead');
    }
    return 1;
  }
}

process.exitCode = await main();
