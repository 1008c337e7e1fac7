// Shell quoting and refusals for the application server command lines
// (server/src/engine/deploy/shell.ts, servers.ts): hostile strings survive a real shell as one
// literal word each (bash and dash, in a folder where globs would match), environment assignments
// stay assignments, and a line that would carry a control or bidi/format character, or name a
// module the server cannot import, is not printed: its reason is, in the view, with nothing to copy.
// Folder names that are no identifiers ("my-site", "$(touch PWNED)") are importable: printed, quoted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hiddenCharacter, shellLine, shellQuote, visible } from '../../server/src/engine/deploy/shell';
import { APPLICATION_SERVERS, commandLines, isPythonIdentifier } from '../../server/src/engine/deploy/servers';
import { projectFacts } from '../../server/src/engine/deploy/facts';
import { compareServers } from '../../server/src/engine/deploy/comparison';
import { renderComparison, type ProjectComparison } from '../../client/src/compareHtml';
import { project } from './helpers';

const PYTHON = '/usr/bin/python3';

/** Strings a shell would do something with, unquoted. */
const HOSTILE = [
  '',
  ' ',
  'a b',
  '  leading and trailing  ',
  "it's",
  "''",
  "'",
  '"',
  '"double" and \'single\'',
  "'\\''",
  '\\',
  'back\\slash\\n',
  '$(touch PWNED)',
  '`touch PWNED`',
  '${HOME}',
  '$HOME',
  '$0 $1 $@ $* $# $? $$ $!',
  '$((1+1))',
  "$'\\x41'",
  'a;touch PWNED;b',
  'a && touch PWNED',
  'a || touch PWNED',
  'a | cat',
  'a & b',
  '> out < in >> x 2>&1',
  '(sub) {brace}',
  '{a,b}',
  '*',
  '?',
  '[ab]',
  '*.py ?x [!a]',
  '~',
  '~root',
  'x=~',
  'line one\nline two',
  '\n',
  'tab\there',
  'cr\rhere',
  '# comment',
  'a#b',
  '!',
  '!!',
  '-n',
  '--help',
  '-e \\n',
  '%s %d %%',
  'sérvé.wsgi',
  '中文/模块',
  'emoji 🐍',
  'rtl \u202Eexe.txt',
  'isolate \u2066x\u2069',
  'zero\u200Bwidth',
  'bell\u0007 escape\u001B[31m del\u007F',
  'c1 \u0085\u009B',
  'nbsp\u00A0here',
  'IFS=x',
  'a=b c=d',
];

/** A seeded generator (mulberry32): the same "random" strings every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [..."abc XYZ019_./:=@%+,-'\"\\`$(){}[]*?~!#&|;<>^\n\t\r", 'é', '中', '🐍', '\u202E', '\u00A0'];
function generated(count: number): string[] {
  const next = random(42);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 16) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
}

/** A folder where globs match files and `~` names a home: unquoted, both would expand. */
function globbable(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'django-deploy-quote-'));
  for (const f of ['a', 'b', 'x', 'ab', 'v.py', 'x.py']) writeFileSync(join(dir, f), '');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `shell -c SCRIPT`; its stdout (and fails on a non-zero status). */
function run(shell: string, script: string, cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(shell, ['-c', script], { cwd, env: { PATH: process.env.PATH, HOME: '/nonexistent-home', LANG: 'C.UTF-8', ...env }, encoding: 'utf8' });
  assert.equal(r.status, 0, `${shell} -c ${JSON.stringify(script)}: ${r.stderr}`);
  return r.stdout;
}

