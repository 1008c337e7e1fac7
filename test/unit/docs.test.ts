// The README's rule table is generated from the rules' own docs; it must not drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { marketplaceReadme, rewriteReadme } from '../../scripts/docs';
import { SETTINGS_RULES } from '../../server/src/engine/rules/settingsRules';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

test('README rule and command tables match the catalogue and the manifest (run `npm run docs`)', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(rewriteReadme(readme, manifest), readme);
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command));
  for (const c of manifest.contributes.commands.filter((x: { command: string }) => !hidden.has(x.command))) assert.ok(readme.includes(`\`${c.command}\``) || readme.includes(c.title), `${c.command} is in the README`);
});

test('the extension page README: what it does and a picture first, no contributor commands, every picture packaged', () => {
  const page = marketplaceReadme(readFileSync('README.md', 'utf8'));
  const head = page.slice(0, page.indexOf('\n## ', page.indexOf('\n## ') + 1));
  assert.match(head, /!\[[^\]]+\]\(images\/[\w-]+\.png\)/, 'a picture before the second section');
  assert.doesNotMatch(page, /npm (ci|test|run)|node scripts\//, 'no contributor commands');
  assert.match(page, /^## Install/m);
  assert.match(page, /^## Settings/m);
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const m of page.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^https:\/\//.test(target)) continue;
    assert.ok(readFileSync(target).length > 1000, `${target} exists`);
    assert.ok(ignore.split('\n').includes(`!${target}`), `${target} is let into the .vsix by .vscodeignore`);
  }
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
