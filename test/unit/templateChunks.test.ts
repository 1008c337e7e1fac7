// Chunked template analysis: after any edit, re-reading only the edited chunks gives exactly the
// findings (and fixes) of reading the whole text at once; unchanged chunks are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTemplate, CHUNK_SIZE, type TemplateAnalysis, type TemplateContext } from '../../server/src/engine/templates/templateRules';
import { project } from './helpers';
// @ts-expect-error: a plain .mjs module shared with the benchmark
import { template } from '../../scripts/bench/templates.mjs';

const FILE = '/proj/templates/page.html';
const WHOLE = Number.MAX_SAFE_INTEGER;

function context(): TemplateContext {
  const p = project({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n",
    'shop/__init__.py': '',
    'shop/settings.py': [
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      'DEBUG = False',
      "INSTALLED_APPS = ['django.contrib.staticfiles']",
      "STATIC_URL = '/static/'",
      "STATIC_ROOT = BASE_DIR / 'staticfiles'",
      "STATICFILES_DIRS = [BASE_DIR / 'static']",
      "MEDIA_URL = '/media/'",
      "TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates'], 'APP_DIRS': True, 'OPTIONS': {}}]",
      '',
    ].join('\n'),
  }, { djangoVersion: '4.2' });
  p.addKnownFiles(['css/site.css', 'css/catalog.css', 'css/print.css', 'js/app.js', 'img/hero.jpg', 'img/placeholder.png', 'img/icons/cart.svg', 'fonts/inter.woff2'].map((f) => `/proj/static/${f}`));
  return p.templateContext();
}

/** Every non-final chunk is clean and ends a line; the chunks are the text. */
function assertChunksValid(a: TemplateAnalysis, label: string) {
  assert.equal(a.chunks.map((c) => c.text).join(''), a.text, `${label}: the chunks are the text`);
  a.chunks.slice(0, -1).forEach((c, i) => {
    assert.ok(c.clean, `${label}: chunk ${i} of ${a.chunks.length} ends with something open`);
    assert.ok(c.text.endsWith('\n'), `${label}: chunk ${i} does not end a line`);
  });
}

const FRAGMENTS = [
  '<', '>', '"', "'", '{%', '%}', '{{', '}}', '{#', '#}', '\n', '\r\n', ' ', '/static/', 'url(', ')', '=',
  '<img src="', '<img src="/static/img/hero.jpg">\n', '{% static \'', '{% load static %}\n', '<!--', '-->',
  '{% comment %}', '{% endcomment %}', '{% verbatim %}', '{% endverbatim %}', '<style>', '</style>',
  '<script>', '</script>', '<title>', '</title>', '<textarea>', '<!DOCTYPE', '<![CDATA[', '<?', '😀',
];

test('random edits: chunked, incremental analysis equals reading the whole text', { timeout: 180_000 }, () => {
  const ctx = context();
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const original: string = template(400, 3, 'Chunks');
  let text = original;
  // Small chunks, so that edits land near and across chunk boundaries.
  let previous = analyseTemplate(FILE, text, ctx, undefined, 256);
  assert.ok(previous.chunks.length > 20, `${previous.chunks.length} chunks`);
  let kept = 0;
  let read = 0;
  for (let i = 0; i < 1500; i++) {
    if (random() < 0.03) text = original;
    const pos = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.45) text = text.slice(0, pos) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + text.slice(pos);
    else if (kind < 0.9) text = text.slice(0, pos) + text.slice(pos + 1 + Math.floor(random() * (random() < 0.1 ? 2000 : 15)));
    else if (kind < 0.95) text = text.slice(0, pos) + text.slice(pos).replace('\n', '');
    else text = text.slice(0, pos);
    const next = analyseTemplate(FILE, text, ctx, previous, 256);
    const whole = analyseTemplate(FILE, text, ctx, undefined, WHOLE);
    assert.equal(whole.chunks.length, 1);
    assertChunksValid(next, `edit ${i}`);
    assert.deepEqual(next.findings, whole.findings, `edit ${i}: findings differ from a whole read`);
    const before = new Set(previous.chunks);
    for (const c of next.chunks) before.has(c) ? kept++ : read++;
    previous = next;
  }
  assert.ok(kept > read * 5, `chunks kept ${kept}, read again ${read}`);
});

test('a fresh chunked read equals a whole read, on the benchmark template and on CRLF text', () => {
  const ctx = context();
  for (const text of [template(2000, 5, 'Big') as string, (template(300, 9, 'Crlf') as string).replace(/\n/g, '\r\n')]) {
    const chunked = analyseTemplate(FILE, text, ctx);
    const whole = analyseTemplate(FILE, text, ctx, undefined, WHOLE);
    assertChunksValid(chunked, 'fresh');
    assert.ok(chunked.findings.length > 10);
    assert.deepEqual(chunked.findings, whole.findings);
  }
});

test('one keystroke in a long template reads one chunk again; the rest is kept', () => {
  const ctx = context();
  const text: string = template(10_000, 42, 'Catalogue');
  const first = analyseTemplate(FILE, text, ctx);
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  const typed = text.slice(0, middle) + 'x' + text.slice(middle);
  const second = analyseTemplate(FILE, typed, ctx, first);
  const old = new Set(first.chunks);
  const reread = second.chunks.filter((c) => !old.has(c));
  assert.ok(first.chunks.length > 40, `${first.chunks.length} chunks`);
  assert.ok(reread.length <= 2, `${reread.length} of ${second.chunks.length} chunks read again`);
  assert.deepEqual(second.findings, analyseTemplate(FILE, typed, ctx, undefined, WHOLE).findings);
  // An opened comment hides everything up to the next {% endcomment %}: the chunks it spans are read again, correctly.
  const commented = typed.slice(0, middle) + '{% comment %}' + typed.slice(middle);
  const third = analyseTemplate(FILE, commented, ctx, second);
  assertChunksValid(third, 'comment');
  assert.deepEqual(third.findings, analyseTemplate(FILE, commented, ctx, undefined, WHOLE).findings);
  const close = commented.indexOf('{% endcomment %}', middle);
  assert.ok(close > middle + CHUNK_SIZE, 'the comment spans chunks');
  assert.ok(third.findings.every((f) => f.start < middle || f.start > close), 'nothing flagged inside the comment');
  // A context change (settings, static files) reads everything again.
  const other = { ...ctx };
  const fourth = analyseTemplate(FILE, commented, other, third);
  assert.ok(fourth.chunks.every((c) => !third.chunks.includes(c)));
});
