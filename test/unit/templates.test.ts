// Template rules: raw asset paths, {% load static %}, static paths the finders serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DjangoProject } from '../../server/src/engine/project/project';
import { applyEdits, safeFixEdits } from '../../server/src/engine/fixAll';
import type { Finding } from '../../server/src/engine/findings';

const ROOT = '/site';
const SETTINGS = `from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.staticfiles', 'blog.apps.BlogConfig']
STATIC_URL = '/static/'
STATIC_ROOT = BASE_DIR / 'staticfiles'
STATICFILES_DIRS = [BASE_DIR / 'assets', ('vendor', BASE_DIR / 'third_party')]
MEDIA_URL = '/media/'
TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates'], 'APP_DIRS': True, 'OPTIONS': {}}]
`;
const STATIC_FILES = ['assets/favicon.ico', 'assets/css/site.css', 'assets/img/logo.png', 'assets/img/logo@2x.png', 'assets/js/app.js', 'third_party/htmx.min.js', 'blog/static/blog/post.css', 'assets/fonts/x.woff2'];

function site(templates: Record<string, string>, settings = SETTINGS): DjangoProject {
  const p = new DjangoProject(ROOT);
  p.setConfig({ djangoVersion: '4.2' });
  p.setFile(`${ROOT}/manage.py`, "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
  p.setFile(`${ROOT}/mysite/__init__.py`, '');
  p.setFile(`${ROOT}/mysite/settings.py`, settings);
  p.setFile(`${ROOT}/blog/__init__.py`, '');
  p.setFile(`${ROOT}/blog/apps.py`, 'from django.apps import AppConfig\nclass BlogConfig(AppConfig):\n    name = "blog"\n');
  p.addKnownFiles(STATIC_FILES.map((f) => `${ROOT}/${f}`));
  for (const [rel, text] of Object.entries(templates)) p.setFile(`${ROOT}/${rel}`, text);
  return p;
}

const T = `${ROOT}/templates/page.html`;
const codes = (f: Finding[]) => f.map((x) => x.code).sort();
const covered = (p: DjangoProject, f: Finding) => p.text(f.file)!.slice(f.start, f.end);
function fixAll(p: DjangoProject, file: string): string {
  const edits = safeFixEdits(p.findingsFor(file)).get(file) ?? [];
  const next = applyEdits(p.text(file)!, edits);
  p.setFile(file, next);
  return next;
}

test('raw /static/ paths and root-relative paths to known files are flagged; fix rewrites and loads static', () => {
  const p = site({ 'templates/page.html': '{% extends "base.html" %}\n{% block content %}\n<img src="/static/img/logo.png?v=3#top" alt="">\n<link rel="stylesheet" href="/css/site.css">\n<script src="js/app.js"></script>\n{% endblock %}\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD201', 'DJD201', 'DJD201']);
  assert.equal(covered(p, f[0]), '/static/img/logo.png?v=3#top');
  const fixed = fixAll(p, T);
  assert.equal(
    fixed,
    '{% extends "base.html" %}\n{% load static %}\n{% block content %}\n<img src="{% static \'img/logo.png\' %}?v=3#top" alt="">\n<link rel="stylesheet" href="{% static \'css/site.css\' %}">\n<script src="{% static \'js/app.js\' %}"></script>\n{% endblock %}\n',
  );
  assert.deepEqual(p.findingsFor(T), [], 'clean after the fix');
});

test('never flagged: page links, absolute and protocol-relative URLs, data:, #, dynamic values, MEDIA_URL, comments, verbatim', () => {
  const text = [
    '{% load static %}',
    '<a href="/static/img/logo.png">a page link is not an asset</a>',
    '<img src="https://cdn.example.com/static/img/logo.png">',
    '<img src="//cdn.example.com/img/logo.png">',
    '<img src="data:image/png;base64,AAAA">',
    '<img src="#">',
    '<img src="{{ post.image.url }}">',
    '<img src="{% static "img/logo.png" %}">',
    '<img src="/media/uploads/x.png">',
    '<!-- <img src="/static/img/logo.png"> -->',
    '{# <img src="/static/img/logo.png"> #}',
    '{% comment %}<img src="/static/img/logo.png">{% endcomment %}',
    '{% verbatim %}<img src="/static/img/logo.png">{% endverbatim %}',
    '<script>const u = "/static/js/app.js";</script>',
    '<img src="img/unknown-page-thing">',
    '<link rel="icon" href="/favicon.ico">',
    '',
  ].join('\n');
  const p = site({ 'templates/page.html': text });
  assert.deepEqual(p.findingsFor(T), []);
});

test('srcset candidates, CSS url() and @import, style attributes; quotes opposite to the attribute', () => {
  const text = "{% load static %}\n<img srcset=\"/static/img/logo.png 1x, /static/img/logo@2x.png 2x\">\n<div style='background: url(/static/img/logo.png)'></div>\n<style>\n@import \"/static/css/site.css\";\n.x { background: url('/static/img/logo.png'); }\n</style>\n";
  const p = site({ 'templates/page.html': text });
  assert.equal(p.findingsFor(T).filter((f) => f.code === 'DJD201').length, 5);
  const fixed = fixAll(p, T);
  assert.match(fixed, /srcset="\{% static 'img\/logo\.png' %\} 1x, \{% static 'img\/logo@2x\.png' %\} 2x"/);
  assert.match(fixed, /style='background: url\(\{% static "img\/logo\.png" %\}\)'/);
  assert.match(fixed, /@import "\{% static 'css\/site\.css' %\}";/);
  assert.match(fixed, /url\('\{% static "img\/logo\.png" %\}'\)/);
  assert.equal((fixed.match(/\{% load static %\}/g) ?? []).length, 1);
});

test('STATICFILES_DIRS prefixes and app static folders resolve like the finders', () => {
  const p = site({ 'templates/page.html': '{% load static %}\n<script src="{% static \'vendor/htmx.min.js\' %}"></script>\n<link rel="stylesheet" href="{% static \'blog/post.css\' %}">\n<link rel="stylesheet" href="{% static \'admin/css/base.css\' %}">\n<img src="{% static \'img/logoo.png\' %}">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD205'], 'admin/… may come from django.contrib.admin, which we cannot see');
  assert.equal(covered(p, f[0]), 'img/logoo.png');
  assert.match(f[0].message, /Missing staticfiles manifest entry/);
  assert.equal(f[0].fixes[0].title, "Did you mean 'img/logo.png'?");
});

test('{% static %} without {% load static %}: error with the insertion fix; a load after the use does not count; builtins do', () => {
  const p = site({ 'templates/page.html': '{% extends "base.html" %}\n{% load i18n %}\n<img src="{% static \'img/logo.png\' %}">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD203']);
  assert.equal(f[0].severity, 'error');
  assert.equal(fixAll(p, T), '{% extends "base.html" %}\n{% load i18n static %}\n<img src="{% static \'img/logo.png\' %}">\n', 'merged into the load that precedes the use');
  const late = site({ 'templates/page.html': '<img src="{% static \'img/logo.png\' %}">\n{% load static %}\n' });
  assert.deepEqual(codes(late.findingsFor(T)), ['DJD203']);
  const builtin = site({ 'templates/page.html': '<img src="{% static \'img/logo.png\' %}">\n<img src="/static/img/logo.png">\n' }, SETTINGS.replace("'OPTIONS': {}", "'OPTIONS': {'builtins': ['django.templatetags.static']}"));
  const bf = builtin.findingsFor(T);
  assert.deepEqual(codes(bf), ['DJD201']);
  assert.ok(bf[0].fixes[0].edits.every((e) => !e.newText.includes('load')), 'no load inserted when builtins provide it');
  const alias = site({ 'templates/page.html': '{% load assets %}\n<img src="{% static \'img/logo.png\' %}">\n' }, SETTINGS.replace("'OPTIONS': {}", "'OPTIONS': {'libraries': {'assets': 'django.templatetags.static'}}"));
  assert.deepEqual(alias.findingsFor(T), []);
});

test('{% load static %} goes before the first use, never after it: after {% extends %}, merged into a plain load or on its own line', () => {
  // A real template: the first use at the top, a project library loaded much further down.
  const late = site({ 'templates/page.html': '{% extends "base.html" %}\n{% block content %}\n<img src="{% static \'img/logo.png\' %}">\n{% load my_tags %}\n{% endblock %}\n' });
  assert.equal(fixAll(late, T), '{% extends "base.html" %}\n{% load static %}\n{% block content %}\n<img src="{% static \'img/logo.png\' %}">\n{% load my_tags %}\n{% endblock %}\n');
  // The raw path the fix rewrites is the first use: the load goes before it, not after the later load.
  const raw = site({ 'templates/page.html': '<img src="/static/img/logo.png">\n{% load my_tags %}\n' });
  assert.equal(fixAll(raw, T), '{% load static %}\n<img src="{% static \'img/logo.png\' %}">\n{% load my_tags %}\n');
  // `{% load x from y %}` names tags, not libraries: never merged.
  const from = site({ 'templates/page.html': '{% load humanize from humanize %}\n<img src="{% static \'img/logo.png\' %}">\n' });
  assert.equal(fixAll(from, T), '{% load humanize from humanize %}\n{% load static %}\n<img src="{% static \'img/logo.png\' %}">\n');
  // The use on the same line as the extends: right after the tag.
  const inline = site({ 'templates/page.html': '{% extends "base.html" %}{% block a %}<img src="{% static \'img/logo.png\' %}">{% endblock %}\n' });
  assert.equal(fixAll(inline, T), '{% extends "base.html" %}{% load static %}{% block a %}<img src="{% static \'img/logo.png\' %}">{% endblock %}\n');
  // CRLF files keep CRLF.
  const crlf = site({ 'templates/page.html': '{% extends "base.html" %}\r\n<img src="{% static \'img/logo.png\' %}">\r\n' });
  assert.equal(fixAll(crlf, T), '{% extends "base.html" %}\r\n{% load static %}\r\n<img src="{% static \'img/logo.png\' %}">\r\n');
});

test("url('…') inside a double-quoted style attribute: the url() loses its quotes, no quote inside the attribute's own", () => {
  const p = site({ 'templates/page.html': '{% load static %}\n<div style="background: url(\'/static/img/logo.png\')"></div>\n<div style=\'background: url("/static/img/logo.png?v=2")\'></div>\n<style>.a { background: url(\'/static/img/logo.png\'); }</style>\n' });
  assert.equal(
    fixAll(p, T),
    '{% load static %}\n<div style="background: url({% static \'img/logo.png\' %})"></div>\n<div style=\'background: url({% static "img/logo.png" %}?v=2)\'></div>\n<style>.a { background: url(\'{% static "img/logo.png" %}\'); }</style>\n',
  );
});

test('a raw path to a file no finder serves is not rewritten: the "did you mean" paths are separate, explicit fixes', () => {
  const p = site({ 'templates/page.html': '<img src="/static/img/logoo.png">\n<img srcset="/static/img/logo.png 1x, /static/img/nope.png 2x">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD201', 'DJD201', 'DJD201']);
  const [typo, served, missing] = f;
  assert.match(typo.message, /no static folder has 'img\/logoo\.png'.*Did you mean 'img\/logo\.png'\?/);
  assert.deepEqual(typo.fixes.map((x) => [x.title, x.safe]), [["Use {% static 'img/logo.png' %} (did you mean 'img/logo.png'?)", false]]);
  const guessed = typo.fixes[0].edits.map((e) => e.newText);
  assert.ok(guessed.includes("{% static 'img/logo.png' %}") && guessed.includes('{% load static %}\n'), guessed.join(' | '));
  // The srcset's fix rewrites the served candidate only, and is safe.
  assert.equal(served.fixes[0].safe, true);
  assert.deepEqual(served.fixes[0].edits.map((e) => e.newText), ["{% static 'img/logo.png' %}", '{% load static %}\n']);
  assert.ok(missing.fixes.every((x) => !x.safe));
  // Fix-all: only what will work.
  assert.equal(fixAll(p, T), '{% load static %}\n<img src="/static/img/logoo.png">\n<img srcset="{% static \'img/logo.png\' %} 1x, /static/img/nope.png 2x">\n');
});

test('{% load staticfiles %} and admin_static are errors on Django 3.0+, fixed to static', () => {
  const p = site({ 'templates/page.html': '{% load i18n staticfiles %}\n<img src="{% static \'img/logo.png\' %}">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD204'], 'the removed library is the one problem: its fix loads static');
  assert.equal(fixAll(p, T), '{% load i18n static %}\n<img src="{% static \'img/logo.png\' %}">\n');
});

test('{{ STATIC_URL }} and {% get_static_prefix %} prefixes: a hint with the fix', () => {
  const p = site({ 'templates/page.html': '{% load static %}\n<img src="{{ STATIC_URL }}img/logo.png">\n<img src="{% get_static_prefix %}img/logo.png">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD206', 'DJD206']);
  assert.equal(f[0].severity, 'hint');
  assert.equal(fixAll(p, T), '{% load static %}\n<img src="{% static \'img/logo.png\' %}">\n<img src="{% static \'img/logo.png\' %}">\n');
});

test('relative asset paths no finder serves get a milder diagnostic, not a fix-all rewrite', () => {
  const p = site({ 'templates/page.html': '<link rel="stylesheet" href="styles/missing.css">\n' });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD202']);
  assert.equal(f[0].severity, 'information');
  assert.equal(safeFixEdits(f).size, 0);
});

test('deleting a static file updates {% static %} findings; adding it back clears them', () => {
  const p = site({ 'templates/page.html': "{% load static %}\n<img src=\"{% static 'img/logo.png' %}\">\n" });
  assert.deepEqual(p.findingsFor(T), []);
  p.removeFile(`${ROOT}/assets/img/logo.png`, true);
  assert.deepEqual(codes(p.findingsFor(T)), ['DJD205']);
  p.addKnownFiles([`${ROOT}/assets/img/logo.png`]);
  assert.deepEqual(p.findingsFor(T), []);
});

test('template files: templates/ folders, TEMPLATES DIRS, app templates, marked documents; inline ignore', () => {
  const p = site({ 'blog/templates/blog/post.html': '<img src="/static/img/logo.png">\n', 'templates/ok.html': '<img src="/static/img/logo.png">{# django-deploy: ignore[DJD201] #}\n' });
  assert.ok(p.templateFiles().includes(`${ROOT}/blog/templates/blog/post.html`));
  assert.deepEqual(codes(p.findingsFor(`${ROOT}/blog/templates/blog/post.html`)), ['DJD201']);
  assert.deepEqual(p.findingsFor(`${ROOT}/templates/ok.html`), []);
  p.setFile(`${ROOT}/pages/landing.html`, '<img src="/static/img/logo.png">\n');
  assert.deepEqual(p.findingsFor(`${ROOT}/pages/landing.html`), [], 'not a template until the editor says so');
  p.markTemplate(`${ROOT}/pages/landing.html`);
  assert.deepEqual(codes(p.findingsFor(`${ROOT}/pages/landing.html`)), ['DJD201']);
  assert.ok(p.allFindings().some((f) => f.file === `${ROOT}/blog/templates/blog/post.html`));
});

test('completion inside {% static %}: folder by folder, from every finder', () => {
  const text = "{% load static %}\n<img src=\"{% static 'img/lo";
  const p = site({ 'templates/page.html': text });
  const top = p.staticCompletions(T, text.indexOf("'img/") + 1);
  assert.deepEqual(top.map((c) => c.label), ['blog/', 'css/', 'fonts/', 'img/', 'js/', 'vendor/', 'favicon.ico'], 'folders first, then files');
  const inImg = p.staticCompletions(T, text.length);
  assert.deepEqual(inImg.map((c) => c.label), ['logo.png', 'logo@2x.png']);
  assert.equal(inImg[0].kind, 'file');
  assert.equal(inImg[0].detail, 'STATICFILES_DIRS[0]');
  assert.equal(text.slice(inImg[0].start, inImg[0].end), 'lo', 'replaces the segment being typed');
  assert.deepEqual(p.staticCompletions(T, 5), [], 'nothing outside a {% static %} string');
});

test('links and hover on {% static %} paths point at the file that serves them', () => {
  const text = "{% load static %}\n<script src=\"{% static 'vendor/htmx.min.js' %}\"></script>\n<img src=\"{% static 'img/missing.png' %}\">\n";
  const p = site({ 'templates/page.html': text });
  const links = p.staticLinks(T);
  assert.equal(links.length, 1);
  assert.equal(text.slice(links[0].start, links[0].end), 'vendor/htmx.min.js');
  assert.equal(links[0].target, `${ROOT}/third_party/htmx.min.js`);
  const hover = p.staticHover(T, text.indexOf('htmx') + 1)!;
  assert.match(hover.contents, /Served from `third_party\/htmx\.min\.js`/);
  assert.match(hover.contents, /STATICFILES\\_DIRS\\\[1\\\]/, 'escaped Markdown');
  assert.match(hover.contents, /Renders to `\/static\/vendor\/htmx\.min\.js`/);
  assert.match(p.staticHover(T, text.indexOf('missing') + 1)!.contents, /No static folder/);
});

test('thousands of random edits of a template never throw; every range and fix stays inside the text', { timeout: 120_000 }, () => {
  let seed = 99;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const original = [
    '{% extends "base.html" %}',
    '{% load i18n %}',
    '{% block content %}',
    '<img src="/static/img/logo.png?v=1" srcset="/static/img/logo.png 1x, img/logo@2x.png 2x" alt="{% trans "Logo" %}">',
    '<link rel="stylesheet" href="{% static "css/site.css" %}">',
    '<div style="background: url(\'/static/img/logo.png\')" {% if a > b %}class="x"{% endif %}></div>',
    '<style>@import "/static/css/site.css"; .a { background: url(/static/img/logo.png) }</style>',
    '{% comment %}<img src="/static/x.png">{% endcomment %}{# <img src="/static/y.png"> #}',
    '<script src="{{ STATIC_URL }}js/app.js"></script>',
    '{% endblock %}',
    '',
  ].join('\n');
  const fragments = ['<', '>', '"', "'", '{%', '%}', '{{', '}}', '{#', '#}', '\n', ' ', '/static/', 'url(', ')', '=', '<img src="', '{% static \'', '\r\n', '😀'];
  const p = site({ 'templates/page.html': original });
  let text = original;
  for (let i = 0; i < 2000; i++) {
    if (random() < 0.05) text = original;
    const pos = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.4) text = text.slice(0, pos) + fragments[Math.floor(random() * fragments.length)] + text.slice(pos);
    else if (kind < 0.8) text = text.slice(0, pos) + text.slice(pos + Math.floor(random() * 20));
    else text = text.slice(0, pos);
    p.setFile(T, text);
    const findings = p.findingsFor(T);
    for (const f of findings) {
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `edit ${i}: ${f.code} outside the text`);
      for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `edit ${i}: ${f.code} fix outside the text`);
    }
    applyEdits(text, safeFixEdits(findings).get(T) ?? []);
    const at = Math.floor(random() * (text.length + 1));
    p.staticCompletions(T, at);
    p.staticLinks(T);
    p.staticHover(T, at);
  }
});

