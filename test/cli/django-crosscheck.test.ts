// The engine against real Django: for each fixture, `manage.py check --deploy` (Debian's
// python3-django 3.2 at /usr/bin/python3) and `django-deploy check --django-version 3.2` must
// report the same set of Django check ids for the production settings module.
//
// Django runs with none of the fixture's environment variables set, so every
// `os.environ.get(NAME, default)` takes its default: the engine evaluates environment reads
// "as if unset" in the same way.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliJson, copyOf, djangoAvailable, fixture, PYTHON } from './helpers';

/** A strong key for fixtures that read SECRET_KEY with `os.environ['DJANGO_SECRET_KEY']`. */
const STRONG_SECRET_KEY = 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE';

interface CrossCheck {
  fixture: string;
  /** DJANGO_SETTINGS_MODULE: the production settings. */
  settingsModule: string;
  /**
   * Variables a fixture requires (`os.environ['NAME']`, no default). Django cannot start without
   * them; the engine treats a required variable as "set by the deployment" and reports nothing
   * about its value, so the cross-check sets it to a value that Django has nothing to say about.
   */
  required?: Record<string, string>;
  /** Only for an engine bug, with the reason; the assertion stays. */
  skip?: string;
}

const CASES: CrossCheck[] = [
  // `django-admin startproject` 3.2, as generated (fixed SECRET_KEY).
  { fixture: 'startproject', settingsModule: 'mysite.settings' },
  // Every deployment setting right: no ids at all.
  { fixture: 'hardened', settingsModule: 'shop.settings' },
  // base.py + production.py (`from .base import *`) + dev.py; wsgi.py names production.
  { fixture: 'split', settingsModule: 'mysite.settings.production' },
  // Everything from os.environ / os.getenv with defaults.
  { fixture: 'envdriven', settingsModule: 'blog.settings' },
  // DEBUG read as a string, STATIC_URL without a slash, STATICFILES_DIRS as a bare string,
  // SESSION_COOKIE_SECURE = 'False' (truthy for 3.2, so Django is silent), MEDIA_ROOT == STATIC_ROOT.
  { fixture: 'traps', settingsModule: 'portal.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // MIDDLEWARE_CLASSES only: no middleware at all (W001-W003, admin.E408-E410).
  { fixture: 'legacy', settingsModule: 'legacy.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // HSTS without subdomains/preload, nosniff off, bad referrer policy, SAMEORIGIN, caches, sites,
  // staticfiles prefixes, string_if_invalid, DEFAULT_HASHING_ALGORITHM.
  { fixture: 'misconfigured', settingsModule: 'intranet.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // LANGUAGE_CODE = 'en_US' with Django's default LANGUAGES.
  {
    fixture: 'locale',
    settingsModule: 'bistro.settings',
    required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY },
  },
];

const DJANGO_ID = /\(([a-z0-9_]+\.[A-Z]\d{3})\)/g;

/** Every Python file of a folder. */
function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pythonFiles(full));
    else if (name.endsWith('.py')) out.push(full);
  }
  return out;
}

