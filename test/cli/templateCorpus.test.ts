// The template corpus: real templates other people wrote (test/corpus/templates/<slug>, each with
// its repository and commit in project.json), rendered by real Django before and after
// `check --fix` (scripts/corpus/render_corpus.py), the way a user runs the CLI on the project:
//   (a) every template that rendered before still renders after;
//   (b) a template that failed before renders after, or fails the same way (line numbers aside);
//       one that failed for a missing {% load static %} or a removed {% load staticfiles %} may
//       instead fail further on for another reason (a stub, a variable only a view provides); one
//       our fix edited must not fail for that static error any more;
//   (c) the static URLs of each template are the same before and after, percent-decoded
//       ({% static %} quotes what filepath_to_uri quotes: '@' becomes %40, same file; and
//       {{ STATIC_URL }}/x.css, /static//x.css, is the file the fix's /static/x.css is); a static
//       URL may only be added where a page-relative URL it names was removed (the engine rewrites
//       `css/x.css` / `../static/x.css` into {% static %} when a finder serves the file: the URL
//       a page at the site root loads, listed in the diagnostics);
//   (d) the whole output is the same, once percent-escapes, character references, quotes inside
//       url() and runs of whitespace are normalised (render_corpus.py `normalised`);
//   and a second --fix finds nothing left to do. Counts go to the test's diagnostics.
// DJANGO_DEPLOY_CLI runs another build of the CLI. Each project renders with the Django its
// project.json names ("django": 4.2/5.2 from .cache/django, for projects whose template tags need
// it; default Debian's 3.2); TEMPLATE_CORPUS_DJANGO=3.2,4.2,5.2 renders every project with those.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { ROOT, CLI, PYTHON, djangoAvailable, type JsonDiagnostic } from './helpers';

const CLI_PATH = process.env.DJANGO_DEPLOY_CLI ?? CLI;
const CORPUS = join(ROOT, 'test', 'corpus', 'templates');
const RENDER = join(ROOT, 'scripts', 'corpus', 'render_corpus.py');
/** Django versions to render with: TEMPLATE_CORPUS_DJANGO, else each project's own (project.json "django", default 3.2). */
const VERSIONS_OVERRIDE = process.env.TEMPLATE_CORPUS_DJANGO?.split(',').map((v) => v.trim()).filter(Boolean);
/** A project's "django" is the oldest its template tags load with: an override renders it only with that one or newer. */
const versionsOf = (json: ProjectJson) => (VERSIONS_OVERRIDE ? VERSIONS_OVERRIDE.filter((v) => Number(v) >= Number(json.django ?? '3.2')) : [json.django ?? '3.2']);
/** Projects worked on at once (a render and a CLI run each use one core). */
const PARALLEL = 2;

/** Errors our template fixes are meant to remove (DJD203 / DJD204). */
const STATIC_ERROR = /Invalid block tag on line \d+: '(static|get_static_prefix|get_media_prefix)'|'(staticfiles|admin_static)' is not a registered tag library/;

/**
 * Known defects of the fixes, found by this test and reported: each stays a `todo` subtest
 * (it runs, and says when it starts passing) instead of failing the suite. Key: slug + template.
 */
const KNOWN: Record<string, string> = {
  // None open. Fixed: a {% static %} written inside {% blocktrans %} (onadata getting_started.html
  // and tutorial.html, line 59): findings inside the block get no rewrite.
};

interface ProjectJson {
  name: string;
  repository: string;
  commit: string;
  settings: string;
  sourceRoot?: string;
  /** The Django the project's templates need (its pin, as near as .cache/django has it). */
  django?: string;
  /** Environment variables production sets that the settings read (the harness and the CLI get them). */
  env?: Record<string, string>;
  templates: number;
  stubs: unknown[];
  thirdPartyStubs: unknown[];
}

type Rendered = { name: string; ok: true; urls: string[]; relative: string[]; digest: string; html?: string } | { name: string; ok: false; error: string };
interface RenderRun {
  django: string;
  staticUrl: string;
  removedApps: string[];
  stubLibraries: string[];
  templates: Record<string, Rendered>;
}

