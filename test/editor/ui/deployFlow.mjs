// The deployment UI test: the checklist and the WSGI vs ASGI view in VS Code (code-server in
// chromium, driven with Playwright), the way a user meets them. Opens a temp copy of
// examples/mysite (with STATIC_ROOT added to its production settings, and djangoDeploy.python
// naming an interpreter that does not exist) and:
//   1. runs "Django Deploy: Show Deployment Checklist" from the command palette (F1) and sees
//      the Quick Pick list every item, with codicon status marks and the failing DEBUG item,
//   2. chooses the DEBUG item and sees the editor open the settings file on the DEBUG line,
//   3. chooses the "collectstatic has been run" item: the collectstatic task runs (a terminal),
//      fails to start Python, and a notification points to the djangoDeploy.python setting;
//      its "Open Setting" button opens the Settings editor on it,
//   4. opens the Deployment Checklist view in the Explorer: rows with status icons in the
//      theme's test colours (failed, passed, warning), a click on the collectstatic row runs
//      the task again,
//   5. runs "Django Deploy: Compare WSGI and ASGI" and sees the webview: the recommendation,
//      this project's wsgi.py, and the gunicorn command line for mysite.wsgi.
// Screenshots of each step: test-output/ui/deploy-*.png. Exit 0 pass, 77 skip (no code-server
// or chromium), 1 fail. Uses the dist/ that `node scripts/build.mjs` made (copied to a temp folder).
//
//   node test/editor/ui/deployFlow.mjs
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain, OUTPUT_DIR, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, openEditor, waitFor, shot, plain, sleep, runCommand } from './common.mjs';

const log = makeLog('ui-deploy');
const MISSING_PYTHON = '/nonexistent/bin/python3';
const HINT = 'could not run Django';

/**
 * The icons of the Deployment Checklist view's rows: codicon name, computed colour, and the
 * colour the theme gives each testing/problems colour id (resolved in the workbench).
 */
