// The idioms real settings modules use, read the way Django would see them: partial knowledge
// after undecidable branches, environment tests, project helper functions, comprehensions,
// environs / django-environ / decouple, split settings, django-configurations, and the
// environment variables a module cannot load without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, SETTINGS, STARTPROJECT, project, ROOT, codes, djangoCodes, find } from './helpers';
import { pyRepr, type Value } from '../../server/src/engine/python/values';

const show = (v: Value | undefined) => (v === undefined ? '<unbound>' : pyRepr(v, 400));

/** The value a name has in the analysis environment (every variable unset unless given). */
function concrete(text: string, name: string, environment: Record<string, string> = {}): string {
  const b = settingsProject(text, { environment }).scopeOf(SETTINGS)?.get(name);
  return b ? show(b.concreteValue ?? b.value) : '<unbound>';
}

function symbolic(text: string, name: string): string {
  const b = settingsProject(text).scopeOf(SETTINGS)?.get(name);
  return b ? show(b.value) : '<unbound>';
}

const SECURITY = 'django.middleware.security.SecurityMiddleware';
const base = STARTPROJECT.replace('DEBUG = True', 'DEBUG = False').replace('ALLOWED_HOSTS = []', "ALLOWED_HOSTS = ['example.com']");

test('a conditional MIDDLEWARE.append keeps what is certain: the security checks still decide', () => {
  for (const change of ['MIDDLEWARE.append("django.middleware.gzip.GZipMiddleware")', 'MIDDLEWARE += ["x.Middleware"]', 'MIDDLEWARE.insert(1, "x.Middleware")', 'MIDDLEWARE.extend(EXTRA)', 'MIDDLEWARE = ["x.Middleware"] + MIDDLEWARE']) {
    const text = `${base}\nimport os\nEXTRA = os.environ.get("EXTRA", "").split(",")\nif compute_flag():\n    ${change}\n`;
    const found = djangoCodes(settingsProject(text).findingsFor(SETTINGS));
    // startproject with DEBUG off and a host: W004 W008 W009 W012 W016, whatever the branch does.
    assert.deepEqual(found, ['security.W004', 'security.W008', 'security.W009', 'security.W012', 'security.W016'], change);
  }
});

test('a loop that appends middleware nobody can list: certain members stay, absence becomes unknown', () => {
  const text = base.replace(`    '${SECURITY}',\n`, '') + '\nfor m in load_plugins():\n    MIDDLEWARE.append(m)\n';
  assert.equal(symbolic(text, 'MIDDLEWARE').endsWith(", …]"), true);
  const found = codes(settingsProject(text).findingsFor(SETTINGS));
  assert.ok(!found.includes('security.W001'), 'SecurityMiddleware may be among the plugins: no W001');
  assert.ok(!found.includes('admin.E410'), 'SessionMiddleware is certainly there');
  assert.ok(found.includes('security.W009'));
});

test('a conditional .remove makes a member "maybe"; the rule stays quiet rather than guess', () => {
  const text = `${base}\nif compute_flag():\n    MIDDLEWARE.remove("${SECURITY}")\n`;
  const found = codes(settingsProject(text).findingsFor(SETTINGS));
  assert.ok(!found.includes('security.W001'));
  assert.ok(!found.includes('security.W004'), 'HSTS only matters with SecurityMiddleware, which may be gone');
  assert.ok(found.includes('security.W009'));
});

test('WhiteNoise order is decided even when something may be appended at the end', () => {
  const mw = (order: string) => `${base.replace(`    '${SECURITY}',\n`, order)}\nif compute_flag():\n    MIDDLEWARE.append("x.Late")\n`;
  const wrong = mw(`    '${SECURITY}',\n    'django.contrib.sessions.middleware.SessionMiddleware',\n    'whitenoise.middleware.WhiteNoiseMiddleware',\n`.replace(`    'django.contrib.sessions.middleware.SessionMiddleware',\n    'whitenoise`, `    'django.contrib.sessions.middleware.SessionMiddleware',\n    'whitenoise`));
  assert.ok(codes(settingsProject(wrong).findingsFor(SETTINGS)).includes('DJD115'));
  const right = mw(`    '${SECURITY}',\n    'whitenoise.middleware.WhiteNoiseMiddleware',\n`);
  assert.ok(!codes(settingsProject(right).findingsFor(SETTINGS)).includes('DJD115'));
});

