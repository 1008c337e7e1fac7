// Hostile workspaces through both shells. Each case builds a small Django project (manage.py,
// pkg/settings.py, wsgi.py, templates, static files) holding one hostile thing, then
//   (a) runs `node dist/cli.js check --format json ROOT` with a deadline and a heap cap, reading
//       its peak RSS: it finishes, its exit code matches what it printed, nothing it skipped goes
//       unnamed;
//   (b) starts the language server on the project and on a normal control project beside it,
//       opens nothing, lets it index and pre-analyse in the background, then asks what the client
//       asks (the checklist, the WSGI/ASGI comparison) and opens the control's settings: correct
//       answers within a bound, nothing logged as an error, a clean exit.
// A case that shows a defect in code this suite may not touch is kept as `todo` with the reason.

import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, REPO_ROOT, uriOf } from './lspClient';

const CLI_JS = join(REPO_ROOT, 'dist/cli.js');

/** A CLI run past this is killed and the case fails. */
const CLI_DEADLINE_MS = 30_000;
/** The CLI's V8 heap cap (a run that needs more dies instead of swapping) and its peak RSS bound. */
const CLI_HEAP_MB = 512;
const CLI_RSS_MB = 700;
/** The background walk of a hostile folder, from initialize to its "Indexed" line. */
const INDEX_MS = 30_000;
/** A normal request after the walk (the background analysis may still be running). */
const REQUEST_MS = 15_000;
const SERVER_RSS_MB = 800;
/** The longest a trivial request may wait while the server walks and analyses in the background. */
const LIVENESS_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Projects

const NORMAL_SETTINGS = `from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-0123456789abcdef'
DEBUG = True
ALLOWED_HOSTS = []
INSTALLED_APPS = ['django.contrib.staticfiles']
MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']
ROOT_URLCONF = 'pkg.urls'
TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates'], 'APP_DIRS': True, 'OPTIONS': {}}]
WSGI_APPLICATION = 'pkg.wsgi.application'
STATIC_URL = 'static/'
STATIC_ROOT = BASE_DIR / 'staticfiles'
STATICFILES_DIRS = [BASE_DIR / 'static']
`;

/** 0-based line of `DEBUG = True` in NORMAL_SETTINGS. */
const DEBUG_LINE = NORMAL_SETTINGS.split('\n').findIndex((l) => l.startsWith('DEBUG'));

const WSGI = `import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'pkg.settings')
application = get_wsgi_application()
`;

interface Project {
  root: string;
  /** Writes a file (folders created); returns its absolute path. */
  write(rel: string, content: string | Buffer): string;
  path(rel: string): string;
}

/** Temporary folders of this file; removed at the end with `rm -rf` (non-UTF-8 names, 200,000 folders, chmod 000). */
const scratch: string[] = [];
after(() => {
  for (const dir of scratch) {
    try {
      execFileSync('chmod', ['-R', 'u+rwX', dir], { stdio: 'ignore' });
    } catch {
      // best effort
    }
    execFileSync('rm', ['-rf', dir]);
  }
});

