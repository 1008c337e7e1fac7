// `check --fix` never loses a byte: the built CLI against planted symlinks, symlinked and
// read-only files, hard links, other owners. A file that cannot be replaced safely is left byte
// for byte as it was, named on stderr with the reason, its findings still reported; exit 2.
// The checks themselves (a file edited while the fix is written...) are in test/unit/safeWrite.test.ts.
//
// DJANGO_DEPLOY_CLI=path/to/cli.js runs these against another build of the CLI.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, EXAMPLES, copyOf, fixture, type JsonDiagnostic, type Run } from './helpers';

const BUILT_CLI = process.env.DJANGO_DEPLOY_CLI ?? CLI;
const STARTPROJECT = fixture('startproject');
const AS_ROOT = process.getuid?.() === 0 ? false : 'needs root (chown, a process of another user)';
const OTHER_ID = 12345;

/** Runs the built CLI in `cwd`, as another user when `as` is given (root only). */
function run(args: string[], cwd: string, as?: number): Run {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8', ...(as === undefined ? {} : { uid: as, gid: as }) });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], cwd: string): { run: Run; diagnostics: JsonDiagnostic[]; notWritten?: { file: string; reason: string }[] } {
  const r = run(['check', '--format', 'json', ...args], cwd);
  return { run: r, ...(JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[]; notWritten?: { file: string; reason: string }[] }) };
}

const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** A scratch startproject with its settings file, and what `check` says before any fix. */
function startproject(): { dir: string; settings: string; original: Buffer; report: string; cleanup: () => void } {
  const { dir, cleanup } = copyOf(STARTPROJECT);
  const settings = join(dir, 'mysite', 'settings.py');
  return { dir, settings, original: readFileSync(settings), report: run(['check', '.'], dir).stdout, cleanup };
}

/**
 * The refusal as the user sees it: one line naming the file and the reason, the summary, exit 2,
 * the same report as `check` without --fix (DJD101 still there, still fixable).
 */
function assertRefused(r: Run, report: string, file: string, reason: string | RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  const prefix = `django-deploy: not fixed ${file}: `;
  assert.ok(lines[0].startsWith(prefix), lines[0]);
  if (typeof reason === 'string') assert.equal(lines[0].slice(prefix.length), reason);
  else assert.match(lines[0].slice(prefix.length), reason);
  assert.equal(lines[1], 'No fixes written; 1 file left unchanged.');
  assert.equal(r.stdout, report);
  assert.match(r.stdout, /warning DJD101 STATIC_ROOT is not set/);
}