test('each TEMPLATES entry is its own engine: builtins of one do not apply to the templates of another; Jinja2 templates are not Django templates', () => {
  const engines = SETTINGS.replace(
    /^TEMPLATES = .*$/m,
    `TEMPLATES = [
    {'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates'], 'APP_DIRS': True, 'OPTIONS': {}},
    {'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'emails'], 'OPTIONS': {'builtins': ['django.templatetags.static']}},
    {'BACKEND': 'django.template.backends.jinja2.Jinja2', 'DIRS': [BASE_DIR / 'jinja'], 'APP_DIRS': True},
]`,
  );
  const uses = '<img src="{% static \'img/logo.png\' %}">\n<img src="/static/img/logo.png">\n';
  const p = site({ 'templates/page.html': uses, 'emails/welcome.html': uses, 'jinja/page.html': uses, 'blog/jinja2/blog/list.html': uses, 'blog/templates/blog/post.html': uses }, engines);
  // The main engine: no builtin, so the load is missing and the fix adds it.
  assert.deepEqual(codes(p.findingsFor(T)), ['DJD201', 'DJD203']);
  assert.equal(fixAll(p, T), "{% load static %}\n<img src=\"{% static 'img/logo.png' %}\">\n<img src=\"{% static 'img/logo.png' %}\">\n");
  // App templates: APP_DIRS of the main engine.
  assert.deepEqual(codes(p.findingsFor(`${ROOT}/blog/templates/blog/post.html`)), ['DJD201', 'DJD203']);
  // The e-mail engine has the builtin: no load needed, none added.
  const email = `${ROOT}/emails/welcome.html`;
  assert.deepEqual(codes(p.findingsFor(email)), ['DJD201']);
  assert.equal(fixAll(p, email), "<img src=\"{% static 'img/logo.png' %}\">\n<img src=\"{% static 'img/logo.png' %}\">\n");
  // Jinja2's folders (DIRS, and apps' jinja2/ with APP_DIRS): not Django templates.
  for (const f of [`${ROOT}/jinja/page.html`, `${ROOT}/blog/jinja2/blog/list.html`]) {
    assert.deepEqual(p.findingsFor(f), [], f);
    assert.equal(p.isTemplate(f), false, f);
  }
  // A folder both Django engines read: judged by the strictest (the load is needed).
  const both = engines.replace("'DIRS': [BASE_DIR / 'emails']", "'DIRS': [BASE_DIR / 'emails', BASE_DIR / 'templates']");
  assert.deepEqual(codes(site({ 'templates/page.html': uses }, both).findingsFor(T)), ['DJD201', 'DJD203']);
});

