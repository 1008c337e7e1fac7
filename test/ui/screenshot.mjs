// Takes the README picture images/screenshot-quickfix.png: the Django Deploy extension running in
// code-server (VS Code in the browser), a settings file with the diagnostic on `DEBUG = True` and
// the quick-fix menu open on it, the Problems panel below.
//
//   node test/ui/screenshot.mjs [--out images/screenshot-quickfix.png] [--light] [--keep]
//
// --light: light theme instead of Default Dark Modern; --keep: keep the temp project folder.
//
// Builds the extension, installs code-server/playwright-core/chromium when missing
// (scripts/editor/install-code-server.sh), copies examples/mysite (or a fresh `startproject` when
// no DEBUG = True line there is diagnosed) to a temp folder, and drives the workbench with
// keyboard and mouse like a person would. Intermediate screenshots and the browser console go to
// test-output/ui/. Every process it starts is stopped at the end, whatever happens.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  repoRoot, ensureInstalled, startCodeServer, launchChromium, workbenchUrl, quietSettings, stageExtension,
} from '../../scripts/editor/code-server.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const OUT = join(repoRoot, option('--out', 'images/screenshot-quickfix.png'));
const LIGHT = argv.includes('--light');
const KEEP = argv.includes('--keep');
const OUTPUT_DIR = join(repoRoot, 'test-output/ui');
const FIX_TITLE = 'Read DEBUG from the environment: off unless DJANGO_DEBUG=1 (set DJANGO_DEBUG=1 where you develop)';
const DEBUG_LINE = /^\s*DEBUG\s*=\s*True\b/;

