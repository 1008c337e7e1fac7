// Split settings (shop/settings/base.py, production.py, dev.py; wsgi.py → production,
// manage.py → dev; Django 4.2 pinned): findings inherited at the import, edits in base.py
// reaching production.py, file events, and the project-wide check command.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, applyWorkspaceEdit, codes, copyFixture, rangeOf, uriOf, type PublishDiagnosticsParams } from './lspClient';

describe('split settings', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let client: LspClient;
  const paths = (root: string) => ({
    base: join(root, 'shop/settings/base.py'),
    production: join(root, 'shop/settings/production.py'),
    dev: join(root, 'shop/settings/dev.py'),
  });
  let p: ReturnType<typeof paths>;

  before(async () => {
    fixture = copyFixture('split');
    p = paths(fixture.root);
    client = new LspClient();
    await client.initialize(fixture.root);
  });

  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
    await client.shutdown();
    fixture.cleanup();
  });

  it('reports what production inherits from base.py at the `from .base import *` line', async () => {
    const uri = uriOf(p.production);
    const text = readFileSync(p.production, 'utf8');
    // The first publication may predate the end of the workspace walk; the walk republishes.
    const waiting = client.waitForDiagnostics(uri, 1);
    client.open(uri, text);
    const first = await waiting;
    assert.ok(codes(first).includes('security.W018'), `W018 inherited: ${codes(first).join(', ')}`);

    const importLine = rangeOf(text, 'from .base import *');
    const w018 = first.diagnostics.find((d) => d.code === 'security.W018')!;
    assert.deepEqual(w018.range, importLine);
    // A hint at the import: the warning is listed once, in base.py where DEBUG is set (one count everywhere).
    assert.equal(w018.severity, 4, 'a hint at the import line');
    const baseText = readFileSync(p.base, 'utf8');
    const debugInBase = rangeOf(baseText, 'DEBUG = True').start.line;
    assert.match(w018.message, new RegExp(`base\\.py:${debugInBase + 1}`));
    const related = w018.relatedInformation?.find((r) => r.location.uri === uriOf(p.base));
    assert.ok(related, 'related information points into base.py');
    assert.equal(related.location.range.start.line, debugInBase);
  });

  it('offers, at the import, a fix that overrides DEBUG in production.py and clears the inherited W018', async () => {
    const uri = uriOf(p.production);
    const text = readFileSync(p.production, 'utf8');
    const importLine = rangeOf(text, 'from .base import *');
    const diagnostics = client.diagnostics.get(uri)!.diagnostics;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: importLine, context: { diagnostics } });
    const debugFix = actions.find((a: any) => a.kind === 'quickfix' && a.diagnostics?.some((d: any) => d.code === 'security.W018'));
    assert.ok(debugFix, actions.map((a: any) => a.title).join(' | '));
    // One action for the security block, shared by the four findings that offer it.
    const block = actions.filter((a: any) => a.title.startsWith('Add the production security settings'));
    assert.equal(block.length, 1);
    assert.ok(block[0].diagnostics.length >= 2);

    const next = applyWorkspaceEdit(debugFix.edit, (u) => (u === uri ? text : readFileSync(new URL(u), 'utf8'))).get(uri)!;
    assert.match(next, /^DEBUG = /m);
    const fixed = client.waitForDiagnostics(uri, 2);
    client.change(uri, [{ text: next }]);
    assert.ok(!codes(await fixed).includes('security.W018'));
    const restored = client.waitForDiagnostics(uri, 3);
    client.change(uri, [{ text }]);
    assert.ok(codes(await restored).includes('security.W018'));
  });

  it('shows production-only findings in dev.py as hints', async () => {
    const uri = uriOf(p.dev);
    const text = readFileSync(p.dev, 'utf8');
    const waiting = client.waitForDiagnostics(uri, 1);
    client.open(uri, text);
    const d = await waiting;
    const w018 = d.diagnostics.find((x) => x.code === 'security.W018');
    assert.ok(w018);
    assert.equal(w018.severity, 4);
    assert.deepEqual(w018.range, rangeOf(text, 'DEBUG'));
  });

  it('republishes production.py when base.py is edited, without touching production.py', async () => {
    const baseUri = uriOf(p.base);
    const productionUri = uriOf(p.production);
    const text = readFileSync(p.base, 'utf8');
    const opened = client.waitForDiagnostics(baseUri, 1);
    client.open(baseUri, text);
    const base = await opened;
    assert.ok(codes(base).includes('security.W018'), 'DEBUG = True in base.py is used by production');

    const republished = client.waitForDiagnostics(productionUri, undefined);
    const baseAgain = client.waitForDiagnostics(baseUri, 2);
    client.change(baseUri, [{ range: rangeOf(text, 'DEBUG = True'), text: 'DEBUG = False' }]);
    const production = await republished;
    assert.ok(!codes(production).includes('security.W018'), `production no longer inherits W018: ${codes(production).join(', ')}`);
    assert.equal(production.version, 3, 'the unchanged production document keeps its version');
    assert.ok(!codes(await baseAgain).includes('security.W018'));
  });

  it('follows a base module changed on disk while closed (didChangeWatchedFiles)', async () => {
    const baseUri = uriOf(p.base);
    const productionUri = uriOf(p.production);
    // Closing base.py drops the unsaved DEBUG = False: production inherits DEBUG = True again.
    const reverted = client.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (d) => d.uri === productionUri && codes(d).includes('security.W018'),
    );
    client.close(baseUri);
    await reverted;

    writeFileSync(
      p.base,
      readFileSync(p.base, 'utf8').replace('from pathlib import Path', 'import os\nfrom pathlib import Path').replace('DEBUG = True', "DEBUG = os.environ.get('DJANGO_DEBUG') == '1'"),
    );
    const fixed = client.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (d) => d.uri === productionUri && !codes(d).includes('security.W018'),
    );
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: baseUri, type: 2 }] });
    await fixed;
  });

  it('checks the whole project on command, including files that are not open', async () => {
    const baseUri = uriOf(p.base);
    const basePublished = client.waitForDiagnostics(baseUri);
    const result = await client.request('workspace/executeCommand', { command: 'djangoDeploy.server.checkProject', arguments: [] });
    const roles = Object.fromEntries(result.settingsModules.map((m: any) => [m.moduleName, m.role]));
    assert.equal(roles['shop.settings.production'], 'production');
    assert.equal(roles['shop.settings.dev'], 'development');
    assert.equal(roles['shop.settings.base'], 'base');
    assert.ok(result.findingCounts.warning > 0);
    assert.deepEqual(Object.keys(result.findingCounts).sort(), ['error', 'hint', 'information', 'warning']);
    const base = await basePublished;
    assert.ok(codes(base).includes('security.W009'), 'base.py (not open) gets its findings');
    assert.equal(base.version, undefined);

    // SECRET_KEY and ALLOWED_HOSTS moved to the environment on disk: the next check leaves base.py
    // with only the two variables production must set (DJD117, information), and the deployment
    // checklist's information about the SQLite database base.py gives production (DJD123).
    const baseText = readFileSync(p.base, 'utf8');
    writeFileSync(
      p.base,
      baseText
        .replace(/^SECRET_KEY = .*$/m, "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']")
        .replace(/^ALLOWED_HOSTS = .*$/m, "ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')"),
    );
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: baseUri, type: 2 }] });
    const cleared = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (d) => d.uri === baseUri && d.diagnostics.filter((x) => x.code === 'DJD117').length === 2 && d.diagnostics.every((x) => (x.code === 'DJD117' || x.code === 'DJD123') && x.severity === 3));
    await client.request('workspace/executeCommand', { command: 'djangoDeploy.server.checkProject', arguments: [] });
    await cleared;
  });

  it('reports a missing STATICFILES_DIRS folder as Django 4.2 (the pinned version) does', async () => {
    const uri = uriOf(p.production);
    const text = readFileSync(p.production, 'utf8') + "\nSTATICFILES_DIRS = [BASE_DIR / 'shop' / 'assets']\n";
    const waiting = client.waitForDiagnostics(uri, 4);
    client.change(uri, [{ text }]);
    const d = await waiting;
    assert.ok(codes(d).includes('staticfiles.W004'), codes(d).join(', '));
    assert.ok(!codes(d).includes('DJD116'));

    // A file created in that folder proves it exists.
    const gone = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (x) => x.uri === uri && !codes(x).includes('staticfiles.W004'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(fixture.root, 'shop/assets/app.css')), type: 1 }] });
    await gone;
  });
});

