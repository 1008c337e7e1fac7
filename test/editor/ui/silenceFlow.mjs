// Silent outside Django, where a person looks: code-server in chromium (Playwright) on a temp copy
// of the FastAPI fixture (test/fixtures/nondjango/fastapi: app/config/constants.py full of
// upper-case names, pydantic settings, a Jinja2 template with raw /static/ paths). Opens the
// constants, the settings and the template, waits for the server to have indexed the folder, and
// fails on any squiggle, any Django Deploy entry in the Problems panel, a Django Deploy status bar
// item, or the Deployment Checklist view. Screenshots: test-output/ui/silence-*.png.
// Exit 0 pass, 77 skip (no code-server or chromium), 1 fail.
//
//   node test/editor/ui/silenceFlow.mjs    (DJANGO_DEPLOY_EXTENSION_DIR: see common.mjs)
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runMain, makeLog, requireEditorTools, tempDir, copyBuiltExtension, openEditor, openFile, runCommand, shot, sleep, repoRoot } from './common.mjs';

const log = makeLog('ui-silence');
const FILES = ['app/config/constants.py', 'app/config/settings.py', 'app/templates/index.html'];

async function main() {
  requireEditorTools(log);
  const root = tempDir('dds-');
  const folder = join(root, 'fastapi');
  cpSync(join(repoRoot, 'test/fixtures/nondjango/fastapi'), folder, { recursive: true });
  const extension = await copyBuiltExtension(root);
  const { page, fail } = await openEditor({ log, prefix: 'silence', folder, extension });

  for (const [i, file] of FILES.entries()) {
    await openFile(page, file);
    // Diagnostics arrive within a second of opening in a Django project (the other flows wait for them).
    await sleep(4_000);
    await shot(page, `silence-0${i + 1}-${file.split('/').pop()}.png`, log);
    const squiggles = await page.locator('.part.editor .squiggly-warning, .part.editor .squiggly-error, .part.editor .squiggly-info').count();
    if (squiggles) await fail(`0${i + 1}`, `${squiggles} squiggles in ${file}`);
  }
  const statusItem = await page.locator('.statusbar-item', { has: page.locator('.codicon-rocket') }).count();
  if (statusItem) await fail('04-status', 'a Django Deploy status bar item outside a Django project');
  const view = await page.locator('.pane-header', { hasText: 'Deployment Checklist' }).count();
  if (view) await fail('05-view', 'the Deployment Checklist view shows outside a Django project');

  await runCommand(page, 'View: Focus Problems');
  await sleep(1_000);
  await shot(page, 'silence-06-problems.png', log);
  const problems = await page.locator('.markers-panel .monaco-list-row', { hasText: 'Django Deploy' }).count();
  if (problems) await fail('06-problems', `${problems} Django Deploy rows in the Problems panel`);
  log(`no squiggle in ${FILES.join(', ')}; no status bar item, no checklist view, no Problems row`);
}

runMain('ui-silence', main);
