// "Did you mean" through the trigram index gives what measuring every path gives, and a few
// thousand missing paths against thousands of files cost an index lookup each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as posix from 'node:path/posix';
import { closestStaticPaths, type StaticFile } from '../../server/src/engine/templates/staticFinders';

function rng(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** The reference: every path measured (the definition the index must keep). */
function bruteForce(paths: string[], path: string, max = 3): string[] {
  const base = posix.basename(path);
  const allowed = Math.min(Math.max(2, Math.floor(path.length / 6)), 6);
  const scored: [number, string][] = [];
  for (const c of paths) {
    if (Math.abs(c.length - path.length) > 8 && posix.basename(c) !== base) continue;
    const d = posix.basename(c) === base ? Math.min(2, lev(c, path)) : lev(c, path);
    if (d <= allowed) scored.push([d, c]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).slice(0, max).map(([, c]) => c);
}

function lev(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(prev[b.length], 7);
}

test('the index gives what measuring every path gives, on 800 random near misses', () => {
  const r = rng(3);
  const words = ['img', 'css', 'js', 'vendor', 'app', 'logo', 'site', 'icons', 'fonts', 'bootstrap', 'main', 'aaa', 'a'];
  const exts = ['.png', '.css', '.js', '.svg', '.woff2'];
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const paths = new Set<string>();
  while (paths.size < 1500) paths.add(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words)).join('/') + '/' + pick(words) + Math.floor(r() * 50) + pick(exts));
  const list = [...paths];
  const index = new Map<string, StaticFile>(list.map((p) => [p, {} as StaticFile]));
  for (let i = 0; i < 800; i++) {
    let q = pick(list);
    const edits = Math.floor(r() * 5);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(r() * (q.length + 1));
      const kind = r();
      q = kind < 0.33 ? q.slice(0, at) + pick(['a', 'x', '/', '.']) + q.slice(at) : kind < 0.66 ? q.slice(0, at) + q.slice(at + 1) : q.slice(0, at) + 'z' + q.slice(at + 1);
    }
    if (i % 10 === 0) q = pick(['a.png', 'x', 'img/' + pick(list).split('/').pop()]);
    assert.deepEqual(closestStaticPaths(index, q), bruteForce(list, q), q);
  }
});

test('1,000 missing paths against 5,000 files: answered through the index (measuring every path took minutes)', { timeout: 60_000 }, () => {
  const index = new Map<string, StaticFile>();
  for (let i = 0; i < 5000; i++) index.set(`assets/section${i % 50}/images/picture-${i}.png`, {} as StaticFile);
  for (let i = 0; i < 1000; i++) {
    const found = closestStaticPaths(index, `assets/section${i % 50}/images/picture-${i}.pngx`);
    assert.equal(found[0], `assets/section${i % 50}/images/picture-${i}.png`);
  }
});
