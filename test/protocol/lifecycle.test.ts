// The server's life cycle over the wire: what it announces, the transports it speaks, and a
// clean exit.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, SERVER_JS, codes, copyFixture, processAlive, uriOf, type PublishDiagnosticsParams } from './lspClient';

describe('life cycle', () => {
  it('announces incremental sync, hover, code actions, commands and workspace folders', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    try {
      const result = await client.initialize(fixture.root);
      const caps = result.capabilities;
      assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
      assert.equal(caps.textDocumentSync.openClose, true);
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll', 'source.fixAll.djangoDeploy']);
      assert.deepEqual(caps.executeCommandProvider.commands, ['djangoDeploy.server.checkProject', 'djangoDeploy.server.applyFix']);
      assert.deepEqual(caps.workspace.workspaceFolders, { supported: true, changeNotifications: true });
      assert.equal(result.serverInfo.name, 'Django Deploy');
    } finally {
      client.kill();
      fixture.cleanup();
    }
  });

  it('exits with code 0 after shutdown and exit, leaving no process', async () => {
    const client = new LspClient();
    await client.initialize(null);
    const pid = client.child.pid!;
    const code = await client.shutdown();
    assert.equal(code, 0);
    assert.equal(processAlive(pid), false);
  });

  it('exits when its input closes without shutdown', async () => {
    const client = new LspClient();
    await client.initialize(null);
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)));
    client.child.stdin!.end();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    const code = await Promise.race([exited, timeout]);
    client.kill();
    assert.notEqual(code, 'timeout', 'the server should exit when stdin closes');
  });

  it('a frame with a malformed Content-Length ends the connection (exit 1, the reason logged) instead of leaving the server deaf', async () => {
    const client = new LspClient();
    await client.initialize(null);
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)));
    client.child.stdin!.write('Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    const code = await Promise.race([exited, timeout]);
    client.kill();
    assert.equal(code, 1, 'the server should exit so that the client restarts it');
    assert.ok(client.errorLogs().some((m) => /reading a message/.test(m)), client.errorLogs().join('\n'));
  });

  it('speaks LSP over --node-ipc too', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    try {
      const answer = new Promise<any>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no initialize answer over IPC within 10 s')), 10_000);
        child.on('message', (m: any) => {
          if (m.id !== 1) return;
          clearTimeout(timer);
          resolve(m);
        });
      });
      child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      const m = await answer;
      assert.equal(m.result.capabilities.hoverProvider, true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('speaks LSP over --socket too', async () => {
    const { createServer } = await import('node:net');
    const { spawn } = await import('node:child_process');
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    const child = spawn(process.execPath, [SERVER_JS, `--socket=${port}`], { stdio: 'ignore' });
    try {
      const answer = await new Promise<any>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no initialize answer over the socket within 10 s')), 10_000);
        listener.on('connection', (socket) => {
          const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
          socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
          let buffer = '';
          socket.on('data', (chunk) => {
            buffer += chunk.toString('utf8');
            const at = buffer.indexOf('\r\n\r\n');
            const length = Number(/Content-Length: (\d+)/.exec(buffer)?.[1]);
            if (at < 0 || buffer.length < at + 4 + length) return;
            clearTimeout(timer);
            resolve(JSON.parse(buffer.slice(at + 4, at + 4 + length)));
            socket.destroy();
          });
        });
      });
      assert.equal(answer.id, 1);
      assert.equal(answer.result.capabilities.hoverProvider, true);
    } finally {
      child.kill('SIGKILL');
      listener.close();
    }
  });

  it('answers a request whose handler throws with an empty result, logs it, and keeps serving', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    try {
      await client.initialize(fixture.root);
      const actions = await client.request('textDocument/codeAction', { textDocument: null, range: null, context: null });
      assert.deepEqual(actions, []);
      assert.ok(client.errorLogs().some((m) => m.startsWith('codeAction failed')), client.errorLogs().join('\n'));
      const unknown = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/at/all.py' }, position: { line: 0, character: 0 } });
      assert.equal(unknown, null);
      const settings = join(fixture.root, 'mysite/settings.py');
      const waiting = client.waitForDiagnostics(uriOf(settings), 1);
      client.open(uriOf(settings), readFileSync(settings, 'utf8'));
      assert.ok(codes(await waiting).includes('security.W018'));
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('diagnoses templates: a raw /static/ path in a django-html document, fixed with {% static %}', async () => {
    const fixture = copyFixture('startproject');
    // A static folder that serves css/app.css (a file no finder serves gets no rewrite: below).
    mkdirSync(join(fixture.root, 'static/css'), { recursive: true });
    writeFileSync(join(fixture.root, 'static/css/app.css'), 'body {}\n');
    appendFileSync(join(fixture.root, 'mysite/settings.py'), '\nSTATICFILES_DIRS = [BASE_DIR / "static"]\n');
    const client = new LspClient();
    try {
      await client.initialize(fixture.root);
      const uri = uriOf(join(fixture.root, 'mysite/templates/base.html'));
      const published = client.waitForDiagnostics(uri, 1);
      client.open(uri, '<link rel="stylesheet" href="/static/css/app.css">\n', 'django-html');
      const p = await published;
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['DJD201']);
      const d = p.diagnostics[0];
      assert.deepEqual(d.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 48 } });
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const fix = (actions as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[]).find((a) => a.title.startsWith('Use {% static'));
      assert.ok(fix, 'a {% static %} quick fix');
      const texts = fix.edit.changes[uri].map((e) => e.newText).sort();
      assert.deepEqual(texts, ["{% load static %}\n", "{% static 'css/app.css' %}"]);

      const missing = client.waitForDiagnostics(uri, 2);
      client.change(uri, [{ text: '<link rel="stylesheet" href="/static/css/gone.css">\n' }]);
      const m = (await missing).diagnostics[0];
      assert.match(m.message, /no static folder has 'css\/gone\.css'/);
      const none = (await client.request('textDocument/codeAction', { textDocument: { uri }, range: m.range, context: { diagnostics: [m] } })) as { title: string }[];
      assert.ok(!none.some((a) => a.title === "Use {% static 'css/gone.css' %}"), 'no rewrite to a file nobody serves');
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });

  it('indexes a workspace folder added after start-up', async () => {
    const fixture = copyFixture('split');
    const client = new LspClient();
    try {
      await client.request('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: [],
        capabilities: { workspace: { workspaceFolders: true, configuration: true } },
      });
      client.notify('initialized', {});
      const indexed = client.waitForNotification('window/logMessage', (m: { message: string }) => m.message.startsWith(`Indexed ${fixture.root}`));
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(fixture.root), name: 'split' }], removed: [] } });
      await indexed;
      const production = join(fixture.root, 'shop/settings/production.py');
      const uri = uriOf(production);
      const waiting = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && codes(p).includes('security.W018'));
      client.open(uri, readFileSync(production, 'utf8'));
      await waiting;
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});

