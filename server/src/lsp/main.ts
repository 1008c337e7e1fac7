// Entry point of dist/server.js. The transport comes from the command line (--stdio,
// --node-ipc, --socket=N, --pipe=NAME), as vscode-languageserver reads it.

import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { PassThrough, type Readable } from 'node:stream';
import { DjangoDeployServer } from './server';

/**
 * The largest frame read. A frame announcing more (`Content-Length: 99999999999`) would have
 * the reader wait for it and swallow every later message: the connection ends instead. The
 * biggest real message, a 2 MB document with every character escaped, is far below.
 */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * `input` passed through unchanged, its frame headers read on the way: `oversize` is called
 * (and nothing more passed on) for a frame announcing more than `max` bytes. Malformed headers
 * are the reader's to report.
 */
function framesBelow(max: number, input: Readable, oversize: (length: number) => void): Readable {
  const output = new PassThrough();
  let header = '';
  let body = 0; // bytes of the current frame's content still to come
  let stopped = false;
  input.on('data', (chunk: Buffer) => {
    if (stopped) return;
    let at = 0;
    while (at < chunk.length) {
      if (body > 0) {
        const n = Math.min(body, chunk.length - at);
        body -= n;
        at += n;
        continue;
      }
      // Header bytes, a few KB at a time (headers are short; the end may come in a later chunk).
      const take = Math.min(chunk.length, at + 4096);
      const before = header.length;
      header += chunk.toString('latin1', at, take);
      const end = header.indexOf('\r\n\r\n');
      if (end < 0) {
        at = take;
        if (header.length > 64 * 1024) header = header.slice(-3); // garbage: the reader reports it
        continue;
      }
      at += end + 4 - before;
      const length = Number(/Content-Length:[ \t]*(\d+)/i.exec(header.slice(0, end))?.[1] ?? 0);
      header = '';
      if (length > max) {
        stopped = true;
        oversize(length);
        return;
      }
      body = length;
    }
    output.write(chunk);
  });
  input.on('end', () => output.end());
  input.on('error', (error) => output.destroy(error));
  return output;
}

// Over stdio a frame with a bad header (no or a malformed Content-Length) leaves the reader's
// buffer out of step for good: every later message would be lost and the server deaf. End the
// connection instead: the client sees the exit and starts a new server.
const stdio = process.argv.includes('--stdio');
const reader = stdio ? new StreamMessageReader(framesBelow(MAX_FRAME_BYTES, process.stdin, (length) => {
  server.logError('reading a message (the connection ends; the client restarts the server)', new Error(`a frame announces ${length} bytes, over the ${MAX_FRAME_BYTES}-byte limit`));
  setImmediate(() => process.exit(1));
})) : undefined;
const connection = reader ? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
const server = new DjangoDeployServer(connection);
// Input closed without an `exit` notification (which exits on its own): the client is gone.
reader?.onClose(() => process.exit(1));
reader?.onError((error) => {
  server.logError('reading a message (the connection ends; the client restarts the server)', error);
  setImmediate(() => process.exit(1));
});

// A bug must cost one answer, never the server: log it and keep serving.
process.on('uncaughtException', (error) => server.logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => server.logError('unhandled rejection', reason));

server.listen();
