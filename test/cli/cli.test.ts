// The built CLI (dist/cli.js) over the fixtures in test/fixtures: formats, positions, exit codes,
// --fix, explicit settings files, odd files, and the options that change what is reported.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli, cliJson, copyOf, scratch, fixture, offsetOf, pythonAvailable, pythonSyntaxError, ROOT, EXAMPLES, type JsonDiagnostic } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const STARTPROJECT = fixture('startproject');
const STARTPROJECT_SETTINGS = fixture('startproject', 'mysite', 'settings.py');
const STARTPROJECT_CODES = ['DJD101', 'DJD123', 'security.W004', 'security.W008', 'security.W009', 'security.W012', 'security.W016', 'security.W018', 'security.W020'];
/**
 * Information items of Django's deployment checklist (rules/production.ts) a startproject-style
 * module gets on a line of its own: SQLite. (No CACHES, no LOGGING, no ADMINS are checklist rows
 * only: a setting nobody wrote has no line.)
 */
const CHECKLIST_INFO = ['DJD123'];
/** The hardened fixture: no problem but those information items, exit 0. */
function onlyChecklistInfo(stdout: string, summary: string) {
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.pop(), summary);
  assert.deepEqual(lines.map((l) => l.split(' ').slice(1, 3).join(' ')).sort(), CHECKLIST_INFO.map((c) => `info ${c}`), stdout);
}

const codes = (ds: { code: string }[]) => [...new Set(ds.map((d) => d.code))].sort();
const rel = (file: string) => relative(ROOT, file);

/** The fixture text a diagnostic points at. */
function pointedText(d: JsonDiagnostic, cwd = ROOT): string {
  const text = readFileSync(join(cwd, d.file), 'utf8');
  return text.slice(offsetOf(text, d.line, d.column), offsetOf(text, d.endLine, d.endColumn));
}

