// The static evaluator: what a settings module's names are known to be, without running Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, SETTINGS, project, ROOT } from './helpers';
import { pyRepr, type Value } from '../../server/src/engine/python/values';

function scope(text: string) {
  const p = settingsProject(text);
  const s = p.scopeOf(SETTINGS);
  assert.ok(s, 'settings module executed');
  return s;
}

function value(text: string, name: string): string {
  const b = scope(text).get(name);
  return b ? pyRepr(b.value, 400) : '<unbound>';
}

function concreteValue(text: string, name: string): string {
  const b = scope(text).get(name);
  return b ? pyRepr(b.concreteValue ?? b.value, 400) : '<unbound>';
}

test('literals, containers and concatenation', () => {
  const t = `A = 'x' "y"\nB = 1_000 * 60\nC = ["a", *["b"], 'c' + 'd']\nD = {"k": (1,), **{"j": None}}\nE = -3\nF = not ""\nG = f"{A}-{B}"\nH = r"\\d"\nI = 0x10\nJ = 1.5\nK = ("solo")\nL = ("solo",)\nM = "a" if True else "b"\nN = None or "fallback"\n`;
  assert.equal(value(t, 'A'), "'xy'");
  assert.equal(value(t, 'B'), '60000');
  assert.equal(value(t, 'C'), "['a', 'b', 'cd']");
  assert.equal(value(t, 'D'), "{'k': (1,), 'j': None}");
  assert.equal(value(t, 'E'), '-3');
  assert.equal(value(t, 'F'), 'True');
  assert.equal(value(t, 'G'), "'xy-60000'");
  assert.equal(value(t, 'H'), "'\\\\d'");
  assert.equal(value(t, 'I'), '16');
  assert.equal(value(t, 'J'), '1.5');
  assert.equal(value(t, 'K'), "'solo'");
  assert.equal(value(t, 'L'), "('solo',)");
  assert.equal(value(t, 'M'), "'a'");
  assert.equal(value(t, 'N'), "'fallback'");
});

test('pathlib and os.path arithmetic from __file__', () => {
  const t = [
    'import os',
    'from pathlib import Path',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    'STATIC_ROOT = BASE_DIR / "staticfiles"',
    'OLD_BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
    'MEDIA_ROOT = os.path.join(OLD_BASE, "media", "uploads")',
    'ABS = os.path.join(OLD_BASE, "/srv/x")',
    'JOINED = BASE_DIR.joinpath("a", "b")',
    'NAME = BASE_DIR.name',
  ].join('\n');
  assert.equal(value(t, 'BASE_DIR'), `Path('${ROOT}')`);
  assert.equal(value(t, 'STATIC_ROOT'), `Path('${ROOT}/staticfiles')`);
  assert.equal(value(t, 'OLD_BASE'), `'${ROOT}'`);
  assert.equal(value(t, 'MEDIA_ROOT'), `'${ROOT}/media/uploads'`);
  assert.equal(value(t, 'ABS'), "'/srv/x'");
  assert.equal(value(t, 'JOINED'), `Path('${ROOT}/a/b')`);
  assert.equal(value(t, 'NAME'), "'proj'");
});

test('environment reads keep their variable, default and cast', () => {
  const t = [
    'import os',
    'from os import environ, getenv',
    'A = os.environ.get("DEBUG", False)',
    'B = os.environ["SECRET"]',
    'C = getenv("HOSTS", "a,b").split(",")',
    'D = environ.get("X") == "1"',
    'E = os.environ.get("SSL", "0") == "1"',
  ].join('\n');
  const s = scope(t);
  const a = s.get('A')!.value as Extract<Value, { kind: 'env' }>;
  assert.equal(a.kind, 'env');
  assert.equal(a.variable, 'DEBUG');
  assert.equal(a.cast, 'str');
  assert.equal(pyRepr(a.default!), 'False');
  assert.equal(pyRepr(s.get('A')!.concreteValue!), 'False');
  assert.equal(s.get('B')!.value.kind, 'env');
  assert.equal((s.get('B')!.value as { default?: Value }).default, undefined, 'os.environ[...] has no default');
  assert.equal(s.get('C')!.value.kind, 'unknown', 'a method on an env value is unknown when the variable is set');
  assert.equal(concreteValue(t, 'C'), "['a', 'b']", 'but decidable when it is unset');
  assert.equal(s.get('D')!.value.kind, 'unknown');
  assert.equal(concreteValue(t, 'D'), 'False', 'None == "1" when unset');
  assert.deepEqual(s.get('E')!.envVariables, ['SSL']);
});

