// The workspace index: one DjangoProject per workspace folder, filled from a walk of the folder,
// plus loose projects for documents opened outside every folder. Keeps the projects in step with
// file events from the client. All disk access goes through the host layer (host/).

import * as fs from 'node:fs';
import * as posix from 'node:path/posix';
import { inListedStaticFolder, listSkippedStaticFolders, listSkippedStaticFoldersAsync } from '../host/staticTrees';
import { supportedByListing } from '../engine/project/listing';
import { DjangoProject } from '../engine/project/project';
import { readSource } from '../host/read';
import { findManagePy, listFolderChain, pathTreatment, walkAsync, WALK_LIMITS, type Listing } from '../host/walk';
import { isVirtualPath } from './convert';


export interface ProjectEntry {
  project: DjangoProject;
  root: string;
  /** The workspace folder's URI; undefined for a loose project. */
  folderUri?: string;
  /** Whether the walk has finished. */
  scanned: boolean;
  /**
   * Folders below the root not listed whole (findings about missing files there are dropped),
   * or 'partial' while the walk runs and for a loose document's folder.
   */
  incomplete: string[] | 'partial';
  /** Resolves when the walk has finished (never rejects). */
  scan: Promise<void>;
  /** Folders already listed for documents opened before the walk finished. */
  listed: Set<string>;
  /** Files the engine asked for and the host refused (a FIFO, over 2 MB, binary…), with the reason. */
  refused: Map<string, string>;
}

export type FileChange = 'created' | 'changed' | 'deleted';

export interface WorkspaceIndexOptions {
  log(message: string): void;
  /** A project was created: give it its configuration. */
  configure(entry: ProjectEntry): void;
  /** A walk finished: republish what depends on it. */
  scanned(entry: ProjectEntry): void;
}

export class WorkspaceIndex {
  private folders: ProjectEntry[] = [];
  private loose: ProjectEntry[] = [];
  private stopped = false;

  constructor(private options: WorkspaceIndexOptions) {}

  entries(): ProjectEntry[] {
    return [...this.folders, ...this.loose];
  }

  folderEntries(): ProjectEntry[] {
    return this.folders;
  }

  addFolder(root: string, folderUri: string): ProjectEntry {
    const existing = this.folders.find((e) => e.folderUri === folderUri);
    if (existing) return existing;
    const entry = this.createEntry(root, folderUri);
    this.folders.push(entry);
    // Deepest first, so that a document goes to the innermost folder.
    this.folders.sort((a, b) => b.root.length - a.root.length);
    entry.scan = this.walk(entry, WALK_LIMITS.projectEntries);
    return entry;
  }

  removeFolder(folderUri: string): ProjectEntry | undefined {
    const i = this.folders.findIndex((e) => e.folderUri === folderUri);
    if (i < 0) return undefined;
    return this.folders.splice(i, 1)[0];
  }

  /** The project a file belongs to: the innermost workspace folder, else a loose project. */
  entryFor(path: string): ProjectEntry {
    const folder = this.folders.find((e) => contains(e.root, path));
    if (folder) return folder;
    const loose = this.loose.filter((e) => contains(e.root, path)).sort((a, b) => b.root.length - a.root.length)[0];
    return loose ?? this.createLoose(path);
  }

  /** Entries whose folder holds `path` (nested workspace folders overlap). */
  entriesContaining(path: string): ProjectEntry[] {
    return this.entries().filter((e) => contains(e.root, path));
  }

  /**
   * Before the walk of its project has finished, lists the folders from a document up to the
   * project root, so that its imports (`from .base import *`) resolve at once.
   */
  prepareFor(entry: ProjectEntry, path: string): void {
    if (entry.scanned && entry.incomplete !== 'partial' && entry.incomplete.length === 0) return;
    if (isVirtualPath(path)) return;
    const dir = posix.dirname(path);
    if (entry.listed.has(dir)) return;
    const listing = listFolderChain(dir, entry.root);
    for (const d of listing.directories) entry.listed.add(d);
    this.handIn(entry, listing);
  }

  /** Applies a file event from the client. Returns the projects it changed. */
  fileChanged(path: string, change: FileChange, isOpen: boolean): ProjectEntry[] {
    const changed: ProjectEntry[] = [];
    if (isVirtualPath(path)) return changed;
    for (const entry of this.entriesContaining(path)) {
      const treatment = pathTreatment(entry.root, path);
      if (treatment !== 'walk' && !inListedStaticFolder(entry.project, path)) {
        // The walk does not list it; still, a file appearing in build output proves its folders
        // exist (a new STATICFILES_DIRS folder under build/). Dependencies and caches: nothing.
        if (change === 'created' && treatment === 'list') {
          entry.project.addDirectories(foldersBetween(entry.root, posix.dirname(path)));
          changed.push(entry);
        }
        continue;
      }
      const { project } = entry;
      if (isOpen) {
        // The open document is the truth; only its existence matters.
        if (change === 'created') project.addKnownFiles([path]);
        continue;
      } else if (change === 'created') {
        project.addKnownFiles([path]);
        project.removeFile(path, false);
      } else if (change === 'changed') {
        project.removeFile(path, false);
      } else {
        project.removeFile(path, true);
      }
      changed.push(entry);
    }
    return changed;
  }