describe('command line', () => {
  test('--help prints the usage and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage: django-deploy check/);
      for (const option of ['--format', '--fix', '--production', '--django-version', '--rule']) assert.ok(r.stdout.includes(option), option);
    }
  });

  test('--version prints the version from package.json', () => {
    const r = cli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  for (const [name, args, pattern] of [
    ['an unknown flag', ['check', '--frobnicate', STARTPROJECT], /unknown option '--frobnicate'.*usage/i],
    ['an unknown command', ['lint', STARTPROJECT], /unknown command 'lint'/],
    ['no command', [], /missing command/],
    ['a bad --format', ['check', '--format', 'xml', STARTPROJECT], /--format must be text, json or sarif/],
    ['a --format without value', ['check', STARTPROJECT, '--format'], /--format needs a value/],
    ['a bad --rule', ['check', '--rule', 'security.W004', STARTPROJECT], /CODE=SEVERITY/],
    ['a bad --rule severity', ['check', '--rule', 'security.W004=loud', STARTPROJECT], /severity must be/],
    ['an unknown --rule code', ['check', '--rule', 'security.W999=off', STARTPROJECT], /unknown rule code 'security.W999'/],
    ['a bad --django-version', ['check', '--django-version', 'four', STARTPROJECT], /--django-version must look like/],
    ['an unknown --production module', ['check', '--production', 'mysite.settings.nope', STARTPROJECT], /--production mysite.settings.nope: no such settings module/],
    ['a nonexistent path', ['check', 'test/fixtures/does-not-exist'], /cannot read test\/fixtures\/does-not-exist: no such file or directory/],
  ] as const) {
    test(`${name} exits 2 with one line on stderr`, () => {
      const r = cli([...args]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^django-deploy: /);
      assert.match(lines[0], pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('text output', () => {
  test('startproject: one line per problem, then the summary; exit 1', () => {
    const r = cli(['check', rel(STARTPROJECT)]);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), '9 problems (8 warnings, 1 info) in 1 settings module');
    assert.equal(lines.length, 9);
    const settingsText = readFileSync(STARTPROJECT_SETTINGS, 'utf8').split('\n');
    for (const line of lines) {
      const m = /^(\S+):(\d+):(\d+): (error|warning|info|hint) (\S+) (.+)$/.exec(line);
      assert.ok(m, line);
      assert.equal(m[1], 'test/fixtures/startproject/mysite/settings.py');
      assert.ok(Number(m[2]) >= 1 && Number(m[2]) <= settingsText.length, line);
    }
    const debug = lines.find((l) => l.includes(' security.W018 '));
    assert.ok(debug);
    const [, lineNo, col] = /:(\d+):(\d+):/.exec(debug)!;
    assert.equal(settingsText[Number(lineNo) - 1].slice(Number(col) - 1), 'DEBUG = True');
    assert.deepEqual(codes(lines.map((l) => ({ code: l.split(' ')[2] }))), STARTPROJECT_CODES);
  });

  test('paths are relative to the working directory', () => {
    const r = cli(['check', '.'], { cwd: STARTPROJECT });
    assert.match(r.stdout, /^mysite\/settings\.py:23:1: warning security\.W009 /m);
  });

  test('hardened: no problems, exit 0', () => {
    const r = cli(['check', rel(fixture('hardened'))]);
    assert.equal(r.stderr, '');
    onlyChecklistInfo(r.stdout, '1 problem (1 info) in 1 settings module and 1 template');
    assert.equal(r.status, 0);
  });

  test('a folder with templates only: the templates are checked, exit 0', () => {
    const r = cli(['check', rel(fixture('hardened', 'templates'))]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'No deployment problems found in 1 template.\n');
  });

  test('a folder with neither settings nor templates says so and exits 0 (not Django, or Django without settings yet)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'djd-empty-'));
    try {
      writeFileSync(join(dir, 'utils.py'), 'def f():\n    return 1\n');
      const r = cli(['check', dir]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'Not a Django project: no manage.py that runs Django, no Django in the requirements, no DJANGO_SETTINGS_MODULE, no Django settings module. Nothing to check.\n');
      // A Django project without a settings module yet says that instead.
      writeFileSync(join(dir, 'requirements.txt'), 'Django==5.2\n');
      assert.equal(cli(['check', dir]).stdout, 'No Django settings modules found.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("examples/mysite (the README's `npm run example`) shows real mistakes", () => {
    const r = cli(['check', 'examples/mysite']);
    assert.equal(r.status, 1);
    const found = r.stdout.trimEnd().split('\n');
    assert.equal(found.pop(), '11 problems (2 errors, 8 warnings, 1 info) in 3 settings modules and 2 templates');
    assert.deepEqual(
      found.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'examples/mysite/mysite/settings/base.py:25:1: warning security.W009',
        'examples/mysite/mysite/settings/base.py:123:1: error urls.E006',
        'examples/mysite/mysite/settings/production.py:5:1: warning DJD101',
        'examples/mysite/mysite/settings/production.py:5:1: warning security.W004',
        'examples/mysite/mysite/settings/production.py:5:1: warning security.W016',
        'examples/mysite/mysite/settings/production.py:7:1: warning DJD111',
        'examples/mysite/mysite/settings/production.py:7:1: warning security.W018',
        'examples/mysite/mysite/settings/production.py:9:1: warning DJD109',
        'examples/mysite/mysite/settings/production.py:11:1: info DJD127',
        'examples/mysite/templates/pages/home.html:4:32: warning DJD201',
        'examples/mysite/templates/pages/home.html:5:13: error DJD203',
      ],
    );
  });

  test('several paths: every project is checked once', () => {
    const r = cli(['check', rel(STARTPROJECT), rel(fixture('hardened')), rel(fixture('split'))]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^14 problems \(11 warnings, 3 info\) in 5 settings modules and 1 template$/m);
  });
});

describe('json output', () => {
  test('exactly one object with 1-based positions that point at the fixture text', () => {
    const { run, diagnostics } = cliJson([rel(STARTPROJECT)]);
    assert.equal(run.status, 1);
    assert.deepEqual(Object.keys(JSON.parse(run.stdout)), ['diagnostics']);
    assert.deepEqual(codes(diagnostics), STARTPROJECT_CODES);
    for (const d of diagnostics) {
      assert.deepEqual(Object.keys(d).slice(0, 8), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      assert.equal(d.file, 'test/fixtures/startproject/mysite/settings.py');
      assert.equal(d.settingsModule, 'mysite.settings');
      assert.match(d.docsUrl, /^https:\/\//);
      assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || d.endColumn >= d.column), JSON.stringify(d));
    }
    const at = (code: string) => pointedText(diagnostics.find((d) => d.code === code)!);
    assert.equal(at('security.W018'), 'DEBUG');
    assert.equal(at('security.W009'), 'SECRET_KEY');
    assert.equal(at('security.W020'), 'ALLOWED_HOSTS');
    // Missing settings are reported at what enables the check: the middleware in MIDDLEWARE.
    assert.equal(at('security.W004'), "'django.middleware.security.SecurityMiddleware'");
    assert.equal(at('security.W016'), "'django.middleware.csrf.CsrfViewMiddleware'");
  });

  test('columns count UTF-16 code units after non-ASCII text', () => {
    const { dir, cleanup } = copyOf(STARTPROJECT);
    try {
      const file = join(dir, 'mysite', 'settings.py');
      const prefix = "MIDDLEWARE = ['café.🦄.Middleware', ";
      writeFileSync(file, readFileSync(file, 'utf8').replace('MIDDLEWARE = [\n    ', prefix));
      const { diagnostics } = cliJson(['.'], { cwd: dir });
      const hsts = diagnostics.find((d) => d.code === 'security.W004')!;
      assert.equal(pointedText(hsts, dir), "'django.middleware.security.SecurityMiddleware'");
      assert.equal(hsts.column, prefix.length + 1);
      assert.equal(hsts.column, 37, 'UTF-16: the unicorn counts 2, é counts 1 (not UTF-8 bytes, not code points)');
    } finally {
      cleanup();
    }
  });
});

describe('sarif output', () => {
  test('SARIF 2.1.0 with the rules catalogue and relative locations', () => {
    const r = cli(['check', '--format', 'sarif', rel(STARTPROJECT)]);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif.*2\.1\.0.*\.json$/);
    assert.equal(sarif.runs.length, 1);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'Django Deploy');
    assert.equal(driver.version, pkg.version);
    assert.match(driver.informationUri, /^https:\/\//);
    const ruleIds: string[] = driver.rules.map((x: { id: string }) => x.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text, rule.id);
      assert.match(rule.helpUri, /^https:\/\//);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
    }
    const { diagnostics } = cliJson([rel(STARTPROJECT)]);
    const results = sarif.runs[0].results;
    assert.equal(results.length, diagnostics.length);
    results.forEach((result: any, i: number) => {
      const d = diagnostics[i];
      assert.equal(result.ruleId, d.code);
      assert.ok(ruleIds.includes(result.ruleId));
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.level, d.severity === 'information' ? 'note' : 'warning');
      assert.equal(result.message.text, d.message);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, 'test/fixtures/startproject/mysite/settings.py');
      assert.deepEqual(location.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    });
  });

  test('error and information findings map to SARIF levels error and note', () => {
    const r = cli(['check', '--format', 'sarif', '--rule', 'security.W018=error', '--rule', 'security.W020=information', rel(STARTPROJECT)]);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; level: string }[];
    assert.equal(results.find((x) => x.ruleId === 'security.W018')?.level, 'error');
    assert.equal(results.find((x) => x.ruleId === 'security.W020')?.level, 'note');
  });
});

