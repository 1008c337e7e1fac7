// Static folders where the workspace walk does not go (a front-end build under frontend/build,
// vendor packages under static/node_modules): listed whole once the settings name them, also
// when an edit names them after the workspace was indexed.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, uriOf } from './lspClient';

const SETTINGS = (dirs: string) => `from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
SECRET_KEY = 'x' * 60
ALLOWED_HOSTS = ['example.com']
INSTALLED_APPS = ['django.contrib.staticfiles']
TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates']}]
STATIC_URL = '/static/'
STATIC_ROOT = BASE_DIR / 'collected'
STATICFILES_DIRS = [${dirs}]
STORAGES = {'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}
`;

function project() {
  const root = mkdtempSync(join(tmpdir(), 'djd-static-folders-'));
  mkdirSync(join(root, 'shop'));
  mkdirSync(join(root, 'templates'));
  mkdirSync(join(root, 'frontend/build/static/js'), { recursive: true });
  mkdirSync(join(root, 'assets/node_modules/chart/dist'), { recursive: true });
  writeFileSync(join(root, 'manage.py'), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
  writeFileSync(join(root, 'shop/__init__.py'), '');
  writeFileSync(join(root, 'shop/settings.py'), SETTINGS("BASE_DIR / 'assets'"));
  writeFileSync(join(root, 'frontend/build/static/js/app.js'), '');
  writeFileSync(join(root, 'assets/node_modules/chart/dist/chart.js'), '');
  const template = "{% load static %}\n<script src=\"{% static 'js/app.js' %}\"></script>\n<script src=\"{% static 'node_modules/chart/dist/chart.js' %}\"></script>\n";
  writeFileSync(join(root, 'templates/page.html'), template);
  return { root, template, done: () => rmSync(root, { recursive: true, force: true }) };
}

const mentions = (diagnostics: { message: string }[], path: string) => diagnostics.filter((d) => d.message.includes(`'${path}'`));

describe('static folders the walk skips', () => {
  it('a vendor folder inside a static folder is listed; a build folder an edit adds to STATICFILES_DIRS is listed at that edit', async () => {
    const { root, template, done } = project();
    const client = new LspClient();
    try {
      // Findings about missing files wait for the walk: open the page once it is done.
      const indexed = client.waitForNotification('window/logMessage', (p: { message: string }) => p.message.startsWith(`Indexed ${root}:`));
      await client.initialize(root);
      await indexed;
      const page = uriOf(join(root, 'templates/page.html'));
      client.open(page, template, 'django-html');
      const before = await client.waitForDiagnostics(page, 1);
      assert.deepEqual(mentions(before.diagnostics, 'node_modules/chart/dist/chart.js'), [], 'assets/node_modules is listed whole');
      assert.equal(mentions(before.diagnostics, 'js/app.js').length, 1, 'js/app.js is not served yet');

      const settings = uriOf(join(root, 'shop/settings.py'));
      client.open(settings, SETTINGS("BASE_DIR / 'assets'"));
      await client.waitForDiagnostics(settings, 1);
      const republished = client.waitForNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { message: string }[] }) => p.uri === page && mentions(p.diagnostics, 'js/app.js').length === 0);
      client.change(settings, [{ text: SETTINGS("BASE_DIR / 'assets', BASE_DIR / 'frontend/build/static'") }]);
      const after = await republished;
      assert.deepEqual(mentions(after.diagnostics, 'node_modules/chart/dist/chart.js'), []);
      assert.deepEqual(client.errorLogs(), []);
    } finally {
      await client.shutdown();
      done();
    }
  });
});
