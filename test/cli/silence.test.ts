// Python projects that are not Django projects get silence from the CLI (engine/project/evidence.ts):
// a FastAPI service, a Flask app with a Flask-Script manage.py, a report job with settings.py, and
// the FastAPI half of a monorepo whose other half is a Django shop.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, cliJson, fixture } from './helpers';

describe('silent outside Django (CLI)', () => {
  for (const name of ['fastapi', 'flask', 'plain']) {
    test(`${name}: no finding, exit 0, says it is not a Django project`, () => {
      const run = cli(['check', fixture('nondjango', name)]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Not a Django project: .*Nothing to check\.\n$/);
      const json = cliJson([fixture('nondjango', name)]);
      assert.deepEqual(json.diagnostics, []);
      assert.equal(json.run.status, 0);
    });
  }

  test('monorepo: the Django shop is checked, the FastAPI service beside it is not', () => {
    const { run, diagnostics } = cliJson([fixture('nondjango', 'monorepo')]);
    assert.equal(run.status, 1, run.stderr);
    assert.ok(diagnostics.length > 0);
    const files = new Set(diagnostics.map((d) => d.file.replace(/\\/g, '/')));
    assert.ok([...files].every((f) => f.includes('/backend/')), [...files].join(', '));
    assert.ok(diagnostics.some((d) => d.code === 'security.W018'), 'DEBUG = True in the shop');
    assert.ok(diagnostics.some((d) => d.code === 'DJD201' && d.file.endsWith('home.html')), 'the shop template');
  });

  test('a settings file named on the command line is checked whatever the project shows', () => {
    const run = cli(['check', fixture('nondjango', 'flask', 'settings.py')]);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /security\.W018/);
  });
});
