// Static files as Django's finders see them (django/contrib/staticfiles/finders.py):
// FileSystemFinder walks STATICFILES_DIRS in order (`path` or `(prefix, path)` entries), then
// AppDirectoriesFinder walks `<app>/static/` for each app in INSTALLED_APPS order. The first match
// wins. STATIC_ROOT is collectstatic's output, never a source.

import * as posix from 'node:path/posix';
import { isSequence, pathLike, type Value } from '../python/values';

export interface StaticSource {
  /** Absolute folder. */
  root: string;
  /** `(prefix, path)` entries: files are addressed as `prefix/<relative path>`. */
  prefix?: string;
  /** Where the folder comes from, for hovers: `STATICFILES_DIRS[0]`, `app blog`. */
  origin: string;
}

export interface StaticFinders {
  sources: StaticSource[];
  /**
   * Installed apps whose folder is not in the workspace (Django's own, site-packages): they may
   * serve files we cannot see, usually under their label (`admin/…`, `rest_framework/…`).
   */
  invisibleApps: string[];
  /** False when STATICFILES_DIRS or INSTALLED_APPS could not be read completely. */
  complete: boolean;
}

export interface StaticFile {
  /** The path as `{% static %}` takes it: `css/site.css`, `vendor/x.js` with a prefix. */
  path: string;
  file: string;
  source: StaticSource;
}

/** Reads the finders from settings values; `appFolder` resolves an INSTALLED_APPS entry to its package folder. */
export function staticFinders(staticfilesDirs: Value, installedApps: Value, appFolder: (entry: string) => string | undefined): StaticFinders {
  const sources: StaticSource[] = [];
  let complete = true;
  if (isSequence(staticfilesDirs)) {
    staticfilesDirs.items.forEach((item, i) => {
      let prefix: string | undefined;
      let pathValue: Value = item;
      if ((item.kind === 'tuple' || item.kind === 'list') && item.items.length === 2) {
        const p = item.items[0];
        if (p.kind !== 'str') {
          complete = false;
          return;
        }
        prefix = p.value;
        pathValue = item.items[1];
      }
      const root = pathLike(pathValue);
      if (!root || !root.startsWith('/')) {
        complete = false;
        return;
      }
      sources.push({ root: posix.normalize(root).replace(/\/$/, ''), prefix, origin: `STATICFILES_DIRS[${i}]` });
    });
  } else if (staticfilesDirs.kind !== 'none') complete = false;

  const invisibleApps: string[] = [];
  if (isSequence(installedApps)) {
    for (const item of installedApps.items) {
      if (item.kind !== 'str') {
        complete = false;
        continue;
      }
      const folder = appFolder(item.value);
      if (folder) sources.push({ root: `${folder}/static`, origin: `app ${item.value}` });
      else invisibleApps.push(appLabel(item.value));
    }
  } else complete = false;
  return { sources, invisibleApps, complete };
}

/** `django.contrib.admin` → `admin`; `blog.apps.BlogConfig` → `blog`. */
export function appLabel(entry: string): string {
  const parts = entry.split('.');
  const configAt = parts.findIndex((p) => p === 'apps');
  if (configAt > 0 && /Config$/.test(parts[parts.length - 1])) return parts[configAt - 1];
  return parts[parts.length - 1];
}

/** Every static file the finders serve, by `{% static %}` path; the first finder wins. */
export function staticIndex(finders: StaticFinders, files: Iterable<string>): Map<string, StaticFile> {
  const bySource = finders.sources.map(() => [] as string[]);
  for (const file of files) {
    finders.sources.forEach((s, i) => {
      if (file.startsWith(s.root + '/')) bySource[i].push(file);
    });
  }
  const index = new Map<string, StaticFile>();
  finders.sources.forEach((source, i) => {
    for (const file of bySource[i].sort()) {
      const rel = file.slice(source.root.length + 1);
      const path = source.prefix ? `${source.prefix}/${rel}` : rel;
      if (!index.has(path)) index.set(path, { path, file, source });
    }
  });
  return index;
}

