// Every settings fix writes code the engine itself reads: applied to a module, then analysed again
// with the environment variables the fix names set, its finding is gone and nothing new appears;
// with them unset, the only new finding is the variable Django now needs (DJD117). Fixes follow
// the file's quote style, and the security block is offered once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProject, SETTINGS, STARTPROJECT, codes, applyFix } from './helpers';
import type { Finding, Fix } from '../../server/src/engine/findings';

/** Values a production machine would have for the variables fixes introduce. */
const PRODUCTION_ENV: Record<string, string> = {
  DJANGO_SECRET_KEY: 'k7#Qz!vR2@pL9$wX4^mN8&bT1*cY6(eU3)hJ5_gF0+dS-aK2v!Lp9@xQ',
  DJANGO_ALLOWED_HOSTS: 'example.com,www.example.com',
};

/** Variables a text reads: os.environ["X"], os.environ.get("X", …). */
function variablesIn(text: string): string[] {
  return [...text.matchAll(/os\.environ(?:\[|\.get\()\s*['"]([A-Z0-9_]+)['"]/g)].map((m) => m[1]);
}

/** A module with the usual development-only problems of a fresh startproject, single-quoted. */
const DEVELOPMENT = STARTPROJECT;

/** W021 is Django's reminder that HSTS preload is off: the fixes leave that decision to the user, as a comment. */
const USER_DECISIONS = new Set(['security.W021']);

function allFixes(findings: Finding[]): { finding: Finding; fix: Fix }[] {
  return findings.filter((f) => !f.inherited).flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
}

test('every settings fix clears its finding and raises nothing new, once the variables it names are set', () => {
  const before = settingsProject(DEVELOPMENT);
  const fixes = allFixes(before.findingsFor(SETTINGS));
  assert.ok(fixes.length >= 5, `fixes offered: ${fixes.map((f) => f.fix.title).join(' | ')}`);
  for (const { finding, fix } of fixes) {
    const p = settingsProject(DEVELOPMENT);
    const text = applyFix(p, fix, SETTINGS);
    const inserted = fix.edits.map((e) => e.newText).join('\n');
    const variables = variablesIn(inserted);
    for (const v of variables) assert.ok(fix.title.includes(v), `${fix.title}: the title names ${v}`);
    const environment = Object.fromEntries(variables.filter((v) => v in PRODUCTION_ENV).map((v) => [v, PRODUCTION_ENV[v]]));
    const after = settingsProject(text, { environment });
    const was = new Set(codes(before.findingsFor(SETTINGS)));
    const now = codes(after.findingsFor(SETTINGS));
    assert.ok(!now.includes(finding.code) || finding.code === 'DJD117', `${fix.title}: ${finding.code} is gone (left: ${now.join(' ')})\n${inserted}`);
    const added = now.filter((c) => !was.has(c) && !USER_DECISIONS.has(c));
    assert.deepEqual(added, [], `${fix.title}: nothing new\n${inserted}`);
    // Unset, the module may only say which variable it now needs.
    const unset = codes(settingsProject(text).findingsFor(SETTINGS)).filter((c) => !was.has(c) && !USER_DECISIONS.has(c));
    assert.ok(unset.every((c) => c === 'DJD117'), `${fix.title}, variables unset: ${unset.join(' ')}`);
  }
});

test("fixes write strings in the file's quote style", () => {
  const single = settingsProject(DEVELOPMENT);
  const debugFix = single.findingsFor(SETTINGS).find((f) => f.code === 'security.W018')!.fixes[0];
  assert.equal(debugFix.edits[0].newText, "os.environ.get('DJANGO_DEBUG', '') == '1'");
  const doubled = DEVELOPMENT.replace(/'([^'\n]*)'/g, '"$1"');
  const double = settingsProject(doubled);
  assert.equal(double.findingsFor(SETTINGS).find((f) => f.code === 'security.W018')!.fixes[0].edits[0].newText, 'os.environ.get("DJANGO_DEBUG", "") == "1"');
});

test('the security block leaves HSTS preload to the user and is offered once', () => {
  const p = settingsProject(DEVELOPMENT);
  const block = p.findingsFor(SETTINGS).flatMap((f) => f.fixes).find((x) => x.title.startsWith('Add the production security settings'))!;
  const text = applyFix(p, block, SETTINGS);
  assert.ok(!/^SECURE_HSTS_PRELOAD\s*=/m.test(text), 'no SECURE_HSTS_PRELOAD assignment');
  assert.match(text, /^# SECURE_HSTS_PRELOAD = True {2}# only once the domain is submitted to hstspreload\.org$/m);
  const again = settingsProject(text).findingsFor(SETTINGS).flatMap((f) => f.fixes).filter((x) => x.title.startsWith('Add the production security settings'));
  assert.deepEqual(again, [], 'nothing left to add: not offered again');
  // With one setting removed by hand, the block adds it without repeating its header.
  const removed = text.replace(/^CSRF_COOKIE_SECURE = True\n/m, '');
  const partial = settingsProject(removed).findingsFor(SETTINGS).flatMap((f) => f.fixes).find((x) => x.title.startsWith('Add the production security settings'))!;
  const added = partial.edits.map((e) => e.newText).join('');
  assert.match(added, /CSRF_COOKIE_SECURE = True/);
  assert.ok(!added.includes('Production security (django-deploy)'), added);
});
