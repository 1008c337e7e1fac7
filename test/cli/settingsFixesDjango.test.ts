// Settings fixes proven by real Django: each fix the engine offers on test/fixtures/startproject
// (a fresh `startproject`: DEBUG on, an insecure key, no hosts, no HTTPS settings) is applied to a
// copy, and real `check --deploy` (Django 3.2, 4.2, 5.2 through the truth harness) runs on the
// copy with the environment variables the fix names set: the module loads, the fix's id is gone,
// and no id appears that was not there before (W021, the HSTS preload reminder, stays the
// user's decision: the fixes write it as a comment).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { applyEdits } from '../../server/src/engine/fixAll';
import type { Fix } from '../../server/src/engine/findings';
import { DJANGO_VERSIONS, copyOf, fixture, loadTruth } from './helpers';

const FIXTURE = fixture('startproject');
const SETTINGS = 'mysite.settings';
const FILE = 'mysite/settings.py';
/** What a production machine sets for the variables the fixes introduce. */
const PRODUCTION_ENV: Record<string, string> = {
  DJANGO_SECRET_KEY: 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE',
  DJANGO_ALLOWED_HOSTS: 'example.com,www.example.com',
};
const USER_DECISIONS = new Set(['security.W021']);

/** The engine's fixes for the fixture's production findings, with the Django id each targets. */
function offeredFixes(version: string): { id: string; fix: Fix }[] {
  const p = new DjangoProject(FIXTURE);
  p.setConfig({ djangoVersion: version });
  for (const rel of ['manage.py', 'mysite/__init__.py', FILE, 'mysite/urls.py', 'mysite/wsgi.py', 'mysite/asgi.py']) p.setFile(join(FIXTURE, rel), readFileSync(join(FIXTURE, rel), 'utf8'));
  const out: { id: string; fix: Fix }[] = [];
  for (const f of p.findingsFor(join(FIXTURE, FILE))) {
    if (f.inherited || !f.code.includes('.')) continue;
    for (const fix of f.fixes) out.push({ id: f.code, fix });
  }
  return out;
}

const variablesIn = (text: string) => [...text.matchAll(/os\.environ(?:\[|\.get\()\s*['"]([A-Z0-9_]+)['"]/g)].map((m) => m[1]);

describe('settings fixes under real Django', async () => {
  const truth = await loadTruth();
  const available = truth.djangoVersions();
  for (const version of DJANGO_VERSIONS) {
    const django = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;
    test(`Django ${version}: every fix loads, drops its id and adds none`, { skip, timeout: 300_000 }, async (t) => {
      const before = await truth.runTruthAsync({ root: FIXTURE, settings: SETTINGS, django: version });
      assert.equal(before.outcome, 'checked', before.error);
      const fixes = offeredFixes(version);
      assert.ok(fixes.length >= 5, `fixes offered: ${fixes.map((f) => f.fix.title).join(' | ')}`);
      for (const { id, fix } of fixes) {
        const { dir, cleanup } = copyOf(FIXTURE);
        try {
          const edits = fix.edits.filter((e) => e.file.endsWith(FILE)).map((e) => ({ ...e, file: join(dir, FILE) }));
          assert.equal(edits.length, fix.edits.length, `${fix.title}: edits only the settings module`);
          const text = applyEdits(readFileSync(join(dir, FILE), 'utf8'), edits);
          writeFileSync(join(dir, FILE), text);
          const names = variablesIn(edits.map((e) => e.newText).join('\n'));
          const env = Object.fromEntries(names.filter((n) => n in PRODUCTION_ENV).map((n) => [n, PRODUCTION_ENV[n]]));
          const after = await truth.runTruthAsync({ root: dir, settings: SETTINGS, django: version, env });
          t.diagnostic(`${fix.title} [${Object.keys(env).join(' ') || 'no variables'}]: ${before.ids.join(' ')} -> ${after.ids.join(' ')}`);
          assert.equal(after.outcome, 'checked', `${fix.title}: the fixed module loads and checks (${after.error ?? ''})`);
          assert.ok(!after.ids.includes(id), `${fix.title}: ${id} is gone`);
          const added = after.ids.filter((x: string) => !before.ids.includes(x) && !USER_DECISIONS.has(x));
          assert.deepEqual(added, [], `${fix.title}: no new id`);
        } finally {
          cleanup();
        }
      }
    });
  }
});