describe('options', () => {
  test('--rule CODE=off removes a code; --rule CODE=error raises it', () => {
    const off = cliJson(['--rule', 'security.W018=off', '--rule', 'DJD101=off', rel(STARTPROJECT)]);
    assert.deepEqual(codes(off.diagnostics), STARTPROJECT_CODES.filter((c) => c !== 'security.W018' && c !== 'DJD101'));
    const raised = cli(['check', '--rule', 'security.W018=error', rel(STARTPROJECT)]);
    assert.match(raised.stdout, /: error security\.W018 /);
    assert.match(raised.stdout, /^9 problems \(1 error, 7 warnings, 1 info\) in 1 settings module$/m);
  });

  test('only information-level findings left: exit 0', () => {
    const args = ['check'];
    for (const code of STARTPROJECT_CODES) args.push('--rule', `${code}=information`);
    const r = cli([...args, rel(STARTPROJECT)]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^9 problems \(9 info\) in 1 settings module$/m);
    assert.match(r.stdout, /: info security\.W018 /);
  });

  test('the Django version comes from requirements.txt unless --django-version says otherwise', () => {
    // SESSION_COOKIE_SECURE = 'False': Django 3.2 tests truthiness (no W012), 4.1+ requires `is True`.
    const pinned = cliJson([rel(fixture('traps'))]);
    assert.ok(!codes(pinned.diagnostics).includes('security.W012'), 'requirements.txt pins Django 3.2');
    const newer = cliJson(['--django-version', '4.2', rel(fixture('traps'))]);
    assert.ok(codes(newer.diagnostics).includes('security.W012'));
  });

  test('--production MODULE makes another settings module the production one', () => {
    const split = rel(fixture('split'));
    const auto = cliJson([split]);
    assert.ok(!auto.diagnostics.some((d) => d.code === 'security.W018'), 'dev.py is development: DEBUG = True is fine there');
    const dev = cliJson(['--production', 'mysite.settings.dev', split]);
    const debug = dev.diagnostics.find((d) => d.code === 'security.W018');
    assert.ok(debug);
    assert.equal(debug.file, `${split}/mysite/settings/dev.py`);
    assert.equal(debug.settingsModule, 'mysite.settings.dev');
  });

  test('--production FILE is relative to the working directory', () => {
    const r = cliJson(['--production', 'mysite/settings/dev.py', '.'], { cwd: fixture('split') });
    assert.ok(r.diagnostics.some((d) => d.code === 'security.W018' && d.file === 'mysite/settings/dev.py'));
  });
});