test('django-environ: Env schema, env.bool, env.list, env() with cast', () => {
  const t = [
    'import environ',
    'env = environ.Env(DEBUG=(bool, True), ALLOWED_HOSTS=(list, ["x.com"]))',
    'environ.Env.read_env()',
    'DEBUG = env("DEBUG")',
    'HOSTS = env("ALLOWED_HOSTS")',
    'SSL = env.bool("SSL", default=False)',
    'KEY = env("SECRET_KEY")',
    'LIST = env.list("L", default=["a"])',
    'CASTED = env("Z", cast=bool, default="yes")',
  ].join('\n');
  const s = scope(t);
  const debug = s.get('DEBUG')!.value as Extract<Value, { kind: 'env' }>;
  assert.equal(debug.kind, 'env');
  assert.equal(debug.cast, 'bool');
  assert.equal(concreteValue(t, 'DEBUG'), 'True');
  assert.equal(concreteValue(t, 'HOSTS'), "['x.com']");
  assert.equal(concreteValue(t, 'SSL'), 'False');
  assert.equal(s.get('KEY')!.concreteValue?.kind, 'unknown', 'required variable: unknown when unset');
  assert.equal(concreteValue(t, 'LIST'), "['a']");
  // django-environ returns the default as given (`value != default` decides whether to parse).
  assert.equal(concreteValue(t, 'CASTED'), "'yes'", 'django-environ does not cast defaults');
});

test('python-decouple: config with cast and Csv', () => {
  const t = [
    'from decouple import config, Csv',
    'DEBUG = config("DEBUG", default=False, cast=bool)',
    'HOSTS = config("ALLOWED_HOSTS", default="a.com,b.com", cast=Csv())',
    'RAW = config("RAW", default="False")',
  ].join('\n');
  const s = scope(t);
  assert.equal((s.get('DEBUG')!.value as { cast: string }).cast, 'bool');
  assert.equal(concreteValue(t, 'DEBUG'), 'False');
  assert.equal(concreteValue(t, 'HOSTS'), "['a.com', 'b.com']");
  assert.equal((s.get('RAW')!.value as { cast: string }).cast, 'str');
  assert.equal(concreteValue(t, 'RAW'), "'False'");
});

test('in-place changes: +=, append, insert, extend, remove, item assignment, update', () => {
  const t = [
    'MIDDLEWARE = ["a", "b"]',
    'MIDDLEWARE += ["c"]',
    'MIDDLEWARE.append("d")',
    'MIDDLEWARE.insert(0, "first")',
    'MIDDLEWARE.extend(("e",))',
    'MIDDLEWARE.remove("b")',
    'TEMPLATES = [{"OPTIONS": {"debug": True}}]',
    'TEMPLATES[0]["OPTIONS"]["debug"] = False',
    'CACHES = {}',
    'CACHES["default"] = {"BACKEND": "x"}',
    'CACHES.update({"other": 1})',
    'X = 1',
    'X += 2',
  ].join('\n');
  const s = scope(t);
  assert.equal(pyRepr(s.get('MIDDLEWARE')!.value), "['first', 'a', 'c', 'd', 'e']");
  assert.equal(s.get('MIDDLEWARE')!.changes.length, 5);
  assert.equal(pyRepr(s.get('TEMPLATES')!.value), "[{'OPTIONS': {'debug': False}}]");
  assert.equal(pyRepr(s.get('CACHES')!.value), "{'default': {'BACKEND': 'x'}, 'other': 1}");
  assert.equal(pyRepr(s.get('X')!.value), '3');
});

