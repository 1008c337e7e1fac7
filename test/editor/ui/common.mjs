// Shared by the editor scripts in this folder (flow.mjs, templateFlow.mjs, deployFlow.mjs,
// package.mjs): skip/exit conventions, starting code-server and Chromium,
// cleanup on every exit path, temp copies of the example project and of the built extension, and
// the workbench gestures (open a file, find squiggles, hover, Problems panel, quick fix) done with
// keyboard and mouse like a person would. Uses scripts/editor/code-server.mjs as is.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  repoRoot, ensureInstalled, chromiumPath, codeServerEntry, cacheDir, startCodeServer, launchChromium, workbenchUrl, quietSettings,
} from '../../../scripts/editor/code-server.mjs';

export { repoRoot };
export const SKIP = 77;
export const OUTPUT_DIR = join(repoRoot, 'test-output/ui');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function makeLog(name) {
  const t0 = Date.now();
  return (msg) => console.log(`[${name} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}

// ------------------------------------------------------------------ cleanup and exit paths
const cleanups = [];
/** Registers a cleanup step; they run last-in first-out, once, on success, failure, timeout or signal. */
export function onCleanup(what, fn) { cleanups.push([what, fn]); }
let cleaned = false;
export async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  while (cleanups.length) {
    const [what, fn] = cleanups.pop();
    try {
      await Promise.race([fn(), sleep(15_000).then(() => { throw new Error('timed out'); })]);
    } catch (err) {
      console.error(`cleanup: could not ${what}: ${err.message}`);
    }
  }
}

class Skip extends Error {}
/** Throws; main() turns it into exit code 77 with a "SKIP: reason" line. */
export function skip(reason) { throw new Skip(reason); }

/**
 * Runs main() with a global timeout, then the cleanups, then exits: 0 pass, 77 skip, 1 fail.
 * SIGINT/SIGTERM (e.g. the node:test wrapper's timeout) also run the cleanups.
 */
export function runMain(name, main, { timeoutMs = 240_000 } = {}) {
  const finish = async (code, message) => {
    await cleanup();
    if (message) console.log(message);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => { finish(1, `[${name}] FAILED: interrupted by ${signal}`); });
  }
  const timer = setTimeout(() => { finish(1, `[${name}] FAILED: global timeout of ${timeoutMs / 1000}s`); }, timeoutMs);
  main().then(
    () => { clearTimeout(timer); return finish(0, `[${name}] PASSED`); },
    (err) => {
      clearTimeout(timer);
      if (err instanceof Skip) return finish(SKIP, `SKIP: ${err.message}`);
      return finish(1, `[${name}] FAILED: ${err.stack ?? err}`);
    },
  );
}

/**
 * code-server, playwright-core and chromium: runs scripts/editor/install-code-server.sh (fast when
 * all is in place). Skips when they cannot be installed, or when EDITOR_TESTS_NO_INSTALL=1 and
 * they are missing.
 */
export function requireEditorTools(log) {
  const have = () => existsSync(codeServerEntry) && existsSync(chromiumPath)
    && existsSync(join(cacheDir, 'node_modules/playwright-core/package.json'));
  if (process.env.EDITOR_TESTS_NO_INSTALL === '1') {
    if (!have()) skip(`code-server/playwright-core (${cacheDir}) or ${chromiumPath} missing and EDITOR_TESTS_NO_INSTALL=1`);
    return;
  }
  log('checking code-server, playwright-core and chromium (scripts/editor/install-code-server.sh)');
  try {
    ensureInstalled({ quiet: true });
  } catch (err) {
    const lines = String(err.message).split('\n').map((l) => l.trim()).filter(Boolean);
    const cause = lines.slice(1).filter((l) => /error|fail|missing|cannot|denied|not found/i.test(l)).pop() ?? lines.pop();
    skip(`code-server/playwright-core/chromium could not be installed (scripts/editor/install-code-server.sh failed): ${cause}`);
  }
  if (!have()) skip(`code-server, playwright-core or ${chromiumPath} still missing after install-code-server.sh`);
}

/** A short temp folder (unix sockets under it stay under 108 bytes), removed at cleanup. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join('/tmp', prefix));
  onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/** A temp copy of examples/mysite (the project the README and issue talk about). */
export function copyExample(root) {
  const example = join(repoRoot, 'examples/mysite');
  if (!existsSync(join(example, 'manage.py'))) throw new Error(`${example} is missing`);
  const folder = join(root, 'mysite');
  cpSync(example, folder, { recursive: true, filter: (src) => !/__pycache__/.test(src) });
  return folder;
}

/** What VS Code loads from the extension folder (the same list as .vscodeignore lets in). */
export const SHIPPED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images', 'syntaxes', 'snippets', 'language-configuration'];

/**
 * Where the built extension is taken from: the repository (package.json, dist/ and the shipped
 * folders), or DJANGO_DEPLOY_EXTENSION_DIR, a folder laid out the same way (a private build that
 * a concurrent `node scripts/build.mjs` cannot replace).
 */
export const extensionSource = process.env.DJANGO_DEPLOY_EXTENSION_DIR ? resolve(process.env.DJANGO_DEPLOY_EXTENSION_DIR) : repoRoot;

/**
 * A copy of the built extension (package.json, dist/ and contributions) in a temp folder, so that
 * a concurrent rebuild of the repo's dist/ cannot pull the files away mid-run. Waits a little for
 * dist/ in case another build is writing it right now.
 */
export async function copyBuiltExtension(root) {
  const need = ['dist/client.js', 'dist/server.js'].map((f) => join(extensionSource, f));
  for (let i = 0; i < 120 && !need.every(existsSync); i++) await sleep(250);
  const missing = need.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`${missing.map((f) => relative(repoRoot, f)).join(', ')} missing: run node scripts/build.mjs first`);
  const dir = join(root, 'ext');
  mkdirSync(dir);
  for (const name of [...SHIPPED, 'dist']) {
    const src = join(extensionSource, name);
    if (existsSync(src)) cpSync(src, join(dir, name), { recursive: true });
  }
  return dir;
}

/** Error lines from the extension host logs and the extension's own log, for failure messages. */
export function extensionLogs(userDataDir) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost\.log$|Django Deploy\.log$/.test(entry.name)) {
        lines.push(`--- ${relative(userDataDir, full)}`);
        lines.push(...readFileSync(full, 'utf8').split('\n').filter((l) => /error|django|exception|activat/i.test(l)).slice(0, 25));
      }
    }
  };
  try { walk(join(userDataDir, 'logs')); } catch { /* no logs yet */ }
  return lines.join('\n');
}

/** Workbench settings for predictable automation (on top of code-server.mjs's quietSettings). */
export const uiSettings = {
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'editor.cursorBlinking': 'solid',
  'editor.hover.delay': 300,
  'editor.lightbulb.enabled': 'off',
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'workbench.editor.enablePreviewFromQuickOpen': false,
  'files.exclude': { '**/__pycache__': true },
  'problems.sortOrder': 'position',
  'files.autoSave': 'off',
};

// ------------------------------------------------------------------ workbench gestures

/** Saves a screenshot under test-output/ui/<prefix>-<name>. */
export async function shot(page, name, log) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  try {
    await page.screenshot({ path });
    log?.(`screenshot ${relative(repoRoot, path)}`);
  } catch (err) {
    log?.(`screenshot ${name} failed: ${err.message}`);
  }
  return path;
}

/** Collects the page's console into lines (written to test-output/ui/<name>-console.log at cleanup). */
export function recordConsole(page, name) {
  const lines = [];
  page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  onCleanup('write the browser console', async () => {
    const { writeFileSync } = await import('node:fs');
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, `${name}-console.log`), lines.join('\n') + '\n');
  });
  return lines;
}

/** Loads the workbench and waits until the editor area and the explorer are drawn. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 }).catch(() => {});
  await sleep(1000);
}

/** Ctrl+P, the workspace-relative path, Enter; then Ctrl+G to the line. Returns the editor locator. */
export async function openFile(page, relFile, line) {
  await page.locator('.monaco-workbench .part.editor').click();
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(relFile, { delay: 15 });
  await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 15_000 });
  await sleep(500);
  await page.keyboard.press('Enter');
  const editor = page.locator('.part.editor .monaco-editor').first();
  await editor.locator('.view-line').first().waitFor({ timeout: 15_000 });
  const tab = page.locator('.part.editor .tab.active');
  const base = relFile.split('/').pop();
  await tab.filter({ hasText: base }).first().waitFor({ timeout: 10_000 });
  if (line) {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${line}:1`);
    await page.keyboard.press('Enter');
    await sleep(300);
  }
  return editor;
}

