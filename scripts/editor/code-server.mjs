// Starts the code-server that scripts/editor/install-code-server.sh caches in .cache/code-server,
// builds workbench URLs that load an extension under development, and launches Debian's chromium
// through playwright-core. See shared/reference/editor-testing.md for the facts behind each choice.
//
//   import { startCodeServer, stageExtension, workbenchUrl, launchChromium, quietSettings } from './scripts/editor/code-server.mjs';
//   const server = await startCodeServer({ folder, settings: quietSettings });
//   const ext = stageExtension();            // the repo, minus .cache/ (see stageExtension)
//   const context = await launchChromium();
//   const page = context.pages()[0] ?? await context.newPage();
//   await page.goto(workbenchUrl({ url: server.url, folder, extensionDevelopmentPath: ext.path }));
//   ...
//   await context.close(); await server.stop(); ext.remove();
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.CODE_SERVER_CACHE || join(repoRoot, '.cache/code-server');
export const codeServerEntry = join(cacheDir, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = '/usr/bin/chromium';
export const installScript = join(repoRoot, 'scripts/editor/install-code-server.sh');

/** Settings that keep the workbench quiet and predictable for automated runs. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
};

/** Runs install-code-server.sh (a few milliseconds when everything is in place). */
export function ensureInstalled({ quiet = false } = {}) {
  const r = spawnSync('bash', [installScript], { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${installScript} failed (exit ${r.status})${quiet ? `:\n${r.stdout}${r.stderr}` : ''}`);
  }
}

/** A directory under /tmp with a short name: unix socket paths are limited to 108 bytes. */
function shortTempDir(prefix) {
  const base = existsSync('/tmp') ? '/tmp' : tmpdir();
  return mkdtempSync(join(base, prefix));
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The environment code-server (and its extension hosts) should see for a given temp dir. */
function serverEnv(dir) {
  const env = { ...process.env };
  // never let an outer VS Code or a test runner leak into code-server's extension host
  for (const key of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(key)) delete env[key];
  }
  return {
    ...env,
    XDG_CONFIG_HOME: join(dir, 'c'),
    XDG_DATA_HOME: join(dir, 'd'),
    XDG_CACHE_HOME: join(dir, 'k'),
    TMPDIR: join(dir, 't'),
  };
}

/**
 * Starts code-server on 127.0.0.1 with a free port and `--auth none`, everything it writes under
 * a short temp dir, in its own process group. Resolves once GET /healthz answers.
 *
 * @param {object} opts
 * @param {string} [opts.folder] folder to open (also usable through workbenchUrl's ?folder=)
 * @param {string} [opts.extensionDevelopmentPath] remembered for `server.workbench`; code-server
 *   rejects it as a CLI flag, so it only takes effect through the workbench URL's payload
 * @param {string} [opts.extensionsDir] default: <temp>/e
 * @param {string} [opts.userDataDir] default: <temp>/u
 * @param {object} [opts.settings] written to <userDataDir>/User/settings.json before start
 * @param {string[]} [opts.args] extra code-server arguments
 * @param {number} [opts.timeoutMs] how long to wait for /healthz (default 60 s)
 * @param {boolean} [opts.keepTemp] leave the temp dir on stop() (default: remove it)
 * @returns {Promise<{url: string, port: number, pid: number, tempDir: string, userDataDir: string,
 *   extensionsDir: string, logFile: string, workbench: string, env: object, stop: () => Promise<void>}>}
 */
export async function startCodeServer(opts = {}) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed at ${codeServerEntry}; run: bash scripts/editor/install-code-server.sh`);
  }
  const dir = shortTempDir('cs-');
  const userDataDir = opts.userDataDir ?? join(dir, 'u');
  const extensionsDir = opts.extensionsDir ?? join(dir, 'e');
  for (const d of [userDataDir, extensionsDir, join(dir, 'c'), join(dir, 'd'), join(dir, 'k'), join(dir, 't')]) {
    mkdirSync(d, { recursive: true });
  }
  if (opts.settings) {
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(opts.settings, null, 2) + '\n');
  }
  const port = await freePort();
  const env = serverEnv(dir);
  const logFile = join(dir, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...(opts.args ?? []),
    ...(opts.folder ? [opts.folder] : []),
  ];
  const child = spawn(process.execPath, args, { env, cwd: dir, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let exited = null;
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => { exited = { code, signal }; r(); }));

  // whatever happens to the caller, never leave the process group behind
  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    killGroup('SIGTERM');
    let giveUp;
    const hardKill = setTimeout(() => killGroup('SIGKILL'), 3000);
    await Promise.race([exitPromise, new Promise((r) => { giveUp = setTimeout(r, 5000); })]);
    clearTimeout(hardKill);
    clearTimeout(giveUp);
    // the extension hosts are in the same group and may outlive the server by a moment
    killGroup('SIGKILL');
    if (!opts.keepTemp) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering /healthz`);
      try {
        const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}healthz in time`);
      await sleep(100);
    }
  } catch (err) {
    let log = '';
    try { log = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'); } catch { /* none */ }
    await stop();
    err.message += `\n--- code-server log (last lines) ---\n${log}`;
    throw err;
  }

  return {
    url,
    port,
    pid: child.pid,
    tempDir: dir,
    userDataDir,
    extensionsDir,
    logFile,
    env,
    workbench: workbenchUrl({ url, folder: opts.folder, extensionDevelopmentPath: opts.extensionDevelopmentPath }),
    stop,
  };
}

const isInside = (parent, child) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
};