interface ProjectRun {
  slug: string;
  json: ProjectJson;
  findings: JsonDiagnostic[];
  fix: { status: number | null; stderr: string; left: JsonDiagnostic[] };
  second: { status: number | null; stderr: string; changed: string[] };
  /** Template files (relative to the project) the fix changed. */
  edited: string[];
  renders: Record<string, { before: RenderRun; after: RenderRun; pristine: string; fixed: string }>;
  cleanup: () => void;
}

function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const pythonEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };
  if (process.env.DJANGO_CACHE) env.DJANGO_CACHE = process.env.DJANGO_CACHE;
  return env;
};

async function render(dir: string, version: string, extra: string[] = []): Promise<RenderRun> {
  const args = [RENDER, dir, ...(version === '3.2' ? [] : ['--django', version]), ...extra];
  const r = await run(PYTHON, args, dir, pythonEnv());
  if (r.status !== 0) throw new Error(`render_corpus.py ${relative(ROOT, dir)} (Django ${version}) failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as RenderRun;
}

async function cliJson(dir: string, json: ProjectJson, fix: boolean): Promise<{ status: number | null; stderr: string; diagnostics: JsonDiagnostic[] }> {
  const env = Object.entries(json.env ?? {}).map(([k, v]) => `--env=${k}=${v}`);
  const args = [CLI_PATH, 'check', '--format', 'json', '--django-version', versionsOf(json)[0], '--production', json.settings, ...env, ...(fix ? ['--fix'] : []), '.'];
  const r = await run(process.execPath, args, dir);
  let diagnostics: JsonDiagnostic[];
  try {
    diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  } catch {
    throw new Error(`the CLI printed no JSON on ${dir} (exit ${r.status}):\n${r.stderr}`);
  }
  return { status: r.status, stderr: r.stderr, diagnostics };
}

/** Every file under `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const changedFiles = (a: Map<string, Buffer>, b: Map<string, Buffer>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => !a.has(f) || !b.has(f) || !a.get(f)!.equals(b.get(f)!)).sort();

async function workOn(slug: string): Promise<ProjectRun> {
  const source = join(CORPUS, slug);
  const json = JSON.parse(readFileSync(join(source, 'project.json'), 'utf8')) as ProjectJson;
  const base = mkdtempSync(join(tmpdir(), 'django-deploy-corpus-'));
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    const pristine = join(base, 'before', slug);
    const fixed = join(base, 'fixed', slug);
    cpSync(source, pristine, { recursive: true });
    cpSync(source, fixed, { recursive: true });
    const findings = (await cliJson(fixed, json, false)).diagnostics;
    const original = snapshot(fixed);
    const renders: ProjectRun['renders'] = {};
    const renderedBefore: Record<string, RenderRun> = {};
    for (const v of versionsOf(json)) renderedBefore[v] = await render(pristine, v);
    const fix = await cliJson(fixed, json, true);
    const afterFix = snapshot(fixed);
    const edited = changedFiles(original, afterFix);
    const second = await cliJson(fixed, json, true);
    const secondChanged = changedFiles(afterFix, snapshot(fixed));
    for (const v of versionsOf(json)) renders[v] = { before: renderedBefore[v], after: await render(fixed, v), pristine, fixed };
    return {
      slug,
      json,
      findings,
      fix: { status: fix.status, stderr: fix.stderr, left: fix.diagnostics },
      second: { status: second.status, stderr: second.stderr, changed: secondChanged },
      edited,
      renders,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Runs `task` for each item, `limit` at a time; one promise per item, in order. */
function pooled<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let active = 0;
  const queue: (() => void)[] = [];
  return items.map(
    (item) =>
      new Promise<R>((resolve, reject) => {
        const start = () => {
          active++;
          task(item)
            .then(resolve, reject)
            .finally(() => {
              active--;
              queue.shift()?.();
            });
        };
        if (active < limit) start();
        else queue.push(start);
      }),
  );
}

/** URLs as a server reads them: percent-decoded, and with no run of slashes after the host. */
const decoded = (urls: string[]) => urls.map((u) => safeDecode(u).replace(/([^:/])\/{2,}/g, '$1/')).sort();
function safeDecode(u: string): string {
  try {
    return decodeURIComponent(u.replace(/&amp;/g, '&'));
  } catch {
    return u;
  }
}
const normalisedError = (e: string) => e.replace(/on line \d+/g, 'on line N');

/** Multiset difference, for messages: what `a` has that `b` lacks. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = left.indexOf(x);
    if (i >= 0) left.splice(i, 1);
    else out.push(x);
  }
  return out;
}

/**
 * When every static URL the fix added stands for a page-relative URL it removed, the pairs
 * (relative, static URL); else undefined. The engine rewrites a relative URL into {% static %}
 * when a finder serves it: `css/site.css` (the path itself) or `../static/img/x.png` (the path
 * under STATIC_URL, for a page at the site root); its ?query#fragment stays after the tag.
 */
function relativeRewrites(b: { urls: string[]; relative: string[] }, a: { urls: string[]; relative: string[] }, staticUrl: string): [string, string][] | undefined {
  const lost = minus(decoded(b.urls), decoded(a.urls));
  const gained = minus(decoded(a.urls), decoded(b.urls));
  if (lost.length || !gained.length) return undefined;
  const removed = minus(b.relative, a.relative);
  const staticPath = staticUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const pairs: [string, string][] = [];
  for (const g of gained) {
    const i = removed.findIndex((r) => {
      const cut = r.search(/[?#]/);
      const [path, suffix] = cut < 0 ? [r, ''] : [r.slice(0, cut), r.slice(cut)];
      const plain = posix.normalize(safeDecode(path)).replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
      const candidates = [plain];
      if (`/${plain}`.startsWith(staticPath)) candidates.push(plain.slice(staticPath.length - 1));
      return candidates.some((c) => safeDecode(staticUrl + c + suffix) === g);
    });
    if (i < 0) return undefined;
    pairs.push([removed[i], g]);
    removed.splice(i, 1);
  }
  return pairs;
}

function replaceFirst(text: string, find: string, replacement: string): string {
  const i = text.indexOf(find);
  return i < 0 ? text : text.slice(0, i) + replacement + text.slice(i + find.length);
}

/** The first place two normalised outputs differ, with some context on both sides. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `before: …${a.slice(from, i + 120)}…\n  after: …${b.slice(from, i + 120)}…`;
}

interface Problem {
  template: string;
  message: string;
}

const newCounts = () => ({ templates: 0, renderedBefore: 0, renderedAfter: 0, repaired: 0, repairedFurther: 0, urls: 0, relativeRewrites: 0, editedTemplates: 0 });
type Counts = ReturnType<typeof newCounts>;

/** What (a)–(d) find wrong in one project, for one Django version. */
async function problemsOf(p: ProjectRun, version: string): Promise<{ problems: Problem[]; counts: Counts; rewrites: string[] }> {
  const { before, after, pristine, fixed } = p.renders[version];
  const problems: Problem[] = [];
  const counts = newCounts();
  const edited = new Set(p.edited);
  const digestMismatch: { file: string; pairs: [string, string][] }[] = [];
  const rewrites: string[] = [];
  for (const [file, b] of Object.entries(before.templates)) {
    counts.templates++;
    const a = after.templates[file];
    if (!a) {
      problems.push({ template: file, message: 'not rendered after --fix (the file went missing?)' });
      continue;
    }
    if (edited.has(file)) counts.editedTemplates++;
    if (a.ok) counts.renderedAfter++;
    if (b.ok) {
      counts.renderedBefore++;
      if (!a.ok) {
        problems.push({ template: file, message: `(a) rendered before --fix, fails after: ${a.error}` });
        continue;
      }
      counts.urls += b.urls.length;
      const [ub, ua] = [decoded(b.urls), decoded(a.urls)];
      let pairs: [string, string][] = [];
      if (JSON.stringify(ub) !== JSON.stringify(ua)) {
        const explained = relativeRewrites(b, a, before.staticUrl);
        if (!explained) {
          problems.push({ template: file, message: `(c) static URLs changed: lost ${JSON.stringify(minus(ub, ua))}, gained ${JSON.stringify(minus(ua, ub))}` });
          continue;
        }
        pairs = explained;
        counts.relativeRewrites += pairs.length;
        rewrites.push(...pairs.map(([r, g]) => `${file}: ${r} → ${g}`));
      }
      if (b.digest !== a.digest) digestMismatch.push({ file, pairs });
      continue;
    }
    // Failed before.
    if (a.ok) {
      counts.repaired++;
      continue;
    }
    if (STATIC_ERROR.test(b.error) && !STATIC_ERROR.test(a.error)) {
      // The fix (of this template, or of one it extends or includes) removed the static error;
      // the template now fails further on, for a reason the fix has nothing to do with (a stub,
      // a variable only a view provides).
      counts.repairedFurther++;
      continue;
    }
    if (normalisedError(a.error) === normalisedError(b.error)) {
      if (edited.has(file) && STATIC_ERROR.test(b.error)) problems.push({ template: file, message: `(b) --fix edited it, and it still fails with ${a.error}` });
      continue;
    }
    problems.push({ template: file, message: `(b) failed before with ${b.error}; fails differently after: ${a.error}` });
  }
  for (const file of Object.keys(after.templates)) if (!(file in before.templates)) problems.push({ template: file, message: 'rendered after --fix but not before (a new template?)' });
  if (digestMismatch.length) {
    const only = digestMismatch.flatMap(({ file }) => ['--only', file]);
    const [hb, ha] = await Promise.all([render(pristine, version, ['--html', ...only]), render(fixed, version, ['--html', ...only])]);
    for (const { file, pairs } of digestMismatch) {
      const b = hb.templates[file];
      const a = ha.templates[file];
      if (!b?.ok || !a?.ok) {
        problems.push({ template: file, message: '(d) the output changed beyond URL encoding (not rendered again)' });
        continue;
      }
      // The relative URLs the fix turned into {% static %} (checked above), as the fix meant them.
      let expected = b.html ?? '';
      for (const [r, g] of pairs) expected = replaceFirst(expected, safeDecode(r), g);
      if (expected === a.html) continue;
      problems.push({ template: file, message: `(d) the output changed beyond URL encoding:\n  ${firstDifference(expected, a.html ?? '')}` });
    }
  }
  return { problems, counts, rewrites };
}

const slugs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((s) => existsSync(join(CORPUS, s, 'project.json'))).sort() : [];
const django = djangoAvailable();
const skip = !django.ok ? `real Django is not available: ${django.reason}` : !existsSync(CLI_PATH) ? `no CLI at ${CLI_PATH} (build it, or set DJANGO_DEPLOY_CLI)` : false;

describe('template corpus: real templates render the same after --fix', { skip }, () => {
  const runs = new Map<string, Promise<ProjectRun>>();
  before(() => {
    const runnable = slugs.filter((s) => versionsOf(JSON.parse(readFileSync(join(CORPUS, s, 'project.json'), 'utf8')) as ProjectJson).length);
    const promises = pooled(runnable, PARALLEL, workOn);
    runnable.forEach((s, i) => {
      promises[i].catch(() => undefined); // awaited (and reported) by the project's test
      runs.set(s, promises[i]);
    });
  });

  test('the corpus: at least 10 projects and 300 templates, each project with its source and commit', () => {
    assert.ok(slugs.length >= 10, `${slugs.length} projects`);
    let templates = 0;
    for (const slug of slugs) {
      const json = JSON.parse(readFileSync(join(CORPUS, slug, 'project.json'), 'utf8')) as ProjectJson;
      assert.match(json.repository, /^[\w.-]+\/[\w.-]+$/, slug);
      assert.match(json.commit, /^[0-9a-f]{40}$/, slug);
      assert.ok(json.settings, `${slug}: settings module`);
      templates += json.templates;
    }
    assert.ok(templates >= 300, `${templates} templates`);
  });

  const totals = { ...newCounts(), findings: 0, fixable: 0 };
  for (const slug of slugs) {
    const json = JSON.parse(readFileSync(join(CORPUS, slug, 'project.json'), 'utf8')) as ProjectJson;
    const none = versionsOf(json).length ? false : `its template tags need Django ${json.django} or newer`;
    test(slug, { skip: none }, async (t) => {
      const p = await runs.get(slug)!;
      try {
        assert.notEqual(p.fix.status, 2, `--fix left files unwritten or failed:\n${p.fix.stderr}`);
        const templateFindings = p.findings.filter((d) => /^DJD2\d\d$/.test(d.code));
        const byCode: Record<string, number> = {};
        for (const d of templateFindings) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
        const fixable = templateFindings.filter((d) => d.fixable).length;
        const fixedLine = /Fixed \d+ problems? in \d+ files?\./.exec(p.fix.stderr)?.[0] ?? p.fix.stderr.trim().split('\n').pop() ?? '';
        totals.findings += templateFindings.length;
        totals.fixable += fixable;
        // The fix is complete: nothing fixable is left, and a second --fix changes no file.
        assert.deepEqual(p.second.changed, [], 'a second --fix changes nothing');
        const leftFixable = p.fix.left.filter((d) => /^DJD2\d\d$/.test(d.code) && d.fixable);
        assert.deepEqual(leftFixable.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), [], 'no fixable template finding left after --fix');

        const failures: string[] = [];
        const knownProblems: Record<string, string[]> = {};
        const versions = versionsOf(p.json);
        for (const version of versions) {
          const { problems, counts, rewrites } = await problemsOf(p, version);
          if (version === versions[0]) for (const k of Object.keys(counts) as (keyof Counts)[]) totals[k] += counts[k];
          t.diagnostic(
            `${slug} (${p.json.repository}@${p.json.commit.slice(0, 12)}), Django ${p.renders[version].before.django}: ${counts.templates} templates, ` +
              `${counts.renderedBefore} rendered before, ${counts.renderedAfter} after (${counts.repaired} repaired, ${counts.repairedFurther} past the static error and failing further on), ${counts.editedTemplates} edited by --fix; ` +
              `${counts.urls} static URLs compared, ${counts.relativeRewrites} page-relative URLs made {% static %}; findings ${JSON.stringify(byCode)} (${fixable} fixable); ${fixedLine}`,
          );
          for (const r of rewrites) t.diagnostic(`  relative URL made static: ${r}`);
          for (const problem of problems) {
            if (`${slug}/${problem.template}` in KNOWN) (knownProblems[problem.template] ??= []).push(`Django ${version}: ${problem.message}`);
            else failures.push(`${problem.template} (Django ${version}): ${problem.message}`);
          }
        }
        for (const key of Object.keys(KNOWN).filter((k) => k.startsWith(`${slug}/`))) {
          const template = key.slice(slug.length + 1);
          await t.test(`known defect: ${template}`, { todo: KNOWN[key] }, () => assert.deepEqual(knownProblems[template] ?? [], [], 'still changed by --fix'));
        }
        assert.deepEqual(failures, [], `${slug}: templates the fix broke or changed`);
      } finally {
        p.cleanup();
      }
    });
  }

  // Last, once every project ran.
  test('counts over the corpus', (t) => {
    assert.ok(totals.templates >= 300, `${totals.templates} templates compared`);
    t.diagnostic(
      `${slugs.length} projects, ${totals.templates} templates: ${totals.renderedBefore} rendered before --fix, ${totals.renderedAfter} after ` +
        `(${totals.repaired} repaired, ${totals.repairedFurther} past the static error and failing further on); ${totals.editedTemplates} templates edited; ${totals.urls} static URLs compared, ${totals.relativeRewrites} page-relative URLs made {% static %}; ` +
        `${totals.findings} template findings (${totals.fixable} fixable)`,
    );
  });
});
