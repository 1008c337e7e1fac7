// A user's-eye check of template support in VS Code (code-server in chromium, driven with
// Playwright): open a template with a raw /static/ path, see the squiggle, apply the {% static %}
// quick fix with Ctrl+., see the text change ({% static %} and {% load static %}) and the squiggle
// go away, then type {% static 'css/ and see site.css in the suggest widget.
// The work happens in test/editor/ui/templateFlow.mjs (a separate ESM process); this file maps its
// exit code. Skips (exit 77) when code-server, playwright-core or chromium cannot be installed.
import { test } from 'node:test';
import { runEditorScript } from './ui/runScript';

test('code-server: template squiggle, {% static %} quick fix and static path completion', { timeout: 300_000 }, async (t) => {
  await runEditorScript(t, 'test/editor/ui/templateFlow.mjs', [], 280_000);
});