async function treeIcons(page) {
  return page.evaluate(() => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => /Deployment Checklist/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
    if (!pane) return { rows: [], colours: {} };
    const resolve = (id) => {
      const probe = document.createElement('span');
      probe.style.color = `var(--vscode-${id.replace(/\./g, '-')})`;
      pane.appendChild(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    };
    const colours = Object.fromEntries(['testing.iconPassed', 'testing.iconFailed', 'problemsWarningIcon.foreground', 'problemsInfoIcon.foreground', 'foreground'].map((id) => [id, resolve(id)]));
    const rows = [...pane.querySelectorAll('.monaco-list-row')].map((row) => {
      const icon = row.querySelector('.custom-view-tree-node-item-icon');
      const name = [...(icon?.classList ?? [])].find((c) => c.startsWith('codicon-'))?.slice('codicon-'.length);
      return { label: row.getAttribute('aria-label') ?? row.textContent, icon: name, colour: icon ? getComputedStyle(icon).color : '' };
    });
    return { rows, colours };
  });
}

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddd-');
  const folder = copyExample(root);
  // A STATIC_ROOT, so that the collectstatic row carries the command that fills it.
  appendFileSync(join(folder, 'mysite/settings/production.py'), "\nSTATIC_ROOT = BASE_DIR / 'staticfiles'\n");
  const extension = await copyBuiltExtension(root);
  const { page, fail } = await openEditor({ log, prefix: 'deploy', folder, extension, settings: { 'djangoDeploy.python': MISSING_PYTHON } });

  // 1. the checklist from the palette
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  const rowTexts = async () => (await rows.allTextContents()).map(plain);
  let texts = [];
  for (let attempt = 0; attempt < 3 && !texts.some((t) => t.includes('DEBUG is off in production')); attempt++) {
    // The first run may come before the extension has activated and the server has indexed.
    await runCommand(page, 'Django Deploy: Show Deployment Checklist');
    await waitFor(async () => (texts = await rowTexts()).some((t) => t.includes('DEBUG is off in production')), { timeoutMs: 45_000, message: () => 'no checklist' }).catch(() => undefined);
    if (!texts.some((t) => t.includes('DEBUG is off in production'))) await page.keyboard.press('Escape');
  }
  if (!texts.some((t) => t.includes('DEBUG is off in production'))) await fail('01-checklist', `the checklist Quick Pick did not show the DEBUG item; rows: ${JSON.stringify(texts)}`);
  const title = plain(await page.locator('.quick-input-widget .quick-input-title').textContent());
  log(`checklist: "${title}", ${texts.length} visible rows`);
  await shot(page, 'deploy-01-checklist.png', log);
  await page.locator('.quick-input-widget').screenshot({ path: join(OUTPUT_DIR, 'deploy-checklist-widget.png') }).catch(() => undefined);
  const marks = await rows.evaluateAll((els) => els.map((e) => [e.textContent, [...e.querySelectorAll('.codicon')].map((c) => [...c.classList].find((k) => k.startsWith('codicon-') && k !== 'codicon-modifier-spin'))]));
  if (!marks.some(([, icons]) => icons.includes('codicon-pass'))) await fail('01-checklist', `no $(pass) marks: ${JSON.stringify(marks)}`);
  const debugMarks = marks.find(([text]) => plain(text).includes('DEBUG is off in production'))?.[1] ?? [];
  if (!debugMarks.includes('codicon-error')) await fail('01-checklist', `examples/mysite has DEBUG = True in its settings: the DEBUG row should fail (${JSON.stringify(debugMarks)})`);

  // 2. choose the DEBUG item: the settings file opens on the DEBUG line
  await page.keyboard.type('DEBUG is off', { delay: 10 });
  await sleep(300);
  await page.keyboard.press('Enter');
  // Places on several lines get a second list to choose from (one line opens at once).
  const placeRow = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'settings' }).first();
  if (await placeRow.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    log(`places: ${JSON.stringify((await rowTexts()).slice(0, 4))}`);
    await shot(page, 'deploy-02-places.png', log);
    await page.keyboard.press('Enter');
  }
  const activeTab = page.locator('.part.editor .tab.active');
  await waitFor(async () => /\.py/.test(plain(await activeTab.textContent().catch(() => ''))), { timeoutMs: 15_000, message: () => fail('02-open', 'choosing the DEBUG item did not open a settings file') });
  const tabName = plain(await activeTab.textContent()).trim();
  await page.locator('.part.editor .monaco-editor .selected-text').first().waitFor({ timeout: 10_000 }).catch(() => fail('02-open', 'nothing selected in the opened file'));
  log(`opened ${tabName} with the place selected`);
  await shot(page, 'deploy-02-debug-item-opened.png', log);

  // 3. the collectstatic row runs its command: the task starts, Python is missing, the hint says where to choose it
  await runCommand(page, 'Django Deploy: Show Deployment Checklist');
  await waitFor(async () => (await rowTexts()).some((t) => t.includes('collectstatic has been run')), { timeoutMs: 45_000, message: () => fail('03-collectstatic', 'no collectstatic row') });
  const collectRow = (await rowTexts()).find((t) => t.includes('collectstatic has been run'));
  if (!/runs: Run collectstatic/.test(collectRow)) await fail('03-collectstatic', `the collectstatic row carries no command: ${collectRow}`);
  await page.keyboard.type('collectstatic has been run', { delay: 10 });
  await sleep(300);
  await page.keyboard.press('Enter');
  const terminalTab = page.locator('.part.panel .terminal-tabs-entry, .part.panel .single-terminal-tab, .part.panel .terminal-outer-container');
  await terminalTab.first().waitFor({ timeout: 20_000 }).catch(() => fail('03-collectstatic', 'choosing the collectstatic row opened no terminal (the task did not run)'));
  const toast = page.locator('.notification-toast', { hasText: HINT }).first();
  await toast.waitFor({ timeout: 20_000 }).catch(() => fail('03-collectstatic', `no "${HINT}" notification after the task failed`));
  const toastText = plain(await toast.textContent());
  log(`task hint: ${toastText.slice(0, 200)}`);
  if (!toastText.includes(MISSING_PYTHON) || !toastText.includes('djangoDeploy.python')) await fail('03-collectstatic', `the hint does not name the interpreter and the setting: ${toastText}`);
  await shot(page, 'deploy-03-collectstatic-hint.png', log);
  await toast.locator('.monaco-button', { hasText: 'Open Setting' }).first().click();
  await page.locator('.part.editor .tab', { hasText: 'Settings' }).first().waitFor({ timeout: 15_000 }).catch(() => fail('03-collectstatic', '"Open Setting" opened no Settings editor'));
  await page.locator('.settings-editor .setting-item-contents', { hasText: 'Python interpreter for the' }).first().waitFor({ timeout: 15_000 }).catch(() => fail('03-collectstatic', 'the Settings editor does not show djangoDeploy.python'));
  log('"Open Setting" opened the Settings editor on djangoDeploy.python');
  await shot(page, 'deploy-03-setting.png', log);
  await page.keyboard.press('Control+W');
  await sleep(300);

  // 4. the Deployment Checklist view: coloured status icons; a click on the collectstatic row runs the task
  const header = page.locator('.pane-header', { hasText: 'Deployment Checklist' }).first();
  await header.waitFor({ timeout: 20_000 }).catch(() => fail('04-tree', 'no Deployment Checklist view in the Explorer'));
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // The folder's section collapsed, so the view has room for every row (lists draw only what fits).
  const folderHeader = page.locator('.pane-header', { hasText: 'mysite' }).first();
  if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
  await sleep(500);
  let icons = { rows: [], colours: {} };
  await waitFor(async () => (icons = await treeIcons(page)).rows.some((r) => r.icon === 'error'), { timeoutMs: 45_000, message: () => fail('04-tree', `the view shows no failing row: ${JSON.stringify(icons)}`) });
  const expected = { pass: 'testing.iconPassed', error: 'testing.iconFailed', warning: 'problemsWarningIcon.foreground', question: 'problemsInfoIcon.foreground' };
  for (const row of icons.rows) {
    const id = expected[row.icon];
    if (!id) await fail('04-tree', `row "${row.label}" has the icon ${row.icon}`);
    if (row.colour !== icons.colours[id]) await fail('04-tree', `row "${row.label}": icon ${row.icon} is ${row.colour}, not ${id} (${icons.colours[id]})`);
  }
  if (icons.colours['testing.iconFailed'] === icons.colours.foreground || icons.colours['testing.iconPassed'] === icons.colours.foreground) await fail('04-tree', `the status colours are the text colour: ${JSON.stringify(icons.colours)}`);
  log(`tree: ${icons.rows.length} rows, icons ${[...new Set(icons.rows.map((r) => `${r.icon}=${r.colour}`))].join(', ')}`);
  await shot(page, 'deploy-04-tree.png', log);
  const before = await page.locator('.notification-toast', { hasText: HINT }).count();
  await page.locator('.pane .monaco-list-row', { hasText: 'collectstatic has been run' }).first().click();
  await waitFor(async () => (await page.locator('.notification-toast', { hasText: HINT }).count()) > before || (await page.locator('.notifications-center .notification-list-item', { hasText: HINT }).count()) > 0, { timeoutMs: 20_000, message: () => fail('04-tree', 'clicking the collectstatic row did not run the task (no new hint)') });
  log('clicking the collectstatic row in the view ran the task again');

  // 5. the WSGI vs ASGI view
  await runCommand(page, 'Django Deploy: Compare WSGI and ASGI');
  await page.locator('.part.editor .tab', { hasText: 'WSGI vs ASGI' }).first().waitFor({ timeout: 30_000 }).catch(() => fail('05-compare', 'no WSGI vs ASGI tab'));
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('h1', { hasText: 'WSGI vs ASGI' }).waitFor({ timeout: 30_000 }).catch(() => fail('05-compare', 'the webview did not render'));
  const body = plain(await view.locator('body').textContent());
  for (const expected of ['Recommended: WSGI', 'wsgi.py', 'gunicorn mysite.wsgi:application --bind 127.0.0.1:8000', 'WSGI and ASGI compared']) {
    if (!body.includes(expected)) await fail('05-compare', `the view does not show "${expected}"`);
  }
  // Keyboard: Tab reaches a Copy button.
  await view.locator('body').click();
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'Copy'; i++) {
    await page.keyboard.press('Tab');
    focused = await view.locator(':focus').textContent().catch(() => '');
  }
  if (focused !== 'Copy') await fail('05-compare', 'Tab never reached a Copy button');
  await shot(page, 'deploy-05-compare.png', log);
  await page.locator('.part.editor').screenshot({ path: join(OUTPUT_DIR, 'deploy-compare-editor.png') }).catch(() => undefined);
  log('compare view: recommendation, entry point, gunicorn line; a Copy button reachable by keyboard');
}

runMain('ui-deploy', main);