test('a setting set in a branch nobody can decide: a rule fires only when every possibility fails', () => {
  const hsts = `${base}\nif compute_flag():\n    SECURE_HSTS_SECONDS = 3600\n`;
  assert.ok(!codes(settingsProject(hsts).findingsFor(SETTINGS)).includes('security.W004'), 'HSTS may be set');
  const both = `${base}\nif compute_flag():\n    SECURE_HSTS_SECONDS = 0\nelse:\n    SECURE_HSTS_SECONDS = None\n`;
  assert.ok(codes(settingsProject(both).findingsFor(SETTINGS)).includes('security.W004'), '0 and None both fail');
  // Decided by the environment Django runs in: unset variable → the else branch.
  const env = `${base}\nimport os\nif os.environ.get("USE_HSTS"):\n    SECURE_HSTS_SECONDS = 3600\n`;
  assert.ok(codes(settingsProject(env).findingsFor(SETTINGS)).includes('security.W004'));
  assert.ok(!codes(settingsProject(env, { environment: { USE_HSTS: '1' } }).findingsFor(SETTINGS)).includes('security.W004'));
});

test('dict settings keep their certain keys; keys set in a branch are maybe', () => {
  const text = `CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\nif compute_flag():\n    CACHES["other"] = {"BACKEND": "x"}\nTEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {}}]\nif compute_flag():\n    TEMPLATES[0]["OPTIONS"]["debug"] = True\n`;
  assert.equal(symbolic(text, 'CACHES'), "{'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}, 'other': {'BACKEND': 'x'}} or {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}");
  assert.ok(!codes(settingsProject(text).findingsFor(SETTINGS)).includes('caches.E001'));
});

test('environment tests as check --deploy sees them: "X" in os.environ, is None, is not None', () => {
  const text = 'import os\nA = "X" in os.environ\nB = os.environ.get("X") is None\nC = os.getenv("X") is not None\nD = "X" not in os.environ\n';
  assert.equal(concrete(text, 'A'), 'False');
  assert.equal(concrete(text, 'B'), 'True');
  assert.equal(concrete(text, 'C'), 'False');
  assert.equal(concrete(text, 'D'), 'True');
  assert.equal(concrete(text, 'A', { X: '' }), 'True', 'set, even to an empty string');
  assert.equal(symbolic(text, 'A'), 'unknown', 'whenever it may be set, nobody knows');
});

test('project helper functions are run with their arguments', () => {
  const helpers = [
    'import os',
    'def env_bool(name, default=False):',
    '    return os.getenv(name, str(default)).lower() in ("1", "true", "yes")',
    'def envbool(s, default):',
    '    v = os.getenv(s, default=default)',
    '    if v not in ("", "True", "False"):',
    '        raise Exception("Unexpected value %s=%s" % (s, v))',
    '    return v == "True"',
    'def get_list(text):',
    '    return [item.strip() for item in text.split(",") if item.strip()]',
    'def get_bool_from_env(name, default_value):',
    '    if name in os.environ:',
    '        value = os.environ[name]',
    '        return value.lower() == "true"',
    '    return default_value',
    'def extract_comma_list(value, default=""):',
    '    if not value:',
    '        return default',
    '    return [v.strip() for v in value.split(",")]',
    'env_flag = lambda name: os.environ.get(name, "0") == "1"',
  ].join('\n');
  const text = `${helpers}\nA = env_bool("DEBUG")\nB = env_bool("SSL", True)\nC = envbool("DEBUG", "True")\nD = get_list(os.environ.get("HOSTS", "a.com, b.com,"))\nE = get_bool_from_env("SECURE", False)\nF = extract_comma_list(os.environ.get("X"), ["x"])\nG = env_flag("G")\n`;
  assert.equal(concrete(text, 'A'), 'False');
  assert.equal(concrete(text, 'B'), 'True');
  assert.equal(concrete(text, 'C'), 'True');
  assert.equal(concrete(text, 'D'), "['a.com', 'b.com']");
  assert.equal(concrete(text, 'E'), 'False');
  assert.equal(concrete(text, 'E', { SECURE: 'TRUE' }), 'True');
  assert.equal(concrete(text, 'F'), "['x']");
  assert.equal(concrete(text, 'G'), 'False');
  // A boolean helper is a cast: no "string env value" trap for it.
  const debug = `${helpers}\nDEBUG = env_bool("DJANGO_DEBUG")\n`;
  assert.ok(!codes(settingsProject(debug).findingsFor(SETTINGS)).includes('DJD111'));
});

