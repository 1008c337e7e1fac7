// Asset references inside CSS text (<style> contents, style="" values): url(...) values and
// @import "..." / @import url(...). CSS comments and strings are skipped; template tokens
// (`masked`) are opaque, and a reference that touches one is dynamic, so it is left out.

import type { Span } from './scan';

/** Spans sorted by start and disjoint, read by index (TemplateTokens is one). */
export interface IndexedSpans {
  readonly count: number;
  start(k: number): number;
  end(k: number): number;
}

const NONE: IndexedSpans = { count: 0, start: () => 0, end: () => 0 };

export interface CssReference {
  value: string;
  /** Offsets of the value, quotes excluded. */
  start: number;
  end: number;
  kind: 'url' | 'import';
  quote: '"' | "'" | '';
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isIdent = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x5c || c > 0x7f;

/**
 * url(...) values and @import targets inside [span.start, span.end) of text; values overlapping
 * `masked` spans (sorted by start, disjoint: template tokens) are omitted.
 */
export function cssReferences(text: string, span: Span, masked: IndexedSpans = NONE): CssReference[] {
  const limit = Math.min(span.end, text.length);
  let lo = 0;
  let hi = masked.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (masked.end(mid) <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const holes: Span[] = [];
  for (let k = lo; k < masked.count && masked.start(k) < limit; k++) holes.push({ start: masked.start(k), end: masked.end(k) });
  const out: CssReference[] = [];
  let h = 0;
  /** The end of the mask covering `i`, or -1. */
  const holeAt = (i: number): number => {
    while (h < holes.length && holes[h].end <= i) h++;
    let end = -1;
    for (let k = h; k < holes.length && holes[k].start <= i; k++) if (holes[k].end > i) end = Math.max(end, holes[k].end);
    return end;
  };
  const skipSpace = (i: number) => {
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
    return i;
  };

  /** Reads a quoted string starting at the quote; returns the value span, its end after the closing quote, and whether a mask was crossed. */
  const readString = (i: number) => {
    const q = text.charCodeAt(i);
    const start = i + 1;
    let dynamic = false;
    let j = start;
    while (j < limit) {
      const hole = holeAt(j);
      if (hole >= 0) {
        dynamic = true;
        j = hole;
        continue;
      }
      const c = text.charCodeAt(j);
      if (c === q) return { start, end: j, next: j + 1, dynamic, closed: true };
      if (c === 0x0a) break; // unterminated string ends at the line
      j += c === 0x5c ? 2 : 1;
    }
    return { start, end: Math.min(j, limit), next: Math.min(j, limit), dynamic, closed: false };
  };

  /** After "url(": the value and where scanning resumes. */
  const readUrl = (i: number, kind: 'url' | 'import'): number => {
    i = skipSpace(i);
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const s = readString(i);
      if (!s.dynamic && s.closed) out.push({ value: text.slice(s.start, s.end), start: s.start, end: s.end, kind, quote: c === 0x22 ? '"' : "'" });
      let j = s.next;
      while (j < limit && text.charCodeAt(j) !== 0x29 /* ) */ && text.charCodeAt(j) !== 0x0a) j++;
      return j < limit && text.charCodeAt(j) === 0x29 ? j + 1 : j;
    }
    const start = i;
    let dynamic = false;
    let j = i;
    let end = i;
    while (j < limit) {
      const hole = holeAt(j);
      if (hole >= 0) {
        dynamic = true;
        j = end = hole;
        continue;
      }
      const ch = text.charCodeAt(j);
      if (ch === 0x29 || ch === 0x22 || ch === 0x27 || ch === 0x28) break;
      j++;
      if (!isSpace(ch)) end = j;
    }
    const closed = j < limit && text.charCodeAt(j) === 0x29;
    if (closed && !dynamic && end > start) out.push({ value: text.slice(start, end), start, end, kind, quote: '' });
    return closed ? j + 1 : j;
  };

  let i = Math.max(span.start, 0);
  while (i < limit) {
    const hole = holeAt(i);
    if (hole >= 0) {
      i = hole;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > limit ? limit : close + 2;
    } else if (c === 0x22 || c === 0x27) {
      i = readString(i).next;
    } else if ((c | 0x20) === 0x75 /* u */ && matchesWord(text, i, 'url(', limit) && (i === span.start || !isIdent(text.charCodeAt(i - 1)))) {
      i = readUrl(i + 4, 'url');
    } else if (c === 0x40 /* @ */ && matchesWord(text, i, '@import', limit) && !isIdent(text.charCodeAt(i + 7))) {
      let j = skipSpace(i + 7);
      const q = text.charCodeAt(j);
      if (q === 0x22 || q === 0x27) {
        const s = readString(j);
        if (!s.dynamic && s.closed) out.push({ value: text.slice(s.start, s.end), start: s.start, end: s.end, kind: 'import', quote: q === 0x22 ? '"' : "'" });
        j = s.next;
      } else if (matchesWord(text, j, 'url(', limit)) {
        j = readUrl(j + 4, 'import');
      }
      i = Math.max(j, i + 7);
    } else {
      i++;
    }
  }
  return out;
}

function matchesWord(text: string, i: number, word: string, limit: number): boolean {
  return i + word.length <= limit && text.slice(i, i + word.length).toLowerCase() === word;
}
