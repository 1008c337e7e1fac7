// The WSGI vs ASGI view in every kind of colour theme: code-server in chromium (Playwright) on a
// temp copy of examples/mysite. Opens "Django Deploy: Compare WSGI and ASGI", then for Default
// Dark Modern, Default Light Modern, Default High Contrast and Default High Contrast Light:
//   1. switches the theme from the palette ("Preferences: Color Theme") and waits until the
//      webview's body wears the theme kind's class (vscode-dark, vscode-light,
//      vscode-high-contrast, vscode-high-contrast-light),
//   2. saves test-output/screens/compare-<kind>.png,
//   3. reads, inside the webview frame, the computed colour of every <code> (command lines
//      included), link, button, heading and table cell and of the background each is drawn on,
//      and fails when a WCAG contrast ratio is under 4.5 (3 for the ✓ / ✗ marks, WCAG 1.4.11),
//      or when in a high contrast theme a <code> has no border.
// Exit 0 pass, 77 skip (no code-server or chromium), 1 fail.
//
//   node test/editor/ui/themeFlow.mjs    (DJANGO_DEPLOY_EXTENSION_DIR: see common.mjs)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  runMain, makeLog, requireEditorTools, tempDir, copyExample, copyBuiltExtension, openEditor, waitFor, sleep,
  runCommand, setColorTheme, contrastOf, THEMES, repoRoot,
} from './common.mjs';

const log = makeLog('ui-themes');
const SCREENS = join(repoRoot, 'test-output/screens');
/** WCAG 2 AA for normal text (1.4.3). */
const MIN_CONTRAST = 4.5;
/** WCAG 2 AA for graphical objects such as the ✓ / ✗ marks (1.4.11). */
const MIN_MARK_CONTRAST = 3;

async function main() {
  requireEditorTools(log);
  const root = tempDir('ddh-');
  const folder = copyExample(root);
  const extension = await copyBuiltExtension(root);
  const { page, fail } = await openEditor({ log, prefix: 'themes', folder, extension, settings: { 'workbench.colorTheme': THEMES[0].name } });
  mkdirSync(SCREENS, { recursive: true });

  await runCommand(page, 'Django Deploy: Compare WSGI and ASGI');
  await page.locator('.part.editor .tab', { hasText: 'WSGI vs ASGI' }).first().waitFor({ timeout: 45_000 }).catch(() => fail('01-compare', 'no WSGI vs ASGI tab'));
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('code.line').first().waitFor({ timeout: 30_000 }).catch(() => fail('01-compare', 'the webview shows no command line'));

  const problems = [];
  for (const theme of THEMES) {
    await setColorTheme(page, theme);
    await waitFor(async () => (await view.locator('body').getAttribute('class').catch(() => '') ?? '').split(/\s+/).includes(theme.body), {
      timeoutMs: 15_000,
      message: async () => `the webview body never got the class ${theme.body} (has: ${await view.locator('body').getAttribute('class').catch(() => '?')})`,
    });
    await sleep(600);
    const path = join(SCREENS, `compare-${theme.slug}.png`);
    await page.screenshot({ path });
    log(`${theme.name}: body class "${await view.locator('body').getAttribute('class')}", screenshot test-output/screens/compare-${theme.slug}.png`);

    const code = await contrastOf(view, 'code');
    const other = await contrastOf(view, 'a, button, th, td, h1, h2, h3, .muted, .badge');
    const marks = await contrastOf(view, '.ok, .bad');
    const worst = (rows) => rows.reduce((a, b) => (b.ratio < a.ratio ? b : a), { ratio: Infinity });
    log(`  ${code.length} <code>: lowest contrast ${worst(code).ratio} ("${worst(code).text}" ${worst(code).color} on ${worst(code).background}, border ${worst(code).border}); other text lowest ${worst(other).ratio} ("${worst(other).text}"); ✓/✗ marks lowest ${worst(marks).ratio}`);
    for (const row of [...code, ...other].filter((r) => r.ratio < MIN_CONTRAST)) {
      problems.push(`${theme.name}: "${row.text}" has contrast ${row.ratio} (${row.color} on ${row.background})`);
    }
    for (const row of marks.filter((r) => r.ratio < MIN_MARK_CONTRAST)) {
      problems.push(`${theme.name}: the mark "${row.text}" has contrast ${row.ratio} (${row.color} on ${row.background})`);
    }
    if (theme.body.startsWith('vscode-high-contrast')) {
      for (const row of code.filter((r) => r.border === 'none' || /rgba\(0, 0, 0, 0\)/.test(r.border))) problems.push(`${theme.name}: <code> "${row.text}" has no border (${row.border})`);
    }
  }
  if (problems.length) await fail('02-contrast', `${problems.length} contrast problems:\n${[...new Set(problems)].slice(0, 30).join('\n')}`);
  log(`every <code>, link, button, heading and cell has contrast >= ${MIN_CONTRAST} (marks >= ${MIN_MARK_CONTRAST}) in the four theme kinds; <code> has a border in high contrast`);
}

runMain('ui-themes', main);
