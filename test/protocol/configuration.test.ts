// The djangoDeploy settings: pulled with workspace/configuration when the client can answer,
// taken from initializationOptions or didChangeConfiguration otherwise; applied without restart.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, codes, copyFixture, uriOf, type PublishDiagnosticsParams } from './lspClient';

function settingsOf(root: string) {
  const file = join(root, 'mysite/settings.py');
  return { uri: uriOf(file), text: readFileSync(file, 'utf8') };
}

describe('configuration', () => {
  it('pulls djangoDeploy settings on didChangeConfiguration and applies them to open documents', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    let settings: unknown = {};
    client.onRequest('workspace/configuration', (params) => params.items.map((item: { section?: string }) => (item.section === 'djangoDeploy' ? settings : null)));
    try {
      await client.initialize(fixture.root);
      const { uri, text } = settingsOf(fixture.root);
      const opened = client.waitForDiagnostics(uri, 1);
      client.open(uri, text);
      assert.ok(codes(await opened).includes('security.W018'));
      const asked = client.serverRequests.filter((r) => r.method === 'workspace/configuration');
      assert.ok(asked.length >= 1, 'the server asked for its settings after initialized');
      assert.ok(asked[0].params.items.some((i: { section?: string; scopeUri?: string }) => i.section === 'djangoDeploy' && i.scopeUri === uriOf(fixture.root)));

      settings = { rules: { 'security.W018': 'off', 'security.W009': 'error' } };
      const off = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && !codes(p).includes('security.W018'));
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await off;
      assert.equal(p.diagnostics.find((d) => d.code === 'security.W009')?.severity, 1, 'W009 raised to an error');

      // Nonsense values are ignored (and logged), not fatal.
      settings = { rules: { 'security.W018': 'loud' }, productionSettings: 'mysite.settings', developmentSeverity: 42 };
      const back = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (q) => q.uri === uri && codes(q).includes('security.W018'));
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await back;
      assert.ok(client.logMessages().some((m) => m.includes('djangoDeploy.rules["security.W018"]')));
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('uses initializationOptions and pushed settings when the client cannot be asked', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    try {
      await client.initialize(fixture.root, {
        capabilities: { workspace: {}, textDocument: {} },
        initializationOptions: { rules: { 'security.W009': 'off' } },
      });
      const { uri, text } = settingsOf(fixture.root);
      const opened = client.waitForDiagnostics(uri, 1);
      client.open(uri, text);
      const first = await opened;
      assert.ok(!codes(first).includes('security.W009'), codes(first).join(', '));
      assert.ok(codes(first).includes('security.W018'));
      assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);

      const pushed = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && codes(p).includes('security.W009'));
      client.notify('workspace/didChangeConfiguration', { settings: { djangoDeploy: { rules: { 'security.W018': 'hint' } } } });
      const p = await pushed;
      assert.equal(p.diagnostics.find((d) => d.code === 'security.W018')?.severity, 4);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('treats a module named in productionSettings as production', async () => {
    const fixture = copyFixture('split');
    const client = new LspClient();
    client.onRequest('workspace/configuration', (params) => params.items.map(() => ({ productionSettings: ['shop.settings.dev'] })));
    try {
      await client.initialize(fixture.root);
      const dev = join(fixture.root, 'shop/settings/dev.py');
      const uri = uriOf(dev);
      const warned = client.waitForNotification<PublishDiagnosticsParams>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'security.W018' && d.severity === 2),
      );
      client.open(uri, readFileSync(dev, 'utf8'));
      await warned;
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});
