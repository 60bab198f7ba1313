// Test entry loaded by the extension host (`extensionTestsPath`), in the shape
// @vscode/test-electron expects: `run()` settles when mocha finishes. The same
// compiled file serves scripts/host/run-host-tests.mjs (code-server) and
// scripts/host/run-electron.mjs (VS Code desktop).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Marker line that scripts/host/run-host-tests.mjs parses for its summary. */
const RESULT_MARKER = 'HH_HOST_RESULT ';

/**
 * code-server hands the workbench's own log and the extension host's console
 * to the runner through one channel. When the runner sets HH_HOST_LOG_TAG,
 * mocha's report is prefixed with it so the runner can print just that.
 * (The host's `console` methods cannot be replaced: VS Code pins them.)
 */
function tagMochaOutput(tag: string | undefined): { report: (line: string) => void; restore: () => void } {
  // Mocha's reporters write through Base.consoleLog, which it captured from console.log.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  if (tag) base.consoleLog = (...args: unknown[]) => console.log(tag + format(...args));
  return {
    // The machine-readable result only matters to the code-server runner.
    report: (line) => tag && console.log(tag + line),
    restore: () => {
      base.consoleLog = original;
    },
  };
}

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60000,
    color: false,
    // Set by the runners from `--grep`, so one suite can be run on its own.
    ...(process.env.HH_HOST_GREP ? { grep: process.env.HH_HOST_GREP } : {}),
  });
  const suiteDir = path.resolve(__dirname, 'suite');
  const output = tagMochaOutput(process.env.HH_HOST_LOG_TAG);

  const done = new Promise<void>((resolve, reject) => {
    let files: string[];
    try {
      files = findTestFiles(suiteDir);
    } catch (error) {
      reject(error);
      return;
    }
    if (files.length === 0) {
      reject(new Error(`no compiled *.test.js files under ${suiteDir}; run the build first`));
      return;
    }
    for (const file of files) mocha.addFile(file);

    try {
      const skipped: string[] = [];
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: skipped.length };
        output.report(
          RESULT_MARKER +
            JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, skipped }),
        );
        if (failures > 0) reject(new Error(`${failures} host test(s) failed.`));
        else resolve();
      });
      runner.on('pending', (test) => skipped.push(test.fullTitle()));
    } catch (error) {
      console.error(error);
      reject(error);
    }
  });
  return done.finally(output.restore);
}
