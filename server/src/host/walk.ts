// Listing folder trees for the engine, the one way both shells (the CLI and the language server)
// do it: one skip policy (folderTreatment in engine/project/layout.ts), one set of limits, the
// same answer for the same tree. The walk itself is a generator that asks for `readdir` and
// `stat` and never touches the disk; a synchronous driver (the CLI, small listings) and an
// asynchronous one (the server: one folder per event-loop turn, cancellable) answer it.
//
// Bounded in entries and depth, breadth first (a capped listing still holds the top of the
// project, where settings live). Symbolic links to folders are listed as folders but never
// followed, so links cannot loop; a dangling or looping link is left out. Names that are not
// valid UTF-8 are left out and counted (no path string could name them again). Nothing throws:
// what the walk left out comes back as notes for the user.

import * as fs from 'node:fs';
import * as posix from 'node:path/posix';
import { folderTreatment, type FolderTreatment } from '../engine/project/layout';
import { isDependencyFile } from '../engine/project/requirements';

/** Every bound of the walks, in one place. */
export const WALK_LIMITS = {
  /** Entries (files and folders) listed in a project (a CLI path, a workspace folder). */
  projectEntries: 100_000,
  /** Entries listed around a document opened outside every workspace folder. */
  looseEntries: 5_000,
  /** Folder levels entered below a project root. */
  projectDepth: 48,
  /** Entries listed in any one folder (a folder of 200,000 uploads must not spend the whole budget). */
  folderEntries: 20_000,
  /** Levels of sub-folders listed inside build output (`list` folders). */
  listedDepth: 3,
  /** Entries listed in one static folder the walk skipped (host/staticTrees.ts). */
  staticTreeEntries: 50_000,
  /** Folder levels entered below a static folder. */
  staticTreeDepth: 24,
  /** Entries STATIC_ROOT's probe looks at (the checklist's collectstatic row). */
  probeEntries: 20_000,
} as const;

export interface Listing {
  /** Files (and, for `.py` and dependency files, non-regular entries: reading refuses them with the reason). */
  files: string[];
  /** Folders, the root first. */
  directories: string[];
  /** Folders listed but not entered whole by the skip policy (dependencies, virtualenvs, build output). */
  unentered: string[];
  /** Whether every folder below the root was listed (false when capped, stopped, or a folder could not be read). */
  complete: boolean;
  /** Folders whose content is not all listed (capped, unreadable, too deep, not reached): what is missing there may exist. */
  incomplete: string[];
  /** Entries seen, files and folders. */
  entries: number;
  /** What was left out and why, one sentence each. */
  notes: string[];
}

export interface WalkOptions {
  maxEntries: number;
  /** Folder levels entered below the root (0: the root's entries only). */
  maxDepth: number;
  /** `project`: the skip policy applies; `whole`: every folder is entered (a static folder). */
  mode?: 'project' | 'whole';
  /** Checked before each folder: stop early (the server is shutting down, the request was cancelled). */
  stopped?(): boolean;
}

type Step = { readdir: string } | { stat: string };
type Answer = { entries: fs.Dirent<Buffer>[] } | { stats: fs.Stats } | { error: NodeJS.ErrnoException };

/** Lists `root` synchronously: the CLI, and listings small enough to take no noticeable time. */
export function walkSync(root: string, options: WalkOptions): Listing {
  const steps = walkSteps(root, options);
  for (let next = steps.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    let answer: Answer;
    try {
      answer = 'readdir' in step ? { entries: fs.readdirSync(step.readdir, { withFileTypes: true, encoding: 'buffer' }) } : { stats: fs.statSync(step.stat) };
    } catch (error) {
      answer = { error: error as NodeJS.ErrnoException };
    }
    next = steps.next(answer);
  }
}

/** Lists `root` without blocking: every `readdir` and `stat` is asynchronous. */
export async function walkAsync(root: string, options: WalkOptions): Promise<Listing> {
  const steps = walkSteps(root, options);
  for (let next = steps.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    let answer: Answer;
    try {
      answer = 'readdir' in step ? { entries: await fs.promises.readdir(step.readdir, { withFileTypes: true, encoding: 'buffer' }) } : { stats: await fs.promises.stat(step.stat) };
    } catch (error) {
      answer = { error: error as NodeJS.ErrnoException };
    }
    next = steps.next(answer);
  }
}

