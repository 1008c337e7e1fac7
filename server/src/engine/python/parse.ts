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
}

export function parsePython(text: string, previous?: ParsedPython): ParsedPython {
  if (previous && previous.text === text) return previous;
  let fragments: readonly TreeFragment[] = [];
  if (previous) {
    const change = changedRange(previous.text, text);
    fragments = TreeFragment.applyChanges(previous.fragments, [change]);
  }
  const tree = parser.parse(text, fragments);
  return { text, tree, fragments: TreeFragment.addTree(tree, fragments) };
}

/** The single range that differs between two texts, found from the common prefix and suffix. */
export function changedRange(oldText: string, newText: string): ChangedRange {
  const min = Math.min(oldText.length, newText.length);
  // Native substring comparison in blocks first, then character by character.
  let start = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (start + block <= min && oldText.slice(start, start + block) === newText.slice(start, start + block)) start += block;
  }
  let endOld = oldText.length;
  let endNew = newText.length;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (endOld - block >= start && endNew - block >= start && oldText.slice(endOld - block, endOld) === newText.slice(endNew - block, endNew)) {
      endOld -= block;
      endNew -= block;
    }
  }
  return { fromA: start, toA: endOld, fromB: start, toB: endNew };
}