/** The rendered text of a `.view-line` / `.view-lines` with the non-breaking spaces made plain. */
export const plain = (s) => (s ?? '').replace(/\u00a0/g, ' ');

/** The `.view-line` whose text matches `re`, and the box of `word` in it. */
export async function lineAndWord(editor, re, word) {
  const line = editor.locator('.view-line', { hasText: re }).first();
  await line.waitFor({ timeout: 10_000 });
  const span = line.locator('span span', { hasText: word }).first();
  const lineBox = await line.boundingBox();
  const box = (await span.count()) ? await span.boundingBox() : lineBox;
  return { line, lineBox, at: { x: box.x + Math.min(14, box.width / 2), y: box.y + box.height / 2 } };
}

/**
 * Squiggle decorations whose vertical middle falls inside a line: a `.view-line` locator (measured
 * on every call, since the editor re-renders lines) or a box. A line that is not laid out at this
 * instant has no squiggles yet.
 */
export async function squigglesOnLine(editor, line) {
  const lineBox = typeof line?.boundingBox === 'function' ? await line.boundingBox().catch(() => null) : line;
  if (!lineBox) return [];
  const boxes = [];
  for (const s of await editor.locator('.squiggly-warning, .squiggly-error').all()) {
    const b = await s.boundingBox().catch(() => null);
    if (b && b.y + b.height / 2 >= lineBox.y && b.y + b.height / 2 <= lineBox.y + lineBox.height) boxes.push(b);
  }
  return boxes;
}