test('if DEBUG / if not DEBUG: decided when DEBUG is known, both sides kept when not', () => {
  const known = 'DEBUG = False\nif DEBUG:\n    A = 1\nelse:\n    A = 2\nif not DEBUG:\n    B = "prod"\n';
  assert.equal(value(known, 'A'), '2');
  assert.equal(value(known, 'B'), "'prod'");
  const s = scope(known);
  assert.equal(s.get('A')!.conditional, undefined, 'a decided branch is not conditional');

  const unknownDebug = 'import os\nDEBUG = os.environ.get("D") == "1"\nSECURE_SSL_REDIRECT = False\nif not DEBUG:\n    SECURE_SSL_REDIRECT = True\n';
  const u = scope(unknownDebug).get('SECURE_SSL_REDIRECT')!;
  assert.equal(pyRepr(u.value), 'True or False', 'either outcome is possible');
  assert.ok(u.conditional?.includes('not DEBUG'));
  assert.equal(u.alternatives?.length, 2);
  assert.equal(pyRepr(u.concreteValue!), 'True', 'with D unset, DEBUG is False and the branch runs');
});

test('from .base import * across modules, with overrides and the import line recorded', () => {
  const p = project(
    {
      'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': 'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent.parent\nDEBUG = True\nMIDDLEWARE = ["a"]\n',
      'mysite/settings/production.py': 'from .base import *\nfrom .base import DEBUG as BASE_DEBUG\nDEBUG = False\nMIDDLEWARE += ["b"]\nSTATIC_ROOT = BASE_DIR / "static"\n',
    },
    { djangoVersion: '4.2' },
  );
  const s = p.scopeOf(`${ROOT}/mysite/settings/production.py`)!;
  assert.equal(pyRepr(s.get('DEBUG')!.value), 'False');
  assert.equal(s.get('DEBUG')!.overrides?.origin.file, `${ROOT}/mysite/settings/base.py`);
  assert.equal(pyRepr(s.get('BASE_DEBUG')!.value), 'True');
  assert.equal(pyRepr(s.get('MIDDLEWARE')!.value), "['a', 'b']");
  assert.equal(pyRepr(s.get('STATIC_ROOT')!.value), `Path('${ROOT}/static')`);
  assert.equal(s.get('BASE_DIR')!.importedVia?.file, `${ROOT}/mysite/settings/production.py`);
});

test('try: from .local import * — missing module runs the except side; a present module is judged with it', () => {
  const files = {
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': 'DEBUG = False\ntry:\n    from .local import *\nexcept ImportError:\n    X = "no local"\n',
  };
  const missing = project(files).scopeOf(`${ROOT}/mysite/settings.py`)!;
  assert.equal(pyRepr(missing.get('DEBUG')!.value), 'False');
  assert.equal(pyRepr(missing.get('X')!.value), "'no local'");
  const present = project({ ...files, 'mysite/local.py': 'DEBUG = True\n' }).scopeOf(`${ROOT}/mysite/settings.py`)!;
  assert.equal(pyRepr(present.get('DEBUG')!.value), 'True', 'local.py is there: Python imports it');
  assert.equal(present.get('DEBUG')!.origin.file, `${ROOT}/mysite/local.py`);
  assert.equal(present.get('DEBUG')!.importedVia?.file, `${ROOT}/mysite/settings.py`);
  assert.equal(present.get('X'), undefined, 'the handler does not run');
});

test('half-typed code keeps the rest of the file', () => {
  const t = 'A = 1\nB = [\nC = 3\nDEBUG = True\nALLOWED_HOSTS = ["x"]\nD = {"a": \nE = "e"\n';
  const s = scope(t);
  assert.equal(pyRepr(s.get('A')!.value), '1');
  assert.equal(pyRepr(s.get('DEBUG')!.value), 'True');
  assert.equal(pyRepr(s.get('ALLOWED_HOSTS')!.value), "['x']");
  assert.equal(pyRepr(s.get('E')!.value), "'e'");
});

test('loops over known items are unrolled; unknown loops keep what is certain; unknown calls are unknown', () => {
  const t = 'X = ["a"]\nfor i in range(3):\n    X.append(i)\nY = compute()\nZ = [h for h in "ab"]\nW = ["a"]\nfor m in compute():\n    W.append(m)\n';
  const s = scope(t);
  assert.equal(pyRepr(s.get('X')!.value), "['a', 0, 1, 2]");
  assert.equal(s.get('Y')!.value.kind, 'unknown');
  assert.equal(pyRepr(s.get('Z')!.value), "['a', 'b']");
  assert.equal(pyRepr(s.get('W')!.value), "['a', …]", 'the list keeps "a" and may hold more');
});