type Kind = 'folder' | 'linkedFolder' | 'file' | 'other';

function* walkSteps(root: string, options: WalkOptions): Generator<Step, Listing, Answer> {
  const listing: Listing = { files: [], directories: [root], unentered: [], complete: true, incomplete: [], entries: 0, notes: [] };
  const whole = options.mode === 'whole';
  // `listed`: levels of sub-folders still listed inside build output; undefined elsewhere.
  const queue: ({ dir: string; depth: number; listed?: number } | undefined)[] = [{ dir: root, depth: 0 }];
  const unreadable: string[] = [];
  const crowded: string[] = [];
  let badNames = 0;
  let tooDeep = 0;
  let capped = false;
  let stopped = false;
  walk: for (let i = 0; i < queue.length; i++) {
    if (options.stopped?.()) {
      stopped = true;
      for (let j = i; j < queue.length; j++) listing.incomplete.push(queue[j]!.dir);
      break;
    }
    const { dir, depth, listed } = queue[i]!;
    queue[i] = undefined; // the queue of a big tree holds only what is still to come
    const answer: Answer = yield { readdir: dir };
    if (!('entries' in answer)) {
      unreadable.push(`${dir} (${'error' in answer ? answer.error.code ?? answer.error.message : 'not a folder'})`);
      listing.incomplete.push(dir);
      continue;
    }
    let entries = answer.entries;
    if (entries.length > options.maxEntries || (!whole && entries.length > WALK_LIMITS.folderEntries)) {
      crowded.push(`${dir} (${entries.length.toLocaleString('en')} entries)`);
      listing.incomplete.push(dir);
      // Folders and Python modules first: a settings package among 200,000 uploads is still found.
      const first = (e: fs.Dirent<Buffer>) => e.isDirectory() || (e.name.length > 3 && e.name.toString('latin1', e.name.length - 3) === '.py');
      entries = [...entries.filter(first), ...entries.filter((e) => !first(e))].slice(0, whole ? options.maxEntries : WALK_LIMITS.folderEntries);
    }
    // A virtualenv, whatever its name: known to exist, not entered.
    if (!whole && depth > 0 && listed === undefined && answer.entries.some((e) => e.name.length === 10 && e.name.toString('latin1') === 'pyvenv.cfg')) {
      listing.unentered.push(dir);
      continue;
    }
    for (const entry of entries) {
      if (++listing.entries > options.maxEntries) {
        capped = true;
        listing.incomplete.push(dir);
        for (let j = i + 1; j < queue.length; j++) listing.incomplete.push(queue[j]!.dir);
        break walk;
      }
      const name = utf8Name(entry.name);
      if (name === undefined) {
        badNames++;
        continue;
      }
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      let kind: Kind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        const target: Answer = yield { stat: path };
        if (!('stats' in target)) continue; // dangling, or a loop of links
        kind = target.stats.isDirectory() ? 'linkedFolder' : target.stats.isFile() ? 'file' : 'other';
      }
      if (kind === 'folder') {
        listing.directories.push(path);
        if (listed !== undefined) {
          if (listed > 1) queue.push({ dir: path, depth: depth + 1, listed: listed - 1 });
          continue;
        }
        const treatment = whole ? 'walk' : folderTreatment(name);
        if (treatment !== 'walk') listing.unentered.push(path);
        if (treatment === 'skip') continue;
        if (depth >= options.maxDepth) {
          tooDeep++;
          listing.incomplete.push(path);
          continue;
        }
        queue.push({ dir: path, depth: depth + 1, listed: treatment === 'list' ? WALK_LIMITS.listedDepth : undefined });
      } else if (kind === 'linkedFolder') {
        listing.directories.push(path); // it exists; not followed (links can loop)
      } else if (listed === undefined && (kind === 'file' || name.endsWith('.py') || isDependencyFile(path))) {
        // A .py or dependency file that is not a regular file (a FIFO, a device) is listed too:
        // reading it refuses it with the reason, instead of the walk hiding it.
        listing.files.push(path);
      }
    }
  }
  if (capped) listing.notes.push(`listed only the first ${options.maxEntries.toLocaleString('en')} entries of ${root}; folders not reached are not analysed`);
  if (stopped) listing.notes.push(`stopped listing ${root} before the end`);
  if (crowded.length) listing.notes.push(`listed part of ${plural(crowded.length, 'folder')} holding more than ${WALK_LIMITS.folderEntries.toLocaleString('en')} entries: ${crowded.slice(0, 3).join(', ')}${crowded.length > 3 ? ', …' : ''}`);
  if (unreadable.length) listing.notes.push(`could not list ${plural(unreadable.length, 'folder')}: ${unreadable.slice(0, 3).join(', ')}${unreadable.length > 3 ? ', …' : ''}`);
  if (tooDeep) listing.notes.push(`did not enter ${plural(tooDeep, 'folder')} more than ${options.maxDepth} levels below ${root}`);
  if (badNames) listing.notes.push(`left out ${plural(badNames, 'entry', 'entries')} whose name is not valid UTF-8`);
  listing.complete = listing.incomplete.length === 0;
  return listing;
}