describe('templates through the protocol', () => {
  it('completes {% static %} paths, links them to their files and hovers them', async () => {
    const fixture = copyFixture('startproject');
    const client = new LspClient();
    try {
      // A static folder for the finders, then the server indexes the project.
      const root = fixture.root;
      mkdirSync(join(root, 'assets/css'), { recursive: true });
      writeFileSync(join(root, 'assets/css/site.css'), 'body {}\n');
      const settings = join(root, 'mysite/settings.py');
      writeFileSync(settings, `${readFileSync(settings, 'utf8')}\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\n`);
      await client.initialize(root);
      const uri = uriOf(join(root, 'mysite/templates/page.html'));
      const text = "{% load static %}\n<link rel=\"stylesheet\" href=\"{% static 'css/site.css' %}\">\n";
      const published = client.waitForDiagnostics(uri, 1);
      client.open(uri, text, 'django-html');
      assert.deepEqual((await published).diagnostics, []);
      const at = (needle: string, delta = 0) => {
        const offset = text.indexOf(needle) + delta;
        const line = text.slice(0, offset).split('\n').length - 1;
        return { line, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
      };
      // The workspace walk runs in the background: completion knows the files once it is done.
      let completion: { label: string }[] = [];
      for (let i = 0; i < 100 && completion.length === 0; i++) {
        completion = (await client.request('textDocument/completion', { textDocument: { uri }, position: at('css/site', 4) })) as { label: string }[];
        if (!completion.length) await new Promise((r) => setTimeout(r, 50));
      }
      assert.deepEqual(completion.map((c) => c.label), ['site.css']);
      const links = (await client.request('textDocument/documentLink', { textDocument: { uri } })) as { target: string }[];
      assert.equal(links.length, 1);
      assert.equal(links[0].target, uriOf(join(root, 'assets/css/site.css')));
      const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: at('site.css') })) as { contents: { value: string } };
      assert.match(hover.contents.value, /Served from `assets\/css\/site\.css`/);
    } finally {
      await client.shutdown();
      fixture.cleanup();
    }
  });
});
