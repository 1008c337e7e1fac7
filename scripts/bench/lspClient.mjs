// A minimal LSP client over stdio for the benchmark: requests, notifications, waiting for a
// notification that matches, and answering the server's workspace/configuration requests.
import { spawn } from 'node:child_process';

export class Client {
  /** `execArgv`: Node options of the server; `timeout`: how long a request or notification may take. */
  constructor(cwd, server, execArgv, timeout = 10_000) {
    this.timeout = timeout;
    this.child = spawn(process.execPath, [...execArgv, server, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.exited = new Promise((r) => this.child.on('exit', r));
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
  }
  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolveRequest, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), this.timeout);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        m.error ? reject(new Error(m.error.message)) : resolveRequest(m.result);
      });
      this.send({ id, method, params });
    });
  }
  notify(method, params) {
    this.send({ method, params });
  }
  waitFor(method, predicate) {
    return new Promise((resolveWait, reject) => {
      const waiter = { method, predicate, resolve: resolveWait };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${method} within ${this.timeout} ms`));
      }, this.timeout);
      waiter.resolve = (p) => {
        clearTimeout(timer);
        resolveWait(p);
      };
      this.waiters.push(waiter);
    });
  }
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())[1]);
      if (this.buffer.length < end + 4 + length) return;
      const m = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (m.method && m.id !== undefined) {
        const result = m.method === 'workspace/configuration' ? m.params.items.map(() => ({})) : null;
        this.send({ id: m.id, result });
      } else if (m.method) {
        for (const w of [...this.waiters]) {
          if (w.method !== m.method || !w.predicate(m.params)) continue;
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(m.params);
        }
      } else if (this.pending.has(m.id)) {
        this.pending.get(m.id)(m);
        this.pending.delete(m.id);
      }
    }
  }
  diagnostics(uri, version) {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
  }
  async shutdown() {
    await this.request('shutdown');
    this.notify('exit');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}
