// The language server's only contact with the disk: reading files for the engine, listing a
// workspace folder (asynchronously, bounded) and the cheap listings used before that finishes.
// Nothing here throws: unreadable files are undefined, unreadable folders are skipped and named.

import * as fs from 'node:fs';
import * as posix from 'node:path/posix';

import { MAX_FILE_BYTES, readSource, toPosix, unanalysableReason } from '../host/read';

export { MAX_FILE_BYTES, toPosix, unanalysableReason };

/** Folders never walked: dependencies, caches, build output, version control. */
export const SKIPPED_DIRECTORIES = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', 'venv', '.venv', 'env', 'site-packages', '.tox', '.nox',
  'dist', 'build', '.mypy_cache', '.pytest_cache', '.ruff_cache',
]);
/**
 * Skipped folders that often hold a front-end build used as a STATICFILES_DIRS entry
 * (`frontend/build/static`): their sub-folders are listed a few levels deep, their files are not.
 */
const SHALLOW_DIRECTORIES = new Set(['dist', 'build']);
const SHALLOW_DEPTH = 3;

/** Dependency files the engine reads the Django version from. */
export const DEPENDENCY_FILE = /^(requirements.*\.(txt|in)|pyproject\.toml|setup\.cfg|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock|pdm\.lock)$/i;

/**
 * Whether a workspace file matters to the engine: Python modules and dependency files (read),
 * templates and static assets (listed: static paths resolve against them; templates are read
 * when analysed). Editor and tool folders are skipped by the walk itself.
 */
export function isProjectFile(path: string): boolean {
  return path.endsWith('.py') || DEPENDENCY_FILE.test(posix.basename(path)) || !/\/\.(git|hg|svn)\//.test(path);
}

export function isDependencyFile(path: string): boolean {
  return DEPENDENCY_FILE.test(posix.basename(path));
}

/** Whether a path below `root` goes through a folder that is never walked. */
export function isSkippedPath(root: string, path: string): boolean {
  const rel = path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
  const parts = rel.split('/');
  parts.pop();
  return parts.some((p) => SKIPPED_DIRECTORIES.has(p));
}


/** Reads a file for the engine (host/read.ts): undefined when it cannot be (missing, not a regular file, over 2 MB, binary, not decodable). */
export function readTextFile(path: string): string | undefined {
  const r = readSource(path);
  return r.ok ? r.text : undefined;
}


export interface Listing {
  /** Python modules and dependency files. */
  files: string[];
  directories: string[];
  /** Whether every folder was listed (false when capped or a folder could not be read). */
  complete: boolean;
  /** Entries seen, folders and files. */
  entries: number;
}

export interface WalkOptions {
  maxEntries: number;
  log(message: string): void;
  /** Checked between folders: the server is shutting down. */
  stopped?(): boolean;
}

/** Lists a folder tree without blocking: one `readdir` at a time, breadth first, capped. */
export async function walkFolder(root: string, options: WalkOptions): Promise<Listing> {
  const listing: Listing = { files: [], directories: [root], complete: true, entries: 0 };
  const queue: { dir: string; shallowDepth?: number }[] = [{ dir: root }];
  let unreadable = 0;
  for (let next = 0; next < queue.length; next++) {
    if (options.stopped?.()) {
      listing.complete = false;
      return listing;
    }
    const { dir, shallowDepth } = queue[next];
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable++;
      listing.complete = false;
      options.log(`Skipped unreadable folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    for (const entry of entries) {
      if (++listing.entries > options.maxEntries) {
        listing.complete = false;
        options.log(`Stopped listing ${root} after ${options.maxEntries} entries; folders not reached are not analysed.`);
        return listing;
      }
      const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
      // Symbolic links to folders are not followed (they can loop); linked files are read.
      if (entry.isDirectory()) {
        listing.directories.push(path);
        if (shallowDepth !== undefined) {
          if (shallowDepth > 1) queue.push({ dir: path, shallowDepth: shallowDepth - 1 });
        } else if (SHALLOW_DIRECTORIES.has(entry.name)) {
          queue.push({ dir: path, shallowDepth: SHALLOW_DEPTH });
        } else if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          queue.push({ dir: path });
        }
      } else if (shallowDepth === undefined && (entry.isFile() || entry.isSymbolicLink()) && isProjectFile(path)) {
        listing.files.push(path);
      }
    }
  }
  if (unreadable) listing.complete = false;
  return listing;
}

/**
 * The folders from `dir` up to `stop` (both included), each listed without descending: enough
 * for `from .base import *` and manage.py/wsgi.py to resolve before a full walk has finished.
 */
export function listChainSync(dir: string, stop: string, maxFolders = 8): Listing {
  const listing: Listing = { files: [], directories: [], complete: false, entries: 0 };
  let current = dir;
  for (let i = 0; i < maxFolders; i++) {
    listing.directories.push(current);
    try {
      for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
        listing.entries++;
        const path = current === '/' ? `/${entry.name}` : `${current}/${entry.name}`;
        if (entry.isDirectory()) listing.directories.push(path);
        else if (isProjectFile(path)) listing.files.push(path);
      }
    } catch {
      // unreadable: the full walk reports it
    }
    if (current === stop || current.length <= stop.length) break;
    const parent = posix.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return listing;
}

/** The nearest folder at or above `dir` (at most `levels` up) holding manage.py. */
export function findManagePy(dir: string, levels = 4): string | undefined {
  let current = dir;
  for (let i = 0; i <= levels; i++) {
    try {
      if (fs.statSync(`${current === '/' ? '' : current}/manage.py`).isFile()) return current;
    } catch {
      // not here
    }
    const parent = posix.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

/** Entries (files and folders) probeStaticRoot looks at before it stops: a bound on its time. */
const PROBE_LIMIT = 20_000;

/** What collectstatic left in STATIC_ROOT: files counted over at most PROBE_LIMIT entries (`truncated` past it). */
export function probeStaticRoot(root: string): { exists: boolean; files: number; manifest: boolean; truncated: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    return { exists: false, files: 0, manifest: false, truncated: false };
  }
  if (!stat.isDirectory()) return { exists: false, files: 0, manifest: false, truncated: false };
  let files = 0;
  let entries = 0;
  const pending = [root];
  while (pending.length && entries < PROBE_LIMIT) {
    const dir = pending.pop()!;
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of names) {
      entries++;
      if (d.isDirectory()) pending.push(`${dir}/${d.name}`);
      else files++;
    }
  }
  return { exists: true, files, manifest: fs.existsSync(`${root}/staticfiles.json`), truncated: pending.length > 0 };
}