test('lazy-loading attributes, a srcset mixing {% static %} and raw candidates, page-relative paths into STATIC_URL, prefix {% static %}', () => {
  const p = site({
    'templates/page.html': [
      '{% load static %}',
      '<img data-src="/static/img/logo.png" data-srcset="/static/img/logo.png 1x, /static/img/logo@2x.png 2x">',
      `<img srcset="{% static 'img/logo.png' %} 1x, /static/img/logo@2x.png 2x">`,
      '<img src="../static/img/logo.png">',
      `<script>const base = "{% static '/' %}", images = "{% static 'img/' %}";</script>`,
      '',
    ].join('\n'),
  });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD201', 'DJD201', 'DJD201', 'DJD201', 'DJD201'], f.map((x) => `${x.code} ${covered(p, x)}`).join(' | '));
  assert.deepEqual(f.map((x) => covered(p, x)), ['/static/img/logo.png', '/static/img/logo.png', '/static/img/logo@2x.png', '/static/img/logo@2x.png', '../static/img/logo.png']);
  assert.equal(
    fixAll(p, T),
    [
      '{% load static %}',
      `<img data-src="{% static 'img/logo.png' %}" data-srcset="{% static 'img/logo.png' %} 1x, {% static 'img/logo@2x.png' %} 2x">`,
      `<img srcset="{% static 'img/logo.png' %} 1x, {% static 'img/logo@2x.png' %} 2x">`,
      `<img src="{% static 'img/logo.png' %}">`,
      `<script>const base = "{% static '/' %}", images = "{% static 'img/' %}";</script>`,
      '',
    ].join('\n'),
  );
  assert.deepEqual(p.findingsFor(T), [], 'clean after the fix: the prefixes are not missing files');
});