describe('shellQuote', () => {
  test('safe words stay bare; anything else is single-quoted, a quote written as \'\\\'\'', () => {
    for (const w of ['gunicorn', 'mysite.wsgi:application', '127.0.0.1:8000', '--bind', '-k', 'uvicorn_worker.UvicornWorker', 'mysite/wsgi.py', 'a=b', 'user@host', '50%', 'a+b,c']) assert.equal(shellQuote(w), w);
    assert.equal(shellQuote(''), "''");
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
    assert.equal(shellQuote('$(touch PWNED)'), "'$(touch PWNED)'");
    assert.equal(shellQuote('~'), "'~'");
    assert.equal(shellQuote('sérvé.wsgi'), "'sérvé.wsgi'");
    assert.equal(shellQuote('*'), "'*'");
  });

  const shells = ['/bin/bash', '/bin/sh', '/bin/dash'].filter((s, i, all) => existsSync(s) && all.indexOf(s) === i);
  for (const shell of shells) {
    test(`${shell}: printf "%s\\n" QUOTED prints exactly the string (${HOSTILE.length} hostile strings and 300 generated ones)`, () => {
      const { dir, cleanup } = globbable();
      try {
        for (const s of [...HOSTILE, ...generated(300)]) {
          const out = run(shell, `printf "%s\\n" ${shellQuote(s)}`, dir);
          assert.equal(out, `${s}\n`, `through ${shell}: ${JSON.stringify(s)} quoted as ${JSON.stringify(shellQuote(s))}`);
        }
        assert.deepEqual(readdirSync(dir).sort(), ['a', 'ab', 'b', 'v.py', 'x', 'x.py'], 'nothing ran: no file created or removed');
      } finally {
        cleanup();
      }
    });
  }

  test('bash: several quoted words stay several words, one argument each', () => {
    const { dir, cleanup } = globbable();
    try {
      const words = HOSTILE.filter((s) => s !== '');
      const out = run('bash', `printf "%s\\0" ${words.map(shellQuote).join(' ')}`, dir);
      assert.deepEqual(out.split('\0').slice(0, -1), words);
    } finally {
      cleanup();
    }
  });

  test('shellLine: NAME=value stays an assignment (the name bare, the value quoted), for bash and sh', () => {
    const { dir, cleanup } = globbable();
    try {
      for (const shell of ['bash', 'sh']) {
        for (const value of [...HOSTILE, 'served.settings_prod', 'sérvé.settings']) {
          const line = shellLine(['printenv', 'DJANGO_SETTINGS_MODULE'], [['DJANGO_SETTINGS_MODULE', value]]);
          assert.ok(line.startsWith('DJANGO_SETTINGS_MODULE='), line);
          assert.equal(run(shell, `${line} || true`, dir), value === '' ? '\n' : `${value}\n`, `${shell}: ${line}`);
        }
      }
      assert.equal(shellLine(['gunicorn', 'a.wsgi:application'], [['DJANGO_SETTINGS_MODULE', 'a.settings']]), 'DJANGO_SETTINGS_MODULE=a.settings gunicorn a.wsgi:application');
      assert.throws(() => shellLine(['x'], [['BAD NAME', 'v']]));
    } finally {
      cleanup();
    }
  });
});

/** Every character the brief names, and the C0/C1/DEL ranges. */
const MUST_REFUSE = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0xfeff, 0x00ad, 0x2028, 0x2029, 0x7f, ...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];

