// What CI users run, run as they would: the package's `bin` through npx, and the repository's
// pre-commit hook through pre-commit itself (its node language installs this repository the way
// it installs any hook: npm install, npm pack, npm install -g of the tarball).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, ROOT } from './helpers';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd, encoding: 'utf8' });

describe('for CI users', () => {
  test('npx django-deploy check runs the bin from the repository', () => {
    const r = spawnSync('npx', ['--no-install', 'django-deploy', 'check', fixture('nondjango', 'monorepo')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /backend\/shop\/settings\.py:\d+:\d+: warning security\.W018 /);
  });

  test('the pre-commit hook installs and fails a commit of a Django project with problems, passes a FastAPI one', { skip: preCommit.status === 0 ? false : 'pre-commit is not installed (Debian package pre-commit)', timeout: 900_000 }, () => {
    // try-repo uses the repository as committed, plus its uncommitted changes to tracked files.
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    if (head.status !== 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'djd-precommit-'));
    try {
      for (const [name, source] of [['django', fixture('split')], ['fastapi', fixture('nondjango', 'fastapi')]] as const) {
        const repo = join(dir, name);
        cpSync(source, repo, { recursive: true });
        git(repo, 'init', '-q');
        git(repo, 'add', '-A');
        git(repo, 'commit', '-qm', 'init');
        const r = spawnSync('pre-commit', ['try-repo', ROOT, 'django-deploy', '--all-files'], { cwd: repo, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: join(dir, 'cache') }, timeout: 800_000 });
        const out = `${r.stdout}${r.stderr}`;
        if (name === 'django') {
          assert.equal(r.status, 1, out);
          assert.match(out, /Django Deploy \(check --deploy, static files, templates\)\.+Failed/);
          assert.match(out, /mysite\/settings\/production\.py:\d+:\d+: warning security\.W004 /);
        } else {
          assert.equal(r.status, 0, out);
          assert.match(out, /Django Deploy \(check --deploy, static files, templates\)\.+Passed/);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
