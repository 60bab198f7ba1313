#!/usr/bin/env node
// Runs the integration suite (dist/test/integration/index.js) inside a real
// VS Code 1.139 extension host, offline: code-server serves the workbench,
// Debian's Chromium (via playwright-core) loads it, and the smoke-test driver
// reports mocha's result back as this process's exit code.
// Facts and pitfalls: shared/vscode-host.md. Usage: --help.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  CACHE_DIR,
  CHROMIUM_PATH,
  CODE_SERVER_VERSION,
  REPO_ROOT,
  SetupError,
  ensureCodeServer,
  installVsix,
  killAllGroups,
  killAllGroupsSync,
  killGroup,
  launchBrowser,
  log,
  makeRunDir,
  seconds,
  startServer,
  tailOf,
  workbenchUrl,
} from './host-env.mjs';

const USAGE = `Usage: node scripts/host/run-host-tests.mjs [options]

Runs dist/test/integration/index.js in a real VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} extension host
(code-server ${CODE_SERVER_VERSION} + /usr/bin/chromium). Build first: npm run build.

Options:
  --vsix <file>        install this packaged extension into the throwaway extensions
                       dir and test it instead of the source tree
  --browser-check      run scripts/host/browser-check.mjs (editor squiggle, Problems
                       count, quick fix, screenshots) instead of the mocha suite
  --spec <file.json>   browser-check expectations to merge over the defaults
  --grep <pattern>     only run mocha tests whose full title matches
  --timeout <seconds>  limit for everything after the install (default 600)
  --keep               keep the run folder (.vscode-test/runs/…) even on success
  --verbose            also print the workbench log, not only the extension host's
  -h, --help           show this help

Environment:
  HH_HOST_SKIP=1             skip on purpose: prints "SKIPPED host tests: …" and exits 0
  HH_HOST_SKIP_REASON=text   the reason printed with HH_HOST_SKIP
  HH_HOST_TIMEOUT=<seconds>  same as --timeout
  HH_HOST_CACHE_DIR=<dir>    cache for Node 24, code-server, runs, screenshots (default .vscode-test/)
  HH_CHROMIUM=<path>         Chromium binary (default /usr/bin/chromium)

Exit code: 0 when every test passed, 1 on test failure, set-up failure or timeout,
130/143 when interrupted.`;

const TESTS_ENTRY = path.join(REPO_ROOT, 'dist', 'test', 'integration', 'index.js');
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'integration', 'workspace');
const RESULT_MARKER = 'HH_HOST_RESULT ';
// test/integration/index.ts prefixes the test run's console output with this.
const LOG_TAG = '[hh-host] ';
const KEEP_RUNS = 5;

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      vsix: { type: 'string' },
      'browser-check': { type: 'boolean', default: false },
      spec: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const timeoutSeconds = Number(values.timeout ?? process.env.HH_HOST_TIMEOUT ?? 600);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new SetupError(`invalid --timeout ${values.timeout}`);
  return { ...values, browserCheck: values['browser-check'], timeoutMs: timeoutSeconds * 1000 };
}

/** Removes old run folders of finished runs, keeping the newest few for post-mortems. */
function pruneRuns() {
  const runsDir = path.join(CACHE_DIR, 'runs');
  if (!existsSync(runsDir)) return;
  const finished = readdirSync(runsDir)
    .filter((name) => {
      const pid = Number(name.split('-').pop());
      if (!Number.isInteger(pid)) return true;
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    })
    .sort();
  for (const name of finished.slice(0, Math.max(0, finished.length - KEEP_RUNS))) {
    rmSync(path.join(runsDir, name), { recursive: true, force: true });
  }
}