/**
 * A folder to load the extension from as `extensionDevelopmentPath`: symlinks to every top-level
 * entry of `from` (default: the repository) except .git and the folder holding the code-server
 * cache. Needed because code-server's built-in extensions live in .cache/code-server inside the
 * repository: when the development path is an ancestor of them, the workbench first registers
 * the built-ins without their remote copies and never recovers its color and file-icon themes
 * (the window falls back to Light+ without file icons). The links keep it live: rebuilds of dist/
 * and out/ show through without copying.
 *
 * `copy` names top-level entries to copy instead of linking (e.g. `['dist', 'out']`): a snapshot
 * that a concurrent `node scripts/build.mjs` (which deletes and rewrites dist/ and out/) cannot
 * pull away in the middle of a run. Code in a copied out/ still resolves packages through the
 * linked node_modules.
 */
export function stageExtension(from = repoRoot, { copy = [] } = {}) {
  const src = resolve(from);
  const dir = shortTempDir('ext-');
  for (const name of readdirSync(src)) {
    const full = join(src, name);
    if (name === '.git' || isInside(full, cacheDir)) continue;
    if (copy.includes(name)) cpSync(full, join(dir, name), { recursive: true });
    else symlinkSync(full, join(dir, name));
  }
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the cached code-server's CLI once with a server's environment, e.g.
 * `await codeServerCli(server, ['--install-extension', 'x.vsix'])`.
 */
export function codeServerCli(server, args) {
  const r = spawnSync(process.execPath, [codeServerEntry, '--user-data-dir', server.userDataDir,
    '--extensions-dir', server.extensionsDir, ...args], { env: server.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/**
 * The workbench URL for a code-server: `/?folder=...&payload=[["extensionDevelopmentPath",...],...]`.
 * code-server rejects --extensionDevelopmentPath on its command line, but passes the payload on to
 * the workbench, which then loads the extension (and runs extensionTestsPath's `run()` export, like
 * @vscode/test-electron; the page then calls window.codeAutomationExit(code)).
 *
 * The paths must be `vscode-remote://HOST:PORT/abs/path` URIs: the server's URI transformer turns
 * a plain path (a file: URI from the browser's point of view) into vscode-local:, and the remote
 * extension scanner then silently drops it (the window still says "[Extension Development Host]",
 * but the extension is not loaded). This function converts absolute paths; URIs pass unchanged.
 * A development path must not contain the code-server cache (see stageExtension).
 * `workspace` (a .code-workspace file, opened as `?workspace=`) is used when no `folder` is given.
 */
export function workbenchUrl({ url, folder, workspace, extensionDevelopmentPath, extensionTestsPath, payload = [] }) {
  if (extensionDevelopmentPath && !/^[a-z][\w+.-]*:\/\//i.test(extensionDevelopmentPath) && isInside(resolve(extensionDevelopmentPath), cacheDir)) {
    throw new Error(`extensionDevelopmentPath ${extensionDevelopmentPath} contains code-server's built-in extensions (${cacheDir}); `
      + 'the workbench then loses its themes: pass stageExtension(...).path instead');
  }
  const u = new URL(url);
  u.pathname = '/';
  u.search = '';
  u.hash = '';
  const remote = (path) => (/^[a-z][\w+.-]*:\/\//i.test(path) ? path : `vscode-remote://${u.host}${encodeURI(resolve(path))}`);
  if (folder) u.searchParams.set('folder', resolve(folder));
  else if (workspace) u.searchParams.set('workspace', resolve(workspace));
  const entries = [];
  if (extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) entries.push(['extensionTestsPath', remote(extensionTestsPath)]);
  entries.push(...payload);
  if (entries.length) u.searchParams.set('payload', JSON.stringify(entries));
  return u.toString();
}

/** Loads playwright-core from the cache folder (it is not one of the project's dependencies). */
export function loadPlaywright() {
  const require = createRequire(join(cacheDir, 'package.json'));
  try {
    return require('playwright-core');
  } catch (err) {
    throw new Error(`playwright-core is not installed in ${cacheDir}; run: bash scripts/editor/install-code-server.sh\n(${err.message})`);
  }
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Launches Debian's chromium through playwright-core with a throw-away profile (removed when the
 * context closes). Returns the BrowserContext; `context.pages()[0]` is its first tab.
 *
 * @param {object} [opts]
 * @param {{width:number,height:number}} [opts.viewport] default 1400x900
 * @param {number} [opts.deviceScaleFactor] e.g. 2 for crisp screenshots (default 1)
 * @param {boolean} [opts.headless] default true
 * @param {string[]} [opts.args] extra chromium flags
 */
export async function launchChromium(opts = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing; run: bash scripts/editor/install-code-server.sh`);
  }
  const { chromium } = loadPlaywright();
  const profile = shortTempDir('chromium-');
  const headless = opts.headless ?? true;
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless,
      args: [...chromiumArgs.filter((a) => headless || a !== '--headless'), ...(opts.args ?? [])],
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      timeout: opts.timeoutMs ?? 60_000,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  // chromium may still be flushing its profile when the close event fires: remove it afterwards,
  // retrying, and never let a leftover cache file turn into an error
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
  const close = context.close.bind(context);
  context.close = async (...args) => {
    try {
      await close(...args);
    } finally {
      await removeProfile();
    }
  };
  context.once('close', () => { setTimeout(removeProfile, 500).unref(); });
  process.once('exit', () => { try { rmSync(profile, { recursive: true, force: true }); } catch { /* best effort */ } });
  return context;
}
