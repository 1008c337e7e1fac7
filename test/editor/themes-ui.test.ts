// The WSGI vs ASGI view in the four kinds of colour theme (dark, light, high contrast dark and
// light) in VS Code (code-server in chromium, driven with Playwright): screenshots under
// test-output/screens/ and a WCAG contrast check of every <code>, link, button and cell read
// inside the webview frame. The work happens in test/editor/ui/themeFlow.mjs (a separate ESM
// process); this file maps its exit code. Skips (exit 77) when code-server, playwright-core or
// chromium cannot be installed.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('code-server: the WSGI vs ASGI view is readable in dark, light and both high contrast themes', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/themeFlow.mjs', [], 280_000);
});
