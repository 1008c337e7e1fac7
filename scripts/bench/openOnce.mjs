// For `npm run bench`: a language server opens settings modules it has never parsed, one after
// the other; prints the time from didOpen to their diagnostics, then the server's peak VmRSS
// (sampled every 10 ms) as JSON lines.
//   node openOnce.mjs SERVER EXEC_ARGV_JSON FILE...
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from './lspClient.mjs';

const [server, execArgv, ...files] = process.argv.slice(2);
const root = dirname(dirname(dirname(files[0])));
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
await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } } });
client.notify('initialized', {});
await new Promise((r) => setTimeout(r, 500));
for (const file of files) {
  const uri = pathToFileURL(file).href;
  // Not the text on disk: a version the server cannot have pre-analysed.
  const text = `${readFileSync(file, 'utf8')}\n# opened ${Date.now()}\n`;
  const waiting = client.diagnostics(uri, 1);
  const t0 = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  await waiting;
  console.log(JSON.stringify({ file, openMs: performance.now() - t0 }));
  sample();
  client.notify('textDocument/didClose', { textDocument: { uri } });
}
sample();
clearInterval(sampler);
await client.shutdown();
console.log(JSON.stringify({ peakMb }));
