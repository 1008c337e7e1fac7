// The TextMate grammars (syntaxes/) against test/grammar/*.test.html with vscode-tmgrammar-test,
// and the snippet and grammar files that package.json points at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('grammar tests pass (vscode-tmgrammar-test, test/grammar/*.test.html)', () => {
  const r = spawnSync(process.execPath, ['test/grammar/run.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `vscode-tmgrammar-test failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
});

test('contributed grammars exist, parse, and declare the scope package.json names', () => {
  const grammars: { scopeName: string; path: string; injectTo?: string[] }[] = pkg.contributes.grammars;
  assert.ok(grammars.some((g) => g.scopeName === 'text.html.django'));
  const injection = grammars.find((g) => g.scopeName === 'django-template.injection');
  assert.ok(injection?.injectTo?.includes('text.html.derivative'), 'Django injected into VS Code\'s html language (text.html.derivative)');
  for (const g of grammars) {
    const file = join(root, g.path);
    assert.ok(existsSync(file), `${g.path} missing`);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).scopeName, g.scopeName, g.path);
  }
});

test('snippet files parse and every snippet has a prefix, a body and a description', () => {
  const files = new Set<string>(pkg.contributes.snippets.map((s: { path: string }) => s.path));
  assert.ok(files.has('./snippets/django-html.json') && files.has('./snippets/python.json'));
  for (const langs of [['html', 'django-html'], ['python']]) {
    for (const lang of langs) assert.ok(pkg.contributes.snippets.some((s: { language: string }) => s.language === lang), `snippets for ${lang}`);
  }
  for (const path of files) {
    const snippets = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[]; description: string }>;
    assert.ok(Object.keys(snippets).length > 0, path);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0 && s.body.length > 0 && s.description.length > 0, `${path}: ${name}`);
    }
  }
  const html = JSON.stringify(JSON.parse(readFileSync(join(root, 'snippets/django-html.json'), 'utf8')));
  for (const needle of ['{% load static %}', '<img src=\\"{% static', 'rel=\\"stylesheet\\"', '<script src=\\"{% static', '{% extends', '{% block']) {
    assert.ok(html.includes(needle), `django-html snippets: ${needle}`);
  }
  const py = JSON.stringify(JSON.parse(readFileSync(join(root, 'snippets/python.json'), 'utf8')));
  for (const needle of ['STATIC_ROOT', 'STATICFILES_DIRS', 'ManifestStaticFilesStorage', 'STORAGES', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS']) {
    assert.ok(py.includes(needle), `python snippets: ${needle}`);
  }
});

test('HTML language features and Emmet are enabled for django-html', () => {
  assert.deepEqual(pkg.contributes.htmlLanguageParticipants, [{ languageId: 'django-html', autoInsert: true }]);
  assert.equal(pkg.contributes.configurationDefaults?.['emmet.includeLanguages']?.['django-html'], 'html');
});