test('a helper defined in a module the settings import', () => {
  const p = project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
      'mysite/__init__.py': '',
      'mysite/env.py': 'import os\n\ndef env_list(name, default=""):\n    return [x for x in os.environ.get(name, default).split(",") if x]\n',
      'mysite/settings.py': `${STARTPROJECT}\nfrom .env import env_list\nfrom mysite import env as helpers\nALLOWED_HOSTS = env_list("HOSTS")\nCSRF_TRUSTED_ORIGINS = helpers.env_list("ORIGINS", "https://a.com")\n`,
    },
    { djangoVersion: '4.2' },
  );
  const s = p.scopeOf(SETTINGS)!;
  assert.equal(show(s.get('ALLOWED_HOSTS')!.concreteValue), '[]');
  assert.equal(show(s.get('CSRF_TRUSTED_ORIGINS')!.concreteValue ?? s.get('CSRF_TRUSTED_ORIGINS')!.value), "['https://a.com']");
  assert.ok(codes(p.findingsFor(SETTINGS)).includes('security.W020'));
});

test('comprehensions, filter, map, string methods, str * int, % and format', () => {
  const text = [
    'import os',
    'HOSTS = "a.com, B.com,,c.com"',
    'A = [h.strip().lower() for h in HOSTS.split(",") if h.strip()]',
    'B = list(filter(None, map(str.strip, HOSTS.split(","))))',
    'C = {k: v for k, v in [("x", 1), ("y", 2)]}',
    'D = "-" * 3',
    'E = "%s://%s:%d" % ("https", "a.com", 443)',
    'F = "{}-{name}".format("a", name="b")',
    'G = f"{HOSTS.split(",")[0]}!"',
    'H = sorted({"b", "a"})',
    'I = any(h.endswith(".com") for h in A)',
    'J = [*A, "d.com"]',
    'K = os.environ.get("X", "a b").split()',
  ].join('\n');
  assert.equal(concrete(text, 'A'), "['a.com', 'b.com', 'c.com']");
  assert.equal(concrete(text, 'B'), "['a.com', 'B.com', 'c.com']");
  assert.equal(concrete(text, 'C'), "{'x': 1, 'y': 2}");
  assert.equal(concrete(text, 'D'), "'---'");
  assert.equal(concrete(text, 'E'), "'https://a.com:443'");
  assert.equal(concrete(text, 'F'), "'a-b'");
  assert.equal(concrete(text, 'G'), "'a.com!'");
  assert.equal(concrete(text, 'H'), "['a', 'b']");
  assert.equal(concrete(text, 'I'), 'True');
  assert.equal(concrete(text, 'J'), "['a.com', 'b.com', 'c.com', 'd.com']");
  assert.equal(concrete(text, 'K'), "['a', 'b']");
});

test('environs: Env(), env.bool / str / list / int with their defaults', () => {
  const text = 'from environs import Env\nenv = Env()\nenv.read_env()\nDEBUG = env.bool("DEBUG", False)\nKEY = env.str("SECRET_KEY")\nHOSTS = env.list("ALLOWED_HOSTS", ["a.com"])\nPORT = env.int("PORT", default="8000")\nRAW = env("RAW", "x")\n';
  assert.equal(concrete(text, 'DEBUG'), 'False');
  assert.equal(concrete(text, 'HOSTS'), "['a.com']");
  assert.equal(concrete(text, 'PORT'), '8000', 'environs casts its defaults');
  assert.equal(concrete(text, 'RAW'), "'x'");
  assert.equal(concrete(text, 'DEBUG', { DEBUG: 'true' }), 'True');
  assert.equal(concrete(text, 'HOSTS', { ALLOWED_HOSTS: 'x.com,y.com' }), "['x.com', 'y.com']");
  const p = settingsProject(text);
  assert.deepEqual(find(p.findingsFor(SETTINGS), 'DJD117').whenUnset, ['SECRET_KEY']);
});

