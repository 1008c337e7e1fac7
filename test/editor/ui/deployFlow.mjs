// The deployment UI test: the checklist and the WSGI vs ASGI view in VS Code (code-server in
// chromium, driven with Playwright), the way a user meets them. Opens a temp copy of
// examples/mysite and:
//   1. runs "Django Deploy: Show Deployment Checklist" from the command palette (F1) and sees
//      the Quick Pick list every item, with ✓ / ✗ / ⚠ / ? marks and the failing DEBUG item,
//   2. chooses the DEBUG item and sees the editor open the settings file on the DEBUG line,
//   3. runs "Django Deploy: Compare WSGI and ASGI" and sees the webview: the recommendation,
//      this project's wsgi.py, and the gunicorn command line for mysite.wsgi.
// Screenshots of each step: test-output/ui/deploy-*.png. Exit 0 pass, 77 skip (no code-server
// or chromium), 1 fail. Uses the dist/ that `node scripts/build.mjs` made (copied to a temp folder).
//
//   node test/editor/ui/deployFlow.mjs
import { join } from 'node:path';
import { runMain, OUTPUT_DIR, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, openEditor, waitFor, shot, plain, sleep } from './common.mjs';

const log = makeLog('ui-deploy');

/** F1, the command's title, Enter. */
async function runCommand(page, title) {
  await page.locator('.monaco-workbench .part.editor').click();
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title, { delay: 10 });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await sleep(300);
  await page.keyboard.press('Enter');
}

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddd-');
  const folder = copyExample(root);
  const extension = await copyBuiltExtension(root);
  const { page, fail } = await openEditor({ log, prefix: 'deploy', folder, extension });

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
  if (!texts.some((t) => /^[✓✗⚠?] /.test(t))) await fail('01-checklist', `no ✓ ✗ ⚠ ? marks: ${JSON.stringify(texts)}`);
  const debugRow = texts.find((t) => t.includes('DEBUG is off in production'));
  if (!debugRow.startsWith('✗')) await fail('01-checklist', `examples/mysite has DEBUG = True in its settings: the DEBUG row should fail (${debugRow})`);

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

  // 3. the WSGI vs ASGI view
  await runCommand(page, 'Django Deploy: Compare WSGI and ASGI');
  await page.locator('.part.editor .tab', { hasText: 'WSGI vs ASGI' }).first().waitFor({ timeout: 30_000 }).catch(() => fail('03-compare', 'no WSGI vs ASGI tab'));
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('h1', { hasText: 'WSGI vs ASGI' }).waitFor({ timeout: 30_000 }).catch(() => fail('03-compare', 'the webview did not render'));
  const body = plain(await view.locator('body').textContent());
  for (const expected of ['Recommended: WSGI', 'wsgi.py', 'gunicorn mysite.wsgi:application --bind 127.0.0.1:8000', 'WSGI and ASGI compared']) {
    if (!body.includes(expected)) await fail('03-compare', `the view does not show "${expected}"`);
  }
  // Keyboard: Tab reaches a Copy button.
  await view.locator('body').click();
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'Copy'; i++) {
    await page.keyboard.press('Tab');
    focused = await view.locator(':focus').textContent().catch(() => '');
  }
  if (focused !== 'Copy') await fail('03-compare', 'Tab never reached a Copy button');
  await shot(page, 'deploy-03-compare.png', log);
  await page.locator('.part.editor').screenshot({ path: join(OUTPUT_DIR, 'deploy-compare-editor.png') }).catch(() => undefined);
  log('compare view: recommendation, entry point, gunicorn line; a Copy button reachable by keyboard');
}

runMain('ui-deploy', main);
