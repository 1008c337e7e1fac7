// Static folders the settings name (STATICFILES_DIRS entries, apps' static/) are listed whole,
// even where the workspace walks never go: a static folder under build output or dependencies
// (`frontend/dist`, `build/static`, `node_modules/some-package/dist`), and the vendor folders a
// walked static folder holds (`static/node_modules`, `static/bower_components`, `static/dist`).
// Their files are what {% static %} paths resolve against. One bounded listing per folder
// (host/walk.ts; synchronous for the CLI and after edits, asynchronous after the server's walk),
// once the settings are known, and again whenever the settings name a folder not listed yet.

import { isIgnoredPath } from '../engine/project/layout';
import type { DjangoProject } from '../engine/project/project';
import { isFolder, walkAsync, walkSync, WALK_LIMITS, type Listing } from './walk';

interface StaticTreeState {
  /** Folders listed whole already. */
  listed: Set<string>;
  /** Folders the project walk did not enter (Listing.unentered). */
  unentered: Set<string>;
}

const states = new WeakMap<DjangoProject, StaticTreeState>();

function stateOf(project: DjangoProject): StaticTreeState {
  let state = states.get(project);
  if (!state) states.set(project, (state = { listed: new Set(), unentered: new Set() }));
  return state;
}

/**
 * Lists the parts of `project`'s static folders that the walk skipped and that are not listed
 * yet; returns how many files it added. `unentered`: the folders a walk just left out.
 */
export function listSkippedStaticFolders(project: DjangoProject, log: (message: string) => void = () => undefined, unentered: readonly string[] = []): number {
  let added = 0;
  for (const folder of foldersToList(project, unentered)) added += handIn(project, walkSync(folder, STATIC_TREE), log);
  return added;
}

/** listSkippedStaticFolders without blocking: each folder is listed asynchronously (the server, after its walk). */
export async function listSkippedStaticFoldersAsync(project: DjangoProject, log: (message: string) => void, unentered: readonly string[] = []): Promise<number> {
  let added = 0;
  for (const folder of foldersToList(project, unentered)) added += handIn(project, await walkAsync(folder, STATIC_TREE), log);
  return added;
}

const STATIC_TREE = { maxEntries: WALK_LIMITS.staticTreeEntries, maxDepth: WALK_LIMITS.staticTreeDepth, mode: 'whole' } as const;

/** The folders to list now, marked as listed (so that a listing under way is not started twice). */
function foldersToList(project: DjangoProject, unentered: readonly string[]): string[] {
  const state = stateOf(project);
  for (const folder of unentered) state.unentered.add(folder);
  const out: string[] = [];
  const take = (folder: string) => {
    // A folder that does not exist must stay missing (staticfiles.W004 is about exactly that);
    // it is looked at again should the settings be analysed again.
    if (state.listed.has(folder) || !isFolder(folder)) return;
    state.listed.add(folder);
    out.push(folder);
  };
  for (const folder of project.staticFolders()) {
    if (state.listed.has(folder)) continue;
    const rel = folder.startsWith(project.root + '/') ? folder.slice(project.root.length) : undefined;
    if (rel === undefined) continue; // outside the workspace
    if (isIgnoredPath(rel)) {
      take(folder);
      continue;
    }
    // Walked: only what the walk left out inside it.
    for (const skipped of state.unentered) if (skipped.startsWith(folder + '/')) take(skipped);
  }
  return out;
}

function handIn(project: DjangoProject, listing: Listing, log: (message: string) => void): number {
  for (const note of listing.notes) log(`Static folder: ${note}.`);
  project.addDirectories(listing.directories);
  project.addKnownFiles(listing.files);
  return listing.files.length;
}

/** Whether `path` lies in a static folder listed here for `project` (file events keep it current). */
export function inListedStaticFolder(project: DjangoProject, path: string): boolean {
  const state = states.get(project);
  if (!state) return false;
  for (const folder of state.listed) if (path.startsWith(folder + '/')) return true;
  return false;
}
