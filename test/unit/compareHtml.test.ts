// The WSGI vs ASGI page (client/src/compareHtml.ts, no vscode needed): every string that comes
// from the project is escaped, the Content Security Policy allows only the nonce'd style and
// script and nothing remote, and links and copy buttons refer to indexes, never to URIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderComparison, esc, type ProjectComparison } from '../../client/src/compareHtml';

const EVIL = `<img src=x onerror="alert('x')">`;
const at = (label: string, line = 0) => ({ uri: 'file:///p/mysite/settings.py', range: { start: { line, character: 0 }, end: { line, character: 4 } }, label });

function project(): ProjectComparison {
  return {
    root: '/p',
    name: `shop ${EVIL}`,
    settingsModule: `mysite.settings${EVIL}`,
    runFrom: '.',
    wsgi: { module: 'mysite.wsgi', location: at('application', 3), application: true, defaultSettings: 'mysite.settings' },
    asgi: undefined,
    wsgiApplication: at(`${EVIL}.wsgi.application`, 10),
    asgiApplication: undefined,
    asyncViews: [at(`async def ${EVIL}`, 20)],
    channels: { installedApps: [], routing: [], consumers: [], channelLayers: false },
    servers: [{ id: 'gunicorn', name: 'Gunicorn', interface: 'wsgi', summary: 's', install: 'pip install gunicorn', docsUrl: 'https://docs.djangoproject.com/', line: `gunicorn mysite.wsgi:application --bind 127.0.0.1:8000 ${EVIL}`, requirement: at(`gunicorn ${EVIL}`, 1) }],
    recommendation: { interface: 'wsgi', reasons: [`because ${EVIL}`] },
    warnings: [{ message: `careful ${EVIL}`, places: [at('x', 2)] }],
    rows: [['Protocol', 'WSGI', 'ASGI']],
  };
}

test('project strings are escaped everywhere; the only tags are the page’s own', () => {
  const page = renderComparison([project()], 'NONCE123', (l) => `settings.py:${l.range.start.line + 1}`);
  assert.ok(!page.html.includes('<img'), 'no tag from the project survives');
  assert.ok(!/onerror="/.test(page.html), 'no attribute from the project survives');
  assert.ok(page.html.includes(esc(EVIL)), 'the text is shown, escaped');
  assert.equal(esc(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
});

test('Content Security Policy: default none, the nonce for style and script, no remote resource, one script', () => {
  const { html } = renderComparison([project()], 'NONCE123', () => 'x');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(csp, "default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';");
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="NONCE123">/);
  assert.match(html, /<style nonce="NONCE123">/);
  assert.ok(!/(src|href)="(https?:)?\/\//.test(html), 'nothing loaded from elsewhere');
  const tags = html.replace(/<script[\s\S]*?<\/script>/, '').match(/<[a-z][^>]*>/gi) ?? [];
  assert.ok(tags.length > 20);
  // Attribute names only (quoted values, escaped project text among them, are removed first).
  assert.deepEqual(tags.filter((t) => /\son[a-z]+\s*=/i.test(t.replace(/"[^"]*"/g, '""'))), [], 'no inline event handlers in any tag');
});

test('links and copy buttons are indexes into what the extension keeps', () => {
  const page = renderComparison([project()], 'n', (l) => `settings.py:${l.range.start.line + 1}`);
  const opens = [...page.html.matchAll(/data-open="(\d+)"/g)].map((m) => Number(m[1]));
  const copies = [...page.html.matchAll(/data-copy="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(opens, page.locations.map((_, i) => i));
  assert.deepEqual(copies, page.texts.map((_, i) => i));
  assert.equal(page.texts[0], project().servers[0].line, 'the copy button copies the exact line, unescaped');
  assert.ok(page.locations.some((l) => l.range.start.line === 20), 'the async view is a link');
  assert.match(page.html, /Recommended: WSGI/);
  assert.match(page.html, /<h3>WSGI \(recommended\)<\/h3>/);
});

test('no project: a plain sentence, still a valid page', () => {
  const { html } = renderComparison([], 'n', () => 'x');
  assert.match(html, /No Django project in this workspace\./);
  assert.match(html, /^<!DOCTYPE html>/);
});

test('every colour of the page is a theme variable; high contrast themes get contrast borders', () => {
  const { html } = renderComparison([project()], 'n', () => 'x');
  const style = /<style nonce="n">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const declarations = [...style.matchAll(/([a-z-]+)\s*:\s*([^;}]+)/g)].filter(([, property]) => /color|background|border|outline/.test(property));
  assert.ok(declarations.length > 20);
  for (const [, property, value] of declarations) {
    // Literal colours (#hex, rgb(), names such as green) would ignore the user's theme.
    const literal = value.replace(/var\(--vscode-[\w-]+/g, '').match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(?:black|white|red|green|blue|gray|grey)\b/i);
    assert.equal(literal, null, `${property}: ${value}`);
  }
  for (const kind of ['vscode-high-contrast', 'vscode-high-contrast-light']) {
    assert.match(style, new RegExp(`body\\.${kind} code[^{]*\\{[^}]*border: 1px solid var\\(--vscode-contrastBorder\\)`), `${kind}: code has a contrast border`);
    assert.match(style, new RegExp(`body\\.${kind} code[^{]*\\{[^}]*color: var\\(--vscode-editor-foreground\\)`), `${kind}: code is drawn in the editor's foreground`);
    assert.match(style, new RegExp(`body\\.${kind} a:focus[^{]*\\{[^}]*var\\(--vscode-contrastActiveBorder\\)`), `${kind}: focus uses the active contrast border`);
  }
  assert.match(style, /(^|\n)code \{[^}]*color: var\(--vscode-textPreformat-foreground/, 'code sets its own colour, never the webview default alone');
});
