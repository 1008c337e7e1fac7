// Takes the README picture images/screenshot-quickfix.png: the Django Deploy extension running in
// code-server (VS Code in the browser), a settings file with the diagnostic on `DEBUG = True` and
// the quick-fix menu open on it, the Problems panel below.
//
//   node test/ui/screenshot.mjs [--out images/screenshot-quickfix.png] [--light] [--keep]
//                                [--patch-command-clash]
//
// --patch-command-clash: stopgap for a server that advertises djangoDeploy.checkProject in its
// executeCommandProvider (the client registers that command itself, so the language client fails
// with "command 'djangoDeploy.checkProject' already exists"). Loads the extension from a temp copy
// whose dist/server.js no longer advertises it; the sources and dist/ are left alone.
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
  repoRoot, ensureInstalled, startCodeServer, launchChromium, workbenchUrl, quietSettings,
} from '../../scripts/editor/code-server.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const OUT = join(repoRoot, option('--out', 'images/screenshot-quickfix.png'));
const LIGHT = argv.includes('--light');
const KEEP = argv.includes('--keep');
const PATCH_COMMAND_CLASH = argv.includes('--patch-command-clash');
const OUTPUT_DIR = join(repoRoot, 'test-output/ui');
const FIX_TITLE = 'Read DEBUG from the environment (off unless DJANGO_DEBUG=1)';
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
  const hits = diagnosedDebugLines(folder);
  if (!hits.length) throw new Error('the CLI reports nothing on DEBUG = True in a fresh startproject: nothing to show');
  return { folder, ...hits[0], source: 'django-admin startproject' };
}