/** A file name as a string, or undefined when its bytes are not UTF-8 (no string names it again). */
function utf8Name(bytes: Buffer): string | undefined {
  const name = bytes.toString('utf8');
  if (name.includes('\ufffd') && !Buffer.from(name, 'utf8').equals(bytes)) return undefined;
  return name;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * How a project walk of `root` treats the file `path`: `walk` when every folder between them is
 * entered (the walk lists it), else the strictest treatment of those folders.
 */
export function pathTreatment(root: string, path: string): FolderTreatment {
  const rel = path.startsWith(root === '/' ? '/' : root + '/') ? path.slice(root.length + 1) : path;
  const folders = rel.split('/');
  folders.pop();
  let out: FolderTreatment = 'walk';
  for (const name of folders) {
    const treatment = folderTreatment(name);
    if (treatment === 'skip') return 'skip';
    if (treatment === 'list') out = 'list';
  }
  return out;
}

/**
 * The folders from `dir` up to `stop` (both included), each listed without descending: enough
 * for `from .base import *` and manage.py/wsgi.py to resolve before a full walk has finished.
 */
export function listFolderChain(dir: string, stop: string, maxFolders = 8): Listing {
  const chain: Listing = { files: [], directories: [], unentered: [], complete: false, incomplete: [], entries: 0, notes: [] };
  let current = dir;
  for (let i = 0; i < maxFolders; i++) {
    const one = walkSync(current, { maxEntries: WALK_LIMITS.looseEntries, maxDepth: 0 });
    chain.files.push(...one.files);
    chain.directories.push(...one.directories);
    chain.unentered.push(...one.unentered);
    chain.entries += one.entries;
    if (current === stop || current.length <= stop.length) break;
    const parent = posix.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return chain;
}

/** The nearest folder at or above `dir` (at most `levels` up) holding a manage.py file. */
export function findManagePy(dir: string, levels = Infinity): string | undefined {
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

/** Whether `path` is an existing folder (following links). */
export function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface StaticRootProbe {
  exists: boolean;
  /** Files seen (symbolic links to files included). */
  files: number;
  /** collectstatic's manifest (ManifestStaticFilesStorage) is there. */
  manifest: boolean;
  /** The probe stopped at WALK_LIMITS.probeEntries: `files` counts part of the tree. */
  truncated: boolean;
}

/** What collectstatic left in STATIC_ROOT, looking at WALK_LIMITS.probeEntries entries at most. */
export async function probeStaticRoot(root: string): Promise<StaticRootProbe> {
  if (!isFolder(root)) return { exists: false, files: 0, manifest: false, truncated: false };
  const listing = await walkAsync(root, { maxEntries: WALK_LIMITS.probeEntries, maxDepth: WALK_LIMITS.staticTreeDepth, mode: 'whole' });
  let manifest = false;
  try {
    manifest = fs.statSync(`${root}/staticfiles.json`).isFile();
  } catch {
    // no manifest
  }
  return { exists: true, files: listing.files.length, manifest, truncated: !listing.complete };
}
