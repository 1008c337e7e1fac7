// The built server over stdio: silent outside Django, one truth in every view.
// - FastAPI, Flask and plain Python folders (test/fixtures/nondjango) get no diagnostics for any
//   file opened, no problem count, no checklist and no WSGI vs ASGI entry, also next to a Django
//   folder in a multi-root workspace; whole-project requests answer for the project they name.
// - On split settings, the status bar's count, the checklist's and the CLI's are the same number,
//   and a problem set in base.py is listed once: the copy at production.py's import is a hint.
// - "Ignore … on this line" writes the comment, and the finding goes.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyWorkspaceEdit, LspClient, REPO_ROOT, uriOf, type Diagnostic } from './lspClient';

const NONDJANGO = join(REPO_ROOT, 'test/fixtures/nondjango');
const CLI = join(REPO_ROOT, 'dist/cli.js');

function copies(...names: string[]): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'djd-silence-'));
  for (const name of names) cpSync(name.startsWith('/') ? name : join(NONDJANGO, name), join(dir, name.startsWith('/') ? 'django' : name), { recursive: true });
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const OPENED: Record<string, [string, string][]> = {
  fastapi: [['app/config/constants.py', 'python'], ['app/config/settings.py', 'python'], ['app/templates/index.html', 'html']],
  flask: [['settings.py', 'python'], ['config/production.py', 'python'], ['manage.py', 'python'], ['app/templates/base.html', 'html']],
  plain: [['settings.py', 'python'], ['config/conf.py', 'python'], ['docs/templates/page.html', 'html']],
};

async function indexed(client: LspClient, root: string): Promise<void> {
  await client.waitForNotification('window/logMessage', (p: { message: string }) => p.message.startsWith(`Indexed ${root}:`), 20_000);
}

async function settledCount(client: LspClient): Promise<{ errors: number; warnings: number; templates: number; projects: number; complete: boolean }> {
  for (let i = 0; i < 100; i++) {
    const count = await client.request('djangoDeploy/problemCount', {});
    if (count.complete) return count;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the problem count never completed');
}

describe('silent outside Django (server)', () => {
  it('FastAPI, Flask and plain folders: no diagnostics, no count, no checklist or comparison entry, next to a Django folder too', async () => {
    const { dir, done } = copies('fastapi', 'flask', 'plain', join(REPO_ROOT, 'test/fixtures/split'));
    const client = new LspClient();
    try {
      const roots = ['fastapi', 'flask', 'plain'].map((n) => join(dir, n));
      const first = indexed(client, roots[0]);
      await client.initialize(roots[0]);
      await first;
      for (const root of roots.slice(1)) {
        const done = indexed(client, root);
        client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(root), name: root.split('/').pop() }], removed: [] } });
        await done;
      }
      for (const [name, files] of Object.entries(OPENED)) {
        for (const [rel, language] of files) {
          const uri = uriOf(join(dir, name, rel));
          client.open(uri, readFileSync(join(dir, name, rel), 'utf8'), language);
          const published = await client.waitForDiagnostics(uri);
          assert.deepEqual(published.diagnostics, [], `${name}/${rel}`);
        }
      }
      assert.deepEqual(await settledCount(client), { errors: 0, warnings: 0, templates: 0, projects: 0, complete: true });
      assert.deepEqual((await client.request('djangoDeploy/checklist', {}, 30_000)).projects, []);
      assert.deepEqual((await client.request('djangoDeploy/compareServers', {}, 30_000)).projects, []);
      assert.equal(await client.request('djangoDeploy/nginxConfig', {}, 30_000), null);

      // A Django folder joins: it alone has a checklist, a comparison and a count.
      const django = join(dir, 'django');
      const joined = indexed(client, django);
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(django), name: 'django' }], removed: [] } });
      await joined;
      const checklist = await client.request('djangoDeploy/checklist', {}, 30_000);
      assert.deepEqual(checklist.projects.map((p: { root: string }) => p.root), [django]);
      const comparison = await client.request('djangoDeploy/compareServers', {}, 30_000);
      assert.deepEqual(comparison.projects.map((p: { root: string }) => p.root), [django]);
      assert.equal((await settledCount(client)).projects, 1);
      // Requests that name a project answer for it alone (the client asks which one).
      assert.deepEqual((await client.request('djangoDeploy/checklist', { root: roots[0] }, 30_000)).projects, []);
      assert.equal((await client.request('djangoDeploy/checklist', { root: django }, 30_000)).projects.length, 1);
      assert.equal((await client.request('djangoDeploy/nginxConfig', { root: django }, 30_000)).root, django);
      assert.equal(await client.request('djangoDeploy/nginxConfig', { root: roots[1] }, 30_000), null);
    } finally {
      await client.shutdown();
      done();
    }
  });
});

