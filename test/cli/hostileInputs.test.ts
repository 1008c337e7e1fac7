// Hostile and unlucky workspaces through the CLI and through the language server: a FIFO named
// settings.py, a settings module in latin-1, one over 2 MB. Nothing blocks, nothing is silently
// skipped: the CLI says why and exits 2; the server keeps answering.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './helpers';
import { LspClient, uriOf } from '../protocol/lspClient';
import { maskDeepNesting, parsePython } from '../../server/src/engine/python/parse';
import { LIMITS } from '../../server/src/engine/python/budget';
import { pyRepr } from '../../server/src/engine/python/values';
import { SETTINGS, settingsProject } from '../unit/helpers';

/** A project with manage.py pointing at shop.settings, and `settings` written by the caller. */
function project(): { root: string; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'django-deploy-hostile-'));
  mkdirSync(join(root, 'shop'));
  writeFileSync(join(root, 'manage.py'), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
  writeFileSync(join(root, 'shop', '__init__.py'), '');
  return { root, done: () => rmSync(root, { recursive: true, force: true }) };
}

/** The CLI with a deadline: a hang fails the test instead of stalling the suite. */
function run(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish in 20 s: ${args.join(' ')}`));
    }, 20_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const LATIN1_SETTINGS = Buffer.concat([
  Buffer.from("# -*- coding: latin-1 -*-\nSITE_NAME = 'Caf"),
  Buffer.from([0xe9]),
  Buffer.from("'\nSECRET_KEY = 'x'\nDEBUG = True\nALLOWED_HOSTS = []\nINSTALLED_APPS = []\nMIDDLEWARE = []\n"),
]);

describe('hostile inputs through the CLI', () => {
  test('a settings.py that is a symlink to a FIFO: refused at once, named, exit 2', { timeout: 30_000 }, async () => {
    const { root, done } = project();
    try {
      execFileSync('mkfifo', [join(root, 'pipe')]);
      symlinkSync(join(root, 'pipe'), join(root, 'shop', 'settings.py'));
      const r = await run(['check', '.'], root);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /could not analyse settings module shop\/settings\.py: not a regular file \(a named pipe\)/);
      const named = await run(['check', 'shop/settings.py'], root);
      assert.equal(named.status, 2);
      assert.match(named.stderr, /not a regular file/);
    } finally {
      done();
    }
  });

  test('a latin-1 settings module (PEP 263) is read as Python reads it: its findings, not "No Django settings modules found"', async () => {
    const { root, done } = project();
    try {
      writeFileSync(join(root, 'shop', 'settings.py'), LATIN1_SETTINGS);
      const r = await run(['check', '--format', 'json', '.'], root);
      const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      assert.ok(codes.includes('security.W018'), codes.join(' '));
      assert.equal(r.status, 1);
    } finally {
      done();
    }
  });

  test('a settings module over 2 MB: not silently skipped (exit 2, the reason on stderr)', async () => {
    const { root, done } = project();
    try {
      writeFileSync(join(root, 'shop', 'settings.py'), 'DEBUG = True\n' + '# padding\n'.repeat(260_000));
      const r = await run(['check', '.'], root);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, /could not analyse settings module shop\/settings\.py: larger than 2 MB/);
      assert.match(r.stdout, /1 settings module could not be analysed/);
    } finally {
      done();
    }
  });
});

describe('line breaks as Python reads them', () => {
  test('a settings module with lone \\r line breaks: findings on their lines, and --fix writes \\r', async () => {
    const { root, done } = project();
    try {
      const text = "import os\rSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\rDEBUG = True\rALLOWED_HOSTS = ['example.com']\rINSTALLED_APPS = []\rMIDDLEWARE = []\r";
      writeFileSync(join(root, 'shop', 'settings.py'), text);
      const r = await run(['check', '--format', 'json', '.'], root);
      const debug = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number }[] }).diagnostics.find((d) => d.code === 'security.W018');
      assert.deepEqual([debug?.line, debug?.column], [3, 1], 'DEBUG is on line 3');
      await run(['check', '--fix', '.'], root);
      const fixed = readFileSync(join(root, 'shop', 'settings.py'), 'utf8');
      assert.ok(!fixed.includes('\n'), `no \\n mixed in: ${JSON.stringify(fixed)}`);
      assert.notEqual(fixed, text, 'the safe fixes were applied');
    } finally {
      done();
    }
  });
});

describe('hostile inputs through the language server, no file opened', () => {
  test('a FIFO named settings.py in the workspace: the server indexes the rest and keeps answering', { timeout: 60_000 }, async () => {
    const { root, done } = project();
    execFileSync('mkfifo', [join(root, 'shop', 'settings.py')]);
    mkdirSync(join(root, 'blog'));
    writeFileSync(join(root, 'blog', 'settings.py'), LATIN1_SETTINGS);
    const client = new LspClient();
    try {
      await client.initialize(root);
      // A normal request after the walk: answered.
      const uri = uriOf(join(root, 'blog', 'settings.py'));
      const published = client.waitForDiagnostics(uri, 1);
      client.open(uri, LATIN1_SETTINGS.toString('latin1'));
      const codes = (await published).diagnostics.map((d) => String(d.code));
      assert.ok(codes.includes('security.W018'), codes.join(' '));
      assert.deepEqual(client.errorLogs(), []);
    } finally {
      await client.shutdown();
      done();
    }
  });
});

describe('nesting Python refuses: blanked before parsing, never a stack overflow or a crawl', () => {
  const max = LIMITS.parseNesting;
  const hostile: [string, string][] = [
    ['50,000 nested parentheses', `Y = ${'('.repeat(50_000)}1${')'.repeat(50_000)}`],
    ['50,000 nested lists', `Y = ${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['an f-string nesting 50,000 parentheses', `Y = f"{${'('.repeat(50_000)}1${')'.repeat(50_000)}}"`],
    ['100,000 `not` in a row', `Y = ${'not '.repeat(100_000)}x`],
    ['200,000 unary minus signs', `Y = ${'-'.repeat(200_000)}1`],
    ['100,000 stars in a list', `Y = [${'*'.repeat(100_000)}x]`],
  ];
  for (const [what, statement] of hostile) {
    test(`${what}: the module is read on, DEBUG = True after it is a finding, quickly`, { timeout: 30_000 }, () => {
      const started = Date.now();
      const p = settingsProject(`${statement}\nDEBUG = True\nSECRET_KEY = 'x'\n`);
      const findings = p.findingsFor(SETTINGS).filter((f) => !f.inherited);
      const debug = findings.find((f) => f.code === 'security.W018');
      assert.ok(debug, findings.map((f) => f.code).join(' '));
      assert.equal(p.text(SETTINGS)!.slice(debug.start, debug.end), 'DEBUG', 'offsets are those of the real text');
      const y = p.scopeOf(SETTINGS)!.get('Y');
      assert.ok(y, 'the statement keeps its name');
      assert.match(pyRepr(y.value, 1000), /unknown/, 'what lies past the bounds is unknown');
      assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    });
  }

  test('what is blanked: only past the bound, offsets and line breaks kept, strings and comments not counted', () => {
    const ok = `A = ${'('.repeat(max)}1${')'.repeat(max)}\nB = ${'not '.repeat(max)}x\nC = ${'- '.repeat(max)}1\n`;
    assert.equal(maskDeepNesting(ok), ok, 'at the bound nothing changes');
    const inStrings = `S = "${'('.repeat(1_000)}"\nT = '''${'['.repeat(1_000)}\n'''\n# ${'{'.repeat(1_000)}\nU = "${'not '.repeat(1_000)}"\n`;
    assert.equal(maskDeepNesting(inStrings), inStrings, 'brackets and operators in strings and comments are text');
    const deep = `X = ${'['.repeat(max + 5)}\n1\n${']'.repeat(max + 5)} + 2\nY = 3\n`;
    const masked = maskDeepNesting(deep);
    const breaks = (t: string) => [...t].flatMap((c, i) => (c === '\n' ? [i] : []));
    assert.equal(masked.length, deep.length);
    assert.deepEqual(breaks(masked), breaks(deep), 'line breaks stay');
    assert.ok(masked.startsWith(`X = ${'['.repeat(max)} `), 'the outer brackets stay');
    assert.ok(masked.endsWith(`${']'.repeat(max)} + 2\nY = 3\n`), 'the brackets that close the kept ones, and what follows, stay');
    const runs = `V = ${'not '.repeat(max + 50)}x\n`;
    assert.equal(maskDeepNesting(runs), `V = ${'not '.repeat(max)}${' '.repeat(4 * 50)}x\n`);
  });

  test('an edit after a blanked statement re-parses the real text (no tree of the blanked copy reused)', () => {
    const text = `Y = ${'('.repeat(5_000)}1${')'.repeat(5_000)}\nDEBUG = True\n`;
    const first = parsePython(text);
    const second = parsePython(text.replace('DEBUG = True', 'DEBUG = False'), first);
    assert.equal(second.tree.length, second.text.length);
    const third = parsePython('A = 1\nDEBUG = True\n', second);
    assert.equal(third.tree.topNode.getChildren('AssignStatement').length, 2);
  });

  test('the CLI on a module nesting 50,000 parentheses: its findings, exit 1, no internal error', { timeout: 30_000 }, async () => {
    const { root, done } = project();
    try {
      writeFileSync(join(root, 'shop', 'settings.py'), `Y = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\nSECRET_KEY = 'x'\nDEBUG = True\nALLOWED_HOSTS = []\n`);
      const r = await run(['check', '--format', 'json', '.'], root);
      assert.doesNotMatch(r.stderr, /internal error|call stack/i, r.stderr);
      assert.equal(r.status, 1, r.stderr);
      const debug = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number }[] }).diagnostics.find((d) => d.code === 'security.W018');
      assert.equal(debug?.line, 3);
    } finally {
      done();
    }
  });
});
