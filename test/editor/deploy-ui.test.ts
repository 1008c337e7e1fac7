// A user's-eye check of the deployment commands in VS Code (code-server in chromium, driven with
// Playwright): the checklist from the command palette, an item opening its place, the collectstatic
// item running its task and the interpreter hint, the Deployment Checklist view's coloured icons,
// and the WSGI vs ASGI webview. The work happens in test/editor/ui/deployFlow.mjs (a separate ESM process); this
// file maps its exit code. Skips (exit 77) when code-server, playwright-core or chromium cannot be
// installed.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('code-server: deployment checklist from the palette and the view, rows open places or run their command, WSGI vs ASGI view', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/deployFlow.mjs', [], 280_000);
});
