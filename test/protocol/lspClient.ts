// A small LSP client for the protocol tests: starts the built server over stdio, frames JSON-RPC
// with Content-Length headers, answers the server's own requests, and bounds every wait.

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root, from out/test/protocol/*.js. */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const SERVER_JS = join(REPO_ROOT, 'dist/server.js');
export const FIXTURES = join(REPO_ROOT, 'test/protocol/fixtures');

export const DEFAULT_TIMEOUT = 10_000;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: unknown;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

type RequestHandler = (params: any) => unknown;

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
}

export class LspClient {
  readonly child: ChildProcess;
  /** Every notification received, in order. */
  readonly notifications: Message[] = [];
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Requests the server sent to the client, in order. */
  readonly serverRequests: Message[] = [];
  stderr = '';
  private nextId = 1;
  private pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void; method: string }>();
  private waiters: Waiter[] = [];
  private handlers = new Map<string, RequestHandler>();
  private buffer = Buffer.alloc(0);
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private versions = new Map<string, number>();

  constructor(args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolveExit) => {
      this.child.on('exit', (code) => {
        this.exitCode = code;
        for (const p of this.pending.values()) p.reject(new Error(`server exited (code ${code}) before answering ${p.method}`));
        this.pending.clear();
        resolveExit(code);
      });
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.stdin!.on('error', () => undefined);
    this.handlers.set('workspace/configuration', (params) => params.items.map(() => ({})));
    this.handlers.set('client/registerCapability', () => null);
    this.handlers.set('client/unregisterCapability', () => null);
    this.handlers.set('window/workDoneProgress/create', () => null);
    this.handlers.set('workspace/applyEdit', () => ({ applied: true }));
  }

  /** Answers a request the server sends (workspace/configuration, workspace/applyEdit…). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  request<T = any>(method: string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolveRequest, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (m) => {
          clearTimeout(timer);
          if (m.error) reject(Object.assign(new Error(`${method} failed: ${m.error.message}`), { code: m.error.code }));
          else resolveRequest(m.result as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** A request that can be cancelled with $/cancelRequest; a failed response rejects with an Error carrying its `code`. */
  cancellableRequest<T = any>(method: string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT): { response: Promise<T>; cancel(): void } {
    const id = this.nextId;
    const response = this.request<T>(method, params, timeoutMs);
    return { response, cancel: () => this.notify('$/cancelRequest', { id }) };
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification of `method` matching `predicate` (received after this call). */
  waitForNotification<T = any>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    return new Promise<T>((resolveWait, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (params) => {
          clearTimeout(timer);
          resolveWait(params);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${method} notification matching within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The next diagnostics published for `uri` (for `version`, when given). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = DEFAULT_TIMEOUT): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (version === undefined || p.version === version),
      timeoutMs,
    );
  }

  /** Resolves with true if no matching notification arrives within `ms`. */
  async quietFor(method: string, predicate: (params: any) => boolean, ms: number): Promise<boolean> {
    try {
      await this.waitForNotification(method, predicate, ms);
      return false;
    } catch {
      return true;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Conveniences

  async initialize(rootPath: string | null, options: { initializationOptions?: unknown; capabilities?: unknown; workspaceFolders?: boolean } = {}): Promise<any> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootPath && options.workspaceFolders !== false ? [{ uri: rootUri, name: 'fixture' }] : null,
      initializationOptions: options.initializationOptions,
      capabilities: options.capabilities ?? {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'python'): void {
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  change(uri: string, changes: { range?: Range; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the exit code, killing the server if it lingers. */
  async shutdown(timeoutMs = 5_000): Promise<number | null> {
    if (!this.running) return this.exitCode ?? null;
    try {
      await this.request('shutdown', undefined, timeoutMs);
      this.notify('exit');
    } catch {
      // fall through to the kill below
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** Messages the server logged as errors (a handler that threw, a rule that failed). */
  errorLogs(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message as string);
  }

  logMessages(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message as string);
  }

  // -------------------------------------------------------------------------------------------
  // Framing

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad header from the server: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method && message.id !== undefined) {
      this.serverRequests.push(message);
      const handler = this.handlers.get(message.method);
      Promise.resolve()
        .then(() => (handler ? handler(message.params) : Promise.reject(new Error(`unhandled ${message.method}`))))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
          (error: Error) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: error.message } }),
        );
      return;
    }
    if (message.method) {
      this.notifications.push(message);
      if (message.method === 'textDocument/publishDiagnostics') this.diagnostics.set(message.params.uri, message.params);
      for (const w of [...this.waiters]) {
        if (w.method !== message.method || !w.predicate(message.params)) continue;
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(message.params);
      }
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (pending) {
      this.pending.delete(message.id as number);
      pending.resolve(message);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures and text helpers

/** A temporary copy of a fixture project; `cleanup` removes it. */
export function copyFixture(name: string): { root: string; cleanup: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'djd-protocol-'));
  const root = join(parent, name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return { root, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return Math.min(offset + position.character, end);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `occurrence`-th (0-based) match of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The new texts a WorkspaceEdit produces, keyed by URI. */
export function applyWorkspaceEdit(edit: { changes?: Record<string, TextEdit[]> }, textOf: (uri: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, applyTextEdits(textOf(uri), edits));
  return out;
}

export function codes(p: PublishDiagnosticsParams | undefined): string[] {
  return (p?.diagnostics ?? []).map((d) => String(d.code));
}

/** Whether a process id is still alive. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
