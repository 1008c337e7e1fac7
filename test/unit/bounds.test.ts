// Whatever a settings file contains, reading it is bounded: steps, string and collection sizes,
// recursion (expressions, statements, lazy values, imports), regular expressions. Each case runs
// the whole pipeline (parse, execute, every rule) and must finish, with a sane answer and the
// heap within bounds; the test runner's timeout catches a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, SETTINGS, STARTPROJECT, project, ROOT, codes } from './helpers';
import { pyRepr, type Value } from '../../server/src/engine/python/values';
import { requirementsIn, includesOf } from '../../server/src/engine/project/requirements';
import { djangoPinFromFile } from '../../server/src/engine/project/djangoVersion';
import { globMatch } from '../../server/src/engine/glob';
import { LIMITS } from '../../server/src/engine/python/budget';
import { ModuleMemo } from '../../server/src/engine/python/memo';

const TIMEOUT = { timeout: 120_000 };
const MB = 1024 * 1024;

/** Analyses a settings text through the whole pipeline; returns the module's scope and findings. */
function analyse(text: string) {
  const before = process.memoryUsage().heapUsed;
  const p = settingsProject(text);
  const findings = p.findingsFor(SETTINGS);
  const scope = p.scopeOf(SETTINGS);
  const grown = (process.memoryUsage().heapUsed - before) / MB;
  return { p, findings, scope, grown };
}

const reason = (v: Value | undefined) => (v?.kind === 'unknown' ? v.reason ?? '' : pyRepr(v ?? { kind: 'none' }, 60));

test('doubling a string 26 times stops at the string bound, not at 64 MB', TIMEOUT, () => {
  const text = "A = ','\n" + 'A = A + A\n'.repeat(26) + 'B = len(A)\n';
  const { scope, grown } = analyse(text);
  const a = scope!.get('A')!.value;
  assert.equal(a.kind, 'unknown');
  assert.match(reason(a), /longer than/);
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
});

test('30,000 appends: linear, no native stack overflow, the name becomes unknown past the bound', TIMEOUT, () => {
  const text = 'X = []\n' + 'X.append("django.middleware.security.SecurityMiddleware")\n'.repeat(30_000) + 'MIDDLEWARE = X\nINSTALLED_APPS = []\n';
  const { scope, grown } = analyse(text);
  assert.match(reason(scope!.get('X')!.value), new RegExp(`changed more than ${LIMITS.changesPerName}`));
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
  // Below the bound the chain is followed exactly.
  const small = analyse('X = []\n' + 'X.append(1)\n'.repeat(1500));
  assert.equal((small.scope!.get('X')!.value as { items: Value[] }).items.length, 1500);
});

test('X = X + [...] thousands of times is forced oldest first (no recursion per statement)', TIMEOUT, () => {
  const text = 'X = []\n' + 'X = X + ["a"]\n'.repeat(5000);
  const { scope } = analyse(text);
  const x = scope!.get('X')!.value;
  assert.equal(x.kind, 'list');
  assert.equal((x as { items: Value[] }).items.length, 5000);
});

test('values depending on each other through thousands of names end as unknown, not a stack overflow', TIMEOUT, () => {
  let text = 'A0 = 1\n';
  for (let i = 1; i < 5000; i++) text += `A${i} = A${i - 1} + 1\n`;
  const { scope } = analyse(text);
  const last = scope!.get('A4999')!.value;
  assert.ok(last.kind === 'int' || (last.kind === 'unknown' && /too deeply/.test(last.reason ?? '')), pyRepr(last));
});

test('5,000 unclosed brackets: the recovery re-parse is bounded', TIMEOUT, () => {
  const text = 'A = [\n'.repeat(5000) + STARTPROJECT;
  const { findings, grown } = analyse(text);
  assert.ok(Array.isArray(findings));
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
});

test('2,000 **D spreads in one dict stay within the collection bound', TIMEOUT, () => {
  let text = 'D = {' + Array.from({ length: 50 }, (_, i) => `"k${i}": ${i}`).join(', ') + '}\n';
  text += 'E = {' + Array.from({ length: 2000 }, () => '**D').join(', ') + '}\n';
  text += 'F = {' + Array.from({ length: 2000 }, (_, i) => `**{"x${i}": ${i}}`).join(', ') + '}\n';
  const { scope, grown } = analyse(text);
  assert.equal(scope!.get('E')!.value.kind, 'dict');
  assert.equal((scope!.get('E')!.value as { entries: unknown[] }).entries.length, 50);
  assert.ok(['dict', 'unknown'].includes(scope!.get('F')!.value.kind));
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
});

