// The engine against real Django 3.2, 4.2 and 5.2: for each fixture, real `check --deploy` (run by
// the truth harness, scripts/django/truth.py: a copy of the project, a clean environment, the
// checks exactly as manage.py runs them) and `django-deploy check --django-version X` must report
// the same set of Django check ids for the production settings module.
//
// Django 3.2 is Debian's python3-django at /usr/bin/python3; 4.2 and 5.2 are Debian's packages
// unpacked into .cache/django by scripts/django/fetch.sh (from the .deb files committed under
// test/vendor/debs). A version that is not available here is skipped with the reason.
//
// The harness gives the project none of the caller's environment variables, so every
// `os.environ.get(NAME, default)` takes its default: the engine evaluates environment reads
// "as if unset" in the same way.
//
// A known disagreement of the engine with one Django version keeps its assertion and is marked
// `todo` (DISAGREEMENTS below): it is reported, never hidden, and never fails the suite.

import { describe, test } from 'node:test';
import { productionRules } from '../../server/src/engine/rules/production';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  cliJson,
  cliJsonAsync,
  copyOf,
  DJANGO_VERSIONS,
  fixture,
  loadTruth,
  PYTHON,
  scratch,
  type DjangoAvailability,
  type DjangoVersion,
  type Truth,
  CASES,
  STRONG_SECRET_KEY,
} from './helpers';

/**
 * Known disagreements of the engine with real Django, by `fixture@version`: the test still runs
 * its assertion, marked todo with what differs. Empty when the engine agrees everywhere.
 */
const DISAGREEMENTS: Record<string, string> = {
  // None at present. (crashing@5.2 was one — templates.E001 reported for a version without it —
  // until the engine gated templates.E001 to < 5.1 and reports DJD118 there.)
};

const moduleFile = (dir: string, dotted: string) => join(dir, ...dotted.split('.')) + '.py';
const sorted = (s: Iterable<string>) => [...new Set(s)].sort();
const isDjangoId = (code: string) => code.includes('.');
const todoOf = (key: string) => (DISAGREEMENTS[key] ? { todo: DISAGREEMENTS[key] } : {});

/** The check ids a Django version's own source names (`id="security.W004"`). */
function djangoIdsIn(djangoDir: string): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.py')) for (const m of readFileSync(full, 'utf8').matchAll(/["']([a-z0-9_]+\.[DEWCI]\d{3})["']/g)) ids.add(m[1]);
    }
  };
  walk(djangoDir);
  return ids;
}

/** Real `manage.py check --deploy` with a clean environment: its Django ids and exit status. */
function manageCheck(truth: Truth, dir: string, version: DjangoVersion, settingsModule: string, env: Record<string, string> = {}) {
  const pythonPath = version === '3.2' ? {} : { PYTHONPATH: join(truth.CACHE, version) };
  const r = spawnSync(PYTHON, ['manage.py', 'check', '--deploy'], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', DJANGO_SETTINGS_MODULE: settingsModule, ...pythonPath, ...env },
    encoding: 'utf8',
  });
  const output = `${r.stdout}${r.stderr}`;
  return { status: r.status, output, ids: sorted([...output.matchAll(/\(([a-z0-9_]+\.[A-Z]\d{3})\)/g)].map((m) => m[1])) };
}