describe('one truth', () => {
  it('split settings: the status bar, the checklist and the CLI count the same problems; base.py problems are listed once', async () => {
    const { dir, done } = copies(join(REPO_ROOT, 'test/fixtures/split'));
    const root = join(dir, 'django');
    const client = new LspClient();
    try {
      const ready = indexed(client, root);
      await client.initialize(root);
      await ready;
      const production = join(root, 'mysite/settings/production.py');
      const base = join(root, 'mysite/settings/base.py');
      client.open(uriOf(production), readFileSync(production, 'utf8'));
      client.open(uriOf(base), readFileSync(base, 'utf8'));
      const [p, b] = await Promise.all([client.waitForDiagnostics(uriOf(production)), client.waitForDiagnostics(uriOf(base))]);
      const listed = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1 || d.severity === 2);
      const copies = p.diagnostics.filter((d) => d.severity === 4 && /\(set in .*base\.py/.test(d.message));
      assert.ok(copies.length > 0, 'the import line carries the copies of base.py problems, as hints');
      for (const c of copies) assert.ok(!listed(p.diagnostics).some((d) => d.code === c.code && d.range.start.line === c.range.start.line), `${c.code} is not listed twice`);

      const count = await settledCount(client);
      const checklist = (await client.request('djangoDeploy/checklist', {}, 30_000)).projects[0];
      const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', root], { encoding: 'utf8' });
      const cliDiagnostics = JSON.parse(cli.stdout).diagnostics as { severity: string }[];
      const cliCount = { errors: cliDiagnostics.filter((d) => d.severity === 'error').length, warnings: cliDiagnostics.filter((d) => d.severity === 'warning').length };
      assert.deepEqual({ errors: count.errors, warnings: count.warnings }, cliCount, 'status bar = CLI');
      assert.deepEqual(checklist.problems, cliCount, 'checklist = CLI');
      assert.ok(cliCount.warnings > 0);
      // What the Problems panel lists for the two open modules is part of that count, once each.
      const shown = [...listed(p.diagnostics), ...listed(b.diagnostics)];
      assert.ok(shown.length <= count.errors + count.warnings && shown.length > 0);
    } finally {
      await client.shutdown();
      done();
    }
  });

  it('"Ignore … on this line" writes the comment and the finding goes', async () => {
    const { dir, done } = copies(join(REPO_ROOT, 'test/fixtures/split'));
    const root = join(dir, 'django');
    const client = new LspClient();
    try {
      await client.initialize(root);
      const production = join(root, 'mysite/settings/production.py');
      const uri = uriOf(production);
      const text = readFileSync(production, 'utf8');
      client.open(uri, text);
      const published = await client.waitForDiagnostics(uri);
      const target = published.diagnostics.find((d) => d.code === 'security.W004' && d.severity === 2);
      assert.ok(target, JSON.stringify(published.diagnostics.map((d) => d.code)));
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } });
      const ignore = actions.find((a: { title: string }) => a.title === 'Ignore security.W004 on this line');
      assert.ok(ignore, actions.map((a: { title: string }) => a.title).join(' | '));
      const edited = applyWorkspaceEdit(ignore.edit, () => text).get(uri)!;
      assert.match(edited.split('\n')[target.range.start.line], /# django-deploy: ignore\[security\.W004\]$/);
      client.change(uri, [{ text: edited }]);
      const after = await client.waitForDiagnostics(uri, 2);
      assert.ok(!after.diagnostics.some((d) => d.code === 'security.W004' && d.range.start.line === target.range.start.line));
    } finally {
      await client.shutdown();
      done();
    }
  });
});
