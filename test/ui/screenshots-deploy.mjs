// Takes the README pictures of the deployment side, in code-server (VS Code in the browser) at
// 1280×800 with Default Dark Modern, on a temp copy of examples/mysite:
//   images/screenshot-checklist.png  the Deployment Checklist view (status icons in the theme's
//                                    colours, a row opened on its places) beside production.py
//   images/screenshot-compare.png    the WSGI vs ASGI view
//   images/screenshot-template.png   a template with a raw /static/ path and the
//                                    "Use {% static … %}" quick fix menu open
// (images/screenshot-quickfix.png is test/ui/screenshot.mjs's.)
//
//   node test/ui/screenshots-deploy.mjs [--only checklist,compare,template]
//
// Uses the built extension (dist/ from `node scripts/build.mjs`, or DJANGO_DEPLOY_EXTENSION_DIR,
// see test/editor/ui/common.mjs); never builds. Intermediate pictures and the browser console go
// to test-output/ui/readme-*. Every process it starts is stopped at the end, whatever happens.
import { statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startCodeServer, launchChromium, workbenchUrl, quietSettings } from '../../scripts/editor/code-server.mjs';
import {
  repoRoot, runMain, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, onCleanup, uiSettings,
  openWorkbench, openFile, runCommand, recordConsole, waitFor, squigglesOnLine, plain, sleep,
} from '../editor/ui/common.mjs';

const log = makeLog('readme-screens');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : ['checklist', 'compare', 'template'];
const VIEWPORT = { width: 1280, height: 800 };
const TEMPLATE = 'templates/pages/about.html';
const RAW = '/static/css/site.css';
const TEMPLATE_TEXT = `{% extends "base.html" %}\n{% block content %}\n  <h1>About us</h1>\n  <link rel="stylesheet" href="${RAW}">\n  <img src="{% static 'img/logo.svg' %}" alt="Logo">\n{% endblock %}\n`;
const FIX_TITLE = "Use {% static 'css/site.css' %}";

async function save(page, name) {
  const path = join(repoRoot, 'images', name);
  await page.screenshot({ path });
  const kb = Math.round(statSync(path).size / 1024);
  log(`saved ${relative(repoRoot, path)} (${kb} KB)`);
  if (kb > 300) throw new Error(`${name} is ${kb} KB; the README pictures stay under 300 KB`);
}

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddr-');
  const folder = copyExample(root);
  writeFileSync(join(folder, TEMPLATE), TEMPLATE_TEXT);
  const extension = await copyBuiltExtension(root);
  const server = await startCodeServer({
    folder,
    settings: { ...quietSettings, ...uiSettings, 'editor.fontSize': 14, 'workbench.colorTheme': 'Default Dark Modern', 'editor.autoClosingQuotes': 'never' },
  });
  onCleanup('stop code-server', () => server.stop());
  const context = await launchChromium({ viewport: VIEWPORT });
  onCleanup('close chromium', () => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  recordConsole(page, 'readme');
  await openWorkbench(page, workbenchUrl({ url: server.url, folder, extensionDevelopmentPath: extension }));

  if (only.includes('checklist')) {
    await openFile(page, 'mysite/settings/production.py');
    const header = page.locator('.pane-header', { hasText: 'Deployment Checklist' }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const folderHeader = page.locator('.pane-header', { hasText: 'mysite' }).first();
    if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
    for (const section of ['Outline', 'Timeline']) {
      const h = page.locator('.pane-header', { hasText: section }).first();
      if ((await h.getAttribute('aria-expanded').catch(() => null)) === 'true') await h.click();
    }
    const rows = page.locator('.pane .monaco-list-row', { hasText: 'DEBUG is off in production' });
    await rows.first().waitFor({ timeout: 45_000 });
    // Widen the side bar so the rows' titles and part of their details are readable.
    const sash = page.locator('.monaco-sash.vertical').first();
    const box = await page.locator('.part.sidebar').boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 1, box.y + 300);
      await page.mouse.down();
      await page.mouse.move(box.x + 560, box.y + 300, { steps: 8 });
      await page.mouse.up();
    } else await sash.waitFor({ timeout: 1 }).catch(() => undefined);
    // Open the DEBUG row on its places.
    await rows.first().locator('.monaco-tl-twistie').click();
    await page.locator('.pane .monaco-list-row', { hasText: 'production.py:' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.pane .monaco-list-row', { hasText: 'production.py:' }).first().click();
    await sleep(800);
    await page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height - 60);
    await save(page, 'screenshot-checklist.png');
  }

  if (only.includes('compare')) {
    await runCommand(page, 'Django Deploy: Compare WSGI and ASGI');
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('code.line').first().waitFor({ timeout: 45_000 });
    await page.keyboard.press('Control+B'); // the side bar closed: the view gets the window's width
    await sleep(600);
    await view.locator('h2', { hasText: 'Command lines for this project' }).scrollIntoViewIfNeeded().catch(() => undefined);
    await view.locator('body').evaluate(() => window.scrollTo(0, 0));
    await sleep(300);
    await save(page, 'screenshot-compare.png');
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Control+W');
    await sleep(300);
  }

  if (only.includes('template')) {
    if (only.includes('checklist')) await page.keyboard.press('Control+B'); // the editor alone
    const editor = await openFile(page, TEMPLATE);
    const rawLine = editor.locator('.view-line', { hasText: RAW }).first();
    await rawLine.waitFor({ timeout: 10_000 });
    await waitFor(async () => (await squigglesOnLine(editor, rawLine)).length, { timeoutMs: 45_000, message: `no squiggle on ${RAW}` });
    const lines = TEMPLATE_TEXT.split('\n');
    const lineNo = lines.findIndex((l) => l.includes(RAW)) + 1;
    const column = lines[lineNo - 1].indexOf(RAW) + 1 + 'static/'.length + 2;
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${lineNo}:${column}`);
    await page.keyboard.press('Enter');
    await sleep(400);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 15_000 });
    await menu.getByText(FIX_TITLE, { exact: false }).first().waitFor({ timeout: 10_000 });
    for (let i = 0; i < 15; i++) {
      const focused = await menu.locator('.monaco-list-row.focused').first().textContent().catch(() => '');
      if (focused && plain(focused).includes(FIX_TITLE)) break;
      await page.keyboard.press('ArrowDown');
      await sleep(120);
    }
    await sleep(600);
    await save(page, 'screenshot-template.png');
    await page.keyboard.press('Escape');
  }
}

runMain('readme-screens', main, { timeoutMs: 300_000 });