  /** A document was closed: the engine goes back to the file on disk, if there is one. */
  documentClosed(entry: ProjectEntry, path: string): void {
    if (isVirtualPath(path)) {
      entry.project.removeFile(path, true);
      return;
    }
    entry.project.removeFile(path, !fs.existsSync(path));
  }

  /** Findings the project's listing supports (engine/project/listing.ts): the same rule as the CLI's. */
  visible<T extends { code: string }>(entry: ProjectEntry, findings: T[]): T[] {
    return supportedByListing(entry.project, findings, entry.scanned ? entry.incomplete : 'partial');
  }

  whenScanned(): Promise<void> {
    return Promise.all(this.entries().map((e) => e.scan)).then(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }

  private createEntry(root: string, folderUri: string | undefined): ProjectEntry {
    const refused = new Map<string, string>();
    const project = new DjangoProject(root, {
      readFile: (path) => {
        const read = readSource(path);
        if (read.ok) {
          refused.delete(path);
          return read.text;
        }
        // A missing file is no news (the engine probes for modules); anything else is said once per file and reason.
        if (/^(no such file|not a directory)/.test(read.reason)) return undefined;
        if (refused.get(path) !== read.reason) this.options.log(`Not analysed: ${path}: ${read.reason}.`);
        refused.set(path, read.reason);
        return undefined;
      },
    });
    const entry: ProjectEntry = { project, root: project.root, folderUri, scanned: false, incomplete: 'partial', scan: Promise.resolve(), listed: new Set(), refused };
    this.options.configure(entry);
    return entry;
  }

  /** A project for a document outside every workspace folder: rooted where manage.py is. */
  private createLoose(path: string): ProjectEntry {
    const dir = posix.dirname(path);
    const managed = isVirtualPath(path) ? undefined : findManagePy(dir, 4);
    const entry = this.createEntry(managed ?? dir, undefined);
    this.loose.push(entry);
    if (managed) {
      this.options.log(`${path} is outside the workspace folders: analysing it with the project at ${managed}.`);
      entry.scan = this.walk(entry, WALK_LIMITS.looseEntries);
    } else {
      // Only the document's own folder is listed: folders below it are unknown, not missing.
      entry.scanned = true;
      if (!isVirtualPath(path)) this.prepareFor(entry, path);
    }
    return entry;
  }

  private async walk(entry: ProjectEntry, maxEntries: number): Promise<void> {
    const started = Date.now();
    try {
      const listing = await walkAsync(entry.root, { maxEntries, maxDepth: WALK_LIMITS.projectDepth, stopped: () => this.stopped });
      if (this.stopped) return;
      for (const note of listing.notes) this.options.log(`Indexing: ${note}.`);
      entry.project.addKnownFiles(listing.files);
      entry.project.addDirectories(listing.directories);
      // Static folders the walk skips, listed without blocking (up to 50,000 entries each).
      const added = await listSkippedStaticFoldersAsync(entry.project, this.options.log, listing.unentered);
      if (added) this.options.log(`Listed ${added} files of static folders the walk skips.`);
      if (this.stopped) return;
      entry.incomplete = listing.incomplete;
      this.options.log(`Indexed ${entry.root}: ${listing.files.length} files, ${listing.directories.length} folders in ${Date.now() - started} ms${listing.complete ? '' : ' (partial listing)'}.`);
    } catch (error) {
      this.options.log(`Could not index ${entry.root}: ${(error as Error).message}`);
    } finally {
      entry.scanned = true;
      if (!this.stopped) this.options.scanned(entry);
    }
  }

  /** A partial listing (the folders around a document opened before the walk ends). */
  private handIn(entry: ProjectEntry, listing: Listing): void {
    entry.project.addKnownFiles(listing.files);
    entry.project.addDirectories(listing.directories);
    this.listNewStaticFolders(entry, listing.unentered);
  }

  /** Static folders under dist/, build/, node_modules/… that the settings name: listed whole once they do. */
  listNewStaticFolders(entry: ProjectEntry, unentered?: string[]): void {
    const added = listSkippedStaticFolders(entry.project, this.options.log, unentered);
    if (added) this.options.log(`Listed ${added} files of static folders the walk skips.`);
  }
}

/** `dir` and its parents up to `root`. */
function foldersBetween(root: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; contains(root, d); d = posix.dirname(d)) {
    out.push(d);
    if (d === root || d === '/') break;
  }
  return out;
}

function contains(root: string, path: string): boolean {
  return path === root || path.startsWith(root === '/' ? '/' : root + '/');
}
