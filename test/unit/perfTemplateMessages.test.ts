// Messages written once per context and reused (a raw path recurs in template after template),
// copied flat (one byte a character when they fit) and paths taken from the static index: none
// of it may change a finding. Each template read with a context that has already read others
// gives exactly the findings a fresh context gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTemplate, CHUNK_SIZE, type TemplateContext } from '../../server/src/engine/templates/templateRules';
import { project } from './helpers';

function context(staticDirs = "[BASE_DIR / 'static']"): TemplateContext {
  const p = project({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n",
    'shop/__init__.py': '',
    'shop/settings.py': [
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "INSTALLED_APPS = ['django.contrib.staticfiles']",
      "STATIC_URL = '/static/'",
      `STATICFILES_DIRS = ${staticDirs}`,
      "TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates'], 'APP_DIRS': True, 'OPTIONS': {}}]",
      '',
    ].join('\n'),
  }, { djangoVersion: '4.2' });
  p.addKnownFiles(['css/site.css', 'img/logo.png', 'img/é.png', 'js/app.js'].map((f) => `/proj/static/${f}`));
  p.addKnownFiles(['css/site.css'].map((f) => `/proj/assets/${f}`));
  return p.templateContext();
}

/** Raw paths served and missing, in attributes, srcset, CSS and {% static %}; some text past U+00FF. */
function page(n: number, wide: boolean): string {
  return [
    '{% load static %}',
    wide ? '<h1>Catalogue — page ' + n + ' ✓</h1>' : `<h1>Catalogue page ${n}</h1>`,
    '<link rel="stylesheet" href="/static/css/site.css">',
    `<img src="/static/img/logo.png" srcset="/static/img/logo.png 1x, /static/img/missing-${n % 3}.png 2x">`,
    '<img src="/static/img/é.png">',
    `<img src="/static/img/ü-${n % 2}.png">`,
    '<div style="background: url(\'/static/img/logo.png\')"></div>',
    `<script src="{% static 'js/app-${n % 4}.js' %}"></script>`,
    `<script src="js/app.js"></script><script src="img/missing-${n}.js"></script>`,
    '',
  ].join('\n');
}

test('a context that has read other templates gives each template the findings of a fresh context', () => {
  const shared = context();
  for (let n = 0; n < 12; n++) {
    for (const wide of [false, true]) {
      const file = `/proj/templates/p${n}.html`;
      const text = page(n, wide);
      const again = analyseTemplate(file, text, shared).findings;
      const fresh = analyseTemplate(file, text, context()).findings;
      assert.deepEqual(again, fresh, `page ${n}${wide ? ' (wide)' : ''}`);
      assert.ok(fresh.some((f) => f.code === 'DJD205') && fresh.some((f) => f.code === 'DJD201'), 'the page has findings of both kinds');
    }
  }
  assert.ok((shared.messages?.size ?? 0) > 0, 'messages were kept');
});

test('each message is the one its line gets when it is read alone (no message of another place or path)', () => {
  const shared = context();
  for (let n = 0; n < 6; n++) analyseTemplate(`/proj/templates/p${n}.html`, page(n, n % 2 === 0), shared);
  const text = page(7, true);
  for (const f of analyseTemplate('/proj/templates/p7.html', text, shared).findings) {
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    const lineEnd = text.indexOf('\n', f.start);
    const head = '{% load static %}\n';
    const alone = analyseTemplate('/proj/templates/alone.html', head + text.slice(lineStart, lineEnd), context()).findings;
    const same = alone.find((g) => g.code === f.code && g.start - head.length === f.start - lineStart);
    assert.equal(same?.message, f.message, `${f.code} at ${f.start}`);
  }
});

test('messages are per context: where a file is served from differs between two settings', () => {
  const text = page(1, true);
  const a = analyseTemplate('/proj/templates/a.html', text, context()).findings;
  const b = analyseTemplate('/proj/templates/a.html', text, context("[BASE_DIR / 'assets', BASE_DIR / 'static']")).findings;
  const served = (f: typeof a) => f.find((x) => x.message.includes("'/static/css/site.css' bypasses"))!.message;
  assert.match(served(a), /served from STATICFILES_DIRS\[0\]/);
  assert.match(served(b), /served from STATICFILES_DIRS\[0\]/);
  const logo = (f: typeof a) => f.find((x) => x.message.startsWith("Raw static path in <img src>: '/static/img/logo.png'"))!.message;
  assert.notEqual(logo(a), logo(b), 'img/logo.png comes from the second folder with the second settings');
});

test('the kept messages stay bounded, and findings stay right past the bound', () => {
  const shared = context();
  const text = Array.from({ length: 10_500 }, (_, i) => `<img src="/static/img/gone-${i}.png">`).join('\n');
  const again = analyseTemplate('/proj/templates/many.html', text, shared, undefined, Number.MAX_SAFE_INTEGER).findings;
  assert.ok(shared.messages!.size <= 10_000, `${shared.messages!.size} messages kept`);
  const big = analyseTemplate('/proj/templates/many.html', text, shared, undefined, CHUNK_SIZE).findings;
  const fresh = analyseTemplate('/proj/templates/many.html', text, context(), undefined, Number.MAX_SAFE_INTEGER).findings;
  assert.equal(again.length, 10_500);
  assert.deepEqual(again, fresh);
  assert.deepEqual(big.map((f) => f.message), fresh.map((f) => f.message));
});
