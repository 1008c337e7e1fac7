// The corpus of real settings (test/corpus/settings/<slug>, one project.json each) judged by real
// Django and by our CLI, side by side.
//
//   node scripts/corpus/corpus.mjs [--versions 3.2,4.2,5.2] [--write] [slug...]
//     prints, per project and version, Django's ids (through scripts/django/truth.py) and ours;
//     --write stores Django's answer in each project's truth.json (the record the tests compare).
//   node scripts/corpus/corpus.mjs --readme
//     rewrites the table of test/corpus/settings/README.md from project.json and truth.json.
//
// Used by test/cli/corpus.test.ts (loaded with a dynamic import of its file URL).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, '..', '..');
export const CORPUS = join(REPO, 'test', 'corpus', 'settings');
const CLI = join(REPO, 'dist', 'cli.js');

/**
 * The Django checks a settings module decides on its own: what the comparison counts. Checks
 * of code (models, URLs, views, custom user models), third-party apps' checks and the CSRF
 * failure view (imported by Django) are left out on both sides.
 */
export function isSettingsCheck(id) {
  if (id === 'security.E101' || id === 'security.E102') return false;
  return /^(security|staticfiles|caches|templates|translation|sites|4_0|files|mail)\.[EW]\d{3}$/.test(id) || id === 'urls.E006' || /^admin\.(E40[1-9]|E41\d|W411)$/.test(id);
}

