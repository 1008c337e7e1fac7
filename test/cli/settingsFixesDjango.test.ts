// Settings fixes proven by real Django: each fix the engine offers for a Django id on every
// cross-checked fixture (test/cli/helpers CASES: startproject, split settings, env-driven, traps,
// legacy, misconfigured…) is applied to a copy, and real `check --deploy` (Django 3.2, 4.2, 5.2
// through the truth harness) runs on the copy with the environment variables the fix names set:
// the module loads, the fix's id is gone, and no id appears that was not there before (W005 and
// W021, the HSTS scope reminders, stay the user's decisions).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { applyEdits } from '../../server/src/engine/fixAll';
import type { Fix } from '../../server/src/engine/findings';
import { CASES, DJANGO_VERSIONS, STRONG_SECRET_KEY, copyOf, fixture, loadTruth } from './helpers';

/** What a production machine sets for the variables the fixes introduce. */
const PRODUCTION_ENV: Record<string, string> = {
  DJANGO_SECRET_KEY: STRONG_SECRET_KEY,
  DJANGO_ALLOWED_HOSTS: 'example.com,www.example.com',
};
/**
 * Django's reminders about the scope of HSTS, raised as soon as HSTS is on: includeSubDomains
 * (W005: every subdomain must then serve HTTPS) and preload (W021: a commitment to browsers'
 * lists). A fix that turns HSTS on leaves those to the user (the security block does write
 * includeSubDomains, with a comment; preload always stays a comment).
 */
const USER_DECISIONS = new Set(['security.W005', 'security.W021']);

/** Every Python and dependency file of a fixture, as the engine reads a workspace. */
function filesOf(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) filesOf(full, out);
    else if (/\.py$|^requirements.*\.txt$|^pyproject\.toml$/.test(e.name)) out.push(full);
  }
  return out;
}

/** The engine's fixes for the fixture's findings with a Django id in the production module. */
function offeredFixes(root: string, settingsModule: string, version: string, environment: Record<string, string>): { id: string; fix: Fix }[] {
  const p = new DjangoProject(root);
  p.setConfig({ djangoVersion: version, environment, productionSettings: [settingsModule] });
  for (const f of filesOf(root)) p.setFile(f, readFileSync(f, 'utf8'));
  const out: { id: string; fix: Fix }[] = [];
  for (const f of p.findingsFor(join(root, ...settingsModule.split('.')) + '.py')) {
    if (f.inherited || !f.code.includes('.')) continue;
    for (const fix of f.fixes) out.push({ id: f.code, fix });
  }
  return out;
}

const variablesIn = (text: string) => [...text.matchAll(/os\.environ(?:\[|\.get\()\s*['"]([A-Z0-9_]+)['"]/g)].map((m) => m[1]);

describe('settings fixes under real Django, on every cross-checked fixture', async () => {
  const truth = await loadTruth();
  const available = truth.djangoVersions();
  for (const version of DJANGO_VERSIONS) {
    const django = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;
    describe(`Django ${version}`, { concurrency: 2 }, () => {
      for (const c of CASES) {
        test(`${c.fixture}: every fix loads, drops its id and adds none`, { skip, timeout: 300_000 }, async (t) => {
          const root = fixture(c.fixture);
          const required = c.required ?? {};
          const before = await truth.runTruthAsync({ root, settings: c.settingsModule, django: version, env: required });
          assert.equal(before.outcome, 'checked', before.error);
          const fixes = offeredFixes(root, c.settingsModule, version, required);
          t.diagnostic(`${fixes.length} fixes offered`);
          for (const { id, fix } of fixes) {
            const { dir, cleanup } = copyOf(root);
            try {
              const byFile = new Map<string, typeof fix.edits>();
              for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
              for (const [file, edits] of byFile) {
                const copy = join(dir, relative(root, file));
                writeFileSync(copy, applyEdits(readFileSync(copy, 'utf8'), edits.map((e) => ({ ...e, file: copy }))));
              }
              const names = variablesIn(fix.edits.map((e) => e.newText).join('\n'));
              const env = { ...required, ...Object.fromEntries(names.filter((n) => n in PRODUCTION_ENV).map((n) => [n, PRODUCTION_ENV[n]])) };
              const after = await truth.runTruthAsync({ root: dir, settings: c.settingsModule, django: version, env });
              t.diagnostic(`${fix.title}: ${before.ids.join(' ')} -> ${after.ids.join(' ')}`);
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
  }
});