test("django-environ's smart cast: a default's type casts the value (no string-boolean trap)", () => {
  const text = `${base.replace('DEBUG = False', 'import environ\nenv = environ.Env()\nDEBUG = env("DJANGO_DEBUG", default=False)')}`;
  const p = settingsProject(text);
  assert.ok(!codes(p.findingsFor(SETTINGS)).includes('DJD111'));
  assert.equal((p.scopeOf(SETTINGS)!.get('DEBUG')!.value as { cast: string }).cast, 'bool');
  // Without a default or cast it is a string: the trap stands.
  const raw = `${base.replace('DEBUG = False', 'import environ\nenv = environ.Env()\nDEBUG = env("DJANGO_DEBUG", default="")')}`;
  assert.ok(codes(settingsProject(raw).findingsFor(SETTINGS)).includes('DJD111'));
});

test('python-decouple: Csv() lists, bool casts of defaults, set values cast the library way', () => {
  const text = 'from decouple import config, Csv\nHOSTS = config("ALLOWED_HOSTS", default="a.com, b.com", cast=Csv())\nDEBUG = config("DEBUG", default=False, cast=bool)\n';
  assert.equal(concrete(text, 'HOSTS'), "['a.com', 'b.com']");
  assert.equal(concrete(text, 'DEBUG', { DEBUG: 'off' }), 'False');
  assert.equal(concrete(text, 'DEBUG', { DEBUG: 'yes' }), 'True');
});

test('django-split-settings: include() runs the components in order, globs sorted, optional files may be missing', () => {
  const p = project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': 'from split_settings.tools import include, optional\ninclude("components/base.py", "components/z_*.py", optional("local.py"))\n',
      'mysite/settings/components/base.py': STARTPROJECT.replace('DEBUG = True', 'DEBUG = False'),
      'mysite/settings/components/z_hosts.py': "ALLOWED_HOSTS = ['example.com']\nMIDDLEWARE += ['x.Late']\n",
      'mysite/settings/components/z_security.py': 'SECURE_HSTS_SECONDS = 3600\n',
    },
    { djangoVersion: '4.2' },
  );
  const file = `${ROOT}/mysite/settings/__init__.py`;
  const s = p.scopeOf(file)!;
  assert.equal(show(s.get('ALLOWED_HOSTS')!.value), "['example.com']");
  assert.equal(show(s.get('SECURE_HSTS_SECONDS')!.value), '3600');
  assert.ok(show(s.get('MIDDLEWARE')!.value).endsWith("'x.Late']"));
  const found = djangoCodes(p.allFindings().filter((f) => f.settingsModule === 'mysite.settings' && !f.inherited));
  assert.deepEqual(found, ['security.W005', 'security.W008', 'security.W009', 'security.W012', 'security.W016', 'security.W021']);
  // A component edited makes the including module's findings change.
  assert.ok(p.dependants(`${ROOT}/mysite/settings/components/z_security.py`).includes(file));
});

test('try: from .local import * with local.py in the workspace: judged with it, the value says where it came from', () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': `${base}\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n`,
    'mysite/local.py': 'DEBUG = True\n',
  };
  const p = project(files, { djangoVersion: '4.2' });
  const w018 = p.allFindings().filter((f) => f.code === 'security.W018');
  assert.ok(w018.some((f) => f.file === `${ROOT}/mysite/local.py`));
  assert.ok(w018.some((f) => f.file === SETTINGS && f.inherited && /local\.py/.test(f.message)));
});

