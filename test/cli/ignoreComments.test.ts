// "Ignore this finding on this line" (engine/text.ts ignoreOnLineEdit), judged by real Django:
// every finding of the templated fixture is ignored with the comment the quick fix writes; then
// our check reports none of them, Django renders every template byte for byte as before (the
// {# #} comments vanish), and `check --deploy` reports the same ids (the # comments change no
// setting).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ignoreOnLineEdit } from '../../server/src/engine/text';
import { cliJson, copyOf, djangoAvailable, fixture, offsetOf, PYTHON, ROOT } from './helpers';

const RENDER = join(ROOT, 'test', 'cli', 'render_templates.py');
const SETTINGS_MODULE = 'storefront.settings';
const NAMES = ['base.html', 'shop/product.html', 'legacy.html', 'typo.html', 'prefix.html', 'late.html', 'shop/cart.html'];
const django = djangoAvailable();

function pythonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', DJANGO_SECRET_KEY: 'ignore-test-' + 'k'.repeat(50) };
  delete env.PYTHONPATH;
  delete env.DJANGO_SETTINGS_MODULE;
  return env;
}

function render(dir: string): unknown {
  const r = spawnSync(PYTHON, [RENDER, dir, SETTINGS_MODULE, ...NAMES], { env: pythonEnv(), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).templates;
}

/** The check ids `manage.py check --deploy` prints (it exits 1 on errors: the ids are what we compare). */
function deployIds(dir: string): string[] {
  const r = spawnSync(PYTHON, ['manage.py', 'check', '--deploy'], { cwd: dir, env: pythonEnv(), encoding: 'utf8' });
  return [...`${r.stdout}${r.stderr}`.matchAll(/\(([a-z_]+\.[A-Z]\d{3})\)/g)].map((m) => m[1]).sort();
}

describe('ignore comments, judged by real Django', { skip: django.ok ? false : django.reason }, () => {
  test('every finding of the templated fixture ignored: none reported, templates render the same, check --deploy unchanged', () => {
    const { dir, cleanup } = copyOf(fixture('templated'));
    try {
      const before = cliJson([dir]).diagnostics;
      assert.ok(before.length >= 5, `${before.length} findings`);
      const renderedBefore = render(dir);
      const idsBefore = deployIds(dir);

      // Per file, from the last finding to the first: an edit only touches the end of its own line.
      const byFile = new Map<string, typeof before>();
      for (const d of before) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      let ignored = 0;
      const kept: string[] = [];
      for (const [file, list] of byFile) {
        const path = resolve(ROOT, file);
        let text = readFileSync(path, 'utf8');
        const at = list.map((d) => ({ d, offset: offsetOf(text, d.line, d.column) })).sort((a, b) => b.offset - a.offset);
        for (const { d, offset } of at) {
          const edit = ignoreOnLineEdit(text, offset, d.code, path.endsWith('.py'));
          if (!edit) {
            kept.push(`${file}:${d.line} ${d.code}`);
            continue;
          }
          text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
          ignored++;
        }
        writeFileSync(path, text);
      }
      assert.ok(ignored >= 5);

      const after = cliJson([dir]).diagnostics;
      const left = after.map((d) => `${d.file}:${d.line} ${d.code}`);
      assert.deepEqual(left.filter((l) => !kept.some((k) => k.endsWith(l.split(' ')[1]) && l.startsWith(k.split(':')[0]))), [], 'every ignored finding is gone');
      assert.deepEqual(render(dir), renderedBefore, 'Django renders every template the same');
      assert.deepEqual(deployIds(dir), idsBefore, 'check --deploy reports the same ids');
    } finally {
      cleanup();
    }
  });
});