/** The environment variables a project reads (os.environ[...], os.environ.get(...), os.getenv(...)). */
function variablesRead(dir: string): Set<string> {
  const names = new Set<string>();
  const read = /os\.(?:environ\s*\[\s*|environ\.get\(\s*|environ\.setdefault\(\s*|getenv\(\s*)['"](\w+)['"]/g;
  for (const file of pythonFiles(dir)) for (const m of readFileSync(file, 'utf8').matchAll(read)) names.add(m[1]);
  return names;
}

/** This process's environment without anything the project reads or Django acts on. */
function djangoEnvironment(dir: string, settingsModule: string, required: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const strip = variablesRead(dir);
  for (const name of Object.keys(env)) if (strip.has(name) || name.startsWith('DJANGO_') || name === 'PYTHONPATH') delete env[name];
  return { ...env, ...required, DJANGO_SETTINGS_MODULE: settingsModule, PYTHONDONTWRITEBYTECODE: '1' };
}

function runDjango(dir: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync(PYTHON, ['manage.py', 'check', '--deploy'], { cwd: dir, env, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const moduleFile = (dir: string, dotted: string) => join(dir, ...dotted.split('.')) + '.py';
const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

const django = djangoAvailable();
const noDjango = django.ok ? false : `real Django is not available: ${django.reason}`;

describe(`cross-check with Django (${django.ok ? `Django ${django.version}` : 'skipped'})`, () => {
  for (const c of CASES) {
    test(`${c.fixture} (${c.settingsModule}): same Django ids as manage.py check --deploy`, { skip: noDjango || c.skip || false }, (t) => {
      const { dir, cleanup } = copyOf(fixture(c.fixture));
      try {
        const real = runDjango(dir, djangoEnvironment(dir, c.settingsModule, c.required));
        assert.match(real.output, /System check identified/, `Django did not finish its checks:\n${real.output}`);
        const theirs = sorted([...real.output.matchAll(DJANGO_ID)].map((m) => m[1]));

        const ours = cliJson(['--django-version', '3.2', '--production', moduleFile(dir, c.settingsModule), dir]);
        assert.ok(ours.run.status === 0 || ours.run.status === 1, ours.run.stderr);
        const ourIds = sorted(ours.diagnostics.map((d) => d.code).filter((code) => code.includes('.')));
        t.diagnostic(`${c.fixture}: Django ${theirs.join(' ') || '(none)'} | ours ${ourIds.join(' ') || '(none)'}`);
        assert.deepEqual(ourIds, theirs);
        // Django exits 1 exactly when it reports errors.
        assert.equal(real.status, theirs.some((id) => /\.E\d{3}$/.test(id)) ? 1 : 0, real.output);
      } finally {
        cleanup();
      }
    });
  }

  test('crashing: Django stops with a traceback; we report both causes', { skip: noDjango }, (t) => {
    const { dir, cleanup } = copyOf(fixture('crashing'));
    try {
      const real = runDjango(dir, djangoEnvironment(dir, 'newsroom.settings', { DJANGO_SECRET_KEY: STRONG_SECRET_KEY }));
      assert.notEqual(real.status, 0);
      assert.doesNotMatch(real.output, /System check identified/);
      assert.match(real.output, /Traceback/);
      // Both faults crash Django; which check runs first follows the order of Django 3.2's check
      // registry (a set), which changes with what else is imported (python3-colorama, say).
      assert.match(real.output, /ImproperlyConfigured: app_dirs must not be set when loaders is defined|TypeError: 'PosixPath' object is not iterable/);
      const ours = cliJson(['--django-version', '3.2', dir]);
      t.diagnostic(`crashing: Django (traceback) | ours ${sorted(ours.diagnostics.map((d) => d.code)).join(' ')}`);
      assert.deepEqual(sorted(ours.diagnostics.map((d) => d.code)), ['DJD107', 'templates.E001']);
      assert.ok(ours.diagnostics.every((d) => d.severity === 'error'));
    } finally {
      cleanup();
    }
  });
});

describe('traps Django does not report', () => {
  test('traps: DEBUG and SESSION_COOKIE_SECURE as strings, an empty host, MEDIA_ROOT == STATIC_ROOT', () => {
    const { diagnostics } = cliJson([fixture('traps')]);
    const djd = diagnostics.filter((d) => d.code.startsWith('DJD'));
    const settings = readFileSync(fixture('traps', 'portal', 'settings.py'), 'utf8').split('\n');
    const at = (d: { line: number }) => settings[d.line - 1];
    assert.deepEqual(djd.map((d) => [d.code, at(d)]), [
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
    assert.deepEqual(sorted(diagnostics.filter((d) => d.code.startsWith('DJD')).map((d) => d.code)), ['DJD116']);
    const newer = cliJson(['--django-version', '4.2', fixture('misconfigured')]);
    assert.ok(newer.diagnostics.some((d) => d.code === 'staticfiles.W004'), 'Django 4.0+ has its own check');
  });

  test('legacy: MIDDLEWARE_CLASSES is ignored (DJD114)', () => {
    const { diagnostics } = cliJson([fixture('legacy')]);
    assert.ok(diagnostics.some((d) => d.code === 'DJD114'));
  });
});
