// Settings bound at run time, the way real projects do it and real Django sees it: helpers that
// write through globals() (PeeringDB's set_option), globals()/vars().update(...), exec() of a
// local file, with-statements that raise or suppress, import cycles, and the Python corners
// these rely on (and/or/not precedence, object() sentinels, type(x)(raw), __init__ attributes).
// The settings of the helper, globals() and exec() tests were run through real Django 4.2
// (scripts/django/truth.py) when written: the same Django ids as the engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, SETTINGS, STARTPROJECT, project, ROOT, codes } from './helpers';
import { pyRepr, type Value } from '../../server/src/engine/python/values';

const show = (v: Value | undefined) => (v === undefined ? '<unbound>' : pyRepr(v, 400));

function concrete(text: string, name: string, environment: Record<string, string> = {}): string {
  const b = settingsProject(text, { environment }).scopeOf(SETTINGS)?.get(name);
  return b ? show(b.concreteValue ?? b.value) : '<unbound>';
}

const base = STARTPROJECT.replace('DEBUG = True', 'DEBUG = False').replace('ALLOWED_HOSTS = []', "ALLOWED_HOSTS = ['example.com']");

const HELPERS = [
  'import os',
  '_DEFAULT = object()',
  'def set_from_env(name, default=_DEFAULT):',
  '    return _set_from_env(name, globals(), default)',
  'def _set_from_env(name, context, default):',
  '    if default is _DEFAULT and name not in os.environ:',
  '        return',
  '    context[name] = os.environ.get(name, default)',
  'def set_option(name, value):',
  '    _set_option(name, value, globals())',
  'def _set_option(name, value, context):',
  '    if isinstance(value, bool):',
  '        if name in os.environ:',
  '            context[name] = os.environ[name].lower() in ("1", "true", "yes")',
  '        _set_default(name, value, context)',
  '        return',
  '    if name in os.environ:',
  '        context[name] = type(value)(os.environ[name])',
  '    else:',
  '        _set_default(name, value, context)',
  'def _set_default(name, value, context):',
  '    if name not in context:',
  '        context[name] = value',
  '',
].join('\n');

test('helpers that write settings through globals(): each name bound at the call, with its environment default', () => {
  const text = `${base.replace(/^SECRET_KEY = .*$/m, '')}\n${HELPERS}\nset_from_env("SECRET_KEY")\nset_option("SECURE_HSTS_SECONDS", 3600)\nset_option("SECURE_SSL_REDIRECT", False)\nset_option("RELEASE_ENV", "dev")\n`;
  assert.equal(concrete(text, 'SECURE_HSTS_SECONDS'), '3600');
  assert.equal(concrete(text, 'SECURE_HSTS_SECONDS', { SECURE_HSTS_SECONDS: '60' }), '60', 'type(3600)("60") is an int');
  assert.equal(concrete(text, 'SECURE_SSL_REDIRECT', { SECURE_SSL_REDIRECT: 'yes' }), 'True');
  assert.equal(concrete(text, 'RELEASE_ENV', { RELEASE_ENV: 'prod' }), "'prod'");
  const key = settingsProject(text).scopeOf(SETTINGS)!.get('SECRET_KEY')!;
  assert.ok(key.concreteValue?.kind === 'unknown' && key.concreteValue.absent, 'set_from_env without a default binds nothing when the variable is unset');
  assert.equal(concrete(text, 'SECRET_KEY', { SECRET_KEY: 'k' }), "'k'");
  const found = codes(settingsProject(text).findingsFor(SETTINGS));
  assert.ok(!found.includes('security.W004'), 'SECURE_HSTS_SECONDS is set by set_option');
  assert.ok(found.includes('security.W008'), 'SECURE_SSL_REDIRECT is False');
  // Where the finding points: the name in the helper call.
  const w008 = settingsProject(text).findingsFor(SETTINGS).find((f) => f.code === 'security.W008')!;
  assert.equal(text.slice(w008.start, w008.end), '"SECURE_SSL_REDIRECT"');
});

test('globals()[name] = value, globals().update({...}), vars().update(...) at module level', () => {
  const text = [
    base,
    'for name, value in [("SECURE_HSTS_SECONDS", 60), ("SECURE_SSL_REDIRECT", True)]:',
    '    globals()[name] = value',
    'globals().update({"SESSION_COOKIE_SECURE": True})',
    'vars().update(CSRF_COOKIE_SECURE=True)',
    '',
  ].join('\n');
  assert.equal(concrete(text, 'SECURE_HSTS_SECONDS'), '60');
  assert.equal(concrete(text, 'SECURE_SSL_REDIRECT'), 'True');
  assert.equal(concrete(text, 'SESSION_COOKIE_SECURE'), 'True');
  assert.equal(concrete(text, 'CSRF_COOKIE_SECURE'), 'True');
  const found = codes(settingsProject(text).findingsFor(SETTINGS));
  for (const id of ['security.W004', 'security.W008', 'security.W012', 'security.W016']) assert.ok(!found.includes(id), id);
});

