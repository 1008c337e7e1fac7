// The README's rule table is generated from the rules' own docs; it must not drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rewriteReadme } from '../../scripts/docs';
import { SETTINGS_RULES } from '../../server/src/engine/rules/settingsRules';

test('README rule table matches the rule catalogue (run `npm run docs`)', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(rewriteReadme(readme), readme);
});

test('every rule has a unique code and complete docs', () => {
  const seen = new Set<string>();
  for (const r of SETTINGS_RULES) {
    assert.ok(!seen.has(r.code), `duplicate ${r.code}`);
    seen.add(r.code);
    for (const k of ['title', 'what', 'why', 'example', 'instead', 'url'] as const) assert.ok(r.doc[k].length > 3, `${r.code} doc.${k}`);
    assert.match(r.doc.url, /^https:\/\//);
    assert.equal(r.origin === 'django', r.code.includes('.'), `${r.code}: Django ids contain a dot, ours do not`);
  }
});