test('defects found on real templates: no {% static %} written inside {% blocktrans %}, a quote in a file name is never dropped, a query string in {% static %} is not a missing file', () => {
  const p = site({
    'templates/page.html': [
      '{% load i18n %}',
      '{% blocktrans %}Download <a href="{{ STATIC_URL }}img/logo.png">the logo</a> or <img src="/static/img/logo.png">{% endblocktrans %}',
      '<img src="/static/img/logo.png">',
      `<img src="/static/img/o'neil.png">`,
      '{% load static %}',
      `<link rel="icon" href="{% static 'img/logo.png?v=2' %}">`,
      '',
    ].join('\n'),
  });
  p.addKnownFiles([`${ROOT}/assets/img/o'neil.png`]);
  const f = p.findingsFor(T);
  const inBlock = f.filter((x) => p.text(T)!.lastIndexOf('{% blocktrans %}', x.start) > p.text(T)!.lastIndexOf('{% endblocktrans %}', x.start));
  assert.equal(inBlock.length, 2, f.map((x) => `${x.code} ${covered(p, x)}`).join(' | '));
  for (const x of inBlock) {
    assert.deepEqual(x.fixes, [], `${x.code}: no rewrite inside the block`);
    assert.match(x.message, /inside \{% blocktrans %\}/);
  }
  const quoted = f.find((x) => covered(p, x).includes("o'neil"))!;
  assert.deepEqual(quoted.fixes, [], 'no rewrite that would drop the quote');
  assert.ok(!f.some((x) => x.code === 'DJD205'), 'img/logo.png?v=2 is img/logo.png');
  const fixed = fixAll(p, T);
  assert.ok(fixed.includes('{% blocktrans %}Download <a href="{{ STATIC_URL }}img/logo.png">the logo</a> or <img src="/static/img/logo.png">{% endblocktrans %}'), fixed);
  assert.ok(fixed.includes(`<img src="/static/img/o'neil.png">`), fixed);
  assert.ok(fixed.includes(`<img src="{% static 'img/logo.png' %}">`), fixed);
  // The existing {% load static %} comes after that rewrite: the load merged into the earlier one.
  assert.ok(fixed.startsWith('{% load i18n static %}\n'), fixed);
});

