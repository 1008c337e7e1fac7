// Node side of the truth harness (scripts/django/truth.py): for tests and scripts.
//
//   import { runTruth, djangoVersions } from './scripts/django/truth.mjs';
//   djangoVersions()  -> { '3.2': { ok: true, version: '3.2.25', path: '…/django' }, '4.2': { ok: false, reason }, … }
//   runTruth({ root, settings, django: '4.2', env: { NAME: 'value' }, sourceRoot: 'src' })
//                     -> the harness's JSON ({ django, outcome, ids, messages, error, stubbed, … })
//   runTruthAsync(…)  -> the same, as a Promise (spawn instead of spawnSync)
//
// Test files are bundled to CommonJS by scripts/build.mjs; load this module with a dynamic
// import() of its absolute file URL so it keeps its own location (import.meta.url).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, '..', '..');
export const PYTHON = '/usr/bin/python3';
export const TRUTH = join(HERE, 'truth.py');
export const FETCH = join(HERE, 'fetch.sh');
export const CACHE = process.env.DJANGO_CACHE || join(REPO, '.cache', 'django');
export const VERSIONS = ['3.2', '4.2', '5.2'];
/** The committed .deb files fetch.sh unpacks without the network. */
const DEBS = ['python3-django_4.2.30-0+deb13u1_all.deb', 'python3-django_5.2.18-2_all.deb', 'python3-asgiref_3.8.1-1_all.deb'];

/** What the harness process itself gets: the child builds its own clean environment. */
const harnessEnv = () => ({ PATH: process.env.PATH || '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', ...(process.env.DJANGO_CACHE ? { DJANGO_CACHE: process.env.DJANGO_CACHE } : {}) });

function importedVersion(pythonPath) {
  const env = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', ...(pythonPath ? { PYTHONPATH: pythonPath } : {}) };
  const r = spawnSync(PYTHON, ['-s', '-c', 'import django, os; print(django.get_version()); print(os.path.dirname(django.__file__))'], { env, encoding: 'utf8' });
  if (r.error) return { error: r.error.message };
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').pop() };
  const [version, path] = r.stdout.trim().split('\n');
  return { version, path };
}

let known;

/**
 * Which of Django 3.2, 4.2 and 5.2 the harness can run here, each with its exact version or the
 * reason it cannot. 4.2/5.2 missing from .cache/django are unpacked from the committed .deb files
 * first (`fetch.sh --offline`: no network; it only runs when something is missing).
 */
export function djangoVersions() {
  if (known) return known;
  const out = {};
  if (!existsSync(PYTHON)) {
    for (const v of VERSIONS) out[v] = { ok: false, reason: `${PYTHON} does not exist (Debian 12's Python 3.11: apt-get install python3-django)` };
    return (known = out);
  }
  const system = importedVersion();
  out['3.2'] = system.version?.startsWith('3.2.')
    ? { ok: true, version: system.version, path: system.path }
    : { ok: false, reason: system.version ? `${PYTHON} imports Django ${system.version}, not 3.2 (Debian 12's python3-django)` : `${PYTHON} cannot import django (apt-get install python3-django): ${system.error}` };

  const unpacked = (v) => existsSync(join(CACHE, v, 'django', '__init__.py')) && existsSync(join(CACHE, v, '.stamp'));
  let fetchNote = '';
  if (!unpacked('4.2') || !unpacked('5.2')) {
    if (DEBS.every((f) => existsSync(join(REPO, 'test', 'vendor', 'debs', f)))) {
      const r = spawnSync('bash', [FETCH, '--offline'], { encoding: 'utf8', env: { ...process.env } });
      fetchNote = `${r.stdout}${r.stderr}`.trim().split('\n').filter((l) => /SKIP:|error/.test(l)).join(' ');
    }
  }
  const skipFile = join(CACHE, 'SKIP');
  for (const v of ['4.2', '5.2']) {
    if (!unpacked(v)) {
      const why = existsSync(skipFile) ? readFileSync(skipFile, 'utf8').trim() : fetchNote || 'run: bash scripts/django/fetch.sh';
      out[v] = { ok: false, reason: `Django ${v} is not unpacked in ${join(CACHE, v)}: ${why}` };
      continue;
    }
    const got = importedVersion(join(CACHE, v));
    out[v] = got.version?.startsWith(`${v}.`)
      ? { ok: true, version: got.version, path: got.path }
      : { ok: false, reason: `${join(CACHE, v)} does not give Django ${v}: ${got.version ?? got.error}` };
  }
  return (known = out);
}

/**
 * Runs real `check --deploy` through the harness. Throws when the harness itself fails (bad
 * arguments, the version is not available); a project that fails to load, set up or check is a
 * normal result (`outcome`).
 */
export function runTruth(options) {
  const args = truthArgs(options);
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', env: harnessEnv(), timeout: ((options.timeout ?? 60) + 30) * 1000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return parseTruth(r.status, r.stdout, r.stderr);
}

/** runTruth without blocking: several harness runs can share the machine's cores. */
export function runTruthAsync(options) {
  const args = truthArgs(options);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { env: harnessEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), ((options.timeout ?? 60) + 30) * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      try {
        resolve(parseTruth(status, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8')));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function truthArgs({ root, settings, django, env = {}, sourceRoot, timeout = 60, show = [] }) {
  const args = [TRUTH, '--root', root, '--settings', settings, '--timeout', String(timeout)];
  if (django) args.push('--django', django);
  if (sourceRoot) args.push('--source-root', sourceRoot);
  for (const [name, value] of Object.entries(env)) args.push('--env', `${name}=${value}`);
  for (const name of show) args.push('--show', name);
  return args;
}

function parseTruth(status, stdout, stderr) {
  if (status !== 0) throw new Error(`truth.py exited with ${status}: ${stderr.trim()}`);
  return JSON.parse(stdout);
}
