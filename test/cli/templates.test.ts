// The CLI on templates: test/fixtures/templated checked (DJD2xx codes and 1-based positions),
// fixed with --fix, and rendered with real Django before and after the fix
// (test/cli/render_templates.py): the fix must turn template errors into working templates and
// render every raw /static/… URL exactly as before.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PYTHON, cli, cliJson, copyOf, djangoAvailable, fixture, offsetOf, type JsonDiagnostic } from './helpers';

const TEMPLATED = fixture('templated');
const RENDER = join(ROOT, 'test', 'cli', 'render_templates.py');
const SETTINGS_MODULE = 'storefront.settings';

/** Template names (as get_template sees them) and their files in the fixture. */
const TEMPLATES: Record<string, string> = {
  'base.html': 'templates/base.html',
  'shop/product.html': 'templates/shop/product.html',
  'legacy.html': 'templates/legacy.html',
  'typo.html': 'templates/typo.html',
  'prefix.html': 'templates/prefix.html',
  'late.html': 'templates/late.html',
  'shop/cart.html': 'shop/templates/shop/cart.html',
};
const NAMES = Object.keys(TEMPLATES);
const FILES = Object.values(TEMPLATES);

const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');
const original = (rel: string) => read(TEMPLATED, rel);

/** 1-based line/column of `needle` in `text`, located as the text right after `before`. */
function at(text: string, before: string, needle: string): { line: number; column: number; endLine: number; endColumn: number } {
  const i = text.indexOf(before + needle);
  assert.ok(i >= 0, `fixture text not found: ${before}${needle}`);
  assert.equal(text.indexOf(before + needle, i + 1), -1, `fixture text not unique: ${before}${needle}`);
  const position = (offset: number) => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
  };
  const start = position(i + before.length);
  const end = position(i + before.length + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

interface Expected {
  file: string;
  code: string;
  before: string;
  covers: string;
  severity: string;
}

/** Every DJD2xx finding the fixture should produce: where, and the exact text it covers. */
const EXPECTED: Expected[] = [
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: '<link rel="stylesheet" href="', covers: '/static/css/site.css' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: "background-image: url('", covers: '/static/img/logo.png' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: '<img src="', covers: '/static/img/logo.png?v=2' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: '<img srcset="', covers: '/static/img/logo.png' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: '1x, ', covers: '/static/img/logo@2x.png' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: 'style="background:url(', covers: '/static/img/logo.png' },
  { file: 'templates/base.html', code: 'DJD201', severity: 'warning', before: '{% endif %}src="', covers: '/static/img/logo.png' },
  { file: 'templates/shop/product.html', code: 'DJD203', severity: 'error', before: 'href="', covers: "{% static 'shop/cart.css' %}" },
  { file: 'templates/shop/product.html', code: 'DJD201', severity: 'warning', before: '<script src="', covers: '/static/vendor/htmx.min.js' },
  { file: 'templates/legacy.html', code: 'DJD204', severity: 'error', before: '{% load ', covers: 'staticfiles' },
  { file: 'templates/typo.html', code: 'DJD205', severity: 'warning', before: '{% static \'', covers: 'img/logoo.png' },
  { file: 'templates/prefix.html', code: 'DJD206', severity: 'hint', before: 'href="', covers: '{{ STATIC_URL }}css/site.css' },
  { file: 'templates/late.html', code: 'DJD201', severity: 'warning', before: '<img src="', covers: '/static/img/logo.png' },
  { file: 'shop/templates/shop/cart.html', code: 'DJD201', severity: 'warning', before: 'href="', covers: '/static/shop/cart.css' },
];

/** Lines of base.html that are correct code (or not code at all): no finding may start there. */
const MUST_NOT_FLAG = [
  '{% load static %}',
  `<link rel="icon" href="{% static 'img/logo.png' %}">`,
  'https://cdn.example.com/normalize/8.0.1/normalize.min.css',
  '<script src="{% static "js/app.js" %}" defer></script>',
  `<script src="{% static 'vendor/htmx.min.js' %}" defer></script>`,
  '<body class="{% if a > b %}wide{% else %}narrow{% endif %}">',
  '<a href="/about/">About us</a>',
  '<img src="/media/uploads/banner.jpg"',
  '<!-- the old header: <img src="/static/img/old-logo.png"> -->',
  '{# <img src="/static/img/logo.png"> #}',
  '<link rel="stylesheet" href="/static/css/old.css">',
  '{% verbatim %}<img src="/static/img/logo.png"',
];

