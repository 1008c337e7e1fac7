// Django's deployment checklist beyond check --deploy (rules/production.ts, DJD119 and
// DJD121–DJD131), the checklist rows they feed, what the engine knows of the production values
// (deploy/knowledge.ts: a row passes only when its deciding settings are known), the checklist
// Markdown (workspace-relative places, whole messages), and real Django 3.2 / 4.2 / 5.2 on the
// defaults the rules rely on and on the modules their fixes write.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { project, settingsProject, SETTINGS, ROOT, covered, line, applyFix } from './helpers';
import type { Finding } from '../../server/src/engine/findings';
import { projectFacts } from '../../server/src/engine/deploy/facts';
import { deploymentChecklist, checklistMarkdown, findingsItem, DETAIL_LENGTH, type ChecklistItem } from '../../server/src/engine/deploy/checklist';
import { settingsKnowledge } from '../../server/src/engine/deploy/knowledge';
import { SETTINGS_RULES } from '../../server/src/engine/rules/settingsRules';
import { LOCAL_CACHES } from '../../server/src/engine/rules/production';
import { DEFAULT_FROM_EMAIL, DEFAULT_SERVER_EMAIL } from '../../server/src/engine/rules/settingsView';

const NEW_CODES = ['DJD119', 'DJD121', 'DJD122', 'DJD123', 'DJD124', 'DJD125', 'DJD126', 'DJD127', 'DJD128', 'DJD129', 'DJD130', 'DJD131'];

/** Production settings where every item of Django's checklist is right (none of the new rules fires). */
const GOOD = [
  'import os',
  'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
  'DEBUG = False',
  'ALLOWED_HOSTS = ["shop.example.com"]',
  'ADMINS = [("Ops", "ops@shop.example.com")]',
  'SERVER_EMAIL = "django@shop.example.com"',
  'DEFAULT_FROM_EMAIL = "noreply@shop.example.com"',
  'EMAIL_HOST = "smtp.example.com"',
  'DATABASES = {',
  '    "default": {',
  '        "ENGINE": "django.db.backends.postgresql",',
  '        "NAME": "shop",',
  '        "PASSWORD": os.environ.get("DATABASE_PASSWORD", ""),',
  '        "CONN_MAX_AGE": 60,',
  '        "CONN_HEALTH_CHECKS": True,',
  '    }',
  '}',
  'CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379"}}',
  'LOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}, "root": {"handlers": ["console"]}}',
  '',
].join('\n');

/** GOOD with `name = …` lines replaced (or added at the end). */
function good(changes: Record<string, string | null>): string {
  let lines = GOOD.split('\n');
  for (const [name, value] of Object.entries(changes)) {
    const at = lines.findIndex((l) => l.startsWith(`${name} = `));
    let end = at;
    if (at >= 0 && lines[at].endsWith('{')) while (lines[end] !== '}') end++;
    const replacement = value === null ? [] : [`${name} = ${value}`];
    if (at >= 0) lines = [...lines.slice(0, at), ...replacement, ...lines.slice(end + 1)];
    else lines.splice(lines.length - 1, 0, ...replacement);
  }
  return lines.join('\n');
}

const ours = (findings: Finding[]) => findings.filter((f) => NEW_CODES.includes(f.code) && !f.inherited);
const only = (findings: Finding[], code: string) => ours(findings).filter((f) => f.code === code);

function one(settings: string, code: string, version = '4.2') {
  const p = settingsProject(settings, { djangoVersion: version });
  const found = only(p.allFindings({ checklist: true }), code);
  assert.equal(found.length, 1, `${code}: ${ours(p.allFindings({ checklist: true })).map((f) => `${f.code} ${f.message}`).join('\n')}`);
  return { p, f: found[0] };
}