test('a write nobody can name (update with data from a file, exec of a file that exists): unassigned settings are not assumed unset', () => {
  const yaml = `${base}\nimport yaml\nwith open(os.environ["CONFIG"]) as f:\n    config = yaml.safe_load(f)\nvars().update(config)\n`.replace('from pathlib import Path', 'import os\nfrom pathlib import Path');
  const found = codes(settingsProject(yaml, { environment: { CONFIG: '/etc/site.yml' } }).findingsFor(SETTINGS));
  for (const id of ['security.W004', 'security.W008', 'security.W012', 'security.W016']) assert.ok(!found.includes(id), `${id}: the YAML may set it`);
  assert.ok(found.includes('security.W018') === false, 'DEBUG is assigned before, but may be changed too');
  // An e-mail URL's settings only set EMAIL_*: everything else keeps Django's default.
  const email = `${base}\nimport environ\nenv = environ.Env()\nEMAIL_CONFIG = env.email("EMAIL_URL", default="smtp://localhost")\nvars().update(EMAIL_CONFIG)\n`;
  assert.ok(codes(settingsProject(email).findingsFor(SETTINGS)).includes('security.W004'));
  // exec() of a file the workspace does not have, inside try/except: nothing happens.
  const missing = `${base}\nimport os\ntry:\n    with open(os.path.join(os.path.dirname(__file__), "local_settings.py")) as f:\n        exec(f.read(), globals())\nexcept IOError:\n    pass\n`;
  assert.ok(codes(settingsProject(missing).findingsFor(SETTINGS)).includes('security.W004'));
  const present = project(
    { 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '', 'mysite/settings.py': missing, 'mysite/local_settings.py': 'SECURE_HSTS_SECONDS = 60\n' },
    { djangoVersion: '4.2' },
  );
  assert.ok(!codes(present.findingsFor(`${ROOT}/mysite/settings.py`)).includes('security.W004'), 'the exec()ed file exists: it may set anything');
});

test("'not a and b' is (not a) and b, as in Python (lezer parses it as not (a and b))", () => {
  const text = 'import os, sys\nTESTING = "test" in sys.argv\nA = not TESTING and "X" in os.environ\nB = not False and False or True\nC = True and not True or False\nD = not (True and False)\n';
  assert.equal(concrete(text, 'A'), 'False');
  assert.equal(concrete(text, 'B'), 'True');
  assert.equal(concrete(text, 'C'), 'False');
  assert.equal(concrete(text, 'D'), 'True');
});

test('with contextlib.suppress(NameError): a body that reads a name defined nowhere changes nothing', () => {
  const text = `${base}\nimport contextlib\nwith contextlib.suppress(NameError):\n    INSTALLED_APPS += PROD_APPS\nwith contextlib.suppress(KeyError):\n    SECRET_KEY = os.environ["KEY"]\n`.replace('from pathlib import Path', 'import os\nfrom pathlib import Path');
  const apps = concrete(text, 'INSTALLED_APPS');
  assert.ok(apps.startsWith("['django.contrib.admin'") && !apps.includes('…'), apps);
  assert.ok(concrete(text, 'SECRET_KEY').startsWith("'django-insecure"), 'KeyError suppressed: the key stays');
});

test('an import cycle sees the names bound so far; project classes get what __init__ sets', () => {
  const p = project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n",
      'site/__init__.py': '',
      'site/settings/__init__.py': 'import sys\nTESTING = "test" in sys.argv\nfrom .logging import *\nfrom .params import PARAMS\nfor p in PARAMS:\n    globals()[p.name] = p.default\n',
      'site/settings/logging.py': 'from site.settings import TESTING\nLOG_LEVEL = "DEBUG" if TESTING else "INFO"\n',
      'site/settings/params.py': 'class Param:\n    def __init__(self, name, default):\n        self.name = name\n        self.default = default\nPARAMS = (Param("SECURE_HSTS_SECONDS", 60), Param(name="SECURE_SSL_REDIRECT", default=True))\n',
    },
    { djangoVersion: '4.2' },
  );
  const s = p.scopeOf(`${ROOT}/site/settings/__init__.py`)!;
  const value = (n: string) => show(s.get(n)!.concreteValue ?? s.get(n)!.value);
  assert.equal(value('TESTING'), 'False');
  assert.equal(value('LOG_LEVEL'), "'INFO'");
  assert.equal(value('SECURE_HSTS_SECONDS'), '60');
  assert.equal(value('SECURE_SSL_REDIRECT'), 'True');
  assert.equal(s.dynamic(), undefined, 'every name written is known');
});

test('a setting read from a file the module creates first is not a missing file', () => {
  const text = `${base.replace(/^SECRET_KEY = .*$/m, '')}\nimport os\nSECRET_KEY = os.environ.get("SECRET_KEY")\nif not SECRET_KEY:\n    path = os.path.join(os.path.dirname(__file__), "secret.txt")\n    try:\n        with open(path, "x") as f:\n            f.write("generated")\n    except FileExistsError:\n        pass\n    with open(path) as f:\n        SECRET_KEY = f.read()\n`;
  const found = codes(settingsProject(text).findingsFor(SETTINGS));
  assert.ok(!found.includes('security.W009'), 'the key comes from the file');
});
