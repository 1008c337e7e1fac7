// Packages the extension the way `npm run package` does, but into a temp staging folder (the repo's
// dist/ is left alone): the .vsix holds only what users need and stays under 1 MB; installed into
// code-server like a user (--install-extension, no development path) it activates and diagnoses.
// The work happens in test/editor/ui/package.mjs (a separate ESM process); this file maps its exit
// code (0 pass, 77 skip, else fail). The first test needs no editor and never skips.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('vsix: built in a staging folder, only what users need, under 1 MB', { timeout: 180_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/package.mjs', ['--contents-only'], 170_000);
});

test('vsix: installed into code-server with --install-extension, it diagnoses a settings file', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/package.mjs', [], 280_000);
});
