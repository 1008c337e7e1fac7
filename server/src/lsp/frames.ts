// The frames of an LSP byte stream, read on the way to the message reader: one announcing more
// than the reader should ever wait for ends the connection (lsp/main.ts).

import { PassThrough, type Readable } from 'node:stream';

/**
 * The largest frame read. A frame announcing more (`Content-Length: 99999999999`) would have
 * the reader wait for it and swallow every later message: the connection ends instead. The
 * biggest real message, a 2 MB document with every character escaped, is far below.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * `input` passed through unchanged, its frame headers read on the way: `oversize` is called
 * (and nothing more passed on) for a frame announcing more than `max` bytes. Malformed headers
 * are the reader's to report.
 */
export function framesBelow(max: number, input: Readable, oversize: (length: number) => void): Readable {
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
