// A `django-admin startproject` settings module (Django 3.2 pinned in requirements.txt), edited
// through the protocol: diagnostics and their ranges, edits that fix them, code actions, hover,
// half-typed text and documents that are not analysed.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, applyWorkspaceEdit, codes, copyFixture, positionAt, rangeOf, uriOf, type Diagnostic, type PublishDiagnosticsParams } from './lspClient';

const PYTHON = '/usr/bin/python3';

/** Whether Python accepts the text as a module (skipped when Python is not installed). */
function pythonParses(text: string): boolean | undefined {
  if (!existsSync(PYTHON)) return undefined;
  const r = spawnSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: text, timeout: 10_000 });
  return r.status === 0;
}

function find(p: PublishDiagnosticsParams, code: string): Diagnostic {
  const d = p.diagnostics.find((x) => x.code === code);
  assert.ok(d, `${code} expected among ${codes(p).join(', ')}`);
  return d;
}

describe('startproject settings.py', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let client: LspClient;
  let file: string;
  let uri: string;
  let original: string;
  let text: string;
  let version: number;

  /** Replaces the whole document and waits for the diagnostics of the new version. */
  async function replaceText(next: string): Promise<PublishDiagnosticsParams> {
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const waiting = client.waitForDiagnostics(uri, version + 1);
    version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text: next }]);
    text = next;
    return waiting;
  }

  before(async () => {
    fixture = copyFixture('startproject');
    file = join(fixture.root, 'mysite/settings.py');
    uri = uriOf(file);
    original = readFileSync(file, 'utf8');
    text = original;
    client = new LspClient();
    await client.initialize(fixture.root);
  });

  after(async () => {
    assert.deepEqual(client.errorLogs(), [], 'the server logged no errors');
    await client.shutdown();
    fixture.cleanup();
  });

  it('publishes the deployment warnings of a fresh startproject, on the right names', async () => {
    const waiting = client.waitForDiagnostics(uri, 1);
    client.open(uri, text);
    version = 1;
    const p = await waiting;
    for (const code of ['security.W009', 'security.W018', 'security.W020', 'security.W004', 'security.W008', 'security.W012', 'security.W016']) find(p, code);

    const debugLine = rangeOf(text, 'DEBUG = True').start.line;
    assert.deepEqual(find(p, 'security.W018').range, { start: { line: debugLine, character: 0 }, end: { line: debugLine, character: 5 } });
    assert.deepEqual(find(p, 'security.W009').range, rangeOf(text, 'SECRET_KEY'));
    assert.deepEqual(find(p, 'security.W020').range, rangeOf(text, 'ALLOWED_HOSTS'));
    // Missing HSTS and SSL redirect: anchored on the SecurityMiddleware item that enables the checks.
    assert.deepEqual(find(p, 'security.W004').range, rangeOf(text, "'django.middleware.security.SecurityMiddleware'"));

    const w018 = find(p, 'security.W018');
    assert.equal(w018.severity, 2);
    assert.equal(w018.source, 'Django Deploy');
    assert.match(w018.codeDescription!.href, /^https:\/\/docs\.djangoproject\.com\//);
    assert.deepEqual(w018.data, { code: 'security.W018', start: text.indexOf('DEBUG = True'), end: text.indexOf('DEBUG = True') + 5 });
    for (const d of p.diagnostics) assert.ok(d.codeDescription?.href, `${d.code} has a documentation link`);
  });

  it('drops W018 when DEBUG becomes False with a one-word incremental edit', async () => {
    const range = rangeOf(text, 'True', 0);
    assert.equal(range.start.line, rangeOf(text, 'DEBUG = True').start.line);
    const waiting = client.waitForDiagnostics(uri, version + 1);
    version = client.change(uri, [{ range, text: 'False' }]);
    text = text.replace('DEBUG = True', 'DEBUG = False');
    const p = await waiting;
    assert.ok(!codes(p).includes('security.W018'), `W018 gone: ${codes(p).join(', ')}`);
    assert.ok(codes(p).includes('security.W009'));

    const back = await replaceText(original);
    assert.ok(codes(back).includes('security.W018'));
  });

  it('offers a quick fix for W018 whose edit removes the warning', async () => {
    const debug = rangeOf(text, 'DEBUG');
    const diagnostics = client.diagnostics.get(uri)!.diagnostics;
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: debug,
      context: { diagnostics: diagnostics.filter((d) => d.range.start.line === debug.start.line), only: ['quickfix'] },
    });
    const fix = actions.find((a: any) => a.diagnostics?.some((d: Diagnostic) => d.code === 'security.W018'));
    assert.ok(fix, `a quick fix for W018 among ${actions.map((a: any) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.ok(!actions.some((a: any) => a.kind === 'source.fixAll.djangoDeploy'), 'only quick fixes were asked for');

    const next = applyWorkspaceEdit(fix.edit, (u) => (u === uri ? text : readFileSync(new URL(u), 'utf8'))).get(uri);
    assert.ok(next && next !== text);
    assert.equal(pythonParses(next) ?? true, true, 'the fixed module is valid Python');
    const p = await replaceText(next);
    assert.ok(!codes(p).includes('security.W018'), `W018 fixed: ${codes(p).join(', ')}`);
    await replaceText(original);
  });

  it('offers one fix-all action whose edits give valid Python without the fixed warnings', async () => {
    const before = client.diagnostics.get(uri)!;
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const [all] = actions;
    assert.equal(all.kind, 'source.fixAll.djangoDeploy');
    assert.equal(all.title, 'Fix all safe Django Deploy problems');
    const next = applyWorkspaceEdit(all.edit, () => text).get(uri)!;
    assert.equal(pythonParses(next) ?? true, true, 'the fixed module is valid Python');
    const p = await replaceText(next);
    assert.ok(!codes(p).includes('security.W018'));
    assert.ok(p.diagnostics.length < before.diagnostics.length, 'fewer findings after fix-all');
    // Unsafe fixes (SECRET_KEY from the environment) are left to the user.
    assert.ok(codes(p).includes('security.W009'));

    const none = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(none));
    await replaceText(original);
  });

  it('applies a fix through djangoDeploy.server.applyFix with workspace/applyEdit', async () => {
    const w018 = client.diagnostics.get(uri)!.diagnostics.find((d) => d.code === 'security.W018')!;
    const edits: any[] = [];
    client.onRequest('workspace/applyEdit', (params) => {
      edits.push(params);
      return { applied: true };
    });
    const result = await client.request('workspace/executeCommand', { command: 'djangoDeploy.server.applyFix', arguments: [{ uri, ...(w018.data as object) }] });
    assert.deepEqual(result, { applied: true });
    assert.equal(edits.length, 1);
    assert.match(edits[0].label, /DEBUG/);
    const next = applyWorkspaceEdit(edits[0].edit, () => text).get(uri)!;
    assert.match(next, /^DEBUG = os\.environ/m);
    const missing = await client.request('workspace/executeCommand', { command: 'djangoDeploy.server.applyFix', arguments: [{ uri, code: 'nope', start: 0, end: 0 }] });
    assert.deepEqual(missing, { applied: false });
  });

  it('shows the value and where it is set when hovering DEBUG', async () => {
    const at = rangeOf(text, 'DEBUG = True').start;
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: at.line, character: 2 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*DEBUG\*\*/);
    assert.match(hover.contents.value, /`True`/);
    assert.ok(hover.contents.value.includes(`settings.py:${at.line + 1}`), hover.contents.value);
    assert.deepEqual(hover.range, { start: at, end: { line: at.line, character: 5 } });

    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);
  });

  it('keeps reporting later lines while a bracket is left open mid-file', async () => {
    const halfTyped = original.replace('# SECURITY WARNING: keep', "CACHES = {\n    'default': [\n# SECURITY WARNING: keep");
    const p = await replaceText(halfTyped);
    for (const code of ['security.W009', 'security.W018', 'security.W004']) assert.ok(codes(p).includes(code), `${code} still reported: ${codes(p).join(', ')}`);
    // Typing on, one character at a time, through states that do not parse.
    const line = rangeOf(text, "    'default': [").end;
    let offset = text.split('\n').slice(0, line.line).join('\n').length + 1 + line.character;
    for (const ch of "'x': (1, ") {
      const pos = positionAt(text, offset);
      const waiting = client.waitForDiagnostics(uri, version + 1);
      version = client.change(uri, [{ range: { start: pos, end: pos }, text: ch }]);
      text = text.slice(0, offset) + ch + text.slice(offset);
      offset++;
      const q = await waiting;
      assert.ok(codes(q).includes('security.W018'));
    }
    assert.equal(client.running, true);
    await replaceText(original);
  });

  it('reports a missing STATICFILES_DIRS folder as Django 3.2 (the pinned version) does', async () => {
    const withDirs = `${original}\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\n`;
    const p = await replaceText(withDirs);
    // Django 3.2 (requirements.txt): the missing folder stops collectstatic (DJD116), not staticfiles.W004.
    assert.ok(codes(p).includes('DJD116'), codes(p).join(', '));
    assert.ok(!codes(p).includes('staticfiles.W004'));
    const d = find(p, 'DJD116');
    assert.deepEqual(d.range, rangeOf(text, "'assets'"));
    await replaceText(original);
  });

  it('does not analyse a binary document and keeps answering', async () => {
    const binaryUri = uriOf(join(fixture.root, 'mysite/blob.py'));
    const quiet = client.quietFor('textDocument/publishDiagnostics', (p) => p.uri === binaryUri, 700);
    client.open(binaryUri, `DEBUG = True\n\0\0\0${'\u0001'.repeat(100)}`);
    assert.equal(await quiet, true, 'no diagnostics for a binary document');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: binaryUri }, position: { line: 0, character: 1 } });
    assert.equal(hover, null);
    assert.ok(client.logMessages().some((m) => m.includes('blob.py') && m.includes('binary')));
    client.close(binaryUri);
  });

  it('does not analyse a document over 2 MB and keeps answering', async () => {
    const hugeUri = uriOf(join(fixture.root, 'mysite/huge_settings.py'));
    const huge = 'DEBUG = True\n' + '# padding padding padding padding padding padding padding padding\n'.repeat(40_000);
    assert.ok(huge.length > 2 * 1024 * 1024);
    const quiet = client.quietFor('textDocument/publishDiagnostics', (p) => p.uri === hugeUri, 700);
    client.open(hugeUri, huge);
    assert.equal(await quiet, true, 'no diagnostics for a huge document');
    // A keystroke in it is ignored too, and logged only once.
    client.change(hugeUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }]);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: hugeUri }, position: { line: 0, character: 1 } });
    assert.equal(hover, null);
    assert.equal(client.logMessages().filter((m) => m.includes('huge_settings.py')).length, 1);
    client.close(hugeUri);
    // The settings module is still served.
    const p = await replaceText(original.replace('DEBUG = True', 'DEBUG = 1'));
    assert.ok(codes(p).includes('security.W018'));
  });
});
