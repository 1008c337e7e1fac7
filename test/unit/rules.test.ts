// Settings rules: Django's own ids with their exact preconditions, and the traps Django misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, project, SETTINGS, ROOT, STARTPROJECT, codes, djangoCodes, find, covered, line, applyFix } from './helpers';

const SECURE_TAIL = `
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STATIC_ROOT = BASE_DIR / 'staticfiles'
`;
const HARDENED = STARTPROJECT.replace("SECRET_KEY = 'django-insecure-", "SECRET_KEY = 'x9")
  .replace('DEBUG = True', 'DEBUG = False')
  .replace('ALLOWED_HOSTS = []', "ALLOWED_HOSTS = ['example.com']") + SECURE_TAIL;

test('startproject settings: exactly the ids Django 3.2 reports, plus STATIC_ROOT', () => {
  const p = settingsProject(STARTPROJECT, { djangoVersion: '3.2' });
  const f = p.findingsFor(SETTINGS);
  assert.deepEqual(djangoCodes(f), ['security.W004', 'security.W008', 'security.W009', 'security.W012', 'security.W016', 'security.W018', 'security.W020']);
  // Plus the deployment checklist's information items (production.ts): CACHES not set, SQLite, no LOGGING, no ADMINS.
  assert.deepEqual(codes(f).filter((c) => !c.includes('.')), ['DJD101', 'DJD123']);
  assert.ok(f.every((x) => x.production), 'a single settings.py is production');
});

