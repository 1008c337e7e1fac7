// Shared by the CLI suites: where things are, running the built CLI, temporary copies of fixtures.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root (this file runs as out/test/cli/*.js). */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const EXAMPLES = join(ROOT, 'examples');
export const PYTHON = '/usr/bin/python3';

export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS` in `cwd` (the repository root by default). */
export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  settingsModule: string;
  docsUrl: string;
  fixable: boolean;
}

export function cliJson(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { run: Run; diagnostics: JsonDiagnostic[] } {
  const run = cli(['check', '--format', 'json', ...args], options);
  const parsed = JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] };
  return { run, diagnostics: parsed.diagnostics };
}

/** A scratch copy of a fixture folder; removed by `cleanup`. */
export function copyOf(source: string): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'django-deploy-'));
  const dir = join(base, source.split('/').pop()!);
  cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'django-deploy-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Whether /usr/bin/python3 exists and imports Django; the version, or why not. */
export function djangoAvailable(): { ok: true; version: string } | { ok: false; reason: string } {
  if (!existsSync(PYTHON)) return { ok: false, reason: `${PYTHON} does not exist (apt-get install python3-django)` };
  const r = spawnSync(PYTHON, ['-c', 'import django; print(django.get_version())'], { encoding: 'utf8' });
  if (r.status !== 0) return { ok: false, reason: `${PYTHON} cannot import django (apt-get install python3-django): ${r.stderr.trim().split('\n').pop()}` };
  return { ok: true, version: r.stdout.trim() };
}

export function pythonAvailable(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'pass']).status === 0;
}

/** Parses a Python file with the standard library's `ast`: undefined when valid, else the error. */
export function pythonSyntaxError(file: string): string | undefined {
  const r = spawnSync(PYTHON, ['-c', 'import ast,sys; ast.parse(open(sys.argv[1], encoding="utf-8-sig").read())', file], { encoding: 'utf8' });
  return r.status === 0 ? undefined : r.stderr.trim();
}

/** The 0-based UTF-16 offset of a 1-based line/column in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** Django versions the truth harness runs (scripts/django: 3.2 is Debian's, 4.2/5.2 unpacked .debs). */
export const DJANGO_VERSIONS = ['3.2', '4.2', '5.2'] as const;
export type DjangoVersion = (typeof DJANGO_VERSIONS)[number];

/** One message of real `check --deploy`, as scripts/django/truth.py reports it. */
export interface TruthMessage {
  id: string | null;
  level: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';
  msg: string;
  hint: string | null;
  obj: string | null;
}

/** What scripts/django/truth.py prints: real `check --deploy` on a copy of a project. */
export interface TruthResult {
  django: string | null;
  settings: string;
  outcome: 'checked' | 'load-error' | 'setup-error' | 'check-crash';
  /** Sorted unique ids of the messages not silenced. */
  ids: string[];
  messages: TruthMessage[];
  /** "ExcType: message" when not checked. */
  error?: string;
  traceback?: string;
  /** Modules that exist nowhere here and were stubbed (the name where stubbing began). */
  stubbed: string[];
  /** Settings whose value is or holds a stub. */
  stubValues: string[];
  /** INSTALLED_APPS entries removed before django.setup() (stubbed or missing modules). */
  removedApps: string[];
  /** Settings changed before django.setup() because they name what exists nowhere here: name → repr() of the original. */
  replaced: Record<string, string>;
  /** repr() of the settings asked for with `show`. */
  values?: Record<string, string>;
}

export interface TruthOptions {
  root: string;
  settings: string;
  django?: DjangoVersion;
  env?: Record<string, string>;
  sourceRoot?: string;
  timeout?: number;
  show?: string[];
}

export type DjangoAvailability = { ok: true; version: string; path: string } | { ok: false; reason: string };

/** scripts/django/truth.mjs, typed. */
export interface Truth {
  runTruth(options: TruthOptions): TruthResult;
  runTruthAsync(options: TruthOptions): Promise<TruthResult>;
  djangoVersions(): Record<DjangoVersion, DjangoAvailability>;
  TRUTH: string;
  PYTHON: string;
  CACHE: string;
}

export const TRUTH_MJS = join(ROOT, 'scripts', 'django', 'truth.mjs');

/** cliJson without blocking (spawn): lets independent CLI runs share the machine's cores. */
export function cliJsonAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ run: Run; diagnostics: JsonDiagnostic[] }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      const run = { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      try {
        resolvePromise({ run, diagnostics: (JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics });
      } catch (e) {
        reject(new Error(`${(e as Error).message}\n${run.stderr}`));
      }
    });
  });
}

/** Loads scripts/django/truth.mjs (an ES module that must keep its own location, so not bundled). */
export function loadTruth(): Promise<Truth> {
  return import(pathToFileURL(TRUTH_MJS).href) as Promise<Truth>;
}

/** A strong key for fixtures that read SECRET_KEY with `os.environ['DJANGO_SECRET_KEY']`. */
export const STRONG_SECRET_KEY = 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE';

export interface CrossCheck {
  fixture: string;
  /** DJANGO_SETTINGS_MODULE: the production settings. */
  settingsModule: string;
  /**
   * Variables a fixture requires (`os.environ['NAME']`, no default). Django cannot start without
   * them; the engine treats a required variable as "set by the deployment" and reports nothing
   * about its value, so the cross-check sets it to a value that Django has nothing to say about.
   */
  required?: Record<string, string>;
}

/** The fixtures cross-checked with real Django (test/cli/django-crosscheck, settingsFixesDjango). */
export const CASES: CrossCheck[] = [
  // `django-admin startproject` 3.2, as generated (fixed SECRET_KEY).
  { fixture: 'startproject', settingsModule: 'mysite.settings' },
  // Every deployment setting right: no ids at all.
  { fixture: 'hardened', settingsModule: 'shop.settings' },
  // base.py + production.py (`from .base import *`) + dev.py; wsgi.py names production.
  { fixture: 'split', settingsModule: 'mysite.settings.production' },
  // Everything from os.environ / os.getenv with defaults.
  { fixture: 'envdriven', settingsModule: 'blog.settings' },
  // DEBUG read as a string, STATIC_URL without a slash, STATICFILES_DIRS as a bare string,
  // SESSION_COOKIE_SECURE = 'False' (truthy for 3.2, so Django is silent; 4.1+ tests `is True`: W012),
  // MEDIA_ROOT == STATIC_ROOT.
  { fixture: 'traps', settingsModule: 'portal.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // MIDDLEWARE_CLASSES only: no middleware at all (W001-W003, admin.E408-E410).
  { fixture: 'legacy', settingsModule: 'legacy.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // HSTS without subdomains/preload, nosniff off, bad referrer policy, SAMEORIGIN, caches, sites,
  // staticfiles prefixes, string_if_invalid, DEFAULT_HASHING_ALGORITHM (E100 before 4.0),
  // a missing STATICFILES_DIRS folder (staticfiles.W004 from 4.0).
  { fixture: 'misconfigured', settingsModule: 'intranet.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // LANGUAGE_CODE = 'en_US' with Django's default LANGUAGES.
  { fixture: 'locale', settingsModule: 'bistro.settings', required: { DJANGO_SECRET_KEY: STRONG_SECRET_KEY } },
  // Clean settings; the templates are what the fixture is about.
  { fixture: 'templated', settingsModule: 'storefront.settings' },
  // The project test/servers serves: DEBUG off, hosts set, no XFrame/CSRF middleware, no HSTS/SSL.
  { fixture: 'served', settingsModule: 'served.settings' },
];
