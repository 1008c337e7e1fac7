// The frame guard in front of the server's message reader (server/src/lsp/frames.ts): every
// byte passes through unchanged until a frame announces more than the limit, wherever the
// stream is cut into chunks (headers split mid-word, bodies with multi-byte characters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { framesBelow } from '../../server/src/lsp/frames';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;

/** Feeds `bytes` cut at `cuts`; returns what passed and the oversize length announced, if any. */
function feed(bytes: Buffer, cuts: number[], max: number): { passed: Buffer; oversize?: number } {
  const input = new PassThrough();
  const chunks: Buffer[] = [];
  let oversize: number | undefined;
  framesBelow(max, input, (n) => (oversize = n)).on('data', (c: Buffer) => chunks.push(c));
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    input.write(bytes.subarray(at, cut));
    at = cut;
  }
  return { passed: Buffer.concat(chunks), oversize };
}

test('normal traffic passes unchanged, cut anywhere', () => {
  const bytes = Buffer.from(frame('{"jsonrpc":"2.0","id":1,"result":"é—ü"}') + frame('{}') + frame('{"method":"x","params":{"text":"Content-Length: 99999999999\\r\\n\\r\\n"}}'));
  for (let a = 1; a < bytes.length; a++) {
    for (const b of [a + 1, a + 5, bytes.length - 2]) {
      if (b <= a || b >= bytes.length) continue;
      const r = feed(bytes, [a, b], 1_000);
      assert.equal(r.oversize, undefined, `cut at ${a}, ${b}`);
      assert.ok(r.passed.equals(bytes), `cut at ${a}, ${b}`);
    }
  }
});

test('a frame announcing more than the limit stops the stream, however its header is cut', () => {
  const before = frame('{"id":1,"body":"ü"}');
  const bytes = Buffer.from(before + 'Content-Length: 99999999999\r\n\r\n{}' + frame('{"id":2}'));
  for (let a = 1; a < bytes.length; a++) {
    for (const b of [a + 1, a + 3, a + 11]) {
      if (b >= bytes.length) continue;
      const r = feed(bytes, [a, b], 1_000);
      assert.equal(r.oversize, 99_999_999_999, `cut at ${a}, ${b}`);
      // Nothing after the oversized header reaches the reader.
      assert.ok(r.passed.length <= Buffer.byteLength(before) + 'Content-Length: 99999999999\r\n\r\n'.length, `cut at ${a}, ${b}`);
      assert.ok(!r.passed.includes('"id":2'), `cut at ${a}, ${b}`);
    }
  }
});
