// Random edits through the protocol: the built server answers every version, every published
// range lies inside the document, hovers and code actions keep answering, nothing is logged as
// an error and the process stays alive.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, copyFixture, positionAt, uriOf, type Range } from './lspClient';
// @ts-expect-error: a plain .mjs module shared with the benchmark
import { branchySettings } from '../../scripts/bench/settings.mjs';

/** Deterministic PRNG (mulberry32): a failure replays from its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = ['[', ']', '(', '{', '}', '"', "'", '\n', '    ', ':', ',', '=', 'if DEBUG:\n    ', 'from .base import *\n', 'os.environ.get(', '\\', '#', 'é', '😀', 'DEBUG = True\n', 'SECURE_HSTS_SECONDS = '];

function inside(text: string, range: Range): boolean {
  const lines = text.split('\n');
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(range.start) && ok(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

describe('random edits through the protocol', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let client: LspClient;

  before(async () => {
    fixture = copyFixture('startproject');
    client = new LspClient();
    await client.initialize(fixture.root);
  });

  after(async () => {
    await client.shutdown();
    fixture.cleanup();
  });

  it('400 edits: every version answered, every range inside its document', { timeout: 120_000 }, async () => {
    const file = join(fixture.root, 'mysite/settings.py');
    const uri = uriOf(file);
    const original = readFileSync(file, 'utf8');
    let text = original;
    const random = rng(2026);
    const opened = client.waitForDiagnostics(uri, 1);
    client.open(uri, text);
    await opened;
    let version = 1;
    for (let i = 0; i < 400; i++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = random() < 0.5 ? start : Math.min(text.length, start + Math.floor(random() * 30));
      const insert = random() < 0.7 ? FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] : '';
      // Never split a surrogate pair: LSP positions are UTF-16, the edit must be too.
      if (/[\udc00-\udfff]/.test(text[start] ?? '') || /[\udc00-\udfff]/.test(text[end] ?? '')) continue;
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      const waiting = client.waitForDiagnostics(uri, version + 1);
      version = client.change(uri, [{ range, text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
      const published = await waiting;
      for (const d of published.diagnostics) assert.ok(inside(text, d.range), `edit ${i}: ${d.code} at ${JSON.stringify(d.range)} lies outside the document`);
      if (i % 25 === 0) {
        const at = positionAt(text, Math.floor(random() * text.length));
        await client.request('textDocument/hover', { textDocument: { uri }, position: at });
        const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: published.diagnostics } });
      }
      if (random() < 0.03) {
        // Back to a clean slate now and then, like undoing everything.
        const back = client.waitForDiagnostics(uri, version + 1);
        version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }, text: original }]);
        text = original;
        await back;
      }
    }
    assert.equal(client.running, true);
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
  });
});

describe('settings the server must get through', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let client: LspClient;

  before(async () => {
    fixture = copyFixture('startproject');
    client = new LspClient();
    await client.initialize(fixture.root);
  });

  after(async () => {
    await client.shutdown();
    fixture.cleanup();
  });

  it('20,000 lines of nested undecidable branches changing the same lists: diagnostics published, nothing logged as an error', { timeout: 120_000 }, async () => {
    // Each merge after a branch is computed from the one before: a chain thousands deep that
    // must not be walked by recursion, whichever value is read first (the server reads the
    // symbolic values first, the CLI the concrete ones). At this size a recursive walk overflows.
    const file = join(fixture.root, 'mysite/settings.py');
    const uri = uriOf(file);
    const text = (branchySettings as (lines: number) => string)(20_000);
    const opened = client.waitForDiagnostics(uri, 1, 90_000);
    client.open(uri, text);
    const published = await opened;
    const codes = published.diagnostics.map((d) => String(d.code));
    assert.ok(!codes.includes('DJD000'), `no analysis failure: ${published.diagnostics.map((d) => d.message).join(' | ')}`);
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
    // DEBUG comes from a helper reading the environment (off when unset), ALLOWED_HOSTS from its
    // default: neither W018 nor W020, while the HSTS setting only set on CI leaves W004 standing.
    assert.ok(!codes.includes('security.W018') && !codes.includes('security.W020'), `DEBUG and ALLOWED_HOSTS are decided: ${codes.join(' ')}`);
    assert.ok(codes.length > 0, 'the checks still decide something');
  });
});