/** A temp copy of the extension whose built server does not advertise commands the client registers. */
function patchedExtensionCopy(tempRoot) {
  const ext = join(tempRoot, 'ext');
  mkdirSync(ext);
  for (const name of ['package.json', 'dist', 'images', 'language-configuration', 'snippets', 'syntaxes', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(ext, name), { recursive: true });
  }
  const contributed = new Set((JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')).contributes?.commands ?? []).map((c) => c.command));
  const serverFile = join(ext, 'dist/server.js');
  const source = readFileSync(serverFile, 'utf8');
  // COMMANDS.x in the provider list -> the literal, to see which ones clash
  const constants = Object.fromEntries([...source.matchAll(/(\w+):\s*"(djangoDeploy\.\w+)"/g)].map((m) => [m[1], m[2]]));
  const patched = source.replace(/(executeCommandProvider:\s*\{\s*commands:\s*\[)([^\]]*)\]/, (all, head, list) => {
    const kept = list.split(',').map((x) => x.trim()).filter(Boolean).filter((item) => {
      const literal = item.replace(/^["']|["']$/g, '');
      const name = constants[item.split('.').pop()] ?? literal;
      return !contributed.has(name);
    });
    return `${head}${kept.join(', ')}]`;
  });
  if (patched === source) log('--patch-command-clash: nothing to patch in dist/server.js (the clash is fixed?)');
  else log('--patch-command-clash: loading a temp copy of the extension whose dist/server.js does not advertise the client\'s commands');
  writeFileSync(serverFile, patched);
  return ext;
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
  ensureInstalled({ quiet: true });

  const tempRoot = mkdtempSync('/tmp/ddui-');
  const cleanups = [() => rmSync(tempRoot, { recursive: true, force: true })];
  const consoleLines = [];
  try {
    const project = prepareProject(tempRoot);
    const relFile = relative(project.folder, project.file);
    log(`project from ${project.source}: ${relFile}:${project.line} (${project.code})`);

    const server = await startCodeServer({
      folder: project.folder,
      settings: {
        ...quietSettings,
        'workbench.colorTheme': LIGHT ? 'Default Light Modern' : 'Default Dark Modern',
        'editor.fontSize': 15,
        'editor.minimap.enabled': false,
        'editor.stickyScroll.enabled': false,
        'breadcrumbs.enabled': true,
        'workbench.layoutControl.enabled': false,
        'window.commandCenter': false,
        'workbench.editor.enablePreviewFromQuickOpen': false,
        'explorer.autoReveal': true,
        'files.exclude': { '**/__pycache__': true },
        'problems.sortOrder': 'position',
      },
    });
    cleanups.unshift(() => server.stop());
    log(`code-server ${server.url} (pid ${server.pid})`);

    const context = await launchChromium({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1.5 });
    cleanups.unshift(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    const extensionPath = PATCH_COMMAND_CLASH ? patchedExtensionCopy(tempRoot) : repoRoot;
    const url = workbenchUrl({ url: server.url, folder: project.folder, extensionDevelopmentPath: extensionPath });
    log(`opening ${url}`);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 }).catch(() => {});
    await sleep(1500);
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
    try {
      await squiggles.first().waitFor({ timeout: 45_000 });
    } catch (err) {
      await shot(page, '02-no-squiggle.png');
      const logs = extensionLogs(server.userDataDir);
      const hint = /already exists/.test(logs) ? '\n(the command clash: rerun with --patch-command-clash until the server stops advertising it)' : '';
      throw new Error(`no squiggle appeared in ${relFile}; see test-output/ui/02-no-squiggle.png and console.log\n${logs}${hint}`, { cause: err });
    }
    log(`${await squiggles.count()} squiggles drawn`);

    // the Problems panel (Ctrl+Shift+M), then focus back into the editor
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 }).catch(() => log('Problems panel did not list anything'));
    await sleep(500);
    await shot(page, '03-squiggles-problems.png');

    // click into the DEBUG word on its line (line numbers are rendered outside .view-line)
    const debugLine = editor.locator('.view-line', { hasText: /^\s*DEBUG\s*=\s*True/ }).first();
    await debugLine.waitFor({ timeout: 10_000 });
    const word = debugLine.locator('span span', { hasText: 'DEBUG' }).first();
    const box = (await word.count()) ? await word.boundingBox() : await debugLine.boundingBox();
    await page.mouse.click(box.x + 14, box.y + box.height / 2);
    await sleep(300);

    // hover first (its own picture), then the quick-fix menu
    await page.mouse.move(box.x + 14, box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover .markdown-hover', { timeout: 10_000 })
      .then(() => sleep(400))
      .then(() => shot(page, '04-hover.png'))
      .catch(() => log('no hover appeared (not needed for the picture)'));
    await page.mouse.move(box.x + 14, box.y + 400); // away from the squiggle: no hover on top of the menu
    await page.keyboard.press('Escape');
    await sleep(300);
    await page.mouse.click(box.x + 14, box.y + box.height / 2);
    await page.mouse.move(5, 450);
    await sleep(200);

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
    const entries = (await menu.locator('.monaco-list-row').allTextContents()).map((s) => s.trim()).filter(Boolean);
    log(`quick-fix menu: ${entries.join(' | ')}`);
    await page.mouse.move(5, 450);
    await sleep(600);
    const full = await shot(page, '05-quickfix-full.png');

    // the README picture: the editor and the Problems panel, without the activity bar's empty space
    const editorPart = await page.locator('.part.editor').boundingBox();
    const panelPart = await page.locator('.part.panel').boundingBox().catch(() => null);
    const sidebar = await page.locator('.part.sidebar').boundingBox().catch(() => null);
    const left = sidebar ? sidebar.x : editorPart.x;
    const bottom = panelPart ? panelPart.y + panelPart.height : editorPart.y + editorPart.height;
    const clip = { x: left, y: 0, width: editorPart.x + editorPart.width - left, height: bottom };
    mkdirSync(join(OUT, '..'), { recursive: true });
    await page.screenshot({ path: OUT, clip });
    log(`saved ${relative(repoRoot, OUT)} (${Math.round(statSync(OUT).size / 1024)} KB, ${Math.round(clip.width)}x${Math.round(clip.height)} CSS px, full page: ${relative(repoRoot, full)})`);
    if (!entries.some((e) => e.includes(FIX_TITLE))) throw new Error(`the quick-fix menu does not offer "${FIX_TITLE}"`);
  } finally {
    writeFileSync(join(OUTPUT_DIR, 'console.log'), consoleLines.join('\n') + '\n');
    for (const cleanup of cleanups) {
      if (KEEP && cleanup === cleanups[cleanups.length - 1]) continue;
      try { await cleanup(); } catch (err) { console.error(`cleanup: ${err.message}`); }
    }
    log('stopped chromium and code-server, removed the temp project');
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
main().then(
  () => log('done'),
  (err) => { console.error(`[screenshot] FAILED: ${err.stack ?? err}`); process.exitCode = 1; },
);