describe('a settings module opened outside every workspace folder', () => {
  it('is analysed with the project around it (manage.py, base.py)', async () => {
    const fixture = copyFixture('split');
    const client = new LspClient();
    try {
      await client.initialize(null);
      const production = join(fixture.root, 'shop/settings/production.py');
      const uri = uriOf(production);
      const waiting = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (d) => d.uri === uri && codes(d).includes('security.W018'));
      client.open(uri, readFileSync(production, 'utf8'));
      const d = await waiting;
      // Inherited from base.py: a hint at the import (the warning itself sits in base.py).
      assert.equal(d.diagnostics.find((x) => x.code === 'security.W018')!.severity, 4);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('works for a lone settings.py in a folder without manage.py', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    try {
      await client.initialize(null);
      const lone = join(fixture.root, 'mysite/settings.py');
      // No manage.py above: remove it from the copy.
      const { rmSync } = await import('node:fs');
      rmSync(join(fixture.root, 'manage.py'));
      const uri = uriOf(lone);
      const waiting = client.waitForDiagnostics(uri, 1);
      client.open(uri, readFileSync(lone, 'utf8'));
      const d = await waiting;
      for (const code of ['security.W009', 'security.W018', 'security.W020']) assert.ok(codes(d).includes(code), codes(d).join(', '));
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});