describe('split settings', () => {
  const SPLIT = fixture('split');
  const expected = [
    ['security.W009', 'mysite/settings/base.py'],
    ['DJD123', 'mysite/settings/base.py'],
    ['security.W004', 'mysite/settings/production.py'],
    ['security.W016', 'mysite/settings/production.py'],
  ];

  test('the project folder: production findings, each once, at the line to change', () => {
    const { diagnostics } = cliJson(['.'], { cwd: SPLIT });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.file]), expected);
    // The weak key is set in base.py; the copy shown at `from .base import *` is not printed again.
    assert.equal(pointedText(diagnostics[0], SPLIT), 'SECRET_KEY');
    assert.ok(diagnostics.every((d) => d.settingsModule === 'mysite.settings.production'));
  });

  test('an explicit production.py resolves `from .base import *`', () => {
    const { run, diagnostics } = cliJson(['mysite/settings/production.py'], { cwd: SPLIT });
    assert.equal(run.status, 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.file]), expected);
    const text = cli(['check', 'mysite/settings/production.py'], { cwd: SPLIT });
    assert.match(text.stdout, /^4 problems \(3 warnings, 1 info\) in 2 settings modules$/m);
  });

  test('an explicit settings file outside any project (no manage.py) still resolves its package', () => {
    const { dir, cleanup } = scratch();
    try {
      mkdirSync(join(dir, 'settings'));
      for (const name of ['__init__.py', 'base.py', 'production.py']) writeFileSync(join(dir, 'settings', name), readFileSync(join(SPLIT, 'mysite', 'settings', name)));
      const { diagnostics } = cliJson(['settings/production.py'], { cwd: dir });
      assert.deepEqual(diagnostics.map((d) => [d.code, d.file]), [
        ['security.W009', 'settings/base.py'],
        ['DJD123', 'settings/base.py'],
        ['security.W004', 'settings/production.py'],
        ['security.W016', 'settings/production.py'],
      ]);
    } finally {
      cleanup();
    }
  });

  test('an explicit development module is checked as production', () => {
    const { diagnostics } = cliJson(['mysite/settings/dev.py'], { cwd: SPLIT });
    assert.ok(diagnostics.some((d) => d.code === 'security.W018' && d.file === 'mysite/settings/dev.py'));
    assert.ok(diagnostics.every((d) => d.file !== 'mysite/settings/production.py'), 'production.py was not named');
  });

  test('a folder inside the project is checked within the project', () => {
    const { diagnostics } = cliJson(['mysite/settings'], { cwd: SPLIT });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.file]), expected);
  });
});