const t0 = Date.now();
const log = (msg) => console.log(`[screenshot ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout;
}

/** Files (absolute) and 1-based lines where the CLI reports something on a `DEBUG = True` line. */
function diagnosedDebugLines(folder) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'check', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8' });
  let report;
  try { report = JSON.parse(r.stdout); } catch { return []; }
  const hits = [];
  for (const d of report.diagnostics ?? []) {
    const file = join(folder, d.file);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8').split('\n')[d.line - 1] ?? '';
    if (DEBUG_LINE.test(text)) hits.push({ file, line: d.line, code: d.code, fixable: d.fixable });
  }
  // prefer the fixable DEBUG finding
  return hits.sort((a, b) => Number(b.fixable) - Number(a.fixable));
}

/** A temp copy of a Django project whose settings have a diagnosed `DEBUG = True` line. */
function prepareProject(tempRoot) {
  const example = join(repoRoot, 'examples/mysite');
  if (existsSync(example)) {
    const copy = join(tempRoot, 'mysite');
    cpSync(example, copy, { recursive: true });
    const hits = diagnosedDebugLines(copy);
    if (hits.length) return { folder: copy, ...hits[0], source: 'examples/mysite' };
    log('examples/mysite has no diagnosed DEBUG = True line; using a fresh startproject instead');
    rmSync(copy, { recursive: true, force: true });
  } else {
    log('examples/mysite does not exist; using a fresh startproject instead');
  }
  const folder = join(tempRoot, 'mysite');
  mkdirSync(folder);
  run('/usr/bin/python3', ['-m', 'django', 'startproject', 'mysite', folder]);
  // startproject draws a random key: pin one so that reruns give the same picture
  const settingsFile = join(folder, 'mysite/settings.py');
  writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace(/^SECRET_KEY = .*$/m,
    "SECRET_KEY = 'django-insecure-k7#w2x!q9v@m3z$e8r^t5y&u1i*o0p(a4s)d6f_g-h+j=l'"));
  const hits = diagnosedDebugLines(folder);
  if (!hits.length) throw new Error('the CLI reports nothing on DEBUG = True in a fresh startproject: nothing to show');
  return { folder, ...hits[0], source: 'django-admin startproject' };
}

/** Errors from the extension host log and the extension's own log, for failure messages. */
function extensionLogs(userDataDir) {
  const lines = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (/remoteexthost\.log$|Django Deploy\.log$/.test(name.name)) {
        lines.push(`--- ${relative(userDataDir, full)}`);
        lines.push(...readFileSync(full, 'utf8').split('\n').filter((l) => /error|django|exception/i.test(l)).slice(0, 20));
      }
    }
  };
  try { walk(join(userDataDir, 'logs')); } catch { /* no logs */ }
  return lines.join('\n');
}

async function shot(page, name, opts = {}) {
  const path = join(OUTPUT_DIR, name);
  await page.screenshot({ path, ...opts });
  log(`saved ${relative(repoRoot, path)}`);
  return path;
}

async function main() {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  log('building the extension (node scripts/build.mjs)');
  run(process.execPath, ['scripts/build.mjs']);
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(repoRoot, f))) throw new Error(`${f} is missing after the build`);
  }
  log('checking code-server, playwright-core and chromium (scripts/editor/install-code-server.sh)');
  ensureInstalled();

  const tempRoot = mkdtempSync('/tmp/ddui-');
  let server, context, extension;
  const consoleLines = [];
  try {
    const project = prepareProject(tempRoot);
    const relFile = relative(project.folder, project.file);
    log(`project from ${project.source}: ${relFile}:${project.line} (${project.code})`);

    server = await startCodeServer({
      folder: project.folder,
      settings: {
        ...quietSettings,
        'workbench.colorTheme': LIGHT ? 'Default Light Modern' : 'Default Dark Modern',
        'editor.fontSize': 15,
        'editor.minimap.enabled': false,
        'editor.stickyScroll.enabled': false,
        // the word highlight would cover the squiggle under DEBUG once the cursor is in it
        'editor.occurrencesHighlight': 'off',
        'editor.selectionHighlight': false,
        'editor.cursorBlinking': 'solid',
        'editor.hover.delay': 300,
        'workbench.layoutControl.enabled': false,
        'window.commandCenter': false,
        'workbench.editor.enablePreviewFromQuickOpen': false,
        'files.exclude': { '**/__pycache__': true },
        'problems.sortOrder': 'position',
      },
    });
    log(`code-server ${server.url} (pid ${server.pid})`);

    context = await launchChromium({ viewport: { width: 1280, height: 780 }, deviceScaleFactor: 1.5 });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    extension = stageExtension(repoRoot);
    const url = workbenchUrl({ url: server.url, folder: project.folder, extensionDevelopmentPath: extension.path });
    log(`opening ${url}`);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 }).catch(() => {});
    await sleep(1000);
    await shot(page, '01-workbench.png');

    // open the settings file: Ctrl+P, type its path, Enter
    await page.locator('.monaco-workbench .part.editor').click();
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 15_000 });
    await page.keyboard.type(relFile, { delay: 20 });
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 15_000 });
    await sleep(500);
    await page.keyboard.press('Enter');
    const editor = page.locator('.part.editor .monaco-editor').first();
    await editor.locator('.view-line').first().waitFor({ timeout: 15_000 });
    log(`opened ${relFile}`);

    // put the DEBUG line in view (Ctrl+G line:column) so its squiggle is rendered
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${project.line}:1`);
    await page.keyboard.press('Enter');
    await sleep(300);
    await shot(page, '02-file-open.png');

    log('waiting for the Django Deploy diagnostics (squiggles)');
    const squiggles = editor.locator('.squiggly-warning, .squiggly-error');
    const deadline = Date.now() + 45_000;
    while (!(await squiggles.count())) {
      const failed = Date.now() > deadline || /could not start|couldn't create connection/.test(extensionLogs(server.userDataDir));
      if (failed) {
        await shot(page, '02-no-squiggle.png');
        throw new Error(`no squiggle appeared in ${relFile}; see test-output/ui/02-no-squiggle.png and console.log\n${extensionLogs(server.userDataDir)}`);
      }
      await sleep(250);
    }
    log(`${await squiggles.count()} squiggles drawn`);

    // the Problems panel (Ctrl+Shift+M); select the DEBUG finding there (that also reveals it)
    await page.keyboard.press('Control+Shift+M');
    const markerRows = page.locator('.markers-panel .monaco-list-row');
    await markerRows.first().waitFor({ timeout: 15_000 });
    const debugRow = markerRows.filter({ hasText: /^\s*DEBUG\b|DEBUG is/ }).first();
    if (await debugRow.count()) await debugRow.click();
    else log('no DEBUG row in the Problems panel');
    await sleep(500);
    await shot(page, '03-squiggles-problems.png');

    // The DEBUG line's text (line numbers are rendered outside .view-line), then the DEBUG word in it.
    const debugWord = async () => {
      const line = editor.locator('.view-line', { hasText: /^\s*DEBUG\s*=\s*True/ }).first();
      await line.waitFor({ timeout: 10_000 });
      const word = line.locator('span span', { hasText: 'DEBUG' }).first();
      const box = (await word.count()) ? await word.boundingBox() : await line.boundingBox();
      return { x: box.x + 14, y: box.y + box.height / 2 };
    };
    let at = await debugWord();
    await page.mouse.click(at.x, at.y);
    await sleep(200);

    // scroll whole lines so a few lines of context sit above DEBUG: Ctrl+Home to the top, then
    // Ctrl+Down (moves the view, not the cursor) until the wanted line is the first one shown
    const firstVisible = async () => Math.min(...(await editor.locator('.line-numbers').allTextContents()).map(Number).filter((n) => n > 0));
    const wantFirst = Math.max(1, project.line - 7);
    await page.keyboard.press('Control+Home');
    await sleep(200);
    for (let i = 0; i < 200 && (await firstVisible()) < wantFirst; i++) {
      await page.keyboard.press('Control+ArrowDown');
      await sleep(40);
    }
    await sleep(300);
    at = await debugWord();

    // the hover on the squiggle (an intermediate picture)
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10_000 })
      .then(() => sleep(400))
      .then(() => shot(page, '04-hover.png'))
      .catch(() => log('no hover appeared (not needed for the picture)'));
    await page.mouse.move(at.x, at.y + 300);
    await page.keyboard.press('Escape');
    await sleep(300);

    // click into DEBUG, then Ctrl+. (with the focus in the Problems panel it would open a context menu)
    await page.mouse.click(at.x, at.y);
    await page.mouse.move(at.x + 600, at.y + 300);
    await sleep(300);
    log('opening the quick-fix menu (Ctrl+.)');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 15_000 });
    await menu.getByText(FIX_TITLE, { exact: false }).first().waitFor({ timeout: 10_000 });
    // highlight our entry with the arrow keys (clicking rows times out in code-server)
    for (let i = 0; i < 12; i++) {
      const focused = await menu.locator('.monaco-list-row.focused').first().textContent().catch(() => '');
      if (focused && focused.includes(FIX_TITLE)) break;
      await page.keyboard.press('ArrowDown');
      await sleep(120);
    }
    const entries = (await menu.locator('.monaco-list-row').allTextContents()).map((t) => t.trim()).filter(Boolean);
    log(`quick-fix menu: ${entries.join(' | ')}`);
    if (!entries.some((e) => e.includes(FIX_TITLE))) throw new Error(`the quick-fix menu does not offer "${FIX_TITLE}"`);
    await sleep(600);
    const full = await shot(page, '05-quickfix-full.png');

    // the README picture: explorer, editor and Problems panel, without the activity bar and status bar
    const editorPart = await page.locator('.part.editor').boundingBox();
    const panelPart = await page.locator('.part.panel').boundingBox().catch(() => null);
    const sidebar = await page.locator('.part.sidebar').boundingBox().catch(() => null);
    const left = sidebar ? sidebar.x : editorPart.x;
    const bottom = panelPart ? panelPart.y + panelPart.height : editorPart.y + editorPart.height;
    const clip = { x: left, y: 0, width: editorPart.x + editorPart.width - left, height: bottom };
    mkdirSync(join(OUT, '..'), { recursive: true });
    await page.screenshot({ path: OUT, clip });
    log(`saved ${relative(repoRoot, OUT)} (${Math.round(statSync(OUT).size / 1024)} KB, ${Math.round(clip.width)}x${Math.round(clip.height)} CSS px at 1.5x; full window: ${relative(repoRoot, full)})`);
  } finally {
    writeFileSync(join(OUTPUT_DIR, 'console.log'), consoleLines.join('\n') + '\n');
    const steps = [
      ['close chromium', () => context?.close()],
      ['stop code-server', () => server?.stop()],
      ['remove the staged extension', () => extension?.remove()],
      ['remove the temp project', () => (KEEP ? log(`kept ${tempRoot}`) : rmSync(tempRoot, { recursive: true, force: true }))],
    ];
    for (const [what, step] of steps) {
      try { await step(); } catch (err) { console.error(`cleanup: could not ${what}: ${err.message}`); }
    }
    log('stopped chromium and code-server, removed the temp folders');
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
main().then(
  () => log('done'),
  (err) => { console.error(`[screenshot] FAILED: ${err.stack ?? err}`); process.exitCode = 1; },
);
