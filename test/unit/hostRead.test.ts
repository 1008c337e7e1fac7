// host/read.ts on a real disk: only regular files are opened (a FIFO never blocks a read), sizes
// are capped, binary files refused, and source text decoded the way Python decodes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource, MAX_FILE_BYTES } from '../../server/src/host/read';
import { probeStaticRoot } from '../../server/src/host/walk';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'django-deploy-read-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a FIFO, a symlink to a FIFO, a directory and /dev/zero are refused at once, with the reason', { timeout: 10_000 }, () => {
  const { dir, done } = scratch();
  try {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync(join(dir, 'pipe'), join(dir, 'settings.py'));
    mkdirSync(join(dir, 'folder.py'));
    const cases: [string, RegExp][] = [
      [join(dir, 'pipe'), /not a regular file \(a named pipe\)/],
      [join(dir, 'settings.py'), /not a regular file \(a named pipe\)/],
      [join(dir, 'folder.py'), /not a regular file \(a directory\)/],
      ['/dev/zero', /not a regular file \(a device\)/],
      [join(dir, 'missing.py'), /no such file/],
    ];
    for (const [path, reason] of cases) {
      const r = readSource(path);
      assert.equal(r.ok, false, path);
      assert.match((r as { reason: string }).reason, reason, path);
    }
  } finally {
    done();
  }
});

test('size cap, binary files, byte order marks', () => {
  const { dir, done } = scratch();
  try {
    writeFileSync(join(dir, 'big.py'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    assert.match((readSource(join(dir, 'big.py')) as { reason: string }).reason, /larger than 2 MB/);
    writeFileSync(join(dir, 'bin.py'), Buffer.from([0x44, 0x00, 0x45]));
    assert.match((readSource(join(dir, 'bin.py')) as { reason: string }).reason, /binary/);
    writeFileSync(join(dir, 'bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('DEBUG = True\n')]));
    assert.deepEqual(readSource(join(dir, 'bom.py')), { ok: true, text: 'DEBUG = True\n', bom: true, encoding: 'utf-8' });
  } finally {
    done();
  }
});

test('PEP 263: a coding declaration on line 1 or 2 decodes the module as Python does; without one, UTF-8 or refused', () => {
  const { dir, done } = scratch();
  try {
    const latin = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nNAME = "'), Buffer.from([0xe9, 0x80]), Buffer.from('"\nDEBUG = True\n')]);
    writeFileSync(join(dir, 'latin.py'), latin);
    const r = readSource(join(dir, 'latin.py'));
    assert.equal(r.ok && r.encoding, 'iso-8859-1');
    // True ISO-8859-1 (Python's latin-1), not windows-1252: 0x80 is U+0080.
    assert.equal(r.ok && r.text.split('"')[1], '\u00e9\u0080');
    writeFileSync(join(dir, 'second.py'), Buffer.concat([Buffer.from('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nX = "'), Buffer.from([0x80]), Buffer.from('"\n')]));
    const cp = readSource(join(dir, 'second.py'));
    assert.equal(cp.ok && cp.text.split('"')[1], '\u20ac');
    writeFileSync(join(dir, 'late.py'), Buffer.concat([Buffer.from('X = 1\n# coding: latin-1\nY = "'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    assert.match((readSource(join(dir, 'late.py')) as { reason: string }).reason, /not UTF-8 text/, 'a declaration after code does not count');
    writeFileSync(join(dir, 'unknown.py'), '# coding: klingon\nX = 1\n');
    assert.match((readSource(join(dir, 'unknown.py')) as { reason: string }).reason, /unknown encoding 'klingon'/);
    // Templates are not Python: no declaration is read.
    writeFileSync(join(dir, 'page.html'), Buffer.concat([Buffer.from('<!-- coding: latin-1 -->\n'), Buffer.from([0xe9])]));
    assert.equal(readSource(join(dir, 'page.html')).ok, false);
  } finally {
    done();
  }
});

test('the STATIC_ROOT probe looks at a bounded number of entries: a tree of 30,000 empty folders is "not seen whole", not "empty"', { timeout: 60_000 }, async () => {
  const { dir, done } = scratch();
  try {
    for (let i = 0; i < 150; i++) {
      const parent = join(dir, `d${i}`);
      mkdirSync(parent);
      for (let j = 0; j < 200; j++) mkdirSync(join(parent, `e${j}`));
    }
    const probe = await probeStaticRoot(dir);
    assert.equal(probe.exists, true);
    assert.equal(probe.files, 0);
    assert.equal(probe.truncated, true);
    writeFileSync(join(dir, 'staticfiles.json'), '{}');
    const small = scratch();
    try {
      writeFileSync(join(small.dir, 'a.css'), '');
      assert.deepEqual(await probeStaticRoot(small.dir), { exists: true, files: 1, manifest: false, truncated: false });
    } finally {
      small.done();
    }
  } finally {
    done();
  }
});
