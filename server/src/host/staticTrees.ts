// Static folders the settings name (STATICFILES_DIRS entries, apps' static/) are listed whole,
// even when they sit where the workspace walks never go (`frontend/dist`, `build/static`,
// `node_modules/some-package/dist`): their files are what {% static %} paths resolve against.
// One bounded, synchronous listing, used by both shells once the settings are known.

import * as fs from 'node:fs';
import { isIgnoredPath } from '../engine/project/layout';
import type { DjangoProject } from '../engine/project/project';

/** Files listed per static folder at most. */
export const MAX_STATIC_TREE_ENTRIES = 50_000;
/** Folder depth below a static folder. */
const MAX_DEPTH = 24;

/** Lists the static folders of `project` that the workspace walk skipped; returns how many files it added. */
export function listSkippedStaticFolders(project: DjangoProject, log: (message: string) => void = () => undefined): number {
  let added = 0;
  for (const folder of project.staticFolders()) {
    const rel = folder.startsWith(project.root + '/') ? folder.slice(project.root.length) : undefined;
    // Outside the workspace, or walked already.
    if (rel === undefined || !isIgnoredPath(rel)) continue;
    const { files, directories, truncated } = listTree(folder);
    if (truncated) log(`Listed only the first ${MAX_STATIC_TREE_ENTRIES} entries of the static folder ${folder}.`);
    project.addDirectories(directories);
    project.addKnownFiles(files);
    added += files.length;
  }
  return added;
}

/** Every file below `root` (symbolic links to folders are not followed), bounded; nothing when it is not a folder. */
function listTree(root: string): { files: string[]; directories: string[]; truncated: boolean } {
  const files: string[] = [];
  const directories: string[] = [];
  try {
    // A folder that does not exist must stay missing (staticfiles.W004 is about exactly that).
    if (!fs.statSync(root).isDirectory()) return { files, directories, truncated: false };
  } catch {
    return { files, directories, truncated: false };
  }
  directories.push(root);
  let truncated = false;
  const stack: [string, number][] = [[root, 0]];
  while (stack.length) {
    const [dir, depth] = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (files.length + directories.length >= MAX_STATIC_TREE_ENTRIES) {
        truncated = true;
        return { files, directories, truncated };
      }
      const full = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        directories.push(full);
        if (depth < MAX_DEPTH) stack.push([full, depth + 1]);
      } else if (e.isFile() || e.isSymbolicLink()) files.push(full);
    }
  }
  return { files, directories, truncated };
}
