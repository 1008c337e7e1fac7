// A user's-eye check in VS Code (code-server in chromium, driven with Playwright): open the example
// project, see the squiggle in the production settings, hover it, find it in the Problems panel,
// apply the quick fix with Ctrl+. and see the text change and the warning go away.
// The work happens in test/editor/ui/flow.mjs (a separate ESM process); this file maps its exit code.
// Skips (exit 77) when code-server, playwright-core or chromium cannot be installed.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('code-server: squiggle, hover, Problems panel and quick fix on the example project', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/flow.mjs', [], 280_000);
});