const templateDiagnostics = (diagnostics: JsonDiagnostic[]) => diagnostics.filter((d) => /^DJD2\d\d$/.test(d.code));
/** `file` relative to the checked folder (the CLI prints paths relative to its cwd). */
const key = (d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`;

describe('CLI on templates (test/fixtures/templated)', () => {
  test('check --format json: every DJD2xx finding with its code, severity and 1-based range; settings are clean', () => {
    const { run, diagnostics } = cliJson(['.'], { cwd: TEMPLATED });
    assert.equal(run.status, 1, 'errors and warnings: exit 1');
    assert.deepEqual(
      diagnostics.filter((d) => !/^DJD2/.test(d.code)).map(key),
      [],
      'the settings are production-ready: only template findings',
    );
    const found = templateDiagnostics(diagnostics);
    const expected = EXPECTED.map((e) => ({ file: e.file, code: e.code, severity: e.severity, ...at(original(e.file), e.before, e.covers) }));
    assert.deepEqual(found.map(key).sort(), expected.map(key).sort());
    for (const e of expected) {
      const d = found.find((x) => key(x) === key(e))!;
      assert.equal(d.severity, e.severity, key(e));
      assert.deepEqual([d.endLine, d.endColumn], [e.endLine, e.endColumn], `${key(e)}: end of the range`);
      assert.equal(d.settingsModule, SETTINGS_MODULE);
    }
    // The ranges cover exactly the text we meant (positions → offsets → text).
    for (const e of EXPECTED) {
      const text = original(e.file);
      const p = at(text, e.before, e.covers);
      const d = found.find((x) => x.file === e.file && x.line === p.line && x.column === p.column)!;
      assert.equal(text.slice(offsetOf(text, d.line, d.column), offsetOf(text, d.endLine, d.endColumn)), e.covers);
    }
    // Fixability as the CLI reports it: DJD205 (a guess) is not a safe fix; the rest are.
    for (const d of found) assert.equal(d.fixable, d.code !== 'DJD205', `${key(d)} fixable`);
    const typo = found.find((d) => d.code === 'DJD205')!;
    assert.match(typo.message, /Did you mean 'img\/logo\.png'\?/);
    assert.match(found.find((d) => d.code === 'DJD204')!.message, /'staticfiles' is not a registered tag library/);
  });

  test('nothing flagged in correct code, page links, CDN and MEDIA URLs, comments and {% verbatim %}', () => {
    const { diagnostics } = cliJson(['.'], { cwd: TEMPLATED });
    const base = original('templates/base.html').split('\n');
    for (const snippet of MUST_NOT_FLAG) {
      const line = base.findIndex((l) => l.includes(snippet)) + 1;
      assert.ok(line > 0, `fixture line not found: ${snippet}`);
      const hits = diagnostics.filter((d) => d.file === 'templates/base.html' && d.line <= line && d.endLine >= line);
      assert.deepEqual(hits.map(key), [], `base.html:${line} must not be flagged: ${snippet}`);
    }
  });

  test('--rule and SARIF know the template codes', () => {
    const off = cliJson(['--rule', 'DJD201=off', '--rule', 'DJD205=hint', '.'], { cwd: TEMPLATED });
    assert.equal(off.run.stderr, '');
    assert.ok(!off.diagnostics.some((d) => d.code === 'DJD201'));
    assert.equal(off.diagnostics.find((d) => d.code === 'DJD205')?.severity, 'hint');
    const r = cli(['check', '--format', 'sarif', '.'], { cwd: TEMPLATED });
    assert.equal(r.status, 1);
    const run = JSON.parse(r.stdout).runs[0];
    const results = run.results.filter((x: { ruleId: string }) => /^DJD2/.test(x.ruleId));
    assert.equal(results.length, EXPECTED.length);
    for (const result of results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId, `${result.ruleId} has a rule descriptor`);
  });

  test('--fix rewrites the templates; a second check has no DJD201/DJD203/DJD204/DJD206 left', () => {
    const { dir, cleanup } = copyOf(TEMPLATED);
    try {
      const fixed = cliJson(['--fix', '.'], { cwd: dir });
      assert.match(fixed.run.stderr, /^Fixed 13 problems in 6 files\.$/m, fixed.run.stderr);
      assert.equal(fixed.run.status, 1, 'the DJD205 typo (no safe fix) is still a warning');
      assert.deepEqual(templateDiagnostics(fixed.diagnostics).map((d) => d.code), ['DJD205']);

      const base = read(dir, 'templates/base.html');
      const expectedBase = original('templates/base.html')
        .replace('href="/static/css/site.css"', `href="{% static 'css/site.css' %}"`)
        .replace("url('/static/img/logo.png')", `url('{% static "img/logo.png" %}')`)
        .replace('<img src="/static/img/logo.png?v=2"', `<img src="{% static 'img/logo.png' %}?v=2"`)
        .replace('srcset="/static/img/logo.png 1x, /static/img/logo@2x.png 2x"', `srcset="{% static 'img/logo.png' %} 1x, {% static 'img/logo@2x.png' %} 2x"`)
        .replace('style="background:url(/static/img/logo.png)"', `style="background:url({% static 'img/logo.png' %})"`)
        .replace('{% endif %}src="/static/img/logo.png"', `{% endif %}src="{% static 'img/logo.png' %}"`);
      assert.equal(base, expectedBase, 'base.html: every raw path rewritten, nothing else touched');
      assert.equal((base.match(/\{% load static %\}/g) ?? []).length, 1, 'base.html already loads static: no second load');
      for (const untouched of MUST_NOT_FLAG) assert.ok(base.includes(untouched), `base.html keeps: ${untouched}`);

      assert.equal(
        read(dir, 'templates/shop/product.html'),
        original('templates/shop/product.html')
          .replace('{% extends "base.html" %}\n', '{% extends "base.html" %}\n{% load static %}\n')
          .replace('src="/static/vendor/htmx.min.js"', `src="{% static 'vendor/htmx.min.js' %}"`),
        'product.html: {% load static %} right after {% extends %}, which stays first',
      );
      assert.equal(read(dir, 'templates/legacy.html'), original('templates/legacy.html').replace('{% load staticfiles %}', '{% load static %}'));
      assert.equal(read(dir, 'templates/typo.html'), original('templates/typo.html'), 'the did-you-mean fix is not safe: left alone');
      assert.equal(read(dir, 'templates/prefix.html'), `{% load static %}\n<link rel="stylesheet" href="{% static 'css/site.css' %}">\n`);
      assert.equal(
        read(dir, 'templates/late.html'),
        original('templates/late.html')
          .replace('{% extends "base.html" %}\n', '{% extends "base.html" %}\n{% load static %}\n')
          .replace('src="/static/img/logo.png"', `src="{% static 'img/logo.png' %}"`),
        'late.html: {% load static %} before the first use, not after the later {% load shop_tags %}',
      );
      assert.equal(
        read(dir, 'shop/templates/shop/cart.html'),
        '{% load static %}\n' + original('shop/templates/shop/cart.html').replace('href="/static/shop/cart.css"', `href="{% static 'shop/cart.css' %}"`),
      );

      const again = cliJson(['.'], { cwd: dir });
      assert.equal(again.run.status, 1);
      const left = templateDiagnostics(again.diagnostics);
      assert.deepEqual(left.filter((d) => ['DJD201', 'DJD203', 'DJD204', 'DJD206'].includes(d.code)).map(key), []);
      assert.deepEqual(left.map(key), [key({ file: 'templates/typo.html', code: 'DJD205', ...at(original('templates/typo.html'), "{% static '", 'img/logoo.png') })]);

      const snapshot = FILES.map((f) => read(dir, f));
      const noop = cli(['check', '--fix', '.'], { cwd: dir });
      assert.match(noop.stderr, /No safe fixes to apply\./);
      assert.equal(noop.status, 1);
      assert.deepEqual(FILES.map((f) => read(dir, f)), snapshot, 'a second --fix changes nothing');

      // With the typo corrected by hand, the project is clean: exit 0.
      const typo = join(dir, 'templates/typo.html');
      writeFileSync(typo, read(dir, 'templates/typo.html').replace('logoo', 'logo'));
      const clean = cliJson(['.'], { cwd: dir });
      assert.deepEqual(clean.diagnostics.map(key), []);
      assert.equal(clean.run.status, 0);
    } finally {
      cleanup();
    }
  });

  const django = djangoAvailable();
  const noDjango = django.ok ? false : `real Django is not available: ${django.reason}`;

  test(`real Django renders the fixed templates, with the same static URLs (${django.ok ? `Django ${django.version}` : 'skipped'})`, { skip: noDjango }, () => {
    const { dir, cleanup } = copyOf(TEMPLATED);
    try {
      const before = render(dir);
      assert.match(errorOf(before, 'shop/product.html'), /^TemplateSyntaxError: Invalid block tag on line 6: 'static'.*Did you forget to register or load this tag\?/);
      assert.match(errorOf(before, 'legacy.html'), /^TemplateSyntaxError: 'staticfiles' is not a registered tag library/);
      const renderedBefore = NAMES.filter((n) => typeof before[n] === 'string');
      assert.deepEqual(renderedBefore.sort(), ['base.html', 'late.html', 'prefix.html', 'shop/cart.html', 'typo.html']);

      const fixed = cli(['check', '--fix', '.'], { cwd: dir });
      assert.equal(fixed.status, 1, fixed.stderr);
      const after = render(dir);
      for (const name of NAMES) assert.equal(typeof after[name], 'string', `${name} renders after --fix: ${JSON.stringify(after[name])}`);

      // Every raw /static/… URL of the original templates renders as before. Exactly, except
      // that {% static %} percent-encodes what Django's filepath_to_uri() quotes ('@' → %40):
      // the same file for any server (the path is decoded before lookup), not the same bytes.
      for (const name of renderedBefore) {
        const [b, a] = [urls(before[name] as string), urls(after[name] as string)];
        assert.deepEqual(a.map(decodeURIComponent).sort(), b.map(decodeURIComponent).sort(), `${name}: the same URLs (percent-decoded) before and after --fix`);
        const changed = a.filter((u) => !b.includes(u));
        // late.html extends base.html: it renders base's URLs too.
        assert.deepEqual(changed, name === 'base.html' || name === 'late.html' ? ['/static/img/logo%402x.png'] : [], `${name}: URLs whose bytes changed`);
      }
      assert.ok(urls(after['base.html'] as string).includes('/static/img/logo.png?v=2'), 'the query string stays outside {% static %}: not %3Fv%3D2');
      // Templates that failed before: their raw paths render as written, the tags resolve.
      const product = urls(after['shop/product.html'] as string);
      for (const u of ['/static/shop/cart.css', '/static/vendor/htmx.min.js', '/static/css/site.css', '/static/img/logo.png?v=2']) assert.ok(product.includes(u), `product.html renders ${u}`);
      assert.deepEqual(urls(after['legacy.html'] as string), ['/static/css/site.css']);
      assert.equal((after['prefix.html'] as string).replace(/^\n/, ''), before['prefix.html'], '{{ STATIC_URL }}css/site.css and {% static %} render the same (after the new load line)');
      assert.equal(after['typo.html'], before['typo.html'], 'typo.html is left alone');
    } finally {
      cleanup();
    }
  });
});

type Rendered = Record<string, string | { error: string }>;

function render(dir: string): Rendered {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', DJANGO_SECRET_KEY: 'templates-test-' + 'k'.repeat(50) };
  delete env.PYTHONPATH;
  delete env.DJANGO_SETTINGS_MODULE;
  const r = spawnSync(PYTHON, [RENDER, dir, SETTINGS_MODULE, ...NAMES], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, `render_templates.py failed:\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { templates: Rendered }).templates;
}

