// Incremental parsing of Python source with @lezer/python.
//
// Lezer never fails: half-typed code yields error nodes and the rest of the file keeps its
// structure. Each new text is diffed against the previous one (common prefix and suffix), and
// the unchanged fragments of the old tree are reused, so a keystroke re-parses a few nodes.

import { parser } from '@lezer/python';
import { Tree, TreeFragment, type ChangedRange } from '@lezer/common';

export interface ParsedPython {
  text: string;
  tree: Tree;
  fragments: readonly TreeFragment[];
  /** The text this parse was made from incrementally, and where the two differ. */
  previousText?: string;
  change?: ChangedRange;
}

export function parsePython(text: string, previous?: ParsedPython): ParsedPython {
  if (previous && previous.text === text) return previous;
  let fragments: readonly TreeFragment[] = [];
  let change: ChangedRange | undefined;
  if (previous) {
    change = changedRange(previous.text, text);
    fragments = TreeFragment.applyChanges(previous.fragments, [change]);
  }
  const tree = parser.parse(text, fragments);
  return { text, tree, fragments: TreeFragment.addTree(tree, fragments), previousText: previous?.text, change };
}

/** Characters compared at once (as substrings, natively) before the exact character is looked for. */
const BLOCK = 2048;

/**
 * The single range that differs between two texts, found from the common prefix and suffix:
 * block by block (substrings of a flat string are views, compared natively), then character by
 * character inside the first block that differs.
 */
export function changedRange(oldText: string, newText: string): ChangedRange {
  const min = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + BLOCK <= min && oldText.slice(start, start + BLOCK) === newText.slice(start, start + BLOCK)) start += BLOCK;
  while (start < min && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let endOld = oldText.length;
  let endNew = newText.length;
  while (endOld - BLOCK >= start && endNew - BLOCK >= start && oldText.slice(endOld - BLOCK, endOld) === newText.slice(endNew - BLOCK, endNew)) {
    endOld -= BLOCK;
    endNew -= BLOCK;
  }
  while (endOld > start && endNew > start && oldText.charCodeAt(endOld - 1) === newText.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  return { fromA: start, toA: endOld, fromB: start, toB: endNew };
}
