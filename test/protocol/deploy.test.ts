// The client's deployment requests against the built server over stdio: the checklist (items,
// places as URIs and ranges, Markdown), the WSGI vs ASGI comparison, and the nginx config; and
// the checklist following a file added on disk (a Procfile with runserver).

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, copyFixture, uriOf } from './lspClient';

interface Item {
  id: string;
  status: string;
  detail: string;
  places: { uri: string; range: { start: { line: number } }; label: string }[];
  command?: { id: string };
  doc?: string;
}

describe('deployment requests (split settings)', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let client: LspClient;

  before(async () => {
    fixture = copyFixture('split');
    client = new LspClient();
    await client.initialize(fixture.root);
  });

  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
    await client.shutdown();
    fixture.cleanup();
  });

  it('checklist: one project, the production module, every item with a status and a one-line detail', async () => {
    const result = await client.request('djangoDeploy/checklist', {});
    assert.equal(result.projects.length, 1);
    const project = result.projects[0];
    assert.equal(project.settingsModule, 'shop.settings.production');
    const items: Item[] = project.items;
    // Django's deployment checklist, in its order (checklist.ts).
    assert.deepEqual(items.map((i) => i.id), [
      'secret-key', 'debug', 'environment', 'allowed-hosts', 'caches', 'databases', 'email', 'static-settings', 'collectstatic', 'templates-static', 'missing-static', 'static-serving', 'media',
      'https', 'cookies', 'sessions', 'database-connections', 'cached-templates', 'logging', 'error-emails', 'error-pages', 'other-checks', 'app-server',
    ]);
    for (const i of items) assert.match(i.doc ?? '', /^https:\/\/docs\.djangoproject\.com\//, `${i.id}: a link to Django's documentation`);
    assert.ok(!project.markdown.includes(fixture.root), 'the Markdown holds no absolute path of this machine');
    for (const i of items) {
      assert.ok(['pass', 'fail', 'warn', 'unknown'].includes(i.status), `${i.id}: ${i.status}`);
      assert.ok(i.detail && !i.detail.includes('\n'), `${i.id}: one line`);
    }
    const debug = items.find((i) => i.id === 'debug')!;
    assert.equal(debug.status, 'fail', 'DEBUG = True in base.py reaches production');
    assert.ok(debug.places.some((p) => p.uri === uriOf(join(fixture.root, 'shop/settings/base.py')) || p.uri === uriOf(join(fixture.root, 'shop/settings/production.py'))), JSON.stringify(debug.places));
    assert.ok(debug.places.every((p) => typeof p.range.start.line === 'number'));
    assert.match(project.markdown, /^### Deployment checklist: shop\.settings\.production/);
    assert.equal(items.find((i) => i.id === 'app-server')!.status, 'warn', 'no server in requirements.txt');
  });

  it('checklist follows the disk: a Procfile that runs runserver makes the server item fail, pointing at its line', async () => {
    const procfile = join(fixture.root, 'Procfile');
    writeFileSync(procfile, 'web: python manage.py runserver 0.0.0.0:$PORT\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(procfile), type: 1 }] });
    const result = await client.request('djangoDeploy/checklist', {});
    const server: Item = result.projects[0].items.find((i: Item) => i.id === 'app-server');
    assert.equal(server.status, 'fail');
    assert.equal(server.places[0].uri, uriOf(procfile));
    assert.equal(server.places[0].range.start.line, 0);
  });

  it('compareServers: the entry points, a WSGI recommendation and command lines for this project', async () => {
    const result = await client.request('djangoDeploy/compareServers', {});
    const c = result.projects[0];
    assert.equal(c.settingsModule, 'shop.settings.production');
    assert.equal(c.runFrom, '.');
    assert.equal(c.wsgi.module, 'shop.wsgi');
    assert.equal(c.recommendation.interface, 'wsgi');
    const gunicorn = c.servers.find((s: { id: string }) => s.id === 'gunicorn');
    assert.equal(gunicorn.line, 'gunicorn shop.wsgi:application --bind 127.0.0.1:8000');
    assert.ok(c.rows.length >= 6);
    assert.ok(c.warnings.some((w: { message: string }) => /runserver/.test(w.message)), 'the Procfile from the previous test is a warning here too');
  });

  it('nginxConfig: a server block for this project', async () => {
    const result = await client.request('djangoDeploy/nginxConfig', {});
    assert.match(result.text, /upstream shop_app \{/, "named after the project package");
    assert.match(result.text, /location \/static\/|STATIC_ROOT is not set/);
    assert.equal(result.settingsModule, 'shop.settings.production');
  });
});

describe('deployment checklist on a large project', () => {
  it('reports work-done progress (begin, reports, end) while it reads 400 templates', async () => {
    const fixture = copyFixture('split');
    const client = new LspClient();
    try {
      const dir = join(fixture.root, 'templates/many');
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 400; i++) writeFileSync(join(dir, `page_${i}.html`), `{% extends "base.html" %}\n<img src="/static/img/${i}.png">\n`);
      await client.initialize(fixture.root, {
        capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
      });
      const result = await client.request('djangoDeploy/checklist', {});
      const kinds = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
      assert.equal(kinds[0], 'begin');
      assert.ok(kinds.filter((k) => k === 'report').length >= 3, `reports: ${kinds.join(' ')}`);
      assert.equal(kinds.at(-1), 'end');
      const templates = result.projects[0].items.find((i: { id: string }) => i.id === 'templates-static');
      assert.equal(templates.status, 'fail');
      assert.equal(templates.placeCount, 400);
      assert.equal(templates.places.length, 200);
      assert.deepEqual(client.errorLogs(), []);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});

describe('whole-project passes run in slices, off the request path', () => {
  /** The split fixture with `count` templates of about 150 lines, each with raw static paths. */
  function bigProject(count: number) {
    const fixture = copyFixture('split');
    const dir = join(fixture.root, 'templates/pages');
    mkdirSync(dir, { recursive: true });
    const body = Array.from({ length: 50 }, (_, i) => `<div class="row-${i}">\n  <img src="/static/img/p${i}.png" alt="">\n  <p>{{ item.title }} {% if item.ok %}yes{% endif %}</p>\n</div>`).join('\n');
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `page_${i}.html`), `{% extends "base.html" %}\n{% block content %}\n${body}\n{% endblock %}\n`);
    return fixture;
  }

  it('diagnostics of a document being typed in arrive while a checklist of 3,000 templates is still running', async () => {
    const fixture = bigProject(3000);
    const client = new LspClient();
    try {
      await client.initialize(fixture.root, { capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } } });
      let checklistDone = false;
      const checklist = client.request('djangoDeploy/checklist', {}, 120_000).then((r) => {
        checklistDone = true;
        return r;
      });
      // Mid-pass: the checklist has reported progress at least once.
      await client.waitForNotification('$/progress', (p: { value: { kind: string } }) => p.value.kind === 'report', 60_000);
      const file = join(fixture.root, 'shop/settings/production.py');
      const uri = uriOf(file);
      const text = readFileSync(file, 'utf8');
      client.open(uri, text);
      await client.waitForDiagnostics(uri, 1, 30_000);
      const version = client.change(uri, [{ text: `${text}DEBUG = True\n` }]);
      const typed = await client.waitForDiagnostics(uri, version, 30_000);
      assert.equal(checklistDone, false, 'the diagnostics did not wait for the checklist');
      assert.ok(typed.diagnostics.some((d) => d.code === 'security.W018'), 'DEBUG = True is reported');
      const result = await checklist;
      const templates = result.projects[0].items.find((i: { id: string }) => i.id === 'templates-static');
      assert.equal(templates.placeCount, 3000 * 50);
      assert.deepEqual(client.errorLogs(), []);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('a cancelled checklist answers RequestCancelled, and the server answers the next one in full', async () => {
    const fixture = bigProject(2000);
    const client = new LspClient();
    try {
      await client.initialize(fixture.root, { capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } } });
      const first = client.cancellableRequest('djangoDeploy/checklist', {}, 120_000);
      await client.waitForNotification('$/progress', (p: { value: { kind: string } }) => p.value.kind === 'report', 60_000);
      first.cancel();
      await assert.rejects(first.response, (e: { code?: number }) => e.code === -32800);
      const again = await client.request('djangoDeploy/checklist', {}, 120_000);
      const templates = again.projects[0].items.find((i: { id: string }) => i.id === 'templates-static');
      assert.equal(templates.placeCount, 2000 * 50);
      assert.deepEqual(client.errorLogs(), []);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});