/** Waits until `check()` returns something truthy; throws `message()` after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 30_000, interval = 250, message = () => 'condition not met' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(typeof message === 'function' ? await message() : message);
    await sleep(interval);
  }
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns the texts of its rows once there is one. */
export async function problemRows(page, { open = true } = {}) {
  if (open) await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 }).catch(() => {});
  return (await rows.allTextContents()).map(plain);
}

/**
 * code-server on `folder` with the built `extension`, Chromium on its workbench, both stopped at
 * cleanup. `fail(step, message)` saves test-output/ui/<prefix>-FAILED-<step>.png and throws
 * with the extension's logs.
 */
export async function openEditor({ log, prefix, folder, extension, settings = {} }) {
  const server = await startCodeServer({ folder, settings: { ...quietSettings, ...uiSettings, ...settings } });
  onCleanup('stop code-server', () => server.stop());
  log(`code-server ${server.url} (pid ${server.pid})`);
  const context = await launchChromium({ viewport: { width: 1400, height: 900 } });
  onCleanup('close chromium', () => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  recordConsole(page, prefix);
  const fail = async (step, message) => {
    await shot(page, `${prefix}-FAILED-${step}.png`, log);
    throw new Error(`${message}\n(screenshot test-output/ui/${prefix}-FAILED-${step}.png)\n${extensionLogs(server.userDataDir)}`);
  };
  await openWorkbench(page, workbenchUrl({ url: server.url, folder, extensionDevelopmentPath: extension }));
  return { server, page, fail };
}

/** F1, a command's title, Enter (the palette row with that title). `focus`: click the editor area first. */
export async function runCommand(page, title, { focus = true } = {}) {
  if (focus) await page.locator('.monaco-workbench .part.editor').click();
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title, { delay: 10 });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await sleep(300);
  // Fuzzy matching may put another command first (recently used, or a longer title).
  const focused = async () => plain(await page.locator('.quick-input-widget .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '') ?? '');
  for (let i = 0; i < 10 && !(await focused()).startsWith(title); i++) {
    await page.keyboard.press('ArrowDown');
    await sleep(100);
  }
  await page.keyboard.press('Enter');
}

/** The workbench's class for each colour theme kind, and the webviews' body class. */
export const THEMES = [
  { name: 'Default Dark Modern', label: 'Dark Modern', slug: 'dark', workbench: 'vs-dark', body: 'vscode-dark' },
  { name: 'Default Light Modern', label: 'Light Modern', slug: 'light', workbench: 'vs', body: 'vscode-light' },
  { name: 'Default High Contrast', label: 'Dark High Contrast', slug: 'hc-dark', workbench: 'hc-black', body: 'vscode-high-contrast' },
  { name: 'Default High Contrast Light', label: 'Light High Contrast', slug: 'hc-light', workbench: 'hc-light', body: 'vscode-high-contrast-light' },
];

/**
 * Switches the colour theme the way a person does: "Preferences: Color Theme", the theme's label,
 * its row, Enter; waits until the workbench wears it.
 */
export async function setColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme', { focus: false });
  await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 15_000 });
  await page.keyboard.type(theme.label, { delay: 10 });
  await sleep(400);
  // The picker labels themes without "Default"; typing may add a marketplace search row (an
  // error row offline): walk to the theme's row.
  const focusedLabel = async () => plain(await page.locator('.quick-input-widget .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '') ?? '').trim();
  for (let i = 0; i < 12 && !(await focusedLabel()).startsWith(theme.label); i++) {
    await page.keyboard.press('ArrowDown');
    await sleep(150);
  }
  if (!(await focusedLabel()).startsWith(theme.label)) {
    const rows = (await page.locator('.quick-input-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).join(' | ');
    throw new Error(`no "${theme.label}" row in the color theme list (rows: ${rows})`);
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.monaco-workbench.${theme.workbench}`, { timeout: 15_000 });
  await sleep(500);
}

/**
 * WCAG 2 contrast of every element matching `selector` inside a frame (a Playwright
 * FrameLocator): its computed colour against the background it is drawn on (its own and its
 * ancestors', alpha composited). Returns [{ text, ratio, color, background, border }].
 */
export async function contrastOf(frame, selector) {
  return frame.locator(selector).evaluateAll((elements) => {
    const parse = (c) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c) ?? /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const scale = c.startsWith('color(') ? 255 : 1;
      return [Number(m[1]) * scale, Number(m[2]) * scale, Number(m[3]) * scale, m[4] === undefined ? 1 : Number(m[4])];
    };
    const over = (top, bottom) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    };
    const luminance = ([r, g, b]) => {
      const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return elements.map((el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
      let background = [255, 255, 255, 1];
      for (const layer of layers.reverse()) background = over(layer, background);
      const style = getComputedStyle(el);
      const color = over(parse(style.color), background);
      const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a);
      return {
        text: el.textContent.slice(0, 60),
        ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
        color: style.color,
        background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        border: style.borderTopStyle === 'none' ? 'none' : `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
      };
    });
  });
}
