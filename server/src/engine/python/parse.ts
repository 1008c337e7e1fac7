// Incremental parsing of Python source with @lezer/python.
//
// Lezer never fails: half-typed code yields error nodes and the rest of the file keeps its
// structure. Each new text is diffed against the previous one (common prefix and suffix), and
// the unchanged fragments of the old tree are reused, so a keystroke re-parses a few nodes.
// What nests deeper than Python accepts (brackets, prefix-operator runs) is blanked first, offsets
// kept (maskDeepNesting): lezer's tree building recurses once per level.

import { parser } from '@lezer/python';
import { Tree, TreeFragment, type ChangedRange } from '@lezer/common';
import { LIMITS } from './budget';

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
  const parsable = maskDeepNesting(text);
  if (parsable !== text) {
    // The tree is of the blanked copy (same offsets); its fragments are not reused for the real text.
    return { text, tree: parser.parse(parsable), fragments: [], previousText: previous?.text, change };
  }
  const tree = parser.parse(text, fragments);
  return { text, tree, fragments: TreeFragment.addTree(tree, fragments), previousText: previous?.text, change };
}

/** A parse of a piece of source on its own (no incremental base), deep nesting blanked. */
export function parseFragment(text: string): Tree {
  return parser.parse(maskDeepNesting(text));
}

const NEWLINE = 10;
const RETURN = 13;
const HASH = 35;
const BACKSLASH = 92;
/**
 * 1: opening bracket, 2: closing bracket, 3: quote, 4: comment, 5: line break, 6: prefix operator
 * character, 7: first letter of `not` / `await` (0: anything else).
 */
const CHAR_CLASS = new Uint8Array(128);
for (const c of '([{') CHAR_CLASS[c.charCodeAt(0)] = 1;
for (const c of ')]}') CHAR_CLASS[c.charCodeAt(0)] = 2;
for (const c of '\'"') CHAR_CLASS[c.charCodeAt(0)] = 3;
CHAR_CLASS[HASH] = 4;
CHAR_CLASS[NEWLINE] = 5;
CHAR_CLASS[RETURN] = 5;
for (const c of '-+~*') CHAR_CLASS[c.charCodeAt(0)] = 6;
for (const c of 'na') CHAR_CLASS[c.charCodeAt(0)] = 7;

const isIdentifierChar = (c: number) => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95 || c > 127;

/**
 * The text with what nests deeper than LIMITS.parseNesting replaced by spaces (line breaks kept, so
 * every offset stays), or the text itself when nothing does: inside brackets, the bracket that goes
 * too deep through the one that closes it; in a run of prefix operators (`not not …`, `- - …`,
 * `****`), the operators past the bound. Python refuses such a module ("too many nested
 * parentheses", a parser stack overflow); lezer builds its tree recursively (50,000 `(` overflowed
 * the native stack) and crawls through operator runs (30 s for 2 MB of `*`); evaluation stops far
 * above that depth anyway (LIMITS.expressionDepth), so the value is unknown either way and the
 * statement keeps its name. Brackets and operators in comments and strings do not count, except
 * brackets inside f-strings, where replacement fields nest too (counted generously). One pass over
 * the characters; nothing is allocated unless something is blanked.
 */
export function maskDeepNesting(text: string): string {
  const max = LIMITS.parseNesting;
  const n = text.length;
  if (n <= 2 * max) return text;
  let depth = 0;
  /** The bracket that went past `max`, blanked until it closes. */
  let blankFrom = -1;
  let blanks: number[] | undefined;
  /** Prefix operators in a row, and where the last one ends. */
  let run = 0;
  let runEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? CHAR_CLASS[c] : 0;
    if (kind === 0 || kind === 5) continue;
    if (kind >= 6) {
      let end = i + 1;
      if (kind === 7) {
        const word = c === 110 ? 'not' : 'await';
        if (isIdentifierChar(text.charCodeAt(i - 1)) || !text.startsWith(word, i) || isIdentifierChar(text.charCodeAt(i + word.length))) continue;
        end = i + word.length;
      }
      let spaces = runEnd >= 0;
      for (let j = runEnd; spaces && j < i; j++) spaces = text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9;
      run = spaces ? run + 1 : 1;
      if (run > max && blankFrom < 0) {
        // Past the bound: blanked, together with the spaces since the previous blanked operator.
        if (blanks && blanks[blanks.length - 1] === runEnd) blanks[blanks.length - 1] = end;
        else (blanks ??= []).push(i, end);
      }
      runEnd = end;
      i = end - 1;
    } else if (kind === 1) {
      if (++depth > max && blankFrom < 0) blankFrom = i;
    } else if (kind === 2) {
      if (depth > 0 && --depth === max && blankFrom >= 0) {
        (blanks ??= []).push(blankFrom, i + 1);
        blankFrom = -1;
      }
    } else if (kind === 4) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== NEWLINE && text.charCodeAt(i + 1) !== RETURN) i++;
    } else {
      const end = stringEnd(text, i);
      if (blankFrom < 0 && isFString(text, i)) {
        let inner = 0;
        for (let j = i + 1; j < end; j++) {
          const k = text.charCodeAt(j);
          if (k === 123 && text.charCodeAt(j + 1) === 123) j++;
          else if (k < 128 && CHAR_CLASS[k] === 1) {
            if (depth + ++inner > max) {
              // The rest of the literal, up to its closing quotes.
              (blanks ??= []).push(j, Math.max(j, end - stringCloser));
              break;
            }
          } else if (k < 128 && CHAR_CLASS[k] === 2 && inner > 0) inner--;
        }
      }
      i = end - 1;
    }
  }
  if (blankFrom >= 0) (blanks ??= []).push(blankFrom, n);
  if (!blanks) return text;
  let out = '';
  let at = 0;
  for (let b = 0; b < blanks.length; b += 2) {
    out += text.slice(at, blanks[b]) + text.slice(blanks[b], blanks[b + 1]).replace(/[^\r\n]/g, ' ');
    at = blanks[b + 1];
  }
  return out + text.slice(at);
}

/** How many closing quotes end the literal stringEnd last measured (0: unterminated). */
let stringCloser = 0;

/** The offset after the string literal whose opening quote is at `start` (the text's end when unterminated). */
function stringEnd(text: string, start: number): number {
  const q = text.charCodeAt(start);
  const n = text.length;
  stringCloser = 0;
  if (text.charCodeAt(start + 1) === q && text.charCodeAt(start + 2) === q) {
    for (let i = start + 3; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === q && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
        stringCloser = 3;
        return i + 3;
      }
    }
    return n;
  }
  for (let i = start + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      // A backslash before a line break continues the string on the next line.
      if (text.charCodeAt(i + 1) === RETURN && text.charCodeAt(i + 2) === NEWLINE) i++;
      i++;
    } else if (c === q) {
      stringCloser = 1;
      return i + 1;
    } else if (c === NEWLINE || c === RETURN) return i;
  }
  return n;
}

/** Whether the quote at `quote` opens an f-string (`f"`, `rf'`, `Fr"`…). */
function isFString(text: string, quote: number): boolean {
  let i = quote - 1;
  let f = false;
  for (let k = 0; k < 2 && i >= 0; k++, i--) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 102) f = true;
    else if (c !== 114 && c !== 98 && c !== 117) break;
  }
  if (!f) return false;
  const before = i >= 0 ? text.charCodeAt(i) : 32;
  return !((before >= 48 && before <= 57) || ((before | 0x20) >= 97 && (before | 0x20) <= 122) || before === 95 || before > 127);
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
