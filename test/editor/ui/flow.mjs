// The UI test: Django Deploy in VS Code (code-server in chromium, driven with Playwright), the way a
// user meets it. Opens a temp copy of examples/mysite, opens mysite/settings/production.py, and:
//   1. sees the squiggle under DEBUG on `DEBUG = os.environ.get('DJANGO_DEBUG', 'False')`,
//   2. hovers it: the hover names security.W018,
//   3. opens the Problems panel (Ctrl+Shift+M): a row with security.W018,
//   4. clicks into DEBUG, presses Ctrl+., picks "Read DEBUG from the environment: off unless
//      DJANGO_DEBUG=1 (…)" with the arrow keys + Enter,
//   5. sees the line become `DEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'`, the squiggle on it
//      and the security.W018 row go away; saves (Ctrl+S) and finds the fix on disk.
// Screenshots of each step: test-output/ui/flow-*.png. Exit 0 pass, 77 skip (no code-server or
// chromium), 1 fail. Uses the dist/ that `node scripts/build.mjs` made (copied to a temp folder).
//
//   node test/editor/ui/flow.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  runMain, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, openEditor,
  openFile, lineAndWord, squigglesOnLine, waitFor, problemRows, shot, plain, sleep,
} from './common.mjs';

const log = makeLog('ui-flow');
const SETTINGS = 'mysite/settings/production.py';
const CODE = 'security.W018';
const FIX_TITLE = 'Read DEBUG from the environment: off unless DJANGO_DEBUG=1 (set DJANGO_DEBUG=1 where you develop)';
// The file's own quote style (single quotes): the fix follows it.
const FIXED = "DEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'";
const DEBUG_LINE = /^\s*DEBUG\s*=/;

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddf-');
  const folder = copyExample(root);
  const extension = await copyBuiltExtension(root);
  const lineNo = readFileSync(join(folder, SETTINGS), 'utf8').split('\n').findIndex((l) => DEBUG_LINE.test(l)) + 1;
  if (!lineNo) throw new Error(`no DEBUG line in examples/${SETTINGS}`);
  log(`project: temp copy of examples/mysite; ${SETTINGS}:${lineNo}; extension copied to ${extension}`);

  const { page, fail } = await openEditor({ log, prefix: 'flow', folder, extension });
  await shot(page, 'flow-01-workbench.png', log);

  // 1. open the settings file, see the squiggle under DEBUG
  const editor = await openFile(page, SETTINGS, lineNo);
  log(`opened ${SETTINGS}`);
  const first = await lineAndWord(editor, DEBUG_LINE, 'DEBUG');
  let { lineBox, at } = first;
  await waitFor(async () => (await squigglesOnLine(editor, first.line)).length, {
    timeoutMs: 45_000,
    message: () => fail('02-squiggle', `no squiggle under DEBUG on ${SETTINGS}:${lineNo} within 45 s`),
  });
  log(`squiggle under DEBUG (${await editor.locator('.squiggly-warning, .squiggly-error').count()} squiggles in the file)`);
  await shot(page, 'flow-02-squiggle.png', log);

  // 2. hover the squiggled word: the hover names the Django code
  await page.mouse.move(at.x + 40, at.y + 200);
  await sleep(200);
  await page.mouse.move(at.x, at.y);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: CODE }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => fail('03-hover', `no hover naming ${CODE} over DEBUG`));
  const hoverText = plain(await hover.textContent());
  log(`hover: ${hoverText.slice(0, 160)}…`);
  if (!hoverText.includes(CODE)) await fail('03-hover', `hover text lacks ${CODE}: ${hoverText}`);
  await shot(page, 'flow-03-hover.png', log);
  await page.mouse.move(at.x + 600, at.y + 300);
  await page.keyboard.press('Escape');
  await sleep(300);

  // 3. the Problems panel lists the finding
  let rows = await problemRows(page);
  const rowWithCode = () => rows.find((r) => r.includes(CODE));
  if (!rowWithCode()) {
    await waitFor(async () => { rows = await problemRows(page, { open: false }); return rowWithCode(); }, {
      timeoutMs: 10_000, message: () => fail('04-problems', `no Problems row with ${CODE}; rows:\n${rows.join('\n')}`),
    });
  }
  log(`Problems panel: ${rows.length} rows; ${rowWithCode().slice(0, 140)}`);
  await shot(page, 'flow-04-problems.png', log);

  // 4. click into DEBUG (focus back in the editor), Ctrl+., pick the fix with the arrow keys, Enter
  ({ lineBox, at } = await lineAndWord(editor, DEBUG_LINE, 'DEBUG'));
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(at.x + 600, at.y + 300);
  await sleep(300);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => fail('05-menu', 'Ctrl+. opened no quick-fix menu'));
  await menu.getByText(FIX_TITLE, { exact: false }).first().waitFor({ timeout: 10_000 })
    .catch(async () => fail('05-menu', `the quick-fix menu does not offer "${FIX_TITLE}": ${(await menu.locator('.monaco-list-row').allTextContents()).join(' | ')}`));
  let picked = false;
  for (let i = 0; i < 15; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').first().textContent().catch(() => '');
    if (focused && focused.includes(FIX_TITLE)) { picked = true; break; }
    await page.keyboard.press('ArrowDown');
    await sleep(120);
  }
  const entries = (await menu.locator('.monaco-list-row').allTextContents()).map((t) => t.trim()).filter(Boolean);
  log(`quick-fix menu: ${entries.join(' | ')}`);
  if (!picked) await fail('05-menu', `could not highlight "${FIX_TITLE}" with the arrow keys`);
  await shot(page, 'flow-05-quickfix-menu.png', log);
  await page.keyboard.press('Enter');

  // 5. the text changed; the squiggle on the line and the W018 row are gone
  const viewText = async () => plain(await editor.locator('.view-lines').textContent());
  await waitFor(async () => (await viewText()).includes(FIXED), {
    timeoutMs: 10_000, message: async () => fail('06-fixed', `the editor does not show ${FIXED}:\n${await viewText()}`),
  });
  log(`editor shows: ${FIXED}`);
  // Measured once: "no squiggle" must not pass just because the line is being re-rendered.
  ({ lineBox } = await lineAndWord(editor, DEBUG_LINE, "DEBUG"));
  await waitFor(async () => (await squigglesOnLine(editor, lineBox)).length === 0, {
    timeoutMs: 20_000, message: () => fail('06-fixed', 'the squiggle under DEBUG is still there after the fix'),
  });
  await waitFor(async () => { rows = await problemRows(page, { open: false }); return rows.length > 0 && !rows.some((r) => r.includes(CODE)); }, {
    timeoutMs: 20_000, message: () => fail('06-fixed', `a Problems row with ${CODE} is still there after the fix:\n${rows.join('\n')}`),
  });
  log(`squiggle under DEBUG gone; no ${CODE} among the ${rows.length} Problems rows`);
  await shot(page, 'flow-06-fixed.png', log);

  // save, and the file on disk has the fix
  await page.mouse.click(at.x, lineBox.y + lineBox.height / 2);
  await page.keyboard.press('Control+S');
  const file = join(folder, SETTINGS);
  await waitFor(() => readFileSync(file, 'utf8').includes(FIXED), {
    timeoutMs: 10_000, message: () => fail('07-saved', `${SETTINGS} on disk lacks the fix after Ctrl+S`),
  });
  log(`saved: ${SETTINGS} on disk has the fix`);
}

runMain('ui-flow', main, { timeoutMs: 240_000 });
