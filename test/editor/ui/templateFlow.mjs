// The templates UI test: Django Deploy on a Django template in VS Code (code-server in chromium,
// driven with Playwright), the way a user meets it. Opens a temp copy of examples/mysite (its
// STATICFILES_DIRS serves static/css/site.css) with one more template written into the copy,
// templates/pages/about.html, whose <link> uses a raw "/static/css/site.css", and:
//   1. sees the squiggle (DJD201) on the raw path,
//   2. puts the cursor in it, presses Ctrl+., picks "Use {% static 'css/site.css' %}" with the
//      arrow keys + Enter,
//   3. sees the editor text hold {% static 'css/site.css' %} and {% load static %} (after the
//      {% extends %} line), and the squiggle go away,
//   4. types {% static 'css/ on a new line and sees the suggest widget offer site.css (Ctrl+Space
//      when it does not open by itself).
// Screenshots of each step: test-output/ui/templates-*.png. Exit 0 pass, 77 skip (no code-server
// or chromium), 1 fail. Uses the dist/ that `node scripts/build.mjs` made (copied to a temp folder).
//
//   node test/editor/ui/templateFlow.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  runMain, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, openEditor,
  openFile, squigglesOnLine, waitFor, shot, plain, sleep,
} from './common.mjs';

const log = makeLog('ui-templates');
const TEMPLATE = 'templates/pages/about.html';
const RAW = '/static/css/site.css';
const TEXT = `{% extends "base.html" %}\n{% block content %}\n  <link rel="stylesheet" href="${RAW}">\n  <p>About us</p>\n{% endblock %}\n`;
const FIX_TITLE = "Use {% static 'css/site.css' %}";
const FIXED = "{% static 'css/site.css' %}";
const LOAD = '{% load static %}';
const COMPLETION = 'site.css';

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddt-');
  const folder = copyExample(root);
  writeFileSync(join(folder, TEMPLATE), TEXT);
  const extension = await copyBuiltExtension(root);
  const lines = TEXT.split('\n');
  const lineNo = lines.findIndex((l) => l.includes(RAW)) + 1;
  const column = lines[lineNo - 1].indexOf(RAW) + 1 + 'static/'.length + 2; // inside "css"
  log(`project: temp copy of examples/mysite + ${TEMPLATE}; raw path at ${lineNo}:${column}; extension copied to ${extension}`);

  // no auto-closed quotes or brackets: what is typed is what the editor holds
  const { page, fail } = await openEditor({ log, prefix: 'templates', folder, extension, settings: { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'html.autoClosingTags': false } });
  await shot(page, 'templates-01-workbench.png', log);

  // 1. open the template, see the squiggle on the raw path
  const editor = await openFile(page, TEMPLATE);
  log(`opened ${TEMPLATE}`);
  const viewText = async () => plain(await editor.locator('.view-lines').textContent());
  const rawLine = editor.locator('.view-line', { hasText: RAW }).first();
  await rawLine.waitFor({ timeout: 10_000 });
  await waitFor(async () => (await squigglesOnLine(editor, rawLine)).length, {
    timeoutMs: 45_000,
    message: () => fail('02-squiggle', `no squiggle on the raw ${RAW} of ${TEMPLATE}:${lineNo} within 45 s`),
  });
  log(`squiggle on ${RAW} (${await editor.locator('.squiggly-warning, .squiggly-error').count()} squiggles in the file)`);
  await shot(page, 'templates-02-squiggle.png', log);

  // 2. cursor into the raw path (Ctrl+G line:column), Ctrl+., pick the fix with the arrow keys, Enter
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${lineNo}:${column}`);
  await page.keyboard.press('Enter');
  await sleep(400);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => fail('03-menu', 'Ctrl+. opened no quick-fix menu'));
  await menu.getByText(FIX_TITLE, { exact: false }).first().waitFor({ timeout: 10_000 })
    .catch(async () => fail('03-menu', `the quick-fix menu does not offer "${FIX_TITLE}": ${(await menu.locator('.monaco-list-row').allTextContents()).join(' | ')}`));
  let picked = false;
  for (let i = 0; i < 15; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').first().textContent().catch(() => '');
    if (focused && plain(focused).includes(FIX_TITLE)) { picked = true; break; }
    await page.keyboard.press('ArrowDown');
    await sleep(120);
  }
  const entries = (await menu.locator('.monaco-list-row').allTextContents()).map((t) => plain(t).trim()).filter(Boolean);
  log(`quick-fix menu: ${entries.join(' | ')}`);
  if (!picked) await fail('03-menu', `could not highlight "${FIX_TITLE}" with the arrow keys`);
  await shot(page, 'templates-03-quickfix-menu.png', log);
  await page.keyboard.press('Enter');

  // 3. the text has the {% static %} tag and the load; the squiggle is gone
  await waitFor(async () => { const t = await viewText(); return t.includes(FIXED) && t.includes(LOAD) && !t.includes(RAW); }, {
    timeoutMs: 10_000, message: async () => fail('04-fixed', `the editor does not show ${FIXED} and ${LOAD}:\n${await viewText()}`),
  });
  const rendered = await editor.locator('.view-line').allTextContents();
  log(`editor shows: ${rendered.map(plain).join(' ⏎ ')}`);
  const tops = await Promise.all((await editor.locator('.view-line').all()).map(async (l) => ({ text: plain(await l.textContent()), y: (await l.boundingBox())?.y ?? 0 })));
  tops.sort((a, b) => a.y - b.y);
  const order = tops.map((l) => l.text.trim());
  if (order.indexOf(LOAD) !== order.findIndex((t) => t.startsWith('{% extends')) + 1) {
    await fail('04-fixed', `${LOAD} is not the line after {% extends %}: ${order.join(' ⏎ ')}`);
  }
  await waitFor(async () => (await editor.locator('.squiggly-warning, .squiggly-error').count()) === 0, {
    timeoutMs: 20_000, message: () => fail('04-fixed', 'squiggles are still there after the fix'),
  });
  log('no squiggle left in the template');
  await shot(page, 'templates-04-fixed.png', log);

  // 4. type {% static 'css/ on a new line: the suggest widget offers site.css
  const lastLine = TEXT.split('\n').length - 1; // after the fix's load line, this is the <p> line: insert above it
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${lastLine}:1`);
  await page.keyboard.press('Enter');
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type(`  <link rel="stylesheet" href="{% static 'css/`, { delay: 30 });
  const suggest = page.locator('.suggest-widget.visible');
  const offered = () => suggest.locator('.monaco-list-row', { hasText: COMPLETION }).first();
  let byItself = true;
  const appeared = await offered().waitFor({ state: 'visible', timeout: 6_000 }).then(() => true, () => false);
  if (!appeared) {
    byItself = false;
    log('the suggest widget did not show site.css by itself: Ctrl+Space');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+Space');
      if (await offered().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape');
      await sleep(500);
    }
  }
  if (!(await offered().isVisible())) {
    const rows = await page.locator('.suggest-widget .monaco-list-row').allTextContents().catch(() => []);
    await fail('05-completion', `the suggest widget does not offer ${COMPLETION} after {% static 'css/ (rows: ${rows.map(plain).join(' | ') || 'none'}; editor: ${await viewText()})`);
  }
  const rows = (await suggest.locator('.monaco-list-row').allTextContents()).map((t) => plain(t).trim());
  log(`suggest widget (${byItself ? 'opened by itself' : 'after Ctrl+Space'}): ${rows.join(' | ')}`);
  await shot(page, 'templates-05-completion.png', log);
  await page.keyboard.press('Escape');
}

runMain('ui-templates', main, { timeoutMs: 240_000 });