test('1,000 modules each star-importing the previous one: the chain is cut at the import bound', TIMEOUT, () => {
  const files: Record<string, string> = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.m999')\n",
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/m0.py': STARTPROJECT,
  };
  for (let i = 1; i < 1000; i++) files[`mysite/settings/m${i}.py`] = `from .m${i - 1} import *\nX${i} = ${i}\n`;
  const p = project(files);
  const scope = p.scopeOf(`${ROOT}/mysite/settings/m999.py`)!;
  assert.equal(pyRepr(scope.get('X999')!.value), '999');
  assert.equal(scope.get('DEBUG'), undefined, 'the base is further than the import bound');
  const near = p.scopeOf(`${ROOT}/mysite/settings/m10.py`)!;
  assert.equal(pyRepr(near.get('DEBUG')!.value), 'True', 'a short chain is followed');
});

test('deep nesting: expressions and statements', TIMEOUT, () => {
  const deepList = 'A = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
  const deepIf = Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i)}if compute_${i}():\n`).join('') + `${'    '.repeat(300)}DEBUG = True\n`;
  const deepCall = 'B = ' + 'f('.repeat(3000) + ')'.repeat(3000) + '\n';
  const { scope } = analyse(deepList + deepIf + deepCall + 'INSTALLED_APPS = []\n');
  // The outer lists are read; the part past the expression bound is unknown, with the reason.
  assert.match(pyRepr(scope!.get('A')!.value, 1000), /unknown/);
  assert.ok(scope!.get('DEBUG'));
});

test('project functions calling each other, recursion, and loops in them are bounded', TIMEOUT, () => {
  const text = 'def f(n):\n    return f(n + 1)\nA = f(0)\ndef g(x):\n    for i in range(100000):\n        x = x + "a"\n    return x\nB = g("")\ndef h(x):\n    while True:\n        x += 1\n    return x\nC = h(0)\n';
  const { scope } = analyse(text);
  for (const n of ['A', 'B', 'C']) assert.equal(scope!.get(n)!.value.kind, 'unknown', n);
});

test('a comprehension over a huge range and str * int are bounded', TIMEOUT, () => {
  const text = 'A = [i for i in range(10**9)]\nB = "x" * 10**9\nC = [[1] * 1000] * 1000\nD = list(range(100))\n';
  const { scope, grown } = analyse(text);
  assert.equal(scope!.get('A')!.value.kind, 'unknown');
  assert.equal(scope!.get('B')!.value.kind, 'unknown');
  assert.equal(pyRepr(scope!.get('D')!.value, 20).startsWith('[0, 1'), true);
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
});

test('a 1 MB settings module of realistic statements is read whole', TIMEOUT, () => {
  const lines: string[] = [STARTPROJECT];
  for (let i = 0, length = 0; length < 1024 * 1024; i++) {
    const line = `SETTING_${i} = {"a": [${i}, "x${i}"], "b": os.environ.get("V${i}", "d")}\nif SETTING_${i}["b"] == "d":\n    OTHER_${i} = ${i}\n`;
    lines.push(line);
    length += line.length + 1;
  }
  const { findings, grown } = analyse('import os\n' + lines.join('\n'));
  assert.ok(codes(findings).includes('security.W018'));
  assert.ok(grown < 200, `heap grew ${grown.toFixed(0)} MB`);
});

test('settings sniffing, requirements and pyproject parsing, globs: linear on hostile text', TIMEOUT, () => {
  // 150,000 blank lines: a settings module sniffed by content (`^\s*` would rescan every line).
  const blank = '\n'.repeat(150_000) + 'DEBUG = True\nINSTALLED_APPS = []\n';
  const p = project({ 'app/views.py': blank, 'app/config.py': '\n'.repeat(150_000) });
  assert.ok(p.settingsModules().length >= 1);
  // One 512 KB line in pyproject.toml, a 384 KB requirements line, spaces after a name.
  const long = 'x'.repeat(512 * 1024);
  assert.equal(djangoPinFromFile('pyproject.toml', `[project]\ndependencies = ["${long}"]\n"django ${' '.repeat(200_000)}\n`), undefined);
  assert.equal(requirementsIn('requirements.txt', `django${' '.repeat(384 * 1024)}x\n`).length, 0);
  assert.equal(djangoPinFromFile('requirements.txt', `django${' '.repeat(384 * 1024)}==4.2\n`)?.minor, 2);
  assert.deepEqual(includesOf('-r base.txt\n--requirement=prod.txt  # comment\n-c constraints.txt\n'), [
    { path: 'base.txt', constraint: false },
    { path: 'prod.txt', constraint: false },
    { path: 'constraints.txt', constraint: true },
  ]);
  // A glob that makes a backtracking matcher take minutes.
  assert.equal(globMatch('pages/' + '**a'.repeat(40) + '!.html', 'pages/' + 'a'.repeat(45) + '.html'), false);
  assert.equal(globMatch('templates/**/x.txt', 'templates/a/b/x.txt'), true);
  assert.equal(globMatch('templates/**/x.txt', 'templates/x.txt'), true);
  // The import os insertion point and quote style on a file of blank lines and an open docstring.
  const settings = settingsProject('"""\n' + '\n'.repeat(100_000) + "SECRET_KEY = 'x'\n");
  assert.ok(Array.isArray(settings.findingsFor(SETTINGS)));
});