function errorOf(rendered: Rendered, name: string): string {
  const value = rendered[name];
  assert.ok(typeof value === 'object' && value !== null, `${name} should fail to render`);
  return value.error;
}

/** The URLs of src, href, srcset and CSS url() in rendered HTML, sorted with duplicates kept. */
function urls(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\b(src|href|srcset)\s*=\s*(["'])(.*?)\2/g)) {
    if (m[1] === 'srcset') for (const c of m[3].split(',')) out.push(c.trim().split(/\s+/)[0]);
    else out.push(m[3]);
  }
  for (const m of html.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/g)) out.push(m[2]);
  return out.filter((u) => u !== '').sort();
}

describe('CLI on a project with several template engines (test/fixtures/twoengines)', () => {
  const TWO = fixture('twoengines');
  const django = djangoAvailable();
  const noDjango = django.ok ? false : `real Django is not available: ${django.reason}`;
  const names = ['page.html', 'welcome.html'];

  test('each engine judges its own templates; Jinja2 templates are left alone', () => {
    const { diagnostics } = cliJson(['.'], { cwd: TWO });
    assert.deepEqual(
      templateDiagnostics(diagnostics).map((d) => `${d.file} ${d.code}`).sort(),
      ['emails/welcome.html DJD201', 'templates/page.html DJD201', 'templates/page.html DJD203'],
    );
  });

  test(`--fix, then real Django renders both engines' templates with the same URLs (${django.ok ? `Django ${django.version}` : 'skipped'})`, { skip: noDjango }, () => {
    const { dir, cleanup } = copyOf(TWO);
    try {
      const renderTwo = () => {
        const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', DJANGO_SECRET_KEY: 'templates-test-' + 'k'.repeat(50) };
        delete env.PYTHONPATH;
        delete env.DJANGO_SETTINGS_MODULE;
        const r = spawnSync(PYTHON, [RENDER, dir, 'shop.settings', ...names], { env, encoding: 'utf8' });
        assert.equal(r.status, 0, `render_templates.py failed:\n${r.stderr}`);
        return (JSON.parse(r.stdout) as { templates: Rendered }).templates;
      };
      const before = renderTwo();
      assert.match(errorOf(before, 'page.html'), /Invalid block tag on line 4: 'static'/);
      assert.equal(typeof before['welcome.html'], 'string', 'the e-mail engine has the builtin');
      const fixed = cli(['check', '--fix', '.'], { cwd: dir });
      assert.match(fixed.stderr, /Fixed 3 problems in 2 files\./, fixed.stderr);
      assert.equal(read(dir, 'emails/welcome.html'), read(TWO, 'emails/welcome.html').replace('src="/static/img/logo.png"', `src="{% static 'img/logo.png' %}"`), 'no load added where the builtin provides it');
      assert.equal(read(dir, 'jinja/banner.html'), read(TWO, 'jinja/banner.html'), 'Jinja2 template untouched');
      const after = renderTwo();
      for (const name of names) assert.equal(typeof after[name], 'string', `${name} renders after --fix: ${JSON.stringify(after[name])}`);
      assert.deepEqual(urls(after['welcome.html'] as string), urls(before['welcome.html'] as string));
      assert.deepEqual(urls(after['page.html'] as string), ['/static/img/logo.png', '/static/img/logo.png']);
    } finally {
      cleanup();
    }
  });
});