/** Every corpus project: its folder, project.json, the folder Python imports from, the settings file. */
export function corpusProjects(only = []) {
  const out = [];
  for (const slug of readdirSync(CORPUS).sort()) {
    const dir = join(CORPUS, slug);
    const jsonFile = join(dir, 'project.json');
    if (!existsSync(jsonFile) || (only.length && !only.includes(slug))) continue;
    const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const root = join(dir, json.sourceRoot ?? '.');
    const rel = json.settings.split('.').join('/');
    const settingsFile = [join(root, `${rel}.py`), join(root, rel, '__init__.py')].find(existsSync);
    out.push({ slug, dir, json, root, settingsFile, truthFile: join(dir, 'truth.json') });
  }
  return out;
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Our CLI on a project, for one Django version: the settings checks it reports for the production module. */
export async function ours(project, version) {
  const env = Object.entries(project.json.env ?? {}).map(([k, v]) => `--env=${k}=${v}`);
  const r = await run(process.execPath, [CLI, 'check', '--format', 'json', '--django-version', version, '--production', project.settingsFile, ...env, project.root]);
  let diagnostics = [];
  try {
    diagnostics = JSON.parse(r.stdout).diagnostics;
  } catch {
    return { error: `exit ${r.status}: ${r.stderr.trim().split('\n').pop()}`, ids: [], codes: [] };
  }
  const mine = diagnostics.filter((d) => d.settingsModule === project.json.settings);
  const codes = [...new Set(mine.map((d) => d.code))].sort();
  return { ids: codes.filter(isSettingsCheck), codes, status: r.status };
}

/** Real Django through the truth harness. */
export async function theirs(project, version) {
  const { runTruthAsync } = await import(pathToFileURL(join(REPO, 'scripts', 'django', 'truth.mjs')).href);
  const truth = await runTruthAsync({ root: project.dir, settings: project.json.settings, django: version, env: project.json.env ?? {}, sourceRoot: project.json.sourceRoot ?? '.' });
  return { ...truth, settingsIds: (truth.ids ?? []).filter(isSettingsCheck) };
}

/**
 * What one comparison gives: ids both report, ids only Django reports, ids only we report.
 * `artifacts` (project.json): ids Django reports only because the corpus lacks the project's
 * own code (a middleware subclass it cannot import), each with the evidence; neither a match
 * nor a miss.
 */
export function compare(django, our, artifacts = {}) {
  const theirs = new Set(django.settingsIds.filter((id) => !(id in artifacts)));
  const mine = new Set(our.ids);
  return {
    matched: [...theirs].filter((id) => mine.has(id)),
    missed: [...theirs].filter((id) => !mine.has(id)),
    extra: [...mine].filter((id) => !theirs.has(id) && !(id in artifacts)),
  };
}

/** The record kept in truth.json: Django's answer per version, without the machine-specific parts. */
export function truthRecord(truth) {
  const { django, outcome, ids, error, stubbed, stubValues, removedApps, replaced } = truth;
  return { django, outcome, ids, ...(error ? { error: error.split('\n')[0].slice(0, 300) } : {}), stubbed, stubValues, removedApps, replaced };
}

/** Runs `task` over `items`, `limit` at a time. */
export async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

/** Settings the harness replaced or found holding a stub, where that can change what a settings check sees. */
const STUB_SENSITIVE = { STATICFILES_FINDERS: 'staticfiles.W004/E00x (a missing finder dropped)', TEMPLATES: 'templates.* (missing engines or libraries dropped)', CACHES: 'caches.W00x (a missing backend became DummyCache)' };

/** The README table: one row per project, from project.json and truth.json. */
export function readmeTable(projects) {
  const rows = ['| Project | Source (repository @ commit) | Settings module | Django 3.2 / 4.2 / 5.2 | Where a stub could change a value |', '|---|---|---|---|---|'];
  for (const p of projects) {
    const truth = existsSync(p.truthFile) ? JSON.parse(readFileSync(p.truthFile, 'utf8')) : {};
    const verdicts = ['3.2', '4.2', '5.2'].map((v) => {
      const t = truth[v];
      if (!t) return '–';
      return t.outcome === 'checked' ? `${t.ids.filter(isSettingsCheck).length} ids` : t.outcome;
    });
    const sensitive = new Set();
    for (const t of Object.values(truth)) {
      for (const name of Object.keys(t.replaced ?? {})) if (STUB_SENSITIVE[name]) sensitive.add(`${name}: ${STUB_SENSITIVE[name]}`);
      for (const name of t.stubValues ?? []) sensitive.add(`${name} holds a stub (not a checked setting)`);
    }
    const repo = p.json.repository;
    rows.push(`| \`${p.slug}\` | [${repo}](https://github.com/${repo}) @ \`${p.json.commit.slice(0, 12)}\` | \`${p.json.settings}\` | ${verdicts.join(' / ')} | ${[...sensitive].join('; ') || '–'} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--readme')) {
    const file = join(CORPUS, 'README.md');
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('<!-- table -->');
    const end = text.indexOf('<!-- /table -->');
    if (start < 0 || end < 0) throw new Error('README.md has no <!-- table --> … <!-- /table --> markers');
    writeFileSync(file, `${text.slice(0, start)}<!-- table -->\n${readmeTable(corpusProjects())}\n${text.slice(end)}`);
    console.log(`wrote the table of ${file}`);
    process.exit(0);
  }
  const write = args.includes('--write');
  const vi = args.indexOf('--versions');
  const versions = vi >= 0 ? args[vi + 1].split(',') : ['3.2', '4.2', '5.2'];
  const slugs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--versions');
  const projects = corpusProjects(slugs);
  const jobs = projects.flatMap((p) => versions.map((v) => ({ p, v })));
  const results = await pool(jobs, 2, async ({ p, v }) => ({ p, v, django: await theirs(p, v), our: await ours(p, v) }));
  const totals = Object.fromEntries(versions.map((v) => [v, { matched: 0, missed: 0, extra: 0, checked: 0 }]));
  for (const { p, v, django, our } of results) {
    const c = compare(django, our, p.json.artifacts);
    const line = django.outcome === 'checked' ? `matched ${c.matched.join(' ') || '-'}${c.missed.length ? ` | MISSED ${c.missed.join(' ')}` : ''}${c.extra.length ? ` | EXTRA ${c.extra.join(' ')}` : ''}` : `${django.outcome}: ${(django.error ?? '').split('\n')[0].slice(0, 100)} | ours ${our.ids.join(' ') || '-'}`;
    console.log(`${p.slug.padEnd(24)} ${v}  ${line}`);
    if (django.outcome === 'checked') {
      totals[v].checked++;
      totals[v].matched += c.matched.length;
      totals[v].missed += c.missed.length;
      totals[v].extra += c.extra.length;
    }
  }
  for (const [v, t] of Object.entries(totals)) console.log(`Django ${v}: ${t.checked} projects checked, recall ${t.matched}/${t.matched + t.missed} = ${((100 * t.matched) / Math.max(1, t.matched + t.missed)).toFixed(1)} %, ${t.extra} ids Django does not report`);
  if (write) {
    for (const p of projects) {
      const record = existsSync(p.truthFile) ? JSON.parse(readFileSync(p.truthFile, 'utf8')) : {};
      for (const { v, django } of results.filter((r) => r.p === p)) record[v] = truthRecord(django);
      writeFileSync(p.truthFile, JSON.stringify(record, null, 2) + '\n');
    }
    console.log(`wrote truth.json for ${projects.length} projects`);
  }
}