test('version pins from requirements folders, -r / -c includes, constraints, setup.cfg and setup.py', () => {
  const base = { 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '', 'mysite/settings.py': STARTPROJECT };
  const version = (files: Record<string, string>) => {
    const v = project({ ...base, ...files }).version();
    return `${v.major}.${v.minor} ${v.source}`;
  };
  assert.equal(version({ 'requirements/base.txt': 'Django==4.2.11\n', 'requirements/production.txt': '-r base.txt\ngunicorn\n' }), '4.2 requirements/base.txt:1');
  assert.equal(version({ 'requirements.txt': '-r requirements/prod.txt\n', 'requirements/prod.txt': '--requirement common.txt\n', 'requirements/common.txt': 'django>=3.2,<4\n' }), '3.2 requirements/common.txt:1');
  assert.equal(version({ 'requirements.txt': 'django\n-c deps/constraints.txt\n', 'requirements/other.txt': 'celery\n', 'deps/constraints.txt': 'Django==5.1.3\n' }), '5.1 deps/constraints.txt:1', 'an unpinned django takes the version its constraints give');
  assert.equal(version({ 'requirements.txt': 'django\n', 'requirements/prod.txt': '-r ../requirements.txt\nDjango==4.2.1\n' }), '4.2 requirements/prod.txt:2', 'a pin elsewhere beats an unpinned requirement');
  assert.equal(version({ 'setup.cfg': '[options]\ninstall_requires =\n    Django>=4.2,<5.0\n    requests\n' }), '4.2 setup.cfg:3');
  assert.equal(version({ 'setup.py': 'setup(\n    install_requires=["Django~=3.2.0", "celery"],\n)\n' }), '3.2 setup.py:2');
  assert.equal(version({ 'requirements/dev.txt': '-r base.txt\n', 'requirements/base.txt': '-r dev.txt\nDjango==5.0\n' }), '5.0 requirements/base.txt:2', 'include cycles end');
});

test('thousands of undecidable branches changing one list: the merged value is read oldest first, symbolic or concrete', TIMEOUT, () => {
  // Each merge after a branch is computed from the one before. The server reads the symbolic
  // value first, the CLI the concrete one: neither may recurse through the chain.
  const text = 'import os\nX = []\n' + 'if os.environ.get("F"):\n    X.append("a")\nelse:\n    X = X + ["b"]\n'.repeat(1900) + 'MIDDLEWARE = X\n';
  for (const read of ['symbolic', 'concrete'] as const) {
    const p = settingsProject(text);
    const binding = p.scopeOf(SETTINGS)!.get('X')!;
    const x = read === 'symbolic' ? binding.value : binding.concreteValue!;
    assert.ok(x.kind === 'list' || x.kind === 'unknown', `${read}: ${pyRepr(x, 60)}`);
    assert.ok(Array.isArray(p.findingsFor(SETTINGS)));
  }
});

test('the memo keeps what the last runs used, nothing older (its values hold the runs that made them)', () => {
  const memo = new ModuleMemo();
  const text = 'A = 1\nB = 2\n';
  const key = (from: number, to: number) => ({ kind: 'A', text, from, to });
  const entry = { reads: [], evaluated: { value: { kind: 'int' as const, value: 1 } }, token: 7 };
  memo.startRun();
  memo.store(key(0, 5), entry);
  memo.store(key(6, 11), { ...entry, token: 8 });
  for (let run = 0; run < 5; run++) {
    memo.startRun();
    // Only A is used run after run.
    assert.equal(memo.find(key(0, 5), () => 0)?.token, 7);
  }
  assert.equal(memo.find(key(6, 11), () => 0), undefined, 'B, unused for five runs, is gone');
});
