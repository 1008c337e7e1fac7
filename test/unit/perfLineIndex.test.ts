// Line positions computed in one pass (each line break searched for once over the text) are the
// positions of the plain definition: every \n, \r\n and lone \r ends a line, an offset between
// \r and \n is still on the line before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lineColumn } from '../../server/src/engine/text';

/** The definition, one character at a time. */
function reference(text: string, offset: number): { line: number; character: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < o; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    } else if (c === '\r' && i + 2 <= o) {
      line++;
      lineStart = i + 2;
      i++;
    }
  }
  return { line, character: o - lineStart };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('LineIndex and lineColumn give the positions of the definition on texts mixing \\n, \\r\\n and lone \\r', () => {
  const rnd = random(11);
  const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\r\r\n', '\n\r', '—', '{% x %}'];
  for (let round = 0; round < 400; round++) {
    let text = '';
    const length = Math.floor(rnd() * 40);
    // Some texts without any \r, some without any \n: each kind of break is searched for on its own.
    const only = round % 3 === 0 ? ['a', 'bc', '\n', '—'] : round % 3 === 1 ? ['a', '\r', ' '] : pieces;
    for (let k = 0; k < length; k++) text += only[Math.floor(rnd() * only.length)];
    const index = new LineIndex(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      const expected = reference(text, offset);
      assert.deepEqual(index.position(offset), expected, `LineIndex ${JSON.stringify(text)} at ${offset}`);
      assert.deepEqual(lineColumn(text, offset), expected, `lineColumn ${JSON.stringify(text)} at ${offset}`);
    }
    assert.equal(index.lineCount, reference(text, text.length).line + 1, `line count of ${JSON.stringify(text)}`);
  }
});

test('a long text without \\r is indexed in linear time', () => {
  const text = 'x'.repeat(60).concat('\n').repeat(100_000);
  const t0 = performance.now();
  const index = new LineIndex(text);
  const ms = performance.now() - t0;
  assert.equal(index.lineCount, 100_001);
  assert.deepEqual(index.position(text.length - 1), { line: 99_999, character: 60 });
  // Searching the rest of the text for a \r at every line took seconds here.
  assert.ok(ms < 1000, `indexing 100,000 lines took ${ms.toFixed(0)} ms`);
});