function silent(settings: string, code: string, version = '4.2') {
  const p = settingsProject(settings, { djangoVersion: version });
  assert.deepEqual(only(p.allFindings({ checklist: true }), code).map((f) => f.message), []);
}

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rules: Django’s deployment checklist beyond check --deploy', () => {
  test('every checklist item right: none of the new rules fires', () => {
    const p = settingsProject(GOOD);
    assert.deepEqual(ours(p.allFindings({ checklist: true })).map((f) => `${f.code} ${f.message}`), []);
  });

  test('the report: a password literal, the console e-mail backend and LocMemCache are each found on their line', () => {
    const settings = good({
      DATABASES: '{\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "shop",\n        "PASSWORD": "hunter2",\n        "CONN_MAX_AGE": 60,\n        "CONN_HEALTH_CHECKS": True,\n    }\n}',
      EMAIL_BACKEND: '"django.core.mail.backends.console.EmailBackend"',
      CACHES: '{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}',
    });
    const p = settingsProject(settings);
    const findings = ours(p.allFindings({ checklist: true }));
    assert.deepEqual(findings.map((f) => f.code).sort(), ['DJD119', 'DJD122', 'DJD124']);
    const at = (code: string) => findings.find((f) => f.code === code)!;
    assert.equal(covered(p, at('DJD122')), '"PASSWORD": "hunter2"');
    assert.equal(line(p, at('DJD122')), lineOf(settings, '"hunter2"'));
    assert.equal(at('DJD122').severity, 'warning');
    assert.equal(covered(p, at('DJD124')), 'EMAIL_BACKEND');
    assert.equal(covered(p, at('DJD119')), '"django.core.cache.backends.locmem.LocMemCache"');
    assert.equal(line(p, at('DJD119')), lineOf(settings, 'LocMemCache'));
    for (const f of findings) assert.equal(f.docsUrl, SETTINGS_RULES.find((r) => r.code === f.code)!.doc.url);
  });

  test('DJD119: LocMemCache and DummyCache as the default cache; a backend read from the environment without a default is not judged', () => {
    const { f } = one(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}' }), 'DJD119');
    assert.match(f.message, /stores nothing/);
    const env = one(good({ CACHES: '{"default": {"BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache")}}' }), 'DJD119').f;
    assert.deepEqual(env.whenUnset, ['CACHE_BACKEND']);
    assert.match(env.message, /\(when CACHE_BACKEND is unset\)/);
    silent(good({ CACHES: '{"default": {"BACKEND": os.environ["CACHE_BACKEND"]}}' }), 'DJD119');
    silent(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}} if os.environ.get("X") else {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}' }), 'DJD119');
    // A second cache may well be local memory: only the default is judged.
    silent(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}, "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}' }), 'DJD119');
  });

  test('DJD121: CACHES not set is information (Django’s default IS LocMemCache), on the first statement; not with CACHES set', () => {
    const { p, f } = one(good({ CACHES: null }), 'DJD121');
    assert.equal(f.severity, 'information');
    assert.equal(line(p, f), 1);
    assert.match(f.message, /LocMemCache/);
    silent(GOOD, 'DJD121');
    assert.equal(only(settingsProject(good({ CACHES: null })).allFindings({ checklist: true }), 'DJD119').length, 0, 'no warning for the default');
    // A setting nobody wrote has no line of its own: the checklist says it, the editor and the CLI do not.
    assert.equal(f.checklistOnly, true);
    assert.deepEqual(only(p.allFindings(), 'DJD121'), []);
    assert.deepEqual(only(p.findingsFor(f.file), 'DJD121'), []);
  });

  test('DJD122: a password literal (also built from literals or set by item assignment); not one read from the environment, not SQLite, not empty', () => {
    const literal = (password: string) => good({ DATABASES: `{"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": ${password}, "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}}` });
    silent(literal('os.environ["DATABASE_PASSWORD"]'), 'DJD122');
    silent(literal('os.environ.get("DATABASE_PASSWORD", "dev-only")'), 'DJD122');
    silent(literal('open("/run/secrets/db").read().strip()'), 'DJD122');
    silent(literal('""'), 'DJD122');
    silent(literal('"a" if os.environ.get("CI") else os.environ["DATABASE_PASSWORD"]'), 'DJD122');
    silent(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3", "PASSWORD": "unused"}}' }), 'DJD122');
    const joined = one(literal('"hun" + "ter2"'), 'DJD122');
    assert.equal(covered(joined.p, joined.f), 'DATABASES', 'not a literal of its own: on the setting');
    const item = good({}) + 'DATABASES["default"]["PASSWORD"] = "s3cret"\n';
    const assigned = one(item, 'DJD122');
    assert.equal(covered(assigned.p, assigned.f), '"PASSWORD"] = "s3cret"');
    assert.equal(line(assigned.p, assigned.f), lineOf(item, '"s3cret"'));
    // Two aliases with passwords: each on its own key.
    const two = settingsProject(good({ DATABASES: '{\n    "default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "one", "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True},\n    "replica": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "two", "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True},\n}' }));
    assert.deepEqual(only(two.allFindings(), 'DJD122').map((f) => covered(two, f)), ['"PASSWORD": "one"', '"PASSWORD": "two"']);
  });

  test('DJD122 fix: the literal becomes os.environ.get(…, "") (the module loads without the variable), import os added; not safe', () => {
    const settings = 'DEBUG = False\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": \'hunter2\'}}\n';
    const { p, f } = one(settings, 'DJD122');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, false);
    const fixed = applyFix(p, f.fixes[0], SETTINGS);
    assert.equal(fixed, 'import os\nDEBUG = False\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": os.environ.get("DATABASE_PASSWORD", "")}}\n');
    assert.deepEqual(only(p.allFindings({ checklist: true }), 'DJD122'), []);
    // Only in the module that wrote it: a base module shared with development is not rewritten.
    const split = project({
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': settings,
      'mysite/settings/production.py': 'from .base import *\n',
      'mysite/settings/dev.py': 'from .base import *\nDEBUG = True\n',
    }, { djangoVersion: '4.2' });
    const inBase = only(split.allFindings(), 'DJD122');
    assert.equal(inBase.length, 1);
    assert.equal(inBase[0].file, `${ROOT}/mysite/settings/base.py`);
    assert.deepEqual(inBase[0].fixes, []);
  });

  test('DJD123: SQLite in production is information, on the ENGINE value', () => {
    const settings = good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}' });
    const { p, f } = one(settings, 'DJD123');
    assert.equal(f.severity, 'information');
    assert.equal(covered(p, f), '"django.db.backends.sqlite3"');
    silent(good({ DATABASES: '{"default": {"ENGINE": os.environ["DB_ENGINE"], "NAME": "db"}}' }), 'DJD123');
  });

  test('DJD124: console, file, locmem and dummy e-mail backends; with an environment default it says when; without one, nothing', () => {
    for (const kind of ['console', 'filebased', 'locmem', 'dummy']) {
      const settings = good({ EMAIL_BACKEND: `"django.core.mail.backends.${kind}.EmailBackend"` });
      const { p, f } = one(settings, 'DJD124');
      assert.equal(line(p, f), lineOf(settings, 'EMAIL_BACKEND'));
      assert.match(f.message, new RegExp(`Django's ${kind} backend`));
    }
    const env = one(good({ EMAIL_BACKEND: 'os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")' }), 'DJD124').f;
    assert.deepEqual(env.whenUnset, ['EMAIL_BACKEND']);
    silent(good({ EMAIL_BACKEND: 'os.environ["EMAIL_BACKEND"]' }), 'DJD124');
    silent(good({ EMAIL_BACKEND: '"django.core.mail.backends.smtp.EmailBackend"' }), 'DJD124');
    silent(good({ EMAIL_BACKEND: '"anymail.backends.mailgun.EmailBackend"' }), 'DJD124');
  });

  test('DJD125: Django’s default senders while mail is sent; on ADMINS / EMAIL_HOST; not when unknown or when no mail is sent', () => {
    const settings = good({ SERVER_EMAIL: null });
    const { p, f } = one(settings, 'DJD125');
    assert.match(f.message, new RegExp(`SERVER_EMAIL is '${DEFAULT_SERVER_EMAIL}'`));
    assert.equal(line(p, f), lineOf(settings, 'ADMINS'));
    const from = good({ DEFAULT_FROM_EMAIL: null });
    const fromFinding = one(from, 'DJD125');
    assert.match(fromFinding.f.message, new RegExp(`DEFAULT_FROM_EMAIL is '${DEFAULT_FROM_EMAIL}'`));
    assert.equal(line(fromFinding.p, fromFinding.f), lineOf(from, 'EMAIL_HOST'));
    const explicit = one(good({ SERVER_EMAIL: '"root@localhost"' }), 'DJD125');
    assert.equal(covered(explicit.p, explicit.f), 'SERVER_EMAIL');
    silent(good({ SERVER_EMAIL: 'os.environ["SERVER_EMAIL"]' }), 'DJD125');
    silent(good({ SERVER_EMAIL: null, ADMINS: 'os.environ["ADMINS"]' }), 'DJD125');
    // Nobody to mail and no mail host: the defaults are never used as senders.
    silent(good({ SERVER_EMAIL: null, DEFAULT_FROM_EMAIL: null, ADMINS: '[]', EMAIL_HOST: null }), 'DJD125');
    // The console backend: DJD124 says it first.
    silent(good({ SERVER_EMAIL: null, EMAIL_BACKEND: '"django.core.mail.backends.console.EmailBackend"' }), 'DJD125');
  });

  test('DJD126: cache sessions on local memory (Django’s default CACHES counts) or the dummy cache; cached_db on local memory; not cached_db on the dummy cache', () => {
    const cache = good({ CACHES: null, SESSION_ENGINE: '"django.contrib.sessions.backends.cache"' });
    const { p, f } = one(cache, 'DJD126');
    assert.equal(line(p, f), lineOf(cache, 'SESSION_ENGINE'));
    assert.match(f.message, /Django's default, a per-process local-memory cache/);
    assert.match(one(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}', SESSION_ENGINE: '"django.contrib.sessions.backends.cache"' }), 'DJD126').f.message, /never stored/);
    assert.match(one(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}', SESSION_ENGINE: '"django.contrib.sessions.backends.cached_db"' }), 'DJD126').f.message, /own copy/);
    silent(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}', SESSION_ENGINE: '"django.contrib.sessions.backends.cached_db"' }), 'DJD126');
    silent(good({ SESSION_ENGINE: '"django.contrib.sessions.backends.cache"' }), 'DJD126');
    silent(good({ CACHES: null }), 'DJD126');
    silent(good({ CACHES: null, SESSION_ENGINE: 'os.environ["SESSION_ENGINE"]' }), 'DJD126');
    // The sessions' cache alias is another one.
    silent(good({ CACHES: '{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "sessions": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}', SESSION_ENGINE: '"django.contrib.sessions.backends.cache"', SESSION_CACHE_ALIAS: '"sessions"' }), 'DJD126');
  });

  test('DJD127: CONN_MAX_AGE 0 or unset is information (not SQLite, not with a pool, not when unknown)', () => {
    const zero = good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "CONN_MAX_AGE": 0}}' });
    const { p, f } = one(zero, 'DJD127');
    assert.equal(f.severity, 'information');
    assert.equal(covered(p, f), '"CONN_MAX_AGE": 0');
    const unset = one(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop"}}' }), 'DJD127');
    assert.equal(covered(unset.p, unset.f), 'DATABASES');
    assert.match(unset.f.message, /unset \(Django's default 0\)/);
    silent(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}' }), 'DJD127');
    silent(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"pool": True}}}' }), 'DJD127', '5.2');
    silent(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": int(os.environ["CONN_MAX_AGE"])}}' }), 'DJD127');
    silent('import dj_database_url\nDATABASES = {"default": dj_database_url.config()}\n', 'DJD127');
  });

  test('DJD128 (Django 4.1+): persistent connections without health checks; the fix adds the key in the same dict', () => {
    const settings = good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "CONN_MAX_AGE": 600}}' });
    const { p, f } = one(settings, 'DJD128');
    assert.equal(covered(p, f), '"CONN_MAX_AGE": 600');
    assert.equal(f.fixes.length, 1);
    const fixed = applyFix(p, f.fixes[0], SETTINGS);
    assert.ok(fixed.includes('"CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True}'), fixed);
    assert.deepEqual(only(p.allFindings({ checklist: true }), 'DJD128'), []);
    assert.equal(one(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": None}}' }), 'DJD128').f.message.includes('CONN_MAX_AGE None'), true);
    silent(settings, 'DJD128', '3.2');
    silent(settings, 'DJD128', '4.0');
    silent(GOOD, 'DJD128');
    silent(good({ DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": os.environ["HC"] == "1"}}' }), 'DJD128');
    assert.deepEqual(SETTINGS_RULES.find((r) => r.code === 'DJD128')!.since, [4, 1]);
  });

  test('DJD129: loaders listed without the cached loader, DEBUG off; not when Django chooses the loaders, wraps them, or a custom loader may cache', () => {
    const templates = (loaders: string) => `[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "OPTIONS": {"loaders": ${loaders}}}]`;
    const plain = '["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"]';
    const settings = good({ TEMPLATES: templates(plain) });
    const { p, f } = one(settings, 'DJD129');
    assert.equal(covered(p, f), '"loaders"');
    silent(good({ TEMPLATES: templates(`[("django.template.loaders.cached.Loader", ${plain})]`) }), 'DJD129');
    silent(good({ TEMPLATES: templates('[("template_partials.loader.Loader", [("django.template.loaders.cached.Loader", ["django.template.loaders.app_directories.Loader"])])]') }), 'DJD129');
    silent(good({ TEMPLATES: templates('["myapp.loaders.DatabaseLoader"]') }), 'DJD129');
    silent(good({ TEMPLATES: '[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]' }), 'DJD129');
    silent(good({ TEMPLATES: templates(plain), DEBUG: 'os.environ["DJANGO_DEBUG"] == "1"' }), 'DJD129');
  });

  test('DJD130 / DJD131: no LOGGING, nobody in ADMINS, MANAGERS empty with BrokenLinkEmailsMiddleware; quiet with error monitoring of their own', () => {
    const { p, f } = one(good({ LOGGING: null }), 'DJD130');
    assert.equal(line(p, f), 1);
    silent(good({ LOGGING: null }) + 'import sentry_sdk\nsentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"))\n', 'DJD130');
    silent(good({ LOGGING: null, LOGGING_CONFIG: 'None' }), 'DJD130');
    // Sentry set up in the base module production star-imports.
    const split = project({
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': good({ LOGGING: null, ADMINS: '[]' }) + 'import sentry_sdk\nsentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"))\n',
      'mysite/settings/production.py': 'from .base import *\n',
    }, { djangoVersion: '4.2' });
    assert.deepEqual(ours(split.allFindings()).map((x) => x.code), []);
    const empty = good({ ADMINS: '[]', SERVER_EMAIL: null });
    const admins = one(empty, 'DJD131');
    assert.equal(covered(admins.p, admins.f), 'ADMINS');
    assert.equal(one(good({ ADMINS: null }), 'DJD131').f.message.startsWith('ADMINS is empty'), true);
    silent(good({ ADMINS: 'os.environ["ADMINS"]' }), 'DJD131');
    const broken = good({ MIDDLEWARE: '["django.middleware.common.BrokenLinkEmailsMiddleware"]' });
    const managers = one(broken, 'DJD131');
    assert.equal(covered(managers.p, managers.f), '"django.middleware.common.BrokenLinkEmailsMiddleware"');
    silent(good({ MIDDLEWARE: '["django.middleware.common.BrokenLinkEmailsMiddleware"]', MANAGERS: '[("Web", "web@shop.example.com")]' }), 'DJD131');
  });

  test('development modules get none of these findings (production, next to them, is clean)', () => {
    const bad = [
      'DEBUG = True',
      'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "postgres", "CONN_MAX_AGE": 60}}',
      'EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"',
      'CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}',
      'SESSION_ENGINE = "django.contrib.sessions.backends.cache"',
      'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"loaders": ["django.template.loaders.filesystem.Loader"]}}]',
      '',
    ].join('\n');
    const p = project({
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': '',
      'mysite/settings/dev.py': bad,
      'mysite/settings/production.py': GOOD,
      'mysite/wsgi.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
    }, { djangoVersion: '4.2' });
    assert.deepEqual(p.settingsModules().map((m) => `${m.moduleName}:${m.role}`).sort(), ['mysite.settings.dev:development', 'mysite.settings.production:production']);
    assert.deepEqual(ours(p.allFindings({ checklist: true })).map((f) => `${f.code} ${f.file}`), []);
  });
});

// ---------------------------------------------------------------------------------------------

const WSGI = "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\napplication = get_wsgi_application()\n";

function site(settings: string, extra: Record<string, string> = {}, config: Record<string, unknown> = {}) {
  return project({ 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '', 'mysite/settings.py': settings, 'mysite/wsgi.py': WSGI, ...extra }, { djangoVersion: '4.2', ...config });
}

function checklist(p: ReturnType<typeof project>, withKnowledge = true): ChecklistItem[] {
  return deploymentChecklist(p.allFindings({ checklist: true }), projectFacts(p), undefined, [], withKnowledge ? settingsKnowledge(p) : undefined);
}

function row(items: ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `no row ${id}: ${items.map((i) => i.id).join(', ')}`);
  return found;
}

const TEMPLATES_DIR = 'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates")]}]';

describe('checklist rows: Django’s checklist order, a doc for each, ✓ only when known', () => {
  test('the rows follow Django’s deployment checklist; every row links to Django’s documentation', () => {
    const items = checklist(site(GOOD));
    assert.deepEqual(items.map((i) => i.id), [
      'secret-key', 'debug', 'environment', 'allowed-hosts', 'caches', 'databases', 'email', 'static-settings', 'collectstatic', 'templates-static', 'missing-static', 'static-serving', 'media',
      'https', 'cookies', 'sessions', 'database-connections', 'cached-templates', 'logging', 'error-emails', 'error-pages', 'other-checks', 'app-server',
    ]);
    for (const i of items) assert.match(i.doc ?? '', /^https:\/\/docs\.djangoproject\.com\/en\/stable\/.+/, i.id);
    assert.equal(row(items, 'databases').doc, 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#databases');
    assert.equal(row(items, 'error-pages').doc, 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#customize-the-default-error-views');
  });

  test('new rows pass, warn and fail from the findings', () => {
    const right = checklist(site(GOOD));
    for (const id of ['caches', 'databases', 'email', 'sessions', 'database-connections', 'cached-templates', 'logging', 'error-emails']) assert.equal(row(right, id).status, 'pass', `${id}: ${row(right, id).detail}`);
    assert.equal(row(right, 'caches').detail, 'The default cache is django.core.cache.backends.redis.RedisCache.');
    assert.match(row(right, 'databases').detail, /'default': postgresql; no password is written in the source/);
    const wrong = checklist(site(good({
      DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "hunter2"}}',
      EMAIL_BACKEND: '"django.core.mail.backends.console.EmailBackend"',
      CACHES: null,
      SESSION_ENGINE: '"django.contrib.sessions.backends.cache"',
      LOGGING: null,
      ADMINS: '[]',
    })));
    assert.equal(row(wrong, 'databases').status, 'fail');
    assert.equal(row(wrong, 'email').status, 'fail');
    assert.equal(row(wrong, 'caches').status, 'warn', 'CACHES not set is information');
    assert.equal(row(wrong, 'sessions').status, 'fail');
    assert.equal(row(wrong, 'database-connections').status, 'warn');
    assert.equal(row(wrong, 'logging').status, 'warn');
    assert.equal(row(wrong, 'error-emails').status, 'warn');
    assert.ok(row(wrong, 'databases').places.some((pl) => pl.label.startsWith('DJD122: ')));
    assert.equal(row(wrong, 'other-checks').places.filter((pl) => /^DJD1(19|2\d|3[01]):/.test(pl.label)).length, 0, 'new codes are not left to "other checks"');
  });

  test('DEBUG read from the environment: the row is undecided (?) with the reason; with the variable given for the analysis it is known', () => {
    const settings = good({ DEBUG: 'os.environ.get("DJANGO_DEBUG", "") == "1"' });
    const debug = row(checklist(site(settings)), 'debug');
    assert.equal(debug.status, 'unknown');
    assert.equal(debug.detail, 'DEBUG depends on DJANGO_DEBUG; its production value is not known here.');
    assert.equal(debug.places[0]?.label, 'DEBUG');
    const plain = row(checklist(site(good({ DEBUG: 'env.bool("DJANGO_DEBUG")' }).replace('import os', 'import os\nimport environ\nenv = environ.Env()'))), 'debug');
    assert.equal(plain.status, 'unknown');
    assert.equal(plain.detail, 'DEBUG is read from DJANGO_DEBUG; its production value is not known here.');
    assert.equal(row(checklist(site(settings, {}, { environment: { DJANGO_DEBUG: '0' } })), 'debug').status, 'pass');
    // Findings first: DEBUG on when the variable is unset fails, whatever production sets.
    assert.equal(row(checklist(site(good({ DEBUG: 'os.environ.get("DJANGO_DEBUG", "1") == "1"' }))), 'debug').status, 'fail');
    // Without the knowledge, the old contract: no finding, pass.
    assert.equal(row(checklist(site(settings), false), 'debug').status, 'pass');
  });

  test('undecided rows say which setting and why: environment reads, undecidable branches, values nobody can evaluate', () => {
    const items = checklist(site(good({
      SECRET_KEY: 'os.environ["DJANGO_SECRET_KEY"]',
      ALLOWED_HOSTS: 'os.environ.get("ALLOWED_HOSTS", "shop.example.com").split(",")',
      CACHES: '{"default": {"BACKEND": os.environ["CACHE_BACKEND"]}}',
      DATABASES: 'dj_database_url.config()',
      EMAIL_BACKEND: 'os.environ["EMAIL_BACKEND"]',
      SESSION_ENGINE: '"django.contrib.sessions.backends.cache" if os.path.exists("/etc/redis") else "django.contrib.sessions.backends.db"',
    }).replace('import os', 'import os\nimport dj_database_url')));
    assert.equal(row(items, 'secret-key').detail, 'SECRET_KEY is read from DJANGO_SECRET_KEY; its production value is not known here.');
    assert.equal(row(items, 'allowed-hosts').detail, 'ALLOWED_HOSTS depends on ALLOWED_HOSTS; its production value is not known here.');
    assert.equal(row(items, 'caches').detail, "CACHES['default']['BACKEND'] is read from CACHE_BACKEND; its production value is not known here.");
    assert.equal(row(items, 'databases').status, 'unknown');
    assert.match(row(items, 'databases').detail, /^DATABASES (cannot be evaluated|depends on|cannot be read)/);
    assert.equal(row(items, 'email').detail, 'EMAIL_BACKEND is read from EMAIL_BACKEND; its production value is not known here.');
    assert.equal(row(items, 'sessions').status, 'unknown');
    assert.match(row(items, 'sessions').detail, /^SESSION_ENGINE is set differently in branches/);
    for (const id of ['secret-key', 'allowed-hosts', 'caches', 'databases', 'email', 'sessions']) assert.equal(row(items, id).status, 'unknown', id);
  });

  test('error pages: present passes, missing warns, no template folder (or an unreadable TEMPLATES) is undecided', () => {
    const settings = good({ TEMPLATES: TEMPLATES_DIR });
    assert.equal(row(checklist(site(settings)), 'error-pages').status, 'unknown');
    assert.match(row(checklist(site(settings)), 'error-pages').detail, /no template folder/);
    const both = row(checklist(site(settings, { 'templates/404.html': '<h1>Not found</h1>\n', 'templates/500.html': '<h1>Error</h1>\n' })), 'error-pages');
    assert.equal(both.status, 'pass');
    assert.deepEqual(both.places.map((pl) => pl.file), [`${ROOT}/templates/404.html`, `${ROOT}/templates/500.html`]);
    const half = row(checklist(site(settings, { 'templates/404.html': '<h1>Not found</h1>\n', 'templates/base.html': '<html></html>\n' })), 'error-pages');
    assert.equal(half.status, 'warn');
    assert.equal(half.detail, 'No 500.html in the template folders (templates): Django shows its own plain 500 page.');
    const unreadable = row(checklist(site(good({ TEMPLATES: 'load_templates()' }).replace('import os', 'import os\nfrom .engines import load_templates'), { 'templates/base.html': '<html></html>\n' })), 'error-pages');
    assert.equal(unreadable.status, 'unknown');
    assert.equal(row(checklist(site(settings), false), 'error-pages').status, 'unknown', 'not looked at without the knowledge');
  });

  test('media: a remote storage passes; a local MEDIA_ROOT is for a person to check (?), with the nginx config command', () => {
    const local = row(checklist(site(good({ MEDIA_ROOT: '"/srv/shop/media"', MEDIA_URL: '"/media/"' }))), 'media');
    assert.equal(local.status, 'unknown');
    assert.match(local.detail, /MEDIA_ROOT \(\/srv\/shop\/media\)/);
    assert.equal(local.command?.id, 'djangoDeploy.generateNginxConfig');
    const s3 = row(checklist(site(good({ STORAGES: '{"default": {"BACKEND": "storages.backends.s3.S3Storage"}, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}' }))), 'media');
    assert.equal(s3.status, 'pass');
    const same = row(checklist(site(good({ MEDIA_ROOT: '"/srv/shop/static"', STATIC_ROOT: '"/srv/shop/static"', STATIC_URL: '"/static/"', MEDIA_URL: '"/media/"' }))), 'media');
    assert.equal(same.status, 'fail', same.detail);
  });

  test('no settings module: every new settings row is undecided', () => {
    const p = project({ 'templates/home.html': '<p>hi</p>\n' }, { djangoVersion: '4.2' });
    const items = deploymentChecklist(p.allFindings({ checklist: true }), projectFacts(p), undefined, [], settingsKnowledge(p));
    for (const id of ['caches', 'databases', 'email', 'media', 'sessions', 'database-connections', 'cached-templates', 'logging', 'error-emails']) assert.equal(row(items, id).status, 'unknown', id);
  });
});

describe('checklist Markdown: workspace-relative places, whole messages', () => {
  const settings = good({
    DATABASES: '{"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "hunter2", "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}}',
    CACHES: null,
    SESSION_ENGINE: '"django.contrib.sessions.backends.cache"',
    STATIC_URL: '"/static/"',
    STATIC_ROOT: '"/proj/staticfiles"',
  });

  test('places are path:line relative to the root; nothing absolute of the machine is written', () => {
    const p = site(settings);
    const items = deploymentChecklist(p.allFindings({ checklist: true }), projectFacts(p), { exists: false, files: 0, manifest: false }, [], settingsKnowledge(p));
    assert.match(row(items, 'collectstatic').detail, /\/proj\/staticfiles/, 'the detail itself names the absolute folder');
    const md = checklistMarkdown(items, 'mysite.settings', { root: ROOT, text: (f) => p.text(f) });
    assert.ok(!md.includes('/proj'), md);
    assert.ok(md.includes(`\`mysite/settings.py:${lineOf(settings, '"hunter2"')}\` DJD122`), md);
    assert.match(md, /STATIC\\_ROOT \\\(staticfiles\\\) does not exist/);
    // Without the texts: the path alone.
    const noLines = checklistMarkdown(items, 'mysite.settings', { root: ROOT });
    assert.ok(noLines.includes('`mysite/settings.py` DJD122'), noLines);
  });

  test('Markdown holds whole messages; the one-line detail is cut at a word boundary, never mid-word', () => {
    const p = site(settings);
    const items = checklist(p);
    const sessions = row(items, 'sessions');
    const message = p.allFindings({ checklist: true }).find((f) => f.code === 'DJD126')!.message;
    assert.ok(message.startsWith(sessions.detail.replace(/ \(settings\.py\)$/, '')), 'the detail is its first sentence');
    assert.equal(sessions.fullDetail, message);
    // A first sentence longer than DETAIL_LENGTH is cut after a whole word.
    const long = `${'Persistent connections are reused by every worker process '.repeat(4)}until the database drops them`;
    const cut = findingsItem('x', 'X', [{ code: 'DJD127', severity: 'information', message: long, file: SETTINGS, start: 0, end: 1, docsUrl: '', settingsModule: 'mysite.settings', production: true, related: [], fixes: [] }], undefined);
    const kept = cut.detail.replace(/ \(settings\.py\)$/, '');
    assert.ok(kept.length <= DETAIL_LENGTH + 1 && kept.endsWith('…'), kept);
    assert.ok(long.startsWith(kept.slice(0, -1)), kept);
    assert.equal(long[kept.length - 1], ' ', `cut inside a word: ${kept}`);
    assert.equal(cut.fullDetail, long);
    assert.match(checklistMarkdown([{ ...cut, placeCount: 1 }], 'x', { root: ROOT }), /until the database drops them\n/);
    const md = checklistMarkdown(items, 'mysite.settings', { root: ROOT, text: (f) => p.text(f) });
    const mdLine = md.split('\n').find((l) => l.startsWith('- [ ] Sessions'))!;
    assert.ok(mdLine.endsWith('Use Redis or Memcached for the cache, or database sessions.'), mdLine);
    assert.ok(!md.includes('…\n'), 'no cut message in Markdown');
    // Escaping is kept (test/unit/project.test.ts has the hostile cases).
    assert.ok(mdLine.includes("the 'default' cache"), mdLine);
    assert.ok(md.includes('- [x] CACHES') || md.includes('- [ ] CACHES'));
  });
});

// ---------------------------------------------------------------------------------------------
// Real Django: the defaults the rules rely on, and the modules their fixes write.

const REPO = resolve(__dirname, '..', '..', '..');
const PYTHON = '/usr/bin/python3';

interface TruthResult {
  outcome: string;
  ids: string[];
  error?: string;
  values?: Record<string, string>;
}
interface Truth {
  djangoVersions(): Record<string, { ok: true; version: string; path: string } | { ok: false; reason: string }>;
  runTruth(options: { root: string; settings: string; django?: string; env?: Record<string, string>; show?: string[] }): TruthResult;
}

const loadTruth = () => import(pathToFileURL(join(REPO, 'scripts', 'django', 'truth.mjs')).href) as Promise<Truth>;
const VERSIONS = ['3.2', '4.2', '5.2'];

/** Runs `code` under real Django `version` (3.2: Debian's; 4.2/5.2: .cache/django). */
function python(version: string, code: string): string {
  const r = spawnSync(PYTHON, ['-s', '-c', code], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', ...(version === '3.2' ? {} : { PYTHONPATH: join(REPO, '.cache', 'django', version) }) } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** A scratch project `shop` with these settings, for the truth harness. */
function scratchProject(settings: string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'djd-production-'));
  mkdirSync(join(root, 'shop'));
  writeFileSync(join(root, 'manage.py'), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
  writeFileSync(join(root, 'shop', '__init__.py'), '');
  writeFileSync(join(root, 'shop', 'settings.py'), settings);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const STRONG_KEY = 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE';
const TRUTH_BASE = [
  'import os',
  'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
  'DEBUG = False',
  'ALLOWED_HOSTS = ["shop.example.com"]',
  'INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]',
  '',
].join('\n');

describe('real Django decides', async () => {
  const truth = await loadTruth();
  const available = truth.djangoVersions();

  for (const version of VERSIONS) {
    const django = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;

    test(`Django ${version}: the defaults the rules assume (global_settings, connection defaults, the cached loader, default logging)`, { skip, timeout: 120_000 }, () => {
      const out = python(version, [
        'import django, json, logging, io, sys',
        'from django.conf import global_settings as g, settings',
        'settings.configure(DEBUG=False, SECRET_KEY="x" * 60)',
        'django.setup()',
        'from django.db.utils import ConnectionHandler',
        'h = ConnectionHandler({"default": {"ENGINE": "django.db.backends.postgresql"}})',
        'h.ensure_defaults("default") if hasattr(h, "ensure_defaults") else None',
        'conn = h.databases["default"] if hasattr(h, "databases") else h.settings["default"]',
        'from django.template.engine import Engine',
        'loaders = {str(d): repr(Engine(debug=d, app_dirs=True).loaders[0]) for d in (False, True)}',
        'explicit = Engine(debug=False, loaders=["django.template.loaders.filesystem.Loader"]).loaders',
        'err = io.StringIO(); sys.stderr = err',
        'logging.getLogger("django.request").error("a server error")',
        'sys.stderr = sys.__stderr__',
        'print(json.dumps({"from": g.DEFAULT_FROM_EMAIL, "server": g.SERVER_EMAIL, "caches": g.CACHES, "admins": g.ADMINS, "managers": g.MANAGERS, "email": g.EMAIL_BACKEND, "host": g.EMAIL_HOST, "sessions": g.SESSION_ENGINE, "alias": g.SESSION_CACHE_ALIAS, "logging": g.LOGGING, "max_age": conn.get("CONN_MAX_AGE"), "health": conn.get("CONN_HEALTH_CHECKS"), "loaders": loaders, "explicit": explicit, "logged": err.getvalue()}))',
      ].join('\n'));
      const d = JSON.parse(out);
      assert.equal(d.from, DEFAULT_FROM_EMAIL);
      assert.equal(d.server, DEFAULT_SERVER_EMAIL);
      assert.deepEqual(d.caches, { default: { BACKEND: 'django.core.cache.backends.locmem.LocMemCache' } });
      assert.ok(LOCAL_CACHES[d.caches.default.BACKEND]);
      assert.deepEqual([d.admins, d.managers], [[], []]);
      assert.equal(d.email, 'django.core.mail.backends.smtp.EmailBackend');
      assert.equal(d.host, 'localhost');
      assert.equal(d.sessions, 'django.contrib.sessions.backends.db');
      assert.equal(d.alias, 'default');
      assert.deepEqual(d.logging, {});
      assert.equal(d.max_age, 0, 'CONN_MAX_AGE defaults to 0');
      assert.equal(d.health, version === '3.2' ? null : false, 'CONN_HEALTH_CHECKS (4.1+) defaults to False');
      // No loaders given: the cached loader with DEBUG off; since 4.1 with DEBUG on too. Given: never added.
      assert.match(d.loaders.False, /django\.template\.loaders\.cached\.Loader/);
      assert.equal(/cached\.Loader/.test(d.loaders.True), version !== '3.2');
      assert.deepEqual(d.explicit, ['django.template.loaders.filesystem.Loader']);
      assert.equal(d.logged, '', 'DEBUG off, default LOGGING: a server error is printed nowhere');
    });

    test(`Django ${version}: the DJD122 fix keeps the module loadable, check --deploy adds no id, the password comes from the environment`, { skip, timeout: 300_000 }, () => {
      const settings = TRUTH_BASE + 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": "hunter2"}}\n';
      const before = scratchProject(settings);
      const after = scratchProject(settings);
      try {
        const p = project({ 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n", 'shop/__init__.py': '', 'shop/settings.py': settings }, { djangoVersion: version });
        const f = only(p.allFindings({ checklist: true }), 'DJD122');
        assert.equal(f.length, 1);
        const fixed = applyFix(p, f[0].fixes[0], `${ROOT}/shop/settings.py`);
        writeFileSync(join(after.root, 'shop', 'settings.py'), fixed);
        const env = { DJANGO_SECRET_KEY: STRONG_KEY };
        const was = truth.runTruth({ root: before.root, settings: 'shop.settings', django: version, env });
        assert.equal(was.outcome, 'checked', was.error);
        const unset = truth.runTruth({ root: after.root, settings: 'shop.settings', django: version, env, show: ['DATABASES'] });
        assert.equal(unset.outcome, 'checked', `the fixed module loads without DATABASE_PASSWORD: ${unset.error}`);
        assert.deepEqual(unset.ids, was.ids, 'check --deploy reports the same ids');
        assert.match(unset.values!.DATABASES, /'PASSWORD': ''/);
        const set = truth.runTruth({ root: after.root, settings: 'shop.settings', django: version, env: { ...env, DATABASE_PASSWORD: 'from-the-environment' }, show: ['DATABASES'] });
        assert.match(set.values!.DATABASES, /'PASSWORD': 'from-the-environment'/);
      } finally {
        before.cleanup();
        after.cleanup();
      }
    });

    // DJD128 is a Django 4.1+ rule: its fix is proven where the rule runs.
    if (version !== '3.2') test(`Django ${version}: the DJD128 fix keeps the module loadable and adds no check --deploy id`, { skip, timeout: 300_000 }, () => {
      const settings = TRUTH_BASE + 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "CONN_MAX_AGE": 600}}\n';
      const before = scratchProject(settings);
      const after = scratchProject(settings);
      try {
        const p = project({ 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n", 'shop/__init__.py': '', 'shop/settings.py': settings }, { djangoVersion: version });
        const f = only(p.allFindings({ checklist: true }), 'DJD128');
        assert.equal(f.length, 1);
        writeFileSync(join(after.root, 'shop', 'settings.py'), applyFix(p, f[0].fixes[0], `${ROOT}/shop/settings.py`));
        const env = { DJANGO_SECRET_KEY: STRONG_KEY };
        const was = truth.runTruth({ root: before.root, settings: 'shop.settings', django: version, env });
        const now = truth.runTruth({ root: after.root, settings: 'shop.settings', django: version, env, show: ['DATABASES'] });
        assert.equal(now.outcome, 'checked', now.error);
        assert.deepEqual(now.ids, was.ids);
        assert.match(now.values!.DATABASES, /'CONN_HEALTH_CHECKS': True/);
      } finally {
        before.cleanup();
        after.cleanup();
      }
    });
  }
});