/** An extension with no code: the host needs a development extension to run tests, and this one hides nothing installed. */
function writeDriverStub(runDir) {
  const dir = path.join(runDir.root, 'test-driver');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify(
      { name: 'hh-test-driver', publisher: 'hardening-hints', version: '0.0.0', engines: { vscode: '*' } },
      null,
      2,
    )}\n`,
  );
  return dir;
}

/** Collects what the workbench reports; prints the test run's output, files the rest. */
function makeHostLogger(runDir, verbose) {
  const all = [];
  return {
    result: null,
    write(level, message) {
      // Each message arrives as console-style arguments: [format, ...args].
      const text = Array.isArray(message) ? format(...message) : String(message ?? '');
      all.push(`[${level}] ${text}`);
      if (text.startsWith(LOG_TAG)) {
        const body = text.slice(LOG_TAG.length);
        if (body.startsWith(RESULT_MARKER)) {
          this.result = JSON.parse(body.slice(RESULT_MARKER.length));
        } else {
          process.stdout.write(`${body}\n`);
        }
      } else if (verbose) {
        process.stdout.write(`[workbench ${level}] ${text}\n`);
      }
    },
    flush() {
      const file = path.join(runDir.root, 'workbench.log');
      writeFileSync(file, `${all.join('\n')}\n`);
      return file;
    },
  };
}

/** Opens the workbench with the test payload and resolves with the host's exit code. */
async function runSuite({ page, server, runDir, opts, extensionDevelopmentPath, deadline }) {
  const hostLog = makeHostLogger(runDir, opts.verbose);
  let settle;
  const exited = new Promise((resolve) => {
    settle = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (level, message) => hostLog.write(level, message));
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    // The workbench hands over its log files; keep them for post-mortems.
    const dir = path.join(runDir.root, 'host-logs');
    for (const entry of Array.isArray(logs) ? logs : []) {
      const file = path.join(dir, entry.relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, entry.contents);
    }
    settle({ code });
  });
  page.on('pageerror', (error) => hostLog.write('error', `page error: ${error.message}`));
  page.on('crash', () => settle({ code: 1, reason: 'the browser page crashed' }));
  page.on('close', () => settle({ code: 1, reason: 'the browser page closed before the tests finished' }));

  const url = workbenchUrl(server, { folder: FIXTURE_WORKSPACE, extensionDevelopmentPath, extensionTestsPath: TESTS_ENTRY });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ code: 1, reason: 'timeout' }), Math.max(0, deadline - Date.now()));
  });
  const finished = page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }).then(
    () => exited,
    (error) => ({ code: 1, reason: `could not open the workbench: ${error.message.split('\n')[0]}` }),
  );
  const outcome = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  const workbenchLog = hostLog.flush();
  return { ...outcome, result: hostLog.result, workbenchLog };
}

function printSummary(result) {
  if (!result) return;
  for (const title of result.skipped ?? []) log(`skipped: ${title}`);
  // Plain closing line that CI tooling understands.
  process.stdout.write(`host: ${result.passes} passed, ${result.failures} failed, ${result.pending} skipped\n`);
}

async function screenshot(page, name) {
  if (!page || page.isClosed()) return null;
  const dir = path.join(CACHE_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return null;
  }
}

/** Runs the whole cycle; returns the exit code. Cleans up its process groups in every case. */
export async function main(argv = process.argv.slice(2)) {
  if (process.env.HH_HOST_SKIP === '1') {
    const reason = process.env.HH_HOST_SKIP_REASON || 'HH_HOST_SKIP=1 is set';
    process.stdout.write(`\n!!!!!!!! SKIPPED host tests: ${reason} !!!!!!!!\n\n`);
    return 0;
  }
  let opts;
  try {
    opts = parseCli(argv);
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 1;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const started = Date.now();
  const timing = {};
  let runDir;
  let browser;
  let server;
  let exitCode = 1;
  let interrupted = null;

  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = signal;
    log(`${signal} received: stopping`);
    // Closing the browser and the server makes the pending awaits below fail fast.
    Promise.resolve(browser?.context.close()).catch(() => {});
    killAllGroups();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAllGroupsSync);

  try {
    if (!opts.browserCheck && !existsSync(TESTS_ENTRY)) {
      throw new SetupError(`${path.relative(REPO_ROOT, TESTS_ENTRY)} is missing: run \`npm run build\` first`);
    }
    if (!existsSync(CHROMIUM_PATH)) {
      throw new SetupError(`Chromium not found at ${CHROMIUM_PATH}: run scripts/host/install-system-deps.sh (or set HH_CHROMIUM)`);
    }
    if (!opts.vsix && !existsSync(EXTENSION_MAIN)) {
      log(`warning: ${path.relative(REPO_ROOT, EXTENSION_MAIN)} is missing; the extension will fail to activate`);
    }

    let t = Date.now();
    const installed = await ensureCodeServer();
    timing.install = Date.now() - t;
    log(installed.length ? `installed ${installed.join(', ')} in ${seconds(timing.install)}` : `code-server ${CODE_SERVER_VERSION} cached`);
    const deadline = Date.now() + opts.timeoutMs;

    pruneRuns();
    runDir = makeRunDir();
    log(`run folder: ${path.relative(REPO_ROOT, runDir.root)}`);

    let extensionDevelopmentPath = REPO_ROOT;
    if (opts.vsix) {
      t = Date.now();
      await installVsix(opts.vsix, runDir);
      timing.vsix = Date.now() - t;
      extensionDevelopmentPath = writeDriverStub(runDir);
    }

    t = Date.now();
    server = await startServer(runDir, {
      timeoutMs: Math.min(60_000, Math.max(1, deadline - Date.now())),
      env: {
        HH_HOST_LOG_TAG: LOG_TAG,
        HH_HOST_EXTENSION_FROM: opts.vsix ? 'vsix' : 'source',
        ...(opts.grep ? { HH_HOST_GREP: opts.grep } : {}),
      },
    });
    timing.server = Date.now() - t;
    log(`code-server ${CODE_SERVER_VERSION} listening on ${server.url} (pgid ${server.child.pid})`);

    t = Date.now();
    browser = await launchBrowser(runDir);
    timing.browser = Date.now() - t;
    if (interrupted) throw new SetupError(`interrupted by ${interrupted}`);

    t = Date.now();
    if (opts.browserCheck) {
      const { runBrowserCheck } = await import('./browser-check.mjs');
      const ok = await runBrowserCheck({
        page: browser.page,
        server,
        runDir,
        specFile: opts.spec,
        // Without --vsix the source tree is loaded as a development extension.
        extensionDevelopmentPath: opts.vsix ? undefined : REPO_ROOT,
        deadline,
      });
      timing.suite = Date.now() - t;
      exitCode = ok ? 0 : 1;
      // CI keeps no run folder: what the extension host and the extension logged goes to the output.
      if (!ok) for (const file of hostLogsOf(runDir)) process.stdout.write(`${tailOf(file, 20)}\n`);
    } else {
      log(`running ${path.relative(REPO_ROOT, TESTS_ENTRY)} against ${opts.vsix ? `installed ${opts.vsix}` : 'the source tree'}`);
      const outcome = await runSuite({ page: browser.page, server, runDir, opts, extensionDevelopmentPath, deadline });
      timing.suite = Date.now() - t;
      printSummary(outcome.result);
      if (interrupted) {
        throw new SetupError(`interrupted by ${interrupted}`);
      } else if (outcome.reason === 'timeout') {
        const shot = await screenshot(browser.page, 'host-timeout');
        log(`FAILED: no result from the extension host within ${seconds(opts.timeoutMs)}` + (shot ? ` (screenshot: ${path.relative(REPO_ROOT, shot)})` : ''));
        process.stdout.write(`${tailOf(outcome.workbenchLog, 15)}\n`);
        exitCode = 1;
      } else if (outcome.reason) {
        log(`FAILED: ${outcome.reason}`);
        exitCode = 1;
      } else if (outcome.code !== 0) {
        log(`FAILED: the extension host reported exit code ${outcome.code}`);
        log(`everything the host logged: ${path.relative(REPO_ROOT, outcome.workbenchLog)}`);
        exitCode = 1;
      } else if (!outcome.result || outcome.result.passes + outcome.result.failures === 0) {
        log('FAILED: the extension host reported success but no host test ran');
        exitCode = 1;
      } else {
        exitCode = 0;
      }
    }
  } catch (error) {
    if (interrupted) {
      log(`interrupted by ${interrupted}`);
    } else {
      const message = error instanceof SetupError ? error.message : error.stack || String(error);
      log(`FAILED: ${message}`);
      if (runDir && !(error instanceof SetupError)) process.stdout.write(`${tailOf(runDir.serverLog)}\n`);
    }
    exitCode = 1;
  } finally {
    const stopping = Date.now();
    // A wedged browser must not keep the run alive; the process groups are killed next anyway.
    if (browser) await Promise.race([browser.context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (server) await killGroup(server.child);
    await killAllGroups();
    timing.teardown = Date.now() - stopping;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (runDir) {
      if (exitCode === 0 && !opts.keep && !interrupted) rmSync(runDir.root, { recursive: true, force: true });
      else log(`kept run folder for inspection: ${path.relative(REPO_ROOT, runDir.root)}`);
    }
  }

  const setup = (timing.install ?? 0) + (timing.vsix ?? 0) + (timing.server ?? 0) + (timing.browser ?? 0);
  const parts = [
    `install ${timing.install === undefined ? '-' : seconds(timing.install)}`,
    ...(timing.vsix === undefined ? [] : [`vsix ${seconds(timing.vsix)}`]),
    `server ${timing.server === undefined ? '-' : seconds(timing.server)}`,
    `browser ${timing.browser === undefined ? '-' : seconds(timing.browser)}`,
  ];
  log(
    `timing: setup ${seconds(setup)} (${parts.join(', ')}), ` +
      `${opts.browserCheck ? 'browser check' : 'suite'} ${timing.suite === undefined ? '-' : seconds(timing.suite)}, ` +
      `teardown ${seconds(timing.teardown ?? 0)}, total ${seconds(Date.now() - started)}`,
  );
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143;
  const what = opts.browserCheck ? 'browser check' : 'host tests';
  log(`${what} ${exitCode === 0 ? 'PASSED' : 'FAILED'}`);
  return exitCode;
}

/** The extension host's log and the extension's own output channel logs of a run, newest session. */
function hostLogsOf(runDir) {
  const found = [];
  const visit = (dir, depth) => {
    if (depth > 6) return;
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full, depth + 1);
      else if (/^(remote)?exthost\.log$|Hardening Hints.*\.log$/.test(entry.name)) found.push(full);
    }
  };
  visit(path.join(runDir.root, 'user-data', 'logs'), 0);
  return found.sort().slice(-4);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => {
    process.exitCode = code;
  });
}
