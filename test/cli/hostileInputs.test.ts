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