/** A new scratch folder; `memory`: on tmpfs when there is one (200,000 folders take minutes to delete on a disk). */
function scratchDir(memory = false): string {
  const base = memory && isWritableDirectory('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = fs.mkdtempSync(join(base, 'djd-hostile-'));
  scratch.push(dir);
  return dir;
}

function removeScratch(dir: string, chmod = true): void {
  if (chmod) execFileSync('chmod', ['-R', 'u+rwX', dir], { stdio: 'ignore' });
  execFileSync('rm', ['-rf', dir]);
  scratch.splice(scratch.indexOf(dir), 1);
}

function isWritableDirectory(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A small, normal Django project at `root`; `settings` replaces pkg/settings.py (null: none written). */
function djangoProject(root: string, settings: string | Buffer | null = NORMAL_SETTINGS): Project {
  const path = (rel: string) => join(root, rel);
  const write = (rel: string, content: string | Buffer) => {
    const file = path(rel);
    fs.mkdirSync(join(file, '..'), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  fs.mkdirSync(root, { recursive: true });
  write('manage.py', "#!/usr/bin/env python\nimport os, sys\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'pkg.settings')\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n");
  write('pkg/__init__.py', '');
  if (settings !== null) write('pkg/settings.py', settings);
  write('pkg/wsgi.py', WSGI);
  write('pkg/urls.py', 'urlpatterns = []\n');
  write('templates/base.html', "{% load static %}<!doctype html>\n<link rel=\"stylesheet\" href=\"{% static 'css/app.css' %}\">\n");
  write('static/css/app.css', 'body { margin: 0 }\n');
  write('requirements.txt', 'Django==4.2.11\ngunicorn==21.2.0\n');
  return { root, write, path };
}

// ---------------------------------------------------------------------------------------------
// The CLI

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
  rows: Row[];
}

/** Written next to the runs: reports the process's peak RSS (kB) when it exits. */
let rssProbe: string | undefined;
function peakRssProbe(): string {
  if (rssProbe) return rssProbe;
  rssProbe = join(scratchDir(), 'peak-rss.js');
  fs.writeFileSync(rssProbe, "process.on('exit', () => { try { require('fs').writeFileSync(process.env.DJD_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n");
  return rssProbe;
}

/** `node dist/cli.js check --format json ROOT` from ROOT, killed at the deadline (which fails the case). */
function runCli(root: string, deadlineMs = CLI_DEADLINE_MS, extra: string[] = []): Promise<CliRun> {
  const rssFile = join(tmpdir(), `djd-hostile-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${CLI_HEAP_MB}`, '--require', peakRssProbe(), CLI_JS, 'check', '--format', 'json', ...extra, root], {
      cwd: root,
      env: { ...process.env, DJD_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish within ${deadlineMs} ms (killed): ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`));
    }, deadlineMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      let peakRssMb = NaN;
      try {
        peakRssMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
        fs.rmSync(rssFile, { force: true });
      } catch {
        // no report: the process died before its exit handlers
      }
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      let rows: Row[] = [];
      try {
        rows = (JSON.parse(stdout) as { diagnostics: Row[] }).diagnostics;
      } catch {
        // asserted by cliSane
      }
      resolve({ status, signal, stdout, stderr, ms, peakRssMb, rows });
    });
  });
}

/**
 * What every run must be: it finished on its own, within the memory bound, printed JSON, did not
 * crash, and its exit code agrees with what it printed (2 only with a reason on stderr).
 */
function cliSane(r: CliRun, root: string): void {
  assert.equal(r.signal, null, `the CLI was killed by ${r.signal}: ${r.stderr.slice(0, 2000)}`);
  assert.ok([0, 1, 2].includes(r.status!), `exit code ${r.status}: ${r.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at .*\(.*:\d+:\d+\)|heap out of memory/i, 'no crash, no stack trace');
  assert.doesNotThrow(() => JSON.parse(r.stdout), `stdout is JSON: ${r.stdout.slice(0, 500)}`);
  assert.ok(r.peakRssMb < CLI_RSS_MB, `peak RSS ${r.peakRssMb.toFixed(0)} MB (bound ${CLI_RSS_MB} MB)`);
  const serious = r.rows.some((d) => d.severity === 'error' || d.severity === 'warning');
  if (r.status === 2) assert.match(r.stderr, /django-deploy: (could not analyse settings module|not fixed|cannot read) .+: .+/, 'exit 2 says why');
  else assert.equal(r.status, serious ? 1 : 0, `exit code ${r.status} agrees with the findings (${r.rows.map((d) => d.code).join(' ')})`);
  for (const d of r.rows) {
    assert.ok(fs.existsSync(join(root, d.file)), `a finding names a file that exists: ${JSON.stringify(d.file)}`);
    assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)), `a sane range: ${JSON.stringify(d)}`);
  }
}

const codesOf = (r: CliRun, file?: string) => r.rows.filter((d) => file === undefined || d.file === file).map((d) => d.code);

// ---------------------------------------------------------------------------------------------
// The language server

interface ChecklistItem {
  id: string;
  status: string;
  detail: string;
  placeCount: number;
  places: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; label: string }[];
}
interface ChecklistProject {
  root: string;
  name: string;
  settingsModule: string | undefined;
  items: ChecklistItem[];
  markdown: string;
}

interface Session {
  client: LspClient;
  /** Milliseconds from initialize to each folder's "Indexed" line. */
  indexMs: Map<string, number>;
  /** Timed requests of this session (name → ms), for the report. */
  timings: Record<string, number>;
  request<T = any>(name: string, method: string, params?: unknown, bound?: number): Promise<T>;
  checklist(bound?: number): Promise<ChecklistProject[]>;
}

const item = (p: ChecklistProject, id: string) => {
  const found = p.items.find((i) => i.id === id);
  assert.ok(found, `checklist item ${id}`);
  return found;
};

/**
 * Sends a trivial request (a hover in a document nobody opened) every 100 ms until stopped;
 * resolves with the longest wait for an answer: how long the server was deaf.
 */
function livenessProbe(client: LspClient): { stop(): Promise<number> } {
  let stopped = false;
  let slowest = 0;
  const loop = (async () => {
    while (!stopped && client.running) {
      const t0 = Date.now();
      try {
        await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/liveness.py' }, position: { line: 0, character: 0 } }, 60_000);
      } catch {
        // a server that died is caught by the checks after the case
      }
      slowest = Math.max(slowest, Date.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return slowest;
    },
  };
}

/** Peak RSS of a running process (VmHWM), in MB. */
function vmHwmMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * The server on `hostile` and a normal `control` project (two workspace folders), configured with
 * `settings` (answered to every workspace/configuration item). Opens nothing; waits for both walks;
 * runs `body`; then proves the server still answers normally: the control's settings, opened,
 * get their DEBUG warning on the right line; the checklist answers for both; no handler failed;
 * the memory stayed bounded; shutdown exits 0.
 */
async function withServer(
  hostile: string,
  control: Project,
  options: { settings?: unknown; indexMs?: number; expectErrors?: RegExp },
  body: (s: Session) => Promise<void>,
): Promise<Record<string, number>> {
  const client = new LspClient();
  const timings: Record<string, number> = {};
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  const indexMs = new Map<string, number>();
  const started = Date.now();
  const indexed = [hostile, control.root].map((root) =>
    client
      .waitForNotification('window/logMessage', (p: { message: string }) => p.message.startsWith(`Indexed ${root}:`) || p.message.startsWith(`Could not index ${root}:`), options.indexMs ?? INDEX_MS)
      .then(() => void indexMs.set(root, Date.now() - started)),
  );
  const session: Session = {
    client,
    indexMs,
    timings,
    async request(name, method, params = {}, bound = REQUEST_MS) {
      const t0 = Date.now();
      const result = await client.request(method, params, bound);
      timings[name] = Date.now() - t0;
      return result;
    },
    async checklist(bound = REQUEST_MS) {
      return (await session.request<{ projects: ChecklistProject[] }>('checklist', 'djangoDeploy/checklist', {}, bound)).projects;
    },
  };
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(hostile),
      workspaceFolders: [
        { uri: uriOf(hostile), name: 'hostile' },
        { uri: uriOf(control.root), name: 'control' },
      ],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    client.notify('initialized', {});
    // While the folders are walked and analysed in the background: a trivial request every 100 ms.
    const liveness = livenessProbe(client);
    await Promise.all(indexed);
    timings.index = Math.max(...indexMs.values());
    // The walk can end before the server asked for its settings (it asks on `initialized`): the
    // checklist must not be asked before that answer is in (a request after it is read after it).
    for (const t0 = Date.now(); !client.serverRequests.some((r) => r.method === 'workspace/configuration'); ) {
      assert.ok(Date.now() - t0 < REQUEST_MS, 'the server asks for its settings');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/settled.py' }, position: { line: 0, character: 0 } }, REQUEST_MS);

    await body(session);
    timings.slowestTrivialAnswer = await liveness.stop();
    assert.ok(timings.slowestTrivialAnswer < LIVENESS_MS, `a trivial request waited ${timings.slowestTrivialAnswer} ms during the background work (bound ${LIVENESS_MS} ms)`);

    // Still a normal server: the control project's settings get their diagnostics…
    const settings = control.path('pkg/settings.py');
    const published = client.waitForDiagnostics(uriOf(settings), 1, REQUEST_MS);
    const t0 = Date.now();
    client.open(uriOf(settings), fs.readFileSync(settings, 'utf8'));
    const diagnostics = (await published).diagnostics;
    timings.controlDiagnostics = Date.now() - t0;
    const debug = diagnostics.find((d) => d.code === 'security.W018');
    assert.ok(debug, `the control's DEBUG warning: ${diagnostics.map((d) => d.code).join(' ')}`);
    assert.equal(debug.range.start.line, DEBUG_LINE);
    // …and the checklist answers for both folders.
    const projects = await session.checklist();
    const controlProject = projects.find((p) => p.root === control.root);
    assert.ok(controlProject, `the control project is in the checklist: ${projects.map((p) => p.root).join(', ')}`);
    assert.equal(item(controlProject, 'debug').status, 'fail');
    const errors = client.errorLogs().filter((m) => !options.expectErrors?.test(m));
    assert.deepEqual(errors, [], 'no handler failed');
    const rss = vmHwmMb(client.child.pid!);
    timings.peakRssMb = Math.round(rss);
    assert.ok(rss < SERVER_RSS_MB, `server peak RSS ${rss.toFixed(0)} MB (bound ${SERVER_RSS_MB} MB)`);
    assert.equal(await client.shutdown(), 0, 'a clean exit after shutdown');
    return timings;
  } finally {
    client.kill();
  }
}

/** A hostile project and a control project side by side in a new scratch folder. */
function pair(settings: string | Buffer | null = NORMAL_SETTINGS, name = 'hostile', memory = false): { hostile: Project; control: Project; dir: string } {
  const dir = scratchDir(memory);
  return { dir, hostile: djangoProject(join(dir, name), settings), control: djangoProject(join(dir, 'control')) };
}

/** Timings per case, printed at the end (the report). */
const report: { name: string; cli?: string; server?: string }[] = [];
after(() => {
  const lines = report.map((r) => `${r.name}\n    CLI:    ${r.cli ?? '-'}\n    server: ${r.server ?? '-'}`);
  process.stdout.write(`\n# hostile workspaces: measurements\n${lines.map((l) => `# ${l.replace(/\n/g, '\n# ')}`).join('\n')}\n`);
});

function noteCli(name: string, r: CliRun): void {
  const entry = report.find((e) => e.name === name) ?? report[report.push({ name }) - 1];
  entry.cli = `exit ${r.status} in ${r.ms} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.rows.length} findings`;
}

function noteServer(name: string, timings: Record<string, number>): void {
  const entry = report.find((e) => e.name === name) ?? report[report.push({ name }) - 1];
  entry.server = Object.entries(timings)
    .map(([k, v]) => (k === 'peakRssMb' ? `peak RSS ${v} MB` : `${k} ${v} ms`))
    .join(', ');
}

/** Markdown links, images, autolinks and raw HTML outside code spans (what a project value must never become). */
function liveMarkup(markdown: string): string[] {
  // Code spans: a run of n backticks up to the next run of exactly n.
  const prose = markdown.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, ' ');
  const found: string[] = [];
  for (const m of prose.matchAll(/(?<!\\)!?(?<!\\)\[[^\]\n]*(?<!\\)\]\(|<(?:https?|command|javascript|file):|<\s*(?:img|a|script|iframe)\b/gi)) found.push(m[0]);
  return found;
}


/** The project of `root` in a checklist answer. */
function projectOf(projects: ChecklistProject[], root: string): ChecklistProject {
  const p = projects.find((x) => x.root === root);
  assert.ok(p, `${root} is in the checklist (${projects.map((x) => x.root).join(', ')})`);
  return p;
}

/** Every place URI of a checklist project. */
const placeUris = (p: ChecklistProject, id: string) => item(p, id).places.map((x) => x.uri);

// ---------------------------------------------------------------------------------------------
// The cases

describe('hostile workspaces through the CLI and the language server', () => {
  test('symlinks named settings.py and requirements.txt pointing at FIFOs: refused at once and named; the server keeps serving', { timeout: 120_000 }, async () => {
    const name = 'settings.py and requirements.txt → FIFOs';
    const { hostile, control, dir } = pair(null);
    execFileSync('mkfifo', [hostile.path('pipe-settings'), hostile.path('pipe-requirements')]);
    fs.symlinkSync(hostile.path('pipe-settings'), hostile.path('pkg/settings.py'));
    fs.rmSync(hostile.path('requirements.txt'));
    fs.symlinkSync(hostile.path('pipe-requirements'), hostile.path('requirements.txt'));

    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.status, 2, 'a settings module that could not be analysed fails the run');
      assert.match(r.stderr, /could not analyse settings module pkg\/settings\.py: not a regular file \(a named pipe\)/);
      assert.match(r.stderr, /skipped requirements\.txt: not a regular file \(a named pipe\)/);

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          // Settings it could not read are not "no problems".
          assert.equal(item(p, 'debug').status, 'unknown', item(p, 'debug').detail);
          // …and the reason is said, on the checklist and in the log.
          assert.equal(item(p, 'debug').detail, 'No production settings module could be read (pkg/settings.py: not a regular file (a named pipe)).');
          assert.ok(s.client.logMessages().some((m) => m === `Not analysed: ${hostile.path('pkg/settings.py')}: not a regular file (a named pipe).`), s.client.logMessages().join('\n'));
          const compare = await s.request('compareServers', 'djangoDeploy/compareServers');
          assert.ok(compare.projects.some((c: { root: string }) => c.root === hostile.root));
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a template glob built to backtrack (pages/**a**a…**a!.html) against a 45-character name: matched in linear time, and honoured', { timeout: 120_000 }, async () => {
    const name = 'templates.extraGlobs pages/**a**a…a!.html';
    const glob = `pages/${'**a'.repeat(12)}!.html`;
    const { hostile, control, dir } = pair();
    hostile.write(`pages/${'a'.repeat(45)}`, '<img src="/static/css/app.css">\n');
    // The one page the glob matches: a raw /static/ path in it is a DJD201.
    const matched = hostile.write(`pages/${'a'.repeat(12)}!.html`, '<link rel="stylesheet" href="/static/css/app.css">\n');

    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.status, 1);

      noteServer(
        name,
        await withServer(hostile.root, control, { settings: { templates: { extraGlobs: [glob] } } }, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.deepEqual(placeUris(p, 'templates-static'), [uriOf(matched)], 'the page the glob matches is a template; the 45-a file is not');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('one 512 KB line in pyproject.toml', { timeout: 120_000 }, async () => {
    const name = 'pyproject.toml with a 512 KB line';
    const { hostile, control, dir } = pair();
    const line = `dependencies = ["Django>=4.2,<5.0", ${'"a", '.repeat(53_000)}"${'x '.repeat(64 * 1024)}${' \t'.repeat(64 * 1024)}`;
    assert.ok(line.length >= 512 * 1024);
    hostile.write('pyproject.toml', `[project]\nname = "hostile"\n${line}\n[tool.poetry.dependencies]\nuvicorn = "${'^'.repeat(64 * 1024)}\n`);

    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.ok(codesOf(r, 'pkg/settings.py').includes('security.W018'));

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(p.settingsModule, 'pkg.settings');
          assert.equal(item(p, 'debug').status, 'fail');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a 384 KB line in requirements.txt, with the WSGI vs ASGI comparison', { timeout: 120_000 }, async () => {
    const name = 'requirements.txt with a 384 KB line + compareServers';
    const { hostile, control, dir } = pair();
    // An unclosed extras bracket: not a requirement, so uvicorn is not in the requirements.
    const line = `uvicorn ${' '.repeat(128 * 1024)}[${'standard,'.repeat(30_000)}`;
    assert.ok(line.length >= 384 * 1024);
    hostile.write('requirements.txt', `Django==4.2.11\n${line}\ngunicorn==21.2.0\n`);

    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const compare = await s.request('compareServers', 'djangoDeploy/compareServers');
          const c = compare.projects.find((x: { root: string }) => x.root === hostile.root);
          assert.ok(c, 'the hostile project is compared');
          assert.equal(c.wsgi.module, 'pkg.wsgi');
          const gunicorn = c.servers.find((x: { id: string }) => x.id === 'gunicorn');
          assert.equal(gunicorn.requirement?.uri, uriOf(hostile.path('requirements.txt')));
          assert.equal(gunicorn.requirement?.range.start.line, 2, 'gunicorn is on line 3');
          const uvicorn = c.servers.find((x: { id: string }) => x.id === 'uvicorn');
          assert.equal(uvicorn?.requirement, undefined, 'the broken line does not count as uvicorn');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('3,000 unknown {% static %} paths in templates against 5,000 static files (did-you-mean)', { timeout: 240_000 }, async () => {
    const name = '3,000 unknown {% static %} paths × 5,000 static files';
    const { hostile, control, dir } = pair();
    for (let i = 0; i < 5_000; i++) hostile.write(`static/img/icon_${String(i).padStart(4, '0')}.png`, '');
    for (let t = 0; t < 30; t++) {
      const body = Array.from({ length: 100 }, (_, j) => `<img src="{% static 'img/icn_${String(t * 100 + j).padStart(4, '0')}.png' %}">`).join('\n');
      hostile.write(`templates/pages/page_${t}.html`, `{% load static %}\n${body}\n`);
    }

    try {
      const r = await runCli(hostile.root, 90_000);
      noteCli(name, r);
      cliSane(r, hostile.root);
      const missing = r.rows.filter((d) => d.code === 'DJD205');
      assert.equal(missing.length, 3_000, 'every unknown path is reported once');
      assert.match(missing[0].message, /icon_0000\.png/, `did-you-mean names the near file: ${missing[0].message}`);

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(90_000), hostile.root);
          assert.equal(item(p, 'missing-static').status, 'fail');
          assert.equal(item(p, 'missing-static').placeCount, 3_000);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('STATIC_ROOT holding 200,000 empty folders, with the checklist', { timeout: 300_000 }, async () => {
    const name = 'STATIC_ROOT with 200,000 empty folders + checklist';
    const { hostile, control, dir } = pair(NORMAL_SETTINGS, 'hostile', true);
    const t0 = Date.now();
    try {
      execFileSync('python3', ['-c', 'import os, sys\nd = sys.argv[1]\nos.makedirs(d, exist_ok=True)\nfor i in range(200000): os.mkdir(os.path.join(d, str(i)))', hostile.path('staticfiles')]);
      const setup = Date.now() - t0;

      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.ok(codesOf(r, 'pkg/settings.py').includes('security.W018'), `the settings module is still found and checked: ${r.stderr}`);

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(p.settingsModule, 'pkg.settings', 'the settings module is still found');
          assert.equal(item(p, 'debug').status, 'fail');
          const collectstatic = item(p, 'collectstatic');
          assert.equal(collectstatic.status, 'unknown', `a tree seen in part with no file is not "empty": ${collectstatic.detail}`);
        }),
      );
      report.find((e) => e.name === name)!.cli += ` (setup ${setup} ms)`;
    } finally {
      removeScratch(dir, false);
    }
  });

  test(
    'a folder of 200,000 entries the walk does not know (STATIC_ROOT = "collected"): the settings module beside it is still found',
    {
      timeout: 300_000,
    },
    async () => {
      const name = 'a 200,000-entry folder the walk does not know (collected/)';
      const { hostile, control, dir } = pair(NORMAL_SETTINGS.replace("BASE_DIR / 'staticfiles'", "BASE_DIR / 'collected'"), 'hostile', true);
      try {
        execFileSync('python3', ['-c', 'import os, sys\nd = sys.argv[1]\nos.makedirs(d, exist_ok=True)\nfor i in range(200000): os.mkdir(os.path.join(d, str(i)))', hostile.path('collected')]);
        const r = await runCli(hostile.root);
        noteCli(name, r);
        cliSane(r, hostile.root);
        noteServer(
          name,
          await withServer(hostile.root, control, {}, async (s) => {
            const p = projectOf(await s.checklist(), hostile.root);
            assert.equal(p.settingsModule, 'pkg.settings', `the server finds the settings module: ${item(p, 'debug').detail}`);
          }),
        );
        assert.ok(codesOf(r, 'pkg/settings.py').includes('security.W018'), `the CLI finds and checks the settings module (exit ${r.status}): ${r.stderr}`);
      } finally {
        removeScratch(dir, false);
      }
    },
  );

  test('a views.py of 150,000 blank lines ending in an async view', { timeout: 120_000 }, async () => {
    const name = 'views.py of 150,000 blank lines';
    const { hostile, control, dir } = pair();
    const views = hostile.write('pkg/views.py', `from django.http import HttpResponse\n${'\n'.repeat(150_000)}async def index(request):\n    return HttpResponse('ok')\n`);

    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);

      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const compare = await s.request('compareServers', 'djangoDeploy/compareServers');
          const c = compare.projects.find((x: { root: string }) => x.root === hostile.root);
          assert.deepEqual(
            c.asyncViews.map((v: { uri: string; range: { start: { line: number } } }) => [v.uri, v.range.start.line]),
            [[uriOf(views), 150_001]],
            'the async view, on its line',
          );
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a settings module over 2 MB: refused and named by the CLI (exit 2); the server does not call it "no problems"', { timeout: 120_000 }, async () => {
    const name = 'settings.py over 2 MB';
    const { hostile, control, dir } = pair(NORMAL_SETTINGS + '# padding\n'.repeat(220_000));
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /could not analyse settings module pkg\/settings\.py: larger than 2 MB/);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(item(p, 'debug').status, 'unknown', item(p, 'debug').detail);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a latin-1 settings module with a PEP 263 cookie and DEBUG = True: read as Python reads it', { timeout: 120_000 }, async () => {
    const name = 'latin-1 settings.py (PEP 263)';
    const text = `# -*- coding: latin-1 -*-\nSITE_NAME = 'Caf\u00e9 \u00fcber'\n${NORMAL_SETTINGS}`;
    const debugLine = text.split('\n').findIndex((l) => l.startsWith('DEBUG'));
    const { hostile, control, dir } = pair(Buffer.from(text, 'latin1'));
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.status, 1);
      const debug = r.rows.find((d) => d.code === 'security.W018');
      assert.deepEqual([debug?.file, debug?.line, debug?.column], ['pkg/settings.py', debugLine + 1, 1]);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          const places = item(p, 'debug').places;
          assert.equal(item(p, 'debug').status, 'fail');
          assert.deepEqual([places[0]?.uri, places[0]?.range.start.line], [uriOf(hostile.path('pkg/settings.py')), debugLine]);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a settings module with lone CR line breaks: every position on its own line, in both shells', { timeout: 120_000 }, async () => {
    const name = 'CR-only settings.py';
    const { hostile, control, dir } = pair(NORMAL_SETTINGS.replace(/\n/g, '\r'));
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      const debug = r.rows.find((d) => d.code === 'security.W018');
      assert.deepEqual([debug?.line, debug?.column, debug?.endLine], [DEBUG_LINE + 1, 1, DEBUG_LINE + 1]);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          const place = item(p, 'debug').places[0];
          assert.deepEqual([place?.range.start.line, place?.range.start.character, place?.range.end.line], [DEBUG_LINE, 0, DEBUG_LINE]);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('file names: a backslash in the project folder and a template folder, a newline, #, ? and % in template names', { timeout: 120_000 }, async () => {
    const name = 'backslash / newline / #?% in names';
    const { hostile, control, dir } = pair(NORMAL_SETTINGS, 'back\\slash');
    const raw = '<link rel="stylesheet" href="/static/css/app.css">\n';
    const pages = ['templates/we\\ird/page.html', 'templates/new\nline.html', 'templates/a#b?c%41d.html'];
    for (const page of pages) hostile.write(page, raw);
    hostile.write('pkg/odd\nname.py', 'VALUE = 1\n');
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      for (const page of pages) assert.ok(codesOf(r, page).includes('DJD201'), `${JSON.stringify(page)} is reported under its exact name: ${JSON.stringify(r.rows.map((d) => d.file))}`);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.deepEqual(placeUris(p, 'templates-static').sort(), pages.map((page) => uriOf(hostile.path(page))).sort());
          // And a document of that folder is diagnosed under its own URI.
          const uri = uriOf(hostile.path(pages[1]));
          const published = s.client.waitForDiagnostics(uri, 1, REQUEST_MS);
          s.client.open(uri, raw, 'django-html');
          assert.deepEqual((await published).diagnostics.map((d) => d.code), ['DJD201']);
          s.client.close(uri);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('names that are not valid UTF-8: a template and a settings package', { timeout: 120_000 }, async () => {
    const name = 'non-UTF-8 file and folder names';
    const { hostile, control, dir } = pair();
    const templates = Buffer.from(hostile.path('templates'));
    const badTemplate = Buffer.concat([templates, Buffer.from('/'), Buffer.from([0xff, 0xfe, 0x61]), Buffer.from('.html')]);
    fs.writeFileSync(badTemplate, '<link rel="stylesheet" href="/static/css/app.css">\n');
    const badPackage = Buffer.concat([Buffer.from(hostile.root + '/'), Buffer.from([0x63, 0x66, 0xe9])]);
    fs.mkdirSync(badPackage);
    fs.writeFileSync(Buffer.concat([badPackage, Buffer.from('/settings.py')]), 'DEBUG = True\nSECRET_KEY = "x"\n');
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.ok(codesOf(r, 'pkg/settings.py').includes('security.W018'), 'the rest is checked');
      // What no path string can name again is left out and said (Python cannot import such a package either).
      assert.match(r.stderr, /left out 2 entries whose name is not valid UTF-8/, r.stderr);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(p.settingsModule, 'pkg.settings');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('symbolic links: a loop (a → b → a), a folder linked to its parent, a link to /, devices and a 10 GB sparse file named as project files', { timeout: 120_000 }, async () => {
    const name = 'symlink loops, link to /, devices, sparse 10 GB';
    const { hostile, control, dir } = pair();
    fs.symlinkSync('loop-b.py', hostile.path('loop-a.py'));
    fs.symlinkSync('loop-a.py', hostile.path('loop-b.py'));
    fs.symlinkSync('..', hostile.path('templates/up'));
    fs.symlinkSync('/', hostile.path('rootfs'));
    fs.symlinkSync('/dev/zero', hostile.path('templates/zero.html'));
    fs.symlinkSync('/dev/urandom', hostile.path('pkg/random.py'));
    fs.symlinkSync('/dev/zero', hostile.path('requirements-dev.txt'));
    fs.mkdirSync(hostile.path('app/settings.py'), { recursive: true });
    execFileSync('truncate', ['-s', '10G', hostile.path('requirements-prod.txt')]);
    execFileSync('truncate', ['-s', '10G', hostile.path('templates/huge.html')]);
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.ok(codesOf(r, 'pkg/settings.py').includes('security.W018'), 'the settings are checked');
      assert.match(r.stderr, /skipped requirements-prod\.txt: larger than 2 MB/, r.stderr);
      assert.match(r.stderr, /skipped templates\/huge\.html: larger than 2 MB/, r.stderr);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(p.settingsModule, 'pkg.settings');
          assert.equal(item(p, 'debug').status, 'fail');
          await s.request('compareServers', 'djangoDeploy/compareServers');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a folder tree 200 levels deep with a template at the bottom: reported, or the depth limit is said', { timeout: 120_000 }, async () => {
    const name = 'tree 200 levels deep (template at the bottom)';
    const { hostile, control, dir } = pair();
    const deep = Array.from({ length: 200 }, () => 'd').join('/');
    const rel = `templates/${deep}/page.html`;
    const page = hostile.write(rel, '<link rel="stylesheet" href="/static/css/app.css">\n');
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      const reported = codesOf(r, rel).includes('DJD201');
      assert.ok(reported || /did not enter \d+ folders? more than \d+ levels below/.test(r.stderr), `the page is checked, or the CLI says what it did not enter: ${r.stderr}`);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          const places = placeUris(p, 'templates-static');
          const said = s.client.logMessages().some((m) => /did not enter \d+ folders? more than \d+ levels below/.test(m));
          assert.ok(places.includes(uriOf(page)) || said, `the page is checked, or the server log says what it did not enter: ${s.client.logMessages().join('\n')}`);
          assert.equal(item(p, 'debug').status, 'fail');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test(
    'a static file 200 levels deep named by a shallow template: not called missing',
    { timeout: 120_000 },
    async () => {
      const name = 'tree 200 levels deep (static file at the bottom)';
      const { hostile, control, dir } = pair();
      const deep = Array.from({ length: 200 }, () => 'd').join('/');
      hostile.write(`static/${deep}/deep.css`, 'body {}\n');
      hostile.write('templates/deep-ref.html', `{% load static %}\n<link rel="stylesheet" href="{% static '${deep}/deep.css' %}">\n`);
      try {
        const r = await runCli(hostile.root);
        noteCli(name, r);
        cliSane(r, hostile.root);
        noteServer(
          name,
          await withServer(hostile.root, control, {}, async (s) => {
            const p = projectOf(await s.checklist(), hostile.root);
            assert.notEqual(item(p, 'missing-static').status, 'fail', `the server does not call it missing: ${item(p, 'missing-static').detail}`);
          }),
        );
        assert.deepEqual(codesOf(r, 'templates/deep-ref.html'), [], `the CLI does not call it missing: ${JSON.stringify(r.rows.filter((d) => d.file === 'templates/deep-ref.html'))}`);
      } finally {
        removeScratch(dir);
      }
    },
  );

  test('Markdown injection: setting values and a Procfile line with images, command: links and HTML reach the checklist and hovers escaped', { timeout: 120_000 }, async () => {
    const name = 'Markdown injection';
    const evil = '![x](https://evil.example/p.png) [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>';
    const settings = NORMAL_SETTINGS.replace("STATIC_URL = 'static/'", `STATIC_URL = 'https://cdn.example/${evil}/'`).replace('ALLOWED_HOSTS = []', `ALLOWED_HOSTS = ['${evil}']`);
    const { hostile, control, dir } = pair(settings, '[click](command:workbench.action.terminal.new)');
    hostile.write('Procfile', `web: python manage.py runserver 0.0.0.0:8000 ${evil}\n`);
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.match(p.markdown, /evil\.example/, 'the values are in the Markdown…');
          assert.deepEqual(liveMarkup(p.markdown), [], `…as text only:\n${p.markdown}`);
          // Hovers over the settings that carry the values (the document is opened after the background analysis).
          const uri = uriOf(hostile.path('pkg/settings.py'));
          const published = s.client.waitForDiagnostics(uri, 1, REQUEST_MS);
          s.client.open(uri, settings);
          await published;
          for (const setting of ['STATIC_URL', 'ALLOWED_HOSTS']) {
            const line = settings.split('\n').findIndex((l) => l.startsWith(setting));
            const hover = await s.request(`hover ${setting}`, 'textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
            assert.ok(hover?.contents?.value, `a hover on ${setting}`);
            assert.match(hover.contents.value, /evil\.example/);
            assert.deepEqual(liveMarkup(hover.contents.value), [], `the hover on ${setting} is text only:\n${hover.contents.value}`);
          }
          s.client.close(uri);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a binary settings.py and a 0-byte settings.py', { timeout: 120_000 }, async () => {
    const name = 'binary / empty settings.py';
    const { hostile, control, dir } = pair(Buffer.concat([Buffer.from('DEBUG = True\n'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd8, 0xff, 0xe0])]));
    hostile.write('other/settings.py', '');
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      // Python cannot load a file with NUL bytes either: named, not counted as a failure of ours.
      assert.match(r.stderr, /skipped pkg\/settings\.py: binary file/);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.notEqual(item(p, 'debug').status, 'pass', `a binary pkg/settings.py is not a passing DEBUG: ${item(p, 'debug').detail}`);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('an unreadable settings.py (chmod 000): refused and named', { timeout: 120_000, skip: process.getuid?.() === 0 ? 'running as root: chmod 000 does not stop root from reading' : false }, async () => {
    const name = 'settings.py chmod 000';
    const { hostile, control, dir } = pair();
    fs.chmodSync(hostile.path('pkg/settings.py'), 0);
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /could not analyse settings module pkg\/settings\.py: permission denied/);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(item(p, 'debug').status, 'unknown');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('cycles: requirement files that include each other and themselves, settings that star-import themselves', { timeout: 120_000 }, async () => {
    const name = 'requirements -r cycles, settings import cycles';
    const { hostile, control, dir } = pair(`${NORMAL_SETTINGS}from .settings import *\nfrom .other import *\n`);
    hostile.write('pkg/other.py', 'from .settings import *\nfrom .other import *\nDEBUG = True\n');
    hostile.write('requirements.txt', '-r requirements.txt\n-r requirements-base.txt\n-c requirements.txt\nDjango==4.2.11\n');
    hostile.write('requirements-base.txt', '-r requirements.txt\n-r requirements-base.txt\ngunicorn==21.2.0\n');
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      // DEBUG = True last comes from other.py (through the import cycle): reported there.
      assert.ok(codesOf(r).includes('security.W018'), codesOf(r).join(' '));
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(item(p, 'debug').status, 'fail');
          assert.equal(item(p, 'app-server').status, 'pass', item(p, 'app-server').detail);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test(
    'requirements.txt including a file not named like one (-r base.txt): its application server counts',
    {
      timeout: 120_000,
    },
    async () => {
      const name = 'requirements.txt → -r base.txt (gunicorn)';
      const { hostile, control, dir } = pair();
      hostile.write('requirements.txt', '-r base.txt\n');
      hostile.write('base.txt', 'Django==4.2.11\ngunicorn==21.2.0\n');
      try {
        noteServer(
          name,
          await withServer(hostile.root, control, {}, async (s) => {
            const p = projectOf(await s.checklist(), hostile.root);
            assert.equal(item(p, 'app-server').status, 'pass', item(p, 'app-server').detail);
          }),
        );
      } finally {
        removeScratch(dir);
      }
    },
  );

  test('a settings module nesting 50,000 parentheses before DEBUG = True (Python refuses more than 200)', { timeout: 120_000 }, async () => {
    const name = 'settings.py with 50,000 nested parentheses';
    const prefix = `Y = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\n`;
    const { hostile, control, dir } = pair(prefix + NORMAL_SETTINGS);
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      const debug = r.rows.find((d) => d.code === 'security.W018');
      assert.equal(debug?.line, DEBUG_LINE + 2, 'what follows the nesting is read, on its line');
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(item(p, 'debug').status, 'fail');
          assert.equal(item(p, 'debug').places[0]?.range.start.line, DEBUG_LINE + 1);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a settings module nesting 100,000 brackets and a 100,000-term sum before DEBUG = True', { timeout: 120_000 }, async () => {
    const name = 'settings.py with 100,000-deep nesting';
    const prefix = `X = ${'['.repeat(100_000)}${']'.repeat(100_000)}\nY = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\nZ = 1${' + 1'.repeat(100_000)}\n`;
    const { hostile, control, dir } = pair(prefix + NORMAL_SETTINGS);
    try {
      const r = await runCli(hostile.root);
      noteCli(name, r);
      cliSane(r, hostile.root);
      const debug = r.rows.find((d) => d.code === 'security.W018');
      assert.equal(debug?.line, DEBUG_LINE + 4, 'what follows the nesting is still read');
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(), hostile.root);
          assert.equal(item(p, 'debug').status, 'fail');
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('1,000 settings modules: the background analysis leaves the server answering', { timeout: 240_000 }, async () => {
    const name = '1,000 settings modules';
    const { hostile, control, dir } = pair();
    for (let i = 0; i < 1_000; i++) hostile.write(`app_${i}/settings.py`, NORMAL_SETTINGS.replace("'pkg.urls'", `'app_${i}.urls'`));
    try {
      const r = await runCli(hostile.root, 120_000);
      noteCli(name, r);
      cliSane(r, hostile.root);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          // Right after the walk, while the background analysis runs: a cheap request is answered.
          await s.request('problemCount', 'djangoDeploy/problemCount', {}, REQUEST_MS);
          await s.checklist(120_000);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });

  test('a 1.9 MB one-line template with 20,000 {% static %} tags naming missing files', { timeout: 240_000 }, async () => {
    const name = '1.9 MB one-line template';
    const { hostile, control, dir } = pair();
    const tags = Array.from({ length: 20_000 }, (_, i) => `<img src="{% static 'img/missing_${i}.png' %}" alt="">`).join('');
    const filler = ' '.repeat(Math.max(0, 1_900_000 - tags.length - 20));
    hostile.write('templates/one-line.html', `{% load static %}${tags}${filler}\n`);
    try {
      const r = await runCli(hostile.root, 120_000);
      noteCli(name, r);
      cliSane(r, hostile.root);
      assert.equal(r.rows.filter((d) => d.code === 'DJD205').length, 20_000);
      noteServer(
        name,
        await withServer(hostile.root, control, {}, async (s) => {
          const p = projectOf(await s.checklist(120_000), hostile.root);
          assert.equal(item(p, 'missing-static').placeCount, 20_000);
        }),
      );
    } finally {
      removeScratch(dir);
    }
  });
});

describe('malformed frames end the connection instead of leaving the server deaf', () => {
  // `Content-Length: twelve` is proven in lifecycle.test.ts; these are its siblings, sent after a workspace was indexed.
  const frames: [string, string, string | false][] = [
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}', false],
    ['no Content-Length header', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0"}', false],
    ['a body with no header at all', '{"jsonrpc":"2.0","id":9,"method":"shutdown"}\r\n\r\n', false],
    ['a Content-Length in exponent notation', 'Content-Length: 1e3\r\n\r\n{"jsonrpc":"2.0"}', false],
    [
      'a Content-Length larger than any message (100 GB)',
      'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"}',
      false,
    ],
    // Headers cut into pieces: test/unit/frames.test.ts (here the client's own answers could land between the pieces).
  ];
  for (const [what, frame, todo] of frames) {
    test(what, { timeout: 60_000, todo: todo || undefined }, async () => {
      const { hostile, dir } = pair();
      const client = new LspClient();
      try {
        const indexed = client.waitForNotification('window/logMessage', (p: { message: string }) => p.message.startsWith(`Indexed ${hostile.root}:`), INDEX_MS);
        await client.initialize(hostile.root);
        await indexed;
        const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)));
        client.child.stdin!.write(frame);
        // A normal request after it: either the server ended (the client restarts it) or it answers; never silence.
        const answered = client.request('djangoDeploy/problemCount', {}, 5_000).then(
          () => 'answered',
          // Rejected because the server exited: `exited` tells.
          (e: Error) => (/server exited/.test(e.message) ? new Promise<string>(() => undefined) : 'no answer'),
        );
        // The server may have ended before the request was written: then the exit tells.
        const outcome = await Promise.race([exited.then((code) => `exit ${code}`), answered.then((a) => (a === 'no answer' && !client.running ? exited.then((code) => `exit ${code}`) : a))]);
        assert.ok(outcome === 'exit 1' || outcome === 'answered', `the server neither ended nor answered: ${outcome}`);
        report.push({ name: `malformed frame: ${what}`, server: outcome });
      } finally {
        client.kill();
        removeScratch(dir);
      }
    });
  }
});