/** Whether an app we cannot see could serve `path` (its first folder is the app's label). */
export function maybeServedByInvisibleApp(finders: StaticFinders, path: string): boolean {
  const first = path.split('/')[0];
  return finders.invisibleApps.includes(first);
}

/** The closest known paths, for "did you mean" fixes. */
export function closestStaticPaths(index: Map<string, StaticFile>, path: string, max = 3): string[] {
  const base = posix.basename(path);
  // At most this many edits away (never more than the distance computation's own limit).
  const allowed = Math.min(Math.max(2, Math.floor(path.length / 6)), 6);
  const best: [number, string][] = [];
  /** The distance a candidate must not pass to matter: `allowed`, or the worst of the best `max` so far. */
  const limit = () => (best.length < max ? allowed : best[best.length - 1][0]);
  const consider = (candidate: string) => {
    const sameBase = posix.basename(candidate) === base;
    if (Math.abs(candidate.length - path.length) > 8 && !sameBase) return;
    const raw = editDistance(candidate, path, sameBase ? 6 : limit());
    const d = sameBase ? Math.min(2, raw) : raw;
    if (d > limit()) return;
    best.push([d, candidate]);
    best.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
    if (best.length > max) best.pop();
  };
  const near = nearIndex(index);
  const seen = new Set<number>(near.byBase.get(base) ?? []);
  for (const id of seen) consider(near.paths[id]);
  const grams = [...new Set(trigrams(path))];
  // Each edit removes at most 3 trigram occurrences, so at most 3 of the distinct ones: a path
  // within `k` edits shares at least grams - 3k of them. Paths are measured most-shared first,
  // and the bound tightens as the best ones are found.
  const counts = near.counts;
  const touched: number[] = [];
  for (const g of grams) {
    for (const id of near.byGram.get(g) ?? []) if (counts[id]++ === 0) touched.push(id);
  }
  const buckets: number[][] = [];
  for (const id of touched) {
    if (!seen.has(id)) (buckets[counts[id]] ??= []).push(id);
    counts[id] = 0;
  }
  if (grams.length - 3 * allowed <= 0) {
    // Too short to filter on trigrams: every path is a candidate (paths sharing none included).
    const any = new Set(touched);
    for (let id = 0; id < near.paths.length; id++) if (!seen.has(id) && !any.has(id)) (buckets[0] ??= []).push(id);
  }
  for (let n = buckets.length - 1; n >= 0; n--) {
    if (n < grams.length - 3 * limit()) break;
    for (const id of buckets[n] ?? []) consider(near.paths[id]);
  }
  return best.map(([, c]) => c);
}

/**
 * An index of the static paths for "did you mean": by file name, and by trigram (what a query
 * and a path within a few edits of it must share), built once per static index.
 */
interface NearIndex {
  paths: string[];
  byBase: Map<string, number[]>;
  byGram: Map<string, number[]>;
  /** Shared-trigram counts per path, zero between queries. */
  counts: Int32Array;
}

const NEAR_INDEXES = new WeakMap<Map<string, StaticFile>, NearIndex>();

function trigrams(s: string): string[] {
  const padded = `\u0002${s}\u0003`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function nearIndex(index: Map<string, StaticFile>): NearIndex {
  let near = NEAR_INDEXES.get(index);
  if (near) return near;
  const paths = [...index.keys()];
  near = { paths, byBase: new Map(), byGram: new Map(), counts: new Int32Array(paths.length) };
  near.paths.forEach((p, id) => {
    const base = posix.basename(p);
    (near!.byBase.get(base) ?? near!.byBase.set(base, []).get(base)!).push(id);
    for (const g of new Set(trigrams(p))) (near!.byGram.get(g) ?? near!.byGram.set(g, []).get(g)!).push(id);
  });
  NEAR_INDEXES.set(index, near);
  return near;
}

/** Levenshtein distance, giving up above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