test('an app library that registers its own {% static %} tag provides it: no DJD203, and no {% load static %} added after it (it would replace the project tag)', () => {
  const cdn = "from django import template\nregister = template.Library()\n\n@register.simple_tag(name='static')\ndef cdn_static(path):\n    return 'https://cdn.example.com/' + path\n";
  const template = "{% load cdn %}\n<link href=\"{% static 'css/site.css' %}\">\n<img src=\"/static/img/logo.png\">\n";
  const p = site({ 'blog/templatetags/__init__.py': '', 'blog/templatetags/cdn.py': cdn, 'templates/page.html': template });
  const f = p.findingsFor(T);
  assert.deepEqual(codes(f), ['DJD201']);
  // Its tag may render another URL (here a CDN): the rewrite is offered, never applied by fix-all.
  assert.equal(f[0].fixes[0].safe, false);
  assert.match(f[0].fixes[0].title, /the project's own \{% static %\} tag/);
  assert.equal(fixAll(p, T), template);
  // Without the registration, the same template lacks the load.
  const plain = site({ 'blog/templatetags/__init__.py': '', 'blog/templatetags/cdn.py': cdn.replace("name='static'", "name='cdn'"), 'templates/page.html': template });
  assert.ok(codes(plain.findingsFor(T)).includes('DJD203'));
});