test('a STATICFILES_DIRS folder under dist/ (or node_modules/) is listed whole: its files are served, not missing', () => {
  const { dir, cleanup } = copyOf(fixture('templated'));
  try {
    const settings = join(dir, 'storefront', 'settings.py');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace("STATICFILES_DIRS = [", "STATICFILES_DIRS = [BASE_DIR / 'frontend' / 'dist', BASE_DIR / 'node_modules' / 'widget' / 'build', "));
    mkdirSync(join(dir, 'frontend', 'dist', 'bundle'), { recursive: true });
    writeFileSync(join(dir, 'frontend', 'dist', 'bundle', 'app.css'), 'body {}\n');
    mkdirSync(join(dir, 'node_modules', 'widget', 'build'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'widget', 'build', 'widget.js'), '');
    writeFileSync(join(dir, 'templates', 'spa.html'), "{% load static %}\n<link rel=\"stylesheet\" href=\"{% static 'bundle/app.css' %}\">\n<script src=\"/static/widget.js\"></script>\n");
    const { diagnostics } = cliJson(['.'], { cwd: dir });
    const spa = templateDiagnostics(diagnostics).filter((d) => d.file === 'templates/spa.html');
    assert.deepEqual(spa.map((d) => `${d.code} ${d.line}`), ['DJD201 3'], 'bundle/app.css is served (no DJD205); widget.js is a raw path to a served file');
    assert.equal(spa[0].fixable, true);
  } finally {
    cleanup();
  }
});