test('django-configurations: the class in use gives the settings; values.* read DJANGO_<NAME>', () => {
  const text = [
    'from configurations import Configuration, values',
    'class Base(Configuration):',
    '    DEBUG = values.BooleanValue(True)',
    '    SECRET_KEY = values.SecretValue()',
    "    ALLOWED_HOSTS = values.ListValue(['example.com'])",
    "    MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']",
    '    INSTALLED_APPS = []',
    'class Dev(Base):',
    '    pass',
    'class Prod(Base):',
    '    DEBUG = values.BooleanValue(False)',
    '    SECURE_SSL_REDIRECT = True',
    "    MIDDLEWARE = Base.MIDDLEWARE + ['django.middleware.csrf.CsrfViewMiddleware']",
  ].join('\n');
  const p = settingsProject(text, { environment: { DJANGO_SECRET_KEY: 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE', DJANGO_CONFIGURATION: 'Prod' } });
  const s = p.scopeOf(SETTINGS)!;
  assert.equal(show(s.get('DEBUG')!.concreteValue), 'False');
  assert.equal(show(s.get('MIDDLEWARE')!.value), "['django.middleware.security.SecurityMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']");
  assert.deepEqual(djangoCodes(p.findingsFor(SETTINGS)), ['security.W002', 'security.W004', 'security.W016']);
  const dev = settingsProject(text, { environment: { DJANGO_CONFIGURATION: 'Dev' } });
  assert.equal(show(dev.scopeOf(SETTINGS)!.get('DEBUG')!.concreteValue), 'True');
  assert.deepEqual(find(dev.findingsFor(SETTINGS), 'DJD117').whenUnset, ['DJANGO_SECRET_KEY']);
});

test('required environment variables: where Django stops loading, one information finding per variable', () => {
  const text = `${base}\nimport os, environ\nenv = environ.Env()\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nDATABASE_URL = env("DATABASE_URL")\nHOSTS = os.environ.get("DJANGO_HOSTS").split(",")\nPORT = int(os.environ.get("PORT", "8000"))\n`;
  const p = settingsProject(text);
  const required = p.findingsFor(SETTINGS).filter((f) => f.code === 'DJD117');
  assert.deepEqual(required.map((f) => f.whenUnset![0]), ['DJANGO_SECRET_KEY', 'DATABASE_URL', 'DJANGO_HOSTS']);
  assert.ok(required.every((f) => f.severity === 'information'));
  assert.match(required[2].message, /AttributeError/);
  const set = settingsProject(text, { environment: { DJANGO_SECRET_KEY: 'k'.repeat(60), DATABASE_URL: 'sqlite:///x', DJANGO_HOSTS: 'a.com' } });
  assert.ok(!codes(set.findingsFor(SETTINGS)).includes('DJD117'));
  assert.equal(show(set.scopeOf(SETTINGS)!.get('HOSTS')!.concreteValue), "['a.com']");
});

test('sys.argv is what manage.py check --deploy sees', () => {
  const text = `${base}\nimport sys\nTESTING = "test" in sys.argv\nif TESTING:\n    DEBUG = True\nCOMMAND = sys.argv[1:2]\n`;
  assert.equal(concrete(text, 'TESTING'), 'False');
  assert.equal(concrete(text, 'COMMAND'), "['check']");
  assert.ok(!codes(settingsProject(text).findingsFor(SETTINGS)).includes('security.W018'));
});

test('os.path.exists of workspace files decides branches', () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': `${base}\nimport os\nif os.path.exists(os.path.join(BASE_DIR, "mysite", "local_settings.py")):\n    DEBUG = True\n`,
  };
  assert.ok(!codes(project(files).findingsFor(SETTINGS)).includes('security.W018'));
  assert.ok(codes(project({ ...files, 'mysite/local_settings.py': '' }).findingsFor(SETTINGS)).includes('security.W018'));
});

test('django-split-settings: include(*files) where the list depends on the environment runs each version as a branch', () => {
  const p = (environment: Record<string, string>) =>
    project(
      {
        'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
        'mysite/__init__.py': '',
        'mysite/settings/__init__.py': [
          'import os',
          'from split_settings.tools import include',
          "files = ['core.py']",
          "if os.environ.get('ON_HEROKU', ''):",
          "    files.append('heroku.py')",
          'else:',
          "    files.append('local.py')",
          'include(*files)',
          '',
        ].join('\n'),
        'mysite/settings/core.py': STARTPROJECT.replace('DEBUG = True', 'DEBUG = False'),
        'mysite/settings/heroku.py': "ALLOWED_HOSTS = ['*']\nSECURE_HSTS_SECONDS = 3600\n",
        'mysite/settings/local.py': "ALLOWED_HOSTS = ['localhost']\n",
      },
      { djangoVersion: '4.2', environment },
    );
  const file = `${ROOT}/mysite/settings/__init__.py`;
  const symbolicHosts = show(p({}).scopeOf(file)!.get('ALLOWED_HOSTS')!.value);
  assert.ok(symbolicHosts.includes("['*']") && symbolicHosts.includes("['localhost']"), symbolicHosts);
  // core.py ran once, whatever the branch: its SECRET_KEY is certain.
  assert.ok(!p({}).scopeOf(file)!.get('SECRET_KEY')!.conditional);
  const heroku = p({ ON_HEROKU: '1' }).scopeOf(file)!.get('SECURE_HSTS_SECONDS')!;
  assert.equal(show(heroku.concreteValue ?? heroku.value), '3600');
  const local = p({}).scopeOf(file)!.get('ALLOWED_HOSTS')!;
  assert.equal(show(local.concreteValue ?? local.value), "['localhost']");
});

test("django-environ's Path: minus goes up, calls join into strings, .path() joins into a Path", () => {
  const text = [
    'import environ, os',
    'ROOT = environ.Path(__file__) - 2',
    'APPS = ROOT.path("apps")',
    'A = str(ROOT)',
    'B = ROOT("media")',
    'C = str(APPS.path("static"))',
    'D = os.path.join(str(ROOT + "x"), "y")',
    'env = environ.Env(DD_ROOT=(str, ROOT("dojo")))',
    'E = env("DD_ROOT")',
    'F = os.path.abspath(os.path.join(__file__, os.pardir))',
    '',
  ].join('\n');
  assert.equal(concrete(text, 'A'), `'${ROOT}'`);
  assert.equal(concrete(text, 'B'), `'${ROOT}/media'`);
  assert.equal(concrete(text, 'C'), `'${ROOT}/apps/static'`);
  assert.equal(concrete(text, 'D'), `'${ROOT}/x/y'`);
  assert.equal(concrete(text, 'E'), `'${ROOT}/dojo'`);
  assert.equal(concrete(text, 'E', { DD_ROOT: '/srv/dojo' }), "'/srv/dojo'");
  assert.equal(concrete(text, 'F'), `'${ROOT}/mysite'`);
});

test('a copy of os.environ reads like os.environ; a loop with continue over nothing runs no pass', () => {
  const text = [
    'import os',
    'env = os.environ.copy()',
    'SECRET_KEY = env.get("SECRET_KEY")',
    'if "ALLOWED_HOSTS" in env:',
    '    ALLOWED_HOSTS = env["ALLOWED_HOSTS"].split(",")',
    'else:',
    '    ALLOWED_HOSTS = []',
    'environment = dict(os.environ)',
    'NAME = environment.get("NAME", "site")',
    'APPS = ["a"]',
    'for plugin in env.get("PLUGINS", "").split(",") if env.get("PLUGINS") else []:',
    '    if plugin.startswith("#"):',
    '        continue',
    '    APPS.append(plugin)',
    '',
  ].join('\n');
  assert.equal(symbolic(text, 'SECRET_KEY'), "os.environ.get('SECRET_KEY')");
  assert.equal(concrete(text, 'ALLOWED_HOSTS'), '[]');
  assert.equal(concrete(text, 'ALLOWED_HOSTS', { ALLOWED_HOSTS: 'a.com,b.com' }), "['a.com', 'b.com']");
  assert.equal(concrete(text, 'NAME'), "'site'");
  assert.equal(concrete(text, 'APPS'), "['a']");
});

test('class-based settings exported by a helper: properties computed, super() read from the next class, env class attributes', () => {
  const helper = [
    'import inspect, sys',
    'class Settings:',
    '    @classmethod',
    '    def load_settings(cls, module_name):',
    '        self = cls()',
    '        module = sys.modules[module_name]',
    '        for member, value in inspect.getmembers(self):',
    '            if member.isupper() and not member.startswith("_"):',
    '                if isinstance(value, property):',
    '                    value = value.fget(self)',
    '                setattr(module, member, value)',
    '',
  ].join('\n');
  const baseSettings = [
    'import os',
    'from mysite.core import Settings',
    'class Base(Settings):',
    '    DEBUG = True',
    "    SECRET_KEY = 'a-long-but-hard-coded-key-that-is-the-same-everywhere-0123456789'",
    "    ALLOWED_HOSTS = ['*']",
    '    ALLOW_ADMIN = False',
    '    @property',
    '    def INSTALLED_APPS(self):',
    "        apps = ['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'django.contrib.staticfiles']",
    '        if self.ALLOW_ADMIN:',
    "            apps.insert(0, 'django.contrib.admin')",
    '        return apps',
    '    @property',
    '    def MIDDLEWARE(self):',
    "        m = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']",
    '        if self.DEBUG:',
    "            m.append('debug_toolbar.middleware.DebugToolbarMiddleware')",
    '        return m',
    '    @property',
    '    def CACHES(self):',
    "        caches = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}",
    "        caches['default']['TIMEOUT'] = 60",
    '        return caches',
    '',
  ].join('\n');
  const production = [
    'import os',
    'from .base import Base',
    'class Production(Base):',
    "    DEBUG = os.environ.get('SITE_DEBUG', '') == 'yes'",
    '    ALLOW_ADMIN = True',
    '    @property',
    '    def MIDDLEWARE(self):',
    '        m = super().MIDDLEWARE',
    "        m.append('x.Last')",
    '        return m',
    'Production.load_settings(__name__)',
    '',
  ].join('\n');
  const p = project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
      'mysite/__init__.py': '',
      'mysite/core.py': helper,
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': baseSettings,
      'mysite/settings/production.py': production,
    },
    { djangoVersion: '4.2' },
  );
  const file = `${ROOT}/mysite/settings/production.py`;
  const s = p.scopeOf(file)!;
  const value = (name: string) => show(s.get(name)!.concreteValue ?? s.get(name)!.value);
  assert.equal(value('DEBUG'), 'False');
  assert.equal(value('INSTALLED_APPS'), "['django.contrib.admin', 'django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'django.contrib.staticfiles']");
  assert.equal(value('MIDDLEWARE'), "['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'x.Last']");
  assert.equal(value('CACHES'), "{'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'TIMEOUT': 60}}");
  // Where a finding points: the property in base.py, reached through the export statement.
  const found = p.allFindings().filter((f) => f.settingsModule === 'mysite.settings.production');
  // The admin app the property inserts brings its own checks (no TEMPLATES, messages, auth middleware).
  assert.deepEqual(djangoCodes(found.filter((f) => !f.inherited)), ['admin.E403', 'admin.E406', 'admin.E408', 'admin.E409', 'security.W002', 'security.W004', 'security.W008', 'security.W012', 'security.W016']);
  const w004 = found.find((f) => f.code === 'security.W004')!;
  assert.equal(w004.file, file);
  // The module with only the class (no export) defines no settings.
  assert.ok(!p.settingsModules().some((m) => m.moduleName === 'mysite.core'));
});