describe('--fix', () => {
  test('examples/mysite: safe fixes applied in place, valid Python, codes gone on re-check', (t) => {
    const { dir, cleanup } = copyOf(join(EXAMPLES, 'mysite'));
    try {
      const before = cliJson(['.'], { cwd: dir }).diagnostics;
      assert.ok(before.some((d) => d.code === 'urls.E006'));
      assert.ok(before.some((d) => d.code === 'DJD101'));
      const fixed = cli(['check', '--fix', '.'], { cwd: dir });
      assert.equal(fixed.status, 1, 'warnings without a safe fix remain');
      assert.match(fixed.stderr, /^Fixed \d+ problems in 3 files\.$/m, 'base.py, production.py and pages/home.html');
      const home = readFileSync(join(dir, 'templates', 'pages', 'home.html'), 'utf8');
      assert.match(home, /^\{% extends "base\.html" %\}\n\{% load static %\}\n/, '{% load static %} right after {% extends %}');
      assert.match(home, /href="\{% static 'css\/site\.css' %\}"/);
      const base = readFileSync(join(dir, 'mysite', 'settings', 'base.py'), 'utf8');
      const production = readFileSync(join(dir, 'mysite', 'settings', 'production.py'), 'utf8');
      assert.match(base, /^STATIC_URL = 'static\/'$/m, 'the slash is added');
      assert.match(production, /^STATIC_ROOT = BASE_DIR \/ ["']staticfiles["']$/m, 'STATIC_ROOT is inserted');
      assert.ok(production.endsWith('\n'));
      if (pythonAvailable()) {
        for (const file of ['base.py', 'production.py']) assert.equal(pythonSyntaxError(join(dir, 'mysite', 'settings', file)), undefined, file);
      } else {
        t.diagnostic('python3 not found: the ast.parse check of the fixed files was skipped');
      }
      const after = cliJson(['.'], { cwd: dir }).diagnostics;
      for (const code of ['urls.E006', 'DJD101', 'DJD111', 'DJD201', 'DJD203']) assert.ok(!after.some((d) => d.code === code), `${code} is fixed`);
      // What is printed after --fix is what a fresh check reports.
      assert.equal(fixed.stdout, cli(['check', '.'], { cwd: dir }).stdout);
      // Nothing left to fix: a second --fix changes nothing.
      const again = cli(['check', '--fix', '.'], { cwd: dir });
      assert.equal(again.stderr, 'No safe fixes to apply.\n');
      assert.equal(readFileSync(join(dir, 'mysite', 'settings', 'production.py'), 'utf8'), production);
    } finally {
      cleanup();
    }
  });

  test('line endings, byte-order mark and file mode are kept; no temporary files are left', () => {
    const { dir, cleanup } = copyOf(STARTPROJECT);
    try {
      const file = join(dir, 'mysite', 'settings.py');
      writeFileSync(file, '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      chmodSync(file, 0o640);
      const r = cli(['check', '--fix', '.'], { cwd: dir });
      assert.match(r.stderr, /^Fixed \d+ problems? in 1 file\.$/m);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('\ufeff'), 'BOM kept');
      assert.match(text, /STATIC_ROOT = BASE_DIR/);
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      assert.equal(readFileSync(file).includes(Buffer.from('\r\r')), false);
      assert.equal((statSync(file).mode & 0o777).toString(8), '640');
      assert.deepEqual(readdirSync(join(dir, 'mysite')).filter((n) => n.endsWith('.tmp')), []);
      if (pythonAvailable()) assert.equal(pythonSyntaxError(file), undefined);
    } finally {
      cleanup();
    }
  });

  test('nothing to fix in the hardened project', () => {
    const { dir, cleanup } = copyOf(fixture('hardened'));
    try {
      const before = readFileSync(join(dir, 'shop', 'settings.py'), 'utf8');
      const r = cli(['check', '--fix', '.'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.equal(r.stderr, 'No safe fixes to apply.\n');
      assert.equal(readFileSync(join(dir, 'shop', 'settings.py'), 'utf8'), before);
    } finally {
      cleanup();
    }
  });
});

describe('odd files', () => {
  test('a binary .py file in the project is skipped with a note', () => {
    const { dir, cleanup } = copyOf(STARTPROJECT);
    try {
      writeFileSync(join(dir, 'mysite', 'settings_old.py'), Buffer.from([0x53, 0x45, 0x43, 0x00, 0xff, 0xfe, 0x00, 0x01]));
      const r = cli(['check', '.'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^9 problems \(8 warnings, 1 info\) in 1 settings module$/m);
      assert.match(r.stderr, /^django-deploy: skipped mysite\/settings_old\.py: binary file \(contains NUL bytes\)$/m, 'Python cannot load it either: a note, not a failure');
    } finally {
      cleanup();
    }
  });

  test('a binary settings file named explicitly: exit 2, one line', () => {
    const { dir, cleanup } = scratch();
    try {
      writeFileSync(join(dir, 'settings.py'), Buffer.from([0x00, 0x01, 0x02]));
      const r = cli(['check', 'settings.py'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'django-deploy: cannot read settings.py: binary file (contains NUL bytes)\n');
    } finally {
      cleanup();
    }
  });

  test('Latin-1 text without a coding declaration (Python cannot load it either) is skipped with a note; a settings module over 2 MB fails the run (exit 2); a dangling symlink named explicitly is exit 2', () => {
    const { dir, cleanup } = copyOf(STARTPROJECT);
    try {
      writeFileSync(join(dir, 'mysite', 'local_settings.py'), Buffer.from('DEBUG = True  # caf\xe9\n', 'latin1'));
      writeFileSync(join(dir, 'mysite', 'big_settings.py'), 'X = 1\n'.repeat(400_000));
      symlinkSync(join(dir, 'nowhere.py'), join(dir, 'mysite', 'linked_settings.py'));
      const r = cli(['check', '.'], { cwd: dir });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stdout, /^9 problems \(8 warnings, 1 info\) in 1 settings module\. 1 settings module could not be analysed \(see above\)\.$/m);
      assert.match(r.stderr, /skipped mysite\/local_settings\.py: not UTF-8 text/);
      assert.match(r.stderr, /could not analyse settings module mysite\/big_settings\.py: larger than 2 MB/);
      const explicit = cli(['check', 'mysite/linked_settings.py'], { cwd: dir });
      assert.equal(explicit.status, 2);
      assert.equal(explicit.stderr, 'django-deploy: cannot read mysite/linked_settings.py: no such file or directory\n');
    } finally {
      cleanup();
    }
  });

  test('an unreadable settings file named explicitly: exit 2, one line', { skip: process.getuid?.() === 0 ? 'running as root: permissions do not stop reads' : false }, () => {
    const { dir, cleanup } = copyOf(STARTPROJECT);
    try {
      const file = join(dir, 'mysite', 'settings.py');
      chmodSync(file, 0);
      const r = cli(['check', 'mysite/settings.py'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'django-deploy: cannot read mysite/settings.py: permission denied\n');
      const folder = cli(['check', '.'], { cwd: dir });
      assert.match(folder.stderr, /skipped mysite\/settings\.py: permission denied/);
    } finally {
      cleanup();
    }
  });

  test('virtualenvs and node_modules are not checked', () => {
    const { dir, cleanup } = copyOf(fixture('hardened'));
    try {
      for (const skipped of ['.venv/lib/python3.11/site-packages/django/conf', 'node_modules/pkg', 'build/lib/shop']) {
        mkdirSync(join(dir, skipped), { recursive: true });
        writeFileSync(join(dir, skipped, 'settings.py'), "DEBUG = True\nSECRET_KEY = 'x'\nALLOWED_HOSTS = []\n");
      }
      const r = cli(['check', '.'], { cwd: dir });
      onlyChecklistInfo(r.stdout, '1 problem (1 info) in 1 settings module and 1 template');
      assert.equal(r.status, 0);
      assert.ok(existsSync(join(dir, 'node_modules', 'pkg', 'settings.py')));
    } finally {
      cleanup();
    }
  });

  test('a file name cannot forge output: control and bidi characters are escaped, no line starts a CI workflow command', () => {
    const { dir, cleanup } = copyOf(fixture('hardened'));
    try {
      // A settings package whose folder name holds a line break, a workflow command and a bidi override.
      const evil = '::error file=x::\n::add-mask::secret\u202e';
      mkdirSync(join(dir, evil));
      writeFileSync(join(dir, evil, 'settings.py'), "DEBUG = True\nSECRET_KEY = 'x'\n");
      const r = cli(['check', '--production', `${evil}/settings.py`, '.'], { cwd: dir });
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.some((l) => l.startsWith('./::error file=x::\\x0a::add-mask::secret\\u202e/settings.py:')), r.stdout);
      for (const line of [...lines, ...r.stderr.split('\n')]) assert.ok(!line.startsWith('::'), line);
      assert.ok(!/[\u202e\r]/.test(r.stdout));
      // JSON keeps the real name.
      const json = cliJson(['--production', `${evil}/settings.py`, '.'], { cwd: dir });
      assert.ok(json.diagnostics.some((d) => d.file === `${evil}/settings.py`));
    } finally {
      cleanup();
    }
  });
});
