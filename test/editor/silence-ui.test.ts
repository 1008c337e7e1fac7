// Silent outside Django in a real VS Code (code-server in chromium, driven with Playwright): a
// FastAPI project gets no squiggle, no Problems row, no status bar item and no checklist view.
// The work happens in test/editor/ui/silenceFlow.mjs (a separate ESM process); this file maps its
// exit code. Skips (exit 77) when code-server, playwright-core or chromium cannot be installed.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('code-server: a FastAPI project gets no squiggle, Problems row, status bar item or checklist view', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/silenceFlow.mjs', [], 280_000);
});
