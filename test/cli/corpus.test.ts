// The settings corpus: real projects other people wrote (test/corpus/settings/<slug>, each with
// its repository and commit in project.json), judged by real Django 3.2, 4.2 and 5.2 through the
// truth harness, and by our CLI the way a user runs it on the project:
//   - no Django id that real `check --deploy` does not report, on any project (a false alarm);
//   - recall of the ids real Django reports, over the whole corpus, at least 95 % per version;
//   - the truth recorded in each truth.json is what Django answers today (so the record a
//     reader looks at is never stale; `node scripts/corpus/corpus.mjs --write` refreshes it).
// Only the checks a settings module decides are compared (corpus.mjs isSettingsCheck: models,
// URLs and third-party apps' checks are code, not settings). A project Django cannot finish
// (an ImportError of a library Debian lacks, a check that crashes) is compared on nothing but
// must not take our CLI down.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DJANGO_VERSIONS, loadTruth, type DjangoVersion } from './helpers';

interface CorpusProject {
  slug: string;
  dir: string;
  json: { name: string; repository: string; commit: string; settings: string; artifacts?: Record<string, string> };
  truthFile: string;
  settingsFile: string | undefined;
}
interface Ours {
  ids: string[];
  codes: string[];
  error?: string;
}
interface Theirs {
  outcome: string;
  ids: string[];
  settingsIds: string[];
  error?: string;
}
interface CorpusModule {
  corpusProjects(only?: string[]): CorpusProject[];
  ours(p: CorpusProject, version: string): Promise<Ours>;
  theirs(p: CorpusProject, version: string): Promise<Theirs>;
  compare(django: Theirs, our: Ours, artifacts?: Record<string, string>): { matched: string[]; missed: string[]; extra: string[] };
  pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]>;
}

const RECALL = 0.95;

describe('settings corpus: real projects, real Django', async () => {
  const corpus = (await import(pathToFileURL(join(ROOT, 'scripts', 'corpus', 'corpus.mjs')).href)) as CorpusModule;
  const truth = await loadTruth();
  const available = truth.djangoVersions();
  const projects = corpus.corpusProjects();

  test('the corpus: at least 30 projects, each with its source, settings module and recorded truth', () => {
    assert.ok(projects.length >= 30, `${projects.length} projects`);
    for (const p of projects) {
      assert.match(p.json.repository, /^[\w.-]+\/[\w.-]+$/, p.slug);
      assert.match(p.json.commit, /^[0-9a-f]{40}$/, p.slug);
      assert.ok(p.settingsFile, `${p.slug}: the settings module ${p.json.settings} is in the corpus`);
      assert.ok(existsSync(p.truthFile), `${p.slug}: truth.json`);
    }
  });

  for (const version of DJANGO_VERSIONS) {
    const django = available[version];
    const skip = django.ok ? false : `Django ${version} is not available: ${django.reason}`;
    // Every comparison of this version, once, two processes at a time; the tests read from it.
    let results: Promise<Map<string, { theirs: Theirs; ours: Ours }>> | undefined;
    const compared = () =>
      (results ??= corpus
        .pool(projects, 2, async (p) => ({ slug: p.slug, theirs: await corpus.theirs(p, version), ours: await corpus.ours(p, version) }))
        .then((all) => new Map(all.map((r) => [r.slug, r]))));

    describe(`Django ${version}${django.ok ? ` (${django.version})` : ''}`, () => {
      for (const p of projects) {
        test(`${p.slug} (${p.json.repository}): no id Django does not report; truth.json is current`, { skip }, async (t) => {
          const { theirs, ours } = (await compared()).get(p.slug)!;
          const recorded = JSON.parse(readFileSync(p.truthFile, 'utf8'))[version as DjangoVersion];
          assert.ok(recorded, `truth.json has no record for ${version}: run node scripts/corpus/corpus.mjs --write ${p.slug}`);
          assert.deepEqual({ outcome: theirs.outcome, ids: theirs.ids }, { outcome: recorded.outcome, ids: recorded.ids }, 'truth.json differs from what Django answers now');
          assert.equal(ours.error, undefined, `our CLI failed: ${ours.error}`);
          if (theirs.outcome !== 'checked') {
            t.diagnostic(`Django: ${theirs.outcome} (${(theirs.error ?? '').split('\n')[0].slice(0, 120)}); ours ${ours.ids.join(' ') || '-'}`);
            return;
          }
          const c = corpus.compare(theirs, ours, p.json.artifacts);
          t.diagnostic(`matched ${c.matched.join(' ') || '-'}${c.missed.length ? ` | missed ${c.missed.join(' ')}` : ''}`);
          assert.deepEqual(c.extra, [], 'ids real Django does not report');
        });
      }

      test(`recall of Django's ids over the corpus is at least ${RECALL * 100} %`, { skip }, async (t) => {
        let matched = 0;
        let missed = 0;
        let checked = 0;
        const misses: string[] = [];
        for (const p of projects) {
          const { theirs, ours } = (await compared()).get(p.slug)!;
          if (theirs.outcome !== 'checked') continue;
          checked++;
          const c = corpus.compare(theirs, ours, p.json.artifacts);
          matched += c.matched.length;
          missed += c.missed.length;
          misses.push(...c.missed);
        }
        const recall = matched / Math.max(1, matched + missed);
        t.diagnostic(`${checked} projects checked by Django ${version}: recall ${matched}/${matched + missed} = ${(recall * 100).toFixed(1)} %${misses.length ? `; missed ${misses.join(' ')}` : ''}`);
        assert.ok(checked >= 30, `only ${checked} projects finished Django's checks`);
        assert.ok(recall >= RECALL, `recall ${(recall * 100).toFixed(1)} %`);
      });
    });
  }
});