describe('cross-check with real Django 3.2, 4.2 and 5.2', async () => {
  const truth = await loadTruth();
  const available = truth.djangoVersions();

  for (const version of DJANGO_VERSIONS) {
    const django: DjangoAvailability = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;

    // Each case runs two processes (the harness, the CLI) and shares nothing: run them side by side.
    describe(`Django ${version} (${django.ok ? django.version : 'skipped'})`, { concurrency: Math.max(2, availableParallelism()) }, () => {
      for (const c of CASES) {
        test(`${c.fixture} (${c.settingsModule}): same Django ids as check --deploy`, { skip, ...todoOf(`${c.fixture}@${version}`) }, async (t) => {
          const real = await truth.runTruthAsync({ root: fixture(c.fixture), settings: c.settingsModule, django: version, env: c.required ?? {} });
          assert.equal(real.outcome, 'checked', `Django ${version} did not finish its checks: ${real.error}\n${real.traceback ?? ''}`);
          assert.deepEqual(real.stubbed, [], 'the fixtures need nothing stubbed');

          const dir = fixture(c.fixture);
          const ours = await cliJsonAsync(['--django-version', version, '--production', moduleFile(dir, c.settingsModule), dir]);
          assert.ok(ours.run.status === 0 || ours.run.status === 1, ours.run.stderr);
          const ourIds = sorted(ours.diagnostics.map((d) => d.code).filter(isDjangoId));
          t.diagnostic(`${c.fixture} @ Django ${real.django}: Django ${real.ids.join(' ') || '(none)'} | ours ${ourIds.join(' ') || '(none)'}`);
          assert.deepEqual(ourIds, real.ids);
        });
      }

      test('crashing: Django stops with an exception; we report both causes as errors', { skip, ...todoOf(`crashing@${version}`) }, async (t) => {
        const real = await truth.runTruthAsync({ root: fixture('crashing'), settings: 'newsroom.settings', django: version, env: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } });
        assert.equal(real.outcome, 'check-crash', `expected a crash inside the checks, got ${real.outcome}: ${real.ids.join(' ')}`);
        // Both faults crash Django; which check runs first follows the order of Django's check
        // registry (a set), which changes with what else is imported (python3-colorama, say).
        // (3.2 and 4.2 also report templates.E001 for APP_DIRS with loaders when the order lets them.)
        assert.match(real.error ?? '', /ImproperlyConfigured: app_dirs must not be set when loaders is defined|TypeError: 'PosixPath' object is not iterable/);
        const ours = await cliJsonAsync(['--django-version', version, fixture('crashing')]);
        const codes = sorted(ours.diagnostics.map((d) => d.code));
        t.diagnostic(`crashing @ Django ${real.django}: Django ${real.error} | ours ${codes.join(' ')}`);
        // APP_DIRS with loaders: Django's templates.E001 where the version has it (3.2, 4.2), no
        // Django id where it does not (5.1+); STATICFILES_DIRS as a bare path: DJD107.
        const known = django.ok ? djangoIdsIn(django.path) : new Set<string>();
        assert.deepEqual(codes.filter(isDjangoId), known.has('templates.E001') ? ['templates.E001'] : []);
        const errors = ours.diagnostics.filter((d) => d.severity === 'error');
        assert.ok(errors.some((d) => d.code === 'DJD107'), 'STATICFILES_DIRS as a bare path, as an error');
        assert.ok(errors.length >= 2, `both causes as errors: ${errors.map((d) => d.code).join(' ')}`);
        assert.ok(ours.diagnostics.filter((d) => isDjangoId(d.code)).every((d) => d.severity === 'error'));
      });
    });
  }
});

