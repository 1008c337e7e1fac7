// The changed range between two texts, found block by block, equals the one a character-by-character
// scan finds; an incremental parse after any edit equals a parse from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedRange, parsePython } from '../../server/src/engine/python/parse';
import { STARTPROJECT } from './helpers';
import { LineIndex, eolOf, lineColumn } from '../../server/src/engine/text';

function naive(a: string, b: string) {
  let s = 0;
  const m = Math.min(a.length, b.length);
  while (s < m && a[s] === b[s]) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  return { fromA: s, toA: ea, fromB: s, toB: eb };
}

function rng(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

test('changedRange equals a character-by-character scan on 3,000 random edits, block edges included', () => {
  const r = rng(7);
  const base = STARTPROJECT.repeat(40);
  for (let i = 0; i < 3000; i++) {
    const a = base.slice(0, Math.floor(r() * base.length));
    const at = i % 10 === 0 ? 2048 * Math.floor(r() * 4) : Math.floor(r() * a.length);
    const removed = Math.floor(r() * 5000 * r());
    const inserted = 'x'.repeat(Math.floor(r() * 3));
    const b = a.slice(0, at) + inserted + a.slice(at + removed);
    assert.deepEqual(changedRange(a, b), naive(a, b), `edit ${i}: at ${at}, -${removed} +${inserted.length}`);
  }
});

test('an incremental parse of valid code gives the tree a fresh parse gives, after any broken state in between', () => {
  // Lezer's recovery from broken code may differ with the fragments it reuses; once the code is
  // valid again (the edit undone, a line finished), the tree must be the fresh one.
  const r = rng(11);
  const valid = STARTPROJECT.repeat(5);
  const fresh = parsePython(valid).tree.toString();
  let parsed = parsePython(valid);
  for (let i = 0; i < 200; i++) {
    const at = Math.floor(r() * valid.length);
    const piece = ['\n', 'X = [', ']', '    ', 'if DEBUG:\n    ', '"', '#', '(', '"""'][i % 9];
    const broken = r() < 0.5 ? valid.slice(0, at) + piece + valid.slice(at) : valid.slice(0, at) + valid.slice(at + Math.floor(r() * 40));
    parsed = parsePython(broken, parsed);
    parsed = parsePython(valid, parsed);
    assert.equal(parsed.tree.toString(), fresh, `edit ${i}`);
  }
  // Typing a new setting line by line, character by character.
  let text = valid;
  const line = 'NEW_SETTING = {"a": [1, 2], "b": os.environ.get("B", "x")}\n';
  let offset = valid.indexOf('\nDEBUG') + 1;
  for (const ch of line) {
    text = text.slice(0, offset) + ch + text.slice(offset);
    offset++;
    parsed = parsePython(text, parsed);
  }
  assert.equal(parsed.tree.toString(), parsePython(text).tree.toString());
});

test('lines break at \\n, \\r\\n and a lone \\r (Python and LSP alike): positions and offsets round-trip', () => {
  const text = 'a = 1\rb = 2\r\nc = 3\nd = 4\r\re';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 6);
  const expected = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0]];
  const starts = [0, 6, 13, 19, 25, 26];
  starts.forEach((offset, i) => {
    assert.deepEqual(index.position(offset), { line: expected[i][0], character: 0 });
    assert.deepEqual(lineColumn(text, offset), { line: i, character: 0 });
    assert.equal(index.offset(i, 0), offset);
  });
  // Past the end of a line: its end, before the break (both characters of \r\n).
  assert.equal(index.offset(1, 99), 11);
  assert.deepEqual(lineColumn(text, 12), { line: 1, character: 6 }, 'between \\r and \\n: still the line before');
  assert.equal(eolOf('x = 1\ry = 2\r'), '\r');
  assert.equal(eolOf('x = 1\r\ny = 2\r\n'), '\r\n');
  assert.equal(eolOf('x = 1'), '\n');
});
