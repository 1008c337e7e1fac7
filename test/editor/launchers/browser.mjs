// Runs the integration suite (out/test/integration/suite/index.js) inside VS Code for the browser:
// code-server 4.100.3 from .cache/code-server, the extension staged outside the repository (see
// stageExtension), the suite loaded through the workbench URL's payload, Debian's chromium driven
// by playwright-core. The page calls window.codeAutomationExit(code) when the suite is done; this
// script exits with that code, prints the suite's report, and stops every process it started.
//
//   node test/editor/launchers/browser.mjs      (after `node scripts/build.mjs`)
//
// DJANGO_DEPLOY_EXTENSION_DIR names another folder laid out like the repository (package.json,
// dist/, out/test/integration/suite/index.js, the shipped folders, node_modules) to load instead.
//
// Exit codes: the suite's (0 passed, 1 failed); 77 when code-server, playwright-core or chromium
// cannot be installed (skipped); 1 on any other failure or after the global timeout.
// Environment: DJANGO_DEPLOY_BROWSER_TIMEOUT_MS (default 180000), DJANGO_DEPLOY_BROWSER_VERBOSE=1
// prints every browser console message, not just the extension host's and errors.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureInstalled, launchChromium, quietSettings, stageExtension, startCodeServer, workbenchUrl,
} from '../../../scripts/editor/code-server.mjs';
import { EXIT_SKIPPED, makeWorkspace, repoRoot, suiteIndex } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.DJANGO_DEPLOY_BROWSER_TIMEOUT_MS) || 180_000;
const VERBOSE = process.env.DJANGO_DEPLOY_BROWSER_VERBOSE === '1';
const started = Date.now();
const log = (line) => process.stdout.write(`[browser ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

const extensionSource = process.env.DJANGO_DEPLOY_EXTENSION_DIR || repoRoot;
for (const file of [join(extensionSource, 'dist/client.js'), join(extensionSource, 'dist/server.js'), join(extensionSource, 'out/test/integration/suite/index.js')]) {
  if (!existsSync(file)) {
    console.log(`browser launcher: ${file} is missing; run node scripts/build.mjs first`);
    process.exit(1);
  }
}

try {
  ensureInstalled({ quiet: true });
} catch (err) {
  const why = String(err.message).split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? String(err);
  console.log(`SKIP: VS Code for the browser is not available: code-server, playwright-core or chromium could not be installed (${why})`);
  process.exit(EXIT_SKIPPED);
}

/** Every file under `dir` whose name matches `re` (the extension host logs live a few levels down). */
function filesUnder(dir, re, out = []) {
  let names = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const full = join(dir, name);
    let st;
    try { st = statSync(full); } catch { continue; }
    if (st.isDirectory()) filesUnder(full, re, out);
    else if (re.test(name)) out.push(full);
  }
  return out;
}

const cleanups = [];
let exitCode = 1;
let finished = false;

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try { await fn(); } catch (err) { log(`cleanup: ${err.message}`); }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    log(`${signal}: stopping everything`);
    finished = true;
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 8_000))]);
    process.exit(1);
  });
}

const timer = setTimeout(async () => {
  if (finished) return;
  log(`timed out after ${TIMEOUT_MS / 1000} s: stopping everything`);
  printReports();
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(1);
}, TIMEOUT_MS);

let reportFile;
let server;
function printReports() {
  if (reportFile && existsSync(reportFile)) {
    process.stdout.write(`----- integration suite report (extension host) -----\n${readFileSync(reportFile, 'utf8')}-----\n`);
  } else {
    log('the suite wrote no report (did the extension host start it?)');
  }
  if (server && exitCode !== 0) {
    // the extension host's own log (errors and warnings only) and the Django Deploy output channel
    for (const f of filesUnder(join(server.userDataDir, 'logs'), /^(remoteexthost\.log|exthost\.log|.*Django Deploy\.log)$/)) {
      const all = readFileSync(f, 'utf8').trim().split('\n');
      const lines = /Django Deploy/.test(f) ? all.slice(-40) : all.filter((l) => /\[(error|warning)\]/.test(l)).slice(-30);
      if (lines.length) process.stdout.write(`----- ${f.slice(server.userDataDir.length + 1)} -----\n${lines.join('\n')}\n`);
    }
    try {
      const text = readFileSync(server.logFile, 'utf8').trim();
      if (text) process.stdout.write(`----- code-server log (last lines) -----\n${text.split('\n').slice(-30).join('\n')}\n`);
    } catch { /* gone */ }
  }
}

try {
  const ws = makeWorkspace();
  cleanups.push(() => ws.remove());
  reportFile = join(ws.dir, 'suite-report.txt');
  // code-server's environment (and so the extension host's) is taken from process.env
  process.env.DJANGO_DEPLOY_TEST_LOG = reportFile;

  // dist/ and out/ copied, so that a rebuild by someone else during the run cannot break it
  const ext = stageExtension(extensionSource, { copy: ['dist', 'out'] });
  cleanups.push(() => ext.remove());
  const stagedSuite = join(ext.path, 'out/test/integration/suite/index.js');

  server = await startCodeServer({ settings: quietSettings });
  cleanups.push(() => server.stop());
  log(`code-server ${server.url} (pid ${server.pid}), workspace ${ws.workspaceFile}`);

  const context = await launchChromium();
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? await context.newPage();

  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(Number(code)); });
  page.on('console', (msg) => {
    const text = msg.text();
    // the extension host's console reaches the page too (as '%c INFO ...'); the suite's report
    // file has the same text without the noise, so only errors are shown unless VERBOSE
    if (VERBOSE || msg.type() === 'error') {
      if (!VERBOSE && /vsda|open-vsx|ERR_NAME_NOT_RESOLVED|Failed to load resource/i.test(text)) return;
      log(`console.${msg.type()}: ${text.split('\n').slice(0, 20).join('\n    ')}`);
    }
  });
  page.on('pageerror', (err) => log(`page error: ${err.message}`));

  const url = workbenchUrl({ url: server.url, workspace: ws.workspaceFile, extensionDevelopmentPath: ext.path, extensionTestsPath: stagedSuite });
  await page.goto(url);
  log('workbench loaded; waiting for the suite to call codeAutomationExit');
  exitCode = await exited;
  log(`suite finished with exit code ${exitCode}`);
} catch (err) {
  exitCode = 1;
  log(`error: ${err.stack ?? err}`);
} finally {
  finished = true;
  clearTimeout(timer);
  printReports();
  await cleanup();
}
log(`exit ${exitCode}`);
process.exit(exitCode);
