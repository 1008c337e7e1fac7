// Whether a folder is a Django project, on evidence only (engine/project/evidence.ts): fixtures of
// FastAPI, Flask and plain Python projects get no finding at all; a monorepo's Django half keeps
// its findings; each kind of evidence counts on its own.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { djangoSettingsMarker } from '../../server/src/engine/project/evidence';
import { ignoredOnLine, ignoreOnLineEdit } from '../../server/src/engine/text';
import { project } from './helpers';

const FIXTURES = resolve(__dirname, '../../../test/fixtures/nondjango');

function listed(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listed(full));
    else out.push(full);
  }
  return out;
}

/** A fixture as the shells hand it in: every file listed, texts read on demand; `open` as if open in the editor. */
function onDisk(name: string, open: string[] = []): DjangoProject {
  const root = join(FIXTURES, name);
  const p = new DjangoProject(root, { readFile: (f) => readFileSync(f, 'utf8') });
  p.addKnownFiles(listed(root));
  for (const rel of open) {
    p.setFile(join(root, rel), readFileSync(join(root, rel), 'utf8'));
    if (rel.endsWith('.html')) p.markTemplate(join(root, rel));
  }
  return p;
}

describe('silent outside Django', () => {
  const cases: Record<string, string[]> = {
    fastapi: ['app/config/constants.py', 'app/config/settings.py', 'app/templates/index.html'],
    flask: ['settings.py', 'config/production.py', 'manage.py', 'app/templates/base.html'],
    plain: ['settings.py', 'config/conf.py', 'docs/templates/page.html'],
  };
  for (const [name, open] of Object.entries(cases)) {
    test(`${name}: not a Django project, no settings module, no template, no finding (files open or not)`, () => {
      for (const opened of [[], open]) {
        const p = onDisk(name, opened);
        assert.equal(p.isDjango(), false, JSON.stringify(p.djangoEvidence()));
        assert.deepEqual(p.settingsModules(), []);
        assert.deepEqual(p.templateFiles(), []);
        assert.deepEqual(p.allFindings(), []);
        for (const rel of open) assert.deepEqual(p.findingsFor(join(FIXTURES, name, rel)), [], rel);
      }
    });
  }

  test('monorepo: backend/ is Django (manage.py, requirements), api/ beside it is not', () => {
    const p = onDisk('monorepo', ['api/service/config/constants.py', 'api/service/templates/index.html']);
    assert.equal(p.isDjango(), true);
    const roots = p.djangoEvidence().map((e) => e.root);
    assert.deepEqual([...new Set(roots)], [join(FIXTURES, 'monorepo/backend')]);
    const files = new Set(p.allFindings().map((f) => f.file));
    assert.ok(files.has(join(FIXTURES, 'monorepo/backend/shop/settings.py')));
    assert.ok(files.has(join(FIXTURES, 'monorepo/backend/shop/templates/home.html')));
    assert.ok([...files].every((f) => f.includes('/backend/')), [...files].join(', '));
    assert.deepEqual(p.settingsModules().map((m) => m.moduleName), ['shop.settings']);
  });

  test('each kind of evidence is enough alone', () => {
    const flaskSettings = 'DEBUG = True\nSECRET_KEY = ""\n';
    const silent = project({ 'app/settings.py': flaskSettings });
    assert.equal(silent.isDjango(), false);
    assert.deepEqual(silent.allFindings(), []);
    const evidence: Record<string, Record<string, string>> = {
      'manage.py running Django': { 'manage.py': 'from django.core.management import execute_from_command_line\n' },
      'Django in requirements.txt': { 'requirements.txt': 'Django>=4.2,<5\n' },
      'Django in requirements/base.txt': { 'requirements/base.txt': 'django==5.2\n' },
      'Django in pyproject.toml': { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["django>=4.2"]\n' },
      'the Django classifier in setup.cfg': { 'setup.cfg': '[metadata]\nclassifiers =\n    Framework :: Django\n' },
      'DJANGO_SETTINGS_MODULE in pytest.ini': { 'pytest.ini': '[pytest]\nDJANGO_SETTINGS_MODULE = app.settings\n' },
      'DJANGO_SETTINGS_MODULE in .env': { '.env': 'DJANGO_SETTINGS_MODULE=app.settings\n' },
      'DJANGO_SETTINGS_MODULE in wsgi.py': { 'app/wsgi.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n" },
    };
    for (const [why, files] of Object.entries(evidence)) {
      const p = project({ 'app/__init__.py': '', 'app/settings.py': flaskSettings, ...files });
      assert.equal(p.isDjango(), true, why);
      assert.ok(p.allFindings().some((f) => f.code === 'security.W018'), why);
    }
    const configured = project({ 'app/settings.py': flaskSettings }, { productionSettings: ['app/settings.py'] });
    assert.equal(configured.isDjango(), true, 'djangoDeploy.productionSettings');
  });

  test('evidence follows edits: a pytest.ini naming DJANGO_SETTINGS_MODULE appears, changes, goes', () => {
    const p = project({ 'app/__init__.py': '', 'app/settings.py': 'DEBUG = True\nSECRET_KEY = ""\n' });
    assert.equal(p.isDjango(), false);
    p.setFile('/proj/pytest.ini', '[pytest]\nDJANGO_SETTINGS_MODULE = app.settings\n');
    assert.equal(p.isDjango(), true);
    assert.ok(p.allFindings().some((f) => f.code === 'security.W018'));
    p.setFile('/proj/pytest.ini', '[pytest]\naddopts = -q\n');
    assert.equal(p.isDjango(), false);
    assert.deepEqual(p.allFindings(), []);
    p.setFile('/proj/.env', 'DJANGO_SETTINGS_MODULE=app.settings\n');
    assert.equal(p.isDjango(), true);
    p.removeFile('/proj/.env');
    assert.equal(p.isDjango(), false);
  });

  test('a folder that is not Django\'s is not read again on every analysis', () => {
    const reads = new Map<string, number>();
    const texts: Record<string, string> = { '/flask/settings.py': 'DEBUG = True\nSECRET_KEY = ""\n', '/flask/manage.py': 'from flask_script import Manager\n' };
    const p = new DjangoProject('/flask', { readFile: (f) => (reads.set(f, (reads.get(f) ?? 0) + 1), texts[f]) });
    p.addKnownFiles(Object.keys(texts));
    for (let i = 0; i < 5; i++) {
      p.setFile(`/flask/app${i}.py`, 'x = 1\n');
      assert.deepEqual(p.allFindings(), []);
    }
    assert.deepEqual([...reads.values()].map((n) => n <= 1), [true, true], JSON.stringify([...reads]));
  });

  test('a Flask-Script manage.py, Flask in requirements and DEBUG/SECRET_KEY/ALLOWED_HOSTS are no evidence', () => {
    const p = project({
      'manage.py': 'from flask_script import Manager\nmanager = Manager(app)\n',
      'requirements.txt': 'flask\ndjango-environ-lookalike\n',
      'config/settings.py': 'DEBUG = True\nSECRET_KEY = ""\nALLOWED_HOSTS = ["*"]\nSTATIC_URL = "static"\n',
    });
    assert.equal(p.isDjango(), false);
    assert.deepEqual(p.allFindings(), []);
  });

  test('a module that is unmistakably Django settings is evidence by itself', () => {
    assert.equal(djangoSettingsMarker('API_PREFIX = "/api"\nPAGE_SIZE = 50\nDEBUG = True\n'), undefined);
    assert.match(djangoSettingsMarker("INSTALLED_APPS = ['shop']\n") ?? '', /INSTALLED_APPS/);
    assert.match(djangoSettingsMarker("ROOT_URLCONF = 'shop.urls'\n") ?? '', /ROOT_URLCONF/);
    assert.match(djangoSettingsMarker("X = 'django.contrib.admin'\n") ?? '', /django\.contrib\./);
    assert.match(djangoSettingsMarker('from django.core.exceptions import ImproperlyConfigured\n') ?? '', /imports django/);
    assert.match(djangoSettingsMarker('import environ\nenv = environ.Env()\n') ?? '', /settings library/);
    const p = project({ 'shop/settings.py': "DEBUG = True\nINSTALLED_APPS = ['django.contrib.staticfiles']\n", 'tools/config/constants.py': 'PAGE_SIZE = 50\nDEBUG = True\n' });
    assert.equal(p.isDjango(), true);
    assert.ok(p.allFindings().some((f) => f.code === 'security.W018' && f.file.endsWith('shop/settings.py')));
  });

  test('a Jinja2 template in a Django project with a Jinja2 engine stays untouched, even open as HTML', () => {
    const settings = [
      "INSTALLED_APPS = ['django.contrib.staticfiles']",
      "STATIC_URL = '/static/'",
      "TEMPLATES = [{'BACKEND': 'django.template.backends.jinja2.Jinja2', 'DIRS': ['/proj/jinja2']}, {'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': ['/proj/templates']}]",
      '',
    ].join('\n');
    const p = project({ 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n", 'settings.py': settings, 'jinja2/page.html': '<img src="/static/a.png">\n', 'templates/page.html': '<img src="/static/a.png">\n' });
    p.markTemplate('/proj/jinja2/page.html');
    assert.equal(p.isTemplate('/proj/jinja2/page.html'), false);
    assert.deepEqual(p.findingsFor('/proj/jinja2/page.html'), []);
    assert.ok(p.findingsFor('/proj/templates/page.html').some((f) => f.code === 'DJD201'));
  });
});

describe('"Ignore this finding on this line" edits', () => {
  const apply = (text: string, e: { start: number; end: number; newText: string }) => text.slice(0, e.start) + e.newText + text.slice(e.end);

  test('Python: a marker at the end of the line, a code added to an existing marker, comments kept', () => {
    const text = 'DEBUG = True\nSECRET_KEY = "x"  # noqa: S105\r\nALLOWED_HOSTS = []  # django-deploy: ignore[security.W020]\n';
    const one = apply(text, ignoreOnLineEdit(text, 0, 'security.W018', true)!);
    assert.equal(one.split('\n')[0], 'DEBUG = True  # django-deploy: ignore[security.W018]');
    assert.ok(ignoredOnLine(one, 0, 'security.W018', true));
    const at = text.indexOf('SECRET_KEY');
    const two = apply(text, ignoreOnLineEdit(text, at, 'security.W009', true)!);
    assert.equal(two.split('\n')[1], 'SECRET_KEY = "x"  # noqa: S105  # django-deploy: ignore[security.W009]\r');
    const hosts = text.indexOf('ALLOWED_HOSTS');
    const three = apply(text, ignoreOnLineEdit(text, hosts, 'DJD108', true)!);
    assert.equal(three.split('\n')[2], 'ALLOWED_HOSTS = []  # django-deploy: ignore[security.W020, DJD108]');
    assert.ok(ignoredOnLine(three, hosts, 'DJD108', true) && ignoredOnLine(three, hosts, 'security.W020', true));
    assert.equal(ignoreOnLineEdit(three, hosts, 'security.W020', true), undefined, 'already ignored');
  });

  test('Python: no edit where a comment would change the code', () => {
    for (const line of ['SECRET_KEY = """abc', 'X = 1 + \\', "X = 'unterminated"]) assert.equal(ignoreOnLineEdit(line + '\n', 0, 'security.W009', true), undefined, line);
    const hashInString = "STATIC_URL = '/static/#x'\n";
    const edited = apply(hashInString, ignoreOnLineEdit(hashInString, 0, 'DJD103', true)!);
    assert.equal(edited, "STATIC_URL = '/static/#x'  # django-deploy: ignore[DJD103]\n");
    assert.ok(ignoredOnLine(edited, 0, 'DJD103', true));
  });

  test('templates: a {# #} comment at the end of the line; none inside verbatim or comment blocks', () => {
    const text = '<img src="/static/a.png">\n{% verbatim %}\n<img src="/static/b.png">\n{% endverbatim %}\n<link href="css/x.css">\n';
    const edited = apply(text, ignoreOnLineEdit(text, 5, 'DJD201', false)!);
    assert.equal(edited.split('\n')[0], '<img src="/static/a.png">{# django-deploy: ignore[DJD201] #}');
    assert.ok(ignoredOnLine(edited, 5, 'DJD201', false));
    assert.equal(ignoreOnLineEdit(text, text.indexOf('/static/b.png'), 'DJD201', false), undefined);
    assert.ok(ignoreOnLineEdit(text, text.indexOf('css/x.css'), 'DJD201', false));
    const commented = '{% comment %}\n<img src="/static/a.png">\n{% endcomment %}\n';
    assert.equal(ignoreOnLineEdit(commented, commented.indexOf('/static'), 'DJD201', false), undefined);
  });
});
