// Random edits and truncations of real settings files: the engine never throws, always
// terminates, and every finding and fix range lies inside its document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, STARTPROJECT, ROOT } from './helpers';
import type { DjangoProject } from '../../server/src/engine/project/project';
import { hoverSetting } from '../../server/src/engine/hover';
import { safeFixEdits } from '../../server/src/engine/fixAll';
import { changedRange } from '../../server/src/engine/python/parse';

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = ['[', ']', '(', ')', '{', '}', '"', "'", '"""', '\n', '    ', ':', ',', '=', '+=', 'if DEBUG:\n    ', 'try:\n', 'except:\n', 'from .base import *\n', 'os.environ.get(', 'env.bool(', 'Path(__file__)', ' / ', '\\', '#', 'f"{', '\u00e9', '\ud83d\ude00', '\u0000', 'lambda', 'yield', '*', '**'];

function mutate(text: string, random: () => number): string {
  const pos = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, pos); // truncation
    case 1: {
      const len = Math.floor(random() * 40);
      return text.slice(0, pos) + text.slice(pos + len); // deletion
    }
    case 2: {
      const frag = FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      return text.slice(0, pos) + frag + text.slice(pos); // insertion
    }
    default: {
      const other = Math.floor(random() * text.length);
      const len = Math.floor(random() * 80);
      return text.slice(0, pos) + text.slice(other, other + len) + text.slice(pos); // duplication
    }
  }
}

function checkProject(p: DjangoProject, files: string[]) {
  for (const f of p.allFindings()) {
    const text = p.text(f.file) ?? '';
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code} range ${f.start}-${f.end} outside ${f.file} (${text.length})`);
    for (const fix of f.fixes) for (const e of fix.edits) {
      const t = p.text(e.file) ?? '';
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= t.length, `${f.code} fix edit outside ${e.file}`);
    }
  }
  safeFixEdits(p.allFindings());
  for (const file of files) {
    const text = p.text(file) ?? '';
    for (let i = 0; i < 5; i++) hoverSetting(p, file, Math.floor((i / 5) * text.length));
  }
}

const SPLIT_BASE = STARTPROJECT.replace('parent.parent', 'parent.parent.parent');
const PRODUCTION = "from .base import *\nimport os\n\nDEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'\nALLOWED_HOSTS = os.environ.get('HOSTS', '').split(',')\nif not DEBUG:\n    SECURE_SSL_REDIRECT = True\nMIDDLEWARE += ['whitenoise.middleware.WhiteNoiseMiddleware']\nSTATIC_ROOT = BASE_DIR / 'staticfiles'\n";

test('thousands of random edits never throw and keep ranges inside the document', { timeout: 300_000 }, () => {
  const random = rng(20261125);
  const files = {
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': SPLIT_BASE,
    'mysite/settings/production.py': PRODUCTION,
  };
  const p = project(files, { djangoVersion: '3.2' });
  const base = `${ROOT}/mysite/settings/base.py`;
  const prod = `${ROOT}/mysite/settings/production.py`;
  let baseText = SPLIT_BASE;
  let prodText = PRODUCTION;
  for (let i = 0; i < 3000; i++) {
    // Mostly accumulate edits (like typing), sometimes restart from the original.
    if (random() < 0.05) {
      baseText = SPLIT_BASE;
      prodText = PRODUCTION;
    }
    if (random() < 0.5) baseText = mutate(baseText, random);
    else prodText = mutate(prodText, random);
    if (baseText.length > 20000) baseText = SPLIT_BASE;
    if (prodText.length > 20000) prodText = PRODUCTION;
    p.setFile(base, baseText);
    p.setFile(prod, prodText);
    try {
      checkProject(p, [base, prod]);
    } catch (e) {
      throw new Error(`edit ${i}: ${(e as Error).message}\n--- production.py ---\n${prodText}\n--- base.py ---\n${baseText.slice(0, 2000)}`);
    }
  }
});

test('every truncation of a settings file is analysed', { timeout: 300_000 }, () => {
  const p = project({ 'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '' });
  const file = `${ROOT}/mysite/settings.py`;
  for (let n = 0; n <= STARTPROJECT.length; n += 3) {
    p.setFile(file, STARTPROJECT.slice(0, n));
    checkProject(p, [file]);
  }
});

test('hostile inputs: binary, deep nesting, huge literals, import cycles', { timeout: 120_000 }, () => {
  const cases = [
    '\u0000\u0001\u0002'.repeat(1000),
    'X = ' + '['.repeat(5000) + ']'.repeat(5000),
    'X = ' + '('.repeat(3000),
    'DEBUG = ' + '1 + '.repeat(3000) + '1',
    'ALLOWED_HOSTS = [' + '"a", '.repeat(20000) + ']',
    'SECRET_KEY = "' + 'x'.repeat(200000) + '"',
    'A = "unterminated\nDEBUG = True\n',
    '\ufeffDEBUG = True\r\nALLOWED_HOSTS = []\r\n',
  ];
  for (const text of cases) {
    const p = project({ 'mysite/settings.py': text });
    checkProject(p, [`${ROOT}/mysite/settings.py`]);
  }
  const cycle = project({
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/a.py': 'from .b import *\nDEBUG = True\nINSTALLED_APPS = []\n',
    'mysite/settings/b.py': 'from .a import *\nALLOWED_HOSTS = []\nMIDDLEWARE = []\n',
  });
  checkProject(cycle, [`${ROOT}/mysite/settings/a.py`, `${ROOT}/mysite/settings/b.py`]);
});

test('changedRange finds the exact differing range (block comparison)', () => {
  const random = rng(7);
  const base = STARTPROJECT.repeat(8);
  for (let i = 0; i < 500; i++) {
    const a = mutate(base, random);
    const b = mutate(a, random);
    const r = changedRange(a, b);
    assert.equal(a.slice(0, r.fromA) + b.slice(r.fromB, r.toB) + a.slice(r.toA), b);
    assert.equal(r.fromA, r.fromB);
    let prefix = 0;
    while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
    assert.equal(r.fromA, prefix, 'the common prefix is maximal');
  }
});

test('typing in a file the settings do not read keeps the analysis', () => {
  const p = project({ 'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '', 'mysite/settings.py': STARTPROJECT, 'mysite/views.py': 'def index(request):\n    pass\n' });
  const before = p.allFindings();
  p.setFile(`${ROOT}/mysite/views.py`, 'def index(request):\n    return 1\n');
  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  assert.ok(same(p.allFindings(), before), 'the same finding objects: nothing was recomputed');
  p.setFile(`${ROOT}/mysite/views.py`, 'DEBUG = True\nINSTALLED_APPS = []\n');
  assert.ok(!same(p.allFindings(), before), 'a file that starts to look like settings is analysed');
});