describe('hidden characters', () => {
  test('C0, DEL, C1, bidi controls and other format characters are found and described; ordinary text is not', () => {
    for (const c of MUST_REFUSE) {
      const described = hiddenCharacter(`served${String.fromCodePoint(c)}.wsgi`);
      assert.ok(described, `U+${c.toString(16)} found`);
      assert.match(described, new RegExp(`^U\\+${c.toString(16).toUpperCase().padStart(4, '0')}\\b`));
    }
    assert.equal(hiddenCharacter('rtl \u202Eexe'), 'U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control');
    assert.equal(hiddenCharacter('a\nb'), 'U+000A LINE FEED, a control character');
    assert.equal(hiddenCharacter('\uD800'), 'U+D800, a lone surrogate');
    for (const ok of ['mysite.wsgi', 'sérvé', '中文', '🐍', 'a b', 'nbsp\u00A0', 'Ελληνικά', 'עברית', 'العربية']) assert.equal(hiddenCharacter(ok), undefined, ok);
    assert.equal(visible('a\u202Eb\nc'), 'a\\u{202E}b\\u{A}c');
  });

  test('every code point Python calls Cc or Cf is refused (unicodedata of /usr/bin/python3)', (t) => {
    if (!existsSync(PYTHON)) return t.skip(`${PYTHON} does not exist`);
    const r = spawnSync(PYTHON, ['-c', 'import sys, unicodedata\nprint(" ".join(str(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cc", "Cf")))'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const points = r.stdout.trim().split(' ').map(Number);
    assert.ok(points.length > 150, `${points.length} code points`);
    const missed = points.filter((c) => !hiddenCharacter(String.fromCodePoint(c)));
    assert.deepEqual(missed.map((c) => c.toString(16)), []);
  });
});

const ENTRY = { interface: 'wsgi', module: 'mysite.wsgi', callable: 'application', path: 'mysite/wsgi.py', defaultSettings: 'mysite.settings' } as const;
const WSGI_SERVERS = APPLICATION_SERVERS.filter((s) => s.interface === 'wsgi').length;

function refusedAll(lines: ReturnType<typeof commandLines>, pattern: RegExp): string {
  assert.equal(lines.length, WSGI_SERVERS, 'one entry per server, refused or not');
  for (const l of lines) {
    assert.equal(l.line, '', `${l.server.id}: no line`);
    assert.ok(l.refused, `${l.server.id}: a reason`);
    assert.match(l.refused, pattern);
    assert.equal(hiddenCharacter(l.refused), undefined, 'the reason itself carries no hidden character');
  }
  return lines[0].refused!;
}

describe('commandLines: refusals', () => {
  test('a hidden character in the module, callable, path, host or settings module: no line, the reason names it', () => {
    for (const c of MUST_REFUSE) {
      const ch = String.fromCodePoint(c);
      refusedAll(commandLines({ ...ENTRY, module: `mysite${ch}.wsgi` }, undefined), /^Not printed: the entry point module .* contains U\+/);
      refusedAll(commandLines({ ...ENTRY, callable: `app${ch}` }, undefined), /^Not printed: the callable .* contains U\+/);
      refusedAll(commandLines({ ...ENTRY, path: `mysite${ch}/wsgi.py` }, undefined), /^Not printed: the entry point path .* contains U\+/);
      refusedAll(commandLines(ENTRY, undefined, `127.0.0.1${ch}`), /^Not printed: the host .* contains U\+/);
      refusedAll(commandLines(ENTRY, `mysite.settings${ch}prod`), /^Not printed: the settings module .* contains U\+/);
    }
    const reason = refusedAll(commandLines({ ...ENTRY, module: 'mysite.wsgi\u202E' }, undefined), /RIGHT-TO-LEFT OVERRIDE/);
    assert.equal(reason, 'Not printed: the entry point module "mysite.wsgi\\u{202E}" contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control, which would make the line read differently from what it runs.');
  });

  test('a settings module equal to the entry point default is not in the line, so it is not checked', () => {
    const lines = commandLines({ ...ENTRY, defaultSettings: 'odd\u202E' }, 'odd\u202E');
    assert.ok(lines.every((l) => !l.refused && l.line.startsWith(l.server.id === 'mod_wsgi' ? 'mod_wsgi-express' : l.server.id)));
  });

  test('a module, settings module or callable the server or Django cannot import: no line, and why', () => {
    const refusedModule = /^Not printed: the entry point module "[^"]*" (is empty|has an empty name between dots): the server cannot import it\.$/;
    for (const module of ['', '.wsgi', 'mysite..wsgi', 'mysite.wsgi.']) refusedAll(commandLines({ ...ENTRY, module, path: '' }, undefined), refusedModule);
    assert.equal(
      commandLines({ ...ENTRY, module: 'a:b.wsgi', path: 'a:b/wsgi.py' }, undefined)[0].refused,
      'Not printed: the entry point module "a:b.wsgi" contains ":", where the server splits the module from the callable.',
    );
    refusedAll(commandLines({ ...ENTRY, module: '--config=x.wsgi', path: '--config=x/wsgi.py' }, undefined), /starts with "-": the server would read it as an option\.$/);
    // A folder `my.site`: the engine names the module my.site.wsgi, which Python reads as package my.
    assert.equal(
      commandLines({ ...ENTRY, module: 'my.site.wsgi', path: 'proj/my.site/wsgi.py' }, undefined)[0].refused,
      'Not printed: the entry point module "my.site.wsgi" does not name its file proj/my.site/wsgi.py: a folder name with a dot is read as two packages.',
    );
    for (const settings of ['.settings', 'mysite..settings', 'mysite.settings.']) {
      refusedAll(commandLines(ENTRY, settings), /^Not printed: the settings module .* has an empty name between dots: Django cannot import it\.$/);
    }
    for (const callable of ['application()', 'app;touch PWNED', '$(id)', 'a b', '', 'a.b']) refusedAll(commandLines({ ...ENTRY, callable }, undefined), /^Not printed: the callable .* is not a Python identifier\.$/);
    refusedAll(commandLines(ENTRY, undefined, '127.0.0.1', 70000), /is not a TCP port/);
  });

  test('folder names importlib imports though they are no identifiers ("my-site", "$(touch PWNED)"): printed, quoted', () => {
    for (const pkg of ['my-site', '$(touch PWNED)', 'a;touch PWNED;b', "it's", 'my site', '`id`', '~', '*']) {
      const lines = commandLines({ interface: 'wsgi', module: `${pkg}.wsgi`, callable: 'application', path: `${pkg}/wsgi.py`, defaultSettings: `${pkg}.settings` }, `${pkg}.settings_prod`);
      assert.ok(lines.every((l) => !l.refused && l.line), pkg);
      assert.equal(lines.find((l) => l.server.id === 'gunicorn')?.line, `DJANGO_SETTINGS_MODULE=${shellQuote(`${pkg}.settings_prod`)} gunicorn ${shellQuote(`${pkg}.wsgi:application`)} --bind 127.0.0.1:8000`);
    }
    assert.equal(commandLines({ ...ENTRY, module: '$(touch PWNED).wsgi', path: '$(touch PWNED)/wsgi.py' }, undefined).find((l) => l.server.id === 'mod_wsgi')?.line, "mod_wsgi-express start-server '$(touch PWNED)/wsgi.py' --host 127.0.0.1 --port 8000");
  });

  test('Unicode identifiers are importable: the line is printed, those words quoted', () => {
    const lines = commandLines({ interface: 'wsgi', module: 'sérvé.wsgi', callable: 'application', path: 'sérvé/wsgi.py', defaultSettings: 'sérvé.settings' }, 'sérvé.settings_prod');
    const line = (id: string) => lines.find((l) => l.server.id === id)?.line;
    assert.equal(line('gunicorn'), "DJANGO_SETTINGS_MODULE='sérvé.settings_prod' gunicorn 'sérvé.wsgi:application' --bind 127.0.0.1:8000");
    assert.equal(line('mod_wsgi'), "DJANGO_SETTINGS_MODULE='sérvé.settings_prod' mod_wsgi-express start-server 'sérvé/wsgi.py' --host 127.0.0.1 --port 8000");
    assert.ok(lines.every((l) => !l.refused));
    // An ASCII project's lines are as before: nothing needed quoting.
    assert.equal(commandLines(ENTRY, 'mysite.settings.production').find((l) => l.server.id === 'uwsgi')?.line, 'DJANGO_SETTINGS_MODULE=mysite.settings.production uwsgi --http 127.0.0.1:8000 --module mysite.wsgi:application --master --processes 4');
  });

  test('the callable check agrees with str.isidentifier() of /usr/bin/python3', (t) => {
    if (!existsSync(PYTHON)) return t.skip(`${PYTHON} does not exist`);
    const names = ['mysite', '_private', '__init__', 'sérvé', '中文', 'Ελληνικά', 'a1', '1a', 'my-site', 'a b', '', '$x', 'class', 'ℕ', '℘x', '·x', 'x·', 'x\u0301', '\u0301x', 'x\u200D', '🐍', 'a\u00A0b', 'x٣', '٣x', 'ǅ', 'ᛮ', 'ⅷ', 'x\uFF3F', '\u2118', '\u212E', '\u309B', 'x\u1369', 'ｆｕｌｌ'];
    const r = spawnSync(PYTHON, ['-c', 'import json, sys\nprint(json.dumps([s.isidentifier() for s in json.load(sys.stdin)]))'], { input: JSON.stringify(names), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const python: boolean[] = JSON.parse(r.stdout);
    assert.deepEqual(names.map(isPythonIdentifier), python, names.join(' '));
  });
});

describe('the comparison and the view', () => {
  const WSGI = (pkg: string) => `import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', '${pkg}.settings')\napplication = get_wsgi_application()\n`;
  const site = (pkg: string) =>
    project(
      {
        'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', '${pkg}.settings')\n`,
        [`${pkg}/__init__.py`]: '',
        [`${pkg}/settings.py`]: "DEBUG = False\nALLOWED_HOSTS = ['example.com']\nSTATIC_URL = '/static/'\n",
        [`${pkg}/wsgi.py`]: WSGI(pkg),
        [`${pkg}/asgi.py`]: WSGI(pkg).replace(/wsgi/g, 'asgi'),
      },
      { djangoVersion: '4.2' },
    );

  test('a package folder with a dot in its name: every server is listed, refused, with the reason', () => {
    const c = compareServers(projectFacts(site('my.site')), '/proj');
    assert.equal(c.servers.length, APPLICATION_SERVERS.length);
    for (const s of c.servers) {
      assert.equal(s.line, '');
      assert.match(s.refused ?? '', /^Not printed: the entry point module "my\.site\.[wa]sgi" does not name its file .*my\.site\/[wa]sgi\.py: a folder name with a dot is read as two packages\.$/);
    }
  });

  test('a package folder named "$(touch PWNED)": printed, quoted', () => {
    const c = compareServers(projectFacts(site('$(touch PWNED)')), '/proj');
    // (wsgi.py's default is read only when it is [\w.]+, so the module is also set: harmless, and quoted.)
    assert.match(c.servers.find((s) => s.id === 'gunicorn')?.line ?? '', /^(DJANGO_SETTINGS_MODULE='\$\(touch PWNED\)\.settings' )?gunicorn '\$\(touch PWNED\)\.wsgi:application' --bind 127\.0\.0\.1:8000$/);
    assert.ok(c.servers.every((s) => s.refused === undefined));
  });

  test('a Unicode package: printed and quoted', () => {
    const c = compareServers(projectFacts(site('sérvé')), '/proj');
    // (The engine reads only ASCII defaults from asgi.py's setdefault, so it also sets the module: harmless.)
    assert.match(c.servers.find((s) => s.id === 'daphne')?.line ?? '', /^(DJANGO_SETTINGS_MODULE='sérvé\.settings' )?daphne -b 127\.0\.0\.1 -p 8000 'sérvé\.asgi:application'$/);
    assert.ok(c.servers.every((s) => s.refused === undefined && s.line));
  });

  test('the view shows a refused line’s reason, escaped, in place of the line, with no copy button for it', () => {
    const at = { uri: 'file:///p/x.py', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, label: 'x' };
    const reason = 'Not printed: the entry point module "<b>a:b</b>.wsgi" contains ":", where the server splits the module from the callable.';
    const base = { interface: 'wsgi' as const, summary: 's', install: 'pip install x', docsUrl: 'https://docs.djangoproject.com/', requirement: undefined };
    const p: ProjectComparison = {
      root: '/p',
      name: 'p',
      settingsModule: 'mysite.settings',
      runFrom: '.',
      wsgi: { module: 'mysite.wsgi', location: at, application: true },
      asgi: undefined,
      wsgiApplication: undefined,
      asgiApplication: undefined,
      asyncViews: [],
      channels: { installedApps: [], routing: [], consumers: [], channelLayers: false },
      servers: [
        { ...base, id: 'gunicorn', name: 'Gunicorn', line: '', refused: reason },
        { ...base, id: 'uwsgi', name: 'uWSGI', line: "uwsgi --module 'sérvé.wsgi:application'" },
      ],
      recommendation: { interface: 'wsgi', reasons: ['r'] },
      warnings: [],
      rows: [],
    };
    const page = renderComparison([p], 'n', () => 'x');
    assert.ok(page.html.includes('<td class="refused">Not printed: the entry point module &quot;&lt;b&gt;a:b&lt;/b&gt;.wsgi&quot; contains &quot;:&quot;'), 'the reason, escaped');
    assert.ok(!page.html.includes('<b>'));
    assert.deepEqual(page.texts, ["uwsgi --module 'sérvé.wsgi:application'"], 'only the printed line can be copied');
    assert.equal((page.html.match(/data-copy=/g) ?? []).length, 1);
    assert.ok(page.html.includes('<code class="line">uwsgi --module &#39;sérvé.wsgi:application&#39;</code>'));
  });
});