describe('--fix writes safely', () => {
  test('a normal fix still works: mode, byte-order mark and line endings kept, nothing left over', () => {
    const { dir, settings, cleanup } = startproject();
    try {
      writeFileSync(settings, '\ufeff' + readFileSync(settings, 'utf8').replace(/\n/g, '\r\n'));
      chmodSync(settings, 0o640);
      const r = run(['check', '--fix', '.'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, 'Fixed 2 problems in 1 file.\n');
      assert.equal(r.stdout, run(['check', '.'], dir).stdout, 'what is printed is what a fresh check reports');
      const text = readFileSync(settings, 'utf8');
      assert.ok(text.startsWith('\ufeff'));
      assert.match(text, /\r\nSTATIC_ROOT = BASE_DIR \/ ["']staticfiles["']\r\n/);
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      assert.equal((statSync(settings).mode & 0o7777).toString(8), '640');
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);
    } finally {
      cleanup();
    }
  });

  test('symlinks planted at predictable temporary names are left alone, and so is what they point to', (t) => {
    const { dir, settings, cleanup } = startproject();
    try {
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious\n');
      chmodSync(victim, 0o600);
      // The names the old writer used (.settings.py.django-deploy-<pid>.tmp), for the pids the CLI will likely get.
      const planted = new Set<string>();
      for (let pid = process.pid; pid < process.pid + 3000; pid++) {
        const name = `.settings.py.django-deploy-${pid}.tmp`;
        symlinkSync(victim, join(dir, 'mysite', name));
        planted.add(name);
      }
      const r = spawnSync(process.execPath, [BUILT_CLI, 'check', '--fix', '.'], { cwd: dir, encoding: 'utf8' });
      if (!planted.has(`.settings.py.django-deploy-${r.pid}.tmp`)) t.diagnostic(`the CLI ran as pid ${r.pid}, outside the planted names`);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, 'Fixed 2 problems in 1 file.\n');
      assert.match(readFileSync(settings, 'utf8'), /^STATIC_ROOT = /m);
      assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
      assert.equal((statSync(victim).mode & 0o7777).toString(8), '600');
      const left = temporaries(join(dir, 'mysite'));
      assert.deepEqual(left.filter((n) => !planted.has(n)), [], 'no stray temporary file');
      assert.equal(left.length, planted.size);
      for (const name of left) assert.equal(readlinkSync(join(dir, 'mysite', name)), victim);
    } finally {
      cleanup();
    }
  });

  test('a settings file that is a symlink is refused, naming the real file; the link and the file stay', () => {
    const { dir, settings, original, report, cleanup } = startproject();
    try {
      // The real file in another project beside it, so that only the link is checked here.
      const other = join(dir, '..', 'other');
      mkdirSync(join(other, 'mysite'), { recursive: true });
      copyFileSync(join(dir, 'manage.py'), join(other, 'manage.py'));
      const real = join(other, 'mysite', 'settings.py');
      renameSync(settings, real);
      symlinkSync('../../other/mysite/settings.py', settings);
      const r = run(['check', '--fix', '.'], dir);
      assertRefused(r, report, 'mysite/settings.py', `it is a symbolic link to ${real}; links are not written through, so it is left unchanged: fix ${real} itself`);
      assert.ok(lstatSync(settings).isSymbolicLink());
      assert.equal(readlinkSync(settings), '../../other/mysite/settings.py');
      assert.deepEqual(readFileSync(real), original);
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);
      assert.deepEqual(temporaries(join(other, 'mysite')), []);
      // Fixing the real file where it is works.
      const direct = run(['check', '--fix', '.'], other);
      assert.equal(direct.stderr, 'Fixed 2 problems in 1 file.\n');
      assert.match(readFileSync(settings, 'utf8'), /^STATIC_ROOT = /m);
      assert.ok(lstatSync(settings).isSymbolicLink());
    } finally {
      cleanup();
    }
  });

  test('a project reached through a symlinked folder is fixed in its real folder (folders above the file are followed)', () => {
    const { dir, settings, cleanup } = startproject();
    try {
      const alias = join(dir, '..', 'alias');
      symlinkSync(dir, alias);
      const r = run(['check', '--fix', '.'], alias);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, 'Fixed 2 problems in 1 file.\n');
      assert.match(readFileSync(settings, 'utf8'), /^STATIC_ROOT = /m);
      assert.ok(lstatSync(settings).isFile());
      assert.ok(lstatSync(alias).isSymbolicLink());
    } finally {
      cleanup();
    }
  });

  test('a read-only file is reported, not rewritten (even for root); json and sarif say so too', () => {
    const { dir, settings, original, report, cleanup } = startproject();
    try {
      chmodSync(settings, 0o444);
      const reason = 'it is read-only, so it is left unchanged: make it writable first';
      assertRefused(run(['check', '--fix', '.'], dir), report, 'mysite/settings.py', reason);
      assert.deepEqual(readFileSync(settings), original);
      assert.equal((statSync(settings).mode & 0o7777).toString(8), '444');
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);

      const j = json(['--fix', '.'], dir);
      assert.equal(j.run.status, 2);
      assert.deepEqual(j.notWritten, [{ file: 'mysite/settings.py', reason }]);
      assert.ok(j.diagnostics.some((d) => d.code === 'DJD101' && d.fixable), 'still reported, still fixable');
      assert.equal(json(['.'], dir).notWritten, undefined, 'no notWritten key without a refusal');

      const s = run(['check', '--fix', '--format', 'sarif', '.'], dir);
      assert.equal(s.status, 2);
      const sarifRun = (JSON.parse(s.stdout) as { runs: { invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[]; results: { ruleId: string }[] }[] }).runs[0];
      assert.ok(sarifRun.results.some((x) => x.ruleId === 'DJD101'));
      assert.equal(sarifRun.invocations?.[0].executionSuccessful, false);
      const note = sarifRun.invocations?.[0].toolExecutionNotifications[0];
      assert.equal(note?.level, 'error');
      assert.equal(note?.message.text, `not fixed: ${reason}`);
      assert.equal(note?.locations[0].physicalLocation.artifactLocation.uri, 'mysite/settings.py');
      assert.deepEqual(readFileSync(settings), original);
    } finally {
      cleanup();
    }
  });

  test('one file refused, the others fixed: the summary says both, exit 2', () => {
    const { dir, cleanup } = copyOf(join(EXAMPLES, 'mysite'));
    try {
      const home = join(dir, 'templates', 'pages', 'home.html');
      const original = readFileSync(home);
      chmodSync(home, 0o444);
      const r = run(['check', '--fix', '.'], dir);
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.deepEqual(lines[0], 'django-deploy: not fixed templates/pages/home.html: it is read-only, so it is left unchanged: make it writable first');
      assert.match(lines[1], /^Fixed \d+ problems in 2 files; 1 file left unchanged\.$/);
      assert.deepEqual(readFileSync(home), original);
      assert.match(readFileSync(join(dir, 'mysite', 'settings', 'base.py'), 'utf8'), /^STATIC_URL = 'static\/'$/m, 'the other files are fixed');
      assert.match(r.stdout, /^templates\/pages\/home\.html:\d+:\d+: \w+ DJD20\d /m, 'the template findings are still reported');
    } finally {
      cleanup();
    }
  });

  test('a hard-linked file is refused: both names keep the same text', () => {
    const { dir, settings, original, report, cleanup } = startproject();
    try {
      const other = join(dir, '..', 'settings_backup.py'); // outside the project
      linkSync(settings, other);
      const r = run(['check', '--fix', '.'], dir);
      assertRefused(r, report, 'mysite/settings.py', 'it has 2 hard links; replacing it would leave the other name with the old text, so it is left unchanged: apply the fix by hand');
      assert.deepEqual(readFileSync(settings), original);
      assert.equal(statSync(settings).ino, statSync(other).ino);
      assert.equal(statSync(settings).nlink, 2);
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);
    } finally {
      cleanup();
    }
  });

  test('owner and group are kept when root fixes a file of another user', { skip: AS_ROOT }, () => {
    const { dir, settings, cleanup } = startproject();
    try {
      chownSync(settings, OTHER_ID, OTHER_ID);
      chmodSync(settings, 0o640);
      const r = run(['check', '--fix', '.'], dir);
      assert.equal(r.stderr, 'Fixed 2 problems in 1 file.\n');
      const after = statSync(settings);
      assert.equal(after.uid, OTHER_ID);
      assert.equal(after.gid, OTHER_ID);
      assert.equal((after.mode & 0o7777).toString(8), '640');
    } finally {
      cleanup();
    }
  });

  test('another user does not take the file over, nor replace a file they may not write', { skip: AS_ROOT }, () => {
    const { dir, settings, original, report, cleanup } = startproject();
    try {
      // A project this user can enter, with a folder they may write in.
      chmodSync(join(dir, '..'), 0o755);
      chmodSync(join(dir, 'mysite'), 0o777);
      chmodSync(settings, 0o666);
      const takeover = run(['check', '--fix', '.'], dir, OTHER_ID);
      assertRefused(takeover, report, 'mysite/settings.py', `it belongs to user 0 and the rewritten file would belong to user ${OTHER_ID}, so it is left unchanged: run as its owner`);
      assert.equal(statSync(settings).uid, 0);
      assert.deepEqual(readFileSync(settings), original);
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);

      // Writable folder, file not writable for them: a rename would replace it anyway; refused.
      chmodSync(settings, 0o644);
      const readOnly = run(['check', '--fix', '.'], dir, OTHER_ID);
      assertRefused(readOnly, report, 'mysite/settings.py', 'it is read-only, so it is left unchanged: make it writable first');
      assert.deepEqual(readFileSync(settings), original);
      assert.deepEqual(temporaries(join(dir, 'mysite')), []);
    } finally {
      cleanup();
    }
  });
});