describe('the truth harness (scripts/django/truth.py)', { concurrency: Math.max(2, availableParallelism()) }, async () => {
  const truth = await loadTruth();
  const available = truth.djangoVersions();

  /** A tiny project: app1/settings.py with `settings`, app1/urls.py, manage.py. */
  function project(settings: string): { dir: string; cleanup: () => void } {
    const s = scratch();
    const dir = join(s.dir, 'proj');
    mkdirSync(join(dir, 'app1'), { recursive: true });
    writeFileSync(join(dir, 'manage.py'), '');
    writeFileSync(join(dir, 'app1', '__init__.py'), '');
    writeFileSync(join(dir, 'app1', 'urls.py'), 'urlpatterns = []\n');
    writeFileSync(join(dir, 'app1', 'settings.py'), settings);
    return { dir, cleanup: s.cleanup };
  }
  const BASE = [
    'import os, sys',
    `SECRET_KEY = '${STRONG_SECRET_KEY}'`,
    "DEBUG = os.environ.get('DEBUG') == '1'",
    "ALLOWED_HOSTS = ['example.com']",
    "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']",
    "ROOT_URLCONF = 'app1.urls'",
    "STATIC_URL = '/static/'",
  ].join('\n');

  for (const version of DJANGO_VERSIONS) {
    const django = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;

    test(`Django ${version}: a settings module importing a package that exists nowhere is still checked`, { skip }, async () => {
      const { dir, cleanup } = project(
        [
          'import thirdparty_xyz',
          'from thirdparty_xyz.conf import defaults',
          BASE,
          "INSTALLED_APPS = ['django.contrib.staticfiles', 'thirdparty_xyz', 'thirdparty_xyz.apps.XyzConfig', 'missing_app_xyz']",
          'CACHE_URL = defaults.CACHE_URL',
          "EXTRA = [thirdparty_xyz.value, 'kept']",
          'class Custom(thirdparty_xyz.Base):',
          '    pass',
          'try:',
          '    import optional_missing',
          "    OPTIONAL = 'imported'",
          'except ImportError:',
          "    OPTIONAL = 'fallback'",
          'from contextlib import suppress',
          'with suppress(ImportError):',
          '    from .local_settings import *',
          "TESTING = 'test' in sys.argv",
          "ROOT_URLCONF = 'thirdparty_xyz.urls'",
        ].join('\n'),
      );
      try {
        const r = await truth.runTruthAsync({ root: dir, settings: 'app1.settings', django: version, show: ['OPTIONAL', 'TESTING'] });
        assert.equal(r.outcome, 'checked', r.error);
        assert.ok(r.django?.startsWith(`${version}.`), r.django ?? '');
        assert.deepEqual(r.stubbed, ['thirdparty_xyz']);
        // Stubbed, and missing without being imported: both out of INSTALLED_APPS.
        assert.deepEqual(r.removedApps, ['thirdparty_xyz', 'thirdparty_xyz.apps.XyzConfig', 'missing_app_xyz']);
        assert.deepEqual(r.stubValues, ['CACHE_URL', 'EXTRA']);
        assert.deepEqual(r.replaced, { ROOT_URLCONF: "'thirdparty_xyz.urls'" });
        // `except ImportError` and `with suppress(ImportError)` are the project's own answer to a
        // missing module: no stub there.
        assert.equal(r.values?.OPTIONAL, "'fallback'");
        assert.equal(r.values?.TESTING, 'False');
        assert.deepEqual(r.ids, ['security.W002', 'security.W003', 'security.W004', 'security.W008']);
      } finally {
        cleanup();
      }
    });

    test(`Django ${version}: a settings module raising KeyError is a load-error`, { skip }, async () => {
      const { dir, cleanup } = project(`${BASE}\nINSTALLED_APPS = []\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n`);
      try {
        const r = await truth.runTruthAsync({ root: dir, settings: 'app1.settings', django: version });
        assert.equal(r.outcome, 'load-error');
        assert.equal(r.error, "KeyError: 'DJANGO_SECRET_KEY'");
        assert.deepEqual(r.ids, []);
        // The same variable given with --env: checked.
        const withKey = await truth.runTruthAsync({ root: dir, settings: 'app1.settings', django: version, env: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } });
        assert.equal(withKey.outcome, 'checked', withKey.error);
      } finally {
        cleanup();
      }
    });

    test(`Django ${version}: nothing of the caller's environment reaches the project; the project folder is not written`, { skip }, async () => {
      const { dir, cleanup } = project(`${BASE}\nINSTALLED_APPS = []\nLEAK = os.environ.get('LEAK_ME', 'absent')\nopen('written.txt', 'w').write('x')\n`);
      try {
        // truth.py itself, started with a polluted environment (runTruth would hand it a clean one).
        const args = [truth.TRUTH, '--root', dir, '--settings', 'app1.settings', '--django', version, '--show', 'DEBUG', '--show', 'LEAK'];
        const env = { ...process.env, DEBUG: '1', LEAK_ME: 'yes', DJANGO_SETTINGS_MODULE: 'nowhere.settings', PYTHONPATH: '/nonexistent', DJANGO_CACHE: truth.CACHE };
        const run = spawnSync(PYTHON, args, { env, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.equal(r.outcome, 'checked', r.error);
        assert.equal(r.values.DEBUG, 'False');
        assert.equal(r.values.LEAK, "'absent'");
        assert.ok(!r.ids.includes('security.W018'), 'DEBUG=1 leaked into the project');
        assert.deepEqual(readdirSync(dir).sort(), ['app1', 'manage.py'], 'the harness works on a copy');
      } finally {
        cleanup();
      }
    });

    test(`Django ${version}: the harness reports what manage.py check --deploy reports`, { skip }, async () => {
      for (const c of CASES.filter((x) => x.fixture === 'misconfigured' || x.fixture === 'traps')) {
        const { dir, cleanup } = copyOf(fixture(c.fixture));
        try {
          const real = manageCheck(truth, dir, version, c.settingsModule, c.required);
          const harness = await truth.runTruthAsync({ root: fixture(c.fixture), settings: c.settingsModule, django: version, env: c.required ?? {} });
          assert.match(real.output, /System check identified/, real.output);
          assert.deepEqual(harness.ids, real.ids, c.fixture);
          // manage.py exits 1 exactly when it reports errors.
          assert.equal(real.status, harness.messages.some((m) => m.level === 'ERROR' || m.level === 'CRITICAL') ? 1 : 0, real.output);
        } finally {
          cleanup();
        }
      }
    });
  }

  const any = DJANGO_VERSIONS.find((v) => available[v].ok);
  test('a settings module that never finishes loading is stopped (timeout)', { skip: any ? false : 'no Django available' }, async () => {
    const { dir, cleanup } = project(`${BASE}\nINSTALLED_APPS = []\nimport time\ntime.sleep(120)\n`);
    try {
      const started = Date.now();
      const r = await truth.runTruthAsync({ root: dir, settings: 'app1.settings', django: any, timeout: 2 });
      assert.ok(Date.now() - started < 20_000);
      assert.equal(r.outcome, 'load-error');
      assert.match(r.error ?? '', /^Timeout: no result after 2 s \(loading the settings\)/);
    } finally {
      cleanup();
    }
  });
});

/** Traps, not Django's deployment checklist beyond check --deploy (rules/production.ts: SQLite and the like). */
const CHECKLIST_CODES = new Set(productionRules.map((r) => r.code));
const isTrap = (code: string) => code.startsWith('DJD') && !CHECKLIST_CODES.has(code);

describe('traps Django does not report', () => {
  test('traps: a required SECRET_KEY variable, DEBUG and SESSION_COOKIE_SECURE as strings, an empty host, MEDIA_ROOT == STATIC_ROOT', () => {
    const { diagnostics } = cliJson([fixture('traps')]);
    const djd = diagnostics.filter((d) => isTrap(d.code));
    const settings = readFileSync(fixture('traps', 'portal', 'settings.py'), 'utf8').split('\n');
    const at = (d: { line: number }) => settings[d.line - 1];
    assert.deepEqual(djd.map((d) => [d.code, at(d)]), [
      ['DJD117', "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']"],
      ['DJD111', "DEBUG = os.environ.get('DJANGO_DEBUG', 'False')"],
      ['DJD109', "ALLOWED_HOSTS = os.environ.get('DJANGO_ALLOWED_HOSTS', '').split(',')"],
      ['DJD103', "MEDIA_ROOT = BASE_DIR / 'public'"],
      ['DJD111', "SESSION_COOKIE_SECURE = 'False'"],
    ]);
    assert.ok(djd.every((d) => d.settingsModule === 'portal.settings'));
  });

  test('startproject: STATIC_ROOT is not set (DJD101), fixable', () => {
    const { diagnostics } = cliJson([fixture('startproject')]);
    const d = diagnostics.find((x) => x.code === 'DJD101');
    assert.ok(d);
    assert.equal(d.fixable, true);
  });

  test('misconfigured: a STATICFILES_DIRS folder that does not exist (DJD116 before Django 4.0)', () => {
    const { diagnostics } = cliJson(['--django-version', '3.2', fixture('misconfigured')]);
    // (DJD117: SECRET_KEY = os.environ['DJANGO_SECRET_KEY'], a variable it cannot start without.)
    assert.deepEqual(sorted(diagnostics.filter((d) => isTrap(d.code)).map((d) => d.code)), ['DJD116', 'DJD117']);
    const newer = cliJson(['--django-version', '4.2', fixture('misconfigured')]);
    assert.ok(newer.diagnostics.some((d) => d.code === 'staticfiles.W004'), 'Django 4.0+ has its own check');
  });

  test('legacy: MIDDLEWARE_CLASSES is ignored (DJD114)', () => {
    const { diagnostics } = cliJson([fixture('legacy')]);
    assert.ok(diagnostics.some((d) => d.code === 'DJD114'));
  });
});