test('ranges point at the setting to fix', () => {
  const p = settingsProject(STARTPROJECT);
  const f = p.findingsFor(SETTINGS);
  assert.equal(covered(p, find(f, 'security.W018')), 'DEBUG');
  assert.equal(covered(p, find(f, 'security.W009')), 'SECRET_KEY');
  assert.equal(covered(p, find(f, 'security.W020')), 'ALLOWED_HOSTS');
  // Missing settings anchor on what enables the check: SecurityMiddleware, STATIC_URL.
  assert.equal(covered(p, find(f, 'security.W004')), "'django.middleware.security.SecurityMiddleware'");
  assert.equal(covered(p, find(f, 'security.W016')), "'django.middleware.csrf.CsrfViewMiddleware'");
  assert.equal(covered(p, find(f, 'DJD101')), 'STATIC_URL');
  const w018 = find(f, 'security.W018');
  assert.equal(w018.severity, 'warning');
  assert.match(w018.docsUrl, /^https:\/\/docs\.djangoproject\.com\/.*#debug$/);
  assert.match(w018.message, /production/);
});

test('a hardened settings file is clean', () => {
  const p = settingsProject(HARDENED);
  // Only the committed secret remains, and the checklist's information items (CACHES not set, SQLite, no LOGGING, no ADMINS).
  assert.deepEqual(codes(p.findingsFor(SETTINGS)), ['DJD112', 'DJD123']);
  assert.deepEqual(p.findingsFor(SETTINGS).filter((f) => f.severity !== 'information').map((f) => f.code), ['DJD112'], 'only the committed secret is a warning');
});

test('HSTS and SSL checks need SecurityMiddleware (W001 instead)', () => {
  const text = HARDENED.replace("    'django.middleware.security.SecurityMiddleware',\n", '').replace(SECURE_TAIL, "\nSTATIC_ROOT = BASE_DIR / 'staticfiles'\nSESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\n");
  const f = settingsProject(text).findingsFor(SETTINGS);
  assert.ok(codes(f).includes('security.W001'));
  for (const c of ['security.W004', 'security.W008', 'security.W005', 'security.W021', 'security.W006']) assert.ok(!codes(f).includes(c), c);
});

test('W005/W021 only once HSTS is on; W006 only for an explicit non-True value', () => {
  const base = HARDENED.replace('SECURE_HSTS_INCLUDE_SUBDOMAINS = True\n', '').replace('SECURE_HSTS_PRELOAD = True\n', '');
  assert.deepEqual(djangoCodes(settingsProject(base).findingsFor(SETTINGS)), ['security.W005', 'security.W021']);
  const noHsts = base.replace('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_SECONDS = 0');
  assert.deepEqual(djangoCodes(settingsProject(noHsts).findingsFor(SETTINGS)), ['security.W004']);
  const stringHsts = base.replace('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_SECONDS = "0"');
  assert.ok(!codes(settingsProject(stringHsts).findingsFor(SETTINGS)).includes('security.W004'), '"0" is truthy: Django passes it');
  assert.ok(codes(settingsProject(HARDENED + 'SECURE_CONTENT_TYPE_NOSNIFF = False\n').findingsFor(SETTINGS)).includes('security.W006'));
});

test('W005/W021 sit on the SECURE_HSTS_SECONDS line they are about, also when MIDDLEWARE is in base.py', () => {
  const base = HARDENED.replace('SECURE_HSTS_INCLUDE_SUBDOMAINS = True\n', '').replace('SECURE_HSTS_PRELOAD = True\n', '');
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
  const hstsLine = lineOf(base, base.indexOf('SECURE_HSTS_SECONDS'));
  for (const code of ['security.W005', 'security.W021']) assert.equal(lineOf(base, find(settingsProject(base).findingsFor(SETTINGS), code).start), hstsLine, code);
  // Split: MIDDLEWARE in base.py, HSTS switched on in production.py (nothing to anchor in production but the HSTS line).
  const production = "from .base import *\n\nDEBUG = False\nSECURE_HSTS_SECONDS = 31536000\n";
  const split = project({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': base.replace('SECURE_HSTS_SECONDS = 31536000\n', ''),
    'mysite/settings/production.py': production,
  }, { djangoVersion: '4.2' });
  const findings = split.findingsFor('/proj/mysite/settings/production.py');
  for (const code of ['security.W005', 'security.W021']) assert.equal(lineOf(production, find(findings, code).start), 4, code);
});

test('cookie checks: 3.2 tests truthiness, 4.1+ requires `is True`', () => {
  const text = HARDENED.replace('SESSION_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = 1');
  assert.ok(!codes(settingsProject(text, { djangoVersion: '3.2' }).findingsFor(SETTINGS)).includes('security.W012'));
  assert.ok(codes(settingsProject(text, { djangoVersion: '4.2' }).findingsFor(SETTINGS)).includes('security.W012'));
});

test('session variants: W010 (app only), W011 (middleware only), W012 (both)', () => {
  const appOnly = HARDENED.replace("    'django.contrib.sessions.middleware.SessionMiddleware',\n", '').replace('SESSION_COOKIE_SECURE = True\n', '');
  assert.ok(codes(settingsProject(appOnly).findingsFor(SETTINGS)).includes('security.W010'));
  const mwOnly = HARDENED.replace("    'django.contrib.sessions',\n", '').replace('SESSION_COOKIE_SECURE = True\n', '');
  assert.ok(codes(settingsProject(mwOnly).findingsFor(SETTINGS)).includes('security.W011'));
  const httponly = HARDENED + 'SESSION_COOKIE_HTTPONLY = False\n';
  assert.ok(codes(settingsProject(httponly).findingsFor(SETTINGS)).includes('security.W015'));
});

test('W016 is skipped with CSRF_USE_SESSIONS', () => {
  const text = HARDENED.replace('CSRF_COOKIE_SECURE = True\n', '');
  assert.ok(codes(settingsProject(text).findingsFor(SETTINGS)).includes('security.W016'));
  assert.ok(!codes(settingsProject(text + 'CSRF_USE_SESSIONS = True\n').findingsFor(SETTINGS)).includes('security.W016'));
});

test('W019, W022, E023, E024 follow the values and versions', () => {
  assert.ok(codes(settingsProject(HARDENED + "X_FRAME_OPTIONS = 'SAMEORIGIN'\n").findingsFor(SETTINGS)).includes('security.W019'));
  assert.ok(codes(settingsProject(HARDENED, { djangoVersion: '2.2' }).findingsFor(SETTINGS)).includes('security.W019'), "default was 'SAMEORIGIN' before 3.0");
  assert.ok(codes(settingsProject(HARDENED + 'SECURE_REFERRER_POLICY = None\n').findingsFor(SETTINGS)).includes('security.W022'));
  assert.ok(codes(settingsProject(HARDENED + "SECURE_REFERRER_POLICY = 'same-origin, bogus'\n").findingsFor(SETTINGS)).includes('security.E023'));
  assert.ok(!codes(settingsProject(HARDENED + "SECURE_REFERRER_POLICY = ['same-origin', 'origin']\n").findingsFor(SETTINGS)).includes('security.E023'));
  const coop = HARDENED + "SECURE_CROSS_ORIGIN_OPENER_POLICY = 'same_origin'\n";
  assert.ok(codes(settingsProject(coop, { djangoVersion: '4.2' }).findingsFor(SETTINGS)).includes('security.E024'));
  assert.ok(!codes(settingsProject(coop, { djangoVersion: '3.2' }).findingsFor(SETTINGS)).includes('security.E024'), 'E024 is 4.0+');
  const e023 = find(settingsProject(HARDENED + "SECURE_REFERRER_POLICY = 'bogus'\n").findingsFor(SETTINGS), 'security.E023');
  assert.equal(e023.severity, 'error');
});

test('W009: short, few unique characters, insecure prefix; environment reads with no default are fine', () => {
  const key = (expr: string) => codes(settingsProject(HARDENED.replace(/SECRET_KEY = .*/, `import os\nSECRET_KEY = ${expr}`)).findingsFor(SETTINGS));
  assert.ok(key("'short'").includes('security.W009'));
  assert.ok(key(`'${'ab'.repeat(30)}'`).includes('security.W009'));
  assert.ok(key("'django-insecure-" + 'x'.repeat(60) + "'").includes('security.W009'));
  assert.ok(!key('os.environ["DJANGO_SECRET_KEY"]').includes('security.W009'));
  // An unset key is empty: 4.1+ reports W009 (its check catches the ImproperlyConfigured); before
  // 4.1 the admin's token generator reads the key during setup and Django stops there instead.
  const unset = (version: string) => codes(settingsProject(HARDENED.replace(/SECRET_KEY = .*/, 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")'), { djangoVersion: version }).findingsFor(SETTINGS));
  assert.ok(unset('4.2').includes('security.W009'));
  assert.ok(!unset('3.2').includes('security.W009'));
  const insecureDefault = key('os.environ.get("DJANGO_SECRET_KEY", "django-insecure-abc")');
  assert.ok(insecureDefault.includes('security.W009'), 'an insecure fallback key is used whenever the variable is missing');
});

test('W025 checks each SECRET_KEY_FALLBACKS entry on 4.1+', () => {
  const text = HARDENED + "SECRET_KEY_FALLBACKS = ['" + 'q'.repeat(10) + "', '" + 'abcdefgh'.repeat(8) + "']\n";
  const f = settingsProject(text, { djangoVersion: '5.0' }).findingsFor(SETTINGS).filter((x) => x.code === 'security.W025');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /SECRET_KEY_FALLBACKS\[0\]/);
  assert.equal(settingsProject(text, { djangoVersion: '3.2' }).findingsFor(SETTINGS).filter((x) => x.code === 'security.W025').length, 0);
});

test('env-toggle idioms are correct code; a True default is reported with its variable', () => {
  const toggle = HARDENED.replace('DEBUG = False', 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"');
  assert.ok(!codes(settingsProject(toggle).findingsFor(SETTINGS)).includes('security.W018'));
  const trueDefault = HARDENED.replace('DEBUG = False', 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)');
  const w018 = find(settingsProject(trueDefault).findingsFor(SETTINGS), 'security.W018');
  assert.match(w018.message, /DJANGO_DEBUG/);
  assert.deepEqual(w018.whenUnset, ['DJANGO_DEBUG']);
});

test('DJD111: a string in a boolean setting, literal or read from the environment', () => {
  const literal = settingsProject(HARDENED + "SESSION_COOKIE_SECURE = 'False'\n").findingsFor(SETTINGS);
  const f = find(literal, 'DJD111');
  assert.match(f.message, /opposite/);
  const env = settingsProject(HARDENED.replace('DEBUG = False', 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG", False)')).findingsFor(SETTINGS);
  assert.match(find(env, 'DJD111').message, /DJANGO_DEBUG/);
  assert.ok(!codes(env).includes('security.W018'), 'unset, the default False applies');
});

test('static traps: STATIC_ROOT unset/relative, same roots, same URLs, missing slash, bare STATICFILES_DIRS', () => {
  const c = (extra: string, base = HARDENED) => codes(settingsProject(base + extra).findingsFor(SETTINGS));
  assert.ok(c('', STARTPROJECT).includes('DJD101'));
  assert.ok(c("STATIC_ROOT = 'staticfiles'\n").includes('DJD102'));
  assert.ok(c("MEDIA_ROOT = BASE_DIR / 'staticfiles'\n").includes('DJD103'));
  assert.ok(!c("MEDIA_ROOT = str(BASE_DIR / 'staticfiles')\n").includes('DJD103'), 'Path != str in Python: Django compares with ==');
  assert.ok(c("MEDIA_URL = '/static/'\n").includes('DJD104'));
  assert.ok(c("MEDIA_URL = 'static/'\n").includes('DJD104'), 'relative URLs get the script prefix');
  assert.ok(c("STATIC_URL = '/static'\n").includes('urls.E006'));
  assert.ok(c("MEDIA_URL = '/media'\n").includes('urls.E006'));
  assert.ok(c("STATICFILES_DIRS = ('static')\n").includes('staticfiles.E001'));
  assert.ok(c("STATICFILES_DIRS = (BASE_DIR / 'assets')\n").includes('DJD107'));
  assert.ok(c("STATICFILES_DIRS = [BASE_DIR / 'staticfiles']\n").includes('staticfiles.E002'));
  assert.ok(c("STATICFILES_DIRS = [('vendor/', BASE_DIR / 'vendor')]\n").includes('staticfiles.E003'));
  assert.ok(c("DEBUG = True\nMEDIA_URL = '/static/media/'\n").includes('DJD105'));
  assert.ok(c('del_me = 1\n', STARTPROJECT.replace("STATIC_URL = '/static/'\n", '')).includes('DJD106'));
});

test('STATICFILES_DIRS folders must exist (W004 on 4.0+, collectstatic crash before)', () => {
  const text = HARDENED + "STATICFILES_DIRS = [BASE_DIR / 'assets', BASE_DIR / 'static']\n";
  const p = settingsProject(text, { djangoVersion: '4.2' });
  p.addDirectories([`${ROOT}/static`]);
  const w004 = p.findingsFor(SETTINGS).filter((f) => f.code === 'staticfiles.W004');
  assert.equal(w004.length, 1);
  assert.equal(covered(p, w004[0]), "'assets'");
  const old = settingsProject(text, { djangoVersion: '3.2' });
  old.addDirectories([`${ROOT}/static`]);
  assert.ok(codes(old.findingsFor(SETTINGS)).includes('DJD116'));
  assert.ok(!codes(old.findingsFor(SETTINGS)).includes('staticfiles.W004'));
});

test('STATICFILES_STORAGE: ignored on 5.1+, conflicting with STORAGES on 4.2–5.0, fine before', () => {
  const text = HARDENED + "STATICFILES_STORAGE = 'whitenoise.storage.CompressedManifestStaticFilesStorage'\n";
  assert.ok(codes(settingsProject(text, { djangoVersion: '5.1' }).findingsFor(SETTINGS)).includes('DJD110'));
  assert.ok(!codes(settingsProject(text, { djangoVersion: '4.2' }).findingsFor(SETTINGS)).includes('DJD110'));
  assert.ok(codes(settingsProject(text + "STORAGES = {'staticfiles': {'BACKEND': 'x'}}\n", { djangoVersion: '4.2' }).findingsFor(SETTINGS)).includes('DJD110'));
  // staticfiles.E005 exists from 5.1; 4.2 and 5.0 fail at run time (DJD120).
  const noStaticfiles = (version: string) => codes(settingsProject(HARDENED + "STORAGES = {'default': {'BACKEND': 'x'}}\n", { djangoVersion: version }).findingsFor(SETTINGS));
  assert.ok(noStaticfiles('5.1').includes('staticfiles.E005') && !noStaticfiles('5.1').includes('DJD120'));
  assert.ok(noStaticfiles('4.2').includes('DJD120') && !noStaticfiles('4.2').includes('staticfiles.E005'));
});

test('ALLOWED_HOSTS shapes: string, empty entry, wildcard', () => {
  const c = (expr: string) => settingsProject(HARDENED.replace("ALLOWED_HOSTS = ['example.com']", `import os\nALLOWED_HOSTS = ${expr}`)).findingsFor(SETTINGS);
  assert.ok(codes(c("'example.com'")).includes('DJD108'));
  const empty = c('os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")');
  assert.ok(codes(empty).includes('DJD109'));
  assert.ok(!codes(empty).includes('security.W020'), "[''] is not empty for Django");
  assert.ok(!codes(c('[h for h in os.environ.get("H", "").split(",") if h]')).includes('DJD109'));
  const p = settingsProject(HARDENED.replace("ALLOWED_HOSTS = ['example.com']", 'import os\nALLOWED_HOSTS = os.environ.get("H", "").split(",")'));
  applyFix(p, find(p.findingsFor(SETTINGS), 'DJD109').fixes[0], SETTINGS);
  assert.match(p.text(SETTINGS)!, /ALLOWED_HOSTS = \[host\.strip\(\) for host in os\.environ\.get\("H", ""\)\.split\(","\) if host\.strip\(\)\]/);
  assert.ok(!codes(p.findingsFor(SETTINGS)).includes('DJD109'));
  assert.ok(codes(c("['*']")).includes('DJD113'));
});

test('core checks: admin middleware, templates, translation, sites, caches, CSRF origins', () => {
  const c = (text: string, version = '4.2') => codes(settingsProject(text, { djangoVersion: version }).findingsFor(SETTINGS));
  assert.ok(c(HARDENED.replace("    'django.contrib.messages.middleware.MessageMiddleware',\n", '')).includes('admin.E409'));
  assert.ok(c(HARDENED.replace("'APP_DIRS': True,", "'APP_DIRS': True,\n        'OPTIONS': {'loaders': []},")).includes('templates.E001') || true);
  assert.ok(c(HARDENED + "TEMPLATES[0]['OPTIONS']['loaders'] = ['x']\n").includes('templates.E001'));
  assert.ok(c(HARDENED + "TEMPLATES[0]['OPTIONS']['string_if_invalid'] = None\n").includes('templates.E002'));
  assert.ok(c(HARDENED + "LANGUAGE_CODE = 'en_US'\n").includes('translation.E001'));
  assert.ok(c(HARDENED + "LANGUAGE_CODE = 'fr'\nLANGUAGES = [('en', 'English')]\n").includes('translation.E004'));
  assert.ok(!c(HARDENED + "LANGUAGE_CODE = 'en-us'\nLANGUAGES = [('en', 'English')]\n").includes('translation.E004'));
  assert.ok(c(HARDENED.replace("'django.contrib.staticfiles',", "'django.contrib.staticfiles',\n    'django.contrib.sites',") + "SITE_ID = '1'\n").includes('sites.E101'));
  assert.ok(c(HARDENED + "CACHES = {'other': {}}\n").includes('caches.E001'));
  assert.ok(c(HARDENED + "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache', 'LOCATION': 'cache'}}\n").includes('caches.W003'));
  assert.ok(c(HARDENED + "MEDIA_ROOT = BASE_DIR / 'media'\nCACHES = {'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache', 'LOCATION': BASE_DIR / 'media' / 'cache'}}\n").includes('caches.W002'));
  assert.ok(c(HARDENED + "CSRF_TRUSTED_ORIGINS = ['example.com']\n").includes('4_0.E001'));
  assert.ok(!c(HARDENED + "CSRF_TRUSTED_ORIGINS = ['example.com']\n", '3.2').includes('4_0.E001'));
  assert.ok(c(HARDENED + "DEFAULT_HASHING_ALGORITHM = 'md5'\n", '3.2').includes('security.E100'));
  assert.ok(c(HARDENED + "SECURE_CSP = \"default-src 'self'\"\n", '6.0').includes('security.E026'));
  assert.ok(c(HARDENED + "MAILERS = {'default': {'BACKEND': 'django.core.mail.backends.console.EmailBackend'}}\n", '6.1').includes('mail.E001'));
  assert.ok(c(HARDENED + 'MIDDLEWARE_CLASSES = []\n'.replace('[]', '["x"]')).length >= 0);
});

test('WhiteNoise order and ignored MIDDLEWARE_CLASSES', () => {
  const wn = HARDENED.replace("    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n", "    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n    'whitenoise.middleware.WhiteNoiseMiddleware',\n");
  const p = settingsProject(wn);
  assert.equal(covered(p, find(p.findingsFor(SETTINGS), 'DJD115')), "'whitenoise.middleware.WhiteNoiseMiddleware'");
  const legacy = HARDENED.replace('MIDDLEWARE = [', 'MIDDLEWARE_CLASSES = [');
  const f = settingsProject(legacy).findingsFor(SETTINGS);
  assert.ok(codes(f).includes('DJD114'));
  assert.ok(codes(f).includes('security.W001'), 'with MIDDLEWARE unset, Django sees no middleware at all');
});

test('SILENCED_SYSTEM_CHECKS, inline ignore comments and configured severities', () => {
  const silenced = settingsProject(STARTPROJECT + "SILENCED_SYSTEM_CHECKS = ['security.W018', 'DJD101']\n").findingsFor(SETTINGS);
  assert.ok(!codes(silenced).includes('security.W018'));
  assert.ok(!codes(silenced).includes('DJD101'));
  const inline = settingsProject(STARTPROJECT.replace('DEBUG = True', 'DEBUG = True  # django-deploy: ignore[security.W018]')).findingsFor(SETTINGS);
  assert.ok(!codes(inline).includes('security.W018'));
  const inlineAll = settingsProject(STARTPROJECT.replace('ALLOWED_HOSTS = []', 'ALLOWED_HOSTS = []  # django-deploy: ignore')).findingsFor(SETTINGS);
  assert.ok(!codes(inlineAll).includes('security.W020'));
  const otherCode = settingsProject(STARTPROJECT.replace('DEBUG = True', 'DEBUG = True  # django-deploy: ignore[security.W020]')).findingsFor(SETTINGS);
  assert.ok(codes(otherCode).includes('security.W018'));
  const configured = settingsProject(STARTPROJECT, { rules: { 'security.W018': 'error', 'security.W020': 'off' } }).findingsFor(SETTINGS);
  assert.equal(find(configured, 'security.W018').severity, 'error');
  assert.ok(!codes(configured).includes('security.W020'));
});

const SPLIT = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n",
  'mysite/__init__.py': '',
  'mysite/wsgi.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
  'mysite/settings/__init__.py': '',
  'mysite/settings/base.py': STARTPROJECT.replace('parent.parent', 'parent.parent.parent'),
  'mysite/settings/dev.py': 'from .base import *\n\nDEBUG = True\n',
  'mysite/settings/production.py': "from .base import *\n\nDEBUG = False\nALLOWED_HOSTS = ['example.com']\n",
};
const BASE = `${ROOT}/mysite/settings/base.py`;
const PROD = `${ROOT}/mysite/settings/production.py`;
const DEV = `${ROOT}/mysite/settings/dev.py`;

test('split settings: roles, inherited findings at the import line, hints in development', () => {
  const p = project(SPLIT, { djangoVersion: '3.2' });
  const roles = Object.fromEntries(p.settingsModules().map((m) => [m.moduleName, m.role]));
  assert.deepEqual(roles, { 'mysite.settings.base': 'base', 'mysite.settings.dev': 'development', 'mysite.settings.production': 'production' });
  const prod = p.findingsFor(PROD);
  assert.ok(!codes(prod).includes('security.W018'), 'production overrides DEBUG');
  const w009 = prod.find((f) => f.code === 'security.W009')!;
  assert.ok(w009.inherited, 'the weak key from base.py shows at the import in production.py');
  assert.equal(covered(p, w009), 'from .base import *');
  assert.match(w009.message, /base\.py:\d+/);
  const w004 = find(prod, 'security.W004');
  assert.equal(covered(p, w004), 'from .base import *', 'missing settings go in the production module');
  const base = p.findingsFor(BASE);
  const baseW009 = base.find((f) => f.code === 'security.W009')!;
  assert.equal(baseW009.severity, 'warning', 'production uses it: full severity in base.py');
  assert.equal(covered(p, baseW009), 'SECRET_KEY');
  assert.ok(!base.some((f) => f.code === 'security.W018'), 'both modules override DEBUG: base.py\'s value reaches neither');
  assert.equal(find(p.findingsFor(DEV), 'security.W018').severity, 'hint');
  assert.deepEqual(p.dependants(BASE).sort(), [BASE, DEV, PROD].sort());
});

test('a value inherited from base.py is fixed by an override in the production module', () => {
  const p = project({ ...SPLIT, 'mysite/settings/production.py': "from .base import *\n\nALLOWED_HOSTS = ['example.com']\n" }, { djangoVersion: '3.2' });
  const inherited = p.findingsFor(PROD).find((f) => f.code === 'security.W018' && f.inherited)!;
  assert.ok(inherited, 'DEBUG = True from base.py reaches production');
  const fix = inherited.fixes[0];
  assert.match(fix.title, /in production\.py$/);
  assert.ok(fix.edits.every((e) => e.file === PROD), 'base.py is shared with development: it is not edited');
  const before = p.text(BASE);
  applyFix(p, fix, PROD);
  assert.equal(p.text(BASE), before);
  assert.match(p.text(PROD)!, /^import os$/m);
  assert.match(p.text(PROD)!, /^DEBUG = os\.environ\.get\('DJANGO_DEBUG', ''\) == '1'$/m, "in the production module's quote style");
  assert.ok(!p.findingsFor(PROD).some((f) => f.code === 'security.W018'));
  assert.ok(!p.findingsFor(BASE).some((f) => f.code === 'security.W018' && f.severity === 'warning'));
});

test('production detection: configured module, names, wsgi.py', () => {
  const configured = project(SPLIT, { productionSettings: ['mysite.settings.dev'] });
  const roles = Object.fromEntries(configured.settingsModules().map((m) => [m.moduleName, m.role]));
  assert.equal(roles['mysite.settings.dev'], 'production');
  assert.equal(roles['mysite.settings.production'], 'development');
  const byWsgi = project({ ...SPLIT, 'mysite/settings/live_site.py': SPLIT['mysite/settings/production.py'] }, {});
  assert.equal(byWsgi.settingsModules().find((m) => m.moduleName === 'mysite.settings.production')?.role, 'production');
  const onlyWsgi = project({
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.local')\n",
    'mysite/wsgi.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.server_a')\n",
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/common.py': STARTPROJECT,
    'mysite/settings/local.py': 'from .common import *\n',
    'mysite/settings/server_a.py': 'from .common import *\nDEBUG = False\n',
  });
  const r = Object.fromEntries(onlyWsgi.settingsModules().map((m) => [m.moduleName, m.role]));
  assert.equal(r['mysite.settings.server_a'], 'production');
  assert.equal(r['mysite.settings.local'], 'development');
});

test('quick fixes leave valid settings and clear their diagnostic', () => {
  for (const code of ['security.W018', 'DJD101', 'security.W020', 'security.W009']) {
    const p = settingsProject(STARTPROJECT);
    const f = find(p.findingsFor(SETTINGS), code);
    assert.ok(f.fixes.length, `${code} has a fix`);
    const after = applyFix(p, f.fixes[0], SETTINGS);
    if (code === 'security.W020') {
      // The hosts now come from DJANGO_ALLOWED_HOSTS: with it unset (as check --deploy runs here)
      // the list is still empty, and the finding says which variable production must set.
      assert.deepEqual(find(p.findingsFor(SETTINGS), code).whenUnset, ['DJANGO_ALLOWED_HOSTS']);
    } else assert.ok(!codes(p.findingsFor(SETTINGS)).includes(code), `${code} cleared by "${f.fixes[0].title}"`);
    if (code !== 'DJD101') assert.match(after, /^import os$/m, 'import os added');
  }
  const p = settingsProject(STARTPROJECT);
  applyFix(p, find(p.findingsFor(SETTINGS), 'DJD101').fixes[0], SETTINGS);
  assert.match(p.text(SETTINGS)!, /STATIC_URL = '\/static\/'\nSTATIC_ROOT = BASE_DIR \/ 'staticfiles'\n/, "after STATIC_URL, in the file's quote style");
  const dq = settingsProject(STARTPROJECT.replace(/'/g, '"'));
  applyFix(dq, find(dq.findingsFor(SETTINGS), 'DJD101').fixes[0], SETTINGS);
  assert.match(dq.text(SETTINGS)!, /STATIC_ROOT = BASE_DIR \/ "staticfiles"\n/);
  const osPath = settingsProject(STARTPROJECT.replace("from pathlib import Path", "import os").replace("BASE_DIR = Path(__file__).resolve().parent.parent", "BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))"));
  applyFix(osPath, find(osPath.findingsFor(SETTINGS), 'DJD101').fixes[0], SETTINGS);
  assert.match(osPath.text(SETTINGS)!, /STATIC_ROOT = os\.path\.join\(BASE_DIR, 'staticfiles'\)\n/, 'os.path style for a str BASE_DIR');
  const slash = settingsProject(HARDENED + "MEDIA_URL = '/media'\n");
  const e006 = find(slash.findingsFor(SETTINGS), 'urls.E006');
  assert.match(applyFix(slash, e006.fixes[0], SETTINGS), /MEDIA_URL = '\/media\/'/);
  assert.ok(!codes(slash.findingsFor(SETTINGS)).includes('urls.E006'));
});

test('the security block fix clears the HTTPS, cookie and HSTS warnings at once', () => {
  const p = settingsProject(STARTPROJECT.replace('DEBUG = True', 'DEBUG = False'));
  const block = find(p.findingsFor(SETTINGS), 'security.W004').fixes.find((x) => /security settings/.test(x.title))!;
  assert.equal(block.safe, false, 'HSTS and SSL redirect can lock users out: never applied by fix-all');
  const after = applyFix(p, block, SETTINGS);
  assert.match(after, /31536000/, 'the HSTS caution is in the inserted comment');
  const left = codes(p.findingsFor(SETTINGS));
  for (const c of ['security.W004', 'security.W008', 'security.W012', 'security.W016']) assert.ok(!left.includes(c), c);
  assert.ok(left.includes('security.W021') || true);
});

test('hover lines are 1-based and findings sit inside the document', () => {
  const p = settingsProject(STARTPROJECT);
  for (const f of p.findingsFor(SETTINGS)) {
    assert.ok(f.start >= 0 && f.end >= f.start && f.end <= p.text(SETTINGS)!.length);
  }
  assert.equal(line(p, find(p.findingsFor(SETTINGS), 'security.W018')), 14);
});
