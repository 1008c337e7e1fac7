// For `npm run bench`: for each settings module given, a new language server on a new, otherwise
// empty Django project (manage.py, shop/__init__.py) opens it as shop/settings.py — a text that is
// not on disk, so nothing of it was parsed or analysed before — once the server is idle. Prints,
// per file, the time from didOpen to its diagnostics and the server's peak VmRSS (sampled every
// 10 ms) as JSON lines.
//   node openOnce.mjs SERVER EXEC_ARGV_JSON FILE...
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from './lspClient.mjs';

const [server, execArgv, ...files] = process.argv.slice(2);

/** Waits until the server answers three requests in a row at once (nothing left running). */
async function settle(client) {
  await new Promise((r) => setTimeout(r, 200));
  const end = performance.now() + 60_000;
  for (let quick = 0; quick < 3 && performance.now() < end; ) {
    const t0 = performance.now();
    await client.request('djangoDeploy/benchPing').catch(() => undefined);
    quick = performance.now() - t0 < 5 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const file of files) {
  const root = mkdtempSync(join(tmpdir(), 'django-deploy-open-'));
  mkdirSync(join(root, 'shop'));
  writeFileSync(join(root, 'manage.py'), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
  writeFileSync(join(root, 'shop', '__init__.py'), '');
  const client = new Client(root, server, JSON.parse(execArgv), 60_000);
  let peakMb = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s*(\d+)\s*kB/.exec(readFileSync(`/proc/${client.child.pid}/status`, 'utf8'))?.[1]);
      peakMb = Math.max(peakMb, kb / 1024);
    } catch {
      // the server has exited
    }
  };
  const sampler = setInterval(sample, 10);
  try {
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } } });
    client.notify('initialized', {});
    await settle(client);
    const uri = pathToFileURL(join(root, 'shop', 'settings.py')).href;
    const waiting = client.diagnostics(uri, 1);
    const t0 = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: readFileSync(file, 'utf8') } });
    await waiting;
    const openMs = performance.now() - t0;
    sample();
    console.log(JSON.stringify({ file, openMs, peakMb }));
  } finally {
    clearInterval(sampler);
    await client.shutdown().catch(() => client.child.kill());
    rmSync(root, { recursive: true, force: true });
  }
}