test('STATICFILES_DIRS is checked only when a finder reads it: FileSystemFinder or a project subclass', () => {
  const files = (finders: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/finders.py': 'from django.contrib.staticfiles.finders import FileSystemFinder, AppDirectoriesFinder\nclass Selective(FileSystemFinder):\n    pass\nclass Apps(AppDirectoriesFinder):\n    pass\nclass Deeper(Selective):\n    pass\n',
    'mysite/settings.py': `${base}\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\n${finders}`,
  });
  const w004 = (finders: string) => codes(project(files(finders), { djangoVersion: '4.2' }).findingsFor(SETTINGS)).includes('staticfiles.W004');
  assert.equal(w004(''), true, 'the default finders include FileSystemFinder');
  assert.equal(w004("STATICFILES_FINDERS = ['django.contrib.staticfiles.finders.AppDirectoriesFinder']"), false);
  assert.equal(w004("STATICFILES_FINDERS = ['mysite.finders.Selective']"), true);
  assert.equal(w004("STATICFILES_FINDERS = ['mysite.finders.Deeper']"), true);
  assert.equal(w004("STATICFILES_FINDERS = ['mysite.finders.Apps']"), false);
  assert.equal(w004("STATICFILES_FINDERS = ['vendor.finders.Magic']"), false, 'a finder nobody can read: quiet');
});
